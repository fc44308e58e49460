"""Reads other pages make of clients: who is waiting for an answer, who is due a check-in,
whose dates are near, what was learned that calls for a gentle word, and what to ask again.

Each returns a QuerySet in the order it is shown, starting from the practice, so the caller
can narrow it further (Today leaves out what a member has handled) and page it.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Case, F, IntegerField, Q, QuerySet, When

from rapport.clients.models import Client, ClientQuerySet, Fact, ImportantDate, may_be_checked_on
from rapport.practices.models import Practice


def replies_owed(practice: Practice, now: datetime) -> ClientQuerySet:
    """Current clients waiting for an answer: who wrote again first, then the longest wait.
    Answering is never nagging, so a client who asked not to be checked on is here too."""
    wrote_again = Case(
        When(unanswered_count__gte=2, then=0), default=1, output_field=IntegerField()
    )
    return (
        Client.objects.for_practice(practice)
        .current()
        .filter(awaiting_reply_since__isnull=False, awaiting_reply_since__lte=now)
        .order_by(wrote_again, "awaiting_reply_since", "pk")
    )


def checkins_due(practice: Practice, now: datetime) -> ClientQuerySet:
    """Past their keep-in-touch rhythm and not waiting for an answer, the longest due first."""
    return (
        Client.objects.for_practice(practice)
        .current()
        .may_be_checked_on()
        .filter(checkin_due_at__lte=now, awaiting_reply_since__isnull=True)
        .order_by("checkin_due_at", "pk")
    )


def dates_between(practice: Practice, first: date, last: date) -> QuerySet[ImportantDate]:
    """Yearly dates falling from `first` to `last` (at most a year apart), in calendar order
    from `first`, for clients Rapport may check on."""
    start = first.month * 100 + first.day
    end = last.month * 100 + last.day
    if start <= end:
        window = Q(month_day__gte=start, month_day__lte=end)
        rank: Any = F("month_day")
    else:  # the window runs over the year end: January comes after December
        window = Q(month_day__gte=start) | Q(month_day__lte=end)
        rank = Case(
            When(month_day__lt=start, then=F("month_day") + 1300),
            default=F("month_day"),
            output_field=IntegerField(),
        )
    if end == 228 and not calendar.isleap(last.year):
        window |= Q(month_day=229)  # a leap-day birthday is kept on 28 February
    return (
        ImportantDate.objects.for_practice(practice)
        .filter(window, may_be_checked_on("client__"), client__archived_at__isnull=True)
        .order_by(rank, "client__full_name", "pk")
    )


def hard_news_learned(
    practice: Practice, *, learned_from: datetime, learned_to: datetime, quiet_for: timedelta
) -> QuerySet[Fact]:
    """Hard news learned in that window about clients Rapport may check on, who have not been
    in touch for `quiet_for` after it."""
    return (
        Fact.objects.for_practice(practice)
        .filter(hard_news=True, learned_at__gte=learned_from, learned_at__lte=learned_to)
        .filter(may_be_checked_on("client__"), client__archived_at__isnull=True)
        .filter(
            Q(client__last_contact_at__isnull=True)
            | Q(client__last_contact_at__lt=F("learned_at") + quiet_for)
        )
        .select_related("client")
    )


def facts_to_reconfirm(practice: Practice) -> QuerySet[Fact]:
    """Facts about clients Rapport may check on: narrowed by the two below."""
    return Fact.objects.for_practice(practice).filter(
        may_be_checked_on("client__"), client__archived_at__isnull=True
    )


def facts_forgotten(facts: QuerySet[Fact]) -> QuerySet[Fact]:
    """Of these, the ones the provider marked forgotten, the longest known first."""
    return facts.filter(ask_again=True).order_by("known_at", "pk")


def facts_unconfirmed_since(facts: QuerySet[Fact], moment: datetime) -> QuerySet[Fact]:
    """Of these, the important ones not confirmed since `moment` (and not marked forgotten),
    the stalest first."""
    return facts.filter(ask_again=False, important=True, known_at__lt=moment).order_by(
        "known_at", "pk"
    )
