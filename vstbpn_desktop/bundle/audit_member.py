"""The audit summary a report bundle carries (member `audit.json`, format 1.1).

What the sender changed in the period since its previous bundle for that period (counted from the
audit trail, safety/audit.py), and every reopening of the period in that time with its reason, so
the parent sees what changed in a resubmission. Each export records an `export` event in the audit
trail; the next bundle of the same period counts from there. A bundle of format 1.0 has no summary.
"""

from datetime import datetime

from sqlalchemy import func, select

from ..errors import Reason
from ..formats import format_count, format_date
from ..periods import Period
from ..safety import audit
from ..storage.models import AuditEvent
from ..text import nfc
from ..timestamps import local_day, parse_timestamp, timestamp
from . import format as fmt
from .strictjson import loads

EXPORT_ACTION = "export"
TABLES = ("activity", "document", "indicator_value", "narrative")
ACTIONS = ("insert", "update", "delete")
MAX_REOPENS = 50
MAX_WHO = 200
MAX_REASON = 2000
MAX_COUNT = 10**9


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)


def previous_export(engine, org_unit: str, period_code: str) -> datetime | None:
    table = AuditEvent.__table__
    with engine.connect() as connection:
        return connection.execute(
            select(func.max(table.c.at)).where(
                table.c.action == EXPORT_ACTION,
                table.c.table_name == "bulk",
                table.c.org_unit_code == org_unit,
                table.c.period == period_code,
            )
        ).scalar()


def build(engine, org_unit: str, period_code: str) -> dict:
    """The summary for the bundle about to be written. A year bundle counts the changes of the
    year's own values and of both half-years (its activities and documents are dated in them)."""
    since = previous_export(engine, org_unit, period_code)
    period = Period.parse(period_code)
    codes = [period_code] if period.half else [period_code, f"{period_code}H1", f"{period_code}H2"]
    found = [audit.summary(engine, org_unit, code, since=since) for code in codes]
    changes = {
        table: {action: sum(f["changes"].get(table, {}).get(action, 0) for f in found) for action in ACTIONS}
        for table in TABLES
    }
    reopened = []
    for event in sorted((e for f in found for e in f["reopened"]), key=lambda e: e["at"]):
        at = datetime.fromisoformat(event["at"])
        if since is not None and at.replace(tzinfo=None) <= since.replace(tzinfo=None):
            continue
        reopened.append(
            {"at": _stamp(at), "who": (event["who"] or "")[:MAX_WHO], "reason": (event["reason"] or "")[:MAX_REASON]}
        )
    return {"since": _stamp(since), "changes": changes, "reopened": reopened[-MAX_REOPENS:]}


def member_bytes(summary: dict) -> bytes:
    return fmt.canonical_json(summary)


def _count(value, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        raise Reason("{where} phải là số nguyên 0 … {MAX_COUNT}", where=where, MAX_COUNT=MAX_COUNT)
    return value


def parse(data: bytes) -> dict:
    """The member's bytes as a checked summary; ValueError (or JsonRefused) naming the field and rule."""
    value = loads(data)
    if not isinstance(value, dict) or set(value) != {"since", "changes", "reopened"}:
        raise Reason("phải là một đối tượng có đúng since, changes, reopened")
    since = value["since"]
    if since is not None:
        fmt.check_timestamp(since, "since")
    changes = value["changes"]
    if not isinstance(changes, dict) or set(changes) != set(TABLES):
        raise Reason('"changes" phải có đúng {TABLES}', TABLES=", ".join(TABLES))
    clean_changes = {}
    for table in TABLES:
        counts = changes[table]
        if not isinstance(counts, dict) or set(counts) != set(ACTIONS):
            raise Reason('"changes"."{table}" phải có đúng {ACTIONS}', table=table, ACTIONS=", ".join(ACTIONS))
        clean_changes[table] = {a: _count(counts[a], f'"changes"."{table}"."{a}"') for a in ACTIONS}
    reopened = value["reopened"]
    if not isinstance(reopened, list) or len(reopened) > MAX_REOPENS:
        raise Reason('"reopened" phải là một mảng tối đa {MAX_REOPENS} phần tử', MAX_REOPENS=MAX_REOPENS)
    clean_reopened = []
    for index, event in enumerate(reopened):
        where = f'"reopened"[{index}]'
        if not isinstance(event, dict) or set(event) != {"at", "who", "reason"}:
            raise Reason("{where} phải có đúng at, who, reason", where=where)
        fmt.check_timestamp(event["at"], f"reopened[{index}].at")
        for name, limit in (("who", MAX_WHO), ("reason", MAX_REASON)):
            if not isinstance(event[name], str) or len(event[name]) > limit:
                raise Reason('{where}."{name}" phải là chuỗi tối đa {limit} ký tự', where=where, name=name, limit=limit)
            fmt.check_text(event[name], f"reopened[{index}].{name}")
        clean_reopened.append({"at": event["at"], "who": nfc(event["who"]), "reason": nfc(event["reason"])})
    return {"since": since, "changes": clean_changes, "reopened": clean_reopened}


def totals(summary: dict) -> dict:
    """{"update": n, "insert": n, "delete": n} over every table."""
    return {action: sum(summary["changes"][t][action] for t in TABLES) for action in ACTIONS}


def _local_day(stamp: str) -> str:
    return format_date(local_day(parse_timestamp(stamp)))


def describe(summary: dict | None) -> str:
    """One Vietnamese line: "Thay đổi từ lần gửi trước (dd/mm/yyyy): 3 sửa, 1 thêm, 0 xóa; mở lại …"."""
    if summary is None:
        return "Gói không kèm tóm tắt thay đổi (định dạng 1.0)."
    total = totals(summary)
    counts = (
        f"{format_count(total['update'])} sửa, {format_count(total['insert'])} thêm, "
        f"{format_count(total['delete'])} xóa"
    )
    if summary["since"]:
        text = f"Thay đổi từ lần gửi trước ({_local_day(summary['since'])}): {counts}"
    else:
        text = f"Lần gửi đầu tiên của kỳ này: {counts}"
    for event in summary["reopened"]:
        who = f" ({event['who']})" if event["who"] else ""
        text += f"; mở lại kỳ ngày {_local_day(event['at'])}{who}, lý do: {event['reason'] or '—'}"
    return text + "."
