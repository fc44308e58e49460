"""Steps and advice are edited and removed from the case page, under the rules of adding."""

from __future__ import annotations

from django.test import Client as HttpClient
from django.urls import reverse

from rapport.cases.models import Advice, Certainty, Step
from tests.conftest import ClientFile


def _advice_url(file: ClientFile, advice: Advice) -> str:
    return reverse("advice_edit", args=[file.client.pk, file.case.pk, advice.pk])


def _step_url(file: ClientFile, step: Step) -> str:
    return reverse("step_edit", args=[file.client.pk, file.case.pk, step.pk])


def test_advice_is_edited_from_the_case_page(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    advice = client_file.case.advice.get(certainty=Certainty.GUESS)
    case_page = owner_http.get(
        reverse("case_detail", args=[client_file.client.pk, client_file.case.pk])
    ).content.decode()
    assert f'href="{_advice_url(client_file, advice)}"' in case_page
    form = owner_http.get(_advice_url(client_file, advice)).content.decode()
    assert "A neighbour&#x27;s network on the same channel" in form

    posted = {
        "certainty": "known",
        "text": "It was the neighbour's network",
        "given_on": "2026-11-25",
    }
    assert owner_http.post(_advice_url(client_file, advice), posted).status_code == 302
    advice.refresh_from_db()
    assert (advice.certainty, advice.text, advice.next_step) == (
        "known",
        "It was the neighbour's network",
        "",
    )


def test_a_dont_know_keeps_its_next_step_on_edit(
    owner_http: HttpClient, client_file: ClientFile
) -> None:
    advice = client_file.case.advice.get(certainty=Certainty.UNKNOWN)
    # Turned into a "don't know" with no next step, or losing its step: both refused.
    for target, posted in [
        (advice, {"certainty": "unknown", "text": "Still no idea", "given_on": "2026-11-25"}),
        (
            client_file.case.advice.get(certainty=Certainty.KNOWN),
            {"certainty": "unknown", "text": "Not so sure now", "given_on": "2026-11-25"},
        ),
    ]:
        response = owner_http.post(_advice_url(client_file, target), posted)
        assert response.status_code == 400
        assert "needs a next step" in response.content.decode()
    advice.refresh_from_db()
    assert advice.next_step == "Ask the router's maker"
    assert client_file.case.advice.filter(certainty=Certainty.UNKNOWN).count() == 1


def test_a_step_is_edited_and_removed(owner_http: HttpClient, client_file: ClientFile) -> None:
    step = client_file.case.steps.get(someone_else="the provider")
    posted = {
        "taken_on": "2026-11-23",
        "tried": "Called the provider twice",
        "result": "They reset the line",
        "someone_else": "the provider",
    }
    assert owner_http.post(_step_url(client_file, step), posted).status_code == 302
    step.refresh_from_db()
    assert (step.tried, step.result) == ("Called the provider twice", "They reset the line")

    # Naming nobody is refused on edit as on adding.
    nobody = posted | {"someone_else": ""}
    assert owner_http.post(_step_url(client_file, step), nobody).status_code == 400

    assert owner_http.post(_step_url(client_file, step), {"remove": "1"}).status_code == 302
    assert not Step.objects.filter(pk=step.pk).exists()
    advice = client_file.case.advice.get(certainty=Certainty.KNOWN)
    assert owner_http.post(_advice_url(client_file, advice), {"remove": "1"}).status_code == 302
    assert not Advice.objects.filter(pk=advice.pk).exists()


def test_another_cases_step_or_another_practices_is_a_404(
    owner_http: HttpClient, outsider_http: HttpClient, client_file: ClientFile
) -> None:
    step = client_file.case.steps.first()
    advice = client_file.case.advice.first()
    assert step is not None and advice is not None
    for url in (_step_url(client_file, step), _advice_url(client_file, advice)):
        assert outsider_http.get(url).status_code == 404
        assert outsider_http.post(url, {"remove": "1"}).status_code == 404
    assert Step.objects.filter(pk=step.pk).exists() and Advice.objects.filter(pk=advice.pk).exists()
