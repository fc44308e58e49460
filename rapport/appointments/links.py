"""The client's private reschedule link: short, random, single-purpose, and expiring.

The link is a client link (rapport.links): a random token, of which only the hash is kept,
naming one appointment and the nonce it had when the link was made. The nonce changes when
the client answers, the time moves, or the appointment is cancelled or finished, so an old
link can no longer change anything; after LINK_DAYS the link ends on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from rapport.appointments.models import Appointment
from rapport.links.models import LinkPurpose
from rapport.links.services import LinkExpired as LinkExpired
from rapport.links.services import LinkInvalid as LinkInvalid
from rapport.links.services import link_create, link_find

LINK_DAYS = 3


@dataclass(frozen=True)
class LinkTarget:
    appointment_id: int
    nonce: str
    # Whose link it is: the appointment is looked for there, never by its id alone.
    practice_id: int
    client_id: int


def reschedule_token(appointment: Appointment) -> str:
    """A new link each time it is asked for: the token cannot be read back from the database."""
    return link_create(
        client=appointment.client,
        purpose=LinkPurpose.RESCHEDULE,
        target_id=appointment.pk,
        target_nonce=appointment.link_nonce,
        lifetime=timedelta(days=LINK_DAYS),
    )


def reschedule_url(appointment: Appointment) -> str:
    return settings.RAPPORT_BASE_URL + reverse("reschedule", args=[reschedule_token(appointment)])


def reschedule_read(token: str) -> LinkTarget:
    """The appointment and nonce a token names; LinkInvalid or LinkExpired otherwise."""
    link = link_find(token=token, purpose=LinkPurpose.RESCHEDULE)
    if link.target_id is None:
        raise LinkInvalid
    return LinkTarget(link.target_id, link.target_nonce, link.practice_id, link.client_id)
