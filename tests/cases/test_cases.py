"""Cases: opened from the client page, told as one history, advice labelled honestly."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.cases.models import Advice, Case, CaseStatus, Certainty, Step
from rapport.cases.services import DONT_KNOW_NEEDS_A_STEP, advice_add, case_create, step_add
from rapport.clients.models import Client
from rapport.clients.services import client_create
from rapport.practices.models import Member
from tests.conftest import ClientFile


@pytest.fixture
def priya(owner: Member) -> Client:
    return client_create(practice=owner.practice, full_name="Priya Shah", created_by=owner)


def _case_url(case: Case, name: str = "case_detail") -> str:
    return reverse(name, kwargs={"client_id": case.client_id, "case_id": case.pk})


def test_a_case_is_opened_from_the_client_page_and_told_as_one_history(
    owner_http: HttpClient, owner: Member, staff: Member, priya: Client
) -> None:
    client_page = owner_http.get(reverse("client_detail", args=[priya.pk])).content.decode()
    new_case = reverse("case_new", args=[priya.pk])
    assert f'href="{new_case}"' in client_page
    assert "No open case." in client_page

    response = owner_http.post(
        new_case, {"problem": "The Wi-Fi drops every evening", "opened_on": "2026-11-20"}
    )
    case = Case.objects.get(client=priya)
    assert response.status_code == 302 and response["Location"] == _case_url(case)
    assert (case.status, str(case.opened_on), case.created_by) == ("open", "2026-11-20", owner)

    on = {"taken_on": "2026-11-21", "given_on": "2026-11-22"}
    posts = [
        ("step_new", {"tried": "Restarted the router", "result": "Fine for a day",
                      "member": staff.pk}),
        # Written second, taken a day earlier: the story is told in the order things happened.
        ("step_new", {"tried": "Called the provider", "someone_else": "the internet provider",
                      "taken_on": "2026-11-20"}),
        ("advice_new", {"certainty": "known", "text": "The router is old"}),
        ("advice_new", {"certainty": "guess", "text": "Channel clash",
                        "next_step": "Change the channel", "member": owner.pk}),
        ("advice_new", {"certainty": "unknown", "text": "What the provider changed",
                        "next_step": "Ask the router's maker", "someone_else": "the client"}),
    ]  # fmt: skip
    for name, posted in posts:
        assert owner_http.post(_case_url(case, name), on | posted).status_code == 302, posted
    assert case.steps.count() == 2 and case.advice.count() == 3

    page = owner_http.get(_case_url(case)).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    # Opened, then the steps in the order they were taken, not the order they were written.
    opened = text.index("Opened by Ada Owner")
    provider, router = text.index("the internet provider tried"), text.index("Sam Staff tried")
    assert opened < provider < router
    for heading in ("Known 1", "Best guess 1", "Don't know 1"):
        assert heading in text.replace("&#x27;", "'")
    assert "Next: Ask the router&#x27;s maker · the client" in text
    assert "Next: Change the channel · Ada Owner" in text
    assert (
        "The Wi-Fi drops every evening"
        in owner_http.get(reverse("client_detail", args=[priya.pk])).content.decode()
    )


def test_dont_know_without_a_next_step_is_refused_by_the_form(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    case = client_file.case
    before = case.advice.count()
    response = owner_http.post(
        _case_url(case, "advice_new"),
        {"certainty": "unknown", "text": "Why it drops at seven", "given_on": "2026-11-22"},
    )
    assert response.status_code == 400
    assert "needs a next step" in response.content.decode()
    assert case.advice.count() == before


def test_dont_know_without_a_next_step_is_refused_by_the_service_and_the_database(
    client_file: ClientFile,
) -> None:
    case = client_file.case
    with pytest.raises(ValidationError) as refused:
        advice_add(case=case, certainty=Certainty.UNKNOWN, text="No idea", next_step="  ")
    assert refused.value.message_dict == {"next_step": [DONT_KNOW_NEEDS_A_STEP]}
    with pytest.raises(IntegrityError), transaction.atomic():
        Advice.objects.create(
            practice=case.practice, case=case, certainty=Certainty.UNKNOWN, text="No idea"
        )


def test_a_next_step_says_who_takes_it(client_file: ClientFile) -> None:
    case = client_file.case
    with pytest.raises(ValidationError) as refused:
        advice_add(case=case, certainty=Certainty.GUESS, text="Maybe", next_step="Try again")
    assert "member" in refused.value.message_dict
    with pytest.raises(ValidationError):
        step_add(case=case, tried="Something")  # by whom?


def test_the_status_changes_and_a_closed_case_leaves_the_open_list(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    case = client_file.case
    response = owner_http.post(
        _case_url(case, "case_edit"),
        {"problem": case.problem, "opened_on": str(case.opened_on), "status": "not_resolved"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.NOT_RESOLVED
    assert "Not resolved" in owner_http.get(_case_url(case)).content.decode()
    client_page = owner_http.get(reverse("client_detail", args=[case.client_id])).content.decode()
    # Out of the open list, still a click away under the closed ones.
    open_list, closed = client_page.split("Closed cases (1)")
    assert "No open case." in open_list and case.problem not in open_list
    assert f'{case.problem}”</a> <small class="muted">not resolved' in closed


def test_another_practices_case_is_a_404_and_untouched(
    outsider_http: HttpClient, client_file: ClientFile
) -> None:
    case = client_file.case
    for name in ("case_detail", "case_edit", "step_new", "advice_new"):
        assert outsider_http.get(_case_url(case, name)).status_code == 404
        posted = {"tried": "x", "someone_else": "x", "certainty": "known", "text": "x",
                  "problem": "x", "opened_on": "2026-11-22", "status": "resolved"}  # fmt: skip
        assert outsider_http.post(_case_url(case, name), posted).status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and case.problem != "x"
    assert Step.objects.filter(tried="x").count() == 0


def test_a_member_of_another_practice_cannot_be_named(
    owner_http: HttpClient, outsider: Member, client_file: ClientFile
) -> None:
    case = client_file.case
    response = owner_http.post(
        _case_url(case, "step_new"),
        {"taken_on": "2026-11-22", "tried": "Asked around", "member": outsider.pk},
    )
    assert response.status_code == 400
    assert not case.steps.filter(tried="Asked around").exists()
    with pytest.raises(ValidationError):
        step_add(case=case, tried="Asked around", member=outsider)


@pytest.mark.parametrize(
    "posted",
    [
        {"problem": "", "opened_on": "2026-11-22"},
        {"problem": "   ", "opened_on": "2026-11-22"},
        {"problem": "x" * 2001, "opened_on": "2026-11-22"},
        {"problem": "Printer", "opened_on": "9999-12-31"},
        {"problem": "Printer", "opened_on": "not a day"},
    ],
)
def test_bad_input_opens_no_case(
    owner_http: HttpClient, priya: Client, posted: dict[str, str]
) -> None:
    response = owner_http.post(reverse("case_new", args=[priya.pk]), posted)
    assert response.status_code == 400
    assert not Case.objects.filter(client=priya).exists()


def test_bad_steps_and_advice_are_refused(owner_http: HttpClient, client_file: ClientFile) -> None:
    case = client_file.case
    steps, advice = case.steps.count(), case.advice.count()
    bad_posts = [
        ("step_new", {"taken_on": "2026-11-22", "tried": "", "someone_else": "them"}),
        ("step_new", {"taken_on": "2026-11-22", "tried": "x", "member": "99999999999999999999"}),
        ("advice_new", {"certainty": "sure", "text": "x", "given_on": "2026-11-22"}),
        ("advice_new", {"certainty": "known", "text": "", "given_on": "2026-11-22"}),
    ]
    for name, posted in bad_posts:
        assert owner_http.post(_case_url(case, name), posted).status_code == 400, posted
    assert (case.steps.count(), case.advice.count()) == (steps, advice)


def test_a_case_goes_with_its_client(client_file: ClientFile) -> None:
    client_file.client.delete()
    assert not Case.objects.exists() and not Step.objects.exists()
    assert not Advice.objects.exists()


def test_case_create_keeps_the_clients_words(owner: Member, priya: Client) -> None:
    case = case_create(client=priya, problem="  my printer won't stay online \n", created_by=owner)
    assert case.problem == "my printer won't stay online"
    assert case.practice_id == owner.practice_id
