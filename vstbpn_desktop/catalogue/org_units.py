"""Org unit lists shipped in `resources/org_units/` (GSO codes), and loading another province's."""

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import Reason
from ..resources import resource
from ..text import nfc

COLUMNS = ["code", "name", "type", "parent_code", "valid_from", "valid_to"]
UNIT_TYPES = {
    "province": "tỉnh",
    "city": "thành phố",
    "district": "huyện",
    "town": "thị xã",
    "commune": "xã",
    "ward": "phường",
    "township": "thị trấn",
    "special_zone": "đặc khu",
}


@dataclass(frozen=True)
class OrgUnitRow:
    code: str
    name: str
    type: str
    parent_code: str | None
    valid_from: date | None
    valid_to: date | None
    tree: str


def shipped_trees() -> list[Path]:
    return sorted(resource("org_units").glob("*.csv"))


def read_tree(path: Path) -> list[OrgUnitRow]:
    """Read one unit list: CSV with COLUMNS, `#` lines are comments (the source)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if reader.fieldnames != COLUMNS:
        raise Reason("{name}: tiêu đề cột phải là {COLUMNS}", name=path.name, COLUMNS=",".join(COLUMNS))
    rows = []
    codes = set()
    for number, record in enumerate(reader, start=2):
        code = (record["code"] or "").strip()
        if not code.isdigit():
            raise Reason(
                "{name}: dòng {number}: mã đơn vị '{code}' phải là số", name=path.name, number=number, code=code
            )
        if code in codes:
            raise Reason("{name}: dòng {number}: mã đơn vị {code} bị trùng", name=path.name, number=number, code=code)
        if record["type"] not in UNIT_TYPES:
            raise Reason(
                "{name}: dòng {number}: loại đơn vị '{type}' không biết",
                name=path.name,
                number=number,
                type=record["type"],
            )
        codes.add(code)
        rows.append(
            OrgUnitRow(
                code=code,
                name=nfc(record["name"]),
                type=record["type"],
                parent_code=(record["parent_code"] or "").strip() or None,
                valid_from=date.fromisoformat(record["valid_from"]) if record["valid_from"] else None,
                valid_to=date.fromisoformat(record["valid_to"]) if record["valid_to"] else None,
                tree=path.stem,
            )
        )
    for row in rows:
        if row.parent_code and row.parent_code not in codes:
            raise Reason(
                "{name}: đơn vị {code} có đơn vị cấp trên {parent_code} không có trong danh sách",
                name=path.name,
                code=row.code,
                parent_code=row.parent_code,
            )
    return rows
