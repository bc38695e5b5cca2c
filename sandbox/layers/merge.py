"""Merge layers: ``Add`` and ``Concatenate``, which join several inputs into one.

They take a *list* of inputs, so they live in functional graphs (:mod:`sandbox.functional`), never in a
``Sequential`` stack: ``layers.Add()([x, y])``, ``layers.Concatenate()([a, b, c])``. Where the layer
protocol speaks of one input, a merge layer's ``input_shape`` is a list of per-sample shapes, its
``forward`` takes a list of arrays and its ``backward`` returns a list of input gradients, one per input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from ..errors import LayerArgumentError
from .base import REGISTRY, Layer, Shape, format_shape

__all__ = ["Add", "Concatenate", "Merge", "add", "concatenate"]


class Merge(Layer):
    """Base class of the layers that join a list of inputs; they have no weights."""

    #: Tells the graph to pass this layer a list of inputs (and to expect a list of input gradients back).
    multi_input: ClassVar[bool] = True

    def _shapes(self, input_shape: Any, source: str) -> list[Shape]:
        """The list of per-sample shapes, refusing a single shape (a merge layer in a stack)."""
        if not isinstance(input_shape, list | tuple) or not input_shape \
                or not all(isinstance(s, list | tuple) for s in input_shape):
            raise self._shape_error("layer.merge_needs_list", layer=type(self).__name__, source=source)
        if len(input_shape) < 2:
            raise self._shape_error("layer.merge_too_few", layer=type(self).__name__, count=len(input_shape))
        return [tuple(int(d) for d in s) for s in input_shape]

    def build(self, input_shape: Any, source: str = "the input") -> None:
        self.output_shape_ = self.output_shape_for(input_shape, source)
        self.input_shape_ = tuple(tuple(s) for s in input_shape)

    @property
    def input_shape(self) -> list[tuple[int | None, ...]]:
        """The input shapes with Keras's ``None`` batch axis, one per input."""
        if self.input_shape_ is None:
            raise AttributeError(f"layer {self.name!r} has not been built yet, so its input shape is unknown")
        return [(None, *s) for s in self.input_shape_]

    def compute_output_shape(self, input_shape: Sequence[tuple[int | None, ...]]) -> tuple[int | None, ...]:
        return (input_shape[0][0], *self.output_shape_for([tuple(int(d) for d in s[1:]) for s in input_shape]))


@REGISTRY.register()
class Add(Merge):
    """The element-wise sum of inputs of one shape: ``Add()([x, y])``, as ``keras.layers.Add``.

    Notes
    -----
    Every input is float (batch, *shape) with the same per-sample shape; so is the output. Unlike Keras,
    inputs are not broadcast against each other: shapes must be equal, and a mismatch is explained.
    The gradient of the sum reaches every input unchanged.
    """

    description = "adds its inputs, value by value"

    def output_shape_for(self, input_shape: Any, source: str = "the input") -> Shape:
        shapes = self._shapes(input_shape, source)
        if any(s != shapes[0] for s in shapes):
            raise self._shape_error("layer.add_shapes_differ",
                                    shapes=", ".join(format_shape(s) for s in shapes))
        return shapes[0]

    def forward(self, x: Sequence[np.ndarray], training: bool = False) -> np.ndarray:
        self._count = len(x)
        out = x[0] + x[1]
        for more in x[2:]:
            out += more  # `out` is a fresh array: adding in place touches no input
        return out

    def backward(self, dy: np.ndarray) -> list[np.ndarray] | None:
        # The same array for every input: the graph sums gradients into new arrays and never writes into these.
        return [dy] * self._count if self.need_input_grad else None


@REGISTRY.register()
class Concatenate(Merge):
    """Join inputs along one axis, as ``keras.layers.Concatenate(axis=-1)``.

    Parameters
    ----------
    axis : int
        The axis counted as Keras counts it, the batch axis being 0: ``-1`` (default) is the last axis,
        ``1`` the first per-sample axis. The batch axis itself cannot be joined.

    Notes
    -----
    Inputs are float (batch, *shape_i) whose shapes agree except along ``axis``; the output's size along
    ``axis`` is the sum of theirs.
    """

    description = "joins its inputs side by side"

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(axis, bool) or not isinstance(axis, int | np.integer) or axis == 0:
            raise LayerArgumentError("layer.concatenate_axis", axis=axis)
        self.axis = int(axis)

    def _sample_axis(self, rank: int) -> int:
        """The per-sample axis (0 = the first after the batch) that ``self.axis`` names for inputs of ``rank``."""
        axis = self.axis - 1 if self.axis > 0 else rank + self.axis
        if not 0 <= axis < rank:
            raise self._shape_error("layer.concatenate_axis_range", axis=self.axis, rank=rank + 1)
        return axis

    def output_shape_for(self, input_shape: Any, source: str = "the input") -> Shape:
        shapes = self._shapes(input_shape, source)
        ranks = {len(s) for s in shapes}
        shown = ", ".join(format_shape(s) for s in shapes)
        if len(ranks) > 1:
            raise self._shape_error("layer.concatenate_shapes", axis=self.axis, shapes=shown)
        axis = self._sample_axis(len(shapes[0]))
        rest = {s[:axis] + s[axis + 1:] for s in shapes}
        if len(rest) > 1:
            raise self._shape_error("layer.concatenate_shapes", axis=self.axis, shapes=shown)
        first = shapes[0]
        return (*first[:axis], sum(s[axis] for s in shapes), *first[axis + 1:])

    def forward(self, x: Sequence[np.ndarray], training: bool = False) -> np.ndarray:
        axis = self._sample_axis(x[0].ndim - 1) + 1
        self._splits = np.cumsum([a.shape[axis] for a in x])[:-1]
        return np.concatenate(x, axis=axis)

    def backward(self, dy: np.ndarray) -> list[np.ndarray] | None:
        if not self.need_input_grad:
            return None
        return np.split(dy, self._splits, axis=self._sample_axis(dy.ndim - 1) + 1)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}

    def summary_settings(self) -> str:
        return f"axis {self.axis}"


def add(inputs: Sequence[Any], **kwargs: Any) -> Any:
    """``keras.layers.add([x, y])``: the same as ``Add(**kwargs)([x, y])``."""
    return Add(**kwargs)(inputs)


def concatenate(inputs: Sequence[Any], axis: int = -1, **kwargs: Any) -> Any:
    """``keras.layers.concatenate([a, b], axis=-1)``: the same as ``Concatenate(axis)([a, b])``."""
    return Concatenate(axis=axis, **kwargs)(inputs)
