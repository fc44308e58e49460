"""Planning a touch from an idea, Today, done on the timeline, the reflection; and the rules
for repeats, boundaries, closeness and budget through the pages a provider uses."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client as HttpClient

from rapport.clients.models import Client, FactCategory
from rapport.clients.services import client_create, fact_create
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.timeline.models import Interaction, InteractionKind
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import budget_status, kinds_ensure, touch_done, touch_plan


@pytest.fixture
def siobhan(owner: Member, clock: Any) -> Client:
    client = client_create(
        practice=owner.practice, full_name="Siobhán Ní Bhriain", preferred_name="Siobhán",
        closeness="regular",
    )  # fmt: skip
    fact_create(client=client, category=FactCategory.INTEREST, text="Grows orchids")
    kinds_ensure(practice=owner.practice)
    return client


def kind(owner: Member, key: str) -> TouchKind:
    return TouchKind.objects.get(practice=owner.practice, key=key)


def test_from_idea_to_today_to_timeline_to_reflection(
    siobhan: Client, owner: Member, owner_http: HttpClient, clock: Any
) -> None:
    page = owner_http.get(f"/clients/{siobhan.pk}/").content.decode()
    idea = re.search(
        r'href="(/clients/\d+/touches/new/\?kind=\d+&amp;fact=\d+&amp;note=[^"]+)"', page
    )
    assert idea is not None and "Give Siobhán a small gift that fits their interest" in page
    form = owner_http.get(idea.group(1).replace("&amp;", "&")).content.decode()
    assert "The idea came from: “Grows orchids”" in form
    fact_id = re.search(r'name="fact" value="(\d+)"', form)
    assert fact_id is not None
    response = owner_http.post(
        idea.group(1).replace("&amp;", "&"),
        {"kind": kind(owner, "gift").pk, "planned_on": "2026-11-25", "fact": fact_id.group(1),
         "note": "A small orchid-care book, with a note", "cost": "12.50"},
    )  # fmt: skip
    assert response.status_code == 302
    touch = Touch.objects.get()
    assert touch.source_fact is not None and touch.cost == Decimal("12.50")

    section = agenda_build(owner.practice).section("touch")
    assert [item.headline for item in section.items] == ["Small gift with a note for Siobhán"]
    assert "(tomorrow)" in section.items[0].detail
    owner_http.post(f"/today/touches/{touch.pk}/", {"action": "done"})
    touch.refresh_from_db()
    assert touch.is_done and touch.interaction is not None
    assert touch.interaction.summary.startswith("Small gift with a note: A small orchid-care")
    assert agenda_build(owner.practice).section("touch").total == 0

    reflection = owner_http.get("/reflection/", {"month": "2026-11"}).content.decode()
    assert "1 client had a personal touch from you" in reflection
    assert "Genuine interest in their preferences: 1" in reflection
    row = re.search(r"Siobhán</a></th>(.*?)</tr>", reflection, re.S)
    assert row is not None
    cells = re.findall(r'<td class="level-(\d)">', row.group(1))
    assert cells == ["0"] * 11 + ["1"]  # twelve months, this one last
    mirror = owner_http.get(f"/clients/{siobhan.pk}/").content.decode()
    assert "1 time, last today" in mirror
    assert "Grows orchids: a small gift" not in mirror  # given from that fact this year


def test_a_repeat_is_flagged_and_needs_a_second_thought(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    touch_plan(
        client=siobhan, kind=kind(owner, "gift"), planned_on=date(2026, 9, 1),
        note="Orchid-care book with a note",
    )  # fmt: skip
    data = {"kind": kind(owner, "gift").pk, "planned_on": "2026-12-01",
            "note": "A small orchid-care book, with a note"}  # fmt: skip
    flagged = owner_http.post(f"/clients/{siobhan.pk}/touches/new/", data)
    assert flagged.status_code == 400 and "Given recently" in flagged.content.decode()
    assert Touch.objects.count() == 1
    confirmed = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/", {**data, "confirm_repeat": "on"}
    )
    assert confirmed.status_code == 302 and Touch.objects.count() == 2


def test_boundaries_are_never_crossed(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    siobhan.no_gifts = True
    siobhan.save()
    page = owner_http.get(f"/clients/{siobhan.pk}/").content.decode()
    assert "a small gift that fits" not in page and "accepts no gifts" in page
    refused = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "gift").pk, "planned_on": "2026-11-25", "note": "Chocolates"},
    )
    assert refused.status_code == 400 and not Touch.objects.exists()
    # A gift planned before the boundary was recorded is never put forward, nor done.
    siobhan.no_gifts = False
    siobhan.save()
    touch = touch_plan(
        client=siobhan, kind=kind(owner, "gift"), planned_on=date(2026, 11, 24), note="Book"
    )
    siobhan.no_gifts = True
    siobhan.save()
    assert agenda_build(owner.practice).section("touch").total == 0
    with pytest.raises(Exception, match="accepts no gifts"):
        touch_done(touch=Touch.objects.select_related("client", "kind").get(pk=touch.pk))


def test_close_gestures_are_not_suggested_for_a_new_client_and_the_rule_is_data(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    siobhan.closeness = "new"
    siobhan.save()
    page = owner_http.get(f"/clients/{siobhan.pk}/").content.decode()
    assert "a small gift that fits" not in page and "an article, a book or a tip" in page
    gift = kind(owner, "gift")
    owner_http.post(
        f"/settings/touches/{gift.pk}/",
        {"name": gift.name, "behaviour": gift.behaviour, "is_gift": "on",
         "min_closeness": "new", "shows_as": "note"},
    )  # fmt: skip
    assert "a small gift that fits" in owner_http.get(f"/clients/{siobhan.pk}/").content.decode()
    planned = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "in_person").pk, "planned_on": "2026-11-25", "note": "A hug"},
        follow=True,
    )
    assert "usually kept for clients you know better" in planned.content.decode()


def test_budget_is_a_guide_with_a_visible_warning(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    owner.practice.gift_budget_month, owner.practice.gift_budget_year = Decimal(30), Decimal(300)
    owner.practice.save()
    done = touch_plan(
        client=siobhan, kind=kind(owner, "gift"), planned_on=date(2026, 11, 20), note="Book",
        cost=Decimal(20),
    )  # fmt: skip
    touch_done(touch=done, done_on=date(2026, 11, 20))
    response = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "surprise").pk, "planned_on": "2026-11-26",
         "note": "Orchid food", "cost": "15"},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "Over this month&#x27;s budget of £30 (with this, £35)" in text
    budget = budget_status(owner.practice)
    assert (budget.month_spent, budget.month_planned, budget.year_spent) == (20, 15, 20)
    assert Touch.objects.count() == 2  # allowed all the same


@pytest.mark.parametrize(
    ("cost", "message"),
    [("-5", "greater than or equal to 0"), ("100000", "less than or equal to 10000"),
     ("lots", "Enter a number")],
)  # fmt: skip
def test_absurd_costs_are_refused_with_a_reason(
    siobhan: Client, owner: Member, owner_http: HttpClient, cost: str, message: str
) -> None:
    response = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "gift").pk, "planned_on": "2026-11-25", "note": "x", "cost": cost},
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert not Touch.objects.exists()


def test_a_deleted_fact_or_client_leaves_no_orphan_and_no_crash(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    fact = siobhan.facts.get()
    touch = touch_plan(
        client=siobhan, kind=kind(owner, "knowledge"), planned_on=date(2026, 11, 25),
        note="Orchid article", source_fact=fact,
    )  # fmt: skip
    stale = owner_http.get(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "gift").pk, "fact": fact.pk, "note": "From the idea"},
    )
    assert f'name="fact" value="{fact.pk}"' in stale.content.decode()
    fact_id = fact.pk
    fact.delete()  # while the form was open
    planned = owner_http.post(
        f"/clients/{siobhan.pk}/touches/new/",
        {"kind": kind(owner, "gift").pk, "planned_on": "2026-11-25", "note": "From the idea",
         "fact": fact_id},
        follow=True,
    )  # fmt: skip
    assert "was deleted meanwhile" in planned.content.decode()
    touch.refresh_from_db()
    assert touch.source_fact is None and touch.source_text == "Grows orchids"
    page = owner_http.get(f"/clients/{siobhan.pk}/touches/{touch.pk}/").content.decode()
    assert "(since deleted from their profile)" in page
    siobhan.delete()  # erasure takes the touches with it
    assert not Touch.objects.exists() and not Interaction.objects.exists()


def test_a_kind_with_history_cannot_be_deleted(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    card = kind(owner, "card")
    touch_plan(client=siobhan, kind=card, planned_on=date(2026, 11, 25), note="Card")
    response = owner_http.post(f"/settings/touches/{card.pk}/delete/", follow=True)
    assert "is in the history of touches, so it stays" in response.content.decode()
    humour = kind(owner, "humour")
    owner_http.post(f"/settings/touches/{humour.pk}/delete/")
    assert not TouchKind.objects.filter(pk=humour.pk).exists()


def test_done_later_with_a_response_and_a_call_counts_as_contact(
    siobhan: Client, owner: Member, owner_http: HttpClient
) -> None:
    touch = touch_plan(
        client=siobhan, kind=kind(owner, "call"), planned_on=date(2026, 11, 20),
        note="Ask how the exhibition went",
    )  # fmt: skip
    future = owner_http.post(
        f"/clients/{siobhan.pk}/touches/{touch.pk}/done/", {"done_on": "2026-12-01"}, follow=True
    )
    assert "That day has not come yet" in future.content.decode()
    owner_http.post(
        f"/clients/{siobhan.pk}/touches/{touch.pk}/done/",
        {"done_on": "2026-11-21", "response": "Thrilled to be asked."},
    )
    touch.refresh_from_db()
    call = touch.interaction
    assert call is not None and call.kind == InteractionKind.CALL
    assert call.occurred_at.date() == date(2026, 11, 21) and "Thrilled" in call.summary
    siobhan.refresh_from_db()
    assert siobhan.last_contact_at == call.occurred_at
