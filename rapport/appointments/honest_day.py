"""“I'm not at my best today”: a short, honest note to each client still to be seen today,
offering the appointment as planned or another time through the same private reschedule link
as running late. Each note is drafted here and approved, one by one, in the composer.

The words say how the provider is without saying why: a client is owed honesty, not a
health report.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from rapport.appointments.clock import client_time
from rapport.appointments.links import reschedule_url
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.messaging.services import placeholder_values
from rapport.practices.models import Member
from rapport.timeline.models import Interaction


def still_to_come_today(*, member: Member, now: datetime | None = None) -> QuerySet[Appointment]:
    """The member's appointments from now until the end of their day, not cancelled or begun."""
    now = now or timezone.now()
    local = timezone.localtime(now, member.zone)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        Appointment.objects.for_practice(member.practice)
        .filter(
            member=member,
            status=AppointmentStatus.SCHEDULED,
            starts_at__gt=now,
            starts_at__lt=midnight,
        )
        .select_related("client", "practice", "honest_note_message")
        .order_by("starts_at")
    )


def honest_draft(
    *, appointment: Appointment, member: Member, now: datetime | None = None
) -> tuple[str, str]:
    """The note for one appointment still to come today; a ValidationError when it is not."""
    now = now or timezone.now()
    if appointment.status != AppointmentStatus.SCHEDULED or appointment.starts_at <= now:
        raise ValidationError(
            "This note is for an appointment still to come: this one has begun, ended or been "
            "cancelled."
        )
    if (
        timezone.localtime(appointment.starts_at, member.zone).date()
        != timezone.localtime(now, member.zone).date()
    ):
        raise ValidationError("This note is for today's appointments only.")
    values = placeholder_values(client=appointment.client, member=member)
    at = client_time(appointment.starts_at, appointment.client.zone, member.zone)
    subject = f"Our appointment today at {at}"
    body = (
        f"Hi {values['preferred_name']},\n\n"
        "I want to be honest with you: I'm not at my best today. "
        f"I'd still be glad to see you at {at} as planned, and you will have my full attention."
        "\n\nIf you would rather meet another day, you can choose a new time here: "
        f"{reschedule_url(appointment)}\n\n"
        "Either is fine with me.\n\n"
        f"{values['provider_name']}"
    )
    return subject, body


def honest_note_record(*, appointment: Appointment, message: Interaction) -> None:
    appointment.honest_note_message = message
    appointment.save(update_fields=["honest_note_message", "updated_at"])
