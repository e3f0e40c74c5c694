"""Long work runs off the GUI thread: the event loop keeps turning, cancel really cancels."""

import threading

import pytest
from PySide6.QtCore import QTimer

from ui.common.worker import run_task
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
            # Hold the import at its first step until the officer's click has landed: on a busy
            # machine the rows could otherwise all be checked before the GUI thread gets to click.
            assert task.cancel_requested.wait(60), "the Cancel button was never pressed"
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


def test_wait_cursor_at_once_progress_dialog_only_past_a_second(qtbot):
    """The wait cursor from the first moment; the dialog not for work under a second, then yes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ui.common import worker

    seen = {}

    def short(task):
        seen["cursor"] = QApplication.overrideCursor().shape() if QApplication.overrideCursor() else None
        threading.Event().wait(0.2)
        return "xong"

    dialogs_before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)}
    assert run_task(None, "Ngắn", short) == "xong"
    assert seen["cursor"] == Qt.WaitCursor
    assert QApplication.overrideCursor() is None  # given back
    assert worker.DIALOG_AFTER_MS == 1000

    shown = []

    def watch():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and id(widget) not in dialogs_before and widget.isVisible():
                shown.append(widget.labelText())
        if not done.is_set():
            QTimer.singleShot(20, watch)

    done = threading.Event()

    def long(task):
        for _ in range(1200):  # the dialog appears while the work is still going on (given up after a minute)
            if shown:
                break
            task.progress(1, 2, "đang làm")
            threading.Event().wait(0.05)
        done.set()
        return len(shown)

    QTimer.singleShot(0, watch)
    assert run_task(None, "Dài", long, delay_ms=100) >= 1
    assert shown[0].startswith("Dài")


def test_a_failing_task_gives_the_cursor_and_the_collector_back(qtbot):
    import gc

    from PySide6.QtWidgets import QApplication

    collector = {}

    def work(task):
        collector["during"] = gc.isenabled()
        raise ValueError("hỏng")

    assert gc.isenabled()
    with pytest.raises(ValueError):
        run_task(None, "Thử", work)
    assert collector["during"] is False  # no full collection pauses the window during the work
    assert gc.isenabled() and QApplication.overrideCursor() is None


def test_the_worker_waits_for_the_window_only_when_it_has_missed_its_beat(monkeypatch):
    """Task.progress and Task.cancelled wait for the GUI thread's next beat (so it takes Python's
    lock) once STARVED_S has passed since its last one, and not at every call; a task nobody
    beats for (no window) never waits."""
    from ui.common import worker

    clock = [100.0]
    waits = []
    monkeypatch.setattr(worker.time, "monotonic", lambda: clock[0])
    alone = worker.Task()
    clock[0] += worker.STARVED_S * 10
    alone.progress(1, 10)
    assert alone.cancelled() is False
    task = worker.Task()
    monkeypatch.setattr(task._gui_turn, "wait", waits.append)
    task.beat()
    task.progress(1, 10)
    task.cancelled()
    assert waits == []
    clock[0] += worker.STARVED_S * 1.5
    task.progress(2, 10)
    assert waits == [worker.GIVE_WAY_MAX_S]
    task.beat()  # the GUI thread ran: no more waiting until it misses its beat again
    task.cancelled()
    assert len(waits) == 1
    clock[0] += worker.STARVED_S * 1.5
    assert task.cancelled() is False and len(waits) == 2
    assert task.done == 2


def test_the_window_beats_while_a_task_runs(qtbot):
    """run_task's beat timer keeps telling the worker that the GUI thread runs Python: a worker that
    watches the beat sees it move while it works, without ever calling the GUI itself."""
    from ui.common import worker

    def work(task):
        first = task.gui_seen
        pause = threading.Event()
        for _ in range(2000):  # gives up after about 10 s: the assertion below then fails
            if task.gui_seen != first:
                break
            pause.wait(0.005)
        return first, task.gui_seen

    first, later = worker.run_task(None, "Thử", work)
    assert first is not None and later > first
