"""First run: choose the window's language, the unit, name the officer, set the passphrase of the
signing key, and (a unit below a province or a district) pin the parent's public key file, its
fingerprint compared by phone, enrolled with the profile in one step (Profile.create, parent_key).
The language applies at once (ui/common/i18n.install; every text of the dialog is set again on
QEvent.LanguageChange, what was typed and chosen stays) and is saved into the new profile's settings,
so the main window opens in it right after."""

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vstbpn_desktop.bundle.keys import PublicKeyInfo, read_public_key_file
from vstbpn_desktop.bundle.trust import parent_key_problem
from vstbpn_desktop.catalogue.org_units import read_tree, shipped_trees
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.text import fold

from ..common import ask, i18n, screen
from ..common.fingerprint import fingerprint_label, fingerprint_lines
from ..common.i18n import QT_TR_NOOP
from ..common.worker import run_task
from ..entry.widgets import MessageLabel

MIN_PASSPHRASE = 8
TREE_LABELS = {
    "an-giang-2023": QT_TR_NOOP("An Giang trước 1/7/2025"),
    "an-giang-2025": QT_TR_NOOP("An Giang từ 1/7/2025"),
}
# The kinds of org_units.UNIT_TYPES, translatable (the catalogue's own are Vietnamese).
UNIT_KINDS = {
    "province": QT_TR_NOOP("tỉnh"),
    "city": QT_TR_NOOP("thành phố"),
    "district": QT_TR_NOOP("huyện"),
    "town": QT_TR_NOOP("thị xã"),
    "commune": QT_TR_NOOP("xã"),
    "ward": QT_TR_NOOP("phường"),
    "township": QT_TR_NOOP("thị trấn"),
    "special_zone": QT_TR_NOOP("đặc khu"),
}
# Each language in its own name: the officer finds hers whichever is showing.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))


def tr(text: str) -> str:
    return QCoreApplication.translate("first_run", text)


@dataclass
class UnitChoice:
    code: str
    name: str
    type: str
    tree: str
    folded: str
    parent: str | None = None  # the parent unit's code, in the same tree
    parent_name: str = ""


def unit_choices() -> list[UnitChoice]:
    """Every unit of the shipped trees: no database exists yet, so they are read from the files."""
    choices = []
    for path in shipped_trees():
        rows = read_tree(path)
        names = {row.code: row.name for row in rows}
        for row in rows:
            folded = fold(f"{row.name} {row.code}")
            parent_name = names.get(row.parent_code, "") if row.parent_code else ""
            choices.append(UnitChoice(row.code, row.name, row.type, row.tree, folded, row.parent_code, parent_name))
    return choices


def passphrase_strength(text: str) -> int:
    """0 (too short) to 3 (strong): length and variety of characters."""
    if len(text) < MIN_PASSPHRASE:
        return 0
    variety = sum(
        bool(check)
        for check in (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    score = 1 + (len(text) >= 12) + (variety >= 3)
    return min(score, 3)


class FirstRunDialog(QDialog):
    """View and its small controller: the form is checked here, the profile made by the core.
    `translations`: the folder of the .qm files (tests; default resources/translations)."""

    def __init__(self, data_dir, parent=None, translations=None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.translations = translations
        self.profile = None
        self.problems_shown = False  # the last "Tạo hồ sơ" found problems: they follow the language
        screen.fit(self, 640, 660)
        layout = QVBoxLayout(self)

        # The language first, in both languages: whoever opens the program can read it.
        top = QHBoxLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.language()), 0))
        language_label = QLabel("&Ngôn ngữ / Language:")
        language_label.setBuddy(self.language)
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        layout.addLayout(top)
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #555;")
        layout.addWidget(self.language_note)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.search = QLineEdit()
        self.search.setObjectName("unitSearch")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.units = QListWidget()
        self.units.setObjectName("units")
        self.choices = unit_choices()
        for choice in self.choices:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, choice.tree)
            self.units.addItem(item)
        self.units.setMinimumHeight(self.units.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.units, 1)

        form = QFormLayout()
        self.officer = QLineEdit()
        self.officer.setObjectName("officer")
        self.officer_title = QLineEdit()
        self.officer_title.setObjectName("officerTitle")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.demo = QCheckBox()
        self.demo.setObjectName("demo")
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(
            self.captions, (self.officer, self.officer_title, self.passphrase, self.confirm), strict=True
        ):
            form.addRow(caption, field)
        form.addRow("", self.strength)
        # The parent's public key (a unit that has a parent): optional; chosen, it is shown with its
        # fingerprint, compared by phone, and enrolled with the profile (docs/bundle-format.md §2.2).
        self.parent_key_info: PublicKeyInfo | None = None
        self.parent_key_error = ""  # the file chosen could not be read: why
        self.parent_key_file = QLineEdit()
        self.parent_key_file.setObjectName("parentKeyFile")
        self.parent_key_file.setReadOnly(True)
        self.parent_key_choose = QPushButton()
        self.parent_key_choose.setObjectName("parentKeyChoose")
        self.parent_key_clear = QPushButton()
        self.parent_key_clear.setObjectName("parentKeyClear")
        self.parent_key_row = QHBoxLayout()
        self.parent_key_row.addWidget(self.parent_key_file, 1)
        self.parent_key_row.addWidget(self.parent_key_choose)
        self.parent_key_row.addWidget(self.parent_key_clear)
        self.parent_key_caption = QLabel()
        form.addRow(self.parent_key_caption, self.parent_key_row)
        self.parent_key_box = QWidget()
        self.parent_key_box.setObjectName("parentKeyBox")
        parent_key_layout = QVBoxLayout(self.parent_key_box)
        parent_key_layout.setContentsMargins(0, 0, 0, 0)
        self.parent_key_unit = QLabel()
        self.parent_key_unit.setObjectName("parentKeyUnit")
        self.parent_key_unit.setWordWrap(True)
        self.parent_key_fingerprint = fingerprint_label("—")
        self.parent_key_compared = QCheckBox()
        self.parent_key_compared.setObjectName("parentKeyCompared")
        for widget in (self.parent_key_unit, self.parent_key_fingerprint, self.parent_key_compared):
            parent_key_layout.addWidget(widget)
        form.addRow("", self.parent_key_box)
        self.form = form
        form.addRow("", self.demo)
        # A province's clerks on one PostgreSQL server (README): the address, its password (written to
        # PostgreSQL's own password file, never to settings.json) and a connection test.
        self.shared = QCheckBox()
        self.shared.setObjectName("shared")
        form.addRow("", self.shared)
        self.server_box = QWidget()
        server_form = QFormLayout(self.server_box)
        server_form.setContentsMargins(0, 0, 0, 0)
        self.server_url = QLineEdit()
        self.server_url.setObjectName("serverUrl")
        self.server_password = QLineEdit()
        self.server_password.setObjectName("serverPassword")
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_test = QPushButton()
        self.server_test.setObjectName("serverTest")
        self.server_result = QLabel()
        self.server_result.setObjectName("serverResult")
        self.server_result.setWordWrap(True)
        self.server_captions = [QLabel() for _ in range(2)]
        server_form.addRow(self.server_captions[0], self.server_url)
        server_form.addRow(self.server_captions[1], self.server_password)
        server_form.addRow(self.server_test, self.server_result)
        self.server_box.setVisible(False)
        form.addRow(self.server_box)
        # The form scrolls where the screen is short (1024x600 with the parent's key chosen); the unit
        # list above keeps a few rows, the buttons below stay in view.
        body = QWidget()
        body.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.form_area = screen.scrolling(body)
        layout.addWidget(self.form_area, 3)
        self.problem = MessageLabel(name="problem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.language.currentIndexChanged.connect(self.choose_language)
        self.search.textChanged.connect(self.filter_units)
        self.passphrase.textChanged.connect(self.update_strength)
        self.confirm.textChanged.connect(self.update_strength)
        self.shared.toggled.connect(self.server_box.setVisible)
        self.server_test.clicked.connect(self.test_connection)
        self.parent_key_choose.clicked.connect(self.choose_parent_key)
        self.parent_key_clear.clicked.connect(lambda: self.set_parent_key(None))
        self.units.currentItemChanged.connect(self.show_parent_key)
        self.buttons.accepted.connect(self.create_profile)
        self.buttons.rejected.connect(self.reject)
        # The officer starts by looking for her unit: typing goes into the search box, and Tab walks
        # the form in reading order; the language box (set once, if at all) comes last.
        for before, after in (
            (self.search, self.units),
            (self.units, self.officer),
            (self.officer, self.officer_title),
            (self.officer_title, self.passphrase),
            (self.passphrase, self.confirm),
            (self.confirm, self.parent_key_choose),
            (self.parent_key_choose, self.parent_key_clear),
            (self.parent_key_clear, self.parent_key_compared),
            (self.parent_key_compared, self.demo),
            (self.demo, self.shared),
            (self.shared, self.server_url),
            (self.server_url, self.server_password),
            (self.server_password, self.server_test),
            (self.server_test, self.buttons),
            (self.buttons, self.language),
        ):
            self.setTabOrder(before, after)
        self.search.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.search.text():
            self.search.setFocus()

    def language_code(self) -> str:
        return self.language.currentData()

    def choose_language(self, _index: int = 0) -> None:
        """Install the chosen language's translators; the texts follow on QEvent.LanguageChange."""
        wanted = self.language_code()
        effective = i18n.install(QApplication.instance(), wanted, self.translations)
        if effective != wanted:  # the English .qm is not built: say so, stay Vietnamese
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(self.language.findData(effective), 0))
            self.language.blockSignals(False)
            self.retranslate()
            self.problem.setText("Chưa có bản dịch tiếng Anh (English translation not installed).")
            return
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the dialog in the language in effect; typed values and the chosen unit stay."""
        if not hasattr(self, "buttons"):
            return  # a LanguageChange while the dialog is still being built
        self.setWindowTitle(tr("Khởi tạo hồ sơ đơn vị"))
        self.language_note.setText(tr("Báo cáo in ra luôn theo mẫu chính thức bằng tiếng Việt (Nghị định 30/2020)."))
        self.language_note.setVisible(i18n.language() == "en")  # in Vietnamese it goes without saying
        self.intro.setText(
            tr(
                "Chưa có hồ sơ trong thư mục <i>{folder}</i>. Chọn đơn vị của bạn, nhập tên cán bộ "
                "và đặt mật khẩu bảo vệ khóa ký gửi báo cáo."
            ).format(folder=self.data_dir)
        )
        self.search.setPlaceholderText(
            tr("Tên hoặc mã đơn vị — gõ không dấu cũng được: “long xuyen” tìm ra “Long Xuyên”")
        )
        for row, choice in enumerate(self.choices):
            kind = tr(UNIT_KINDS[choice.type]) if choice.type in UNIT_KINDS else choice.type
            tree = tr(TREE_LABELS[choice.tree]) if choice.tree in TREE_LABELS else choice.tree
            self.units.item(row).setText(f"{choice.name} — {choice.code} ({kind}; {tree})")
        for caption, text in zip(
            self.captions,
            (tr("Tên cán bộ:"), tr("Chức vụ:"), tr("Mật khẩu khóa ký:"), tr("Nhập lại mật khẩu:")),
            strict=True,
        ):
            caption.setText(text)
        self.officer_title.setPlaceholderText(tr("ví dụ: Chuyên viên Phòng Nội vụ"))
        self.parent_key_caption.setText(tr("Khóa công khai của cấp trên:"))
        self.parent_key_file.setPlaceholderText(
            tr("không bắt buộc; đăng ký sau được (Tệp → Đăng ký khóa của cấp trên…)")
        )
        self.parent_key_choose.setText(tr("Chọn tệp…"))
        self.parent_key_clear.setText(tr("Bỏ chọn"))
        self.parent_key_compared.setText(tr("Đã so khớp dấu vân tay qua điện thoại với cấp trên"))
        self.show_parent_key()
        self.demo.setText(tr("Nạp dữ liệu mẫu để dùng thử"))
        self.shared.setText(tr("Cơ sở dữ liệu dùng chung (máy chủ PostgreSQL)"))
        self.server_captions[0].setText(tr("Địa chỉ máy chủ:"))
        self.server_captions[1].setText(tr("Mật khẩu máy chủ:"))
        self.server_url.setPlaceholderText("postgresql+psycopg://vstbpn@may-chu:5432/vstbpn")
        self.server_password.setPlaceholderText(tr("để trống nếu đã có trong tệp mật khẩu của PostgreSQL"))
        self.server_test.setText(tr("Kiểm tra kết nối"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Tạo hồ sơ"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Thoát"))
        self.update_strength()
        self.problem.setText(" ".join(self.problems()) if self.problems_shown else "")

    def filter_units(self, text: str) -> None:
        words = fold(text).split()
        first = None
        for row, choice in enumerate(self.choices):
            hidden = not all(word in choice.folded for word in words)
            self.units.item(row).setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None and (self.units.currentItem() is None or self.units.currentItem().isHidden()):
            self.units.setCurrentRow(first)

    def chosen_unit(self) -> UnitChoice | None:
        item = self.units.currentItem()
        return None if item is None or item.isHidden() else self.choices[self.units.row(item)]

    def choose_parent_key(self) -> None:
        path = ask.ask_open_file(self, tr("Chọn tệp khóa công khai của cấp trên"), ask.PUBLIC_KEY_FILTER)
        if path is not None:
            self.set_parent_key(path)

    def set_parent_key(self, path: Path | None) -> None:
        """Read the chosen file (None: no file): its unit and fingerprint are shown, to compare by phone."""
        self.parent_key_info, self.parent_key_error = None, ""
        self.parent_key_compared.setChecked(False)
        self.parent_key_file.setText(str(path) if path is not None else "")
        if path is not None:
            try:
                self.parent_key_info = read_public_key_file(Path(path))
            except Refused as exc:
                self.parent_key_error = i18n.message(exc)
        self.show_parent_key()
        if path is not None:  # on a short screen the fingerprint and the box to tick scroll into view (once laid out)
            QTimer.singleShot(0, lambda: self.form_area.ensureWidgetVisible(self.parent_key_compared))

    def parent_key_path(self) -> Path | None:
        """The file to enrol with the profile: chosen, and the chosen unit has a parent."""
        unit = self.chosen_unit()
        text = self.parent_key_file.text()
        return Path(text) if text and (unit is None or unit.parent) else None

    def parent_key_problem(self) -> str:
        """Why the chosen file cannot be enrolled for the chosen unit ("" when it can, or no file)."""
        unit, info = self.chosen_unit(), self.parent_key_info
        if self.parent_key_error or info is None or unit is None:
            return self.parent_key_error
        problem = parent_key_problem(
            info, Path(self.parent_key_file.text()).name, unit.code, unit.parent, unit.parent_name
        )
        return i18n.message(problem) if problem is not None else ""

    def show_parent_key(self, *_) -> None:
        """The row only for a unit that has a parent; the file's unit, its fingerprint, what is wrong."""
        if not hasattr(self, "parent_key_box"):
            return  # the unit list is being filled while the dialog is built
        unit = self.chosen_unit()
        applies = unit is None or bool(unit.parent)
        chosen = bool(self.parent_key_file.text())
        self.parent_key_clear.setVisible(chosen)
        self.form.setRowVisible(self.parent_key_row, applies)
        self.form.setRowVisible(self.parent_key_box, applies and chosen)
        info = self.parent_key_info
        self.parent_key_fingerprint.setVisible(info is not None)
        self.parent_key_compared.setVisible(info is not None)
        self.parent_key_fingerprint.setText(fingerprint_lines(info.fingerprint) if info is not None else "—")
        lines = []
        if info is not None:
            lines.append(
                tr(
                    "Tệp ghi là khóa của: <b>{name}</b> ({code}). Gọi điện cho cán bộ cấp trên: hai bên đọc vân tay, "
                    "phải giống nhau từng ký tự."
                ).format(name=info.org_unit_name or "—", code=info.org_unit)
            )
        problem = self.parent_key_problem()
        self.parent_key_compared.setEnabled(not problem)  # nothing to compare with a file that cannot be enrolled
        if problem:
            lines.append(f"<span style='color: #b00020;'>{escape(problem)}</span>")
        self.parent_key_unit.setText("<br>".join(lines))

    def visible_units(self) -> list[str]:
        return [self.units.item(r).text() for r in range(self.units.count()) if not self.units.item(r).isHidden()]

    def update_strength(self) -> None:
        text = self.passphrase.text()
        names = [tr("quá ngắn (cần ít nhất {n} ký tự)").format(n=MIN_PASSPHRASE), tr("tạm được"), tr("khá"), tr("mạnh")]
        hint = tr("Độ mạnh mật khẩu: {level}").format(level=names[passphrase_strength(text)])
        if self.confirm.text() and self.confirm.text() != text:
            hint += " — " + tr("hai lần nhập chưa khớp")
        self.strength.setText(hint)

    def problems(self) -> list[str]:
        found = []
        item = self.units.currentItem()
        if item is None or item.isHidden():
            found.append(tr("Chưa chọn đơn vị."))
        if not self.officer.text().strip():
            found.append(tr("Chưa nhập tên cán bộ."))
        shared = self.shared.isChecked()
        if shared and not self.server_url.text().strip():
            found.append(tr("Chưa nhập địa chỉ máy chủ."))
        # Attaching to the unit already on a server makes no key: the passphrase may stay empty there.
        if self.parent_key_path() is not None:
            problem = self.parent_key_problem()
            if problem:
                found.append(problem)
            elif not self.parent_key_compared.isChecked():
                found.append(tr("Chưa xác nhận đã so khớp dấu vân tay khóa của cấp trên qua điện thoại."))
        if len(self.passphrase.text()) < MIN_PASSPHRASE and not (shared and not self.passphrase.text()):
            found.append(tr("Mật khẩu cần ít nhất {n} ký tự.").format(n=MIN_PASSPHRASE))
        elif self.passphrase.text() != self.confirm.text():
            found.append(tr("Hai lần nhập mật khẩu không khớp."))
        return found

    def test_connection(self) -> None:
        """What init would do with the server's database, said beside the button (off the GUI thread)."""
        from vstbpn_desktop.storage.server import probe  # lazy: the dialog shows before the ORM is loaded

        url, password = self.server_url.text().strip(), self.server_password.text()
        try:
            found = run_task(self, tr("Đang kết nối máy chủ…"), lambda task: probe(url, password), cancellable=False)
        except Refused as exc:
            self.server_result.setStyleSheet("color: #b00020;")
            self.server_result.setText(i18n.message(exc))
            return
        self.server_result.setStyleSheet("color: #1b5e20;")
        self.server_result.setText(i18n.message(found))

    def create_profile(self) -> None:
        problems = self.problems()
        self.problems_shown = bool(problems)
        if problems:
            self.problem.setText(" ".join(problems))
            return
        item = self.units.currentItem()
        code, tree = item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)
        officer, title, secret = self.officer.text().strip(), self.officer_title.text().strip(), self.passphrase.text()
        language, demo = self.language_code(), self.demo.isChecked()
        url = self.server_url.text().strip() if self.shared.isChecked() else None
        server_password = self.server_password.text()
        parent_key = self.parent_key_path()

        def create(task):
            # A few seconds (the key's passphrase is stretched on purpose, the sample data written):
            # off the GUI thread, with the busy cursor and, past a second, a progress dialog.
            task.progress(0, 0, tr("Đang tạo khóa ký và cơ sở dữ liệu…"))
            if url and server_password:
                from vstbpn_desktop.storage.server import probe, remember_password  # only for a shared server

                probe(url, server_password)  # a wrong password is told before it is kept
                remember_password(url, server_password)
            made = Profile.create(
                self.data_dir, code, officer, secret or None, tree=tree, database_url=url, parent_key=parent_key
            )
            made.settings.officer_title = title
            made.settings.language = language
            made.save_settings()
            if demo and not made.attached:
                from vstbpn_desktop.demo import load_demo  # only when the sample data is asked for

                task.progress(0, 0, tr("Đang nạp dữ liệu mẫu…"))
                load_demo(made)
            return made

        try:
            profile = run_task(self, tr("Đang tạo hồ sơ đơn vị…"), create, cancellable=False)
        except Refused as exc:
            ask.tell(self, tr("Không tạo được hồ sơ"), i18n.message(exc), warning=True)
            return
        self.profile = profile
        self.accept()
