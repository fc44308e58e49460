"""The feedback pages: asking (the questions, then the message in the composer), the client's
page behind the link (no login), replying to an answer, and the themes across answers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from rapport.clients.lookups import client_for
from rapport.clients.models import Client, ContactKind
from rapport.feedback.forms import FeedbackAnswerForm, FeedbackAskForm, ThemesPeriodForm
from rapport.feedback.models import ANSWER_LENGTH, ASK_AGAIN_AFTER, FeedbackRequest
from rapport.feedback.queries import themes_since
from rapport.feedback.services import (
    feedback_answer,
    feedback_for_token,
    feedback_may_ask,
    feedback_reply_send,
    feedback_request_create,
    feedback_request_draft,
    feedback_request_send,
)
from rapport.feedback.themes import HOW_THEMES_ARE_FOUND
from rapport.lib.forms import add_service_errors
from rapport.messaging.composer import composer_open, composer_submit
from rapport.messaging.forms import ComposeForm
from rapport.messaging.services import Approved, placeholder_values, reply_subject
from rapport.messaging.templating import fill
from rapport.practices.access import PracticeRequest, member_required

REPLY_BODY = (
    "Hi {{preferred_name}},\n\nThank you for telling me what would have helped.\n\n\n\n"
    "{{provider_name}}"
)


def _request_page(request: PracticeRequest, feedback: FeedbackRequest) -> HttpResponse:
    """Where a request stands, for a link followed again: already sent, or not yet answered."""
    return render(
        request,
        "feedback/request.html",
        {"client": feedback.client, "feedback": feedback, "questions": feedback.questions.all()},
    )


def _email_of(client: Client) -> str:
    first = client.contact_points.filter(kind=ContactKind.EMAIL).first()
    return first.normalized if first is not None else ""


def _feedback_for(request: PracticeRequest, client: Client, feedback_id: int) -> FeedbackRequest:
    found = get_object_or_404(
        FeedbackRequest.objects.for_practice(request.practice).filter(client=client),
        pk=feedback_id,
    )
    found.client = client
    return found


@member_required
def feedback_ask(request: PracticeRequest, client_id: int) -> HttpResponse:
    """The questions to ask: a few good ones to choose from, or the provider's own. The request
    goes only with a message approved in the composer, on the next page."""
    client = client_for(request.practice, client_id)
    asking = feedback_may_ask(client=client)
    form = FeedbackAskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and asking.allowed and form.is_valid():
        try:
            feedback = feedback_request_create(
                client=client, member=request.member, questions=form.questions()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("feedback_message", client.pk, feedback.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "feedback/ask.html",
        {"client": client, "form": form, "asking": asking, "days": ASK_AGAIN_AFTER.days},
        status=status,
    )


@member_required
def feedback_message(request: PracticeRequest, client_id: int, feedback_id: int) -> HttpResponse:
    """The request's message in the composer, with its private link: it goes once approved."""
    client = client_for(request.practice, client_id)
    feedback = _feedback_for(request, client, feedback_id)
    if feedback.sent_at is not None:
        return _request_page(request, feedback)
    about = "Asking what would have helped: " + " / ".join(
        question.text for question in feedback.questions.all()
    )
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return feedback_request_send(
                feedback=feedback,
                member=request.member,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    subject, body = feedback_request_draft(feedback=feedback, member=request.member)
    initial = {"subject": subject, "body": body, "to_address": _email_of(client)}
    return composer_open(
        request, client=client, form=ComposeForm(initial=initial, client=client), about=about
    )


@member_required
def feedback_reply(request: PracticeRequest, client_id: int, feedback_id: int) -> HttpResponse:
    """Answering the client's feedback through the composer; approved, it leaves Today."""
    client = client_for(request.practice, client_id)
    feedback = _feedback_for(request, client, feedback_id)
    if feedback.answered_at is None:
        return _request_page(request, feedback)
    told = " ".join(f"“{q.answer}”" for q in feedback.questions.all() if q.answer)
    about = f"Answering their feedback: {told}"
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return feedback_reply_send(
                feedback=feedback,
                member=request.member,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    values = placeholder_values(client=client, member=request.member)
    initial = {
        "subject": reply_subject("What would have helped?"),
        "body": fill(REPLY_BODY, values),
        "to_address": _email_of(client),
    }
    return composer_open(
        request, client=client, form=ComposeForm(initial=initial, client=client), about=about
    )


def _gone(request: HttpRequest, reason: str, practice: Any = None) -> HttpResponse:
    return render(
        request, "feedback/answer_gone.html", {"reason": reason, "practice": practice}, status=404
    )


def feedback_answer_page(request: HttpRequest, token: str) -> HttpResponse:
    """The client's page, without login: the questions and a box for each. Once answered, the
    link is spent; an expired, spent or broken link gets a kind page, never an error."""
    found = feedback_for_token(token)
    if isinstance(found, str):
        return _gone(request, found)
    practice = found.client.practice
    questions = list(found.questions.all())
    form = FeedbackAnswerForm(
        request.POST if request.method == "POST" else None, questions=questions
    )
    context = {"practice": practice, "form": form, "limit": ANSWER_LENGTH}
    if request.method == "POST":
        if form.is_valid():
            try:
                feedback_answer(feedback=found, answers=form.answers())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(request, "feedback/answer_thanks.html", {"practice": practice})
        return render(request, "feedback/answer.html", context, status=400)
    return render(request, "feedback/answer.html", context)


@member_required
def feedback_themes(request: PracticeRequest) -> HttpResponse:
    """What clients keep saying would have helped, over the last few months."""
    form = ThemesPeriodForm(request.GET or None)
    months = int(form.cleaned_data["months"]) if form.is_valid() else 6
    found = themes_since(request.practice, months=months)
    return render(
        request,
        "feedback/themes.html",
        {"form": form, "months": months, "found": found, "how": HOW_THEMES_ARE_FOUND},
    )
