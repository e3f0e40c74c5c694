"""The window's side of bundles, driven with real profiles, real keys and real files: the district
sends through the dialog logic, the province enrols the key, receives a good and a tampered bundle
in one go (also by drag and drop) and sees who has reported. Only the blocking questions
(ui/common/ask.py: file dialogs, passphrase, message boxes) are answered by the test."""

import zipfile
from pathlib import Path

import pytest
from conftest import PASSPHRASE, shown_window
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from ui.common import ask
from vstbpn_desktop import records
from vstbpn_desktop.bundle import format as fmt
from vstbpn_desktop.bundle import trust
from vstbpn_desktop.bundle.export import export_bundle
from vstbpn_desktop.bundle.keys import public_key_info, spaced
from vstbpn_desktop.periods import Period
from vstbpn_desktop.profile import Profile

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period(2023, 1)


class Answers:
    """The officer's answers to the blocking questions, and what the window told them."""

    def __init__(self, monkeypatch):
        self.save: list[Path] = []
        self.open_files: list[list[Path]] = []
        self.passphrases: list[str | None] = []
        self.told: list[tuple[str, str, bool]] = []
        self.confirms: list[bool] = []
        monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: self.save.pop(0))
        monkeypatch.setattr(ask, "ask_open_files", lambda parent, title, f: self.open_files.pop(0))
        monkeypatch.setattr(ask, "ask_passphrase", lambda parent, title, label: self.passphrases.pop(0))
        monkeypatch.setattr(
            ask, "tell", lambda parent, title, text, warning=False: self.told.append((title, text, warning))
        )
        monkeypatch.setattr(ask, "confirm", lambda parent, title, text, yes: self.confirms.pop(0))
        # The checklist before sending: send as it is, the period left open (tests of it: test_ui_send_check.py).
        monkeypatch.setattr(ask, "run_dialog", self.send_anyway)

    @staticmethod
    def send_anyway(dialog) -> int:
        dialog.lock.setChecked(False)
        return QDialog.Accepted


@pytest.fixture
def answers(monkeypatch):
    return Answers(monkeypatch)


def district_with_demo(cli_factory, code: str) -> Profile:
    cli = cli_factory(f"district-{code}")
    assert cli("init", "--org-unit", code, "--officer", f"Cán bộ {code}")[0] == 0
    assert cli("demo")[0] == 0
    return Profile.open(cli.data_dir)


def export_via_window(qtbot, answers, profile, out: Path):
    window = shown_window(qtbot, profile)
    answers.save.append(out)
    answers.passphrases += ["sai mật khẩu", PASSPHRASE]
    result = window.bundle_sender.send()
    dialog = window.bundle_sender.dialog
    window.close()
    return result, dialog


def tampered_copy(good: Path, out: Path) -> Path:
    """The same bundle with one activity's title changed after signing."""
    with zipfile.ZipFile(good) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members[fmt.ACTIVITIES] = members[fmt.ACTIVITIES].replace(b'"title":"', b'"title":"X', 1)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return out


def test_district_sends_through_the_dialog_and_the_file_verifies(qtbot, answers, district, province_cli, tmp_path):
    from vstbpn_desktop.demo import load_demo

    load_demo(district)
    out = tmp_path / "gui" / "883-2023H1-1.vstb"
    out.parent.mkdir()
    result, dialog = export_via_window(qtbot, answers, district, out)

    # The wrong passphrase was said clearly and asked again; nothing crashed.
    assert len(answers.told) == 1 and answers.told[0][1] == "mật khẩu khóa ký không đúng (hoặc tệp khóa bị hỏng)"
    assert answers.passphrases == []
    assert result is not None and out.is_file() and result.sequence == 1
    fingerprint = public_key_info(district).fingerprint
    assert dialog.fingerprint.text().split() == spaced(fingerprint).split()
    size_kb = f"{out.stat().st_size / 1024:.1f}".replace(".", ",") + " KB"
    assert size_kb in dialog.text.text()
    dialog.close()

    # The province enrols the key and the file verifies there, through the command line.
    code, _, err = tmp_path_cli(province_cli, district, tmp_path)
    assert code == 0, err
    code, out_text, err = province_cli("bundle", "verify", out)
    assert code == 0, err
    assert "Hợp lệ" in out_text and "số thứ tự 1" in out_text


def test_the_suggested_file_name_carries_the_number_the_export_takes(qtbot, answers, district, tmp_path, monkeypatch):
    """Tệp → Gửi báo cáo… offers `883-2023H1-N.vstb`; N is the sequence the bundle then carries
    (bundle.sequence.upcoming: the core's rule, also across an export from the command line)."""
    suggested = []

    def save_where_suggested(parent, title, default, file_filter):
        suggested.append(default.name)
        return tmp_path / default.name

    monkeypatch.setattr(ask, "ask_save_file", save_where_suggested)
    window = shown_window(qtbot, district)
    answers.passphrases += [PASSPHRASE]
    first = window.bundle_sender.send()
    window.bundle_sender.dialog.close()
    export_bundle(district, H1, tmp_path / "cli.vstb", PASSPHRASE)  # number 2, outside the window
    answers.passphrases += [PASSPHRASE]
    third = window.bundle_sender.send()
    window.close()
    assert suggested == ["883-2023H1-1.vstb", "883-2023H1-3.vstb"]
    assert (first.sequence, third.sequence) == (1, 3)
    assert (tmp_path / "883-2023H1-3.vstb").is_file()


def tmp_path_cli(province_cli, district, tmp_path):
    from vstbpn_desktop.bundle.keys import export_public

    key_file = tmp_path / "883.pub.json"
    export_public(district, key_file)
    return province_cli("trust", "add", key_file, "--org-unit", "883")


def test_cancelled_passphrase_writes_nothing(qtbot, answers, district, tmp_path):
    window = shown_window(qtbot, district)
    answers.save.append(tmp_path / "x.vstb")
    answers.passphrases.append(None)
    assert window.bundle_sender.send() is None
    assert not (tmp_path / "x.vstb").exists()
    window.close()


@pytest.fixture
def two_bundles(qtbot, answers, cli_factory, tmp_path):
    """Districts 883 and 884 with the sample data, each having sent its 2023H1 bundle via the window."""
    made = {}
    for code in ("883", "884"):
        profile = district_with_demo(cli_factory, code)
        out = tmp_path / f"{code}-2023H1-1.vstb"
        result, dialog = export_via_window(qtbot, answers, profile, out)
        dialog.close()
        assert result is not None
        key = tmp_path / f"{code}.pub.json"
        from vstbpn_desktop.bundle.keys import export_public

        export_public(profile, key)
        profile.close()
        made[code] = (out, key)
    answers.told.clear()
    return made


def enrol_via_dialog(window, key: Path, code: str):
    window.trust_actions.enrol()
    dialog = window.trust_actions.dialog
    dialog.set_file(key)
    assert dialog.unit.currentData() == code  # chosen from the file, among the children
    assert not dialog.enrol_button.isEnabled()  # not before the fingerprint was compared
    dialog.compared.setChecked(True)
    assert dialog.enrol_button.isEnabled()
    dialog.enrol_button.click()
    assert dialog.result() == QDialog.Accepted
    return dialog


def test_province_enrols_receives_good_and_tampered_at_once(qtbot, answers, province, two_bundles, tmp_path):
    good, key = two_bundles["883"]
    bad = tampered_copy(two_bundles["884"][0], tmp_path / "884-tampered.vstb")
    window = shown_window(qtbot, province)

    dialog = enrol_via_dialog(window, key, "883")
    assert dialog.fingerprint.text().split() == spaced(trust.listing(province)[0].fingerprint).split()
    enrol_via_dialog(window, two_bundles["884"][1], "884")
    assert [e.org_unit for e in trust.listing(province)] == ["883", "884"]

    held_before = records.record_counts(province.engine, ["883"], H1)
    assert held_before["activities"] == 0
    answers.open_files.append([good, bad])
    window.show_page("reporting")
    receive = window.bundle_receiver.receive()
    states = [entry.state for entry in receive.entries]
    assert states == ["ready", "refused"]
    assert fmt.ACTIVITIES in receive.entries[1].reason and "884-tampered.vstb" in receive.entries[1].reason
    # The preview names the sender, period and sequence and what would change.
    receive.table.setCurrentCell(0, 0)
    details = receive.details.toPlainText()
    assert "Thành phố Long Xuyên" in details and "2023H1" in details and "gói số 1" in details
    assert "Hoạt động: thêm" in details
    assert records.record_counts(province.engine, ["883"], H1) == held_before  # nothing yet

    receive.import_button.click()
    assert [entry.state for entry in receive.entries] == ["imported", "refused"]
    assert receive.table.item(0, receive.OUTCOME).text() == "Đã nhập"
    assert receive.table.item(1, receive.OUTCOME).text().startswith("Từ chối: ")
    held = records.record_counts(province.engine, ["883"], H1)
    sent = receive.entries[0].manifest.counts
    assert held["activities"] == sent["activities"] > 0
    assert records.record_counts(province.engine, ["884"], H1)["activities"] == 0

    # The reporting page was refreshed by reload(): 883 received, 884 missing.
    page = window.pages["reporting"]
    rows = {row["org_unit"]: row["cells"]["2023H1"].status for row in page.result["rows"]}
    assert rows["883"] == "received" and rows["884"] == "missing"
    row_883 = [row["org_unit"] for row in page.result["rows"]].index("883")
    column = page.result["periods"].index("2023H1")
    assert page.table.item(row_883, column).text().startswith("Đã nhận")
    assert "gói số 1" in page.table.item(row_883, column).text()

    # The same file again: already received, nothing changes.
    again = window.bundle_receiver.receive_files([good])
    assert again.entries[0].state == "already"
    assert again.table.item(0, again.OUTCOME).text().startswith("Đã nhận ngày ")
    assert not again.import_button.isEnabled()
    again.close()
    receive.close()
    window.close()


def test_dropped_files_take_the_same_path(qtbot, answers, province, two_bundles, tmp_path):
    good, key = two_bundles["883"]
    trust.add(province, key, "883")
    window = shown_window(qtbot, province)
    not_a_bundle = tmp_path / "ghi-chu.txt"
    not_a_bundle.write_text("x", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(not_a_bundle))])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.bundle_receiver.dialog is not None)
    dialog = window.bundle_receiver.dialog
    assert [entry.path for entry in dialog.entries] == [good]  # the .txt was left out
    dialog.import_button.click()
    assert dialog.entries[0].state == "imported"
    assert records.record_counts(province.engine, ["883"], H1)["activities"] > 0
    dialog.close()
    window.close()


def test_revoked_key_refuses_and_deadline_marks_missing_overdue(qtbot, answers, province, two_bundles):
    good, key = two_bundles["883"]
    trust.add(province, key, "883")
    window = shown_window(qtbot, province)
    window.trust_actions.list_keys()
    keys = window.trust_actions.dialog
    assert keys.table.rowCount() == 1 and keys.table.item(0, keys.STATE).text() == "Hiệu lực"
    keys.table.selectRow(0)
    answers.confirms.append(True)
    keys.revoke_button.click()
    assert keys.table.item(0, keys.STATE).text().startswith("Đã thu hồi")
    assert trust.listing(province)[0].revoked_at is not None
    keys.close()

    dialog = window.bundle_receiver.receive_files([good])
    assert dialog.entries[0].state == "refused" and "thu hồi" in dialog.entries[0].reason
    dialog.close()

    window.show_page("reporting")
    page = window.pages["reporting"]
    from datetime import date

    page.set_deadline(date(2023, 7, 15))
    assert "hạn 15/07/2023" in page.table.horizontalHeaderItem(page.result["periods"].index("2023H1")).text()
    cells = {row["org_unit"]: row["cells"]["2023H1"] for row in page.result["rows"]}
    assert cells["883"].status == "missing" and cells["883"].overdue
    assert "quá hạn" in page.table.item(0, page.result["periods"].index("2023H1")).text()
    window.close()


def test_enrol_dialog_refuses_a_weak_key_and_the_profiles_own(qtbot, answers, province, tmp_path):
    """Weak and borrowed keys in the window: the small-order key 01 00…00 is refused when the file is
    chosen (nothing to enrol); the province's own key dressed up as 884's is refused at Enrol."""
    import base64
    import json

    from vstbpn_desktop.bundle.keys import export_public, fingerprint_hex

    identity = bytes([1]) + bytes(31)
    weak = tmp_path / "weak.pub.json"
    weak.write_text(
        json.dumps(
            {
                "format": "vstb-public-key",
                "version": 1,
                "org_unit": "883",
                "tree": "",
                "public_key": base64.b64encode(identity).decode("ascii"),
                "fingerprint": fingerprint_hex(identity),
            }
        ),
        encoding="utf-8",
    )
    own = tmp_path / "own.pub.json"
    export_public(province, own)
    document = json.loads(own.read_text(encoding="utf-8"))
    own.write_text(json.dumps(dict(document, org_unit="884")), encoding="utf-8")
    window = shown_window(qtbot, province)
    window.trust_actions.enrol()
    dialog = window.trust_actions.dialog
    dialog.set_file(weak)
    assert "bậc nhỏ" in dialog.message.text() and dialog.fingerprint.text() == "—"
    dialog.compared.setChecked(True)
    assert not dialog.enrol_button.isEnabled()
    dialog.set_file(own)
    assert dialog.unit.currentData() == "884"
    dialog.compared.setChecked(True)
    dialog.enrol_button.click()
    assert "khóa của chính hồ sơ này" in dialog.message.text()
    assert dialog.result() != QDialog.Accepted
    assert trust.listing(province) == []
    dialog.close()
    window.close()
