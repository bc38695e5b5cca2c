"""Softmax with cross-entropy takes a shortcut in training, and only where it changes nothing but rounding."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb

L = sb.layers


def _model(loss: str, seed: int = 2) -> sb.Sequential:
    model = sb.Sequential([L.Input((6,)), L.Dense(5, activation="tanh"), L.Dense(4, activation="softmax")], seed=seed)
    model.compile(optimizer="sgd", loss=loss)
    model.batch_threads = 1
    model.build()
    return model


def _gradients_both_ways(model: sb.Sequential, x: np.ndarray, y: np.ndarray) -> tuple:
    """(loss, flat gradient, fused?) of the training step, then (loss, flat gradient) the long way."""
    loss, _ = model.compute_gradients(x, y)
    fused = model.loss_and_gradient(y, model.forward(x, True))[2]
    step = model._flat_grad.copy()
    y_pred = model.forward(x, True)
    long_loss, dy = model.loss.forward_backward(y, y_pred)
    model.backward(dy)
    return loss, step, fused, long_loss, model._flat_grad.copy()


@pytest.mark.parametrize("loss, targets", [
    ("sparse_categorical_crossentropy", lambda y: y),
    ("categorical_crossentropy", lambda y: np.eye(4, dtype=np.float32)[y]),
])
def test_the_shortcut_gives_the_long_way_s_loss_and_gradient(loss, targets):
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((32, 6)).astype(np.float32), rng.integers(0, 4, 32)
    got, step, fused, want, long_grad = _gradients_both_ways(_model(loss), x, targets(y))
    assert fused
    assert got == pytest.approx(want, rel=1e-6)
    np.testing.assert_allclose(step, long_grad, rtol=1e-4, atol=1e-7)


def test_a_confidently_wrong_sample_still_teaches_nothing_as_in_keras():
    """Keras clips p to [1e-7, 1 − 1e-7] before the log: a clipped target's sample gives no gradient."""
    model = _model("sparse_categorical_crossentropy")
    model.layers[-1].params["kernel"][...] = 0
    model.layers[-1].params["bias"][...] = [40, 0, 0, 0]  # p(class 0) ≈ 1: every other class is clipped
    x = np.ones((2, 6), np.float32)
    y = np.array([3, 3])
    _, step, fused, _, long_grad = _gradients_both_ways(model, x, y)
    assert not fused
    np.testing.assert_array_equal(step, long_grad)
    assert not step.any()


def test_soft_targets_that_are_not_a_distribution_take_the_long_way():
    model = _model("categorical_crossentropy")
    x = np.ones((3, 6), np.float32)
    y = np.full((3, 4), 0.5, np.float32)  # rows sum to 2
    _, step, fused, _, long_grad = _gradients_both_ways(model, x, y)
    assert not fused
    np.testing.assert_array_equal(step, long_grad)


def test_a_model_that_does_not_end_in_softmax_takes_the_long_way():
    model = sb.Sequential([L.Input((6,)), L.Dense(4), L.Activation("softmax")], seed=1)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.build()
    x = np.ones((3, 6), np.float32)
    assert model.loss_and_gradient(np.zeros(3), model.forward(x, True))[2] is False


def test_split_steps_take_the_shortcut_too_and_agree_with_one_thread():
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((64, 6)).astype(np.float32), rng.integers(0, 4, 64)
    one, split = _model("sparse_categorical_crossentropy"), _model("sparse_categorical_crossentropy")
    split.batch_threads = 2
    loss_one, _ = one.compute_gradients(x, y)
    loss_split, _ = split.compute_gradients(x, y)
    assert split._last_split is not None
    assert loss_split == loss_one
    np.testing.assert_allclose(split._flat_grad, one._flat_grad, rtol=1e-5, atol=1e-8)
