"""The tables. Portable SQL only: the database URL is configuration, SQLite is the default.

Every record carries a stable UUID, created/updated times and its author, and the org unit
that owns it: at a parent unit, the children's imported data lives beside its own.
"""

import datetime as dt
import uuid
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Column, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> datetime:
    return datetime.now(dt.UTC)


class Base(SQLModel):
    """What every table has: its SQLAlchemy Table (set by SQLModel; its types do not say so),
    for the Core statements of the bulk paths."""

    __table__: ClassVar[Table]


class Record(Base):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    author: str = Field(default="", max_length=200)


class OrgUnit(Base, table=True):
    __tablename__ = "org_unit"
    __table_args__ = (UniqueConstraint("tree", "code"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    # GSO codes are reused across the 2025 reform, so a code is unique only within its tree.
    code: str = Field(index=True, max_length=10)
    name: str = Field(max_length=200)
    type: str = Field(max_length=20)
    parent_code: str | None = Field(default=None, max_length=10, index=True)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    tree: str = Field(max_length=60)


class Meta(Base, table=True):
    """Facts of the profile's database: which unit it belongs to, who keeps it."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(default="", max_length=2000)


class IndicatorDef(Base, table=True):
    """The indicator catalogue as stored; seeded from `resources/indicators.json`."""

    __tablename__ = "indicator"
    code: str = Field(primary_key=True, max_length=60)
    kind: str = Field(max_length=20)
    section: str = Field(max_length=40)
    name_vi: str = Field(max_length=300)
    name_en: str = Field(max_length=300)
    unit_vi: str = Field(default="", max_length=40)
    unit_en: str = Field(default="", max_length=40)
    numerator: str | None = Field(default=None, max_length=60)
    denominator: str | None = Field(default=None, max_length=60)
    target_2025: float | None = None
    target_2030: float | None = None
    # The whole catalogue entry as JSON (the resources/indicators.json shape): what the profile's
    # catalogue is built from (catalogue/catalogue_state.py), whatever fields the shipped file grows.
    definition: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # "national" (the shipped catalogue) or "province" (added by the province: catalogue import,
    # configuration files). Order of the catalogue: national in the shipped order, then the province's.
    origin: str = Field(default="national", max_length=20, sa_column_kwargs={"server_default": "national"})
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Retired, never deleted while values exist: hidden from entry, kept in old periods' reports.
    retired_at: datetime | None = None
    # Who retired it: "catalogue" (no longer shipped: back in use if a later file ships it again)
    # or the code of the unit that decided it (the province, by catalogue import or configuration).
    retired_by: str | None = Field(default=None, max_length=20)


class IndicatorTarget(Base, table=True):
    """The province's own target for a share in a year, with the decision that set it
    ("238/QĐ-UBND"); printed beside the national target. Set by `catalogue import` at the
    province and carried down by its configuration files."""

    __tablename__ = "indicator_target"
    indicator_code: str = Field(foreign_key="indicator.code", primary_key=True, max_length=60)
    year: int = Field(primary_key=True)
    target: float
    decision: str = Field(default="", max_length=200)
    set_by: str = Field(default="", max_length=10)  # the unit whose decision it is


class ReportingPeriod(Record, table=True):
    """A period the profile has worked on: its deadline (set by the province) and its lock."""

    __tablename__ = "period"
    code: str = Field(unique=True, max_length=10)
    deadline: dt.date | None = None
    locked_at: datetime | None = None
    locked_by: str | None = Field(default=None, max_length=200)
    # Set when the parent returns the report for correction.
    returned_at: datetime | None = None
    returned_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class Activity(Record, table=True):
    __tablename__ = "activity"
    # The period's rows of a unit in list order (date, id), carrying what the totals sum and the folded
    # text the search box matches: the list pages (even at OFFSET 99.800), counts with or without a
    # search and activity_totals read only this index, never the rows one by one (bench/RESULTS.md).
    __table_args__ = (
        Index(
            "ix_activity_unit_date",
            "org_unit_code",
            "date",
            "id",
            "kind",
            "sessions",
            "participants",
            "female_participants",
            "search_text",
        ),
    )
    org_unit_code: str = Field(max_length=10)
    date: dt.date = Field(index=True)
    kind: str = Field(max_length=20)
    title: str = Field(sa_column=Column(Text, nullable=False))
    sessions: int = 1
    participants: int = 0
    female_participants: int = 0
    place: str = Field(default="", max_length=300)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # Lower-case, diacritic-free copy of title, place and notes: portable diacritic-blind search.
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Document(Record, table=True):
    __tablename__ = "document"
    org_unit_code: str = Field(index=True, max_length=10)
    number: str = Field(max_length=60)
    date: dt.date = Field(index=True)
    issuer: str = Field(default="", max_length=300)
    kind: str = Field(max_length=20)
    title: str = Field(sa_column=Column(Text, nullable=False))
    # "issued" by the unit (listed among its documents) or "received" from above (the report's
    # opening "Thực hiện Công văn số … của …" cites it). Rows written before 0002 are "issued".
    direction: str = Field(default="issued", max_length=10, sa_column_kwargs={"server_default": "issued"})


class IndicatorValue(Record, table=True):
    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("org_unit_code", "period", "indicator_code"),)
    org_unit_code: str = Field(index=True, max_length=10)
    period: str = Field(max_length=10)
    indicator_code: str = Field(foreign_key="indicator.code", max_length=60)
    value: float
    # What the value covers (docs/architecture.md, "What a figure covers"): "own" — the unit's own
    # level, added to its children's figures; "area" — the whole area below the unit, which stands
    # (the children's sum is shown beside it for checking). Rows written before 0002 are "own".
    coverage: str = Field(default="own", max_length=10, sa_column_kwargs={"server_default": "own"})
    # The breakdown (docs/catalogue.md): JSON {"sex=female;age_group=child": 3, …}, every cell of the
    # indicator's dimensions; None where the indicator has none or the breakdown is not known (the
    # total was entered alone). Where the cells add up, `value` is their sum (kept for fast totals).
    cells: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Why a figure is what it is (zero, where it came from) and a mark that it needs following up.
    # Rows written before 0003 have neither.
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default="", server_default=""))
    follow_up: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class Narrative(Record, table=True):
    __tablename__ = "narrative"
    __table_args__ = (UniqueConstraint("org_unit_code", "period", "section"),)
    org_unit_code: str = Field(index=True, max_length=10)
    period: str = Field(max_length=10)
    section: str = Field(max_length=60)
    text: str = Field(sa_column=Column(Text, nullable=False))


# -- bundles: the parent's register of child keys and the ledger of bundles received ---------


class TrustedKey(Base, table=True):
    """A child unit's public signing key, enrolled at the parent; it speaks for that unit only."""

    __tablename__ = "trusted_key"
    fingerprint: str = Field(primary_key=True, max_length=80)
    org_unit_code: str = Field(index=True, max_length=10)
    public_key: str = Field(max_length=200)  # base64 of the raw Ed25519 public key
    enrolled_at: datetime = Field(default_factory=now)
    enrolled_by: str = Field(default="", max_length=200)
    revoked_at: datetime | None = None
    revoked_by: str | None = Field(default=None, max_length=200)
    # base64 of the unit's X25519 key from its public key file (checked against its signature): a
    # unit encrypts its bundles to its parent's (bundle/sealed.py). None: an older key file.
    encryption_key: str | None = Field(default=None, max_length=200)
    # Key rotation (bundle/rotation.py): the key that endorsed this one, and, for a key that was
    # replaced, the sequence from which the unit's bundles must be signed by its successor.
    endorsed_by: str | None = Field(default=None, max_length=80)
    replaced_from: int | None = None


class SigningKeyHistory(SQLModel, table=True):
    """The profile's own signing keys after the first, one row per key made by `keys rotate`:
    the endorsement the previous key signed (none when the previous key was lost)."""

    __tablename__ = "signing_key_history"
    fingerprint: str = Field(primary_key=True, max_length=80)
    public_key: str = Field(max_length=200)
    previous_fingerprint: str = Field(default="", max_length=80)
    statement: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # the endorsement (rotation.py)
    signature: str | None = Field(default=None, max_length=200)  # base64, by the previous key
    made_at: datetime = Field(default_factory=now)
    made_by: str = Field(default="", max_length=200)
    reason: str = Field(default="rotate", max_length=20)  # "rotate" | "lost"


class BundleLedger(Base, table=True):
    """Every bundle imported: which sender, which period, which sequence, when and by whom."""

    __tablename__ = "bundle_ledger"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    bundle_id: str = Field(index=True, max_length=36)
    kind: str = Field(default="report", max_length=20)
    sender_org_unit: str = Field(index=True, max_length=10)
    period: str = Field(max_length=10)
    sequence: int
    fingerprint: str = Field(max_length=80)
    manifest_sha256: str = Field(max_length=64)
    created_at: datetime | None = None  # as the sender's manifest says
    received_at: datetime = Field(default_factory=now)
    received_by: str = Field(default="", max_length=200)
    # True for the bundle currently held for (sender, period); superseded ones stay as history.
    current: bool = Field(default=True)
    counts: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    # A report's audit summary (audit.json, format 1.1) or an answer's answer.json; None for format 1.0.
    audit: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


# -- audit trail -----------------------------------------------------------------------------


class AuditEvent(Base, table=True):
    """Who changed which record, when, and what it was before and after (JSON)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_unit_period", "org_unit_code", "period"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    at: datetime = Field(default_factory=now, index=True)
    who: str = Field(default="", max_length=200)
    action: str = Field(max_length=20)  # insert | update | delete | import | submit | reopen | ...
    table_name: str = Field(max_length=40)
    record_id: str | None = Field(default=None, max_length=36, index=True)
    org_unit_code: str | None = Field(default=None, max_length=10)
    period: str | None = Field(default=None, max_length=10)
    before: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    after: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
