"""Asking for feedback and keeping the answers: every write of the feedback app, each in one
transaction, called the same way by the pages, the API and the demo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from rapport.clients.models import Client
from rapport.feedback.models import (
    ANSWER_LENGTH,
    ASK_AGAIN_AFTER,
    LINK_LIFETIME,
    MOST_QUESTIONS,
    QUESTION_LENGTH,
    FeedbackQuestion,
    FeedbackRequest,
)
from rapport.lib.humanize import day_phrase
from rapport.links.models import LinkPurpose
from rapport.links.services import LinkExpired, LinkInvalid, link_create, link_find
from rapport.messaging.services import (
    Approved,
    message_approve,
    placeholder_values,
)
from rapport.messaging.templating import fill
from rapport.practices.models import Member
from rapport.timeline.models import Direction, InteractionKind
from rapport.timeline.services import interaction_create

REQUEST_SUBJECT = "What would have helped?"
REQUEST_BODY = (
    "Hi {{preferred_name}},\n\n"
    "Thank you for your time with me. I would like to learn what would have helped you more, "
    "in your own words. There is no score and no survey, just "
    "{{question_count}} and a box to write in:\n\n"
    "{{feedback_link}}\n\n"
    "The link is for you alone and works once. If you would rather not, there is nothing "
    "you need to do.\n\n"
    "{{provider_name}}"
)


@dataclass(frozen=True)
class AskingNow:
    """Whether the client may be asked for feedback now, and if not, why, and from when."""

    allowed: bool
    why_not: str = ""


def feedback_may_ask(
    *, client: Client, now: datetime | None = None, besides: FeedbackRequest | None = None
) -> AskingNow:
    """Never a client who opted out of messages; at most once in ASK_AGAIN_AFTER."""
    now = now or timezone.now()
    if client.messages_opt_out:
        return AskingNow(
            False,
            f"{client.display_name} asked not to get messages other than about appointments, "
            "so they are not asked for feedback.",
        )
    recent = client.feedback_requests.sent().filter(sent_at__gt=now - ASK_AGAIN_AFTER)
    if besides is not None:
        recent = recent.exclude(pk=besides.pk)
    last = recent.order_by("-sent_at").first()
    if last is not None and last.sent_at is not None:
        zone = client.practice.zone
        today = timezone.localdate(now, zone)
        asked = timezone.localdate(last.sent_at, zone)
        again = timezone.localdate(last.sent_at + ASK_AGAIN_AFTER, zone)
        return AskingNow(
            False,
            f"{client.display_name} was asked for feedback {_on(asked, today)}: a client is "
            f"asked at most once in {ASK_AGAIN_AFTER.days} days, so they can be asked again "
            f"{_on(again, today)}.",
        )
    return AskingNow(True)


def _on(day: date, today: date) -> str:
    """ "on 12 March", "on Friday", or "today", "yesterday", "tomorrow" as they are."""
    said = day_phrase(day, today)
    return said if abs((day - today).days) <= 1 else f"on {said}"


def _questions_cleaned(questions: list[str]) -> list[str]:
    cleaned = [" ".join(question.split()) for question in questions]
    cleaned = [question for question in cleaned if question]
    if not cleaned:
        raise ValidationError("Choose or write one open question to ask.")
    if len(cleaned) > MOST_QUESTIONS:
        raise ValidationError(
            f"Ask {MOST_QUESTIONS} questions at most: choose the ones that matter."
        )
    for question in cleaned:
        if len(question) > QUESTION_LENGTH:
            raise ValidationError(f"Keep each question under {QUESTION_LENGTH} characters.")
    if len(set(cleaned)) < len(cleaned):
        raise ValidationError("The two questions are the same: ask one, or two different ones.")
    return cleaned


@transaction.atomic
def feedback_request_create(
    *, client: Client, member: Member | None, questions: list[str], now: datetime | None = None
) -> FeedbackRequest:
    """A request with its questions, not yet sent: it goes only with a message the provider
    approves (`feedback_request_send`)."""
    asking = feedback_may_ask(client=client, now=now)
    if not asking.allowed:
        raise ValidationError(asking.why_not)
    cleaned = _questions_cleaned(questions)
    request = FeedbackRequest.objects.create(
        practice=client.practice, client=client, asked_by=member, created_at=now or timezone.now()
    )
    FeedbackQuestion.objects.bulk_create(
        FeedbackQuestion(practice=client.practice, request=request, text=text) for text in cleaned
    )
    return request


def answer_url(token: str) -> str:
    return settings.RAPPORT_BASE_URL + reverse("feedback_answer", args=[token])


def _link_prefix() -> str:
    return answer_url("x")[:-2]


def feedback_request_draft(*, feedback: FeedbackRequest, member: Member) -> tuple[str, str]:
    """The message to start from, with a new private link to the questions: a new link each
    time, since a token cannot be read back from the database."""
    token = link_create(
        client=feedback.client,
        purpose=LinkPurpose.FEEDBACK,
        target_id=feedback.pk,
        lifetime=LINK_LIFETIME,
    )
    count = feedback.questions.count()
    values = placeholder_values(client=feedback.client, member=member) | {
        "feedback_link": answer_url(token),
        "question_count": "one question" if count == 1 else f"{count} questions",
    }
    return REQUEST_SUBJECT, fill(REQUEST_BODY, values)


@transaction.atomic
def feedback_request_send(
    *,
    feedback: FeedbackRequest,
    member: Member,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
) -> Approved:
    """The provider approved the words that carry the request's link: they go, and the request
    counts as asked from now."""
    feedback = FeedbackRequest.objects.select_for_update().get(pk=feedback.pk)
    if feedback.sent_at is not None:
        raise ValidationError("This request was already sent: ask again from the client's page.")
    asking = feedback_may_ask(client=feedback.client, besides=feedback)
    if not asking.allowed:
        raise ValidationError(asking.why_not)
    if _link_prefix() not in body:
        raise ValidationError(
            {"body": "Keep the link to the questions in the message: it is how they answer."}
        )
    approved = message_approve(
        client=feedback.client,
        member=member,
        channel=channel,
        subject=subject,
        body=body,
        to_address=to_address,
    )
    feedback.sent_at = timezone.now()
    feedback.message = approved.interaction
    feedback.save(update_fields=["sent_at", "message"])
    return approved


def feedback_for_token(token: str, *, now: datetime | None = None) -> FeedbackRequest | str:
    """The sent request a link names, with its client and practice; or why not: "expired",
    "invalid", or "answered" (a link works once)."""
    try:
        link = link_find(token=token, purpose=LinkPurpose.FEEDBACK, now=now)
    except LinkExpired:
        return "expired"
    except LinkInvalid:
        return "invalid"
    if link.target_id is None:
        return "invalid"
    feedback = (
        FeedbackRequest.objects.filter(
            practice_id=link.practice_id, client_id=link.client_id, pk=link.target_id
        )
        .sent()
        .select_related("client__practice")
        .first()
    )
    if feedback is None:
        return "invalid"
    return "answered" if feedback.answered_at is not None else feedback


def _as_told(questions: list[FeedbackQuestion]) -> str:
    return "\n\n".join(f"{q.text}\n{q.answer}" for q in questions if q.answer)


@transaction.atomic
def feedback_answer(*, feedback: FeedbackRequest, answers: list[str]) -> FeedbackRequest:
    """The client's answers, one per question in order: kept, and told on their timeline,
    once (the link is spent after)."""
    feedback = FeedbackRequest.objects.select_for_update().get(pk=feedback.pk)
    if feedback.answered_at is not None:
        raise ValidationError("These questions were already answered: thank you.")
    questions = list(feedback.questions.all())
    cleaned = [answer.strip() for answer in answers]
    if len(cleaned) != len(questions):
        raise ValidationError("Answer the questions on this page.")
    if not any(cleaned):
        raise ValidationError("Write a few words in at least one of the boxes.")
    if any(len(answer) > ANSWER_LENGTH for answer in cleaned):
        raise ValidationError(
            f"An answer can be {ANSWER_LENGTH:,} characters at most: please shorten it."
        )
    for question, answer in zip(questions, cleaned, strict=True):
        question.answer = answer
    FeedbackQuestion.objects.bulk_update(questions, ["answer"])
    note = interaction_create(
        client=feedback.client,
        kind=InteractionKind.NOTE,
        direction=Direction.INBOUND,
        summary="Answered your feedback request.",
        client_words=_as_told(questions),
    )
    feedback.answered_at = note.occurred_at
    feedback.answer_note = note
    feedback.save(update_fields=["answered_at", "answer_note"])
    return feedback


@transaction.atomic
def feedback_reply_send(
    *,
    feedback: FeedbackRequest,
    member: Member,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
) -> Approved:
    """The provider's answer to the client's feedback, through the composer: once approved,
    the answer no longer waits on Today."""
    approved = message_approve(
        client=feedback.client,
        member=member,
        channel=channel,
        subject=subject,
        body=body,
        to_address=to_address,
    )
    feedback.replied_at = timezone.now()
    feedback.reply = approved.interaction
    feedback.save(update_fields=["replied_at", "reply"])
    return approved
