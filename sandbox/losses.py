"""Losses with Keras 3's names, defaults and exact arithmetic.

A loss scores predictions ``y_pred`` (batch, …) against targets ``y_true`` and is averaged over the
batch (Keras's ``"sum_over_batch_size"``). :meth:`Loss.forward_backward` returns that mean and
``dL/dy_pred`` with ``y_pred``'s shape and dtype. As in Keras, probabilities are clipped to
[1e-7, 1 − 1e-7] before a logarithm (so the loss stays finite even for huge logits), and the gradient
is zero where the clip is active.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import _native
from ._registry import Registry
from .activations import _sigmoid
from .errors import ShapeError

__all__ = [
    "BinaryCrossentropy", "CategoricalCrossentropy", "Loss", "MeanAbsoluteError", "MeanSquaredError",
    "SparseCategoricalCrossentropy", "deserialize", "get", "serialize",
]

_REGISTRY = Registry("loss")
EPSILON = 1e-7  # keras.config.epsilon()
# Keras's clip of a predicted probability in float32, as NumPy compares a float32 array with EPSILON
_CLIP_LOW, _CLIP_HIGH = float(np.float32(EPSILON)), float(np.float32(1.0 - EPSILON))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


class Loss:
    """Base class: a per-sample loss averaged over the batch.

    Parameters
    ----------
    name : str, optional
        Defaults to the Keras snake_case name.
    """

    #: The canonical Keras function name of this loss.
    keras_name: str = ""

    def __init__(self, name: str | None = None) -> None:
        self.name = name or self.keras_name

    def __call__(self, y_true: Any, y_pred: np.ndarray) -> float:
        """Return the mean loss as a Python float."""
        return self.forward_backward(y_true, y_pred, need_grad=False)[0]

    def forward_backward(
        self, y_true: Any, y_pred: np.ndarray, need_grad: bool = True
    ) -> tuple[float, np.ndarray | None]:
        """Return ``(mean loss, dL/dy_pred or None)``.

        Parameters
        ----------
        y_true : array_like
            Targets: class indices (batch,) for sparse losses, else the shape of ``y_pred``.
        y_pred : ndarray
            Predictions (batch, …), float32 or float64.
        need_grad : bool
            Skip the gradient when only the value is wanted.
        """
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        """Return the JSON-safe constructor arguments."""
        return {"name": self.name}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Loss:
        """Rebuild from :meth:`get_config`'s output."""
        return cls(**config)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.get_config().items())})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_config() == other.get_config()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(type(self).__name__)


def _as_float(y: Any, dtype: np.dtype, shape: tuple[int, ...], owner: str) -> np.ndarray:
    y = np.asarray(y)
    if y.shape != shape:
        if y.size == int(np.prod(shape)) and y.ndim >= 1 and y.shape[0] == shape[0]:
            y = y.reshape(shape)
        else:
            raise ShapeError("loss.target_shape", owner=owner, shape=y.shape, predictions=shape)
    return y.astype(dtype, copy=False)


class _CrossentropyBase(Loss):
    def __init__(self, from_logits: bool = False, name: str | None = None) -> None:
        super().__init__(name)
        self.from_logits = bool(from_logits)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "from_logits": self.from_logits}

    def _categorical(self, onehot: np.ndarray, y_pred: np.ndarray, need_grad: bool):
        n = y_pred.shape[0]
        dtype = y_pred.dtype.type
        if self.from_logits:
            logp = _log_softmax(y_pred)
            loss = float(-(onehot * logp).sum(dtype=np.float64) / n)
            if not need_grad:
                return loss, None
            p = np.exp(logp)
            return loss, (p * onehot.sum(axis=-1, keepdims=True) - onehot) * dtype(1.0 / n)
        # Keras: renormalise to sum 1, clip to [ε, 1 − ε], then take the log.
        s = y_pred.sum(axis=-1, keepdims=True)
        q = y_pred / s
        qc = np.clip(q, EPSILON, 1.0 - EPSILON)
        loss = float(-(onehot * np.log(qc)).sum(dtype=np.float64) / n)
        if not need_grad:
            return loss, None
        inside = (q >= EPSILON) & (q <= 1.0 - EPSILON)
        dq = np.where(inside, -onehot / qc, 0.0).astype(y_pred.dtype, copy=False)
        # d(q)/d(y_pred) for q = y/s: (dq − ⟨dq, q⟩) / s
        grad = (dq - (dq * q).sum(axis=-1, keepdims=True)) / s
        return loss, grad * dtype(1.0 / n)


    def softmax_forward_backward(self, y_true: Any, p: np.ndarray) -> tuple[float, np.ndarray] | None:
        """The loss and its gradient with respect to the *input* of the softmax that gave ``p``, or None.

        For ``p = softmax(z)`` and targets whose rows sum to 1, ``dL/dz = (p − y) / n``: the chain through
        the renormalisation and the softmax's Jacobian cancels. That one line replaces about twenty NumPy
        calls on the training step's critical path (9 against 32 µs at (64, 10)). Keras clips each predicted
        probability of a target to [1e-7, 1 − 1e-7] before the log, and a clipped log passes no gradient: a
        sample whose target probability is clipped (confidently right, or confidently wrong) teaches nothing,
        so its row of the gradient is 0, here as the long way gives it. The loss is the long way's number and
        the gradient differs from it by float32 rounding (~1e-9 at (64, 10)). None (the long way) for logits,
        targets that are not distributions, a clipped soft target, or a NaN.

        Parameters
        ----------
        y_true : array_like
            The targets, as :meth:`forward_backward` takes them.
        p : ndarray
            The softmax's output, float (batch, classes).

        Returns
        -------
        (float, ndarray) or None
            The loss and dL/dz (batch, classes) in ``p``'s dtype; None where the long way must run.
        """
        if self.from_logits or p.ndim != 2 or len(p) == 0:
            return None
        target = self._target_matrix(y_true, p)
        if target is None:
            return None
        rows, cols, weights = target
        n = p.shape[0]
        dtype = p.dtype.type
        s = p.sum(axis=-1)
        q = p[rows, cols] / s[rows]  # the renormalised predictions where a target is not 0
        if np.isnan(q).any():
            return None
        inside = (q >= EPSILON) & (q <= 1.0 - EPSILON)
        loss = float(-(weights * np.log(np.clip(q, EPSILON, 1.0 - EPSILON))).sum(dtype=np.float64) / n)
        grad = p * dtype(1.0 / n)
        grad[rows, cols] -= weights * dtype(1.0 / n)  # (row, class) pairs are distinct: no lost updates
        if not inside.all():
            clipped = rows[~inside]
            if (np.bincount(rows, minlength=n)[clipped] != 1).any():
                return None  # a soft target row with a clipped entry: the long way
            grad[clipped] = 0
        return loss, grad

    def _target_matrix(self, y_true: Any, p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The nonzero targets as (rows, classes, values), or None where the rows do not each sum to 1."""
        return None


@_REGISTRY.register("sparse_categorical_crossentropy", "scce")
class SparseCategoricalCrossentropy(_CrossentropyBase):
    """Cross-entropy with integer class labels: ``−log p[label]``.

    ``y_true`` holds class indices, shape (batch,) or (batch, 1); ``y_pred`` (batch, classes) holds
    probabilities, or logits if ``from_logits=True``.
    """

    keras_name = "sparse_categorical_crossentropy"

    def _labels(self, y_true: Any, y_pred: np.ndarray) -> np.ndarray:
        """The class indices, int64 of shape ``y_pred.shape[:-1]``, checked against the number of classes."""
        labels = np.asarray(y_true)
        if labels.ndim == y_pred.ndim and labels.shape[-1] == 1:
            labels = labels[..., 0]
        if labels.shape != y_pred.shape[:-1]:
            raise ShapeError(
                "loss.label_shape", owner=self.name, shape=np.shape(y_true), predictions=y_pred.shape
            )
        labels = labels.astype(np.int64, copy=False)
        k = y_pred.shape[-1]
        if labels.size and (labels.min() < 0 or labels.max() >= k):
            raise ShapeError(
                "loss.label_out_of_range", owner=self.name, last=k - 1, low=int(labels.min()),
                    high=int(labels.max()), classes=k
            )
        return labels

    def softmax_forward_backward(self, y_true, p):
        kernels = _native.KERNELS
        if kernels is not None and not self.from_logits and p.ndim == 2 and len(p):
            labels = np.asarray(y_true)
            if labels.ndim == 2 and labels.shape[1] == 1:
                labels = labels[:, 0]
            if labels.shape == (len(p),) and labels.dtype.kind in "iu":
                grad = np.empty_like(p)
                # the NumPy code below in one call; None: out of range, NaN, or not float32, for which the
                # NumPy code decides (and says what is wrong)
                loss = kernels.softmax_sparse_ce(p, labels.astype(np.int64, copy=False), 1.0 / len(p), _CLIP_LOW,
                                                 _CLIP_HIGH, grad)
                if loss is not None:
                    return loss, grad
        return super().softmax_forward_backward(y_true, p)

    def _target_matrix(self, y_true, p):
        labels = self._labels(y_true, p)
        return np.arange(len(labels)), labels, np.ones(len(labels), p.dtype)

    def forward_backward(self, y_true, y_pred, need_grad=True):
        labels = self._labels(y_true, y_pred)
        onehot = np.zeros(y_pred.shape, y_pred.dtype)
        if labels.ndim == 1:  # fancy indexing: 3× faster than put_along_axis at (64, 10)
            onehot[np.arange(labels.size), labels] = 1
        else:
            np.put_along_axis(onehot, labels[..., None], 1, axis=-1)
        return self._categorical(onehot, y_pred, need_grad)


@_REGISTRY.register("categorical_crossentropy", "cce")
class CategoricalCrossentropy(_CrossentropyBase):
    """Cross-entropy with one-hot (or soft) targets of the predictions' shape: ``−Σ y·log p``."""

    keras_name = "categorical_crossentropy"

    def forward_backward(self, y_true, y_pred, need_grad=True):
        return self._categorical(_as_float(y_true, y_pred.dtype, y_pred.shape, self.name), y_pred, need_grad)

    def _target_matrix(self, y_true, p):
        y = _as_float(y_true, p.dtype, p.shape, self.name)
        if not np.all(np.abs(y.sum(axis=-1, dtype=np.float64) - 1.0) <= 1e-6) or (y < 0).any():
            return None  # soft targets that are not distributions: the long way
        rows, cols = np.nonzero(y)
        return rows, cols, y[rows, cols]


@_REGISTRY.register("binary_crossentropy", "bce")
class BinaryCrossentropy(_CrossentropyBase):
    """Binary cross-entropy ``−[y·log p + (1 − y)·log(1 − p)]``, averaged over the last axis then the batch."""

    keras_name = "binary_crossentropy"

    def forward_backward(self, y_true, y_pred, need_grad=True):
        y = _as_float(y_true, y_pred.dtype, y_pred.shape, self.name)
        # mean over the last axis, then over the batch: every element weighs 1/size
        scale = y_pred.dtype.type(1.0 / y_pred.size) if y_pred.size else y_pred.dtype.type(0)
        if self.from_logits:
            z = y_pred
            per = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
            loss = float(per.mean(dtype=np.float64))
            if not need_grad:
                return loss, None
            return loss, (_sigmoid(z) - y) * scale
        # torch's binary_cross_entropy clamps each log at −100; after Keras's clip it never gets there.
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        per = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        loss = float(per.mean(dtype=np.float64))
        if not need_grad:
            return loss, None
        inside = (y_pred >= EPSILON) & (y_pred <= 1.0 - EPSILON)
        grad = np.where(inside, (p - y) / (p * (1 - p)), 0.0).astype(y_pred.dtype, copy=False)
        return loss, grad * scale


class _Regression(Loss):
    def _diff(self, y_true, y_pred):
        return y_pred - _as_float(y_true, y_pred.dtype, y_pred.shape, self.name)

    def _scale(self, y_pred: np.ndarray):
        return y_pred.dtype.type(1.0 / y_pred.size) if y_pred.size else y_pred.dtype.type(0)


@_REGISTRY.register("mean_squared_error", "mse")
class MeanSquaredError(_Regression):
    """``mean((y_pred − y_true)²)`` over the last axis, then over the batch."""

    keras_name = "mean_squared_error"

    def forward_backward(self, y_true, y_pred, need_grad=True):
        d = self._diff(y_true, y_pred)
        loss = float(np.mean(np.square(d, dtype=np.float64)))
        return loss, (d * (2 * self._scale(y_pred)) if need_grad else None)


@_REGISTRY.register("mean_absolute_error", "mae")
class MeanAbsoluteError(_Regression):
    """``mean(|y_pred − y_true|)`` over the last axis, then over the batch."""

    keras_name = "mean_absolute_error"

    def forward_backward(self, y_true, y_pred, need_grad=True):
        d = self._diff(y_true, y_pred)
        loss = float(np.mean(np.abs(d), dtype=np.float64))
        return loss, (np.sign(d) * self._scale(y_pred) if need_grad else None)


def names() -> tuple[str, ...]:
    """The Keras function names of all losses, in the order the app lists them."""
    return tuple(_REGISTRY.lookup(n).keras_name for n in _REGISTRY.names())


def get(identifier: Any) -> Loss:
    """Return a loss from a name (``"mse"``, ``"sparse_categorical_crossentropy"``), a dict or an instance."""
    return _REGISTRY.deserialize(identifier)


def serialize(loss: Loss) -> dict[str, Any]:
    """Return ``{"class_name": ..., "config": ...}`` (JSON-safe)."""
    return {"class_name": type(loss).__name__, "config": loss.get_config()}


def deserialize(config: Any) -> Loss:
    """Inverse of :func:`serialize`."""
    return get(config)


__all__ += ["names"]
