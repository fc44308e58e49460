"""Money-shame as pressure: dunning, chasing, deadlines and what happens if they do not pay."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, WARNING, Rule
from rapport.messaging.rules.money.words import MONEY_FIX, MONEY_WORDS, RESPECTFUL

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
    r"(?:sorted|settled|paid|cleared)\s+(?:today|now|asap|immediately|this\s+week)|"
    r"(?:third|second|fourth|\d+(?:nd|rd|th))\s+time\s+(?:that\s+)?(?:I'?ve|I\s+have|we'?ve|we\s+have)\s+"
    r"(?:had\s+to\s+)?(?:ask|asked|chase|chased|remind|reminded|write|written)|"
    r"account\s+is\s+behind|awaiting\s+(?:your\s+)?payment|clear\s+your\s+account|"
    r"(?:bring|get)\s+your\s+account\s+up\s+to\s+date|I'?m\s+owed|we'?re\s+owed|"
    r"working\s+for\s+free|for\s+free|hanging\s+over|clean\s+slate|if\s+you\s+follow\s+me|"
    r"pay\s+that\s+first|until\s+the\s+(?:\w+\s+)?(?:unpaid\s+)?(?:invoice|balance|bill)|"
    r"no\s+judg(?:e)?ment|(?:asked|asking)\s+about\s+\w+(?:\s+\w+)?\s+again|"
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

PRESSURE_RULES: tuple[Rule, ...] = (
    Rule(
        "money-dunning",
        MONEY_SHAME,
        WARNING,
        "Pressure about payment reads as a threat, and makes them avoid you.",
        MONEY_FIX,
        pattern=r"\byou\s+(?:still\s+)?owe\b|\bstill\s+(?:[£$€]?\s?[\d,.]+\s+)?(?:owe|owed|owing)\b"
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
        r"|\b(?:balance|invoice|payment|bill|account|fee)s?\s+(?:is|are)\s+(?:now\s+)?(?:\w+\s+){0,3}"
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
        unless_sentence=RESPECTFUL,
        examples=("You still owe £120", "Please pay immediately", "Your invoice is overdue"),
    ),
    Rule(
        "money-pressure",
        MONEY_SHAME,
        WARNING,
        "Chasing, deadlines and what happens if they do not pay read as pressure, and make a "
        "client avoid you.",
        MONEY_FIX,
        pattern=_MONEY_PRESSURE,
        with_sentence=MONEY_WORDS,
        unless_sentence=RESPECTFUL,
        near_sentences=2,
        examples=("I've sent the invoice three times now.", "Deposit by 6pm or it goes."),
    ),
)
