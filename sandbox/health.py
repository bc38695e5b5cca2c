"""Health of a network over time: weight and gradient histograms, dead ReLU units and plain warnings.

:func:`probe` runs the engine's own forward and backward pass on a fixed batch of training images, on a
copy of the model (same dtype, prediction mode, so Dropout is off), and summarises every layer that has
weights in a :class:`HealthSnapshot`: a histogram of its weights, a histogram of ``log10 |gradient|``,
norms and means, and for every ReLU layer the share of units that never fire on the batch. The learner's
model, its weights and its optimizer are never touched.

:func:`diagnose` looks at a series of snapshots, the per-epoch history and the recent per-batch losses
and gradient norms, and returns :class:`Finding` records (exploding or vanishing gradients, dead units,
overfitting, a loss that rises or is stuck high, slow learning). Each threshold is a named constant below
with the reason for its value. The app turns each finding's ``code`` and ``numbers`` into a sentence.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import losses as _losses
from .callbacks import StopToken
from .errors import LayerArgumentError
from .model import Sequential

__all__ = ["GRAD_LOG_EDGES", "Finding", "HealthSnapshot", "LayerHealth", "diagnose", "pick_probe", "probe"]

#: Probe batch size: 128 images keep one probe of the small CNN near 30 ms on two cores (256 took ~50 ms)
#: and are enough for a stable dead-unit count.
PROBE_SIZE = 128
#: Bins of each weight histogram. Odd, so that 0 sits in the middle of the centre bin.
WEIGHT_BINS = 41
#: Edges of every gradient histogram, in ``log10 |g|``: gradients spread over many orders of magnitude, so
#: a log scale shows vanishing (mass sliding left) and exploding (mass sliding right) at a glance. The edges
#: are common to all layers and snapshots so that histograms can be compared over time; values outside are
#: counted in the first or last bin.
GRAD_LOG_EDGES = np.linspace(-12.0, 4.0, 33)

#: Batches in the moving mean of the loss: one batch's loss is noisy, twenty are steady enough to compare.
LOSS_SMOOTH = 20
#: "Rising": the recent mean loss is this many times its best earlier mean …
RISE_FACTOR = 1.5
#: … and at least this much higher in absolute terms (near zero, small wiggles are large ratios).
RISE_MIN = 0.1
#: "Stuck high": a mean cross-entropy above this is far worse than guessing (log 10 ≈ 2.3 for ten classes);
#: Keras clips probabilities to 1e-7, so a model that is confidently wrong everywhere sits near
#: −log(1e-7) ≈ 16.1 instead of reaching infinity, and its gradients are then exactly zero.
STUCK_HIGH_LOSS = 10.0
#: Fewest batches before a stuck loss is judged from batches rather than from the latest snapshot.
STUCK_MIN_BATCHES = 10
#: Window (batches) over which gradient-norm growth is measured, as two halves compared by their medians.
EXPLODE_WINDOW = 20
#: "Exploding": the median gradient norm of the recent half grew this many times over the half before.
EXPLODE_GROWTH = 10.0
#: "Too large": a gradient norm above this is far beyond the 0.01–10 a healthy classifier of 0…1 images
#: shows (the mean over a batch of softmax cross-entropy gradients is small unless the weights blew up).
EXPLODE_NORM = 100.0
#: "Vanishing": the first layer's gradient norm below this fraction of the last layer's …
VANISH_RATIO = 1e-3
#: … in each of the latest this many snapshots (one probe of 128 images is already an average, so fewer
#: snapshots are accepted while there are fewer).
VANISH_SUSTAIN = 3
#: "Dead units": at least this share of a ReLU layer's units never fire; a few dead units are normal.
DEAD_SHARE = 0.5
#: "Overfitting": the validation loss rose in each of this many consecutive epochs while the loss fell.
OVERFIT_EPOCHS = 2
#: "Overfitting": training accuracy this much (0.10 = 10 points) above validation accuracy.
OVERFIT_GAP = 0.10
#: "Slow": over this many batches …
SLOW_WINDOW = 200
#: … the mean loss fell by less than this fraction …
SLOW_MIN_DROP = 0.05
#: … while still above this loss (below it, a flat loss means the network has learnt, not that it is slow).
SLOW_MIN_LOSS = 0.5


@dataclass(frozen=True)
class LayerHealth:
    """One layer with weights, as one probe saw it.

    Attributes
    ----------
    name, class_name : str
    n_weights : int
        Number of weights (kernel and bias together).
    weight_counts : ndarray
        int64 (WEIGHT_BINS,): histogram of all the layer's finite weights (kernel and bias together).
    weight_edges : ndarray
        float64 (WEIGHT_BINS + 1,): symmetric edges ``[-m, m]`` with ``m`` the largest ``|w|`` of this layer
        in this snapshot (1 if all are zero), so the histogram always fills its axis.
    weight_nonfinite : int
        Weights that are NaN or infinite (not in the histogram).
    grad_counts : ndarray
        int64 (len(GRAD_LOG_EDGES) − 1,): histogram of ``log10 |g|`` over :data:`GRAD_LOG_EDGES` for the
        nonzero finite gradients; values outside the edges are counted in the first or last bin.
    grad_zeros, grad_nonfinite : int
        Gradients exactly 0 and gradients NaN or infinite (not in the histogram), so that
        ``grad_counts.sum() + grad_zeros + grad_nonfinite == n_weights``.
    weight_norm, weight_mean, weight_std : float
        L2 norm, mean and standard deviation of the weights.
    grad_norm, grad_mean_abs : float
        L2 norm and mean of ``|g|`` of the gradients on the probe batch.
    relu_units : int
        Units whose output goes through a ReLU: the last axis of the layer's output, so one per Dense unit,
        one per Conv2D filter (channel); 0 when the layer has no ReLU.
    dead_units : int
        Of those, units whose output is ≤ 0 for every probe example (for a filter: at every position).
    """

    name: str
    class_name: str
    n_weights: int
    weight_counts: np.ndarray
    weight_edges: np.ndarray
    weight_nonfinite: int
    grad_counts: np.ndarray
    grad_zeros: int
    grad_nonfinite: int
    weight_norm: float
    weight_mean: float
    weight_std: float
    grad_norm: float
    grad_mean_abs: float
    relu_units: int = 0
    dead_units: int = 0

    @property
    def dead_share(self) -> float | None:
        """Share of ReLU units that never fire, or None when this layer has no ReLU."""
        return self.dead_units / self.relu_units if self.relu_units else None


@dataclass(frozen=True)
class HealthSnapshot:
    """One probe of the whole network.

    Attributes
    ----------
    epoch : int
        Epochs done when the probe was taken.
    step : int
        Optimizer steps (batches) done when the probe was taken.
    loss : float
        Loss on the probe batch (with weight penalties), as training computes it.
    grad_norm : float
        L2 norm of all gradients on the probe batch.
    finite : bool
        Loss, weights and gradients are all finite.
    probe_size : int
        Examples in the probe batch.
    layers : tuple of LayerHealth
        Every layer with weights, in forward order. Activation("relu") layers have no weights: their dead
        units are counted on the nearest layer with weights before them.
    """

    epoch: int
    step: int
    loss: float
    grad_norm: float
    finite: bool
    probe_size: int
    layers: tuple[LayerHealth, ...] = field(default_factory=tuple)

    def layer(self, name: str) -> LayerHealth:
        """The :class:`LayerHealth` of the layer named ``name``."""
        for item in self.layers:
            if item.name == name:
                return item
        raise LayerArgumentError("health.no_layer", layer=name)


@dataclass(frozen=True)
class Finding:
    """Something that looks wrong (or worth knowing).

    Attributes
    ----------
    code : str
        ``"not_finite"``, ``"loss_stuck_high"``, ``"exploding_gradients"``, ``"large_gradients"``,
        ``"loss_rising"``, ``"vanishing_gradients"``, ``"dead_units"``, ``"overfitting_val_loss"``,
        ``"overfitting_gap"`` or ``"slow_learning"``.
    severity : str
        ``"warning"`` or ``"info"``.
    layer : str or None
        The layer concerned, if one.
    numbers : dict of str to float
        The measured values a message can quote (keys depend on ``code``; see :func:`diagnose`).
    """

    code: str
    severity: str
    layer: str | None
    numbers: dict[str, float]


# ---- probing -------------------------------------------------------------------------------------
def pick_probe(x: np.ndarray, y: np.ndarray, size: int = PROBE_SIZE, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A fixed random batch of ``size`` examples (all if fewer), the same for the same data and seed.

    Parameters
    ----------
    x : ndarray
        Inputs (N, …), e.g. float32 (N, 28, 28, 1).
    y : ndarray
        Targets (N, …).

    Returns
    -------
    (ndarray, ndarray)
        Copies of ``size`` rows of ``x`` and ``y``, in their original order.
    """
    n = len(x)
    if n <= size:
        return np.array(x), np.array(y)
    index = np.sort(np.random.default_rng(seed).choice(n, size, replace=False))
    return x[index].copy(), y[index].copy()


def _copy(model: Sequential, loss: _losses.Loss) -> Sequential:
    # copy() skips drawing initial weights that set_flat_weights would overwrite at once (seconds for 20 M weights).
    net = model.copy()
    net._ensure_built()  # an unbuilt model's copy draws the same initial weights from the same seed
    net.compile(optimizer="sgd", loss=loss)  # the optimizer is never used: nothing is updated
    for mine, theirs in zip(net.layers, model.layers, strict=True):
        mine.trainable = theirs.trainable
    return net


def _is_relu(layer: Any) -> bool:
    activation = getattr(layer, "activation", None)
    return activation is not None and activation.name == "relu"


def _weight_histogram(w: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    finite = w[np.isfinite(w)]
    top = float(np.abs(finite).max()) if finite.size else 0.0
    edges = np.linspace(-(top or 1.0), top or 1.0, WEIGHT_BINS + 1)
    counts, _ = np.histogram(finite, bins=edges)
    return counts.astype(np.int64), edges, int(w.size - finite.size)


def _grad_histogram(g: np.ndarray) -> tuple[np.ndarray, int, int]:
    finite = np.isfinite(g)
    nonzero = g[finite & (g != 0)]
    logs = np.clip(np.log10(np.abs(nonzero)), GRAD_LOG_EDGES[0], GRAD_LOG_EDGES[-1])
    counts, _ = np.histogram(logs, bins=GRAD_LOG_EDGES)
    return counts.astype(np.int64), int(np.count_nonzero(finite) - nonzero.size), int(g.size - np.count_nonzero(finite))


def _norm(a: np.ndarray) -> float:
    with np.errstate(over="ignore", invalid="ignore"):
        return math.sqrt(float(np.dot(a, a))) if a.size else 0.0


def probe(model: Sequential, x: np.ndarray, y: np.ndarray, loss: Any = None, *, epoch: int = 0,
          step: int = 0, stop: StopToken | None = None) -> HealthSnapshot:
    """Forward and backward on a copy of ``model`` for one batch, summarised per layer.

    Parameters
    ----------
    model : Sequential
        Built; never modified (weights, optimizer and layer caches stay as they are).
    x : ndarray
        The probe batch (B, *input_shape), any float dtype (cast to the model's), e.g. from :func:`pick_probe`.
    y : ndarray
        Its targets (B,) int for sparse losses.
    loss : Loss or str, optional
        Default: the model's compiled loss, else sparse categorical cross-entropy.
    epoch, step : int
        Epochs and optimizer steps done, stored in the snapshot.
    stop : StopToken, optional
        Checked after the copy and between the forward and the backward pass; raises
        :class:`~sandbox.errors.Cancelled` once set (the probe is no longer wanted).

    Returns
    -------
    HealthSnapshot
        The gradients are the ones ``model.compute_gradients(x, y, training=False)`` computes.
    """
    if loss is not None:
        loss_fn = _losses.get(loss)
    else:
        loss_fn = model.loss if model.loss is not None else _losses.SparseCategoricalCrossentropy()
    stop = stop or StopToken()
    net = _copy(model, loss_fn)
    stop.raise_if_stopped()
    xb = net.prepare_inputs(x)
    relu_outputs: dict[int, np.ndarray] = {}  # layer index → "fired" per unit (last axis), bool
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        h = xb
        for index, layer in enumerate(net.layers):
            h = layer.forward(h, False)
            if _is_relu(layer):
                relu_outputs[index] = np.any(h.reshape(-1, h.shape[-1]) > 0, axis=0)
        stop.raise_if_stopped()
        data_loss, dy = net.loss.forward_backward(y, h)
        net.backward(dy)
        total = float(data_loss + net.regularization_loss())
    # An Activation("relu") layer's units are reported on the nearest layer with weights before it.
    owner: dict[int, int] = {}
    last_weighted = None
    for index, layer in enumerate(net.layers):
        if layer.params:
            last_weighted = index
        if index in relu_outputs and last_weighted is not None:
            owner.setdefault(last_weighted, index)
    flat_w, flat_g = net._flat, net._flat_grad
    layers = []
    for index, layer in enumerate(net.layers):
        if not layer.params:
            continue
        ranges = [(a, b) for lay, a, b in net._layer_segments if lay is layer]
        w = np.concatenate([flat_w[a:b] for a, b in ranges]).astype(np.float64)
        g = np.concatenate([flat_g[a:b] for a, b in ranges]).astype(np.float64)
        w_counts, w_edges, w_bad = _weight_histogram(w)
        g_counts, g_zeros, g_bad = _grad_histogram(g)
        fired = relu_outputs.get(owner.get(index, -1))
        with np.errstate(over="ignore", invalid="ignore"):
            layers.append(LayerHealth(
                name=layer.name, class_name=type(layer).__name__, n_weights=int(w.size),
                weight_counts=w_counts, weight_edges=w_edges, weight_nonfinite=w_bad,
                grad_counts=g_counts, grad_zeros=g_zeros, grad_nonfinite=g_bad,
                weight_norm=_norm(w), weight_mean=float(w.mean()), weight_std=float(w.std()),
                grad_norm=_norm(g), grad_mean_abs=float(np.abs(g).mean()),
                relu_units=0 if fired is None else int(fired.size),
                dead_units=0 if fired is None else int(fired.size - np.count_nonzero(fired)),
            ))
    grad_norm = _norm(flat_g.astype(np.float64))
    finite = bool(math.isfinite(total) and math.isfinite(grad_norm) and np.all(np.isfinite(flat_w)))
    return HealthSnapshot(epoch=int(epoch), step=int(step), loss=total, grad_norm=grad_norm, finite=finite,
                          probe_size=len(xb), layers=tuple(layers))


# ---- diagnosing ----------------------------------------------------------------------------------
def _moving_means(values: np.ndarray, width: int) -> np.ndarray:
    """Means of every window of ``width`` consecutive values, float64 (len − width + 1,)."""
    sums = np.cumsum(np.concatenate([[0.0], values]))
    return (sums[width:] - sums[:-width]) / width


def _gradient_findings(grad_norms: np.ndarray, batch_losses: np.ndarray,
                       latest: HealthSnapshot | None) -> list[Finding]:
    recent_g, recent_l = grad_norms[-EXPLODE_WINDOW:], batch_losses[-EXPLODE_WINDOW:]
    bad = int(np.count_nonzero(~np.isfinite(recent_g))) if recent_g.size else 0
    bad = max(bad, int(np.count_nonzero(~np.isfinite(recent_l))) if recent_l.size else 0)
    if bad or (latest is not None and not latest.finite):
        return [Finding("not_finite", "warning", None,
                        {"count": float(bad), "batches": float(max(len(recent_g), len(recent_l)))})]
    if grad_norms.size >= EXPLODE_WINDOW:
        half = EXPLODE_WINDOW // 2
        before, now = float(np.median(grad_norms[-EXPLODE_WINDOW:-half])), float(np.median(grad_norms[-half:]))
        if before > 0 and now > EXPLODE_GROWTH * before:
            return [Finding("exploding_gradients", "warning", None,
                            {"growth": now / before, "before": before, "norm": now, "batches": float(EXPLODE_WINDOW)})]
    now = float(np.median(grad_norms[-EXPLODE_WINDOW // 2:])) if grad_norms.size else \
        (latest.grad_norm if latest is not None else 0.0)
    if now > EXPLODE_NORM:
        return [Finding("large_gradients", "warning", None, {"norm": now, "limit": EXPLODE_NORM})]
    return []


def _loss_findings(batch_losses: np.ndarray, latest: HealthSnapshot | None) -> list[Finding]:
    if batch_losses.size >= STUCK_MIN_BATCHES:
        recent = float(batch_losses[-LOSS_SMOOTH:].mean())
    elif latest is not None:
        recent = latest.loss
    else:
        return []
    if recent >= STUCK_HIGH_LOSS:
        return [Finding("loss_stuck_high", "warning", None, {"loss": recent, "limit": STUCK_HIGH_LOSS})]
    if batch_losses.size >= 2 * LOSS_SMOOTH:
        means = _moving_means(batch_losses, LOSS_SMOOTH)
        best = float(means[:-LOSS_SMOOTH].min())  # windows that end before the recent one starts
        if recent > RISE_FACTOR * best and recent - best > RISE_MIN:
            return [Finding("loss_rising", "warning", None,
                            {"loss": recent, "best": best, "batches": float(LOSS_SMOOTH)})]
    if batch_losses.size >= SLOW_WINDOW:
        window = batch_losses[-SLOW_WINDOW:]
        before, after = float(window[:LOSS_SMOOTH].mean()), float(window[-LOSS_SMOOTH:].mean())
        if after > SLOW_MIN_LOSS and before - after < SLOW_MIN_DROP * before:
            return [Finding("slow_learning", "info", None,
                            {"before": before, "loss": after, "batches": float(SLOW_WINDOW)})]
    return []


def _dead_findings(latest: HealthSnapshot) -> list[Finding]:
    found = []
    for item in latest.layers:
        share = item.dead_share
        if share is not None and share >= DEAD_SHARE:
            found.append(Finding("dead_units", "warning", item.name,
                                 {"share": share, "dead": float(item.dead_units), "units": float(item.relu_units),
                                  "probe": float(latest.probe_size)}))
    return found


def _vanishing_findings(snapshots: Sequence[HealthSnapshot]) -> list[Finding]:
    recent = list(snapshots[-VANISH_SUSTAIN:])
    if not recent:
        return []
    ratios = []
    for snap in recent:
        if len(snap.layers) < 2 or not snap.layers[-1].grad_norm > 0:
            return []
        ratio = snap.layers[0].grad_norm / snap.layers[-1].grad_norm
        if not ratio < VANISH_RATIO:
            return []
        ratios.append(ratio)
    latest = recent[-1]
    return [Finding("vanishing_gradients", "warning", latest.layers[0].name,
                    {"ratio": max(ratios), "first": latest.layers[0].grad_norm, "last": latest.layers[-1].grad_norm,
                     "snapshots": float(len(recent))})]


def _overfitting_findings(history: Mapping[str, Sequence[float]]) -> list[Finding]:
    loss, val_loss = list(history.get("loss", [])), list(history.get("val_loss", []))
    n = OVERFIT_EPOCHS + 1
    if len(val_loss) >= n and len(loss) >= n:
        v, t = val_loss[-n:], loss[-n:]
        if all(b > a for a, b in itertools.pairwise(v)) and t[-1] < t[0]:
            return [Finding("overfitting_val_loss", "warning", None,
                            {"epochs": float(OVERFIT_EPOCHS), "before": v[0], "val_loss": v[-1],
                             "best_epoch": float(int(np.nanargmin(val_loss)) + 1)})]
    acc, val_acc = list(history.get("accuracy", [])), list(history.get("val_accuracy", []))
    if acc and val_acc and acc[-1] - val_acc[-1] > OVERFIT_GAP:
        return [Finding("overfitting_gap", "warning", None,
                        {"accuracy": acc[-1], "val_accuracy": val_acc[-1], "gap": 100.0 * (acc[-1] - val_acc[-1])})]
    return []


def diagnose(snapshots: Sequence[HealthSnapshot], history: Mapping[str, Sequence[float]] | None = None,
             batch_losses: Sequence[float] = (), grad_norms: Sequence[float] = ()) -> list[Finding]:
    """What looks wrong, most urgent first.

    Parameters
    ----------
    snapshots : sequence of HealthSnapshot
        Oldest first; the latest is used for dead units, the last :data:`VANISH_SUSTAIN` for vanishing
        gradients.
    history : mapping of str to sequence of float, optional
        Per-epoch logs (``loss``, ``val_loss``, ``accuracy``, ``val_accuracy``), oldest first.
    batch_losses : sequence of float
        Recent per-batch losses (``BatchProgress.batch_loss``), oldest first.
    grad_norms : sequence of float
        Recent per-batch global gradient norms (``BatchProgress.grad_norm``), oldest first.

    Returns
    -------
    list of Finding
        At most one finding about gradient size (``not_finite``, ``exploding_gradients`` or
        ``large_gradients``), at most one about the loss (``loss_stuck_high``, ``loss_rising`` or
        ``slow_learning``, the last only if nothing else is found), one ``dead_units`` per layer,
        ``vanishing_gradients`` (only when no layer has dead units, which explain it), and at most one about
        overfitting. Numbers: ``not_finite`` {count, batches}; ``exploding_gradients`` {growth, before, norm,
        batches}; ``large_gradients`` {norm, limit}; ``loss_stuck_high`` {loss, limit}; ``loss_rising`` {loss,
        best, batches}; ``slow_learning`` {before, loss, batches}; ``dead_units`` {share, dead, units, probe};
        ``vanishing_gradients`` {ratio, first, last, snapshots}; ``overfitting_val_loss`` {epochs, before,
        val_loss, best_epoch (from 1)}; ``overfitting_gap`` {accuracy, val_accuracy, gap (points)}.
    """
    latest = snapshots[-1] if snapshots else None
    losses = np.asarray(batch_losses, np.float64).reshape(-1)
    norms = np.asarray(grad_norms, np.float64).reshape(-1)
    findings = _gradient_findings(norms, losses, latest)
    broken = bool(findings) and findings[0].code == "not_finite"
    loss_findings = [] if broken else _loss_findings(losses[np.isfinite(losses)], latest)
    dead = _dead_findings(latest) if latest is not None and not broken else []
    findings += [f for f in loss_findings if f.code != "slow_learning"]
    findings += dead
    if not dead and not broken:
        findings += _vanishing_findings(snapshots)
    findings += _overfitting_findings(history or {})
    if not findings:
        findings += [f for f in loss_findings if f.code == "slow_learning"]
    return findings
