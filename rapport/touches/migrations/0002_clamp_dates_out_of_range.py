"""Dates entered before forms and the API were bounded (issue 15) and outside 1900-2200 are
moved to the nearest bound: a year-1 date made the pages that show it fail."""

from typing import Any

from django.db import migrations

from rapport.lib.dates import clamp_stored


def clamp(apps: Any, schema_editor: Any) -> None:
    clamp_stored(apps.get_model("touches", "Touch"), "planned_on", "done_at")


class Migration(migrations.Migration):

    dependencies = [
        ('touches', '0001_initial'),
    ]

    operations = [migrations.RunPython(clamp, migrations.RunPython.noop)]
