from __future__ import annotations

from typing import Any

import phonenumbers
from django import forms

from rapport.lib.countries import country_choices
from rapport.practices.lengths import lengths_read
from rapport.practices.models import Member, Practice, validate_time_zone
from rapport.practices.weekdays import WorkDaysField


class TimeZoneInput(forms.TextInput):
    """Type a few letters of a city or country, pick from the suggestions: the page's one
    <datalist id="time-zones"> (the time_zone_datalist tag: every zone of rapport.lib.time_zones
    with its place and offset) serves every such field. A datalist filters as one types, with
    or without JavaScript, where a 400-option select only jumps by first letter."""

    def __init__(self) -> None:
        super().__init__(attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"})


def time_zone_field(
    *, required: bool = True, initial: str | None = None, help_text: str = ""
) -> forms.CharField:
    return forms.CharField(
        max_length=64,
        required=required,
        initial=initial,
        help_text=help_text,
        widget=TimeZoneInput(),
        validators=[validate_time_zone],
    )


# Countries by name ("United Kingdom"), sorted by name; the code (GB) is what is stored.
REGION_CHOICES = country_choices(phonenumbers.SUPPORTED_REGIONS)


class LoginForm(forms.Form):
    email = forms.EmailField(
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class WelcomeForm(forms.Form):
    """First run: the practice and the person who owns it."""

    practice_name = forms.CharField(max_length=200, label="Name of your practice")
    time_zone = time_zone_field(
        initial="Europe/London",
        help_text="Type your city or a nearby one, then choose it from the list.",
    )
    default_region = forms.ChoiceField(
        choices=REGION_CHOICES,
        initial="GB",
        label="Country for phone numbers",
        help_text="Numbers written without +country are read as this country's.",
    )
    owner_name = forms.CharField(max_length=150, label="Your name")
    owner_email = forms.EmailField(label="Your email", help_text="You log in with it.")
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; a short sentence is easy to remember.",
    )
    password_again = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), label="Password again"
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", "The two passwords are not the same.")
        return data


class MemberSettingsForm(forms.ModelForm[Member]):
    time_zone = time_zone_field(required=False, help_text="Leave empty to use the practice's.")

    class Meta:
        model = Member
        fields = [
            "digest_enabled", "digest_time", "time_zone", "work_starts", "work_ends", "work_days",
        ]  # fmt: skip
        widgets = {
            "digest_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "work_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "work_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["work_days"] = WorkDaysField(region=self.instance.practice.default_region)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts = data.get("work_starts") or self.instance.practice.work_starts
        ends = data.get("work_ends") or self.instance.practice.work_ends
        if starts >= ends:
            self.add_error("work_ends", "Your day must end after it starts.")
        return data


class PracticeSettingsForm(forms.ModelForm[Practice]):
    time_zone = time_zone_field()

    class Meta:
        model = Practice
        fields = [
            "name", "core_values", "time_zone", "work_starts", "work_ends",
            "currency", "gift_budget_month", "gift_budget_year", "undo_seconds", "usual_lengths",
        ]  # fmt: skip
        widgets = {
            "work_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "work_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("work_starts")
            and data.get("work_ends")
            and data["work_ends"] <= data["work_starts"]
        ):
            self.add_error("work_ends", "The working day has to end after it starts.")
        return data

    def clean_usual_lengths(self) -> str:
        """Kept as the provider will read it back: '50, 80, 30', whatever the spacing."""
        return ", ".join(
            str(minutes) for minutes in lengths_read(self.cleaned_data["usual_lengths"])
        )
