"""The reply clock and monthly contact counts, computed from plain history."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from rapport.timeline.summary import Contact, summarize
from tests.conftest import NOW

LONDON = ZoneInfo("Europe/London")


def at(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_a_second_message_before_an_answer_is_counted_and_an_answer_clears_it() -> None:
    history = [Contact(at(5), "email", "inbound"), Contact(at(3), "message", "inbound")]
    waiting = summarize(history, zone=LONDON, now=NOW)
    assert waiting.awaiting_reply_since == at(5)
    assert waiting.awaiting_reply_latest == at(3)
    assert waiting.unanswered == 2
    answered = summarize([*history, Contact(at(1), "email", "outbound")], zone=LONDON, now=NOW)
    assert answered.awaiting_reply_since is None and answered.unanswered == 0
    assert answered.last_contact_at == at(1)
    november = answered.months[-1]
    assert (november.from_client, november.from_us, november.replies) == (2, 1, 1)
    assert november.reply_hours == 4 * 24  # from the first unanswered message


def test_a_call_or_a_meeting_answers_too_but_a_note_does_not() -> None:
    message = Contact(at(4), "email", "inbound")
    assert (
        summarize([message, Contact(at(2), "note", "none")], zone=LONDON, now=NOW).unanswered == 1
    )
    assert (
        summarize([message, Contact(at(2), "call", "inbound")], zone=LONDON, now=NOW).unanswered
        == 0
    )
    assert (
        summarize([message, Contact(at(2), "meeting", "none")], zone=LONDON, now=NOW).unanswered
        == 0
    )


def test_notes_and_the_future_are_not_contact() -> None:
    summary = summarize(
        [
            Contact(at(10), "call", "outbound"),
            Contact(at(1), "note", "none"),
            Contact(at(-2), "email", "outbound"),
        ],
        zone=LONDON,
        now=NOW,
    )
    assert summary.last_contact_at == at(10)
    assert sum(month.contacts for month in summary.months) == 1


def test_months_are_counted_in_the_practice_time_zone() -> None:
    # 23:30 UTC on 31 October is already 1 November in Auckland, still October in London.
    moment = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    contact = [Contact(moment, "call", "outbound")]
    assert summarize(contact, zone=LONDON, now=NOW).months[0].month == date(2026, 10, 1)
    assert summarize(contact, zone=ZoneInfo("Pacific/Auckland"), now=NOW).months[0].month == date(
        2026, 11, 1
    )


contacts = st.lists(
    st.builds(
        Contact,
        st.datetimes(
            min_value=datetime(2020, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(UTC)
        ),
        st.sampled_from(["call", "meeting", "visit", "email", "message", "note"]),
        st.sampled_from(["inbound", "outbound", "none"]),
    ),
    max_size=40,
)


@given(contacts, st.randoms())
def test_the_summary_does_not_depend_on_order_and_counts_every_contact(
    history: list[Contact], rnd: random.Random
) -> None:
    summary = summarize(history, zone=LONDON, now=NOW)
    shuffled = list(history)
    rnd.shuffle(shuffled)
    again = summarize(shuffled, zone=LONDON, now=NOW)
    assert summary.last_contact_at == again.last_contact_at
    assert [m.contacts for m in summary.months] == [m.contacts for m in again.months]
    real = [c for c in history if c.kind != "note" and c.at <= NOW]
    assert sum(month.contacts for month in summary.months) == len(real)
    assert (summary.awaiting_reply_since is None) == (summary.unanswered == 0)
    assert all(month.reply_hours >= 0 for month in summary.months)
