"""`summary`: a unit's consolidated figures for a period, and which children have reported."""

from sqlmodel import col, select

from .bundle.ledger import received
from .errors import Refused
from .figures import compute
from .formats import round_share
from .periods import Period
from .profile import Profile
from .storage.database import session_scope
from .storage.models import TrustedKey


def reported_children(profile: Profile, unit_code: str, period: Period) -> tuple[list[str], list[str]]:
    """Children whose bundle for the period the profile holds (the bundle ledger), and the others.

    Data typed in for a child at the parent does not count: a child has reported when its signed
    bundle has been imported (bundle/importer.py).
    """
    held = received(profile, period)
    reported: list[str] = []
    missing: list[str] = []
    for child in profile.children(unit_code):
        (reported if child.code in held else missing).append(child.code)
    return reported, missing


def enrolled_children(profile: Profile, unit_code: str) -> list[str]:
    """Children with a key in the trust register (even revoked since): the units expected to send bundles."""

    children = [child.code for child in profile.children(unit_code)]
    with session_scope(profile.engine) as session:
        query = select(TrustedKey.org_unit_code).where(col(TrustedKey.org_unit_code).in_(children))
        held = set(session.exec(query).all())
    return [code for code in children if code in held]


def unit_figures(profile: Profile, unit_code: str, period: Period, only=None):
    """The unit's figures consolidated over its tree by what each value covers (figures.py)."""
    tree = profile.unit_tree(unit_code)
    return compute(profile.engine, unit_code, list(tree), period, tree=tree, only=only)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def summary(profile: Profile, period: Period, org_unit: str | None = None) -> dict:
    code = (org_unit or profile.org_unit_code).strip()
    if profile.org_unit(code) is None:
        raise Refused("mã đơn vị '{code}' không có trong danh mục đơn vị hành chính", code=code)
    figures = unit_figures(profile, code, period)
    result = {
        "org_unit": code,
        "period": period.code,
        "indicators": figures.indicators_json(profile.settings.share_rounding),
        "counts": figures.counts,
    }
    # What the unit's own typed values cover, where not its own level; and, beside each whole-area
    # value, what the records below add up to (for checking; never added to it).
    area = sorted(code for code, coverage in figures.coverage.items() if coverage == "area" and code in figures.values)
    if area:
        result["coverage"] = {code: "area" for code in area}
    if figures.checks:
        result["checks"] = {code: _number(v) for code, v in figures.checks.items()}
    # The breakdowns (docs/catalogue.md) where every unit that makes a figure gave one, and the
    # comments and follow-up marks of the values, unit by unit.
    if figures.cells or figures.share_cells:
        result["breakdowns"] = {
            code: {key: _number(value) for key, value in cells.items()} for code, cells in figures.cells.items()
        } | {
            code: {key: round_share(value, profile.settings.share_rounding) for key, value in cells.items()}
            for code, cells in figures.share_cells.items()
        }
    if figures.notes:
        result["comments"] = {
            unit: {code: {"comment": comment, "follow_up": follow_up} for code, (comment, follow_up) in notes.items()}
            for unit, notes in figures.notes.items()
        }
    if len(figures.units) > 1:
        reported, missing = reported_children(profile, code, period)
        result["children"] = {"reported": reported, "missing": missing}
    return result
