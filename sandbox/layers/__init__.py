"""Layers, named and configured as in ``keras.layers``."""

from __future__ import annotations

from typing import Any

from .base import REGISTRY, Layer, Variable, format_shape
from .conv import Conv2D
from .core import Activation, Dense, Dropout, Flatten, Input, InputLayer, Rescaling, Reshape
from .merge import Add, Concatenate, add, concatenate
from .pooling import AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D

__all__ = [
    "Activation", "Add", "AveragePooling2D", "Concatenate", "Conv2D", "Dense", "Dropout", "Flatten",
    "GlobalAveragePooling2D", "Input", "InputLayer", "Layer", "MaxPooling2D", "Rescaling", "Reshape", "Variable",
    "add", "concatenate", "deserialize", "format_shape", "names", "serialize",
]

#: The layer types a learner can add from the app's palette, in palette order.
PALETTE = ("Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten", "Dropout", "Activation")


def names() -> tuple[str, ...]:
    """Return the class names of all layers that files and the app may name."""
    return REGISTRY.names()


def serialize(layer: Layer) -> dict[str, Any]:
    """Return ``{"class_name": ..., "config": ...}`` for a layer (JSON-safe)."""
    return {"class_name": type(layer).__name__ if type(layer) is not Input else "InputLayer",
            "config": layer.get_config()}


def deserialize(config: dict[str, Any]) -> Layer:
    """Build a layer from :func:`serialize`'s output; only registered layer classes can be named."""
    return REGISTRY.deserialize(config)
