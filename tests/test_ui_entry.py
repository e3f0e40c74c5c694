"""Entering a half-year by keyboard as an officer does: every key lands in the record on
screen (checked by id in the database), nothing typed is lost silently, every edit can be undone
and redone with the database restored exactly (a dump of the tables compared)."""

from datetime import date

import pytest
from conftest import shown_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text
from test_ui_window import enter, focused, type_text

from ui.entry.models import ActivityTableModel as A
from ui.entry.models import DocumentTableModel as D
from ui.entry.models import ErrorRole, IdRole
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope
from vstbpn_desktop.safety import locking
from vstbpn_desktop.safety.audit import events

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

H1 = Period(2023, 1)
TABLES = ("activity", "document", "indicator_value", "narrative")


def dump(profile) -> dict:
    """Every row of the record tables, every column."""
    with profile.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() for table in TABLES}


@pytest.fixture
def scope(district) -> Scope:
    return Scope(district.org_unit_code, H1)


@pytest.fixture
def window(qtbot, district, scope):
    for day, title in ((date(2023, 3, 1), "Hội nghị tháng 3"), (date(2023, 5, 1), "Tập huấn tháng 5")):
        records.add_activity(
            district.engine,
            scope,
            {"date": day, "kind": "training", "title": title, "participants": 1250, "female_participants": 600},
        )
    for day, number in ((date(2023, 2, 1), "10/KH-UBND"), (date(2023, 4, 1), "20/KH-UBND")):
        records.add_document(
            district.engine,
            scope,
            {"number": number, "date": day, "kind": "plan", "issuer": "UBND huyện", "title": f"Kế hoạch {number}"},
        )
    window = shown_window(qtbot, district, "2023H1")
    window.activateWindow()
    yield window
    window.close()


def table_page(window, key: str):
    window.show_page(key)
    page = window.pages[key]
    page.table.setFocus()
    return page


def new_row(qtbot, window, key: str):
    page = table_page(window, key)
    before = page.table.model().rowCount()
    qtbot.keyClick(page.table, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitUntil(lambda: page.table.model().rowCount() == before + 1)
    return page


def current_id(page) -> str:
    return page.table.currentIndex().siblingAtColumn(0).data(IdRole)


def type_into_cell(qtbot, table, text_: str) -> None:
    """The first key opens the cell's editor (as in a spreadsheet), the rest go into it."""
    type_text(qtbot, table, text_[0])
    type_text(qtbot, focused(), text_[1:])


def retype(qtbot, text_: str) -> None:
    qtbot.keyClick(focused(), Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, focused(), text_)


# -- 1. the record under the cursor stays under the cursor -------------------------------------


def test_new_activity_date_then_tab_keeps_editing_the_same_record(qtbot, window, district, scope):
    page = new_row(qtbot, window, "communication")
    new_id = current_id(page)
    assert page.table.currentIndex().row() == 0 and page.table.currentIndex().column() == A.DATE
    retype(qtbot, "20/06/2023")  # sorts the record last: from row 0 to row 2
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → its kind
    assert current_id(page) == new_id and page.table.currentIndex().row() == 2
    qtbot.keyClick(focused(), Qt.Key_Down)  # the kind below "Truyền thông"
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → its title
    retype(qtbot, "Tọa đàm")
    qtbot.keyClick(focused(), Qt.Key_Tab)
    type_text(qtbot, focused(), "2")
    enter(qtbot, focused())

    rows = {row["id"]: row for row in records.activity_page(district.engine, scope, 0, 10)}
    mine = rows.pop(new_id)
    assert (mine["date"], mine["title"], mine["sessions"]) == (date(2023, 6, 20), "Tọa đàm", 2)
    assert mine["kind"] != "communication"
    assert {(r["title"], r["kind"], r["sessions"]) for r in rows.values()} == {
        ("Hội nghị tháng 3", "training", 1),
        ("Tập huấn tháng 5", "training", 1),
    }


def test_new_document_typed_across_a_resort_lands_in_one_record(qtbot, window, district, scope):
    page = new_row(qtbot, window, "documents")
    new_id = current_id(page)
    assert focused().text() == "Chưa có số"  # the first column: the number
    retype(qtbot, "35/KH-BVSTBPN")
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → Ngày ban hành
    retype(qtbot, "15/05/2023")  # sorts it after both others
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → Cơ quan ban hành
    assert current_id(page) == new_id and page.table.currentIndex().column() == D.ISSUER
    type_text(qtbot, focused(), "Ban VSTBPN")
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → Loại văn bản
    qtbot.keyClick(focused(), Qt.Key_Down)
    qtbot.keyClick(focused(), Qt.Key_Tab)  # → Trích yếu
    retype(qtbot, "Kế hoạch tháng hành động")
    enter(qtbot, focused())

    documents = {d.id: d for d in records.list_documents(district.engine, scope)}
    mine = documents.pop(new_id)
    assert (mine.number, mine.date, mine.issuer, mine.title) == (
        "35/KH-BVSTBPN",
        date(2023, 5, 15),
        "Ban VSTBPN",
        "Kế hoạch tháng hành động",
    )
    assert mine.kind != "plan"
    assert {(d.number, d.kind, d.issuer) for d in documents.values()} == {
        ("10/KH-UBND", "plan", "UBND huyện"),
        ("20/KH-UBND", "plan", "UBND huyện"),
    }


def test_current_record_kept_after_period_change_and_reload(qtbot, window, district):
    page = table_page(window, "communication")
    model = page.table.model()
    page.table.setCurrentIndex(model.index(1, A.TITLE))
    kept = current_id(page)
    window.controller.set_period("2023")  # the year holds the half-year's records
    assert current_id(page) == kept and page.table.currentIndex().column() == A.TITLE
    window.controller.reload()  # as after an import or a restore
    assert current_id(page) == kept


def test_filter_keeps_an_edited_record_listed(qtbot, window, district):
    page = table_page(window, "communication")
    window.controller.activities.page.filter.setText("thang 5")
    window.controller.activities.apply_filter()
    model = page.table.model()
    assert model.rowCount() == 1
    page.table.setCurrentIndex(model.index(0, A.TITLE))
    kept = current_id(page)
    qtbot.keyClick(page.table, Qt.Key_F2)
    retype(qtbot, "Tập huấn tháng sáu")  # no longer matches the filter
    enter(qtbot, focused())
    assert model.rowCount() == 1 and model.index(0, 0).data(IdRole) == kept
    assert model.index(0, A.TITLE).data() == "Tập huấn tháng sáu"


# -- 5. the keys of a spreadsheet ----------------------------------------------------------------


def test_ctrl_n_from_the_section_list_adds_a_row_to_the_page_shown(qtbot, window, district, scope):
    window.show_page("communication")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key_N, Qt.ControlModifier)
    assert records.count_activities(district.engine, scope) == 3
    assert focused().parent() is window.pages["communication"].table.viewport()
    qtbot.keyClick(focused(), Qt.Key_Escape)
    window.show_page("assessment")  # a page without rows: nothing happens
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key_N, Qt.ControlModifier)
    assert records.count_activities(district.engine, scope) == 3
    assert len(records.list_documents(district.engine, scope)) == 2


def test_tab_from_the_last_cell_goes_to_the_next_row_then_a_new_row(qtbot, window, district, scope):
    page = table_page(window, "communication")
    model = page.table.model()
    page.table.setCurrentIndex(model.index(0, A.PLACE))
    first, second = model.index(0, 0).data(IdRole), model.index(1, 0).data(IdRole)
    qtbot.keyClick(page.table, Qt.Key_F2)
    type_text(qtbot, focused(), "Long Xuyên")
    qtbot.keyClick(focused(), Qt.Key_Tab)  # last cell of row 1 → first cell of row 2
    assert page.table.currentIndex().row() == 1 and page.table.currentIndex().column() == 0
    assert current_id(page) == second
    assert records.record_state(district.engine, "activity", scope, first)["place"] == "Long Xuyên"
    qtbot.keyClick(focused(), Qt.Key_Escape)
    page.table.setCurrentIndex(model.index(1, A.PLACE))
    qtbot.keyClick(page.table, Qt.Key_Tab)  # last cell of the last row → a new row, date open
    assert records.count_activities(district.engine, scope) == 3
    assert current_id(page) not in (first, second)
    assert page.table.currentIndex().column() == A.DATE
    assert focused().text() == "01/01/2023"


def test_enter_saves_and_moves_down_f2_edits(qtbot, window, district, scope):
    page = table_page(window, "communication")
    model = page.table.model()
    page.table.setCurrentIndex(model.index(0, A.SESSIONS))
    qtbot.keyClick(page.table, Qt.Key_F2)
    assert page.table.state() == page.table.State.EditingState
    retype(qtbot, "4")
    enter(qtbot, focused())
    assert page.table.currentIndex().row() == 1 and page.table.state() != page.table.State.EditingState
    assert model.index(0, A.SESSIONS).data() == "4"
    qtbot.keyClick(page.table, Qt.Key_Up)
    qtbot.keyClick(page.table, Qt.Key_Return)  # not editing: Enter moves down
    assert page.table.currentIndex().row() == 1 and page.table.state() != page.table.State.EditingState
    type_text(qtbot, page.table, "7")  # typing edits
    enter(qtbot, focused())
    assert [r["sessions"] for r in records.activity_page(district.engine, scope, 0, 10)] == [4, 7]


# -- 2. nothing typed is lost silently ----------------------------------------------------------


def test_women_above_total_in_a_cell_stays_red_unsaved_and_out_of_totals(qtbot, window, district, scope):
    page = table_page(window, "communication")
    model = page.table.model()
    cell = model.index(0, A.FEMALE)
    record_id = cell.siblingAtColumn(0).data(IdRole)
    held = dump(district)
    page.table.setCurrentIndex(cell)
    type_into_cell(qtbot, page.table, "1300")
    enter(qtbot, focused())

    assert cell.data() == "1300" and cell.data(Qt.BackgroundRole) is not None
    assert "số nữ (1.300) lớn hơn tổng số người tham dự (1.250)" in cell.data(ErrorRole)
    assert cell.data(Qt.ToolTipRole) == cell.data(ErrorRole)
    assert "1.300" in page.message.text() and "1.300" in window.statusBar().currentMessage()
    assert dump(district) == held
    assert page.totals["female"].text() == "Trong đó nữ: 1.200"
    assert records.activity_totals(district.engine, ["883"], H1)["COMM_PARTICIPANTS_FEMALE"] == 1200

    # The total raised: the women typed before are now right, and saved; the messages go.
    page.table.setCurrentIndex(model.index(model.row_of(record_id), A.PARTICIPANTS))
    type_into_cell(qtbot, page.table, "1500")
    enter(qtbot, focused())
    state = records.record_state(district.engine, "activity", scope, record_id)
    assert (state["participants"], state["female_participants"]) == (1500, 1300)
    assert page.message.text() == "" and window.statusBar().currentMessage() == ""
    assert page.totals["female"].text() == "Trong đó nữ: 1.900"


def test_a_word_in_a_figure_is_kept_not_saved_and_printing_asks(qtbot, window, district, scope, asked_about_unsaved):
    window.show_page("female_cadres")
    page = window.pages["female_cadres"]
    total, women = page.inputs["LEADERS_TOTAL"], page.inputs["LEADERS_FEMALE"]
    total.setFocus()
    type_text(qtbot, total, "2302")
    qtbot.keyClick(total, Qt.Key_Return)
    women.setFocus()
    type_text(qtbot, women, "584")
    qtbot.keyClick(women, Qt.Key_Return)
    share = page.shares["LEADERS_FEMALE_PCT"].text()
    retype(qtbot, "năm trăm")
    qtbot.keyClick(women, Qt.Key_Return)
    assert women.text() == "năm trăm" and "b00020" in women.styleSheet()
    assert "không phải là số" in women.toolTip() and "không phải là số" in page.message.text()
    assert records.indicator_values(district.engine, scope)["LEADERS_FEMALE"] == 584
    assert page.shares["LEADERS_FEMALE_PCT"].text() == share  # saved values only

    asked_about_unsaved.answer = False  # "Sửa lại": printing does not start
    women.clearFocus()
    window.show_page("documents")  # leaving the page asks first, and stays
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: focused() is women)  # back in the value to fix
    assert window.navigation.currentRow() == 2
    assert window.controller.flush() is False
    assert len(asked_about_unsaved) == 2 and "không phải là số" in asked_about_unsaved[-1][0]

    asked_about_unsaved.answer = True  # "Bỏ các giá trị này": the saved value comes back
    assert window.controller.flush() is True
    assert women.text() == "584" and women.styleSheet() == "" and page.message.text() == ""


def test_unsaved_3000_never_makes_a_share(qtbot, window, district, scope):
    window.show_page("female_cadres")
    page = window.pages["female_cadres"]
    total, women = page.inputs["LEADERS_TOTAL"], page.inputs["LEADERS_FEMALE"]
    type_text(qtbot, total, "2302")
    qtbot.keyClick(total, Qt.Key_Return)
    type_text(qtbot, women, "3000")
    qtbot.keyClick(women, Qt.Key_Return)
    assert page.shares["LEADERS_FEMALE_PCT"].text() == "chưa có số liệu"  # from saved values only
    assert "(3.000) lớn hơn" in page.message.text() and "(2.302)" in page.message.text()
    assert records.indicator_values(district.engine, scope) == {"LEADERS_TOTAL": 2302}


def test_period_change_and_closing_ask_about_refused_values(qtbot, window, district, scope, asked_about_unsaved):
    page = table_page(window, "communication")
    cell = page.table.model().index(0, A.DATE)
    page.table.setCurrentIndex(cell)
    type_into_cell(qtbot, page.table, "01/09/2023")  # outside 2023H1
    enter(qtbot, focused())
    assert cell.data() == "01/09/2023" and cell.data(ErrorRole)

    asked_about_unsaved.answer = False
    window.controller.set_period("2022H1")
    assert window.controller.context.scope.period == H1 and window.period.currentData() == "2023H1"
    window.close()
    assert window.isVisible()
    assert cell.data() == "01/09/2023"

    asked_about_unsaved.answer = True
    window.controller.set_period("2022H1")
    assert window.controller.context.scope.period == Period(2022, 1)
    assert records.activity_page(district.engine, scope, 0, 1)[0]["date"] == date(2023, 3, 1)


# -- 3. undo and redo -----------------------------------------------------------------------------


def active(qtbot, window):
    """The offscreen platform does not give the window back after a message box by itself."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def undo(qtbot, window):
    qtbot.keyClick(active(qtbot, window).navigation, Qt.Key_Z, Qt.ControlModifier)


def redo(qtbot, window):
    qtbot.keyClick(active(qtbot, window).navigation, Qt.Key_Y, Qt.ControlModifier)


def test_undo_redo_of_a_cell_restores_the_database_exactly_and_is_audited(qtbot, window, district, scope):
    page = table_page(window, "communication")
    page.table.setCurrentIndex(page.table.model().index(0, A.DATE))
    edited = current_id(page)
    held = dump(district)
    type_into_cell(qtbot, page.table, "25/06/2023")
    enter(qtbot, focused())
    changed = dump(district)
    assert changed != held
    audited = len(events(district.engine, record_id=edited))
    assert window.findChild(type(window.menus["edit"].actions()[0]), "undo").text() == "Hoàn tác: sửa ô Ngày"

    undo(qtbot, window)
    assert dump(district) == held
    assert current_id(page) == edited and page.table.currentIndex().row() == 0
    redo(qtbot, window)
    assert dump(district) == changed
    assert current_id(page) == edited and page.table.currentIndex().row() == 1
    assert [e["action"] for e in events(district.engine, record_id=edited)[audited:]] == ["update", "update"]


def test_undo_redo_of_rows_added_and_deleted(qtbot, window, district, scope):
    held = dump(district)
    page = new_row(qtbot, window, "documents")
    qtbot.keyClick(focused(), Qt.Key_Escape)
    added = dump(district)
    undo(qtbot, window)
    assert dump(district) == held and page.table.model().rowCount() == 2
    redo(qtbot, window)
    assert dump(district) == added

    page = table_page(window, "communication")
    page.table.selectAll()

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Không thể hoàn tác" not in box.text()
        box.button(QMessageBox.Yes).click()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(page.table, Qt.Key_Delete)
    assert records.count_activities(district.engine, scope) == 0
    undo(qtbot, window)  # both rows in one step, ids and times as they were
    assert dump(district) == added and page.table.model().rowCount() == 2
    redo(qtbot, window)
    assert records.count_activities(district.engine, scope) == 0


def test_undo_of_figures_and_narratives_survives_a_page_switch(qtbot, window, district, scope):
    held = dump(district)
    window.show_page("violence")
    field = window.pages["violence"].inputs["GBV_VICTIMS_DETECTED"]
    field.setFocus()
    type_text(qtbot, field, "58")
    qtbot.keyClick(field, Qt.Key_Return)
    with_figure = dump(district)
    window.show_page("assessment")
    box = window.pages["assessment"].narratives["achievements"].text
    box.setFocus()
    type_text(qtbot, box, "Đạt kết quả")
    window.pages["assessment"].narratives["difficulties"].text.setFocus()  # saved on leaving
    type_text(qtbot, box, "")
    window.navigation.setFocus()
    assert records.narratives(district.engine, scope) == {"achievements": "Đạt kết quả"}

    undo(qtbot, window)
    assert dump(district) == with_figure and box.toPlainText() == ""
    undo(qtbot, window)  # the figure, on the page it was typed on
    assert dump(district) == held
    assert window.stack.currentWidget() is window.pages["violence"] and field.text() == ""
    redo(qtbot, window)
    redo(qtbot, window)
    assert records.narratives(district.engine, scope) == {"achievements": "Đạt kết quả"}
    assert records.indicator_values(district.engine, scope) == {"GBV_VICTIMS_DETECTED": 58}


def test_ctrl_z_in_a_saved_field_is_the_windows_undo(qtbot, window, district, scope):
    window.show_page("violence")
    field = window.pages["violence"].inputs["GBV_VICTIMS_DETECTED"]
    field.setFocus()
    type_text(qtbot, field, "58")
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.keyClick(field, Qt.Key_Z, Qt.ControlModifier)
    assert records.indicator_values(district.engine, scope) == {}
    assert field.text() == ""


def test_undo_in_a_locked_period_is_refused_and_changes_nothing(qtbot, window, district, scope):
    page = table_page(window, "communication")
    page.table.setCurrentIndex(page.table.model().index(0, A.TITLE))
    type_into_cell(qtbot, page.table, "Hội nghị")
    enter(qtbot, focused())
    locking.submit(district.engine, H1, "Trần Thị Lan")
    held = dump(district)
    stack = window.controller.context.history.stack
    index = stack.index()
    undo(qtbot, window)
    assert dump(district) == held and stack.index() == index
    assert "đã khóa" in window.statusBar().currentMessage()


def test_history_window_restores_one_value_and_the_restore_can_be_undone(qtbot, window, district, scope):
    from ui.safety.audit import open_audit

    page = table_page(window, "communication")
    model = page.table.model()
    page.table.setCurrentIndex(model.index(0, A.PARTICIPANTS))
    record_id = current_id(page)
    type_into_cell(qtbot, page.table, "1300")
    enter(qtbot, focused())
    page.table.setCurrentIndex(model.index(model.row_of(record_id), A.TITLE))
    type_into_cell(qtbot, page.table, "Hội nghị mới")
    enter(qtbot, focused())
    page.table.setCurrentIndex(model.index(model.row_of(record_id), A.TITLE))
    edited = dump(district)

    dialog = open_audit(window)
    qtbot.addWidget(dialog)
    assert dialog.which.currentData() == record_id
    row = next(i for i, e in enumerate(dialog.rows) if e["action"] == "update" and e["before"]["participants"] == 1250)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(row)
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    state = records.record_state(district.engine, "activity", scope, record_id)
    assert (state["participants"], state["title"]) == (1250, "Hội nghị mới")  # that value only
    assert dialog.count.text() == "Đã khôi phục. Hoàn tác: Ctrl+Z."
    assert events(district.engine, record_id=record_id)[-1]["action"] == "update"
    dialog.close()
    undo(qtbot, window)
    assert dump(district) == edited


def test_history_window_brings_back_a_deleted_document(qtbot, window, district, scope):
    from ui.safety.audit import AuditDialog

    held = dump(district)
    [first, _] = records.list_documents(district.engine, scope)
    records.delete_records(district.engine, records.CHANGE_TABLES["document"], [first.id])
    dialog = AuditDialog(district.engine, "2023H1", "883", history=window.controller.context.history)
    qtbot.addWidget(dialog)
    row = next(i for i, e in enumerate(dialog.rows) if e["action"] == "delete")
    dialog.table.selectRow(row)
    dialog.restore_selected()
    assert dump(district)["document"] == held["document"]
    assert window.pages["documents"].table.model().rowCount() == 2


def test_paste_of_many_cells_is_one_undo_step(qtbot, window, district, scope):
    page = table_page(window, "communication")
    model = page.table.model()
    page.table.setCurrentIndex(model.index(1, A.DATE))
    held = dump(district)
    QApplication.clipboard().setText(
        "02/02/2023\tTập huấn\tLớp 1\t2\n"
        "03/03/2023\tHội nghị, hội thảo\tHội nghị 2\t1\n"
        "04/04/2023\tkhong co\tLớp 3\t1\n"
    )
    qtbot.keyClick(page.table, Qt.Key_V, Qt.ControlModifier)
    rows = records.activity_page(district.engine, scope, 0, 10)
    assert [(r["date"], r["kind"], r["title"], r["sessions"]) for r in rows] == [
        (date(2023, 2, 2), "training", "Lớp 1", 2),
        (date(2023, 3, 1), "training", "Hội nghị tháng 3", 1),
        (date(2023, 3, 3), "conference", "Hội nghị 2", 1),
        (date(2023, 4, 4), "communication", "Lớp 3", 1),
    ]
    refused = model.index(model.row_of(rows[3]["id"]), A.KIND)
    assert refused.data() == "khong co" and "không có trong danh mục" in refused.data(ErrorRole)
    assert window.findChild(type(window.menus["edit"].actions()[0]), "undo").text() == "Hoàn tác: dán 12 ô"

    undo(qtbot, window)
    assert dump(district) == held


def test_undo_of_a_grid_value(qtbot, window, district, scope):
    window.show_page("grid")
    table = window.pages["grid"].table
    grid = table.model()
    row = next(r for r in range(grid.rowCount()) if grid.index(r, 0).data() == "HOTLINE_CONTACTS")
    held = dump(district)
    table.setFocus()
    table.setCurrentIndex(grid.index(row, grid.VALUE))
    type_into_cell(qtbot, table, "35")
    enter(qtbot, focused())
    assert records.indicator_values(district.engine, scope) == {"HOTLINE_CONTACTS": 35}
    undo(qtbot, window)
    assert dump(district) == held and grid.index(row, grid.VALUE).data() == ""
    assert window.stack.currentWidget() is window.pages["grid"]
