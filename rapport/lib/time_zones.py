"""The time zones a person chooses from: places, not the tz database's internals.

The list is the tz database's own zone1970.tab (one zone per region that has kept the same
clocks since 1970) with zone.tab's name for each country added, so that someone in Oslo or
Amsterdam finds their city and not only Berlin or Brussels; plus UTC. Both tables ship with
the tzdata package, so the list is the same on every machine. Left out, because nobody lives
there: Factory, localtime, posix/ and right/ copies, Etc/GMT+5 and the old aliases (US/Eastern).
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from rapport.lib.countries import country_name

TABLES = ("zone1970.tab", "zone.tab")
UTC_NAME = "UTC"


@dataclass(frozen=True)
class Zone:
    name: str  # the IANA name that is stored: Europe/London
    city: str  # London
    country: str  # United Kingdom; empty for UTC

    def label(self, at: datetime) -> str:
        """ "London, United Kingdom — UTC+0": the place and where its clocks are now."""
        place = f"{self.city}, {self.country}" if self.country else self.city
        return f"{place} — {utc_offset(ZoneInfo(self.name), at)}"


@functools.cache
def zones() -> dict[str, Zone]:
    """Every zone offered, by name, sorted by name (so grouped by continent)."""
    found: dict[str, Zone] = {}
    for table in TABLES:
        text = importlib.resources.files("tzdata.zoneinfo").joinpath(table).read_text("utf-8")
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            codes, _, name, *_ = line.split("\t")
            if name not in found:
                city = name.rsplit("/", 1)[-1].replace("_", " ")
                found[name] = Zone(name, city, country_name(codes.split(",")[0]))
    found[UTC_NAME] = Zone(UTC_NAME, "Coordinated Universal Time", "")
    return dict(sorted(found.items()))


def utc_offset(zone: ZoneInfo, at: datetime) -> str:
    """UTC+0, UTC+1, UTC+5:30, and UTC-3:30 written with a real minus sign (U+2212), which
    screen readers say as "minus" where a hyphen may be read as "dash"."""
    offset = at.astimezone(zone).utcoffset() or timedelta()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\N{MINUS SIGN}"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_choices(at: datetime) -> list[tuple[str, str]]:
    """(name, label) for every zone, with its offset at that moment (summer time moves it)."""
    return [(zone.name, zone.label(at)) for zone in zones().values()]


@functools.cache
def old_names() -> dict[str, str]:
    """The tz database's other names for listed zones (its links): US/Eastern is
    America/New_York, Asia/Calcutta is Asia/Kolkata, GB is Europe/London."""
    text = importlib.resources.files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text("utf-8")
    links = (line.split() for line in text.splitlines() if line.startswith("L "))
    return {link: target for _, target, link in links if target in zones()}


def zone_problem(value: str) -> str | None:
    """What to do when a value is not a zone on the list; None when it is one."""
    if value in zones():
        return None
    if value in old_names():
        current = old_names()[value]
        return f"“{value}” is an old name: choose {current} ({zones()[current].city}) instead."
    return (
        f"“{value}” is not a time zone on the list: type your city or a nearby one and "
        "choose it from the suggestions, for example Europe/London or America/Denver."
    )
