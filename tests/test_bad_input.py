"""Input an attacker sent that once answered with a server error (issue 15): each is now a
clear refusal, and nothing is saved by the request that is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment
from rapport.appointments.services import appointment_create
from rapport.clients.models import Client
from rapport.portability.csvfiles import read_csv
from rapport.practices.commands import _practice_named
from rapport.practices.models import Member
from rapport.timeline.services import interaction_create
from rapport.touches.services import touch_plan
from tests.conftest import ClientFile
from tests.url_walk import pages

HUGE_ID = "9" * 20


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:30", "1899-12-31T10:00"])
def test_an_appointment_out_of_range_is_refused_and_not_saved(
    client_file: ClientFile, owner_http: HttpClient, when: str
) -> None:
    before = Appointment.objects.count()
    answer = owner_http.post(
        reverse("appointment_new"),
        {
            "client": client_file.client.pk,
            "member": client_file.appointment.member_id,
            "starts_at": when,
            "length": 60,
            "place": "",
            "video_link": "",
            "notes": "",
        },
    )
    assert answer.status_code == 400
    assert "Give a year between 1900 and 2200" in answer.content.decode()
    assert Appointment.objects.count() == before


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_client_since_out_of_range_is_refused(owner_http: HttpClient, day: str) -> None:
    answer = owner_http.post(
        reverse("client_new"),
        {
            "full_name": "Ana Lima",
            "status": "active",
            "closeness": "professional",
            "client_since": day,
            "contact-TOTAL_FORMS": 0,
            "contact-INITIAL_FORMS": 0,
        },
    )
    assert answer.status_code == 400
    assert "Give a year between 1900 and 2200" in answer.content.decode()
    assert not Client.objects.filter(full_name="Ana Lima").exists()


@pytest.mark.parametrize("wrong", [HUGE_ID, "²", "-1", "abc"])
def test_an_id_that_is_not_one_in_bulk_actions_is_refused(
    client_file: ClientFile, owner_http: HttpClient, wrong: str
) -> None:
    answer = owner_http.post(
        reverse("client_bulk"), {"action": "archive", "clients": [wrong, client_file.client.pk]}
    )
    assert answer.status_code == 302
    assert not Client.objects.filter(archived_at__isnull=False).exists()


@pytest.mark.parametrize("chosen", ["abc", "²", HUGE_ID, "-1", ""])
def test_placing_mail_on_a_client_that_is_not_one_is_refused(
    client_file: ClientFile, owner_http: HttpClient, chosen: str
) -> None:
    url = reverse("mail_triage_place", args=[client_file.mail.pk])
    answer = owner_http.post(url, {"action": "place", "client": chosen})
    assert answer.status_code in (302, 404)
    client_file.mail.refresh_from_db()
    assert client_file.mail.status == "triage"


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2026-13-01", "x" * 500, "²"])
def test_the_calendar_shows_today_for_a_day_it_cannot_show(
    owner_http: HttpClient, clock: object, day: str
) -> None:
    for name in ("calendar_day", "calendar_week"):
        answer = owner_http.get(reverse(name), {"day": day}, follow=True)
        assert answer.status_code == 200


@pytest.mark.parametrize("month", ["1-1", "0-1", "9999-12", "2026-13", "2026-11-1", "²-1"])
def test_reflection_shows_this_month_for_a_month_it_cannot_show(
    owner_http: HttpClient, clock: object, month: str
) -> None:
    answer = owner_http.get(reverse("reflection"), {"month": month})
    assert answer.status_code == 200


def test_a_20_digit_id_in_any_address_is_a_404(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    """The path's ids: Django's integer lookups treat a number no column holds as no row."""
    walked = [page for page in pages() if page.kwargs]
    assert len(walked) > 40
    for page in walked:
        url = reverse(page.name, kwargs=dict.fromkeys(page.kwargs, HUGE_ID))
        assert owner_http.get(url).status_code == 404, url
        assert owner_http.post(url).status_code == 404, url


@pytest.mark.parametrize(
    "start",
    [
        b"DTSTART:00010101T000000Z",
        b"DTSTART;TZID=Pacific/Kiritimati:00010101T000000",
        b"DTSTART;TZID=America/New_York:99991231T230000",
        b"DTSTART:18991231T100000Z",
    ],
)
def test_a_calendar_event_out_of_range_is_left_out(
    client_file: ClientFile, owner_http: HttpClient, clock: object, start: bytes
) -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:edge@example.org\r\n"
        + start
        + b"\r\nSUMMARY:Session\r\nATTENDEE:mailto:siobhan@example.org\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    upload = SimpleUploadedFile("edge.ics", data, content_type="text/calendar")
    preview = owner_http.post(reverse("calendar_import"), {"file": upload})
    assert preview.status_code == 302
    page = owner_http.get(preview["Location"]).content.decode()
    assert "not between 1900 and 2200" in page
    before = Appointment.objects.count()
    assert owner_http.post(preview["Location"], follow=True).status_code in (200, 400)
    assert Appointment.objects.count() == before


@pytest.mark.parametrize(
    "choice", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "x", "\x00"]
)
def test_a_reschedule_choice_that_is_not_a_time_is_asked_again(
    client_file: ClientFile, clock: object, choice: str
) -> None:
    """The public page behind a client's link: a forged choice is not a server error."""
    token = reschedule_token(client_file.appointment)
    answer = HttpClient().post(reverse("reschedule", args=[token]), {"choice": choice})
    assert answer.status_code == 400
    assert "Please choose one of the times below." in answer.content.decode()
    client_file.appointment.refresh_from_db()
    assert client_file.appointment.client_choice == ""


def test_the_services_refuse_a_date_out_of_range_whoever_calls_them(
    client_file: ClientFile, clock: object
) -> None:
    """Beneath the forms and the API: a command or an import calling a service directly."""
    year_one = datetime(1, 1, 1, tzinfo=UTC)
    client, member = client_file.client, client_file.appointment.member
    with pytest.raises(ValidationError) as refused:
        interaction_create(
            client=client, kind="call", occurred_at=year_one, summary="x", created_by=member
        )
    assert list(refused.value.error_dict) == ["occurred_at"]
    with pytest.raises(ValidationError) as refused:
        appointment_create(
            client=client, member=member, starts_at=year_one, ends_at=year_one + timedelta(hours=1)
        )
    assert set(refused.value.error_dict) == {"starts_at", "ends_at"}
    with pytest.raises(ValidationError) as refused:
        touch_plan(
            client=client, kind=client_file.touch_kind, planned_on=date(9999, 1, 1), note="x"
        )
    assert list(refused.value.error_dict) == ["planned_on"]


def test_the_date_pickers_keep_to_the_years_the_forms_accept(owner_http: HttpClient) -> None:
    page = owner_http.get(reverse("appointment_new")).content.decode()
    assert 'min="1900-01-01T00:00"' in page and 'max="2200-12-31T23:59"' in page
    page = owner_http.get(reverse("client_new")).content.decode()
    assert 'min="1900-01-01"' in page and 'max="2200-12-31"' in page


@pytest.mark.parametrize("day", ["²", "٣", HUGE_ID, "0", "32"])
def test_a_birthday_column_that_is_not_a_day_is_left_out(day: str) -> None:
    text = f"name,day,month\r\nAna Lima,{day},3\r\n"
    records, _ = read_csv(text, {0: "full_name", 1: "birth_day", 2: "birth_month"})
    assert records[0].full_name == "Ana Lima" and records[0].birthday is None


@pytest.mark.parametrize("year", ["99999", "1066", "0"])
def test_a_birth_year_out_of_range_is_dropped_and_the_day_kept(year: str) -> None:
    text = f"name,day,month,year\r\nAna Lima,7,3,{year}\r\n"
    mapping = {0: "full_name", 1: "birth_day", 2: "birth_month", 3: "birth_year"}
    records, _ = read_csv(text, mapping)
    assert records[0].birthday == (7, 3, None)


@pytest.mark.parametrize("name", ["²", HUGE_ID])
def test_a_command_given_a_practice_that_is_not_one_says_so(owner: Member, name: str) -> None:
    assert _practice_named(None, name) == (None, f"No practice called {name}.")
