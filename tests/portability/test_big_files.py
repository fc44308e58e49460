"""Big address books, bounded: records are read and previewed one at a time, a long note is
kept up to its limit and the preview says so, and memory is measured in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rapport.cli import main
from rapport.portability.cardlines import LONGEST, unfold
from rapport.portability.entries import NOTE_LIMIT
from rapport.portability.records import Record, open_source, read_source
from rapport.practices.models import Member

MB = 1024 * 1024
CUT = f"The note is longer than {NOTE_LIMIT:,} characters: its first {NOTE_LIMIT:,} were kept."
# `rapport` run so that it says its own peak RSS (VmHWM): the kernel's figure for a child
# (RUSAGE_CHILDREN) would count the memory of the test process it was forked from.
PEAK_OF_RAPPORT = """
import sys
from rapport.cli import main
status = main(sys.argv[1:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("peak", int(peak.split()[1]) * 1024, file=sys.stderr)
sys.exit(status)
"""


def _card(number: int, note: str = "") -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\nEMAIL:p{number}@example.org\r\n"
        f"TEL:07700 {number:06d}\r\n{note}END:VCARD\r\n"
    )


def _book(path: Path, cards: int, note: str = "") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_card(0, note))
        for number in range(1, cards):
            out.write(_card(number))
    return path


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database of its own with one practice, for `rapport` in another process."""
    folder = tmp_path_factory.mktemp("big-files")
    _rapport(folder, "createpractice", "Big Books", "--email", "big@example.org")
    return folder


def _rapport(folder: Path, *args: str) -> tuple[int, str]:
    """`rapport ARGS` in a process of its own: its peak RSS in bytes, and what it printed."""
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "RAPPORT_BASE_URL")
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env |= {"RAPPORT_DATA_DIR": str(folder), "RAPPORT_PASSWORD": "a-long-enough-password"}
    done = subprocess.run(
        [sys.executable, "-c", PEAK_OF_RAPPORT, *args],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return int(done.stderr.rsplit("peak", 1)[1]), done.stdout


def test_a_10_mb_note_costs_at_most_five_times_its_size(data_dir: Path, tmp_path: Path) -> None:
    small = _book(tmp_path / "small.vcf", 20)
    written = "x" * (10 * MB)
    one_line = _book(tmp_path / "one_line.vcf", 20, f"NOTE:{written}\r\n")
    folded = "\r\n ".join(written[at : at + 74] for at in range(0, len(written), 74))
    folded_file = _book(tmp_path / "folded.vcf", 20, f"NOTE:{folded}\r\n")
    base, _ = _rapport(data_dir, "import", str(small), "--dry-run")
    for book in (one_line, folded_file):
        peak, said = _rapport(data_dir, "import", str(book), "--dry-run")
        assert peak - base <= 5 * 10 * MB, f"{book.name}: {(peak - base) / MB:.0f} MB more"
        assert f"create  Person 0: New client. {CUT}" in said
        assert "Would import: 20 new" in said


def test_twenty_thousand_cards_are_previewed_without_being_held(
    data_dir: Path, tmp_path: Path
) -> None:
    """Held as records and plans, as before, 20,000 cards cost 38 MB more than a small file (72
    MB with --json); streamed, about 10 MB: the file's text and the keys that find the same
    person twice."""
    base, _ = _rapport(data_dir, "import", str(_book(tmp_path / "small.vcf", 20)), "--dry-run")
    peak, said = _rapport(data_dir, "import", str(_book(tmp_path / "big.vcf", 20_000)),
                          "--dry-run", "--json")  # fmt: skip
    assert peak - base <= 20 * MB, f"{(peak - base) / MB:.0f} MB more"
    assert '"counts": {"create": 20000, "merge": 0, "skip": 0, "error": 0}' in said


def test_records_are_read_one_at_a_time() -> None:
    data = "".join(_card(number) for number in range(3)).encode() + b"BEGIN:VCARD\r\nFN:Cut"
    records = open_source(data, "book.vcf").records
    assert isinstance(records, Iterator)
    first = next(records)
    assert (first.number, first.full_name, first.line) == (1, "Person 0", 1)
    assert [(record.number, record.line, record.problem) for record in records] == [
        (2, 7, ""), (3, 13, ""), (4, 19, "it is cut off (no END:VCARD)"),
    ]  # fmt: skip


def _note(data: bytes, name: str = "book.vcf") -> Record:
    [record] = read_source(data, name).records
    return record


@pytest.mark.parametrize("length", [NOTE_LIMIT, NOTE_LIMIT + 1, 3 * LONGEST])
def test_a_note_longer_than_the_limit_is_cut_and_said(length: int) -> None:
    text = "".join(str(number % 10) for number in range(length))
    record = _note(_card(1, f"NOTE:{text}\r\n").encode())
    assert record.note == text[:NOTE_LIMIT]
    assert record.left_out == ([CUT] if length > NOTE_LIMIT else [])


def test_a_cut_note_in_quoted_printable_utf8_keeps_its_first_characters() -> None:
    text = "ż" * (2 * NOTE_LIMIT)
    coded = "".join(f"={byte:02X}" for byte in text.encode())
    lines = "=\r\n".join(coded[at : at + 72] for at in range(0, len(coded), 72))
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Nowak;Ewa\r\n"
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{lines}\r\nEND:VCARD\r\n"
    )
    record = _note(card.encode())
    assert record.note == text[:NOTE_LIMIT] and record.left_out == [CUT]


def test_unfolding_is_linear_and_a_long_line_is_cut_where_it_is_read() -> None:
    pieces = ["NOTE:start", *(" " + "y" * 74 for _ in range(200_000))]  # 15 MB folded
    [(offset, line)] = list(unfold(pieces))
    assert offset == 0 and len(line) == LONGEST and line.startswith("NOTE:starty")


@pytest.mark.parametrize("column", ["Notes", "First Name", "E-mail Address", "Business Street"])
def test_a_csv_with_a_10_mb_field_imports_with_the_field_at_its_limit(
    owner: Member, tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    """Decided: a field as long as the file may be (csv's own limit is raised) is read; a note
    is cut to its limit and said, a name that long is refused for that record, an email or
    phone that long is left out and said, an address is kept to its first 500 characters."""
    row = {"First Name": "Ann", "Last Name": "Lee", "E-mail Address": "ann@example.org",
           "Notes": "Hello", "Business Street": "1 Road"}  # fmt: skip
    row[column] = "x" * (10 * MB)
    path = tmp_path / "contacts.csv"
    path.write_text(",".join(row) + "\r\n" + ",".join(row.values()) + "\r\n")
    assert main(["import", str(path), "--dry-run"]) in (0, 1)
    said = capsys.readouterr().out
    expected = {
        "Notes": f"create  Ann Lee: New client. {CUT}",
        "First Name": "the name is longer than 200 characters",
        "E-mail Address": "is not an email address and was left out",
        "Business Street": "Would import: 1 new",
    }[column]
    assert expected in said and len(said) < 2000
