"""Existing clients are looked after by who added them, if they still work in the practice;
otherwise (imported, or added by someone who has left) by the practice's first owner, who
had them all along. A practice with no active owner leaves them with nobody yet."""

from typing import Any

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def looked_after_by_creator_or_owner(apps: Any, schema_editor: Any) -> None:
    Client = apps.get_model("clients", "Client")
    Member = apps.get_model("practices", "Member")
    Client.objects.filter(
        looked_after_by__isnull=True,
        created_by__isnull=False,
        created_by__user__is_active=True,
        created_by__practice_id=F("practice_id"),
    ).update(looked_after_by_id=F("created_by_id"))
    first_owner = Member.objects.filter(
        practice_id=OuterRef("practice_id"), role="owner", user__is_active=True
    ).order_by("joined_at", "pk")
    Client.objects.filter(looked_after_by__isnull=True).update(
        looked_after_by_id=Subquery(first_owner.values("pk")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [("clients", "0015_client_looked_after_by")]

    operations = [
        migrations.RunPython(looked_after_by_creator_or_owner, migrations.RunPython.noop),
    ]
