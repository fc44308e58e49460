"""The shared parsers for what comes from outside: days, months and ids never raise, and
refuse what a page could not show or a database could not hold."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rapport.lib.dates import day_param, month_param
from rapport.lib.http import id_param


def test_a_month_is_only_year_dash_month_within_range() -> None:
    assert month_param("2026-11") == date(2026, 11, 1)
    for wrong in ("1-1", "0-1", "2026-13", "2026-00", "2026-11-1", "9999-12", "1899-12", "²⁰²⁶-11"):
        assert month_param(wrong) is None, wrong


def test_a_day_is_an_iso_day_within_range() -> None:
    assert day_param("2026-11-24") == date(2026, 11, 24)
    for wrong in ("0001-01-01", "9999-12-31", "1899-12-31", "2026-02-30", "x"):
        assert day_param(wrong) is None, wrong


def test_an_id_is_ascii_digits_a_64_bit_column_holds() -> None:
    assert id_param("42") == 42
    assert id_param(str(2**63 - 1)) == 2**63 - 1
    for wrong in ("", "0", "-1", "²", "٣", "9" * 20, str(2**63), "1e3", " 1"):
        assert id_param(wrong) is None, wrong


@given(st.text())
def test_no_text_makes_a_parser_raise(raw: str) -> None:
    day_param(raw)
    month_param(raw)
    id_param(raw)
