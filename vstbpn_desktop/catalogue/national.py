"""The whole indicator catalogue in its national shape: breakdowns, frequency, sources.

`resources/indicators.json` (the minimum catalogue every profile holds) and
`resources/indicators-national.json` (indicators of the national set and of Nghị quyết 28/NQ-CP a
local office reports; every profile holds both, domain/indicators.py) share
one shape, described in docs/catalogue.md. `national_catalogue()` reads both and checks every rule
of that shape; a fault is a Reason naming the file, the indicator and the rule.

A breakdown is a list of dimensions ("sex", "age_group", …) from the catalogue's vocabulary; its
cells are every combination of their categories, written as a key "sex=female;age_group=child"
(`cell_key`), the empty key being the total. For dimensions that partition (every one but
"violence_type", where one case may be of several forms) the total is the sum of the cells.
"""

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import product
from pathlib import Path

from ..errors import Reason
from ..resources import resource
from ..text import nfc
from . import ACTIVITY_KINDS, CATALOGUE_FILES, NARRATIVE_SECTIONS, Indicator, indicators

FILES = CATALOGUE_FILES
KINDS = ("count", "share", "from_activities")
FREQUENCIES = ("half_year", "year")
REQUIRED = ("code", "kind", "section", "name_vi", "name_en", "unit_vi", "unit_en")
KEYS = {f.name for f in fields(Indicator)}
CODE = re.compile(r"[A-Z][A-Z0-9_]{1,59}")
WORD = re.compile(r"[a-z][a-z0-9_]{0,39}")

Cell = tuple[tuple[str, str], ...]  # ((dimension, category), …) in the indicator's order; () is the total


@dataclass(frozen=True)
class Category:
    code: str
    name_vi: str
    name_en: str


@dataclass(frozen=True)
class Dimension:
    code: str
    name_vi: str
    name_en: str
    categories: tuple[Category, ...]
    overlapping: bool  # True: one counted thing may fall in several categories (cells do not add up)
    source: str


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, Indicator]
    dimensions: dict[str, Dimension]
    files: dict[str, str]  # indicator code → the file that defines it

    def cells(self, code: str) -> list[Cell]:
        """Every cell of an indicator's breakdown (none for an indicator without one)."""
        dims = [self.dimensions[d] for d in self.indicators[code].dimensions]
        if not dims:
            return []
        return [
            tuple((d.code, c.code) for d, c in zip(dims, combo, strict=True))
            for combo in product(*(d.categories for d in dims))
        ]

    def adds_up(self, code: str) -> bool:
        """True when the total of `code` is the sum of its cells (no overlapping dimension)."""
        return not any(self.dimensions[d].overlapping for d in self.indicators[code].dimensions)

    def parse_cell(self, code: str, key: str) -> Cell:
        """A cell key of `code` ("sex=female;age_group=child", in any order; "" the total) as a Cell."""
        if not key.strip():
            return ()
        pairs = {name.strip(): value for name, _, value in (part.partition("=") for part in key.split(";"))}
        wanted = self.indicators[code].dimensions
        cell = tuple((d, pairs.get(d, "").strip()) for d in wanted)
        if set(pairs) != set(wanted) or cell not in self.cells(code):
            raise Reason("chỉ tiêu {code}: ô phân tổ '{key}' không có trong danh mục", code=code, key=key)
        return cell


def cell_key(cell: Cell) -> str:
    return ";".join(f"{dimension}={category}" for dimension, category in cell)


def _text(value, where: str, file: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Reason("{file}: {where} phải là chuỗi khác rỗng", file=file, where=where)
    if nfc(value) != value.strip() or value != value.strip():
        raise Reason("{file}: {where} phải viết ở dạng NFC, không có khoảng trắng thừa", file=file, where=where)
    return value


def _dimensions(data: dict, file: str) -> dict[str, Dimension]:
    result = {}
    for code, item in (data or {}).items():
        where = f"dimensions.{code}"
        if not WORD.fullmatch(code) or not isinstance(item, dict):
            raise Reason("{file}: {where}: mã phân tổ phải là chữ thường a-z, 0-9, _", file=file, where=where)
        if set(item) != {"name_vi", "name_en", "overlapping", "categories", "source"}:
            raise Reason(
                "{file}: {where} phải có đúng name_vi, name_en, overlapping, categories, source", file=file, where=where
            )
        categories = []
        for number, category in enumerate(item["categories"] if isinstance(item["categories"], list) else [None]):
            if not isinstance(category, dict) or set(category) != {"code", "name_vi", "name_en"}:
                raise Reason(
                    "{file}: {where}: nhóm thứ {number} phải có đúng code, name_vi, name_en",
                    file=file,
                    where=where,
                    number=number + 1,
                )
            if not WORD.fullmatch(str(category["code"])):
                raise Reason(
                    "{file}: {where}: mã nhóm '{value}' không hợp lệ", file=file, where=where, value=category["code"]
                )
            categories.append(
                Category(
                    category["code"],
                    _text(category["name_vi"], where, file),
                    _text(category["name_en"], where, file),
                )
            )
        if len(categories) < 2 or len({c.code for c in categories}) != len(categories):
            raise Reason("{file}: {where}: cần ít nhất hai nhóm, không trùng mã", file=file, where=where)
        if not isinstance(item["overlapping"], bool):
            raise Reason("{file}: {where}: overlapping phải là true hoặc false", file=file, where=where)
        result[code] = Dimension(
            code,
            _text(item["name_vi"], where, file),
            _text(item["name_en"], where, file),
            tuple(categories),
            item["overlapping"],
            _text(item["source"], where, file),
        )
    return result


def _indicator(item, file: str, dimensions: dict[str, Dimension], cite: bool) -> Indicator:
    code = item.get("code") if isinstance(item, dict) else None
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise Reason("{file}: mã chỉ tiêu '{code}' phải là chữ in hoa A-Z, 0-9, _", file=file, code=code)

    def fault(rule):
        return Reason("{file}: chỉ tiêu {code}: {rule}", file=file, code=code, rule=rule)

    unknown = sorted(set(item) - KEYS)
    if unknown:
        raise fault(Reason("trường không biết: {names}", names=", ".join(unknown)))
    missing = [key for key in REQUIRED if key not in item]
    if missing:
        raise fault(Reason("thiếu trường: {names}", names=", ".join(missing)))
    for key in ("name_vi", "name_en"):
        _text(item[key], f"{code}.{key}", file)
    if item["kind"] not in KINDS:
        raise fault(Reason("kind '{value}' phải là count, share hoặc from_activities", value=item["kind"]))
    if item["section"] not in NARRATIVE_SECTIONS:
        raise fault(Reason("section '{value}' không phải là mục của báo cáo", value=item["section"]))
    if item.get("frequency", "half_year") not in FREQUENCIES:
        raise fault(Reason("frequency '{value}' phải là half_year hoặc year", value=item.get("frequency")))
    dims = item.get("dimensions", [])
    if not isinstance(dims, list) or len(set(dims)) != len(dims) or any(d not in dimensions for d in dims):
        raise fault(Reason("dimensions {value} phải là các mã phân tổ khác nhau của danh mục", value=dims))
    for key in ("national_code", "strategy_ref", "source"):
        if item.get(key) is not None:
            _text(item[key], f"{code}.{key}", file)
    if cite and not item.get("source"):
        raise fault(Reason("thiếu source: chỉ tiêu của bộ quốc gia phải ghi văn bản và điều khoản"))
    for key in ("target_2025", "target_2030"):
        value = item.get(key)
        if value is None:
            continue
        if item["kind"] != "share":
            raise fault(Reason("chỉ tiêu tỷ lệ (share) mới có {key}", key=key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise fault(Reason("{key} phải là số từ 0 đến 100", key=key))
    # Checks against earlier periods (checks.py): a range of plausible values and the change factor.
    for key in ("expected_min", "expected_max", "change_factor"):
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            raise fault(Reason("{key} phải là số không âm", key=key))
    if item.get("change_factor") is not None and item["change_factor"] <= 1:
        raise fault(Reason("change_factor phải lớn hơn 1"))
    low, high = item.get("expected_min"), item.get("expected_max")
    if low is not None and high is not None and low > high:
        raise fault(Reason("expected_min lớn hơn expected_max"))
    if not isinstance(item.get("stock", False), bool):
        raise fault(Reason("stock phải là true hoặc false"))
    if item["kind"] == "from_activities" and (
        not item.get("activity_kinds") or any(k not in ACTIVITY_KINDS for k in item["activity_kinds"])
    ):
        raise fault(Reason("activity_kinds phải là các loại hoạt động của danh mục"))
    result = dict(item)
    result["activity_kinds"] = tuple(item.get("activity_kinds", ()))
    result["dimensions"] = tuple(dims)
    return Indicator(**result)


def _check_links(catalogue: Catalogue) -> None:
    """A share is over counts, `at_most` names a count; the linked count has the same frequency and
    the same breakdown (compared cell by cell), or this indicator has none (totals compared)."""
    found = catalogue.indicators
    for code, indicator in found.items():
        file = catalogue.files[code]

        def fault(rule, code=code, file=file):
            return Reason("{file}: chỉ tiêu {code}: {rule}", file=file, code=code, rule=rule)

        links = [("at_most", indicator.at_most)]
        if indicator.kind == "share":
            if not indicator.numerator or not indicator.denominator:
                raise fault(Reason("chỉ tiêu tỷ lệ phải có numerator và denominator"))
            links += [("numerator", indicator.numerator), ("denominator", indicator.denominator)]
        for key, other in links:
            if other is None:
                continue
            target = found.get(other)
            if target is None or target.kind != "count":
                raise fault(
                    Reason("{key} {other} phải là một chỉ tiêu số đếm (count) của danh mục", key=key, other=other)
                )
            same = target.dimensions == indicator.dimensions or not indicator.dimensions
            if not same or target.frequency != indicator.frequency:
                raise fault(
                    Reason(
                        "{key} {other} phải cùng kỳ (frequency) và cùng phân tổ (hoặc chỉ tiêu này không phân tổ)",
                        key=key,
                        other=other,
                    )
                )


def load_catalogue(paths: list[Path]) -> Catalogue:
    """Read the catalogue files in order (the first holds the dimension vocabulary) and check them."""
    indicators: dict[str, Indicator] = {}
    files: dict[str, str] = {}
    dimensions: dict[str, Dimension] = {}
    for number, path in enumerate(paths):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise Reason("{file}: không đọc được danh mục ({error})", file=path.name, error=str(exc)) from exc
        if number == 0:
            dimensions = _dimensions(data.get("dimensions"), path.name)
        elif "dimensions" in data:
            raise Reason("{file}: danh mục phân tổ chỉ ghi ở {first}", file=path.name, first=paths[0].name)
        for item in data.get("indicators", []):
            indicator = _indicator(item, path.name, dimensions, cite=number > 0)
            if indicator.code in indicators:
                raise Reason(
                    "{file}: chỉ tiêu {code} đã có trong {other}",
                    file=path.name,
                    code=indicator.code,
                    other=files[indicator.code],
                )
            indicators[indicator.code] = indicator
            files[indicator.code] = path.name
    catalogue = Catalogue(indicators, dimensions, files)
    _check_links(catalogue)
    return catalogue


@lru_cache(maxsize=1)
def national_catalogue() -> Catalogue:
    """The shipped catalogue: the minimum one and the national additions, checked."""
    return load_catalogue([resource(name) for name in FILES])


def shapes() -> Catalogue:
    """The national shape with the profile's own indicators beside the shipped ones (a province's,
    from its catalogue file; their breakdown, if any, is of the national dimensions): what a value's
    breakdown is checked against and the window's breakdown dialog shows, for any indicator."""
    national = national_catalogue()
    own = {code: indicator for code, indicator in indicators().items() if code not in national.indicators}
    if not own:
        return national
    return Catalogue(national.indicators | own, national.dimensions, national.files | dict.fromkeys(own, "province"))
