"""Back-propagation computes the true slope: float64 central differences for every layer, activation and loss.

The lists below are checked against the registries, so a new layer, activation or loss without a
gradient check makes this file fail.
"""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox import gradcheck
from sandbox.layers.base import REGISTRY as LAYER_REGISTRY

TOLERANCE = 1e-6

# (factory, per-sample input shape) — several per layer type, covering strides, padding and odd sizes.
LAYER_CASES: dict[str, list[tuple]] = {
    "Dense": [
        (lambda: sb.layers.Dense(4), (5,)),
        (lambda: sb.layers.Dense(3, activation="tanh", use_bias=False), (6,)),
        (lambda: sb.layers.Dense(4, activation="softmax", kernel_regularizer="l1_l2", bias_regularizer="l2"), (5,)),
    ],
    "Conv2D": [
        (lambda: sb.layers.Conv2D(3, 3, padding="same", activation="relu"), (5, 6, 2)),
        (lambda: sb.layers.Conv2D(2, 3, strides=2), (7, 7, 2)),
        (lambda: sb.layers.Conv2D(3, (3, 2), strides=2, padding="same", activation="elu"), (7, 6, 1)),
        (lambda: sb.layers.Conv2D(2, 1, kernel_regularizer="l2"), (4, 4, 3)),
        (lambda: sb.layers.Conv2D(2, 5, padding="same", activation="gelu"), (5, 5, 1)),
    ],
    "MaxPooling2D": [
        (lambda: sb.layers.MaxPooling2D(), (4, 6, 2)),
        (lambda: sb.layers.MaxPooling2D(), (5, 5, 1)),
        (lambda: sb.layers.MaxPooling2D(3, strides=2, padding="same"), (5, 5, 2)),
        (lambda: sb.layers.MaxPooling2D(2, strides=1), (4, 4, 1)),
    ],
    "AveragePooling2D": [
        (lambda: sb.layers.AveragePooling2D(), (5, 4, 2)),
        (lambda: sb.layers.AveragePooling2D(3, strides=2, padding="same"), (5, 5, 1)),
    ],
    "Flatten": [(lambda: sb.layers.Flatten(), (3, 3, 2))],
    "GlobalAveragePooling2D": [(lambda: sb.layers.GlobalAveragePooling2D(), (3, 4, 2)),
                               (lambda: sb.layers.GlobalAveragePooling2D(keepdims=True), (2, 5, 3))],
    "Rescaling": [(lambda: sb.layers.Rescaling(1 / 255), (5,)),
                  (lambda: sb.layers.Rescaling(2.0, offset=-1), (2, 2, 1))],
    "Reshape": [(lambda: sb.layers.Reshape((9, -1)), (3, 3, 2))],
    "Dropout": [(lambda: sb.layers.Dropout(0.5), (6,))],
    "Activation": [(lambda name=name: sb.layers.Activation(name), (6,)) for name in sb.activations.names()],
}


def test_every_registered_layer_has_a_gradient_check():
    no_weights_or_trivial = {"InputLayer"}
    # Merge layers take a list of inputs, so they cannot sit in check_layer's one-input stack; test_functional.py
    # checks their gradients (and a whole graph's) against central differences.
    merge = {"Add", "Concatenate"}
    assert set(LAYER_REGISTRY.names()) - no_weights_or_trivial - merge == set(LAYER_CASES)


@pytest.mark.parametrize(
    ("factory", "shape"),
    [case for cases in LAYER_CASES.values() for case in cases],
    ids=[f"{name}-{i}" for name, cases in LAYER_CASES.items() for i in range(len(cases))],
)
def test_layer_gradients_match_central_differences(factory, shape):
    result = gradcheck.check_layer(factory(), shape)
    assert result.errors, "nothing was checked"
    assert result.max_error < TOLERANCE, result.errors


@pytest.mark.parametrize("name", sb.activations.names())
def test_activation_derivative_matches_central_differences(name, rng):
    x = rng.standard_normal((4, 7)) * 3
    assert gradcheck.check_activation(name, x) < TOLERANCE


def _loss_case(name: str, from_logits: bool, rng: np.random.Generator):
    logits = rng.standard_normal((5, 4))
    if name == "sparse_categorical_crossentropy":
        y_true = rng.integers(0, 4, 5)
    elif name == "categorical_crossentropy":
        y_true = np.eye(4)[rng.integers(0, 4, 5)]
    elif name == "binary_crossentropy":
        y_true = (rng.random((5, 4)) > 0.5).astype(float)
    else:
        y_true = rng.standard_normal((5, 4))
    if from_logits or name in ("mean_squared_error", "mean_absolute_error"):
        return y_true, logits
    act = "sigmoid" if name == "binary_crossentropy" else "softmax"
    return y_true, sb.activations.get(act)(logits)


LOSS_CASES = [(name, fl) for name in sb.losses.names() for fl in (False, True)
              if fl is False or "crossentropy" in name]


@pytest.mark.parametrize(("name", "from_logits"), LOSS_CASES)
def test_loss_gradient_matches_central_differences(name, from_logits, rng):
    y_true, y_pred = _loss_case(name, from_logits, rng)
    loss = sb.losses.get({"class_name": type(sb.losses.get(name)).__name__,
                          "config": {"from_logits": True}}) if from_logits else name
    assert gradcheck.check_loss(loss, y_true, y_pred) < TOLERANCE


def test_a_whole_cnn_back_propagates_correctly_through_every_layer(rng):
    model = sb.Sequential([
        sb.layers.Input((8, 8, 1)),
        sb.layers.Conv2D(3, 3, padding="same", activation="relu"),
        sb.layers.MaxPooling2D(),
        sb.layers.Conv2D(4, 3, activation="tanh", kernel_regularizer="l2"),
        sb.layers.Flatten(),
        sb.layers.Dropout(0.3),
        sb.layers.Dense(5, activation="softmax"),
    ], seed=3, dtype="float64")
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x = rng.standard_normal((4, 8, 8, 1))
    y = rng.integers(0, 5, 4)
    result = gradcheck.check_model(model, x, y)
    assert set(result.errors) >= {"conv2d/kernel", "conv2d_1/kernel", "dense/bias", "input"}
    assert result.max_error < TOLERANCE, result.errors


def test_a_digit_sized_cnn_back_propagates_correctly_across_gemm_pieces_and_blocks(rng):
    """Batch 16 at 28×28: big enough for the conv layers' blocked GEMMs, which small cases never reach."""
    model = sb.Sequential([
        sb.layers.Input((28, 28, 1)),
        sb.layers.Conv2D(8, 3, padding="same", activation="relu"),
        sb.layers.MaxPooling2D(),
        sb.layers.Conv2D(16, 3, padding="same", activation="relu"),
        sb.layers.AveragePooling2D(),
        sb.layers.Flatten(),
        sb.layers.Dense(10, activation="softmax"),
    ], seed=5, dtype="float64")
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x = rng.standard_normal((16, 28, 28, 1))
    y = rng.integers(0, 10, 16)
    result = gradcheck.check_model(model, x, y, samples=25)
    assert result.max_error < TOLERANCE, result.errors


def test_the_check_catches_a_wrong_gradient(monkeypatch):
    """The checker itself must be able to fail: break Dense's bias gradient and it notices."""
    original = sb.layers.Dense.backward

    def broken(self, dy):
        dx = original(self, dy)
        self.grads["bias"] *= 1.01
        return dx

    monkeypatch.setattr(sb.layers.Dense, "backward", broken)
    result = gradcheck.check_layer(sb.layers.Dense(3), (4,))
    assert result.errors["dense/bias"] > 1e-3


def test_softmax_crossentropy_stays_finite_for_huge_logits():
    logits = np.array([[1e4, -1e4, 0.0], [-1e30, 1e30, 0.0]], np.float32)
    labels = np.array([1, 0])
    for from_logits in (True, False):
        y_pred = logits if from_logits else sb.activations.get("softmax")(logits)
        loss = sb.losses.SparseCategoricalCrossentropy(from_logits=from_logits)
        value, grad = loss.forward_backward(labels, y_pred)
        assert np.isfinite(value) and value > 10
        assert np.all(np.isfinite(grad))
