"""Cancel asks first and offers to tell the client; Running late and Starting now only near the
time; a moved appointment forgets its late notice; a client's answer is worded from their
choice (issue 11, observation 7)."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.test import Client as HttpClient

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.rescheduling import reschedule_options
from rapport.appointments.services import appointment_start, late_notice_record
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction, InteractionKind
from tests.appointments.conftest import appointment_items, book
from tests.conftest import NOW


def _day(http: HttpClient, day: str = "2026-11-24") -> str:
    return http.get("/calendar/", {"day": day}).content.decode()


def _card(page: str, appointment: Appointment) -> str:
    """The day view's entry for one appointment."""
    found = re.search(rf'<li[^>]*id="appointment-{appointment.pk}".*?</li>', page, re.S)
    assert found is not None
    return found.group(0)


def test_cancel_asks_first_and_offers_to_tell_the_client(
    session: Appointment, maya: Client, owner_http: HttpClient
) -> None:
    card = _card(_day(owner_http), session)
    assert f'href="/appointments/{session.pk}/cancel/"' in card
    assert 'value="cancelled"' not in card  # no one-click cancel any more
    # An old one-click form posting straight to the status URL is asked to confirm too.
    old = owner_http.post(f"/appointments/{session.pk}/status/", {"action": "cancelled"})
    assert old.status_code == 302 and old["Location"] == f"/appointments/{session.pk}/cancel/"
    session.refresh_from_db()
    assert session.status == AppointmentStatus.SCHEDULED

    page = owner_http.get(f"/appointments/{session.pk}/cancel/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Cancel Maya\u2019s appointment?" in text and "Tuesday 24 November, 10:00" in text
    assert re.search(r'<input type="checkbox" name="tell"[^>]*checked', text)
    assert "Write to Maya next" in text and "Keep the appointment" in text

    response = owner_http.post(f"/appointments/{session.pk}/cancel/", {"tell": "on"})
    assert response.status_code == 302
    assert response["Location"] == f"/appointments/{session.pk}/message/?cancelled=1"
    session.refresh_from_db()
    assert session.status == AppointmentStatus.CANCELLED
    assert Interaction.objects.filter(
        client=maya, kind=InteractionKind.NOTE, summary__contains="cancelled"
    ).exists()
    draft = owner_http.get(response["Location"]).content.decode()
    assert "Our appointment on Tuesday 24 November, 10:00 is cancelled" in draft
    assert "reply and we&#x27;ll find another time" in draft
    assert re.search(r'name="essential"[^>]*checked', draft)  # about an appointment
    approved = owner_http.post(
        f"/appointments/{session.pk}/message/",
        {
            "channel": "email",
            "to_address": "maya@example.org",
            "subject": "Our appointment on Tuesday 24 November, 10:00 is cancelled",
            "body": "Hi Maya,\n\nOur appointment on Tuesday 24 November, 10:00 is cancelled. "
            "If you'd like another time, reply and we'll find one.\n\nAda",
            "essential": "on",
            "cancelled": "True",
        },
    )
    assert approved.status_code == 302
    assert OutboxMessage.objects.get(client=maya).essential

    again = owner_http.get(f"/appointments/{session.pk}/cancel/", follow=True)
    assert "already cancelled" in again.content.decode()


def test_cancelling_without_telling_them_and_keeping_it(
    session: Appointment, owner_http: HttpClient
) -> None:
    kept = owner_http.get(f"/appointments/{session.pk}/cancel/").content.decode()
    assert re.search(r'<a href="/calendar/\?day=2026-11-24&amp;member=\d+"[^>]*>Keep', kept)
    response = owner_http.post(f"/appointments/{session.pk}/cancel/", {}, follow=True)
    session.refresh_from_db()
    assert session.status == AppointmentStatus.CANCELLED
    assert (
        "Cancelled the appointment with Maya. They have not been told." in response.content.decode()
    )
    assert not OutboxMessage.objects.exists()


def test_a_cancelled_draft_is_refused_for_an_appointment_that_is_not_cancelled(
    session: Appointment, maya: Client, owner_http: HttpClient
) -> None:
    response = owner_http.get(f"/appointments/{session.pk}/message/", {"cancelled": 1}, follow=True)
    assert "is not cancelled" in response.content.decode()


def test_the_cancel_page_is_for_the_practice_only(
    session: Appointment, staff_http: HttpClient, outsider_http: HttpClient
) -> None:
    assert outsider_http.get(f"/appointments/{session.pk}/cancel/").status_code == 404
    assert outsider_http.post(f"/appointments/{session.pk}/cancel/").status_code == 404
    assert staff_http.get(f"/appointments/{session.pk}/cancel/").status_code == 200


def test_running_late_and_starting_now_only_from_an_hour_before_until_the_end(
    session: Appointment,
    maya: Client,
    owner: Member,
    owner_http: HttpClient,
    clock: time_machine.Coordinates,
) -> None:
    tomorrow = book(maya, owner, hour=9)
    tomorrow.starts_at += timedelta(days=1)
    tomorrow.ends_at += timedelta(days=1)
    tomorrow.save()
    for moment, offered in [
        (NOW.replace(hour=8, minute=59), False),  # 61 minutes before
        (NOW.replace(hour=9, minute=0), True),
        (NOW.replace(hour=10, minute=59), True),
        (NOW.replace(hour=11, minute=0), False),  # its end
    ]:
        clock.move_to(moment)
        card = _card(_day(owner_http), session)
        assert ("Running late by" in card) is offered, moment
        assert ("Starting now" in card) is offered, moment
        assert "Running late by" not in _card(_day(owner_http, "2026-11-25"), tomorrow)
        late = owner_http.post(f"/appointments/{session.pk}/late/", {"minutes": 5})
        assert (late.status_code == 302 and "/message/" in late["Location"]) is offered, moment
    clock.move_to(NOW.replace(hour=8))
    refused = owner_http.post(
        f"/appointments/{session.pk}/late/", {"minutes": 5}, follow=True
    ).content.decode()
    assert "from an hour before it starts" in refused
    composer = owner_http.get(
        f"/appointments/{session.pk}/message/", {"late": 5}, follow=True
    ).content.decode()
    assert "from an hour before it starts" in composer
    start = owner_http.post(
        f"/appointments/{tomorrow.pk}/status/", {"action": "start"}, follow=True
    ).content.decode()
    assert "from an hour before it starts" in start
    tomorrow.refresh_from_db()
    assert tomorrow.status == AppointmentStatus.SCHEDULED
    clock.move_to(NOW.replace(hour=9, minute=30))
    appointment_start(appointment=session)  # in its hour: fine


def test_moving_an_appointment_clears_its_late_notice(
    session: Appointment, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NOW.replace(hour=9, minute=50))
    late_notice_record(appointment=session, minutes=15)
    assert "You told them you were running 15 minutes late" in _day(owner_http)
    owner_http.post(
        f"/appointments/{session.pk}/",
        {
            "client": session.client_id,
            "member": owner.pk,
            "starts_at": "2026-11-26T11:00",
            "length": 60,
            "place": session.place,
        },
    )
    session.refresh_from_db()
    assert session.late_minutes is None
    assert session.late_notices == 1  # the notice was sent: the punctuality mirror keeps it
    assert "running 15 minutes late" not in _day(owner_http, "2026-11-26")


def test_a_client_moving_through_the_link_clears_the_late_notice_and_is_worded_as_their_choice(
    session: Appointment, owner: Member, clock: time_machine.Coordinates
) -> None:
    clock.move_to(NOW.replace(hour=9, minute=50))
    late_notice_record(appointment=session, minutes=20)
    choice = reschedule_options(appointment=session)[0]
    HttpClient().post(f"/r/{reschedule_token(session)}/", {"choice": choice.isoformat()})
    session.refresh_from_db()
    assert session.starts_at == choice and session.late_minutes is None
    local = choice.astimezone(owner.zone)
    said = f"{local:%a} {local.day} {local:%b %H:%M}"  # "Wed 25 Nov 09:00"
    (item,) = appointment_items(owner.practice, "changed")
    assert item.headline == f"Maya chose {said} instead"
    assert item.detail == "Instead of Tue 24 Nov 10:00. They answered through your link today."
    note = Interaction.objects.filter(client=session.client, kind=InteractionKind.NOTE).first()
    assert note is not None
    assert note.summary.startswith("Chose Wednesday 25 November") or note.summary.startswith(
        f"Chose {local:%A} {local.day} {local:%B}"
    )
    assert "instead of Tuesday 24 November, 10:00" in note.summary


def test_a_client_keeping_the_time_is_worded_as_keeping_it(
    session: Appointment, owner: Member, clock: time_machine.Coordinates
) -> None:
    HttpClient().post(f"/r/{reschedule_token(session)}/", {"choice": "keep"})
    (item,) = appointment_items(owner.practice, "changed")
    assert item.headline == "Maya kept the original time, Tue 24 Nov 10:00"
    assert item.detail == "They answered through your link today."
