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


def read_records(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """A CSV of shipped data whose `#` lines are comments (its source): its header must be
    `columns`; each record with its line number in the file, its cells stripped."""
    text = path.read_text(encoding="utf-8-sig")
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in numbered))))
    if not rows or rows[0] != columns:
        raise Reason("{name}: tiêu đề cột phải là {COLUMNS}", name=path.name, COLUMNS=",".join(columns))
    records = []
    for (number, _), cells in zip(numbered[1:], rows[1:], strict=False):
        if len(cells) != len(columns):
            raise Reason(
                "{name}: dòng {number}: phải có {count} cột", name=path.name, number=number, count=len(columns)
            )
        records.append((number, dict(zip(columns, (cell.strip() for cell in cells), strict=True))))
    return records


def read_tree(path: Path) -> list[OrgUnitRow]:
    """Read one unit list: CSV with COLUMNS, `#` lines are comments (the source)."""
    rows = []
    codes = set()
    for number, record in read_records(path, COLUMNS):
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
