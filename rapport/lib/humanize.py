"""Dates as people say them: "3 days ago", "Tuesday 10:30", "12 March".

Pure functions over values already in the reader's time zone; the template
filters in `rapport_tags` do the conversion.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _day_month(day: date, today: date) -> str:
    text = f"{day.day} {day.strftime('%B')}"
    return text if day.year == today.year else f"{text} {day.year}"


def days_phrase(day: date, today: date) -> str:
    """How far a calendar day is from today: "today", "yesterday", "3 days ago", "in 2 weeks"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    span = abs(delta)
    if span < 14:
        amount = _plural(span, "day")
    elif span < 60:
        amount = _plural(span // 7, "week")
    elif span < 730:
        amount = _plural(span // 30, "month")
    else:
        amount = _plural(span // 365, "year")
    return f"{amount} ago" if delta < 0 else f"in {amount}"


def calendar_days(earlier: datetime, later: datetime, zone: tzinfo) -> int:
    """Calendar days from one moment to another, where the reader is: 23:30 to 00:30 the
    next morning is one day, and a day when the clocks change is still one day."""
    return (later.astimezone(zone).date() - earlier.astimezone(zone).date()).days


def days_ago_phrase(days: int) -> str:
    """Days since something, exact, so that it compares with a rhythm in days: "today",
    "yesterday", "19 days ago". The one phrase for the days since last contact."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def ago(moment: datetime, now: datetime) -> str:
    """A short relative phrase for a moment, precise to the minute within the day."""
    seconds = (now - moment).total_seconds()
    if 0 <= seconds < 60:
        return "just now"
    if 0 < seconds < 3600:
        return f"{_plural(int(seconds // 60), 'minute')} ago"
    if 0 < seconds < 6 * 3600 and moment.date() == now.date():
        return f"{_plural(int(seconds // 3600), 'hour')} ago"
    return days_phrase(moment.date(), now.date())


def moment_phrase(moment: datetime, now: datetime) -> str:
    """A moment for a timeline or agenda: "today 10:30", "Tuesday 10:30", "12 March 2024, 10:30"."""
    delta = (moment.date() - now.date()).days
    if delta == 0:
        return f"today {_clock(moment)}"
    if delta == -1:
        return f"yesterday {_clock(moment)}"
    if delta == 1:
        return f"tomorrow {_clock(moment)}"
    if -7 < delta < 7:
        prefix = "last " if delta < 0 else ""
        return f"{prefix}{moment.strftime('%A')} {_clock(moment)}"
    return f"{_day_month(moment.date(), now.date())}, {_clock(moment)}"


def day_phrase(day: date, today: date) -> str:
    """A calendar day: "today", "tomorrow", "Friday", "12 March", "12 March 2024"."""
    delta = (day - today).days
    if delta in (-1, 0, 1):
        return days_phrase(day, today)
    if 1 < delta < 7:
        return day.strftime("%A")
    return _day_month(day, today)


def short_day(day: date, today: date) -> str:
    """A day written out briefly, true whenever it is read: "Mon 7 Dec", "Mon 7 Dec 2025"."""
    text = f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def short_moment(moment: datetime, today: date) -> str:
    """A moment written out briefly, true whenever it is read: "Tue 8 Dec 11:00"."""
    return f"{short_day(moment.date(), today)} {_clock(moment)}"


def long_moment(moment: datetime, today: date) -> str:
    """A moment written out in full, as people say it: "Tuesday 3 March, 10:30", with the
    year when it is not this one."""
    return f"{moment.strftime('%A')} {_day_month(moment.date(), today)}, {_clock(moment)}"


SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$"}


def money(amount: Decimal, currency: str) -> str:
    """ "£12.50", "£40", "1,200 CHF"."""
    symbol = SYMBOLS.get(currency.upper())
    text = f"{amount:,.2f}".removesuffix(".00")
    return f"{symbol}{text}" if symbol else f"{text} {currency.upper()}"
