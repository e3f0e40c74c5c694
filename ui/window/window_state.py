"""The window's size and position, remembered in the profile folder (`window.json`, atomic)
and restored when the next window opens."""

import contextlib
import json
from pathlib import Path

from PySide6.QtCore import QByteArray

from vstbpn_desktop.atomic import write_atomic

from ..common.screen import place_main

STATE_FILE = "window.json"


def state_path(window, data_dir: Path | None = None) -> Path:
    return Path(data_dir if data_dir is not None else window.controller.profile.data_dir) / STATE_FILE


def save(window) -> None:
    payload = {
        "geometry": bytes(window.saveGeometry().toBase64()).decode("ascii"),
        "page": window.navigation.currentRow(),
    }
    with contextlib.suppress(OSError):  # a read-only profile folder: the window opens at its default size next time
        write_atomic(state_path(window), json.dumps(payload).encode("utf-8"))


def restore(window, data_dir: Path | None = None) -> bool:
    """`data_dir`: before the controller is attached (app.run_window's early frame). Whatever was
    remembered, the window ends within the screen (screen.place_main)."""
    try:
        payload = json.loads(state_path(window, data_dir).read_text(encoding="utf-8"))
        geometry = QByteArray.fromBase64(payload["geometry"].encode("ascii"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        place_main(window)
        return False
    restored = window.restoreGeometry(geometry)
    place_main(window)
    page = payload.get("page")
    if isinstance(page, int) and 0 <= page < window.navigation.count():
        window.navigation.setCurrentRow(page)
    return restored


def install(window) -> None:
    restore(window)
    window.closing.connect(lambda: save(window))
