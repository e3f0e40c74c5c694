"""Number and date forms. Vietnamese (the default, and always in printed reports and files): 2.302;
25,36 %; 02/02/2023; "ngày 02 tháng 02 năm 2023". English (the window in English): 2,302; 25.36 %;
02/02/2023 (the officers' day/month/year in both); "2 February 2023"."""

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ROUNDING_RULES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}
# language → (thousands mark, decimal mark)
MARKS = {"vi": (".", ","), "en": (",", ".")}
# Python's own "1,234.5" → the language's marks, one table each (numbers are formatted cell by cell).
_MARKS_FROM_PYTHON = {
    language: str.maketrans({",": thousands, ".": decimal}) for language, (thousands, decimal) in MARKS.items()
}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def round_share(value: float, rule: str = "half_up", places: int = 2) -> float:
    """Round a percentage explicitly: the sample report truncates (25,369 → 25,36)."""
    quantum = Decimal(1).scaleb(-places)
    # repr() keeps the shortest exact decimal of the float, so 25.365 stays 25.365.
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUNDING_RULES[rule]))


def format_number(value: float | int | None, places: int = 0, language: str = "vi") -> str:
    """2302 → "2.302" ("2,302" in English); 1234.5 with places=1 → "1.234,5" ("1,234.5")."""
    if value is None:
        return ""
    return f"{value:,.{places}f}".translate(_MARKS_FROM_PYTHON[language])


def format_count(value: float | int | None, language: str = "vi") -> str:
    """A count, or a value that may carry decimals when it is not whole."""
    if value is None:
        return ""
    if float(value).is_integer():
        return format_number(int(value), language=language)
    return format_number(value, 2, language).rstrip("0").rstrip(MARKS[language][1])


def format_percent(value: float | None, places: int = 2, language: str = "vi") -> str:
    """25.36 → "25,36 %" ("25.36 %" in English)."""
    if value is None:
        return "—"
    return f"{format_number(value, places, language)} %"


def format_date(value: date | None, language: str = "vi") -> str:
    """02/02/2023 in both languages: the officers' day/month/year."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_long_date(value: date, language: str = "vi") -> str:
    """The dateline form of Decree 30/2020: leading zero for days < 10 and months 1-2.
    English: "2 February 2023"."""
    if language == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def parse_number(text: str, language: str = "vi") -> float:
    """Read a number as typed by an officer: "2.302", "2302", "25,36" or "25.36" in Vietnamese;
    "2,302", "25.36" in English.

    With both marks, the language's thousands mark groups and its decimal mark is the decimal
    point. A lone thousands mark ("." in Vietnamese, "," in English) followed by groups of exactly
    three digits groups thousands; otherwise either mark is the decimal point ("25.36" in
    Vietnamese, "1,5" in English).
    """
    thousands, decimal = MARKS[language]
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not cleaned:
        raise ValueError("empty")
    if thousands in cleaned and decimal in cleaned:
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif decimal in cleaned:
        cleaned = cleaned.replace(decimal, ".")
    elif thousands in cleaned:
        groups = cleaned.split(thousands)
        grouped = (len(groups) > 2 or (len(groups[-1]) == 3 and groups[0].lstrip("-"))) and all(
            len(g) == 3 for g in groups[1:]
        )
        cleaned = "".join(groups) if grouped else cleaned.replace(thousands, ".")
    return float(cleaned)
