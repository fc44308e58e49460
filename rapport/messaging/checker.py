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
    PET_NAME,
    WARNING,
    Rule,
)
from rapport.messaging.rules.money import signal as money_signal

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}
GREETING_WORDS = (
    r"(?:hi+|hello|hey+|dear|good\s+(?:morning|afternoon|evening)|morning|afternoon|evening|hiya)"
)
_GREETING_LINE = re.compile(rf"^\s*{GREETING_WORDS}\b[ \t,]*(?P<name>[^\n,!.:;]*)", re.IGNORECASE)
_GENERIC = re.compile(
    r"^(?:valued\s+)?(?:customer|client|patient|member|guest|homeowner|tenant|resident|user|"
    r"sir|madam|friend|all|colleague|team)s?\b",
    re.IGNORECASE,
)
# Where the client's own words start in a reply: quoted lines, and everything after
# "On <date>, <name> wrote:" or a forwarded or original message's header.
_QUOTED = re.compile(
    r"^[ \t]*>.*$"
    r"|^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$[\s\S]*"
    r"|^[ \t]*-{2,}[ \t]*(?:Original|Forwarded)\s+message[ \t]*-{2,}[\s\S]*"
    r"|^From:[^\n]+\n(?:(?:Sent|Date|To|Subject):[^\n]*\n){1,4}[\s\S]*",
    re.IGNORECASE | re.MULTILINE,
)
# A web address, in the characters an address may hold: its path and token are not words to
# the client (a link's random token may hold "__" or "XX"), but a "{{placeholder}}" or a
# "[LINK]" left in it ends it there and is still found.
_ADDRESS = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+")


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


def _hit(match: re.Match[str]) -> tuple[int, int]:
    """The words to point at: a rule that needs context around them marks them with a group
    named "hit" (or "hit2", "hit3"... in a pattern of several alternatives)."""
    for name in match.re.groupindex:
        if name.startswith("hit") and match.group(name) is not None:
            return match.span(name)
    return match.span()


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


# A full stop inside "£45.00" or "e.g." does not end a sentence; one before a space does.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+(?:[.!?]+|$)", re.MULTILINE)


def _in_context(rule: Rule, lowered: str, position: int, sentences: list[tuple[int, int]]) -> bool:
    if not (rule.with_sentence or rule.unless_sentence):
        return True
    index = next((i for i, (s, e) in enumerate(sentences) if s <= position < e), None)
    if index is None:
        return True
    # The context may stand in the sentence, or as near as the rule says ("Still waiting.
    # Invoice 77.", "It hasn't been paid yet. Happy to talk about a later date.").
    start = sentences[max(index - rule.near_sentences, 0)][0]
    end = sentences[min(index + rule.near_sentences, len(sentences) - 1)][1]
    # What rules a match out counts in its sentence and the ones after it: a kind offer follows
    # the ask ("It hasn't been paid yet. Happy to talk about a later date.").
    if rule.unless_sentence and _context(rule.unless_sentence).search(
        lowered, sentences[index][0], end
    ):
        return False
    return not rule.with_sentence or bool(_context(rule.with_sentence).search(lowered, start, end))


@lru_cache(maxsize=64)
def _context(pattern: str) -> re.Pattern[str]:
    """A context pattern, to run on the lower-cased text (see _lower_literals: several times
    quicker than ignoring case, and a draft full of money talk runs many)."""
    return re.compile(_lower_literals(pattern))


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(word) for word in phrase.split()]
    # Whole words only ("lovely" is not "love"), any spacing between words.
    return r"(?<![\w'\u2019])" + r"\s+".join(words) + r"(?![\w'\u2019])"


def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives (outside groups and character classes)."""
    parts, current, depth, in_class, i = [], [], 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    return [*parts, "".join(current)]


def _group_end(pattern: str, start: int) -> int:
    """Where the group opened at `start` closes (-1 if it does not)."""
    depth, in_class, i = 0, False, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
            if depth == 0:
                return i
        i += 1
    return -1


_WHOLE_HIT = "\\b(?P<hit>"


def _unwrapped(alternative: str) -> list[str]:
    """A "hit" group around a whole alternative ("\\b(?P<hit>a|b)\\b") as the alternatives inside
    it ("\\ba\\b", "\\bb\\b"): the same matches at the same places, and they can then share
    their leading letters (see _factored)."""
    if not alternative.startswith(_WHOLE_HIT):
        return [alternative]
    end = _group_end(alternative, 2)
    tail = alternative[end + 1 :]
    if end < 0 or tail not in ("", "\\b"):
        return [alternative]
    return ["\\b" + part + tail for part in _alternatives(alternative[len(_WHOLE_HIT) : end])]


_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")


def _lower_literals(pattern: str) -> str:
    """The pattern with its literal letters in lower case (escapes and group names kept), to
    run without IGNORECASE on lower-cased text: the regular expression engine then skips a
    branch at its first letter, which it cannot do when ignoring case."""
    out, index = [], 0
    while index < len(pattern):
        if pattern[index] == "\\":
            length = _ESCAPE_LENGTH.get(pattern[index + 1 : index + 2], 2)
            out.append(pattern[index : index + length])
            index += length
        elif pattern.startswith("(?P<", index):
            close = pattern.index(">", index)
            out.append(pattern[index : close + 1])
            index = close + 1
        else:
            out.append(pattern[index].lower())
            index += 1
    return "".join(out)


def _joined(alternatives: list[str], *, lower: bool) -> str:
    at_words = [alt[2:] for alt in alternatives if alt.startswith("\\b")]
    others = [alt for alt in alternatives if not alt.startswith("\\b")]
    shared = _factored(at_words) if lower else "|".join(at_words)
    return "|".join(([r"\b(?:" + shared + ")"] if at_words else []) + others)


_EXPANDED_AT_MOST = 3000  # characters: past that, a group of choices is kept as it is


def _expanded(alternative: str) -> list[str]:
    """An alternative that starts with a group of choices ("(?:a|an)\\s+hour", optional or not)
    as one alternative per choice, tried in the same order, so each can share its first letter
    with others (see _factored)."""
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative, 0)
    rest = alternative[end + 1 :]
    optional = rest.startswith("?") and not rest.startswith("??")
    repeated = rest[:1] in ("*", "+", "{") or (rest[:1] == "?" and not optional)
    # A named group after the choices would be written once per choice, which a pattern cannot.
    if end < 0 or repeated or "(?P<" in rest:
        return [alternative]
    rest = rest[1:] if optional else rest
    parts = [choice + rest for choice in _alternatives(alternative[3:end])]
    parts += [rest] if optional else []
    if sum(len(part) for part in parts) > _EXPANDED_AT_MOST:
        return [alternative]
    return [expanded for part in parts for expanded in _expanded(part)]


def _factored(alternatives: list[str]) -> str:
    """The alternatives with a leading letter they share written once ("a(?:fford|rrears)"):
    the engine rules a branch out at its first letter, so where a word starts it tries one
    branch per letter rather than every alternative. Those that share a letter keep their
    order among themselves. Only for lower-cased literals: the
    engine cannot rule a branch out this way when ignoring case."""
    alternatives = [part for alt in alternatives for part in _expanded(alt)]
    heads: dict[str, list[str]] = {}
    order: list[tuple[str, str]] = []  # (a shared letter, "") or ("", an alternative as it was)
    for alt in alternatives:
        if len(alt) > 1 and alt[0] in _PLAIN_LETTERS and alt[1] not in "?*+{":
            if alt[0] not in heads:
                heads[alt[0]] = []
                order.append((alt[0], ""))
            heads[alt[0]].append(alt[1:])
        else:
            order.append(("", alt))
    return "|".join(
        alt
        or letter
        + (f"(?:{_factored(heads[letter])})" if len(heads[letter]) > 1 else heads[letter][0])
        for letter, alt in order
    )


@lru_cache(maxsize=256)
def _compiled(rule: Rule) -> tuple[tuple[bool, re.Pattern[str]], ...]:
    """The rule as patterns to run, each with whether it runs on the lower-cased text.

    Alternatives that start at a word boundary share one boundary, so they are tried where a
    word starts rather than at every character; those that care about case ("AGAIN", a
    capitalised name) run on the text as written. That keeps a long message's check within a
    few milliseconds as the provider types."""
    if not rule.pattern:
        phrases = "|".join(_phrase_pattern(phrase) for phrase in rule.phrases)
        return ((False, re.compile(phrases, re.IGNORECASE)),)
    alternatives = [part for alt in _alternatives(rule.pattern) for part in _unwrapped(alt)]
    as_written = [alt for alt in alternatives if "(?-i:" in alt]
    lower = [_lower_literals(alt) for alt in alternatives if "(?-i:" not in alt]
    pieces = []
    if lower:
        pieces.append((True, re.compile(_joined(lower, lower=True), re.MULTILINE)))
    if as_written:
        pieces.append(
            (False, re.compile(_joined(as_written, lower=False), re.IGNORECASE | re.MULTILINE))
        )
    return tuple(pieces)


def _matches(rule: Rule, plain: str, lowered: str) -> list[re.Match[str]]:
    return [
        match
        for on_lowered, pattern in _compiled(rule)
        for match in pattern.finditer(lowered if on_lowered else plain)
    ]


def _lowered(text: str) -> str:
    """Lower case with every character where it was, so positions still point into the text."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _normalised(text: str) -> str:
    # Curly apostrophes match straight ones; the length stays the same so positions hold.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _greeting_findings(text: str, preferred_name: str, full_name: str) -> list[Finding]:
    preferred = preferred_name.strip()
    if not preferred:
        return []
    match = _GREETING_LINE.match(text)
    if match is None or _GENERIC.match(match["name"].strip()):
        return []  # no greeting is fine; "Dear Customer" is the greeting-generic rule's
    greeted = match["name"].strip()
    start, end = match.start("name"), match.start("name") + len(match["name"].rstrip())
    if _fold(preferred) in _fold(greeted).split() or _fold(greeted) == _fold(preferred):
        return []
    if _fold(preferred) == _fold(full_name) and _part_of(greeted, full_name):
        return []  # no other name given: "Hi Greta" or "Dear Ms Lind" for Greta Lind is fine
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


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})


def _part_of(greeted: str, name: str) -> bool:
    """Whether every word of the greeting, titles aside, is one of the name's."""
    words = [word for word in _fold(greeted).split() if word.rstrip(".") not in _TITLES]
    return bool(words) and set(words) <= set(_fold(name).split())


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
    quoted = [match.span() for match in _QUOTED.finditer(plain)]
    quoted += [match.span() for match in _ADDRESS.finditer(plain)]
    findings: list[Finding] = []
    sentences = [match.span() for match in _SENTENCE.finditer(plain)]
    lowered = _lowered(plain)
    learned = []
    for rule in rules:
        if rule.id in off or (rule.only_when_new and closeness != "new"):
            continue
        if rule.learned:
            learned.append(rule)
            continue
        for match in _matches(rule, plain, lowered):
            start, end = _hit(match)
            if (
                end > start
                and not _inside(start, quoted)
                and _in_context(rule, lowered, start, sentences)
            ):
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
    for rule in learned:
        findings += _learned_findings(rule, text, lowered, sentences, quoted, findings)
    # Their own name is never a pet name, even when it is Precious or Honey.
    names = {_fold(part) for part in f"{preferred_name} {full_name}".split()}
    findings = [f for f in findings if not (f.category == PET_NAME and _fold(f.text) in names)]
    if "greeting-name" not in off:
        findings += _greeting_findings(text, preferred_name, full_name)
    return sorted(_distinct(findings), key=lambda f: (f.start, SEVERITY_ORDER[f.severity], f.rule))


def _learned_findings(
    rule: Rule,
    text: str,
    lowered: str,
    sentences: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    found: list[Finding],
) -> list[Finding]:
    """The learned money signal's findings: the sentence it points at, and the words that
    tipped it, so the note explains itself as a phrase rule does. Where a rule of the same
    category already names the words in that sentence, its finding says it better."""
    named = sorted(f.start for f in found if f.category == rule.category)
    return [
        Finding(
            rule.id,
            rule.category,
            rule.severity,
            flag.start,
            flag.end,
            text[flag.start : flag.end],
            f"{rule.explanation} The words that weighed most: "
            + ", ".join(f"“{words}”" for words in flag.tipping)
            + ".",
            rule.fix,
        )
        for flag in money_signal.flagged(lowered, sentences, quoted, named=named)
    ]


def _distinct(findings: list[Finding]) -> list[Finding]:
    """One finding for the same words: two families of a category that both see "you must have
    missed" say it once, with the wider span."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(
            other.category == finding.category
            and other.start <= finding.start
            and finding.end <= other.end
            for other in kept
        ):
            kept.append(finding)
    return kept


def blocks_sending(findings: Iterable[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def custom_rule(*, id: str, category: str, phrase: str, explanation: str, fix: str) -> Rule:
    """A practice's own phrase, checked like the built-in ones."""
    return Rule(id, category, WARNING, explanation, fix, phrases=(phrase,))
