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
    loss, step, fused, long_loss, long_grad = _gradients_both_ways(model, x, y)
    assert fused
    assert loss == pytest.approx(long_loss, rel=1e-6)
    np.testing.assert_array_equal(step, long_grad)
    assert not step.any()


@pytest.mark.parametrize("loss_name, targets", [
    ("sparse_categorical_crossentropy", lambda y: y),
    ("categorical_crossentropy", lambda y: np.eye(4, dtype=np.float32)[y]),
])
def test_a_batch_with_confident_samples_both_ways_keeps_the_long_way_s_gradient(loss_name, targets):
    """Rows clipped high (confidently right) and low (confidently wrong) pass nothing; the others (p − y)/n."""
    loss = sb.losses.get(loss_name)
    rng = np.random.default_rng(4)
    z = rng.standard_normal((6, 4)).astype(np.float32)
    z[0] = [30, 0, 0, 0]   # right and sure: p(0) clipped high
    z[1] = [30, 0, 0, 0]   # wrong and sure: p(2) clipped low
    y = np.array([0, 2, 1, 3, 0, 2])
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    got = loss.softmax_forward_backward(targets(y), p)
    long_loss, dy = loss.forward_backward(targets(y), p)
    long_grad = (p * (dy - (dy * p).sum(axis=-1, keepdims=True)))  # through the softmax's Jacobian
    assert got is not None
    assert got[0] == pytest.approx(long_loss, rel=1e-6)
    assert not got[1][:2].any() and not long_grad[:2].any()
    np.testing.assert_allclose(got[1], long_grad, rtol=1e-4, atol=1e-8)


def test_a_soft_target_with_a_clipped_entry_takes_the_long_way():
    loss = sb.losses.get("categorical_crossentropy")
    p = np.array([[1.0 - 2e-8, 1e-8, 1e-8]], np.float32)
    assert loss.softmax_forward_backward(np.array([[0.5, 0.5, 0.0]], np.float32), p) is None


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
