"""`summary`: a unit's consolidated figures for a period, and which children have reported."""

from .domain.figures import compute
from .errors import Refused
from .periods import Period
from .profile import Profile


def reported_children(profile: Profile, unit_code: str, period: Period) -> tuple[list[str], list[str]]:
    """Children whose bundle for the period the profile holds (the bundle ledger), and the others.

    Data typed in for a child at the parent does not count: a child has reported when its signed
    bundle has been imported (bundle/importer.py).
    """
    from .bundle.status import received

    held = received(profile, period)
    reported, missing = [], []
    for child in profile.children(unit_code):
        (reported if child.code in held else missing).append(child.code)
    return reported, missing


def units_below(profile: Profile, unit_code: str) -> list[str]:
    codes, frontier = [], [unit_code]
    while frontier:
        code = frontier.pop()
        codes.append(code)
        frontier.extend(child.code for child in profile.children(code))
    return codes


def summary(profile: Profile, period: Period, org_unit: str | None = None) -> dict:
    code = (org_unit or profile.org_unit_code).strip()
    if profile.org_unit(code) is None:
        raise Refused("mã đơn vị '{code}' không có trong danh mục đơn vị hành chính", code=code)
    units = units_below(profile, code)
    figures = compute(profile.engine, code, units, period)
    result = {
        "org_unit": code,
        "period": period.code,
        "indicators": figures.indicators_json(profile.settings.share_rounding),
        "counts": figures.counts,
    }
    if len(units) > 1:
        reported, missing = reported_children(profile, code, period)
        result["children"] = {"reported": reported, "missing": missing}
    return result
