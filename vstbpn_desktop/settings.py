"""The profile's settings: one typed schema with defaults, kept as JSON in the profile folder."""

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .atomic import write_atomic
from .errors import Reason
from .files import DATABASE_FILE, SETTINGS_FILE
from .text import clean_text

LANGUAGES = ("vi", "en")
# Settings of the PC and its officer; every other setting is the unit's own (its report header,
# rounding, …), which on a shared server database is kept in the database for every clerk (profile.py).
PC_SETTINGS = frozenset({"language", "database_url", "officer_name", "officer_title"})


def fits_after_slash(value: str) -> bool:
    """A report number or symbol ("15", "BC-UBND"): one short line without "/"."""
    return "/" not in value and "\n" not in value and len(value.strip()) <= 40


@dataclass
class Settings:
    language: str = "vi"
    # Empty: SQLite in the profile folder. Any SQLAlchemy URL otherwise.
    database_url: str = ""
    # How shares are rounded to 2 decimals: "half_up" or "truncate" (the sample report truncates).
    share_rounding: str = "half_up"
    officer_name: str = ""
    officer_title: str = ""
    # The report's header and signature block.
    parent_body: str = ""
    issuing_body: str = ""
    place_name: str = ""
    signer_mandate: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    # Defaults of each printing (reports/options.py; the report dialog and the CLI override them).
    report_symbol: str = "BC-BVSTBPN"  # "Số: 15/BC-BVSTBPN"; e.g. BC-UBND, BC-SLĐTBXH
    report_addressees: str = ""  # "Kính gửi:" one recipient a line; empty: no such line
    unreported_note: bool = True  # the sentence naming the units below that have not reported
    # The document that sets a local target for a share, cited after it in the report
    # ("chiếm 25,36 % so với mục tiêu theo Quyết định số 238/QĐ-UBND"):
    # {"LEADERS_FEMALE_PCT": "Quyết định số 238/QĐ-UBND"}.
    target_basis: dict[str, str] = field(default_factory=dict)

    def validate(self) -> None:
        for item in fields(self):  # the report's header and signature: the text rule of records
            value = getattr(self, item.name)
            if isinstance(value, str):
                try:
                    setattr(self, item.name, clean_text(value))
                except ValueError as exc:
                    raise Reason("cài đặt {name}: {reason}", name=item.name, reason=exc) from None
        if self.language not in LANGUAGES:
            raise Reason("ngôn ngữ '{language}' không hỗ trợ (vi, en)", language=self.language)
        if self.share_rounding not in ("half_up", "truncate"):
            raise Reason(
                "quy tắc làm tròn '{share_rounding}' không hợp lệ (half_up, truncate)",
                share_rounding=self.share_rounding,
            )
        if not self.report_symbol.strip() or not fits_after_slash(self.report_symbol):
            raise Reason(
                "ký hiệu báo cáo '{symbol}' không hợp lệ: không để trống, không chứa '/' hay xuống dòng, "
                "tối đa 40 ký tự (ví dụ BC-BVSTBPN, BC-UBND)",
                symbol=self.report_symbol,
            )
        if not isinstance(self.unreported_note, bool):
            raise Reason("unreported_note phải là true hoặc false")
        if not isinstance(self.target_basis, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.target_basis.items()
        ):
            raise Reason("target_basis phải là bảng mã chỉ tiêu → văn bản giao mục tiêu")

    def unit_settings(self) -> dict:
        """The unit's settings (not the PC's), as JSON-ready values."""
        return {name: value for name, value in asdict(self).items() if name not in PC_SETTINGS}

    def take_unit_settings(self, values: dict) -> None:
        """Use the unit's settings kept elsewhere (the shared database); unknown names are ignored."""
        known = {f.name for f in fields(self)} - PC_SETTINGS
        for name, value in values.items():
            if name in known:
                setattr(self, name, value)
        self.validate()

    @classmethod
    def load(cls, data_dir: Path) -> "Settings":
        path = data_dir / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise Reason("{path}: không đọc được tệp cấu hình ({error})", path=path, error=exc) from exc
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        settings.validate()
        return settings

    def save(self, data_dir: Path) -> None:
        self.validate()
        payload = json.dumps(asdict(self), ensure_ascii=False, indent=2).encode("utf-8")
        write_atomic(data_dir / SETTINGS_FILE, payload, profile_file=True)


def default_data_dir() -> Path:
    env = os.environ.get("VSTBPN_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir  # lazy: platformdirs only when VSTBPN_DATA_DIR is not set

    return Path(user_data_dir("VSTBPN Desktop", "VSTBPN", roaming=False))


def profile_exists(data_dir: Path) -> bool:
    """A profile lives in `data_dir` (its SQLite file, or settings naming a server database).
    Here, not in profile.py, so the window can ask before importing the ORM."""
    return (Path(data_dir) / DATABASE_FILE).exists() or (
        Path(data_dir, SETTINGS_FILE).exists() and bool(Settings.load(Path(data_dir)).database_url)
    )
