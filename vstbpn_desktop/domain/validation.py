"""The rules every record obeys, wherever it comes from: the window, a table file or a bundle.

Each validator takes raw values (text from a cell, or typed values), returns the clean record
as a dict, or raises `Invalid` with the reason per field in Vietnamese.
"""

import math
import re
from datetime import date, datetime

from ..catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, indicators
from ..formats import parse_number
from ..periods import Period
from ..text import fold, nfc

MAX_COUNT = 10_000_000
MAX_TEXT = 20_000


class Invalid(ValueError):
    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems.items()))


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        raise ValueError("thiếu ngày")
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"ngày '{text}' không tồn tại") from None
    raise ValueError(f"ngày '{text}' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)")


def parse_count(value, minimum: int = 0) -> int:
    if isinstance(value, bool):
        raise ValueError("phải là số nguyên")
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not text:
            raise ValueError("thiếu giá trị")
        try:
            parsed = parse_number(text) if not isinstance(value, float) else value
        except ValueError:
            raise ValueError(f"'{text}' không phải là số") from None
        if not math.isfinite(parsed) or not float(parsed).is_integer():
            raise ValueError(f"'{text}' phải là số nguyên")
        number = int(parsed)
    if number < minimum:
        raise ValueError(f"phải lớn hơn hoặc bằng {minimum}")
    if number > MAX_COUNT:
        raise ValueError(f"vượt quá giới hạn {MAX_COUNT:,}".replace(",", "."))
    return number


def _text(value, required: bool, limit: int = MAX_TEXT) -> str:
    text = nfc(str(value)) if value is not None else ""
    if required and not text:
        raise ValueError("không được để trống")
    if len(text) > limit:
        raise ValueError(f"dài quá {limit} ký tự")
    return text


def _collect(checks: dict, problems: dict[str, str]) -> dict:
    clean = {}
    for field, check in checks.items():
        try:
            clean[field] = check()
        except ValueError as exc:
            problems[field] = str(exc)
    return clean


def _kind(value, vocabulary: dict, what: str) -> str:
    code = str(value or "").strip()
    if code not in vocabulary:
        raise ValueError(f"loại {what} '{code}' không có trong danh mục ({', '.join(vocabulary)})")
    return code


def validate_activity(raw: dict, period: Period | None = None) -> dict:
    problems: dict[str, str] = {}
    clean = _collect({
        "date": lambda: parse_date(raw.get("date")),
        "kind": lambda: _kind(raw.get("kind"), ACTIVITY_KINDS, "hoạt động"),
        "title": lambda: _text(raw.get("title"), required=True),
        "sessions": lambda: parse_count(raw.get("sessions", 1), minimum=1),
        "participants": lambda: parse_count(raw.get("participants", 0)),
        "female_participants": lambda: parse_count(raw.get("female_participants", 0)),
        "place": lambda: _text(raw.get("place"), required=False, limit=300),
        "notes": lambda: _text(raw.get("notes"), required=False),
    }, problems)
    if "date" in clean and period is not None and not period.contains(clean["date"]):
        problems["date"] = (
            f"ngày {clean['date']:%d/%m/%Y} nằm ngoài kỳ {period.code} "
            f"({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})"
        )
    if (
        "participants" in clean and "female_participants" in clean
        and clean["female_participants"] > clean["participants"]
    ):
        problems["female_participants"] = (
            f"số nữ ({clean['female_participants']}) lớn hơn tổng số người tham dự ({clean['participants']})"
        )
    if problems:
        raise Invalid(problems)
    clean["search_text"] = fold(" ".join((clean["title"], clean["place"], clean["notes"])))
    return clean


def validate_document(raw: dict, period: Period | None = None) -> dict:
    problems: dict[str, str] = {}
    clean = _collect({
        "number": lambda: _text(raw.get("number"), required=True, limit=60),
        "date": lambda: parse_date(raw.get("date")),
        "issuer": lambda: _text(raw.get("issuer"), required=False, limit=300),
        "kind": lambda: _kind(raw.get("kind"), DOCUMENT_KINDS, "văn bản"),
        "title": lambda: _text(raw.get("title"), required=True),
    }, problems)
    if "date" in clean and period is not None and not period.contains(clean["date"]):
        problems["date"] = f"ngày {clean['date']:%d/%m/%Y} nằm ngoài kỳ {period.code}"
    if problems:
        raise Invalid(problems)
    return clean


def validate_indicator_value(code: str, value) -> float:
    indicator = indicators().get(str(code or "").strip())
    if indicator is None:
        raise Invalid({"indicator": f"mã chỉ tiêu '{code}' không có trong danh mục"})
    if not indicator.typed:
        raise Invalid({"indicator": f"chỉ tiêu {code} được tính tự động, không nhập trực tiếp"})
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            number = parse_number(str(value if value is not None else ""))
    except ValueError:
        raise Invalid({"value": f"'{value}' không phải là số"}) from None
    if not math.isfinite(number):
        raise Invalid({"value": f"'{value}' không phải là số hữu hạn"})
    if number < 0:
        raise Invalid({"value": "phải lớn hơn hoặc bằng 0"})
    if number > MAX_COUNT * 100:
        raise Invalid({"value": "giá trị quá lớn"})
    return number


def check_indicator_bounds(values: dict[str, float]) -> dict[str, str]:
    """Cross-indicator rules: a part never exceeds its whole (women ≤ total)."""
    problems = {}
    catalogue = indicators()
    for code, value in values.items():
        whole = catalogue[code].at_most if code in catalogue else None
        if whole and value is not None and values.get(whole) is not None and value > values[whole]:
            problems[code] = (
                f"{catalogue[code].name_vi} ({_plain(value)}) lớn hơn "
                f"{catalogue[whole].name_vi.lower()} ({_plain(values[whole])})"
            )
    return problems


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def validate_narrative(section, text) -> tuple[str, str]:
    problems = {}
    name = nfc(str(section or "")).strip()
    if not name:
        problems["section"] = "thiếu tên mục"
    elif len(name) > 60:
        problems["section"] = "tên mục dài quá 60 ký tự"
    try:
        body = _text(text, required=True)
    except ValueError as exc:
        problems["text"] = str(exc)
    if problems:
        raise Invalid(problems)
    return name, body


def known_section(section: str) -> bool:
    return section in NARRATIVE_SECTIONS
