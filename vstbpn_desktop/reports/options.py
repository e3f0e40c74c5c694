"""What the officer chooses for one printing of the report: number, symbol, date, "Kính gửi:",
signer and whether the note on units that have not reported is printed.

The defaults come from the profile's settings (settings.py, "Cài đặt…"); the report dialog and
the command line (`report … --number --symbol --to --signer-title --signer-name
--no-unreported-note`) override them for one report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..errors import Refused, Term
from ..settings import fits_after_slash
from ..text import nfc

DEFAULT_SYMBOL = "BC-BVSTBPN"
LIMIT = 200  # characters of a number, symbol, addressee or signer line
ADDRESSEES = 10  # lines of "Kính gửi:"


@dataclass(frozen=True)
class ReportOptions:
    number: str = ""  # empty: "Số:        /BC-BVSTBPN", room to write it by hand
    symbol: str = DEFAULT_SYMBOL
    issued_on: date | None = None  # None: today
    addressees: tuple[str, ...] = ()  # "Kính gửi:" lines; none: no such line
    signer_title: str = ""
    signer_name: str = ""
    unreported_note: bool = True
    value_comments: bool = False  # an annex of the comments and follow-up marks of the values

    @classmethod
    def from_settings(cls, settings, **overrides) -> ReportOptions:
        """The settings' defaults, then every override that is not None."""
        options = cls(
            symbol=settings.report_symbol,
            addressees=split_lines(settings.report_addressees),
            signer_title=settings.signer_title,
            signer_name=settings.signer_name,
            unreported_note=settings.unreported_note,
        )
        return options.updated(**overrides)

    def updated(self, **overrides) -> ReportOptions:
        values = {k: v for k, v in overrides.items() if v is not None}
        if isinstance(values.get("addressees"), str):
            values["addressees"] = split_lines(values["addressees"])
        return replace(self, **values).checked()

    def checked(self) -> ReportOptions:
        """NFC, trimmed, within the limits; a number or symbol with "/" or a line break refused."""
        number, symbol = clean(self.number), clean(self.symbol) or DEFAULT_SYMBOL
        for field, value in ((Term("số báo cáo", "report number"), number), (Term("ký hiệu", "symbol"), symbol)):
            if not fits_after_slash(value):
                raise Refused(
                    "{field} '{value}': không được chứa '/' hay xuống dòng, tối đa 40 ký tự "
                    "(ví dụ số 15, ký hiệu BC-UBND)",
                    field=field,
                    value=value,
                )
        addressees = tuple(clean(line) for line in self.addressees if clean(line))
        if len(addressees) > ADDRESSEES or any(len(line) > LIMIT for line in addressees):
            raise Refused(
                "\u201cKính gửi\u201d: tối đa {count} nơi, mỗi nơi tối đa {limit} ký tự", count=ADDRESSEES, limit=LIMIT
            )
        title, name = clean(self.signer_title), clean(self.signer_name)
        if len(title) > LIMIT or len(name) > LIMIT:
            raise Refused("chức vụ và họ tên người ký: tối đa {limit} ký tự", limit=LIMIT)
        return replace(
            self,
            number=number,
            symbol=symbol,
            addressees=addressees,
            signer_title=title,
            signer_name=name,
            unreported_note=bool(self.unreported_note),
            value_comments=bool(self.value_comments),
        )


def clean(text: str | None) -> str:
    return nfc(text or "").strip()


def split_lines(text: str | None) -> tuple[str, ...]:
    """One addressee a line; the "- " and ";"/"." an officer may type are the layout's to add."""
    lines = (line.strip().lstrip("-–• ").rstrip(";.,").strip() for line in (text or "").splitlines())
    return tuple(line for line in lines if line)
