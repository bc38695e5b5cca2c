"""``keras.utils``: the helpers the book's cells use (``to_categorical``, ``normalize``, ``set_random_seed``)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from ._registry import check_int
from .errors import LayerArgumentError

__all__ = ["next_seed", "normalize", "set_random_seed", "to_categorical"]

_MAX_SEED = 2**32
_seeds: np.random.Generator | None = None


def to_categorical(x: Any, num_classes: int | None = None) -> np.ndarray:
    """One-hot encode class labels, as ``keras.utils.to_categorical``.

    Parameters
    ----------
    x : array_like of int
        Class labels 0 … ``num_classes - 1``, any shape; a last axis of size 1 is dropped first, as Keras does.
    num_classes : int, optional
        Number of classes; default ``max(x) + 1``.

    Returns
    -------
    numpy.ndarray
        float64 of shape ``(*x.shape, num_classes)`` (after dropping a last axis of size 1): 1.0 at each label,
        0.0 elsewhere. ``to_categorical([0, 2], 3)`` is ``[[1, 0, 0], [0, 0, 1]]``.

    Raises
    ------
    LayerArgumentError
        If a label is not a whole number or lies outside 0 … ``num_classes - 1``.
    """
    values = np.asarray(x)
    if values.dtype == np.bool_ or not np.issubdtype(values.dtype, np.number) or (
            not np.issubdtype(values.dtype, np.integer) and np.any(values != np.round(values))):
        raise LayerArgumentError("utils.labels_not_whole", dtype=str(values.dtype))
    labels = values.astype(np.int64)
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if num_classes is None or num_classes == 0:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    else:
        num_classes = check_int("num_classes", num_classes, owner="to_categorical")
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise LayerArgumentError("utils.label_out_of_range", low=int(labels.min()), high=int(labels.max()),
                                 last=num_classes - 1, classes=num_classes)
    out = np.zeros((labels.size, num_classes))
    out[np.arange(labels.size), labels] = 1.0
    return out.reshape((*shape, num_classes))


def normalize(x: Any, axis: int = -1, order: int = 2) -> np.ndarray:
    """Scale ``x`` to unit norm along ``axis`` (rows of zeros stay zero), as ``keras.utils.normalize``.

    Parameters
    ----------
    x : array_like
        Any float array.
    axis : int
        The axis whose norm becomes 1.
    order : int
        The norm (2 for Euclidean).

    Returns
    -------
    numpy.ndarray
        ``x / ‖x‖`` with ``x``'s shape.
    """
    x = np.asarray(x)
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    return x / np.expand_dims(norm, axis)


def set_random_seed(seed: int) -> None:
    """Make every later run repeatable, as ``keras.utils.set_random_seed``.

    Models made without a ``seed=`` then take their seeds (initial weights, shuffles, dropout) one after
    another from a sequence started at ``seed``; Python's and NumPy's global generators are seeded too.
    """
    global _seeds
    seed = check_int("seed", seed, minimum=0, owner="set_random_seed")
    _seeds = np.random.default_rng(seed)
    random.seed(seed)
    np.random.seed(seed % _MAX_SEED)  # noqa: NPY002 - a learner's own np.random calls, as Keras seeds them


def next_seed() -> int:
    """The seed for a model made without one: the next of :func:`set_random_seed`'s sequence, else fresh."""
    if _seeds is None:
        return int(np.random.SeedSequence().entropy % _MAX_SEED)
    return int(_seeds.integers(_MAX_SEED))
