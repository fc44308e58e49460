"""Money-shame by family: each catches its shapes of wording and leaves respectful money talk
alone; and the check's faster patterns find exactly what the rules as written find."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rapport.messaging import checker
from rapport.messaging.rules import BUILT_IN, Rule
from rapport.messaging.rules.money import signal


def _money_rules(text: str) -> set[str]:
    return {f.rule for f in checker.check(text) if f.category == "money-shame"}


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("money-guessed-means", "I figured the full course would be out of the question."),
        ("money-guessed-means", "I got the feeling money was a worry, so I left the extras off."),
        ("money-doubt", "Is £900 really doable money-wise for you at the moment?"),
        ("money-doubt", "Wait until payday to book the colour, the £150 will keep."),
        ("money-doubt", "Our shoots are priced for couples who value them: $3,000."),
        ("money-held-up", "Your cousin paid the full fee happily, so I'm surprised."),
        ("money-held-up", "You're honestly the only client who's questioned my rate."),
        (
            "money-no-figure",
            "Price-wise it all depends, so book the consult and we'll go from there.",
        ),
        ("money-no-figure", "I'd rather not give a figure over text."),
        ("money-chasing", "I did the work two months ago and still haven't had a penny."),
        ("money-chasing", "I've sent you five emails about this invoice now."),
        (
            "money-chasing",
            "Unless we get the £400 by Monday, the account goes to our recovery team.",
        ),
        (
            "money-unpaid-state",
            "The balance from June is still showing on my books. Please sort it.",
        ),
        ("money-unpaid-state", "Your card failed again, so the £60 is still to come."),
        ("money-unpaid-state", "Lessons will stop after this week unless the term fee reaches me."),
        ("money-unpaid-state", "I came out on a Sunday for you. The least you can do is pay me."),
        ("money-talk-avoided", "I'd rather not talk numbers until we've met."),
        ("money-means-said", "The basic plan is probably more your speed, budget-wise."),
        ("money-judged", "Haggling over £10 isn't a great look."),
        ("money-judged", "The rate is non-negotiable, and frankly it's cheeky to ask."),
        ("money-others-usually", "The families I work with simply don't think twice about £40."),
    ],
)
def test_each_family_finds_its_shapes(rule: str, text: str) -> None:
    assert rule in _money_rules(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Is Tuesday at 4 realistic for you? The session is £60 as usual.",
        "If you'd like a cheaper option I can fit laminate, about £800 less. Either way works.",
        "Statement attached: you're all square, nothing owing.",
        "Don't worry about last month's missed payment; it's all sorted now.",
        "The deep clean is £180 and the standard £95; it just depends how much needs doing.",
        "Your sister recommended me! I've booked you both in, £40 each, pay on the day.",
        "Thanks for the payment three weeks ago; here's the receipt I forgot to send.",
        "I'll have to pause sessions in August as I'm away, so no invoice that month.",
        "If the total is more than you want to spend, we can look at options. Happy to talk.",
        "I realise the invoice went to your old email, sorry! It's £220, due at the month's end.",
        "I still owe you a coffee for the referral; the invoice is £80 whenever suits.",
        "The van's overdue for a service, so I'll come in the small one on Friday; £90 as quoted.",
        "We don't do individual discounts, but there's a 10% multi-dog rate if you bring two.",
        "All paid up, thanks! See you Wednesday.",
        "The £65 hasn't come through yet; it may be in transit, so no rush.",
        "We charge an extra 20% for weekend call-outs, as the price list says.",
        "The least you can do is come to the open day; it's free.",
        "Sessions stop for August until the new term starts; fees are unchanged.",
    ],
)
def test_respectful_money_talk_is_left_alone(text: str) -> None:
    assert _money_rules(text) == set()


def _as_written(rule: Rule) -> list[tuple[bool, re.Pattern[str]]]:
    """The rule's patterns without the check's rewriting: its alternatives joined as they are."""
    alternatives = checker._alternatives(rule.pattern)
    lower = [checker._lower_literals(alt) for alt in alternatives if "(?-i:" not in alt]
    cased = [alt for alt in alternatives if "(?-i:" in alt]
    return [
        *([(True, re.compile("|".join(lower), re.MULTILINE))] if lower else []),
        *([(False, re.compile("|".join(cased), re.IGNORECASE | re.MULTILINE))] if cased else []),
    ]


def _found(pieces: Iterable[tuple[bool, re.Pattern[str]]], text: str) -> set[tuple[int, int]]:
    plain = checker._normalised(text)
    lowered = checker._lowered(plain)
    return {
        checker._hit(match)
        for on_lowered, pattern in pieces
        for match in pattern.finditer(lowered if on_lowered else plain)
    }


PATTERNED = [rule for rule in BUILT_IN if rule.pattern]
WORDS = [word for rule in PATTERNED for example in rule.examples for word in example.split()]


@given(st.sampled_from(PATTERNED), st.lists(st.sampled_from(WORDS), max_size=25))
def test_the_faster_patterns_find_what_the_rules_say(rule: Rule, words: list[str]) -> None:
    """Sharing leading letters, and spelling out a leading group of choices, change how fast a
    rule runs, never what it finds (examples run together, so matches sit side by side)."""
    examples = [*rule.examples, " ".join(words)]
    for text in (*examples, " ".join(examples)):
        assert _found(checker._compiled(rule), text) == _found(_as_written(rule), text), text


SHAMED = (
    "Hi Maya,\nLots of my ladies pay for the whole term up front. "
    "You are welcome to pay weekly if that is all you can do."
)


def test_the_learned_signal_marks_the_words_that_tipped_it_and_names_them() -> None:
    [finding] = checker.check(SHAMED, preferred_name="Maya")
    assert (finding.rule, finding.severity) == ("money-signal", "note")
    assert finding.text == "of my ladies pay for the whole term up front"
    assert SHAMED[finding.start : finding.end] == finding.text
    assert "The words that weighed most: “of my”, “pay for”, “up front”." in finding.explanation
    assert finding.fix
    assert checker.check(SHAMED, preferred_name="Maya", silenced=["money-signal"]) == []
    # A finding of another category inside the sentence keeps its own mark.
    with_hun = SHAMED.replace("up front.", "up front, hun.")
    marked = {(f.rule, f.text) for f in checker.check(with_hun, preferred_name="Maya")}
    assert ("pet-names", "hun") in marked
    assert ("money-signal", finding.text) in marked


@pytest.mark.parametrize(
    "text",
    [
        SHAMED.replace("if that is all you can do.", "no rush at all."),
        "Hi Maya,\nthanks!\n\nOn Tue 3 Dec, Maya wrote:\n> " + SHAMED.split("\n")[1],
        "Hi Maya, the term is £120, or £12 a week. Whichever suits you.",
    ],
)
def test_the_learned_signal_leaves_kind_offers_and_quoted_words_alone(text: str) -> None:
    assert checker.check(text, preferred_name="Maya") == []


def test_the_signal_is_a_sum_of_word_weights_over_a_threshold() -> None:
    """The mechanics, on weights written by hand: a passage's words and pairs of words add up;
    over the threshold, with money mentioned, the words in its heaviest sentence that weigh
    most are marked."""
    model = signal.Weights(-3.0, 0.9, {"still waiting": 4.0, "waiting": 1.5, "<money>": 0.5})
    text = "hi. still waiting on the £40. see you soon."
    sentences = [m.span() for m in checker._SENTENCE.finditer(text)]
    [flag] = signal.flagged(text, sentences, [], model)
    assert text[flag.start : flag.end] == "still waiting on the £40"
    assert flag.tipping == ("still waiting", "waiting", "£…")
    assert signal.flagged("still waiting on the plumber.", [(0, 29)], [], model) == []  # no money
    assert signal.flagged("waiting on the £40.", [(0, 19)], [], model) == []  # under the threshold
