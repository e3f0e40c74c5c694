"""Key rotation without a trip to the parent, recovery when a key is lost, and the key's expiry.

At the unit (`keys rotate`): a new Ed25519 key replaces the profile's; the old key signs an
*endorsement* of the new one (a statement, below), kept in `signing_key_history`. Every report
bundle signed by the new key carries the chain of endorsements leading to it, in the member
`key-endorsements.json` (format 1.2, docs/bundle-format.md §17).

At the parent: a bundle signed by a key it has not enrolled, whose chain starts at a key it has
enrolled for the sender, not revoked and not already replaced by another key (a fork), with every
link signed by the key before it, is verified with the chain's last key; on import the new key is
enrolled (endorsed by the old) and the old key is kept only for bundles numbered below this one
(`replaced_from`): older bundles still verify, a newer one signed by the old key is refused.
Sequence and replay rules are those of every bundle: a rotation never makes a stale bundle new.

Lost key (`keys rotate --lost`: the passphrase forgotten, the laptop gone): a new key with no
endorsement; the unit sends its public key file, and the parent revokes the old key and enrols the
new one after comparing the fingerprint by telephone (`trust revoke`, `trust add`).

Expiry (`keys rotate --expires DATE`, `keys expiry DATE`): the unit's own reminder. `keys show`,
`bundle export` and the key dialog warn from 30 days before; it never refuses anything and never
changes the sequence or replay checks.

Statement (UTF-8 canonical JSON, signed over ENDORSEMENT_CONTEXT + its exact bytes):
`{"endorsed_at", "format": "vstb-key-endorsement", "new_fingerprint", "new_public_key",
"old_fingerprint", "org_unit", "tree", "version": 1}`.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select

from ..atomic import OutputError, write_atomic
from ..errors import Message, Refused
from ..storage.database import session_scope
from ..storage.models import Meta, SigningKeyHistory, TrustedKey, now
from ..timestamps import local_time, parse_timestamp, timestamp
from . import format as fmt
from . import keyfile
from .keys import (
    META_PUBLIC_KEY,
    check_new_passphrase,
    checked_encryption_key,
    fingerprint_hex,
    key_path,
    load_private_key,
    public_from_base64,
    raw_public,
    renew_encryption_key,
    spaced,
)
from .strictjson import JsonRefused, loads
from .verify import BundleReader, SigningKey

ENDORSEMENT_FORMAT = "vstb-key-endorsement"
ENDORSEMENT_CONTEXT = b"vstb-key-endorsement-1\n"
STATEMENT_FIELDS = (
    "endorsed_at",
    "format",
    "new_fingerprint",
    "new_public_key",
    "old_fingerprint",
    "org_unit",
    "tree",
    "version",
)
MAX_LINKS = 50
META_EXPIRES = "signing_key_expires"
WARN_DAYS = 30


# -- at the unit -----------------------------------------------------------------------------


@dataclass
class Rotated:
    old_fingerprint: str
    new_fingerprint: str
    endorsed: bool  # False: a lost key replaced, the parent must enrol the new one by hand
    expires: dt.date | None


def rotate(
    profile,
    passphrase: str | None,
    new_passphrase: str | None = None,
    lost: bool = False,
    expires: dt.date | None = None,
) -> Rotated:
    """Replace the profile's signing key. Normally the old key (unlocked with `passphrase`) endorses
    the new one, kept under `new_passphrase` (default: the same). `lost`: the old key cannot be
    unlocked; the new key is not endorsed and needs `new_passphrase`."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # lazy: first key use

    old_encoded = profile.meta.get(META_PUBLIC_KEY)
    if not old_encoded:
        raise Refused("{data_dir}: hồ sơ chưa có khóa ký", data_dir=profile.data_dir)
    old_fingerprint = fingerprint_hex(base64.b64decode(old_encoded))
    if lost:
        check_new_passphrase(new_passphrase)
        old = None
    else:
        old = load_private_key(profile, passphrase or "")  # wrong passphrase: refused, nothing changed
        if new_passphrase:
            check_new_passphrase(new_passphrase)
    if expires is not None and expires <= dt.date.today():
        raise Refused("ngày hết hạn {date:%d/%m/%Y} phải sau hôm nay", date=expires)
    new = Ed25519PrivateKey.generate()
    raw = raw_public(new.public_key())
    encoded = base64.b64encode(raw).decode("ascii")
    statement = signature = None
    if old is not None:
        statement = fmt.canonical_json(
            {
                "endorsed_at": timestamp(now()),
                "format": ENDORSEMENT_FORMAT,
                "new_fingerprint": fingerprint_hex(raw),
                "new_public_key": encoded,
                "old_fingerprint": old_fingerprint,
                "org_unit": profile.org_unit_code,
                "tree": profile.org_unit_tree,
                "version": 1,
            }
        ).decode("utf-8")
        signature = base64.b64encode(old.sign(ENDORSEMENT_CONTEXT + statement.encode("utf-8"))).decode("ascii")
    pem = keyfile.encrypt(new, new_passphrase or passphrase or "")
    path = key_path(profile)
    with session_scope(profile.engine) as session:
        session.merge(Meta(key=META_PUBLIC_KEY, value=encoded))
        session.merge(Meta(key=META_EXPIRES, value=expires.isoformat() if expires else ""))
        session.add(
            SigningKeyHistory(
                fingerprint=fingerprint_hex(raw),
                public_key=encoded,
                previous_fingerprint=old_fingerprint,
                statement=statement,
                signature=signature,
                made_by=profile.author,
                reason="lost" if lost else "rotate",
            )
        )
        session.flush()
        try:  # the key file last: a refusal here rolls the database back, the old key stays whole
            write_atomic(path, pem, private=True, profile_file=True)
        except (OSError, OutputError) as exc:
            raise Refused("{path}: không ghi được khóa ký mới ({error})", path=path, error=exc) from exc
    profile._meta = None
    # A new encryption key too (a key rotated because the laptop may be in other hands must not leave the
    # old decryption key in use); the old one is kept for files already sealed to it.
    renew_encryption_key(profile, new)
    return Rotated(old_fingerprint, fingerprint_hex(raw), not lost, expires)


def set_expiry(profile, expires: dt.date | None) -> None:
    with session_scope(profile.engine) as session:
        session.merge(Meta(key=META_EXPIRES, value=expires.isoformat() if expires else ""))
    profile._meta = None


def expiry(profile) -> dt.date | None:
    text = profile.meta.get(META_EXPIRES) or ""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def expiry_due(profile, today: dt.date | None = None) -> tuple[dt.date, int] | None:
    """From WARN_DAYS before the key's expiry date: the date and the days left (negative once past);
    None before that or without a date. The command line and the key dialog each say it their way."""
    date = expiry(profile)
    today = today or dt.date.today()
    if date is None or (date - today).days > WARN_DAYS:
        return None
    return date, (date - today).days


def expiry_warning(profile, today: dt.date | None = None) -> Message | None:
    """The command line's warning (`keys show`, `bundle export`): what to do. Never a refusal."""
    due = expiry_due(profile, today)
    if due is None:
        return None
    date, days = due
    if days < 0:
        return Message(
            "khóa ký đã hết hạn ngày {date:%d/%m/%Y}; hãy đổi khóa (keys rotate) trước khi gửi báo cáo", date=date
        )
    return Message(
        "khóa ký hết hạn ngày {date:%d/%m/%Y} (còn {days} ngày); hãy đổi khóa (keys rotate)", date=date, days=days
    )


def history(profile) -> list[SigningKeyHistory]:
    """The keys made by rotation, oldest first."""
    with session_scope(profile.engine) as session:
        return list(session.exec(select(SigningKeyHistory).order_by(col(SigningKeyHistory.made_at))).all())


def chain(profile, fingerprint: str) -> list[tuple[str, str]]:
    """(statement, signature) of each endorsement leading to the key `fingerprint`, oldest first; it
    stops at a key made without one (the first key, or a lost key's replacement)."""
    rows = {row.fingerprint: row for row in history(profile)}
    links: list[tuple[str, str]] = []
    while (row := rows.get(fingerprint)) is not None and row.statement and row.signature and len(links) < MAX_LINKS:
        links.insert(0, (row.statement, row.signature))
        fingerprint = row.previous_fingerprint
    return links


def member_bytes(links: list[tuple[str, str]], encryption: tuple[str, str] | None = None) -> bytes:
    """key-endorsements.json: the chain, and the last key's encryption key with its signature by that
    key (as in the public key file), so that the importing unit seals to the new one."""
    document: dict[str, Any] = {"endorsements": [{"signature": s, "statement": t} for t, s in links]}
    if encryption is not None:
        document["encryption_key"], document["encryption_key_signature"] = encryption
    return fmt.canonical_json(document)


# -- at the parent ---------------------------------------------------------------------------


@dataclass
class Link:
    old_fingerprint: str
    new_fingerprint: str
    new_public_key: str
    org_unit: str
    endorsed_at: str


@dataclass
class Lookup:
    """The key lookup of a report's verification: the trust register, and, for a key it does not
    hold, the endorsements the bundle carries. `links`: what an import will enrol."""

    profile: Any  # the Profile (a layer above this one)
    reader: BundleReader
    links: list[Link] = field(default_factory=list)
    carried: bytes = b""
    document: dict = field(default_factory=dict)
    encryption_key: str = ""  # the last key's X25519 key the chain carries (base64), checked against it

    def __call__(self, fingerprint: str) -> SigningKey:
        from . import trust  # trust.py builds on verify.py as this module does

        # Called again inside the import's transaction: followed afresh (a concurrent import may have
        # enrolled the key meanwhile, and then there is nothing left to enrol).
        self.links, self.encryption_key = [], ""
        register = trust.key_for(self.profile, self.reader.name)
        with session_scope(self.profile.engine) as session:
            known = session.get(TrustedKey, fingerprint) is not None
        if known or fmt.ENDORSEMENTS not in self.reader.infos:
            return register(fingerprint)
        self.carried = self.reader.read_member(fmt.ENDORSEMENTS, fmt.MAX_ENDORSEMENTS_BYTES)
        return self._follow(fingerprint)

    def refuse(self, rule: str, **fields) -> Refused:
        return self.reader.refuse(rule, member=fmt.ENDORSEMENTS, **fields)

    def _links(self) -> list[tuple[str, str, dict]]:
        try:
            document = loads(self.carried)
        except JsonRefused as exc:
            raise self.refuse("không đọc được chuỗi đổi khóa ({error})", error=exc) from None
        entries = document.get("endorsements") if isinstance(document, dict) else None
        if (
            not isinstance(entries, list)
            or not entries
            or len(entries) > MAX_LINKS
            or set(document) - {"encryption_key", "encryption_key_signature"} != {"endorsements"}
        ):
            raise self.refuse('phải là {{"endorsements": [...]}} với 1 … {limit} xác nhận đổi khóa', limit=MAX_LINKS)
        self.document = document
        links = []
        for number, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict) or set(entry) != {"signature", "statement"}:
                raise self.refuse("xác nhận {number}: phải có đúng statement, signature", number=number)
            text, signature = entry["statement"], entry["signature"]
            try:
                statement = loads(text.encode("utf-8")) if isinstance(text, str) else None
            except JsonRefused:
                statement = None
            if (
                not isinstance(statement, dict)
                or set(statement) != set(STATEMENT_FIELDS)
                or statement["format"] != ENDORSEMENT_FORMAT
                or statement["version"] != 1
                or not all(isinstance(statement[name], str) for name in STATEMENT_FIELDS if name != "version")
                or not isinstance(signature, str)
            ):
                raise self.refuse("xác nhận {number}: không đúng định dạng", number=number)
            try:
                parse_timestamp(statement["endorsed_at"])
            except ValueError:
                raise self.refuse("xác nhận {number}: endorsed_at không hợp lệ", number=number) from None
            links.append((text, signature, statement))
        return links

    def _follow(self, fingerprint: str) -> SigningKey:
        """The chain checked against the register: it must start at an enrolled key of the unit,
        not revoked, not replaced by another key, each link signed by the key before it, and end at
        the bundle's key."""
        from cryptography.exceptions import InvalidSignature  # lazy: cryptography loads on first key use

        links = self._links()
        with session_scope(self.profile.engine) as session:
            rows = {
                row.fingerprint: row
                for row in session.exec(
                    select(TrustedKey).where(
                        col(TrustedKey.fingerprint).in_([s["old_fingerprint"] for _, _, s in links] + [fingerprint])
                    )
                ).all()
            }
            successors = {
                row.endorsed_by: row.fingerprint
                for row in session.exec(select(TrustedKey).where(col(TrustedKey.endorsed_by).is_not(None))).all()
            }
        start = next((i for i in range(len(links) - 1, -1, -1) if links[i][2]["old_fingerprint"] in rows), None)
        if start is None:
            raise self.refuse(
                "khóa {fingerprint} chưa được đăng ký, và chuỗi đổi khóa không bắt đầu từ khóa nào đã đăng ký ở "
                "đơn vị này (trust add TỆP --org-unit MÃ)",
                fingerprint=spaced(fingerprint),
            )
        first = rows[links[start][2]["old_fingerprint"]]
        if first.revoked_at is not None:
            raise self.refuse(
                "đổi khóa được xác nhận bằng khóa {fingerprint} đã bị thu hồi ngày {revoked_at:%d/%m/%Y}; không "
                "chấp nhận (đơn vị gửi tệp khóa công khai mới để đăng ký sau khi đối chiếu vân tay)",
                fingerprint=spaced(first.fingerprint),
                revoked_at=local_time(first.revoked_at),
            )
        successor = successors.get(first.fingerprint)
        if successor is not None and successor != links[start][2]["new_fingerprint"]:
            raise self.refuse(
                "khóa {fingerprint} đã được đổi sang khóa {successor}; chuỗi đổi khóa này rẽ nhánh sang khóa "
                "{other}, không chấp nhận",
                fingerprint=spaced(first.fingerprint),
                successor=spaced(successor),
                other=spaced(links[start][2]["new_fingerprint"]),
            )
        signer = public_from_base64(first.public_key)
        unit = first.org_unit_code
        for number, (text, signature, statement) in enumerate(links[start:], start=start + 1):
            if self.links and statement["old_fingerprint"] != self.links[-1].new_fingerprint:
                raise self.refuse("xác nhận {number}: không nối tiếp xác nhận trước", number=number)
            try:
                new = public_from_base64(statement["new_public_key"])
            except Refused as exc:
                raise self.refuse("xác nhận {number}: {error}", number=number, error=exc) from None
            if fingerprint_hex(raw_public(new)) != statement["new_fingerprint"]:
                raise self.refuse("xác nhận {number}: vân tay không khớp khóa mới", number=number)
            if statement["org_unit"] != unit or statement["tree"] != self.profile.org_unit_tree:
                raise self.refuse(
                    "xác nhận {number}: khóa của đơn vị {org_unit}, nhưng khóa cũ được đăng ký cho {unit}",
                    number=number,
                    org_unit=statement["org_unit"],
                    unit=unit,
                )
            try:
                signer.verify(base64.b64decode(signature, validate=True), ENDORSEMENT_CONTEXT + text.encode("utf-8"))
            except (ValueError, InvalidSignature):
                raise self.refuse(
                    "xác nhận {number}: chữ ký không khớp với khóa {fingerprint}",
                    number=number,
                    fingerprint=spaced(statement["old_fingerprint"]),
                ) from None
            self.links.append(
                Link(
                    statement["old_fingerprint"],
                    statement["new_fingerprint"],
                    statement["new_public_key"],
                    unit,
                    statement["endorsed_at"],
                )
            )
            signer = new
        if self.links[-1].new_fingerprint != fingerprint:
            raise self.refuse(
                "chuỗi đổi khóa kết thúc ở khóa {last}, không phải khóa ký gói {fingerprint}",
                last=spaced(self.links[-1].new_fingerprint),
                fingerprint=spaced(fingerprint),
            )
        try:
            self.encryption_key = checked_encryption_key(fmt.ENDORSEMENTS, self.document, signer)[0]
        except Refused:
            raise self.refuse(
                "khóa mã hóa đi kèm không hợp lệ hoặc không được khóa mới {fingerprint} xác nhận",
                fingerprint=spaced(fingerprint),
            ) from None
        return SigningKey(signer, unit)

    def confirm(self, manifest: fmt.Manifest) -> None:
        """After the signature: the carried member is the one the signed manifest lists, and a key
        replaced by a rotation signs only bundles numbered below the one that carried its successor."""
        entry = manifest.member(fmt.ENDORSEMENTS)
        if self.carried and (entry is None or self.reader.member_bytes(entry) != self.carried):
            raise self.refuse("không khớp với manifest")
        with session_scope(self.profile.engine) as session:
            row = session.get(TrustedKey, manifest.key_fingerprint)
        if row is not None and row.replaced_from is not None and manifest.sequence >= row.replaced_from:
            raise self.reader.refuse(
                "khóa {fingerprint} đã được đổi sang khóa mới từ gói số {replaced_from}; gói số {sequence} ký bằng "
                "khóa cũ không được chấp nhận (khóa cũ chỉ còn dùng để kiểm tra các gói trước đó)",
                member=fmt.SIGNATURE,
                fingerprint=spaced(row.fingerprint),
                replaced_from=row.replaced_from,
                sequence=manifest.sequence,
            )

    def enrol(self, connection, sequence: int, who: str) -> None:
        """In the import's transaction: each new key enrolled, endorsed by the one before; each key
        before it kept for bundles numbered below `sequence` only."""
        table = TrustedKey.__table__
        stamp = now()
        for link in self.links:
            connection.execute(
                update(table)
                .where(table.c.fingerprint == link.old_fingerprint, table.c.replaced_from.is_(None))
                .values(replaced_from=sequence)
            )
            connection.execute(
                table.insert().values(
                    fingerprint=link.new_fingerprint,
                    org_unit_code=link.org_unit,
                    public_key=link.new_public_key,
                    enrolled_at=stamp,
                    enrolled_by=who,
                    endorsed_by=link.old_fingerprint,
                    encryption_key=(self.encryption_key or None) if link is self.links[-1] else None,
                )
            )


def authenticate(profile, reader: BundleReader) -> tuple[fmt.Manifest, Lookup]:
    """The manifest verified against the trust register and the rotations the file carries (a
    bundle's own, a configuration's parent's), with the lookup that followed them: the import
    enrols their new keys with `lookup.enrol`."""
    lookup = Lookup(profile, reader)
    manifest = reader.authenticate(lookup)
    lookup.confirm(manifest)
    return manifest, lookup


def describe(links: list[Link]) -> list[str]:
    """One line per rotation, for the importing officer."""
    return [
        f"{spaced(link.old_fingerprint)} → {spaced(link.new_fingerprint)} ({link.endorsed_at[:10]})" for link in links
    ]
