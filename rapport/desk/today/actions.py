"""Doing, snoozing or dismissing an item on Today, and recording what was done."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.attention.models import FOREVER, UNDONE, ActionKind, AgendaAction, Section
from rapport.clients.models import Client, Fact
from rapport.clients.services import fact_confirm, fact_confirmation_restore
from rapport.practices.models import Member
from rapport.timeline.models import Promise
from rapport.timeline.services import promise_set_done
from rapport.touches.models import Touch
from rapport.touches.services import touch_done, touch_reopen

MAX_SNOOZE_DAYS = 366
UNDO = "undo"  # what the Undo button posts as its action: not an action of its own


def _written(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def snooze_choices(today: date) -> list[tuple[date, str]]:
    """Distinct days, each written out: on a Sunday "tomorrow" is Monday, and on a Monday
    "next Monday" is "a week", so such a day is offered once, under its first name."""
    tomorrow = today + timedelta(days=1)
    week, month = today + timedelta(days=7), today + timedelta(days=30)
    monday = today + timedelta(days=7 - today.weekday())
    named = [
        (tomorrow, f"until tomorrow, {_written(tomorrow)}"),
        (week, f"for a week, until {_written(week)}"),
        (month, f"for a month, until {_written(month)}"),
        (monday, f"until {_written(monday)}"),
    ]
    chosen: dict[date, str] = {}
    for day, label in named:
        chosen.setdefault(day, label)
    return sorted(chosen.items())


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


class Change(StrEnum):
    """What "done" changed in the data, beside hiding the item: kept in the action, so that
    Undo can put it back."""

    PROMISE_KEPT = "promise_kept"
    FACT_CONFIRMED = "fact_confirmed"
    TOUCH_DONE = "touch_done"


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _same(moment: datetime | None, stamp: object) -> bool:
    return moment is not None and isinstance(stamp, str) and moment == datetime.fromisoformat(stamp)


def _done(target: object, section: str, member: Member) -> dict[str, object]:
    """Does what "done" means for this item in the data; returns what Undo needs."""
    if isinstance(target, Promise):
        promise_set_done(promise=target, done=True)
        return {"change": Change.PROMISE_KEPT, "done_at": _stamp(target.done_at)}
    if isinstance(target, Fact) and section == Section.RECONFIRM:
        before = {"confirmed_at": _stamp(target.confirmed_at), "ask_again": target.ask_again}
        fact_confirm(fact=target)
        return {"change": Change.FACT_CONFIRMED, "before": before,
                "confirmed_at": _stamp(target.confirmed_at)}  # fmt: skip
    if isinstance(target, Touch):
        before = {"planned_on": target.planned_on.isoformat(), "response": target.response}
        touch_done(touch=target, member=member)
        return {"change": Change.TOUCH_DONE, "before": before,
                "interaction": target.interaction_id}  # fmt: skip
    return {}


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
    """Records the action; where "done" has a meaning in the data, it changes the data too,
    and records what it changed so that the action can be undone."""
    if action not in ActionKind.values:
        raise ValidationError(f"Unknown action {action!r}: use done, snoozed or dismissed.")
    practice = member.practice
    today = timezone.localdate(timezone.now(), practice.zone)
    hidden_until = _hidden_until(section, action, today, target, until)
    changes = _done(target, section, member) if action == ActionKind.DONE else {}
    return AgendaAction.objects.create(
        practice=practice,
        member=member,
        section=section,
        object_id=object_id,
        action=action,
        hidden_until=hidden_until,
        changes=changes,
    )


def _changed_since(what: str) -> ValidationError:
    return ValidationError(
        f"{what} was changed since, so Rapport leaves it as it is: open their page to change it."
    )


def _undo_data(action: AgendaAction, target: object) -> None:
    """Puts the data back as it was before "done", if nothing changed it since."""
    changes = action.changes
    change = changes.get("change")
    before: dict[str, Any] = changes.get("before") or {}
    if change == Change.PROMISE_KEPT and isinstance(target, Promise):
        if not _same(target.done_at, changes.get("done_at")):
            raise _changed_since(f"“{target.text}”")
        promise_set_done(promise=target, done=False)
    elif change == Change.FACT_CONFIRMED and isinstance(target, Fact):
        if not _same(target.confirmed_at, changes.get("confirmed_at")):
            raise _changed_since(f"“{target.text}”")
        earlier = before.get("confirmed_at")
        fact_confirmation_restore(
            fact=target,
            confirmed_at=datetime.fromisoformat(earlier) if earlier else None,
            ask_again=bool(before.get("ask_again")),
        )
    elif change == Change.TOUCH_DONE and isinstance(target, Touch):
        if target.done_at is None or target.interaction_id != changes.get("interaction"):
            raise _changed_since(f"The {target.kind.name.lower()}")
        touch_reopen(
            touch=target,
            planned_on=date.fromisoformat(before["planned_on"]),
            response=str(before.get("response", "")),
        )


@transaction.atomic
def agenda_action_undo(*, member: Member, action: AgendaAction, target: object) -> AgendaAction:
    """Reverses an action: the item shows again, and what "done" changed in the data is put
    back (a kept promise is open again, a confirmed fact as it was, a done touch planned
    again and off the timeline). The action itself stays on record, marked undone."""
    locked = AgendaAction.objects.select_for_update().get(pk=action.pk)
    if locked.undone_at is not None:
        raise ValidationError("That was already undone.")
    _undo_data(locked, target)
    locked.undone_at, locked.undone_by, locked.hidden_until = timezone.now(), member, UNDONE
    locked.save(update_fields=["undone_at", "undone_by", "hidden_until"])
    return locked


def _written_name(target: object) -> str:
    client = target if isinstance(target, Client) else getattr(target, "client", None)
    return client.display_name if isinstance(client, Client) else ""


def action_said(action: AgendaAction, target: object) -> str:
    """What the confirmation says: who, what, and what changed in the data."""
    name = _written_name(target)
    change = action.changes.get("change")
    if action.undone_at is not None:
        if change == Change.PROMISE_KEPT and isinstance(target, Promise):
            return f"Undone: {name}. “{target.text}” is open again."
        if change == Change.FACT_CONFIRMED and isinstance(target, Fact):
            return f"Undone: {name}. “{target.text}” is as it was before."
        if change == Change.TOUCH_DONE and isinstance(target, Touch):
            return f"Undone: {name}. The {target.kind.name.lower()} is planned again."
        return f"Undone: {name}"
    if action.action == ActionKind.SNOOZED:
        return f"Snoozed until {_written(action.hidden_until)}: {name}"
    if action.action == ActionKind.DISMISSED:
        return f"Dismissed: {name}"
    if change == Change.PROMISE_KEPT and isinstance(target, Promise):
        return f"Done: {name}. “{target.text}” is marked kept."
    if change == Change.FACT_CONFIRMED and isinstance(target, Fact):
        return f"Done: {name}. “{target.text}” is confirmed."
    if change == Change.TOUCH_DONE and isinstance(target, Touch):
        return f"Done: {name}. The {target.kind.name.lower()} is on their timeline."
    return f"Done: {name}"
