"""Read handwritten-digit sets stored in the IDX format of the original MNIST download.

A folder with the four files ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte`` (each may end in ``.gz``, and the
spelling ``train-images.idx3-ubyte`` of some downloads is accepted too) loads into the same arrays
as :func:`sandbox.datasets.digits.load_data`. Fashion-MNIST, KMNIST and EMNIST use the same files.

Every file is checked before it is trusted: a damaged, truncated, oversized or foreign file raises
:class:`~sandbox.errors.FileFormatError` with a message in plain words, and a small compressed file
that would expand to gigabytes is stopped after the size its header declares.

Memory is checked before it is allocated. The headers of all four files are read first, and the
images they declare must fit :func:`memory_budget` (at most :data:`MEMORY_BUDGET`), counting for
each pixel its byte here and the 4-byte float of the copy every network trains on
(:data:`BYTES_PER_PIXEL`). A gzip file's trailer, which records the unpacked length, is compared
with the header too: when they disagree the header is not trusted with a large allocation, and the
data are read piece by piece until they run out. Should the allocation fail anyway, the caller gets
a :class:`~sandbox.errors.FileFormatError`, never a ``MemoryError``.
"""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, overload

import numpy as np

from sandbox.errors import FileFormatError, LayerArgumentError
from sandbox.limits import capped_by_ram
from sandbox.messages import Message

__all__ = ["BYTES_PER_PIXEL", "MAX_BYTES", "MAX_ITEMS", "MAX_SIDE", "MEMORY_BUDGET", "load_data", "memory_budget",
           "read_idx"]

MAX_ITEMS = 1_000_000
"""Largest number of images or labels accepted in one file (EMNIST, the largest common set, has ~800,000)."""
MAX_SIDE = 512
"""Largest accepted image height or width in pixels."""
MAX_BYTES = 1 << 30
"""Largest accepted amount of pixel data in one file (1 GiB)."""
BYTES_PER_PIXEL = 5
"""Memory one loaded pixel takes: its byte, plus the float32 copy a network trains on (the app and the
command line both scale the images to float32 0–1)."""
MEMORY_BUDGET = 3 << 30
"""Most memory the images of one data set may take, pixels times :data:`BYTES_PER_PIXEL` (3 GiB).

EMNIST ByClass, the largest common IDX set (814,255 images of 28×28), needs 2.97 GiB and fits; a file
declaring 1,000,000 such images needs 3.65 GiB and is refused before anything is allocated. Labels
(one byte each, at most :data:`MAX_ITEMS`) are too small to count.
"""

_IMAGES_MAGIC = 0x00000803
_LABELS_MAGIC = 0x00000801
_UBYTE = 0x08
_GZIP_SIGNATURE = b"\x1f\x8b"
# Deflate cannot expand data more than 1032 times; a header declaring more than that is lying.
_MAX_GZIP_RATIO = 1100
# Reading piece by piece, when a gzip trailer disagrees with the header, never holds more than this
# much beyond the data actually unpacked.
_CHUNK = 1 << 20
_TYPE_NAMES = {
    0x08: "unsigned bytes",
    0x09: "signed bytes",
    0x0B: "16-bit integers",
    0x0C: "32-bit integers",
    0x0D: "32-bit floats",
    0x0E: "64-bit floats",
}
_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}

_Kind = Literal["images", "labels"]
_WANTED_MAGIC: dict[_Kind | None, tuple[int, ...]] = {
    "images": (_IMAGES_MAGIC,),
    "labels": (_LABELS_MAGIC,),
    None: (_IMAGES_MAGIC, _LABELS_MAGIC),
}
_NOUNS: dict[_Kind | None, str] = {
    "images": "an IDX image file",
    "labels": "an IDX label file",
    None: "an IDX image or label file",
}
_Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def load_data(folder: str | os.PathLike[str], *, max_items: int | None = None) -> _Split:
    """Load an MNIST-style set from the four IDX files in ``folder``.

    Parameters
    ----------
    folder : str or path-like
        Folder holding ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
        ``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte``, each optionally gzip-compressed
        (``.gz``); a dot instead of the second dash (``train-images.idx3-ubyte``) is accepted, and
        letter case is ignored. When both a plain and a ``.gz`` copy exist, the plain one is read.
    max_items : int, optional
        Keep only the first ``max_items`` images of each part (files are still checked completely).

    Returns
    -------
    (x_train, y_train) : tuple of numpy.ndarray
        ``x_train`` uint8 (N, rows, cols) and ``y_train`` uint8 (N,), in file order.
    (x_test, y_test) : tuple of numpy.ndarray
        ``x_test`` uint8 (M, rows, cols) and ``y_test`` uint8 (M,), in file order.

    Raises
    ------
    FileFormatError
        If the folder or a file is missing, a file is not a valid IDX file, image and label
        counts disagree, training and test images differ in size, or the images need more memory
        than :func:`memory_budget` allows (checked from the headers, before any data is read).
    LayerArgumentError
        If ``max_items`` is not a positive int.
    """
    if max_items is not None and (
        not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 1
    ):
        raise LayerArgumentError("idx.max_items", max_items=max_items)
    folder = Path(folder)
    files = _find_files(folder)
    # Every header is checked before any data is read, so a set that cannot fit in memory, or whose
    # parts disagree, is refused at once instead of after unpacking hundreds of megabytes.
    heads = {key: _read(path, "images" if key.endswith("images") else "labels", header_only=True)
             for key, path in files.items()}
    for prefix in ("train", "test"):
        images, labels = heads[f"{prefix}_images"].dims[0], heads[f"{prefix}_labels"].dims[0]
        if images != labels:
            raise FileFormatError(
                "idx.count_mismatch", images=files[f"{prefix}_images"].name, images_count=images,
                labels=files[f"{prefix}_labels"].name, labels_count=labels,
            )
    train_dims, test_dims = heads["train_images"].dims, heads["test_images"].dims
    if train_dims[1:] != test_dims[1:]:
        raise FileFormatError(
            "idx.size_mismatch", size=f"{train_dims[1]}×{train_dims[2]}", test_size=f"{test_dims[1]}×{test_dims[2]}"
        )
    count = train_dims[0] + test_dims[0]
    _check_memory("idx.folder_needs_memory", {"folder": str(folder)},
                  Message("idx.images_of", count=count, size=f"{train_dims[1]}×{train_dims[2]}"),
                  count * train_dims[1] * train_dims[2])
    parts = []
    for prefix in ("train", "test"):
        images = _read(files[f"{prefix}_images"], "images")
        labels = _read(files[f"{prefix}_labels"], "labels")
        if max_items is not None:
            images, labels = images[:max_items].copy(), labels[:max_items].copy()
        parts.append((images, labels))
    (x_train, y_train), (x_test, y_test) = parts
    return (x_train, y_train), (x_test, y_test)


def memory_budget() -> int:
    """Most memory, in bytes, the images of one data set may take on this computer.

    Returns
    -------
    int
        :data:`MEMORY_BUDGET`, or half the computer's physical memory when the operating system
        reports it and that is less: the app, the network and its activations need the rest, and
        where memory is overcommitted (Linux) a process that asks for too much is killed by the
        system rather than given a ``MemoryError``.
    """
    return capped_by_ram(MEMORY_BUDGET)


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read one IDX file of images or labels, plain or gzip-compressed.

    Parameters
    ----------
    path : str or path-like
        The file. Compression is recognised from the content, not the name, so a ``.gz`` file that
        a browser already unpacked still loads.

    Returns
    -------
    numpy.ndarray
        uint8 (N, rows, cols) for an image file (magic number 0x00000803) or uint8 (N,) for a label
        file (magic number 0x00000801).

    Raises
    ------
    FileFormatError
        If the file is missing, not an IDX file of unsigned bytes with 1 or 3 dimensions, declares
        more than :data:`MAX_ITEMS` items, sides over :data:`MAX_SIDE` pixels or over
        :data:`MAX_BYTES` of data, images that need more memory than :func:`memory_budget` allows
        (counting their float32 copy), or holds less or more data than its header declares.
    """
    return _read(Path(path), None)


def _find_files(folder: Path) -> dict[str, Path]:
    """Map each key of ``_FILES`` to the file in ``folder`` that holds it."""
    if not folder.is_dir():
        if folder.exists():
            raise FileFormatError("idx.not_a_folder", folder=str(folder))
        raise FileFormatError("idx.no_folder", folder=str(folder))
    try:
        present = {entry.name.lower(): entry for entry in folder.iterdir() if entry.is_file()}
    except OSError as exc:
        raise FileFormatError("idx.folder_cannot_read", folder=str(folder), reason=exc.strerror or str(exc)) from None
    found: dict[str, Path] = {}
    for key, name in _FILES.items():
        dotted = name.replace("-idx", ".idx")
        # Plain files first: they are what the user unpacked on purpose and are faster to read.
        for candidate in (name, dotted, f"{name}.gz", f"{dotted}.gz"):
            if candidate in present:
                found[key] = present[candidate]
                break
        else:
            expected = ", ".join(_FILES.values())
            raise FileFormatError(
                "idx.missing_file", folder=str(folder), file=name, files=expected
            )
    return found


@dataclass(frozen=True)
class _Header:
    """What an IDX header declares, already checked against the limits."""

    dims: tuple[int, ...]
    declared: int  # bytes of data after the header
    size: int  # bytes of the header itself
    text: Message  # "60,000 images of 28×28" or "60,000 labels"


@overload
def _read(path: Path, kind: _Kind | None, *, header_only: Literal[False] = ...) -> np.ndarray: ...
@overload
def _read(path: Path, kind: _Kind | None, *, header_only: Literal[True]) -> _Header: ...


def _read(path: Path, kind: _Kind | None, *, header_only: bool = False) -> np.ndarray | _Header:
    """Read and check one IDX file (or only its header); ``kind`` is what the caller needs, or None for either."""
    name = path.name
    compressed = False
    try:
        with open(path, "rb") as raw:
            compressed = raw.read(2) == _GZIP_SIGNATURE
            size = os.fstat(raw.fileno()).st_size
            unpacked_size = _gzip_trailer_size(raw, size) if compressed and not header_only else None
            raw.seek(0)
            if compressed:
                with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                    header = _parse_header(unpacked, name, kind, size, compressed=True)
                    return header if header_only else _parse_data(unpacked, name, header, unpacked_size)
            header = _parse_header(raw, name, kind, size, compressed=False)
            return header if header_only else _parse_data(raw, name, header, None)
    except FileNotFoundError:
        raise FileFormatError("idx.no_file", file=str(path)) from None
    except (OSError, EOFError, zlib.error) as exc:
        if compressed:
            # BadGzipFile, a cut-off stream (EOFError) and a bad deflate block (zlib.error) all end here.
            raise FileFormatError("idx.bad_gzip", file=name, detail=str(exc)) from None
        raise FileFormatError("idx.cannot_read", file=name, reason=exc.strerror or str(exc)) from None


def _gzip_trailer_size(raw: BinaryIO, file_size: int) -> int | None:
    """The unpacked length (modulo 2³²) a gzip file's last 4 bytes record, or None if it is too short.

    For a file of one gzip member, as every common tool writes, this is the exact length of the
    unpacked stream; a file of several concatenated members records only the last one's, so a
    mismatch is a reason for caution, not proof of damage.
    """
    if file_size < 18:  # a 10-byte gzip header and the 8-byte trailer
        return None
    raw.seek(-4, os.SEEK_END)
    return int.from_bytes(raw.read(4), "little")


def _parse_header(f: BinaryIO, name: str, kind: _Kind | None, file_size: int, *, compressed: bool) -> _Header:
    """Read and check the header of the IDX stream ``f``; ``file_size`` is the size on disk, used to reject
    bad headers before any data is read."""
    head = _read_exactly(f, 4)
    if len(head) < 4:
        raise FileFormatError("idx.too_short", file=name, count=len(head))
    magic = int.from_bytes(head, "big")
    _check_magic(name, magic, kind)
    ndim = head[3]
    dims_bytes = _read_exactly(f, 4 * ndim)
    if len(dims_bytes) < 4 * ndim:
        raise FileFormatError("idx.truncated_header", file=name)
    dims = tuple(int.from_bytes(dims_bytes[i : i + 4], "big") for i in range(0, 4 * ndim, 4))
    items = "images" if ndim == 3 else "labels"
    if not 1 <= dims[0] <= MAX_ITEMS:
        raise FileFormatError(
            "idx.bad_count", file=name, count=dims[0], items=items, maximum=MAX_ITEMS
        )
    if ndim == 3 and not all(1 <= side <= MAX_SIDE for side in dims[1:]):
        raise FileFormatError(
            "idx.bad_side", file=name, size=f"{dims[1]}×{dims[2]}", maximum=MAX_SIDE
        )
    declared = int(np.prod(dims, dtype=np.int64))
    if declared > MAX_BYTES:
        raise FileFormatError(
            "idx.too_many_bytes", file=name, declared=declared, maximum=MAX_BYTES
        )
    header_size = 4 + 4 * ndim
    shape_text = (Message("idx.images_of", count=dims[0], size=f"{dims[1]}×{dims[2]}") if ndim == 3
                  else Message("idx.labels_of", count=dims[0]))
    # These checks run before reading, so a lying header costs neither time nor memory.
    if not compressed and file_size != header_size + declared:
        raise _size_error(name, shape_text, declared, file_size - header_size)
    if compressed and declared > file_size * _MAX_GZIP_RATIO:
        raise FileFormatError(
            "idx.gzip_bomb", file=name, contents=shape_text, declared=declared, bytes=file_size
        )
    if ndim == 3:
        _check_memory("idx.file_needs_memory", {"file": name}, shape_text, declared)
    return _Header(dims, declared, header_size, shape_text)


def _parse_data(f: BinaryIO, name: str, header: _Header, unpacked_size: int | None) -> np.ndarray:
    """Read the data after ``header`` from ``f``; ``unpacked_size`` is a gzip trailer's length, if any."""
    declared = header.declared
    # Allocate what the header declares only when nothing contradicts it: a plain file's size was
    # checked already, a gzip file's trailer is checked here.
    trusted = unpacked_size is None or unpacked_size == (header.size + declared) % (1 << 32)
    try:
        if trusted:
            data = np.empty(declared, dtype=np.uint8)
            got = _read_into(f, data)
        else:
            data, got = _read_pieces(f, declared)
    except MemoryError:
        raise FileFormatError(
            "idx.out_of_memory", file=name, contents=header.text
        ) from None
    if got < declared:
        raise _size_error(name, header.text, declared, got)
    # A single byte more is enough to know the file is longer; never unpack the rest of a bomb.
    if f.read(1):
        raise _size_error(name, header.text, declared, declared + 1)
    return data.reshape(header.dims)


def _check_memory(code: str, subject: dict[str, str], contents: Message, pixels: int) -> None:
    """Refuse images whose pixels, with their float32 copy, would not fit :func:`memory_budget`.

    ``code`` and ``subject`` say who declares the images (a file, or the files of a folder),
    ``contents`` what they are ("1,000,000 images of 28×28").
    """
    need, budget = pixels * BYTES_PER_PIXEL, memory_budget()
    if need > budget:
        raise FileFormatError(
            code, **subject, contents=contents, declared=-(-need // 10**6), maximum=budget // 10**6
        )


def _check_magic(name: str, magic: int, kind: _Kind | None) -> None:
    """Raise unless ``magic`` is the IDX magic number of unsigned-byte images or labels (as wanted)."""
    wanted = _WANTED_MAGIC[kind]
    if magic in wanted:
        return
    # The magic number is two zero bytes, a type code and the number of dimensions.
    zero, type_code, ndim = magic >> 16, (magic >> 8) & 0xFF, magic & 0xFF
    if zero == 0 and type_code in _TYPE_NAMES and ndim in {w & 0xFF for w in wanted}:
        raise FileFormatError(
            "idx.unsupported_type", file=name, type=_TYPE_NAMES[type_code], code=f"0x{type_code:02X}"
        )
    noun = _NOUNS[kind]
    expected = " or ".join(f"0x{w:08X}" for w in wanted)
    fields = {"file": name, "noun": noun, "magic": f"0x{magic:08X}", "expected": expected}
    code = "idx.bad_magic"
    if zero == int.from_bytes(_GZIP_SIGNATURE, "big"):
        # Only reachable after one layer of gzip was already removed.
        code = "idx.bad_magic_gzip_twice"
    elif kind == "labels" and magic == _IMAGES_MAGIC:
        code = "idx.bad_magic_holds_images"
    elif kind == "images" and magic == _LABELS_MAGIC:
        code = "idx.bad_magic_holds_labels"
    elif zero == 0 and type_code == _UBYTE:
        code, fields["dims"] = "idx.bad_magic_dims", ndim
    raise FileFormatError(code, **fields)


def _size_error(name: str, shape_text: Message, declared: int, actual: int) -> FileFormatError:
    """Return the error for data that is shorter or longer than the header declares."""
    if actual < declared:
        return FileFormatError(
            "idx.truncated", file=name, contents=shape_text, declared=declared, actual=max(actual, 0)
        )
    return FileFormatError(
        "idx.extra_bytes", file=name, contents=shape_text, declared=declared
    )


def _read_exactly(f: BinaryIO, n: int) -> bytes:
    """Read ``n`` bytes, or fewer only at the end of the stream (gzip may return short reads)."""
    chunks = []
    while n > 0:
        chunk = f.read(n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read_into(f: BinaryIO, out: np.ndarray) -> int:
    """Fill the uint8 array ``out`` from ``f`` without a second copy; return the number of bytes read."""
    view = memoryview(out)
    filled = 0
    while filled < len(out):
        got = f.readinto(view[filled:])
        if not got:
            break
        filled += got
    return filled


def _read_pieces(f: BinaryIO, limit: int) -> tuple[np.ndarray, int]:
    """Read up to ``limit`` bytes in pieces; memory grows only with the data actually there.

    Returns the bytes as a writable uint8 array and their number.
    """
    data = bytearray()
    while len(data) < limit:
        piece = f.read(min(_CHUNK, limit - len(data)))
        if not piece:
            break
        data += piece
    return np.frombuffer(data, dtype=np.uint8), len(data)
