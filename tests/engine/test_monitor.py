"""Training health as it happens: each alarm from real runs on real digits, with the cause the facts point at."""

from __future__ import annotations

import math

import numpy as np
import pytest

import sandbox as sb
from sandbox.monitor import ALARM_CODES, CAUSES, Alarm, TrainingMonitor
from sandbox.training import BatchProgress, EpochProgress


@pytest.fixture(scope="module")
def digits():
    (x, y), _ = sb.datasets.digits.load_data()
    return (x[:1200].astype(np.float32) / 255.0), y[:1200]


def mlp(optimizer: sb.optimizers.Optimizer, *, pop: bool = False) -> sb.Sequential:
    model = sb.presets.build("mlp", compile=False)
    if pop:
        model.pop()  # the learner deleted the output layer: the network ends in Dense(64, relu)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def watch(model: sb.Sequential, x: np.ndarray, y: np.ndarray, epochs: int = 1) -> tuple[list[Alarm], TrainingMonitor]:
    monitor = TrainingMonitor(model, x, y)
    alarms: list[Alarm] = []
    for record in sb.iter_fit(model, x, y, batch_size=32, epochs=epochs):
        alarms += monitor.observe(record)
        if isinstance(record, BatchProgress) and not record.finite:
            break
    return alarms, monitor


@pytest.mark.parametrize("optimizer", [sb.optimizers.Adam(5.0), sb.optimizers.SGD(5.0)], ids=["Adam", "SGD"])
def test_learning_rate_5_gets_a_stuck_loss_blamed_on_the_learning_rate(digits, optimizer):
    alarms, _ = watch(mlp(optimizer), *digits, epochs=2)
    codes = [a.code for a in alarms]
    assert "loss_stuck_high" in codes and "gradients_zero" in codes and "accuracy_at_chance" in codes
    assert all(a.cause == "learning_rate" for a in alarms)
    stuck = next(a for a in alarms if a.code == "loss_stuck_high")
    assert stuck.evidence["loss"] > 10 and stuck.evidence["start_loss"] == pytest.approx(math.log(10), abs=0.2)
    assert stuck.evidence["guess_loss"] == pytest.approx(math.log(10))
    assert stuck.epoch == 0 and stuck.x < 0.5  # found within the first batches, not at the end of the run
    assert len(codes) == len(set(codes))  # each alarm once per run


def test_a_missing_output_layer_is_blamed_before_the_learning_rate(digits):
    alarms, monitor = watch(mlp(sb.optimizers.Adam(1e-3), pop=True), *digits, epochs=3)
    assert alarms and all(a.cause == "output_layer" for a in alarms)
    assert alarms[0].finding is not None and alarms[0].finding.code == "output_units_vs_classes"
    assert alarms[0].finding.fix["kind"] == "add_output_layer"
    assert monitor.output_finding is alarms[0].finding


def test_a_healthy_run_raises_nothing(digits):
    alarms, _ = watch(mlp(sb.optimizers.Adam(1e-3)), *digits, epochs=2)
    assert alarms == []


def test_a_learning_rate_far_too_small_is_named_as_too_small(digits):
    alarms, _ = watch(mlp(sb.optimizers.SGD(1e-3)), *digits, epochs=2)
    chance = next(a for a in alarms if a.code == "accuracy_at_chance")
    assert chance.cause == "learning_rate_low"
    assert chance.evidence["accuracy"] <= chance.evidence["chance"] + 0.05


def _batch(step: int, loss: float, grad: float = 1.0, finite: bool = True) -> BatchProgress:
    return BatchProgress(epoch=0, epochs=1, step=step, steps=1000, global_step=step, batch_loss=loss, loss=loss,
                         metrics={}, grad_norm=grad, learning_rate=0.1, samples_per_sec=0.0, elapsed=0.0, eta=0.0,
                         finite=finite, batch_size=32)


def _monitor() -> TrainingMonitor:
    model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer=sb.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return TrainingMonitor(model, np.zeros((6, 4), np.float32), np.array([0, 1, 2, 0, 1, 2]))


def test_exploding_gradients_a_rising_loss_and_nan_each_sound_once():
    monitor = _monitor()
    raised = [a.code for step in range(1, 40) for a in monitor.observe(_batch(step, 1.0 + step * 0.2, 500.0))]
    assert raised == ["gradients_exploding", "loss_rising"]
    raised = [a.code for a in monitor.observe(_batch(40, math.nan, finite=False))]
    raised += [a.code for a in monitor.observe(_batch(41, math.nan, finite=False))]
    assert raised == ["loss_not_finite"]
    assert all(a.cause == "learning_rate" for a in monitor.alarms)


def test_zero_gradients_on_a_learnt_network_are_no_alarm():
    monitor = _monitor()
    assert not [a for step in range(1, 40) for a in monitor.observe(_batch(step, 0.01, 0.0))]


def test_accuracy_at_chance_needs_a_whole_epoch_of_batches():
    monitor = _monitor()
    for step in range(1, 60):
        monitor.observe(_batch(step, 1.0986 - step * 1e-6))
    (alarm,) = monitor.observe(EpochProgress(epoch=0, epochs=1, logs={"loss": 1.09, "accuracy": 0.34}))
    assert alarm.code == "accuracy_at_chance" and alarm.evidence["chance"] == pytest.approx(1 / 3)
    assert alarm.cause == "unknown"  # not falling, no dead units, no jump: the monitor does not guess
    assert monitor.observe(EpochProgress(epoch=1, epochs=2, logs={"accuracy": 0.30})) == []


def test_the_codes_and_causes_are_stable():
    assert ALARM_CODES == ("loss_not_finite", "loss_stuck_high", "loss_rising", "gradients_exploding",
                           "gradients_zero", "accuracy_at_chance")
    assert CAUSES == ("output_layer", "learning_rate", "learning_rate_low", "dead_units", "unknown")
