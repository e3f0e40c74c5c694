"""Translations: the English catalogue covers every tr() of ui/, keeps every placeholder, and the
window reads in English with "en" and in Vietnamese with "vi"."""

import ast
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGroupBox, QLabel, QMessageBox

from ui.common import i18n
from vstbpn_desktop.catalogue import ACTIVITY_KINDS, indicators

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "vstbpn_en.ts"
QT_VI = ROOT / "resources" / "translations" / "qt_vi.ts"

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# Vietnamese letters: đ, the vowels ă â ê ô ơ ư and every vowel with a tone mark.
VIETNAMESE = re.compile("[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)

PLACEHOLDERS = (
    re.compile(r"\{[^{}]*\}"),  # str.format fields
    re.compile(r"%(?:n|\d+)"),  # Qt's %1 … and %n
    re.compile(r"</?[a-zA-Z][^>]*>"),  # HTML tags
)


def messages(path: Path = TS) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source"), message.find("translation"))
        for context in root.findall("context")
        for message in context.findall("message")
    ]


def placeholders(text: str) -> Counter:
    found = Counter()
    for pattern in PLACEHOLDERS:
        found.update(pattern.findall(text))
    found["<newlines>"] = text.count("\n")
    found["<accelerators>"] = len(re.findall(r"&(?!&)\S", text))
    return found


def literal_tr_strings() -> tuple[set[str], list[str]]:
    """Every literal passed to tr()/translate()/QT_TR_NOOP()/QT_TRANSLATE_NOOP() in ui/ (every folder), and
    the calls whose text cannot be translated (an f-string or a string built in the call)."""
    found, broken = set(), []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            position = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, (ast.JoinedStr, ast.BinOp)):
                broken.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found, broken


def test_every_translation_is_finished_and_keeps_its_placeholders():
    entries = messages()
    assert len(entries) > 350
    problems = []
    for context, source, translation in entries:
        text = translation.text or ""
        if translation.get("type") or not text.strip():
            problems.append(f"[{context}] chưa dịch: {source!r}")
        elif placeholders(source) != placeholders(text):
            problems.append(f"[{context}] {source!r} → {text!r}: {placeholders(source)} ≠ {placeholders(text)}")
    assert not problems, "\n".join(problems)


def test_one_source_has_one_translation():
    """The .qm is looked up by source text alone (scripts/build-translations)."""
    seen: dict[str, str] = {}
    clashes = [
        source for _, source, translation in messages() if seen.setdefault(source, translation.text) != translation.text
    ]
    assert not clashes


def test_every_tr_literal_of_the_window_is_in_the_catalogue():
    in_code, broken = literal_tr_strings()
    in_ts = {source for _, source, _ in messages()}
    assert not broken, 'tr() of a built string cannot be translated: use tr("… {x}").format(x=…)\n' + "\n".join(broken)
    assert in_code - in_ts == set(), "not in vstbpn_en.ts (run scripts/build-translations and translate)"
    assert in_ts - in_code == set(), "in vstbpn_en.ts but gone from ui/ (run scripts/build-translations)"


def test_menu_accelerators_do_not_collide():
    menus = ["&Tệp", "&Sửa", "&Kỳ báo cáo", "&Báo cáo", "Đơn vị cấp &dưới", "&Công cụ", "Trợ &giúp"]
    english = {source: translation.text for _, source, translation in messages()}
    assert set(menus) <= set(english)
    for texts in (menus, [english[m] for m in menus]):
        keys = [re.search(r"&(\w)", t).group(1).lower() for t in texts]
        assert len(set(keys)) == len(keys), texts


def window_texts(window) -> dict:
    nav = window.navigation
    model = window.pages["communication"].table.model()
    return {
        "title": window.windowTitle(),
        "menus": [menu.title() for menu in window.menus.values()],
        "pages": [nav.item(i).text() for i in range(nav.count())],
        "actions": [a.text() for menu in window.menus.values() for a in menu.actions() if a.text()],
        "headers": [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())],
    }


def open_in(qtbot, district, language, code):
    from ui.app import open_window

    assert language(code) == code
    window = open_window(district)
    qtbot.addWidget(window)
    return window


def test_english_window_menus_pages_and_settings_dialog(qtbot, district, language):
    from ui.window.settings import SettingsDialog

    window = open_in(qtbot, district, language, "en")
    texts = window_texts(window)
    assert texts["title"].startswith("VSTBPN Desktop — Recording work")
    assert texts["menus"] == ["&File", "&Edit", "&Period", "&Report", "&Subordinate units", "&Tools", "&Help"]
    assert texts["pages"][:7] == [
        "Directives and coordination",
        "Communication and training",
        "Female cadres",
        "Violence prevention",
        "Assessment",
        "Directions",
        "Indicators",
    ]
    assert "Settings…" in texts["actions"] and "Print report…" in texts["actions"]
    # Qt's own texts are left alone (not turned into empty strings) by our catalogue.
    assert QApplication.translate("QLineEdit", "&Copy") == "&Copy"
    assert QApplication.translate("safety_audit", "Thời điểm") == "Time"  # a module's own context
    assert texts["headers"][:2] == ["Date", "Activity kind"]
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    for group in ("menus", "pages", "actions", "headers"):
        assert not [t for t in texts[group] if vietnamese.search(t)], group
    # Catalogue labels from the core: kinds and indicator names in English.
    grid = window.pages["grid"].table.model()
    names = {grid.data(grid.index(r, grid.NAME)) for r in range(grid.rowCount())}
    assert not [n for n in names if vietnamese.search(n or "")]
    leaders = indicators()["LEADERS_FEMALE"]
    assert leaders.name_en in names and leaders.name_vi not in names
    assert i18n.label(ACTIVITY_KINDS, "training") == "Training"

    dialog = SettingsDialog(district, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    groups = [g.title() for g in dialog.findChildren(QGroupBox)]
    assert "Data-entry officer" in groups and "Report header and signature" in groups
    buttons = [b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
    assert "Save" in buttons


def test_vietnamese_window_and_qt_buttons(qtbot, district, language):
    window = open_in(qtbot, district, language, "vi")
    texts = window_texts(window)
    assert texts["menus"] == ["&Tệp", "&Sửa", "&Kỳ báo cáo", "&Báo cáo", "Đơn vị cấp &dưới", "&Công cụ", "Trợ &giúp"]
    assert texts["pages"][0] == "Văn bản chỉ đạo và phối hợp"
    assert texts["headers"][:2] == ["Ngày", "Loại hoạt động"]
    box = QMessageBox(QMessageBox.Question, "x", "y", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    qtbot.addWidget(box)
    assert {box.button(b).text() for b in (QMessageBox.Yes, QMessageBox.No, QMessageBox.Cancel)} == {
        "&Có",
        "&Không",
        "Hủy",
    }


def test_missing_english_catalogue_falls_back_to_vietnamese(qapp, tmp_path, language):
    assert i18n.install(qapp, "en", tmp_path) == "vi"
    assert QApplication.translate("MainWindow", "&Tệp") == "&Tệp"


def test_language_comes_from_the_profile_settings(tmp_path, district):
    from vstbpn_desktop.settings import Settings

    assert i18n.language_of(None) == "vi"
    assert i18n.language_of(tmp_path / "no-profile") == "vi"
    settings = Settings.load(district.data_dir)
    settings.language = "en"
    settings.save(district.data_dir)
    assert i18n.language_of(district.data_dir) == "en"
    (district.data_dir / "settings.json").write_text("{broken", encoding="utf-8")
    assert i18n.language_of(district.data_dir) == "vi"


def shown_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every text a person can see or hover on `root` and its children: titles,
    labels, buttons, placeholders, tooltips, status tips, combo and list items, table headers, actions
    and menus (also the hidden pages' widgets)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox, QListWidget, QTableView, QWidget

    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        for getter in ("windowTitle", "toolTip", "statusTip", "whatsThis", "text", "placeholderText", "title"):
            method = getattr(widget, getter, None)
            try:
                text = method() if callable(method) else None
            except TypeError:
                continue
            if isinstance(text, str) and text:
                found.append((f"{where}.{getter}", text))
        if isinstance(widget, QComboBox):
            found += [(f"{where}.item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            found += [(f"{where}.item", widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for role in (Qt.DisplayRole, Qt.ToolTipRole):
                found += [
                    (f"{where}.header", str(model.headerData(c, Qt.Horizontal, role)))
                    for c in range(model.columnCount())
                    if model.headerData(c, Qt.Horizontal, role)
                ]
    for action in root.findChildren(QAction):
        for getter in ("text", "toolTip", "statusTip", "iconText"):
            if getattr(action, getter)():
                found.append((f"QAction#{action.objectName()}.{getter}", getattr(action, getter)()))
    return found


def test_every_text_of_the_english_window_is_english(qtbot, province, language):
    """Menus, actions, pages, labels, buttons, tooltips, headers, the period picker, the status bar and
    the locked-period banner under "en": no Vietnamese letter outside the officer's own data."""
    import ui.safety.lock
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.periods import Period
    from vstbpn_desktop.safety.locking import submit

    load_demo(province)
    window = open_in(qtbot, province, language, "en")
    window.controller.set_period("2023H2")
    window.controller.set_period("2023H1")
    status = window.statusBar().currentMessage()
    assert status.startswith("Viewing period") and status.endswith("first half of 2023")
    submit(province.engine, Period(2023, 1), province.author)
    ui.safety.lock.refresh(window)
    assert window.banner.text().startswith("Period 2023H1 was locked by")
    for key in window.pages:
        window.show_page(key)
    # Data, not the window's words: org-unit names (the profile's and every child's), the officer,
    # and the language names of the settings' choice.
    units = [province.org_unit(code).name for code in province.units_below()]
    data = [province.org_unit().name, province.author, *units]
    texts = shown_texts(window) + [("statusBar", status), ("menu", window.menuBar().actions()[0].text())]
    left = [
        (where, text)
        for where, text in texts
        if VIETNAMESE.search(text) and not any(name and name in text for name in data)
    ]
    assert left == []
    assert len(texts) > 150


def test_every_text_of_the_english_dialogs_is_english(qtbot, district, language):
    """The dialogs a person opens from the menus, in English: settings (with the note that printed
    reports stay Vietnamese), history, backups, about, the guide's title and note, reopen, return for
    correction, the report options. Allowed: the settings' values and unit names (data)."""
    from datetime import datetime

    from ui.bundle.correction import ReturnDialog
    from ui.report import printing as report_print
    from ui.report.printing import OptionsDialog
    from ui.safety.audit import AuditDialog
    from ui.safety.backups import BackupsDialog
    from ui.safety.lock import ReopenDialog, when_text
    from ui.window.about import AboutDialog, GuideDialog
    from ui.window.settings import SettingsDialog
    from vstbpn_desktop.periods import Period

    window = open_in(qtbot, district, language, "en")
    settings = district.settings
    dialogs = {
        "settings": SettingsDialog(district, window),
        "history": AuditDialog(district.engine, "2023H1", district.org_unit_code),
        "backups": BackupsDialog(window),
        "about": AboutDialog(district, window),
        "guide": GuideDialog(window),
        "reopen": ReopenDialog("2023H1", district.author, when_text(datetime(2023, 7, 2, 8, 30)), window),
        "return": ReturnDialog("2023H1", [("88301", "Phường Mỹ Bình")], window),
        "options": OptionsDialog(window, Period(2023, 1), report_print.tr("In báo cáo"), settings),
    }
    data = [value for value in vars(settings).values() if isinstance(value, str) and value]
    data += [line for line in settings.recipients.splitlines() if line]
    data += [district.org_unit().name, "Phường Mỹ Bình", "Tiếng Việt"]
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        left = [
            (where, text)
            for where, text in shown_texts(dialog)
            if VIETNAMESE.search(text) and not any(value in text for value in data)
        ]
        assert left == [], name
    notes = [label.text() for label in dialogs["settings"].findChildren(QLabel)]
    assert "Printed reports always use the official Vietnamese form (Decree 30/2020)." in notes
    assert dialogs["guide"].windowTitle() == "User guide"
    assert (
        dialogs["guide"].findChild(QLabel, "guideLanguage").text() == "The user guide is available in Vietnamese only."
    )
    assert (
        "8:30" in dialogs["reopen"].findChildren(QLabel)[0].text()
        or "08:30" in dialogs["reopen"].findChildren(QLabel)[0].text()
    )


# -- numbers and dates follow the window's language (formats.py with the language) -------------


def shown_in(qtbot, province, language, code):
    """The demo's province in a shown window (the grid computes its figures when shown)."""
    from vstbpn_desktop.demo import load_demo

    load_demo(province)
    window = open_in(qtbot, province, language, code)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def grid_cell(window, code: str, column: int):
    grid = window.pages["grid"].table.model()
    row = next(r for r in range(grid.rowCount()) if grid.index(r, grid.CODE).data() == code)
    return grid.index(row, column)


def edit_cell(qtbot, table, index, text: str) -> None:
    """Open the cell's editor with F2, replace its text, commit with Enter (as a person does)."""
    from test_ui_window import enter, type_text

    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, editor, text)
    enter(qtbot, editor)


def test_english_window_shows_and_reads_numbers_the_english_way(qtbot, province, language):
    """Totals, the indicator grid, the figure pages and the table cells in English: "25,120",
    "25.37 %"; "1,849" typed into a figure field and "1,234" into a grid cell are read as
    thousands; Qt's own widgets use British English (dates stay dd/mm/yyyy)."""
    from PySide6.QtCore import QDate, QLocale
    from PySide6.QtWidgets import QDateEdit
    from test_ui_window import type_text

    from ui.entry.models import ActivityTableModel
    from vstbpn_desktop import records

    window = shown_in(qtbot, province, language, "en")
    scope = window.controller.context.scope
    assert scope.period.code == "2023H1"
    assert QLocale().name() == "en_GB"
    assert QDateEdit(QDate(2023, 2, 2)).text() == "02/02/2023"

    totals = {key: label.text() for key, label in window.pages["communication"].totals.items()}
    # The list's totals: the province's own events (its 780 sessions are typed, for the whole province).
    assert (totals["sessions"], totals["participants"], totals["female"]) == (
        "Sessions: 20",
        "Participants: 1,483",
        "Women: 891",
    )
    activities = window.pages["communication"].table.model()
    shown = [activities.index(r, ActivityTableModel.PARTICIPANTS).data() for r in range(activities.rowCount())]
    assert shown and not any("." in text for text in shown), shown  # thousands: the grid's 25,120 below

    window.show_page("grid")
    assert grid_cell(window, "LEADERS_TOTAL", 3).data() == "2,302"
    assert grid_cell(window, "COMM_PARTICIPANTS", 3).data() == "25,120"
    assert grid_cell(window, "LEADERS_FEMALE_PCT", 3).data() == "25.36 %"  # the demo truncates, as the sample
    assert grid_cell(window, "COMM_SESSIONS", 3).data() == "780"
    assert grid_cell(window, "GBV_VICTIMS_SUPPORTED_PCT", 3).data() == "no data yet"  # the sample has none
    assert grid_cell(window, "GBV_VICTIMS_SUPPORTED_PCT", 4).data() == "80 %"

    window.show_page("female_cadres")
    cadres = window.pages["female_cadres"]
    total = cadres.inputs["LEADERS_TOTAL"]
    assert total.text() == "2,302"
    assert cadres.shares["LEADERS_FEMALE_PCT"].text().startswith("25.36 %")
    total.setFocus()
    qtbot.keyClick(total, Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, total, "1,849")
    assert cadres.shares["LEADERS_FEMALE_PCT"].text().startswith("25.36 %")  # saved values only
    qtbot.keyClick(total, Qt.Key_Return)
    assert cadres.shares["LEADERS_FEMALE_PCT"].text().startswith("31.58 %")  # 584 / 1849
    assert cadres.message.text() == ""
    assert records.indicator_values(province.engine, scope)["LEADERS_TOTAL"] == 1849
    assert total.text() == "1,849"

    # A grid cell: "1,234" is one thousand two hundred and thirty-four; "12.5" keeps its decimals.
    window.show_page("grid")
    table = window.pages["grid"].table
    edit_cell(qtbot, table, grid_cell(window, "HOTLINE_CONTACTS", 3), "1,234")
    assert window.pages["grid"].message.text() == ""
    assert records.indicator_values(province.engine, scope)["HOTLINE_CONTACTS"] == 1234
    assert grid_cell(window, "HOTLINE_CONTACTS", 3).data() == "1,234"
    edit_cell(qtbot, table, grid_cell(window, "HOTLINE_CONTACTS", 3), "12.5")
    assert records.indicator_values(province.engine, scope)["HOTLINE_CONTACTS"] == 12.5
    assert grid_cell(window, "HOTLINE_CONTACTS", 3).data() == "12.5"
    edit_cell(qtbot, table, grid_cell(window, "HOTLINE_CONTACTS", 3), "many")
    assert "'many' is not a number" in window.pages["grid"].message.text()
    assert records.indicator_values(province.engine, scope)["HOTLINE_CONTACTS"] == 12.5

    # An activity's cell: "2,302" participants.
    window.show_page("communication")
    first = activities.index(0, ActivityTableModel.PARTICIPANTS)
    record_id = first.data(Qt.UserRole + 1)
    edit_cell(qtbot, window.pages["communication"].table, first, "2,302")
    assert window.pages["communication"].message.text() == ""
    [row] = [r for r in records.activity_page(province.engine, scope, 0, 500) if r["id"] == record_id]
    assert row["participants"] == 2302


def test_vietnamese_window_keeps_the_vietnamese_forms(qtbot, province, language):
    from PySide6.QtCore import QLocale

    from vstbpn_desktop import records

    window = shown_in(qtbot, province, language, "vi")
    assert QLocale().name() == "vi_VN"
    totals = window.pages["communication"].totals
    assert totals["participants"].text() == "Lượt người: 1.483"
    window.show_page("grid")
    assert grid_cell(window, "LEADERS_TOTAL", 3).data() == "2.302"
    assert grid_cell(window, "LEADERS_FEMALE_PCT", 3).data() == "25,36 %"  # the demo truncates, as the sample
    edit_cell(qtbot, window.pages["grid"].table, grid_cell(window, "HOTLINE_CONTACTS", 3), "1.234")
    assert records.indicator_values(province.engine, window.controller.context.scope)["HOTLINE_CONTACTS"] == 1234
    assert grid_cell(window, "HOTLINE_CONTACTS", 3).data() == "1.234"
    edit_cell(qtbot, window.pages["grid"].table, grid_cell(window, "HOTLINE_CONTACTS", 3), "12,5")
    assert records.indicator_values(province.engine, window.controller.context.scope)["HOTLINE_CONTACTS"] == 12.5


def test_the_window_writes_numbers_only_through_i18n():
    """ui/ shows numbers and dates in its language: the formats functions are called by ui/common/i18n.py
    alone (round_share is no form)."""
    forms = re.compile(r"\b(format_count|format_number|format_percent|format_date|format_long_date|parse_number)\b")
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path == ROOT / "ui" / "common" / "i18n.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if forms.search(line.replace("i18n.parse_number", "")):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize("code", ["en", "vi"])
def test_every_column_of_the_record_tables_is_as_wide_as_its_header(qtbot, district, language, code):
    """English headers are longer ("Number and symbol"): no header of the pages' tables is cut."""
    window = open_in(qtbot, district, language, code)
    for key in ("documents", "communication", "grid"):
        window.show_page(key)
        table = window.pages[key].table
        header = table.horizontalHeader()
        last = table.model().columnCount() - 1
        for column in range(last):  # the last one stretches
            if header.sectionResizeMode(column) != header.ResizeMode.Stretch:
                assert header.sectionSize(column) >= header.sectionSizeHint(column), (
                    key,
                    table.model().headerData(column, Qt.Horizontal),
                )
