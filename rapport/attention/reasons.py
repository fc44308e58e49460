"""Every reason some clients may need the provider, computed from scratch from their data: the
rows `attention.items` keeps in the attention table.

Each reason reuses the read its Today section was built on (`replies_owed`, `promises_due`...),
with the clock taken out: what depends on time alone becomes the moment the reason starts
(`due_at`) and, if it ends, the moment it stops (`until_at`). So a stored row stays right
without anything running until the client's data changes, which recomputes it. A yearly
date is kept by its day of the year, which Today compares with its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Model

from rapport.appointments.models import Appointment
from rapport.attention.models import AttentionItem, ClientReading, Section
from rapport.attention.queries import fading_readings
from rapport.clients.models import Fact, ImportantDate, may_be_checked_on
from rapport.clients.queries import (
    checkins_due,
    facts_forgotten,
    facts_to_reconfirm,
    facts_unconfirmed_since,
    hard_news_learned,
    replies_owed,
)
from rapport.feedback.models import FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Practice
from rapport.referrals.models import Referral
from rapport.referrals.queries import referrals_to_follow_up
from rapport.timeline.models import Interaction, Promise
from rapport.timeline.queries import hard_conversations_had, promises_due
from rapport.touches.models import Touch
from rapport.touches.queries import touches_planned_until

# The windows Today has always used (see the sections' explanations).
DATES_AHEAD_DAYS = 14
CARE_AFTER_DAYS = 7
CARE_UNTIL_DAYS = 21
RECONFIRM_AFTER_DAYS = 365
TOUCH_AHEAD_DAYS = 3
CHANGES_DAYS = 14
FOLLOW_UP_DAYS = 7
# An appointment older than this needs no word of any kind (needing_word's bound).
APPOINTMENT_WINDOW_DAYS = max(CHANGES_DAYS, FOLLOW_UP_DAYS) + 2

ALWAYS = datetime(1900, 1, 1, tzinfo=UTC)  # due since before any data
FAR = datetime(2200, 1, 1, tzinfo=UTC)  # "whenever": the reads' time bound, taken out
# A window's last moment counts ("within 21 days"): it ends just after it.
JUST_AFTER = timedelta(microseconds=1)

_VISIT = (
    "starts_at",
    "ends_at",
    "place",
    "client_choice",
    "client_choice_at",
    "client_choice_from",
)
# Today's emails on their way, which a member can still take back: read with the reasons.
ON_ITS_WAY = "on_its_way"
# What Today words each reason from: the object's model and the fields it reads. (The
# messages that did not go are read from the outbox itself, in the same statement.)
SHOWN_FIELDS: dict[str, tuple[type[Model], tuple[str, ...]]] = {
    Section.UNSENT: (OutboxMessage, ("status", "subject", "last_error")),
    Section.PROMISE: (Promise, ("text", "due_on")),
    Section.FADING: (ClientReading, ("fading_reasons",)),
    Section.CARE: (Fact, ("text",)),
    Section.CARE_TALK: (Interaction, ("occurred_at", "summary")),
    Section.DATE: (ImportantDate, ("kind", "label", "month", "day", "year")),
    Section.RECONFIRM: (Fact, ("text", "ask_again", "known_at")),
    Section.TOUCH: (Touch, ("note", "planned_on", "kind_id")),
    Section.REFERRAL: (Referral, ("partner_id", "need", "referred_at", "follow_up_at", "outcome")),
    Section.COMING_UP: (Appointment, ("starts_at", "ends_at", "place", "status")),
    Section.FEEDBACK: (FeedbackRequest, ("answered_at",)),
    ON_ITS_WAY: (OutboxMessage, ("subject", "next_attempt_at")),
    Section.HANDOFF: (Handoff, ("from_name", "case_id", "call_on", "next_steps", "created_at")),
    **dict.fromkeys((Section.REMINDER, Section.CHANGED, Section.FOLLOW_UP), (Appointment, _VISIT)),
}


@dataclass(frozen=True)
class Scope:
    """Whose reasons, and when: `clients` None for the whole practice."""

    practice: Practice
    clients: list[int] | None
    now: datetime

    @property
    def zone(self) -> ZoneInfo:
        return self.practice.zone

    def midnight(self, day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=self.zone)

    def today(self) -> date:
        return self.now.astimezone(self.zone).date()

    def narrow(self, rows: Any, field: str = "client_id") -> Any:
        return rows if self.clients is None else rows.filter(**{f"{field}__in": self.clients})


def item(
    scope: Scope,
    section: str,
    row: Model,
    client_id: int,
    *,
    sort_at: datetime,
    due_at: datetime = ALWAYS,
    until_at: datetime | None = None,
    cycle_at: datetime | None = None,
    rank: int = 0,
    sort_name: str = "",
    shown_in: str = "",
) -> AttentionItem:
    shown: dict[str, Any] = {}
    if section in SHOWN_FIELDS:
        shown = {name: getattr(row, name) for name in SHOWN_FIELDS[section][1]}
    return AttentionItem(
        practice_id=scope.practice.pk,
        client_id=client_id,
        section=section,
        object_id=row.pk,
        shown_in=shown_in or section,
        rank=rank,
        sort_at=sort_at,
        sort_name=sort_name[:200],
        due_at=due_at,
        until_at=until_at,
        cycle_at=cycle_at,
        shown=shown,
    )


def _replies(scope: Scope) -> Iterable[AttentionItem]:
    for row in scope.narrow(replies_owed(scope.practice, FAR), "pk"):
        since = row.awaiting_reply_since
        rank = 0 if row.unanswered_count >= 2 else 1  # who wrote again first
        yield item(
            scope, Section.REPLY, row, row.pk, sort_at=since, due_at=since, rank=rank,
            cycle_at=row.awaiting_reply_latest,
        )  # fmt: skip


def _checkins(scope: Scope) -> Iterable[AttentionItem]:
    for row in scope.narrow(checkins_due(scope.practice, FAR), "pk"):
        due = row.checkin_due_at
        yield item(scope, Section.CHECKIN, row, row.pk, sort_at=due, due_at=due, cycle_at=due)


def _promises(scope: Scope) -> Iterable[AttentionItem]:
    for row in scope.narrow(promises_due(scope.practice, FAR.date())):
        due = scope.midnight(row.due_on)
        yield item(scope, Section.PROMISE, row, row.client_id, sort_at=due, due_at=due)


def fading_items(scope: Scope) -> Iterable[AttentionItem]:
    for row in scope.narrow(fading_readings(scope.practice)):
        yield item(scope, Section.FADING, row, row.client_id, sort_at=ALWAYS, rank=row.score)


def _care(scope: Scope) -> Iterable[AttentionItem]:
    """A week after hard news or a hard conversation, for two weeks, unless in touch since."""
    quiet_for = timedelta(days=CARE_AFTER_DAYS - 1)
    start = scope.now - timedelta(days=CARE_UNTIL_DAYS)
    after, until = timedelta(days=CARE_AFTER_DAYS), timedelta(days=CARE_UNTIL_DAYS)
    facts = hard_news_learned(
        scope.practice, learned_from=start, learned_to=FAR, quiet_for=quiet_for
    )
    for fact in scope.narrow(facts):
        yield item(
            scope, Section.CARE, fact, fact.client_id, sort_at=fact.learned_at,
            due_at=fact.learned_at + after, until_at=fact.learned_at + until + JUST_AFTER,
            shown_in=Section.DATE,
        )  # fmt: skip
    talks = hard_conversations_had(scope.practice, had_from=start, had_to=FAR, quiet_for=quiet_for)
    for talk in scope.narrow(talks):
        yield item(
            scope, Section.CARE_TALK, talk, talk.client_id, sort_at=talk.occurred_at, rank=1,
            due_at=talk.occurred_at + after, until_at=talk.occurred_at + until + JUST_AFTER,
            shown_in=Section.DATE,
        )  # fmt: skip


def _dates(scope: Scope) -> Iterable[AttentionItem]:
    """A yearly date, kept by its day of the year: Today shows it in the days before."""
    dates = ImportantDate.objects.for_practice(scope.practice).filter(
        may_be_checked_on("client__"), client__archived_at__isnull=True
    )
    for row in scope.narrow(dates.select_related("client")):
        found = item(
            scope, Section.DATE, row, row.client_id, sort_at=ALWAYS, rank=2,
            sort_name=row.client.full_name,
        )  # fmt: skip
        found.month_day = row.month_day
        yield found


def _reconfirm(scope: Scope) -> Iterable[AttentionItem]:
    facts = scope.narrow(facts_to_reconfirm(scope.practice))
    for fact in facts_forgotten(facts):
        yield item(scope, Section.RECONFIRM, fact, fact.client_id, sort_at=fact.known_at)
    stale_after = timedelta(days=RECONFIRM_AFTER_DAYS)
    for fact in facts_unconfirmed_since(facts, FAR):
        yield item(
            scope, Section.RECONFIRM, fact, fact.client_id, sort_at=fact.known_at, rank=1,
            due_at=fact.known_at + stale_after + JUST_AFTER,  # not confirmed for *over* a year
        )  # fmt: skip


def _touches(scope: Scope) -> Iterable[AttentionItem]:
    ahead = timedelta(days=TOUCH_AHEAD_DAYS)
    planned = touches_planned_until(scope.practice, FAR.date()).select_related("kind")
    for row in scope.narrow(planned):
        due = scope.midnight(row.planned_on - ahead)
        found = item(
            scope, Section.TOUCH, row, row.client_id, sort_at=scope.midnight(row.planned_on),
            due_at=due,
        )  # fmt: skip
        found.shown["kind_name"] = row.kind.name
        yield found


def _referrals(scope: Scope) -> Iterable[AttentionItem]:
    """From its follow-up moment until the outcome is recorded; "no contact yet" moves the
    moment on, which starts a new cycle (an earlier "done" or snooze no longer hides it)."""
    for row in scope.narrow(referrals_to_follow_up(scope.practice)):
        due = row.follow_up_at
        found = item(
            scope, Section.REFERRAL, row, row.client_id, sort_at=due, due_at=due, cycle_at=due
        )
        found.shown["partner_name"] = row.partner.name
        yield found


def _handoffs(scope: Scope) -> Iterable[AttentionItem]:
    """A handoff note, for the member it was handed to only, until they say "Got it"."""
    pending = Handoff.objects.for_practice(scope.practice).pending()
    for row in scope.narrow(pending):
        found = item(scope, Section.HANDOFF, row, row.client_id, sort_at=row.created_at)
        found.member_id = row.to_member_id
        yield found


# How much of the client's answer Today quotes.
FEEDBACK_QUOTE = 200


def _feedback(scope: Scope) -> Iterable[AttentionItem]:
    """An answer to a feedback request, until the provider replies (or dismisses it)."""
    answered = (
        FeedbackRequest.objects.for_practice(scope.practice)
        .answered()
        .filter(replied_at__isnull=True, client__archived_at__isnull=True)
        .prefetch_related("questions")
    )
    for row in scope.narrow(answered):
        assert row.answered_at is not None
        found = item(scope, Section.FEEDBACK, row, row.client_id, sort_at=row.answered_at)
        words = " / ".join(q.answer for q in row.questions.all() if q.answer)
        found.shown["words"] = words[:FEEDBACK_QUOTE]
        yield found


REASONS: tuple[Callable[[Scope], Iterable[AttentionItem]], ...] = (
    _replies, _checkins, _promises, fading_items, _care, _dates, _reconfirm, _touches,
    _referrals, _handoffs, _feedback,
)  # fmt: skip
