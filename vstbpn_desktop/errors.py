"""The one kind of failure an officer is shown: a refusal that names the file, row or member and the rule."""


class Refused(Exception):
    """Input or state refused. The message is Vietnamese and complete; nothing was changed."""


class Cancelled(Refused):
    """The officer cancelled a long operation; like any refusal, nothing was changed."""

    def __init__(self, message: str = "đã hủy theo yêu cầu; dữ liệu không thay đổi"):
        super().__init__(message)
