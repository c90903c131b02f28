"""Finding people's names in an answer, deterministically and locally.

Ways a name is found, each giving the span of the name (with its title, if any):

1. a title and a capitalised name: "Mr. Okafor", "Dr Patel", "Mrs. van der Berg";
2. a self-introduction: "my name is Maria Lopez" (any case), "I'm Jordan", "I am Wei Zhang";
3. a naming context: "a customer named X", "called X", "thank X", a role noun and a capitalised
   name ("my manager, Sarah Kim", "a caller, Thandiwe Mokoena"), a label or sign-off
   ("Candidate: X", "Regards, X", "Thanks for reading, X"), a social handle ("@jane_helps");
4. a given name from ``data/first_names.yaml``, with up to two capitalised surnames after it
   (particles such as "van der" or "da" included). Names that are also everyday words
   (``ambiguous``: Grace, Will, Mark, ...) count only inside a sentence; names that are also
   months, places or brands (``with_surname_only``: May, Kenya, Chase, ...) only with a surname.

A name found once is then found wherever its words recur capitalised ("Sarah Kim ... Sarah
approved it"). Capitalised words listed as ``not_names`` (sentence openers, days, months,
nationalities, job-title words) never count as a name or a surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["NameLists", "find_names", "name_lists"]

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# A capitalised word: "Maria", "O'Neill", "Al-Sayed", "McDonald", "DeAndre", "Ji-woo"; not a
# possessive "'s", and not a compound such as "Kenyan-born".
_WORD = (
    rf"[{_UPPER}](?:[{_LOWER}]+|(?=['’][{_UPPER}]))(?:['’-]?[{_UPPER}][{_LOWER}]+)*"
    rf"(?:-(?!(?:born|based|speaking|owned|run|led|trained|certified)\b)[{_LOWER}]+)?"
)
_WORD_RE = re.compile(rf"(?<![\w'’-]){_WORD}(?!\w|-\w)")
_PARTICLES = re.compile(r"(?:(?:van|von|der|den|de|la|le|du|di|da|del|dos|das|bin|ibn|al|el)\s+)+")
_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof")
_TITLE = re.compile(rf"\b(?:{'|'.join(_TITLES)})\.?[ \t]+(?=[{_UPPER}]|{_PARTICLES.pattern})")
_INTRO = re.compile(rf"\b(?:I'm|I’m|I am|[Cc]all me)[ \t]+(?=[{_UPPER}])")
_MY_NAME = re.compile(
    r"\b(?i:my\s+name(?:\s+is|'s|’s))\s+(?P<first>[^\W\d_]+(?:[-'’][^\W\d_]+)*)"
    r"(?:[ \t]+(?P<second>[^\W\d_]+(?:[-'’][^\W\d_]+)*))?"
)
_CONTEXT = re.compile(
    r"\b(?:named|called|thank|customer|caller|client|guest|colleague|teammate|co-?worker"
    r"|manager|supervisor|lead|boss|mentor|trainer|hire|owner|parent|patient|member"
    r"|neighbou?r|friend|husband|wife|partner|director|engineer|agent|rep|representative"
    r"|reference)"
    rf",?[ \t]+(?=[{_UPPER}])"
    r"|\b(?:Name|Candidate|Applicant|Signed|From)[ \t]*:[ \t]*"
    r"|\b(?:Regards|Best regards|Kind regards|Warm regards|Best wishes|Sincerely|Cheers|Best"
    r"|Thanks|Thank you)(?:[ \t]+for[ \t]+\w+(?:[ \t]+\w+)?)?,\s*"
    rf"(?=[{_UPPER}])"
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")
# Lower-case words that end a name given after "my name is" ("my name is maria and I ...").
_AFTER_NAME = frozenset(
    {"and", "but", "i", "im", "i'm", "from", "with", "the", "a", "an", "is", "was", "not"}
    | {"here", "in", "at", "to", "of", "for", "so", "also", "by", "who"}
)


@dataclass(frozen=True)
class NameLists:
    """The word lists behind name finding (see ``data/first_names.yaml``)."""

    names: frozenset[str]
    ambiguous: frozenset[str]
    with_surname_only: frozenset[str]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The shipped lists, read once."""
    from answer_eval.rubrics.loading import load_yaml  # YAML 1.2: "No" and "Yes" stay words

    data_file = resources.files("answer_eval.privacy").joinpath("data/first_names.yaml")
    data = load_yaml(data_file.read_text("utf-8"))
    lists = {k: frozenset(map(str, data[k])) for k in NameLists.__dataclass_fields__}
    return NameLists(**lists)


def _words_from(text: str, start: int, lists: NameLists, limit: int = 3) -> int:
    """End of the run of up to ``limit`` capitalised words (not ``not_names``, particles
    allowed between them) from ``start``; ``start`` itself when there is none."""
    end = position = start
    for _ in range(limit):
        particles = _PARTICLES.match(text, position)
        match = _WORD_RE.match(text, particles.end() if particles else position)
        if match is None or match.group(0) in lists.not_names:
            break
        end = match.end()
        gap = re.match(r"[ \t]+", text[end:])
        if gap is None:
            break
        position = end + gap.end()
    return end


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start]
    stripped = before.rstrip()
    if not stripped or "\n" in before[len(stripped) :]:
        return True
    last = stripped[-1]
    return last in ".!?:;" or (last in "\"'”’)" and stripped[-2:-1] in (".", "!", "?"))


def _listed(text: str, lists: NameLists) -> Iterator[tuple[int, int]]:
    for match in _WORD_RE.finditer(text):
        word, start = match.group(0), match.start()
        end = _words_from(text, start, lists)
        inside = not _sentence_start(text, start)
        with_surname = end > match.end()
        if (
            word in lists.names
            or (word in lists.ambiguous and inside)
            or (word in lists.with_surname_only and inside and with_surname)
        ):
            yield start, end


def _my_name(text: str, lists: NameLists) -> Iterator[tuple[int, int]]:
    stops = _AFTER_NAME | {w.lower() for w in lists.not_names}
    for match in _MY_NAME.finditer(text):
        if match.group("first").lower() in stops:
            continue
        second = match.group("second")
        if second is not None and second.lower() not in stops:
            yield match.start("first"), match.end("second")
        else:
            yield match.start("first"), match.end("first")


def _contextual(text: str, lists: NameLists) -> Iterator[tuple[int, int]]:
    for match in _TITLE.finditer(text):
        end = _words_from(text, match.end(), lists, limit=2)
        if end > match.end():
            yield match.start(), end
    for pattern in (_INTRO, _CONTEXT):
        for match in pattern.finditer(text):
            end = _words_from(text, match.end(), lists)
            if end > match.end():
                yield match.end(), end
    yield from _my_name(text, lists)
    for match in _HANDLE.finditer(text):
        yield match.start(), match.end()


def _recurring(
    text: str, spans: Iterable[tuple[int, int]], lists: NameLists
) -> Iterator[tuple[int, int]]:
    """Every capitalised recurrence of a word of a name already found."""
    words = {
        w
        for start, end in spans
        for w in _WORD_RE.findall(text[start:end])
        if w not in lists.not_names and w not in _TITLES
    }
    if not words:
        return
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    for match in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?!\w|-\w)", text):
        yield match.start(), match.end()


def _known(text: str, known: Iterable[str]) -> Iterator[tuple[int, int]]:
    for name in known:
        if name.strip():
            body = r"\s+".join(map(re.escape, name.split()))
            for match in re.finditer(rf"(?<![\w'’-]){body}(?!\w)", text, re.IGNORECASE):
                yield match.start(), match.end()


def find_names(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Spans of people's names in ``text`` (they may overlap; ``find_pii`` keeps the longest),
    plus every case-insensitive occurrence of the ``known`` names (the candidate's own, say)."""
    lists = name_lists()
    found = [*_contextual(text, lists), *_listed(text, lists), *_known(text, known)]
    return [*found, *_recurring(text, found, lists)]
