"""What Rapport already knows, written into a new handoff note so the provider edits rather
than types from nothing: the client's own words, the case's steps and advice, open
promises, what they asked us not to do, and how they like to be reached."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import CheckinChannel, CheckinConsent, Client, FactCategory
from rapport.handoffs.models import Handoff
from rapport.handoffs.services import NoteInput
from rapport.lib.humanize import short_day
from rapport.timeline.models import Interaction, Promise

THEIR_WORDS_SHOWN = 3


def note_prefill(client: Client, case: Case | None = None) -> NoteInput:
    today = timezone.localdate(timezone=client.practice.zone)

    def day(value: date) -> str:
        return short_day(value, today)

    told: list[str] = []
    if case is not None:
        told.append(f"The problem, in their words: “{case.problem}” ({day(case.opened_on)}).")
    said = (
        Interaction.objects.filter(client=client).exclude(client_words="").order_by("-occurred_at")
    )
    for interaction in said[:THEIR_WORDS_SHOWN]:
        when = timezone.localdate(interaction.occurred_at, client.practice.zone)
        told.append(f"{day(when)}: “{interaction.client_words}”")
    cases = [case] if case is not None else list(client.cases.open())
    tried, ahead = [], []
    for each in cases:
        title = "" if case is not None else f"“{each.problem[:80]}”: "
        for step in each.steps.select_related("member__user"):
            result = f" → {step.result}" if step.result else ""
            tried.append(f"{day(step.taken_on)}, {title}{step.tried} ({step.who}){result}")
        for advice in each.advice.select_related("member__user").exclude(next_step=""):
            ahead.append(f"{title}{advice.next_step} ({advice.who})")
    for promise in Promise.objects.filter(client=client).open():
        ahead.append(f"Promised: {promise.text}, due {day(promise.due_on)}")
    return NoteInput(
        told_us=_within("told_us", told),
        tried=_within("tried", tried),
        next_steps=_within("next_steps", ahead),
        avoid=_within("avoid", _avoid(client)),
        contact_how=_within("contact_how", _contact(client)),
    )


def _within(name: str, lines: list[str]) -> str:
    """The lines, cut to what the field holds: a long history leaves a note to edit, not one
    the form refuses."""
    field = Handoff._meta.get_field(name)
    assert isinstance(field, models.TextField)
    return "\n".join(lines)[: field.max_length]


def _avoid(client: Client) -> list[str]:
    lines = []
    if client.no_gifts:
        lines.append("They accept no gifts.")
    if client.no_physical_contact:
        lines.append("No physical contact.")
    if client.checkin_consent == CheckinConsent.NO:
        lines.append("No check-ins: they asked us not to.")
    if client.messages_opt_out:
        lines.append("No messages except about appointments (they unsubscribed).")
    return lines


def _contact(client: Client) -> list[str]:
    name = f"Likes to be called {client.display_name}"
    if client.pronunciation:
        name += f" (say “{client.pronunciation}”)"
    if client.pronouns:
        name += f", {client.pronouns}"
    lines = [name + "."]
    if client.checkin_channel != CheckinChannel.ANY:
        lines.append(f"They prefer: {client.get_checkin_channel_display().lower()}.")
    if client.wants_reminders:
        lines.append("They like a reminder the day before an appointment.")
    if client.time_zone:
        lines.append(f"Their time zone: {client.time_zone}.")
    lines += [f"{point.get_kind_display()}: {point.value}" for point in client.contact_points.all()]
    preferences = client.facts.filter(category=FactCategory.PREFERENCE)
    lines += [fact.text for fact in preferences[:5]]
    return lines
