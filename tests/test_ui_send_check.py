"""The checklist before Gửi báo cáo, on a real district profile: what is missing is
listed with a link that opens its page; the officer can send anyway, or lock the period in the same
dialog; a period complete and locked goes straight to the file dialog."""

from pathlib import Path

import pytest
from conftest import PASSPHRASE, shown_window
from PySide6.QtWidgets import QDialog

from ui.bundle import send
from ui.common import ask
from vstbpn_desktop import records
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope
from vstbpn_desktop.safety.locking import lock_state

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
H1 = Period(2023, 1)


@pytest.fixture
def answered(monkeypatch, tmp_path):
    """The file dialog and the passphrase answered; what the checklist showed, kept."""
    out = tmp_path / "out" / "883-2023H1-1.vstb"
    out.parent.mkdir()
    monkeypatch.setattr(ask, "ask_save_file", lambda parent, title, default, f: out)
    monkeypatch.setattr(ask, "ask_passphrase", lambda parent, title, label: PASSPHRASE)
    monkeypatch.setattr(ask, "show", lambda dialog: None)
    seen = {"answer": None}

    def run(dialog):
        seen["dialog"] = dialog
        seen["lines"] = [line.text() for line in dialog.lines]
        return seen["answer"](dialog)

    monkeypatch.setattr(ask, "run_dialog", run)
    seen["out"] = out
    return seen


def test_an_empty_period_lists_every_part_and_a_link_opens_its_page(qtbot, district, answered):
    window = shown_window(qtbot, district)
    window.show_page("documents")

    def follow_the_violence_link(dialog):
        line = next(line for line in dialog.lines if "Phòng chống bạo lực" in line.text())
        line.linkActivated.emit("violence")  # as a click on its "Mở trang"
        return dialog.result()

    answered["answer"] = follow_the_violence_link
    assert window.bundle_sender.send() is None  # the officer went to fix it: nothing sent
    assert not answered["out"].exists()
    assert window.stack.currentWidget() is window.pages["violence"]
    text = "\n".join(answered["lines"])
    for part in (
        "Văn bản chỉ đạo và phối hợp",
        "Tuyên truyền, tập huấn",
        "Cán bộ nữ",
        "Phòng chống bạo lực",
        "Kết quả đạt được",
        "Khó khăn, hạn chế",
        "Phương hướng, nhiệm vụ",
    ):
        assert part in text, part
    assert all('<a href="' in line for line in answered["lines"])
    assert lock_state(district.engine, H1) is None or lock_state(district.engine, H1).locked_at is None
    window.close()


def test_send_anyway_and_lock_the_period_in_the_same_dialog(qtbot, district, answered):
    from vstbpn_desktop.demo import load_demo

    load_demo(district)
    window = shown_window(qtbot, district)
    scope = Scope("883", H1)
    records.set_narrative(district.engine, scope, "difficulties", "", "Lan")  # one part left empty

    def lock_and_send(dialog):
        assert dialog.can_lock and dialog.lock.isChecked()  # offered, ticked by default
        assert dialog.send_button.text() == "Vẫn gửi"
        dialog.send_button.click()
        return dialog.result()

    answered["answer"] = lock_and_send
    result = window.bundle_sender.send()
    assert result is not None and Path(result.path) == answered["out"] and answered["out"].is_file()
    first = answered["lines"]
    assert any("Chưa có lời văn: “Khó khăn, hạn chế”" in line for line in first)
    assert not any("Chưa có số liệu" in line for line in first)  # the sample has every kind of figure
    row = lock_state(district.engine, H1)
    assert row is not None and row.locked_at is not None  # locked in the same step
    assert window.read_only and window.banner.isVisible()

    # Locked now: the next sending lists the same, and no longer offers the lock.
    answered["out"].unlink()
    answered["answer"] = lambda dialog: QDialog.Accepted if not dialog.can_lock else pytest.fail("lock offered")
    assert window.bundle_sender.send() is not None and answered["out"].is_file()
    assert answered["lines"] == first
    window.close()


def test_a_complete_locked_period_is_sent_without_questions(qtbot, district, answered):
    from vstbpn_desktop.demo import load_demo
    from vstbpn_desktop.safety.locking import submit

    load_demo(district)
    window = shown_window(qtbot, district)
    scope = Scope("883", H1)
    for section in (
        "documents",
        "communication",
        "female_cadres",
        "violence",
        "achievements",
        "difficulties",
        "directions",
    ):
        if not records.narratives(district.engine, scope).get(section):
            records.set_narrative(district.engine, scope, section, "Nội dung của mục.", "Lan")
    submit(district.engine, H1, "Lan")
    window.controller.set_period("2023H1")
    answered["answer"] = lambda dialog: pytest.fail(f"asked: {[line.text() for line in dialog.lines]}")
    assert send.checklist(window) == []
    assert window.bundle_sender.send() is not None and answered["out"].is_file()
    window.close()


def test_a_refused_value_on_a_page_is_listed(qtbot, district, answered):
    window = shown_window(qtbot, district)
    page = window.pages["female_cadres"]
    page.message.show_refusal("Trong đó nữ (3.000) lớn hơn tổng số (2.302)")
    checks = send.checklist(window)
    assert any(c.page == "female_cadres" and "(3.000) lớn hơn" in c.text for c in checks)
    answered["answer"] = lambda dialog: QDialog.Rejected
    assert window.bundle_sender.send() is None and not answered["out"].exists()
    window.close()
