"""A language switch leaves nothing behind: after two runs, an undoable edit and a drawing, every text in the
window is in the new language, and what the learner made (runs, drawing, prediction, undo history) is kept."""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

import sandbox as sb
from ui.i18n import LANGUAGES
from ui.session import DataSet

HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: Names that stay as they are in every language: Keras's layer, activation and optimizer names, the layers'
#: own names, file names.
TECHNICAL = re.compile(r"(Dense|Conv2D|MaxPooling2D|AveragePooling2D|Flatten|Dropout|Activation|Input|LeNet|"
                       r"linear|relu|leaky_relu|elu|gelu|sigmoid|tanh|softmax|softplus|silu|valid|same|SGD|"
                       r"RMSprop|Adam|AdamW|Adagrad|rho|W|(dense|flatten|conv2d|max_pooling2d|dropout)(_\d+)?|"
                       r"dlsb|mine)")


def untranslated(text: str, before: set[str]) -> bool:
    """``text`` was shown before the switch too, and has words that are not names kept in every language."""
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)
    return text in before and any(not TECHNICAL.fullmatch(w) for w in words)


def small_digits(n: int = 320) -> DataSet:
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    return DataSet.from_uint8("digits", (x[:n], y[:n]), (xt[:100], yt[:100]))


def texts_of(window: QWidget) -> list[tuple[str, str]]:
    """Every text the window shows or says (labels, buttons, tooltips, menus, tables, tabs, plot labels)."""
    found: list[tuple[str, str]] = [("title", window.windowTitle())]
    for w in window.findChildren(QWidget):
        name = w.objectName() or type(w).__name__
        if name.startswith("qt_"):
            continue  # Qt's own parts (a dock's float button) are named by Qt's translations
        found += [(f"{name}.toolTip", w.toolTip()), (f"{name}.accessibleName", w.accessibleName())]
        if isinstance(w, QLabel):
            found.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QComboBox):
            found += [(f"{name}[{i}]", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            found += [(f"{name}.header", w.horizontalHeaderItem(c).text()) for c in range(w.columnCount())
                      if w.horizontalHeaderItem(c) is not None]
            found += [(f"{name}[{r},{c}]", w.item(r, c).text() + " " + w.item(r, c).toolTip())
                      for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c) is not None]
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            found += [(f"{name}.header", header.text(c)) for c in range(header.columnCount())]
        elif isinstance(w, QTabBar):
            found += [(f"{name}.tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QDockWidget):
            found.append((name, w.windowTitle()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, pg.PlotWidget):
            for side in ("left", "bottom"):
                axis = w.getPlotItem().getAxis(side)
                found.append((f"{name}.{side}", axis.labelText))
            for item in w.getPlotItem().items:
                if isinstance(item, pg.InfiniteLine) and getattr(item, "label", None) is not None:
                    found.append((f"{name}.marker", item.label.format))
    for action in window.findChildren(QAction):
        if type(action.parent()).__module__.startswith("pyqtgraph"):
            continue  # pyqtgraph's own context menus come in English only
        if action.text() not in LANGUAGES.values():  # each language is named in its own language
            found += [("action", action.text()), ("action.toolTip", action.toolTip())]
    # file paths and the recent files' entries ("&2 mine.dlsb") are the learner's own names, in no language
    return [(where, text) for where, text in found
            if text and not ("/" in text and " " not in text) and not re.fullmatch(r"&\d+ \S+\.\w+", text)]


def switch(qtbot, window, language: str) -> None:
    window.set_language(language)
    train = "훈련" if language == "ko" else "Train"
    qtbot.waitUntil(lambda: window.findChild(QAbstractButton, "trainButton").text() == train)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the panels the rebuild replaced


def test_a_language_switch_after_two_runs_an_edit_and_a_drawing_leaves_nothing_behind(qtbot, window):
    session = window.session
    session.set_dataset(small_digits())
    session.load_preset("mlp")
    session.update_training("epochs", 1)
    for optimizer in ("Adam", "SGD"):
        session.update_training("optimizer", optimizer)
        with qtbot.waitSignal(session.trainingEnded, timeout=60_000):
            session.start_training()
    session.update_training("learning_rate", 0.005)  # an undoable edit: Edit → Undo names it
    window.canvas_panel.show_test_digit()
    drawing = window.canvas_panel.canvas.image().copy()
    qtbot.waitUntil(lambda: window.canvas_panel.bars.probabilities() is not None)
    runs_before = window.loss_panel.legend_labels()
    assert len(runs_before) == 2
    english = {text for _where, text in texts_of(window)}

    try:
        switch(qtbot, window, "ko")
        leftovers = [(where, text) for where, text in texts_of(window) if untranslated(text, english)]
        assert leftovers == [], leftovers
        assert all(label.startswith("실행") for label in window.loss_panel.legend_labels())
        assert "학습률" in window.act_undo.text()
        # what the learner made is all still there
        assert window.loss_panel.run_count() == 2
        assert np.array_equal(window.canvas_panel.canvas.image(), drawing)
        assert window.canvas_panel.bars.probabilities() is not None
    finally:
        switch(qtbot, window, "en")
    korean = [(where, text) for where, text in texts_of(window) if HANGUL.search(text)]
    assert korean == [], korean
    assert window.loss_panel.legend_labels() == runs_before
    assert window.act_undo.text() == "&Undo Change learning rate"
    session.undo()
    assert session.training.learning_rate == 0.001


def test_the_playground_keeps_its_curves_and_undo_history_through_a_switch(qtbot, window):
    window.set_mode("playground")
    mode = window.mode_widgets["playground"]
    session = mode.session
    session.update_training("epochs", 2)
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000):
        session.start_training()
    session.update_training("learning_rate", 0.01)
    try:
        switch(qtbot, window, "ko")
        fresh = window.mode_widgets["playground"]
        assert fresh is not mode and fresh.session is session  # rebuilt, on the same session
        assert fresh.loss_panel.run_count() == 1 and fresh.loss_panel.legend_labels()[0].startswith("실행 1")
        assert session.undo_stack.undoText() == "학습률 변경"
    finally:
        switch(qtbot, window, "en")
        window.set_mode("digits")
    assert window.mode_widgets["playground"].loss_panel.legend_labels()[0].startswith("Run 1")
    assert session.undo_stack.undoText() == "Change learning rate"


def test_the_rule_lesson_goes_on_where_it_was_after_a_switch(qtbot, window):
    window.set_mode("rule")
    lesson = window.mode_widgets["rule"]
    lesson.add_point(4.0, 16.0)
    for _ in range(5):
        lesson.step()
    sgd = lesson.learner("SGD")
    try:
        switch(qtbot, window, "ko")
        again = window.mode_widgets["rule"]
        assert again is not lesson and again.learner("SGD") is sgd and sgd.steps == 5
        assert len(again.problem) == 4
        korean = again.findChild(QAbstractButton, "rulePlayButton").text()
        assert HANGUL.search(korean), korean
        again.step()  # the training actions now drive the rebuilt lesson
        assert sgd.steps == 6
    finally:
        switch(qtbot, window, "en")
        window.set_mode("digits")


def test_a_message_on_show_is_said_again_in_the_new_language(qtbot, window, tmp_path):
    bad = tmp_path / "broken.dlsb"
    bad.write_bytes(b"not a model")
    assert not window.open_path(str(bad))
    english = window.info_bar.label.text()
    assert english.startswith("Could not open broken.dlsb")
    try:
        switch(qtbot, window, "ko")
        korean = window.info_bar.label.text()
        assert window.info_bar.isVisible() and "broken.dlsb" in korean and HANGUL.search(korean), korean
    finally:
        switch(qtbot, window, "en")
    assert window.info_bar.label.text() == english
