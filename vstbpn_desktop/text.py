"""Vietnamese text rules: NFC on the way in, diacritic-blind matching for search."""

import unicodedata


def nfc(value: str | None) -> str | None:
    """Text typed through some Windows input methods arrives decomposed (NFD)."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Lower-case and strip diacritics so "long xuyen" finds "Long Xuyên"."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")
