"""Make any grey image of one digit look like an MNIST digit, the way MNIST itself was made.

MNIST's digits were size-normalised to fit a 20×20 box with their aspect ratio kept (anti-aliasing
turned the black-and-white scans into grey levels) and then placed in a 28×28 field so that their
centre of mass lies at the centre. A network trained on MNIST expects exactly that; a digit drawn
large in a corner, or dark on light paper, looks like nothing it has seen. :func:`to_mnist` repeats
those steps for the app's drawing canvas and for the command line's ``predict``.
"""

from __future__ import annotations

import numpy as np

from sandbox.errors import LayerArgumentError

__all__ = ["BOX", "SIZE", "to_mnist"]

SIZE = 28
"""Side of the output image in pixels."""
BOX = 20
"""Side of the box the digit is scaled to fit, keeping its aspect ratio."""

# Paper is not one grey: photos and scans have shading and noise. The border, where only paper should
# be, shows how far it strays: its 90th percentile ignores a stroke that runs into the border here and
# there. Anything within this many times that spread of the background counts as paper, not ink...
_PAPER_SPREADS = 2.0
# ...but never more than this fraction of the way from the background to the strongest ink, so a digit
# that covers much of the border keeps at least its stronger half.
_MAX_PAPER_LEVEL = 0.5
# An image whose strongest ink differs from the background by less than half a grey level is blank.
_MIN_CONTRAST = 0.5 / 255
# Where the centre of mass goes, in pixel indices. MNIST's own digits have theirs at (13.99, 14.01) on
# average (measured on the bundled digits), so pixel (14, 14) it is, not the field's middle at 13.5.
_CENTRE = SIZE // 2


def to_mnist(image: np.ndarray, *, invert: bool | None = None) -> np.ndarray:
    """Turn a grey image of one digit into a 28×28 MNIST-style image.

    Steps: (1) make the digit light on a dark background, inverting if needed; (2) stretch the grey
    levels so the background (with any shading or noise as strong as on the image's border) is 0
    and the strongest ink 1; (3) crop to the ink's bounding box; (4) scale it, aspect ratio kept, so
    its longer side is 20 pixels (averaging the covered area when shrinking, interpolating linearly
    when enlarging); (5) paste it into a 28×28 black field so that its centre of mass is at pixel
    (14, 14), rounded to whole pixels and moved only as far as the digit stays inside the field.
    MNIST's own digits come out as they went in, only with their strongest grey stretched to 1.

    Parameters
    ----------
    image : numpy.ndarray
        (H, W) grey levels: uint8 0–255, any other integer or bool, or float 0–1; black is 0.
        Either light ink on dark or dark ink on light.
    invert : bool, optional
        True for dark ink on a light background, False for light ink on dark. By default it is
        guessed: the image is inverted when the median of its outermost pixels (the border, where
        the background is) is brighter than mid-grey.

    Returns
    -------
    numpy.ndarray
        float32 (28, 28) in [0, 1]: white digit on black, as ``x_train[i] / 255`` of MNIST. All
        zeros if the image has no ink (every pixel the same).

    Raises
    ------
    LayerArgumentError
        If ``image`` is not a 2-D array of finite numbers.
    """
    x = _as_float(image)
    border = np.concatenate([x[0], x[-1], x[1:-1, 0], x[1:-1, -1]])
    if invert is None:
        invert = float(np.median(border)) > 0.5
    if invert:
        x = 1 - x
        border = 1 - border
    background, paper = (float(v) for v in np.percentile(border, [50, 90]))
    peak = float(x.max())
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    if peak - background < _MIN_CONTRAST:
        return out
    low = background + min(_PAPER_SPREADS * (paper - background), _MAX_PAPER_LEVEL * (peak - background))
    x = np.clip((x - np.float32(low)) / np.float32(peak - low), 0, 1)
    ink_rows = np.flatnonzero(x.any(axis=1))
    ink_cols = np.flatnonzero(x.any(axis=0))
    crop = x[ink_rows[0]:ink_rows[-1] + 1, ink_cols[0]:ink_cols[-1] + 1]
    height, width = crop.shape
    scale = BOX / max(height, width)
    new_height = max(1, min(BOX, round(height * scale)))
    new_width = max(1, min(BOX, round(width * scale)))
    digit = _resample_matrix(height, new_height) @ crop @ _resample_matrix(width, new_width).T
    mass = float(digit.sum())
    centre_row = float(digit.sum(axis=1) @ np.arange(new_height)) / mass
    centre_col = float(digit.sum(axis=0) @ np.arange(new_width)) / mass
    top = min(max(round(_CENTRE - centre_row), 0), SIZE - new_height)
    left = min(max(round(_CENTRE - centre_col), 0), SIZE - new_width)
    out[top:top + new_height, left:left + new_width] = digit
    # Sums of weights that are 1 up to rounding can overshoot 1 by an ulp.
    return np.clip(out, 0, 1, out=out)


def _as_float(image: np.ndarray) -> np.ndarray:
    """float32 (H, W) in [0, 1] from uint8 (÷255), bool, other integers (÷255) or floats (kept)."""
    array = np.asarray(image)
    if array.ndim != 2 or array.size == 0:
        raise LayerArgumentError("preprocess.not_grey_image", shape=array.shape)
    if array.dtype == np.bool_:
        return array.astype(np.float32)
    if array.dtype.kind in "iu":
        return array.astype(np.float32) * np.float32(1 / 255)
    if array.dtype.kind != "f":
        raise LayerArgumentError("preprocess.not_numbers", dtype=str(array.dtype))
    x = array.astype(np.float32)
    if not np.isfinite(x).all():
        raise LayerArgumentError("preprocess.not_finite")
    return x


def _resample_matrix(size_in: int, size_out: int) -> np.ndarray:
    """Weights that resize one axis: float32 (size_out, size_in), each row summing to 1.

    Shrinking averages the input pixels each output pixel covers, weighted by the covered length
    (area averaging: a thin stroke becomes a fainter one rather than disappearing). Enlarging
    interpolates linearly between the two nearest input pixel centres.
    """
    ratio = size_in / size_out
    outputs = np.arange(size_out)[:, None]
    inputs = np.arange(size_in)[None, :]
    if size_out <= size_in:
        start, stop = outputs * ratio, (outputs + 1) * ratio
        covered = np.clip(np.minimum(stop, inputs + 1) - np.maximum(start, inputs), 0, None)
        return (covered / ratio).astype(np.float32)
    # Pixel centres sit at +0.5; positions past the outer centres take the edge pixel.
    position = np.clip((outputs + 0.5) * ratio - 0.5, 0, size_in - 1)
    return np.clip(1 - np.abs(position - inputs), 0, None).astype(np.float32)
