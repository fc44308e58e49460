"""“I'm not at my best today”: one action on Today drafts an honest note to each client still to
be seen today, with the running-late reschedule link; each is approved in the composer."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.conf import settings
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.appointments.honest_day import honest_draft
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_finish
from rapport.cli import main
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.checker import blocks_sending
from rapport.messaging.models import OutboxMessage
from rapport.messaging.services import message_check
from rapport.practices.models import Member
from tests.appointments.conftest import book
from tests.conftest import NOW
from tests.messaging.conftest import MailServer, send_after_undo_window

LINK = re.compile(r"https?://\S+/r/[^/\s]+/")
WRITE = re.compile(r'href="(/appointments/\d+/message/\?not_at_my_best=1)"')


def _client(owner: Member, name: str, email: str) -> Client:
    return client_create(
        practice=owner.practice,
        full_name=name,
        preferred_name=name.split()[0],
        contact_points=[ContactPointInput(ContactKind.EMAIL, email)],
    )


def _approve(http: HttpClient, url: str, to: str) -> None:
    page = http.get(url).content.decode()
    subject = re.search(r'name="subject"[^>]*value="([^"]*)"', page)
    body = re.search(r'<textarea name="body"[^>]*>\n?(.*?)</textarea>', page, re.S)
    assert subject and body, page[-2000:]
    posted = {
        "channel": "email",
        "to_address": to,
        "subject": subject.group(1),
        "body": body.group(1).replace("&#x27;", "'").replace("&amp;", "&"),
        "essential": "on",
        "not_at_my_best": "True",
    }
    response = http.post(url.split("?")[0], posted)
    assert response.status_code == 302, response.content.decode()[-3000:]


def test_one_action_drafts_a_note_for_each_client_still_to_come_and_each_is_approved(
    maya: Client,
    owner: Member,
    staff: Member,
    owner_http: HttpClient,
    mail_server: MailServer,
    clock: time_machine.Coordinates,
) -> None:
    clock.move_to(NOW.replace(hour=9))
    ben = _client(owner, "Ben Okafor", "ben@example.org")
    cleo = _client(owner, "Cleo Hart", "cleo@example.org")
    book(maya, owner, hour=8)  # began an hour ago: too late to tell
    first, second = book(maya, owner, hour=11), book(ben, owner, hour=15)
    cancelled = book(cleo, owner, hour=13)
    appointment_finish(appointment=cancelled, status=AppointmentStatus.CANCELLED)
    book(cleo, staff, hour=12)  # a colleague's client: theirs to tell
    tomorrow = book(cleo, owner, hour=10)  # moved to tomorrow: not today's to tell
    Appointment.objects.filter(pk=tomorrow.pk).update(
        starts_at=NOW.replace(day=25, hour=10), ends_at=NOW.replace(day=25, hour=11)
    )

    today = owner_http.get(reverse("home")).content.decode()
    # On Today, the link's words leave "Today" to the page's own link, for finding by name.
    assert f'href="{reverse("not_at_my_best")}"' in today and "I'm not at my best<" in today

    page = owner_http.get(reverse("not_at_my_best")).content.decode()
    urls = WRITE.findall(page)
    assert urls == [
        f"/appointments/{first.pk}/message/?not_at_my_best=1",
        f"/appointments/{second.pk}/message/?not_at_my_best=1",
    ]
    start = page.index('class="honest-notes"')
    listed = page[start : page.index("</ul>", start)]
    assert "Maya" in listed and "Ben" in listed and "Cleo" not in listed
    assert "2 notes still to write" in page

    composer = owner_http.get(urls[1]).content.decode()
    assert "not at my best today" in composer and LINK.search(composer)
    assert not OutboxMessage.objects.exists()  # drafted, not sent: nothing goes unapproved

    _approve(owner_http, urls[1], "ben@example.org")
    page = owner_http.get(reverse("not_at_my_best")).content.decode()
    assert "1 note still to write" in page and "note approved" in page
    second.refresh_from_db()
    assert second.honest_note_message is not None

    assert send_after_undo_window() == 1
    sent = mail_server.received[0]
    assert sent["To"] == "Ben Okafor <ben@example.org>"
    text = sent.get_content()
    assert "I'm not at my best today" in text and "15:00 as planned" in text
    link = LINK.search(text)
    assert link is not None
    # The same private link as running late: the client keeps the time or picks another.
    shown = HttpClient().get(link.group(0))
    assert shown.status_code == 200 and "Your appointment" in shown.content.decode()


def test_the_note_is_honest_brief_and_passes_the_word_check(
    session: Appointment, owner: Member, maya: Client, clock: time_machine.Coordinates
) -> None:
    subject, body = honest_draft(appointment=session, member=owner)
    assert subject == "Our appointment today at 10:00"
    assert body.startswith("Hi Maya,") and "I'm not at my best today" in body
    assert not blocks_sending(message_check(client=maya, subject=subject, body=body))
    assert len(body.split()) < 80
    for over_sharing in ("ill", "sick", "unwell", "migraine", "health", "sorry to bother"):
        assert not re.search(rf"\b{over_sharing}\b", body, re.I), over_sharing


def test_a_day_with_no_appointments_left_says_so_kindly(
    owner_http: HttpClient, session: Appointment, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NOW.replace(hour=10, minute=30))  # the one appointment has begun
    page = owner_http.get(reverse("not_at_my_best")).content.decode()
    assert "No appointments left for you today" in page and "Be gentle with yourself" in page
    assert not WRITE.search(page)


def test_a_note_is_refused_for_an_appointment_not_still_to_come(
    owner_http: HttpClient, session: Appointment, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NOW.replace(hour=10, minute=5))
    response = owner_http.get(f"/appointments/{session.pk}/message/?not_at_my_best=1")
    assert response.status_code == 302
    followed = owner_http.get(response["Location"]).content.decode()
    assert "still to come" in followed


def test_another_practices_appointment_is_a_404(
    outsider_http: HttpClient, session: Appointment
) -> None:
    url = f"/appointments/{session.pk}/message/?not_at_my_best=1"
    assert outsider_http.get(url).status_code == 404
    page = outsider_http.get(reverse("not_at_my_best")).content.decode()
    assert "Maya" not in page


def test_the_command_line_lists_where_each_note_waits_for_approval(
    session: Appointment,
    owner: Member,
    clock: time_machine.Coordinates,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["not-at-my-best", "--member", owner.user.email]) == 0
    out = capsys.readouterr().out
    assert "nothing goes without you" in out
    url = f"{settings.RAPPORT_BASE_URL}/appointments/{session.pk}/message/?not_at_my_best=1"
    assert f"10:00  Maya  {url}" in out
    assert not OutboxMessage.objects.exists()
    clock.move_to(NOW.replace(hour=11))
    assert main(["not-at-my-best", "--member", owner.user.email]) == 0
    assert "No appointments left for you today" in capsys.readouterr().out
    assert main(["not-at-my-best", "--member", "nobody@example.org"]) == 2
