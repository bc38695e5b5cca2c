"""``keras.datasets.mnist.load_data()`` without a download: the learner's own copy, or the bundled digits.

The book's first line of data is ``(train_images, train_labels), (test_images, test_labels) =
mnist.load_data()``. This module answers it from, in order:

1. ``path``, when given: an ``.npz`` file in Keras's format, or a folder of MNIST-style IDX files
   (read by :mod:`sandbox.datasets.idx`);
2. Keras's own cached copy, ``mnist.npz`` in the ``datasets`` folder of Keras's home (``$KERAS_HOME``, else
   ``.keras`` in the user's home folder), where ``keras.datasets.mnist.load_data()`` leaves it;
3. otherwise the 5,000 digits bundled with the app (:mod:`sandbox.datasets.digits`), with a one-line note
   saying so, printed once: 4,000 training and 1,000 test images instead of 60,000 and 10,000.

Nothing is ever downloaded. A file in Keras's format is an ``.npz`` archive holding ``x_train`` uint8
(N, 28, 28), ``y_train`` uint8 (N,), ``x_test`` uint8 (M, 28, 28) and ``y_test`` uint8 (M,); it is read
as hostile, as every file the sandbox opens: each array's header (dtype, shape, memory order) is checked
against the limits of :mod:`sandbox.datasets.idx` before its data is read, nothing is unpickled, and a bad
file gives a :class:`~sandbox.errors.FileFormatError` that names it.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import BinaryIO

import numpy as np

from sandbox.datasets import digits, idx
from sandbox.errors import FileFormatError

__all__ = ["MEMBERS", "keras_cache_file", "load_data"]

#: The arrays of Keras's ``mnist.npz``, in the order they are returned.
MEMBERS = ("x_train", "y_train", "x_test", "y_test")
_Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
_MAX_HEADER = 4096  # numpy writes ~128 bytes
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_noted = False


def keras_cache_file() -> Path:
    """Where ``keras.datasets.mnist.load_data()`` keeps its copy: ``<Keras home>/datasets/mnist.npz``.

    Keras's home is ``$KERAS_HOME`` when set, else the ``.keras`` folder in the user's home folder.
    """
    home = os.environ.get("KERAS_HOME") or str(Path.home() / ".keras")
    return Path(home) / "datasets" / "mnist.npz"


def load_data(path: str | os.PathLike[str] | None = None) -> _Split:
    """Load MNIST as ``keras.datasets.mnist.load_data()`` returns it, never downloading.

    Parameters
    ----------
    path : str or path-like, optional
        An ``.npz`` file in Keras's format, or a folder of IDX files. A bare file name that does not exist
        where it is (Keras's default ``"mnist.npz"``) is looked for in Keras's cache folder. Default: Keras's
        cached copy if there is one, else the bundled digits.

    Returns
    -------
    (x_train, y_train) : tuple of numpy.ndarray
        uint8 (N, 28, 28), white digits on black (0–255), and uint8 (N,) labels 0–9.
    (x_test, y_test) : tuple of numpy.ndarray
        uint8 (M, 28, 28) and uint8 (M,). N, M = 60,000, 10,000 for Keras's file, 4,000, 1,000 for the
        bundled digits.

    Raises
    ------
    FileFormatError
        If ``path`` (or Keras's cached copy) does not exist or is not a valid MNIST file; the message
        names the file.
    """
    if path is not None:
        given = Path(path)
        if given.is_dir():
            return idx.load_data(given)
        if not given.exists() and given.name == os.fspath(path) and keras_cache_file().parent.joinpath(
                given.name).is_file():
            given = keras_cache_file().parent / given.name
        if not given.is_file():
            raise FileFormatError("mnist.no_file", file=str(given))
        return read_npz(given)
    cached = keras_cache_file()
    if cached.is_file():
        return read_npz(cached)
    _note_bundled(cached)
    return digits.load_data()


def _note_bundled(cached: Path) -> None:
    """Say once per session that the small bundled set stands in for MNIST."""
    global _noted
    if _noted:
        return
    _noted = True
    print(f"Note: no MNIST copy at {cached}, so these are the sandbox's bundled digits: 4,000 training and "
          "1,000 test images of 28×28 (MNIST has 60,000 and 10,000); nothing was downloaded.")


def read_npz(file: str | os.PathLike[str]) -> _Split:
    """Read an ``.npz`` file in Keras's MNIST format, checking every header before reading any data.

    Parameters
    ----------
    file : str or path-like

    Returns
    -------
    (x_train, y_train), (x_test, y_test)
        As :func:`load_data`.

    Raises
    ------
    FileFormatError
        If it is no zip archive, lacks an array, holds another dtype or shape, holds labels outside 0–9,
        or declares more images than :data:`sandbox.datasets.idx.MAX_ITEMS` or than memory allows.
    """
    path = Path(file)
    name = str(path)
    arrays: dict[str, np.ndarray] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            for member in MEMBERS:
                info = infos.get(f"{member}.npy")
                if info is None:
                    raise FileFormatError("mnist.no_array", file=name, member=member)
                if info.compress_type not in _COMPRESSIONS or info.flag_bits & 0x1:
                    raise FileFormatError("mnist.bad_compression", file=name, member=member)
            shapes = {}
            for member in MEMBERS:
                with archive.open(f"{member}.npy") as f:
                    shapes[member] = _read_header(f, name, member)
            _check_shapes(name, shapes)
            for member in MEMBERS:
                with archive.open(f"{member}.npy") as f:
                    _read_header(f, name, member)
                    arrays[member] = _read_data(f, name, member, shapes[member])
    except FileFormatError:
        raise
    except MemoryError:
        raise FileFormatError("mnist.out_of_memory", file=name) from None
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
        # zlib.error, a failed CRC check and a truncated archive surface as one of these.
        raise FileFormatError("mnist.unreadable", file=name, detail=str(exc) or type(exc).__name__) from None
    for member in ("y_train", "y_test"):
        if arrays[member].size and arrays[member].max() > 9:
            raise FileFormatError("mnist.bad_labels", file=name, member=member, high=int(arrays[member].max()))
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def _read_header(f: BinaryIO, name: str, member: str) -> tuple[int, ...]:
    """The shape an array's ``.npy`` header declares, after checking it declares C-ordered uint8."""
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f, max_header_size=_MAX_HEADER)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f, max_header_size=_MAX_HEADER)
        else:
            raise ValueError(f"unsupported .npy version {version}")
    except (ValueError, SyntaxError, TypeError) as exc:
        raise FileFormatError("mnist.bad_header", file=name, member=member, detail=str(exc)) from None
    if dtype != np.uint8 or fortran:
        raise FileFormatError("mnist.bad_dtype", file=name, member=member, dtype=str(dtype))
    return tuple(int(d) for d in shape)


def _check_shapes(name: str, shapes: dict[str, tuple[int, ...]]) -> None:
    """Images (N, H, W) and labels (N,) of matching counts and sizes, within the IDX reader's limits."""
    for part in ("train", "test"):
        images, labels = shapes[f"x_{part}"], shapes[f"y_{part}"]
        if len(images) != 3 or len(labels) != 1 or images[0] != labels[0] or (
                part == "test" and images[1:] != shapes["x_train"][1:]):
            raise FileFormatError("mnist.bad_shapes", file=name, images_member=f"x_{part}", images=images,
                                  labels_member=f"y_{part}", labels=labels)
        if not 1 <= images[0] <= idx.MAX_ITEMS or not all(1 <= side <= idx.MAX_SIDE for side in images[1:]):
            raise FileFormatError("mnist.too_large", file=name, member=f"x_{part}", images=images,
                                  count=idx.MAX_ITEMS, side=idx.MAX_SIDE)
    pixels = sum(int(np.prod(shapes[m])) for m in ("x_train", "x_test"))
    need, budget = pixels * idx.BYTES_PER_PIXEL, idx.memory_budget()
    if need > budget:
        raise FileFormatError("mnist.needs_memory", file=name, declared=-(-need // 10**6),
                              maximum=budget // 10**6)


def _read_data(f: BinaryIO, name: str, member: str, shape: tuple[int, ...]) -> np.ndarray:
    """Read exactly the bytes ``shape`` needs, straight into the array; fewer or more means a damaged file."""
    out = np.empty(shape, np.uint8)
    view = memoryview(out.reshape(-1))
    got = 0
    while got < out.size:
        n = f.readinto(view[got:])
        if not n:
            break
        got += n
    if got != out.size or f.read(1):
        raise FileFormatError("mnist.wrong_amount", file=name, member=member)
    return out
