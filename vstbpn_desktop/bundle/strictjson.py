"""Strict JSON for data that crossed hands nobody controls.

Refused: invalid UTF-8 or a byte-order mark, duplicate keys in an object, NaN/Infinity, integers of
more than 18 digits, numbers of more than 40 characters or that overflow to infinity, nesting deeper
than Python's parser allows (caught, never a crash), a string escape that is not a Unicode
character (a lone surrogate `\ud800`, which SQLite and every report writer would fail on later).
Callers check the shape (a flat object per record) and so refuse any nesting their schema does not have.
"""

import json
import math
import re

from ..errors import Reason

MAX_INT_DIGITS = 18
MAX_NUMBER_CHARS = 40


class JsonRefused(Reason):
    """The text is not acceptable JSON; the message says why, in Vietnamese."""


def _pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused('khóa "{key}" xuất hiện hai lần trong cùng một đối tượng', key=key)
        result[key] = value
    return result


def _constant(name):
    raise JsonRefused("giá trị {name} không được phép (chỉ số hữu hạn)", name=name)


def _int(text):
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonRefused(
            "số nguyên dài {length} chữ số, vượt giới hạn {MAX_INT_DIGITS}",
            length=len(text),
            MAX_INT_DIGITS=MAX_INT_DIGITS,
        )
    return int(text)


def _float(text):
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonRefused(
            "số dài {length} ký tự, vượt giới hạn {MAX_NUMBER_CHARS}",
            length=len(text),
            MAX_NUMBER_CHARS=MAX_NUMBER_CHARS,
        )
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused("số {text} vượt quá phạm vi", text=text)
    return value


# An escaped surrogate (\ud800-\udfff) is only a character as the first half of a pair.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _check_scalars(text: str, value):
    """Refuse a decoded string holding a lone surrogate (looked for only when the text escapes one)."""
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        for item in _strings(value):
            found = _LONE_SURROGATE.search(item)
            if found:
                raise JsonRefused(
                    "chuỗi chứa nửa cặp thay thế U+{code:04X} đứng một mình (không phải ký tự Unicode)",
                    code=ord(found.group()),
                )
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int, parse_float=_float, strict=True
)


def loads(data: bytes | str):
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            raise JsonRefused("có dấu BOM ở đầu (cần UTF-8 không BOM)")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonRefused("không phải UTF-8 hợp lệ (byte {start})", start=exc.start) from None
    return decode(data)


def decode(data: str):
    """One JSON text (a whole member, or one line of a data member)."""
    try:
        return _check_scalars(data, _DECODER.decode(data))
    except RecursionError:
        raise JsonRefused("cấu trúc lồng nhau quá sâu") from None
    except JsonRefused:
        raise
    except ValueError as exc:  # json.JSONDecodeError and int() limits
        raise JsonRefused("JSON không hợp lệ ({error})", error=exc) from None
