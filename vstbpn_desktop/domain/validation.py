"""The rules every record obeys, wherever it comes from: the window, a table file or a bundle.

Each validator takes raw values (text from a cell, or typed values), returns the clean record
as a dict, or raises `Invalid` with the reason per field in Vietnamese.
"""

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from ..catalogue import (
    ACTIVITY_KINDS,
    COVERAGES,
    DOCUMENT_DIRECTIONS,
    DOCUMENT_KINDS,
    Coverage,
    Direction,
    indicators,
)
from ..catalogue.national import cell_key, shapes
from ..errors import Count, Message, Reason, Term, message
from ..formats import format_date, parse_number
from ..periods import FIRST_YEAR, LAST_YEAR, Period
from ..text import clean_text, fold  # noqa: F401 (clean_text: the one text rule, also for bundles)

MAX_COUNT = 10_000_000
MAX_TEXT = 20_000


class Invalid(ValueError):
    """The reasons per field; each reason is a Message (errors.py), a plain str is taken as a template."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems = {field: message(reason) for field, reason in problems.items()}
        self.message = Message(
            "{problems}",
            problems=[
                Message("{field}: {reason}", field=field, reason=reason) for field, reason in self.problems.items()
            ],
        )
        super().__init__(str(self.message))


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


FIRST_DATE, LAST_DATE = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


def parse_date(value: object) -> date:
    """A date typed (dd/mm/yyyy, yyyy-mm-dd) or read (a date cell), within the years a period
    may have: refused here, so a check (--dry-run, verify) and the import agree."""
    day = _parse_date(value)
    if not FIRST_DATE <= day <= LAST_DATE:
        raise Reason(
            "ngày {date} nằm ngoài các năm {first}-{last} của kỳ báo cáo",
            date=format_date(day),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return day


def _parse_date(value: object) -> date:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:  # the common case (bundles, ISO cells) without the regular expressions below
            return date.fromisoformat(value)
        except ValueError:
            pass  # said below, as for any other text
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        raise Reason("thiếu ngày")
    match = _DAY_MONTH_YEAR.fullmatch(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        raise Reason("ngày '{text}' không tồn tại", text=text) from None
    raise Reason("ngày '{text}' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)", text=text)


def parse_count(value: object, minimum: int = 0) -> int:
    if isinstance(value, bool):
        raise Reason("phải là số nguyên")
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not text:
            raise Reason("thiếu giá trị")
        try:
            parsed = parse_number(text) if not isinstance(value, float) else value
        except ValueError:
            raise Reason("'{text}' không phải là số", text=text) from None
        if not math.isfinite(parsed) or not float(parsed).is_integer():
            raise Reason("'{text}' phải là số nguyên", text=text)
        number = int(parsed)
    if number < minimum:
        raise Reason("phải lớn hơn hoặc bằng {minimum}", minimum=minimum)
    if number > MAX_COUNT:
        raise Reason("vượt quá giới hạn {limit}", limit=Count(MAX_COUNT))
    return number


def _text(value: object, required: bool, limit: int = MAX_TEXT, strict: bool = False) -> str:
    text = clean_text(str(value), strict) if value is not None else ""
    if required and not text:
        raise Reason("không được để trống")
    if len(text) > limit:
        raise Reason("dài quá {limit} ký tự", limit=limit)
    return text


# (field, check, default when absent, the check's options)
FieldRule = tuple[str, Callable[..., object], object, dict[str, Any]]


def _collect(
    raw: Mapping[str, object], fields: tuple[FieldRule, ...], problems: dict[str, str], strict: bool
) -> dict[str, Any]:
    """Each field's value from `raw` (or its default) through its check, as in the field table;
    a refused value leaves its reason in `problems` and the other fields are still checked.
    `strict`: text from a bundle (clean_text)."""
    clean: dict[str, Any] = {}
    for field, check, default, options in fields:
        try:
            value = raw.get(field, default)
            clean[field] = check(value, strict=strict, **options) if check is _text else check(value, **options)
        except ValueError as exc:
            problems[field] = message(exc)
    return clean


ACTIVITY_KIND = Message("hoạt động")
DOCUMENT_KIND = Message("văn bản")


def _kind(value: object, vocabulary: Mapping[str, object], what: Message) -> str:
    code = str(value or "").strip()
    if code not in vocabulary:
        raise Reason(
            "loại {what} '{code}' không có trong danh mục ({vocabulary})",
            what=what,
            code=code,
            vocabulary=", ".join(vocabulary),
        )
    return code


# Field tables (field, check, default when absent, the check's options): one table a record kind,
# read by _collect; no closures to build for each of 100.000 rows of a bundle.
ACTIVITY_FIELDS: tuple[FieldRule, ...] = (
    ("date", parse_date, None, {}),
    ("kind", _kind, None, {"vocabulary": ACTIVITY_KINDS, "what": ACTIVITY_KIND}),
    ("title", _text, None, {"required": True}),
    ("sessions", parse_count, 1, {"minimum": 1}),
    ("participants", parse_count, 0, {}),
    ("female_participants", parse_count, 0, {}),
    ("place", _text, None, {"required": False, "limit": 300}),
    ("notes", _text, None, {"required": False}),
)


def _direction(value: object) -> Direction:
    text = str(value or "").strip().lower() or "issued"
    for direction in DOCUMENT_DIRECTIONS:
        if text == direction:
            return direction
    raise Reason("'{value}' không hợp lệ (issued: văn bản ban hành, received: văn bản nhận để thực hiện)", value=value)


DOCUMENT_FIELDS: tuple[FieldRule, ...] = (
    ("number", _text, None, {"required": True, "limit": 60}),
    ("date", parse_date, None, {}),
    ("issuer", _text, None, {"required": False, "limit": 300}),
    ("kind", _kind, None, {"vocabulary": DOCUMENT_KINDS, "what": DOCUMENT_KIND}),
    ("title", _text, None, {"required": True}),
    ("direction", _direction, "issued", {}),  # absent (older files and bundles): issued
)


def validate_activity(raw: Mapping[str, object], period: Period | None = None, strict: bool = False) -> dict[str, Any]:
    """`strict`: the record comes from a bundle (see clean_text)."""
    problems: dict[str, str] = {}
    clean = _collect(raw, ACTIVITY_FIELDS, problems, strict)
    if "date" in clean and period is not None and not period.contains(clean["date"]):
        problems["date"] = Message(
            "ngày {date} nằm ngoài kỳ {period} ({start} - {end})",
            date=format_date(clean["date"]),
            period=period.code,
            start=format_date(period.start),
            end=format_date(period.end),
        )
    if (
        "participants" in clean
        and "female_participants" in clean
        and clean["female_participants"] > clean["participants"]
    ):
        problems["female_participants"] = Message(
            "số nữ ({women}) lớn hơn tổng số người tham dự ({total})",
            women=Count(clean["female_participants"]),
            total=Count(clean["participants"]),
        )
    if problems:
        raise Invalid(problems)
    clean["search_text"] = fold(" ".join((clean["title"], clean["place"], clean["notes"])))
    return clean


def validate_document(raw: Mapping[str, object], period: Period | None = None, strict: bool = False) -> dict[str, Any]:
    problems: dict[str, str] = {}
    clean = _collect(raw, DOCUMENT_FIELDS, problems, strict)
    if "date" in clean and period is not None and not period.contains(clean["date"]):
        problems["date"] = Message(
            "ngày {date} nằm ngoài kỳ {period}", date=format_date(clean["date"]), period=period.code
        )
    if problems:
        raise Invalid(problems)
    return clean


def validate_coverage(value: object) -> Coverage:
    """What a typed value covers: "own" (the unit's own level; also when absent) or "area" (its whole area)."""
    text = str(value or "").strip().lower() or "own"
    for coverage in COVERAGES:
        if text == coverage:
            return coverage
    raise Invalid(
        {"coverage": Message("phạm vi số liệu '{value}' không hợp lệ (own: cấp mình, area: toàn địa bàn)", value=value)}
    )


def validate_indicator_value(code: str, value: object, coverage: Coverage = "own") -> float:
    indicator = indicators().get(str(code or "").strip())
    if indicator is None:
        raise Invalid({"indicator": Message("mã chỉ tiêu '{code}' không có trong danh mục", code=code)})
    if indicator.kind == "from_activities" and coverage == "area":
        pass  # a whole-area figure of the activities (the province's "780 cuộc"): it stands for the area
    elif indicator.kind == "from_activities":
        raise Invalid(
            {
                "indicator": Message(
                    "chỉ tiêu {code} được tính từ các hoạt động; chỉ nhập trực tiếp "
                    "khi là số liệu toàn địa bàn (phạm vi area)",
                    code=code,
                )
            }
        )
    elif not indicator.typed:
        raise Invalid({"indicator": Message("chỉ tiêu {code} được tính tự động, không nhập trực tiếp", code=code)})
    return _figure(value, "value")


def _figure(value: object, field: str) -> float:
    """A typed figure: a number ≥ 0 ("2.302", 2302, "1,5")."""
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            number = parse_number(str(value if value is not None else ""))
    except ValueError:
        raise Invalid({field: Message("'{value}' không phải là số", value=value)}) from None
    if not math.isfinite(number):
        raise Invalid({field: Message("'{value}' không phải là số hữu hạn", value=value)})
    if number < 0:
        raise Invalid({field: "phải lớn hơn hoặc bằng 0"})
    if number > MAX_COUNT * 100:
        raise Invalid({field: "giá trị quá lớn"})
    return number


def validate_breakdown(code: str, total: object, cells: object) -> tuple[float | None, dict[str, float] | None]:
    """A value's breakdown (docs/catalogue.md). `cells`: {cell key: number} — a cell not given is 0 —
    or None (the breakdown is not known: the total stands alone, marked so by having no cells).
    Where the cells add up, the total is their sum (a total given must equal it); where a dimension
    overlaps (forms of violence) the total is typed and no cell exceeds it. Returns (total, cells
    keyed in the catalogue's order, or None)."""
    if cells is None:
        return (None if total is None else _figure(total, "value")), None
    catalogue = shapes()  # a province's own indicator may be broken down too
    if not catalogue.indicators[code].dimensions:
        raise Invalid({"cells": Message("chỉ tiêu {code} không có phân tổ", code=code)})
    if not isinstance(cells, dict):
        raise Invalid({"cells": Message("ô phân tổ của chỉ tiêu {code} phải là một bảng mã ô → số", code=code)})
    given: dict[str, float] = {}
    for key, number in cells.items():
        try:
            cell = catalogue.parse_cell(code, str(key))
        except Reason as exc:
            raise Invalid({"cells": exc.message}) from None
        if not cell:
            raise Invalid({"cells": Message("chỉ tiêu {code}: ô phân tổ rỗng", code=code)})
        given[cell_key(cell)] = _figure(number, cell_key(cell))
    clean = {cell_key(cell): given.get(cell_key(cell), 0.0) for cell in catalogue.cells(code)}
    if catalogue.adds_up(code):
        added = math.fsum(clean.values())
        if total is not None and _figure(total, "value") != added:
            raise Invalid(
                {
                    "value": Message(
                        "tổng {total} khác tổng các ô phân tổ ({added})",
                        total=Count(_figure(total, "value")),
                        added=Count(added),
                    )
                }
            )
        return added, clean
    if total is None:
        raise Invalid(
            {"value": Message("chỉ tiêu {code}: phải nhập tổng số (một vụ có thể có nhiều hình thức)", code=code)}
        )
    number = _figure(total, "value")
    for key, part in clean.items():
        if part > number:
            raise Invalid(
                {
                    key: Message(
                        "ô {cell} ({value}) lớn hơn tổng số ({total})", cell=key, value=Count(part), total=Count(number)
                    )
                }
            )
    return number, clean


def check_cell_bounds(cells: Mapping[str, dict[str, float] | None]) -> dict[str, str]:
    """A part never exceeds its whole cell by cell (children supported ≤ children detected), where
    both have their breakdown."""
    problems: dict[str, str] = {}
    catalogue = indicators()
    for code, parts in cells.items():
        whole = catalogue[code].at_most if code in catalogue else None
        wholes = cells.get(whole) if whole else None
        if whole is None or wholes is None or parts is None:
            continue
        for key, value in parts.items():
            if key in wholes and value > wholes[key]:
                part = catalogue[code]
                problems[code] = Message(
                    "{part}, ô {cell} ({value}) lớn hơn cùng ô của {whole} ({whole_value})",
                    part=Term(part.name_vi, part.name_en),
                    cell=key,
                    value=Count(value),
                    whole=Term(catalogue[whole].name_vi.lower(), catalogue[whole].name_en.lower()),
                    whole_value=Count(wholes[key]),
                )
                break
    return problems


MAX_COMMENT = 2000


def validate_comment(text: object) -> str:
    """A value's comment: one text (why it is zero, where it came from), at most 2000 characters."""
    try:
        return _text(text, required=False, limit=MAX_COMMENT)
    except ValueError as exc:
        raise Invalid({"comment": message(exc)}) from None


def check_indicator_bounds(values: dict[str, float]) -> dict[str, str]:
    """Cross-indicator rules: a part never exceeds its whole (women ≤ total)."""
    problems: dict[str, str] = {}
    catalogue = indicators()
    for code, value in values.items():
        whole = catalogue[code].at_most if code in catalogue else None
        if whole and value is not None and values.get(whole) is not None and value > values[whole]:
            part, total = catalogue[code], catalogue[whole]
            problems[code] = Message(
                "{part} ({value}) lớn hơn {whole} ({whole_value})",
                part=Term(part.name_vi, part.name_en),
                value=Count(value),
                whole=Term(total.name_vi.lower(), total.name_en.lower()),
                whole_value=Count(values[whole]),
            )
    return problems


def validate_narrative(section: object, text: object, strict: bool = False) -> tuple[str, str]:
    problems: dict[str, str] = {}
    try:
        name = clean_text(str(section or ""), strict)
    except ValueError as exc:
        problems["section"] = message(exc)
    else:
        if not name:
            problems["section"] = Message("thiếu tên mục")
        elif len(name) > 60:
            problems["section"] = Message("tên mục dài quá 60 ký tự")
    try:
        body = _text(text, required=True, strict=strict)
    except ValueError as exc:
        problems["text"] = message(exc)
    if problems:
        raise Invalid(problems)
    return name, body
