"""The forward pass on one image, layer by layer, and what happens when a unit is switched off.

:func:`forward_views` runs the model's own ``layer.forward`` on one (28, 28, 1) image and keeps every
layer's output with its shape and range. :func:`explain_unit` re-computes one output value from its
inputs (``x · w + b = z → activation → a``) so a learner can check it against the forward pass.
:func:`first_dense_images`, :func:`conv_filters` and :func:`incoming_weights` lay weights out as pictures.

Unit edits are a dict ``{(layer_index, unit): scale}``: the output of a Dense unit, or a whole feature
map (channel) of a Conv2D layer, is multiplied by ``scale`` (0 switches it off). :func:`predict_edited`
and :func:`edited_accuracy` run the forward with the edits; :func:`bake_edits` makes a NEW model whose
plain forward gives the same numbers, so an edited network can be saved. The learner's model is never
changed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .callbacks import StopToken
from .errors import SandboxError
from .layers import Activation, AveragePooling2D, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, Reshape
from .layers.conv import same_padding
from .model import Sequential

__all__ = [
    "MAX_SCALE",
    "EditError",
    "Edits",
    "LayerView",
    "Term",
    "UnitComputation",
    "bake_edits",
    "conv_filters",
    "editable_units",
    "edited_accuracy",
    "explain_unit",
    "first_dense_images",
    "forward_views",
    "incoming_weights",
    "predict_edited",
]

#: Largest scale an edit may use (200 %). Scales must be ≥ 0 so that they pass through max pooling.
MAX_SCALE = 2.0
#: ``{(layer_index, unit): scale}``.
Edits = Mapping[tuple[int, int], float]

# activations f with f(s·z) = s·f(z) for every s ≥ 0: an edit can be moved into the unit's own weights
_HOMOGENEOUS = ("linear", "relu", "leaky_relu")
_PASS_THROUGH = (Flatten, Reshape, Dropout, MaxPooling2D, AveragePooling2D)


class EditError(SandboxError, ValueError):
    """A unit edit that cannot be applied or saved (unknown unit, bad scale, not bakeable).

    Attributes
    ----------
    layer_name : str or None
        The layer whose edit cannot be saved (set by :func:`bake_edits` only), so an app can word its own message.
    """

    def __init__(self, code: str, /, *, layer_name: str | None = None, **fields: Any) -> None:
        super().__init__(code, **fields)
        self.layer_name = layer_name

    def _extra(self) -> dict[str, Any]:
        return {"layer_name": self.layer_name}


@dataclass(frozen=True)
class LayerView:
    """One layer's output for the single image.

    Attributes
    ----------
    index : int
        Position in ``model.layers`` (0 = first layer after the input).
    name, class_name : str
    output : ndarray
        float32, the layer's per-sample output shape (no batch axis); a private copy.
    shape : tuple of int
    minimum, maximum : float
        The range of ``output``.
    activation : str or None
        The activation's name for Dense, Conv2D and Activation layers, else None.
    """

    index: int
    name: str
    class_name: str
    output: np.ndarray
    shape: tuple[int, ...]
    minimum: float
    maximum: float
    activation: str | None


@dataclass(frozen=True)
class Term:
    """One term ``x · w`` of a weighted sum.

    Attributes
    ----------
    index : tuple of int
        Where ``x`` is in the layer's input (Dense: ``(i,)``; Conv2D: ``(row, col, channel)`` in the patch).
    x, w, product : float
    """

    index: tuple[int, ...]
    x: float
    w: float
    product: float


@dataclass(frozen=True)
class UnitComputation:
    """How one output value of a layer was computed from the layer's input.

    Attributes
    ----------
    layer_index, unit : int
        The layer and the unit (Dense) or channel (Conv2D, pooling, …).
    layer_name, class_name : str
    kind : {"weighted", "pool", "activation", "copy"}
        ``"weighted"``: Dense or Conv2D, ``z = Σ x·w + b``; ``"pool"``: max or mean of a window;
        ``"activation"``: an Activation layer; ``"copy"``: Flatten, Reshape or Dropout pass a value on.
    position : tuple of int or None
        ``(row, col)`` in the output feature map for image layers, None for flat outputs.
    inputs : ndarray
        float64, the values the unit reads: Dense (in,), Conv2D (kh, kw, cin) patch (zero padding included),
        pooling (ph, pw) window of the channel (padding shown as NaN), one value otherwise.
    weights : ndarray or None
        float64, same shape as ``inputs`` for weighted layers.
    bias : float
        0 when the layer has no bias or no weights.
    z : float
        The pre-activation (weighted layers) or the pooled value (pooling) or the input value.
    activation : str
        The activation's name (``"linear"`` when there is none).
    activated : float
        ``activation(z)`` (for softmax over the whole layer's z).
    scale : float
        The unit's edit (1 when it is not edited).
    value : float
        ``scale · activated``: the number the (edited) forward pass gives.
    terms : tuple of Term
        Weighted layers: the largest terms by ``|x·w|``, largest first (at most ``top_k``).
    rest : float
        The sum of all the other terms, so ``Σ terms + rest + bias = z``.
    n_terms : int
        How many terms the full sum has.
    """

    layer_index: int
    unit: int
    layer_name: str
    class_name: str
    kind: str
    position: tuple[int, ...] | None
    inputs: np.ndarray
    weights: np.ndarray | None
    bias: float
    z: float
    activation: str
    activated: float
    scale: float
    value: float
    terms: tuple[Term, ...]
    rest: float
    n_terms: int


# ---- edits -------------------------------------------------------------------------------------------
def editable_units(model: Sequential, layer_index: int) -> int:
    """How many units (Dense) or feature maps (Conv2D) of layer ``layer_index`` can be edited; 0 if none."""
    model._ensure_built()
    layer = model.layers[layer_index]
    if isinstance(layer, Dense):
        return layer.units
    if isinstance(layer, Conv2D):
        return layer.filters
    return 0


def _check_edits(model: Sequential, edits: Edits | None) -> dict[int, np.ndarray]:
    """Validate ``edits``; return ``{layer_index: per-unit scale vector (units,) float64}``."""
    out: dict[int, np.ndarray] = {}
    for key, scale in (edits or {}).items():
        try:
            index, unit = (int(k) for k in key)
        except (TypeError, ValueError):
            raise EditError("edit.bad_key", key=key) from None
        if not 0 <= index < len(model.layers):
            raise EditError("edit.no_such_layer", index=index, count=len(model.layers))
        units = editable_units(model, index)
        if units == 0:
            raise EditError("edit.no_units", layer=model.layers[index].name)
        if not 0 <= unit < units:
            raise EditError("edit.no_such_unit", layer=model.layers[index].name, last=units - 1, unit=unit)
        s = float(scale)
        if not (math.isfinite(s) and 0.0 <= s <= MAX_SCALE):
            raise EditError("edit.bad_scale", maximum=MAX_SCALE, scale=scale)
        out.setdefault(index, np.ones(units))[unit] = s
    return out


def _forward(model: Sequential, x: np.ndarray, scales: dict[int, np.ndarray], keep: bool) -> list[np.ndarray]:
    """Run ``layer.forward`` on a prepared batch, multiplying edited layers' last axis by their scales.

    Returns every layer's output if ``keep`` (copies: pooling reuses its output buffers), else only the last.
    """
    outs: list[np.ndarray] = []
    for index, layer in enumerate(model.layers):
        x = layer.forward(x, False)
        if index in scales:
            x = x * scales[index].astype(x.dtype)  # a new array: never write into a layer's buffers
        if keep:
            outs.append(np.array(x))
    return outs if keep else [x]


def predict_edited(model: Sequential, x: Any, edits: Edits | None = None, batch_size: int = 256,
                   stop: StopToken | None = None) -> np.ndarray:
    """The model's outputs with ``edits`` applied, in batches.

    Parameters
    ----------
    model : Sequential
    x : array_like
        Inputs (batch, *input_shape), or (batch, 28, 28) for a (28, 28, 1) model.
    edits : dict, optional
        ``{(layer_index, unit): scale}``, scale in [0, MAX_SCALE].
    batch_size : int
    stop : StopToken, optional
        Checked between batches; raises :class:`~sandbox.errors.Cancelled` once set.

    Returns
    -------
    ndarray
        (batch, *output_shape) in the model's dtype.

    Raises
    ------
    EditError
        If an edit names a unit that does not exist or a scale out of range.
    """
    x = model.prepare_inputs(x)
    model._ensure_built()
    scales = _check_edits(model, edits)
    parts = []
    for i in range(0, len(x), batch_size):
        if stop is not None:
            stop.raise_if_stopped()
        parts.append(_forward(model, x[i:i + batch_size], scales, keep=False)[0].copy())
    return np.concatenate(parts) if parts else np.zeros((0, *model.output_shape[1:]), model.dtype)


def edited_accuracy(model: Sequential, x: Any, y: Any, edits: Edits | None = None, batch_size: int = 500,
                    stop: StopToken | None = None) -> float:
    """Accuracy (arg-max of the outputs against integer labels (N,)) with ``edits`` applied; 0 for no data.

    ``stop`` is checked between batches (raises :class:`~sandbox.errors.Cancelled` once set).
    """
    y = np.asarray(y).reshape(-1)
    if len(y) == 0:
        return 0.0
    pred = predict_edited(model, x, edits, batch_size, stop=stop)
    return float(np.mean(pred.reshape(len(y), -1).argmax(axis=1) == y))


# ---- one image ---------------------------------------------------------------------------------------
def _one(model: Sequential, image: Any) -> np.ndarray:
    x = np.asarray(image)
    return model.prepare_inputs(x.reshape(1, *x.shape))


def forward_views(model: Sequential, image: Any, edits: Edits | None = None) -> list[LayerView]:
    """Every layer's output for one image, in order, with ``edits`` applied.

    Parameters
    ----------
    model : Sequential
    image : array_like
        One sample of the model's input shape, e.g. float32 (28, 28, 1) in [0, 1] (or (28, 28)).
    edits : dict, optional
        ``{(layer_index, unit): scale}``.

    Returns
    -------
    list of LayerView
        One per layer of ``model.layers`` (the input itself is not included).
    """
    model._ensure_built()
    scales = _check_edits(model, edits)
    outs = _forward(model, _one(model, image), scales, keep=True)
    views = []
    for index, (layer, out) in enumerate(zip(model.layers, outs, strict=True)):
        a = out[0]
        act = getattr(layer, "activation", None)
        views.append(LayerView(index, layer.name, type(layer).__name__, a, tuple(a.shape),
                               float(np.min(a)) if a.size else 0.0, float(np.max(a)) if a.size else 0.0,
                               act.name if act is not None else None))
    return views


def _pad_image(x: np.ndarray, kernel: tuple[int, int], strides: tuple[int, int], padding: str,
               fill: float) -> np.ndarray:
    """(H, W, C) → the padded image the layer reads (same padding: the odd pixel after, as Keras)."""
    if padding != "same":
        return x
    top, bottom = same_padding(x.shape[0], kernel[0], strides[0])
    left, right = same_padding(x.shape[1], kernel[1], strides[1])
    return np.pad(x, ((top, bottom), (left, right), (0, 0)), constant_values=fill)


def explain_unit(model: Sequential, image: Any, layer_index: int, unit: int, position: tuple[int, int] | None = None,
                 edits: Edits | None = None, top_k: int = 6) -> UnitComputation:
    """Recompute one output value of layer ``layer_index`` from that layer's input, in float64.

    Parameters
    ----------
    model : Sequential
    image : array_like
        One input sample, e.g. float32 (28, 28, 1).
    layer_index : int
        Position in ``model.layers``.
    unit : int
        Dense unit, or channel of an image output.
    position : (int, int), optional
        ``(row, col)`` of the output value for image outputs; default: where the channel is largest.
    edits : dict, optional
        Edits of this and earlier layers (the input is the edited forward's).
    top_k : int
        How many of the largest terms ``x·w`` to return.

    Returns
    -------
    UnitComputation
        ``value`` equals the (edited) forward pass's output to float32 precision.
    """
    model._ensure_built()
    scales = _check_edits(model, edits)
    x1 = _one(model, image)
    outs = _forward(model, x1, scales, keep=True)
    layer = model.layers[layer_index]
    inp = (x1 if layer_index == 0 else outs[layer_index - 1])[0].astype(np.float64)
    out = outs[layer_index][0]
    if not 0 <= unit < out.shape[-1]:
        raise EditError("edit.no_such_unit", layer=layer.name, last=out.shape[-1] - 1, unit=unit)
    if out.ndim == 3 and position is None:
        position = tuple(int(v) for v in np.unravel_index(int(np.argmax(out[..., unit])), out.shape[:2]))
    position = (int(position[0]), int(position[1])) if out.ndim == 3 else None
    scale = float(scales[layer_index][unit]) if layer_index in scales else 1.0
    common = dict(layer_index=layer_index, unit=unit, layer_name=layer.name, class_name=type(layer).__name__,
                  position=position, scale=scale)
    if isinstance(layer, Dense | Conv2D):
        kernel = layer.params["kernel"].astype(np.float64)
        bias_all = layer.params["bias"].astype(np.float64) if layer.use_bias else np.zeros(kernel.shape[-1])
        if isinstance(layer, Dense):
            xs, z_all = inp, inp @ kernel + bias_all
        else:
            (kh, kw), (sh, sw) = layer.kernel_size, layer.strides
            xp = _pad_image(inp, (kh, kw), (sh, sw), layer.padding, 0.0)
            r, c = position
            xs = xp[r * sh:r * sh + kh, c * sw:c * sw + kw, :]
            z_all = np.tensordot(xs, kernel, axes=3) + bias_all
        w = kernel[..., unit]
        products = xs * w
        order = np.argsort(-np.abs(products), axis=None, kind="stable")[:top_k]
        terms = tuple(Term(tuple(int(i) for i in np.unravel_index(k, xs.shape)), float(xs.flat[k]), float(w.flat[k]),
                           float(products.flat[k])) for k in order)
        act = layer.activation
        activated = float(act(z_all)[unit])
        return UnitComputation(**common, kind="weighted", inputs=xs, weights=w, bias=float(bias_all[unit]),
                               z=float(z_all[unit]), activation=act.name, activated=activated,
                               value=scale * activated, terms=terms,
                               rest=float(products.sum() - sum(t.product for t in terms)), n_terms=products.size)
    if isinstance(layer, MaxPooling2D | AveragePooling2D):
        (ph, pw), (sh, sw) = layer.pool_size, layer.strides
        xp = _pad_image(inp[..., unit:unit + 1], (ph, pw), (sh, sw), layer.padding, np.nan)
        r, c = position
        window = xp[r * sh:r * sh + ph, c * sw:c * sw + pw, 0]
        z = float(np.nanmax(window) if isinstance(layer, MaxPooling2D) else np.nanmean(window))
        return UnitComputation(**common, kind="pool", inputs=window, weights=None, bias=0.0, z=z,
                               activation="linear", activated=z, value=z, terms=(), rest=0.0, n_terms=0)
    # Flatten, Reshape, Dropout (identity at prediction) and Activation: one value in, one value out
    flat_index = int(np.ravel_multi_index((*position, unit), out.shape)) if out.ndim == 3 else unit
    source = inp.reshape(-1)
    if isinstance(layer, Activation):
        z = float(source[flat_index])
        activated = float(np.asarray(layer.activation(inp.reshape(out.shape))).reshape(-1)[flat_index])
        return UnitComputation(**common, kind="activation", inputs=np.array([z]), weights=None, bias=0.0, z=z,
                               activation=layer.activation.name, activated=activated, value=activated, terms=(),
                               rest=0.0, n_terms=0)
    z = float(source[flat_index])
    return UnitComputation(**common, kind="copy", inputs=np.array([z]), weights=None, bias=0.0, z=z,
                           activation="linear", activated=z, value=z, terms=(), rest=0.0, n_terms=0)


# ---- weights as pictures -----------------------------------------------------------------------------
def _input_shape_of(model: Sequential, layer_index: int) -> tuple[int, ...]:
    model._ensure_built()
    return tuple(model.input_layer.shape) if layer_index == 0 else tuple(model.layers[layer_index - 1].output_shape_)


def first_dense_images(model: Sequential) -> np.ndarray | None:
    """The first Dense layer's weights laid out as input images: float32 (units, H, W).

    Only when the model's input is a one-channel image (H, W, 1) and nothing but Flatten (or Dropout)
    comes before that Dense layer, so each weight belongs to one pixel; else None.
    """
    model._ensure_built()
    shape = tuple(model.input_layer.shape)
    if len(shape) != 3 or shape[2] != 1:
        return None
    for layer in model.layers:
        if isinstance(layer, Dense):
            return np.ascontiguousarray(layer.params["kernel"].T).reshape(layer.units, shape[0], shape[1])
        if not isinstance(layer, Flatten | Dropout):
            return None
    return None


def conv_filters(model: Sequential, layer_index: int, channel: int | None = None) -> np.ndarray:
    """A Conv2D layer's kernels as pictures: float32 (filters, kh, kw).

    With ``channel=None`` each picture is the mean over the input channels (exactly the kernel when the
    input has one channel); with a channel index, the kernel's slice for that input channel.
    """
    layer = model.layers[layer_index]
    if not isinstance(layer, Conv2D):
        raise EditError("edit.not_conv", layer=layer.name)
    model._ensure_built()
    kernel = layer.params["kernel"]  # (kh, kw, cin, filters)
    pictures = kernel.mean(axis=2) if channel is None else kernel[:, :, channel, :]
    return np.ascontiguousarray(np.moveaxis(pictures, -1, 0), dtype=np.float32)


def incoming_weights(model: Sequential, layer_index: int, unit: int) -> np.ndarray:
    """The weights that go into one unit, laid out like what they look at: float32.

    Returns
    -------
    ndarray
        Conv2D: (cin, kh, kw), one picture per input channel. Dense right after a Flatten of an
        (h, w, c) image: (c, h, w). Other Dense layers: (in,).
    """
    model._ensure_built()
    layer = model.layers[layer_index]
    if not isinstance(layer, Dense | Conv2D) or not 0 <= unit < editable_units(model, layer_index):
        raise EditError("edit.unit_without_weights", layer=layer.name, unit=unit)
    w = layer.params["kernel"][..., unit]
    if isinstance(layer, Conv2D):
        return np.ascontiguousarray(np.moveaxis(w, -1, 0))
    source = _input_shape_of(model, layer_index - 1) if layer_index > 0 else ()
    if layer_index > 0 and isinstance(model.layers[layer_index - 1], Flatten) and len(source) in (2, 3):
        image = w.reshape(source if len(source) == 3 else (*source, 1))
        return np.ascontiguousarray(np.moveaxis(image, -1, 0))
    return np.array(w)


# ---- saving an edited network ------------------------------------------------------------------------
def _bake_forward(model: Sequential, index: int, factor: np.ndarray) -> bool:
    """Move a per-channel output factor of layer ``index`` into the next weighted layer's input weights.

    ``factor`` (units,) multiplies the last axis of the layer's output. Returns False (changing nothing)
    when the factor cannot pass the layers in between or there is no weighted layer after.
    """
    shape = tuple(model.layers[index].output_shape_)
    full = np.broadcast_to(factor, shape)  # the factor on every output value
    for layer in model.layers[index + 1:]:
        if isinstance(layer, Dense):
            layer.params["kernel"][...] *= full.reshape(-1, 1).astype(layer.params["kernel"].dtype)
            return True
        if isinstance(layer, Conv2D):
            per_channel = full.reshape(-1, full.shape[-1])
            if full.ndim != 3 or not np.all(per_channel == per_channel[:1]):
                return False
            layer.params["kernel"][...] *= per_channel[0][None, None, :, None].astype(layer.params["kernel"].dtype)
            return True
        if isinstance(layer, MaxPooling2D | AveragePooling2D):
            # a factor constant per channel (s ≥ 0) passes max and mean: max(s·a) = s·max(a)
            per_channel = full.reshape(-1, full.shape[-1])
            if not np.all(per_channel == per_channel[:1]):
                return False
            full = np.broadcast_to(per_channel[0], layer.output_shape_)
        elif isinstance(layer, Activation):
            if layer.activation.name not in _HOMOGENEOUS:
                return False
        elif isinstance(layer, _PASS_THROUGH):
            full = full.reshape(layer.output_shape_)
        else:
            return False
    return False


def bake_edits(model: Sequential, edits: Edits | None) -> Sequential:
    """A NEW model (same architecture and compile settings) whose plain forward equals :func:`predict_edited`.

    Each edited layer's scales are moved into the input weights of the next Dense or Conv2D layer
    (through Flatten, Reshape, Dropout, pooling and ReLU-like Activation layers); when there is none (the
    last layer) or the layers between do not allow it, into the unit's own kernel and bias, which is exact
    when its activation is linear, ReLU or leaky ReLU.

    Raises
    ------
    EditError
        If an edit cannot be expressed with weights (e.g. an edited unit of a softmax output layer).
    """
    scales = _check_edits(model, edits)
    new = model.copy()
    compile_config = model.get_compile_config()
    if compile_config is not None:
        new.compile_from_config(compile_config)
    for index, factor in sorted(scales.items()):
        if np.all(factor == 1.0) or _bake_forward(new, index, factor):
            continue
        layer = new.layers[index]
        if layer.activation.name not in _HOMOGENEOUS:
            raise EditError("edit.cannot_bake", layer=layer.name, activation=layer.activation.name,
                            layer_name=layer.name)
        dtype = layer.params["kernel"].dtype
        layer.params["kernel"][...] *= factor.astype(dtype)
        if layer.use_bias:
            layer.params["bias"][...] *= factor.astype(dtype)
    return new
