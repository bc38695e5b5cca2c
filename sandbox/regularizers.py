"""Weight penalties added to the loss: ``l1``, ``l2`` and ``l1_l2``, with Keras 3's defaults (0.01).

As in Keras 3, the lower-case names are the classes themselves: ``regularizers.l2(0.001)`` is
``regularizers.L2(0.001)``, and ``regularizers.l1_l2(l1=0.001, l2=0.001)`` is ``L1L2`` (whose defaults are 0).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._registry import Registry, check_float, serialize

__all__ = ["L1", "L1L2", "L2", "Regularizer", "deserialize", "get", "l1", "l1_l2", "l2", "serialize"]

_REGISTRY = Registry("regularizer")


class Regularizer:
    """A penalty ``P(w)`` on one weight array, and its gradient ``dP/dw``."""

    l1: float = 0.0
    l2: float = 0.0

    def __call__(self, w: np.ndarray) -> float:
        """Return the penalty for weights ``w`` (any shape) as a Python float."""
        total = 0.0
        if self.l1:
            total += self.l1 * float(np.abs(w).sum(dtype=np.float64))
        if self.l2:
            total += self.l2 * float(np.dot(w.ravel(), w.ravel()))
        return total

    def add_gradient(self, w: np.ndarray, grad: np.ndarray) -> None:
        """Add ``dP/dw`` to ``grad`` in place (same shape and dtype as ``w``)."""
        if self.l1:
            grad += np.sign(w) * grad.dtype.type(self.l1)
        if self.l2:
            grad += w * grad.dtype.type(2.0 * self.l2)

    def get_config(self) -> dict[str, Any]:
        """Return the JSON-safe constructor arguments."""
        return {}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Regularizer:
        """Rebuild from :meth:`get_config`'s output."""
        return cls(**config)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_config() == other.get_config()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.l1, self.l2))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


@_REGISTRY.register("l1")
class L1(Regularizer):
    """``l1 · Σ|w|``."""

    def __init__(self, l1: float = 0.01) -> None:
        self.l1 = check_float("l1", l1, low=0.0, owner="L1")

    def get_config(self) -> dict[str, Any]:
        return {"l1": self.l1}


@_REGISTRY.register("l2")
class L2(Regularizer):
    """``l2 · Σw²``."""

    def __init__(self, l2: float = 0.01) -> None:
        self.l2 = check_float("l2", l2, low=0.0, owner="L2")

    def get_config(self) -> dict[str, Any]:
        return {"l2": self.l2}


@_REGISTRY.register("l1_l2")
class L1L2(Regularizer):
    """``l1 · Σ|w| + l2 · Σw²`` (Keras defaults: both 0.0 for the class, 0.01 for the ``"l1_l2"`` name)."""

    def __init__(self, l1: float = 0.0, l2: float = 0.0) -> None:
        self.l1 = check_float("l1", l1, low=0.0, owner="L1L2")
        self.l2 = check_float("l2", l2, low=0.0, owner="L1L2")

    def get_config(self) -> dict[str, Any]:
        return {"l1": self.l1, "l2": self.l2}


#: Keras 3's lower-case aliases: the classes under another name (``keras.regularizers.l2 is L2``).
l1 = L1
l2 = L2
l1_l2 = L1L2


def get(identifier: Any) -> Regularizer | None:
    """Return a regularizer from ``None``, a name, a serialized dict or an instance.

    As in Keras, the string ``"l1_l2"`` means ``L1L2(l1=0.01, l2=0.01)``.
    """
    if identifier is None:
        return None
    if isinstance(identifier, str) and identifier.lower() in ("l1_l2", "l1l2"):
        return L1L2(0.01, 0.01)
    return _REGISTRY.deserialize(identifier)


def deserialize(config: Any) -> Regularizer | None:
    """Inverse of :func:`serialize`."""
    return get(config)


_ = serialize
