"""The client's answers through a reschedule link: keep the time, take one of the free times
offered, or say that none of them work (with a few words, if they like)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.appointments.clock import client_when
from rapport.appointments.models import (
    MAX_LENGTH,
    Appointment,
    AppointmentStatus,
    ClientChoice,
    new_nonce,
)
from rapport.appointments.slots import Week, free_slots
from rapport.practices.models import Member
from rapport.timeline.models import Direction, InteractionKind
from rapport.timeline.services import interaction_create

RESCHEDULE_CHOICES = 6
# The longest note a client can leave with "none of these times work"; the field says so.
CLIENT_MESSAGE_MAX = 500


def member_week(member: Member) -> Week:
    return Week(
        zone=member.zone,
        starts=member.day_starts,
        ends=member.day_ends,
        weekdays=frozenset(member.weekdays),
    )


def reschedule_options(
    *, appointment: Appointment, now: datetime | None = None, limit: int = RESCHEDULE_CHOICES
) -> list[datetime]:
    """Free times of the same length with the same member, from an hour from now."""
    now = now or timezone.now()
    busy = (
        Appointment.objects.for_practice(appointment.practice)
        .holding_time()
        .filter(member=appointment.member, ends_at__gt=now)
        .starting_after(now - MAX_LENGTH)
        .exclude(pk=appointment.pk)
        .values_list("starts_at", "ends_at")
    )
    return free_slots(
        member_week(appointment.member),
        busy=list(busy),
        length=appointment.duration,
        after=max(now + timedelta(hours=1), appointment.starts_at),
        limit=limit,
    )


def _locked(appointment: Appointment, nonce: str) -> Appointment:
    """The appointment, locked, while the link that names it still may change it."""
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.link_nonce != nonce or appointment.status != AppointmentStatus.SCHEDULED:
        raise ValidationError("This link has already been used, or the appointment has changed.")
    return appointment


def _answered(appointment: Appointment, now: datetime) -> None:
    """An answer closes the link: a second one would need a new link."""
    appointment.client_choice_at = now
    appointment.link_nonce = new_nonce()
    appointment.save()


@transaction.atomic
def reschedule_answer(
    *,
    appointment: Appointment,
    nonce: str,
    new_start: datetime | None,
    now: datetime | None = None,
) -> Appointment:
    """The client keeps the time (`new_start` None) or takes one of the offered times."""
    now = now or timezone.now()
    appointment = _locked(appointment, nonce)
    old = appointment.starts_at
    if new_start is None:
        appointment.client_choice = ClientChoice.KEPT
        appointment.client_choice_from = None
        text = "Chose to keep their appointment {when}, through the link in your message."
    else:
        if new_start not in reschedule_options(appointment=appointment, now=now):
            raise ValidationError("That time has just been taken. Please choose another.")
        length = appointment.duration
        appointment.starts_at, appointment.ends_at = new_start, new_start + length
        appointment.client_choice = ClientChoice.MOVED
        appointment.client_choice_from = old
        appointment.sequence += 1
        appointment.reminder_sent_at = None
        appointment.late_minutes = None
        text = "Chose {when} instead of {old}, through the link in your message."
    appointment.client_message = ""
    _answered(appointment, now)
    zone = appointment.member.zone
    interaction_create(
        client=appointment.client,
        kind=InteractionKind.NOTE,
        summary=text.format(
            when=client_when(appointment.starts_at, zone, now), old=client_when(old, zone, now)
        ),
    )
    return appointment


@transaction.atomic
def reschedule_decline(
    *, appointment: Appointment, nonce: str, message: str = "", now: datetime | None = None
) -> Appointment:
    """None of the offered times work. The appointment keeps its time until the provider
    finds another with the client; the answer is a message from the client on their timeline,
    so they are waiting for a reply (Today's "Replies owed") until the provider writes back."""
    now = now or timezone.now()
    message = message.strip()
    if len(message) > CLIENT_MESSAGE_MAX:
        raise ValidationError(f"Please keep it under {CLIENT_MESSAGE_MAX} characters.")
    appointment = _locked(appointment, nonce)
    appointment.client_choice = ClientChoice.OTHER
    appointment.client_choice_from = None
    appointment.client_message = message
    _answered(appointment, now)
    when = client_when(appointment.starts_at, appointment.member.zone, now)
    interaction_create(
        client=appointment.client,
        kind=InteractionKind.MESSAGE,
        direction=Direction.INBOUND,
        occurred_at=now,
        summary=f"None of the times offered instead of {when} work for them "
        "(through the link in your message).",
        client_words=message,
    )
    return appointment
