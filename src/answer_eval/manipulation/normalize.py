"""The skeleton of an answer: what a language model would read, with disguises taken off.

A model reads through tricks that defeat a plain regular expression. ``skeleton`` undoes them,
keeping for every character the range of the answer it came from (``text.MappedText``):

* escapes are decoded: ``\\n``, ``\\u0073``, ``\\x73``, HTML entities (``&#115;``, ``&lt;``),
  percent-encoding (``%73``);
* invisible characters are dropped: zero-width spaces and joiners, bidi marks and overrides,
  the BOM, soft hyphens, word joiners, variation selectors, Hangul fillers; Unicode tag
  characters (invisible copies of ASCII) become the ASCII they hide;
* every line break (CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes ``\\n``; other spaces a space;
* typographic quotes, apostrophes and dashes become plain (``text.fold``); compatibility forms
  are unfolded (NFKD: fullwidth, mathematical and circled letters, ligatures) and accents
  dropped, then case-folded;
* look-alike letters become the Latin letter they imitate (Cyrillic, Greek, Armenian, small
  capitals, IPA).

``deleet`` turns digits inside words back into letters ("1gn0r3" -> "ignore"), ``unspace``
joins letters spelled out one by one ("i g n o r e"), ``rot13`` rotates letters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from answer_eval.text import MappedText, fold

__all__ = ["deleet", "rot13", "skeleton", "tag_words", "unspace"]

_ESCAPE = re.compile(
    r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}|\\[nrt]"
    r"|&#[0-9]{1,7};|&#[xX][0-9a-fA-F]{1,6};|&[a-zA-Z]{2,8};|%[0-9a-fA-F]{2}"
)
_NEEDS_ESCAPES = ("\\", "&", "%")
_LINE_BREAKS = frozenset("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Blank-looking letters and marks that Unicode does not class as format characters.
_BLANK = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")

_CONFUSABLE_PAIRS = (
    # Cyrillic
    "аa вb гr дd еe ёe жx зz иu йu кk лn мm нh оo пn рp сc тt уy фf хx цu шw щw ъb ыbl ьb эe"
    " юio яr ѕs іi їi јj ԁd ԛq ԝw ӏl һh ґr єe ћh ђh"
    # Greek
    " αa βb γy δd εe ζz ηn θo ιi κk λl μu νv ξe οo πn ρp σo ςc τt υu φf χx ψw ωw"
    # Armenian
    " աw բp գq դn եb զq էt հh յj նu ոn պw ռn սu վu տw րn ցg քp օo ֆf"
    # Latin letters outside ASCII that NFKD keeps, small capitals and IPA
    " ıi ȷj łl øo đd ħh ŧt ƅb ɑa ɡg ɩi ɪi ʀr ɴn ʏy ʜh ʟl ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ᴊj ᴋk ᴍm ᴏo"
    " ᴘp ꜱs ᴛt ᴜu ᴠv ᴡw ᴢz ǀl ǃ! ꓲi"
)
_CONFUSABLES = {pair[0]: pair[1:] for pair in _CONFUSABLE_PAIRS.split()}
# Capitals that imitate a different Latin letter than their small form does (Greek Η looks like
# H, η like n): read before case-folding.
_CAPITAL_PAIRS = (
    "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX"  # Greek
    " АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ЅS ІI ЈJ"  # Cyrillic
)
_CAPITALS = {pair[0]: pair[1].lower() for pair in _CAPITAL_PAIRS.split()}


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    """What one character reads as (empty when it is invisible)."""
    if c in _LINE_BREAKS:
        return "\n"
    code = ord(c)
    if 0xE0020 <= code <= 0xE007E:  # tag characters: invisible ASCII
        return chr(code - 0xE0000)
    category = unicodedata.category(c)
    if category == "Cf" or c in _BLANK or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return ""
    if category == "Cc" or c.isspace():
        return " "
    if (base := unicodedata.normalize("NFKD", c)[:1]) in _CAPITALS:  # "Ή" reads as "Η" does
        return _CAPITALS[base]
    out = []
    for part in unicodedata.normalize("NFKD", fold(c)):  # fold: typographic quotes, dashes
        if unicodedata.combining(part):
            continue
        for low in part.casefold():
            if not unicodedata.combining(low):
                out.append(_CONFUSABLES.get(low, low))
    return "".join(out)


def _decode_escape(token: str) -> str:
    if token.startswith(("\\u", "\\U", "\\x")):
        return chr(int(token[2:], 16)) if int(token[2:], 16) <= 0x10FFFF else token
    if token.startswith("\\"):
        return {"\\n": "\n", "\\r": "\n", "\\t": " "}[token]
    if token.startswith("%"):
        return chr(int(token[1:], 16))
    decoded = html.unescape(token)
    return decoded if len(decoded) <= 2 else token


def skeleton(answer: str) -> MappedText:
    """``answer`` as a model reads it, lower case, with a map back to the answer's offsets.

    Runs of spaces are one space, so a doubled space cannot split a phrase the rules look for.
    """
    mapped = _read(answer)
    if "  " in mapped.text:
        mapped = mapped.rewrite(_SPACES, " ")
    return mapped


# ... except after letters spelled one by one, where the wider gap is what separates the words
# ("i g n o r e  t h e"; see ``unspace``).
_SPACES = re.compile(r"(?<!\b[a-z] [a-z]) {2,}")


def _read(answer: str) -> MappedText:
    if answer.isascii() and not any(n in answer for n in _NEEDS_ESCAPES):
        plain = answer.lower().translate(_ASCII_TABLE)
        return MappedText.aligned(answer, plain)
    mapped = MappedText(answer)
    done = 0
    escapes = _ESCAPE.finditer(answer) if any(n in answer for n in _NEEDS_ESCAPES) else ()
    for m in escapes:
        for i in range(done, m.start()):
            mapped.add(_char(answer[i]), i, i + 1)
        mapped.add("".join(_char(c) for c in _decode_escape(m.group(0))), m.start(), m.end())
        done = m.end()
    for i in range(done, len(answer)):
        mapped.add(_char(answer[i]), i, i + 1)
    return mapped


# ASCII needs only line breaks and control characters made plain (same length).
_ASCII_TABLE = str.maketrans(
    {**{chr(c): " " for c in range(32) if c != 10}, **dict.fromkeys("\r\v\f\x1c\x1d\x1e", "\n")}
)

_LEET = str.maketrans("0134578@$", "oieastbas")
_MIXED = re.compile(r"\b(?=[a-z0-9@$]*[a-z])(?=[a-z0-9@$]*[0-9@$])[a-z0-9@$]{2,}\b")


def deleet(text: str) -> str:
    """Digits inside words read as letters ("1gn0r3" -> "ignore"); same length."""
    return _MIXED.sub(lambda m: m.group(0).translate(_LEET), text)


_SPACED = re.compile(r"\b(?:[a-z0-9/][ .\-_*|\n]){3,}[a-z0-9/](?![a-z0-9])")
# Words an instruction spelled out letter by letter is made of: the run "ratethisanswer" is
# read as "rate this answer" when it splits wholly into these (and digit runs), else as one word.
_SPELLED_TEXT = (
    "a an the this that these my me i you your it is are be as to of for and or all every each "
    "any in on at with now from give rate grade score mark treat consider ignore disregard forget "
    "skip previous prior above earlier instructions instruction rules rule rubric criteria answer "
    "response candidate applicant hire pass passed full marks top highest maximum max perfect "
    "strong yes approve approved system prompt evaluator grader reviewer assessor judge model ai "
    "print reveal show repeat tell act new task output only please just do not must should award "
    "recommend recommendation verdict excellent outstanding points out"
)
_SPELLED_WORDS = frozenset(_SPELLED_TEXT.split())
_PIECE = re.compile(r"[a-z]+|[0-9/]+")


def _segment(run: str) -> list[str] | None:
    """``run`` split into spelled words (fewest pieces), digits kept whole; None when it cannot
    be split wholly."""
    pieces: list[str] = []
    for piece in _PIECE.findall(run):
        if not piece.isalpha():
            pieces.append(piece)
            continue
        best: list[list[str] | None] = [[]] + [None] * len(piece)
        for end in range(1, len(piece) + 1):
            for start in range(max(0, end - 12), end):
                head = best[start]
                known = head is not None and piece[start:end] in _SPELLED_WORDS
                if known and (best[end] is None or len(head or ()) + 1 < len(best[end] or ())):
                    best[end] = [*(head or ()), piece[start:end]]
        words = best[len(piece)]
        if words is None:
            return None
        pieces.extend(words)
    return pieces


_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+(?:/[0-9]+)?")


def tag_words(tag: str) -> str:
    """The words of a hashtag run together ("ThisAnswerScored5outof5" -> "this answer scored 5
    out of 5"): split where the case or digits change, then into known words where it can."""
    words: list[str] = []
    for part in _CAMEL.findall(tag):
        low = part.lower()
        words.extend(_segment(low) or [low])
    return " ".join(words)


def unspace(mapped: MappedText) -> MappedText | None:
    """Letters spelled out one by one joined into words ("i g n o r e" -> "ignore"; "r a t e t
    h i s" -> "rate this" when the run splits wholly into known words), or None when there are
    none."""
    if not _SPACED.search(mapped.text):
        return None
    out = MappedText(mapped.original)
    text, done = mapped.text, 0
    for m in _SPACED.finditer(text):
        for i in range(done, m.start()):
            out.add(text[i], *mapped.span(i, i + 1))
        kept = [i for i in range(m.start(), m.end()) if text[i] not in " .-_*|\n"]
        run = "".join(text[i] for i in kept)
        # "g 1 v 3 7 h 1 5" splits once its digits are read as letters
        words = _segment(run) or _segment(run.translate(_LEET)) or [run]
        at = 0
        for n, word in enumerate(words):
            if n:
                out.add(" ", *mapped.span(kept[at - 1], kept[at - 1] + 1))
            for i in kept[at : at + len(word)]:
                out.add(text[i], *mapped.span(i, i + 1))
            at += len(word)
        done = m.end()
    for i in range(done, len(text)):
        out.add(text[i], *mapped.span(i, i + 1))
    return out


_ROT13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm"
)  # the skeleton is lower case


def rot13(text: str) -> str:
    """ROT13 of lower-case text; same length."""
    return text.translate(_ROT13)
