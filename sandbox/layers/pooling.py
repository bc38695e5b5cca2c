"""MaxPooling2D and AveragePooling2D over channels-last images."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._registry import check_pair
from .base import REGISTRY, Layer, Shape, format_shape
from .conv import check_data_format, check_padding, conv_output_size, same_padding

__all__ = ["AveragePooling2D", "MaxPooling2D"]


class _Pooling2D(Layer):
    """Shared shape logic; the window is visited one offset at a time, never as a narrow-axis reduction
    (a ``max`` over a reshaped (…, 2, …, 2) axis was 9.6× slower, PERFORMANCE.md §1)."""

    def __init__(self, pool_size: Any = (2, 2), strides: Any = None, padding: str = "valid",
                 data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        owner = type(self).__name__
        self.pool_size = check_pair("pool_size", pool_size, owner=owner)
        self.strides = self.pool_size if strides is None else check_pair("strides", strides, owner=owner)
        self.padding = check_padding(padding, owner)
        check_data_format(data_format, owner)

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        name = type(self).__name__
        if len(input_shape) != 3:
            raise self._shape_error(
                f"{name} expects an image input (batch, height, width, channels); got "
                f"{format_shape(input_shape)} from {source}",
                fix="remove_flatten" if len(input_shape) == 1 else None,
            )
        h, w, c = input_shape
        ho = conv_output_size(h, self.pool_size[0], self.strides[0], self.padding)
        wo = conv_output_size(w, self.pool_size[1], self.strides[1], self.padding)
        if ho < 1 or wo < 1:
            ph, pw = self.pool_size
            raise self._shape_error(
                f"{name} window {ph}×{pw} does not fit its {h}×{w} input from {source}"
                " — the image is already too small; remove this layer or use a smaller pool_size",
            )
        return (ho, wo, c)

    def _pad(self, x: np.ndarray, fill: float) -> np.ndarray:
        self._in_shape = x.shape
        self._offset = (0, 0)
        if self.padding == "valid":
            return x
        n, h, w, c = x.shape
        top, bottom = same_padding(h, self.pool_size[0], self.strides[0])
        left, right = same_padding(w, self.pool_size[1], self.strides[1])
        if not (top or bottom or left or right):
            return x
        xp = np.full((n, h + top + bottom, w + left + right, c), fill, x.dtype)
        xp[:, top:top + h, left:left + w, :] = x
        self._offset = (top, left)
        return xp

    def _windows(self, shape: tuple[int, ...]):
        """Yield ``(k, index)``: for each window offset, the slice of the (padded) input it reads."""
        ho, wo, _ = self.output_shape_
        sh, sw = self.strides
        k = 0
        for i in range(self.pool_size[0]):
            for j in range(self.pool_size[1]):
                yield k, (slice(None), slice(i, i + sh * (ho - 1) + 1, sh), slice(j, j + sw * (wo - 1) + 1, sw))
                k += 1

    def _unpad(self, dxp: np.ndarray) -> np.ndarray:
        n, h, w, c = self._in_shape
        top, left = self._offset
        return dxp[:, top:top + h, left:left + w, :]

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "pool_size": list(self.pool_size), "strides": list(self.strides),
                "padding": self.padding}

    def summary_settings(self) -> str:
        return f"{self.pool_size[0]}×{self.pool_size[1]}"


@REGISTRY.register("max_pool2d")
class MaxPooling2D(_Pooling2D):
    """Keep the largest value of each ``pool_size`` window (default 2×2, strides = pool_size).

    Notes
    -----
    ``x`` (batch, H, W, C) → (batch, H', W', C). The gradient flows to the first maximum of each
    window in row-major order, as in PyTorch and Keras.
    """

    description = "keeps the strongest value of each small window, halving the image"

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        xp = self._pad(x, -np.inf)
        self._padded_shape = xp.shape
        out = arg = None
        for k, idx in self._windows(xp.shape):
            v = xp[idx]
            if out is None:
                out = v.copy()
                arg = np.zeros(v.shape, np.uint8)
            else:
                better = v > out  # strict: ties keep the earlier offset
                np.copyto(out, v, where=better)
                arg[better] = k
        self._arg = arg
        return out

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        dxp = np.zeros(self._padded_shape, dy.dtype)
        for k, idx in self._windows(self._padded_shape):
            dxp[idx] += np.where(self._arg == k, dy, dy.dtype.type(0))
        return self._unpad(dxp)


@REGISTRY.register("avg_pool2d", "average_pooling2d")
class AveragePooling2D(_Pooling2D):
    """Average each ``pool_size`` window (default 2×2). With ``"same"``, padding is not counted."""

    description = "averages each small window, halving the image"

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        xp = self._pad(x, 0.0)
        self._padded_shape = xp.shape
        out = None
        for _, idx in self._windows(xp.shape):
            out = xp[idx].copy() if out is None else out + xp[idx]
        if xp is x:
            self._scale = x.dtype.type(1.0 / (self.pool_size[0] * self.pool_size[1]))
        else:
            ones = self._pad(np.ones((1, *x.shape[1:3], 1), x.dtype), 0.0)
            counts = None
            for _, idx in self._windows(ones.shape):
                counts = ones[idx].copy() if counts is None else counts + ones[idx]
            self._scale = (1.0 / counts).astype(x.dtype)
            self._in_shape = x.shape
        return out * self._scale

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        dxp = np.zeros(self._padded_shape, dy.dtype)
        g = dy * self._scale
        for _, idx in self._windows(self._padded_shape):
            dxp[idx] += g
        return self._unpad(dxp)
