"""Random changes to digit images, so a network sees a slightly different set in every epoch.

Each image of a batch is, independently and at random: made thicker or thinner (``thickness``),
rotated about its centre and shifted (``rotation``, ``shift``, one bilinear warp), and sprinkled
with Gaussian noise (``noise``), in that order. Everything is vectorised over the batch with NumPy,
and the same ``np.random.Generator`` state always gives the same result.

Images are white (high) on black (0): pixels that move in from outside the frame are 0.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

import numpy as np

from sandbox.errors import LayerArgumentError

__all__ = ["Augmenter", "augment"]

# Images are processed in slices of this many: the temporaries then stay in the CPU cache (about twice
# as fast as one pass over thousands of images), and a whole data set passed at once does not need a
# dozen temporary copies of itself.
_CHUNK = 256
_LIMITS = {"shift": math.inf, "rotation": 180.0, "noise": 1.0, "thickness": 1.0}


def augment(
    images: np.ndarray,
    rng: np.random.Generator,
    *,
    shift: float = 2,
    rotation: float = 10.0,
    noise: float = 0.0,
    thickness: float = 0.0,
) -> np.ndarray:
    """Return randomly shifted, rotated, thickened or thinned and noisy copies of ``images``.

    Parameters
    ----------
    images : numpy.ndarray
        uint8 (0–255) or float (0–1) batch of shape (N, H, W) or channels-last (N, H, W, 1),
        light digits on a dark background.
    rng : numpy.random.Generator
        Source of randomness; the same state gives the same output.
    shift : float
        Largest move in pixels; each image moves by an amount drawn uniformly from
        [-shift, shift] along each axis (fractions of a pixel are interpolated).
    rotation : float
        Largest turn in degrees (0–180); each image turns about its centre by an angle drawn
        uniformly from [-rotation, rotation].
    noise : float
        Standard deviation (0–1) of Gaussian noise, in units of full intensity (1.0 for float,
        255 for uint8); the result is clipped to 0–1 (float) or 0–255 (uint8).
    thickness : float
        Largest strength (0–1) of stroke thickening or thinning. Each image is, with even odds,
        dilated or eroded with a 3×3 square, and blended with the result by a weight drawn
        uniformly from [0, thickness]: 1 is a full pixel of growth or shrinkage on every side.

    Returns
    -------
    numpy.ndarray
        A new array of the same shape and dtype as ``images``; uint8 results are rounded.
        With all four settings 0 it equals ``images``.

    Raises
    ------
    LayerArgumentError
        If ``images`` is not such a batch, ``rng`` is not a Generator, or a setting is out of range.
    """
    _check_settings(shift=shift, rotation=rotation, noise=noise, thickness=thickness)
    if not isinstance(rng, np.random.Generator):
        raise LayerArgumentError(
            "augment.bad_rng", type=type(rng).__name__
        )
    source = np.asarray(images)
    if source.dtype != np.uint8 and source.dtype.kind != "f":
        raise LayerArgumentError("augment.bad_dtype", dtype=str(source.dtype))
    if not (source.ndim == 3 or (source.ndim == 4 and source.shape[-1] == 1)):
        raise LayerArgumentError("augment.bad_shape", shape=source.shape)
    batch = source.reshape(source.shape[:3])
    out = np.empty(batch.shape, dtype=source.dtype)
    # float64 input keeps its precision; everything else is worked on in float32.
    work = np.float64 if source.dtype == np.float64 else np.float32
    scale = 255.0 if source.dtype == np.uint8 else 1.0
    for start in range(0, len(batch), _CHUNK):
        x = batch[start : start + _CHUNK].astype(work)
        if thickness > 0:
            x = _thicken(x, rng, thickness)
        if shift > 0 or rotation > 0:
            x = _warp(x, rng, shift, rotation)
        if noise > 0:
            x += rng.standard_normal(x.shape, dtype=work) * work(noise * scale)
            np.clip(x, 0, scale, out=x)
        if source.dtype == np.uint8:
            # Interpolation can land a hair outside 0–255; clip before the cast wraps around.
            x = np.clip(np.rint(x), 0, 255)
        out[start : start + _CHUNK] = x
    return out.reshape(source.shape)


@dataclasses.dataclass(frozen=True)
class Augmenter:
    """Augmentation settings that can be saved with a project and applied to each training batch.

    Attributes
    ----------
    shift, rotation, noise, thickness : float
        As in :func:`augment`.

    Examples
    --------
    >>> aug = Augmenter(shift=2, rotation=10)
    >>> batch = aug(x_train[:32], np.random.default_rng(0))  # doctest: +SKIP
    >>> Augmenter.from_config(aug.to_config()) == aug
    True
    """

    shift: float = 2.0
    rotation: float = 10.0
    noise: float = 0.0
    thickness: float = 0.0

    def __post_init__(self) -> None:
        _check_settings(**{field.name: getattr(self, field.name) for field in dataclasses.fields(self)})

    def __call__(self, images: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Augment ``images`` with these settings; see :func:`augment`."""
        return augment(images, rng, **self.to_config())

    def to_config(self) -> dict[str, float]:
        """Return the settings as a JSON-safe dict of floats."""
        return {field.name: float(getattr(self, field.name)) for field in dataclasses.fields(self)}

    @classmethod
    def from_config(cls, config: Mapping[str, object]) -> Augmenter:
        """Rebuild an Augmenter from :meth:`to_config` output; missing keys take their defaults.

        Raises
        ------
        LayerArgumentError
            If ``config`` has an unknown key or a value that is not a number in range.
        """
        if not isinstance(config, Mapping):
            raise LayerArgumentError("augment.config_not_dict", type=type(config).__name__)
        known = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(str(key) for key in config if key not in known)
        if unknown:
            raise LayerArgumentError(
                "augment.unknown_settings", names=', '.join(unknown), known=', '.join(sorted(known))
            )
        _check_settings(**config)
        return cls(**{key: float(value) for key, value in config.items()})  # type: ignore[arg-type]


def _check_settings(**settings: object) -> None:
    """Raise LayerArgumentError unless every setting is a finite number between 0 and its limit."""
    for name, value in settings.items():
        limit = _LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
            raise LayerArgumentError("augment.not_number", setting=name, value=value)
        if not (math.isfinite(value) and 0 <= value <= limit):
            bound = "0 or more" if math.isinf(limit) else f"between 0 and {limit:g}"
            raise LayerArgumentError("augment.out_of_range", setting=name, bound=bound, value=value)


def _max3x3(x: np.ndarray) -> np.ndarray:
    """Grey-level dilation of (n, h, w) images by a 3×3 square; the border counts as the edge pixel."""
    # A square is separable: the max over 3 rows of the max over 3 columns.
    p = np.pad(x, ((0, 0), (1, 1), (1, 1)), mode="edge")
    rows = np.maximum(np.maximum(p[:, :-2], p[:, 1:-1]), p[:, 2:])
    return np.maximum(np.maximum(rows[:, :, :-2], rows[:, :, 1:-1]), rows[:, :, 2:])


def _thicken(x: np.ndarray, rng: np.random.Generator, thickness: float) -> np.ndarray:
    """Blend each (n, h, w) image with its dilation or erosion by a random weight in [0, thickness]."""
    n = len(x)
    grow = rng.random(n) < 0.5
    weight = rng.uniform(0, thickness, n).astype(x.dtype)[:, None, None]
    changed = np.empty_like(x)
    changed[grow] = _max3x3(x[grow])
    # Erosion is dilation of the negative image.
    changed[~grow] = -_max3x3(-x[~grow])
    return x + (changed - x) * weight


def _warp(x: np.ndarray, rng: np.random.Generator, shift: float, rotation: float) -> np.ndarray:
    """Rotate each (n, h, w) image about its centre and shift it, by random amounts, bilinearly.

    Works by inverse mapping: every output pixel looks up where it came from in the source image
    and interpolates the four pixels around that point, with 0 outside the frame.
    """
    n, h, w = x.shape
    dtype = x.dtype
    dx = rng.uniform(-shift, shift, n).astype(dtype)[:, None, None]
    dy = rng.uniform(-shift, shift, n).astype(dtype)[:, None, None]
    angle = np.deg2rad(rng.uniform(-rotation, rotation, n)).astype(dtype)[:, None, None]
    cos, sin = np.cos(angle), np.sin(angle)
    cy, cx = dtype.type((h - 1) / 2), dtype.type((w - 1) / 2)
    rows = np.arange(h, dtype=dtype)[None, :, None]
    cols = np.arange(w, dtype=dtype)[None, None, :]
    u = cols - cx - dx
    v = rows - cy - dy
    # Source position of each output pixel, +1 for the one-pixel zero frame added below.
    src_c = cos * u + sin * v + (cx + 1)
    src_r = -sin * u + cos * v + (cy + 1)
    # Clipping to the frame makes far-away positions read zeros instead of indexing out of bounds.
    np.clip(src_r, 0, h + 1, out=src_r)
    np.clip(src_c, 0, w + 1, out=src_c)
    r0 = np.minimum(src_r.astype(np.intp), h)
    c0 = np.minimum(src_c.astype(np.intp), w)
    fr = src_r - r0
    fc = src_c - c0
    framed = np.zeros((n, h + 2, w + 2), dtype=dtype)
    framed[:, 1:-1, 1:-1] = x
    stride = w + 2
    flat = framed.ravel()
    top_left = np.arange(n)[:, None, None] * ((h + 2) * stride) + r0 * stride + c0
    v00 = flat[top_left]
    v01 = flat[top_left + 1]
    v10 = flat[top_left + stride]
    v11 = flat[top_left + stride + 1]
    top = v00 + (v01 - v00) * fc
    bottom = v10 + (v11 - v10) * fc
    return top + (bottom - top) * fr
