"""The functional API: ``keras.Input``, layers called on symbolic tensors, and ``keras.Model(inputs, outputs)``.

::

    inputs = sb.Input(shape=(28, 28, 1))
    x = sb.layers.Conv2D(32, 3, activation="relu")(inputs)
    x = sb.layers.Flatten()(x)
    outputs = sb.layers.Dense(10, activation="softmax")(x)
    model = sb.Model(inputs=inputs, outputs=outputs)

``Input`` returns a :class:`KerasTensor`: a per-sample shape with no values. Calling a layer on one records
the call and returns the layer's symbolic output, so a graph is written down layer by layer; ``Model``
then sorts the graph as Keras does (so ``model.layers`` and ``get_weights`` come in Keras's order) and
runs it with the engine's machinery: one flat weight buffer, and ``compile`` / ``fit`` / ``evaluate`` /
``predict`` through the same training loop as :class:`~sandbox.model.Sequential`, so callbacks, History
and the app's training monitor work unchanged.

Limits, each refused with a coded message rather than computed wrongly:

* a layer is called once (no shared layers): its forward pass caches what its backward pass needs;
* every output must depend on the model's inputs only, and every input must reach an output;
* models cannot be called on symbolic tensors (no nested models).

Several inputs or outputs are given as lists (or dicts by layer name) of arrays in ``fit``, ``evaluate``
and ``predict``; ``predict`` returns a list for several outputs, as Keras does. ``compile`` takes one
loss for every output, or one per output (list or dict); the total loss is their sum, and the logs name
each output's loss and metrics ``<output>_loss``, ``<output>_<metric>`` as Keras 3 does. ``loss_weights``
are not supported, and per-batch training details (``iter_fit(details=True)``) need a single output.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from . import losses as _losses
from . import metrics as _metrics
from .errors import LayerArgumentError, ShapeError, TrainingError
from .layers import InputLayer, Layer
from .layers import deserialize as _deserialize_layer
from .layers import serialize as _serialize_layer
from .layers.base import Shape, format_shape
from .model import Model, _human_bytes

__all__ = ["Functional", "Input", "KerasTensor", "call_layer", "is_symbolic", "stack_config", "summary_lines"]


class KerasTensor:
    """A symbolic tensor: the shape of what a layer will output, and which layer's call makes it.

    Attributes
    ----------
    shape : tuple
        Keras's shape with a ``None`` batch axis, e.g. ``(None, 28, 28, 1)``.
    dtype : str
        ``"float32"``.
    """

    __slots__ = ("_keras_history", "_sample_shape")

    def __init__(self, sample_shape: Shape, layer: Layer) -> None:
        self._sample_shape = tuple(sample_shape)
        #: (layer, node index, tensor index), as in Keras; this engine has one call per layer and one output.
        self._keras_history = (layer, 0, 0)

    @property
    def shape(self) -> tuple[int | None, ...]:
        return (None, *self._sample_shape)

    @property
    def ndim(self) -> int:
        return len(self._sample_shape) + 1

    @property
    def dtype(self) -> str:
        return "float32"

    @property
    def name(self) -> str:
        layer = self._keras_history[0]
        return layer.name or layer.default_name()

    def __array__(self, *args: Any, **kwargs: Any) -> np.ndarray:
        # np.asarray(tensor) happens when a symbolic tensor is given where data is expected (model.predict(inputs)).
        raise TrainingError("graph.symbolic_as_data", name=self.name)

    def __repr__(self) -> str:
        return f"<KerasTensor shape={self.shape}, dtype=float32, sparse=False, ragged=False, name={self.name}>"


def Input(shape: Any = None, batch_size: int | None = None, dtype: Any = None, sparse: bool | None = None,
          batch_shape: Any = None, name: str | None = None, **kwargs: Any) -> KerasTensor:
    """A symbolic input of per-sample ``shape``, as ``keras.Input``: the start of a functional graph.

    Parameters
    ----------
    shape : tuple of int
        The shape of one sample, without the batch axis: ``(28, 28, 1)``.
    batch_size, dtype, sparse
        Accepted for Keras's sake; the engine computes in the model's dtype.
    batch_shape : tuple, optional
        ``(None, *shape)``, instead of ``shape``.
    name : str, optional
        The input's name (default ``input_layer``, numbered within a model).

    Returns
    -------
    KerasTensor
        Also accepted as the first entry of a ``Sequential`` list (it stands for its ``InputLayer``).
    """
    if batch_shape is not None and shape is None:
        kwargs["batch_shape"] = batch_shape
    layer = InputLayer(shape, name=name, **kwargs)
    return _output_of(layer)


def _output_of(layer: InputLayer) -> KerasTensor:
    """The symbolic tensor an InputLayer stands for (made once, so every use names the same input)."""
    tensor = getattr(layer, "_graph_output", None)
    if tensor is None:
        tensor = KerasTensor(layer.shape, layer)
        layer._graph_inputs = []
        layer._graph_output = tensor
        layer.output = tensor
    return tensor


def _as_tensor(x: Any) -> KerasTensor:
    return _output_of(x) if isinstance(x, InputLayer) else x


def is_symbolic(x: Any) -> bool:
    """Whether ``x`` is a symbolic tensor, an InputLayer, or a non-empty list of them (a layer call to record)."""
    if isinstance(x, KerasTensor | InputLayer):
        return True
    return isinstance(x, list | tuple) and bool(x) and all(isinstance(t, KerasTensor | InputLayer) for t in x)


def _source(tensor: KerasTensor) -> str:
    """Where ``tensor`` comes from, as the shape messages say it: ``the input`` or a quoted layer name."""
    layer = tensor._keras_history[0]
    return "the input" if isinstance(layer, InputLayer) else repr(tensor.name)


def call_layer(layer: Layer, x: Any) -> KerasTensor:
    """Record ``layer(x)`` on symbolic ``x`` and return its symbolic output; the shapes are checked now.

    Raises
    ------
    ShapeError
        If the layer cannot take that input, with the same message as in a ``Sequential``.
    LayerArgumentError
        If the layer was called before (shared layers are not supported), is an Input, or gets a list
        where it takes one input (or one input where it merges a list).
    """
    if isinstance(layer, InputLayer):
        raise LayerArgumentError("graph.call_input")
    if getattr(layer, "_graph_output", None) is not None:
        raise LayerArgumentError("graph.layer_called_twice", layer=layer.name or layer.default_name())
    multi = getattr(layer, "multi_input", False)
    if isinstance(x, list | tuple):
        tensors = [_as_tensor(t) for t in x]
        if not multi:
            if len(tensors) != 1:
                raise LayerArgumentError("graph.one_input", layer=type(layer).__name__, count=len(tensors))
    else:
        tensors = [_as_tensor(x)]
    if multi:
        shape = layer.output_shape_for([t._sample_shape for t in tensors], _source(tensors[0]))
    else:
        shape = layer.output_shape_for(tensors[0]._sample_shape, _source(tensors[0]))
    tensor = KerasTensor(shape, layer)
    layer._graph_inputs = tensors
    layer._graph_output = tensor
    # Keras's layer.input / layer.output, e.g. to build a second model on an inner layer's features.
    layer.input = tensors if multi else tensors[0]
    layer.output = tensor
    return tensor


class _Arrays:
    """Several arrays with one batch axis, indexed together: the inputs or targets of a many-ended model.

    ``arrays[idx]`` selects the same samples from each (``idx`` an index array or a slice), and ``len`` is
    the number of samples, so the training loop batches and shuffles them as it does one array.
    """

    __slots__ = ("arrays",)

    def __init__(self, arrays: Sequence[np.ndarray]) -> None:
        self.arrays = list(arrays)

    def __len__(self) -> int:
        return len(self.arrays[0])

    def __getitem__(self, index: Any) -> _Arrays:
        return _Arrays([a[index] for a in self.arrays])

    @property
    def shape(self) -> tuple[int, ...]:
        return self.arrays[0].shape


def _keras_order(outputs: list[KerasTensor]) -> list[Layer]:
    """The graph's layers in Keras's order: by depth (longest path to an output), deepest first, ties in
    the order a depth-first walk from the outputs first meets them (Keras's ``map_graph``)."""
    index: dict[int, int] = {}
    finished: set[int] = set()
    order: list[Layer] = []  # the layers, inputs before the layers that use them
    by_id: dict[int, Layer] = {}
    for output in outputs:
        # Iterative depth-first walk (a deep graph must not hit Python's recursion limit).
        stack: list[tuple[Layer, bool]] = [(output._keras_history[0], False)]
        while stack:
            layer, expanded = stack.pop()
            key = id(layer)
            if key in finished:
                continue
            if expanded:
                finished.add(key)
                order.append(layer)
                continue
            index.setdefault(key, len(index))
            by_id[key] = layer
            stack.append((layer, True))
            for t in reversed(layer._graph_inputs):
                if id(t._keras_history[0]) not in finished:
                    stack.append((t._keras_history[0], False))
    depth: dict[int, int] = {}
    for layer in reversed(order):
        d = depth.setdefault(id(layer), 0)
        for t in layer._graph_inputs:
            parent = id(t._keras_history[0])
            depth[parent] = max(depth.get(parent, 0), d + 1)
    return sorted(order, key=lambda layer: (-depth[id(layer)], index[id(layer)]))


def _named_list(value: Any, names: list[str], code: str) -> list[Any] | None:
    """``value`` as one entry per name: from a list or tuple of that length, or a dict keyed by those names.

    Returns None when ``value`` is neither (one value meant for every entry), as a serialized loss is:
    ``{"class_name": ..., "config": ...}``.
    """
    if isinstance(value, dict) and not {"class_name", "config"} <= set(value):
        if set(value) != set(names):
            raise LayerArgumentError(code, **{"expected": ", ".join(names), "got": _short(value)})
        return [value[n] for n in names]
    if isinstance(value, list | tuple):
        if len(value) != len(names):
            raise LayerArgumentError(code, **{"expected": ", ".join(names), "got": _short(value)})
        return list(value)
    return None


class _OutputsLoss:
    """The loss of a many-output model: the sum of one loss per output (no loss weights).

    Called as a loss is, on targets and predictions of every output (an ``_Arrays`` and a list); its
    gradient is one array per output.
    """

    def __init__(self, losses: list[_losses.Loss]) -> None:
        self.losses = losses
        self.keras_name = losses[0].keras_name

    def __call__(self, y_true: _Arrays, y_pred: list[np.ndarray]) -> float:
        return sum(loss(t, p) for loss, t, p in zip(self.losses, y_true.arrays, y_pred, strict=True))

    def forward_backward(self, y_true: _Arrays, y_pred: list[np.ndarray],
                         need_grad: bool = True) -> tuple[float, list[np.ndarray]]:
        total, grads = 0.0, []
        for loss, t, p in zip(self.losses, y_true.arrays, y_pred, strict=True):
            value, grad = loss.forward_backward(t, p)
            total += value
            grads.append(grad)
        return total, grads


class _OutputLossMetric:
    """``<output>_loss`` in the logs: the sample-weighted mean of one output's loss."""

    def __init__(self, loss: _losses.Loss, index: int, name: str) -> None:
        self.loss, self.index, self.name = loss, index, name
        self.total, self.count = 0.0, 0

    def reset_state(self) -> None:
        self.total, self.count = 0.0, 0

    def update_state(self, y_true: _Arrays, y_pred: list[np.ndarray], sample_weight: Any = None) -> None:
        t = y_true.arrays[self.index]
        self.total += self.loss(t, y_pred[self.index]) * len(t)
        self.count += len(t)

    def result(self) -> float:
        return self.total / self.count if self.count else 0.0

    def fn(self, y_true: _Arrays, y_pred: list[np.ndarray]) -> tuple[float, int]:
        """(sum over samples, samples) of one batch, for a loop that adds batches itself."""
        t = y_true.arrays[self.index]
        return self.loss(t, y_pred[self.index]) * len(t), len(t)


class _OutputMetric:
    """``<output>_<metric>`` in the logs: a compiled metric fed one output's targets and predictions."""

    def __init__(self, inner: Any, index: int, name: str) -> None:
        self.inner, self.index, self.name = inner, index, name

    def reset_state(self) -> None:
        self.inner.reset_state()

    def update_state(self, y_true: _Arrays, y_pred: list[np.ndarray], sample_weight: Any = None) -> None:
        self.inner.update_state(y_true.arrays[self.index], y_pred[self.index])

    def result(self) -> Any:
        return self.inner.result()

    def fn(self, y_true: _Arrays, y_pred: list[np.ndarray]) -> tuple[float, int]:
        """(sum over samples, samples) of one batch, for a loop that adds batches itself."""
        t, p = y_true.arrays[self.index], y_pred[self.index]
        inner_fn = getattr(self.inner, "fn", None)
        if inner_fn is not None:
            return inner_fn(t, p)
        self.inner.reset_state()
        self.inner.update_state(t, p)
        return float(self.inner.result()) * len(t), len(t)


class Functional(Model):
    """A graph of layers from symbolic inputs to outputs, as ``keras.Model(inputs, outputs)``.

    Made by ``sandbox.Model(inputs=..., outputs=...)``; ``isinstance(model, sandbox.Sequential)`` is false.

    Parameters
    ----------
    inputs : KerasTensor, or list or dict of them
        What ``Input(...)`` returned (an ``InputLayer`` is accepted too).
    outputs : KerasTensor, or list or dict of them
        Layer outputs that depend on ``inputs`` only.
    name : str, optional
        Default ``"functional"``.
    seed : int, optional
        Fixes initial weights, shuffles and dropout, as for ``Sequential``.
    dtype : {"float32", "float64"}
        Weight and computation dtype.

    Attributes
    ----------
    layers : list of Layer
        Every layer, the InputLayers included, in Keras's order (so ``get_weights`` is in Keras's order).
    inputs, outputs : list of KerasTensor
    input_names, output_names : list of str
    """

    def __init__(self, inputs: Any = None, outputs: Any = None, name: str | None = None, seed: int | None = None,
                 dtype: str = "float32", trainable: bool = True) -> None:
        super().__init__(None, name=name or "functional", seed=seed, dtype=dtype)
        if inputs is None or outputs is None:
            raise LayerArgumentError("graph.needs_inputs_outputs")
        self._single_input = not isinstance(inputs, list | tuple | dict)
        self._single_output = not isinstance(outputs, list | tuple | dict)
        ins = list(inputs.values()) if isinstance(inputs, dict) else \
            list(inputs) if isinstance(inputs, list | tuple) else [inputs]
        outs = list(outputs.values()) if isinstance(outputs, dict) else \
            list(outputs) if isinstance(outputs, list | tuple) else [outputs]
        if not ins or not outs:
            raise LayerArgumentError("graph.needs_inputs_outputs")
        self._single_input = self._single_input or len(ins) == 1
        self._single_output = self._single_output or len(outs) == 1
        ins = [_as_tensor(t) for t in ins]
        for t in [*ins, *outs]:
            if not isinstance(t, KerasTensor):
                raise LayerArgumentError("graph.not_symbolic", value=_short(t))
        for t in ins:
            if not isinstance(t._keras_history[0], InputLayer):
                raise LayerArgumentError("graph.input_not_input", name=t.name)
        if len({id(t) for t in ins}) != len(ins):
            raise LayerArgumentError("graph.input_twice")
        if len({id(t) for t in outs}) != len(outs):
            raise LayerArgumentError("graph.output_twice")
        layers = _keras_order(outs)
        reached = {id(layer) for layer in layers}
        given = {id(t._keras_history[0]) for t in ins}
        for layer in layers:
            if isinstance(layer, InputLayer) and id(layer) not in given:
                raise LayerArgumentError("graph.missing_input", name=layer.name or layer.default_name())
        for t in ins:
            if id(t._keras_history[0]) not in reached:
                raise LayerArgumentError("graph.unused_input", name=t.name)
        self.inputs, self.outputs = ins, outs
        self._input_layers: list[InputLayer] = [t._keras_history[0] for t in ins]
        self._output_layers: list[Layer] = [t._keras_history[0] for t in outs]
        # Names are unique within the model; an unnamed layer gets Keras's default name, numbered in layer order.
        taken = {layer.name for layer in layers if layer._given_name}
        if len(taken) != sum(layer._given_name for layer in layers):
            seen: set[str] = set()
            for layer in layers:
                if layer._given_name and layer.name in seen:
                    raise LayerArgumentError("model.duplicate_name", layer=layer.name)
                seen.add(layer.name)
        for layer in layers:
            if not layer._given_name:
                prefix, i = layer.default_name(), 1
                candidate = prefix
                while candidate in taken:
                    candidate, i = f"{prefix}_{i}", i + 1
                layer.name = candidate
                taken.add(candidate)
        self.layers = layers
        # Engine code that speaks of "the" input (prepare_inputs, input_shape) sees the only one.
        self.input_layer = self._input_layers[0] if self._single_input else None
        self.trainable = bool(trainable)

    # ---- structure ---------------------------------------------------------------------------------------
    @property
    def input_names(self) -> list[str]:
        return [layer.name for layer in self._input_layers]

    @property
    def output_names(self) -> list[str]:
        return [layer.name for layer in self._output_layers]

    def add(self, layer: Layer) -> None:
        raise LayerArgumentError("graph.no_add")

    def pop(self) -> Layer:
        raise LayerArgumentError("graph.no_add")

    @property
    def input_shape(self) -> Any:
        shapes = [(None, *layer.shape) for layer in self._input_layers]
        return shapes[0] if self._single_input else shapes

    @property
    def output_shape(self) -> Any:
        shapes = [t.shape for t in self.outputs]
        return shapes[0] if self._single_output else shapes

    def build(self, input_shape: Any = None) -> None:
        """Create the weights (every shape is known from the graph; ``input_shape`` is accepted and ignored)."""
        self._ensure_built()

    def _layer_input_shape(self, layer: Layer) -> Any:
        shapes = [t._sample_shape for t in layer._graph_inputs]
        return shapes if getattr(layer, "multi_input", False) else shapes[0]

    def _layer_source(self, layer: Layer) -> str:
        return _source(layer._graph_inputs[0])

    def _ensure_built(self, initialize: bool = True) -> None:
        # The same layout as Model._ensure_built (views into one flat buffer, layer by layer in self.layers'
        # order), with each layer's input shape taken from the graph instead of from the layer before it.
        if self._flat is not None:
            return
        computing = [layer for layer in self.layers if not isinstance(layer, InputLayer)]
        all_shapes: list[dict[str, Shape]] = []
        for layer in computing:
            shape = self._layer_input_shape(layer)
            layer.build(shape, self._layer_source(layer))
            all_shapes.append(layer.weight_shapes(shape))
        total = sum(math.prod(s) for shapes in all_shapes for s in shapes.values())
        old = {id(layer): {k: v.copy() for k, v in layer.params.items()} for layer in computing}
        flat = np.zeros(total, self.dtype)
        grad = np.zeros(total, self.dtype)
        offset = 0
        self._segments, self._layer_segments = [], []
        learns: dict[int, bool] = {}  # whether a layer or one before it has weights
        for layer, shapes in zip(computing, all_shapes, strict=True):
            index = self.layers.index(layer)
            offset = self._place_weights(layer, shapes, flat, grad, offset, old[id(layer)], index, initialize)
            # A layer needs its input gradient only when something before it learns.
            before = any(learns.get(id(t._keras_history[0]), False) for t in layer._graph_inputs)
            layer.need_input_grad = before
            learns[id(layer)] = before or bool(shapes)
            if hasattr(layer, "rng") and getattr(layer, "seed", None) is None:
                layer.rng = np.random.default_rng([self.seed, 2, index])
        self._flat, self._flat_grad = flat, grad
        if self.optimizer is not None:
            self.optimizer.build(total, self.dtype)

    def count_params(self) -> int:
        """Total number of weights (known from the graph before anything is built)."""
        return sum(math.prod(s) for layer in self.layers if not isinstance(layer, InputLayer)
                   for s in layer.weight_shapes(self._layer_input_shape(layer)).values())

    def _layer_params(self, layer: Layer) -> int:
        if isinstance(layer, InputLayer):
            return 0
        return sum(math.prod(s) for s in layer.weight_shapes(self._layer_input_shape(layer)).values())

    # ---- data --------------------------------------------------------------------------------------------
    def _prepare_one(self, x: Any, want: Shape) -> np.ndarray:
        # As Model.prepare_inputs, for one of several inputs.
        x = np.asarray(x)
        if x.dtype != self.dtype:
            if not (np.issubdtype(x.dtype, np.number) or x.dtype == np.bool_):
                raise ShapeError("model.not_numbers", dtype=str(x.dtype))
            x = x.astype(self.dtype)
        if x.ndim == 0:
            raise ShapeError("model.no_batch_axis")
        if x.shape[1:] != want:
            if want[-1] == 1 and x.shape[1:] == want[:-1]:
                return x[..., None]
            if x.shape[1:] == (*want[:-1], 1) or math.prod(x.shape[1:]) != math.prod(want):
                raise ShapeError("model.input_shape", want=format_shape(want), got=format_shape(x.shape[1:]))
            raise ShapeError("model.input_shape_reshape", want=format_shape(want), got=format_shape(x.shape[1:]))
        return x

    def _split(self, value: Any, names: list[str], targets: bool) -> list[Any]:
        """One array per input (or per output when ``targets``), from one array, a list or a dict by name."""
        if isinstance(value, _Arrays):
            return value.arrays
        if isinstance(value, dict):
            if set(value) != set(names):
                fields = {"expected": ", ".join(names), "got": ", ".join(map(str, value))}
                raise ShapeError("graph.target_names" if targets else "graph.input_names", **fields)
            return [value[n] for n in names]
        if isinstance(value, list | tuple) and len(names) > 1:
            if len(value) != len(names):
                fields = {"expected": len(names), "count": len(value)}
                raise ShapeError("graph.target_count" if targets else "graph.input_count", **fields)
            return list(value)
        if isinstance(value, list | tuple) and len(value) == 1 and isinstance(value[0], np.ndarray):
            return [value[0]]  # [x] for a model with one input, as Keras accepts
        if len(names) > 1:
            fields = {"expected": len(names), "count": 1}
            raise ShapeError("graph.target_count" if targets else "graph.input_count", **fields)
        return [value]

    def prepare_inputs(self, x: Any) -> Any:
        """The inputs as arrays of the model's dtype: one (batch, *shape) array, or several together."""
        arrays = [self._prepare_one(a, layer.shape)
                  for a, layer in zip(self._split(x, self.input_names, False), self._input_layers, strict=True)]
        if len(arrays) == 1:
            return arrays[0]
        if len({len(a) for a in arrays}) > 1:
            raise ShapeError("graph.input_sample_counts", counts=", ".join(str(len(a)) for a in arrays))
        return _Arrays(arrays)

    def _prepare_targets(self, y: Any) -> Any:
        arrays = [np.asarray(a) for a in self._split(y, self.output_names, True)]
        for a in arrays:
            if a.ndim == 0:
                raise ShapeError("model.no_batch_axis")
        if len(arrays) == 1:
            return arrays[0]
        if len({len(a) for a in arrays}) > 1:
            raise ShapeError("graph.target_sample_counts", counts=", ".join(str(len(a)) for a in arrays))
        return _Arrays(arrays)

    def _check_xy(self, x: Any, y: Any) -> tuple[Any, Any]:
        x = self.prepare_inputs(x)
        y = self._prepare_targets(y)
        if len(y) != len(x):
            raise ShapeError("model.count_mismatch", count=len(x), total=len(y))
        return x, y

    # ---- forward and backward ----------------------------------------------------------------------------
    def __call__(self, x: Any, training: bool = False) -> Any:
        if is_symbolic(x):
            raise LayerArgumentError("graph.nested_model")
        return self.forward(self.prepare_inputs(x), training)

    def _run(self, x: Any, training: bool) -> dict[int, np.ndarray]:
        """Every layer's output on prepared inputs, by ``id`` of the layer."""
        self._ensure_built()
        given = x.arrays if isinstance(x, _Arrays) else [x]
        values: dict[int, np.ndarray] = {id(layer): a for layer, a in zip(self._input_layers, given, strict=True)}
        for layer in self.layers:
            if isinstance(layer, InputLayer):
                continue
            self._check_interrupt()
            ins = [values[id(t._keras_history[0])] for t in layer._graph_inputs]
            values[id(layer)] = layer.forward(ins if getattr(layer, "multi_input", False) else ins[0], training)
        return values

    def forward(self, x: Any, training: bool = False) -> Any:
        """Run the graph on prepared inputs; one (batch, *shape) array, or a list of them for several outputs."""
        values = self._run(x, training)
        outs = [values[id(layer)] for layer in self._output_layers]
        return outs[0] if self._single_output else outs

    def layer_outputs(self, x: Any) -> list[np.ndarray]:
        """Every layer's output for ``x`` (prediction mode), in ``self.layers`` order (Inputs give their input)."""
        values = self._run(self.prepare_inputs(x), False)
        return [values[id(layer)] for layer in self.layers]

    def backward(self, dy: Any) -> list[np.ndarray | None]:
        """Back-propagate ``dL/dy`` of the outputs (an array, or a list for several); fills every ``grads``.

        Returns
        -------
        list of ndarray or None
            ``dL/dx`` for each input, where some layer computed it (None otherwise).
        """
        dys = [dy] if self._single_output else list(dy)
        grads: dict[int, np.ndarray] = {}
        for layer, d in zip(self._output_layers, dys, strict=True):
            key = id(layer)
            # An output can also feed another layer: gradients meeting at one tensor are summed into new arrays.
            grads[key] = d if key not in grads else grads[key] + d
        for layer in reversed(self.layers):
            if isinstance(layer, InputLayer):
                continue
            self._check_interrupt()
            d = grads.pop(id(layer), None)
            if d is None:
                continue
            dx = layer.backward(d)
            if dx is None:
                continue
            parts = dx if getattr(layer, "multi_input", False) else [dx]
            for t, g in zip(layer._graph_inputs, parts, strict=True):
                key = id(t._keras_history[0])
                grads[key] = g if key not in grads else grads[key] + g
        return [grads.get(id(layer)) for layer in self._input_layers]

    # ---- losses and metrics ------------------------------------------------------------------------------
    def compile(self, optimizer: Any = "rmsprop", loss: Any = None, metrics: Any = None, **kwargs: Any) -> None:
        """As ``keras.Model.compile``. With several outputs, ``loss`` is one loss for all or one per output
        (a list, or a dict by output name; the total is their sum), and ``metrics`` one list per output (a
        list of lists, or a dict by output name)."""
        names = self.output_names
        if self._single_output:
            per_output = _named_list(loss, names, "graph.loss_per_output")
            loss = loss if per_output is None else per_output[0]
            if isinstance(metrics, dict):
                metrics = _named_list(metrics, names, "graph.metrics_per_output")[0]
            elif isinstance(metrics, list | tuple) and len(metrics) == 1 and isinstance(metrics[0], list | tuple):
                metrics = metrics[0]
            super().compile(optimizer=optimizer, loss=loss, metrics=metrics, **kwargs)
            return
        if loss is None:
            raise LayerArgumentError("model.compile_no_loss")
        losses = _named_list(loss, names, "graph.loss_per_output") or [loss] * len(names)
        if metrics is None:
            per_output: list[list[Any]] = [[] for _ in names]
        else:
            per_output = _named_list(metrics, names, "graph.metrics_per_output")
            if per_output is None or not all(isinstance(m, list | tuple) or m is None for m in per_output):
                raise LayerArgumentError("graph.metrics_per_output", expected=", ".join(names), got=_short(metrics))
            per_output = [list(m or []) for m in per_output]
        # Model.compile checks the optimizer, the arguments and each output's metrics as for one output.
        for one, output_metrics in zip(losses, per_output, strict=True):
            super().compile(optimizer=optimizer, loss=one, metrics=output_metrics, **kwargs)
        super().compile(optimizer=optimizer, loss=losses[0], metrics=[], **kwargs)
        self.loss = _OutputsLoss([_losses.get(one) for one in losses])
        self._output_metric_names = per_output

    @property
    def metrics_names(self) -> list[str]:
        if self._single_output or not isinstance(self.loss, _OutputsLoss):
            return super().metrics_names
        return ["loss", *(m.name for m in self._resolved_metrics())]

    def get_compile_config(self) -> dict[str, Any] | None:
        if self._single_output or not isinstance(self.loss, _OutputsLoss):
            return super().get_compile_config()
        first = self.loss
        try:
            self.loss = first.losses[0]
            config = super().get_compile_config()
        finally:
            self.loss = first
        metrics = []
        for names in self._output_metric_names:
            saved = [getattr(_metrics, "saved_name", lambda m: m)(m) for m in names]
            metrics.append([m for m in saved if m is not None])
        return {**config, "loss": [_losses.serialize(one) for one in first.losses], "metrics": metrics}

    def _resolved_metrics(self, y: Any = None) -> list[Any]:
        if self._single_output or not isinstance(self.loss, _OutputsLoss):
            return super()._resolved_metrics(y)
        if not self.compiled_metrics:
            resolved: list[Any] = []
            for i, (out, loss, names) in enumerate(zip(self.output_names, self.loss.losses,
                                                       self._output_metric_names, strict=True)):
                resolved.append(_OutputLossMetric(loss, i, f"{out}_loss"))
                target = None if y is None else np.shape(y.arrays[i])[1:]
                for name in names:
                    inner = _metrics.resolve(name, loss.keras_name, self.outputs[i]._sample_shape, target)
                    resolved.append(_OutputMetric(inner, i, f"{out}_{inner.name}"))
            if y is None:
                return resolved  # not kept: accuracy is resolved from the targets' shape once they are known
            self.compiled_metrics = resolved
        return self.compiled_metrics

    def predict(self, x: Any, batch_size: int | None = None, verbose: Any = "auto", **kwargs: Any) -> Any:
        """Predictions for every sample in batches of ``batch_size`` (default 32); a list for several outputs."""
        if self._single_output:
            return super().predict(x, batch_size=batch_size, verbose=verbose, **kwargs)
        x = self.prepare_inputs(x)
        self._ensure_built()
        bs = batch_size or 32
        batches = [self.forward(x[i:i + bs], False) for i in range(0, len(x), bs)]
        return [np.concatenate([b[k] for b in batches]) for k in range(len(self.outputs))]

    # ---- description -------------------------------------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """Keras's functional config (layers with ``inbound_nodes``, ``input_layers``, ``output_layers``),
        plus the engine's ``seed`` and ``dtype``; each layer's ``config`` is the engine's own."""
        layers = []
        for layer in self.layers:
            entry = {**_serialize_layer(layer), "name": layer.name}
            if isinstance(layer, InputLayer):
                entry["inbound_nodes"] = []
            else:
                args = [_tensor_config(t) for t in layer._graph_inputs]
                entry["inbound_nodes"] = [{"args": [args if getattr(layer, "multi_input", False) else args[0]],
                                           "kwargs": {}}]
            layers.append(entry)
        ins = [[layer.name, 0, 0] for layer in self._input_layers]
        outs = [[layer.name, 0, 0] for layer in self._output_layers]
        return {"name": self.name, "trainable": self.trainable, "seed": self.seed, "dtype": self.dtype.name,
                "layers": layers, "input_layers": ins[0] if self._single_input else ins,
                "output_layers": outs[0] if self._single_output else outs}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Functional:
        """Rebuild a graph (untrained, uncompiled) from :meth:`get_config`'s output.

        Every reference is checked: a layer may only take tensors of layers listed before it (so the
        graph read is acyclic by construction), each layer is called once, and the names are unique.
        """
        if not isinstance(config, dict) or not isinstance(config.get("layers"), list):
            raise LayerArgumentError("graph.bad_config")
        unknown = set(config) - {"name", "seed", "dtype", "layers", "trainable", "input_layers", "output_layers"}
        if unknown:
            raise LayerArgumentError("graph.config_keys", names=", ".join(sorted(map(str, unknown))))
        made: dict[str, Layer] = {}
        for position, entry in enumerate(config["layers"]):
            if not isinstance(entry, dict) or not {"class_name", "config", "inbound_nodes"} <= set(entry) \
                    or not isinstance(entry["inbound_nodes"], list):
                raise LayerArgumentError("graph.bad_layer_entry", position=position)
            layer = _deserialize_layer({"class_name": entry["class_name"], "config": entry["config"]})
            name = entry.get("name", layer.name)
            if not isinstance(name, str) or not name or name != layer.name:
                raise LayerArgumentError("graph.bad_layer_entry", position=position)
            if name in made:
                raise LayerArgumentError("model.duplicate_name", layer=name)
            if isinstance(layer, InputLayer):
                if entry["inbound_nodes"]:
                    raise LayerArgumentError("graph.bad_layer_entry", position=position)
                _output_of(layer)
            else:
                nodes = entry["inbound_nodes"]
                if len(nodes) != 1 or not isinstance(nodes[0], dict) or not isinstance(nodes[0].get("args"), list) \
                        or len(nodes[0]["args"]) != 1 or nodes[0].get("kwargs", {}) != {}:
                    raise LayerArgumentError("graph.bad_node", layer=name)
                arg = nodes[0]["args"][0]
                if isinstance(arg, list):
                    layer(_config_tensors(arg, made, name))
                else:
                    layer(_config_tensors([arg], made, name)[0])
            made[name] = layer
        ins = _config_ends(config.get("input_layers"), made, "graph.bad_input_layers")
        outs = _config_ends(config.get("output_layers"), made, "graph.bad_output_layers")
        return cls(ins, outs, name=config.get("name"), seed=config.get("seed"), dtype=config.get("dtype", "float32"),
                   trainable=config.get("trainable", True))

    def summary(self, line_length: int | None = None, positions: Any = None, print_fn: Any = None,
                **kwargs: Any) -> None:
        """Print a Keras-like table: layer, output shape, parameter count and the layers it is connected to."""
        for line in summary_lines(self):
            (print_fn or print)(line)


def stack_config(model: Functional) -> dict[str, Any] | None:
    """The graph as a :class:`~sandbox.model.Sequential` config when it is a plain chain, else None.

    A chain has one input and one output, and each layer takes exactly the output of the layer before it (the
    book's functional MNIST convnet is one). Such a graph is the same network as a stack, with the same
    weights in the same order (``get_weights()``), so tools that work on stacks (the app's layer stack) can
    take it; a graph with branches, merges or several inputs or outputs cannot be a stack.

    Returns
    -------
    dict or None
        ``{"name": …, "layers": [{"class_name": "InputLayer", "config": …}, …]}``, as ``Sequential.get_config``
        gives it.
    """
    config = model.get_config()
    layers = config.get("layers", [])
    ends = (config.get("input_layers"), config.get("output_layers"))
    if not layers or layers[0].get("class_name") != "InputLayer":
        return None
    if any(not isinstance(end, list) or len(end) != 3 or not isinstance(end[0], str) for end in ends):
        return None  # several inputs or outputs: lists of [name, node, tensor] triples
    previous = layers[0].get("name")
    for entry in layers[1:]:
        nodes = entry.get("inbound_nodes") or []
        args = nodes[0].get("args", []) if len(nodes) == 1 else []
        if len(args) != 1 or not isinstance(args[0], dict) or args[0].get("class_name") != "__keras_tensor__":
            return None  # a merge (a list of tensors) or a layer called more than once
        if args[0]["config"]["keras_history"][0] != previous:
            return None  # a branch: this layer does not read the one before it
        previous = entry.get("name")
    if ends[1][0] != previous:
        return None
    return {"name": config.get("name"),
            "layers": [{"class_name": entry["class_name"], "config": entry["config"]} for entry in layers]}


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tensor_config(tensor: KerasTensor) -> dict[str, Any]:
    return {"class_name": "__keras_tensor__",
            "config": {"shape": [None, *tensor._sample_shape], "dtype": "float32",
                       "keras_history": [tensor._keras_history[0].name, 0, 0]}}


def _config_tensors(args: list[Any], made: dict[str, Layer], name: str) -> list[KerasTensor]:
    """The tensors an inbound node names: outputs of layers already made, by ``keras_history``."""
    tensors = []
    for arg in args:
        history = arg.get("config", {}).get("keras_history") if isinstance(arg, dict) else None
        if not isinstance(history, list) or len(history) != 3 or history[1:] != [0, 0] \
                or not isinstance(history[0], str):
            raise LayerArgumentError("graph.bad_node", layer=name)
        source = made.get(history[0])
        if source is None:
            raise LayerArgumentError("graph.config_order", layer=name, source=history[0])
        tensors.append(source._graph_output)
    return tensors


def _config_ends(value: Any, made: dict[str, Layer], code: str) -> Any:
    """``input_layers`` / ``output_layers``: ``[name, 0, 0]`` or a list of them, as tensors."""
    def one(ref: Any) -> KerasTensor:
        if not isinstance(ref, list) or len(ref) != 3 or not isinstance(ref[0], str) or ref[1:] != [0, 0] \
                or ref[0] not in made:
            raise LayerArgumentError(code, **{})  # the code names which end; it has no fields
        return made[ref[0]]._graph_output

    if isinstance(value, list) and value and isinstance(value[0], str):
        return one(value)
    if not isinstance(value, list) or not value:
        raise LayerArgumentError(code, **{})  # the code names which end; it has no fields
    return [one(ref) for ref in value]


def _wrap(text: str, width: int) -> list[str]:
    """Split ``text`` at spaces into lines of at most ``width`` characters (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def summary_lines(model: Functional) -> list[str]:
    """The lines of :meth:`Functional.summary`: Keras 3's table with its "Connected to" column."""
    widths = (27, 22, 12, 26)
    head = ("Layer (type)", "Output Shape", "Param #", "Connected to")
    rows = []
    for layer in model.layers:
        shape = layer.shape if isinstance(layer, InputLayer) else layer._graph_output._sample_shape
        shown = "(None, " + ", ".join(map(str, shape)) + ")" if len(shape) > 1 else f"(None, {shape[0]})"
        inputs = getattr(layer, "_graph_inputs", [])
        connected = ", ".join(f"{t._keras_history[0].name}[0][0]" for t in inputs) or "-"
        rows.append((f"{layer.name} ({type(layer).__name__})", shown, f"{model._layer_params(layer):,}", connected))

    def cells(row: tuple[str, str, str, str]) -> list[str]:
        wrapped = [_wrap(cell, w - 2) for cell, w in zip(row, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        out = []
        for i in range(height):
            parts = [w[i] if i < len(w) else "" for w in wrapped]
            out.append("│ " + parts[0].ljust(widths[0] - 1) + "│ " + parts[1].ljust(widths[1] - 1) + "│ "
                       + parts[2].rjust(widths[2] - 2) + " │ " + parts[3].ljust(widths[3] - 1) + "│")
        return out

    out = [f'Model: "{model.name}"',
           "┏" + "┳".join("━" * w for w in widths) + "┓",
           "┃ " + head[0].ljust(widths[0] - 1) + "┃ " + head[1].ljust(widths[1] - 1) + "┃ "
           + head[2].rjust(widths[2] - 2) + " ┃ " + head[3].ljust(widths[3] - 1) + "┃",
           "┡" + "╇".join("━" * w for w in widths) + "┩"]
    for i, row in enumerate(rows):
        out += cells(row)
        if i < len(rows) - 1:
            out.append("├" + "┼".join("─" * w for w in widths) + "┤")
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    total = sum(model._layer_params(layer) for layer in model.layers)
    frozen = sum(model._layer_params(layer) for layer in model.layers if not layer.trainable)
    size = model.dtype.itemsize
    out.append(f" Total params: {total:,} ({_human_bytes(total * size)})")
    out.append(f" Trainable params: {total - frozen:,} ({_human_bytes((total - frozen) * size)})")
    out.append(f" Non-trainable params: {frozen:,} ({_human_bytes(frozen * size)})")
    return out

