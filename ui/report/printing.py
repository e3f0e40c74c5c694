"""Báo cáo → In báo cáo… (Ctrl+P), Lưu PDF…, Xuất Word…, Xuất Excel…

Printing shows the very pages of the PDF that reports.write_report builds (one layout, one home):
the PDF is written to a temporary file in a worker, then each page is rasterised by PDFium
(pypdfium2; PySide6-Essentials has no QtPdf) into the printer — the print preview
(QPrintPreviewDialog) and, from its print button, the system print dialog.
"""

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from vstbpn_desktop.errors import Refused

from ..common import ask, i18n, screen
from ..common.ask import tr
from ..common.i18n import period_label
from ..common.worker import busy, run_task
from ..entry.widgets import MessageLabel

if TYPE_CHECKING:  # imported where used: printing is not needed to open the window
    from PySide6.QtPrintSupport import QPrinter

    from vstbpn_desktop.reports.options import ReportOptions

PRINT_DPI = 300
PREVIEW_DPI = 120
KINDS = {
    "pdf": (tr("Lưu PDF"), "PDF (*.pdf)"),
    "docx": (tr("Xuất Word"), "Word (*.docx)"),
    "xlsx": (tr("Xuất Excel"), "Excel (*.xlsx)"),
}


class OptionsDialog(QDialog):
    """This printing's choices (reports/options.py), filled with the settings' defaults: number
    (blank: written by hand), symbol, date (today), "Kính gửi:", signer, unreported-units note."""

    def __init__(self, parent, period, title: str, settings):
        super().__init__(parent)
        self.setObjectName("reportOptions")
        self.setWindowTitle(title)
        from vstbpn_desktop.reports.options import LIMIT, ReportOptions  # not at start-up: reports load on first use

        self.limit = LIMIT
        defaults = ReportOptions.from_settings(settings)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("Báo cáo kỳ <b>{period}</b> ({label}).").format(period=period.code, label=period_label(period)))
        )
        form = QFormLayout()
        self.number = self._line("number", "", tr("để trống cho văn thư ghi tay"))
        form.addRow(tr("Số báo cáo:"), self.number)
        self.symbol = self._line("symbol", defaults.symbol, "BC-BVSTBPN")
        form.addRow(tr("Ký hiệu:"), self.symbol)
        self.issued = QDateEdit(QDate.currentDate())
        self.issued.setObjectName("issued")
        self.issued.setCalendarPopup(True)
        self.issued.setDisplayFormat("dd/MM/yyyy")
        form.addRow(tr("Ngày báo cáo:"), self.issued)
        self.addressees = QPlainTextEdit("\n".join(defaults.addressees))
        self.addressees.setObjectName("addressees")
        self.addressees.setTabChangesFocus(True)
        self.addressees.setFixedHeight(64)
        self.addressees.setPlaceholderText(tr("để trống nếu không cần; mỗi dòng một nơi, ví dụ Bộ Nội vụ"))
        form.addRow(tr("Kính gửi:"), self.addressees)
        self.signer_title = self._line("signer_title", defaults.signer_title, tr("ví dụ PHÓ CHỦ TỊCH"))
        form.addRow(tr("Chức vụ người ký:"), self.signer_title)
        self.signer_name = self._line("signer_name", defaults.signer_name, tr("in đậm dưới chỗ ký"))
        form.addRow(tr("Họ và tên người ký:"), self.signer_name)
        self.unreported_note = QCheckBox(tr("Ghi tên các đơn vị cấp dưới chưa gửi báo cáo"))
        self.unreported_note.setObjectName("unreported_note")
        self.unreported_note.setChecked(defaults.unreported_note)
        form.addRow("", self.unreported_note)
        self.value_comments = QCheckBox(tr("In phụ lục ghi chú số liệu (ghi chú, cần theo dõi)"))
        self.value_comments.setObjectName("value_comments")
        form.addRow("", self.value_comments)
        layout.addLayout(form)
        self.error = MessageLabel()
        layout.addWidget(self.error)
        buttons, _ = ask.action_buttons(tr("Tiếp tục"), "continueButton", self.accept, self.reject)
        layout.addWidget(buttons)
        self.chosen: ReportOptions | None = None

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setMaxLength(self.limit)
        field.setPlaceholderText(placeholder)
        return field

    def values(self) -> "ReportOptions":
        """The choices, checked (Refused names the field and the rule)."""
        from vstbpn_desktop.reports.options import ReportOptions  # not at start-up: reports load on first use

        return ReportOptions().updated(
            number=self.number.text(),
            symbol=self.symbol.text(),
            issued_on=self.issued.date().toPython(),
            addressees=self.addressees.toPlainText(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
            unreported_note=self.unreported_note.isChecked(),
            value_comments=self.value_comments.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.chosen = self.values()
        except Refused as exc:
            self.error.setText(i18n.message(exc))
            return
        super().accept()


def ask_options(parent, period, title: str, settings) -> "ReportOptions | None":
    """The one blocking question of this module (a seam for tests)."""
    dialog = OptionsDialog(parent, period, title, settings)
    return dialog.chosen if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted else None


def page_image(page, dpi: int) -> QImage:
    """One PDF page as an image of its own (safe to keep, and to make outside the GUI thread)."""
    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
    try:
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32).copy()
    finally:
        bitmap.close()


def rasterise(pdf_path: Path, dpi: int = PREVIEW_DPI, progress=None) -> list[QImage]:
    """Every page as an image for the preview: done in the worker with the PDF, so that the print
    preview opens at once instead of drawing the pages for seconds on the GUI thread."""
    import pypdfium2 as pdfium  # not at start-up: PDFium (0.4 s) loads on first use

    document = pdfium.PdfDocument(str(pdf_path))
    try:
        images = []
        for number in range(len(document)):
            if progress:
                progress(number, len(document), tr("chuẩn bị xem trước"))
            page = document[number]
            images.append(page_image(page, dpi))
            page.close()
        return images
    finally:
        document.close()


def render_pdf(pdf_path: Path, printer: "QPrinter", dpi: int | None = None, images: list[QImage] | None = None) -> int:
    """Draw every page of the PDF onto the printer, page for page at full size. Returns the page count.
    `images`: the pages already rasterised for the preview (used when drawing into the preview)."""
    import pypdfium2 as pdfium  # not at start-up: PDFium (0.4 s) loads on first use

    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        count = len(document)
        for number in range(count):
            page = document[number]
            if number == 0:
                # The paper of the first page for the whole job (the report is A4 portrait
                # throughout); a printer's layout cannot change once painting has begun.
                width_pt, height_pt = page.get_size()
                size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point)
                if QPageSize.id(size.size(QPageSize.Unit.Point), QPageSize.Unit.Point) == QPageSize.PageSizeId.A4:
                    size = QPageSize(QPageSize.PageSizeId.A4)
                printer.setFullPage(True)
                printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
                if not painter.begin(printer):
                    raise Refused(tr("không mở được máy in hoặc tệp in"))
            else:
                printer.newPage()
            preview = painter.paintEngine().type() == QPaintEngine.Type.Picture
            if dpi is None:  # the preview records pictures: a screen resolution is enough
                dpi = PREVIEW_DPI if preview else min(PRINT_DPI, max(printer.resolution(), 72))
            image = images[number] if images is not None and preview and number < len(images) else page_image(page, dpi)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(target.x(), target.y(), image.width() * scale, image.height() * scale), image)
            del image
            page.close()
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return count


class Reports:
    def __init__(self, window):
        self.window = window
        self.preview = None
        self.dialog = None
        self.pdf: Path | None = None
        self.images: list[QImage] = []  # the preview's pages, rasterised with the PDF
        self._folder: str | None = None

    @property
    def context(self):
        return self.window.controller.context

    def _write(self, kind: str, out: Path, options: "ReportOptions", title: str, preview: bool = False) -> bool:
        from vstbpn_desktop.reports import write_report  # not at start-up: reports load on first use

        profile, period = self.context.profile, self.context.scope.period

        def work(task):
            write_report(profile, kind, period, out, options=options, progress=task.progress)
            if preview:
                self.images = rasterise(out, PREVIEW_DPI, task.progress)

        try:
            run_task(self.window, title, work)
        except Refused as exc:
            ask.tell(self.window, title, i18n.message(exc), warning=True)
            return False
        return True

    def build_pdf(self, options: "ReportOptions") -> Path | None:
        """The report as a temporary PDF (kept until the next one or the window closes)."""
        self.cleanup()
        self._folder = tempfile.mkdtemp(prefix="vstbpn-in-")
        out = Path(self._folder) / f"bao-cao-{self.context.profile.org_unit_code}-{self.context.scope.period.code}.pdf"
        if not self._write("pdf", out, options, tr("Đang dựng báo cáo để in…"), preview=True):
            return None
        self.pdf = out
        return out

    def cleanup(self) -> None:
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder, self.pdf = None, None
        self.images = []

    def print_report(self):
        if not self.window.controller.flush():
            return None
        period = self.context.scope.period
        options = ask_options(self.window, period, tr("In báo cáo"), self.context.profile.settings)
        if options is None:
            return None
        pdf = self.build_pdf(options)
        if pdf is None:
            return None
        return self.show_preview(pdf)

    def show_preview(self, pdf: Path):
        with busy():  # Qt's print support loads on first use, then the pages are laid out
            return self._show_preview(pdf)

    def _show_preview(self, pdf: Path):
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # not at start-up: printing loads on first use

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(pdf.stem)
        self.preview = QPrintPreviewDialog(printer, self.window)
        self.preview.setObjectName("printPreview")
        self.preview.setWindowTitle(tr("Xem trước khi in — {name}").format(name=pdf.name))
        self.preview.paintRequested.connect(lambda target: self._paint(pdf, target))
        screen.fit(self.preview, 1000, 760)
        # Kept alive with the dialog (PySide does not hold it for the dialog); QtPrintSupport loads on
        # first use, so the dialog is not subclassed at module level to declare the attribute.
        self.preview.printer_ = printer  # type: ignore[attr-defined]
        ask.show(self.preview)
        return self.preview

    def _paint(self, pdf: Path, printer: "QPrinter") -> None:
        try:
            with busy():  # for a real printer the pages are drawn again at its resolution
                render_pdf(pdf, printer, images=self.images if pdf == self.pdf else None)
        except Exception as exc:  # a damaged temporary file or a printer error: say it
            ask.tell(
                self.window,
                tr("In báo cáo"),
                tr("Không in được: {reason}").format(reason=i18n.message(exc)),
                warning=True,
            )

    def export(self, kind: str):
        title, file_filter = KINDS[kind]
        if not self.window.controller.flush():
            return None
        profile, period = self.context.profile, self.context.scope.period
        options = ask_options(self.window, period, title, profile.settings)
        if options is None:
            return None
        default = ask.documents_folder() / f"bao-cao-{profile.org_unit_code}-{period.code}.{kind}"
        path = ask.ask_save_file(self.window, title, default, file_filter)
        if path is None:
            return None
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        if not self._write(kind, path, options, tr("Đang ghi {name}…").format(name=path.name)):
            return None
        size = ask.file_size(path.stat().st_size)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            tr("Đã ghi báo cáo kỳ {period} vào\n{path}\n({size})").format(period=period.code, path=path, size=size),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("reportWritten")
        folder = box.addButton(tr("Mở thư mục chứa tệp"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        self.dialog = box
        ask.show(box)
        self.context.say(tr("Đã ghi {path} ({size})").format(path=path, size=size))
        return path


def install(window) -> None:
    reports = Reports(window)
    window.reports = reports
    window.add_action(
        "report",
        tr("In báo cáo…"),
        reports.print_report,
        "actionPrintReport",
        "Ctrl+P",
        tr("Xem trước và in báo cáo của kỳ đang xem theo mẫu Nghị định 30/2020"),
    )
    window.menus["report"].addSeparator()
    for kind, name in (("pdf", tr("Lưu PDF…")), ("docx", tr("Xuất Word…")), ("xlsx", tr("Xuất Excel…"))):
        window.add_action("report", name, lambda _=False, k=kind: reports.export(k), f"actionReport{kind.capitalize()}")
    window.closing.connect(reports.cleanup)
