"""Working days as a row of ticked days, named and ordered as the practice's country writes a
week (Sunday first in the US), stored as the weekday numbers Member.work_days keeps: 01234."""

from __future__ import annotations

from typing import Any

from django import forms

from rapport.lib.countries import first_weekday, weekday_names

NONE_TICKED = "Tick at least one day you work: clients are only offered times on those days."


class WorkDaysField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, region: str = "GB", **kwargs: Any) -> None:
        names, start = weekday_names(), first_weekday(region)
        order = [(start + offset) % 7 for offset in range(7)]
        kwargs.setdefault("label", "Days I work")
        super().__init__(
            choices=[(str(day), names[day]) for day in order],
            coerce=str,
            error_messages={"required": NONE_TICKED},
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        # The stored "01234" shows as the days it names ticked.
        return list(value) if isinstance(value, str) else value

    def clean(self, value: Any) -> str:
        days = super().clean(value)
        return "".join(sorted(set(days)))

    def has_changed(self, initial: Any, data: Any) -> bool:
        return "".join(sorted(initial or "")) != "".join(sorted(set(data or [])))
