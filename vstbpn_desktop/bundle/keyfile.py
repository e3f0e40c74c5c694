"""The private key's file: standard encrypted PKCS#8 PEM with a stated work factor.

`cryptography`'s BestAvailableEncryption writes PBES2 with PBKDF2 at 2,048 iterations and gives no
way to ask for more, so the file is built here (docs/architecture.md, Bundles): PBES2 (RFC 8018)
with PBKDF2-HMAC-SHA256 at 600,000 iterations and a 16-byte random salt, AES-256-CBC with a 16-byte
random IV, over the unencrypted PKCS#8 DER of the Ed25519 key. OpenSSL reads it (`openssl pkey`),
and so does `serialization.load_pem_private_key`, which opens the old 2,048-iteration files too;
`iterations()` tells them apart so the key is re-encrypted at its next unlock (keys.py).
"""

import base64
import os

ITERATIONS = 600_000
_PBES2 = "1.2.840.113549.1.5.13"
_PBKDF2 = "1.2.840.113549.1.5.12"
_HMAC_SHA256 = "1.2.840.113549.2.9"
_AES256_CBC = "2.16.840.1.101.3.4.1.42"
_BEGIN, _END = "-----BEGIN ENCRYPTED PRIVATE KEY-----", "-----END ENCRYPTED PRIVATE KEY-----"


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        head = bytes([size])
    else:
        octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(octets)]) + octets
    return bytes([tag]) + head + content


def _sequence(*parts: bytes) -> bytes:
    return _der(0x30, b"".join(parts))


def _oid(text: str) -> bytes:
    arcs = [int(arc) for arc in text.split(".")]
    body = bytes([40 * arcs[0] + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body += bytes(reversed(chunk))
    return _der(0x06, body)


def _integer(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def encrypt(private, passphrase: str, iterations: int = ITERATIONS) -> bytes:
    """The PEM of `private` (an Ed25519PrivateKey) encrypted under `passphrase`."""
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives import hashes, padding, serialization

    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    # lazy: cryptography loads on first key use, not at start-up
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    plain = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt, iv = os.urandom(16), os.urandom(16)
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(passphrase.encode("utf-8"))
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    secret = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    der = _sequence(
        _sequence(
            _oid(_PBES2),
            _sequence(
                _sequence(
                    _oid(_PBKDF2),
                    _sequence(_der(0x04, salt), _integer(iterations), _sequence(_oid(_HMAC_SHA256), _der(0x05, b""))),
                ),
                _sequence(_oid(_AES256_CBC), _der(0x04, iv)),
            ),
        ),
        _der(0x04, secret),
    )
    text = base64.b64encode(der).decode("ascii")
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return "\n".join([_BEGIN, *lines, _END, ""]).encode("ascii")


def _children(der: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """(tag, content start, content end) of each element between start and end."""
    found = []
    while start < end:
        tag, size = der[start], der[start + 1]
        start += 2
        if size & 0x80:
            count = size & 0x7F
            size = int.from_bytes(der[start : start + count], "big")
            start += count
        found.append((tag, start, start + size))
        start += size
    return found


def iterations(pem: bytes) -> int:
    """The PBKDF2 iteration count of an encrypted PKCS#8 PEM; 0 when it is not PBES2/PBKDF2."""
    try:
        body = pem.decode("ascii").strip()
        if not body.startswith(_BEGIN):
            return 0
        der = base64.b64decode("".join(body.splitlines()[1:-1]))
        outer = _children(der, 0, len(der))[0]
        algorithm = _children(der, outer[1], outer[2])[0]
        oid, params = _children(der, algorithm[1], algorithm[2])[:2]
        if der[oid[1] : oid[2]] != _oid(_PBES2)[2:]:
            return 0
        kdf = _children(der, params[1], params[2])[0]
        kdf_oid, kdf_params = _children(der, kdf[1], kdf[2])[:2]
        if der[kdf_oid[1] : kdf_oid[2]] != _oid(_PBKDF2)[2:]:
            return 0
        count = _children(der, kdf_params[1], kdf_params[2])[1]
        return int.from_bytes(der[count[1] : count[2]], "big")
    except (ValueError, IndexError, UnicodeDecodeError):
        return 0
