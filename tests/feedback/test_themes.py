"""The Themes core on the written feedback corpus (tests/data/feedback/answers.jsonl, its
development half: the held-out half is scored by bench/feedback_themes.py and reported in
bench/RESULTS.md), and on small and odd inputs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rapport.feedback.themes import HOW_THEMES_ARE_FOUND, QUOTE_LENGTH, Answer, themes_of

CORPUS = Path(__file__).resolve().parent.parent / "data" / "feedback" / "answers.jsonl"


def _rows(split: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["split"] == split]


def _answers(rows: list[dict[str, object]]) -> list[Answer]:
    return [Answer(id=str(r["id"]), text=str(r["text"])) for r in rows]


def _best_f1(found: list[set[str]], gold: set[str]) -> float:
    best = 0.0
    for ids in found:
        hit = len(ids & gold)
        if hit:
            p, r = hit / len(ids), hit / len(gold)
            best = max(best, 2 * p * r / (p + r))
    return best


def test_the_corpus_is_split_and_labelled():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 290
    assert {r["split"] for r in rows} == {"dev", "heldout"}
    assert len({r["id"] for r in rows}) == len(rows)
    labels = {t for r in rows for t in r["themes"]}
    assert len(labels) == 10
    assert sum(not r["themes"] for r in rows) >= 25  # answers with no theme
    assert sum(len(r["themes"]) > 1 for r in rows) >= 25  # answers with two or three


def test_the_major_themes_are_found_on_the_development_half():
    """Measured on the development half (bench/RESULTS.md): 9 of 10 hand themes matched at
    best-match F1 >= 0.5 (the tenth, parking and the room, at 0.12), mean F1 0.72, none of
    the ten found themes junk; cost, notes, channel, waiting and booking at 0.81 or more.
    The floors sit a little under, so a library update that shifts a theme or two does not
    fail the suite, but a worse method does."""
    rows = _rows("dev")
    themes = themes_of(_answers(rows))
    found = [set(t.answer_ids) for t in themes]
    gold: dict[str, set[str]] = {}
    for r in rows:
        for t in r["themes"]:  # type: ignore[attr-defined]
            gold.setdefault(t, set()).add(str(r["id"]))
    f1 = {name: _best_f1(found, ids) for name, ids in gold.items()}
    assert sum(v >= 0.5 for v in f1.values()) >= 8, f1
    assert sum(f1.values()) / len(f1) >= 0.65, f1
    for name in ("cost", "waiting", "notes", "channel", "booking"):
        assert f1[name] >= 0.7, (name, f1)
    junk = [
        t.label
        for t in themes
        if max(len(set(t.answer_ids) & ids) / t.count for ids in gold.values()) < 0.5
    ]
    assert len(junk) <= 2, junk


def test_themes_are_well_formed():
    answers = _answers(_rows("dev"))
    by_id = {a.id: a.text for a in answers}
    themes = themes_of(answers)
    assert 5 <= len(themes) <= 10
    assert [t.count for t in themes] == sorted((t.count for t in themes), reverse=True)
    for t in themes:
        assert t.count == len(t.answer_ids) == len(set(t.answer_ids)) >= 3
        assert 1 <= len(t.label) <= 40 and t.label == t.label.strip()
        assert 2 <= len(t.quotes) <= 3
        texts = [by_id[i] for i in t.answer_ids]
        for q in t.quotes:
            assert len(q) <= QUOTE_LENGTH + 1
            # the client's own words: each quote is (the start of) one of the theme's answers
            assert any(" ".join(x.split()).startswith(q.rstrip("…")) for x in texts), q


def test_the_same_answers_give_the_same_themes():
    answers = _answers(_rows("dev"))
    assert themes_of(answers) == themes_of(list(answers))


def test_a_dozen_answers_give_a_few_themes():
    """The demo's dozen answers must show at least three themes."""
    texts = [
        "I felt rushed at the end",
        "a bit rushed, I'd have liked you to slow down",
        "It felt rushed towards the end of the hour",
        "Knowing the price before we started",
        "the price was more than I expected",
        "a clearer price list would help",
        "A written summary after the session",
        "a short written summary of what we agreed",
        "some notes or a summary by email",
        "Nothing, it was great",
        "all good thanks",
        "n/a",
    ]
    themes = themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)])
    assert len(themes) >= 3
    assert all(t.count >= 3 for t in themes)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_fewer_than_three_answers_give_no_theme(n):
    answers = [Answer(id=str(i), text="We started late again") for i in range(n)]
    assert themes_of(answers) == []


def test_five_answers_give_at_most_one_theme_of_three():
    texts = [
        "started late",
        "we started late again",
        "late start, I waited ages",
        "more exercises please",
        "Nothing, it was great",
    ]
    themes = themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)])
    assert len(themes) <= 1
    for t in themes:
        assert t.count >= 3


@pytest.mark.parametrize(
    "texts",
    [
        ["late"] * 3,
        ["started late"] * 5,
        ["late", "late", "price"],
        ["parking", "parking", "price", "price"],
    ],
)
def test_repeated_or_one_word_answers_are_handled(texts):
    """A table of one column, or of rank one, once made the factorisation refuse or warn."""
    themes = themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)])
    assert all(t.count >= 3 and t.label and t.quotes for t in themes)


_WORDS = "late waited parking price cheaper notes text email rushed heard exercises booking"
_FILLERS = "the a and nothing great 😊 - n/a on time check in"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from((_WORDS + " " + _FILLERS).split()), max_size=6).map(" ".join),
        max_size=25,
    )
)
def test_any_few_answers_give_well_formed_themes(texts):
    ids = [str(i) for i in range(len(texts))]
    themes = themes_of([Answer(id=i, text=t) for i, t in zip(ids, texts, strict=True)])
    for t in themes:
        assert t.count == len(t.answer_ids) >= 3
        assert set(t.answer_ids) <= set(ids)
        assert t.label and 1 <= len(t.quotes) <= 3


def test_answers_without_words_give_no_theme():
    texts = ["-", "n/a", "👍", "", "   ", "?!", "😊😊"]
    assert themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)]) == []


def test_nothing_shared_gives_no_theme():
    texts = ["parking", "invoice", "exercises", "whatsapp"]
    assert themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)]) == []


def test_a_long_answer_is_quoted_short():
    long = "We started late and " + "I waited and waited in the cold hall " * 20
    texts = [long, "started late again", "we started late", "late start, waited ages"]
    themes = themes_of([Answer(id=str(i), text=t) for i, t in enumerate(texts)])
    assert themes
    assert all(len(q) <= QUOTE_LENGTH + 1 for t in themes for q in t.quotes)


def test_nothing_is_logged(caplog):
    caplog.set_level(logging.DEBUG)
    themes_of(_answers(_rows("dev")))
    assert caplog.records == []


def test_the_page_text_says_how():
    assert "TF-IDF" in HOW_THEMES_ARE_FOUND and "three answers" in HOW_THEMES_ARE_FOUND
