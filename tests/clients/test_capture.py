"""Reading the quick-capture line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rapport.clients.capture import parse_capture


@pytest.mark.parametrize(
    ("line", "category", "text"),
    [
        ("likes: orchid growing", "interest", "orchid growing"),
        ("  Loves :  jazz piano ", "interest", "jazz piano"),
        ("prefers: calls after 6pm", "preference", "calls after 6pm"),
        ("Dislikes: small talk", "preference", "Dislikes: small talk"),
        ("daughter: Maya, 7", "person", "Daughter: Maya, 7"),
        ("her dog: Biscuit", "person", "Her dog: Biscuit"),
        ("values: punctuality", "value", "punctuality"),
        ("news: got the job at the museum", "life_event", "got the job at the museum"),
        ("Seemed tired; asked about fees", None, "Seemed tired; asked about fees"),
        ("Call at 10:30 went well", None, "Call at 10:30 went well"),
        ("likes:", None, "likes:"),
        ("https://example.org/likes: x", None, "https://example.org/likes: x"),
    ],
)
def test_facts_are_recognised_and_everything_else_is_a_note(
    line: str, category: str | None, text: str
) -> None:
    capture = parse_capture(line)
    assert (capture.category, capture.text) == (category, text)


@given(st.text())
def test_any_text_gives_a_capture_that_keeps_the_words(line: str) -> None:
    capture = parse_capture(line)
    assert capture.text.strip()[-1:] == line.strip()[-1:] or capture.category is not None
    if capture.category is None:
        assert capture.text == line.strip()
