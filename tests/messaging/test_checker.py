"""The word checker: every category, positions, and properties that hold for any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rapport.messaging.checker import blocks_sending, check, custom_rule
from rapport.messaging.rules import BUILT_IN

DRAFT = """Hi Tomasz,

Thanks love, we apologise for any inconvenience. You must have missed my email.
If money is an issue there is a cheap option. See you {{next_appointment}}.

Lots of love xx 😊
Sam"""


def test_every_category_is_found_with_its_position_and_advice() -> None:
    findings = check(DRAFT, preferred_name="Tomek", full_name="Tomasz Wiśniewski", closeness="new")
    found = [(f.category, f.text) for f in findings]
    assert found == [
        ("greeting", "Tomasz"),
        ("pet-name", "love"),
        ("canned", "we apologise for any inconvenience"),
        ("blame", "You must have"),
        ("money-shame", "If money is an issue"),
        ("money-shame", "cheap option"),
        ("placeholder", "{{next_appointment}}"),
        ("over-familiar", "Lots of love"),
        ("over-familiar", "xx"),
        ("over-familiar", "😊"),
    ]
    for finding in findings:
        assert DRAFT[finding.start : finding.end] == finding.text
        assert finding.explanation and finding.fix
    greeting = findings[0]
    assert greeting.explanation == "They asked to be called Tomek."
    assert blocks_sending(findings)  # the placeholder


def test_closeness_decides_what_is_over_familiar() -> None:
    close = check(DRAFT, preferred_name="Tomek", full_name="Tomasz Wiśniewski", closeness="close")
    assert "over-familiar" not in {f.category for f in close}
    assert "pet-name" in {f.category for f in close}  # a pet name is never for every client


@pytest.mark.parametrize(
    "text",
    [
        "Hi Maya,\n\nWhat a lovely honeymoon; I loved the photos.",
        "Dear Maya,\n\nThe xxl jumper and the honeycomb were a hit. Hunting season opens in May.",
        "Hi Maya, I love the plan. My dear old dog says hello.",
        "Hi Maya,\n\nThe budget is £400; we can spread it over three months if that helps.",
    ],
)
def test_ordinary_warm_words_are_fine(text: str) -> None:
    assert check(text, preferred_name="Maya", closeness="new") == []


def test_greeting_by_the_preferred_name() -> None:
    assert check("Hi Tomek,\nsee you Tuesday.", preferred_name="Tomek", full_name="Tomasz W") == []
    assert check("hello siobhan, thanks!", preferred_name="Siobhán") == []  # accents and case
    missing = check("See you Tuesday.", preferred_name="Tomek")
    assert [(f.rule, f.severity) for f in missing] == [("greeting-name", "note")]
    wrong = check("Dear Sir or Madam,", preferred_name="Tomek")
    assert wrong[0].explanation == "The greeting does not use the name they go by: Tomek."


def test_a_practice_can_silence_a_rule_or_add_its_own() -> None:
    assert check("Thanks hun!", silenced=["pet-names"]) == []
    extra = custom_rule(
        id="practice-1",
        category="canned",
        phrase="circle back",
        explanation="Jargon.",
        fix="Say when.",
    )
    found = check("I'll circle  back.", rules=[*BUILT_IN, extra])
    assert [(f.rule, f.text) for f in found] == [("practice-1", "circle  back")]


@given(st.text())
def test_the_checker_never_crashes_and_positions_are_real(text: str) -> None:
    for finding in check(text, preferred_name="Maya", full_name="Maya Lind", closeness="new"):
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


PHRASES = [
    (rule.id, phrase) for rule in BUILT_IN for phrase in rule.phrases if not rule.only_when_new
]


@given(
    st.sampled_from(PHRASES),
    st.text(alphabet=' \n\t.,;:!?()"-', max_size=4),
    st.text(alphabet=' \n\t.,;:!?()"-', max_size=4),
    st.text(alphabet="abc ", max_size=20),
    st.booleans(),
)
def test_a_phrase_is_found_wherever_it_stands(
    item: tuple[str, str], before: str, after: str, context: str, shout: bool
) -> None:
    rule_id, phrase = item
    written = phrase.upper() if shout else phrase.capitalize()
    text = f"{context} {before}{written}{after} {context}"
    hits = [f for f in check(text) if f.rule == rule_id]
    assert any(f.text.lower() == phrase.lower() for f in hits), text


@given(st.sampled_from(PHRASES), st.sampled_from(["s", "y", "ed", "ish", "x"]))
def test_words_that_merely_contain_a_phrase_are_not_flagged(
    item: tuple[str, str], suffix: str
) -> None:
    rule_id, phrase = item
    text = f"Hi Maya, un{phrase}{suffix} is a made-up word."
    assert not [f for f in check(text, preferred_name="Maya") if f.rule == rule_id]


def test_rapport_check_on_a_file_and_standard_input(
    tmp_path: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json
    from pathlib import Path

    from rapport.cli import main

    draft = Path(str(tmp_path)) / "draft.txt"
    draft.write_text("Hi Tomasz,\nThanks love. {{when}}\n", encoding="utf-8")
    assert main(["check", str(draft), "--preferred-name", "Tomek", "--full-name", "Tomasz W"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1:4 warning [greeting] “Tomasz”")
    assert out[2].startswith("2:14 error [placeholder] “{{when}}”")

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Hi Maya, all set.")))
    assert main(["check", "-", "--preferred-name", "Maya", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"blocks_sending": False, "findings": []}

    draft.write_bytes("caf\xe9".encode("latin-1"))
    assert main(["check", str(draft)]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert main(["check", str(draft) + ".missing"]) == 2
