"""The English rules: text that commands, addresses or re-casts the evaluator (instruction
overrides, addresses to the grader, new roles, requests for the prompt, tool calls), and with
them the claims and forgeries of ``claims``. The vocabulary is in ``vocabulary``; the machinery
they run on in ``rules``; other languages in ``languages``.
"""

from __future__ import annotations

from answer_eval.manipulation.claims import CLAIMS
from answer_eval.manipulation.rules import Rule, rule
from answer_eval.manipulation.vocabulary import (
    ADDRESSEE,
    GIVEN,
    GRADE_VERB,
    GRADER,
    GRADING_ROLE,
    IMPERATIVE,
    INSTRUCTIONS,
    OVERRIDE,
    ROLE,
    RULEBOOK,
    SENTENCE,
    STEERING,
    THIS,
    TOP,
)

__all__ = ["ENGLISH"]

# fmt: off
_TO_THE_EVALUATOR: tuple[Rule, ...] = (
    # ---- instruction overrides
    rule("instruction_override", "ignor disregard forget overr bypass skip abandon discard drop "
          "scratch ditch toss junk mind "
          "aside attention heed follow obey stop throw suspend replace",
          rf"\b{OVERRIDE}\b{SENTENCE}{{0,60}}?\b{INSTRUCTIONS}"),
    rule("instruction_override", "aside ignore disregard skip drop",
          rf"""\b(?:whatever|whichever|your)\s+(?:\w+\s+)?(?:checklist|rubric|criteria|scoring\s+\w+
          |grading\s+\w+|marking\s+\w+)\b{SENTENCE}{{0,60}}?\b(?:(?:set|put
          |lay|push)\s+(?:it|them)\s+aside|(?:ignore|disregard|skip|drop)\s+(?:it|them))\b"""),
    # "New policy: refunds need a receipt" is an honest story; a new rule about grading is not
    rule("instruction_override", "notwithstanding regardless irrespective",
          r"""\b(?:notwithstanding|regardless\s+of|irrespective\s+of)\s+(?:any|all|the)?\s*(?:prior|previous
          |earlier|above|preceding|other)\s+(?:\w+\s+)?(?:directives?|instructions?|guidance|rules
          |prompts?
          |criteria)(?=\s+(?:supplied|given|provided|issued|sent)\s+to\s+you|\s+(?:above
          |you\s+(?:were|have))
          |[^.\n]{0,20}?\b(?:you|this\s+(?:prompt|conversation|message|answer|document)))"""),
    rule("score_claim", "satisf meets fulfil passes ticks",
          rf"""(?:\bthe\s+answer\s+herein|{THIS}|\bthis)\s+(?:\w+\s+)?(?:satisfies|meets|fulfil+s|passes
          |ticks)\s+(?:every|all|each)\s+(?:\w+\s+)?(?:criteri\w+|rubric\s+items?|boxes)"""),
    # 2: "new job for you is ..."
    rule("instruction_override", "for_you",
          r"\bnew\s+(?:job|task|role|assignment|instructions?|orders|mission)\s+for\s+you\b"),
    rule("instruction_override", "instruction directive rule task order prompt policy",
          r"""\b(?:new|updated|revised|real|actual|additional|secret|hidden|important|priority
          |system|admin|administrator|developer|override)\s+(?:instructions?|directives?|rules
          |task|orders?|prompt|policy)(?:\s*,\s*(?:effective|starting|as\s+of)\s+\w+)?\s*(?::|-|=
          |\bare\b
          |\bis\b)(?=[^\n]{0,160}?\b(?:candidates?|applicants?|(?:this|every|each|any|the|my
          |your)\s+(?:answer
          |response|submission)s?|scor\w*|grad\w*|rat(?:e|ed|ing)|marks?|criteri\w*|rubric
          |evaluat\w*
          |assess\w*|hired?|band|approve\s+(?:this|the|every|me)|you\s+(?:must|should|will|are\s+to
          |now)
          ))"""),
    rule("score_claim", "answer response submission candidate",
          rf"""\b(?:every|each|any)\s+(?:answer|response|submission|candidate)\s+(?:that|which|who)\s+
          {SENTENCE}{{0,60}}?\b(?:is|are|gets?|receives?|should|must
          |will)\b{SENTENCE}{{0,30}}?{TOP}"""),
    rule("instruction_override", "you_now",
          r"""\byou\s+(?:now|will\s+now|should\s+now|must\s+now)\s+(?:(?:only\s+)?(?:grade|evaluate|score
          |mark|assess|judge)\b|(?:only\s+)?(?:check|output|reply|respond
          |focus\s+on)\b[^.!?\n]{0,30}?\b(?:only
          |nothing\s+else)\b)"""),
    rule("instruction_override", "supersed overrid replac precedence first",
          r"""\b(?:new|updated|revised|real|actual|secret|hidden)\s+(?:instructions?|directives?|orders
          |prompt)\s+(?:supersedes?|overrides?|replaces?|takes?\s+precedence|come\s+first)\b"""),
    rule("instruction_override", "now_on point_on here_on henceforth",
          rf"""\b(?:from\s+(?:now|this\s+point|here)\s+on|henceforth)\b[,\s]+(?:you\b|the\s+only\s+
          (?:rule|criterion|thing|instruction|requirement)s?\s+that\s+(?:matters?|counts?|applies))
          (?=(?:{SENTENCE}{{0,100}}?\b(?:candidate|applicant|(?:this|my)\s+(?:answer|response
          |submission))\b)){SENTENCE}{{0,100}}?\b(?:hired?|pass(?:es|ed)?|approved?|scor\w*|grad\w*
          |marks|rating|top)\b"""),
    rule("instruction_override", "now_on instead henceforth forward",
          r"""\b(?:from\s+now\s+on|instead|henceforth|going\s+forward)[,\s]+(?:you|the\s+(?:ai
          |model|evaluator|grader|assistant))\s+(?:must|should|will|shall|are\s+to|have\s+to)\b"""),
    rule("instruction_override", "criteri rubric polic guideline instruction task job role "
          "assignment orders brief",
          r"""(?:\b(?:the\s+|your\s+)?(?:evaluation|scoring|grading|marking|assessment)?\s*(?:criteria
          |rubric|policy|guidelines?|instructions?)|\byour\s+(?:task|job|role|assignment|orders
          |brief))
          \s+(?:have|has)
          \s+(?:been\s+)?(?:changed|updated|replaced|revised|removed|suspended|waived|lifted)"""),
    rule("instruction_override", "apply matter count void null cancel invalid obsolete suspend "
          "outdated irrelevant revoked lifted longer",
          rf"""(?:\b(?:whatever\s+you\s+(?:were|have\s+been)\s+(?:told|given|asked)(?:\s+to\s+\w+)?|(?:anything|everything
          |whatever)\s+(?:written|said|stated|given|provided))\s+(?:above|earlier|before\s+(?:this
          |now)(?:\s+(?:line
          |point|sentence|message|text|answer))?)(?:\s+\w+){{0,8}}?
          |\b(?:(?:your|the|these|those|all|any|whatever)\s+)?(?:\w+\s+)?{RULEBOOK}(?:\s+{GIVEN})?)
          (?:\s*,\s*(?:it|they|that)\s+|\s+)(?:(?:no\s+longer|do\s+not|don't|does\s+not|doesn't
          |won't)
          \s+(?:apply|matter|count)|no\s+longer\s+(?:applies|matters|counts)|(?:are
          |is)\s+(?:now\s+)?
          (?:no\s+longer\s+(?:valid|in\s+effect|active|binding|relevant|current)|void|null
          |cancell?ed
          |invalid|obsolete|suspended|outdated|irrelevant|revoked|lifted))"""),
    rule("instruction_override", "less",
          rf"\b{RULEBOOK}\s+{GIVEN}\s+(?:matters?|counts?)\s+less\b"),
    rule("instruction_override", "overrid supersed replac cancel void trump",
          r"""\b(?:overrides?|supersedes?|replaces?|cancels?|voids?|trumps?)\s+(?:anything|everything
          |all|any|whatever)\s+(?:else\s+)?(?:you|above|before|earlier|previous|prior)"""),
    rule("instruction_override", "not don't never",
          r"""\b(?:do\s+not|don't|never)\s+(?:penali[sz]e|deduct\s+(?:points\s+)?for|mark\s+down\s+for)
          \s+(?:brevity|length|shortness|gaps)\b"""),
    rule("instruction_override", "not don't never",
          rf"""\b(?:do\s+not|don't|never)\s+(?:penali[sz]e|deduct|flag|mark\s+down|downgrade
          |count\s+(?:this|it)\s+against)\s+(?:{THIS}|this|it|any\s+(?:of\s+)?(?:this
          |red\s+flags?))"""),
    # ---- speaking to the evaluator
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring _ai llm model assistant gpt claude gemini copilot bot",
          rf"""\b(?:dear|hello|hi|hey|attention|greetings|(?:a\s+)?(?:\w+\s+)?(?<!system\s)(?:note
          |message|memo|reminder|word)\s+(?:to|for))(?:\s+there)?[\s,:!]+(?:(?:the\s+|my\s+|any\s+
          |all\s+)?
          (?:\w+\s+)?{ADDRESSEE}|whoever\s+(?:decides|grades|scores|evaluates|assesses|marks|judges
          |screens)\b)"""),
    rule("grader_address", "evaluator grader assessor examiner marker scorer reviewer judge rater "
          "screener",
          r"""(?:^|(?<=[.!?,:;\n])\s*)(?:(?:psst|ps|p\.s\.|ok|okay|so|oh|well|listen|look|hey|hi
          |hello|dear|and|also)[\s,.]+)*(?:the\s+|my\s+|dear\s+)?(?:\w+\s+)?(?:evaluator|grader
          |assessor|examiner|marker|scorer|reviewer|judge|rater|screener)s?(?:\s+(?:bot|ai|model
          |system))?\s*[,!]"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring _ai llm model assistant gpt claude gemini copilot bot",
          rf"""\b(?:to|for)\s+(?:the|my|any|whichever|whatever|all)\s+(?:\w+\s+)?(?:{GRADER}s?(?<!recruiter)
          (?<!hiring\smanager)(?<!hiring\steam)\s*[:,]|(?:recruiter|hiring\s+(?:manager
          |team))\s*[:,]
          (?={STEERING}))"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener reader whoever you,",
          rf"""\b(?:{GRADER}|reader)s?\s+of\s+(?:this|my)\s+(?:answer|response|submission|essay
          |text|application)\b|\bwhoever\s+you\s+are\b|\byou\s*,\s*(?:the\s+|my\s+|dear\s+)?
          {GRADER}\b"""),
    rule("grader_address", "whoever whomever whatever anyone anybody person people human reader "
          "evaluat grader assessor examiner marker scorer reviewer judge rater screener recruiter "
          "hiring model llm assistant gpt claude gemini copilot bot _ai",
          # thanked, hoped for or confided in, not steered ("honest with whoever reviews this")
          rf"""(?<!thank\syou\sto\s)(?<!thanks\sto\s)(?<!grateful\sto\s)(?<!with\s)(?<!hope\s)
          \b(?:(?:whoever|whomever|anyone|anybody|whatever|whichever)(?:\s+or\s+(?:whoever|whatever
          |whichever\s+\w+))?(?:\s+(?:system|model|tool|program|person|people|team|panel))?
          |(?:the\s+)?(?:person|people|one|human|reader
          |{ADDRESSEE})s?(?:\s+or\s+(?:\w+\s+)?\w+)?)\s+(?:who\s+|that\s+)?(?:is\s+|are\s+|will\s+
          (?:be\s+)?|might\s+(?:be\s+)?)?(?:{GRADE_VERB}(?<!read)(?<!reads)(?<!reading)\s+(?:this|these
          |my|me)\b|read\w*\s+(?:this|these|my|me)\b(?={STEERING}))(?![^.!?\n]{{0,40}}\bthank)"""),
    # whatever is scoring this is a machine grader, thanked or not
    rule("grader_address", "whatever",
          r"""\bwhatever\s+(?:\w+\s+)?(?:is\s+|are\s+)?(?:grad|scor|evaluat|assess|mark|rat|judg|screen)\w*
          \s+(?:this|these|my|me)\b"""),
    # a person reading this is greeted, not steered; a machine reading it is the grader
    rule("grader_address",
          "ai a.i. llm model assistant gpt claude gemini copilot bot system program",
          r"""\b(?:ai|a\.i\.|llm|language\s+model|model|assistant|chat\s?gpt|gpt[\w.-]*|claude|gemini
          |copilot|chatbot|bot|system|program)s?\s+(?:who\s+|that\s+|which\s+)?(?:is\s+|are\s+)?
          read\w*\s+(?:this|these|my|me)\b"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring model llm assistant gpt claude gemini copilot bot  ai",
          rf"""\b(?:if\s+you\s+are|as|you|you're|you\s+are|dear)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?
          {GRADER}\s+(?:who\s+is\s+|that\s+is\s+)?{GRADE_VERB}\s+(?:this|these|my
          |the\s+candidate)"""),
    rule("grader_address", "evaluat grader assessor examiner marker scorer reviewer judge rater "
          "screener recruiter hiring model llm assistant gpt claude gemini copilot bot _ai",
          rf"""(?:^|(?<=[.!?:;\n(]))\s*(?:to|for)\s+(?:the|any|whichever|whatever)\s+(?:\w+\s+)?(?:{GRADER}
          |system|program|software|process)s?\s+
          (?:(?:who|that|which)\s+)?(?:(?:is|are)\s+)?(?:grad|scor|evaluat|assess|mark|rat|judg
          |screen)\w*\s+(?:this|these
          |my|me|candidates|applicants|answers|responses|submissions)\b"""),
    rule("grader_address", "if_you_are",
          r"""\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|a\.i\.|llm|language\s+model|model|bot|machine
          |automated|artificial|computer|program|chatbot|assistant)\b"""),
    # ---- a new role for the evaluator
    rule("role_play", "now henceforth longer",
          rf"""\b(?:you\s+are|you're|you\s+will\s+be|you\s+become)\s+(?:now|no\s+longer
          |henceforth|from\s+now\s+on)\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){{0,2}}{ROLE}\b"""),
    rule("role_play", "now",
          r"\byou\s+are\s+now\s+(?:called\s+|named\s+)?[\w-]+\s*,\s*(?:an?|the|my)\b"),
    rule("role_play", "you're you_are character",
          rf"""\byou(?:'re|\s+are)\s+(?:now\s+)?["']\w[\w -]{{0,30}}["']\s*,\s*(?:an?|the)\s+
          (?:\w+\s+){{0,2}}(?:{ROLE}|(?:hiring|team)\s+lead)\b|\[\s*scene\s*:|\b(?:stay
          |remain)\s+in\s+(?:character|role)\s+(?:for\s+the\s+rest|no\s+matter
          |whatever|regardless|throughout|until)"""),
    rule("role_play", "now_on henceforth",
          r"\b(?:from\s+now\s+on|henceforth)[,\s]+(?:you\s+are|you're|you\s+will\s+(?:be|act))\b"),
    rule("role_play", "pretend imagine suppose assume",
          rf"""\b(?:pretend|imagine|suppose|assume)\s+(?:for\s+a\s+(?:moment|minute|second)\s+)?(?:that\s+)?
          (?:you\s+are|you're|you\s+were)
          \s+(?:an?\s+|the\s+|my\s+)?(?:\w+'?s?\s+){{0,2}}(?:{ROLE}|biggest|best|greatest)\b"""),
    # "pretend you are the customer" sets up training role-play, not a new role for a grader
    rule("role_play", "pretend",
          rf"""\bpretend\s+(?:that\s+)?(?:you\b(?!(?:\s+are|'re)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?
          (?:customer|caller|client|guest|shopper|patient|agent|trainee)s?\b)|to\s+be\s+(?:an?|the
          |my)
          \s+(?:\w+\s+){{0,2}}{ROLE})\b"""),
    rule("role_play", "evaluator grader examiner assessor reviewer marker scorer judge rater "
          "recruiter interviewer hiring _ai assistant model bot",
          rf"""{IMPERATIVE}(?:act|behave|respond|answer|function|operate|role[\s-]?play|play\s+the
          \s+role\s+of|take\s+the\s+role\s+of)\s+(?:as\s+)?(?:if\s+you\s+(?:were
          |are)\s+)?(?:[\w-]+\s*,
          \s*)?(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){{0,2}}{GRADING_ROLE}\b"""),
    rule("role_play", "speak write think reply decide",
          rf"""{IMPERATIVE}(?:speak|write|think|reply|decide|judge)\s+(?:about\s+\w+\s+)?as\s+(?:if\s+you
          \s+were\s+)?(?:my|a|the)\s+(?:\w+\s+){{0,2}}(?:{ROLE}|supervisor|manager|boss)\b"""),
    rule("role_play", "mode",
          r"""\b(?:switch|change|enter|go|turn|put\s+yourself)\s+(?:in)?to\s+(?:an?\s+|the\s+|your\s+)?
          (?:\w+\s+)?(?:unrestricted|unfiltered|uncensored|developer|debug|admin|lenient|generous
          |god
          |jailbreak|dan|no[\s-]rules?|grading[\s-]free|free)\s+mode\b"""),
    rule("role_play", "roles places positions",
          r"""(?:\b(?:let's|lets|let\s+us)\s+|(?:^|(?<=[.!?:;\n]))\s*(?:now\s+|please\s+|ok\s+)?)
          (?:switch|swap|reverse|trade|change)\s+(?:roles|places|positions)\b"""),
    rule("role_play", "jailbr developer anything god_mode dan_mode",
          r"""\b(?:jailbr(?:eak|oken)|do\s+anything\s+now|god\s+mode|dan\s+mode)\b
          # developer mode entered on command, not one a customer's phone was in
          |\b(?:enter|enable|activate|switch\s+(?:in)?to|go\s+into|turn\s+on)\s+(?:the\s+)?developer
          \s+mode\b|\byou(?:'re|\s+are)\s+(?:now\s+)?(?:in\s+)?developer\s+mode\b|\bdeveloper\s+mode
          \s*:?\s*(?:on|enabled|activated|engaged)\b"""),
    # ---- asking for the instructions or the rubric
    rule("prompt_leak", "your rubric system scoring grading marking evaluation hidden everything",
          r"""\b(?:print|show|reveal|repeat|output|display|tell|share|leak|disclose|expose|write
          \s+out|list|recite|paste|dump|give|return|copy)\s+(?:me\s+|us\s+)?(?:(?:the
          |a)\s+(?:\w+\s+){0,2}?
          (?:of|from|in)\s+)?(?:your\s+(?:\w+\s+){0,2}
          (?:instructions|prompt|rules|guidelines|rubric|criteria|configuration|system\s+message)
          |(?:the|this)\s+(?:\w+\s+){0,2}(?:rubric|system\s+(?:prompt|message)|(?:scoring|grading
          |marking|evaluation)\s+(?:guide|criteria|rubric|rules|instructions|scheme|prompt)
          |hidden\s+
          (?:\w+\s+)?(?:instructions|prompt|rules|criteria|rubric|text|message|guide)
          |instructions\s+(?:above|you\s+(?:were|have\s+been)\s+given))|everything\s+(?:above
          |before)|everything\s+(?:that\s+)?you\s+(?:were|have\s+been)\s+(?:given|told|shown)
          |everything\s+(?:that\s+)?(?:\w+\s+){0,3}?in\s+your\s+(?:context|prompt|instructions
          |memory|system\s+message|input))"""),
    rule("prompt_leak", "what", r"""\bwhat\s+(?:were|was|are|is)\s+(?:you|your)\s+(?:told
          |given|instructed|instructions|prompt|system\s+prompt|rules)
          |\bwhat\s+(?:(?:\w+\s+)?(?:criteria
          |rules|guidelines)|(?:\w+\s+){0,3}?(?:instructions|rubric|prompt))\s+(?:you
          |were\s+you)\s+(?:were\s+|have\s+been\s+
          |are\s+)?(?:given|told|using|use|following|follow)|\bwhat\s+(?:\w+\s+)?(?:criteria|rules
          |guidelines
          |instructions|rubric|prompt)\s+(?:did|do|have)\s+you\s+(?:receive|get|have|use|follow
          |been\s+given)"""),
    rule("prompt_leak", "your",
          r"""\bwhat\s+(?:\w+\s+){0,3}?(?:is|are)\s+(?:\w+\s+){0,2}?in\s+your\s+(?:system\s+(?:message|prompt)
          |prompt|instructions|context|rubric)"""),
    # ---- tools, functions and commands
    rule("tool_call", "call invoke execute run trigger",
          rf"""{IMPERATIVE}(?:call|invoke|execute|run|trigger)\s+(?:the\s+|a\s+|this\s+|following\s+
          |the\s+following\s+)?(?:[\w.]+\s+){{0,1}}(?:function|tool|api|command|plugin|endpoint
          |webhook|script|shell|code)\b"""),
    rule("tool_call", "send email post forward submit notify message",
          rf"""{IMPERATIVE}(?:send|email|post|forward|submit|notify|message)\b(?:{SENTENCE}|\.(?=\S))
          {{0,80}}?\b
          (?:candidate|applicant|this\s+answer|my\s+answer|hired?|shortlist\w*)
          \b"""),
    rule("tool_call", "http www.",
          rf"""{IMPERATIVE}(?:open|visit|fetch|browse\s+to|load|go\s+to|navigate\s+to|download|read)\s+
          (?:https?://|www\.)\S+(?:{SENTENCE}|\.(?=\S)){{0,60}}?\b(?:follow\s+(?:whatever|what
          |the\s+instructions
          \s+(?:there|on\s+it|in\s+it))|obey|do\s+(?:what|whatever)\s+it\s+says|carry\s+out|execute
          |use\s+(?:it|that|this|its\s+\w+)\s+as\s+my)\b"""),
    rule("tool_call", "tool function api plugin",
          r"""\buse\s+the\s+\w*(?:scor|grad|submit|approv|set|eval|record)\w*\s+(?:tool|function
          |api|plugin)\b"""),
    # a call whose name is about the grade or the candidate, not a work system's own call
    # ("get_order_status(order_id)")
    rule("tool_call", "(", r"""(?=[a-z_.]*(?:scor|grad|approv|advanc|hire|candidat|verdict
          |shortlist|pass|offer|rank|rating|evaluat|assess|decision|recommend|review|submit|email
          |send|result|judg))(?:\b[a-z]+_[a-z_]+\([^()\n]{0,80}\)
          |\b[a-z_]+(?:\.[a-z_]+)+\([^()\n]{0,80}\)|\b[a-z_]+\(\s*[a-z_]+\s*=[^()\n]{0,80}\))"""),
    rule("tool_call", "tool function invoke", r"""</?(?:tool_call|function_call|tool_use|invoke
          |function_calls|tool_result)>|["'](?:function|tool|arguments|tool_calls|function_call
          |tool_use
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
)
# fmt: on

ENGLISH: tuple[Rule, ...] = _TO_THE_EVALUATOR + CLAIMS
