"""Parity with real Keras for the names added for the book's cells: stateful metrics, GlobalAveragePooling2D,
Rescaling, to_categorical, and the order and logs of callback hooks in fit / evaluate / predict.

Run with ``KERAS_BACKEND=torch`` and keras + torch installed (skipped otherwise).
"""

from __future__ import annotations

import numpy as np
import pytest
from parity_helpers import LOG, assert_close, build_pair, compile_pair, train_and_compare

import sandbox as sb

keras = pytest.importorskip("keras")

pytestmark = [pytest.mark.parity,
              pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")]


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    LOG.dump()


def batches(seed=0):
    rng = np.random.default_rng(seed)
    probs = rng.dirichlet(np.ones(5), size=(2, 12)).astype("float32")
    labels = rng.integers(0, 5, (2, 12))
    return probs, labels


METRICS = {
    "SparseCategoricalAccuracy": (lambda L: L.metrics.SparseCategoricalAccuracy(), "sparse"),
    "CategoricalAccuracy": (lambda L: L.metrics.CategoricalAccuracy(), "onehot"),
    "TopKCategoricalAccuracy_k2": (lambda L: L.metrics.TopKCategoricalAccuracy(k=2), "onehot"),
    "SparseTopKCategoricalAccuracy_k3": (lambda L: L.metrics.SparseTopKCategoricalAccuracy(k=3), "sparse"),
    "BinaryAccuracy": (lambda L: L.metrics.BinaryAccuracy(), "binary"),
    "BinaryAccuracy_t07": (lambda L: L.metrics.BinaryAccuracy(threshold=0.7), "binary"),
    "MeanSquaredError": (lambda L: L.metrics.MeanSquaredError(), "onehot"),
    "MeanAbsoluteError": (lambda L: L.metrics.MeanAbsoluteError(), "onehot"),
    "RootMeanSquaredError": (lambda L: L.metrics.RootMeanSquaredError(), "onehot"),
}


@pytest.mark.parametrize("case", list(METRICS))
def test_stateful_metrics_match_keras_across_updates_and_resets(case):
    make, target = METRICS[case]
    probs, labels = batches()
    k, s = make(keras), make(sb)
    assert k.name == s.name
    for step in range(2):
        p, y = probs[step], labels[step]
        if target == "onehot":
            y = np.eye(5, dtype="float32")[y]
        elif target == "binary":
            p, y = p[:, :1] * 2, (labels[step][:, None] % 2).astype("float32")
        k.update_state(y, p)
        s.update_state(y, p)
        assert_close(case, f"result after update {step}", s.result(), float(k.result()))
    k.reset_state()
    s.reset_state()
    assert_close(case, "result after reset", s.result(), float(k.result()))


def test_mean_matches_keras_with_sample_weights():
    k, s = keras.metrics.Mean(), sb.metrics.Mean()
    for values, weights in (([1.0, 2.0, 4.0], [1.0, 0.5, 2.0]), ([3.0], None)):
        k.update_state(values, sample_weight=weights)
        s.update_state(values, sample_weight=weights)
    assert_close("Mean", "weighted mean", s.result(), float(k.result()))


def test_to_categorical_matches_keras():
    for labels, n in (([0, 2, 1], None), ([[1], [3]], 5), (np.array([[0, 1], [2, 0]]), 3)):
        assert np.array_equal(sb.utils.to_categorical(labels, n), keras.utils.to_categorical(labels, n))


@pytest.mark.parametrize("case", ["gap", "gap_keepdims", "rescaling"])
def test_new_layers_train_like_keras(case):
    def layers(L):
        if case == "rescaling":
            return [L.layers.Rescaling(1 / 255, offset=-0.5), L.layers.Conv2D(3, 3, activation="relu"),
                    L.layers.Flatten(), L.layers.Dense(4, activation="softmax")]
        tail = [L.layers.Flatten()] if case == "gap_keepdims" else []
        return [L.layers.Conv2D(4, 3, activation="relu"),
                L.layers.GlobalAveragePooling2D(keepdims=case == "gap_keepdims"), *tail,
                L.layers.Dense(4, activation="softmax")]

    rng = np.random.default_rng(1)
    x = rng.normal(size=(16, 6, 6, 1)).astype("float32")
    if case == "rescaling":
        x = rng.integers(0, 256, (16, 6, 6, 1)).astype("float32")
    y = rng.integers(0, 4, 16)
    pair = build_pair(keras, (6, 6, 1), layers)
    compile_pair(pair, lambda L: L.optimizers.Adam(0.01), "sparse_categorical_crossentropy", ["accuracy"])
    train_and_compare(case, pair, x, y)


class Recorder:
    """Mixed into each library's Callback: records every hook with its logs (batch logs' loss included)."""

    HOOKS = ("on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end", "on_train_batch_begin",
             "on_train_batch_end", "on_test_begin", "on_test_end", "on_test_batch_begin", "on_test_batch_end",
             "on_predict_begin", "on_predict_end", "on_predict_batch_begin", "on_predict_batch_end", "on_batch_end")


def recorder(lib):
    class Rec(lib.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.calls = []

    def make(name):
        def hook(self, *args, **kwargs):
            logs = args[-1] if args and isinstance(args[-1], dict) else kwargs.get("logs")
            self.calls.append((name, None if logs is None else {k: v for k, v in logs.items() if k != "outputs"}))
            if name == "on_train_batch_end":  # Keras's base class forwards to on_batch_end; so must ours
                getattr(lib.callbacks.Callback, name)(self, *args, **kwargs)
        return hook

    for name in Recorder.HOOKS:
        setattr(Rec, name, make(name))
    return Rec()


def test_callback_hooks_order_and_logs_match_keras():
    pair = build_pair(keras, (5,), lambda L: [L.layers.Dense(6, activation="relu"),
                                              L.layers.Dense(3, activation="softmax")])
    compile_pair(pair, lambda L: L.optimizers.Adam(0.02), "sparse_categorical_crossentropy", ["accuracy"])
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(40, 5)).astype("float32"), rng.integers(0, 3, 40)
    kr, sr = recorder(keras), recorder(sb)
    for model, rec in ((pair.k, kr), (pair.s, sr)):
        model.fit(x, y, batch_size=16, epochs=2, shuffle=False, validation_data=(x[:20], y[:20]), callbacks=[rec],
                  verbose=0)
        model.evaluate(x, y, batch_size=32, callbacks=[rec], verbose=0)
        model.predict(x, batch_size=32, callbacks=[rec], verbose=0)
    assert [n for n, _ in sr.calls] == [n for n, _ in kr.calls]
    for i, ((name, s_logs), (_, k_logs)) in enumerate(zip(sr.calls, kr.calls, strict=True)):
        if k_logs is None or s_logs is None:
            assert s_logs == k_logs or (s_logs == {} and k_logs is None), f"{name} #{i}: {s_logs} vs {k_logs}"
            continue
        assert sorted(s_logs) == sorted(k_logs), f"{name} #{i}: {sorted(s_logs)} vs {sorted(k_logs)}"
        for key in k_logs:
            assert_close("callback logs", f"{name} #{i} {key}", s_logs[key], k_logs[key])
