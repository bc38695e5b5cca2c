"""Stories of the runs panel: train twice, compare the runs, bring the better model back."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sandbox.spec import NetworkSpec
from ui.panels.runs import COL_LR, COL_RESULT, COL_RUN, COL_SHOW, COL_TRAIN_LOSS, COL_VAL_ACC, RunsPanel
from ui.session import DataSet


@pytest.fixture
def small(session):
    """The logistic-regression preset on 300 training digits: a run of two epochs takes a fraction of a second."""
    d = session.dataset
    session.set_dataset(DataSet("small", d.x_train[:300], d.y_train[:300], d.x_test[:50], d.y_test[:50]))
    session.load_preset("logistic")
    session.update_training("epochs", 2)
    session.update_training("batch_size", 32)
    return session


@pytest.fixture
def panel(qtbot, small):
    widget = RunsPanel(small)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def _train(qtbot, session, learning_rate: float) -> None:
    session.update_training("learning_rate", learning_rate)
    with qtbot.waitSignal(session.trainingEnded, timeout=20000):
        assert session.start_training()


def _run_history(session, before: dict[str, list[float]]) -> dict[str, list[float]]:
    """The epochs the last run added to the session's history."""
    return {k: v[len(before.get(k, [])):] for k, v in session.history.items()}


def _settled(panel, rows: int) -> bool:
    """The table shows ``rows`` runs, none of them still training."""
    return panel.table.rowCount() == rows and all(
        panel.table.item(r, COL_RESULT).text() != "training…" for r in range(rows))


def _row(panel, number: int) -> int:
    return next(r for r in range(panel.table.rowCount())
                if panel.table.item(r, COL_RUN).data(Qt.ItemDataRole.UserRole) == number)


def test_two_runs_become_two_rows_with_their_own_final_scores(qtbot, panel, small):
    assert panel.empty_label.isVisibleTo(panel) and "Press Train" in panel.empty_label.text()
    epochs = []
    for lr in (0.01, 0.001):
        before = {k: list(v) for k, v in small.history.items()}
        _train(qtbot, small, lr)
        epochs.append(_run_history(small, before))
    qtbot.waitUntil(lambda: _settled(panel, 2))
    assert not panel.empty_label.isVisibleTo(panel)
    run1, run2 = small.runs
    assert (run1.training.learning_rate, run2.training.learning_rate) == (0.01, 0.001)
    assert run1.preset == "logistic" and run1.params == 7850
    assert run2.start_epoch == 2 and run2.epochs_done == 2 and run1.end_reason == run2.end_reason == "finished"
    for run, logs in zip((run1, run2), epochs, strict=True):
        # the record holds only its own epochs, equal to what the session logged for them
        for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
            assert list(run.series(key)[1]) == logs[key]
        assert run.final("val_accuracy") == logs["val_accuracy"][-1]
        assert 0 < len(run.batch_loss.arrays()[0]) <= run.batch_loss.max_points
        assert run.wall_time > 0
        row = _row(panel, run.number)
        assert panel.table.item(row, COL_TRAIN_LOSS).text() == f"{logs['loss'][-1]:.3f}"
        assert panel.table.item(row, COL_VAL_ACC).text() == f"{logs['val_accuracy'][-1]:.1%}"
        assert panel.table.item(row, COL_RESULT).text() == "finished"
    assert panel.table.item(_row(panel, 1), COL_LR).text() == "0.01"
    best = max((run1, run2), key=lambda r: r.final("val_accuracy"))
    assert panel.table.item(_row(panel, best.number), COL_VAL_ACC).font().bold()


def test_ticked_runs_draw_their_own_curves(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    _train(qtbot, small, 0.001)
    qtbot.waitUntil(lambda: set(panel.curves) == {1, 2})  # new runs are ticked by themselves
    panel.metric_combo.setCurrentIndex(panel.metric_combo.findData("val_loss"))
    for run in small.runs:
        x, y = panel.curves[run.number].getData()
        np.testing.assert_array_equal(x, [1.0, 2.0])
        np.testing.assert_array_equal(y, run.series("val_loss")[1])
    # two epochs: the axis ticks whole epochs, never 1.5
    ticks = [v for _spacing, values in panel.plot.getPlotItem().getAxis("bottom").tickValues(1, 2, 600) for v in values]
    assert ticks and all(float(v).is_integer() for v in ticks)
    # unticking run 1 with the keyboard leaves only run 2's curve
    panel.table.setFocus()
    panel.table.setCurrentCell(_row(panel, 1), COL_SHOW)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.table.item(_row(panel, 1), COL_SHOW).checkState() == Qt.CheckState.Unchecked
    assert set(panel.curves) == {2}
    panel.metric_combo.setCurrentIndex(panel.metric_combo.findData("batch_loss"))
    np.testing.assert_array_equal(panel.curves[2].getData()[1], small.runs[1].batch_loss.arrays()[1])


def test_reopening_run_1_brings_back_its_model_and_undo_brings_back_run_2(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    small.load_preset("mlp")  # run 2 trains another network altogether
    _train(qtbot, small, 0.001)
    run1, run2 = small.runs
    assert run2.preset == "mlp"
    qtbot.waitUntil(lambda: _settled(panel, 2))
    panel.table.selectRow(_row(panel, 1))
    assert panel.reopen_button.isEnabled()
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)

    assert small.network == NetworkSpec.from_preset("logistic") and small.training.learning_rate == 0.01
    assert np.array_equal(small.model.get_flat_weights(), run1.end_state.flat_weights)
    image = small.dataset.x_test[0]
    model = run1.network.build_model()
    model.set_flat_weights(run1.end_state.flat_weights)
    np.testing.assert_array_equal(small.predict(image), model.predict_on_batch(image[None])[0])
    assert small.epochs_done == 2 and small.history["loss"] == list(run1.series("loss")[1])
    assert "Undo" in panel.status_label.text()

    small.undo()
    assert small.network == run2.network and small.training.learning_rate == 0.001
    assert np.array_equal(small.model.get_flat_weights(), run2.end_state.flat_weights)
    small.redo()
    assert np.array_equal(small.model.get_flat_weights(), run1.end_state.flat_weights)


def test_a_run_can_be_reopened_from_a_network_that_does_not_fit(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    small.add_layer("Conv2D", after=len(small.network.layers) - 1)  # a Conv2D after the last Dense: no model
    assert small.model is None and small.network_error() is not None
    qtbot.waitUntil(lambda: _settled(panel, 1))
    panel.table.selectRow(_row(panel, 1))
    assert panel.reopen_button.isEnabled()
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert small.network == NetworkSpec.from_preset("logistic") and small.network_error() is None
    assert np.array_equal(small.model.get_flat_weights(), small.runs[0].end_state.flat_weights)
    small.undo()  # back to the broken network the learner was editing
    assert small.model is None and small.network_error() is not None


def test_training_after_a_reopen_survives_undo_and_redo(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    _train(qtbot, small, 0.001)
    run2_weights = small.model.get_flat_weights()
    assert small.reopen_run(1)
    _train(qtbot, small, 0.01)  # the learner goes on training run 1's model
    trained_on = small.model.get_flat_weights()
    epochs = small.epochs_done
    small.undo()
    assert np.array_equal(small.model.get_flat_weights(), run2_weights)
    small.redo()  # the training done after the reopen comes back, not run 1's end
    assert np.array_equal(small.model.get_flat_weights(), trained_on) and small.epochs_done == epochs


def test_undoing_past_a_reopen_gives_back_the_first_trained_weights(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    first = small.model.get_flat_weights()
    small.load_preset("mlp")
    assert small.reopen_run(1)  # the logistic network again, with run 1's weights
    small.load_preset("small-cnn")
    for _ in range(3):
        small.undo()
    assert small.network == NetworkSpec.from_preset("logistic")
    assert np.array_equal(small.model.get_flat_weights(), first) and small.epochs_done == 2


def test_reopen_is_refused_while_training(qtbot, panel, small):
    _train(qtbot, small, 0.01)
    qtbot.waitUntil(lambda: _settled(panel, 1))
    panel.table.selectRow(0)
    assert panel.reopen_button.isEnabled()
    weights = small.model.get_flat_weights()
    assert small.start_training(budget=0)  # a run in progress, paused after its first batch
    qtbot.waitUntil(lambda: not panel.reopen_button.isEnabled())
    assert not small.reopen_run(1)
    assert np.array_equal(small.model.get_flat_weights(), weights)
    assert small.runs[-1].end_reason == "running"
    with qtbot.waitSignal(small.trainingEnded, timeout=20000):
        small.stop()
    assert small.runs[-1].end_reason == "stopped"
    qtbot.waitUntil(panel.reopen_button.isEnabled)


def test_export_writes_the_table_and_reports_a_failure(qtbot, panel, small, tmp_path, monkeypatch):
    _train(qtbot, small, 0.01)
    _train(qtbot, small, 0.001)
    qtbot.waitUntil(lambda: _settled(panel, 2))
    target = tmp_path / "runs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert [int(r["run"]) for r in rows] == [1, 2]
    for row, run in zip(rows, small.runs, strict=True):
        assert float(row["learning_rate"]) == run.training.learning_rate
        assert float(row["val_accuracy"]) == run.final("val_accuracy")
        assert float(row["train_loss"]) == run.final("loss")
    assert "Saved 2 runs" in panel.status_label.text()
    assert not panel.export_csv(str(tmp_path / "no-such-folder" / "runs.csv"))
    assert "Could not save" in panel.status_label.text()


def test_clear_forgets_the_runs_after_asking(qtbot, panel, small, monkeypatch):
    _train(qtbot, small, 0.01)
    qtbot.waitUntil(lambda: _settled(panel, 1))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(small.runs) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.empty_label.isVisibleTo(panel))
    assert small.runs == [] and panel.curves == {}


def test_only_the_latest_runs_keep_their_weights(qtbot, panel, small, monkeypatch):
    monkeypatch.setattr(type(small), "RUNS_WEIGHTS_KEPT", 1)
    small.update_training("epochs", 1)
    _train(qtbot, small, 0.01)
    _train(qtbot, small, 0.01)
    assert [r.has_weights for r in small.runs] == [False, True]
    qtbot.waitUntil(lambda: _settled(panel, 2))
    assert panel.table.item(_row(panel, 1), COL_RESULT).text() == "finished (weights no longer kept)"
    panel.table.selectRow(_row(panel, 1))
    assert not panel.reopen_button.isEnabled()
    assert not small.reopen_run(1)


def test_a_diverged_run_keeps_its_last_good_weights(qtbot, panel, small):
    small.load_preset("mlp")  # hidden ReLU layers overflow; the lone softmax layer would only saturate
    small.update_training("optimizer", "SGD")
    small.update_training("learning_rate", 1e30)
    with qtbot.waitSignal(small.trainingEnded, timeout=20000) as ended:
        small.start_training()
    assert ended.args[0].reason == "diverged"
    run = small.runs[-1]
    assert run.end_reason == "diverged"
    np.testing.assert_array_equal(run.end_state.flat_weights, ended.args[0].last_good_weights)
    assert np.all(np.isfinite(run.end_state.flat_weights))
    qtbot.waitUntil(lambda: _settled(panel, 1))
    assert panel.table.item(0, COL_RESULT).text() == "diverged"


def test_stepping_epoch_by_epoch_is_one_run(qtbot, panel, small):
    small.step_epoch()
    qtbot.waitUntil(lambda: small.state == "paused")
    small.step_epoch()  # the first epoch ends (with its validation), then the second one's batches run
    qtbot.waitUntil(lambda: small.state == "paused" and small.runs[0].epochs_done == 1)
    assert len(small.runs) == 1 and small.runs[0].end_reason == "running"
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1 and panel.table.item(0, COL_RESULT).text() == "training…")
    with qtbot.waitSignal(small.trainingEnded, timeout=20000):
        small.stop()
    run = small.runs[0]
    assert len(small.runs) == 1 and run.end_reason == "stopped" and run.epochs_done == 1
    assert run.final("val_accuracy") == small.history["val_accuracy"][-1]
    assert run.wall_time > 0


def test_in_a_wide_short_bottom_dock_the_plot_sits_beside_the_table(qtbot, panel, small):
    _train(qtbot, small, 0.01)  # the plot shows once there is a run
    panel.resize(900, 500)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
    assert panel.table.geometry().bottom() < panel.plot.mapTo(panel, panel.plot.rect().topLeft()).y()
    panel.resize(1400, 300)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel.plot.height() < 300)  # laid out again
    table_right = panel.table.mapTo(panel, panel.table.rect().topRight()).x()
    assert table_right < panel.plot.mapTo(panel, panel.plot.rect().topLeft()).x()
    assert panel.table.width() > panel.plot.width()  # the table's fourteen columns get the larger share


def test_a_runs_time_counts_training_and_not_the_pauses(qtbot, small, monkeypatch):
    import ui.session

    clock = [0.0]
    monkeypatch.setattr(ui.session.time, "monotonic", lambda: clock[0])
    steps: list[str] = []

    def five_seconds_of_training(state: str) -> None:  # connected after the session's own bookkeeping
        if state == "running":
            clock[0] += 5.0
            steps.append(state)

    small.stateChanged.connect(five_seconds_of_training)
    small.step_batch()  # Step: one batch, then the run waits
    qtbot.waitUntil(lambda: len(steps) == 1 and small.state == "paused")
    clock[0] += 100.0  # the learner reads the numbers for a long while
    small.step_batch()
    qtbot.waitUntil(lambda: len(steps) == 2 and small.state == "paused")
    with qtbot.waitSignal(small.trainingEnded, timeout=20000):
        small.stop()
    assert small.runs[0].wall_time == 10.0


def test_closing_the_app_mid_run_keeps_the_run_as_stopped_with_its_weights(qtbot, small):
    small.update_training("epochs", 50)
    assert small.start_training()
    qtbot.waitUntil(lambda: small.epochs_done >= 1, timeout=20000)
    small.shutdown()  # what closing the window does
    run = small.runs[0]
    assert run.end_reason == "stopped" and run.has_weights
    assert np.array_equal(run.end_state.flat_weights, small.model.get_flat_weights())
    assert run.epochs_done >= 1
