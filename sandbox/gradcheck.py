"""Finite-difference gradient checks: is back-propagation computing the true slope?

Each check compares the analytic gradient (from ``backward``) with the central difference
``(L(w + ε) − L(w − ε)) / 2ε`` in float64, at a sample of positions, and reports the largest
relative error ``|a − n| / max(|a| + |n|, floor)``. Errors around 1e-7 or below mean the gradient is right.
The floor (default 1e-2) keeps round-off in the difference quotient (about 1e-9 in float64) from
counting as an error where the true slope is nearly zero, as for ``tanh`` far from 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import activations as _activations
from . import losses as _losses
from .layers import Input, Layer
from .model import Sequential

__all__ = ["GradCheckResult", "check_activation", "check_layer", "check_loss", "check_model", "relative_error"]


@dataclass
class GradCheckResult:
    """Largest relative error per checked array (``"input"``, ``"dense/kernel"``, …)."""

    errors: dict[str, float] = field(default_factory=dict)

    @property
    def max_error(self) -> float:
        """The worst relative error over every checked array (0.0 if nothing was checked)."""
        return max(self.errors.values(), default=0.0)


def relative_error(analytic: np.ndarray, numeric: np.ndarray, floor: float = 1e-2) -> float:
    """Largest ``|a − n| / max(|a| + |n|, floor)`` over the elements."""
    a = np.asarray(analytic, np.float64)
    n = np.asarray(numeric, np.float64)
    return float(np.max(np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), floor), initial=0.0))


def _numeric(f: Callable[[], float], array: np.ndarray, positions: np.ndarray, eps: float) -> np.ndarray:
    flat = array.reshape(-1)
    out = np.empty(len(positions))
    for k, i in enumerate(positions):
        old = flat[i]
        flat[i] = old + eps
        plus = f()
        flat[i] = old - eps
        minus = f()
        flat[i] = old
        out[k] = (plus - minus) / (2 * eps)
    return out


def _positions(size: int, samples: int, rng: np.random.Generator) -> np.ndarray:
    return np.arange(size) if size <= samples else rng.choice(size, samples, replace=False)


def check_model(model: Sequential, x: np.ndarray, y: np.ndarray, *, eps: float = 1e-6, samples: int = 40,
                seed: int = 0, check_input: bool = True) -> GradCheckResult:
    """Check the gradients of a compiled float64 model's loss w.r.t. its input and every weight.

    Parameters
    ----------
    model : Sequential
        Compiled, with ``dtype="float64"``; layers run in prediction mode (no dropout noise).
    x : ndarray
        A prepared batch (batch, *input_shape), float64.
    y : ndarray
        Targets for the compiled loss.
    eps : float
        Finite-difference step.
    samples : int
        Positions checked per array (all of them if the array is smaller).
    """
    rng = np.random.default_rng(seed)
    x = np.array(x, np.float64)

    def loss() -> float:
        return model.loss(y, model.forward(x, False)) + model.regularization_loss()

    model._ensure_built()
    for layer in model.layers:
        layer.need_input_grad = True
    y_pred = model.forward(x, False)
    _, dy = model.loss.forward_backward(y, y_pred)
    dx = dy
    for layer in reversed(model.layers):
        dx = layer.backward(dx)
    result = GradCheckResult()
    for layer in model.layers:
        for key, w in layer.params.items():
            pos = _positions(w.size, samples, rng)
            numeric = _numeric(loss, w, pos, eps)
            result.errors[f"{layer.name}/{key}"] = relative_error(layer.grads[key].reshape(-1)[pos], numeric)
    if check_input:
        pos = _positions(x.size, samples, rng)
        result.errors["input"] = relative_error(dx.reshape(-1)[pos], _numeric(loss, x, pos, eps))
    return result


def check_layer(layer: Layer, input_shape: tuple[int, ...], *, batch: int = 3, seed: int = 0,
                eps: float = 1e-6, samples: int = 40) -> GradCheckResult:
    """Check one layer's input and weight gradients under the loss ``L = Σ y ⊙ r`` with random ``r``."""
    rng = np.random.default_rng(seed)
    model = Sequential([Input(input_shape), layer], seed=seed, dtype="float64")
    model._ensure_built()
    out_shape = layer.output_shape_
    r = rng.standard_normal((batch, *out_shape))
    model.loss = _ProjectionLoss(r)
    x = rng.standard_normal((batch, *input_shape))
    return check_model(model, x, None, eps=eps, samples=samples, seed=seed)


class _ProjectionLoss(_losses.Loss):
    """``L = Σ y_pred ⊙ r``: its gradient is ``r``, so every output position is exercised."""

    keras_name = "projection"

    def __init__(self, r: np.ndarray) -> None:
        super().__init__()
        self.r = r

    def forward_backward(self, y_true, y_pred, need_grad=True):
        return float((y_pred * self.r).sum()), (self.r.copy() if need_grad else None)


def check_activation(name: str, x: np.ndarray, *, eps: float = 1e-6, seed: int = 0) -> float:
    """Largest relative error of an activation's derivative at the points ``x`` (float64)."""
    act = _activations.get(name)
    x = np.array(x, np.float64)
    r = np.random.default_rng(seed).standard_normal(x.shape)
    y = act.forward(x)
    analytic = act.backward(x, y, r)
    pos = np.arange(x.size)
    numeric = _numeric(lambda: float((act.forward(x) * r).sum()), x, pos, eps)
    return relative_error(analytic.reshape(-1), numeric)


def check_loss(loss: _losses.Loss | str, y_true: np.ndarray, y_pred: np.ndarray, *, eps: float = 1e-6) -> float:
    """Largest relative error of a loss's gradient w.r.t. ``y_pred`` (float64)."""
    loss = _losses.get(loss)
    y_pred = np.array(y_pred, np.float64)
    _, grad = loss.forward_backward(y_true, y_pred)
    pos = np.arange(y_pred.size)
    numeric = _numeric(lambda: loss(y_true, y_pred), y_pred, pos, eps)
    return relative_error(grad.reshape(-1), numeric)
