"""Checks against earlier periods in the window: a figure ten times last year's is saved, its field
turns amber with the earlier values in its tooltip, and the checklist before sending lists it."""

import pytest
from conftest import shown_window
from PySide6.QtCore import Qt
from test_ui_window import type_text

from ui.bundle import send
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_a_figure_out_of_line_is_saved_amber_with_its_history_and_listed_before_sending(qtbot, district):
    records.set_indicator_values(district.engine, Scope("883", Period(2023, 1)), {"HOTLINE_CONTACTS": 12})
    records.set_indicator_values(district.engine, Scope("883", Period(2023, 2)), {"HOTLINE_CONTACTS": 9})
    window = shown_window(qtbot, district, "2024H1")
    window.show_page("violence")
    field = window.pages["violence"].inputs["HOTLINE_CONTACTS"]
    assert field.styleSheet() == ""
    type_text(qtbot, field, "120")
    qtbot.keyClick(field, Qt.Key_Return)
    scope = Scope("883", Period(2024, 1))
    assert records.indicator_values(district.engine, scope)["HOTLINE_CONTACTS"] == 120  # never blocked
    assert "#b26a00" in field.styleSheet() and "#b00020" not in field.styleSheet()
    assert field.toolTip() == (
        "Cần xem lại (vẫn lưu được): Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 120 so với 12 "
        "cùng kỳ năm trước (2023H1): thay đổi quá 3 lần\nCác kỳ trước: 2023H1: 12; 2023H2: 9"
    )
    lines = [c for c in send.checklist(window) if c.text.startswith("Cần xem lại")]
    assert [(c.page, c.text) for c in lines] == [
        (
            "violence",
            "Cần xem lại: Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): 120 so với 12 cùng kỳ năm trước "
            "(2023H1): thay đổi quá 3 lần",
        )
    ]
    # Typed back in line: the amber goes, and so does the checklist's line.
    qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, field, "15")
    assert field.styleSheet() == ""  # while typing, the saved value's flag is not shown
    qtbot.keyClick(field, Qt.Key_Return)
    assert field.styleSheet() == "" and field.toolTip() == "HOTLINE_CONTACTS"
    assert not [c for c in send.checklist(window) if c.text.startswith("Cần xem lại")]
    window.close()
