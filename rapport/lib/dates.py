"""Dates and times a person can mean, wherever they come in: a form, the API or a query string.

Years are kept between 1900 and 2200. Python's dates end at years 1 and 9999, so a date at
either end overflows as soon as it is moved to another time zone or has an hour added (an
appointment's end, the calendar's week); well inside those ends every such step is safe.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
OUT_OF_RANGE = f"Give a year between {EARLIEST_YEAR} and {LATEST_YEAR}."
# The bounds as stored moments: a day inside each end, so that they fall in the range in
# every time zone (a moment's year is read on the practice's clock).
EARLIEST_MOMENT = datetime(EARLIEST_YEAR, 1, 2, tzinfo=UTC)
LATEST_MOMENT = datetime(LATEST_YEAR, 12, 30, tzinfo=UTC)


def in_range(value: date) -> bool:
    """A datetime is judged by its own (local) year: every zone is well inside the bounds."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def within_years(value: date) -> None:
    """The model fields' validator: what a service saves is checked by its full_clean(), so a
    path that bypasses the forms and the API (a command, an import) cannot store year 1."""
    if not in_range(value):
        raise ValidationError(OUT_OF_RANGE, code="out_of_range")


def _day(value: date) -> date:
    if not in_range(value):
        raise PydanticCustomError("out_of_range", OUT_OF_RANGE)
    return value


def _moment(value: datetime) -> datetime:
    """Naive datetimes are read in the current zone: the practice's, for a logged-in member
    or a token (the API activates it before it reads the body)."""
    if not in_range(value):
        raise PydanticCustomError("out_of_range", OUT_OF_RANGE)
    return timezone.make_aware(value) if timezone.is_naive(value) else value


# For the API's schemas (pydantic): the error becomes a 422 that names the field, in our
# words (a plain ValueError would read "Value error, Give a year...").
Day = Annotated[date, AfterValidator(_day)]
Moment = Annotated[datetime, AfterValidator(_moment)]


def day_param(raw: str) -> date | None:
    """A day from a query string such as ?day=2026-11-24; None when it is not one we show."""
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return day if in_range(day) else None


def month_param(raw: str) -> date | None:
    """The first day of the month named by ?month=2026-11; None when it is not one we show.
    Only that shape: "1-1" or "2026-11-1" is a typo, not a month."""
    year, dash, month = raw.partition("-")
    if not (dash and len(year) == 4 and len(month) == 2 and (year + month).isascii()):
        return None
    if not (year + month).isdigit() or not 1 <= int(month) <= 12:
        return None
    first = date(int(year), int(month), 1)
    return first if in_range(first) else None


def clamp_stored(model: type[models.Model], *names: str) -> int:
    """For data migrations: a date or datetime stored before these bounds existed, and
    outside them, is moved to the nearest bound, so the pages that show it can. Returns how
    many values moved."""
    moved = 0
    for name in names:
        field = model._meta.get_field(name)
        low: Any = (
            EARLIEST_MOMENT
            if isinstance(field, models.DateTimeField)
            else date(EARLIEST_YEAR, 1, 1)
        )
        high: Any = (
            LATEST_MOMENT if isinstance(field, models.DateTimeField) else date(LATEST_YEAR, 12, 31)
        )
        rows = model._default_manager.all()
        moved += rows.filter(**{f"{name}__lt": low}).update(**{name: low})
        moved += rows.filter(**{f"{name}__gt": high}).update(**{name: high})
    return moved
