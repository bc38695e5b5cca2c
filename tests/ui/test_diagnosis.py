"""A learner's mistakes get the true diagnosis, beside Train and on the loss plot, with a rescue that fits.

Each story is replayed as a new user would: a preset from the layer stack's list, a layer deleted with its
button, a learning rate typed into the spin box, the Train button. Any exception that reaches Qt's event
loop fails the test.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPushButton, QWidget

import sandbox as sb
from ui.session import DataSet


def small_digits(n: int = 640) -> DataSet:
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    return DataSet.from_uint8("digits", (x[:n], y[:n]), (xt[:100], yt[:100]))


def find(window: QWidget, cls: type, name: str):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def choose_preset(window, preset: str) -> None:
    combo = find(window, QComboBox, "presetCombo")
    index = combo.findData(preset)
    assert index >= 0, preset
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a click in the open list sends


def click(qtbot, window, name: str) -> None:
    button = find(window, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select_last_layer(qtbot, window) -> None:
    view = find(window, QWidget, "layerStack")
    item = view.topLevelItem(view.topLevelItemCount() - 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())


def type_learning_rate(qtbot, window, text: str) -> None:
    spin = find(window, QAbstractSpinBox, "learningRateSpin")
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def train(qtbot, window) -> object:
    session = window.session
    with qtbot.waitSignal(session.trainingEnded, timeout=120_000) as ended:
        click(qtbot, window, "trainButton")
    return ended.args[0]


def test_forgot_the_output_layer_is_named_before_training_and_fixed_in_one_click(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    select_last_layer(qtbot, window)
    click(qtbot, window, "deleteLayerButton")  # the learner deletes the output layer: it ends in Dense(64, relu)

    box = find(window, QWidget, "diagnosisBox")
    assert box.kind == "error"
    text = box.text()
    # the true diagnosis: 64 numbers where 10 classes are needed, not a learning rate
    assert "64 numbers" in text and "10 classes" in text and "no output layer" in text
    assert "learning rate" not in text
    assert box.fix_text() == "Add the output layer Dense(10, softmax)"
    assert not find(window, QPushButton, "trainButton").isEnabled()
    assert "see the message below" in find(window, QWidget, "trainingStatusLabel").text()

    click(qtbot, window, "diagnosisFixButton")
    last = session.network.layers[-1]
    assert (last.class_name, last.config["units"], last.config["activation"]) == ("Dense", 10, "softmax")
    assert box.text() == ""  # its cause is gone, so is the message
    assert find(window, QPushButton, "trainButton").isEnabled()
    session.undo()  # undo brings the mistake back, and the message with it
    assert "no output layer" in box.text()


@pytest.mark.parametrize("optimizer", ["Adam", "SGD"])
def test_learning_rate_5_is_diagnosed_marked_on_the_plot_and_rescued(qtbot, window, excepthook_fails, optimizer):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    session.update_training("optimizer", optimizer)
    session.update_training("epochs", 2)
    type_learning_rate(qtbot, window, "5")
    assert session.training.learning_rate == 5
    box = find(window, QWidget, "diagnosisBox")
    assert box.kind == "warning" and "far above" in box.text()  # said before training; Train stays available
    start = session.model.get_flat_weights()

    result = train(qtbot, window)
    assert result.reason == "finished"  # no NaN: Keras's clipping keeps the loss finite, near 14.5
    assert {"gradients_zero", "loss_stuck_high"} <= {a.code for a in session.alarms}
    assert {a.cause for a in session.alarms} == {"learning_rate"}
    assert box.kind == "error"
    assert "stuck at" in box.text() and "learning rate that is too high" in box.text()
    assert "Done: 2 epochs" in find(window, QWidget, "trainingStatusLabel").text()
    (x, words), = window.loss_panel.alarm_markers()
    assert 1 < x < 1.3 and words == "loss stuck"  # at its batch: the tenth, early in the second epoch of 9
    default = 0.001 if optimizer == "Adam" else 0.01  # Keras's defaults: 5 is far outside the usual range
    assert box.fix_text() == f"Undo this run, learning rate {default:g}"

    click(qtbot, window, "diagnosisFixButton")
    assert session.training.learning_rate == pytest.approx(default)
    assert np.array_equal(session.model.get_flat_weights(), start)
    assert box.text() == ""
    result = train(qtbot, window)
    assert session.alarms == [] and session.history["loss"][-1] < np.log(10)  # learning again: below guessing


def test_a_rescue_asked_for_while_training_stops_the_run_first(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits(3000))
    choose_preset(window, "mlp")
    session.update_training("epochs", 50)
    type_learning_rate(qtbot, window, "5")
    box = find(window, QWidget, "diagnosisBox")
    with qtbot.waitSignal(session.alarmRaised, timeout=60_000):
        click(qtbot, window, "trainButton")
    qtbot.waitUntil(lambda: box.fix_text().startswith("Stop: Undo this run"), timeout=10_000)
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000):
        click(qtbot, window, "diagnosisFixButton")
    assert session.training.learning_rate == pytest.approx(0.001)
    assert session.epochs_done < 50 and box.text() == ""


def test_an_old_rescue_never_acts_on_a_changed_network(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    session.update_training("epochs", 2)
    type_learning_rate(qtbot, window, "5")
    train(qtbot, window)
    alarm = session.alarms[0]
    box = find(window, QWidget, "diagnosisBox")
    assert box.kind == "error"

    session.add_layer("Dense", after=0, units=32)  # the learner changes the network
    assert session.alarms == [] and "stuck" not in box.text()
    assert not session.rescue(alarm)  # a stale press does nothing, raises nothing
    assert session.training.learning_rate == 5
    assert window.loss_panel.alarm_markers()  # the old run's marker stays on its curve


def test_a_healthy_run_raises_no_alarm_and_shows_no_message(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    session.update_training("epochs", 1)
    box = find(window, QWidget, "diagnosisBox")
    assert box.text() == ""
    train(qtbot, window)
    assert session.alarms == [] and box.text() == "" and window.loss_panel.alarm_markers() == []


def test_the_diagnosis_speaks_korean(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    select_last_layer(qtbot, window)
    click(qtbot, window, "deleteLayerButton")
    window.set_language("ko")
    try:
        # the language change reaches the widgets as posted events, and rebuilt panels replace the old ones
        qtbot.waitUntil(lambda: find(window, QPushButton, "trainButton").text() == "훈련")
        qtbot.waitUntil(lambda: len(window.findChildren(QWidget, "diagnosisBox")) == 1)
        box = find(window, QWidget, "diagnosisBox")
        assert "숫자 64개" in box.text() and "출력층이 없어요" in box.text()
        assert box.fix_text() == "출력층 Dense(10, softmax) 추가"
        click(qtbot, window, "diagnosisFixButton")
        assert session.network.layers[-1].config["units"] == 10
    finally:
        window.set_language("en")


@pytest.fixture
def playground(qtbot):
    from ui.modes.playground import PlaygroundMode

    widget = PlaygroundMode()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def test_the_playground_names_a_learning_rate_of_5_and_rescues_it(qtbot, playground, excepthook_fails):
    session = playground.session
    session.update_training("epochs", 3)
    type_learning_rate(qtbot, playground, "5")
    start = session.model.get_flat_weights()
    box = find(playground, QWidget, "diagnosisBox")
    assert box.kind == "warning" and "far above Adam's usual range" in box.text()
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000):
        click(qtbot, playground, "trainButton")
    assert session.alarms and session.alarms[0].cause == "learning_rate"
    assert box.kind == "error" and "rose from" in box.text() and "learning rate that is too high" in box.text()
    assert playground.loss_panel.alarm_markers()
    click(qtbot, playground, "diagnosisFixButton")
    assert session.training.learning_rate == pytest.approx(0.001)
    assert np.array_equal(session.model.get_flat_weights(), start) and box.text() == ""


def test_the_playground_says_when_its_output_layer_is_missing(qtbot, playground, excepthook_fails):
    session = playground.session
    session.remove_layer(len(session.network.layers) - 1)  # ends in Dense(8, tanh) now
    box = find(playground, QWidget, "diagnosisBox")
    assert box.kind == "error" and "8 numbers" in box.text() and "2 classes" in box.text()
    assert not find(playground, QPushButton, "trainButton").isEnabled()
    click(qtbot, playground, "diagnosisFixButton")
    assert session.network.layers[-1].config["units"] == 2 and box.text() == ""


def test_every_engine_code_has_a_sentence_here():
    from sandbox.check import CODES
    from sandbox.monitor import ALARM_CODES as ENGINE_ALARMS
    from ui.diagnosis import ALARM_CODES, FINDING_CODES

    assert set(FINDING_CODES) == set(CODES)
    assert ALARM_CODES == ENGINE_ALARMS


def test_the_message_goes_when_the_learner_fixes_the_learning_rate_by_hand(qtbot, window, excepthook_fails):
    session = window.session
    session.set_dataset(small_digits())
    choose_preset(window, "mlp")
    session.update_training("epochs", 2)
    type_learning_rate(qtbot, window, "5")
    train(qtbot, window)
    box = find(window, QWidget, "diagnosisBox")
    assert "stuck at" in box.text()
    type_learning_rate(qtbot, window, "0.001")  # the learner acts on the diagnosis themselves
    assert session.alarms == [] and "stuck at" not in box.text()
