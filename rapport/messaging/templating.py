"""Filling a template's {{placeholders}}. Pure.

Only known placeholders with a value are filled; anything else stays exactly
as written, so the checker flags it and the message cannot go until the
provider writes the real words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]{1,60}?)\s*\}\}")

KNOWN = {
    "preferred_name": "what the client likes to be called",
    "full_name": "their full name",
    "provider_name": "your name",
    "practice_name": "the practice's name",
    "practice_values": "your values, from Settings",
    "next_appointment": "their next appointment, on their clock",
    "appointment_time": "in an appointment message: its day and time, on their clock",
    "appointment_details": "in an appointment message: its day, time and place",
    "minutes": "in a running-late message: how late",
    "new_time": "in a running-late message: when you expect to start, on their clock",
    "reschedule_link": "in a running-late message: their private link to choose another time",
}


def fill(text: str, values: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip().lower().replace(" ", "_"), "")
        return value if value.strip() else match.group(0)

    return PLACEHOLDER.sub(replace, text)
