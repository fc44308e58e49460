from __future__ import annotations

from typing import Any

from django import forms

from rapport.attention.models import ActionKind, ClientReading
from rapport.lib.forms import DateInput
from rapport.practices.forms import time_zone_field
from rapport.practices.models import Member, Practice


class AgendaActionForm(forms.Form):
    action = forms.ChoiceField(choices=ActionKind.choices)
    until = forms.DateField(required=False, widget=DateInput())


class HealthOverrideForm(forms.ModelForm[ClientReading]):
    class Meta:
        model = ClientReading
        fields = ["override_word", "override_note"]
        labels = {"override_word": "How you see it"}
        help_texts = {
            "override_note": "What Rapport cannot see, for example “on holiday until June”."
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override_word") and not data.get("override_note", "").strip():
            self.add_error("override_note", "Say why, so your future self and your team know.")
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
            "currency", "gift_budget_month", "gift_budget_year", "undo_seconds",
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
