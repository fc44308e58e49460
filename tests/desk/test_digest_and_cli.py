"""The morning digest, `rapport today`, the worker's morning count, the client page's chart
and the overview."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.attention.models import AgendaSnapshot, ClientReading
from rapport.cli import main
from rapport.clients.services import client_create
from rapport.desk.today.digest import digests_send_due
from rapport.practices.models import Member
from rapport.server.worker import run_once
from rapport.timeline.services import interaction_create

LONDON_MORNING = datetime(2026, 11, 18, 7, 0)


def waiting_client(member: Member, name: str = "Maya Lindqvist") -> None:
    maya = client_create(practice=member.practice, full_name=name, checkin_consent="yes")
    interaction_create(
        client=maya,
        kind="email",
        direction="inbound",
        summary="Can we move Thursday?",
        occurred_at=timezone.now() - timedelta(hours=20),
    )


def at_london(hour: int, minute: int = 0, day: datetime = LONDON_MORNING) -> Any:
    zone = timezone.get_fixed_timezone(0)  # November: London is on UTC
    return time_machine.travel(day.replace(hour=hour, minute=minute, tzinfo=zone), tick=False)


def test_the_digest_arrives_once_at_the_chosen_hour(owner: Member) -> None:
    owner.digest_enabled, owner.digest_time = True, time(7, 30)
    owner.save()
    with at_london(6):
        waiting_client(owner)
    with at_london(7, 15):
        assert digests_send_due() == 0
    with at_london(7, 31):
        assert digests_send_due() == 1
    with at_london(9, 0):
        assert digests_send_due() == 0
    (sent,) = mail.outbox
    assert sent.to == ["owner@a.example"]
    assert sent.subject == "Today: 1 thing needs you (Wednesday 18 November)"
    assert "Maya Lindqvist is waiting for your answer" in sent.body
    assert "Good morning Ada," in sent.body


def test_no_digest_on_a_day_with_nothing_in_it(owner: Member) -> None:
    owner.digest_enabled = True
    owner.save()
    with at_london(8):
        assert digests_send_due() == 0
    assert mail.outbox == []
    owner.refresh_from_db()
    assert owner.last_digest_on is not None  # checked for today; not again until tomorrow


def test_the_digest_follows_the_members_own_time_zone(owner: Member) -> None:
    owner.digest_enabled, owner.digest_time, owner.time_zone = True, time(7, 0), "Pacific/Auckland"
    owner.save()
    with at_london(6):
        waiting_client(owner)
    # 18:30 in London on 17 November is 07:30 on 18 November in Auckland.
    with time_machine.travel(
        datetime(2026, 11, 17, 18, 30, tzinfo=timezone.get_fixed_timezone(0)), tick=False
    ):
        assert digests_send_due() == 1


@pytest.mark.parametrize(
    ("moments", "expected"),
    [
        # Clocks go forward on 28 March 2027: 01:30 does not exist in London; 02:05 BST is past it.
        (
            ["2027-03-28T00:59:00+00:00", "2027-03-28T01:05:00+00:00", "2027-03-28T02:00:00+00:00"],
            1,
        ),
        # Clocks go back on 31 October 2027: 01:30 happens twice; one digest only.
        (["2027-10-31T00:31:00+00:00", "2027-10-31T01:31:00+00:00"], 1),
    ],
)
def test_daylight_saving_days_give_exactly_one_digest(
    owner: Member, moments: list[str], expected: int
) -> None:
    owner.digest_enabled, owner.digest_time = True, time(1, 30)
    owner.save()
    with time_machine.travel(datetime.fromisoformat(moments[0]) - timedelta(hours=5), tick=False):
        waiting_client(owner)
    sent = 0
    for moment in moments:
        with time_machine.travel(datetime.fromisoformat(moment), tick=False):
            sent += digests_send_due()
    assert sent == expected


def test_a_clock_going_backwards_sends_nothing_twice(owner: Member) -> None:
    owner.digest_enabled = True
    owner.save()
    with at_london(6):
        waiting_client(owner)
    with at_london(9):
        assert digests_send_due() == 1
    with at_london(8):
        assert digests_send_due() == 0


def test_rapport_today_prints_a_table_and_json(
    owner: Member, capsys: pytest.CaptureFixture[str]
) -> None:
    waiting_client(owner)
    assert main(["today"]) == 0
    table = capsys.readouterr().out
    assert "Replies owed (1)" in table and "Maya Lindqvist is waiting for your answer" in table
    assert main(["today", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["practice"] == "Harbour Lane"
    replies = next(section for section in data["sections"] if section["key"] == "reply")
    assert replies["items"][0]["client"] == "Maya Lindqvist"


def test_rapport_today_asks_which_practice_when_there_are_several(
    owner: Member, outsider: Member, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["today"]) == 2
    assert "several practices" in capsys.readouterr().err
    assert main(["today", "--member", "owner@b.example"]) == 0
    assert "Other Practice" in capsys.readouterr().out
    assert main(["today", "--practice", "nowhere"]) == 2
    assert main(["today", "--practice", "harbour lane"]) == 0


@pytest.mark.tasks
def test_the_worker_refreshes_readings_and_keeps_the_morning_count(owner: Member) -> None:
    waiting_client(owner)
    ClientReading.objects.all().delete()
    run_once()
    assert ClientReading.objects.count() == 1
    snapshot = AgendaSnapshot.objects.get()
    assert snapshot.count("reply") == 1


def test_the_client_page_draws_contact_per_month_with_words_too(
    owner: Member, owner_http: HttpClient
) -> None:
    waiting_client(owner)
    reading = ClientReading.objects.get()
    page = owner_http.get(f"/clients/{reading.client_id}/").content.decode()
    assert '<svg class="chart"' in page and 'fill="url(#hatch)"' in page
    month = timezone.localdate().strftime("%B %Y")
    assert f"<td>{month}</td><td>1</td><td>0</td><td>0</td>" in page  # the table behind the picture


def test_the_overview_shows_counts_per_section(owner: Member, owner_http: HttpClient) -> None:
    waiting_client(owner)
    owner_http.get("/")
    page = owner_http.get("/overview/").content.decode()
    assert "Replies owed" in page and '<svg class="mornings-chart"' in page
