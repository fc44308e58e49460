"""The word checker: reads a draft as a careful colleague would, before it goes.

Pure: a function of the text, the client's preferred name and closeness, and
the rules; it imports nothing from Django and never raises on any input.
Every finding says where it is, why it matters and what to do instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from rapport.messaging.rules import (
    BUILT_IN,
    ERROR,
    GREETING,
    NOTE,
    PLACEHOLDER,
    WARNING,
    Rule,
)

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}
GREETING_WORDS = (
    r"(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|morning|afternoon|evening|hiya)"
)
_GREETING_LINE = re.compile(rf"^\s*{GREETING_WORDS}\b[ \t,]*(?P<name>[^\n,!.:;]*)", re.IGNORECASE)
# {{ name }}, {name}, [First Name], <<name>>, and bare "XXX" or "[...]" left in a draft.
_PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]{0,60}\}\}|\{[A-Za-z_][\w ]{0,40}\}|\[(?:[A-Z][A-Za-z ]{0,30}|\.\.\.|…)\]"
    r"|<<[^<>\n]{1,40}>>|\bX{3,}\b|\bTODO\b|\bTBC\b"
)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    explanation: str
    fix: str
    where: str = "body"  # or "subject": positions count from the start of that field

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(word) for word in phrase.split()]
    # Whole words only ("lovely" is not "love"), any spacing between words.
    return r"(?<![\w'\u2019])" + r"\s+".join(words) + r"(?![\w'\u2019])"


@lru_cache(maxsize=256)
def _compiled(rule: Rule) -> re.Pattern[str]:
    if rule.pattern:
        return re.compile(rule.pattern, re.IGNORECASE | re.MULTILINE)
    return re.compile("|".join(_phrase_pattern(phrase) for phrase in rule.phrases), re.IGNORECASE)


def _normalised(text: str) -> str:
    # Curly apostrophes match straight ones; the length stays the same so positions hold.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _greeting_findings(text: str, preferred_name: str, full_name: str) -> list[Finding]:
    preferred = preferred_name.strip()
    if not preferred:
        return []
    match = _GREETING_LINE.match(text)
    if match is None:
        return [
            Finding(
                "greeting-name",
                GREETING,
                NOTE,
                0,
                0,
                "",
                f"The message does not open by greeting them. They like to be called {preferred}.",
                f"Start with “Hi {preferred},” or similar.",
            )
        ]
    greeted = match["name"].strip()
    start, end = match.start("name"), match.start("name") + len(match["name"].rstrip())
    if _fold(preferred) in _fold(greeted).split() or _fold(greeted) == _fold(preferred):
        return []
    formal = [part for part in full_name.split() if _fold(part) != _fold(preferred)]
    if greeted and any(_fold(part) == _fold(word) for part in formal for word in greeted.split()):
        return [
            Finding(
                "greeting-name",
                GREETING,
                WARNING,
                start,
                end,
                text[start:end],
                f"They asked to be called {preferred}.",
                f"Greet them as {preferred}.",
            )
        ]
    return [
        Finding(
            "greeting-name",
            GREETING,
            WARNING,
            start,
            end,
            text[start:end],
            f"The greeting does not use the name they go by: {preferred}.",
            f"Greet them as {preferred}.",
        )
    ]


def _fold(value: str) -> str:
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
    )
    return stripped.casefold().strip()


def check(
    text: str,
    *,
    preferred_name: str = "",
    full_name: str = "",
    closeness: str = "regular",
    rules: Iterable[Rule] = BUILT_IN,
    silenced: Iterable[str] = (),
) -> list[Finding]:
    """Every finding in the draft, in the order they appear; errors block sending."""
    off = set(silenced)
    plain = _normalised(text)
    findings: list[Finding] = []
    for rule in rules:
        if rule.id in off or (rule.only_when_new and closeness != "new"):
            continue
        for match in _compiled(rule).finditer(plain):
            # A rule that needs context marks the words to point at with a "hit" group.
            start, end = match.span("hit") if "hit" in match.re.groupindex else match.span()
            if end > start:
                findings.append(
                    Finding(
                        rule.id,
                        rule.category,
                        rule.severity,
                        start,
                        end,
                        text[start:end],
                        rule.explanation,
                        rule.fix,
                    )
                )
    if "unfilled-placeholder" not in off:
        for match in _PLACEHOLDER.finditer(text):
            findings.append(
                Finding(
                    "unfilled-placeholder",
                    PLACEHOLDER,
                    ERROR,
                    match.start(),
                    match.end(),
                    match.group(),
                    "A placeholder was left in the text; the client would see it as it is.",
                    "Replace it with the real words, or remove it.",
                )
            )
    if "greeting-name" not in off:
        findings += _greeting_findings(text, preferred_name, full_name)
    return sorted(findings, key=lambda f: (f.start, SEVERITY_ORDER[f.severity], f.rule))


def blocks_sending(findings: Iterable[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def custom_rule(*, id: str, category: str, phrase: str, explanation: str, fix: str) -> Rule:
    """A practice's own phrase, checked like the built-in ones."""
    return Rule(id, category, WARNING, explanation, fix, phrases=(phrase,))
