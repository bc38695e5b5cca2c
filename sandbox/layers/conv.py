"""Conv2D: a 2-D convolution over channels-last images, by im2col and one GEMM."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._registry import check_int, check_pair
from ..errors import LayerArgumentError
from .base import REGISTRY, Shape, WeightedLayer, image_input_error

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
        raise LayerArgumentError("layer.bad_padding", owner=owner, padding=padding)
    return padding.lower()


def check_data_format(data_format: Any, owner: str) -> None:
    """Only channels-last is supported: say so plainly."""
    if data_format not in (None, "channels_last"):
        raise LayerArgumentError("layer.bad_data_format", owner=owner, data_format=data_format)


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
    ``y`` (batch, H', W', filters). "same" padding puts the odd pixel after, as Keras does. The output
    is a (batch, H', W', filters) view of channels-first memory (see the comments in the class body);
    its values, shape and the kernel layout are exactly Keras's.
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
            raise LayerArgumentError("layer.bad_dilation", dilation_rate=dilation_rate)
        self._spaces: dict[tuple, _Workspace] = {}
        self._join_cache: tuple | None = None

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        if len(input_shape) != 3:
            # The model's trace keeps fix="remove_flatten" only where there is a Flatten to remove.
            code, fields = image_input_error("Conv2D", input_shape, source)
            raise self._shape_error(code, fix="remove_flatten" if len(input_shape) == 1 else None, **fields)
        h, w, _ = input_shape
        kh, kw = self.kernel_size
        sh, sw = self.strides
        ho = conv_output_size(h, kh, sh, self.padding)
        wo = conv_output_size(w, kw, sw, self.padding)
        if ho < 1 or wo < 1:
            raise self._shape_error(
                "layer.kernel_too_large", kernel=f"{kh}×{kw}", size=f"{h}×{w}", source=source,
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
    # im2col is transposed as well: ``cols`` is (kh·kw·C [+1], positions), one row per kernel tap
    # and channel in the kernel's own (kh, kw, C) order (so the kernel needs no reordering), and each
    # tap is one slice copy of whole rows from a zero-padded channels-first copy of the input kept
    # across calls. With a bias, a last row of ones and the bias stored right after the kernel (as the
    # model lays out weights) make forward, and the kernel and bias gradients together, one GEMM each
    # (no ``z += b``, no ``dz.sum``). Everything stays in the input's dtype (float32 in training).

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
        kh, kw = self.kernel_size
        f = self.filters
        joined = self._joined() if self.use_bias else None
        ws = self._workspace(x.shape, x.dtype, joined is not None)
        ws.load(x)
        weights = joined[0] if joined is not None else self.params["kernel"].reshape(kh * kw * x.shape[3], f)
        name = self.activation.name
        relu = name == "relu" and (joined is not None or not self.use_bias)
        z = ws.product(weights.T, relu)  # (filters, GEMM columns): channels-first
        if self.use_bias and joined is None:
            z += self.params["bias"][:, None]
            if name == "relu":
                np.maximum(z, ws.zeros, out=z)
        self._ws, self._joined_now, self._in_shape, self._zfull = ws, joined, x.shape, z
        z4 = ws.valid(z)
        if name in ("relu", "linear"):  # with ReLU, y > 0 exactly where z > 0: backward needs only y
            self._z = self._y = z4
        else:  # on the (batch, H', W', filters) view, so that softmax normalises over the filters as in Keras
            self._z, self._y = z4, self.activation.forward(z4.transpose(1, 2, 3, 0)).transpose(3, 0, 1, 2)
        return self._y.transpose(1, 2, 3, 0)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        kh, kw = self.kernel_size
        c, f = self._in_shape[3], self.filters
        ws, joined = self._ws, self._joined_now
        dy_t = dy.transpose(3, 0, 1, 2)  # (filters, batch, H', W'), a view
        name = self.activation.name
        if name not in ("relu", "linear"):  # on the channels-last view, as in forward
            dy_t = self.activation.backward(self._z.transpose(1, 2, 3, 0), self._y.transpose(1, 2, 3, 0),
                                            dy).transpose(3, 0, 1, 2)
        kernel2d = self.params["kernel"].reshape(kh * kw * c, f)
        # kernel and bias gradients in one GEMM when they are joined
        grad2d = joined[1] if joined is not None else self.grads["kernel"].reshape(kh * kw * c, f)
        dx = ws.gradients(dy_t, self._zfull if name == "relu" else None, grad2d,
                          kernel2d if self.need_input_grad else None)
        if self.use_bias and joined is None:
            np.matmul(ws.dz, ws.ones, out=self.grads["bias"])
        self._add_penalty_grads()
        return None if dx is None else dx.transpose(1, 2, 3, 0)

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
_BLOCK_BYTES = 512 * 1024  # im2col columns processed at a time: well inside a 1 MB L2 cache


def _gemm_wide(a: np.ndarray, b: np.ndarray, out: np.ndarray, step: int = 0) -> np.ndarray:
    """``out = a @ b`` for a small ``a`` (M, K) and a wide ``b`` (K, L), in column pieces."""
    step = step or _SMALL_GEMM // max(a.shape[0] * a.shape[1], 1)
    length = b.shape[1]
    if step >= length or step < _MIN_PIECE:
        return np.matmul(a, b, out=out)
    for start in range(0, length, step):
        np.matmul(a, b[:, start:start + step], out=out[:, start:start + step])
    return out


def _gemm_long(a: np.ndarray, b: np.ndarray, out: np.ndarray, step: int = 0) -> np.ndarray:
    """``out = a @ b`` for ``a`` (M, L) and ``b`` (L, N) with a long inner axis L, summed over pieces."""
    step = step or _SMALL_GEMM // max(out.size, 1)
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
    filling them): the zero-padded channels-first input, im2col columns, and gradient scratch.

    The GEMM columns are output positions. With stride 1 they are *all* positions of the padded
    input, (batch, Hp, Wp) flattened, so that kernel tap (i, j) is the padded input shifted by
    i·Wp + j: one contiguous slice per tap and channel, in im2col and in col2im alike. The outputs
    at positions past H'×W' in each image (the padding's rows and columns) are computed and thrown
    away (15–30% more GEMM work at 28×28 and 14×14, against strided copies of short rows that cost
    more). The columns are then processed in blocks of ~512 KB: im2col of a block and its GEMMs run
    while the block is in the L2 cache, so no full im2col matrix is ever written to memory and read
    back (backward redoes the block copies instead of keeping them). The input gradient is a GEMM over
    an im2col of the output gradient (see :meth:`_gradients_shifted`).
    Other strides use the (batch, H', W') grid, strided slice copies, one full im2col matrix and col2im.
    """

    def __init__(self, shape: tuple[int, ...], layer: Conv2D, dtype: np.dtype, ones_row: bool) -> None:
        n, h, w, c = shape
        self.kh, self.kw = layer.kernel_size
        self.sh, self.sw = layer.strides
        self.ho, self.wo, self.f = layer.output_shape_
        top, bottom, left, right = layer._pads(h, w)
        self.h, self.w, self.c, self.n = h, w, c, n
        self.shifted = self.sh == self.sw == 1
        if self.shifted:
            # Each image is a (H + max(top, bottom), W + max(left, right)) grid: one image's bottom
            # padding rows serve as the next one's top padding, and the zero columns at the end of a
            # row as the next row's left padding (a tap that reads past a row's start lands there).
            self.grid = (h + max(top, bottom), w + max(left, right))
            self.margin = top * self.grid[1] + left  # zeros before the first image
            self.reach = (self.kh - 1) * self.grid[1] + self.kw - 1  # the last tap's shift
        else:
            self.grid, self.margin, self.reach = (self.ho, self.wo), 0, 0
        self.q = n * self.grid[0] * self.grid[1]  # GEMM columns in use
        self.ld = -(-self.q // 16) * 16
        if self.ld % 1024 == 0:  # a power-of-two row stride makes the GEMM's cache lines collide
            self.ld += 16
        self.taps = self.kh * self.kw * c
        self.rows = self.taps + ones_row
        self.dtype = dtype
        if self.shifted:
            self.xp = np.zeros((c, self.q + self.reach), dtype)  # padding, margin and tail stay zero
            self.inside = self._grid(self.xp[:, self.margin:self.margin + self.q])[:, :, :h, :w]
        else:
            hp, wp = h + top + bottom, w + left + right
            self.xp = np.zeros((c, n * hp * wp), dtype)
            self.xp4 = self.xp.reshape(c, n, hp, wp)
            self.inside_index = (slice(None), slice(None), slice(top, top + h), slice(left, left + w))
            self.inside = self.xp4[self.inside_index]
        self.ones = np.ones(self.ld, dtype)
        # dz: the output gradient, zero outside the H'×W' outputs; in _dzbuf with `reach` zeros before it
        # and room after, so that dz shifted back by any tap is a slice
        self._dzbuf = np.zeros((self.f, self.reach + max(self.ld, self.q + self.margin)), dtype)
        self.dz = self._dzbuf[:, self.reach:self.reach + self.ld]
        self.dz4 = self.valid(self.dz)
        self.zeros = np.zeros((self.f, self.ld), dtype)
        self.mask = np.empty((self.f, self.q), bool)
        self.piece = max(_SMALL_GEMM // (self.f * self.rows), _MIN_PIECE)
        if self.shifted:
            width = self.piece * max(1, _BLOCK_BYTES // (self.piece * self.rows * dtype.itemsize))
            self.blocks = [(a, min(a + width, self.q)) for a in range(0, self.q, width)]
            self.cols = np.zeros((self.rows, max(b - a for a, b in self.blocks)), dtype)
            # all kh·kw·C rows of a block in one copy: the source is a read-only (kh, kw, C, width)
            # window onto the flat input, tap (i, j) starting i·Gw + j further on (9 copies → 1 call)
            self.copies = [[(self.cols[:self.taps, :b - a].reshape(self.kh, self.kw, c, b - a),
                             self._shifted_view(self.xp, a, b - a, 1))] for a, b in self.blocks]
        else:  # one block of all columns
            self.blocks = [(0, self.q)]
            self.cols = np.zeros((self.rows, self.ld), dtype)
            shape4 = (c, n, self.ho, self.wo)
            self.copies = [[(self.cols[r0:r1, :self.q].reshape(shape4), self.xp4[s]) for r0, r1, s in self._taps()]]
        if ones_row:
            self.cols[self.taps] = 1
        self._dcols: np.ndarray | None = None  # col2im (other strides)
        self._adds: list = []
        self._dzcols: np.ndarray | None = None  # im2col of the output gradient (stride 1)
        self._dxp: np.ndarray | None = None

    def _grid(self, a: np.ndarray) -> np.ndarray:
        """A (rows, q) array of GEMM columns as (rows, batch, grid height, grid width)."""
        return a[:, :self.q].reshape(a.shape[0], self.n, *self.grid)

    def valid(self, a: np.ndarray) -> np.ndarray:
        """The (rows, batch, H', W') view of the real outputs in a (rows, ld) GEMM-column array."""
        return self._grid(a)[:, :, :self.ho, :self.wo]

    def _taps(self):
        """Yield ``(first row, last row + 1, region)`` per kernel tap, in the kernel's (kh, kw) order:
        the strided region of the padded input it reads (strides other than 1)."""
        c, sh, sw = self.c, self.sh, self.sw
        hi, wi = sh * (self.ho - 1) + 1, sw * (self.wo - 1) + 1
        for i in range(self.kh):
            for j in range(self.kw):
                k = (i * self.kw + j) * c
                yield k, k + c, (slice(None), slice(None), slice(i, i + hi, sh), slice(j, j + wi, sw))

    def load(self, x: np.ndarray) -> None:
        """Copy ``x`` (batch, H, W, C) into the zero-padded channels-first buffer."""
        self.inside[...] = x.transpose(3, 0, 1, 2)

    def _shifted_view(self, flat: np.ndarray, start: int, width: int, sign: int) -> np.ndarray:
        """Read-only (kh, kw, rows, width) view: [i, j, r, t] = flat[r, start + sign·(i·Gw + j) + t]."""
        item = flat.itemsize
        return np.lib.stride_tricks.as_strided(
            flat[:, start:], shape=(self.kh, self.kw, flat.shape[0], width),
            strides=(sign * self.grid[1] * item, sign * item, flat.strides[0], item), writeable=False)

    def _fill(self, block: int) -> np.ndarray:
        for dst, src in self.copies[block]:
            np.copyto(dst, src)
        return self.cols

    def product(self, weights_t: np.ndarray, relu: bool) -> np.ndarray:
        """``weights_t`` (filters, rows) times the im2col columns, ReLU applied if asked: a fresh
        (filters, ld) array."""
        z = np.empty((self.f, self.ld), self.dtype)
        if not self.shifted:
            _gemm_wide(weights_t, self._fill(0), z)
        else:
            for k, (a, b) in enumerate(self.blocks):
                _gemm_wide(weights_t, self._fill(k)[:, :b - a], z[:, a:b], self.piece)
        if relu:  # against an array of zeros, not the scalar 0: NumPy's SIMD loop is 2.5× faster then
            np.maximum(z, self.zeros, out=z)
        return z

    def gradients(self, dy_t: np.ndarray, relu_out: np.ndarray | None, grad2d: np.ndarray,
                  kernel2d: np.ndarray | None) -> np.ndarray | None:
        """Fill ``self.dz`` from ``dy_t`` (× the ReLU mask ``y > 0`` if the forward's (filters, ld) ReLU
        output is given), the weight gradient into ``grad2d`` (rows, filters) and, if ``kernel2d`` is
        given, return the input gradient as a fresh (C, batch, H, W) array (else None)."""
        np.copyto(self.dz4, dy_t)  # the real outputs only: the rest of dz stays zero
        if relu_out is not None:  # the mask over all columns: whole rows, 2.5× faster than on the 4-D view
            dz, q = self.dz[:, :self.q], self.q
            np.greater(relu_out[:, :q], 0, out=self.mask)
            np.multiply(dz, self.mask, out=dz)
        if self.shifted:
            return self._gradients_shifted(grad2d, kernel2d)
        dz = self.dz
        _gemm_long(self._fill(0), dz.T, grad2d)
        if kernel2d is None:
            return None
        # other strides: col2im, each tap's rows of kernel2d @ dz added back where that tap read them
        if self._dxp is None:
            self._dcols = np.empty((self.taps, self.ld), self.dtype)
            self._dxp = np.zeros_like(self.xp)
            self._dx_inside = self._dxp.reshape(self.xp4.shape)[self.inside_index]
            dxp4 = self._dxp.reshape(self.xp4.shape)
            shape4 = (self.c, self.n, self.ho, self.wo)
            self._adds = [(self._dcols[r0:r1, :self.q].reshape(shape4), dxp4[s]) for r0, r1, s in self._taps()]
        _gemm_wide(kernel2d, dz, self._dcols)
        for src, dst in self._adds:
            dst += src
        out = self._dx_inside.copy()
        self._dxp.fill(0)
        return out

    def _gradients_shifted(self, grad2d: np.ndarray, kernel2d: np.ndarray | None) -> np.ndarray | None:
        """Stride 1, block by block: the weight gradient from the block's im2col (redone here), and
        dx[c, p] = Σ_taps Σ_f kernel[tap, c, f] · dz[f, p − shift(tap)], one GEMM over an im2col of the
        output gradient shifted back by each tap. That writes each input position once: no col2im
        (a zero fill and kh·kw read-modify-write passes), 12% faster for conv2 of the benchmark CNN."""
        f, c, reach, margin = self.f, self.c, self.reach, self.margin
        dz, part = self.dz, np.empty_like(grad2d)
        if kernel2d is None:
            for k, (a, b) in enumerate(self.blocks):
                _gemm_long(self._fill(k)[:, :b - a], dz[:, a:b].T, grad2d if k == 0 else part, self.piece)
                if k:
                    grad2d += part
            return None
        if self._dzcols is None:
            self._dzcols = np.empty((self.kh * self.kw * f, self.cols.shape[1]), self.dtype)
            self._dxp = np.zeros_like(self.xp)
            # input position margin + p takes tap (i, j) of output position p + margin − i·Gw − j
            self._dzcopies = [[(self._dzcols[:, :b - a].reshape(self.kh, self.kw, f, b - a),
                                self._shifted_view(self._dzbuf, reach + margin + a, b - a, -1))]
                              for a, b in self.blocks]
            self._dx_inside = self._grid(self._dxp[:, margin:margin + self.q])[:, :, :self.h, :self.w]
        w_t = kernel2d.reshape(self.kh * self.kw, c, f).transpose(1, 0, 2).reshape(c, -1)  # (C, taps·F) copy
        piece = max(_SMALL_GEMM // w_t.size, _MIN_PIECE)
        for k, (a, b) in enumerate(self.blocks):
            cols = self._fill(k)[:, :b - a]
            _gemm_long(cols, dz[:, a:b].T, grad2d if k == 0 else part, self.piece)
            if k:
                grad2d += part
            for dst, src in self._dzcopies[k]:
                np.copyto(dst, src)
            _gemm_wide(w_t, self._dzcols[:, :b - a], self._dxp[:, margin + a:margin + b], piece)
        return self._dx_inside.copy()
