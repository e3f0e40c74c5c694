"""Configuration files from the province (kind "config", a `.vstc`; docs/bundle-format.md §11).

At the parent, `export_config` writes the container of every bundle — manifest.json, manifest.sig
signed by the parent's own key, and one member config.json — holding the parent's whole
configuration for its units: the indicators it added (and retired), the national ones it retired,
its own targets with the decision that set them, the deadline of each period, and the keys it has
revoked among its units. The manifest's sequence is the parent's (as for its answers).

At the unit, `import_config` authenticates the file against the trust register (the parent's key,
enrolled with `trust add` and its fingerprint compared by phone), refuses any other sender, a
replay (the same file again) and a rollback (a sequence not above the last one applied), shows
what changes (`ConfigResult.changes`) and applies everything in one transaction, or nothing.
A configuration is a snapshot: what it leaves out of the last one goes (the province's indicators
with values are retired, never deleted).
"""

import base64
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlmodel import col, select

from ..atomic import OutputError, check_output
from ..domain import indicators as catalogue_state
from ..errors import Message, Reason, Refused
from ..files import not_a_file
from ..periods import Period
from ..safety import audit
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import TrustedKey, now
from ..timestamps import local_date, timestamp
from . import format as fmt
from . import ledger, rotation, sealed
from .keys import META_PUBLIC_KEY, fingerprint_hex, load_private_key, raw_public, spaced
from .strictjson import loads
from .verify import BundleReader

CONFIG_FIELDS = ("indicators", "retire", "targets", "deadlines", "revoked_keys", "issued_by", "issued_at")
EXTENSION = ".vstc"
# What the ledger keeps of an applied configuration (its `audit` column): the file's config.json
# and the lines of what it changed here, as message templates and fields (shown again, translated).
CONFIG_KEY, CHANGES_KEY = "config", "changes"


@dataclass
class ConfigResult:
    path: Path
    status: str  # "exported" | "dry-run" | "imported" | "unchanged"
    sender: str = ""
    sequence: int = 0
    changes: list[Message] = field(default_factory=list)
    received_at: datetime | None = None
    config: dict = field(default_factory=dict)
    endorsements: int = 0  # exported: the key rotations the file carries to the units
    lost_key: bool = False  # exported: signed by a key made after a lost one, which no endorsement carries


# -- the member ---------------------------------------------------------------------------------


def parse(data: bytes, catalogue) -> tuple[dict, catalogue_state.Entries]:
    """config.json checked: (the dict, its catalogue entries); Reason naming the field and the rule."""
    value = loads(data)
    if not isinstance(value, dict) or set(value) != set(CONFIG_FIELDS):
        raise Reason("phải là một đối tượng có đúng {fields}", fields=", ".join(CONFIG_FIELDS))
    entries = catalogue_state.check_entries(
        {"indicators": value["indicators"], "retire": value["retire"], "targets": value["targets"]}, catalogue
    )
    deadlines = value["deadlines"]
    if not isinstance(deadlines, dict):
        raise Reason('"deadlines" phải là đối tượng JSON: mã kỳ → ngày "YYYY-MM-DD"')
    for code, day in deadlines.items():
        try:
            if Period.parse(code).code != code or not fmt.ISO_DATE.fullmatch(day):
                raise ValueError
            date.fromisoformat(day)
        except (ValueError, TypeError):
            raise Reason('"deadlines": {code}: cần mã kỳ (2026H1) và ngày YYYY-MM-DD', code=code) from None
    keys = value["revoked_keys"]
    if not isinstance(keys, list):
        raise Reason('"revoked_keys" phải là danh sách')
    for index, key in enumerate(keys):
        if (
            not isinstance(key, dict)
            or set(key) != {"fingerprint", "org_unit", "revoked_at"}
            or not isinstance(key["fingerprint"], str)
            or not isinstance(key["org_unit"], str)
        ):
            raise Reason('"revoked_keys"[{index}] phải có đúng fingerprint, org_unit, revoked_at', index=index)
        if not re.fullmatch(r"[0-9A-F]{32}", key["fingerprint"]) or not re.fullmatch(r"[0-9]{1,10}", key["org_unit"]):
            raise Reason('"revoked_keys"[{index}]: vân tay 32 chữ số hex viết hoa, mã đơn vị bằng số', index=index)
        fmt.check_timestamp(key["revoked_at"], "revoked_at")
    if not isinstance(value["issued_by"], str) or len(value["issued_by"]) > 200:
        raise Reason('"issued_by" phải là chuỗi tối đa 200 ký tự')
    fmt.check_text(value["issued_by"], "issued_by")
    fmt.check_timestamp(value["issued_at"], "issued_at")
    return value, entries


# -- at the parent ------------------------------------------------------------------------------


def current_config(profile) -> dict:
    """The parent's configuration for its units, as config.json carries it."""
    from .status import deadlines

    entries = catalogue_state.province_entries(profile.engine)
    with session_scope(profile.engine) as session:
        revoked = session.exec(
            select(TrustedKey).where(col(TrustedKey.revoked_at).is_not(None)).order_by(TrustedKey.fingerprint)
        ).all()
    return {
        "indicators": entries.indicators,
        "retire": entries.retire,
        "targets": entries.targets,
        "deadlines": {code: day.isoformat() for code, day in sorted(deadlines(profile).items())},
        "revoked_keys": [
            {"fingerprint": row.fingerprint, "org_unit": row.org_unit_code, "revoked_at": timestamp(row.revoked_at)}
            for row in revoked
            if row.revoked_at is not None
        ],
        "issued_by": profile.author[:200],
        "issued_at": timestamp(now()),
    }


def export_config(profile, out: Path, passphrase: str) -> ConfigResult:
    """Write the signed configuration file for the units below this one."""
    from .export import write_single  # lazy: keeps the export code out of the window's start

    out = Path(out)
    if not profile.children():
        raise Refused(
            "đơn vị {org_unit_code} không có đơn vị cấp dưới: không có ai nhận tệp cấu hình",
            org_unit_code=profile.org_unit_code,
        )
    try:
        check_output(out)
    except OutputError as exc:
        raise Refused(exc) from exc
    private = load_private_key(profile, passphrase)  # wrong passphrase: refused, nothing changed
    config = current_config(profile)
    code = profile.org_unit_code  # the recipient: every unit below the sender
    # The parent's own key rotations, for its units to enrol the new key (docs/bundle-format.md §17).
    links = rotation.chain(profile, fingerprint_hex(raw_public(private.public_key())))
    year = str(date.today().year)
    manifest = write_single(profile, private, fmt.KIND_CONFIG, fmt.CONFIG, config, code, year, out, links)
    sequence = manifest.sequence
    with profile.engine.begin() as connection:
        audit.record_bulk(
            connection,
            "config_export",
            profile.org_unit_code,
            None,
            {},
            who=profile.author,
            detail={"file": out.name, "sequence": sequence},
        )
    made = {row.fingerprint: row.reason for row in rotation.history(profile)}
    lost = made.get(manifest.key_fingerprint) == "lost"
    return ConfigResult(
        out, "exported", profile.org_unit_code, sequence, config=config, endorsements=len(links), lost_key=lost
    )


# -- at the unit --------------------------------------------------------------------------------


def _claimed_kind(reader: BundleReader) -> str | None:
    """The kind the (not yet verified) manifest names: only to say "this is a report, not a
    configuration" instead of an unknown key."""
    try:
        value = json.loads(reader.read_member(fmt.MANIFEST, fmt.MAX_MANIFEST_BYTES))
        kind = value.get("kind")
    except (Refused, ValueError, AttributeError, RecursionError):
        return None
    return kind if kind in (fmt.KIND_REPORT, fmt.KIND_ANSWER) else None


def _check(profile, reader: BundleReader) -> tuple[fmt.Manifest, dict, catalogue_state.Entries, rotation.Lookup]:
    claimed = _claimed_kind(reader)
    if claimed is not None:
        raise reader.refuse(
            'là gói loại "{kind}", không phải tệp cấu hình (.vstc) của cấp trên; gói báo cáo nhập bằng bundle import',
            member=fmt.MANIFEST,
            kind=claimed,
        )
    manifest, lookup = rotation.authenticate(profile, reader)  # and the parent's key rotations it carries
    if manifest.kind != fmt.KIND_CONFIG:
        raise reader.refuse(
            'là gói loại "{kind}", không phải tệp cấu hình (.vstc) của cấp trên',
            member=fmt.MANIFEST,
            kind=manifest.kind,
        )
    unit = profile.org_unit()
    parent = unit.parent_code if unit else None
    if manifest.sender_org_unit != parent or manifest.sender_tree != profile.org_unit_tree:
        raise reader.refuse(
            "tệp cấu hình của đơn vị {sender} ({tree}); chỉ nhận cấu hình của đơn vị cấp trên {parent}",
            member=fmt.MANIFEST,
            sender=manifest.sender_org_unit,
            tree=manifest.sender_tree,
            parent=parent or Message("(không có)"),
        )
    if manifest.recipient_org_unit != manifest.sender_org_unit:
        raise reader.refuse("tệp cấu hình phải gửi cho các đơn vị của chính đơn vị ký", member=fmt.MANIFEST)
    try:
        entry = manifest.member(fmt.CONFIG)
        assert entry is not None, "manifest_from_json requires it of a configuration"
        config, entries = parse(reader.member_bytes(entry), catalogue_state.stored(profile.engine))
    except ValueError as exc:
        raise reader.refuse("không hợp lệ: {error}", member=fmt.CONFIG, error=exc) from None
    return manifest, config, entries, lookup


def _rotation_changes(lookup: rotation.Lookup) -> list[Message]:
    """The parent's new keys a file's endorsements enrol here, and its new encryption key."""
    from ..formats import format_date

    lines = [
        Message(
            "khóa ký mới của cấp trên {org_unit}: {old} → {new} (đổi khóa ngày {day}); khóa cũ chỉ còn dùng để "
            "kiểm tra các tệp trước đó",
            org_unit=link.org_unit,
            old=spaced(link.old_fingerprint),
            new=spaced(link.new_fingerprint),
            day=format_date(date.fromisoformat(link.endorsed_at[:10])),
        )
        for link in lookup.links
    ]
    if lookup.links and lookup.encryption_key:
        lines.append(
            Message(
                "gói gửi lên cấp trên từ nay được mã hóa bằng khóa mã hóa mới {fingerprint}",
                fingerprint=spaced(fingerprint_hex(base64.b64decode(lookup.encryption_key))),
            )
        )
    return lines


def _ledger_refusal(connection, reader: BundleReader, manifest: fmt.Manifest) -> Refused | None:
    """A Refused for a configuration applied before (replay) or not newer than the last one applied
    from its sender (rollback); else None."""
    same = ledger.same_file(connection, manifest.sender_org_unit, reader.manifest_sha256)
    if same is not None:
        return reader.refuse(
            "tệp cấu hình này đã được áp dụng ngày {received_at}; mỗi tệp chỉ áp dụng một lần (chống phát lại)",
            member=fmt.MANIFEST,
            received_at=local_date(same.received_at),
        )
    newest = ledger.newest_of_kind(connection, manifest.sender_org_unit, fmt.KIND_CONFIG)
    if newest is not None and manifest.sequence <= newest.sequence:
        return reader.refuse(
            "số thứ tự {sequence} không lớn hơn số {newest} của tệp cấu hình đã áp dụng ngày {received_at}; "
            "tệp cũ hơn, từ chối (không quay lui cấu hình)",
            member=fmt.MANIFEST,
            sequence=manifest.sequence,
            newest=newest.sequence,
            received_at=local_date(newest.received_at),
        )
    if ledger.has_bundle_id(connection, manifest.bundle_id):
        return reader.refuse("mã gói (bundle_id) đã có trong sổ nhận", fmt.MANIFEST)
    return None


def _other_changes(profile, config: dict, previous: dict | None) -> list[Message]:
    from ..formats import format_date

    lines = []
    before = (previous or {}).get("deadlines", {})
    for code, day in sorted(config["deadlines"].items()):
        if before.get(code) != day:
            lines.append(
                Message("hạn nộp báo cáo kỳ {code}: {day}", code=code, day=format_date(date.fromisoformat(day)))
            )
    for code in sorted(set(before) - set(config["deadlines"])):
        lines.append(Message("bỏ hạn nộp báo cáo kỳ {code}", code=code))
    own_key = profile.meta.get(META_PUBLIC_KEY)
    own = fingerprint_hex(base64.b64decode(own_key)) if own_key else None
    with session_scope(profile.engine) as session:
        for key in config["revoked_keys"]:
            row = session.get(TrustedKey, key["fingerprint"])
            if row is not None and row.revoked_at is not None:
                continue
            if key["org_unit"] == profile.org_unit_code or key["fingerprint"] == own:
                lines.append(
                    Message(
                        "cấp trên đã thu hồi khóa {fingerprint} của chính đơn vị này: hãy tạo khóa mới",
                        fingerprint=spaced(key["fingerprint"]),
                    )
                )
            else:
                lines.append(
                    Message(
                        "thu hồi khóa {fingerprint} của đơn vị {org_unit}",
                        fingerprint=spaced(key["fingerprint"]),
                        org_unit=key["org_unit"],
                    )
                )
    return lines


def _revoke(session, config: dict, by: str) -> None:
    for key in config["revoked_keys"]:
        row = session.get(TrustedKey, key["fingerprint"])
        if row is None:
            # Never enrolled here: kept revoked, so that it cannot be enrolled later (trust add refuses).
            row = TrustedKey(fingerprint=key["fingerprint"], org_unit_code=key["org_unit"], public_key="")
        elif row.revoked_at is not None:
            continue
        row.revoked_at, row.revoked_by = fmt.check_timestamp(key["revoked_at"], "revoked_at"), by[:200]
        session.add(row)


def import_config(profile, path: Path, dry_run: bool = False) -> ConfigResult:
    """Verify a configuration file and apply it all or nothing (or only say what would change)."""
    path = Path(path)
    refusal = sealed.not_a_configuration(profile, path)
    if refusal is not None:
        raise refusal
    with BundleReader(path) as reader:
        manifest, config, entries, lookup = _check(profile, reader)
        with profile.engine.connect() as connection:
            refusal = _ledger_refusal(connection, reader, manifest)
            previous = ledger.newest_of_kind(connection, manifest.sender_org_unit, fmt.KIND_CONFIG)
        if refusal is not None:
            raise refusal
        previous_config = json.loads(previous.audit)[CONFIG_KEY] if previous is not None else None
        sender = manifest.sender_org_unit
        changes = _rotation_changes(lookup) + catalogue_state.changes(profile.engine, entries, sender, replace=True)
        changes += _other_changes(profile, config, previous_config)
        result = ConfigResult(path, "dry-run", sender, manifest.sequence, changes, config=config)
        if dry_run:
            return result
        from ..safety.backup import before

        before(profile, "config")
        stamp = now()
        by = Message("cấu hình của đơn vị {sender}, số {sequence}", sender=sender, sequence=manifest.sequence)
        with session_scope(profile.engine) as session:
            connection = session.connection()
            hold_write_lock(connection)
            refusal = _ledger_refusal(connection, reader, manifest)  # another import may have landed meanwhile
            if refusal is not None:
                raise refusal
            lookup(manifest.key_fingerprint)  # followed afresh: revoked, or enrolled, meanwhile
            lookup.enrol(connection, manifest.sequence, profile.author)
            catalogue_state.apply_entries(session, entries, sender, replace=True)
            _revoke(session, config, str(by))
            session.flush()
            lines = [[line.template, line.fields] for line in changes]
            ledger.record(
                connection,
                manifest,
                reader.manifest_sha256,
                stamp,
                profile.author,
                {CONFIG_KEY: config, CHANGES_KEY: lines},
            )
            audit.record_bulk(
                connection,
                "config",
                profile.org_unit_code,
                None,
                {},
                who=profile.author,
                detail={
                    "from": sender,
                    "sequence": manifest.sequence,
                    "file": path.name,
                    "changes": len(changes),
                    "rotations": len(lookup.links),
                },
            )
    catalogue_state.install(profile.engine)
    result.status, result.received_at = "imported", stamp
    return result


# -- what the unit has received -----------------------------------------------------------------


@dataclass
class Received:
    sender: str
    sequence: int
    created_at: datetime | None
    received_at: datetime
    received_by: str
    changes: list[Message]
    config: dict


def received(profile) -> list[Received]:
    """The configurations applied here, the last applied first."""
    result = []
    for row in ledger.of_kind(profile, fmt.KIND_CONFIG):
        held = json.loads(row.audit)
        result.append(
            Received(
                row.sender_org_unit,
                row.sequence,
                row.created_at,
                row.received_at,
                row.received_by,
                [Message(template, **fields) for template, fields in held[CHANGES_KEY]],
                held[CONFIG_KEY],
            )
        )
    return result


def province_deadlines(profile) -> dict[str, date]:
    """The deadlines of the last configuration applied: {period code: day}."""
    newest = received(profile)
    if not newest:
        return {}
    return {code: date.fromisoformat(day) for code, day in newest[0].config.get("deadlines", {}).items()}


# -- the province's catalogue file --------------------------------------------------------------

MAX_CATALOGUE_BYTES = 1024 * 1024


def read_catalogue_file(path: Path, catalogue) -> catalogue_state.Entries:
    """A catalogue file (the resources/indicators.json shape, plus "retire" and "targets"), read
    with the bundles' strict JSON rules and checked whole against the profile's `catalogue`."""
    path = Path(path)
    problem = not_a_file(path)
    if problem is not None:
        raise Refused("{name}: {problem}", name=path.name, problem=problem)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_CATALOGUE_BYTES + 1)
    except OSError as exc:
        raise Refused("{name}: không đọc được tệp ({error})", name=path.name, error=exc.strerror) from None
    if len(data) > MAX_CATALOGUE_BYTES:
        raise Refused("{name}: tệp danh mục lớn hơn 1 MiB", name=path.name)
    try:
        return catalogue_state.check_entries(loads(data), catalogue)
    except ValueError as exc:
        raise Refused("{name}: {error}", name=path.name, error=exc) from None


def import_catalogue(profile, path: Path, dry_run: bool = False) -> list[Message]:
    """`catalogue import FILE.json` at the province: add or retire indicators and set its targets,
    all or nothing; the next configuration file carries them down."""
    engine = profile.engine
    entries = read_catalogue_file(path, catalogue_state.stored(engine))
    lines = catalogue_state.changes(engine, entries, profile.org_unit_code)
    if dry_run or not lines:
        return lines
    with session_scope(engine) as session:
        catalogue_state.apply_entries(session, entries, profile.org_unit_code)
    catalogue_state.install(engine)
    return lines
