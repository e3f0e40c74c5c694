"""`--self-test`: proves a build works on this machine without touching the officer's data.

In a temporary folder: two profiles (district 883, province 89), sample data, a one-page PDF
in the report font, a bundle exported, enrolled, verified and imported, and (unless
`--self-test` runs headless by choice) the Qt platform loaded offscreen.
"""

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from .bundle import keys, trust
from .bundle.export import export_bundle
from .bundle.importer import import_bundle, verify_bundle
from .demo import load_demo
from .periods import Period
from .profile import Profile
from .reports.fonts import register_fonts


def _step(name: str, action) -> None:
    started = time.perf_counter()
    detail = action()
    took = time.perf_counter() - started
    print(f"ok  {name} ({took:.2f} s){': ' + detail if detail else ''}", flush=True)


def run(with_qt: bool = True) -> int:

    period = Period.parse("2023H1")
    passphrase = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory(prefix="vstbpn-self-test-") as folder:
        root = Path(folder)
        state: dict = {}

        def profiles():
            state["district"] = Profile.create(root / "883", "883", "Tự kiểm tra", passphrase)
            state["province"] = Profile.create(root / "89", "89", "Tự kiểm tra", passphrase)
            counts = load_demo(state["district"])
            return f"{counts['activities']} hoạt động mẫu"

        def pdf():

            fonts = register_fonts()
            out = root / "mot-trang.pdf"
            canvas = Canvas(str(out))
            canvas.setFont(fonts.regular, 14)
            canvas.drawString(72, 760, "Tự kiểm tra: Cộng hòa xã hội chủ nghĩa Việt Nam — ngày 02 tháng 02 năm 2023")
            canvas.save()
            data = out.read_bytes()
            if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
                raise RuntimeError("PDF không hợp lệ hoặc phông chữ không được nhúng")
            return f"{len(data)} byte, phông {fonts.family}"

        def bundle():

            district, province = state["district"], state["province"]
            public = root / "883.pub.json"
            keys.export_public(district, public)
            trust.add(province, public, "883")
            out = root / "883-2023H1.vstb"
            export_bundle(district, period, out, passphrase)
            verify_bundle(province, out)
            result = import_bundle(province, out)
            return f"{out.stat().st_size} byte, {result.status}"

        def qt():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            # the self-test's one Qt import: can this build start Qt (contract core-no-qt)
            from PySide6.QtWidgets import QApplication, QMainWindow

            existing = QApplication.instance()
            app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
            window = QMainWindow()
            window.setWindowTitle("Tự kiểm tra")
            window.show()
            app.processEvents()
            window.close()
            return app.platformName()

        try:
            _step("hồ sơ và dữ liệu mẫu", profiles)
            _step("PDF một trang", pdf)
            _step("gói báo cáo: xuất, đăng ký khóa, kiểm tra, nhập", bundle)
            if with_qt:
                _step("Qt", qt)
        except Exception as exc:  # the self-test reports every failure, whatever its kind
            print(f"error: tự kiểm tra thất bại: {exc}", file=sys.stderr)
            return 1
        finally:
            for profile in (state.get("district"), state.get("province")):
                if profile is not None:
                    profile.close()
    print("Tự kiểm tra: mọi bước đều đạt.")
    return 0
