"""The forms of partners and referrals: each answers bad input by saying what to fix."""

from __future__ import annotations

from typing import Any

from django import forms

from rapport.cases.models import Case
from rapport.practices.models import Practice
from rapport.referrals.models import MAX_FOLLOW_UP_DAYS, Outcome, Partner
from rapport.referrals.services import NAME_A_SPECIALTY


class PartnerForm(forms.ModelForm[Partner]):
    class Meta:
        model = Partner
        fields = ["name", "specialties", "area", "email", "introductions", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {"required": "Give their name, e.g. “Dr Amira Ahmed”."},
            "specialties": {"required": "Name at least one thing they are good at."},
            "email": {"invalid": "This is not an email address: check it, or leave it empty."},
        }

    def clean_specialties(self) -> str:
        given = [part.strip() for part in str(self.cleaned_data["specialties"]).split(",")]
        if not any(given):
            raise forms.ValidationError(NAME_A_SPECIALTY)
        return ", ".join(part for part in given if part)


class PartnerChoice(forms.ModelChoiceField[Partner]):
    def label_from_instance(self, obj: Partner) -> str:
        return obj.name


class ReferForm(forms.Form):
    """Offers only the practice's partners and the client's cases: anything else is refused."""

    partner = PartnerChoice(
        Partner.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose the partner to refer them to.",
            "invalid_choice": "Choose one of your partners.",
        },
    )
    need = forms.CharField(
        label="What for",
        max_length=300,
        required=False,
        help_text="A few words the partner will read, e.g. “sleep since the move”.",
    )
    summary_shared = forms.BooleanField(
        label="They agreed that I share the case summary with the partner",
        required=False,
        help_text="Recorded with your name and the time. Without it, the introduction says "
        "nothing of the case.",
    )
    follow_up_days = forms.IntegerField(
        label="Ask me how it went after (days)",
        initial=7,
        min_value=1,
        max_value=MAX_FOLLOW_UP_DAYS,
        error_messages={
            "required": "Say after how many days Today should ask how it went.",
            "invalid": "A whole number of days, from 1 to 365.",
            "min_value": "At least 1 day.",
            "max_value": f"At most {MAX_FOLLOW_UP_DAYS} days.",
        },
    )

    def __init__(self, *args: Any, practice: Practice, case: Case | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partner"]
        assert isinstance(field, PartnerChoice)
        field.queryset = Partner.objects.for_practice(practice)
        if case is None:
            del self.fields["summary_shared"]


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="How did it go?",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how it went.",
            "invalid_choice": "Choose helped, not a fit, or no contact yet.",
        },
    )
    note = forms.CharField(
        label="A note",
        max_length=500,
        required=False,
        help_text="Optional: what they said, what to remember next time.",
    )


class IntroductionCopyForm(forms.Form):
    """The introduction for a partner with no email, kept with the referral as written."""

    text = forms.CharField(
        label="The introduction",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 16, "class": "introduction-copy"}),
        error_messages={
            "required": "The introduction is empty: write it before keeping it.",
            "max_length": "Keep it under 20,000 characters.",
        },
    )
