"""The words the money-shame families share: what money is, what makes an ask respectful,
and the fix every finding offers."""

from __future__ import annotations

MONEY_WORDS = (
    r"[£$€]|\b(?:pay\w*|paid|invoices?|bills?|balance|fees?|deposits?|money|owe[ds]?|funds|account|"
    r"payments?|cleared|settle\w*|charges?|quotes?|costs?|prices?|rates?|retainer|amount|sum|total)\b"
)
# Other ways offered as just as welcome: "card or cash is fine too", "either works".
OTHER_WAYS_WELCOME = (
    r"\b(?:is|are)\s+(?:also\s+)?(?:fine|ok|okay|welcome)\s+too\b"
    r"|\bworks\s+(?:just\s+)?as\s+well\b|\beither\s+(?:option\s+)?(?:is\s+fine|works)\b"
)
RESPECTFUL = (
    OTHER_WAYS_WELCOME + r"|"
    r"\bno\s+(?:rush|pressure|worries|hurry)\b|\bwhenever\b|\bif\s+that\s+helps\b|\bhappy\s+to\b"
    r"|\b(?:can|could|we'?ll|I'?ll|happy\s+to|option\s+to)\s+(?:\w+\s+)?(?:split|spread)\b|\bchat\b"
    r"|\bjust\s+tell\s+me\b|\bif\s+the\s+timing\b|\binstal+ments?\b"
    r"|\b(?:offer|set\s+up|do|arrange|a)\s+(?:a\s+)?payment\s+plan\b|\bshout\s+if\b"
    r"|\bmore\s+time\b|\bsorry\s+(?:I|we)\b|\bmy\s+(?:fault|mistake)\b|\brefund(?:ed|s)?\b"
    r"|\bthank(?:s|\s+you)\s+for\s+(?:paying|your\s+payment|the\s+payment)\b"
    r"|\b(?:have|has|we'?ve|I'?ve)\s+received\b|\breceived,?\s+thank"
    r"|\bnothing\s+to\s+pay\b|\bno\s+need\s+to\s+pay\b|\bwon'?t\s+charge\b"
    r"|\bno\s+payment\s+(?:needed|due|required)\b"
    # An offer over timing: "if that's awkward, tell me a better date".
    r"|\bif\s+(?:that'?s|it'?s|this\s+is)\s+(?:awkward|tricky|difficult|hard|too\s+soon)\b"
    r"|\b(?:a|another)\s+(?:better|different|later)\s+(?:date|day|time)\b"
    r"|\bcard\s+machine\b|\bglitch\b|\b(?:our|my)\s+(?:end|side|system|mistake)\b"
    r"|\b(?:lots|plenty|many)\s+of\s+(?:\w+\s+)?\w+\s+do\b"
    # Options laid side by side, and a balance that is clear, are not pressure.
    r"|\bno\s+wrong\s+answer\b"
    r"|\bwhichever\s+(?:suits|you\s+prefer|works|is\s+easiest)\b|\bdon'?t\s+(?:worry|stress)\s+about\s+"
    r"(?:the\s+|that\s+|this\s+|last\s+\w+'s\s+)?(?:missed|late\s+payment)"
    r"|\bnothing\s+(?:owing|owed|outstanding|due)\b|\ball\s+square\b|\bno\s+need\s+to\s+(?:decide|rush|commit)\b"
    r"|\b(?:look\s+at|talk\s+(?:through|about)|go\s+through)\s+(?:the\s+|some\s+|other\s+)?options\b"
)

# Thanking them for asking about the price answers the question rather than turning it away.
WELCOMED = r"\bthanks?\s+(?:you\s+)?for\s+asking\b|\b(?:good|fair|great|sensible)\s+question\b"

MONEY_FIX = (
    "Give the figure and the options plainly, and invite them to talk about timing: "
    "“It's £60; we can split it over two months if that helps, just say.”"
)
