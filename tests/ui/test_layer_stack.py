"""Stories of a learner building a network by clicking in the layer stack panel."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

import resources
import sandbox as sb
from sandbox.spec import LayerSpec, NetworkSpec
from ui.panels.keras_code import KerasCodeView
from ui.panels.layer_stack import EMPTY_ENTRY, PRETRAINED_ENTRY, LayerStackPanel


@pytest.fixture
def panel(qtbot, session):
    """The panel on the session's small CNN, shown at a realistic dock size."""
    widget = LayerStackPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def child(panel: QWidget, cls: type, name: str):
    found = panel.findChild(cls, name)
    assert found is not None, name
    return found


def stack_rows(panel: QWidget) -> list[list[str]]:
    """The stack as the learner reads it: [layer, settings, output, params] per row."""
    view = panel.findChild(QWidget, "layerStack")
    return [[view.topLevelItem(r).text(c) for c in range(4)] for r in range(view.topLevelItemCount())]


def click_row(qtbot, panel: QWidget, row: int) -> None:
    view = panel.findChild(QWidget, "layerStack")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualItemRect(view.topLevelItem(row)).center())


def choose(qtbot, combo: QComboBox, data: object) -> None:
    """Open the combo's list and click the item holding ``data``."""
    row = combo.findData(data)
    assert row >= 0, data
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible())


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def click(qtbot, panel: QWidget, name: str) -> None:
    button = child(panel, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def class_names(session) -> list[str]:
    return [layer.class_name for layer in session.network.layers]


def build_cnn_by_clicking(qtbot, panel: QWidget, session) -> None:
    """Logistic regression, emptied, then Conv2D → MaxPooling2D → Flatten → Dense(10, softmax) from the palette."""
    choose(qtbot, child(panel, QComboBox, "presetCombo"), "logistic")
    click_row(qtbot, panel, 1)
    click(qtbot, panel, "deleteLayerButton")
    click(qtbot, panel, "deleteLayerButton")
    assert session.network.layers == ()
    assert "no layers yet" in child(panel, QLabel, "layerErrorLabel").text()
    for name in ("Conv2D", "MaxPooling2D", "Flatten", "Dense"):
        click(qtbot, panel, f"add{name}Button")
    assert panel.selected_layer() == 3  # the Dense just added
    type_into(qtbot, child(panel, QSpinBox, "unitsSpin"), "10")
    choose(qtbot, child(panel, QComboBox, "activationCombo"), "softmax")


def test_choosing_the_mlp_preset_shows_its_four_layers_and_total(qtbot, session, panel):
    combo = child(panel, QComboBox, "presetCombo")
    assert combo.currentData() == "small-cnn"  # the combo reflects the network it starts with

    choose(qtbot, combo, "mlp")

    expected = NetworkSpec.from_preset("mlp").count_params()
    assert expected == 109_386
    rows = stack_rows(panel)
    assert rows[0][0] == "Input" and rows[0][2] == "28×28×1"
    assert [r[0] for r in rows[1:]] == ["Flatten", "Dense", "Dense", "Dense"]
    assert rows[2][1:] == ["128, relu", "128", "100,480"]
    assert child(panel, QLabel, "totalParamsLabel").text() == "Total: 109,386 parameters"
    assert child(panel, QLabel, "shapeFlowLabel").text() == "28×28×1 → 784 → 128 → 64 → 10"
    assert session.undo_stack.undoText().startswith("Load preset")


def test_start_from_an_empty_network_leaves_just_the_input(qtbot, session, panel):
    combo = child(panel, QComboBox, "presetCombo")
    before = session.network
    choose(qtbot, combo, EMPTY_ENTRY)
    assert combo.currentText() == "Empty network"
    assert [r[0] for r in stack_rows(panel)] == ["Input"]
    assert session.network.layers == () and session.network.input_shape == before.input_shape
    assert session.undo_stack.undoText() == "Start from an empty network"
    choose(qtbot, combo, EMPTY_ENTRY)  # already empty: nothing to undo twice
    assert session.undo_stack.undoText() == "Start from an empty network" and session.undo_stack.index() == 1
    session.undo_stack.undo()
    assert session.network == before and len(stack_rows(panel)) == len(before.layers) + 1


def test_start_from_the_pretrained_cnn_brings_back_the_shipped_model_after_a_ruined_run(qtbot, session, panel):
    shipped = sb.load_model(resources.path("models", "small-cnn.dlsb"))
    x, y = session.dataset.x_test[:500], session.dataset.y_test[:500]
    good = float(np.mean(np.argmax(shipped.predict(x), axis=1) == y))
    assert good > 0.95
    # A run with a huge learning rate ruined the weights (the same network, so no preset brings them back).
    ruined = np.random.default_rng(0).normal(0.0, 3.0, session.model.count_params()).astype(np.float32)
    session.model.set_flat_weights(ruined)
    session.epochs_done = 4
    assert float(np.mean(np.argmax(session.model.predict(x), axis=1) == y)) < 0.5

    combo = child(panel, QComboBox, "presetCombo")
    choose(qtbot, combo, PRETRAINED_ENTRY)
    np.testing.assert_array_equal(session.model.get_flat_weights(), shipped.get_flat_weights())
    assert float(np.mean(np.argmax(session.model.predict(x), axis=1) == y)) == good
    assert session.epochs_done == 0
    assert combo.currentData() == "small-cnn"  # the combo names the network it now shows
    assert session.undo_stack.undoText() == "Load the pretrained small CNN"
    session.undo_stack.undo()  # one undo step: the ruined model is back, to compare or keep
    np.testing.assert_array_equal(session.model.get_flat_weights(), ruined)
    assert session.epochs_done == 4

    # From another network too: the whole small CNN comes back, with its shipped weights.
    choose(qtbot, combo, "logistic")
    choose(qtbot, combo, PRETRAINED_ENTRY)
    assert session.network == NetworkSpec.from_preset("small-cnn")
    np.testing.assert_array_equal(session.model.get_flat_weights(), shipped.get_flat_weights())
    assert [r[0] for r in stack_rows(panel)][1] == "Conv2D"


def test_the_small_cnn_reads_as_a_flow_of_shapes(session, panel):
    rows = stack_rows(panel)
    assert rows[1] == ["Conv2D", "8, 3×3, same, relu", "28×28×8", "80"]
    assert rows[2] == ["MaxPooling2D", "2×2", "14×14×8", "0"]
    assert child(panel, QLabel, "totalParamsLabel").text() == "Total: 9,098 parameters"
    assert child(panel, QLabel, "shapeFlowLabel").text().startswith("28×28×1 → 28×28×8 → 14×14×8 → ")
    assert not child(panel, QLabel, "layerErrorLabel").isVisible()


def test_build_a_cnn_from_the_palette(qtbot, session, panel):
    build_cnn_by_clicking(qtbot, panel, session)

    assert class_names(session) == ["Conv2D", "MaxPooling2D", "Flatten", "Dense"]
    assert session.network.first_error() is None
    dense = session.network.layers[3].config
    assert (dense["units"], dense["activation"]) == (10, "softmax")
    assert stack_rows(panel)[4][1:3] == ["10, softmax", "10"]
    assert not child(panel, QLabel, "layerErrorLabel").isVisible()


def test_a_new_layer_goes_after_the_selected_one_and_is_selected(qtbot, session, panel):
    click_row(qtbot, panel, 1)  # the first Conv2D
    click(qtbot, panel, "addDropoutButton")

    assert class_names(session)[:3] == ["Conv2D", "Dropout", "MaxPooling2D"]
    assert panel.selected_layer() == 1
    rate = child(panel, QWidget, "rateSpin")
    assert rate.isVisible() and rate.value() == pytest.approx(0.25)
    assert not child(panel, QWidget, "unitsSpin").isVisible()


def test_selecting_a_layer_shows_only_its_settings(qtbot, session, panel):
    click_row(qtbot, panel, 5)  # Flatten
    assert child(panel, QLabel, "layerFormNote").text() == "No settings"
    assert not any(child(panel, QWidget, n).isVisible() for n in ("unitsSpin", "filtersSpin", "activationCombo"))

    click_row(qtbot, panel, 1)  # Conv2D(8, 3×3)
    visible = {n for n in ("unitsSpin", "filtersSpin", "kernelSizeSpin", "stridesSpin", "paddingCombo",
                           "activationCombo", "rateSpin", "poolSizeSpin") if child(panel, QWidget, n).isVisible()}
    assert visible == {"filtersSpin", "kernelSizeSpin", "stridesSpin", "paddingCombo", "activationCombo"}
    assert child(panel, QSpinBox, "filtersSpin").value() == 8
    assert child(panel, QComboBox, "paddingCombo").currentData() == "same"


def test_an_edit_is_one_undo_step_with_a_readable_name(qtbot, session, panel):
    click_row(qtbot, panel, 6)  # Dense(10)
    before = session.undo_stack.count()

    type_into(qtbot, child(panel, QSpinBox, "unitsSpin"), "32")

    assert session.undo_stack.count() == before + 1
    assert session.undo_stack.undoText() == "Edit Dense(32)"
    assert stack_rows(panel)[6][1:] == ["32, softmax", "32", "25,120"]
    assert panel.selected_layer() == 5


def test_undo_and_redo_restore_the_stack_and_the_view_follows(qtbot, session, panel):
    original = stack_rows(panel)
    click_row(qtbot, panel, 2)  # MaxPooling2D
    click(qtbot, panel, "deleteLayerButton")
    after_delete = stack_rows(panel)
    assert len(after_delete) == len(original) - 1

    session.undo_stack.undo()
    assert stack_rows(panel) == original
    assert session.network == NetworkSpec.from_preset("small-cnn")
    assert child(panel, QComboBox, "presetCombo").currentData() == "small-cnn"

    session.undo_stack.redo()
    assert stack_rows(panel) == after_delete
    assert child(panel, QComboBox, "presetCombo").currentData() is None  # a custom network now


def test_removing_flatten_marks_dense_and_the_fix_puts_it_back(qtbot, session, panel):
    click_row(qtbot, panel, 5)  # Flatten
    qtbot.keyClick(child(panel, QWidget, "layerStack"), Qt.Key.Key_Delete)

    assert "Flatten" not in class_names(session)
    reason = str(session.network.trace()[4].error)
    view = child(panel, QWidget, "layerStack")
    dense_row = view.topLevelItem(5)
    assert dense_row.text(0) == "Dense"
    assert reason in dense_row.toolTip(0)
    assert dense_row.foreground(0).color().red() > 150  # drawn in red
    label = child(panel, QLabel, "layerErrorLabel")
    assert label.isVisible() and reason in label.text()
    assert child(panel, QLabel, "totalParamsLabel").text() == "Total: unknown until the red layer is fixed"
    fix = child(panel, QPushButton, "fixLayerButton")
    assert fix.isVisible() and fix.text() == "Insert Flatten"

    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)

    assert session.network == NetworkSpec.from_preset("small-cnn")
    assert not label.isVisible()
    assert view.topLevelItem(6).toolTip(0).startswith("dense: output 10")


def test_conv2d_after_dense_is_marked_without_a_dead_remove_flatten_button(qtbot, session, panel):
    choose(qtbot, child(panel, QComboBox, "presetCombo"), "mlp")
    click_row(qtbot, panel, 2)  # Dense(128), right after Flatten
    click(qtbot, panel, "addConv2DButton")

    assert class_names(session) == ["Flatten", "Dense", "Conv2D", "Dense", "Dense"]
    label = child(panel, QLabel, "layerErrorLabel")
    assert label.isVisible()
    assert "Conv2D expects an image input" in label.text()
    assert "image layers go before Flatten and Dense" in label.text()
    assert "Reshape((28, 28, 1))" not in label.text()  # 128 numbers make no 28×28 image
    # Removing the Flatten would only move the problem to Dense: no button that cannot help.
    assert not child(panel, QPushButton, "fixLayerButton").isVisible()


def test_conv2d_right_after_flatten_offers_remove_flatten_and_it_works(qtbot, session, panel):
    choose(qtbot, child(panel, QComboBox, "presetCombo"), "mlp")
    click_row(qtbot, panel, 1)  # Flatten
    click(qtbot, panel, "addConv2DButton")

    label = child(panel, QLabel, "layerErrorLabel")
    assert "got (batch, 784) from 'flatten'" in label.text()
    assert "add Reshape((28, 28, 1)) first" in label.text()  # 784 = 28 × 28: this reshape does fit
    fix = child(panel, QPushButton, "fixLayerButton")
    assert fix.isVisible() and fix.text() == "Remove Flatten"

    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)

    assert class_names(session)[:2] == ["Conv2D", "Dense"]
    assert session.network.trace()[0].error is None  # the Conv2D now reads the 28×28 image


def test_ctrl_down_and_the_buttons_move_the_selected_layer(qtbot, session, panel):
    view = child(panel, QWidget, "layerStack")
    click_row(qtbot, panel, 1)  # Conv2D(8)

    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert class_names(session)[:2] == ["MaxPooling2D", "Conv2D"]
    assert panel.selected_layer() == 1  # the selection follows the moved layer

    click(qtbot, panel, "moveDownButton")
    assert class_names(session)[:3] == ["MaxPooling2D", "Conv2D", "Conv2D"]
    assert session.network.layers[2].config["filters"] == 8

    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, panel, "moveUpButton")
    assert session.network == NetworkSpec.from_preset("small-cnn")
    assert not child(panel, QPushButton, "moveUpButton").isEnabled()  # the first layer cannot go higher


def test_dragging_a_layer_moves_it(qtbot, session, panel):
    view = child(panel, QWidget, "layerStack")
    click_row(qtbot, panel, 5)  # Flatten
    target = view.visualItemRect(view.topLevelItem(2))  # drop on the lower half of MaxPooling2D
    mime = QMimeData()
    mime.setData("application/x-qabstractitemmodeldatalist", b"")
    drop = QDropEvent(QPointF(target.center() + QPoint(0, 3)), Qt.DropAction.MoveAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)

    view.dropEvent(drop)

    qtbot.waitUntil(lambda: class_names(session)[2] == "Flatten")
    assert class_names(session) == ["Conv2D", "MaxPooling2D", "Flatten", "Conv2D", "MaxPooling2D", "Dense"]
    assert panel.selected_layer() == 2
    assert "Flatten" in child(panel, QLabel, "layerErrorLabel").text()  # a Conv2D cannot follow Flatten


def test_delete_key_removes_the_selected_layer(qtbot, session, panel):
    click_row(qtbot, panel, 3)  # the second Conv2D
    qtbot.keyClick(child(panel, QWidget, "layerStack"), Qt.Key.Key_Delete)

    assert class_names(session) == ["Conv2D", "MaxPooling2D", "MaxPooling2D", "Flatten", "Dense"]
    assert panel.selected_layer() == 2  # the layer that moved up into the deleted one's row
    assert session.undo_stack.undoText() == "Delete Conv2D(16, 3×3)"


def test_a_too_large_kernel_on_a_tiny_input_is_marked_and_fixed(qtbot, session, panel):
    tiny = NetworkSpec((8, 8, 1), (LayerSpec.make("Conv2D", filters=4, kernel_size=3, activation="relu"),
                                   LayerSpec.make("Flatten"), LayerSpec.make("Dense", units=10, activation="softmax")))
    session.set_network(tiny, "tiny")
    assert stack_rows(panel)[0][2] == "8×8×1"
    click_row(qtbot, panel, 1)

    type_into(qtbot, child(panel, QSpinBox, "kernelSizeSpin"), "11")

    row = child(panel, QWidget, "layerStack").topLevelItem(1)
    assert row.text(1).startswith("4, 11×11, valid")
    assert "does not fit" in row.toolTip(0)
    fix = child(panel, QPushButton, "fixLayerButton")
    assert fix.text() == "Use padding='same'"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert session.network.first_error() is None
    assert stack_rows(panel)[1][2] == "8×8×4"


def test_the_keras_code_matches_the_clicked_network_and_copies(qtbot, session, panel):
    code_view = KerasCodeView(session)
    qtbot.addWidget(code_view)
    editor = child(code_view, QWidget, "kerasCodeView")
    assert editor.isReadOnly()

    build_cnn_by_clicking(qtbot, panel, session)

    text = editor.toPlainText()
    assert 'layers.Dense(10, activation="softmax")' in text
    assert "layers.Flatten()" in text
    with qtbot.waitSignal(session.message):
        qtbot.mouseClick(child(code_view, QPushButton, "copyKerasCodeButton"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text


def test_the_keras_code_explains_why_it_is_missing(qtbot, session, panel):
    code_view = KerasCodeView(session)
    qtbot.addWidget(code_view)
    click_row(qtbot, panel, 5)
    click(qtbot, panel, "deleteLayerButton")  # Flatten: Dense no longer fits

    text = code_view.editor.toPlainText()
    assert text.startswith("# The Keras code can't be generated yet:")
    assert "add Flatten" in text
    assert not child(code_view, QPushButton, "copyKerasCodeButton").isEnabled()


def test_the_lock_banner_says_running_while_a_run_trains_and_paused_when_paused(qtbot, session, panel):
    session.update_training("epochs", 200)  # the test stops the run itself
    assert session.start_training()
    try:
        banner = child(panel, QLabel, "trainingLockLabel")
        assert banner.isVisible() and banner.text().startswith("Training is running")
        session.pause()
        qtbot.waitUntil(lambda: session.state == "paused", timeout=10_000)
        assert banner.text().startswith("Training is paused") and "running" not in banner.text()
        session.resume()
        qtbot.waitUntil(lambda: session.state == "running", timeout=10_000)
        assert banner.text().startswith("Training is running") and "paused" not in banner.text()
        with qtbot.waitSignal(session.trainingEnded, timeout=10_000):
            click(qtbot, panel, "stopTrainingButton")
    finally:
        session.shutdown()
    assert not child(panel, QWidget, "trainingLockBox").isVisible()


def test_editing_is_locked_while_training_and_says_why(qtbot, session, panel):
    click_row(qtbot, panel, 6)
    assert session.start_training(budget=0)  # a run in progress, paused after its first batch
    try:
        assert child(panel, QWidget, "trainingLockBox").isVisible()
        # Paused, not running: the banner must say which (it used to say "running" while paused).
        banner = child(panel, QLabel, "trainingLockLabel").text()
        assert "paused" in banner and "running" not in banner
        for name in ("addDenseButton", "deleteLayerButton", "presetCombo", "unitsSpin"):
            widget = child(panel, QWidget, name)
            assert not widget.isEnabled(), name
            assert widget.toolTip() == "Stop training to change the network."
        qtbot.keyClick(child(panel, QWidget, "layerStack"), Qt.Key.Key_Delete)
        assert len(session.network.layers) == 6

        with qtbot.waitSignal(session.trainingEnded, timeout=10_000):
            click(qtbot, panel, "stopTrainingButton")
    finally:
        session.shutdown()
    assert not child(panel, QWidget, "trainingLockBox").isVisible()
    assert child(panel, QWidget, "addDenseButton").isEnabled()
    assert child(panel, QWidget, "unitsSpin").isEnabled()
