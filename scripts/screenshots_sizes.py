"""Regenerate docs/screenshots/ at the two screen sizes the window must fit: every page and dialog
on a 1366x768 and on a 1024x600 screen (`1366-*.png`, `1024-*.png`), and the English window at
1366x768 (`en-*.png`). Each size runs in a process of its own on Qt's offscreen platform with a
screen of that size (`offscreen:configfile=`), so every window sizes itself exactly as on such a
laptop (ui/common/screen.py): screenshots.py (pages, first run), screenshots_bundles.py (sending,
receiving, keys, printing), screenshots_safety.py (backups, history, locks, settings, help),
screenshots_en.py (English).

    python scripts/screenshots_sizes.py [OUTPUT_DIR]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1024, 600))


def screen_environment(folder: Path, width: int, height: int) -> dict[str, str]:
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    return os.environ | {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}


def run(script: str, out: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / script), str(out)], check=True, env=env, cwd=ROOT)


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for width, height in SIZES:
            env = screen_environment(folder, width, height)
            shots = folder / str(width)
            shots.mkdir()
            for script in ("screenshots.py", "screenshots_bundles.py", "screenshots_safety.py"):
                run(script, shots, env)
            for path in sorted(shots.glob("*.png")):
                shutil.copyfile(path, output / f"{width}-{path.name}")
                print(output / f"{width}-{path.name}")
        run("screenshots_en.py", output, screen_environment(folder, *SIZES[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
