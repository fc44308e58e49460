"""Every surface reports the same last contact for each client, over random histories.

Histories are built through the real services: interactions logged by hand, emails approved and
then sent, refused, in doubt or still waiting, and appointments completed, missed or cancelled.
The expected last contact is worked out here from the definition of contact, not read from the
code, then compared with the client page, the client list, the API, Today on the web, the API's
/today and `rapport today --json`.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import datetime, timedelta

import time_machine
from django.test import Client as HttpClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from rapport.api.services import token_create
from rapport.appointments.services import appointment_create, appointment_finish
from rapport.cli import main
from rapport.clients.models import CheckinConsent, Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.lib import humanize
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import PermanentFailure, outbox_record, outbox_send_due
from rapport.messaging.services import message_approve
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from rapport.timeline.services import interaction_create
from tests.conftest import NOW, PASSWORD

HOURS = st.integers(min_value=1, max_value=24 * 120)
EVENT = st.one_of(
    st.tuples(
        st.just("log"),
        st.sampled_from(["call", "meeting", "visit", "email", "message", "note"]),
        st.sampled_from(["inbound", "outbound"]),
        HOURS,
    ),
    st.tuples(st.just("email"), st.sampled_from(["sent", "refused", "unsure", "waiting"]), HOURS),
    st.tuples(
        st.just("appointment"), st.sampled_from(["completed", "no_show", "cancelled"]), HOURS
    ),
)
HISTORY = st.lists(EVENT, max_size=6)


def _play(member: Member, client: Client, event: tuple[object, ...]) -> datetime | None:
    """Plays one event through the services; returns when it made contact, if it did."""
    what, outcome = event[0], event[1]
    at = NOW - timedelta(hours=int(event[-1]))  # type: ignore[call-overload]
    if what == "log":
        kind, direction = str(outcome), str(event[2])
        interaction_create(
            client=client,
            kind=kind,
            direction="none" if kind == "note" else direction,
            occurred_at=at,
            summary="Talked.",
        )
        return None if kind == "note" else at
    if what == "email":
        with time_machine.travel(at, tick=False) as clock:
            approved = message_approve(
                client=client,
                member=member,
                channel="email",
                subject="Notes",
                body=f"Hi {client.display_name},\n\nNotes below.\n\nAda",
                to_address="c@example.org",
            )
            message = approved.outbox
            assert message is not None
            clock.shift(timedelta(seconds=member.practice.undo_seconds))
            if outcome == "sent":
                assert outbox_send_due() == 1
                return at + timedelta(seconds=member.practice.undo_seconds)
            if outcome == "refused":
                outbox_record(message, timezone_now(), PermanentFailure("550"))
            elif outcome == "unsure":
                OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.UNSURE)
            else:  # waiting: a temporary failure, to be tried again after NOW
                OutboxMessage.objects.filter(pk=message.pk).update(
                    attempts=1, next_attempt_at=NOW + timedelta(hours=1)
                )
        return None
    appointment = appointment_create(
        client=client, member=member, starts_at=at, ends_at=at + timedelta(minutes=50)
    )
    appointment_finish(appointment=appointment, status=str(outcome))
    return at if outcome == "completed" else None


def timezone_now() -> datetime:
    from django.utils import timezone

    return timezone.now()


def _time_after(label: str, html: str) -> datetime | None:
    match = re.search(re.escape(label) + r'\s*<time datetime="([^"]+)">([^<]+)</time>', html)
    return datetime.fromisoformat(match.group(1)) if match else None


class LastContactEverywhere(TestCase):
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(histories=st.lists(HISTORY, min_size=1, max_size=3))
    def test_every_surface_agrees(self, histories: list[list[tuple[object, ...]]]) -> None:
        with time_machine.travel(NOW, tick=False):
            owner = practice_create(
                name="Harbour Lane", owner_email="o@a.example", owner_name="Ada", password=PASSWORD
            )
            expected: dict[int, datetime | None] = {}
            for number, history in enumerate(histories):
                client = client_create(
                    practice=owner.practice,
                    full_name=f"Client Number{number}",
                    checkin_consent=CheckinConsent.YES,
                    rhythm_days=7,
                    client_since=(NOW - timedelta(days=200)).date(),
                    contact_points=[ContactPointInput(ContactKind.EMAIL, "c@example.org")],
                )
                in_order = sorted(history, key=lambda event: -int(event[-1]))  # type: ignore[call-overload]
                moments = [_play(owner, client, event) for event in in_order]
                expected[client.pk] = max((m for m in moments if m), default=None)
            self._compare(owner, expected)

    def _compare(self, owner: Member, expected: dict[int, datetime | None]) -> None:
        zone = owner.practice.zone
        http = HttpClient()
        http.force_login(owner.user)
        _, key = token_create(member=owner, name="test")
        api = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
        listing = http.get("/clients/").content.decode()
        today_page = http.get("/").content.decode()
        api_today = http.get("/api/today", **api).json()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["today", "--json"]) == 0
        cli_today = json.loads(out.getvalue())
        assert cli_today == api_today
        for client_id, last in expected.items():
            client = Client.objects.get(pk=client_id)
            assert client.last_contact_at == last
            detail = http.get(f"/api/clients/{client_id}", **api).json()
            assert (
                detail["last_contact_at"]
                and datetime.fromisoformat(detail["last_contact_at"].replace("Z", "+00:00"))
            ) == (last or None)
            page = http.get(f"/clients/{client_id}/").content.decode()
            assert _time_after("last contact", page) == last
            row = listing.split(f'value="{client_id}"', 1)[1].split("</tr>", 1)[0]
            assert _time_after("", row) == last
            if last is None:
                assert "never" in row
                continue
            phrase = humanize.days_ago_phrase(humanize.calendar_days(last, NOW, zone))
            assert f">{phrase}</time>" in row
            said = [
                item["detail"] + " " + item["headline"]
                for section in api_today["sections"]
                for item in section["items"]
                if item["client_id"] == client_id and "last contact" in item["detail"]
            ]
            for sentence in said:
                assert f"last contact {phrase}" in sentence, (sentence, phrase)
                assert f"last contact {phrase}" in today_page
