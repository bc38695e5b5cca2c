"""Deep Learning Sandbox engine: a Keras-shaped deep-learning library in NumPy.

>>> import sandbox as sb
>>> model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(3, activation="softmax")], seed=0)
>>> model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
"""

from __future__ import annotations

from . import activations, callbacks, initializers, layers, losses, metrics, models, optimizers, regularizers, utils
from .callbacks import EarlyStopping, History, ModelCheckpoint, StopToken, TerminateOnNaN
from .check import Finding, check
from .errors import (
    Cancelled,
    FileFormatError,
    LayerArgumentError,
    SandboxError,
    ShapeError,
    TrainingError,
    UnknownNameError,
)
from .export_torch import export_torch  # not lazy: the submodule, once imported, would shadow it
from .functional import Input, KerasTensor
from .layers import Layer, Variable
from .model import Model, Sequential, trace_shapes
from .training import BatchProgress, EpochProgress, iter_fit

__version__ = "0.1.0"

__all__ = [
    "BatchProgress",
    "Cancelled",
    "EarlyStopping",
    "EpochProgress",
    "FileFormatError",
    "Finding",
    "History",
    "Input",
    "KerasTensor",
    "Layer",
    "LayerArgumentError",
    "Model",
    "ModelCheckpoint",
    "SandboxError",
    "Sequential",
    "ShapeError",
    "StopToken",
    "TerminateOnNaN",
    "TrainingError",
    "UnknownNameError",
    "Variable",
    "__version__",
    "activations",
    "callbacks",
    "check",
    "datasets",
    "export_torch",
    "familiarity",
    "initializers",
    "iter_fit",
    "layers",
    "load_model",
    "losses",
    "metrics",
    "models",
    "monitor",
    "optimizers",
    "presets",
    "regularizers",
    "save_model",
    "trace_shapes",
    "utils",
]


def __getattr__(name: str):
    # Heavier or optional parts load on first use, so `import sandbox` stays fast.
    import importlib

    if name in ("datasets", "presets", "gradcheck", "io", "cli", "imageio", "spec", "export", "familiarity",
                "monitor"):
        return importlib.import_module(f".{name}", __name__)
    if name in ("save_model", "load_model"):
        return getattr(importlib.import_module(".io", __name__), name)
    if name == "ops":  # keras.ops needs automatic differentiation, which a NumPy engine does not have
        from .errors import LayerArgumentError

        raise LayerArgumentError("engine.no_ops")
    raise AttributeError(f"module 'sandbox' has no attribute {name!r}")
