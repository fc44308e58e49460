"""Secrets in addresses (a calendar feed), kept only as a hash."""

from __future__ import annotations

import hashlib
import secrets


def new_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """SHA-256, hex. No salt or slow hash: the token is random, not a password someone chose,
    so the hash alone gives nothing to guess from, and a lookup by it is one indexed query."""
    return hashlib.sha256(token.encode()).hexdigest()
