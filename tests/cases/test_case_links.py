"""What happened, linked to a case: conversations, facts and messages of the same client join
the case's one history; another client's never do."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from rapport.cases.models import Case, CaseFact, CaseInteraction, CaseStatus
from rapport.cases.services import case_create, case_link_fact, case_link_interaction
from rapport.clients.models import Fact, FactCategory
from rapport.clients.services import fact_create
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from rapport.timeline.services import interaction_create
from tests.conftest import ClientFile, make_client_file


def _url(case: Case, name: str = "case_detail") -> str:
    return reverse(name, kwargs={"client_id": case.client_id, "case_id": case.pk})


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def _history(http: HttpClient, case: Case) -> str:
    page = http.get(_url(case)).content.decode()
    story = page[page.index('id="story-heading"') : page.index('id="advice-heading"')]
    return _text(story)


@pytest.fixture
def other_file(owner: Member) -> ClientFile:
    """A second client of the same practice, with a case of their own."""
    return make_client_file(owner, "Bo Brennan", "bo@example.org")


def test_logging_a_conversation_about_a_case_puts_it_in_the_story(
    clock: object, owner_http: HttpClient, client_file: ClientFile
) -> None:
    case, client = client_file.case, client_file.client
    form = owner_http.get(reverse("interaction_new", args=[client.pk])).content.decode()
    assert "About which case?" in form and "The Wi-Fi drops every evening" in form

    case.opened_on = timezone.localdate() - timedelta(days=5)
    case.save()
    two_days_ago = timezone.localtime() - timedelta(days=2)
    posted = {
        "kind": "call",
        "direction": "inbound",
        "occurred_at": two_days_ago.strftime("%Y-%m-%dT%H:%M"),
        "summary": "It dropped again at seven, right after the neighbour got home.",
        "case": case.pk,
        "promise-TOTAL_FORMS": "0",
        "promise-INITIAL_FORMS": "0",
    }
    response = owner_http.post(reverse("interaction_new", args=[client.pk]), posted)
    assert response.status_code == 302
    logged = Interaction.objects.get(summary__startswith="It dropped again")
    assert logged.case_link.case == case

    story = _history(owner_http, case)
    # Dated as people say it, in the order things happened: after the day the case opened.
    assert "22 November Call (from the client) It dropped again at seven" in story
    assert story.index("Opened by") < story.index("It dropped again")


def test_a_conversation_cannot_be_logged_about_another_clients_case(
    owner_http: HttpClient, client_file: ClientFile, other_file: ClientFile
) -> None:
    client = client_file.client
    before = Interaction.objects.count()
    posted = {
        "kind": "note",
        "summary": "About Bo's problem, by mistake",
        "case": other_file.case.pk,
        "promise-TOTAL_FORMS": "0",
        "promise-INITIAL_FORMS": "0",
    }
    response = owner_http.post(reverse("interaction_new", args=[client.pk]), posted)
    assert response.status_code == 400
    assert "Choose one of this client&#x27;s open cases." in response.content.decode()
    assert Interaction.objects.count() == before and not CaseInteraction.objects.exists()


def test_a_client_with_no_open_case_is_not_asked_which_case(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    Case.objects.filter(pk=client_file.case.pk).update(status=CaseStatus.RESOLVED)
    form = owner_http.get(reverse("interaction_new", args=[client_file.client.pk]))
    assert "About which case?" not in form.content.decode()


def test_recent_conversations_and_facts_are_linked_from_the_case_page_and_unlinked(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    case, interaction, fact = client_file.case, client_file.interaction, client_file.fact
    page = owner_http.get(_url(case)).content.decode()
    assert f'name="interaction" value="{interaction.pk}"' in page
    assert f'name="fact" value="{fact.pk}"' in page

    posted = {"interaction": [interaction.pk], "fact": [fact.pk]}
    linked = owner_http.post(_url(case, "case_link"), posted, follow=True)
    assert linked.redirect_chain[0][1] == 302
    assert "Now in the case&#x27;s story: 1 conversation and 1 fact." in linked.content.decode()
    story = _history(owner_http, case)
    assert "Call (from the client) Talked about the new job." in story
    assert "Learned Grows orchids (interests)" in story
    # Linked, it is no longer offered to link again.
    page = owner_http.get(_url(case)).content.decode()
    assert f'name="interaction" value="{interaction.pk}"' not in page.split('id="link-heading"')[1]

    unlinked = owner_http.post(_url(case, "case_link"), {"fact": fact.pk, "unlink": "1"})
    assert unlinked.status_code == 302
    assert "Grows orchids" not in _history(owner_http, case)
    assert Fact.objects.filter(pk=fact.pk).exists()  # off the story, still on their record
    assert CaseInteraction.objects.filter(case=case).count() == 1


def test_another_clients_fact_or_conversation_is_a_404_on_the_case_page(
    owner_http: HttpClient, client_file: ClientFile, other_file: ClientFile
) -> None:
    case = client_file.case
    for posted in (
        {"fact": other_file.fact.pk},
        {"interaction": other_file.interaction.pk},
        {"interaction": [client_file.interaction.pk, other_file.interaction.pk]},
        {"fact": "not a number"},
    ):
        assert owner_http.post(_url(case, "case_link"), posted).status_code == 404, posted
    assert not CaseFact.objects.exists() and not CaseInteraction.objects.exists()
    nothing = owner_http.post(_url(case, "case_link"), {}, follow=True)
    assert "Tick a conversation or a fact" in nothing.content.decode()


def test_the_services_refuse_another_clients_items(
    client_file: ClientFile, other_file: ClientFile
) -> None:
    with pytest.raises(ValidationError, match="another client's"):
        case_link_fact(case=client_file.case, fact=other_file.fact)
    with pytest.raises(ValidationError, match="another client's"):
        case_link_interaction(case=client_file.case, interaction=other_file.interaction)


def test_a_fact_belongs_to_one_case_and_moves_when_linked_to_another(
    owner: Member, client_file: ClientFile
) -> None:
    second = case_create(client=client_file.client, problem="The printer", created_by=owner)
    case_link_fact(case=client_file.case, fact=client_file.fact)
    case_link_fact(case=second, fact=client_file.fact)
    assert list(CaseFact.objects.values_list("case", flat=True)) == [second.pk]


def test_a_message_about_a_case_joins_its_story_and_outlives_the_case(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    case, client = client_file.case, client_file.client
    compose = owner_http.get(reverse("compose", args=[client.pk])).content.decode()
    assert "About which case?" in compose
    posted = {
        "channel": "email",
        "to_address": "siobhan@example.org",
        "subject": "The Wi-Fi",
        "body": "Hi Siobhán,\n\nI have asked the router's maker and will tell you Friday.\n\nAda",
        "case": case.pk,
    }
    response = owner_http.post(reverse("compose", args=[client.pk]), posted)
    assert response.status_code == 302, _text(response.content.decode())[:2000]
    message = OutboxMessage.objects.get(subject="The Wi-Fi")
    assert message.case == case
    assert "Wrote to them “The Wi-Fi” (waiting to send)" in _history(owner_http, case)

    # Said another way (a call), the conversation joins the story instead.
    posted |= {"channel": "phone", "body": "Hi Siobhán, I called about the router. Ada"}
    assert owner_http.post(reverse("compose", args=[client.pk]), posted).status_code == 302
    call = Interaction.objects.get(summary__startswith="Hi Siobhán, I called")
    assert call.case_link.case == case

    assert owner_http.post(_url(case, "case_delete")).status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()
    message.refresh_from_db()
    assert message.case is None and message.body.startswith("Hi Siobhán")
    assert Interaction.objects.filter(pk=call.pk).exists()


def test_the_composer_refuses_another_clients_case(
    owner_http: HttpClient, client_file: ClientFile, other_file: ClientFile
) -> None:
    posted = {
        "channel": "phone",
        "subject": "",
        "body": "Hi Siobhán, about the printer. Ada",
        "case": other_file.case.pk,
    }
    response = owner_http.post(reverse("compose", args=[client_file.client.pk]), posted)
    assert response.status_code == 400
    assert "Choose one of this client&#x27;s cases." in response.content.decode()
    assert not Interaction.objects.filter(summary__contains="about the printer").exists()
    url = reverse("compose", args=[client_file.client.pk]) + f"?case={other_file.case.pk}"
    assert owner_http.get(url).status_code == 404


def test_another_practice_cannot_link_or_delete(
    outsider_http: HttpClient, client_file: ClientFile
) -> None:
    case = client_file.case
    posted = {"fact": client_file.fact.pk, "interaction": client_file.interaction.pk}
    assert outsider_http.post(_url(case, "case_link"), posted).status_code == 404
    assert outsider_http.post(_url(case, "case_delete")).status_code == 404
    assert Case.objects.filter(pk=case.pk).exists() and not CaseFact.objects.exists()


def test_the_history_is_read_in_a_fixed_number_of_queries(
    owner_http: HttpClient,
    client_file: ClientFile,
    django_assert_max_num_queries: object,
) -> None:
    case = client_file.case
    for index in range(6):
        fact = fact_create(client=client_file.client, category=FactCategory.OTHER, text=f"F{index}")
        case_link_fact(case=case, fact=fact)
    owner_http.get(_url(case))  # warm the session
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        assert owner_http.get(_url(case)).status_code == 200


def test_a_long_conversation_is_its_start_in_the_story(
    owner: Member, owner_http: HttpClient, client_file: ClientFile
) -> None:
    long = "We went through every setting on the router, one by one. " * 20
    logged = interaction_create(client=client_file.client, kind="note", summary=long)
    case_link_interaction(case=client_file.case, interaction=logged)
    story = _history(owner_http, client_file.case)
    assert "We went through every setting" in story and "…" in story
    assert long.strip() not in story  # the whole stays on the timeline
