"""The profile's signing key: Ed25519, made at `init`, the private half encrypted under the passphrase.

Files: `<data_dir>/keys/signing-key.pem` (PKCS#8 PEM, encrypted with the passphrase: PBES2 with
PBKDF2-HMAC-SHA256 at 600,000 iterations and AES-256-CBC, keyfile.py; an older file at 2,048
iterations is re-encrypted at its next unlock). The public
half is also kept in the `meta` table (`signing_public_key`, base64 of the 32 raw bytes) so it can be
shown without the passphrase.

Fingerprint: the first 16 bytes of SHA-256 over the 32 raw public-key bytes, written as 8 groups of
4 upper-case hex digits (`3F2A 9C01 …`), short enough to read aloud over the phone. Accepted with or
without spaces, in any case.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import OutputError, write_atomic
from ..errors import Refused
from ..files import KEYS_DIR, not_a_file
from ..storage.database import session_scope
from ..storage.models import Meta
from . import keyfile
from .points import public_key_problem
from .strictjson import JsonRefused, loads

if TYPE_CHECKING:  # cryptography is imported where a key is used: not at the window's start
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PRIVATE_KEY_FILE = "signing-key.pem"
META_PUBLIC_KEY = "signing_public_key"
FINGERPRINT_BYTES = 16
PUBLIC_KEY_FORMAT = "vstb-public-key"
MAX_PUBLIC_KEY_FILE = 64 * 1024
MIN_PASSPHRASE = 8
# What the signing key signs to vouch for the profile's X25519 encryption key (bundle/sealed.py): the
# public key file carries both, and the fingerprint read aloud covers the signing key only.
ENCRYPTION_KEY_CONTEXT = b"vstb-encryption-key-1\n"
ENCRYPTION_KEY_FILE = "encryption-key.pem"
META_ENCRYPTION_KEY = "encryption_public_key"
META_ENCRYPTION_SIGNATURE = "encryption_key_signature"


def fingerprint_hex(raw_public_key: bytes) -> str:
    """32 upper-case hex digits, no spaces: the stored form."""
    return hashlib.sha256(raw_public_key).digest()[:FINGERPRINT_BYTES].hex().upper()


def spaced(fingerprint: str) -> str:
    """`3F2A9C01…` → `3F2A 9C01 …`: the form shown and read aloud."""
    plain = normalise_fingerprint(fingerprint)
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def normalise_fingerprint(text: str) -> str:
    """Accept a fingerprint with or without spaces, any case; refuse anything else."""
    plain = re.sub(r"[\s:-]", "", str(text or "")).upper()
    if len(plain) != FINGERPRINT_BYTES * 2 or not re.fullmatch("[0-9A-F]+", plain):
        raise Refused(
            "vân tay khóa '{text}' không hợp lệ: cần {value} chữ số hex (8 nhóm 4 ký tự, có hoặc không có dấu cách)",
            text=text,
            value=FINGERPRINT_BYTES * 2,
        )
    return plain


def raw_public(key: Ed25519PublicKey) -> bytes:
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_from_base64(text: str) -> Ed25519PublicKey:
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.b64decode(text, validate=True)
        if len(raw) != 32:
            raise ValueError
        key = Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise Refused("khóa công khai không hợp lệ (cần 32 byte Ed25519 mã hóa base64)") from None
    problem = public_key_problem(raw)
    if problem:
        raise Refused("khóa công khai bị từ chối: {reason}", reason=problem)
    return key


def key_path(profile) -> Path:
    return Path(profile.data_dir) / KEYS_DIR / PRIVATE_KEY_FILE


@dataclass
class PublicKeyInfo:
    org_unit: str
    org_unit_name: str
    tree: str
    public_key: str  # base64 of the 32 raw bytes
    fingerprint: str  # 32 hex digits
    encryption_key: str = ""  # base64 of the 32-byte X25519 key bundles to this unit are encrypted to
    encryption_key_signature: str = ""  # base64: the signing key's signature over it

    def as_json(self) -> dict:
        document = {
            "format": PUBLIC_KEY_FORMAT,
            "version": 1,
            "org_unit": self.org_unit,
            "org_unit_name": self.org_unit_name,
            "tree": self.tree,
            "public_key": self.public_key,
            "fingerprint": spaced(self.fingerprint),
        }
        if self.encryption_key:
            document["encryption_key"] = self.encryption_key
            document["encryption_key_signature"] = self.encryption_key_signature
        return document


# -- at init ---------------------------------------------------------------------------------


def check_new_passphrase(passphrase: str | None) -> None:
    """The rule for a new passphrase, the same in the window (ui/window/first_run.py) and at `init`."""
    if not passphrase:
        raise Refused("cần mật khẩu để bảo vệ khóa ký của hồ sơ")
    if len(passphrase) < MIN_PASSPHRASE:
        raise Refused("mật khẩu khóa ký quá ngắn: cần ít nhất {value} ký tự", value=MIN_PASSPHRASE)


def init_profile_key(profile, passphrase: str) -> str:
    """Make the profile's key pair; the private key encrypted under `passphrase`. Returns the fingerprint."""

    check_new_passphrase(passphrase)
    path = key_path(profile)
    if path.exists():
        raise Refused("{path}: hồ sơ đã có khóa ký; không tạo đè", path=path)
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = keyfile.encrypt(private, passphrase)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pem, private=True, profile_file=True)
    except (OSError, OutputError) as exc:
        raise Refused("{path}: không ghi được khóa ký ({error})", path=path, error=exc) from exc
    raw = raw_public(private.public_key())
    with session_scope(profile.engine) as session:
        session.merge(Meta(key=META_PUBLIC_KEY, value=base64.b64encode(raw).decode("ascii")))
    profile._meta = None
    ensure_encryption_key(profile, private)
    return fingerprint_hex(raw)


# -- using the key ---------------------------------------------------------------------------


def public_key_info(profile) -> PublicKeyInfo:
    encoded = profile.meta.get(META_PUBLIC_KEY)
    if not encoded:
        raise Refused("{data_dir}: hồ sơ chưa có khóa ký", data_dir=profile.data_dir)
    raw = base64.b64decode(encoded)
    unit = profile.org_unit()
    encryption = own_encryption_key(profile) or ("", "")
    return PublicKeyInfo(
        org_unit=profile.org_unit_code,
        org_unit_name=unit.name if unit else "",
        tree=profile.org_unit_tree,
        public_key=encoded,
        fingerprint=fingerprint_hex(raw),
        encryption_key=encryption[0],
        encryption_key_signature=encryption[1],
    )


def load_private_key(profile, passphrase: str) -> Ed25519PrivateKey:
    """The private key; a wrong passphrase is refused with a clear message, nothing changed."""
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives import serialization

    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = key_path(profile)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise Refused("{path}: không tìm thấy khóa ký của hồ sơ", path=path) from None
    except OSError as exc:
        raise Refused("{path}: không đọc được khóa ký ({error})", path=path, error=exc.strerror) from exc
    try:
        private = serialization.load_pem_private_key(pem, password=(passphrase or "").encode("utf-8"))
    except (ValueError, TypeError):
        # No path here: the officer typed a passphrase, the file is not what went wrong (a damaged
        # file says so through `check` and the backups).
        raise Refused("mật khẩu khóa ký không đúng (hoặc tệp khóa bị hỏng)") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise Refused("{path}: không phải khóa Ed25519", path=path)
    if base64.b64encode(raw_public(private.public_key())).decode("ascii") != profile.meta.get(META_PUBLIC_KEY):
        raise Refused("{path}: khóa ký không khớp với khóa công khai ghi trong hồ sơ", path=path)
    if keyfile.iterations(pem) < keyfile.ITERATIONS:
        # A file of an older version (PBKDF2 at 2,048 iterations): re-encrypted now, atomically; if the
        # folder cannot be written, the old file stays whole and is tried again at the next unlock.
        with contextlib.suppress(OSError, OutputError):
            write_atomic(path, keyfile.encrypt(private, passphrase or ""), private=True, profile_file=True)
    ensure_encryption_key(profile, private)  # a profile made before encryption gets its key now
    return private


def export_public(profile, out: Path) -> PublicKeyInfo:
    info = public_key_info(profile)
    data = json.dumps(info.as_json(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    try:
        write_atomic(Path(out), data)
    except OutputError as exc:
        raise Refused(exc) from exc
    return info


def read_public_key_file(path: Path) -> PublicKeyInfo:
    """A file written by `keys export-public`; the fingerprint is recomputed, never trusted."""

    path = Path(path)
    problem = not_a_file(path)  # a FIFO or device: refused, never waited on
    if problem is not None:
        raise Refused("{path}: {problem}", path=path, problem=problem)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_PUBLIC_KEY_FILE + 1)
    except OSError as exc:
        raise Refused("{path}: không đọc được ({error})", path=path, error=exc.strerror) from exc
    if len(data) > MAX_PUBLIC_KEY_FILE:
        raise Refused("{name}: quá lớn để là tệp khóa công khai", name=path.name)
    try:
        document = loads(data)
    except JsonRefused as exc:
        raise Refused("{name}: không phải tệp khóa công khai ({error})", name=path.name, error=exc) from None
    if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
        raise Refused(
            '{name}: không phải tệp khóa công khai (thiếu "format": "{PUBLIC_KEY_FORMAT}")',
            name=path.name,
            PUBLIC_KEY_FORMAT=PUBLIC_KEY_FORMAT,
        )
    fields = {}
    for name in ("org_unit", "public_key", "fingerprint"):
        if not isinstance(document.get(name), str) or not document[name]:
            raise Refused('{name}: thiếu trường "{name2}"', name=path.name, name2=name)
        fields[name] = document[name]
    try:
        actual = fingerprint_hex(base64.b64decode(fields["public_key"], validate=True))
    except ValueError:
        actual = ""
    if actual and normalise_fingerprint(fields["fingerprint"]) != actual:
        raise Refused("{name}: vân tay ghi trong tệp không khớp với khóa công khai (tệp đã bị sửa)", name=path.name)
    signing = public_from_base64(fields["public_key"])  # weak keys refused here
    actual = fingerprint_hex(raw_public(signing))
    encryption = checked_encryption_key(path.name, document, signing)
    return PublicKeyInfo(
        org_unit=fields["org_unit"].strip(),
        org_unit_name=str(document.get("org_unit_name") or ""),
        tree=str(document.get("tree") or ""),
        public_key=fields["public_key"],
        fingerprint=actual,
        encryption_key=encryption[0],
        encryption_key_signature=encryption[1],
    )


def checked_encryption_key(name: str, document: dict, signing: Ed25519PublicKey) -> tuple[str, str]:
    """The document's X25519 key and its signature (fields `encryption_key`, `encryption_key_signature`:
    a public key file, or a chain of key endorsements), checked against `signing`; ("", "") for a
    document written before encryption (without both fields)."""
    key, signature = document.get("encryption_key"), document.get("encryption_key_signature")
    if key is None and signature is None:
        return "", ""
    if not isinstance(key, str) or not isinstance(signature, str):
        key = signature = ""  # refused below, as any other bad value
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.exceptions import InvalidSignature

    try:
        raw = base64.b64decode(key, validate=True)
        if len(raw) != 32 or raw == bytes(32):
            raise ValueError
        signing.verify(base64.b64decode(signature, validate=True), ENCRYPTION_KEY_CONTEXT + raw)
    except (ValueError, TypeError, InvalidSignature):
        raise Refused(
            "{name}: khóa mã hóa trong tệp không hợp lệ hoặc không được khóa ký của tệp xác nhận (tệp đã bị sửa)",
            name=name,
        ) from None
    return key, signature


# -- the profile's own encryption key (bundle/sealed.py) --------------------------------------------


def encryption_key_path(profile) -> Path:
    return Path(profile.data_dir) / KEYS_DIR / ENCRYPTION_KEY_FILE


def ensure_encryption_key(profile, signing_key) -> None:
    """Give the profile its X25519 key if it has none, and (re)sign its public half with
    `signing_key` (the profile's current Ed25519 private key) when the signature is not by it."""
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    path = encryption_key_path(profile)
    meta = profile.meta
    encoded = meta.get(META_ENCRYPTION_KEY)
    if encoded and path.exists():
        raw = base64.b64decode(encoded)
        signature = meta.get(META_ENCRYPTION_SIGNATURE) or ""
        try:
            signing_key.public_key().verify(base64.b64decode(signature), ENCRYPTION_KEY_CONTEXT + raw)
            return
        except Exception:  # noqa: BLE001 - cryptography's InvalidSignature or a damaged value: signed anew below
            pass
    else:
        private = X25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, pem, private=True, profile_file=True)
        except (OSError, OutputError) as exc:
            raise Refused("{path}: không ghi được khóa giải mã ({error})", path=path, error=exc) from exc
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    signature = base64.b64encode(signing_key.sign(ENCRYPTION_KEY_CONTEXT + raw)).decode("ascii")
    with session_scope(profile.engine) as session:
        session.merge(Meta(key=META_ENCRYPTION_KEY, value=base64.b64encode(raw).decode("ascii")))
        session.merge(Meta(key=META_ENCRYPTION_SIGNATURE, value=signature))
    profile._meta = None


def retired_encryption_key_path(profile, fingerprint: str) -> Path:
    """Where a replaced X25519 key is kept: files sealed to it before the rotation still open."""
    return Path(profile.data_dir) / KEYS_DIR / f"encryption-key-{fingerprint}.pem"


def renew_encryption_key(profile, signing_key) -> None:
    """A new X25519 key signed by `signing_key` (a key rotation); the old private key is kept under
    its fingerprint, for the files already sealed to it."""
    path = encryption_key_path(profile)
    encoded = profile.meta.get(META_ENCRYPTION_KEY)
    if encoded and path.exists():
        retired = retired_encryption_key_path(profile, fingerprint_hex(base64.b64decode(encoded)))
        try:
            os.replace(path, retired)
        except OSError as exc:
            raise Refused("{path}: không giữ lại được khóa giải mã cũ ({error})", path=path, error=exc) from exc
    ensure_encryption_key(profile, signing_key)


def own_encryption_key(profile) -> tuple[str, str] | None:
    """(base64 public key, base64 signature by the signing key), or None for a profile made before
    encryption that has not unlocked its signing key since."""
    meta = profile.meta
    if meta.get(META_ENCRYPTION_KEY) and meta.get(META_ENCRYPTION_SIGNATURE):
        return meta[META_ENCRYPTION_KEY], meta[META_ENCRYPTION_SIGNATURE]
    return None
