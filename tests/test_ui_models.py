"""Table models without a window: qtmodeltester, display forms, lazy loading of 100.000 rows."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from ui.entry.models import ActivityTableModel, DocumentTableModel, ErrorRole, IdRole, IndicatorTableModel, RecordRole
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.records import Scope
from vstbpn_desktop.text import fold

SAMPLE = Period(2023, 1)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def sample(province_demo_cli):
    province = Profile.open(province_demo_cli.data_dir)
    yield province, Scope(province.org_unit_code, SAMPLE)
    province.close()


def test_activity_model_passes_qtmodeltester(qtmodeltester, sample):
    profile, scope = sample
    model = ActivityTableModel(profile.engine, scope)
    assert model.rowCount() == 12
    qtmodeltester.check(model, force_py=True)


def test_document_model_passes_qtmodeltester_and_shows_vietnamese_forms(qtmodeltester, sample):
    profile, scope = sample
    model = DocumentTableModel(profile.engine, scope)
    qtmodeltester.check(model, force_py=True)
    rows = {model.index(r, model.NUMBER).data(): r for r in range(model.rowCount())}
    row = rows["58/KH-UBND"]
    assert model.index(row, model.DATE).data() == "02/02/2023"
    assert model.index(row, model.KIND).data() == "Kế hoạch"
    assert model.index(row, model.KIND).data(Qt.EditRole) == "plan"
    assert model.headerData(model.TITLE, Qt.Horizontal) == "Trích yếu"
    assert model.index(row, 0).data(RecordRole)["issuer"] == "UBND tỉnh An Giang"


def test_indicator_model_passes_qtmodeltester_and_shows_shares_with_targets(qtmodeltester, sample):
    profile, scope = sample
    model = IndicatorTableModel(profile.engine, scope, rounding="truncate")
    qtmodeltester.check(model, force_py=True)
    rows = {model.index(r, 0).data(IdRole): r for r in range(model.rowCount())}
    assert model.index(rows["LEADERS_TOTAL"], model.VALUE).data() == "2.302"
    # The sample report truncates: 584 / 2.302 = 25,369… → 25,36 %.
    assert model.index(rows["LEADERS_FEMALE_PCT"], model.VALUE).data() == "25,36 %"
    assert model.index(rows["COMM_SESSIONS"], model.VALUE).data() == "780"


YEARLY = {"KEYLEADER_UNITS_TOTAL", "KEYLEADER_UNITS_FEMALE", "KEYLEADER_UNITS_FEMALE_PCT", "POPULATION_TOTAL"}


def grid_rows(model) -> dict[str, int]:
    return {model.index(r, 0).data(IdRole): r for r in range(model.rowCount())}


def test_indicator_model_asks_yearly_indicators_in_the_year_only(qtmodeltester, sample):
    """Issue #16: a yearly indicator (catalogue `frequency` "year") is a row of the year's period, not
    of a half-year, as on the figures pages (catalogue.not_asked), unless the half holds a value."""
    profile, scope = sample
    year = Scope(scope.org_unit_code, Period(2023))
    model = IndicatorTableModel(profile.engine, year, rounding="truncate")
    qtmodeltester.check(model, force_py=True)
    rows = grid_rows(model)
    assert set(rows) >= YEARLY
    # The sample has no local-government figures: no share, so no verdict beside its target.
    assert model.index(rows["KEYLEADER_UNITS_FEMALE_PCT"], model.VALUE).data() == "chưa có số liệu"
    assert model.index(rows["KEYLEADER_UNITS_FEMALE_PCT"], model.TARGET_2025).data() == "60 %"
    assert model.index(rows["KEYLEADER_UNITS_FEMALE_PCT"], model.TARGET_2030).data() == "75 %"

    model.set_scope(scope)
    rows = grid_rows(model)
    assert not YEARLY & set(rows)
    assert {"LEADERS_TOTAL", "LEADERS_FEMALE_PCT", "COMM_SESSIONS"} <= set(rows)

    # A value held in the half (typed before, or from a bundle) shows its row there; the share stays
    # hidden while its other part is not asked.
    records.set_indicator_values(profile.engine, scope, {"KEYLEADER_UNITS_TOTAL": 12}, "test")
    model.set_scope(scope)
    rows = grid_rows(model)
    assert "KEYLEADER_UNITS_TOTAL" in rows and "KEYLEADER_UNITS_FEMALE_PCT" not in rows
    assert model.index(rows["KEYLEADER_UNITS_TOTAL"], model.VALUE).data() == "12"

    # Loaded later (the window builds the grid without figures, then reloads when it is shown): the
    # held value's row is added then; clearing it keeps the row until the period changes.
    model.set_scope(scope, load=False)
    assert "KEYLEADER_UNITS_TOTAL" not in grid_rows(model)
    model.reload()
    row = grid_rows(model)["KEYLEADER_UNITS_TOTAL"]
    assert model.setData(model.index(row, model.VALUE), "") is True
    assert "KEYLEADER_UNITS_TOTAL" not in records.indicator_values(profile.engine, scope)
    assert grid_rows(model)["KEYLEADER_UNITS_TOTAL"] == row
    model.set_scope(scope)
    assert "KEYLEADER_UNITS_TOTAL" not in grid_rows(model)


def test_indicator_model_shows_a_retired_indicator_read_only_where_a_value_is_held(sample, tmp_path):
    """A retired indicator (catalogue import "retire") is no row of a period without its value, and a
    read-only row where the period holds one (as on the figures pages)."""
    from vstbpn_desktop.bundle.config import import_catalogue

    profile, scope = sample
    retire = tmp_path / "retire.json"
    retire.write_text('{"retire": ["LEADERS_FEMALE", "MEDIA_ITEMS"]}', encoding="utf-8")
    import_catalogue(profile, retire)
    assert "LEADERS_FEMALE" in records.indicator_values(profile.engine, scope)
    model = IndicatorTableModel(profile.engine, scope)
    rows = grid_rows(model)
    assert "MEDIA_ITEMS" not in rows  # derived, never held: gone from entry
    cell = model.index(rows["LEADERS_FEMALE"], model.VALUE)
    assert cell.data() and not (model.flags(cell) & Qt.ItemIsEditable)
    assert model.flags(model.index(rows["LEADERS_TOTAL"], model.VALUE)) & Qt.ItemIsEditable
    assert model.index(rows["LEADERS_FEMALE_PCT"], model.VALUE).data() == "25,37 %"  # its part is held
    model.set_scope(Scope(scope.org_unit_code, Period(2022, 2)))
    assert "LEADERS_FEMALE" not in grid_rows(model)


def test_indicator_model_refuses_women_above_total_and_keeps_value(qtbot, sample):
    profile, scope = sample
    model = IndicatorTableModel(profile.engine, scope)
    rows = {model.index(r, 0).data(IdRole): r for r in range(model.rowCount())}
    cell = model.index(rows["LEADERS_FEMALE"], model.VALUE)
    with qtbot.waitSignal(model.refused) as blocker:
        assert model.setData(cell, "3000") is False
    assert "lớn hơn tổng số cán bộ lãnh đạo" in blocker.args[1]
    assert cell.data() == "3000"  # kept where it was typed, red, not saved
    assert "lớn hơn" in cell.data(ErrorRole) and cell.data(Qt.BackgroundRole) is not None
    assert model.pending() == [cell.data(ErrorRole)]
    assert records.indicator_values(profile.engine, scope)["LEADERS_FEMALE"] == 584
    assert model.setData(cell, "600") is True
    assert cell.data(ErrorRole) is None
    assert records.indicator_values(profile.engine, scope)["LEADERS_FEMALE"] == 600


def test_activity_model_refuses_date_outside_period(qtbot, sample):
    profile, scope = sample
    model = ActivityTableModel(profile.engine, scope)
    cell = model.index(0, model.DATE)
    before = cell.data()
    with qtbot.waitSignal(model.refused) as blocker:
        assert model.setData(cell, "15/08/2023") is False
    assert blocker.args[1].startswith("Ngày 15/08/2023 nằm ngoài kỳ 2023H1")  # the date named once
    assert cell.data() == "15/08/2023" and cell.data(Qt.BackgroundRole) is not None  # kept, red
    assert model.index(0, model.TITLE).data(Qt.BackgroundRole) is None
    assert records.activity_page(profile.engine, scope, 0, 1)[0]["date"].strftime("%d/%m/%Y") == before
    model.discard_pending()
    assert cell.data() == before and model.pending() == []


def many_activities(count: int) -> list[dict]:
    start = SAMPLE.start
    rows = []
    for i in range(count):
        title = f"Tuyên truyền bình đẳng giới số {i}"
        place = "Long Xuyên" if i % 1000 == 0 else "Mỹ Bình"
        rows.append(
            {
                "date": start + timedelta(days=i % 181),
                "kind": "communication",
                "title": title,
                "sessions": 1,
                "participants": 30,
                "female_participants": 18,
                "place": place,
                "notes": "",
                "search_text": fold(f"{title} {place} "),
            }
        )
    return rows


def test_hundred_thousand_activities_load_lazily(qtbot, district, monkeypatch):
    with district.engine.begin() as connection:
        records.insert_clean(connection, district.org_unit_code, "test", activities=many_activities(100_000))
    scope = Scope(district.org_unit_code, SAMPLE)
    model = ActivityTableModel(district.engine, scope)
    assert model.rowCount() == 100_000
    assert model.cached_rows == model.PAGE_SIZE  # the first page is read with the count, nothing more
    assert model.index(0, model.DATE).data() == "01/01/2023"
    assert model.cached_rows == model.PAGE_SIZE
    # The roles a paint asks for that a record table does not answer read no page.
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole):
        assert model.index(50_000, model.TITLE).data(role) is None
    assert model.cached_rows == model.PAGE_SIZE
    assert model.index(99_999, model.PARTICIPANTS).data() == "30"
    for row in range(0, model.PAGE_SIZE * (model.MAX_PAGES + 4), model.PAGE_SIZE):
        model.index(row, model.TITLE).data()
    assert model.cached_rows <= model.PAGE_SIZE * model.MAX_PAGES
    model.set_search("long xuyen")
    assert model.rowCount() == 100
    assert model.index(0, model.PLACE).data() == "Long Xuyên"

    # The window opens on it, on the period with data, with only the first page read.
    from ui.app import open_window

    window = open_window(district)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    table_model = window.pages["communication"].table.model()
    assert window.period.currentData() == "2023H1"
    assert table_model.rowCount() == 100_000
    assert table_model.cached_rows <= table_model.PAGE_SIZE  # only the first page, read with the count
    window.show_page("communication")
    qtbot.waitUntil(lambda: table_model.cached_rows > 0)
    assert table_model.cached_rows <= table_model.PAGE_SIZE * 2
    assert window.pages["communication"].count_label.text() == "Số hoạt động: 100.000"
    # 100.000 activities: the totals are summed off the GUI thread and shown when they come.
    qtbot.waitUntil(
        lambda: window.pages["communication"].totals["participants"].text() == "Lượt người: 3.000.000",
        timeout=60_000,  # a safety net only: the sum of 100,000 rows on a loaded machine
    )
    # Scrolled to the bottom, the table reads the last page (the rows it paints) and none between.
    pages_read = []
    read_page = records.activity_page

    def spy(engine, scope, offset, limit, **options):
        pages_read.append(offset)
        return read_page(engine, scope, offset, limit, **options)

    monkeypatch.setattr(records, "activity_page", spy)
    table = window.pages["communication"].table
    table.scrollToBottom()
    last_page = 99_999 // table_model.PAGE_SIZE * table_model.PAGE_SIZE
    qtbot.waitUntil(lambda: last_page in pages_read)
    assert table.rowAt(table.viewport().height() - 1) == 99_999  # the last row is the one shown at the bottom
    assert min(pages_read) >= last_page - table_model.PAGE_SIZE, pages_read
    assert table_model.cached_rows <= table_model.PAGE_SIZE * table_model.MAX_PAGES
    window.close()
