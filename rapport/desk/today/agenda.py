"""Today: who needs a word from the provider, section by section, and why.

Every section is one or two indexed queries over the summaries the timeline
keeps current, so the page costs the same for 50 clients or 5,000. Items a
member marked done, snoozed or dismissed are left out in SQL, for the cycle
they were handled in. Each section is a module of its own under `sections/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from rapport.desk.today.section import (
    COUNT_CAP,
    EXPANDED_LIMIT,
    Item,
    Moment,
    SectionView,
)
from rapport.desk.today.sections import SECTIONS
from rapport.practices.models import Practice

# Item, SectionView and the limits are read from here by every page that shows Today.
__all__ = [
    "COUNT_CAP", "EXPANDED_LIMIT", "SECTION_LIMIT", "Agenda", "Item", "SectionView", "agenda_build",
]  # fmt: skip

SECTION_LIMIT = 10


@dataclass
class Agenda:
    practice: Practice
    now: datetime
    today: date
    sections: list[SectionView]

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
        return {section.key: section.total for section in self.sections}


def agenda_build(
    practice: Practice,
    *,
    now: datetime | None = None,
    limit: int = SECTION_LIMIT,
    expanded: str = "",
) -> Agenda:
    """Today for a practice: `limit` items per section, `EXPANDED_LIMIT` for the expanded one."""
    now = now or timezone.now()
    when = Moment(practice, now, timezone.localtime(now, practice.zone).date())
    return Agenda(
        practice=practice,
        now=now,
        today=when.today,
        sections=[
            section.build(when, EXPANDED_LIMIT if section.key == expanded else limit)
            for section in SECTIONS
        ],
    )
