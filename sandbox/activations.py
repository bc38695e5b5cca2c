"""Activation functions with their derivatives, by Keras 3 name and defaults.

Each activation maps an array of any shape to one of the same shape and dtype (float32 in
training, float64 in gradient checks). ``backward(x, y, dy)`` gets the input ``x``, the output
``y`` and the upstream gradient ``dy`` and returns ``dL/dx``; it reuses ``y`` where that is
cheaper than recomputing from ``x``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._registry import Registry

__all__ = ["Activation", "deserialize", "get", "names", "serialize"]

Array = np.ndarray

_REGISTRY = Registry("activation")
_SQRT_HALF = math.sqrt(0.5)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
# NumPy has no erf; math.erf is exact, and GELU is not on any hot path we benchmark.
_erf = np.frompyfunc(math.erf, 1, 1)


@dataclass(frozen=True)
class Activation:
    """An elementwise (or, for softmax, last-axis) activation and its derivative.

    Attributes
    ----------
    name : str
        The Keras name (``"relu"``).
    forward : callable
        ``forward(x) -> y``.
    backward : callable
        ``backward(x, y, dy) -> dx``.
    formula : str
        The formula, shown to learners.
    """

    name: str
    forward: Callable[[Array], Array]
    backward: Callable[[Array, Array, Array], Array]
    formula: str

    def __call__(self, x: Array) -> Array:
        return self.forward(x)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"


def _sigmoid(x: Array) -> Array:
    # exp(-|x|) never overflows, and each branch keeps full relative precision in its tail.
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z)).astype(x.dtype, copy=False)


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    e /= e.sum(axis=-1, keepdims=True)
    return e


def _gelu(x: Array) -> Array:
    cdf = 0.5 * (1.0 + _erf(x * _SQRT_HALF).astype(np.float64))
    return (x * cdf).astype(x.dtype, copy=False)


def _gelu_grad(x: Array, y: Array, dy: Array) -> Array:
    xd = x.astype(np.float64)
    cdf = 0.5 * (1.0 + _erf(xd * _SQRT_HALF).astype(np.float64))
    pdf = _INV_SQRT_2PI * np.exp(-0.5 * xd * xd)
    return (dy * (cdf + xd * pdf)).astype(x.dtype, copy=False)


def _softmax_grad(x: Array, y: Array, dy: Array) -> Array:
    # Jacobian-vector product of softmax along the last axis: y ⊙ (dy − ⟨dy, y⟩).
    return y * (dy - (dy * y).sum(axis=-1, keepdims=True))


def _silu_grad(x: Array, y: Array, dy: Array) -> Array:
    s = _sigmoid(x)
    return dy * (s * (1 + x * (1 - s)))


_LEAKY_SLOPE = 0.2  # Keras 3's default negative_slope for leaky_relu
_ELU_ALPHA = 1.0

for _act in (
    Activation("linear", lambda x: x, lambda x, y, dy: dy, "f(x) = x"),
    Activation("relu", lambda x: np.maximum(x, 0), lambda x, y, dy: dy * (x > 0), "f(x) = max(0, x)"),
    Activation(
        "leaky_relu",
        lambda x: np.where(x > 0, x, x * _LEAKY_SLOPE).astype(x.dtype, copy=False),
        lambda x, y, dy: np.where(x > 0, dy, dy * _LEAKY_SLOPE).astype(dy.dtype, copy=False),
        "f(x) = x if x > 0 else 0.2·x",
    ),
    Activation(
        "elu",
        lambda x: np.where(x > 0, x, _ELU_ALPHA * np.expm1(np.minimum(x, 0))).astype(x.dtype, copy=False),
        lambda x, y, dy: np.where(x > 0, dy, dy * (y + _ELU_ALPHA)).astype(dy.dtype, copy=False),
        "f(x) = x if x > 0 else eˣ − 1",
    ),
    Activation("gelu", _gelu, _gelu_grad, "f(x) = x·Φ(x)"),
    Activation("sigmoid", _sigmoid, lambda x, y, dy: dy * y * (1 - y), "f(x) = 1 / (1 + e⁻ˣ)"),
    Activation("tanh", np.tanh, lambda x, y, dy: dy * (1 - y * y), "f(x) = tanh(x)"),
    Activation("softmax", _softmax, _softmax_grad, "f(x)ᵢ = eˣⁱ / Σⱼ eˣʲ"),
    Activation(
        "softplus",
        lambda x: np.logaddexp(x.dtype.type(0), x),
        lambda x, y, dy: dy * _sigmoid(x),
        "f(x) = ln(1 + eˣ)",
    ),
    Activation("silu", lambda x: x * _sigmoid(x), _silu_grad, "f(x) = x·σ(x)"),
):
    _REGISTRY.add(_act.name, _act)
_REGISTRY.add("silu", _REGISTRY.lookup("silu"), "swish")


def names() -> tuple[str, ...]:
    """Return the names of all activations, in the order the app lists them."""
    return _REGISTRY.names()


def get(identifier: str | Activation | None) -> Activation:
    """Return the activation named ``identifier`` (``None`` means ``"linear"``), like ``keras.activations.get``.

    Raises
    ------
    UnknownNameError
        If the name is not one of :func:`names`.
    """
    if identifier is None:
        return _REGISTRY.lookup("linear")
    if isinstance(identifier, Activation):
        return identifier
    return _REGISTRY.lookup(identifier)


def serialize(activation: Activation) -> str:
    """Return the activation's name (JSON-safe)."""
    return activation.name


def deserialize(name: Any) -> Activation:
    """Inverse of :func:`serialize`."""
    return get(name)
