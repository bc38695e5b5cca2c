"""Stories of the words beside each view: every panel says what it shows and what to try, the learner can
fold a note away and it stays folded, and every control answers "what is this?" with a tooltip and an
accessible name."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSlider,
    QTabBar,
    QToolButton,
    QToolTip,
    QWidget,
)

from ui.panels.canvas import CanvasPanel, DigitCanvas
from ui.panels.controls import TrainingControls
from ui.panels.data import DataPanel
from ui.panels.explain import MIN_CONTRAST, SETTINGS_GROUP, ExplanationBox, contrast_ratio
from ui.panels.keras_code import KerasCodeView
from ui.panels.layer_stack import LayerStackPanel
from ui.panels.loss_plot import LossPlotPanel
from ui.panels.settings import TrainingSettingsPanel
from ui.user_digits import UserDigits

#: Each panel, the objectName of its note, and a word its note must contain (so a swapped text fails).
PANELS = {
    "layers": (LayerStackPanel, "layersExplanation", "stack of layers", True),
    "optimizer": (TrainingSettingsPanel, "optimizerExplanation", "learning rate", True),
    "training": (TrainingControls, "trainingExplanation", "backpropagation", True),
    "loss": (LossPlotPanel, "lossExplanation", "loss function", True),
    "canvas": (CanvasPanel, "canvasExplanation", "28×28", True),
    "data": (DataPanel, "dataExplanation", "labels", False),
    "keras": (KerasCodeView, "kerasCodeExplanation", "Keras", False),
}


@pytest.fixture(autouse=True)
def _fresh_notes():
    """Every story starts with no remembered fold states, and leaves none behind."""
    QSettings().remove(SETTINGS_GROUP)
    yield
    QSettings().remove(SETTINGS_GROUP)


@pytest.fixture
def make_panel(qtbot, session, tmp_path):
    """Build a shown panel of the given kind at a dock-like size."""

    def make(kind: str) -> QWidget:
        cls = PANELS[kind][0]
        # The canvas keeps the learner's drawings: give it a private file.
        panel = cls(session, user_digits=UserDigits(tmp_path / "digits.npz")) if cls is CanvasPanel else cls(session)
        qtbot.addWidget(panel)
        panel.resize(420, 600)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


def note_of(panel: QWidget, kind: str) -> ExplanationBox:
    box = panel.findChild(ExplanationBox, PANELS[kind][1])
    assert box is not None, f"{kind}: no explanation box"
    return box


def label(box: ExplanationBox, part: str) -> QLabel:
    return box.findChild(QLabel, f"{box.objectName()}{part}")


def toggle(box: ExplanationBox) -> QToolButton:
    return box.findChild(QToolButton, f"{box.objectName()}Toggle")


@pytest.mark.parametrize("kind", PANELS)
def test_each_panel_says_what_it_shows_and_what_to_try(kind, make_panel, qtbot):
    panel = make_panel(kind)
    box = note_of(panel, kind)
    _, _, words, has_try = PANELS[kind]
    if not box.is_expanded():  # dense panels start folded: the learner unfolds the note
        qtbot.mouseClick(toggle(box), Qt.MouseButton.LeftButton)

    text = label(box, "Text")
    assert text.isVisible() and words in text.text(), text.text()
    assert text.wordWrap()
    suggestion = label(box, "Try")
    assert suggestion.isVisible() is has_try
    if has_try:
        assert suggestion.text().startswith("<b>Try:</b> ") and len(box.try_text()) > 10
    assert words in box.accessibleDescription()


@pytest.mark.parametrize("kind", PANELS)
def test_a_folded_note_hides_its_text_and_stays_folded_in_a_new_panel(kind, make_panel, qtbot):
    panel = make_panel(kind)
    box = note_of(panel, kind)
    if not box.is_expanded():
        qtbot.mouseClick(toggle(box), Qt.MouseButton.LeftButton)
    assert toggle(box).isChecked()

    qtbot.mouseClick(toggle(box), Qt.MouseButton.LeftButton)

    assert not box.is_expanded() and not toggle(box).isChecked()
    assert not label(box, "Text").isVisible() and not label(box, "Try").isVisible()
    assert label(box, "Caption").isVisible()  # one quiet line is left to unfold it again
    assert QSettings().value(f"explain/{PANELS[kind][1]}", True, bool) is False

    rebuilt = make_panel(kind)  # as after a language change, or at the next start
    again = note_of(rebuilt, kind)
    assert not again.is_expanded()
    assert not label(again, "Text").isVisible()

    qtbot.mouseClick(toggle(again), Qt.MouseButton.LeftButton)
    third = make_panel(kind)
    assert note_of(third, kind).is_expanded()


def test_the_folded_line_itself_unfolds_the_note_and_the_keyboard_works_too(make_panel, qtbot):
    panel = make_panel("layers")
    box = note_of(panel, "layers")
    box.set_expanded(False)
    with qtbot.waitSignal(box.expandedChanged) as blocker:
        qtbot.mouseClick(label(box, "Caption"), Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert label(box, "Text").isVisible()

    toggle(box).setFocus()
    qtbot.keyClick(toggle(box), Qt.Key.Key_Space)
    assert not box.is_expanded()


def test_the_note_is_small_and_muted_but_readable_in_light_and_dark_themes(make_panel):
    panel = make_panel("training")
    box = note_of(panel, "training")
    text = label(box, "Text")
    assert text.font().pointSizeF() < panel.font().pointSizeF()
    for window, ink in ((QColor("#efefef"), QColor("#000000")), (QColor("#2b2b2b"), QColor("#f0f0f0"))):
        palette = QPalette(panel.palette())
        palette.setColor(QPalette.ColorRole.Window, window)
        palette.setColor(QPalette.ColorRole.WindowText, ink)
        panel.setPalette(palette)
        shown = text.palette().color(QPalette.ColorRole.WindowText)
        assert shown != ink, "the note should be quieter than ordinary text"
        assert contrast_ratio(shown, window) >= MIN_CONTRAST, (shown.name(), window.name())


def test_the_loss_panel_retranslates_its_note_in_place(make_panel):
    panel = make_panel("loss")
    box = note_of(panel, "loss")
    box.set_texts("", "")
    panel.retranslate()
    assert "loss function" in box.text() and "overfitting" in box.try_text()


def show_tooltip(plot: pg.PlotWidget, pos: QPoint) -> str:
    """Hover ``pos`` on a plot's viewport long enough for a tooltip; the tooltip's text, or ""."""
    QToolTip.hideText()
    viewport = plot.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_the_plot_tooltip_shows_over_the_axis_but_never_over_the_points(make_panel):
    panel = make_panel("loss")
    plot = panel.loss_plot
    view = plot.getPlotItem().getViewBox()
    over_data = plot.mapFromScene(view.sceneBoundingRect().center())
    item = plot.getPlotItem()
    # The axis's layout cell: its bounding rect also spans the grid lines across the data.
    over_axis = plot.mapFromScene(item.mapRectToScene(item.getAxis("left").geometry()).center())
    try:
        assert show_tooltip(plot, over_data) == ""
        assert show_tooltip(plot, over_axis) == plot.toolTip() != ""
    finally:
        QToolTip.hideText()


# ---- every control of the window answers "what is this?" ------------------------------------------------
INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QComboBox, QSlider, QLineEdit, QAbstractItemView, DigitCanvas,
               pg.GraphicsView)


def qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets, which carry their owner's tooltip and name."""
    parent = widget.parentWidget()
    return (widget.objectName().startswith("qt_")  # spin box line edits, dock title buttons, extension buttons
            or isinstance(parent, QAbstractSpinBox | QTabBar)  # a spin box's editor; a tab bar's scroll arrows
            or (isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView))
            or any(isinstance(a, QComboBox) for a in ancestors(widget)))  # a combo box's popup list


def ancestors(widget: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def test_every_control_in_the_window_has_a_tooltip_and_an_accessible_name(window):
    # The panels: every dock's content and the central area's views (the info bar above them is the window's own).
    roots = [dock.widget() for dock in window.docks.values()] + [window.canvas_panel]
    checked, offenders = 0, []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if not isinstance(widget, INTERACTIVE) or qt_internal(widget):
                continue
            checked += 1
            missing = [what for what, value in (("toolTip", widget.toolTip()),
                                                ("accessibleName", widget.accessibleName())) if not value.strip()]
            if missing:
                offenders.append(f"{type(widget).__name__} {widget.objectName()!r}: no {' or '.join(missing)}")
    assert not offenders, "controls without words:\n" + "\n".join(offenders)
    assert checked > 50  # the walk really saw the panels' controls

    boxes = {box.objectName() for box in window.findChildren(ExplanationBox)}
    assert {name for _, name, _, _ in PANELS.values()} <= boxes
