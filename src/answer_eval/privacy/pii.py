"""Finding personal data in an answer: the spans a redactor replaces before text leaves the machine.

Kinds: ``email``, ``url``, ``phone`` (international ``+CC ...``, North American and national
trunk-0 formats), ``card`` (13-19 digits that pass the Luhn check, grouped as cards print
them), ``account`` (IBANs that pass the ISO 13616 mod-97 check; sort codes and bank, customer,
member and policy numbers after a word that says so), ``address`` (a street line with its
unit, town, state and ZIP or UK postcode when written together) and ``name`` (see
``audit.names``). Deterministic, local, nothing downloaded.

Spans never overlap: kinds are searched in ``ORDER`` and a find that overlaps an earlier one is
dropped, so an email is never also a name and an IBAN never also a phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from answer_eval.privacy.names import find_names

__all__ = ["KINDS", "ORDER", "PiiKind", "PiiSpan", "find_pii", "iban_valid", "luhn_valid"]

PiiKind = Literal["email", "url", "phone", "card", "account", "address", "name"]
KINDS: tuple[PiiKind, ...] = ("email", "url", "phone", "card", "account", "address", "name")


@dataclass(frozen=True)
class PiiSpan:
    """One piece of personal data: ``text[start:end]`` is of ``kind``."""

    kind: PiiKind
    start: int
    end: int


_SPOKEN_EMAIL = re.compile(  # "maria dot lopez at example dot com"
    r"\b[\w+-]+(?:\s+dot\s+[\w+-]+)*\s+(?:at|\[at\]|\(at\))\s+[\w-]+(?:\s+dot\s+[\w-]+)+\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b"
)
_TLD = r"(?:com|org|net|io|dev|me|co|uk|ai|app|info|biz|edu|gov|us|ca|de|fr|in|au|nl|es|it|ie)"
_URL = re.compile(
    r"\b(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>\"'()\[\]{}]+"
    rf"|\b[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.{_TLD}/[^\s<>\"'()\[\]{{}}]*"
    # a bare domain, lower case only: "ASP.NET" is a product, "janedoe.github.io" a site
    rf"|(?<![@\w.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_TLD}\b(?!@|\.?\w)"
)
_URL_TRAIL = ".,;:!?'\"’”"
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_CARD = re.compile(
    r"(?<![\d+-])(?:\d{4}[ -]){3}\d{1,7}(?![\d-])"  # 4-4-4-4 and longer
    r"|(?<![\d+-])\d{4}[ -]\d{6}[ -]\d{4,5}(?![\d-])"  # 4-6-5 (Amex), 4-6-4 (Diners)
    r"|(?<![\d+-])\d{13,19}(?![\d-])"  # unbroken
)
_PHONE_CUE = re.compile(  # "call 555 0142", "Phone: 46 70 123 45 67"
    r"(?i:\b(?:phone|tel|telephone|mobile|cell|call|text|ring|whatsapp)\b"
    r"(?:\s+(?:me|us|number|no\.?|on|at|is))*)\s*[:#]?\s*(?P<value>\+?\(?\d[\d ().-]{5,}\d)"
)
_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){1,6}(?!\w)"  # +44 20 7946 0958
    r"|(?<![\w+])(?:1[-. ])?(?:\(\d{3}\)[ ]?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)"  # (212) 555-0147
    r"|(?<![\w+])0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?!\d)"  # 020 7946 0958, 07700 900461
)
_ACCOUNT = re.compile(
    r"(?i:\b(?:bank\s+)?(?:account|acct|a/c|customer|client|member(?:ship)?|policy|sort\s+code"
    r"|routing|iban)\b(?:\s+(?:number|no\.?|num|id|code|#|was|is|being))*)\s*[:#,]?\s*"
    r"(?P<value>[A-Z]{0,5}-?\d[\dA-Z-]*\d(?: \d{2,6}(?!\w))*)"
)
_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl"
    r"|Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Walk|Gardens|Grove|Hill"
    r"|Mews|Circle|Trail|Alley)\b\.?"
)
_UNIT = r"(?i:Flat|Apt\.?|Apartment|Unit|Suite|Ste\.?|Floor|Room)\s+[A-Z0-9][\w-]*"
_CAP = r"[A-Z][a-zA-Z'’-]+"
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"
_ZIP = r"\d{5}(?:-\d{4})?\b"
_ADDRESS = re.compile(
    rf"(?:{_UNIT},?\s+)?\b\d{{1,5}}[A-Za-z]?\s+(?:(?:N|S|E|W|North|South|East|West)\.?\s+)?"
    rf"(?:(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}{_SUFFIX}"
    r"(?:\s+(?:NW|NE|SW|SE)\b)?"
    rf"(?:,?\s+{_UNIT})?"
    rf"(?:,\s+{_CAP}(?:\s+{_CAP})?(?=[,.;]|\s+{_POSTCODE}|\s+[A-Z]{{2}}\s+\d{{5}}|\s*$))?"
    rf"(?:,?\s+[A-Z]{{2}}(?=\s+\d{{5}}))?"
    rf"(?:,?\s+(?:{_ZIP}|{_POSTCODE}))?"
)

_CONTINENTAL_ADDRESS = re.compile(  # "Rue de Rivoli 15, 75001 Paris", "Hauptstraße 5"
    r"\b(?:(?:Rue|Avenue|Boulevard|Place|Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Rua|Paseo"
    rf"|Carrer)\s+(?:(?:de|del|des|la|le|les|du|della|di|do|da|dos|das)\s+|{_CAP}\s+){{1,5}}"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|weg|platz|gasse|allee|damm)\s+)"
    rf"\d{{1,4}}[a-z]?\b(?:,\s*\d{{4,5}}\s+{_CAP})?"
)
_POSTCODE_ALONE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")  # UK: "SW1A 1AA"

ORDER: tuple[PiiKind, ...] = ("email", "url", "account", "card", "phone", "address", "name")
"""The search order: contact details and numbers with checks first, names last."""


def luhn_valid(digits: str) -> bool:
    """True when ``digits`` pass the Luhn checksum (payment cards)."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return bool(digits) and total % 10 == 0


def iban_valid(text: str) -> bool:
    """True when ``text`` (spaces allowed) is an IBAN whose mod-97 check holds (ISO 13616)."""
    compact = text.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_EMAIL, _SPOKEN_EMAIL):
        for m in pattern.finditer(text):
            yield m.start(), m.end()


def _urls(text: str) -> Iterator[tuple[int, int]]:
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TRAIL:
            end -= 1
        yield m.start(), end


def _accounts(text: str) -> Iterator[tuple[int, int]]:
    for m in _IBAN.finditer(text):
        candidate = m.group(0)
        # the greedy match may take a word after the IBAN: shorten group by group until valid
        while candidate and not iban_valid(candidate):
            candidate = candidate[: candidate.rfind(" ")] if " " in candidate else ""
        if candidate:
            yield m.start(), m.start() + len(candidate)
    for m in _ACCOUNT.finditer(text):
        if len(_digits(m.group("value"))) >= 5:
            yield m.start("value"), m.end("value")


def _cards(text: str) -> Iterator[tuple[int, int]]:
    for m in _CARD.finditer(text):
        digits = _digits(m.group(0))
        if 13 <= len(digits) <= 19 and luhn_valid(digits):
            yield m.start(), m.end()


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for m in _PHONE.finditer(text):
        if 7 <= len(_digits(m.group(0))) <= 15:
            yield m.start(), m.end()
    for m in _PHONE_CUE.finditer(text):
        value = m.group("value").rstrip(" .-(")
        if 7 <= len(_digits(value)) <= 15:
            yield m.start("value"), m.start("value") + len(value)


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_ADDRESS, _CONTINENTAL_ADDRESS, _POSTCODE_ALONE):
        for m in pattern.finditer(text):
            yield m.start(), m.end()


_FINDERS = {
    "email": _emails,
    "url": _urls,
    "account": _accounts,
    "card": _cards,
    "phone": _phones,
    "address": _addresses,
}


def find_pii(
    text: str, *, kinds: Iterable[PiiKind] = KINDS, names: Iterable[str] = ()
) -> list[PiiSpan]:
    """Non-overlapping spans of personal data in ``text``, in text order.

    ``kinds`` limits what is looked for; ``names`` are names the caller already knows (the
    candidate's own, from an ATS), found wherever they occur, whatever their case.
    """
    wanted = set(kinds)
    taken: list[PiiSpan] = []
    for kind in ORDER:
        if kind not in wanted:
            continue
        found = find_names(text, names) if kind == "name" else _FINDERS[kind](text)
        # longest first, so a name with its surname beats the given name alone
        for start, end in sorted(set(found), key=lambda s: (s[0] - s[1], s[0])):
            if end > start and not any(s.start < end and start < s.end for s in taken):
                taken.append(PiiSpan(kind, start, end))
    return sorted(taken, key=lambda s: s.start)
