"""Long work runs off the GUI thread: the event loop keeps turning, cancel really cancels."""

import threading

import pytest
from PySide6.QtCore import QTimer

from ui.worker import run_task
from vstbpn_desktop.errors import Cancelled
from vstbpn_desktop.periods import Period
from vstbpn_desktop.records import Scope, count_activities

H1 = Period.parse("2023H1")


def _write_csv(path, rows):
    lines = ["date,kind,title,sessions,participants,female_participants,place,notes"]
    lines += [f"2023-0{1 + i % 6}-1{i % 9},training,Tập huấn số {i},1,20,10,Xã Mỹ Hòa Hưng," for i in range(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_event_loop_turns_during_a_100000_activity_import(qtbot, district, tmp_path):
    from vstbpn_desktop.dataio.importer import import_file

    source = tmp_path / "hoat-dong.csv"
    _write_csv(source, 100_000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(threading.get_ident()))
    timer.start(20)
    worker_threads = []

    def work(task):
        worker_threads.append(threading.get_ident())
        return import_file(district, source, progress=task.progress, cancelled=task.cancelled)

    result = run_task(None, "Đang nhập tệp", work)
    timer.stop()
    assert count_activities(district.engine, Scope("883", H1)) == 100_000
    assert result is not None
    # The GUI thread kept serving its timer while the import ran elsewhere.
    assert len(ticks) >= 10, ticks
    assert set(ticks) == {threading.get_ident()} and worker_threads[0] != threading.get_ident()


def test_cancel_leaves_nothing_half_done(qtbot, district, tmp_path):
    from vstbpn_desktop.dataio.importer import import_file

    source = tmp_path / "hoat-dong.csv"
    _write_csv(source, 20_000)
    started = threading.Event()

    def work(task):
        def progress(*args):
            started.set()
            task.progress(*args)
        return import_file(district, source, progress=progress, cancelled=task.cancelled)

    def press_cancel():
        from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and started.is_set():
                widget.findChild(QPushButton).click()  # as the officer does
                return
        QTimer.singleShot(10, press_cancel)

    QTimer.singleShot(0, press_cancel)
    with pytest.raises(Cancelled):
        run_task(None, "Đang nhập tệp", work, delay_ms=0)
    assert count_activities(district.engine, Scope("883", H1)) == 0


def test_errors_come_back_to_the_caller(qtbot):
    def work(task):
        raise ValueError("hỏng")

    with pytest.raises(ValueError, match="hỏng"):
        run_task(None, "Thử", work)
