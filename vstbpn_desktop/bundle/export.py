"""Writing the signed bundle of the profile's own data for a period.

Rows are streamed from SQL straight into the zip members (no ORM object per row). The file goes
to a temporary file beside the target, is flushed and renamed (atomic.py), then read back and
verified with the profile's own public key before success is reported: USB sticks get pulled.
"""

import hashlib
import json
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from sqlalchemy import String, and_, cast
from sqlalchemy import select as sa_select
from sqlmodel import select

from .. import __version__
from ..atomic import OutputError, atomic_path, check_output
from ..errors import Refused
from ..periods import Period
from ..records import record_counts
from ..safety import audit
from ..storage.database import session_scope
from ..storage.models import Activity, Document, IndicatorValue, Narrative, now
from ..timestamps import timestamp
from . import audit_member, rotation, sealed
from . import format as fmt
from .keys import fingerprint_hex, load_private_key, own_encryption_key, raw_public
from .sequence import next_sequence
from .verify import BundleReader, Progress, SigningKey

CHUNK = 2000
# Rows written (and progress reported) at a time: the window's worker hands Python's lock to the GUI
# thread at its progress calls, and 2,000 rows between two of them froze the window for a few tenths
# of a second under load (bench/NOTES.md, "Event-loop stalls in the window").
BATCH = 250


@dataclass
class ExportResult:
    path: Path
    size: int
    fingerprint: str
    sequence: int
    bundle_id: str
    counts: dict
    audit: dict | None = None
    sealed_for: sealed.Recipient | None = None  # encrypted to the parent's key; None: unencrypted
    endorsements: int = 0  # key rotations the bundle carries (bundle/rotation.py)


def _rows(engine, org_unit: str, period: Period):
    """(member name, iterator of line strings, count query) per data member, streamed from SQL."""
    activity, document = Activity.__table__, Document.__table__

    def dated(table, columns):
        # The date as ISO text straight from the database: no date object per row.
        query = (
            sa_select(*(cast(table.c[c], String) if c == "date" else table.c[c] for c in columns))
            .where(
                and_(
                    table.c.org_unit_code == org_unit,
                    table.c.date >= period.start,
                    table.c.date <= period.end,
                )
            )
            .order_by(table.c.date)
        )  # the (org_unit_code, date) index: no sort step
        encode = fmt.record_line
        with engine.connect() as connection:
            result = connection.execution_options(yield_per=CHUNK).execute(query)
            for row in result:
                yield encode(dict(zip(columns, row, strict=True)))

    def activities():
        yield from dated(activity, fmt.FIELDS[fmt.ACTIVITIES])

    def documents():
        for line in dated(document, fmt.FIELDS[fmt.DOCUMENTS]):
            yield line.replace(',"direction":"issued"}\n', "}\n")  # the default is not written (format.py)

    def indicators():
        table = IndicatorValue.__table__
        columns = ("indicator_code", "value", "coverage", "cells", "comment", "follow_up")
        with engine.connect() as connection:
            rows = connection.execute(
                sa_select(*(table.c[name] for name in columns))
                .where(and_(table.c.org_unit_code == org_unit, table.c.period == period.code))
                .order_by(table.c.indicator_code)
            ).all()
        for code, value, coverage, cells, comment, follow_up in rows:
            line = {"indicator": code, "value": _number(value)}
            if coverage and coverage != "own":
                line["coverage"] = coverage
            if comment:
                line["comment"] = comment
            if follow_up:
                line["follow_up"] = 1
            yield fmt.record_line(line)
            # Its breakdown: one line per cell after the total (docs/bundle-format.md).
            for key, part in json.loads(cells).items() if cells else ():
                yield fmt.record_line({"indicator": code, "cell": key, "value": _number(part)})

    def narratives():
        with session_scope(engine) as session:
            rows = session.exec(
                select(Narrative.section, Narrative.text)
                .where(
                    Narrative.org_unit_code == org_unit,
                    Narrative.period == period.code,
                )
                .order_by(Narrative.section)
            ).all()
        for section, text in rows:
            yield fmt.record_line({"section": section, "text": text})

    return {
        fmt.ACTIVITIES: activities,
        fmt.DOCUMENTS: documents,
        fmt.INDICATORS: indicators,
        fmt.NARRATIVES: narratives,
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _zip_info(name: str, stamp) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16  # a regular file
    return info


@contextmanager
def bundle_file(out: Path, compresslevel: int | None = None):
    """The zip being written at `out` through atomic.py: whole, or nothing and a refusal."""
    try:
        with (
            atomic_path(out) as temp,
            zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as archive,
        ):
            yield archive
    except OutputError as exc:
        raise Refused(exc) from exc
    except OSError as exc:
        raise Refused("{out}: không ghi được ({error})", out=out, error=exc.strerror or exc) from exc


def seal(archive: zipfile.ZipFile, manifest: fmt.Manifest, fingerprint: str, private, stamp) -> None:
    """The last two members: the manifest, and the signature over its exact bytes."""
    manifest_bytes = fmt.canonical_json(manifest.as_json())
    archive.writestr(_zip_info(fmt.MANIFEST, stamp), manifest_bytes)
    archive.writestr(_zip_info(fmt.SIGNATURE, stamp), fmt.signature_member(fingerprint, private.sign(manifest_bytes)))


def _endorsements(archive: zipfile.ZipFile, profile, links: list[tuple[str, str]], stamp) -> fmt.MemberEntry:
    """key-endorsements.json (bundle/rotation.py): the chain to the signing key, and its encryption key."""
    data = rotation.member_bytes(links, own_encryption_key(profile))
    archive.writestr(_zip_info(fmt.ENDORSEMENTS, stamp), data)
    return fmt.MemberEntry(fmt.ENDORSEMENTS, len(data), hashlib.sha256(data).hexdigest())


def write_single(
    profile,
    private,
    kind: fmt.BundleKind,
    member: str,
    value: dict,
    recipient: str,
    period: str,
    out: Path,
    endorsements: list[tuple[str, str]] | None = None,
) -> fmt.Manifest:
    """A parent's small signed file — an answer, a configuration: one JSON `member` holding `value`,
    the next number of the unit's sequence, sealed with `private`; read back with the same reader as
    any bundle and checked before it counts. `endorsements`: the chain of the parent's key rotations
    (a configuration carries it to the units, format 1.2). Returns the manifest."""
    from .strictjson import loads

    fingerprint = fingerprint_hex(raw_public(private.public_key()))
    data = fmt.canonical_json(value)
    stamp = now().replace(microsecond=0)
    entries = [fmt.MemberEntry(member, len(data), hashlib.sha256(data).hexdigest())]
    manifest = fmt.Manifest(
        bundle_id=fmt.new_bundle_id(),
        kind=kind,
        sender_org_unit=profile.org_unit_code,
        sender_tree=profile.org_unit_tree,
        sender_officer=profile.author[:200],
        key_fingerprint=fingerprint,
        recipient_org_unit=recipient,
        sequence=next_sequence(profile),
        period=period,
        created_at=timestamp(stamp),
        app_version=__version__,
        counts={},
        members=(),
        format_minor=fmt.FORMAT_MINOR_ENDORSED if endorsements else fmt.FORMAT_MINOR,
    )
    with bundle_file(out) as archive:
        archive.writestr(_zip_info(member, stamp), data)
        if endorsements:
            entries.append(_endorsements(archive, profile, endorsements, stamp))
        manifest = replace(manifest, members=tuple(entries))
        seal(archive, manifest, fingerprint, private, stamp)
    own = SigningKey(private.public_key(), profile.org_unit_code)
    with BundleReader(out) as reader:
        entry = reader.authenticate(lambda _fingerprint: own).member(member)
        assert entry is not None, "manifest_from_json requires it of its kind"
        if loads(reader.member_bytes(entry)) != value:
            raise Refused("{out}: đọc lại tệp vừa ghi không khớp; hãy ghi lại vào chỗ khác", out=out)
    return manifest


def _batches(lines, size: int):
    while batch := list(islice(lines, size)):
        yield batch


def export_bundle(
    profile,
    period: Period,
    out: Path,
    passphrase: str,
    progress: Progress | None = None,
    sequence_from: int | None = None,
) -> ExportResult:
    """The signed bundle of the unit's `period` at `out`. Its sequence is the unit's next one, at least
    `sequence_from` (a new key or laptop continuing the unit's sequence: bundle/sequence.py). When the
    unit enrolled its parent's key file with an encryption key, the bundle is sealed to it
    (bundle/sealed.py): the signed zip is written and read back in the profile folder, then encrypted
    to `out`; it never lies unencrypted on the stick."""
    progress = progress or (lambda done, total, stage: None)
    out = Path(out)
    private = load_private_key(profile, passphrase)  # wrong passphrase: refused, nothing changed
    raw = raw_public(private.public_key())
    fingerprint = fingerprint_hex(raw)
    unit = profile.org_unit()
    if unit is None or not unit.parent_code:
        raise Refused(
            "đơn vị {org_unit_code} là cấp cao nhất trong danh mục: không có cấp trên để gửi báo cáo",
            org_unit_code=profile.org_unit_code,
        )
    try:
        check_output(out)  # before the work: not in a profile, in a folder that exists
    except OutputError as exc:
        raise Refused(exc) from exc
    recipient = sealed.parent_recipient(profile)
    endorsements = rotation.chain(profile, fingerprint)
    sequence = next_sequence(profile, sequence_from)
    with sealed.plain_target(profile, out, recipient) as target:
        manifest, counts, summary = _write(
            profile, period, target, private, fingerprint, unit.parent_code, sequence, endorsements, progress
        )
        if recipient is not None:
            progress(1, 1, "mã hóa gửi cấp trên")
            sealed.seal_file(target, out, recipient)
    # The next bundle of this period counts its audit summary from here.
    with profile.engine.begin() as connection:
        audit.record_bulk(
            connection,
            audit_member.EXPORT_ACTION,
            profile.org_unit_code,
            period.code,
            counts,
            who=profile.author,
            detail={"bundle_id": manifest.bundle_id, "sequence": sequence, "bundle": out.name},
        )
    progress(1, 1, "xong")
    return ExportResult(
        out,
        out.stat().st_size,
        fingerprint,
        sequence,
        manifest.bundle_id,
        counts,
        summary,
        sealed_for=recipient,
        endorsements=len(endorsements),
    )


def _write(profile, period, out: Path, private, fingerprint, parent_code, sequence, endorsements, progress):
    """The signed zip at `out`, read back and verified: (manifest, counts, audit summary)."""
    expected = record_counts(profile.engine, [profile.org_unit_code], period)
    total = sum(expected.values()) or 1
    summary = audit_member.build(profile.engine, profile.org_unit_code, period.code)
    summary_bytes = audit_member.member_bytes(summary)
    stamp = now().replace(microsecond=0)
    members, counts = [], {}
    done = 0
    progress(0, total, "ghi gói")
    with bundle_file(out, compresslevel=6) as archive:
        for name, lines in _rows(profile.engine, profile.org_unit_code, period).items():
            digest, length, count = hashlib.sha256(), 0, 0
            with archive.open(_zip_info(name, stamp), "w") as stream:
                for batch in _batches(lines(), BATCH):
                    data = "".join(batch).encode("utf-8")
                    stream.write(data)
                    digest.update(data)
                    length += len(data)
                    count += len(batch)
                    done += len(batch)
                    progress(done, total, "ghi gói")
            members.append(fmt.MemberEntry(name, length, digest.hexdigest()))
            counts[fmt.COUNT_NAMES[name]] = count
        archive.writestr(_zip_info(fmt.AUDIT, stamp), summary_bytes)
        members.append(fmt.MemberEntry(fmt.AUDIT, len(summary_bytes), hashlib.sha256(summary_bytes).hexdigest()))
        if endorsements:
            members.append(_endorsements(archive, profile, endorsements, stamp))
        manifest = fmt.Manifest(
            bundle_id=fmt.new_bundle_id(),
            kind=fmt.KIND_REPORT,
            sender_org_unit=profile.org_unit_code,
            sender_tree=profile.org_unit_tree,
            sender_officer=profile.author[:200],
            key_fingerprint=fingerprint,
            recipient_org_unit=parent_code,
            sequence=sequence,
            period=period.code,
            created_at=timestamp(stamp),
            app_version=__version__,
            counts=counts,
            members=tuple(members),
            format_minor=fmt.FORMAT_MINOR_ENDORSED if endorsements else fmt.FORMAT_MINOR,
        )
        seal(archive, manifest, fingerprint, private, stamp)
    # Read back what is on the disk and verify it exactly as the parent will.
    progress(done, total, "đọc lại và kiểm tra")
    # The records came from our own validated database: the read-back checks the container, the
    # signature, every member's length, SHA-256 and line count (what a pulled stick would break).
    own = SigningKey(private.public_key(), profile.org_unit_code)
    with BundleReader(out) as reader:
        read_manifest = reader.authenticate(lambda _fingerprint: own)
        held = {
            fmt.COUNT_NAMES[entry.name]: reader.check_member(entry)
            for entry in read_manifest.members
            if entry.name in fmt.COUNT_NAMES
        }
        held_summary = reader.audit_summary()
    if read_manifest.bundle_id != manifest.bundle_id or held != counts or held_summary != summary:
        raise Refused("{out}: đọc lại gói vừa ghi không khớp; hãy ghi lại vào chỗ khác", out=out)
    return manifest, counts, summary
