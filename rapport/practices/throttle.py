"""Login throttling: too many failures for one account or from one address lock it for a while."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from rapport.practices.models import LoginFailure


def _window_start() -> datetime:
    return timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def login_is_throttled(*, account: str, address: str | None) -> bool:
    since = _window_start()
    recent = LoginFailure.objects.filter(at__gte=since)
    by_account = recent.filter(account=account.lower()).count()
    by_address = recent.filter(address=address).count() if address else 0
    return (
        by_account >= settings.LOGIN_FAILURES_PER_ACCOUNT
        or by_address >= settings.LOGIN_FAILURES_PER_ADDRESS
    )


def login_failure_record(*, account: str, address: str | None) -> None:
    # Old rows are pruned here, on the failure path, so the table stays small without a cron job.
    LoginFailure.objects.filter(at__lt=_window_start()).delete()
    LoginFailure.objects.create(account=account.lower(), address=address)


def login_success_record(*, account: str, address: str | None) -> None:
    LoginFailure.objects.filter(account=account.lower()).delete()
