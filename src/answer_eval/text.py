"""How answer-eval reads text: one folding table, offset maps, words, sentences and negation.

Everything that compares an answer with something else (grounding quotes, cue phrases, the
offline judge's lexicons, manipulation checks) reads it through this module, so they agree on
what "the same text" means:

* ``fold``: lower case with typographic apostrophes, quotes, dashes and odd spaces made plain,
  *one character for one character*, so an offset in the folded text is an offset in the answer;
* ``FoldedText``: the folded text with runs of whitespace squashed to one space, and a map back
  to the answer's offsets (``squash`` gives the same view of a quote);
* ``MappedText``: any rewritten text (normalised, decoded) that keeps, per character, the range
  of the original it came from;
* ``words`` / ``Token``: word tokens with offsets; ``content_words`` leaves out ``STOPWORDS``;
  ``compound_words``: the offline judge's tokens, hyphenated words whole ("follow-up"), read
  from ``unhyphenated_dashes`` text (where a dash between words parts them);
* ``sentences``: sentence spans; ``is_negation`` and ``negated_before``: negation and its scope.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "NEGATION_WORDS",
    "STOPWORDS",
    "FoldedText",
    "MappedText",
    "Token",
    "compound_words",
    "content_words",
    "fold",
    "is_negation",
    "negated_before",
    "sentences",
    "split_words",
    "squash",
    "unhyphenated_dashes",
    "words",
]

# One character for one character. Typographic apostrophes, primes and quotes become ' and ",
# dashes and the minus sign become -, no-break and typographic spaces become a space.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f", " "),
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` and make its apostrophes, quotes, dashes and spaces plain.

    The result has the same length as ``text``: characters that grow when lower-cased (such as
    "İ") are kept as they are, so offsets in the folded text are offsets in ``text``.
    """
    if text.isascii():  # nothing to make plain, and nothing grows when lower-cased
        return text.lower()
    plain = text.translate(_FOLD)
    folded = plain.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := c.lower()) == 1 else c for c in plain)


_RUN = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")
_DASH = re.compile("[\u2012\u2013\u2014\u2015\u2212]")  # dashes and the minus sign, not hyphens


def unhyphenated_dashes(original: str, folded: str) -> str:
    """``folded`` (``fold(original)``) with each dash of ``original`` a space, for
    ``compound_words``: a dash between words ("feedback\u2014something") parts them."""
    if original.isascii() or _DASH.search(original) is None:
        return folded
    return fold(_DASH.sub(" ", original))


def squash(text: str) -> str:
    """``fold`` then runs of whitespace made one space, trimmed: how quotes are compared."""
    return _SPACES.sub(" ", fold(text)).strip()


class FoldedText:
    """``squash`` of a text, with a map from its offsets back to the original's.

    ``text`` is the folded, squashed copy; ``span`` turns a range of it into original offsets;
    ``folded`` is ``fold(original)`` before squashing (same offsets as the original).
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.folded = fold(original)
        self._vocabulary: frozenset[str] | None = None
        self._starts: list[int] = []  # where each run of non-space starts in ``text``
        self._origins: list[int] = []  # ... and in the original
        parts: list[str] = []
        position = 0
        for run in _RUN.finditer(self.folded):
            if parts:
                parts.append(" ")
                position += 1
            self._starts.append(position)
            self._origins.append(run.start())
            parts.append(run.group(0))
            position += len(run.group(0))
        self.text = "".join(parts)

    @property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words of the text (folded)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(_WORD.findall(self.text))
        return self._vocabulary

    def origin(self, index: int) -> int:
        """Offset in the original of the character at ``index`` of ``text``."""
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]`` (edge spaces trimmed; ``end > start``)."""
        while start < end - 1 and self.text[start] == " ":
            start += 1
        while end > start + 1 and self.text[end - 1] == " ":
            end -= 1
        return self.origin(start), self.origin(end - 1) + 1


class MappedText:
    """Text rewritten from an original, remembering for each character where it came from.

    Build it with ``add(piece, start, end)`` (``piece`` replaces ``original[start:end]``), or
    with ``aligned`` for a rewrite that keeps every offset; ``span`` maps a range of ``text``
    back to the smallest original range that produced it.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._from: list[int] = []
        self._to: list[int] = []
        self._text: str | None = None
        self._aligned = False

    @classmethod
    def aligned(cls, original: str, text: str) -> MappedText:
        """A rewrite of the same length as ``original``: character i comes from character i."""
        if len(text) != len(original):
            raise ValueError("an aligned rewrite keeps the original's length")
        mapped = cls(original)
        mapped._text, mapped._aligned = text, True
        return mapped

    def add(self, piece: str, start: int, end: int) -> None:
        """Append ``piece`` as the rewrite of ``original[start:end]``."""
        if self._aligned:
            raise ValueError("an aligned rewrite is complete")
        self._parts.append(piece)
        self._from.extend([start] * len(piece))
        self._to.extend([end] * len(piece))
        self._text = None

    @property
    def text(self) -> str:
        """The rewritten text."""
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]`` (``end > start``)."""
        if self._aligned:
            return start, end
        return self._from[start], self._to[end - 1]

    def with_text(self, text: str) -> MappedText:
        """The same map over a same-length ``text`` (a character-for-character rewrite)."""
        if len(text) != len(self.text):
            raise ValueError("with_text keeps the length")
        mapped = MappedText(self.original)
        mapped._text, mapped._aligned = text, self._aligned
        mapped._from, mapped._to = self._from, self._to
        return mapped

    def rewrite(self, pattern: re.Pattern[str], replace: str) -> MappedText:
        """A new MappedText (of the same original) with each match of ``pattern`` replaced by
        ``match.expand(replace)``, the replacement mapped to the match's original range."""
        out = MappedText(self.original)
        text, done = self.text, 0
        for m in pattern.finditer(text):
            if m.start() == m.end():
                continue
            for i in range(done, m.start()):
                out.add(text[i], *self.span(i, i + 1))
            out.add(m.expand(replace), *self.span(m.start(), m.end()))
            done = m.end()
        for i in range(done, len(text)):
            out.add(text[i], *self.span(i, i + 1))
        return out


@dataclass(frozen=True, slots=True)
class Token:
    """A word and its offsets in the text it was read from."""

    text: str
    start: int
    end: int


# A word is letters/digits, with inner apostrophes ("didn't", "customer's") kept inside.
_WORD = re.compile(r"\w+(?:'\w+)*")


def words(text: str) -> list[Token]:
    """The words of ``text`` (already folded), with offsets."""
    return [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def split_words(text: str) -> list[str]:
    """The words of ``text`` (already folded), as strings: ``words`` without the offsets."""
    return _WORD.findall(text)


_COMPOUND = re.compile(r"[a-z0-9]++(?:['\-][a-z0-9]++)*+")  # possessive: nothing follows


def compound_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The offline judge's words of ``text[start:end]`` (``unhyphenated_dashes`` text): ASCII
    letters and digits, hyphenated words and inner apostrophes whole ("follow-up", "didn't"), as
    its lexicons, stems and fitted weights count them; ``words`` splits at hyphens."""
    return _COMPOUND.findall(text, start, len(text) if end is None else end)


_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i i'd i'll i'm i've if in into is it
it's its itself just let's me more most my myself of off on once only or other our ours ourselves
out over own same she she's should so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under
until up very was we we'd we'll we're we've were what when where which while who whom why will
with would you you'd you'll you're you've your yours yourself yourselves s t d ll m re ve
within upon onto across via per toward towards among
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())
"""Function words (pronouns, articles, auxiliaries, prepositions): no evidence on their own."""

_NEGATION_TEXT = "not no never nor neither none nobody nothing nowhere without cannot hardly barely"
NEGATION_WORDS: frozenset[str] = frozenset(_NEGATION_TEXT.split())
"""Words that negate what follows (any word ending in "n't" negates too)."""


def is_negation(word: str) -> bool:
    """True for a negating word (folded): "not", "never", "didn't", "cannot" ..."""
    return word in NEGATION_WORDS or word.endswith("n't")


def content_words(text: str) -> list[str]:
    """The words of ``text`` (already folded) that carry content: not stopwords, not negations.

    Numbers count: "4 hours" is two content words.
    """
    return [w for w in _WORD.findall(text) if w not in STOPWORDS and not is_negation(w)]


# . ! ? (and their CJK forms), closing quotes or brackets, then a space or the end; or a line
# break. Written to start with one class of characters, so the regex engine skips to them.
_SENTENCE_END = re.compile(
    r"[.!?\u3002\uff01\uff1f\n](?:(?<=\n)|[.!?\u3002\uff01\uff1f]*[\"')\]]*(?=\s|$))"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``: split after . ! ? and at line breaks,
    trimmed of surrounding whitespace; empty sentences are left out."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for a, b in spans:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if b > a:
            trimmed.append((a, b))
    return trimmed


# Words that put what follows out of the writer's mouth ("I didn't blame her", "instead of
# saying no", "I refused to lie"). "not only" adds rather than negates.
_NEGATION_CUE = (
    r"(?:\b(?:not(?!\s+(?:only|just|merely|simply)\b)|never|no|nor|without|cannot)\b|n't\b"
    r"|\bavoid\w*|\binstead\s+of\b|\brather\s+than\b|\brefus\w*)"
)
_GAP_WORD = r"[^\w.!?;:,\n]+\w+(?:'\w+)*"
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,\n]|\b(?:but|however|so|yet|although|though|because|while|whereas|then|until)\b"
    r"|\b(?:and|or)\b(?=\s+(?:i|we|he|she|they|you)\b)"  # a new subject starts a new clause
)
_SCOPE_CHARS = 80  # a clause of a few words; nothing further back can negate


@lru_cache(maxsize=8)
def _negation_reach(reach: int) -> re.Pattern[str]:
    return re.compile(f"{_NEGATION_CUE}(?:{_GAP_WORD}){{0,{reach}}}[^\\w.!?;:,\\n]*$")


def negated_before(folded: str, start: int, *, reach: int = 3) -> bool:
    """True when a negation cue stands at most ``reach`` words before ``folded[start]`` in the
    same clause: a sentence end, a comma, a semicolon or a linking word ("but", "so",
    "because" ...) ends a negation's reach. ``folded`` is text from ``fold``."""
    low = max(0, start - _SCOPE_CHARS)
    ahead = folded[low : start + 8]  # "and" breaks a clause only before a new subject
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(ahead) if m.end() <= start - low), default=0)
    window = folded[low + cut : start]
    return _negation_reach(reach).search(window) is not None
