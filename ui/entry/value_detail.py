"""What a typed value carries beside its total (issue 16): its breakdown as a small grid (the
indicator's dimensions: sex × age group, ethnicity …), or "not known" (the total typed alone); a
comment (why it is zero, where it came from) and a follow-up mark. A view: the figures page's
controller saves what it gives through the core (records.set_indicator_values), and shows a
refusal in it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from vstbpn_desktop.catalogue.national import Catalogue, Cell, cell_key

from ..common import i18n
from ..common.i18n import indicator_name, indicator_unit
from .widgets import MessageLabel


def category_name(item) -> str:
    return item.name_en if i18n.language() == "en" else item.name_vi


def cell_label(catalogue: Catalogue, cell: Cell) -> str:
    """ "Nữ, Trẻ em (dưới 16 tuổi)": a cell's categories in the window's language."""
    names = []
    for dimension, category in cell:
        item = next(c for c in catalogue.dimensions[dimension].categories if c.code == category)
        names.append(category_name(item))
    return ", ".join(names)


class ValueDetailDialog(QDialog):
    """`save_requested` carries {"cells": {key: text} or None, "comment": str, "follow_up": bool};
    the controller accepts the dialog once saved, or calls `refuse(reason)`."""

    save_requested = Signal(dict)

    def __init__(self, catalogue: Catalogue, code: str, total, held, parent=None):
        super().__init__(parent)
        indicator = catalogue.indicators[code]
        self.code = code
        self.setObjectName("valueDetail")
        self.setMinimumWidth(560)  # two columns of category names ("Trẻ em (dưới 16 tuổi)") in full
        self.setWindowTitle(self.tr("Phân tổ và ghi chú — {name}").format(name=indicator_name(indicator)))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{indicator_name(indicator)}</b> ({indicator_unit(indicator)})")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.cells: dict[str, tuple[int, int]] = {}  # cell key → (row, column) of the grid
        self.grid: QTableWidget | None = None
        self.adds_up = True
        # Shown with a grid only: the sum of the cells, and "not known" (the total alone).
        self.sum_label = QLabel()
        self.sum_label.setObjectName("cellsSum")
        self.unknown = QCheckBox(
            self.tr("Chưa biết phân tổ: chỉ có tổng số ({total})").format(total=i18n.count(total) or "—")
        )
        self.unknown.setObjectName("unknownBreakdown")
        self.unknown.setChecked(held.cells is None)
        dimensions = [catalogue.dimensions[d] for d in indicator.dimensions]
        if dimensions:
            self.adds_up = catalogue.adds_up(code)
            rows = dimensions[0].categories
            columns = dimensions[1].categories if len(dimensions) > 1 else ()
            self.grid = QTableWidget(len(rows), max(len(columns), 1))
            self.grid.setObjectName("cells")
            self.grid.setVerticalHeaderLabels([category_name(c) for c in rows])
            self.grid.setHorizontalHeaderLabels(
                [category_name(c) for c in columns] if columns else [indicator_unit(indicator)]
            )
            self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            held_cells = held.cells or {}
            for cell in catalogue.cells(code):
                row = [c.code for c in rows].index(cell[0][1])
                column = [c.code for c in columns].index(cell[1][1]) if columns else 0
                key = cell_key(cell)
                self.cells[key] = (row, column)
                item = QTableWidgetItem(i18n.count(held_cells.get(key)) if held.cells is not None else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(cell_label(catalogue, cell))
                self.grid.setItem(row, column, item)
            axes = " × ".join(d.name_en if i18n.language() == "en" else d.name_vi for d in dimensions)
            layout.addWidget(QLabel(self.tr("Phân tổ theo {axes}:").format(axes=axes)))
            self.grid.resizeRowsToContents()
            frame = 2 * self.grid.frameWidth()
            self.grid.setFixedHeight(
                self.grid.verticalHeader().length() + self.grid.horizontalHeader().sizeHint().height() + frame
            )
            layout.addWidget(self.grid)
            layout.addWidget(self.sum_label)
            self.unknown.toggled.connect(self._update)
            layout.addWidget(self.unknown)
            self.grid.itemChanged.connect(self._update)
            if not self.adds_up:
                note = QLabel(
                    self.tr("Một vụ có thể có nhiều hình thức: mỗi ô không lớn hơn tổng số, tổng số nhập riêng.")
                )
                note.setWordWrap(True)
                layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Ghi chú (vì sao bằng 0, số liệu lấy từ đâu):")))
        self.comment = QPlainTextEdit(held.comment)
        self.comment.setObjectName("comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(70)
        layout.addWidget(self.comment)
        self.follow_up = QCheckBox(self.tr("Cần theo dõi, kiểm tra lại số liệu này"))
        self.follow_up.setObjectName("followUp")
        self.follow_up.setChecked(held.follow_up)
        layout.addWidget(self.follow_up)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(lambda: self.save_requested.emit(self.typed()))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self._update()

    def _item(self, key: str) -> QTableWidgetItem:
        assert self.grid is not None  # cells exist only with a grid
        item = self.grid.item(*self.cells[key])
        assert item is not None  # every cell's item is set at construction
        return item

    def set_cell(self, key: str, text: str) -> None:
        self._item(key).setText(text)

    def typed(self) -> dict:
        cells = None
        if self.grid is not None and not self.unknown.isChecked():
            cells = {}
            for key in self.cells:
                text = self._item(key).text().strip()
                if text:
                    cells[key] = i18n.typed_number(text)
        return {"cells": cells, "comment": self.comment.toPlainText(), "follow_up": self.follow_up.isChecked()}

    def _update(self, *_) -> None:
        if self.grid is None:
            return
        self.grid.setEnabled(not self.unknown.isChecked())
        if self.unknown.isChecked():
            self.sum_label.setText("")
            return
        total = 0.0
        for key in self.cells:
            try:
                total += i18n.parse_number(self._item(key).text() or "0")
            except ValueError:
                self.sum_label.setText("")
                return
        if self.adds_up:
            self.sum_label.setText(self.tr("Tổng số (tổng các ô): {total}").format(total=i18n.count(total)))

    def refuse(self, reason: str) -> None:
        self.message.show_refusal(self.tr("Chưa lưu — {reason}").format(reason=reason))
