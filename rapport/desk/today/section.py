"""The one shape every Today section has: a title, what it is for, what it says when empty,
the rows it reads, and the item it makes of each row.

A section reads only ids, in order, and counts them up to COUNT_CAP; the rows shown are then
fetched by id with their client. Two queries whatever the data, so Today costs the same for
50 clients or 5,000. Its query lives in the app that owns the data; the section adds what
Today needs on top (leaving out what a member has handled) and words the items.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from django.db.models import Model, Q, QuerySet
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

    @property
    def key(self) -> str:
        return f"{self.section}-{self.object_id}"


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


def page(
    queryset: QuerySet[Any], limit: int, related: tuple[str, ...] = ()
) -> tuple[list[Any], int]:
    """The first `limit` rows and the total (counted up to COUNT_CAP), in two queries: the
    section's own query reads only ids, in order; the rows shown are then fetched by id.
    Building one complex query instead of two is most of what this page costs."""
    ids = list(queryset.values_list("pk", flat=True)[:COUNT_CAP])
    shown = ids[: max(limit, 0)]
    return rows_by_id(queryset.model, shown, related), len(ids)


def rows_by_id(model: type[Model], shown: list[int], related: tuple[str, ...] = ()) -> list[Any]:
    """These rows, in this order, with their client."""
    fetch = model._base_manager.filter(Q(pk__in=shown) if shown else Q(pk__isnull=True))
    if any(field.name == "client" for field in model._meta.get_fields()):
        fetch = fetch.select_related("client", *related)
    by_id = {row.pk: row for row in fetch}
    return [by_id[pk] for pk in shown]


def days_ago(moment: datetime, when: Moment) -> str:
    return days_phrase(timezone.localtime(moment, when.practice.zone).date(), when.today)


class TodaySection(ABC):
    """One section of Today. Most sections name their query and how to word a row; a section
    that reads its rows another way (two queries, hand-written SQL) overrides rows()."""

    key: ClassVar[str]
    title: ClassVar[str]
    explanation: ClassVar[str]
    empty: ClassVar[str]
    related: ClassVar[tuple[str, ...]] = ()  # fetched with each shown row, beside its client

    def query(self, when: Moment) -> QuerySet[Any]:
        """Every row of the section, in order, without what a member has handled."""
        raise NotImplementedError(f"{type(self).__name__} reads its rows in rows()")

    def rows(self, when: Moment, limit: int) -> tuple[list[Any], int]:
        """The first `limit` rows, and how many there are (up to COUNT_CAP)."""
        return page(self.query(when), limit, self.related)

    @abstractmethod
    def item(self, row: Any, when: Moment) -> Item:
        """What Today says about this row."""

    def build(self, when: Moment, limit: int) -> SectionView:
        view = SectionView(self.key, self.title, self.explanation, self.empty)
        shown, view.total = self.rows(when, limit)
        view.items = [self.item(row, when) for row in shown]
        return view
