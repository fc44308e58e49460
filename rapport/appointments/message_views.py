"""The appointment messages in the composer: a reminder, a late notice or a cancellation,
drafted on the client's clock, sent only once the provider approves."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from rapport.appointments.forms import AppointmentMessageForm
from rapport.appointments.models import Appointment, AppointmentMessage
from rapport.appointments.pages import appointment_for, day_url
from rapport.appointments.services import appointment_message_draft, appointment_message_send
from rapport.lib.http import id_param
from rapport.lib.templatetags.rapport_tags import moment
from rapport.messaging.composer import composer_open, composer_submit
from rapport.messaging.services import Approved, templates_ensure
from rapport.practices.access import PracticeRequest, member_required


def message_url(appointment: Appointment, **query: int) -> str:
    return f"{reverse('appointment_message', args=[appointment.pk])}?{urlencode(query)}"


def _message_asked(request: PracticeRequest) -> tuple[AppointmentMessage, int | None]:
    """Which message the link asks for: ?late=15, ?cancelled=1, ?not_at_my_best=1, or else a
    reminder."""
    if request.GET.get("cancelled"):
        return AppointmentMessage.CANCELLED, None
    if request.GET.get("not_at_my_best"):
        return AppointmentMessage.NOT_AT_MY_BEST, None
    if (minutes := id_param(request.GET.get("late", ""))) is not None:
        return AppointmentMessage.LATE, minutes
    return AppointmentMessage.REMINDER, None


@member_required
def appointment_message(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    """A reminder, a late notice or a cancellation in the composer, drafted on the client's
    clock; approved, a late notice or a reminder is recorded on the appointment too."""
    appointment = appointment_for(request, appointment_id)
    client = appointment.client
    templates_ensure(practice=request.practice)
    about = f"About their appointment {moment(appointment.starts_at)}"
    if request.method == "POST":
        form = AppointmentMessageForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return appointment_message_send(
                appointment=appointment,
                member=request.member,
                kind=form.kind,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
                essential=data["essential"],
                minutes=data["late"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    kind, minutes = _message_asked(request)
    try:
        subject, body = appointment_message_draft(
            appointment=appointment, member=request.member, kind=kind, minutes=minutes
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(day_url(appointment))
    initial = {"subject": subject, "body": body, "essential": True}
    form = AppointmentMessageForm(
        initial=initial | AppointmentMessageForm.marks(kind, minutes), client=client
    )
    return composer_open(request, client=client, form=form, about=about)
