"""Corporate boilerplate: what a form letter says, and a person talking to a client does not."""

from __future__ import annotations

from rapport.messaging.rules.base import (
    CANNED,
    WARNING,
    Rule,
)

# What an automated or corporate letter says, and a person talking to a client does not.
_CANNED_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "canned-kindly",
        "“Kindly” in a request is the voice of a form letter.",
        r"(?m:^)[ \t]*(?P<hit>kindly)\b|[.!?]\s+(?P<hit3>kindly)\b"
        r"|\b(?:please|would\s+you|could\s+you|we\s+would|you\s+are|you're)\s+(?P<hit4>kindly)\b"
        r"|\b(?P<hit2>kindly)\s+(?:note|be|revert|send|find|confirm|let|provide|advise|ensure|make|"
        r"arrange|contact|reply|respond|forward|share|check|return|sign|complete|pay|settle|submit|"
        r"fill|update|acknowledge|accept|disregard|ignore|bear|treat|refer|see|arrive|restart|"
        r"resubmit|bring|call|come|inform|get|remember|allow|leave|do)\b",
        ("Kindly revert with your availability", "Please kindly note"),
    ),
    (
        "canned-be-advised",
        "“Please be advised” announces a notice rather than talking to them.",
        r"\b(?:please\s+)?(?:be|been|being)\s+(?:advised|informed|notified)\b"
        r"|\bthis\s+is\s+to\s+(?:inform|advise|notify)\s+you\b"
        r"|\bfor\s+your\s+(?:kind\s+)?(?:information|info|attention)\b"
        r"|\bplease\s+note\s+that\s+(?:we|our|your\s+(?:account|appointment|booking))\b",
        ("Please be advised that", "Please be informed that"),
    ),
    (
        "canned-do-not-reply",
        "Telling a client not to reply shuts the door you want open.",
        r"\b(?:do\s+not|don'?t|please\s+don'?t|please\s+do\s+not)\s+reply\b"
        r"|\bthis\s+is\s+an?\s+(?:automated|automatic|auto-?generated|automatically\s+generated|"
        r"system[- ]generated)\b|\bunmonitored\s+(?:mailbox|address|inbox)\b"
        r"|(?m:^)[ \t]*(?:automated|auto-?generated)\s+(?:message|e-?mail|notification|reminder)\b"
        r"|\bno-?reply@",
        ("This is an automated message, please do not reply.",),
    ),
    (
        "canned-valued",
        "“Valued customer” and “your business is important to us” are what form letters say.",
        r"\bvalued\s+(?:customer|client|patient|member|guest|partner|patron|tenant|user)s?\b"
        r"|\byour\s+(?:call|business|custom|enquiry|inquiry|feedback|satisfaction|patronage|"
        r"request|time)\s+is\s+(?:very\s+|extremely\s+|really\s+)?important\s+to\s+us\b"
        r"|\bwe\s+value\s+your\s+(?:business|custom|patronage|loyalty|feedback)\b",
        ("Dear valued customer", "Your business is important to us"),
    ),
    (
        "canned-policy",
        "Pointing at a policy makes it sound as if nobody decided; say what you decided and why.",
        r"\b(?:as\s+)?(?:per|in\s+(?:accordance|line|keeping)\s+with|according\s+to|under|due\s+to)"
        r"\s+(?:our|the|company|clinic|practice|salon|firm|office|agency|standard|house)?\s*"
        r"(?:company\s+|clinic\s+|practice\s+|salon\s+|cancellation\s+|booking\s+|internal\s+)?"
        r"polic(?:y|ies)\b",
        ("As per company policy", "In accordance with our policy"),
    ),
    (
        "canned-regret",
        "“We regret to inform you” and “at this time we are unable” put a form between you.",
        r"\b(?:we|I)\s+(?:very\s+much\s+|sincerely\s+)?regret\s+(?:to\s+(?:inform|advise|"
        r"announce|notify|tell|say)|that)\b"
        r"|\b(?:at\s+(?:this|the\s+present|present)\s+(?:time|moment)|currently)\s*,?\s+"
        r"(?:we|I)\s+(?:are|am|'re)\s+(?:unable|not\s+(?:able|in\s+a\s+position))\b"
        r"|\b(?:we|I)\s+(?:are|am|'re)\s+(?:currently\s+)?(?:unable|not\s+in\s+a\s+position)\s+"
        r"(?:at\s+(?:this|the\s+present)\s+time\s+)?to\s+\w+(?:\s+\w+)?\s+at\s+this\s+time\b"
        r"|\b(?:we|I)\s+(?:are|am|'re)\s+unable\s+at\s+this\s+time\b"
        r"|\bat\s+this\s+time\b(?=[^.\n]{0,60}\bunable\b)",
        ("We regret to inform you", "At this time we are unable to"),
    ),
    (
        "canned-appreciate",
        "Thanking someone for patience or understanding they did not offer reads as a form.",
        r"\b(?:we|I)\s+(?:greatly\s+|truly\s+|really\s+|do\s+|would\s+)?appreciate\s+your\s+"
        r"(?:loyalty|patience|understanding|co-?operation|continued\s+support|prompt\s+"
        r"(?:attention|payment|response)|custom|business)\b"
        r"|\bthank(?:s|\s+you)\s+(?:\w+\s+){0,2}for\s+your\s+(?:patience|understanding|"
        r"co-?operation|prompt\s+attention)\b"
        r"|\byour\s+(?:patience|understanding|co-?operation)\s+(?:is|are)\s+(?:much\s+|greatly\s+)?"
        r"appreciated\b",
        ("Thank you for your patience and understanding", "We appreciate your loyalty"),
    ),
    (
        "canned-inconvenience",
        "“Any inconvenience” apologises for nothing in particular.",
        r"\b(?:sorry|apologi[sz]e|apologies|apologising|apologizing)\s+(?:\w+\s+){0,2}for\s+"
        r"(?:any|the|all\s+the)\s+inconvenience\b"
        r"|\b(?:any|the)\s+inconvenience\s+(?:this\s+)?(?:may\s+(?:have\s+)?|has\s+|will\s+)?"
        r"(?:caused|cause)\b",
        ("Sorry for any inconvenience", "We apologise for the inconvenience"),
    ),
    (
        "canned-hesitate",
        "“Do not hesitate to contact us” is a stock line; invite them in your own words.",
        r"\b(?:do\s+not|don'?t|never|please\s+do\s+not|please\s+don'?t|shouldn'?t)\s+hesitate\s+"
        r"to\s+(?:contact|reach|get\s+in\s+touch|call|ask|e-?mail|let|ring|message|drop|phone)\b",
        ("Please do not hesitate to contact us",),
    ),
    (
        "canned-boilerplate",
        "This is the language of a form letter, not of someone who knows them.",
        r"\bto\s+whom\s+it\s+may\s+concern\b|\bour\s+records\s+(?:indicate|show)\b"
        r"|\bat\s+your\s+earliest\s+convenience\b|\bservices\s+rendered\b"
        r"|\bplease\s+find\s+(?:enclosed|herewith)\b|\bhereby\b|\bthe\s+undersigned\b"
        r"|\bshould\s+you\s+(?:have|require)\s+any\s+(?:further\s+)?(?:questions|queries|"
        r"assistance)\b|\bfor\s+any\s+further\s+(?:queries|questions|assistance)\b"
        r"|\byour\s+(?:ticket|request|enquiry)\s+has\s+been\s+(?:received|logged)\b"
        r"|\bexperiencing\s+(?:a\s+)?high\s+(?:volume|number)\s+of\b|\brevert\s+back\b",
        ("Our records indicate", "Should you have any further questions"),
    ),
)


CANNED_RULES: tuple[Rule, ...] = (
    *(
        Rule(
            rule_id,
            CANNED,
            WARNING,
            explanation,
            "Say it the way you would say it to them in person.",
            pattern=pattern,
            examples=examples,
        )
        for rule_id, explanation, pattern, examples in _CANNED_FAMILIES
    ),
)
