"""The window's language: Vietnamese (the source text of every tr()) or English.

`install(app, language)` puts the translators in place before any window is built; the language
is the profile's setting (`settings.language`, "vi" or "en"; Công cụ → Cài đặt…, takes effect on
restart), Vietnamese before a profile exists. English comes from resources/translations/vstbpn_en.qm,
built by scripts/build-translations from vstbpn_en.ts (not committed; that script also files each
message under the context names the ui/ modules translate with). Vietnamese loads a translation
of Qt's own buttons (OK, Cancel, Yes, No…): resources/translations/qt_vi.qm (PySide6 ships no
qtbase_vi.qm), or Qt's own qtbase_vi.qm should a later Qt carry one.

Labels of the core's catalogues (activity and document kinds, sections, indicator names and units)
carry their own English; `label()`, `indicator_name()` and `indicator_unit()` choose by the language.
Messages of the core (refusals, validation reasons; vstbpn_desktop/errors.py) are translated
from resources/translations/vstbpn_core_en.qm (context "core", loaded with the English window):
`message(exc)` is the one way to show a refusal, an Invalid or a reason in the window's language.

Numbers and dates the window shows follow its language too: `count()`, `number()`, `percent()`,
`date_text()`, `long_date()` (vstbpn_desktop/formats.py with the language: "2,302" and "25.36 %" in
English); numbers typed into its cells are read by `parse_number()` / `typed_number()`. Qt's own
widgets follow `QLocale.setDefault`, set by `install()` (British English keeps dd/mm/yyyy). Printed
reports and written files stay Vietnamese: the core writes them with formats.py's defaults.
"""

import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vstbpn_desktop import formats
from vstbpn_desktop.catalogue import label as catalogue_label
from vstbpn_desktop.errors import Message
from vstbpn_desktop.resources import resource
from vstbpn_desktop.settings import Settings


def QT_TR_NOOP(text: str) -> str:
    """Marks `text` for translation where it is defined (pyside6-lupdate finds it by this name);
    tr() translates it where it is shown. Qt's own is typed as returning `object`."""
    return text


LANGUAGES = ("vi", "en")
CATALOGUE = "vstbpn"
CORE_CATALOGUE = "vstbpn_core"
CORE_CONTEXT = "core"
log = logging.getLogger(__name__)

_state: dict = {"language": "vi", "translators": []}


def translations_dir() -> Path:
    return resource("translations")


def language_of(data_dir: Path | None) -> str:
    """The profile's language setting; Vietnamese when there is no profile or it cannot be read."""
    if data_dir is None:
        return "vi"
    try:
        return Settings.load(Path(data_dir)).language
    except (OSError, ValueError):
        return "vi"


def install(app, language: str, folder: Path | None = None) -> str:
    """Translators for `language` on `app` (replacing earlier ones). Returns the language in effect:
    "vi" when the English .qm is missing (not built), with a line in the log."""
    for translator in _state["translators"]:
        app.removeTranslator(translator)
    _state["translators"] = []
    folder = Path(folder) if folder is not None else translations_dir()
    effective = "vi"
    if language == "en":
        translator = QTranslator(app)
        qm = folder / f"{CATALOGUE}_en.qm"
        if translator.load(str(qm)):
            _state["translators"].append(translator)
            effective = "en"
            core = QTranslator(app)
            if core.load(str(folder / f"{CORE_CATALOGUE}_en.qm")):
                _state["translators"].append(core)
            else:
                log.warning(
                    "%s: chưa có bản dịch thông báo của lõi; thông báo lỗi hiện bằng tiếng Việt",
                    folder / f"{CORE_CATALOGUE}_en.qm",
                )
        else:
            log.warning("%s: chưa có bản dịch tiếng Anh (chạy scripts/build-translations); dùng tiếng Việt", qm)
    if effective == "vi":
        # Qt's standard buttons: our own qt_vi.qm, else Qt's qtbase_vi.qm if this Qt carries one.
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in (folder / "qt_vi.qm", Path(qt_folder) / "qtbase_vi.qm"):
            translator = QTranslator(app)
            if path.exists() and translator.load(str(path)):
                _state["translators"].append(translator)
                break
    for translator in _state["translators"]:
        app.installTranslator(translator)
    _state["language"] = effective
    QLocale.setDefault(qt_locale(effective))
    return effective


def qt_locale(language: str) -> QLocale:
    """Qt's locale for the window's language (spin boxes, date edits): British English writes
    1,234.5 and keeps the officers' dd/mm/yyyy."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def language() -> str:
    return _state["language"]


def _translate(template: str) -> str:
    return QCoreApplication.translate(CORE_CONTEXT, template)


def message(value) -> str:
    """A refusal, an Invalid, a reason or a Message of the core in the window's language (nested
    messages too); any other value (an OS error, plain text) as its text."""
    carried = getattr(value, "message", None)
    if isinstance(value, BaseException) and isinstance(carried, Message):
        value = carried
    if isinstance(value, Message):
        return value.render(_translate, language())
    return str(value)


def label(vocabulary: Mapping[str, tuple[str, str]], code: str) -> str:
    """A catalogue label (activity/document kind, section) in the window's language."""
    return catalogue_label(vocabulary, code, language())


def period_label(period) -> str:
    """ "6 tháng đầu năm 2023" / "first half of 2023"."""
    return period.label_en if language() == "en" else period.label_vi


def indicator_name(indicator) -> str:
    return indicator.name_en if language() == "en" and indicator.name_en else indicator.name_vi


def indicator_unit(indicator) -> str:
    return indicator.unit_en if language() == "en" and indicator.unit_en else indicator.unit_vi


# -- numbers and dates in the window's language (formats.py; files and reports stay Vietnamese) --


def count(value) -> str:
    """2302 → "2.302" / "2,302"; 12.5 → "12,5" / "12.5"; None → ""."""
    return formats.format_count(value, language())


def number(value, places: int = 0) -> str:
    return formats.format_number(value, places, language())


def percent(value, places: int = 2) -> str:
    """25.36 → "25,36 %" / "25.36 %"; None → "—"."""
    return formats.format_percent(value, places, language())


MET_COLOUR, UNMET_COLOUR, NO_DATA_COLOUR = "#1b5e20", "#b00020", "#666666"


def share_verdict(indicator, year: int, share: float | None) -> tuple[str, str, str]:
    """A share against its national target, worded as the report words it: (the share, "mục tiêu
    đến năm 2025 là 60 %: chưa đạt", its colour). An empty share reads "chưa có số liệu"."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("i18n", text)

    goal = indicator.goal(year)
    if share is None:
        goal_text = (
            tr("mục tiêu đến năm {year} là {target}").format(year=goal[0], target=percent(goal[1], 0)) if goal else ""
        )
        return tr("chưa có số liệu"), goal_text, NO_DATA_COLOUR
    if goal is None:
        return percent(share), "", ""
    met = share >= goal[1]
    return (
        percent(share),
        tr("mục tiêu đến năm {year} là {target}: {verdict}").format(
            year=goal[0], target=percent(goal[1], 0), verdict=tr("đạt") if met else tr("chưa đạt")
        ),
        MET_COLOUR if met else UNMET_COLOUR,
    )


def province_verdict(target: tuple[int, float, str] | None, share: float | None) -> tuple[str, str]:
    """A share against the province's target (`domain.indicators.target_in`: its year, percent and
    decision), as the report judges it: ("mục tiêu của tỉnh năm 2023 là 30 % (Quyết định số
    238/QĐ-UBND): chưa đạt", its colour); ("", "") without one."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("i18n", text)

    if target is None:
        return "", ""
    year, value, decision = target
    words = {"year": year, "target": percent(value, 0 if float(value).is_integer() else 2), "decision": decision}
    if share is None:
        return tr("mục tiêu của tỉnh năm {year} là {target} ({decision})").format(**words), NO_DATA_COLOUR
    met = share >= value
    return (
        tr("mục tiêu của tỉnh năm {year} là {target} ({decision}): {verdict}").format(
            verdict=tr("đạt") if met else tr("chưa đạt"), **words
        ),
        MET_COLOUR if met else UNMET_COLOUR,
    )


def date_text(value) -> str:
    """02/02/2023 in both languages."""
    return formats.format_date(value, language())


def long_date(value) -> str:
    """ "ngày 02 tháng 02 năm 2023" / "2 February 2023"."""
    return formats.format_long_date(value, language())


def parse_number(text: str) -> float:
    """A number typed in the window: "1.849" is 1849 in Vietnamese, "1,849" in English."""
    return formats.parse_number(text, language())


def typed_number(value):
    """A number typed into a cell or field, handed to the core (which reads text the Vietnamese
    way): in English it is read here with the English rules, so "1,234" is 1234 and "2.5" is 2,5.
    Vietnamese text, empty text and text that is no number in English go on unchanged; the core
    then reads or refuses them with its own reason."""
    if language() != "en" or not isinstance(value, str) or not value.strip():
        return value
    try:
        return parse_number(value)
    except ValueError:
        return value
