"""Keeps each client's health reading and attention items current as their data changes, and
counts again when the practice's time zone moves its months and due days.

Model signals are sent inside the writing transaction, so the attention table never
disagrees with the data it is made of. Writes that bypass save() (QuerySet.update, bulk
writers) send `client_changed` or refresh the table themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from rapport.appointments.models import Appointment
from rapport.attention.items import item_rehide, items_rebuild, items_refresh
from rapport.attention.models import AgendaAction
from rapport.attention.services import reading_refresh, readings_refresh
from rapport.clients.models import Client, Fact, ImportantDate
from rapport.clients.signals import client_changed, clients_changed
from rapport.feedback.models import FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Practice
from rapport.practices.signals import practice_time_zone_changed
from rapport.referrals.models import Partner, Referral
from rapport.timeline.models import Interaction, Promise
from rapport.timeline.services import practice_history_refresh
from rapport.touches.models import Touch, TouchKind

# Rows that belong to one client and can be a reason on Today, or change one.
_A_CLIENTS: tuple[type[Model], ...] = (
    Fact, ImportantDate, Interaction, Promise, OutboxMessage, Appointment, Touch, Referral,
    Handoff, FeedbackRequest,
)  # fmt: skip


@receiver(client_changed)
def client_reading_refresh(sender: Any, client: Client, **kwargs: Any) -> None:
    reading_refresh(client=client)  # which refreshes their attention items too


@receiver(clients_changed)
def clients_items_refresh(
    sender: Any, practice: Practice, client_ids: list[int], **kwargs: Any
) -> None:
    items_refresh(practice=practice, clients=client_ids)


@receiver(practice_time_zone_changed)
def practice_recount(sender: Any, practice: Practice, **kwargs: Any) -> None:
    """The history first: the readings are made from its months. Every due day moves."""
    practice_history_refresh(practice=practice)
    readings_refresh(practice=practice)
    items_rebuild(practice=practice)


def _client_row_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:  # not while loading fixtures
        items_refresh(practice=instance.practice, clients=[instance.client_id])


def _client_row_deleted(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    """Deleted on its own; not with its client or practice, whose items go with them."""
    deleted = origin.model if isinstance(origin, QuerySet) else type(origin)
    if deleted is sender:
        items_refresh(practice=instance.practice, clients=[instance.client_id])


for _model in _A_CLIENTS:
    post_save.connect(_client_row_saved, sender=_model, dispatch_uid=f"items-{_model.__name__}")
    post_delete.connect(_client_row_deleted, sender=_model, dispatch_uid=f"items-{_model.__name__}")


@receiver(post_save, sender=Client)
def client_saved(sender: Any, instance: Client, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        items_refresh(practice=instance.practice, clients=[instance.pk])


@receiver(post_save, sender=AgendaAction)
def agenda_action_saved(sender: Any, instance: AgendaAction, **kwargs: Any) -> None:
    item_rehide(practice=instance.practice, section=instance.section, object_id=instance.object_id)


@receiver(post_save, sender=TouchKind)
def touch_kind_saved(sender: Any, instance: TouchKind, **kwargs: Any) -> None:
    """A kind that becomes a gift, or physical, is no longer put to some clients."""
    planned = Touch.objects.filter(kind=instance).planned()
    clients = list(planned.values_list("client_id", flat=True).distinct())
    items_refresh(practice=instance.practice, clients=clients)


@receiver(post_save, sender=Partner)
def partner_saved(sender: Any, instance: Partner, raw: bool = False, **kwargs: Any) -> None:
    """Today names the partner in each follow-up: a renamed partner is named anew."""
    if raw:
        return
    waiting = Referral.objects.filter(partner=instance).awaiting_follow_up()
    clients = list(waiting.values_list("client_id", flat=True).distinct())
    if clients:
        items_refresh(practice=instance.practice, clients=clients)
