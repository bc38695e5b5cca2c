"""Run records: what a run was, what it did, and the table text that compares runs."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest

from sandbox.runs import (
    CSV_COLUMNS,
    LossCurve,
    ModelSnapshot,
    RunRecord,
    best_run,
    drop_old_weights,
    layer_summary,
    preset_id,
    runs_csv,
)
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec


def _record(number: int, lr: float = 1e-3, val_acc: float | None = 0.9, network: str = "mlp") -> RunRecord:
    run = RunRecord.start(number, f"Run {number}", NetworkSpec.from_preset(network), TrainingSpec(learning_rate=lr), 0)
    logs = {"loss": 0.5 / number, "accuracy": 0.8}
    if val_acc is not None:
        logs |= {"val_loss": 0.6, "val_accuracy": val_acc}
    run.add_epoch(logs)
    return run


def test_a_preset_is_known_by_its_id_and_a_custom_network_by_its_layers():
    cnn = NetworkSpec.from_preset("small-cnn")
    assert preset_id(cnn) == "small-cnn"
    assert layer_summary(cnn) == "Conv2D 8 → MaxPool → Conv2D 16 → MaxPool → Dense 10"
    custom = cnn.insert(5, LayerSpec.make("Dropout", rate=0.25))
    assert preset_id(custom) is None
    assert layer_summary(custom) == "Conv2D 8 → MaxPool → Conv2D 16 → MaxPool → Dropout 0.25 → Dense 10"


def test_the_batch_loss_curve_stays_bounded_and_keeps_the_mean():
    curve = LossCurve(max_points=100)
    losses = np.random.default_rng(0).random(10_000)
    for i, loss in enumerate(losses):
        curve.add(i / 100, float(loss))
    x, y = curve.arrays()
    assert len(x) <= 100 and x.dtype == y.dtype == np.float64
    assert curve.stride == 128
    # every full point is the exact mean of `stride` consecutive batches
    np.testing.assert_allclose(y[0], losses[:128].mean())
    np.testing.assert_allclose(y[: 10_000 // 128], losses[: 10_000 // 128 * 128].reshape(-1, 128).mean(axis=1))
    assert np.all(np.diff(x) > 0)


def test_the_batch_loss_curve_skips_non_finite_losses():
    curve = LossCurve(max_points=10)
    for value in (1.0, math.inf, math.nan, 3.0):
        curve.add(0.5, value)
    np.testing.assert_array_equal(curve.arrays()[1], [1.0, 3.0])
    with pytest.raises(ValueError):
        LossCurve(max_points=3)


def test_a_record_keeps_its_own_epochs_and_notes_a_live_learning_rate_change():
    run = RunRecord.start(2, "Run 2", NetworkSpec.from_preset("logistic"), TrainingSpec(learning_rate=0.01), 3)
    run.add_batch(3, 1, 2, 2.0, 0.01)
    run.add_batch(3, 2, 2, 1.0, 0.001)
    run.add_epoch({"loss": 1.5, "accuracy": 0.5, "val_loss": 1.4, "val_accuracy": 0.6, "lr": 0.1})
    run.add_epoch({"loss": 1.2, "accuracy": 0.55}, stopped=True)
    assert run.epochs_done == 1 and run.params == 7850
    assert run.final("loss") == 1.2 and run.final("val_accuracy") == 0.6 and math.isnan(run.final("nope"))
    assert "lr" not in run.epoch_logs[0]
    x, y = run.series("val_loss")
    np.testing.assert_array_equal(x, [1.0])
    np.testing.assert_array_equal(y, [1.4])
    np.testing.assert_array_equal(run.series("loss")[1], [1.5, 1.2])
    np.testing.assert_array_equal(run.batch_loss.arrays()[0], [0.5, 1.0])  # epochs since the run started
    assert run.learning_rate_changed and run.final_learning_rate == 0.001


def test_the_best_run_is_the_highest_validation_accuracy():
    runs = [_record(1, val_acc=0.8), _record(2, val_acc=None), _record(3, val_acc=0.95), _record(4, val_acc=0.95)]
    assert best_run(runs).number == 3
    assert best_run(runs[:2][1:]) is None


def test_old_runs_lose_their_weights_first():
    runs = [_record(i) for i in range(1, 6)]
    for run in runs:
        run.end_state = ModelSnapshot(run.network, run.training, np.zeros(3, np.float32), 1, {})
    assert drop_old_weights(runs, keep=2) == 3
    assert [r.has_weights for r in runs] == [False, False, False, True, True]
    assert drop_old_weights(runs, keep=2) == 0


def test_csv_round_trips_every_row():
    runs = [_record(1, lr=0.1), _record(2, lr=1e-3, val_acc=None, network="small-cnn")]
    runs[0].wall_time = 1.25
    rows = list(csv.DictReader(io.StringIO(runs_csv(runs))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2
    assert rows[0]["network"] == "Multilayer perceptron" and float(rows[0]["learning_rate"]) == 0.1
    assert float(rows[0]["train_loss"]) == runs[0].final("loss") and float(rows[0]["seconds"]) == 1.25
    assert rows[1]["val_accuracy"] == "" and rows[1]["layers"] == layer_summary(runs[1].network)
    assert rows[1]["result"] == "running" and rows[1]["weights_kept"] == "0"
