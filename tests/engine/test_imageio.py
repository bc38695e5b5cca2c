"""PNG and .npy images read into uint8 grey arrays; anything bad raises FileFormatError."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.errors import FileFormatError, LayerArgumentError
from sandbox.imageio import MAX_SIDE, read_image, read_png, write_png

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
LUMA = np.array([0.299, 0.587, 0.114])


# ---- a deliberately simple PNG encoder, independent of the reader ------------------------------------------


def chunk(kind: bytes, payload: bytes, crc: int | None = None) -> bytes:
    crc = zlib.crc32(kind + payload) if crc is None else crc
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def ihdr(width: int, height: int, depth: int = 8, colour: int = 0, interlace: int = 0) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace))


def pack_rows(samples: np.ndarray, depth: int) -> np.ndarray:
    """Samples (H, W, C) of ``depth`` bits → the unfiltered bytes of each row, uint8 (H, B)."""
    height = samples.shape[0]
    flat = samples.reshape(height, -1).astype(np.uint32)
    if depth == 16:
        return flat.astype(">u2").view(np.uint8).reshape(height, -1)
    if depth == 8:
        return flat.astype(np.uint8)
    bits = ((flat[:, :, None] >> np.arange(depth - 1, -1, -1)) & 1).astype(np.uint8).reshape(height, -1)
    return np.packbits(bits, axis=1)


def paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows: np.ndarray, types: list[int], pixel_bytes: int) -> bytes:
    """Apply PNG filter ``types[r]`` to each row, byte by byte, exactly as the specification words it."""
    out = bytearray()
    for r, kind in enumerate(types):
        out.append(kind)
        for i in range(rows.shape[1]):
            a = int(rows[r, i - pixel_bytes]) if i >= pixel_bytes else 0
            b = int(rows[r - 1, i]) if r else 0
            c = int(rows[r - 1, i - pixel_bytes]) if r and i >= pixel_bytes else 0
            prediction = (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]
            out.append((int(rows[r, i]) - prediction) % 256)
    return bytes(out)


def make_png(samples: np.ndarray, colour: int = 0, depth: int = 8, filters: list[int] | int = 0,
             extra: tuple[bytes, ...] = (), idat_parts: int = 1) -> bytes:
    """A PNG of ``samples`` (H, W, C) with the given colour type, bit depth and row filter(s)."""
    if samples.ndim == 2:
        samples = samples[:, :, None]
    height, width, channels = samples.shape
    assert channels == CHANNELS[colour]
    rows = pack_rows(samples, depth)
    types = [filters] * height if isinstance(filters, int) else filters
    data = zlib.compress(filter_rows(rows, types, max(1, channels * depth // 8)))
    step = -(-len(data) // idat_parts)
    idats = b"".join(chunk(b"IDAT", data[i:i + step]) for i in range(0, len(data), step))
    return SIGNATURE + ihdr(width, height, depth, colour) + b"".join(extra) + idats + chunk(b"IEND", b"")


def png_of(header: bytes, image_data: bytes) -> bytes:
    """Signature, the given IHDR chunk, one IDAT chunk of ``image_data`` and IEND."""
    return SIGNATURE + header + chunk(b"IDAT", image_data) + chunk(b"IEND", b"")


def save(tmp_path: Path, data: bytes, name: str = "image.png") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


# ---- writing and reading back ------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(1, 1), (28, 28), (3, 50), (61, 7)])
def test_write_then_read_gives_the_same_pixels(tmp_path, rng, shape):
    image = rng.integers(0, 256, shape, dtype=np.uint8)
    path = tmp_path / "round.png"
    write_png(path, image)
    back = read_png(path)
    assert back.dtype == np.uint8 and back.shape == shape
    np.testing.assert_array_equal(back, image)
    np.testing.assert_array_equal(read_image(path), image)


def test_write_png_replaces_a_file_atomically_and_leaves_no_temporary_file(tmp_path, rng):
    path = tmp_path / "digit.png"
    path.write_bytes(b"old contents")
    image = rng.integers(0, 256, (5, 6), dtype=np.uint8)
    write_png(path, image)
    np.testing.assert_array_equal(read_png(path), image)
    assert [p.name for p in tmp_path.iterdir()] == ["digit.png"]


def test_write_png_into_a_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        write_png(tmp_path / "missing" / "digit.png", np.zeros((2, 2), np.uint8))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("image", [np.zeros((4, 4), np.float32), np.zeros((4, 4, 1), np.uint8),
                                   np.zeros((0, 4), np.uint8), np.zeros((MAX_SIDE + 1, 1), np.uint8)])
def test_write_png_refuses_what_is_not_a_grey_uint8_image(tmp_path, image):
    with pytest.raises(LayerArgumentError):
        write_png(tmp_path / "bad.png", image)


# ---- filters, colour types and bit depths ------------------------------------------------------------------


@pytest.mark.parametrize("kind", [0, 1, 2, 3, 4])
@pytest.mark.parametrize(("colour", "depth"), [(0, 8), (2, 8), (6, 16), (0, 1), (0, 4)])
def test_each_filter_type_is_undone(tmp_path, rng, kind, colour, depth):
    samples = rng.integers(0, 1 << depth, (9, 13, CHANNELS[colour]), dtype=np.uint32)
    expected = read_png(save(tmp_path, make_png(samples, colour, depth, filters=0)))
    got = read_png(save(tmp_path, make_png(samples, colour, depth, filters=kind), "filtered.png"))
    np.testing.assert_array_equal(got, expected)


def test_mixed_filters_on_every_row_and_split_image_data(tmp_path, rng):
    samples = rng.integers(0, 256, (40, 23, 3), dtype=np.uint32)
    filters = [int(k) for k in rng.integers(0, 5, 40)]
    got = read_png(save(tmp_path, make_png(samples, 2, 8, filters=filters, idat_parts=5)))
    np.testing.assert_array_equal(got, np.rint(samples @ LUMA).astype(np.uint8))


def test_grey_8_bit_is_returned_as_stored(tmp_path, rng):
    samples = rng.integers(0, 256, (6, 7), dtype=np.uint32)
    np.testing.assert_array_equal(read_png(save(tmp_path, make_png(samples, filters=4))), samples)


@pytest.mark.parametrize("depth", [1, 2, 4, 16])
def test_other_grey_depths_are_rescaled_to_0_255(tmp_path, rng, depth):
    top = (1 << depth) - 1
    samples = rng.integers(0, top + 1, (5, 11), dtype=np.uint32)
    samples[0, 0], samples[0, 1] = 0, top
    got = read_png(save(tmp_path, make_png(samples, 0, depth, filters=1)))
    np.testing.assert_array_equal(got, np.rint(samples * 255 / top).astype(np.uint8))
    assert got[0, 0] == 0 and got[0, 1] == 255


def test_rgb_becomes_luminance(tmp_path):
    colours = np.array([[[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255], [0, 0, 0]]], dtype=np.uint32)
    got = read_png(save(tmp_path, make_png(colours, 2, 8)))
    np.testing.assert_array_equal(got, [[76, 150, 29, 255, 0]])


def test_rgba_is_composited_over_black(tmp_path):
    pixels = np.array([[[255, 255, 255, 255], [255, 255, 255, 0], [255, 255, 255, 128], [0, 0, 0, 255]]],
                      dtype=np.uint32)
    got = read_png(save(tmp_path, make_png(pixels, 6, 8, filters=3)))
    np.testing.assert_array_equal(got, [[255, 0, 128, 0]])


def test_grey_with_alpha_is_composited_over_black(tmp_path):
    pixels = np.array([[[200, 255], [200, 0], [100, 51]]], dtype=np.uint32)
    got = read_png(save(tmp_path, make_png(pixels, 4, 8)))
    np.testing.assert_array_equal(got, [[200, 0, 20]])


def test_sixteen_bit_rgba(tmp_path):
    pixels = np.array([[[65535, 65535, 65535, 65535], [65535, 0, 0, 65535], [65535, 65535, 65535, 0]]],
                      dtype=np.uint32)
    got = read_png(save(tmp_path, make_png(pixels, 6, 16, filters=4)))
    np.testing.assert_array_equal(got, [[255, 76, 0]])


@pytest.mark.parametrize("depth", [2, 4, 8])
def test_palette_with_transparency(tmp_path, depth):
    palette = bytes([0, 0, 0, 255, 255, 255, 255, 0, 0])
    index = np.array([[0, 1, 2, 1], [1, 1, 0, 2]], dtype=np.uint32)
    # Entry 1 is half transparent; entry 2 has no tRNS value, so it is opaque.
    extra = (chunk(b"PLTE", palette), chunk(b"tRNS", bytes([255, 128])))
    got = read_png(save(tmp_path, make_png(index, 3, depth, filters=2, extra=extra)))
    np.testing.assert_array_equal(got, [[0, 128, 76, 128], [128, 128, 0, 76]])


def test_grey_transparent_colour_key_becomes_black(tmp_path):
    samples = np.array([[10, 200, 10]], dtype=np.uint32)
    got = read_png(save(tmp_path, make_png(samples, extra=(chunk(b"tRNS", struct.pack(">H", 200)),))))
    np.testing.assert_array_equal(got, [[10, 0, 10]])


def test_rgb_transparent_colour_key_becomes_black(tmp_path):
    pixels = np.array([[[255, 255, 255], [1, 2, 3]]], dtype=np.uint32)
    key = chunk(b"tRNS", struct.pack(">3H", 1, 2, 3))
    got = read_png(save(tmp_path, make_png(pixels, 2, 8, extra=(key,))))
    np.testing.assert_array_equal(got, [[255, 0]])


def test_ancillary_chunks_are_skipped(tmp_path):
    samples = np.array([[1, 2], [3, 4]], dtype=np.uint32)
    extra = (chunk(b"tEXt", b"Comment\x00drawn by hand"), chunk(b"gAMA", struct.pack(">I", 45455)))
    np.testing.assert_array_equal(read_png(save(tmp_path, make_png(samples, extra=extra))), samples)


# ---- damaged and hostile files -----------------------------------------------------------------------------


def good_png() -> bytes:
    return make_png(np.arange(48, dtype=np.uint32).reshape(6, 8) * 5, filters=4)


def expect_error(tmp_path: Path, data: bytes, words: str) -> FileFormatError:
    path = save(tmp_path, data, "bad.png")
    with pytest.raises(FileFormatError) as info:
        read_png(path)
    message = str(info.value)
    assert words in message and "bad.png" in message and "\n" not in message
    return info.value


def test_not_a_png(tmp_path):
    expect_error(tmp_path, b"GIF89a and then some", "not a PNG")


def test_empty_file(tmp_path):
    expect_error(tmp_path, b"", "not a PNG")


def test_missing_file(tmp_path):
    with pytest.raises(FileFormatError, match="cannot be opened"):
        read_png(tmp_path / "nothing-here.png")


def test_a_folder_is_not_an_image(tmp_path):
    with pytest.raises(FileFormatError):
        read_image(tmp_path)


def test_corrupt_crc(tmp_path):
    data = bytearray(good_png())
    data[len(SIGNATURE) + 8 + 13] ^= 0xFF  # first byte of IHDR's CRC
    expect_error(tmp_path, bytes(data), "checksum")


def test_a_flipped_bit_in_the_image_data_is_caught_by_the_crc(tmp_path):
    data = bytearray(good_png())
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0x10
    expect_error(tmp_path, bytes(data), "checksum")


@pytest.mark.parametrize("keep", [8, 12, 20, 33, 40, -13, -1])
def test_truncated(tmp_path, keep):
    expect_error(tmp_path, good_png()[:keep], "truncated")


@pytest.mark.parametrize(("width", "height"), [(MAX_SIDE + 1, 1), (1, MAX_SIDE + 1), (2**31 - 1, 2**31 - 1)])
def test_huge_dimensions_are_refused_before_decompressing(tmp_path, width, height):
    data = png_of(ihdr(width, height), zlib.compress(b"\0" * 100))
    expect_error(tmp_path, data, f"{width}×{height}")


def test_the_largest_accepted_size_with_too_little_data(tmp_path):
    data = png_of(ihdr(MAX_SIDE, MAX_SIDE), zlib.compress(b"\0" * 100))
    expect_error(tmp_path, data, "less image data")


def test_a_decompression_bomb_is_cut_off_at_the_declared_size(tmp_path):
    bomb = zlib.compress(b"\0" * 50_000_000, 9)
    data = png_of(ihdr(10, 10), bomb)
    np.testing.assert_array_equal(read_png(save(tmp_path, data)), np.zeros((10, 10), np.uint8))


@pytest.mark.parametrize(("depth", "colour"), [(3, 0), (8, 1), (4, 2), (16, 3), (7, 6)])
def test_impossible_colour_type_and_depth(tmp_path, depth, colour):
    data = png_of(ihdr(2, 2, depth, colour), zlib.compress(b"\0" * 6))
    expect_error(tmp_path, data, "does not exist")


def test_interlaced_png_is_refused_with_advice(tmp_path):
    data = png_of(ihdr(2, 2, interlace=1), zlib.compress(b"\0" * 6))
    expect_error(tmp_path, data, "interlaced")


def test_garbage_instead_of_compressed_data(tmp_path):
    data = png_of(ihdr(2, 2), b"not zlib at all")
    expect_error(tmp_path, data, "cannot be unpacked")


def test_unknown_filter_type(tmp_path):
    data = png_of(ihdr(2, 1), zlib.compress(b"\x05\x00\x00"))
    expect_error(tmp_path, data, "filter type")


def test_palette_image_without_palette(tmp_path):
    data = png_of(ihdr(2, 1, 8, 3), zlib.compress(b"\x00\x00\x00"))
    expect_error(tmp_path, data, "without a palette")


def test_palette_index_beyond_the_palette(tmp_path):
    index = np.array([[0, 3]], dtype=np.uint32)
    data = make_png(index, 3, 8, extra=(chunk(b"PLTE", bytes(6)),))
    expect_error(tmp_path, data, "missing from its palette")


def test_no_image_data(tmp_path):
    expect_error(tmp_path, SIGNATURE + ihdr(2, 2) + chunk(b"IEND", b""), "no image data")


def test_two_headers(tmp_path):
    data = make_png(np.zeros((1, 1), np.uint32), extra=(ihdr(1, 1),))
    expect_error(tmp_path, data, "more than one header")


def test_first_chunk_must_be_ihdr(tmp_path):
    data = SIGNATURE + chunk(b"IDAT", zlib.compress(b"\0\0")) + ihdr(1, 1) + chunk(b"IEND", b"")
    expect_error(tmp_path, data, "IHDR")


def test_unknown_critical_chunk(tmp_path):
    data = make_png(np.zeros((1, 1), np.uint32), extra=(chunk(b"ZZZZ", b"?"),))
    expect_error(tmp_path, data, "ZZZZ")


def test_image_data_split_by_another_chunk(tmp_path):
    compressed = zlib.compress(b"\0\0\0\0")
    data = (SIGNATURE + ihdr(1, 2) + chunk(b"IDAT", compressed[:3]) + chunk(b"tEXt", b"a\0b")
            + chunk(b"IDAT", compressed[3:]) + chunk(b"IEND", b""))
    expect_error(tmp_path, data, "split up")


# ---- .npy --------------------------------------------------------------------------------------------------


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


@pytest.mark.parametrize(("array", "expected"), [
    (np.array([[0, 7], [128, 255]], np.uint8), [[0, 7], [128, 255]]),
    (np.array([[0, 7], [128, 255]], np.int64), [[0, 7], [128, 255]]),
    (np.array([[0.0, 0.5], [1.0, 0.25]], np.float32), [[0, 128], [255, 64]]),
    (np.array([[0.0, 2.0], [255.0, 100.4]], np.float64), [[0, 2], [255, 100]]),
    (np.array([[True, False]]), [[255, 0]]),
    (np.asfortranarray(np.arange(6, dtype=np.uint8).reshape(2, 3)), [[0, 1, 2], [3, 4, 5]]),
])
def test_npy_images(tmp_path, array, expected):
    got = read_image(save(tmp_path, npy_bytes(array), "digit.npy"))
    assert got.dtype == np.uint8
    np.testing.assert_array_equal(got, expected)


def test_the_kind_of_file_is_recognised_by_content_not_name(tmp_path):
    image = np.array([[9, 8]], np.uint8)
    np.testing.assert_array_equal(read_image(save(tmp_path, npy_bytes(image), "named.png")), image)
    write_png(tmp_path / "named.npy", image)
    np.testing.assert_array_equal(read_image(tmp_path / "named.npy"), image)


@pytest.mark.parametrize(("array", "words"), [
    (np.zeros((2, 2, 2), np.uint8), "2-D"),
    (np.zeros(5, np.uint8), "2-D"),
    (np.array([[1, 300]]), "0–255"),
    (np.array([[-1.0, 0.5]]), "0–1 or 0–255"),
    (np.array([[np.nan, 0.5]]), "NaN"),
    (np.array([[1 + 2j]]), "numbers"),
    (np.array([["a", "b"]]), "numbers"),
    (np.array([[object(), None]], dtype=object), "numbers"),
    (np.zeros((1, MAX_SIDE + 1), np.uint8), "accepted"),
])
def test_npy_that_is_not_an_image(tmp_path, array, words):
    with pytest.raises(FileFormatError, match=words):
        read_image(save(tmp_path, npy_bytes(array), "bad.npy"))


def test_npy_header_declaring_a_huge_array_is_refused_without_allocating(tmp_path):
    header = npy_bytes(np.zeros((2, 2), np.uint8)).replace(b"(2, 2)", b"(99999999, 99999999)")
    with pytest.raises(FileFormatError, match="accepted"):
        read_image(save(tmp_path, header, "bad.npy"))


def test_truncated_npy(tmp_path):
    with pytest.raises(FileFormatError, match="damaged"):
        read_image(save(tmp_path, npy_bytes(np.zeros((4, 4), np.uint8))[:-3], "bad.npy"))


def test_neither_png_nor_npy(tmp_path):
    with pytest.raises(FileFormatError, match="neither a PNG"):
        read_image(save(tmp_path, b"P5 2 2 255 ....", "digit.pgm"))


# The first bytes of real files of each format (a phone photo is a JPEG, a screenshot may be a BMP or
# WebP, an iPhone photo a HEIC).
OTHER_FORMATS = {
    "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",
    "GIF": b"GIF89a\x1c\x00\x1c\x00\x80\x00\x00",
    "BMP": b"BM\x36\x0c\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00\x1c\x00",
    "TIFF": b"II*\x00\x08\x00\x00\x00",
    "WebP": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "HEIC": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",
}


@pytest.mark.parametrize("kind", OTHER_FORMATS)
def test_a_photo_in_another_format_is_named_with_the_formats_that_are_read(tmp_path, kind):
    path = save(tmp_path, OTHER_FORMATS[kind] + bytes(200), "my digit.jpg")
    with pytest.raises(FileFormatError) as info:
        read_image(path)
    assert str(info.value) == (f"my digit.jpg is a {kind} image; the sandbox reads PNG images and NumPy .npy "
                               "files — save it as PNG")
    with pytest.raises(FileFormatError, match=rf"is not a PNG image \(it is a {kind} image; save it as PNG\)"):
        read_png(path)


def test_text_that_starts_like_a_bitmap_is_not_called_one(tmp_path):
    with pytest.raises(FileFormatError, match="neither a PNG"):
        read_image(save(tmp_path, b"BMW 320i, 1998, 4 doors", "notes.txt"))


def test_an_image_in_a_missing_folder_says_the_folder_is_missing(tmp_path):
    with pytest.raises(FileFormatError) as info:
        read_image(tmp_path / "photos" / "seven.png")
    assert str(info.value) == f"seven.png cannot be opened (the folder {tmp_path / 'photos'} does not exist)"


# ---- fuzzing -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzz.bin"


def assert_image_or_format_error(path: Path, reader) -> None:
    try:
        image = reader(path)
    except FileFormatError as exc:
        assert "\n" not in str(exc)
    else:
        assert image.dtype == np.uint8 and image.ndim == 2


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(data=st.binary(max_size=300), prefix=st.sampled_from([b"", SIGNATURE, b"\x93NUMPY"]))
def test_any_bytes_give_an_image_or_a_file_format_error(fuzz_file, data, prefix):
    fuzz_file.write_bytes(prefix + data)
    assert_image_or_format_error(fuzz_file, read_image)
    assert_image_or_format_error(fuzz_file, read_png)


@FUZZ
@given(position=st.integers(0, 10**6), value=st.integers(0, 255), cut=st.integers(0, 10**6))
def test_damaged_copies_of_a_valid_png(fuzz_file, position, value, cut):
    data = bytearray(good_png())
    data[position % len(data)] = value
    fuzz_file.write_bytes(bytes(data[:len(data) - cut % 8]))
    assert_image_or_format_error(fuzz_file, read_png)


@FUZZ
@given(width=st.integers(1, 12), height=st.integers(1, 6), depth=st.sampled_from([1, 2, 4, 8, 16]),
       colour=st.sampled_from([0, 2, 3, 4, 6]), body=st.binary(max_size=400), compress=st.booleans(),
       palette=st.none() | st.binary(max_size=40).map(lambda b: b[:len(b) // 3 * 3]),
       transparency=st.none() | st.binary(max_size=8))
def test_well_formed_chunks_with_random_contents(fuzz_file, width, height, depth, colour, body, compress,
                                                 palette, transparency):
    # Correct CRCs get the fuzzer past the checksums, into decompression, filters and colour conversion.
    extra = b"".join(chunk(kind, payload) for kind, payload in ((b"PLTE", palette), (b"tRNS", transparency))
                     if payload is not None)
    data = (SIGNATURE + ihdr(width, height, depth, colour) + extra
            + chunk(b"IDAT", zlib.compress(body) if compress else body) + chunk(b"IEND", b""))
    fuzz_file.write_bytes(data)
    assert_image_or_format_error(fuzz_file, read_png)
