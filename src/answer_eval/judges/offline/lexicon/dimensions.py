"""Evidence for each rubric dimension: the kinds of things a strong answer does."""

from __future__ import annotations

from answer_eval.judges.offline.lexicon.entries import Entry, lexicon

__all__ = [
    "AI_FLUENCY",
    "COACHABILITY",
    "COMMUNICATION",
    "DRIVE",
    "EMPATHY",
    "OWNERSHIP",
    "POSITIVITY",
    "PROBLEM_SOLVING",
]

# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
_THEM = r"(?:her|him|them|the customer|the client|the caller|the guest|customers|people)"
_HER = r"(?:her|his|their|the customer's|the client's)"
_PRONOUN = r"(?:her|him|them)"
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)"

EMPATHY = lexicon("empathy", [
    Entry("listened", rf"listen(?:ed|ing)?|let(?:ting)? {_THEM} (?:vent|explain|talk"
          rf"|finish|get it)|letting (?:them|people) finish|without interrupting"
          rf"|repeat\w* (?:\w+ ){{0,3}}back"),
    Entry("acknowledged", r"acknowledg\w*|validat\w*|understandabl\w*"),
    Entry("understood", rf"i understood|i understand|understand(?:ing)? (?:how|why|what)"
          rf"|(?:how|what) (?:she|he|they) (?:felt|were feeling|was feeling)"
          rf"|{_HER} (?:frustration|feelings|concerns?|worry|stress)"),
    Entry("noticed feelings", r"(?:she|he|they) (?:was|were|felt|seemed) (?:\w+ )?(?:scared"
          r"|worried|anxious|upset|stressed|embarrassed|overwhelmed|hurt|afraid)"),
    Entry("their shoes", r"in (?:her|his|their|the customer's|someone's|your|the client's)"
          r" shoes|put(?:ting)? myself in|from (?:her|his|their|the customer's) (?:side"
          r"|perspective|point of view)|(?:her|his|their) point of view|how i saw"),
    Entry("apologized", r"apologi[sz]\w*|i(?:'m| am| was) (?:so |really |truly |very )?sorry"
          r"|said sorry|sincere apology"),
    Entry("empathized", r"empath\w*|sympath\w*|compassion\w*"),
    Entry("reassured", r"reassur\w*|comforted"),
    Entry("rapport", r"rapport|built (?:a )?(?:relationship|trust)|connect(?:ed)? with"
          r"|human connection|got to know", True),
    Entry("patient", r"patien(?:t|ce|tly)", True),
])
OWNERSHIP = lexicon("ownership", [
    Entry("took responsibility", r"i took (?:full |personal |complete )?(?:responsibility"
          r"|ownership)|(?:take|taking|took) (?:full |personal )?ownership"
          r"|i (?:take|accept(?:ed)?) responsibility"
          r"|(?:was|were|is|are) on (?:us|me)|my responsibility"),
    Entry("owned it", r"(?:i|i'd|i'll|i would|i will) (?:take )?own(?:ed)? (?:it|the|this"
          r"|that|my)|owned (?:it|the|my)|own(?:ing)? (?:my|the|up to)"),
    Entry("my mistake", r"my (?:own )?(?:mistake|fault|error)|i made a mistake|i was wrong"
          r"|i admitted|i should have|i got it wrong|dropped the ball"),
    Entry("not my fault but", r"(?:even though|even if|although|though) (?:it|this|the"
          r" \w+) (?:wasn't|was not) (?:my|our) fault|(?:even though|although) the \w+"
          r" (?:wasn't|was not) something i|even (?:if|though) (?:it|the \w+) (?:came from"
          r"|was caused by) (?:another|a different|someone)"),
    Entry("followed through", r"follow(?:ed)? through|saw it through|until (?:it|the \w+)"
          r" (?:was|is) (?:fixed|resolved|sorted|done)|stay(?:ed)? on it|didn't (?:let it go"
          r"|give up)"),
    Entry("followed up", rf"follow(?:ed)?[- ]?up|checked back|check(?:ed)? in|called {_PRONOUN}"
          rf" back|got back to {_PRONOUN}"),
    Entry("kept promises", r"as promised|i promised|kept my (?:promise|word)"),
    Entry("made sure", r"i (?:personally|made sure|made it my|stayed on|kept ownership)"
          r"|personally|myself", True),
    Entry("no hand-off", rf"instead of (?:passing|handing|escalating|transferring)"
          rf"|(?:didn't|did not) (?:pass|hand|transfer) {_THEM}"),
])
AI_FLUENCY = lexicon("ai fluency", [
    Entry("sentiment analysis", r"sentiment(?: analysis| scores?| detection| tags?| flags?"
          r"| tools?)?"),
    Entry("triage", r"triag\w*|priority scor\w*|(?:ai|auto|automatic)[- ]?rout\w*"
          r"|ticket routing|auto-?tag\w*|categori[sz]\w* tickets|intent tags?"
          r"|tagg(?:ed|ing) (?:and routing|tickets)|route tickets"),
    Entry("edited AI drafts", r"(?:edit|review|check|rewr|refin|adjust|tweak|correct"
          r"|proofread|personali[sz])\w* (?:the |its |every |each |an |any )?(?:ai"
          r"|ai-generated|generated|machine-generated|suggested|draft(?:ed)?|auto-?generated)?"
          r" ?(?:drafts?|suggestions?|output|responses?|replies|answers?)|(?:ai|gpt|chatgpt"
          r"|copilot|assistant)[- ](?:drafted|drafts?|generated|suggested|written)"
          r"|(?:it|the ai|the bot|the model|the assistant) (?:drafted|suggested|generated)"
          r"|(?:as|treat them as) (?:a|the) (?:first|starting) draft|let it draft"),
    Entry("knowledge base", r"knowledge[- ]base|retrieval[- ]augmented|rag|help[- ]cent(?:er"
          r"|re) articles?|internal wiki"),
    Entry("chatbot", r"chat ?bots?|virtual agents?|bots?|self-service"),
    Entry("summarization", r"(?<!in )summar(?:y|ies|i[sz]\w*)"),
    Entry("metrics", r"deflection(?: rate)?|(?:average )?time to resolution|first[- ]response"
          r" times?|handle time|resolution times?"),
    Entry("human takeover", r"(?:hand(?:ed|s)?|pass(?:ed)?|escalat\w*|route\w*|go|goes|went)"
          r" (?:it |them |her |him |the (?:case|ticket|conversation) )?(?:off |over "
          r"|straight |directly )?to a (?:human|person|real person|agent)|human (?:has to |must"
          r" |should |needs to )?(?:judgment|judgement|touch|review|oversight|agents?|take"
          r" over|takes over|step in|steps in|involvement)|(?:needs?|wants?) a (?:real )?"
          r"(?:person|human)|(?:sensitive|complex|emotional|delicate) (?:cases|issues|tickets"
          r"|matters|situations)|(?:bot|ai) hands off"),
    Entry("named AI tool", r"chatgpt|gpt-?\d*|copilot|claude|gemini|fin ai|zendesk ai"
          r"|einstein|macros?|automat\w*"),
    Entry("AI mentioned", r"ai|artificial intelligence|machine learning|llms?|generative",
          True),
])
PROBLEM_SOLVING = lexicon("problem solving", [
    Entry("root cause", r"root cause|underlying|the real (?:issue|problem|cause|need)"
          r"|(?:dug|dig|digging) (?:deeper|into)|source of the (?:problem|issue)"
          r"|what (?:they|she|he) actually needed"),
    Entry("investigated", r"investigat\w*|looked into|diagnos\w*|troubleshoot\w*|(?:checked"
          r"|reviewed|went through|pulled up|looked at|searched) (?:the |her |his |their "
          r"|our )?(?:\w+ ){0,2}(?:logs?|history|account|records|order|settings|configuration"
          r"|data|tracking|wording|notes|base|policy|clause|documentation|docs|manual)"),
    Entry("found the cause", r"i (?:noticed|spotted|figured out|worked out|realised"
          r"|realized|discovered|found out|traced|found)|turned out", True),
    Entry("alternative", rf"alternatives?|workarounds?|another option|other options"
          rf"|offered (?:{_PRONOUN} )?(?:a|an|the|either)|options|backup|just in case"
          rf"|instead,? i (?:offered|suggested|proposed)|middle ground"),
    Entry("prevent", r"prevent\w*|recurr\w*|(?:never|doesn't|won't|wouldn't) happen (?:again"
          r"|to)|(?:so|so that) requests don't|(?:updated|rewrote|fixed|improved|changed"
          r"|wrote up) (?:the |our )?(?:\w+ )?(?:documentation|docs|articles?|process"
          r"|macros?|template|faq|onboarding|checklist|fix)"),
    Entry("reproduced", r"reproduc\w*|tested (?:it|the \w+|a fix)"),
    Entry("collaborated", r"(?:worked|partnered|teamed up) with (?:the |our )?(?:engineering"
          r"|product|billing|dev|tech|it|logistics|warehouse|finance|qa|network)|(?:engineering"
          r"|product|billing|dev|qa|network) (?:team|lead)|(?:flagged|reported|raised|logged)"
          r" (?:it|this|the (?:issue|bug|request|problem))|asked (?:a|an|my|our) (?:\w+ ){0,2}"
          r"(?:colleague|handler|specialist|expert|engineer|senior|lead|technician)"),
    Entry("pattern", r"(?:other|multiple|several|dozens of) (?:customers|accounts|clients"
          r"|users|tickets)|a pattern"),
    Entry("solution", r"solutions?|solved|fixed|resolved|arranged", True),
    Entry("broke it down", r"broke (?:it|the problem|the issue) down|step by step|narrowed"
          r" (?:it )?down"),
    Entry("prioritized", r"prioriti[sz]\w*|by (?:impact|severity|urgency)|most urgent"
          r"|severity|slas?|(?:to|at) the top (?:of|every)|in batches"),
])
COMMUNICATION = lexicon("communication", [
    Entry("explained", rf"explain\w*|walked {_PRONOUN} through|clarif\w*"),
    Entry("set expectations", rf"set (?:clear |realistic )?expectations|(?:realistic|clear)"
          rf" (?:expectations|timelines?)|timelines?|(?:call {_PRONOUN} back|get back to"
          rf" {_PRONOUN}) (?:by|on|within|every|before)|hear from me|exactly when"
          rf"|(?:give|gave|tell|told) {_THEM} (?:a|the) (?:time|date|eta)"),
    Entry("gave a date", rf"(?:by|before|on) (?:{_DAY}|end of day|the end of)", True),
    Entry("updated them", rf"(?:kept|keep|keeping) {_THEM} (?:updated|informed|in the loop"
          rf"|posted)|updat(?:ed|e|es|ing) {_THEM}|sent {_PRONOUN} (?:an? )?(?:update"
          rf"|summary)"),
    Entry("plain language", r"plain (?:language|english|terms)|jargon|simple (?:terms|words"
          r"|language)|non-technical|bullet points|step-by-step"),
    Entry("adapted", r"adapt\w*|tailor\w*|depending on (?:the customer|who|their|the person)"
          r"|(?:more|less) (?:technical|detail|formal)|adjust\w* my (?:tone|style|language)"),
    Entry("honest", r"(?:was|been|am|i'm|being|(?<!to )be) (?:completely |fully )?honest"
          r"|honestly (?:that|about|with)|honesty|transparen\w*|upfront|up front"
          r"|told (?:her|him|them) honestly"),
    Entry("checked understanding", r"confirm\w* (?:that )?(?:she|he|they|the customer)"
          r" understood|asked (?:open-ended |clarifying |follow-up )?questions|repeat\w*"
          r" (?:\w+ ){0,3}back|paraphras\w*"),
    Entry("concise", r"concise|right amount of detail|keep it short|to the point|short and"
          r" clear"),
])
POSITIVITY = lexicon("positivity", [
    Entry("calm", r"calm\w*|composed|composure|kept my cool|level[- ]headed|steady"),
    Entry("deep breath", r"deep breaths?|breath\w*|counted to (?:three|ten|\d+)"),
    Entry("break", r"(?:short|quick|five-minute|5-minute|two-minute|ten-minute) (?:break|walk"
          r"|pause)|step(?:ped)? away|took a (?:break|pause|walk|moment)|reset"),
    Entry("reframe", r"refram\w*|remind(?:ed|ing)? myself|(?:not|never) (?:to )?take (?:it"
          r"|the anger|things) personally|(?:wasn't|isn't|not) (?:about me|personal)"
          r"|self-talk|perspective"),
    Entry("prioritised", r"prioriti[sz]\w*|smaller (?:steps|tasks|pieces|chunks)|small steps"
          r"|one (?:thing|task|ticket|step) at a time|to-?do list|broke (?:it|them|the work)"
          r" (?:down|into)|breaking (?:\w+ ){0,2}into|wrote down"),
    Entry("enjoys the work", r"enjoy\w*|rewarding|satisfying|love (?:helping|solving|the)"
          r"|worth it|proud", True),
    Entry("acknowledges stress", r"stress\w*|pressure|overwhelm\w*|tough|hard days?|panic\w*"
          r"|rough (?:call|day)|bad day|gets? to me", True),
    Entry("boundaries", r"boundar(?:y|ies)"),
    Entry("self-care", r"meditat\w*|mindful\w*|journal\w*|exercis\w*", True),
    Entry("constructive", r"constructive|opportunity|(?<!stay )(?<!keep )(?<!remain )positive",
          True),
])
DRIVE = lexicon("drive", [
    Entry("learning", r"learn\w*", True),
    Entry("research", r"research\w*|i (?:read|looked at|studied|explored|watched)"
          r" (?:your|about|the company's)"),
    Entry("eager", r"eager\w*|excited|can't wait|looking forward|motivat\w*|passion\w*"
          r"|curious", True),
    Entry("growth", r"grow\w*|career|promot\w*|earn (?:it|a promotion|my way)|prove myself",
          True),
    Entry("self-development", r"courses?|certificat\w*|taught myself|self-taught|on my own"
          r" time|in my spare time|training", True),
    Entry("specific interest", r"your (?:company|company's|mission|products?|services?|values"
          r"|customers|team|blog|website|reviews|platform|app|pricing|community|help center"
          r"|stack|management|leadership|people|culture|brand|approach|projects|ceo|founders?"
          r"|history|growth|reputation|innovation|charity|commitment|attitude|work in"
          r"|industry)|(?:this|the) (?:company|organi[sz]ation)'s"),
    Entry("tried the product", r"(?:signed up|tried|tested|used) (?:for )?(?:your|the)"
          r" (?:product|app|free trial|platform|trial)|free trial"),
    Entry("initiative", r"volunteer\w*|took on|extra (?:shifts|responsibilit\w*)|initiative"
          r"|one of the first|ran (?:two |a few |some )?(?:short )?sessions", True),
])
COACHABILITY = lexicon("coachability", [
    Entry("learned", r"(?:i )?learn(?:ed|t)|lessons?", True),
    Entry("feedback", r"feedback|criticism|critique|coach\w*|mentor\w*"),
    Entry("mistake", r"mistakes?|i was wrong|i got it wrong|i failed|my fault|should have"
          r"|dropped the ball"),
    Entry("improved", r"improv\w*|better at|changed (?:how|the way|my)|now i (?:always|make"
          r" sure|check|double-check)|since then|(?:started|began) (?:to|using|doing)"
          r"|worked on", True),
    Entry("asked for help", r"asked (?:for )?(?:help|advice|feedback)|asked my (?:manager"
          r"|lead|supervisor|colleague|team)"),
    Entry("picks up quickly", r"picked (?:it |them )?up|got up to speed|learn (?:fast"
          r"|quickly)|new (?:tools?|systems?|software|process)", True),
    Entry("open", r"open to|willing to|grateful for|appreciat\w*", True),
])
# fmt: on
