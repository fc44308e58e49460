"""Countries and regions by name, from the Unicode CLDR data Babel ships: never a list kept by
hand. The stored value is always the two-letter code (GB); people read the name."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from babel import Locale, UnknownLocaleError

# The language the app speaks (settings.LANGUAGE_CODE, en-gb); lib cannot read settings here
# without tying this pure lookup to Django.
LOCALE = Locale.parse("en_GB")


def country_name(code: str) -> str:
    """ "United Kingdom" for GB; the code itself for one CLDR does not know."""
    return str(LOCALE.territories.get(code.upper(), code.upper()))


def country_choices(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) for each code, sorted by name as a person looks for it."""
    return sorted(((code, country_name(code)) for code in codes), key=lambda pair: pair[1])


@functools.cache
def first_weekday(region: str) -> int:
    """The day a week starts on in a country's calendars, Monday being 0 (Sunday, 6, in the US);
    Monday where CLDR has no opinion."""
    try:
        return int(Locale.parse(f"und_{region.upper()}").first_week_day)
    except (UnknownLocaleError, ValueError):
        return 0


def weekday_names() -> dict[int, str]:
    """Monday is 0, as Python's date.weekday() counts: {0: "Monday", ..., 6: "Sunday"}."""
    return {int(day): str(name) for day, name in LOCALE.days["format"]["wide"].items()}
