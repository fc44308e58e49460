"""The mailbox's part of the settings page: the practice's owner connects it, and it is read
at once, so a wrong setting shows up there, not later."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, QueryDict

from rapport.messaging.forms import MailboxForm
from rapport.messaging.imap import mailbox_sync
from rapport.messaging.models import Mailbox
from rapport.practices.models import Practice
from rapport.practices.settings_panels import SettingsPanel


def mailbox_form(practice: Practice, data: QueryDict | None, prefix: str) -> MailboxForm:
    mailbox = Mailbox.objects.for_practice(practice).first() or Mailbox(practice=practice)
    return MailboxForm(data, instance=mailbox, prefix=prefix)


def mailbox_read_now(request: HttpRequest, form: forms.ModelForm[Any]) -> None:
    mailbox = form.instance
    assert isinstance(mailbox, Mailbox)
    report = mailbox_sync(mailbox=mailbox)
    if mailbox.last_error:
        messages.error(request, f"Saved, but the mailbox could not be read: {mailbox.last_error}")
    else:
        messages.success(request, f"Connected. Read the mailbox: {report}.")


MAILBOX_PANEL = SettingsPanel(
    name="mailbox",
    template="messaging/_mailbox_settings.html",
    form=mailbox_form,
    saved=mailbox_read_now,
)
