"""Writes about clients: each function is one user action in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rapport.clients.contact import normalize_contact
from rapport.clients.models import (
    CheckinChannel,
    CheckinConsent,
    Client,
    ClientStatus,
    Closeness,
    ContactKind,
    ContactPoint,
    Fact,
    FactSource,
    ImportantDate,
    Tag,
)
from rapport.clients.signals import client_changed, clients_changed
from rapport.practices.models import Member, Practice

if TYPE_CHECKING:  # the timeline sits above clients: a type, never an import at run time
    from rapport.timeline.models import Interaction


@dataclass(frozen=True)
class ContactPointInput:
    kind: str
    value: str
    label: str = ""


def client_duplicates(
    *, practice: Practice, emails: Iterable[str], exclude: Client | None = None
) -> QuerySet[Client]:
    """Clients of the practice who already use one of these email addresses."""
    wanted = {email.strip().lower() for email in emails if email.strip()}
    found = Client.objects.for_practice(practice).filter(
        contact_points__kind=ContactKind.EMAIL, contact_points__normalized__in=wanted
    )
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found.distinct()


def _contact_points_replace(client: Client, points: Sequence[ContactPointInput]) -> None:
    client.contact_points.all().delete()
    ContactPoint.objects.bulk_create(
        ContactPoint(
            practice=client.practice,
            client=client,
            kind=point.kind,
            label=point.label.strip(),
            value=point.value.strip(),
            normalized=normalize_contact(
                kind=point.kind, value=point.value, region=client.practice.default_region
            ),
        )
        for point in points
    )


def _tags_for(practice: Practice, names: Iterable[str]) -> list[Tag]:
    tags = []
    for raw in names:
        name = raw.strip().lstrip("#").strip()
        if not name:
            continue
        if len(name) > 50:
            raise ValidationError(
                f"The tag {name[:20]}... is too long: keep tags under 50 characters."
            )
        tag = Tag.objects.for_practice(practice).filter(name__iexact=name).first()
        tags.append(tag or Tag.objects.create(practice=practice, name=name))
    return tags


@transaction.atomic
def client_create(
    *,
    practice: Practice,
    full_name: str,
    preferred_name: str = "",
    pronunciation: str = "",
    pronouns: str = "",
    status: str = ClientStatus.ACTIVE,
    closeness: str = Closeness.NEW,
    how_we_met: str = "",
    client_since: date | None = None,
    checkin_consent: str = CheckinConsent.UNKNOWN,
    checkin_channel: str = CheckinChannel.ANY,
    paused_note_ok: bool = False,
    rhythm_days: int | None = None,
    time_zone: str = "",
    wants_reminders: bool = False,
    no_gifts: bool = False,
    no_physical_contact: bool = False,
    contact_points: Sequence[ContactPointInput] = (),
    tag_names: Sequence[str] = (),
    created_by: Member | None = None,
) -> Client:
    client = Client(
        practice=practice,
        full_name=full_name.strip(),
        preferred_name=preferred_name.strip(),
        pronunciation=pronunciation.strip(),
        pronouns=pronouns.strip(),
        status=status,
        closeness=closeness,
        how_we_met=how_we_met.strip(),
        client_since=client_since or timezone.localdate(),
        checkin_consent=checkin_consent,
        checkin_channel=checkin_channel,
        paused_note_ok=paused_note_ok,
        rhythm_days=rhythm_days,
        time_zone=time_zone,
        wants_reminders=wants_reminders,
        no_gifts=no_gifts,
        no_physical_contact=no_physical_contact,
        created_by=created_by,
        looked_after_by=created_by,  # who adds a client looks after them until a handoff
    )
    client.full_clean()
    client.save()
    _contact_points_replace(client, contact_points)
    client.tags.set(_tags_for(practice, tag_names))
    client_changed.send(sender=Client, client=client)
    return client


@transaction.atomic
def client_update(
    *,
    client: Client,
    profile: dict[str, object],
    contact_points: Sequence[ContactPointInput],
    tag_names: Sequence[str],
) -> Client:
    editable = {
        "full_name", "preferred_name", "pronunciation", "pronouns", "status", "closeness",
        "how_we_met", "client_since", "checkin_consent", "checkin_channel", "paused_note_ok",
        "rhythm_days", "time_zone", "wants_reminders", "no_gifts", "no_physical_contact",
    }  # fmt: skip
    unknown = set(profile) - editable
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for field, value in profile.items():
        setattr(client, field, value.strip() if isinstance(value, str) else value)
    client.full_clean()
    client.save()
    _contact_points_replace(client, contact_points)
    client.tags.set(_tags_for(client.practice, tag_names))
    client_changed.send(sender=Client, client=client)
    return client


@transaction.atomic
def clients_tag(*, practice: Practice, client_ids: Sequence[int], tag_name: str) -> int:
    tags = _tags_for(practice, [tag_name])
    if not tags:
        raise ValidationError("Give the tag a name.")
    tag = tags[0]
    clients = list(Client.objects.for_practice(practice).filter(pk__in=client_ids))
    tag.clients.add(*clients)
    return len(clients)


@transaction.atomic
def clients_set_status(*, practice: Practice, client_ids: Sequence[int], status: str) -> int:
    if status not in ClientStatus.values:
        raise ValidationError(f"Unknown status {status!r}.")
    changed = (
        Client.objects.for_practice(practice)
        .filter(pk__in=client_ids)
        .update(status=status, updated_at=timezone.now())
    )
    clients_changed.send(sender=Client, practice=practice, client_ids=list(client_ids))
    return changed


@transaction.atomic
def clients_archive(*, practice: Practice, client_ids: Sequence[int]) -> int:
    clients = list(
        Client.objects.for_practice(practice)
        .filter(pk__in=client_ids, archived_at__isnull=True)
        .select_related("practice")
    )
    for client in clients:
        client.archived_at = timezone.now()
        client.save(update_fields=["archived_at", "updated_at"])
    return len(clients)


@transaction.atomic
def client_unarchive(*, client: Client) -> Client:
    client.archived_at = None
    client.save(update_fields=["archived_at", "updated_at"])
    client_changed.send(sender=Client, client=client)
    return client


def _check_learned_from(fact: Fact) -> None:
    if fact.learned_from is not None and fact.learned_from.client_id != fact.client_id:
        raise ValidationError({"learned_from": "Choose a conversation with this client."})


@transaction.atomic
def fact_create(
    *,
    client: Client,
    category: str,
    text: str,
    important: bool = False,
    source: str = FactSource.TOLD,
    learned_at: datetime | None = None,
    learned_from: Interaction | None = None,
    ask_again: bool = False,
    hard_news: bool = False,
) -> Fact:
    fact = Fact(
        practice=client.practice,
        client=client,
        category=category,
        text=text.strip(),
        important=important,
        source=source,
        learned_at=learned_at or timezone.now(),
        learned_from=learned_from,
        ask_again=ask_again,
        hard_news=hard_news,
    )
    fact.full_clean()
    _check_learned_from(fact)
    fact.save()
    return fact


@transaction.atomic
def fact_update(*, fact: Fact) -> Fact:
    """Saves a fact already changed by a form, after checking it still belongs together."""
    fact.full_clean()
    _check_learned_from(fact)
    fact.save()
    return fact


@transaction.atomic
def fact_confirm(*, fact: Fact) -> Fact:
    """They said it again, or we asked and wrote it down: it is known and fresh."""
    fact.confirmed_at = timezone.now()
    fact.ask_again = False
    fact.save(update_fields=["confirmed_at", "ask_again"])
    return fact


@transaction.atomic
def fact_confirmation_restore(
    *, fact: Fact, confirmed_at: datetime | None, ask_again: bool
) -> Fact:
    """Puts back what was known before a confirmation that is being undone."""
    fact.confirmed_at, fact.ask_again = confirmed_at, ask_again
    fact.save(update_fields=["confirmed_at", "ask_again"])
    return fact


@transaction.atomic
def fact_mark_ask_again(*, fact: Fact) -> Fact:
    fact.ask_again = True
    fact.save(update_fields=["ask_again"])
    return fact


@transaction.atomic
def important_date_save(*, important_date: ImportantDate) -> ImportantDate:
    important_date.full_clean()
    important_date.save()
    return important_date


@transaction.atomic
def contact_point_add(*, client: Client, point: ContactPointInput) -> ContactPoint:
    """One more way to reach them; the same address or number twice is refused."""
    normalized = normalize_contact(
        kind=point.kind, value=point.value, region=client.practice.default_region
    )
    if client.contact_points.filter(kind=point.kind, normalized=normalized).exists():
        raise ValidationError(f"{client.display_name} already has {point.value.strip()}.")
    contact = ContactPoint(
        practice=client.practice,
        client=client,
        kind=point.kind,
        label=point.label.strip(),
        value=point.value.strip(),
        normalized=normalized,
    )
    contact.full_clean()
    contact.save()
    client_changed.send(sender=Client, client=client)
    return contact
