"""The week as a time grid: rows of quarter hours from the working day, widened to what is
booked, and overlapping appointments side by side in lanes."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from django.test import Client as HttpClient

import rapport
from rapport.appointments.models import Appointment
from rapport.appointments.week_grid import (
    MAX_LANES,
    Hours,
    Placed,
    Span,
    day_clusters,
    hours_shown,
    off_hours,
)
from rapport.clients.models import Client
from rapport.practices.models import Member
from tests.appointments.conftest import book

NINE, FIVE_THIRTY = 9 * 60, 17 * 60 + 30
DAY = Hours(9, 18)


def at(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


def test_the_hours_are_the_working_day_widened_to_what_is_booked() -> None:
    assert hours_shown(NINE, FIVE_THIRTY, []) == Hours(9, 18)
    early_and_late = [Span(1, at(7, 30), at(8, 20)), Span(2, at(19), at(20, 10))]
    assert hours_shown(NINE, FIVE_THIRTY, early_and_late) == Hours(7, 21)
    assert hours_shown(NINE, FIVE_THIRTY, [Span(3, at(23), 24 * 60)]) == Hours(9, 24)
    assert Hours(7, 21).rows == 56 and Hours(9, 11).labels == [(9, 1), (10, 5)]


def test_apart_appointments_each_take_the_whole_width() -> None:
    clusters = day_clusters([Span(1, at(10), at(10, 50)), Span(2, at(11), at(12))], DAY)
    assert [(c.row, c.rows, c.lanes) for c in clusters] == [(5, 4, 1), (9, 4, 1)]
    assert clusters[0].items == [Placed(1, lane=1, row=1, rows=4)]


def test_overlapping_appointments_sit_side_by_side() -> None:
    """10:00-11:00 and 10:30-11:30 overlap; 11:00-12:00 overlaps the second only, and takes
    the first lane again, freed at 11:00; all three make one cluster of two lanes."""
    spans = [Span(1, at(10), at(11)), Span(2, at(10, 30), at(11, 30)), Span(3, at(11), at(12))]
    (cluster,) = day_clusters(spans, DAY)
    assert (cluster.row, cluster.rows, cluster.lanes) == (5, 8, 2)
    assert cluster.items == [
        Placed(1, lane=1, row=1, rows=4),
        Placed(2, lane=2, row=3, rows=4),
        Placed(3, lane=1, row=5, rows=4),
    ]


def test_three_at_once_take_three_lanes_and_a_crowd_shares_the_last() -> None:
    (three,) = day_clusters([Span(key, at(14), at(15)) for key in (1, 2, 3)], DAY)
    assert three.lanes == 3 and [item.lane for item in three.items] == [1, 2, 3]
    (crowd,) = day_clusters([Span(key, at(14), at(15)) for key in range(MAX_LANES + 2)], DAY)
    assert crowd.lanes == MAX_LANES
    assert [item.lane for item in crowd.items][-3:] == [MAX_LANES] * 3


def test_short_and_unaligned_times_still_cover_a_slot() -> None:
    (cluster,) = day_clusters([Span(1, at(9, 10), at(9, 15))], DAY)
    assert cluster.items == [Placed(1, lane=1, row=1, rows=1)]
    (touching,) = day_clusters([Span(1, at(9), at(9, 50)), Span(2, at(9, 50), at(10))], DAY)
    # 09:50 is in the slot 09:45-10:00 that the first one also covers: side by side.
    assert touching.lanes == 2


def _lanes(page: str) -> list[tuple[str, str]]:
    """Each grid item's lane and the lanes of its cluster, in page order."""
    found = []
    for cluster in re.finditer(r'tg-cluster [^"]*tg-lanes-(\d+)"(.*?)</div>', page, re.S):
        for item in re.finditer(r'tg-item [^"]*tg-lane-(\d+)', cluster.group(2)):
            found.append((item.group(1), cluster.group(1)))
    return found


def test_the_week_page_places_overlaps_side_by_side(
    session: Appointment, maya: Client, owner: Member, owner_http: HttpClient
) -> None:
    ben = Client.objects.create(practice=owner.practice, full_name="Ben Okafor")
    book(ben, owner, hour=10, minutes=30)  # beside Maya's 10:00-11:00
    late = book(ben, owner, hour=19)  # after the working day: the grid grows to hold it
    page = owner_http.get("/calendar/week/", {"day": "2026-11-24"}).content.decode()
    assert _lanes(page) == [("1", "2"), ("2", "2"), ("1", "1")]
    # The hours run to the end of the 19:00 appointment: the last row is 19:00-20:00.
    assert "18:00</span>" in page and "19:00</span>" in page and "20:00</span>" not in page
    assert f'href="/appointments/{late.pk}/"' in page
    # The phone's list holds the same appointments, day by day.
    listed = page.split('class="week week-list"')[1]
    assert listed.count("Ben Okafor") == 2 and "10:00\N{EN DASH}11:00" in listed
    assert listed.count("Nothing booked.") == 6
    # Working days shade 17:30-20:00, where the 19:00 appointment sits; the weekend is all off.
    assert page.count('class="tg-off tg-r-35 tg-s-10"') == 5
    assert page.count("tg-day is-off") == 2


def test_every_place_the_grid_can_name_has_its_rule() -> None:
    """The grid places by class (no inline style under the Content-Security-Policy): each
    row, span and lane it can produce is in the stylesheet."""
    css = (Path(rapport.__file__).parent / "static/rapport/appointments.css").read_text()
    whole_day = 24 * 4
    for n in range(1, whole_day + 1):
        assert f".tg-r-{n} {{" in css and f".tg-s-{n} {{" in css
    for n in range(1, MAX_LANES + 1):
        assert f".tg-lanes-{n} {{" in css and f".tg-lane-{n} {{" in css


def test_an_appointment_across_midnight_shows_on_both_days(
    maya: Client, owner: Member, owner_http: HttpClient
) -> None:
    night = book(maya, owner, hour=23, minutes=120)
    assert night.ends_at - night.starts_at == timedelta(hours=2)
    page = owner_http.get("/calendar/week/", {"day": "2026-11-24"}).content.decode()
    grid = page.split('class="week week-list"')[0]
    assert grid.count(f'href="/appointments/{night.pk}/"') == 2
    assert "23:00</span>" in grid and "00:00</span>" in grid


def test_the_hours_outside_the_working_day_are_marked() -> None:
    # 07:00-21:00 shown, work 09:00-17:30: 8 rows before, 14 after (17:30 to 21:00).
    assert off_hours(Hours(7, 21), NINE, FIVE_THIRTY) == [(1, 8), (43, 14)]
    assert off_hours(Hours(9, 18), NINE, FIVE_THIRTY) == [(35, 2)]
    assert off_hours(Hours(9, 17), NINE, at(17)) == []
