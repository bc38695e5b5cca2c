"""Writing files atomically and reading JSON strictly: the two halves of "never a half-written file,
never a surprise on load" shared by every file the sandbox writes or reads (PITFALLS.md §5)."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["atomic_write", "loads_strict", "nesting_depth"]


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Write a file through ``write(file)`` into a temporary file beside ``path``, then rename it over ``path``.

    The target is either the old file or the complete new one, never a mix: on any error the temporary
    file is removed and the old file is untouched.
    """
    target = Path(path)
    # A short prefix of the name keeps the temporary name within the file system's limit.
    temp = target.with_name(f".{target.name[:64]}.{secrets.token_hex(6)}.tmp")
    # O_EXCL never reuses someone else's file; mode 0o666 lets the user's umask decide the permissions,
    # as for any new file (a mkstemp file would stay private to its owner after the rename).
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


_JSON_TOKEN = re.compile(r'[\[\]{}"\\]')


def nesting_depth(text: str) -> int:
    """How deep JSON ``text`` nests arrays and objects (brackets inside strings do not count).

    Meant to run before ``json.loads``, which recurses once per level and raises RecursionError near
    1,000; malformed text may be miscounted, but ``json.loads`` then refuses it anyway.
    """
    depth = deepest = 0
    in_string = False
    escaped = -1  # position of the character after a backslash inside a string
    for match in _JSON_TOKEN.finditer(text):
        char, pos = match.group(), match.start()
        if in_string:
            if pos == escaped:
                continue
            if char == "\\":
                escaped = pos + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is too large")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        raise ValueError("a key appears twice in the same object")
    return value


def loads_strict(text: str) -> Any:
    """``json.loads`` that refuses NaN, infinities, numbers too large for a float and duplicate keys.

    Raises
    ------
    ValueError
        With a short reason (``json.JSONDecodeError`` is a ValueError too).
    """
    return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float,
                      object_pairs_hook=_unique_keys)
