"""Yearly dates: when a birthday or anniversary next falls. Pure.

A 29 February date is kept on 28 February in common years, the day before it
would have been, so nobody's birthday silently disappears for three years.
"""

from __future__ import annotations

import calendar
from datetime import date


def occurrence_in(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def next_occurrence(month: int, day: int, today: date) -> date:
    this_year = occurrence_in(today.year, month, day)
    return this_year if this_year >= today else occurrence_in(today.year + 1, month, day)


def ordinal_years(start_year: int | None, occurrence: date) -> int | None:
    if start_year is None or start_year >= occurrence.year:
        return None
    return occurrence.year - start_year
