"""The floor of the start-up rows: a bare PySide6 QMainWindow of the app's size, nothing else.

Prints `VSTBPN_BENCH shown <epoch seconds>` once the window is shown (first turn of the event
loop after show(), as the app's VSTBPN_BENCH_EXIT_AFTER hook does) and quits. bench/run.py runs it.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()


def shown():
    window.grab()
    print(f"VSTBPN_BENCH shown {time.time():.6f}", flush=True)
    app.quit()


QTimer.singleShot(0, shown)
app.exec()
