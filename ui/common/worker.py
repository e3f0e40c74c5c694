"""Long work off the GUI thread: a core function runs in a worker thread while a progress
dialog with a Cancel button keeps the window alive.

The core reports progress through a callback (`progress(done, total, stage)`, any prefix of
those arguments). Cancelling makes the next progress call raise `Cancelled` inside the
worker, so the core's own transaction or temporary file unwinds: nothing half-done stays.
"""

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from vstbpn_desktop.errors import Cancelled

T = TypeVar("T")
POLL_MS = 50
# The GUI thread's beat while a task runs: a timer slot that tells the worker the window has just
# run Python. A worker that finds the last beat older than STARVED_S waits for the next one (at
# most GIVE_WAY_MAX_S) at its next progress()/cancelled() call.
BEAT_MS = 10
STARVED_S = 0.03
GIVE_WAY_MAX_S = 0.1
# The busy cursor shows at once; the progress dialog only when the work lasts past this.
DIALOG_AFTER_MS = 1000


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor for as long as the block runs (nested blocks are fine): for work that must
    stay on the GUI thread and may take over 0.3 s (opening the print preview, for one)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class Task:
    """State shared between the worker thread and the GUI thread.

    Every progress() or cancelled() call of the core also hands Python's lock (the GIL) to the GUI
    thread when the GUI thread has not run Python for STARVED_S: a worker that keeps releasing and
    re-taking the lock around short C calls (SQLite steps, zlib) wins it back before the waiting GUI
    thread is scheduled, for hundreds of milliseconds on a busy machine, and the window stops
    repainting. A fixed short sleep was not enough under load (the GUI thread was not scheduled in
    time); the worker now waits for the GUI thread's own beat (`beat()`, a timer of run_task)."""

    def __init__(self):
        self.gui_seen: float | None = None  # the GUI thread's last beat; None: nobody beats, no waiting
        self._gui_turn = threading.Event()
        self.done = 0
        self.total = 0
        self.stage = ""
        self.cancel_requested = threading.Event()
        self.finished = threading.Event()
        self.result = None
        self.error: BaseException | None = None

    def progress(self, done: int = 0, total: int = 0, stage: str = "") -> None:
        self.give_way()
        if self.cancel_requested.is_set():
            raise Cancelled()
        self.done, self.total, self.stage = int(done), int(total or 0), stage or self.stage

    def cancelled(self) -> bool:
        self.give_way()
        return self.cancel_requested.is_set()

    def beat(self) -> None:
        """On the GUI thread: it has just run Python."""
        self.gui_seen = time.monotonic()
        self._gui_turn.set()

    def give_way(self) -> None:
        """On the worker: wait for the GUI thread's next beat if it has missed its last ones."""
        seen = self.gui_seen
        if seen is not None and time.monotonic() - seen >= STARVED_S:
            self._gui_turn.clear()
            self._gui_turn.wait(GIVE_WAY_MAX_S)  # Python's lock is free meanwhile: the GUI thread takes it


def run_task(
    parent: QWidget | None,
    title: str,
    work: Callable[[Task], T],
    *,
    cancellable: bool = True,
    delay_ms: int = DIALOG_AFTER_MS,
) -> T:
    """Run `work(task)` in a thread, show progress, return its result or raise its error.

    The event loop keeps turning the whole time (the window repaints, the cancel button
    answers). The wait cursor shows at once; the dialog only if the work lasts longer than
    `delay_ms`.
    """
    with busy(), no_full_collections():
        return _run(parent, title, work, cancellable, delay_ms)


@contextmanager
def no_full_collections() -> Iterator[None]:
    """Python's cycle collector off while the work runs: its full passes over a heap that the work
    fills with 100,000 rows hold Python's lock for half a second each, and the window, which needs
    that lock to repaint, froze with them. Reference counting still frees what the work drops;
    the cycles left are collected by the next pass after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run(parent, title, work, cancellable, delay_ms):
    task = Task()

    def target():
        try:
            task.result = work(task)
        except BaseException as exc:  # handed to the GUI thread and raised there
            task.error = exc
        finally:
            task.finished.set()

    dialog = QProgressDialog(title, QCoreApplication.translate("worker", "Hủy") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.cancel_requested.set)

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll():
        if dialog.wasCanceled():
            task.cancel_requested.set()
        if task.total:
            dialog.setMaximum(task.total)
            dialog.setValue(min(task.done, task.total))
        if task.stage:
            dialog.setLabelText(f"{title}\n{task.stage}")
        if task.cancel_requested.is_set():
            dialog.setLabelText(QCoreApplication.translate("worker", "Đang hủy…"))
        if task.finished.is_set():
            loop.quit()

    timer.timeout.connect(poll)
    beat = QTimer()
    beat.setInterval(BEAT_MS)
    beat.timeout.connect(task.beat)
    task.beat()
    beat.start()
    thread = threading.Thread(target=target, name=f"task: {title}", daemon=True)
    thread.start()
    timer.start()
    loop.exec()
    timer.stop()
    beat.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if task.error is not None:
        raise task.error
    return task.result


def later(owner: QObject, work: Callable[[], T], done: Callable[[T], None]) -> None:
    """`work()` in a thread of its own, then `done(result)` on the GUI thread; nothing is called if
    `owner` is gone by then or the work raised (logged). For reads that take long on a big profile
    and need no answer before the window goes on (the totals under the activity list)."""
    outcome: dict = {}
    finished = threading.Event()

    def target():
        try:
            outcome["result"] = work()
        except Exception:  # a read that failed: the old figures stay, the log says why
            logging.getLogger("vstbpn").exception("background read failed")
        finally:
            finished.set()

    timer = QTimer(owner)
    timer.setInterval(POLL_MS // 2)

    def check():
        if not finished.is_set():
            return
        timer.stop()
        timer.deleteLater()
        if "result" in outcome:
            done(outcome["result"])

    timer.timeout.connect(check)
    threading.Thread(target=target, name="background read", daemon=True).start()
    timer.start()
