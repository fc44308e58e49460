"""Doing, snoozing or dismissing an item on Today, and recording what was done."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.attention.models import FOREVER, ActionKind, AgendaAction, Section
from rapport.clients.models import Client, Fact
from rapport.clients.services import fact_confirm
from rapport.practices.models import Member
from rapport.timeline.models import Promise
from rapport.timeline.services import promise_set_done
from rapport.touches.models import Touch
from rapport.touches.services import touch_done

MAX_SNOOZE_DAYS = 366


def snooze_choices(today: date) -> list[tuple[date, str]]:
    monday = today + timedelta(days=7 - today.weekday())
    return [
        (today + timedelta(days=1), "until tomorrow"),
        (monday, "until Monday"),
        (today + timedelta(days=7), "for a week"),
        (today + timedelta(days=30), "for a month"),
    ]


def _hidden_until(
    section: str, action: str, today: date, target: object, until: date | None
) -> date:
    if action == ActionKind.SNOOZED:
        if until is None or until <= today:
            raise ValidationError("Choose a day after today to snooze until.")
        if until > today + timedelta(days=MAX_SNOOZE_DAYS):
            raise ValidationError("Snooze for a year at most; dismiss it if it no longer matters.")
        return until
    if section == Section.CHECKIN and action == ActionKind.DONE and isinstance(target, Client):
        # Done without a logged contact: quiet for one rhythm, then ask again.
        return today + timedelta(days=target.rhythm or 30)
    if section == Section.FADING:
        return today + timedelta(days=30 if action == ActionKind.DONE else 90)
    if section == Section.RECONFIRM and action == ActionKind.DISMISSED:
        return today + timedelta(days=365)
    return FOREVER


@transaction.atomic
def agenda_item_act(
    *,
    member: Member,
    section: str,
    target: Client | Promise | Fact | object,
    object_id: int,
    action: str,
    until: date | None = None,
) -> AgendaAction:
    """Records the action; where "done" has a meaning in the data, it changes the data too."""
    if action not in ActionKind.values:
        raise ValidationError(f"Unknown action {action!r}: use done, snoozed or dismissed.")
    practice = member.practice
    today = timezone.localdate(timezone.now(), practice.zone)
    hidden_until = _hidden_until(section, action, today, target, until)
    if action == ActionKind.DONE and isinstance(target, Promise):
        promise_set_done(promise=target, done=True)
    if action == ActionKind.DONE and isinstance(target, Fact) and section == Section.RECONFIRM:
        fact_confirm(fact=target)
    if action == ActionKind.DONE and isinstance(target, Touch):
        touch_done(touch=target, member=member)
    return AgendaAction.objects.create(
        practice=practice,
        member=member,
        section=section,
        object_id=object_id,
        action=action,
        hidden_until=hidden_until,
    )
