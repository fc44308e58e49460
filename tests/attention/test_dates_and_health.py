"""Yearly dates (29 February, year ends) and the health reading's words and reasons."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rapport.attention.dates import next_occurrence
from rapport.attention.health import AT_RISK, THRIVING, OverduePromise, Signals, read_health
from tests.conftest import NOW


def test_a_leap_day_birthday_falls_on_28_february_in_common_years() -> None:
    assert next_occurrence(2, 29, date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_occurrence(2, 29, date(2028, 2, 1)) == date(2028, 2, 29)


def test_the_next_occurrence_runs_over_the_year_end() -> None:
    assert next_occurrence(1, 3, date(2026, 12, 25)) == date(2027, 1, 3)
    assert next_occurrence(12, 25, date(2026, 12, 25)) == date(2026, 12, 25)


def signals(**changes: object) -> Signals:
    base = {
        "name": "Maya",
        "now": NOW,
        "since": NOW - timedelta(days=200),
        "last_contact_at": NOW - timedelta(days=5),
        "last_inbound_at": None,
        "rhythm_days": 14,
    }
    merged: dict[str, Any] = base | changes
    if "checkin_due_at" not in merged and not merged.get("quiet_reason"):
        # As the client's stored due date is derived: a rhythm after the last contact.
        merged["checkin_due_at"] = merged["last_contact_at"] + timedelta(days=merged["rhythm_days"])
    return Signals(**merged)


def test_in_touch_within_the_rhythm_is_thriving_and_says_why() -> None:
    reading = read_health(signals())
    assert reading.word == THRIVING
    assert reading.reasons == ["In touch 5 days ago, within your 14-day rhythm."]


def test_neglect_is_at_risk_with_every_reason_in_words() -> None:
    reading = read_health(
        signals(
            last_contact_at=NOW - timedelta(days=40),
            awaiting_reply_since=NOW - timedelta(days=4),
            unanswered=2,
            overdue_promises=[OverduePromise("Send the fees", 3)],
            fading=[
                "In Maya's first 3 months you were in touch 9 times; in the last 3 months, once."
            ],
        )
    )
    assert reading.word == AT_RISK
    assert "Maya wrote 2 times and is still waiting for an answer." in reading.reasons
    assert "You promised “Send the fees”; it is 3 days late." in reading.reasons
    assert "Last contact 40 days ago; you meant to be in touch every 14 days." in reading.reasons


def test_a_client_who_said_no_is_not_marked_down_for_silence() -> None:
    quiet = read_health(
        signals(
            last_contact_at=NOW - timedelta(days=90),
            quiet_reason="Maya asked not to be checked on.",
        )
    )
    assert quiet.word == THRIVING
    assert quiet.reasons == ["Maya asked not to be checked on."]
