"""Tệp → "Chuyển sang đơn vị sau sáp nhập…": the profile of a unit of the 2023 tree moves to a unit
of the 2025 tree that took its area, its history kept (`Profile.move_to`, docs/org-unit-reform.md).

The dialog lists the new units the reform map gives for this old unit (its main successor first)
with what each took of it and the map's source, and says what the move does. The move runs in the
worker after a confirmation; then the window is opened again on the new unit, since what it offers
follows the unit's place (units below, the parent's key). The item is shown for a profile on the
2023 tree, shown disabled with the old unit in its text for a profile already moved, and hidden
otherwise.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from vstbpn_desktop.catalogue.reform import ReformMap, reform_map
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.text import tone_marks, unit_in_sentence

from ..common import ask, i18n, screen
from ..common.worker import run_task
from . import window_state

CodeRole = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("window_move", text)


def choice_text(reform: ReformMap, old: str, new: str) -> str:
    """One line of the list: the new unit, and what it took of the old one."""
    name = reform.new_units[new].name
    main = new == reform.successor(old)
    taken = reform.taken(old, new)
    if not taken:  # an abolished district's profile to the new province
        what = tr("đơn vị kế tục chính: cấp huyện không còn từ 01/7/2025, hồ sơ chuyển lên tỉnh mới")
    else:
        parts = [
            tone_marks(unit_in_sentence(link.old_name)) + (tr(" (một phần)") if link.share == "part" else "")
            for link in taken
        ]
        what = tr("nhận {parts}").format(parts=", ".join(parts))
        if main:
            what = tr("đơn vị kế tục chính; {what}").format(what=what)
    return f"{name} ({new}) — {what}"


class MoveDialog(QDialog):
    """The new units to choose from, what the move does, and the button that asks to confirm."""

    def __init__(self, window):
        super().__init__(window)
        self.profile = window.controller.profile
        self.reform = reform_map()
        self.setObjectName("moveDialog")
        self.setWindowTitle(tr("Chuyển sang đơn vị sau sáp nhập"))
        screen.fit(self, 680, 540)
        old = self.profile.org_unit_code
        unit = self.profile.org_unit()
        self.old_name = tone_marks(unit.name) if unit else old
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Hồ sơ này là của {unit} ({code}), đơn vị hành chính trước khi sắp xếp ngày 01/7/2025. "
                "Địa bàn của đơn vị nay thuộc các đơn vị dưới đây; chọn đơn vị mà hồ sơ sẽ chuyển sang:"
            ).format(unit=self.old_name, code=old)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QListWidget()
        self.choices.setObjectName("moveChoices")
        self.choices.setWordWrap(True)
        for code in self.reform.destinations(old):
            item = QListWidgetItem(choice_text(self.reform, old, code))
            item.setData(CodeRole, code)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.itemDoubleClicked.connect(lambda _: self.accept())
        layout.addWidget(self.choices, 1)
        source = QLabel(tr("Căn cứ: {source}").format(source=self.reform.source))
        source.setObjectName("moveSource")
        source.setWordWrap(True)
        source.setStyleSheet("color: #555;")
        layout.addWidget(source)
        effects = QLabel(
            tr(
                "Khi chuyển:\n"
                "• Chương trình sao lưu hồ sơ trước (Công cụ → Danh sách bản sao lưu…: khôi phục bản "
                "“Trước khi chuyển đơn vị” để quay lại).\n"
                "• Hồ sơ từ đây là của đơn vị mới; tiêu đề báo cáo (cơ quan chủ quản, địa danh, nơi nhận) "
                "được lập lại theo đơn vị mới, sửa được trong Công cụ → Cài đặt…\n"
                "• Số liệu đã ghi giữ nguyên và vẫn thuộc {unit} (mã {code}): các trang của cửa sổ mở số liệu "
                "của đơn vị mới; so sánh cùng kỳ của đơn vị mới cộng số liệu các đơn vị cũ của nó.\n"
                "• Khóa ký giữ nguyên; đơn vị cấp trên cần đăng ký lại khóa công khai của hồ sơ này cho mã mới."
            ).format(unit=self.old_name, code=old)
        )
        effects.setObjectName("moveEffects")
        effects.setWordWrap(True)
        layout.addWidget(effects)
        buttons, self.move_button = ask.action_buttons(tr("Chuyển hồ sơ…"), "moveButton", self.accept, self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(CodeRole)) if item is not None else ""


def move_profile(window):
    """Choose, confirm, move in the worker, open the window again on the new unit: the new window,
    or None when nothing was moved (cancelled, or refused with one message)."""
    title = tr("Chuyển sang đơn vị sau sáp nhập")
    if getattr(window, "damaged_reason", None):
        ask.tell(
            window,
            title,
            tr("Cơ sở dữ liệu bị hỏng: khôi phục bản sao lưu còn tốt trước khi chuyển hồ sơ sang đơn vị mới."),
            warning=True,
        )
        return None
    controller = window.controller
    if not controller.flush():
        return None  # values refused and not saved: the officer fixes them first
    profile = controller.profile
    dialog = MoveDialog(window)
    if ask.run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    code = dialog.chosen()
    name = dialog.reform.new_units[code].name
    if not ask.confirm(
        window,
        title,
        tr(
            "Chuyển hồ sơ của {old} sang {new} ({code})?\n\nSố liệu đã ghi giữ nguyên, vẫn thuộc đơn vị cũ; "
            "chương trình sao lưu trước khi chuyển."
        ).format(old=dialog.old_name, new=name, code=code),
        tr("Chuyển hồ sơ"),
    ):
        return None
    old = profile.org_unit_code
    try:
        unit = run_task(window, tr("Đang chuyển hồ sơ…"), lambda task: profile.move_to(code), cancellable=False)
    except Refused as exc:
        ask.tell(window, title, i18n.message(exc), warning=True)
        return None
    reopened = reopen(window)
    reopened.controller.context.say(
        tr("Đã chuyển hồ sơ sang {new} ({code}); số liệu các kỳ trước vẫn thuộc {old} ({old_code}).").format(
            new=unit.name, code=unit.code, old=dialog.old_name, old_code=old
        ),
        60_000,
    )
    return reopened


def reopen(window):
    """The window opened again on its profile (now of another unit), where the old one was; the old
    one closed. Its menus and pages follow the new unit (units below it, its parent's key)."""
    window_state.save(window)  # the new window opens at this one's size and place
    window.close_guard = None  # flushed before the move
    reopened = window.open_again()
    reopened.show()
    watcher = getattr(window, "others_watcher", None)
    if watcher is not None:
        watcher.timer.stop()
    window.close()
    return reopened


def install(window) -> None:
    profile = window.controller.profile
    reform = reform_map()
    moved_from = profile.meta.get("moved_from")
    if profile.org_unit_tree == reform.old_tree and profile.org_unit_code in reform.old_units:
        window.add_action(
            "file",
            tr("Chuyển sang đơn vị sau sáp nhập…"),
            lambda: move_profile(window),
            "actionMoveProfile",
            tip=tr("Chuyển hồ sơ của đơn vị cũ (trước 01/7/2025) sang đơn vị mới sau sắp xếp, giữ nguyên số liệu"),
        )
    elif moved_from:
        # A menu shows no tooltip of a disabled item: the reason is in its text.
        old = moved_from.rpartition(":")[2]
        action = window.add_action(
            "file",
            tr("Chuyển sang đơn vị sau sáp nhập (đã chuyển từ đơn vị {old})").format(old=old),
            lambda: None,
            "actionMoveProfile",
        )
        action.setEnabled(False)
