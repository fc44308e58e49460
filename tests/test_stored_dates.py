"""Data stored before dates were bounded (issue 15): a year-1 interaction or appointment made
the client's page and the calendar fail. The data migrations move such values to the nearest
bound, and the pages open again."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime, timedelta

from django.apps import apps
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.appointments.models import Appointment
from rapport.clients.models import Client
from rapport.lib.dates import EARLIEST_MOMENT
from rapport.timeline.models import Interaction
from rapport.touches.models import Touch
from tests.conftest import ClientFile

MIGRATIONS = [
    "rapport.clients.migrations.0011_clamp_dates_out_of_range",
    "rapport.timeline.migrations.0005_clamp_dates_out_of_range",
    "rapport.appointments.migrations.0007_clamp_dates_out_of_range",
    "rapport.touches.migrations.0002_clamp_dates_out_of_range",
]
YEAR_ONE = datetime(1, 1, 1, tzinfo=UTC)


def _pages(http: HttpClient, file: ClientFile) -> list[int]:
    return [
        http.get(url).status_code
        for url in (
            reverse("client_detail", args=[file.client.pk]),
            reverse("appointment_edit", args=[file.appointment.pk]),
            reverse("calendar_day") + "?day=1900-01-02",
            reverse("home"),
        )
    ]


def test_dates_stored_out_of_range_are_moved_into_it(
    client_file: ClientFile, owner_http: HttpClient, clock: object
) -> None:
    Interaction.objects.filter(pk=client_file.interaction.pk).update(occurred_at=YEAR_ONE)
    Client.objects.filter(pk=client_file.client.pk).update(last_contact_at=YEAR_ONE)
    Appointment.objects.filter(pk=client_file.appointment.pk).update(
        starts_at=YEAR_ONE, ends_at=YEAR_ONE + timedelta(hours=1)
    )
    Touch.objects.filter(pk=client_file.touch.pk).update(planned_on=date(9999, 12, 31))
    owner_http.raise_request_exception = False
    assert 500 in _pages(owner_http, client_file)  # what the attacker left behind

    for name in MIGRATIONS:
        importlib.import_module(name).clamp(apps, None)

    assert set(_pages(owner_http, client_file)) == {200}
    assert Interaction.objects.get(pk=client_file.interaction.pk).occurred_at == EARLIEST_MOMENT
    assert Client.objects.get(pk=client_file.client.pk).last_contact_at == EARLIEST_MOMENT
    appointment = Appointment.objects.get(pk=client_file.appointment.pk)
    assert (appointment.starts_at, appointment.ends_at) == (
        EARLIEST_MOMENT,
        EARLIEST_MOMENT + timedelta(hours=1),
    )
    assert Touch.objects.get(pk=client_file.touch.pk).planned_on == date(2200, 12, 31)
