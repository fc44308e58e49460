"""Overriding a client's health reading: with a reason, shown beside Rapport's own."""

from __future__ import annotations

from django.test import Client as HttpClient

from rapport.attention.models import ClientReading
from rapport.practices.models import Member
from tests.desk.test_digest_and_cli import waiting_client


def test_overriding_health_needs_a_reason_and_shows_both_readings(
    owner: Member, owner_http: HttpClient
) -> None:
    waiting_client(owner)
    reading = ClientReading.objects.get()
    url = f"/clients/{reading.client_id}/health/"
    refused = owner_http.post(url, {"override_word": "thriving", "override_note": ""})
    assert refused.status_code == 400 and "Say why" in refused.content.decode()
    owner_http.post(
        url, {"override_word": "thriving", "override_note": "We spoke at the school gate"}
    )
    page = owner_http.get(f"/clients/{reading.client_id}/").content.decode()
    assert "You see it as thriving: “We spoke at the school gate”" in page
    assert "Thriving*" in owner_http.get("/clients/").content.decode()
    owner_http.post(url, {"override_word": "", "override_note": "ignored"})
    reading.refresh_from_db()
    assert (reading.override_word, reading.override_note, reading.override_by) == ("", "", None)
