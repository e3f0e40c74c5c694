"""The report's parts and sections and the window's pages, as data (resources/sections.json).

One table drives the report's body (`reports/content.py`: "I. …", "1. …", the officer's text and
the figures of each section), the window's pages (`ui/main_window.py`), the narrative sections a
table file or a bundle may carry (`NARRATIVE_SECTIONS`) and the checklist before sending. A
section's code is also the key of its narrative text; an indicator belongs to a section by its
`section` (resources/indicators.json). How to add a section: docs/architecture.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..resources import resource

# What a page shows; each kind is one widget and one controller of ui/.
PAGE_KINDS = ("documents", "activities", "figures", "narratives", "grid")


@dataclass(frozen=True)
class Part:
    number: str  # "I"
    heading: str  # "KẾT QUẢ HOẠT ĐỘNG {period}": {period}, {next_period} filled in capitals
    annex_reference: bool = False  # the sentence naming the annexes closes this part


@dataclass(frozen=True)
class Page:
    code: str
    kind: str  # PAGE_KINDS
    title_vi: str
    title_en: str

    def title(self, language: str = "vi") -> str:
        return self.title_vi if language == "vi" else self.title_en


@dataclass(frozen=True)
class Section:
    code: str  # also the key of its narrative text
    part: str  # a Part's number
    page: str  # the Page where its text (and figures) are typed
    name_vi: str  # the short name: the window's label, table files, the children's annex
    name_en: str
    missing: str  # "Trong kỳ chưa có số liệu/nội dung về {missing}."
    heading: str = ""  # the report's "1. …" heading when it is not the name
    figures: str = ""  # how its recorded figures are written (content.py FIGURE_WRITERS); "" none
    dashes: bool = False  # the officer's lines are a list: each gets its "-"

    def name(self, language: str = "vi") -> str:
        return self.name_vi if language == "vi" else self.name_en

    @property
    def title(self) -> str:
        """The report's heading of the section (Vietnamese)."""
        return self.heading or self.name_vi


@dataclass(frozen=True)
class Layout:
    parts: tuple[Part, ...]
    pages: tuple[Page, ...]
    sections: tuple[Section, ...]

    def page(self, code: str) -> Page:
        return next(page for page in self.pages if page.code == code)

    def section(self, code: str) -> Section:
        return next(section for section in self.sections if section.code == code)

    def in_part(self, number: str) -> list[Section]:
        return [section for section in self.sections if section.part == number]

    def on_page(self, code: str) -> list[Section]:
        return [section for section in self.sections if section.page == code]

    def pages_of_kind(self, kind: str) -> list[Page]:
        return [page for page in self.pages if page.kind == kind]


def read_layout(data: dict) -> Layout:
    """The table as read from sections.json, its references checked (a mistake fails at start)."""
    parts = tuple(Part(**item) for item in data["parts"])
    pages = tuple(Page(**item) for item in data["pages"])
    sections = tuple(Section(**item) for item in data["sections"])
    numbers = [part.number for part in parts]
    page_codes = [page.code for page in pages]
    section_codes = [section.code for section in sections]
    for what, codes in (("part", numbers), ("page", page_codes), ("section", section_codes)):
        if len(set(codes)) != len(codes):
            raise ValueError(f"sections.json: a {what} is listed twice: {codes}")
    for page in pages:
        if page.kind not in PAGE_KINDS:
            raise ValueError(f"sections.json: page {page.code}: kind '{page.kind}' is not one of {PAGE_KINDS}")
    for section in sections:
        if section.part not in numbers:
            raise ValueError(f"sections.json: section {section.code}: part '{section.part}' is not listed")
        if section.page not in page_codes:
            raise ValueError(f"sections.json: section {section.code}: page '{section.page}' is not listed")
    return Layout(parts, pages, sections)


@lru_cache(maxsize=1)
def layout() -> Layout:
    return read_layout(json.loads(resource("sections.json").read_text(encoding="utf-8")))
