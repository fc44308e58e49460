from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from rapport.appointments.ics_read import MAX_BYTES, TOO_LARGE
from rapport.appointments.models import MAX_LENGTH, Appointment, AppointmentMessage
from rapport.appointments.rescheduling import CLIENT_MESSAGE_MAX
from rapport.appointments.services import MAX_LATE_MINUTES
from rapport.clients.models import Client
from rapport.lib.forms import DateTimeField, EmptyChoicesSaid
from rapport.messaging.forms import ComposeForm
from rapport.practices.lengths import length_choices, length_said
from rapport.practices.models import Member, Practice


def _formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"  # a video link typed without https:// is https
    return field.formfield(**kwargs)


def _member_name(member: Member) -> str:
    return member.user.name


class AppointmentForm(EmptyChoicesSaid, forms.ModelForm[Appointment]):
    length = forms.TypedChoiceField(label="How long", coerce=int)

    class Meta:
        model = Appointment
        fields = ["client", "member", "starts_at", "place", "video_link", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"starts_at": DateTimeField}
        labels = {"starts_at": "When"}
        formfield_callback = _formfield

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        client_field = self.fields["client"]
        member_field = self.fields["member"]
        assert isinstance(client_field, forms.ModelChoiceField)
        assert isinstance(member_field, forms.ModelChoiceField)
        client_field.queryset = Client.objects.for_practice(practice).current()
        member_field.queryset = Member.objects.filter(practice=practice).select_related("user")
        member_field.label_from_instance = _member_name  # type: ignore[method-assign,assignment]
        length = self.fields["length"]
        assert isinstance(length, forms.ChoiceField)
        groups = length_choices(practice.usual_lengths)
        length.choices = groups
        length.initial = groups[0][1][0][0]
        if self.instance.pk:
            minutes = int(self.instance.duration.total_seconds() // 60)
            if all(minutes != value for _, group in groups for value, _ in group):
                length.choices = [*groups, ("This booking", [(minutes, length_said(minutes))])]
            self.initial["length"] = minutes

    def clean_length(self) -> int:
        minutes = int(self.cleaned_data["length"])
        if not 5 <= minutes <= MAX_LENGTH.total_seconds() // 60:
            raise forms.ValidationError("Choose a length between 5 minutes and 12 hours.")
        return minutes

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_at, minutes = data.get("starts_at"), data.get("length")
        if starts_at is not None and minutes:
            # In UTC: on a zone-aware time, adding counts wall-clock minutes across a DST change.
            self.instance.ends_at = starts_at.astimezone(UTC) + timedelta(minutes=minutes)
        return data


class OtherTimesForm(forms.Form):
    """The client's "none of these times work", with a few words if they like. What they write
    is shown to the provider as they wrote it, escaped like any text."""

    message = forms.CharField(
        label="Anything that would help find a time? (optional)",
        required=False,
        max_length=CLIENT_MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the days or times that suit you.",
        error_messages={
            "max_length": "Please keep it under %(limit_value)d characters: a few words are "
            "enough, and you can say more when you hear back."
        },
    )


class LateForm(forms.Form):
    minutes = forms.IntegerField(min_value=1, max_value=MAX_LATE_MINUTES)


class AppointmentMessageForm(ComposeForm):
    """The composer's form for a message about an appointment. Its hidden fields say which
    message it is, so that approving it records a late notice or a reminder."""

    late = forms.IntegerField(required=False, widget=forms.HiddenInput)
    reminder = forms.BooleanField(required=False, widget=forms.HiddenInput)
    cancelled = forms.BooleanField(required=False, widget=forms.HiddenInput)
    not_at_my_best = forms.BooleanField(required=False, widget=forms.HiddenInput)

    @staticmethod
    def marks(kind: AppointmentMessage, minutes: int | None) -> dict[str, object]:
        """The hidden fields' initial values for this kind of message."""
        if kind == AppointmentMessage.LATE:
            return {"late": minutes}
        return {kind.value: True}

    @property
    def kind(self) -> AppointmentMessage:
        """Which message this is; only once the form is valid."""
        data = self.cleaned_data
        if data.get("late") is not None:
            return AppointmentMessage.LATE
        if data.get("reminder"):
            return AppointmentMessage.REMINDER
        if data.get("not_at_my_best"):
            return AppointmentMessage.NOT_AT_MY_BEST
        return AppointmentMessage.CANCELLED

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kinds = ("reminder", "cancelled", "not_at_my_best")
        if data.get("late") is None and not any(data.get(kind) for kind in kinds):
            self.add_error(
                None,
                "Open this from the appointment, to say whether it is a reminder, a late notice "
                "or a cancellation.",
            )
        return data


class CalendarImportForm(forms.Form):
    file = forms.FileField(
        label="Calendar file (.ics)",
        help_text="Export it from Google Calendar, Outlook, Apple Calendar or your timetable "
        "system. Events whose guests include a client become appointments; you see what "
        "would happen before anything is written.",
        # An empty file gets the calendar reader's message, which says what to do.
        allow_empty_file=True,
        error_messages={"required": "Choose the .ics file your calendar app exported."},
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_BYTES:  # refused before it is read
            raise forms.ValidationError(TOO_LARGE)
        return upload


class FeedForm(forms.ModelForm[Member]):
    class Meta:
        model = Member
        fields = ["feed_include_dates"]
