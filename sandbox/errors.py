"""Typed errors raised by the engine.

Every error carries a stable :attr:`~SandboxError.code` and the :attr:`~SandboxError.fields` that
fill the code's template in :data:`sandbox.messages.MESSAGES`; its ``str()`` is that English
sentence. The app translates from the code and fields, never from the English text.
Every error is also a standard Python exception (``ValueError`` or ``RuntimeError``) so code written
for Keras that catches those keeps working.
"""

from __future__ import annotations

from typing import Any

from .messages import MESSAGES, Message

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
    """Base class of every error the engine raises on purpose.

    Parameters
    ----------
    code : str
        A key of :data:`~sandbox.messages.MESSAGES`. Text that is no registered code is kept as the
        message itself (``code`` is then None): only for code outside the engine that raises these
        errors with its own sentence; the engine never does.
    **fields
        The values that fill the code's template: plain data, or a nested
        :class:`~sandbox.messages.Message` or engine error (a reason inside a reason).

    Attributes
    ----------
    code : str or None
        The message's code.
    fields : dict
        The template's values, by name.
    """

    def __init__(self, code: str, /, **fields: Any) -> None:
        if code in MESSAGES:
            self.message: Message | None = Message(code, **fields)
            self._text = None
        else:
            if fields:
                raise KeyError(f"unregistered message code {code!r}")
            self.message, self._text = None, str(code)
        super().__init__(code)

    @property
    def code(self) -> str | None:
        """The message's stable code, or None for free text raised from outside the engine."""
        return None if self.message is None else self.message.code

    @property
    def fields(self) -> dict[str, Any]:
        """The values that fill the code's template (empty for free text)."""
        return {} if self.message is None else self.message.fields

    def __str__(self) -> str:
        return self._text if self.message is None else str(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce would call cls(*args), losing the fields; rebuild from code + fields.
        return (_rebuild, (type(self), self.code or self._text, self.fields, self._extra()))

    def _extra(self) -> dict[str, Any]:
        """Attributes outside the template that a copy must keep (see :class:`ShapeError`)."""
        return {}

    @classmethod
    def like(cls, error: SandboxError) -> SandboxError:
        """An error of this class with ``error``'s code and fields (its message kept word for word)."""
        return cls(str(error)) if error.message is None else cls(error.code, **error.fields)


def _rebuild(cls: type[SandboxError], code: str, fields: dict[str, Any], extra: dict[str, Any]) -> SandboxError:
    error = cls.__new__(cls)
    SandboxError.__init__(error, code, **fields)
    for key, value in extra.items():
        setattr(error, key, value)
    return error


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
        code: str,
        /,
        *,
        layer_index: int | None = None,
        layer_name: str | None = None,
        fix: str | None = None,
        **fields: Any,
    ) -> None:
        super().__init__(code, **fields)
        self.layer_index = layer_index
        self.layer_name = layer_name
        self.fix = fix

    def _extra(self) -> dict[str, Any]:
        return {"layer_index": self.layer_index, "layer_name": self.layer_name, "fix": self.fix}


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
        super().__init__("unknown_name", kind=kind, name=repr(name), known=", ".join(self.known))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.name, self.known))


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


def reason_of(exc: BaseException) -> SandboxError | str:
    """``exc`` as the field of another error's message: an engine error as it is (so the app translates it
    from its code), any other exception as its text."""
    return exc if isinstance(exc, SandboxError) else str(exc)
