from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from rapport.attention.models import ClientReading
from rapport.lib.forms import EmptyChoicesSaid


class HealthOverrideForm(EmptyChoicesSaid, forms.ModelForm[ClientReading]):
    empty_choices: ClassVar[dict[str, str]] = {"override_word": "As Rapport reads it"}

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
