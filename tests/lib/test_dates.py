"""The shared parsers for what comes from outside: days, months and ids never raise, and
refuse what a page could not show or a database could not hold."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date

from django import forms
from django.forms import BaseForm
from hypothesis import given
from hypothesis import strategies as st

import rapport
from rapport.lib.dates import day_param, month_param
from rapport.lib.forms import DateField, DateTimeField
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


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_date_a_form_asks_for_is_bounded() -> None:
    """A form added later with a plain DateField would take year 1 again: the bounded fields
    of rapport.lib.forms are the only ones any of our forms use."""
    for module in pkgutil.walk_packages(rapport.__path__, "rapport."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "views"):
            importlib.import_module(module.name)
    ours = [form for form in _subclasses(BaseForm) if form.__module__.startswith("rapport.")]
    assert len(ours) > 15
    for form in ours:
        for name, field in form.base_fields.items():  # type: ignore[attr-defined]
            if isinstance(field, forms.DateField | forms.DateTimeField):
                assert isinstance(field, DateField | DateTimeField), f"{form.__name__}.{name}"
