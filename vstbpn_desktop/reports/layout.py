"""Layout rules shared by the PDF, Word and Excel writers: safe text, where a line may break, and
annex column widths computed from what the columns hold.

A table cell breaks only at a space or after "/" ("58/" | "KH-UBND"), never inside a word: the
columns are made at least as wide as their widest unbreakable piece (header in bold), taken from
the remaining width of the other columns; when the pieces do not fit the page at 10 pt, the table
shrinks to 9.5, 9 … 7 pt. Only a piece wider than a third of the page (a 200-character code, a
20,000-character word) is broken inside, at the column's edge: nothing official is that long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

PADDING = 3.0  # points each side of a cell's text (PDF); Word's cell margins are set to the same
SIZES = (10, 9.5, 9, 8.5, 8, 7.5, 7)
WIDEST_PIECE = 1 / 3  # of the table width: pieces longer than this are broken inside
NBSP = "\u00a0"

# XML 1.0 allows tab, line feed, carriage return and U+0020 upwards, except surrogates and
# U+FFFE/U+FFFF. Old profiles may still hold text from before the boundary refused these.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\v\f\r]")
_SPACES = re.compile(r"\s+")
_SLASH = re.compile(r"(?<=/)(?=.)")


@lru_cache(maxsize=65536)
def measure(text: str, font: str, size: float) -> float:
    """Width in points; words repeat across thousands of cells, so each is measured once."""
    return stringWidth(text, font, size)


def printable(text) -> str:
    """Text as every writer puts it on the page: characters XML cannot hold dropped (Word's
    Shift+Enter and form feed become line breaks), and a non-breaking space before "%" so
    "25,36 %" never wraps with "%" alone."""
    text = "" if text is None else str(text)
    text = _BREAKS.sub("\n", text.replace("\r\n", "\n"))
    return _ILLEGAL.sub("", text).replace(" %", NBSP + "%")


def pieces(text: str, at_slash: bool) -> list[str]:
    """The parts of a cell that must stay on one line: words, and with `at_slash` the parts of a
    code after each "/" ("58/", "KH-UBND")."""
    words = [w for w in _SPACES.split(text) if w]
    if not at_slash:
        return words
    return [part for word in words for part in _SLASH.split(word)]


@dataclass
class ColumnFit:
    widths: list[float]  # points
    size: float  # font size of the whole table
    at_slash: bool  # True when some code must break after "/"


def fit_columns(
    headers: list[str],
    kinds: list[str],
    weights: list[float],
    cells: list[list[str]],
    width: float,
    regular: str,
    bold: str,
) -> ColumnFit:
    """Column widths (points, summing to `width`) that hold every unbreakable piece; numbers and
    dates are one piece each. The space left over follows the columns' relative weights."""
    total_weight = sum(weights) or 1.0
    desired = [width * w / total_weight for w in weights]
    widest = width * WIDEST_PIECE
    for size in SIZES:
        for at_slash in (False, True):
            need = []
            for index, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
                longest = max((measure(p, bold, size) for p in pieces(header, at_slash)), default=0)
                seen = set()
                for row in cells:
                    text = row[index]
                    if not text or text in seen:
                        continue
                    seen.add(text)
                    parts = pieces(text, at_slash) if kind == "text" else [text]
                    for part in parts:
                        piece = measure(part, regular, size)
                        if piece > longest:
                            longest = min(piece, widest)
                need.append(longest + 2 * PADDING + 0.5)
            if sum(need) <= width:
                return ColumnFit(share_out(need, desired, width), size, at_slash)
    return ColumnFit(share_out(need, desired, width) if sum(need) <= width else desired, SIZES[-1], True)


def share_out(need: list[float], desired: list[float], width: float) -> list[float]:
    """Each column its need, then the rest to the columns that wanted more than they need."""
    spare = width - sum(need)
    gaps = [max(d - n, 0.0) for n, d in zip(need, desired, strict=True)]
    weights = gaps if sum(gaps) > 0 else desired
    total = sum(weights) or 1.0
    return [n + spare * w / total for n, w in zip(need, weights, strict=True)]


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines of a cell no wider than `width` points, broken at spaces and after "/" only; the
    officer's own line breaks are kept. A piece wider than the cell is cut at the edge. (Widths
    add up: reportlab does not kern, so a line's width is the sum of its pieces and spaces.)"""
    space = measure(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in [w for w in paragraph.replace("\t", " ").split(" ") if w] or [""]:
            for index, part in enumerate(_SLASH.split(word)):
                glue = " " if line and index == 0 else ""
                part_width = measure(part, font, size) if len(part) < 200 else stringWidth(part, font, size)
                if line and used + (space if glue else 0.0) + part_width > width:
                    lines.append(line)
                    line, used, glue = "", 0.0, ""
                line += glue + part
                used += (space if glue else 0.0) + part_width
                while len(line) > 1 and used > width:
                    cut = cut_at(line, width, font, size)
                    lines.append(line[:cut])
                    used -= stringWidth(line[:cut], font, size)
                    line = line[cut:]
        lines.append(line)
    return lines


def cut_at(text: str, width: float, font: str, size: float) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    low, high = 1, min(len(text), int(width / (size * 0.2)) + 1)  # no glyph is narrower than 0.2 em
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low
