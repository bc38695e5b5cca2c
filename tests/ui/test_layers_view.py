"""Stories of the layers view: a digit through every layer, a hover that explains a value, a unit switched off."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

import sandbox as sb
from sandbox.inspect_forward import edited_accuracy, explain_unit, forward_views, predict_edited
from ui.panels.layers_view import LayersViewPanel, _num


@pytest.fixture
def panel(qtbot, session):
    p = LayersViewPanel(session)
    qtbot.addWidget(p)
    p.resize(700, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def _digit(session, index: int = 18) -> np.ndarray:
    return session.dataset.x_test[index]


def _strongest_map(session, image: np.ndarray, layer_index: int) -> int:
    """The feature map whose switching off moves the prediction most (so the story shows a real change)."""
    model = session.model
    plain = predict_edited(model, image[None])[0]
    units = model.layers[layer_index].filters
    moves = [np.abs(predict_edited(model, image[None], {(layer_index, u): 0.0})[0] - plain).sum() for u in range(units)]
    return int(np.argmax(moves))


def test_a_test_digit_goes_through_every_layer_with_the_traced_shapes(panel, session):
    for name in ("layersViewScroll", "layersViewTestDigit", "unitScaleSlider", "unitSwitchOffButton",
                 "resetEditsButton", "saveEditedModelButton", "editedPredictionLabel", "editedAccuracyLabel"):
        widget = panel.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name
    # before any drawing the panel is not empty: it shows a test digit
    assert len(panel.row_texts()) == len(session.network.trace()) + 1
    image = _digit(session)
    panel.set_drawing(image[..., 0])  # the canvas sends (28, 28)
    rows = session.network.trace()
    texts = panel.row_texts()
    assert len(texts) == len(rows) + 1 and texts[0].startswith("Input · 28×28×1")
    for row, text in zip(rows, texts[1:], strict=True):
        assert text.startswith(row.name) and "×".join(map(str, row.output_shape)) in text
    views = forward_views(session.model, image)
    for view in views:
        np.testing.assert_array_equal(panel.layer_map(view.index).values, view.output)
    assert f"{_num(views[0].maximum)}" in texts[1]
    assert "drawing" in panel.source_label.text()
    # the output row shows the model's own probabilities, and the prediction says which digit
    probs = session.model.predict(image[None])[0]
    np.testing.assert_allclose(panel.shown_output(), probs, atol=1e-6)
    assert panel.prediction_label.text().startswith(f"Prediction: {int(np.argmax(probs))} (")
    # choosing a test digit replaces the drawing
    panel.test_digit_spin.setValue(10)
    np.testing.assert_allclose(panel.shown_output(), session.model.predict(_digit(session, 10)[None])[0], atol=1e-6)
    # The spin box counts test images from 0: the text names the image's number, then the digit it shows.
    digit = int(session.dataset.y_test[10])
    assert panel.source_label.text().startswith(f"Showing test image #10 (a {digit})")


def test_hovering_a_value_explains_it_with_the_engines_numbers(panel, session, qtbot):
    image = _digit(session)
    panel.set_drawing(image)
    conv = panel.layer_map(0)
    qtbot.mouseMove(conv, conv.point_of(2, 10, 12))
    qtbot.waitUntil(lambda: panel.hover_text != "")
    c = explain_unit(session.model, image, 0, 2, (10, 12))
    assert panel.hover_text.startswith("conv2d, map 2, row 10, column 12")
    assert f"= {_num(c.z)}\n" in panel.hover_text and f"relu(z) = {_num(c.activated)}" in panel.hover_text
    assert f"{_num(c.terms[0].x)}×{_num(c.terms[0].w)}" in panel.hover_text
    # the output unit: its sum over the 784 flattened values, then softmax
    last = len(session.model.layers) - 1
    text = panel.hover(last, 4)
    c = explain_unit(session.model, image, last, 4)
    assert f"(the other {c.n_terms - 4} terms)" in text and f"= {_num(c.z)}\n" in text
    assert text.endswith(f"softmax of the z of all units, at unit 4 = {_num(c.activated)}")
    assert "max of" in panel.hover(1, 0, 3, 3)


def test_switching_a_feature_map_off_changes_prediction_and_accuracy_as_the_engine_says(panel, session, qtbot):
    image = _digit(session)
    panel.set_drawing(image)
    qtbot.waitUntil(lambda: panel.accuracy is not None)
    original = panel.shown_output().copy()
    unit = _strongest_map(session, image, 2)
    conv = panel.layer_map(2)
    qtbot.mouseClick(conv, Qt.MouseButton.LeftButton, pos=conv.point_of(unit, 5, 5))
    assert panel.selected_unit == (2, unit)
    assert f"feature map {unit}" in panel.unit_title.text()
    assert panel.unit_weights.pixmap() is not None and not panel.unit_weights.pixmap().isNull()
    qtbot.mouseClick(panel.switch_off_button, Qt.MouseButton.LeftButton)
    edits = {(2, unit): 0.0}
    assert panel.edits == edits
    expected = predict_edited(session.model, image[None], edits)[0]
    np.testing.assert_allclose(panel.shown_output(), expected, atol=1e-6)
    assert np.argmax(panel.shown_output()) != np.argmax(original)  # this map decides what digit 18 is
    assert not panel.layer_map(2).values[..., unit].any()  # the switched-off map shows zeros
    assert f"With the edits: {int(np.argmax(expected))} ({100 * expected.max():.0f} %)" in panel.prediction_label.text()
    assert panel.scale_slider.value() == 0
    # the test accuracy, original and edited, as the engine computes them
    data = session.dataset
    want = (edited_accuracy(session.model, data.x_test, data.y_test),
            edited_accuracy(session.model, data.x_test, data.y_test, edits))
    qtbot.waitUntil(lambda: panel.accuracy == pytest.approx(want))
    assert panel.accuracy_label.text() == f"Test accuracy: {100 * want[0]:.1f} %\nWith the edits: {100 * want[1]:.1f} %"
    # Reset edits gives the original numbers back
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert panel.edits == {}
    np.testing.assert_allclose(panel.shown_output(), original, atol=1e-7)
    assert "With the edits" not in panel.prediction_label.text()


def test_the_scale_slider_scales_a_unit_and_the_keyboard_selects_one(panel, session, qtbot):
    panel.set_drawing(_digit(session))
    conv = panel.layer_map(0)
    conv.setFocus()
    qtbot.keyClick(conv, Qt.Key.Key_Right)
    qtbot.keyClick(conv, Qt.Key.Key_Space)
    assert panel.selected_unit == (0, 1)
    panel.scale_slider.setValue(150)
    assert panel.edits == {(0, 1): 1.5}
    np.testing.assert_allclose(panel.shown_output(),
                               predict_edited(session.model, _digit(session)[None], {(0, 1): 1.5})[0], atol=1e-6)
    panel.scale_slider.setValue(100)  # 100 % is no edit at all
    assert panel.edits == {}


def test_an_edited_network_is_saved_as_a_new_model(panel, session, qtbot, tmp_path, monkeypatch):
    image = _digit(session)
    panel.set_drawing(image)
    before = session.model.get_flat_weights()
    unit = _strongest_map(session, image, 2)
    panel.select_unit(2, unit)
    panel.switch_off()
    target = tmp_path / "edited"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "edited.dlsb"
    assert saved.exists() and "edited.dlsb" in panel.message_label.text()
    loaded = sb.io.load_model(saved)
    np.testing.assert_allclose(loaded.predict(image[None]), predict_edited(session.model, image[None], panel.edits),
                               atol=1e-5)
    np.testing.assert_array_equal(session.model.get_flat_weights(), before)  # the session's model is untouched
    # a folder that does not exist: said in the panel, no dialog with a traceback
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "x.dlsb"), ""))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.message_label.text().startswith("Could not save: ")


def test_an_edit_that_cannot_be_saved_is_explained_without_a_dialog(panel, session, qtbot, monkeypatch):
    panel.set_drawing(_digit(session))
    panel.select_unit(len(session.model.layers) - 1, 3)  # a unit of the softmax output layer
    panel.switch_off()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("no dialog for this edit"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.message_label.text().startswith(f"The edit of {session.model.layers[-1].name} cannot be saved")
    assert "softmax" in panel.message_label.text()


def test_weight_pictures_and_edits_follow_the_network(panel, session, qtbot):
    panel.set_drawing(_digit(session))
    panel.select_unit(0, 1)
    panel.switch_off()
    assert panel.edits
    filters = panel.findChildren(type(panel.layer_map(0)), "layersViewWeights")
    assert [f.values.shape for f in filters if not f.isHidden()] == [(3, 3, 8), (3, 3, 16)]
    # another architecture: the old edits mean nothing there, so they are cleared
    session.load_preset("mlp")
    assert panel.edits == {} and panel.selected_unit is None
    assert len(panel.row_texts()) == len(session.network.trace()) + 1
    dense = [v for v in panel.findChildren(type(panel.layer_map(0)), "layersViewWeights") if not v.isHidden()]
    assert len(dense) == 1 and dense[0].values.shape == (28, 28, 128)
    # clicking a weight picture selects that unit of the first Dense layer
    panel.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dense[0], Qt.MouseButton.LeftButton, pos=dense[0].point_of(5, 14, 14))
    assert panel.selected_unit == (1, 5)


def test_training_redraws_the_panel_only_when_it_is_visible(panel, session, qtbot):
    image = _digit(session)
    panel.set_drawing(image)
    panel.hide()
    before = panel.shown_output().copy()
    assert session.start_training(budget=5)  # five batches, then it pauses
    qtbot.waitUntil(lambda: session.state == "paused", timeout=20000)
    with qtbot.waitSignal(session.trainingEnded, timeout=10000):
        session.stop()
    after = session.model.predict(image[None])[0]
    assert not np.allclose(after, before, atol=1e-7), "five batches must move the weights"
    qtbot.waitUntil(lambda: not panel._refresh_timer.isActive())
    np.testing.assert_array_equal(panel.shown_output(), before)  # hidden: nothing was recomputed
    panel.show()
    qtbot.waitUntil(lambda: np.allclose(panel.shown_output(), after, atol=1e-6))
    filters = [v for v in panel.findChildren(type(panel.layer_map(0)), "layersViewWeights") if not v.isHidden()]
    np.testing.assert_array_equal(filters[0].values[..., 0], session.model.layers[0].params["kernel"][:, :, 0, 0])
    session.shutdown()


def test_in_a_wide_short_dock_the_layers_read_left_to_right_and_a_map_can_still_be_switched_off(panel, session,
                                                                                              qtbot):
    image = _digit(session)
    panel.set_drawing(image)
    assert not panel.left_to_right  # 700 × 800: a floating window, the layers go down
    # the bottom dock of the main window: wide and short
    panel.resize(1300, 260)
    qtbot.waitUntil(lambda: panel.left_to_right)
    rows = session.network.trace()
    texts = panel.row_texts()
    assert texts[0].startswith("Input\n28×28×1")
    for row, text in zip(rows, texts[1:], strict=True):
        assert text.startswith(row.name + "\n") and "×".join(map(str, row.output_shape)) in text
    # every layer is a column, in order, Input first, side by side, each fitted into the short panel
    maps = [panel.layer_map(i) for i in range(-1, len(rows))]

    def side_by_side() -> bool:
        corners = [m.mapTo(panel.scroll.widget(), QPoint(0, 0)) for m in maps]
        xs = [c.x() for c in corners]
        return xs == sorted(set(xs)) and len({c.y() for c in corners}) == 1  # strictly left to right

    qtbot.waitUntil(side_by_side)  # also lets the new layout settle before the mouse goes there
    assert all(m.height() <= panel.scroll.viewport().height() for m in maps)
    assert len([a for a in panel.findChildren(QWidget, "layersViewArrow") if a.isVisible()]) == len(rows)
    # the answer: ten labelled bars with the model's own probabilities
    probs = session.model.predict(image[None])[0]
    output = panel.layer_map(len(rows) - 1)
    np.testing.assert_allclose(panel.shown_output(), probs, atol=1e-6)
    np.testing.assert_allclose(output.values, probs, atol=1e-6)
    assert output.unit_at(output.point_of(7)) == (7, -1, -1)
    # hovering and the keyboard work in the columns too
    conv = panel.layer_map(0)
    panel.hover_text = ""
    qtbot.mouseMove(conv, conv.point_of(2, 10, 12))
    qtbot.waitUntil(lambda: panel.hover_text.startswith("conv2d, map 2, row 10, column 12"))
    output.setFocus()
    qtbot.keyClick(output, Qt.Key.Key_Down)
    qtbot.keyClick(output, Qt.Key.Key_Return)
    assert panel.selected_unit == (len(rows) - 1, 1)
    # the selected-unit box stays beside the layers with its buttons on screen
    box = panel._unit_scroll
    assert box.x() > panel.scroll.x() and panel.switch_off_button.isVisible()
    # clicking a map in a column, then Switch off: the engine's edited prediction
    unit = _strongest_map(session, image, 2)
    conv = panel.layer_map(2)
    qtbot.mouseClick(conv, Qt.MouseButton.LeftButton, pos=conv.point_of(unit, 3, 3))
    assert panel.selected_unit == (2, unit)
    qtbot.mouseClick(panel.switch_off_button, Qt.MouseButton.LeftButton)
    np.testing.assert_allclose(panel.shown_output(), predict_edited(session.model, image[None], {(2, unit): 0.0})[0],
                               atol=1e-6)
    assert not panel.layer_map(2).values[..., unit].any()
    # made tall again, the rows go down again and keep the edit
    panel.resize(700, 800)
    qtbot.waitUntil(lambda: not panel.left_to_right)
    assert panel.row_texts()[0].startswith("Input · 28×28×1") and panel.edits == {(2, unit): 0.0}


def test_resizing_the_panel_never_runs_the_network_again(panel, session, qtbot, monkeypatch):
    panel.set_drawing(_digit(session))
    shown = panel.shown_output().copy()
    import ui.panels.layers_view as module

    monkeypatch.setattr(module, "forward_views", lambda *a, **k: pytest.fail("resizing ran the forward pass"))
    for width, height in ((1300, 260), (1300, 320), (1100, 240), (700, 800)):
        panel.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: panel.size() == QSize(w, h))
        assert panel.left_to_right == (width >= 1.6 * height)
    np.testing.assert_array_equal(panel.shown_output(), shown)


def test_an_output_that_is_not_a_softmax_is_shown_as_values_not_percentages(panel, session):
    last = len(session.network.layers) - 1
    session.edit_layer(last, activation="linear")  # scores (logits), not probabilities
    image = _digit(session)
    panel.set_drawing(image)
    out = panel.shown_output()
    assert not np.isclose(out.sum(), 1.0)
    k = int(np.argmax(out))
    assert "%" not in panel.prediction_label.text()
    assert f"{k} (output " in panel.prediction_label.text()
    session.edit_layer(last, activation="softmax")
    assert f"{int(np.argmax(panel.shown_output()))} (" in panel.prediction_label.text()
    assert "%" in panel.prediction_label.text()


def test_a_hidden_panel_scores_the_test_set_only_once_it_is_shown(panel, session, qtbot, monkeypatch):
    import ui.panels.layers_view as layers_view

    qtbot.waitUntil(lambda: panel.accuracy is not None)
    calls: list[int] = []
    real = layers_view.edited_accuracy
    monkeypatch.setattr(layers_view, "edited_accuracy", lambda *a, **k: calls.append(1) or real(*a, **k))
    panel.hide()
    for _ in range(3):  # three edits of the network while the dock is behind another tab
        session.reset_weights()
    qtbot.wait(2 * layers_view.ACCURACY_DELAY_MS)
    assert calls == []
    panel.show()
    qtbot.waitUntil(lambda: len(calls) > 0 and panel.accuracy is not None)
    data = session.dataset
    assert panel.accuracy[0] == real(session.model, data.x_test, data.y_test)


def test_the_test_accuracy_is_scored_off_the_gui_thread_and_an_old_result_never_shows(panel, session, qtbot,
                                                                                      monkeypatch):
    import threading

    import ui.panels.layers_view as layers_view

    threads = []
    real = layers_view.edited_accuracy

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(layers_view, "edited_accuracy", recording)
    qtbot.waitUntil(lambda: panel.accuracy is not None)
    session.reset_weights()  # the trained weights' accuracy is superseded: only the new one may show
    assert panel.accuracy is None
    qtbot.waitUntil(lambda: panel.accuracy is not None)
    assert threads and all(t is not threading.main_thread() for t in threads)
    data = session.dataset
    assert panel.accuracy[0] == real(session.model, data.x_test, data.y_test) < 0.5
