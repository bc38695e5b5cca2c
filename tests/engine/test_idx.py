"""A learner points the app at a downloaded MNIST-style folder; bad files fail with a clear message."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.datasets import idx
from sandbox.errors import FileFormatError, LayerArgumentError

NAMES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def idx_bytes(array: np.ndarray, *, type_code: int = 0x08) -> bytes:
    """Encode ``array`` the way the original MNIST files are written."""
    header = bytes([0, 0, type_code, array.ndim]) + b"".join(d.to_bytes(4, "big") for d in array.shape)
    return header + array.astype(">u1" if type_code == 0x08 else ">f4").tobytes()


def header(magic: int, *dims: int) -> bytes:
    return magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims)


def make_set(n_train: int = 12, n_test: int = 5, side: int = 28, seed: int = 0):
    rng = np.random.default_rng(seed)
    return {
        "train_images": rng.integers(0, 256, (n_train, side, side), dtype=np.uint8),
        "train_labels": rng.integers(0, 10, n_train, dtype=np.uint8),
        "test_images": rng.integers(0, 256, (n_test, side, side), dtype=np.uint8),
        "test_labels": rng.integers(0, 10, n_test, dtype=np.uint8),
    }


def write_set(folder: Path, arrays: dict[str, np.ndarray], *, gz: bool = False, dotted: bool = False) -> Path:
    folder.mkdir(exist_ok=True)
    for key, array in arrays.items():
        name = NAMES[key].replace("-idx", ".idx") if dotted else NAMES[key]
        data = idx_bytes(array)
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
    return folder


def assert_same(loaded, arrays):
    (x_train, y_train), (x_test, y_test) = loaded
    for got, key in (
        (x_train, "train_images"),
        (y_train, "train_labels"),
        (x_test, "test_images"),
        (y_test, "test_labels"),
    ):
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, arrays[key])


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("dotted", [False, True], ids=["dashes", "dotted"])
def test_a_downloaded_folder_loads_exactly_what_was_saved(tmp_path, gz, dotted):
    arrays = make_set()
    assert_same(idx.load_data(write_set(tmp_path / "mnist", arrays, gz=gz, dotted=dotted)), arrays)


def test_file_names_in_capitals_and_a_mix_of_plain_and_gzip_files_load(tmp_path):
    arrays = make_set(side=20)
    folder = tmp_path / "fashion"
    folder.mkdir()
    (folder / "TRAIN-IMAGES-IDX3-UBYTE").write_bytes(idx_bytes(arrays["train_images"]))
    (folder / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_bytes(arrays["train_labels"])))
    (folder / "t10k-images-idx3-ubyte").write_bytes(idx_bytes(arrays["test_images"]))
    (folder / "t10k-labels.idx1-ubyte").write_bytes(idx_bytes(arrays["test_labels"]))
    assert_same(idx.load_data(folder), arrays)


def test_a_gz_file_that_the_browser_already_unpacked_still_loads(tmp_path):
    labels = np.arange(10, dtype=np.uint8)
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    path.write_bytes(idx_bytes(labels))
    np.testing.assert_array_equal(idx.read_idx(path), labels)


def test_max_items_keeps_the_first_images_of_each_part(tmp_path):
    arrays = make_set(n_train=12, n_test=5)
    (x_train, y_train), (x_test, y_test) = idx.load_data(write_set(tmp_path / "s", arrays), max_items=4)
    np.testing.assert_array_equal(x_train, arrays["train_images"][:4])
    np.testing.assert_array_equal(y_train, arrays["train_labels"][:4])
    np.testing.assert_array_equal(x_test, arrays["test_images"][:4])
    np.testing.assert_array_equal(y_test, arrays["test_labels"][:4])
    with pytest.raises(LayerArgumentError, match="max_items"):
        idx.load_data(tmp_path / "s", max_items=0)


def test_read_idx_returns_images_or_labels(tmp_path):
    images = make_set(side=7)["train_images"]
    (tmp_path / "img").write_bytes(idx_bytes(images))
    (tmp_path / "lab").write_bytes(idx_bytes(np.array([0, 255, 7], np.uint8)))
    np.testing.assert_array_equal(idx.read_idx(tmp_path / "img"), images)
    assert idx.read_idx(tmp_path / "lab").tolist() == [0, 255, 7]


# --- missing and damaged files ------------------------------------------------------------------


def test_a_missing_folder_or_file_names_what_is_expected(tmp_path):
    with pytest.raises(FileFormatError, match="does not exist"):
        idx.load_data(tmp_path / "nowhere")
    folder = write_set(tmp_path / "s", make_set())
    (folder / NAMES["test_labels"]).unlink()
    with pytest.raises(FileFormatError) as info:
        idx.load_data(folder)
    message = str(info.value)
    assert "has no t10k-labels-idx1-ubyte (nor t10k-labels-idx1-ubyte.gz)" in message
    assert all(name in message for name in NAMES.values())
    with pytest.raises(FileFormatError, match="does not exist"):
        idx.read_idx(tmp_path / "missing-idx1-ubyte")


def test_a_file_with_a_foreign_magic_number_is_named_with_both_numbers(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(header(0x12345678, 1, 1, 1) + b"\0")
    with pytest.raises(FileFormatError, match=r"is not an IDX image or label file \(magic number 0x12345678"):
        idx.read_idx(path)


def test_a_twice_compressed_file_is_recognised(tmp_path):
    folder = write_set(tmp_path / "s", make_set(), gz=True)
    twice = folder / "train-images-idx3-ubyte.gz"
    twice.write_bytes(gzip.compress(twice.read_bytes()))
    with pytest.raises(FileFormatError) as info:
        idx.load_data(folder)
    message = str(info.value)
    assert message.startswith("train-images-idx3-ubyte.gz is not an IDX image file (magic number 0x1F8B08")
    assert "expected 0x00000803" in message and "compressed twice" in message


def test_swapped_image_and_label_files_are_pointed_out(tmp_path):
    arrays = make_set()
    arrays["train_images"], arrays["train_labels"] = arrays["train_labels"], arrays["train_images"]
    with pytest.raises(FileFormatError, match=r"not an IDX image file .*swapped with the labels file"):
        idx.load_data(write_set(tmp_path / "s", arrays))


def test_a_file_of_floats_is_refused_because_only_bytes_are_supported(tmp_path):
    path = tmp_path / "floats"
    path.write_bytes(idx_bytes(np.zeros((2, 3, 3), np.float32), type_code=0x0D))
    with pytest.raises(
        FileFormatError, match=r"stores 32-bit floats \(type code 0x0D\); only .*unsigned bytes"
    ):
        idx.read_idx(path)


def test_a_truncated_file_says_how_much_is_missing(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(idx_bytes(np.zeros((3, 28, 28), np.uint8))[:-10])
    with pytest.raises(
        FileFormatError, match=r"truncated: .*3 images of 28×28 \(2,352 bytes.*only 2,342 bytes"
    ):
        idx.read_idx(path)
    path.write_bytes(header(0x803, 3, 28))
    with pytest.raises(FileFormatError, match="ends inside its header"):
        idx.read_idx(path)
    path.write_bytes(b"\0\0")
    with pytest.raises(FileFormatError, match=r"too short to be an IDX file \(2 bytes\)"):
        idx.read_idx(path)


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_bytes_after_the_data_are_an_error(tmp_path, gz):
    data = idx_bytes(np.arange(5, dtype=np.uint8)) + b"\x01"
    path = tmp_path / "labels"
    path.write_bytes(gzip.compress(data) if gz else data)
    with pytest.raises(FileFormatError, match="has extra bytes after its data"):
        idx.read_idx(path)


def test_image_and_label_counts_must_agree(tmp_path):
    arrays = make_set(n_train=5)
    arrays["train_labels"] = arrays["train_labels"][:4]
    with pytest.raises(FileFormatError, match="holds 5 images but train-labels-idx1-ubyte holds 4 labels"):
        idx.load_data(write_set(tmp_path / "s", arrays))


def test_training_and_test_images_must_have_the_same_size(tmp_path):
    arrays = make_set()
    arrays["test_images"] = arrays["test_images"][:, :20, :20]
    with pytest.raises(FileFormatError, match="28×28 pixels but test images are 20×20"):
        idx.load_data(write_set(tmp_path / "s", arrays))


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (header(0x801, 2_000_000), r"declares 2,000,000 labels; between 1 and 1,000,000"),
        (header(0x803, 0, 28, 28), r"declares 0 images"),
        (header(0x803, 10, 28, 4096), r"images of 28×4096 pixels; each side must be between 1 and 512"),
        (header(0x803, 1_000_000, 512, 512), r"declares 262,144,000,000 bytes of data; at most .*1 GiB"),
    ],
    ids=["too-many-labels", "no-images", "too-wide", "too-large"],
)
def test_huge_or_empty_declared_sizes_are_refused_from_the_header_alone(tmp_path, head, message):
    path = tmp_path / "bad"
    path.write_bytes(head + b"\0" * 64)
    with pytest.raises(FileFormatError, match=message):
        idx.read_idx(path)


def test_a_small_gzip_claiming_a_large_set_is_refused_at_once(tmp_path):
    path = tmp_path / "t10k-images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(header(0x803, 1_000_000, 28, 28) + b"\0" * 100))
    with pytest.raises(FileFormatError, match=r"far more than a .*compressed file can hold"):
        idx.read_idx(path)


def test_a_gzip_bomb_is_stopped_after_the_declared_size(tmp_path):
    # The header promises 10 small images; the stream would unpack to 64 MiB of zeros.
    path = tmp_path / "train-images-idx3-ubyte.gz"
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(header(0x803, 10, 28, 28))
        block = b"\0" * (1 << 20)
        for _ in range(64):
            f.write(block)
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(FileFormatError, match="has extra bytes after its data"):
            idx.read_idx(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


# --- memory: checked from the headers, before anything large is allocated -----------------------


def refused_with_peak_memory(action) -> tuple[str, int]:
    """Run ``action``, which must raise FileFormatError; return its message and the peak of traced allocations."""
    tracemalloc.start()
    try:
        with pytest.raises(FileFormatError) as info:
            action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return str(info.value), peak


def test_a_760_kb_gzip_declaring_a_million_images_is_refused_with_the_numbers(tmp_path):
    # A learner downloads "mnist-big.gz": 760 KB that declare 1,000,000 images of 28×28. The pixels
    # and the float32 copy a network trains on would need 3.9 GB; the app used to run out of memory.
    path = tmp_path / "train-images-idx3-ubyte.gz"
    rng = np.random.default_rng(0)
    path.write_bytes(gzip.compress(header(0x803, 1_000_000, 28, 28) + rng.bytes(760_000), compresslevel=1))
    assert 750_000 < path.stat().st_size < 800_000

    message, peak = refused_with_peak_memory(lambda: idx.read_idx(path))

    assert message == (
        f"{path.name} declares 1,000,000 images of 28×28, which need 3,920 MB of memory (each pixel as a byte "
        f"and as the 4-byte float a network trains on); at most {idx.memory_budget() // 10**6:,} MB are "
        "available for a data set")
    assert peak < 4 << 20


def test_the_largest_common_set_fits_the_budget_but_a_million_digits_do_not():
    emnist_byclass = (697_932 + 116_323) * 28 * 28 * idx.BYTES_PER_PIXEL
    assert emnist_byclass <= idx.MEMORY_BUDGET < 1_000_000 * 28 * 28 * idx.BYTES_PER_PIXEL


def test_a_folder_too_big_for_memory_is_refused_from_its_headers_before_any_data_is_read(tmp_path, monkeypatch):
    arrays = make_set(n_train=12, n_test=5)
    folder = write_set(tmp_path / "s", arrays, gz=True)
    # The training images are cut short inside the compressed stream, which only reading them finds.
    images = folder / f"{NAMES['train_images']}.gz"
    images.write_bytes(gzip.compress(idx_bytes(arrays["train_images"])[:-100]))
    monkeypatch.setattr(idx, "MEMORY_BUDGET", 17 * 28 * 28 * idx.BYTES_PER_PIXEL - 1)

    with pytest.raises(FileFormatError, match=r"the IDX files in .*s hold 17 images of 28×28, which need 1 MB"):
        idx.load_data(folder)

    monkeypatch.setattr(idx, "MEMORY_BUDGET", 17 * 28 * 28 * idx.BYTES_PER_PIXEL)
    with pytest.raises(FileFormatError, match="truncated"):
        idx.load_data(folder)


def test_the_budget_is_at_most_half_of_the_computers_memory(monkeypatch):
    pages = {"SC_PHYS_PAGES": 500_000, "SC_PAGE_SIZE": 4096}  # a 2 GB computer
    monkeypatch.setattr(idx.os, "sysconf", lambda name: pages[name], raising=False)
    assert idx.memory_budget() == 1_024_000_000

    def unknown(name):
        raise ValueError(name)

    monkeypatch.setattr(idx.os, "sysconf", unknown, raising=False)
    assert idx.memory_budget() == idx.MEMORY_BUDGET


def test_running_out_of_memory_while_loading_is_a_file_format_error(tmp_path, monkeypatch):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(idx_bytes(np.zeros((3, 28, 28), np.uint8)))

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(idx.np, "empty", no_memory)
    with pytest.raises(FileFormatError, match="declares 3 images of 28×28, but there is not enough free memory"):
        idx.read_idx(path)


def test_a_gzip_whose_trailer_contradicts_its_header_is_not_trusted_with_a_large_allocation(tmp_path):
    # The header declares 50,000 images (39 MB); the stream holds 51 and says so in its trailer.
    path = tmp_path / "train-images-idx3-ubyte.gz"
    rng = np.random.default_rng(1)
    path.write_bytes(gzip.compress(header(0x803, 50_000, 28, 28) + rng.bytes(51 * 784)))

    message, peak = refused_with_peak_memory(lambda: idx.read_idx(path))

    assert "truncated: its header declares 50,000 images of 28×28" in message
    assert "only 39,984 bytes follow" in message
    assert peak < 4 << 20


def test_a_gzip_file_of_two_members_still_loads(tmp_path):
    # `cat a.gz b.gz` makes a valid gzip file whose trailer records only the last member's length.
    images = make_set(side=10)["train_images"]
    data = idx_bytes(images)
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(data[:500]) + gzip.compress(data[500:]))
    np.testing.assert_array_equal(idx.read_idx(path), images)


def test_a_damaged_gzip_stream_is_reported_as_such(tmp_path):
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    good = gzip.compress(idx_bytes(np.arange(200, dtype=np.uint8)))
    # Deflate block type 3 does not exist, so unpacking fails at once.
    path.write_bytes(good[:10] + b"\xff" * (len(good) - 10))
    with pytest.raises(FileFormatError, match="damaged gzip file"):
        idx.read_idx(path)
    # A wrong checksum in the trailer is only found after all the data was unpacked.
    path.write_bytes(good[:-8] + bytes([good[-8] ^ 1]) + good[-7:])
    with pytest.raises(FileFormatError, match=r"damaged gzip file .*CRC"):
        idx.read_idx(path)
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(FileFormatError, match="damaged gzip file"):
        idx.read_idx(path)


def test_a_folder_given_as_a_file_is_not_read(tmp_path):
    with pytest.raises(FileFormatError, match="cannot be read"):
        idx.read_idx(tmp_path)
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(FileFormatError, match="is not a folder"):
        idx.load_data(tmp_path / "file")


# --- any bytes at all ----------------------------------------------------------------------------

_plausible_header = st.builds(
    lambda magic, dims: magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims),
    st.sampled_from([0x801, 0x803, 0x802, 0x80B, 0x0D03, 0x1F8B0808]),
    st.lists(st.integers(0, 40), min_size=1, max_size=3),
)
_any_file = st.one_of(
    st.binary(max_size=80),
    st.builds(bytes.__add__, _plausible_header, st.binary(max_size=200)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_any_file, compress=st.booleans())
def test_any_bytes_give_an_array_or_a_file_format_error(tmp_path, data, compress):
    path = tmp_path / "any-idx-ubyte"
    path.write_bytes(gzip.compress(data) if compress else data)
    try:
        result = idx.read_idx(path)
    except FileFormatError as exc:
        assert str(exc)
    else:
        assert result.dtype == np.uint8 and result.ndim in (1, 3) and len(result) >= 1
