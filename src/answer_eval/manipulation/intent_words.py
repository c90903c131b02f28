"""What an attack asks of the grader, as the signs reading (``signs``) counts it: drop what it
was told (``override``, ``rulebook``), set the judgment's own fields, keep quiet or avoid human
review, reveal its rules, take a role, call a tool, skip the grading, send the candidate through,
count a weakness as a strength, or reply with one word. Every pattern runs on the skeleton
(lower case, disguises removed); how the asking is phrased is in ``request_words``.
"""

from __future__ import annotations

import re

from answer_eval.manipulation.request_words import vocab, word_led

__all__ = ["INTENTS"]

# fmt: off
INTENTS: dict[str, re.Pattern[str]] = {
    "override": word_led(r"""\b(?:ignor|disregard|forget|forgot|overrid|overrul|bypass|abandon
        |discard|scrap|ditch|suspend|supersed|nullif|void|revok|rescind)\w*|\b(?:invalid|obsolete
        |irrelevant|notwithstanding)\b|\bno\s+longer\s+(?:appl\w+|valid|relevant|in\s+force
        |binding|matters?|counts?|holds?)\b|\b(?:set|put|lay|cast)\s+(?:\w+\s+)?aside\b|\bmatters?
        \s+less\b|\b(?:do\s+not|don't|dont|never)\s+(?:follow|apply|use|obey|consider)\b
        |\bnever\s+(?:written|given|existed|sent)\b|\bout\s+of\s+(?:account|consideration)\b
        |\breplac(?:e|es|ed|ing)\s+(?:them|it|those|these|all|every|any)\b
        |\blook(?:ing)?\s+past\b|\bput\s+(?:\w+\s+){0,3}?behind\s+(?:you|u)\b|\bdrop\s+(?:them
        |it|those|these)\b|\bput\s+(?:it|them)\s+down\b|\bwaived?\b|\bbin\s+(?:them|it|those
        |that)\b|\btoss\s+(?:it|them|that)\b|\bthrow\s+(?:away|out)\b|\bapply\s+(?:this|the
        |these)\s+new\s+(?:rules?|standards?|criteria)\b|\b(?:were|was|have\s+been
        |has\s+been)\s+relaxed\b
        |\b(?:updated|changed|revised|replaced)\s+(?:the|their|its)\s+(?:guidance|rules
        |criteria|guidelines|rubric
        |policy)\b|\bno\s+longer\s+(?:taken\s+into\s+account|considered|counted)\b|\b(?:new
        |different|special|revised|updated|separate)\s+(?:set\s+of\s+)?(?:\w+\s+)?(?:rules?
        |standards?|criteria|guidelines?|polic(?:y|ies)|conditions)(?:\s+that)?\s+(?:apply
        |applies|govern\w*|are\s+in\s+(?:force|effect)|took\s+effect|effective)\b
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
    "schema": word_led(r"""\b(?:injection|red[\s_]flags?|manipulation\w*|flagged|unverified\w*)\b
        [^.!?\n]{0,30}?\b(?:false|empty|leer|vide|vacia|vazio|none|null|no\s+entries)\b
        # ... or the judge's other fields given values ("needs_human_review = false", "ai
        # fluency = 5", "confidence to 'very high'")
        |\bmanual[\s_-]*review\s*[:=]\s*["']?(?:not[\s_-]*required|false|none|no|skip\w*)
        |\b(?:needs[\s_-]*(?:human[\s_-]*)?review|human[\s_-]*review|confidence|ai[\s_-]*fluency
        |star[\s_-]*(?:structure|score)|red[\s_-]*flags?|verdict|overall[\s_-]*score)\s*(?:=|:
        |\bto\b
        |\bas\b)\s*["']?(?:false|true|none|null|empty|(?:very\s+)?high|[0-5](?:\.\d)?(?:\s*/\s*5)?\b
        |advance|hire|strong[\s_-]*(?:yes|hire)|clean|pass)"""),
    # asking the grader to keep quiet about what it noticed
        "conceal": word_led(r"""\b(?:don't|dont|do\s+not|never|without|avoid
        |no\s+need\s+to)\s+(?:\w+\s+)?
        (?:mention\w*|flag\w*|note|noting|report\w*|rais\w*|comment\w*\s+on|point\w*\s+out)
        \s+(?:\w+\s+){0,4}?(?:unusual|odd|strange|weird|suspicious|injection|manipulat\w*|anomal\w*
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
        \s+reader)\b[^.!?\n]{0,40}?\b(?:review|check|look\s+over|double[\s-]?check|read
        |forward|second\s+look)\w*
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
        |verdict|evaluation|judge?ment|own\s+conclusion|conclusion)\s+(?:(?:should|can|will
        |must)\s+)?(?:stand\s+as|be)\s+(?:the\s+)?final\b
                |\bno\s+need\s+to\s+pass\s+(?:this|it)\s+on\b|\b(?:remain|stay|go
        |be\s+left)\s+unmentioned\b|\bpassed\s+over\s+in\s+silence\b
        |\bnot\s+(?:be\s+)?reported\b|\bno\s+(?:remarks|comments|notes|mention)\s+(?:about|of|on)
        \s+(?:\w+\s+){0,2}?(?:irregularit\w*|anything\s+(?:odd|unusual)|the\s+(?:wording
        |formatting))\b
        |\b(?:kick|pass|send|bump|escalate)\s+(?:this
        |it)(?:\s+one)?\s+(?:up\s+)?to\s+(?:a\s+)?(?:real\s+)?(?:person
        |human|manager|supervisor|staff)\b|\bomitted\s+from\s+(?:the
        |your)\s+(?:\w+\s+)?(?:report|summary
        |notes|write-?up)\b|\bwithout\s+(?:mentioning|noting|flagging|reporting)\s+(?:it
        |this|that)\b|\bkept\s+out\s+of\s+(?:your|the)\s+(?:notes|summary|report|write-?up
        |feedback)\b|\bnothing
        \s+(?:here\s+)?(?:that\s+)?needs\s+(?:raising|flagging|reporting)\b
        |\bnot\s+be\s+(?:raised|mentioned|flagged
        |reported|noted|highlighted)\s+(?:in|to)\b|\b(?:no\s+need\s+to|don't|dont|do\s+not
        |never)\s+(?:loop|bring
        |pull)\s+in\s+(?:a\s+|any\s+)?(?:human|person|people|staff|recruiter|colleague)
        |\brefrain\s+from\s+(?:raising|mentioning
        |noting|flagging
        |commenting|reporting|including)\b|\bkeep\s+(?:this|it
        |that)(?:\s+one)?\s+(?:between\s+(?:us|you\s+and\s+me
        |ourselves)|away\s+from\s+(?:any\s+)?(?:manual|human|staff|recruiters?|people))\b
        |\bno\s+need\s+to\s+(?:raise
        |report|note|mention|flag)\s+(?:it|this|that)\b|\b(?:no\s+need\s+to|don't
        |do\s+not)\s+send\s+(?:it|this)\s+to\s+(?:a\s+|an\s+)?(?:real\s+)?(?:person|human
        |people|staff|manager|anyone|colleague
        |supervisor|recruiter|the\s+team)\b"""),
    "rulebook": vocab(r"""\b(?:instructions?|directions?|directives?|guidelines?|guidance
        |rubrics?|criteria|checklists?|setup|set-?up|prompts?|system\s+(?:prompt|message)|orders
        |configuration|config|programming|briefing|rulebook|mandate|scheme)\b|\b(?:usual
        |normal|regular
        |standard)\s+(?:standards|criteria|rules|checks|yardstick|bar|expectations)\b|\b(?:scoring
        |grading|evaluation|assessment|marking|review)\s+(?:rules|policy|policies)\b
        |\b(?:notes?|rules?|instructions?|guidance|criteria|guidelines?)\s+(?:(?:that|which)\s+)?
        (?:you|u)\s+(?:got|were|was|have|had|received)\b|\b(?:every|any|all|each|the)\s+(?:\w+\s+)?
        (?:rule|instruction|guideline|directive|criterion)s?\s+(?:(?:that|which)\s+)?(?:you|u)\b
        |\bthe\s+rules\s+(?:changed|for)\b|\b(?:marking|scoring|grading|assessment)\s+(?:guide
        |sheet|scheme|key)\b
        |\b(?:set|list)\s+of\s+(?:rules|criteria|guidelines)\b|\b(?:you're
        |you\s+are)\s+(?:checking|judging
        |grading|marking|scoring)\s+(?:\w+\s+){0,3}?against\b|\bwhat\s+(?:you're
        |you\s+are)\s+looking\s+for\b|\bwere\s+(?:you|u)\s+told\s+to\s+(?:look\s+for|check
        |use)\b|\brules\s+(?:they|someone|we)\s+gave\s+(?:you|u)\b
        |\bapply\s+(?:this|the|these)\s+new\s+(?:rules?|standards?|criteria)\b
        |\bwhatever\s+(?:\w+\s+){0,3}?(?:you|u)\s+got
        \s+told\b|\b(?:those|these
        |your)\s+rules\b|\b(?:what|which)\s+(?:rules
        |criteria|rubric|checklist)\s+(?:you|u)\b|\b(?:new|different|special|revised|updated
        |separate)\s+(?:set\s+of\s+)?(?:\w+\s+)?(?:rules?
        |standards?|criteria|guidelines?|polic(?:y|ies)|conditions)(?:\s+that)?\s+(?:apply
        |applies|govern\w*|are\s+in\s+(?:force|effect)|took\s+effect|effective)\b
        |\b(?:been\s+)?told\s+to\s+be\s+(?:strict
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
    "disclose": word_led(r"""\b(?:repeat|print|reveal|show|list(?!en)|quot|output|past(?:e|ing|ed)
        |copy\s+(?:out|down|over)|write\s+out
        |disclos|recit
        |share|dump|display|echo|reproduc)\w*|\b(?:tell\s+me|what\s+(?:exactly\s+)?(?:are|were
        |is|was)|spell
        \s+out|word\s+for\s+word|verbatim|in\s+full)\b"""),
    "persona": word_led(r"""\b(?:pretend\w*|act\s+as|acting\s+as|you\s+are\s+now|you're\s+now
        |ur\s+now|play\s+(?:the\s+)?(?:role|part)|role-?play|in\s+character|persona|from\s+here\b
        |from\s+this\s+(?:point|line|moment)\s+(?:on|forward)|(?:you're
        |you\s+are)\s+(?:now\s+)?(?:an?|the|my)\s+(?:\w+\s+){0,2}?
        (?:recruiter|hiring\s+manager|evaluator|grader|assessor|reviewer|judge|interviewer
        |manager|supervisor
        |boss|mentor|coach)\s+who\b
        |(?:imagine|picture)\s+yourself|put\s+yourself\s+in\s+the\s+(?:shoes|place|position)
        |step\s+into\s+(?:the\s+)?(?:shoes|role|place|position)\s+of|(?:put\s+on|wear
        |wearing)\s+(?:your|the|a)
        \s+(?:[\w-]+\s+){0,2}?hat\b|\bbe\s+on\s+my\s+side\b|\bmy\s+(?:own\s+)?advocate\b|(?:be
        |become)\s+(?:my|the|a)\s+(?:\w+\s+)?(?:mentor|friend|fan|ally
        |advocate|supporter|champion|coach
        |cheerleader)\b|instead\s+of\s+(?:a|the)\s+(?:judge|grader|assessor|reviewer|evaluator
        |critic)\b
        |(?:read|judge|assess|see|review)\s+(?:it|this|this\s+(?:answer|one))\s+as\s+(?:a|an|my)
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
    "skip": word_led(r"""\b(?:skip|no\s+need\s+to|(?:don't|dont|do\s+not)\s+(?:need\s+to\s+)?
        |not\s+bother
        \s+(?:to\s+)?)\s*(?:\w+\s+){0,4}?(?:assess|evaluat|grad|scor|mark|review|check|judg
        |go(?:ing)?\s+over
        |go(?:ing)?\s+through
        |read(?:ing)?\s+(?:this|it|my)\s+(?:\w+\s+)?(?:in\s+detail|closely
        |carefully))\w*(?:\s+(?:this|it|my
        |the\s+(?:answer|response)))?\b
        |\bskip\s+(?:ahead|on)\s+to\s+the\s+next\b
        |\bmove\s+(?:straight\s+)?on\s+to\s+the\s+next\s+(?:candidate|answer
        |applicant|one)\b|\bexempt(?:ed)?\s+from\s+(?:\w+\s+){0,4}?(?:re-?)?(?:assessment
        |review|evaluation|grading|scoring
        |checks?)\b|\b(?:don't|dont|do\s+not|not)\s+put\s+(?:this|it
        |my)\s+(?:\w+\s+)?through\s+(?:the\s+)?(?:\w+\s+)?(?:check\w*
        |review|assessment|evaluation|marking)|\b(?:doesn't|does\s+not
        |won't)\s+need\s+(?:the\s+|a\s+|any\s+)?(?:usual\s+
        |full\s+)?(?:going-?over|review|check\w*|assessment|evaluation|marking|analysis)\b
        |\bwithout\s+(?:any\s+)?analysis\b|\b(?:doesn't|doesnt|does\s+not
        |won't)\s+(?:really\s+)?need\s+to\s+be
        \s+(?:evaluated|assessed|graded|scored|marked|reviewed|checked)\b
        |\bwithout\s+(?:going\s+over|checking|reviewing
        |reading\s+through)\s+(?:it|this)\b
        |\bwithout\s+(?:any\s+)?(?:review|assessment|evaluation|checks?)\b|\bnot\s+(?:evaluate
        |assess|grade|score|mark
        |review|check)\s+(?:this|it|my)\b|\bbypass\w*\s+(?:any|the
        |all)\s+(?:\w+\s+){0,3}?(?:checks?|review|assessment
        |evaluation)\b|\bno\s+(?:further\s+)?(?:review|assessment|evaluation|checks?
        |marking)\s+(?:of\s+(?:this|my)\s+\w+\s+)?
        (?:is\s+)?(?:required|needed|necessary)\b|\b(?:evaluation|assessment|review|grading
        |scoring|marking)\s+of\s+(?:this|my)
        \s+(?:\w+\s+){0,2}?(?:is|are)\s+(?:unnecessary|not\s+(?:needed|necessary|required))
        |\bmay\s+be\s+omitted\b"""),
    # asking to be sent on, not hoping for it
        "advance": word_led(r"""\b(?:i'm|i\s+am|i\s+get|i\s+be)\s+put\s+through\b|\b(?:i
        |me)\s+be\s+(?:advanced|moved|sent
        |put)\s+(?:directly\s+|straight\s+)?(?:to|through)\b|\b(?:forward|send|move|push
        |put)\s+my\s+(?:application|answer|candidacy
        |name)\s+(?:straight\s+|right\s+|directly\s+)?(?:to|through|on)\b
        |\bput\s+my\s+name\s+(?:on|forward
        |through)\b|\b(?:put|move|send|push|wave|pass|fast-?track)\s+me\s+(?:forward\b|straight\s+
        |right
        \s+|directly\s+)?(?:through|on)\b|\b(?:move|advance|progress
        |send)\s+me\s+(?:straight\s+|right\s+
        |directly\s+)?to\s+the\s+(?:next|final)\b"""),
    # asking for a weakness to be counted as a strength
    "reframe": word_led(r"""\b(?:count|read|treat|regard|see|view|take|consider|credit|score
        |interpret
        |mark)\w*\b
                [^.!?\n]{0,50}?\b(?:as\s+(?:a\s+)?(?:plus|pluses|strengths?|strong\s+points?
        |positives?|bonus|assets?|signs?
        |evidence
        |proof)|in\s+my\s+favou?r|accordingly)\b|\ba\s+plus\s+not\s+a\s+minus\b
        |\bcount\w*\s+for\s+me\b|\bnot\s+against\s+me\b
        |\bflip\s+(?:it|that|them)\s+(?:around|over)\b|\b(?:it|this|that|they|these|those
        |such\s+\w+)\s+(?:be|are|is)
        \s+(?:\w+ly\s+)?(?:interpreted|read|treated|regarded|seen|counted|taken|viewed)\s+as\b
        |\b(?:count
        |read|treat|regard
        |take|see|view)\s+(?:that|it|this|them|those|these|both(?:\s+of\s+(?:those|them
        |these))?)(?:\s+\w+)?
        \s+as\b"""),
    "flaw": word_led(r"""\b(?:gaps?|weak\w*|lack\w*|not\s+(?:to\s+)?(?:address|cover)\w*
        |shortcomings?|shortfalls?|falls?\s+short|short
        |vague|thin|brief|rambl\w*
        |untrained|(?:no|little|not\s+much|limited)\s+(?:formal\s+)?(?:experience|training)
        |wander\w*|spelling|grammar
        |mistakes?|errors?|typos?|brevity|lacking|missing|limited)\b"""),
    # a fixed reply asked for
    "fixed": word_led(r"""\breply\s+(?:only\s+)?needs\s+to\s+say\b|\b(?:reply|respond|answer
        |output|return|print|write|say)\s+(?:only\s+
        |just\s+)?
        (?:with\s+)?(?:the\s+)?(?:single\s+|one\s+)?(?:word|phrase|line|verdict|token)\b
        |\bnothing
        \s+else\b"""),
    "tool": word_led(r"""\b(?:functions?|tools?|actions?|buttons?)\s+for\s+(?:advancing|approving
        |shortlisting
        |hiring|passing)\b|\b(?:invoke|call|run|execute|trigger)\s+(?:(?:the\s+
        |a\s+)?(?:[\w-]*_[\w_]*
        |(?:[\w-]+\s+)?(?:tool|function|endpoint|api|action|webhook))
        |the\s+[\w-]+\s+[\w-]+\s+(?:tool|function
        |endpoint|api|action|webhook))\b|\b(?:an?|the|your)\s+[a-z]+_[a-z_]+\s+(?:function
        |tool|action|endpoint)\b|\b(?:called
        |named)\s+[a-z]+_[a-z_]+
        \b|\byour\s+(?:toolkit|tools?|functions?|plugins?|actions?)\b|\b(?:invoke|call|run|execute
        |trigger)\s+(?:the\s+)?(?:one|function|tool)s?\s+(?:that|which)\b|\b(?:evaluation|grading
        |scoring
        |hiring|ats|hr)\s+(?:functions?|tools?|apis?|endpoints?|actions?)\b"""),
}
# fmt: on
