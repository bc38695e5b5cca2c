"""Training controls, as a learner uses them: Train to the end, step one batch, pause, stop, reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import sandbox as sb
from ui.panels.controls import TrainingControls
from ui.session import DataSet


@pytest.fixture
def controls(qtbot, session):
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    session.set_dataset(DataSet.from_uint8("tiny", (x[:300], y[:300]), (xt[:50], yt[:50])))
    widget = TrainingControls(session)
    qtbot.addWidget(widget)
    widget.resize(420, 160)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def button(widget, name):
    return widget.findChild(object, name)


def click(qtbot, widget, name) -> None:
    b = button(widget, name)
    assert b.isEnabled(), f"{name} is disabled: {b.toolTip()}"
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def test_train_is_disabled_with_the_engines_reason_while_the_network_is_broken(controls, session):
    flatten = next(i for i, layer in enumerate(session.network.layers) if layer.class_name == "Flatten")
    session.remove_layer(flatten)

    problem = session.training_problem()
    assert problem
    for name in ("trainButton", "stepButton", "stepEpochButton"):
        assert not button(controls, name).isEnabled()
        assert problem in button(controls, name).toolTip()
    assert problem in controls.findChild(object, "trainingStatusLabel").text()

    session.undo_stack.undo()
    assert button(controls, "trainButton").isEnabled()
    assert problem not in button(controls, "trainButton").toolTip()


def test_train_runs_to_the_end_and_says_how_it_went(qtbot, controls, session):
    session.update_training("epochs", 2)
    bar = controls.findChild(object, "progressBar")

    with qtbot.waitSignal(session.trainingEnded, timeout=20000) as ended:
        click(qtbot, controls, "trainButton")
        assert not button(controls, "resetButton").isEnabled()
        assert not button(controls, "trainButton").isEnabled()
        assert button(controls, "stopButton").isEnabled()
        assert button(controls, "pauseButton").isEnabled()

    assert ended.args[0].reason == "finished"
    assert bar.value() == bar.maximum() > 1
    status = controls.findChild(object, "trainingStatusLabel").text()
    assert status.startswith("Done: 2 epochs, validation accuracy ")
    assert status.endswith("%")
    assert button(controls, "resetButton").isEnabled()
    assert button(controls, "trainButton").isEnabled()
    assert not button(controls, "stopButton").isEnabled()


def test_step_trains_exactly_one_batch_then_pauses_and_stop_ends_the_run(qtbot, controls, session):
    records = []
    session.batchesReceived.connect(records.extend)

    click(qtbot, controls, "stepButton")
    qtbot.waitUntil(lambda: session.state == "paused", timeout=10000)

    assert button(controls, "pauseButton").text().replace("&", "") == "Resume"
    assert button(controls, "stepButton").isEnabled()  # stepping again is allowed while paused
    assert not button(controls, "trainButton").isEnabled()
    assert not button(controls, "resetButton").isEnabled()
    with qtbot.waitSignal(session.trainingEnded, timeout=10000) as ended:
        click(qtbot, controls, "stopButton")

    assert ended.args[0].reason == "stopped"
    assert len(records) == 1
    assert int(ended.args[0].optimizer_state["iterations"]) == 1
    assert controls.findChild(object, "trainingStatusLabel").text().startswith("Stopped")
    assert session.state == "idle"


def test_pause_and_resume_toggle_while_training(qtbot, controls, session):
    session.update_training("epochs", 200)  # the test stops the run itself
    status = controls.findChild(object, "trainingStatusLabel")
    try:
        click(qtbot, controls, "trainButton")
        qtbot.waitUntil(lambda: status.text().startswith("Epoch "), timeout=10000)
        assert "samples/s" in status.text() and "left" in status.text()

        click(qtbot, controls, "pauseButton")
        qtbot.waitUntil(lambda: session.state == "paused", timeout=10000)
        assert button(controls, "pauseButton").text().replace("&", "") == "Resume"
        assert status.text().startswith("Paused")

        click(qtbot, controls, "pauseButton")
        qtbot.waitUntil(lambda: session.state == "running", timeout=10000)
        assert button(controls, "pauseButton").text().replace("&", "") == "Pause"
    finally:
        with qtbot.waitSignal(session.trainingEnded, timeout=10000):
            session.stop()


def test_step_epoch_trains_one_epoch_then_pauses(qtbot, controls, session):
    session.update_training("validation_split", 0.0)
    records = []
    session.batchesReceived.connect(records.extend)
    click(qtbot, controls, "stepEpochButton")
    qtbot.waitUntil(lambda: session.state == "paused", timeout=10000)
    with qtbot.waitSignal(session.trainingEnded, timeout=10000):
        click(qtbot, controls, "stopButton")
    steps = records[0].steps
    assert len(records) == steps == -(-300 // session.training.batch_size)
    assert {r.epoch for r in records} == {0}


def test_reset_goes_back_to_the_seeds_starting_weights(qtbot, controls, session):
    session.reset_weights()
    start = session.model.get_flat_weights().copy()
    session.step_batch()
    qtbot.waitUntil(lambda: session.state == "paused", timeout=10000)
    with qtbot.waitSignal(session.trainingEnded, timeout=10000):
        session.stop()
    assert not (session.model.get_flat_weights() == start).all()

    with qtbot.waitSignal(session.modelChanged):
        click(qtbot, controls, "resetButton")

    assert (session.model.get_flat_weights() == start).all()
    assert "reset" in controls.findChild(object, "trainingStatusLabel").text()
