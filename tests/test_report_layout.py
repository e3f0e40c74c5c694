"""The report's layout options and page layout, read back from real PDF, Word and Excel files:
number left blank or given, symbol, "Kính gửi:", signer, the annex line, the unreported-units note,
headings never alone at a page foot, cells that never break a word, Word's heading styles, widths,
repeated header rows and chart picture, Excel's title rows, and text of any allowed length (or
with characters XML cannot hold) in every format and in the print preview."""

import itertools
import re
import shutil
import subprocess
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text as sql
from test_report import flat

from vstbpn_desktop.domain.validation import validate_activity
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity, insert_clean
from vstbpn_desktop.reports import write_report
from vstbpn_desktop.reports.content import build_report
from vstbpn_desktop.reports.fonts import register_fonts
from vstbpn_desktop.reports.layout import fit_columns, pieces, printable, wrap
from vstbpn_desktop.reports.pdf import write_pdf

H1 = Period(2023, 1)
CODES = ("58/KH-UBND", "238/QĐ-UBND", "112/KH-SLĐTBXH")  # the demo's documents (annex and body)
OPTIONS = (
    "--date",
    "02/02/2023",
    "--number",
    "15",
    "--symbol",
    "BC-UBND",
    "--to",
    "Bộ Nội vụ",
    "--to",
    "Ủy ban nhân dân tỉnh An Giang",
    "--signer-title",
    "Phó Chủ tịch",
    "--signer-name",
    "Nguyễn Văn An",
    "--no-unreported-note",
)
LONG_TITLE = ("Tập huấn về Chương trình truyền thông bình đẳng giới theo Kế hoạch số 58/KH-UBND " * 300)[:20000]


def pages(path: Path) -> list[str]:
    return [unicodedata.normalize("NFC", page.extract_text()) for page in PdfReader(str(path)).pages]


def column_text(path: Path, first: str) -> str:
    """The text drawn in one table column on every page: the fragments at the left edge of the
    fragment that starts with `first` (where pypdf says it is drawn), joined without white space."""
    found = []
    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=lambda t, cm, tm, font, size: found.append((round(cm[4] + tm[4], 1), t)))
    left = next(x for x, t in found if unicodedata.normalize("NFC", t).startswith(first))
    return "".join("".join(unicodedata.normalize("NFC", t).split()) for x, t in found if x == left)


@pytest.fixture
def demo(province_demo_cli):
    return province_demo_cli


@pytest.fixture
def enrolled(demo, tmp_path):
    """The demo province with district 886 enrolled (its key in the trust register): a unit
    expected to report, so the note on units that have not reported applies."""
    district = demo.__class__(tmp_path / "d886", demo.capsys)
    for cli, args in (
        (district, ("init", "--org-unit", "886")),
        (district, ("keys", "export-public", "--out", tmp_path / "886.pub")),
        (demo, ("trust", "add", tmp_path / "886.pub", "--org-unit", "886")),
    ):
        code, _, err = cli(*args)
        assert code == 0, err
    return demo


def test_number_is_left_blank_with_room_to_write_it_by_default(enrolled, tmp_path):
    demo = enrolled
    out = tmp_path / "trong-so.pdf"
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out, "--date", "02/02/2023")
    assert code == 0, err
    first = pages(out)[0]
    blank = re.search(r"Số:(\s+)/BC-BVSTBPN", first)
    assert blank and len(blank.group(1)) >= 8, first[:300]  # room for a number written by hand
    assert "Kính gửi" not in first  # no addressee unless chosen
    assert "đơn vị chưa gửi báo cáo 6 tháng đầu năm 2023: huyện An Phú" in flat("".join(pages(out)))  # on by default
    assert re.search(r"\(Kèm theo Báo cáo số\s{4,}/BC-BVSTBPN ngày 02 tháng 02 năm 2023", pages(out)[-1])
    docx = tmp_path / "trong-so.docx"
    code, _, err = demo("report", "docx", "--period", "2023H1", "--out", docx, "--date", "02/02/2023")
    assert code == 0, err
    header = Document(str(docx)).tables[0]
    number = header.cell(1, 0).text
    assert re.fullmatch(r"Số: \u00a0{8,}/BC-BVSTBPN", number), repr(number)


def test_options_from_the_command_line_in_pdf_docx_and_xlsx(enrolled, tmp_path):
    demo = enrolled
    pdf = tmp_path / "bao-cao.pdf"
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", pdf, *OPTIONS)
    assert code == 0, err
    texts = pages(pdf)
    first, whole = flat(texts[0]), flat("\n".join(texts))
    assert "Số: 15/BC-UBND" in first and "BC-BVSTBPN" not in whole
    # Several addressees: "Kính gửi:" then "- X;" lines, the last ending with "." (Decree 30/2020).
    assert "Kính gửi: - Bộ Nội vụ; - Ủy ban nhân dân tỉnh An Giang." in first
    assert first.index("Kính gửi") < first.index("Ban Vì sự tiến bộ của phụ nữ (VSTBPN)")  # above the body
    assert "PHÓ CHỦ TỊCH" in whole and "Nguyễn Văn An" in whole
    assert "chưa gửi báo cáo" not in whole and "gửi báo cáo qua phần mềm" not in whole
    line = "(Kèm theo Báo cáo số 15/BC-UBND ngày 02 tháng 02 năm 2023 của Ban VSTBPN và BĐG tỉnh An Giang)"
    annexes = [t for t in texts if "Phụ lục" in t]
    assert annexes and all(line in flat(t) for t in annexes if re.search(r"^\s*Phụ lục", t, re.M))
    # The signer's name is bold: the font of the run that draws it.
    fonts = []
    for page in PdfReader(str(pdf)).pages:
        page.extract_text(
            visitor_text=lambda t, cm, tm, font, size: (
                fonts.append(font.get("/BaseFont", ""))
                if font and "Nguyễn Văn An" in unicodedata.normalize("NFC", t)
                else None
            )
        )
    assert fonts and all("Bold" in name for name in fonts), fonts

    docx = tmp_path / "bao-cao.docx"
    code, _, err = demo("report", "docx", "--period", "2023H1", "--out", docx, *OPTIONS)
    assert code == 0, err
    document = Document(str(docx))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert "Số: 15/BC-UBND" in cells
    assert "Kính gửi:" in cells and "- Bộ Nội vụ;\n- Ủy ban nhân dân tỉnh An Giang." in cells
    signer = [
        p
        for table in document.tables
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
        if p.text == "Nguyễn Văn An"
    ]
    assert signer and all(run.bold for run in signer[0].runs)
    paragraphs = [p.text for p in document.paragraphs]
    profile = Profile.open(demo.data_dir)
    try:
        assert paragraphs.count(line) == len(build_report(profile, H1).annexes)
    finally:
        profile.close()
    assert not any("chưa gửi báo cáo" in p for p in paragraphs)

    xlsx = tmp_path / "bao-cao.xlsx"
    code, _, err = demo("report", "xlsx", "--period", "2023H1", "--out", xlsx, *OPTIONS)
    assert code == 0, err
    sheet = load_workbook(xlsx)["Hoạt động"]
    assert sheet["A1"].value == "CÁC HOẠT ĐỘNG TUYÊN TRUYỀN, TẬP HUẤN, TRUYỀN THÔNG"
    assert sheet["A2"].value == "Tỉnh An Giang, 6 tháng đầu năm 2023"
    assert sheet["A3"].value == line


def test_one_addressee_sits_on_the_line_of_kinh_gui(demo, tmp_path):
    out = tmp_path / "mot-noi.pdf"
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out, "--to", "Bộ Nội vụ")
    assert code == 0, err
    assert "Kính gửi: Bộ Nội vụ." in pages(out)[0]


def test_options_come_from_the_settings_and_are_refused_when_wrong(enrolled, tmp_path):
    demo = enrolled
    profile = Profile.open(demo.data_dir)
    profile.settings.report_symbol = "BC-SLĐTBXH"
    profile.settings.report_addressees = "Ủy ban nhân dân tỉnh An Giang"
    profile.settings.unreported_note = False
    profile.settings.signer_name = "Lê Thị Hoa"
    profile.save_settings()
    profile.close()
    out = tmp_path / "mac-dinh.pdf"
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out)
    assert code == 0, err
    whole = flat("\n".join(pages(out)))
    assert "/BC-SLĐTBXH" in whole and "Kính gửi: Ủy ban nhân dân tỉnh An Giang." in whole
    assert "Lê Thị Hoa" in whole and "chưa gửi báo cáo" not in whole
    # The command line overrides a default; --to "" drops the addressee line.
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out, "--to", "", "--symbol", "BC-UBND")
    assert code == 0, err
    assert "Kính gửi" not in pages(out)[0] and "/BC-UBND" in pages(out)[0]
    before = out.read_bytes()
    for args, words in (
        (("--number", "15/2023"), "số báo cáo '15/2023'"),
        (("--symbol", "BC/UBND"), "ký hiệu 'BC/UBND'"),
        (("--signer-name", "x" * 201), "tối đa 200 ký tự"),
    ):
        code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out, *args)
        assert code == 1 and err.startswith("error:") and words in err, err
        assert out.read_bytes() == before  # refused before the file is touched
    with pytest.raises(ValueError, match="ký hiệu báo cáo"):
        profile = Profile.open(demo.data_dir)
        try:
            profile.settings.report_symbol = ""
            profile.save_settings()
        finally:
            profile.close()


def test_headings_never_end_a_page(district, tmp_path):
    """Whatever the length of the text before them, a heading ("I. …", "1. …") is never the last
    line of a page: it moves to the next page with its paragraph."""
    from vstbpn_desktop.demo import load_demo

    load_demo(district)
    report = build_report(district, H1, issued_on=date(2023, 7, 2))
    headings = [p.text for p in report.body if p.kind in ("heading", "item")]
    intro = report.body[0].runs[0].text
    filler = " Nội dung bổ sung để dời các đề mục xuống một dòng."
    for extra in range(0, 36):
        report.body[0].runs[0].text = intro + filler * (extra * 3 // 2)
        out = tmp_path / f"dich-{extra}.pdf"
        write_pdf(report, out)
        for number, page in enumerate(pages(out)[:-1], 1):
            lines = [line.strip() for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
            last = lines[-1]  # (the page number, drawn last, left out)
            assert not any(h.startswith(last) or last.startswith(h[:30]) for h in headings), (extra, number, last)


def test_cells_wrap_at_spaces_and_slashes_only():
    fonts = register_fonts()
    assert pieces("Kế hoạch 58/KH-UBND", at_slash=False) == ["Kế", "hoạch", "58/KH-UBND"]
    assert pieces("Kế hoạch 58/KH-UBND", at_slash=True) == ["Kế", "hoạch", "58/", "KH-UBND"]
    width = 75
    for text in ("Kế hoạch số 58/KH-UBND ngày 02/02/2023", "112/KH-SLĐTBXH 238/QĐ-UBND 03/UBQG-VP", "STT Số cuộc"):
        lines = wrap(text, width, fonts.regular, 10)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:  # every line ends at a space or after "/": whole pieces only
            assert all(p in pieces(text, True) for p in pieces(line, True)), (text, lines)
    # A piece wider than the column (nothing official is) is cut at the edge, never lost.
    lines = wrap("x" * 500, width, fonts.regular, 10)
    assert "".join(lines) == "x" * 500 and len(lines) > 5
    # Widths: every column at least as wide as its longest piece; numbers and dates whole.
    headers, kinds = ["STT", "Số, ký hiệu", "Ngày", "Trích yếu"], ["int", "text", "date", "text"]
    rows = [["1", "112/KH-SLĐTBXH", "01/03/2023", "Kế hoạch phối hợp thực hiện công tác bình đẳng giới"]]
    fit = fit_columns(headers, kinds, [0.5, 1.0, 1.0, 6.0], rows, 300, fonts.regular, fonts.bold)
    assert fit.size == 10 and not fit.at_slash and round(sum(fit.widths), 3) == 300
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert fit.widths[0] >= stringWidth("STT", fonts.bold, 10) + 6
    assert fit.widths[1] >= stringWidth("112/KH-SLĐTBXH", fonts.regular, 10) + 6
    assert fit.widths[2] >= stringWidth("01/03/2023", fonts.regular, 10) + 6
    narrow = fit_columns(headers, kinds, [0.5, 1.0, 1.0, 6.0], rows, 150, fonts.regular, fonts.bold)
    assert narrow.size < 10 or narrow.at_slash  # shrinks, or wraps codes after "/"


def test_annex_tables_never_split_a_code_or_a_header(demo, tmp_path):
    out = tmp_path / "bao-cao.pdf"
    code, _, err = demo("report", "pdf", "--period", "2023H1", "--out", out)
    assert code == 0, err
    words = set("\n".join(pages(out)).split())
    for code_ in CODES:
        assert code_ in words, code_
    for broken in ("ST", "58/KH-UBN", "UBN", "cuộ", "202"):
        assert broken not in words, broken
    lines = [line.strip() for line in "\n".join(pages(out)).splitlines()]
    assert "25,36 %" in "\n".join(pages(out))
    # "%" never wraps away from its number ("%" alone in the unit column is fine).
    assert not any(line.startswith("%") and before[-1:].isdigit() for before, line in itertools.pairwise(lines))


def test_percent_stays_with_its_number_when_a_line_wraps():
    """A non-breaking space before "%" (layout.printable): the line breaks before the number, not
    between the number and "%" as it does with any other word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    from vstbpn_desktop.reports.pdf import make_styles, safe

    fonts = register_fonts()
    style = make_styles(fonts)["cell"]
    width = stringWidth("chiếm 25,36", fonts.regular, style.fontSize) + 2
    lines = {}
    for text in ("chiếm 25,36 %", "chiếm 25,36 x"):
        paragraph = Paragraph(safe(text), style)
        paragraph.wrap(width, 1000)
        lines[text] = [" ".join(line[1]) for line in paragraph.blPara.lines]
    assert lines == {"chiếm 25,36 %": ["chiếm", "25,36\u00a0%"], "chiếm 25,36 x": ["chiếm 25,36", "x"]}


def test_docx_headings_widths_header_rows_and_chart(demo, tmp_path):
    out = tmp_path / "bao-cao.docx"
    code, _, err = demo("report", "docx", "--period", "2023H1", "--out", out, "--date", "02/02/2023")
    assert code == 0, err
    document = Document(str(out))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert "I. KẾT QUẢ HOẠT ĐỘNG 6 THÁNG ĐẦU NĂM 2023" in by_style["Heading 1"]
    assert "II. ĐÁNH GIÁ CHUNG" in by_style["Heading 1"]
    assert any(t.startswith("Phụ lục") for t in by_style["Heading 1"])
    assert any(t.startswith("1. Công tác ban hành văn bản") for t in by_style["Heading 2"])
    for name in ("Heading 1", "Heading 2"):  # the official look, not Word's blue Calibri Light
        style = document.styles[name]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Times New Roman" and fonts.get(qn("w:asciiTheme")) is None
        assert style.element.rPr.find(qn("w:color")) is None and style.font.size.pt == 14
        assert style.paragraph_format.keep_with_next
    a4_text_width = round((210 - 30 - 15) / 25.4 * 1440)  # twips
    data_tables = [
        t
        for t in document.tables
        if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(data_tables) == 3  # indicators, documents, activities
    for table in data_tables:
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - a4_text_width) <= len(grid) + 1
        assert int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)
        header = table.rows[0]._tr
        assert header.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[:3]:
            widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.findall(qn("w:tc"))]
            assert widths == grid
    text = "\n".join(c.text for t in data_tables for row in t.rows for c in row.cells)
    assert all(code_ in text for code_ in CODES)
    # The chart is a PNG picture the width of the text.
    assert len(document.inline_shapes) == 1
    with zipfile.ZipFile(out) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(images) == 1 and archive.read(images[0])[:8] == b"\x89PNG\r\n\x1a\n"
    body = "\n".join(p.text for p in document.paragraphs)
    assert re.search(r"\d,\d\d\u00a0%", body) and not re.search(r"\d %", body)  # "%" never wraps alone


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_tables_fit_a4_in_libreoffice(demo, tmp_path):
    out = tmp_path / "bao-cao.docx"
    code, _, err = demo("report", "docx", "--period", "2023H1", "--out", out)
    assert code == 0, err
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo-out"),
            str(out),
        ],
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "lo-out" / "bao-cao.pdf"
    assert pdf.is_file(), done.stderr
    words = set("\n".join(pages(pdf)).split())
    assert all(code_ in words for code_ in CODES)
    for broken in ("ST", "58/KH-UBN", "cuộ", "202"):
        assert broken not in words, broken
    reader = PdfReader(str(pdf))
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)


def test_xlsx_title_rows_and_names_before_codes(demo, tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    code, _, err = demo("report", "xlsx", "--period", "2023H1", "--out", out, "--date", "02/02/2023", "--number", "15")
    assert code == 0, err
    workbook = load_workbook(out)
    for sheet in workbook.worksheets:
        assert sheet["A1"].font.bold and sheet["A1"].value == sheet["A1"].value.upper()
        assert sheet["A2"].value == "Tỉnh An Giang, 6 tháng đầu năm 2023"
        assert sheet["A3"].value.startswith("(Kèm theo Báo cáo số 15/BC-BVSTBPN ngày 02 tháng 02 năm 2023")
        assert sheet.freeze_panes == "A6" and sheet.auto_filter.ref.startswith("A5:")
    indicators = workbook["Chỉ tiêu"]
    header = [c.value for c in indicators[5]]
    assert header[:3] == ["STT", "Chỉ tiêu", "Đơn vị tính"] and header[-1] == "Mã"
    row = [c.value for c in indicators[6]]
    assert row[1] == "Tổng số cán bộ lãnh đạo, quản lý chính quyền địa phương" and row[-1] == "LEADERS_TOTAL"


def test_a_20000_character_title_lays_out_in_every_format(district, tmp_path):
    """A title of the longest allowed length never crashes ("too large on page"): the
    PDF row continues over several pages with every character, Word and Excel hold it whole."""
    scope = Scope("883", H1)
    add_activity(
        district.engine,
        scope,
        {
            "date": "2023-03-02",
            "kind": "training",
            "title": LONG_TITLE,
            "sessions": 1,
            "participants": 10,
            "female_participants": 5,
            "place": "Hội trường",
        },
    )
    add_activity(
        district.engine,
        scope,
        {
            "date": "2023-03-03",
            "kind": "training",
            "title": "w" * 20000,
            "sessions": 2,
            "participants": 12,
            "female_participants": 6,
            "place": "p" * 300,
        },
    )
    out = tmp_path / "dai.pdf"
    write_report(district, "pdf", H1, out)
    texts = pages(out)
    assert len(texts) >= 8
    # Every character of both titles, in order, across the pages (the second has no space: it is
    # broken at the cell's edge).
    column = column_text(out, "Tập huấn về").replace("Nộidung", "")  # (the header repeated on each page)
    assert column == "".join(LONG_TITLE.split()) + "w" * 20000
    write_report(district, "docx", H1, tmp_path / "dai.docx")
    cells = [
        c.text.replace("\u200b", "") for row in Document(str(tmp_path / "dai.docx")).tables[-1].rows for c in row.cells
    ]  # (a zero-width space after "/" where a code may wrap)
    assert LONG_TITLE in cells
    write_report(district, "xlsx", H1, tmp_path / "dai.xlsx")
    sheet = load_workbook(tmp_path / "dai.xlsx")["Hoạt động"]
    assert LONG_TITLE in [sheet.cell(row=r, column=4).value for r in range(6, sheet.max_row + 1)]


def test_a_20000_character_title_of_a_child_in_the_consolidated_pdf(province, tmp_path):
    activity = validate_activity(
        {
            "date": "2023-03-01",
            "kind": "training",
            "title": LONG_TITLE,
            "sessions": 3,
            "participants": 90,
            "female_participants": 45,
            "place": "Hội trường",
        },
        H1,
    )
    with province.engine.begin() as connection:
        insert_clean(
            connection,
            "883",
            "nhập gói",
            activities=[activity],
            narratives=[("2023H1", "achievements", "Kết quả " + "rất dài " * 2500)],
        )
    out = tmp_path / "tong-hop.pdf"
    report = write_report(province, "pdf", H1, out)
    assert report.consolidated
    assert column_text(out, "Tập huấn về").replace("Nộidung", "") == "".join(LONG_TITLE.split())
    assert "".join(pages(out)).count("rất dài") >= 2400  # the child's long text in Phụ lục 4


def test_old_text_with_characters_xml_cannot_hold_still_prints(district, tmp_path):
    """Defence in depth: text stored before the boundary refused control characters
    (Word's Shift+Enter, a bell, NUL) prints in every format: dropped or made a line break."""
    scope = Scope("883", H1)
    add_activity(
        district.engine,
        scope,
        {
            "date": "2023-03-02",
            "kind": "training",
            "title": "Tập huấn",
            "sessions": 1,
            "participants": 10,
            "female_participants": 5,
            "place": "Hội trường",
        },
    )
    with district.engine.begin() as connection:
        connection.execute(
            sql("UPDATE activity SET title = :t, place = :p"),
            {"t": "Dòng một\vDòng hai\x07\x01 chuông\x00 hết x", "p": "Nhà\x0b văn hóa\x1f"},
        )
    for kind in ("pdf", "docx", "xlsx"):
        write_report(district, kind, H1, tmp_path / f"cu.{kind}")
    cells = [c.text for row in Document(str(tmp_path / "cu.docx")).tables[-1].rows for c in row.cells]
    assert "Dòng một\nDòng hai chuông hết x" in cells
    sheet = load_workbook(tmp_path / "cu.xlsx")["Hoạt động"]
    assert sheet.cell(row=6, column=4).value == "Dòng một\nDòng hai chuông hết x"
    assert "Dòng hai chuông hết x" in " ".join(pages(tmp_path / "cu.pdf"))
    assert printable("a\x0cb\r\nc 25 %\ud800\ufffe") == "a\nb\nc 25\u00a0%"
