"""The settings page: a member's own, the practice's (owners only), and a time zone change
that counts months and due days again."""

from __future__ import annotations

import re
from datetime import datetime, time

import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.services import client_create
from rapport.practices.models import Member
from rapport.timeline.services import interaction_create


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
            "member-work_days": ["0", "1", "2", "3", "4"],
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
                "practice-usual_lengths": "60, 50, 30",
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
