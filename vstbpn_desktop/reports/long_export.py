"""Export for national systems (`data export`): the period's data values in the long format
(`.csv`, `.xlsx`) and as ADX XML, the shapes DHIS2 and statistical offices import.

One row per unit × period × indicator × breakdown cell: the raw values the profile holds for its
unit and every unit below it — a unit's typed value, and the figures of its own activities — not
the consolidated figures of the reports, so that a receiving system that adds units up its tree
(DHIS2 does) gets the report's figures and never counts a unit twice. A value typed for a unit's
whole area (`coverage` "area", the province's "các cấp") stands for everything below it, as in the
report: the values below it for that indicator are left out; and where a unit typed one figure of
its events for its whole area (780 sessions), the events' other figures (participants) are exported
neither for it nor below it, since its report does not give them for the area. Shares are derived,
never exported
(the receiving system computes them from their numerator and denominator). Columns and their
meaning: docs/export.md.
"""

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlmodel import col, select

from ..atomic import atomic_path, check_output, refused_output
from ..catalogue import Coverage
from ..catalogue.national import cell_key, national_catalogue, shapes
from ..checks import flags
from ..errors import Refused
from ..periods import Period
from ..records import Detail, activity_totals_by_unit, detail_of
from ..storage.database import session_scope
from ..storage.models import IndicatorValue
from .xlsx import text_cell

FORMATS = ("long", "adx")
ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
DATA_SET = "VSTBPN_BDG"  # the ADX group's dataSet: the code of this report's data set


def columns() -> list[str]:
    """The long format's columns, in order: one per dimension of the catalogue's vocabulary."""
    return [
        "org_unit",
        "org_unit_name",
        "org_unit_tree",
        "period",
        "dhis2_period",
        "indicator",
        "national_code",
        "strategy_ref",
        "indicator_name_vi",
        "indicator_name_en",
        "unit",
        "breakdown",
        *national_catalogue().dimensions,
        "value",
        "coverage",
        "comment",
        "follow_up",
        "flags",
    ]


def dhis2_period(period: Period) -> str:
    """DHIS2's period id: "2023S1", "2023S2" (six-monthly), "2023" (yearly)."""
    return f"{period.year}S{period.half}" if period.half else str(period.year)


def adx_period(period: Period) -> str:
    """ADX's period: the first day and an ISO 8601 duration ("2023-07-01/P6M", "2023-01-01/P1Y");
    DHIS2's ADX import reads only this form and maps it to its own ("2023S2", "2023")."""
    return f"{period.start.isoformat()}/{'P6M' if period.half else 'P1Y'}"


@dataclass(frozen=True)
class DataValue:
    org_unit: str
    indicator: str
    value: float
    coverage: Coverage
    cell: tuple[tuple[str, str], ...] = ()  # the breakdown cell; () the total
    comment: str = ""
    follow_up: bool = False
    flags: tuple[str, ...] = ()


def data_values(profile, period: Period) -> list[DataValue]:
    """The raw values of the profile's unit and the units below it, unit by unit (the tree's
    order), each in the order of the profile's catalogue (a province's own indicators after the
    shipped ones)."""
    catalogue = shapes()
    tree = profile.unit_tree()
    order: list[str] = []
    frontier = [profile.org_unit_code]
    while frontier:
        unit = frontier.pop(0)
        order.append(unit)
        frontier[:0] = tree[unit]
    typed: dict[str, dict[str, tuple[float, Coverage]]] = {}
    carried: dict[tuple[str, str], Detail] = {}  # a typed value's cells, comment, follow-up mark
    with session_scope(profile.engine) as session:
        for row in session.exec(
            select(IndicatorValue).where(
                col(IndicatorValue.org_unit_code).in_(order), IndicatorValue.period == period.code
            )
        ).all():
            typed.setdefault(row.org_unit_code, {})[row.indicator_code] = (
                row.value,
                "area" if row.coverage == "area" else "own",
            )
            carried[row.org_unit_code, row.indicator_code] = detail_of(row)
    activities = activity_totals_by_unit(profile.engine, order, period)
    found: dict[tuple[str, str], DataValue] = {}

    def unknown_for_area(unit: str, code: str) -> bool:
        """Where a unit typed one figure of its events for the whole area (780 sessions), the other
        figures of the same events are not known for the area: its report does not give them
        (figures.py), so nothing is exported for them at the unit or below it — a sum of what lies
        below would read as the area's figure."""
        kinds = set(catalogue.indicators[code].activity_kinds)
        return any(
            coverage == "area"
            and catalogue.indicators[other].kind == "from_activities"
            and other != code
            and kinds & set(catalogue.indicators[other].activity_kinds)
            for other, (_, coverage) in typed.get(unit, {}).items()
        )

    def walk(unit: str, code: str) -> None:
        held = typed.get(unit, {}).get(code)
        detail = carried.get((unit, code), Detail())
        if held is not None and held[1] == "area":
            found[unit, code] = DataValue(unit, code, held[0], "area", (), detail.comment, detail.follow_up)
            return  # it stands for the whole area: what lies below is not added to it
        if unknown_for_area(unit, code):
            return
        value = held[0] if held is not None else None
        if code in activities.get(unit, {}):
            value = (value or 0) + activities[unit][code]
        if value is not None:
            found[unit, code] = DataValue(unit, code, value, "own", (), detail.comment, detail.follow_up)
        for child in tree.get(unit, ()):
            walk(child, code)

    codes = [code for code, i in catalogue.indicators.items() if i.kind in ("count", "from_activities")]
    for code in codes:
        walk(profile.org_unit_code, code)
    # The checks against earlier periods (checks.py) of each unit's figures, on the total's row whose
    # value is the figure flagged (a unit's own-level value under a consolidated figure is not).
    flagged: dict[tuple[str, str], tuple[str, float]] = {}
    for unit in dict.fromkeys(unit for unit, _ in found):
        for flag in flags(profile, unit, period):
            flagged[unit, flag.indicator] = (flag.rule, flag.value)
    result = []
    for unit in order:
        for code in codes:
            if (unit, code) not in found:
                continue
            total = found[unit, code]
            held = flagged.get((unit, code))
            if held is not None and held[1] == total.value:
                total = replace(total, flags=(held[0],))
            result.append(total)
            # Its breakdown cells, where the value is the one typed (not added to activities).
            cells = carried.get((unit, code), Detail()).cells
            if cells is not None and total.value == typed[unit][code][0]:
                result += [
                    DataValue(unit, code, part, total.coverage, catalogue.parse_cell(code, key))
                    for key, part in cells.items()
                ]
    return result


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def long_rows(profile, period: Period, values: list[DataValue]) -> list[list]:
    catalogue = shapes()
    units = {}
    for value in values:
        if value.org_unit not in units:
            units[value.org_unit] = profile.org_unit(value.org_unit)
    rows = []
    for value in values:
        indicator = catalogue.indicators[value.indicator]
        unit = units[value.org_unit]
        cells = dict(value.cell)
        rows.append(
            [
                value.org_unit,
                unit.name if unit else "",
                unit.tree if unit else "",
                period.code,
                dhis2_period(period),
                indicator.code,
                indicator.national_code or "",
                indicator.strategy_ref or "",
                indicator.name_vi,
                indicator.name_en,
                indicator.unit_vi,
                cell_key(value.cell),
                *(cells.get(d, "") for d in catalogue.dimensions),
                _number(value.value),
                value.coverage,
                value.comment,
                "true" if value.follow_up else "",
                ";".join(value.flags),
            ]
        )
    return rows


def write_long_csv(rows: list[list], out: Path) -> None:
    """UTF-8 (no BOM), comma-separated, a header row; numbers written plainly (2302, 25.5)."""
    with atomic_path(out) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns())
        writer.writerows(rows)


def write_long_xlsx(rows: list[list], out: Path) -> None:
    """One sheet "long", the header frozen; numbers as numbers, text always as text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "long"
    for column, name in enumerate(columns(), start=1):
        cell = sheet.cell(row=1, column=column)
        text_cell(cell, name)
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, (int, float)):
                cell.value = value
            else:
                text_cell(cell, str(value))
    sheet.freeze_panes = "A2"
    with atomic_path(out) as temp:
        book.save(temp)


def write_adx(period: Period, values: list[DataValue], out: Path) -> None:
    """ADX (IHE QRPH, namespace urn:ihe:qrph:adx:2015): one <group> per unit with the period in
    ISO 8601 form, one <dataValue dataElement=… value=…> per value; a breakdown cell adds one
    attribute per dimension (sex="female"), a comment an <annotation>."""
    ET.register_namespace("", ADX_NAMESPACE)
    root = ET.Element(
        f"{{{ADX_NAMESPACE}}}adx", exported=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )
    groups: dict[str, ET.Element] = {}
    for value in values:
        group = groups.get(value.org_unit)
        if group is None:
            group = groups[value.org_unit] = ET.SubElement(
                root, f"{{{ADX_NAMESPACE}}}group", orgUnit=value.org_unit, period=adx_period(period), dataSet=DATA_SET
            )
        attributes = {"dataElement": value.indicator, "value": str(_number(value.value)), **dict(value.cell)}
        element = ET.SubElement(group, f"{{{ADX_NAMESPACE}}}dataValue", attributes)
        if value.comment:
            ET.SubElement(element, f"{{{ADX_NAMESPACE}}}annotation").text = value.comment
    ET.indent(root)
    with atomic_path(out) as temp:
        ET.ElementTree(root).write(temp, encoding="UTF-8", xml_declaration=True)


def export(profile, period: Period, form: str, out: Path) -> int:
    """Write the period's data values in `form` ("long": .csv or .xlsx by the name; "adx") to
    `out`; the number of values written."""
    out = Path(out)
    if form not in FORMATS:
        raise Refused("định dạng '{form}' không có (long hoặc adx)", form=form)
    suffix = out.suffix.lower()
    if form == "long" and suffix not in (".csv", ".xlsx"):
        raise Refused("{out}: định dạng long ghi ra tệp .csv hoặc .xlsx", out=out)
    with refused_output(out):
        check_output(out)
        values = data_values(profile, period)
        if form == "adx":
            write_adx(period, values, out)
        elif suffix == ".csv":
            write_long_csv(long_rows(profile, period, values), out)
        else:
            write_long_xlsx(long_rows(profile, period, values), out)
    return len(values)
