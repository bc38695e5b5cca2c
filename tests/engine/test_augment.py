"""Augmentation gives every digit a slightly different look, reproducibly, without changing the batch."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sandbox.datasets import digits
from sandbox.datasets.augment import Augmenter, augment
from sandbox.errors import LayerArgumentError

_ROWS, _COLS = np.mgrid[0:28, 0:28]


@pytest.fixture(scope="module")
def real_digits() -> np.ndarray:
    (x_train, _), _ = digits.load_data()
    return x_train[:64]


def centre_of_mass(images: np.ndarray) -> np.ndarray:
    """(N, 28, 28) → (N, 2) as (column, row)."""
    mass = images.sum(axis=(1, 2))
    return np.stack(
        [(images * _COLS).sum(axis=(1, 2)) / mass, (images * _ROWS).sum(axis=(1, 2)) / mass], axis=1
    )


def main_axis_degrees(images: np.ndarray) -> np.ndarray:
    """Direction of each image's long axis in degrees within (-90, 90], 0 = horizontal."""
    angles = []
    for image, (cx, cy) in zip(images, centre_of_mass(images), strict=True):
        dx, dy = _COLS - cx, _ROWS - cy
        sxx, syy, sxy = (image * dx * dx).sum(), (image * dy * dy).sum(), (image * dx * dy).sum()
        angles.append(np.degrees(0.5 * np.arctan2(2 * sxy, sxx - syy)))
    return np.array(angles)


def bar_batch(n: int = 100) -> np.ndarray:
    """``n`` copies of a centred horizontal bar, float32 (n, 28, 28)."""
    bar = np.zeros((28, 28), np.float32)
    bar[13:15, 5:23] = 1
    return np.repeat(bar[None], n, axis=0)


@pytest.mark.parametrize("dtype", [np.uint8, np.float32, np.float64])
@pytest.mark.parametrize("channels", [False, True], ids=["NHW", "NHWC"])
def test_zero_settings_leave_images_unchanged(real_digits, dtype, channels):
    images = real_digits.astype(dtype) / (1 if dtype == np.uint8 else 255)
    images = images.astype(dtype)[..., None] if channels else images.astype(dtype)
    out = augment(images, np.random.default_rng(0), shift=0, rotation=0, noise=0, thickness=0)
    assert out.dtype == images.dtype and out.shape == images.shape
    np.testing.assert_array_equal(out, images)
    assert out is not images


@pytest.mark.parametrize("dtype", [np.uint8, np.float32])
@pytest.mark.parametrize("channels", [False, True], ids=["NHW", "NHWC"])
def test_shape_and_dtype_are_kept_and_the_input_is_not_touched(real_digits, dtype, channels):
    images = real_digits if dtype == np.uint8 else (real_digits / 255).astype(dtype)
    images = images[..., None] if channels else images
    before = images.copy()
    out = augment(images, np.random.default_rng(0), noise=0.05, thickness=0.5)
    assert out.dtype == images.dtype and out.shape == images.shape
    np.testing.assert_array_equal(images, before)
    assert not np.array_equal(out, images)


def test_the_same_seed_gives_the_same_batch_and_another_seed_another(real_digits):
    settings = {"shift": 2, "rotation": 15, "noise": 0.1, "thickness": 0.5}
    first = augment(real_digits, np.random.default_rng(42), **settings)
    again = augment(real_digits, np.random.default_rng(42), **settings)
    other = augment(real_digits, np.random.default_rng(43), **settings)
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_each_image_of_a_batch_gets_its_own_change(real_digits):
    same = np.repeat(real_digits[:1], 20, axis=0)
    out = augment(same, np.random.default_rng(0))
    assert len({image.tobytes() for image in out}) == 20


def test_shift_moves_the_centre_of_mass_by_up_to_shift_pixels_each_way():
    images = bar_batch(200)
    moved = centre_of_mass(augment(images, np.random.default_rng(1), shift=3, rotation=0))
    offset = moved - centre_of_mass(images)
    assert np.all(np.abs(offset) <= 3 + 1e-3)
    # Uniform on [-3, 3] has a standard deviation of √3 ≈ 1.73 and reaches near both ends.
    assert np.all(offset.std(axis=0) > 1.4)
    assert np.all(offset.max(axis=0) > 2.5) and np.all(offset.min(axis=0) < -2.5)


def test_rotation_turns_a_bar_about_its_centre_by_up_to_the_angle():
    images = bar_batch(200)
    turned = augment(images, np.random.default_rng(2), shift=0, rotation=30)
    angles = main_axis_degrees(turned)
    assert np.all(np.abs(angles) <= 30.5)
    assert np.abs(angles).max() > 25 and angles.std() > 12
    np.testing.assert_allclose(centre_of_mass(turned), centre_of_mass(images), atol=0.05)


def test_thickness_makes_some_strokes_bolder_and_some_thinner(real_digits):
    out = augment(real_digits, np.random.default_rng(3), shift=0, rotation=0, thickness=1.0)
    ink_ratio = out.sum(axis=(1, 2), dtype=np.float64) / real_digits.sum(axis=(1, 2), dtype=np.float64)
    assert np.sum(ink_ratio > 1.2) >= 10 and np.sum(ink_ratio < 0.8) >= 10
    # Thickening never moves a digit: no ink appears more than one pixel away from the original strokes.
    padded = np.pad(real_digits > 0, ((0, 0), (1, 1), (1, 1)))
    near_ink = np.zeros_like(real_digits, dtype=bool)
    for dy in range(3):
        for dx in range(3):
            near_ink |= padded[:, dy : dy + 28, dx : dx + 28]
    assert not out[~near_ink].any()


def test_noise_has_the_asked_strength_and_stays_in_range():
    grey = np.full((50, 28, 28), 0.5, np.float32)
    out = augment(grey, np.random.default_rng(4), shift=0, rotation=0, noise=0.1)
    assert abs((out - grey).std() - 0.1) < 0.005 and abs((out - grey).mean()) < 0.005
    loud = augment(grey, np.random.default_rng(4), shift=0, rotation=0, noise=1.0)
    assert loud.min() == 0 and loud.max() == 1
    as_bytes = augment(
        (grey * 255).astype(np.uint8), np.random.default_rng(4), shift=0, rotation=0, noise=0.1
    )
    assert abs(as_bytes.astype(np.float64).std() - 25.5) < 1.5


def test_default_augmentation_keeps_real_digits_recognisable(real_digits):
    out = augment(real_digits, np.random.default_rng(5))
    ink_before = real_digits.sum(axis=(1, 2), dtype=np.float64)
    ink_after = out.sum(axis=(1, 2), dtype=np.float64)
    np.testing.assert_allclose(ink_after, ink_before, rtol=0.1)
    correlation = [np.corrcoef(a.ravel(), b.ravel())[0, 1] for a, b in zip(out, real_digits, strict=True)]
    assert np.median(correlation) > 0.3


def test_the_augmenter_saves_and_restores_its_settings_as_json():
    augmenter = Augmenter(shift=3, rotation=12.5, noise=0.05, thickness=0.25)
    config = json.loads(json.dumps(augmenter.to_config()))
    assert config == {"shift": 3.0, "rotation": 12.5, "noise": 0.05, "thickness": 0.25}
    assert Augmenter.from_config(config) == augmenter
    assert Augmenter.from_config({"rotation": 0}) == Augmenter(rotation=0)


def test_the_augmenter_does_what_augment_does(real_digits):
    augmenter = Augmenter(shift=1, rotation=5, noise=0.02, thickness=0.3)
    np.testing.assert_array_equal(
        augmenter(real_digits, np.random.default_rng(6)),
        augment(real_digits, np.random.default_rng(6), shift=1, rotation=5, noise=0.02, thickness=0.3),
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"shift": -1}, "shift must be 0 or more"),
        ({"rotation": 200}, "rotation must be between 0 and 180"),
        ({"thickness": 1.5}, "thickness must be between 0 and 1"),
        ({"noise": float("nan")}, "noise must be between 0 and 1"),
        ({"noise": True}, "noise must be a number"),
        ({"shift": "2"}, "shift must be a number"),
        ({"zoom": 0.1}, "unknown augmentation setting"),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(config, message):
    with pytest.raises(LayerArgumentError, match=message):
        Augmenter.from_config(config)
    if "zoom" not in config:
        with pytest.raises(LayerArgumentError, match=message):
            Augmenter(**config)


def test_bad_batches_and_generators_are_refused(real_digits):
    rng = np.random.default_rng(0)
    with pytest.raises(LayerArgumentError, match="uint8 or float"):
        augment(real_digits.astype(np.int32), rng)
    with pytest.raises(LayerArgumentError, match=r"\(N, H, W\) or \(N, H, W, 1\)"):
        augment(real_digits[0], rng)
    with pytest.raises(LayerArgumentError, match=r"\(N, H, W\) or \(N, H, W, 1\)"):
        augment(np.zeros((2, 28, 28, 3), np.uint8), rng)
    with pytest.raises(LayerArgumentError, match=r"numpy\.random\.Generator"):
        augment(real_digits, 0)  # type: ignore[arg-type]


def test_an_empty_batch_stays_empty():
    out = augment(np.zeros((0, 28, 28, 1), np.uint8), np.random.default_rng(0), thickness=0.5, noise=0.1)
    assert out.shape == (0, 28, 28, 1) and out.dtype == np.uint8
