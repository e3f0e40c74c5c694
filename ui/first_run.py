"""First run: choose the unit, name the officer, set the passphrase of the signing key."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMessageBox, QVBoxLayout,
)

from vstbpn_desktop.catalogue.org_units import UNIT_TYPES, read_tree, shipped_trees
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.text import fold

MIN_PASSPHRASE = 8
TREE_LABELS = {"an-giang-2023": "An Giang trước 1/7/2025", "an-giang-2025": "An Giang từ 1/7/2025"}


@dataclass
class UnitChoice:
    code: str
    name: str
    type: str
    tree: str
    folded: str


def unit_choices() -> list[UnitChoice]:
    """Every unit of the shipped trees: no database exists yet, so they are read from the files."""
    choices = []
    for path in shipped_trees():
        for row in read_tree(path):
            choices.append(UnitChoice(row.code, row.name, row.type, row.tree, fold(f"{row.name} {row.code}")))
    return choices


def passphrase_strength(text: str) -> int:
    """0 (too short) to 3 (strong): length and variety of characters."""
    if len(text) < MIN_PASSPHRASE:
        return 0
    variety = sum(bool(check) for check in (
        any(c.islower() for c in text), any(c.isupper() for c in text),
        any(c.isdigit() for c in text), any(not c.isalnum() for c in text)))
    score = 1 + (len(text) >= 12) + (variety >= 3)
    return min(score, 3)


class FirstRunDialog(QDialog):
    """View and its small controller: the form is checked here, the profile made by the core."""

    def __init__(self, data_dir, parent=None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.profile = None
        self.setWindowTitle(self.tr("Khởi tạo hồ sơ đơn vị"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Chưa có hồ sơ trong thư mục <i>{folder}</i>. Chọn đơn vị của bạn, nhập tên cán bộ "
                               "và đặt mật khẩu bảo vệ khóa ký gửi báo cáo.").format(folder=data_dir))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.search = QLineEdit()
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Tìm đơn vị (không cần dấu), ví dụ: long xuyen"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.units = QListWidget()
        self.units.setObjectName("units")
        self.choices = unit_choices()
        for choice in self.choices:
            kind = UNIT_TYPES.get(choice.type, choice.type)
            item = QListWidgetItem(f"{choice.name} — {choice.code} ({kind}; {TREE_LABELS.get(choice.tree, choice.tree)})")
            item.setData(Qt.UserRole, choice.code)
            item.setData(Qt.UserRole + 1, choice.tree)
            self.units.addItem(item)
        layout.addWidget(self.units, 1)

        form = QFormLayout()
        self.officer = QLineEdit()
        self.officer.setObjectName("officer")
        self.officer_title = QLineEdit()
        self.officer_title.setObjectName("officerTitle")
        self.officer_title.setPlaceholderText(self.tr("ví dụ: Chuyên viên Phòng Nội vụ"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.Password)
        self.strength = QLabel()
        self.strength.setObjectName("strength")
        self.demo = QCheckBox(self.tr("Nạp dữ liệu mẫu để dùng thử"))
        self.demo.setObjectName("demo")
        form.addRow(self.tr("Tên cán bộ:"), self.officer)
        form.addRow(self.tr("Chức vụ:"), self.officer_title)
        form.addRow(self.tr("Mật khẩu khóa ký:"), self.passphrase)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.confirm)
        form.addRow("", self.strength)
        form.addRow("", self.demo)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Tạo hồ sơ"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Thoát"))
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self.filter_units)
        self.passphrase.textChanged.connect(self.update_strength)
        self.confirm.textChanged.connect(self.update_strength)
        self.buttons.accepted.connect(self.create_profile)
        self.buttons.rejected.connect(self.reject)
        self.update_strength()

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

    def visible_units(self) -> list[str]:
        return [self.units.item(r).text() for r in range(self.units.count()) if not self.units.item(r).isHidden()]

    def update_strength(self) -> None:
        text = self.passphrase.text()
        names = [self.tr("quá ngắn (cần ít nhất {n} ký tự)").format(n=MIN_PASSPHRASE),
                 self.tr("tạm được"), self.tr("khá"), self.tr("mạnh")]
        hint = self.tr("Độ mạnh mật khẩu: {level}").format(level=names[passphrase_strength(text)])
        if self.confirm.text() and self.confirm.text() != text:
            hint += " — " + self.tr("hai lần nhập chưa khớp")
        self.strength.setText(hint)

    def problems(self) -> list[str]:
        found = []
        item = self.units.currentItem()
        if item is None or item.isHidden():
            found.append(self.tr("Chưa chọn đơn vị."))
        if not self.officer.text().strip():
            found.append(self.tr("Chưa nhập tên cán bộ."))
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            found.append(self.tr("Mật khẩu cần ít nhất {n} ký tự.").format(n=MIN_PASSPHRASE))
        elif self.passphrase.text() != self.confirm.text():
            found.append(self.tr("Hai lần nhập mật khẩu không khớp."))
        return found

    def create_profile(self) -> None:
        from vstbpn_desktop.profile import Profile

        problems = self.problems()
        if problems:
            self.problem.setText(" ".join(problems))
            return
        item = self.units.currentItem()
        code, tree = item.data(Qt.UserRole), item.data(Qt.UserRole + 1)
        try:
            profile = Profile.create(self.data_dir, code, self.officer.text().strip(), self.passphrase.text(),
                                     tree=tree)
            profile.settings.officer_title = self.officer_title.text().strip()
            profile.save_settings()
            if self.demo.isChecked():
                from vstbpn_desktop.demo import load_demo

                load_demo(profile)
        except Refused as exc:
            box = QMessageBox(QMessageBox.Warning, self.tr("Không tạo được hồ sơ"), str(exc), QMessageBox.Ok, self)
            box.setObjectName("refusal")
            box.exec()
            return
        self.profile = profile
        self.accept()
