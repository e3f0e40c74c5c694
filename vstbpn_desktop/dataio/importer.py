"""`data import`: every row of a table file through domain/validation.py, then one transaction.

A file is imported whole or not at all. Problems are collected over the whole file and the
refusal names the first few with file, sheet, row (as Excel shows it), column and rule.

Importing the same file again adds nothing: an activity or document identical in every column
to one the unit already holds is skipped (counted, one held record absorbs one row, so a file
with two identical rows against one held adds one); an indicator value or narrative section
replaces the one held for its period (counted as unchanged when equal).
"""

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, select

from ..catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, code_of, indicators
from ..catalogue.national import cell_key, national_catalogue
from ..domain.locks import ensure_bulk_editable
from ..domain.validation import (
    Invalid,
    check_cell_bounds,
    check_indicator_bounds,
    parse_count,
    validate_activity,
    validate_breakdown,
    validate_comment,
    validate_coverage,
    validate_document,
    validate_indicator_value,
    validate_narrative,
)
from ..errors import Cancelled, Message, Refused, message
from ..formats import format_count
from ..periods import Period, period_for
from ..records import ACTIVITY_FIELDS, DOCUMENT_FIELDS, Detail, detail_of, ensure_editable, insert_clean, stored_detail
from ..safety import audit, backup
from ..storage.database import hold_write_lock
from ..storage.models import Activity, Document, IndicatorValue, Narrative
from .columns import TABLE_LABELS
from .tables import RawTable, read_table_file, where

Progress = Callable[[int, int], None]
SHOWN_PROBLEMS = 3
TICK = 250  # rows between two progress/cancel calls (the window's worker gives way to the GUI there)


@dataclass
class ImportResult:
    file: str
    rows: int = 0
    dry_run: bool = False
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_LABELS, 0))
    # Activities/documents identical to held ones (skipped); indicators/narratives equal to held ones.
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_LABELS, 0))
    replaced: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_LABELS, 0))

    def describe(self) -> str:
        """One Vietnamese line for the officer."""

        def listing(counts):
            return ", ".join(f"{format_count(n)} {TABLE_LABELS[t]}" for t, n in counts.items() if n)

        verb = "Kiểm tra xong (chưa ghi gì), sẽ nhập" if self.dry_run else "Đã nhập"
        text = f"{verb} {self.file} ({format_count(self.rows)} dòng): {listing(self.added) or 'không có gì mới'}"
        if any(self.replaced.values()):
            text += f"; thay giá trị cũ: {listing(self.replaced)}"
        if any(self.unchanged.values()):
            text += f"; bỏ qua vì trùng với dữ liệu đã có: {listing(self.unchanged)}"
        return text


class _Problems:
    def __init__(self):
        self.items: list[Message] = []

    def add(self, place: str, reason: str) -> None:
        self.items.append(Message("{place}: {reason}", place=place, reason=reason))

    def invalid(self, label: str, raw: RawTable, row: int, exc: Invalid, columns: dict | None = None) -> None:
        for name, reason in exc.problems.items():
            self.add(where(label, raw.sheet, row, (columns or {}).get(name, name)), reason)

    def raise_if_any(self) -> None:
        if not self.items:
            return
        if len(self.items) > SHOWN_PROBLEMS:
            raise Refused(
                "{problems}; và {count} lỗi khác",
                problems=self.items[:SHOWN_PROBLEMS],
                count=len(self.items) - SHOWN_PROBLEMS,
            )
        raise Refused("{problems}", problems=self.items)


# -- cells to raw values ---------------------------------------------------------------------


def _text(value) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip(" \t\n")  # not str.strip(): a control character is refused, not cut off


def _code(value, vocabulary: Mapping[str, tuple[str, str]]) -> str:
    """A kind as its code ("training") or its name ("Tập huấn"), any letter case."""
    return code_of(_text(value), vocabulary)


def _raw(cells: dict, text_columns=(), code_columns: dict | None = None) -> dict:
    """Cells as the validators take them; a blank cell is left out so their defaults apply."""
    raw = dict(cells)
    for name in text_columns:
        if name in raw:
            raw[name] = _text(raw[name])
    for name, vocabulary in (code_columns or {}).items():
        if name in raw:
            raw[name] = _code(raw[name], vocabulary)
    return raw


# -- the plan: clean records, with the row each came from where a refusal may name it ---------


@dataclass
class _Plan:
    activities: list[dict] = field(default_factory=list)  # clean records
    documents: list[dict] = field(default_factory=list)
    indicators: dict[tuple[str, str], tuple[str, float]] = field(
        default_factory=dict
    )  # (period, code) -> (place, value)
    narratives: dict[tuple[str, str], tuple[str, list[str]]] = field(default_factory=dict)
    coverage: dict[tuple[str, str], str] = field(default_factory=dict)  # (period, code) -> own | area
    # (period, code) -> {cell key: (place, value)} and -> (place, comment, follow_up) where given.
    cells: dict[tuple[str, str], dict[str, tuple[str, object]]] = field(default_factory=dict)
    notes: dict[tuple[str, str], tuple[str, str, bool]] = field(default_factory=dict)
    details: dict[tuple[str, str], Detail] = field(default_factory=dict)  # as checked, every value's
    periods: dict[Period, str] = field(default_factory=dict)  # period touched -> first place

    def touch(self, period: Period, label: str, raw: RawTable, row: int) -> None:
        """The first row of each period is kept to name it (a locked period); its place is written
        then, not for each of 100.000 rows."""
        if period not in self.periods:
            self.periods[period] = where(label, raw.sheet, row)


def _period(value, label, raw, row, wanted: Period | None, problems: _Problems) -> Period | None:
    text = _text(value) if value is not None else ""
    place = where(label, raw.sheet, row, "period")
    if not text:
        problems.add(place, Message("thiếu kỳ báo cáo (2023H1, 2023H2 hoặc 2023)"))
        return None
    try:
        period = Period.parse(text)
    except ValueError as exc:
        problems.add(place, message(exc))
        return None
    if wanted is not None and period != wanted:
        problems.add(
            place, Message("kỳ {period} khác kỳ đang nhập {wanted} (--period)", period=period.code, wanted=wanted.code)
        )
        return None
    return period


def _plan_rows(
    raw: RawTable, label: str, period: Period | None, plan: _Plan, problems: _Problems, tick: Callable[[], None]
) -> None:
    for row, cells in raw.rows:
        tick()
        try:
            if raw.table == "activities":
                clean = validate_activity(_raw(cells, ("title", "place", "notes"), {"kind": ACTIVITY_KINDS}), period)
                plan.activities.append(clean)
                plan.touch(period_for(clean["date"]), label, raw, row)
            elif raw.table == "documents":
                clean = validate_document(_raw(cells, ("number", "issuer", "title"), {"kind": DOCUMENT_KINDS}), period)
                plan.documents.append(clean)
                plan.touch(period_for(clean["date"]), label, raw, row)
            elif raw.table == "indicators":
                _plan_indicator(cells, label, raw, row, period, plan, problems)
            else:
                _plan_narrative(cells, label, raw, row, period, plan, problems)
        except Invalid as exc:
            problems.invalid(label, raw, row, exc)


def _plan_indicator(cells, label, raw, row, wanted, plan: _Plan, problems: _Problems) -> None:
    period = _period(cells.get("period"), label, raw, row, wanted, problems)
    code = _text(cells.get("indicator", ""))
    if code.upper() in indicators():
        code = code.upper()
    if "value" not in cells:
        raise Invalid({"value": "thiếu giá trị (để trống chỉ tiêu thì bỏ cả dòng)"})
    coverage = validate_coverage(cells.get("coverage"))
    value = validate_indicator_value(code, cells["value"], coverage)
    comment = validate_comment(_text(cells["comment"]) if "comment" in cells else "")
    follow_up = parse_count(cells["follow_up"]) if "follow_up" in cells else 0
    if follow_up not in (0, 1):
        raise Invalid({"follow_up": "phải là 0 hoặc 1"})
    if period is None:
        return
    key = (period.code, code)
    place = where(label, raw.sheet, row)
    if comment or follow_up:
        if key in plan.notes and plan.notes[key][1:] != (comment, bool(follow_up)):
            problems.add(
                where(label, raw.sheet, row, "comment"),
                Message(
                    "ghi chú của chỉ tiêu {code} kỳ {period} đã ghi khác ở {place}",
                    code=code,
                    period=period.code,
                    place=plan.notes[key][0],
                ),
            )
        plan.notes.setdefault(key, (place, comment, bool(follow_up)))
    cell = _text(cells.get("cell", ""))
    if cell:
        try:
            cell = cell_key(national_catalogue().parse_cell(code, cell))
        except ValueError as exc:
            raise Invalid({"cell": message(exc)}) from None
        held = plan.cells.setdefault(key, {})
        if cell in held:
            problems.add(
                where(label, raw.sheet, row, "cell"),
                Message(
                    "ô {cell} của chỉ tiêu {code} kỳ {period} đã có ở {place}",
                    cell=cell,
                    code=code,
                    period=period.code,
                    place=held[cell][0],
                ),
            )
            return
        held[cell] = (place, value)
        plan.coverage.setdefault(key, coverage)
        plan.touch(period, label, raw, row)
        return
    if key in plan.indicators:
        problems.add(
            where(label, raw.sheet, row, "indicator"),
            Message(
                "chỉ tiêu {code} của kỳ {period} đã có ở {place}",
                code=code,
                period=period.code,
                place=plan.indicators[key][0],
            ),
        )
        return
    plan.indicators[key] = (where(label, raw.sheet, row), value)
    plan.coverage[key] = coverage
    plan.touch(period, label, raw, row)


def _plan_breakdowns(plan: _Plan, problems: _Problems) -> None:
    """Each value's cells against its total (which they make where left out), and what it carries."""
    for key in sorted(set(plan.indicators) | set(plan.cells)):
        period_code, code = key
        given = plan.cells.get(key, {})
        place, typed = plan.indicators[key] if key in plan.indicators else (next(iter(given.values()))[0], None)
        try:
            total, cells = validate_breakdown(
                code, typed, {cell: value for cell, (_, value) in given.items()} if given else None
            )
        except Invalid as exc:
            for reason in exc.problems.values():
                problems.add(
                    place,
                    Message("chỉ tiêu {code} kỳ {period}: {reason}", code=code, period=period_code, reason=reason),
                )
            continue
        if typed is None and total is not None:
            plan.indicators[key] = (place, total)
        _, comment, follow_up = plan.notes.get(key, ("", "", False))
        plan.details[key] = Detail(cells, comment, follow_up)


def _plan_narrative(cells, label, raw, row, wanted, plan: _Plan, problems: _Problems) -> None:
    period = _period(cells.get("period"), label, raw, row, wanted, problems)
    section = _code(cells.get("section", ""), NARRATIVE_SECTIONS) if cells.get("section") is not None else ""
    section, text = validate_narrative(section, _text(cells["text"]) if "text" in cells else "")
    if period is None:
        return
    place = where(label, raw.sheet, row)
    plan.narratives.setdefault((period.code, section), (place, []))[1].append(text)
    plan.touch(period, label, raw, row)


# -- the import ------------------------------------------------------------------------------


def import_file(
    profile,
    path: Path,
    period: Period | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import a `.csv` or `.xlsx` table file into the profile's own unit: all rows or none.

    `progress(done, total)` is called as rows are checked and once more when written;
    `cancelled()` returning True stops before anything is written (Refused, nothing changed).
    """
    path = Path(path)
    label = path.name

    def stop_if_cancelled():
        if cancelled is not None and cancelled():
            raise Cancelled("{label}: đã hủy nhập; dữ liệu không thay đổi", label=label)

    tables = read_table_file(path, stop_if_cancelled)
    total = sum(len(raw.rows) for raw in tables)
    if total == 0:
        raise Refused("{label}: không có dòng dữ liệu nào (chỉ có dòng tiêu đề)", label=label)
    result = ImportResult(label, rows=total, dry_run=dry_run)

    done = 0

    def tick():
        nonlocal done
        done += 1
        if done % TICK == 0:
            stop_if_cancelled()
            if progress:
                progress(done, total)

    plan, problems = _Plan(), _Problems()
    for raw in tables:
        _plan_rows(raw, label, period, plan, problems, tick)
    for (period_code, section), (place, parts) in plan.narratives.items():
        if len(parts) > 1:
            try:
                validate_narrative(section, "\n".join(parts))
            except Invalid as exc:
                problems.add(
                    Message("{place}, {part}", place=place, part=Message("cột {column}", column="text")),
                    Message(
                        "mục {section} kỳ {period} ghép lại {reason}",
                        section=section,
                        period=period_code,
                        reason=exc.problems["text"],
                    ),
                )
    _plan_breakdowns(plan, problems)
    problems.raise_if_any()
    for touched, place in sorted(plan.periods.items()):
        try:
            ensure_editable(profile.engine, touched)
        except Refused as exc:
            raise Refused("{place}: {error}", place=place, error=exc) from None
    stop_if_cancelled()

    engine = profile.engine
    if not dry_run:
        backup.before(profile, "import")
    with engine.connect() if dry_run else engine.begin() as connection:
        if not dry_run:
            hold_write_lock(connection)  # rows held are compared after another import has committed
        unit = profile.org_unit_code
        _check_bounds(connection, unit, plan, problems)
        problems.raise_if_any()
        activities = _new_records(connection, Activity, ACTIVITY_FIELDS, unit, plan.activities)
        documents = _new_records(connection, Document, DOCUMENT_FIELDS, unit, plan.documents)
        result.unchanged["activities"] = len(plan.activities) - len(activities)
        result.unchanged["documents"] = len(plan.documents) - len(documents)
        result.added["activities"], result.added["documents"] = len(activities), len(documents)
        values = [
            (p, c, v, plan.coverage[(p, c)], stored_detail(plan.details[(p, c)]))
            for (p, c), (_, v) in plan.indicators.items()
        ]
        texts = [(p, s, "\n".join(parts)) for (p, s), (_, parts) in plan.narratives.items()]
        replaced: set[tuple] = set()
        values = _changed(
            connection,
            IndicatorValue.__table__.c.indicator_code,
            IndicatorValue.__table__.c.value,
            unit,
            values,
            result,
            "indicators",
            replaced,
        )
        texts = _changed(
            connection,
            Narrative.__table__.c.section,
            Narrative.__table__.c.text,
            unit,
            texts,
            result,
            "narratives",
            replaced,
        )
        stop_if_cancelled()
        if not dry_run:
            ensure_bulk_editable(
                connection, activities=activities, documents=documents, indicator_values=values, narratives=texts
            )
            insert_clean(
                connection,
                unit,
                profile.author,
                activities=activities,
                documents=documents,
                indicator_values=values,
                narratives=texts,
            )
            # One event per period touched, with what it inserted and updated there: the next
            # bundle's audit summary (audit.json) counts a table-file import like typed records.
            for period_code, changes in _changes_by_period(activities, documents, values, texts, replaced).items():
                audit.record_bulk(
                    connection,
                    "import",
                    unit,
                    period_code,
                    {name: sum(changes.get(table, {}).values()) for name, table in _COUNTED},
                    who=profile.author,
                    detail={"file": label, "changes": changes},
                )
    if progress:
        progress(total, total)
    return result


def _check_bounds(connection, unit: str, plan: _Plan, problems: _Problems) -> None:
    """Women never exceed the total, with the file's values over those held for the period."""
    catalogue = indicators()
    table = IndicatorValue.__table__
    for period_code in sorted({p for p, _ in plan.indicators}):
        held = dict(
            connection.execute(
                select(table.c.indicator_code, table.c.value).where(
                    table.c.org_unit_code == unit, table.c.period == period_code
                )
            ).all()
        )
        given = {c: v for (p, c), (_, v) in plan.indicators.items() if p == period_code}
        cells = {
            row.indicator_code: detail_of(row).cells
            for row in connection.execute(
                select(table.c.indicator_code, table.c.cells, table.c.comment, table.c.follow_up).where(
                    table.c.org_unit_code == unit, table.c.period == period_code
                )
            )
        } | {c: plan.details[(p, c)].cells for (p, c) in plan.indicators if p == period_code}
        bounds = check_indicator_bounds(held | given)
        for code, reason in (check_cell_bounds(cells) | bounds).items():
            blamed = code if (period_code, code) in plan.indicators else catalogue[code].at_most
            if blamed is not None and (period_code, blamed) in plan.indicators:
                place = Message(
                    "{place}, {part}",
                    place=plan.indicators[(period_code, blamed)][0],
                    part=Message("cột {column}", column="value"),
                )
                problems.add(place, Message("kỳ {period}: {reason}", period=period_code, reason=reason))


def _new_records(connection, model, fields: tuple[str, ...], unit: str, planned: list[dict]) -> list[dict]:
    """The planned records minus those identical in every column to one already held."""
    if not planned:
        return []
    table = model.__table__
    dates = [clean["date"] for clean in planned]
    held = Counter(
        tuple(row)
        for row in connection.execute(
            select(*(table.c[f] for f in fields)).where(
                and_(table.c.org_unit_code == unit, table.c.date >= min(dates), table.c.date <= max(dates))
            )
        )
    )
    fresh = []
    for clean in planned:
        key = tuple(clean[f] for f in fields)
        if held[key] > 0:
            held[key] -= 1
        else:
            fresh.append(clean)
    return fresh


_COUNTED = (
    ("activities", "activity"),
    ("documents", "document"),
    ("indicators", "indicator_value"),
    ("narratives", "narrative"),
)


def _changes_by_period(activities, documents, values, texts, replaced: set) -> dict[str, dict]:
    """{period code: {"activity": {"insert": n}, "indicator_value": {"insert": n, "update": n}, …}}."""
    found: dict[str, dict] = {}

    def add(period_code: str, table: str, action: str) -> None:
        actions = found.setdefault(period_code, {}).setdefault(table, {})
        actions[action] = actions.get(action, 0) + 1

    for table, records in (("activity", activities), ("document", documents)):
        for record in records:
            add(period_for(record["date"]).code, table, "insert")
    for table, items in (("indicator_value", values), ("narrative", texts)):
        for period_code, key, *_ in items:  # indicator values carry their coverage as well
            add(period_code, table, "update" if (table, period_code, key) in replaced else "insert")
    return found


def _changed(
    connection, key_column, value_column, unit: str, items: list[tuple], result: ImportResult, name: str, replaced: set
) -> list[tuple]:
    """Values that differ from those held for the same period and code/section (count the rest);
    those that replace a held one go into `replaced` as (table, period, code)."""
    table = key_column.table
    changed = []
    for item in items:
        period_code, key, value, *more = item  # indicator values carry their coverage and details as well
        columns = (
            [value_column, table.c.coverage, table.c.cells, table.c.comment, table.c.follow_up]
            if more
            else [value_column]
        )
        held = connection.execute(
            select(*columns).where(table.c.org_unit_code == unit, table.c.period == period_code, key_column == key)
        ).first()
        wanted = (value, more[0], *more[1].values()) if more else (value,)
        if held is not None and tuple(held) == wanted:
            result.unchanged[name] += 1
            continue
        result.replaced[name] += held is not None
        result.added[name] += held is None
        if held is not None:
            replaced.add((table.name, period_code, key))
        changed.append(item)
    return changed
