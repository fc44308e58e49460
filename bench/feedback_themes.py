"""Compares ways of grouping feedback answers into themes, on the written corpus in
tests/data/feedback/answers.jsonl (about 300 answers, hand-labelled with ten themes or none).

    .venv/bin/python bench/feedback_themes.py              # every candidate on the dev half
    .venv/bin/python bench/feedback_themes.py --held-out   # ... and on the held-out half
    .venv/bin/python bench/feedback_themes.py --only core  # one candidate

Candidate (a) needs YAKE, which the app does not depend on: `.venv/bin/pip install yake==0.7.3`.

For each hand theme, the found theme that best matches it (highest F1 of answer membership)
gives its precision, recall and F1; a hand theme counts as *found* at F1 >= 0.5. A found theme
is *junk* when no hand theme covers at least half of its answers ("nothing, it was great"
answers count as a hand theme of their own here, "nothing to change", so grouping them is not
junk, but it is shown). Time is for 1,000 answers (the corpus repeated with a varying suffix).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import numpy as np  # noqa: E402
from sklearn.cluster import AgglomerativeClustering, KMeans  # noqa: E402
from sklearn.decomposition import NMF  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from rapport.feedback.themes import Answer, themes_of  # noqa: E402

CORPUS = HERE.parent / "tests" / "data" / "feedback" / "answers.jsonl"
NOTHING = "(nothing)"
FOUND_AT = 0.5
SEED = 19

Groups = list[tuple[str, set[str]]]  # (label, answer ids)
Candidate = Callable[[Sequence[Answer]], Groups]


def load(split: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if split == "all" or r["split"] == split]


def answers(rows: Sequence[dict[str, object]]) -> list[Answer]:
    return [Answer(id=str(r["id"]), text=str(r["text"])) for r in rows]


# --- candidates -------------------------------------------------------------------------------


def _keep(groups: Groups, smallest: int = 3) -> Groups:
    return [(label, ids) for label, ids in groups if len(ids) >= smallest]


def yake_grouped(items: Sequence[Answer]) -> Groups:
    """(a) YAKE keyphrases (1-2 words) of the whole set of answers; an answer belongs to a
    keyphrase when it holds each of its words (first five letters, so "booked" holds "book");
    keyphrases whose answers overlap by half or more are merged."""
    import yake

    text = "\n".join(a.text.rstrip(".!? ") + "." for a in items)
    extractor = yake.KeywordExtractor(lan="en", n=2, top=60, dedup_lim=0.7)
    phrases = [k for k, _ in extractor.extract_keywords(text)]
    stems = [[w[:5] for w in re.findall(r"[a-z]+", p.lower())] for p in phrases]
    words = {a.id: {w[:5] for w in re.findall(r"[a-z]+", a.text.lower())} for a in items}
    groups: Groups = []
    for phrase, stem in zip(phrases, stems, strict=True):
        ids = {i for i, ws in words.items() if stem and all(s in ws for s in stem)}
        if len(ids) < 3:
            continue
        for n, (label, old) in enumerate(groups):
            if len(ids & old) >= 0.5 * min(len(ids), len(old)):
                groups[n] = (label, old | ids)
                break
        else:
            groups.append((phrase, ids))
    return _keep(groups)[:12]


def _tfidf(texts: Sequence[str], char: bool = False) -> tuple[object, object]:
    if char:
        vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_df=0.5
        )
    else:
        vec = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=2, stop_words="english", max_df=0.5
        )
    return vec, vec.fit_transform(texts)


def _top_label(vec: object, weights: np.ndarray, n: int = 3) -> str:
    terms = vec.get_feature_names_out()  # type: ignore[attr-defined]
    return ", ".join(terms[i] for i in np.argsort(weights)[::-1][:n])


def _nmf(items: Sequence[Answer], k: int, char: bool = False, floor: float = 0.05) -> Groups:
    vec, x = _tfidf([a.text for a in items], char=char)
    model = NMF(n_components=k, init="nndsvd", random_state=SEED, max_iter=400)
    w = model.fit_transform(x)
    groups: Groups = []
    for t in range(k):
        ids = {
            a.id
            for a, row in zip(items, w, strict=True)
            if row[t] > floor and row[t] >= 0.5 * row.max()
        }
        groups.append((_top_label(vec, model.components_[t]), ids))
    return _keep(groups)


def tfidf_nmf(items: Sequence[Answer]) -> Groups:
    """(b1) TF-IDF of words and word pairs (sublinear, English stop words) and NMF, 10 topics
    (as many as the core); an answer joins each topic holding half its strongest weight."""
    return _nmf(items, 10)


def tfidf_nmf_char(items: Sequence[Answer]) -> Groups:
    """(b2) The same over character 3-5-grams inside words (typos, "rushed"/"rush")."""
    return _nmf(items, 10, char=True, floor=0.02)


def tfidf_kmeans(items: Sequence[Answer]) -> Groups:
    """(b3) TF-IDF words and pairs, KMeans into 10 clusters (each answer in exactly one)."""
    vec, x = _tfidf([a.text for a in items])
    km = KMeans(n_clusters=10, random_state=SEED, n_init=10).fit(x)
    return _keep(
        [
            (
                _top_label(vec, km.cluster_centers_[c]),
                {a.id for a, lab in zip(items, km.labels_, strict=True) if lab == c},
            )
            for c in range(10)
        ]
    )


def tfidf_agglomerative(items: Sequence[Answer]) -> Groups:
    """(b4) TF-IDF words and pairs, agglomerative clustering, cosine, average linkage, cut at
    distance 0.9: answers sharing little stay alone and make no theme."""
    vec, x = _tfidf([a.text for a in items])
    dense = x.toarray()  # type: ignore[attr-defined]
    keep = dense.sum(axis=1) > 0
    idx = np.flatnonzero(keep)
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.9
    ).fit(dense[keep])
    groups: Groups = []
    for c in sorted(set(model.labels_)):
        members = idx[model.labels_ == c]
        groups.append(
            (_top_label(vec, dense[members].mean(axis=0)), {items[i].id for i in members})
        )
    return _keep(groups)


def core(items: Sequence[Answer]) -> Groups:
    """(c) rapport.feedback.themes.themes_of: the chosen method (see its docstring)."""
    return [(t.label, set(t.answer_ids)) for t in themes_of(items)]


def core_no_synonyms(items: Sequence[Answer]) -> Groups:
    """(b5) The core without its synonym list (spellings and the stemmer only)."""
    from rapport.feedback import themes

    kept = themes._FOLD
    themes._FOLD = themes._SPELLINGS
    themes._stem.cache_clear()
    try:
        return core(items)
    finally:
        themes._FOLD = kept
        themes._stem.cache_clear()


CANDIDATES: dict[str, Candidate] = {
    "yake": yake_grouped,
    "nmf": tfidf_nmf,
    "nmf-char": tfidf_nmf_char,
    "kmeans": tfidf_kmeans,
    "agglo": tfidf_agglomerative,
    "stemmed": core_no_synonyms,
    "core": core,
}

# --- scoring ----------------------------------------------------------------------------------


def hand_themes(rows: Sequence[dict[str, object]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in rows:
        for t in r["themes"] or [NOTHING]:  # type: ignore[attr-defined]
            out.setdefault(t, set()).add(str(r["id"]))
    return out


def score(groups: Groups, hand: dict[str, set[str]]) -> dict[str, object]:
    per: dict[str, tuple[float, float, float, str]] = {}
    for name, gold in hand.items():
        best = (0.0, 0.0, 0.0, "")
        for label, ids in groups:
            hit = len(ids & gold)
            p, r = hit / len(ids), hit / len(gold)
            f = 2 * p * r / (p + r) if hit else 0.0
            if f > best[2]:
                best = (p, r, f, label)
        per[name] = best
    junk = [
        label
        for label, ids in groups
        if max(len(ids & gold) / len(ids) for gold in hand.values()) < 0.5
    ]
    real = [n for n in hand if n != NOTHING]
    return {
        "per": per,
        "found": sum(per[n][2] >= FOUND_AT for n in real),
        "mean_f1": statistics.mean(per[n][2] for n in real),
        "themes": len(groups),
        "junk": junk,
    }


def timing(fn: Candidate, n: int = 1000) -> float:
    rows = load("all")
    base = answers(rows)
    items = [
        Answer(id=f"t{i}", text=f"{base[i % len(base)].text} (visit {i // len(base)})")
        for i in range(n)
    ]
    fn(items)  # warm
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        fn(items)
        runs.append(time.perf_counter() - start)
    return min(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--held-out", action="store_true", help="also score the held-out half")
    ap.add_argument("--only", choices=sorted(CANDIDATES))
    ap.add_argument("--detail", action="store_true", help="per-theme figures and found labels")
    ap.add_argument("--no-time", action="store_true")
    args = ap.parse_args()
    splits = ["dev", "heldout"] if args.held_out else ["dev"]
    names = [args.only] if args.only else list(CANDIDATES)
    for name in names:
        fn = CANDIDATES[name]
        line = [f"{name:8}"]
        for split in splits:
            rows = load(split)
            s = score(fn(answers(rows)), hand_themes(rows))
            line.append(
                f"{split}: found {s['found']}/10, mean F1 {s['mean_f1']:.2f}, "
                f"themes {s['themes']}, junk {len(s['junk'])}"  # type: ignore[arg-type]
            )
            if args.detail:
                for t, (p, r, f, label) in sorted(s["per"].items()):  # type: ignore[attr-defined]
                    print(f"   {split} {t:10} P {p:.2f} R {r:.2f} F1 {f:.2f}  <- {label}")
                print(f"   {split} junk: {s['junk']}")
                for label, ids in fn(answers(rows)):
                    print(f"   {split} theme {label!r}: {len(ids)}")
        if not args.no_time:
            line.append(f"1,000 answers: {timing(fn) * 1000:.0f} ms")
        print(" | ".join(line), flush=True)


if __name__ == "__main__":
    main()
