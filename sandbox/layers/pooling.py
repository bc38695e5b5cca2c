"""MaxPooling2D, AveragePooling2D and GlobalAveragePooling2D over channels-last images.

Outputs and input gradients keep the memory order of the input: after a Conv2D (whose outputs are
channels-first memory behind a (batch, H, W, C) view) every pass here walks rows of W values. The
common 2×2 / stride 2 case has fast paths; every other pool size, stride and padding takes the
general path, which visits one window offset at a time.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _native
from .._registry import check_pair
from .base import REGISTRY, Layer, Shape, image_input_error
from .conv import check_data_format, check_padding, conv_output_size, same_padding

__all__ = ["AveragePooling2D", "GlobalAveragePooling2D", "MaxPooling2D"]


class _Pooling2D(Layer):
    """Shared shape logic; the window is visited one offset at a time, never as a narrow-axis reduction
    (a ``max`` over a reshaped (…, 2, …, 2) axis was 9.6× slower at these shapes)."""

    def __init__(self, pool_size: Any = (2, 2), strides: Any = None, padding: str = "valid",
                 data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        owner = type(self).__name__
        self.pool_size = check_pair("pool_size", pool_size, owner=owner)
        self.strides = self.pool_size if strides is None else check_pair("strides", strides, owner=owner)
        self.padding = check_padding(padding, owner)
        check_data_format(data_format, owner)
        self._quarter_bufs: dict[tuple, tuple[np.ndarray, ...]] = {}
        self._fast = False

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        name = type(self).__name__
        if len(input_shape) != 3:
            code, fields = image_input_error(name, input_shape, source)
            raise self._shape_error(code, fix="remove_flatten" if len(input_shape) == 1 else None, **fields)
        h, w, c = input_shape
        ho = conv_output_size(h, self.pool_size[0], self.strides[0], self.padding)
        wo = conv_output_size(w, self.pool_size[1], self.strides[1], self.padding)
        if ho < 1 or wo < 1:
            ph, pw = self.pool_size
            raise self._shape_error(
                "layer.window_too_large", layer=name, window=f"{ph}×{pw}", size=f"{h}×{w}", source=source,
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

    def _fast_2x2(self, x: np.ndarray) -> bool:
        """The common case: 2×2 windows, stride 2, no padding needed."""
        if self.pool_size != (2, 2) or self.strides != (2, 2):
            return False
        return self.padding == "valid" or (x.shape[1] % 2 == 0 and x.shape[2] % 2 == 0)

    def _buffers(self, quarter: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, ...]:
        """Four reused contiguous arrays shaped like ``quarter``, in ``x``'s memory order."""
        key = (quarter.shape, tuple(_axis_order(x)), x.dtype)
        bufs = self._quarter_bufs.get(key)
        if bufs is None:
            bufs = tuple(_like(quarter) for _ in range(4))
            self._quarter_bufs = {key: bufs}
        return bufs

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
        _, h, w, _ = self._in_shape
        top, left = self._offset
        return dxp[:, top:top + h, left:left + w, :]

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "pool_size": list(self.pool_size), "strides": list(self.strides),
                "padding": self.padding}

    def summary_settings(self) -> str:
        return f"{self.pool_size[0]}×{self.pool_size[1]}"


def _quarters(x: np.ndarray, ho: int, wo: int) -> tuple[np.ndarray, ...]:
    """The four strided (batch, ho, wo, C) views of 2×2 windows at stride 2, in row-major window order."""
    h2, w2 = 2 * ho, 2 * wo
    return (x[:, 0:h2:2, 0:w2:2], x[:, 0:h2:2, 1:w2:2], x[:, 1:h2:2, 0:w2:2], x[:, 1:h2:2, 1:w2:2])


def _like(x: np.ndarray) -> np.ndarray:
    """An empty array of ``x``'s shape and dtype whose memory order follows ``x``'s strides.

    Conv2D hands over channels-first memory behind a (batch, H, W, C) view; keeping that order lets
    NumPy walk long rows in every elementwise pass.
    """
    return np.empty_like(x, order="K")


def _empty_in_order(shape: tuple[int, ...], dtype: np.dtype, order: list[int]) -> np.ndarray:
    """An empty array of ``shape`` whose axes lie in memory in ``order`` (outermost first)."""
    return np.empty([shape[i] for i in order], dtype).transpose(np.argsort(order))


def _in_order_of(a: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``a``, copied into ``like``'s memory order if it differs (mixed orders make every pass slow)."""
    if _axis_order(a) == _axis_order(like):
        return a
    out = np.empty_like(like, dtype=a.dtype)
    np.copyto(out, a)
    return out


def _axis_order(a: np.ndarray) -> list[int]:
    """Axes from the largest stride to the smallest: [0, 1, 2, 3] for channels-last memory."""
    strides = a.strides
    return sorted(range(a.ndim), key=lambda i: -abs(strides[i]))


@REGISTRY.register("max_pool2d")
class MaxPooling2D(_Pooling2D):
    """Keep the largest value of each ``pool_size`` window (default 2×2, strides = pool_size).

    Notes
    -----
    ``x`` (batch, H, W, C) → (batch, H', W', C). The gradient flows to the first maximum of each
    window in row-major order, as in PyTorch and Keras. (With a NaN in a 2×2 window the fast path
    returns NaN, as ``np.maximum`` does; the general path skips it.)
    """

    description = "keeps the strongest value of each small window, halving the image"

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        if self._fast_2x2(x):
            return self._forward_2x2(x, training)
        self._fast = False
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

    def _forward_2x2(self, x: np.ndarray, training: bool) -> np.ndarray:
        # Two np.maximum passes find the maximum (no narrow-axis reduction, 9.6× slower). In training,
        # the four strided quarters of the windows are first copied into contiguous arrays: a strided
        # np.maximum costs 2× a strided copy and ~7× a contiguous one, and the three boolean masks that
        # record where the first maximum is (for backward) then come from contiguous passes too.
        self._fast = True
        self._x = x
        self._winner = self._masks = None
        kernels = _native.KERNELS
        order = _axis_order(x)
        if kernels is not None and order[-2:] == [1, 2]:  # image rows innermost: Conv2D's output memory
            ho, wo = self.output_shape_[:2]
            planes = x.transpose(order)  # (C, batch, H, W) or (batch, C, H, W), strided
            out = np.empty((*planes.shape[:2], ho, wo), x.dtype)
            winner = np.empty(out.shape, np.uint8) if training else None
            # the NumPy code below in one pass, with each window's winner in place of its three masks
            if kernels.maxpool2x2(planes, out, winner):
                self._winner, self._order = winner, order
                return out.transpose(np.argsort(order))
        if not training:  # prediction: fewest passes; backward, if it comes, finds the masks itself
            self._masks = None
            a, b, c, d = _quarters(x, *self.output_shape_[:2])
            top = np.maximum(a, b)
            return np.maximum(top, np.maximum(c, d), out=top)
        quarters = _quarters(x, *self.output_shape_[:2])
        bufs = self._buffers(quarters[0], x)
        qa, qb, qc, qd = bufs
        for buf, quarter in zip(bufs, quarters, strict=True):
            np.copyto(buf, quarter)
        left_top = np.greater_equal(qa, qb)  # within the top pair, a wins ties
        np.maximum(qa, qb, out=qa)
        left_bottom = np.greater_equal(qc, qd)
        np.maximum(qc, qd, out=qc)
        top_wins = np.greater_equal(qa, qc)  # the top pair wins ties
        self._masks = (top_wins, left_top, left_bottom)
        return np.maximum(qa, qc)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        if self._fast:
            return self._backward_2x2(dy)
        dxp = np.zeros(self._padded_shape, dy.dtype)
        for k, idx in self._windows(self._padded_shape):
            dxp[idx] += dy * (self._arg == k)  # np.where is ~10× slower here
        return self._unpad(dxp)

    def _backward_2x2(self, dy: np.ndarray) -> np.ndarray:
        # The gradient goes to the first maximum in row-major window order (a, b, c, d): to the top
        # pair if max(a, b) >= max(c, d), then to a if a >= b, else b; likewise c, d in the bottom pair.
        x = self._x
        ho, wo = dy.shape[1:3]
        kernels = _native.KERNELS
        if self._winner is not None and kernels is not None:
            order = self._order
            dx = _empty_in_order(x.shape, dy.dtype, order)
            if kernels.maxpool2x2_backward(dy.transpose(order), self._winner, dx.transpose(order)):
                return dx
        if self._masks is None:
            a, b, c, d = _quarters(x, ho, wo)
            top, bottom = np.maximum(a, b), np.maximum(c, d)
            self._masks = (np.greater_equal(top, bottom), np.greater_equal(a, b), np.greater_equal(c, d))
        masks = self._masks
        dy = _in_order_of(dy, masks[0])
        dx = _empty_in_order(x.shape, dy.dtype, _axis_order(masks[0]))
        if x.shape[1] != 2 * ho or x.shape[2] != 2 * wo:  # odd size, "valid": the last row/column gets none
            dx.fill(0)
        da, db, dc, dd = _quarters(dx, ho, wo)
        top_wins, left_top, left_bottom = masks
        g_top = np.multiply(dy, top_wins)
        g_bottom = np.subtract(dy, g_top)  # exact: dy − dy = 0 or dy − 0 = dy
        g = np.multiply(g_top, left_top)
        np.copyto(da, g)
        np.copyto(db, np.subtract(g_top, g, out=g_top))
        np.multiply(g_bottom, left_bottom, out=g)
        np.copyto(dc, g)
        np.copyto(dd, np.subtract(g_bottom, g, out=g_bottom))
        return dx


@REGISTRY.register("avg_pool2d", "average_pooling2d")
class AveragePooling2D(_Pooling2D):
    """Average each ``pool_size`` window (default 2×2). With ``"same"``, padding is not counted."""

    description = "averages each small window, halving the image"

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._fast = self._fast_2x2(x)
        if self._fast:  # the sum in the general path's order, so the results are the same bits
            self._x_shape, self._x_order = x.shape, _axis_order(x)
            self._scale = x.dtype.type(0.25)
            a, b, c, d = _quarters(x, *self.output_shape_[:2])
            out = np.add(a, b)
            out += c
            out += d
            out *= self._scale
            return out
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
        g = dy * self._scale
        if self._fast:
            ho, wo = dy.shape[1:3]
            shape = self._x_shape
            dx = _empty_in_order(shape, g.dtype, self._x_order)
            if shape[1] != 2 * ho or shape[2] != 2 * wo:  # odd size, "valid": the last row/column gets none
                dx.fill(0)
            for quarter in _quarters(dx, ho, wo):
                np.copyto(quarter, g)
            return dx
        dxp = np.zeros(self._padded_shape, dy.dtype)
        for _, idx in self._windows(self._padded_shape):
            dxp[idx] += g
        return self._unpad(dxp)


@REGISTRY.register("global_avg_pool2d", "global_average_pooling2d")
class GlobalAveragePooling2D(Layer):
    """Average each channel over the whole image: (batch, H, W, C) → (batch, C), as Keras's.

    Parameters
    ----------
    data_format : {"channels_last", None}
        Only channels-last images.
    keepdims : bool
        Keep the two image axes, of size 1: (batch, 1, 1, C).

    Notes
    -----
    The gradient spreads each channel's ``dy`` evenly over its H·W positions: ``dx = dy / (H·W)``.
    """

    description = "averages each feature map over the whole image"

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        check_data_format(data_format, "GlobalAveragePooling2D")
        self.keepdims = bool(keepdims)

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        if len(input_shape) != 3:
            code, fields = image_input_error("GlobalAveragePooling2D", input_shape, source)
            raise self._shape_error(code, fix="remove_flatten" if len(input_shape) == 1 else None, **fields)
        return (1, 1, input_shape[2]) if self.keepdims else (input_shape[2],)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._in_shape = x.shape
        return x.mean(axis=(1, 2), keepdims=self.keepdims)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        if not self.need_input_grad:
            return None
        n, h, w, c = self._in_shape
        scale = dy.dtype.type(1.0 / (h * w))
        g = (dy * scale).reshape(n, 1, 1, c)
        return np.broadcast_to(g, self._in_shape).copy()

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "keepdims": self.keepdims}
