"""Báo cáo → In báo cáo…, Lưu PDF…, Xuất Word…, Xuất Excel… through the window's logic: the same
PDF the core writes is drawn page for page into a printer (here a PDF printer, read back with
pypdf), the preview dialog gets pages, and the exports land where the officer chose."""

from datetime import date

import pytest
from conftest import shown_window
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog

from ui.common import ask
from ui.report import printing as report_print
from vstbpn_desktop.periods import Period
from vstbpn_desktop.reports.options import ReportOptions

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, district_demo, monkeypatch):
    district = district_demo
    monkeypatch.setattr(
        report_print,
        "ask_options",
        lambda parent, period, title, settings: ReportOptions(number="15", issued_on=date(2023, 7, 2)),
    )
    window = shown_window(qtbot, district)
    yield window
    window.reports.cleanup()
    window.close()


def test_report_pages_are_drawn_into_a_pdf_printer(window, tmp_path):
    pdf = window.reports.build_pdf(ReportOptions(number="15", issued_on=date(2023, 7, 2)))
    source = PdfReader(pdf)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    count = report_print.render_pdf(pdf, printer, dpi=100)
    assert count == len(source.pages) >= 2
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == count
    for page in printed.pages:  # A4 portrait, like the source: 595 × 842 points
        assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
        assert "/XObject" in page["/Resources"]  # the rasterised page image is there
    assert "Số: 15/BC" in source.pages[0].extract_text()


def test_print_preview_shows_every_page(qtbot, window):
    preview = window.reports.print_report()
    assert preview is not None and window.reports.pdf.is_file()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert widget.pageCount() == len(PdfReader(window.reports.pdf).pages)
    assert preview.printer_.pageLayout().pageSize().id() == QPageSize.A4
    preview.close()


def test_preview_pages_are_rasterised_with_the_pdf_not_on_the_gui_thread(qtbot, window, monkeypatch):
    """The pages are made into images in the worker that writes the PDF; the preview draws those
    images (the same pixels as the PDF's pages) and rasterises nothing more on the GUI thread."""
    import threading

    made_on = []
    real = report_print.page_image

    def watched(page, dpi):
        made_on.append((threading.current_thread() is threading.main_thread(), dpi))
        return real(page, dpi)

    monkeypatch.setattr(report_print, "page_image", watched)
    preview = window.reports.print_report()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    pages = len(PdfReader(window.reports.pdf).pages)
    assert len(window.reports.images) == pages == widget.pageCount()
    assert made_on == [(False, report_print.PREVIEW_DPI)] * pages  # all in the worker, none after
    first = window.reports.images[0]
    assert abs(first.width() - 595.28 * 120 / 72) < 2 and abs(first.height() - 841.89 * 120 / 72) < 2  # A4, 120 dpi
    preview.close()
    window.reports.cleanup()
    assert window.reports.images == []


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx"])
def test_exports_write_where_chosen(window, monkeypatch, tmp_path, kind):
    monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: tmp_path / "bao-cao")
    path = window.reports.export(kind)
    assert path == tmp_path / f"bao-cao.{kind}" and path.stat().st_size > 1000
    assert str(path) in window.reports.dialog.text()
    window.reports.dialog.close()
    if kind == "pdf":
        assert "BÁO CÁO" in PdfReader(path).pages[0].extract_text()


def test_unwritable_place_is_said_and_leaves_no_file(window, monkeypatch, tmp_path):
    told = []
    monkeypatch.setattr(ask, "tell", lambda parent, title, text, warning=False: told.append(text))
    monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: tmp_path / "khong-co" / "bao-cao.docx")
    assert window.reports.export("docx") is None
    assert told and "khong-co" in told[0]
    assert not (tmp_path / "khong-co").exists()


def test_the_options_dialog_starts_from_the_settings_and_refuses_a_bad_number(qtbot, district):
    district.settings.report_symbol = "BC-UBND"
    district.settings.report_addressees = "Bộ Nội vụ"
    district.settings.signer_title = "Trưởng ban"
    district.settings.signer_name = "Lê Văn Tám"
    dialog = report_print.OptionsDialog(None, Period(2023, 1), "In báo cáo", district.settings)
    qtbot.addWidget(dialog)
    assert dialog.number.text() == "" and dialog.symbol.text() == "BC-UBND"
    assert dialog.addressees.toPlainText() == "Bộ Nội vụ" and dialog.signer_name.text() == "Lê Văn Tám"
    assert dialog.unreported_note.isChecked()
    dialog.number.setText("15/2023")
    dialog.accept()
    assert dialog.result() != QDialog.Accepted and dialog.chosen is None
    assert "số báo cáo '15/2023'" in dialog.error.text()
    dialog.number.setText(" 15 ")
    dialog.addressees.setPlainText("Bộ Nội vụ\nUBND tỉnh An Giang")
    dialog.unreported_note.setChecked(False)
    dialog.issued.setDate(QDate(2023, 7, 2))
    dialog.accept()
    assert dialog.result() == QDialog.Accepted
    assert dialog.chosen == ReportOptions(
        number="15",
        symbol="BC-UBND",
        issued_on=date(2023, 7, 2),
        addressees=("Bộ Nội vụ", "UBND tỉnh An Giang"),
        signer_title="Trưởng ban",
        signer_name="Lê Văn Tám",
        unreported_note=False,
    )


def test_print_preview_of_a_20000_character_title(qtbot, window):
    """The preview of a report holding the longest title allowed (20.000 characters) shows its pages."""
    from vstbpn_desktop.records import Scope, add_activity

    title = ("Tuyên truyền Luật Bình đẳng giới tại các xã, phường, thị trấn " * 400)[:20000]
    add_activity(
        window.controller.profile.engine,
        Scope("883", Period(2023, 1)),
        {
            "date": "2023-03-02",
            "kind": "training",
            "title": title,
            "sessions": 1,
            "participants": 10,
            "female_participants": 5,
            "place": "Hội trường",
        },
    )
    preview = window.reports.print_report()
    assert preview is not None
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    source = PdfReader(window.reports.pdf)
    assert widget.pageCount() == len(source.pages) > 8
    assert "Số: 15/BC-BVSTBPN" in source.pages[0].extract_text()
    preview.close()
