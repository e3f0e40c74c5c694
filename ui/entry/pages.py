"""The pages of the window, one per section of the report. Views only: they lay out widgets
and name them; the controllers in `ui/window/controllers.py` fill them and call the core."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vstbpn_desktop.catalogue import Indicator

from ..common.i18n import indicator_name, indicator_unit
from ..common.screen import scrolling
from .widgets import MessageLabel, NarrativeEditor, record_table


class Page(QWidget):
    """A page: a heading, then its content; narrative editors by section code. A page whose
    content is taller than a small screen (`scrolls`) puts it in a scroll area."""

    scrolls = False

    def __init__(self, heading: str, parent=None):
        super().__init__(parent)
        self.narratives: dict[str, NarrativeEditor] = {}
        if self.scrolls:
            body = QWidget()
            self.layout_ = QVBoxLayout(body)
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            area = scrolling(body)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # the labels are never cut
            outer.addWidget(area)
        else:
            self.layout_ = QVBoxLayout(self)
        title = QLabel(f"<h2>{heading}</h2>")
        self.layout_.addWidget(title)

    def add_narrative(self, section: str, title: str, parent_layout=None, stretch: int = 1) -> NarrativeEditor:
        editor = NarrativeEditor(title)
        editor.setObjectName(f"narrative-{section}")
        (parent_layout or self.layout_).addWidget(editor, stretch)
        self.narratives[section] = editor
        return editor


class TablePage(Page):
    """A table of records with its add/delete actions, an optional filter and totals, and narrative."""

    def __init__(self, heading: str, with_filter: bool = False, totals: tuple[str, ...] = (), parent=None):
        super().__init__(heading, parent)
        bar = QHBoxLayout()
        self.filter = None
        if with_filter:
            self.filter = QLineEdit()
            self.filter.setObjectName("filter")
            self.filter.setPlaceholderText(self.tr("Nội dung, địa điểm — gõ không dấu cũng được"))
            self.filter.setClearButtonEnabled(True)
            bar.addWidget(QLabel(self.tr("Tìm:")))
            bar.addWidget(self.filter, 1)
        else:
            bar.addStretch(1)
        self.add_button = QPushButton(self.tr("Thêm dòng (Ctrl+N)"))
        self.delete_button = QPushButton(self.tr("Xóa dòng đã chọn (Delete)"))
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        self.layout_.addLayout(bar)

        self.table = record_table()
        self.table.setObjectName("table")
        self.count_label = QLabel()
        self.totals: dict[str, QLabel] = {}
        totals_bar = QHBoxLayout()
        totals_bar.addWidget(self.count_label)
        for key in totals:
            value = QLabel()
            value.setObjectName(f"total-{key}")
            self.totals[key] = value
            totals_bar.addWidget(value)
        totals_bar.addStretch(1)
        self.message = MessageLabel()

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(totals_bar)
        top_layout.addWidget(self.message)
        splitter.addWidget(top)
        self.splitter = splitter
        self.layout_.addWidget(splitter, 1)

        # Ctrl+N is the window's (Sửa → Thêm dòng, for the page shown); Delete only from the table
        # itself (see RecordTableView), so that Delete inside a cell editor still deletes a character.
        self.add_action = QAction(self.tr("Thêm dòng"), self)
        self.table.appendable = True
        self.delete_action = QAction(self.tr("Xóa dòng"), self)
        self.table.delete_requested.connect(self.delete_action.trigger)
        self.add_button.clicked.connect(self.add_action.trigger)
        self.delete_button.clicked.connect(self.delete_action.trigger)

    def add_narrative_below(self, section: str, title: str) -> NarrativeEditor:
        editor = NarrativeEditor(title)
        editor.setObjectName(f"narrative-{section}")
        self.splitter.addWidget(editor)
        self.splitter.setSizes([500, 180])
        self.narratives[section] = editor
        return editor


class FiguresPage(Page):
    """Counts typed in, each share shown live beside its national target (and the province's), and
    the narrative. The fields come from the profile's catalogue (`fill`): built again when a
    configuration from the province changes it, the page itself (and its narratives) kept."""

    scrolls = True  # the violence page is taller than a 1024x600 screen at 125 %

    def __init__(self, heading: str, counts: list[Indicator], shares: list[Indicator], parent=None):
        super().__init__(heading, parent)
        # What the figures cover (docs/architecture.md): the whole area stands, the own level is
        # added to the units below. Beside the first figure in use: the page grows no taller.
        self.whole_area = QCheckBox(self.tr("Số liệu toàn địa bàn (các cấp)"))
        self.whole_area.setObjectName("whole-area")
        self.whole_area.setToolTip(
            self.tr(
                "Chọn: số liệu của cả địa bàn, giữ nguyên, không cộng thêm số liệu các "
                "đơn vị cấp dưới. Bỏ chọn: số liệu riêng của cấp mình, được cộng với "
                "số liệu các đơn vị cấp dưới gửi lên."
            )
        )
        self.box: QGroupBox | None = None
        self.shares_box: QGroupBox | None = None
        self.shown: tuple[tuple[Indicator, ...], tuple[Indicator, ...]] | None = None
        self.message = MessageLabel()
        self.layout_.addWidget(self.message)
        self.fill(counts, shares)

    def fill(self, counts: list[Indicator], shares: list[Indicator]) -> bool:
        """The page's fields and shares for `counts` and `shares` (retired ones included: the
        controller shows them only where a period holds a value); False when they are already."""
        if self.shown == (tuple(counts), tuple(shares)):
            return False
        self.shown = (tuple(counts), tuple(shares))
        box = QGroupBox(self.tr("Số liệu"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long name above its field on a narrow screen
        self.form = form
        self.inputs: dict[str, QLineEdit] = {}
        self.fixed: set[str] = set()  # fields the officer may not type in (retired; made of their cells)
        # Beside each figure: its breakdown and comment (a dialog, ui/entry/value_detail.py) and
        # what it carries now ("phân tổ: chưa biết", "có ghi chú", "cần theo dõi").
        self.details: dict[str, QPushButton] = {}
        self.detail_states: dict[str, QLabel] = {}
        self.form_rows: dict[str, int] = {}  # each count's row in the form: a field and its buttons
        self.carrier = next((i.code for i in counts if not i.retired), None)  # the field beside the whole-area box
        for indicator in counts:
            field = QLineEdit()
            field.setObjectName(f"input-{indicator.code}")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setFixedWidth(120)
            field.setToolTip(indicator.code)
            self.inputs[indicator.code] = field
            button = QPushButton(self.tr("Phân tổ, ghi chú…") if indicator.dimensions else self.tr("Ghi chú…"))
            button.setObjectName(f"detail-{indicator.code}")
            button.setAutoDefault(False)
            state = QLabel()
            state.setObjectName(f"detail-state-{indicator.code}")
            self.details[indicator.code], self.detail_states[indicator.code] = button, state
            cell = QHBoxLayout()
            cell.addWidget(field)
            cell.addWidget(button)
            cell.addWidget(state)
            if indicator.code == self.carrier:
                cell.addSpacing(12)
                cell.addWidget(self.whole_area)
            cell.addStretch(1)
            self.form_rows[indicator.code] = form.rowCount()
            form.addRow(f"{indicator_name(indicator)} ({indicator_unit(indicator)}):", cell)
        if self.carrier is None:
            form.addRow(self.whole_area)  # kept in the page (no figure in use: nothing it could cover)
        self.whole_area.setVisible(self.carrier is not None)

        shares_box = QGroupBox(self.tr("Tỷ lệ (tính tự động) so với mục tiêu quốc gia và của tỉnh"))
        grid = QGridLayout(shares_box)
        self.shares: dict[str, QLabel] = {}
        self.goals: dict[str, QLabel] = {}  # "mục tiêu đến năm 2025 là 60 %: chưa đạt", in colour
        self.province_goals: dict[str, QLabel] = {}  # the province's, under it, when it set one
        self.share_rows: dict[str, int] = {}
        for row, indicator in enumerate(shares):
            value = QLabel("—")
            value.setObjectName(f"share-{indicator.code}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            goals = QWidget()
            stacked = QVBoxLayout(goals)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.setSpacing(2)
            for prefix, labels in (("goal", self.goals), ("province-goal", self.province_goals)):
                goal = QLabel()
                goal.setObjectName(f"{prefix}-{indicator.code}")
                goal.setTextFormat(Qt.TextFormat.PlainText)
                goal.setWordWrap(True)
                stacked.addWidget(goal)
                labels[indicator.code] = goal
            name = QLabel(f"{indicator_name(indicator)}:")
            name.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(goals, row, 2)
            self.shares[indicator.code] = value
            self.share_rows[indicator.code] = row
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 2)
        shares_box.setVisible(bool(shares))  # a section of counts only (a page added as data) has none
        self.grid = grid

        at = self.layout_.indexOf(self.message)  # the boxes go above the message line and the narratives
        for old in (self.box, self.shares_box):
            if old is not None:
                self.layout_.removeWidget(old)
                old.setParent(None)
                old.deleteLater()
        self.layout_.insertWidget(at if self.box is None else at - 2, box)
        self.layout_.insertWidget(self.layout_.indexOf(box) + 1, shares_box)
        self.box, self.shares_box = box, shares_box
        return True

    def show_only(self, hidden: set[str]) -> None:
        """Hide the fields and shares of `hidden` (yearly indicators in a half-year, retired ones
        where the period holds no value), show the others. The field beside the whole-area box
        always shows."""
        for code, row in self.form_rows.items():
            if code != self.carrier:
                self.form.setRowVisible(row, code not in hidden)
        for code, row in self.share_rows.items():
            for column in range(3):
                item = self.grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setVisible(code not in hidden)


class NarrativePage(Page):
    """Text-only sections: assessment, directions."""


class GridPage(Page):
    """Every indicator of the catalogue: counts editable, derived ones computed, with targets."""

    def __init__(self, heading: str, parent=None):
        super().__init__(heading, parent)
        hint = QLabel(
            self.tr(
                "Ô nền xám được tính tự động từ các số liệu và hoạt động đã nhập; "
                "chỉ các ô \u201cNhập\u201d được sửa: gõ số hoặc F2 để sửa, Enter để lưu và xuống dòng."
            )
        )
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.table = record_table()
        self.table.setObjectName("grid")
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        # A long indicator name wraps onto a second line instead of ending in "…" on a small screen.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.layout_.addWidget(self.table, 1)
        self.message = MessageLabel()
        self.layout_.addWidget(self.message)
