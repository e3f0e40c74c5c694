"""Checks against earlier periods (issue 16 item 3): the one home of the flags.

For a unit and a period, each figure (typed counts and activity figures, consolidated as the report
counts them: `summary.unit_figures`) is compared with the same figure of the earlier periods — the
same half-year last year and the last three periods — and flagged when it lies

- outside the range the catalogue sets for it (`expected_min`, `expected_max`), or
- outside the range learned from its history (at least two earlier values: their lowest divided by
  the factor to their highest times the factor), or
- more than `change_factor` times (or less than its inverse) the same period last year.

Ratios are taken with a floor of 1 (0 → 5 is a change of 5), so a commune's first case is not a
flag but a jump from none to a dozen is. A flag never blocks anything: the window colours the field
amber, the checklist before sending lists it, the province sees it on import (and may return the
report with it as the reason), `summary --json` carries it under "flags".

Across the 2025 reform (docs/org-unit-reform.md) a unit of the new tree has, for periods before
1 July 2025, the sums of its old units' figures (`catalogue.reform`): `Earlier.units` names those whose data the
profile holds, and `Earlier.exact` is False when they are not the whole of its area.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial

from .catalogue import indicators
from .catalogue.reform import reform_map
from .errors import Count, Message, Term
from .figures import Figures, compute
from .periods import Period
from .profile import Profile
from .summary import unit_figures

DEFAULT_FACTOR = 3.0  # an indicator's `change_factor` overrides it
REFORM_DAY = date(2025, 7, 1)  # the units of the 2025 tree exist from this day (NQ 1654/NQ-UBTVQH15)
RULES = ("range", "learned", "change")


@dataclass(frozen=True)
class Earlier:
    period: str
    value: float
    units: tuple[str, ...]  # whose figures these are (the unit, or its old units before the reform)
    exact: bool = True  # False: the old units cover the new unit's area only in part


@dataclass(frozen=True)
class Flag:
    org_unit: str
    period: str
    indicator: str
    value: float
    rule: str  # range | learned | change
    low: float | None
    high: float | None
    earlier: tuple[Earlier, ...]

    @property
    def message(self) -> Message:
        item = indicators()[self.indicator]
        name = Term(item.name_vi, item.name_en)
        if self.rule == "change":
            last = self.earlier[0]
            return Message(
                "{name}: {value} so với {last} cùng kỳ năm trước ({period}): thay đổi quá {factor} lần",
                name=name,
                value=Count(self.value),
                last=Count(last.value),
                period=last.period,
                factor=Count(factor_of(self.indicator)),
            )
        if self.rule == "learned":
            return Message(
                "{name}: {value} nằm ngoài khoảng {low} – {high} của các kỳ trước",
                name=name,
                value=Count(self.value),
                low=Count(self.low or 0),
                high=Count(self.high or 0),
            )
        return Message(
            "{name}: {value} nằm ngoài khoảng hợp lý {low} – {high}",
            name=name,
            value=Count(self.value),
            low=Count(self.low) if self.low is not None else "…",
            high=Count(self.high) if self.high is not None else "…",
        )

    @property
    def history(self) -> Message:
        """The earlier values, for a tooltip: "2023H1: 12; 2022H2: 9 (của các đơn vị cũ 30589, 30613)"."""
        lines = [
            Message("{period}: {value}", period=e.period, value=Count(e.value))
            if e.units == (self.org_unit,)
            else Message(
                "{period}: {value} (cộng của đơn vị cũ {units})",
                period=e.period,
                value=Count(e.value),
                units=", ".join(e.units),
            )
            if e.exact
            else Message(
                "{period}: {value} (cộng của đơn vị cũ {units}, gần đúng: địa bàn hoặc số liệu các đơn vị cũ không đủ)",
                period=e.period,
                value=Count(e.value),
                units=", ".join(e.units),
            )
            for e in self.earlier
        ]
        return Message("Các kỳ trước: {lines}", lines=lines) if lines else Message("Chưa có số liệu các kỳ trước")

    def as_json(self) -> dict:
        return {
            "indicator": self.indicator,
            "rule": self.rule,
            "value": _plain(self.value),
            "low": None if self.low is None else _plain(self.low),
            "high": None if self.high is None else _plain(self.high),
            "earlier": [
                {"period": e.period, "value": _plain(e.value), "units": list(e.units), "exact": e.exact}
                for e in self.earlier
            ],
            "message": str(self.message),
        }


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def factor_of(code: str) -> float:
    return indicators()[code].change_factor or DEFAULT_FACTOR


def earlier_periods(period: Period) -> list[Period]:
    """The same period last year first, then the last three periods of the same kind before it."""
    if period.half is None:
        found = [Period(period.year - k) for k in (1, 2, 3)]
    else:
        found, step = [], period
        for _ in range(3):
            step = Period(step.year, 1) if step.half == 2 else Period(step.year - 1, 2)
            found.append(step)
    same = period.previous_same_kind()
    return [same, *(p for p in found if p != same)]


def old_unit_name(code: str) -> str:
    """The name of a unit of the 2023 tree, as the report writes it ("xã Vĩnh Thành")."""
    row = reform_map().old_units.get(code)
    return row.name[:1].lower() + row.name[1:] if row else code


def _old_tree() -> dict[str, list[str]]:
    reform = reform_map()
    tree: dict[str, list[str]] = {code: [] for code in reform.old_units}
    for row in reform.old_units.values():
        if row.parent_code in tree:
            tree[row.parent_code].append(row.code)
    return tree


def _below(tree: dict[str, list[str]], code: str) -> dict[str, list[str]]:
    found, frontier = {}, [code]
    while frontier:
        unit = frontier.pop()
        found[unit] = tree.get(unit, [])
        frontier.extend(found[unit])
    return found


def earlier_figures(
    profile: Profile, unit: str, period: Period, tree: dict[str, list[str]] | None = None
) -> tuple[Figures | None, tuple[str, ...], bool]:
    """A unit's figures of an earlier period as (figures, the units they are of, exact). For a unit of
    the 2025 tree and a period before the reform: the sums over its old units in the 2023 tree.
    `tree`: the unit's tree (`profile.unit_tree(unit)`) when the caller holds it already."""
    reform = reform_map()
    if profile.org_unit_tree == reform.new_tree and period.start < REFORM_DAY and unit in reform.new_units:
        old = reform.old_codes(unit)
        if not old:
            return None, (), False
        tree = _old_tree()
        whole: dict[str, list[str]] = {"": old}
        for code in old:
            whole.update(_below(tree, code))
        figures = compute(profile.engine, "", list(whole), period, tree=whole)
        # Only the old units whose data the profile holds are in the sums (a moved commune's profile
        # holds its own): name those, and call the comparison approximate when one is missing.
        held = frozenset().union(*figures.sources.values())
        present = tuple(code for code in old if held & set(_below(tree, code)))
        return figures, present, reform.exact(unit) and present == tuple(old)
    if tree is None:
        return unit_figures(profile, unit, period), (unit,), True
    return compute(profile.engine, unit, list(tree), period, tree=tree), (unit,), True


def flags(profile: Profile, unit: str, period: Period, figures: Figures | None = None) -> list[Flag]:
    """Every flag of `unit`'s figures for `period`, in catalogue order. Never raises for data."""
    tree = profile.unit_tree(unit)  # once: walking the tree is a query per unit
    figures = figures or compute(profile.engine, unit, list(tree), period, tree=tree)
    history: list[tuple[Period, Figures, tuple[str, ...], bool]] = []
    for before in earlier_periods(period):
        found, units, exact = earlier_figures(profile, unit, before, tree)
        if found is not None:
            history.append((before, found, units, exact))
    result: list[Flag] = []
    for code, indicator in indicators().items():
        value = figures.values.get(code)
        if value is None or indicator.kind == "share":
            continue
        if indicator.kind == "from_activities" and not figures.counts.get("activities"):
            continue  # nothing recorded yet: the checklist says so, not a flag
        earlier = tuple(
            Earlier(p.code, found.values[code], units, exact)
            for p, found, units, exact in history
            if code in found.values and (indicator.typed or found.counts.get("activities"))
        )
        factor = factor_of(code)

        flag = partial(Flag, unit, period.code, code, value, earlier=earlier)
        low, high = indicator.expected_min, indicator.expected_max
        if (low is not None and value < low) or (high is not None and value > high):
            result.append(flag("range", low, high))
            continue
        same = earlier[0] if earlier and earlier[0].period == period.previous_same_kind().code else None
        if same is not None:
            ratio = max(value, 1.0) / max(same.value, 1.0)
            if ratio > factor or ratio < 1 / factor:
                result.append(flag("change", None, None))
                continue
        if len(earlier) >= 2:
            low = max(min(e.value for e in earlier), 1.0) / factor
            high = max(max(e.value for e in earlier), 1.0) * factor
            if value < low or value > high:
                result.append(flag("learned", low, high))
    return result
