from __future__ import annotations

from typing import Any

from django import forms

from rapport.handoffs.models import Handoff
from rapport.handoffs.services import NOT_TO_YOURSELF
from rapport.lib.forms import DateField
from rapport.practices.models import Member, Practice


class ColleagueChoice(forms.ModelChoiceField[Member]):
    def __init__(self, *args: Any, yourself: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.yourself = yourself

    def to_python(self, value: Any) -> Member | None:
        # Not among the choices, but said as what it is rather than as an unknown choice.
        if str(value).strip() == str(self.yourself.pk):
            raise forms.ValidationError(NOT_TO_YOURSELF)
        return super().to_python(value)

    def label_from_instance(self, obj: Member) -> str:
        return obj.user.name or obj.user.email


def colleagues(practice: Practice, but: Member) -> Any:
    """Who a client can be handed to: the practice's members who are still here, not you.
    Another practice's member, or one who has left, is an invalid choice."""
    return (
        Member.objects.filter(practice=practice, user__is_active=True)
        .exclude(pk=but.pk)
        .select_related("user")
        .order_by("user__name", "pk")
    )


class HandoffForm(forms.ModelForm[Handoff]):
    class Meta:
        model = Handoff
        fields = ["told_us", "tried", "next_steps", "avoid", "contact_how", "call_on"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ["told_us", "tried", "next_steps", "avoid", "contact_how"]
        }
        field_classes = {"call_on": DateField}

    introduce = forms.BooleanField(
        required=False,
        initial=True,
        label="Introduce them to the client in a message",
        help_text="Opens the composer with a draft; nothing goes until you approve the words.",
    )

    def __init__(self, *args: Any, practice: Practice, member: Member, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_member"] = ColleagueChoice(
            colleagues(practice, member),
            yourself=member,
            label="Hand to",
            empty_label="Choose a colleague",
            error_messages={
                "invalid_choice": "Choose a colleague who works in this practice now.",
                "required": "Choose the colleague who takes over.",
            },
        )
        self.order_fields(["to_member"])
