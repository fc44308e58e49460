"""Money-shame: money, cost or payment tied to a judgement of the person, or to pressure."""

from __future__ import annotations

from rapport.messaging.rules.base import (
    MONEY_SHAME,
    WARNING,
    Rule,
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
_MONEY_RESPECTFUL = (
    r"\bno\s+(?:rush|pressure|worries|hurry)\b|\bwhenever\b|\bif\s+that\s+helps\b|\bhappy\s+to\b"
    r"|\b(?:can|could|we'?ll|I'?ll|happy\s+to|option\s+to)\s+(?:\w+\s+)?(?:split|spread)\b|\bchat\b"
    r"|\bjust\s+tell\s+me\b|\bif\s+the\s+timing\b|\binstal+ments?\b"
    r"|\b(?:offer|set\s+up|do|arrange|a)\s+(?:a\s+)?payment\s+plan\b|\bshout\s+if\b"
    r"|\bmore\s+time\b|\bsorry\s+(?:I|we)\b|\bmy\s+(?:fault|mistake)\b|\brefund(?:ed|s)?\b"
    r"|\bthank(?:s|\s+you)\s+for\s+(?:paying|your\s+payment|the\s+payment)\b"
    r"|\b(?:have|has|we'?ve|I'?ve)\s+received\b|\breceived,?\s+thank"
    r"|\bnothing\s+to\s+pay\b|\bno\s+need\s+to\s+pay\b|\bwon'?t\s+charge\b"
    r"|\bcard\s+machine\b|\bglitch\b|\b(?:our|my)\s+(?:end|side|system|mistake)\b"
    r"|\b(?:lots|plenty|many)\s+of\s+(?:\w+\s+)?\w+\s+do\b"
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
    r"|\bnot\s+everyone\s+(?:has|can\s+find)\s+(?:that\s+kind\s+of\s+|the\s+)?(?:money|cash|funds)\b"
    r"|\b(?:somewhere|someone|something)\s+cheaper\b|\b(?:things|money|cash)\s+(?:are|is|'s)\s+"
    r"(?:a\s+bit\s+)?lean\b|\bcash\s+flow\s+is\s+(?:a\s+)?(?:struggle|tight|problem|issue)\b"
    r"|\bwatching\s+your\s+(?:spending|pennies|budget|money)\b|\bstretched\s+things\b"
    r"|\bnot\s+made\s+of\s+money\b|\bwithin\s+everyone'?s\s+(?:budget|reach|means)\b"
    r"|\bnot\s+for\s+everyone'?s\s+(?:budget|pocket|wallet)\b"
    r"|\bmoney\s+lying\s+around\b|\bpushing\s+it\s+financially\b|\bbudget-conscious\b"
    r"|\bin\s+a\s+position\b[^.\n]{0,20}\bfinancially\b|\bfinancially\s+or\s+otherwise\b"
    r"|\b(?:sure|assume|imagine|expect)\s+(?:that\s+)?(?:the\s+)?(?:cost|price|money|fee)\s+"
    r"(?:won'?t|isn'?t|wouldn'?t|will\s+not)\s+be\s+(?:an?\s+)?(?:issue|problem)\b"
    r"|\bif\s+that\s+sounds\s+(?:more\s+)?like\s+you\b|\bbreak\s+the\s+bank\b"
    r"|\bbudget\s+(?:won'?t|doesn'?t|can'?t)\s+stretch\b|\b(?:once|when)\s+(?:they|you)\s+can\s+afford\b"
    r"|\bstop\s+counting\s+the\s+cost\b|\bqueries\s+from\s+you\s+about\s+(?:price|cost|fees?)\b"
    r"|\bif\s+(?:money|cost|price|budget)(?:'s|\s+is)\s+what\b"
    r"|\bcheaper\s+(?:photographers|groomers|builders|plumbers|electricians|salons|therapists|"
    r"coaches|tutors|agents|accountants|competitors|firms|clinics)\b"
    r"|\bcome\s+back\s+when\s+(?:things|you)\b(?=[^.\n]{0,40}(?:settled|afford|money|budget|"
    r"position))"
    r"|\b(?:\w+s)\s+generally\s+don'?t\s+(?:quibble|haggle|ask|mind|complain)\b"
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
    r"regulars?|students?|homeowners?|tenants?|buyers?|landlords?|sellers?|brides?)|(?:my|our)\s+(?:other\s+)?(?:\w+\s+)?clients\s+"
    r"(?:never|don'?t|always|happily|all|just)|your\s+neighbou?r|everyone\s+else|nobody\s+else|no\s+one\s+else|"
    r"anyone\s+else|you(?:'re|\s+are)\s+the\s+only\s+(?:one|client|person|customer|patient)|"
    r"yours\s+is\s+the\s+(?:first|only)|people\s+your\s+age|(?:other|most)\s+\w+\s+your\s+"
    r"(?:size|age|level))\b"
)
# Telling them, over money, that they do not belong ("then this isn't for you").
_MONEY_NOT_FOR_YOU = (
    r"\b(?P<hit>(?:isn'?t|is\s+not|aren'?t|are\s+not|might\s+not\s+be|may\s+not\s+be|won'?t\s+be|"
    r"probably\s+not|not\s+really|probably\s+isn'?t)\s+(?:really\s+|quite\s+|the\s+right\s+\w+\s+)?"
    r"for\s+(?:you|everyone)(?:\s+yet)?|not\s+(?:the\s+)?(?:right|best)\s+(?:fit|time|salon|place|service|programme|"
    r"people|match)(?:\s+for\s+you)?)\b"
)
# Who they are, when it is used to size what they can pay.
_MONEY_WHO = (
    r"\b(?P<hit>(?:your|a|the\s+one|only\s+the\s+one|one|single)\s+(?:wage|salary|income|pension)|"
    r"carer'?s\s+wage|nurse'?s\s+salary|universal\s+credit|on\s+benefits|retired|pensioners?|"
    r"income\s+bracket|(?:the\s+)?area\s+you'?re\s+in|your\s+age|at\s+your\s+age|"
    r"your\s+day\s+rate|your\s+level|your\s+size|(?:two|three|four)\s+kids|past\s+your\s+"
    r"(?:husband|wife|partner)|in\s+retail|a\s+student|between\s+jobs|out\s+of\s+work|on\s+furlough|redundan\w+|you(?:'re|\s+are)\s+(?:a\s+|only\s+a\s+|just\s+a\s+)?"
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
        r"|\bif\s+you(?:'re|\s+are)\s+on\s+a\s+(?:tight(?:er)?\s+|small(?:er)?\s+|low(?:er)?\s+)?budget\b"
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
        ("You still owe £120", "Please pay immediately", "Your invoice is overdue"),
    ),
)

MONEY_RULES: tuple[Rule, ...] = (
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
        + r"|\b(?:full\s+rate|pays?|discounts?|itemi[sz]ed|breakdowns?|tips?|quibble|blink|"
        r"packages?|minimum|tier|plan|negotiate|expense|complain\w*)\b",
        unless_sentence=_MONEY_RESPECTFUL,
        near_sentences=1,
        examples=("Most of my clients pay without a second thought.",),
    ),
    Rule(
        "money-not-for-you",
        MONEY_SHAME,
        WARNING,
        "Telling them, over money, that this is not for them shames them for asking.",
        _MONEY_FIX,
        pattern=_MONEY_NOT_FOR_YOU,
        with_sentence=_MONEY_WORDS
        + r"|\b(?:afford|cheap\w*|budget|invest\w*|expensive|discount|asking\s+about)\b",
        unless_sentence=_MONEY_RESPECTFUL,
        near_sentences=1,
        examples=("If you're asking about price, this probably isn't for you.",),
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
        + r"|\b(?:afford\w*|cheap\w*|budgets?|basics?|essentials?|stretch|realistic|spend\w*|"
        r"swing|quid|discounts?|knock\w*|quot\w*)\b",
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
)
