"""Return for correction: the parent's small signed answer (kind "answer", docs/bundle-format.md §10).

At the parent, `write_return` writes a `.vstb` of kind "answer" holding manifest.json, manifest.sig
(signed by the parent's own key) and answer.json (which child, which period, which of its bundles is
returned and why). At the child, `apply` — reached through `importer.import_bundle`, which
authenticated the file against the trust register — records `returned_at`/`returned_reason` on the
period and reopens it if it was locked, in one transaction. An answer is applied once: its manifest
SHA-256 and the parent's sequence are kept in the child's ledger (kind "answer").
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from ..atomic import OutputError, check_output
from ..errors import Message, Reason, Refused
from ..periods import Period
from ..safety import audit
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import ReportingPeriod, now
from ..text import nfc
from ..timestamps import local_date, timestamp
from . import format as fmt
from . import ledger, sealed
from .keys import load_private_key
from .sequence import raise_to
from .strictjson import loads
from .verify import BundleReader

ACTION_RETURN = "return"
MAX_REASON = 2000
ANSWER_FIELDS = ("action", "org_unit", "period", "bundle_id", "bundle_sequence", "reason", "returned_by", "returned_at")
REOPEN_PREFIX = "Cấp trên trả lại để sửa: "


@dataclass
class ReturnResult:
    path: Path
    size: int
    sequence: int
    bundle_id: str
    answer: dict
    sealed_for: sealed.Recipient | None = None  # encrypted to the child's key; None: unencrypted


def clean_reason(reason: str | None) -> str:
    text = (nfc(reason or "") or "").strip()
    if not text:
        raise Refused("trả lại để sửa: cần ghi lý do (--reason)")
    if len(text) > MAX_REASON:
        raise Refused(
            "trả lại để sửa: lý do dài {length} ký tự, tối đa {MAX_REASON}", length=len(text), MAX_REASON=MAX_REASON
        )
    return text


def parse(data: bytes) -> dict:
    """answer.json as a checked dict; ValueError naming the field and the rule."""
    value = loads(data)
    if not isinstance(value, dict) or set(value) != set(ANSWER_FIELDS):
        raise Reason("phải là một đối tượng có đúng {ANSWER_FIELDS}", ANSWER_FIELDS=", ".join(ANSWER_FIELDS))
    if value["action"] != ACTION_RETURN:
        raise Reason('"action" phải là "{ACTION_RETURN}"', ACTION_RETURN=ACTION_RETURN)
    for name in ("org_unit", "period", "bundle_id", "reason", "returned_by", "returned_at"):
        if not isinstance(value[name], str):
            raise Reason('"{name}" phải là chuỗi', name=name)
    sequence = value["bundle_sequence"]
    if not isinstance(sequence, int) or isinstance(sequence, bool) or not 1 <= sequence <= 2**53:
        raise Reason('"bundle_sequence" phải là số nguyên dương')
    if not fmt.UUID_TEXT.fullmatch(value["bundle_id"]):
        raise Reason('"bundle_id" phải là UUID viết thường')
    fmt.check_timestamp(value["returned_at"], "returned_at")
    for name in ("reason", "returned_by"):
        fmt.check_text(value[name], name)
    reason = (nfc(value["reason"]) or "").strip()
    if not reason or len(reason) > MAX_REASON:
        raise Reason('"reason" phải khác rỗng, tối đa {MAX_REASON} ký tự', MAX_REASON=MAX_REASON)
    if len(value["returned_by"]) > 200:
        raise Reason('"returned_by" dài quá 200 ký tự')
    return {**value, "reason": reason, "returned_by": nfc(value["returned_by"])}


# -- at the parent ----------------------------------------------------------------------------


def write_return(profile, child: str, period: Period, reason: str, out: Path, passphrase: str) -> ReturnResult:
    """Write the signed answer returning `child`'s report of `period` for correction."""
    from .export import write_single  # lazy: keeps the export code out of the window's start

    reason = clean_reason(reason)
    child = (child or "").strip()
    out = Path(out)
    held = ledger.holding(profile, child, period)  # a half-year held by a year bundle: that bundle
    if held is None:
        raise Refused(
            "chưa nhận báo cáo kỳ {code} của đơn vị {child}: không có gói nào để trả lại", code=period.code, child=child
        )
    try:
        check_output(out)  # before the work: not in a profile, in a folder that exists
    except OutputError as exc:
        raise Refused(exc) from exc
    private = load_private_key(profile, passphrase)  # wrong passphrase: refused, nothing changed
    answer = {
        "action": ACTION_RETURN,
        "org_unit": child,
        "period": period.code,
        "bundle_id": held.bundle_id,
        "bundle_sequence": held.sequence,
        "reason": reason,
        "returned_by": profile.author[:200],
        "returned_at": timestamp(now()),
    }
    recipient = sealed.recipient_for(profile, child)  # the child's encryption key, when its key file carried one
    with sealed.plain_target(profile, out, recipient) as target:
        manifest = write_single(profile, private, fmt.KIND_ANSWER, fmt.ANSWER, answer, child, period.code, target)
        if recipient is not None:
            sealed.seal_file(target, out, recipient)
    sequence = manifest.sequence
    with profile.engine.begin() as connection:
        audit.record_bulk(
            connection,
            "return",
            child,
            period.code,
            {},
            who=profile.author,
            reason=reason,
            detail={
                "bundle_id": held.bundle_id,
                "sequence": held.sequence,
                "answer": out.name,
                "answer_sequence": sequence,
            },
        )
    return ReturnResult(out, out.stat().st_size, sequence, manifest.bundle_id, answer, sealed_for=recipient)


def returns_made(engine, child: str | None = None) -> list[dict]:
    """The answers this unit wrote, newest last (from its audit trail)."""
    return [
        event for event in audit.events(engine, org_unit_code=child, action="return") if event["table_name"] == "bulk"
    ]


# -- at the child -------------------------------------------------------------------------------


def check(profile, reader: BundleReader, manifest: fmt.Manifest) -> dict:
    """Everything about an authenticated answer except the ledger: sender, recipient, member."""
    unit = profile.org_unit()
    parent = unit.parent_code if unit else None
    if manifest.sender_org_unit != parent:
        raise reader.refuse(
            "tệp trả lời do đơn vị {sender_org_unit} ký; chỉ chấp nhận trả lời của đơn vị cấp trên {parent}",
            member=fmt.MANIFEST,
            sender_org_unit=manifest.sender_org_unit,
            parent=parent or Message("(không có)"),
        )
    if manifest.recipient_org_unit != profile.org_unit_code:
        raise reader.refuse(
            "tệp trả lời gửi cho đơn vị {recipient_org_unit}, không phải {org_unit_code}",
            member=fmt.MANIFEST,
            recipient_org_unit=manifest.recipient_org_unit,
            org_unit_code=profile.org_unit_code,
        )
    entry = manifest.member(fmt.ANSWER)
    assert entry is not None, "manifest_from_json requires it of an answer"
    try:
        answer = parse(reader.member_bytes(entry))
    except ValueError as exc:
        raise reader.refuse("không hợp lệ: {error}", member=fmt.ANSWER, error=exc) from None
    if answer["org_unit"] != manifest.recipient_org_unit or answer["period"] != manifest.period:
        raise reader.refuse("đơn vị hoặc kỳ trong answer.json khác với manifest", fmt.ANSWER)
    return answer


def ledger_refusal(connection, reader: BundleReader, manifest: fmt.Manifest):
    """A Refused for an answer seen before (applied once) or older than one applied; else None."""
    same = ledger.same_file(connection, manifest.sender_org_unit, reader.manifest_sha256)
    if same is not None:
        return reader.refuse(
            "tệp trả lời này đã được áp dụng ngày {received_at}; một trả lời chỉ áp dụng một lần (chống phát lại)",
            member=fmt.MANIFEST,
            received_at=local_date(same.received_at),
        )
    newest = ledger.newest_answer(connection, manifest.sender_org_unit)
    if newest is not None and manifest.sequence <= newest:
        return reader.refuse(
            "số thứ tự {sequence} không lớn hơn số {newest} của trả lời đã áp dụng; tệp cũ gửi lại, "
            "từ chối (chống phát lại)",
            member=fmt.MANIFEST,
            sequence=manifest.sequence,
            newest=newest,
        )
    if ledger.has_bundle_id(connection, manifest.bundle_id):
        return reader.refuse("mã gói (bundle_id) đã có trong sổ nhận", fmt.MANIFEST)
    return None


def apply(profile, reader: BundleReader, manifest: fmt.Manifest, answer: dict) -> datetime:
    """Record the return on the period and reopen it if locked; one transaction. Returns the moment."""
    stamp = now()
    reason = answer["reason"]
    with session_scope(profile.engine) as session:
        hold_write_lock(session.connection())  # a second apply of the same answer waits, then is refused
        refusal = ledger_refusal(session.connection(), reader, manifest)
        if refusal is not None:
            raise refusal
        session.info["audit_reason"] = REOPEN_PREFIX + reason
        row = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == manifest.period)).first()
        if row is None:
            row = ReportingPeriod(code=manifest.period, author=profile.author)
        was_locked = row.locked_at is not None
        row.returned_at, row.returned_reason = stamp, reason
        row.locked_at, row.locked_by, row.updated_at = None, None, stamp
        session.add(row)
        session.flush()
        connection = session.connection()
        ledger.record(connection, manifest, reader.manifest_sha256, stamp, profile.author, answer)
        # The parent holds our bundle of this number: ours continue above it, even from a new key or laptop.
        raise_to(connection, profile, answer["bundle_sequence"])
        audit.record_bulk(
            connection,
            "returned",
            profile.org_unit_code,
            manifest.period,
            {},
            who=profile.author,
            reason=reason,
            detail={
                "from": manifest.sender_org_unit,
                "sequence": manifest.sequence,
                "bundle_id": answer["bundle_id"],
                "was_locked": was_locked,
            },
        )
    return stamp


def returned_state(engine, period: Period) -> tuple[datetime, str] | None:
    """(when, reason) if the parent returned this period and it has not been locked again since."""
    with session_scope(engine) as session:
        row = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == period.code)).first()
        if row is None or row.returned_at is None:
            return None
        returned = row.returned_at.replace(tzinfo=None)
        if row.locked_at is not None and row.locked_at.replace(tzinfo=None) > returned:
            return None
        return row.returned_at, row.returned_reason or ""
