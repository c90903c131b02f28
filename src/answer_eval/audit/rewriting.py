"""Counterfactual rewrites of an answer: the same answer with one attribute of its writer changed.

Variants (``VARIANTS``):

* ``sex``: first names swapped with the same row's name of the other sex
  (``data/counterfactual_names.yaml``), pronouns and gendered words swapped
  (``data/gendered_terms.yaml``, which documents the rule for the ambiguous "her" and "his");
* ``names:white-black``, ``names:white-hispanic``, ``names:white-asian``: first names swapped
  between two groups of names readers associate with an ethnicity, same sex, same row;
* ``spelling:american`` and ``spelling:british``: British spellings made American, or back
  (``data/spelling.yaml``);
* ``signed:white-black``, ``signed:white-hispanic``, ``signed:white-asian``: as in audit studies,
  the applicant's name varies: the answer signed ("Thanks,\nEmily") with a name of the first
  group is compared with the same answer signed with the same row's name of the second group.
  Answer *i* of a run uses row ``(i // 2) % 8`` and the female names for even *i*, the male for
  odd, so a run of 16 answers or more uses every name of both groups.

Every swap is of whole words and keeps the case of the original (``her`` -> ``his``, ``Her``
-> ``His``, ``HER`` -> ``HIS``); a possessive ending stays (``Emily's`` -> ``Greg's``). Names
are swapped only when capitalised, so "jill" in a word or sentence is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["VARIANTS", "Variant", "rewrite", "variant"]

VARIANTS = (
    "sex",
    "names:white-black",
    "names:white-hispanic",
    "names:white-asian",
    "spelling:american",
    "spelling:british",
    "signed:white-black",
    "signed:white-hispanic",
    "signed:white-asian",
)
_DESCRIPTIONS = {
    "sex": "names, pronouns and gendered words of the other sex",
    "names:white-black": "white- and Black-associated first names swapped",
    "names:white-hispanic": "white- and Hispanic-associated first names swapped",
    "names:white-asian": "white- and Asian-associated first names swapped",
    "spelling:american": "British spellings made American",
    "spelling:british": "American spellings made British",
    "signed:white-black": "signed with a white- or a Black-associated first name",
    "signed:white-hispanic": "signed with a white- or a Hispanic-associated first name",
    "signed:white-asian": "signed with a white- or an Asian-associated first name",
}
SIGN_OFF = "\n\nThanks,\n{name}"

_NEXT_WORD = re.compile(r"\s*([A-Za-z0-9]+)")
_PRONOUNS = {"he": "she", "she": "he", "him": "her", "hers": "his", "himself": "herself",
             "herself": "himself"}  # fmt: skip


@dataclass(frozen=True, eq=False)
class Variant:
    """A named rewrite: word swaps (lower case -> replacement), name swaps, pronoun swaps."""

    name: str
    description: str
    words: Mapping[str, str]
    names: Mapping[str, str]
    pronouns: bool
    signatures: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # (female, male) pairs

    def apply(self, text: str) -> str:
        """``text`` rewritten (a signed variant leaves it as it is: see ``texts``)."""
        return rewrite(text, self)

    def texts(self, answer: str, index: int) -> tuple[str, str]:
        """The two versions to compare for answer number ``index`` of a run: the answer and its
        rewrite, or for a signed variant the answer signed by each group's name."""
        if self.signatures is None:
            return answer, self.apply(answer)
        pairs = self.signatures[index % 2]
        first, second = pairs[(index // 2) % len(pairs)].split("|")
        return answer + SIGN_OFF.format(name=first), answer + SIGN_OFF.format(name=second)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every word this variant swaps, as whole words, any case."""
        words = set(self.words) | set(self.names)
        if self.pronouns:
            words |= {*_PRONOUNS, "her", "his"}
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # not inside a word, and not the first part of a hyphenated compound ("she-wolf")
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)", re.IGNORECASE)


def _load(name: str) -> Any:
    from answer_eval.rubrics.loading import load_yaml  # YAML 1.2: "no" stays a word

    return load_yaml(
        resources.files("answer_eval.audit").joinpath(f"data/{name}").read_text("utf-8")
    )


def _both_ways(pairs: list[tuple[str, str]]) -> dict[str, str]:
    swap = {a: b for a, b in pairs}
    swap.update({b: a for a, b in pairs})
    return swap


@cache
def variant(name: str) -> Variant:
    """The variant called ``name`` (one of ``VARIANTS``); KeyError for an unknown name."""
    if name not in VARIANTS:
        raise KeyError(f"unknown variant {name!r}; known: {', '.join(VARIANTS)}")
    words: dict[str, str] = {}
    names: dict[str, str] = {}
    if name.startswith("spelling:"):
        pairs = [(str(gb), str(us)) for gb, us in _load("spelling.yaml")["pairs"]]
        words = dict(pairs) if name == "spelling:american" else {us: gb for gb, us in pairs}
    table = _load("counterfactual_names.yaml")
    if name == "sex":
        for group, female in table["female"].items():
            names.update(_both_ways(list(zip(female, table["male"][group], strict=True))))
        terms = _load("gendered_terms.yaml")
        words = _both_ways([(str(a), str(b)) for a, b in terms["pairs"]])
        words.update({str(k): str(v) for k, v in terms["one_way"].items()})
    elif name.startswith("names:"):
        first, second = name.removeprefix("names:").split("-")
        for sex in ("female", "male"):
            names.update(_both_ways(list(zip(table[sex][first], table[sex][second], strict=True))))
    elif name.startswith("signed:"):
        first, second = name.removeprefix("signed:").split("-")
        female, male = (
            tuple(f"{a}|{b}" for a, b in zip(table[sex][first], table[sex][second], strict=True))
            for sex in ("female", "male")
        )
        return Variant(name, _DESCRIPTIONS[name], {}, {}, False, (female, male))
    return Variant(name, _DESCRIPTIONS[name], words, names, pronouns=name == "sex")


def _cased(source: str, target: str) -> str:
    if len(source) > 1 and source.isupper():
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def _next_word(text: str, end: int) -> str | None:
    """The word right after ``end`` (lower case), or None at punctuation or the end."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1).lower() if match else None


@cache
def _her_rule() -> dict[str, frozenset[str]]:
    rule = _load("gendered_terms.yaml")["her_rule"]
    return {key: frozenset(map(str, words)) for key, words in rule.items()}


def _her(text: str, end: int) -> str:
    """ "him" or "his" for a "her" ending at ``end`` (the rule in gendered_terms.yaml)."""
    following, rule = _next_word(text, end), _her_rule()
    if following is None or following[0].isdigit() or following in rule["object_before"]:
        return "him"
    if following in rule["bare_verbs"]:
        return "him"
    if following.endswith("ly") and following not in rule["ly_adjectives"]:
        return "him"
    return "his"


def _his(text: str, end: int) -> str:
    """ "her" before a word, "hers" at the end of a clause or before a function word."""
    following = _next_word(text, end)
    return "hers" if following is None or following in _her_rule()["object_before"] else "her"


def rewrite(text: str, v: Variant | str) -> str:
    """``text`` with the swaps of variant ``v`` applied in one pass (so a swap is never
    swapped back within the same rewrite)."""
    chosen = variant(v) if isinstance(v, str) else v
    if not (chosen.words or chosen.names or chosen.pronouns):
        return text

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        low = found.lower()
        for name, other in chosen.names.items():
            if found[:1].isupper() and low == name.lower():
                return _cased(found, other) if found.isupper() else other
        if chosen.pronouns and low == "her":
            return _cased(found, _her(text, match.end()))
        if chosen.pronouns and low == "his":
            return _cased(found, _his(text, match.end()))
        if chosen.pronouns and low in _PRONOUNS:
            return _cased(found, _PRONOUNS[low])
        target = chosen.words.get(low)
        return found if target is None else _cased(found, target)

    return chosen.pattern.sub(swap, text)
