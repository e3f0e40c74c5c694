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
