"""Request helpers: a "return to" address is only ever a path on this site."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from rapport.lib.http import local_target


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        ("/clients/?q=ana&page=2", "/clients/?q=ana&page=2"),
        ("client_list", None),  # redirect() would look it up as a URL name: a 500
        ("x", None),
        ("//evil.example/", None),
        ("https://evil.example/", None),
        ("http://testserver/clients/", None),  # the page sends paths, never whole addresses
        ("", None),
    ],
)
def test_a_return_address_is_a_path_on_this_site(back: str, expected: str | None) -> None:
    assert local_target(RequestFactory().post("/", {"back": back})) == expected
