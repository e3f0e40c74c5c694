"""Vietnamese number and date forms: 2.302; 25,36 %; 02/02/2023; "ngày 02 tháng 02 năm 2023"."""

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ROUNDING_RULES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


def round_share(value: float, rule: str = "half_up", places: int = 2) -> float:
    """Round a percentage explicitly: the sample report truncates (25,369 → 25,36)."""
    quantum = Decimal(1).scaleb(-places)
    # repr() keeps the shortest exact decimal of the float, so 25.365 stays 25.365.
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUNDING_RULES[rule]))


def format_number(value: float | int | None, places: int = 0) -> str:
    """2302 → "2.302"; 1234.5 with places=1 → "1.234,5"."""
    if value is None:
        return ""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_count(value: float | int | None) -> str:
    """A count, or a value that may carry decimals when it is not whole."""
    if value is None:
        return ""
    if float(value).is_integer():
        return format_number(int(value))
    return format_number(value, 2).rstrip("0").rstrip(",")


def format_percent(value: float | None, places: int = 2) -> str:
    """25.36 → "25,36 %"."""
    if value is None:
        return "—"
    return f"{format_number(value, places)} %"


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_long_date(value: date) -> str:
    """The dateline form of Decree 30/2020: leading zero for days < 10 and months 1-2."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def parse_number(text: str) -> float:
    """Read "2.302", "2302", "25,36" or "25.36" as typed by an officer.

    A lone "." followed by exactly three digits is a thousands mark (Vietnamese form);
    otherwise "." or "," is the decimal mark.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not cleaned:
        raise ValueError("empty")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") >= 1:
        groups = cleaned.split(".")
        if len(groups) > 2 or (len(groups[-1]) == 3 and groups[0].lstrip("-")):
            if all(len(g) == 3 for g in groups[1:]):
                cleaned = "".join(groups)
    return float(cleaned)
