"""The checker's rules, as data: a practice can add phrases of its own or silence a rule.

Pure data, no Django. A rule is a list of phrases (matched as whole words, any case, any
spacing) or, for a family of wordings, a regular expression: people rarely write the listed
phrase, so each family describes the shapes of language that make it, with the context that
tells it apart from harmless words ("honey" as a form of address, not "a jar of honey").
A pattern marks the words to point at with a group named "hit" when it needs context around
them. Every rule says why it matters and what to write instead; `examples` show a provider
what it catches.
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
    pattern: str = ""  # a regular expression (case-insensitive unless it says otherwise)
    only_when_new: bool = False  # applies only to a client whose closeness is "new"
    examples: tuple[str, ...] = ()
    tags: frozenset[str] = field(default_factory=frozenset)


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# Words that address someone fondly. "love" and "dear" only count where they stand as a form
# of address (the contexts below), so "I'd love to" and "Dear Maya" are left alone.
_PET = _words(
    r"hon(?:ey|ey\s*bun|ey\s*pie)?",
    r"hunn?(?:y|ie|s)?",
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
    r"my\s+(?:love|dear|darling|lovely|angel|sweet)",
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
    rf"\b{_ADDRESS_BEFORE}[ \t,!]+(?P<hit>{_PET}){_CLAUSE_END}"
    rf"|\b{_ADDRESS_BEFORE}[ \t,!]+(?P<hit2>{_PET}){_CLAUSE_GOES_ON}"
    rf"|,[ \t]*(?P<hit3>{_PET}){_CLAUSE_END}"
    rf"|(?m:^)[ \t]*(?!lov(?:e|ey|ie)\b)(?P<hit4>{_PET})[ \t]*[,!]"
    # Words that are only ever fond, standing at the end of a clause ("See you then hun!").
    # (The lookahead first: the lookbehinds then run only where such a word starts.)
    r"|(?=[hbsdptl])(?<=[ \t])(?<!\ba )(?<!\bthe )(?<!\bmy )(?<!\bour )(?<!\byour )"
    r"(?<!little )(?<!\bsuch a )"
    r"(?P<hit6>hunn?(?:y|ie)?|babes?|sweet(?:ie|y)(?:\s+pie)?|sweetheart|darlin[g']?|"
    r"petal|poppet|lovey|treacle|hon)"
    rf"{_CLAUSE_END}"
    # The ambiguous ones ("sugar", "pet", "love") after a word that ends what was said.
    rf"|\b(?:then|again|earlier|soon|later|tonight|today|tomorrow|now|there|mate)[ \t]+"
    rf"(?P<hit7>{_PET}){_CLAUSE_END}"
    # After their name, in a greeting or thanks ("Thanks Maya love!").
    rf"|\b{_ADDRESS_BEFORE}[ \t,]+(?-i:[A-Z])[\w'-]+[ \t,]+(?P<hit8>{_PET}){_CLAUSE_END}"
    rf"|\boh[ \t,]+(?!dear\b)(?P<hit9>{_PET})[ \t]*[,!]"
    r"|(?m:^)[ \t]*(?P<hit5>darling|dearest|sweetheart|honey|my\s+(?:dear|love|darling))"
    r"[ \t]+(?-i:[A-Z])"
)

# What an automated or corporate letter says, and a person talking to a client does not.
_CANNED_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "canned-kindly",
        "“Kindly” in a request is the voice of a form letter.",
        r"(?:(?m:^)|[.!?]\s+|\b(?:please|would\s+you|could\s+you|we\s+would|you\s+are|you're)\s+)"
        r"(?P<hit>kindly)\b"
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
        r"|\b(?:automated|automatic|auto-?generated|automatically\s+generated|system[- ]generated|"
        r"unmonitored)\s+(?:message|e-?mail|notification|mailbox|address|reminder|text)\b"
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

# Putting the fault on the client: what they did or did not do, or that they were told.
_BLAME_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "blame-you-failed",
        "This puts the fault on them. Even when it is theirs, saying so does not help.",
        r"\byou(?:'ve|\s+have)?\s+(?:(?:really|clearly|obviously|still|just|again|also)\s+)?"
        r"(?:failed|forgot|neglected|omitted|refused)\s+to\b"
        r"|\byou\s+forgot\b"
        r"|\byou\s+(?:should(?:n'?t)?|shouldn'?t|should'?ve|ought\s+to)\s+have\b"
        r"|\byou\s+(?:were|was)\s+(?:supposed|meant|asked|told|expected|required)\s+to\b"
        r"|\byou\s+needed\s+to\b"
        r"|\byou\s+(?:really\s+)?need\s+to\s+(?:read|check|understand|pay\s+attention|follow|"
        r"listen|look|remember|learn|stop)\b"
        r"|\byou\s+(?:clearly\s+|obviously\s+|still\s+|just\s+|also\s+)?(?:didn'?t|did\s+not|"
        r"haven'?t|have\s+not|hadn'?t|had\s+not|never)\s+(?:yet\s+|even\s+|actually\s+)?"
        r"(?:read|follow(?:ed)?|sen[dt]|pa(?:y|id)|repl(?:y|ied)|respond(?:ed)?|check(?:ed)?|"
        r"include[d]?|attach(?:ed)?|fill(?:ed)?|complete[d]?|sign(?:ed)?|br(?:ing|ought)|"
        r"t(?:ell|old)|g(?:ive|iven)|provide[d]?|book(?:ed)?|confirm(?:ed)?|update[d]?|use[d]?|"
        r"listen(?:ed)?|notice[d]?|return(?:ed)?|treat(?:ed)?|turn(?:ed)?\s+up|sh(?:ow|own)\s+up|"
        r"attend(?:ed)?|cancel(?:l?ed)?|let\s+(?:us|me)|accept(?:ed)?|submit(?:ted)?|do(?:ne)?|"
        r"mention(?:ed)?|answer(?:ed)?|upload(?:ed)?|save[d]?|back(?:ed)?\s+up|register(?:ed)?|"
        r"arrive[d]?|call(?:ed)?|ring|rang|put|leave|left)\b"
        r"|\byou(?:'ve|\s+have)?\s+(?:(?:now|again|also|just|clearly|obviously)\s+)?"
        r"(?:missed|ignored|overlooked|skipped|been\s+ignoring)\b"
        r"|\byou\s+left\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:open|unlocked|unplugged|without)\b"
        r"|\bif\s+you(?:'d|\s+had)\s+(?:only\s+|actually\s+)?(?:read|followed|listened|checked|"
        r"looked|paid\s+attention|told|done|asked)\b"
        r"|\byou(?:'ve|\s+have)\s+forgotten\b"
        r"|\byou\s+must\s+have\s+(?:missed|forgotten|misread|misunderstood|deleted|ignored|"
        r"overlooked|skipped|not\s+\w+)\b"
        r"|\byou\s+(?:didn'?t|did\s+not)\s+(?!have\b|need\b|get\s+a\s+chance|mind\b|want\b|like\b|"
        r"feel\b|enjoy\b|hear\s+from|get\s+wet|lose\b|have\s+to\b|know\b|miss\s+much)\w+"
        r"|\byou\s+(?:were|was|arrived|turned\s+up|came|showed\s+up|got\s+here)\s+(?:\w+\s+){0,3}late\b"
        r"|\byou\s+keep\s+(?!me\b|us\b|going\b|smiling\b|up\b)\w+ing\b"
        r"|\byou\s+never\s+(?!fail\b|cease\b|disappoint\b)\w+"
        r"|\byou\s+should\s+(?:know|have\s+known|realise|realize|understand|be\s+aware|remember)\b"
        r"|\byou\s+(?:were|was|had\s+been|have\s+been|'ve\s+been)\s+(?:told|warned|advised|reminded|"
        r"informed|asked)\b"
        r"|\b(?:avoided|prevented)\s+if\s+you\b|\bhad\s+you\s+(?:only\s+)?(?:\w+ed|read|told|let|"
        r"come|done)\b"
        r"|\bnext\s+time,?\s+(?:please\s+)?(?:try\s+)?(?:reading|read|check|follow|remember|make\s+sure|"
        r"double-check|listen|pay\s+attention|let\s+(?:us|me)\s+know\s+(?:in\s+advance|earlier|sooner))\b"
        r"|\b(?:not\s+sure|no\s+idea|don'?t\s+know)\s+why\s+you\b"
        r"|\b(?:forgot|forgotten|missed|left|lost|ignored|cancelled|late)\s+(?:it\s+|the\s+\w+\s+)?"
        r"again\b"
        r"|\bplease\s+read\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+this\s+time\b"
        r"|\blast\s+time\s+you\s+(?!were\s+here|came|visited|said)\w+",
        ("You failed to send the form", "You should have told us", "You didn't read the email"),
    ),
    (
        "blame-as-i-said",
        "Reminding them that they were told makes them feel scolded.",
        r"\bas\s+(?:I|we)(?:'ve|\s+have)?\s+(?:already\s+|previously\s+|clearly\s+)?"
        r"(?:said|stated|mentioned|explained|told\s+you|advised|noted|pointed\s+out|made\s+clear)"
        r"\b(?![ \t]+(?:on\s+the\s+phone|in\s+our\s+session|when\s+we\s+met),?[ \t]+I\b)"
        r"|\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier|prior|other)\s+(?:e-?mail|message|"
        r"text|note|letter|reply|correspondence)\b"
        r"|\bas\s+(?:previously|already|clearly)\s+(?:stated|mentioned|explained|advised|"
        r"discussed|said|noted|communicated|agreed|outlined)\b"
        r"|\bas\s+(?:stated|mentioned|explained|advised|noted)\s+(?:previously|before|earlier|"
        r"already|in\s+my|last\s+time|several\s+times|twice)\b"
        r"|\b(?:I|we)(?:'ve|\s+have)?\s+(?:already|previously)\s+(?:explained|told\s+you|said|"
        r"sent|mentioned|asked|flagged)\b"
        r"|\b(?:I|we)(?:'ve|\s+have)\s+told\s+you\b"
        r"|\b(?:I|we)\s+did\s+(?:go\s+over|explain|mention|say|flag|tell\s+you|warn)\b"
        r"|\bwhich\s+(?:I|we)(?:'ve|\s+have)?\s+(?:mentioned|told\s+you|explained|said|flagged)"
        r"\s+(?:twice|before|several|many|already|\w+\s+times)\b"
        r"|\b(?:we|I)\s+went\s+over\s+(?:this|that|it)\b"
        r"|\b(?:I|we)(?:'d|\s+had|\s+did)?\s+(?:already\s+|previously\s+|specifically\s+)?"
        r"(?:reminded|warned|remind|warn)\s+you\b"
        r"|\blike\s+I\s+(?:said|asked|told\s+you|explained|mentioned)\b"
        r"|\b(?:three|four|five|several|multiple|many|\d+)\s+times\s+now\b"
        r"|(?-i:\bAGAIN\b)",
        ("As I said before", "As per my last email", "As previously stated"),
    ),
    (
        "blame-your-fault",
        "Naming their mistake puts the fault on them; say what happened and what comes next.",
        r"\byour\s+(?:own\s+)?(?:fault|mistake|error|oversight|doing|problem)\b"
        r"|\bon\s+your\s+(?:end|side)\b(?!\s+of\b)"
        r"|\b(?:not|isn'?t|wasn'?t)\s+(?:our|my)\s+(?:fault|problem|mistake|responsibility)\b"
        r"|\bwrong\s+(?:\w+\s+){0,3}(?:that\s+)?you\s+(?:entered|gave|provided|sent|typed|chose|"
        r"selected|used|put|uploaded|clicked|picked|bought|ordered|wrote)\b"
        r"|\byou(?:'d|\s+had)?\s+(?:entered|gave|provided|sent|typed|chose|selected|used|put|"
        r"uploaded|clicked|picked|bought|ordered|wrote)\s+(?:in\s+)?(?:the\s+|a\s+|us\s+the\s+)?"
        r"wrong\b"
        r"|\b(?:because|since|as)\s+you\s+(?:(?:obviously|clearly|just|also)\s+)?(?:didn'?t|did\s+not|"
        r"haven'?t|have\s+not|hadn'?t|failed|forgot|ignored|missed|never|used|clicked|accepted|"
        r"saved|put|left|gave|entered|sent|booked|chose|picked|skipped|ate|went|turned|unplugged|"
        r"uploaded|flushed|washed|let|moved)\b"
        r"|\bthat'?s\s+(?:the|what)\s+(?:\w+\s+){0,3}you\s+(?:gave|sent|entered|chose|uploaded|"
        r"picked|asked\s+for|provided)\b"
        r"|\byou\s+(?:entered|gave|provided|typed|sent|uploaded|chose|supplied)(?:\s+\w+){0,5}\s+"
        r"(?:was|were|is|are)\s+(?:wrong|incorrect|invalid|out\s+of\s+date)\b"
        r"|\b(?:user|operator|customer|client)\s+error\b"
        r"|\b(?:that'?s|this\s+is|it'?s|that\s+is|which\s+is)\s+on\s+you\b"
        r"|\byour\s+responsibility\b"
        r"|\b(?:caused|created|started)\s+by\s+(?:you|your)\b"
        r"|\b(?:due\s+to|because\s+of|thanks\s+to)\s+your\s+(?:own\s+)?(?:late\w*|failure|delay\w*|"
        r"mistake|error|lack|negligence|carelessness|not\s+\w+ing|no-show|absence|cancellation)\b"
        r"|\b(?:because|since|as)\s+you(?:'d|\s+had)?\s+(?:\w+\s+)?\w+ed\b(?!\s+(?:us|me)\b)"
        r"|\bthe\s+reaction\s+was\s+your\b",
        ("That was your mistake", "The issue is on your end", "the wrong date you entered"),
    ),
    (
        "blame-obviously",
        "“Obviously” or “clearly” about what they did tells them they should have known.",
        r"\b(?:obviously|evidently|apparently)\s*,?\s+(?:you|you've|you're|you'd|you'll|"
        r"didn'?t|haven'?t|wasn'?t|someone)\b"
        r"|\bclearly\s*,?\s+(?:you\s+)?(?:didn'?t|haven'?t|weren'?t|don'?t|never)\b"
        r"|\byou\s+(?:obviously|evidently)\b"
        r"|\byou\s+clearly\s+(?:didn'?t|did\s+not|haven'?t|have\s+not|don'?t|forgot|missed|"
        r"ignored|never|weren'?t|misread|misunderstood|skipped|can'?t)\b"
        r"|\b(?:wet\s+wipes|that|this)\s*,\s*obviously\b"
        r"|\bsomeone\s+(?:put|left|used|forgot|didn'?t|hasn'?t|ignored)\b",
        ("Obviously you didn't", "You clearly missed"),
    ),
)

_MONEY_FIX = (
    "Give the figure and the options plainly, and invite them to talk about timing: "
    "“It's £60; we can split it over two months if that helps, just say.”"
)
# Money, cost or payment tied to a judgement of the person, or to pressure.
_MONEY_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "money-means",
        "Doubting what they can afford tells them they do not belong here.",
        r"\bif\s+you\s+(?:have|need|had)\s+to\s+ask\b"
        r"|\b(?:you|everyone|everybody|people|anyone|most\s+people)\s+(?:can(?:'?t|not)?|"
        r"could(?:n'?t)?|can\s+really|can't\s+really)\s+(?:\w+\s+)?(?:afford|stretch\s+to)\b"
        r"|\b(?:when|once|until)\s+you(?:'re|\s+are)?\s+(?:can\s+|in\s+a\s+position\s+to\s+)"
        r"(?:afford|pay)\b"
        r"|\bafford\s+it\s+(?:properly|yet)\b"
        r"|\b(?:money|cash|funds|finances|budget|things)(?:'s|\s+is|\s+are|\s+has\s+been|"
        r"\s+have\s+been|\s+must\s+be|\s+might\s+be|'s\s+been|\s+being)\s+(?:\w+\s+){0,3}?"
        r"(?:tight|tough|short|stretched|an\s+issue|a\s+(?:problem|worry|concern|struggle))"
        r"(?:\s+for\s+you)?\b"
        r"|\b(?:tough|hard|difficult|tight)\s+financially\b|\bfinancially\s+(?:tough|hard|"
        r"difficult|stretched|struggling)\b"
        r"|\b(?:too\s+(?:much|expensive|pricey|dear|steep)|a\s+(?:lot|stretch))\s+for\s+"
        r"(?:you|someone\s+(?:like\s+you|in\s+your))\b"
        r"|\bif\s+(?:that|this|it|the\s+(?:fee|price|cost|rate))(?:'s|\s+is|\s+feels?|\s+seems?)\s+"
        r"(?:like\s+)?(?:too\s+(?:much|expensive|pricey|steep|dear)|a\s+lot|out\s+of\s+your)\b"
        r"|\bif\s+[£$€]?\s?[\d,.]+\s*(?:\w+\s+){0,3}(?:feels?|seems?|is)\s+(?:like\s+)?"
        r"(?:a\s+lot|too\s+much|steep|expensive)\b"
        r"|\bif\s+(?:the\s+)?(?:cost|price|fee|money|budget)\s+is\s+(?:an?\s+)?(?:issue|problem|"
        r"concern|worry|stretch)\b"
        r"|\bsomeone\s+in\s+your\s+(?:situation|position|circumstances)\b"
        r"|\b(?:people|those|anyone|clients)\s+on\s+a\s+(?:tight\s+)?budget\b"
        r"|\bif\s+you(?:'re|\s+are)\s+on\s+a\s+(?:tight\s+|small\s+)?budget\b"
        r"|\bif\s+(?:it'?s|your\s+budget\s+is)\s+(?:small|tight|low)\b"
        r"|\blooking\s+for\s+cheap\b|\bcheap(?:er)?\s+option\b|\bbudget\s+option\s+for\s+you\b"
        r"|\byou\s+get\s+what\s+you\s+pay\s+for\b"
        r"|\bsurely\s+(?:the\s+)?(?:cost|price|money|fee|budget)\b"
        r"|\bout\s+of\s+your\s+(?:price\s+range|budget|league)\b"
        r"|\bnot\s+everyone\s+can\s+(?:\w+\s+)?(?:afford|stretch|justify)\b"
        r"|\b(?:student|unemployed|on\s+benefits)\s+so\s+money\b"
        r"|\bno\s+point\s+(?:me\s+)?(?:pricing|quoting)\b"
        r"|\b(?:out\s+of|beyond)\s+(?:your\s+)?(?:reach|means)\b|\bwithin\s+your\s+means\b"
        r"|\b(?:isn'?t|is\s+not|not)\s+in\s+your\s+(?:budget|price\s+range)\b"
        r"|\b(?:can'?t|cannot|couldn'?t)\s+justify\s+the\s+(?:cost|price|fee|spend)\b"
        r"|\b(?:skint|strapped\s+for\s+cash|hard\s+up|short\s+of\s+(?:cash|money)|tight\s+on\s+"
        r"(?:money|cash)|counting\s+(?:the\s+)?pennies|penny-pinch\w*|cheapskate|tight-fisted|"
        r"bargain\s+hunter|haggl\w+)\b"
        r"|\bif\s+you\s+(?:can'?t|cannot|couldn'?t)\s+(?:pay|afford|manage)\b"
        r"|\bfor\s+(?:people|someone|clients)\s+like\s+you\b"
        r"|\bcheaper\s+elsewhere\b|\b(?:always|keep)\s+asking\s+for\s+(?:a\s+)?discount",
        ("If you have to ask, it's not for you", "I know money's tight for you"),
    ),
    (
        "money-comparison",
        "Comparing them with other clients over money shames them for asking.",
        r"\b(?:every\s+other|all\s+(?:our|my)(?:\s+other)?|most(?:\s+of\s+(?:our|my))?|other|"
        r"our\s+other|my\s+other)\s+(?:clients?|customers?|patients?|people)\s+(?:has|have|"
        r"don'?t|do\s+not|never|are|seem|manage|had|were)\s+(?:\w+\s+){0,3}(?:fine|worry|"
        r"complain\w*|mind|ask\w*|question\w*|quibble|haggle|problem|issue|happy\s+to\s+pay)\b"
        r"|\b(?:most|all|many)\s+(?:of\s+)?(?:my|our)\s+(?:other\s+)?(?:clients|customers|"
        r"patients)\s+(?:pay|paid|find|don'?t|never|are\s+happy)\b"
        r"|\b(?:might|may|must|would)\s+(?:sound|seem|feel)\s+like\s+a\s+lot\s+(?:to|for)\s+you\b"
        r"|\b(?:everyone|everybody|all\s+the\s+others)\s+else\b[^.\n]{0,40}\b(?:pay|paid|price|fee|"
        r"cost|afford|rate|invoice)"
        r"|\b(?:other|most)\s+(?:clients|customers|patients|people|families)\s+(?:happily\s+|gladly\s+|"
        r"just\s+)?(?:pay|paid|manage|afford|find\s+the\s+money)\b"
        r"|\b(?:nobody|no\s+one|no-one)\s+else\s+(?:has\s+)?(?:\w+\s+)?(?:complained|minds?|asked|"
        r"questioned|had\s+(?:a|any)\s+(?:problem|issue)|has\s+(?:a|any)\s+(?:problem|issue))\b",
        ("Most clients don't worry about price", "Nobody else has complained about the fee"),
    ),
    (
        "money-deflect",
        "Refusing to talk about fees makes a fair question feel improper.",
        r"\b(?:we|I)\s+(?:don'?t|do\s+not|never|won'?t)\s+(?:discuss|talk\s+about|quote|give\s+out|"
        r"share|disclose|go\s+into)\s+(?:our\s+|any\s+|the\s+)?(?:fees?|prices?|pricing|rates?|"
        r"costs?|money|commission(?:\s+rates?)?|charges|figures)?\s*(?:over|by|via|on)\s+"
        r"(?:e-?mail|the\s+phone|phone|text|message)\b"
        r"|\b(?:we|I)\s+(?:don'?t|do\s+not|never)\s+(?:discuss|talk\s+about|disclose)\s+"
        r"(?:our\s+|any\s+)?(?:fees|prices|pricing|rates|costs|money|commission(?:\s+rates?)?)\b"
        r"|\b(?:fees?|prices?|pricing|rates?|costs?|money)\s+(?:are|is)\s+not\s+(?:discussed|"
        r"something)\b"
        r"|\b(?:fees?|prices?|pricing|rates?|costs?|money)\s+(?:aren'?t|isn'?t)\s+(?:something|"
        r"discussed)\b"
        r"|\b(?:pricing|prices?|fees?|costs?|rates?)\s+(?:is|are)\s+(?:only\s+)?(?:discussed|given|"
        r"shared|available)\s+(?:in\s+person|face\s+to\s+face|at\s+the\s+\w+|on\s+request|by\s+phone)"
        r"|\b(?:don'?t|do\s+not|won'?t|will\s+not|never)\s+(?:give|do|provide|send)\s+(?:out\s+)?"
        r"(?:quotes?|prices?|pricing|figures)\s+(?:by|over|via|on)\b"
        r"|\bif\s+(?:the\s+)?(?:price|cost|money)\s+is\s+your\s+(?:main|only|biggest|first)\b"
        r"|\brather\s+not\s+(?:talk|discuss|go\s+into)\s+(?:money|fees|prices|costs)\b",
        ("We don't discuss fees by email",),
    ),
    (
        "money-dunning",
        "Pressure about payment reads as a threat, and makes them avoid you.",
        r"\byou\s+(?:still\s+)?owe\b|\bstill\s+(?:[£$€]?\s?[\d,.]+\s+)?(?:owe|owed|owing)\b"
        r"|\bowing\b(?!\s+to\b)"
        r"|\boverdue\b|\bpast\s+due\b|\barrears\b|\bunpaid\s+(?:balance|invoice|amount|fees?|bill)"
        r"|\bpay(?:ment)?\s+(?:is\s+)?(?:required\s+)?(?:immediately|straight\s+away|at\s+once|"
        r"asap|without\s+(?:further\s+)?delay|in\s+full\s+immediately)\b"
        r"|\bpay\s+(?:it\s+|this\s+|that\s+|up\s+)?(?:today|now|immediately|by\s+return)\b"
        r"|\bpay\s+(?:[\w£$€.,]+\s+){0,5}(?:straight\s+away|immediately|at\s+once|asap)\b"
        r"|[£$€]\s?[\d,.]+[ \t]*,?[ \t]*(?:today|now|asap|immediately)\b"
        r"|\b(?:paid|settled|cleared|transferred?)\s+(?:it\s+)?(?:straight\s+away|immediately|"
        r"at\s+once|today|asap)\b"
        r"|\b(?:due|payable|owing)\s+(?:immediately|now|today|at\s+once)\b"
        r"|\bimmediate\s+payment\b|\bprompt\s+payment\b"
        r"|\bneeds?\s+(?:paying|settling|clearing)\s+(?:today|now|immediately|in\s+full)\b"
        r"|\bneed\s+(?:that|the|it|this)\s+(?:[£$€]?\s?[\d,.]+\s+)?(?:today|now|by\s+\w+)\b"
        r"|\bfinal\s+(?:reminder|notice|demand|warning)\b|\bsecond\s+reminder\b"
        r"|\b(?:take|taking)\s+(?:further\s+)?(?:action|steps)\b|\bfurther\s+action\b"
        r"|\b(?:collection\s+agency|debt\s+collect\w*|bailiff\w*|small\s+claims)\b"
        r"|\bfailure\s+to\s+pay\b|\blate\s+payment\s+(?:interest|fees?|charges?|penalt\w+)\b"
        r"|\b(?:haven'?t|have\s+not|didn'?t|did\s+not|never)\s+(?:yet\s+)?paid\b"
        r"|\bleft\s+without\s+paying\b|\bchas(?:e|ing)\s+you\b|\bkeep\s+carrying\s+it\b"
        r"|\b(?:I|we)(?:'ve|\s+have)\s+been\s+(?:very\s+|more\s+than\s+)?patient\b"
        r"|\boutstanding\s+(?:balance|amount|sum|fees?|invoices?|debt|amounts)\b"
        r"(?=[^.\n]{0,80}\b(?:must|immediately|required|before|prior|now|today|settled|cleared)\b)"
        r"|\b(?:must|need\s+to|needs\s+to)\s+be\s+(?:paid|settled|cleared)\s+(?:in\s+full\s+)?"
        r"(?:immediately|today|before|prior|now|straight\s+away|within)\b"
        r"|\b(?:paid|settled|cleared)\s+(?:\w+\s+){0,3}before\s+(?:we|your\s+next|rebooking|"
        r"you\s+can)\b"
        r"|\bbefore\s+we\s+(?:can\s+)?(?:see|book|attend|continue|treat|help)\s+you\s+again\b"
        r"|\buntil\s+(?:\w+\s+){0,5}(?:is|are)\s+(?:paid|settled|cleared)\b"
        r"|\b(?:seriously|very|now\s+\w+\s+(?:days?|weeks?|months?))\s+(?:late|behind)\b"
        r"|\bstill\s+(?:not\s+(?:been\s+)?paid|waiting\s+(?:for|on)\s+(?:the\s+|your\s+)?"
        r"(?:payment|money|£|\$|€))"
        r"|\bexpect\s+(?:full\s+)?payment\b|\bclose\s+of\s+business\b"
        r"|\b(?:passed|handed|referred|sent)\s+(?:on\s+)?to\s+(?:a\s+|our\s+)?(?:collect\w+|debt|"
        r"solicitor|legal|court)"
        r"|\b(?:stop|pause|halt)\s+(?:all\s+)?(?:work|sessions|support)\s+until\b"
        r"|\b(?:no\s+further|can'?t\s+book\s+any\s+more|cannot\s+book\s+(?:any\s+)?further)\s+"
        r"(?:\w+\s+)?(?:until|unless)\b"
        r"|\breminder\s+(?:no\.?|number)\s*\d|\b(?:third|3rd|2nd|last)\s+(?:reminder|request|"
        r"notice|time\s+I(?:'ll|\s+will)\s+ask)\b|\bask(?:ed|ing)?\s+nicely\b"
        r"|\b(?:legal\s+(?:action|proceedings)|solicitors?|county\s+court)\b"
        r"|\binterest\s+(?:will\s+be\s+|is\s+being\s+)?(?:added|charged|applied)\b"
        r"|\b(?:late|admin)\s+(?:fee|charge|penalty)\b"
        r"|\baccount\s+(?:will\s+be\s+|has\s+been\s+|is\s+)?(?:suspended|frozen|closed|on\s+hold)\b"
        r"|\bsettle\s+(?:up|your\s+account|the\s+balance|this|it|the\s+invoice)\s+(?:now|today|asap|"
        r"immediately|urgently|straight\s+away)\b|\burgent(?:ly)?\b[^.\n]{0,30}\bpay"
        r"|\b(?:suspended|cancelled|released)\s+(?:\w+\s+){0,3}(?:unless|until)\s+(?:\w+\s+){0,3}"
        r"(?:paid|payment)\b",
        ("You still owe £120", "Please pay immediately", "Your invoice is overdue"),
    ),
)

_FAMILIAR_SIGN_OFF = (
    r"(?m:^)[ \t]*(?P<hit>(?:lots\s+of\s+|all\s+my\s+|much\s+|with\s+(?:much\s+|all\s+my\s+)?"
    r"|loads\s+of\s+|heaps\s+of\s+)?lo(?:ve|ts\s+of\s+love)|luv|hugs?|big\s+hugs?|"
    r"kisses|xoxo|xx+)\b[ \t]*[,!.]?[ \t]*(?:\w[\w'.-]*(?:[ \t]+\w[\w'.-]*)?)?[ \t]*x*[ \t]*$"
    r"|[.!?,][ \t]*(?P<hit2>love|hugs?|kisses)[ \t]*,[ \t]*[A-Z][\w'-]*"
    r"|,[ \t]*(?P<hit7>hugs?|kisses)[ \t]*[!.]*[ \t]*x*[ \t]*$"
    r"|\b(?P<hit3>(?:lots|loads|heaps)\s+of\s+love|all\s+my\s+love|with\s+love|love\s+you|"
    r"love\s+ya|miss\s+(?:you|ya|u)|we\s+miss\s+you|missing\s+you|besties?|"
    r"(?:big|warm|massive)\s+hugs?|hugs\s+(?:and|&)\s+(?:kisses|high\s+fives)|"
    r"(?:sending|a)\s+(?:a\s+)?(?:big\s+)?(?:hug|kiss|kisses|hugs)|xoxo|mwah|kisses)\b"
    r"|(?<![\w/£$€#.,:-])(?P<hit4>x{2,4})(?![\w/]|[.,:-]\w)"
    r"|(?<=[\w!.,)?])[ \t]+(?P<hit5>x{1,3})[ \t]*(?:\n|$)"
    r"|(?<![\w<])(?P<hit6><3)(?![\d])"
)

_HEARTS_AND_KISSES = (
    "[\u2764\u2665\u2763\U0001f48b-\U0001f49f\U0001f5a4\U0001f90d\U0001f90e\U0001f9e1"
    "\U0001f618\U0001f617\U0001f619\U0001f61a\U0001f60d\U0001f970\U0001f63b\U0001f917"
    "\U0001faf6\U0001f491\U0001f48f]"
)

BUILT_IN: tuple[Rule, ...] = (
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
        "unfilled-placeholder",
        PLACEHOLDER,
        ERROR,
        "A placeholder was left in the text; the client would see it as it is.",
        "Replace it with the real words, or remove it.",
        pattern=r"\{\{[^{}\n]{0,60}\}\}|\{[^{}\n]{1,40}\}"
        r"|\[(?:[A-Z][A-Za-z0-9 .'/&#_-]{0,40}|\.\.\.|…)\]"
        r"|\[(?i:(?:insert|add|your|client|customer|first|last|full|name|date|time|day|amount|"
        r"price|address|phone|email|company|business|link|url|ref)[^\]\n]{0,30})\]"
        r"|<<[^<>\n]{1,40}>>|<(?!https?:|mailto:|3)[A-Za-z][^<>@\n:/]{0,40}>"
        r"|%[A-Za-z_][A-Za-z0-9_]{1,30}%"
        r"|(?<![A-Za-z])(?:X{4,}|X{2,3}(?=[/:.,\-]?\d|[/:]|\.X|,X)|(?<=[£$€#/:,.\-])X{2,3})"
        r"(?![A-Za-z])"
        r"|(?-i:\b(?:TBC|TBD|TBA|TODO|FIXME)\b)"
        r"|(?<![\w?!])\?{2,}(?![\w?])"
        r"|_{2,}"
        r"|\binsert\b[^\n]{0,40}?\bhere\b",
        examples=("{{first_name}}", "[DATE]", "£XX.XX", "on TBC", "insert link here"),
    ),
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
    *(
        Rule(
            rule_id,
            BLAME,
            WARNING,
            explanation,
            "Describe what happened and what you will do next, without saying whose fault it was.",
            pattern=pattern,
            examples=examples,
        )
        for rule_id, explanation, pattern, examples in _BLAME_FAMILIES
    ),
    *(
        Rule(
            rule_id,
            MONEY_SHAME,
            WARNING,
            explanation,
            _MONEY_FIX,
            pattern=pattern,
            examples=examples,
        )
        for rule_id, explanation, pattern, examples in _MONEY_FAMILIES
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

RULE_IDS = frozenset(rule.id for rule in BUILT_IN) | {"greeting-name"}
