"""What a client's history adds up to: last contact, the reply clock, and contact per month.

Pure: it takes plain (time, kind, direction) triples and returns plain data, so
the rules are tested without a database. The timeline services run it on a
client's history after every write, in the same transaction, and store the
result; lists and Today read the stored result and never scan the history.

Rules:
- Contact is defined once, by `counts_as_contact`: a call, meeting or visit (a
  completed or started appointment is logged as a meeting), a message either way.
  Notes are the provider's own memory, not contact; an email Rapport has not
  delivered (waiting in the outbox, refused, or may not have been sent) is not
  contact until it goes. Interactions after `now` (a clock that was wrong when
  they were logged) are left out until they are past.
- A client's email or message waits for an answer. Anything from our side, a
  meeting or visit, or a call either way answers everything waiting: the
  client has been heard.
- A reply's delay runs from the first unanswered message to the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

NOTE = "note"
INBOUND = "inbound"
OUTBOUND = "outbound"
WAITING_KINDS = frozenset({"email", "message"})


@dataclass(frozen=True)
class Contact:
    at: datetime
    kind: str
    direction: str
    delivered: bool = True


def counts_as_contact(kind: str, delivered: bool) -> bool:
    """Whether an interaction is contact with the client: the one definition every figure uses."""
    return kind != NOTE and delivered


@dataclass
class Month:
    month: date  # the first day of the month, in the practice's time zone
    from_client: int = 0
    from_us: int = 0
    together: int = 0
    replies: int = 0
    reply_hours: float = 0.0

    @property
    def contacts(self) -> int:
        return self.from_client + self.from_us + self.together


@dataclass
class ContactSummary:
    last_contact_at: datetime | None = None
    last_inbound_at: datetime | None = None
    awaiting_reply_since: datetime | None = None
    awaiting_reply_latest: datetime | None = None
    unanswered: int = 0
    months: list[Month] = field(default_factory=list)


def month_of(moment: datetime, zone: ZoneInfo) -> date:
    local = moment.astimezone(zone)
    return date(local.year, local.month, 1)


def summarize(contacts: Iterable[Contact], *, zone: ZoneInfo, now: datetime) -> ContactSummary:
    summary = ContactSummary()
    months: dict[date, Month] = {}
    for contact in sorted(contacts, key=lambda item: item.at):
        if not counts_as_contact(contact.kind, contact.delivered) or contact.at > now:
            continue
        key = month_of(contact.at, zone)
        month = months.setdefault(key, Month(key))
        summary.last_contact_at = contact.at
        if contact.direction == INBOUND:
            month.from_client += 1
            summary.last_inbound_at = contact.at
            if contact.kind in WAITING_KINDS:
                summary.awaiting_reply_since = summary.awaiting_reply_since or contact.at
                summary.awaiting_reply_latest = contact.at
                summary.unanswered += 1
                continue
        elif contact.direction == OUTBOUND:
            month.from_us += 1
        else:
            month.together += 1
        if summary.awaiting_reply_since is not None:
            month.replies += 1
            month.reply_hours += (contact.at - summary.awaiting_reply_since).total_seconds() / 3600
        summary.awaiting_reply_since = summary.awaiting_reply_latest = None
        summary.unanswered = 0
    summary.months = [months[key] for key in sorted(months)]
    return summary
