"""The one shape every Today section has: a title, what it is for, what it says when empty,
and the item it makes of each row.

The rows come from the attention table (`attention.due`), kept by the writes; a section only
words them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from django.utils import timezone

from rapport.clients.models import Client
from rapport.lib.humanize import days_phrase
from rapport.practices.models import Practice

# Past this a section says "200+": counting further costs time (reading that many rows to
# count them was most of the heaviest section's cost) and helps no one.
COUNT_CAP = 200
EXPANDED_LIMIT = 100


@dataclass
class Item:
    section: str
    object_id: int
    client: Client
    headline: str
    detail: str = ""
    badge: str = ""
    suggestion: str = ""
    # The composer's query for the message this item calls for ("purpose=thank_you"; a
    # reminder's, "reminder=1", goes to its appointment's composer); "" opens the composer as
    # it is, None offers no Write button.
    write: str | None = None
    action_url: str = ""  # set by the web view, which knows the URLs
    client_url: str = ""
    write_url: str = ""
    resend_url: str = ""  # "Send again", for a message that did not go or may not have
    settle_url: str = ""  # the page that settles the item (how a referral went)

    @property
    def key(self) -> str:
        return f"{self.section}-{self.object_id}"

    def __getitem__(self, name: str) -> Any:
        """Django's templates look `item.x` up as `item["x"]` first: answered here, the ~20
        lookups a row makes do not each raise and catch a TypeError (a fifth of the rows'
        rendering time on a full Today)."""
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None


@dataclass
class SectionView:
    key: str
    title: str
    explanation: str
    empty: str
    items: list[Item] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    @property
    def more_label(self) -> str:
        """What "Show ..." will add: the expanded section shows EXPANDED_LIMIT items."""
        next_ones = min(self.more, EXPANDED_LIMIT - len(self.items))
        if self.capped or next_ones < self.more:
            return f"the next {next_ones}"
        return f"{self.more} more"

    @property
    def capped(self) -> bool:
        """There are at least this many; the true number was not counted."""
        return self.total >= COUNT_CAP


@dataclass(frozen=True)
class Moment:
    """When Today is read: the instant, and the day it is where the practice is."""

    practice: Practice
    now: datetime
    today: date


def days_ago(moment: datetime, when: Moment) -> str:
    return days_phrase(timezone.localtime(moment, when.practice.zone).date(), when.today)


class TodaySection(ABC):
    """One section of Today: what it says about each of its rows."""

    key: ClassVar[str]
    title: ClassVar[str]
    explanation: ClassVar[str]
    empty: ClassVar[str]

    @abstractmethod
    def item(self, row: Any, when: Moment) -> Item:
        """What Today says about this row."""
