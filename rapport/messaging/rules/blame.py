"""Blame: the fault put on the client, by what they did, that they were told, or what it caused."""

from __future__ import annotations

from rapport.messaging.rules.base import (
    BLAME,
    WARNING,
    Rule,
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
    r"|\bif\s+(?!I\b|we\b|I'd|we'd)(?P<hit4>[^.\n]{0,80}?\b(?:had\s+been|had|'d)\s+(?!like|love|prefer|rather|be\b|want)\w+)[^.\n]{0,80}?"
    r"\b(?:would(?:n'?t)?|could(?:n'?t)?|we'?d|you'?d|it'?d)\s+(?:have|'ve|already|be|not|still)\b"
    r"|\b(?:would|could)(?:n'?t)?\s+(?:have|'ve|be)\b[^.\n]{0,80}\b(?P<hit5>if\s+(?!I\b|we\b)"
    r"[^.\n]{0,60}\b(?:had\s+been|had|'d)\s+(?!like|love|prefer|rather|be\b|want)\w+)"
    r"|'d\s+(?:have|'ve|be)\b[^.\n]{0,80}\b(?P<hit7>if\s+(?!I\b|we\b)"
    r"[^.\n]{0,60}\b(?:had\s+been|had|'d)\s+(?!like|love|prefer|rather|be\b|want)\w+)"
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

BLAME_RULES: tuple[Rule, ...] = (
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
)
