"""The profile's indicator catalogue as versioned data (docs/architecture.md, *The catalogue*).

The shipped files (`resources/indicators.json`, the minimum catalogue, then
`resources/indicators-national.json`, the national additions: catalogue.CATALOGUE_FILES) are the
national catalogue; the province adds its own indicators, retires some and sets its own targets
(`catalogue import` at the province, its configuration files at the units: bundle/config.py). The
profile's `indicator` table holds the whole catalogue: each entry's definition (JSON, the shipped
shape), where it comes from, its order, and when it was retired.

- `refresh(engine)`: when the shipped files' SHA-256 differs from the one stored in `meta`
  (`catalogue_sha256`), the national entries are brought up to it in one transaction: new ones
  added (saving a value never meets a missing row, the FOREIGN KEY crash of an old profile),
  changed ones rewritten, and one the file no longer ships is retired when values exist, deleted
  otherwise. An indicator with values is never deleted.
- `install(engine)`: the catalogue `catalogue.indicators()` answers from now on in this process
  (one profile per process: the window and the command line), retired entries included (their
  old values still print); `entry_indicators()` leaves retired ones out.
- `check_entries`/`apply_entries`: a catalogue file (the indicators.json shape, plus `retire`
  and `targets`) checked whole, then applied all or nothing.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, func, select

from ..catalogue import ACTIVITY_KINDS, CATALOGUE_FILES, NARRATIVE_SECTIONS, Indicator, from_item, install_catalogue
from ..catalogue.national import national_catalogue
from ..errors import Message, Reason
from ..resources import resource
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import IndicatorDef, IndicatorTarget, IndicatorValue, Meta, now

META_DIGEST = "catalogue_sha256"
NATIONAL, PROVINCE = "national", "province"
SHIPPED = "catalogue"  # retired_by of an entry the shipped file no longer has
CODE = re.compile(r"[A-Z][A-Z0-9_]{1,59}")
KINDS = ("count", "share", "from_activities")
MAX_DECISION = 200
# The fields an entry may carry: those of `Indicator` (the shipped shape, however it grows),
# except what the profile itself keeps (retired, origin); "retired": true retires it.
OWN_FIELDS = ("retired", "origin")


def shipped_files() -> list[bytes]:
    """The shipped catalogue files (catalogue.CATALOGUE_FILES: the minimum one, then the national additions)."""
    return [resource(name).read_bytes() for name in CATALOGUE_FILES]


def shipped_digest() -> str:
    """The SHA-256 of the shipped catalogue: of the files' own digests, in their order."""
    digest = hashlib.sha256()
    for data in shipped_files():
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def shipped_items() -> list[dict[str, Any]]:
    """Every entry of the shipped files, in their order (the national entries of a profile)."""
    items: list[dict[str, Any]] = []
    for data in shipped_files():
        items += json.loads(data.decode("utf-8"))["indicators"]
    return items


def _columns(item: dict[str, Any]) -> dict[str, Any]:
    """The plain columns of a row, from an entry (the definition holds everything)."""
    return {
        "kind": item["kind"],
        "section": item["section"],
        "name_vi": item["name_vi"],
        "name_en": item["name_en"],
        "unit_vi": item.get("unit_vi", ""),
        "unit_en": item.get("unit_en", ""),
        "numerator": item.get("numerator"),
        "denominator": item.get("denominator"),
        "target_2025": item.get("target_2025"),
        "target_2030": item.get("target_2030"),
        "definition": json.dumps(item, ensure_ascii=False, sort_keys=True),
    }


def _values_held(session: Session, code: str) -> int:
    query = select(func.count()).select_from(IndicatorValue).where(col(IndicatorValue.indicator_code) == code)
    return session.exec(query).one()


def _retire(session: Session, row: IndicatorDef, by: str) -> None:
    if row.retired_at is None:
        row.retired_at, row.retired_by = now(), by
        session.add(row)


def _retire_or_delete(session: Session, row: IndicatorDef, by: str) -> str:
    """'retired' when values of it exist (kept for old periods' reports), else 'deleted'."""
    if _values_held(session, row.code):
        _retire(session, row, by)
        return "retired"
    session.exec(delete(IndicatorTarget).where(col(IndicatorTarget.indicator_code) == row.code))
    session.delete(row)
    return "deleted"


def refresh(engine: Engine, force: bool = False) -> bool:
    """Bring the profile's national entries up to the shipped file when its hash changed; True if it did."""
    digest = shipped_digest()
    with session_scope(engine) as session:
        held = session.get(Meta, META_DIGEST)
        if held is not None and held.value == digest and not force:
            return False
    with session_scope(engine) as session:
        # The write lock before the digest is read again: two clerks of a shared server opening the
        # upgraded app at once both found the digest stale and both inserted the new indicators, the
        # second failing on the first's rows when it committed. Now the second waits (so does the
        # command line beside the window on SQLite), then finds the digest current and does nothing.
        hold_write_lock(session.connection())
        held = session.get(Meta, META_DIGEST)
        if held is not None and held.value == digest and not force:
            return False
        items = shipped_items()
        shipped = {item["code"] for item in items}
        for position, item in enumerate(items):
            row = session.get(IndicatorDef, item["code"]) or IndicatorDef(code=item["code"], **_columns(item))
            for name, value in _columns(item).items():
                setattr(row, name, value)
            row.origin, row.position = NATIONAL, position
            if row.retired_by == SHIPPED:  # shipped again: back in use (a province's retirement stands)
                row.retired_at = row.retired_by = None
            session.add(row)
        for row in session.exec(select(IndicatorDef).where(col(IndicatorDef.origin) == NATIONAL)).all():
            if row.code not in shipped:
                _retire_or_delete(session, row, SHIPPED)
        session.merge(Meta(key=META_DIGEST, value=digest))
    return True


def _indicator(row: IndicatorDef) -> Indicator:
    item: dict[str, Any] = (
        json.loads(row.definition)
        if row.definition
        else {name: value for name, value in _columns(row.model_dump()).items() if value is not None}
        | {"code": row.code}
    )
    item.pop("definition", None)
    return from_item(item, retired=row.retired_at is not None, origin=row.origin)


def stored(engine: Engine) -> dict[str, Indicator]:
    """The profile's catalogue: national entries in the shipped order, then the province's."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(IndicatorDef).order_by(
                col(IndicatorDef.origin) != NATIONAL, col(IndicatorDef.position), col(IndicatorDef.code)
            )
        ).all()
        return {row.code: _indicator(row) for row in rows}


def install(engine: Engine) -> dict[str, Indicator]:
    """Make the profile's catalogue the one `catalogue.indicators()` answers."""
    catalogue = stored(engine)
    install_catalogue(catalogue)
    return catalogue


def open_profile(engine: Engine) -> None:
    """At every opening (and creation): refresh when the shipped catalogue changed, then install."""
    refresh(engine)
    install(engine)


def targets(engine: Engine) -> dict[str, dict[int, tuple[float, str]]]:
    """The province's targets: {code: {year: (target, decision)}}."""
    result: dict[str, dict[int, tuple[float, str]]] = {}
    with session_scope(engine) as session:
        for row in session.exec(select(IndicatorTarget)).all():
            result.setdefault(row.indicator_code, {})[row.year] = (row.target, row.decision)
    return result


def target_in(held: dict[str, dict[int, tuple[float, str]]], code: str, year: int) -> tuple[int, float, str] | None:
    """The province's target a share of `year` is measured against (from `targets()`): the one of
    that year, else the nearest later one (a target to reach by then); (year, target, decision)."""
    years = held.get(code, {})
    later = sorted(y for y in years if y >= year)
    if not later:
        return None
    return later[0], years[later[0]][0], years[later[0]][1]


# -- a catalogue file: checked whole, applied all or nothing ------------------------------------


@dataclass
class Entries:
    """What a catalogue file (or a configuration) asks for, checked."""

    indicators: list[dict[str, Any]] = field(default_factory=list)  # entries to add or update (province's)
    retire: list[str] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)  # {"indicator", "year", "target", "decision"}


def _text(item: dict[str, Any], name: str, where: str, limit: int, required: bool = True) -> None:
    from ..text import REFUSED_CHARACTER

    value = item.get(name)
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()):
        raise Reason('{where}: "{name}" phải là chuỗi khác rỗng', where=where, name=name)
    if len(value) > limit:
        raise Reason('{where}: "{name}" dài quá {limit} ký tự', where=where, name=name, limit=limit)
    if REFUSED_CHARACTER.search(value):
        raise Reason('{where}: "{name}" chứa ký tự điều khiển hoặc không hợp lệ', where=where, name=name)


def _percent(value: object, where: str, name: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise Reason('{where}: "{name}" phải là số từ 0 đến 100', where=where, name=name)


def check_entry(item: object, known: dict[str, Indicator], index: int) -> dict[str, Any]:
    """One entry of the indicators.json shape, checked; the entry (NFC) or Reason naming it."""
    from ..text import nfc

    where = Message("indicators[{index}]", index=index)
    if not isinstance(item, dict):
        raise Reason("{where}: phải là một đối tượng JSON", where=where)
    code = item.get("code")
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise Reason('{where}: "code" phải là mã chữ in hoa, số và "_" (bắt đầu bằng chữ, 2-60 ký tự)', where=where)
    where = Message("chỉ tiêu {code}", code=code)
    allowed = {f.name for f in fields(Indicator)} - set(OWN_FIELDS) | {"retired"}
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise Reason("{where}: trường không biết: {unknown}", where=where, unknown=", ".join(unknown))
    if item.get("kind") not in KINDS:
        raise Reason('{where}: "kind" phải là một trong {kinds}', where=where, kinds=", ".join(KINDS))
    if item.get("section") not in NARRATIVE_SECTIONS:
        raise Reason(
            '{where}: "section" phải là một trong {sections}', where=where, sections=", ".join(NARRATIVE_SECTIONS)
        )
    for name in ("name_vi", "name_en"):
        _text(item, name, where, 300)
    for name in ("unit_vi", "unit_en"):
        _text(item, name, where, 40)
    for name in ("target_2025", "target_2030"):
        _percent(item.get(name), where, name)
    if "retired" in item and not isinstance(item["retired"], bool):
        raise Reason('{where}: "retired" phải là true hoặc false', where=where)
    counts = {c for c, i in known.items() if i.kind == "count"}
    if item["kind"] == "share":
        for name in ("numerator", "denominator"):
            if item.get(name) not in counts:
                raise Reason(
                    '{where}: chỉ tiêu tỷ lệ cần "{name}" là mã một chỉ tiêu đếm của danh mục', where=where, name=name
                )
    elif item.get("numerator") is not None or item.get("denominator") is not None:
        raise Reason('{where}: chỉ chỉ tiêu tỷ lệ (share) mới có "numerator", "denominator"', where=where)
    if item.get("at_most") is not None and item["at_most"] not in counts:
        raise Reason('{where}: "at_most" phải là mã một chỉ tiêu đếm của danh mục', where=where)
    dimensions = national_catalogue().dimensions
    wanted = item.get("dimensions", [])
    if not isinstance(wanted, list) or any(not isinstance(d, str) or d not in dimensions for d in wanted):
        raise Reason(
            '{where}: "dimensions" phải là danh sách mã phân tổ của danh mục quốc gia ({known})',
            where=where,
            known=", ".join(dimensions),
        )
    if item["kind"] == "from_activities":
        kinds = item.get("activity_kinds")
        if not isinstance(kinds, list) or not kinds or any(k not in ACTIVITY_KINDS for k in kinds):
            raise Reason(
                '{where}: "activity_kinds" phải là danh sách loại hoạt động ({kinds})',
                where=where,
                kinds=", ".join(ACTIVITY_KINDS),
            )
    clean = {name: nfc(value) if isinstance(value, str) else value for name, value in item.items()}
    try:
        from_item({k: v for k, v in clean.items() if k != "retired"})
    except (TypeError, ValueError) as exc:
        raise Reason("{where}: {error}", where=where, error=str(exc)) from None
    return clean


def check_target(item: object, known: dict[str, Indicator], index: int) -> dict[str, Any]:
    from ..text import nfc

    where = Message("targets[{index}]", index=index)
    if not isinstance(item, dict) or set(item) - {"indicator", "year", "target", "decision"}:
        raise Reason('{where}: phải là đối tượng có "indicator", "year", "target", "decision"', where=where)
    code = item.get("indicator")
    if code not in known or known[code].kind != "share":
        raise Reason('{where}: "indicator" phải là mã một chỉ tiêu tỷ lệ (share) của danh mục', where=where)
    year = item.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise Reason('{where}: "year" phải là năm 2000-2100', where=where)
    if item.get("target") is None:
        return {"indicator": code, "year": year, "target": None, "decision": ""}
    _percent(item.get("target"), where, "target")
    _text(item, "decision", where, MAX_DECISION)
    return {"indicator": code, "year": year, "target": float(item["target"]), "decision": nfc(item["decision"]).strip()}


def check_entries(value: object, catalogue: dict[str, Indicator]) -> Entries:
    """A catalogue file's JSON (indicators.json shape; optional "retire" and "targets"), checked
    against `catalogue` (the profile's). An entry equal to a national one is skipped (a whole copy
    of indicators.json may be imported); a national entry cannot be changed, only retired."""
    if not isinstance(value, dict) or not isinstance(value.get("indicators", []), list):
        raise Reason('phải là đối tượng JSON có "indicators" (danh sách chỉ tiêu), như resources/indicators.json')
    unknown = sorted(set(value) - {"source", "indicators", "retire", "targets", "dimensions"})
    if unknown:
        raise Reason("trường không biết: {unknown}", unknown=", ".join(unknown))
    national = {item["code"]: item for item in shipped_items()}
    known = dict(catalogue)
    entries = Entries()
    seen = set()
    for index, raw in enumerate(value.get("indicators", [])):
        item = check_entry(raw, known, index)
        code = item["code"]
        if code in seen:
            raise Reason("chỉ tiêu {code} được kê hai lần", code=code)
        seen.add(code)
        if code in national:
            if {k: v for k, v in item.items() if k != "retired"} != national[code]:
                raise Reason(
                    "chỉ tiêu {code} là chỉ tiêu quốc gia: không sửa được định nghĩa (chỉ có thể ngừng dùng)", code=code
                )
            if item.get("retired"):
                entries.retire.append(code)
            continue
        known[code] = from_item({k: v for k, v in item.items() if k != "retired"})
        entries.indicators.append(item)
    retire = value.get("retire", [])
    if not isinstance(retire, list) or any(not isinstance(code, str) or code not in known for code in retire):
        raise Reason('"retire" phải là danh sách mã chỉ tiêu có trong danh mục')
    entries.retire += [code for code in retire if code not in entries.retire]
    raw_targets = value.get("targets", [])
    if not isinstance(raw_targets, list):
        raise Reason('"targets" phải là danh sách')
    pairs = set()
    for index, raw in enumerate(raw_targets):
        target = check_target(raw, known, index)
        if (target["indicator"], target["year"]) in pairs:
            raise Reason(
                "mục tiêu của {indicator} năm {year} được kê hai lần",
                indicator=target["indicator"],
                year=target["year"],
            )
        pairs.add((target["indicator"], target["year"]))
        entries.targets.append(target)
    return entries


def changes(engine: Engine, entries: Entries, set_by: str, replace: bool = False) -> list[Message]:
    """What applying `entries` changes, one Message a line (empty: nothing). `replace`: the
    entries are the province's whole state (a configuration), so what they leave out goes."""
    current = stored(engine)
    held_targets = targets(engine)
    with session_scope(engine) as session:
        retired_by: dict[str, str | None] = {row.code: row.retired_by for row in session.exec(select(IndicatorDef))}
    lines: list[Message] = []
    listed = {item["code"] for item in entries.indicators}
    for item in entries.indicators:
        code, old = item["code"], current.get(item["code"])
        if old is None:
            lines.append(Message("thêm chỉ tiêu {code}: {name}", code=code, name=item["name_vi"]))
        elif from_item({k: v for k, v in item.items() if k != "retired"}) != from_item(
            {f.name: getattr(old, f.name) for f in fields(Indicator) if f.name not in OWN_FIELDS}
        ):
            lines.append(Message("sửa định nghĩa chỉ tiêu {code}: {name}", code=code, name=item["name_vi"]))
    retire = set(entries.retire) | {item["code"] for item in entries.indicators if item.get("retired")}
    for code in sorted(retire):
        if code in current and not current[code].retired:
            lines.append(Message("ngừng dùng chỉ tiêu {code}: {name}", code=code, name=current[code].name_vi))
    if replace:
        for code, old in current.items():
            if old.origin == PROVINCE and code not in listed and not old.retired:
                lines.append(Message("ngừng dùng chỉ tiêu {code}: {name}", code=code, name=old.name_vi))
            if old.retired and code not in retire and (code in listed or retired_by.get(code) == set_by):
                lines.append(Message("dùng lại chỉ tiêu {code}: {name}", code=code, name=old.name_vi))
    for target in entries.targets:
        held = held_targets.get(target["indicator"], {}).get(target["year"])
        wanted = None if target["target"] is None else (target["target"], target["decision"])
        if held != wanted:
            lines.append(_target_line(target["indicator"], target["year"], wanted))
    if replace:
        wanted_pairs = {(t["indicator"], t["year"]) for t in entries.targets}
        for code, years in held_targets.items():
            for year in years:
                if (code, year) not in wanted_pairs:
                    lines.append(_target_line(code, year, None))
    return lines


def _target_line(code: str, year: int, wanted: tuple[float, str] | None) -> Message:
    from ..formats import format_percent

    if wanted is None:
        return Message("bỏ mục tiêu của tỉnh cho {code} năm {year}", code=code, year=year)
    return Message(
        "mục tiêu của tỉnh cho {code} năm {year}: {target} (theo {decision})",
        code=code,
        year=year,
        target=format_percent(wanted[0], 0 if float(wanted[0]).is_integer() else 2),
        decision=wanted[1],
    )


def apply_entries(session: Session, entries: Entries, set_by: str, replace: bool = False) -> None:
    """Write `entries` in the caller's transaction (catalogue import, configuration import)."""
    top = session.exec(select(func.max(IndicatorDef.position)).where(col(IndicatorDef.origin) == PROVINCE)).one()
    position = (top or 0) + 1
    listed = set()
    retire = set(entries.retire) | {item["code"] for item in entries.indicators if item.get("retired")}
    for item in entries.indicators:
        code = item["code"]
        listed.add(code)
        definition = {k: v for k, v in item.items() if k != "retired"}
        row = session.get(IndicatorDef, code)
        if row is None:
            row = IndicatorDef(code=code, origin=PROVINCE, position=position, **_columns(definition))
            position += 1
        for name, value in _columns(definition).items():
            setattr(row, name, value)
        if code in retire:
            _retire(session, row, set_by)
        else:
            row.retired_at = row.retired_by = None
        session.add(row)
    session.flush()
    for code in retire - listed:
        row = session.get(IndicatorDef, code)
        if row is not None:
            _retire(session, row, set_by)
    if replace:
        for row in session.exec(select(IndicatorDef)).all():
            if row.origin == PROVINCE and row.code not in listed:
                _retire_or_delete(session, row, set_by)
            elif row.origin == NATIONAL and row.retired_by == set_by and row.code not in retire:
                row.retired_at = row.retired_by = None  # the province uses it again
                session.add(row)
        session.exec(delete(IndicatorTarget).where(col(IndicatorTarget.set_by) == set_by))
        session.flush()
    for target in entries.targets:
        held = session.get(IndicatorTarget, (target["indicator"], target["year"]))
        if target["target"] is None:
            if held is not None:
                session.delete(held)
            continue
        held = held or IndicatorTarget(indicator_code=target["indicator"], year=target["year"], target=0.0)
        held.target, held.decision, held.set_by = target["target"], target["decision"], set_by
        session.add(held)


def listing(engine: Engine) -> list[dict[str, Any]]:
    """`catalogue list --json`: every indicator of the profile's catalogue with its state and the
    province's targets."""
    held = targets(engine)
    result = []
    for code, indicator in stored(engine).items():
        entry = {f.name: getattr(indicator, f.name) for f in fields(Indicator)}
        entry["activity_kinds"] = list(indicator.activity_kinds)
        entry["province_targets"] = [
            {"year": year, "target": value, "decision": decision}
            for year, (value, decision) in sorted(held.get(code, {}).items())
        ]
        result.append(entry)
    return result


def province_entries(engine: Engine) -> Entries:
    """The province's whole catalogue state, as its configuration file carries it."""
    with session_scope(engine) as session:
        rows = session.exec(select(IndicatorDef).order_by(col(IndicatorDef.position), col(IndicatorDef.code))).all()
        entries = Entries()
        for row in rows:
            if row.origin == PROVINCE:
                item = json.loads(row.definition or "{}")
                if row.retired_at is not None:
                    item["retired"] = True
                entries.indicators.append(item)
            elif row.retired_at is not None and row.retired_by != SHIPPED:
                entries.retire.append(row.code)
    for code, years in sorted(targets(engine).items()):
        for year, (value, decision) in sorted(years.items()):
            entries.targets.append({"indicator": code, "year": year, "target": value, "decision": decision})
    return entries
