"""Issue 11, observation 6: Today keeps its word.

An action says who and what, can be undone (data included), the counts change in place
and agree with a reload, snooze choices are distinct dates written out, and Replies owed
puts a client who wrote twice first, each row with a Write button.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from rapport.attention.models import AgendaAction
from rapport.clients.models import Client, FactCategory
from rapport.clients.services import fact_create
from rapport.desk.today.actions import snooze_choices
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from rapport.timeline.services import PromiseInput, interaction_create
from rapport.touches.models import TouchKind
from rapport.touches.services import kinds_ensure, touch_plan
from tests.conftest import NOW
from tests.desk.test_today import client, page_items, talk

HX = {"HTTP_HX_REQUEST": "true"}


def badges(html: str) -> dict[str, str]:
    """Every section's count badge on a page or in an htmx answer ("" when hidden)."""
    found = re.findall(r'<span class="count" id="count-([a-z_]+)"([^>]*)>([^<]*)</span>', html)
    return {key: ("" if "hidden" in attrs else text) for key, attrs, text in found}


def total(html: str) -> str:
    match = re.search(r'<span id="today-total"[^>]*>([^<]*)</span>', html)
    assert match, "no total on the page"
    return " ".join(match.group(1).split())


def three_waiting(owner: Member) -> tuple[Client, Client, Client]:
    greta, kofi, rosa = client(owner, "Greta Lind"), client(owner, "Kofi"), client(owner, "Rosa")
    for who in (greta, kofi, rosa):
        talk(who, 3, "email", "inbound")
    return greta, kofi, rosa


def test_done_snooze_and_dismiss_say_who_and_what_with_an_undo(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta, kofi, rosa = three_waiting(owner)
    done = owner_http.post(f"/today/replies/{greta.pk}/", {"action": "done"}, **HX).content
    snoozed = owner_http.post(
        f"/today/replies/{kofi.pk}/", {"action": "snoozed", "until": "2026-11-30"}, **HX
    ).content
    dismissed = owner_http.post(f"/today/replies/{rosa.pk}/", {"action": "dismissed"}, **HX).content
    for answer, said in (
        (done, "Done: Greta Lind"),
        (snoozed, "Snoozed until Mon 30 Nov: Kofi"),
        (dismissed, "Dismissed: Rosa"),
    ):
        text = answer.decode()
        assert said in text
        assert re.search(r'<button[^>]*name="action"[^>]*value="undo"[^>]*>Undo</button>', text)


def test_done_on_a_promise_says_what_it_changed(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta = client(owner, "Greta Lind")
    interaction_create(
        client=greta,
        kind="call",
        direction="outbound",
        summary="Call",
        occurred_at=timezone.now() - timedelta(hours=2),
        promises=[PromiseInput("Send the fees", timezone.localdate())],
    )
    promise = greta.promises.get()
    answer = owner_http.post(f"/today/promises/{promise.pk}/", {"action": "done"}, **HX)
    assert "Done: Greta Lind. “Send the fees” is marked kept." in answer.content.decode()


def _undo(http: HttpClient, url: str, *, htmx: bool = True) -> Any:
    action = AgendaAction.objects.latest("taken_at", "pk")
    return http.post(url, {"action": "undo", "undo": action.pk}, **(HX if htmx else {}))


def test_undo_brings_a_snoozed_or_dismissed_item_back_with_its_buttons(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta, kofi, _ = three_waiting(owner)
    url = f"/today/replies/{greta.pk}/"
    owner_http.post(url, {"action": "snoozed", "until": "2026-11-26"}, **HX)
    assert f"reply-{greta.pk}" not in page_items(owner_http.get("/"))
    answer = _undo(owner_http, url).content.decode()
    assert 'id="item-reply-' in answer and "Greta Lind is waiting for your answer" in answer
    assert 'value="done"' in answer  # the row is back, with its actions
    assert f"reply-{greta.pk}" in page_items(owner_http.get("/"))
    action = AgendaAction.objects.get()
    assert action.undone_at is not None and action.undone_by == owner  # the record stays

    owner_http.post(f"/today/replies/{kofi.pk}/", {"action": "dismissed"})  # without JavaScript
    page = owner_http.get("/", follow=True).content.decode()
    # Said in the section the redirect scrolls to, not at the top of the page.
    said = page.index("Dismissed: Kofi")
    assert page.index('id="section-reply"') < said < page.index('id="section-promise"')
    assert 'value="undo"' in page[said:]
    _undo(owner_http, f"/today/replies/{kofi.pk}/", htmx=False)
    assert f"reply-{kofi.pk}" in page_items(owner_http.get("/"))


def test_undo_reverses_what_done_changed_in_the_data(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta = client(owner, "Greta Lind")
    interaction_create(
        client=greta,
        kind="call",
        direction="outbound",
        summary="Call",
        occurred_at=timezone.now() - timedelta(days=2),
        promises=[PromiseInput("Send the fees", timezone.localdate())],
    )
    promise = greta.promises.get()
    url = f"/today/promises/{promise.pk}/"
    owner_http.post(url, {"action": "done"}, **HX)
    promise.refresh_from_db()
    assert promise.done_at is not None
    _undo(owner_http, url)
    promise.refresh_from_db()
    assert promise.done_at is None  # reopened
    assert f"promise-{promise.pk}" in page_items(owner_http.get("/"))

    # A fact to reconfirm: "done" confirmed it; undo puts back what was known before.
    fact = fact_create(client=greta, category=FactCategory.PERSON, text="Daughter Ana")
    fact.ask_again = True
    fact.save()
    before = (fact.confirmed_at, fact.ask_again)
    url = f"/today/reconfirm/{fact.pk}/"
    owner_http.post(url, {"action": "done"}, **HX)
    fact.refresh_from_db()
    assert fact.ask_again is False
    _undo(owner_http, url)
    fact.refresh_from_db()
    assert (fact.confirmed_at, fact.ask_again) == before

    # A planned touch: "done" put it on the timeline as contact; undo takes that back too.
    kinds_ensure(practice=owner.practice)
    card = TouchKind.objects.for_practice(owner.practice).get(key="card")
    touch = touch_plan(
        client=greta, kind=card, planned_on=timezone.localdate(), note="A card", created_by=owner
    )
    greta.refresh_from_db()
    last_contact = greta.last_contact_at
    url = f"/today/touches/{touch.pk}/"
    owner_http.post(url, {"action": "done"}, **HX)
    touch.refresh_from_db()
    assert touch.done_at is not None and touch.interaction_id is not None
    _undo(owner_http, url)
    touch.refresh_from_db()
    greta.refresh_from_db()
    assert touch.done_at is None and touch.interaction_id is None
    assert not Interaction.objects.filter(summary__contains="A card").exists()
    assert greta.last_contact_at == last_contact


def test_undo_refuses_when_the_data_changed_since(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta = client(owner, "Greta Lind")
    interaction_create(
        client=greta,
        kind="call",
        direction="outbound",
        summary="Call",
        occurred_at=timezone.now() - timedelta(days=2),
        promises=[PromiseInput("Send the fees", timezone.localdate())],
    )
    promise = greta.promises.get()
    url = f"/today/promises/{promise.pk}/"
    owner_http.post(url, {"action": "done"}, **HX)
    clock.move_to(NOW + timedelta(minutes=5))
    promise.done_at = timezone.now()  # kept again, on their page
    promise.save()
    answer = _undo(owner_http, url).content.decode()
    assert "changed since" in answer
    promise.refresh_from_db()
    assert promise.done_at is not None
    assert AgendaAction.objects.get().undone_at is None
    assert _undo(owner_http, url).status_code == 200  # asking twice changes nothing either


def test_an_undo_for_another_item_is_a_404(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta, kofi, _ = three_waiting(owner)
    owner_http.post(f"/today/replies/{greta.pk}/", {"action": "done"}, **HX)
    assert _undo(owner_http, f"/today/replies/{kofi.pk}/").status_code == 404


def test_counts_and_total_change_in_place_and_agree_with_a_reload(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta, kofi, rosa = three_waiting(owner)
    page = owner_http.get("/").content.decode()
    assert badges(page)["reply"] == "3"
    assert total(page) == "· 3 things need you"

    answer = owner_http.post(f"/today/replies/{greta.pk}/", {"action": "done"}, **HX)
    swapped = answer.content.decode()
    assert 'id="count-reply" hx-swap-oob="true"' in swapped
    assert 'id="today-total" hx-swap-oob="true"' in swapped
    assert badges(swapped)["reply"] == "2"
    reloaded = owner_http.get("/").content.decode()
    assert badges(swapped) == badges(reloaded)
    assert total(swapped) == total(reloaded) == "· 2 things need you"

    # Without JavaScript: the same numbers after the redirect.
    owner_http.post(f"/today/replies/{kofi.pk}/", {"action": "done"})
    reloaded = owner_http.get("/").content.decode()
    assert badges(reloaded)["reply"] == "1" and total(reloaded) == "· 1 thing needs you"

    undone = _undo(owner_http, f"/today/replies/{kofi.pk}/").content.decode()
    assert badges(undone)["reply"] == "2" and total(undone) == "· 2 things need you"

    owner_http.post(f"/today/replies/{rosa.pk}/", {"action": "done"})
    owner_http.post(f"/today/replies/{kofi.pk}/", {"action": "done"})
    emptied = owner_http.get("/").content.decode()
    assert badges(emptied)["reply"] == "" and total(emptied) == ""


WEEK = [date(2026, 12, 7) + timedelta(days=offset) for offset in range(7)]  # Monday to Sunday


@pytest.mark.parametrize("today", WEEK, ids=[day.strftime("%A") for day in WEEK])
def test_snooze_choices_are_distinct_dates_written_out(today: date) -> None:
    choices = snooze_choices(today)
    days = [day for day, _ in choices]
    assert len(days) == len(set(days)), choices
    assert days == sorted(days) and all(day > today for day in days)
    for day, label in choices:
        assert f"{day:%a} {day.day} {day:%b}" in label, label


def test_snooze_on_a_monday_and_on_a_sunday() -> None:
    monday = snooze_choices(date(2026, 12, 7))
    assert [label for _, label in monday] == [
        "until tomorrow, Tue 8 Dec",
        "for a week, until Mon 14 Dec",
        "for a month, until Wed 6 Jan",
    ]
    sunday = snooze_choices(date(2026, 12, 6))
    assert sunday[0] == (date(2026, 12, 7), "until tomorrow, Mon 7 Dec")
    assert [day for day, _ in sunday] == [date(2026, 12, 7), date(2026, 12, 13), date(2027, 1, 5)]
    wednesday = snooze_choices(date(2026, 12, 9))
    assert [label for _, label in wednesday] == [
        "until tomorrow, Thu 10 Dec",
        "until Mon 14 Dec",
        "for a week, until Wed 16 Dec",
        "for a month, until Fri 8 Jan",
    ]


def test_replies_owed_put_a_client_who_wrote_twice_first(owner: Member, clock: Any) -> None:
    long_wait, twice, short_wait = client(owner, "Long"), client(owner, "Twice"), client(owner, "S")
    talk(long_wait, 9, "email", "inbound")
    talk(short_wait, 4, "email", "inbound")
    talk(twice, 2, "email", "inbound")
    talk(twice, 1, "message", "inbound")
    replies = agenda_build(owner.practice).section("reply").items
    assert [item.client.full_name for item in replies] == ["Twice", "Long", "S"]


def test_every_reply_owed_row_has_a_write_button(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    greta, kofi, rosa = three_waiting(owner)
    page = owner_http.get("/").content.decode()
    for who in (greta, kofi, rosa):
        row = re.search(rf'<li class="agenda-item" id="item-reply-{who.pk}">.*?</li>', page, re.S)
        assert row, who
        assert f'href="{reverse("compose", args=[who.pk])}' in row.group(0)
        assert ">Write</a>" in row.group(0)


def test_the_counts_after_an_action_are_the_counts_of_the_page(
    owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    """The swapped counts are read without the rows: a gentle check after hard news counts
    in Dates ahead either way."""
    greta, kofi, _ = three_waiting(owner)
    fact_create(
        client=kofi,
        category=FactCategory.LIFE_EVENT,
        text="Lost his job",
        hard_news=True,
        learned_at=timezone.now() - timedelta(days=8),
    )
    kofi.last_contact_at = timezone.now() - timedelta(days=20)
    kofi.save()
    assert agenda_build(owner.practice, limit=0).counts() == agenda_build(owner.practice).counts()
    answer = owner_http.post(f"/today/replies/{greta.pk}/", {"action": "done"}, **HX)
    assert badges(answer.content.decode()) == badges(owner_http.get("/").content.decode())
