"""Fading attention: is a client hearing from us far less than in the first months?

Pure. The method, chosen to be robust for clients with little history:

1. The honeymoon is the first three calendar months that have any contact;
   "lately" is the three full months before the current one, plus the
   current month so far (which can only add contact, so it never causes a flag).
2. Nothing is judged until the relationship is six months old, so the two
   windows never overlap.
3. Contact is flagged as fading only when the honeymoon had at least 4
   contacts, lately has at most 40% of them, and the drop is at least 3
   contacts. Two or three data points never raise a flag: 2 contacts then 0
   is not evidence, 9 then 1 is.
4. Replies are flagged as slowing when both windows hold at least 3 replies,
   the recent average wait is at least twice the early one, and at least a
   day. Averages come from monthly sums, which the timeline keeps current.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WINDOW_MONTHS = 3
MIN_AGE_MONTHS = 6
MIN_EARLY_CONTACTS = 4
MAX_RECENT_SHARE = 0.4
MIN_DROP = 3
MIN_REPLIES = 3
SLOWER_FACTOR = 2.0
MIN_SLOW_HOURS = 24.0


@dataclass(frozen=True)
class MonthActivity:
    month: date
    contacts: int
    replies: int = 0
    reply_hours: float = 0.0


def months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def _times(count: int) -> str:
    return {0: "not once", 1: "once", 2: "twice"}.get(count, f"{count} times")


def _hours(value: float) -> str:
    if value < 1:
        return "within the hour"
    if value < 36:
        return f"in about {round(value)} hour{'s' if round(value) != 1 else ''}"
    return f"in about {round(value / 24)} days"


def fading_reasons(months: Sequence[MonthActivity], *, current_month: date, name: str) -> list[str]:
    """Plain sentences, one per sign of fading; empty when attention holds."""
    active = sorted((m for m in months if m.contacts or m.replies), key=lambda m: m.month)
    if not active:
        return []
    first = active[0].month
    if months_between(first, current_month) < MIN_AGE_MONTHS:
        return []
    early_end = add_months(first, WINDOW_MONTHS)
    recent_start = add_months(current_month, -WINDOW_MONTHS)
    early = [m for m in active if m.month < early_end]
    recent = [m for m in active if m.month >= recent_start]
    reasons = []

    early_count = sum(m.contacts for m in early)
    recent_count = sum(m.contacts for m in recent)
    if (
        early_count >= MIN_EARLY_CONTACTS
        and recent_count <= early_count * MAX_RECENT_SHARE
        and early_count - recent_count >= MIN_DROP
    ):
        reasons.append(
            f"In {name}'s first {WINDOW_MONTHS} months you were in touch {_times(early_count)}; "
            f"in the last {WINDOW_MONTHS} months, {_times(recent_count)}."
        )

    early_replies = sum(m.replies for m in early)
    recent_replies = sum(m.replies for m in recent)
    if early_replies >= MIN_REPLIES and recent_replies >= MIN_REPLIES:
        early_wait = sum(m.reply_hours for m in early) / early_replies
        recent_wait = sum(m.reply_hours for m in recent) / recent_replies
        if recent_wait >= max(early_wait * SLOWER_FACTOR, MIN_SLOW_HOURS):
            reasons.append(
                f"At first you answered {name} {_hours(early_wait)}; lately, {_hours(recent_wait)}."
            )
    return reasons
