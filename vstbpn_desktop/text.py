"""Vietnamese text rules: NFC on the way in, diacritic-blind matching for search."""

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


def fold(value: str) -> str:
    """Lower-case and strip diacritics so "long xuyen" finds "Long Xuyên"."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    return decomposed.translate(_STRIP_COMBINING).replace("đ", "d")
