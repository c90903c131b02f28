"""Redacting personal data before an answer leaves the machine, and mapping quotes back.

``Redactor().redact(answer)`` gives a ``Redaction``: the text the judge sees, each piece of
personal data (``audit.pii``) replaced by a placeholder such as ``[EMAIL_1]`` or ``[NAME_2]``
(within one answer the same value always gets the same placeholder), and an offset map back to
the original. The judge quotes the redacted text; ``Redaction.restore_judgment`` turns its
quotes back into the answer's own words, so grounding and highlights work on the real answer:

* a quote located in the redacted text that touches a placeholder becomes the original text of
  the span it covers (an edge inside a placeholder widens to the whole original value);
* a quote located there that touches none is kept as the judge gave it;
* a quote not located at all (invented) gets its placeholders replaced by their values, and
  grounding then marks it unverified as usual.

``redaction_default(judge)``: redact when the caller did not say, for a judge that sends the
text to an endpoint that is not local. Local means ``localhost``, a loopback, private or
link-local address; a host name that merely resolves to one is not known to be local, so it is
redacted. The offline and fake judges send nothing, so nothing is redacted for them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from answer_eval.grounding import NormalizedText, ground
from answer_eval.judgment import Judgment
from answer_eval.privacy.pii import KINDS, PiiKind, find_pii

__all__ = [
    "Redaction",
    "Redactor",
    "Replacement",
    "is_local_endpoint",
    "redaction_default",
    "redactor_for",
]

_PLACEHOLDER = re.compile(r"\[(?:EMAIL|URL|PHONE|CARD|ACCOUNT|ADDRESS|NAME)_\d+\]")
# A quote without any of these cannot hold even part of a placeholder: it is kept as it is
# without searching the redacted text (the costly part of restoring).
_PLACEHOLDER_PART = re.compile(r"[\[\]_]|EMAIL|URL|PHONE|CARD|ACCOUNT|ADDRESS|NAME")


@dataclass(frozen=True)
class Replacement:
    """One redacted value: ``original[start:end]`` became ``text[sent_start:sent_end]``."""

    kind: PiiKind
    placeholder: str
    start: int
    end: int
    sent_start: int
    sent_end: int


def _key(kind: PiiKind, value: str) -> str:
    """What makes two values 'the same' for a placeholder: case, spacing and punctuation of
    phone, card and account numbers do not matter."""
    if kind in ("phone", "card", "account"):
        return "".join(c for c in value if c.isalnum()).upper()
    return " ".join(value.split()).casefold().rstrip("/")


@dataclass(frozen=True)
class Redaction:
    """An answer, the redacted ``text`` the judge sees, and the map between them."""

    original: str
    text: str
    replacements: tuple[Replacement, ...]

    @cached_property
    def _folded(self) -> NormalizedText:
        return NormalizedText(self.text)  # built once, shared by every quote

    def counts(self) -> dict[str, int]:
        """How many values of each kind were redacted (never the values), kinds in fixed order."""
        counts = {k: sum(r.kind == k for r in self.replacements) for k in KINDS}
        return {k: n for k, n in counts.items() if n}

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the redacted span ``[start, end)``."""
        return self._position(start, edge="start"), self._position(end, edge="end")

    def _position(self, position: int, *, edge: str) -> int:
        shift = 0
        for r in self.replacements:
            inside = (
                r.sent_start <= position < r.sent_end
                if edge == "start"
                else r.sent_start < position <= r.sent_end
            )
            if inside:
                return r.start if edge == "start" else r.end
            if r.sent_end > position:
                break
            shift = r.end - r.sent_end
        return position + shift

    def restore(self, quote: str) -> str:
        """A quote of the redacted text, in the original's words (see the module docstring)."""
        if not self.replacements or not _PLACEHOLDER_PART.search(quote):
            return quote
        # locating only: the evidence rules apply when the restored quote is grounded
        evidence = ground(quote, self.text, self._folded, min_content=1)
        if evidence.span is not None:
            start, end = evidence.span.start, evidence.span.end
            if any(r.sent_start < end and start < r.sent_end for r in self.replacements):
                first, last = self.to_original(start, end)
                return self.original[first:last]
            return quote
        return self.fill(quote)

    def fill(self, text: str) -> str:
        """``text`` with every placeholder of this redaction replaced by its value."""
        values = {
            r.placeholder: self.original[r.start : r.end] for r in reversed(self.replacements)
        }
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), text)

    def restore_judgment(self, judgment: Judgment) -> Judgment:
        """``judgment`` with every quote restored and placeholders in rationales filled."""
        if not self.replacements:
            return judgment
        data = judgment.model_dump()
        for dim in data["dimensions"].values():
            dim["evidence"] = [self.restore(q) for q in dim["evidence"]]
            dim["rationale"] = self.fill(dim["rationale"])
        star = data["star"]
        for part, quote in star.items():
            star[part] = None if quote is None else self.restore(quote)
        for group in ("criteria", "red_flags"):
            for item in data[group].values():
                item["evidence"] = [self.restore(q) for q in item["evidence"]]
        injection = data["injection"]
        injection["evidence"] = [self.restore(q) for q in injection["evidence"]]
        return Judgment.model_validate(data)


class Redactor:
    """Replaces personal data with stable placeholders (see the module docstring).

    ``kinds`` limits what is redacted; ``names`` are names the caller knows (the candidate's,
    from an ATS), redacted wherever they occur in any case.
    """

    def __init__(self, *, kinds: Iterable[PiiKind] = KINDS, names: Iterable[str] = ()) -> None:
        self.kinds = tuple(k for k in KINDS if k in set(kinds))
        self.names = tuple(names)

    def __repr__(self) -> str:
        return f"Redactor(kinds={self.kinds!r})"  # never the names

    def redact(self, text: str, *, names: Iterable[str] = ()) -> Redaction:
        """The redaction of ``text``; ``names`` adds names known for this answer only."""
        spans = find_pii(text, kinds=self.kinds, names=(*self.names, *names))
        taken = set(_PLACEHOLDER.findall(text))  # never reuse a placeholder the text contains
        numbers: dict[str, int] = {}
        assigned: dict[tuple[str, str], str] = {}
        parts: list[str] = []
        replacements: list[Replacement] = []
        cursor = length = 0
        for span in spans:
            key = (span.kind, _key(span.kind, text[span.start : span.end]))
            placeholder = assigned.get(key)
            while placeholder is None or placeholder in taken:
                numbers[span.kind] = numbers.get(span.kind, 0) + 1
                placeholder = f"[{span.kind.upper()}_{numbers[span.kind]}]"
            assigned[key] = placeholder
            kept = text[cursor : span.start]
            start = length + len(kept)
            parts += [kept, placeholder]
            length = start + len(placeholder)
            replacements.append(
                Replacement(span.kind, placeholder, span.start, span.end, start, length)
            )
            cursor = span.end
        parts.append(text[cursor:])
        return Redaction(text, "".join(parts), tuple(replacements))


def is_local_endpoint(url: str | None) -> bool:
    """True for ``localhost`` and loopback, private or link-local IP addresses."""
    if not url:
        return False
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


def redaction_default(judge_kind: str, endpoint: str | None) -> bool:
    """Whether to redact when the caller did not say: a model judge sends text off this
    machine (the offline and fake judges send nothing anywhere)."""
    if judge_kind != "openai":
        return False
    return not is_local_endpoint(endpoint)


def redactor_for(
    redact: bool | Redactor | None, judge_kind: str, endpoint: str | None
) -> Redactor | None:
    """The redactor an evaluator uses: the one given, a default one, or None (no redaction)."""
    if isinstance(redact, Redactor):
        return redact
    if redact is None:
        redact = redaction_default(judge_kind, endpoint)
    return Redactor() if redact else None
