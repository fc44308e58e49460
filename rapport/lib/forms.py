"""Small form helpers shared by every app."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from rapport.lib.dates import EARLIEST_YEAR, LATEST_YEAR, OUT_OF_RANGE, in_range


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        # The browser's picker keeps to the years the field accepts.
        bounds = {"min": f"{EARLIEST_YEAR}-01-01", "max": f"{LATEST_YEAR}-12-31"}
        super().__init__(attrs=bounds | (attrs or {}), format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        bounds = {"min": f"{EARLIEST_YEAR}-01-01T00:00", "max": f"{LATEST_YEAR}-12-31T23:59"}
        super().__init__(attrs=bounds | (attrs or {}), format="%Y-%m-%dT%H:%M")


class DateField(forms.DateField):
    """A day between 1900 and 2200 (rapport.lib.dates): every date a form asks for is one."""

    widget = DateInput

    def to_python(self, value: Any) -> date | None:
        day = super().to_python(value)
        if day is not None and not in_range(day):
            raise ValidationError(OUT_OF_RANGE, code="out_of_range")
        return day


class DateTimeField(forms.DateTimeField):
    """A moment between 1900 and 2200, read in the current (the practice's) time zone."""

    widget = DateTimeInput

    def to_python(self, value: Any) -> datetime | None:
        moment = super().to_python(value)
        if moment is not None and not in_range(moment):
            raise ValidationError(OUT_OF_RANGE, code="out_of_range")
        return moment


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's ValidationError next to the field it names, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                form.add_error(field if field in form.fields else None, item)
    else:
        form.add_error(None, error)


class EmptyChoicesSaid(forms.Form):
    """A dropdown's empty choice says what choosing nothing means, never Django's "---------":
    "Choose one" where a choice is needed, and otherwise the form's own words for nothing
    (`empty_choices`, by field), or "None"."""

    empty_choices: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            said = self.empty_choices.get(name) or ("Choose one" if field.required else "None")
            if isinstance(field, forms.ModelChoiceField) and not isinstance(
                field, forms.ModelMultipleChoiceField
            ):
                if field.empty_label is not None:
                    field.empty_label = said
            elif isinstance(field, forms.ChoiceField):
                choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
                if choices and choices[0][0] in ("", None) and choices[0][1] == "---------":
                    field.choices = [("", said), *choices[1:]]
