"""The report's font: Times New Roman where the system has it, else a metric-compatible free font.

Decree 30/2020 asks for Times New Roman. Every Windows laptop has it; on Linux we look for it
through fontconfig, then fall back to Tinos or Liberation Serif (same widths, so the page breaks
match). Each candidate must cover every precomposed Vietnamese letter before it is used, and it is
always embedded in the PDF. No font file is shipped in the repository: the installer carries one
found at build time through VSTBPN_REPORT_FONT_DIR.
"""

import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Message, Refused
from ..resources import resource

FONT_DIR_VARIABLE = "VSTBPN_REPORT_FONT_DIR"
STYLES = ("regular", "bold", "italic", "bold_italic")

# File names of each family's four styles, as the families ship them.
FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "Times New Roman": {
        "regular": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf"),
        "bold": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRomanBold.ttf"),
        "italic": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRomanItalic.ttf"),
        "bold_italic": (
            "timesbi.ttf",
            "Times New Roman Bold Italic.ttf",
            "Times_New_Roman_Bold_Italic.ttf",
            "TimesNewRomanBoldItalic.ttf",
        ),
    },
    "Tinos": {
        "regular": ("Tinos-Regular.ttf",),
        "bold": ("Tinos-Bold.ttf",),
        "italic": ("Tinos-Italic.ttf",),
        "bold_italic": ("Tinos-BoldItalic.ttf",),
    },
    "Liberation Serif": {
        "regular": ("LiberationSerif-Regular.ttf",),
        "bold": ("LiberationSerif-Bold.ttf",),
        "italic": ("LiberationSerif-Italic.ttf",),
        "bold_italic": ("LiberationSerif-BoldItalic.ttf",),
    },
}
FONTCONFIG_STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "Bold Italic"}
COMMON_FOLDERS = (
    "/usr/share/fonts/truetype/msttcorefonts",
    "/usr/share/fonts/truetype/croscore",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/liberation-serif",
    "/usr/share/fonts/google-croscore-tinos",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    str(Path.home() / ".fonts"),
    str(Path.home() / ".local/share/fonts"),
)
INSTALL_HINT = Message(
    "không tìm thấy phông chữ Times New Roman hoặc phông tương thích có đủ dấu tiếng Việt để in báo cáo; "
    "trên Windows Times New Roman có sẵn (hãy kiểm tra thư mục Fonts); trên Debian/Ubuntu hãy cài gói "
    "fonts-croscore (Tinos) hoặc fonts-liberation (Liberation Serif): sudo apt install fonts-croscore; "
    "hoặc đặt biến môi trường {variable} chỉ tới thư mục chứa bốn tệp phông",
    variable=FONT_DIR_VARIABLE,
)


def vietnamese_letters() -> str:
    """Every precomposed Vietnamese letter, lower and upper case: ă â đ ê ô ơ ư and each tone."""
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    letters = {"đ", "Đ"}
    for base in bases:
        for tone in tones:
            letter = unicodedata.normalize("NFC", base + tone)
            assert len(letter) == 1, letter
            letters |= {letter, letter.upper()}
    return "".join(sorted(letters))


def missing_letters(path: Path) -> str:
    """The Vietnamese letters the font cannot draw ("" when it covers them all)."""
    from fontTools.ttLib import TTFont  # lazy: fontTools loads only when a font file is checked

    font = TTFont(str(path), lazy=True, fontNumber=0)
    try:
        cmap = font.getBestCmap() or {}
    finally:
        font.close()
    return "".join(ch for ch in vietnamese_letters() if ord(ch) not in cmap)


@dataclass(frozen=True)
class FontSet:
    """The four registered styles; `family` is what Word should be told (the real font name)."""

    family: str
    paths: dict[str, Path]
    regular: str = "VSTBPN-Serif"
    bold: str = "VSTBPN-Serif-Bold"
    italic: str = "VSTBPN-Serif-Italic"
    bold_italic: str = "VSTBPN-Serif-BoldItalic"


def _folders() -> list[Path]:
    folders = []
    override = os.environ.get(FONT_DIR_VARIABLE)
    if override:
        folders.append(Path(override))
    # The installer carries a free font (with its licence) here; the repository has none.
    folders.append(resource("fonts"))
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        folders.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    folders += [Path(p) for p in COMMON_FOLDERS]
    return folders


def _in_folder(folder: Path, family: str) -> dict[str, Path] | None:
    found = {}
    for style, names in FAMILIES[family].items():
        for name in names:
            candidate = folder / name
            if candidate.is_file():
                found[style] = candidate
                break
        else:
            return None
    return found


def _fontconfig(family: str) -> dict[str, Path] | None:
    """Ask fc-match for each style; accept only an exact family match (no substitution)."""
    if shutil.which("fc-match") is None:
        return None
    found = {}
    for style, fc_style in FONTCONFIG_STYLES.items():
        try:
            result = subprocess.run(
                ["fc-match", "-f", "%{family}\t%{file}", f"{family}:style={fc_style}"],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        names, _, file = result.stdout.partition("\t")
        if family not in names.split(",") or not file.lower().endswith(".ttf"):
            return None
        found[style] = Path(file)
    return found if len(set(found.values())) == 4 else None


def candidates() -> list[tuple[str, dict[str, Path]]]:
    """Every complete four-style family found, best first (the override folder first of all)."""
    result = []
    folders = _folders()
    override = os.environ.get(FONT_DIR_VARIABLE)
    if override:
        for family in FAMILIES:
            found = _in_folder(Path(override), family)
            if found:
                result.append((family, found))
    for family in FAMILIES:
        for folder in folders:
            found = _in_folder(folder, family)
            if found:
                result.append((family, found))
        found = _fontconfig(family)
        if found:
            result.append((family, found))
    return result


def find_fonts() -> tuple[str, dict[str, Path]]:
    """The first family whose four styles all cover Vietnamese; Refused naming what to install."""
    rejected = []
    for family, paths in candidates():
        gaps = {style: missing_letters(path) for style, path in paths.items()}
        if not any(gaps.values()):
            return family, paths
        rejected.append(
            Message(
                "{family} ({folder}) thiếu chữ {letters}",
                family=family,
                folder=paths["regular"].parent,
                letters="".join(sorted(set("".join(gaps.values()))))[:20],
            )
        )
    if rejected:
        raise Refused("{hint} (đã loại: {rejected})", hint=INSTALL_HINT, rejected=rejected)
    raise Refused(INSTALL_HINT)


@lru_cache(maxsize=1)
def register_fonts() -> FontSet:
    """Register the four styles with reportlab once; TrueType fonts are always embedded (subset)."""
    from reportlab.lib.fonts import addMapping  # lazy: reportlab loads only when a report registers its fonts
    from reportlab.pdfbase import pdfmetrics  # lazy: reportlab loads only when a report registers its fonts
    from reportlab.pdfbase.ttfonts import TTFont  # lazy: reportlab loads only when a report registers its fonts

    family, paths = find_fonts()
    fonts = FontSet(family=family, paths=paths)
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(getattr(fonts, style), str(paths[style])))
    pdfmetrics.registerFontFamily(
        fonts.regular, normal=fonts.regular, bold=fonts.bold, italic=fonts.italic, boldItalic=fonts.bold_italic
    )
    for bold, italic, style in ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold_italic")):
        addMapping(fonts.regular, bold, italic, getattr(fonts, style))
    return fonts
