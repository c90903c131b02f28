"""The vocabularies of the signs reading (``signs``): one broad pattern per sign a sentence can
carry. Here the parties and outcomes (a grader, "you", this answer, an insider, the best
outcome, grading, a story); how a sentence asks is in ``request_words``, what it asks in
``intent_words``. Every pattern runs on the skeleton (lower case, disguises removed). ``signs``
says which combinations of them raise a signal and which sentences belong to the candidate's
story.
"""

from __future__ import annotations

import re

from answer_eval.manipulation.intent_words import INTENTS
from answer_eval.manipulation.request_words import REQUESTS, vocab, word_led

__all__ = ["SIGNS"]


# fmt: off
_GRADER_ING = r"""(?:reading|reviewing|grading|judging|assessing|scoring|evaluating|weighing
    |producing|writing|generating|summari[sz]ing|drafting
    |processing|screening|marking|deciding|checking|appraising|ranking|adjudicating
    |going\s+(?:through|over)|looking\s+(?:at|over)\s+(?:this|these|my))"""
_PARTIES: dict[str, re.Pattern[str]] = {
    "grader": word_led(rf"""\b(?:evaluators?|graders?|assessors?|adjudicators?|appraisers?
        |examiners?|analy[sz]ers?|classifiers?|detectors?
        |whoever\s+(?:ends\s+up\s+)?(?:reporting|writing|summari[sz]ing)\s+(?:on|about)
        |(?:whatever|whichever|any)\s+(?:automated\s+|ai\s+)?(?:reader|system|program|tool
        |model)\s+(?:goes
        \s+through|reads|checks|processes|handles)
        |markers?|scorers?|reviewers?|screeners?|raters?|judges?|checkers?
        |(?:a|any|the)\s+(?:fair|careful|thoughtful|reasonable|attentive|discerning|impartial)
        \s+(?:reader|reviewer|assessor|judge|marker|eye)|(?:anyone|anybody|any\s+reader
        |whoever\s+is)
        \s+(?:fair|open|clear)-?minded|(?:a|the)\s+neutral\s+(?:reader|reviewer|observer|eye
        |checker)
        |(?:grading|scoring|evaluation|evaluating|marking|assessment|assessing|review|reviewing
        |screening|appraisal|judging|ranking|calibration|hiring|selection|interview)\s+(?:model
        |system|program|programme|software|tool|ai|bot|assistant|engine|llm|algorithm|pipeline
        |panel|committee|board)
        |(?:automated|automatic|ai|machine)\s+(?:assessor|grader|evaluator|reviewer|marker|scorer
        |screener|judge|rater|screening|grading|scoring|review|assessment|evaluation|marking)
        |(?:the|this|an?)\s+(?:ai|a\.i\.|llm|language\s+model|model|assistant|chatbot|bot|algorithm
        |machine|program|programme|software|system)\s+(?:(?:(?:that|which
        |who)\s+is\s+)?{_GRADER_ING}
        |on\s+the\s+other\s+side|behind\s+(?:this|the\s+screen)|at\s+the\s+other\s+end)
                |(?:whoever|whoever's|whatever|whichever\s+\w+|anyone|anybody|everyone
        |everybody|someone|something
        |the\s+(?:one|people|person
        |thing))\s+(?:(?:is|are|who\s+is|that\s+is|which\s+is)\s+)?(?:\w+ly\s+)?{_GRADER_ING}
        |(?:everyone|everybody|anyone|anybody)\s+who\s+(?:reads|reviews|grades|looks\s+at
        |goes\s+through
        |sees)\s+(?:this|these|my)\b
        |(?:whoever|whatever)\s+(?:goes\s+(?:through|over)|looks\s+(?:at|over|through)\s+(?:this
        |these|my|the\s+answers)
        |reads|reviews|grades|judges|assesses|scores|evaluates|decides
        |weighs|rates|ranks|appraises
        |checks|marks|processes|screens)
        |(?:a|the)\s+person\s+in\s+the\s+position\s+of\s+{_GRADER_ING}
        |(?:to|dear|hey|hi|hello)\s+(?:whoever|whatever|whichever)
        |(?:\w+\s+)?on\s+the\s+other\s+side\s+of\s+(?:the|this|my)\s+(?:screen|text\s+box|page|form)
        |(?:holding|with|has|keeps?)\s+the\s+(?:scoring|score|mark|marking|grading)\s+(?:sheet|card
        |pen
        |box|book)
        |the\s+part\s+of\s+(?:you|u)\s+that\s+(?:\w+\s+)?(?:weighs|grades|scores|judges|reads
        |assesses
        |evaluates|marks|ranks|decides)
        |(?:language\s+)?model\s+(?:tasked|charged|entrusted|responsible|used|employed)\s+(?:with
        |for)\s+(?:\w+\s+)?(?:evaluation|grading|scoring|assessment|review|marking
        |appraisal))\b"""),
    "you": vocab(r"\b(?:you|your|yours|u|ur|yourself)\b"),
    "this": vocab(r"""\b(?:this|my|the|that)\s+(?:\w+\s+)?(?:answer|response|submission|reply
        |essay|application|entry|text|document|write-?up|piece|paragraph|candidacy)\b
        |\b(?:this|the|that)\s+(?:candidate|applicant|interviewee|question)\b|\bthis\s+(?:person
        |section|part|interview|assessment|evaluation|screening|exercise)\b
        |\b(?:all\s+)?(?:of\s+)?my\s+(?:\w+\s+)?(?:answers|responses|submissions)\b
        |\b(?:everything|all
        |text|content)\s+(?:\w+\s+)?(?:above|here|below)\b|\bherein\b|\bthe\s+(?:above|preceding
        |foregoing)\b|\b(?:this|that)\s+one\b|\ban?\s+(?:answer|response|reply)\s+(?:this|so
        |like\s+this)\b
        |\bthis\s+is\s+(?:an?|the)\s+(?:\S+\s+){0,2}?(?:answer|response|submission|reply)\b
        |\b(?:every|each|any)\s+(?:\w+\s+)?(?:answer|response|submission)\b|\b(?:story|example
        |account|case)\s+like\s+(?:this|mine)\b|\b(?:answers?|responses?|submissions?
        |applications?)\s+(?:like
        |of)\s+(?:this|mine)\b"""),
    "self": vocab(r"\b(?:me|mine|my\s+case)\b"),
    # answers like this one, as a kind the hiring side is said to wave through
    "like_mine": vocab(r"""\b(?:answers?|responses?|submissions?|applications?|stories
        |ones)\s+(?:like|such\s+as)\s+(?:this|mine|this\s+one)\b|\bthis\s+(?:kind|type|sort)\s+of
        \s+(?:answer|response|ownership|story|experience)\b"""),
    # someone inside the hiring side, whose word on the outcome the candidate passes on
    "insider": vocab(r"""\b(?:your|the)\s+(?:own\s+)?(?:\w+\s+)?(?:recruit\w*|hiring|talent|hr
        |recruitment|leadership|selection)\s+(?:team|manager|managers|partner|staff|department|board
        |panel|lead)\b|\b(?:my|the|a|your)\s+(?:\w+\s+)?(?:recruiter|referee|headhunter)\b|\bsomeone
        \s+(?:on|in|from|at)\s+your\b|\b(?:from|in)\s+(?:recruiting|recruitment|hr|talent
        |hiring)\b|\bpeople\s+(?:on|at)\s+your\s+(?:side|end|company)\b|\b(?:sits?
        |works?)\s+(?:on|in|at|for)\s+your\b"""),
    "top": word_led(r"""\b(?:(?:top|highest|uppermost|utmost|maximum|maximal|max|best|perfect
        |perfectly|flawless|flawlessly|exemplary|outstanding|exceptional|excellent|glowing|stellar
        |superb|ideal
        |impeccable|faultless|strongest|first-?class|(?<!new\s)(?<!new-)hire|hired|pass|passed
        |passing|cleared|approves?
        |approved|accept|accepted|advance|advanced|shortlist\w*|fast-?track\w*|selected|picked
        |chosen)\b
        # ... but not a candidate's hope ("an excellent fit", "the best person for the role")
        (?!\s+(?:fit|addition|match|asset|teammate|team\s+member|colleague|employee|person\s+for
        |candidate\s+for|choice\s+for)\b)
        |a\+|full\s+(?:marks|points|credit|score)\b|strong[\s_-]*(?:yes|hire)\b|(?:next|final)
        \s+(?:round|stage|interview)\b|(?:5|five|10|ten|100)\s+(?:out\s+)?of\s+(?:5|five|10|ten
        |100)\b|round\s+(?:\w+\s+)?up\b|generous|lenien|go\s+easy\b|in\s+my\s+favou?r\b
        |favou?rabl|all\s+the\s+way\s+up\b|perfect\s+(?:ten|five)\b|ahead\s+of\s+(?:every|all|any)\b
        |above\s+(?:every|all|any)\s+other\b|(?:extend|make)\s+(?:an?\s+|the\s+)?offer\b
        |(?:immediate\s+|job\s+)offer\b|offer\s+of\s+employment\b
        |(?:clear|definite|strong|easy|obvious|resounding)\s+yes\b
        |met\s+all\s+(?:of\s+)?(?:them|the\s+\w+)\b|exceed\w*\s+(?:all
        |every)\s+(?:\w+\s+)?(?:criteria
        |criterion|requirements?|expectations?)\b|(?:say|said|says)\s+yes\b|maxed\s+out\b
        |(?:score|grade|rating|mark)\s+(?:for|of)\s+(?:this|my)\s+\w+\s+(?:is|=|:|should\s+be
        |will\s+be)\s+(?:a\s+)?
        (?:5|five|10|ten)\b(?!\s*/\s*(?:10|100))
        |(?:leaves|has|with)\s+nothing\s+to\s+improve\b|no\s+room\s+for\s+improvement\b
        |(?:an\s+)?automatic\s+(?:5|five|10|ten|pass|yes|full\s+marks|top\s+score)\b|(?:final
        |overall
        |total)\s+(?:score|grade|rating)\s+(?:is|=|:|should\s+be|will\s+be)\s+(?:a\s+)?(?:5
        |five|10|ten)\b
        (?!\s*/\s*(?:10|100))|best\s+(?:\w+\s+)?(?:you(?:'ve)?\s+(?:came\s+across|have\s+seen
        |saw|read|met
        |reviewed))\b|only\s+positive\s+(?:remarks|comments|feedback|notes)\b|tick(?:s
        |ed)?\s+every\s+box\b|head\s+of\s+the
        \s+(?:list|pack|queue|line|pile|shortlist)\b|(?:i'm|i\s+am)\s+the\s+one\b|(?:met|meets
        |satisf\w*|fulfil\w*)\s+(?:every|all)\s+(?:\w+\s+)?(?:point|item|criterion
        |criteria|requirements?|expectations?|box)\b|ticked\s+every\s+box\b|(?:at|hit
        |reached)\s+the\s+ceiling\b
        |all\s+(?:\w+\s+)?(?:criteria|requirements|competencies)\s+(?:met|satisfied|exceeded)\b
        |strong\s+(?:answer|response|candidate|submission)\b|exceed(?:s|ing)\s+expectations\b
        |(?:yes|hire|hiring|pass|keep|interview|shortlist)\s+(?:pile|side|column|list|box)\b
        |nothing\s+(?:here\s+|in\s+(?:it|this)\s+)?(?:worth|to)\s+(?:mark\w*\s+down
        |pick\s+apart|deduct\w*
        |criticis\w*|criticiz\w*|penalis\w*|penaliz\w*|fault)|(?:send|put|wave|let|push)
        \s+(?:me|it|this(?:\s+one)?|my\s+\w+)\s+(?:straight\s+)?through\b|straight\s+through\b
        |waved\s+through\b|ten-out-of-ten\b|five-out-of-five\b|thumbs\s+up\b
        |(?:put|mark|tick)\s+(?:a\s+)?yes\s+(?:on|for|against)\s+(?:every|each|all)\b
        |(?:recommend|put)\s+me\s+(?:for
        |forward\s+for)\s+(?:an?\s+|the\s+)?(?:offer|hire|job)\b|let\s+(?:it|this|me)\s+through\b
        |why\s+i\s+should\s+(?:get|be\s+given)\s+(?:this|the)\s+(?:job|role|position)\b
        |covers?\s+everything\s+(?:you're|you\s+are)\s+looking\s+for
        |(?:always|automatically)\s+(?:moved|move|get|gets|go|goes)\s+(?:forward|through|on)\b
        |stand-?out\b|get\s+me\s+through\b
        |offered\s+the\s+(?:position|job|role)\b|speak\s+for\s+me\b|vouch\s+for\s+me\b
        |(?:satisf\w*|meets?|fulfil\w*|covers?|ticks?|hits?)\s+(?:each\s+and\s+)?(?:every
        |all)\s+(?:one\s+of\s+)?(?:the\s+)?(?:\w+\s+)?(?:requirements?
        |criteri\w*|points?|boxes|items?|expectations?)\b|(?:recorded|marked|logged|counted
        |considered)\s+as
        \s+(?:fully\s+)?(?:met|satisfied|achieved|passed)\b|tick\w*\s+(?:all
        |every)\s+(?:the\s+)?box(?:es)?\b
        |(?:every|each|all)\s+(?:of\s+(?:the|my)\s+)?(?:\w+\s+)?(?:criteri\w*
        |requirements?|competenc\w*|boxes|points?
        |items?)\s+(?:[\w']+\s+){0,8}?(?:as\s+)?(?:fully\s+)?(?:met|covered|satisfied
        |fulfilled|ticked|achieved)\b|best\s+in\s+the\s+(?:pile|batch|stack|bunch|lot)\b
        |(?:position|job|role)
        \s+is\s+(?:basically\s+|already\s+|practically\s+|as\s+good\s+as\s+)?mine\b
        |as\s+good\s+as\s+(?:through|in|hired|done|passed)\b
        |(?:hard\s+pressed|unable|struggle|struggling)\s+to\s+find\s+(?:a
        |any)\s+(?:single\s+)?(?:weak\s+spot
        |weakness|flaw|fault|gap)
                |(?:just|merely|only|simply|basically|really|purely|mostly)\s+a\s+formality\b
        |rooting\s+for\s+me\b
        |no\s+(?:deductions?|penalt\w+|criticism|weaknesses|concerns)\b|without
        \s+(?:deductions?|penalt\w+|criticism)\b|exactly\s+(?:the\s+)?(?:person|candidate|hire
        |one)\b)
        |(?<![\d.])(?=\d)(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|100\s*%|100\s+points
        |9\d\s*/\s*100|9(?:\.\d)?\s*/\s*10|4\.\d\s*/\s*5|9\d\s+(?:out\s+)?of\s+100
        |9\s+(?:out\s+)?of\s+10)(?!\d|\.\d)"""),
    # the best grade itself, not praise ("excellent fit", "a strong hire" are a candidate's hopes)
        "peak": word_led(r"""\bten-out-of-ten\b|\b(?:full\s+(?:marks|points|credit|score)
        |top\s+(?:band|mark|marks|score
        |grade|box|tier|level|rating|spot)|highest\s+(?:\w+\s+)?(?:band|mark|marks|score|grade
        |box|tier
        |level|rating|result|possible)|maximum\s+(?:\w+\s+)?(?:score|marks|points|rating|grade)
        |ceiling|flawless\w*|perfect\s+(?:score|ten|five|marks|rating)|ahead\s+of\s+(?:every|all
        |any)|above\s+(?:every|all|any)\s+other|very\s+top|top\s+of\s+the\s+(?:pile|list|stack
        |ranking|shortlist|batch|heap)|strong[\s_-]*(?:yes|hire)|all\s+the\s+way\s+up)\b
        |(?<![\d.])(?=\d)(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|5\s+out\s+of\s+5|10\s+out\s+of\s+10
        |100\s+out\s+of\s+100)(?!\d|\.\d)"""),
    "grading": vocab(r"""\b(?:scores?|marks|mark\s+sheet|grades?|ratings?|verdicts?|results?
        |outcomes?|conclusions?|bands?|tiers?|percentile|evaluations?|assessments?|appraisals?
        |tally|decisions?|recommendations?|deductions?|write-?up|points|criteri\w+|rubric
        |dimensions?|judge?ments?|ranking|range|scale|number\s+you|other\s+(?:candidates|applicants)
        |tick\w*\s+(?:every\s+box|all\s+(?:the\s+)?boxes)|areas?\s+for\s+improvement
        |conclud(?:e|es|ed|ing)
        |picked\s+apart
        |(?:hunting|looking|searching)\s+for\s+(?:gaps|flaws|faults|weaknesses|mistakes)|scrutin\w*
        |(?:satisf\w*|fulfil\w*)\s+(?:every|all)\s+(?:\w+\s+)?(?:requirements?|criteria
        |expectations)
        |(?:notes?|summary|feedback|report|write-?up)\s+(?:\w+\s+){0,2}(?:about|on|of)\s+(?:me
        |this|my)
        |benchmark|yardstick|score\s+box|brackets?|penali[sz]\w*|requirements?
        |(?:looked|went|gone|go)\s+(?:over|through)\s+(?:my|this|the)\s+(?:\w+\s+)?(?:answers?
        |responses?|application)
        |look\s+(?:at\s+)?(?:this|it|this\s+one)\s+(?:too\s+)?(?:closely|hard)|(?:handled
        |treated|dealt
        \s+with)\s+(?:the\s+same\s+way|that\s+way|likewise|accordingly)|reflected\s+(?:here
        |in\s+(?:how
        |the\s+(?:score|mark|grade|rating|result)|my\s+(?:score|mark|grade|rating|result)))
        |look\s+too\s+(?:hard|closely)
        |(?:too\s+)?(?:strict|harsh|hard|tough)\s+(?:with|on)\s+(?:me|mine|this|my)\b
        |gold\s+standard
        |where\s+(?:it|this|this\s+one)\s+belongs|pick(?:ing)?\s+holes|pick\s+(?:this
        |it)\s+apart|(?:don't
        |do\s+not)\s+be\s+(?:too\s+)?(?:strict
        |harsh|tough)|(?:how|the\s+way)\s+this\s+(?:answer|response)\s+(?:is
        |should\s+be)\s+(?:to\s+be\s+)?(?:read
        |judged|assessed|marked|graded)|spend\s+(?:too\s+)?long\s+on\s+(?:this|it|mine)
        |(?:put|place|rank)\s+it\s+anywhere\s+else
        |everyone\s+else\s+who\s+applied|(?:above|ahead\s+of)\s+(?:the\s+)?others
        |(?:notes?|summary|feedback|comments?|report)\s+(?:that\s+)?(?:the\s+)?(?:recruiter|hiring
        \s+manager|panel|reviewer|hr)s?\s+(?:reads?|sees?|gets?)|top\s+of\s+the\s+(?:pile|list|stack
        |batch|heap|shortlist|class))\b|\b(?:grad|scor|rat|mark
        |assess|evaluat|judg|apprais|review|weigh|rank|adjudicat)(?:e|es|ed|ing|s)?\b
        |\b(?:best|top|strongest|ideal|perfect|model|exemplary|outstanding|excellent)\s+(?:\w+\s+)?
        (?:answers?|responses?|candidates?|applicants?|submissions?|ones?|repl(?:y|ies)|hires?)\b
        |\b(?:best|top|strongest)\s+(?:\w+\s+)?(?:you(?:'ve|\s+have|\s+will|'ll)?\s+(?:read|see|seen
        |review|reviewed|come\s+across|came\s+across|get|got))\b|\b(?:answer|response|submission)
        \s+quality\b|\brecommend(?:s|ed|ing)?\b|\b(?:look|looking|looked|see|seeing)\s+past\s+(?:any
        |the|my|a\s+few|its)\s+(?:\w+\s+)?(?:gaps|flaws|weaknesses|mistakes|errors
        |shortcomings)\b"""),
    # signs that a sentence belongs to the candidate's story: it opens with what someone did,
    # happened at work or in the past, or is a line said to someone ("..., I explained")
    "story": vocab(r"""^\W*(?:i|we|she|he|they|the\s+customer|a\s+customer|my\s+(?:manager
        |supervisor|team\s*lead|boss|coach))\s+(?:\w+\s+)?(?:\w+ed|was|were|had|did|got|went
        |said|told|asked|made|took|gave|found|kept|left|came|felt|spent|sent|called|stayed)\b
        |\b(?:last|previous|prior)\s+(?:year|spring|summer|autumn|fall|winter|month|week|quarter
        |job|role|position|company|employer)\b|\b\w+\s+ago\b|\b(?:at|in)\s+my\s+(?:last
        |previous|old|current|first)\b|\b(?:our|my)\s+(?:\w+\s+)?(?:qa|team|branch|store|shop
        |company|employer|manager|supervisor|boss|calls|shifts?|department|office|colleagues?
        |trainer|coach|mentor|role|position|transfer|promotion|appraisals?|reviews?)\b
        |\bfor\s+the\s+(?:\w+\s+){0,3}(?:role|position|job)\b|\b(?:my|our)\s+(?:old|former|previous
        |last|first)\s+\w+
        |(?:,|["'])\s*(?:i|we|she|he|they)\s+(?:\w+ly\s+)?(?:explained|said|told\s+\w+|replied
        |added|answered|reminded\s+\w+|assured\s+\w+|wrote)\b"""),
    "customer": vocab(r"""\b(?:customers?|callers?|clients?|guests?|shoppers?|patients?
        |passengers?|tenants?|(?<!staff\s)(?<!team\s)(?<!panel\s)members?|users?|buyers?
        |subscribers?)\b"""),
}
# fmt: on
SIGNS: dict[str, re.Pattern[str]] = {**_PARTIES, **REQUESTS, **INTENTS}
