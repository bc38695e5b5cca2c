"""Small 2-D data sets of TensorFlow Playground, and the chapter-1 "find the rule" numbers.

The generators reproduce ``src/dataset.ts`` of https://github.com/tensorflow/playground: the same
shapes, ranges and noise model, drawn from a seeded NumPy generator instead of ``Math.random``, so
the points are not the browser's points but look and behave the same. Two things differ on purpose:

- Labels of the classification sets are 0/1 instead of Playground's -1/+1: Playground's +1 (orange
  in its pictures: inside the circle, the first and third quadrants of xor, the Gaussian at (2, 2),
  the spiral arm starting at angle 0) is 1 here, and -1 is 0, ready for ``sigmoid`` and
  ``binary_crossentropy``.
- Points come shuffled (Playground shuffles them right after generating), and an odd ``n_samples``
  gives exactly ``n_samples`` points (the first class gets the extra one) instead of one too many.

``noise`` is on Playground's slider scale, 0–50 percent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from sandbox.errors import LayerArgumentError, UnknownNameError

__all__ = [
    "CLASSIFICATION",
    "DATASETS",
    "FEATURES",
    "REGRESSION",
    "feature_map",
    "make",
    "make_circle",
    "make_gaussian",
    "make_reg_gauss",
    "make_reg_plane",
    "make_rule",
    "make_spiral",
    "make_xor",
    "train_test_split",
]

FEATURES: tuple[str, ...] = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
"""Names of Playground's input features, in its order, for :func:`feature_map`."""

_MAX_NOISE = 50.0


def make_circle(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Circle": a disc of class 1 inside a ring of class 0.

    Parameters
    ----------
    n_samples : int
        Number of points; half inside a disc of radius 2.5, half in a ring from 3.5 to 5.
    noise : float
        0–50 (percent). Each label is taken at a point moved by up to ``noise``% of ±5 per axis,
        so noise flips labels near the boundary while the points stay where they are.
    seed : int
        Seed of the random generator; the same seed gives the same points.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2), coordinates in [-5, 5].
    y : numpy.ndarray
        int64 (n_samples,), 1 for Playground's +1 (inside), 0 for -1.
    """
    rng, n, level = _start(n_samples, noise, seed)
    radius = 5.0
    n_in = n - n // 2
    r = np.concatenate([rng.uniform(0, radius * 0.5, n_in), rng.uniform(radius * 0.7, radius, n // 2)])
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)
    moved = x + rng.uniform(-radius, radius, (n, 2)) * level
    y = (np.hypot(moved[:, 0], moved[:, 1]) < radius * 0.5).astype(np.int64)
    return _shuffled(rng, x, y)


def make_xor(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Exclusive or": class 1 where x1 and x2 have the same sign.

    Parameters
    ----------
    n_samples : int
        Number of points, uniform in the square [-5.3, 5.3]² with a 0.3 gap along both axes.
    noise : float
        0–50 (percent). Each label is taken at a point moved by up to ``noise``% of ±5 per axis.
    seed : int
        Seed of the random generator.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2).
    y : numpy.ndarray
        int64 (n_samples,), 1 where ``x1 * x2 >= 0`` (Playground's +1), else 0; about half of each.
    """
    rng, n, level = _start(n_samples, noise, seed)
    x = rng.uniform(-5, 5, (n, 2))
    padding = 0.3
    # Pushing points away from the axes leaves a visible gap between the quadrants, as in Playground.
    x += np.where(x > 0, padding, -padding)
    moved = x + rng.uniform(-5, 5, (n, 2)) * level
    y = (moved[:, 0] * moved[:, 1] >= 0).astype(np.int64)
    return _shuffled(rng, x, y)


def make_gaussian(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Gaussian": two round clouds, class 1 around (2, 2) and class 0 around (-2, -2).

    Parameters
    ----------
    n_samples : int
        Number of points, half in each cloud.
    noise : float
        0–50 (percent); sets the variance of both clouds from 0.5 (no noise) to 4 (50), so the
        clouds overlap more. Labels always follow the cloud a point came from.
    seed : int
        Seed of the random generator.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2).
    y : numpy.ndarray
        int64 (n_samples,), 1 for the cloud at (2, 2) (Playground's +1), 0 for the other.
    """
    rng, n, level = _start(n_samples, noise, seed)
    variance = 0.5 + level / 0.5 * (4 - 0.5)
    n_pos = n - n // 2
    centre = np.where(np.arange(n)[:, None] < n_pos, 2.0, -2.0)
    x = rng.normal(centre, np.sqrt(variance), (n, 2))
    y = (np.arange(n) < n_pos).astype(np.int64)
    return _shuffled(rng, x, y)


def make_spiral(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Spiral": two interleaved arms, 1.75 turns each, out to radius 5.

    Parameters
    ----------
    n_samples : int
        Number of points, half on each arm.
    noise : float
        0–50 (percent); each coordinate is moved by up to ``noise / 100`` (uniform), which blurs
        the arms. Labels always follow the arm a point came from.
    seed : int
        Seed of the random generator.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2).
    y : numpy.ndarray
        int64 (n_samples,), 1 for the arm starting at angle 0 (Playground's +1), 0 for the arm
        turned by π.
    """
    rng, n, level = _start(n_samples, noise, seed)
    arms = []
    for count, delta in ((n - n // 2, 0.0), (n // 2, np.pi)):
        i = np.arange(count)
        r = i / max(count, 1) * 5
        t = 1.75 * i / max(count, 1) * 2 * np.pi + delta
        arms.append(np.stack([r * np.sin(t), r * np.cos(t)], axis=1))
    x = np.concatenate(arms) + rng.uniform(-1, 1, (n, 2)) * level
    y = (np.arange(n) < n - n // 2).astype(np.int64)
    return _shuffled(rng, x, y)


def make_reg_plane(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Plane" regression: the target rises linearly with ``x1 + x2``.

    Parameters
    ----------
    n_samples : int
        Number of points, uniform in the square [-6, 6]².
    noise : float
        0–50 (percent). The target is taken at a point moved by up to ``noise``% of ±6 per axis.
    seed : int
        Seed of the random generator.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2).
    y : numpy.ndarray
        float32 (n_samples, 1), ``(x1 + x2) / 10`` at the (moved) point, within [-1.2, 1.2] without
        noise.
    """
    rng, n, level = _start(n_samples, noise, seed)
    radius = 6.0
    x = rng.uniform(-radius, radius, (n, 2))
    moved = x + rng.uniform(-radius, radius, (n, 2)) * level
    # Playground maps x1 + x2 from [-10, 10] linearly (unclamped) onto [-1, 1].
    y = (moved[:, 0] + moved[:, 1]) / 10
    return _shuffled(rng, x, y[:, None])


def make_reg_gauss(n_samples: int = 500, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Playground's "Multi Gaussian" regression: six bumps, alternately +1 and -1.

    Parameters
    ----------
    n_samples : int
        Number of points, uniform in the square [-6, 6]².
    noise : float
        0–50 (percent). The target is taken at a point moved by up to ``noise``% of ±6 per axis.
    seed : int
        Seed of the random generator.

    Returns
    -------
    x : numpy.ndarray
        float32 (n_samples, 2).
    y : numpy.ndarray
        float32 (n_samples, 1) in [-1, 1]: of the six cone-shaped bumps at x1 ∈ {-4, 0, 4},
        x2 ∈ {2.5, -2.5} (height 1 at the centre, 0 from distance 2), the one largest in absolute
        value at the point.
    """
    rng, n, level = _start(n_samples, noise, seed)
    radius = 6.0
    x = rng.uniform(-radius, radius, (n, 2))
    moved = x + rng.uniform(-radius, radius, (n, 2)) * level
    bumps = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]])
    distance = np.hypot(moved[:, 0:1] - bumps[:, 0], moved[:, 1:2] - bumps[:, 1])  # (n, 6)
    values = bumps[:, 2] * np.clip(1 - distance / 2, 0, 1)
    # Playground keeps the bump with the largest |value|, the first one on a tie.
    y = np.take_along_axis(values, np.argmax(np.abs(values), axis=1)[:, None], axis=1)
    return _shuffled(rng, x, y)


DATASETS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "circle": make_circle,
    "xor": make_xor,
    "gaussian": make_gaussian,
    "spiral": make_spiral,
    "reg_plane": make_reg_plane,
    "reg_gauss": make_reg_gauss,
}
"""Playground's data sets by name; each takes ``(n_samples=500, noise=0.0, seed=0)``."""

CLASSIFICATION: tuple[str, ...] = ("circle", "xor", "gaussian", "spiral")
"""Names in :data:`DATASETS` whose ``y`` is int64 (n,) labels 0/1."""
REGRESSION: tuple[str, ...] = ("reg_plane", "reg_gauss")
"""Names in :data:`DATASETS` whose ``y`` is float32 (n, 1) targets."""


def make(name: str, **kwargs: Any) -> tuple[np.ndarray, np.ndarray]:
    """Make the Playground data set called ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`DATASETS`, e.g. ``"spiral"``.
    **kwargs
        ``n_samples``, ``noise`` and ``seed``, passed on to the generator.

    Returns
    -------
    x, y : numpy.ndarray
        As returned by the generator: ``x`` float32 (n, 2); ``y`` int64 (n,) or float32 (n, 1).

    Raises
    ------
    UnknownNameError
        If ``name`` is not a known data set.
    """
    if name not in DATASETS:
        raise UnknownNameError("toy dataset", name, tuple(DATASETS))
    return DATASETS[name](**kwargs)


def train_test_split(
    x: np.ndarray, y: np.ndarray, test_ratio: float = 0.5, seed: int = 0
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Shuffle the rows of ``x`` and ``y`` together and cut them into a training and a test part.

    Parameters
    ----------
    x : numpy.ndarray
        (n, ...) inputs, any dtype.
    y : numpy.ndarray
        (n, ...) targets, any dtype.
    test_ratio : float
        Share of rows for the test part, strictly between 0 and 1 (Playground's default is 0.5).
    seed : int
        Seed of the shuffle.

    Returns
    -------
    (x_train, y_train), (x_test, y_test) : tuple of numpy.ndarray
        New arrays with the dtypes of ``x`` and ``y``; the test part has ``round(n * test_ratio)``
        rows, the training part the rest.

    Raises
    ------
    LayerArgumentError
        If ``x`` and ``y`` differ in length, ``test_ratio`` is outside (0, 1), or a part would be empty.
    """
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim == 0 or y.ndim == 0 or len(x) != len(y):
        raise LayerArgumentError(
            "toy.rows_mismatch", x_shape=x.shape, y_shape=y.shape
        )
    if not 0 < test_ratio < 1:
        raise LayerArgumentError("toy.bad_test_ratio", test_ratio=test_ratio)
    n_test = round(len(x) * test_ratio)
    if not 0 < n_test < len(x):
        raise LayerArgumentError(
            "toy.empty_part", test_ratio=test_ratio, rows=len(x)
        )
    order = np.random.default_rng(seed).permutation(len(x))
    test, train = order[:n_test], order[n_test:]
    return (x[train], y[train]), (x[test], y[test])


def feature_map(x: np.ndarray, features: Sequence[str]) -> np.ndarray:
    """Compute Playground's input features from 2-D points.

    Parameters
    ----------
    x : numpy.ndarray
        (n, 2) points, any real dtype.
    features : sequence of str
        Names from :data:`FEATURES`: ``"x1"``, ``"x2"``, ``"x1^2"``, ``"x2^2"``, ``"x1*x2"``,
        ``"sin(x1)"``, ``"sin(x2)"``; in any order, repeats allowed.

    Returns
    -------
    numpy.ndarray
        float32 (n, len(features)), column ``j`` holding feature ``features[j]``.

    Raises
    ------
    LayerArgumentError
        If ``x`` is not (n, 2) or ``features`` is empty or a single string.
    UnknownNameError
        If a name is not in :data:`FEATURES`.
    """
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2 or x.shape[1] != 2:
        raise LayerArgumentError("toy.bad_points", shape=x.shape)
    if isinstance(features, str) or len(features) == 0:
        raise LayerArgumentError("toy.bad_features", features=features)
    x1, x2 = x[:, 0], x[:, 1]
    table = {
        "x1": lambda: x1,
        "x2": lambda: x2,
        "x1^2": lambda: x1 * x1,
        "x2^2": lambda: x2 * x2,
        "x1*x2": lambda: x1 * x2,
        "sin(x1)": lambda: np.sin(x1),
        "sin(x2)": lambda: np.sin(x2),
    }
    for name in features:
        if name not in table:
            raise UnknownNameError("feature", name, FEATURES)
    return np.stack([table[name]() for name in features], axis=1).astype(np.float32, copy=False)


def make_rule(
    xs: Sequence[float] = (1, 2, 3), w: float = 2.0, b: float = 8.0, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """The chapter-1 puzzle: numbers that follow a hidden rule ``y = w * x + b``.

    With the defaults the pairs are 1 → 10, 2 → 12, 3 → 14, and a one-neuron model can find
    ``w = 2`` and ``b = 8``.

    Parameters
    ----------
    xs : sequence of float
        The inputs, one per example.
    w, b : float
        The hidden rule's slope and offset.
    noise : float
        Standard deviation of Gaussian noise added to each ``y``, in the units of ``y`` (not percent).
    seed : int
        Seed of the noise.

    Returns
    -------
    x : numpy.ndarray
        float32 (len(xs), 1).
    y : numpy.ndarray
        float32 (len(xs), 1).

    Raises
    ------
    LayerArgumentError
        If ``xs`` is empty or not a flat list of numbers, or ``noise`` is negative.
    """
    x = np.asarray(xs, dtype=np.float64)
    if x.ndim != 1 or len(x) == 0:
        raise LayerArgumentError("toy.bad_xs", xs=xs)
    if not noise >= 0:
        raise LayerArgumentError("toy.negative_noise", noise=noise)
    y = w * x + b + np.random.default_rng(seed).normal(0.0, 1.0, len(x)) * noise
    return x.astype(np.float32)[:, None], y.astype(np.float32)[:, None]


def _start(n_samples: int, noise: float, seed: int) -> tuple[np.random.Generator, int, float]:
    """Check the common arguments; return the generator, the count and noise as a 0–0.5 fraction."""
    if not isinstance(n_samples, int | np.integer) or isinstance(n_samples, bool) or n_samples < 1:
        raise LayerArgumentError("toy.bad_n_samples", n_samples=n_samples)
    if not 0 <= noise <= _MAX_NOISE:
        raise LayerArgumentError("toy.bad_noise", maximum=_MAX_NOISE, noise=noise)
    return np.random.default_rng(seed), int(n_samples), float(noise) / 100


def _shuffled(rng: np.random.Generator, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle the points as Playground does after generating; cast ``x`` (and float ``y``) to float32."""
    order = rng.permutation(len(x))
    y = y[order]
    return x[order].astype(np.float32), (y.astype(np.float32) if y.dtype.kind == "f" else y)
