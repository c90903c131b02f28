"""Warning signs said in plain words: dismissing tools, refusing to apologise, self-serving
motives, hedging and stock phrases.

These lexicons find the *parts* of a warning sign, so paraphrases are caught by combination
rather than by exact phrase: a sentence that names AI or a tool (``AI_TERMS``) and holds a
dismissive predicate (``DISMISSIVE``) dismisses it, unless it is qualified (``QUALIFIERS``:
"without checking", "for sensitive cases", "unless"), which is judgment, not dismissal.
"""

from __future__ import annotations

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "AI_TERMS",
    "CLICHES",
    "DISMISSIVE",
    "HEDGES",
    "NO_APOLOGY",
    "QUALIFIERS",
    "SELF_SERVING",
]

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
_NEG = r"(?:don't|do not|never|rarely|won't|will not|wouldn't|would not|refuse to|can't|cannot)"
AI_TERMS = lexicon("ai terms", [
    Entry("ai", r"ai|a\.i\.|artificial intelligence|machine learning|llms?|gpt\w*|chatgpt"
          r"|copilot|gemini|claude|generative|genai"),
    Entry("bots", r"chat ?bots?|bots?|virtual assistants?|automation|automated \w+"
          r"|auto-?replies|macros?"),
    Entry("tools", r"(?:these|those|such|the|new|modern|software|digital|smart|ai) (?:tools"
          r"|apps?|systems?|technolog(?:y|ies)|gadgets)|technology|tech"),
])
DISMISSIVE = lexicon("dismissive", [
    Entry("useless", r"useless|pointless|worthless|a waste of (?:time|money|effort)"
          r"|waste of time|a gimmick|gimmicky|overrated|over-rated|(?:just |all |mostly )?hype"
          r"|a fad|rubbish|garbage|junk|unnecessary|not (?:needed|necessary|helpful|useful"
          r"|worth it)|no use|of no use|a crutch|for lazy people|more trouble than"
          r"|do(?:es)?n't (?:really )?(?:work|help)|never (?:works?|helps?)"),
    Entry("sees no point", r"(?:don't|do not|can't|cannot|never) (?:really )?see the (?:point"
          r"|need|use|value)|no (?:point|need|reason) (?:in|to|for)|what(?:'s| is) the point"),
    Entry("won't use", rf"{_NEG} (?:really |even |ever |actually |personally )?(?:use|using"
          rf"|need|trust|rely on|bother with|touch|like|believe in|care about|want)"
          r"|(?:stay|keep|steer) (?:away|clear) from|(?:avoid|ignore|ignored|avoided) (?:using"
          r" )?(?:it|them|any|all|ai|these|those|the)|(?:stopped|quit|gave up) using"
          r"|(?:prefer|rather) (?:not|to do (?:it|things|everything) (?:myself|manually|by hand"
          r"|the old)|doing (?:it|things|everything) (?:myself|manually|by hand))"
          r"|not (?:a fan|for me|my thing|interested)|(?:hate|dislike|distrust|can't stand)"),
])
QUALIFIERS = lexicon("qualifiers", [
    Entry("nuance", r"blindly|without (?:checking|reviewing|review|editing|reading|a human"
          r"|human)|unchecked|as is|on its own|by itself|alone|completely|entirely|fully|100%"
          r"|for (?:sensitive|complex|emotional|angry|upset|billing|legal|final|everything)"
          r"|unless|except|only|when (?:it|the|a)|if (?:it|the|a)|replace (?:the )?(?:human|people"
          r"|empathy|judgment|judgement)|human touch"),
])
NO_APOLOGY = lexicon("refuses to apologise", [
    Entry("won't apologise", r"(?:don't|do not|never|won't|will not|wouldn't|would not"
          r"|refuse to|refused to|not going to|no need to|no reason to|shouldn't have to"
          r"|why should i|don't believe in|don't see why i should) (?:ever |actually )?"
          r"(?:apologi[sz]\w*|say (?:i'm |i am )?sorry|say sorry)"),
    Entry("apology is weak", r"(?:apologi[sz]ing|saying sorry|an apology|apologies) (?:is|are"
          r"|makes? you|looks?|shows?|just) (?:\w+ ){0,3}(?:weak\w*|pointless|useless"
          r"|admitting|an admission|a waste)"),
])
SELF_SERVING = lexicon("self-serving motive", [
    Entry("needs a job", r"(?:i |i just |i really |i )?need(?:ed)? (?:a|the|this|any) (?:job"
          r"|paycheck|pay ?check|income)|any job|could (?:really )?use (?:a|the) (?:job"
          r"|money)|(?:unemployed|desperate|broke)"),
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
          r"|go(?:ing)? the extra mile|above and beyond|whatever it takes|no matter what"
          r"|at the end of the day|(?:always )?(?:try|do|give) (?:my|our) (?:very )?best"
          r"|i (?:like|love|enjoy) (?:helping |working with )?people|passionate about"),
])
# fmt: on
