"""Appointments: reminders to send, answers to reschedule links, and follow-ups, read in one
hand-written query that lives with the appointments."""

from __future__ import annotations

from django.utils import timezone

from rapport.appointments.models import Appointment, ClientChoice
from rapport.appointments.queries import Need
from rapport.attention.models import Section
from rapport.desk.today.section import (
    Item,
    Moment,
    TodaySection,
    days_ago,
)
from rapport.lib.humanize import short_moment

_SECTION_OF = {
    Need.REMINDER: Section.REMINDER,
    Need.CHANGED: Section.CHANGED,
    Need.FOLLOW_UP: Section.FOLLOW_UP,
}


class Appointments(TodaySection):
    key = Section.APPOINTMENTS
    title = "Appointments"
    explanation = (
        "Reminders clients asked for, what they answered to your reschedule links, and who "
        "has not heard from you since you saw them."
    )
    empty = "Nothing to do about appointments."

    def item(self, row: tuple[Appointment, Need], when: Moment) -> Item:
        appointment, need = row
        if need == Need.REMINDER:
            return _reminder(appointment, when)
        if need == Need.CHANGED and appointment.client_choice_at:
            return _changed(appointment, when)
        return _follow_up(appointment, when)


def _follow_up(row: Appointment, when: Moment) -> Item:
    return Item(
        Section.FOLLOW_UP,
        row.pk,
        row.client,
        headline=f"Follow up with {row.client.display_name}",
        detail=f"You saw them {days_ago(row.ends_at, when)}.",
        suggestion="A thank-you, the next step you promised, or an offer of the next appointment.",
        write="purpose=thank_you",
    )


def _reminder(row: Appointment, when: Moment) -> Item:
    starts = timezone.localtime(row.starts_at, when.practice.zone)
    return Item(
        Section.REMINDER,
        row.pk,
        row.client,
        headline=f"Remind {row.client.display_name} of tomorrow {starts:%H:%M}",
        detail=row.place,
        suggestion="They asked for a reminder the day before. Rapport drafts it; you approve it.",
        write="reminder=1",
    )


def _changed(row: Appointment, when: Moment) -> Item:
    """Worded from the client's choice, with dates that say the same whenever read."""
    assert row.client_choice_at is not None
    zone, today = when.practice.zone, when.today
    moved = row.client_choice == ClientChoice.MOVED
    said = short_moment(timezone.localtime(row.starts_at, zone), today)
    answered = f"They answered through your link {days_ago(row.client_choice_at, when)}."
    if moved and row.client_choice_from is not None:
        was = short_moment(timezone.localtime(row.client_choice_from, zone), today)
        answered = f"Instead of {was}. {answered}"
    name = row.client.display_name
    return Item(
        Section.CHANGED,
        row.pk,
        row.client,
        headline=f"{name} chose {said} instead"
        if moved
        else f"{name} kept the original time, {said}",
        detail=answered,
        suggestion="Your calendar feed already has the new time." if moved else "",
    )
