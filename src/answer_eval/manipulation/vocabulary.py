"""The English vocabulary the manipulation rules are built from: who grades, what this answer
is called, an imperative, the best grade, words that claim or hand one out, what the evaluator
was told and how it is overridden. Each is a verbose regular-expression fragment (no groups
that capture), put together into rules by ``english`` and ``claims``.
"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE",
    "CLAIM",
    "GIVEN",
    "GRADER",
    "GRADE_VERB",
    "GRADING_ROLE",
    "HAND_OUT",
    "IMPERATIVE",
    "INSTRUCTIONS",
    "OVERRIDE",
    "ROLE",
    "RULEBOOK",
    "SENTENCE",
    "STEERING",
    "TARGET",
    "THIS",
    "TOP",
    "TOP_WORD",
]

# Who grades: the evaluator, named as a role or as a machine.
GRADER = r"""(?:evaluat(?:or|ors)|grader|graders|assessor|examiner|marker|scorer|reviewer|judge
    |screener|rater|recruiter|hiring\s+(?:manager|team)|(?:grading|scoring|evaluation|evaluating|
    marking|assessment|review|screening)\s+(?:model|system|ai|bot|assistant|engine|tool|llm)
    |ai|a\.i\.|llm|language\s+model|model|assistant|chat\s?gpt|gpt[\w.-]*|claude|gemini|copilot
    |chatbot|bot)"""
# Whom an address reaches: any grader, but a recruiter or hiring manager greeted at the top of
# a written answer ("Dear hiring manager, ...") only when the same line goes on to steer.
STEERING = r"""[^\n]{0,160}?\b(?:scor\w*|grad\w*|marks|rate\s+(?:me|this|my)|deserv\w*|hire\s+me
    |pass\s+me|top\s+marks|full\s+marks|generous\w*|lenient\w*|into\s+account|overlook|forgive
    |approv\w*
    |shortlist\w*|advance\w*|favou?r\w*)\b"""
ADDRESSEE = rf"""(?:{GRADER}(?<!recruiter)(?<!hiring\smanager)(?<!hiring\steam)\b|(?:recruiter
    |hiring\s+(?:manager|team))\b(?={STEERING}))"""
# What grading does, as verb stems.
GRADE_VERB = r"(?:grad|scor|evaluat|assess|review|read|mark|rat|judg|check|screen|process)\w*"
# This answer, as the writer refers to it.
THIS = r"""(?:(?:this|my|the|that)\s+(?:\w+\s+)?(?:answer|response|submission|reply|essay
    |application|candidate|applicant|interviewee|entry)|\bme\b)"""
TARGET = rf"""(?:{THIS}|\bit\b|\bthis\b|\beverything\s+(?:above|here|in\s+this\s+\w+)|\ball\s+of
    \s+(?:this|the\s+above))"""
# An imperative: at the start of a sentence or clause, after "please", or said to "you" or to
# a grader ("you should give", "any fair grader would give").
IMPERATIVE = r"""(?:^|(?<=[.!?:;,\n"'(_*])\s*|(?<=\s-)\s+|\b(?:please|kindly|just|simply|now|so
    |then|and|you|let's|lets)\s+(?:\w+\s+)?|\b(?:evaluators?|graders?|examiners?|assessors?
    |reviewers?
    |markers?
    |scorers?|judges?|raters?|models?|ai|llm|assistant)\s+(?:\w+\s+)?)"""
# The best grade, however it is put.
TOP = r"""(?:(?<![\d.])(?:5\s*/\s*5|10\s*/\s*10|100\s*/\s*100|20\s*/\s*20|4\s*/\s*4|3\s*/\s*3)
    |(?<![\d.])(?:5|five|10|ten|100)[\s-]+(?:out[\s-]+of|of)[\s-]+(?:5|five|10|ten|100)\b
    |(?:a\s+)?perfect\s+(?:5|five|10|ten|100)\b
    |top\s+(?:\d+\s*%|percentile|decile)|(?:very\s+)?top\s+of\s+the\s+(?:shortlist|list|pile|ranking
    |pool|stack)
    |full\s+(?:marks|points|score|credit)|(?:top|max|maximum|highest|perfect|best|excellent
    |outstanding|exceptional|flawless|exemplary|strongest)\s+(?:possible\s+)?(?:score|scores
    |grade|grades|mark|marks|rating|ratings|points|recommendation|evaluation|hire|band|result
    |results|outcome|verdict|level|tier)\b
    |strong[\s_-]*(?:yes|hire)\b|definitely[\s_-]*hire\b
    |all\s+(?:\w+\s+)?(?:competencies|dimensions|rubric\s+items)\s+(?:met|satisfied|passed)
    |(?:advanc\w*|mov\w*|progress\w*|send\w*)\s+(?:\w+\s+)?to\s+the\s+(?:next|final)\s+(?:round
    |stage
    |interview)
    |\ba\s+(?:5|five|10|ten)\b(?!\s*-?\s*(?:star|stars|minute|hour|day|week|percent|%|year))
    |score\s+of\s+(?:5|10)\b|(?:5|five)\s+(?:on|in|for|across)\s+(?:every|all|each))"""
# Bare praise words count as a grade only after "as" ("grade it as excellent").
TOP_WORD = r"""(?:excellent|outstanding|exceptional|perfect|flawless|exemplary|strong|pass
    |passing|hire|met|yes|a\s+pass|(?:model|ideal|reference|benchmark|gold[\s-]standard)\s+(?:answer
    |response|submission)|best(?:\s+(?:answer|response|one|submission|of))?)"""
# Words that hand a grade out or claim one.
CLAIM = r"""(?:deserves?|merits?|earns?|warrants?|worth|scores?|gets?|receives?|achieves?
    |is\s+to\s+(?:receive|get|be\s+given|be\s+awarded|score)
    |is\s+(?:clearly\s+|obviously\s+|definitely\s+)?(?:rated|graded|scored|marked|worth)
    |should\s+(?:get|receive|be\s+given|be
    \s+awarded|score|be\s+scored|be\s+rated|be\s+graded|be\s+marked|pass)|must\s+(?:get|receive
    |be\s+given|score|be\s+scored|be\s+rated|be\s+graded|be\s+marked|pass))"""
HAND_OUT = r"""(?:give|assign|award|grant|rate|grade|score|mark|rank|evaluate|assess|judge
    |classify|label|put|set|record|consider|treat|recommend)"""
INSTRUCTIONS = r"""(?:instructions?|directions?|directives?|rules|rubrics?|guidelines?|guidance
    |criteria|criterion|prompts?|system\s+(?:prompt|message)|constraints|programming|training
    |(?:scoring|grading|evaluation|marking|assessment|review)\s+(?:\w+\s+)?(?:policy|policies|rules
    |guide|guides|guidelines|criteria|scheme|system|instructions|standards|process|steps|procedure
    |checks?)
    |everything\s+(?:above|before|else|you\s+(?:were|have\s+been)\s+(?:told|given))
    |(?:the\s+)?(?:checks|steps|tests|procedures?|process)\s+you\s+(?:\w+\s+)?(?:run|do|perform
    |follow|use|apply|take)
    |(?:the\s+)?checklists?\s+(?:you|they)\s+(?:were|have\s+been|got)\s+(?:given|handed|told|sent)
    |(?:every|any|each|all)\s+(?:\w+\s+)?(?:rule|instruction|guideline|directive)s?\s+you\s+(?:were
    |have\s+been|got)
    |(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:text|content)\s+above|what\s+you\s+(?:were|have\s+been)
    \s+(?:told|given|asked|instructed)|your\s+(?:task|orders|job))"""
OVERRIDE = r"""(?:ignore|disregard|forget|override(?!\s+(?:code|key|button|option|pin|password
    |permission|authority|function|switch|feature|form|request|approval))|overrule|bypass|skip|abandon|discard|drop
    |scratch|ditch|toss|junk|never\s+mind|set\s+aside|put\s+aside|pay\s+no\s+(?:attention|heed)\s+to
    |(?:do\s+not|don't|never)\s+(?:follow
    |apply|use|obey|consider)|stop\s+following|no\s+longer\s+follow|throw\s+out|suspend|replace)"""
ROLE = r"""(?:evaluator|grader|examiner|assessor|reviewer|marker|scorer|judge|rater|recruiter
    |interviewer|hiring\s+manager|ai|assistant|model|bot|chatbot|persona|character|version|mode
    |friend|fan|ally|advocate|supporter|mentor|mother|father|parent|colleague|teacher
    |hr\s+(?:representative|rep|manager|officer|person))"""
GRADING_ROLE = r"""(?:evaluator|grader|examiner|assessor|reviewer|marker|scorer|judge|rater
    |recruiter|interviewer|hiring\s+manager|ai|assistant|model|bot|chatbot)"""
# What the evaluator was told, and a clause saying it was given to it ("that you were given",
# "which came earlier in this conversation").
RULEBOOK = r"""(?:instructions|rubric|rules|criteria|guidelines|guidance|checklist
    |(?:grading|scoring|evaluation|marking)\s+\w+|system\s+prompt|prompt)"""
GIVEN = r"""(?:(?:that|which)\s+)?(?:\w+\s+){0,3}?(?:you\s+(?:were|have\s+been|got|received)|above
    |before\s+(?:this|my)\s+\w+|earlier\s+in\s+(?:this|the)\s+(?:conversation|chat|prompt|message
    |text|context))(?:\s+\w+){0,5}?"""
SENTENCE = r"[^.!?\n]"
