"""Every window and dialog fits a 1366x768 laptop and a 1024x600 netbook: opened for real on real
profiles while ui/common/screen.available() reports that screen's available area, each one's size and its
minimum size lie within the room left by the window frame, and its buttons (Lưu/Hủy, Đóng…) lie
inside it. The main window opens maximised where 1280x800 does not fit; a remembered size from a
larger screen is cut down."""

import json

import pytest
from conftest import ok, shown_window
from PySide6.QtCore import QByteArray, QDate, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QHeaderView, QMainWindow

from ui.common import screen
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.reports.options import ReportOptions

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
# 1366x768 at 150 % (QT_SCALE_FACTOR=1.5 or the system's scaling): Qt reports 910x512 logical pixels.
SCREENS = {
    "1366x768": QRect(0, 0, 1366, 768),
    "1024x600": QRect(0, 0, 1024, 600),
    "1366x768-150%": QRect(0, 0, 910, 512),
}


@pytest.fixture(params=sorted(SCREENS))
def area(request, monkeypatch) -> QRect:
    rect = SCREENS[request.param]
    monkeypatch.setattr(screen, "available", lambda widget=None: QRect(rect))
    return rect


def room(area: QRect) -> QSize:
    return QSize(area.width() - screen.FRAME.width(), area.height() - screen.FRAME.height())


def assert_fits(widget, area: QRect) -> None:
    QApplication.processEvents()
    limit = room(area)
    name = widget.objectName() or type(widget).__name__
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    assert minimum.width() <= limit.width() and minimum.height() <= limit.height(), (name, minimum, limit)
    if not isinstance(widget, QMainWindow) or not widget.isMaximized():
        assert widget.width() <= limit.width() and widget.height() <= limit.height(), (name, widget.size(), limit)
    boxes = widget.findChildren(QDialogButtonBox)
    for box in boxes:
        for button in box.buttons():
            if not button.isVisibleTo(widget):
                continue
            place = QRect(button.mapTo(widget, QPoint(0, 0)), button.size())
            assert widget.rect().contains(place), (name, button.text(), place, widget.rect())


def shown(qtbot, widget, area):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert_fits(widget, area)
    return widget


def test_main_window_and_its_pages_fit(qtbot, district_demo_cli, area):
    profile = Profile.open(district_demo_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        # 1280x800 does not fit either screen once the frame and a taskbar are counted.
        assert window.isMaximized() or window.windowState() & window.windowState().WindowMaximized
        for key in window.pages:
            window.show_page(key)
            assert_fits(window, area)
        window.close()
    finally:
        profile.close()


def test_remembered_size_of_a_larger_screen_is_cut_down(qtbot, district, area):
    from ui.window.main_window import MainWindow
    from ui.window.window_state import restore

    big = MainWindow()
    big.resize(1600, 1000)
    saved = bytes(big.saveGeometry().toBase64()).decode("ascii")
    (district.data_dir / "window.json").write_text(json.dumps({"geometry": saved, "page": 2}))
    window = MainWindow()
    qtbot.addWidget(window)
    assert restore(window, district.data_dir)
    assert window.isMaximized() or (window.width() <= room(area).width() and window.height() <= room(area).height())
    assert QByteArray.fromBase64(saved.encode())  # the file was real


def test_every_dialog_of_a_district_fits(qtbot, district_demo_cli, area, monkeypatch):
    from ui.bundle import send as bundle_send
    from ui.bundle.config import ReceivedDialog
    from ui.report import printing as report_print
    from ui.safety.audit import AuditDialog
    from ui.safety.backups import BackupsDialog
    from ui.safety.crash import CrashDialog
    from ui.safety.lock import ReopenDialog
    from ui.window.about import AboutDialog, GuideDialog
    from ui.window.first_run import FirstRunDialog
    from ui.window.move import MoveDialog
    from ui.window.settings import SettingsDialog

    profile = Profile.open(district_demo_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        first = shown(qtbot, FirstRunDialog(district_demo_cli.data_dir.parent / "new"), area)
        first.search.setText("long xuyen")
        assert_fits(first, area)
        # The parent's key chosen (here Long Xuyên's for Châu Đốc: the refusal line too): the form scrolls,
        # and the box to tick once the fingerprint is compared comes into view.
        key = district_demo_cli.data_dir.parent / "883.pub"
        ok(district_demo_cli, "keys", "export-public", "--out", key)
        first.search.setText("chau doc")
        first.set_parent_key(key)
        assert_fits(first, area)
        box, view = first.parent_key_compared, first.form_area.viewport()
        qtbot.waitUntil(lambda: view.rect().contains(QRect(box.mapTo(view, QPoint(0, 0)), box.size())))

        settings = shown(qtbot, SettingsDialog(profile, window), area)
        # The form scrolls; Lưu and Hủy stay where they can be clicked.
        assert settings.findChild(screen.QScrollArea, "scrollingBody") is not None
        shown(qtbot, report_print.OptionsDialog(window, Period(2023, 1), "In báo cáo", profile.settings), area)

        pdf = window.reports.build_pdf(ReportOptions(number="12", issued_on=QDate(2023, 6, 20).toPython()))
        preview = window.reports.show_preview(pdf)
        qtbot.addWidget(preview)
        qtbot.waitExposed(preview)
        assert_fits(preview, area)
        preview.close()

        window.bundle_sender.show_key()
        shown(qtbot, window.bundle_sender.dialog, area)
        shown(qtbot, AuditDialog(profile.engine, "2023H1", profile.org_unit_code, None, window), area)
        shown(qtbot, BackupsDialog(window), area)
        shown(qtbot, ReopenDialog("2023H1", "Trần Thị Lan", "08:00 01/07/2023", window), area)
        shown(qtbot, AboutDialog(profile, window), area)
        shown(qtbot, GuideDialog(window), area)
        shown(qtbot, CrashDialog("Lỗi thử", "Traceback …\n" * 200, window), area)
        shown(qtbot, ReceivedDialog(window), area)
        shown(qtbot, MoveDialog(window), area)  # Long Xuyên: five new units to choose from
        assert bundle_send  # the module whose dialog was shown above
        window.close()
    finally:
        profile.close()


def test_every_dialog_of_a_province_fits(qtbot, sender_and_parent, tmp_path, area):
    from ui.bundle.config import SendDialog
    from ui.bundle.correction import ReturnDialog
    from ui.bundle.keys import EnrolDialog, KeysDialog

    district, province = sender_and_parent
    bundle = tmp_path / "883-2023H1-1.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    profile = Profile.open(province.data_dir)
    try:
        window = shown_window(qtbot, profile)
        window.show_page("reporting")
        assert_fits(window, area)
        enrol = shown(qtbot, EnrolDialog(window), area)
        enrol.set_file(tmp_path / "883.pub")
        assert_fits(enrol, area)
        shown(qtbot, KeysDialog(window), area)
        received = window.bundle_receiver.receive_files([bundle])
        qtbot.addWidget(received)
        qtbot.waitExposed(received)
        assert_fits(received, area)
        shown(qtbot, ReturnDialog("2023H1", [("883", "Thành phố Long Xuyên")], window), area)
        shown(qtbot, SendDialog(window), area)
        window.close()
    finally:
        profile.close()


def test_activities_and_indicators_give_their_width_to_what_the_officer_reads(qtbot, district_demo_cli, area):
    profile = Profile.open(district_demo_cli.data_dir)
    try:
        window = shown_window(qtbot, profile)
        window.showNormal()  # the size a maximised window has on that screen (offscreen has its own)
        window.resize(room(area))
        window.show_page("communication")
        QApplication.processEvents()
        table = window.pages["communication"].table
        header = table.horizontalHeader()
        model = table.model()
        for column in range(model.columnCount()):
            # every column readable: inside the viewport, at least as wide as its header reads
            end = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert end <= table.viewport().width() + 1, (model.headerData(column, 1), end, table.viewport().width())
            if column != model.TITLE:
                assert header.sectionSize(column) >= header.sectionSizeHint(column)

        for key in ("female_cadres", "violence"):  # long names go above their fields, nothing cut at the right
            window.show_page(key)
            QApplication.processEvents()
            for scroll in window.pages[key].findChildren(screen.QScrollArea):
                assert not scroll.horizontalScrollBar().isVisible(), (key, window.size())

        window.show_page("grid")
        QApplication.processEvents()
        grid = window.pages["grid"].table
        grid_model = grid.model()
        # The code is no column of its own (it is the name's tooltip); the name gets the width.
        assert grid.isColumnHidden(grid_model.CODE)
        first = grid_model.index(0, grid_model.NAME)
        assert grid_model.data(first, 3) and grid_model.data(grid_model.index(0, grid_model.CODE)) in grid_model.data(
            first, 3
        )
        widest_other = max(grid.columnWidth(c) for c in range(grid_model.columnCount()) if c != grid_model.NAME)
        assert grid.columnWidth(grid_model.NAME) > widest_other
        assert grid.horizontalHeader().sectionResizeMode(grid_model.NAME) == QHeaderView.Stretch
        window.close()
    finally:
        profile.close()
