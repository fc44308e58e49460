"""Relationship health: a number, a word, and the reasons, from the signals Today uses.

Pure and deliberately simple, so a provider can follow it and disagree:
start from 100 and take points off for each thing that needs attention,
add a little when the client reaches out. Every change comes with a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from rapport.lib.humanize import calendar_days, days_ago_phrase

THRIVING, STEADY, COOLING, AT_RISK = "thriving", "steady", "cooling", "at risk"
# A check-in that is due is something to do: the word says so, whatever else goes well.
BEST_WHILE_DUE = 79


@dataclass(frozen=True)
class OverduePromise:
    text: str
    days_overdue: int


@dataclass(frozen=True)
class Signals:
    name: str
    now: datetime
    since: datetime
    last_contact_at: datetime | None
    last_inbound_at: datetime | None
    rhythm_days: int | None
    quiet_reason: str | None = None  # why no check-ins are suggested, if they are not
    # When Today lists a check-in: the one instant both read, None when none may be suggested.
    checkin_due_at: datetime | None = None
    zone: tzinfo = UTC  # where days are counted: the practice's
    awaiting_reply_since: datetime | None = None
    unanswered: int = 0
    overdue_promises: Sequence[OverduePromise] = ()
    fading: Sequence[str] = ()


@dataclass
class Reading:
    score: int
    word: str
    reasons: list[str] = field(default_factory=list)


def word_for(score: int) -> str:
    if score >= 80:
        return THRIVING
    if score >= 60:
        return STEADY
    if score >= 40:
        return COOLING
    return AT_RISK


def _days(amount: timedelta) -> int:
    return max(0, amount.days)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def read_health(signals: Signals) -> Reading:
    score = 100
    reasons: list[str] = []
    name = signals.name

    if signals.awaiting_reply_since is not None:
        waited = _days(signals.now - signals.awaiting_reply_since)
        score -= min(35, 10 + 5 * waited)
        if signals.unanswered >= 2:
            score -= 15
            reasons.append(
                f"{name} wrote {signals.unanswered} times and is still waiting for an answer."
            )
        else:
            reasons.append(f"{name} is waiting for an answer ({_plural(waited, 'day')}).")

    for promise in signals.overdue_promises[:3]:
        score -= 12
        reasons.append(
            f"You promised “{promise.text}”; it is {_plural(promise.days_overdue, 'day')} late."
        )

    due = signals.checkin_due_at is not None and signals.checkin_due_at <= signals.now
    if signals.last_contact_at is None:
        if due:
            score -= 20
            reasons.append("No contact logged yet.")
    elif signals.rhythm_days:
        since_contact = calendar_days(signals.last_contact_at, signals.now, signals.zone)
        phrase, rhythm = days_ago_phrase(since_contact), signals.rhythm_days
        if due:
            over = max(since_contact / rhythm - 1, 0)
            score -= min(30, round(10 + 15 * over))
            reasons.append(f"Last contact {phrase}; you meant to be in touch every {rhythm} days.")
        elif since_contact <= rhythm and signals.quiet_reason is None:  # theirs: no rhythm
            reasons.append(f"In touch {phrase}, within your {rhythm}-day rhythm.")
    if signals.quiet_reason is not None:
        reasons.append(signals.quiet_reason)

    for sentence in signals.fading:
        score -= 25
        reasons.append(sentence)

    if signals.last_inbound_at is not None and _days(signals.now - signals.last_inbound_at) <= 30:
        score += 5
        reasons.append(f"{name} got in touch in the last month.")

    score = max(0, min(BEST_WHILE_DUE if due else 100, score))
    return Reading(score=score, word=word_for(score), reasons=reasons)
