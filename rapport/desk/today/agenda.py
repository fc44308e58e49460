"""Today: who needs a word from the provider, section by section, and why.

One read of the attention table, which the writes keep (`attention.items`), gives every
section's first items and its count, so the page costs the same for 50 clients or 20,000.
Items a member marked done, snoozed or dismissed are left out there, for the cycle they were
handled in. Each section words its items in a module of its own under `sections/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from rapport.appointments.models import Appointment
from rapport.attention.due import items_due
from rapport.attention.models import Section
from rapport.attention.reasons import ON_ITS_WAY
from rapport.desk.today.section import (
    COUNT_CAP,
    EXPANDED_LIMIT,
    Item,
    Moment,
    SectionView,
)
from rapport.desk.today.sections import SECTIONS
from rapport.desk.today.stored import row_of
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member, Practice

# Item, SectionView and the limits are read from here by every page that shows Today.
__all__ = [
    "COUNT_CAP", "EXPANDED_LIMIT", "SECTION_LIMIT", "Agenda", "Item", "SectionView", "agenda_build",
]  # fmt: skip

SECTION_LIMIT = 10
# Sections that hold one member's items: shown only when Today is built for a member.
MEMBERS_OWN = frozenset({Section.HANDOFF})
COMING_UP_LIMIT = 8
ON_ITS_WAY_LIMIT = 10


@dataclass
class Agenda:
    practice: Practice
    now: datetime
    today: date
    sections: list[SectionView]
    # The member's appointments for the rest of the day; if there are none, the next one.
    coming_up: list[Appointment] = field(default_factory=list)
    # The emails the member approved that can still be taken back.
    on_its_way: list[OutboxMessage] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(section.total for section in self.sections)

    @property
    def capped(self) -> bool:
        """The total is a floor: some section stopped counting."""
        return any(section.capped for section in self.sections)

    def section(self, key: str) -> SectionView:
        return next(section for section in self.sections if section.key == key)

    def counts(self) -> dict[str, int]:
        """The practice's counts, for the morning snapshot: not what one member was handed."""
        return {s.key: s.total for s in self.sections if s.key not in MEMBERS_OWN}


def agenda_build(
    practice: Practice,
    *,
    now: datetime | None = None,
    limit: int = SECTION_LIMIT,
    expanded: str = "",
    member: Member | None = None,
) -> Agenda:
    """Today for a practice: `limit` items per section, `EXPANDED_LIMIT` for the expanded one;
    with a member, their appointments coming up."""
    now = now or timezone.now()
    when = Moment(practice, now, timezone.localtime(now, practice.zone).date())
    shown = {s.key: EXPANDED_LIMIT if s.key == expanded else max(limit, 0) for s in SECTIONS}
    if member is not None:
        shown[Section.COMING_UP], shown[ON_ITS_WAY] = COMING_UP_LIMIT, ON_ITS_WAY_LIMIT
    due = items_due(
        practice,
        now=now,
        today=when.today,
        sections=list(shown),
        shown=shown,
        cap=COUNT_CAP,
        member=member,
    )
    sections = []
    for section in SECTIONS:
        view = SectionView(section.key, section.title, section.explanation, section.empty)
        view.total = due[section.key].total
        view.items = [section.item(row_of(item), when) for item in due[section.key].items]
        sections.append(view)
    agenda = Agenda(practice=practice, now=now, today=when.today, sections=sections)
    if member is not None:
        ahead = [row_of(item) for item in due[Section.COMING_UP].items]
        tomorrow = datetime.combine(when.today + timedelta(days=1), time.min, tzinfo=practice.zone)
        agenda.coming_up = [row for row in ahead if row.starts_at < tomorrow] or ahead[:1]
        agenda.on_its_way = [row_of(item) for item in due[ON_ITS_WAY].items]
    return agenda
