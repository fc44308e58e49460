"""Times as a client reads them: on their own clock, saying whose clock when it is not ours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def zone_label(zone: ZoneInfo) -> str:
    """ "Denver time" for America/Denver; "UTC" stays UTC."""
    key = zone.key
    if "/" not in key:
        return key
    return key.rsplit("/", 1)[1].replace("_", " ") + " time"


def client_time(moment: datetime, client_zone: ZoneInfo, our_zone: ZoneInfo) -> str:
    """ "10:45", or "10:45 Denver time" when the client's clock is not the provider's."""
    shown = f"{moment.astimezone(client_zone):%H:%M}"
    if client_zone.key != our_zone.key:
        shown += f" {zone_label(client_zone)}"
    return shown


def client_when(moment: datetime, zone: ZoneInfo, now: datetime) -> str:
    """A date and time unambiguous in a message read days later: "Tuesday 24 November, 10:30"."""
    local = moment.astimezone(zone)
    text = f"{local:%A} {local.day} {local:%B}"
    if local.year != now.astimezone(zone).year:
        text += f" {local.year}"
    return f"{text}, {local:%H:%M}"
