"""Asking what would have helped, end to end through the views: the questions, the message
approved in the composer, the client's page behind the link, the answer on the timeline and
in Today until replied to, and the rules that keep asking from becoming nagging."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from rapport.appointments.models import AppointmentStatus
from rapport.appointments.services import appointment_create, appointment_finish
from rapport.attention.models import AgendaAction, Section
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import agenda_build
from rapport.feedback.forms import FeedbackAnswerForm, FeedbackAskForm, ThemesPeriodForm
from rapport.feedback.models import FeedbackQuestion, FeedbackRequest
from rapport.feedback.services import (
    feedback_answer,
    feedback_request_create,
    feedback_request_draft,
    feedback_request_send,
)
from rapport.messaging.checker import blocks_sending
from rapport.messaging.models import OutboxMessage
from rapport.messaging.outbox import outbox_send_due
from rapport.messaging.services import client_unsubscribe, message_check
from rapport.portability.export import client_export
from rapport.practices.models import Member
from rapport.timeline.models import Interaction

LINK = re.compile(r"https?://\S+/f/[\w-]+/")


@pytest.fixture
def person(owner: Member) -> Client:
    """A client never asked for feedback, with an email address to ask at."""
    return client_create(
        practice=owner.practice,
        full_name="Maya Lind",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )


def _ask(http: HttpClient, client: Client, **data: Any) -> FeedbackRequest:
    data = data or {"chosen": ["What would have made today more helpful?"]}
    response = http.post(reverse("feedback_ask", args=[client.pk]), data)
    assert response.status_code == 302, response.content.decode()
    return FeedbackRequest.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-2]))


def _send(http: HttpClient, client: Client, feedback: FeedbackRequest) -> str:
    """Opens the composer on the drafted message and approves it as it is; the link in it."""
    url = reverse("feedback_message", args=[client.pk, feedback.pk])
    page = http.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    body = form.initial["body"]
    found = LINK.search(body)
    assert found, body
    response = http.post(
        url,
        {
            "channel": "email",
            "to_address": form.initial["to_address"],
            "subject": form.initial["subject"],
            "body": body,
        },
    )
    assert response.status_code == 302, response.content.decode()
    return found.group(0)


def _path(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def _sent(owner_http: HttpClient, person: Client) -> tuple[FeedbackRequest, str]:
    feedback = _ask(owner_http, person)
    return feedback, _path(_send(owner_http, person, feedback))


def test_a_request_goes_only_once_approved_and_its_link_reaches_the_client(
    owner: Member, owner_http: HttpClient, person: Client
) -> None:
    owner.practice.undo_seconds = 0
    owner.practice.save()
    client = person
    feedback = _ask(owner_http, client, chosen=[], own="What should we stop doing?")
    assert feedback.sent_at is None  # chosen, not sent: nothing goes before the composer
    assert not OutboxMessage.objects.filter(subject="What would have helped?").exists()
    link = _send(owner_http, client, feedback)
    feedback.refresh_from_db()
    assert feedback.sent_at is not None and feedback.message is not None
    outbox_send_due()
    sent = [m for m in mail.outbox if m.subject == "What would have helped?"]
    assert len(sent) == 1 and link in sent[0].body
    page = HttpClient().get(_path(link))
    assert page.status_code == 200
    text = page.content.decode()
    assert "What should we stop doing?" in text and owner.practice.name in text
    assert "<script" not in text  # works without JavaScript


def test_the_message_must_keep_the_link(owner_http: HttpClient, person: Client) -> None:
    client = person
    feedback = _ask(owner_http, client)
    url = reverse("feedback_message", args=[client.pk, feedback.pk])
    form = owner_http.get(url).context["form"]
    response = owner_http.post(
        url,
        {
            "channel": "email",
            "to_address": form.initial["to_address"],
            "subject": "A question",
            "body": f"Hi {client.display_name}, how was it?",
        },
    )
    assert response.status_code == 400
    assert "Keep the link to the questions" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.sent_at is None


def test_the_answer_lands_on_the_timeline_and_in_today_and_a_reply_clears_it(
    owner: Member, owner_http: HttpClient, person: Client
) -> None:
    feedback, path = _sent(owner_http, person)
    answered = HttpClient().post(path, {"answer_1": "More time at the end to plan the week."})
    assert answered.status_code == 200 and "Thank you" in answered.content.decode()
    feedback.refresh_from_db()
    assert feedback.answered_at is not None
    note = Interaction.objects.get(pk=feedback.answer_note_id)
    assert "More time at the end" in note.client_words
    [asked] = client_export(person)["client"]["feedback"]  # in their own data, for access
    assert asked["questions"][0]["answer"] == "More time at the end to plan the week."
    page = owner_http.get(reverse("client_detail", args=[person.pk]))
    assert "More time at the end to plan the week." in page.content.decode()
    today = owner_http.get(reverse("home")).content.decode()
    assert "said what would have helped" in today and "More time at the end" in today
    reply_url = reverse("feedback_reply", args=[person.pk, feedback.pk])
    assert reply_url in today
    form = owner_http.get(reply_url).context["form"]
    response = owner_http.post(
        reply_url,
        {
            "channel": "email",
            "to_address": form.initial["to_address"],
            "subject": form.initial["subject"],
            "body": form.initial["body"].replace("\n\n\n\n", "\n\nI will keep ten minutes.\n\n"),
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert agenda_build(owner.practice).section(Section.FEEDBACK).total == 0


def test_dismissing_the_answer_on_today_clears_it(
    owner: Member, owner_http: HttpClient, person: Client
) -> None:
    feedback, path = _sent(owner_http, person)
    HttpClient().post(path, {"answer_1": "Shorter emails."})
    assert agenda_build(owner.practice).section(Section.FEEDBACK).total == 1
    response = owner_http.post(
        reverse("agenda_feedback", args=[feedback.pk]), {"action": "dismissed"}
    )
    assert response.status_code in (200, 302)
    assert agenda_build(owner.practice).section(Section.FEEDBACK).total == 0


def test_the_link_works_once_and_a_spent_expired_or_tampered_link_gets_a_kind_page(
    owner_http: HttpClient, person: Client, clock: Any
) -> None:
    feedback, path = _sent(owner_http, person)
    visitor = HttpClient()
    assert visitor.post(path, {"answer_1": "Nothing, it was fine."}).status_code == 200
    again = visitor.post(path, {"answer_1": "Something else entirely."})
    assert again.status_code == 404 and "already answered" in again.content.decode()
    assert FeedbackQuestion.objects.get(request=feedback).answer == "Nothing, it was fine."
    tampered = visitor.get(path[:-3] + "xx/")
    assert tampered.status_code == 404 and "does not work" in tampered.content.decode()
    clock.shift(timedelta(days=31))
    late = visitor.get(path)
    assert late.status_code == 404 and "expired" in late.content.decode()


def test_an_answer_of_fifty_thousand_characters_is_refused_with_what_to_do(
    owner_http: HttpClient, person: Client
) -> None:
    feedback, path = _sent(owner_http, person)
    response = HttpClient().post(path, {"answer_1": "a" * 50_000})
    assert response.status_code == 400
    assert "5,000 characters or fewer" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.answered_at is None
    empty = HttpClient().post(path, {"answer_1": "   "})
    assert empty.status_code == 400 and "at least one of the boxes" in empty.content.decode()


def test_a_client_is_asked_at_most_once_in_ninety_days(
    owner_http: HttpClient, person: Client, clock: Any
) -> None:
    _sent(owner_http, person)
    url = reverse("feedback_ask", args=[person.pk])
    page = owner_http.get(url).content.decode()
    assert "at most once in 90 days" in page and "asked again on 22 February 2027" in page
    refused = owner_http.post(url, {"chosen": ["What might we do differently next time?"]})
    assert refused.status_code == 400
    assert FeedbackRequest.objects.sent().count() == 1
    clock.shift(timedelta(days=91))
    assert "at most once" not in owner_http.get(url).content.decode()


def test_a_client_who_opted_out_of_messages_is_never_asked(
    owner_http: HttpClient, person: Client
) -> None:
    feedback = _ask(owner_http, person)
    client_unsubscribe(client=person)
    url = reverse("feedback_ask", args=[person.pk])
    assert "not asked for feedback" in owner_http.get(url).content.decode()
    again = owner_http.post(url, {"chosen": ["What might we do differently next time?"]})
    assert again.status_code == 400
    message_url = reverse("feedback_message", args=[person.pk, feedback.pk])
    form = owner_http.get(message_url).context["form"]
    response = owner_http.post(
        message_url,
        {"channel": "phone", "subject": "", "body": form.initial["body"], "to_address": ""},
    )
    assert response.status_code == 400
    assert FeedbackRequest.objects.sent().count() == 0


def test_questions_are_one_or_two_and_say_what_is_wrong(
    owner_http: HttpClient, person: Client
) -> None:
    url = reverse("feedback_ask", args=[person.pk])
    none = owner_http.post(url, {"chosen": [], "own": ""})
    assert none.status_code == 400 and "one open question" in none.content.decode()
    three = owner_http.post(
        url,
        {
            "chosen": [
                "What would have made today more helpful?",
                "What might we do differently next time?",
            ],
            "own": "Anything else?",
        },
    )
    assert three.status_code == 400 and "2 questions at most" in three.content.decode()
    assert not FeedbackRequest.objects.exists()


_NUMBERS = (models.IntegerField, models.FloatField, models.DecimalField, models.DurationField)
_NUMBER_FIELDS = (forms.IntegerField, forms.FloatField, forms.DecimalField, forms.TypedChoiceField)


def test_there_is_never_a_rating_no_feedback_model_or_form_holds_a_number() -> None:
    """P11: no 1-10 scale. Ids (and the keys to other rows) are the only numbers."""
    for model in apps.get_app_config("feedback").get_models():
        for field in model._meta.get_fields():
            if field.is_relation or getattr(field, "primary_key", False):
                continue
            assert not isinstance(field, _NUMBERS), f"{model.__name__}.{field.name}"
    question = FeedbackQuestion(text="What would have helped?")
    for form in (FeedbackAskForm(), FeedbackAnswerForm(questions=[question]), ThemesPeriodForm()):
        for name, field in form.fields.items():
            assert not isinstance(field, _NUMBER_FIELDS), f"{type(form).__name__}.{name}"
            assert getattr(field.widget, "input_type", "") not in {"number", "range"}


def test_an_erased_client_leaves_no_answer_behind(owner_http: HttpClient, person: Client) -> None:
    feedback, path = _sent(owner_http, person)
    HttpClient().post(path, {"answer_1": "A quieter room."})
    client = person
    owner_http.post(reverse("agenda_feedback", args=[feedback.pk]), {"action": "dismissed"})
    response = owner_http.post(
        reverse("client_erase", args=[client.pk]), {"confirm_name": client.full_name}
    )
    assert response.status_code == 302, response.content.decode()
    assert not AgendaAction.objects.filter(section=Section.FEEDBACK).exists()
    assert not FeedbackRequest.objects.filter(pk=feedback.pk).exists()
    assert not FeedbackQuestion.objects.filter(answer__contains="quieter").exists()
    gone = HttpClient().get(path)
    assert gone.status_code == 404 and "does not work" in gone.content.decode()


def test_another_practice_never_sees_a_request(
    owner_http: HttpClient, outsider_http: HttpClient, person: Client
) -> None:
    feedback, _ = _sent(owner_http, person)
    client = person
    for name in ("feedback_message", "feedback_reply"):
        url = reverse(name, args=[client.pk, feedback.pk])
        assert outsider_http.get(url).status_code == 404
        assert outsider_http.post(url, {}).status_code == 404
    assert outsider_http.get(reverse("feedback_ask", args=[client.pk])).status_code == 404


def test_a_link_whose_token_holds_underscores_passes_the_word_check(
    owner: Member, person: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A random token can hold "__", which the check once read as a placeholder left unfilled
    and refused to send: an address is read as an address now."""
    monkeypatch.setattr(
        "rapport.links.services.secrets.token_urlsafe", lambda n: "Ab__cdEFghIJklMNopQRst"
    )
    feedback = feedback_request_create(client=person, member=owner, questions=["What helped?"])
    subject, body = feedback_request_draft(feedback=feedback, member=owner)
    assert "/f/Ab__cdEFghIJklMNopQRst/" in body
    assert not blocks_sending(message_check(client=person, subject=subject, body=body))


def test_the_themes_page_groups_answers_with_the_clients_own_words(
    owner: Member, owner_http: HttpClient
) -> None:
    empty = owner_http.get(reverse("feedback_themes")).content.decode()
    assert "No answers in the last 6 months yet" in empty and "How themes are found" in empty
    said = [
        "We started late again, and the session felt rushed.",
        "Starting on time would have helped; we started late.",
        "It started late so we had less time.",
        "A written summary afterwards would have helped me remember.",
        "A short written summary after the session.",
        "Some written notes or a summary to take home.",
        "Online booking instead of phoning would be easier.",
        "Booking online would save me a phone call.",
        "Please let me book online.",
        "Nothing, it was lovely.",
    ]
    for number, words in enumerate(said):
        person = client_create(
            practice=owner.practice,
            full_name=f"Client {chr(65 + number)} Example",
            contact_points=[ContactPointInput(ContactKind.EMAIL, f"c{number}@example.org")],
        )
        feedback = feedback_request_create(
            client=person, member=owner, questions=["What would have helped?"]
        )
        subject, body = feedback_request_draft(feedback=feedback, member=owner)
        feedback_request_send(
            feedback=feedback, member=owner, channel="email", subject=subject, body=body,
            to_address=f"c{number}@example.org",
        )  # fmt: skip
        feedback_answer(feedback=feedback, answers=[words])
    page = owner_http.get(reverse("feedback_themes"), {"months": "3"})
    assert page.status_code == 200
    found = page.context["found"]
    assert found.answers == 10 and len(found.themes) >= 3
    text = page.content.decode()
    first = found.themes[0]
    assert first.label in text.lower() or first.label.capitalize() in text
    quote = first.quotes[0]
    assert quote.words in text and reverse("client_detail", args=[quote.client.pk]) in text
    assert "Nothing, it was lovely." in text  # in no theme, shown all the same
    assert owner_http.get(reverse("feedback_themes"), {"months": "99"}).status_code == 200


def test_after_a_completed_appointment_the_day_offers_to_ask(
    owner: Member, owner_http: HttpClient, person: Client
) -> None:
    now = timezone.now()
    seen = appointment_create(
        client=person, member=owner, starts_at=now - timedelta(hours=2),
        ends_at=now - timedelta(hours=1),
    )  # fmt: skip
    ask = reverse("feedback_ask", args=[person.pk])
    day = reverse("calendar_day") + f"?day={timezone.localdate(seen.starts_at):%Y-%m-%d}"
    assert ask not in owner_http.get(day).content.decode()
    appointment_finish(appointment=seen, status=AppointmentStatus.COMPLETED, member=owner)
    assert ask in owner_http.get(day).content.decode()
