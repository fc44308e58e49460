"""Calendar-feed tokens kept only as hashes (issue 15): each address already given out keeps
working, since the feed is found by the hash of the token in its address."""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    Member = apps.get_model("practices", "Member")
    for member in Member.objects.exclude(feed_token=""):
        member.feed_token_hash = hashlib.sha256(member.feed_token.encode()).hexdigest()
        member.feed_token = ""
        member.save(update_fields=["feed_token_hash", "feed_token"])


def no_way_back(apps, schema_editor):
    # A hash cannot give its token back: going back turns the feeds off (make a new address).
    apps.get_model("practices", "Member").objects.update(feed_token_hash="")


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0007_import_holding"),
    ]

    operations = [
        migrations.AddField(
            model_name="member",
            name="feed_token_hash",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.RunPython(hash_tokens, no_way_back),
        migrations.RemoveField(
            model_name="member",
            name="feed_token",
        ),
    ]
