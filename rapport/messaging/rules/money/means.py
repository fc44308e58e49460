"""Money-shame about who they are: doubt about their means, pity about what they can afford,
sizing a price to their wage or age, telling them over money that this is not for them."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, WARNING, Rule
from rapport.messaging.rules.money.words import MONEY_FIX, MONEY_WORDS, RESPECTFUL

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
    # "If you'd like a cheaper option" offers a choice; "the cheaper option for you" decides it.
    r"|\b(?<!like a )(?<!prefer a )cheaper\s+(?:alternatives?|version|option|route|salon|place|"
    r"provider|one)\b"
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
# Telling them, over money, that they do not belong ("then this isn't for you").
_MONEY_NOT_FOR_YOU = (
    r"\b(?P<hit>(?:isn'?t|is\s+not|aren'?t|are\s+not|might\s+not\s+be|may\s+not\s+be|won'?t\s+be|"
    r"probably\s+not|not\s+really|probably\s+isn'?t)\s+(?:really\s+|quite\s+|the\s+right\s+\w+\s+)?"
    r"for\s+(?:you|everyone)(?:\s+yet)?|not\s+(?:the\s+)?(?:right|best)\s+(?:fit|time|salon|place|service|programme|"
    r"people|match)(?:\s+for\s+you)?"
    r"|(?:might|may|probably)\s+not\s+be\s+(?:a\s+)?(?:great|good|right|the\s+right)\s+(?:match|fit)"
    r"|not\s+(?:really\s+)?(?:the\s+)?(?:right|best|ideal)\s+\w+\s+for\s+you)\b"
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

# The provider's guess about their means, said to them: "I assumed", "I could tell", "I know
# things haven't been easy", with what the guess is about in the same or the next sentence.
_MONEY_GUESSED = (
    r"\b(?P<hit>I\s+(?:assumed|figured|imagined|guessed|presumed|reckoned|suspected|could\s+tell|"
    r"got\s+the\s+(?:sense|feeling|impression)|wasn'?t\s+sure|didn'?t\s+think|don'?t\s+imagine|"
    r"(?:did\s+)?wonder(?:ed)?|realis\w*|realiz\w*|know\s+(?:you'?re|you\s+are|things|money|times|"
    r"it'?s\s+been|that\s+things))|I'?m\s+(?:conscious|aware|mindful|guessing)|I'?d\s+guess)\b"
)
_MEANS_GUESSED = (
    r"\b(?:afford\w*|stretch|spend|purse|wallet|pocket|finances?|financially|money|budget|"
    r"out\s+of\s+the\s+question|big\s+ask|pay\s?day|knock\w*\s+(?:a\s+bit|something)|your\s+rent|"
    r"tight|skint|struggl\w*|pushing\s+it|student|pension|benefits|unemployed|redundan\w*|kids|"
    r"single\s+(?:mum|mom|parent))\b"
)
# Doubt about their means in other shapes: whether the price is "realistic for you", whether
# they have "the funds in place", waiting "until payday", "not everyone is in a position".
_MONEY_DOUBT = (
    r"\b(?P<hit>(?:realistic|affordable|doable|do-able|manageable|feasible)\s+(?:\w+\s+){0,2}?"
    r"(?:for\s+you|on\s+your|money-?wise|financially)|(?:manage|cope|swing)\s+(?:it\s+|this\s+|that\s+)?"
    r"financially|money-?wise\s+for\s+you|(?:not|n'?t)\s+in\s+the\s+cards|big\s+ask|"
    r"more\s+than\s+you(?:'d|\s+would|\s+want|\s+can|\s+could|'re\s+able)\s+(?:\w+\s+){0,2}?"
    r"(?:spend|pay|afford|stretch)|(?:is|be)\s+(?:a\s+)?(?:worry|stretch|struggle|push)|"
    r"(?:is|will|would)\s+(?:the\s+)?(?:budget|cost|price|money|fee|paying)\s+(?:going\s+to\s+)?"
    r"(?:be\s+)?(?:an?\s+)?(?:problem|issue|worry|stretch|struggle)|"
    r"scares?\s+(?:some\s+|a\s+lot\s+of\s+)?(?:people|clients|folks)\s+off|"
    r"(?:seem(?:ed)?|looked|sounded)\s+(?:a\s+bit\s+|quite\s+|rather\s+|really\s+|a\s+little\s+)?"
    r"(?:shocked|surprised|taken\s+aback|put\s+off|horrified|startled|alarmed)|"
    r"priced\s+for\s+(?:people|clients|those|anyone|customers|couples|families)\s+who|"
    r"in\s+over\s+(?:their|your)\s+heads?|(?:funds|money|cash)\s+in\s+place|"
    r"(?:hold\s+off|wait|hang\s+fire|leave\s+it)\s+(?:\w+\s+){0,4}?(?:until|till|til)\s+(?:after\s+)?"
    r"(?:pay\s?day|you(?:'ve|\s+have)?\s+(?:been\s+paid|saved|got\s+the\s+money))|"
    r"(?:thinking\s+of|for\s+the\s+sake\s+of|easier\s+on|kind(?:er)?\s+(?:to|on)|go\s+easy\s+on)\s+"
    r"your\s+(?:purse|wallet|pocket|bank\s+balance|finances|budget)|"
    r"save\s+(?:up\s+)?(?:for\s+(?:it|the\s+rest|this)|a\s+bit)|"
    r"not\s+every(?:one|body)\s+(?:is|'s|can|has|will\s+be)\s+(?:\w+\s+){0,2}?(?:in\s+a\s+(?:place|"
    r"position)|able|ready\s+to\s+(?:invest|spend|pay))|"
    r"(?:when|once)\s+you(?:'re|\s+are)\s+in\s+a\s+better\s+(?:place|position)|"
    r"(?:look\s+at|check|go\s+over)\s+your\s+(?:finances|bank\s+balance|funds)\s+(?:first|before)|"
    r"(?:not\s+be\s+able|unable)\s+to\s+(?:finish|complete|keep\s+(?:it\s+)?up|see\s+it\s+through)|"
    r"pull\s+out\s+of\s+(?:\w+\s+){0,3}?halfway|watching\s+every\s+(?:quid|penny|pound|cent|dollar|buck)|"
    r"on\s+(?:a|an)\s+\w+'s\s+(?:pay|wage|salary|income|pension|budget)|out\s+of\s+the\s+question|"
    r"are\s+you\s+sure\s+you(?:'re|\s+are|\s+can|\s+could|'ve)|pushing\s+it\s+for\s+you|"
    r"better\s+off\s+(?:with|going\s+to|at|somewhere)\s+(?:a\s+|someone\s+|somewhere\s+)?(?:cheaper|"
    r"less\s+expensive|budget|more\s+affordable))\b"
)

MEANS_RULES: tuple[Rule, ...] = (
    Rule(
        "money-means",
        MONEY_SHAME,
        WARNING,
        "Doubting what they can afford tells them they do not belong here.",
        MONEY_FIX,
        pattern=r"\bif\s+you\s+(?:have|need|had)\s+to\s+ask\b"
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
        r"|\blooking\s+for\s+cheap\b|\b(?<!like a )(?<!prefer a )cheap(?:er)?\s+option\b"
        r"|\bbudget\s+option\s+for\s+you\b"
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
        examples=("If you have to ask, it's not for you", "I know money's tight for you"),
    ),
    Rule(
        "money-not-for-you",
        MONEY_SHAME,
        WARNING,
        "Telling them, over money, that this is not for them shames them for asking.",
        MONEY_FIX,
        pattern=_MONEY_NOT_FOR_YOU,
        with_sentence=MONEY_WORDS
        + r"|\b(?:afford|cheap\w*|budget|invest\w*|expensive|discount|asking\s+about|numbers?|"
        r"figures?)\b",
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("If you're asking about price, this probably isn't for you.",),
    ),
    Rule(
        "money-who-they-are",
        MONEY_SHAME,
        WARNING,
        "Sizing the price to who they are (their wage, age or area) tells them what you think "
        "they can afford.",
        MONEY_FIX,
        pattern=_MONEY_WHO,
        with_sentence=MONEY_WORDS
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
        MONEY_FIX,
        pattern=_MONEY_PITY,
        examples=("I know it's a lot for a single parent.", "if you're watching the pennies"),
    ),
    Rule(
        "money-guessed-means",
        MONEY_SHAME,
        WARNING,
        "Saying what you have guessed about their money, however kindly, tells them what you "
        "think they have.",
        MONEY_FIX,
        pattern=_MONEY_GUESSED,
        with_sentence=_MEANS_GUESSED,
        near_sentences=1,
        examples=("I assumed the deluxe would be out of the question.",),
    ),
    Rule(
        "money-doubt",
        MONEY_SHAME,
        WARNING,
        "Doubting whether they can pay tells them they do not belong here.",
        MONEY_FIX,
        pattern=_MONEY_DOUBT,
        with_sentence=MONEY_WORDS
        + r"|\b(?:afford\w*|cheap\w*|expensive|budget|financ\w*|spend\w*|invest\w*|quid|penny|"
        r"purse|wallet|package|premium|basic)\b",
        unless_sentence=RESPECTFUL,
        examples=("Is the $1,200 package realistic for you right now?",),
    ),
)
