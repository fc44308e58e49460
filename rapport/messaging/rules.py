"""The checker's rules, as data: a practice can add phrases of its own or silence a rule.

Pure data, no Django. A rule is either a list of phrases (matched as whole words,
any case, any spacing) or, for the few that need context, a regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING, NOTE = "error", "warning", "note"

PET_NAME, GREETING, PLACEHOLDER = "pet-name", "greeting", "placeholder"
CANNED, BLAME, MONEY_SHAME, OVER_FAMILIAR = "canned", "blame", "money-shame", "over-familiar"
CATEGORIES = (PET_NAME, GREETING, PLACEHOLDER, CANNED, BLAME, MONEY_SHAME, OVER_FAMILIAR)


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    explanation: str
    fix: str
    phrases: tuple[str, ...] = ()
    pattern: str = ""  # a regular expression, for rules that depend on context
    only_when_new: bool = False  # applies only to a client whose closeness is "new"
    tags: frozenset[str] = field(default_factory=frozenset)


# Greetings and thanks after which "love" or "dear" is a form of address.
_ADDRESS_AFTER = (
    r"(?:hi|hello|hey|hiya|morning|evening|thanks|thank\s+you|cheers|bye|ta|oh|my|yes|no|sorry)"
)

BUILT_IN: tuple[Rule, ...] = (
    Rule(
        "pet-names",
        PET_NAME,
        WARNING,
        "A pet name sounds warm to some and belittling to others; it is not how you would "
        "address every client.",
        "Use their name, or nothing.",
        phrases=(
            "honey",
            "hun",
            "hon",
            "sweetie",
            "sweetheart",
            "sweetpea",
            "darling",
            "babe",
            "baby",
            "sugar",
            "doll",
            "dearie",
            "cutie",
            "petal",
            "poppet",
            "chick",
            "sunshine",
            "treasure",
            "my lovely",
            "sweet cheeks",
            "buttercup",
        ),
    ),
    Rule(
        "love-dear-as-address",
        PET_NAME,
        WARNING,
        "“Love” or “dear” used to address someone reads as a pet name.",
        "Use their name instead.",
        # After a greeting or thanks and before a pause ("Thanks love!", "Hello dear,"),
        # so "Dear Maya" and "my dear old dog" are left alone.
        pattern=rf"\b{_ADDRESS_AFTER}[ \t,]+(?:my[ \t]+)?(?P<hit>love|dear)"
        r"(?=[ \t]*(?:[.!?,;:]|$))",
    ),
    Rule(
        "love-dear-trailing",
        PET_NAME,
        WARNING,
        "“Love” or “dear” used to address someone reads as a pet name.",
        "Use their name instead.",
        pattern=r",[ \t]*(?P<hit>love|dear)[ \t]*(?=[.!?,]|$)",
    ),
    Rule(
        "canned-phrases",
        CANNED,
        WARNING,
        "Stock corporate phrasing tells a client they are getting a form letter.",
        "Say it the way you would say it to them in person.",
        phrases=(
            "valued customer",
            "valued client",
            "your call is important to us",
            "as per our policy",
            "per our policy",
            "as per policy",
            "we apologise for any inconvenience",
            "we apologize for any inconvenience",
            "apologies for any inconvenience",
            "please do not hesitate to contact",
            "do not hesitate to contact",
            "kindly be advised",
            "please be advised",
            "we regret to inform you",
            "to whom it may concern",
            "our records indicate",
            "at your earliest convenience",
            "per my last email",
            "as per my last email",
            "thank you for your patience and understanding",
            "we value your business",
        ),
    ),
    Rule(
        "blame",
        BLAME,
        WARNING,
        "This puts the fault on the client. Even when it is theirs, saying so does not help.",
        "Describe what happened and what you will do next.",
        phrases=(
            "you must have",
            "user error",
            "operator error",
            "you should have",
            "you failed to",
            "as i already told you",
            "as previously stated",
            "as i said before",
            "you didn't read",
            "you did not read",
            "you forgot to",
            "that is not our fault",
            "that's not our fault",
            "not our problem",
            "you were supposed to",
            "you need to understand",
        ),
    ),
    Rule(
        "money-shame",
        MONEY_SHAME,
        WARNING,
        "This can make a client feel they should not ask about cost, or cannot afford you.",
        "Give the price plainly and offer the options, without judging.",
        phrases=(
            "if you can afford",
            "if you can't afford",
            "if you cannot afford",
            "if money is an issue",
            "if money is a problem",
            "if it's too expensive for you",
            "if it is too expensive for you",
            "you get what you pay for",
            "we don't discuss prices",
            "we do not discuss prices",
            "cheap option",
            "budget option for you",
            "only costs",
            "it's only money",
            "can you even afford",
        ),
    ),
    Rule(
        "familiar-sign-off",
        OVER_FAMILIAR,
        WARNING,
        "A sign-off like this is for people who know you well; this client is new.",
        "End with your name, or “Best wishes”.",
        phrases=(
            "lots of love",
            "love you",
            "hugs",
            "big hug",
            "kisses",
            "xoxo",
            "xx",
            "xxx",
            "mwah",
            "love and hugs",
        ),
        only_when_new=True,
    ),
    Rule(
        "familiar-love-sign-off",
        OVER_FAMILIAR,
        WARNING,
        "Signing off with “love” is for people who know you well; this client is new.",
        "End with your name, or “Best wishes”.",
        pattern=r"(?im)^[ \t]*love[ \t]*,?[ \t]*$",
        only_when_new=True,
    ),
    Rule(
        "emoji",
        OVER_FAMILIAR,
        NOTE,
        "Emoji can feel too casual to someone who does not know you yet.",
        "Leave it out until you know they write that way themselves.",
        pattern="[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]",
        only_when_new=True,
    ),
)

RULE_IDS = frozenset(rule.id for rule in BUILT_IN) | {"greeting-name", "unfilled-placeholder"}
