"""The morning digest, `rapport today`, the worker, health overrides and settings."""

from __future__ import annotations

import json
import re
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


def test_the_worker_refreshes_readings_and_keeps_the_morning_count(owner: Member) -> None:
    waiting_client(owner)
    ClientReading.objects.all().delete()
    run_once()
    assert ClientReading.objects.count() == 1
    snapshot = AgendaSnapshot.objects.get()
    assert snapshot.count("reply") == 1


def test_overriding_health_needs_a_reason_and_shows_both_readings(
    owner: Member, owner_http: HttpClient
) -> None:
    waiting_client(owner)
    reading = ClientReading.objects.get()
    url = f"/clients/{reading.client_id}/health/"
    refused = owner_http.post(url, {"override_word": "thriving", "override_note": ""})
    assert refused.status_code == 400 and "Say why" in refused.content.decode()
    owner_http.post(
        url, {"override_word": "thriving", "override_note": "We spoke at the school gate"}
    )
    page = owner_http.get(f"/clients/{reading.client_id}/").content.decode()
    assert "You see it as thriving: “We spoke at the school gate”" in page
    assert "Thriving*" in owner_http.get("/clients/").content.decode()
    owner_http.post(url, {"override_word": "", "override_note": "ignored"})
    reading.refresh_from_db()
    assert (reading.override_word, reading.override_note, reading.override_by) == ("", "", None)


def test_settings_for_the_digest_and_working_hours(
    owner: Member, staff: Member, owner_http: HttpClient, staff_http: HttpClient
) -> None:
    owner_http.post(
        "/settings/",
        {
            "member": "1",
            "member-digest_enabled": "on",
            "member-digest_time": "06:45",
            "member-time_zone": "Europe/Lisbon",
            "member-work_days": "01234",
        },
    )
    owner.refresh_from_db()
    assert (owner.digest_enabled, owner.digest_time, owner.time_zone) == (
        True,
        time(6, 45),
        "Europe/Lisbon",
    )
    bad = owner_http.post(
        "/settings/",
        {
            "practice": "1",
            "practice-name": "Harbour Lane",
            "practice-time_zone": "Europe/London",
            "practice-work_starts": "17:00",
            "practice-work_ends": "09:00",
            "practice-currency": "GBP",
        },
    )
    assert bad.status_code == 400 and "has to end after it starts" in bad.content.decode()
    assert "Your practice" not in staff_http.get("/settings/").content.decode()  # owners only


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
    assert "Replies owed" in page and '<svg class="spark"' in page


def test_changing_the_practice_time_zone_recounts_months_and_due_days(
    owner: Member, owner_http: HttpClient
) -> None:
    from rapport.clients.models import Client
    from rapport.timeline.models import ContactMonth

    # 23:30 UTC on 31 October: still October in London, already November in Auckland.
    with time_machine.travel(
        datetime(2026, 11, 5, 12, 0, tzinfo=timezone.get_fixed_timezone(0)), tick=False
    ):
        maya = client_create(
            practice=owner.practice, full_name="Maya", checkin_consent="yes", rhythm_days=7
        )
        interaction_create(
            client=maya,
            kind="call",
            direction="outbound",
            summary="Call",
            occurred_at=datetime(2026, 10, 31, 23, 30, tzinfo=timezone.get_fixed_timezone(0)),
        )
        assert list(ContactMonth.objects.values_list("month__month", flat=True)) == [10]
        response = owner_http.post(
            "/settings/",
            {
                "practice": "1",
                "practice-name": "Harbour Lane",
                "practice-time_zone": "Pacific/Auckland",
                "practice-work_starts": "09:00",
                "practice-work_ends": "17:30",
                "practice-currency": "GBP",
                "practice-undo_seconds": "30",
            },
        )
        assert response.status_code == 302
        assert list(ContactMonth.objects.values_list("month__month", flat=True)) == [11]
        maya = Client.objects.select_related("practice").get(pk=maya.pk)
        due = timezone.localtime(maya.checkin_due_at, maya.practice.zone)
        assert (due.month, due.day, due.hour, due.minute) == (
            11,
            8,
            12,
            30,
        )  # 12:30 in Auckland, 7 days on
        items = owner_http.get("/").content.decode().count('id="item-')
        assert items == len(
            set(re.findall(r'id="item-([a-z_]+-\d+)"', owner_http.get("/").content.decode()))
        )
