"""Login throttling, one mechanism for every way in: the app's login page, the admin's and API
tokens. Too many failures for one account, or from one address, refuse further attempts for a while,
even a right password or token.

A guess is counted before its answer can be known, in one atomic step: the failures in the window
are counted and, if there is room, the guess is written down as a failure, all under a lock
(PostgreSQL: an advisory lock per account and per address; SQLite: the database's write lock, which
every transaction takes at its start, see `transaction_mode` in settings). So 12 concurrent wrong
passwords get the limit of guesses, not more: the ones past it are refused without being checked.

- A password is slow to check (Argon2), so it is checked outside the lock: the guess is recorded
  first, and a right password then clears the account's failures, its own guess included.
- An API token is a hash lookup, so it is checked inside the lock and a failure is recorded only
  when it is wrong: using a right token writes nothing.

The address is REMOTE_ADDR, never a header the client writes (X-Forwarded-For): a forged header
cannot give an attacker a fresh address.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from rapport.practices.models import LoginFailure

T = TypeVar("T")

# An API token names no account: its failures count against the address only.
NO_ACCOUNT = ""


class LoginThrottled(Exception):
    """Refused before the password or token was checked; `wait` is how long until the next try."""

    def __init__(self, wait: timedelta) -> None:
        super().__init__(f"login throttled for {wait}")
        self.wait = wait

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.wait.total_seconds() / 60))

    @property
    def seconds(self) -> int:
        return max(1, math.ceil(self.wait.total_seconds()))

    @property
    def message(self) -> str:
        return self.advice()

    def advice(self, otherwise: str = "") -> str:
        """What to do: "Too many failed attempts. Wait 12 minutes and try again{otherwise}."."""
        minutes = self.minutes
        wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
        return f"Too many failed attempts. Wait {wait} and try again{otherwise}."


def client_address(request: HttpRequest | None) -> str | None:
    """The connecting address. Never X-Forwarded-For or the like: the client writes those."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def password_check(*, account: str, address: str | None, check: Callable[[], T | None]) -> T | None:
    """Runs `check` (a password check: the user, or None) as one counted guess.

    Raises LoginThrottled, without running `check`, when the account or the address has no
    guesses left.
    """
    account = account.lower()
    with _serialized(account, address):
        _refuse_if_throttled(account=account, address=address)
        LoginFailure.objects.filter(at__lte=_window_start()).delete()
        LoginFailure.objects.create(account=account, address=address)
    result = check()
    if result is not None:
        # A right password clears the account's failures, this guess included.
        LoginFailure.objects.filter(account=account).delete()
    return result


def token_check(*, address: str | None, check: Callable[[], T | None]) -> T | None:
    """Runs `check` (an API token lookup: its member, or None) as one guess from `address`.

    Raises LoginThrottled, without running `check`, when the address has no guesses left.
    """
    with _serialized(NO_ACCOUNT, address):
        _refuse_if_throttled(account=NO_ACCOUNT, address=address)
        result = check()
        if result is None:
            LoginFailure.objects.filter(at__lte=_window_start()).delete()
            LoginFailure.objects.create(account=NO_ACCOUNT, address=address)
    return result


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _window_start() -> datetime:
    return timezone.now() - _window()


def _refuse_if_throttled(*, account: str, address: str | None) -> None:
    recent = LoginFailure.objects.filter(at__gt=_window_start())
    waits = []
    if account != NO_ACCOUNT:
        waits.append(_wait(recent.filter(account=account), settings.LOGIN_FAILURES_PER_ACCOUNT))
    if address:
        waits.append(_wait(recent.filter(address=address), settings.LOGIN_FAILURES_PER_ADDRESS))
    longest = max((wait for wait in waits if wait is not None), default=None)
    if longest is not None:
        raise LoginThrottled(wait=longest)


def _wait(failures: QuerySet[LoginFailure], limit: int) -> timedelta | None:
    """How long until fewer than `limit` of these failures are in the window; None if they are."""
    newest = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    if len(newest) < limit:
        return None
    # Attempts are allowed again when the limit-th newest failure leaves the window.
    return max(newest[-1] + _window() - timezone.now(), timedelta(0))


@contextmanager
def _serialized(account: str, address: str | None) -> Iterator[None]:
    """A transaction that no other guess at the same account or address runs beside."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            keys = []
            if account != NO_ACCOUNT:
                keys.append(f"login account {account}")
            if address:
                keys.append(f"login address {address}")
            with connection.cursor() as cursor:
                # Always account before address, so two guesses never wait for each other's locks.
                for key in keys:
                    cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])
        elif connection.vendor == "sqlite":
            # BEGIN IMMEDIATE takes the write lock at once: no other transaction can count
            # between this one's count and its write.
            if connection.settings_dict.get("OPTIONS", {}).get("transaction_mode") != "IMMEDIATE":
                raise ImproperlyConfigured(
                    "The login throttle needs SQLite's transaction_mode IMMEDIATE (settings.py)."
                )
        else:
            raise ImproperlyConfigured(
                f"Rapport runs on SQLite or PostgreSQL, not {connection.vendor}."
            )
        yield
