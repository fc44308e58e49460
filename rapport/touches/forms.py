from __future__ import annotations

from typing import Any

from django import forms

from rapport.clients.models import Client
from rapport.lib.forms import DateField, EmptyChoicesSaid
from rapport.practices.models import Practice
from rapport.touches.models import Touch, TouchKind


class TouchForm(EmptyChoicesSaid, forms.ModelForm[Touch]):
    confirm_repeat = forms.BooleanField(
        required=False, label="I know: plan it anyway, it is different this time"
    )

    class Meta:
        model = Touch
        fields = ["kind", "planned_on", "note", "cost"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"planned_on": DateField}

    def __init__(self, *args: Any, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        allowed = [
            candidate.pk
            for candidate in TouchKind.objects.for_practice(client.practice)
            if not candidate.crosses(client)
        ]
        kind.queryset = TouchKind.objects.filter(pk__in=allowed)
        kind.help_text = "Kinds that would cross one of their boundaries are not listed."
        cost = self.fields["cost"]
        cost.widget.attrs.update({"min": "0", "step": "0.01", "inputmode": "decimal"})


class TouchDoneForm(forms.Form):
    done_on = DateField(label="Done on")
    response = forms.CharField(
        label="How they responded",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Their words if you have them. You can add this later.",
    )


class TouchKindForm(EmptyChoicesSaid, forms.ModelForm[TouchKind]):
    class Meta:
        model = TouchKind
        fields = ["name", "behaviour", "is_gift", "physical", "min_closeness", "shows_as"]

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        others = TouchKind.objects.filter(practice=self.practice, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("You already have a kind with this name.")
        return name
