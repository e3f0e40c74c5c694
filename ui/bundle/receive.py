"""Tệp → Nhận báo cáo… (Ctrl+R) at a parent unit, and bundles dropped onto the window.

Every file is verified and compared with what is held (the core's dry run: per indicator old →
new, activities added and removed) and listed with its sender, period and sequence; the officer
unticks what they do not want, then the ticked files are imported one by one. A refusal is that
file's result and never stops the others. Afterwards the window reads everything again.
"""

import functools
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from vstbpn_desktop.bundle.keys import spaced
from vstbpn_desktop.bundle.trust import unknown_signer
from vstbpn_desktop.catalogue import indicators
from vstbpn_desktop.checks import Flag, flags
from vstbpn_desktop.errors import Cancelled, Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.timestamps import local_date, local_time, parse_timestamp

from ..common import ask, i18n, screen
from ..common.ask import tr
from ..common.i18n import indicator_name
from ..common.worker import run_task
from .correction import audit_html
from .keys import EnrolDialog

if TYPE_CHECKING:  # imported where used: the importer is not needed to open the window
    from vstbpn_desktop.bundle.importer import ImportResult
    from vstbpn_desktop.bundle.trust import UnknownSigner

BUNDLE_SUFFIX = ".vstb"
COLOURS = {"ready": "#e6f4ea", "imported": "#c8e6c9", "already": "#eceff1", "refused": "#fde2e1"}


# A file of the batch: "ready" to import, "already" held, "refused", "imported".
EntryState = Literal["ready", "already", "refused", "imported"]


@dataclass
class Entry:
    """One file of the batch: what the check found, then what the import did."""

    path: Path
    state: EntryState
    preview: "ImportResult | None" = None  # the dry run (or "already")
    result: "ImportResult | None" = None  # the import
    reason: str = ""
    signer: "UnknownSigner | None" = None  # refused because its key was never enrolled here
    flags: list[Flag] = field(default_factory=list)  # once imported: figures out of line with earlier periods

    @property
    def manifest(self):
        held = self.result or self.preview
        return held.manifest if held else None

    @property
    def importable(self) -> bool:
        return self.state == "ready"


def _value(value) -> str:
    return "—" if value is None else i18n.count(value)


def _created(text: str) -> str:
    try:
        moment = local_time(parse_timestamp(text))
    except (TypeError, ValueError):
        return text or ""
    return moment.strftime("%H:%M %d/%m/%Y")


def unit_text(profile, code: str | None) -> str:
    """ "Thành phố Long Xuyên (883)", or the code alone for a unit not in the profile's tree."""
    if not code:
        return ""
    unit = profile.org_unit(code)
    return f"{unit.name} ({code})" if unit else code


def signer_text(profile, signer: "UnknownSigner") -> str:
    """Why a bundle signed by an unknown key was refused, and what to do, in plain words."""
    fingerprint = spaced(signer.fingerprint)
    if signer.claimed_unit:
        return tr(
            "Gói được ký bằng khóa {fingerprint}, khóa này chưa được đăng ký ở đơn vị mình. Gói ghi là của "
            "{unit}. Hãy xin đơn vị đó tệp khóa công khai, gọi điện đối chiếu vân tay, rồi bấm "
            "“Đăng ký khóa…” và nhận lại gói."
        ).format(fingerprint=fingerprint, unit=unit_text(profile, signer.claimed_unit))
    return tr(
        "Gói được ký bằng khóa {fingerprint}, khóa này chưa được đăng ký ở đơn vị mình, và gói không ghi "
        "rõ đơn vị gửi. Hãy hỏi đơn vị đã gửi tệp này."
    ).format(fingerprint=fingerprint)


def outcome_text(entry: Entry) -> str:
    """The one-line result of a file."""
    if entry.signer is not None:
        return tr("Từ chối: khóa ký chưa được đăng ký")
    if entry.state == "refused":
        return tr("Từ chối: {reason}").format(reason=entry.reason)
    if entry.state == "already":
        held = entry.result or entry.preview
        assert held is not None, "an entry is already held once checked or imported"
        return tr("Đã nhận ngày {day}; không thay đổi gì").format(day=local_date(held.received_at))
    if entry.state == "imported" and entry.result is not None:
        replaced = entry.result.superseded_sequence
        if replaced is not None:
            return tr("Đã nhập (thay gói số {sequence})").format(sequence=replaced)
        return tr("Đã nhập")
    return tr("Hợp lệ — sẽ nhập")


def change_summary(change) -> str:
    if change is None:
        return ""
    parts = []
    if change.indicators:
        parts.append(tr("{n} chỉ tiêu đổi").format(n=len(change.indicators)))
    a = change.activities
    if a.get("added") or a.get("removed"):
        parts.append(tr("hoạt động +{added} −{removed}").format(added=a["added"], removed=a["removed"]))
    d = change.documents
    if d.get("added") or d.get("removed"):
        parts.append(tr("văn bản +{added} −{removed}").format(added=d["added"], removed=d["removed"]))
    if any(change.narratives.values()):
        parts.append(tr("lời văn đổi"))
    return ", ".join(parts) or tr("không thay đổi gì")


def details_html(profile, entry: Entry) -> str:
    """Everything about one file: sender, period, sequence, key, and what changes."""
    lines = [f"<b>{escape(entry.path.name)}</b> <span style='color:#666'>{escape(str(entry.path.parent))}</span>"]
    manifest = entry.manifest
    if manifest is not None:
        unit = profile.org_unit(manifest.sender_org_unit)
        name = unit.name if unit else manifest.sender_org_unit
        counts = manifest.counts
        lines.append(
            tr("Đơn vị gửi: <b>{name}</b> ({code}), cán bộ {officer}").format(
                name=escape(name), code=manifest.sender_org_unit, officer=escape(manifest.sender_officer or "—")
            )
        )
        lines.append(
            tr("Kỳ <b>{period}</b> — gói số <b>{sequence}</b>, tạo lúc {created}").format(
                period=manifest.period, sequence=manifest.sequence, created=_created(manifest.created_at)
            )
        )
        lines.append(tr("Khóa ký: <tt>{fingerprint}</tt>").format(fingerprint=spaced(manifest.key_fingerprint)))
        held = entry.result or entry.preview
        if held is not None and held.sealed:
            lines.append(tr("Gói được mã hóa cho đơn vị này (đã giải mã để kiểm tra)."))
        for rotation in held.rotations if held is not None else []:
            text = (
                tr("Đã đăng ký khóa mới theo xác nhận đổi khóa: {change}")
                if entry.state == "imported"
                else tr("Sẽ đăng ký khóa mới theo xác nhận đổi khóa: {change}")
            )
            lines.append(text.format(change=f"<tt>{escape(rotation)}</tt>"))
        lines.append(
            tr("Nội dung: {a} hoạt động, {d} văn bản, {i} chỉ tiêu, {n} mục lời văn").format(
                a=i18n.count(counts.get("activities", 0)),
                d=i18n.count(counts.get("documents", 0)),
                i=i18n.count(counts.get("indicators", 0)),
                n=i18n.count(counts.get("narratives", 0)),
            )
        )
        lines.append(audit_html(entry.result or entry.preview))
    colour = {"refused": "#b00020", "imported": "#1b5e20"}.get(entry.state, "#333")
    lines.append(f"<span style='color:{colour}'><b>{escape(outcome_text(entry))}</b></span>")
    if entry.signer is not None:
        lines.append(escape(signer_text(profile, entry.signer)))
    if entry.flags:
        # Checks against the sender's earlier periods (vstbpn_desktop/checks.py): imported all the same;
        # Tệp → Trả lại báo cáo để sửa… offers them as the reason.
        heading = escape(tr("Cần xem lại so với các kỳ trước:"))  # outside the f-string: lupdate reads it here
        lines.append(f"<br><b style='color:#b26a00'>{heading}</b>")
        for flag in entry.flags:
            earlier = escape(i18n.message(flag.history))
            lines.append(f"• {escape(i18n.message(flag.message))} <span style='color:#666'>({earlier})</span>")
    held = entry.result if entry.result is not None and entry.result.change is not None else entry.preview
    change = held.change if held is not None else None
    if change is not None:
        title = (
            tr("Đã thay đổi so với dữ liệu đang giữ:")
            if entry.state == "imported"
            else tr("Sẽ thay đổi so với dữ liệu đang giữ:")
        )
        lines.append(f"<br><b>{title}</b>")
        catalogue = indicators()
        if change.indicators:
            rows = "".join(
                f"<tr><td>{escape(indicator_name(catalogue[code]) if code in catalogue else code)} "
                f"<span style='color:#666'>({code})</span></td>"
                f"<td align='right'>{_value(old)}</td><td>→</td><td align='right'><b>{_value(new)}</b></td></tr>"
                for code, old, new in change.indicators
            )
            heads = tr("Chỉ tiêu"), tr("Cũ"), tr("Mới")  # outside the f-string: lupdate reads them there
            lines.append(
                f"<table cellspacing='0' cellpadding='2'>"
                f"<tr><th align='left'>{heads[0]}</th><th>{heads[1]}</th><th></th>"
                f"<th>{heads[2]}</th></tr>{rows}</table>"
            )
        if change.unchanged_indicators:
            lines.append(tr("{n} chỉ tiêu không đổi").format(n=change.unchanged_indicators))
        if change.notes:  # the sender's comments and follow-up marks, beside their values
            heading = tr("Ghi chú số liệu của đơn vị gửi:")  # outside the f-string: lupdate reads it here
            lines.append(f"<b>{escape(heading)}</b>")
            follow = escape(tr("cần theo dõi"))
            lines += [
                f"{escape(indicator_name(catalogue[code]) if code in catalogue else code)}: <b>{_value(value)}</b>"
                + (f" — {escape(comment)}" if comment else "")
                + (f" <span style='color:#b00020'>({follow})</span>" if follow_up else "")
                for code, value, comment, follow_up in change.notes
            ]
        a, d, n = change.activities, change.documents, change.narratives
        lines.append(tr("Hoạt động: thêm {added}, bỏ {removed}, giữ nguyên {kept}").format(**a))
        lines.append(tr("Văn bản: thêm {added}, bỏ {removed}, giữ nguyên {kept}").format(**d))
        lines.append(tr("Mục lời văn: thêm {added}, bỏ {removed}, sửa {changed}").format(**n))
    return "<br>".join(lines)


def check_files(profile, paths: list[Path], task) -> list[Entry]:
    """The dry run of every file (in the worker): a refusal is that file's result."""
    from vstbpn_desktop.bundle.importer import import_bundle  # not at start-up: the importer loads on first use

    entries = []
    for number, path in enumerate(paths):
        task.progress(number, len(paths), path.name)
        try:
            step = functools.partial(task.progress, number, len(paths), path.name)
            preview = import_bundle(profile, path, dry_run=True, progress=lambda *_, step=step: step())
        except Cancelled:
            raise
        except Refused as exc:
            signer = unknown_signer(profile, path)
            reason = signer_text(profile, signer) if signer else i18n.message(exc)
            entries.append(Entry(path, "refused", reason=reason, signer=signer))
            continue
        entries.append(Entry(path, "already" if preview.status == "already" else "ready", preview))
    task.progress(len(paths), len(paths), "")
    return entries


def import_entries(profile, entries: list[Entry], task) -> None:
    """Import the chosen files (in the worker), oldest sequence first so a newer one supersedes."""
    from vstbpn_desktop.bundle.importer import import_bundle  # not at start-up: the importer loads on first use

    chosen = sorted(entries, key=lambda e: (e.manifest.sender_org_unit, e.manifest.period, e.manifest.sequence))
    for number, entry in enumerate(chosen):
        task.progress(number, len(chosen), entry.path.name)
        try:
            step = functools.partial(task.progress, number, len(chosen), entry.path.name)
            result = import_bundle(profile, entry.path, progress=lambda *_, step=step: step())
        except Cancelled:
            raise
        except Refused as exc:
            entry.state, entry.reason = "refused", i18n.message(exc)
            continue
        entry.result = result
        entry.state = "already" if result.status == "already" else "imported"
        if entry.state == "imported":
            manifest = result.manifest
            entry.flags = flags(profile, manifest.sender_org_unit, Period.parse(manifest.period))
    task.progress(len(chosen), len(chosen), "")


class ReceiveDialog(QDialog):
    FILE, SENDER, PERIOD, SEQUENCE, CHANGE, OUTCOME = range(6)

    def __init__(self, receiver, entries: list[Entry]):
        super().__init__(receiver.window)
        self.receiver, self.entries = receiver, entries
        self.profile = receiver.context.profile
        self.setObjectName("receiveDialog")
        self.setWindowTitle(tr("Nhận báo cáo của đơn vị cấp dưới"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(entries), 6)
        self.table.setObjectName("files")
        self.table.setHorizontalHeaderLabels(
            [tr("Tệp"), tr("Đơn vị gửi"), tr("Kỳ"), tr("Gói số"), tr("Thay đổi"), tr("Kết quả")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([220, 260])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(tr("Nhập các gói đã chọn"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Đóng"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # A file refused for a key never enrolled: enrol it from here, then the files are checked again.
        self.enrol_button = buttons.addButton(tr("Đăng ký khóa…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.enrol_button.setObjectName("enrolSigner")
        self.enrol_button.clicked.connect(lambda: self.receiver.enrol_signer(self, self.current_entry()))
        self.import_button.clicked.connect(self.import_checked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_details(row))
        self.fill()
        for column, width in {
            self.FILE: 190,
            self.SENDER: 300,
            self.PERIOD: 70,
            self.SEQUENCE: 60,
            self.CHANGE: 190,
        }.items():
            # at least the header's own width ("Bundle no." in English is wider than "Gói số")
            self.table.setColumnWidth(column, max(width, self.table.horizontalHeader().sectionSizeHint(column)))
        screen.fit(self, 1100, 620)
        if entries:
            self.table.setCurrentCell(0, 0)

    def fill(self) -> None:
        for row, entry in enumerate(self.entries):
            manifest = entry.manifest
            held = entry.result if entry.result is not None and entry.result.change is not None else entry.preview
            sender = unit_text(self.profile, manifest.sender_org_unit) if manifest else ""
            if entry.signer is not None and entry.signer.claimed_unit:
                sender = tr("{unit} — chưa xác thực").format(unit=unit_text(self.profile, entry.signer.claimed_unit))
            cells = [
                entry.path.name,
                sender,
                manifest.period if manifest else "",
                str(manifest.sequence) if manifest else "",
                change_summary(held.change) if held is not None else "",
                outcome_text(entry),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setBackground(QBrush(QColor(COLOURS[entry.state])))
                if column == self.FILE:
                    if entry.importable:
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        item.setCheckState(Qt.CheckState.Checked)
                    else:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                        item.setData(Qt.ItemDataRole.CheckStateRole, None)
                self.table.setItem(row, column, item)
        counts = {
            state: sum(1 for e in self.entries if e.state == state)
            for state in ("ready", "imported", "already", "refused")
        }
        self.summary.setText(
            tr(
                "{total} tệp: {ready} có thể nhập, {imported} đã nhập, {already} đã nhận trước đó, "
                "{refused} bị từ chối. Bấm vào một dòng để xem chi tiết thay đổi."
            ).format(total=len(self.entries), **counts)
        )
        self.import_button.setEnabled(any(e.importable for e in self.entries))
        self.show_details(self.table.currentRow())

    def current_entry(self) -> Entry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def show_details(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.details.setHtml(details_html(self.profile, self.entries[row]))
        entry = self.current_entry()
        self.enrol_button.setVisible(any(e.signer is not None for e in self.entries))
        self.enrol_button.setEnabled(entry is not None and entry.signer is not None)

    def file_item(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, self.FILE)
        assert item is not None, "every row has its file cell"
        return item

    def checked(self) -> list[Entry]:
        return [
            entry
            for row, entry in enumerate(self.entries)
            if entry.importable and self.file_item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, entry: Entry, checked: bool) -> None:
        row = self.entries.index(entry)
        self.file_item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def import_checked(self) -> None:
        self.receiver.import_chosen(self, self.checked())


class Receiver:
    def __init__(self, window):
        self.window = window
        self.dialog: ReceiveDialog | None = None

    @property
    def context(self):
        return self.window.controller.context

    def receive(self):
        paths = ask.ask_open_files(self.window, tr("Nhận báo cáo — chọn các gói (.vstb)"), ask.BUNDLE_FILTER)
        if paths:
            return self.receive_files(paths)
        return None

    def receive_files(self, paths: list[Path]):
        """Check every file (nothing imported yet) and show the list with what would change."""
        profile = self.context.profile
        paths = [Path(p) for p in paths]
        try:
            entries = run_task(
                self.window,
                tr("Đang kiểm tra {n} gói…").format(n=len(paths)),
                lambda task: check_files(profile, paths, task),
            )
        except Refused as exc:  # cancelled
            ask.tell(self.window, tr("Nhận báo cáo"), i18n.message(exc), warning=True)
            return None
        self.dialog = ReceiveDialog(self, entries)
        ask.show(self.dialog)
        return self.dialog

    def enrol_signer(self, dialog: ReceiveDialog, entry: Entry | None):
        """ "Đăng ký khóa…" for a file refused for its unknown key: the enrol dialog with the unit the
        file names chosen; once enrolled, every file not yet imported is checked again."""
        if entry is None or entry.signer is None:
            return None
        enrol = EnrolDialog(self.window, unit=entry.signer.claimed_unit, expected=entry.signer.fingerprint)
        if ask.run_dialog(enrol) != QDialog.DialogCode.Accepted:
            return None
        profile = self.context.profile
        waiting = [e for e in dialog.entries if e.state != "imported"]
        checked = run_task(
            self.window,
            tr("Đang kiểm tra {n} gói…").format(n=len(waiting)),
            lambda task: check_files(profile, [e.path for e in waiting], task),
        )
        for old, new in zip(waiting, checked, strict=True):
            dialog.entries[dialog.entries.index(old)] = new
        dialog.fill()
        return enrol.enrolment

    def import_chosen(self, dialog: ReceiveDialog, chosen: list[Entry]) -> None:
        if not chosen:
            return
        profile = self.context.profile
        try:
            run_task(
                self.window,
                tr("Đang nhập {n} gói…").format(n=len(chosen)),
                lambda task: import_entries(profile, chosen, task),
            )
        except Refused as exc:  # cancelled: the file being imported rolled back; the others stay as they are
            ask.tell(dialog, tr("Nhận báo cáo"), i18n.message(exc), warning=True)
        dialog.fill()
        self.window.controller.reload()
        imported = sum(1 for e in chosen if e.state == "imported")
        refused = sum(1 for e in chosen if e.state == "refused")
        self.context.say(
            tr("Nhận báo cáo: {imported} gói đã nhập, {refused} gói bị từ chối").format(
                imported=imported, refused=refused
            )
        )


def bundle_paths(mime) -> list[Path]:
    """The local .vstb files among dropped URLs."""
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(BUNDLE_SUFFIX)
    ]


class DropFilter(QObject):
    """Bundles dropped anywhere on the window take the same path as Nhận báo cáo…"""

    def __init__(self, receiver):
        super().__init__(receiver.window)
        self.receiver = receiver

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if bundle_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = bundle_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                # Out of the drop handler: the platform's drag loop must end before a dialog opens.
                QTimer.singleShot(0, lambda: self.receiver.receive_files(paths))
                return True
        return False


def install(window) -> None:
    profile = window.controller.context.profile
    if not profile.children():
        return
    receiver = Receiver(window)
    window.bundle_receiver = receiver
    window.add_action(
        "file",
        tr("Nhận báo cáo…"),
        receiver.receive,
        "actionReceiveBundles",
        "Ctrl+R",
        tr("Kiểm tra và nhập gói báo cáo của đơn vị cấp dưới (chọn nhiều tệp, hoặc kéo thả vào cửa sổ)"),
    )
    window.setAcceptDrops(True)
    window.bundle_drop_filter = DropFilter(receiver)
    window.installEventFilter(window.bundle_drop_filter)
