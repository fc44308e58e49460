"""Words on every page are for the person reading them (issue 17): an empty choice in a
dropdown says what choosing nothing means, never Django's "---------"."""

from __future__ import annotations

from django.test import Client as HttpClient

from tests.conftest import ClientFile
from tests.test_staff_walk import member_pages


def test_no_page_offers_an_empty_choice_without_words(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    unsaid = []
    for page in member_pages():
        response = owner_http.get(page.url(client_file))
        if response.status_code == 200 and "---------" in response.content.decode():
            unsaid.append(page.name)
    assert unsaid == [], unsaid
