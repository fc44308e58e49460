"""The reschedule link in a late notice: a short path, a random token, and only its hash kept.

Single use, expiry and revocation are tested through the client's page in test_running_late.py;
these tests pin the form of the link and what the database holds.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client as HttpClient

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment
from rapport.appointments.services import late_draft
from rapport.links.models import ClientLink, LinkPurpose
from rapport.practices.models import Member
from tests.conftest import NOW

LINK = re.compile(r"https?://\S+/r/[^/\s]+/")
# Half an hour before the 10:00 session: running late is offered from an hour before.
DRAFTED = NOW.replace(hour=9, minute=30)


@pytest.fixture
def due(session: Appointment, clock: time_machine.Coordinates) -> Appointment:
    clock.move_to(DRAFTED)
    return session


def _late_link(appointment: Appointment, member: Member) -> str:
    draft = late_draft(appointment=appointment, minutes=15, member=member)
    found = LINK.search(draft.body)
    assert found is not None, draft.body
    return found.group(0)


def _database() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_the_late_notice_link_is_short_and_unguessable(due: Appointment, owner: Member) -> None:
    link = _late_link(due, owner)
    path = urlsplit(link).path
    assert len(path) <= 40, path
    token = path.removeprefix("/r/").removesuffix("/")
    assert re.fullmatch(r"[A-Za-z0-9_-]{22,}", token)  # 22 base64 characters: 132 bits
    assert _late_link(due, owner) != link  # random, not derived from the appointment


def test_only_the_hash_of_the_token_is_stored(due: Appointment, owner: Member) -> None:
    token = urlsplit(_late_link(due, owner)).path.split("/")[2]
    stored = ClientLink.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (stored.purpose, stored.target_id, stored.client_id) == (
        LinkPurpose.RESCHEDULE,
        due.pk,
        due.client_id,
    )
    everything = _database()
    assert token not in everything and stored.token_hash in everything


def test_the_link_from_a_draft_opens_the_page_and_expires_after_three_days(
    due: Appointment, owner: Member, clock: time_machine.Coordinates
) -> None:
    path = urlsplit(_late_link(due, owner)).path
    assert HttpClient().get(path).status_code == 200
    clock.move_to(DRAFTED + timedelta(days=3) - timedelta(seconds=1))
    assert HttpClient().get(path).status_code == 200
    clock.move_to(DRAFTED + timedelta(days=3, seconds=1))
    expired = HttpClient().get(path)
    assert expired.status_code == 404 and "This link has expired" in expired.content.decode()


def test_a_link_is_for_its_own_purpose_only(session: Appointment) -> None:
    token = reschedule_token(session)
    response = HttpClient().get(f"/u/{token}/")
    assert response.status_code == 404 and "This link does not work" in response.content.decode()
    assert HttpClient().post(f"/u/{token}/").status_code == 404
    session.client.refresh_from_db()
    assert not session.client.messages_opt_out


def test_a_link_to_a_deleted_appointment_is_a_kind_404(session: Appointment) -> None:
    token = reschedule_token(session)
    session.delete()
    response = HttpClient().get(f"/r/{token}/")
    assert response.status_code == 404 and "This link does not work" in response.content.decode()
