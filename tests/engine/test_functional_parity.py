"""Functional graphs compute what Keras 3 computes: same graph, weights and data give the same numbers.

Each graph is written once as a function of a library namespace ``L`` (``keras`` or ``sandbox``, which both
have ``L.Input``, ``L.Model`` and ``L.layers``), as the book writes it. Keras's initial weights are copied
into the sandbox (so ``get_weights`` must list them in the same order), then predictions, a few
``train_on_batch`` steps (loss, per-output losses and metrics), the weights after them (which carry the
gradients), ``evaluate`` and ``predict`` are compared to the parity helpers' tolerances (1e-5 relative,
1e-6 absolute). Needs ``keras`` with the torch backend; skipped where Keras is not installed.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np
import pytest
from parity_helpers import LOG, assert_close, compare_logs

import sandbox as sb

keras = pytest.importorskip("keras")

pytestmark = [pytest.mark.parity,
              pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")]

N = 16


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    LOG.dump()


def book_convnet(L):
    """Chapter 8's MNIST convnet, functional."""
    inputs = L.Input(shape=(28, 28, 1))
    x = L.layers.Conv2D(filters=32, kernel_size=3, activation="relu")(inputs)
    x = L.layers.MaxPooling2D(pool_size=2)(x)
    x = L.layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
    x = L.layers.MaxPooling2D(pool_size=2)(x)
    x = L.layers.Conv2D(filters=128, kernel_size=3, activation="relu")(x)
    x = L.layers.Flatten()(x)
    outputs = L.layers.Dense(10, activation="softmax")(x)
    return L.Model(inputs=inputs, outputs=outputs)


def two_branches(L):
    """A residual-style image graph: two convolution branches added, then joined with a pooled shortcut."""
    inputs = L.Input(shape=(8, 8, 2))
    a = L.layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    b = L.layers.Conv2D(4, 1, activation="tanh")(inputs)
    s = L.layers.Add()([a, b])
    p = L.layers.AveragePooling2D(2)(s)
    q = L.layers.MaxPooling2D(2)(inputs)
    c = L.layers.Concatenate()([p, q])
    x = L.layers.Flatten()(c)
    x = L.layers.Dense(6, activation="relu")(x)
    outputs = L.layers.Dense(3)(x)
    return L.Model(inputs, outputs)


def two_inputs(L):
    """Chapter 7's ticket model in small: three inputs joined, two outputs with their own losses."""
    title = L.Input(shape=(12,), name="title")
    body = L.Input(shape=(10,), name="text_body")
    tags = L.Input(shape=(5,), name="tags")
    features = L.layers.Concatenate()([title, body, tags])
    features = L.layers.Dense(8, activation="relu")(features)
    priority = L.layers.Dense(1, activation="sigmoid", name="priority")(features)
    department = L.layers.Dense(4, activation="softmax", name="department")(features)
    return L.Model(inputs=[title, body, tags], outputs=[priority, department])


def pair(build):
    keras.utils.set_random_seed(0)
    k = build(keras)
    s = build(sb)
    # Keras numbers auto-names across the session (dense_7), so the layer order is compared by type.
    assert [type(layer).__name__ for layer in s.layers] == [type(layer).__name__ for layer in k.layers]
    w = [np.asarray(a, np.float32) for a in k.get_weights()]
    assert [a.shape for a in w] == [a.shape for a in s.get_weights()]
    s.set_weights(w)
    return k, s


def compare_outputs(area, what, s_out, k_out):
    if isinstance(k_out, list):
        assert isinstance(s_out, list) and len(s_out) == len(k_out)
        for i, (a, b) in enumerate(zip(s_out, k_out, strict=True)):
            assert_close(area, f"{what} output {i}", a, b)
    else:
        assert_close(area, what, s_out, k_out)


def run(area, build, x, y, compile_kwargs, steps=3):
    k, s = pair(build)
    compare_outputs(area, "predict before training", s.predict(x), k.predict(x, verbose=0))
    for model in (k, s):
        model.compile(**compile_kwargs(keras if model is k else sb))
    for step in range(steps):
        k_logs = k.train_on_batch(x, y, return_dict=True)
        s_logs = s.train_on_batch(x, y, return_dict=True)
        compare_logs(area, f"train_on_batch step {step}", s_logs, k_logs)
    for i, (a, b) in enumerate(zip(s.get_weights(), k.get_weights(), strict=True)):
        assert_close(area, f"weight {i} after training", a, np.asarray(b))
    compare_logs(area, "evaluate", s.evaluate(x, y, verbose=0, return_dict=True),
                 k.evaluate(x, y, verbose=0, return_dict=True))
    compare_outputs(area, "predict after training", s.predict(x), k.predict(x, verbose=0))
    return k, s


def test_the_books_mnist_convnet_written_functionally():
    rng = np.random.default_rng(0)
    x = rng.random((N, 28, 28, 1)).astype(np.float32)
    y = rng.integers(0, 10, N)
    run("functional_convnet", book_convnet, x, y,
        lambda L: {"optimizer": L.optimizers.RMSprop(1e-3), "loss": "sparse_categorical_crossentropy",
                   "metrics": ["accuracy"]})


def test_a_graph_with_add_and_concatenate():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(N, 8, 8, 2)).astype(np.float32)
    y = rng.integers(0, 3, N)
    run("functional_add_concatenate", two_branches, x, y,
        lambda L: {"optimizer": L.optimizers.SGD(0.05, momentum=0.9),
                   "loss": L.losses.SparseCategoricalCrossentropy(from_logits=True), "metrics": ["accuracy"]})


def test_the_gradient_of_one_sgd_step_through_add_and_concatenate():
    # With plain SGD at learning rate 1, one step moves each weight by minus its gradient.
    rng = np.random.default_rng(2)
    x = rng.normal(size=(N, 8, 8, 2)).astype(np.float32)
    y = rng.integers(0, 3, N)
    k, s = pair(two_branches)
    before = [w.copy() for w in s.get_weights()]
    for lib, model in ((keras, k), (sb, s)):
        model.compile(optimizer=lib.optimizers.SGD(1.0),
                      loss=lib.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.train_on_batch(x, y)
    for i, (w0, a, b) in enumerate(zip(before, s.get_weights(), k.get_weights(), strict=True)):
        assert_close("functional_gradients", f"gradient {i}", w0 - a, w0 - np.asarray(b))


def test_three_inputs_two_outputs_with_a_loss_and_metrics_per_output():
    rng = np.random.default_rng(3)
    x = [rng.integers(0, 2, (N, 12)).astype(np.float32), rng.integers(0, 2, (N, 10)).astype(np.float32),
         rng.integers(0, 2, (N, 5)).astype(np.float32)]
    y = [rng.random((N, 1)).astype(np.float32), np.eye(4, dtype=np.float32)[rng.integers(0, 4, N)]]
    run("functional_multi_io", two_inputs, x, y,
        lambda L: {"optimizer": L.optimizers.RMSprop(1e-2),
                   "loss": ["mean_squared_error", "categorical_crossentropy"],
                   "metrics": [["mean_absolute_error"], ["accuracy"]]})


def test_dicts_by_name_and_one_loss_for_every_output():
    rng = np.random.default_rng(4)
    names = ("title", "text_body", "tags")
    x = {n: rng.integers(0, 2, (N, d)).astype(np.float32) for n, d in zip(names, (12, 10, 5), strict=True)}
    y = {"priority": rng.random((N, 1)).astype(np.float32), "department": rng.random((N, 4)).astype(np.float32)}
    run("functional_dicts", two_inputs, x, y, lambda L: {"optimizer": L.optimizers.Adam(1e-2), "loss": "mse"})


def test_the_keras_export_of_a_graph_rebuilds_it_with_its_weights(tmp_path):
    import runpy

    from sandbox.export_graph import export_keras_graph

    rng = np.random.default_rng(5)
    model = two_inputs(sb)
    model.compile(optimizer=sb.optimizers.Adam(1e-2), loss=["mse", "categorical_crossentropy"],
                  metrics=[["mae"], ["accuracy"]])
    x = [rng.random((N, 12)), rng.random((N, 10)), rng.random((N, 5))]
    y = [rng.random((N, 1)), np.eye(4)[rng.integers(0, 4, N)]]
    model.fit(x, y, epochs=2, batch_size=4, verbose=0)
    exported = runpy.run_path(str(export_keras_graph(tmp_path, model)))["model"]
    assert [layer.name for layer in exported.layers] == [layer.name for layer in model.layers]
    compare_outputs("functional_export", "predict", model.predict(x), exported.predict(x, verbose=0))
    compare_logs("functional_export", "evaluate", model.evaluate(x, y, verbose=0, return_dict=True),
                 exported.evaluate(x, y, verbose=0, return_dict=True))
