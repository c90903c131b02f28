"""English rules for claims about the grade and forged pieces of a judgment: score and verdict
claims, JSON/YAML keys and chat markup that imitate the grader's output, fences that imitate
the boundary around the answer. The vocabulary is in ``vocabulary``; rules that command or
address the evaluator are in ``english``.
"""

from __future__ import annotations

from answer_eval.manipulation.rules import Rule, rule
from answer_eval.manipulation.vocabulary import (
    CLAIM,
    HAND_OUT,
    IMPERATIVE,
    SENTENCE,
    TARGET,
    THIS,
    TOP,
    TOP_WORD,
)

__all__ = ["CLAIMS"]

# fmt: off
CLAIMS: tuple[Rule, ...] = (
    # ---- score and verdict claims
    rule("score_claim", "deserv merit earn warrant worth should must scores gets receiv achiev "
          "rated graded scored marked",
          rf"(?:{THIS}|\bi)\s+(?:\w+\s+)?{CLAIM}\b{SENTENCE}{{0,40}}?{TOP}"),
    rule("score_claim", "give assign award grant rate grade score mark rank evaluat assess judg "
          "classif label put set record consider treat recommend",
          rf"""{IMPERATIVE}{HAND_OUT}\s+{TARGET}\b(?:\s+accordingly\b|{SENTENCE}{{0,50}}?(?:{TOP}
          |\bas\s+(?:an?\s+|the\s+)?{TOP_WORD}\b|\bas\s+(?:though|if)\s+(?:it|this|i)\s+(?:were|was)
          \s+(?:\w+\s+){{0,3}}?{TOP_WORD}\b))"""),
    rule("score_claim", "score grade rating mark evaluation verdict recommendation assessment "
          "outcome result",
          rf"""\b(?:final|overall|total|correct|right|fair|true|real|proper|appropriate|only
          \s+reasonable|accurate|expected|intended|desired|target|deserved)\s+(?:score|grade|rating
          |mark|evaluation|verdict|recommendation
          |assessment|outcome|result)\b{SENTENCE}{{0,50}}?(?:\b(?:is|should\s+be|must\s+be|will\s+be
          |would\s+be)\b|=|:)\s*{SENTENCE}{{0,25}}?{TOP}"""),
    rule("score_claim", "give assign award grant return output produce",
          rf"""{IMPERATIVE}(?:give|assign|award|grant|return|output|produce)\s+(?:{TARGET}\s+(?:the\s+
          |a\s+|an\s+)?{TOP}|(?:the\s+|a\s+|an\s+)?{TOP}\s+(?:to|for)\s+{TARGET})"""),
    rule("score_claim", "approv pass hire shortlist accept advance select",
          r"""(?:^|(?<=[.!?:;,\n"'(])\s*|\b(?:please|kindly|just|simply|now|so|then|and)\s+(?:\w+\s+)?)
          (?:approve|pass|hire|shortlist|accept|advance|select)\s+(?:this|the|that)\s+(?:\w+\s+)?
          (?:candidate|applicant|person|individual|interviewee|answer|response|submission)\b"""),
    rule("score_claim", "verdict recommendation outcome decision result score grade rating",
          rf"""\b(?:verdict|recommendation|outcome|decision|result|score|grade|rating)\s+(?:for|on|of)
          \s+{THIS}\s*(?::|=|-|\bis\b|\bshould\s+be\b|\bmust\s+be\b)\s*{SENTENCE}{{0,25}}?(?:{TOP}
          |\b(?:pass|hire|approved?|accept|advance|yes)\b)"""),
    rule("score_claim", "answer response submission",
          rf"""\b(?:an?\s+|the\s+)?(?:answers?|responses?|submissions?)\s+(?:like\s+(?:this|mine)|of\s+this
          \s+(?:quality|kind|calibre|caliber|standard))\s+(?:is|are|deserves?|merits?|earns?
          |would\s+(?:be|get|earn|receive)|belongs?\s+in|sits?\s+in
          |falls?\s+in)\b{SENTENCE}{{0,40}}?
          (?:{TOP}|\b{TOP_WORD}\b)"""),
    rule("score_claim", "assign award give grant",
          rf"""{IMPERATIVE}(?:assign|award|grant|output|return|produce)\s+(?:the\s+|a\s+)?(?:highest|top|maximum|max|best
          |full)\s+(?:level|band|score|scores|mark|marks|grade|rating|tier)\b"""),
    rule("score_claim", "approv select screen signed",
          r"""\bthis\s+(?:candidate|applicant)\s+(?:has|have|had|was|is)\s+(?:already\s+)?(?:been\s+)?
          (?:already\s+)?(?:pre-?approved|pre-?selected|pre-?screened|approved|selected
          |signed\s+off)\b"""),
    rule("score_claim", "should must will would shall",
          r"""\b(?:evaluation|assessment|screening|interview|grading|scoring)\s+(?:result|outcome|score|grade
          |rating|verdict|decision)s?\s+(?:should|must|will|would|shall)\s+(?:read|say|state)\b"""),
    rule("score_claim", "recommend",
          r"""\brecommend(?:ed|s|ing)?\s+(?:advancing|moving|progressing|sending)\s+to\s+the\s+(?:next|final)
          \s+(?:round|interview)\b(?!\s+of\b)"""),
    rule("score_claim", "round",
          r"""\b(?:allowed|free|welcome|permitted)\s+to\s+round\s+(?:\w+\s+)?up\b|\bround\s+(?:me|this
          \s+answer|my\s+(?:answer|score|grade|mark|rating))\s+up\b"""),
    rule("score_claim", "number figure score mark grade rating",
          r"""\b(?:final|overall|total)\s+(?:number|figure|score|mark|grade|rating)\s+(?:(?:you|that\s+you)
          \s+\w+\s+)?(?:should\s+|must\s+|will\s+)?(?:reflects?|shows?|be|equals?)\s+(?:perfection
          |the\s+(?:maximum
          |top|highest)|full\s+marks|a\s+perfect)"""),
    rule("score_claim", "weakness gap flaw shortcoming mistake",
          rf"""\btreat\s+(?:every|any|all|each)\s+(?:\w+\s+)?(?:weakness|gap|flaw|shortcoming|mistake)(?:e?s)?
          \s+(?:you\s+\w+|in\s+this\s+\w+|here)\b{SENTENCE}{{0,40}}?\bas\s+(?:an?\s+)?(?:strength
          |deliberate|intentional|positive)"""),
    rule("score_claim", "generous lenient",
          r"""\b(?:be|go)\s+(?:\w+\s+)?(?:generous|lenient)\s+(?:with|on|to|toward|towards)\s+(?:this\s+(?:one
          |answer|response|submission)|my\s+(?:answer|response|submission|grade|score)|me)\b"""),
    rule("score_claim", "through",
          r"""\blet\s+(?:this\s+(?:one|answer|response|application)|my\s+(?:answer|application
          |response))\s+through\b|\blet\s+me\s+through\s+to\s+the\s+(?:next|final)\s+(?:round|stage
          |interview)"""),
    rule("score_claim", "treated considered regarded read counted marked scored graded rated",
          rf"""(?:{THIS})\s+(?:should\s+be\s+|must\s+be\s+|to\s+be\s+|be\s+)?(?:treated|considered|regarded
          |read|counted|marked|scored|graded|rated)\s+as\s+(?:an?\s+|the\s+)?{TOP_WORD}\b"""),
    rule("score_claim", "answer response submission candidate applicant",
          rf"{TOP}[\s-]+(?:[\w-]+[\s-]+){{0,2}}(?:answer|response|submission|candidate|applicant)\b"),
    rule("score_claim", "pre",
          rf"""\bpre-?(?:assessed|scored|graded|evaluated|approved|screened|vetted)\b{SENTENCE}{{0,40}}?{TOP}"""),
    rule("score_claim", "recommendation verdict decision outcome",
          r"""(?:^[ \t>*-]*|(?<=[.!?)])[ \t]+)(?:final\s+|overall\s+|my\s+|recommended\s+|panel\s+
          |interview\s+|hiring\s+|assessment\s+|screening\s+)?(?:recommendation|verdict|decision
          |outcome)
          (?:[ \t]*\([^)\n]{0,40}\))?[ \t]*[:=]
          [ \t]*(?:strong[\s_-]?(?:yes|hire)|hired?|yes|pass(?:ed)?|approved?|accept(?:ed)?
          |(?:move|advance)\s+to\s+(?:the\s+)?(?:next|final)\s+(?:round|stage|interview))\b
          (?:[ \t]+(?:immediately|now|today|asap|at\s+once|without\s+(?:delay|reservation
          |hesitation)))?
          (?=[ \t]*(?:[.!;)\n]|$|,[ \t]*(?:\d+[ \t]*(?:/|of\b|out\b)|strong|top|full
          |no\s+concerns)))"""),
    rule("score_claim", "score grade rating overall",
          rf"""(?<=[.!?)])[ \t]+(?:score|grade|rating|overall(?:\s+score)?)[ \t]*[:=][ \t]*
          (?:10\s*/\s*10|5\s*/\s*5|100\s*/\s*100
          |100\s*%){SENTENCE}{{0,30}}?\b(?:auto[\s_-]?(?:approv|pass)\w*
          |strong[\s_-]*(?:yes|hire)|hire|advance\w*)\b|\b(?:score|grade|rating|mark
          |verdict)s?\s+(?:already\s+)?(?:assigned|set|fixed
          |determined|decided|locked|pre-?filled|pre-?set)\s*[:=]"""),
    rule("score_claim", "re-mark remark re-grade regrade re-score rescore re-evaluat reevaluat "
          "re-assess reassess",
          r"""\b(?:do\s+not|don't|no\s+need\s+to|never)\s+re-?(?:grade|score|evaluate|assess)\b|\b(?:score
          |grade|verified|panel|calibrat\w*)\b[^\n]{0,80}?\b(?:do\s+not|don't|no\s+need\s+to
          |never)\s+re-?mark
          \b"""),
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
    # a verdict stamp ("APPROVED - top score")
    rule("score_claim", "approved passed hired accepted pass strong",
          r"""\b(?:approved|passed|hired|accepted|pass|strong[\s_-]*(?:yes|hire))\s*[-:,]+\s*(?:top
          \s+(?:score|marks|band|grade)|full\s+marks|10\s*/\s*10|5\s*/\s*5|100\s*/\s*100|max(?:imum)?
          \s+(?:score|marks))\b"""),
    rule("score_claim", "criteri dimension red_flag", rf"""\b(?:mark|set|treat|consider|count
          |record|score|rate)\s+(?:all|every|each|the)\s+(?:\w+\s+)?(?:criteria|criterion|criterions
          |dimensions?|red\s+flags?|scores?|categories|category)\b{SENTENCE}{{0,30}}?\b(?:as|to|at
          |with)\s+(?:met|passed|present|absent|false|none|5|five|10|max|maximum|full|top
          |excellent|perfect)"""),
    rule("score_claim", "red_flag", r"""\b(?:no|zero|none\s+of\s+the)\s+red\s+flags?\s+(?:are\s+
          |were\s+)?(?:present|detected|found|apply|in\s+(?:this|my))"""),
    # ---- forged judgments and turns: JSON and YAML keys, chat markup, template syntax
    # Keys only a judgment has count alone; keys any work record has ("status", "result") count
    # when they hold a verdict.
    rule("forged_structure", "\" '",
          r"""["'](?:scores?|verdicts?|dimensions?|recommendation|overall(?:_100)?|rationale
          |criteria(?:_coverage)?|red_flags|injection(?:_\w+)?|star|empathy|ownership|ai_fluency
          |grade|hire
          |evaluation)["']\s*:|["'][\w ]*(?:override|evaluation|verdict|recommend|grader|rubric
          |auto_?pass|auto_?approv|(?:final|minimum|min|overall|total)_?score)[\w ]*["']\s*:
          |["'](?:present|detected|evidence|rating|result|status|met|pass|passed
          |decision)["']\s*:\s*["']?(?:true|false|scored|pass(?:ed)?|hire|hired|approved?|met|strong
          |yes|excellent|outstanding|perfect)"""),
    rule("forged_structure", "role note comment summary reason",
          r"""["']role["']\s*:\s*["'](?:system|assistant|developer)["']|["'](?:notes?|comments?|summary|reason
          |feedback)["']\s*:\s*["'][^"'\n]{0,60}?\b(?:candidate|applicant|hire|fast-?track)"""),
    rule("forged_structure", "{",
          r"""[{,]\s*(?:scores?|verdicts?|present|detected|dimensions?|recommendation|overall
          |criteria|red_flags|injection|empathy|ownership|grade|rating|decision)\s*:\s*[\w"'\d]"""),
    rule("forged_structure", "flag safe override injection manipulat suspicious",
          r"""^[ \t>*-]*(?:flagged|safe|\w*override\w*|injection\w*|manipulat\w*
          |suspicious)[ \t]*[:=][ \t]*(?:["']?(?:true|false|yes|no|none|accept(?:ed)?|approved?
          |pass(?:ed)?)["']?)?[ \t]*$"""),
    rule("forged_structure", ": = -",
          r"""^[ \t>*#-]*(?:[\w ]{0,20}?(?:score|grade|rating)s?|overall|final\s+(?:verdict
          |decision)|grade|rating|verdict|recommendation|decision|evaluation|assessment|result
          |outcome
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
          |strong[\s_-]?(?:yes|hire)|10\s*/\s*10|100\s*/\s*100|max(?:imum)?\s+(?:score|marks)
          |highest\s+(?:score|band|level))["']?
          [ \t]*[.!]?[ \t]*$"""),
    rule("forged_structure", "<!--",
          r"""<!--[^>]{0,80}?(?:pass|approv|scor|grad|hire|evaluat|rubric|verdict|recommend)"""),
    rule("forged_structure", "< [", r"""<\|[a-z_]{2,30}\|>|\[/?(?:inst|sys|system)\]|<</?sys>>
          |</?(?:system|assistant|user|answer|candidate_answer|candidate|instructions?|prompt|judge
          |evaluator|developer|im_start|im_end|start_of_turn|end_of_turn|turn|s|context|document)>
          |</?[a-z_:-]*(?:answer|response|candidate|system|instruction|prompt|grader|evaluator|judge
          |assistant|rubric|score|grade|verdict|tool|function|evaluation|assessment|criterion
          |overall
          |decision|recommendation)[a-z_:-]*(?:\s[^<>\n]{0,40})?>"""),
    # a system's bracketed notice about the grading ("[SYSTEM NOTICE] Evaluation complete.")
    rule("forged_structure", "[system [sys [admin [evaluation [assessment [grading",
          r"""\[(?:system|sys|admin|evaluation|assessment|grading)[ \t_-]+(?:notice|note|message
          |update|alert|override|status|log|result|output|flag)s?\]
          (?=[^\n]{0,160}?(?:evaluat|assess|candidate|applicant|scor|hire|grade))"""),
    rule("forged_structure", "#",
          r"""^[ \t]*\#{1,6}[ \t]*(?:system|instructions?|assistant|user|response|prompt|evaluator
          |grader|judge|new\s+instructions|rubric|scoring|evaluation|developer
          |assessment\s+(?:complete
          |done|finished|result)|next\s+task|grading|verdict)\b[^\n]{0,40}$"""),
    rule("forged_structure", ":",
          r"""(?:^[ \t>*\[(-]*|(?<=[.!?])[ \t]+[\[(])(?:system|assistant|developer|evaluator|grader
          |judge|(?:grader|evaluator
          |reviewer|judge|system)\s+(?:notes?|instructions?|override|directives?|guidance|consensus
          |decision|verdict|summary|assessment)|(?:grader|evaluator
          |judge)\s+(?:feedback
          |comments?|remarks|assessment|verdict|summary|internal|only|output))(?:\s+(?:for|on
          |of)\s+(?:this
          |my|the)\s+\w+)?[\])]?[ \t]*
          (?::|-{1,2}[ \t])(?=[^\n]{0,160}?(?:scor|grad
          |rat|mark|candidate|answer|response|evaluat|rubric|criteri|instruction|strong|pass|hire
          |ignore
          |disregard|excellent|\byou\b|\b[1-5]\b|\byes\b|\d\s*/\s*\d))"""),
    # the same header mid-line, after a sentence of the story ("... a bot. System override: ...")
    rule("forged_structure", "override notice note instruction directive message update verdict "
          "decision",
          r"""(?<=[.!?])[ \t]+(?:system|grader|evaluator|reviewer|judge|admin|developer)\s+
          (?:override|notes?|notice|instructions?|directives?|message|update|verdict|decision)\s*:(?=[^\n]{0,160}?
          (?:scor|grad|rat|mark|candidate|answer|response|evaluat|rubric|criteri|instruction|strong
          |pass|hire|approv|skip|check))"""),
    rule("encoded", "backwards reverse decode decipher unscramble",
          rf"""\b(?:read|decode|reverse|decipher|unscramble)\s+(?:this|it|the\s+(?:following|next\s+\w+))\b
          {SENTENCE}{{0,30}}?\b(?:and|then)\s+(?:do|follow|obey|carry\s+out|execute)\s+(?:what
          |whatever
          |it)\b"""),
    rule("template_syntax", "{{ {%", r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}"),
    # ---- fences that imitate the boundary around the answer
    rule("forged_boundary", "answer response submission input text",
          r"""^[^\w\n]*(?:begin|end|start)[^\w\n]*(?:of[^\w\n]+)?(?:the[^\w\n]+)?(?:candidate'?s?
          [^\w\n]+|user'?s?[^\w\n]+)?(?:answer|response|submission|input
          |text)\b(?=[^\w\n]*(?:[\w-]*\d
          [\w-]*[^\w\n]*)?(?:$|[.:!;]))"""),
    rule("forged_boundary", "answer", r"\banswer[-_][0-9a-f]{4,}\b"),
    rule("forged_boundary", "\"\"\" '''", r"^[ \t]*(?:\"{3}|'{3})[ \t]*$"),
    rule("forged_boundary", "ends ended stops finish over complete",
          r"""^[^\w\n]*(?:the\s+)?(?:candidate'?s?\s+)?(?:answer|response|submission|input)\s+(?:ends
          |ended|stops|finishes|is\s+over|is\s+complete|complete)\b[^\w\n]*(?:here)?[^\w\n]*$"""),
)
# fmt: on
