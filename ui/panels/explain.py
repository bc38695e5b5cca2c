"""A short note beside a view: what am I looking at, and what should I try.

Each digits-mode panel puts one :class:`ExplanationBox` at its top with one idea of chapter 1 of
*Deep Learning with Python* in plain words, and a concrete experiment. The learner can fold a box
away; the choice is remembered per box in QSettings (``explain/<objectName>``), so a rebuilt panel
(after a language change) or the next start keeps it folded.

The text is small and muted, so it reads as a side note rather than as a control, but its colour is
chosen from the palette to keep a WCAG contrast of at least 4.5:1 (dark themes included).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QToolButton, QVBoxLayout, QWidget

__all__ = ["MIN_CONTRAST", "SETTINGS_GROUP", "ExplanationBox", "contrast_ratio", "muted_color"]

#: QSettings group of the boxes' folded/unfolded state.
SETTINGS_GROUP = "explain"
#: WCAG AA contrast for normal text: the muted colour never goes below it.
MIN_CONTRAST = 4.5
#: The note's font relative to the panel's: small enough to recede, never below 8 pt.
FONT_SCALE, MIN_POINT_SIZE = 0.9, 8.0
ICON_SIZE = 16


def _luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour, in [0, 1]."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def muted_color(foreground: QColor, background: QColor) -> QColor:
    """``foreground`` moved towards ``background`` as far as a contrast of :data:`MIN_CONTRAST` allows.

    A palette whose own text is already below that contrast keeps its text colour unchanged.
    """
    fg = (foreground.redF(), foreground.greenF(), foreground.blueF())
    bg = (background.redF(), background.greenF(), background.blueF())
    for share in (0.45, 0.35, 0.25, 0.15):  # share of the background mixed in, most muted first
        mixed = QColor.fromRgbF(*(f + share * (b - f) for f, b in zip(fg, bg, strict=True)))
        if contrast_ratio(mixed, background) >= MIN_CONTRAST:
            return mixed
    return QColor(foreground)


class ExplanationBox(QWidget):
    """An info icon, a small fold button, one or two sentences and a "Try:" suggestion.

    Folded, the box keeps a single line ("What am I looking at?") that unfolds it when clicked.

    Parameters
    ----------
    object_name : str
        The box's objectName, also its settings key ``explain/<object_name>``. Its children are named
        ``<object_name>Text``, ``<object_name>Try``, ``<object_name>Caption`` and ``<object_name>Toggle``.
    text : str
        What the view shows, already translated by the panel.
    try_text : str, optional
        A concrete experiment, already translated; empty hides the "Try:" line.
    parent : QWidget, optional
    expanded : bool
        Whether the box starts unfolded when the learner has not chosen yet.

    Signals
    -------
    expandedChanged(bool)
        The box was folded (False) or unfolded (True).
    """

    expandedChanged = Signal(bool)

    def __init__(self, object_name: str, text: str, try_text: str = "", parent: QWidget | None = None, *,
                 expanded: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        # Fixed: the height follows the width through sizeHint() (see hasHeightForWidth).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._text, self._try_text = text, try_text
        self._laid_out_width = 0

        self._icon = QLabel(self)
        self._icon.setObjectName(f"{object_name}Icon")
        self._icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                             .pixmap(QSize(ICON_SIZE, ICON_SIZE)))
        self._icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self._text_label = self._label("Text")
        self._try_label = self._label("Try")
        self._try_label.setTextFormat(Qt.TextFormat.RichText)
        self._caption = self._label("Caption")
        self._caption.setCursor(Qt.CursorShape.PointingHandCursor)  # a click on the folded line unfolds it

        self._toggle = QToolButton(self)
        self._toggle.setObjectName(f"{object_name}Toggle")
        self._toggle.setCheckable(True)
        self._toggle.setAutoRaise(True)
        self._toggle.setIconSize(QSize(10, 10))
        self._toggle.clicked.connect(self.set_expanded)

        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        for label in (self._text_label, self._try_label, self._caption):
            words.addWidget(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 1, 0, 1)
        row.setSpacing(6)
        # The fold button stays in one place, next to the first line, as a disclosure triangle does.
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)

        self._expanded = bool(QSettings().value(self.settings_key(), expanded, bool))
        self._apply_colors()
        self._retranslate()
        self._show_state()

    def _label(self, suffix: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{self.objectName()}{suffix}")
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(max(MIN_POINT_SIZE, font.pointSizeF() * FONT_SCALE))
        label.setFont(font)
        return label

    # ---- public API ------------------------------------------------------------------------------
    def settings_key(self) -> str:
        """Where the folded state is kept: ``explain/<objectName>``."""
        return f"{SETTINGS_GROUP}/{self.objectName()}"

    def text(self) -> str:
        """The explanation (without the suggestion)."""
        return self._text

    def try_text(self) -> str:
        """The suggested experiment, without its "Try:" prefix; may be empty."""
        return self._try_text

    def set_texts(self, text: str, try_text: str = "") -> None:
        """Show new texts (a panel that retranslates itself in place calls this)."""
        self._text, self._try_text = text, try_text
        self._retranslate()
        self._show_state()

    def is_expanded(self) -> bool:
        """True when the texts are shown, False when folded to one line."""
        return self._expanded

    @Slot(bool)
    def set_expanded(self, expanded: bool) -> None:
        """Unfold (True) or fold (False) the box and remember the choice."""
        expanded = bool(expanded)
        QSettings().setValue(self.settings_key(), expanded)
        if expanded == self._expanded:
            self._show_state()  # keeps the button's checked state in step after a click
            return
        self._expanded = expanded
        self._show_state()
        self.expandedChanged.emit(expanded)

    # ---- size ------------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        """False, although the wrapped text's height depends on the width.

        A panel in a resizable QScrollArea whose layout reports height-for-width is never made shorter
        than its size hint, so a plot panel would stop shrinking to fit its dock and scroll instead.
        The box answers the question itself: :meth:`sizeHint` gives the height its current width needs.
        """
        return False

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # Before its first layout the box has Qt's placeholder width, far narrower than it will be:
        # its preferred width is the better guess then.
        return QSize(hint.width(), self._height_for(self._laid_out_width or hint.width()))

    def _height_for(self, width: int) -> int:
        return max(self.layout().heightForWidth(width), self.layout().minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._laid_out_width:
            self._laid_out_width = event.size().width()
            if self._height_for(self._laid_out_width) != self.height():
                self.updateGeometry()  # the new width wraps the text into another number of lines

    # ---- internals -------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Explanation"))
        self.setAccessibleDescription(" ".join(t for t in (self._text, self._try_text) if t))
        self._text_label.setText(self._text)
        self._try_label.setText("<b>{}</b> {}".format(escape(self.tr("Try:")), escape(self._try_text)))
        self._caption.setText(self.tr("What am I looking at?"))
        self._toggle.setAccessibleName(self.tr("Show or hide the explanation"))

    def _show_state(self) -> None:
        expanded = self._expanded
        self._text_label.setVisible(expanded)
        self._try_label.setVisible(expanded and bool(self._try_text))
        self._caption.setVisible(not expanded)
        self._toggle.setChecked(expanded)
        self._toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._toggle.setToolTip(self.tr("Hide this explanation") if expanded
                                else self.tr("Show what this panel is about"))

    def _apply_colors(self) -> None:
        palette = self.palette()
        muted = muted_color(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window))
        for label in (self._text_label, self._try_label, self._caption):
            own = label.palette()
            own.setColor(QPalette.ColorRole.WindowText, muted)
            label.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_state()
        elif event.type() == QEvent.Type.PaletteChange:  # a light/dark switch: pick the muted colour again
            self._apply_colors()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._expanded and event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # so that the release comes here too
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on the folded line unfolds the box, so the small button is not the only target."""
        if not self._expanded and event.button() == Qt.MouseButton.LeftButton:
            self.set_expanded(True)
            event.accept()
            return
        super().mouseReleaseEvent(event)
