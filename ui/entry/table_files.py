"""Tệp → Nhập từ Excel/CSV… (Ctrl+I) and Tệp → Tải mẫu Excel…

The import runs dataio.import_file in a worker with progress and a cancel button; a refusal
(every problem the core found, with file, sheet, row, column and rule) is shown whole; success
shows the counts and the window reads everything again.
"""

from vstbpn_desktop.errors import Refused

from ..common import ask, i18n
from ..common.ask import tr
from ..common.worker import run_task


class TableFiles:
    def __init__(self, window):
        self.window = window
        self.result = None

    @property
    def context(self):
        return self.window.controller.context

    def import_table(self):
        path = ask.ask_open_file(self.window, tr("Nhập từ Excel/CSV — chọn tệp"), ask.TABLE_FILTER)
        if path is None:
            return None
        return self.import_path(path)

    def import_path(self, path):
        from vstbpn_desktop.dataio import import_file  # not at start-up: dataio (openpyxl) loads on first use

        title = tr("Nhập từ Excel/CSV")
        profile = self.context.profile
        if not self.window.controller.flush():
            return None
        try:
            result = run_task(
                self.window,
                tr("Đang nhập {name}…").format(name=path.name),
                lambda task: import_file(profile, path, progress=task.progress, cancelled=task.cancelled),
            )
        except Refused as exc:
            ask.tell(
                self.window,
                title,
                tr("Không nhập gì — dữ liệu giữ nguyên như trước.\n\n{reason}").format(reason=i18n.message(exc)),
                warning=True,
            )
            return None
        self.result = result
        self.window.controller.reload()
        ask.tell(self.window, title, result.describe() + ".")
        self.context.say(result.describe())
        return result

    def save_template(self):
        # not at start-up: dataio (openpyxl) loads on first use
        from vstbpn_desktop.dataio.template import write_template

        title = tr("Tải mẫu Excel")
        default = ask.documents_folder() / "mau-nhap-lieu-vstbpn.xlsx"
        path = ask.ask_save_file(self.window, title, default, "Excel (*.xlsx)")
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            written = write_template(path)
        except Refused as exc:
            ask.tell(self.window, title, i18n.message(exc), warning=True)
            return None
        ask.tell(
            self.window,
            title,
            tr(
                "Đã ghi tệp mẫu {path}.\nMở bằng Excel, nhập mỗi trang một bảng "
                '(xem trang "Hướng dẫn"), lưu lại rồi dùng Tệp → Nhập từ Excel/CSV…'
            ).format(path=written),
        )
        return written


def install(window) -> None:
    files = TableFiles(window)
    window.table_files = files
    window.add_action(
        "file",
        tr("Nhập từ Excel/CSV…"),
        files.import_table,
        "actionImportTable",
        "Ctrl+I",
        tr("Nhập hoạt động, văn bản, chỉ tiêu, lời văn từ tệp .xlsx hoặc .csv (toàn bộ hoặc không gì)"),
    )
    window.add_action("file", tr("Tải mẫu Excel…"), files.save_template, "actionSaveTemplate")
    window.menus["file"].addSeparator()
