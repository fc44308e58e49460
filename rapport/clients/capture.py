"""Reading a quick-capture line: "likes: orchid growing" is a fact, anything else a note.

Pure: no Django, so it is tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The word before the colon decides the kind of fact; keep_label keeps it in
# the text where it carries meaning ("Daughter: Maya", "Dislikes: phone calls").
_PREFIXES: dict[str, tuple[str, bool]] = {}
for _words, _category, _keep in [
    ("likes loves enjoys interest interests hobby hobbies into", "interest", False),
    ("prefers preference preferences prefer", "preference", False),
    ("dislikes avoid avoids", "preference", True),
    (
        "partner wife husband spouse son daughter child children kids mother mum mom father "
        "dad parent brother sister friend colleague pet dog cat family grandchild",
        "person",
        True,
    ),
    ("event news milestone", "life_event", False),
    ("values value cares", "value", False),
    ("fact remember", "other", False),
]:
    for _word in _words.split():
        _PREFIXES[_word] = (_category, _keep)

_LINE = re.compile(r"^\s*(?P<label>[^\W\d_][\w ]{0,30}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class Capture:
    category: str | None  # None means a note for the timeline
    text: str


def parse_capture(line: str) -> Capture:
    text = line.strip()
    match = _LINE.match(text)
    if match:
        label = match["label"].strip()
        key = label.lower().split()[-1] if label else ""
        if key in _PREFIXES:
            category, keep_label = _PREFIXES[key]
            rest = match["rest"].strip()
            return Capture(category, f"{label.capitalize()}: {rest}" if keep_label else rest)
    return Capture(None, text)
