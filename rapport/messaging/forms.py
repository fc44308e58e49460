from __future__ import annotations

from typing import Any

from django import forms

from rapport.cases.models import Case
from rapport.clients.models import Client, ContactKind
from rapport.lib.forms import EmptyChoicesSaid
from rapport.messaging.models import Mailbox, MessageTemplate, PracticeRule
from rapport.messaging.services import Channel
from rapport.practices.models import Practice


class ComposeForm(forms.Form):
    channel = forms.ChoiceField(
        choices=Channel.CHOICES, initial=Channel.EMAIL, widget=forms.RadioSelect
    )
    to_address = forms.ChoiceField(label="To", required=False)
    subject = forms.CharField(max_length=200, required=False)
    body = forms.CharField(
        label="Message", widget=forms.Textarea(attrs={"rows": 12}), max_length=20_000
    )
    essential = forms.BooleanField(
        required=False,
        label="About an appointment",
        help_text="Sent even to clients who opted out of other messages, and without an "
        "unsubscribe link.",
    )

    # The client's mail this answers, and "Send anyway" for the warnings on these words.
    # A page that writes about something else adds its own hidden fields in a subclass.
    answering = forms.IntegerField(required=False, widget=forms.HiddenInput)
    acknowledged = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        emails = client.contact_points.filter(kind=ContactKind.EMAIL)
        field = self.fields["to_address"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (point.normalized, f"{point.value} {point.label}".strip()) for point in emails
        ]
        if not field.choices:
            field.help_text = (
                "No email address yet: add one on the client's page, or say it another way."
            )

    def clean(self) -> dict[str, Any]:
        # Said before the check's second step, so "Send anyway" is never followed by a refusal.
        data = super().clean() or {}
        if data.get("channel") == Channel.EMAIL:
            if not str(data.get("subject", "")).strip():
                self.add_error("subject", "An email needs a subject.")
            if not data.get("to_address"):
                self.add_error("to_address", "Choose one of this client's email addresses.")
        return data


class CaseChoice(forms.ModelChoiceField[Case]):
    def label_from_instance(self, obj: Case) -> str:
        shown = f"“{obj.problem[:80]}”"
        return shown if obj.status == "open" else f"{shown} ({obj.get_status_display().lower()})"


class MessageForm(ComposeForm):
    """The composer's own form: a message may be about one of the client's cases."""

    def __init__(self, *args: Any, client: Client, case: Case | None = None, **kwargs: Any):
        super().__init__(*args, client=client, **kwargs)
        cases = Case.objects.for_practice(client.practice).filter(client=client)
        # Open cases are offered, and a closed one when the message starts from it (advice
        # shared from a resolved case), so what is posted back may name any of theirs.
        offered = cases.open() | cases.filter(pk=case.pk) if case else cases.open()
        if self.is_bound:
            offered = cases
        if offered.exists():
            self.fields["case"] = CaseChoice(
                offered.order_by("-opened_on", "-id"),
                required=False,
                label="About which case?",
                empty_label="No case",
                initial=case,
                error_messages={"invalid_choice": "Choose one of this client's cases."},
                help_text="The message joins the case's story.",
            )


class TemplateForm(forms.ModelForm[MessageTemplate]):
    class Meta:
        model = MessageTemplate
        fields = ["name", "purpose", "subject", "body", "essential"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        others = MessageTemplate.objects.for_practice(self.practice).filter(name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("You already have a template with this name.")
        return name


class PracticeRuleForm(EmptyChoicesSaid, forms.ModelForm[PracticeRule]):
    class Meta:
        model = PracticeRule
        fields = ["phrase", "category", "explanation", "fix"]
        help_texts = {
            "phrase": "Matched as whole words, in any case: “circle back”, “per my last”."
        }


class MailboxForm(forms.ModelForm[Mailbox]):
    password = forms.CharField(
        widget=forms.PasswordInput(render_value=False),
        required=False,
        max_length=200,
        help_text="Leave empty to keep the one saved.",
    )

    class Meta:
        model = Mailbox
        fields = [
            "address",
            "host",
            "port",
            "use_ssl",
            "username",
            "password",
            "inbox_folder",
            "sent_folder",
        ]
        help_texts = {"sent_folder": "Often “Sent”, “Sent Items” or “[Gmail]/Sent Mail”."}

    def clean_password(self) -> str:
        given = str(self.cleaned_data.get("password") or "")
        if not given and not self.instance.password:
            raise forms.ValidationError("The mailbox's password is needed to read it.")
        return given or self.instance.password
