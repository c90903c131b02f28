"""Warning signs said in plain words: dismissing tools, refusing to apologise, self-serving
motives, hedging and stock phrases.

These lexicons find the *parts* of a warning sign, so paraphrases are caught by combination
rather than by exact phrase: a sentence that names AI or a tool (``vocabulary.AI_WORDS``) and
holds a dismissive predicate (``DISMISSIVE``) dismisses it, unless it is qualified
(``QUALIFIERS``: "without checking", "for sensitive cases", "unless"), which is judgment, not
dismissal; a sentence that names someone else (``vocabulary.OTHER_PARTY_WORDS``) and puts a
fault on them (``FAULT``) shifts blame.
"""

from __future__ import annotations

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "CLICHES",
    "DISMISSIVE",
    "FAULT",
    "HEDGES",
    "NO_APOLOGY",
    "QUALIFIERS",
    "SELF_SERVING",
]

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
_NEG = r"(?:don't|do not|never|rarely|won't|will not|wouldn't|would not|refuse to|can't|cannot)"
DISMISSIVE = lexicon("dismissive", [
    Entry("useless", r"useless|pointless|worthless|(?:a )?waste of (?:time|money|effort)"
          r"|(?:a )?gimmick|gimmicky|overrated|over-rated|(?:just |all |mostly )?hype|(?:a )?fad"
          r"|rubbish|garbage|junk|unnecessary|not (?:needed|necessary|helpful|useful|worth it)"
          r"|(?:of )?no use|(?:a )?crutch|for lazy|more trouble than|do(?:es)?n't (?:really )?"
          r"(?:work|help)|never (?:works?|helps?)|(?:never|not|isn't|aren't) (?:any|much) good"
          r"|no good|impersonal|robotic|soulless|(?:takes?|took|taking) (?:\w+ ){0,2}(?:human"
          r"|personal) (?:side|touch|element|part) out|(?:annoys?|annoyed|frustrates?|irritates?"
          r"|confuses?) (?:the |our |most )?(?:customers|people|users|clients)|no help"
          r"|not (?:much|any) help|(?:gets?|got|getting) in the way|(?:makes?|made) (?:things"
          r"|it|everything) worse|(?:can't|cannot|can never|will never) (?:do anything|help"
          r"|be trusted)"),
    Entry("sees no point", r"(?:don't|do not|can't|cannot|never) (?:really )?see the (?:point"
          r"|need|use|value)|no (?:point|need|reason) (?:in|to|for)|what(?:'s| is) the point"),
    Entry("won't use", rf"{_NEG} (?!just|only|simply|blindly)(?:\w+ ){{0,2}}?(?:use|using"
          r"|need|trust|rely on|relying on|bother(?:ed)? with|touch|like|believe in|care about"
          r"|want|think (?:\w+ ){1,3}(?:will|would|could|can|is|are) (?:ever )?(?:be )?"
          r"(?:useful|helpful|any good|worth|necessary|needed))"),
    Entry("avoids it", r"(?:stay|keep|steer|stayed|kept|steered) (?:well )?(?:away|clear) from"
          r"|(?:avoid|ignore|ignored|avoided|reject|rejected) (?:using )?(?:it"
          r"|them|any|all|ai|these|those|the|its|their)|(?:stopped|quit|gave up) (?:using|on)"
          r"|never bothered|(?:turned|switched|shut) (?:it|them|that|this) off|disabled (?:it"
          r"|them)|(?:keep|kept|keeping) (?:it|them|that) out of|refuse to|refused to"
          r"|not (?:a fan|for me|my thing|interested)|no interest in|(?:hate|dislike|distrust"
          r"|can't stand)"),
    Entry("does it myself", r"(?:prefer|rather|instead) (?:\w+ ){0,8}?(?:myself|my own"
          r"|manually|by hand|from scratch|the old[- ]fashioned way|the old way|the way i always"
          r" have)|(?:stick|stuck|sticking) to (?:the old|my own|what i know|doing it)"),
])
QUALIFIERS = lexicon("qualifiers", [
    Entry("nuance", r"blindly|without (?:checking|reviewing|review|editing|reading|a human"
          r"|human)|unchecked|as is|by itself|alone|(?:rely|relying|trust|trusting|depend)"
          r" (?:on (?:it|them) )?(?:completely|entirely|fully|100%)"
          r"|(?:for|with|on) (?:\w+ )?(?:sensitive|complex|emotional|angry|upset|billing|legal"
          r"|refunds?|final|difficult|tricky|escalated|everything)|unless|except|only (?:for|when"
          r"|if|as)|replace (?:the )?(?:human|people|empathy|judgment|judgement)|human touch"
          r"|on its own|go(?:es)? to a (?:person|human|colleague|specialist)"),
])
NO_APOLOGY = lexicon("refuses to apologise", [
    Entry("won't apologise", r"(?:don't|do not|never|won't|will not|wouldn't|would not"
          r"|refuse to|refused to|not going to|no need to|no reason to|shouldn't have to"
          r"|why should i|don't believe in|don't see why i should) (?:ever |actually )?"
          r"(?:apologi[sz]\w*|say(?:ing)? (?:i'm |i am )?sorry)"),
    Entry("apology is weak", r"(?:apologi[sz]ing|saying sorry|an apology|apologies) (?:is|are"
          r"|makes? you|looks?|shows?|just) (?:\w+ ){0,3}(?:weak\w*|pointless|useless"
          r"|admitting|an admission|a waste)"),
])
SELF_SERVING = lexicon("self-serving motive", [
    Entry("needs a job", r"(?:i |i just |i really |i )?need(?:ed)? (?:a|the|this|any) (?:job"
          r"|paycheck|pay ?check|income)|any job|could (?:really )?use (?:a|the) (?:job"
          r"|money)|(?:i'm|i am|i was) (?:\w+ ){0,2}(?:unemployed|desperate|broke)"),
    Entry("money", r"(?:pay|paying) (?:the |my |some )?(?:bills|rent|debts?)|the (?:money"
          r"|salary|pay|paycheck|wages?)(?! gap)|(?:good|great|better|higher|decent) (?:pay"
          r"|salary|money|wages?)|benefits package|free (?:lunch|food|meals?|coffee|snacks"
          r"|parking|stuff)|(?:employee|staff) discounts?|perks"),
    Entry("convenience", r"close to (?:my|where i) (?:home|house|flat|apartment|live)"
          r"|(?:near|next to|next door to|round the corner from) (?:my|where i)|next door"
          r"|(?:easy|short|quick) commute|the location is|(?:live|lives) (?:nearby|next door"
          r"|close by|around the corner)"),
    Entry("stopgap", r"(?:until|till|when) (?:something|anything) better|stepping ?stone"
          r"|see where it (?:goes|takes me)"),
    Entry("told to apply", r"my (?:parents?|mum|mom|dad|mother|father|friends?|wife"
          r"|husband|partner) (?:told|made|wanted|asked) me|(?:you|they) (?:asked|invited)"
          r" me (?:to come|in|for)|(?:saw|found) (?:your|the) (?:ad|advert|posting|listing)"),
])
HEDGES = lexicon("hedging", [
    Entry("filler", r"uh+|um+|erm|er|hmm+|dunno|idk|like,|ya know|you know,|so yeah|yeah"),
    Entry("unsure", r"i (?:don't|do not) (?:really )?know|no idea|not (?:really )?sure"
          r"|i guess|i suppose|i think maybe|kind of|kinda|sort of|sorta|or something"
          r"|or whatever|and stuff|and so on|things like that|stuff like that|whatever"),
    Entry("slang", r"gonna|wanna|gotta|super cool|pretty cool|you guys|lol|cause i"),
])
CLICHES = lexicon("stock phrases", [
    Entry("stock self-description", r"(?:i'm|i am|i've always been|i consider myself)"
          r" (?:a |an |very |really |just )?(?:people person|hard[- ]worker|team player"
          r"|perfectionist|go-getter|self-starter|fast learner|quick learner|natural leader"
          r"|problem solver|workaholic)|hard-?working|results[- ]driven|detail[- ]oriented"),
    Entry("stock claim", r"proven track record|make a difference|think outside the box"
          r"|give (?:it )?(?:110|100)(?:%| percent)|wear many hats|hit the ground running"
          r"|(?:go|goes|going|went|gone) the extra mile|above and beyond|whatever it takes"
          r"|no matter what"
          r"|at the end of the day|(?:always )?(?:try|do|give) (?:my|our) (?:very )?best"
          r"|i (?:like|love|enjoy) (?:helping |working with )?people|passionate about"),
])
FAULT = lexicon("fault", [
    Entry("fault", r"fault|faults|to blame|blamed?|(?:their|his|her) doing|(?:was|is|were|all)"
          r" down to (?:him|her|them|the|my|our)|on them|because of (?:them|him|her)"
          r"|(?:errors?|mistakes?|problems?|issues?"
          r"|delays?|complaints?) (?:came|come|comes|stemmed|started) from"),
    Entry("failed us", r"(?:messed|screwed|mucked) (?:it |things |everything |this |that )?up"
          r"|dropped the ball|let (?:me|us) down|(?:didn't|did not|never|don't|doesn't)"
          r" (?:\w+ )?(?:do|did) (?:their|his|her) (?:job|part)|had done (?:their|his|her) job"
          r"|(?:wrong|bad|incorrect|outdated) (?:information|instructions|advice|figures)"
          r"|(?:never|didn't|did not|don't|doesn't) (?:\w+ )?(?:tell|told|update|updated|test"
          r"|tested|inform|informed|train|trained|pass|passes|passed|warn|warned|explain"
          r"|explained|check|checked|read|listen|listened|follow|followed) (?:me|us|anything"
          r"|it|the|their|properly|on)|(?:kept|keep|keeps) changing|(?:so|too|very|really"
          r"|completely|totally) (?:slow|careless|lazy|incompetent|useless|sloppy|disorganised"
          r"|disorganized|unreasonable)|(?:terrible|awful|poor|bad|lousy|sloppy) job"
          r"|incompetent|more competent|oversell\w*|refused to (?:listen|help|cooperate)"
          r"|should(?:'ve| have) (?:read|known|checked|listened|told|done)|(?:taking|took|take)"
          r" the (?:heat|blame|fall)|left (?:me )?to (?:clean|deal|fix|sort)|impossible deadline"
          r"|(?:wasn't|isn't|was not|is not|not) (?:really )?(?:on me|my (?:fault|problem"
          r"|responsibility|doing))|none of (?:that|it|this) (?:was|is) (?:really )?on me"
          r"|bound to happen|(?:shipped|released|launched|pushed|sent) (?:\w+ ){0,3}without"
          r" (?:testing|checking|telling|asking)|(?:broke|ruined|wrecked) everything"
          r"|(?:nobody|no one|no-one) (?:\w+ ){0,4}(?:told|trained|showed|warned"
          r"|informed|explained)"),
])
# fmt: on
