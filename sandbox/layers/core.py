"""Core layers: Input, Dense, Flatten, Reshape, Dropout, Activation, Rescaling."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import _native
from .. import activations as _activations
from .._registry import check_float, check_int
from ..errors import LayerArgumentError
from .base import REGISTRY, Layer, Shape, WeightedLayer, format_shape

__all__ = ["Activation", "Dense", "Dropout", "Flatten", "Input", "InputLayer", "Rescaling", "Reshape"]


def _check_shape(shape: Any, owner: str) -> Shape:
    if isinstance(shape, int):
        shape = (shape,)
    if not isinstance(shape, list | tuple) or not shape:
        raise LayerArgumentError("layer.bad_shape", owner=owner, shape=shape)
    return tuple(check_int("shape", d, owner=owner) for d in shape)


@REGISTRY.register("input")
class InputLayer(Layer):
    """The shape of one sample, without the batch axis: ``Input((28, 28, 1))``.

    Parameters
    ----------
    shape : tuple of int
        Per-sample shape, channels last for images.
    """

    description = "the shape of one input sample"

    def __init__(self, shape: Shape | None = None, *, name: str | None = None, **kwargs: Any) -> None:
        if shape is None and "batch_shape" in kwargs:
            shape = tuple(kwargs.pop("batch_shape"))[1:]
        kwargs.pop("dtype", None)
        kwargs.pop("sparse", None)
        super().__init__(name=name, **kwargs)
        self.shape = _check_shape(shape, "Input")
        self.input_shape_ = self.output_shape_ = self.shape

    @classmethod
    def default_name(cls) -> str:
        return "input_layer"

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        return x

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return dy

    def get_config(self) -> dict[str, Any]:
        return {"shape": list(self.shape), "name": self.name}

    def summary_settings(self) -> str:
        return "×".join(map(str, self.shape))


class Input(InputLayer):
    """Alias of :class:`InputLayer`, spelled as ``keras.Input`` / ``keras.layers.Input``."""


_PAIR = _native.PAIR_MIN_PRODUCT


@REGISTRY.register()
class Dense(WeightedLayer):
    """Fully connected layer: ``y = activation(x @ kernel + bias)``.

    Parameters
    ----------
    units : int
        Number of outputs.
    activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer
        As in Keras 3 (defaults: linear, True, ``"glorot_uniform"``, ``"zeros"``, None, None).

    Notes
    -----
    ``x`` is float (batch, in), ``kernel`` (in, units), ``bias`` (units,), ``y`` (batch, units).
    Unlike Keras, Dense refuses inputs of rank > 1 per sample, so a learner is told to add Flatten.
    """

    weight_names = ("kernel", "bias")
    description = "every input connected to every output"

    def __init__(self, units: int, activation: Any = None, use_bias: bool = True, **kwargs: Any) -> None:
        super().__init__(activation=activation, use_bias=use_bias, **kwargs)
        self.units = check_int("units", units, owner="Dense")
        self._ones: np.ndarray | None = None

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        if len(input_shape) != 1:
            raise self._shape_error(
                "layer.needs_flat", layer="Dense", shape=format_shape(input_shape), source=source,
                fix="insert_flatten",
            )
        return (self.units,)

    def weight_shapes(self, input_shape: Shape) -> dict[str, Shape]:
        shapes = {"kernel": (input_shape[0], self.units)}
        if self.use_bias:
            shapes["bias"] = (self.units,)
        return shapes

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._x = x
        kernel = self.params["kernel"]
        kernels = _native.KERNELS
        if kernels is not None and x.ndim == 2 and _native.pairing_now() and x.size * kernel.shape[1] >= _PAIR:
            z = np.empty((x.shape[0], kernel.shape[1]), np.result_type(x, kernel))
            # half the inner dimension on the helper thread: each core reads the kernel rows it updated
            if not kernels.matmul_pair(x, kernel, z, 2, np.empty_like(z)):
                np.matmul(x, kernel, out=z)
        else:
            z = x @ kernel
        if kernels is not None and self.use_bias and self.activation.name == "relu" and z.ndim == 2:
            y = np.empty_like(z)
            if kernels.bias_relu(z, self.params["bias"], y):  # the two lines below in one pass
                self._z, self._y = z, y
                return y
        if self.use_bias:
            z += self.params["bias"]
        return self._activate(z)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        kernels = _native.KERNELS
        z = self._z
        if kernels is not None and self.activation.name == "relu" and z is not None and z.shape == dy.shape:
            dz = np.empty_like(dy)
            if kernels.relu_backward(z, dy, dz):  # dy * (z > 0), as the activation's backward gives it
                return self.backward_preactivation(dz)
        return self.backward_preactivation(self._activation_grad(dy))

    def backward_preactivation(self, dz: np.ndarray) -> np.ndarray | None:
        """:meth:`backward` from the gradient with respect to ``x @ kernel + bias`` (before the activation).

        Training uses it when the loss gives that gradient directly (softmax with cross-entropy).
        """
        x, gk = self._x, self.grads["kernel"]
        kernels = _native.KERNELS
        # half the rows on the helper thread (Adam then updates those rows there), when the step allows it
        if not (kernels is not None and x.ndim == 2 and _native.pairing_now() and x.size * gk.shape[1] >= _PAIR
                and kernels.matmul_pair(x.T, dz, gk, 0, None)):
            np.matmul(x.T, dz, out=gk)
        if self.use_bias:
            # ones @ dz is a GEMV, far faster than dz.sum(axis=0) on tall arrays (24× here on 50k×8).
            if self._ones is None or self._ones.shape[0] != dz.shape[0] or self._ones.dtype != dz.dtype:
                self._ones = np.ones(dz.shape[0], dz.dtype)
            np.matmul(self._ones, dz, out=self.grads["bias"])
        self._add_penalty_grads()
        return dz @ self.params["kernel"].T if self.need_input_grad else None

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "units": self.units}

    def summary_settings(self) -> str:
        return f"{self.units}, {self.activation.name}"


@REGISTRY.register()
class Flatten(Layer):
    """Flatten each sample to one axis in channels-last (H, W, C) order, as Keras does."""

    description = "lays an image out as one long row of numbers"

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        return (math.prod(input_shape),)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._in_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return dy.reshape(self._in_shape)


@REGISTRY.register()
class Reshape(Layer):
    """Reshape each sample to ``target_shape`` (one entry may be -1)."""

    description = "changes the shape of each sample, keeping its numbers"

    def __init__(self, target_shape: Shape, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(target_shape, int):
            target_shape = (target_shape,)
        if not isinstance(target_shape, list | tuple) or not target_shape:
            raise LayerArgumentError("layer.reshape_not_ints", target_shape=target_shape)
        dims = tuple(int(d) for d in target_shape)
        if sum(d == -1 for d in dims) > 1 or any(d == 0 or d < -1 for d in dims):
            raise LayerArgumentError(
                "layer.reshape_bad_target", target_shape=target_shape
            )
        self.target_shape = dims

    def output_shape_for(self, input_shape: Shape, source: str = "the input") -> Shape:
        total = math.prod(input_shape)
        known = math.prod(d for d in self.target_shape if d != -1)
        if -1 in self.target_shape:
            if total % known:
                raise self._shape_error(
                    "layer.reshape_indivisible", shape=format_shape(input_shape), source=source,
                    target=format_shape(self.target_shape), total=total, count=known,
                )
            return tuple(total // known if d == -1 else d for d in self.target_shape)
        if known != total:
            raise self._shape_error(
                "layer.reshape_size_mismatch", shape=format_shape(input_shape), total=total, source=source,
                target=format_shape(self.target_shape), count=known,
            )
        return self.target_shape

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._in_shape = x.shape
        return x.reshape((x.shape[0], *self.output_shape_))

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return dy.reshape(self._in_shape)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "target_shape": list(self.target_shape)}

    def summary_settings(self) -> str:
        return "×".join(map(str, self.target_shape))


@REGISTRY.register()
class Dropout(Layer):
    """While training, zero each value with probability ``rate`` and scale the rest by 1/(1 − rate).

    At prediction time it passes its input through unchanged, as in Keras.
    """

    description = "randomly silences some values while training"

    def __init__(self, rate: float, noise_shape: Any = None, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rate = check_float("rate", rate, low=0.0, high=1.0, high_open=True, owner="Dropout")
        if noise_shape is not None:
            raise LayerArgumentError("layer.noise_shape")
        self.seed = seed
        self.rng: np.random.Generator | None = None
        self._mask: np.ndarray | None = None

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        if self.rng is None:
            self.rng = np.random.default_rng(self.seed)
        keep = self.rng.random(x.shape, dtype=np.float32) >= self.rate
        self._mask = keep * x.dtype.type(1.0 / (1.0 - self.rate))
        return x * self._mask

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return dy if self._mask is None else dy * self._mask

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}

    def summary_settings(self) -> str:
        return f"{self.rate:g}"


@REGISTRY.register()
class Activation(Layer):
    """Apply an activation function on its own: ``Activation("relu")``."""

    description = "applies a function to every value"

    def __init__(self, activation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.activation = _activations.get(activation)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self._x = x
        self._y = self.activation.forward(x)
        return self._y

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return self.activation.backward(self._x, self._y, dy)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "activation": self.activation.name}

    def summary_settings(self) -> str:
        return self.activation.name


@REGISTRY.register()
class Rescaling(Layer):
    """Multiply every input value by ``scale`` and add ``offset``: ``Rescaling(1 / 255)`` maps 0–255 to 0–1.

    Parameters
    ----------
    scale : float
        The factor.
    offset : float
        Added after scaling (``Rescaling(1 / 127.5, offset=-1)`` maps 0–255 to −1…1).

    Notes
    -----
    ``x`` (batch, …) → ``x · scale + offset`` of the same shape; ``dx = dy · scale``.
    """

    description = "scales the inputs, e.g. pixels from 0–255 to 0–1"

    def __init__(self, scale: float, offset: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = check_float("scale", scale, owner="Rescaling")
        self.offset = check_float("offset", offset, owner="Rescaling")

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        # In the model's dtype, as Keras computes in float32: no float64 scalars promoting the batch.
        y = x * x.dtype.type(self.scale)
        if self.offset:
            y += x.dtype.type(self.offset)
        return y

    def backward(self, dy: np.ndarray) -> np.ndarray | None:
        return dy * dy.dtype.type(self.scale) if self.need_input_grad else None

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "scale": self.scale, "offset": self.offset}

    def summary_settings(self) -> str:
        return f"×{self.scale:g}" + (f" + {self.offset:g}" if self.offset else "")
