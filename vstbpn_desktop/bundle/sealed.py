"""Bundles only the recipient can read: the signed bundle, encrypted to the parent's X25519 key.

Sign-then-encrypt (docs/bundle-format.md §16). The signed `.vstb` zip is written and verified as
ever, then wrapped:

    vstb-sealed-1\\n
    <header: canonical JSON, one line, ≤ 1 KiB>\\n
    <the zip, in chunks of 64 KiB, each encrypted with ChaCha20-Poly1305 (+16 bytes of tag)>

The header names the scheme, the recipient unit and the fingerprint of the recipient's X25519 key
(which key can open it), the sender's ephemeral X25519 public key, the chunk size and the plain
length. The key is HKDF-SHA256 over the X25519 shared secret (salt: ephemeral ‖ recipient public
key, info `vstb-sealed-1`); chunk i's nonce is i as 11 bytes big-endian and a last-chunk flag byte
(the STREAM construction of `age`: chunks cannot be reordered, dropped or the file cut at a chunk
boundary); the first two lines, byte for byte, are every chunk's associated data, so a header
edited or taken from another sealed bundle fails authentication.

The recipient checks the header and that the file is exactly as long as the header says (at most
`MAX_PLAIN` bytes of zip) before decrypting anything; decrypts into a private temporary file in its
profile folder (never held whole in memory); then verifies the zip exactly as an unsealed bundle.

The recipient's X25519 private key (`<data_dir>/keys/encryption-key.pem`, PKCS#8, owner-only) is
not under the passphrase: the province imports bundles without typing it, and whoever holds the
profile folder holds the imported data in its database anyway. The public half is in `meta`, with
a signature by the profile's signing key (keys.py, `ENCRYPTION_KEY_CONTEXT`), and travels in the
public key file beside the signing key: a unit enrolling that file checks the fingerprint of the
signing key by telephone, and the signature binds the encryption key to it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from ..atomic import OutputError, atomic_path, claim, release
from ..atomic import remove_leftovers as leftovers
from ..errors import Count, Message, Refused
from ..files import not_a_file
from ..storage.database import session_scope
from ..storage.models import TrustedKey
from .keys import encryption_key_path, fingerprint_hex, own_encryption_key, retired_encryption_key_path, spaced
from .strictjson import JsonRefused, loads
from .verify import BundleReader, Progress

MAGIC = b"vstb-sealed-1\n"
FORMAT = "vstb-sealed"
SCHEME = "x25519-hkdf-sha256-chacha20poly1305"
HKDF_INFO = b"vstb-sealed-1"
CHUNK = 64 * 1024
TAG = 16
MAX_HEADER = 1024
MAX_PLAIN = 1024 * 1024 * 1024 + 64 * 1024 * 1024  # the zip of at most 1 GiB of members, with its overhead
HEADER_FIELDS = ("format", "version", "scheme", "recipient_org_unit", "recipient_key", "ephemeral_key", "length")


def _own_private(path: Path, name: str):
    """The profile's X25519 private key at `path`: its current one, or one a key rotation replaced
    (files sealed to it before the rotation still open)."""
    from cryptography.hazmat.primitives import serialization  # lazy: cryptography loads on first key use
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey  # lazy: as above

    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise Refused(
            "gói {bundle}: được mã hóa nhưng hồ sơ này chưa có khóa giải mã ({path})", bundle=name, path=path
        ) from None
    except (OSError, ValueError, TypeError) as exc:
        raise Refused("{path}: không đọc được khóa giải mã ({error})", path=path, error=exc) from None
    if not isinstance(private, X25519PrivateKey):
        raise Refused("{path}: không phải khóa X25519", path=path)
    return private


# -- the sender: to whom -----------------------------------------------------------------------


@dataclass
class Recipient:
    org_unit: str
    public_key: bytes  # 32 raw X25519 bytes
    fingerprint: str  # of the encryption key (the header's recipient_key)
    signing_fingerprint: str  # of the parent's enrolled signing key (the one read aloud)


def parent_recipient(profile) -> Recipient | None:
    """The parent's encryption key, when this unit enrolled a parent key file that carries one, or
    a key rotation of the parent brought a new one; None: bundles go unencrypted."""
    unit = profile.org_unit()
    if unit is None or not unit.parent_code:
        return None
    return recipient_for(profile, unit.parent_code)


def recipient_for(profile, org_unit: str) -> Recipient | None:
    """The encryption key of `org_unit` in the trust register: that of its newest enrolment not
    revoked that carries one (a rotation enrols the new key after the old one); None: none held."""
    with session_scope(profile.engine) as session:
        rows = session.exec(
            select(TrustedKey)
            .where(TrustedKey.org_unit_code == org_unit, col(TrustedKey.revoked_at).is_(None))
            .order_by(col(TrustedKey.enrolled_at).desc())
        ).all()
    for row in rows:
        if row.encryption_key:
            raw = base64.b64decode(row.encryption_key)
            return Recipient(org_unit, raw, fingerprint_hex(raw), row.fingerprint)
    return None


# -- sealing -----------------------------------------------------------------------------------


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes  # lazy: cryptography loads on first key use
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF  # lazy: as above

    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def sealed_length(header_bytes: int, plain: int) -> int:
    """The exact size of a sealed file: the two header lines, then each chunk and its tag (one chunk,
    possibly empty, at least)."""
    chunks = max(1, -(-plain // CHUNK))
    return header_bytes + plain + chunks * TAG


def seal_file(plain: Path, out: Path, recipient: Recipient) -> None:
    """Write `plain` (a verified signed bundle) encrypted to `recipient` at `out`, atomically, and
    read it back."""
    from cryptography.hazmat.primitives import serialization  # lazy: cryptography loads on first key use
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey  # lazy
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # lazy: as above

    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.public_key))
    aead = ChaCha20Poly1305(_key(shared, ephemeral_raw, recipient.public_key))
    size = Path(plain).stat().st_size
    header = {
        "format": FORMAT,
        "version": 1,
        "scheme": SCHEME,
        "recipient_org_unit": recipient.org_unit,
        "recipient_key": recipient.fingerprint,
        "ephemeral_key": base64.b64encode(ephemeral_raw).decode("ascii"),
        "length": size,
    }
    aad = MAGIC + json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii") + b"\n"
    digest = hashlib.sha256(aad)
    try:
        with atomic_path(out) as temp, open(plain, "rb") as source, open(temp, "wb") as target:
            target.write(aad)
            index, chunk = 0, source.read(CHUNK)
            while True:
                following = source.read(CHUNK) if len(chunk) == CHUNK else b""
                sealed = aead.encrypt(_nonce(index, not following), chunk, aad)
                target.write(sealed)
                digest.update(sealed)
                if not following:
                    break
                index, chunk = index + 1, following
    except OutputError as exc:
        raise Refused(exc) from exc
    except OSError as exc:
        raise Refused("{out}: không ghi được ({error})", out=out, error=exc.strerror or exc) from exc
    # Read back what is on the disk (the signed zip inside was verified before it was sealed).
    written = hashlib.sha256()
    try:
        with open(out, "rb") as stream:
            while block := stream.read(1024 * 1024):
                written.update(block)
    except OSError as exc:
        raise Refused("{out}: không đọc lại được ({error})", out=out, error=exc.strerror or exc) from exc
    if written.hexdigest() != digest.hexdigest():
        raise Refused("{out}: đọc lại gói vừa ghi không khớp; hãy ghi lại vào chỗ khác", out=out)


@contextmanager
def plain_target(profile, out: Path, recipient: Recipient | None) -> Iterator[Path]:
    """Where the signed zip is written: `out` itself when it goes unencrypted; else a private
    temporary file of the profile folder, deleted on leaving (after it was sealed to `out`)."""
    if recipient is None:
        yield Path(out)
        return
    with _private_temp(profile, SEALING_PREFIX) as temp:
        yield temp


# -- opening -----------------------------------------------------------------------------------


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def named_unit(profile, code: str) -> str:
    """ "Tỉnh An Giang (89)": a unit of the profile's tree as a message names it (the code alone if unknown)."""
    unit = profile.org_unit(code)
    return f"{unit.name} ({code})" if unit is not None else code


def not_a_configuration(profile, path: Path) -> Refused | None:
    """For `config import`: a sealed report bundle (a .vstb renamed .vstc, always a report: answers and
    configurations are never sealed) said for what it is, before any zip is looked for; None otherwise."""
    if not is_sealed(path):
        return None
    header = read_header(path, path.name)  # a damaged header: its own refusal, which says "gói mã hóa"
    return Refused(
        "{name}: là gói báo cáo đã mã hóa gửi cho đơn vị {unit}, không phải tệp cấu hình (.vstc) của cấp trên; "
        "gói báo cáo nhập bằng bundle import ở đơn vị nhận",
        name=path.name,
        unit=named_unit(profile, header.recipient_org_unit),
    )


def refuse(rule: str, /, bundle: str, **fields) -> Refused:
    """ "gói X: gói mã hóa: <rule>"; `rule` is a message template filled with `fields`."""
    return Refused("gói {bundle}: gói mã hóa: {rule}", bundle=bundle, rule=Message(rule, **fields))


@dataclass
class Header:
    raw: bytes  # the two lines, the associated data of every chunk
    recipient_org_unit: str
    recipient_key: str
    ephemeral_key: bytes
    length: int


def read_header(path: Path, name: str) -> Header:
    """The header of a sealed file, its shape checked, and the file's size against it: before any
    decryption."""
    with open(path, "rb") as stream:
        head = stream.read(len(MAGIC) + MAX_HEADER + 1)
        size = os.fstat(stream.fileno()).st_size
    end = head.find(b"\n", len(MAGIC))
    if not head.startswith(MAGIC) or end == -1:
        raise refuse("phần đầu không đúng định dạng hoặc dài quá {limit} byte", name, limit=MAX_HEADER)
    try:
        header = loads(head[len(MAGIC) : end])
    except JsonRefused as exc:
        raise refuse("phần đầu không đúng định dạng ({error})", name, error=exc) from None
    if not isinstance(header, dict) or set(header) != set(HEADER_FIELDS):
        raise refuse("phần đầu phải có đúng các trường {fields}", name, fields=", ".join(HEADER_FIELDS))
    if (
        header["format"] != FORMAT
        or type(header["version"]) is not int
        or header["version"] != 1
        or header["scheme"] != SCHEME
    ):
        raise refuse(
            "định dạng {format} phiên bản {version}, cách mã hóa {scheme} không được hỗ trợ (ứng dụng này đọc "
            "{FORMAT} 1, {SCHEME}); hãy cập nhật ứng dụng",
            name,
            format=header["format"],
            version=header["version"],
            scheme=header["scheme"],
            FORMAT=FORMAT,
            SCHEME=SCHEME,
        )
    length, unit, key = header["length"], header["recipient_org_unit"], header["recipient_key"]
    try:
        ephemeral = base64.b64decode(header["ephemeral_key"], validate=True)
    except (ValueError, TypeError):
        ephemeral = b""
    if (
        not (isinstance(unit, str) and re.fullmatch(r"[0-9]{1,10}", unit))
        or not (isinstance(key, str) and re.fullmatch(r"[0-9A-F]{32}", key))
        or len(ephemeral) != 32
        or not (isinstance(length, int) and not isinstance(length, bool) and length >= 0)
    ):
        raise refuse("phần đầu có trường không hợp lệ (mã đơn vị, vân tay khóa, khóa tạm hoặc độ dài)", name)
    if length > MAX_PLAIN:
        raise refuse(
            "ghi độ dài {length} byte, vượt giới hạn {limit} byte", name, length=Count(length), limit=Count(MAX_PLAIN)
        )
    expected = sealed_length(end + 1, length)
    if size != expected:
        raise refuse(
            "tệp dài {size} byte, phần đầu ghi {expected} byte (bị cắt cụt hoặc bị thêm dữ liệu); hãy chép lại tệp "
            "từ nguồn",
            name,
            size=Count(size),
            expected=Count(expected),
        )
    return Header(head[: end + 1], unit, key, ephemeral, length)


def _decrypt(profile, path: Path, name: str, target, progress: Progress) -> None:
    from cryptography.exceptions import InvalidTag  # lazy: cryptography loads on first key use
    from cryptography.hazmat.primitives import serialization  # lazy: as above
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey  # lazy: as above
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # lazy: as above

    header = read_header(path, name)
    if header.recipient_org_unit != profile.org_unit_code:
        raise refuse(
            "gói được mã hóa gửi cho đơn vị {unit}, không phải {org_unit_code}; chỉ đơn vị nhận mở được",
            name,
            unit=named_unit(profile, header.recipient_org_unit),
            org_unit_code=named_unit(profile, profile.org_unit_code),
        )
    own = own_encryption_key(profile)
    own_fingerprint = fingerprint_hex(base64.b64decode(own[0])) if own else ""
    if header.recipient_key == own_fingerprint:
        key_file = encryption_key_path(profile)
    else:  # sealed to a key a rotation replaced: its private key is kept for files in transit
        key_file = retired_encryption_key_path(profile, header.recipient_key)
        if not key_file.is_file():
            raise refuse(
                "gói được mã hóa cho khóa {key}, không phải khóa giải mã của hồ sơ này ({own}); đơn vị gửi đã đăng "
                "ký một tệp khóa công khai khác của đơn vị này (hãy gửi lại tệp khóa công khai: keys export-public)",
                name,
                key=spaced(header.recipient_key),
                own=spaced(own_fingerprint) if own_fingerprint else "—",
            )
    private = _own_private(key_file, name)
    own_raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(header.ephemeral_key))
    except ValueError:  # a small-order ephemeral key: the shared secret would be zero
        raise refuse("khóa tạm trong phần đầu không hợp lệ", name) from None
    aead = ChaCha20Poly1305(_key(shared, header.ephemeral_key, own_raw))
    chunks = max(1, -(-header.length // CHUNK))
    with open(path, "rb") as stream:
        stream.seek(len(header.raw))
        for index in range(chunks):
            size = min(CHUNK, header.length - index * CHUNK) + TAG
            try:
                plain = aead.decrypt(_nonce(index, index == chunks - 1), stream.read(size), header.raw)
            except InvalidTag:
                raise refuse(
                    "không giải mã được đoạn {index} (nội dung hoặc phần đầu đã bị sửa, ghép từ gói khác, hoặc "
                    "bị cắt); từ chối, không nhập gì",
                    name,
                    index=index + 1,
                ) from None
            target.write(plain)
            if index % 64 == 0:
                progress(index, chunks, "giải mã")


@contextmanager
def open_bundle(profile, path: Path, progress: Progress | None = None) -> Iterator[BundleReader]:
    """A BundleReader over `path`: the file itself, or, for a sealed bundle, its decrypted zip in a
    private temporary file of the profile folder (deleted on leaving). Messages name `path`."""
    path = Path(path)
    progress = progress or (lambda done, total, stage: None)
    if not_a_file(path) is not None or not is_sealed(path):
        with BundleReader(path, progress) as reader:
            yield reader
        return
    with _private_temp(profile, OPENED_PREFIX) as temp:
        with open(temp, "wb") as target:
            _decrypt(profile, path, path.name, target, progress)
        with BundleReader(temp, progress, name=path.name) as reader:
            reader.sealed = True
            yield reader


# Private temporary files of the profile folder holding a bundle's plain zip: deleted on leaving,
# held (flock) while in use, and removed when a killed process left them (`remove_leftovers`).
SEALING_PREFIX, OPENED_PREFIX = ".sealing-", ".opened-"


@contextmanager
def _private_temp(profile, prefix: str) -> Iterator[Path]:
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".vstb", dir=profile.data_dir)
    held = claim(handle)
    temp = Path(temp_name)
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)
        release(held)


def remove_leftovers(profile) -> list[Path]:
    """The plain zips a killed export or import left in the profile folder."""
    folder = Path(profile.data_dir)
    return leftovers(folder, SEALING_PREFIX + "*.vstb") + leftovers(folder, OPENED_PREFIX + "*.vstb")
