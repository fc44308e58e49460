"""A learned signal for money-shame the phrase families do not reach.

People write money-shame in more ways than any list of shapes holds, so beside the families
there is a small logistic regression over words and word pairs, trained on the development
half of the word check's corpus only (bench/money_signal.py writes its weights to
signal.json beside this file). It is transparent: every word pair carries one weight, a
passage's score is the sum of the weights of the words in it, and a finding names the words
that tipped it. It speaks only when it is sure (a high threshold), only where money is
mentioned, and never over a respectful offer ("no rush", "happy to split it").

Pure: no Django, no third-party library; the weights are data a practice can silence as a
whole, like any rule ("money-signal").
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations, pairwise
from pathlib import Path

from rapport.messaging.rules.money.words import RESPECTFUL, WELCOMED

WEIGHTS = Path(__file__).with_name("signal.json")

_TOKEN = re.compile(r"[£$€]\s?\d+(?:[.,]\d+)*k?|\d+|[a-z]+(?:'[a-z]+)?")
# A passage is scored only when it talks about money at all.
_MONEY = re.compile(
    r"[£$€]|\b(?:pay\w*|paid|invoice\w*|bills?|balance|fees?|deposits?|money|owe[ds]?|owing|"
    r"funds?|payments?|settle\w*|charg\w+|quot\w+|costs?|pric\w+|rates?|retainer|amount|afford\w*|"
    r"cheap\w*|expensive|spend\w*|spent|financ\w*|discount\w*|quid|bucks|budget\w*|debt|cash|"
    r"wallet|pocket|savings|earn\w*|invest\w*|haggl\w*|instal+ments?|overdue|arrears)\b"
)  # run on lower-cased text, so without IGNORECASE, which would make it five times slower
# Lower-cased too: the only capital in these words is "I".
_KIND = re.compile((RESPECTFUL + "|" + WELCOMED).replace("I", "i"))


def tokens(lowered: str) -> list[str]:
    """The words of lower-cased text, with every sum of money one word and every number
    another, so "£60" and "£1,200" teach the same thing."""
    return [word if word[0] not in _SUMS else _word(word) for word in _TOKEN.findall(lowered)]


_SUMS = frozenset("£$€0123456789")  # how a sum of money or a number starts


def _word(token: str) -> str:
    if token[0] in "£$€":
        return "<money>"
    return "<number>" if token[0].isdigit() else token


def features(words: list[str]) -> set[str]:
    return {*words, *(f"{a} {b}" for a, b in pairwise(words))}


@dataclass(frozen=True)
class Weights:
    bias: float
    threshold: float  # the probability at or above which a passage is flagged
    weights: dict[str, float]

    def weigh(self, found: set[str]) -> float:
        return sum(self.weights.get(feature, 0.0) for feature in found)

    def probability(self, weight: float) -> float:
        total = self.bias + weight
        return 1 / (1 + math.exp(-max(min(total, 30.0), -30.0)))

    def score(self, found: set[str]) -> float:
        return self.probability(self.weigh(found))

    def tipping(self, found: Iterable[str], most: int = 3) -> list[str]:
        """The words that pushed hardest towards money-shame, strongest first: pairs of words
        before single ones, as "find the money" says more than "money"."""
        pushing = sorted(
            (f for f in found if self.weights.get(f, 0.0) > 0),
            key=lambda f: (" " not in f, -self.weights[f]),
        )
        return pushing[:most]


def _said(feature: str) -> str:
    return feature.replace("<money>", "£…").replace("<number>", "…")


@cache
def weights() -> Weights:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Weights(float(data["bias"]), float(data["threshold"]), dict(data["weights"]))


@dataclass(frozen=True)
class Flagged:
    start: int
    end: int
    tipping: tuple[str, ...]


def flagged(
    lowered: str,
    sentences: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    model: Weights | None = None,
    named: Sequence[int] = (),
) -> list[Flagged]:
    """The sentences the signal flags: each passage of a sentence and its neighbours (about a
    message's worth, which is what it learned from) is scored, and a passage over the threshold
    points at its sentence that weighs most. The client's quoted words are left out, and so
    is a sentence where a rule already names words (`named`: where they start, in order): the
    rule says it better, and a draft full of money talk is checked quicker."""
    model = model or weights()
    own = [(start, end) for start, end in sentences if not _inside(start, quoted)]
    mentions = [match.start() for match in _MONEY.finditer(lowered)]
    if not mentions:
        return []  # most drafts: nothing about money, nothing to score
    money = [bisect_left(mentions, end) > bisect_left(mentions, start) for start, end in own]
    said = [bisect_left(named, end) > bisect_left(named, start) for start, end in own]
    windows = [
        window
        for window in (range(max(i - 1, 0), min(i + 2, len(own))) for i in range(len(own)))
        if any(money[i] for i in window) and not all(said[i] for i in window)
    ]
    needed = sorted({i for window in windows for i in window})
    found = {i: features(tokens(lowered[slice(*own[i])])) for i in needed}
    weighs = {i: model.weigh(features) for i, features in found.items()}
    kind: dict[int, bool] = {}
    chosen: set[int] = set()
    for window in windows:
        if model.probability(_weight(model, found, weighs, window)) < model.threshold:
            continue
        heaviest = max(window, key=weighs.__getitem__)
        if said[heaviest]:
            continue
        # A respectful offer in the passage, or beside the sentence, answers the pressure.
        around = {*window, *range(max(heaviest - 1, 0), min(heaviest + 2, len(own)))}
        for i in around - kind.keys():
            kind[i] = bool(_KIND.search(lowered, *own[i]))
        if not any(kind[i] for i in around):
            chosen.add(heaviest)
    return [_pointed(model, lowered, *own[index]) for index in sorted(chosen)]


def _weight(
    model: Weights, found: Mapping[int, set[str]], weighs: Mapping[int, float], window: range
) -> float:
    """What the passage's words weigh, each counted once however many of its sentences hold
    it: the sentences' weights, less what their shared words add twice (by inclusion and
    exclusion, as set intersections are far quicker than looking every word up again)."""
    parts = [found[i] for i in window]
    total = sum(weighs[i] for i in window)
    for first, second in combinations(parts, 2):
        total -= model.weigh(first & second)
    if len(parts) == 3:
        total += model.weigh(parts[0] & parts[1] & parts[2])
    return total


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _pointed(model: Weights, lowered: str, start: int, end: int) -> Flagged:
    """The words of the sentence that weighed most, and the stretch of it they cover: the note
    marks those words rather than the whole sentence, so other findings in the sentence keep
    their own marks."""
    spans: dict[str, tuple[int, int]] = {}
    found = list(_TOKEN.finditer(lowered, start, end))
    for this, after in zip(found, [*found[1:], None], strict=True):
        spans.setdefault(_word(this.group()), this.span())
        if after is not None:
            pair = f"{_word(this.group())} {_word(after.group())}"
            spans.setdefault(pair, (this.start(), after.end()))
    tipping = model.tipping(spans)
    if not tipping:
        return Flagged(start, end, ())
    return Flagged(
        min(spans[f][0] for f in tipping),
        max(spans[f][1] for f in tipping),
        tuple(_said(f) for f in tipping),
    )
