"""The parent's register of child keys: a key speaks for the one unit it is enrolled for."""

import base64
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from ..errors import Message, Refused
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import TrustedKey, now
from ..timestamps import local_time
from . import format as fmt
from . import sealed
from .keys import (
    META_PUBLIC_KEY,
    PublicKeyInfo,
    fingerprint_hex,
    normalise_fingerprint,
    public_from_base64,
    read_public_key_file,
    spaced,
)
from .verify import SigningKey


@dataclass
class Enrolment:
    fingerprint: str
    org_unit: str
    org_unit_name: str
    enrolled_at: datetime
    enrolled_by: str
    revoked_at: datetime | None
    already: bool = False
    encryption_key: str | None = None  # base64 X25519: bundles to this unit are encrypted to it
    endorsed_by: str | None = None  # the key that endorsed this one (a rotation, bundle/rotation.py)
    replaced_from: int | None = None  # replaced by a rotation: only bundles numbered below verify


def _units_below(profile) -> set[str]:
    return set(profile.units_below()) - {profile.org_unit_code}


def _as_enrolment(profile, row: TrustedKey, already: bool = False) -> Enrolment:
    unit = profile.org_unit(row.org_unit_code)
    return Enrolment(
        row.fingerprint,
        row.org_unit_code,
        unit.name if unit else "",
        row.enrolled_at,
        row.enrolled_by,
        row.revoked_at,
        already,
        row.encryption_key,
        row.endorsed_by,
        row.replaced_from,
    )


def add(profile, path: Path, org_unit: str) -> Enrolment:
    """Enrol a child's public key file for `org_unit` (a unit below the profile's), or the parent's
    key for its answer files."""
    info = read_public_key_file(path)
    code = (org_unit or "").strip()
    if info.org_unit != code:
        raise Refused(
            "{name}: tệp là khóa của đơn vị {org_unit}, không phải {code} (--org-unit)",
            name=Path(path).name,
            org_unit=info.org_unit,
            code=code,
        )
    own_key = profile.meta.get(META_PUBLIC_KEY)
    if own_key and fingerprint_hex(base64.b64decode(own_key)) == info.fingerprint:
        raise Refused(
            "{name}: đây là khóa của chính hồ sơ này ({org_unit_code}); chỉ đăng ký khóa của đơn vị khác "
            "(khóa của mình không thể đại diện cho đơn vị cấp dưới)",
            name=Path(path).name,
            org_unit_code=profile.org_unit_code,
        )
    own = profile.org_unit()
    parent = own.parent_code if own else None
    # The parent's key is enrolled too, for its answers (return for correction) only: a report
    # signed by it is refused by the importer (bundle/importer.py, _check_report).
    if code not in _units_below(profile) and code != parent:
        raise Refused(
            "đơn vị {code} không thuộc {org_unit_code}: chỉ đăng ký được khóa của đơn vị cấp dưới (hoặc "
            "của đơn vị cấp trên, để nhận tệp trả lại để sửa)",
            code=code,
            org_unit_code=profile.org_unit_code,
        )
    if info.tree and info.tree != profile.org_unit_tree:
        raise Refused(
            "{name}: khóa thuộc danh mục đơn vị {tree}, hồ sơ này dùng {org_unit_tree}",
            name=Path(path).name,
            tree=info.tree,
            org_unit_tree=profile.org_unit_tree,
        )
    with session_scope(profile.engine) as session:
        hold_write_lock(session.connection())  # two clerks enrolling the same key: the second finds it
        row = session.get(TrustedKey, info.fingerprint)
        if row is not None:
            if row.revoked_at is not None:
                raise Refused(
                    "khóa {fingerprint} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}; đơn vị cần tạo khóa mới",
                    fingerprint=spaced(row.fingerprint),
                    revoked_at=local_time(row.revoked_at),
                )
            if row.org_unit_code != code:
                raise Refused(
                    "khóa {fingerprint} đã được đăng ký cho đơn vị {org_unit_code}; một khóa chỉ đại diện "
                    "cho một đơn vị",
                    fingerprint=spaced(row.fingerprint),
                    org_unit_code=row.org_unit_code,
                )
            if info.encryption_key and row.encryption_key != info.encryption_key:
                row.encryption_key = info.encryption_key  # the same key's newer file, now with its encryption key
                session.add(row)
            return _as_enrolment(profile, row, already=True)
        row = TrustedKey(
            fingerprint=info.fingerprint,
            org_unit_code=code,
            public_key=info.public_key,
            enrolled_by=profile.author,
            encryption_key=info.encryption_key or None,
        )
        session.add(row)
    return _as_enrolment(profile, row)


def _named(code: str, name: str | None) -> str:
    return f"{name} ({code})" if name else code


def parent_key_problem(
    info: PublicKeyInfo, file_name: str, org_unit: str, parent: str | None, parent_name: str = ""
) -> Message | None:
    """Why the public key file `file_name` (read as `info`) is not the key of the parent `parent` of
    `org_unit`: a Message, or None when it is. The first-run dialog says it as soon as a file is chosen."""
    if not parent:
        return Message(
            "đơn vị {org_unit} là cấp cao nhất trong danh mục: không có cấp trên để đăng ký khóa", org_unit=org_unit
        )
    if info.org_unit != parent:
        return Message(
            "{name}: tệp là khóa của {key_unit}, không phải của cấp trên {parent} của đơn vị {org_unit}; "
            "hãy xin cấp trên đúng tệp khóa công khai của họ",
            name=file_name,
            key_unit=_named(info.org_unit, info.org_unit_name),
            parent=_named(parent, parent_name),
            org_unit=org_unit,
        )
    return None


def add_parent(profile, path: Path) -> Enrolment:
    """Pin the parent's public key file (init --parent-key, the first-run dialog): refused unless it is
    the key of this unit's parent; then enrolled as `add` does (configuration files, answers and sealed
    bundles rely on it)."""
    path = Path(path)
    info = read_public_key_file(path)
    problem = not_the_parents_key(profile, info, path.name)
    if problem is not None:
        raise Refused(problem)
    return add(profile, path, info.org_unit)


def not_the_parents_key(profile, info: PublicKeyInfo, file_name: str) -> Message | None:
    """`parent_key_problem` for the profile's own unit (the enrol dialog says it before enrolling)."""
    own = profile.org_unit()
    parent = profile.org_unit(own.parent_code) if own and own.parent_code else None
    return parent_key_problem(
        info, file_name, profile.org_unit_code, parent.code if parent else None, parent.name if parent else ""
    )


def listing(profile) -> list[Enrolment]:
    with session_scope(profile.engine) as session:
        query = select(TrustedKey).order_by(col(TrustedKey.org_unit_code), col(TrustedKey.enrolled_at))
        rows = session.exec(query).all()
    return [_as_enrolment(profile, row) for row in rows]


def revoke(profile, fingerprint: str) -> Enrolment:
    plain = normalise_fingerprint(fingerprint)
    with session_scope(profile.engine) as session:
        hold_write_lock(session.connection())  # waits for imports running now (they checked the key before)
        row = session.get(TrustedKey, plain)
        if row is None:
            raise Refused("không có khóa {plain} trong danh sách khóa tin cậy", plain=spaced(plain))
        already = row.revoked_at is not None
        if not already:
            row.revoked_at, row.revoked_by = now(), profile.author
            session.add(row)
    return _as_enrolment(profile, row, already=already)


def key_for(profile, bundle_name: str):
    """The lookup `verify.BundleReader.authenticate` uses: enrolled, not revoked."""

    def lookup(fingerprint: str) -> SigningKey:
        with session_scope(profile.engine) as session:
            row = session.get(TrustedKey, fingerprint)
        where = Message("gói {bundle}: thành phần {member}", bundle=bundle_name, member="manifest.sig")
        if row is None:
            raise Refused(
                "{where}: khóa {fingerprint} chưa được đăng ký ở đơn vị này (trust add TỆP --org-unit MÃ)",
                where=where,
                fingerprint=spaced(fingerprint),
            )
        if row.revoked_at is not None:
            raise Refused(
                "{where}: khóa {fingerprint} của đơn vị {org_unit_code} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}",
                where=where,
                fingerprint=spaced(fingerprint),
                org_unit_code=row.org_unit_code,
                revoked_at=local_time(row.revoked_at),
            )
        try:
            key = public_from_base64(row.public_key)  # a weak key enrolled by an older version: refused
        except Refused as exc:
            raise Refused("{where}: {error}", where=where, error=exc) from None
        return SigningKey(key, row.org_unit_code)

    return lookup


@dataclass
class UnknownSigner:
    """A bundle signed by a key this profile never enrolled: its fingerprint, and the unit its
    manifest names (not verified: no enrolled key vouches for it; shown only to say whom to call)."""

    fingerprint: str
    claimed_unit: str | None


def unknown_signer(profile, path: Path) -> UnknownSigner | None:
    """For a refused bundle: who signed it, when the key is one this profile never enrolled
    (a revoked key is not unknown: its refusal says so). None for any other bundle or file."""

    try:
        with sealed.open_bundle(profile, Path(path)) as reader:
            fingerprint, _ = fmt.parse_signature_member(reader.read_member(fmt.SIGNATURE, fmt.MAX_SIGNATURE_BYTES))
            manifest = reader.read_member(fmt.MANIFEST, fmt.MAX_MANIFEST_BYTES)
    except (Refused, ValueError):
        return None
    with session_scope(profile.engine) as session:
        if session.get(TrustedKey, fingerprint) is not None:
            return None
    try:
        claimed = json.loads(manifest).get("sender_org_unit")
    except (ValueError, AttributeError, RecursionError):
        claimed = None
    if not (isinstance(claimed, str) and re.fullmatch(r"[0-9A-Za-z]{1,10}", claimed)):
        claimed = None
    return UnknownSigner(fingerprint, claimed)
