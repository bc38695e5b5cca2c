"""The learner's own labelled drawings, kept in the user's data folder between sessions.

Drawings are stored in their 28×28 MNIST-like form (what the network sees), as uint8, in
``<AppDataLocation>/my_digits.npz`` with two members: ``images`` uint8 (N, 28, 28) and ``labels``
uint8 (N,). The file is written atomically (temporary file in the same folder, fsync, ``os.replace``),
so a crash mid-save never leaves half a file. Loading never trusts the file: member names, dtypes and
shapes are checked from the ``.npy`` headers before any array is allocated (PITFALLS.md §5), and a
damaged file is moved aside as a backup instead of being overwritten or crashing the app.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QStandardPaths

from sandbox.safefile import atomic_write

__all__ = ["FILE_NAME", "MAX_DIGITS", "UserDigits"]

FILE_NAME = "my_digits.npz"
#: More drawings than anyone makes by hand; a header claiming more is treated as damage.
MAX_DIGITS = 100_000
_SHAPE = (28, 28)
_MEMBERS = {"images.npy", "labels.npy"}
_READERS = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}


class _BadFile(Exception):
    """The file exists but is not a drawings file this app wrote."""


def default_path() -> Path:
    """``<AppDataLocation>/my_digits.npz`` (a test area when ``QStandardPaths`` test mode is on)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / FILE_NAME


class UserDigits:
    """A growing set of labelled 28×28 drawings, saved on every change.

    Parameters
    ----------
    path : str or path-like, optional
        Where the drawings live. Default: :func:`default_path`.

    Attributes
    ----------
    images : numpy.ndarray
        uint8 (N, 28, 28), white digit on black, 0–255.
    labels : numpy.ndarray
        uint8 (N,), the digit 0–9 of each image.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.images = np.zeros((0, *_SHAPE), np.uint8)
        self.labels = np.zeros(0, np.uint8)

    def __len__(self) -> int:
        return len(self.labels)

    def load(self) -> str | None:
        """Read the drawings from :attr:`path`; never raises.

        Returns
        -------
        str or None
            A translated message for the user when the file could not be used (it was damaged and
            moved aside, or could not be read), else None. A missing file is not a problem: it
            means no drawings yet.
        """
        self.images = np.zeros((0, *_SHAPE), np.uint8)
        self.labels = np.zeros(0, np.uint8)
        if not self.path.exists():
            return None
        try:
            images, labels = _read(self.path)
        except _BadFile:
            backup = self.path.with_name(f"{self.path.stem}.damaged-{time.strftime('%Y%m%d-%H%M%S')}.npz")
            try:
                os.replace(self.path, backup)
            except OSError:
                return QCoreApplication.translate(
                    "UserDigits", "Your saved drawings could not be read; starting with none.")
            return QCoreApplication.translate(
                "UserDigits", "Your saved drawings were damaged, so they were set aside as {name}.").format(
                name=backup.name)
        except OSError as exc:
            return QCoreApplication.translate(
                "UserDigits", "Your saved drawings could not be read ({reason}); starting with none.").format(
                reason=exc.strerror or str(exc))
        self.images, self.labels = images, labels
        return None

    def add(self, image: np.ndarray, label: int) -> None:
        """Add one drawing and save.

        Parameters
        ----------
        image : numpy.ndarray
            float32 (28, 28) in [0, 1], the MNIST-like form of the drawing.
        label : int
            Its digit, 0–9.

        Raises
        ------
        ValueError
            If the image is not 28×28 or the label is not 0–9.
        OSError
            If the file cannot be written (the drawing is still kept in memory).
        """
        array = np.asarray(image, np.float32)
        if array.shape != _SHAPE:
            raise ValueError(f"a drawing must be 28×28, got shape {array.shape}")
        if not 0 <= int(label) <= 9:
            raise ValueError(f"a digit label must be 0–9, got {label}")
        pixels = np.round(np.clip(array, 0, 1) * 255).astype(np.uint8)
        self.images = np.concatenate([self.images, pixels[None]])
        self.labels = np.append(self.labels, np.uint8(label))
        self.save()

    def remove_last(self) -> int | None:
        """Forget the most recent drawing and save; returns its label, or None if there was none.

        Raises
        ------
        OSError
            If the file cannot be written.
        """
        if not len(self):
            return None
        label = int(self.labels[-1])
        self.images, self.labels = self.images[:-1], self.labels[:-1]
        self.save()
        return label

    def counts(self) -> np.ndarray:
        """How many drawings of each digit: int64 (10,)."""
        return np.bincount(self.labels, minlength=10).astype(np.int64)

    def as_float(self) -> tuple[np.ndarray, np.ndarray]:
        """The drawings as the session takes them: float32 (N, 28, 28) in [0, 1] and int64 (N,)."""
        return self.images.astype(np.float32) / np.float32(255), self.labels.astype(np.int64)

    def save(self) -> None:
        """Write all drawings atomically (raises OSError if the folder is not writable)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, lambda f: np.savez(f, images=self.images, labels=self.labels))


def _read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Check then read both members; raises _BadFile for anything not written by :meth:`UserDigits.save`."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if {info.filename for info in infos} != _MEMBERS or len(infos) != len(_MEMBERS):
                raise _BadFile
            arrays = {}
            for info in infos:
                with archive.open(info) as member:
                    # The header is checked before reading, because np.load would first allocate
                    # whatever shape a damaged header declares.
                    version = np.lib.format.read_magic(member)
                    if version not in _READERS:
                        raise _BadFile
                    shape, fortran, dtype = _READERS[version](member)
                    _check_header(info.filename, shape, fortran, dtype)
                    count = int(np.prod(shape))
                    data = member.read(count + 1)
                    if len(data) != count:
                        raise _BadFile
                    arrays[info.filename] = np.frombuffer(data, np.uint8).reshape(shape).copy()
    except (zipfile.BadZipFile, ValueError, EOFError, KeyError) as exc:
        raise _BadFile from exc
    images, labels = arrays["images.npy"], arrays["labels.npy"]
    if len(images) != len(labels) or (len(labels) and labels.max() > 9):
        raise _BadFile
    return images, labels


def _check_header(name: str, shape: tuple[int, ...], fortran: bool, dtype: np.dtype) -> None:
    expected = (_SHAPE if name == "images.npy" else ())
    if dtype != np.uint8 or fortran or len(shape) != 1 + len(expected) or tuple(shape[1:]) != expected:
        raise _BadFile
    if not 0 <= shape[0] <= MAX_DIGITS:
        raise _BadFile
