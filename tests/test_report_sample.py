"""The province demo prints the sample report (shared/domain/an-giang-2023-h1-report.txt).

The PDF's text is compared with the sample paragraph by paragraph: every paragraph of the sample
must be found, word for word, in the PDF, after the intended differences below; and every
paragraph of the report's body must come from the sample or be one of the named additions. A
failure lists every difference, each with the closest text the PDF has.
"""

import difflib
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.reports import write_report

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "an-giang-2023-h1-report.txt"
H1 = Period(2023, 1)

# What the sample says → what the report prints, and why. Nothing else may differ.
INTENDED = [
    (
        "Công tác ban hành văn bản chỉ đạo, triển khai hoạt động và phối hợp liên ngành thực hiện các hoạt động "
        "VSTBPN và BĐG.",
        "1. Công tác ban hành văn bản chỉ đạo, triển khai hoạt động và phối hợp liên ngành thực "
        "hiện các hoạt động VSTBPN và BĐG",
        "the four subjects of section I are its numbered items (Decree 30 layout), not run-in sentences",
    ),
    (
        "Công tác phối hợp các ngành liên quan thực hiện các hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới:",
        "2. Công tác phối hợp các ngành liên quan thực hiện các hoạt động vì sự tiến bộ của phụ nữ và bình đẳng giới",
        "numbered item",
    ),
    ("Công tác cán bộ nữ:", "3. Công tác cán bộ nữ", "numbered item"),
    (
        "Công tác phòng ngừa và ứng phó với bạo lực đối với phụ nữ và trẻ em:",
        "4. Công tác phòng ngừa và ứng phó với bạo lực đối với phụ nữ và trẻ em",
        "numbered item",
    ),
    (
        "trên 780 cuộc cho trên 25 ngàn lượt",
        "780 cuộc cho 25.120 lượt",
        "the report prints the recorded figures, not the officer's rounding",
    ),
    (
        "(chiếm 25,36% so với mục tiêu theo Quyết định số238/QĐ-UBND tăng 2,43% so với cùng kỳ)",
        "(chiếm 25,36 % so với mục tiêu theo Quyết định số 238/QĐ-UBND, tăng 2,43 điểm % so với cùng kỳ)",
        "a space before % (a non-breaking one), the space the sample lost after 'số', a comma between the "
        "two clauses; a change of a share is in percentage points",
    ),
    ("các hoạt động sau", "các hoạt động sau:", "a lead-in to a list ends with a colon"),
]
# The sample's first line is the web page's category, not the report; its last stops mid-word.
NOT_REPORT = {"Bảo Vệ Chăm Sóc Trẻ Em"}
TRUNCATED_END = ("trên cơ sở", "trên cơ sở giới.")
# Paragraphs of the report that the sample does not have, by their beginning.
ADDED = {
    "I. KẾT QUẢ HOẠT ĐỘNG": "section heading (Decree 30 layout)",
    "II. ĐÁNH GIÁ CHUNG": "section heading",
    "1. Kết quả đạt được": "item heading",
    "2. Khó khăn, hạn chế": "item heading",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ": "section heading",
    "Số liệu chi tiết tại Phụ lục I": "the body refers to the annexes",
    "Trên đây là báo cáo": "the closing line before the signature",
}


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def sample_paragraphs() -> list[str]:
    lines = [normal(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and line != "|" and line not in NOT_REPORT]


def pdf_text(path: Path) -> str:
    """The text of the pages, each page's number (in the top margin from page 2) left out."""
    pages = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        lines = page.extract_text().splitlines()
        pages.append("\n".join(line for line in lines if line.strip() != str(number)))
    return normal("\n".join(pages))


def closest(needle: str, haystack: str) -> str:
    """The differences between `needle` and the stretch of `haystack` most like it."""
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, block.a - block.b)
    window = haystack[start : start + len(needle) + 40]
    ops = difflib.SequenceMatcher(None, needle, window, autojunk=False).get_opcodes()
    return "; ".join(
        f"{tag}: sample {needle[i1:i2]!r} / pdf {window[j1:j2]!r}" for tag, i1, i2, j1, j2 in ops if tag != "equal"
    )[:600]


@pytest.fixture
def province_demo(province_demo_cli, tmp_path):
    profile = Profile.open(province_demo_cli.data_dir)
    out = tmp_path / "an-giang-2023h1.pdf"
    report = write_report(profile, "pdf", H1, out, issued_on=date(2023, 7, 10))
    yield profile, report, out
    profile.close()


def test_the_province_demo_prints_the_sample_paragraph_by_paragraph(province_demo):
    _profile, report, out = province_demo
    text = pdf_text(out)
    differences = []
    expected_all = []
    for paragraph in sample_paragraphs():
        expected = paragraph
        for said, printed, _why in INTENDED:
            expected = expected.replace(said, printed)
        if expected.endswith(TRUNCATED_END[0]):
            expected = expected[: -len(TRUNCATED_END[0])] + TRUNCATED_END[1]
        expected_all.append(expected)
        if expected not in text:
            differences.append(f"- {expected[:70]!r}…: {closest(expected, text)}")
    assert not differences, "the PDF differs from the sample:\n" + "\n".join(differences)

    sample_text = " ".join(expected_all)
    extra = [
        p.text
        for p in report.body
        if normal(p.text).lstrip("- ") not in sample_text
        and not any(normal(p.text).startswith(start) for start in ADDED)
    ]
    assert not extra, "paragraphs the sample does not have:\n" + "\n".join(extra)


def test_the_sample_figures_and_sentences_the_issue_names(province_demo):
    profile, report, out = province_demo
    text = pdf_text(out)
    assert profile.settings.share_rounding == "truncate"
    assert report.figures.share("LEADERS_FEMALE_PCT", "truncate") == 25.36
    assert "25,36\u00a0%" in " ".join(p.text for p in report.body)  # the % held to its number
    assert report.plain_text().count("58/KH-UBND") == 1  # the officer's words cite it; the list is Phụ lục II
    assert [row[1] for row in report.tables[1].rows()] == ["58/KH-UBND", "238/QĐ-UBND", "112/KH-SLĐTBXH"]
    assert "Thực hiện 03 chuyên mục" not in text and "05 chuyên mục/năm" in text
    assert "về việc giao chỉ tiêu về" not in text
    # 03/UBQG-VP was received, not issued: it opens the report and is not in the list of documents issued.
    annex = text[text.index("Phụ lục II") :]
    assert "03/UBQG-VP" not in annex and text.index("03/UBQG-VP") < text.index("I. KẾT QUẢ")
    assert [a.title for a in report.annexes] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]


def test_the_sample_file_is_the_shared_one():
    shared = Path("/work/shared/domain/an-giang-2023-h1-report.txt")
    if not shared.exists():
        pytest.skip("the shared domain folder is not on this machine")
    assert SAMPLE.read_bytes() == shared.read_bytes()
