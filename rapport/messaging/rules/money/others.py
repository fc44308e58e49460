"""Money-shame about asking: other clients held up against them, and a price question turned
away instead of answered."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, WARNING, Rule
from rapport.messaging.rules.money.words import (
    MONEY_FIX,
    MONEY_WORDS,
    OTHER_WAYS_WELCOME,
    RESPECTFUL,
    WELCOMED,
)

# Other people held up against them over money: "most of my clients", "your neighbour".
_MONEY_OTHERS = (
    r"\b(?<!to )(?<!for )(?<!with )"
    r"(?P<hit>(?:most|all|many|lots|plenty|the\s+rest|every\s+other|none|the\s+other|other)\s+"
    r"(?:of\s+)?(?:my\s+|our\s+|the\s+)?(?:other\s+)?(?:\w+\s+)?(?:clients?|customers?|patients?|"
    r"people|famil(?:y|ies)|parents?|owners?|vendors?|firms?|business(?:es)?|couples?|houses?|brides?|"
    r"regulars?|students?|homeowners?|tenants?|buyers?|landlords?|sellers?|brides?)|(?:my|our)\s+(?:other\s+)?(?:\w+\s+)?clients\s+"
    r"(?:never|don'?t|always|happily|all|just)|your\s+neighbou?r|everyone\s+else|nobody\s+else|no\s+one\s+else|"
    r"anyone\s+else|you(?:'re|\s+are)\s+the\s+only\s+(?:one|client|person|customer|patient)|"
    r"yours\s+is\s+the\s+(?:first|only)|people\s+your\s+age|(?:other|most)\s+\w+\s+your\s+"
    r"(?:size|age|level))\b"
)

# Someone held up against them, named by who they are to the client or to the provider ("your
# sister", "the couple I did last week", "people who come to me"), and what those others did
# with their money in the same sentence or the next ("paid", "didn't blink", "went for").
_MONEY_HELD_UP = (
    r"\b(?P<hit>(?:the\s+)?(?:vast\s+)?majority\s+of\s+(?:my|our|the)|"
    r"the\s+(?:couple|family|lady|man|guy|woman|client|bride|owner|customer|patient|household|"
    r"people|one)\s+(?:I|we)\s+(?:did|had|saw|shot|worked|groomed|coached|tutored|treated|quoted)|"
    r"your\s+(?:sister|brother|mum|mom|dad|mother|father|friends?|neighbou?rs?|colleagues?|cousin|"
    r"boss|in-laws)|\w+s\s+next\s+door|on\s+(?:the|your)\s+street|"
    r"(?:all\s+|most\s+(?:of\s+)?)?(?:my|our)\s+(?:brides|couples|families|regulars|owners|parents|"
    r"students|patients|landlords|clients|customers|dads|mums|moms)\s+(?:this|last|all|always|"
    r"usually|normally|tend|have|had|went|go|book|pay|paid)|people\s+who\s+come\s+to\s+(?:me|us)|"
    r"(?:owners|parents|clients|people|couples|families|customers|patients)\s+who\s+(?:really\s+|"
    r"truly\s+|actually\s+|genuinely\s+)?(?:care|value|love|want\s+the\s+best|are\s+serious)|"
    r"you(?:'re|\s+are)\s+(?:actually\s+|literally\s+|honestly\s+)?the\s+(?:first|last|only)\s+"
    r"(?:one|person|client|customer|patient|family|owner|parent|student)|"
    r"(?:never|rarely|don'?t\s+(?:normally|usually|often)|not\s+once)\s+(?:had|get|got|have)\s+"
    r"(?:anyone|anybody|a\s+client|someone|people|pushback|push\s+back|complaints?|queries)|"
    r"every(?:one|body)\s+(?:I|we)\s+work\s+with|(?:clients|patients|people|customers|families|"
    r"couples|owners)\s+who\s+(?:don'?t|do\s+not|never|won'?t)\s+(?:need\s+to\s+)?(?:worry|mind|"
    r"ask|care|quibble))\b"
)
_OTHERS_DID = (
    r"\b(?:paid|pays|blink\w*|without|happily|gladly|worth\s+every|(?:gone|go|went|going|"
    r"opted)\s+for|book(?:ed|s)?\s+the\s+(?:full|premium|whole|bigger|deluxe)|queried|quer(?:y|ies)|"
    r"question\w*|complain\w*|complaint|pushback|push\s+back|fuss\w*|old\s+rate|whatever\s+it\s+"
    r"costs?|discounts?|itemi[sz]\w*|haggl\w*|quibbl\w*|afford\w*|invest\w*|spend\w*|spent|"
    r"worry\w*|mind|happy\s+with\s+the\s+(?:rate|price|fee|cost))\b"
)
# A price question answered with anything but a figure: "it really depends, we'll go from
# there", "you'll find out then", "I don't put numbers in messages". A figure or a written quote
# on its way, in that sentence or the next, answers it.
_MONEY_NO_FIGURE = (
    r"\b(?P<hit>(?:cost|price|pricing|fees?|money)(?:\s+\w+){0,4}?\s+(?:really\s+|all\s+)?depends|(?:can'?t|cannot|couldn'?t)\s+(?:really\s+)?(?:say|"
    r"tell\s+you|give\s+(?:you\s+)?(?:a|any)\s+(?:figure|number|idea|price|quote))|(?:hard|difficult|"
    r"impossible|tricky)\s+to\s+say|go\s+from\s+there|(?:talk|chat|speak)\s+about\s+(?:it|that|"
    r"this|money|cost|price|fees)\s+(?:then|later|after|once|when)|sorts?\s+itself\s+out|"
    r"focus\s+on\s+whether|bogged\s+down\s+in|(?:one\s+for|do|give|into)\s+quot(?:ing|es)\s+"
    r"(?:over|by|via|on)|(?:don'?t|do\s+not|won'?t|never|not)\s+(?:really\s+)?(?:put|give|send|"
    r"share|do|write|quote)\s+(?:out\s+)?(?:a\s+|any\s+)?(?:numbers|figures?|prices?|quotes?|"
    r"costs?|fees|rates|pricing)\s+(?:in|over|by|via|on|without)|(?:prefer|rather)\s+not\s+(?:to\s+)?"
    r"(?:put|give|share|send|quote|commit\s+to|write)\s+(?:down\s+)?(?:a\s+|any\s+)?(?:figures?|"
    r"numbers?|prices?|costs?|quotes?)|(?:aren'?t|isn'?t|is\s+not|are\s+not)\s+something\s+(?:I|we)\s+"
    r"(?:can\s+|could\s+)?(?:share|give|discuss|quote|put|send)|something\s+(?:we|I)\s+(?:only\s+)?"
    r"(?:go\s+(?:through|over)|discuss|cover|talk\s+about|get\s+into)|the\s+done\s+thing|"
    r"ask(?:ing)?\s+about\s+(?:the\s+)?(?:price|cost|fees?|money|rates?|budget)\s+(?:this\s+early|"
    r"so\s+early|at\s+this\s+stage|first|before|already|straight\s+away|up\s*front)|"
    r"(?:price|cost|money|fees?|budget)\s+is\s+(?:the\s+)?first\s+thing|need\s+a\s+(?:number|"
    r"figure|price)\s+before|(?:before|until)\s+we'?ve\s+(?:even\s+)?(?:met|spoken|talked)|"
    r"(?:you'?ll|we'?ll)\s+find\s+out|"
    # Later, not now: "as we go", "once we know each other", "not before", "we'll see".
    r"clear\s+as\s+we\s+go|(?:wouldn'?t|don'?t)\s+worry\s+about\s+(?:it|that|the\s+\w+)\s+(?:for\s+now|"
    r"yet|just\s+yet|at\s+this\s+stage)|hung\s+up\s+on|(?:money|cost|financial)\s+side\s+(?:of\s+things\s+)?"
    r"(?:yet|later|for\s+now|can\s+wait)|(?:price|cost|money|fees?)\s+(?:shouldn'?t|should\s+not|"
    r"isn'?t|mustn'?t)\s+be\s+(?:the\s+)?(?:deciding|main|only|first|most\s+important)|"
    r"(?:don'?t|do\s+not|won'?t|never)\s+(?:really\s+)?(?:do|give|put|send|share|quote|provide)\s+"
    r"(?:out\s+)?(?:a\s+|any\s+)?(?:numbers|figures?|prices?|quotes?|costs?|fees|rates|pricing)\s+"
    r"(?:up\s*front|in\s+advance|to|for|until|unless|before)|we'?ll\s+see|,\s*not\s+before|"
    r"(?:quotes?|prices?|fees|rates|costs?|figures|numbers)\s+(?:aren'?t|isn'?t|are\s+not|is\s+not|"
    r"can'?t\s+be|cannot\s+be|won'?t\s+be)\s+(?:given|provided|shared|discussed|sent|quoted)|"
    r"(?:discuss|talk\s+about|go\s+into|cover)\s+(?:the\s+)?(?:fees?|prices?|pricing|money|costs?|"
    r"rates?|numbers)\s+(?:once|when|after|later))\b"
)
_A_FIGURE = (
    r"[£$€]\s?\d|\b\d+\s?(?:pounds|dollars|euros|quid|bucks)\b|\b(?:I'?ll|we'?ll|I\s+will|we\s+will|"
    r"can)\s+(?:send|email|give)\s+(?:you\s+)?(?:a\s+|the\s+|an\s+)?(?:written\s+|exact\s+|full\s+)?"
    r"(?:quote|figure|price|breakdown)\b|\byou'?ll\s+(?:have|get)\s+(?:a\s+|the\s+)?(?:written\s+|exact\s+|"
    r"full\s+)?(?:quote|figure|price)\b"
)

OTHERS_RULES: tuple[Rule, ...] = (
    Rule(
        "money-comparison",
        MONEY_SHAME,
        WARNING,
        "Comparing them with other clients over money shames them for asking.",
        MONEY_FIX,
        pattern=r"\b(?:every\s+other|all\s+(?:our|my)(?:\s+other)?|most(?:\s+of\s+(?:our|my))?|other|"
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
        # How most clients pay, beside other ways that are as welcome, is information.
        unless_sentence=OTHER_WAYS_WELCOME,
        examples=(
            "Most clients don't worry about price",
            "Nobody else has complained about the fee",
        ),
    ),
    Rule(
        "money-deflect",
        MONEY_SHAME,
        WARNING,
        "Refusing to talk about fees makes a fair question feel improper.",
        MONEY_FIX,
        pattern=r"\b(?:we|I)\s+(?:don'?t|do\s+not|never|won'?t)\s+(?:discuss|talk\s+about|quote|give\s+out|"
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
        r"|\bgo\s+into\s+(?:our\s+)?(?:fee\s+structure|fees|prices|pricing|costs)\s+(?:over|by|via|on)\b"
        r"|\brather\s+than\s+(?:in\s+writing|by\s+e-?mail|over\s+(?:e-?mail|text|the\s+phone))\b"
        r"|\bprefer\s+to\s+(?:cover|discuss|talk\s+about|go\s+through)\s+(?:\w+\s+)?(?:when|in\s+person|"
        r"face)\b"
        r"|\bdon'?t\s+give\s+(?:prices|quotes|figures|fees|rates|costs)\s+out\b"
        r"|\b(?:on\s+request\s+only|only\s+on\s+request|available\s+on\s+request)\b"
        r"|\bwon'?t\s+give\s+(?:you\s+)?a\s+(?:figure|price|number|quote)\b"
        r"|\bleave\s+(?:the\s+)?(?:money|fees|cost|price|numbers)\s+(?:until|till|for)\b"
        r"|\b(?:a\s+)?conversation\s+for\s+the\s+(?:consultation|salon|clinic|meeting|call|office|studio)\b"
        r"|\bdon'?t\s+do\s+(?:breakdowns|quotes|prices|estimates|figures)\s+(?:by|over|via|on)\b"
        r"|\bwill\s+be\s+discussed\s+(?:face\s+to\s+face|in\s+person|at\s+the)\b"
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
        unless_sentence=WELCOMED,
        examples=("We don't discuss fees by email",),
    ),
    Rule(
        "money-others",
        MONEY_SHAME,
        WARNING,
        "Holding other clients up against them over money shames them for asking.",
        MONEY_FIX,
        pattern=_MONEY_OTHERS,
        with_sentence=MONEY_WORDS
        + r"|\b(?:full\s+rate|pays?|discounts?|itemi[sz]ed|breakdowns?|tips?|quibble|blink|"
        r"spend\w*|packages?|minimum|tier|plan|negotiate|expense|complain\w*)\b",
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("Most of my clients pay without a second thought.",),
    ),
    Rule(
        "money-held-up",
        MONEY_SHAME,
        WARNING,
        "Holding someone else up against them over money shames them for asking.",
        MONEY_FIX,
        pattern=_MONEY_HELD_UP,
        with_sentence=_OTHERS_DID,
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("Your sister paid the full price without complaint.",),
    ),
    Rule(
        "money-no-figure",
        MONEY_SHAME,
        WARNING,
        "A price question answered without a figure makes a fair question feel improper.",
        MONEY_FIX,
        pattern=_MONEY_NO_FIGURE,
        with_sentence=r"\b(?:cost\w*|price\w*|pricing|fees?|money|numbers?|figures?|quot\w*|rates?|"
        r"charge\w*|budget|how\s+much)\b",
        unless_sentence=_A_FIGURE + "|" + WELCOMED,
        near_sentences=1,
        examples=("In terms of cost it really depends; we'll go from there.",),
    ),
)
