"""Template shapes left in a draft: the client would see them as they are."""

from __future__ import annotations

from rapport.messaging.rules.base import (
    ERROR,
    PLACEHOLDER,
    Rule,
)

PLACEHOLDER_RULES: tuple[Rule, ...] = (
    Rule(
        "unfilled-placeholder",
        PLACEHOLDER,
        ERROR,
        "A placeholder was left in the text; the client would see it as it is.",
        "Replace it with the real words, or remove it.",
        pattern=r"\{\{[^{}\n]{0,60}\}\}|\{[^{}\n]{1,40}\}"
        r"|(?-i:\[(?:[A-Z][A-Za-z0-9 .'/&#_-]{0,40}|\.\.\.|…)\])"
        r"|\[(?i:(?:insert|add|your|client|customer|first|last|full|name|date|time|day|amount|"
        r"price|address|phone|email|company|business|link|url|ref)[^\]\n]{0,30})\]"
        r"|<<[^<>\n]{1,40}>>|<(?!https?:|mailto:|3)[A-Za-z][^<>@\n:/]{0,40}>"
        r"|%[A-Za-z_][A-Za-z0-9_]{1,30}%"
        r"|(?-i:(?<![A-Za-z])(?:X{4,}|X{2,3}(?=[/:.,\-]?\d|[/:]|\.X|,X)|(?<=[£$€#/:,.\-])X{2,3})"
        r"(?![A-Za-z]))"
        r"|(?-i:\b(?:TBC|TBD|TBA|TODO|FIXME)\b)"
        r"|(?<![\w?!])\?{2,}(?![\w?])"
        r"|_{2,}"
        r"|\binsert\b[^\n]{0,40}?\bhere\b",
        examples=("{{first_name}}", "[DATE]", "£XX.XX", "on TBC", "insert link here"),
    ),
)
