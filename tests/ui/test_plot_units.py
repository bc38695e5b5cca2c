"""Every plot reads in the units the learner sees elsewhere: no "loss (x0.001)" with ticks 100–800.

pyqtgraph rescales an axis whose values stay below 1 (or above 10⁹) and says so in its label, so a loss of 0.017
read "loss (x0.001)" with ticks 10–20 while the table said 0.017. Each story below drives a plot to such values
the way the learner's actions do, then reads what the axis draws: its label and its tick texts.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from sandbox.training import BatchProgress, EpochProgress
from ui.modes.playground import PlaygroundMode
from ui.modes.rule_lesson import RuleLessonMode
from ui.panels.evaluation import EvaluationPanel
from ui.panels.health import HealthPanel
from ui.panels.loss_plot import LossPlotPanel
from ui.panels.runs import RunsPanel
from ui.session import DataSet


def drawn(axis: pg.AxisItem) -> tuple[str, list[str]]:
    """The axis's label and tick texts exactly as pyqtgraph paints them."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    ticks = [spec[2] for spec in specs[2]] if specs else []
    return axis.label.toPlainText().strip(), ticks


def assert_plain(axis: pg.AxisItem, name: str) -> list[str]:
    """No scale note in the label, and every tick names a value inside the axis's range (not that value × 1000)."""
    label, ticks = drawn(axis)
    assert "(x" not in label and "×" not in label, f"{name}: label {label!r}"
    assert ticks, f"{name}: no tick labels drawn"
    lo, hi = axis.range
    slack = 1e-9 + 1e-6 * abs(hi - lo)
    for text in ticks:
        value = float(text.replace("−", "-"))
        assert lo - slack <= value <= hi + slack, f"{name}: tick {text!r} outside {lo:g}…{hi:g} ({label!r})"
    return ticks


def plot_item(parent: QWidget, name: str) -> pg.PlotItem:
    widget = parent.findChild(pg.PlotWidget, name)
    assert widget is not None, name
    return widget.getPlotItem()


def batch(epoch: int, step: int, steps: int, loss: float) -> BatchProgress:
    return BatchProgress(epoch=epoch, epochs=700, step=step, steps=steps, global_step=epoch * steps + step,
                         batch_loss=loss, loss=loss, metrics={"accuracy": 0.5}, grad_norm=1.0, learning_rate=1e-3,
                         samples_per_sec=500.0, elapsed=0.1, eta=1.0, finite=True)


def epoch_end(epoch: int, loss: float, accuracy: float) -> EpochProgress:
    return EpochProgress(epoch=epoch, epochs=700, logs={"loss": loss, "accuracy": accuracy,
                                                        "val_loss": loss * 1.1, "val_accuracy": accuracy - 0.01})


def feed_small_losses_over_700_epochs(session) -> None:
    """A long run whose loss settles near 0.017 and whose accuracy stays between 0.9 and 1, as the table shows."""
    session.runStarted.emit("Run 1")
    for epoch in range(0, 700, 7):
        loss = 0.012 + 0.006 * np.exp(-epoch / 200)
        session.batchesReceived.emit([batch(epoch, 1, 2, loss * 1.05), batch(epoch, 2, 2, loss)])
        session.epochEnded.emit(epoch_end(epoch, loss, 0.9 + 0.09 * epoch / 700))


def assert_loss_panel_plain(qtbot, panel: LossPlotPanel) -> None:
    loss, accuracy = plot_item(panel, "lossPlot"), plot_item(panel, "accuracyPlot")
    # The plots follow the data at the next frame: wait until the loss axis spans the small losses.
    qtbot.waitUntil(lambda: loss.getAxis("left").range[1] < 0.05 and accuracy.getAxis("bottom").range[1] > 600)
    ticks = assert_plain(loss.getAxis("left"), "loss")
    assert any(float(t) < 0.02 for t in ticks)  # e.g. "0.014": the loss in its own units
    assert_plain(accuracy.getAxis("bottom"), "epoch")
    assert max(float(t) for t in drawn(accuracy.getAxis("bottom"))[1]) >= 500  # epochs read 0…700, not 0…0.7
    label, _ticks = drawn(accuracy.getAxis("left"))
    assert label == "accuracy"


def test_the_digits_loss_plot_reads_0_017_and_epochs_up_to_700(qtbot, session):
    panel = LossPlotPanel(session)
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    qtbot.waitExposed(panel)
    feed_small_losses_over_700_epochs(session)
    assert_loss_panel_plain(qtbot, panel)


def test_a_first_partial_epoch_keeps_plain_epochs_and_losses_below_one(qtbot, session):
    """The mode round trip's case: every x below 1 (a run stopped in its first epoch), losses 0.1–0.8."""
    panel = LossPlotPanel(session)
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    session.runStarted.emit("Run 1")
    session.batchesReceived.emit([batch(0, s, 10, 0.8 - 0.07 * s) for s in range(1, 10)])
    loss, accuracy = plot_item(panel, "lossPlot"), plot_item(panel, "accuracyPlot")
    qtbot.waitUntil(lambda: 0.5 < loss.getAxis("left").range[1] < 1 and accuracy.getAxis("bottom").range[1] < 1)
    assert_plain(loss.getAxis("left"), "loss")
    assert_plain(accuracy.getAxis("bottom"), "epoch")


def test_the_playgrounds_loss_plot_and_map_read_in_plain_units(qtbot):
    mode = PlaygroundMode()
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    mode.show()
    qtbot.waitExposed(mode)
    try:
        feed_small_losses_over_700_epochs(mode.session)
        assert_loss_panel_plain(qtbot, mode.loss_panel)
        heatmap = plot_item(mode, "playgroundHeatmap")
        heatmap.setRange(xRange=(0.0, 0.5), yRange=(0.0, 0.5), padding=0)  # a map zoomed in near the origin
        qtbot.waitUntil(lambda: heatmap.getAxis("bottom").range[1] < 1)
        for side in ("bottom", "left"):
            assert_plain(heatmap.getAxis(side), f"heatmap {side}")
    finally:
        mode.shutdown()


def test_the_runs_plot_reads_accuracy_and_loss_in_plain_units(qtbot, session):
    data = session.dataset
    session.set_dataset(DataSet("small", data.x_train[:300], data.y_train[:300], data.x_test[:50], data.y_test[:50]))
    session.load_preset("logistic")
    session.update_training("epochs", 2)
    panel = RunsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    with qtbot.waitSignal(session.trainingEnded, timeout=20000):
        assert session.start_training()
    item = plot_item(panel, "runsOverlayPlot")
    for index in range(panel.metric_combo.count()):
        panel.metric_combo.setCurrentIndex(index)  # every metric the learner can pick
        key = panel.metric_combo.itemData(index)
        qtbot.waitUntil(lambda: all(drawn(item.getAxis(side))[1] for side in ("left", "bottom")))
        if "acc" in str(key):
            qtbot.waitUntil(lambda: item.getAxis("left").range[1] < 1)  # accuracies of 0.1–0.3 after two epochs
        assert_plain(item.getAxis("left"), str(key))
        assert_plain(item.getAxis("bottom"), "epochs")


def test_the_health_plots_read_weight_values_in_plain_units(qtbot, session):
    session.load_preset("logistic")  # fresh weights within ±0.1: the axis used to read "weight value (x0.001)"
    panel = HealthPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 700)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.snapshots) == 1)
    weights = panel.weight_plot.getPlotItem()
    qtbot.waitUntil(lambda: 0 < weights.getAxis("bottom").range[1] < 0.5)
    assert_plain(weights.getAxis("bottom"), "weight value")
    assert_plain(weights.getAxis("left"), "count")
    assert_plain(panel.grad_plot.getPlotItem().getAxis("bottom"), "log gradient")


def test_the_robustness_plot_reads_accuracy_in_plain_units(qtbot, session):
    panel = EvaluationPanel(session)
    qtbot.addWidget(panel)
    panel.resize(600, 800)
    panel.show()
    item = plot_item(panel, "robustnessPlot")
    item.setRange(xRange=(0.0, 0.5), yRange=(0.9, 0.99), padding=0)  # accuracies between 0.9 and 0.99, close up
    qtbot.waitUntil(lambda: item.getAxis("left").range[1] < 1)
    assert_plain(item.getAxis("left"), "accuracy")
    assert_plain(item.getAxis("bottom"), "strength")


@pytest.mark.parametrize("name", ["rulePlot", "ruleContourPlot"])
def test_the_rule_lessons_plots_read_in_plain_units_when_zoomed_in(qtbot, name):
    mode = RuleLessonMode()
    qtbot.addWidget(mode)
    mode.resize(1280, 800)
    mode.show()
    qtbot.waitExposed(mode)
    try:
        item = plot_item(mode, name)
        item.setRange(xRange=(0.0, 0.5), yRange=(0.0, 0.8), padding=0)  # as a scroll of the wheel zooms in
        qtbot.waitUntil(lambda: item.getAxis("left").range[1] < 1)
        for side in ("bottom", "left"):
            assert_plain(item.getAxis(side), f"{name} {side}")
    finally:
        mode.shutdown()
