"""Health readings: refreshed for one client as their data changes, and for a whole
practice by the worker, because time alone moves a client from steady to cooling."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from rapport.attention.fading import MonthActivity, fading_reasons
from rapport.attention.health import OverduePromise, Signals, read_health
from rapport.attention.items import fading_items_refresh, items_prune, items_refresh
from rapport.attention.models import ClientReading
from rapport.clients.models import Client
from rapport.practices.models import Practice
from rapport.timeline.models import ContactMonth, Promise
from rapport.timeline.summary import month_of

READING_FIELDS = ["score", "word", "reasons", "fading", "fading_reasons", "computed_at"]


def reading_for(
    client: Client,
    *,
    months: Iterable[MonthActivity],
    overdue: Iterable[OverduePromise],
    now: datetime,
) -> ClientReading:
    """Computes (does not save) a client's reading from their stored summaries."""
    zone = client.practice.zone
    quiet = client.no_checkins
    # Less contact with someone who asked for none is their choice, not a sign to act on.
    fading = (
        []
        if quiet is not None
        else fading_reasons(
            list(months), current_month=month_of(now, zone), name=client.display_name
        )
    )
    reading = read_health(
        Signals(
            name=client.display_name,
            now=now,
            since=client.relationship_start,
            last_contact_at=client.last_contact_at,
            last_inbound_at=client.last_inbound_at,
            rhythm_days=client.rhythm,
            quiet_reason=None if quiet is None else quiet.label,
            checkin_due_at=client.checkin_due_at,
            zone=zone,
            awaiting_reply_since=client.awaiting_reply_since,
            unanswered=client.unanswered_count,
            overdue_promises=list(overdue),
            fading=fading,
        )
    )
    return ClientReading(
        practice_id=client.practice_id,
        client=client,
        score=reading.score,
        word=reading.word,
        reasons=reading.reasons,
        fading=bool(fading),
        fading_reasons=fading,
        computed_at=now,
    )


def _activity(row: ContactMonth) -> MonthActivity:
    return MonthActivity(row.month, row.contacts, row.replies, row.reply_hours)


def _overdue(promise: Promise, today: date) -> OverduePromise:
    return OverduePromise(promise.text, (today - promise.due_on).days)


def _save(readings: list[ClientReading]) -> None:
    ClientReading.objects.bulk_create(
        readings, update_conflicts=True, unique_fields=["client"], update_fields=READING_FIELDS
    )


@transaction.atomic
def reading_refresh(*, client: Client, now: datetime | None = None) -> ClientReading:
    now = now or timezone.now()
    today = timezone.localdate(now, client.practice.zone)
    months = [_activity(row) for row in ContactMonth.objects.filter(client=client)]
    overdue = [
        _overdue(promise, today)
        for promise in Promise.objects.filter(client=client).open().filter(due_on__lt=today)
    ]
    reading = reading_for(client, months=months, overdue=overdue, now=now)
    _save([reading])
    items_refresh(practice=client.practice, clients=[client.pk], now=now)
    return reading


def reading_of(client: Client, *, now: datetime | None = None) -> ClientReading:
    """The stored reading, read again when it was computed on another day than `now` (it
    counts calendar days, and the page beside it counts them from now), or never."""
    now = now or timezone.now()
    zone = client.practice.zone
    today = timezone.localdate(now, zone)
    reading = ClientReading.objects.filter(client=client).first()
    if reading is not None and timezone.localdate(reading.computed_at, zone) == today:
        return reading
    reading_refresh(client=client, now=now)
    return ClientReading.objects.get(client=client)  # with the provider's override, if any


@transaction.atomic
def readings_refresh(*, practice: Practice, now: datetime | None = None) -> int:
    """Every client of the practice, in a fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now, practice.zone)
    months: dict[int, list[MonthActivity]] = defaultdict(list)
    for row in ContactMonth.objects.for_practice(practice).order_by():
        months[row.client_id].append(_activity(row))
    overdue: dict[int, list[OverduePromise]] = defaultdict(list)
    for promise in Promise.objects.for_practice(practice).open().filter(due_on__lt=today):
        overdue[promise.client_id].append(_overdue(promise, today))
    readings = []
    for client in Client.objects.for_practice(practice).iterator(chunk_size=2000):
        client.practice = practice
        readings.append(
            reading_for(client, months=months[client.pk], overdue=overdue[client.pk], now=now)
        )
    for start in range(0, len(readings), 1000):
        _save(readings[start : start + 1000])
    fading_items_refresh(practice=practice, now=now)
    items_prune(practice=practice, now=now)
    return len(readings)
