"""A unit's figures for a period: typed indicators, derived shares and activity totals,
consolidated over the unit and the units below it.

What a figure covers (docs/architecture.md): each typed value is either the unit's own level
("own", added to its children's figures) or its whole area ("area": it stands for the unit and
everything below; the children's sum is kept beside it, for checking, never added). Activities
are always the own level of the unit that held them, and a unit may type an activity figure
(COMM_SESSIONS …) for its whole area. A share is its summed numerator over its summed denominator.

`sources` says which units' data make each figure, so a comparison with another period can be
made over the same units (`compute(…, only=…)`).
"""

import json
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import col, select

from .catalogue import Coverage, indicators
from .formats import round_share
from .periods import Period
from .records import activity_totals_by_unit, record_counts
from .storage.database import session_scope
from .storage.models import IndicatorValue


@dataclass
class Figures:
    org_unit: str
    period: Period
    units: list[str]
    values: dict[str, float] = field(default_factory=dict)  # typed and activity-derived
    shares: dict[str, float] = field(default_factory=dict)  # unrounded percentages
    counts: dict[str, int] = field(default_factory=dict)
    # Where a whole-area value stands: what the units' own records add up to (for checking).
    checks: dict[str, float] = field(default_factory=dict)
    # The units whose data make each figure (for shares: the numerator's and denominator's).
    sources: dict[str, frozenset[str]] = field(default_factory=dict)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # the root unit's own typed values only
    # The breakdown of a figure ({"sex=female;age_group=child": 3, …}) where every unit that makes it
    # gave one; a share's cells are its numerator's cells over its denominator's (unrounded).
    cells: dict[str, dict[str, float]] = field(default_factory=dict)
    share_cells: dict[str, dict[str, float]] = field(default_factory=dict)
    # Each unit's comments and follow-up marks on its typed values: {unit: {code: (comment, follow_up)}}.
    notes: dict[str, dict[str, tuple[str, bool]]] = field(default_factory=dict)

    def share(self, code: str, rule: str = "half_up") -> float | None:
        value = self.shares.get(code)
        return None if value is None else round_share(value, rule)

    def covers_area(self, code: str) -> bool:
        """The figure speaks for the whole area: typed so, or summed over more than one unit."""
        return self.coverage.get(code) == "area" or len(self.sources.get(code, ())) > 1

    def same_basis(self, first: str, second: str) -> bool:
        """Two figures made from the same units' data, with the same coverage."""
        return self.sources.get(first) == self.sources.get(second) and (self.coverage.get(first) == "area") == (
            self.coverage.get(second) == "area"
        )

    def indicators_json(self, rule: str) -> dict[str, float | int]:
        result: dict[str, float | int] = {}
        for code in indicators():
            if code in self.values:
                value = self.values[code]
                result[code] = int(value) if float(value).is_integer() else value
            elif (share := self.share(code, rule)) is not None:
                result[code] = share
        return result


def typed_values(engine: Engine, units: list[str], period: Period) -> dict[str, dict[str, tuple[float, Coverage]]]:
    """unit → indicator → (value, coverage) typed for the period. A year (`2023`) takes what was typed
    for the year; where only its half-years hold a value, it is built from them: an event count
    (frequency half_year) is the sum of its halves, a stock (`stock`: leaders in post) or a yearly
    indicator is its last half's value. Coverage: "area" when every half used was typed so."""
    codes = [period.code] if period.half else [period.code, f"{period.year}H1", f"{period.year}H2"]
    held: dict[tuple[str, str], dict[str, tuple[float, Coverage]]] = {}
    with session_scope(engine) as session:
        rows = session.exec(
            select(IndicatorValue).where(
                col(IndicatorValue.org_unit_code).in_(units),
                col(IndicatorValue.period).in_(codes),
            )
        ).all()
        for row in rows:
            coverage: Coverage = "area" if row.coverage == "area" else "own"  # absent (before 0002): own
            held.setdefault((row.org_unit_code, row.indicator_code), {})[row.period] = (row.value, coverage)
    catalogue = indicators()
    typed: dict[str, dict[str, tuple[float, Coverage]]] = {}
    for (unit, code), by_period in held.items():
        if period.code in by_period:
            typed.setdefault(unit, {})[code] = by_period[period.code]
            continue
        halves = [by_period[c] for c in codes[1:] if c in by_period]
        indicator = catalogue.get(code)
        if indicator is not None and (indicator.stock or indicator.frequency == "year"):
            halves = halves[-1:]
        area = all(coverage == "area" for _, coverage in halves)
        typed.setdefault(unit, {})[code] = (sum(value for value, _ in halves), "area" if area else "own")
    return typed


def value_details(
    engine: Engine, units: list[str], period: Period, notes: dict[str, dict[str, tuple[str, bool]]]
) -> dict[tuple[str, str], dict[str, float] | None]:
    """(unit, indicator) → the breakdown cells typed for the period itself (None: no breakdown); the
    values' comments and follow-up marks go into `notes`. A year built from its halves has neither."""
    cells: dict[tuple[str, str], dict[str, float] | None] = {}
    with session_scope(engine) as session:
        rows = session.exec(
            select(IndicatorValue).where(
                col(IndicatorValue.org_unit_code).in_(units),
                IndicatorValue.period == period.code,
            )
        ).all()
        for row in rows:
            cells[row.org_unit_code, row.indicator_code] = json.loads(row.cells) if row.cells else None
            if row.comment or row.follow_up:
                notes.setdefault(row.org_unit_code, {})[row.indicator_code] = (row.comment, bool(row.follow_up))
    return cells


def compute(
    engine: Engine,
    org_unit: str,
    units: list[str],
    period: Period,
    tree: dict[str, list[str]] | None = None,
    only: set[str] | frozenset[str] | None = None,
) -> Figures:
    """`tree`: each unit's children among `units` (absent: every other unit hangs from `org_unit`).
    `only`: count just these units' own data (a like-with-like comparison)."""
    if tree is None:
        tree = {org_unit: [u for u in units if u != org_unit]}
    figures = Figures(org_unit=org_unit, period=period, units=units)
    catalogue = indicators()
    typed = typed_values(engine, units, period)
    typed_cells = value_details(engine, units, period, figures.notes)
    activities = activity_totals_by_unit(engine, units, period)

    Cells = dict[str, float] | None

    def added(parts: list[Cells]) -> Cells:
        """The cells' sums, where every part has its breakdown (activities have none)."""
        given = [part for part in parts if part is not None]
        if not given or len(given) < len(parts):
            return None
        return {key: sum(part[key] for part in given) for key in given[0]}

    def walk(unit: str, code: str) -> tuple[float | None, frozenset[str], float | None, Cells]:
        """(value, sources, what the records below add up to where a whole-area value stands, the
        value's breakdown where every unit in it gave one)."""
        counted = only is None or unit in only
        own = typed.get(unit, {}).get(code) if counted else None
        total: float | None = None
        sources: set[str] = set()
        parts: list[Cells] = []
        if counted and unit in activities and code in activities[unit]:
            total, sources = activities[unit][code], {unit}
            parts.append(None)
        for child in tree.get(unit, ()):
            value, below, _, cells = walk(child, code)
            if value is not None:
                total, sources = (total or 0) + value, sources | below
                parts.append(cells)
        if own is not None and own[1] == "area":
            return own[0], frozenset({unit}), total, typed_cells.get((unit, code))
        if own is not None:
            total, sources = (total or 0) + own[0], sources | {unit}
            parts.append(typed_cells.get((unit, code)))
        return total, frozenset(sources), None, added(parts)

    for code, indicator in catalogue.items():
        if indicator.kind == "share":
            continue
        value, sources, check, cells = walk(org_unit, code)
        if value is None and indicator.kind == "from_activities":
            value = 0  # no activity recorded: none held
        if value is not None:
            figures.values[code] = value
            figures.sources[code] = sources
        if check is not None:
            figures.checks[code] = check
        if value is not None and cells is not None:
            figures.cells[code] = cells
    figures.coverage = {code: coverage for code, (_, coverage) in typed.get(org_unit, {}).items()}
    # Where the unit typed its events' figures for the whole area (780 sessions, 25.120 attendances),
    # the figures of the same events it did not type are not known for the area: the recorded
    # events' sum (891 women among the province's own events) is only shown for checking.
    typed_kinds = {
        kind
        for code, indicator in catalogue.items()
        if figures.coverage.get(code) == "area" and indicator.kind == "from_activities"
        for kind in indicator.activity_kinds
    }
    for code, indicator in catalogue.items():
        if (
            indicator.kind == "from_activities"
            and figures.coverage.get(code) != "area"
            and typed_kinds & set(indicator.activity_kinds)
            and code in figures.values
        ):
            figures.checks[code] = figures.values.pop(code)
            figures.sources.pop(code, None)
    for indicator in catalogue.values():
        if indicator.kind != "share" or indicator.numerator is None or indicator.denominator is None:
            continue
        numerator = figures.values.get(indicator.numerator)
        denominator = figures.values.get(indicator.denominator)
        # A part over its whole only when both come from the same units (584 of the province's 2.302,
        # not a district's women over the province's total).
        if numerator is not None and denominator and figures.same_basis(indicator.numerator, indicator.denominator):
            figures.shares[indicator.code] = numerator * 100.0 / denominator
            figures.sources[indicator.code] = figures.sources.get(
                indicator.numerator, frozenset()
            ) | figures.sources.get(indicator.denominator, frozenset())
            if figures.covers_area(indicator.numerator) and figures.covers_area(indicator.denominator):
                figures.coverage.setdefault(indicator.code, "area")
            parts, wholes = figures.cells.get(indicator.numerator), figures.cells.get(indicator.denominator)
            if indicator.dimensions and parts is not None and wholes is not None:
                figures.share_cells[indicator.code] = {
                    key: parts[key] * 100.0 / wholes[key] for key in wholes if wholes[key] and key in parts
                }
    counted = units if only is None else [u for u in units if u in only]
    figures.counts = record_counts(engine, counted, period)
    return figures
