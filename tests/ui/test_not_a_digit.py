"""Issue 11 §7, a learner's story: "I drew an X and it said 4 with 60 %?"

A network trained only on digits always answers with a digit. When the drawing looks unlike every digit
it learned from, the canvas says so once, gently, in a note under the bars; a real digit gets no note.
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from ui.panels.canvas import NOTE_DELAY_MS

BIG_X = ([(0.15, 0.15), (0.85, 0.85)], [(0.85, 0.15), (0.15, 0.85)])
SEVEN = ([(0.3, 0.22), (0.7, 0.22), (0.45, 0.8)],)


def draw(canvas, strokes, steps: int = 10) -> None:
    """Draw like a user's mouse: press, many small moves, release. Points are fractions of the canvas."""
    def at(x: float, y: float) -> QPoint:
        return QPoint(round(x * canvas.width()), round(y * canvas.height()))

    for stroke in strokes:
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[0]))
        for (x0, y0), (x1, y1) in itertools.pairwise(stroke):
            for t in np.linspace(0, 1, steps)[1:]:
                QTest.mouseMove(canvas, at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[-1]))


def answers_with_a_digit(panel) -> bool:
    probs = panel.bars.probabilities()
    return probs is not None and abs(float(probs.sum()) - 1) < 1e-3 and panel.prediction_label.text() in "0123456789"


def no_note_after_a_while(qtbot, panel) -> None:
    """Long enough for a note to have appeared, had the drawing been judged unlike every digit."""
    qtbot.wait(NOTE_DELAY_MS + 400)
    assert not panel.not_a_digit_note.isVisible()


def test_an_x_gets_a_gentle_note_and_a_real_digit_none(qtbot, window):
    panel = window.canvas_panel
    note = panel.not_a_digit_note
    assert note.objectName() == "notADigitNote" and note.accessibleName()
    assert "none of these" in note.text()
    # The pretrained network is loaded; its familiarity facts are fitted off the GUI thread.
    qtbot.waitUntil(lambda: panel.familiarity() is not None, timeout=10_000)
    assert panel.familiarity().hidden_layer is not None
    assert not note.isVisible()

    draw(panel.canvas, BIG_X)
    qtbot.waitUntil(lambda: panel.prediction_label.text() != "")
    assert answers_with_a_digit(panel)  # it still names a digit …
    qtbot.waitUntil(note.isVisible, timeout=3000)  # … and the note says what that answer is worth
    assert panel.judgement().familiar is False
    assert note.toolTip()
    assert panel.bars.isVisible()  # a note under the bars, never a dialog in front of them
    assert window.findChildren(type(note), "notADigitNote") == [note]

    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not note.isVisible()  # the note goes with the drawing

    data = window.session.dataset
    panel.canvas.set_image(data.x_test[0, :, :, 0])  # a held-out digit the network never trained on
    qtbot.waitUntil(lambda: panel.prediction_label.text() == str(int(data.y_test[0])))
    assert panel.judgement().familiar
    no_note_after_a_while(qtbot, panel)

    qtbot.keyClick(panel.canvas, Qt.Key.Key_Escape)
    draw(panel.canvas, SEVEN)
    qtbot.waitUntil(lambda: panel.prediction_label.text() == "7")
    no_note_after_a_while(qtbot, panel)


def test_a_note_goes_when_the_drawing_becomes_a_digit(qtbot, window):
    """Shown once per drawing: an X overwritten by a test digit loses its note at once."""
    panel = window.canvas_panel
    qtbot.waitUntil(lambda: panel.familiarity() is not None, timeout=10_000)
    draw(panel.canvas, BIG_X)
    qtbot.waitUntil(panel.not_a_digit_note.isVisible, timeout=3000)
    panel.canvas.set_image(window.session.dataset.x_test[1, :, :, 0])
    qtbot.waitUntil(lambda: not panel.not_a_digit_note.isVisible(), timeout=1000)


def test_the_facts_are_refitted_when_the_weights_change(qtbot, window):
    panel = window.canvas_panel
    qtbot.waitUntil(lambda: panel.familiarity() is not None, timeout=10_000)
    before = panel.familiarity()
    with qtbot.waitSignal(panel.familiarityFitted, timeout=10_000):
        assert window.session.reset_weights()
    assert panel.familiarity() is not before
