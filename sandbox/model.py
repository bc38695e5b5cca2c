"""``Sequential``: a stack of layers with Keras's ``compile`` / ``fit`` / ``evaluate`` / ``predict``.

Weights live in one flat float32 buffer; each layer's ``params`` are views into it, and the
gradients fill a second buffer of the same layout, so the optimizer updates every weight in a few
in-place passes. Randomness comes from the model's ``seed``: the same seed gives the same initial
weights, the same shuffles and the same dropout masks.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import _native
from . import batchsplit as _batchsplit
from . import losses as _losses
from . import metrics as _metrics
from . import optimizers as _optimizers
from .errors import Cancelled, LayerArgumentError, SandboxError, ShapeError, TrainingError
from .layers import Input, InputLayer, Layer
from .layers import deserialize as _deserialize_layer
from .layers import serialize as _serialize_layer
from .layers.base import Shape, format_shape
from .layers.core import Dense as _Dense

__all__ = ["LayerShape", "Model", "Sequential", "trace_shapes"]

_MAX_SEED = 2**32


@dataclass(frozen=True)
class LayerShape:
    """One row of :func:`trace_shapes`: a layer, its output shape and parameter count, or why it does not fit.

    Attributes
    ----------
    layer : Layer
    output_shape : tuple of int or None
        Per-sample output shape; None if this layer (or one before it) does not fit.
    params : int
        Number of weights for this layer (0 when it does not fit).
    error : ShapeError or None
        Why the layer does not fit; ``error.fix`` names a one-click fix when there is one.
    """

    layer: Layer
    output_shape: Shape | None
    params: int
    error: ShapeError | None


def flatten_fix_applies(layers: Sequence[Layer], input_shapes: Sequence[Shape], index: int) -> bool:
    """Whether removing the last Flatten before layer ``index`` lets every layer up to it fit.

    Parameters
    ----------
    layers : sequence of Layer
        The layers, at least up to ``index``.
    input_shapes : sequence of tuple of int
        The per-sample shape each layer before ``index`` receives.
    index : int
        The layer that cannot take its flat input.

    Returns
    -------
    bool
        False when there is no Flatten before it, or when the layers after that Flatten would not fit
        either (e.g. a Dense between Flatten and Conv2D): then a *Remove Flatten* fix would not help.
    """
    for i in range(index - 1, -1, -1):
        if type(layers[i]).__name__ == "Flatten":
            shape = input_shapes[i]
            try:
                for layer in layers[i + 1:index + 1]:
                    shape = layer.output_shape_for(shape)
            except SandboxError:
                return False
            return True
    return False


def trace_shapes(input_shape: Shape, layers: Sequence[Layer]) -> list[LayerShape]:
    """Compute every layer's output shape from ``input_shape`` without allocating any weight.

    A layer that cannot follow the one before gets a :class:`ShapeError` in its row, and the rows
    after it have no shape. Used by the app to mark a bad layer before Train.
    """
    rows: list[LayerShape] = []
    shape: Shape | None = tuple(input_shape)
    source = "the input"
    inputs: list[Shape] = []
    for index, layer in enumerate(layers):
        if shape is None:
            rows.append(LayerShape(layer, None, 0, None))
            continue
        inputs.append(shape)
        try:
            out = layer.output_shape_for(shape, source)
        except ShapeError as exc:
            exc.layer_index = index
            exc.layer_name = exc.layer_name or layer.name
            if exc.fix == "remove_flatten" and not flatten_fix_applies(layers, inputs, index):
                exc.fix = None
            rows.append(LayerShape(layer, None, 0, exc))
            shape = None
            continue
        params = sum(math.prod(s) for s in layer.weight_shapes(shape).values())
        rows.append(LayerShape(layer, out, params, None))
        shape = out
        source = repr(layer.name) if layer.name else f"layer {index}"
    return rows


class _OnePairedStep:
    """OpenBLAS held at one thread and the kernels' helper thread on (``_native.pairing``), for one step."""

    __slots__ = ("_blas", "_pair")

    def __init__(self, block: tuple[int, int, int] | None) -> None:
        self._blas, self._pair = _batchsplit.OneBlasThread(), _native.pairing(block)

    def __enter__(self) -> bool:
        """Whether the helper thread is available (see ``_native.pairing``)."""
        self._blas.__enter__()
        return self._pair.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._pair.__exit__()
        self._blas.__exit__()


class Model:
    """What every model shares, as ``keras.Model``: weights, compile, fit, evaluate, predict.

    The methods are written for a stack of layers (:class:`Sequential`, ``self.layers`` in order). As in
    Keras, ``Model(inputs, outputs)`` makes a graph of layers called on symbolic inputs: a
    :class:`sandbox.functional.Functional`, which overrides the methods that follow the layers. So
    ``isinstance(model, Model)`` holds for both, and ``isinstance(model, Sequential)`` means a stack.

    Parameters
    ----------
    layers : iterable of Layer, optional
        The layers, optionally starting with ``Input(shape)``.
    name : str, optional
        Model name (default ``"sequential"``).
    seed : int, optional
        Fixes initial weights, shuffles and dropout. If None a random seed is drawn and kept in
        ``model.seed`` so the run can be repeated.
    dtype : {"float32", "float64"}
        Weight and computation dtype; float64 is for gradient checks.
    """

    #: Threads (batch parts) for a training step: None follows the BLAS thread limit in force (the app's
    #: worker sets one), 1 keeps the one-thread path, n ≥ 2 cuts each batch in n parts run in n threads.
    batch_threads: int | None = None
    _split: Any = None
    _last_split: Any = None
    _paired = False

    def __new__(cls, *args: Any, **kwargs: Any) -> Model:
        # keras.Model(inputs, outputs) builds a graph: Model is the base class, a Functional is what calling it makes.
        if cls is Model:
            from .functional import Functional

            cls = Functional
        return super().__new__(cls)

    def __init__(self, layers: Iterable[Layer] | None = None, name: str | None = None,
                 seed: int | None = None, dtype: str = "float32") -> None:
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise LayerArgumentError("model.bad_name", name=name)
        self.name = name or "sequential"
        if seed is None:  # drawn from keras.utils.set_random_seed's sequence once it is set, else fresh
            from .utils import next_seed

            seed = next_seed()
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise LayerArgumentError("model.bad_seed", seed=seed)
        self.seed = int(seed)
        if np.dtype(dtype) not in (np.float32, np.float64):
            raise LayerArgumentError("model.bad_dtype", dtype=dtype)
        self.dtype = np.dtype(dtype)
        self.layers: list[Layer] = []
        self.input_layer: InputLayer | None = None
        self.optimizer: _optimizers.Optimizer | None = None
        self.loss: _losses.Loss | None = None
        self.compiled_metrics: list[_metrics.Metric] = []
        self._metric_names: list[str] = []
        self.stop_training = False
        self.history = None
        self._flat: np.ndarray | None = None
        self._flat_grad: np.ndarray | None = None
        self._segments: list[tuple[int, int]] = []
        self._layer_segments: list[tuple[Layer, int, int]] = []
        self.train_rng = np.random.default_rng([self.seed, 1])
        # Set by iter_fit while it trains: a stop request is honoured between layers, not only between batches
        # (one batch of a 20 M-weight network takes a second or more).
        self.interrupt: Any = None
        layers = list(layers or ())
        # auto-names must not take a name that a later layer in the list asks for explicitly
        self._reserved = {layer.name for layer in layers if isinstance(layer, Layer) and layer._given_name}
        for layer in layers:
            self.add(layer)
        self._reserved = set()

    # ---- structure -------------------------------------------------------------------------------
    def add(self, layer: Layer) -> None:
        """Append a layer; raises :class:`ShapeError` (and adds nothing) if it cannot follow the last one."""
        history = getattr(layer, "_keras_history", None)
        if not isinstance(layer, Layer) and history is not None and isinstance(history[0], InputLayer):
            layer = history[0]  # keras.Input(shape) stands for its InputLayer at the start of a stack, as in Keras
        if not isinstance(layer, Layer):
            raise LayerArgumentError("model.add_not_layer", layer=layer)
        if isinstance(layer, InputLayer):
            if self.layers or self.input_layer is not None:
                raise LayerArgumentError("model.input_not_first")
            self.input_layer = layer
            if not layer._given_name:
                layer.name = "input_layer"
            return
        if any(layer is other for other in self.layers):
            raise LayerArgumentError("model.layer_twice", layer=layer.name)
        if self.input_layer is None and not self.layers and layer.input_shape_hint is not None:
            self.input_layer = Input(layer.input_shape_hint)
            self.input_layer.name = "input_layer"
        if not layer._given_name:
            layer.name = self._unique_name(layer.default_name())
        elif any(layer.name == other.name for other in self.layers):
            raise LayerArgumentError("model.duplicate_name", layer=layer.name)
        if self.input_layer is not None:
            rows = trace_shapes(self.input_layer.shape, [*self.layers, layer])
            if rows[-1].error is not None:
                raise rows[-1].error
        self.layers.append(layer)
        self._flat = None  # reallocated lazily; existing weights are kept

    def pop(self) -> Layer:
        """Remove and return the last layer."""
        if not self.layers:
            raise LayerArgumentError("model.pop_empty")
        layer = self.layers.pop()
        self._flat = None
        return layer

    def _unique_name(self, prefix: str) -> str:
        taken = {layer.name for layer in self.layers} | getattr(self, "_reserved", set())
        if prefix not in taken:
            return prefix
        i = 1
        while f"{prefix}_{i}" in taken:
            i += 1
        return f"{prefix}_{i}"

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """Return a layer by name or index, as ``keras.Model.get_layer``."""
        if index is not None:
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise LayerArgumentError("model.no_such_layer", name=name, names=', '.join(lyr.name for lyr in self.layers))

    @property
    def built(self) -> bool:
        """Whether the weights exist."""
        return self._flat is not None

    @property
    def input_shape(self) -> tuple[int | None, ...]:
        """Keras-style input shape with a ``None`` batch axis."""
        if self.input_layer is None:
            raise AttributeError("the model's input shape is not known yet: start with Input(shape) or call fit")
        return (None, *self.input_layer.shape)

    @property
    def output_shape(self) -> tuple[int | None, ...]:
        """Keras-style output shape with a ``None`` batch axis."""
        self._ensure_built()
        return self.layers[-1].output_shape if self.layers else self.input_shape

    def build(self, input_shape: Sequence[int | None] | None = None) -> None:
        """Create the weights. ``input_shape`` may include a leading batch axis (``None``), as in Keras."""
        if input_shape is not None:
            shape = tuple(input_shape)
            if shape and shape[0] is None:
                shape = shape[1:]
            if self.input_layer is None:
                self.input_layer = Input(tuple(int(d) for d in shape))
                self.input_layer.name = "input_layer"
            elif tuple(shape) != self.input_layer.shape:
                raise ShapeError("model.built_for_other_shape", want=format_shape(self.input_layer.shape),
                                 got=format_shape(tuple(shape)))
        self._ensure_built()

    def _ensure_built(self, initialize: bool = True) -> None:
        # initialize=False leaves new weights at zero: for copy(), which overwrites them at once (drawing
        # initial weights for 20 M parameters takes seconds).
        if self._flat is not None:
            return
        if self.input_layer is None:
            raise TrainingError("model.unknown_input_shape")
        if not self.layers:
            raise TrainingError("model.no_layers")
        rows = trace_shapes(self.input_layer.shape, self.layers)
        for row in rows:
            if row.error is not None:
                raise row.error
        shape = self.input_layer.shape
        source = "the input"
        all_shapes: list[dict[str, Shape]] = []
        for layer in self.layers:
            layer.build(shape, source)
            all_shapes.append(layer.weight_shapes(shape))
            shape, source = layer.output_shape_, repr(layer.name)
        total = sum(math.prod(s) for shapes in all_shapes for s in shapes.values())
        old = {id(layer): {k: v.copy() for k, v in layer.params.items()} for layer in self.layers}
        flat = np.zeros(total, self.dtype)
        grad = np.zeros(total, self.dtype)
        offset = 0
        self._segments = []
        self._layer_segments = []
        seen_params = False
        for index, (layer, shapes) in enumerate(zip(self.layers, all_shapes, strict=True)):
            offset = self._place_weights(layer, shapes, flat, grad, offset, old[id(layer)], index, initialize)
            # the first layers need no input gradient: nothing before them learns
            layer.need_input_grad = seen_params
            seen_params = seen_params or bool(shapes)
            if hasattr(layer, "rng") and getattr(layer, "seed", None) is None:
                layer.rng = np.random.default_rng([self.seed, 2, index])
        self._flat, self._flat_grad = flat, grad
        if self.optimizer is not None:
            self.optimizer.build(total, self.dtype)

    def _init_rng(self, index: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, 0, index])

    def reset_weights(self, seed: int | None = None) -> None:
        """Draw fresh initial weights (with ``seed``, or the model's own) and reset the optimizer."""
        if seed is not None:
            self.seed = int(seed)
        self.train_rng = np.random.default_rng([self.seed, 1])
        self._ensure_built()
        for index, layer in enumerate(self.layers):
            if layer.params:
                layer.initialize(self._init_rng(index))
            if hasattr(layer, "rng") and getattr(layer, "seed", None) is None:
                layer.rng = np.random.default_rng([self.seed, 2, index])
        if self.optimizer is not None:
            self.optimizer.reset()

    # ---- weights ---------------------------------------------------------------------------------
    def get_weights(self) -> list[np.ndarray]:
        """Copies of every weight, in Keras's order and layouts (Dense kernel (in, out), then bias, …)."""
        self._ensure_built()
        return [w for layer in self.layers for w in layer.get_weights()]

    def set_weights(self, weights: Sequence[np.ndarray]) -> None:
        """Load weights in :meth:`get_weights` order; every shape is checked before anything changes."""
        self._ensure_built()
        slots = [(layer, key) for layer in self.layers for key in layer.weight_names if key in layer.params]
        weights = list(weights)
        if len(weights) != len(slots):
            raise ShapeError("model.weight_count", expected=len(slots), count=len(weights))
        arrays = []
        for (layer, key), w in zip(slots, weights, strict=True):
            a = np.asarray(w)
            if a.shape != layer.params[key].shape:
                raise ShapeError("model.weight_shape", key=key, layer=layer.name, expected=layer.params[key].shape,
                                 shape=a.shape, layer_name=layer.name)
            arrays.append(a)
        for (layer, key), a in zip(slots, arrays, strict=True):
            layer.params[key][...] = a

    def get_flat_weights(self) -> np.ndarray:
        """A copy of all weights as one flat array (fast snapshot for the app's live views)."""
        self._ensure_built()
        return self._flat.copy()

    def set_flat_weights(self, flat: np.ndarray) -> None:
        """Inverse of :meth:`get_flat_weights`."""
        self._ensure_built()
        if np.shape(flat) != self._flat.shape:
            raise ShapeError("model.flat_weight_count", expected=self._flat.size, count=np.size(flat))
        self._flat[...] = flat

    def copy(self) -> Model:
        """An independent model with the same architecture, seed and weights (uncompiled).

        Unlike ``from_config(get_config())`` followed by ``set_flat_weights``, no initial weights are drawn
        first, so copying a large network costs one memory copy. Dropout and shuffling generators start from
        the seed, as in a fresh model.
        """
        clone = type(self).from_config(self.get_config())
        if self._flat is not None:
            clone._ensure_built(initialize=False)
            clone._flat[...] = self._flat
        return clone

    def count_params(self) -> int:
        """Total number of weights."""
        if self.input_layer is None:
            raise TrainingError("model.not_built")
        return sum(row.params for row in trace_shapes(self.input_layer.shape, self.layers))

    @property
    def weights(self) -> list[Any]:
        """Every weight as a :class:`~sandbox.layers.base.Variable` (``.numpy()``, ``.shape``, ``.name``,
        ``.path``), in :meth:`get_weights` order; empty while the input shape is unknown, as in Keras."""
        if self.input_layer is None and self._flat is None:
            return []
        self._ensure_built()
        return [w for layer in self.layers for w in layer.weights]

    @property
    def trainable_weights(self) -> list[Any]:
        """The weights training changes (a frozen layer's are left out)."""
        return [w for w in self.weights if w.trainable and w._owner.trainable]

    @property
    def non_trainable_weights(self) -> list[Any]:
        """The weights training leaves alone."""
        return [w for w in self.weights if not (w.trainable and w._owner.trainable)]

    @property
    def variables(self) -> list[Any]:
        """Same as :attr:`weights`."""
        return self.weights

    def save(self, filepath: Any, overwrite: bool = True, **kwargs: Any) -> None:
        """Save as a ``.dlsb`` file; a ``.keras`` or ``.h5`` path is written as ``.dlsb`` beside it, with a
        note (see :func:`sandbox.models.save_model`)."""
        from .models import save_model

        save_model(self, filepath, overwrite=overwrite, **kwargs)

    # ---- compile ---------------------------------------------------------------------------------
    def compile(self, optimizer: Any = "rmsprop", loss: Any = None, metrics: Sequence[Any] | None = None,
                **kwargs: Any) -> None:
        """Choose the optimizer, the loss and the metrics, as ``keras.Model.compile``.

        ``metrics`` holds names (``"accuracy"``, ``"mae"``) or :class:`~sandbox.metrics.Metric` objects
        (``keras.metrics.BinaryAccuracy()``, or a learner's own subclass).
        """
        if kwargs:
            raise LayerArgumentError("model.compile_arguments", names=', '.join(sorted(kwargs)))
        if loss is None:
            raise LayerArgumentError("model.compile_no_loss")
        self.optimizer = _optimizers.get(optimizer)
        self.loss = _losses.get(loss)
        names = list(metrics or [])
        for name in names:
            if isinstance(name, _metrics.Metric):
                continue
            if not isinstance(name, str):
                raise LayerArgumentError("model.bad_metric", name=name)
            if name not in ("accuracy", "acc"):
                _metrics.get(name)
        self._metric_names = names
        self.compiled_metrics = []
        if self._flat is not None:
            self.optimizer.build(self._flat.size, self.dtype)

    @property
    def metrics_names(self) -> list[str]:
        """``["loss", *metrics]``."""
        return ["loss", *(_metrics.name_of(m) for m in self._metric_names)]

    def get_compile_config(self) -> dict[str, Any] | None:
        """The compile arguments as JSON-safe data (None if not compiled)."""
        if self.optimizer is None or self.loss is None:
            return None
        return {"optimizer": _optimizers.serialize(self.optimizer), "loss": _losses.serialize(self.loss),
                "metrics": [n for n in map(_metrics.saved_name, self._metric_names) if n is not None]}

    def compile_from_config(self, config: dict[str, Any]) -> None:
        """Inverse of :meth:`get_compile_config`."""
        self.compile(optimizer=config["optimizer"], loss=config["loss"], metrics=config.get("metrics"))

    def _resolved_metrics(self, y: Any = None) -> list[_metrics.Metric]:
        if not self.compiled_metrics and self._metric_names:
            out = self.layers[-1].output_shape_ if self.layers else ()
            target = None if y is None else np.shape(y)[1:]
            self.compiled_metrics = [_metrics.resolve(n, self.loss.keras_name, out, target)
                                     for n in self._metric_names]
        return self.compiled_metrics

    def _require_compiled(self, what: str) -> None:
        if self.optimizer is None or self.loss is None:
            raise TrainingError("model.not_compiled", what=what)

    # ---- data ------------------------------------------------------------------------------------
    def prepare_inputs(self, x: Any) -> np.ndarray:
        """Turn ``x`` into a (batch, *input_shape) array of the model's dtype.

        Integer images are cast, not rescaled (divide by 255 yourself, as in Keras). Images of shape
        (batch, H, W) are given a channel axis when the model expects (H, W, 1).
        """
        x = np.asarray(x)
        if x.dtype != self.dtype:
            if not (np.issubdtype(x.dtype, np.number) or x.dtype == np.bool_):
                raise ShapeError("model.not_numbers", dtype=str(x.dtype))
            x = x.astype(self.dtype)
        if x.ndim == 0:
            raise ShapeError("model.no_batch_axis")
        if self.input_layer is None:
            self.input_layer = Input(x.shape[1:])
            self.input_layer.name = "input_layer"
        want = self.input_layer.shape
        if x.shape[1:] != want:
            if want[-1] == 1 and x.shape[1:] == want[:-1]:
                x = x[..., None]
            elif x.shape[1:] == (*want[:-1], 1) or math.prod(x.shape[1:]) != math.prod(want):
                raise ShapeError("model.input_shape", want=format_shape(want), got=format_shape(x.shape[1:]))
            else:
                raise ShapeError("model.input_shape_reshape", want=format_shape(want), got=format_shape(x.shape[1:]))
        return x

    # ---- forward and backward --------------------------------------------------------------------
    def __call__(self, x: Any, training: bool = False) -> np.ndarray:
        return self.forward(self.prepare_inputs(x), training)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Run every layer on a prepared batch ``x`` (batch, *input_shape) → (batch, *output_shape)."""
        self._ensure_built()
        for layer in self.layers:
            self._check_interrupt()
            x = layer.forward(x, training)
        return x

    def _check_interrupt(self) -> None:
        token = self.interrupt
        if token is not None and token.stopped:
            raise Cancelled("stopped in the middle of a batch; the weights are as the last full batch left them")

    def layer_outputs(self, x: Any) -> list[np.ndarray]:
        """Every layer's output for ``x`` (prediction mode), for showing what each layer sees."""
        x = self.prepare_inputs(x)
        self._ensure_built()
        outs = []
        for layer in self.layers:
            x = layer.forward(x, False)
            outs.append(x)
        return outs

    def backward(self, dy: np.ndarray) -> None:
        """Back-propagate ``dL/dy`` of the last output; fills every layer's ``grads``."""
        _batchsplit.backward_through(self.layers, dy, False, self._check_interrupt)

    def regularization_loss(self) -> float:
        """The sum of every layer's weight penalties."""
        return sum(layer.regularization_loss() for layer in self.layers)

    def compute_gradients(self, x: np.ndarray, y: Any, training: bool = True) -> tuple[float, np.ndarray]:
        """Forward + loss + backward on a prepared batch; returns ``(loss, predictions)``.

        The gradients are left in each layer's ``grads`` (and the flat gradient buffer).
        """
        self._require_compiled("computing gradients")
        split = self._last_split = self._batch_split(x) if training else None
        if split is not None:
            return split.compute_gradients(self, x, y)
        # A diverging run overflows; callers see it as a non-finite loss, not as warnings on stderr.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"), self._blas_for_step(training):
            y_pred = self.forward(x, training)
            # diagnostics (training=False: the Health probe, gradient checks) take the long way, link by link
            loss, dy, fused = (self.loss_and_gradient(y, y_pred) if training
                               else (*self.loss.forward_backward(y, y_pred), False))
            if fused:
                _batchsplit.backward_through(self.layers, dy, True, self._check_interrupt)
            else:
                self.backward(dy)
            return loss + self.regularization_loss(), y_pred

    def loss_and_gradient(self, y: Any, y_pred: np.ndarray) -> tuple[float, np.ndarray, bool]:
        """The loss of a training step and the gradient to start its backward pass from.

        Returns ``(loss, gradient, fused)``: with ``fused`` the gradient is with respect to the last layer's
        input to its softmax (a Dense with ``activation="softmax"`` under a cross-entropy loss, see
        :meth:`~sandbox.losses.Loss.softmax_forward_backward`), to be given to its ``backward_preactivation``;
        otherwise it is ``dL/dy_pred``, as ``loss.forward_backward`` gives it.
        """
        last = self.layers[-1] if self.layers else None
        if (type(last) is _Dense and last.activation.name == "softmax"
                and type(self).backward is Model.backward and hasattr(self.loss, "softmax_forward_backward")):
            found = self.loss.softmax_forward_backward(y, y_pred)
            if found is not None:
                return found[0], found[1], True
        loss, dy = self.loss.forward_backward(y, y_pred)
        return loss, dy, False

    def _place_weights(self, layer: Any, shapes: dict[str, Shape], flat: np.ndarray, grad: np.ndarray, offset: int,
                       previous: dict[str, np.ndarray], index: int, initialize: bool) -> int:
        """Make ``layer``'s weights and gradients views of the flat buffers from ``offset``; returns the next offset.

        The weights it had (``previous``) are kept when their shapes still fit; otherwise, with ``initialize``,
        the layer draws fresh ones from the model's seed and its position ``index``.

        Parameters
        ----------
        flat, grad : ndarray
            The model's flat weight and gradient buffers, ``self.dtype`` (n_weights,).
        """
        layer.params, layer.grads = {}, {}
        for key, s in shapes.items():
            n = math.prod(s)
            layer.params[key] = flat[offset:offset + n].reshape(s)
            layer.grads[key] = grad[offset:offset + n].reshape(s)
            self._segments.append((offset, offset + n))
            self._layer_segments.append((layer, offset, offset + n))
            offset += n
        if previous and all(previous.get(k, np.empty(0)).shape == s for k, s in shapes.items()):
            for key in shapes:
                layer.params[key][...] = previous[key]
        elif shapes and initialize:
            layer.initialize(self._init_rng(index))
        return offset

    def _blas_for_step(self, training: bool) -> Any:
        """One BLAS thread for a one-thread training step of a model with small kernels (see
        ``batchsplit.SMALL_KERNEL``), its large products and Adam's pass halved with the kernels' helper
        thread instead (``_native.pairing``); diagnostics (``training=False``) keep the BLAS threading of a
        plain forward."""
        self._paired = False
        if (training and self.batch_threads != 1 and _batchsplit.blas_threads() > 1
                and self._step_plan()[0]):
            self._paired = True
            return _OnePairedStep(self._step_plan()[1])
        return contextlib.nullcontext()

    def _step_plan(self) -> tuple[bool, tuple[int, int, int] | None]:
        """Whether every kernel is small (``batchsplit.small_kernels``) and the block the helper thread
        splits (``_pair_block``), found once per weight layout (a training step asks twice)."""
        key = (id(self._flat), len(self.layers))
        plan = self.__dict__.get("_plan")
        if plan is None or plan[0] != key:
            plan = self._plan = (key, (_batchsplit.small_kernels(self.layers), self._pair_block()))
        return plan[1]

    def _pair_block(self) -> tuple[int, int, int] | None:
        """``(start, rows, cols)`` of the largest Dense kernel in the flat weight buffer, or None (see
        ``_native.pairing``)."""
        flat = self._flat
        if flat is None:
            return None
        best = None
        for layer in self.layers:
            kernel = layer.params.get("kernel") if type(layer) is _Dense else None
            if kernel is not None and kernel.ndim == 2 and (best is None or kernel.size > best.size):
                best = kernel
        if best is None:
            return None
        start = (best.__array_interface__["data"][0] - flat.__array_interface__["data"][0]) // flat.itemsize
        return start, best.shape[0], best.shape[1]

    def _batch_split(self, x: np.ndarray) -> _batchsplit.BatchSplit | None:
        """The multi-thread runner for this step, or None for the one-thread path (see :mod:`sandbox.batchsplit`).

        ``batch_threads`` None (the default) follows the BLAS thread limit in force: the library and the
        CLI split over the cores, the app's worker (one BLAS thread, for a smooth GUI) does not.
        """
        wanted = self.batch_threads
        if wanted == 1 or type(self).forward is not Model.forward or type(self).backward is not Model.backward:
            return None
        parts = _batchsplit.plan(self.layers, len(x), wanted)
        if parts < 2:
            return None
        self._ensure_built()
        split = self._split
        if split is not None and split.key == _batchsplit.BatchSplit.key_for(self, parts):
            return split
        if not _batchsplit.splittable(self.layers):
            return None
        self._split = _batchsplit.BatchSplit(self, parts)
        return self._split

    def gradient_norm(self) -> float:
        """L2 norm of all gradients of the last backward pass."""
        g = self._flat_grad
        if g is None:
            return 0.0
        kernels = _native.KERNELS
        if (self._paired and kernels is not None and self._last_split is None
                and g.size >= _native.PAIR_MIN_WEIGHTS):
            # each core sums the rows of the gradient it computed (reading them all here cost ~20 µs a step);
            # OpenBLAS at one thread, as in the step: two callers must not share its thread pool
            with _OnePairedStep(self._step_plan()[1]) as on:
                squares = kernels.sumsq_pair(g, *_native.pair_block()) if on else None
            if squares is not None:
                return math.sqrt(squares)  # NaN and inf as np.dot gives them
        with np.errstate(over="ignore", invalid="ignore"):
            return math.sqrt(float(np.dot(g, g)))

    def apply_gradients(self) -> None:
        """One optimizer step from the gradients of the last backward pass."""
        # read `trainable` now, so freezing a layer after build takes effect at the next step
        frozen_ranges = [(a, b) for layer, a, b in self._layer_segments if not layer.trainable]
        frozen = [self._flat[a:b].copy() for a, b in frozen_ranges]
        for a, b in frozen_ranges:
            self._flat_grad[a:b] = 0  # Keras clips and updates trainable variables only
        split = self._last_split
        # After a split step, the optimizer's passes are split too, where each part has enough weights
        # to pay for the hand-off to a thread (~40 µs): the benchmark MLP's 109k, not the small CNN's 9k.
        parts = 1 if split is None or self._flat.size // _batchsplit.MIN_UPDATE_PART < split.parts else split.parts
        # a step that halved its products with the helper thread halves Adam's pass too
        with np.errstate(over="ignore", invalid="ignore"), (
                _native.pairing(self._step_plan()[1]) if split is None and self._paired else contextlib.nullcontext()):
            self.optimizer.apply(self._flat, self._flat_grad, self._segments,
                                 run_parts=split.run if parts > 1 else None, parts=parts)
        for (a, b), saved in zip(frozen_ranges, frozen, strict=True):
            self._flat[a:b] = saved

    def _batch_metrics(self, y: Any, y_pred: np.ndarray) -> dict[str, float]:
        """The compiled metrics on this batch alone (reset, updated, read), as ``train_on_batch`` reports them."""
        metrics = self._resolved_metrics(y)
        for m in metrics:
            m.reset_state()
            m.update_state(y, y_pred)
        return _metrics.results(metrics)

    # ---- Keras's batch-level API -----------------------------------------------------------------
    def _check_xy(self, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
        x = self.prepare_inputs(x)
        y = np.asarray(y)
        if y.ndim == 0 or len(y) != len(x):
            raise ShapeError("model.count_mismatch", count=len(x), total=np.size(y) if y.ndim == 0 else len(y))
        return x, y

    def train_on_batch(self, x: Any, y: Any, return_dict: bool = False) -> Any:
        """One training step on one batch; returns the loss (and metrics) measured before the update."""
        self._require_compiled("train_on_batch")
        x, y = self._check_xy(x, y)
        with _native.flushing_denormals():  # as fit does: a long loop of steps never slows on denormals
            loss, y_pred = self.compute_gradients(x, y)
            self.apply_gradients()
        return self._format_logs(loss, self._batch_metrics(y, y_pred), return_dict)

    def test_on_batch(self, x: Any, y: Any, return_dict: bool = False) -> Any:
        """Loss and metrics on one batch, without training."""
        self._require_compiled("test_on_batch")
        x, y = self._check_xy(x, y)
        y_pred = self.forward(x, False)
        loss = self.loss(y, y_pred) + self.regularization_loss()
        return self._format_logs(loss, self._batch_metrics(y, y_pred), return_dict)

    def predict_on_batch(self, x: Any) -> np.ndarray:
        """Predictions for one batch."""
        return self.forward(self.prepare_inputs(x), False)

    def _format_logs(self, loss: float, values: dict[str, float], return_dict: bool) -> Any:
        logs = {"loss": float(loss), **values}
        if return_dict:
            return logs
        return logs["loss"] if len(logs) == 1 else list(logs.values())

    # ---- Keras's dataset-level API ---------------------------------------------------------------
    def fit(self, x: Any = None, y: Any = None, batch_size: int | None = None, epochs: int = 1,
            verbose: Any = "auto", callbacks: Sequence[Any] | None = None, validation_split: float = 0.0,
            validation_data: Any = None, shuffle: bool = True, initial_epoch: int = 0,
            augment: Any = None, stop: Any = None):
        """Train for ``epochs`` epochs; returns a :class:`~sandbox.callbacks.History`.

        Arguments as ``keras.Model.fit``; ``augment`` is a callable ``(x_batch, rng) -> x_batch``
        applied to each training batch, and ``stop`` a :class:`~sandbox.callbacks.StopToken`.
        """
        from .training import iter_fit, progress_printer

        gen = iter_fit(self, x, y, batch_size=batch_size, epochs=epochs, callbacks=callbacks,
                       validation_split=validation_split, validation_data=validation_data, shuffle=shuffle,
                       initial_epoch=initial_epoch, augment=augment, stop=stop)
        printer = progress_printer(verbose)
        while True:
            try:
                record = next(gen)
            except StopIteration as done:
                return done.value
            printer(record)

    def evaluate(self, x: Any = None, y: Any = None, batch_size: int | None = None, verbose: Any = "auto",
                 return_dict: bool = False, callbacks: Sequence[Any] | None = None) -> Any:
        """Loss and metrics over a whole dataset (sample-weighted means), as ``keras.Model.evaluate``.

        ``callbacks`` get ``on_test_begin``, ``on_test_batch_begin`` / ``on_test_batch_end`` (with the running
        logs) and ``on_test_end`` (with the final logs), as in Keras.
        """
        from .callbacks import CallbackList

        self._require_compiled("evaluate")
        x, y = self._check_xy(x, y)
        bs = batch_size or 32
        cbs = CallbackList(callbacks or [])
        cbs.set_model(self)
        cbs.set_params({"epochs": 1, "steps": math.ceil(len(x) / bs), "verbose": 0})
        logs = self._evaluate_prepared(x, y, bs, callbacks=cbs)
        if verbose not in (0, False):
            print(" - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
        if return_dict:
            return logs
        return logs["loss"] if len(logs) == 1 else list(logs.values())

    def _evaluate_prepared(self, x: np.ndarray, y: np.ndarray, batch_size: int,
                           stop: Any = None, callbacks: Any = None) -> dict[str, float] | None:
        # With a StopToken ``stop``: checked between batches, None once it is set (iter_fit's validation pass).
        # ``callbacks`` (a CallbackList) get the on_test_* hooks, as Keras calls them in evaluate and validation.
        self._ensure_built()  # resolving "accuracy" needs the output shape
        total, count = 0.0, 0
        metrics = self._resolved_metrics(y)
        for m in metrics:
            m.reset_state()
        reg = self.regularization_loss()
        if callbacks is not None:
            callbacks.on_test_begin()
        for step, start in enumerate(range(0, len(x), batch_size)):
            if stop is not None and stop.stopped:
                return None
            if callbacks is not None:
                callbacks.on_test_batch_begin(step)
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            y_pred = self.forward(xb, False)
            total += self.loss(yb, y_pred) * len(xb)
            count += len(xb)
            for m in metrics:
                m.update_state(yb, y_pred)
            if callbacks is not None:
                callbacks.on_test_batch_end(step, {"loss": total / count + reg, **_metrics.results(metrics)})
        logs = {"loss": (total / count if count else 0.0) + reg}
        logs.update(_metrics.results(metrics))
        if callbacks is not None:
            callbacks.on_test_end(dict(logs))
        return logs

    def predict(self, x: Any, batch_size: int | None = None, verbose: Any = "auto",
                callbacks: Sequence[Any] | None = None) -> np.ndarray:
        """Predictions for every sample, computed in batches of ``batch_size`` (default 32).

        ``callbacks`` get ``on_predict_begin``, ``on_predict_batch_begin`` / ``on_predict_batch_end`` (with
        ``{"outputs": batch predictions}``) and ``on_predict_end``, as in Keras.
        """
        x = self.prepare_inputs(x)
        self._ensure_built()
        bs = batch_size or 32
        if callbacks:
            from .callbacks import CallbackList

            cbs = CallbackList(callbacks)
            cbs.set_model(self)
            cbs.set_params({"epochs": 1, "steps": math.ceil(len(x) / bs), "verbose": 0})
            cbs.on_predict_begin()
            outputs = []
            for step, start in enumerate(range(0, len(x), bs)):
                cbs.on_predict_batch_begin(step)
                outputs.append(self.forward(x[start:start + bs], False).copy())
                cbs.on_predict_batch_end(step, {"outputs": outputs[-1]})
            cbs.on_predict_end()
            return np.concatenate(outputs) if outputs else self.forward(x, False).copy()
        if len(x) <= bs:
            return self.forward(x, False).copy()
        return np.concatenate([self.forward(x[i:i + bs], False) for i in range(0, len(x), bs)])

    # ---- description -----------------------------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """JSON-safe architecture: name, seed, dtype and each layer's ``{"class_name", "config"}``."""
        layers = [_serialize_layer(layer) for layer in self.layers]
        if self.input_layer is not None:
            layers.insert(0, _serialize_layer(self.input_layer))
        return {"name": self.name, "seed": self.seed, "dtype": self.dtype.name, "layers": layers}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Sequential:
        """Rebuild a model (untrained, uncompiled) from :meth:`get_config`'s output."""
        if not isinstance(config, dict) or not isinstance(config.get("layers"), list):
            raise LayerArgumentError("model.bad_config")
        unknown = set(config) - {"name", "seed", "dtype", "layers", "trainable"}
        if unknown:
            raise LayerArgumentError("model.config_keys", names=', '.join(sorted(unknown)))
        layers = [_deserialize_layer(c) for c in config["layers"]]
        return cls(layers, name=config.get("name"), seed=config.get("seed"), dtype=config.get("dtype", "float32"))

    def summary(self, line_length: int | None = None, positions: Sequence[float] | None = None,
                print_fn: Any = None, expand_nested: bool = False, show_trainable: bool = False) -> None:
        """Print a Keras-like table of layers, output shapes and parameter counts.

        ``line_length`` is the table's width in characters and ``positions`` where each column ends, as
        fractions of it (Keras's ``[0.45, 0.84, 1.0]``); ``print_fn(line)`` receives each line instead of
        ``print``. ``expand_nested`` and ``show_trainable`` are accepted for Keras's sake (no model nests).
        """
        lines = summary_lines(self, line_length, positions)
        for line in lines:
            (print_fn or print)(line)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r} layers={[layer.name for layer in self.layers]}>"


class Sequential(Model):
    """A linear stack of layers, as ``keras.Sequential`` (parameters as :class:`Model`'s)."""


def _column_widths(line_length: int | None, positions: Sequence[float] | None) -> tuple[int, int, int]:
    """Column widths for a table ``line_length`` characters wide whose columns end at ``positions``."""
    from ._registry import check_int

    length = check_int("line_length", 77 if line_length is None else line_length, minimum=20)
    ends = list(positions) if positions is not None else [0.45, 0.84, 1.0]
    if len(ends) != 3 or not all(isinstance(e, int | float) and 0 < e <= 1 for e in ends) or ends != sorted(ends):
        raise LayerArgumentError("model.summary_positions", positions=positions)
    inner = length - 4  # the four vertical bars
    cuts = [round(e * inner) for e in ends]
    widths = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1]]
    if min(widths) < 4:
        raise LayerArgumentError("model.summary_too_narrow", line_length=length)
    return widths[0], widths[1], widths[2]


def _human_bytes(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.2f} {unit}"
        n /= 1024
    return f"{n:.2f} GB"  # pragma: no cover


def summary_lines(model: Sequential, line_length: int | None = None,
                  positions: Sequence[float] | None = None) -> list[str]:
    """The lines of :meth:`Sequential.summary` (see there for ``line_length`` and ``positions``)."""
    rows = []
    if model.input_layer is not None:
        traced = trace_shapes(model.input_layer.shape, model.layers)
        for row in traced:
            if row.error is not None:
                raise row.error
        for row in traced:
            shape = "(None, " + ", ".join(map(str, row.output_shape)) + ")" if len(row.output_shape) > 1 \
                else f"(None, {row.output_shape[0]})"
            rows.append((f"{row.layer.name} ({type(row.layer).__name__})", shape, f"{row.params:,}"))
        total = sum(r.params for r in traced)
        frozen = sum(r.params for r in traced if not r.layer.trainable)
    else:
        rows = [(f"{layer.name} ({type(layer).__name__})", "?", "0 (unbuilt)") for layer in model.layers]
        total = frozen = 0
    widths = (34, 25, 14) if line_length is None and positions is None else _column_widths(line_length, positions)
    head = ("Layer (type)", "Output Shape", "Param #")

    def line(cells: tuple[str, str, str]) -> str:
        return ("│ " + cells[0].ljust(widths[0] - 1) + "│ " + cells[1].ljust(widths[1] - 1) + "│ "
                + cells[2].rjust(widths[2] - 2) + " │")

    out = [f'Model: "{model.name}"',
           "┏" + "┳".join("━" * w for w in widths) + "┓",
           "┃ " + head[0].ljust(widths[0] - 1) + "┃ " + head[1].ljust(widths[1] - 1) + "┃ "
           + head[2].rjust(widths[2] - 2) + " ┃",
           "┡" + "╇".join("━" * w for w in widths) + "┩"]
    for i, r in enumerate(rows):
        if line_length is None and positions is None:
            out.append(line(r))
        else:  # a width was asked for: wrap long cells onto more lines, as Keras's table does
            import textwrap

            pieces = [textwrap.wrap(cell, max(1, width), break_on_hyphens=False) or [""]
                      for cell, width in zip(r, (widths[0] - 1, widths[1] - 1, widths[2] - 2), strict=True)]
            for k in range(max(map(len, pieces))):
                out.append(line(tuple(p[k] if k < len(p) else "" for p in pieces)))  # type: ignore[arg-type]
        if i < len(rows) - 1:
            out.append("├" + "┼".join("─" * w for w in widths) + "┤")
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    size = model.dtype.itemsize
    out.append(f" Total params: {total:,} ({_human_bytes(total * size)})")
    out.append(f" Trainable params: {total - frozen:,} ({_human_bytes((total - frozen) * size)})")
    out.append(f" Non-trainable params: {frozen:,} ({_human_bytes(frozen * size)})")
    return out
