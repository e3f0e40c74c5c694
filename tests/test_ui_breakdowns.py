"""The figures page's breakdown and comment dialog (issue 16 items 1, 2), driven offscreen."""

import pytest
from conftest import shown_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from test_ui_entry import dump, redo, undo
from test_ui_window import type_text

from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
CODE = "GBV_VICTIMS_DETECTED"


def opened(window, code: str):
    """The dialog of `code`'s button, as the officer clicking it sees it."""
    page = next(page for page in window.pages.values() if code in getattr(page, "details", {}))
    page.details[code].click()
    return next(c for c in window.controller.figures if c.page is page).dialog


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Save).click()


def test_cells_typed_in_the_grid_make_the_total_with_a_comment_and_undo_puts_it_back(qtbot, district):
    scope = Scope(district.org_unit_code, Period(2023, 1))
    window = shown_window(qtbot, district, "2023H1")
    window.activateWindow()
    window.show_page("violence")
    page = window.pages["violence"]
    held = dump(district)
    dialog = opened(window, CODE)
    assert dialog.isVisible() and dialog.unknown.isChecked()  # nothing held: breakdown not known
    dialog.unknown.setChecked(False)
    dialog.set_cell("sex=female;age_group=child", "2")
    dialog.set_cell("sex=female;age_group=adult", "9")
    dialog.set_cell("sex=male;age_group=child", "1")
    assert dialog.sum_label.text() == "Tổng số (tổng các ô): 12"
    dialog.comment.setPlainText("Theo sổ theo dõi của Công an xã")
    dialog.follow_up.setChecked(True)
    save(dialog)
    assert not dialog.isVisible()
    assert records.indicator_values(district.engine, scope) == {CODE: 12}
    detail = records.indicator_details(district.engine, scope)[CODE]
    assert detail.cells["sex=female;age_group=adult"] == 9 and detail.cells["sex=male;age_group=adult"] == 0
    assert detail.comment == "Theo sổ theo dõi của Công an xã" and detail.follow_up
    field = page.inputs[CODE]
    assert field.text() == "12" and field.isReadOnly()  # the sum of its cells, not typed over
    assert page.detail_states[CODE].text() == "đã phân tổ, có ghi chú, cần theo dõi"
    # The page of every indicator shows the same beside the value, as its tooltip.
    grid = window.controller.grid.model
    grid.reload()
    row = next(r for r in range(grid.rowCount()) if grid.index(r, grid.CODE).data() == CODE)
    assert grid.index(row, grid.VALUE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Nữ, Trẻ em (dưới 16 tuổi): 2\nNữ, Từ 16 tuổi trở lên: 9\nNam, Trẻ em (dưới 16 tuổi): 1\n"
        "Nam, Từ 16 tuổi trở lên: 0\nTheo sổ theo dõi của Công an xã\nCần theo dõi"
    )
    saved = dump(district)

    # A supported count above the detected one in one cell is refused in the dialog, nothing saved.
    dialog = opened(window, "GBV_VICTIMS_SUPPORTED")
    dialog.unknown.setChecked(False)
    dialog.set_cell("sex=male;age_group=adult", "1")
    save(dialog)
    assert dialog.isVisible() and "lớn hơn cùng ô" in dialog.message.text()
    assert dump(district) == saved
    dialog.reject()

    undo(qtbot, window)
    assert dump(district) == held and field.text() == "" and not field.isReadOnly()
    redo(qtbot, window)
    assert dump(district) == saved
    window.close()


def test_a_comment_needs_a_value_and_a_zero_can_say_why(qtbot, district):
    scope = Scope(district.org_unit_code, Period(2023, 1))
    window = shown_window(qtbot, district, "2023H1")
    window.show_page("violence")
    page = window.pages["violence"]
    dialog = opened(window, "HOTLINE_CONTACTS")
    assert dialog.grid is None  # no breakdown: a comment and a mark only
    dialog.comment.setPlainText("Không có cuộc gọi")
    save(dialog)
    assert "nhập 0 và ghi lý do" in dialog.message.text()
    dialog.reject()
    field = page.inputs["HOTLINE_CONTACTS"]
    field.setFocus()
    type_text(qtbot, field, "0")
    qtbot.keyClick(field, Qt.Key_Return)
    dialog = opened(window, "HOTLINE_CONTACTS")
    dialog.comment.setPlainText("Không có cuộc gọi nào trong kỳ")
    save(dialog)
    assert records.indicator_details(district.engine, scope)["HOTLINE_CONTACTS"].comment == (
        "Không có cuộc gọi nào trong kỳ"
    )
    assert page.detail_states["HOTLINE_CONTACTS"].text() == "có ghi chú"
    window.close()


def test_the_send_checklist_asks_a_comment_for_a_zero_or_missing_value_where_the_rule_says(qtbot, district):
    from ui.bundle.send import checklist

    scope = Scope(district.org_unit_code, Period(2023, 1))
    records.set_indicator_values(district.engine, scope, {"HOTLINE_CONTACTS": 0, CODE: 3})
    window = shown_window(qtbot, district, "2023H1")

    def asked() -> list[str]:
        return [check.text for check in checklist(window) if "cần ghi chú lý do" in check.text]

    # Zero without a comment, and the perpetrators missing; the victims (3) need none.
    assert asked() == [
        "“Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111)” bằng 0 hoặc chưa có: cần ghi chú lý do "
        "(nút Ghi chú… bên cạnh số liệu)",
        "“Số người gây bạo lực được phát hiện (chưa bị truy cứu)” bằng 0 hoặc chưa có: cần ghi chú lý do "
        "(nút Ghi chú… bên cạnh số liệu)",
    ]
    assert {check.page for check in checklist(window) if "cần ghi chú" in check.text} == {"violence"}
    records.set_indicator_values(
        district.engine,
        scope,
        {"GBV_PERPETRATORS_DETECTED": 0},
        details={
            "HOTLINE_CONTACTS": {"comment": "Không có cuộc gọi nào trong kỳ"},
            "GBV_PERPETRATORS_DETECTED": {"comment": "Không phát hiện"},
        },
    )
    assert asked() == []
    window.close()


def test_the_province_sees_the_senders_comments_beside_their_values_before_and_after_import(
    qtbot, sender_and_parent, tmp_path
):
    from conftest import ok

    from ui.bundle.receive import details_html
    from vstbpn_desktop.profile import Profile

    district, province_cli = sender_and_parent
    path = tmp_path / "chi-tieu.csv"
    path.write_text(
        "period,indicator,cell,value,comment,follow_up\n"
        "2023H1,HOTLINE_CONTACTS,,0,Không có cuộc gọi nào trong kỳ,\n"
        "2023H1,GBV_VICTIMS_DETECTED,sex=female;age_group=adult,9,Theo sổ của Công an huyện,1\n",
        encoding="utf-8",
    )
    ok(district, "data", "import", path)
    ok(district, "submit", "--period", "2023H1")
    bundle = tmp_path / "883.vstb"
    ok(district, "bundle", "export", "--period", "2023H1", "--out", bundle)
    province = Profile.open(province_cli.data_dir)
    try:
        window = shown_window(qtbot, province)
        dialog = window.bundle_receiver.receive_files([bundle])
        shown = details_html(province, dialog.entries[0])
        assert "Ghi chú số liệu của đơn vị gửi:" in shown
        assert (
            "Số cuộc gọi đường dây nóng tiếp nhận (18008077, 111): <b>0</b> — Không có cuộc gọi nào trong kỳ" in shown
        )
        assert (
            "được phát hiện: <b>9</b> — Theo sổ của Công an huyện <span style='color:#b00020'>(cần theo dõi)</span>"
            in shown
        )
        dialog.close()
        window.close()
    finally:
        province.close()
