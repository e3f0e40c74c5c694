"""Reading a bundle that crossed hands nobody controls, in the order of docs/bundle-format.md §7.

1. the file: not empty, a zip; every member flat, safely named, once, a regular file
2. manifest.sig read (≤ 1 KiB) and parsed; the key found by its fingerprint (`key_for`)
3. the signature checked over the exact bytes of manifest.json (≤ 1 MiB) — before anything is parsed
4. the manifest parsed (strict JSON) and checked: shape, fingerprint, sender = the key's unit
5. the members exactly those the manifest lists; each read with a cap of its declared length + 1
   (zip-declared sizes are never trusted), in chunks, its length, SHA-256 and line lengths checked
   (fmt.MAX_LINE_BYTES) before a line is parsed: a data member is never held whole in memory
6. each line parsed (strict JSON, flat object, known fields), its JSON types and the text rule
   checked (format.check_record), then validated with domain/validation.py
Every refusal names the bundle, the member and the rule.
"""

from __future__ import annotations

import codecs
import hashlib
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalogue import Coverage
from ..catalogue.national import cell_key, national_catalogue
from ..domain.validation import (
    Invalid,
    check_cell_bounds,
    check_indicator_bounds,
    validate_activity,
    validate_breakdown,
    validate_comment,
    validate_coverage,
    validate_document,
    validate_indicator_value,
    validate_narrative,
)
from ..errors import Count, Message, Reason, Refused, message
from ..files import not_a_file
from ..periods import Period
from ..records import Detail
from . import audit_member
from . import format as fmt
from .keys import spaced
from .points import signature_problem
from .strictjson import JsonRefused, decode, loads

if TYPE_CHECKING:  # cryptography is imported when a signature is checked: not at the window's start
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

Progress = Callable[[int, int, str], None]
READ_CHUNK = 1024 * 1024
SCALARS = (str, int, float, type(None))


@dataclass
class SigningKey:
    """The key a bundle must be signed with, as the trust register (or the sender itself) knows it."""

    public_key: Ed25519PublicKey
    org_unit: str  # the one unit the key speaks for


@dataclass
class Content:
    activities: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    indicators: dict[str, float] = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # per indicator
    # What a value carries (records.Detail): its breakdown cells, comment and follow-up mark.
    details: dict[str, Detail] = field(default_factory=dict)


class BundleReader:
    """Open with `with BundleReader(path) as reader:`; then authenticate(), then content()."""

    def __init__(self, path: Path, progress: Progress | None = None, name: str | None = None):
        self.path = Path(path)
        self.name = name or self.path.name  # a sealed bundle's decrypted copy is named as the file received
        self.sealed = False  # decrypted from a sealed file (bundle/sealed.py)
        self.progress = progress or (lambda done, total, stage: None)
        self._zip: zipfile.ZipFile | None = None
        self.infos: dict[str, zipfile.ZipInfo] = {}
        self._manifest: fmt.Manifest | None = None
        self.manifest_sha256 = ""
        self.fingerprint = ""

    @property
    def zip(self) -> zipfile.ZipFile:
        """The open archive (inside `with`)."""
        if self._zip is None:
            raise RuntimeError("BundleReader used outside `with`")
        return self._zip

    @property
    def manifest(self) -> fmt.Manifest:
        """The manifest, once authenticate() has read and checked it."""
        if self._manifest is None:
            raise RuntimeError("BundleReader: authenticate() first")
        return self._manifest

    # -- refusals --------------------------------------------------------------------------

    def refuse(self, rule: str, /, member: str | None = None, **fields) -> Refused:
        """ "gói X: thành phần M: <rule>"; `rule` is a message template filled with `fields`."""
        if member:
            return Refused(
                "gói {bundle}: thành phần {member}: {rule}",
                bundle=self.name,
                member=member,
                rule=message(rule, **fields),
            )
        return Refused("gói {bundle}: {rule}", bundle=self.name, rule=message(rule, **fields))

    # -- 1. the container ------------------------------------------------------------------

    def __enter__(self) -> BundleReader:
        problem = not_a_file(self.path)  # a FIFO or device: refused, never waited on
        if problem is not None:
            raise self.refuse(problem)
        try:
            size = self.path.stat().st_size
            with open(self.path, "rb") as stream:
                head = stream.read(4)
        except FileNotFoundError:
            raise self.refuse("không tìm thấy tệp") from None
        except OSError as exc:
            raise self.refuse("không đọc được tệp ({error})", error=exc.strerror) from None
        if size == 0:
            raise self.refuse("tệp rỗng (0 byte), không phải gói báo cáo")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            if head.startswith(b"PK"):
                raise self.refuse(
                    "tệp zip bị cắt cụt hoặc hỏng (không đọc được danh mục zip); hãy chép lại tệp từ nguồn"
                ) from None
            raise self.refuse("không phải tệp zip (.vstb), định dạng tệp không đúng") from None
        try:
            self._check_directory()
        except BaseException:
            self.zip.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self._zip is not None:
            self._zip.close()

    def _check_directory(self) -> None:
        for info in self.zip.infolist():
            for name in {info.orig_filename, info.filename}:
                reason = fmt.unsafe_name_reason(name)
                if reason:
                    raise self.refuse("tên thành phần không an toàn: {reason}", member=repr(name), reason=reason)
            name = info.filename
            if name in self.infos:
                raise self.refuse("xuất hiện hai lần trong gói (mỗi thành phần chỉ được có một)", name)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise self.refuse("là liên kết tượng trưng (symlink); chỉ chấp nhận tệp thường", name)
            if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                raise self.refuse("không phải tệp thường", name)
            if info.flag_bits & 0x1:
                raise self.refuse("bị mã hóa bằng mật khẩu zip; không được phép", name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.refuse("nén bằng phương pháp không được phép (chỉ stored hoặc deflate)", name)
            self.infos[name] = info

    def read_member(self, name: str, limit: int) -> bytes:
        """At most `limit` bytes; more than that is refused. Zip-declared sizes are not trusted."""
        info = self.infos.get(name)
        if info is None:
            raise self.refuse("thiếu trong gói", name)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise self.refuse("không giải nén được (hỏng hoặc bị cắt cụt: {error})", member=name, error=exc) from None
        if len(data) > limit:
            raise self.refuse(
                "giải nén ra nhiều hơn {limit} byte mà manifest ghi; dừng đọc (nội dung "
                "bị thay đổi, lấy từ gói khác, hoặc bom zip)",
                member=name,
                limit=Count(limit),
            )
        return data

    # -- 2-4. signature, then manifest ------------------------------------------------------

    def authenticate(self, key_for: Callable[[str], SigningKey]) -> fmt.Manifest:
        self.progress(0, 1, "kiểm tra chữ ký")
        if fmt.SIGNATURE not in self.infos:
            raise self.refuse("gói chưa được ký (không có thành phần manifest.sig)", fmt.SIGNATURE)
        try:
            fingerprint, signature = fmt.parse_signature_member(
                self.read_member(fmt.SIGNATURE, fmt.MAX_SIGNATURE_BYTES)
            )
        except ValueError as exc:
            raise self.refuse("chữ ký không đúng định dạng: {error}", member=fmt.SIGNATURE, error=exc) from None
        self.fingerprint = fingerprint
        if fmt.MANIFEST not in self.infos:
            raise self.refuse("thiếu trong gói", fmt.MANIFEST)
        manifest_bytes = self.read_member(fmt.MANIFEST, fmt.MAX_MANIFEST_BYTES)
        key = key_for(fingerprint)  # raises Refused: not enrolled, revoked, weak key
        problem = signature_problem(signature)
        if problem:
            raise self.refuse("chữ ký bị từ chối: {reason}", member=fmt.SIGNATURE, reason=problem)
        # lazy: cryptography loads on first key use, not at start-up
        # lazy: cryptography loads on first key use, not at start-up
        # lazy: cryptography loads on first key use, not at start-up
        from cryptography.exceptions import InvalidSignature

        try:
            key.public_key.verify(signature, manifest_bytes)
        except InvalidSignature:
            raise self.refuse(
                "chữ ký không khớp với manifest.json theo khóa {fingerprint} (gói đã bị sửa sau khi ký, hoặc không "
                "do khóa này ký)",
                member=fmt.SIGNATURE,
                fingerprint=spaced(fingerprint),
            ) from None
        self.manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
        try:
            manifest = fmt.manifest_from_json(loads(manifest_bytes))
        except (JsonRefused, ValueError) as exc:
            raise self.refuse("manifest không hợp lệ: {error}", member=fmt.MANIFEST, error=exc) from None
        if manifest.key_fingerprint != fingerprint:
            raise self.refuse("vân tay khóa trong manifest khác vân tay trong manifest.sig", fmt.MANIFEST)
        if manifest.sender_org_unit != key.org_unit:
            raise self.refuse(
                "gói ghi đơn vị gửi {sender_org_unit} nhưng khóa {fingerprint} chỉ được đăng ký cho đơn vị "
                "{org_unit}; một khóa chỉ đại diện cho một đơn vị",
                member=fmt.MANIFEST,
                sender_org_unit=manifest.sender_org_unit,
                fingerprint=spaced(fingerprint),
                org_unit=key.org_unit,
            )
        expected = {entry.name for entry in manifest.members} | {fmt.MANIFEST, fmt.SIGNATURE}
        extra = sorted(set(self.infos) - expected)
        if extra:
            raise self.refuse("không được kê trong manifest (thành phần thừa)", extra[0])
        for entry in manifest.members:
            if entry.name not in self.infos:
                raise self.refuse("được kê trong manifest nhưng thiếu trong gói", entry.name)
        self._manifest = manifest
        return manifest

    # -- 5-6. members and content -----------------------------------------------------------

    def member_bytes(self, entry: fmt.MemberEntry) -> bytes:
        """A small member (audit.json, answer.json) whole, its length and SHA-256 checked."""
        data = self.read_member(entry.name, entry.length)
        if len(data) != entry.length:
            raise self.refuse(
                "dài {length} byte, manifest ghi {length2} byte",
                member=entry.name,
                length=len(data),
                length2=entry.length,
            )
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise self.refuse(
                "SHA-256 không khớp với manifest (nội dung đã bị thay đổi hoặc lấy từ gói khác)", entry.name
            )
        return data

    def _chunks(self, entry: fmt.MemberEntry):
        """The member decompressed in chunks, never more than its declared length (more is refused)."""
        info = self.infos.get(entry.name)
        if info is None:
            raise self.refuse("thiếu trong gói", entry.name)
        read = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(min(READ_CHUNK, entry.length + 1 - read)):
                    read += len(chunk)
                    if read > entry.length:
                        break
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise self.refuse(
                "không giải nén được (hỏng hoặc bị cắt cụt: {error})", member=entry.name, error=exc
            ) from None
        if read > entry.length:
            raise self.refuse(
                "giải nén ra nhiều hơn {limit} byte mà manifest ghi; dừng đọc (nội dung "
                "bị thay đổi, lấy từ gói khác, hoặc bom zip)",
                member=entry.name,
                limit=Count(entry.length),
            )

    def check_member(self, entry: fmt.MemberEntry) -> int:
        """A data member read once without keeping it: its length, SHA-256, line lengths and the
        ending; returns its number of lines. Nothing of it is parsed before this passes."""
        digest, length, lines, pending = hashlib.sha256(), 0, 0, 0
        last, bom, carriage, invalid = b"", False, None, None
        utf8 = codecs.getincrementaldecoder("utf-8")()
        for chunk in self._chunks(entry):
            if length == 0:
                bom = chunk.startswith(b"\xef\xbb\xbf")
            if invalid is None:
                held = len(utf8.getstate()[0])
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError as exc:
                    invalid = length - held + exc.start
            if carriage is None and b"\r" in chunk:  # CRLF (re-saved on Windows) or a lone CR
                carriage = lines + chunk.count(b"\n", 0, chunk.index(b"\r")) + 1
            digest.update(chunk)
            length += len(chunk)
            start = 0
            while (end := chunk.find(b"\n", start)) != -1:
                if pending + end - start > fmt.MAX_LINE_BYTES:
                    break
                pending, lines, start = 0, lines + 1, end + 1
            pending += len(chunk) - start
            if pending > fmt.MAX_LINE_BYTES:
                raise self.refuse(
                    "dòng {number} dài hơn {limit} byte (giới hạn của một bản ghi); dừng đọc",
                    member=entry.name,
                    number=lines + 1,
                    limit=Count(fmt.MAX_LINE_BYTES),
                )
            last = chunk[-1:]
        if length != entry.length:
            raise self.refuse(
                "dài {length} byte, manifest ghi {length2} byte", member=entry.name, length=length, length2=entry.length
            )
        if digest.hexdigest() != entry.sha256:
            raise self.refuse(
                "SHA-256 không khớp với manifest (nội dung đã bị thay đổi hoặc lấy từ gói khác)", entry.name
            )
        if invalid is None:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                invalid = length - len(utf8.getstate()[0])
        if invalid is not None:
            raise self.refuse("không phải UTF-8 hợp lệ (byte {start})", member=entry.name, start=invalid)
        if bom:
            raise self.refuse("có dấu BOM ở đầu (cần UTF-8 không BOM)", entry.name)
        if length and last != b"\n":
            raise self.refuse("dòng cuối phải kết thúc bằng ký tự xuống dòng", entry.name)
        if carriage is not None:
            raise self.refuse(
                "dòng {number}: có ký tự CR (xuống dòng kiểu Windows CRLF); mỗi dòng chỉ kết thúc bằng LF",
                member=entry.name,
                number=carriage,
            )
        return lines

    def _lines(self, entry: fmt.MemberEntry):
        """The lines of a checked data member, decoded one at a time."""
        pending, offset = b"", 0
        for chunk in self._chunks(entry):
            pending += chunk
            *complete, pending = pending.split(b"\n")
            for raw in complete:
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise self.refuse(
                        "không phải UTF-8 hợp lệ (byte {start})", member=entry.name, start=offset + exc.start
                    ) from None
                offset += len(raw) + 1

    def audit_summary(self) -> dict | None:
        """The report's audit summary (audit.json, format 1.1), checked; None for a 1.0 bundle."""
        entry = self.manifest.member(fmt.AUDIT)
        if entry is None:
            return None
        try:
            return audit_member.parse(self.member_bytes(entry))
        except (JsonRefused, ValueError) as exc:
            raise self.refuse("tóm tắt thay đổi không hợp lệ: {error}", member=fmt.AUDIT, error=exc) from None

    def content(self) -> Content:
        manifest = self.manifest
        period = Period.parse(manifest.period)
        result = Content()
        entries = {entry.name: entry for entry in manifest.members}
        total = sum(manifest.counts.values()) or 1
        done = 0
        for name in fmt.DATA_MEMBERS:
            entry = entries[name]
            count = self.check_member(entry)
            if count != manifest.counts[fmt.COUNT_NAMES[name]]:
                raise self.refuse(
                    "có {length} dòng, manifest ghi {value}",
                    member=name,
                    length=count,
                    value=manifest.counts[fmt.COUNT_NAMES[name]],
                )
            allowed = frozenset(fmt.FIELDS[name])
            seen: set = set()
            for number, line in enumerate(self._lines(entry), start=1):
                raw = self._record(name, number, line, allowed)
                try:
                    self._add(name, raw, period, result, seen)
                except Invalid as exc:
                    raise self.refuse("dòng {number}: {error}", member=name, number=number, error=exc) from None
                except ValueError as exc:
                    raise self.refuse("dòng {number}: {error}", member=name, number=number, error=exc) from None
                done += 1
                if done % 5000 == 0:
                    self.progress(done, total, "kiểm tra nội dung")
        for code, detail in result.details.items():
            if detail.cells is not None:
                try:
                    _, cells = validate_breakdown(code, result.indicators[code], detail.cells)
                except Invalid as exc:
                    raise self.refuse(
                        "chỉ tiêu {code}: {reason}", member=fmt.INDICATORS, code=code, reason=exc
                    ) from None
                result.details[code] = replace(detail, cells=cells)
        problems = check_indicator_bounds(result.indicators)
        problems |= check_cell_bounds({code: detail.cells for code, detail in result.details.items()})
        if problems:
            code, reason = next(iter(problems.items()))
            raise self.refuse("chỉ tiêu {code}: {reason}", member=fmt.INDICATORS, code=code, reason=reason)
        self.progress(total, total, "kiểm tra nội dung")
        return result

    def _record(self, name: str, number: int, line: str, allowed: frozenset) -> dict:
        try:
            raw = decode(line)
        except JsonRefused as exc:
            raise self.refuse("dòng {number}: {error}", member=name, number=number, error=exc) from None
        if type(raw) is not dict:
            raise self.refuse("dòng {number}: phải là một đối tượng JSON phẳng", member=name, number=number)
        if not allowed.issuperset(raw):
            unknown = sorted(set(raw) - allowed)
            raise self.refuse(
                'dòng {number}: trường không biết "{value}"', member=name, number=number, value=unknown[0]
            )
        for key, value in raw.items():
            if not isinstance(value, SCALARS) or isinstance(value, bool):
                raise self.refuse(
                    'dòng {number}: trường "{key}" phải là chuỗi hoặc số, không được lồng đối tượng/mảng',
                    member=name,
                    number=number,
                    key=key,
                )
        try:
            fmt.check_record(name, raw)
        except ValueError as exc:
            raise self.refuse("dòng {number}: {error}", member=name, number=number, error=exc) from None
        return raw

    @staticmethod
    def _add(name: str, raw: dict, period: Period, result: Content, seen: set) -> None:
        if name in (fmt.ACTIVITIES, fmt.DOCUMENTS):
            record_id = raw.get("id")
            if not isinstance(record_id, str) or not fmt.UUID_TEXT.fullmatch(record_id):
                raise Reason("id: phải là UUID viết thường")
            if record_id in seen:
                raise Reason("id {record_id} xuất hiện hai lần", record_id=record_id)
            seen.add(record_id)
            if name == fmt.ACTIVITIES:
                clean = validate_activity(raw, period, strict=True)
                clean["id"] = record_id
                result.activities.append(clean)
            else:
                clean = validate_document(raw, period, strict=True)
                clean["id"] = record_id
                result.documents.append(clean)
        elif name == fmt.INDICATORS and "cell" in raw:
            owner: str = raw["indicator"]  # a string: required and checked by fmt.check_record
            if not result.indicators or list(result.indicators)[-1] != owner:
                raise Reason("ô phân tổ của chỉ tiêu {code} phải ngay sau dòng tổng số của nó", code=owner)
            if set(raw) != {"indicator", "cell", "value"}:
                raise Reason("dòng ô phân tổ chỉ có indicator, cell, value")
            cells = dict(result.details[owner].cells or {})
            key = cell_key(national_catalogue().parse_cell(owner, raw["cell"]))
            if not key or key in cells:
                raise Reason(
                    "chỉ tiêu {code}: ô phân tổ '{key}' rỗng hoặc xuất hiện hai lần", code=owner, key=raw["cell"]
                )
            cells[key] = raw["value"]
            result.details[owner] = replace(result.details[owner], cells=cells)
        elif name == fmt.INDICATORS:
            code: str = raw["indicator"]  # a string: required and checked by fmt.check_record
            if code in seen:
                raise Reason("chỉ tiêu {code} xuất hiện hai lần", code=code)
            seen.add(code)
            coverage = validate_coverage(raw.get("coverage"))
            value = validate_indicator_value(code, raw.get("value"), coverage)
            if not value.is_integer():  # every indicator typed in is a count of people, units or calls
                raise Invalid(
                    {
                        "value": Message(
                            "chỉ tiêu {code} là số đếm, phải là số nguyên (không phải {value})",
                            code=code,
                            value=raw.get("value"),
                        )
                    }
                )
            result.indicators[code] = value
            result.coverage[code] = coverage
            result.details[code] = Detail(None, validate_comment(raw.get("comment")), bool(raw.get("follow_up")))
            if raw.get("follow_up", 0) not in (0, 1):
                raise Reason("follow_up: phải là 0 hoặc 1")
        else:
            section, text = validate_narrative(raw.get("section"), raw.get("text"), strict=True)
            if section in seen:
                raise Reason('mục "{section}" xuất hiện hai lần', section=section)
            seen.add(section)
            result.narratives[section] = text
