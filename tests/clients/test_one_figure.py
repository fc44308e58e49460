"""Issue 11, observation 4: one page, one figure for the days since last contact.

The client page's header, its health reasons, the client list and Today all say it with
one phrase, counted in calendar days where the practice is, from the same instant; and
the reading never says Thriving while a check-in is overdue.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client as HttpClient

from rapport.attention.health import THRIVING, Signals, read_health
from rapport.clients.models import CheckinConsent, Client
from rapport.clients.services import client_create
from rapport.desk.today.agenda import agenda_build
from rapport.lib.humanize import calendar_days, days_ago_phrase
from rapport.practices.models import Member
from rapport.timeline.services import interaction_create
from tests.conftest import NOW

LONDON = ZoneInfo("Europe/London")
# Late on 5 November: 19 calendar days before NOW, but only 18 full days of 24 hours.
LATE_EVENING = datetime(2026, 11, 5, 23, 30, tzinfo=LONDON)

DAYS = re.compile(r"\b(\d+ (?:day|week|month|year)s? ago|today|yesterday)\b")


def figures(html: str) -> set[str]:
    """Every "... ago" on a part of a page, but for how long they have been a client."""
    return set(DAYS.findall(re.sub(r"Client since [^)]*\)", "", html)))


def known_history(owner: Member) -> Client:
    maya = client_create(
        practice=owner.practice,
        full_name="Maya Lindqvist",
        checkin_consent=CheckinConsent.YES,
        rhythm_days=14,
        client_since=datetime(2026, 6, 1).date(),
    )
    for when in (datetime(2026, 9, 1, 10, tzinfo=LONDON), LATE_EVENING):
        interaction_create(
            client=maya, kind="call", direction="outbound", occurred_at=when, summary="Call"
        )
    maya.refresh_from_db()
    return maya


def test_the_client_page_says_one_figure_everywhere(
    owner: Member, owner_http: HttpClient, clock: time_machine.Traveller
) -> None:
    maya = known_history(owner)
    page = owner_http.get(f"/clients/{maya.pk}/").content.decode()
    head = page[page.index('class="page-head"') : page.index('id="health"')]
    health = page[page.index('id="health"') : page.index("<figure>", page.index('id="health"'))]
    assert "last contact 19 days ago" in re.sub(r"<[^>]+>", "", head)
    assert "Last contact 19 days ago; you meant to be in touch every 14 days." in health
    phrases = figures(head + health)
    assert phrases == {"19 days ago"}, phrases

    listed = owner_http.get("/clients/").content.decode()
    assert "19 days ago" in listed and "2 weeks ago" not in listed

    checkins = agenda_build(owner.practice).section("checkin").items
    assert [item.headline for item in checkins] == ["Maya Lindqvist: last contact 19 days ago"]


def test_the_reading_is_not_thriving_while_a_check_in_is_overdue(
    owner: Member, owner_http: HttpClient, clock: time_machine.Traveller
) -> None:
    maya = known_history(owner)
    assert [item.client for item in agenda_build(owner.practice).section("checkin").items] == [maya]
    page = owner_http.get(f"/clients/{maya.pk}/").content.decode()
    health = page[page.index('id="health"') : page.index("<figure>", page.index('id="health"'))]
    assert "Thriving" not in health and "Steady" in health


def test_a_reading_computed_yesterday_is_read_again_before_it_is_shown(
    owner: Member, owner_http: HttpClient, clock: time_machine.Traveller
) -> None:
    maya = known_history(owner)
    owner_http.get(f"/clients/{maya.pk}/")  # the reading is computed on 24 November
    clock.move_to(NOW + timedelta(days=1))  # the worker has not run since midnight
    page = owner_http.get(f"/clients/{maya.pk}/").content.decode()
    head = page[page.index('class="page-head"') : page.index("<figure>")]
    assert figures(head) == {"20 days ago"}


def test_days_are_calendar_days_where_the_practice_is() -> None:
    # 23:30 on 5 November to 08:00 on 24 November, in London: 19 days, not 18.
    assert calendar_days(LATE_EVENING, NOW, LONDON) == 19
    # Half an hour before midnight and half an hour after: a day apart.
    evening = datetime(2026, 11, 17, 23, 30, tzinfo=LONDON)
    assert calendar_days(evening, evening + timedelta(hours=1), LONDON) == 1
    # The same instants in Auckland fall on other days.
    assert calendar_days(LATE_EVENING, NOW, ZoneInfo("Pacific/Auckland")) == 18
    # Across the clocks going back (25 October 2026 in London).
    before = datetime(2026, 10, 24, 12, tzinfo=LONDON)
    assert calendar_days(before, datetime(2026, 10, 26, 0, 30, tzinfo=LONDON), LONDON) == 2
    assert [days_ago_phrase(days) for days in (0, 1, 9, 19, 400)] == [
        "today",
        "yesterday",
        "9 days ago",
        "19 days ago",
        "400 days ago",
    ]


def test_health_counts_calendar_days_and_caps_the_word_when_a_check_in_is_due() -> None:
    signals = Signals(
        name="Maya",
        now=NOW,
        since=NOW - timedelta(days=200),
        last_contact_at=LATE_EVENING,
        last_inbound_at=NOW - timedelta(days=10),  # +5: they reached out lately
        rhythm_days=14,
        checkin_due_at=LATE_EVENING + timedelta(days=14),
        zone=LONDON,
    )
    reading = read_health(signals)
    assert "Last contact 19 days ago; you meant to be in touch every 14 days." in reading.reasons
    assert reading.word != THRIVING and reading.score < 80
    # Due at the very instant Today lists the check-in, not a calendar day earlier or later.
    contact = datetime(2026, 11, 10, 9, 0, tzinfo=LONDON)  # 14 days ago, an hour later
    fresh = signals.__dict__ | {
        "last_contact_at": contact,
        "checkin_due_at": contact + timedelta(days=14),
    }
    within = read_health(Signals(**fresh))
    assert within.word == THRIVING
    assert "In touch 14 days ago, within your 14-day rhythm." in within.reasons
    due = read_health(Signals(**(fresh | {"now": NOW + timedelta(hours=1)})))
    assert "Last contact 14 days ago; you meant to be in touch every 14 days." in due.reasons
    assert due.word != THRIVING
