"""Closed name registries shared by the engine.

Every string identifier a user or a file may name (``"relu"``, ``"adam"``, ``"Dense"``) is looked up
here and only here, so loading a file can never reach importable code (a config naming importable code
was the attack in Keras CVE-2025-1550).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import LayerArgumentError, UnknownNameError
from .messages import Message

T = TypeVar("T")

__all__ = ["Registry", "snake_case"]


def snake_case(name: str) -> str:
    """Convert ``CamelCase`` to ``snake_case`` the way Keras names layers (``Conv2D`` → ``conv2d``)."""
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    s = re.sub(r"([a-z])([A-Z])", r"\1_\2", s)
    return s.lower()


class Registry:
    """A closed mapping from names to classes of one kind (layer, loss, optimizer, …).

    Parameters
    ----------
    kind : str
        What the registry holds, used in error messages (``"activation"``).
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._by_name: dict[str, Any] = {}
        self._aliases: dict[str, str] = {}

    def register(self, *aliases: str) -> Callable[[T], T]:
        """Class decorator: register under the class name, its snake_case form and ``aliases``."""

        def deco(obj: T) -> T:
            canonical = obj.__name__  # type: ignore[attr-defined]
            self._by_name[canonical] = obj
            for alias in (snake_case(canonical), canonical.lower(), *aliases):
                self._aliases[alias] = canonical
            return obj

        return deco

    def add(self, name: str, obj: Any, *aliases: str) -> None:
        """Register a plain object under ``name`` and ``aliases``."""
        self._by_name[name] = obj
        for alias in (name, *aliases):
            self._aliases[alias] = name

    def names(self) -> tuple[str, ...]:
        """Return the canonical names, in registration order."""
        return tuple(self._by_name)

    def lookup(self, name: str) -> Any:
        """Return the registered object for ``name`` (canonical or alias).

        Raises
        ------
        UnknownNameError
            If ``name`` is not registered.
        """
        if not isinstance(name, str):
            raise UnknownNameError(self.kind, name, tuple(self._aliases))
        key = name if name in self._by_name else self._aliases.get(name, self._aliases.get(name.lower()))
        if key is None:
            raise UnknownNameError(self.kind, name, self.names())
        return self._by_name[key]

    def canonical(self, name: str) -> str:
        """Return the canonical name for ``name`` (raises like :meth:`lookup`)."""
        obj = self.lookup(name)
        for key, value in self._by_name.items():
            if value is obj:
                return key
        raise AssertionError("unreachable")  # pragma: no cover

    def deserialize(self, identifier: Any) -> Any:
        """Build an object from a name, a ``{"class_name", "config"}`` dict or an existing instance."""
        if isinstance(identifier, str):
            return self.lookup(identifier)()
        if isinstance(identifier, dict):
            if set(identifier) - {"class_name", "config", "module", "registered_name"}:
                raise LayerArgumentError(
                    "arg.serialized_needs_class_name", kind=self.kind, keys=sorted(identifier)
                )
            cls = self.lookup(identifier.get("class_name"))
            config = identifier.get("config") or {}
            if not isinstance(config, dict):
                raise LayerArgumentError("arg.config_dict", kind=self.kind, config=config)
            return cls.from_config(config)
        return identifier


def serialize(obj: Any) -> dict[str, Any]:
    """Serialize an object with ``get_config`` as ``{"class_name": ..., "config": ...}``."""
    return {"class_name": type(obj).__name__, "config": obj.get_config()}


def argument_error(owner: str, code: str, **fields: Any) -> LayerArgumentError:
    """The error ``code`` about a setting, led by the name of its ``owner`` (``"Dense: …"``) if there is one."""
    if not owner:
        return LayerArgumentError(code, **fields)
    return LayerArgumentError("arg.owned", owner=owner, problem=Message(code, **fields))


def check_int(name: str, value: Any, *, minimum: int = 1, owner: str = "") -> int:
    """Validate a positive integer argument and quote the bad value if it is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float) or int(value) != value or value < minimum:
        raise argument_error(owner, "arg.int_at_least", setting=name, minimum=minimum, value=value)
    return int(value)


def check_float(
    name: str, value: Any, *, low: float | None = None, high: float | None = None,
    low_open: bool = False, high_open: bool = False, owner: str = "",
) -> float:
    """Validate a finite float argument within ``[low, high]`` (ends optionally open)."""
    import math

    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(float(value))
    if ok:
        v = float(value)
        if low is not None and (v < low or (low_open and v == low)):
            ok = False
        if high is not None and (v > high or (high_open and v == high)):
            ok = False
    if not ok:
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        rng = f"{lo}{low if low is not None else '-inf'}, {high if high is not None else 'inf'}{hi}"
        raise argument_error(owner, "arg.finite_number", setting=name, range=rng, value=value)
    return float(value)


def check_pair(name: str, value: Any, *, owner: str = "") -> tuple[int, int]:
    """Validate an int or a pair of ints (kernel size, strides, pool size) as ``(h, w)``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        v = check_int(name, value, owner=owner)
        return (v, v)
    if isinstance(value, list | tuple) and len(value) == 2:
        return (check_int(name, value[0], owner=owner), check_int(name, value[1], owner=owner))
    raise argument_error(owner, "arg.int_or_pair", setting=name, value=value)
