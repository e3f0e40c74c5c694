"""Reporting periods: a half-year (`2023H1`, `2023H2`) or a year (`2023`)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import Reason

_PATTERN = re.compile(r"^(\d{4})(H[12])?$")
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a period (and so any record's date) may fall in


@dataclass(frozen=True)
class Period:
    year: int
    half: int | None = None  # 1, 2, or None for the whole year

    # In order: a year before its halves (2022H2 < 2023 < 2023H1 < 2023H2); a year and a half-year of
    # one profile sort together (the window's period list), where comparing `half` None with 1 failed.
    def _key(self) -> tuple[int, int]:
        return (self.year, self.half or 0)

    def __lt__(self, other: "Period") -> bool:
        return self._key() < other._key()

    def __le__(self, other: "Period") -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: "Period") -> bool:
        return self._key() > other._key()

    def __ge__(self, other: "Period") -> bool:
        return self._key() >= other._key()

    @classmethod
    def parse(cls, code: str) -> "Period":
        match = _PATTERN.match(code.strip().upper()) if code else None
        if not match:
            raise Reason("kỳ báo cáo '{code}' không hợp lệ (dạng 2023H1, 2023H2 hoặc 2023)", code=code)
        year = int(match.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Reason("kỳ báo cáo '{code}': năm {year} nằm ngoài 2000-2100", code=code, year=year)
        half = int(match.group(2)[1]) if match.group(2) else None
        return cls(year, half)

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}" if self.half else str(self.year)

    @property
    def start(self) -> date:
        return date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: "Period") -> bool:
        """A year covers its halves; every period covers itself."""
        return self == other or (self.half is None and other.year == self.year)

    def previous_same_kind(self) -> "Period":
        """The same period a year earlier, for year-on-year change."""
        return Period(self.year - 1, self.half)

    @property
    def label_vi(self) -> str:
        if self.half == 1:
            return f"6 tháng đầu năm {self.year}"
        if self.half == 2:
            return f"6 tháng cuối năm {self.year}"
        return f"năm {self.year}"

    @property
    def label_en(self) -> str:
        if self.half:
            return f"{'first' if self.half == 1 else 'second'} half of {self.year}"
        return f"year {self.year}"

    def __str__(self) -> str:
        return self.code


def period_for(day: date) -> Period:
    """The half-year that a date falls in."""
    return Period(day.year, 1 if day.month <= 6 else 2)


def half_years(first: date, last: date) -> list[Period]:
    """Every half-year from the one holding `first` to the one holding `last`, in order."""
    periods, period = [], period_for(first)
    while period.start <= last:
        periods.append(period)
        period = period_for(period.end + timedelta(days=1))
    return periods
