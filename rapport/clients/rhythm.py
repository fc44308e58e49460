"""Keep-in-touch rhythm: how often a client should hear from us, and when a check-in is due.

Pure. The defaults follow the essays behind Rapport: new clients get the
attention of the first weeks, close clients are seen often anyway, former
clients are not chased, and paused clients only by agreement. Whether a client may
be checked on at all is decided in one place: `may_be_checked_on` in clients.models.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

MIN_RHYTHM_DAYS = 1
MAX_RHYTHM_DAYS = 365

# (status, closeness) -> days between contacts; None means no check-ins at all.
DEFAULT_RHYTHM_DAYS: dict[tuple[str, str], int | None] = {
    ("prospect", "new"): 14,
    ("prospect", "regular"): 21,
    ("prospect", "close"): 30,
    ("active", "new"): 7,
    ("active", "regular"): 14,
    ("active", "close"): 21,
    ("paused", "new"): 45,
    ("paused", "regular"): 45,
    ("paused", "close"): 45,
    ("former", "new"): None,
    ("former", "regular"): None,
    ("former", "close"): None,
}


def rhythm_days(*, status: str, closeness: str, chosen: int | None) -> int | None:
    if status == "former":
        return None
    if chosen is not None:
        return chosen
    return DEFAULT_RHYTHM_DAYS.get((status, closeness))


def checkin_due_at(
    *, last_contact_at: datetime | None, since: datetime, days: int | None, zone: ZoneInfo
) -> datetime | None:
    """Counted from the last real contact in either direction; any contact restarts it.

    Days are calendar days where the practice is: a contact at 09:00 the week the
    clocks change is due again at 09:00 a week later, not at 08:00 or 10:00.
    """
    if days is None:
        return None
    local = (last_contact_at or since).astimezone(zone)
    # Adding to a datetime that carries its zone moves the wall clock, which is the point here.
    return (local + timedelta(days=days)).astimezone(UTC)
