from __future__ import annotations

from typing import Any

from django import forms

from rapport.cases.models import Advice, Case, Certainty, Step
from rapport.cases.services import DONT_KNOW_NEEDS_A_STEP
from rapport.lib.forms import DateField
from rapport.practices.models import Member, Practice


class MemberChoice(forms.ModelChoiceField[Member]):
    def label_from_instance(self, obj: Member) -> str:
        return obj.user.name or obj.user.email


class _SomeoneForm(forms.ModelForm):  # type: ignore[type-arg]
    """Offers only the practice's own members: another practice's id is an invalid choice."""

    member_label = "Who"

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"] = MemberChoice(
            Member.objects.filter(practice=practice).select_related("user").order_by("user__name"),
            required=False,
            label=self.member_label,
            empty_label="Someone outside the practice",
        )


class CaseForm(forms.ModelForm[Case]):
    class Meta:
        model = Case
        fields = ["problem", "opened_on"]
        widgets = {"problem": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"opened_on": DateField}


class CaseEditForm(forms.ModelForm[Case]):
    class Meta:
        model = Case
        fields = ["problem", "opened_on", "status"]
        widgets = {"problem": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"opened_on": DateField}


class StepForm(_SomeoneForm):
    member_label = "Tried by"

    class Meta:
        model = Step
        fields = ["taken_on", "tried", "result", "member", "someone_else"]
        widgets = {
            "tried": forms.Textarea(attrs={"rows": 2}),
            "result": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"taken_on": DateField}


class AdviceForm(_SomeoneForm):
    member_label = "Who takes the next step"

    class Meta:
        model = Advice
        fields = ["certainty", "text", "next_step", "member", "someone_else", "given_on"]
        widgets = {
            "certainty": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"given_on": DateField}
        help_texts = {
            "next_step": "Needed for “Don't know”: what happens to find out.",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("certainty") == Certainty.UNKNOWN and not data.get("next_step", "").strip():
            self.add_error("next_step", DONT_KNOW_NEEDS_A_STEP)
        return data
