"""The learner's own labelled drawings, kept in the user's data folder between sessions.

Drawings are stored in their 28×28 MNIST-like form (what the network sees), as uint8, in
``<AppDataLocation>/my_digits.npz`` with two members: ``images`` uint8 (N, 28, 28) and ``labels``
uint8 (N,). The file is written atomically (temporary file in the same folder, fsync, ``os.replace``),
so a crash mid-save never leaves half a file. Loading never trusts the file: member names, dtypes and
shapes are checked from the ``.npy`` headers before any array is allocated, and a damaged file is
moved aside as a backup instead of being overwritten or crashing the app.

The store holds at most :data:`MAX_DIGITS` drawings: adding one more forgets the oldest, so the file
never grows past what loading accepts. A file written by an older version that let it grow further
(up to :data:`MAX_READABLE` drawings) is not damaged: its newest :data:`MAX_DIGITS` drawings load.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PySide6.QtCore import QCoreApplication, QStandardPaths

from sandbox.safefile import atomic_write

__all__ = ["FILE_NAME", "MAX_DIGITS", "MAX_READABLE", "UserDigits"]

FILE_NAME = "my_digits.npz"
#: More drawings than anyone makes by hand (78 MB); the store keeps the newest this many.
MAX_DIGITS = 100_000
#: A header claiming more drawings than this is treated as damage; up to it, the newest MAX_DIGITS load.
MAX_READABLE = 10 * MAX_DIGITS
#: Skipping the oldest drawings of an over-full file reads this much at a time.
_SKIP_CHUNK = 1 << 20
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
            images, labels, total = _read(self.path)
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
        if total > len(labels):
            return QCoreApplication.translate(
                "UserDigits", "You have {total} saved drawings; the newest {kept} are used.").format(
                total=f"{total:,}", kept=f"{len(labels):,}")
        return None

    def add(self, image: np.ndarray, label: int) -> int:
        """Add one drawing and save; when :data:`MAX_DIGITS` are stored already, the oldest is forgotten.

        Parameters
        ----------
        image : numpy.ndarray
            float32 (28, 28) in [0, 1], the MNIST-like form of the drawing.
        label : int
            Its digit, 0–9.

        Returns
        -------
        int
            How many of the oldest drawings were forgotten to make room (0 below the limit). Refusing
            the new drawing instead would leave the learner no way to add any more; a store that
            grew past the limit used to be set aside as damaged at the next start.

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
        dropped = max(len(self) + 1 - MAX_DIGITS, 0)
        self.images = np.concatenate([self.images[dropped:], pixels[None]])
        self.labels = np.append(self.labels[dropped:], np.uint8(label))
        self.save()
        return dropped

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


def _read(path: Path) -> tuple[np.ndarray, np.ndarray, int]:
    """Check then read both members; raises _BadFile for anything not written by :meth:`UserDigits.save`.

    Returns the newest :data:`MAX_DIGITS` images and labels, and how many drawings the file holds.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if {info.filename for info in infos} != _MEMBERS or len(infos) != len(_MEMBERS):
                raise _BadFile
            arrays, totals = {}, {}
            for info in infos:
                with archive.open(info) as member:
                    # The header is checked before reading, because np.load would first allocate
                    # whatever shape a damaged header declares.
                    version = np.lib.format.read_magic(member)
                    if version not in _READERS:
                        raise _BadFile
                    shape, fortran, dtype = _READERS[version](member)
                    _check_header(info.filename, shape, fortran, dtype)
                    total, row = shape[0], int(np.prod(shape[1:], dtype=np.int64))
                    keep = min(total, MAX_DIGITS)
                    # The oldest drawings of an over-full file are read past, never held in memory.
                    _skip(member, (total - keep) * row)
                    data = member.read(keep * row + 1)
                    if len(data) != keep * row:
                        raise _BadFile
                    arrays[info.filename] = np.frombuffer(data, np.uint8).reshape((keep, *shape[1:])).copy()
                    totals[info.filename] = total
    except (zipfile.BadZipFile, ValueError, EOFError, KeyError) as exc:
        raise _BadFile from exc
    images, labels = arrays["images.npy"], arrays["labels.npy"]
    if totals["images.npy"] != totals["labels.npy"] or (len(labels) and labels.max() > 9):
        raise _BadFile
    return images, labels, totals["labels.npy"]


def _skip(member: BinaryIO, count: int) -> None:
    """Read past ``count`` bytes of ``member``; raises _BadFile if it ends first."""
    while count > 0:
        got = len(member.read(min(count, _SKIP_CHUNK)))
        if not got:
            raise _BadFile
        count -= got


def _check_header(name: str, shape: tuple[int, ...], fortran: bool, dtype: np.dtype) -> None:
    expected = (_SHAPE if name == "images.npy" else ())
    if dtype != np.uint8 or fortran or len(shape) != 1 + len(expected) or tuple(shape[1:]) != expected:
        raise _BadFile
    if not 0 <= shape[0] <= MAX_READABLE:
        raise _BadFile
