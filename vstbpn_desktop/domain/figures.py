"""A unit's figures for a period: typed indicators, derived shares and activity totals,
consolidated over the unit and the units below it (sums; shares from summed parts).
"""

from dataclasses import dataclass, field

from sqlmodel import select

from ..catalogue import indicators
from ..formats import round_share
from ..periods import Period
from ..storage.database import session_scope
from ..storage.models import IndicatorValue


@dataclass
class Figures:
    org_unit: str
    period: Period
    units: list[str]
    values: dict[str, float] = field(default_factory=dict)  # typed and activity-derived
    shares: dict[str, float] = field(default_factory=dict)  # unrounded percentages
    counts: dict[str, int] = field(default_factory=dict)

    def share(self, code: str, rule: str = "half_up") -> float | None:
        value = self.shares.get(code)
        return None if value is None else round_share(value, rule)

    def indicators_json(self, rule: str) -> dict[str, float | int]:
        result: dict[str, float | int] = {}
        for code in indicators():
            if code in self.values:
                value = self.values[code]
                result[code] = int(value) if float(value).is_integer() else value
            elif code in self.shares:
                result[code] = self.share(code, rule)
        return result


def compute(engine, org_unit: str, units: list[str], period: Period) -> Figures:
    from ..records import activity_totals, record_counts

    figures = Figures(org_unit=org_unit, period=period, units=units)
    with session_scope(engine) as session:
        rows = session.exec(select(IndicatorValue).where(
            IndicatorValue.org_unit_code.in_(units), IndicatorValue.period == period.code,
        )).all()
        for row in rows:
            figures.values[row.indicator_code] = figures.values.get(row.indicator_code, 0) + row.value
    figures.values.update(activity_totals(engine, units, period))
    for indicator in indicators().values():
        if indicator.kind != "share":
            continue
        numerator = figures.values.get(indicator.numerator)
        denominator = figures.values.get(indicator.denominator)
        if numerator is not None and denominator:
            figures.shares[indicator.code] = numerator * 100.0 / denominator
    figures.counts = record_counts(engine, units, period)
    return figures
