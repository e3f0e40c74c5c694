"""The page "Tình hình báo cáo" at a unit that has children: child units × periods — received
(date, sequence), late (first bundle after the deadline), missing — from bundle/status.py, with a
legend, and the deadline of the period being viewed."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vstbpn_desktop.bundle import status
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period

from ..common import i18n
from ..common.ask import tr

COLOURS = {"received": "#c8e6c9", "late": "#ffe0b2", "missing": "#eeeeee", "overdue": "#ffcdd2", "returned": "#e1d5f0"}


def cell_text(cell) -> str:
    if cell.status == "missing":
        return tr("Chưa gửi — quá hạn") if cell.overdue else tr("Chưa gửi")
    word = tr("Trễ hạn") if cell.status == "late" else tr("Đã nhận")
    text = tr("{word} {day}\ngói số {sequence}").format(
        word=word, day=i18n.date_text(cell.received), sequence=cell.sequence
    )
    if cell.returned:
        text += "\n" + tr("Đã trả lại để sửa {day}").format(day=i18n.date_text(cell.returned))
    return text


def cell_colour(cell) -> str:
    if cell.returned:
        return COLOURS["returned"]
    return COLOURS["overdue" if cell.status == "missing" and cell.overdue else cell.status]


class ReportingPage(QWidget):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("reportingPage")
        layout = QVBoxLayout(self)
        title = QLabel(tr("<h3>Tình hình báo cáo của đơn vị cấp dưới</h3>"))
        layout.addWidget(title)
        legend = QGridLayout()  # three to a row: the page fits a 1024-wide screen beside the page list
        for number, (key, text) in enumerate(
            (
                ("received", tr("Đã nhận (ngày, gói số)")),
                ("late", tr("Nhận sau hạn nộp")),
                ("missing", tr("Chưa gửi")),
                ("overdue", tr("Chưa gửi, đã quá hạn")),
                ("returned", tr("Đã trả lại để sửa, chờ gửi lại")),
            )
        ):
            swatch = QLabel(text)
            swatch.setStyleSheet(f"QLabel {{ background: {COLOURS[key]}; border: 1px solid #bbb; padding: 3px 8px; }}")
            legend.addWidget(swatch, number // 3, number % 3)
        legend.setColumnStretch(3, 1)
        layout.addLayout(legend)
        self.table = QTableWidget()
        self.table.setObjectName("matrix")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(44)
        layout.addWidget(self.table, 1)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        layout.addWidget(self.counts)
        row = QHBoxLayout()
        self.deadline_label = QLabel()
        self.deadline = QDateEdit()
        self.deadline.setObjectName("deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.set_button = QPushButton(tr("Đặt hạn nộp"))
        self.set_button.setObjectName("setDeadline")
        self.clear_button = QPushButton(tr("Bỏ hạn nộp"))
        self.clear_button.setObjectName("clearDeadline")
        self.set_button.clicked.connect(lambda: self.set_deadline(self.chosen_deadline()))
        self.clear_button.clicked.connect(lambda: self.set_deadline(None))
        row.addWidget(self.deadline_label)
        row.addWidget(self.deadline)
        row.addWidget(self.set_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.message)
        self.result: dict = {}

    @property
    def period(self) -> Period:
        return self.context.scope.period

    def refresh(self) -> None:
        profile = self.context.profile
        everything = status.matrix(profile)
        known = {Period.parse(code) for code in everything["periods"]} | {self.period}
        periods = sorted(known, key=lambda p: (p.year, p.half or 3), reverse=True)
        self.result = status.matrix(profile, periods)
        rows, codes = self.result["rows"], self.result["periods"]
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(codes))
        headers = []
        for code in codes:
            deadline = self.result["deadlines"].get(code)
            headers.append(
                code + (tr("\nhạn {day}").format(day=i18n.date_text(date.fromisoformat(deadline))) if deadline else "")
            )
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([f"{row['name']} ({row['org_unit']})" for row in rows])
        for r, row in enumerate(rows):
            for c, code in enumerate(codes):
                cell = row["cells"][code]
                item = QTableWidgetItem(cell_text(cell))
                item.setBackground(QBrush(QColor(cell_colour(cell))))
                item.setForeground(QBrush(QColor("#111111")))
                item.setData(Qt.ItemDataRole.UserRole, cell.status)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        if any(cell.returned for row in rows for cell in row["cells"].values()):
            self.table.resizeRowsToContents()  # a returned cell reads on three lines
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch if len(codes) <= 4 else QHeaderView.ResizeMode.Interactive
        )
        current = self.period.code
        cells = [row["cells"][current] for row in rows]
        counts = tr("Kỳ {period}: {received} đơn vị đã gửi (trong đó {late} trễ hạn), {missing} chưa gửi.").format(
            period=current,
            received=sum(1 for c in cells if c.status != "missing"),
            late=sum(1 for c in cells if c.status == "late"),
            missing=sum(1 for c in cells if c.status == "missing"),
        )
        sent_back = sum(1 for c in cells if c.returned)
        if sent_back:
            counts += " " + tr("{returned} báo cáo đã trả lại để sửa, chờ gửi lại.").format(returned=sent_back)
        self.counts.setText(counts)
        held = self.result["deadlines"].get(current)
        self.deadline_label.setText(tr("Hạn nộp báo cáo kỳ {period}:").format(period=current))
        day = date.fromisoformat(held) if held else self.period.end
        self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.clear_button.setEnabled(bool(held))

    def chosen_deadline(self) -> date:
        chosen = self.deadline.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_deadline(self, day: date | None) -> None:
        try:
            status.set_deadline(self.context.profile, self.period, day)
        except Refused as exc:
            self.message.setText(i18n.message(exc))
            return
        self.message.setText("")
        self.refresh()
        if day:
            self.context.say(tr("Hạn nộp kỳ {period}: {day}").format(period=self.period.code, day=i18n.date_text(day)))
        else:
            self.context.say(tr("Đã bỏ hạn nộp kỳ {period}").format(period=self.period.code))

    def showEvent(self, event):
        self.refresh()
        super().showEvent(event)


def install(window) -> None:
    context = window.controller.context
    if not context.profile.children():
        return
    page = ReportingPage(context)
    window.add_page("reporting", tr("Tình hình báo cáo"), page)
    context.scope_changed.connect(lambda: page.refresh() if page.isVisible() else None)
