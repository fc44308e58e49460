"""Issue 11, observation 8: a client's choice about check-ins holds on every surface.

A client who said no to check-ins, or who paused without asking for a gentle note, is
never suggested for contact: not in check-ins, fading attention, gentle checks, dates,
facts to ask again, planned touches, the touch ideas on their page, nor the monthly
reflection. One rule decides it. A reply they are owed is still listed.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.attention.services import reading_of
from rapport.clients.models import (
    CheckinConsent,
    Client,
    ClientStatus,
    Closeness,
    DateKind,
    FactCategory,
    ImportantDate,
)
from rapport.clients.services import fact_create
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.touches.models import TouchKind
from rapport.touches.reflection import reflection_for
from rapport.touches.services import kinds_ensure, touch_plan
from tests.desk.test_today import client, talk

DECLINED = {"checkin_consent": CheckinConsent.NO}
PAUSED_WITHOUT_AGREEING = {
    "checkin_consent": CheckinConsent.UNKNOWN,
    "status": ClientStatus.PAUSED,
    "paused_note_ok": False,
}
CHOICES = pytest.mark.parametrize(
    ("choice", "sentence"),
    [
        (DECLINED, "They asked not to be checked on; the door is open."),
        (
            PAUSED_WITHOUT_AGREEING,
            "They are paused and did not ask to hear from you meanwhile; the door is open.",
        ),
    ],
    ids=["declined", "paused-without-agreeing"],
)


def test_one_rule_decides_who_may_be_checked_on(owner: Member) -> None:
    """The property and the query are the same rule, over every combination."""
    combos = list(itertools.product(ClientStatus.values, CheckinConsent.values, (False, True)))
    made = [
        client(
            owner, f"{status} {consent} {ok}", status=status, checkin_consent=consent,
            paused_note_ok=ok,
        )
        for status, consent, ok in combos
    ]  # fmt: skip
    in_query = set(
        Client.objects.for_practice(owner.practice).may_be_checked_on().values_list("pk", flat=True)
    )
    for who, (status, consent, ok) in zip(made, combos, strict=True):
        expected = not (
            status == ClientStatus.FORMER
            or consent == CheckinConsent.NO
            or (status == ClientStatus.PAUSED and not ok)
        )
        assert who.may_be_checked_on is expected, who
        assert (who.pk in in_query) is expected, who
        assert (who.no_checkins is None) is expected, who


def _everything_that_could_suggest_contact(who: Client, owner: Member) -> None:
    """Fading contact, past the rhythm, hard news a week ago, a birthday, a fact to ask
    again, an old important fact, and a planned touch due today."""
    for days in (380, 372, 365, 358, 350, 343, 336, 330, 325):
        talk(who, days)
    talk(who, 40)
    fact_create(
        client=who,
        category=FactCategory.LIFE_EVENT,
        text="Lost their father",
        hard_news=True,
        learned_at=timezone.now() - timedelta(days=8),
    )
    fact_create(client=who, category=FactCategory.PERSON, text="Son Leo", ask_again=True)
    fact_create(
        client=who,
        category=FactCategory.PREFERENCE,
        text="No calls before ten",
        important=True,
        learned_at=timezone.now() - timedelta(days=400),
    )
    ImportantDate.objects.create(
        practice=owner.practice, client=who, kind=DateKind.BIRTHDAY, month=11, day=21
    )
    kinds_ensure(practice=owner.practice)
    card = TouchKind.objects.for_practice(owner.practice).get(key="card")
    touch_plan(client=who, kind=card, planned_on=timezone.localdate(), note="A card")


def _sections_with(owner: Member, who: Client) -> set[str]:
    agenda = agenda_build(owner.practice)
    return {
        section.key
        for section in agenda.sections
        if any(item.client.pk == who.pk for item in section.items)
    }


@CHOICES
def test_their_choice_holds_on_every_section_of_today(
    owner: Member, clock: Any, choice: dict[str, Any], sentence: str
) -> None:
    start = {"client_since": date(2025, 11, 1), "closeness": Closeness.REGULAR}
    welcome = client(owner, "Welcome", **start)
    quiet = client(owner, "Quiet", **start, **choice)
    for who in (welcome, quiet):
        _everything_that_could_suggest_contact(who, owner)
    assert _sections_with(owner, welcome) == {
        "checkin", "fading", "date", "reconfirm", "touch"
    }  # fmt: skip
    assert _sections_with(owner, quiet) == set()

    reading = reading_of(quiet)
    assert sentence in reading.reasons
    assert not reading.fading  # their silence is not held against them
    assert reading.score >= reading_of(welcome).score


@CHOICES
def test_a_reply_they_are_owed_is_still_listed(
    owner: Member, clock: Any, choice: dict[str, Any], sentence: str
) -> None:
    quiet = client(owner, "Quiet", **choice)
    talk(quiet, 2, "email", "inbound")
    assert _sections_with(owner, quiet) == {"reply"}


def test_an_active_client_who_declined_is_not_in_the_reflection(owner: Member, clock: Any) -> None:
    quiet = client(owner, "Quiet", closeness=Closeness.CLOSE, **DECLINED)
    welcome = client(owner, "Welcome", closeness=Closeness.CLOSE)
    not_touched = reflection_for(owner, date(2026, 11, 1)).not_touched
    assert [who.pk for who, _ in not_touched] == [welcome.pk]
    assert quiet.pk not in {who.pk for who, _ in not_touched}


@CHOICES
def test_their_page_shows_the_reading_with_their_choice_and_no_ideas_to_reach_out(
    owner: Member, owner_http: HttpClient, clock: Any, choice: dict[str, Any], sentence: str
) -> None:
    welcome, quiet = client(owner, "Welcome"), client(owner, "Quiet", **choice)
    kinds_ensure(practice=owner.practice)
    for who in (welcome, quiet):
        fact_create(client=who, category=FactCategory.INTEREST, text="Grows orchids")
        talk(who, 40)
    assert "Plan this" in owner_http.get(f"/clients/{welcome.pk}/").content.decode()
    page = owner_http.get(f"/clients/{quiet.pk}/").content.decode()
    health = page[page.index('id="health"') : page.index("</section>", page.index('id="health"'))]
    assert sentence in health
    assert "Plan this" not in page
    assert "Rapport suggests no gestures" in page


@CHOICES
def test_their_reading_holds_them_to_no_rhythm(
    owner: Member, clock: Any, choice: dict[str, Any], sentence: str
) -> None:
    quiet = client(owner, "Quiet", rhythm_days=14, **choice)
    talk(quiet, 4)
    assert reading_of(quiet).reasons == [sentence]  # not "within your 14-day rhythm"
