"""How a sentence asks, as the signs reading (``signs``) counts it: a request however polite,
a claim that the outcome was settled, a label that states the grade, a grade deserved. What is
asked (the intents of an attack) is in ``intent_words``; the parties and outcomes in
``sign_words``; ``signs`` says which combinations raise a signal. Every pattern runs on the
skeleton (lower case, disguises removed).
"""

from __future__ import annotations

import re

__all__ = ["REQUESTS", "vocab", "word_led"]


def vocab(pattern: str) -> re.Pattern[str]:
    """A sign's vocabulary: a verbose pattern searched anywhere in a sentence."""
    return re.compile(pattern, re.VERBOSE)


def word_led(pattern: str) -> re.Pattern[str]:
    """A sign whose every match starts a word: tried only where a word starts (twice as fast on
    the long vocabularies as leaving it to the ``\\b`` inside)."""
    return re.compile(rf"(?<![a-z0-9_])(?=[a-z0-9])(?:{pattern})", re.VERBOSE)


# fmt: off
REQUESTS: dict[str, re.Pattern[str]] = {
    "directive": vocab(r"""\b(?:please|pls|plz|kindly|should|must|need\s+to|needs\s+to
        |have\s+to|has\s+to|ought\s+to|shall|make\s+sure|ensure|let\s+(?:this|it|me|my)
        |(?:you|u)\s+can\s+(?:just\s+|simply\s+)?(?:pass|skip|move|wave|let|mark|put|give
        |approve|tick)\b
        |(?:just|please)\s+(?:stick|put|place|bump|pop)\s+(?:me|this|it)\b|(?:wouldn't
        |would)\s+it\s+be\s+fair\s+to
        \s+say|the\s+(?:sensible|right|correct|obvious|logical|fair)\s+(?:outcome|thing|move
        |call|step)\s+(?:here\s+)?(?:is
        |would\s+be)|\band\s+(?:count|read|treat|regard)\s+(?:that|it|this|them|those)\s+as\b
        |(?:i'd|i\s+would)\s+(?:\w+ly\s+)?(?:suggest
        |prefer\s+(?:that|if))|\bnothing\s+less\b|(?:i'm|i\s+am)\s+asking\s+(?:you|u)\b
        |,\s*(?:please\s+)?(?:mark|rate|score|grade
        |record|label)\s+(?:it|this|them|me)?\s*as\b|\b(?:just|simply|please)\s+skip\b
        |(?:would|will)\s+want\s+(?:you|u)\s+to
        |(?:you|u)\s+can\s+(?:just|simply)\b|(?:is|are)\s+unnecessary\b|will\s+suffice\b
        |(?:would\s+be|is)\s+(?:well|richly|fully|thoroughly)\s+deserved|(?:i
        |we)\s+(?:would\s+)?(?:\w+ly\s+)?(?:ask|request)\s+that
        |i\s+would\s+(?:\w+ly\s+)?(?:ask|urge|beg)\s+(?:you|u)\b|i'd\s+(?:\w+ly\s+)?(?:ask
        |request)\s+that
        |(?:wouldn't|would|don't|do)\s+you\s+agree
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
        |just)\s+(?:push|wave|skip
        |put
        |give|mark|rate|score|send|move|bump|turn|set|place|let)\s+(?:the|this|it|me|my)
        |all\s+that\s+is\s+left\s+for\s+you
        |go\s+ahead\s+and|let's|lets\s+(?:just\s+)?(?:save|skip|move|put)
        |(?:i\s+)?trust\s+(?:you|u)\s+(?:to|(?:can|will|'ll)\s+see)|the\s+(?:right|correct|best
        |smart)\s+(?:move
        |thing|call|step)\s+(?:is|would\s+be)|(?:i'd|i\s+would)\s+be\s+(?:\w+\s+)?(?:grateful
        |thankful
        |obliged|delighted|happy|thrilled)\s+if|(?:you'll
        |you\s+will)\s+(?:\w+ly\s+)?(?:conclude|agree
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
        |mistake|waste|oversight|error|loss|lapse)\b
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
                |^\W*(?:(?:now|so|just|also|then|and|simply|anyway|ok|okay|btw)\s+)*(?:treat
        |count|regard|mark|rate|score
        |grade|give|tick
        |assign|award|put|place|record|consider|conclude|report|output|return|list|print|repeat
        |say|state|set|leave|skip|omit|accept|pass|approve|advance|copy|act|invoke|call|run
        |execute|send)\b"""),
    "claimed": vocab(r"""\b(?:already|pre-?\w+|verified|certified|consensus|agreed|settled
        |confirm\w*|signed\s+off|endorsed|validated|calibrat\w+|determined|assigned|awarded
        |pre-?cleared|on\s+file|automatically|assured\s+(?:me|us)\s+that
        |(?:is|are)\s+expected\s+to\s+(?:go|pass|advance|move|progress|sail)|(?:simply|just
        |merely)\s+a
        \s+fact|(?:is|was)\s+a\s+(?:clear|definite|certain|sure)\s+(?:pass|yes|hire)|(?:is
        |was)\s+a\s+(?:clear\s+)?(?:ten|10|five|5)\s+out\s+of\s+(?:ten|10|five|5)|(?:required
        |expected|agreed
        |pre-?agreed|mandated)\s+(?:outcome|result|score|grade|rating|band|verdict)\s*(?::|=|\bis\b
        |\bshould\s+be\b)
        |no\s+further\s+review|qualif(?:y|ies)\s+for|approved\s+by\s+(?:the\s+)?(?:hiring
        |recruit\w*|hr|panel|manager)|override\s+applied|(?:is
        |was)\s+(?:already\s+)?marked\s+(?:as\s+)?(?:pass|passed
        |approved|complete)
        |(?:that|the)\s+result\s+stands|pencil+ed\s+in|(?:already\s+)?decided\s+(?:i'm
        |i\s+am)\s+the\s+(?:person|one
        |candidate)
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
            "label": vocab(r"""\|\s*(?:overall|final|verdict|decision|outcome
        |recommendation)\s*\||\b(?:evaluation|grading|assessment|review|scoring)\s+(?:label
        |verdict|decision|result
        |outcome|status)\b|\b(?:required|expected|agreed|pre-?agreed|mandated)\s+(?:outcome
        |result|score|grade
        |rating|band|verdict)\s*(?::|=|\bis\b|\bshould\s+be\b)
        |\bverdicts?(?:\s+\w+){0,3}?\s*[:=]|\blabel\s+(?:for
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
    # a verdict stamped with its value ("Verdict: HIRE")
    "stamp": vocab(
        r"\b(?:verdict|decision|outcome|recommendation)\s*[:=]\s*(?:hire|strong\s+hire|pass"
        r"|approved|advance)(?=\s*(?:[.,;:!)|/\n-]|$))"
    ),
    # an imperative to record the grade ("Mark as strong hire")
    "mark_as": vocab(
        r"^\W*(?:please\s+)?(?:mark|rate|score|grade|record|label|log)\s+(?:(?:this|it|me|the\s+\w+"
        r"|my\s+\w+)\s+)?as\b"
    ),
    "deserve": vocab(
        r"\b(?:deserv\w*|merit\w*|warrant\w*|belongs?\s+(?:at|in|on)\s+the\s+(?:very\s+)?top)"
    ),
}
# fmt: on
