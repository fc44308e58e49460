"""How well the word check does on messages it has never seen, beside alex.

    .venv/bin/python bench/checker_eval.py            # both halves, the check and alex
    .venv/bin/python bench/checker_eval.py --no-alex  # the check only

Reads the labelled corpus in tests/data/checker/ (the development half rules are written
against, dev.jsonl and the dev_*.jsonl sets written since, and the sealed half measured only
at the end of an iteration) and prints, per category, precision and recall at the level of
messages (a message counts as flagged for a category when any finding of that category is in
it, whatever its severity), and the share of clean messages with any finding at all. Then the
same for alex (the npm package, installed in bench/alex/ on first use): alex has no categories
of ours, so its recall per category is the share of that category's messages it flags with
anything. For money-shame it also says what the phrase families find without the learned
signal (rapport/messaging/rules/money/signal.py). Last, the median time to check a
2,000-character message (target: 5 ms).
Goal (issue 12): recall >= 0.9 in every category, <= 5% of clean messages flagged.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "data" / "checker"
ALEX = HERE / "alex"
sys.path.insert(0, str(HERE.parent))

from rapport.messaging.checker import check  # noqa: E402
from rapport.messaging.rules import CATEGORIES, MONEY_SHAME  # noqa: E402

Row = dict[str, object]


def load(half: str) -> list[Row]:
    """A half of the corpus. The development half is dev.jsonl and every set written since to
    widen the families (dev_*.jsonl); the sealed half is sealed.jsonl alone."""
    paths = sorted(CORPUS.glob("dev*.jsonl")) if half == "dev" else [CORPUS / f"{half}.jsonl"]
    return [row for path in paths for row in _rows(path)]


def _rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def rapport_flags(row: Row, silenced: tuple[str, ...] = ()) -> set[str]:
    findings = check(
        str(row["text"]),
        preferred_name=str(row["preferred_name"]),
        full_name=str(row["full_name"]),
        closeness=str(row["closeness"]),
        silenced=silenced,
    )
    return {finding.category for finding in findings}


def without_the_signal(row: Row) -> set[str]:
    """The phrase families alone, to show what the learned money signal adds."""
    return rapport_flags(row, silenced=("money-signal",))


@dataclass
class Score:
    precision: dict[str, float]
    recall: dict[str, float]
    positives: dict[str, int]
    clean_flagged: float
    clean: int
    missed: dict[str, list[str]]  # ids, to read when writing rules on the development half
    false: dict[str, list[str]]


def score(rows: Iterable[Row], flags: Callable[[Row], set[str]]) -> Score:
    rows = list(rows)
    found = {str(row["id"]): flags(row) for row in rows}
    precision, recall, positives = {}, {}, {}
    missed: dict[str, list[str]] = {}
    false: dict[str, list[str]] = {}
    for category in CATEGORIES:
        truth = {str(row["id"]) for row in rows if category in row["labels"]}  # type: ignore[operator]
        said = {key for key, categories in found.items() if category in categories}
        hits = truth & said
        positives[category] = len(truth)
        recall[category] = len(hits) / len(truth) if truth else 1.0
        precision[category] = len(hits) / len(said) if said else 1.0
        missed[category] = sorted(truth - said)
        false[category] = sorted(said - truth)
    clean = [str(row["id"]) for row in rows if not row["labels"]]
    flagged = [key for key in clean if found[key]]
    return Score(precision, recall, positives, len(flagged) / len(clean), len(clean), missed, false)


def alex_flags(rows: list[Row]) -> Callable[[Row], set[str]]:
    """alex's findings for every row, run once; any finding counts for every category."""
    if not (ALEX / "node_modules" / "alex").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=ALEX, check=True)
    given = "".join(json.dumps({"id": row["id"], "text": row["text"]}) + "\n" for row in rows)
    out = subprocess.run(
        ["node", "run.mjs"], cwd=ALEX, input=given, capture_output=True, text=True, check=True
    ).stdout
    flagged = {item["id"] for item in map(json.loads, out.splitlines()) if item["rules"]}
    return lambda row: set(CATEGORIES) if row["id"] in flagged else set()


def table(title: str, result: Score) -> str:
    lines = [f"{title}", f"{'category':<15}{'n':>5}{'precision':>11}{'recall':>8}"]
    for category in CATEGORIES:
        lines.append(
            f"{category:<15}{result.positives[category]:>5}"
            f"{result.precision[category]:>11.2f}{result.recall[category]:>8.2f}"
        )
    lines.append(f"clean flagged: {result.clean_flagged:.1%} of {result.clean}")
    return "\n".join(lines)


def median_ms_for_2000_characters() -> float:
    # The same 2,000 characters as every earlier measurement: the start of dev.jsonl.
    text = " ".join(str(row["text"]) for row in _rows(CORPUS / "dev.jsonl"))[:2000]
    times = []
    for _ in range(200):
        start = time.perf_counter()
        check(text, preferred_name="Maya", full_name="Maya Lindqvist", closeness="new")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-alex", action="store_true", help="measure the check only")
    parser.add_argument("--misses", metavar="CATEGORY", help="list the development half's misses")
    parser.add_argument(
        "--dev-only", action="store_true", help="while writing rules: leave the sealed half shut"
    )
    args = parser.parse_args()
    for half in ("dev",) if args.dev_only else ("dev", "sealed"):
        rows = load(half)
        result = score(rows, rapport_flags)
        print(table(f"Rapport's check, {half} half ({len(rows)} messages)", result))
        alone = score(rows, without_the_signal)
        print(
            f"without the learned money signal: money-shame recall {alone.recall[MONEY_SHAME]:.2f} "
            f"({alone.positives[MONEY_SHAME] - len(alone.missed[MONEY_SHAME])}"
            f"/{alone.positives[MONEY_SHAME]}), clean flagged {alone.clean_flagged:.1%}",
            end="\n\n",
        )
        if args.misses and half == "dev":
            by_id = {row["id"]: row for row in rows}
            for kind, ids in (("missed", result.missed), ("wrongly flagged", result.false)):
                for key in ids.get(args.misses, []):
                    print(f"-- {kind} {key}: {by_id[key]['text']!r}\n")
        if not args.no_alex:
            print(table(f"alex, {half} half", score(rows, alex_flags(rows))), end="\n\n")
    print(f"median time to check 2,000 characters: {median_ms_for_2000_characters():.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
