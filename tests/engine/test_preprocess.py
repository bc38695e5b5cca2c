"""to_mnist makes any grey digit image look like MNIST: light on dark, fitted to 20×20, centred by mass."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resources
import sandbox as sb
from sandbox.datasets import digits
from sandbox.datasets.preprocess import BOX, SIZE, to_mnist
from sandbox.errors import LayerArgumentError

PRETRAINED = resources.path("models", "small-cnn.dlsb")


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    mass = image.sum()
    return (float(image.sum(axis=1) @ np.arange(image.shape[0]) / mass),
            float(image.sum(axis=0) @ np.arange(image.shape[1]) / mass))


def ink_box(image: np.ndarray) -> tuple[int, int, int, int]:
    """(top, left, height, width) of the non-zero pixels."""
    rows, cols = np.flatnonzero(image.any(axis=1)), np.flatnonzero(image.any(axis=0))
    return rows[0], cols[0], rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


@pytest.fixture(scope="module")
def test_digits():
    return digits.load_data()[1]


@pytest.fixture(scope="module")
def pretrained():
    return sb.load_model(PRETRAINED)


def canvas_with_strokes(height: int, width: int, boxes: list[tuple[int, int, int, int]]) -> np.ndarray:
    """uint8 (height, width), white rectangles (top, left, h, w) on black."""
    image = np.zeros((height, width), np.uint8)
    for top, left, h, w in boxes:
        image[top:top + h, left:left + w] = 255
    return image


@st.composite
def drawings(draw) -> np.ndarray:
    """A black canvas of random size with a few random white strokes (rectangles) inside its border."""
    height, width = draw(st.integers(3, 300)), draw(st.integers(3, 300))
    boxes = []
    for _ in range(draw(st.integers(1, 4))):
        top, left = draw(st.integers(1, height - 2)), draw(st.integers(1, width - 2))
        size = draw(st.integers(1, height - 1 - top)), draw(st.integers(1, width - 1 - left))
        boxes.append((top, left, *size))
    return canvas_with_strokes(height, width, boxes)


@settings(max_examples=200, deadline=None)
@given(drawings())
def test_the_digit_fits_20x20_touching_20_and_its_centre_of_mass_is_at_14_14(image):
    out = to_mnist(image)
    assert out.dtype == np.float32 and out.shape == (SIZE, SIZE)
    assert 0 <= out.min() and out.max() <= 1
    top, left, height, width = ink_box(out)
    assert max(height, width) == BOX and min(height, width) >= 1
    row, col = centre_of_mass(out)
    # Within half a pixel (the shift is whole pixels; float32 sums add a hair), unless the digit had to be
    # kept inside the frame.
    if 0 < top and top + height < SIZE:
        assert abs(row - 14) <= 0.5 + 1e-3
    if 0 < left and left + width < SIZE:
        assert abs(col - 14) <= 0.5 + 1e-3


@pytest.mark.parametrize(("height", "width"), [(200, 50), (40, 160), (7, 3), (3, 9), (90, 90), (1, 1)])
def test_a_rectangle_keeps_its_aspect_ratio(height, width):
    image = canvas_with_strokes(300, 300, [(20, 30, height, width)])
    _, _, out_height, out_width = ink_box(to_mnist(image))
    assert max(out_height, out_width) == BOX
    assert out_height / out_width == pytest.approx(height / width, rel=0.15)
    row, col = centre_of_mass(to_mnist(image))
    assert abs(row - 14) <= 1 and abs(col - 14) <= 1


def test_a_lopsided_digit_is_shifted_only_as_far_as_the_frame_allows():
    # A long thin bar with a heavy block at its right end: centring its mass would push it out on the left.
    image = canvas_with_strokes(100, 100, [(50, 10, 2, 80), (30, 80, 40, 10)])
    out = to_mnist(image)
    _, left, _, width = ink_box(out)
    assert width == BOX and left == 0
    assert centre_of_mass(out)[1] > 15


def test_dark_ink_on_light_paper_is_inverted_automatically(test_digits):
    x_test, _ = test_digits
    for image in x_test[:20]:
        large = np.kron(image, np.ones((5, 5), np.uint8))
        np.testing.assert_allclose(to_mnist(255 - large), to_mnist(large), atol=1e-6)
        np.testing.assert_allclose(to_mnist(255 - large, invert=True), to_mnist(large), atol=1e-6)


def test_invert_false_overrides_the_guess():
    paper = np.full((50, 50), 255, np.uint8)
    paper[10:40, 20:25] = 0
    guessed = to_mnist(paper)
    assert ink_box(guessed)[2:] == (BOX, 3)  # the dark 30×5 bar, fitted to 20×3
    assert not np.array_equal(to_mnist(paper, invert=False), guessed)


def test_a_grey_photo_with_uneven_paper_is_cleaned_up():
    rng = np.random.default_rng(0)
    paper = np.linspace(170, 210, 120)[None, :] + rng.normal(0, 3, (120, 120))
    paper[30:90, 55:65] = 60  # a dark "1"
    out = to_mnist(np.clip(paper, 0, 255).astype(np.uint8))
    _, _, height, width = ink_box(out)
    assert height == BOX and width <= 5


@pytest.mark.parametrize("stroke", [(0, 130, 280, 20), (100, 0, 80, 280)])
def test_strokes_that_run_off_the_canvas_are_kept(stroke):
    # The second covers 14% of the border: more than the paper estimate ignores, so it is capped.
    out = to_mnist(canvas_with_strokes(280, 280, [stroke]))
    assert max(ink_box(out)[2:]) == BOX and out.max() == 1


@pytest.mark.parametrize("image", [np.zeros((28, 28), np.uint8), np.full((100, 80), 255, np.uint8),
                                   np.full((5, 5), 0.3, np.float32), np.zeros((1, 1), bool)])
def test_an_empty_image_gives_zeros(image):
    out = to_mnist(image)
    assert out.dtype == np.float32 and out.shape == (28, 28) and not out.any()


def test_input_types():
    bar = canvas_with_strokes(40, 40, [(5, 18, 30, 4)])
    expected = to_mnist(bar)
    np.testing.assert_allclose(to_mnist(bar.astype(np.float64) / 255), expected, atol=1e-6)
    np.testing.assert_allclose(to_mnist(bar > 0), expected, atol=1e-6)
    np.testing.assert_allclose(to_mnist(bar.astype(np.int32)), expected, atol=1e-6)


@pytest.mark.parametrize("bad", [np.zeros((28, 28, 1)), np.zeros(5), np.zeros((0, 3)),
                                 np.full((4, 4), np.nan), np.array([["a", "b"]])])
def test_bad_input_raises(bad):
    with pytest.raises(LayerArgumentError):
        to_mnist(bad)


def test_mnist_digits_come_out_as_they_went_in(test_digits):
    x_test, _ = test_digits
    # Up to the stretch of grey levels (a digit whose strongest pixel is 250 is brightened), and except
    # the rare digit that touches the frame and so cannot be centred by mass.
    changes = np.array([np.abs(to_mnist(image) - image / 255).max() for image in x_test])
    assert np.mean(changes <= 0.02) >= 0.99


def test_preprocessed_test_digits_are_still_recognised_by_the_pretrained_model(test_digits, pretrained):
    x_test, y_test = test_digits
    x, y = x_test[:200], y_test[:200]
    # As a user's file might hold them: enlarged, dark on light, placed off-centre on a big canvas.
    drawn = []
    for i, image in enumerate(x):
        page = np.full((300, 260), 255, np.uint8)
        top, left = 10 + (i * 7) % 120, 5 + (i * 13) % 100
        page[top:top + 140, left:left + 140] = 255 - np.kron(image, np.ones((5, 5), np.uint8))
        drawn.append(page)
    for images in (x, drawn):
        batch = np.stack([to_mnist(image) for image in images])
        accuracy = np.mean(pretrained.predict(batch).argmax(axis=1) == y)
        assert accuracy >= 0.95
