"""The layer protocol shared by every layer.

A layer is configured in ``__init__`` (validated, quoting a bad value), learns its input shape in
``build`` (which declares weight shapes; the model allocates them as views into one flat buffer
and fills them), then maps ``(batch, *input_shape)`` to ``(batch, *output_shape)`` in ``forward``.
``backward`` takes ``dL/dy`` of the output's shape, writes ``dL/dw`` into ``self.grads`` under the
same keys as ``self.params``, and returns ``dL/dx`` (or ``None`` when the model said the input
gradient is not needed, as for the first layer).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import numpy as np

from .. import activations as _activations
from .. import initializers as _initializers
from .. import regularizers as _regularizers
from .._registry import Registry, serialize, snake_case
from ..errors import LayerArgumentError, ShapeError

__all__ = ["REGISTRY", "Layer", "Shape", "format_shape"]

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


class Layer:
    """Base class of all layers.

    Parameters
    ----------
    name : str, optional
        Unique within a model; by default the snake_case class name, numbered (``dense_1``).
    trainable : bool
        If false the optimizer leaves this layer's weights alone.
    input_shape : tuple of int, optional
        Accepted as in Keras 2 on the first layer, instead of an ``Input``.
    """

    #: Names of the weights, in Keras's ``get_weights`` order.
    weight_names: ClassVar[tuple[str, ...]] = ()
    #: Short description shown in the app's palette and in ``summary``.
    description: ClassVar[str] = ""

    def __init__(self, *, name: str | None = None, trainable: bool = True,
                 input_shape: Shape | None = None, **kwargs: Any) -> None:
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
        return input_shape

    def compute_output_shape(self, input_shape: tuple[int | None, ...]) -> tuple[int | None, ...]:
        """Keras-style: shapes include the batch axis (``None`` or a size)."""
        return (input_shape[0], *self.output_shape_for(tuple(int(d) for d in input_shape[1:])))

    def weight_shapes(self, input_shape: Shape) -> dict[str, Shape]:
        """Return the shape of each weight for ``input_shape``, keyed as in :attr:`weight_names`."""
        return {}

    def build(self, input_shape: Shape, source: str = "the input") -> None:
        """Record the input and output shapes (weights are allocated by the model)."""
        self.output_shape_ = self.output_shape_for(tuple(input_shape), source)
        self.input_shape_ = tuple(input_shape)

    def initialize(self, rng: np.random.Generator) -> None:
        """Fill ``self.params`` (already allocated views) with initial values drawn from ``rng``."""

    # ---- computation -----------------------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Map ``x`` (batch, *input_shape) to (batch, *output_shape), caching what backward needs."""
        raise NotImplementedError

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        """Given ``dL/dy`` return ``dL/dx`` and fill ``self.grads``."""
        raise NotImplementedError

    def __call__(self, x: Any, training: bool = False) -> Any:
        # On symbolic inputs (keras.Input(...), another call's output, or a list of them) the call is recorded
        # in a functional graph (sandbox.functional) and returns a symbolic output; on arrays it computes.
        from .. import functional

        if functional.is_symbolic(x):
            return functional.call_layer(self, x)
        return self.forward(x, training)

    def regularization_loss(self) -> float:
        """The sum of this layer's weight penalties (0.0 if it has none)."""
        return 0.0

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
