"""Schemathesis generates requests from the served OpenAPI schema, valid and not, and checks
that the API never answers with a server error and always answers as its schema says; a
request it refuses leaves every main table as it was. Dates and datetimes are drawn with
their edges favoured: years 1 and 9999 in far zones, just outside 1900-2200, and naive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from rapport.api.services import token_create
from rapport.practices.models import Member
from tests.conftest import make_client_file
from tests.test_form_fuzz import MAIN_TABLES

ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))])
EDGE_DAYS = [date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2201, 1, 1)]
EDGE_MOMENTS = st.builds(
    datetime.combine,
    st.sampled_from(EDGE_DAYS),
    st.sampled_from([datetime.min.time(), datetime.max.time()]),
    ZONES,
)
ANY_MOMENT = st.datetimes(timezones=ZONES)  # years 1 to 9999, naive among them
schemathesis.openapi.format(
    "date-time", st.one_of(EDGE_MOMENTS, ANY_MOMENT).map(datetime.isoformat)
)
schemathesis.openapi.format(
    "date", st.one_of(st.sampled_from(EDGE_DAYS), st.dates()).map(date.isoformat)
)
NAMED = re.compile(r"(body|query|path) \S.*?: \S")
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Iterator[None]:
    """As Django's own test client does: the WSGI app must not close the connection that
    holds the test's transaction (it would on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def headers(owner: Member) -> dict[str, str]:
    make_client_file(owner)  # so ids 1, 2... exist and the happy paths run too
    _, key = token_create(member=owner, name="schemathesis")
    return {"Authorization": f"Bearer {key}"}


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_schema(case: Any, headers: dict[str, str]) -> None:
    # Not checked: that unknown query parameters are refused (the API ignores them, as most
    # do) and that every schema-valid body is accepted (a boundary or an end before the
    # start is schema-valid and still a 422, on purpose).
    before = _counts()
    response = case.call(headers=headers)
    case.validate_response(
        response,
        headers=headers,
        excluded_checks=[negative_data_rejection, positive_data_acceptance],
    )
    if response.status_code >= 400:
        assert _counts() == before, "a refused request saved something"
    if response.status_code == 422:  # each problem names its field: "body data full_name: ..."
        for problem in response.json()["detail"].split("; "):
            assert NAMED.match(problem), problem


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MAIN_TABLES}
