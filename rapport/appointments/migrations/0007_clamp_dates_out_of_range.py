"""Appointments booked before forms were bounded (issue 15) at a time outside 1900-2200 are
moved to the nearest bound, keeping their length: an appointment at 0001-01-01 was saved and
then made every page that shows it fail. Start and end move together, so the end stays after
the start (a constraint)."""

from datetime import timedelta
from typing import Any

from django.db import migrations
from django.db.models import Q

from rapport.lib.dates import EARLIEST_MOMENT, LATEST_MOMENT, clamp_stored

# As rapport.appointments.models.MAX_LENGTH when this was written.
LONGEST = timedelta(hours=12)


def clamp(apps: Any, schema_editor: Any) -> None:
    Appointment = apps.get_model("appointments", "Appointment")
    outside = Q()
    for name in ("starts_at", "ends_at"):
        outside |= Q(**{f"{name}__lt": EARLIEST_MOMENT}) | Q(**{f"{name}__gt": LATEST_MOMENT})
    for appointment in Appointment.objects.filter(outside):
        length = min(appointment.ends_at - appointment.starts_at, LONGEST)
        start = min(max(appointment.starts_at, EARLIEST_MOMENT), LATEST_MOMENT - length)
        Appointment.objects.filter(pk=appointment.pk).update(starts_at=start, ends_at=start + length)
    clamp_stored(Appointment, "actual_start_at")


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0006_calendar_upload"),
    ]

    operations = [migrations.RunPython(clamp, migrations.RunPython.noop)]
