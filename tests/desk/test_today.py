"""Today, section by section: each rule, and the actions on its items."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rapport.attention.models import AgendaAction
from rapport.clients.models import Client, DateKind, FactCategory, ImportantDate
from rapport.clients.services import client_create, fact_create
from rapport.demo.bulk import BulkSize, bulk_practice
from rapport.desk.today.agenda import COUNT_CAP, agenda_build
from rapport.practices.models import Member
from rapport.timeline.services import PromiseInput, interaction_create
from tests.conftest import NOW


def client(member: Member, name: str, **fields: Any) -> Client:
    fields.setdefault("client_since", (NOW - timedelta(days=365)).date())
    fields.setdefault("checkin_consent", "yes")
    return client_create(practice=member.practice, full_name=name, **fields)


def talk(
    who: Client, days_ago: float, kind: str = "call", direction: str = "outbound", **extra: Any
) -> None:
    interaction_create(
        client=who,
        kind=kind,
        direction=direction,
        occurred_at=timezone.now() - timedelta(days=days_ago),
        summary=extra.pop("summary", f"{kind} {direction}"),
        **extra,
    )


def section(member: Member, key: str) -> list[str]:
    agenda = agenda_build(member.practice)
    return [
        item.client.display_name for item in next(s for s in agenda.sections if s.key == key).items
    ]


def headlines(member: Member, key: str) -> list[str]:
    agenda = agenda_build(member.practice)
    return [item.headline for item in next(s for s in agenda.sections if s.key == key).items]


def test_replies_owed_oldest_first_with_second_message_cleared_by_an_answer(
    owner: Member, clock: Any
) -> None:
    maya, kofi = client(owner, "Maya"), client(owner, "Kofi")
    talk(kofi, 1, "email", "inbound")
    talk(maya, 3, "email", "inbound")
    talk(maya, 2, "message", "inbound")
    agenda = agenda_build(owner.practice)
    replies = agenda.section("reply")
    assert [item.client.full_name for item in replies.items] == ["Maya", "Kofi"]
    assert replies.items[0].badge == "second message"
    # Since Saturday morning: the weekend is not counted, Monday's working hours are.
    assert replies.items[0].detail == "Waiting 3 days (8 working hours)."
    talk(maya, 0.1, "email", "outbound")
    assert section(owner, "reply") == ["Kofi"]


def test_promises_due_today_or_late_but_not_ahead(owner: Member, clock: Any) -> None:
    maya = client(owner, "Maya")
    today = timezone.localdate()
    interaction_create(
        client=maya,
        kind="call",
        direction="outbound",
        summary="Call",
        occurred_at=timezone.now() - timedelta(hours=1),
        promises=[
            PromiseInput("Send fees", today),
            PromiseInput("Book room", today - timedelta(days=2)),
            PromiseInput("Call back", today + timedelta(days=1)),
        ],
    )
    assert headlines(owner, "promise") == ["Book room, for Maya", "Send fees, for Maya"]


@pytest.mark.parametrize(
    ("fields", "expected_badge"),
    [
        ({"checkin_consent": "yes"}, ""),
        ({"checkin_consent": "unknown"}, "ask first"),
        ({"checkin_consent": "no"}, None),
        ({"checkin_consent": "yes", "status": "paused"}, None),
        ({"checkin_consent": "yes", "status": "paused", "paused_note_ok": True}, ""),
        ({"checkin_consent": "yes", "status": "former"}, None),
    ],
)
def test_checkins_respect_consent(
    owner: Member, clock: Any, fields: dict[str, Any], expected_badge: str | None
) -> None:
    maya = client(owner, "Maya", rhythm_days=14, **fields)
    talk(maya, 20)
    items = [
        item
        for item in agenda_build(owner.practice).section("checkin").items
        if item.client == maya
    ]
    if expected_badge is None:
        assert items == []
    else:
        assert [item.badge for item in items] == [expected_badge]


def test_any_contact_either_way_restarts_the_rhythm(owner: Member, clock: Any) -> None:
    maya = client(owner, "Maya", rhythm_days=14)
    talk(maya, 20, "meeting", "none")
    assert section(owner, "checkin") == ["Maya"]
    talk(maya, 2, "call", "inbound")  # they called us: that is contact too
    assert section(owner, "checkin") == []
    clock.move_to(NOW + timedelta(days=11))  # 13 days since they called
    assert section(owner, "checkin") == []
    clock.move_to(NOW + timedelta(days=12, hours=1))
    assert section(owner, "checkin") == ["Maya"]


def test_default_rhythm_follows_status_and_closeness(owner: Member, clock: Any) -> None:
    new = client(owner, "New", closeness="new")
    close = client(owner, "Close", closeness="close")
    talk(new, 8)
    talk(close, 8)
    assert section(owner, "checkin") == [
        "New"
    ]  # 7 days for a new active client, 21 for a close one


def test_fading_attention_is_explained(owner: Member, clock: Any) -> None:
    maya = client(owner, "Maya", client_since=date(2025, 11, 1))
    for days in (380, 372, 365, 358, 350, 343, 336, 330, 325):
        talk(maya, days)
    talk(maya, 40)
    agenda = agenda_build(owner.practice)
    fading = agenda.section("fading").items
    assert [item.client.full_name for item in fading] == ["Maya"]
    assert (
        fading[0].detail
        == "In Maya's first 3 months you were in touch 9 times; in the last 3 months, once."
    )


def test_dates_ahead_with_and_without_a_year(owner: Member, clock: Any) -> None:
    maya, kofi, old = client(owner, "Maya"), client(owner, "Kofi"), client(owner, "Far")
    ImportantDate.objects.create(
        practice=owner.practice, client=maya, kind=DateKind.BIRTHDAY, month=11, day=23
    )
    ImportantDate.objects.create(
        practice=owner.practice, client=kofi, kind=DateKind.BIRTHDAY, month=12, day=1, year=1986
    )
    ImportantDate.objects.create(
        practice=owner.practice, client=old, kind=DateKind.BIRTHDAY, month=12, day=26
    )
    assert headlines(owner, "date") == ["Kofi: birthday 1 December (turns 40)"]
    clock.move_to(NOW + timedelta(days=360))  # the yearless birthday, just past, comes round again
    assert headlines(owner, "date") == [
        "Maya: birthday Tuesday",
        "Kofi: birthday 1 December (turns 41)",
    ]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime(2027, 2, 20, 9, 0), ["Maya: birthday 28 February"]),
        (
            datetime(2027, 2, 14, 9, 0),
            ["Maya: birthday 28 February"],
        ),  # the window ends on the 28th
        (datetime(2028, 2, 20, 9, 0), ["Maya: birthday 29 February"]),
        (datetime(2027, 3, 1, 9, 0), []),
    ],
)
def test_a_leap_day_birthday_shows_in_every_year(
    owner: Member, today: datetime, expected: list[str]
) -> None:
    maya = client(owner, "Maya", client_since=date(2026, 1, 1))
    ImportantDate.objects.create(
        practice=owner.practice, client=maya, kind=DateKind.BIRTHDAY, month=2, day=29
    )
    with time_machine.travel(today.replace(tzinfo=owner.practice.zone), tick=False):
        assert headlines(owner, "date") == expected


def test_dates_over_the_year_end_come_in_calendar_order(owner: Member) -> None:
    for name, month, day in (("Jan", 1, 3), ("Dec", 12, 30), ("Nov", 11, 1)):
        who = client(owner, name, client_since=date(2026, 1, 1))
        ImportantDate.objects.create(
            practice=owner.practice, client=who, kind=DateKind.BIRTHDAY, month=month, day=day
        )
    with time_machine.travel(datetime(2026, 12, 25, 9, 0, tzinfo=owner.practice.zone), tick=False):
        assert headlines(owner, "date") == [
            "Dec: birthday Wednesday",
            "Jan: birthday 3 January 2027",
        ]


def test_a_gentle_check_a_week_after_hard_news_unless_in_touch_since(
    owner: Member, clock: Any
) -> None:
    maya = client(owner, "Maya")
    talk(maya, 30)
    fact_create(
        client=maya,
        category=FactCategory.LIFE_EVENT,
        text="Her father died",
        hard_news=True,
        learned_at=timezone.now() - timedelta(days=8),
    )
    assert headlines(owner, "date") == ["Maya: how are they doing?"]
    talk(maya, 0.5, "call", "outbound")
    assert headlines(owner, "date") == []


def test_a_check_after_a_hard_conversation(owner: Member, clock: Any) -> None:
    maya = client(owner, "Maya")
    talk(maya, 9, "meeting", "none", summary="Talked about the divorce", hard_conversation=True)
    assert headlines(owner, "date") == ["Maya: how are they since your conversation?"]


def test_facts_to_reconfirm(owner: Member, clock: Any) -> None:
    maya = client(owner, "Maya")
    fact_create(
        client=maya,
        category=FactCategory.PERSON,
        text="Partner: Sam",
        important=True,
        learned_at=timezone.now() - timedelta(days=400),
    )
    fact_create(client=maya, category=FactCategory.INTEREST, text="Orchids", ask_again=True)
    fact_create(client=maya, category=FactCategory.INTEREST, text="Chess", important=True)
    assert headlines(owner, "reconfirm") == ["Maya: Orchids", "Maya: Partner: Sam"]


def test_today_in_auckland_is_not_today_in_denver(owner: Member, outsider: Member) -> None:
    owner.practice.time_zone = "Pacific/Auckland"
    owner.practice.save()
    outsider.practice.time_zone = "America/Denver"
    outsider.practice.save()
    with time_machine.travel(datetime(2026, 11, 22, 12, 0, tzinfo=owner.practice.zone), tick=False):
        # 12:00 on Sunday in Auckland is still Saturday afternoon in Denver.
        assert agenda_build(owner.practice).today == date(2026, 11, 22)
        assert agenda_build(outsider.practice).today == date(2026, 11, 21)


def test_a_promise_due_on_31_december_is_late_on_new_year(owner: Member) -> None:
    maya = client(owner, "Maya", client_since=date(2026, 1, 1))
    with time_machine.travel(datetime(2026, 12, 31, 9, 0, tzinfo=owner.practice.zone), tick=False):
        interaction_create(
            client=maya,
            kind="call",
            direction="outbound",
            summary="Call",
            occurred_at=timezone.now(),
            promises=[PromiseInput("Send plan", date(2026, 12, 31))],
        )
    with time_machine.travel(datetime(2027, 1, 1, 9, 0, tzinfo=owner.practice.zone), tick=False):
        item = agenda_build(owner.practice).section("promise").items[0]
        assert (item.badge, item.detail) == ("late", "Due yesterday.")


def test_a_rhythm_across_the_clocks_going_back(owner: Member) -> None:
    """Due 7 days after the last contact, by the calendar, across the October change."""
    maya = client(owner, "Maya", closeness="new", client_since=date(2026, 1, 1))
    with time_machine.travel(datetime(2026, 10, 22, 9, 0, tzinfo=owner.practice.zone), tick=False):
        talk(maya, 0)
    maya.refresh_from_db()
    due = timezone.localtime(maya.checkin_due_at, owner.practice.zone)
    assert (due.date(), due.hour) == (date(2026, 10, 29), 9)


def page_items(response: Any) -> list[str]:
    return re.findall(r'id="item-([a-z_]+-\d+)"', response.content.decode())


def test_done_snooze_dismiss_in_place_and_a_snoozed_item_comes_back(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    maya, kofi, rosa = client(owner, "Maya"), client(owner, "Kofi"), client(owner, "Rosa")
    for who in (maya, kofi, rosa):
        talk(who, 3, "email", "inbound")
    assert page_items(owner_http.get("/")) == [
        f"reply-{maya.pk}",
        f"reply-{kofi.pk}",
        f"reply-{rosa.pk}",
    ]

    done = owner_http.post(f"/today/replies/{maya.pk}/", {"action": "done"}, HTTP_HX_REQUEST="true")
    assert (
        done.status_code == 200
        and "Done: Maya" in done.content.decode()
        and "<html" not in done.content.decode()
    )
    snoozed = owner_http.post(
        f"/today/replies/{kofi.pk}/",
        {"action": "snoozed", "until": "2026-11-26"},
        HTTP_HX_REQUEST="true",
    )
    assert "Snoozed until Thu 26 Nov: Kofi" in snoozed.content.decode()
    owner_http.post(f"/today/replies/{rosa.pk}/", {"action": "dismissed"})  # without JavaScript
    assert page_items(owner_http.get("/")) == []

    recorded = AgendaAction.objects.order_by("pk").values_list("action", "member")
    assert list(recorded) == [("done", owner.pk), ("snoozed", owner.pk), ("dismissed", owner.pk)]

    clock.move_to(NOW + timedelta(days=2))
    assert page_items(owner_http.get("/")) == [f"reply-{kofi.pk}"]
    talk(maya, 0.1, "message", "inbound")  # a new message starts a new cycle
    assert f"reply-{maya.pk}" in page_items(owner_http.get("/"))


def test_done_on_a_promise_keeps_it(owner: Member, owner_http: HttpClient, clock: Any) -> None:
    maya = client(owner, "Maya")
    interaction_create(
        client=maya,
        kind="call",
        direction="outbound",
        summary="Call",
        occurred_at=timezone.now() - timedelta(hours=2),
        promises=[PromiseInput("Send fees", timezone.localdate())],
    )
    promise = maya.promises.get()
    owner_http.post(f"/today/promises/{promise.pk}/", {"action": "done"})
    promise.refresh_from_db()
    assert promise.done_at is not None


def test_bad_snoozes_are_explained(owner: Member, owner_http: HttpClient, clock: Any) -> None:
    maya = client(owner, "Maya")
    talk(maya, 3, "email", "inbound")
    for until in ("", "2026-11-24", "2030-01-01"):  # none, today, too far
        answer = owner_http.post(
            f"/today/replies/{maya.pk}/",
            {"action": "snoozed", "until": until},
            HTTP_HX_REQUEST="true",
        ).content.decode()
        assert "Choose a day after today" in answer or "a year at most" in answer
    assert not AgendaAction.objects.exists()


def test_a_clock_that_moves_backwards_lists_nothing_twice(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    maya = client(owner, "Maya", rhythm_days=7)
    talk(maya, 10)
    clock.move_to(NOW + timedelta(days=3))
    owner_http.post(f"/today/checkins/{maya.pk}/", {"action": "snoozed", "until": "2026-11-28"})
    clock.move_to(NOW - timedelta(hours=6))
    items = page_items(owner_http.get("/"))
    assert len(items) == len(set(items))


def test_rhythm_of_zero_or_absurd_is_refused(owner: Member, owner_http: HttpClient) -> None:
    maya = client(owner, "Maya")
    base = {
        "full_name": "Maya",
        "status": "active",
        "closeness": "new",
        "checkin_consent": "yes",
        "checkin_channel": "any",
        "contact-TOTAL_FORMS": "0",
        "contact-INITIAL_FORMS": "0",
    }
    for value, message in (
        ("0", "greater than or equal to 1"),
        ("400", "less than or equal to 365"),
    ):
        response = owner_http.post(f"/clients/{maya.pk}/edit/", base | {"rhythm_days": value})
        assert response.status_code == 400 and message in response.content.decode()
    maya.refresh_from_db()
    assert maya.rhythm_days is None


def test_an_interaction_in_the_future_is_refused(client_file: Any, owner_http: HttpClient) -> None:
    later = timezone.localtime() + timedelta(days=2)
    response = owner_http.post(
        f"/clients/{client_file.client.pk}/interactions/new/",
        {
            "kind": "call",
            "direction": "outbound",
            "occurred_at": later.strftime("%Y-%m-%dT%H:%M"),
            "summary": "Planned call",
            "promise-TOTAL_FORMS": "0",
            "promise-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400 and "That is in the future" in response.content.decode()


def _queries(http: HttpClient, url: str) -> int:
    http.get(url)  # the first visit of the day to Today also writes the morning count
    with CaptureQueriesContext(connection) as queries:
        assert http.get(url).status_code == 200
    return len(queries)


def _busiest(member: Member) -> str:
    busiest = Client.objects.for_practice(member.practice).order_by("-last_contact_at").first()
    assert busiest is not None
    return f"/clients/{busiest.pk}/"


def test_query_counts_are_the_same_at_10_and_1000_clients(
    owner: Member, owner_http: HttpClient, outsider: Member, outsider_http: HttpClient, clock: Any
) -> None:
    bulk_practice(
        owner.practice, BulkSize(clients=10, interactions=80, facts=20, dates=10), now=NOW
    )
    bulk_practice(
        outsider.practice,
        BulkSize(clients=1000, interactions=8000, facts=2000, dates=1000),
        now=NOW,
    )
    small = agenda_build(owner.practice, member=owner)
    large = agenda_build(outsider.practice, member=outsider)
    assert large.total > small.total and all(
        s.total for s in large.sections if s.key not in ("fading", "unsent")
    )
    checkins = large.section("checkin")
    assert checkins.capped and checkins.total == COUNT_CAP  # counted no further
    page = outsider_http.get("/").content.decode()
    assert f">{COUNT_CAP}+</span>" in page and "Show the next 90" in page
    # The session; the user with their membership (one read); Today's one read; the
    # worker's heartbeat (and, while no worker has ever beaten, the queue).
    assert _queries(owner_http, "/") == 5
    for small_url, large_url in [
        ("/", "/"),
        ("/clients/", "/clients/"),
        (_busiest(owner), _busiest(outsider)),
    ]:
        assert _queries(owner_http, small_url) == _queries(outsider_http, large_url), small_url
