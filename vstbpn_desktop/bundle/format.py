"""The `.vstb` container, version 1 (docs/bundle-format.md is the specification).

A zip file with exactly these members, flat (no folders):
  manifest.json      the manifest (canonical JSON, below)
  manifest.sig       the detached signature: three ASCII lines
                       `vstb-signature-1` / the key fingerprint (32 hex) / base64 of the 64-byte
                       Ed25519 signature over the exact bytes of manifest.json
  activities.jsonl, documents.jsonl, indicators.jsonl, narratives.jsonl
                     the data members, one flat JSON object per line, UTF-8, each line ending in \n
  audit.json         (version 1.1) what changed since the previous submission (bundle/audit_member.py)
An answer (kind "answer", version 1.1) holds manifest.json, manifest.sig and answer.json only
(bundle/answer.py): the parent returning a child's report for correction. A configuration (kind
"config", version 1.1, a `.vstc` file) holds manifest.json, manifest.sig and config.json only
(bundle/config.py): the province steering its units.
"""

import base64
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from ..catalogue import ACTIVITY_KINDS, COVERAGES, DOCUMENT_DIRECTIONS, DOCUMENT_KINDS
from ..domain.validation import MAX_TEXT
from ..errors import Count, Reason
from ..periods import Period
from ..text import REFUSED_CHARACTER
from ..timestamps import parse_timestamp

FORMAT = "vstb"
FORMAT_VERSION = 1
# 1.1 adds the audit summary member of a report and the answer kind; 1.0 bundles (no
# "format_minor" field, no audit.json) are still read.
FORMAT_MINOR = 1
# 1.2 adds the optional member key-endorsements.json (a report signed by a rotated key, carrying the
# endorsements that lead to it from a key the parent enrolled, or a parent's configuration signed by
# its rotated key: bundle/rotation.py); written only by a file that carries it, so every other bundle
# is still read by a 1.1 reader.
FORMAT_MINOR_ENDORSED = 2
READ_MINOR = FORMAT_MINOR_ENDORSED
# A report (a child's period, sent up), an answer (the parent returning it for correction) or a
# configuration (the parent steering its units: bundle/config.py).
BundleKind = Literal["report", "answer", "config"]
KIND_REPORT: BundleKind = "report"
KIND_ANSWER: BundleKind = "answer"
KIND_CONFIG: BundleKind = "config"
AUDIT = "audit.json"
ENDORSEMENTS = "key-endorsements.json"
MAX_ENDORSEMENTS_BYTES = 64 * 1024
ANSWER = "answer.json"
CONFIG = "config.json"
MAX_AUDIT_BYTES = 64 * 1024
MAX_ANSWER_BYTES = 16 * 1024
MAX_CONFIG_BYTES = 1024 * 1024
# The kinds made of one JSON member, with no data counts, that need format_minor ≥ 1.
SMALL_KINDS: dict[BundleKind, str] = {KIND_ANSWER: ANSWER, KIND_CONFIG: CONFIG}
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SIGNATURE_MAGIC = "vstb-signature-1"

ACTIVITIES, DOCUMENTS, INDICATORS, NARRATIVES = (
    "activities.jsonl",
    "documents.jsonl",
    "indicators.jsonl",
    "narratives.jsonl",
)
DATA_MEMBERS = (ACTIVITIES, DOCUMENTS, INDICATORS, NARRATIVES)
COUNT_NAMES = {ACTIVITIES: "activities", DOCUMENTS: "documents", INDICATORS: "indicators", NARRATIVES: "narratives"}

# The fields of one line of each data member; all required except where the validators give a default.
FIELDS = {
    ACTIVITIES: ("id", "date", "kind", "title", "sessions", "participants", "female_participants", "place", "notes"),
    # "direction" and "coverage" are written only when not the default (received; area), so a bundle
    # without them reads as before: a document issued, a value of the sender's own level.
    DOCUMENTS: ("id", "number", "date", "issuer", "kind", "title", "direction"),
    # "cell", "comment" and "follow_up" likewise: a line with "cell" is one cell of the breakdown of
    # the value whose line precedes it; a bundle without them reads as before (no breakdown, no comment).
    INDICATORS: ("indicator", "value", "coverage", "cell", "comment", "follow_up"),
    NARRATIVES: ("section", "text"),
}

MAX_MANIFEST_BYTES = 1024 * 1024
# The longest line a data member can hold: every text field at most MAX_TEXT characters (an activity
# has two such fields and a 300-character place), each character at most 6 bytes (a \uXXXX escape),
# plus the keys and numbers. A longer line, or a member longer than its line count allows, is refused
# before it is decompressed into memory (a 400 MB title in a 400 KB bundle).
MAX_LINE_BYTES = 6 * (2 * MAX_TEXT + 300) + 4096
MAX_SIGNATURE_BYTES = 1024
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")  # ASCII digits only
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The characters no text of a bundle may hold (the app cleaned them when they were typed): those of
# the text rule (text.clean_text), "\r", "\v" and "\f" included.

# The JSON type of each field of a data member's line: "text" a string (null allowed when the
# field is optional), "count" a JSON integer, "number" a JSON integer or fraction. Fields not
# listed in REQUIRED may be absent (the defaults are in the specification).
FieldType = Literal["text", "count", "number"]
FIELD_TYPES: dict[str, dict[str, FieldType]] = {
    ACTIVITIES: {
        "id": "text",
        "date": "text",
        "kind": "text",
        "title": "text",
        "sessions": "count",
        "participants": "count",
        "female_participants": "count",
        "place": "text",
        "notes": "text",
    },
    DOCUMENTS: {
        "id": "text",
        "number": "text",
        "date": "text",
        "issuer": "text",
        "kind": "text",
        "title": "text",
        "direction": "text",
    },
    INDICATORS: {
        "indicator": "text",
        "value": "number",
        "coverage": "text",
        "cell": "text",
        "comment": "text",
        "follow_up": "count",
    },
    NARRATIVES: {"section": "text", "text": "text"},
}
# The fields that hold one word of a fixed list: in a bundle exactly so written (no spaces, no
# capitals, not null), though a table file may write " Training".
VOCABULARY = {
    (ACTIVITIES, "kind"): tuple(ACTIVITY_KINDS),
    (DOCUMENTS, "kind"): tuple(DOCUMENT_KINDS),
    (DOCUMENTS, "direction"): DOCUMENT_DIRECTIONS,
    (INDICATORS, "coverage"): COVERAGES,
}
REQUIRED = {
    ACTIVITIES: ("id", "date", "kind", "title"),
    DOCUMENTS: ("id", "number", "date", "kind", "title"),
    INDICATORS: ("indicator", "value"),
    NARRATIVES: ("section", "text"),
}

MANIFEST_FIELDS: dict[str, type] = {
    "format": str,
    "format_version": int,
    "bundle_id": str,
    "kind": str,
    "sender_org_unit": str,
    "sender_tree": str,
    "sender_officer": str,
    "key_fingerprint": str,
    "recipient_org_unit": str,
    "sequence": int,
    "period": str,
    "created_at": str,
    "app_version": str,
    "counts": dict,
    "members": list,
}
OPTIONAL_MANIFEST_FIELDS = {"format_minor": int}


def canonical_json(value: object) -> bytes:
    """Sorted keys, no insignificant white space, UTF-8 (not \\u-escaped), no trailing newline."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def record_line(value: object) -> str:
    """One line of a data member (keys in FIELDS order, compact, UTF-8)."""
    return _LINE_ENCODER.encode(value) + "\n"


def new_bundle_id() -> str:
    return str(uuid.uuid4())


# -- signature member ------------------------------------------------------------------------


def signature_member(fingerprint: str, signature: bytes) -> bytes:
    return f"{SIGNATURE_MAGIC}\n{fingerprint}\n{base64.b64encode(signature).decode('ascii')}\n".encode("ascii")


def parse_signature_member(data: bytes) -> tuple[str, bytes]:
    """(fingerprint, signature) or ValueError naming what is wrong."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise Reason("không phải văn bản ASCII") from None
    lines = text.split("\n")
    if len(lines) != 4 or lines[3] != "" or lines[0] != SIGNATURE_MAGIC:
        raise Reason(
            "cần đúng 3 dòng: '{SIGNATURE_MAGIC}', vân tay khóa, chữ ký base64", SIGNATURE_MAGIC=SIGNATURE_MAGIC
        )
    fingerprint = lines[1]
    if not re.fullmatch(r"[0-9A-F]{32}", fingerprint):
        raise Reason("dòng 2 phải là vân tay khóa: 32 chữ số hex viết hoa")
    try:
        signature = base64.b64decode(lines[2], validate=True)
    except ValueError:
        raise Reason("dòng 3 không phải base64") from None
    if len(signature) != 64:
        raise Reason("chữ ký Ed25519 phải dài 64 byte")
    return fingerprint, signature


# -- manifest --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberEntry:
    name: str
    length: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    kind: BundleKind
    sender_org_unit: str
    sender_tree: str
    sender_officer: str
    key_fingerprint: str
    recipient_org_unit: str
    sequence: int
    period: str
    created_at: str
    app_version: str
    counts: dict[str, int]
    members: tuple[MemberEntry, ...]
    format_minor: int = FORMAT_MINOR

    def member(self, name: str) -> MemberEntry | None:
        return next((m for m in self.members if m.name == name), None)

    def as_json(self) -> dict[str, Any]:
        minor = {"format_minor": self.format_minor} if self.format_minor else {}
        return {
            **minor,
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "sender_org_unit": self.sender_org_unit,
            "sender_tree": self.sender_tree,
            "sender_officer": self.sender_officer,
            "key_fingerprint": self.key_fingerprint,
            "recipient_org_unit": self.recipient_org_unit,
            "sequence": self.sequence,
            "period": self.period,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "counts": dict(self.counts),
            "members": [{"name": m.name, "length": m.length, "sha256": m.sha256} for m in self.members],
        }


def check_text(value: str, where: str) -> None:
    """Refuse a string holding a character the text rule forbids (never normalised in a bundle)."""
    found = REFUSED_CHARACTER.search(value)
    if found:
        raise Reason(
            "{where}: chứa ký tự điều khiển hoặc không hợp lệ U+{code:04X} (vị trí {position}); "
            "gói không được chứa ký tự này",
            where=where,
            code=ord(found.group()),
            position=found.start() + 1,
        )


def check_timestamp(value: object, where: str) -> datetime:
    """`YYYY-MM-DDTHH:MM:SSZ` in ASCII digits, a real moment (no 30 February, no hour 24) of the
    years 2000-2100 (as periods; a year 1 or 9999 would overflow a local time): the moment, UTC."""
    try:
        if isinstance(value, str) and TIMESTAMP.fullmatch(value):
            moment = parse_timestamp(value)
            if 2000 <= moment.year <= 2100:
                return moment
    except ValueError:
        pass
    raise Reason('"{where}" phải là thời điểm có thật dạng YYYY-MM-DDTHH:MM:SSZ (năm 2000-2100)', where=where)


def check_record(name: str, raw: dict[str, Any]) -> None:
    """The JSON types of one line of a data member, before its values are validated: required
    fields present; strings, JSON integers and JSON numbers where the specification says so (not
    2.0 or "2" for a count, not "16" for a value); dates ISO in ASCII digits; the text rule."""
    types = FIELD_TYPES[name]
    for field in REQUIRED[name]:
        if field not in raw:
            raise Reason('thiếu trường "{field}"', field=field)
    for field, value in raw.items():
        kind = types[field]
        words = VOCABULARY.get((name, field))
        if kind == "text":
            if value is None and field not in REQUIRED[name] and words is None:
                continue
            if not isinstance(value, str):
                raise Reason('trường "{field}" phải là chuỗi JSON', field=field)
            check_text(value, field)
            if words is not None and value not in words:
                raise Reason(
                    "{field}: '{value}' không có trong danh mục ({words}); trong gói phải viết đúng như vậy",
                    field=field,
                    value=value,
                    words=", ".join(words),
                )
        elif kind == "count":
            if type(value) is not int:
                raise Reason(
                    'trường "{field}" phải là số nguyên JSON (không phải {value})',
                    field=field,
                    value=json.dumps(value, ensure_ascii=False),
                )
        elif type(value) not in (int, float):
            raise Reason(
                'trường "{field}" phải là số JSON (không phải {value})',
                field=field,
                value=json.dumps(value, ensure_ascii=False),
            )
    date = raw.get("date")
    if date is not None and not ISO_DATE.fullmatch(date):
        raise Reason("date: ngày trong gói phải viết dạng YYYY-MM-DD (chữ số ASCII)")


def manifest_from_json(value: object) -> Manifest:
    """Check the manifest's shape; ValueError naming the field and the rule."""
    if not isinstance(value, dict):
        raise Reason("manifest phải là một đối tượng JSON")
    unknown = sorted(set(value) - set(MANIFEST_FIELDS) - set(OPTIONAL_MANIFEST_FIELDS))
    if unknown:
        raise Reason("trường không biết: {unknown}", unknown=", ".join(unknown))
    for name, wanted in MANIFEST_FIELDS.items():
        if name not in value:
            raise Reason('thiếu trường "{name}"', name=name)
        field = value[name]
        if not isinstance(field, wanted) or (wanted is int and isinstance(field, bool)):
            raise Reason('trường "{name}" phải là {kind}', name=name, kind=wanted.__name__)
    minor = value.get("format_minor", 0)
    if not isinstance(minor, int) or isinstance(minor, bool) or not 0 <= minor <= READ_MINOR:
        raise Reason(
            '"format_minor" phải là số nguyên 0 … {FORMAT_MINOR} (phiên bản phụ {minor!r} không được hỗ '
            "trợ; hãy cập nhật ứng dụng)",
            FORMAT_MINOR=READ_MINOR,
            minor=minor,
        )
    if "format_minor" in value and minor == 0:
        raise Reason('"format_minor" 0 thì bỏ trường này đi (phiên bản 1.0)')
    if value["format"] != FORMAT:
        raise Reason('"format" phải là "{FORMAT}"', FORMAT=FORMAT)
    if value["format_version"] != FORMAT_VERSION:
        raise Reason(
            "phiên bản định dạng {format_version} không được hỗ trợ (ứng dụng này đọc phiên bản {FORMAT_VERSION}); "
            "hãy cập nhật ứng dụng",
            format_version=value["format_version"],
            FORMAT_VERSION=FORMAT_VERSION,
        )
    if value["kind"] not in (KIND_REPORT, KIND_ANSWER, KIND_CONFIG):
        raise Reason(
            'loại gói "{kind}" không biết (chỉ "{KIND_REPORT}", "{KIND_ANSWER}" hoặc "{KIND_CONFIG}")',
            kind=value["kind"],
            KIND_REPORT=KIND_REPORT,
            KIND_ANSWER=KIND_ANSWER,
            KIND_CONFIG=KIND_CONFIG,
        )
    kind: BundleKind = next(k for k in (KIND_REPORT, KIND_ANSWER, KIND_CONFIG) if k == value["kind"])
    if kind in SMALL_KINDS and minor < 1:
        raise Reason('gói loại "{kind}" cần "format_minor" ≥ 1', kind=kind)
    if not UUID_TEXT.fullmatch(value["bundle_id"]):
        raise Reason('"bundle_id" phải là UUID viết thường')
    for name in ("sender_org_unit", "recipient_org_unit"):
        if not re.fullmatch(r"[0-9]{1,10}", value[name]):
            raise Reason('"{name}" phải là mã đơn vị (chữ số)', name=name)
    if not re.fullmatch(r"[0-9A-F]{32}", value["key_fingerprint"]):
        raise Reason('"key_fingerprint" phải là 32 chữ số hex viết hoa')
    if not 1 <= value["sequence"] <= 2**53:
        raise Reason('"sequence" phải là số nguyên dương')
    try:
        period = Period.parse(value["period"])
    except ValueError as exc:
        raise Reason('"period": {error}', error=exc) from None
    if period.code != value["period"]:
        raise Reason('"period" phải viết dạng {code}', code=period.code)
    check_timestamp(value["created_at"], "created_at")
    for name in ("sender_tree", "sender_officer", "app_version"):
        if len(value[name]) > 200:
            raise Reason('"{name}" dài quá 200 ký tự', name=name)
        check_text(value[name], name)
    counts = value["counts"]
    if kind in SMALL_KINDS:
        if counts:
            raise Reason('"counts" của gói trả lời hoặc tệp cấu hình phải là {}')
    elif set(counts) != set(COUNT_NAMES.values()) or not all(
        isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in counts.values()
    ):
        raise Reason('"counts" phải có đúng activities, documents, indicators, narratives (số nguyên ≥ 0)')
    members = []
    seen = set()
    for index, entry in enumerate(value["members"]):
        if not isinstance(entry, dict) or set(entry) != {"name", "length", "sha256"}:
            raise Reason('"members"[{index}] phải có đúng name, length, sha256', index=index)
        name, length, digest = entry["name"], entry["length"], entry["sha256"]
        if name not in expected_members(kind, minor) + optional_members(kind, minor):
            raise Reason("\"members\"[{index}]: thành phần '{name}' không có trong định dạng", index=index, name=name)
        if name in seen:
            raise Reason("\"members\": thành phần '{name}' được kê hai lần", name=name)
        seen.add(name)
        if not isinstance(length, int) or isinstance(length, bool) or not 0 <= length <= MAX_MEMBER_BYTES:
            raise Reason('"members"[{index}] ({name}): độ dài không hợp lệ', index=index, name=name)
        cap = {
            AUDIT: MAX_AUDIT_BYTES,
            ANSWER: MAX_ANSWER_BYTES,
            CONFIG: MAX_CONFIG_BYTES,
            ENDORSEMENTS: MAX_ENDORSEMENTS_BYTES,
        }.get(name)
        if cap is not None and length > cap:
            raise Reason(
                '"members"[{index}] ({name}): dài {length} byte, vượt giới hạn {cap} byte',
                index=index,
                name=name,
                length=length,
                cap=cap,
            )
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise Reason(
                '"members"[{index}] ({name}): sha256 phải là 64 chữ số hex viết thường', index=index, name=name
            )
        members.append(MemberEntry(name, length, digest))
    for entry in members:
        # (count + 1): a member whose last line lacks its line feed is refused for that, not for its length.
        if entry.name in COUNT_NAMES and entry.length > (counts[COUNT_NAMES[entry.name]] + 1) * MAX_LINE_BYTES:
            raise Reason(
                '"members" ({name}): dài {length} byte cho {count} dòng, vượt giới hạn {cap} byte mỗi dòng',
                name=entry.name,
                length=Count(entry.length),
                count=Count(counts[COUNT_NAMES[entry.name]]),
                cap=Count(MAX_LINE_BYTES),
            )
    missing = [name for name in expected_members(kind, minor) if name not in seen]
    if missing:
        raise Reason('"members" thiếu {missing}', missing=", ".join(missing))
    if sum(m.length for m in members) > MAX_TOTAL_BYTES:
        raise Reason("tổng độ dài các thành phần vượt giới hạn 1 GiB")
    return Manifest(
        bundle_id=value["bundle_id"],
        kind=kind,
        sender_org_unit=value["sender_org_unit"],
        sender_tree=value["sender_tree"],
        sender_officer=value["sender_officer"],
        key_fingerprint=value["key_fingerprint"],
        recipient_org_unit=value["recipient_org_unit"],
        sequence=value["sequence"],
        period=value["period"],
        created_at=value["created_at"],
        app_version=value["app_version"],
        counts=dict(counts),
        members=tuple(members),
        format_minor=minor,
    )


def expected_members(kind: BundleKind, minor: int) -> tuple[str, ...]:
    """The members a manifest of this kind and minor version lists, each exactly once."""
    if kind in SMALL_KINDS:
        return (SMALL_KINDS[kind],)
    return DATA_MEMBERS + ((AUDIT,) if minor >= 1 else ())


def optional_members(kind: str, minor: int) -> tuple[str, ...]:
    """The members a manifest of this kind and minor version may list, at most once."""
    return (ENDORSEMENTS,) if kind in (KIND_REPORT, KIND_CONFIG) and minor >= FORMAT_MINOR_ENDORSED else ()


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name is refused, or None. Flat lower-case names only."""
    if "\x00" in name:
        return "chứa ký tự NUL"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "là đường dẫn tuyệt đối"
    if "/" in name or "\\" in name or name in (".", ".."):
        return "chứa đường dẫn (thư mục hoặc '..'); gói chỉ có thành phần phẳng"
    if not SAFE_NAME.fullmatch(name):
        return "tên không hợp lệ (chỉ chữ thường a-z, số, '.', '_', '-')"
    return None
