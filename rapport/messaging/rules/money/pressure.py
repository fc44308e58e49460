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
    r"(?<!all )(?<!'s )(?<!been )(?:sorted|settled|paid|cleared)\s+(?:today|now|asap|immediately|"
    r"this\s+week)|"
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
    r"(?:still\s+)?sitting\s+there|disappointing|waiting\s+on\s+yours|(?:have\s+)?all\s+paid(?!\s+up)|"
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

# Chasing in more words: how long it has been and how often they were asked, what the
# provider can see or will do next, and a judgement of how they pay ("unlike the last few").
_MONEY_CHASING = (
    r"\b(?P<hit>(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:time\s+(?:asking|of\s+"
    r"asking|chasing|now)|reminder|request|chase|e-?mail|message|text)|reminder\s*#\s*\d+|"
    r"(?:sent|written|emailed|texted|messaged|chased)\s+(?:you\s+)?(?:now\s+)?(?:two|three|four|"
    r"five|six|several|multiple|numerous|\d+)\s+(?:e-?mails|messages|texts|reminders|times|letters)|"
    r"(?:make|have)\s+me\s+(?:keep\s+)?chas(?:e|ing)|following\s+up\s+again|"
    r"(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?)\s+(?:ago\s+(?:and|now)|"
    r"since\s+(?:the|I|you|we|your|my))|"
    r"(?:had|sat\s+on)\s+(?:the\s+|my\s+|this\s+|that\s+|our\s+)?(?:invoice|bill|statement|"
    r"reminder)s?\s+for\s+(?:over\s+|more\s+than\s+|nearly\s+)?(?:a|an|one|two|three|four|five|"
    r"six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?)|not\s+(?:yet\s+)?(?:seen|had|received|"
    r"got)\s+a\s+(?:penny|cent|dime|bean)|nothing'?s?\s+(?:has\s+)?(?:come\s+through|arrived|"
    r"landed|turned\s+up)|(?:last|final)\s+(?:chance|opportunity)\s+to\s+(?:pay|settle|clear)|"
    r"take\s+(?:this|it|things|the\s+matter)\s+further|I'?m\s+not\s+a\s+(?:bank|charity|lender)|"
    r"bills\s+of\s+(?:my|our)\s+own|prioriti[sz]e\s+(?:this|the|my|our)\s+(?:invoice|payment|"
    r"bill|balance)|(?:I|we)\s+can\s+see\s+(?:that\s+)?you'?ve\s+(?:opened|read|seen)\s+(?:my|our|the)\s+"
    r"(?:e-?mails?|messages?|reminders?|invoices?|texts?)|"
    r"unlike\s+(?:the\s+)?(?:last|previous|other)\s+(?:few|ones?|times?|invoices?|two|three)|"
    r"(?:wasn'?t|weren'?t|was\s+not|were\s+not|isn'?t|not)\s+paid\s+(?:on|in)\s+time|"
    r"(?:needs?|has)\s+to\s+be\s+in\s+(?:my|our|the)\s+(?:account|bank)|"
    r"(?:pass|hand|refer|send)(?:ed|ing|s)?\s+(?:this\s+(?:matter|debt|account|invoice)\s+|it\s+|"
    r"you\s+|the\s+(?:matter|debt|account)\s+)?(?:on\s+|over\s+)?to\s+(?:a\s+|an\s+|our\s+|the\s+)?"
    r"(?:collect\w*|debt|solicitor|legal|court|recovery)|unless\s+(?:I|we)\s+(?:receive|get|see|"
    r"have)|(?:or|otherwise|then)\s+(?:I|we)(?:'ll|\s+will)\s+have\s+(?:no\s+(?:option|choice)|to\s+(?:cancel|stop|pause|"
    r"release|pass|withdraw|suspend))|(?:had|have)\s+to\s+add\s+(?:a\s+|an\s+)?(?:[£$€]\s?[\d.,]+\s+)?"
    r"(?:late\s+|admin\s+)?(?:fee|charge)|(?:full|whole|entire|remaining)\s+(?:amount|balance|sum)\s+"
    r"(?:becomes|will\s+become|is\s+now|falls)\s+(?:due|payable)|card\s+(?:was\s+|has\s+been\s+)?"
    r"declined|declined\s+again|before\s+(?:I|we)\s+(?:can\s+)?(?:book|see|start|continue|do|"
    r"file|release|send|take)\s+(?:\w+\s+){0,3}?(?:again|any\s+more|anything\s+else)|"
    r"sitting\s+on\s+(?:your|the)\s+account|still\s+[£$€]\s?[\d,.]+k?\s+(?:sitting|outstanding|"
    r"left|owing|unpaid)|(?:please\s+)?action\s+(?:this\s+|it\s+)?(?:today|now|asap|immediately|"
    r"urgently)|(?:can|could|would)\s+you\s+(?:please\s+)?(?:get|send|transfer|pay|settle|sort)\s+"
    r"(?:it|that|this|the\s+\w+)\s+(?:over\s+)?(?:to\s+(?:me|us)\s+)?(?:today|tonight|asap|now|"
    r"straight\s+away)|getting\s+(?:ridiculous|silly|beyond\s+a\s+joke|out\s+of\s+hand)|"
    r"more\s+than\s+patient|done\s+you\s+a\s+favou?r|"
    # When it was due and how long ago, what the provider has to pay too, and what they will
    # not do while it is owed.
    r"in\s+(?:my|our|the)\s+(?:bank\s+)?account\s+by|last\s+time\s+(?:I'?ll|I\s+will|we'?ll|"
    r"we\s+will|I\s+can|we\s+can)\s+(?:carry|chase|ask|remind|extend|wait|accept|let|allow|give|"
    r"hold)|(?:can'?t|cannot)\s+wait\s+any\s+longer|due\s+(?:over\s+|more\s+"
    r"than\s+)?(?:a|an|one|two|three|four|five|six|\d+)\s+(?:fortnight|days?|weeks?|months?)\s+ago|"
    r"(?:days|weeks|months|fortnight)\s+later|(?:I|we)\s+(?:have|need)\s+to\s+pay\s+(?:my|our)\s+"
    r"(?:suppliers|staff|bills|rent|mortgage|team|own)|what\s+else\s+(?:I\s+can|can\s+I|to)\s+do|"
    r"(?:talk|speak|write)(?:ing)?\s+to\s+(?:someone|somebody)\s+else\s+(?:at|in)\s+your|"
    r"as\s+per\s+(?:our|the|my)\s+terms|(?:once|yet)\s+again\s+(?:I'?m\s+|we'?re\s+|I\s+am\s+)?"
    r"(?:writing|chasing|asking|reminding|following|contacting|emailing|about)|s[ae]t\s+there|"
    r"(?:outstanding|unpaid|owed|owing|open)\s+since|(?:payment|pay|paid|settle\w*|transfer|"
    r"remit\w*)\s+(?:\w+\s+){0,3}?by\s+return|money\s+owed|(?:can'?t|cannot|won'?t|will\s+not|"
    r"unable\s+to)\s+(?:release|send|file|start|continue|book|finish)\b[^.\n]{0,40}?\b(?:while|"
    r"until|unless)\s+(?:\w+\s+){0,4}?(?:paid|owed|owing|settled|cleared|outstanding|payment|"
    r"balance|money))\b"
)

PRESSURE_RULES: tuple[Rule, ...] = (
    Rule(
        "money-dunning",
        MONEY_SHAME,
        WARNING,
        "Pressure about payment reads as a threat, and makes them avoid you.",
        MONEY_FIX,
        pattern=r"\byou\s+(?:still\s+)?owe\b(?!\s+(?:me|us)\s+nothing)"
        r"|\bstill\s+(?:[£$€]?\s?[\d,.]+\s+)?(?:owe|owed|owing)\b"
        # "I still owe you a coffee", "you owe me nothing": a favour or nothing, not money.
        r"(?!\s+(?:(?:me|us)\s+nothing|(?:you|u)\s+(?:one|an\s+apology|a\s+(?:coffee|drink|favou?r|"
        r"call|pint|lunch)))\b)"
        r"|\bowing\b(?!\s+to\b)"
        r"|\boverdue\b(?!\s+(?:a|an|for)\b)|\bpast\s+due\b"
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
        r"|\b(?:must|need\s+to|needs\s+to|has\s+to|have\s+to|will\s+need\s+to)\s+be\s+(?:paid|settled|"
        r"cleared)\s+(?:in\s+full\s+)?"
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
    Rule(
        "money-chasing",
        MONEY_SHAME,
        WARNING,
        "How long it has been, how often you have asked and what you will do next read as "
        "pressure, and make a client avoid you.",
        MONEY_FIX,
        pattern=_MONEY_CHASING,
        with_sentence=MONEY_WORDS
        + r"|\b(?:penny|cent|dime|card|transfer|squared|come\s+through|unpaid)\b",
        unless_sentence=RESPECTFUL,
        near_sentences=2,
        examples=("Third time asking now: the £340 needs to be in my account by Friday.",),
    ),
)
