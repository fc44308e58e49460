"""The unsubscribe link in emails not about an appointment: short, random, kept only as a hash.

A new link is made each time an email is built (the first try, a retry, a send again),
since a token cannot be read back from its hash; every copy's link keeps working, and none
expires, so any email a client still has can stop the next ones.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from rapport.clients.models import Client
from rapport.links.models import LinkPurpose
from rapport.links.services import LinkExpired, LinkInvalid, link_create, link_find

# Emails sent before the links were short carry a signed {"p": practice, "c": client}.
LEGACY_SALT = "rapport.unsubscribe"


def unsubscribe_link(client: Client) -> str:
    token = link_create(client=client, purpose=LinkPurpose.UNSUBSCRIBE)
    return settings.RAPPORT_BASE_URL + reverse("unsubscribe", args=[token])


def unsubscribe_client(token: str) -> Client | None:
    """The client an unsubscribe token is for, with their practice; None for any other token."""
    try:
        return link_find(token=token, purpose=LinkPurpose.UNSUBSCRIBE).client
    except (LinkInvalid, LinkExpired):
        return _legacy_client(token)


def _legacy_client(token: str) -> Client | None:
    try:
        data = signing.loads(token, salt=LEGACY_SALT)
        return Client.objects.select_related("practice").get(pk=data["c"], practice_id=data["p"])
    except (signing.BadSignature, Client.DoesNotExist, KeyError, TypeError):
        return None
