"""Template filters every page uses; loaded as builtins in settings."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from rapport.lib import humanize
from rapport.lib.time_zones import zone_choices

register = template.Library()


def _local_now() -> datetime:
    return timezone.localtime(timezone.now())


@register.filter
def ago(value: datetime | None) -> str:
    if value is None:
        return ""
    return humanize.ago(timezone.localtime(value), _local_now())


@register.filter
def days_ago(value: datetime | None) -> str:
    """Calendar days since a moment, where the practice is: "today", "19 days ago". The one
    phrase for the days since last contact, wherever it is shown."""
    if value is None:
        return ""
    now = timezone.now()
    return humanize.days_ago_phrase(
        humanize.calendar_days(value, now, timezone.get_current_timezone())
    )


@register.filter
def time_ago(value: datetime) -> str:
    """<time datetime="...">3 days ago</time>, machine-readable and as people say it."""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>', local.isoformat(), humanize.ago(local, _local_now())
    )


@register.filter
def moment(value: datetime | None) -> str:
    if value is None:
        return ""
    return humanize.moment_phrase(timezone.localtime(value), _local_now())


@register.filter
def day(value: date | None) -> str:
    if value is None:
        return ""
    return humanize.day_phrase(value, _local_now().date())


@register.filter
def since(value: date | None) -> str:
    """How long ago a day was: "3 days ago", "2 years ago"."""
    if value is None:
        return ""
    return humanize.days_phrase(value, _local_now().date())


@register.simple_tag
def time_zone_datalist() -> str:
    """The suggestions behind every time-zone field on a page, rendered once: each zone's name
    (what is stored) with its place and today's offset, "London, United Kingdom — UTC+0", so
    typing a city or a country finds it."""
    return _datalist_in_hour(datetime.now(UTC).replace(minute=0, second=0, microsecond=0))


@functools.lru_cache(maxsize=2)
def _datalist_in_hour(hour: datetime) -> str:
    # Some 400 options take longer to render than the rest of a page: once an hour, since
    # offsets move only when summer time starts or ends.
    return format_html(
        '<datalist id="time-zones">{}</datalist>',
        format_html_join("", '<option value="{}" label="{}">', zone_choices(hour)),
    )


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced, for pagination and filters."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter(name="money")
def money_filter(value: Decimal | None, currency: str) -> str:
    return "" if value is None else humanize.money(Decimal(value), currency)
