"""The "Find the rule" lesson: a one-neuron model learns y = 2x + 8 from 1 → 10, 2 → 12, 3 → 14."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sandbox.errors import LayerArgumentError
from sandbox.lessons import (
    DEFAULT_LEARNING_RATES,
    MOMENTUM,
    OPTIMIZERS,
    STALL_WINDOW,
    RuleLearner,
    RuleProblem,
    format_rule,
)


@pytest.fixture
def chapter() -> RuleProblem:
    return RuleProblem.chapter_one()


def run_until_done(learner: RuleLearner, max_steps: int) -> RuleLearner:
    for _ in range(max_steps):
        learner.step()
        if learner.converged() or learner.diverged():
            break
    return learner


def test_the_learners_guess_x_plus_9_is_proved_wrong_by_2_to_12(chapter):
    rows = chapter.hypothesis_table(1.0, 9.0)
    assert [(r.x, r.y) for r in rows] == [(1, 10), (2, 12), (3, 14)]
    assert rows[0].error == 0.0  # 1 → 10 fits the guess …
    assert rows[1].prediction == 11.0 and rows[1].error == -1.0  # … but 2 → 12 does not
    assert chapter.loss(1.0, 9.0) == pytest.approx((0 + 1 + 4) / 3)
    assert chapter.loss(2.0, 8.0) == 0.0
    assert chapter.best_fit() == pytest.approx((2.0, 8.0))


@pytest.mark.parametrize("w, b", [(0.0, 0.0), (1.0, 9.0), (-3.5, 20.25), (2.0, 8.0)])
def test_gradients_equal_central_differences(w, b):
    problem = RuleProblem([1.0, 2.0, 3.0, -1.5], [10.0, 12.0, 14.0, 3.0])
    h = 1e-6
    numeric_w = (problem.loss(w + h, b) - problem.loss(w - h, b)) / (2 * h)
    numeric_b = (problem.loss(w, b + h) - problem.loss(w, b - h)) / (2 * h)
    grad_w, grad_b = problem.gradients(w, b)
    assert grad_w == pytest.approx(numeric_w, abs=1e-6)
    assert grad_b == pytest.approx(numeric_b, abs=1e-6)


def test_the_first_sgd_step_from_zero_has_the_numbers_of_the_lesson(chapter):
    record = RuleLearner(chapter, "SGD", 0.05).step()
    assert record.step == 1 and (record.w, record.b) == (0.0, 0.0)
    assert record.predictions.tolist() == [0.0, 0.0, 0.0]
    assert record.errors.tolist() == [-10.0, -12.0, -14.0]
    assert record.loss == pytest.approx((100 + 144 + 196) / 3)
    assert record.grad_w == pytest.approx(2 / 3 * (-10 - 24 - 42))  # −50.667
    assert record.grad_b == pytest.approx(2 / 3 * (-36))  # −24
    assert record.new_w == pytest.approx(0.05 * 50.666666)
    assert record.new_b == pytest.approx(1.2)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_the_recorded_update_is_what_the_optimizer_moved(chapter, name):
    learner = RuleLearner(chapter, name, DEFAULT_LEARNING_RATES[name], w0=0.5, b0=-1.0)
    previous = None
    for _ in range(30):
        record = learner.step()
        assert record.update_w == pytest.approx(record.new_w - record.w, rel=1e-12, abs=1e-15)
        assert record.update_b == pytest.approx(record.new_b - record.b, rel=1e-12, abs=1e-15)
        assert (record.new_w, record.new_b) == (learner.w, learner.b)
        if name == "SGD":
            assert record.update_w == -record.learning_rate * record.grad_w  # exactly
            assert record.update_b == -record.learning_rate * record.grad_b
            assert record.sgd_update == (record.update_w, record.update_b)
        if name == "Momentum":  # Keras momentum: Δ = 0.9·Δ_previous − lr·g
            assert record.update_w == pytest.approx(MOMENTUM * record.previous_update_w
                                                    - record.learning_rate * record.grad_w, rel=1e-12)
        if previous is not None:
            assert (record.previous_update_w, record.previous_update_b) == (previous.update_w, previous.update_b)
            assert (record.w, record.b) == (previous.new_w, previous.new_b)
        previous = record
    assert learner.path().shape == (31, 2)
    assert learner.path()[0].tolist() == [0.5, -1.0]


def test_adaptive_optimizers_do_not_move_like_plain_sgd(chapter):
    for name in ("RMSprop", "Adam"):
        record = RuleLearner(chapter, name, 0.01).step()
        # The first step is a few lr in each direction whatever the gradient's size (RMSprop: lr/√0.1)
        assert 0.01 * 0.99 < abs(record.update_w) < 0.01 * 3.2
        assert abs(record.update_w) < abs(record.sgd_update[0]) / 10


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_each_optimizer_finds_y_equals_2x_plus_8_at_its_default_rate(chapter, name):
    learner = run_until_done(RuleLearner(chapter, name, DEFAULT_LEARNING_RATES[name]), max_steps=1500)
    assert learner.converged() and not learner.diverged()
    assert abs(learner.w - 2.0) < 0.01 and abs(learner.b - 8.0) < 0.01
    assert learner.rule_text() == "y = 2.00x + 8.00"
    assert learner.loss() < 1e-3


@pytest.mark.parametrize("name, lr", [("SGD", 0.5), ("Momentum", 0.5), ("SGD", 0.25)])
def test_a_too_large_learning_rate_diverges(chapter, name, lr):
    learner = RuleLearner(chapter, name, lr)
    for _ in range(50):
        learner.step()
        if learner.diverged():
            break
    assert learner.diverged() and not learner.converged()


def test_divergence_counts_infinity_and_nan_not_only_big_losses(chapter):
    learner = RuleLearner(chapter, "SGD", 5.0)
    for _ in range(400):  # far past the point of divergence: the numbers overflow to inf, then NaN
        learner.step()
    assert not math.isfinite(learner.loss())
    assert learner.diverged()
    assert learner.rule_text() == "y = ?"


def test_rule_text_uses_two_decimals_and_real_minus_signs():
    assert format_rule(2.0, 8.0) == "y = 2.00x + 8.00"
    assert format_rule(1.996, 8.004) == "y = 2.00x + 8.00"
    assert format_rule(-0.5, -3.25) == "y = −0.50x − 3.25"
    assert format_rule(-0.001, -0.001) == "y = 0.00x + 0.00"
    assert format_rule(1.23456, 0.5, decimals=3) == "y = 1.235x + 0.500"


def test_adding_a_point_that_follows_the_rule_keeps_the_rule():
    problem = RuleProblem([1, 2, 3, 4], [10, 12, 14, 16])
    learner = run_until_done(RuleLearner(problem, "Momentum", DEFAULT_LEARNING_RATES["Momentum"]), 2000)
    assert learner.rule_text() == "y = 2.00x + 8.00"


def test_noisy_points_converge_to_the_least_squares_line():
    problem = RuleProblem([1, 2, 3], [10, 13, 14])
    w_best, b_best = problem.best_fit()
    np.testing.assert_allclose(np.polyfit([1, 2, 3], [10, 13, 14], 1), [w_best, b_best])
    learner = run_until_done(RuleLearner(problem, "SGD", 0.1), 2000)
    assert learner.converged() and learner.loss() == pytest.approx(problem.loss(w_best, b_best), abs=1e-4)


def test_with_all_inputs_equal_any_line_through_the_mean_counts_as_converged():
    problem = RuleProblem([2, 2], [11, 13])
    assert not problem.unique
    learner = run_until_done(RuleLearner(problem, "Adam", 0.5), 3000)
    assert learner.converged()
    assert learner.w * 2 + learner.b == pytest.approx(12.0, abs=0.005)


def test_the_loss_surface_matches_the_loss_and_shows_start_and_minimum(chapter):
    (w_lo, w_hi), (b_lo, b_hi) = chapter.default_ranges()
    assert w_lo < 0 < 2 < w_hi and b_lo < 0 < 8 < b_hi
    assert min(-w_lo, w_hi - 2, -b_lo, b_hi - 8) >= 1.0  # margin around both points
    grid = chapter.loss_surface((w_lo, w_hi), (b_lo, b_hi), n=50)
    assert grid.shape == (50, 50) and grid.dtype == np.float64
    i, j = 7, 31
    w = w_lo + (i + 0.5) * (w_hi - w_lo) / 50
    b = b_lo + (j + 0.5) * (b_hi - b_lo) / 50
    assert grid[i, j] == pytest.approx(chapter.loss(w, b))
    lowest = np.unravel_index(np.argmin(grid), grid.shape)
    cell = (w_hi - w_lo) / 50
    assert abs(w_lo + (lowest[0] + 0.5) * cell - 2.0) <= cell and abs(b_lo + (lowest[1] + 0.5) * cell - 8.0) <= cell
    np.testing.assert_array_equal(chapter.loss_surface(n=50), grid)  # the default ranges are these


def test_bad_inputs_are_refused_with_the_value_quoted(chapter):
    with pytest.raises(LayerArgumentError, match="equal length"):
        RuleProblem([1, 2], [3])
    with pytest.raises(LayerArgumentError, match="non-empty"):
        RuleProblem([], [])
    with pytest.raises(LayerArgumentError, match="finite"):
        RuleProblem([1, float("nan")], [1, 2])
    with pytest.raises(LayerArgumentError, match="Nesterov"):
        RuleLearner(chapter, "Nesterov", 0.1)
    with pytest.raises(LayerArgumentError, match="learning_rate"):
        RuleLearner(chapter, "SGD", 0.0)


def test_rmsprop_at_a_rate_too_big_to_settle_is_found_stuck_bouncing_around_the_rule(chapter):
    learner = RuleLearner(chapter, "RMSprop", 0.1)
    for _ in range(2 * STALL_WINDOW - 1):
        learner.step()
    assert not learner.stalled()  # not judged before two windows of steps
    learner.step()
    assert learner.stalled() and not learner.converged() and not learner.diverged()
    assert abs(learner.w - 2.0) < 0.1 and abs(learner.b - 8.0) < 0.1  # close, but it never settles


@pytest.mark.parametrize("name, lr", [("SGD", 0.0001), ("Adam", 0.001), ("Momentum", 0.0001)])
def test_slow_learners_are_slow_not_stuck(chapter, name, lr):
    learner = RuleLearner(chapter, name, lr)
    for _ in range(1500):
        learner.step()
        assert not learner.stalled()
