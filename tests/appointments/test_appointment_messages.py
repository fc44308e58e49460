"""Messages about an appointment: written in the composer on the appointment's own page,
approved and recorded in one transaction, and messaging never reaching back into appointments."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client as HttpClient

import rapport
from rapport.appointments import services
from rapport.appointments.models import Appointment, AppointmentMessage
from rapport.appointments.services import appointment_message_send
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.conftest import NOW

PACKAGE = Path(rapport.__file__).parent
LATE = {
    "channel": "email",
    "to_address": "maya@example.org",
    "subject": "Running a little late",
    "body": "Hi Maya,\n\nI'm running about 15 minutes late. See you at 10:15.\n\nAda",
    "essential": "on",
    "late": 15,
}


def _imports(path: Path) -> set[str]:
    """The modules a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_messaging_imports_nothing_from_appointments() -> None:
    modules = [path for path in (PACKAGE / "messaging").rglob("*.py")]
    assert len(modules) > 10  # the walk sees the app
    reaching_back = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules
        for name in _imports(path)
        if name == "rapport.appointments" or name.startswith("rapport.appointments.")
    }
    assert not reaching_back


def test_the_walk_would_see_an_import_of_appointments(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from rapport.appointments import services\n")
    assert "rapport.appointments.services" in _imports(sneaky)


@pytest.mark.parametrize("app", ["messaging", "appointments"])
def test_their_views_open_no_transaction(app: str) -> None:
    """One transaction per user action, opened by the service the view calls."""
    assert not {name for name in _imports(PACKAGE / app / "views.py") if "transaction" in name}


@pytest.fixture
def near(clock: time_machine.Coordinates) -> None:
    clock.move_to(NOW.replace(hour=9, minute=50))  # running late is told near the time


def test_a_failure_recording_the_late_notice_approves_nothing(
    session: Appointment, owner: Member, near: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services, "late_notice_record", broken)
    with pytest.raises(RuntimeError):
        appointment_message_send(
            appointment=session,
            member=owner,
            kind=AppointmentMessage.LATE,
            channel="email",
            subject=LATE["subject"],
            body=LATE["body"],
            to_address="maya@example.org",
            minutes=15,
        )
    assert not OutboxMessage.objects.exists()
    assert not Interaction.objects.filter(client=session.client, kind="email").exists()
    session.refresh_from_db()
    assert (session.late_minutes, session.late_notices) == (None, 0)


def test_a_refused_recording_shows_on_the_composer_and_nothing_goes(
    session: Appointment, owner_http: HttpClient, near: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**_: object) -> None:
        raise ValidationError("This appointment changed while you wrote.")

    monkeypatch.setattr(services, "late_notice_record", refused)
    response = owner_http.post(f"/appointments/{session.pk}/message/", LATE)
    assert response.status_code == 400
    assert "changed while you wrote" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_a_late_notice_is_approved_and_recorded_together(
    session: Appointment, maya: Client, owner_http: HttpClient, near: None
) -> None:
    response = owner_http.post(f"/appointments/{session.pk}/message/", LATE)
    message = OutboxMessage.objects.get(client=maya)
    assert response.status_code == 302
    assert response["Location"] == f"/clients/{maya.pk}/outbox/{message.pk}/"
    assert message.essential
    session.refresh_from_db()
    assert (session.late_minutes, session.late_notices) == (15, 1)


def test_a_late_notice_with_no_sensible_minutes_goes_nowhere(
    session: Appointment, owner_http: HttpClient, near: None
) -> None:
    response = owner_http.post(f"/appointments/{session.pk}/message/", LATE | {"late": 999})
    assert response.status_code == 400 and "between 1 and 240" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_a_post_that_does_not_say_which_message_goes_nowhere(
    session: Appointment, owner_http: HttpClient
) -> None:
    response = owner_http.post(
        f"/appointments/{session.pk}/message/", {k: v for k, v in LATE.items() if k != "late"}
    )
    assert response.status_code == 400 and "Open this from the appointment" in (
        response.content.decode()
    )
    assert not OutboxMessage.objects.exists()


def test_a_warning_needs_send_anyway_here_too(
    session: Appointment, owner_http: HttpClient, near: None
) -> None:
    url = f"/appointments/{session.pk}/message/?late=15"
    flagged = LATE | {"body": LATE["body"] + "\n\nSorry for any inconvenience, honey."}
    first = owner_http.post(url, flagged)
    page = first.content.decode()
    assert first.status_code == 200 and "Send anyway" in page
    assert 'name="late" value="15"' in page  # still a late notice on the second step
    acknowledged = re.search(r'name="acknowledged" value="([0-9a-f]+)"', page)
    assert acknowledged is not None
    assert not OutboxMessage.objects.exists()
    session.refresh_from_db()
    assert session.late_notices == 0
    sent = owner_http.post(url, flagged | {"acknowledged": acknowledged.group(1)})
    assert sent.status_code == 302 and OutboxMessage.objects.count() == 1
    session.refresh_from_db()
    assert session.late_notices == 1


def test_the_drafts_page_shows_what_it_is_about_and_keeps_the_hidden_fields(
    session: Appointment, owner_http: HttpClient, near: None
) -> None:
    page = owner_http.get(f"/appointments/{session.pk}/message/", {"late": 5}).content.decode()
    assert "About their appointment" in page
    assert 'name="late" value="5"' in page
    assert 'name="acknowledged"' not in page  # only "Send anyway" carries it, on a second step
    # Starting over from a template leaves the appointment for the ordinary composer.
    assert f'href="/clients/{session.client_id}/compose/?template=' in page
    reminder = owner_http.get(f"/appointments/{session.pk}/message/").content.decode()
    assert 'name="reminder" value="True"' in reminder and "A short reminder" in reminder


def test_another_practice_cannot_write_about_the_appointment(
    session: Appointment, outsider_http: HttpClient
) -> None:
    url = f"/appointments/{session.pk}/message/"
    assert outsider_http.get(url, {"late": 5}).status_code == 404
    assert outsider_http.post(url, LATE).status_code == 404
    assert not OutboxMessage.objects.exists()


def test_a_late_notice_taken_back_is_no_longer_told(
    session: Appointment, owner: Member, near: None
) -> None:
    """Undo on the email takes back what the appointment says was told (and counted)."""
    from rapport.messaging.outbox import outbox_undo

    approved = appointment_message_send(
        appointment=session,
        member=owner,
        kind=AppointmentMessage.LATE,
        channel="email",
        subject=str(LATE["subject"]),
        body=str(LATE["body"]),
        to_address="maya@example.org",
        minutes=15,
    )
    session.refresh_from_db()
    assert (session.late_minutes, session.late_notices) == (15, 1)
    assert approved.outbox is not None
    outbox_undo(message=approved.outbox)
    session.refresh_from_db()
    assert (session.late_minutes, session.late_notices) == (None, 0)
    assert session.late_notice_message is None
