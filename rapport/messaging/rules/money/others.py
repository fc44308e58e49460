"""Money-shame about asking: other clients held up against them, and a price question turned
away instead of answered."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, WARNING, Rule
from rapport.messaging.rules.money.words import MONEY_FIX, MONEY_WORDS, RESPECTFUL

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
        r"packages?|minimum|tier|plan|negotiate|expense|complain\w*)\b",
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("Most of my clients pay without a second thought.",),
    ),
)
