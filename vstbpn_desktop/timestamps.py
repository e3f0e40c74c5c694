"""Moments: stored in UTC (naive from SQLite), written in bundles as `YYYY-MM-DDTHH:MM:SSZ`, shown
in the laptop's time zone. The one home of those conversions."""

from datetime import UTC, date, datetime

from .formats import format_date

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC time (SQLite gives it back without a time zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """The bundle form of a moment: `2023-07-05T08:30:00Z` (UTC, whole seconds)."""
    return as_utc(moment).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """`YYYY-MM-DDTHH:MM:SSZ` → an aware UTC moment; ValueError when it is not that form."""
    return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def local_time(moment: datetime) -> datetime:
    """A stored UTC moment in the laptop's time zone."""
    return as_utc(moment).astimezone()


def local_day(moment: datetime) -> date:
    """The officer's local day of a stored UTC moment."""
    return local_time(moment).date()


def local_date(moment: datetime | None) -> str:
    """A stored UTC moment as the officer's local date, dd/mm/yyyy ("" for none)."""
    return "" if moment is None else format_date(local_day(moment))
