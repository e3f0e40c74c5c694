"""Strict Ed25519: the public keys and signatures a bundle may carry (docs/bundle-format.md).

OpenSSL verifies Ed25519 as RFC 8032 allows, which accepts a public key of small order: with the
key `01 00…00` (the neutral point) and the signature `01 00…00 ‖ 00…00`, any message verifies. So
every key is checked before it is enrolled or used, and every signature before it is verified:

- a public key is the canonical 32-byte encoding (y < p; x = 0 only with the sign bit clear) of a
  point on the curve of the prime-order group: L·A = 0 and A ≠ 0 (this refuses the 8 points of
  small order and every key with a small-order part, which no generated key has);
- a signature R ‖ S has S < L and R the canonical encoding of a point of the prime-order group
  (L·R = 0; R = r·B for a real signature, never of small order).

Plain integer arithmetic on the twisted Edwards curve, extended coordinates; a few milliseconds.
"""

from ..errors import Message

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
_NEUTRAL = (0, 1, 1, 0)


def _decode(raw: bytes):
    """The point (extended coordinates) of a canonical encoding; None for anything else."""
    if len(raw) != 32:
        return None
    number = int.from_bytes(raw, "little")
    y, sign = number & ((1 << 255) - 1), number >> 255
    if y >= P:
        return None  # non-canonical: y written as y + p
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x2 = u * pow(v, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None  # not on the curve
    if x == 0 and sign:
        return None  # non-canonical: -0
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


def _add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % P
    bb = (y1 + x1) * (y2 + x2) % P
    cc = 2 * D * t1 * t2 % P
    dd = 2 * z1 * z2 % P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _times(point, scalar: int):
    result = _NEUTRAL
    while scalar:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _is_neutral(point) -> bool:
    x, y, z, _ = point
    return x % P == 0 and (y - z) % P == 0


def _in_prime_group(raw: bytes) -> bool:
    point = _decode(raw)
    return point is not None and not _is_neutral(point) and _is_neutral(_times(point, L))


def public_key_problem(raw: bytes) -> Message | None:
    """Why a 32-byte Ed25519 public key is refused (Vietnamese), or None."""
    if len(raw) != 32:
        return Message("khóa công khai Ed25519 phải dài 32 byte")
    if _decode(raw) is None:
        return Message("khóa công khai không phải mã hóa chuẩn của một điểm trên đường cong Ed25519")
    if not _in_prime_group(raw):
        return Message("khóa công khai là điểm bậc nhỏ (hoặc có thành phần bậc nhỏ): khóa yếu, ai cũng ký được")
    return None


def signature_problem(signature: bytes) -> Message | None:
    """Why a 64-byte Ed25519 signature is refused before verification (Vietnamese), or None."""
    if len(signature) != 64:
        return Message("chữ ký Ed25519 phải dài 64 byte")
    if int.from_bytes(signature[32:], "little") >= L:
        return Message("phần S của chữ ký không nhỏ hơn bậc L của nhóm (chữ ký không chuẩn)")
    if not _in_prime_group(signature[:32]):
        return Message("phần R của chữ ký không phải mã hóa chuẩn của một điểm bậc L (chữ ký không chuẩn hoặc bậc nhỏ)")
    return None
