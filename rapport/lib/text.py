"""Text folded for comparing and searching: case and accents set aside. Pure.

"Wiśniewski", "WISNIEWSKI" and "wisniewski" fold alike, and so do "Siobhán" and
"siobhan", whichever of them is stored and whichever is typed.
"""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into a base letter and an accent.
_FOLDED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
     "\u0131": "i", "ħ": "h"}
)  # fmt: skip


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLDED))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().translate(_FOLDED)
