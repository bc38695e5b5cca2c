"""Is a drawing anything like the digits the network learned from?

A classifier trained only on digits always answers with a digit: its softmax spreads 100 % over ten
classes and has no "none of these". An X, a dot or a filled square still gets a confident-looking answer.
:class:`Familiarity` tells such drawings apart from real digits, so an app can say so once, gently.

It remembers three facts about a sample of the training digits and compares one image with them:

1. **Ink**: the fraction of pixels brighter than :data:`INK_LEVEL`. After MNIST's size normalisation
   (the longer side scaled to 20 pixels) a dot becomes a filled disc and a filled square a 20×20 block,
   far more ink than any training digit; a hair-thin line far less.
2. **Pixels**: the distance, pixel by pixel (at half resolution), to the :data:`NEIGHBOURS`-th most
   similar training digit. An X or a straight horizontal line looks like no training digit.
3. **The last hidden layer**: the same nearest-neighbour distance for the network's own representation,
   the input of its final Dense layer, i.e. what the classifier actually reads. Scribbles and shapes
   that happen to share pixels with some digit still look unlike every digit here.

Each distance is compared with how far training digits are from *their* nearest other training digits
(leave-one-out): an image farther than :data:`DISTANCE_PERCENTILE` % of them is "far from every digit".

Measured on the bundled digits (fit on 2,000 training digits, judged on the 1,000 held-out test digits):
with the shipped small CNN 98.0 % of the held-out digits are judged familiar (an MLP trained for 5 epochs
98.3 %, LeNet-5 98.2 %, logistic regression 98.6 %), while an X, a dot, a horizontal line, a filled square,
a square outline and a back-and-forth scribble are all judged unfamiliar, and digits drawn with brushes of
14 to 40 canvas pixels are judged familiar. Scribbles through random points are caught only part of the
time (26 of 40 with the CNN, 15 of 40 with the MLP): some of them do look like a messy 8. The distance to
class means, the simpler test, does not separate these: the X lies closer to a class mean of the MLP's
last hidden layer than most held-out digits do. Fitting took 140 ms for the CNN and 50 ms for the MLP,
judging one image under 0.4 ms (2 cores).

Distances are cosine distances (1 − cosine similarity): they ignore how bright or how strongly
activated an image is overall and compare only the pattern.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .callbacks import StopToken
from .errors import LayerArgumentError
from .layers import Dense
from .model import Sequential

__all__ = [
    "DISTANCE_PERCENTILE",
    "INK_LEVEL",
    "INK_PERCENTILE",
    "MAX_SAMPLES",
    "MIN_SAMPLES",
    "NEIGHBOURS",
    "Familiarity",
    "Judgement",
]

#: A pixel counts as ink when brighter than this. MNIST strokes have cores near 1 and anti-aliased rims
#: of lower grey; half way counts the cores and the firm part of the rims, as the eye does.
INK_LEVEL = 0.5
#: The ink band of familiar images runs from this percentile of the training digits' ink to 100 minus it.
#: 0.5 flags about 1 % of the held-out digits on ink alone; a dot (40 % ink after size normalisation)
#: and a filled square (51 %) lie far above the highest training digit (30 %).
INK_PERCENTILE = 0.5
#: The distance to the k-th most similar training digit, not the first: one odd training digit that
#: resembles a scribble must not make the scribble familiar. 5 gave the best separation of 1, 5 and 10.
NEIGHBOURS = 5
#: An image is "far from every digit" when it is farther from its neighbours than this percentile of the
#: training digits are from theirs. 99.5 keeps each distance test's false alarms near 0.5 %, so with the
#: ink band all three tests together still pass ≥ 97 % of held-out digits (measured 98 %).
DISTANCE_PERCENTILE = 99.5
#: Pixels are compared after averaging 2×2 blocks (14×14 images): a stroke one pixel to the side is
#: still the same stroke, and the comparison costs a quarter.
POOL = 2
#: Training digits used by default: enough for stable 99.5th percentiles (10 images beyond it) while the
#: leave-one-out distances (an N×N product) stay at tens of milliseconds.
MAX_SAMPLES = 2000
#: Fewer training images than this give percentiles that say nothing.
MIN_SAMPLES = 50
#: Images per forward batch while fitting: bounds the memory a wide convolution takes.
_BATCH = 250
_SIDE = 28


@dataclass(frozen=True)
class Judgement:
    """The verdict on one image.

    Attributes
    ----------
    familiar : bool
        True when the image is like the training digits by every test.
    reason : str
        ``"ok"`` when familiar; otherwise the first test that failed: ``"too_little_ink"``,
        ``"too_much_ink"`` or ``"far_from_every_digit"``.
    numbers : dict of str to float
        What the tests measured: ``ink``, ``ink_low``, ``ink_high``; ``pixel_distance`` and
        ``pixel_threshold``; ``hidden_distance`` and ``hidden_threshold`` when the model has a hidden
        layer; ``nearest_label`` (the label of the most similar training digit by the hidden layer, or
        by pixels without one) when labels were given. Distances are cosine distances in [0, 2].
    """

    familiar: bool
    reason: str
    numbers: dict[str, float] = field(default_factory=dict)


class Familiarity:
    """What the training digits look like, to the eye and to a network's last hidden layer.

    Build it with :meth:`fit`; ask about one image with :meth:`judge`. It keeps its own copy of the
    network's layers up to the last hidden one, so the network may go on training (or be changed)
    without changing the judgements; fit again to follow new weights.

    Attributes
    ----------
    samples : int
        Training images the facts were taken from.
    hidden_layer : int or None
        Index in ``model.layers`` of the layer whose output is compared (the layer before the last
        Dense layer), or None when the model has no hidden layer (only the ink and pixel tests apply).
    ink_band : tuple of float
        ``(low, high)`` ink fractions of familiar images.
    pixel_threshold, hidden_threshold : float
        Largest familiar cosine distance to the :data:`NEIGHBOURS`-th neighbour (``hidden_threshold`` is
        NaN without a hidden layer).
    """

    def __init__(self) -> None:
        # Use fit(): an unfitted object would judge nothing sensibly.
        self.samples = 0
        self.hidden_layer: int | None = None
        self.ink_band = (0.0, 1.0)
        self.pixel_threshold = math.nan
        self.hidden_threshold = math.nan
        self._pixels = np.zeros((0, (_SIDE // POOL) ** 2), np.float32)
        self._hidden = np.zeros((0, 0), np.float32)
        self._labels: np.ndarray | None = None
        self._layers: list[Any] = []
        self._input_shape: tuple[int, ...] = (_SIDE, _SIDE, 1)

    # ---- fitting ---------------------------------------------------------------------------------
    @classmethod
    def fit(cls, model: Sequential, x_train: np.ndarray, y_train: np.ndarray | None = None, *,
            max_samples: int = MAX_SAMPLES, copy: bool = True, stop: StopToken | None = None) -> Familiarity:
        """Measure the training digits: their ink, and their distances to one another.

        Parameters
        ----------
        model : Sequential
            A network whose input is one 28×28 image. Only read; with ``copy=False`` its layers are kept
            (pass a copy nobody changes, e.g. from ``model.copy()``).
        x_train : ndarray
            float32 (N, 28, 28) or (N, 28, 28, 1) in [0, 1], white digits on black.
        y_train : ndarray, optional
            int (N,) labels; only used to report the label of the nearest training digit.
        max_samples : int
            At most this many images are used, spread evenly over ``x_train``.
        copy : bool
            Keep a private copy of the model (default). False keeps the given model's layers.
        stop : StopToken, optional
            Checked between batches; a stopped token raises :class:`~sandbox.errors.Cancelled`.

        Returns
        -------
        Familiarity

        Raises
        ------
        LayerArgumentError
            When ``x_train`` is not (N, 28, 28[, 1]) or holds fewer than :data:`MIN_SAMPLES` images.
        """
        x = np.asarray(x_train)
        if x.ndim == 4 and x.shape[-1] == 1:
            x = x[..., 0]
        if x.ndim != 3 or x.shape[1:] != (_SIDE, _SIDE):
            raise LayerArgumentError("familiarity.bad_shape", shape=x.shape)
        if len(x) < MIN_SAMPLES:
            raise LayerArgumentError("familiarity.too_few", minimum=MIN_SAMPLES, count=len(x))
        count = min(len(x), max(int(max_samples), MIN_SAMPLES))
        # Evenly spread, not the first N: a dataset sorted by label still gives every digit.
        picks = np.linspace(0, len(x) - 1, count).round().astype(np.int64)
        x = x[picks].astype(np.float32, copy=False)

        self = cls()
        self.samples = count
        if y_train is not None:
            self._labels = np.asarray(y_train)[picks].astype(np.int64)
        ink = _ink(x)
        self.ink_band = (float(np.percentile(ink, INK_PERCENTILE)), float(np.percentile(ink, 100 - INK_PERCENTILE)))
        self._pixels = _unit_rows(_pool(x))
        self.pixel_threshold = _leave_one_out_threshold(self._pixels, stop)

        hidden = _last_hidden_layer(model)
        if hidden is not None:
            source = model.copy() if copy else model
            self.hidden_layer = hidden
            self._layers = list(source.layers[:hidden + 1])
            self._input_shape = tuple(int(n) for n in source.input_layer.shape)
            rows = []
            for start in range(0, count, _BATCH):
                if stop is not None:
                    stop.raise_if_stopped()
                rows.append(self._forward(x[start:start + _BATCH]))
            self._hidden = _unit_rows(np.concatenate(rows))
            self.hidden_threshold = _leave_one_out_threshold(self._hidden, stop)
        return self

    # ---- judging ---------------------------------------------------------------------------------
    def judge(self, image: np.ndarray) -> Judgement:
        """Judge one image: is it like the training digits?

        Parameters
        ----------
        image : ndarray
            float (28, 28) or (28, 28, 1) in [0, 1], white on black, MNIST-centred (as
            :func:`sandbox.datasets.preprocess.to_mnist` makes it).

        Returns
        -------
        Judgement
            The model given to :meth:`fit` is not touched.
        """
        x = np.asarray(image, np.float32).reshape(1, _SIDE, _SIDE)
        low, high = self.ink_band
        ink = float(_ink(x)[0])
        numbers: dict[str, float] = {"ink": ink, "ink_low": low, "ink_high": high}
        pixel_sims = self._pixels @ _unit_rows(_pool(x))[0]
        numbers["pixel_distance"] = _kth_distance(pixel_sims)
        numbers["pixel_threshold"] = self.pixel_threshold
        nearest = pixel_sims
        if self.hidden_layer is not None:
            hidden_sims = self._hidden @ _unit_rows(self._forward(x))[0]
            numbers["hidden_distance"] = _kth_distance(hidden_sims)
            numbers["hidden_threshold"] = self.hidden_threshold
            nearest = hidden_sims
        if self._labels is not None:
            numbers["nearest_label"] = float(self._labels[int(np.argmax(nearest))])
        if ink < low:
            return Judgement(False, "too_little_ink", numbers)
        if ink > high:
            return Judgement(False, "too_much_ink", numbers)
        far = numbers["pixel_distance"] > self.pixel_threshold
        if self.hidden_layer is not None:
            far = far or numbers["hidden_distance"] > self.hidden_threshold
        return Judgement(not far, "far_from_every_digit" if far else "ok", numbers)

    def _forward(self, x: np.ndarray) -> np.ndarray:
        """The kept layers' output for float32 (n, 28, 28) images: float32 (n, features)."""
        batch = x.reshape((len(x), *self._input_shape)).astype(np.float32, copy=False)
        for layer in self._layers:
            batch = layer.forward(batch, False)
        return batch.reshape(len(x), -1)


def _last_hidden_layer(model: Sequential) -> int | None:
    """Index of the layer feeding the last Dense layer, if some layer up to it has weights; else None.

    Without weights before the last Dense layer (logistic regression: Flatten → Dense) its input is only
    the pixels, which the pixel test already compares.
    """
    model._ensure_built()
    dense = [i for i, layer in enumerate(model.layers) if isinstance(layer, Dense)]
    if not dense or dense[-1] == 0:
        return None
    last = dense[-1] - 1
    if not any(layer.count_params() for layer in model.layers[:last + 1]):
        return None
    return last


def _ink(x: np.ndarray) -> np.ndarray:
    """Fraction of ink pixels of each float32 (n, 28, 28) image: float64 (n,)."""
    return (x > INK_LEVEL).mean(axis=(1, 2), dtype=np.float64)


def _pool(x: np.ndarray) -> np.ndarray:
    """float32 (n, 28, 28) → float32 (n, 196): means of POOL×POOL blocks, flattened."""
    side = _SIDE // POOL
    return x.reshape(len(x), side, POOL, side, POOL).mean(axis=(2, 4), dtype=np.float32).reshape(len(x), -1)


def _unit_rows(v: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (a zero row stays zero): float32, same shape."""
    v = np.asarray(v, np.float32).reshape(len(v), -1)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(norms, np.float32(1e-12))


def _kth_distance(similarities: np.ndarray) -> float:
    """Cosine distance to the NEIGHBOURS-th most similar reference from float32 (n,) similarities."""
    k = min(NEIGHBOURS, len(similarities))
    return float(1.0 - np.partition(similarities, -k)[-k])


def _leave_one_out_threshold(unit: np.ndarray, stop: StopToken | None) -> float:
    """The DISTANCE_PERCENTILE-th percentile of each row's distance to its NEIGHBOURS-th other row."""
    k = min(NEIGHBOURS, len(unit) - 1)
    distances = np.empty(len(unit), np.float64)
    for start in range(0, len(unit), _BATCH * 2):
        if stop is not None:
            stop.raise_if_stopped()
        sims = unit[start:start + _BATCH * 2] @ unit.T
        rows = np.arange(len(sims))
        sims[rows, start + rows] = -np.inf  # a digit is not its own neighbour
        distances[start:start + len(sims)] = 1.0 - np.partition(sims, -k, axis=1)[:, -k]
    return float(np.percentile(distances, DISTANCE_PERCENTILE))
