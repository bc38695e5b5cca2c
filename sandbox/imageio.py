"""Read and write small grey images without Pillow: PNG (any standard kind, non-interlaced) and ``.npy``.

Other common formats (JPEG, GIF, BMP, TIFF, WebP, HEIC, AVIF, JPEG 2000) are recognised by their first
bytes and refused with their name and a hint to save the image as PNG: decoding them safely would
need an image library, which the sandbox does without.

:func:`read_png` turns any non-interlaced PNG — grey, grey + alpha, RGB, RGBA or palette, at every
bit depth the format allows — into one uint8 grey image; :func:`write_png` saves a uint8 grey image
as a PNG. :func:`read_image` reads either a PNG or a NumPy ``.npy`` file, telling them apart by their
first bytes rather than by the file name.

The reader trusts nothing in the file: every chunk's CRC is checked, images larger than
:data:`MAX_SIDE` pixels on a side are refused before anything is decompressed, and decompression
stops at the size the header declares, so a small file cannot expand into gigabytes. Every problem
raises :class:`~sandbox.errors.FileFormatError` with a message in plain words.

Colours are not inverted here: a digit drawn in black ink on white paper stays dark on light.
:func:`sandbox.datasets.preprocess.to_mnist` decides about that.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import numpy as np

from sandbox.errors import FileFormatError, LayerArgumentError

from .safefile import atomic_write, missing_reason

__all__ = ["MAX_SIDE", "read_image", "read_png", "write_png"]

MAX_SIDE = 4096
"""Largest accepted image width or height in pixels, for PNG and ``.npy`` alike."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_NPY_MAGIC = b"\x93NUMPY"
# Image formats this module does not read, by the bytes their files start with.
_OTHER_IMAGE_MAGICS: tuple[tuple[str, tuple[bytes, ...]], ...] = (
    ("JPEG", (b"\xff\xd8\xff",)),
    ("GIF", (b"GIF87a", b"GIF89a")),
    ("TIFF", (b"II*\x00", b"MM\x00*")),
    ("JPEG 2000", (b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")),
)
_BMP_HEADER_SIZES = (12, 40, 52, 56, 64, 108, 124)
# The largest legal PNG of MAX_SIDE² pixels (16-bit RGBA) holds 128 MiB of pixels; deflate cannot be
# smaller than about 1/1032 of that, but an uncompressed (stored) stream may be a little larger, so a
# file over this size is not a PNG this reader could accept anyway.
_MAX_FILE_BYTES = 160 * 1024 * 1024
# ITU-R BT.601 luma weights, the ones Pillow's convert("L") and most image editors use.
_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)
# Allowed bit depths for each colour type, and the number of samples per pixel.
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_COLOUR_NAMES = {0: "grey", 2: "RGB", 3: "palette", 4: "grey + alpha", 6: "RGBA"}


def read_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Read a grey image from a PNG or ``.npy`` file.

    Parameters
    ----------
    path : str or path-like
        A PNG file (see :func:`read_png`) or a NumPy ``.npy`` file holding one 2-D numeric array of
        at most :data:`MAX_SIDE` × :data:`MAX_SIDE` values. The kind is recognised from the file's
        first bytes, whatever its name ends in.

    Returns
    -------
    numpy.ndarray
        uint8 (H, W), 0 black to 255 white. A ``.npy`` array of booleans becomes 0 / 255; integers
        must lie in 0–255; floats may lie in 0–1 (scaled by 255) or in 0–255, and are rounded.

    Raises
    ------
    FileFormatError
        If the file cannot be read, is neither a PNG nor a ``.npy`` file, or holds something else
        than such an image.
    """
    file = Path(path)
    data = _read_file(file)
    if data.startswith(_PNG_SIGNATURE):
        return _decode_png(data, file.name)
    if data.startswith(_NPY_MAGIC):
        return _decode_npy(data, file.name)
    kind = _other_image_kind(data)
    if kind is not None:
        raise FileFormatError("image.other_format", file=file.name, kind=kind)
    raise FileFormatError("image.unknown_format", file=file.name)


def _other_image_kind(data: bytes) -> str | None:
    """The name of a common image format that is not PNG, recognised by its first bytes, or None.

    Reading these would take a full image library (Pillow); naming the format lets the learner
    convert the file with any image viewer instead of wondering what is wrong with it.
    """
    for kind, magics in _OTHER_IMAGE_MAGICS:
        if any(data.startswith(magic) for magic in magics):
            return kind
    # "BM" alone is too short a mark; the size of the header that follows it settles it.
    if data[:2] == b"BM" and len(data) >= 18 and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES:
        return "BMP"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "AVIF"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "HEIC"
    return None


def read_png(path: str | os.PathLike[str]) -> np.ndarray:
    """Read a PNG image as grey levels.

    Parameters
    ----------
    path : str or path-like
        A non-interlaced PNG of any colour type (grey, grey + alpha, RGB, RGBA, palette) and bit
        depth (1, 2, 4, 8 or 16), at most :data:`MAX_SIDE` pixels wide and high.

    Returns
    -------
    numpy.ndarray
        uint8 (H, W), 0 black to 255 white. Colour becomes luminance (0.299 R + 0.587 G + 0.114 B);
        transparency (an alpha channel or a ``tRNS`` chunk) is composited over black, so a fully
        transparent pixel is 0. 16-bit and 1/2/4-bit samples are rescaled to 0–255.

    Raises
    ------
    FileFormatError
        If the file cannot be read, is not a PNG, is damaged or truncated (bad CRC, bad compressed
        data, missing chunks), is interlaced, or is larger than :data:`MAX_SIDE` on a side.
    """
    file = Path(path)
    return _decode_png(_read_file(file), file.name)


def write_png(path: str | os.PathLike[str], image: np.ndarray) -> None:
    """Save a grey image as an 8-bit greyscale PNG, atomically.

    The data go to a temporary file in the same folder, which then replaces ``path`` in one step, so
    a crash or a full disk never leaves a half-written image behind.

    Parameters
    ----------
    path : str or path-like
        Where to write; an existing file is replaced.
    image : numpy.ndarray
        uint8 (H, W) with 1 ≤ H, W ≤ :data:`MAX_SIDE`, 0 black to 255 white.

    Raises
    ------
    LayerArgumentError
        If ``image`` is not such an array.
    OSError
        If the file cannot be written.
    """
    image = np.asarray(image)
    if image.dtype != np.uint8 or image.ndim != 2:
        raise LayerArgumentError(
            "image.write_bad_array", dtype=str(image.dtype), shape=image.shape
        )
    height, width = image.shape
    if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE):
        raise LayerArgumentError("image.write_bad_size", maximum=MAX_SIDE, height=height, width=width)
    # Filter type 0 (none) on every row: a leading zero byte, then the row's pixels.
    raw = np.zeros((height, width + 1), dtype=np.uint8)
    raw[:, 1:] = image
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = (_PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
            + _chunk(b"IEND", b""))
    atomic_write(path, lambda f: f.write(data))


def _chunk(kind: bytes, payload: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC of type + data."""
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def _read_file(file: Path) -> bytes:
    """The whole file, refusing anything too large to be an image this module accepts."""
    try:
        with file.open("rb") as f:
            data = f.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        # Say whether it is the file or the folder that is missing.
        reason = missing_reason(file)
        if reason.code == "file.no_such_file":
            raise FileFormatError("image.no_such_file", file=file.name) from None
        raise FileFormatError("image.cannot_open", file=file.name, reason=reason) from None
    except OSError as exc:
        raise FileFormatError("image.cannot_open", file=file.name, reason=exc.strerror or str(exc)) from None
    if len(data) > _MAX_FILE_BYTES:
        raise FileFormatError(
            "image.file_too_large", file=file.name, maximum=MAX_SIDE
        )
    return data


# ---- PNG ------------------------------------------------------------------------------------------------


def _decode_png(data: bytes, name: str) -> np.ndarray:
    """Decode the bytes of a PNG file into uint8 (H, W) grey levels; see :func:`read_png`."""
    if not data.startswith(_PNG_SIGNATURE):
        kind = _other_image_kind(data)
        if kind is not None:
            raise FileFormatError("image.not_png_but", name=name, kind=kind)
        raise FileFormatError("image.not_png", name=name)
    chunks = _chunks(data, name)
    kind, payload = chunks[0]
    if kind != b"IHDR" or len(payload) != 13:
        raise FileFormatError("image.no_ihdr", name=name)
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", payload)
    if colour not in _DEPTHS or depth not in _DEPTHS[colour]:
        raise FileFormatError(
            "image.bad_colour_type", name=name, colour=colour, depth=depth
        )
    if compression != 0 or filtering != 0:
        raise FileFormatError("image.unknown_method", name=name)
    if interlace != 0:
        raise FileFormatError(
            "image.interlaced", name=name
        )
    if width == 0 or height == 0:
        raise FileFormatError("image.empty", name=name, width=width, height=height)
    if width > MAX_SIDE or height > MAX_SIDE:
        raise FileFormatError(
            "image.too_large", name=name, width=width, height=height, maximum=MAX_SIDE
        )
    palette, transparency, compressed = _collect(chunks[1:], name, colour)
    channels = _CHANNELS[colour]
    row_bytes = (width * channels * depth + 7) // 8
    raw = _inflate(compressed, height * (row_bytes + 1), name)
    rows = raw.reshape(height, row_bytes + 1)
    if rows[:, 0].max() > 4:
        raise FileFormatError("image.bad_filter", name=name)
    pixel_bytes = max(1, channels * depth // 8)
    unfiltered = _unfilter(rows[:, 1:], rows[:, 0], pixel_bytes)
    samples = _unpack(unfiltered, width, channels, depth)
    return _to_grey(samples, colour, depth, palette, transparency, name)


def _chunks(data: bytes, name: str) -> list[tuple[bytes, bytes]]:
    """Split a PNG's bytes after the signature into (type, data) chunks up to IEND, checking CRCs."""
    chunks: list[tuple[bytes, bytes]] = []
    pos = len(_PNG_SIGNATURE)
    while True:
        if pos + 8 > len(data):
            raise FileFormatError("image.no_iend", name=name)
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise FileFormatError("image.bad_chunk", name=name)
        if end + 4 > len(data):
            raise FileFormatError("image.chunk_cut_off", name=name, chunk=kind.decode('ascii'))
        payload = data[pos + 8:end]
        (crc,) = struct.unpack(">I", data[end:end + 4])
        if zlib.crc32(kind + payload) != crc:
            raise FileFormatError(
                "image.bad_crc", name=name, chunk=kind.decode('ascii')
            )
        chunks.append((kind, payload))
        pos = end + 4
        if kind == b"IEND":
            return chunks


def _collect(
    chunks: list[tuple[bytes, bytes]], name: str, colour: int
) -> tuple[np.ndarray | None, bytes, bytes]:
    """The palette (uint8 (n, 3)), the raw tRNS data and the joined IDAT data of a PNG's chunks."""
    palette: np.ndarray | None = None
    transparency = b""
    parts: list[bytes] = []
    idat_ended = False
    for kind, payload in chunks:
        if kind == b"IDAT":
            if idat_ended:
                raise FileFormatError("image.split_idat", name=name)
            parts.append(payload)
        elif parts:
            idat_ended = True
        if kind == b"PLTE":
            if len(payload) % 3 or not 1 <= len(payload) // 3 <= 256 or parts:
                raise FileFormatError("image.bad_palette", name=name)
            palette = np.frombuffer(payload, dtype=np.uint8).reshape(-1, 3)
        elif kind == b"tRNS":
            transparency = payload
        elif kind == b"IHDR":
            raise FileFormatError("image.two_ihdr", name=name)
        elif kind[0:1].isupper() and kind not in (b"IDAT", b"IEND"):
            # A critical chunk this reader does not know changes how the image must be read (PNG spec §5.4).
            raise FileFormatError(
                "image.unsupported_chunk", name=name, chunk=kind.decode('ascii')
            )
    if not parts:
        raise FileFormatError("image.no_idat", name=name)
    if colour == 3 and palette is None:
        raise FileFormatError("image.no_palette", name=name)
    return palette, transparency, b"".join(parts)


def _inflate(compressed: bytes, size: int, name: str) -> np.ndarray:
    """Decompress exactly ``size`` bytes (uint8 (size,)), never producing more however the data is made."""
    inflater = zlib.decompressobj()
    try:
        # With a length limit, decompress stops there or when the input is used up, whichever is first.
        raw = inflater.decompress(compressed, size)
    except zlib.error:
        raise FileFormatError("image.bad_zlib", name=name) from None
    if len(raw) < size:
        raise FileFormatError("image.too_little_data", name=name)
    # Data beyond `size` (left in unconsumed_tail) is ignored, as libpng does: the image is complete.
    return np.frombuffer(raw[:size], dtype=np.uint8)


def _unfilter(filtered: np.ndarray, types: np.ndarray, pixel_bytes: int) -> np.ndarray:
    """Undo PNG's per-row filters (none, sub, up, average, Paeth).

    Parameters
    ----------
    filtered : numpy.ndarray
        uint8 (H, B): each row's bytes after its filter-type byte.
    types : numpy.ndarray
        uint8 (H,): each row's filter type, 0–4.
    pixel_bytes : int
        Bytes per complete pixel, at least 1: the distance to the "left" byte.

    Returns
    -------
    numpy.ndarray
        uint8 (H, B), the original bytes.

    Notes
    -----
    Each byte depends on its left, upper and upper-left neighbours after reconstruction, so neither
    a row nor a column can be done in one vector step. Every pixel on an anti-diagonal
    (row + column = k) only depends on earlier diagonals, though, so the image is swept diagonal by
    diagonal with all five filters computed at once on each: H + W steps of NumPy work instead of
    H × W steps of Python.
    """
    height, row_bytes = filtered.shape
    units = -(-row_bytes // pixel_bytes)
    # Pad each row to whole pixels, and add a zero row above and a zero pixel to the left: the
    # neighbours that the filters read outside the image are zero.
    padded_in = np.zeros((height, units * pixel_bytes), dtype=np.uint8)
    padded_in[:, :row_bytes] = filtered
    source = padded_in.reshape(height, units, pixel_bytes)
    out = np.zeros((height + 1, units + 1, pixel_bytes), dtype=np.uint8)
    types = types.astype(np.intp)
    for k in range(height + units - 1):
        rows = np.arange(max(0, k - units + 1), min(height, k + 1))
        cols = k - rows
        a = out[rows + 1, cols].astype(np.int16)
        b = out[rows, cols + 1].astype(np.int16)
        c = out[rows, cols].astype(np.int16)
        pa = np.abs(b - c)
        pb = np.abs(a - c)
        pc = np.abs(a + b - 2 * c)
        paeth = np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))
        predictors = np.stack([np.zeros_like(a), a, b, (a + b) >> 1, paeth])
        prediction = predictors[types[rows], np.arange(len(rows))]
        out[rows + 1, cols + 1] = (source[rows, cols] + prediction).astype(np.uint8)
    return np.ascontiguousarray(out[1:, 1:].reshape(height, units * pixel_bytes)[:, :row_bytes])


def _unpack(rows: np.ndarray, width: int, channels: int, depth: int) -> np.ndarray:
    """Split unfiltered rows (uint8 (H, B)) into samples: uint8 or uint16 (H, W, channels), unscaled."""
    height = rows.shape[0]
    if depth == 8:
        return rows.reshape(height, width, channels)
    if depth == 16:
        return rows.view(">u2").astype(np.uint16).reshape(height, width, channels)
    # 1, 2 and 4-bit samples (grey or palette, one channel) are packed from the high bits down.
    shifts = np.arange(8 - depth, -1, -depth, dtype=np.uint8)
    values = (rows[:, :, None] >> shifts) & np.uint8((1 << depth) - 1)
    return values.reshape(height, -1)[:, :width, None]


def _to_grey(samples: np.ndarray, colour: int, depth: int, palette: np.ndarray | None, transparency: bytes,
             name: str) -> np.ndarray:
    """Grey levels uint8 (H, W) from samples (H, W, channels): luminance, alpha composited over black."""
    if colour == 0 and depth == 8 and not transparency:
        return samples[:, :, 0].copy()
    if colour == 3:
        assert palette is not None  # checked by _collect
        index = samples[:, :, 0]
        if int(index.max()) >= len(palette):
            raise FileFormatError("image.bad_palette_index", name=name)
        alpha_table = np.full(len(palette), 255, dtype=np.uint8)
        given = np.frombuffer(transparency[:len(palette)], dtype=np.uint8)
        alpha_table[:len(given)] = given
        colours = palette.astype(np.float32) @ _LUMA * (alpha_table / np.float32(255))
        return np.rint(colours).astype(np.uint8)[index]
    top = float((1 << depth) - 1)
    has_alpha = colour in (4, 6)
    colour_channels = samples[:, :, :-1] if has_alpha else samples
    if colour_channels.shape[2] == 3:
        grey = colour_channels.astype(np.float32) @ _LUMA
    else:
        grey = colour_channels[:, :, 0].astype(np.float32)
    if has_alpha:
        grey *= samples[:, :, -1] / np.float32(top)
    elif transparency:
        grey[_transparent(samples, transparency, colour)] = 0
    grey *= np.float32(255 / top)
    return np.rint(grey, out=grey).astype(np.uint8)


def _transparent(samples: np.ndarray, transparency: bytes, colour: int) -> np.ndarray:
    """bool (H, W): the pixels whose samples equal the one transparent colour of a grey or RGB PNG's tRNS."""
    count = 1 if colour == 0 else 3
    if len(transparency) != 2 * count:
        # A malformed tRNS is ancillary information; like libpng, ignore it rather than refuse the image.
        return np.zeros(samples.shape[:2], dtype=bool)
    key = np.array(struct.unpack(f">{count}H", transparency), dtype=np.uint32)
    return np.all(samples == key, axis=2)


# ---- NPY ------------------------------------------------------------------------------------------------


def _decode_npy(data: bytes, name: str) -> np.ndarray:
    """Decode the bytes of a ``.npy`` file into uint8 (H, W) grey levels; see :func:`read_image`."""
    import io

    stream = io.BytesIO(data)
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version in ((2, 0), (3, 0)):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(stream)
        else:
            raise ValueError(f"unsupported .npy version {version}")
    except ValueError as exc:
        raise FileFormatError("image.bad_npy", name=name, detail=str(exc)) from None
    if len(shape) != 2:
        raise FileFormatError("image.npy_not_2d", name=name, shape=shape)
    height, width = shape
    if not (1 <= height <= MAX_SIDE and 1 <= width <= MAX_SIDE):
        raise FileFormatError(
            "image.npy_bad_size", name=name, height=height, width=width, maximum=MAX_SIDE
        )
    if dtype.kind not in "biuf" or dtype.hasobject:
        raise FileFormatError("image.npy_not_numbers", name=name, dtype=str(dtype))
    body = data[stream.tell():]
    if len(body) != height * width * dtype.itemsize:
        raise FileFormatError(
            "image.npy_wrong_amount", name=name
        )
    array = np.frombuffer(body, dtype=dtype)
    array = array.reshape((width, height)).T if fortran else array.reshape((height, width))
    return _npy_to_grey(array, name)


def _npy_to_grey(array: np.ndarray, name: str) -> np.ndarray:
    """uint8 (H, W) from a 2-D bool, integer or float array, by the rules in :func:`read_image`."""
    if array.dtype == np.bool_:
        return array.astype(np.uint8) * np.uint8(255)
    if array.dtype.kind in "iu":
        if array.min() < 0 or array.max() > 255:
            raise FileFormatError("image.npy_bad_integers", name=name)
        return array.astype(np.uint8)
    values = array.astype(np.float64)
    if not np.isfinite(values).all():
        raise FileFormatError("image.npy_not_finite", name=name)
    low, high = values.min(), values.max()
    if low < 0 or high > 255:
        raise FileFormatError(
            "image.npy_bad_range", name=name, low=low, high=high
        )
    if high <= 1:
        values = values * 255
    return np.rint(values).astype(np.uint8)
