"""Dates entered before forms and the API were bounded (issue 15) and outside 1900-2200 are
moved to the nearest bound: a year-1 date made the pages that show it fail."""

from typing import Any

from django.db import migrations

from rapport.lib.dates import clamp_stored


def clamp(apps: Any, schema_editor: Any) -> None:
    clamp_stored(apps.get_model("clients", "Client"), "client_since", "last_contact_at", "last_inbound_at", "awaiting_reply_since", "awaiting_reply_latest", "checkin_due_at")
    clamp_stored(apps.get_model("clients", "Fact"), "learned_at", "confirmed_at")


class Migration(migrations.Migration):

    dependencies = [
        ('clients', '0010_client_search_text'),
    ]

    operations = [migrations.RunPython(clamp, migrations.RunPython.noop)]
