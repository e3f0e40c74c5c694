"""Strict JSON for data that crossed hands nobody controls.

Refused: invalid UTF-8 or a byte-order mark, duplicate keys in an object, NaN/Infinity, integers of
more than 18 digits, numbers of more than 40 characters or that overflow to infinity, nesting deeper
than Python's parser allows (caught, never a crash). Callers check the shape (a flat object per
record) and so refuse any nesting their schema does not have.
"""

import json
import math

MAX_INT_DIGITS = 18
MAX_NUMBER_CHARS = 40


class JsonRefused(ValueError):
    """The text is not acceptable JSON; the message says why, in Vietnamese."""


def _pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused(f"khóa \"{key}\" xuất hiện hai lần trong cùng một đối tượng")
        result[key] = value
    return result


def _constant(name):
    raise JsonRefused(f"giá trị {name} không được phép (chỉ số hữu hạn)")


def _int(text):
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonRefused(f"số nguyên dài {len(text)} chữ số, vượt giới hạn {MAX_INT_DIGITS}")
    return int(text)


def _float(text):
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonRefused(f"số dài {len(text)} ký tự, vượt giới hạn {MAX_NUMBER_CHARS}")
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused(f"số {text} vượt quá phạm vi")
    return value


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int,
                            parse_float=_float, strict=True)


def loads(data: bytes | str):
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            raise JsonRefused("có dấu BOM ở đầu (cần UTF-8 không BOM)")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonRefused(f"không phải UTF-8 hợp lệ (byte {exc.start})") from None
    try:
        return _DECODER.decode(data)
    except RecursionError:
        raise JsonRefused("cấu trúc lồng nhau quá sâu") from None
    except JsonRefused:
        raise
    except ValueError as exc:  # json.JSONDecodeError and int() limits
        raise JsonRefused(f"JSON không hợp lệ ({exc})") from None
