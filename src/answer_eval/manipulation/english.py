"""The English rules: vocabularies (who grades, the best grade, what the evaluator was told)
put into structures (an imperative and its object, an address and its addressee, a key and a
value on a line of its own), one tuple of ``Rule`` per kind of attempt. The machinery they run
on is in ``rules``; other languages are in ``languages``.
"""

from __future__ import annotations

from answer_eval.manipulation.rules import Rule, rule

__all__ = ["ENGLISH", "GRADER"]

# ------------------------------------------------------------------ vocabulary
# Who grades: the evaluator, named as a role or as a machine (shared with ``directives``).
GRADER = r"""(?:evaluat(?:or|ors)|grader|graders|assessor|examiner|marker|scorer|reviewer|judge
    |screener|rater|recruiter|hiring\s+(?:manager|team)|(?:grading|scoring|evaluation|evaluating|
    marking|assessment|review|screening)\s+(?:model|system|ai|bot|assistant|engine|tool|llm)
    |ai|a\.i\.|llm|language\s+model|model|assistant|chat\s?gpt|gpt[\w.-]*|claude|gemini|copilot
    |chatbot|bot)"""
# What grading does, as verb stems.
_GRADE_VERB = r"(?:grad|scor|evaluat|assess|review|read|mark|rat|judg|check|screen|process)\w*"
# This answer, as the writer refers to it.
_THIS = r"""(?:(?:this|my|the|that)\s+(?:\w+\s+)?(?:answer|response|submission|reply|essay
    |application|candidate|applicant|interviewee|entry)|\bme\b)"""
_TARGET = rf"""(?:{_THIS}|\bit\b|\bthis\b|\beverything\s+(?:above|here|in\s+this\s+\w+)|\ball\s+of
    \s+(?:this|the\s+above))"""
# An imperative: at the start of a sentence or clause, after "please", or said to "you" or to
# a grader ("you should give", "any fair grader would give").
_IMPERATIVE = r"""(?:^|(?<=[.!?:;,\n"'(_*])\s*|(?<=\s-)\s+|\b(?:please|kindly|just|simply|now|so
    |then|and|you|let's|lets)\s+(?:\w+\s+)?|\b(?:evaluators?|graders?|examiners?|assessors?|reviewers?
    |markers?
    |scorers?|judges?|raters?|models?|ai|llm|assistant)\s+(?:\w+\s+)?)"""
# The best grade, however it is put.
_TOP = r"""(?:(?<![\d.])(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|20\s*/\s*20|4\s*/\s*4|3\s*/\s*3)
    |(?<![\d.])(?:5|five|10|ten|100)[\s-]+(?:out[\s-]+of|of)[\s-]+(?:5|five|10|ten|100)\b
    |(?:a\s+)?perfect\s+(?:5|five|10|ten|100)\b
    |full\s+(?:marks|points|score|credit)|(?:top|max|maximum|highest|perfect|best|excellent
    |outstanding|exceptional|flawless|exemplary|strongest)\s+(?:possible\s+)?(?:score|scores
    |grade|grades|mark|marks|rating|ratings|points|recommendation|evaluation|hire|band|result
    |results|outcome|verdict|level|tier)\b
    |strong[\s_-]*(?:yes|hire)\b|definitely[\s_-]*hire\b
    |all\s+(?:\w+\s+)?(?:competencies|dimensions|rubric\s+items)\s+(?:met|satisfied|passed)
    |(?:advanc\w*|mov\w*|progress\w*|send\w*)\s+(?:\w+\s+)?to\s+the\s+(?:next|final)\s+(?:round|stage
    |interview)
    |\ba\s+(?:5|five|10|ten)\b(?!\s*-?\s*(?:star|stars|minute|hour|day|week|percent|%|year))
    |score\s+of\s+(?:5|10)\b|(?:5|five)\s+(?:on|in|for|across)\s+(?:every|all|each))"""
# Bare praise words count as a grade only after "as" ("grade it as excellent").
_TOP_WORD = r"""(?:excellent|outstanding|exceptional|perfect|flawless|exemplary|strong|pass
    |passing|hire|met|yes|a\s+pass|(?:model|ideal|reference|benchmark|gold[\s-]standard)\s+(?:answer
    |response|submission)|best(?:\s+(?:answer|response|one|submission|of))?)"""
# Words that hand a grade out or claim one.
_CLAIM = r"""(?:deserves?|merits?|earns?|warrants?|worth|scores?|gets?|receives?|achieves?
    |is\s+(?:clearly\s+|obviously\s+|definitely\s+)?(?:rated|graded|scored|marked|worth)|should\s+(?:get|receive|be\s+given|be
    \s+awarded|score|be\s+scored|be\s+rated|be\s+graded|be\s+marked|pass)|must\s+(?:get|receive
    |be\s+given|score|be\s+scored|be\s+rated|be\s+graded|be\s+marked|pass))"""
_HAND_OUT = r"""(?:give|assign|award|grant|rate|grade|score|mark|rank|evaluate|assess|judge
    |classify|label|put|set|record|consider|treat|recommend)"""
_INSTRUCTIONS = r"""(?:instructions?|directions?|directives?|rules|rubrics?|guidelines?|guidance
    |criteria|criterion|prompts?|system\s+(?:prompt|message)|constraints|programming|training
    |(?:scoring|grading|evaluation|marking|assessment|review)\s+(?:\w+\s+)?(?:policy|policies|rules
    |guide|guides|guidelines|criteria|scheme|system|instructions|standards|process|steps|procedure
    |checks?)
    |everything\s+(?:above|before|else|you\s+(?:were|have\s+been)\s+(?:told|given))
    |(?:the\s+)?(?:checks|steps|tests|procedures?|process)\s+you\s+(?:\w+\s+)?(?:run|do|perform
    |follow|use|apply|take)
    |(?:every|any|each|all)\s+(?:\w+\s+)?(?:rule|instruction|guideline|directive)s?\s+you\s+(?:were
    |have\s+been|got)
    |(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:text|content)\s+above|what\s+you\s+(?:were|have\s+been)
    \s+(?:told|given|asked|instructed)|your\s+(?:task|orders|job))"""
_OVERRIDE = r"""(?:ignore|disregard|forget|override|overrule|bypass|skip|abandon|discard|drop
    |scratch|ditch|toss|junk|never\s+mind|set\s+aside|put\s+aside|pay\s+no\s+(?:attention|heed)\s+to|(?:do\s+not|don't|never)\s+(?:follow
    |apply|use|obey|consider)|stop\s+following|no\s+longer\s+follow|throw\s+out|suspend|replace)"""
_ROLE = r"""(?:evaluator|grader|examiner|assessor|reviewer|marker|scorer|judge|rater|recruiter
    |interviewer|hiring\s+manager|ai|assistant|model|bot|chatbot|persona|character|version|mode
    |friend|fan|ally|advocate|supporter|mentor|mother|father|parent|colleague|teacher)"""
_GRADING_ROLE = r"""(?:evaluator|grader|examiner|assessor|reviewer|marker|scorer|judge|rater
    |recruiter|interviewer|hiring\s+manager|ai|assistant|model|bot|chatbot)"""
# What the evaluator was told, and a clause saying it was given to it ("that you were given",
# "which came earlier in this conversation").
_RULEBOOK = r"""(?:instructions|rubric|rules|criteria|guidelines|guidance|checklist
    |(?:grading|scoring|evaluation|marking)\s+\w+|system\s+prompt|prompt)"""
_GIVEN = r"""(?:(?:that|which)\s+)?(?:\w+\s+){0,3}?(?:you\s+(?:were|have\s+been|got|received)|above
    |before\s+(?:this|my)\s+\w+|earlier\s+in\s+(?:this|the)\s+(?:conversation|chat|prompt|message
    |text|context))(?:\s+\w+){0,5}?"""
_SENTENCE = r"[^.!?\n]"

ENGLISH: tuple[Rule, ...] = (
    # ---- instruction overrides
    rule("instruction_override", "ignor disregard forget overr bypass skip abandon discard drop "
          "scratch ditch toss junk mind "
          "aside attention heed follow obey stop throw suspend replace",
          rf"\b{_OVERRIDE}\b{_SENTENCE}{{0,60}}?\b{_INSTRUCTIONS}"),
    rule("instruction_override", "aside ignore disregard skip drop",
          rf"""\b(?:whatever|whichever|your)\s+(?:\w+\s+)?(?:checklist|rubric|criteria|scoring\s+\w+
          |grading\s+\w+|marking\s+\w+)\b{_SENTENCE}{{0,60}}?\b(?:(?:set|put
          |lay|push)\s+(?:it|them)\s+aside|(?:ignore|disregard|skip|drop)\s+(?:it|them))\b"""),
    # "New policy: refunds need a receipt" is an honest story; a new rule about grading is not
    rule("instruction_override", "instruction directive rule task order prompt policy",
          r"""\b(?:new|updated|revised|real|actual|additional|secret|hidden|important|priority
          |system|admin|administrator|developer|override)\s+(?:instructions?|directives?|rules
          |task|orders?|prompt|policy)(?:\s*,\s*(?:effective|starting|as\s+of)\s+\w+)?\s*(?::|-|=|\bare\b
          |\bis\b)(?=[^\n]{0,160}?\b(?:candidates?|applicants?|(?:this|every|each|any|the|my|your)\s+(?:answer
          |response|submission)s?|scor\w*|grad\w*|rat(?:e|ed|ing)|marks?|criteri\w*|rubric|evaluat\w*
          |assess\w*|hired?|band|approve\s+(?:this|the|every|me)|you\s+(?:must|should|will|are\s+to|now)
          ))"""),
    rule("score_claim", "answer response submission candidate",
          rf"""\b(?:every|each|any)\s+(?:answer|response|submission|candidate)\s+(?:that|which|who)\s+
          {_SENTENCE}{{0,60}}?\b(?:is|are|gets?|receives?|should|must|will)\b{_SENTENCE}{{0,30}}?{_TOP}"""),
    rule("instruction_override", "you_now",
          r"""\byou\s+(?:now|will\s+now|should\s+now|must\s+now)\s+(?:(?:only\s+)?(?:grade|evaluate|score
          |mark|assess|judge)\b|(?:only\s+)?(?:check|output|reply|respond|focus\s+on)\b[^.!?\n]{0,30}?\b(?:only
          |nothing\s+else)\b)"""),
    rule("instruction_override", "supersed overrid replac precedence first",
          r"""\b(?:new|updated|revised|real|actual|secret|hidden)\s+(?:instructions?|directives?|orders
          |prompt)\s+(?:supersedes?|overrides?|replaces?|takes?\s+precedence|come\s+first)\b"""),
    rule("instruction_override", "now_on point_on here_on henceforth",
          rf"""\b(?:from\s+(?:now|this\s+point|here)\s+on|henceforth)\b[,\s]+(?:you\b|the\s+only\s+
          (?:rule|criterion|thing|instruction|requirement)s?\s+that\s+(?:matters?|counts?|applies))
          (?=(?:{_SENTENCE}{{0,100}}?\b(?:candidate|applicant|(?:this|my)\s+(?:answer|response
          |submission))\b)){_SENTENCE}{{0,100}}?\b(?:hired?|pass(?:es|ed)?|approved?|scor\w*|grad\w*
          |marks|rating|top)\b"""),
    rule("instruction_override", "now_on instead henceforth forward",
          r"""\b(?:from\s+now\s+on|instead|henceforth|going\s+forward)[,\s]+(?:you|the\s+(?:ai
          |model|evaluator|grader|assistant))\s+(?:must|should|will|shall|are\s+to|have\s+to)\b"""),
    rule("instruction_override", "criteri rubric polic guideline instruction task job role "
          "assignment orders brief",
          r"""(?:\b(?:the\s+|your\s+)?(?:evaluation|scoring|grading|marking|assessment)?\s*(?:criteria
          |rubric|policy|guidelines?|instructions?)|\byour\s+(?:task|job|role|assignment|orders|brief))
          \s+(?:have|has)
          \s+(?:been\s+)?(?:changed|updated|replaced|revised|removed|suspended|waived|lifted)"""),
    rule("instruction_override", "apply matter count void null cancel invalid obsolete suspend "
          "outdated irrelevant revoked lifted longer",
          rf"""(?:\bwhatever\s+you\s+(?:were|have\s+been)\s+(?:told|given|asked)\s+(?:above|earlier
          |before\s+(?:this|now)(?:\s+(?:line|point|sentence|message|text|answer))?)
          |\b(?:(?:your|the|these|those|all|any|whatever)\s+)?(?:\w+\s+)?{_RULEBOOK}(?:\s+{_GIVEN})?)
          (?:\s*,\s*(?:it|they|that)\s+|\s+)(?:(?:no\s+longer|do\s+not|don't|does\s+not|doesn't|won't)
          \s+(?:apply|matter|count)|no\s+longer\s+(?:applies|matters|counts)|(?:are|is)\s+(?:now\s+)?
          (?:no\s+longer\s+(?:valid|in\s+effect|active|binding|relevant|current)|void|null|cancell?ed
          |invalid|obsolete|suspended|outdated|irrelevant|revoked|lifted))"""),
    rule("instruction_override", "less",
          rf"\b{_RULEBOOK}\s+{_GIVEN}\s+(?:matters?|counts?)\s+less\b"),
    rule("instruction_override", "overrid supersed replac cancel void trump",
          r"""\b(?:overrides?|supersedes?|replaces?|cancels?|voids?|trumps?)\s+(?:anything|everything
          |all|any|whatever)\s+(?:else\s+)?(?:you|above|before|earlier|previous|prior)"""),
    rule("instruction_override", "not don't never",
          r"""\b(?:do\s+not|don't|never)\s+(?:penali[sz]e|deduct\s+(?:points\s+)?for|mark\s+down\s+for)
          \s+(?:brevity|length|shortness|gaps)\b"""),
    rule("instruction_override", "not don't never",
          rf"""\b(?:do\s+not|don't|never)\s+(?:penali[sz]e|deduct|flag|mark\s+down|downgrade
          |count\s+(?:this|it)\s+against)\s+(?:{_THIS}|this|it|any\s+(?:of\s+)?(?:this|red\s+flags?))"""),
    # ---- speaking to the evaluator
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring _ai llm model assistant gpt claude gemini copilot bot",
          rf"""\b(?:dear|hello|hi|hey|attention|greetings|(?:a\s+)?(?:\w+\s+)?(?:note|message|memo
          |reminder|word)\s+(?:to|for))(?:\s+there)?[\s,:!]+(?:(?:the\s+|my\s+|our\s+|any\s+|all\s+)?
          (?:\w+\s+)?{GRADER}\b|whoever\s+(?:decides|grades|scores|evaluates|assesses|marks|judges
          |screens)\b)"""),
    rule("grader_address", "evaluator grader assessor examiner marker scorer reviewer judge rater "
          "screener",
          r"""(?:^|(?<=[.!?,:;\n])\s*)(?:(?:psst|ps|p\.s\.|ok|okay|so|oh|well|listen|look|hey|hi
          |hello|dear|and|also)[\s,.]+)*(?:the\s+|my\s+|dear\s+)?(?:\w+\s+)?(?:evaluator|grader
          |assessor|examiner|marker|scorer|reviewer|judge|rater|screener)s?(?:\s+(?:bot|ai|model
          |system))?\s*[,!]"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring _ai llm model assistant gpt claude gemini copilot bot",
          rf"""\b(?:to|for)\s+(?:the|my|any|whichever|whatever|all)\s+(?:\w+\s+)?{GRADER}s?\s*[:,]"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener reader whoever you,",
          rf"""\b(?:{GRADER}|reader)s?\s+of\s+(?:this|my)\s+(?:answer|response|submission|essay
          |text|application)\b|\bwhoever\s+you\s+are\b|\byou\s*,\s*(?:the\s+|my\s+|dear\s+)?
          {GRADER}\b"""),
    rule("grader_address", "whoever whomever whatever anyone anybody person people human reader "
          "evaluat grader assessor examiner marker scorer reviewer judge rater screener recruiter "
          "hiring model llm assistant gpt claude gemini copilot bot _ai",
          rf"""\b(?:(?:whoever|whomever|anyone|anybody|whatever)(?:\s+or\s+(?:whoever|whatever
          |whichever\s+\w+))?|(?:the\s+)?(?:person|people|one|human|reader
          |{GRADER})s?(?:\s+or\s+(?:\w+\s+)?\w+)?)\s+(?:who\s+|that\s+)?(?:is\s+|are\s+|will\s+
          (?:be\s+)?|might\s+(?:be\s+)?)?{_GRADE_VERB}\s+(?:this|these|my|me)\b"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring model llm assistant gpt claude gemini copilot bot  ai",
          rf"""\b(?:if\s+you\s+are|as|you|you're|you\s+are|dear)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?
          {GRADER}\s+(?:who\s+is\s+|that\s+is\s+)?{_GRADE_VERB}\s+(?:this|these|my|the\s+candidate)"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring model llm assistant gpt claude gemini copilot bot _ai",
          rf"""(?:^|(?<=[.!?:;\n(]))\s*(?:to|for)\s+(?:the|any|whichever|whatever)\s+(?:\w+\s+)?(?:{GRADER}
          |system|program|software|process)s?\s+
          (?:(?:who|that|which)\s+)?(?:(?:is|are)\s+)?(?:grad|scor|evaluat|assess|mark|rat|judg|screen)\w*\s+(?:this|these
          |my|me|candidates|applicants|answers|responses|submissions)\b"""),
    rule("grader_address", "if_you_are",
          r"""\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|a\.i\.|llm|language\s+model|model|bot|machine
          |automated|artificial|computer|program|chatbot|assistant)\b"""),
    # ---- score and verdict claims
    rule("score_claim", "deserv merit earn warrant worth should must scores gets receiv achiev "
          "rated graded scored marked",
          rf"(?:{_THIS}|\bi)\s+(?:\w+\s+)?{_CLAIM}\b{_SENTENCE}{{0,40}}?{_TOP}"),
    rule("score_claim", "give assign award grant rate grade score mark rank evaluat assess judg "
          "classif label put set record consider treat recommend",
          rf"""{_IMPERATIVE}{_HAND_OUT}\s+{_TARGET}\b(?:\s+accordingly\b|{_SENTENCE}{{0,50}}?(?:{_TOP}
          |\bas\s+(?:an?\s+|the\s+)?{_TOP_WORD}\b|\bas\s+(?:though|if)\s+(?:it|this|i)\s+(?:were|was)
          \s+(?:\w+\s+){{0,3}}?{_TOP_WORD}\b))"""),
    rule("score_claim", "score grade rating mark evaluation verdict recommendation assessment "
          "outcome result",
          rf"""\b(?:final|overall|total|correct|right|fair|true|real|proper|appropriate|only
          \s+reasonable|accurate|expected|intended|desired|target|deserved)\s+(?:score|grade|rating
          |mark|evaluation|verdict|recommendation
          |assessment|outcome|result)\b{_SENTENCE}{{0,50}}?(?:\b(?:is|should\s+be|must\s+be|will\s+be
          |would\s+be)\b|=|:)\s*{_SENTENCE}{{0,25}}?{_TOP}"""),
    rule("score_claim", "give assign award grant return output produce",
          rf"""{_IMPERATIVE}(?:give|assign|award|grant|return|output|produce)\s+(?:{_TARGET}\s+(?:the\s+
          |a\s+|an\s+)?{_TOP}|(?:the\s+|a\s+|an\s+)?{_TOP}\s+(?:to|for)\s+{_TARGET})"""),
    rule("score_claim", "approv pass hire shortlist accept advance select",
          r"""(?:^|(?<=[.!?:;,\n"'(])\s*|\b(?:please|kindly|just|simply|now|so|then|and)\s+(?:\w+\s+)?)
          (?:approve|pass|hire|shortlist|accept|advance|select)\s+(?:this|the|that)\s+(?:\w+\s+)?
          (?:candidate|applicant|person|individual|interviewee|answer|response|submission)\b"""),
    rule("score_claim", "verdict recommendation outcome decision result score grade rating",
          rf"""\b(?:verdict|recommendation|outcome|decision|result|score|grade|rating)\s+(?:for|on|of)
          \s+{_THIS}\s*(?::|=|-|\bis\b|\bshould\s+be\b|\bmust\s+be\b)\s*{_SENTENCE}{{0,25}}?(?:{_TOP}
          |\b(?:pass|hire|approved?|accept|advance|yes)\b)"""),
    rule("score_claim", "answer response submission",
          rf"""\b(?:an?\s+|the\s+)?(?:answers?|responses?|submissions?)\s+(?:like\s+(?:this|mine)|of\s+this
          \s+(?:quality|kind|calibre|caliber|standard))\s+(?:is|are|deserves?|merits?|earns?
          |would\s+(?:be|get|earn|receive)|belongs?\s+in|sits?\s+in|falls?\s+in)\b{_SENTENCE}{{0,40}}?
          (?:{_TOP}|\b{_TOP_WORD}\b)"""),
    rule("score_claim", "assign award give grant",
          rf"""{_IMPERATIVE}(?:assign|award|grant)\s+(?:the\s+|a\s+)?(?:highest|top|maximum|max|best
          |full)\s+(?:level|band|score|scores|mark|marks|grade|rating|tier)\b"""),
    rule("score_claim", "approv select screen signed",
          r"""\bthis\s+(?:candidate|applicant)\s+(?:has|have|had|was|is)\s+(?:already\s+)?(?:been\s+)?
          (?:already\s+)?(?:pre-?approved|pre-?selected|pre-?screened|approved|selected|signed\s+off)\b"""),
    rule("score_claim", "should must will would shall",
          r"""\b(?:evaluation|assessment|screening|interview|grading|scoring)\s+(?:result|outcome|score|grade
          |rating|verdict|decision)s?\s+(?:should|must|will|would|shall)\s+(?:read|say|state)\b"""),
    rule("score_claim", "recommend",
          r"""\brecommend(?:ed|s|ing)?\s+(?:advancing|moving|progressing|sending)\s+to\s+the\s+(?:next|final)
          \s+(?:round|interview)\b(?!\s+of\b)"""),
    rule("score_claim", "round",
          r"""\b(?:allowed|free|welcome|permitted)\s+to\s+round\s+(?:\w+\s+)?up\b|\bround\s+(?:me|this
          \s+answer|my\s+(?:answer|score|grade|mark|rating))\s+up\b"""),
    rule("score_claim", "generous lenient",
          r"""\b(?:be|go)\s+(?:\w+\s+)?(?:generous|lenient)\s+(?:with|on|to|toward|towards)\s+(?:this\s+(?:one
          |answer|response|submission)|my\s+(?:answer|response|submission|grade|score)|me)\b"""),
    rule("score_claim", "through",
          r"""\blet\s+(?:this\s+(?:one|answer|response|application)|my\s+(?:answer|application
          |response))\s+through\b|\blet\s+me\s+through\s+to\s+the\s+(?:next|final)\s+(?:round|stage
          |interview)"""),
    rule("score_claim", "treated considered regarded read counted marked scored graded rated",
          rf"""(?:{_THIS})\s+(?:should\s+be\s+|must\s+be\s+|to\s+be\s+|be\s+)?(?:treated|considered|regarded
          |read|counted|marked|scored|graded|rated)\s+as\s+(?:an?\s+|the\s+)?{_TOP_WORD}\b"""),
    rule("score_claim", "answer response submission candidate applicant",
          rf"{_TOP}[\s-]+(?:[\w-]+[\s-]+){{0,2}}(?:answer|response|submission|candidate|applicant)\b"),
    rule("score_claim", "recommendation verdict decision",
          r"""(?:^[ \t>*-]*|(?<=[.!?)])[ \t]+)(?:final\s+|overall\s+|my\s+|recommended\s+)?
          (?:recommendation|verdict|decision|outcome)[ \t]*[:=]
          [ \t]*(?:strong[\s_-]?(?:yes|hire)|hire|yes|pass(?:ed)?|approved?|accept(?:ed)?
          |(?:move|advance)\s+to\s+(?:the\s+)?(?:next|final)\s+(?:round|stage|interview))\b
          (?:[ \t]+(?:immediately|now|today|asap|at\s+once|without\s+(?:delay|reservation
          |hesitation)))?
          (?=[ \t]*(?:[.!;)\n]|$|,[ \t]*(?:\d+[ \t]*(?:/|of\b|out\b)|strong|top|full
          |no\s+concerns)))"""),
    rule("score_claim", "score grade rating overall",
          rf"""(?<=[.!?)])[ \t]+(?:score|grade|rating|overall(?:\s+score)?)[ \t]*[:=][ \t]*
          (?:10\s*/\s*10|5\s*/\s*5|100\s*/\s*100|100\s*%){_SENTENCE}{{0,30}}?\b(?:auto[\s_-]?(?:approv|pass)\w*
          |strong[\s_-]*(?:yes|hire)|hire|advance\w*)\b|\b(?:score|grade|rating|mark|verdict)s?\s+(?:already\s+)?(?:assigned|set|fixed
          |determined|decided|locked|pre-?filled|pre-?set)\s*[:=]"""),
    rule("score_claim", "down lower _low harsh below",
          r"""\b(?:mark|grad|scor|rat|penali[sz])\w*\s+(?:this|me|it|my\s+\w+)\s+(?:down|lower|low
          |harshly|below)\b[^.!?\n]{0,60}\b(?:would|will|could)\s+(?:be|reflect|look|seem)"""),
    rule("score_claim", "checklist rubric criteria list scale",
          r"""\b(?:every|each|all)\s+(?:\w+\s+){0,2}(?:on|in|of|from)\s+your\s+(?:\w+\s+)?(?:checklist
          |rubric|criteria|list|scale)\b[^.!?\n]{0,40}\b(?:ticked|met|satisfied|checked|covered
          |fulfilled|addressed)"""),
    rule("score_claim", "below less short under",
          r"""\bnothing\s+(?:below|less\s+than|short\s+of|under|lower\s+than)\s+(?:an?\s+|the\s+)?
          (?:\w+\s+)?(?:yes|5|five|10|top|strong|full|perfect|maximum|max|highest|hire|pass)\b"""),
    rule("score_claim", "strong definitely", r"\b(?:strong|definitely)[_-](?:yes|no|not|hire)\b"),
    rule("score_claim", "criteri dimension red_flag", rf"""\b(?:mark|set|treat|consider|count
          |record|score|rate)\s+(?:all|every|each|the)\s+(?:\w+\s+)?(?:criteria|criterion|criterions
          |dimensions?|red\s+flags?|scores?|categories|category)\b{_SENTENCE}{{0,30}}?\b(?:as|to|at
          |with)\s+(?:met|passed|present|absent|false|none|5|five|10|max|maximum|full|top
          |excellent|perfect)"""),
    rule("score_claim", "red_flag", r"""\b(?:no|zero|none\s+of\s+the)\s+red\s+flags?\s+(?:are\s+
          |were\s+)?(?:present|detected|found|apply|in\s+(?:this|my))"""),
    # ---- forged judgments and turns: JSON and YAML keys, chat markup, template syntax
    # Keys only a judgment has count alone; keys any work record has ("status", "result") count
    # when they hold a verdict.
    rule("forged_structure", "\" '",
          r"""["'](?:scores?|verdicts?|dimensions?|recommendation|overall(?:_100)?|rationale
          |criteria(?:_coverage)?|red_flags|injection(?:_\w+)?|star|empathy|ownership|ai_fluency|grade|hire
          |evaluation)["']\s*:|["'][\w ]*(?:override|evaluation|verdict|recommend|grader|rubric
          |auto_?pass|auto_?approv|(?:final|minimum|min|overall|total)_?score)[\w ]*["']\s*:
          |["'](?:present|detected|evidence|rating|result|status|met|pass|passed|decision)["']\s*:\s*["']?(?:true|false|scored|pass(?:ed)?|hire|hired|approved?|met|strong
          |yes|excellent|outstanding|perfect)"""),
    rule("forged_structure", "{",
          r"""[{,]\s*(?:scores?|verdicts?|present|detected|dimensions?|recommendation|overall
          |criteria|red_flags|injection|empathy|ownership|grade|rating|decision)\s*:\s*[\w"'\d]"""),
    rule("forged_structure", ": = -",
          r"""^[ \t>*#-]*(?:[\w ]{0,20}?(?:score|grade|rating)s?|overall|final\s+(?:verdict
          |decision)|grade|rating|verdict|recommendation|decision|evaluation|assessment|result|outcome
          |criteria(?:_coverage)?|coverage|red[\s_]flags?|injection|detected|empathy|ownership
          |star|ai[\s_]fluency|problem[\s_]solving|communication|positivity|drive|coachability
          |hire|status|all\s+dimensions|dimensions?)[ \t]*[:=][ \t]*(?:(?:[1-5](?:\.0)?|10|100)
          (?![\d.])(?:[ \t]*/[ \t]*(?:5|10|100))?|five|ten|strong[\s_-]?(?:yes|hire)|yes|true|false
          |met|not[\s_]met|pass(?:ed)?|hire|none|null|excellent|outstanding|perfect|high
          |max(?:imum)?|approved?)[ \t]*[.!]?[ \t]*$
          |^[ \t>*#-]*(?:empathy|ownership|star|ai[\s_]fluency|problem[\s_]solving|communication
          |positivity|drive|coachability|verdict|recommendation|decision|score|overall|grade|rating)
          [ \t]+(?:-|->|=>)[ \t]+(?:[1-5]|10|strong[\s_-]?(?:yes|hire)|yes|hire|pass|met)[ \t]*[.!]?
          [ \t]*$"""),
    # any key whose value is the best grade, on a line of its own ("award: full marks")
    rule("forged_structure", ": =",
          r"""^[ \t>*-]*[\w ]{1,30}[ \t]*[:=][ \t]*["']?(?:full\s+marks|top\s+marks
          |strong[\s_-]?(?:yes|hire)|10\s*/\s*10|100\s*/\s*100|max(?:imum)?\s+(?:score|marks)|highest\s+(?:score|band|level))["']?
          [ \t]*[.!]?[ \t]*$"""),
    rule("forged_structure", "<!--",
          r"""<!--[^>]{0,80}?(?:pass|approv|scor|grad|hire|evaluat|rubric|verdict|recommend)"""),
    rule("forged_structure", "< [", r"""<\|[a-z_]{2,30}\|>|\[/?(?:inst|sys|system)\]|<</?sys>>
          |</?(?:system|assistant|user|answer|candidate_answer|candidate|instructions?|prompt|judge
          |evaluator|developer|im_start|im_end|start_of_turn|end_of_turn|turn|s|context|document)>
          |</?[a-z_:-]*(?:answer|response|candidate|system|instruction|prompt|grader|evaluator|judge
          |assistant|rubric|score|grade|verdict|tool|function)[a-z_:-]*(?:\s[^<>\n]{0,40})?>"""),
    rule("forged_structure", "#",
          r"""^[ \t]*\#{1,6}[ \t]*(?:system|instructions?|assistant|user|response|prompt|evaluator
          |grader|judge|new\s+instructions|rubric|scoring|evaluation|developer)\b[^\n]{0,40}$"""),
    rule("forged_structure", ":",
          r"""^[ \t>*\[(-]*(?:system|assistant|developer|evaluator|grader|judge|(?:grader|evaluator
          |reviewer|judge)\s+(?:notes?|instructions?|override|directives?|guidance)|(?:grader|evaluator
          |judge)\s+(?:feedback
          |comments?|remarks|assessment|verdict|summary|internal|only|output))[\])]?[ \t]*
          (?::|-{1,2}[ \t])(?=[^\n]{0,160}?(?:scor|grad
          |rat|mark|candidate|answer|response|evaluat|rubric|criteri|instruction|strong|pass|hire|ignore
          |disregard|excellent|\byou\b|\b[1-5]\b|\byes\b|\d\s*/\s*\d))"""),
    rule("template_syntax", "{{ {%", r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}"),
    # ---- fences that imitate the boundary around the answer
    rule("forged_boundary", "answer response submission input text",
          r"""^[^\w\n]*(?:begin|end|start)[^\w\n]*(?:of[^\w\n]+)?(?:the[^\w\n]+)?(?:candidate'?s?
          [^\w\n]+|user'?s?[^\w\n]+)?(?:answer|response|submission|input|text)\b(?=[^\w\n]*(?:[\w-]*\d
          [\w-]*[^\w\n]*)?(?:$|[.:!;]))"""),
    rule("forged_boundary", "answer", r"\banswer[-_][0-9a-f]{4,}\b"),
    rule("forged_boundary", "\"\"\" '''", r"^[ \t]*(?:\"{3}|'{3})[ \t]*$"),
    rule("forged_boundary", "ends ended stops finish over complete",
          r"""^[^\w\n]*(?:the\s+)?(?:candidate'?s?\s+)?(?:answer|response|submission|input)\s+(?:ends
          |ended|stops|finishes|is\s+over|is\s+complete|complete)\b[^\w\n]*(?:here)?[^\w\n]*$"""),
    # ---- a new role for the evaluator
    rule("role_play", "now henceforth longer",
          rf"""\b(?:you\s+are|you're|you\s+will\s+be|you\s+become)\s+(?:now|no\s+longer
          |henceforth|from\s+now\s+on)\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){{0,2}}{_ROLE}\b"""),
    rule("role_play", "now",
          r"\byou\s+are\s+now\s+(?:called\s+|named\s+)?[\w-]+\s*,\s*(?:an?|the|my)\b"),
    rule("role_play", "you're you_are character",
          rf"""\byou(?:'re|\s+are)\s+(?:now\s+)?["']\w[\w -]{{0,30}}["']\s*,\s*(?:an?|the)\s+
          (?:\w+\s+){{0,2}}(?:{_ROLE}|(?:hiring|team)\s+lead)\b|\b(?:stay|remain)\s+in\s+(?:character|role)\s+(?:no\s+matter
          |whatever|regardless|throughout|until)"""),
    rule("role_play", "now_on henceforth",
          r"\b(?:from\s+now\s+on|henceforth)[,\s]+(?:you\s+are|you're|you\s+will\s+(?:be|act))\b"),
    rule("role_play", "pretend imagine suppose assume",
          rf"""\b(?:pretend|imagine|suppose|assume)\s+(?:for\s+a\s+(?:moment|minute|second)\s+)?(?:that\s+)?
          (?:you\s+are|you're|you\s+were)
          \s+(?:an?\s+|the\s+|my\s+)?(?:\w+'?s?\s+){{0,2}}(?:{_ROLE}|biggest|best|greatest)\b"""),
    # "pretend you are the customer" sets up training role-play, not a new role for a grader
    rule("role_play", "pretend",
          rf"""\bpretend\s+(?:that\s+)?(?:you\b(?!(?:\s+are|'re)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?
          (?:customer|caller|client|guest|shopper|patient|agent|trainee)s?\b)|to\s+be\s+(?:an?|the|my)
          \s+(?:\w+\s+){{0,2}}{_ROLE})\b"""),
    rule("role_play", "evaluator grader examiner assessor reviewer marker scorer judge rater "
          "recruiter interviewer hiring _ai assistant model bot",
          rf"""{_IMPERATIVE}(?:act|behave|respond|answer|function|operate|role[\s-]?play|play\s+the
          \s+role\s+of|take\s+the\s+role\s+of)\s+(?:as\s+)?(?:if\s+you\s+(?:were|are)\s+)?(?:[\w-]+\s*,
          \s*)?(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){{0,2}}{_GRADING_ROLE}\b"""),
    rule("role_play", "mode",
          r"""\b(?:switch|change|enter|go|turn|put\s+yourself)\s+(?:in)?to\s+(?:an?\s+|the\s+|your\s+)?
          (?:\w+\s+)?(?:unrestricted|unfiltered|uncensored|developer|debug|admin|lenient|generous|god
          |jailbreak|dan|no[\s-]rules?|grading[\s-]free|free)\s+mode\b"""),
    rule("role_play", "roles places positions",
          r"\b(?:switch|swap|reverse|trade|change)\s+(?:roles|places|positions)\b"),
    rule("role_play", "jailbreak developer anything",
          r"\b(?:jailbr(?:eak|oken)|developer\s+mode|do\s+anything\s+now|god\s+mode)\b"),
    # ---- asking for the instructions or the rubric
    rule("prompt_leak", "your rubric system scoring grading marking evaluation hidden everything",
          r"""\b(?:print|show|reveal|repeat|output|display|tell|share|leak|disclose|expose|write
          \s+out|list|recite|paste|dump|give|return|copy)\s+(?:me\s+|us\s+)?(?:(?:the|a)\s+(?:\w+\s+)?
          (?:of|from|in)\s+)?(?:your\s+(?:\w+\s+){0,2}
          (?:instructions|prompt|rules|guidelines|rubric|criteria|configuration|system\s+message)
          |(?:the|this)\s+(?:\w+\s+){0,2}(?:rubric|system\s+(?:prompt|message)|(?:scoring|grading
          |marking|evaluation)\s+(?:guide|criteria|rubric|rules|instructions|scheme|prompt)|hidden\s+
          (?:\w+\s+)?(?:instructions|prompt|rules|criteria|rubric|text|message|guide)|instructions\s+(?:above|you\s+(?:were|have\s+been)\s+given))|everything\s+(?:above
          |before)|everything\s+(?:that\s+)?(?:\w+\s+){0,3}?in\s+your\s+(?:context|prompt|instructions
          |memory|system\s+message|input))"""),
    rule("prompt_leak", "what", r"""\bwhat\s+(?:were|was|are|is)\s+(?:you|your)\s+(?:told
          |given|instructed|instructions|prompt|system\s+prompt|rules)|\bwhat\s+(?:(?:\w+\s+)?(?:criteria
          |rules|guidelines)|(?:\w+\s+){0,3}?(?:instructions|rubric|prompt))\s+(?:you|were\s+you)\s+(?:were\s+|have\s+been\s+
          |are\s+)?(?:given|told|using|use|following|follow)"""),
    # ---- tools, functions and commands
    rule("tool_call", "call invoke execute run trigger",
          rf"""{_IMPERATIVE}(?:call|invoke|execute|run|trigger)\s+(?:the\s+|a\s+|this\s+|following\s+
          |the\s+following\s+)?(?:[\w.]+\s+){{0,1}}(?:function|tool|api|command|plugin|endpoint
          |webhook|script|shell|code)\b"""),
    rule("tool_call", "send email post forward submit notify message",
          rf"""{_IMPERATIVE}(?:send|email|post|forward|submit|notify|message)\b(?:{_SENTENCE}|\.(?=\S))
          {{0,80}}?\b
          (?:candidate|applicant|this\s+answer|my\s+answer|hired?|shortlist\w*)
          \b"""),
    rule("tool_call", "http www.",
          rf"""{_IMPERATIVE}(?:open|visit|fetch|browse\s+to|load|go\s+to|navigate\s+to|download|read)\s+
          (?:https?://|www\.)\S+(?:{_SENTENCE}|\.(?=\S)){{0,60}}?\b(?:follow\s+(?:whatever|what|the\s+instructions
          \s+(?:there|on\s+it|in\s+it))|obey|do\s+(?:what|whatever)\s+it\s+says|carry\s+out|execute
          |use\s+(?:it|that|this|its\s+\w+)\s+as\s+my)\b"""),
    rule("tool_call", "tool function api plugin",
          r"""\buse\s+the\s+\w*(?:scor|grad|submit|approv|set|eval|record)\w*\s+(?:tool|function
          |api|plugin)\b"""),
    rule("tool_call", "(", r"""\b[a-z]+_[a-z_]+\([^()\n]{0,80}\)
          |\b[a-z_]+(?:\.[a-z_]+)+\([^()\n]{0,80}\)|\b[a-z_]+\(\s*[a-z_]+\s*=[^()\n]{0,80}\)"""),
    rule("tool_call", "tool function invoke", r"""</?(?:tool_call|function_call|tool_use|invoke
          |function_calls|tool_result)>|["'](?:function|tool|arguments|tool_calls|function_call|tool_use
          |tool_call|tool_name|function_name)["']\s*:"""),
    rule("tool_call", "action",
          r"""^[ \t>*-]*action[ \t]*:[ \t]*[a-z]+_[a-z_]+[ \t]*$
          |^[ \t>*-]*action[ \t_]+input[ \t]*:"""),
    rule("tool_call", "function tool action",
          r"\b(?:function_call|function_name|tool_calls?|tool_use|tool_name)\s*[:=]"),
    rule("tool_call", "--", r"\b[a-z][\w.-]*(?:\s+--?[a-z][\w-]*(?:[= ][^\s-]\S*)?){2,}"),
    rule("tool_call", "your", r"""\buse\s+your\s+(?:\w+\s+)?(?:tool|tools|function|plugin|api
          |browser|access|email|connector)\b"""),
    rule("tool_call", "curl wget os.system subprocess rm_-rf",
          r"\b(?:curl|wget)\s+https?://|\bos\.system\b|\bsubprocess\b|\brm\s+-rf\b"),
)  # fmt: skip
