"""The training-loop diagram: a learner watches a batch go round chapter 1's loop, with the real numbers."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

import sandbox as sb
from ui.panels.loop_diagram import LoopDiagramPanel
from ui.session import DataSet


@pytest.fixture
def digits() -> DataSet:
    """320 training digits and 80 test digits: enough for a few batches of 32."""
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    return DataSet.from_uint8("digits-320", (x[:320], y[:320]), (xt[:80], yt[:80]))


@pytest.fixture
def panel(qtbot, session, digits) -> LoopDiagramPanel:
    session.set_dataset(digits)
    session.update_training("batch_size", 32)
    widget = LoopDiagramPanel(session)
    qtbot.addWidget(widget)
    widget.resize(380, 460)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def engine_batches(session, digits: DataSet, count: int) -> list[sb.BatchProgress]:
    """The first ``count`` batch records of a real engine run on the session's network, in a fixed order."""
    model = session.network.build_model(seed=0)
    model.compile(optimizer=session.training.build_optimizer(), loss=session.training.build_loss())
    records = []
    for record in sb.iter_fit(model, digits.x_train, digits.y_train, batch_size=32, shuffle=False, details=True):
        if isinstance(record, sb.BatchProgress):
            records.append(record)
        if len(records) == count:
            return records
    raise AssertionError("the run ended early")


def walk_button(panel: LoopDiagramPanel) -> QPushButton:
    return panel.findChild(QPushButton, "loopWalkButton")


def stage_label(panel: LoopDiagramPanel) -> QLabel:
    return panel.findChild(QLabel, "loopStageLabel")


def test_idle_diagram_names_the_networks_layers_and_invites_to_train(panel, session):
    weighted = [row.name for row in session.network.trace() if row.params > 0]
    assert panel.shown_layers() == weighted == ["conv2d", "conv2d_1", "dense"]
    assert panel.shown_numbers() == {}
    assert panel.current_stage() == 0
    assert "Press Train" in stage_label(panel).text()
    assert not walk_button(panel).isEnabled()  # nothing to walk through before a Step

    session.add_layer("Dense", after=4, units=32)  # a hidden layer before the classifier
    assert panel.shown_layers() == ["conv2d", "conv2d_1", "dense", "dense_1"]


def test_the_diagrams_numbers_are_the_engines_for_a_known_batch(qtbot, panel, session, digits):
    record = engine_batches(session, digits, 1)[0]
    session.batchesReceived.emit([record])
    qtbot.waitUntil(lambda: panel.shown_numbers() != {})

    shown = panel.shown_numbers()
    assert shown["batch_size"] == record.batch_size == 32
    assert shown["loss"] == record.batch_loss
    assert shown["learning_rate"] == record.learning_rate
    assert shown["grad_norm"] == record.grad_norm
    assert shown["layer_grad_norms"] == record.details.layer_grad_norms
    assert shown["layer_update_norms"] == record.details.layer_update_norms
    assert shown["predictions"] == record.details.predictions
    assert shown["targets"] == record.details.targets
    # every layer box has its bars: the engine reports exactly the layers the diagram draws with weights
    assert sorted(shown["layer_grad_norms"]) == sorted(panel.shown_layers())
    # the batch goes round the loop once, then the highlight rests
    qtbot.waitUntil(lambda: panel.current_stage() != 0)
    qtbot.waitUntil(lambda: panel.current_stage() == 0)


def test_a_burst_of_batches_shows_the_last_one(qtbot, panel, session, digits):
    records = engine_batches(session, digits, 5)
    for record in records:  # five signals before the frame timer gets a chance to draw
        session.batchesReceived.emit([record])
    qtbot.waitUntil(lambda: panel.shown_numbers().get("loss") == records[-1].batch_loss)
    assert panel.shown_numbers()["layer_update_norms"] == records[-1].details.layer_update_norms


def test_regression_outputs_are_called_targets(qtbot, panel, session, digits):
    record = engine_batches(session, digits, 1)[0]
    details = replace(record.details, predictions=(0.25, 0.75), targets=(0.0, 1.0))
    session.batchesReceived.emit([replace(record, details=details)])
    qtbot.waitUntil(lambda: panel.shown_numbers() != {})
    assert panel.shown_numbers()["predictions"] == (0.25, 0.75)
    assert "true targets" in panel.stage_sentence(2)


def test_step_then_walk_through_the_four_stages(qtbot, panel, session):
    session.step_batch()
    qtbot.waitUntil(lambda: session.state == "paused" and panel.shown_numbers() != {}, timeout=10000)

    shown = panel.shown_numbers()
    assert shown["batch_size"] == 32
    assert math.isfinite(shown["loss"])
    assert shown["learning_rate"] == pytest.approx(session.training.learning_rate)
    assert sorted(shown["layer_grad_norms"]) == sorted(panel.shown_layers())
    assert all(np.isfinite(v) and v > 0 for v in shown["layer_update_norms"].values())  # the weights moved
    assert "Next stage" in stage_label(panel).text()

    button = walk_button(panel)
    qtbot.waitUntil(button.isEnabled)
    sentences, stages = [], []
    for _ in range(4):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        stages.append(panel.current_stage())
        sentences.append(stage_label(panel).text())
    assert stages == [1, 2, 3, 4]
    assert sentences[0].startswith("1. Forward") and "32 images" in sentences[0]
    assert sentences[1].startswith("2. Loss") and f"{shown['loss']:.4g}" in sentences[1]
    assert sentences[2].startswith("3. Backward") and f"{shown['grad_norm']:.3g}" in sentences[2]
    assert sentences[3].startswith("4. Update") and "learning rate 0.001" in sentences[3]

    # the keyboard works too, and the walk goes round again
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert panel.current_stage() == 1

    with qtbot.waitSignal(session.trainingEnded, timeout=10000):
        session.stop()
    assert session.state == "idle"
    assert panel.current_stage() == 0
    assert not button.isEnabled()
    assert not stage_label(panel).text().startswith("1.")
    assert panel.shown_numbers()["batch_size"] == 32  # the last numbers stay while idle

    assert session.reset_weights()
    assert panel.shown_numbers() == {}  # they described weights that are gone


@pytest.mark.parametrize("size", [(380, 460), (600, 600), (300, 340)])
def test_the_diagram_draws_at_dock_and_large_sizes(qtbot, panel, session, digits, size):
    session.load_preset("lenet5")
    session.batchesReceived.emit(engine_batches(session, digits, 1))
    qtbot.waitUntil(lambda: panel.shown_numbers() != {})
    panel.resize(*size)
    for stage in range(5):
        panel.canvas.stage = stage
        assert not panel.grab().isNull()
