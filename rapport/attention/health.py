"""Relationship health: a number, a word, and the reasons, from the signals Today uses.

Pure and deliberately simple, so a provider can follow it and disagree:
start from 100 and take points off for each thing that needs attention,
add a little when the client reaches out. Every change comes with a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

THRIVING, STEADY, COOLING, AT_RISK = "thriving", "steady", "cooling", "at risk"


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

    if signals.last_contact_at is None:
        overdue_start = (
            signals.rhythm_days and _days(signals.now - signals.since) > signals.rhythm_days
        )
        if overdue_start and signals.quiet_reason is None:
            score -= 20
            reasons.append("No contact logged yet.")
    elif signals.rhythm_days:
        since_contact = _days(signals.now - signals.last_contact_at)
        if since_contact > signals.rhythm_days and signals.quiet_reason is None:
            over = since_contact / signals.rhythm_days - 1
            score -= min(30, round(10 + 15 * over))
            reasons.append(
                f"Last contact {_plural(since_contact, 'day')} ago; "
                f"you meant to be in touch every {signals.rhythm_days} days."
            )
        elif since_contact <= signals.rhythm_days:
            rhythm = signals.rhythm_days
            reasons.append(
                f"In touch {_plural(since_contact, 'day')} ago, within your {rhythm}-day rhythm."
            )
    if signals.quiet_reason is not None:
        reasons.append(signals.quiet_reason)

    for sentence in signals.fading:
        score -= 25
        reasons.append(sentence)

    if signals.last_inbound_at is not None and _days(signals.now - signals.last_inbound_at) <= 30:
        score += 5
        reasons.append(f"{name} got in touch in the last month.")

    score = max(0, min(100, score))
    return Reading(score=score, word=word_for(score), reasons=reasons)
