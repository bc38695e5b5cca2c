"""The training settings panel, as a learner uses it: pick an optimizer, tune it, drag the learning rate, undo."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

import sandbox as sb
from ui.panels.settings import TrainingSettingsPanel
from ui.session import DataSet


@pytest.fixture
def panel(qtbot, session):
    widget = TrainingSettingsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(combo, data) -> None:
    """Pick an item the way a click in the open list does (``activated`` is the user-only signal)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_value(qtbot, spin, text: str) -> None:
    """Select the spin box's text, type ``text`` and press Enter."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_choosing_sgd_shows_its_own_settings_and_hides_adams(qtbot, panel, session):
    assert panel.findChild(object, "beta1Spin").isVisible()  # Adam is the default
    choose(panel.findChild(object, "optimizerCombo"), "SGD")

    assert session.training.optimizer == "SGD"
    assert panel.findChild(object, "momentumSpin").isVisible()
    assert panel.findChild(object, "nesterovCheck").isVisible()
    for name in ("beta1Spin", "beta2Spin", "rhoSpin", "centeredCheck", "weightDecaySpin"):
        assert not panel.findChild(object, name).isVisible(), name

    type_value(qtbot, panel.findChild(object, "momentumSpin"), "0.9")
    assert session.training.optimizer_options["momentum"] == 0.9


def test_every_optimizer_has_a_tooltip_and_only_its_own_options(panel, session):
    combo = panel.findChild(object, "optimizerCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == list(sb.optimizers.names())
    shown_for = {"SGD": {"momentumSpin", "nesterovCheck"}, "RMSprop": {"rhoSpin", "momentumSpin", "centeredCheck"},
                 "Adam": {"beta1Spin", "beta2Spin"}, "AdamW": {"beta1Spin", "beta2Spin", "weightDecaySpin"},
                 "Adagrad": set()}
    all_options = set().union(*shown_for.values())
    for i in range(combo.count()):
        assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        choose(combo, combo.itemData(i))
        visible = {name for name in all_options if panel.findChild(object, name).isVisible()}
        assert visible == shown_for[combo.itemData(i)]


def test_switching_optimizer_drops_options_the_new_one_does_not_take_and_undo_brings_them_back(qtbot, panel,
                                                                                                session):
    choose(panel.findChild(object, "optimizerCombo"), "SGD")
    type_value(qtbot, panel.findChild(object, "momentumSpin"), "0.9")
    choose(panel.findChild(object, "optimizerCombo"), "Adam")

    assert session.training.optimizer_options == {}
    assert session.training_problem() is None  # Adam(momentum=0.9) would be refused by the engine

    session.undo_stack.undo()
    assert session.training.optimizer == "SGD"
    assert panel.findChild(object, "optimizerCombo").currentData() == "SGD"
    assert panel.findChild(object, "momentumSpin").isVisible()
    assert panel.findChild(object, "momentumSpin").value() == pytest.approx(0.9)


def test_learning_rate_slider_is_logarithmic_and_one_drag_is_one_undo_step(qtbot, panel, session):
    slider = panel.findChild(object, "learningRateSlider")
    spin = panel.findChild(object, "learningRateSpin")
    assert session.training.learning_rate == 0.001
    assert slider.value() == 200  # 1e-3 is two decades above the slider's 1e-5
    steps_before = session.undo_stack.count()

    slider.setFocus()
    for _ in range(5):  # 5 × a tenth of a decade: 10^-2.5, the middle of 1e-5 … 1
        qtbot.keyClick(slider, Qt.Key.Key_Right)

    assert slider.value() == 250
    assert session.training.learning_rate == pytest.approx(10 ** -2.5, rel=0.01)
    assert spin.value() == pytest.approx(session.training.learning_rate)
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)  # one decade up
    assert session.training.learning_rate == pytest.approx(10 ** -1.5, rel=0.01)
    assert session.undo_stack.count() == steps_before + 1

    session.undo_stack.undo()
    assert session.training.learning_rate == 0.001
    assert slider.value() == 200
    assert spin.value() == pytest.approx(0.001)


def test_typing_a_learning_rate_moves_the_slider(qtbot, panel, session):
    type_value(qtbot, panel.findChild(object, "learningRateSpin"), "0.1")
    assert session.training.learning_rate == pytest.approx(0.1)
    assert panel.findChild(object, "learningRateSlider").value() == 400
    assert panel.findChild(object, "learningRateSpin").text() == "0.1"


def test_loop_settings_reach_the_session_and_clipping_zero_means_off(qtbot, panel, session):
    type_value(qtbot, panel.findChild(object, "batchSizeSpin"), "128")
    type_value(qtbot, panel.findChild(object, "epochsSpin"), "7")
    type_value(qtbot, panel.findChild(object, "validationSplitSpin"), "0.2")
    type_value(qtbot, panel.findChild(object, "seedSpin"), "42")
    qtbot.mouseClick(panel.findChild(object, "augmentCheck"), Qt.MouseButton.LeftButton)
    type_value(qtbot, panel.findChild(object, "clipnormSpin"), "1.5")
    choose(panel.findChild(object, "lossCombo"), "categorical_crossentropy")

    t = session.training
    assert (t.batch_size, t.epochs, t.validation_split, t.seed, t.augment, t.clipnorm, t.loss) == (
        128, 7, 0.2, 42, True, 1.5, "categorical_crossentropy")
    type_value(qtbot, panel.findChild(object, "clipnormSpin"), "0")
    assert session.training.clipnorm is None


def test_changing_the_learning_rate_while_training_reaches_the_next_batch(qtbot, panel, session):
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    session.set_dataset(DataSet.from_uint8("tiny", (x[:300], y[:300]), (xt[:50], yt[:50])))
    session.update_training("epochs", 200)  # far more than the test needs: it stops the run itself
    used_rates: list[float] = []

    def collect(records):
        used_rates.extend(r.learning_rate for r in records)

    session.batchesReceived.connect(collect)
    live_note = panel.findChild(object, "liveNoteLabel")
    assert not live_note.isVisible()
    try:
        assert session.start_training()
        assert live_note.isVisible()
        assert "next batch" in live_note.text()
        assert panel.findChild(object, "nextTrainNoteLabel").isVisible()
        assert "next Train" in panel.findChild(object, "batchSizeSpin").toolTip()
        qtbot.waitUntil(lambda: len(used_rates) > 0, timeout=10000)

        type_value(qtbot, panel.findChild(object, "learningRateSpin"), "0.0005")

        qtbot.waitUntil(lambda: any(math.isclose(r, 0.0005) for r in used_rates), timeout=10000)
    finally:
        with qtbot.waitSignal(session.trainingEnded, timeout=10000):
            session.stop()
    assert session.training.learning_rate == 0.0005
    assert not live_note.isVisible()
