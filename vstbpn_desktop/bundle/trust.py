"""The parent's register of child keys: a key speaks for the one unit it is enrolled for."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from ..errors import Refused
from ..storage.database import session_scope
from ..storage.models import TrustedKey, now
from .keys import normalise_fingerprint, public_from_base64, read_public_key_file, spaced
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


def _units_below(profile) -> set[str]:
    from ..summary import units_below

    return set(units_below(profile, profile.org_unit_code)) - {profile.org_unit_code}


def _as_enrolment(profile, row: TrustedKey, already: bool = False) -> Enrolment:
    unit = profile.org_unit(row.org_unit_code)
    return Enrolment(row.fingerprint, row.org_unit_code, unit.name if unit else "", row.enrolled_at,
                     row.enrolled_by, row.revoked_at, already)


def add(profile, path: Path, org_unit: str) -> Enrolment:
    """Enrol a child's public key file for `org_unit` (a unit below the profile's), or the parent's
    key for its answer files."""
    info = read_public_key_file(path)
    code = (org_unit or "").strip()
    if info.org_unit != code:
        raise Refused(f"{Path(path).name}: tệp là khóa của đơn vị {info.org_unit}, "
                      f"không phải {code} (--org-unit)")
    own = profile.org_unit()
    parent = own.parent_code if own else None
    # The parent's key is enrolled too, for its answers (return for correction) only: a report
    # signed by it is refused by the importer (bundle/importer.py, _check_report).
    if code not in _units_below(profile) and code != parent:
        raise Refused(f"đơn vị {code} không thuộc {profile.org_unit_code}: chỉ đăng ký được khóa của "
                      "đơn vị cấp dưới (hoặc của đơn vị cấp trên, để nhận tệp trả lại để sửa)")
    if info.tree and info.tree != profile.org_unit_tree:
        raise Refused(f"{Path(path).name}: khóa thuộc danh mục đơn vị {info.tree}, hồ sơ này dùng "
                      f"{profile.org_unit_tree}")
    with session_scope(profile.engine) as session:
        row = session.get(TrustedKey, info.fingerprint)
        if row is not None:
            if row.revoked_at is not None:
                raise Refused(f"khóa {spaced(row.fingerprint)} đã bị thu hồi ngày "
                              f"{row.revoked_at:%d/%m/%Y}; đơn vị cần tạo khóa mới")
            if row.org_unit_code != code:
                raise Refused(f"khóa {spaced(row.fingerprint)} đã được đăng ký cho đơn vị "
                              f"{row.org_unit_code}; một khóa chỉ đại diện cho một đơn vị")
            return _as_enrolment(profile, row, already=True)
        row = TrustedKey(fingerprint=info.fingerprint, org_unit_code=code, public_key=info.public_key,
                         enrolled_by=profile.author)
        session.add(row)
    return _as_enrolment(profile, row)


def listing(profile) -> list[Enrolment]:
    with session_scope(profile.engine) as session:
        rows = session.exec(select(TrustedKey).order_by(TrustedKey.org_unit_code, TrustedKey.enrolled_at)).all()
    return [_as_enrolment(profile, row) for row in rows]


def revoke(profile, fingerprint: str) -> Enrolment:
    plain = normalise_fingerprint(fingerprint)
    with session_scope(profile.engine) as session:
        row = session.get(TrustedKey, plain)
        if row is None:
            raise Refused(f"không có khóa {spaced(plain)} trong danh sách khóa tin cậy")
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
        where = f"gói {bundle_name}: thành phần manifest.sig"
        if row is None:
            raise Refused(f"{where}: khóa {spaced(fingerprint)} chưa được đăng ký ở đơn vị này "
                          "(trust add TỆP --org-unit MÃ)")
        if row.revoked_at is not None:
            raise Refused(f"{where}: khóa {spaced(fingerprint)} của đơn vị {row.org_unit_code} đã bị "
                          f"thu hồi ngày {row.revoked_at:%d/%m/%Y}")
        return SigningKey(public_from_base64(row.public_key), row.org_unit_code)

    return lookup
