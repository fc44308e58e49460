"""The word check's rules became families (issue 12): a practice that silenced an old rule keeps
it silent under the rules that replaced it."""

from django.db import migrations

RENAMED = {
    "love-dear-as-address": ["pet-names"],
    "love-dear-trailing": ["pet-names"],
    "canned-phrases": [
        "canned-kindly", "canned-be-advised", "canned-do-not-reply", "canned-valued",
        "canned-policy", "canned-regret", "canned-appreciate", "canned-inconvenience",
        "canned-hesitate", "canned-boilerplate",
    ],
    "blame": ["blame-you-failed", "blame-as-i-said", "blame-your-fault", "blame-obviously"],
    "money-shame": ["money-means", "money-comparison", "money-deflect", "money-dunning"],
    "familiar-love-sign-off": ["familiar-sign-off"],
}


def rename(apps, schema_editor):
    SilencedRule = apps.get_model("messaging", "SilencedRule")
    for old, new_ids in RENAMED.items():
        for silenced in SilencedRule.objects.filter(rule_id=old):
            for new_id in new_ids:
                SilencedRule.objects.get_or_create(practice_id=silenced.practice_id, rule_id=new_id)
            silenced.delete()


class Migration(migrations.Migration):
    dependencies = [("messaging", "0006_mail_status_bounce")]
    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
