"""Writing files atomically and reading JSON strictly: the two halves of "never a half-written file,
never a surprise on load" shared by every file the sandbox writes or reads."""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import re
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from .errors import FileFormatError
from .messages import Message

__all__ = ["MAX_NUMBER_DIGITS", "atomic_write", "atomic_write_many", "loads_strict", "missing_reason",
           "nesting_depth"]

#: Longest integer accepted in a JSON file. Every number the sandbox writes (seeds, counts, sizes) has
#: at most 20 digits; Python itself refuses to convert more than 4,300 with a message about its internals.
MAX_NUMBER_DIGITS = 100
_BOM = "\ufeff"


def missing_reason(path: str | os.PathLike[str]) -> Message:
    """Why ``path`` cannot be opened when it does not exist: its folder is missing, or only the file.

    Returns
    -------
    Message
        ``"the folder /a/b does not exist"`` when the folder that should hold the file is missing,
        else ``"there is no such file"``.
    """
    parent = Path(path).parent
    if not parent.is_dir():
        return Message("file.no_folder", folder=str(parent))
    return Message("file.no_such_file")


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Write a file through ``write(file)`` into a temporary file beside ``path``, then rename it over ``path``.

    The target is either the old file or the complete new one, never a mix: on any error the temporary
    file is removed and the old file is untouched. When ``path`` is a symbolic link, the file it points
    to is written (the temporary file goes into that file's folder) and the link stays a link, as when
    a program writes through it in place.

    Raises
    ------
    FileNotFoundError
        If the folder to write in does not exist; its ``strerror`` names the folder.
    OSError
        If the file cannot be written for another reason (permissions, a full disk, …).
    """
    atomic_write_many([(path, write)])


def atomic_write_many(files: Sequence[tuple[str | os.PathLike[str], Callable[[BinaryIO], object]]]) -> None:
    """Write several files as :func:`atomic_write` does, all to disk first, then renamed in the order given.

    Every file is complete and flushed to disk before the first rename, so an error while writing
    (a full disk, a failing ``write``) changes none of the targets. Only a crash between the renames
    can leave some files new and the rest old; put last the file that names or checks the others, so
    that a reader never finds it new beside old companions.

    Parameters
    ----------
    files : sequence of (path, write)
        Each target and the function that writes its content into a binary file.

    Raises
    ------
    FileNotFoundError, OSError
        As :func:`atomic_write`; the targets not yet renamed keep their old content.
    """
    targets = [_real_target(path) for path, _ in files]
    temps: list[Path] = []
    try:
        for (path, write), target in zip(files, targets, strict=True):
            temps.append(_write_temp(target, write, path))
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    except BaseException:
        for temp in temps:  # those already renamed are gone, and the error for them is ignored
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


def _real_target(path: str | os.PathLike[str]) -> Path:
    """The file to replace: ``path`` itself, or the file a symbolic link at ``path`` points to."""
    target = Path(path)
    if target.is_symlink():
        # Renaming over the link itself would replace it with a plain file and leave its target stale.
        target = Path(os.path.realpath(target))
    return target


def _write_temp(target: Path, write: Callable[[BinaryIO], object], shown: str | os.PathLike[str]) -> Path:
    """Write a complete temporary file beside ``target``, flushed to disk; return its path."""
    # A short prefix of the name keeps the temporary name within the file system's limit.
    temp = target.with_name(f".{target.name[:64]}.{secrets.token_hex(6)}.tmp")
    # O_EXCL never reuses someone else's file; mode 0o666 lets the user's umask decide the permissions,
    # as for any new file (a mkstemp file would stay private to its owner after the rename).
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileNotFoundError:
        if target.parent.is_dir():
            raise
        # The error would otherwise name the temporary file, which the user never asked for.
        raise FileNotFoundError(errno.ENOENT, f"the folder {target.parent} does not exist", os.fspath(shown)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


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


def _bounded_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        raise FileFormatError("file.number_too_long", count=digits, maximum=MAX_NUMBER_DIGITS)
    return int(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        raise ValueError("a key appears twice in the same object")
    return value


def loads_strict(text: str) -> Any:
    """``json.loads`` that refuses NaN, infinities, numbers too large or too long, and duplicate keys.

    A byte order mark at the start (Windows Notepad writes one into UTF-8 files) is skipped, as it
    says nothing about the data.

    Raises
    ------
    FileFormatError
        For an integer of more than :data:`MAX_NUMBER_DIGITS` digits, with a message in plain words
        (a FileFormatError is a ValueError too).
    ValueError
        For anything else, with a short reason (``json.JSONDecodeError`` is a ValueError too).
    """
    if text.startswith(_BOM):
        text = text[len(_BOM):]
    return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_bounded_int,
                      object_pairs_hook=_unique_keys)
