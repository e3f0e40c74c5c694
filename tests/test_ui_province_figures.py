"""Issue 15, the window's figures pages: a district that received the province's configuration
(a real `.vstc`: the province's `catalogue import`, `config export`, the district's `config import`)
finds the province's own indicator on its section's page — its unit, its comment button — types a
value and saves it; the province's target shows under the national one, with its decision; a later
configuration that retires the indicator hides it from a new period, while the old period keeps
its value, read-only. The pages are built again without a restart, and what was typed is saved
first."""

import json

import pytest
from conftest import PROVINCE_INDICATOR, ok, shown_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from ui.bundle import config as ui_config
from ui.common import ask
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
DECISION = "Quyết định số 238/QĐ-UBND"
SHELTERS = PROVINCE_INDICATOR  # section "violence": on the page "violence"
MENTORS = {
    "code": "AG_MENTORS",
    "kind": "count",
    "section": "female_cadres",
    "name_vi": "Số cán bộ nữ được kèm cặp",
    "name_en": "Women cadres mentored",
    "unit_vi": "người",
    "unit_en": "people",
    "dimensions": ["sex"],
}
FIRST = {
    "indicators": [SHELTERS, MENTORS],
    "targets": [{"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": 30, "decision": DECISION}],
}


def configuration(province, tmp_path, name: str, catalogue: dict):
    """The province imports `catalogue` and writes its configuration file `name`.vstc."""
    (tmp_path / f"{name}.json").write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    ok(province, "catalogue", "import", tmp_path / f"{name}.json")
    ok(province, "config", "export", "--out", tmp_path / f"{name}.vstc")
    return tmp_path / f"{name}.vstc"


def receive(window, path) -> None:
    """Tệp → Cấu hình từ tỉnh… → Nhận tệp cấu hình…, the changes accepted."""
    dialog = ui_config.open_received(window)
    try:
        assert dialog.receive(path)
    finally:
        dialog.close()


def typed(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def values(profile, period: str) -> dict[str, float]:
    return records.indicator_values(profile.engine, Scope(profile.org_unit_code, Period.parse(period)))


@pytest.fixture
def answered(monkeypatch):
    monkeypatch.setattr(ask, "confirm", lambda parent, title, text, yes_text: True)


def test_a_province_indicator_is_entered_on_its_page_after_a_configuration(qtbot, steered, tmp_path, answered):
    province, district = steered
    first = configuration(province, tmp_path, "c1", FIRST)
    profile = Profile.open(district.data_dir)
    window = shown_window(qtbot, profile, "2023H1")
    try:
        violence, cadres = window.pages["violence"], window.pages["female_cadres"]
        assert "AG_SHELTERS" not in violence.inputs
        assert cadres.province_goals["LEADERS_FEMALE_PCT"].isHidden()
        # Typed, not yet saved (no Enter): saved before the configuration is applied, not lost.
        typed(qtbot, cadres.inputs["LEADERS_TOTAL"], "100")
        receive(window, first)
        assert values(profile, "2023H1") == {"LEADERS_TOTAL": 100}

        # Without a restart: the field on its section's page, named with its unit, its comment button.
        assert window.pages["violence"] is violence and "AG_SHELTERS" in violence.inputs
        row = violence.form_rows["AG_SHELTERS"]
        label = violence.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        assert label.text() == "Số địa chỉ tin cậy ở cộng đồng (địa chỉ):"
        assert violence.details["AG_SHELTERS"].text() == "Ghi chú…"
        assert cadres.details["AG_MENTORS"].text() == "Phân tổ, ghi chú…"
        window.show_page("violence")
        shelters = violence.inputs["AG_SHELTERS"]
        assert shelters.isVisible() and not shelters.isReadOnly()
        typed(qtbot, shelters, "12")
        qtbot.keyClick(shelters, Qt.Key.Key_Return)
        assert values(profile, "2023H1") == {"LEADERS_TOTAL": 100, "AG_SHELTERS": 12}
        assert window.statusBar().currentMessage() == "Đã lưu Số địa chỉ tin cậy ở cộng đồng"
        # Its comment, through the same dialog as any other figure.
        dialog = window.controller.figures[1].open_detail("AG_SHELTERS")
        assert dialog is not None and dialog.grid is None
        dialog.comment.setPlainText("Theo báo cáo của Hội LHPN huyện")
        dialog.save_requested.emit(dialog.typed())
        assert violence.detail_states["AG_SHELTERS"].text() == "có ghi chú"
        # A province's indicator with a breakdown: its cells, the total their sum.
        dialog = window.controller.figures[0].open_detail("AG_MENTORS")
        assert dialog is not None and dialog.grid is not None
        dialog.unknown.setChecked(False)
        dialog.grid.item(0, 0).setText("3")
        dialog.grid.item(1, 0).setText("4")
        dialog.save_requested.emit(dialog.typed())
        assert values(profile, "2023H1")["AG_MENTORS"] == 7
        assert cadres.inputs["AG_MENTORS"].text() == "7" and cadres.inputs["AG_MENTORS"].isReadOnly()

        # The province's target under the national one, judged as the report judges it.
        window.show_page("female_cadres")
        goal = cadres.province_goals["LEADERS_FEMALE_PCT"]
        assert goal.isVisible() and goal.text() == f"mục tiêu của tỉnh năm 2023 là 30 % ({DECISION})"
        typed(qtbot, cadres.inputs["LEADERS_FEMALE"], "27")
        qtbot.keyClick(cadres.inputs["LEADERS_FEMALE"], Qt.Key.Key_Return)
        assert cadres.shares["LEADERS_FEMALE_PCT"].text() == "27,00 %"
        assert goal.text() == f"mục tiêu của tỉnh năm 2023 là 30 % ({DECISION}): chưa đạt"
        assert "#b00020" in goal.styleSheet()
        assert cadres.goals["LEADERS_FEMALE_PCT"].text() == ""  # no national target
        # The grid: the province's column, with the decision as its tooltip.
        grid = window.controller.grid.model
        window.show_page("grid")
        row = next(r for r in range(grid.rowCount()) if grid.index(r, grid.CODE).data() == "LEADERS_FEMALE_PCT")
        assert grid.index(row, grid.PROVINCE_TARGET).data() == "30 % · chưa đạt"
        assert DECISION in grid.index(row, grid.PROVINCE_TARGET).data(Qt.ItemDataRole.ToolTipRole)
        assert not window.pages["grid"].table.isColumnHidden(grid.PROVINCE_TARGET)

        # The province retires its indicator and drops its target: hidden from a new period,
        # shown read-only where the old period holds its value.
        retire = {
            "retire": ["AG_SHELTERS"],
            "targets": [{"indicator": "LEADERS_FEMALE_PCT", "year": 2023, "target": None}],
        }
        second = configuration(province, tmp_path, "c2", FIRST | retire)
        window.show_page("violence")
        receive(window, second)
        assert violence.inputs["AG_SHELTERS"].isVisible() and violence.inputs["AG_SHELTERS"].isReadOnly()
        assert violence.inputs["AG_SHELTERS"].text() == "12"
        assert cadres.province_goals["LEADERS_FEMALE_PCT"].isHidden()
        window.controller.set_period("2023H2")
        assert violence.inputs["AG_SHELTERS"].isHidden()
        assert not violence.inputs[violence.carrier].isHidden() and violence.carrier != "AG_SHELTERS"
        window.controller.set_period("2023H1")
        assert violence.inputs["AG_SHELTERS"].isVisible() and violence.inputs["AG_SHELTERS"].text() == "12"
        assert values(profile, "2023H1")["AG_SHELTERS"] == 12
        window.show_page("grid")
        assert window.pages["grid"].table.isColumnHidden(grid.PROVINCE_TARGET)
        # The grid follows the pages (catalogue.not_asked): the retired row read-only where its value is held.
        codes = [grid.index(r, grid.CODE).data() for r in range(grid.rowCount())]
        assert "AG_MENTORS" in codes and "AG_SHELTERS" in codes
        cell = grid.index(codes.index("AG_SHELTERS"), grid.VALUE)
        assert cell.data() == "12" and not grid.flags(cell) & Qt.ItemFlag.ItemIsEditable
        window.controller.set_period("2023H2")
        codes = [grid.index(r, grid.CODE).data() for r in range(grid.rowCount())]
        assert "AG_MENTORS" in codes and "AG_SHELTERS" not in codes
    finally:
        window.close()
        profile.close()


def test_the_window_built_before_the_profile_opens_shows_the_province_indicator(qtbot, steered, tmp_path):
    """The frame is shown before the profile opens (ui/app.py): its pages come from the shipped
    catalogue, then from the profile's once it is open."""
    from ui.app import open_window
    from ui.window.main_window import MainWindow
    from vstbpn_desktop.catalogue import install_catalogue

    province, district = steered
    ok(district, "config", "import", configuration(province, tmp_path, "c1", FIRST))
    install_catalogue(None)  # a new process: the shipped catalogue until the profile opens
    frame = MainWindow()
    assert "AG_SHELTERS" not in frame.pages["violence"].inputs
    profile = Profile.open(district.data_dir)
    try:
        window = open_window(profile, frame)
        qtbot.addWidget(window)
        window.show()
        window.controller.set_period("2023H1")
        window.show_page("violence")
        assert window.pages["violence"].inputs["AG_SHELTERS"].isVisible()
        goal = window.pages["female_cadres"].province_goals["LEADERS_FEMALE_PCT"]
        assert goal.text() == f"mục tiêu của tỉnh năm 2023 là 30 % ({DECISION})"
        window.close()
    finally:
        profile.close()
