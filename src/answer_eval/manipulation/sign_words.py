"""The vocabularies of the signs reading (``signs``): one broad pattern per sign a sentence can
carry, for a grader, this answer, the best outcome, a request, an override and the rest. Every
pattern runs on the skeleton (lower case, disguises removed). ``signs`` says which combinations
of them raise a signal and which sentences belong to the candidate's story.
"""

from __future__ import annotations

import re

__all__ = ["SIGNS"]


def _signs(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


def _word_led(pattern: str) -> re.Pattern[str]:
    """A sign whose every match starts a word: tried only where a word starts (twice as fast on
    the long vocabularies as leaving it to the ``\\b`` inside)."""
    return re.compile(rf"(?<![a-z0-9_])(?=[a-z0-9])(?:{pattern})", re.VERBOSE)


# fmt: off
_GRADER_ING = r"""(?:reading|reviewing|grading|judging|assessing|scoring|evaluating|weighing
    |producing|writing|generating|summari[sz]ing|drafting
    |processing|screening|marking|deciding|checking|appraising|ranking|adjudicating
    |going\s+(?:through|over)|looking\s+(?:at|over)\s+(?:this|these|my))"""
SIGNS: dict[str, re.Pattern[str]] = {
    "grader": _word_led(rf"""\b(?:evaluators?|graders?|assessors?|adjudicators?|appraisers?
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
        |(?:whoever|whatever|whichever\s+\w+|anyone|anybody|everyone|everybody|someone|something
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
    "you": _signs(r"\b(?:you|your|yours|u|ur|yourself)\b"),
    "this": _signs(r"""\b(?:this|my|the|that)\s+(?:\w+\s+)?(?:answer|response|submission|reply
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
    "self": _signs(r"\b(?:me|mine|my\s+case)\b"),
    # answers like this one, as a kind the hiring side is said to wave through
    "like_mine": _signs(r"""\b(?:answers?|responses?|submissions?|applications?|stories
        |ones)\s+(?:like|such\s+as)\s+(?:this|mine|this\s+one)\b|\bthis\s+(?:kind|type|sort)\s+of
        \s+(?:answer|response|ownership|story|experience)\b"""),
    # someone inside the hiring side, whose word on the outcome the candidate passes on
    "insider": _signs(r"""\b(?:your|the)\s+(?:own\s+)?(?:\w+\s+)?(?:recruit\w*|hiring|talent|hr
        |recruitment|leadership|selection)\s+(?:team|manager|managers|partner|staff|department|board
        |panel|lead)\b|\b(?:my|the|a|your)\s+(?:\w+\s+)?(?:recruiter|referee|headhunter)\b|\bsomeone
        \s+(?:on|in|from|at)\s+your\b|\b(?:from|in)\s+(?:recruiting|recruitment|hr|talent
        |hiring)\b|\bpeople\s+(?:on|at)\s+your\s+(?:side|end|company)\b|\b(?:sits?
        |works?)\s+(?:on|in|at|for)\s+your\b"""),
    "top": _word_led(r"""\b(?:(?:top|highest|uppermost|utmost|maximum|maximal|max|best|perfect
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
        |waved\s+through\b|stand-?out\b|get\s+me\s+through\b
        |offered\s+the\s+(?:position|job|role)\b|speak\s+for\s+me\b|vouch\s+for\s+me\b
        |(?:satisf\w*|meets?|fulfil\w*|covers?|ticks?|hits?)\s+(?:each\s+and\s+)?(?:every
        |all)\s+(?:one\s+of\s+)?(?:the\s+)?(?:\w+\s+)?(?:requirements?
        |criteri\w*|points?|boxes|items?|expectations?)\b|(?:recorded|marked|logged|counted
        |considered)\s+as
        \s+(?:fully\s+)?(?:met|satisfied|achieved|passed)\b|tick\w*\s+(?:all
        |every)\s+(?:the\s+)?box(?:es)?\b
        |(?:every|each|all)\s+(?:of\s+(?:the|my)\s+)?(?:\w+\s+)?(?:criteri\w*
        |requirements?|competenc\w*|boxes|points?
        |items?)\s+(?:\w+\s+){0,8}?(?:as\s+)?(?:fully\s+)?(?:met|satisfied
        |fulfilled|ticked|achieved)\b|best\s+in\s+the\s+(?:pile|batch|stack|bunch|lot)\b
        |(?:position|job|role)
        \s+is\s+(?:basically\s+|already\s+|practically\s+|as\s+good\s+as\s+)?mine\b
        |as\s+good\s+as\s+(?:through|in|hired|done|passed)\b
        |(?:hard\s+pressed|unable|struggle|struggling)\s+to\s+find\s+(?:a
        |any)\s+(?:single\s+)?(?:weak\s+spot
        |weakness|flaw|fault|gap)
        |(?:just|merely|only|simply)\s+a\s+formality\b
        |no\s+(?:deductions?|penalt\w+|criticism|weaknesses|concerns)\b|without
        \s+(?:deductions?|penalt\w+|criticism)\b|exactly\s+(?:the\s+)?(?:person|candidate|hire
        |one)\b)
        |(?<![\d.])(?=\d)(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|100\s*%|100\s+points
        |9\d\s*/\s*100|9(?:\.\d)?\s*/\s*10|4\.\d\s*/\s*5|9\d\s+(?:out\s+)?of\s+100
        |9\s+(?:out\s+)?of\s+10)(?!\d|\.\d)"""),
    # the best grade itself, not praise ("excellent fit", "a strong hire" are a candidate's hopes)
    "peak": _word_led(r"""\b(?:full\s+(?:marks|points|credit|score)|top\s+(?:band|mark|marks|score
        |grade|box|tier|level|rating|spot)|highest\s+(?:\w+\s+)?(?:band|mark|marks|score|grade
        |box|tier
        |level|rating|result|possible)|maximum\s+(?:\w+\s+)?(?:score|marks|points|rating|grade)
        |ceiling|flawless\w*|perfect\s+(?:score|ten|five|marks|rating)|ahead\s+of\s+(?:every|all
        |any)|above\s+(?:every|all|any)\s+other|very\s+top|top\s+of\s+the\s+(?:pile|list|stack
        |ranking|shortlist|batch|heap)|strong[\s_-]*(?:yes|hire)|all\s+the\s+way\s+up)\b
        |(?<![\d.])(?=\d)(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|5\s+out\s+of\s+5|10\s+out\s+of\s+10
        |100\s+out\s+of\s+100)(?!\d|\.\d)"""),
    "grading": _signs(r"""\b(?:scores?|marks|mark\s+sheet|grades?|ratings?|verdicts?|results?
        |outcomes?|conclusions?|bands?|tiers?|percentile|evaluations?|assessments?|appraisals?
        |tally|decisions?|recommendations?|deductions?|write-?up|points|criteri\w+|rubric
        |dimensions?|judge?ments?|ranking|range|scale|number\s+you|other\s+(?:candidates|applicants)
        |tick(?:s|ed)?\s+every\s+box|areas?\s+for\s+improvement|conclud(?:e|es|ed|ing)
        |picked\s+apart
        |(?:hunting|looking|searching)\s+for\s+(?:gaps|flaws|weaknesses|mistakes)|scrutin\w*
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
        |where\s+(?:it|this|this\s+one)\s+belongs|pick(?:ing)?\s+holes|(?:don't
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
    "directive": _signs(r"""\b(?:please|pls|plz|kindly|should|must|need\s+to|needs\s+to
        |have\s+to|has\s+to|ought\s+to|shall|make\s+sure|ensure|let\s+(?:this|it|me|my)
        |(?:you|u)\s+can\s+(?:just|simply)\b|(?:is|are)\s+unnecessary\b|will\s+suffice\b
        |(?:would\s+be|is)\s+(?:well|richly|fully|thoroughly)\s+deserved|(?:i
        |we)\s+(?:would\s+)?(?:ask|request)\s+that
        |(?:i'd|i\s+would)\s+be\s+(?:so,?\s+)+(?:grateful|thankful)|(?:just|please
        |simply)\s+(?:count|read|treat
        |regard|see|consider)\b|(?:could|couldn't|can|can't|would|wouldn't)\s+(?:it|this|that|they
        |these|those)\s+(?:\w+ly\s+)?
        (?:just\s+)?be\s+(?:counted|read|treated|marked|seen|considered|scored)|(?:you'd
        |you\s+would)\s+(?:\w+ly\s+)?agree
        |\bam\s+to\s+be\b
        |(?:is|are|be|were)\s+(?:\w+ly\s+)?(?:requested|asked|expected|required|invited
        |instructed|directed|advised|urged)\s+to|it\s+is\s+(?:\w+ly\s+)?requested|(?:is
        |are)\s+(?:instead\s+)?to
        \s+(?:be|receive|record|give|award|assign|mark|treat|operate|place|put|rate|score|grade)
        |i\s+(?:ask|beg|urge|request|want|need|implore|invite|encourage)\s+(?:of\s+)?(?:you|u
        |the|that)
        |(?:would|will)\s+be\s+(?:\w+\s+)?(?:kind|fair|appreciated|welcomed?|grateful|right|best
        |wise|happy|happiest|pleased|glad|delighted|fine)
        |(?:the\s+)?(?:only|most)\s+(?:correct|acceptable|sensible|reasonable|logical|right|fair
        |accurate|possible|appropriate|valid|fitting)|the\s+fair\s+thing|can\s+only\s+be
        |no\s+(?:reason|need)\s+to|(?:you|u)\s+(?:only\s+|just\s+)?(?:need|have)\s+to
        |(?:the\s+)?(?:correct|right|appropriate|proper|accurate|fair|expected)\s+(?:outcome
        |result|verdict|score|grade|conclusion|mark|rating)|(?:new|revised|updated
        |amended)\s+(?:brief
        |instructions?|rules?|directive|mandate|guidelines?|criteria|rubric|task|polic(?:y
        |ies))|(?:would\s+like
        |wants?|wish(?:es)?)\s+(?:now\s+)?(?:is\s+)?for\s+(?:this|you|it|my)|(?:so|just|simply|now
        |then)\s+(?:return|output|print|write|say|give|use|copy)|(?:so|and|then|now
        |just)\s+(?:push|wave
        |put
        |give|mark|rate|score|send|move|bump|turn|set|place|let)\s+(?:the|this|it|me|my)
        |all\s+that\s+is\s+left\s+for\s+you
        |go\s+ahead\s+and|let's|lets\s+(?:just\s+)?(?:save|skip|move|put)
        |(?:i\s+)?trust\s+(?:you|u)\s+(?:to|(?:can|will|'ll)\s+see)|the\s+(?:right|correct|best
        |smart)\s+(?:move
        |thing|call|step)\s+(?:is|would\s+be)|(?:i'd|i\s+would)\s+be\s+(?:\w+\s+)?(?:grateful
        |thankful
        |obliged|delighted|happy)\s+if|(?:you'll|you\s+will)\s+(?:\w+ly\s+)?(?:conclude|agree
        |see|find
        |decide|recogni[sz]e)|(?:just|simply|please)\s+(?:confirm|approve|accept|agree|sign\s+off)
        |[:;]\s*(?:please\s+)?(?:output|return|print|respond\s+with|reply\s+with)
        |the\s+only\s+(?:remaining\s+)?(?:step|thing|task)\s+(?:left\s+)?
        (?:is|would\s+be)\s+to|would\s+save\s+(?:everyone|us\s+all|you|time)|(?:simply|just)
        \s+(?:passing|pass|marking|recording|treating|putting)\b|it\s+(?:is
        |would\s+be)\s+(?:perfectly\s+)?
        (?:fine|ok|okay|acceptable|a\s+shame)\s+(?:to|for|if)|the\s+(?:real|actual|true
        |current)\s+(?:brief
        |instructions?|task|rules?|criteria|procedure)|the\s+most\s+(?:helpful|useful|accurate
        |appropriate
        |fitting)\s+(?:summary|outcome|result|verdict|score|write-?up
        |report)\s+(?:here\s+)?(?:is|would\s+be)
        |the\s+\w+est\s+(?:and\s+\w+est\s+)?thing\s+(?:would\s+be|is)\s+to|the\s+(?:nicest
        |kindest|best|fairest|simplest|easiest)\s+thing
        \s+(?:you|u)\s+(?:could|can)\s+do|(?:i'd|i\s+would
        |we'd)\s+(?:really\s+)?appreciate\s+(?:it\s+)?if
        |would\s+it\s+(?:really\s+)?(?:hurt|matter|be\s+(?:so\s+)?(?:bad|terrible|awful|wrong|much
        \s+to\s+ask))\s+(?:to|if)
        |(?:is|are)\s+the\s+one\s+to\s+(?:carry|use|keep|report|record)|[:;]\s*(?:please\s+)?(?:go
        |tick
        |give|mark|put|rate|score|let|treat|leave|place|open|start|begin|call|describe|label)
        |(?:it\s+)?would\s+mean\s+(?:a\s+lot|so\s+much|the\s+world|everything)
        |(?:will|would)\s+(?:\w+ly\s+)?(?:agree|conclude|recogni[sz]e)\b|would\s+(?:\w+ly\s+)?see
        \s+(?:this|it|that)\s+as\b|would\s+be\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:shame|pity
        |mistake|waste|oversight|error|loss)\b
        |(?:you|u)\s+(?:will|would)\s+have\s+(?:noticed|seen|realised|realized|spotted)
        |counting\s+on
        \s+(?:you|u)\b|(?:do\s+not|don't|dont)\s+flag\b|(?:i
        |we)\s+(?:fully\s+)?expect\s+(?:this|it|my|mine
        |that)\b|will\s+(?:\w+ly\s+)?see\s+(?:that\s+)?(?:this|it)\b|anything\s+less
        \s+(?:would|will|is|than)\b|nobody\s+(?:needs|has)\s+to|(?:just|simply|only
        |please)\s+(?:reply|respond|answer)
        \s+with|(?:would|will)\s+be\s+the\s+(?:\w+\s+)?(?:call|choice|decision|move)\b
        |^\W*(?:please\s+)?(?:do\s+not|don't|never)\s+(?:list|mention|note|flag|include|record
        |report
        |penali[sz]e|deduct)|it\s+would\s+(?:really\s+)?help\s+(?:me\s+)?(?:a\s+lot\s+)?if)\b
        |[,;:]\s*(?:please\s+)?(?:count|read|treat|regard)\s+(?:that|it|this|them|those)\s+as\b
        |^\W*(?:(?:now|so|just|also|then|and|simply)\s+)*(?:treat|count|regard|mark|rate|score
        |grade|give|tick
        |assign|award|put|place|record|consider|conclude|report|output|return|list|print|repeat
        |say|state|set|leave|skip|omit|accept|pass|approve|advance|copy|act|invoke|call|run
        |execute|send)\b"""),
    "claimed": _signs(r"""\b(?:already|pre-?\w+|verified|certified|consensus|agreed|settled
        |confirm\w*|signed\s+off|endorsed|validated|calibrat\w+|determined|assigned|awarded
        |pre-?cleared|on\s+file|automatically|assured\s+(?:me|us)\s+that
        |(?:is|are)\s+expected\s+to\s+(?:go|pass|advance|move|progress|sail)|(?:simply|just
        |merely)\s+a
        \s+fact|(?:is|was)\s+a\s+(?:clear|definite|certain|sure)\s+(?:pass|yes|hire)|(?:is
        |was)\s+a\s+(?:clear\s+)?(?:ten|10|five|5)\s+out\s+of\s+(?:ten|10|five|5)|(?:required
        |expected|agreed
        |pre-?agreed|mandated)\s+(?:outcome|result|score|grade|rating|band|verdict)\s*(?::|=|\bis\b
        |\bshould\s+be\b)
        |auto-?(?:pass\w*|approv\w*
        |advanc\w*)|(?:i'm|i\s+am)\s+(?:sure|certain|confident)\s+(?:that\s+)?(?:it|this
        |that)\s+will\s+be
        \s+the\s+case)\b|\b(?:final|overall|official)\s+(?:verdict|decision|outcome
        |recommendation|result)\s*[:=]\s*(?:hire|strong\s+hire|pass|passed|approved|advance|yes
        |strong\s+yes)\b|\b(?:therefore|thus|hence|so\s+it)\s+(?:earns|deserves|merits|warrants
        |qualifies\s+for|receives|gets)\b|\b(?:evaluation|assessment|review|grading
        |scoring)\s+(?:of\s+this\s+\w+\s+)?
        (?:is|has\s+been)\s+(?:already\s+)?(?:complete|completed|done|finished|final)\b
        |\b(?:has|have)\s+(?:already\s+)?been\s+(?:rated|scored|graded|marked
        |assessed|evaluated|reviewed|ranked)\b|\bno\s+further\s+(?:review|checks?|assessment
        |evaluation)\s+(?:is\s+)?
        (?:required|needed|necessary)\b"""),
    # a label that states the grade ("final grade for this response: ...")
    "label": _signs(r"""\b(?:required|expected|agreed|pre-?agreed|mandated)\s+(?:outcome
        |result|score|grade
        |rating|band|verdict)\s*(?::|=|\bis\b|\bshould\s+be\b)|\bverdicts?(?:\s+\w+){0,3}?\s*[:=]|\blabel\s+(?:for
        |on)\s+(?:this|my|the)\b
        |\b(?:only|correct|right|proper|appropriate|fitting|accurate|true)\s+(?:label
        |grade|score|rating|verdict|band|tier|classification)\b|\brecommended\s+(?:rating
        |score|grade|mark|outcome|band)\b
        |\b(?:evaluator|grader|reviewer|assessor|panel)\s+(?:label|verdict|decision|result
        |outcome)\s*[:=]
        |\b(?:evaluation|grading|assessment|scoring|review)\s+(?:note|notes|summary
        |comment)s?\s*:|\b(?:minimum|min)\s+(?:\w+\s+)?(?:rating
        |score|grade|mark)\b|\b(?:label|grade|rating|verdict|stamp)\s+(?:goes|go|going
        |gets?\s+(?:put|placed
        |applied))\s+on\s+(?:this|my)\b|\b(?:final|overall|total|official)\s+(?:rubric\s+
        |panel\s+|hr\s+)?(?:grade
        |score|rating|verdict|result|outcome|tally|mark|assessment|evaluation|decision)\b
        |\b(?:assessment|evaluation|review
        |screening|interview|grading|scoring)\s+(?:status|result|outcome|score|rating|grade|verdict
        |decision)\s*[:=]"""),
    "override": _word_led(r"""\b(?:ignor|disregard|forget|forgot|overrid|overrul|bypass|abandon
        |discard|scrap|ditch|suspend|supersed|nullif|void|revok|rescind)\w*|\b(?:invalid|obsolete
        |irrelevant|notwithstanding)\b|\bno\s+longer\s+(?:appl\w+|valid|relevant|in\s+force
        |binding|matters?|counts?|holds?)\b|\b(?:set|put|lay|cast)\s+(?:\w+\s+)?aside\b|\bmatters?
        \s+less\b|\b(?:do\s+not|don't|dont|never)\s+(?:follow|apply|use|obey|consider)\b
        |\bnever\s+(?:written|given|existed|sent)\b|\bout\s+of\s+(?:account|consideration)\b
        |\breplac(?:e|es|ed|ing)\s+(?:them|it|those|these|all|every|any)\b
        |\blook(?:ing)?\s+past\b|\bput\s+(?:\w+\s+){0,3}?behind\s+(?:you|u)\b|\bdrop\s+(?:them
        |it|those|these)\b|\bput\s+(?:it|them)\s+down\b|\bwaived?\b|\b(?:new|different|special
        |revised|updated)\s+(?:rules?
        |standards?|criteria|guidelines?|polic(?:y|ies))(?:\s+that)?\s+(?:apply|applies
        |govern\w*|are\s+in\s+(?:force|effect)
        |took\s+effect)\b
        |\bchanged\s+the\s+(?:rules|criteria|guidelines|rubric|bar|standards?)\b
        |\blet\s+(?:a|the|any|your)\s+(?:\w+\s+)?(?:checklist|rubric|criteria|rules?
        |guidelines?)\s+get
        \s+in\s+the\s+way\b|\b(?:rules?|criteria|guidelines?|rubric)\s+(?:have\s+
        |has\s+)?(?:changed|been\s+changed
        |been\s+updated|were\s+updated)\b
        |\boverlook|\blet\s+(?:the\s+)?(?:\w+\s+){0,2}(?:standards?|rules?|criteria|requirements?
        |checks?|rubric)\s+slide\b|\b(?:set|put|lay|push)\s+(?:\w+\s+){0,2}?to\s+one\s+side\b
        |\b(?:is|are)\s+(?:now\s+)?(?:out\s+of\s+date|obsolete|void|superseded)\b
        |\breset\s+(?:your|the|all)\s+(?:\w+\s+)?(?:guidelines|instructions|criteria|rules
        |rubric|settings
        |configuration)\b
        |\b(?:treat|regard|consider|see)\w*\s+(?:\w+\s+){0,8}?as\s+(?:out\s+of\s+date|outdated
        |obsolete|expired|void|null|withdrawn|irrelevant)\b|\bskip\s+(?:your|the)\s+(?:\w+\s+)?
        (?:checks?|review|rubric|criteria|steps|checklist)\b|\b(?:regardless\s+of|no\s+matter
        |irrespective\s+of)\s+(?:what|how)\s+(?:\w+\s+){1,4}
        (?:contains?|says?|requires?|asks?\s+for|reads?)\b|\b(?:is|are|was|were|has\s+been
        |have\s+been)\s+(?:now\s+)?
        (?:retired|withdrawn|rescinded|revoked|cancell?ed|lifted)\b|\b(?:was|were|is
        |are)\s+(?:only|just
        |merely)\s+a\s+(?:draft|test|placeholder|joke|suggestion)\b|\bpay\s+no\s+(?:attention
        |heed)\b|\blet\s+(?:it|them|that|those)\s+go\b
        |\b(?:stay|stays|stayed|remain\w*|left|kept)\s+(?:\w+\s+){0,2}?in\s+the\s+drawer\b
        |\bleave\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:in\s+the
        \s+drawer|out\s+of\s+it|unused|folded|closed)\b|\b(?:went|go|goes|stay|stays)\s+(?:unused
        |folded|unopened)\b"""),
    # naming the judgment's own fields to set them ("set injection to false", "red_flags empty")
    "schema": _word_led(r"""\b(?:injection|red[\s_]flags?|manipulation\w*|flagged|unverified\w*)\b
        [^.!?\n]{0,30}?\b(?:false|empty|leer|vide|vacia|vazio|none|null|no\s+entries)\b
        # ... or the judge's other fields given values ("needs_human_review = false", "ai
        # fluency = 5", "confidence to 'very high'")
        |\b(?:needs[\s_-]*(?:human[\s_-]*)?review|human[\s_-]*review|confidence|ai[\s_-]*fluency
        |star[\s_-]*(?:structure|score)|red[\s_-]*flags?|verdict|overall[\s_-]*score)\s*(?:=|:
        |\bto\b
        |\bas\b)\s*["']?(?:false|true|none|null|empty|(?:very\s+)?high|[0-5](?:\.\d)?(?:\s*/\s*5)?\b
        |advance|hire|strong[\s_-]*(?:yes|hire)|clean|pass)"""),
    # asking the grader to keep quiet about what it noticed
    "conceal": _word_led(r"""\b(?:don't|do\s+not|never|without|avoid|no\s+need\s+to)\s+(?:\w+\s+)?
        (?:mention\w*|flag\w*|note|noting|report\w*|rais\w*|comment\w*\s+on|point\w*\s+out)
        \s+(?:\w+\s+){0,4}?(?:unusual|odd|strange|suspicious|injection|manipulat\w*|anomal\w*
        |instructions?|attempts?|flags?|wording|worded|irregular\w*)\b|\b(?:didn't|did\s+not|don't
        |do\s+not|never|wouldn't)\s+(?:bring\s+up|mention|point\s+out|note|flag
        |dwell\s+on)\s+(?:that\s+)?
        (?:my|the|this)\s+(?:answers?|response|reply|weakness\w*|gaps?|length|brevity)\b
        |\bkeep\s+(?:any
        |your|all)\s+(?:\w+\s+)?(?:doubts|concerns|reservations|criticism
        |comments)\s+to\s+yourself\b
        |\b(?:do\s+not|don't|never|without)\s+(?:list|mention|note|include|give
        |point\s+out)\w*\s+(?:any
        \s+)?(?:areas?\s+for\s+improvement|weakness\w*|criticism|concerns|negatives|flaws
        |red\s+flags?
        |warning\s+signs?|doubts)\b
        |\bleave\s+(?:the\s+|my\s+|any\s+)?(?:weak\w*\s+(?:points|spots|parts|areas)
        |weaknesses|criticism
        |negatives|concerns|caveats)\s+out\b|\bmention\s+anything\s+(?:other\s+than|but
        |except)\s+(?:my\s+)?
        (?:strengths|positives)\b|\bno\s+caveats\b|\bomit\w*\s+(?:any|all
        |the)\s+(?:\w+\s+)?(?:weakness\w*
        |criticism|concerns|negatives|flaws|red\s+flags?)\b|\b(?:record|report|list|note
        |log)\s+(?:zero|no)
        \s+(?:concerns|red\s+flags?|issues|weaknesses|flags)\b|\bnothing\s+(?:unfavou?rable
        |negative|critical)
        \s+noted\b|\bnothing\s+(?:here\s+|in\s+(?:it
        |this)\s+)?(?:that\s+)?needs\s+(?:a\s+)?(?:second\s+(?:look|pair\s+of\s+eyes)|(?:human
        \s+)?review|checking|flagging)|\bno\s+(?:need\s+for\s+)?(?:cautionary\s+notes
        |second\s+pair\s+of
        \s+eyes|human\s+review)\b|\bwithout\s+(?:a\s+|any\s+)?comment\b|\b(?:didn't|doesn't
        |did\s+not
        |not|never)\s+end\s+up\s+in\s+(?:any|the|your|a)\s+(?:\w+\s+)?(?:report|notes|summary
        |write-?up)\b
        |\b(?:no\s+need\s+for|without|don't|dont|do\s+not|not\s+be|never|rather\s+not
        |no)\b[^.!?\n]{0,60}?\b(?:a\s+person
        |a\s+human|humans?|manual\w*|staff|hiring\s+people|(?:the\s+)?recruiters?
        |anyone\s+else|a\s+second
        \s+reader)\b[^.!?\n]{0,40}?\b(?:review|check|look\s+over|double[\s-]?check|read|forward)\w*
        |\b(?:pass|send|forward)\w*\s+(?:it|this
        |this\s+one)\s+(?:up\s+)?to\s+(?:the\s+)?(?:hiring\s+people|humans?
        |staff|recruiters?)\b|\bcan\s+be\s+the\s+final\s+word\b
        |\bkeep\w*\s+(?:that|it|this|them)\s+to\s+yourself\b|\b(?:leave|left|keep
        |kept)\s+(?:it|that|this|them)
        \s+out\s+of\s+(?:your|the)\s+(?:notes|summary|report|write-?up|feedback)\b
        |\b(?:no\s+need\s+to|don't
        |do\s+not|never)\s+(?:point\s+(?:it|that|this)\s+out|write\s+(?:it|that|this)\s+up
        |mention\s+(?:it|that
        |this)|flag\s+(?:it|that|this))\b|\blet\s+(?:it|that|this)\s+slide\b|\b(?:should|must
        |need)\s+not\s+be
        \s+(?:\w+ly\s+)?(?:highlighted|reported|flagged|mentioned|noted|commented|raised
        |questioned)\b
        |\b(?:stays?|kept|remains?)\s+between\s+(?:you|us)\b|\bno\s+(?:real\s+)?(?:people
        |person|humans?|one
        \s+else)\s+(?:needs?|has|have)\s+to\s+(?:read|see|check|review)\b|\b(?:your
        |the)\s+(?:reading|assessment
        |verdict|evaluation|judge?ment)\s+(?:should|can|will|must)\s+(?:stand\s+as
        |be)\s+(?:the\s+)?final\b
        |\bno\s+need\s+to\s+pass\s+(?:this|it)\s+on\b|\brefrain\s+from\s+(?:raising|mentioning
        |noting|flagging
        |commenting|reporting|including)\b|\bkeep\s+(?:this|it
        |that)(?:\s+one)?\s+(?:between\s+(?:us|you\s+and\s+me
        |ourselves)|away\s+from\s+(?:any\s+)?(?:manual|human|staff|recruiters?|people))\b
        |\bno\s+need\s+to\s+(?:raise
        |report|note|mention|flag)\s+(?:it|this|that)\b|\b(?:no\s+need\s+to|don't
        |do\s+not)\s+send\s+(?:it|this)\s+to\s+(?:a\s+)?(?:real
        \s+)?(?:person|human|people|staff)\b"""),
    "rulebook": _signs(r"""\b(?:instructions?|directions?|directives?|guidelines?|guidance
        |rubrics?|criteria|checklists?|setup|set-?up|prompts?|system\s+(?:prompt|message)|orders
        |configuration|config|programming|briefing|rulebook|mandate|scheme)\b|\b(?:usual
        |normal|regular
        |standard)\s+(?:standards|criteria|rules|checks|yardstick|bar)\b|\b(?:scoring
        |grading|evaluation|assessment|marking|review)\s+(?:rules|policy|policies)\b
        |\b(?:notes?|rules?|instructions?|guidance|criteria|guidelines?)\s+(?:(?:that|which)\s+)?
        (?:you|u)\s+(?:got|were|was|have|had|received)\b|\b(?:every|any|all|each|the)\s+(?:\w+\s+)?
        (?:rule|instruction|guideline|directive|criterion)s?\s+(?:(?:that|which)\s+)?(?:you|u)\b
        |\bthe\s+rules\s+(?:changed|for)\b|\b(?:marking|scoring|grading|assessment)\s+(?:guide
        |sheet|scheme|key)\b
        |\b(?:set|list)\s+of\s+(?:rules|criteria|guidelines)\b|\b(?:those|these
        |your)\s+rules\b|\b(?:what|which)\s+(?:rules
        |criteria|rubric|checklist)\s+(?:you|u)\b|\b(?:new|different|special|revised
        |updated)\s+(?:rules?|standards?
        |criteria|guidelines?|polic(?:y|ies))(?:\s+that)?\s+(?:apply|applies|govern\w*
        |are\s+in\s+(?:force|effect)|took\s+effect)\b|\b(?:been\s+)?told\s+to\s+be\s+(?:strict
        |harsh|tough)
        |\b(?:anything|everything|whatever)\s+(?:you|u)\s+(?:were|was|have\s+been)\s+briefed\b
        |\byour\s+(?:checks|checklist|criteria|rules|rubric)\b|\bwhat\s+(?:you|u)\s+(?:are
        |were|will\s+be)
        \s+looking\s+for\b|\bwhat\s+it\s+(?:was|has\s+been)\s+(?:told|asked|instructed|given)\b
        |\bwhat(?:ever)?\s+(?:\w+\s+){0,2}?(?:you|u)\s+(?:were|was|have\s+been|'ve\s+been)\s+(?:told
        |given|asked|instructed|sent|handed)\b|\b(?:you|u)\s+(?:were|was|are
        |have\s+been)\s+(?:set\s+up
        |configured|programmed|instructed|prompted)\s+to\b|\b(?:everything|anything|whatever
        |all)\s+(?:\w+\s+){0,4}(?:above
        |before|earlier|previously|prior)\b"""),
    "disclose": _word_led(r"""\b(?:repeat|print|reveal|show|list|quot|output|past(?:e|ing|ed)
        |disclos|recit
        |share|dump|display|echo|reproduc)\w*|\b(?:tell\s+me|what\s+(?:are|were|is|was)|spell
        \s+out|word\s+for\s+word|verbatim|in\s+full)\b"""),
    "persona": _word_led(r"""\b(?:pretend\w*|act\s+as|acting\s+as|you\s+are\s+now|you're\s+now
        |ur\s+now|play\s+(?:the\s+)?(?:role|part)|role-?play|in\s+character|persona|from\s+here\b
        |from\s+this\s+(?:point|line|moment)\s+(?:on|forward)|(?:you're
        |you\s+are)\s+(?:now\s+)?(?:an?|the|my)\s+(?:\w+\s+){0,2}?
        (?:recruiter|hiring\s+manager|evaluator|grader|assessor|reviewer|judge|interviewer
        |manager|supervisor
        |boss|mentor|coach)\s+who\b
        |(?:imagine|picture)\s+yourself|put\s+yourself\s+in\s+the\s+(?:shoes|place|position)
        |step\s+into\s+(?:the\s+)?(?:shoes|role|place|position)\s+of|(?:put\s+on|wear
        |wearing)\s+(?:your|the|a)
        \s+(?:[\w-]+\s+){0,2}?hat\b|(?:read|judge|assess|see|review)\s+(?:it|this
        |this\s+(?:answer|one))\s+as\s+(?:a|an|my)
        \s+(?:\w+\s+){0,2}?(?:recruiter|friend|fan|ally|advocate|supporter|hiring\s+manager
        |colleague
        |mentor)|from\s+now\s+(?:you|u)\s+(?:are|r)
        |(?:you're|you\s+are)\s+not\s+(?:an?\s+|the\s+)?(?:evaluator|grader|assessor|reviewer|judge
        |examiner|marker|scorer|ai|model|assistant)\b|(?:you're
        |you\s+are)\s+(?:now\s+)?my\s+(?:[\w-]+\s+){0,2}?
        (?:recruiter|friend|fan|ally|advocate|supporter|champion|hype-?man|cheerleader)\b
        |(?:assigned|reassigned|given|takes?\s+on|assumes?|assumed)\s+(?:the\s+)?(?:role|part
        |persona)
        \s+of|imagine\s+(?:you
        |that\s+you)|from\s+(?:now|here)\s+on|let'?s\s+play|simulate|speak\s+as)\b"""),
    # asking the grader not to grade this answer, or not closely
    "skip": _word_led(r"""\b(?:skip|no\s+need\s+to|(?:don't|dont|do\s+not)\s+(?:need\s+to\s+)?
        |not\s+bother
        \s+(?:to\s+)?)\s*(?:\w+\s+){0,2}?(?:assess|evaluat|grad|scor|mark|review|check
        |go(?:ing)?\s+through
        |read(?:ing)?\s+(?:this|it|my)\s+(?:\w+\s+)?(?:in\s+detail|closely
        |carefully))\w*(?:\s+(?:this|it|my
        |the\s+(?:answer|response)))?\b
        |\bmove\s+(?:straight\s+)?on\s+to\s+the\s+next\s+(?:candidate|answer
        |applicant|one)\b|\bexempt(?:ed)?\s+from\s+(?:\w+\s+)?(?:assessment|review|evaluation
        |grading|scoring|checks?)\b
        |\bwithout\s+(?:any\s+)?(?:review|assessment|evaluation|checks?)\b|\bnot\s+(?:evaluate
        |assess|grade|score|mark
        |review|check)\s+(?:this|it|my)\b|\bbypass\w*\s+(?:any|the
        |all)\s+(?:\w+\s+){0,3}?(?:checks?|review|assessment
        |evaluation)\b|\bno\s+(?:further\s+)?(?:review|assessment|evaluation|checks?
        |marking)\s+(?:of\s+(?:this|my)\s+\w+\s+)?
        (?:is\s+)?(?:required|needed|necessary)\b|\b(?:evaluation|assessment|review|grading
        |scoring|marking)\s+of\s+(?:this|my)
        \s+(?:\w+\s+)?(?:is|are)\s+(?:unnecessary|not\s+(?:needed|necessary|required))
        |\bmay\s+be\s+omitted\b"""),
    "deserve": _signs(r"\b(?:deserv\w*|merit\w*|warrant\w*)"),
    # asking to be sent on, not hoping for it
    "advance": _word_led(r"""\b(?:forward|send|move|push|put)\s+my\s+(?:application|answer|candidacy
        |name)\s+(?:straight\s+|right\s+|directly\s+)?(?:to|through|on)\b
        |\bput\s+my\s+name\s+(?:on|forward
        |through)\b|\b(?:put|move|send|push|wave|pass|fast-?track)\s+me\s+(?:straight\s+
        |right
        \s+|directly\s+)?(?:through|on)\b|\b(?:move|advance|progress
        |send)\s+me\s+(?:straight\s+|right\s+
        |directly\s+)?to\s+the\s+(?:next|final)\b"""),
    # asking for a weakness to be counted as a strength
    "reframe": _word_led(r"""\b(?:count|read|treat|regard|see|view|take|consider|credit|score
        |interpret
        |mark)\w*\b
        [^.!?\n]{0,50}?\b(?:as\s+(?:a\s+)?(?:plus|strength|strong\s+point|positive|bonus|sign
        |evidence
        |proof)|in\s+my\s+favou?r|accordingly)\b|\ba\s+plus\s+not\s+a\s+minus\b|\b(?:count
        |read|treat|regard
        |take|see|view)\s+(?:that|it|this|them|those|these|both(?:\s+of\s+(?:those|them
        |these))?)(?:\s+\w+)?
        \s+as\b"""),
    "flaw": _word_led(r"""\b(?:gaps?|weak\w*|shortcomings?|falls?\s+short|short|thin|brief|rambl\w*
        |untrained|(?:no|little|not\s+much|limited)\s+(?:formal\s+)?(?:experience|training)
        |wander\w*|spelling|grammar
        |mistakes?|errors?|typos?|brevity|lacking|missing|limited)\b"""),
    # a fixed reply asked for
    "fixed": _word_led(r"""\breply\s+(?:only\s+)?needs\s+to\s+say\b|\b(?:reply|respond|answer
        |output|return|print|write|say)\s+(?:only\s+
        |just\s+)?
        (?:with\s+)?(?:the\s+)?(?:single\s+|one\s+)?(?:word|phrase|line|verdict|token)\b
        |\band\s+nothing
        \s+else\b"""),
    "tool": _word_led(r"""\b(?:function|tool|action|button)\s+for\s+(?:advancing|approving
        |shortlisting
        |hiring|passing)\b|\b(?:invoke|call|run|execute|trigger)\s+(?:the\s+|a\s+)?(?:[\w-]*_[\w_]*
        |(?:[\w-]+\s+)?(?:tool|function|endpoint|api|action|webhook))\b|\b(?:called
        |named)\s+[a-z]+_[a-z_]+
        \b|\byour\s+(?:toolkit|tools?|functions?|plugins?|actions?)\b|\b(?:invoke|call|run|execute
        |trigger)\s+(?:the\s+)?(?:one|function|tool)s?\s+(?:that|which)\b|\b(?:evaluation|grading
        |scoring
        |hiring|ats|hr)\s+(?:functions?|tools?|apis?|endpoints?|actions?)\b"""),
    # signs that a sentence belongs to the candidate's story: it opens with what someone did,
    # happened at work or in the past, or is a line said to someone ("..., I explained")
    "story": _signs(r"""^\W*(?:i|we|she|he|they|the\s+customer|a\s+customer|my\s+(?:manager
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
    "customer": _signs(r"""\b(?:customers?|callers?|clients?|guests?|shoppers?|patients?
        |passengers?|tenants?|(?<!staff\s)(?<!team\s)(?<!panel\s)members?|users?|buyers?
        |subscribers?)\b"""),
}
# fmt: on
