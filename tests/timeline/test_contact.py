"""What counts as contact, defined once and read by every figure, as a table.

How the outbox moves an email into contact is in tests/messaging/test_delivery_is_contact.py."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from rapport.timeline.summary import Contact, counts_as_contact, summarize
from tests.conftest import NOW

# (kind, direction, delivered) -> contact?  Appointments are on the timeline as meetings only
# once completed or started (tests/appointments), so a cancelled or missed one never appears.
TABLE = [
    ("email", "outbound", True, True),  # an email that went
    ("email", "outbound", False, False),  # queued, refused, or may not have been sent
    ("email", "inbound", True, True),  # a reply received
    ("message", "inbound", True, True),
    ("message", "outbound", True, True),
    ("call", "outbound", True, True),
    ("call", "inbound", True, True),
    ("meeting", "none", True, True),  # a meeting, or a completed/started appointment
    ("visit", "none", True, True),
    ("note", "none", True, False),  # the provider's own memory
]


@pytest.mark.parametrize(("kind", "direction", "delivered", "contact"), TABLE)
def test_what_counts_as_contact(kind: str, direction: str, delivered: bool, contact: bool) -> None:
    assert counts_as_contact(kind, delivered) is contact
    summary = summarize(
        [Contact(NOW - timedelta(hours=1), kind, direction, delivered)],
        zone=ZoneInfo("Europe/London"),
        now=NOW,
    )
    assert (summary.last_contact_at is not None) is contact
    assert (len(summary.months) == 1) is contact
