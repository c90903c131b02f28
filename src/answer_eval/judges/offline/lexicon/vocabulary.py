"""Word lists for reading sentences: function words, verbs, generic words, time, work.

General English and workplace vocabulary, not tied to any question: what makes a clause
(auxiliaries, irregular past tenses, subject pronouns), what carries no information on its own
(stop words, generic praise and filler words), what anchors a statement in time, and the broad
vocabulary of work that makes a sentence relevant to a job interview.
"""

from __future__ import annotations

__all__ = [
    "AI_WORDS",
    "AUXILIARIES",
    "COMMON_WORDS",
    "CONNECTORS",
    "FIRST_PERSON",
    "GENERIC_WORDS",
    "IRREGULAR_PAST",
    "NUMBER_WORDS",
    "OTHER_PARTY_WORDS",
    "PRIVATE_WORDS",
    "SUBJECT_PRONOUNS",
    "TIME_WORDS",
    "WORD_STOPWORDS",
    "WORK_WORDS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


AUXILIARIES = _words(
    """am is are was were be been being have has had do does did will would can could should
    shall may might must i'm i've i'd i'll we're we've we'd we'll you're you've it's that's
    they're they've he's she's there's there're what's don't didn't doesn't can't cannot won't
    wasn't weren't isn't aren't couldn't wouldn't shouldn't haven't hasn't hadn't let's"""
)
IRREGULAR_PAST = _words(
    """took made went gave wrote sent found spoke told got set put kept began brought built ran
    met paid saw did drove rang stayed let knew sat stood taught caught dug held led left won
    chose rebuilt rewrote undertook thought felt heard said came became understood sought
    bought dealt meant lost fell grew drew threw forgot broke spent lent"""
)
SUBJECT_PRONOUNS = _words("i we you he she they it this that there who which everyone someone")
FIRST_PERSON = _words(
    "i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves"
)
WORD_STOPWORDS = _words(
    """a an and are about above after again against all also although am an any as at be
    because been before being below between both but by can could did do does doing down during
    each either else even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just me more most my
    myself neither no nor not now of off on once one only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up upon us very was we were what when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself i'm i've i'd i'll we're we've it's that's they're don't didn't doesn't can't
    won't wasn't isn't aren't couldn't wouldn't let's there's what's he's she's you're cannot
    shall may might must since via per etc ok okay oh yes yeah well"""
)
# Words that say little on their own: praise, filler, vague quantities and light verbs. They
# carry no substance, so padding an answer with them adds nothing.
GENERIC_WORDS = _words(
    """always never really truly very quite pretty super totally absolutely definitely
    certainly basically actually literally honestly simply generally usually normally typically
    best better good great nice amazing awesome excellent wonderful fantastic perfect important
    key main big huge whole entire lot lots thing things stuff something anything everything
    nothing someone anyone everyone everybody somebody people person way ways kind sort type
    make makes making made get gets getting got go goes going went come comes coming want wants
    wanted like likes liked love loves loved enjoy enjoys believe believes think thinks feel
    feels know knows try tries trying tried give gives giving keep keeps take takes taking
    matter matters able sure certain possible hard harder hardest easy work works working job
    jobs stay stays staying happy glad passionate dedicated committed positive attitude best
    maybe perhaps probably guess suppose seem seems cool fine whatever also much many lots"""
)
# Words that date an account ("on Friday", "last spring", "two weeks ago"); bare units ("day",
# "year") are not anchors on their own: "at the end of the day" dates nothing.
TIME_WORDS = _words(
    """yesterday tomorrow tonight overnight weekend monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december christmas ago quarter semester"""
)
NUMBER_WORDS = _words(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty hundred hundreds thousand thousands dozen dozens half percent million"""
)
# Connectors that show reasoning or sequence in an account.
CONNECTORS = (
    "because",
    "so that",
    "for example",
    "for instance",
    "such as",
    "as a result",
    "which meant",
    "this meant",
    "in order to",
    "instead of",
    "rather than",
    "after that",
    "finally",
    "eventually",
    "since then",
    "by the end",
    "to make sure",
    "to ensure",
    "that way",
)
# The broad vocabulary of work, customers and support: a sentence with none of these words
# (and none of the question's) is about something else.
WORK_WORDS = _words(
    """work job role career company business organisation organization employer team teams
    colleague colleagues coworker coworkers co-worker manager managers supervisor boss lead
    leader leadership staff employee employees department office customer customers client
    clients caller callers user users guest guests patient patients buyer shopper account
    accounts order orders ticket tickets refund refunds return returns complaint complaints
    issue issues problem problems request requests query queries case cases call calls phone
    email emails chat message messages reply replies service services support help helpdesk
    product products feature features bug bugs system systems software tool tools platform
    crm zendesk salesforce freshdesk intercom slack jira ai chatbot chatbots automation
    knowledge base article articles policy policies process processes procedure escalation
    escalate escalated sla queue backlog shift deadline deadlines project projects task tasks
    priority priorities prioritise prioritize schedule plan planning meeting meetings report
    reports presentation data metric metrics target targets goal goals performance feedback
    criticism review reviews survey csat nps rating quality error errors mistake mistakes
    failure failed fault responsibility ownership pressure stress stressful deadline workload
    training trained learn learned learning skill skills experience interview position
    internship intern store shop restaurant hotel bank retail sales sale billing invoice
    payment subscription delivery shipment package parcel warehouse contract renewal agent
    agents representative resolve resolved resolution solution solutions fix fixed solve
    solved listen listened empathy empathise empathize apologise apologize apology sorry
    frustrated frustration angry upset calm patient patience expectations update updates
    communicate communication explain explained mission values culture reputation research
    website brand industry market growth remote workspace internet equipment headset
    desk routine motivated coach coaching mentor improve improved improvement efficient
    efficiency productivity deliver delivered outcome result results success successful ceo
    founder founders executive director directors leadership charity community vision
    innovation innovative reputation competitor competitors hiring hire hired applied apply
    application opportunity opportunities environment colleagues professional industry
    organisation's organization's employer's field sector startup firm agency"""
)
# The vocabulary of private life: a sentence that names more of it than of the job or the
# question is about something else (hobbies, family, travel), whatever its grammar.
PRIVATE_WORDS = _words(
    """hobby hobbies weekend weekends holiday holidays vacation travel travelled traveled trip
    trips hiking hike marathon swim swimming cycling cycled bike garden gardening cooking
    recipe recipes bake baking bread cake dinner breakfast wine beer pizza pasta soup family
    mother father mum mom dad parents brother brothers sister sisters grandmother grandfather
    grandparents aunt uncle cousin cousins wife husband kids children son daughter baby dog
    dogs cat cats pet pets horse farm village beach sea mountain mountains hills lake forest
    weather rain snow sunny guitar piano concert concerts movie movies novel novels poem poetry
    painting museum football soccer tennis basketball golf videogames chess birthday wedding
    neighbour neighbours neighbor neighbors apartment childhood grew born church castle king
    queen war island islands planet moon ocean fishing camping tent nature animals animal
    birds tree trees flowers honey yeast dough"""
)

# Words that name AI or software tools (a sentence with one can dismiss them).
AI_WORDS = _words(
    """ai a.i artificial intelligence llm llms gpt gpt-4 chatgpt copilot gemini claude genai
    generative chatbot chatbots bot bots automation automated automate macros macro software
    technology technologies tech tool tools program programs computer computers machine
    machines algorithm algorithms assistant assistants app apps"""
)
# Words that name someone other than the speaker (a sentence with one can put blame on them).
OTHER_PARTY_WORDS = _words(
    """colleague colleagues coworker coworkers co-worker co-workers teammate teammates team
    manager managers boss bosses supervisor supervisors management company employer department
    warehouse staff developer developers engineer engineers it vendor supplier suppliers courier
    client clients customer customers caller agent agents shift trainer sales people others
    everyone they he she them him her their his nobody"""
)
# Everyday words that rubric text uses without naming a topic ("see", "tell", "part", "end"):
# left out of a question's vocabulary, so a sentence does not become relevant by using them.
COMMON_WORDS = _words(
    """see seen saw say says said tell tells told feel felt real end ends ended start starts
    started last turn turns turned use uses used using time times day days year years week
    weeks month months new old first next long little own part place point right left show
    shows showed small large high low open close early late fine number someone something
    often ever even well back away around still yet already let lets put puts set sets ask
    asks asked look looks looked find finds found give gives gave call calls called mean
    means meant rather instead quick quickly simply clear clearly such example examples"""
)
