"""Every window within the screen it opens on: a 1366x768 laptop with its taskbar, a 1024x600
netbook, a screen scaled to 125 % or 150 % (QT_SCALE_FACTOR or the system's setting: Qt then
reports the smaller logical size, which is what is compared here).

One home for it: dialogs ask `fit(dialog, width, height)` for their preferred size instead of
`resize`, long forms put their body in `scrolling(widget)` so that the buttons below stay in
view, and the main window opens maximised when its preferred size does not fit (`place_main`).
`available(widget)` is QScreen.availableGeometry of the screen the window is on (the tests
replace it with the geometries they check)."""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What the window manager adds around a window (title bar, borders): kept free on every side.
FRAME = QSize(16, 40)
MAIN_WINDOW = QSize(1280, 800)


def available(widget: QWidget | None = None) -> QRect:
    """The usable area (without taskbars) of the screen `widget` (or its parent) is on."""
    screen = None
    while widget is not None and screen is None:
        screen = widget.screen() if widget.isWindow() or widget.parentWidget() is None else None
        widget = widget.parentWidget()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room(widget: QWidget | None = None) -> QSize:
    """The largest client size of a window on that screen (the frame kept free)."""
    area = available(widget)
    return QSize(max(area.width() - FRAME.width(), 320), max(area.height() - FRAME.height(), 240))


def fit(window: QWidget, width: int, height: int) -> None:
    """`window.resize(width, height)`, never larger than the screen's room."""
    limit = room(window)
    window.resize(min(width, limit.width()), min(height, limit.height()))


def place_main(window: QWidget) -> None:
    """The main window at its preferred 1280x800, or maximised where that does not fit
    (1366x768 with a taskbar, 1024x600); a size remembered from a larger screen is cut down too."""
    limit = room(window)
    if window.isMaximized():
        return
    preferred = window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else MAIN_WINDOW
    if preferred.width() > limit.width() or preferred.height() > limit.height():
        window.resize(min(preferred.width(), limit.width()), min(preferred.height(), limit.height()))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(preferred)


def scrolling(body: QWidget) -> QScrollArea:
    """`body` in a frameless vertical scroll area: a long form scrolls, the buttons below it do not."""
    area = QScrollArea()
    area.setObjectName("scrollingBody")
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
