"""The pages a client reaches from a link: the practice's, speaking to the client; an .ics of
their appointment; and "none of these times work", which reaches the provider's Today."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import time_machine
from django.test import Client as HttpClient
from icalendar import Calendar

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment, AppointmentStatus, ClientChoice
from rapport.appointments.services import appointment_finish
from rapport.clients.models import Client
from rapport.desk.today.agenda import agenda_build
from rapport.messaging.unsubscribe import unsubscribe_link
from rapport.practices.models import Member
from rapport.timeline.models import Direction, Interaction, InteractionKind
from tests.appointments.conftest import appointment_items
from tests.conftest import NOW

VALUES = "Unhurried, honest, on your side."


def _with_values(owner: Member) -> None:
    owner.practice.core_values = VALUES
    owner.practice.save()


def _link(appointment: Appointment) -> str:
    return f"/r/{reschedule_token(appointment)}/"


def test_the_reschedule_page_is_the_practices_and_speaks_to_the_client(
    session: Appointment, owner: Member
) -> None:
    _with_values(owner)
    page = HttpClient().get(_link(session)).content.decode()
    assert "Harbour Lane" in page and VALUES in page
    assert "Rapport" not in page  # not the brand, not the title, not the footer
    assert "without you" not in page and 'href="/clients/' not in page  # no member navigation
    assert "None of these times work" in page and "Add to my calendar" in page


def test_the_unsubscribe_page_is_the_practices_too(session: Appointment, owner: Member) -> None:
    _with_values(owner)
    path = urlsplit(unsubscribe_link(session.client)).path
    page = HttpClient().get(path).content.decode()
    assert "Harbour Lane" in page and VALUES in page and "Rapport" not in page
    broken = HttpClient().get("/u/not-a-token/")
    assert broken.status_code == 404 and "This link does not work" in broken.content.decode()
    assert "Harbour Lane" not in broken.content.decode()


def test_add_to_my_calendar_is_one_event_on_the_clients_clock(
    session: Appointment, maya: Client
) -> None:
    maya.time_zone = "America/New_York"
    maya.save()
    token = reschedule_token(session)
    response = HttpClient().get(f"/r/{token}/appointment.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == session.uid
    assert str(event["SUMMARY"]) == "Appointment with Ada Owner, Harbour Lane"
    assert str(event["LOCATION"]) == "Room 2, 14 Harbour Lane"
    start = event.decoded("DTSTART")
    assert start == session.starts_at and str(start.tzinfo) == "America/New_York"
    assert start.hour == 5  # 10:00 in London is 05:00 in New York in November
    assert event.decoded("DTEND") - start == timedelta(hours=1)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert b"divorce" not in response.content  # the private notes never leave


def test_the_calendar_file_follows_the_link_and_the_appointment(
    session: Appointment, clock: time_machine.Coordinates
) -> None:
    token = reschedule_token(session)
    HttpClient().post(f"/r/{token}/", {"choice": "keep"})
    # A used link still reads the appointment: only changing it needs a new link.
    assert HttpClient().get(f"/r/{token}/appointment.ics").status_code == 200
    appointment_finish(
        appointment=Appointment.objects.get(pk=session.pk), status=AppointmentStatus.CANCELLED
    )
    over = HttpClient().get(f"/r/{token}/appointment.ics")
    assert over.status_code == 404 and "no longer on" in over.content.decode()
    assert HttpClient().get("/r/nonsense/appointment.ics").status_code == 404
    clock.move_to(NOW + timedelta(days=4))
    assert HttpClient().get(f"/r/{token}/appointment.ics").status_code == 404


def test_none_of_these_times_work_reaches_the_provider(
    session: Appointment, maya: Client, owner: Member, owner_http: HttpClient
) -> None:
    words = "Evenings after 6? <script>alert(1)</script>"
    url = _link(session)
    answered = HttpClient().post(url, {"choice": "none", "message": words})
    text = answered.content.decode()
    assert answered.status_code == 200 and "will be in touch" in text
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text
    session.refresh_from_db()
    assert session.client_choice == ClientChoice.OTHER and session.client_message == words
    assert session.starts_at == NOW.replace(hour=10)  # the time holds until they agree another
    message = Interaction.objects.get(client=maya, kind=InteractionKind.MESSAGE)
    assert message.direction == Direction.INBOUND and message.client_words == words

    today = agenda_build(owner.practice)
    waiting = today.section("reply").items
    assert [item.client.pk for item in waiting] == [maya.pk]
    assert "Maya is waiting for your answer" in waiting[0].headline
    # Not worded as a change of time: it is a message, not a choice of time.
    assert appointment_items(owner.practice, "changed") == []

    day = owner_http.get("/calendar/?day=2026-11-24").content.decode()
    assert "None of the times you offered work for them" in day
    assert "Evenings after 6? &lt;script&gt;" in day and "<script>alert" not in day
    assert f"/clients/{maya.pk}/compose/" in day

    again = HttpClient().post(url, {"choice": "keep"})
    assert "You have already answered" in again.content.decode()
    session.refresh_from_db()
    assert session.client_choice == ClientChoice.OTHER


def test_none_of_these_times_work_without_words_is_an_answer_too(
    session: Appointment, owner: Member
) -> None:
    response = HttpClient().post(_link(session), {"choice": "none"})
    assert response.status_code == 200
    session.refresh_from_db()
    assert session.client_choice == ClientChoice.OTHER and session.client_message == ""
    assert [item.client.pk for item in agenda_build(owner.practice).section("reply").items] == [
        session.client_id
    ]


def test_a_long_or_broken_message_is_refused_with_nothing_saved(
    session: Appointment, maya: Client
) -> None:
    url = _link(session)
    for words, said in [("x" * 501, "under 500 characters"), ("a\x00b", "Null characters")]:
        response = HttpClient().post(url, {"choice": "none", "message": words})
        assert response.status_code == 400
        assert said in response.content.decode()
    session.refresh_from_db()
    assert session.client_choice == "" and session.client_message == ""
    assert not Interaction.objects.filter(client=maya, kind=InteractionKind.MESSAGE).exists()
