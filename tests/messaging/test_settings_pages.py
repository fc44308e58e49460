"""Templates and the check's rules are the practice's own to change."""

from __future__ import annotations

from django.test import Client as HttpClient

from rapport.messaging.models import MessageTemplate
from tests.conftest import ClientFile


def test_edit_a_template_and_names_stay_unique(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    template = client_file.template
    data = {
        "name": "Welcome aboard",
        "purpose": "welcome",
        "subject": "Hello {{preferred_name}}",
        "body": "Hi {{preferred_name}},\n\nWelcome.\n\n{{provider_name}}",
    }
    assert owner_http.post(f"/templates/{template.pk}/", data).status_code == 302
    template.refresh_from_db()
    assert template.name == "Welcome aboard"
    clash = owner_http.post("/templates/new/", data | {"name": "welcome ABOARD"})
    assert (
        clash.status_code == 400
        and "already have a template with this name" in clash.content.decode()
    )
    draft = owner_http.get(f"/clients/{client_file.client.pk}/compose/", {"template": template.pk})
    assert "Hello Siobhán" in draft.content.decode()
    owner_http.post(f"/templates/{template.pk}/delete/")
    assert not MessageTemplate.objects.filter(pk=template.pk).exists()


def test_silence_a_rule_and_add_a_phrase(client_file: ClientFile, owner_http: HttpClient) -> None:
    url = f"/clients/{client_file.client.pk}/compose/check/"
    text = {"subject": "Hi", "body": "Hi Siobhán, thanks hun. I'll touch base soon."}
    assert "pet-name" in owner_http.post(url, text).content.decode()
    owner_http.post("/settings/words/", {"silence": "pet-names"})
    assert "pet-name" not in owner_http.post(url, text).content.decode()
    owner_http.post(
        "/settings/words/",
        {
            "add": "1",
            "phrase": "touch base",
            "category": "canned",
            "explanation": "Office jargon.",
            "fix": "Say when you will call.",
        },
    )
    assert "Office jargon." in owner_http.post(url, text).content.decode()
    owner_http.post("/settings/words/", {"silence": "pet-names"})  # and back on
    assert "pet-name" in owner_http.post(url, text).content.decode()
    refused = owner_http.post(
        "/settings/words/", {"add": "1", "phrase": "", "category": "nonsense"}
    )
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
