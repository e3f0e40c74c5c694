"""Kỳ báo cáo → "Lịch sử thay đổi…": the audit trail of the period, or of the selected row:
who, when, what, before → after, in readable Vietnamese."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from vstbpn_desktop import records
from vstbpn_desktop.catalogue import ACTIVITY_KINDS, DOCUMENT_KINDS, NARRATIVE_SECTIONS, indicators
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.safety.audit import events
from vstbpn_desktop.timestamps import local_time

from ..common import i18n, screen
from ..common.i18n import QT_TR_NOOP, indicator_name, label
from ..entry.models import IdRole


def tr(text: str) -> str:
    return QCoreApplication.translate("safety_audit", text)


ACTIONS = {
    "insert": QT_TR_NOOP("Thêm"),
    "update": QT_TR_NOOP("Sửa"),
    "delete": QT_TR_NOOP("Xóa"),
    "submit": QT_TR_NOOP("Khóa kỳ để gửi"),
    "reopen": QT_TR_NOOP("Mở lại kỳ"),
    "import": QT_TR_NOOP("Nhập từ tệp bảng"),
    "bundle": QT_TR_NOOP("Nhận báo cáo cấp dưới"),
}
TABLES = {
    "activity": QT_TR_NOOP("Hoạt động"),
    "document": QT_TR_NOOP("Văn bản"),
    "indicator_value": QT_TR_NOOP("Số liệu chỉ tiêu"),
    "narrative": QT_TR_NOOP("Lời văn"),
    "period": QT_TR_NOOP("Kỳ báo cáo"),
    "bulk": QT_TR_NOOP("Nhiều bản ghi"),
}
FIELDS = {
    "date": QT_TR_NOOP("Ngày"),
    "kind": QT_TR_NOOP("Loại"),
    "title": QT_TR_NOOP("Nội dung"),
    "sessions": QT_TR_NOOP("Số cuộc"),
    "participants": QT_TR_NOOP("Lượt người"),
    "female_participants": QT_TR_NOOP("Trong đó nữ"),
    "place": QT_TR_NOOP("Địa điểm"),
    "notes": QT_TR_NOOP("Ghi chú"),
    "number": QT_TR_NOOP("Số văn bản"),
    "issuer": QT_TR_NOOP("Cơ quan ban hành"),
    "value": QT_TR_NOOP("Giá trị"),
    "text": QT_TR_NOOP("Lời văn"),
    "section": QT_TR_NOOP("Mục"),
    "indicator_code": QT_TR_NOOP("Chỉ tiêu"),
    "locked_at": QT_TR_NOOP("Khóa lúc"),
    "locked_by": QT_TR_NOOP("Người khóa"),
    "code": QT_TR_NOOP("Kỳ"),
}
RESTORABLE = ("activity", "document", "indicator_value", "narrative")
HIDDEN = {"id", "created_at", "updated_at", "author", "org_unit_code", "period", "search_text"}
COUNT_NAMES = {
    "activities": QT_TR_NOOP("hoạt động"),
    "documents": QT_TR_NOOP("văn bản"),
    "indicator_values": QT_TR_NOOP("số liệu"),
    "narratives": QT_TR_NOOP("lời văn"),
    "skipped": QT_TR_NOOP("bỏ qua (trùng)"),
}


def _short(value, limit: int = 60) -> str:
    text = "—" if value in (None, "") else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(table: str, field: str, value, record: dict) -> str:
    if value is None or value == "":
        return "—"
    if field == "date" and isinstance(value, str):
        try:
            return i18n.date_text(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if field == "kind":
        return label(ACTIVITY_KINDS if table == "activity" else DOCUMENT_KINDS, value)
    if field in ("value", "sessions", "participants", "female_participants") and isinstance(value, (int, float)):
        return i18n.count(value)
    if field == "locked_at" and isinstance(value, str):
        try:
            moment = local_time(datetime.fromisoformat(value))
            return f"{moment:%H:%M} {i18n.date_text(moment.date())}"
        except ValueError:
            return value
    return _short(value)


def _subject(table: str, record: dict) -> str:
    """Which record: its title, number, indicator name or section."""
    if not record:
        return ""
    if table == "activity":
        return _short(record.get("title"), 50)
    if table == "document":
        return f"{record.get('number') or ''} — {_short(record.get('title'), 40)}"
    if table == "indicator_value":
        indicator = indicators().get(record.get("indicator_code") or "")
        return indicator_name(indicator) if indicator else str(record.get("indicator_code"))
    if table == "narrative":
        return tr("mục {section}").format(section=label(NARRATIVE_SECTIONS, record.get("section") or ""))
    if table == "period":
        return tr("kỳ {code}").format(code=record.get("code"))
    return ""


def describe(row: dict) -> str:
    """One readable line: what changed, before → after."""
    table, before, after = row["table_name"], row["before"] or {}, row["after"] or {}
    if table == "bulk":
        counts = after.get("counts", {}) if isinstance(after, dict) else {}
        parts = [f"{i18n.count(n)} {tr(COUNT_NAMES.get(k, k))}" for k, n in counts.items() if n]
        return ", ".join(parts) or "—"
    record = after or before
    subject = _subject(table, record)
    if row["action"] == "update" and before and after:
        changed = [k for k in after if k not in HIDDEN and before.get(k) != after.get(k)]
        pieces = [
            f"{tr(FIELDS.get(k, k))}: {_value(table, k, before.get(k), before)} → "
            f"{_value(table, k, after.get(k), after)}"
            for k in changed
        ]
        return f"{subject}: " + "; ".join(pieces) if pieces else subject
    if row["action"] in ("insert", "delete") and table in ("indicator_value", "narrative"):
        field = "value" if table == "indicator_value" else "text"
        return f"{subject}: {_value(table, field, record.get(field), record)}"
    return subject


class AuditDialog(QDialog):
    """The events of a period (or of one record), oldest first."""

    HEADERS = (
        QT_TR_NOOP("Thời điểm"),
        QT_TR_NOOP("Người thực hiện"),
        QT_TR_NOOP("Thao tác"),
        QT_TR_NOOP("Loại"),
        QT_TR_NOOP("Thay đổi"),
        QT_TR_NOOP("Lý do"),
    )

    def __init__(
        self,
        engine,
        period_code: str,
        org_unit_code: str | None = None,
        record: tuple[str, str] | None = None,
        parent=None,
        history=None,
    ):
        super().__init__(parent)
        self.history = history  # the window's EditHistory: a restored value can be undone
        self.setObjectName("auditDialog")
        self.engine, self.period_code, self.org_unit_code, self.record = engine, period_code, org_unit_code, record
        self.setWindowTitle(tr("Lịch sử thay đổi — kỳ {code}").format(code=period_code))
        screen.fit(self, 1000, 520)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Xem:")))
        self.which = QComboBox()
        self.which.setObjectName("auditScope")
        self.which.addItem(tr("Cả kỳ {code}").format(code=period_code), None)
        if record:
            self.which.addItem(tr("Dòng đang chọn: {name}").format(name=_short(record[1], 50)), record[0])
        top.addWidget(self.which, 1)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)  # one line per change; the whole text in the tooltip
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 130, 105, 115, 370)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.restore_button = buttons.addButton(tr("Khôi phục giá trị này"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreValue")
        self.restore_button.setToolTip(tr("Đưa bản ghi về như trước thay đổi đang chọn (có thể hoàn tác)"))
        self.restore_button.setEnabled(False)
        self.restore_button.setVisible(history is not None)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(buttons)
        self.which.currentIndexChanged.connect(lambda _: self.load())
        if record:
            self.which.setCurrentIndex(1)
        self.load()

    def load(self) -> None:
        record_id = self.which.currentData()
        if record_id:
            rows = events(self.engine, record_id=record_id)
        else:
            rows = [
                r
                for r in events(self.engine, period=self.period_code)
                if not self.org_unit_code
                or r["org_unit_code"] in (None, self.org_unit_code)
                or r["table_name"] == "bulk"
            ]
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            moment = local_time(row["at"])
            cells = (
                f"{i18n.date_text(moment.date())} {moment:%H:%M:%S}",
                row["who"] or "—",
                tr(ACTIONS.get(row["action"], row["action"])),
                tr(TABLES.get(row["table_name"], row["table_name"])),
                describe(row),
                row["reason"] or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(number, column, item)
        self.count.setText(tr("{n} thay đổi").format(n=i18n.count(len(rows))) if rows else tr("Chưa có thay đổi nào."))

    def selected_event(self) -> dict | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        event = self.selected_event()
        self.restore_button.setEnabled(
            event is not None
            and event["table_name"] in RESTORABLE
            and event["action"] in ("insert", "update", "delete")
        )

    def restore_selected(self) -> None:
        """The record as it was before the selected change, written like any edit (and undoable)."""
        event = self.selected_event()
        if event is None or self.history is None:
            return
        try:
            change = records.restoring(self.engine, event)
        except Refused as exc:
            self.count.setText(i18n.message(exc))
            return
        if change.empty:
            self.count.setText(tr("Bản ghi đã đúng như trước thay đổi này."))
            return
        reason = self.history.do(tr("khôi phục giá trị"), [change])
        self.load()
        self.count.setText(
            tr("Không khôi phục được: {reason}").format(reason=reason)
            if reason
            else tr("Đã khôi phục. Hoàn tác: Ctrl+Z.")
        )

    def texts(self) -> list[list[str]]:
        return [
            [item.text() if (item := self.table.item(r, c)) else "" for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]


def selected_record(window) -> tuple[str, str] | None:
    """The row selected in the table of the page shown, if any: (id, a short name)."""
    page = window.stack.currentWidget()
    table = getattr(page, "table", None)
    if table is None or table.model() is None or not table.currentIndex().isValid():
        return None
    index = table.currentIndex()
    record_id = table.model().index(index.row(), 0).data(IdRole)
    if not record_id or not isinstance(record_id, str) or len(record_id) < 32:
        return None  # the indicator grid's rows are codes, not records
    names = [table.model().index(index.row(), c).data() for c in range(min(3, table.model().columnCount()))]
    return record_id, " — ".join(str(n) for n in names if n)


def open_audit(window) -> AuditDialog:
    context = window.controller.context
    dialog = AuditDialog(
        context.engine,
        context.scope.period.code,
        context.scope.org_unit_code,
        selected_record(window),
        window,
        history=context.history,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install(window) -> None:
    window.add_action("period", tr("Lịch sử thay đổi…"), lambda: open_audit(window), "auditTrail", "Ctrl+H")
