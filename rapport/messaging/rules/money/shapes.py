"""Money-shame by the shape of the sentence rather than its exact words: a payment in the
same sentence as a state that presses (still open, failed again, beyond terms), talk about
money put off or refused, a guess about their means said to them, and a judgement of them
for asking about the price. Each family pairs a kind of wording with the money it is about,
so the same words about something else ("the MOT is overdue") are left alone."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, WARNING, Rule
from rapport.messaging.rules.money.words import MONEY_FIX, MONEY_WORDS, RESPECTFUL, WELCOMED

# What a payment is called when it is chased, and the words for money itself.
_OWED = (
    MONEY_WORDS + r"|\b(?:debt|direct\s+debit|standing\s+order|card\s+on\s+file|cheque|check|"
    r"instal+ments?|transfer|cash|quid|bucks|dues|unpaid|outstanding|owing|what'?s\s+owed|"
    r"(?:the\s+)?last\s+(?:one|bit))\b"
)
# The state a payment is left in, said as pressure: still open, nothing yet, failed again,
# past what was agreed, or what the provider will not do while it stays that way.
_UNPAID_STATE = (
    r"\b(?P<hit>still\s+(?:open|nothing|showing|on\s+(?:my|the|our)\s+books|not\s+(?:in|here|"
    r"through|sorted)|(?:haven'?t|have\s+not|hasn'?t)\s+(?:seen|had|got)|no\s+sign)|"
    r"(?:failed|refused|bounced|declined|reversed|came\s+back)\s+again|"
    r"(?:beyond|past|outside)\s+(?:(?:our|the|your|its)\s+)?(?:terms|(?:agreed|due)\s+"
    r"date|what\s+we\s+agreed)|in\s+(?:debit|the\s+negative|breach)|stays?\s+open|"
    r"(?:is|are)\s+(?:the\s+|my\s+|that\s+)?(?:money|payment|cash|transfer|deposit|balance)\s+"
    r"(?:for\s+\w+(?:\s+\w+)?\s+)?coming(?:\s+or\s+not)?|(?:planning|going|intending)\s+to\s+pay\s+(?:\w+\s+){0,3}?at\s+all|"
    r"promised\s+(?:the\s+money|payment|to\s+pay|it\s+would)|(?:now\s+)?I\s+need\s+paying|"
    r"needs?\s+to\s+(?:come\s+in|land|arrive|clear)|can'?t\s+keep\s+(?:happening|carrying|"
    r"working|doing\s+this)|(?:no|any)\s+more\s+excuses|(?:carry|carrying)\s+this\s+debt|"
    r"not\s+(?:leaving|released|going\s+anywhere)\s+until|(?:stays?|remains?|kept)\s+locked|"
    r"(?:be\s+)?withheld|this\s+needs\s+to\s+stop|not\s+been\s+honou?red|"
    r"honou?r\s+(?:their|your)\s+(?:invoices?|bills?|debts?)|held\s+off\s+asking|"
    r"more\s+than\s+fair|gone\s+(?:a\s+bit\s+)?quiet|(?:get|have)\s+(?:it|this|that)\s+"
    r"(?:dealt\s+with|resolved)|need\s+this\s+resolved|noted\s+on\s+your\s+file|"
    r"(?:involve|bring\s+in)\s+a\s+third\s+party|another\s+late|late\s+again|arriving\s+late|"
    r"(?:has|have)n'?t\s+been\s+dealt\s+with|not\s+impressed|costs\s+me\s+money|"
    r"(?:is|are)\s+now\s+\d+\s+days|"
    # What stops, or who is called in, until the money comes: "lessons stop unless the fee
    # reaches me", "referred for recovery", "we will instruct our agents".
    r"(?:stop|end|finish|lapse|be\s+cancell?ed|be\s+withdrawn)\s+(?:\w+\s+){0,4}?(?:unless|until|"
    r"till)\s+(?:\w+\s+){0,4}?(?:reaches|arrives|lands|clears|comes\s+in|is\s+(?:paid|received|"
    r"settled|cleared))|referred\s+(?:for|to)\s+(?:recovery|collection|(?:our\s+)?(?:agents|"
    r"solicitors))|instruct\s+(?:our\s+|an?\s+)?(?:agents?|solicitors?|collectors?|bailiffs?)|"
    # What they owe in return: "the least you can do", "I've done my part".
    r"the\s+least\s+you\s+(?:can|could)\s+do|(?:done|kept)\s+my\s+(?:part|side|end)\s+of\s+"
    r"the\s+(?:deal|bargain)|no\s+money,?\s+no)\b"
)

# Money talk put off or refused: "no point me throwing numbers around", "let's not make this
# about the money", "why do you need to know the price", "if I told you the price".
_TALK_AVOIDED = (
    r"\b(?P<hit>no\s+(?:point|need)\s+(?:\w+\s+){0,2}?(?:get\w*\s+into|talk\w*|discuss\w*|throw\w*|"
    r"go\w*\s+into|quot\w*)|not\s+(?:really\s+)?(?:the\s+kind\s+of\s+thing|something)\s+I\s+can|"
    r"(?:don'?t|do\s+not)\s+(?:really\s+)?(?:like|want|need)\s+(?:to\s+)?(?:talk|discuss|get\s+into|"
    r"go\s+into)\w*|(?:don'?t|do\s+not)\s+(?:send|give|put)\s+out|let'?s\s+not|"
    r"(?:don'?t\s+think\s+we\s+should|shouldn'?t|should\s+not)\s+(?:get|go)\s+into|"
    r"(?:rather|prefer)\s+not\s+(?:to\s+)?(?:talk|discuss|get\s+into|go\s+into|say|put\s+a|give\s+a|"
    r"share)|why\s+do\s+you\s+(?:need|"
    r"want)\s+to\s+know|jumping\s+ahead|getting\s+ahead\s+of\s+(?:yourself|ourselves)|if\s+I\s+"
    r"told\s+you|keep\s+(?:our|my|the)\s+\w+\s+private|would\s+be\s+meaningless|"
    r"(?:isn'?t|is\s+not)\s+something\s+I'?ll|(?:can'?t|cannot)\s+(?:really\s+)?put\s+a\s+price|"
    r"(?:disclosed|revealed|confirmed|explained)\s+(?:on|at|during|after|once)|"
    r"(?:become|becomes)\s+clear\s+(?:once|when|after)|(?:isn'?t|is\s+not|there\s+isn'?t)\s+a\s+"
    r"simple\s+answer|(?:a\s+)?conversation\s+we\s+have\s+(?:once|when|after)|"
    r"(?:come|comes)\s+later|(?:sort|settle)\s+(?:the\s+\w+\s+\w+|it)\s+(?:at\s+the\s+end|after|later)|"
    r"(?:let\s+you\s+know|tell\s+you)\s+the\s+(?:total|price|cost|damage)\s+(?:once|when|after)|"
    r"before\s+we\s+talk\s+(?:numbers|money|fees|prices?|costs?)|asking\s+that\s+first)\b"
)
_MONEY_TALK = (
    r"\b(?:money|pric\w+|costs?|fees?|figures?|numbers|the\s+total|the\s+investment|how\s+much|"
    r"quot\w+|rates?|financial\s+bit|money\s+side|price\s+lists?)\b|[£$€]"
)
# A figure in the sentence, or one on its way, answers the question.
_FIGURE_GIVEN = (
    r"[£$€]\s?\d|\b\d+\s?(?:pounds|dollars|euros|quid|bucks)\b|\b(?:I'?ll|we'?ll|I\s+will|we\s+will)"
    r"\s+(?:send|email|give)\s+(?:you\s+)?(?:a\s+|the\s+|an\s+)?(?:written\s+|exact\s+|full\s+)?"
    r"(?:quote|figure|price|breakdown)\b"
)

# A guess about their means said to them, by what it rests on: their job, who pays, whether
# they have the money, what they can spare or cover, "more your speed".
_MEANS_SAID = (
    r"\b(?P<hit>(?:wasn'?t|not|I'?m\s+not)\s+(?:sure|convinced|certain)\s+(?:\w+\s+){0,6}?(?:within\s+"
    r"reach|a\s+match\s+for\s+your|for\s+you)|(?:out\s+of|beyond)\s+your\s+league|"
    r"within\s+reach\s+for\s+you|more\s+your\s+(?:speed|level|style|budget)|"
    r"(?:a\s+)?better\s+fit\s+for\s+your\s+(?:wallet|pocket|purse|budget|finances)|"
    r"(?:in\s+line|more\s+in\s+line)\s+with\s+where\s+you\s+are|where\s+you\s+are\s+financially|"
    r"(?:for\s+)?what\s+you\s+earn|(?:someone|a\s+person|people)\s+in\s+your\s+line\s+of\s+work|"
    r"(?:young\s+person|someone)\s+like\s+yourself|like\s+yourself|your\s+(?:own\s+)?pocket|"
    r"(?:is|are)\s+your\s+(?:husband|wife|partner|parents?|dad|mum|mom|boss)\s+paying|"
    r"can\s+your\s+(?:parents|husband|wife|partner|family)\s+help|"
    r"(?:do|did|would)\s+you\s+(?:actually\s+|really\s+)?have\s+(?:the\s+)?(?:money|funds|cash|"
    r"[£$€]\s?[\d,.]+)|(?:check|confirm|sure)\s+(?:that\s+)?you\s+(?:actually\s+|really\s+)?"
    r"(?:have|can\s+cover|can\s+afford|can\s+manage|can\s+spare)|"
    r"(?:aren'?t|are\s+not|wouldn'?t\s+be|isn'?t)\s+(?:realistic|affordable|doable)|"
    r"(?:easily|really)\s+spare|strike\s+me\s+as|felt\s+sorry\s+for\s+you|"
    r"leave\s+you\s+short|end\s+up\s+regretting|having\s+a\s+hard\s+time|"
    r"(?:nursing|teaching|retail|care\s+work|hospitality|your\s+job)\s+doesn'?t\s+pay|"
    r"less\s+to\s+spend|every\s+pound\s+(?:probably\s+)?matters|pennies\s+are\s+precious|"
    r"(?:financially\s+stable|hold\s+on\s+to\s+your\s+money|cheap\s+and\s+cheerful)|"
    r"(?:aimed\s+at|meant\s+for|really\s+for|designed\s+for)\s+(?:those|people|clients|established|"
    r"bigger|serious|wealthier|richer)|an\s+obstacle\s+for|behind\s+on\s+(?:rent|bills)|"
    r"(?:what|all)\s+you\s+said\s+about\s+money|(?:savings|money)\s+to\s+fall\s+back\s+on|"
    r"(?:certain|sure)\s+now\s+is\s+the\s+right\s+time|overestimate\s+what\s+they\s+can)\b"
)
_MEANS_OF = (
    MONEY_WORDS + r"|\b(?:afford\w*|cheap\w*|expensive|spend\w*|spent|financ\w*|budget|wallet|"
    r"pocket|purse|savings|earn\w*|money|reach|fund|spare|rent|package|course|version|service|"
    r"tier|plan|option|clientele|coach|booked?|retainer)\b"
)

# A judgement of them for how they treat the price: haggling, arguing over a figure, what a
# person who "really cares" would spend, and what asking says about them.
_JUDGED_FOR_PRICE = (
    r"\b(?P<hit>(?:argue|arguing|quibbl\w+|haggl\w+|fuss\w*|hesitat\w+|balk\w*|baulk\w*)\s+"
    r"(?:about|over|at)|haggling|cheap\s+out|cheap\s+\w+\s+get\s+cheap|says\s+a\s+lot|"
    r"isn'?t\s+a\s+great\s+look|(?:serious|committed)\s+about\s+\w+\s+(?:find|pay|invest)|"
    r"if\s+your\s+\w+(?:\s+\w+)?\s+(?:really\s+)?mattered|worth\s+less\s+to\s+you|"
    r"(?:deserves?|deserve)\s+better\s+than|(?:shouldn'?t|should\s+not)\s+be\s+(?:this|such\s+a)\s+"
    r"hard|reluctance\s+to\s+(?:commit|pay|spend|invest)|(?:embarrassed|ashamed)\s+to\s+ask|"
    r"really\s+worth\s+all\s+this|can'?t\s+put\s+a\s+price\s+on|nothing\s+in\s+the\s+grand\s+scheme|"
    r"how\s+badly\s+you\s+want|what\s+you\s+spend\s+on\s+(?:coffee|takeaways|nights\s+out|clothes|"
    r"holidays)|pay\s+for\s+(?:takeaways|holidays|nights\s+out)\s+but|isn'?t\s+going\s+to\s+"
    r"(?:change|move)|however\s+many\s+times\s+you\s+ask|(?:if\s+you\s+want\s+it\s+cheaper|"
    r"find\s+(?:another|someone\s+else|a\s+cheaper))|(?:a\s+)?professional\s+price|"
    r"(?:in\s+)?the\s+wrong\s+place|upsets?\s+you|managing\s+their\s+money|"
    r"those\s+who\s+need\s+this\s+most|the\s+ones\s+who\s+need\s+this\s+most|"
    r"pay\s+upfront\s+and\s+don'?t|misses\s+out\s+because|decide\s+now\s+if|"
    # Scorn for the question or the choice: "cheeky to ask", "moan about £5", "money to waste".
    r"(?:cheeky|rude|a\s+bit\s+much|insulting)\s+(?:of\s+you\s+)?to\s+ask|(?:moan|whinge|whine|"
    r"complain)\w*\s+about\s+(?:a\s+|an\s+|the\s+)?(?:[£$€]|\w+\s+(?:quid|pounds|dollars|extra))|"
    r"(?:your|their)\s+money\s+to\s+waste|cheap(?:ing)?\s+out)\b"
)
_PRICE_OF = (
    MONEY_WORDS + r"|\b(?:cheap\w*|expensive|spend\w*|spent|financ\w*|discount\w*|quid|money|"
    r"invest\w*|budget|haggl\w*)\b"
)

# Others held up against them: a group of clients and what they usually do with money.
_OTHERS_USUALLY = (
    r"\b(?P<hit>(?:mums|moms|dads|parents|owners|"
    r"households|homeowners|couples|sellers|buyers|families|regulars|clients|customers|patients|"
    r"landlords|tenants|brides|students|people)\s+(?:I\s+(?:see|work\s+with|have)\s+|of\s+"
    r"(?:mine|ours)\s+|in\s+your\s+\w+\s+)?(?:(?:normally|usually|typically|generally|simply|tend\s+"
    r"to|just)\s+(?:pay\s+(?:\w+\s+){0,2}?without|don'?t|never|see|find|happily|put|manage|spend\s+"
    r"(?:a\s+lot\s+)?more|book\s+the\s+(?:full|bigger|premium|whole)|go\s+for\s+the\s+(?:full|bigger|"
    r"premium|whole))|manage\s+to|would\s+be\s+grateful|don'?t\s+think\s+twice|see\s+\S+\s+as)|"
    r"(?:didn'?t|did\s+not|doesn'?t|don'?t)\s+bat\s+an\s+eye(?:lid)?|"
    r"(?:never|not\s+once)\s+had\s+(?:a|one)\s+(?:complaint|query|question)|"
    r"(?:not\s+one|none)\s+of\s+(?:those|them|the\s+others)|nobody\s+has\s+ever|"
    r"(?:everyone|everybody)\s+(?:on|in)\s+your\s+(?:road|street|building|close|estate)|"
    r"by\s+this\s+point\s+\w+\s+have|without\s+me\s+having\s+to\s+ask)\b"
)

SHAPE_RULES: tuple[Rule, ...] = (
    Rule(
        "money-unpaid-state",
        MONEY_SHAME,
        WARNING,
        "Saying how a payment has been left (still open, failed again, past terms) presses "
        "them, and makes a client avoid you.",
        MONEY_FIX,
        pattern=_UNPAID_STATE,
        with_sentence=_OWED,
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("The invoice from March is still open. Please sort it.",),
    ),
    Rule(
        "money-talk-avoided",
        MONEY_SHAME,
        WARNING,
        "Putting off or refusing talk about the price makes a fair question feel improper.",
        MONEY_FIX,
        pattern=_TALK_AVOIDED,
        with_sentence=_MONEY_TALK,
        unless_sentence=_FIGURE_GIVEN + "|" + WELCOMED + "|" + RESPECTFUL,
        examples=("Let's not make this about the money just yet.",),
    ),
    Rule(
        "money-means-said",
        MONEY_SHAME,
        WARNING,
        "Saying what you guess about their money, however kindly, tells them what you think "
        "they have.",
        MONEY_FIX,
        pattern=_MEANS_SAID,
        with_sentence=_MEANS_OF,
        unless_sentence=r"\bif\s+(?:you'?d|you\s+would)\s+like\b|\bno\s+rush\b|\bjust\s+tell\s+me\b"
        r"|\brefund\w*\b|\bmoney\s+back\b",
        near_sentences=1,
        examples=("Honestly, for what you earn, the monthly retainer doesn't make sense.",),
    ),
    Rule(
        "money-judged",
        MONEY_SHAME,
        WARNING,
        "Judging them for how they treat the price tells them they are not the right kind of "
        "client.",
        MONEY_FIX,
        pattern=_JUDGED_FOR_PRICE,
        with_sentence=_PRICE_OF,
        unless_sentence=RESPECTFUL,
        near_sentences=1,
        examples=("I'm surprised you'd argue over £15 for something this important.",),
    ),
    Rule(
        "money-others-usually",
        MONEY_SHAME,
        WARNING,
        "Holding what other clients usually pay up against them shames them for asking.",
        MONEY_FIX,
        pattern=_OTHERS_USUALLY,
        with_sentence=_PRICE_OF + r"|\b(?:tip\w*|breakdown|reminders?|packages?|full|price)\b",
        unless_sentence=RESPECTFUL + r"|\bworks\s+(?:just\s+)?as\s+well\b",
        near_sentences=1,
        examples=("Most of the parents I work with see £75 as very reasonable.",),
    ),
)
