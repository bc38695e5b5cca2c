"""Metrics, stateful as in ``keras.metrics``: ``update_state``, ``result``, ``reset_state``.

A metric keeps running totals: ``update_state(y_true, y_pred)`` adds a batch, ``result()`` returns the
value over everything added since the last ``reset_state()``, and calling the metric does both. Training
resets the compiled metrics at the start of each epoch and of each validation pass, as Keras does, so
epoch values are exact sample-weighted means however the data was batched.

The built-in metrics keep their totals as Python floats (float64), so their results equal Keras's float32
ones to a few float32 units in the last place. A learner's own metric subclasses :class:`Metric`, makes
its totals with ``self.add_weight(...)`` and writes ``update_state`` and ``result`` with NumPy (the
engine has no ``keras.ops``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ._registry import check_int, snake_case
from .errors import LayerArgumentError, UnknownNameError
from .layers.base import Variable

__all__ = [
    "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "Mean", "MeanAbsoluteError", "MeanMetricWrapper",
    "MeanSquaredError", "Metric", "RootMeanSquaredError", "SparseCategoricalAccuracy",
    "SparseTopKCategoricalAccuracy", "TopKCategoricalAccuracy", "get", "resolve",
]

SumCount = Callable[[np.ndarray, np.ndarray], tuple[float, int]]


class Metric:
    """Base class of every metric, as ``keras.metrics.Metric``.

    Subclasses create their running totals in ``__init__`` with :meth:`add_weight`, and write
    :meth:`update_state` and :meth:`result`; :meth:`reset_state` puts every total back to its initial value.

    Parameters
    ----------
    name : str, optional
        The name shown in logs and History (default: the snake_case class name).
    dtype : str, optional
        Accepted for Keras's sake.
    """

    def __init__(self, name: str | None = None, dtype: Any = None) -> None:
        if name is not None and (not isinstance(name, str) or not name):
            raise LayerArgumentError("metric.bad_name", name=name)
        self.name = name or snake_case(type(self).__name__)
        self.dtype = dtype
        self._variables: list[Variable] = []
        self._initial: list[np.ndarray] = []

    def add_weight(self, name: str | None = None, shape: Any = (), initializer: Any = "zeros",
                   dtype: Any = None) -> Variable:
        """A running total: a :class:`~sandbox.layers.base.Variable` that :meth:`reset_state` restores.

        Parameters
        ----------
        name : str, optional
        shape : tuple of int
            Default ``()``, a single number.
        initializer : "zeros", "ones" or a number
            The value after ``reset_state``.
        dtype : str, optional
            Default float64 (``"int32"`` and the like give an integer total).
        """
        if not hasattr(self, "_variables"):
            raise LayerArgumentError("metric.super_not_called", cls=type(self).__name__)
        shape = tuple(int(d) for d in (shape if isinstance(shape, tuple | list) else (shape,)))
        fill = {"zeros": 0.0, "ones": 1.0}.get(initializer, initializer) if isinstance(initializer, str) \
            else initializer
        if not isinstance(fill, int | float) or isinstance(fill, bool):
            raise LayerArgumentError("metric.bad_initializer", initializer=initializer)
        value = np.full(shape, fill, np.dtype(dtype) if dtype is not None else np.float64)
        variable = Variable(value, name=name or f"variable_{len(self._variables)}", trainable=False)
        self._variables.append(variable)
        self._initial.append(value.copy())
        return variable

    add_variable = add_weight

    @property
    def variables(self) -> list[Variable]:
        """The running totals, in the order they were made."""
        return list(self._variables)

    def update_state(self, *args: Any, **kwargs: Any) -> None:
        """Add a batch to the running totals."""
        raise NotImplementedError(f"{type(self).__name__} must define update_state")

    def result(self) -> Any:
        """The metric's value over everything added since the last reset."""
        raise NotImplementedError(f"{type(self).__name__} must define result")

    def reset_state(self) -> None:
        """Put every running total back to its initial value."""
        for variable, value in zip(self._variables, self._initial, strict=True):
            variable.assign(value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Update with one batch and return the result, as Keras's ``Metric.__call__``."""
        self.update_state(*args, **kwargs)
        return self.result()

    def get_config(self) -> dict[str, Any]:
        """The constructor arguments."""
        return {"name": self.name}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}>"


class Mean(Metric):
    """The (weighted) mean of every value given to ``update_state(values, sample_weight=None)``.

    Values of shape (batch, …) are first averaged over their trailing axes, one value per sample, as Keras
    does; a ``sample_weight`` of shape (batch,) then weighs the samples.
    """

    def __init__(self, name: str = "mean", dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_weight("total")
        self.count = self.add_weight("count")

    def update_state(self, values: Any, sample_weight: Any = None) -> None:
        values = np.asarray(values, np.float64)
        if values.ndim > 1:
            values = values.reshape(len(values), -1).mean(axis=-1)
        if sample_weight is None:
            self._add(float(values.sum()), values.size)
            return
        weights = np.broadcast_to(np.asarray(sample_weight, np.float64), values.shape)
        self._add(float((values * weights).sum()), float(weights.sum()))

    def _add(self, total: float, count: float) -> None:
        # Plain float arithmetic on the 0-d totals: the same sums, in the same order, as the engine's
        # training loop always made.
        self.total.value[()] += total
        self.count.value[()] += count

    def result(self) -> float:
        count = float(self.count.value)
        return float(self.total.value) / count if count else 0.0


class _SumCountMetric(Mean):
    """A mean of per-sample values given by ``fn(y_true, y_pred) -> (sum over samples, samples)``."""

    def __init__(self, fn: SumCount, name: str, dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)
        self._fn = fn

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        y_pred = np.asarray(y_pred)
        if sample_weight is not None:
            values = self._per_sample(y_true, y_pred)
            Mean.update_state(self, values, sample_weight)
            return
        self._add(*self._fn(y_true, y_pred))

    def _per_sample(self, y_true: Any, y_pred: np.ndarray) -> np.ndarray:
        y_true = np.asarray(y_true)
        return np.array([self._fn(y_true[i:i + 1], y_pred[i:i + 1])[0] for i in range(len(y_pred))])


class MeanMetricWrapper(Mean):
    """The mean of ``fn(y_true, y_pred)``, a function giving one value per sample (or per element).

    Parameters
    ----------
    fn : callable
        ``fn(y_true, y_pred, **kwargs) -> values`` of shape (batch,) or (batch, …).
    name : str, optional
    **kwargs
        Passed on to ``fn``.
    """

    def __init__(self, fn: Callable[..., Any], name: str | None = None, dtype: Any = None, **kwargs: Any) -> None:
        super().__init__(name=name or getattr(fn, "__name__", "mean_metric_wrapper"), dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        super().update_state(self._fn(y_true, y_pred, **self._fn_kwargs), sample_weight)


# ---- the per-batch sums of the built-in metrics --------------------------------------------------------

def _sparse_accuracy(y_true, y_pred):
    labels = np.asarray(y_true).reshape(y_pred.shape[:-1])
    return float(np.count_nonzero(y_pred.argmax(axis=-1) == labels)), labels.size


def _categorical_accuracy(y_true, y_pred):
    y = np.asarray(y_true).reshape(y_pred.shape)
    hits = y_pred.argmax(axis=-1) == y.argmax(axis=-1)
    return float(np.count_nonzero(hits)), hits.size


def _binary_accuracy(y_true, y_pred, threshold: float = 0.5):
    y = np.asarray(y_true).reshape(y_pred.shape)
    # Keras compares the thresholded prediction with the target itself: soft targets never count as hits
    hits = (y_pred > threshold).astype(y.dtype) == y
    # Keras averages over the last axis first, then over samples
    return float(hits.mean(axis=-1).sum()) if hits.ndim > 1 else float(hits.sum()), y_pred.shape[0]


def _exact_accuracy(y_true, y_pred):
    y = np.asarray(y_true).reshape(y_pred.shape)
    hits = (y == y_pred).reshape(len(y_pred), -1).mean(axis=-1)
    return float(hits.sum()), len(hits)


def _top_k(labels: np.ndarray, y_pred: np.ndarray, k: int) -> tuple[float, int]:
    """Hits of ``labels`` (n,) among the ``k`` largest of ``y_pred`` (n, classes); a tie with the k-th counts."""
    scores = y_pred.reshape(-1, y_pred.shape[-1])
    labels = labels.reshape(-1).astype(np.int64)
    if k >= scores.shape[1]:
        return float(len(labels)), len(labels)
    kth = np.partition(scores, scores.shape[1] - k, axis=-1)[:, scores.shape[1] - k]
    target = np.take_along_axis(scores, labels[:, None], axis=-1)[:, 0]
    return float(np.count_nonzero(target >= kth)), len(labels)


def _mae(y_true, y_pred):
    d = np.abs(y_pred - np.asarray(y_true, y_pred.dtype).reshape(y_pred.shape))
    return float(d.reshape(len(d), -1).mean(axis=-1).sum()), len(d)


def _mse(y_true, y_pred):
    d = y_pred - np.asarray(y_true, y_pred.dtype).reshape(y_pred.shape)
    return float(np.square(d).reshape(len(d), -1).mean(axis=-1).sum()), len(d)


# ---- the built-in metric classes -----------------------------------------------------------------------

class Accuracy(_SumCountMetric):
    """How often ``y_pred`` equals ``y_true`` exactly (for predictions that are already labels)."""

    def __init__(self, name: str = "accuracy", dtype: Any = None) -> None:
        super().__init__(_exact_accuracy, name, dtype)


class BinaryAccuracy(_SumCountMetric):
    """How often ``y_pred > threshold`` equals the 0/1 target, as ``keras.metrics.BinaryAccuracy``.

    ``y_pred`` float (batch, k) probabilities; ``y_true`` (batch, k) or (batch,) of 0 and 1.
    """

    def __init__(self, name: str = "binary_accuracy", dtype: Any = None, threshold: float = 0.5) -> None:
        super().__init__(lambda t, p: _binary_accuracy(t, p, self.threshold), name, dtype)
        self.threshold = float(threshold)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "threshold": self.threshold}


class CategoricalAccuracy(_SumCountMetric):
    """How often the largest output is the one-hot target's class; ``y_true`` (batch, classes)."""

    def __init__(self, name: str = "categorical_accuracy", dtype: Any = None) -> None:
        super().__init__(_categorical_accuracy, name, dtype)


class SparseCategoricalAccuracy(_SumCountMetric):
    """How often the largest output is the target class; ``y_true`` int (batch,) or (batch, 1)."""

    def __init__(self, name: str = "sparse_categorical_accuracy", dtype: Any = None) -> None:
        super().__init__(_sparse_accuracy, name, dtype)


class TopKCategoricalAccuracy(_SumCountMetric):
    """How often the one-hot target's class is among the ``k`` largest outputs (a tie with the k-th counts)."""

    def __init__(self, k: int = 5, name: str = "top_k_categorical_accuracy", dtype: Any = None) -> None:
        self.k = check_int("k", k, owner="TopKCategoricalAccuracy")
        super().__init__(lambda t, p: _top_k(np.asarray(t).reshape(p.shape).argmax(axis=-1), p, self.k), name,
                         dtype)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "k": self.k}


class SparseTopKCategoricalAccuracy(_SumCountMetric):
    """How often the target class (int labels) is among the ``k`` largest outputs."""

    def __init__(self, k: int = 5, name: str = "sparse_top_k_categorical_accuracy", dtype: Any = None) -> None:
        self.k = check_int("k", k, owner="SparseTopKCategoricalAccuracy")
        super().__init__(lambda t, p: _top_k(np.asarray(t), p, self.k), name, dtype)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "k": self.k}


class MeanSquaredError(_SumCountMetric):
    """Mean of the squared differences (averaged over each sample's values, then over samples)."""

    def __init__(self, name: str = "mean_squared_error", dtype: Any = None) -> None:
        super().__init__(_mse, name, dtype)


class MeanAbsoluteError(_SumCountMetric):
    """Mean of the absolute differences."""

    def __init__(self, name: str = "mean_absolute_error", dtype: Any = None) -> None:
        super().__init__(_mae, name, dtype)


class RootMeanSquaredError(_SumCountMetric):
    """Square root of the mean squared difference."""

    def __init__(self, name: str = "root_mean_squared_error", dtype: Any = None) -> None:
        super().__init__(_mse, name, dtype)

    def result(self) -> float:
        return float(np.sqrt(super().result()))


_FIXED: dict[str, Callable[[str], Metric]] = {
    "sparse_categorical_accuracy": lambda name: SparseCategoricalAccuracy(name=name),
    "categorical_accuracy": lambda name: CategoricalAccuracy(name=name),
    "binary_accuracy": lambda name: BinaryAccuracy(name=name),
    "top_k_categorical_accuracy": lambda name: TopKCategoricalAccuracy(name=name),
    "sparse_top_k_categorical_accuracy": lambda name: SparseTopKCategoricalAccuracy(name=name),
    "mae": lambda name: MeanAbsoluteError(name=name),
    "mean_absolute_error": lambda name: MeanAbsoluteError(name=name),
    "mse": lambda name: MeanSquaredError(name=name),
    "mean_squared_error": lambda name: MeanSquaredError(name=name),
    "rmse": lambda name: RootMeanSquaredError(name=name),
    "root_mean_squared_error": lambda name: RootMeanSquaredError(name=name),
}
_KNOWN = (*_FIXED, "accuracy", "acc")


def get(identifier: Any) -> Metric:
    """Return a fresh metric for an explicit name (``"sparse_categorical_accuracy"``, ``"mae"``, …), or
    ``identifier`` itself if it is already a :class:`Metric`.

    ``"accuracy"`` needs to know the loss and shapes: use :func:`resolve`.
    """
    if isinstance(identifier, Metric):
        return identifier
    if not isinstance(identifier, str) or identifier not in _FIXED:
        raise UnknownNameError("metric", identifier, _KNOWN)
    return _FIXED[identifier](identifier)


def resolve(name: Any, loss_name: str, output_shape: tuple[int, ...],
            target_shape: tuple[int, ...] | None = None) -> Metric:
    """Resolve a metric name the way ``keras.Model.compile`` does; a :class:`Metric` is returned as it is.

    ``"accuracy"``/``"acc"`` becomes binary accuracy for a single output, sparse categorical accuracy
    when the targets are class indices (fewer axes than the outputs, or one column against several
    outputs), else categorical accuracy — Keras decides by shapes, not by the loss. The reported name
    stays the one the user gave.

    Parameters
    ----------
    name : str or Metric
        What the user passed in ``metrics=[...]``.
    loss_name : str
        The Keras name of the compiled loss (used only when the target shape is unknown).
    output_shape : tuple of int
        The model's per-sample output shape.
    target_shape : tuple of int, optional
        The per-sample shape of the targets.
    """
    if isinstance(name, Metric):
        return name
    if not isinstance(name, str):
        raise UnknownNameError("metric", name, _KNOWN)
    if name in ("accuracy", "acc"):
        if output_shape[-1:] == (1,):
            fn: SumCount = _binary_accuracy
        elif target_shape is None:
            fn = _sparse_accuracy if loss_name == "sparse_categorical_crossentropy" else _categorical_accuracy
        elif len(target_shape) < len(output_shape) or (target_shape[-1:] == (1,) and output_shape[-1] > 1):
            fn = _sparse_accuracy
        else:
            fn = _categorical_accuracy
        return _SumCountMetric(fn, name)
    return get(name)


def name_of(metric: Any) -> str:
    """The name a compiled metric reports under: the string itself, or the metric object's ``name``."""
    return metric.name if isinstance(metric, Metric) else str(metric)


def saved_name(metric: Any) -> str | None:
    """How a compiled metric is written into a file's compile settings, or None if it cannot be.

    A name is written as it is; a built-in metric object by its Keras name when it has its default settings
    (``BinaryAccuracy()`` → ``"binary_accuracy"``). A learner's own metric class cannot be named in a file
    (files never name code), so it is left out and the loaded model does not report it.
    """
    if isinstance(metric, str):
        return metric
    if type(metric) in _DEFAULTS and metric.get_config() == _DEFAULTS[type(metric)]:
        return metric.name
    return None


_DEFAULTS: dict[type, dict[str, Any]] = {
    cls: cls().get_config() for cls in (BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy,
                                        TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy,
                                        MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError)
}


def results(metrics: list[Metric]) -> dict[str, float]:
    """``{name: float(result())}`` of each metric, as logs hold them."""
    return {m.name: float(np.asarray(m.result(), np.float64)) for m in metrics}
