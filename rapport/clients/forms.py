from __future__ import annotations

import calendar
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from rapport.clients.contact import normalize_contact
from rapport.clients.models import (
    Client,
    ClientStatus,
    ContactKind,
    Fact,
    ImportantDate,
)
from rapport.clients.services import ContactPointInput
from rapport.lib.forms import DateField, DateTimeField, EmptyChoicesSaid
from rapport.lib.http import id_param
from rapport.practices.forms import time_zone_field


class ClientForm(forms.ModelForm[Client]):
    tag_names = forms.CharField(
        required=False,
        label="Tags",
        help_text="Separate with commas, for example: coaching, referral",
    )
    time_zone = time_zone_field(
        required=False,
        help_text="Where they live, if not in your time zone: messages give times on their clock.",
    )
    confirm_duplicate = forms.BooleanField(
        required=False, label="This is a different person: create the client anyway"
    )

    class Meta:
        model = Client
        fields = [
            "full_name", "preferred_name", "pronunciation", "pronouns",
            "status", "closeness", "how_we_met", "client_since",
            "checkin_consent", "checkin_channel", "paused_note_ok", "rhythm_days",
            "time_zone", "wants_reminders", "no_gifts", "no_physical_contact",
        ]  # fmt: skip
        widgets = {"how_we_met": forms.TextInput()}
        field_classes = {"client_since": DateField}

    def tag_list(self) -> list[str]:
        return [name for name in self.cleaned_data.get("tag_names", "").split(",") if name.strip()]


class ContactPointForm(forms.Form):
    kind = forms.ChoiceField(choices=ContactKind.choices)
    label = forms.CharField(required=False, max_length=40)
    value = forms.CharField(required=False, max_length=500)

    def __init__(self, *args: Any, region: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        value = (data.get("value") or "").strip()
        if value and data.get("kind"):
            try:
                normalize_contact(kind=data["kind"], value=value, region=self.region)
            except ValidationError as error:
                self.add_error("value", error)
        return data

    def as_input(self) -> ContactPointInput | None:
        value = (self.cleaned_data.get("value") or "").strip()
        if not value:
            return None
        return ContactPointInput(
            kind=self.cleaned_data["kind"], value=value, label=self.cleaned_data.get("label", "")
        )


ContactPointFormSet = forms.formset_factory(
    ContactPointForm, extra=0, max_num=30, validate_max=True
)


def contact_point_rows(client: Client | None) -> list[dict[str, str]]:
    """Existing contact points, then one empty row of each kind to add another."""
    rows = []
    if client is not None:
        rows = [
            {"kind": point.kind, "label": point.label, "value": point.value}
            for point in client.contact_points.all()
        ]
    rows += [
        {"kind": ContactKind.EMAIL, "label": "", "value": ""},
        {"kind": ContactKind.PHONE, "label": "mobile", "value": ""},
        {"kind": ContactKind.ADDRESS, "label": "home", "value": ""},
    ]
    return rows


class ClientChoices(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Clients picked by id. An id no database could hold is refused before the query: SQLite
    cannot even compare it, and it can only come from a page that was tampered with."""

    def clean(self, value: Any) -> Any:
        if value and any(id_param(str(pk)) is None for pk in value):
            raise forms.ValidationError(
                "Some of the selected clients are not in your book: reload the page and select "
                "them again."
            )
        return super().clean(value)


class BulkActionForm(forms.Form):
    ACTIONS = [("tag", "Add a tag"), ("status", "Change status"), ("archive", "Archive")]

    action = forms.ChoiceField(choices=ACTIONS)
    clients = ClientChoices(
        queryset=Client.objects.none(),
        error_messages={"required": "Select at least one client first."},
    )
    tag = forms.CharField(required=False, max_length=50)
    status = forms.ChoiceField(
        choices=[("", "Choose a status"), *ClientStatus.choices], required=False
    )

    def __init__(self, *args: Any, practice: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        clients_field = self.fields["clients"]
        assert isinstance(clients_field, ClientChoices)
        clients_field.queryset = Client.objects.for_practice(practice)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "tag" and not data.get("tag", "").strip():
            self.add_error("tag", "Type the tag to add.")
        if data.get("action") == "status" and not data.get("status"):
            self.add_error("status", "Choose the new status.")
        return data


class ConversationChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_kind_display()}, {obj.occurred_at:%d %b %Y}: {obj.summary[:50]}"


class FactForm(EmptyChoicesSaid, forms.ModelForm[Fact]):
    class Meta:
        model = Fact
        fields = [
            "category",
            "text",
            "important",
            "source",
            "learned_at",
            "learned_from",
            "ask_again",
            "hard_news",
        ]
        widgets = {"text": forms.TextInput()}
        labels = {"text": "What to remember", "learned_from": "Learned in"}
        field_classes = {"learned_from": ConversationChoiceField, "learned_at": DateTimeField}

    def __init__(self, *args: Any, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        learned_from = self.fields["learned_from"]
        assert isinstance(learned_from, forms.ModelChoiceField)
        learned_from.queryset = learned_from.queryset.filter(client=client)  # type: ignore[union-attr]
        learned_from.empty_label = "Not from a logged conversation"


class ImportantDateForm(forms.ModelForm[ImportantDate]):
    month = forms.TypedChoiceField(
        choices=[(number, calendar.month_name[number]) for number in range(1, 13)], coerce=int
    )
    day = forms.TypedChoiceField(choices=[(number, number) for number in range(1, 32)], coerce=int)

    class Meta:
        model = ImportantDate
        fields = ["kind", "label", "day", "month", "year"]
        help_texts = {"year": "Leave empty if you do not know it."}
