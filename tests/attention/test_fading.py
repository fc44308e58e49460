"""Fading attention: a documented, conservative method."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rapport.attention.fading import MonthActivity, add_months, fading_reasons

THIS_MONTH = date(2026, 11, 1)


def history(
    counts: list[int], start: date = date(2026, 1, 1), **replies: tuple[int, float]
) -> list[MonthActivity]:
    return [
        MonthActivity(add_months(start, index), count, *replies.get(f"m{index}", (0, 0.0)))
        for index, count in enumerate(counts)
    ]


def test_nine_then_once_is_fading_and_said_plainly() -> None:
    months = history([4, 3, 2, 1, 1, 0, 0, 0, 1, 0, 0])  # January to November
    assert fading_reasons(months, current_month=THIS_MONTH, name="Siobhán") == [
        "In Siobhán's first 3 months you were in touch 9 times; in the last 3 months, once."
    ]


def test_little_history_never_raises_a_flag() -> None:
    assert (
        fading_reasons(
            history([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), current_month=THIS_MONTH, name="A"
        )
        == []
    )
    assert (
        fading_reasons(
            history([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), current_month=THIS_MONTH, name="A"
        )
        == []
    )


def test_a_young_relationship_is_not_judged() -> None:
    recent_start = date(2026, 7, 1)
    assert (
        fading_reasons(
            history([6, 4, 0, 0, 0], start=recent_start), current_month=THIS_MONTH, name="A"
        )
        == []
    )


def test_a_steady_rhythm_is_not_fading() -> None:
    assert (
        fading_reasons(
            history([3, 3, 3, 2, 2, 2, 3, 2, 2, 2, 1]), current_month=THIS_MONTH, name="A"
        )
        == []
    )


def test_slower_replies_are_noticed() -> None:
    months = history(
        [4, 4, 4, 3, 3, 3, 3, 3, 4, 4, 3],
        m0=(2, 4.0),
        m1=(2, 2.0),
        m8=(2, 60.0),
        m9=(1, 40.0),
        m10=(1, 44.0),
    )
    assert fading_reasons(months, current_month=THIS_MONTH, name="Kofi") == [
        "At first you answered Kofi in about 2 hours; lately, in about 2 days."
    ]


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=36))
def test_never_flags_contact_without_four_early_contacts(counts: list[int]) -> None:
    months = history(counts, start=date(2024, 1, 1))
    reasons = fading_reasons(
        months, current_month=add_months(date(2024, 1, 1), len(counts) - 1), name="A"
    )
    first_active = next((i for i, c in enumerate(counts) if c), None)
    if first_active is None or sum(counts[first_active : first_active + 3]) < 4:
        assert not any("were in touch" in reason for reason in reasons)
