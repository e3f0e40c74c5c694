"""The report's sections and the window's pages are data (resources/sections.json): a section and an
indicator added to a copy of the catalogue appear in the report model, the PDF, the Word file, the
Excel file and the window's pages, with no code changed (the recipe of docs/architecture.md)."""

import json
import shutil
import unicodedata

import docx
import openpyxl
import pytest
from pypdf import PdfReader

import vstbpn_desktop.resources
from vstbpn_desktop.catalogue import (
    NARRATIVE_SECTIONS,
    indicators,
    install_catalogue,
    minimum_codes,
    shipped_indicators,
)
from vstbpn_desktop.catalogue.national import national_catalogue
from vstbpn_desktop.catalogue.sections import layout, read_layout
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, set_indicator_values, set_narrative
from vstbpn_desktop.reports import write_report
from vstbpn_desktop.reports.content import FIGURE_WRITERS, build_report

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period(2023, 1)
SHIPPED = vstbpn_desktop.resources.resources_dir()

# What a maintainer adds: one page ("economy"), one section on it after "4. … bạo lực" (its code, the
# key of its text, need not be the page's), three indicators of the section, and
# one indicator in an existing section (violence, whose sentence is written by its own code).
PAGE = {"code": "economy", "kind": "figures", "title_vi": "Kinh tế", "title_en": "Economy"}
SECTION = {
    "code": "women_in_business",
    "part": "I",
    "page": "economy",
    "figures": "indicators",
    "name_vi": "Bình đẳng giới trong lĩnh vực kinh tế",
    "name_en": "Gender equality in the economy",
    "missing": "bình đẳng giới trong lĩnh vực kinh tế",
}
INDICATORS = [
    {"code": "FIRMS_TOTAL", "kind": "count", "section": "women_in_business", "name_vi": "Số doanh nghiệp mới thành lập",
     "name_en": "New firms", "unit_vi": "doanh nghiệp", "unit_en": "firms"},
    {"code": "FIRMS_WOMEN", "kind": "count", "section": "women_in_business", "at_most": "FIRMS_TOTAL",
     "name_vi": "Trong đó do nữ làm chủ", "name_en": "Of which owned by women", "unit_vi": "doanh nghiệp",
     "unit_en": "firms"},
    {"code": "FIRMS_WOMEN_PCT", "kind": "share", "section": "women_in_business", "numerator": "FIRMS_WOMEN",
     "denominator": "FIRMS_TOTAL", "target_2030": 30, "name_vi": "Tỷ lệ doanh nghiệp do nữ làm chủ",
     "name_en": "Share of firms owned by women", "unit_vi": "%", "unit_en": "%"},
    {"code": "SHELTER_PLACES", "kind": "count", "section": "violence", "name_vi": "Số chỗ tạm lánh",
     "name_en": "Shelter places", "unit_vi": "chỗ", "unit_en": "places"},
]  # fmt: skip


def clear_caches():
    layout.cache_clear()
    shipped_indicators.cache_clear()
    minimum_codes.cache_clear()
    national_catalogue.cache_clear()
    install_catalogue(None)  # no profile's catalogue left installed: indicators() reads the files


@pytest.fixture
def extended(tmp_path, monkeypatch):
    """The shipped resources copied, with the page, section and indicators above added."""
    folder = tmp_path / "resources"
    shutil.copytree(SHIPPED, folder)
    sections = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
    at = [p["code"] for p in sections["pages"]].index("violence") + 1
    sections["pages"].insert(at, PAGE)
    at = [s["code"] for s in sections["sections"]].index("violence") + 1
    sections["sections"].insert(at, SECTION)
    (folder / "sections.json").write_text(json.dumps(sections, ensure_ascii=False), encoding="utf-8")
    catalogue = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))
    catalogue["indicators"] += INDICATORS
    (folder / "indicators.json").write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(vstbpn_desktop.resources, "resources_dir", lambda: folder)
    clear_caches()
    yield folder
    monkeypatch.undo()
    clear_caches()


@pytest.fixture
def economy_district(extended, cli_factory):
    """A new district profile (its indicator table filled from the extended catalogue) with figures
    and text for the new section."""
    from conftest import ok

    cli = cli_factory("district-883")
    ok(cli, "init", "--org-unit", "883", "--officer", "Trần Thị Lan")
    profile = Profile.open(cli.data_dir)
    scope = Scope("883", H1)
    set_indicator_values(
        profile.engine,
        scope,
        {"FIRMS_TOTAL": 40, "FIRMS_WOMEN": 10, "SHELTER_PLACES": 6, "HOTLINE_CONTACTS": 12},
    )
    set_narrative(profile.engine, scope, "women_in_business", "Hội Liên hiệp Phụ nữ hỗ trợ phụ nữ khởi nghiệp.")
    yield profile
    profile.close()


SENTENCE = (
    "Trong kỳ, số doanh nghiệp mới thành lập: 40 doanh nghiệp; trong đó do nữ làm chủ: 10 doanh nghiệp; "
    "tỷ lệ doanh nghiệp do nữ làm chủ chiếm 25\u00a0%, chưa đạt mục tiêu 30\u00a0% đến năm 2030."
)


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def test_the_shipped_table_is_the_report_of_the_sample():
    table = layout()
    assert [p.number for p in table.parts] == ["I", "II", "III"]
    assert [s.code for s in table.sections] == list(NARRATIVE_SECTIONS)
    assert [page.code for page in table.pages] == [
        "documents",
        "communication",
        "female_cadres",
        "violence",
        "assessment",
        "directions",
        "grid",
    ]
    for section in table.sections:
        assert not section.figures or section.figures in FIGURE_WRITERS, section.code
    for indicator in indicators().values():
        assert indicator.section in NARRATIVE_SECTIONS, indicator.code


def test_a_mistake_in_the_table_fails_naming_it():
    data = json.loads((SHIPPED / "sections.json").read_text(encoding="utf-8"))
    data["sections"][0]["page"] = "nowhere"
    with pytest.raises(ValueError, match="section documents: page 'nowhere'"):
        read_layout(data)
    data = json.loads((SHIPPED / "sections.json").read_text(encoding="utf-8"))
    data["pages"][0]["kind"] = "chart"
    with pytest.raises(ValueError, match="page documents: kind 'chart'"):
        read_layout(data)
    data = json.loads((SHIPPED / "sections.json").read_text(encoding="utf-8"))
    data["sections"].append(dict(data["sections"][0]))
    with pytest.raises(ValueError, match="section is listed twice"):
        read_layout(data)


def test_an_indicator_of_an_unknown_section_fails_naming_it(extended):
    catalogue = json.loads((extended / "indicators.json").read_text(encoding="utf-8"))
    catalogue["indicators"][0]["section"] = "economics"
    (extended / "indicators.json").write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    clear_caches()
    with pytest.raises(ValueError, match="LEADERS_TOTAL: section 'economics' is not in sections.json"):
        indicators()


def test_a_section_added_as_data_is_in_the_report(economy_district):
    report = build_report(economy_district, H1, "883")
    body = [p.text for p in report.body]
    heading = "5. Bình đẳng giới trong lĩnh vực kinh tế"
    assert heading in body
    at = body.index(heading)
    assert body[at - 2].startswith("4. Công tác phòng ngừa và ứng phó với bạo lực")
    assert body[at + 1 : at + 3] == [SENTENCE, "Hội Liên hiệp Phụ nữ hỗ trợ phụ nữ khởi nghiệp."]
    assert body[at + 3].startswith("Số liệu chi tiết tại Phụ lục I")  # part I still closes with the annexes
    # The added indicator of an existing section: in the annex table, not in that section's sentence.
    rows = {row[1]: row for row in report.tables[2].rows()}
    assert rows["SHELTER_PLACES"][2:5] == ["Số chỗ tạm lánh", "chỗ", 6]
    assert rows["FIRMS_WOMEN_PCT"][4] == 25
    violence = body[body.index("4. Công tác phòng ngừa và ứng phó với bạo lực đối với phụ nữ và trẻ em") + 1]
    assert violence == "Trong kỳ, các đường dây nóng (18008077, 111) đã tiếp nhận 12 cuộc gọi."
    # Nothing recorded for it: the section says so, like the shipped ones.
    empty = [p.text for p in build_report(economy_district, Period(2022, 1), "883").body]
    assert empty[empty.index(heading) + 1] == "Trong kỳ chưa có số liệu về bình đẳng giới trong lĩnh vực kinh tế."


def test_a_section_added_as_data_is_printed_in_pdf_word_and_excel(economy_district, tmp_path):
    for kind in ("pdf", "docx", "xlsx"):
        write_report(economy_district, kind, H1, tmp_path / f"r.{kind}", number="15")
    pdf = flat("\n".join(page.extract_text() for page in PdfReader(str(tmp_path / "r.pdf")).pages))
    assert "5. Bình đẳng giới trong lĩnh vực kinh tế" in pdf and flat(SENTENCE) in pdf
    assert "Số chỗ tạm lánh" in pdf  # the annex row of the indicator added to an existing section
    word = docx.Document(str(tmp_path / "r.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert headings[4] == "5. Bình đẳng giới trong lĩnh vực kinh tế"
    assert flat(SENTENCE) in [flat(p.text) for p in word.paragraphs]
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Chỉ tiêu"]
    cells = {value for row in sheet.iter_rows(values_only=True) for value in row}
    assert {"FIRMS_TOTAL", "FIRMS_WOMEN", "FIRMS_WOMEN_PCT", "SHELTER_PLACES", "Số chỗ tạm lánh"} <= cells


def test_a_section_added_as_data_has_its_page_in_the_window(economy_district, qtbot, language):
    from conftest import shown_window
    from PySide6.QtCore import Qt
    from test_ui_entry import redo, undo
    from test_ui_window import type_text

    from ui.bundle import send as bundle_send

    window = shown_window(qtbot, economy_district)
    titles = [window.navigation.item(row).text() for row in range(len(window.period_pages))]
    assert titles == [
        "Văn bản chỉ đạo và phối hợp",
        "Tuyên truyền, tập huấn",
        "Cán bộ nữ",
        "Phòng chống bạo lực",
        "Kinh tế",
        "Đánh giá",
        "Phương hướng",
        "Chỉ tiêu",
    ]
    window.show_page("economy")
    page = window.pages["economy"]
    assert window.stack.currentWidget() is page
    assert list(page.inputs) == ["FIRMS_TOTAL", "FIRMS_WOMEN"] and list(page.shares) == ["FIRMS_WOMEN_PCT"]
    assert page.inputs["FIRMS_TOTAL"].text() == "40" and page.shares["FIRMS_WOMEN_PCT"].text() == "25,00 %"
    editor = page.narratives["women_in_business"]
    assert editor.title.text() == "<b>Bình đẳng giới trong lĩnh vực kinh tế (lời văn)</b>"
    assert editor.text.toPlainText() == "Hội Liên hiệp Phụ nữ hỗ trợ phụ nữ khởi nghiệp."
    assert "SHELTER_PLACES" in window.pages["violence"].inputs  # the indicator added to an existing section

    # Typed in the window: saved, and printed in the new section.
    field = page.inputs["FIRMS_WOMEN"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, field, "20")
    qtbot.keyClick(field, Qt.Key_Return)
    assert page.shares["FIRMS_WOMEN_PCT"].text() == "50,00 %"
    # Undone from another page: the window goes back to the new page, as for the shipped ones.
    window.show_page("assessment")
    undo(qtbot, window)
    assert window.stack.currentWidget() is page and field.text() == "10"
    redo(qtbot, window)
    assert field.text() == "20"
    window.controller.set_period("2023H1")
    body = [p.text for p in build_report(economy_district, H1, "883").body]
    assert "trong đó do nữ làm chủ: 20 doanh nghiệp; tỷ lệ doanh nghiệp do nữ làm chủ chiếm 50\u00a0%" in " ".join(body)

    # The checklist before sending knows the page: no text for "assessment"/"directions", figures here.
    pages = [check.page for check in bundle_send.checklist(window)]
    assert "economy" not in pages and "assessment" in pages and "directions" in pages
    set_narrative(economy_district.engine, Scope("883", H1), "women_in_business", "")
    window.controller.set_period("2023H1")
    assert "economy" in [check.page for check in bundle_send.checklist(window)]
    window.close()

    # The English window takes the page's and the section's English names from the same table.
    assert language("en") == "en"
    window = shown_window(qtbot, economy_district)
    assert window.navigation.item(4).text() == "Economy"
    assert (
        window.pages["economy"].narratives["women_in_business"].title.text()
        == "<b>Gender equality in the economy (narrative)</b>"
    )


def test_a_figures_page_of_counts_only_has_no_empty_box_of_shares(qtbot):
    from ui.entry.pages import FiguresPage

    counts = [indicators()["HOTLINE_CONTACTS"]]
    page = FiguresPage("Đường dây nóng", counts, [])
    qtbot.addWidget(page)
    assert page.shares_box.isHidden() and list(page.inputs) == ["HOTLINE_CONTACTS"]
    shares = [indicators()["GBV_VICTIMS_SUPPORTED_PCT"]]
    assert not FiguresPage("Bạo lực", counts, shares).shares_box.isHidden()


def test_the_demo_writes_texts_only_for_sections_of_the_table(district):
    from vstbpn_desktop.demo import NARRATIVES_2023H1, SAMPLE_PERIOD, load_demo
    from vstbpn_desktop.records import narratives

    assert set(NARRATIVES_2023H1) <= set(NARRATIVE_SECTIONS)  # a misspelt key would be stored unprinted
    load_demo(district)
    written = narratives(district.engine, Scope("883", SAMPLE_PERIOD))
    assert written and set(written) <= set(NARRATIVE_SECTIONS)
