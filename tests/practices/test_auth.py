"""Logging in, throttling of failures, the first-run page, and who may use the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client as HttpClient
from django.test import override_settings

from rapport.practices.models import LoginFailure, Member, Practice, Role, User
from tests.conftest import PASSWORD


def login(http: HttpClient, email: str, password: str, address: str = "10.0.0.1", **extra: str):  # type: ignore[no-untyped-def]
    return http.post("/login/", {"email": email, "password": password} | extra, REMOTE_ADDR=address)


def test_anonymous_visitors_are_sent_to_login(owner: Member) -> None:
    response = HttpClient().get("/clients/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/clients/"


def test_login_then_back_to_where_they_were(owner: Member) -> None:
    http = HttpClient()
    response = login(http, "OWNER@a.example", PASSWORD, next="/clients/")
    assert response.status_code == 302 and response["Location"] == "/clients/"
    assert http.get("/clients/").status_code == 200


def test_login_never_redirects_off_site(owner: Member) -> None:
    response = login(HttpClient(), "owner@a.example", PASSWORD, next="https://evil.example/")
    assert response["Location"] == "/"


def test_wrong_password_is_explained(owner: Member) -> None:
    response = login(HttpClient(), "owner@a.example", "wrong")
    assert "That email and password do not match" in response.content.decode()
    assert LoginFailure.objects.count() == 1


def test_failures_for_one_account_lock_it_even_from_new_addresses(owner: Member) -> None:
    for attempt in range(5):
        login(HttpClient(), "owner@a.example", "wrong", address=f"10.0.0.{attempt}")
    response = login(HttpClient(), "owner@a.example", PASSWORD, address="10.9.9.9")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_failures_from_one_address_lock_it_for_every_account(owner: Member, staff: Member) -> None:
    with override_settings(LOGIN_FAILURES_PER_ADDRESS=3):
        for attempt in range(3):
            login(HttpClient(), f"guess{attempt}@a.example", "wrong", address="10.6.6.6")
        assert (
            login(HttpClient(), "staff@a.example", PASSWORD, address="10.6.6.6").status_code == 429
        )
        assert (
            login(HttpClient(), "staff@a.example", PASSWORD, address="10.7.7.7").status_code == 302
        )


def test_a_success_clears_the_accounts_failures(owner: Member) -> None:
    for _ in range(4):
        login(HttpClient(), "owner@a.example", "wrong")
    assert login(HttpClient(), "owner@a.example", PASSWORD).status_code == 302
    for _ in range(4):
        login(HttpClient(), "owner@a.example", "wrong")
    assert login(HttpClient(), "owner@a.example", PASSWORD).status_code == 302


def test_logout_needs_a_post(owner_http: HttpClient) -> None:
    assert owner_http.get("/logout/").status_code == 405
    assert owner_http.post("/logout/").status_code == 302
    assert owner_http.get("/clients/").status_code == 302


def test_a_user_without_a_practice_sees_nothing(db: None) -> None:
    user = User.objects.create_user("lost@example.org", PASSWORD, name="Lost")
    Practice.objects.create(name="Somewhere")
    http = HttpClient()
    http.force_login(user)
    assert http.get("/clients/").status_code == 404


def test_first_run_creates_the_practice_and_owner_then_closes(db: None) -> None:
    http = HttpClient()
    assert http.get("/login/")["Location"] == "/welcome/"
    data = {
        "practice_name": "Quay Street Clinic",
        "time_zone": "America/Denver",
        "default_region": "US",
        "owner_name": "Dr Rosa Castellano",
        "owner_email": "rosa@quay.example",
        "password": "quiet-harbour-lights",
        "password_again": "quiet-harbour-lights",
    }
    mismatch = http.post("/welcome/", data | {"password_again": "other"})
    assert "The two passwords are not the same." in mismatch.content.decode()
    nowhere = http.post("/welcome/", data | {"time_zone": "Mars/Olympus"})
    assert "Unknown time zone Mars/Olympus" in nowhere.content.decode()
    assert '<datalist id="time-zones">' in nowhere.content.decode()
    weak = http.post("/welcome/", data | {"password": "123", "password_again": "123"})
    assert "too short" in weak.content.decode()
    assert not Practice.objects.exists()
    response = http.post("/welcome/", data)
    assert response.status_code == 302 and response["Location"] == "/clients/new/"
    member = Member.objects.get(user__email="rosa@quay.example")
    assert member.role == Role.OWNER and member.practice.time_zone == "America/Denver"
    assert http.get("/clients/new/").status_code == 200  # logged in at once
    assert HttpClient().get("/welcome/").status_code == 404
    assert HttpClient().post("/welcome/", data | {"owner_email": "x@y.example"}).status_code == 404


def test_the_admin_is_for_server_staff_only(owner_http: HttpClient, owner: Member) -> None:
    response = owner_http.get("/admin/clients/client/")
    assert response.status_code in (302, 404)
    owner.user.is_staff = True
    owner.user.is_superuser = True
    owner.user.save()
    assert owner_http.get("/admin/practices/practice/").status_code == 200


@pytest.mark.parametrize("hasher", ["argon2"])
def test_real_settings_hash_passwords_with_argon2(hasher: str, db: None) -> None:
    from rapport import settings as real

    with override_settings(PASSWORD_HASHERS=real.PASSWORD_HASHERS):
        user = User.objects.create_user("argon@example.org", PASSWORD, name="A")
        assert identify_hasher(user.password).algorithm == hasher
