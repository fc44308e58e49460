"""Recurring themes in feedback answers: which things clients keep saying would have helped.

A pure core: it takes answers (an id and the client's words) and returns themes, each with a
short label, the answers in it, how many, and a few quotes. No database, no Django, no logs
(answers are the client's words and stay out of them).

How (chosen on the written corpus by bench/feedback_themes.py; figures in bench/RESULTS.md):
each answer is cut into words, folded (lower case, a few spellings and synonyms that mean the
same thing to a practice, such as "pricey" and "expensive", then an English stemmer, so "rushed"
and "rushing" count as one); TF-IDF over words and word pairs (scikit-learn, sublinear, so a
word said twice in one answer does not weigh double) makes a table of answers by words, and
non-negative matrix factorisation (NMF) splits it into a few topics. An answer joins each
topic that holds at least half of its strongest weight, so one answer can be in two themes, and
one that shares no words with others is in none. A topic of fewer than three answers is no
theme. Everything is computed with a fixed seed: the same answers give the same themes.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import snowballstemmer
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    TfidfVectorizer,
)

HOW_THEMES_ARE_FOUND = (
    "Themes are found by comparing the words of the answers, not by reading them. Rapport "
    "takes the answers of the last months, treats words that mean the same thing to a "
    'practice as one ("pricey" and "expensive", "rushed" and "rushing"), and looks '
    "for groups of answers that keep using the same words, with a standard method of text "
    "analysis (TF-IDF and non-negative matrix factorisation, from the scikit-learn library). "
    "A theme needs at least three answers; one answer can belong to two themes, and an answer "
    'like "nothing, it was great" may belong to none. The name of a theme is made of its '
    "most telling words, and the quotes are the answers that fit it best, in the client's own "
    "words. It can miss a theme that clients put in very different words, and it never "
    "decides anything on its own: read the answers behind a theme before acting on it."
)

SEED = 19
SMALLEST_THEME = 3  # answers
MOST_THEMES = 10
ANSWERS_PER_TOPIC = 3  # topics tried: one per this many answers, between 2 and MOST_THEMES
JOIN_SHARE = 0.5  # an answer joins a topic holding at least this share of its strongest weight
JOIN_FLOOR = 0.05  # ... and at least this weight
QUOTES = 3
QUOTE_LENGTH = 140  # characters; a longer answer is cut at a word, with an ellipsis

# Words of the question, and of answering any question, that say nothing about a theme.
_FILLER = frozenset(
    " ".join(
        (
            "would could should like liked help helped helpful helps made make today maybe bit",
            "really just pls thanks thank tbh honestly nice lot alot think feel felt good great",
            "little quite ok okay also got thing things way able want wanted need needed sure",
            "time's i'd i'm it's don't didn't wasn't couldn't can't",
        )
    ).split()
)
# sklearn's list, less words that carry a theme in feedback ("a phone call", "between
# sessions", "the first session"). Keeping "after" and "before" too was measured: worse.
_STOP = (ENGLISH_STOP_WORDS - {"call", "between", "first"}) | _FILLER

# Spellings and synonyms folded into one word before stemming: a small domain list, kept to
# words a practice's clients use for the same thing (bench/feedback_themes.py measures it).
_SPELLINGS = {
    # British and American spellings, common typos
    "practise": "practice",
    "summarise": "summarize",
    "sumary": "summary",
    "tiem": "time",
    "apointment": "appointment",
    "ment": "meant",
    "recieve": "receive",
}
_SYNONYMS = {
    # money
    "pricey": "price",
    "pricing": "price",
    "prices": "price",
    "expensive": "price",
    "cheaper": "price",
    "cheap": "price",
    "cost": "price",
    "costs": "price",
    "fee": "price",
    "fees": "price",
    "charge": "price",
    "charged": "price",
    "afford": "price",
    # waiting
    "waited": "wait",
    "waiting": "wait",
    "late": "wait",
    "delay": "wait",
    "behind": "wait",
    "punctual": "wait",
    "punctuality": "wait",
    "promptly": "wait",
    # written notes
    "notes": "summary",
    "recap": "summary",
    "summarize": "summary",
    "written": "summary",
    "writing": "summary",
    "jot": "summary",
    # rushed, heard
    "hurry": "rushed",
    "hurried": "rushed",
    "hurrying": "rushed",
    "rush": "rushed",
    "heard": "listened",
    "hear": "listened",
    "listening": "listened",
    "listen": "listened",
    # check-ins
    "check-in": "check",
    "checking": "check",
    "checked": "check",
    "touch": "check",
    # practice at home
    "homework": "exercises",
    "worksheet": "exercises",
    "worksheets": "exercises",
    "stretches": "exercises",
    "drills": "exercises",
    # messages
    "texts": "text",
    "texting": "text",
    "sms": "text",
    "whatsapp": "text",
    "emails": "email",
    "ringing": "phone",
    "ring": "phone",
    "calls": "phone",
    "calling": "phone",
    # getting there
    "park": "parking",
    "car": "parking",
    # booking
    "rebook": "booking",
    "rebooking": "booking",
    "book": "booking",
    "reschedule": "booking",
    "rescheduling": "booking",
    "rearrange": "booking",
}
_FOLD = _SPELLINGS | _SYNONYMS
# Words a label may start with although they carry no theme alone ("more time").
_LABEL_EDGES = frozenset({"more", "less", "after", "before", "on", "in", "not"})
# Phrases whose words alone mislead ("time" in "on time" is about waiting, not about more time).
_PHRASES = {
    "on time": "punctual",
    "check in": "check",
    "follow up": "check",
    "followed up": "check",
    "follow-up": "check",
    "car park": "parking",
}
_PHRASE = re.compile("|".join(rf"\b{re.escape(p)}\b" for p in _PHRASES))

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Answer:
    """One answer to a feedback question: its id (any string the caller can map back) and
    the client's words."""

    id: str
    text: str


@dataclass(frozen=True)
class Theme:
    """A recurring theme: a short label built from its most telling words, the answers in it
    (strongest first), how many, and a few of those answers as quotes."""

    label: str
    answer_ids: tuple[str, ...]
    count: int
    quotes: tuple[str, ...]


def _words(text: str) -> list[str]:
    """The words of an answer, lower case, accents and curly quotes plain, fillers gone."""
    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = plain.encode("ascii", "ignore").decode().lower()
    if _FOLD is not _SPELLINGS:  # the bench's variant without synonyms goes without these too
        plain = _PHRASE.sub(lambda m: _PHRASES[m.group(0)], plain)
    return [w for w in _WORD.findall(plain) if w not in _STOP]


def _terms(text: str, surface: Counter[tuple[str, str]] | None = None) -> list[str]:
    """Folded, stemmed words and adjacent pairs; `surface` counts which word each stem came
    from, so a label can use a word clients wrote rather than a stem."""
    stems = []
    for word in _words(text):
        stem = _stem(word)
        if stem is None:
            continue
        stems.append(stem)
        if surface is not None:
            surface[(stem, word)] += 1
    return stems + [f"{a} {b}" for a, b in itertools.pairwise(stems) if a != b]


@functools.lru_cache(maxsize=50_000)
def _stem(word: str) -> str | None:
    """The stem a word counts as, or None for a word that carries no theme. Cached: the
    stemmer is pure Python and answers repeat their words."""
    if word in _STOP:
        return None
    stem = _stemmer.stemWord(_FOLD.get(word, word))
    return None if stem in _STOP or len(stem) < 2 else stem


def _edge(word: str) -> bool:
    """Whether a label can start with this word: not "the" or "to", but "more" (it ends with
    a word that carries the theme)."""
    return word in _LABEL_EDGES or _stem(word) is not None


def _label(texts: Sequence[str], top: Sequence[str], readable: dict[str, str]) -> str:
    """A short label for a theme: the run of up to four words, as clients wrote them, that
    most of its answers share and that holds its most telling word, and its second when it
    can ("started late", "between sessions", "written summary"); else its two most telling
    words as clients most often wrote them ("price · clearer")."""
    words = [t for t in top if " " not in t][:2] or top[0].split()[:2]
    found: Counter[str] = Counter()
    for text in texts:
        plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        tokens = _WORD.findall(plain.encode("ascii", "ignore").decode().lower())
        stems = [_stem(t) for t in tokens]
        runs = set()
        for i in range(len(tokens)):
            for j in range(i + 1, min(i + 4, len(tokens)) + 1):
                if words[0] not in stems[i:j] or not _edge(tokens[i]) or stems[j - 1] is None:
                    continue
                runs.add(" ".join(tokens[i:j]))
        found.update(runs)
    shared = [r for r in found if found[r] >= 2 and " " in r and len(r) <= 30]
    if shared:

        def score(run: str) -> tuple[bool, int, int, str]:
            both = len(words) > 1 and words[1] in {_stem(w) for w in run.split()}
            return (not both, -found[run], len(run), run)

        return min(shared, key=score)
    return " · ".join(readable.get(w, w) for w in words)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= QUOTE_LENGTH:
        return text
    return text[:QUOTE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def themes_of(answers: Sequence[Answer]) -> list[Theme]:
    """The recurring themes of `answers`, the largest first (ties by label). Answers with no
    words that carry meaning ("-", "n/a", an emoji) join no theme; fewer than three answers
    that do give no theme at all."""
    surface: Counter[tuple[str, str]] = Counter()
    docs = [(a, _terms(a.text, surface)) for a in answers]
    docs = [(a, terms) for a, terms in docs if terms]
    if len(docs) < SMALLEST_THEME:
        return []
    readable: dict[str, str] = {}
    for (stem, word), _n in sorted(surface.items(), key=lambda kv: (-kv[1], kv[0])):
        readable.setdefault(stem, word)

    # A word in more than half the answers tells the themes apart no better than "the" does,
    # unless there are only a few answers, all perhaps about one thing.
    vectorizer = TfidfVectorizer(
        analyzer=lambda terms: terms,
        sublinear_tf=True,
        min_df=2,
        max_df=0.5 if len(docs) >= 20 else 1.0,
    )
    try:
        table = vectorizer.fit_transform([terms for _, terms in docs])
    except ValueError:  # no term is shared by two answers
        return []
    topics = min(max(2, len(docs) // ANSWERS_PER_TOPIC), MOST_THEMES, *table.shape)
    model = NMF(n_components=topics, init="nndsvd", random_state=SEED, max_iter=400)
    # Few or repeated answers make a table of low rank: its start values may take the root of
    # a rounding error below zero, and the fit may stop before it settles. Both are harmless
    # here (the weights are only compared), so neither warns.
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = np.nan_to_num(model.fit_transform(table))
    names = vectorizer.get_feature_names_out()

    strongest = weights.max(axis=1)
    themes: list[Theme] = []
    for t in range(topics):
        members = [
            i
            for i in np.argsort(-weights[:, t], kind="stable")
            if weights[i, t] >= JOIN_FLOOR and weights[i, t] >= JOIN_SHARE * strongest[i]
        ]
        if len(members) < SMALLEST_THEME:
            continue
        top = [names[j] for j in np.argsort(-model.components_[t], kind="stable")[:6]]
        answers_in = [docs[i][0] for i in members]
        # Quotes: among the nine answers that fit best, the short ones first (a quote is read
        # at a glance), in order of fit, the same words only once.
        quotes: list[str] = []
        for a in sorted(answers_in[: QUOTES * 3], key=lambda a: len(a.text) > 90):
            q = _quote(a.text)
            if q.lower() not in {x.lower() for x in quotes}:
                quotes.append(q)
            if len(quotes) == QUOTES:
                break
        label = _label([a.text for a in answers_in], top, readable)
        if any(th.label == label for th in themes):  # two topics, one wording: tell them apart
            extra = [readable.get(w, w) for w in top if " " not in w and w not in label]
            label = " · ".join([label, *extra[:1]])
        themes.append(
            Theme(
                label=label,
                answer_ids=tuple(a.id for a in answers_in),
                count=len(answers_in),
                quotes=tuple(quotes),
            )
        )
    return sorted(themes, key=lambda th: (-th.count, th.label))
