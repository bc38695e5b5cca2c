"""Each optimizer follows Keras 3's update rule, defaults and clipping, checked against the formulas written out."""

from __future__ import annotations

import math

import numpy as np
import pytest

import sandbox as sb

opt_mod = sb.optimizers
CURVATURE = np.array([0.5, 2.0, -1.0, 3.0, 0.1, 4.0], np.float64)


def run(optimizer, steps: int = 6, w0=None, segments=None):
    """Minimise Σ ½·a·w² (gradient a·w) and return the trajectory of w."""
    w = np.array(w0 if w0 is not None else [1.0, -2.0, 0.5, 3.0, -1.5, 0.25], np.float64)
    path = []
    for _ in range(steps):
        optimizer.apply(w, CURVATURE * w, segments)
        path.append(w.copy())
    return np.array(path)


def reference(update, steps: int = 6, w0=None, **state):
    w = np.array(w0 if w0 is not None else [1.0, -2.0, 0.5, 3.0, -1.5, 0.25], np.float64)
    path = []
    for t in range(steps):
        w = update(w, CURVATURE * w, t, state)
        path.append(w.copy())
    return np.array(path)


def test_keras_defaults():
    assert opt_mod.SGD().learning_rate == 0.01 and opt_mod.SGD().momentum == 0.0
    adam = opt_mod.Adam()
    assert (adam.learning_rate, adam.beta_1, adam.beta_2, adam.epsilon) == (0.001, 0.9, 0.999, 1e-7)
    assert (opt_mod.RMSprop().rho, opt_mod.RMSprop().epsilon) == (0.9, 1e-7)
    assert opt_mod.AdamW().weight_decay == 0.004
    assert (opt_mod.Adagrad().initial_accumulator_value, opt_mod.Adagrad().epsilon) == (0.1, 1e-7)


def test_sgd_plain_momentum_and_nesterov():
    np.testing.assert_allclose(run(opt_mod.SGD(0.1)), reference(lambda w, g, t, s: w - 0.1 * g))

    def momentum(nesterov):
        def step(w, g, t, s):
            s["m"] = s.get("m", 0) * 0.9 - 0.1 * g
            return w + (s["m"] * 0.9 - 0.1 * g if nesterov else s["m"])
        return step

    np.testing.assert_allclose(run(opt_mod.SGD(0.1, momentum=0.9)), reference(momentum(False)))
    np.testing.assert_allclose(run(opt_mod.SGD(0.1, momentum=0.9, nesterov=True)), reference(momentum(True)))


@pytest.mark.parametrize("centered", [False, True])
@pytest.mark.parametrize("momentum", [0.0, 0.5])
def test_rmsprop_puts_epsilon_inside_the_square_root(centered, momentum):
    def step(w, g, t, s):
        s["v"] = 0.9 * s.get("v", 0) + 0.1 * g * g
        denom = s["v"] + 1e-7
        if centered:
            s["a"] = 0.9 * s.get("a", 0) + 0.1 * g
            denom = s["v"] - s["a"] ** 2 + 1e-7
        inc = 0.01 * g / np.sqrt(denom)
        if momentum:
            s["m"] = momentum * s.get("m", 0) + inc
            return w - s["m"]
        return w - inc

    got = run(opt_mod.RMSprop(0.01, momentum=momentum, centered=centered))
    np.testing.assert_allclose(got, reference(step), rtol=1e-12)


def adam_step(lr=0.01, b1=0.9, b2=0.999, eps=1e-7, wd=None):
    def step(w, g, t, s):
        if wd:
            w = w - w * wd * lr
        s["m"] = s.get("m", 0) + (g - s.get("m", 0)) * (1 - b1)
        s["v"] = s.get("v", 0) + (g * g - s.get("v", 0)) * (1 - b2)
        alpha = lr * math.sqrt(1 - b2 ** (t + 1)) / (1 - b1 ** (t + 1))
        return w - s["m"] * alpha / (np.sqrt(s["v"]) + eps)
    return step


def test_adam_folds_bias_correction_into_the_step_size():
    np.testing.assert_allclose(run(opt_mod.Adam(0.01)), reference(adam_step()), rtol=1e-12)


def test_adamw_decays_weights_before_the_adam_step():
    np.testing.assert_allclose(run(opt_mod.AdamW(0.01, weight_decay=0.1)), reference(adam_step(wd=0.1)), rtol=1e-12)


def test_adagrad_starts_its_accumulator_at_0_1():
    def step(w, g, t, s):
        s["a"] = s.get("a", 0.1) + g * g
        return w - 0.1 * g / np.sqrt(s["a"] + 1e-7)

    np.testing.assert_allclose(run(opt_mod.Adagrad(0.1)), reference(step), rtol=1e-12)


def test_clipnorm_clips_each_weight_on_its_own_and_global_clipnorm_all_together():
    segments = [(0, 2), (2, 6)]
    w0 = [3.0, 4.0, 0.1, 0.1, 0.1, 0.1]
    g = CURVATURE * np.array(w0)
    clipped = run(opt_mod.SGD(1.0, clipnorm=1.0), steps=1, w0=w0, segments=segments)[0]
    expected = np.array(w0) - np.concatenate([g[:2] / np.linalg.norm(g[:2]), g[2:]])
    np.testing.assert_allclose(clipped, expected)
    globally = run(opt_mod.SGD(1.0, global_clipnorm=1.0), steps=1, w0=w0)[0]
    np.testing.assert_allclose(globally, np.array(w0) - g / np.linalg.norm(g))
    by_value = run(opt_mod.SGD(1.0, clipvalue=0.5), steps=1, w0=w0)[0]
    np.testing.assert_allclose(by_value, np.array(w0) - np.clip(g, -0.5, 0.5))


def test_schedules_follow_keras_formulas():
    exp = opt_mod.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    assert exp(0) == pytest.approx(0.1) and exp(10) == pytest.approx(0.05) and exp(5) == pytest.approx(0.1 * 0.5**0.5)
    stairs = opt_mod.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)
    assert stairs(9) == pytest.approx(0.1) and stairs(10) == pytest.approx(0.05)
    cos = opt_mod.CosineDecay(0.2, decay_steps=100, alpha=0.1)
    assert cos(0) == pytest.approx(0.2) and cos(50) == pytest.approx(0.2 * (0.9 * 0.5 + 0.1))
    assert cos(500) == pytest.approx(0.02)
    warm = opt_mod.CosineDecay(0.0, decay_steps=100, warmup_target=0.1, warmup_steps=10)
    assert warm(5) == pytest.approx(0.05) and warm(10) == pytest.approx(0.1)
    assert warm(110) == pytest.approx(0.0)


def test_a_schedule_drives_the_learning_rate_step_by_step():
    opt = opt_mod.SGD(opt_mod.ExponentialDecay(1.0, decay_steps=1, decay_rate=0.5))
    got = run(opt, steps=3, w0=[1.0] * 6)
    expected = reference(lambda w, g, t, s: w - 0.5**t * g, steps=3, w0=[1.0] * 6)
    np.testing.assert_allclose(got, expected)
    assert opt.learning_rate == pytest.approx(0.125)
    round_trip = opt_mod.get({"class_name": "SGD", "config": opt.get_config()})
    assert isinstance(round_trip.schedule, opt_mod.ExponentialDecay)


def test_changing_the_learning_rate_takes_effect_at_the_next_step():
    opt = opt_mod.SGD(0.1)
    w = np.ones(6)
    opt.apply(w, CURVATURE * w)
    after_one = w.copy()
    opt.learning_rate = 0.0001
    opt.apply(w, CURVATURE * w)
    np.testing.assert_allclose(w, after_one - 0.0001 * CURVATURE * after_one)


def test_state_survives_a_save_and_restore():
    a, b = opt_mod.Adam(0.01), opt_mod.Adam(0.01)
    run(a, steps=3)
    b.build(6, np.float64)
    b.set_state(a.get_state())
    w = np.arange(6, dtype=np.float64)
    w2 = w.copy()
    a.apply(w, CURVATURE * w)
    b.apply(w2, CURVATURE * w2)
    np.testing.assert_array_equal(w, w2)
    assert b.iterations == 4


@pytest.mark.parametrize("name", opt_mod.names())
def test_every_optimizer_minimises_a_bowl(name):
    # Adagrad's steps shrink as its accumulator grows, so it needs a bolder start.
    opt = opt_mod.get({"class_name": name, "config": {"learning_rate": 0.5 if name == "Adagrad" else 0.05}})
    w = np.array([2.0, -3.0, 1.0])
    for _ in range(300):
        opt.apply(w, 2 * w)
    assert np.abs(w).max() < 0.5, (name, w)
