"""Typed errors raised by the engine.

The engine speaks English; the app maps each error type to a translated, friendly message.
Every error is also a standard Python exception (``ValueError`` or ``KeyError``) so code written
for Keras that catches those keeps working.
"""

from __future__ import annotations

__all__ = [
    "Cancelled",
    "FileFormatError",
    "LayerArgumentError",
    "SandboxError",
    "ShapeError",
    "TrainingError",
    "UnknownNameError",
]


class SandboxError(Exception):
    """Base class of every error the engine raises on purpose."""


class LayerArgumentError(SandboxError, ValueError):
    """A layer, optimizer, loss or other object got an argument it cannot use.

    The message quotes the bad value: ``units must be a positive int, got 0``.
    """


class ShapeError(SandboxError, ValueError):
    """A layer cannot accept the shape produced by the layer before it.

    Attributes
    ----------
    layer_index : int or None
        Position of the offending layer in the model (0 = first layer after the input).
    layer_name : str or None
        Name of the offending layer.
    fix : str or None
        Machine-readable hint for a one-click fix, e.g. ``"insert_flatten"``.
    """

    def __init__(
        self,
        message: str,
        *,
        layer_index: int | None = None,
        layer_name: str | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(message)
        self.layer_index = layer_index
        self.layer_name = layer_name
        self.fix = fix


class UnknownNameError(SandboxError, ValueError):
    """A string identifier (activation, loss, optimizer, …) is not known.

    Attributes
    ----------
    kind : str
        What was looked up, e.g. ``"activation"``.
    name : str
        The name that was not found.
    known : tuple of str
        The names that would have worked.
    """

    def __init__(self, kind: str, name: object, known: tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(self.known)}")


class TrainingError(SandboxError, RuntimeError):
    """Training cannot start or go on (model not compiled, data that does not fit, …)."""


class FileFormatError(SandboxError, ValueError):
    """A model, project or data file cannot be read.

    The message says in plain words what is wrong with the file, never a traceback's worth
    of internals; nothing in memory was changed by the failed load.
    """


class Cancelled(Exception):
    """A long computation stopped early because its :class:`~sandbox.StopToken` was set.

    Not a :class:`SandboxError`: nothing is wrong, the result is simply no longer wanted (the model
    changed, or the window closed).
    """
