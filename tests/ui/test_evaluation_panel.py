"""Stories of the evaluation panel: how well does the pretrained network do on the test images?

Every computation of this panel runs off the GUI thread, so the stories wait for results (``_settled``) the
way a learner waits for the numbers to appear.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from docking import box, in_dock
from PySide6.QtCore import QPoint, QRect, Qt

import ui.panels.evaluation as evaluation_module
from sandbox.evaluation import ROBUSTNESS_KINDS, evaluate_classifier, layer_map
from ui.panels.evaluation import GALLERY_MAX, ROBUSTNESS_SUBSET, TRAINING_SAMPLE, EvaluationPanel
from ui.session import DataSet


@pytest.fixture
def panel(qtbot, session):
    widget = EvaluationPanel(session)
    qtbot.addWidget(widget)
    widget.resize(600, 800)
    return widget


def _percent(text: str) -> float:
    return float(text.split("Test accuracy ")[1].split("%")[0]) / 100


def _settled(qtbot, panel) -> None:
    """Wait until the panel has shown the result of everything it was asked to compute."""
    qtbot.waitUntil(lambda: not panel.busy and not panel._refresh_timer.isActive(), timeout=30000)


def _evaluated(qtbot, panel) -> None:
    panel.evaluate()
    _settled(qtbot, panel)
    assert panel.evaluation is not None


def test_evaluate_shows_the_engines_accuracy_and_a_full_matrix(qtbot, panel, session):
    panel.show()
    qtbot.mouseClick(panel.findChild(type(panel.evaluate_button), "evaluateButton"), Qt.MouseButton.LeftButton)
    assert panel.busy and panel.busy_label.isVisible()  # the numbers come from another thread
    _settled(qtbot, panel)
    assert not panel.busy_label.isVisible() and panel.summary.isEnabled()
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
    _evaluated(qtbot, panel)
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
    _evaluated(qtbot, panel)
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
    qtbot.waitUntil(lambda: len(panel.gallery.indices) > 0, timeout=30000)
    shown = panel.gallery.indices
    assert 0 < len(shown) <= GALLERY_MAX
    assert np.all(panel.evaluation.predicted[shown] != session.dataset.y_test[shown])
    confidence = panel.evaluation.confidence(shown)
    assert np.all(np.diff(confidence) <= 0)  # surest first


def test_robustness_draws_three_curves_from_the_plain_accuracy(qtbot, panel, session):
    panel.show()
    qtbot.mouseClick(panel.robustness_button, Qt.MouseButton.LeftButton)
    assert panel.robustness_busy_label.isVisible()
    _settled(qtbot, panel)
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
    _evaluated(qtbot, panel)
    combo = panel.findChild(type(panel.layer_combo), "pcaLayerCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [layer.name for layer in session.model.layers]
    before = panel.pca_points.copy()
    assert before.shape[1] == 2 and len(before) > 0
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(panel.pca_points) == len(before) and not np.allclose(panel.pca_points, before))
    x = session.dataset.x_test[:len(before)]
    np.testing.assert_allclose(panel.pca_points, layer_map(session.model, x, 0), rtol=1e-6, atol=1e-6)
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
    _evaluated(qtbot, panel)
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


def test_the_evaluation_runs_off_the_gui_thread_and_shows_the_engines_numbers(qtbot, panel, session, monkeypatch):
    threads = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return evaluate_classifier(*args, **kwargs)

    monkeypatch.setattr(evaluation_module, "evaluate_classifier", recording)
    panel.show()
    _evaluated(qtbot, panel)
    assert threads and all(t is not threading.main_thread() for t in threads)
    expected = evaluate_classifier(session.model, session.dataset.x_test, session.dataset.y_test)
    np.testing.assert_array_equal(panel.matrix.counts, expected.confusion)
    assert _percent(panel.summary.text()) == pytest.approx(expected.accuracy, abs=0.0005)


def test_an_evaluation_of_weights_that_are_gone_is_never_shown(qtbot, panel, session, monkeypatch):
    started = threading.Event()
    calls = []

    def slow_first(model, x, y, stop=None, **kwargs):
        calls.append(model)
        if len(calls) == 1:  # the trained weights' evaluation is still running when the learner resets them
            started.set()
            deadline = time.monotonic() + 20
            while not stop.stopped and time.monotonic() < deadline:
                time.sleep(0.005)
        return evaluate_classifier(model, x, y, stop=stop, **kwargs)

    monkeypatch.setattr(evaluation_module, "evaluate_classifier", slow_first)
    shown = []
    panel._evaluation_lane.finished.connect(lambda result, job: shown.append(result[0]))
    panel.show()
    qtbot.waitUntil(started.is_set, timeout=10000)
    assert session.reset_weights()  # untrained weights: the running evaluation is superseded
    qtbot.waitUntil(lambda: len(calls) == 2)
    _settled(qtbot, panel)
    expected = evaluate_classifier(session.model, session.dataset.x_test, session.dataset.y_test)
    assert len(shown) == 1 and shown[0] is panel.evaluation  # only the newest model's result arrived
    assert panel.evaluation.accuracy == expected.accuracy < 0.5
    assert _percent(panel.summary.text()) == pytest.approx(expected.accuracy, abs=0.0005)


def test_while_training_it_scores_a_sample_and_the_whole_test_set_when_training_ends(
        qtbot, panel, session, monkeypatch):
    data = session.dataset  # 2,500 test images: more than the sample
    bigger = DataSet("digits ×2.5", data.x_train, data.y_train, np.concatenate([data.x_test] * 3)[:2500],
                     np.concatenate([data.y_test] * 3)[:2500], data.class_names)
    assert session.set_dataset(bigger)
    monkeypatch.setattr(session, "is_training", lambda: True)
    panel.show()
    session.weightsChanged.emit()  # a live snapshot
    _settled(qtbot, panel)
    assert panel.sampled and panel.matrix.counts.sum() == TRAINING_SAMPLE
    assert "on 1,000 of 2,500 test images (while training)" in panel.summary.text()
    expected = evaluate_classifier(session.model, bigger.x_test[:TRAINING_SAMPLE], bigger.y_test[:TRAINING_SAMPLE])
    np.testing.assert_array_equal(panel.matrix.counts, expected.confusion)

    monkeypatch.setattr(session, "is_training", lambda: False)
    session.stateChanged.emit("idle")  # training ended
    qtbot.waitUntil(lambda: not panel.sampled and not panel.busy, timeout=30000)
    full = evaluate_classifier(session.model, bigger.x_test, bigger.y_test)
    np.testing.assert_array_equal(panel.matrix.counts, full.confusion)
    assert "2,500 images" in panel.summary.text() and "while training" not in panel.summary.text()


def test_a_network_that_cannot_score_the_digits_says_so(qtbot, panel, session):
    panel.show()
    _evaluated(qtbot, panel)
    assert session.edit_layer(len(session.network.layers) - 1, units=5)  # five outputs for ten digits
    _settled(qtbot, panel)
    assert panel.evaluation is None and panel.summary.text().startswith("The network cannot classify")
