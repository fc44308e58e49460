"""Advice as the client reads it: the words keep the label the provider gave it.

Known is said plainly, a best guess says it is one, and a "don't know" says so and what will
happen next. Plain data in, plain words out: the composer starts from these and the provider
edits them before approving.
"""

from __future__ import annotations

# Certainty's values (rapport.cases.models.Certainty), spelled here so this core needs no Django.
KNOWN, GUESS, UNKNOWN = "known", "guess", "unknown"


def _clause(text: str) -> str:
    """A sentence made to follow other words: no closing stop, and a lowercase start unless the
    first word is a name or an acronym ("I", "Wi-Fi", "BT")."""
    text = " ".join(text.split()).rstrip(".!;:, ")
    first = text.split(" ", 1)[0]
    plain_word = len(first) > 1 and first[1:].islower() and "-" not in first
    if first[:1].isupper() and (plain_word or first == "A"):
        return text[0].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text[-1] in ".!?" else ".")


def advice_in_words(*, certainty: str, text: str, next_step: str = "") -> str:
    """The advice in the words its label promises, e.g. "My best guess is …"."""
    step = _clause(next_step)
    if certainty == UNKNOWN:
        return f"About {_clause(text)}: I don't know yet; what I will do is {step}."
    said = _sentence(text) if certainty == KNOWN else f"My best guess is {_clause(text)}."
    return f"{said} Next step: {step}." if step else said
