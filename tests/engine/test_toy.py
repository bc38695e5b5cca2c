"""Playground's 2-D sets and the chapter-1 rule look and behave like in the lessons."""

from __future__ import annotations

import numpy as np
import pytest

from sandbox.datasets import toy
from sandbox.errors import LayerArgumentError, UnknownNameError


@pytest.mark.parametrize("name", toy.CLASSIFICATION)
def test_classification_sets_give_float32_points_and_0_1_labels(name):
    x, y = toy.make(name, n_samples=300)
    assert x.shape == (300, 2) and x.dtype == np.float32
    assert y.shape == (300,) and y.dtype == np.int64
    assert set(np.unique(y).tolist()) == {0, 1}
    assert np.all(np.abs(x) < 6)


@pytest.mark.parametrize("name", toy.REGRESSION)
def test_regression_sets_give_float32_targets_in_a_column(name):
    x, y = toy.make(name, n_samples=300)
    assert x.shape == (300, 2) and x.dtype == np.float32
    assert y.shape == (300, 1) and y.dtype == np.float32
    assert np.all(np.abs(x) <= 6) and np.all(np.abs(y) <= 1.2 + 1e-6)


def test_the_registry_lists_every_set_once():
    assert sorted(toy.DATASETS) == sorted(toy.CLASSIFICATION + toy.REGRESSION)


@pytest.mark.parametrize("name", ["circle", "gaussian", "spiral"])
def test_two_class_sets_are_exactly_balanced_even_for_odd_counts(name):
    assert np.bincount(toy.make(name)[1]).tolist() == [250, 250]
    x, y = toy.make(name, n_samples=101)
    assert len(x) == len(y) == 101
    assert np.bincount(y).tolist() == [50, 51]


def test_xor_is_roughly_balanced():
    _, y = toy.make_xor(n_samples=1000)
    assert 0.4 < y.mean() < 0.6


@pytest.mark.parametrize("name", sorted(toy.DATASETS))
def test_the_same_seed_gives_the_same_points_and_another_seed_other_points(name):
    x1, y1 = toy.make(name, seed=3, noise=10)
    x2, y2 = toy.make(name, seed=3, noise=10)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    x3, _ = toy.make(name, seed=4, noise=10)
    assert not np.array_equal(x1, x3)


@pytest.mark.parametrize("name", sorted(toy.DATASETS))
def test_noise_changes_the_points_or_their_labels(name):
    x_clean, y_clean = toy.make(name, noise=0)
    x_noisy, y_noisy = toy.make(name, noise=40)
    assert not (np.array_equal(x_clean, x_noisy) and np.array_equal(y_clean, y_noisy))


def test_points_come_shuffled_not_sorted_by_class():
    _, y = toy.make_spiral()
    assert 0 < y[:50].mean() < 1


def test_circle_puts_class_1_inside_radius_2_5_and_noise_blurs_the_border():
    x, y = toy.make_circle(n_samples=1000)
    radius = np.hypot(x[:, 0], x[:, 1])
    assert np.all(radius[y == 1] < 2.5) and np.all((radius[y == 0] >= 3.5) & (radius[y == 0] <= 5))
    x, y = toy.make_circle(n_samples=1000, noise=50)
    radius = np.hypot(x[:, 0], x[:, 1])
    assert np.mean(y != (radius < 2.5)) > 0.05


def test_xor_labels_follow_the_sign_of_x1_times_x2_and_leave_a_gap_at_the_axes():
    x, y = toy.make_xor()
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(np.int64))
    assert np.all(np.abs(x) >= 0.3)


def test_gaussian_clouds_sit_at_plus_and_minus_2_and_spread_with_noise():
    x, y = toy.make_gaussian(n_samples=2000)
    np.testing.assert_allclose(x[y == 1].mean(axis=0), [2, 2], atol=0.1)
    np.testing.assert_allclose(x[y == 0].mean(axis=0), [-2, -2], atol=0.1)
    np.testing.assert_allclose(x[y == 1].var(axis=0), [0.5, 0.5], rtol=0.15)
    x, y = toy.make_gaussian(n_samples=2000, noise=50)
    np.testing.assert_allclose(x[y == 1].var(axis=0), [4, 4], rtol=0.15)


def test_spiral_arms_are_point_mirrors_of_each_other_without_noise():
    x, y = toy.make_spiral()
    arm1 = x[y == 1][np.lexsort(x[y == 1].T)]
    arm0 = -x[y == 0][np.lexsort(-x[y == 0].T)]
    np.testing.assert_allclose(arm1, arm0, atol=1e-5)
    assert np.hypot(*x.T).max() < 5


def test_regression_targets_follow_playground_rules():
    x, y = toy.make_reg_plane()
    np.testing.assert_allclose(y[:, 0], (x[:, 0] + x[:, 1]) / 10, atol=1e-6)
    x, y = toy.make_reg_gauss(n_samples=4000)
    near = lambda cx, cy: np.hypot(x[:, 0] - cx, x[:, 1] - cy) < 0.2  # noqa: E731
    assert np.all(y[near(-4, 2.5)] > 0.85) and np.all(y[near(0, 2.5)] < -0.85)
    assert np.all(y[np.abs(x[:, 1]) > 4.6] == 0)


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(
        UnknownNameError, match="unknown toy dataset 'moons'; known: circle, gaussian"
    ) as info:
        toy.make("moons")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"noise": 60}, "noise must be between 0 and 50"),
        ({"n_samples": 0}, "n_samples must be a positive int"),
    ],
)
def test_bad_settings_are_refused(kwargs, message):
    with pytest.raises(LayerArgumentError, match=message):
        toy.make("circle", **kwargs)


def test_train_test_split_keeps_rows_paired_and_splits_them_all():
    x = np.arange(20, dtype=np.float32).reshape(10, 2)
    y = np.arange(10)
    (x_train, y_train), (x_test, y_test) = toy.train_test_split(x, y, test_ratio=0.3, seed=1)
    assert len(x_test) == len(y_test) == 3 and len(x_train) == len(y_train) == 7
    np.testing.assert_array_equal(x_train[:, 0], 2 * y_train)
    np.testing.assert_array_equal(x_test[:, 0], 2 * y_test)
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == list(range(10))
    assert x_train.dtype == np.float32
    (_, again), _ = toy.train_test_split(x, y, test_ratio=0.3, seed=1)
    np.testing.assert_array_equal(again, y_train)


def test_train_test_split_refuses_mismatched_rows_and_empty_parts():
    with pytest.raises(LayerArgumentError, match="same number of rows"):
        toy.train_test_split(np.zeros((4, 2)), np.zeros(5))
    with pytest.raises(LayerArgumentError, match="between 0 and 1"):
        toy.train_test_split(np.zeros((4, 2)), np.zeros(4), test_ratio=1.0)
    with pytest.raises(LayerArgumentError, match="empty part"):
        toy.train_test_split(np.zeros((2, 2)), np.zeros(2), test_ratio=0.1)


def test_feature_map_computes_playground_features_in_the_order_asked():
    x = np.array([[1.0, 2.0], [-0.5, 3.0]])
    out = toy.feature_map(x, ["x1*x2", "x1", "x2^2", "sin(x1)", "x1^2", "x2", "sin(x2)"])
    assert out.shape == (2, 7) and out.dtype == np.float32
    expected = [
        [2.0, 1.0, 4.0, np.sin(1.0), 1.0, 2.0, np.sin(2.0)],
        [-1.5, -0.5, 9.0, np.sin(-0.5), 0.25, 3.0, np.sin(3.0)],
    ]
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    assert toy.feature_map(x, ["x1"]).shape == (2, 1)


def test_feature_map_refuses_unknown_features_and_bad_shapes():
    with pytest.raises(UnknownNameError, match="unknown feature 'cos"):
        toy.feature_map(np.zeros((3, 2)), ["x1", "cos(x1)"])
    with pytest.raises(LayerArgumentError, match=r"shape \(n, 2\)"):
        toy.feature_map(np.zeros((3, 3)), ["x1"])
    with pytest.raises(LayerArgumentError, match="non-empty list"):
        toy.feature_map(np.zeros((3, 2)), "x1")


def test_the_chapter_1_rule_maps_1_2_3_to_10_12_14():
    x, y = toy.make_rule()
    assert x.dtype == y.dtype == np.float32 and x.shape == y.shape == (3, 1)
    assert x[:, 0].tolist() == [1, 2, 3] and y[:, 0].tolist() == [10, 12, 14]
    x, y = toy.make_rule(xs=[0, 5], w=-1, b=3)
    assert y[:, 0].tolist() == [3, -2]


def test_rule_noise_blurs_the_targets_reproducibly():
    _, y_clean = toy.make_rule(xs=range(50))
    _, y_noisy = toy.make_rule(xs=range(50), noise=0.5, seed=7)
    difference = y_noisy - y_clean
    assert 0.3 < difference.std() < 0.7
    np.testing.assert_array_equal(toy.make_rule(xs=range(50), noise=0.5, seed=7)[1], y_noisy)
    with pytest.raises(LayerArgumentError, match="non-empty"):
        toy.make_rule(xs=[])
