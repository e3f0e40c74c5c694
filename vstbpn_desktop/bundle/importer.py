"""Importing a verified bundle at the parent: what changes against what is held, then one transaction.

A bundle is a snapshot of the sender's data for a period. The import deletes what the parent holds
for that sender and period and inserts the bundle's records (records.delete_period_data and
records.insert_clean), and records the bundle in the ledger, all in ONE transaction: a refusal or a
crash leaves the data and the ledger exactly as before.

Ledger rules (docs/bundle-format.md, replay): a bundle's period touches each half-year inside it
(`2023` touches 2023H1 and 2023H2). For every half-year it touches, the highest sequence ever
imported from the sender for a period touching that half (the high-water mark) must be lower, or
equal for this very bundle: the bundle held again → "already received", nothing changes; held once
and lost by a restore → imported again; anything else → refused as a replay. A year bundle replaces
the sender's records of both halves, a half-year bundle its half only.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import and_, delete
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from ..domain.locks import ensure_unlocked_connection
from ..errors import Message, Refused
from ..periods import Period
from ..records import Detail, delete_period_data, detail_of, ensure_editable, insert_clean, stored_detail
from ..safety import audit, backup
from ..storage.database import hold_write_lock
from ..storage.models import Activity, Document, IndicatorValue, Narrative, now
from ..timestamps import local_date
from . import answer as answers
from . import format as fmt
from . import ledger, rotation, sealed
from .verify import BundleReader, Content, Progress

ID_CHUNK = 500


@dataclass
class Change:
    """What the bundle changes against what the parent holds for the sender and period."""

    indicators: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    unchanged_indicators: int = 0
    activities: dict[str, int] = field(default_factory=dict)  # added, removed, kept
    documents: dict[str, int] = field(default_factory=dict)
    narratives: dict[str, int] = field(default_factory=dict)  # added, removed, changed
    # The sender's comments and follow-up marks, beside their values: (code, value, comment, follow_up).
    notes: list[tuple[str, float, str, bool]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return (
            not self.indicators
            and not any(self.activities.get(k) or self.documents.get(k) for k in ("added", "removed"))
            and not any(self.narratives.values())
        )


# "imported"; "already" held (this very bundle); "dry-run" (checked, what it would change);
# "verified" (checked only, `bundle verify`).
ImportStatus = Literal["imported", "already", "dry-run", "verified"]


@dataclass
class ImportResult:
    path: Path
    manifest: fmt.Manifest
    status: ImportStatus
    change: Change | None = None
    received_at: datetime | None = None
    superseded_sequence: int | None = None
    audit: dict | None = None  # the report's audit summary (format 1.1), None for 1.0
    answer: dict | None = None  # an answer's answer.json (kind "answer")
    sealed: bool = False  # the file was encrypted to this unit (bundle/sealed.py)
    rotations: list[str] = field(default_factory=list)  # keys the sender rotated to, enrolled (or to be)

    @property
    def counts(self) -> dict:
        return self.manifest.counts


def _held(connection, sender: str, period: Period):
    def ids(table):
        return {
            row[0]
            for row in connection.execute(
                sa_select(table.c.id).where(
                    and_(table.c.org_unit_code == sender, table.c.date >= period.start, table.c.date <= period.end)
                )
            )
        }

    table = IndicatorValue.__table__
    values = {
        row.indicator_code: (row.value, detail_of(row))
        for row in connection.execute(
            sa_select(table.c.indicator_code, table.c.value, table.c.cells, table.c.comment, table.c.follow_up).where(
                table.c.org_unit_code == sender, table.c.period == period.code
            )
        )
    }
    texts = {
        section: text
        for section, text in connection.execute(
            sa_select(col(Narrative.section), col(Narrative.text)).where(
                col(Narrative.org_unit_code) == sender, col(Narrative.period) == period.code
            )
        )
    }
    return ids(Activity.__table__), ids(Document.__table__), values, texts


def difference(connection, sender: str, period: Period, content: Content) -> Change:
    activity_ids, document_ids, values, texts = _held(connection, sender, period)
    change = Change()
    for code in sorted(set(values) | set(content.indicators)):
        old, new = values.get(code, (None, None))[0], content.indicators.get(code)
        # A value whose breakdown, comment or mark changed is changed, whatever its total.
        if old == new and values[code][1] == content.details.get(code, Detail()):
            change.unchanged_indicators += 1
        else:
            change.indicators.append((code, old, new))

    def id_change(held: set, records: list[dict]) -> dict:
        incoming = {record["id"] for record in records}
        return {"added": len(incoming - held), "removed": len(held - incoming), "kept": len(incoming & held)}

    change.notes = [
        (code, content.indicators[code], detail.comment, detail.follow_up)
        for code, detail in sorted(content.details.items())
        if detail.comment or detail.follow_up
    ]
    change.activities = id_change(activity_ids, content.activities)
    change.documents = id_change(document_ids, content.documents)
    change.narratives = {
        "added": len(set(content.narratives) - set(texts)),
        "removed": len(set(texts) - set(content.narratives)),
        "changed": sum(1 for s in set(texts) & set(content.narratives) if texts[s] != content.narratives[s]),
    }
    return change


def _ledger_decision(connection, reader: BundleReader, manifest: fmt.Manifest):
    """Returns None to go on, or the ledger row when this very bundle is the one held ("already");
    raises Refused for a bundle that is stale for one of the half-years it touches (replay,
    docs/bundle-format.md) or whose bundle_id the ledger holds with other content."""
    marks = {
        half: ledger.high_water(connection, manifest.sender_org_unit, (half,))
        for half in ledger.touched_halves(manifest.period)
    }
    # Read in this order: outside a transaction each read sees the newest commit, so a bundle another
    # import has just landed is seen by `same` if its mark or its bundle_id was seen before it.
    id_held = ledger.has_bundle_id(connection, manifest.bundle_id)
    same = ledger.same_file(connection, manifest.sender_org_unit, reader.manifest_sha256)
    for half, held in marks.items():
        if held is None or held[0] < manifest.sequence:
            continue
        sequence, row = held
        if sequence == manifest.sequence and same is not None:
            continue  # this very bundle: held, or imported once and restored away (below)
        hint = (
            Message(
                "; gói ký bằng khóa khác với gói đang giữ: nếu đơn vị dùng khóa hoặc máy mới, đơn vị xuất lại gói "
                "với bundle export --sequence-from {next}, hoặc cấp trên trả lại gói đang giữ để sửa (tệp trả "
                "lời) và đơn vị nhập tệp đó rồi gửi lại: số thứ tự tiếp tục từ đó",
                next=sequence + 1,
            )
            if row.fingerprint != manifest.key_fingerprint
            else ""
        )
        raise reader.refuse(
            "số thứ tự {sequence} không lớn hơn số {sequence2} của gói kỳ {period} đã nhận cho nửa năm {half} "
            "(nhận ngày {received_at}); gói cũ gửi lại hoặc bị quay lui, từ chối (chống phát lại){hint}",
            member=fmt.MANIFEST,
            sequence=manifest.sequence,
            sequence2=sequence,
            period=row.period,
            half=half,
            received_at=local_date(row.received_at),
            hint=hint,
        )
    if same is not None:
        if same.current:
            return same
        return None  # held once, then lost by a restore: the newest bundle may come back
    if id_held:
        raise reader.refuse("mã gói (bundle_id) đã có trong sổ nhận với nội dung khác", fmt.MANIFEST)
    return None


def _check_report(profile, reader: BundleReader, manifest: fmt.Manifest) -> None:
    """A report comes from a unit below this one (never from the parent, whose key is enrolled
    for answers only) and is addressed to this very unit (not a sibling, not a unit below)."""
    below = profile.units_below()
    if manifest.sender_org_unit not in below or manifest.sender_org_unit == profile.org_unit_code:
        raise reader.refuse(
            "gói báo cáo của đơn vị {sender_org_unit}, không phải đơn vị cấp dưới của "
            "{org_unit_code} (khóa của cấp trên chỉ dùng cho tệp trả lời)",
            member=fmt.MANIFEST,
            sender_org_unit=manifest.sender_org_unit,
            org_unit_code=profile.org_unit_code,
        )
    if manifest.recipient_org_unit != profile.org_unit_code:
        raise reader.refuse(
            "gói gửi cho đơn vị {recipient_org_unit}, không phải đơn vị nhận {org_unit_code}",
            member=fmt.MANIFEST,
            recipient_org_unit=manifest.recipient_org_unit,
            org_unit_code=profile.org_unit_code,
        )


def _authenticated(profile, reader: BundleReader) -> tuple[fmt.Manifest, rotation.Lookup]:
    manifest, lookup = rotation.authenticate(profile, reader)  # and a rotation the bundle carries
    if manifest.sender_tree != profile.org_unit_tree:
        raise reader.refuse(
            "đơn vị gửi thuộc danh mục {sender_tree}, hồ sơ này dùng {org_unit_tree}",
            member=fmt.MANIFEST,
            sender_tree=manifest.sender_tree,
            org_unit_tree=profile.org_unit_tree,
        )
    if manifest.kind == fmt.KIND_CONFIG:
        raise reader.refuse(
            "là tệp cấu hình của cấp trên, không phải gói báo cáo; nhập bằng config import (Cấu hình từ tỉnh)",
            member=fmt.MANIFEST,
        )
    if manifest.kind == fmt.KIND_REPORT:
        _check_report(profile, reader, manifest)
    return manifest, lookup


def _import_answer(
    profile, reader: BundleReader, manifest: fmt.Manifest, path: Path, dry_run: bool, verify_only: bool = False
) -> ImportResult:
    found = answers.check(profile, reader, manifest)
    with profile.engine.connect() as connection:
        refusal = answers.ledger_refusal(connection, reader, manifest)
    if refusal is not None:
        raise refusal
    if verify_only or dry_run:
        return ImportResult(path, manifest, "verified" if verify_only else "dry-run", answer=found)
    stamp = answers.apply(profile, reader, manifest, found)
    return ImportResult(path, manifest, "imported", received_at=stamp, answer=found)


def import_bundle(profile, path: Path, dry_run: bool = False, progress: Progress | None = None) -> ImportResult:
    """Verify `path` against the trust register and import it (or only show what would change).
    An answer of the parent (kind "answer") is applied instead (bundle/answer.py). A sealed file is
    decrypted first (bundle/sealed.py); a key rotation it carries is enrolled with the import."""
    path = Path(path)
    with sealed.open_bundle(profile, path, progress) as reader:
        result = _import(profile, reader, path, dry_run, progress)
        result.sealed = reader.sealed
        return result


def _import(profile, reader: BundleReader, path: Path, dry_run: bool, progress: Progress | None) -> ImportResult:
    manifest, lookup = _authenticated(profile, reader)
    if manifest.kind == fmt.KIND_ANSWER:
        return _import_answer(profile, reader, manifest, path, dry_run)
    period = Period.parse(manifest.period)
    with profile.engine.connect() as connection:
        already = _ledger_decision(connection, reader, manifest)
    content = reader.content()
    summary = reader.audit_summary()
    if already is not None:
        held = json.loads(already.audit) if already.audit else None
        return ImportResult(path, manifest, "already", received_at=already.received_at, audit=held)
    sender = manifest.sender_org_unit
    if dry_run:
        with profile.engine.connect() as connection:
            change = difference(connection, sender, period, content)
        return ImportResult(path, manifest, "dry-run", change, audit=summary, rotations=rotation.describe(lookup.links))
    try:
        ensure_editable(profile.engine, period)
    except Refused as exc:
        raise Refused("gói {name}: {error}", name=path.name, error=exc) from None
    stamp = now()
    if progress:
        progress(0, 1, "sao lưu trước khi nhập")
    backup.before(profile, "bundle")
    if progress:
        progress(0, 1, "ghi vào cơ sở dữ liệu")
    try:
        with profile.engine.begin() as connection:
            hold_write_lock(connection, manifest.sender_org_unit)  # another import of this sender waits here
            lookup(manifest.key_fingerprint)  # revoked by a clerk meanwhile: refused
            # Re-checked inside the transaction: another import may have landed meanwhile (the same
            # bundle: "already", as if it had come first; a newer one: refused like any replay).
            landed = _ledger_decision(connection, reader, manifest)
            if landed is not None:
                return ImportResult(
                    path,
                    manifest,
                    "already",
                    received_at=landed.received_at,
                    audit=json.loads(landed.audit) if landed.audit else None,
                )
            try:
                ensure_unlocked_connection(connection, [period.code])
            except Refused as exc:
                raise Refused("gói {name}: {error}", name=path.name, error=exc) from None
            change = difference(connection, sender, period, content)
            previous = ledger.current_sequence(connection, sender, period)
            delete_period_data(connection, sender, period)
            _drop_moved_records(connection, sender, content)
            counts = insert_clean(
                connection,
                sender,
                manifest.sender_officer,
                activities=content.activities,
                documents=content.documents,
                indicator_values=[
                    (period.code, c, v, content.coverage.get(c, "own"), stored_detail(content.details.get(c)))
                    for c, v in content.indicators.items()
                ],
                narratives=[(period.code, s, t) for s, t in content.narratives.items()],
                stamp=stamp,
            )
            ledger.supersede(connection, sender, period)
            ledger.record(connection, manifest, reader.manifest_sha256, stamp, profile.author, summary)
            lookup.enrol(connection, manifest.sequence, profile.author)
            audit.record_bulk(
                connection,
                "bundle",
                sender,
                period.code,
                counts,
                who=profile.author,
                detail={"bundle": path.name, "sequence": manifest.sequence},
            )
    except IntegrityError:
        raise Refused(
            "gói {name}: mã bản ghi (id) trùng với bản ghi của đơn vị khác đang giữ; không nhập", name=path.name
        ) from None
    if progress:
        progress(1, 1, "xong")
    return ImportResult(
        path,
        manifest,
        "imported",
        change,
        received_at=stamp,
        superseded_sequence=previous,
        audit=summary,
        rotations=rotation.describe(lookup.links),
    )


def _drop_moved_records(connection, sender: str, content: Content) -> None:
    """A record the sender moved to this period from another one: its old copy goes (newest wins)."""
    for table, records in ((Activity.__table__, content.activities), (Document.__table__, content.documents)):
        if not records:
            continue
        # The sender's other periods are what is left after delete_period_data: only their ids can move
        # (read from an index; usually none match, so nothing is deleted record by record).
        left = set(connection.execute(sa_select(table.c.id).where(table.c.org_unit_code == sender)).scalars())
        ids = [record["id"] for record in records if record["id"] in left]
        for start in range(0, len(ids), ID_CHUNK):
            connection.execute(
                delete(table).where(table.c.org_unit_code == sender, table.c.id.in_(ids[start : start + ID_CHUNK]))
            )


def verify_bundle(profile, path: Path, progress: Progress | None = None) -> ImportResult:
    """Everything import checks, without touching the data: sender, period, sequence, counts."""
    path = Path(path)
    with sealed.open_bundle(profile, path, progress) as reader:
        manifest, lookup = _authenticated(profile, reader)
        if manifest.kind == fmt.KIND_ANSWER:
            result = _import_answer(profile, reader, manifest, path, dry_run=False, verify_only=True)
        else:
            with profile.engine.connect() as connection:
                already = _ledger_decision(connection, reader, manifest)  # a replay is refused as at import
            reader.content()
            summary = reader.audit_summary()
            if already is not None:
                result = ImportResult(path, manifest, "already", received_at=already.received_at, audit=summary)
            else:
                result = ImportResult(path, manifest, "verified", audit=summary)
        result.sealed, result.rotations = reader.sealed, rotation.describe(lookup.links)
    return result
