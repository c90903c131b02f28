"""STAR markers: situation, task, first-person action, result, specifics and vagueness."""

from __future__ import annotations

import re

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "FIRST_PERSON_ACTION",
    "HYPOTHETICAL",
    "PROPER_NAME",
    "SPECIFICS",
    "STAR_RESULT",
    "STAR_SITUATION",
    "STAR_TASK",
    "VAGUE",
]

# "i(?<!\wi)" is "\bi" written so that the regex engine can look for the letter first.
FIRST_PERSON_ACTION = re.compile(
    r"i(?<!\wi)\s+(?:(?:then|also|immediately|quickly|first|finally|personally|eventually"
    r"|carefully|calmly|gently|politely|simply|actually|just|later|again|still|always)\s+)?"
    r"(?P<verb>(?!needed\b|wanted\b|used to\b)[a-z]{2,}ed|took|made|went|gave|wrote|sent"
    r"|found|spoke|told|got|set|put|kept|began|brought|built|ran|met|paid|saw|did|drove|rang"
    r"|stayed|let|knew|sat|stood|taught|caught|dug|held|led|left|won|chose|rebuilt|rewrote"
    r"|undertook|tried|used)\b"
)
HYPOTHETICAL = re.compile(
    r"i(?<!\wi)(?: would|'d| will|'ll| usually| normally| generally| typically| tend to"
    r"| try to| always| like to)\b"
)
PROPER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|ten|twenty|a few|a couple of)"

STAR_SITUATION = lexicon("situation", [
    Entry("last period", r"last (?:year|month|week|summer|winter|spring|autumn|fall|quarter"
          r"|christmas|november|december|january)", True),
    Entry("time ago", rf"{_NUM} (?:\w+ )?(?:years?|months?|weeks?|days?|summers?|winters?)"
          r" ago", True),
    Entry("when I worked", r"when i (?:was )?(?:worked|working|was working|interned)"
          r" (?:at|in|for|as|on)", True),
    Entry("previous job", r"(?:at|in) my (?:last|previous|old|former|first|current|second)"
          r" (?:job|role|company|position|employer|team)", True),
    Entry("workplace", r"(?:at|in) (?:a|an) (?:[\w-]+ ){0,3}(?:company|shop|store|hotel"
          r"|agency|retailer|firm|bank|restaurant|startup|call cent(?:re|er)|provider|clinic)",
          True),
    Entry("in my first month", r"(?:in|during) my (?:first|second|third|last) (?:\w+ )?"
          r"(?:day|week|month|year)s?", True),
    Entry("a customer called", r"(?:a|one|an) (?:\w+ )?(?:customer|client|caller|guest|user"
          r"|shopper|patient|buyer|policyholder) (?:called|emailed|wrote|contacted|came"
          r"|reached|phoned|messaged|complained|walked|opened|submitted|who)"),
    Entry("once", r"once", True),
    Entry("there was a time", r"there was (?:a|one) (?:time|day|customer|client)", True),
    Entry("one day", r"one (?:time|day|evening|morning|afternoon|night|weekend|shift)", True),
    Entry("year", r"(?:19|20)\d\d", True),
    Entry("date", r"(?:january|february|march|april|june|july|august|september|october"
          r"|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
          r"|black friday|christmas)", True),
    Entry("I remember", r"i (?:remember|recall) (?:a|an|one|when|the (?:time|day))", True),
    Entry("while working", r"while (?:i was )?working (?:at|as|for|in|on)", True),
    Entry("during my time", r"during my (?:time|shift)", True),
])
STAR_TASK = lexicon("task", [
    Entry("my job was", r"my (?:job|task|role|goal|aim|priority|responsibility|objective)"
          r" (?:(?:that|this) (?:\w+ )?)?(?:was|there was|became)"),
    Entry("I needed to", r"i (?:needed|had|wanted|was asked|was tasked|was expected|decided"
          r"|promised) to", True),
    Entry("I was responsible", r"i was (?:responsible|in charge|the one|the only|on call"
          r"|assigned|the senior|the lead)", True),
    Entry("it was up to me", r"it was (?:up to me|on me|my (?:job|responsibility|call))"),
    Entry("made it my priority", r"i made it my (?:priority|job|goal|mission)"),
])
STAR_RESULT = lexicon("result", [
    Entry("as a result", r"as a result|the result was|the outcome was|in the end|by the end"
          r"|ended up|eventually|it turned out", True),
    Entry("resolved", r"(?:resolved|fixed|solved|sorted)", True),
    Entry("renewed", r"renew\w*|(?:stayed|remained) (?:a customer|with us|on|loyal)"
          r"|kept (?:the|their|her|his) (?:account|business|subscription|contract)"),
    Entry("thanked", r"thank\w*|(?:was|were|left|felt) (?:really |very )?(?:happy|satisfied"
          r"|pleased|delighted|relieved)", True),
    Entry("followed up", r"follow(?:ed)?[- ]?up|checked back|checked in|a week later"
          r"|the next (?:day|morning|week)"),
    Entry("percentage", r"\d+(?:\.\d+)?\s?(?:%|percent)", True),
    Entry("duration", rf"(?:within|in|under|after) {_NUM} (?:minutes?|hours?|days?|weeks?)",
          True),
    Entry("metric change", r"(?:went|rose|jumped|dropped|fell|grew) (?:from|to|by)"
          r"|(?:reduced|cut|increased|improved|raised|lowered|boosted|halved|doubled)"
          r" (?:\w+ ){0,4}(?:by|to|from)", True),
    Entry("rating", r"(?:five|5)[- ]star|(?:positive|glowing|great|good) (?:review|feedback"
          r"|rating|survey)|csat|nps|satisfaction (?:score|rating)|reference customer"),
    Entry("since then", r"since then|from then on|never (?:happened|came up) again", True),
    Entry("came back", r"came back|(?:is|was) still (?:a|our) (?:customer|client)", True),
])
SPECIFICS = lexicon("specifics", [
    Entry("number", r"\d+(?:[.,:]\d+)?(?:\s?%)?", True),
    Entry("money", r"\$\s?\d+|\d+ (?:dollars|euros|pounds)", True),
    Entry("duration", rf"{_NUM} (?:minutes?|hours?|days?|weeks?|months?)", True),
])
VAGUE = lexicon("vagueness", [
    Entry("I always try my best", r"i (?:always )?(?:try|do|give) (?:my|our) (?:very )?best"),
    Entry("I work fast", r"i work (?:fast|quickly|hard|efficiently)"),
    Entry("I stay positive", r"i (?:always )?(?:stay|keep|remain) (?:positive|calm|cool)"),
    Entry("people person", r"i(?:'m| am) (?:a )?(?:people person|hard worker|team player"
          r"|good with people|perfectionist|fast learner|quick learner)|hard-?working"),
    Entry("hedge", r"maybe|perhaps|probably|kind of|sort of|i guess|i suppose|basically"
          r"|pretty much|and so on|etc|things like that|stuff like that|whatever"),
    Entry("generalities", r"in general|generally speaking|most of the time|in most cases"
          r"|it (?:really |all )?depends|at the end of the day"),
    Entry("impersonal you", r"you (?:always |really |just )?(?:have to|need to|should|must"
          r"|never know|can't|cannot|can never)"),
    Entry("never stressed", r"i (?:never|don't) (?:really )?(?:get|feel) (?:stressed|angry"
          r"|upset)|(?:pressure|stress) (?:doesn't|does not|never) (?:bother|affect)"),
])
# fmt: on
