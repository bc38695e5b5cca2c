"""The loss plot: a learner trains, watches the loss fall, compares runs and sees where training blew up."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QScrollArea, QWidget

from sandbox.training import BatchProgress, EpochProgress
from ui.panels.loss_plot import LossPlotPanel
from ui.session import DataSet


def batch(epoch: int, step: int, steps: int, loss: float, *, finite: bool = True) -> BatchProgress:
    """A progress record as the engine makes it after one batch."""
    return BatchProgress(epoch=epoch, epochs=3, step=step, steps=steps, global_step=epoch * steps + step,
                         batch_loss=loss, loss=loss, metrics={"accuracy": 0.5}, grad_norm=1.0, learning_rate=1e-3,
                         samples_per_sec=500.0, elapsed=0.1, eta=1.0, finite=finite)


def epoch_end(epoch: int, loss: float, accuracy: float, val_loss: float, val_accuracy: float) -> EpochProgress:
    return EpochProgress(epoch=epoch, epochs=3, logs={"loss": loss, "accuracy": accuracy, "val_loss": val_loss,
                                                      "val_accuracy": val_accuracy})


@pytest.fixture
def panel(qtbot, session):
    widget = LossPlotPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def train_one_epoch(session, label: str, losses: list[float]) -> None:
    """Emit what a run of one epoch with len(losses) batches sends, as the session does."""
    session.runStarted.emit(label)
    steps = len(losses)
    session.batchesReceived.emit([batch(0, i + 1, steps, loss) for i, loss in enumerate(losses)])
    session.epochEnded.emit(epoch_end(0, float(np.mean(losses)), 0.8, float(np.mean(losses)) + 0.1, 0.75))


def points(panel: LossPlotPanel, key: str) -> int:
    return len(panel.current_curves()[key][0])


def loss_plot(panel: LossPlotPanel) -> pg.PlotWidget:
    plot = panel.findChild(QWidget, "lossPlot")
    assert isinstance(plot, pg.PlotWidget)
    return plot


def loss_curves(panel: LossPlotPanel) -> list[pg.PlotDataItem]:
    return [i for i in loss_plot(panel).getPlotItem().listDataItems() if isinstance(i, pg.PlotDataItem)]


def test_an_empty_plot_invites_the_learner_to_press_train(panel):
    assert panel.objectName() == "lossPlotPanel"
    assert panel.hint_text() == "Press Train to watch the loss fall"
    assert panel.run_count() == 0
    assert all(len(x) == 0 for x, _ in panel.current_curves().values())
    assert panel.findChild(QCheckBox, "logScaleCheck").accessibleName()
    assert not panel.findChild(QPushButton, "clearRunsButton").isEnabled()
    axis = loss_plot(panel).getPlotItem().getAxis("left")
    assert axis.labelText == "loss"


def test_batches_and_epochs_appear_as_points_at_the_next_frame(qtbot, panel, session):
    session.runStarted.emit("Run 1 · small CNN · Adam 0.001")
    session.batchesReceived.emit([batch(0, 1, 4, 2.0), batch(0, 2, 4, 1.5)])
    session.batchesReceived.emit([batch(0, 3, 4, 1.2), batch(0, 4, 4, 0.9)])
    session.epochEnded.emit(epoch_end(0, 1.4, 0.6, 1.1, 0.65))
    assert points(panel, "batch_loss") == 0  # two signals, no redraw yet: both wait for one frame

    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 4)
    curves = panel.current_curves()
    np.testing.assert_allclose(curves["batch_loss"][0], [0.25, 0.5, 0.75, 1.0])  # fractional epochs
    np.testing.assert_allclose(curves["batch_loss"][1], [2.0, 1.5, 1.2, 0.9])
    assert curves["loss"][0].tolist() == [1.0] and curves["loss"][1].tolist() == [1.4]
    assert curves["val_loss"][1].tolist() == [1.1]
    assert curves["accuracy"][1].tolist() == [0.6] and curves["val_accuracy"][1].tolist() == [0.65]
    assert panel.hint_text() == ""
    assert panel.legend_labels() == ["Run 1 · small CNN · Adam 0.001"]

    # The second epoch grows the same curves: nothing is cleared and re-plotted.
    items = loss_curves(panel)
    session.batchesReceived.emit([batch(1, s, 4, 0.8 - 0.1 * s) for s in range(1, 5)])
    session.epochEnded.emit(epoch_end(1, 0.55, 0.8, 0.7, 0.78))
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 8)
    assert loss_curves(panel) == items
    np.testing.assert_allclose(panel.current_curves()["loss"][0], [1.0, 2.0])


def test_a_second_run_keeps_the_first_faded_until_cleared(qtbot, panel, session):
    train_one_epoch(session, "Run 1 · small CNN · Adam 0.001", [2.0, 1.0])
    train_one_epoch(session, "Run 2 · small CNN · SGD 0.1", [2.2, 1.8, 1.5])
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 3)

    assert panel.run_count() == 2
    assert panel.legend_labels() == ["Run 1 · small CNN · Adam 0.001", "Run 2 · small CNN · SGD 0.1"]
    items = loss_curves(panel)
    assert len(items) == 6  # per run: batch loss, epoch loss, validation loss
    epoch_losses = [i for i in items if i.opts["symbol"] == "o"]  # per run, its training loss after each epoch
    old, new = sorted(epoch_losses, key=lambda i: i.getOriginalDataset()[1][0])  # run 1 ended at 1.5, run 2 higher
    assert old.opts["pen"].color().alpha() < new.opts["pen"].color().alpha()  # faded, still drawn
    assert old.getOriginalDataset()[1].tolist() == [1.5]
    assert old.opts["pen"].color().rgb() != new.opts["pen"].color().rgb()  # each run its own hue

    clear = panel.findChild(QPushButton, "clearRunsButton")
    assert clear.isEnabled()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert panel.run_count() == 1
    assert panel.legend_labels() == ["Run 2 · small CNN · SGD 0.1"]
    assert len(loss_curves(panel)) == 3
    assert points(panel, "batch_loss") == 3  # the current run is untouched
    assert not clear.isEnabled()


def test_the_log_scale_box_bends_only_the_loss_axis(qtbot, panel, session):
    train_one_epoch(session, "Run 1", [2.0, 0.5, 0.05])
    check = panel.findChild(QCheckBox, "logScaleCheck")
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert check.isChecked() and panel.is_log_scale()
    assert loss_plot(panel).getPlotItem().getAxis("left").logMode
    assert not panel.findChild(QWidget, "accuracyPlot").getPlotItem().getAxis("left").logMode
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 3)
    assert not panel.grab().isNull()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert not panel.is_log_scale()
    assert not loss_plot(panel).getPlotItem().getAxis("left").logMode


@pytest.mark.parametrize("log", [False, True])
def test_a_blow_up_is_marked_where_it_happened_and_the_plot_still_draws(qtbot, panel, session, log):
    panel.set_log_scale(log)
    session.runStarted.emit("Run 1 · small CNN · SGD 5")
    session.batchesReceived.emit([batch(0, 1, 4, 2.0), batch(0, 2, 4, 3e30), batch(0, 3, 4, math.inf, finite=False)])
    assert panel.divergence_markers() == [0.75]  # at the first non-finite batch
    session.epochEnded.emit(EpochProgress(epoch=0, epochs=3, logs={"loss": math.nan, "accuracy": 0.1},
                                          stopped=True))
    session.diverged.emit(None)  # the session's own notice must not add a second marker

    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 2)
    assert panel.divergence_markers() == [0.75]
    curves = panel.current_curves()
    assert np.isfinite(curves["batch_loss"][1]).all()
    assert points(panel, "loss") == 0  # the NaN epoch mean is left out
    assert curves["accuracy"][0].tolist() == [0.75]  # a stopped epoch's means sit at its last batch
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() == panel.width()

    # The marker fades with its run and goes when earlier runs are cleared.
    train_one_epoch(session, "Run 2 · small CNN · SGD 0.01", [2.0, 1.0])
    assert panel.divergence_markers() == [0.75]
    panel.clear_earlier_runs()
    assert panel.divergence_markers() == []


def move_mouse_to(qtbot, plot: pg.PlotWidget, x: float, y: float) -> None:
    scene_pos = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(scene_pos))


def test_hovering_a_point_reads_out_its_epoch_and_value(qtbot, panel, session):
    train_one_epoch(session, "Run 1", [2.0, 1.2, 0.9, 0.7])
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 4)
    label = panel.findChild(QLabel, "hoverLabel")
    plot = loss_plot(panel)
    plot.getPlotItem().getViewBox().autoRange()

    move_mouse_to(qtbot, plot, 0.5, 1.2)
    qtbot.waitUntil(lambda: label.text() == "epoch 0.50 · batch loss 1.200")
    move_mouse_to(qtbot, plot, 1.0, 1.3)  # the epoch's validation loss: 1.2 + 0.1
    qtbot.waitUntil(lambda: label.text() == "epoch 1.00 · validation loss 1.300")

    panel.set_log_scale(True)
    plot.getPlotItem().getViewBox().autoRange()
    move_mouse_to(qtbot, plot, 0.25, math.log10(2.0))  # in log mode the view holds log10(loss)
    qtbot.waitUntil(lambda: label.text() == "epoch 0.25 · batch loss 2.000")

    accuracy = panel.findChild(QWidget, "accuracyPlot")
    move_mouse_to(qtbot, accuracy, 1.0, 0.8)
    qtbot.waitUntil(lambda: label.text() == "epoch 1.00 · accuracy 0.800")


def test_the_arrow_keys_read_out_the_points_without_a_mouse(qtbot, panel, session):
    train_one_epoch(session, "Run 1", [2.0, 1.2, 0.9, 0.7])
    label = panel.findChild(QLabel, "hoverLabel")
    plot = loss_plot(panel)
    plot.setFocus()
    qtbot.keyClick(plot, Qt.Key.Key_End)
    assert label.text() == "epoch 1.00 · batch loss 0.700"
    qtbot.keyClick(plot, Qt.Key.Key_Left)
    assert label.text() == "epoch 0.75 · batch loss 0.900"
    qtbot.keyClick(plot, Qt.Key.Key_Home)
    qtbot.keyClick(plot, Qt.Key.Key_Left)  # stays on the first point
    assert label.text() == "epoch 0.25 · batch loss 2.000"


def legend_text(panel: LossPlotPanel) -> str:
    """The legend as the learner reads it."""
    doc = QTextDocument()
    doc.setHtml(panel.findChild(QLabel, "lossLegend").text())
    return doc.toPlainText().replace("\xa0", " ")


def click_legend_link(qtbot, panel: LossPlotPanel, name: str) -> None:
    """Click the run called ``name`` in the legend, where its text is drawn."""
    legend = panel.findChild(QLabel, "lossLegend")
    doc = QTextDocument()
    doc.setDefaultFont(legend.font())
    doc.setHtml(legend.text())
    doc.setTextWidth(legend.contentsRect().width())
    position = doc.toPlainText().replace("\xa0", " ").find(name)  # the names are written with no-break spaces
    assert position >= 0, name
    block = doc.findBlock(position)
    doc.documentLayout()  # lays the text out
    line = block.layout().lineForTextPosition(position - block.position())
    x = line.cursorToX(position - block.position())[0] + 4
    y = block.layout().position().y() + line.y() + line.height() / 2
    margin = legend.contentsRect().topLeft()
    qtbot.mouseClick(legend, Qt.MouseButton.LeftButton, pos=QPoint(int(x) + margin.x(), int(y) + margin.y()))


def test_the_legend_stays_above_the_plot_and_never_covers_a_curve(qtbot, panel, session):
    assert not panel.findChild(QWidget, "lossLegendArea").isVisible()  # no runs, no legend
    for n in range(1, 9):  # eight runs with long names: more than the legend's three lines
        train_one_epoch(session, f"Run {n} · small CNN (9,098) · Adam 0.001", [2.0, 1.0 + n / 10])
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 2)
    area = panel.findChild(QScrollArea, "lossLegendArea")
    plot = loss_plot(panel)
    assert area.isVisible()
    assert area.geometry().bottom() < plot.geometry().top()  # its own row, outside the plot
    assert plot.getPlotItem().legend is None  # nothing drawn over the data
    assert area.height() <= 3 * 1.5 * panel.fontMetrics().lineSpacing()  # scrolls rather than squeezing the plot
    assert area.verticalScrollBar().isVisible()  # the oldest runs are a scroll away
    assert plot.height() >= 150
    text = legend_text(panel)
    assert text.index("Run 8 ·") < text.index("Run 1 ·")  # the newest run first: it is always in view
    assert "training" in text and "validation" in text  # the line-style key


def test_clicking_a_run_in_the_legend_hides_the_whole_run(qtbot, panel, session):
    train_one_epoch(session, "Run 1", [2.0, 1.0])
    train_one_epoch(session, "Run 2", [2.5, 1.5])
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 2)
    run1 = [i for i in loss_curves(panel) if i.getOriginalDataset()[1] is not None
            and i.getOriginalDataset()[1].tolist() in ([2.0, 1.0], [1.5], [1.6])]
    assert len(run1) == 3  # run 1's batch, epoch and validation losses
    click_legend_link(qtbot, panel, "Run 1")
    visible = [i for i in loss_curves(panel) if i.isVisible()]
    assert len(visible) == 3 and not any(i in visible for i in run1)  # only run 2's three loss curves are left
    assert not any(i.isVisible() for i in accuracy_curves(panel)[:2])  # its accuracy curves went too
    click_legend_link(qtbot, panel, "Run 1")
    assert all(i.isVisible() for i in loss_curves(panel))


def accuracy_curves(panel: LossPlotPanel) -> list[pg.PlotDataItem]:
    plot = panel.findChild(QWidget, "accuracyPlot")
    return [i for i in plot.getPlotItem().listDataItems() if isinstance(i, pg.PlotDataItem)]


class Shouting(QTranslator):
    """A stand-in language: the panel's texts in capitals."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context in ("LossPlotPanel", "Diagnosis") else None


def test_switching_language_retranslates_in_place_and_keeps_the_runs(qtbot, panel, session):
    session.runStarted.emit("Run 1")
    session.batchesReceived.emit([batch(0, 1, 2, 2.0), batch(0, 2, 2, math.nan, finite=False)])
    qtbot.waitUntil(lambda: points(panel, "batch_loss") == 1)
    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        panel.retranslate()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert loss_plot(panel).getPlotItem().getAxis("left").labelText == "LOSS"
    assert panel.findChild(QCheckBox, "logScaleCheck").text() == "&LOG SCALE"
    legend = legend_text(panel)
    assert "TRAINING" in legend and "VALIDATION" in legend and "Run 1" in legend  # the run's label: the session's
    assert panel.findChild(QLabel, "hoverLabel").text() == "POINT AT A CURVE TO READ ITS EPOCH AND VALUE"
    markers = [i for i in loss_plot(panel).getPlotItem().items if getattr(i, "label", None)]
    assert [m.label.toPlainText() for m in markers] == ["DIVERGED"]
    assert panel.run_count() == 1 and points(panel, "batch_loss") == 1 and panel.divergence_markers() == [1.0]


def test_real_training_draws_batch_and_epoch_points(qtbot, panel, session):
    full = session.dataset
    session.set_dataset(DataSet("tiny", full.x_train[:300], full.y_train[:300], full.x_test[:50], full.y_test[:50]))
    session.update_training("epochs", 1)
    with qtbot.waitSignal(session.trainingEnded, timeout=30_000):
        assert session.start_training()
    qtbot.waitUntil(lambda: points(panel, "loss") == 1)
    curves = panel.current_curves()
    steps = math.ceil(270 / session.training.batch_size)  # 10 % of the 300 images are held out for validation
    assert points(panel, "batch_loss") == steps
    assert curves["batch_loss"][0][-1] == pytest.approx(1.0)
    assert curves["loss"][0].tolist() == [1.0]
    assert points(panel, "val_loss") == 1 and points(panel, "val_accuracy") == 1
    assert 0.0 <= curves["accuracy"][1][0] <= 1.0
    assert panel.run_count() == 1 and panel.legend_labels()[0].startswith("Run 1")
