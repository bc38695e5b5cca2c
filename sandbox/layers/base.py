"""The layer protocol shared by every layer.

A layer is configured in ``__init__`` (validated, quoting a bad value), learns its input shape in
``build`` (which declares weight shapes; the model allocates them as views into one flat buffer
and fills them), then maps ``(batch, *input_shape)`` to ``(batch, *output_shape)`` in ``forward``.
``backward`` takes ``dL/dy`` of the output's shape, writes ``dL/dw`` into ``self.grads`` under the
same keys as ``self.params``, and returns ``dL/dx`` (or ``None`` when the model said the input
gradient is not needed, as for the first layer).

A learner's own layer subclasses :class:`Layer` as in Keras and is written with NumPy: ``build(input_shape)``
makes the weights with ``self.add_weight(...)``, ``call(inputs)`` computes the output, and — because the
engine has no automatic differentiation — ``backward(dy)`` computes the gradients by hand (see
:class:`Layer` for the contract, and :func:`sandbox.gradcheck.check_layer` to check them).
"""

from __future__ import annotations

import inspect
import math
from typing import Any, ClassVar

import numpy as np

from .. import activations as _activations
from .. import initializers as _initializers
from .. import regularizers as _regularizers
from .._registry import Registry, check_int, serialize, snake_case
from ..errors import LayerArgumentError, ShapeError, TrainingError

__all__ = ["REGISTRY", "Layer", "Shape", "Variable", "format_shape"]

Shape = tuple[int, ...]
REGISTRY = Registry("layer")


def format_shape(shape: Shape) -> str:
    """Format a per-sample shape as Keras prints it with the batch axis: ``(batch, 14, 14, 8)``."""
    return "(" + ", ".join(["batch", *(str(d) for d in shape)]) + ")"


def image_input_error(layer: str, input_shape: Shape, source: str) -> tuple[str, dict[str, Any]]:
    """The code and fields of the error "``layer`` expects an image input" for ``input_shape``.

    Parameters
    ----------
    layer : str
        The image layer's class name.
    input_shape : tuple of int
        The per-sample shape the image layer received.
    source : str
        Where that shape comes from: ``"the input"`` or a quoted layer name.

    Returns
    -------
    code : str
        For a flat input whose size is a square, e.g. ``(784,)``, the message that proposes the
        ``Reshape`` making it a one-channel image of that size (``Reshape((28, 28, 1))``); for any
        other flat input, the one that says image layers go before Flatten and Dense; else the bare one.
    fields : dict
        The message's fields.
    """
    fields: dict[str, Any] = {"layer": layer, "shape": format_shape(input_shape), "source": source}
    if len(input_shape) != 1:
        return "layer.needs_image", fields
    side = math.isqrt(input_shape[0])
    if side > 1 and side * side == input_shape[0]:
        return "layer.needs_image_reshape", {**fields, "reshape": f"({side}, {side}, 1)"}
    return "layer.needs_image_flat", fields


class Variable:
    """A weight (or a metric's running total) as Keras shows it: ``.numpy()``, ``.shape``, ``.name``, …

    The array behind a layer's weight is the model's own (a view into its flat buffer), so
    ``np.asarray(v)`` and arithmetic (``x @ v + b``) read the current weights without a copy, and
    :meth:`assign` writes them in place. ``.numpy()`` returns a copy, as Keras does.

    Parameters
    ----------
    value : array_like
        The initial value (kept when the variable belongs to no layer).
    name : str
        The weight's name, e.g. ``"kernel"``.
    trainable : bool
        Whether training changes it.
    owner : Layer, optional
        The layer whose ``params[key]`` holds the value once its model is built.
    key : str, optional
        The key in ``owner.params`` and ``owner.grads``.
    """

    # NumPy defers to our reflected operators (ndarray @ Variable calls Variable.__rmatmul__).
    __array_priority__ = 1000

    def __init__(self, value: Any, name: str = "variable", trainable: bool = True, *,
                 owner: Layer | None = None, key: str | None = None) -> None:
        self._own = np.array(value)
        self.name = name
        self.trainable = bool(trainable)
        self._owner = owner
        self._key = key or name
        self._grad_set = False
        self.initializer: Any = None
        self.regularizer: Any = None

    @property
    def path(self) -> str:
        """``"layer_name/weight_name"``, as Keras 3's ``Variable.path``."""
        return f"{self._owner.name}/{self.name}" if self._owner is not None else self.name

    @property
    def value(self) -> np.ndarray:
        """The array itself (no copy): the layer's weight once its model is built."""
        owner = self._owner
        if owner is not None:
            current = owner.params.get(self._key)
            if current is not None and current.shape == self._own.shape:
                return current
        return self._own

    def numpy(self) -> np.ndarray:
        """A copy of the value."""
        return self.value.copy()

    @property
    def shape(self) -> tuple[int, ...]:
        return self.value.shape

    @property
    def dtype(self) -> np.dtype:
        return self.value.dtype

    @property
    def ndim(self) -> int:
        return self.value.ndim

    @property
    def size(self) -> int:
        return self.value.size

    @property
    def T(self) -> np.ndarray:
        return self.value.T

    def assign(self, value: Any) -> Variable:
        """Set the value in place (same shape)."""
        self.value[...] = np.asarray(value)
        return self

    def assign_add(self, value: Any) -> Variable:
        """Add to the value in place."""
        target = self.value
        target[...] = target + np.asarray(value)
        return self

    def assign_sub(self, value: Any) -> Variable:
        """Subtract from the value in place."""
        target = self.value
        target[...] = target - np.asarray(value)
        return self

    @property
    def grad(self) -> np.ndarray | None:
        """dL/d(this weight) of the last backward pass, shape ``self.shape`` (a layer's weights only)."""
        owner = self._owner
        return None if owner is None else owner.grads.get(self._key)

    @grad.setter
    def grad(self, value: Any) -> None:
        # A learner's backward sets each weight's gradient here; it lands in the model's gradient buffer.
        owner = self._owner
        target = None if owner is None else owner.grads.get(self._key)
        if target is None:
            raise TrainingError("layer.custom_grad_unbuilt", weight=self.name)
        value = np.asarray(value)
        if value.shape != target.shape:
            raise ShapeError("layer.custom_grad_shape", layer=owner.name, weight=self.name,
                             shape=tuple(value.shape), expected=tuple(target.shape), layer_name=owner.name)
        target[...] = value
        self._grad_set = True

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        value = self.value
        if dtype is not None and value.dtype != dtype:
            return value.astype(dtype)
        return value.copy() if copy else value

    def __len__(self) -> int:
        return len(self.value)

    def __getitem__(self, index: Any) -> Any:
        return self.value[index]

    def __float__(self) -> float:
        return float(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __format__(self, spec: str) -> str:
        return format(self.value.item() if self.value.ndim == 0 else self.value, spec) if spec else repr(self)

    def __repr__(self) -> str:
        return f"<Variable path={self.path}, shape={self.shape}, dtype={self.dtype.name}, value={self.value!r}>"

    def __neg__(self) -> np.ndarray:
        return -self.value

    def __abs__(self) -> np.ndarray:
        return abs(self.value)


def _binary(op: Any, reflected: bool) -> Any:
    if reflected:
        def method(self: Variable, other: Any) -> Any:
            return op(np.asarray(other), self.value)
    else:
        def method(self: Variable, other: Any) -> Any:
            return op(self.value, np.asarray(other))
    return method


for _name, _op in (("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("truediv", np.true_divide),
                   ("floordiv", np.floor_divide), ("pow", np.power), ("matmul", np.matmul), ("mod", np.mod)):
    setattr(Variable, f"__{_name}__", _binary(_op, False))
    setattr(Variable, f"__r{_name}__", _binary(_op, True))
for _name, _op in (("lt", np.less), ("le", np.less_equal), ("gt", np.greater), ("ge", np.greater_equal)):
    setattr(Variable, f"__{_name}__", _binary(_op, False))


class Layer:
    """Base class of all layers, and of a learner's own layer (``keras.layers.Layer``).

    Parameters
    ----------
    name : str, optional
        Unique within a model; by default the snake_case class name, numbered (``dense_1``).
    trainable : bool
        If false the optimizer leaves this layer's weights alone.
    input_shape : tuple of int, optional
        Accepted as in Keras 2 on the first layer, instead of an ``Input``.

    Notes
    -----
    **A layer of your own.** Subclass ``Layer`` as in Keras and write it with NumPy:

    ``__init__(self, ..., **kwargs)``
        Call ``super().__init__(**kwargs)`` first.
    ``build(self, input_shape)``
        ``input_shape`` is Keras's, with the batch axis: ``(None, 784)``. Make each weight with
        ``self.w = self.add_weight(shape=..., initializer=..., name=...)``; it returns a :class:`Variable`
        that NumPy arithmetic takes as an array (``inputs @ self.w``).
    ``call(self, inputs)`` (or ``call(self, inputs, training=False)``)
        ``inputs`` is a float array (batch, *input shape); return the output (batch, *output shape). Keep
        what ``backward`` will need on ``self``.
    ``backward(self, dy)``
        The sandbox has **no automatic differentiation** (no ``GradientTape``, no ``keras.ops``), so a
        layer that trains must say how its gradient flows back. ``dy`` is dL/d(output), shape
        (batch, *output shape). Set each trainable weight's gradient, summed over the batch, with
        ``self.w.grad = ...`` (shape ``self.w.shape``), and return dL/d(inputs), shape
        (batch, *input shape).

    ``fit`` refuses a layer without ``backward`` (``predict`` and ``evaluate`` work without one), and
    ``sandbox.gradcheck.check_layer(MyLayer(...), input_shape)`` compares the gradients ``backward`` gives
    with finite differences: errors near 1e-7 mean it is right. A layer of your own cannot be saved to a
    file (files never name code); save ``model.get_weights()`` instead.
    """

    #: Names of the weights, in Keras's ``get_weights`` order.
    weight_names: ClassVar[tuple[str, ...]] = ()
    #: Short description shown in the app's palette and in ``summary``.
    description: ClassVar[str] = ""
    #: True for a learner's own layer class: one that writes ``call`` instead of ``forward``.
    _is_learner: ClassVar[bool] = False
    _learner_build: ClassVar[Any] = None
    _learner_backward: ClassVar[Any] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.call is Layer.call:
            return
        # A learner's layer, written as in Keras: its build(input_shape) and backward(dy) are kept aside,
        # and the engine's protocol (build(shape, source), forward, backward) runs them with checks.
        cls._is_learner = True
        if "build" in cls.__dict__:
            cls._learner_build = cls.__dict__["build"]
            cls.build = Layer._build_learner  # type: ignore[method-assign]
        if "backward" in cls.__dict__:
            cls._learner_backward = cls.__dict__["backward"]
            cls.backward = Layer._backward_learner  # type: ignore[method-assign]

    def __init__(self, *, name: str | None = None, trainable: bool = True,
                 input_shape: Shape | None = None, **kwargs: Any) -> None:
        if self._is_learner:  # Keras layers take these; a NumPy layer computes in the model's dtype
            for key in ("dtype", "autocast"):
                kwargs.pop(key, None)
        self._init_vars: list[Variable] = []
        self._build_vars: list[Variable] = []
        self._in_user_build = False
        self._probed: tuple[Shape, Shape] | None = None
        if kwargs:
            raise LayerArgumentError(
                "layer.unexpected_arguments", owner=type(self).__name__, names=', '.join(sorted(kwargs))
            )
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise LayerArgumentError("layer.bad_name", owner=type(self).__name__, name=name)
        self.name: str = name or ""
        self._given_name = name is not None
        self.trainable = bool(trainable)
        self.input_shape_hint: Shape | None = tuple(int(d) for d in input_shape) if input_shape else None
        self.input_shape_: Shape | None = None
        self.output_shape_: Shape | None = None
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.need_input_grad = True

    # ---- naming and shapes ---------------------------------------------------------------------------
    @classmethod
    def default_name(cls) -> str:
        """The name prefix Keras uses for this class (``Conv2D`` → ``conv2d``)."""
        return snake_case(cls.__name__)

    @property
    def built(self) -> bool:
        """Whether the input shape is known (and weights, if any, exist)."""
        return self.output_shape_ is not None

    @built.setter
    def built(self, value: bool) -> None:
        # Keras 2 layers end build() with `self.built = True`; the engine knows from the shapes.
        pass

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: the attributes Layer.__init__ sets are missing when a
        # learner's __init__ forgot super().__init__(), which would otherwise surface as a puzzle.
        if name in ("name", "_given_name", "params", "grads", "trainable", "input_shape_", "output_shape_",
                    "_init_vars", "_build_vars", "_in_user_build", "_probed", "need_input_grad", "input_shape_hint"):
            raise LayerArgumentError("layer.super_init_not_called", cls=type(self).__name__)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def output_shape(self) -> tuple[int | None, ...]:
        """The output shape with Keras's ``None`` batch axis, e.g. ``(None, 28, 28, 8)``."""
        if self.output_shape_ is None:
            raise AttributeError(f"layer {self.name!r} has not been built yet, so its output shape is unknown")
        return (None, *self.output_shape_)

    @property
    def input_shape(self) -> tuple[int | None, ...]:
        """The input shape with Keras's ``None`` batch axis."""
        if self.input_shape_ is None:
            raise AttributeError(f"layer {self.name!r} has not been built yet, so its input shape is unknown")
        return (None, *self.input_shape_)

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        """Return the per-sample output shape for ``input_shape`` without touching any data.

        Parameters
        ----------
        input_shape : tuple of int
            Per-sample input shape (no batch axis).
        source : str
            Where the input comes from, for error messages (``"'max_pooling2d'"``).

        Raises
        ------
        ShapeError
            If this layer cannot follow that shape; the message says why and how to fix it.
        """
        if self._is_learner:
            return self._probe(tuple(input_shape))
        return input_shape

    def compute_output_shape(self, input_shape: tuple[int | None, ...]) -> tuple[int | None, ...]:
        """Keras-style: shapes include the batch axis (``None`` or a size)."""
        return (input_shape[0], *self.output_shape_for(tuple(int(d) for d in input_shape[1:])))

    def weight_shapes(self, input_shape: Shape) -> dict[str, Shape]:
        """Return the shape of each weight for ``input_shape``, keyed as in :attr:`weight_names`."""
        if self._is_learner:
            self._probe(tuple(input_shape))
            return {v._key: v._own.shape for v in self.weights}
        return {}

    def build(self, input_shape: Shape, source: str = "the input") -> None:
        """Record the input and output shapes (weights are allocated by the model)."""
        if self._in_user_build:  # a learner's build(input_shape) calling super().build(input_shape)
            return
        self.output_shape_ = self.output_shape_for(tuple(input_shape), source)
        self.input_shape_ = tuple(input_shape)

    def initialize(self, rng: np.random.Generator) -> None:
        """Fill ``self.params`` (already allocated views) with initial values drawn from ``rng``."""
        if self._is_learner:
            for v in self.weights:
                self.params[v._key][...] = v.initializer(v._own.shape, rng)

    # ---- computation -----------------------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Map ``x`` (batch, *input_shape) to (batch, *output_shape), caching what backward needs."""
        if self._is_learner:
            return self._forward_learner(x, training)
        raise NotImplementedError

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        """Given ``dL/dy`` return ``dL/dx`` and fill ``self.grads``."""
        if self._is_learner:  # a learner's layer that wrote no backward (one that did is wrapped instead)
            raise TrainingError("layer.custom_no_backward", layer=self.name, cls=type(self).__name__)
        raise NotImplementedError

    def call(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        """A learner's layer computes here (see the class notes); the engine's own layers use ``forward``."""
        raise NotImplementedError

    # ---- weights as Keras shows them -------------------------------------------------------------
    def add_weight(self, shape: Any = None, initializer: Any = None, dtype: Any = None, trainable: bool = True,
                   regularizer: Any = None, constraint: Any = None, name: str | None = None,
                   **kwargs: Any) -> Variable:
        """Make a weight of a learner's layer, as ``keras.layers.Layer.add_weight``.

        Parameters
        ----------
        shape : tuple of int
            The weight's shape (``()`` for a single number).
        initializer : str or Initializer, optional
            Default ``"glorot_uniform"``, as in Keras.
        trainable : bool
            Whether training changes it.
        regularizer : str or Regularizer, optional
            A penalty added to the loss (``"l2"``, ``keras.regularizers.l2(1e-4)``).
        name : str, optional
            Default ``"variable"``, numbered when taken.

        Returns
        -------
        Variable
            The weight; its value is the model's own array once the model is built.
        """
        if "_init_vars" not in self.__dict__:
            raise LayerArgumentError("layer.super_init_not_called", cls=type(self).__name__)
        if constraint is not None:
            raise LayerArgumentError("layer.custom_constraint", cls=type(self).__name__)
        kwargs.pop("autocast", None)
        kwargs.pop("aggregation", None)
        if kwargs:
            raise LayerArgumentError("layer.unexpected_arguments", owner=f"{type(self).__name__}.add_weight",
                                     names=', '.join(sorted(kwargs)))
        shape = () if shape is None else tuple(shape) if isinstance(shape, tuple | list) else (shape,)
        shape = tuple(check_int("shape", d, owner=type(self).__name__) for d in shape)
        taken = {v._key for v in (*self._init_vars, *self._build_vars)}
        key = name or "variable"
        i = 1
        while key in taken:
            key, i = f"{name or 'variable'}_{i}", i + 1
        variable = Variable(np.zeros(shape, np.float32), name=name or key, trainable=trainable, owner=self, key=key)
        variable.initializer = _initializers.get("glorot_uniform" if initializer is None else initializer)
        variable.regularizer = _regularizers.get(regularizer)
        variable._own[...] = variable.initializer(shape, np.random.default_rng())
        (self._build_vars if self._in_user_build else self._init_vars).append(variable)
        return variable

    @property
    def weights(self) -> list[Variable]:
        """Every weight as a :class:`Variable` (``.numpy()``, ``.shape``, ``.name``, ``.path``), in Keras's order."""
        if self._is_learner:
            return [*self._init_vars, *self._build_vars]
        return [self._variable(k) for k in self.weight_names if k in self.params]

    @property
    def trainable_weights(self) -> list[Variable]:
        """The weights training changes (none when ``layer.trainable`` is false)."""
        return [v for v in self.weights if v.trainable] if self.trainable else []

    @property
    def non_trainable_weights(self) -> list[Variable]:
        """The weights training leaves alone."""
        return [v for v in self.weights if not (v.trainable and self.trainable)]

    @property
    def variables(self) -> list[Variable]:
        """Same as :attr:`weights`."""
        return self.weights

    def _variable(self, key: str) -> Variable:
        variable = Variable(self.params[key], name=key, owner=self, key=key)
        return variable

    # ---- a learner's layer: build, forward and backward with checks --------------------------------
    def _probe(self, input_shape: Shape) -> Shape:
        """Run the learner's ``build`` for ``input_shape``, then ``call`` on a batch of zeros; return the
        per-sample output shape. The result is kept until the input shape changes."""
        if self._probed is not None and self._probed[0] == input_shape:
            return self._probed[1]
        self._build_vars = []
        if self._learner_build is not None:
            self._in_user_build = True
            try:
                type(self)._learner_build(self, (None, *input_shape))
            finally:
                self._in_user_build = False
        if type(self).compute_output_shape is not Layer.compute_output_shape:
            out = tuple(self.compute_output_shape((None, *input_shape)))[1:]
        else:
            with np.errstate(all="ignore"):
                out = np.shape(self._call_learner(np.zeros((1, *input_shape), np.float32), False))[1:]
        out = tuple(int(d) for d in out)
        self._probed = (tuple(input_shape), out)
        self.weight_names = tuple(v._key for v in self.weights)
        return out

    def _build_learner(self, input_shape: Any, source: str = "the input") -> None:
        """The engine's ``build(shape, source)`` for a learner's layer, which wrote ``build(input_shape)``."""
        if self._in_user_build:  # the learner's build called super().build(input_shape): nothing to do
            return
        Layer.build(self, tuple(input_shape), source)

    def _call_learner(self, x: np.ndarray, training: bool) -> Any:
        try:
            takes_training = "training" in inspect.signature(self.call).parameters
        except (TypeError, ValueError):
            takes_training = False
        return self.call(x, training=training) if takes_training else self.call(x)

    def _forward_learner(self, x: Any, training: bool) -> np.ndarray:
        x = np.asarray(x)
        if not np.issubdtype(x.dtype, np.floating):
            x = x.astype(np.float32)
        if self.input_shape_ != x.shape[1:] or any(v._key not in self.params for v in self.weights):
            self._build_alone(x.shape[1:])
        y = np.asarray(self._call_learner(x, training))
        if y.shape != (len(x), *self.output_shape_):
            raise self._shape_error("layer.custom_call_shape", cls=type(self).__name__,
                                    shape=tuple(y.shape), expected=(len(x), *self.output_shape_))
        self._x_shape = x.shape
        return y.astype(x.dtype, copy=False) if np.issubdtype(y.dtype, np.floating) else y.astype(x.dtype)

    def _build_alone(self, input_shape: Shape) -> None:
        """Build a learner's layer used on its own (``layer(x)``, outside a model), with its own arrays."""
        self.build(tuple(input_shape))
        self.params = {v._key: v._own for v in self.weights}
        self.grads = {v._key: np.zeros_like(v._own) for v in self.weights}

    def _backward_learner(self, dy: np.ndarray) -> np.ndarray | None:
        """Run the learner's ``backward(dy)``, then check it set every gradient and returned dL/dx."""
        variables = self.weights
        for v in variables:
            v._grad_set = False
            self.grads[v._key][...] = 0
        dx = type(self)._learner_backward(self, dy)
        for v in variables:
            if v.trainable and self.trainable and not v._grad_set:
                raise TrainingError("layer.custom_grad_missing", layer=self.name, cls=type(self).__name__,
                                    weight=v.name)
            if v.regularizer is not None:
                v.regularizer.add_gradient(self.params[v._key], self.grads[v._key])
        if not self.need_input_grad:
            return None
        expected = getattr(self, "_x_shape", None)
        if dx is None:
            raise self._shape_error("layer.custom_backward_none", cls=type(self).__name__, expected=expected)
        if expected is not None and np.shape(dx) != expected:
            raise self._shape_error("layer.custom_backward_shape", cls=type(self).__name__,
                                    shape=tuple(np.shape(dx)), expected=expected)
        return np.asarray(dx, dtype=dy.dtype)

    def __call__(self, x: Any, training: bool = False) -> Any:
        # On symbolic inputs (keras.Input(...), another call's output, or a list of them) the call is recorded
        # in a functional graph (sandbox.functional) and returns a symbolic output; on arrays it computes.
        from .. import functional

        if functional.is_symbolic(x):
            return functional.call_layer(self, x)
        return self.forward(x, training)

    def regularization_loss(self) -> float:
        """The sum of this layer's weight penalties (0.0 if it has none)."""
        if not self._is_learner or not self.trainable:
            return 0.0
        return sum(v.regularizer(np.asarray(v)) for v in self.weights if v.regularizer is not None)

    def count_params(self) -> int:
        """Number of scalar weights (0 before build)."""
        return int(sum(p.size for p in self.params.values()))

    def get_weights(self) -> list[np.ndarray]:
        """Copies of the weights in Keras order."""
        return [self.params[k].copy() for k in self.weight_names if k in self.params]

    # ---- configuration ---------------------------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """Return the JSON-safe constructor arguments (Keras names)."""
        return {"name": self.name, "trainable": self.trainable}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        """Rebuild a layer from :meth:`get_config`'s output."""
        if not isinstance(config, dict):
            raise LayerArgumentError("layer.config_not_dict", layer=cls.__name__, config=config)
        return cls(**config)

    def summary_settings(self) -> str:
        """A short human-readable summary of the key settings, e.g. ``128, relu``."""
        return ""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}>"

    # ---- helpers for subclasses ------------------------------------------------------------------
    def _shape_error(self, code: str, fix: str | None = None, **fields: Any) -> ShapeError:
        return ShapeError(code, layer_name=self.name, fix=fix, **fields)


class WeightedLayer(Layer):
    """A layer with a kernel, an optional bias, a fused activation and weight penalties."""

    def __init__(
        self,
        *,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.activation = _activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = _initializers.get(kernel_initializer)
        self.bias_initializer = _initializers.get(bias_initializer)
        self.kernel_regularizer = _regularizers.get(kernel_regularizer)
        self.bias_regularizer = _regularizers.get(bias_regularizer)
        self._x: np.ndarray | None = None
        self._z: np.ndarray | None = None
        self._y: np.ndarray | None = None

    def initialize(self, rng: np.random.Generator) -> None:
        self.params["kernel"][...] = self.kernel_initializer(self.params["kernel"].shape, rng)
        if self.use_bias:
            self.params["bias"][...] = self.bias_initializer(self.params["bias"].shape, rng)

    def regularization_loss(self) -> float:
        if not self.trainable:  # Keras penalises trainable weights only
            return 0.0
        total = 0.0
        if self.kernel_regularizer is not None:
            total += self.kernel_regularizer(self.params["kernel"])
        if self.bias_regularizer is not None and self.use_bias:
            total += self.bias_regularizer(self.params["bias"])
        return total

    def _activate(self, z: np.ndarray) -> np.ndarray:
        self._z = z
        self._y = z if self.activation.name == "linear" else self.activation.forward(z)
        return self._y

    def _activation_grad(self, dy: np.ndarray) -> np.ndarray:
        if self.activation.name == "linear":
            return dy
        return self.activation.backward(self._z, self._y, dy)

    def _add_penalty_grads(self) -> None:
        if self.kernel_regularizer is not None:
            self.kernel_regularizer.add_gradient(self.params["kernel"], self.grads["kernel"])
        if self.bias_regularizer is not None and self.use_bias:
            self.bias_regularizer.add_gradient(self.params["bias"], self.grads["bias"])

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "activation": self.activation.name,
            "use_bias": self.use_bias,
            "kernel_initializer": serialize(self.kernel_initializer),
            "bias_initializer": serialize(self.bias_initializer),
            "kernel_regularizer": None if self.kernel_regularizer is None else serialize(self.kernel_regularizer),
            "bias_regularizer": None if self.bias_regularizer is None else serialize(self.bias_regularizer),
        }
