"""Sharing advice with the client: the composer's draft keeps the label's words, goes through
the word check and approval like any message, and joins the case's story."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.cases.advice_words import advice_in_words
from rapport.cases.models import Advice, Case, CaseInteraction, Certainty
from rapport.messaging.checker import blocks_sending
from rapport.messaging.models import OutboxMessage
from rapport.messaging.services import advice_draft, message_check
from rapport.practices.models import Member
from tests.conftest import ClientFile, make_client_file


def _advice(file: ClientFile, certainty: Certainty) -> Advice:
    return file.case.advice.get(certainty=certainty)


def _compose_url(file: ClientFile, advice: Advice) -> str:
    return reverse("compose", args=[file.client.pk]) + f"?advice={advice.pk}"


def _body(page: str) -> str:
    found = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, "no body in the composer"
    return found.group(1).replace("&#x27;", "'").strip()


@pytest.mark.parametrize(
    ("certainty", "words"),
    [
        (Certainty.KNOWN, "The router is five years old."),
        (
            Certainty.GUESS,
            "My best guess is a neighbour's network on the same channel. "
            "Next step: change the channel.",
        ),
        (
            Certainty.UNKNOWN,
            "About whether the provider changed anything: I don't know yet; "
            "what I will do is ask the router's maker.",
        ),
    ],
)
def test_share_with_the_client_opens_the_composer_in_the_labels_words(
    owner_http: HttpClient, client_file: ClientFile, certainty: Certainty, words: str
) -> None:
    advice = _advice(client_file, certainty)
    case_page = owner_http.get(
        reverse("case_detail", args=[client_file.client.pk, client_file.case.pk])
    ).content.decode()
    assert f'href="{_compose_url(client_file, advice)}"' in case_page.replace("&amp;", "&")

    page = owner_http.get(_compose_url(client_file, advice)).content.decode()
    body = _body(page)
    assert body.startswith("Hi Siobhán,") and words in body
    # The case is chosen already, so the approved message joins its story.
    assert f'<option value="{client_file.case.pk}" selected>' in page
    assert not blocks_sending(message_check(client=client_file.client, subject="x", body=body))


def test_the_shared_advice_is_approved_like_any_message_and_joins_the_case(
    owner_http: HttpClient, owner: Member, client_file: ClientFile
) -> None:
    advice = _advice(client_file, Certainty.UNKNOWN)
    subject, body = advice_draft(advice=advice, client=client_file.client, member=owner)
    posted = {
        "channel": "email",
        "to_address": "siobhan@example.org",
        "subject": subject,
        "body": body,
        "case": client_file.case.pk,
    }
    # Edited to carry a pet name, the check stops it: the draft is no exception.
    stopped = owner_http.post(
        reverse("compose", args=[client_file.client.pk]),
        posted | {"body": body.replace("Hi Siobhán", "Hi sweetie")},
    )
    assert stopped.status_code in (200, 400)
    assert not OutboxMessage.objects.filter(case=client_file.case).exists()

    approved = owner_http.post(reverse("compose", args=[client_file.client.pk]), posted)
    assert approved.status_code == 302
    message = OutboxMessage.objects.get(case=client_file.case)
    assert "I don't know yet; what I will do is ask the router's maker." in message.body
    assert message.subject == "About “The Wi-Fi drops every evening”"


def test_another_clients_advice_is_a_404(
    owner_http: HttpClient, outsider_http: HttpClient, owner: Member, client_file: ClientFile
) -> None:
    other = make_client_file(owner, "Bo Brennan", "bo@example.org")
    advice = _advice(client_file, Certainty.KNOWN)
    mixed = reverse("compose", args=[other.client.pk]) + f"?advice={advice.pk}"
    assert owner_http.get(mixed).status_code == 404
    assert outsider_http.get(_compose_url(client_file, advice)).status_code == 404
    bad = reverse("compose", args=[client_file.client.pk]) + "?advice=x"
    assert owner_http.get(bad).status_code == 404


@pytest.mark.parametrize(
    ("certainty", "text", "step", "said"),
    [
        ("known", "the cable is loose", "", "The cable is loose."),
        ("known", "It works now!", "", "It works now!"),
        ("guess", "Wi-Fi interference", "", "My best guess is Wi-Fi interference."),
        ("guess", "BT changed a setting.", "", "My best guess is BT changed a setting."),
        ("unknown", "Why it drops", "Call them  ", "About why it drops: I don't know yet; "
         "what I will do is call them."),
    ],
)  # fmt: skip
def test_advice_in_words(certainty: str, text: str, step: str, said: str) -> None:
    assert advice_in_words(certainty=certainty, text=text, next_step=step) == said


def test_advice_from_a_resolved_case_is_shared_and_joins_that_case(
    owner_http: HttpClient, owner: Member, client_file: ClientFile
) -> None:
    Case.objects.filter(pk=client_file.case.pk).update(status="resolved")
    advice = _advice(client_file, Certainty.KNOWN)
    page = owner_http.get(_compose_url(client_file, advice)).content.decode()
    assert f'<option value="{client_file.case.pk}" selected>' in page
    subject, body = advice_draft(advice=advice, client=client_file.client, member=owner)
    posted = {"channel": "phone", "subject": subject, "body": body, "case": client_file.case.pk}
    assert (
        owner_http.post(reverse("compose", args=[client_file.client.pk]), posted).status_code == 302
    )
    assert CaseInteraction.objects.get(case=client_file.case).interaction.summary == body
