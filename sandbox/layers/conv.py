"""Conv2D: a 2-D convolution over channels-last images, by im2col and one GEMM."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._registry import check_int, check_pair
from ..errors import LayerArgumentError
from .base import REGISTRY, Shape, WeightedLayer, format_shape

__all__ = ["Conv2D", "conv_output_size", "same_padding"]


def conv_output_size(size: int, kernel: int, stride: int, padding: str) -> int:
    """Output length along one axis, as Keras computes it (``"same"`` → ⌈size/stride⌉)."""
    if padding == "same":
        return -(-size // stride)
    return (size - kernel) // stride + 1 if size >= kernel else 0


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """``(before, after)`` zero padding for ``"same"``; the odd pixel goes after, as in TensorFlow/Keras."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def check_padding(padding: Any, owner: str) -> str:
    """Validate Keras's ``padding`` argument."""
    if not isinstance(padding, str) or padding.lower() not in ("valid", "same"):
        raise LayerArgumentError(f"{owner}: padding must be 'valid' or 'same', got {padding!r}")
    return padding.lower()


def check_data_format(data_format: Any, owner: str) -> None:
    """Only channels-last is supported: say so plainly."""
    if data_format not in (None, "channels_last"):
        raise LayerArgumentError(f"{owner}: only data_format='channels_last' is supported, got {data_format!r}")


@REGISTRY.register()
class Conv2D(WeightedLayer):
    """2-D convolution: each of ``filters`` kernels slides over the image and makes one feature map.

    Parameters
    ----------
    filters : int
        Number of output channels.
    kernel_size : int or (int, int)
        Window height and width.
    strides : int or (int, int)
        Step between windows (default 1).
    padding : {"valid", "same"}
        ``"same"`` pads with zeros so the output is ⌈size/stride⌉.
    activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer
        As in Keras 3.

    Notes
    -----
    ``x`` (batch, H, W, C) float; ``kernel`` (kh, kw, C, filters) as in Keras; ``bias`` (filters,);
    ``y`` (batch, H', W', filters). Forward copies the kh·kw shifted views of the input into a
    (batch·H'·W', kh·kw·C) column buffer, one slice copy per kernel offset (7.5× faster than copying a
    ``sliding_window_view``), then does a single 2-D matrix product.
    """

    weight_names = ("kernel", "bias")
    description = "small filters that slide over the image and find patterns"

    def __init__(self, filters: int, kernel_size: Any, strides: Any = (1, 1), padding: str = "valid",
                 data_format: str | None = None, dilation_rate: Any = (1, 1), activation: Any = None,
                 use_bias: bool = True, **kwargs: Any) -> None:
        super().__init__(activation=activation, use_bias=use_bias, **kwargs)
        self.filters = check_int("filters", filters, owner="Conv2D")
        self.kernel_size = check_pair("kernel_size", kernel_size, owner="Conv2D")
        self.strides = check_pair("strides", strides, owner="Conv2D")
        self.padding = check_padding(padding, "Conv2D")
        check_data_format(data_format, "Conv2D")
        if check_pair("dilation_rate", dilation_rate, owner="Conv2D") != (1, 1):
            raise LayerArgumentError(f"Conv2D: only dilation_rate=1 is supported, got {dilation_rate!r}")
        self._ones: np.ndarray | None = None

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        if len(input_shape) != 3:
            hint = " — remove Flatten or add Reshape((28, 28, 1))" if len(input_shape) == 1 else ""
            raise self._shape_error(
                f"Conv2D expects an image input (batch, height, width, channels); got "
                f"{format_shape(input_shape)} from {source}{hint}",
                fix="remove_flatten" if len(input_shape) == 1 else None,
            )
        h, w, _ = input_shape
        kh, kw = self.kernel_size
        sh, sw = self.strides
        ho = conv_output_size(h, kh, sh, self.padding)
        wo = conv_output_size(w, kw, sw, self.padding)
        if ho < 1 or wo < 1:
            raise self._shape_error(
                f"Conv2D kernel {kh}×{kw} does not fit its {h}×{w} input from {source} with padding='valid'"
                " — use padding='same' or a smaller kernel",
                fix="padding_same",
            )
        return (ho, wo, self.filters)

    def weight_shapes(self, input_shape: Shape) -> dict[str, Shape]:
        shapes = {"kernel": (*self.kernel_size, input_shape[2], self.filters)}
        if self.use_bias:
            shapes["bias"] = (self.filters,)
        return shapes

    def _padded(self, x: np.ndarray) -> tuple[np.ndarray, tuple[int, int, int, int]]:
        if self.padding == "valid":
            return x, (0, 0, 0, 0)
        n, h, w, c = x.shape
        top, bottom = same_padding(h, self.kernel_size[0], self.strides[0])
        left, right = same_padding(w, self.kernel_size[1], self.strides[1])
        if not (top or bottom or left or right):
            return x, (0, 0, 0, 0)
        xp = np.zeros((n, h + top + bottom, w + left + right, c), x.dtype)
        xp[:, top:top + h, left:left + w, :] = x
        return xp, (top, bottom, left, right)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        n = x.shape[0]
        kh, kw = self.kernel_size
        sh, sw = self.strides
        ho, wo, f = self.output_shape_
        xp, self._pads = self._padded(x)
        self._in_shape = x.shape
        self._padded_shape = xp.shape
        c = x.shape[3]
        cols = np.empty((n, ho, wo, kh, kw, c), x.dtype)
        for i in range(kh):
            for j in range(kw):
                cols[:, :, :, i, j, :] = xp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :]
        self._cols = cols.reshape(n * ho * wo, kh * kw * c)
        z = self._cols @ self.params["kernel"].reshape(kh * kw * c, f)
        if self.use_bias:
            z += self.params["bias"]
        return self._activate(z.reshape(n, ho, wo, f))

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        kh, kw = self.kernel_size
        sh, sw = self.strides
        n, h, w, c = self._in_shape
        ho, wo, f = self.output_shape_
        dz = self._activation_grad(dy).reshape(-1, f)
        kernel2d = self.params["kernel"].reshape(kh * kw * c, f)
        np.matmul(self._cols.T, dz, out=self.grads["kernel"].reshape(kh * kw * c, f))
        if self.use_bias:
            if self._ones is None or self._ones.shape[0] != dz.shape[0] or self._ones.dtype != dz.dtype:
                self._ones = np.ones(dz.shape[0], dz.dtype)
            np.matmul(self._ones, dz, out=self.grads["bias"])
        self._add_penalty_grads()
        if not self.need_input_grad:
            return None
        dcols = (dz @ kernel2d.T).reshape(n, ho, wo, kh, kw, c)
        dxp = np.zeros(self._padded_shape, dz.dtype)
        for i in range(kh):
            for j in range(kw):
                dxp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :] += dcols[:, :, :, i, j, :]
        top, _, left, _ = self._pads
        if dxp.shape == (n, h, w, c):
            return dxp
        return dxp[:, top:top + h, left:left + w, :]

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": self.padding,
        }

    def summary_settings(self) -> str:
        kh, kw = self.kernel_size
        s = f"{self.filters}, {kh}×{kw}"
        if self.strides != (1, 1):
            s += f", stride {self.strides[0]}" if self.strides[0] == self.strides[1] else f", stride {self.strides}"
        return f"{s}, {self.padding}, {self.activation.name}"
