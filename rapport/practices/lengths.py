"""The lengths a practice usually books, kept as the provider writes them ("50, 80, 30").

The booking form offers these first, the first one chosen, and the other common lengths after
them, so a counsellor's 50 minutes is one tap and a two-hour workshop still needs no typing."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

SHORTEST, LONGEST = 5, 12 * 60
MOST = 8
# What a booking can always choose from besides the practice's own lengths.
COMMON = (15, 30, 45, 50, 60, 90, 120, 180, 240, 480)


def lengths_read(text: str) -> list[int]:
    """The minutes in `text`, in the order written, each once; a clear error otherwise."""
    parts = [part for part in re.split(r"[\s,;]+", text.strip()) if part]
    if not parts:
        raise ValidationError("Write at least one length in minutes, for example 50.")
    if not all(part.isdigit() and len(part) <= 4 for part in parts):
        raise ValidationError(
            "Write lengths as whole minutes separated by commas, for example 50, 80, 30."
        )
    minutes = list(dict.fromkeys(int(part) for part in parts))
    if any(not SHORTEST <= length <= LONGEST for length in minutes):
        raise ValidationError("Each length has to be between 5 minutes and 12 hours (720).")
    if len(minutes) > MOST:
        raise ValidationError(f"Keep it to the {MOST} lengths you book most.")
    return minutes


def validate_lengths(text: str) -> None:
    lengths_read(text)


def length_said(minutes: int) -> str:
    """'50 minutes', '1 hour', '1.5 hours', '2 hours'."""
    if minutes < 60 or minutes % 30:
        return f"{minutes} minutes"
    return "1 hour" if minutes == 60 else f"{minutes / 60:g} hours"


def length_choices(usual: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """The booking form's choices: the practice's own lengths, then the other common ones."""
    try:
        own = lengths_read(usual)
    except ValidationError:  # a value stored before validation: fall back, never break booking
        own = [60]
    others = [length for length in COMMON if length not in own]
    return [
        ("Your usual lengths", [(length, length_said(length)) for length in own]),
        ("Other lengths", [(length, length_said(length)) for length in others]),
    ]
