"""How well a trained classifier does on held-out data: accuracy, loss, confusion, robustness, maps.

Everything here is NumPy only and works on any :class:`~sandbox.model.Sequential` whose last layer
outputs one score per class. The UI's evaluation panel only displays what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .budget import inference_batch_size
from .callbacks import StopToken
from .datasets.augment import augment
from .losses import SparseCategoricalCrossentropy

__all__ = ["ROBUSTNESS_KINDS", "Evaluation", "evaluate_classifier", "layer_map", "pca_2d", "robustness"]

#: The single transformations :func:`robustness` can apply, each with a sensible range of levels.
ROBUSTNESS_KINDS: dict[str, tuple[float, ...]] = {
    "noise": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
    "rotation": (0.0, 9.0, 18.0, 27.0, 36.0, 45.0),
    "thickness": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
}


@dataclass(frozen=True)
class Evaluation:
    """The predictions of a classifier on a labelled set and what follows from them.

    Attributes
    ----------
    probabilities : numpy.ndarray
        float32 (N, K): the model's outputs, one row per image.
    predicted : numpy.ndarray
        int64 (N,): the class with the highest output.
    labels : numpy.ndarray
        int64 (N,): the true classes.
    accuracy : float
        Fraction of images with ``predicted == labels``.
    loss : float
        Mean sparse categorical cross-entropy (plus weight penalties), as ``model.evaluate`` reports it.
    per_class_accuracy : numpy.ndarray
        float64 (K,): accuracy among the images of each true class (NaN for a class with no images).
    confusion : numpy.ndarray
        int64 (K, K): ``confusion[i, j]`` counts images of true class i predicted as j.
    """

    probabilities: np.ndarray
    predicted: np.ndarray
    labels: np.ndarray
    accuracy: float
    loss: float
    per_class_accuracy: np.ndarray
    confusion: np.ndarray

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices (int64) of the images of class ``true`` predicted as ``predicted``, most confident first.

        Confidence is the probability of the predicted class; ties keep index order.
        """
        idx = np.flatnonzero((self.labels == true) & (self.predicted == predicted))
        return self._by_confidence(idx)

    def confident_mistakes(self, k: int) -> np.ndarray:
        """Indices (int64) of at most ``k`` wrongly predicted images, the most confident mistakes first."""
        idx = np.flatnonzero(self.labels != self.predicted)
        return self._by_confidence(idx)[: max(int(k), 0)]

    def confidence(self, indices: np.ndarray) -> np.ndarray:
        """float32 (len(indices),): the probability the model gave its predicted class for those images."""
        indices = np.asarray(indices, np.int64)
        return self.probabilities[indices, self.predicted[indices]]

    def _by_confidence(self, idx: np.ndarray) -> np.ndarray:
        # A stable sort on the negated confidence keeps equal confidences in index order (reproducible).
        order = np.argsort(-self.confidence(idx), kind="stable")
        return idx[order].astype(np.int64)


def _predict(model, x: np.ndarray, batch_size: int, stop: StopToken | None) -> np.ndarray:
    """``model.predict(x)`` one batch at a time, checking ``stop`` between batches.

    Returns float32 (N, K). Each batch goes through ``model.predict`` itself, so the numbers are the ones
    ``model.predict(x, batch_size=batch_size)`` gives; only the chance to give up between batches is new.
    """
    batch_size = min(batch_size, inference_batch_size(model))  # wide convolutions: smaller batches, same numbers
    if stop is None or len(x) <= batch_size:
        if stop is not None:
            stop.raise_if_stopped()
        return np.asarray(model.predict(x, batch_size=batch_size), np.float32)
    parts = []
    for start in range(0, len(x), batch_size):
        stop.raise_if_stopped()  # a superseded evaluation gives the CPU back within one batch
        parts.append(np.asarray(model.predict(x[start:start + batch_size], batch_size=batch_size), np.float32))
    return np.concatenate(parts)


def evaluate_classifier(model, x: np.ndarray, y: np.ndarray, batch_size: int = 256,
                        stop: StopToken | None = None) -> Evaluation:
    """Run ``model`` on every image of ``x`` and compare with the labels ``y``.

    Parameters
    ----------
    model : sandbox.Sequential
        A built classifier whose output is (N, K) probabilities (compiling is not required).
    x : numpy.ndarray
        float32 inputs (N, …) of the model's input shape.
    y : numpy.ndarray
        Integer labels (N,) in 0…K−1.
    batch_size : int
        Images per forward pass (memory, not results).
    stop : StopToken, optional
        Checked between batches: once it is set, :class:`~sandbox.errors.Cancelled` is raised (the caller no
        longer wants the result, e.g. the model changed).

    Returns
    -------
    Evaluation
    """
    labels = np.asarray(y).reshape(-1).astype(np.int64)
    probabilities = _predict(model, x, batch_size, stop)
    n, k = probabilities.shape
    predicted = probabilities.argmax(axis=1).astype(np.int64)
    confusion = np.zeros((k, k), np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    totals = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_class = np.diag(confusion) / totals.astype(np.float64)
    loss = SparseCategoricalCrossentropy()(labels, probabilities) if n else 0.0
    return Evaluation(
        probabilities=probabilities,
        predicted=predicted,
        labels=labels,
        accuracy=float(np.mean(predicted == labels)) if n else 0.0,
        loss=float(loss) + float(model.regularization_loss()),
        per_class_accuracy=per_class,
        confusion=confusion,
    )


def robustness(model, x: np.ndarray, y: np.ndarray, kind: str, levels, seed: int = 0,
               stop: StopToken | None = None) -> list[tuple[float, float]]:
    """Accuracy of ``model`` on copies of ``x`` changed by one kind of distortion, at each level.

    Parameters
    ----------
    model : sandbox.Sequential
        A built classifier (N, K) probabilities.
    x : numpy.ndarray
        float32 images (N, 28, 28, 1) in [0, 1].
    y : numpy.ndarray
        Integer labels (N,).
    kind : str
        ``"noise"`` (standard deviation, 0–1), ``"rotation"`` (largest turn in degrees, 0–180) or
        ``"thickness"`` (largest stroke change, 0–1); see :func:`sandbox.datasets.augment.augment`.
        No shift or other change is applied.
    levels : iterable of float
        The strengths to try; 0 is the unchanged set.
    seed : int
        Each level uses a fresh ``default_rng(seed)``, so the curve is the same on every call.
    stop : StopToken, optional
        Checked before each level and between batches; raises :class:`~sandbox.errors.Cancelled` once set.

    Returns
    -------
    list of (float, float)
        ``(level, accuracy)`` pairs in the order of ``levels``.
    """
    if kind not in ROBUSTNESS_KINDS:
        raise ValueError(f"kind must be one of {', '.join(ROBUSTNESS_KINDS)}, got {kind!r}")
    labels = np.asarray(y).reshape(-1).astype(np.int64)
    curve = []
    for level in levels:
        settings = {"shift": 0.0, "rotation": 0.0, "noise": 0.0, "thickness": 0.0, kind: float(level)}
        if stop is not None:
            stop.raise_if_stopped()
        changed = augment(x, np.random.default_rng(seed), **settings)
        predicted = _predict(model, changed, 256, stop).argmax(axis=1)
        curve.append((float(level), float(np.mean(predicted == labels)) if len(labels) else 0.0))
    return curve


def layer_map(model, x: np.ndarray, layer: int, batch_size: int = 256,
              stop: StopToken | None = None) -> np.ndarray:
    """The PCA map (see :func:`pca_2d`) of one layer's outputs for the images ``x``.

    Parameters
    ----------
    model : sandbox.Sequential
        A built model; only its layers up to ``layer`` run (prediction mode).
    x : numpy.ndarray
        float32 inputs (N, …) of the model's input shape.
    layer : int
        Index into ``model.layers`` whose outputs are mapped.
    batch_size : int
        Images per forward pass (memory, not results).
    stop : StopToken, optional
        Checked between batches; raises :class:`~sandbox.errors.Cancelled` once set.

    Returns
    -------
    numpy.ndarray
        float64 (N, 2), as :func:`pca_2d` of ``model.layer_outputs(x)[layer]`` reshaped to (N, −1).
    """
    if not 0 <= layer < len(model.layers):
        raise IndexError(f"layer must be between 0 and {len(model.layers) - 1}, got {layer}")
    model._ensure_built()
    batch_size = min(batch_size, inference_batch_size(model))
    parts = []
    for start in range(0, len(x), batch_size):
        if stop is not None:
            stop.raise_if_stopped()
        h = model.prepare_inputs(x[start:start + batch_size])
        for current in model.layers[:layer + 1]:  # the layers after the mapped one are not needed
            h = current.forward(h, False)
        parts.append(h.reshape(len(h), -1))
    if stop is not None:
        stop.raise_if_stopped()
    features = np.concatenate(parts) if parts else np.zeros((0, 0), np.float32)
    return pca_2d(features)


def pca_2d(features: np.ndarray) -> np.ndarray:
    """Project points onto their two directions of largest variance.

    Parameters
    ----------
    features : numpy.ndarray
        (N, D) numbers, e.g. one layer's outputs reshaped to (N, −1).

    Returns
    -------
    numpy.ndarray
        float64 (N, 2). Axis 0 carries the most variance. Each axis's sign is chosen so that its
        largest-magnitude coordinate is positive, so the same data always gives the same picture.
        Missing axes (D < 2 or N < 2) are zeros.
    """
    data = np.asarray(features, np.float64)
    data = data.reshape(len(data), -1)
    out = np.zeros((len(data), 2), np.float64)
    if len(data) < 2 or data.shape[1] == 0:
        return out
    centred = data - data.mean(axis=0)
    # The SVD centred = U S Vᵀ gives the scores U S. They are found from the smaller of the two Gram
    # matrices (N×N or D×D), whose eigenvectors are U or V: several times faster than a full SVD of a
    # (500, 6272) convolution output, and the same two axes up to sign, which the rule below fixes.
    if centred.shape[1] > len(centred):
        values, vectors = np.linalg.eigh(centred @ centred.T)
        top = np.argsort(values)[::-1][:2]
        scores = vectors[:, top] * np.sqrt(np.clip(values[top], 0.0, None))
    else:
        values, vectors = np.linalg.eigh(centred.T @ centred)
        top = np.argsort(values)[::-1][:2]
        scores = centred @ vectors[:, top]
    for axis in range(scores.shape[1]):
        column = scores[:, axis]
        if column[np.argmax(np.abs(column))] < 0:
            column *= -1
        out[:, axis] = column
    return out
