"""Evidence against a dimension: complaining, blame, hand-offs, dismissing AI, evasion."""

from __future__ import annotations

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "AI_MISUSE",
    "BLAME",
    "COMPLAINING",
    "DEFENSIVE",
    "ENTITLEMENT",
    "ESCALATION",
    "EVASIVE",
]

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
COMPLAINING = lexicon("complaining", [
    Entry("dealing with customers", r"deal(?:ing)? with (?:rude |difficult |angry )?"
          r"(?:customers|people|clients|them)"),
    Entry("customers are annoying", r"(?:customers|people|clients) (?:are|can be) (?:so "
          r"|just |really )?(?:annoying|stupid|dumb|rude|entitled|idiots|the worst|a pain"
          r"|impossible)"),
    Entry("annoying customers", r"(?:annoying|entitled|stupid|dumb) (?:customers|people"
          r"|clients)|some people are just|idiots?|(?:customers|people) complain a lot"),
    Entry("unreasonable customer", r"(?:the customer|the client|she|he|they|who) (?:was|were"
          r"|is|are) (?:being )?(?:completely |so |totally |just |really )?(?:unreasonable"
          r"|ridiculous|crazy|impossible)|impossible to please"),
    Entry("lost temper", r"i (?:yelled|shouted|snapped|raised my voice|lost my temper"
          r"|hung up on)"),
    Entry("frustrating", r"(?:so|really|very|incredibly) (?:frustrating|annoying|irritating)"
          r"|a nightmare|i hate (?:it )?when"),
    Entry("badmouths", r"(?:awful|terrible|horrible|lousy|sub ?-?par|crappy|pathetic|useless"
          r"|incompetent|stupid) (?:\w+ )?(?:service|food|company|companies|management|manager"
          r"|managers|boss|bosses|product|products|customers|clients|colleagues|coworkers|team"
          r"|place|employer|job)"),
])
_OTHERS = (r"(?:colleagues?|co-?workers?|teammates?|team|manager|boss|supervisor|company"
           r"|employer|department|warehouse|developers?|engineers?|it|vendor|supplier"
           r"|customer|client|night shift|other shift|previous agent|last agent|management"
           r"|courier)")
BLAME = lexicon("blame-shifting", [
    Entry("their fault", r"(?:it was|that was|it's|that's|was|is) (?:all |entirely |totally "
          r"|completely |really |clearly |obviously )?(?:their|his|her|the customer's"
          r"|the client's|my colleague's|my manager's|my boss's|the warehouse's"
          r"|the company's|(?!nobody|anybody|anyone|everyone|everybody)[a-z]+'s"
          r"|the [a-z]+ team's) (?:fault|mistake|problem|doing)"
          r"|(?:the )?fault (?:of|lies with|lay with|was with)"),
    Entry("not my job", r"(?:not|wasn't|isn't) my (?:job|problem|responsibility|department"
          r"|concern)|nothing to do with me|out of my hands|wasn't (?:my call|my decision)"),
    Entry("colleague messed up", rf"(?:{_OTHERS}|they|he|she) (?:had |has )?(?:messed|screwed"
          r"|mucked|fouled) (?:it |things |everything |this )?up|(?:dropped|drops) the ball"
          r"|(?:my team|they|he|she|my manager|my colleagues?|management) (?:let|lets) (?:me"
          r"|us) down"),
    Entry("blame", r"(?:i |we )?blam(?:e|ed|ing) (?:the|my|our|it|them|him|her|others"
          r"|everyone|management|him|everybody|other people)|(?:is|are|was|were) to blame"
          r"|blame (?:lies|lay|goes|belongs|falls)"),
    Entry("because of them", rf"because (?:of )?(?:my|the|our|a) (?:\w+ )?{_OTHERS}"
          r" (?:didn't|did not|never|forgot|failed|wouldn't|refused|ignored|lost|gave me"
          r"|was (?:late|lazy|slow|rude|useless|incompetent|wrong))"),
    Entry("customer was unreasonable", r"the customer was (?:being )?(?:unreasonable"
          r"|an idiot|wrong|impossible)"),
    Entry("nobody told me", r"(?:nobody|no one|no-one) (?:ever )?(?:told|trained|showed"
          r"|warned|explained|informed) (?:me|us)|(?:they|he|she|my manager) (?:never|didn't)"
          r" (?:told|tell|train|trained|show|showed|warn|explain) (?:me|us)"),
    Entry("should have known", r"(?:the customer|the client|they|he|she) should(?:'ve| have)"
          r" (?:read|known|checked|listened|looked)|if (?:only )?(?:they|he|she|my manager"
          r"|my team|my colleagues?|the customer) had (?:just |only )?(?:listened|read|done"
          r"|told|checked)"),
    Entry("others' incompetence", rf"(?:incompetent|lazy|useless|clueless|careless"
          rf"|hopeless) {_OTHERS}s?|(?:their|his|her) (?:incompetence|laziness|carelessness)"
          r"|makes? all the mistakes|made all the mistakes"),
])
ESCALATION = lexicon("handed off", [
    Entry("passed to manager", r"(?:pass(?:ed)?|hand(?:ed)?|send|sent|gave|give"
          r"|transfer(?:red)?|escalated?|forward(?:ed)?) (?:it|her|him|them|the (?:call"
          r"|ticket|case|issue|customer)) (?:straight |right |directly |immediately )?(?:to"
          r"|over to|on to|off to) (?:my|a|the) (?:manager|supervisor|team lead|boss)"
          r"(?! as feedback| for review)"),
    Entry("escalated at once", r"escalated (?:it )?(?:straight|right) away|escalated"
          r" (?:it )?immediately|let (?:my|the) (?:manager|supervisor) (?:handle|deal with)"
          r"|(?:my|the) (?:manager|supervisor) (?:dealt with|handled|took over)"),
])
AI_MISUSE = lexicon("ai misuse", [
    Entry("dismisses AI", r"i (?:don't|do not|never|wouldn't|won't|refuse to) (?:really )?"
          r"(?:use|trust|rely on|need|like|bother with) (?:ai|any ai|chatbots|bots|automation"
          r"|those tools|these tools|ai tools|tools)|ai (?:is|are|tools are) (?:just )?"
          r"(?:useless|a gimmick|overrated|pointless|a fad|hype|not needed|more trouble)"
          r"|(?:don't|do not) believe in (?:ai|technology|automation)|no need for (?:ai|tools"
          r"|technology)"),
    Entry("prefers no tools", r"i(?:'d| would)? prefer(?:red)? (?:not to (?:use|rely on)"
          r"|to avoid|to do (?:it|everything|things) (?:myself|manually|by hand|the old"
          r"[- ]fashioned way))|old[- ]fashioned way"),
    Entry("over-reliance", r"let (?:the )?(?:ai|bot|chatbot|tool|chatgpt) (?:handle|do|answer"
          r"|take care of|deal with|decide) (?:everything|it all|all|the rest)|(?:ai|bots?"
          r"|chatgpt) (?:can|could|should) (?:handle|do|replace) (?:everything|it all|all)"
          r"|(?:send|sent|copy|copied|paste\w*) (?:the )?(?:ai|chatgpt|bot)(?:'s)?"
          r" (?:answers?|drafts?|repl(?:y|ies)|responses?) (?:straight|directly|as is"
          r"|without)"),
])
EVASIVE = lexicon("evasive", [
    Entry("vague assurance", r"i'll look into it|i will look into it|let me look into it"
          r"|we'll see"),
    Entry("cites policy", r"nothing (?:i|we) (?:can|could) do|not much (?:else )?(?:i|you|we)"
          r" can do|that's (?:just )?(?:the|our) policy|it's (?:just )?(?:the|our) policy"
          r"|per (?:our )?policy|as per policy|against (?:the |our )?policy"),
])
ENTITLEMENT = lexicon("entitlement", [
    Entry("any job", r"any (?:customer service |other )?job|i just need (?:a|the) job"),
    Entry("only pay", r"(?:the )?(?:pay|salary|money|benefits) (?:is|are) (?:good|great"
          r"|better)|i deserve"),
    Entry("no research", r"not sure what you do|i don't know much about|haven't (?:had a"
          r" chance|looked)"),
])
DEFENSIVE = lexicon("defensive", [
    Entry("not my fault", r"(?:wasn't|was not|never|isn't|is not|not) (?:really |actually )?"
          r"my fault(?! but)|wasn't me|i wasn't the one"),
    Entry("never fails", r"i(?:'ve| have) never (?:really )?(?:made a mistake|made any mistakes"
          r"|failed|been stumped|had a (?:failure|problem)|got it wrong)|i (?:don't|do not"
          r"|never) (?:really )?(?:make|made) (?:any )?mistakes|i(?:'m| am) (?:just )?(?:a"
          r"|too much of a) perfectionist|i work too hard|i care too much"
          r"|i can(?:'t|not) (?:really )?(?:think of|remember|recall) (?:a|any|one)"
          r"|(?:don't|do not) (?:really )?have (?:any )?(?:weaknesses|failures)"),
    Entry("rejects feedback", r"(?:my manager|they|she|he) (?:was|were) (?:wrong|unfair)"
          r"|i disagreed with (?:the|her|his|their) feedback"
          r"|i (?:don't|do not|never) (?:really )?(?:like|take|accept|appreciate|enjoy|need)"
          r" (?:\w+ ){0,2}(?:criticism|critici[sz]\w*|feedback|being told|being corrected"
          r"|people telling me|anyone telling me)|(?:hate|can't stand|resent) (?:\w+ ){0,2}"
          r"(?:criticism|critici[sz]\w*|feedback|being told|being corrected)|i (?:get|got)"
          r" defensive|i (?:argue|argued) back|take (?:it|criticism|feedback) personally"),
])
# fmt: on
