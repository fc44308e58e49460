"""Running late: the apology on the client's clock, approved in the composer; past ten
minutes, a private link the client uses to keep the time or choose another."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import time_machine
from django.core import signing
from django.test import Client as HttpClient

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.rescheduling import reschedule_options
from rapport.appointments.services import appointment_finish
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.appointments.conftest import appointment_items, book
from tests.conftest import NOW
from tests.messaging.conftest import MailServer, send_after_undo_window

LINK = re.compile(r"https?://\S+/r/[^/\s]+/")


def _draft(http: HttpClient, appointment: Appointment, minutes: int) -> str:
    response = http.post(f"/appointments/{appointment.pk}/late/", {"minutes": minutes})
    assert response.status_code == 302
    page = http.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode()


def _approve(http: HttpClient, appointment: Appointment, page: str, minutes: int) -> None:
    subject = re.search(r'name="subject"[^>]*value="([^"]*)"', page)
    body = re.search(r'<textarea name="body"[^>]*>\n?(.*?)</textarea>', page, re.S)
    assert subject and body
    response = http.post(
        f"/appointments/{appointment.pk}/message/",
        {
            "channel": "email",
            "to_address": "maya@example.org",
            "subject": subject.group(1),
            "body": body.group(1).replace("&#x27;", "'").replace("&amp;", "&"),
            "essential": "on",
            "late": minutes,
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]


def test_a_few_minutes_late_is_an_apology_on_the_clients_clock(
    session: Appointment, maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NOW.replace(hour=9, minute=50))  # running late is told near the time
    maya.time_zone = "America/New_York"
    maya.save()
    page = _draft(owner_http, session, 5)
    assert "running about 5 minutes late" in page
    assert "05:05 New York time" in page  # 10:05 in London
    assert "/r/" not in page and "Running a little late" in page
    _approve(owner_http, session, page, 5)
    session.refresh_from_db()
    assert (session.late_minutes, session.late_notices) == (5, 1)
    message = OutboxMessage.objects.get(client=maya)
    assert message.essential and "05:05 New York time" in message.body


def test_more_than_ten_minutes_late_offers_the_client_another_time(
    session: Appointment,
    maya: Client,
    owner: Member,
    owner_http: HttpClient,
    mail_server: MailServer,
    clock: time_machine.Coordinates,
) -> None:
    other = book(maya, owner, hour=14)  # the member's own later booking is not offered
    clock.move_to(NOW.replace(hour=9, minute=50))
    page = _draft(owner_http, session, 15)
    assert "10:15" in page and LINK.search(page)
    _approve(owner_http, session, page, 15)
    assert send_after_undo_window() == 1
    link = LINK.search(mail_server.received[0].get_content())
    assert link is not None

    visitor = HttpClient()
    shown = visitor.get(link.group(0))
    text = shown.content.decode()
    assert shown.status_code == 200
    assert "Room 2, 14 Harbour Lane" in text and "Tuesday 24 November, 10:00" in text
    assert "divorce" not in text and "Maya Patel" not in text  # no notes; nothing to find
    options = reschedule_options(appointment=session)
    assert options and all(
        not (slot < other.ends_at and slot + timedelta(hours=1) > other.starts_at)
        for slot in options
    )
    choice = options[0]
    moved = visitor.post(link.group(0), {"choice": choice.isoformat()})
    assert moved.status_code == 200 and "Your appointment is now" in moved.content.decode()
    session.refresh_from_db()
    assert (session.starts_at, session.ends_at - session.starts_at) == (choice, timedelta(hours=1))
    assert session.client_choice == "moved" and session.sequence == 1
    note = Interaction.objects.filter(client=maya, kind="note").first()
    assert note is not None and "instead of Tuesday 24 November, 10:00" in note.summary
    changed = appointment_items(owner.practice, "changed")
    assert [item.object_id for item in changed] == [session.pk]
    assert changed[0].headline.startswith("Maya chose ") and "instead" in changed[0].headline

    again = visitor.post(link.group(0), {"choice": "keep"})
    assert "You have already answered" in again.content.decode()
    session.refresh_from_db()
    assert session.starts_at == choice


def test_keeping_the_time_is_an_answer_too(
    session: Appointment, owner: Member, clock: time_machine.Coordinates
) -> None:
    url = f"/r/{reschedule_token(session)}/"
    response = HttpClient().post(url, {"choice": "keep"})
    assert "Your appointment stays as it was" in response.content.decode()
    session.refresh_from_db()
    assert session.client_choice == "kept" and session.starts_at == NOW.replace(hour=10)
    item = appointment_items(owner.practice, "changed")[0]
    assert item.headline == "Maya kept the original time, Tue 24 Nov 10:00"


def test_only_an_offered_time_can_be_chosen(
    session: Appointment, clock: time_machine.Coordinates
) -> None:
    url = f"/r/{reschedule_token(session)}/"
    for choice in ["2026-11-29T03:00:00+00:00", "not a time", ""]:  # a Sunday night; nonsense
        response = HttpClient().post(url, {"choice": choice})
        assert response.status_code == 400
        assert "choose" in response.content.decode().lower()
    session.refresh_from_db()
    assert session.client_choice == "" and session.starts_at == NOW.replace(hour=10)


def test_tampered_foreign_and_expired_links_are_kind_404s(
    session: Appointment, clock: time_machine.Coordinates
) -> None:
    token = reschedule_token(session)
    visitor = HttpClient()
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    unsubscribe_salted = signing.dumps([session.pk, session.link_nonce], salt="other")
    for bad in [tampered, unsubscribe_salted, "1", "x" * 300]:
        response = visitor.get(f"/r/{bad}/")
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        assert "Harbour Lane" not in response.content.decode()
    clock.move_to(NOW + timedelta(days=3, minutes=1))
    expired = visitor.get(f"/r/{token}/")
    assert expired.status_code == 404 and "This link has expired" in expired.content.decode()
    assert visitor.post(f"/r/{token}/", {"choice": "keep"}).status_code == 404
    session.refresh_from_db()
    assert session.client_choice == ""


def test_a_link_for_a_cancelled_or_moved_appointment_says_so(
    session: Appointment, owner: Member, owner_http: HttpClient
) -> None:
    token = reschedule_token(session)
    owner_http.post(
        f"/appointments/{session.pk}/",
        {
            "client": session.client_id,
            "member": owner.pk,
            "starts_at": "2026-11-26T11:00",
            "length": 60,
        },
    )
    moved = HttpClient().post(f"/r/{token}/", {"choice": "keep"})
    assert "This appointment has changed" in moved.content.decode()
    fresh = reschedule_token(Appointment.objects.get(pk=session.pk))
    appointment_finish(
        appointment=Appointment.objects.get(pk=session.pk), status=AppointmentStatus.CANCELLED
    )
    cancelled = HttpClient().get(f"/r/{fresh}/")
    assert "This appointment was cancelled" in cancelled.content.decode()


def test_late_notices_for_a_finished_appointment_or_absurd_delays_are_refused(
    session: Appointment, owner_http: HttpClient, settings: Any
) -> None:
    for minutes in ["0", "-5", "999", "soon"]:
        response = owner_http.post(
            f"/appointments/{session.pk}/late/", {"minutes": minutes}, follow=True
        )
        assert "Say how many minutes late" in response.content.decode()
    appointment_finish(appointment=session, status=AppointmentStatus.CANCELLED)
    response = owner_http.post(f"/appointments/{session.pk}/late/", {"minutes": 5}, follow=True)
    assert "there is no one to tell" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_the_client_sees_their_own_clock(
    session: Appointment, maya: Client, clock: time_machine.Coordinates
) -> None:
    maya.time_zone = "America/New_York"
    maya.save()
    page = HttpClient().get(f"/r/{reschedule_token(session)}/").content.decode()
    assert "Tuesday 24 November, 05:00" in page and "Times are in America/New_York" in page
    first = reschedule_options(appointment=session)[0].astimezone(maya.zone)
    assert f"{first:%A} {first.day} {first:%B}, {first:%H:%M}" in page
