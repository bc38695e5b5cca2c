"""The playground mode, as a learner uses it: pick data and features, build a network, train, watch, share."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from sandbox.playground import EXTENT, PlaygroundSetup, load_setup
from ui.modes.playground import FEATURE_OBJECT_NAMES, GRID_RESOLUTION, PlaygroundMode


@pytest.fixture
def mode(qtbot):
    widget = PlaygroundMode()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def child(mode, name):
    widget = mode.findChild(QWidget, name)
    assert widget is not None, f"no widget named {name}"
    return widget


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), f"{widget.objectName()} is disabled: {widget.toolTip()}"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose_dataset(mode, key: str) -> None:
    combo = child(mode, "playgroundDatasetCombo")
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a pick from the list sends


def kernel_shapes(session):
    return [w.kernel.shape for w in session.dense_weights()]


def heatmap_agreement(mode) -> float:
    """Share of all points whose cell of the shown heatmap is on the side of their label."""
    grid = mode.heatmap_image()
    (p_train, y_train), (p_test, y_test) = mode.session.points
    points, labels = np.concatenate([p_train, p_test]), np.concatenate([y_train, y_test])
    x0, x1, y0, y1 = EXTENT
    cols = np.clip(((points[:, 0] - x0) / (x1 - x0) * GRID_RESOLUTION).astype(int), 0, GRID_RESOLUTION - 1)
    rows = np.clip(((points[:, 1] - y0) / (y1 - y0) * GRID_RESOLUTION).astype(int), 0, GRID_RESOLUTION - 1)
    return float(np.mean((grid[rows, cols] > 0.5) == (labels == 1)))


def test_the_mode_opens_on_the_circle_with_the_default_network_and_a_full_heatmap(mode):
    session = mode.session
    assert mode.objectName() == "playgroundMode"
    assert mode.mode_title() == "Playground"
    assert "What am I looking at?" in child(mode, "playgroundExplanation").text()
    assert child(mode, "playgroundDatasetCombo").currentData() == "circle"
    checked = {name for name, object_name in FEATURE_OBJECT_NAMES.items() if child(mode, object_name).isChecked()}
    assert checked == {"x1", "x2"}
    assert [(s.config["units"], s.config["activation"]) for s in session.network.layers] == \
        [(8, "tanh"), (8, "tanh"), (2, "softmax")]
    assert session.network.input_shape == (2,)

    heatmap = mode.heatmap_image()
    assert heatmap.shape == (GRID_RESOLUTION, GRID_RESOLUTION)
    assert np.all((heatmap >= 0) & (heatmap <= 1))
    assert len(mode.train_scatter.data) == 250 and len(mode.test_scatter.data) == 250
    assert not mode.test_scatter.isVisible()
    click_test = child(mode, "showTestDataCheck")
    click_test.setChecked(True)
    assert mode.test_scatter.isVisible()
    assert "Test loss" in child(mode, "playgroundMetrics").text()


def test_switching_x1_squared_on_adds_an_input_and_a_kernel_row_and_undo_takes_it_away(qtbot, mode):
    session = mode.session
    assert kernel_shapes(session)[0] == (2, 8)

    click(qtbot, child(mode, "feature_x1sq"))

    assert session.features == ("x1", "x2", "x1^2")
    assert session.network.input_shape == (3,)
    assert kernel_shapes(session)[0] == (3, 8)
    assert session.dataset.x_train.shape == (250, 3)
    np.testing.assert_allclose(session.dataset.x_train[:, 2], session.points[0][0][:, 0] ** 2, rtol=1e-6)
    qtbot.waitUntil(lambda: mode.diagram.thumbnail_count() == 3 + 8 + 8 + 2)

    click(qtbot, child(mode, "playgroundUndoButton"))

    assert session.network.input_shape == (2,)
    assert kernel_shapes(session)[0] == (2, 8)
    assert not child(mode, "feature_x1sq").isChecked()


def test_the_last_feature_cannot_be_switched_off(qtbot, mode):
    click(qtbot, child(mode, "feature_x1"))
    assert mode.session.features == ("x2",)
    click(qtbot, child(mode, "feature_x2"))

    assert mode.session.features == ("x2",)
    assert child(mode, "feature_x2").isChecked()
    assert "at least one feature" in child(mode, "playgroundMessage").text()


def test_a_deep_network_learns_the_spiral_and_the_heatmap_shows_it(qtbot, mode):
    session = mode.session
    choose_dataset(mode, "spiral")
    for name in ("feature_sinx1", "feature_sinx2"):
        click(qtbot, child(mode, name))
    session.add_layer("Dense", after=1, units=8, activation="tanh")  # three hidden layers of 8 tanh units
    session.update_training("batch_size", 25)
    session.update_training("epochs", 300)
    assert session.network.input_shape == (4,)
    assert kernel_shapes(session) == [(4, 8), (8, 8), (8, 8), (8, 2)]
    assert heatmap_agreement(mode) < 0.8  # untrained, the boundary knows nothing of the spiral

    with qtbot.waitSignal(session.trainingEnded, timeout=60000) as ended:
        click(qtbot, child(mode, "trainButton"))
        # while it learns, the data and features cannot change under it
        assert not child(mode, "feature_x1sq").isEnabled()
        assert not child(mode, "noiseSlider").isEnabled()

    assert ended.args[0].reason == "finished"
    assert session.evaluate_test()["accuracy"] >= 0.95
    qtbot.waitUntil(lambda: mode.test_metrics() is not None and mode.test_metrics()["accuracy"] >= 0.95)
    assert "Test accuracy" in child(mode, "playgroundMetrics").text()
    assert heatmap_agreement(mode) >= 0.95
    assert child(mode, "feature_x1sq").isEnabled()


def test_the_diagram_draws_a_thumbnail_per_unit_for_a_small_network_and_says_so_for_a_big_one(qtbot, mode):
    diagram = child(mode, "networkDiagram")
    assert diagram.thumbnail_count() == 2 + 8 + 8 + 2
    assert not diagram.is_too_big()

    # hovering the middle of the line from x1 to the first unit shows that weight
    rects = diagram._node_rects()
    start, end = rects[0][0], rects[1][0]
    middle = QPointF((start.right() + end.left()) / 2, (start.center().y() + end.center().y()) / 2)
    layer, source, target, value = diagram.weight_at(middle)
    assert (layer, source, target) == (0, 0, 0)
    assert value == pytest.approx(float(mode.session.dense_weights()[0].kernel[0, 0]))
    assert diagram.tooltip_text_at(middle) == f"Weight from x1 to Layer 1, unit 1 (tanh): {value:+.3f}"

    mode.session.edit_layer(0, units=32)
    qtbot.waitUntil(diagram.is_too_big)
    assert "too big to draw; showing the output only" in diagram.note_text()
    assert diagram.thumbnail_count() == 1


def test_the_arrow_keys_walk_through_the_units_of_the_diagram(qtbot, mode):
    diagram = child(mode, "networkDiagram")
    diagram.setFocus()
    qtbot.keyClick(diagram, Qt.Key.Key_Right)  # the first key selects the first input
    assert diagram.caption_text() == "x1"
    qtbot.keyClick(diagram, Qt.Key.Key_Right)
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.caption_text().startswith("Layer 1, unit 2 (tanh) — bias ")
    assert diagram.accessibleDescription() == diagram.caption_text()


def test_noise_and_regenerate_change_the_points_and_a_slider_drag_is_one_undo_step(qtbot, mode):
    session = mode.session
    before = session.points[0][0].copy()
    slider = child(mode, "noiseSlider")
    slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_Right)  # 5% a step

    assert session.setup.noise == 15
    assert session.undo_stack.count() == 1

    click(qtbot, child(mode, "regenerateButton"))
    assert not np.array_equal(session.points[0][0], before)
    session.undo()
    session.undo()
    assert session.setup.noise == 0 and slider.value() == 0
    np.testing.assert_array_equal(session.points[0][0], before)


def test_a_regression_data_set_gets_a_single_linear_output_and_squared_error(qtbot, mode):
    session = mode.session
    choose_dataset(mode, "reg_gauss")

    assert session.is_regression()
    assert session.network.layers[-1].config["units"] == 1
    assert session.training.loss == "mean_squared_error"
    assert "−1" in child(mode, "playgroundLegend").text()
    metrics = child(mode, "playgroundMetrics")
    qtbot.waitUntil(lambda: "Test accuracy" not in metrics.text())  # regression has no classes to count
    assert metrics.text().startswith("Test loss ")

    session.undo()
    assert child(mode, "playgroundDatasetCombo").currentData() == "circle"
    assert session.network.layers[-1].config["units"] == 2
    assert session.training.loss == "sparse_categorical_crossentropy"


def test_the_palette_offers_only_layers_that_fit_a_few_features(qtbot, mode):
    child(mode, "playgroundTabs").setCurrentIndex(1)  # the Network tab
    palette = child(mode, "layerPalette")
    offered = sorted(b.text() for b in palette.findChildren(QPushButton) if b.isVisibleTo(mode))
    assert offered == ["Activation", "Dense", "Dropout"]
    session = mode.session
    before = len(session.network.layers)

    click(qtbot, child(mode, "addDropoutButton"))

    assert len(session.network.layers) == before + 1
    assert session.network.first_error() is None


def test_an_image_layer_from_code_gets_no_28_by_28_advice_and_no_dead_fix(mode):
    session = mode.session
    assert session.add_layer("Conv2D", after=None)  # e.g. from a loaded setup: the palette no longer offers it

    message = child(mode, "layerErrorLabel")
    assert "Conv2D expects an image input" in message.text()
    assert "28" not in message.text()
    assert not child(mode, "fixLayerButton").isVisible()


def test_presets_for_digits_are_refused_with_a_reason(mode):
    assert not mode.session.load_preset("lenet5")
    assert "digit images" in child(mode, "playgroundMessage").text()
    assert mode.session.network.input_shape == (2,)


def test_a_saved_setup_opens_again_with_the_same_data_features_and_network(qtbot, mode, tmp_path):
    session = mode.session
    choose_dataset(mode, "xor")
    click(qtbot, child(mode, "feature_x1x2"))
    session.set_data(noise=20.0)
    session.edit_layer(0, units=5, activation="relu")
    session.update_training("learning_rate", 0.01)
    saved = session.setup
    path = tmp_path / "xor.dlplay"

    assert mode.save_setup(str(path))
    assert load_setup(path) == saved

    session.new()
    assert session.setup != saved
    assert mode.open_setup(str(path))
    assert session.setup == saved
    assert child(mode, "playgroundDatasetCombo").currentData() == "xor"
    assert child(mode, "noiseSlider").value() == 20
    assert child(mode, "feature_x1x2").isChecked()
    assert kernel_shapes(session)[0] == (3, 5)
    assert not session.dirty


def test_a_bad_setup_file_gives_a_friendly_message_and_changes_nothing(qtbot, mode, tmp_path):
    click(qtbot, child(mode, "feature_x1sq"))
    before, steps = mode.session.setup, mode.session.undo_stack.count()
    bad = tmp_path / "broken.dlplay"
    data = PlaygroundSetup().to_dict()
    data["network"]["layers"][0] = {"class_name": "Lambda", "config": {}}
    bad.write_text(json.dumps(data), encoding="utf-8")

    assert not mode.open_setup(str(bad))

    message = child(mode, "playgroundMessage")
    assert message.isVisible()
    assert message.text().startswith("Could not open broken.dlplay: ")
    assert "unknown layer" in message.text()
    assert str(tmp_path) not in message.text()  # the file's name once, not its whole path again
    assert mode.session.setup == before
    assert mode.session.undo_stack.count() == steps

    (tmp_path / "notjson.dlplay").write_text("{ nope", encoding="utf-8")
    assert not mode.open_setup(str(tmp_path / "notjson.dlplay"))
    assert "not valid JSON" in message.text()


def test_a_mode_rebuilt_for_a_language_change_takes_over_the_session(qtbot, mode):
    click(qtbot, child(mode, "feature_x1sq"))
    rebuilt = PlaygroundMode(session=mode.session)
    qtbot.addWidget(rebuilt)

    assert mode.session.parent() is rebuilt  # deleting the old mode no longer deletes the session
    assert rebuilt.feature_buttons["x1^2"].isChecked()
    assert rebuilt.diagram.thumbnail_count() == 3 + 8 + 8 + 2


def test_the_training_loop_tab_carries_the_playgrounds_own_batch(qtbot, mode):
    session = mode.session
    with qtbot.waitSignal(session.stateChanged, timeout=30_000, check_params_cb=lambda s: s == "paused"):
        session.step_batch()
    qtbot.waitUntil(lambda: mode.loop_panel.shown_numbers().get("batch_size", 0) > 0, timeout=10_000)
    shown = mode.loop_panel.shown_numbers()
    assert shown["batch_size"] == session.training.batch_size
    assert set(shown["layer_grad_norms"]) == {row.name for row in session.network.trace() if row.params}
    with qtbot.waitSignal(session.trainingEnded, timeout=30_000):
        session.stop()
