"""The Qt binding itself: versions with known defects that crash the app are kept out."""

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QListWidget
app = QApplication([])
widget = QListWidget()
for _ in range(20000):
    widget.currentItem()  # returns None: the binding must not drop a reference to it
print("ok")
"""


def test_null_pointer_returns_do_not_corrupt_none():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
