"""Vietnamese text rules: NFC on the way in, diacritic-blind matching for search."""

import re
import unicodedata


def nfc(value: str | None) -> str | None:
    """Text typed through some Windows input methods arrives decomposed (NFD)."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


class _StripCombining(dict):
    """str.translate table deleting combining marks; filled lazily, so lookups stay in C."""

    def __missing__(self, codepoint: int):
        value = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_STRIP_COMBINING = _StripCombining()
# The combining diacritical marks block, every one a combining mark (U+034F, the grapheme joiner, is
# not): all that Vietnamese letters decompose into, removed in one C pass before the slower table.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def fold(value: str) -> str:
    """Lower-case and strip diacritics so "long xuyen" finds "Long Xuyên"."""
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", value.casefold())).replace("đ", "d")
    if decomposed.isascii():
        return decomposed
    return decomposed.translate(_STRIP_COMBINING)  # marks of other scripts, and text with other letters
