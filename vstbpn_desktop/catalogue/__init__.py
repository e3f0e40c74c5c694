"""The fixed vocabularies of the report: activity and document kinds, sections, indicators."""

import json
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, get_args

from ..resources import resource
from ..text import fold, nfc
from .sections import layout

ACTIVITY_KINDS: dict[str, tuple[str, str]] = {
    "communication": ("Tuyên truyền", "Communication"),
    "training": ("Tập huấn", "Training"),
    "conference": ("Hội nghị, hội thảo", "Conference"),
    "media": ("Truyền thông đại chúng", "Media"),
    "inspection": ("Kiểm tra, giám sát", "Inspection"),
    "initiative": ("Sáng kiến, mô hình", "Initiative"),
    "award": ("Khen thưởng", "Award"),
    "other": ("Khác", "Other"),
}

DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "plan": ("Kế hoạch", "Plan"),
    "decision": ("Quyết định", "Decision"),
    "directive": ("Chỉ thị", "Directive"),
    "official_letter": ("Công văn", "Official letter"),
    "report": ("Báo cáo", "Report"),
    "other": ("Khác", "Other"),
}


class _NarrativeSections(Mapping[str, tuple[str, str]]):
    """code → (Vietnamese, English) name of each section of the report, in the order they are
    printed: read from the sections table (sections.py, resources/sections.json) when asked."""

    def _names(self) -> dict[str, tuple[str, str]]:
        return {section.code: (section.name_vi, section.name_en) for section in layout().sections}

    def __getitem__(self, code: str) -> tuple[str, str]:
        return self._names()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


# Narrative sections of the report (a section's code is the key of its text), in the order they are printed.
NARRATIVE_SECTIONS: Mapping[str, tuple[str, str]] = _NarrativeSections()

# A line of a section's text that says where the report puts the recorded figures of that section
# (without it they open the section): "Các ban, ngành … cộng đồng.\n[số liệu]\nĐặc biệt …".
FIGURES_MARK = "[số liệu]"

# A document is "issued" by the unit (listed in its documents annex) or "received" from above (the
# report opens citing it). Absent (older rows, files and bundles): issued.
Direction = Literal["issued", "received"]
DOCUMENT_DIRECTIONS: tuple[Direction, ...] = get_args(Direction)

# What a typed indicator value covers (docs/architecture.md): the unit's "own" level, added to its
# children's figures, or its whole "area", which stands. Absent: own.
Coverage = Literal["own", "area"]
COVERAGES: tuple[Coverage, ...] = get_args(Coverage)

# Counts are typed in; shares (numerator over denominator) and activity figures are derived.
IndicatorKind = Literal["count", "share", "from_activities"]


@dataclass(frozen=True)
class Indicator:
    code: str
    kind: IndicatorKind
    section: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    numerator: str | None = None
    denominator: str | None = None
    at_most: str | None = None
    target_2025: float | None = None
    target_2030: float | None = None
    activity_kinds: tuple[str, ...] = field(default_factory=tuple)
    measure: str | None = None
    # The national shape (docs/catalogue.md; checked by catalogue.national): how often it is asked
    # (half_year | year), its breakdown (dimension codes of the catalogue's "dimensions"), the code of
    # the national statistical set where one is verified, the strategy target it measures
    # ("NQ28/MT3/CT2") and the document and article it comes from.
    frequency: str = "half_year"
    dimensions: tuple[str, ...] = field(default_factory=tuple)
    national_code: str | None = None
    strategy_ref: str | None = None
    source: str | None = None
    # The profile's state of the entry (domain/indicators.py): retired entries are hidden from
    # entry and kept in old periods' reports; "national" (shipped) or "province" (added by it).
    retired: bool = False
    origin: str = "national"
    # Checks against earlier periods (vstbpn_desktop/checks.py): a value outside expected_min ..
    # expected_max, or more than change_factor times last year's (default checks.DEFAULT_FACTOR), is flagged.
    # A count of what exists at the period's end (leaders in post), not of events: a year's value built
    # from its halves is the last half's, never their sum (figures.typed_values).
    stock: bool = False
    expected_min: float | None = None
    expected_max: float | None = None
    change_factor: float | None = None
    # A zero or missing value needs a comment (why) before the period is sent: the send checklist
    # lists it (records.values_needing_comment).
    comment_if_empty: bool = False

    @property
    def typed(self) -> bool:
        """Only counts are typed in; shares and activity figures are derived."""
        return self.kind == "count"

    def goal(self, year: int) -> tuple[int, float] | None:
        """The national target a share of `year` is measured against, as (target year, percent):
        the 2025 target up to 2025, the 2030 one after (or when there is no 2025 target)."""
        if year <= 2025 and self.target_2025 is not None:
            return 2025, self.target_2025
        if self.target_2030 is not None:
            return 2030, self.target_2030
        return None


def from_item(item: dict, retired: bool = False, origin: str = "national") -> Indicator:
    """One entry of the indicators.json shape as an Indicator."""
    item = dict(item)
    item["activity_kinds"] = tuple(item.get("activity_kinds", ()))
    item["dimensions"] = tuple(item.get("dimensions", ()))
    return Indicator(**item, retired=retired, origin=origin)


# The shipped catalogue, in this order: the minimum catalogue of shared/CLI.md (its codes are a
# contract; the dimension vocabulary is in it), then the indicators of the national set and of
# Nghị quyết 28/NQ-CP a local office reports (docs/catalogue.md). Every profile holds both
# (domain/indicators.py refreshes an old one when they change).
CATALOGUE_FILES = ("indicators.json", "indicators-national.json")
MINIMUM_FILE, NATIONAL_FILE = CATALOGUE_FILES


def _shipped_items(name: str) -> list[dict]:
    """The indicator entries of one shipped catalogue file."""
    return json.loads(resource(name).read_text(encoding="utf-8"))["indicators"]


@lru_cache(maxsize=1)
def shipped_indicators() -> dict[str, Indicator]:
    """The national catalogue as shipped in resources/ (both CATALOGUE_FILES)."""
    sections = {section.code for section in layout().sections}
    result = {}
    for name in CATALOGUE_FILES:
        for item in _shipped_items(name):
            if item["section"] not in sections:
                raise ValueError(f"{name}: {item['code']}: section '{item['section']}' is not in sections.json")
            result[item["code"]] = from_item(item)
    return result


@lru_cache(maxsize=1)
def minimum_codes() -> frozenset[str]:
    """The codes of the minimum catalogue (indicators.json): the report's fixed frame, printed
    even when empty; an indicator beyond it prints only with a value (reports/content.py)."""
    return frozenset(item["code"] for item in _shipped_items(MINIMUM_FILE))


_installed: dict[str, Indicator] | None = None


def install_catalogue(catalogue: dict[str, Indicator] | None) -> None:
    """The catalogue of the profile opened in this process (domain/indicators.py installs it)."""
    global _installed
    _installed = catalogue


def indicators() -> dict[str, Indicator]:
    """The catalogue: the opened profile's (with the province's indicators and retired ones),
    or the shipped one before any profile is opened."""
    return _installed if _installed is not None else shipped_indicators()


def entry_indicators() -> list[Indicator]:
    """The indicators offered for entry: all but the retired ones."""
    return [i for i in indicators().values() if not i.retired]


def not_asked(catalogue: Mapping[str, Indicator], half_year: bool, held: Collection[str]) -> set[str]:
    """The codes not asked in a period (the figures pages and the Chỉ tiêu grid hide them): a retired
    indicator is asked no more, and a yearly one (`frequency` "year") is asked in the year's period
    only, not in a half-year; either stays where the period holds a value (`held`: typed before, or
    from a bundle). A share goes with a hidden part, or when retired and neither part is held."""
    hidden = {
        code
        for code, indicator in catalogue.items()
        if indicator.kind != "share"
        and code not in held
        and (indicator.retired or (half_year and indicator.frequency == "year"))
    }
    return hidden | {
        code
        for code, share in catalogue.items()
        if share.kind == "share"
        and (
            share.numerator in hidden
            or share.denominator in hidden
            or (share.retired and share.numerator not in held and share.denominator not in held)
        )
    }


def label(vocabulary: Mapping[str, tuple[str, str]], code: str, language: str = "vi") -> str:
    names = vocabulary.get(code)
    if names is None:
        return code
    return names[0] if language == "vi" else names[1]


def code_of(text: str, vocabulary: Mapping[str, tuple[str, str]]) -> str:
    """A kind or section given as its code ("training") or its name in either language ("Tập huấn",
    "tap huan", "Training"), any letter case or accents; anything else comes back unchanged, for
    the validator to refuse by name."""
    wanted = fold(nfc(text.strip()))
    for code, names in vocabulary.items():
        if wanted in {fold(code), *(fold(nfc(name)) for name in names)}:
            return code
    return text.strip()
