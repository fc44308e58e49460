"""Booking, moving, starting and finishing appointments; running late; the client's answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.appointments.clock import client_time, client_when, zone_label
from rapport.appointments.honest_day import honest_draft, honest_note_record
from rapport.appointments.links import reschedule_url
from rapport.appointments.models import (
    MAX_LENGTH,
    MET,
    ON_TIME_GRACE,
    Appointment,
    AppointmentMessage,
    AppointmentStatus,
    new_nonce,
)
from rapport.clients.models import Client
from rapport.messaging.models import MessageTemplate, Purpose
from rapport.messaging.services import Approved, message_approve, placeholder_values
from rapport.messaging.starting_templates import STARTING_TEMPLATES
from rapport.messaging.templating import fill
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, Interaction, InteractionKind
from rapport.timeline.services import interaction_create, interaction_delete, interaction_update

# Past this, the apology also offers the client another time.
OFFER_RESCHEDULE_AFTER = 10
MAX_LATE_MINUTES = 240


def _validated(appointment: Appointment) -> Appointment:
    if appointment.ends_at <= appointment.starts_at:
        raise ValidationError({"ends_at": "The end must be after the start."})
    if appointment.duration > MAX_LENGTH:
        raise ValidationError(
            {"ends_at": "That is longer than twelve hours: check the end date and time."}
        )
    if appointment.client.practice_id != appointment.practice_id:
        raise ValidationError({"client": "Choose one of your clients."})
    if appointment.member.practice_id != appointment.practice_id:
        raise ValidationError({"member": "Choose someone in your practice."})
    appointment.full_clean(exclude=["client", "member"])
    return appointment


def overlaps(appointment: Appointment) -> list[Appointment]:
    """The member's other appointments at the same time: allowed, but worth a second look."""
    if appointment.status not in (AppointmentStatus.SCHEDULED, AppointmentStatus.IN_PROGRESS):
        return []
    return list(
        Appointment.objects.for_practice(appointment.practice)
        .holding_time()
        .filter(member=appointment.member)
        .overlapping(appointment.starts_at, appointment.ends_at)
        .exclude(pk=appointment.pk)
        .select_related("client")
    )


@transaction.atomic
def appointment_create(
    *,
    client: Client,
    member: Member,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    video_link: str = "",
    notes: str = "",
    created_by: Member | None = None,
) -> Appointment:
    appointment = _validated(
        Appointment(
            practice=client.practice,
            client=client,
            member=member,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place.strip(),
            video_link=video_link.strip(),
            notes=notes.strip(),
            created_by=created_by,
        )
    )
    appointment.save()
    return appointment


@transaction.atomic
def appointment_update(*, appointment: Appointment, time_changed: bool) -> Appointment:
    """Saves a changed appointment. Calendars see a new version; a new time voids the
    reschedule links, the reminder already sent and the late notice, which were about the old
    time (the count of late notices stays: they were sent)."""
    _validated(appointment)
    if (
        time_changed
        and appointment.status in MET
        and appointment.starts_at > timezone.now() + ON_TIME_GRACE
    ):
        raise ValidationError(
            {"starts_at": "This appointment has already started: it cannot move to later."}
        )
    appointment.sequence += 1
    if time_changed:
        appointment.link_nonce = new_nonce()
        appointment.reminder_sent_at = None
        appointment.late_minutes = None  # "running late" was about the old time
    appointment.save()
    meeting_sync(appointment=appointment)
    return appointment


def meeting_sync(*, appointment: Appointment, member: Member | None = None) -> None:
    """The appointment's meeting on the client's timeline: there, once, while it has started
    or happened, at its real start; gone when it turns out cancelled, missed or not yet begun.
    Through the timeline's services, so the client's summary follows in this transaction."""
    meeting = appointment.interaction
    if appointment.status not in MET:
        if meeting is not None:
            appointment.interaction = None
            appointment.save(update_fields=["interaction", "updated_at"])
            interaction_delete(interaction=meeting)
        return
    met_at = appointment.actual_start_at or appointment.starts_at
    if meeting is None:
        appointment.interaction = interaction_create(
            client=appointment.client,
            kind=InteractionKind.MEETING,
            direction=Direction.NONE,
            occurred_at=met_at,
            summary=f"Appointment{' at ' + appointment.place if appointment.place else ''}.",
            created_by=member or appointment.member,
        )
        appointment.save(update_fields=["interaction", "updated_at"])
    elif meeting.occurred_at != met_at:
        meeting.occurred_at = met_at
        interaction_update(interaction=meeting)


def _check_near(appointment: Appointment, action: str, now: datetime) -> None:
    if not appointment.is_near(now):  # NEAR_START before the start, until the end
        raise ValidationError(f"{action} works from an hour before it starts until it ends.")


def _note(appointment: Appointment, text: str, member: Member | None) -> None:
    interaction_create(
        client=appointment.client, kind=InteractionKind.NOTE, summary=text, created_by=member
    )


@transaction.atomic
def appointment_start(
    *, appointment: Appointment, now: datetime | None = None, member: Member | None = None
) -> Appointment:
    """Records the real start; from now on the appointment is contact, a meeting on the timeline."""
    if appointment.status != AppointmentStatus.SCHEDULED:
        raise ValidationError(
            f"This appointment is {appointment.get_status_display().lower()}: only a scheduled "
            "one can start."
        )
    now = now or timezone.now()
    _check_near(appointment, "“Starting now”", now)
    appointment.status = AppointmentStatus.IN_PROGRESS
    appointment.actual_start_at = now
    appointment.save(update_fields=["status", "actual_start_at", "updated_at"])
    meeting_sync(appointment=appointment, member=member)
    return appointment


@transaction.atomic
def appointment_finish(
    *, appointment: Appointment, status: str, member: Member | None = None
) -> Appointment:
    """Completed, did not come, or cancelled. A completed one is a meeting on the timeline (the
    one made when it started, if it did); one that did not happen leaves a note instead."""
    if status not in (
        AppointmentStatus.COMPLETED,
        AppointmentStatus.NO_SHOW,
        AppointmentStatus.CANCELLED,
    ):
        raise ValidationError("Choose completed, did not come, or cancelled.")
    if not appointment.is_open:
        raise ValidationError(
            f"This appointment is already {appointment.get_status_display().lower()}."
        )
    now = timezone.now()
    if status != AppointmentStatus.CANCELLED and appointment.starts_at > now + ON_TIME_GRACE:
        raise ValidationError("It has not started yet: cancel it, or wait until it has happened.")
    appointment.status = status
    appointment.sequence += 1
    appointment.link_nonce = new_nonce()
    appointment.save()
    meeting_sync(appointment=appointment, member=member)
    when = client_when(appointment.starts_at, appointment.member.zone, now)
    if status == AppointmentStatus.NO_SHOW:
        _note(appointment, f"Did not come to the appointment {when}.", member)
    elif status == AppointmentStatus.CANCELLED:
        _note(appointment, f"Appointment {when} cancelled.", member)
    return appointment


def template_for(practice: Practice, purpose: str) -> tuple[str, str]:
    """The practice's own words for this purpose, or the starting ones if they deleted them."""
    own = MessageTemplate.objects.for_practice(practice).filter(purpose=purpose).first()
    if own is not None:
        return own.subject, own.body
    _, _, subject, body, _ = next(row for row in STARTING_TEMPLATES if row[1] == purpose)
    return subject, body


def _values(appointment: Appointment, member: Member) -> dict[str, str]:
    now, zone = timezone.now(), appointment.client.zone
    when = client_when(appointment.starts_at, zone, now)
    if zone.key != member.zone.key:
        when += f" {zone_label(zone)}"
    where = appointment.place or appointment.video_link
    return placeholder_values(client=appointment.client, member=member) | {
        "appointment_time": f"on {when}",
        "appointment_details": f"on {when}" + (f" at {where}" if where else ""),
    }


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    offers_reschedule: bool


def late_draft(
    *, appointment: Appointment, minutes: int, member: Member, now: datetime | None = None
) -> Draft:
    """The apology, with the new time on the client's clock; past ten minutes, also the link.
    Only from an hour before the start until the end: before that, nobody is late yet."""
    if not 1 <= minutes <= MAX_LATE_MINUTES:
        raise ValidationError(f"Say how late in minutes, between 1 and {MAX_LATE_MINUTES}.")
    if not appointment.is_open:
        raise ValidationError(
            f"This appointment is {appointment.get_status_display().lower()}: there is no one "
            "to tell."
        )
    _check_near(appointment, "Running late", now or timezone.now())
    offer = minutes > OFFER_RESCHEDULE_AFTER
    expected = appointment.starts_at + timedelta(minutes=minutes)
    values = _values(appointment, member) | {
        "minutes": str(minutes),
        "new_time": client_time(expected, appointment.client.zone, member.zone),
    }
    if offer:
        values["reschedule_link"] = reschedule_url(appointment)
    subject, body = template_for(
        appointment.practice, Purpose.RESCHEDULE if offer else Purpose.RUNNING_LATE
    )
    return Draft(fill(subject, values), fill(body, values), offer)


@transaction.atomic
def late_notice_record(
    *, appointment: Appointment, minutes: int, message: Interaction | None = None
) -> Appointment:
    appointment.late_minutes = minutes
    appointment.late_notices += 1
    appointment.late_notice_message = message
    appointment.save(
        update_fields=["late_minutes", "late_notices", "late_notice_message", "updated_at"]
    )
    return appointment


def reminder_draft(*, appointment: Appointment, member: Member) -> tuple[str, str]:
    subject, body = template_for(appointment.practice, Purpose.REMINDER)
    values = _values(appointment, member)
    return fill(subject, values), fill(body, values)


def cancel_draft(*, appointment: Appointment, member: Member) -> tuple[str, str]:
    """Telling the client a cancelled appointment is off, on their clock, with the way back."""
    if appointment.status != AppointmentStatus.CANCELLED:
        raise ValidationError(
            f"This appointment is not cancelled (it is "
            f"{appointment.get_status_display().lower()}): there is nothing to tell them."
        )
    values = _values(appointment, member)
    subject = f"Our appointment {values['appointment_time']} is cancelled"
    body = (
        f"Hi {values['preferred_name']},\n\n"
        f"This is to confirm that our appointment {values['appointment_details']} is cancelled."
        "\n\nIf you'd like a new appointment, just reply and we'll find another time."
        f"\n\n{values['provider_name']}"
    )
    return subject, body


@transaction.atomic
def reminder_sent_record(*, appointment: Appointment, message: Interaction | None = None) -> None:
    appointment.reminder_sent_at = timezone.now()
    appointment.reminder_message = message
    appointment.save(update_fields=["reminder_sent_at", "reminder_message", "updated_at"])


def appointment_notice_taken_back(*, message: Interaction) -> None:
    """The email that told them was taken back before it went (or removed from the timeline):
    the appointment no longer says they were told."""
    for appointment in Appointment.objects.filter(late_notice_message=message):
        appointment.late_minutes = None
        appointment.late_notices = max(0, appointment.late_notices - 1)
        appointment.save(update_fields=["late_minutes", "late_notices", "updated_at"])
    Appointment.objects.filter(reminder_message=message).update(reminder_sent_at=None)


def appointment_message_draft(
    *,
    appointment: Appointment,
    member: Member,
    kind: AppointmentMessage,
    minutes: int | None = None,
) -> tuple[str, str]:
    """The subject and body to start from; a ValidationError when the message no longer
    applies (running late outside its hour, a cancellation for one that is not cancelled)."""
    if kind == AppointmentMessage.LATE:
        draft = late_draft(appointment=appointment, minutes=minutes or 0, member=member)
        return draft.subject, draft.body
    if kind == AppointmentMessage.CANCELLED:
        return cancel_draft(appointment=appointment, member=member)
    if kind == AppointmentMessage.NOT_AT_MY_BEST:
        return honest_draft(appointment=appointment, member=member)
    return reminder_draft(appointment=appointment, member=member)


@transaction.atomic
def appointment_message_send(
    *,
    appointment: Appointment,
    member: Member,
    kind: AppointmentMessage,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
    essential: bool = True,
    minutes: int | None = None,
) -> Approved:
    """Approves the provider's words about the appointment and records what they told the
    client, in one transaction: a late notice or a reminder counts only once its message is
    approved, and no message is approved whose notice could not be recorded."""
    if kind == AppointmentMessage.LATE and not 1 <= (minutes or 0) <= MAX_LATE_MINUTES:
        raise ValidationError(f"Say how late in minutes, between 1 and {MAX_LATE_MINUTES}.")
    approved = message_approve(
        client=appointment.client,
        member=member,
        channel=channel,
        subject=subject,
        body=body,
        to_address=to_address,
        essential=essential,
    )
    if kind == AppointmentMessage.LATE:
        late_notice_record(
            appointment=appointment, minutes=minutes or 0, message=approved.interaction
        )
    elif kind == AppointmentMessage.REMINDER:
        reminder_sent_record(appointment=appointment, message=approved.interaction)
    elif kind == AppointmentMessage.NOT_AT_MY_BEST:
        honest_note_record(appointment=appointment, message=approved.interaction)
    return approved


@dataclass(frozen=True)
class Punctuality:
    started: int
    on_time: int
    average_delay_minutes: float
    late_notices: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.started if self.started else None


def punctuality(*, member: Member, since: datetime) -> Punctuality:
    """Appointments with a recorded start since `since`: how many began within five minutes."""
    rows = Appointment.objects.for_practice(member.practice).filter(
        member=member, starts_at__gte=since, starts_at__lte=timezone.now()
    )
    started = [row for row in rows if row.actual_start_at is not None]
    delays = [row.delay.total_seconds() / 60 for row in started if row.delay is not None]
    return Punctuality(
        started=len(started),
        on_time=sum(1 for row in started if row.started_on_time),
        average_delay_minutes=sum(delays) / len(delays) if delays else 0.0,
        late_notices=sum(row.late_notices for row in rows),
    )
