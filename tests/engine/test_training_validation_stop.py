"""Stop during the end-of-epoch validation pass: it takes effect between validation batches."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb


def _model() -> sb.Sequential:
    model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(8, activation="relu"),
                           sb.layers.Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4)).astype(np.float32)
    return x, (x[:, 0] > 0).astype(np.int64) + (x[:, 1] > 1).astype(np.int64)


def test_stop_during_validation_ends_the_epoch_without_val_logs_and_without_the_other_batches(monkeypatch):
    model, token = _model(), sb.StopToken()
    x, y = _data(64, 0)
    x_val, y_val = _data(1000, 1)  # 100 validation batches of 10
    calls = []
    forward = model.forward

    def counting(xb, training=False):
        if not training:
            calls.append(len(xb))
            if len(calls) == 3:  # the learner presses Stop while the third validation batch runs
                token.stop()
        return forward(xb, training)

    monkeypatch.setattr(model, "forward", counting)
    records = list(sb.iter_fit(model, x, y, batch_size=10, epochs=3, validation_data=(x_val, y_val),
                               stop=token, shuffle=False))
    epochs = [r for r in records if isinstance(r, sb.EpochProgress)]
    assert len(calls) == 3  # no validation batch started after the stop
    assert len(epochs) == 1 and epochs[0].stopped
    assert "val_loss" not in epochs[0].logs and "loss" in epochs[0].logs  # as a stop in the last batch gives
    assert sum(isinstance(r, sb.BatchProgress) for r in records) == 7  # the whole first epoch trained


def test_validation_with_a_token_never_set_gives_model_evaluates_numbers():
    x, y = _data(64, 0)
    x_val, y_val = _data(250, 1)
    model = _model()
    records = list(sb.iter_fit(model, x, y, batch_size=16, epochs=1, validation_data=(x_val, y_val),
                               stop=sb.StopToken(), shuffle=False))
    logs = records[-1].logs
    expected = model.evaluate(x_val, y_val, batch_size=16, verbose=0, return_dict=True)
    assert logs["val_loss"] == pytest.approx(expected["loss"], rel=0, abs=0)
    assert logs["val_accuracy"] == expected["accuracy"]


def test_a_stop_during_a_long_batch_ends_the_run_between_layers_without_touching_the_weights():
    model = sb.Sequential([sb.layers.Input((8,)), sb.layers.Dense(4, activation="relu"), sb.layers.Dense(2)], seed=0)
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((16, 8), np.float32)
    y = np.zeros((16, 2), np.float32)
    model.build()
    before = model.get_flat_weights()
    token = sb.StopToken()
    layer = model.layers[1]
    original = layer.forward

    def slow_forward(inputs, training=False):  # the learner presses Stop while the second layer computes
        token.stop()
        return original(inputs, training)

    layer.forward = slow_forward
    records = list(sb.iter_fit(model, x, y, batch_size=16, epochs=3, stop=token))
    assert [type(r).__name__ for r in records] == ["EpochProgress"]
    assert records[0].stopped and records[0].logs == {}
    assert (model.get_flat_weights() == before).all()
    assert model.interrupt is None
