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
        self._spaces: dict[tuple, _Workspace] = {}
        self._join_cache: tuple | None = None

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

    # ---- computation -------------------------------------------------------------------------------
    #
    # Layout. Images cross the layer boundary as (batch, H, W, C) arrays, but inside, and in the arrays
    # it returns, the channel axis is outermost in memory: an output is the (batch, H', W', filters)
    # view ``y.transpose(1, 2, 3, 0)`` of a (filters, batch, H', W') block. NumPy then walks every
    # elementwise pass (ReLU, pooling, their gradients) along rows of W' values instead of rows of
    # 8–16 channels, 2–4× faster here, and the next Conv2D/pooling layer reads rows too. Shapes,
    # values and the (kh, kw, in, out) kernel layout are those of Keras; only the strides differ.
    #
    # im2col is transposed as well: ``cols`` is (kh·kw·C [+1], batch·H'·W'), one row per kernel tap
    # and channel in the kernel's (kh, kw, C) order, so each tap is one slice copy of whole rows from
    # a zero-padded channels-first copy of the input kept across calls. With a bias, a last row of
    # ones and the bias stored right after the kernel (as the model lays out weights) make forward,
    # and the kernel and bias gradients together, one GEMM each (no ``z += b``, no ``dz.sum``).

    def _pads(self, h: int, w: int) -> tuple[int, int, int, int]:
        if self.padding == "valid":
            return 0, 0, 0, 0
        top, bottom = same_padding(h, self.kernel_size[0], self.strides[0])
        left, right = same_padding(w, self.kernel_size[1], self.strides[1])
        return top, bottom, left, right

    def _workspace(self, shape: tuple[int, ...], dtype: np.dtype, ones_row: bool) -> _Workspace:
        key = (shape, dtype, ones_row)
        ws = self._spaces.get(key)
        if ws is None:
            if len(self._spaces) >= _MAX_WORKSPACES:  # e.g. batch 64, a last partial batch, one image
                self._spaces.pop(next(iter(self._spaces)))
            ws = self._spaces[key] = _Workspace(shape, self, dtype, ones_row)
        return ws

    def _joined(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(kh·kw·C + 1, filters) views of kernel+bias and of their gradients, if both pairs are adjacent."""
        k, b = self.params["kernel"], self.params["bias"]
        gk, gb = self.grads.get("kernel"), self.grads.get("bias")
        cache = self._join_cache
        if cache is not None and cache[0] is k and cache[1] is b and cache[2] is gk and cache[3] is gb:
            return cache[4]
        joined = None
        wj = _adjacent(k, b)
        gj = _adjacent(gk, gb) if gk is not None and gb is not None else None
        if wj is not None and gj is not None:
            joined = (wj, gj)
        self._join_cache = (k, b, gk, gb, joined)
        return joined

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        n, h, w, c = x.shape
        kh, kw = self.kernel_size
        sh, sw = self.strides
        ho, wo, f = self.output_shape_
        joined = self._joined() if self.use_bias else None
        ws = self._workspace(x.shape, x.dtype, joined is not None)
        ws.load(x)
        cols = ws.im2col()
        kernel2d = self.params["kernel"].reshape(kh * kw * c, f)
        weights = joined[0] if joined is not None else kernel2d
        z = _gemm_wide(weights.T, cols, np.empty((f, cols.shape[1]), cols.dtype))  # channels-first
        if self.use_bias and joined is None:
            z += self.params["bias"][:, None]
        self._ws, self._joined_now, self._in_shape = ws, joined, x.shape
        z4 = ws.valid(z)
        name = self.activation.name
        if name == "relu":
            # Against an array of zeros, not the scalar 0: NumPy's SIMD loop is 2.5× faster then.
            np.maximum(z, ws.zeros, out=z)  # y > 0 exactly where z > 0, so backward needs only y
            self._z = self._y = z4
        elif name == "linear":
            self._z = self._y = z4
        else:
            self._z, self._y = z4, self.activation.forward(z4)
        return self._y.transpose(1, 2, 3, 0)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        kh, kw = self.kernel_size
        n, h, w, c = self._in_shape
        ho, wo, f = self.output_shape_
        ws, joined = self._ws, self._joined_now
        dy_t = dy.transpose(3, 0, 1, 2)  # (filters, batch, H', W'), a view
        dz, dz4 = ws.dz, ws.dz4
        name = self.activation.name
        if name == "relu":
            np.greater(self._y, 0, out=ws.mask)
            np.multiply(dy_t, ws.mask, out=dz4)
        elif name == "linear":
            np.copyto(dz4, dy_t)
        else:
            np.copyto(dz4, self.activation.backward(self._z, self._y, dy_t))
        cols = ws.cols
        if joined is not None:
            _gemm_long(cols, dz.T, joined[1])  # kernel and bias gradients in one GEMM
        else:
            _gemm_long(cols, dz.T, self.grads["kernel"].reshape(kh * kw * c, f))
            if self.use_bias:
                np.matmul(dz, ws.ones, out=self.grads["bias"])
        self._add_penalty_grads()
        if not self.need_input_grad:
            return None
        return ws.col2im(self.params["kernel"].reshape(kh * kw * c, f), dz).transpose(1, 2, 3, 0)

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


_MAX_WORKSPACES = 4
# OpenBLAS (the SkylakeX kernels NumPy's wheels pick on AVX-512 machines) runs products with
# M·N·K ≤ 100³ through its small-matrix kernels, 1.2–4× faster on our thin shapes than its general
# path. The conv GEMMs are thin (8–16 filters, 10–73 taps) and long (up to 64·30·30 columns), so
# they are cut along the long axis into pieces under that size. Elsewhere the pieces cost a little.
_SMALL_GEMM = 1_000_000
_MIN_PIECE = 256


def _gemm_wide(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``out = a @ b`` for a small ``a`` (M, K) and a wide ``b`` (K, L), in column pieces."""
    step = _SMALL_GEMM // max(a.shape[0] * a.shape[1], 1)
    length = b.shape[1]
    if step >= length or step < _MIN_PIECE:
        return np.matmul(a, b, out=out)
    for start in range(0, length, step):
        np.matmul(a, b[:, start:start + step], out=out[:, start:start + step])
    return out


def _gemm_long(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``out = a @ b`` for ``a`` (M, L) and ``b`` (L, N) with a long inner axis L, summed over pieces."""
    step = _SMALL_GEMM // max(out.size, 1)
    length = a.shape[1]
    if step >= length or step < _MIN_PIECE:
        return np.matmul(a, b, out=out)
    np.matmul(a[:, :step], b[:step], out=out)
    part = np.empty_like(out)
    for start in range(step, length, step):
        out += np.matmul(a[:, start:start + step], b[start:start + step], out=part)
    return out


def _adjacent(a: np.ndarray, b: np.ndarray) -> np.ndarray | None:
    """A (a.size // b.size + 1, b.size) view of ``a`` followed by ``b``, if ``b`` starts where ``a`` ends.

    The model stores a layer's kernel and bias back to back in its flat weight buffer (and the same for
    gradients); this finds the enclosing array and returns the joined view, or None if they are apart.
    """
    if a.dtype != b.dtype or not (a.flags.c_contiguous and b.flags.c_contiguous) or a.size % b.size:
        return None
    root = a
    while isinstance(root.base, np.ndarray):
        root = root.base
    broot = b
    while isinstance(broot.base, np.ndarray):
        broot = broot.base
    if root is not broot or not root.flags.c_contiguous:
        return None
    start = a.ctypes.data - root.ctypes.data
    if b.ctypes.data != a.ctypes.data + a.nbytes or start % a.itemsize:
        return None
    start //= a.itemsize
    return root.reshape(-1)[start:start + a.size + b.size].reshape(a.size // b.size + 1, b.size)


class _Workspace:
    """Buffers of one Conv2D for one input shape, kept across calls (allocating them costs more than
    filling them): the zero-padded channels-first input, the im2col matrix, and gradient scratch.

    The GEMM columns are output positions. With stride 1 they are *all* positions of the padded
    input, (batch, Hp, Wp) flattened, so that kernel tap (i, j) is the padded input shifted by
    i·Wp + j: one contiguous slice per tap and channel, in im2col and in col2im alike. The outputs
    at positions past H'×W' in each image (the padding's rows and columns) are computed and thrown
    away (15–30% more GEMM work at 28×28 and 14×14, against 9 strided copies of short rows that cost
    more). Other strides use the (batch, H', W') grid and strided slice copies.
    """

    def __init__(self, shape: tuple[int, ...], layer: Conv2D, dtype: np.dtype, ones_row: bool) -> None:
        n, h, w, c = shape
        self.kh, self.kw = layer.kernel_size
        self.sh, self.sw = layer.strides
        self.ho, self.wo, f = layer.output_shape_
        self.top, bottom, self.left, right = layer._pads(h, w)
        self.h, self.w, self.c, self.n = h, w, c, n
        self.hp, self.wp = h + self.top + bottom, w + self.left + right
        self.shifted = self.sh == self.sw == 1
        self.grid = (self.hp, self.wp) if self.shifted else (self.ho, self.wo)
        self.q = n * self.grid[0] * self.grid[1]  # GEMM columns in use
        ld = -(-self.q // 16) * 16
        if ld % 1024 == 0:  # a power-of-two row stride makes the GEMM's cache lines collide
            ld += 16
        taps = self.kh * self.kw * c
        tail = (self.kh - 1) * self.wp + self.kw - 1 if self.shifted else 0
        size = n * self.hp * self.wp
        self.xp = np.zeros((c, size + tail), dtype)  # borders and tail stay zero
        self.xp4 = self.xp[:, :size].reshape(c, n, self.hp, self.wp)
        self.cols = np.zeros((taps + ones_row, ld), dtype)
        if ones_row:
            self.cols[taps] = 1
        self.ones = np.ones(ld, dtype)
        self.dz = np.zeros((f, ld), dtype)  # stays zero outside the H'×W' outputs
        self.zeros = np.zeros((f, ld), dtype)
        self.dz4 = self.valid(self.dz)
        self.mask = np.empty((f, n, self.ho, self.wo), bool)
        self._im2col: list | None = None
        self._col2im: list | None = None

    def valid(self, a: np.ndarray) -> np.ndarray:
        """The (rows, batch, H', W') view of the real outputs in a (rows, ld) GEMM-column array."""
        return a[:, :self.q].reshape(a.shape[0], self.n, *self.grid)[:, :, :self.ho, :self.wo]

    def _taps(self):
        """Yield ``(first row, last row + 1, source)`` per kernel tap, in the kernel's (kh, kw) order."""
        c, sh, sw = self.c, self.sh, self.sw
        hi, wi = sh * (self.ho - 1) + 1, sw * (self.wo - 1) + 1
        for i in range(self.kh):
            for j in range(self.kw):
                k = (i * self.kw + j) * c
                if self.shifted:
                    shift = i * self.wp + j
                    yield k, k + c, (slice(None), slice(shift, shift + self.q))
                else:
                    yield k, k + c, (slice(None), slice(None), slice(i, i + hi, sh), slice(j, j + wi, sw))

    def _pairs(self, cols: np.ndarray, image: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """``(rows of cols, region of the padded image)`` view pairs, one per kernel tap (made once)."""
        q = self.q
        if self.shifted:
            return [(cols[a:b, :q], image[idx]) for a, b, idx in self._taps()]
        image4 = image[:, :self.xp4[0].size].reshape(self.xp4.shape)
        shape = (self.c, self.n, self.ho, self.wo)
        return [(cols[a:b, :q].reshape(shape), image4[idx]) for a, b, idx in self._taps()]

    def load(self, x: np.ndarray) -> None:
        """Copy ``x`` (batch, H, W, C) into the interior of the padded channels-first buffer."""
        self.xp4[:, :, self.top:self.top + self.h, self.left:self.left + self.w] = x.transpose(3, 0, 1, 2)

    def im2col(self) -> np.ndarray:
        """Fill and return ``cols``: row (i, j, c) holds input channel c shifted by kernel tap (i, j)."""
        if self._im2col is None:
            self._im2col = self._pairs(self.cols, self.xp)
        for dst, src in self._im2col:
            np.copyto(dst, src)
        return self.cols

    def col2im(self, kernel2d: np.ndarray, dz: np.ndarray) -> np.ndarray:
        """The input gradient: ``kernel2d @ dz`` summed back onto the (padded) input, as a fresh
        (C, batch, H, W) array. Each tap is one slice-add of whole rows, in the (kh, kw, C) order."""
        if self._col2im is None:
            self._dcols = np.empty((kernel2d.shape[0], self.cols.shape[1]), self.cols.dtype)
            self._dxp = np.empty_like(self.xp)
            self._col2im = self._pairs(self._dcols, self._dxp)
        _gemm_wide(kernel2d, dz, self._dcols)
        self._dxp.fill(0)
        for src, dst in self._col2im:
            dst += src
        dx = self._dxp[:, :self.xp4[0].size].reshape(self.xp4.shape)
        return dx[:, :, self.top:self.top + self.h, self.left:self.left + self.w].copy()
