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
])
BLAME = lexicon("blame-shifting", [
    Entry("their fault", r"(?:it was|that was|it's|was) (?:all |entirely |totally |really )?"
          r"(?:their|his|her|the customer's|the client's|my colleague's|my manager's"
          r"|the warehouse's|the company's|[a-z]+'s|the [a-z]+ team's) fault"),
    Entry("not my job", r"(?:not|wasn't|isn't) my (?:job|problem|responsibility|department)"),
    Entry("colleague messed up", r"(?:colleague|coworker|co-worker|teammate|manager|team"
          r"|boss|warehouse|developers?|engineers?) (?:messed|screwed) up"
          r"|(?:my team|they) let me down"),
    Entry("blame", r"blam(?:e|ed|ing) (?:the|my|it|them|him|her|others|everyone|management)"),
    Entry("because of them", r"because (?:my|the) (?:manager|colleague|team|other department"
          r"|warehouse|developers?) (?:didn't|did not|never|forgot|failed)"),
    Entry("customer was unreasonable", r"the customer was (?:being )?(?:unreasonable"
          r"|an idiot|wrong|impossible)"),
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
    Entry("not my fault", r"(?:wasn't|was not|never|isn't) (?:really )?my fault(?! but)"),
    Entry("never fails", r"i(?:'ve| have) never (?:made a mistake|failed|been stumped)"
          r"|i don't (?:really )?make mistakes|i(?:'m| am) a perfectionist|i work too hard"
          r"|i can't think of (?:a|any)"),
    Entry("rejects feedback", r"(?:my manager|they|she|he) (?:was|were) (?:wrong|unfair)"
          r"|i disagreed with (?:the|her|his|their) feedback"),
])
# fmt: on
