"""The 2025 reform as data: which units of the 2023 tree each unit of the 2025 tree is made of.

`resources/org_units/reform/an-giang-2023-to-2025.csv` (its `#` lines name the source: Nghị quyết
số 1654/NQ-UBTVQH15 and 202/2025/QH15) has one row per (new unit, old unit): the old unit came in
`whole`, in `part`, or as the `rest` of a commune divided between several new ones (the new unit
that took the rest is its main successor). Old units of a tree the app does not ship (Kiên Giang's,
`kien-giang-2024`) are named but carry no code. `reform_map()` reads and checks it against both
shipped trees; docs/org-unit-reform.md describes the file and what the checks promise.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Reason
from ..resources import resource
from ..text import tone_marks
from .org_units import OrgUnitRow, read_records, read_tree

COLUMNS = ["new_code", "new_name", "old_tree", "old_code", "old_name", "share", "note"]
SHARES = ("whole", "part", "rest")
AREA_TYPES = {"commune", "ward", "township", "special_zone"}  # commune level, in either tree
DEFAULT_FILE = ("org_units", "reform", "an-giang-2023-to-2025.csv")


@dataclass(frozen=True)
class Link:
    new_code: str
    old_tree: str
    old_code: str | None  # None: a unit of a tree the app does not ship (named only)
    old_name: str
    share: str  # whole | part | rest
    note: str = ""


def _same_name(a: str, b: str) -> bool:
    return tone_marks(a).casefold() == tone_marks(b).casefold()


@dataclass(frozen=True)
class ReformMap:
    old_tree: str
    new_tree: str
    links: tuple[Link, ...]
    old_units: dict[str, OrgUnitRow]
    new_units: dict[str, OrgUnitRow]
    source: str = ""  # what the file's `#` lines name as its source ("Nguồn: …")

    def sources(self, new_code: str) -> list[Link]:
        """The old units a new unit is made of (every tree), in the file's order."""
        return [link for link in self.links if link.new_code == new_code]

    def old_codes(self, new_code: str) -> list[str]:
        """The codes, in the shipped old tree, whose figures make up `new_code`'s earlier periods:
        for the new province the old province; for a new commune its old communes (parts too)."""
        return [link.old_code for link in self.sources(new_code) if link.old_tree == self.old_tree and link.old_code]

    def exact(self, new_code: str) -> bool:
        """True when the sums of `old_codes` are the whole of the new unit's area: every source a
        whole unit of the shipped tree. A part, or a unit of another tree, makes a comparison
        approximate (the report must say so)."""
        sources = self.sources(new_code)
        return bool(sources) and all(s.share == "whole" and s.old_tree == self.old_tree for s in sources)

    def successors(self, old_code: str) -> list[str]:
        """Every new unit holding some of an old unit's area: for a commune the one or more it went
        to; for a district those of its communes; for the old province the new one."""
        row = self.old_units[old_code]
        if row.type in AREA_TYPES:
            return list(dict.fromkeys(link.new_code for link in self.links if link.old_code == old_code))
        if row.parent_code is None:
            return list(dict.fromkeys(link.new_code for link in self.links if link.old_code == old_code))
        found: list[str] = []
        for child in self.old_units.values():
            if child.parent_code == old_code:
                found.extend(self.successors(child.code))
        return list(dict.fromkeys(found))

    def successor(self, old_code: str) -> str:
        """Where an old unit's profile moves (its history kept): a commune to the new unit that took
        it whole or took its rest; a district (abolished 1/7/2025) and the old province to the new
        province."""
        row = self.old_units[old_code]
        if row.type in AREA_TYPES:
            return next(link.new_code for link in self.links if link.old_code == old_code and link.share != "part")
        return self.new_province

    def destinations(self, old_code: str) -> list[str]:
        """Where the profile of an old unit may move (Profile.move_to): its main successor first,
        then every other new unit holding some of its area (a district: those of its communes)."""
        return list(dict.fromkeys([self.successor(old_code), *self.successors(old_code)]))

    def taken(self, old_code: str, new_code: str) -> list[Link]:
        """What of an old unit went into a new one: the old unit's own link (a commune), or those
        of its communes (a district); empty for the new province taking an abolished district."""
        below = {row.code for row in self.old_units.values() if row.parent_code == old_code}
        return [link for link in self.sources(new_code) if link.old_code == old_code or link.old_code in below]

    @property
    def new_province(self) -> str:
        return next(row.code for row in self.new_units.values() if row.parent_code is None)


def read_map(path: Path, old_tree: list[OrgUnitRow], new_tree: list[OrgUnitRow]) -> ReformMap:
    """Read a reform map and check it: Reason naming the file and line on the first fault."""
    old_name, new_name = old_tree[0].tree, new_tree[0].tree
    old_units = {row.code: row for row in old_tree}
    new_units = {row.code: row for row in new_tree}
    links: list[Link] = []
    seen: set[tuple[str, str, str]] = set()

    def known(units: dict[str, OrgUnitRow], code: str, unit: str, tree: str, number: int) -> None:
        row = units.get(code)
        if row is None or not _same_name(row.name, unit):
            raise Reason(
                "{name}: dòng {number}: đơn vị {code} '{unit}' không có trong danh sách {tree}",
                name=path.name,
                number=number,
                code=code,
                unit=unit,
                tree=tree,
            )

    for number, record in read_records(path, COLUMNS):
        known(new_units, record["new_code"], record["new_name"], new_name, number)
        if record["share"] not in SHARES:
            raise Reason(
                "{name}: dòng {number}: share '{share}' phải là whole, part hoặc rest",
                name=path.name,
                number=number,
                share=record["share"],
            )
        if record["old_tree"] == old_name:
            known(old_units, record["old_code"], record["old_name"], old_name, number)
        elif record["old_code"] or not record["old_name"] or not record["old_tree"]:
            raise Reason(
                "{name}: dòng {number}: đơn vị cũ của danh sách khác ({tree}) chỉ ghi tên, không ghi mã",
                name=path.name,
                number=number,
                tree=record["old_tree"] or "?",
            )
        key = (record["new_code"], record["old_tree"], record["old_code"] or record["old_name"])
        if key in seen:
            raise Reason("{name}: dòng {number}: {unit} đã có ở dòng trên", name=path.name, number=number, unit=key[2])
        seen.add(key)
        links.append(
            Link(
                new_code=record["new_code"],
                old_tree=record["old_tree"],
                old_code=record["old_code"] or None,
                old_name=record["old_name"],
                share=record["share"],
                note=record["note"],
            )
        )
    result = ReformMap(old_name, new_name, tuple(links), old_units, new_units, _source(path))
    _check_whole(result, path.name)
    return result


def _source(path: Path) -> str:
    """The source the file's comment lines name: the text after "Nguồn:" up to "Xem …"."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("#") and "Nguồn:" in line:
            return line.split("Nguồn:", 1)[1].split(" Xem ", 1)[0].strip()
    return ""


def _check_whole(reform: ReformMap, name: str) -> None:
    """Every new unit comes from something; every old commune-level unit (and the old province)
    has exactly one main successor; a unit given in parts has one that took its rest."""
    for row in reform.new_units.values():
        if not reform.sources(row.code):
            raise Reason(
                "{name}: đơn vị mới {code} ({unit}) không có đơn vị cũ nào", name=name, code=row.code, unit=row.name
            )
    for row in reform.old_units.values():
        if row.type not in AREA_TYPES and row.parent_code is not None:
            continue  # districts: their area is their communes'
        mine = [link for link in reform.links if link.old_tree == reform.old_tree and link.old_code == row.code]
        main = [link for link in mine if link.share != "part"]
        if len(main) != 1:
            raise Reason(
                "{name}: đơn vị cũ {code} ({unit}) phải thuộc đúng một đơn vị mới (whole hoặc rest), có {count}",
                name=name,
                code=row.code,
                unit=row.name,
                count=len(main),
            )
        if main[0].share == "rest" and len(mine) == 1:
            raise Reason(
                "{name}: đơn vị cũ {code} ({unit}) ghi 'rest' nhưng không có phần nào ở đơn vị khác",
                name=name,
                code=row.code,
                unit=row.name,
            )


@lru_cache(maxsize=1)
def reform_map() -> ReformMap:
    """The shipped map of An Giang, checked against the shipped trees."""
    trees = resource("org_units")
    return read_map(
        resource(*DEFAULT_FILE), read_tree(trees / "an-giang-2023.csv"), read_tree(trees / "an-giang-2025.csv")
    )
