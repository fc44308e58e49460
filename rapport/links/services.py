"""Making and reading client links: a random token of 128 bits, 22 characters in a URL."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.utils import timezone

from rapport.clients.models import Client
from rapport.links.models import ClientLink, LinkPurpose

TOKEN_BYTES = 16
# Longer than any token we make: refused without a query or a hash.
LONGEST_TOKEN = 64


class LinkInvalid(Exception):
    """Not a link we made for this purpose: mistyped, truncated, or never ours."""


class LinkExpired(Exception):
    """A link we made, past its end."""


def token_hash(token: str) -> str:
    # No salt or slow hash needed: the token is random, not a password someone chose.
    return hashlib.sha256(token.encode()).hexdigest()


def link_create(
    *,
    client: Client,
    purpose: LinkPurpose,
    target_id: int | None = None,
    target_nonce: str = "",
    lifetime: timedelta | None = None,
    now: datetime | None = None,
) -> str:
    """A new link, and its token: shown this once, to be put in the message, and never kept."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    ClientLink.objects.create(
        practice_id=client.practice_id,
        client=client,
        purpose=purpose,
        token_hash=token_hash(token),
        target_id=target_id,
        target_nonce=target_nonce,
        created_at=now,
        expires_at=now + lifetime if lifetime is not None else None,
    )
    return token


def link_find(*, token: str, purpose: LinkPurpose, now: datetime | None = None) -> ClientLink:
    """The link behind a token from a URL, with its client and practice."""
    if not token or len(token) > LONGEST_TOKEN:
        raise LinkInvalid
    link = (
        ClientLink.objects.filter(token_hash=token_hash(token), purpose=purpose)
        .select_related("client__practice")
        .first()
    )
    if link is None:
        raise LinkInvalid
    if link.expires_at is not None and (now or timezone.now()) > link.expires_at:
        raise LinkExpired
    return link
