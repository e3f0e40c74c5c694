"""The one kind of failure an officer is shown: a refusal that names the file, row or member and the rule.

Every message of the core is a `Message`: a Vietnamese *template* with named `{fields}` and their
values. It *is* its Vietnamese text (a `str`), so the command line, the log and `str(exc)` read
exactly as before; the window's English (ui/common/i18n.py) looks the template up in
resources/translations/vstbpn_core_en.ts (kept by scripts/build-translations, context "core") and
fills in the same values. A value that is itself a message (a nested refusal or reason) is
translated too; a list of messages reads "a; b"; any other value is data (a file name, a unit code,
a number already formatted by formats.py) and is shown as it is.

    raise Refused("{file}: dòng {row}: {reason}", file=label, row=n, reason=exc)

A template given without fields is taken literally (no `{}` formatting), so a text that is already
complete can be passed through unchanged. The template must be a string literal at the call (the
build script and tests/test_core_messages.py read them from the source with `ast`).
"""

from collections.abc import Callable
from typing import Any

from .formats import format_count

Translate = Callable[[str], str]


def _render(value: object, translate: Translate | None, language: str) -> object:
    if isinstance(value, Message):
        return value.render(translate, language)
    if isinstance(value, Term):
        return value.english if language == "en" else str(value)
    if isinstance(value, Count):
        return value.written(language)
    message = getattr(value, "message", None)
    if isinstance(value, BaseException) and isinstance(message, Message):
        return message.render(translate, language)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_render(item, translate, language)) for item in value)
    return value


class Term(str):
    """A catalogue name inside a message (an indicator's name): its Vietnamese text, carrying the
    English the catalogue gives it, since it is data and not one of the templates translated."""

    english: str

    def __new__(cls, vietnamese: str, english: str = "") -> "Term":
        self = super().__new__(cls, vietnamese)
        self.english = english or vietnamese
        return self

    def __reduce__(self) -> tuple[type["Term"], tuple[str, str]]:
        return Term, (str(self), self.english)


class Count(str):
    """A number inside a message: "3.871" in Vietnamese, "3,871" in the English window."""

    value: float

    def __new__(cls, value: float) -> "Count":
        self = super().__new__(cls, format_count(value))
        self.value = value
        return self

    def __reduce__(self) -> tuple[type["Count"], tuple[float]]:
        return Count, (self.value,)

    def written(self, language: str) -> str:
        return format_count(self.value, language)


class Message(str):
    """A core message: its Vietnamese text, plus the template and values it was made of."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, /, **fields: Any) -> "Message":
        self = super().__new__(cls, _fill(template, fields, None, "vi"))
        self.template = template
        self.fields = fields
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        return (self.template,), self.fields

    def render(self, translate: Translate | None = None, language: str = "vi") -> str:
        """The text with `translate(template)` for this template and every nested one (Vietnamese
        without); catalogue terms (Term) in `language`."""
        return _fill(translate(self.template) if translate else self.template, self.fields, translate, language)


def _fill(template: str, fields: dict[str, Any], translate: Translate | None, language: str) -> str:
    if not fields:
        return template
    return template.format(**{name: _render(value, translate, language) for name, value in fields.items()})


def message(text: str | BaseException, /, **fields: Any) -> Message:
    """`text` as a Message: a template with its fields, an existing Message, or the message an
    exception carries (a Refused, Invalid, Reason); any other exception becomes its plain text."""
    if isinstance(text, Message) and not fields:
        return text
    carried = getattr(text, "message", None)
    if isinstance(text, BaseException):
        return carried if isinstance(carried, Message) else Message("{error}", error=str(text))
    return Message(text, **fields)


class WithMessage(Exception):
    """An exception whose text is a Message (`exc.message`)."""

    message: Message

    def __init__(self, template: str | BaseException, /, **fields: Any) -> None:
        self.message = message(template, **fields)
        super().__init__(str(self.message))


class Refused(WithMessage):
    """Input or state refused. The message is Vietnamese and complete; nothing was changed."""


class Cancelled(Refused):
    """The officer cancelled a long operation; like any refusal, nothing was changed."""

    def __init__(self, template: str | BaseException | None = None, /, **fields: Any) -> None:
        super().__init__(
            Message("đã hủy theo yêu cầu; dữ liệu không thay đổi") if template is None else template, **fields
        )


class Reason(WithMessage, ValueError):
    """A value broke a rule (what a parser or validator raises); caught as ValueError, with a Message."""
