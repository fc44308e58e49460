"""The pure rules: ideas grounded in facts, and no repeats."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from rapport.clients.pronouns import pronouns_for
from rapport.touches.ideas import ClientView, FactView, GivenView, KindView, ideas_for
from rapport.touches.repeats import Earlier, alike, repeats
from tests.touches.idea_kinds import KINDS, TODAY

SIOBHAN = ClientView("Siobhán", pronouns_for("she/her"))
ORCHIDS = FactView(10, "interest", "Grows orchids", False, TODAY - timedelta(days=40))


def test_each_idea_names_the_fact_it_came_from() -> None:
    news = FactView(11, "other", "Her father is in hospital", True, TODAY - timedelta(days=3))
    ideas = ideas_for(facts=[ORCHIDS, news], kinds=KINDS, given=[], today=TODAY, client=SIOBHAN)
    assert [(idea.kind_name, idea.fact_id) for idea in ideas] == [
        ("Check-in call", 11),
        ("Small gift with a note", 10),
        ("Knowledge shared", 10),
    ]
    assert ideas[1].text.startswith("Give Siobhán a small gift") and ideas[1].fact_text


def test_no_idea_for_a_kind_not_allowed_or_given_from_the_same_fact_this_year() -> None:
    kinds = [KindView(1, "gift", "Small gift", False), *KINDS[1:]]  # boundary or closeness
    given = [GivenView(2, 10, TODAY - timedelta(days=100))]
    assert ideas_for(facts=[ORCHIDS], kinds=kinds, given=given, today=TODAY, client=SIOBHAN) == []
    a_year_on = ideas_for(
        facts=[ORCHIDS], kinds=kinds, given=given, today=TODAY + timedelta(300), client=SIOBHAN
    )
    assert [idea.kind_name for idea in a_year_on] == ["Knowledge shared"]


def test_old_news_and_old_events_suggest_nothing_a_first_meeting_suggests_a_note() -> None:
    old_news = FactView(12, "other", "Lost her job", True, TODAY - timedelta(days=90))
    old_event = FactView(13, "life_event", "Moved house", False, TODAY - timedelta(days=200))
    ideas = ideas_for(
        facts=[old_news, old_event],
        kinds=KINDS,
        given=[],
        today=TODAY,
        client=SIOBHAN,
        met_in_person_on=TODAY,
    )
    assert [(idea.kind_name, idea.fact_id) for idea in ideas] == [("Thank-you card", None)]


@given(st.text(max_size=200), st.text(max_size=200))
def test_alike_never_crashes_and_is_symmetric(first: str, second: str) -> None:
    assert alike(first, second) == alike(second, first)


def test_repeats_by_fact_or_by_words_within_a_year() -> None:
    earlier = [
        Earlier(1, 1, "A small orchid-care book, with a note", 10, TODAY - timedelta(days=60)),
        Earlier(2, 1, "Chocolates for the team", None, TODAY - timedelta(days=400)),
    ]
    same_fact = repeats(
        earlier=earlier, kind_id=1, note="Something else", source_fact_id=10, on=TODAY
    )
    same_words = repeats(
        earlier=earlier, kind_id=1, note="Orchid-care book with a note", source_fact_id=None,
        on=TODAY,
    )  # fmt: skip
    other_kind = repeats(
        earlier=earlier, kind_id=2, note="Orchid-care book", source_fact_id=10, on=TODAY
    )
    too_old = repeats(
        earlier=earlier, kind_id=1, note="Chocolates for the team", source_fact_id=None, on=TODAY
    )
    assert [[item.id for item in found] for found in (same_fact, same_words)] == [[1], [1]]
    assert other_kind == [] and too_old == []
