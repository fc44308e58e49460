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
    # Context in the same sentence: what must be there too, and what rules the match out
    # ("you forgot" with "my fault" or "no worries" in the sentence is not blame).
    with_sentence: str = ""
    unless_sentence: str = ""
    near_sentences: int = 0  # how many sentences either side that context may stand in
    examples: tuple[str, ...] = ()
    tags: frozenset[str] = field(default_factory=frozenset)


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# Words that address someone fondly. "love" and "dear" only count where they stand as a form
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

# Putting the fault on the client: what they did or did not do, or that they were told.
_BLAME_FAMILIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "blame-you-failed",
        "This puts the fault on them. Even when it is theirs, saying so does not help.",
        r"\byou(?:'ve|\s+have)?\s+(?:(?:really|clearly|obviously|still|just|again|also)\s+)?"
        r"(?:failed|forgot|neglected|omitted|refused)\s+to\b"
        r"|\byou\s+forgot\b(?!\s+(?:your|the|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s*[!,.])"
        r"|\byou\s+(?:should|ought\s+to)(?:'ve|\s+have)\b|\byou\s+shouldn'?t\s+have\b"
        r"|\byou\s+did\s+(?:forget|miss|leave|ignore|not)\b|\byou\s+can'?t\s+keep\s+\w+ing\b"
        r"|\byou(?:'d|\s+had)?\s+said\s+you(?:'d|\s+would)\b"
        r"|\byou\s+(?:put|entered|gave|wrote)\b[^.\n]{0,40}\b(?:was|were)\s+(?:your\s+old|the\s+wrong|"
        r"wrong|incorrect|out\s+of\s+date)\b"
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
        r"|\byou\s+(?:must\s+not|mustn'?t)\s+have\s+(?:read|seen|checked|listened|opened)\b"
        r"|\bwhen\s+(?:clients|people|customers|patients)\s+(?:don'?t|do\s+not|fail\s+to|forget\s+to|"
        r"ignore|can'?t\s+be\s+bothered)\b"
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
        r"|\b(?:avoided|prevented)\s+if\b[^.\n]{0,60}\b(?:had|were|was)\s+(?:been\s+)?(?:followed|read|"
        r"done|signed|checked)\b"
        r"|\b(?:second|third|fourth|fifth|\d+(?:nd|rd|th))\s+time\s+(?:that\s+)?you\b"
        r"|\bnot\s+the\s+first\s+time\b"
        r"|\byour\s+late\s+(?:arrival|cancellation|payment|reply|response|notice)\b"
        r"|\bwhat\s+you\s+were\s+thinking\b"
        r"|\bif\s+you\s+(?:actually|really|just|would|only)\s+(?:do|did|read|follow|listen|wore|"
        r"did|use|used|check|stick)\w*\b"
        r"|\byou(?:'ve|\s+have)?\s+clearly\s+not\b"
        r"|\bdid\s+you\s+(?:not|even)\s+(?:get|read|see|receive|check|look|open)\b"
        r"|\bdown\s+to\s+you\b|\bon\s+your\s+part\b"
        r"|\b(?:problems?|issues?|mess|trouble)\s+(?:that\s+)?you\s+(?:create|created|cause|caused|"
        r"made|keep\s+making)\b"
        r"|\bleft\s+(?:\w+\s+){0,3}(?:blank|running|open|unlocked|unplugged|switched\s+(?:on|off))\b"
        r"|\bread\s+(?:\w+\s+){0,3}properly\b|\bnot\s+(?:that|so|exactly)\s+(?:hard|difficult)\s+to\b"
        r"|\bshouldn'?t\s+have\s+to\s+(?:remind|chase|tell|ask|keep)\b"
        r"|\b(?:remind|chase|tell|ask)\s+you\s+(?:every|each|again|all\s+the\s+time|twice|repeatedly)\b"
        r"|\bplease\s+actually\b|\byou\s+seem\s+to\s+have\s+(?:forgotten|missed|ignored|"
        r"misunderstood|overlooked)\b"
        r"|\byou(?:'ve|\s+have)?\s+(?:double-booked|cancelled|forgotten|lost|missed)\s+(?:\w+\s+){0,2}"
        r"again\b"
        r"|\byou\s+really\s+should\b|\bshould\s+(?:really\s+)?have\s+(?:read|checked|known|"
        r"followed|listened|asked)\b"
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
        r"|\b(?:I|we)(?:'ve|\s+have)\s+asked\s+(?:for\s+)?(?:\w+\s+){0,2}(?:before|already|twice|several|"
        r"repeatedly|more\s+than\s+once)\b"
        r"|\b(?:I|we)\s+did\s+(?:go\s+over|explain|mention|say|flag|tell\s+you|warn)\b"
        r"|\bwhich\s+(?:I|we)(?:'ve|\s+have)?\s+(?:mentioned|told\s+you|explained|said|flagged)"
        r"\s+(?:twice|before|several|many|already|\w+\s+times)\b"
        r"|\b(?:we|I)\s+went\s+over\s+(?:this|that|it)\b"
        r"|\b(?:I|we)\s+did\s+(?:ask|tell|say|remind|warn|mention|explain|point\s+out)\b"
        r"|\b(?:I|we)\s+(?:explained|covered|went\s+through|discussed|mentioned|said)\s+"
        r"(?:this|that|it|all\s+this)\s+(?:at|in|on|during|last|before|already|previously|when)\b"
        r"|\bas\s+you(?:'ll|\s+will|\s+may|\s+should)?\s+(?:recall|remember|know|be\s+aware)\b"
        r"|\btold\s+you\s+(?:so|this\s+would|that\s+would|it\s+would|before|already|twice|several|"
        r"repeatedly|many\s+times|more\s+than\s+once)\b"
        r"|\b(?:per|following)\s+our\s+(?:last\s+|previous\s+)?(?:conversation|discussion|call)\b"
        r"(?=[^.\n]{0,60}\b(?:forgot|forgotten|seem|clearly|again)\b)"
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
        r"|\b(?:because|since|as)\s+you(?:'d|\s+had)?\s+(?:\w+\s+)?(?!asked|requested|wanted|mentioned|"
        r"suggested|agreed|preferred|needed|liked|loved|enjoyed|deserved|played|worked|tried|helped)"
        r"\w+ed\b(?!\s+(?:us|me)\b)"
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

_YOU = r"\b(?:you|your|you've|you'd|you're|yourself|yours|u|ur)\b"
# What makes a sentence about a fault something else: the provider's own mistake, reassurance,
# or a kind "in case".
_NOT_BLAME = (
    r"\b(?:my|our)\s+(?:fault|mistake|error|bad|oversight)\b"
    r"|\b(?:I|we)(?:'ve|\s+have)?\s+(?:\w+\s+)?(?:forgot|missed|got\s+\w+\s+wrong|made\s+a\s+mistake|"
    r"messed\s+up|mixed\s+up|was\s+late|were\s+late|overlooked)\b"
    r"|\bsorry\s+(?:I|we|about|for\s+(?:my|our|the))\b|\bapologies\b"
    r"|\bno\s+(?:worries|problem|probs|harm|stress|need|drama|judgement)\b|\bdon'?t\s+worry\b"
    r"|\b(?:easy|easily)\s+(?:to\s+)?(?:miss|missed|forget|forgotten)\b|\bhappens\b"
    r"|\bnot\s+your\s+fault\b|\bnothing\s+(?:went\s+)?wrong\b|\bwhat\s+went\s+wrong\b"
    r"|\bif\s+you\s+(?:need|want|have\s+any|can|could|'re\s+(?:running|free|around|unsure)|"
    r"are\s+(?:running|free|unsure))\b|\bin\s+case\s+you\b|\bwhenever\s+you\b"
    r"|\bhope\s+you\b|\blet\s+me\s+know\b"
    r"|\bmiss(?:ing|ed)?\s+(?:you|ya|u|seeing|having)\b|\b(?:won'?t|don'?t|never)\s+(?:want\s+to\s+)?miss\b"
    r"|\bmissed\s+a\s+beat\b|\bdidn'?t\s+miss\s+much\b|\bcan'?t\s+go\s+wrong\b|\bfailed\s+me\b"
    r"|\b(?:our|the)\s+(?:booking\s+)?system\b|\bcard\s+machine\b|\bglitch\b"
    r"|\bbug\b|\bno\s+action\b|\bof\s+us\b|\bon\s+me\b"
)
# For the plainest blame ("you forgot to", "left the gate open"): what makes it friendly or ours.
_KIND_OR_OURS = (
    r"\b(?:my|our)\s+(?:fault|mistake|error|bad|lad|son|daughter|team|colleague|apprentice|staff)\b"
    r"|\b(?:I|we)\s+(?:left|forgot|missed|didn'?t)\b|\bsorry\s+(?:I|we)\b|\bno\s+(?:worries|problem)\b"
    r"|\bdon'?t\s+worry\b|\bnot\s+your\s+fault\b|\bsafe\s+with\s+us\b|\bit'?s\s+(?:here|safe)\b"
    r"|\b(?:I|we)'?(?:ll|ve)\s+(?:keep|kept|got|have)\s+it\b|\bof\s+us\b|\bno\s+action\b"
)
# Reminding them that they were told is blame; "as I said, you've got a great eye" is praise.
_PRAISE_OR_OWN = (
    r"\bI\s+(?:didn'?t|forgot|haven'?t|was\s+late)\b|\b(?:great|impressed|love|lovely|brilliant|"
    r"amazing|proud|well\s+done|good\s+job|talented|gift|star)\b"
)
_BLAME_IN_CONTEXT = (
    r"\b(?P<hit>forg[eo]t(?:ten)?(?!\s+(?:your|the|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s*[!,.])|failed|failing|missed|missing|ignored|ignoring|neglected|"
    r"wrong(?:ly)?|incorrect(?:ly)?|mistakes?|fault|errors?|incomplete|blank|improperly|"
    r"double-booked|overlooked|misread|misunderstood|careless(?:ly)?|not\s+(?:followed|signed|"
    r"read|returned|completed|paid|sent|done)|weren'?t\s+followed|wasn'?t\s+(?:signed|returned|"
    r"completed|done|followed|read))\b"
)

# Blame said by what caused it: "because of the box dye you put on", "if the form had been
# signed when I asked, we'd be done", "the reason is that someone...".
_BLAME_BY_CAUSE = (
    r"\bsince\s+(?P<hit0>you\s+(?:didn'?t|haven'?t|never|failed|forgot|ignored|missed))\b"
    r"|\b(?:because|cos|cuz|'cause)\s+(?:of\s+)?(?:the\s+|all\s+the\s+|that\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?P<hit>(?:you|your|you've|you'd|someone|somebody|whoever|nobody|no\s+one)\b"
    r"(?:\s+\w+){0,2}\s+(?!deserve|asked|requested|mentioned|wanted|liked|loved|enjoyed|"
    r"chose|booked\s+early|said\s+yes|are\s+(?:great|lovely|amazing|worth)|'re\s+(?:great|lovely|"
    r"amazing|worth|a\s+star))\w+)"
    r"|\b(?:the\s+)?reason\b[^.\n]{0,80}?\b(?:is|was)\s+(?:that\s+|because\s+)?(?P<hit2>(?:you|"
    r"someone|somebody|whoever|it'?s\s+been)\b)"
    r"|\bit'?s\s+that\s+(?P<hit3>you)\b"
    r"|\bif\s+(?!I\b|we\b|I'd|we'd)(?P<hit4>[^.\n]{0,80}?\b(?:had\s+been|had|'d)\s+\w+)[^.\n]{0,80}?"
    r"\b(?:would(?:n'?t)?|could(?:n'?t)?|we'?d|you'?d|it'?d)\s+(?:have|'ve|already|be|not|still)\b"
    r"|\b(?:would|could)(?:n'?t)?\s+(?:have|'ve|be)\b[^.\n]{0,80}\b(?P<hit5>if\s+(?!I\b|we\b)"
    r"[^.\n]{0,60}\b(?:had\s+been|had|'d)\s+\w+)"
    r"|'d\s+(?:have|'ve|be)\b[^.\n]{0,80}\b(?P<hit7>if\s+(?!I\b|we\b)"
    r"[^.\n]{0,60}\b(?:had\s+been|had|'d)\s+\w+)"
    r"|\b(?:wasn'?t|weren'?t|hasn'?t\s+been|haven'?t\s+been|hadn'?t\s+been|was\s+never|were\s+never|"
    r"had\s+never\s+been|not\s+being)\s+(?P<hit6>done|sent|signed|updated|returned|completed|"
    r"filled\s+in|followed|brushed|used|applied|worn|booked)\b"
    r"(?=[^.\n]{0,80}\b(?:again|asked|at\s+home|when\s+(?:I|we)|so\s+(?:we|I)|before|despite|"
    r"between|meant|which|that'?s\s+why|make\s+sure|next\s+time|please)\b)"
)
# Telling them off for next time, or that they were told.
_BLAME_REPROACH = (
    r"\b(?:please|pls|plz|try\s+(?:and|to)|make\s+sure|double-check|check|stick\s+to|leave\s+it\s+"
    r"to\s+me|be\s+upfront|read|remember)\b[^.\n!?]{0,60}\bnext\s+time\b"
    r"|\bnext\s+time,?\s+(?:please|pls|make\s+sure|double-check|check|stick|be\s+\w+er|read|"
    r"remember|don'?t|leave\s+it|try\s+(?:reading|checking|to\s+(?:read|check|remember|arrive|be)))\b"
    r"|\b(?:I'?ve|I\s+have|we'?ve|we\s+have)\s+said\s+(?:this\s+|it\s+|so\s+)?(?:before|already|"
    r"several|many|more\s+than)\b|\bI\s+keep\s+(?:telling|reminding|asking)\s+you\b"
    r"|\bas\s+discussed\s+(?:ad\s+nauseam|repeatedly|many\s+times|several\s+times|before|already|"
    r"previously)\b"
    r"|\bdespite\s+(?:me\s+|us\s+)?(?:asking|reminding|chasing|telling|the\s+reminders?)\b"
    r"|\bexactly\s+what\s+(?:I|we)(?:'d|\s+had)?\s+(?:flagged|said|warned|told|asked|mentioned)"
    r"|\bwhat\s+(?:I|we)(?:'d|\s+had)?\s+asked\s+you\s+not\s+to\b"
    r"|\bit\s+(?:was|is|'s)\s+(?:all\s+|clearly\s+)?(?:in|on)\s+the\s+(?:booking\s+notes|reminder|"
    r"email|confirmation|instructions|aftercare|text|t&cs|terms|leaflet|sheet|form|notes|link)"
    r"|\b(?:top|bottom)\s+of\s+the\s+(?:email|page|message)\b|\bin\s+bold\b"
    r"|\bnot\s+(?:a\s+)?(?:mix-?up|mistake|error|problem|fault)\s+on\s+(?:our|my)\s+(?:part|side|end)\b"
    r"|\btake\s+(?:a\s+bit\s+|some\s+|a\s+little\s+)?more\s+(?:care|responsibility)\b"
    r"|\btake\s+(?:some\s+)?responsibility\b"
    r"|\bdo\s+your\s+(?:part|bit|homework)\b|\bbe\s+more\s+(?:organised|organized|careful|"
    r"responsible|punctual|on\s+time|on\s+top\s+of)\b"
    r"|\byou\s+(?:actually\s+)?follow\s+through\b"
    r"|\b(?:I'?m|I\s+am|we'?re|we\s+are)\s+not\s+going\s+to\s+keep\s+(?:chasing|reminding|telling|"
    r"asking)\b|\bif\s+you'?re\s+not\s+going\s+to\b"
    r"|\b(?:please|pls|plz)\s+stop\s+(?!apologi|worrying|thanking)\w+ing\b"
    r"|\bbefore\s+(?:calling|ringing|emailing|contacting)\s+us\b"
    r"|\bcheck\s+the\s+obvious\b|\bworth\s+double-checking\b"
    r"|\b(?:how\s+else|not\s+sure\s+how\s+else)\s+I\s+can\s+help\s+you\s+remember\b"
    r"|\byou\s+did\s+(?:ask|say|agree|tell|choose|book|want)\b"
    r"|\b(?:the\s+)?(?:same|\w+)\s+(?:items?|things?|tasks?)\s+over\s+for\b"
    r"|\bhave\s+you\s+been\s+doing\s+the\b|\bbeen\s+skipped\b"
    r"|\bfar\s+too\s+long\b|\bsecond\s+(?:week|month|time)\s+running\b"
    r"|\b(?:didn'?t|did\s+not)\s+[\"“]?(?:just\s+)?[\"“]?stop\s+working\b"
    r"|\bno\s+way\s+of\s+knowing\b|\bread\s+the\s+whole\b|\bbefore\s+replying\b"
    r"|\bthat'?s\s+how\s+the\s+wrong\b|\bactually\s+read\b|\bfor\s+the\s+record\b"
    r"|\b(?:from|with|after)\s+(?:all\s+)?the\s+[\w-]+\s+you(?:'ve|\s+have)\s+been\s+doing\b"
    r"|\bfrom\s+whatever\s+you\b|\bwhoever(?:'s|\s+has|\s+is)?\s+been\b"
    r"|\b(?:is|was)\s+what\s+(?:broke|caused|did)\s+it\b"
    r"|\bI'?d\s+appreciate\s+it\s+if\s+you\b|\bcheck(?:ed)?\s+your\s+own\b"
    r"|\bstick\s+to\s+(?:the\s+time|what\s+I|the\s+aftercare|the\s+plan)\b[^.\n]{0,40}"
    r"(?:please|pls|next\s+time|!)"
    r"|\bstick\s+to\s+what\s+I\s+(?:gave|said|told|recommended)\b"
    r"|\bclearly\s+you(?:'ve|\s+have)?\s+(?:been\s+)?(?:not|using|skipping|ignoring|forgetting|"
    r"missing|leaving)\b"
)

_MONEY_WORDS = (
    r"[£$€]|\b(?:pay\w*|paid|invoices?|bills?|balance|fees?|deposits?|money|owe[ds]?|funds|account|"
    r"payments?|cleared|settle\w*|charges?|quotes?|costs?|prices?|rates?|retainer|amount|sum|total)\b"
)
# Pressure about a payment: how often they were chased, what happens if they do not pay.
_MONEY_PRESSURE = (
    r"\b(?P<hit>(?:\d+|two|three|four|five|several|multiple)\s+times\s+now|beyond\s+a\s+joke|"
    r"chas(?:e|ed|ing)|waited\s+long\s+enough|still\s+waiting|won'?t\s+be\s+waiting|"
    r"or\s+(?:it\s+goes|I'?ll|I\s+will|we'?ll|we\s+will)|(?:till|until)\s+(?:I'?ve\s+been|you'?ve|"
    r"it'?s|the\s+(?:balance|last|invoice|account)|your\s+account|payment|I'?m\s+paid)"
    r"|before\s+(?:your\s+|the\s+|my\s+)?next|(?:payment|paid|money)\s+first|urgent(?:ly)?|"
    r"bounced|declined|"
    r"burn(?:ed|t)\s+before|bills\s+too|formal\s+notice|in\s+default|accruing|affect\s+your|"
    r"well\s+past|hasn'?t\s+landed|still\s+hasn'?t|tonight|down\s+tools|"
    r"\d+\s+(?:days|weeks|months)\s+(?:now|late|overdue|outstanding)|been\s+\d+\s+(?:days|weeks)|"
    r"has\s+been\s+outstanding|outstanding\s+for|overdrawn|awkward|what\s+(?:you|u)\s+owe|"
    r"money[.!,]*\s+please|too\s+many\s+(?:people|clients|no-shows)|won'?t\s+pay|not\s+pay|"
    r"outstanding|late\s+payments?|unpaid|(?:has|have)\s+not\s+been\s+paid|(?:hasn'?t|haven'?t|isn'?t)"
    r"\s+(?:been\s+)?paid|behind\s+(?:on|with)|missed\s+(?:payments?|instalments?)|track\s+record|"
    r"consequences|no\s+longer\s+(?:able|willing)|another\s+nudge|(?:patience|goodwill)\s+(?:is\s+)?"
    r"(?:running\s+out|wearing\s+thin)|unacceptable|promised\s+to\s+pay|excuses?|"
    r"no\s+(?:reply|response)\s+to\s+(?:my|our)\s+(?:invoices?|reminders?|emails?)|ignoring\s+(?:my|our)|"
    r"bills\s+to\s+pay|still\s+waiting\s+on|why\s+I'?m\s+still\s+waiting|(?:last|previous)\s+"
    r"(?:\w+\s+)?reminders?|going\s+to\s+be\s+there|non-?payment|paus(?:e|ing)\s+(?:all\s+)?work|"
    r"due\s+now|been\s+(?:two|three|four|five|six|several|a\s+few)\s+(?:days|weeks|months)|"
    r"(?:still\s+)?sitting\s+there|disappointing|waiting\s+on\s+yours|(?:have\s+)?all\s+paid|"
    r"a\s+bit\s+of\s+pressure|top\s+of\s+your\s+inbox|lost\s+somehow|forgot\s+to\s+pay|"
    r"meant\s+to\s+pay|didn'?t\s+pay|or\s+your\s+(?:slot|booking|appointment)|"
    r"payment\s+history|remit|late\s+again|given\s+last\s+time|(?:sent|chased|emailed)\s+(?:you\s+)?"
    r"(?:\w+\s+)?(?:reminders?|times)|"
    r"paid\s+in\s+advance\s+first|not\s+a\s+position\s+I\s+enjoy|must\s+be|(?:is|are)\s+required|"
    r"we\s+require|not\s+(?:yet\s+)?(?:been\s+)?received|(?:haven'?t|have\s+not)\s+(?:yet\s+)?"
    r"(?:received|had)|yet\s+to\s+(?:receive|pay|be\s+paid)|remains?\s+(?:unpaid|outstanding|due)|"
    r"(?:second|third|fourth|last|another|further)\s+reminder|suspend\w*|on\s+hold|no\s+further|cannot\s+(?:continue|proceed|book|release)|"
    r"(?:won'?t|will\s+not)\s+be\s+able\s+to\s+(?:continue|book|release|start)|"
    r"(?:unable|not\s+able)\s+to\s+(?:continue|book|release|start|proceed))\b"
)
_MONEY_RESPECTFUL = (
    r"\bno\s+(?:rush|pressure|worries|hurry)\b|\bwhenever\b|\bif\s+that\s+helps\b|\bhappy\s+to\b"
    r"|\b(?:can|could|we'?ll|I'?ll|happy\s+to|option\s+to)\s+(?:\w+\s+)?(?:split|spread)\b|\bchat\b"
    r"|\bjust\s+tell\s+me\b|\bif\s+the\s+timing\b|\binstal+ments?\b"
    r"|\b(?:offer|set\s+up|do|arrange|a)\s+(?:a\s+)?payment\s+plan\b|\bshout\s+if\b"
    r"|\bmore\s+time\b|\bsorry\s+(?:I|we)\b|\bmy\s+(?:fault|mistake)\b|\brefund(?:ed|s)?\b"
    r"|\bthank(?:s|\s+you)\s+for\s+(?:paying|your\s+payment|the\s+payment)\b|\breceived\b"
    r"|\bnothing\s+to\s+pay\b|\bno\s+need\s+to\s+pay\b|\bwon'?t\s+charge\b"
    r"|\bcard\s+machine\b|\bglitch\b|\b(?:our|my)\s+(?:end|side|system|mistake)\b"
)
# Remarks about their means, however kindly meant: they tell a client what you think they have.
_MONEY_PITY = (
    r"\b(?:a\s+(?:lot|stretch)|(?:a\s+)?huge\s+expense|(?:a\s+)?big\s+expense|an\s+extra|a\s+bit\s+"
    r"(?:rich|much|steep))\s+for\s+(?:some|a|an|people|someone|families|you|small)\b"
    r"|\b(?:smaller|lower|low|limited|modest|fixed|single)\s+(?:incomes?|budgets?|means)\b"
    r"|\b(?:only\s+a\s+student|between\s+jobs|on\s+one\s+income|single\s+parent|on\s+benefits|"
    r"out\s+of\s+work)\b(?=[^.\n]{0,80}(?:£|\$|€|pay|fee|price|rate|cost|charge|afford|money|"
    r"budget|discount|expense|cheap))"
    r"|(?:[£$€]|\b(?:pay|fee|price|rate|cost|charge|afford|money|budget|expense))[^.\n]{0,80}"
    r"\b(?:only\s+a\s+student|between\s+jobs|on\s+one\s+income|single\s+parent|on\s+benefits)\b"
    r"|\b(?:watching|counting)\s+the\s+pennies\b|\bpay\s+what\s+you\s+can\b"
    r"|\b(?:ok|okay|alright|all\s+right)\s+for\s+money\b|\bembarrass\s+you\b"
    r"|\bin\s+a\s+position\s+to\s+(?:proceed|pay|afford|buy|commit)\b"
    r"|\bcheapest\s+(?:option|tier|package|plan|model|one)\b|\bfalse\s+economy\b"
    r"|\bbudget\s+(?:agent|version|provider|groomer|salon|firm)\b"
    r"|\bgiven\s+your\s+(?:price\s+range|budget|means|circumstances|situation|finances)\b"
    r"|\b(?:people|someone|clients)\s+in\s+your\s+(?:situation|position|circumstances)\b"
    r"|\baimed\s+at\s+people\b|\bnasty\s+shock\b|\bwant(?:s)?\s+(?:a\s+)?(?:bargain|cheap)\b"
    r"|\bcowboys\b|\bdon'?t\s+blink\s+at\b|\b(?:isn'?t|not)\s+in\s+the\s+budget\b"
    r"|\bwhen\s+things\s+are\s+(?:a\s+bit\s+)?easier\b|\bcan'?t\s+pay\s+in\s+one\s+go\b"
    r"|\b(?:comparing|compare)\s+us\s+(?:with|to)\s+(?:the\s+)?(?:supermarket|cheap|budget)\w*"
    r"|\bstretched\s+for\b|\bif\s+that'?s\s+you\b|\bpriced\s+accordingly\b"
    r"|\bpeople\s+who\s+(?:ask|haggle|quibble|want\s+(?:a\s+)?(?:bargain|discount|cheap))\b"
    r"|\b(?:other\s+clients|others|most\s+people|people)\s+(?:\w+\s+)?(?:don'?t|do\s+not|never)\s+"
    r"(?:tend\s+to|quibble|haggle|blink|ask|mind)\b"
    r"|\bcompared\s+(?:with|to)\s+what\s+others\s+charge\b|\bsticking\s+point\b"
    r"|\b(?:only|prefer\s+to|rather)\s+discuss\s+(?:fees|pricing|prices|costs|money)\b"
    r"|\b(?:not\s+able|unable)\s+to\s+discuss\s+(?:fees|pricing|prices|costs|money)\b"
    r"|\bdon'?t\s+publish\s+(?:my|our)\s+(?:fees|prices|rates)\b"
    r"|\b(?:don'?t|do\s+not)\s+(?:do|give|offer)\s+discounts\b|\bdon'?t\s+(?:really\s+)?negotiate\b"
    r"|\b(?:ask|asking)\s+for\s+the\s+price\s+to\s+come\s+down\b"
    r"|\bif\s+you(?:'re|\s+are)\s+after\s+(?:budget|cheap|a\s+bargain|the\s+cheapest)\b"
    r"|\b(?:budget|cheap|cheaper|price|afford)[^.\n]{0,40}\b(?:try|go|look)\s+elsewhere\b"
    r"|\b(?:try|go|look)\s+elsewhere\b[^.\n]{0,40}(?:budget|cheap|cheaper|price|afford)"
    r"|\baffordable\s+(?:for|to)\s+(?:anyone|everyone|most)\b"
    r"|\bsurely\s+you\s+can\s+(?:find|afford|manage|stretch|spare)\b"
    r"|\b(?:get\s+into|talk|discuss|go\s+into)\s+(?:money|fees|prices|pricing|costs)\s+(?:over|by|via|on)\s+"
    r"(?:e-?mail|text|the\s+phone)\b"
    r"|\bpeople\s+who\b[^.\n]{0,50}\b(?:don'?t|never|won'?t)\s+(?:quibble|haggle|blink|ask|mind|"
    r"complain|worry)\b"
    r"|\bbeyond\s+you\b|\bnot\s+(?:really\s+)?(?:within|in)\s+your\s+budget\b"
    r"|\b(?:don'?t|never)\s+(?:get|have)\s+this\s+(?:conversation|problem|issue)\s+with\s+"
    r"(?:my|our|the)\s+other\b"
    r"|\b(?:don'?t|rarely|never)\s+(?:usually\s+)?(?:get|have|had)\s+(?:people|clients|anyone)\s+"
    r"(?:else\s+)?ask\w*\b"
    r"|\b(?:priority|necessary|essential)\s+expense\s+rather\s+than\b|\brather\s+than\s+something\s+"
    r"to\s+negotiate\b|\bwhether\s+you'?re\s+really\s+committed\b"
    r"|\byou'?ll\s+struggle\s+to\s+(?:cover|pay|afford|meet)\b|\bable\s+to\s+justify\s+spending\b"
    r"|\b(?:more|most)\s+sensible\b(?=[^.\n]{0,60}(?:budget|cheap|price|cost|afford|basic|£|\$|€))"
    r"|\ba\s+luxury\b|\bsplash\s+out\b|\binvest(?:ing)?\s+in\s+yourself\b|\babout\s+priorities\b"
    r"|\bspend(?:ing)?\s+(?:money\s+)?on\s+yourself\b|\bsave\s+up\b|\bearning\s+more\b"
    r"|\bon\s+a\s+shoestring\b|\b(?:cost|price)-(?:conscious|sensitive)\b"
    r"|\bcheaper\s+(?:alternatives?|version|option|route|salon|place|provider|one)\b"
    r"|\bmore\s+realistic\s+for\s+you\b|\brich\s+for\s+your\s+blood\b"
    r"|\bcounts?\s+every\s+(?:penny|pound|cent|dollar)\b|\bevery\s+penny\s+counts\b"
    r"|\b(?:kinder\s+on|easier\s+on)\s+your\s+(?:pocket|wallet|purse)\b"
    r"|\bcan\s+you\s+(?:actually|really|even|honestly)\s+afford\b"
    r"|\bgoing\s+to\s+be\s+a\s+struggle\b|\bcan'?t\s+(?:swing|stretch\s+to)\b"
    r"|\bdidn'?t\s+think\s+you'?d\s+(?:manage|afford|be\s+able)\b|\bsorted\s+your\s+finances\b"
    r"|\b(?:won'?t|doesn'?t|don'?t)\s+blink\b|\bwithout\s+blinking\b|\bjump\s+at\s+this\s+price\b"
    r"|\bgrateful\s+for\s+a\s+rate\b|\bcheaper\s+plan\b|\btime-?wasters\b"
    r"|\bshop\s+around\s+on\s+price\b|\bcount\s+the\s+minutes\b|\bquality\s+costs\s+money\b"
    r"|\bsmall\s+cost\s+of\s+doing\s+business\b|\bcounts?\s+every\s+pound\b"
    r"|\bwithout\s+(?:complaining|a\s+second\s+thought|question)\b"
    r"|\byou(?:'re|\s+are)\s+on\s+a\s+(?:tight\s+|small\s+|low\s+|limited\s+)?budget\b"
    r"|\byour\s+(?:budget|finances|means|income)\s+(?:is|are)\s+(?:\w+\s+)?(?:limited|tight|small|"
    r"stretched|low|modest)\b"
    r"|\byou(?:'re|\s+are)\s+(?:\w+\s+)?(?:struggling|skint|broke|hard\s+up|short)\b"
    r"(?=[^.\n]{0,60}(?:£|\$|€|pay|fee|price|cost|money|afford|cash|financ|budget|bill))"
    r"|\bfinancial(?:ly)?\s+(?:difficult\w*|situation|struggles?|hardship|worries|trouble|"
    r"circumstances)\b|\bmoney\s+(?:worries|troubles|problems|issues)\b"
    r"|\b(?:money|cash|finances)(?:'s|\s+is|\s+are|\s+has\s+been|\s+have\s+been)\s+(?:\w+\s+){0,2}?"
    r"(?:difficult|hard|rough|tricky|a\s+struggle)\b"
    r"|\b(?:on|with)\s+your\s+(?:income|salary|wage|means|pension)\b"
    r"|\bnot\s+cheap\s+for\s+you\b"
    r"|\bprices?\s+on\s+application\b|\bbest\s+discussed\s+(?:in\s+person|face\s+to\s+face|on\s+the\s+"
    r"phone|when\s+we\s+meet)\b"
    r"|\brather\s+not\s+(?:put|give|share|send|quote)\s+(?:figures|numbers|prices|a\s+price|costs)\b"
    r"|\b(?:other|most|our\s+other)\s+clients\s+(?:seem\s+to\s+|all\s+)?manage\b"
    r"|\b(?:worried|anxious|stressed|nervous|embarrassed)\s+about\s+(?:the\s+)?(?:cost|price|money|"
    r"fees?|paying|the\s+bill)\b"
)

# Other people held up against them over money: "most of my clients", "your neighbour".
_MONEY_OTHERS = (
    r"\b(?<!to )(?<!for )(?<!with )"
    r"(?P<hit>(?:most|all|many|lots|plenty|the\s+rest|every\s+other|none|the\s+other|other)\s+"
    r"(?:of\s+)?(?:my\s+|our\s+|the\s+)?(?:other\s+)?(?:\w+\s+)?(?:clients?|customers?|patients?|"
    r"people|famil(?:y|ies)|parents?|owners?|vendors?|firms?|business(?:es)?|couples?|houses?|brides?|"
    r"regulars?|students?|homeowners?|tenants?|buyers?)|(?:my|our)\s+(?:other\s+)?(?:\w+\s+)?clients\s+"
    r"(?:never|don'?t|always|happily|all|just)|your\s+neighbou?r|everyone\s+else|nobody\s+else|no\s+one\s+else|"
    r"anyone\s+else|you(?:'re|\s+are)\s+the\s+only\s+(?:one|client|person|customer|patient)|"
    r"yours\s+is\s+the\s+(?:first|only)|people\s+your\s+age|(?:other|most)\s+\w+\s+your\s+"
    r"(?:size|age|level))\b"
)
# Who they are, when it is used to size what they can pay.
_MONEY_WHO = (
    r"\b(?P<hit>(?:your|a|the\s+one|only\s+the\s+one|one|single)\s+(?:wage|salary|income|pension)|"
    r"carer'?s\s+wage|nurse'?s\s+salary|universal\s+credit|on\s+benefits|retired|pensioners?|"
    r"income\s+bracket|(?:the\s+)?area\s+you'?re\s+in|your\s+age|at\s+your\s+age|"
    r"your\s+day\s+rate|your\s+level|your\s+size|(?:two|three|four)\s+kids|past\s+your\s+"
    r"(?:husband|wife|partner)|in\s+retail|a\s+student|you(?:'re|\s+are)\s+(?:a\s+|only\s+a\s+|just\s+a\s+)?"
    r"(?:student|pensioner|single\s+(?:mum|mom|dad|parent)|retiree|carer|nurse|teacher|apprentice))\b"
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
        r"|\bcheaper\s+elsewhere\b|\b(?:always|keep)\s+asking\s+for\s+(?:a\s+)?discount"
        r"|\b(?:fee|price|cost|rate)\s+is\s+beyond\s+you\b|\bcheaper\s+(?:coaches|options|places|"
        r"salons|alternatives|providers)\b"
        r"|\b(?:struggling|unable)\s+to\s+(?:pay|afford|keep\s+up)\b"
        r"|\b(?:trying|try)\s+to\s+(?:knock|get|beat|haggle)\s+(?:the\s+)?(?:price|it|me)\s+down\b"
        r"|\bknock\s+(?:the\s+)?price\s+down\b"
        r"|\bare\s+you\s+sure\s+you\s+can\s+afford\b|\bcan\s+you\s+(?:really|even)\s+afford\b"
        r"|\ban\s+investment,?\s+not\s+a\s+cost\b",
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
        r"|\b(?:others|other\s+people|other\s+clients)\s+(?:don'?t|do\s+not|never)\s+(?:seem\s+to\s+)?"
        r"(?:have|find|mind|complain|ask)\b"
        r"|\bthe\s+price\s+is\s+(?:what\s+it\s+is|the\s+price)\b"
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
        r"|\brather\s+not\s+(?:talk|discuss|go\s+into)\s+(?:money|fees|prices|costs)\b"
        r"|\b(?:don'?t|do\s+not|never)\s+(?:really\s+)?(?:talk|discuss|do)\s+(?:money|prices|fees|"
        r"pricing|numbers)\s+(?:over|by|via|on)\b"
        r"|\b(?:put|discuss|share|give)\s+(?:\w+\s+)?in\s+writing\b"
        r"|\bdon'?t\s+put\s+(?:rates|prices|fees|numbers|figures)\s+in\s+(?:e-?mails?|writing|texts?)\b"
        r"|\b(?:pricing|prices?|fees?|rates?|costs?)\b[^.\n]{0,40}\b(?:is|are)\s+(?:only\s+)?(?:available|"
        r"given|discussed|provided|shared)\s+(?:on\s+request|at\s+the|after|in\s+person|once|face\s+to\s+"
        r"face)\b"
        r"|\bfee\s+structure\s+(?:isn'?t|is\s+not)\b|\bcannot\s+be\s+(?:provided|given|discussed|shared)"
        r"\s+(?:by|over|via)\b|\b(?:aren'?t|are\s+not|isn'?t|is\s+not)\s+published\b"
        r"|\bsomething\s+I\s+only\s+go\s+over\b|\bonly\s+go\s+over\s+once\b"
        r"|\bwe\s+don'?t\s+(?:list|publish|share|give\s+out|itemi[sz]e|do\s+ballpark)\b"
        r"|\b(?:rates|prices|fees|pricing|fee\s+structure|fee\s+information|commission|the\s+"
        r"investment|cost|quotes?)\s+(?:are|is|will\s+be)\s+(?:only\s+)?(?:discussed|given|provided|"
        r"available|shared|issued|confidential|not\s+published|not\s+something|cannot\s+be)\b"
        r"|\b(?:asking|ask)\s+about\s+(?:the\s+)?(?:price|cost|fees?)\s+(?:first|before|over)\b"
        r"|\bisn'?t\s+really\s+how\s+this\s+works\b"
        r"|\b(?:let'?s\s+not|no\s+point)\s+(?:worry(?:ing)?|talk(?:ing)?|get(?:ting)?\s+into)\s+"
        r"(?:about\s+)?(?:money|cost|fees|price|numbers|it)\b"
        r"|\bkeep\s+money\s+out\s+of\b|\bcrass\b"
        r"|\b(?:talk|discuss|worry)\s+about\s+(?:cost|money|fees|price|that)\s+(?:once|after|later)\b"
        r"|\b(?:tell|send|give)\s+you\s+(?:the\s+)?(?:price|figure|cost|bill|number)\s+"
        r"(?:at\s+the\s+end|when|once|after)\b"
        r"|\byou'?ll\s+get\s+the\s+(?:figure|price|bill|cost|number)\s+when\b"
        r"|\bnot\s+(?:able|going)\s+to\s+(?:give\s+you\s+a\s+(?:number|price|figure)|guess)\b"
        r"|\bballpark\b|\bthe\s+quote\s+is\s+the\s+quote\b|\b(?:is|'s)\s+what\s+it\s+is\b"
        r"|\bwhatever\s+the\s+job\s+turns\s+out\b"
        r"|\bcan'?t\s+break\s+(?:the\s+)?(?:invoice|bill|quote|price)\s+down\b"
        r"|\bdon'?t\s+ask\s+about\s+(?:cost|price|money|fees)\b"
        r"|\bnever\s+talk\s+(?:prices|money|fees|cost)\b"
        r"|\brather\s+not\s+get\s+into\s+(?:numbers|money|cost|fees)\b"
        r"|\bonly\s+(?:goes\s+through|discusses|talks\s+about)\s+(?:fees|prices|costs|money)\b"
        r"|\bneed\s+a\s+price\s+before\b|\bcompare\s+it\s+with\s+cheaper\b"
        r"|\b(?:until|before)\s+you'?ve\s+(?:signed|committed)\b",
        ("We don't discuss fees by email",),
    ),
    (
        "money-dunning",
        "Pressure about payment reads as a threat, and makes them avoid you.",
        r"\byou\s+(?:still\s+)?owe\b|\bstill\s+(?:[£$€]?\s?[\d,.]+\s+)?(?:owe|owed|owing)\b"
        r"|\bowing\b(?!\s+to\b)"
        r"|\boverdue\b|\bpast\s+due\b"
        r"|\b(?<!billed in )(?<!paid in )(?<!invoiced in )(?<!ly in )arrears\b"
        r"|\bunpaid\s+(?:balance|invoice|amount|fees?|bill)"
        r"|\bpay(?:ment)?\s+(?:is\s+)?(?:required\s+)?(?:immediately|straight\s+away|at\s+once|"
        r"asap|without\s+(?:further\s+)?delay|in\s+full\s+immediately)\b"
        r"|\bpay\s+(?:it\s+|this\s+|that\s+|up\s+)?(?:today|now|immediately|by\s+return)\b"
        r"|\bpay\s+(?:[\w£$€.,]+\s+){0,5}(?:straight\s+away|immediately|at\s+once|asap)\b"
        r"|\b(?:pay|paid|payment|settle\w*|transfer\w*|clear(?:ed)?)\b[^.\n]{0,30}\b(?:today(?!')|"
        r"tonight|asap|immediately|straight\s+away|by\s+(?:tomorrow|tonight|the\s+end\s+of|end\s+of|"
        r"close\s+of|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b"
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
        r"|\b(?:over\s+)?\d+\s+(?:days|weeks|months)\s+late\b"
        r"|\bshould\s+have\s+been\s+(?:in\s+(?:my|our|the)\s+account|paid|settled|received|cleared)\b"
        r"|\bwait(?:ed)?\s+(?:far\s+|much\s+|way\s+)?too\s+long\s+for\s+(?:this\s+|the\s+|your\s+)?"
        r"(?:payment|money|fee)\b"
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
        r"|\b(?:legal\s+(?:action|proceedings)|our\s+solicitors?|county\s+court)\b"
        r"|\binterest\s+(?:will\s+be\s+|is\s+being\s+)?(?:added|charged|applied)\b"
        r"|\b(?:late|admin)\s+(?:fee|charge|penalty)\b"
        r"|\baccount\s+(?:will\s+be\s+|has\s+been\s+|is\s+)?(?:suspended|frozen|closed|on\s+hold)\b"
        r"|\bsettle\s+(?:up|your\s+account|the\s+balance|this|it|the\s+invoice)\s+(?:now|today|asap|"
        r"immediately|urgently|straight\s+away)\b|\burgent(?:ly)?\b[^.\n]{0,30}\bpay"
        r"|\b(?:balance|invoice|payment|bill|account|fee)s?\s+(?:is|are)\s+(?:now\s+)?(?:\w+\s+){1,3}"
        r"late\b"
        r"|\b(?:forced|have\s+no\s+choice\s+but)\s+to\s+(?:pass|refer|hand|take|charge|stop|cancel)\b"
        r"|\bdebt\s+recovery\b|\brecovery\s+(?:agent|agency|partner|team)\b"
        r"|\b(?:without|with\s+no)\s+(?:further\s+)?delay\b"
        r"|\b(?:we|I)\s+(?:now\s+)?(?:require|expect|need)\s+(?:full\s+|immediate\s+|prompt\s+)?"
        r"(?:payment|settlement|the\s+(?:full\s+)?(?:amount|balance|sum))\b"
        r"|\bimmediate\s+settlement\b|\bin\s+the\s+red\b|\bclear\s+(?:your|the)\s+dues\b|\bdues\b"
        r"|\bstill\s+(?:haven'?t|have\s+not|not)\s+(?:received|had|got)\s+(?:your\s+|the\s+|any\s+)?"
        r"(?:payment|money|transfer|fee)\b"
        r"|\b(?:third|second|fourth|\d+(?:nd|rd|th))\s+time\s+(?:that\s+)?(?:I'?ve|I\s+have|we'?ve|"
        r"we\s+have)\s+(?:asked|chased|reminded|written)\b"
        r"|\b(?:suspended|cancelled|released)\s+(?:\w+\s+){0,3}(?:unless|until)\s+(?:\w+\s+){0,3}"
        r"(?:paid|payment)\b",
        ("You still owe £120", "Please pay immediately", "Your invoice is overdue"),
    ),
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
        r"|(?-i:\[(?:[A-Z][A-Za-z0-9 .'/&#_-]{0,40}|\.\.\.|…)\])"
        r"|\[(?i:(?:insert|add|your|client|customer|first|last|full|name|date|time|day|amount|"
        r"price|address|phone|email|company|business|link|url|ref)[^\]\n]{0,30})\]"
        r"|<<[^<>\n]{1,40}>>|<(?!https?:|mailto:|3)[A-Za-z][^<>@\n:/]{0,40}>"
        r"|%[A-Za-z_][A-Za-z0-9_]{1,30}%"
        r"|(?-i:(?<![A-Za-z])(?:X{4,}|X{2,3}(?=[/:.,\-]?\d|[/:]|\.X|,X)|(?<=[£$€#/:,.\-])X{2,3})"
        r"(?![A-Za-z]))"
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
            unless_sentence=_PRAISE_OR_OWN if rule_id == "blame-as-i-said" else _KIND_OR_OURS,
            examples=examples,
        )
        for rule_id, explanation, pattern, examples in _BLAME_FAMILIES
    ),
    Rule(
        "blame-by-cause",
        BLAME,
        WARNING,
        "This explains what went wrong by what they did, which puts the fault on them.",
        "Say what happened and what you will do next; if something needs to change, ask for it "
        "plainly, without the history.",
        pattern=_BLAME_BY_CAUSE,
        unless_sentence=_NOT_BLAME,
        examples=("It faded because of the box dye you put on.",),
    ),
    Rule(
        "blame-reproach",
        BLAME,
        WARNING,
        "This tells them off: for next time, or for not listening.",
        "Ask for what you need next time as a request, not a correction.",
        pattern=_BLAME_REPROACH,
        unless_sentence=r"\bno\s+(?:worries|problem|need)\b|\bmy\s+(?:fault|mistake)\b",
        examples=("Please read the whole email next time.", "I've said before, they can't go."),
    ),
    Rule(
        "blame-in-context",
        BLAME,
        WARNING,
        "This sentence ties a fault to them. Even when it is theirs, saying so does not help.",
        "Describe what happened and what you will do next, without saying whose fault it was.",
        pattern=_BLAME_IN_CONTEXT,
        with_sentence=_YOU,
        unless_sentence=_NOT_BLAME,
        examples=("The form you sent was incomplete.", "Your booking was wrong."),
    ),
    *(
        Rule(
            rule_id,
            MONEY_SHAME,
            WARNING,
            explanation,
            _MONEY_FIX,
            pattern=pattern,
            unless_sentence=_MONEY_RESPECTFUL if rule_id == "money-dunning" else "",
            examples=examples,
        )
        for rule_id, explanation, pattern, examples in _MONEY_FAMILIES
    ),
    Rule(
        "money-pressure",
        MONEY_SHAME,
        WARNING,
        "Chasing, deadlines and what happens if they do not pay read as pressure, and make a "
        "client avoid you.",
        _MONEY_FIX,
        pattern=_MONEY_PRESSURE,
        with_sentence=_MONEY_WORDS,
        unless_sentence=_MONEY_RESPECTFUL,
        near_sentences=2,
        examples=("I've sent the invoice three times now.", "Deposit by 6pm or it goes."),
    ),
    Rule(
        "money-others",
        MONEY_SHAME,
        WARNING,
        "Holding other clients up against them over money shames them for asking.",
        _MONEY_FIX,
        pattern=_MONEY_OTHERS,
        with_sentence=_MONEY_WORDS
        + r"|\b(?:full\s+rate|pays?|discount|itemi[sz]ed|breakdown|tip|quibble|blink|package|"
        r"minimum|tier|plan|negotiate|expense|"
        r"complain\w*)\b",
        unless_sentence=_MONEY_RESPECTFUL,
        examples=("Most of my clients pay without a second thought.",),
    ),
    Rule(
        "money-who-they-are",
        MONEY_SHAME,
        WARNING,
        "Sizing the price to who they are (their wage, age or area) tells them what you think "
        "they can afford.",
        _MONEY_FIX,
        pattern=_MONEY_WHO,
        with_sentence=_MONEY_WORDS
        + r"|\b(?:afford|cheap\w*|budget|basic|essential|stretch|realistic|spend|swing|quid|"
        r"discount|knock\w*|quot\w*)\b",
        unless_sentence=r"\bno\s+rush\b|\bhappy\s+to\s+talk\b",
        examples=("Given the area you're in, I've priced the basic clean.",),
    ),
    Rule(
        "money-pity",
        MONEY_SHAME,
        WARNING,
        "Remarks about what they can afford, however kindly meant, tell them what you think "
        "they have.",
        _MONEY_FIX,
        pattern=_MONEY_PITY,
        examples=("I know it's a lot for a single parent.", "if you're watching the pennies"),
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
