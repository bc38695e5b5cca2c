"""Immutable descriptions of a network and of its training, for editors such as the app's layer stack.

An edit makes a new spec (``spec.insert(...)`` returns a copy), so an undo stack can keep old specs
and swap them back. Specs round-trip through JSON exactly (``to_dict`` / ``from_dict``) and build
engine objects on demand. Nothing here touches weights.
"""

from __future__ import annotations

import copy
import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

from . import layers as _layers
from . import limits
from . import losses as _losses
from . import optimizers as _optimizers
from .errors import LayerArgumentError, SandboxError, ShapeError
from .model import Sequential, flatten_fix_applies

__all__ = ["MAX_BATCH_SIZE", "MAX_EPOCHS", "LayerSpec", "NetworkSpec", "SpecRow", "TrainingSpec", "check_layer_config"]

#: Largest batch size and number of epochs a training setting may have (the app's settings offer up
#: to 4,096 and 1,000); larger values in a file are refused with these numbers.
MAX_BATCH_SIZE = 65_536
MAX_EPOCHS = 10_000


def _freeze(config: dict[str, Any]) -> str:
    return json.dumps(config, sort_keys=True, allow_nan=False)


@dataclass(frozen=True)
class LayerSpec:
    """One layer as data: its class name and Keras-style config (without ``name`` unless the user set one)."""

    class_name: str
    config_json: str = "{}"

    @classmethod
    def make(cls, class_name: str, **config: Any) -> LayerSpec:
        """``LayerSpec.make("Dense", units=128, activation="relu")``.

        The config is completed with every default, so two specs of the same layer compare equal
        however they were written. Settings the layer refuses are kept as given: the stack shows
        the engine's reason on that row.
        """
        layer_cls = _layers.REGISTRY.lookup(class_name)  # unknown names fail here, not later
        try:
            full = layer_cls.from_config(dict(config)).get_config()
        except SandboxError:
            full = dict(config)
        if not config.get("name"):
            full.pop("name", None)
        if full.get("trainable", False) is True:
            full.pop("trainable")
        return cls(_layers.REGISTRY.canonical(class_name), _freeze(full))

    @property
    def config(self) -> dict[str, Any]:
        """A fresh copy of the config dict."""
        return json.loads(self.config_json)

    def with_config(self, **changes: Any) -> LayerSpec:
        """A copy with some settings changed."""
        return LayerSpec.make(self.class_name, **{**self.config, **changes})

    def build(self) -> _layers.Layer:
        """A new engine layer (raises LayerArgumentError / UnknownNameError for bad settings)."""
        return _layers.deserialize({"class_name": self.class_name, "config": self.config})

    def label(self) -> str:
        """Short Keras-like label: ``Dense(128)``, ``Conv2D(8, 3×3)``, ``Dropout(0.5)``."""
        c = self.config
        keys = {"Dense": "units", "Conv2D": "filters", "Dropout": "rate", "Activation": "activation"}
        key = keys.get(self.class_name)
        if key is None or key not in c:
            return self.class_name
        value = c[key]
        if self.class_name == "Conv2D":
            k = c.get("kernel_size", 3)
            kh, kw = (k, k) if isinstance(k, int) else k
            return f"Conv2D({value}, {kh}×{kw})"
        return f"{self.class_name}({value})"

    def to_dict(self) -> dict[str, Any]:
        """``{"class_name": ..., "config": {...}}``."""
        return {"class_name": self.class_name, "config": self.config}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LayerSpec:
        """Inverse of :meth:`to_dict`."""
        if not isinstance(data, dict) or not isinstance(data.get("config", {}), dict):
            raise LayerArgumentError("spec.bad_layer", data=data)
        return cls.make(data.get("class_name"), **data.get("config", {}))


def _clip(value: Any, limit: int = 60) -> str:
    """``repr`` of a value from a file, shortened so a huge value cannot flood a message."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_layer_config(spec: LayerSpec) -> str | None:
    """Return why a layer's settings are invalid (the engine's message), or None if they are fine."""
    try:
        spec.build()
    except SandboxError as exc:
        return str(exc)
    return None


def _unique(prefix: str, taken: set[str]) -> str:
    if prefix not in taken:
        return prefix
    i = 1
    while f"{prefix}_{i}" in taken:
        i += 1
    return f"{prefix}_{i}"


@dataclass(frozen=True)
class SpecRow:
    """One row of :meth:`NetworkSpec.trace`.

    Attributes
    ----------
    spec : LayerSpec
    name : str
        The name the built model will give this layer.
    output_shape : tuple of int or None
        None if this layer, or one before it, does not fit.
    params : int
    error : ShapeError or None
        Why this layer does not fit; ``error.fix`` names a one-click fix where there is one.
    """

    spec: LayerSpec
    name: str
    output_shape: tuple[int, ...] | None
    params: int
    error: ShapeError | None


@dataclass(frozen=True)
class NetworkSpec:
    """A Sequential network as data: the per-sample input shape and the layers after it."""

    input_shape: tuple[int, ...] = (28, 28, 1)
    layers: tuple[LayerSpec, ...] = ()

    # ---- edits (each returns a new spec) -----------------------------------------------------------
    def insert(self, index: int, layer: LayerSpec) -> NetworkSpec:
        """Insert ``layer`` so that it ends up at ``index``."""
        layers = list(self.layers)
        layers.insert(index, layer)
        return replace(self, layers=tuple(layers))

    def remove(self, index: int) -> NetworkSpec:
        """Remove the layer at ``index``."""
        layers = list(self.layers)
        del layers[index]
        return replace(self, layers=tuple(layers))

    def move(self, source: int, target: int) -> NetworkSpec:
        """Move the layer at ``source`` so that it ends up at ``target``."""
        layers = list(self.layers)
        layers.insert(target, layers.pop(source))
        return replace(self, layers=tuple(layers))

    def replace_layer(self, index: int, layer: LayerSpec) -> NetworkSpec:
        """Replace the layer at ``index``."""
        layers = list(self.layers)
        layers[index] = layer
        return replace(self, layers=tuple(layers))

    # ---- analysis -----------------------------------------------------------------------------------
    def trace(self) -> list[SpecRow]:
        """Name, output shape and parameter count per layer, computed without allocating weights.

        The first layer that cannot be built (bad settings) or cannot follow the one before gets a
        :class:`ShapeError` in its row; the rows after it have no shape.
        """
        rows: list[SpecRow] = []
        shape: tuple[int, ...] | None = tuple(self.input_shape)
        source = "the input"
        taken: set[str] = set()
        built: list[_layers.Layer] = []
        inputs: list[tuple[int, ...]] = []
        for index, spec in enumerate(self.layers):
            cls = _layers.REGISTRY.lookup(spec.class_name)
            name = spec.config.get("name") or _unique(cls.default_name(), taken)
            taken.add(name)
            if shape is None:
                rows.append(SpecRow(spec, name, None, 0, None))
                continue
            try:
                layer = spec.build()
                layer.name = name
                built.append(layer)
                inputs.append(shape)
                out = layer.output_shape_for(shape, source)
                params = sum(math.prod(s) for s in layer.weight_shapes(shape).values())
            except SandboxError as exc:
                error = exc if isinstance(exc, ShapeError) else ShapeError.like(exc)
                error.layer_index, error.layer_name = index, name
                if error.fix == "remove_flatten" and not flatten_fix_applies(built, inputs, index):
                    error.fix = None
                rows.append(SpecRow(spec, name, None, 0, error))
                shape = None
                continue
            rows.append(SpecRow(spec, name, out, params, None))
            shape, source = out, repr(name)
        return rows

    def first_error(self) -> ShapeError | None:
        """The first problem in the stack, or None if the network can be built."""
        if not self.layers:
            return ShapeError("spec.no_layers")
        return next((row.error for row in self.trace() if row.error is not None), None)

    def count_params(self) -> int:
        """Total weights (0 if the stack does not fit together)."""
        return sum(r.params for r in self.trace())

    def output_shape(self) -> tuple[int, ...] | None:
        """The last layer's per-sample output shape (None if something does not fit)."""
        rows = self.trace()
        return rows[-1].output_shape if rows else tuple(self.input_shape)

    def build_model(self, seed: int = 0) -> Sequential:
        """A new engine model with fresh weights (raises the first error if the stack does not fit)."""
        error = self.first_error()
        if error is not None:
            raise error
        return Sequential([_layers.Input(self.input_shape), *(s.build() for s in self.layers)], seed=seed)

    # ---- serialisation ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form: ``{"input_shape": [...], "layers": [...]}``."""
        return {"input_shape": list(self.input_shape), "layers": [s.to_dict() for s in self.layers]}

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, trusted: bool = False) -> NetworkSpec:
        """Inverse of :meth:`to_dict`.

        Parameters
        ----------
        data : dict
            ``{"input_shape": [...], "layers": [...]}``, typically read from a file.
        trusted : bool
            True when ``data`` was made by the program itself rather than read from a file: the
            size limits of :mod:`sandbox.limits` are then not applied.

        Raises
        ------
        LayerArgumentError
            If ``data`` is not a network, or (unless ``trusted``) the network is larger than
            :mod:`sandbox.limits` allows: too many layers, a layer too wide, too many values or
            weights. The size is computed from the description; nothing is allocated. Layers whose
            settings are invalid are kept, as in :meth:`LayerSpec.make`.
        """
        if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
            raise LayerArgumentError("spec.bad_network")
        shape = data.get("input_shape")
        if not isinstance(shape, list | tuple) or not shape or not all(
                isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in shape):
            raise LayerArgumentError("spec.bad_input_shape", shape=_clip(shape))
        layers = data["layers"]
        if not trusted:
            # Cheap checks first: the count and each layer's own size, before anything is traced.
            limits.check_layer_count(len(layers))
            for layer in layers:
                if isinstance(layer, dict) and isinstance(layer.get("config"), dict):
                    limits.check_layer_settings(layer.get("class_name"), layer["config"])
        network = cls(tuple(shape), tuple(LayerSpec.from_dict(d) for d in layers))
        if not trusted:
            limits.check_network(shape, [(row.name, row.output_shape, row.params) for row in network.trace()])
        return network

    @classmethod
    def from_model_config(cls, config: dict[str, Any]) -> NetworkSpec:
        """Read a :meth:`Sequential.get_config` (the first entry must be the InputLayer)."""
        layers = list(config.get("layers", []))
        if not layers or layers[0].get("class_name") != "InputLayer":
            raise LayerArgumentError("spec.no_input_layer")
        shape = tuple(layers[0]["config"]["shape"])
        specs = []
        for entry in layers[1:]:
            conf = copy.deepcopy(entry["config"])
            name = conf.get("name", "")
            # drop auto-generated names so a re-built model names its layers afresh
            cls_name = entry["class_name"]
            default = _layers.REGISTRY.lookup(cls_name).default_name()
            if re.fullmatch(rf"{re.escape(default)}(_\d+)?", name or ""):
                conf.pop("name", None)
            specs.append(LayerSpec.make(cls_name, **conf))
        return cls(shape, tuple(specs))

    @classmethod
    def from_preset(cls, name: str) -> NetworkSpec:
        """The spec of ``sandbox.presets.build(name)``."""
        from .presets import DIGIT_SHAPE, PRESETS

        return cls(DIGIT_SHAPE, tuple(LayerSpec.from_dict(d) for d in PRESETS[name].layers))


@dataclass(frozen=True)
class TrainingSpec:
    """Optimizer, loss and loop settings, as the app's settings panel shows them.

    Attributes
    ----------
    optimizer : str
        Class name in ``sandbox.optimizers`` (``"Adam"``).
    optimizer_options_json : str
        The optimizer's own settings besides the learning rate (``{"momentum": 0.9}``), as JSON.
    learning_rate : float
    loss : str
        Keras loss name.
    batch_size, epochs : int
    validation_split : float
    seed : int
    augment : bool
        Shift/rotate the digits a little each batch.
    clipnorm : float or None
        Per-weight gradient clipping.
    """

    optimizer: str = "Adam"
    optimizer_options_json: str = "{}"
    learning_rate: float = 1e-3
    loss: str = "sparse_categorical_crossentropy"
    batch_size: int = 64
    epochs: int = 3
    validation_split: float = 0.1
    seed: int = 0
    augment: bool = False
    clipnorm: float | None = None
    metrics: tuple[str, ...] = field(default=("accuracy",))

    @property
    def optimizer_options(self) -> dict[str, Any]:
        """The optimizer's extra settings as a dict."""
        return json.loads(self.optimizer_options_json)

    def with_options(self, **options: Any) -> TrainingSpec:
        """A copy with some optimizer settings changed."""
        return replace(self, optimizer_options_json=_freeze({**self.optimizer_options, **options}))

    def build_optimizer(self) -> _optimizers.Optimizer:
        """A new engine optimizer with these settings."""
        cls = _optimizers._REGISTRY.lookup(self.optimizer)
        kwargs = {**self.optimizer_options, "learning_rate": self.learning_rate}
        if self.clipnorm:
            kwargs["clipnorm"] = self.clipnorm
        return cls(**kwargs)

    def build_loss(self) -> _losses.Loss:
        """A new engine loss."""
        return _losses.get(self.loss)

    def check(self) -> str | None:
        """Why these settings cannot train (the English message of :meth:`check_error`), or None."""
        error = self.check_error()
        return None if error is None else str(error)

    def check_error(self) -> SandboxError | None:
        """Why these settings cannot train, as the engine error (its code and fields), or None."""
        try:
            self.build_optimizer()
            self.build_loss()
        except SandboxError as exc:
            return exc
        for setting, maximum in (("batch_size", MAX_BATCH_SIZE), ("epochs", MAX_EPOCHS)):
            value = getattr(self, setting)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= maximum:
                shown = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else _clip(value)
                return LayerArgumentError("spec.bad_whole_number", setting=setting, minimum=1, maximum=f"{maximum:,}",
                                          value=shown)
        if not (0.0 <= self.validation_split < 1.0) or not math.isfinite(self.validation_split):
            return LayerArgumentError("spec.bad_validation_split")
        return None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"optimizer": self.optimizer, "optimizer_options": self.optimizer_options,
                "learning_rate": self.learning_rate, "loss": self.loss, "batch_size": self.batch_size,
                "epochs": self.epochs, "validation_split": self.validation_split, "seed": self.seed,
                "augment": self.augment, "clipnorm": self.clipnorm, "metrics": list(self.metrics)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingSpec:
        """Inverse of :meth:`to_dict`; unknown keys are refused."""
        if not isinstance(data, dict):
            raise LayerArgumentError("spec.training_not_dict")
        data = dict(data)
        options = data.pop("optimizer_options", {})
        metrics = tuple(data.pop("metrics", ("accuracy",)))
        known = {f for f in cls.__dataclass_fields__ if f not in ("optimizer_options_json", "metrics")}
        unknown = set(data) - known
        if unknown:
            raise LayerArgumentError("spec.unknown_training_settings", names=', '.join(sorted(unknown)))
        spec = cls(**data, optimizer_options_json=_freeze(options), metrics=metrics)
        problem = spec.check_error()
        if problem is not None:
            raise problem
        return spec
