"""Metrics reported during training: accuracy (picked as Keras picks it), mae and mse.

A metric is computed per batch as a sum over samples plus a count, so epoch values are exact
sample-weighted means however the data was batched, as Keras's ``Mean``-based metrics are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import UnknownNameError

__all__ = ["Metric", "get", "resolve"]


@dataclass(frozen=True)
class Metric:
    """A named metric: ``fn(y_true, y_pred) -> (sum over samples, number of samples)``."""

    name: str
    fn: Callable[[np.ndarray, np.ndarray], tuple[float, int]]

    def __call__(self, y_true: np.ndarray, y_pred: np.ndarray) -> float:
        total, count = self.fn(y_true, y_pred)
        return total / count if count else 0.0


def _sparse_accuracy(y_true, y_pred):
    labels = np.asarray(y_true).reshape(y_pred.shape[:-1])
    return float(np.count_nonzero(y_pred.argmax(axis=-1) == labels)), labels.size


def _categorical_accuracy(y_true, y_pred):
    y = np.asarray(y_true).reshape(y_pred.shape)
    hits = y_pred.argmax(axis=-1) == y.argmax(axis=-1)
    return float(np.count_nonzero(hits)), hits.size


def _binary_accuracy(y_true, y_pred):
    y = np.asarray(y_true).reshape(y_pred.shape)
    # Keras compares the thresholded prediction with the target itself: soft targets never count as hits
    hits = (y_pred > 0.5).astype(y.dtype) == y
    # Keras averages over the last axis first, then over samples
    return float(hits.mean(axis=-1).sum()) if hits.ndim > 1 else float(hits.sum()), y_pred.shape[0]


def _mae(y_true, y_pred):
    d = np.abs(y_pred - np.asarray(y_true, y_pred.dtype).reshape(y_pred.shape))
    return float(d.reshape(len(d), -1).mean(axis=-1).sum()), len(d)


def _mse(y_true, y_pred):
    d = y_pred - np.asarray(y_true, y_pred.dtype).reshape(y_pred.shape)
    return float(np.square(d).reshape(len(d), -1).mean(axis=-1).sum()), len(d)


_FIXED = {
    "sparse_categorical_accuracy": _sparse_accuracy,
    "categorical_accuracy": _categorical_accuracy,
    "binary_accuracy": _binary_accuracy,
    "mae": _mae,
    "mean_absolute_error": _mae,
    "mse": _mse,
    "mean_squared_error": _mse,
}


def get(name: str) -> Metric:
    """Return a metric by an explicit name (``"sparse_categorical_accuracy"``, ``"mae"``, …).

    ``"accuracy"`` needs to know the loss and shapes: use :func:`resolve`.
    """
    if name not in _FIXED:
        raise UnknownNameError("metric", name, (*_FIXED, "accuracy", "acc"))
    return Metric(name, _FIXED[name])


def resolve(name: str, loss_name: str, output_shape: tuple[int, ...],
            target_shape: tuple[int, ...] | None = None) -> Metric:
    """Resolve a metric name the way ``keras.Model.compile`` does.

    ``"accuracy"``/``"acc"`` becomes binary accuracy for a single output, sparse categorical accuracy
    when the targets are class indices (fewer axes than the outputs, or one column against several
    outputs), else categorical accuracy — Keras decides by shapes, not by the loss. The reported name
    stays the one the user gave.

    Parameters
    ----------
    name : str
        What the user passed in ``metrics=[...]``.
    loss_name : str
        The Keras name of the compiled loss (used only when the target shape is unknown).
    output_shape : tuple of int
        The model's per-sample output shape.
    target_shape : tuple of int, optional
        The per-sample shape of the targets.
    """
    if not isinstance(name, str):
        raise UnknownNameError("metric", name, (*_FIXED, "accuracy", "acc"))
    if name in ("accuracy", "acc"):
        if output_shape[-1:] == (1,):
            fn = _binary_accuracy
        elif target_shape is None:
            fn = _sparse_accuracy if loss_name == "sparse_categorical_crossentropy" else _categorical_accuracy
        elif len(target_shape) < len(output_shape) or (target_shape[-1:] == (1,) and output_shape[-1] > 1):
            fn = _sparse_accuracy
        else:
            fn = _categorical_accuracy
        return Metric(name, fn)
    return get(name)
