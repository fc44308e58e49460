"""The client's private reschedule link: signed, single-purpose, and expiring.

The token names one appointment and the nonce it had when the link was made.
The salt keeps it from being used as any other signed value (an unsubscribe
link, a session); the nonce changes when the client answers or the time moves,
so an old link can no longer change anything; the signature's age ends it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from rapport.appointments.models import Appointment

SALT = "rapport.appointments.reschedule"
LINK_DAYS = 3


@dataclass(frozen=True)
class LinkTarget:
    appointment_id: int
    nonce: str


class LinkExpired(Exception):
    """Genuine, but older than LINK_DAYS."""


class LinkInvalid(Exception):
    """Tampered with, or never ours."""


def reschedule_token(appointment: Appointment) -> str:
    return signing.dumps([appointment.pk, appointment.link_nonce], salt=SALT, compress=True)


def reschedule_url(appointment: Appointment) -> str:
    return settings.RAPPORT_BASE_URL + reverse("reschedule", args=[reschedule_token(appointment)])


def reschedule_read(token: str) -> LinkTarget:
    try:
        value = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
    ):
        raise LinkInvalid
    return LinkTarget(value[0], value[1])
