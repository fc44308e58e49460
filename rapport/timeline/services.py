"""Writes to the timeline; each keeps the client's last-contact time current in its transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.clients.capture import parse_capture
from rapport.clients.models import Client, Fact
from rapport.clients.services import fact_create
from rapport.clients.signals import client_changed
from rapport.practices.models import Member, Practice
from rapport.timeline.models import ContactMonth, Direction, Interaction, InteractionKind, Promise
from rapport.timeline.signals import interaction_removing
from rapport.timeline.summary import Contact, ContactSummary, summarize


@dataclass(frozen=True)
class PromiseInput:
    text: str
    due_on: date


# A little slack for a phone whose clock runs ahead of the server's.
FUTURE_SLACK = timedelta(minutes=10)


def client_history_refresh(*, client: Client, now: datetime | None = None) -> None:
    """Re-reads the client's history into the stored summary: last contact, the reply
    clock and contact per month. Runs after every timeline write, in its transaction."""
    history = Interaction.objects.filter(client=client).values_list(
        "occurred_at", "kind", "direction", "delivered"
    )
    summary = summarize(
        (Contact(*row) for row in history), zone=client.practice.zone, now=now or timezone.now()
    )
    months = summary_apply(client=client, summary=summary)
    ContactMonth.objects.filter(client=client).delete()
    ContactMonth.objects.bulk_create(months)
    client_changed.send(sender=Client, client=client)


@transaction.atomic
def practice_history_refresh(*, practice: Practice, now: datetime | None = None) -> int:
    """Every client's stored summary again, e.g. after the practice's time zone changed,
    which moves month boundaries and due times. One pass over the history, not one per client."""
    now = now or timezone.now()
    history: dict[int, list[Contact]] = defaultdict(list)
    rows = Interaction.objects.for_practice(practice).values_list(
        "client_id", "occurred_at", "kind", "direction", "delivered"
    )
    for client_id, at, kind, direction, delivered in rows.iterator(chunk_size=20_000):
        history[client_id].append(Contact(at, kind, direction, delivered))
    months: list[ContactMonth] = []
    clients = Client.objects.for_practice(practice)
    for client in clients.iterator(chunk_size=2000):
        client.practice = practice
        summary = summarize(history[client.pk], zone=practice.zone, now=now)
        months += summary_apply(client=client, summary=summary)
    ContactMonth.objects.for_practice(practice).delete()
    ContactMonth.objects.bulk_create(months, batch_size=5000)
    return len(history)


HISTORY_FIELDS = [
    "last_contact_at",
    "last_inbound_at",
    "awaiting_reply_since",
    "awaiting_reply_latest",
    "unanswered_count",
]


def summary_apply(*, client: Client, summary: ContactSummary) -> list[ContactMonth]:
    """Saves the summary's fields on the client; returns its months as rows to store."""
    client.last_contact_at = summary.last_contact_at
    client.last_inbound_at = summary.last_inbound_at
    client.awaiting_reply_since = summary.awaiting_reply_since
    client.awaiting_reply_latest = summary.awaiting_reply_latest
    client.unanswered_count = summary.unanswered
    client.save(update_fields=HISTORY_FIELDS)
    return [
        ContactMonth(
            practice=client.practice,
            client=client,
            month=month.month,
            from_client=month.from_client,
            from_us=month.from_us,
            together=month.together,
            replies=month.replies,
            reply_hours=month.reply_hours,
        )
        for month in summary.months
    ]


def _validated(interaction: Interaction) -> Interaction:
    if interaction.kind == InteractionKind.NOTE:
        # A note is the provider's own memory, never a message either way.
        interaction.direction = Direction.NONE
    if not (interaction.summary.strip() or interaction.client_words.strip()):
        raise ValidationError({"summary": "Write a few words about what happened."})
    if interaction.occurred_at > timezone.now() + FUTURE_SLACK:
        raise ValidationError(
            {
                "occurred_at": "That is in the future. Log a conversation once it has happened; "
                "for something ahead, make a promise with a due date."
            }
        )
    interaction.full_clean()
    return interaction


@transaction.atomic
def interaction_create(
    *,
    client: Client,
    kind: str,
    occurred_at: datetime | None = None,
    direction: str = Direction.NONE,
    summary: str = "",
    client_words: str = "",
    hard_conversation: bool = False,
    promises: Sequence[PromiseInput] = (),
    created_by: Member | None = None,
    delivered: bool = True,
) -> Interaction:
    """`delivered=False` for an email that is still to go: it becomes contact when it is sent."""
    interaction = _validated(
        Interaction(
            practice=client.practice,
            client=client,
            kind=kind,
            direction=direction,
            occurred_at=occurred_at or timezone.now(),
            summary=summary.strip(),
            client_words=client_words.strip(),
            hard_conversation=hard_conversation,
            created_by=created_by,
            delivered=delivered,
        )
    )
    interaction.save()
    _promises_add(interaction, promises)
    client_history_refresh(client=client)
    return interaction


def _promises_add(interaction: Interaction, promises: Sequence[PromiseInput]) -> None:
    Promise.objects.bulk_create(
        Promise(
            practice=interaction.practice,
            client=interaction.client,
            interaction=interaction,
            text=promise.text.strip(),
            due_on=promise.due_on,
        )
        for promise in promises
    )


@transaction.atomic
def interaction_update(
    *, interaction: Interaction, new_promises: Sequence[PromiseInput] = ()
) -> Interaction:
    """Saves an interaction changed by a form; promises already made stay as they are."""
    _validated(interaction).save()
    _promises_add(interaction, new_promises)
    client_history_refresh(client=interaction.client)
    return interaction


@transaction.atomic
def interaction_mark_delivered(
    *, interaction: Interaction, at: datetime | None, delivered: bool = True
) -> None:
    """The email went: from this moment it is contact, dated when it went. Or it came back
    (`delivered=False`): it stops being contact, and the summaries are rebuilt without it."""
    interaction.delivered = delivered
    interaction.occurred_at = at or interaction.occurred_at
    interaction.save(update_fields=["delivered", "occurred_at"])
    client_history_refresh(client=interaction.client)


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    client = interaction.client
    interaction_removing.send(sender=Interaction, interaction=interaction)
    interaction.delete()
    client_history_refresh(client=client)


@transaction.atomic
def promise_set_done(*, promise: Promise, done: bool) -> Promise:
    promise.done_at = timezone.now() if done else None
    promise.save(update_fields=["done_at"])
    client_changed.send(sender=Client, client=promise.client)
    return promise


@transaction.atomic
def quick_capture(*, client: Client, text: str, member: Member | None) -> Fact | Interaction:
    """One line from the capture box: a fact if it starts with a known label, otherwise a note."""
    if not text.strip():
        raise ValidationError("Type a note, or a fact such as “likes: orchid growing”.")
    if len(text) > 5000:
        raise ValidationError("That is too long for a quick note: keep it under 5,000 characters.")
    capture = parse_capture(text)
    if capture.category is not None:
        if len(capture.text) > 500:
            raise ValidationError("A fact is best kept under 500 characters; write a note instead.")
        return fact_create(client=client, category=capture.category, text=capture.text)
    return interaction_create(
        client=client, kind=InteractionKind.NOTE, summary=capture.text, created_by=member
    )
