"""Dates as people say them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rapport.lib.humanize import (
    ago,
    day_phrase,
    days_phrase,
    long_moment,
    moment_phrase,
    short_day,
    short_moment,
)

WALL_CLOCK = datetime(2026, 11, 24, 15, 0)  # naive, as the practice reads it: a Tuesday afternoon


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (WALL_CLOCK - timedelta(seconds=20), "just now"),
        (WALL_CLOCK - timedelta(minutes=1), "1 minute ago"),
        (WALL_CLOCK - timedelta(minutes=45), "45 minutes ago"),
        (WALL_CLOCK - timedelta(hours=3), "3 hours ago"),
        (WALL_CLOCK - timedelta(hours=15, minutes=30), "yesterday"),
        (WALL_CLOCK - timedelta(days=3), "3 days ago"),
        (WALL_CLOCK - timedelta(days=20), "2 weeks ago"),
        (WALL_CLOCK - timedelta(days=100), "3 months ago"),
        (WALL_CLOCK - timedelta(days=800), "2 years ago"),
        (WALL_CLOCK + timedelta(days=1), "tomorrow"),
        (WALL_CLOCK + timedelta(days=5), "in 5 days"),
    ],
)
def test_ago(moment: datetime, expected: str) -> None:
    assert ago(moment, WALL_CLOCK) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 11, 24, 10, 30), "today 10:30"),
        (datetime(2026, 11, 23, 9, 5), "yesterday 09:05"),
        (datetime(2026, 11, 25, 9, 5), "tomorrow 09:05"),
        (datetime(2026, 11, 20, 16, 0), "last Friday 16:00"),
        (datetime(2026, 11, 27, 10, 30), "Friday 10:30"),
        (datetime(2026, 3, 12, 10, 30), "12 March, 10:30"),
        (datetime(2024, 2, 29, 8, 0), "29 February 2024, 08:00"),
    ],
)
def test_moment_phrase(moment: datetime, expected: str) -> None:
    assert moment_phrase(moment, WALL_CLOCK) == expected


def test_day_phrase_across_a_year_end() -> None:
    new_year = date(2027, 1, 1)
    assert day_phrase(date(2026, 12, 31), new_year) == "yesterday"
    assert day_phrase(date(2026, 12, 20), new_year) == "20 December 2026"
    assert days_phrase(date(2026, 12, 20), new_year) == "12 days ago"


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
def test_phrases_never_fail_and_are_never_empty(moment: datetime) -> None:
    for phrase in (
        ago(moment, WALL_CLOCK),
        moment_phrase(moment, WALL_CLOCK),
        day_phrase(moment.date(), WALL_CLOCK.date()),
    ):
        assert phrase and "-" not in phrase.split()[0]


def test_short_days_and_moments_name_the_date_whenever_they_are_read() -> None:
    assert short_day(date(2026, 12, 7), WALL_CLOCK.date()) == "Mon 7 Dec"
    assert short_day(date(2027, 1, 4), WALL_CLOCK.date()) == "Mon 4 Jan 2027"
    assert short_moment(datetime(2026, 12, 8, 11, 0), WALL_CLOCK.date()) == "Tue 8 Dec 11:00"
    assert short_moment(datetime(2026, 11, 24, 9, 5), WALL_CLOCK.date()) == "Tue 24 Nov 09:05"


def test_long_moments_are_said_in_full() -> None:
    assert long_moment(datetime(2027, 3, 2, 10, 30), date(2027, 1, 5)) == "Tuesday 2 March, 10:30"
    assert long_moment(datetime(2027, 3, 2, 9, 5), WALL_CLOCK.date()) == (
        "Tuesday 2 March 2027, 09:05"
    )
