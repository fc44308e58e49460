"""How a message addresses them: pet names, a generic greeting, and what is too familiar for a
client who is new."""

from __future__ import annotations

from rapport.messaging.rules.base import (
    GREETING,
    OVER_FAMILIAR,
    PET_NAME,
    WARNING,
    Rule,
    _words,
)

# of address (the contexts below), so "I'd love to" and "Dear Maya" are left alone.
_PET = _words(
    r"hon(?:ey|ey\s*bun|ey\s*pie)?",
    r"hunn?(?:y|ie|i|s)?",
    r"lover",
    r"hen",
    r"hinny",
    r"cariad",
    r"darl",
    r"'?ansum",
    r"sweet(?:ie|y|ies)(?:\s+pie)?",
    r"sweet\s*(?:heart|pea|cheeks)",
    r"darl(?:ing|in'?|s)",
    r"dear(?:ie|y|est)?",
    r"lov(?:e|ey|ie|ely)",
    r"luv",
    r"babe?s?",
    r"baby",
    r"bae",
    r"sugar(?:\s*plum)?",
    r"doll(?:face)?",
    r"cutie(?:\s*pie)?",
    r"petal",
    r"pet",
    r"poppet",
    r"chick",
    r"chuck",
    r"duck(?:y|ie)?",
    r"treacle",
    r"sunshine",
    r"angel",
    r"princess",
    r"buttercup",
    r"pumpkin",
    r"flower",
    r"chicken",
    r"lamb",
    r"gorgeous",
    r"beautiful",
    r"precious",
    r"queen",
    r"boo",
    r"bubs",
    r"kiddo",
    r"sweets",
    r"(?:my|me|mi)\s+(?:love|dear|darling|lovely|angel|sweet|duck|lover|'?ansum|darlin)",
)
# Where a fond word is a form of address: after a greeting or thanks, next to a comma at the
# edge of a clause, alone before the end of a sentence, or opening a line.
_ADDRESS_BEFORE = _words(
    r"hi+",
    r"hiya",
    r"hey+",
    r"hello",
    r"morning",
    r"evening",
    r"afternoon",
    r"night",
    r"thanks",
    r"thank\s+(?:you|u)",
    r"thanks\s+so\s+much",
    r"thx",
    r"ta",
    r"cheers",
    r"bye",
    r"aw+",
    r"right",
    r"alright",
    r"no\s+bother",
    r"sorry",
    r"yes",
    r"no",
    r"ok(?:ay)?",
    r"sure",
    r"welcome",
    r"congrats",
    r"congratulations",
    r"well\s+done",
    r"good\s+luck",
    r"take\s+care",
    r"see\s+(?:you|ya|u)",
    r"(?:no|don'?t)\s+worr(?:y|ies)",
    r"no\s+probs?",
    r"night\s+night",
    r"love\s+you",
)
_CLAUSE_END = (
    r"(?=[ \t]*(?:[.!?,;:)]|[\u2013\u2014]|x{1,3}\b|[\U0001f300-\U0001faff\u2600-\u27bf]|\n|$)"
    r"|[ \t]+-)"
)
_CLAUSE_GOES_ON = (
    r"(?=[ \t]+(?:how|i|i'm|im|just|hope|hoping|thanks|thank|can|could|so|what|we|you|your|ur|"
    r"it|it's|are|is|was|did|do|see|don't|got|quick|great|good|all|that|this|sorry|no|yes|"
    r"ok|let|pop|remember|booked|your)\b)"
)
_PET_AS_ADDRESS = (
    # After a greeting or thanks: right after it, or after their name ("Thanks Maya love!").
    rf"\b{_ADDRESS_BEFORE}(?:[ \t,!]+(?P<hit>{_PET})(?:{_CLAUSE_END}|{_CLAUSE_GOES_ON})"
    rf"|[ \t,]+[\w'-]+[ \t,]+(?P<hit2>{_PET}){_CLAUSE_END})"
    rf"|,[ \t]*(?P<hit3>{_PET}){_CLAUSE_END}"
    rf"|(?m:^)[ \t]*(?!lov(?:e|ey|ie)\b)(?P<hit4>{_PET})[ \t]*[,!]"
    # Words that are only ever fond, standing at the end of a clause ("See you then hun!").
    # (The lookahead first: the lookbehinds then run only where such a word starts.)
    r"|(?=[hbsdptl])(?<=[ \t])(?<!\ba )(?<!\bthe )(?<!\bmy )(?<!\bour )(?<!\byour )"
    r"(?<!little )(?<!\bsuch a )"
    r"(?:(?P<hit6>hunn?(?:y|ie)?|babes?|sweet(?:ie|y)(?:\s+pie)?|sweetheart|darlin[g']?|"
    r"petal|poppet|lovey|treacle|hon)"
    rf"{_CLAUSE_END}"
    # ...and the ones nobody uses for anything else, wherever they stand.
    r"|(?P<hit10>hunn?(?:y|ie|i)?|babes|sweet(?:ie|y|pea)|hinny|cariad|darl)\b)"
    # The ambiguous ones ("sugar", "pet", "love") after a word that ends what was said.
    rf"|\b(?:then|again|earlier|soon|later|tonight|today|tomorrow|now|there|mate)[ \t]+"
    rf"(?P<hit7>{_PET}){_CLAUSE_END}"
    rf"|\boh[ \t,]+(?!dear\b)(?P<hit9>{_PET})[ \t]*[,!]"
    # After their name ("Gianni pet.") or "you" ("I'll do that for you love.").
    rf"|(?-i:\b(?!(?:With|Lots|All|Much|Sending|Big|Loads|Heaps|Oh|Dear|My|Me|So|Such|Very|"
    rf"Really|Your|The|A|An|Our|Thanks|Thank|Yes|No)\b)[A-Z][a-z'-]+)[ \t,]+"
    rf"(?P<hit11>{_PET}){_CLAUSE_END}"
    rf"|\b(?:for|with|to|thank)\s+you[ \t,]+(?P<hit12>love|hun|pet|duck|darling|sweetie|babe|hen|"
    rf"flower|petal|chick)[ \t]*[.!,]"
    r"|(?m:^)[ \t]*(?P<hit5>darling|dearest|sweetheart|honey|my\s+(?:dear|love|darling))"
    r"[ \t]+(?-i:[A-Z])"
)

_FAMILIAR_SIGN_OFF = (
    r"(?m:^)[ \t]*(?P<hit>(?:lots\s+of\s+|all\s+my\s+|much\s+|with\s+(?:much\s+|all\s+my\s+)?"
    r"|loads\s+of\s+|heaps\s+of\s+)?lo(?:ve|ts\s+of\s+love)|luv|hugs?|big\s+hugs?|"
    r"kisses|xoxo|xx+)\b[ \t]*[,!.]?[ \t]*(?:\w[\w'.-]*(?:[ \t]+\w[\w'.-]*)?)?[ \t]*x*[ \t]*$"
    r"|[.!?,][ \t]*(?P<hit2>love|hugs?|kisses)[ \t]*,[ \t]*(?-i:[A-Z])[\w'-]*"
    r"|,[ \t]*(?P<hit7>hugs?|kisses)[ \t]*[!.]*[ \t]*x*[ \t]*$"
    r"|\b(?P<hit3>(?:lots|loads|heaps)\s+of\s+love|all\s+my\s+love|with\s+love|love\s+you|"
    r"love\s+ya|miss\s+(?:you|ya|u)|we\s+miss\s+you|missing\s+you|besties?|"
    r"(?:big|warm|massive)\s+hugs?|hugs\s+(?:and|&)\s+(?:kisses|high\s+fives)|"
    r"(?:sending|a)\s+(?:a\s+)?(?:big\s+)?(?:hug|kiss|kisses|hugs)|xoxo|mwah|kisses)\b"
    r"|(?=xx)(?<![\w/£$€#.,:-])(?P<hit4>x{2,4})(?![\w/]|[.,:-]\w)"
    r"|(?=[ \t]+x{1,3}[ \t]*(?:\n|$))(?<=[\w!.,)?])[ \t]+(?P<hit5>x{1,3})[ \t]*(?:\n|$)"
    r"|(?<![\w<])(?P<hit6><3)(?![\d])"
)

_HEARTS_AND_KISSES = (
    "[\u2764\u2665\u2763\U0001f48b-\U0001f49f\U0001f5a4\U0001f90d\U0001f90e\U0001f9e1"
    "\U0001f618\U0001f617\U0001f619\U0001f61a\U0001f60d\U0001f970\U0001f63b\U0001f917"
    "\U0001faf6\U0001f491\U0001f48f]"
)

ADDRESS_RULES: tuple[Rule, ...] = (
    Rule(
        "pet-names",
        PET_NAME,
        WARNING,
        "A pet name sounds warm to some and belittling to others; it is not how you would "
        "address every client.",
        "Use their name, or nothing.",
        pattern=_PET_AS_ADDRESS,
        examples=("Thanks, hun", "See you soon, sweetie.", "Hi honey how was the trip?"),
    ),
    Rule(
        "greeting-generic",
        GREETING,
        WARNING,
        "“Dear Customer” tells them they are one of many; you know their name.",
        "Greet them by the name they go by.",
        pattern=r"(?m:^)[ \t]*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))[ \t]+"
        r"(?P<hit>(?:valued\s+)?(?:customer|client|patient|member|guest|homeowner|tenant|"
        r"resident|user|sir\s*(?:/|or|and)\s*madam|sir|madam|friend|all|colleague|"
        r"team|there)s?)\b",
        examples=("Dear Customer", "Dear Sir or Madam", "Hello Valued Member"),
    ),
    Rule(
        "familiar-sign-off",
        OVER_FAMILIAR,
        WARNING,
        "Love, hugs and kisses are for people who know you well; this client is new.",
        "End with your name, or “Best wishes”.",
        pattern=_FAMILIAR_SIGN_OFF,
        only_when_new=True,
        examples=("Lots of love", "Hugs, Tara x", "Miss you already!", "xx"),
    ),
    Rule(
        "emoji",
        OVER_FAMILIAR,
        WARNING,
        "Hearts and kisses can feel too intimate to someone who does not know you yet.",
        "Leave them out until you know they write that way themselves; a smile is fine.",
        pattern=_HEARTS_AND_KISSES,
        only_when_new=True,
        examples=("❤️", "😘", "🥰"),
    ),
)
