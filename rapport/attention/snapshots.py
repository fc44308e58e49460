"""Daily counts of Today's sections, for the overview of the last weeks."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from rapport.attention.models import AgendaSnapshot
from rapport.practices.models import Practice


def snapshot_ensure(*, practice: Practice, day: date, counts: dict[str, int]) -> None:
    """The first agenda of the day is the one kept: what needed the provider that morning."""
    if AgendaSnapshot.objects.for_practice(practice).filter(day=day).exists():
        return
    try:
        with transaction.atomic():
            AgendaSnapshot.objects.create(practice=practice, day=day, counts=counts)
    except IntegrityError:  # another process wrote it first: theirs stands
        pass
