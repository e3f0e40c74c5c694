"""The official report read back: PDF text, fonts and page size; .docx paragraphs; .xlsx cell types."""

import os
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import insert

from vstbpn_desktop.domain.validation import validate_activity, validate_document
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope, add_activity, insert_clean
from vstbpn_desktop.reports.content import build_report
from vstbpn_desktop.reports.fonts import missing_letters, register_fonts, vietnamese_letters
from vstbpn_desktop.storage.models import BundleLedger, new_id

H1 = Period(2023, 1)


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def sample(province_demo_cli):
    profile = Profile.open(province_demo_cli.data_dir)
    profile.settings.share_rounding = "truncate"
    profile.settings.signer_name = "Nguyễn Văn An"
    profile.save_settings()
    profile.close()
    return province_demo_cli


def test_fonts_cover_every_vietnamese_letter():
    letters = vietnamese_letters()
    assert len(letters) == 146 and "ặ" in letters and "Ữ" in letters and "đ" in letters
    fonts = register_fonts()
    for path in fonts.paths.values():
        assert missing_letters(path) == ""


def test_pdf_layout_text_and_fonts(sample, tmp_path):
    out = tmp_path / "bao-cao.pdf"
    code, out_text, err = sample(
        "report", "pdf", "--period", "2023H1", "--out", out, "--date", "02/02/2023", "--number", "15"
    )
    assert code == 0, err
    reader = PdfReader(str(out))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (595.28, 841.89)
    text = flat(pdf_text(out))
    for expected in (
        "UBND TỈNH AN GIANG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-BVSTBPN",
        "An Giang, ngày 02 tháng 02 năm 2023",
        "BÁO CÁO",
        "tổ chức 780 cuộc cho 25.120 lượt người tham dự",
        "2.302 người",
        "584 người",
        "chiếm 25,36 % so với mục tiêu theo Quyết định số 238/QĐ-UBND, tăng 2,43 điểm % so với cùng kỳ",
        "I. KẾT QUẢ HOẠT ĐỘNG 6 THÁNG ĐẦU NĂM 2023",
        "Kế hoạch số 58/KH-UBND ngày 02 tháng 02 năm 2023",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. BAN VSTBPN VÀ BĐG",
        "Nguyễn Văn An",
        "Phụ lục III",
        "Tiếp tục, triển khai, thực hiện Chiến lược quốc gia về bình đẳng giới",
    ):
        assert expected in text, expected
    # Every diacritic survives: the intro sentence and the directions, letter for letter.
    assert "Ban Vì sự tiến bộ của phụ nữ (VSTBPN) và bình đẳng giới (BĐG) tỉnh An Giang" in text
    assert "Khen thưởng, biểu dương kịp thời các cá nhân, đơn vị có thành tích xuất sắc" in text
    # Page numbers from page 2, top centre: page 1 starts with the header, page 2 with "2".
    assert not reader.pages[0].extract_text().strip().startswith("1")
    assert reader.pages[1].extract_text().strip().startswith("2")
    # All fonts embedded as TrueType font files.
    fonts = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = (
                font["/FontDescriptor"]
                if "/FontDescriptor" in font
                else (font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
            )
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            fonts += 1
    assert fonts > 0


def test_consolidated_figures_are_the_sums_of_the_children(province, tmp_path):
    engine = province.engine
    children = {"883": (200, 50, 30, 900), "884": (120, 40, 12, 400)}
    for unit, (total, women, sessions, people) in children.items():
        activity = validate_activity(
            {
                "date": "2023-03-01",
                "kind": "training",
                "title": "=Tập huấn giới",
                "sessions": sessions,
                "participants": people,
                "female_participants": people // 2,
                "place": "Hội trường",
            },
            H1,
        )
        document = validate_document(
            {
                "number": f"{unit}/KH-UBND",
                "date": "2023-02-10",
                "issuer": f"UBND {unit}",
                "kind": "plan",
                "title": "Kế hoạch bình đẳng giới năm 2023",
            },
            H1,
        )
        with engine.begin() as connection:
            insert_clean(
                connection,
                unit,
                "nhập gói",
                activities=[activity],
                documents=[document],
                indicator_values=[("2023H1", "LEADERS_TOTAL", total), ("2023H1", "LEADERS_FEMALE", women)],
                narratives=[("2023H1", "achievements", f"Kết quả riêng của đơn vị {unit}.")],
            )
            # What the bundle importer records beside the data: the ledger says who has reported.
            connection.execute(
                insert(BundleLedger.__table__),
                [
                    BundleLedger(
                        bundle_id=new_id(),
                        sender_org_unit=unit,
                        period="2023H1",
                        sequence=1,
                        fingerprint="test",
                        manifest_sha256="0" * 64,
                    ).model_dump()
                ],
            )
    add_activity(
        engine,
        Scope("89", H1),
        {
            "date": "2023-04-02",
            "kind": "communication",
            "title": "Tuyên truyền",
            "sessions": 5,
            "participants": 100,
            "female_participants": 60,
        },
    )
    report = build_report(province, H1, issued_on=date(2023, 7, 10))
    assert report.consolidated
    assert report.figures.values["LEADERS_TOTAL"] == 320 and report.figures.values["LEADERS_FEMALE"] == 90
    assert report.figures.values["COMM_SESSIONS"] == 30 + 12 + 5
    assert report.figures.share("LEADERS_FEMALE_PCT") == 28.13  # 28,125 % half up (the default rule)
    text = report.plain_text()
    # No unit below has enrolled a key: no note on who has not reported (tests/test_report_content.py has one).
    assert "chưa gửi báo cáo" not in text and "An Phú" not in text
    assert "tổ chức 47 cuộc cho 1.400 lượt người tham dự" in text
    out = tmp_path / "tong-hop.pdf"
    from vstbpn_desktop.reports import write_report

    write_report(province, "pdf", H1, out, issued_on=date(2023, 7, 10))
    pdf = flat(pdf_text(out))
    assert "Kết quả riêng của đơn vị 883." in pdf and "Thành phố Châu Đốc" in pdf
    assert "chiếm 28,13 %" in pdf


def test_docx_has_the_same_figures_and_layout(sample, tmp_path):
    out = tmp_path / "bao-cao.docx"
    code, _, err = sample("report", "docx", "--period", "2023H1", "--out", out, "--date", "02/02/2023")
    assert code == 0, err
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    header_text = "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header_text and "An Giang, ngày 02 tháng 02 năm 2023" in header_text
    assert "BÁO CÁO" in text and "2.302 người" in text and "584 người" in text and "25,36\u00a0%" in text
    assert "tổ chức 780 cuộc cho 25.120 lượt người tham dự" in text
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    fonts = runs[0]._element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "Times New Roman"
    activity_table = document.tables[-1]
    assert "w:tblHeader" in activity_table.rows[0]._tr.xml
    assert len(activity_table.rows) == 1 + 12  # the province's own events (its 780 sessions are typed)


def test_xlsx_cells_are_typed_and_formulas_stay_text(district, tmp_path):
    scope = Scope("883", H1)
    add_activity(
        district.engine,
        scope,
        {
            "date": "2023-02-02",
            "kind": "training",
            "title": "=SUM(A1:A9)",
            "sessions": 3,
            "participants": 1200,
            "female_participants": 700,
            "place": "@Hội trường",
        },
    )
    add_activity(
        district.engine,
        scope,
        {
            "date": "2023-03-05",
            "kind": "media",
            "title": "+84 chuyên mục",
            "sessions": 1,
            "participants": 0,
            "female_participants": 0,
            "place": "-Đài truyền thanh",
        },
    )
    from vstbpn_desktop.reports import write_report

    out = tmp_path / "bao-cao.xlsx"
    write_report(district, "xlsx", H1, out, org_unit="883")
    workbook = load_workbook(out)
    assert {"Hoạt động", "Văn bản", "Chỉ tiêu", "Nội dung"} <= set(workbook.sheetnames)
    sheet = workbook["Hoạt động"]
    assert sheet.freeze_panes == "A6"  # three title rows, a blank row, the header
    assert [c.value for c in sheet[5]][:4] == ["STT", "Ngày", "Loại", "Nội dung"]
    row = [c for c in sheet[6]]
    assert isinstance(row[1].value, datetime) and row[1].value.date() == date(2023, 2, 2)
    assert row[1].number_format == "dd/mm/yyyy"
    assert row[3].value == "=SUM(A1:A9)" and row[3].data_type == "s"
    assert row[7].value == "@Hội trường" and row[7].data_type == "s"
    assert isinstance(row[5].value, int) and row[5].value == 1200
    assert sheet.cell(row=7, column=4).value == "+84 chuyên mục" and sheet.cell(row=7, column=4).data_type == "s"
    assert sheet.column_dimensions["D"].width >= len("=SUM(A1:A9)")
    # Nothing in the file is a formula: the XML has no <f> element at all.
    import zipfile

    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    indicators = workbook["Chỉ tiêu"]
    values = {r[-1].value: r[3].value for r in indicators.iter_rows(min_row=6)}
    assert values["COMM_PARTICIPANTS"] == 1200 and values["MEDIA_ITEMS"] == 1


def test_empty_period_says_so(district_cli, tmp_path):
    out = tmp_path / "trong.pdf"
    code, _, err = district_cli("report", "pdf", "--period", "2020H1", "--out", out)
    assert code == 0, err
    text = flat(pdf_text(out))
    assert "Trong kỳ chưa có số liệu" in text and "Phụ lục" not in text  # no empty annex
    for kind in ("docx", "xlsx"):
        code, _, err = district_cli("report", kind, "--period", "2020", "--out", tmp_path / f"trong.{kind}")
        assert code == 0, err


def test_unwritable_output_leaves_no_file(district_cli, tmp_path):
    missing = tmp_path / "khong-co" / "bao-cao.pdf"
    code, _, err = district_cli("report", "pdf", "--period", "2023H1", "--out", missing)
    assert code == 1 and err.startswith("error:") and str(missing) in err
    assert not missing.parent.exists()
    if os.geteuid() != 0:
        locked = tmp_path / "chi-doc"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            code, _, err = district_cli("report", "xlsx", "--period", "2023H1", "--out", locked / "x.xlsx")
            assert code == 1 and "chi-doc" in err
            assert list(locked.iterdir()) == []
        finally:
            locked.chmod(0o700)
    folder = tmp_path / "la-thu-muc.pdf"
    folder.mkdir()
    code, _, err = district_cli("report", "pdf", "--period", "2023H1", "--out", folder)
    assert code == 1 and "thư mục" in err


def test_annual_and_second_half_reports(district, tmp_path):
    from vstbpn_desktop.reports import write_report

    for period, heading in (
        (Period(2023, 2), "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        (Period(2023), "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
    ):
        report = write_report(district, "pdf", period, tmp_path / f"{period.code}.pdf")
        assert any(p.text.startswith("III. " + heading) for p in report.body)
    assert district.units_below("883")[0] == "883"
