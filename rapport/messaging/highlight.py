"""The draft cut into pieces, with the words each finding points at marked. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapport.messaging.checker import Finding


@dataclass(frozen=True)
class Piece:
    text: str
    finding: Finding | None = None
    number: int = 0  # the finding's place in the list beside the draft, from 1


def highlighted(text: str, findings: Iterable[Finding]) -> list[Piece]:
    """The body's findings in order; where two overlap, the first one marks the words."""
    numbered = [
        (number, finding)
        for number, finding in enumerate(findings, start=1)
        if finding.where == "body" and finding.end > finding.start
    ]
    pieces: list[Piece] = []
    at = 0
    for number, finding in sorted(numbered, key=lambda item: item[1].start):
        if finding.start < at:
            continue
        if finding.start > at:
            pieces.append(Piece(text[at : finding.start]))
        pieces.append(Piece(text[finding.start : finding.end], finding, number))
        at = finding.end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces if any(piece.finding for piece in pieces) else []
