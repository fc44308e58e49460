"""Schemathesis generates requests from the served OpenAPI schema, valid and not, and checks
that the API never answers with a server error and always answers as its schema says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from rapport.api.services import token_create
from rapport.practices.models import Member
from tests.conftest import make_client_file

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
    case.call_and_validate(
        headers=headers, excluded_checks=[negative_data_rejection, positive_data_acceptance]
    )
