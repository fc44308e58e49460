"""Logging in, throttling of failures, the first-run page, and who may use the admin."""

from __future__ import annotations

from datetime import timedelta
from unittest.mock import patch

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib.auth import aauthenticate, authenticate
from django.contrib.auth.hashers import identify_hasher
from django.http import HttpResponse
from django.test import Client as HttpClient
from django.test import override_settings
from time_machine import Traveller

from rapport.api.services import token_create
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
    # The admin's login is the same account's: it is locked there too.
    admin = HttpClient(REMOTE_ADDR="10.8.8.8").post(
        "/admin/login/", {"username": "owner@a.example", "password": PASSWORD}
    )
    assert admin.status_code == 429


class Door:
    """One way in, walked the same way: wrong tries, then the right one, answered how."""

    def __init__(self, name: str, member: Member) -> None:
        self.name = name
        self.member = member
        if name == "admin":
            member.user.is_staff = member.user.is_superuser = True
            member.user.save()
        if name == "api":
            _, self.right = token_create(member=member, name="script")
        else:
            self.right = PASSWORD

    @property
    def limit(self) -> int:
        """An API token names no account: its failures count against the address."""
        if self.name == "api":
            return int(settings.LOGIN_FAILURES_PER_ADDRESS)
        return int(settings.LOGIN_FAILURES_PER_ACCOUNT)

    def knock(self, secret: str, forged: str = "") -> HttpResponse:
        # A forged X-Forwarded-For never gives a fresh address: REMOTE_ADDR is the address.
        http = HttpClient(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged or "10.0.0.1")
        email = self.member.user.email
        if self.name == "app":
            return http.post("/login/", {"email": email, "password": secret})
        if self.name == "admin":
            return http.post("/admin/login/", {"username": email, "password": secret})
        return http.get("/api/touch-kinds", HTTP_AUTHORIZATION=f"Bearer {secret}")

    def let_in(self, response: HttpResponse) -> bool:
        if self.name == "api":
            return response.status_code == 200
        return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session

    def said(self, response: HttpResponse) -> str:
        if self.name == "api":
            return str(response.json()["detail"])
        return response.content.decode()


@pytest.mark.parametrize("way", ["app", "admin", "api"])
def test_the_same_walk_through_every_door(way: str, owner: Member, clock: Traveller) -> None:
    door = Door(way, owner)
    assert door.let_in(door.knock(door.right))  # the door opens at first
    for attempt in range(door.limit):
        wrong = door.knock("rap_wrong-secret" if way == "api" else "wrong", f"192.0.2.{attempt}")
        assert wrong.status_code in (200, 401) and not door.let_in(wrong)
    clock.shift(timedelta(minutes=1))
    refused = door.knock(door.right, forged="192.0.2.200")
    assert refused.status_code == 429 and not door.let_in(refused)
    assert "Too many failed attempts. Wait 14 minutes and try again" in door.said(refused)
    assert refused["Retry-After"] == str(14 * 60)
    clock.shift(timedelta(minutes=13, seconds=30))
    refused = door.knock(door.right)
    assert refused.status_code == 429 and "Wait 1 minute and try again" in door.said(refused)
    assert refused["Retry-After"] == "30"
    clock.shift(timedelta(seconds=30))
    assert door.let_in(door.knock(door.right))  # the window has passed


def test_a_refused_try_is_not_checked_nor_counted(owner: Member) -> None:
    for _ in range(5):
        login(HttpClient(), "owner@a.example", "wrong")
    assert LoginFailure.objects.count() == 5
    with patch("django.contrib.auth.backends.ModelBackend.authenticate") as check:
        assert login(HttpClient(), "owner@a.example", PASSWORD).status_code == 429
        assert authenticate(None, username="owner@a.example", password=PASSWORD) is None
        assert (
            async_to_sync(aauthenticate)(None, username="owner@a.example", password=PASSWORD)
            is None
        )
    check.assert_not_called()
    assert LoginFailure.objects.count() == 5


def test_wrong_tokens_from_one_address_do_not_lock_other_addresses(owner: Member) -> None:
    _, key = token_create(member=owner, name="script")
    with override_settings(LOGIN_FAILURES_PER_ADDRESS=3):
        for _ in range(3):
            wrong = HttpClient(REMOTE_ADDR="10.6.6.6").get(
                "/api/touch-kinds", HTTP_AUTHORIZATION="Bearer rap_wrong"
            )
            assert wrong.status_code == 401
        right = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        assert (
            HttpClient(REMOTE_ADDR="10.6.6.6").get("/api/touch-kinds", **right).status_code == 429
        )
        assert (
            HttpClient(REMOTE_ADDR="10.7.7.7").get("/api/touch-kinds", **right).status_code == 200
        )
        # and wrong passwords from that address count with its wrong tokens
        assert (
            login(HttpClient(), "owner@a.example", PASSWORD, address="10.6.6.6").status_code == 429
        )
    # A right token writes nothing: reading through the API stays a read.
    assert LoginFailure.objects.filter(address="10.7.7.7").count() == 0


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
    assert "“Mars/Olympus” is not a time zone on the list" in nowhere.content.decode()
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
