"""The main window's layout: the unit and period at the top, the pages on the left, the
status bar below. A view only; `ui/window/controllers.py` fills it and wires it to the core."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vstbpn_desktop.catalogue import Indicator, indicators
from vstbpn_desktop.catalogue.sections import Page, layout

from ..common.i18n import language
from ..common.screen import room
from ..entry.pages import FiguresPage, GridPage, NarrativePage, TablePage

NAVIGATION_WIDTH = 200
NAVIGATION_WIDTH_SMALL = 150


def page_figures(code: str) -> tuple[list[Indicator], list[Indicator]]:
    """The counts and shares of a figures page, from the catalogue installed now (the shipped one
    until a profile is open, then the profile's, with the province's own indicators): the retired
    ones too, shown only where a period holds a value (FiguresController.not_asked)."""
    table = layout()
    mine = [i for i in indicators().values() if table.section(i.section).page == code]
    return [i for i in mine if i.typed], [i for i in mine if i.kind == "share"]


def period_page(page: Page):
    """The widget of one page of the sections table (resources/sections.json), by its kind."""
    title = page.title(language())
    if page.kind == "documents":
        return TablePage(title)
    if page.kind == "activities":
        return TablePage(title, with_filter=True, totals=("sessions", "participants", "female", "media"))
    if page.kind == "figures":
        return FiguresPage(title, *page_figures(page.code))
    if page.kind == "grid":
        return GridPage(title)
    return NarrativePage(title)


class MainWindow(QMainWindow):
    closing = Signal()
    close_guard = None  # the controller's check for values typed and not saved; False keeps the window

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("VSTBPN Desktop — Ghi nhận công tác vì sự tiến bộ của phụ nữ và bình đẳng giới"))
        central = QWidget()
        outer = QVBoxLayout(central)

        top = QHBoxLayout()
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unit")
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.setMinimumWidth(220)
        # Filled after the frame is shown: grow to the longest label ("2023H1 — 6 tháng đầu năm 2023").
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(self.unit_label, 1)
        top.addWidget(QLabel(self.tr("Kỳ báo cáo:")))
        top.addWidget(self.period)
        outer.addLayout(top)

        # Above the pages: why the window is read-only (a locked period, a damaged database).
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff4ce; color: #5c4400; "
            "border: 1px solid #e0b800; padding: 6px; font-weight: bold; }"
        )
        self.banner.hide()
        self.read_only = False
        outer.addWidget(self.banner)

        # The page list beside the pages: it gives way first on a small screen (drag it narrower,
        # or to nothing; drag it back from the left edge).
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setObjectName("body")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMinimumWidth(120)
        self.navigation.setWordWrap(True)  # a long page name on two lines when the list is narrow
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.body.addWidget(self.navigation)
        self.body.addWidget(self.stack)
        self.body.setStretchFactor(1, 1)
        self.body.setCollapsible(1, False)
        # Narrower on a small screen (1024 wide): the tables need the width more than the list.
        self.body.setSizes([NAVIGATION_WIDTH if room(self).width() >= 1200 else NAVIGATION_WIDTH_SMALL, 1000])
        outer.addWidget(self.body, 1)
        self.setCentralWidget(central)

        # The pages of the period, in the order of the sections table; each section's text on its page.
        table = layout()
        self.period_pages = tuple(page.code for page in table.pages)
        self.pages = {page.code: period_page(page) for page in table.pages}
        for page in table.pages:
            widget = self.pages[page.code]
            for section in table.on_page(page.code):
                name = section.name(language())
                if page.kind == "narratives":
                    widget.add_narrative(section.code, name)  # the page's title says it is text
                elif isinstance(widget, TablePage):
                    widget.add_narrative_below(section.code, self.tr("{name} (lời văn)").format(name=name))
                else:
                    widget.add_narrative(section.code, self.tr("{name} (lời văn)").format(name=name))
            self.navigation.addItem(page.title(language()))
            self.stack.addWidget(self.pages[page.code])
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.statusBar()
        self.menus = self._build_menus()

    def fill_figures(self) -> list[str]:
        """Each figures page's fields from the catalogue installed now (the frame was built before
        the profile opened; a configuration from the province changes it): the pages that changed."""
        return [
            page.code
            for page in layout().pages_of_kind("figures")
            if self.pages[page.code].fill(*page_figures(page.code))
        ]

    def _build_menus(self) -> dict:
        """Empty menus in a fixed order; each feature module of ui/ adds its own actions."""
        bar = self.menuBar()
        return {
            "file": bar.addMenu(self.tr("&Tệp")),
            "edit": bar.addMenu(self.tr("&Sửa")),
            "period": bar.addMenu(self.tr("&Kỳ báo cáo")),
            "report": bar.addMenu(self.tr("&Báo cáo")),
            "children": bar.addMenu(self.tr("Đơn vị cấp &dưới")),
            "tools": bar.addMenu(self.tr("&Công cụ")),
            "help": bar.addMenu(self.tr("Trợ &giúp")),
        }

    def add_action(
        self, menu: str, text: str, slot, name: str, shortcut=None, tip: str = "", role: QAction.MenuRole | None = None
    ) -> QAction:
        """A feature module's action at the end of `self.menus[menu]`, its shortcut shown in the menu."""
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        if role is not None:
            action.setMenuRole(role)
        action.triggered.connect(slot)
        self.menus[menu].addAction(action)
        return action

    def add_page(self, key: str, title: str, widget) -> None:
        """A page added by a feature module (e.g. who has reported, at a parent unit)."""
        self.pages[key] = widget
        self.navigation.addItem(title)
        self.stack.addWidget(widget)

    def add_quit(self) -> QAction:
        """Tệp → Thoát (Ctrl+Q), last in the menu once the features have added theirs; closing asks
        what closing the window asks (unsaved values, the backup at exit)."""
        self.menus["file"].addSeparator()
        return self.add_action(
            "file", self.tr("Thoát"), self.close, "actionQuit", "Ctrl+Q", role=QAction.MenuRole.QuitRole
        )

    def hide_empty_menus(self) -> None:
        for menu in self.menus.values():
            menu.menuAction().setVisible(not menu.isEmpty())

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(list(self.pages).index(key))

    def set_read_only(self, read_only: bool, banner: str = "") -> None:
        """Generic hook: editing off (tables, figures, narratives, add/delete) and a banner saying why.
        The core refuses writes to a locked period anyway; this keeps the window from pretending.
        A page added by a feature takes part by defining its own `set_read_only(bool)`."""
        self.read_only = read_only
        self.banner.setText(banner)
        self.banner.setVisible(bool(read_only and banner))
        for key, page in self.pages.items():
            if hasattr(page, "set_read_only"):
                page.set_read_only(read_only)
                continue
            if key not in self.period_pages:
                continue  # a feature's page (who has reported, ...) edits nothing of the period
            table = getattr(page, "table", None)
            if table is not None:
                if not hasattr(table, "editable_triggers"):
                    table.editable_triggers = table.editTriggers()
                table.setEditTriggers(
                    QAbstractItemView.EditTrigger.NoEditTriggers if read_only else table.editable_triggers
                )
            for name in ("add_action", "delete_action", "add_button", "delete_button"):
                if getattr(page, name, None) is not None:
                    getattr(page, name).setEnabled(not read_only)
            fixed: set[str] = getattr(page, "fixed", set())  # retired, or made of its cells: never typed in
            for code, field in getattr(page, "inputs", {}).items():
                field.setReadOnly(read_only or code in fixed)
            for editor in getattr(page, "narratives", {}).values():
                editor.text.setReadOnly(read_only)

    def closeEvent(self, event):
        if self.close_guard is not None and not self.close_guard():
            event.ignore()  # values refused and not saved: the officer chose to fix them first
            return
        self.closing.emit()
        super().closeEvent(event)
