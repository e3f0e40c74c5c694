"""Vietnamese text rules: NFC on the way in, the characters text may hold, diacritic-blind
matching for search."""

import re
import unicodedata
from typing import overload

from .errors import Reason


@overload
def nfc(value: str) -> str: ...
@overload
def nfc(value: None) -> None: ...


def nfc(value: str | None) -> str | None:
    """Text typed through some Windows input methods arrives decomposed (NFD)."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


# The one text rule: what may be stored in any text field. Line
# breaks people type ("\r\n", "\r", Word's Shift+Enter "\v", "\f") become "\n" and a tab stays;
# every other C0 control, DEL, the C1 controls, lone surrogates and U+FFFE/U+FFFF are refused, so
# nothing stored can break a Word/Excel report (XML) or a terminal.
_LINE_BREAKS = re.compile("\r\n?|[\v\f]")
REFUSED_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str, strict: bool = False) -> str:
    r"""`value` as stored: NFC, trimmed, line breaks as "\n". Typed by people (the window, table
    files): "\r\n", "\r", "\v" and "\f" become "\n". `strict` (bundles, written by this app,
    which already cleaned): those are refused like any other control character. Raises Reason
    naming the character (U+0007) and, for a long text, where it is."""
    if not strict and ("\r" in value or "\v" in value or "\f" in value):
        value = _LINE_BREAKS.sub("\n", value)
    found = REFUSED_CHARACTER.search(value)  # "\r", "\v", "\f" are in it: left only in strict mode
    if found:
        raise Reason(
            "ký tự U+{code} ở vị trí {position} không được phép trong văn bản (ký tự điều khiển hoặc không hợp lệ)",
            code=f"{ord(found.group()):04X}",
            position=found.start() + 1,
        )
    return nfc(value)


class _StripCombining(dict):
    """str.translate table deleting combining marks; filled lazily, so lookups stay in C."""

    def __missing__(self, codepoint: int):
        value = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_STRIP_COMBINING = _StripCombining()


def fold(value: str) -> str:
    """Lower-case and strip diacritics so "long xuyen" finds "Long Xuyên".

    By definition: casefold, NFD, every combining mark removed, đ → d. Vietnamese text takes a
    faster road with the same result (100.000 activities are folded at each bundle import): when
    each letter decomposes into an ASCII letter and marks, the ASCII letters alone are the answer,
    which the lengths tell (as many ASCII letters as composed characters); else the table below."""
    folded = value.casefold().replace("đ", "d")
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    letters = decomposed.encode("ascii", "ignore").decode("ascii")
    if len(letters) == len(unicodedata.normalize("NFC", folded)):
        return letters
    return decomposed.translate(_STRIP_COMBINING)  # marks of other scripts, and text with other letters


# -- words as a clerk writes them -------------------------------------------------------------

# Kinds of administrative unit as the official lists begin a unit's name, longest first
# ("Thị xã" before "Xã"). Decree 30/2020 writes them in lower case inside a sentence.
UNIT_KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")
# The lists write some kinds with a capital inside ("Thị Trấn Long Bình"): matched in any case.
_KIND_INSIDE = re.compile(r"(?:(?<=[^\s.!?:;\"“-] )|(?<=\())(" + "|".join(UNIT_KINDS) + r") (\w)", re.IGNORECASE)
_KIND_AT_HEAD = re.compile(r"(" + "|".join(UNIT_KINDS) + r") ", re.IGNORECASE)

# The official unit lists (GSO) place the tone mark the traditional way on a final "oa", "oe",
# "uy" ("Hòa", "Thủy"); text typed elsewhere may use the other way ("Hoà", "Thuỷ"). One way on
# paper: the lists' own. Only at the end of a syllable ("hoàn" is right as it is) and not after "q"
# ("quý": the "u" belongs to "qu").
_NEW_STYLE = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![a-zà-ỹđA-ZÀ-ỸĐ])")
_TAKES = {"o": "ae", "u": "y"}  # oa, oe, uy: the pairs whose mark moves


def _old_style(match: re.Match) -> str:
    first, second = match.groups()
    letter, mark = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    if letter.lower() not in _TAKES[first.lower()]:
        return match.group(0)
    return unicodedata.normalize("NFC", first + mark) + letter


def tone_marks(text: str) -> str:
    """ "Mỹ Hoà" → "Mỹ Hòa", "Thuỷ" → "Thủy": the tone-mark convention of the official unit lists."""
    return _NEW_STYLE.sub(_old_style, text)


def unit_kind(name: str) -> str:
    """The kind a unit's name begins with, as written at the head of a line ("Thị trấn"), or ""."""
    match = _KIND_AT_HEAD.match(name)
    return match.group(1)[:1].upper() + match.group(1)[1:].lower() if match else ""


def unit_display(name: str) -> str:
    """A unit's name at the head of a line or in a table: "Thị Trấn Óc Eo" → "Thị trấn Óc Eo", "Mỹ Hoà" → "Mỹ Hòa"."""
    name = tone_marks(name)
    kind = unit_kind(name)
    return kind + name[len(kind) :] if kind else name


def unit_in_sentence(name: str) -> str:
    """ "Thành phố Châu Đốc" inside a sentence reads "thành phố Châu Đốc"."""
    name = unit_display(name)
    kind = unit_kind(name)
    return kind.lower() + name[len(kind) :] if kind else name


def proper_name(name: str) -> str:
    """ "Tỉnh An Giang" → "An Giang": the place of a dateline ("An Giang, ngày 02 tháng 02 năm 2023")."""
    name = tone_marks(name)
    kind = unit_kind(name)
    return name[len(kind) + 1 :] if kind else name


def lower_unit_kinds(text: str) -> str:
    """Unit kinds in lower case inside a sentence ("UBND Thành phố Châu Đốc" → "UBND thành phố Châu
    Đốc"); kept at the head of a line or sentence, and in text written in capitals."""
    # Only before a name ("Huyện An Phú"), not in a common noun ("Tỉnh ủy", "Xã hội").
    return _KIND_INSIDE.sub(
        lambda m: (m.group(1).lower() if m.group(2).isupper() else m.group(1)) + " " + m.group(2), text
    )
