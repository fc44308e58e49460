from __future__ import annotations

from typing import Any

from django import forms

from rapport.lib.forms import DateField, DateTimeField, EmptyChoicesSaid
from rapport.timeline.models import Interaction
from rapport.timeline.services import PromiseInput


class InteractionForm(EmptyChoicesSaid, forms.ModelForm[Interaction]):
    class Meta:
        model = Interaction
        fields = [
            "kind", "direction", "occurred_at", "summary", "client_words", "hard_conversation",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "client_words": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"occurred_at": DateTimeField}
        help_texts = {"summary": "What happened, what they are worried about, what you agreed."}


class PromiseForm(forms.Form):
    text = forms.CharField(required=False, max_length=300, label="We promised")
    due_on = DateField(required=False, label="by")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text", "").strip() and not data.get("due_on"):
            self.add_error("due_on", "When is it due? A promise needs a day.")
        if data.get("due_on") and not data.get("text", "").strip():
            self.add_error("text", "What did you promise?")
        return data

    def as_input(self) -> PromiseInput | None:
        text = (self.cleaned_data.get("text") or "").strip()
        return PromiseInput(text=text, due_on=self.cleaned_data["due_on"]) if text else None


PromiseFormSet = forms.formset_factory(PromiseForm, extra=2, max_num=20, validate_max=True)


class QuickCaptureForm(forms.Form):
    text = forms.CharField(
        max_length=5000,
        label="Quick note",
        widget=forms.TextInput(
            attrs={
                "placeholder": "A note, or a fact such as “likes: orchid growing”",
                "autocomplete": "off",
            }
        ),
        error_messages={"required": "Type a note, or a fact such as “likes: orchid growing”."},
    )
