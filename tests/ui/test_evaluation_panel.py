"""Stories of the evaluation panel: how well does the pretrained network do on the test images?"""

from __future__ import annotations

import numpy as np
import pytest
from docking import box, in_dock
from PySide6.QtCore import QPoint, QRect, Qt

from sandbox.evaluation import ROBUSTNESS_KINDS, evaluate_classifier
from ui.panels.evaluation import GALLERY_MAX, ROBUSTNESS_SUBSET, EvaluationPanel


@pytest.fixture
def panel(qtbot, session):
    widget = EvaluationPanel(session)
    qtbot.addWidget(widget)
    widget.resize(600, 800)
    return widget


def _percent(text: str) -> float:
    return float(text.split("Test accuracy ")[1].split("%")[0]) / 100


def test_evaluate_shows_the_engines_accuracy_and_a_full_matrix(qtbot, panel, session):
    panel.show()
    qtbot.mouseClick(panel.findChild(type(panel.evaluate_button), "evaluateButton"), Qt.MouseButton.LeftButton)
    expected = evaluate_classifier(session.model, session.dataset.x_test, session.dataset.y_test)
    text = panel.findChild(type(panel.summary), "evaluationSummaryLabel").text()
    assert _percent(text) == pytest.approx(expected.accuracy, abs=0.0005)
    assert "1,000 images" in text and f"loss {expected.loss:.3f}" in text
    assert panel.matrix.counts.sum() == len(session.dataset.y_test)
    np.testing.assert_array_equal(panel.matrix.counts, expected.confusion)
    assert panel.matrix.hover_text(1, 4) == f"true 1, predicted 4: {expected.confusion[1, 4]} images"
    assert panel.matrix.hover_text(0, 5) == "true 0, predicted 5: 0 images"
    np.testing.assert_allclose(panel.per_class.values, expected.per_class_accuracy)


def test_showing_the_panel_evaluates_by_itself(qtbot, panel):
    assert panel.evaluation is None
    panel.show()
    qtbot.waitUntil(lambda: panel.evaluation is not None)
    assert "Test accuracy" in panel.summary.text()


def test_a_hidden_panel_does_not_evaluate_on_weight_changes(qtbot, panel, session):
    session.weightsChanged.emit()
    assert not panel._refresh_timer.isActive()
    assert panel.evaluation is None


def test_clicking_a_diagonal_cell_shows_its_images(qtbot, panel, session):
    panel.show()
    panel.evaluate()
    rect = panel.matrix.cell_rect(7, 7)
    qtbot.mouseClick(panel.matrix, Qt.MouseButton.LeftButton, pos=rect.center())
    shown = panel.findChild(type(panel.gallery), "evaluationGallery").indices
    assert len(shown) == min(panel.matrix.counts[7, 7], GALLERY_MAX) > 0
    assert np.all(session.dataset.y_test[shown] == 7)
    assert np.all(panel.evaluation.predicted[shown] == 7)
    assert not panel.gallery.pixmap().isNull()
    assert "True 7, predicted 7" in panel.gallery_caption.text()


def test_keyboard_opens_an_off_diagonal_cell(qtbot, panel, session):
    panel.show()
    panel.evaluate()
    true, predicted = np.argwhere(panel.matrix.counts - np.diag(np.diag(panel.matrix.counts)) > 0)[0]
    panel.matrix.setFocus()
    for _ in range(true):
        qtbot.keyClick(panel.matrix, Qt.Key.Key_Down)
    for _ in range(predicted):
        qtbot.keyClick(panel.matrix, Qt.Key.Key_Right)
    qtbot.keyClick(panel.matrix, Qt.Key.Key_Return)
    shown = panel.gallery.indices
    assert len(shown) == panel.matrix.counts[true, predicted]
    assert np.all(session.dataset.y_test[shown] == true)
    assert np.all(panel.evaluation.predicted[shown] == predicted)


def test_most_confident_mistakes_are_all_wrong(qtbot, panel, session):
    panel.show()
    qtbot.mouseClick(panel.mistakes_button, Qt.MouseButton.LeftButton)  # evaluates first if needed
    shown = panel.gallery.indices
    assert 0 < len(shown) <= GALLERY_MAX
    assert np.all(panel.evaluation.predicted[shown] != session.dataset.y_test[shown])
    confidence = panel.evaluation.confidence(shown)
    assert np.all(np.diff(confidence) <= 0)  # surest first


def test_robustness_draws_three_curves_from_the_plain_accuracy(qtbot, panel, session):
    panel.show()
    qtbot.mouseClick(panel.robustness_button, Qt.MouseButton.LeftButton)
    x, y = session.dataset.x_test[:ROBUSTNESS_SUBSET], session.dataset.y_test[:ROBUSTNESS_SUBSET]
    plain = evaluate_classifier(session.model, x, y).accuracy
    assert str(ROBUSTNESS_SUBSET) in panel.robustness_note.text()
    assert set(panel.robustness_items) == set(ROBUSTNESS_KINDS)
    for kind, curve in panel.robustness_items.items():
        xs, ys = curve.getData()
        assert len(xs) == len(ROBUSTNESS_KINDS[kind])
        assert xs[0] == 0 and ys[0] == pytest.approx(plain)
    assert panel.robustness_items["noise"].getData()[1][-1] < plain


def test_pca_map_lists_the_layers_and_maps_the_chosen_one(qtbot, panel, session):
    panel.show()
    panel.evaluate()
    combo = panel.findChild(type(panel.layer_combo), "pcaLayerCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [layer.name for layer in session.model.layers]
    before = panel.pca_points.copy()
    assert before.shape[1] == 2 and len(before) > 0
    combo.setCurrentIndex(0)
    assert not np.allclose(panel.pca_points, before)
    tip = panel._pca_tip(0.0, 0.0, 3)
    assert "test image 3" in tip and f"digit {session.dataset.y_test[3]}" in tip


def test_every_control_has_a_name_and_tooltip(panel):
    for name in ("evaluateButton", "confidentMistakesButton", "robustnessButton", "pcaLayerCombo",
                 "confusionMatrix", "perClassBars", "evaluationGallery", "robustnessPlot", "pcaPlot"):
        widget = panel.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert panel.matrix.cell_rect(0, 0).contains(panel.matrix.cell_rect(0, 0).center())
    assert panel.matrix._cell_at(QPoint(0, 0)) is None


def test_a_visible_panel_follows_new_weights_but_at_most_every_two_seconds_while_training(
        qtbot, panel, session, monkeypatch):
    panel.show()
    panel.evaluate()
    trained = panel.evaluation.accuracy
    session.reset_weights()  # untrained weights: the panel notices by itself
    qtbot.waitUntil(lambda: panel.evaluation.accuracy < trained - 0.5)

    monkeypatch.setattr(session, "is_training", lambda: True)
    for _ in range(5):  # live snapshots arrive a few times a second
        session.weightsChanged.emit()
    assert panel._refresh_timer.isActive() and panel._refresh_timer.interval() == 2000
    remaining = panel._refresh_timer.remainingTime()
    session.weightsChanged.emit()
    assert panel._refresh_timer.remainingTime() <= remaining  # not pushed back, not restarted


def test_in_the_wide_short_bottom_dock_the_sections_stand_side_by_side(qtbot, session):
    panel = EvaluationPanel(session)
    area = in_dock(qtbot, panel, 1400, 320)
    qtbot.waitUntil(lambda: panel.evaluation is not None)
    expected = evaluate_classifier(session.model, session.dataset.x_test, session.dataset.y_test)
    np.testing.assert_array_equal(panel.matrix.counts, expected.confusion)
    np.testing.assert_allclose(panel.per_class.values, expected.per_class_accuracy)
    assert _percent(panel.summary.text()) == pytest.approx(expected.accuracy, abs=0.0005)

    # Summary and bars | matrix | gallery | robustness | map, all within the dock: nothing to scroll to.
    qtbot.waitUntil(lambda: panel.height() <= area.viewport().height())  # the panel fits: no scrolling
    assert box(panel.matrix, panel).left() > box(panel.per_class, panel).right()
    assert box(panel.robustness_plot, panel).left() > box(panel.matrix, panel).right()
    assert box(panel.pca_plot, panel).left() > box(panel.robustness_plot, panel).right()
    room = QRect(QPoint(0, 0), area.viewport().size())
    for widget in (panel.per_class, panel.matrix, panel.robustness_plot, panel.pca_plot):
        assert widget.isVisible() and room.contains(box(widget, panel)), widget.objectName()
    assert not area.verticalScrollBar().isVisible()

    # Back in a tall side dock: one column again, with the same evaluation and the chosen square's images.
    qtbot.mouseClick(panel.matrix, Qt.MouseButton.LeftButton, pos=panel.matrix.cell_rect(7, 7).center())
    shown, evaluation = panel.gallery.indices.copy(), panel.evaluation
    area.resize(450, 900)
    qtbot.waitUntil(lambda: box(panel.matrix, panel).top() > box(panel.per_class, panel).bottom())
    assert box(panel.robustness_plot, panel).top() > box(panel.matrix, panel).bottom()
    assert panel.evaluation is evaluation and panel.matrix.current == (7, 7)
    np.testing.assert_array_equal(panel.gallery.indices, shown)
