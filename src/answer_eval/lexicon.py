"""Generic lexicons of the offline judge, drawn from the language of the seed guides.

Every pattern runs on *folded* text: lower case, typographic apostrophes and quotes made plain,
with the same length as the answer so that match offsets are offsets in the answer (see
``fold``). A ``Lexicon`` is one compiled alternation; group *i* + 1 is entry *i*, so one pass over
an answer finds every entry, and ``labels[i]`` names it in rationales ("listened", "root cause").

An entry marked ``generic`` is a word that is evidence only in context ("learned", "resolved",
"last year", a number): it counts only in sentences about the job (see ``DOMAIN``), so unrelated
padding cannot add evidence. Other entries ("acknowledged her frustration", "root cause") are
evidence wherever they stand, and make their sentence count as on topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import NamedTuple

__all__ = [
    "COMPLAINING",
    "DIMENSION_LEXICONS",
    "DOMAIN",
    "ESCALATION",
    "FIRST_PERSON_ACTION",
    "HYPOTHETICAL",
    "INJECTION",
    "INJECTION_MARKUP",
    "INJECTION_NEEDLES",
    "NEGATION",
    "NEGATOR",
    "PERSON_PRONOUN",
    "PROPER_NAME",
    "RED_FLAG_FAMILIES",
    "SENTENCE_END",
    "SPECIFICS",
    "STAR_RESULT",
    "STAR_SITUATION",
    "STAR_TASK",
    "STOPWORDS",
    "VAGUE",
    "DimensionLexicon",
    "Entry",
    "Lexicon",
    "LexiconIndex",
    "RedFlagFamily",
    "entry_keys",
    "fold",
    "lexicon",
]

_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)


def fold(text: str) -> str:
    """Lower-case ``text`` and plain its apostrophes and quotes, keeping every offset."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    # A few characters (e.g. "İ") grow when lower-cased; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


class Entry(NamedTuple):
    """One lexicon entry: a label for rationales, a regex (no capturing groups), context need."""

    label: str
    regex: str
    generic: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Compiled entries: ``patterns[i]`` (anchored at a word start) finds ``labels[i]``."""

    name: str
    labels: tuple[str, ...]
    generic: tuple[bool, ...]
    patterns: tuple[re.Pattern[str], ...]


def lexicon(name: str, entries: list[Entry]) -> Lexicon:
    """Compile ``entries``; each must match from a word start to a word end."""
    patterns = tuple(re.compile(rf"(?:{e.regex})(?!\w)") for e in entries)
    for entry, pattern in zip(entries, patterns, strict=True):
        if pattern.groups:
            raise ValueError(f"lexicon {name!r}: entry {entry.label!r} holds a capturing group")
    return Lexicon(
        name=name,
        labels=tuple(e.label for e in entries),
        generic=tuple(e.generic for e in entries),
        patterns=patterns,
    )


# ------------------------------------------------------------------------ finding entries fast
#
# Python's ``re`` tries every alternative at every position, so twenty lexicons scanned one by
# one cost milliseconds per answer. Instead each entry is indexed by the few strings (up to three
# characters) a match can start with, and only the entries whose key starts at a word start are
# tried there. The keys come from a small parser of the regex subset the entries use.

_KEY_LENGTH = 3
_KEY_LIMIT = 400
_SPACES = str.maketrans({c: " " for c in "\t\n\r\f\v"})
_WORD_START = re.compile(r"(?<!\w)(?<!\w')[\w$]")  # not inside a word or after "don'"
_DIGITS = frozenset("0123456789")
# Keys are looked up in a copy of the text with every digit made "0" and every character outside
# this alphabet made "\0", so a key shorter than three characters can be expanded to all the
# three-character keys it stands for, and each word start costs a single lookup.
_KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0 .,;:!?'\"-()/$%&\x00"


def _key_char(c: str) -> str:
    if c.isdigit():
        return "0"
    return c if c in _KEY_ALPHABET else "\x00"


_KEYED = str.maketrans({chr(i): _key_char(chr(i)) for i in range(128)})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class _Item:
    chars: frozenset[str] | None = None  # one character of this set (None: any character)
    group: tuple[tuple[_Item, ...], ...] | None = None  # or one of these alternatives
    zero: bool = False  # zero-width: an anchor or a lookaround
    lo: int = 1
    hi: int = 1  # -1: unbounded


class _TooManyKeysError(Exception):
    pass


def _parse(rx: str, i: int = 0) -> tuple[tuple[tuple[_Item, ...], ...], int]:
    alternatives: list[list[_Item]] = [[]]
    while i < len(rx) and rx[i] != ")":
        if rx[i] == "|":
            alternatives.append([])
            i += 1
            continue
        item, i = _atom(rx, i)
        item, i = _quantifier(rx, i, item)
        alternatives[-1].append(item)
    return tuple(tuple(a) for a in alternatives), i


def _atom(rx: str, i: int) -> tuple[_Item, int]:
    c = rx[i]
    if c == "(":
        j, zero = i + 1, False
        if rx.startswith(("?=", "?!"), j):
            j, zero = j + 2, True
        elif rx.startswith(("?<=", "?<!"), j):
            j, zero = j + 3, True
        elif rx.startswith("?P<", j):
            j = rx.index(">", j) + 1
        elif rx.startswith("?:", j):
            j += 2
        group, j = _parse(rx, j)
        return _Item(group=group, zero=zero), j + 1
    if c == "[":
        return _char_class(rx, i + 1)
    if c == "\\":
        return _escape(rx[i + 1]), i + 2
    if c == ".":
        return _Item(), i + 1
    if c in "^$":
        return _Item(zero=True), i + 1
    return _Item(chars=frozenset(" " if c.isspace() else c)), i + 1


def _escape(e: str) -> _Item:
    if e == "d":
        return _Item(chars=_DIGITS)
    if e in "snrtfv":
        return _Item(chars=frozenset(" "))
    if e in "bBAZ":
        return _Item(zero=True)
    if e in "wWSD":
        return _Item()
    return _Item(chars=frozenset(e))


def _char_class(rx: str, i: int) -> tuple[_Item, int]:
    chars: set[str] | None = set()
    if rx[i] == "^":
        chars, i = None, i + 1
    while rx[i] != "]":
        if rx[i] == "\\":
            sub = _escape(rx[i + 1])
            if chars is not None:
                chars = None if sub.chars is None else chars | sub.chars
            i += 2
        elif rx[i + 1] == "-" and rx[i + 2] != "]":
            if chars is not None:
                chars |= {chr(o) for o in range(ord(rx[i]), ord(rx[i + 2]) + 1)}
            i += 3
        else:
            if chars is not None:
                chars.add(rx[i])
            i += 1
    return _Item(chars=None if chars is None else frozenset(chars)), i + 1


def _quantifier(rx: str, i: int, item: _Item) -> tuple[_Item, int]:
    lo, hi = 1, 1
    if i < len(rx) and rx[i] in "?*+":
        lo, hi = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[rx[i]]
        i += 1
    elif i < len(rx) and rx[i] == "{":
        end = rx.index("}", i)
        low, _, high = rx[i + 1 : end].partition(",")
        lo = int(low or 0)
        hi = lo if not _ else (int(high) if high else -1)
        i = end + 1
    if i < len(rx) and rx[i] == "?":  # lazy
        i += 1
    if (lo, hi) == (1, 1):
        return item, i
    return _Item(item.chars, item.group, item.zero, lo, hi), i


def _starts(items: tuple[_Item, ...], i: int, k: int) -> set[tuple[str, bool]]:
    """(text, ended): up to ``k`` characters ``items[i:]`` can start with; ended: all consumed."""
    if k == 0:
        return {("", False)}
    if i == len(items):
        return {("", True)}
    item = items[i]
    if item.zero:
        return _starts(items, i + 1, k)
    out = _starts(items, i + 1, k) if item.lo == 0 else set()
    if item.group is not None:
        once = {s for alt in item.group for s in _starts(alt, 0, k)}
    elif item.chars is not None:
        once = {(c, True) for c in item.chars}
    else:
        once = {("", False)}
    for text, ended in once:
        if not ended or len(text) == k or item.hi != 1:
            out.add((text, False))
        else:
            out.update((text + t, e) for t, e in _starts(items, i + 1, k - len(text)))
        if len(out) > _KEY_LIMIT:
            raise _TooManyKeysError
    return out


@lru_cache(maxsize=4096)
def _entry_keys(rx: str) -> frozenset[str] | None:
    return entry_keys(rx)


def entry_keys(rx: str) -> frozenset[str] | None:
    """The strings (1-3 characters) every match of ``rx`` starts with; None: could be any."""
    alternatives, _ = _parse(rx)
    for k in range(_KEY_LENGTH, 0, -1):
        try:
            keys = {t for alt in alternatives for t, _ in _starts(alt, 0, k)}
        except _TooManyKeysError:
            continue
        if "" in keys:
            return None
        return frozenset(
            key for key in keys if not any(key.startswith(o) for o in keys if o != key)
        )
    return None


class LexiconIndex:
    """Every entry of some lexicons, found in one pass over the word starts of a folded text.

    ``base``: an index whose lexicons come first and are scanned in the same pass (a question's
    cue phrases ride on the shared generic index). Entries sharing a key are tried together by
    one pattern of optional lookaheads, each capturing one entry's match, so overlapping entries
    are all found.
    """

    def __init__(self, lexicons: tuple[Lexicon, ...], base: LexiconIndex | None = None) -> None:
        offset = len(base.lexicons) if base else 0
        self.lexicons: tuple[Lexicon, ...] = (base.lexicons if base else ()) + lexicons
        self._tables: tuple[dict[str, tuple[_Group, ...]], ...] = base._tables if base else ()
        self._anywhere: tuple[_Group, ...] = base._anywhere if base else ()
        by_key: dict[str, list[tuple[tuple[int, int], str]]] = {}
        anywhere: list[tuple[tuple[int, int], str]] = []
        for li, lex in enumerate(lexicons, offset):
            for ei, pattern in enumerate(lex.patterns):
                if pattern.groups:
                    raise ValueError(f"{lex.name}: entry {lex.labels[ei]!r} holds a group")
                keys = _entry_keys(pattern.pattern)
                target = ((li, ei), pattern.pattern)
                if keys is None:
                    anywhere.append(target)
                for key in keys or ():
                    by_key.setdefault("".join(map(_key_char, key)), []).append(target)
        table: dict[str, list[_Group]] = {}
        for key, targets in by_key.items():
            group = _together(targets)
            for suffix in product(_KEY_ALPHABET, repeat=_KEY_LENGTH - len(key)):
                table.setdefault(key + "".join(suffix), []).append(group)
        self._tables += ({key: tuple(groups) for key, groups in table.items()},)
        if anywhere:
            self._anywhere += (_together(anywhere),)

    def scan(self, folded: str) -> list[list[tuple[int, int, int]]]:
        """Per lexicon, (entry index, start, end) of each entry matched at a word start."""
        found: list[list[tuple[int, int, int]]] = [[] for _ in self.lexicons]
        text = folded.translate(_SPACES)
        keyed = text.translate(_KEYED)
        if not keyed.isascii():
            keyed = _NON_ASCII.sub("\x00", keyed)
        keyed += " " * _KEY_LENGTH
        getters = tuple(table.get for table in self._tables)
        anywhere = self._anywhere
        for start in _WORD_START.finditer(text):
            pos = start.start()
            key = keyed[pos : pos + _KEY_LENGTH]
            for get in getters:
                groups = get(key)
                if groups is not None:
                    _try(groups, text, pos, found)
            if anywhere:
                _try(anywhere, text, pos, found)
        return found


def _try(
    groups: tuple[_Group, ...], text: str, pos: int, found: list[list[tuple[int, int, int]]]
) -> None:
    for pattern, codes in groups:
        m = pattern.match(text, pos)
        if m is not None:
            for (li, ei), (_, end) in zip(codes, m.regs[1:], strict=True):
                if end >= 0:
                    found[li].append((ei, pos, end))


_Group = tuple[re.Pattern[str], tuple[tuple[int, int], ...]]


def _together(targets: list[tuple[tuple[int, int], str]]) -> _Group:
    """One pattern for entries sharing a key: group i captures entry i's match, if any."""
    codes = tuple(code for code, _ in targets)
    if len(targets) == 1:
        return re.compile(f"({targets[0][1]})"), codes
    guard = "|".join(rx for _, rx in targets)  # fails fast when no entry matches
    lookaheads = "".join(f"(?:(?=({rx})))?" for _, rx in targets)
    return re.compile(f"(?=(?:{guard})){lookaheads}"), codes


@dataclass(frozen=True)
class DimensionLexicon:
    """Evidence for a dimension (``positive``) and against it (``negative``)."""

    positive: Lexicon
    negative: Lexicon | None = None


# The lexicon data below is laid out by hand, one entry per line where it fits.
# fmt: off
_THEM = r"(?:her|him|them|the customer|the client|the caller|the guest|customers|people)"
_HER = r"(?:her|his|their|the customer's|the client's)"
_PRONOUN = r"(?:her|him|them)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|ten|twenty|a few|a couple of)"
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)"

# ------------------------------------------------------------------------ context and structure

DOMAIN = lexicon("domain", [
    Entry("job", r"(?:customers?|clients?|callers?|users?|buyers?|guests?|shoppers?|patients"
          r"|subscribers?|policyholders?|accounts?|orders|(?:an|the|her|his|their|this|that"
          r"|my|your|our) order|tickets?|refunds?|returns?"
          r"|complain\w*|issues?|problems?|billing|invoices?|charged?|subscriptions?"
          r"|deliver\w*|shipments?|shipping|packages?|parcels?|products?|service|support"
          r"|help ?desk|escalat\w*|manager|supervisor|colleagues?|team\w*|co-?workers?|store"
          r"|shop|calls?|phone|e-?mails?|chat|messages?|repl(?:y|ies|ied)|requests?"
          r"|polic(?:y|ies)|features?|bugs?|outage|sla|crm|queue|shift|backlog|cases?"
          r"|feedback|reviews?|survey|csat|nps|ai|chatbots?|tools?|software|system|zendesk"
          r"|salesforce|freshdesk|intercom|upset|angry|furious|frustrat\w*|rude|shouting"
          r"|yelling|stress\w*|pressure|deadline|workload|company|role|job|interview|mistake"
          r"|error|fault|booking|reservation|contract|renewal|panic\w*|agents?)"),
])
PERSON_PRONOUN = re.compile(r"\b(?:she|he|they|them|her|him|his|their|hers)\b")
NEGATOR = re.compile(  # a cheap first look: does a sentence hold any negating word?
    r"\b(?:not|never|no|without|nor|rather|instead|avoid\w*|refus\w*|stop)\b|n't\b"
)
NEGATION = re.compile(
    r"\b(?:not|never|no|without|didn't|don't|doesn't|wasn't|weren't|won't|couldn't|nor"
    r"|rather than|instead of|avoid\w*|refus\w*|stop)\W+(?:(?:want|wanted|need|needed|try"
    r"|tried|have|had|going) to\W+)?(?:\w+\W+)?$"
)
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n")
_STOPWORD_TEXT = (
    "a an and are about any as at be been but by can did do does for from had has have how i if"
    " in into is it its me my of on or our so tell than that the their them there these they this"
    " those time to us was we were what when where which while who why will with would you your"
    " yours recall under over would could should there which where after other think give"
    " describe example being doing"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

FIRST_PERSON_ACTION = re.compile(
    r"\bi\s+(?:(?:then|also|immediately|quickly|first|finally|personally|eventually|carefully"
    r"|calmly|gently|politely|simply|actually|just|later|again|still|always)\s+)?"
    r"(?P<verb>(?!needed\b|wanted\b|used to\b)[a-z]{2,}ed|took|made|went|gave|wrote|sent"
    r"|found|spoke|told|got|set|put|kept|began|brought|built|ran|met|paid|saw|did|drove|rang"
    r"|stayed|let|knew|sat|stood|taught|caught|dug|held|led|left|won|chose|rebuilt|rewrote"
    r"|undertook|tried|used)\b"
)
HYPOTHETICAL = re.compile(
    r"\b(?:i would|i'd|i will|i'll|i usually|i normally|i generally|i typically|i tend to"
    r"|i try to|i always|i like to)\b"
)
PROPER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")

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
    Entry("generalities", r"in general|generally|usually|normally|most of the time"
          r"|in most cases|it depends|at the end of the day"),
    Entry("never stressed", r"i (?:never|don't) (?:really )?(?:get|feel) (?:stressed|angry"
          r"|upset)|(?:pressure|stress) (?:doesn't|does not|never) (?:bother|affect)"),
])

# ------------------------------------------------------------------------ dimensions

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
_EMPATHY = lexicon("empathy", [
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
_OWNERSHIP = lexicon("ownership", [
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
_AI = lexicon("ai fluency", [
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
_AI_NEGATIVE = lexicon("ai misuse", [
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
_PROBLEM_SOLVING = lexicon("problem solving", [
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
_COMMUNICATION = lexicon("communication", [
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
_EVASIVE = lexicon("evasive", [
    Entry("vague assurance", r"i'll look into it|i will look into it|let me look into it"
          r"|we'll see"),
    Entry("cites policy", r"nothing (?:i|we) (?:can|could) do|not much (?:else )?(?:i|you|we)"
          r" can do|that's (?:just )?(?:the|our) policy|it's (?:just )?(?:the|our) policy"
          r"|per (?:our )?policy|as per policy|against (?:the |our )?policy"),
])
_POSITIVITY = lexicon("positivity", [
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
_DRIVE = lexicon("drive", [
    Entry("learning", r"learn\w*", True),
    Entry("research", r"research\w*|i (?:read|looked at|studied|explored|watched)"
          r" (?:your|about|the company's)"),
    Entry("eager", r"eager\w*|excited|can't wait|looking forward|motivat\w*|passion\w*"
          r"|curious", True),
    Entry("growth", r"grow\w*|career|promot\w*|earn (?:it|a promotion|my way)|prove myself",
          True),
    Entry("self-development", r"courses?|certificat\w*|taught myself|self-taught|on my own"
          r" time|in my spare time|training", True),
    Entry("specific interest", r"your (?:company|mission|product|values|customers|team|blog"
          r"|website|reviews|platform|app|pricing|community|help center|stack)"),
    Entry("tried the product", r"(?:signed up|tried|tested|used) (?:for )?(?:your|the)"
          r" (?:product|app|free trial|platform|trial)|free trial"),
    Entry("initiative", r"volunteer\w*|took on|extra (?:shifts|responsibilit\w*)|initiative"
          r"|one of the first|ran (?:two |a few |some )?(?:short )?sessions", True),
])
_DRIVE_NEGATIVE = lexicon("entitlement", [
    Entry("any job", r"any (?:customer service |other )?job|i just need (?:a|the) job"),
    Entry("only pay", r"(?:the )?(?:pay|salary|money|benefits) (?:is|are) (?:good|great"
          r"|better)|i deserve"),
    Entry("no research", r"not sure what you do|i don't know much about|haven't (?:had a"
          r" chance|looked)"),
])
_COACHABILITY = lexicon("coachability", [
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
_DEFENSIVE = lexicon("defensive", [
    Entry("not my fault", r"(?:wasn't|was not|never|isn't) (?:really )?my fault(?! but)"),
    Entry("never fails", r"i(?:'ve| have) never (?:made a mistake|failed|been stumped)"
          r"|i don't (?:really )?make mistakes|i(?:'m| am) a perfectionist|i work too hard"
          r"|i can't think of (?:a|any)"),
    Entry("rejects feedback", r"(?:my manager|they|she|he) (?:was|were) (?:wrong|unfair)"
          r"|i disagreed with (?:the|her|his|their) feedback"),
])

DIMENSION_LEXICONS: dict[str, DimensionLexicon] = {
    "empathy": DimensionLexicon(_EMPATHY, COMPLAINING),
    "ownership": DimensionLexicon(_OWNERSHIP, BLAME),
    "ai_fluency": DimensionLexicon(_AI, _AI_NEGATIVE),
    "problem_solving": DimensionLexicon(_PROBLEM_SOLVING, ESCALATION),
    "communication": DimensionLexicon(_COMMUNICATION, _EVASIVE),
    "positivity": DimensionLexicon(_POSITIVITY, COMPLAINING),
    "drive": DimensionLexicon(_DRIVE, _DRIVE_NEGATIVE),
    "coachability": DimensionLexicon(_COACHABILITY, _DEFENSIVE),
}


class RedFlagFamily(NamedTuple):
    """Lexicon entries (None: all) that show a red flag whose id/description matches."""

    matches: re.Pattern[str]
    lexicon: Lexicon
    labels: frozenset[str] | None = None
    unless: re.Pattern[str] | None = None  # a more specific family covers these flags


# A red flag is also shown by these lexicon entries, even when none of its own cue phrases
# stands in the answer: "harsh blame" <- the blame-shifting lexicon.
RED_FLAG_FAMILIES: tuple[RedFlagFamily, ...] = (
    RedFlagFamily(re.compile(r"blam"), BLAME, None, re.compile(r"unreasonable")),
    RedFlagFamily(re.compile(r"dismiss\w* ai|ai entirely|(?:rejects?|refuses?) (?:ai|tools)"),
                  _AI_NEGATIVE, frozenset({"dismisses AI", "prefers no tools"})),
    RedFlagFamily(re.compile(r"too heavily|over-?relian|relies? (?:entirely|blindly)"),
                  _AI_NEGATIVE, frozenset({"over-reliance"})),
    RedFlagFamily(re.compile(r"complain"), COMPLAINING,
                  frozenset({"customers are annoying", "annoying customers"})),
    RedFlagFamily(re.compile(r"unreasonable"), COMPLAINING,
                  frozenset({"unreasonable customer"})),
    RedFlagFamily(re.compile(r"dealing with"), COMPLAINING,
                  frozenset({"dealing with customers"})),
    RedFlagFamily(re.compile(r"yell|shout|raises? (?:their |his |her )?voice"), COMPLAINING,
                  frozenset({"lost temper"})),
    RedFlagFamily(re.compile(r"escalat|hands? (?:it )?off"), ESCALATION),
    RedFlagFamily(re.compile(r"never (?:feels? |gets? )?stressed"), VAGUE,
                  frozenset({"never stressed"})),
    RedFlagFamily(re.compile(r"look into it|vague assurance"), _EVASIVE,
                  frozenset({"vague assurance"})),
    RedFlagFamily(re.compile(r"citing (?:the )?policy|underlying need"), _EVASIVE,
                  frozenset({"cites policy"})),
)

INJECTION = lexicon("injection", [
    Entry("ignore instructions", r"(?:ignore|disregard|forget|override)\b[^.\n]{0,30}?"
          r"\b(?:instructions?|rubric|criteria|guidelines|prompt|rules|scoring)"),
    Entry("asks for a top score", r"give\s+(?:me|this(?:\s+answer|\s+response)?|my\s+answer"
          r"|it|the\s+candidate)\s+(?:a\s+|an\s+|the\s+)?(?:5|five|10|ten|full\s+marks"
          r"|top\s+score|perfect\s+score|maximum|highest)\b(?!\s*-?\s*(?:minutes?|hours?"
          r"|days?|%|percent|star))"),
    Entry("score this", r"score\s+this|(?:rate|grade|mark|score)\s+(?:this\s+answer"
          r"|this\s+response|my\s+answer|me)\s+(?:as\s+)?(?:a\s+|an\s+)?(?:5|five|10|ten"
          r"|excellent|perfect|top|highest|full)"),
    Entry("addresses the model", r"you\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|evaluator|grader"
          r"|language\s+model|assistant|judge|scoring)|note\s+to\s+(?:the\s+)?(?:ai|evaluator"
          r"|grader|model|llm|assistant|reviewer)"),
    Entry("system prompt", r"(?:system|developer)\s+(?:prompt|message)"),
])
# fmt: on

# Forged delimiters, role lines, template syntax and JSON verdicts; searched only when one of
# INJECTION_NEEDLES is in the (folded) text.
INJECTION_MARKUP = re.compile(
    r"""
    ^[ \t]*(?:begin|end)[ \t_-]+answer\b[^\n]*
    | ^[ \t]*(?:system|assistant)[ \t]*:
    | \{\{ | \{%
    | \{[^{}]{0,200}?"(?:score|verdict|detected|present|dimensions|recommendation)"\s*:
    """,
    re.VERBOSE | re.MULTILINE,
)
INJECTION_NEEDLES = ("answer", "system", "assistant", "{")
