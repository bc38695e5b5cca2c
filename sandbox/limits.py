"""The largest network the sandbox accepts from a file, checked before any weight is allocated.

A file can come from anywhere, and a few bytes of JSON can describe a layer of a hundred million
units: building it would take the machine's memory and its time, long before anything could say
why. So every network read from a file — a ``.dlsb`` model or project (its ``model.json`` and the
app's copy of the network in ``settings.json``) and a ``.dlplay`` playground setup — is measured
from its description first, and refused with the numbers when it is too large.

The limits lie well above everything the app can build itself, so a file the app saved always opens
again: its layer form offers Dense layers of up to 4,096 units, Conv2D layers of up to 512 filters
with kernels up to 11×11 and strides up to 5, and pooling windows up to 8×8, on 28×28×1 digits (or
a few playground features), so its largest layer outputs 28 × 28 × 512 = 401,408 values per sample;
and a ``.dlsb`` file holds at most 256 MiB of weights, which :data:`MAX_WEIGHTS` matches.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._registry import argument_error
from .errors import LayerArgumentError

__all__ = [
    "MAX_FILTERS",
    "MAX_INPUT_VALUES",
    "MAX_LAYERS",
    "MAX_LAYER_VALUES",
    "MAX_UNITS",
    "MAX_WEIGHTS",
    "MAX_WINDOW",
    "capped_by_ram",
    "check_layer_count",
    "check_layer_settings",
    "check_network",
]

MAX_UNITS = 16_384
"""Most units of one Dense layer (the app's form offers up to 4,096)."""
MAX_FILTERS = 1_024
"""Most filters of one Conv2D layer (the app's form offers up to 512)."""
MAX_WINDOW = 32
"""Largest kernel, pooling window or stride on a side: more than a whole 28×28 digit (the form offers
kernels up to 11, pools up to 8 and strides up to 5)."""
MAX_INPUT_VALUES = 1 << 20
"""Most values in one input sample (1,048,576, e.g. 1024×1024×1; a digit has 784)."""
MAX_LAYER_VALUES = 1 << 22
"""Most values one layer may output per sample (4,194,304: ten times the app's largest layer). The
activations of a batch grow with this number, whatever the weights."""
MAX_WEIGHTS = 1 << 26
"""Most weights in all (67,108,864 = 256 MiB of float32, the most a ``.dlsb`` file holds)."""
MAX_LAYERS = 255
"""Most layers after the input (a ``.dlsb`` file holds at most 256 with its Input layer)."""

def capped_by_ram(cap: int) -> int:
    """``cap`` bytes, or half the computer's physical memory when the operating system reports it and that is less.

    The app, the network and its activations need the other half, and where memory is overcommitted (Linux) a
    process that asks for too much is killed by the system rather than given a ``MemoryError``.
    """
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows), or the value is unknown
        return cap
    return min(cap, physical // 2) if physical > 0 else cap


# The settings that size a layer, and their limits; a pair (height, width) is checked on each side.
_SETTING_LIMITS = {"units": MAX_UNITS, "filters": MAX_FILTERS, "kernel_size": MAX_WINDOW,
                   "pool_size": MAX_WINDOW, "strides": MAX_WINDOW}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_layer_settings(class_name: Any, config: Mapping[str, Any]) -> None:
    """Refuse a layer from a file whose size settings exceed the limits.

    Only whole numbers (and pairs of them) are compared: a value of the wrong type is left to the
    layer's own checks, which explain it better.

    Parameters
    ----------
    class_name : str
        The layer's type, named in the message (``"Dense"``).
    config : mapping
        Its Keras-style settings.

    Raises
    ------
    LayerArgumentError
        ``"Dense: units is 100,000,000, but a layer read from a file may have at most 16,384"``.
    """
    for key, limit in _SETTING_LIMITS.items():
        value = config.get(key)
        sides = list(value) if isinstance(value, list | tuple) else [value]
        if all(_is_int(side) for side in sides) and any(side > limit for side in sides):
            shown = f"{value:,}" if _is_int(value) else "(" + ", ".join(f"{side:,}" for side in sides) + ")"
            owner = class_name if isinstance(class_name, str) else ""
            raise argument_error(owner, "limit.setting_too_large", setting=key, value=shown, maximum=limit)


def check_layer_count(count: int) -> None:
    """Refuse a network from a file with more than :data:`MAX_LAYERS` layers after its input.

    Raises
    ------
    LayerArgumentError
        Naming the count and the limit.
    """
    if count > MAX_LAYERS:
        raise LayerArgumentError("limit.too_many_layers", count=count, maximum=MAX_LAYERS)


def check_network(input_shape: Sequence[int], rows: Iterable[tuple[str, Sequence[int] | None, int]]) -> None:
    """Refuse a network from a file that is too large as a whole: too many layers, values or weights.

    Parameters
    ----------
    input_shape : sequence of int
        The per-sample input shape.
    rows : iterable of (str, tuple of int or None, int)
        Each layer's name, per-sample output shape (None from the first layer that does not fit on)
        and number of weights, as computed from the description without allocating anything
        (:meth:`sandbox.spec.NetworkSpec.trace`, :func:`sandbox.model.trace_shapes`).

    Raises
    ------
    LayerArgumentError
        Naming the number that is too large and its limit.
    """
    inputs = math.prod(input_shape)
    if inputs > MAX_INPUT_VALUES:
        raise LayerArgumentError("limit.input_too_large", count=inputs, maximum=MAX_INPUT_VALUES)
    rows = list(rows)
    check_layer_count(len(rows))
    for name, shape, _ in rows:
        values = math.prod(shape) if shape is not None else 0
        if values > MAX_LAYER_VALUES:
            raise LayerArgumentError("limit.output_too_large", source=repr(name), count=values,
                                     maximum=MAX_LAYER_VALUES)
    weights = sum(params for _, _, params in rows)
    if weights > MAX_WEIGHTS:
        raise LayerArgumentError("limit.too_many_weights", count=weights, maximum=MAX_WEIGHTS)
