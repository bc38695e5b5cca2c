"""Records of training runs, for comparing them side by side and reopening one's model.

A :class:`RunRecord` holds what one run was (network and training settings as immutable specs),
what it did (its own per-epoch logs and a bounded, downsampled per-batch loss curve), how it ended,
and its final weights so the app can put that model back. The helpers here are pure NumPy: the app's
session fills the records from its training signals, the runs panel only displays them.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import FileFormatError, SandboxError
from .presets import PRESETS
from .spec import LayerSpec, NetworkSpec, TrainingSpec

__all__ = ["CSV_COLUMNS", "END_REASONS", "EPOCH_KEYS", "LossCurve", "ModelSnapshot", "RunRecord", "best_run",
           "drop_old_weights", "layer_summary", "preset_id", "runs_csv"]

#: The per-epoch logs a run keeps (Keras's names).
EPOCH_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
#: How a run can end (``"running"`` while it trains).
END_REASONS = ("running", "finished", "stopped", "diverged", "error")
#: Short names of layers in :func:`layer_summary`.
_SHORT = {"MaxPooling2D": "MaxPool", "AveragePooling2D": "AvgPool", "BatchNormalization": "BatchNorm"}


def preset_id(spec: NetworkSpec) -> str | None:
    """The id of the preset ``spec`` is exactly (``"small-cnn"``), or None for a custom network."""
    return next((p.id for p in PRESETS.values() if NetworkSpec.from_preset(p.id) == spec), None)


def _short_label(layer: LayerSpec) -> str | None:
    c = layer.config
    if layer.class_name == "Flatten":
        return None  # no weights, no choice to compare: it only reshapes
    if layer.class_name == "Dense" and "units" in c:
        return f"Dense {c['units']}"
    if layer.class_name == "Conv2D" and "filters" in c:
        return f"Conv2D {c['filters']}"
    if layer.class_name == "Dropout" and "rate" in c:
        return f"Dropout {c['rate']:g}"
    if layer.class_name == "Activation" and "activation" in c:
        return str(c["activation"])
    return _SHORT.get(layer.class_name, layer.class_name)


def layer_summary(spec: NetworkSpec) -> str:
    """One line naming the layers, e.g. ``"Conv2D 8 → MaxPool → Conv2D 16 → MaxPool → Dense 10"``.

    Flatten is left out: it has no weights and no setting that tells two networks apart.
    """
    return " → ".join(label for label in map(_short_label, spec.layers) if label is not None)


class LossCurve:
    """A per-batch loss curve that never holds more than ``max_points`` points.

    Batches are averaged in buckets of ``stride`` batches; whenever the curve fills up, neighbouring
    points are averaged in pairs and the stride doubles, so each point is always the exact mean of
    the same number of batches (the last, partly filled bucket excepted). Non-finite losses (a
    diverging run) are left out so they cannot break a plot's autorange.

    Parameters
    ----------
    max_points : int
        Upper bound of :meth:`arrays`' length; an even number of at least 2.
    """

    def __init__(self, max_points: int = 2000) -> None:
        if max_points < 2 or max_points % 2:
            raise ValueError(f"max_points must be an even number of at least 2, got {max_points}")
        self.max_points = max_points
        self.stride = 1
        self._x: list[float] = []
        self._y: list[float] = []
        self._sum_x = self._sum_y = 0.0
        self._count = 0

    def add(self, x: float, y: float) -> None:
        """Add one batch at position ``x`` (epochs since the run started) with loss ``y``."""
        if not (math.isfinite(x) and math.isfinite(y)):
            return
        self._sum_x += x
        self._sum_y += y
        self._count += 1
        if self._count < self.stride:
            return
        self._x.append(self._sum_x / self._count)
        self._y.append(self._sum_y / self._count)
        self._sum_x = self._sum_y = 0.0
        self._count = 0
        if len(self._x) + 1 > self.max_points:  # keep room for the partial bucket
            x2 = np.asarray(self._x, np.float64)
            y2 = np.asarray(self._y, np.float64)
            even = len(x2) - len(x2) % 2
            self._x = [*((x2[:even:2] + x2[1:even:2]) / 2), *x2[even:]]
            self._y = [*((y2[:even:2] + y2[1:even:2]) / 2), *y2[even:]]
            self.stride *= 2

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """``(x, y)``, float64 (n,) with n ≤ ``max_points``; the partial last bucket is its mean so far."""
        x, y = list(self._x), list(self._y)
        if self._count:
            x.append(self._sum_x / self._count)
            y.append(self._sum_y / self._count)
        return np.asarray(x, np.float64), np.asarray(y, np.float64)

    def to_dict(self, max_points: int | None = None) -> dict[str, Any]:
        """JSON-safe form ``{"x": [...], "y": [...], "stride": int}``, at most ``max_points`` points.

        Neighbouring points are averaged in pairs (the stride doubling as in :meth:`add`) until the curve
        fits, so a saved curve stays the same shape at a coarser resolution. The partial last bucket is
        saved as an ordinary point.
        """
        x, y = self.arrays()
        stride = self.stride
        limit = self.max_points if max_points is None else max(2, int(max_points))
        while len(x) > limit:
            even = len(x) - len(x) % 2
            x = np.concatenate([(x[:even:2] + x[1:even:2]) / 2, x[even:]])
            y = np.concatenate([(y[:even:2] + y[1:even:2]) / 2, y[even:]])
            stride *= 2
        return {"x": x.tolist(), "y": y.tolist(), "stride": stride}

    @classmethod
    def from_dict(cls, data: Any, max_points: int = 2000) -> LossCurve:
        """Inverse of :meth:`to_dict`; raises FileFormatError if ``data`` is not such a curve."""
        if not isinstance(data, dict):
            raise FileFormatError("runs.bad_curve")
        x, y, stride = _floats(data.get("x"), "x"), _floats(data.get("y"), "y"), data.get("stride")
        if len(x) != len(y) or len(x) > max_points:
            raise FileFormatError("runs.curve_lengths", max_points=max_points)
        if not isinstance(stride, int) or isinstance(stride, bool) or not 1 <= stride <= 1 << 40:
            raise FileFormatError("runs.bad_stride", stride=stride)
        curve = cls(max_points)
        curve._x, curve._y, curve.stride = x, y, stride
        return curve


def _floats(values: Any, what: str) -> list[float]:
    """``values`` as a list of finite floats, or FileFormatError naming ``what``."""
    if not isinstance(values, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise FileFormatError("runs.not_numbers", what=what)
    return [float(v) for v in values]


def _int(value: Any, what: str, low: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise FileFormatError("runs.bad_int", what=what, low=low, value=value)
    return value


@dataclass(frozen=True, eq=False)
class ModelSnapshot:
    """Everything that makes a model "the current one" in the app, for an undoable swap.

    Attributes
    ----------
    network : NetworkSpec
    training : TrainingSpec
    flat_weights : np.ndarray or None
        float32 (P,), P = ``network.count_params()``; a private copy. None when the network does not fit
        together (it has no weights).
    epochs_done : int
    history : dict of str to list of float
        Per-epoch logs, as the session keeps them.
    optimizer_state : dict of str to np.ndarray or None
        The optimizer's slots (None: the optimizer starts afresh).
    optimizer_key : tuple or None
        What the slots belong to (optimizer, its options, loss).
    """

    network: NetworkSpec
    training: TrainingSpec
    flat_weights: np.ndarray | None
    epochs_done: int
    history: dict[str, list[float]]
    optimizer_state: dict[str, np.ndarray] | None = None
    optimizer_key: tuple | None = None

    @property
    def nbytes(self) -> int:
        """Bytes held by the weights and the optimizer's slots (the rest is small)."""
        total = 0 if self.flat_weights is None else int(self.flat_weights.nbytes)
        return total + sum(int(a.nbytes) for a in (self.optimizer_state or {}).values())


@dataclass(eq=False)
class RunRecord:
    """One training run: from Train (or Step) until training ended, pauses included.

    Attributes
    ----------
    number : int
        The run's number in the session (``Run 3``).
    label : str
        The label the loss plot shows for it.
    network : NetworkSpec
    preset : str or None
        The preset's id (``"mlp"``), or None for a custom network.
    layers : str
        :func:`layer_summary` of the network.
    params : int
        Number of weights.
    training : TrainingSpec
        The settings when the run started (live changes of the learning rate: see ``final_learning_rate``).
    start_epoch : int
        Epochs the weights had already been trained when the run started.
    epoch_logs : list of dict of str to float
        The run's own per-epoch logs (``loss``, ``accuracy``, ``val_loss``, ``val_accuracy``), in order.
    epoch_stopped : list of bool
        Per entry of ``epoch_logs``: the epoch was cut short by Stop (its logs cover part of the data).
    batch_loss : LossCurve
        x in epochs since the run started, y the batch's loss.
    final_learning_rate : float or None
        The learning rate of the last batch (differs from ``training.learning_rate`` if changed live).
    wall_time : float
        Seconds spent training (time.monotonic), paused time excluded.
    end_reason : str
        ``"running"``, then ``"finished"``, ``"stopped"``, ``"diverged"`` or ``"error"``.
    end_state : ModelSnapshot or None
        The model as the run left it (for a diverged run: the last weights before the loss blew up);
        None while running, and once dropped to save memory (:func:`drop_old_weights`).
    """

    number: int
    label: str
    network: NetworkSpec
    preset: str | None
    layers: str
    params: int
    training: TrainingSpec
    start_epoch: int = 0
    epoch_logs: list[dict[str, float]] = field(default_factory=list)
    epoch_stopped: list[bool] = field(default_factory=list)
    batch_loss: LossCurve = field(default_factory=LossCurve)
    final_learning_rate: float | None = None
    wall_time: float = 0.0
    end_reason: str = "running"
    end_state: ModelSnapshot | None = None

    @classmethod
    def start(cls, number: int, label: str, network: NetworkSpec, training: TrainingSpec,
              start_epoch: int) -> RunRecord:
        """A new record for a run that is starting."""
        return cls(number, label, network, preset_id(network), layer_summary(network), network.count_params(),
                   training, start_epoch)

    # ---- filling in ------------------------------------------------------------------------------
    def add_batch(self, epoch: int, step: int, steps: int, loss: float, learning_rate: float) -> None:
        """One batch: ``epoch`` counted as the engine does (from 0, over the whole history), ``step`` from 1."""
        self.batch_loss.add(epoch - self.start_epoch + step / max(steps, 1), loss)
        self.final_learning_rate = float(learning_rate)

    def add_epoch(self, logs: dict[str, float], stopped: bool = False) -> None:
        """The end of one epoch with its logs (only :data:`EPOCH_KEYS` are kept)."""
        self.epoch_logs.append({k: float(v) for k, v in logs.items() if k in EPOCH_KEYS})
        self.epoch_stopped.append(bool(stopped))

    # ---- reading ---------------------------------------------------------------------------------
    @property
    def epochs_done(self) -> int:
        """Complete epochs trained in this run."""
        return self.epoch_stopped.count(False)

    @property
    def has_weights(self) -> bool:
        """The final weights are still kept, so the run's model can be reopened."""
        return self.end_state is not None

    @property
    def learning_rate_changed(self) -> bool:
        """The learning rate was changed while the run trained."""
        return self.final_learning_rate is not None and not math.isclose(
            self.final_learning_rate, self.training.learning_rate, rel_tol=1e-6)

    def final(self, key: str) -> float:
        """The last logged value of ``key`` in this run (NaN if none)."""
        return next((logs[key] for logs in reversed(self.epoch_logs) if key in logs), math.nan)

    def series(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Per-epoch values of ``key``: x = epochs since the run started (1, 2, …), both float64 (n,)."""
        points = [(i + 1.0, logs[key]) for i, logs in enumerate(self.epoch_logs) if key in logs]
        if not points:
            return np.zeros(0, np.float64), np.zeros(0, np.float64)
        x, y = zip(*points, strict=True)
        return np.asarray(x, np.float64), np.asarray(y, np.float64)

    # ---- saving ------------------------------------------------------------------------------------
    def to_dict(self, max_points: int | None = None) -> dict[str, Any]:
        """JSON-safe form of everything but the weights (``end_state`` is not saved).

        Non-finite logs (a diverged epoch) become None, as JSON has no NaN; the per-batch curve is
        thinned to ``max_points`` points (see :meth:`LossCurve.to_dict`).
        """
        return {
            "number": self.number, "label": self.label, "network": self.network.to_dict(),
            "training": self.training.to_dict(), "start_epoch": self.start_epoch,
            "epoch_logs": [{k: v if math.isfinite(v) else None for k, v in logs.items()} for logs in self.epoch_logs],
            "epoch_stopped": list(self.epoch_stopped), "batch_loss": self.batch_loss.to_dict(max_points),
            "final_learning_rate": self.final_learning_rate, "wall_time": self.wall_time,
            "end_reason": self.end_reason,
        }

    @classmethod
    def from_dict(cls, data: Any) -> RunRecord:
        """Inverse of :meth:`to_dict`, without weights (``has_weights`` is False).

        The preset, layer summary and weight count are worked out again from the network rather than
        trusted from the file.

        Raises
        ------
        FileFormatError
            If ``data`` is not a run as :meth:`to_dict` writes it.
        """
        if not isinstance(data, dict):
            raise FileFormatError("runs.not_dict")
        try:
            network = NetworkSpec.from_dict(data.get("network"))
            training = TrainingSpec.from_dict(data.get("training"))
            params = network.count_params()
        except SandboxError as exc:
            raise FileFormatError("runs.bad_spec", problem=exc) from exc
        label = data.get("label")
        logs, stopped = data.get("epoch_logs"), data.get("epoch_stopped")
        if not isinstance(label, str) or not isinstance(logs, list) or not isinstance(stopped, list) \
                or len(logs) != len(stopped) or not all(isinstance(b, bool) for b in stopped):
            raise FileFormatError("runs.bad_logs")
        epoch_logs = []
        for entry in logs:
            if not isinstance(entry, dict) or not set(entry) <= set(EPOCH_KEYS):
                raise FileFormatError("runs.bad_log_keys", names=', '.join(EPOCH_KEYS))
            epoch_logs.append({k: math.nan if v is None else _floats([v], k)[0] for k, v in entry.items()})
        final_lr = data.get("final_learning_rate")
        wall_time = data.get("wall_time")
        reason = data.get("end_reason")
        if final_lr is not None:
            final_lr = _floats([final_lr], "final_learning_rate")[0]
        if reason not in END_REASONS:
            raise FileFormatError("runs.bad_end_reason", names=', '.join(END_REASONS), reason=reason)
        return cls(_int(data.get("number"), "a run's number", 1), label, network, preset_id(network),
                   layer_summary(network), params, training, _int(data.get("start_epoch"), "start_epoch"),
                   epoch_logs, list(stopped), LossCurve.from_dict(data.get("batch_loss")), final_lr,
                   max(0.0, _floats([wall_time], "wall_time")[0]), reason)


def best_run(records: list[RunRecord], key: str = "val_accuracy") -> RunRecord | None:
    """The record with the highest finite final ``key`` (the first of equals), or None."""
    scored = [(r.final(key), -i, r) for i, r in enumerate(records) if math.isfinite(r.final(key))]
    return max(scored, key=lambda t: (t[0], t[1]))[2] if scored else None


def drop_old_weights(records: list[RunRecord], keep: int, max_bytes: int | None = None) -> int:
    """Forget the end states (weights) of all but the last ``keep`` records that have them; returns how many.

    With ``max_bytes``, older end states are also forgotten until the kept ones hold at most that many bytes
    (the newest is always kept, however large, so the run just finished can be reopened).
    """
    with_weights = [r for r in records if r.end_state is not None]
    dropped = with_weights[:max(len(with_weights) - keep, 0)]
    kept = with_weights[len(dropped):]
    if max_bytes is not None:
        total = sum(r.end_state.nbytes for r in kept)
        while len(kept) > 1 and total > max_bytes:
            total -= kept[0].end_state.nbytes
            dropped.append(kept.pop(0))
    for record in dropped:
        record.end_state = None
    return len(dropped)


#: Columns of :func:`runs_csv`, in order.
CSV_COLUMNS = ("run", "network", "layers", "params", "optimizer", "learning_rate", "final_learning_rate",
               "batch_size", "epochs_asked", "epochs_done", "start_epoch", "validation_split", "augment", "seed",
               "train_loss", "train_accuracy", "val_loss", "val_accuracy", "seconds", "result", "weights_kept")


def _number(value: float) -> str:
    return "" if value is None or not math.isfinite(value) else repr(float(value))


def runs_csv(records: list[RunRecord]) -> str:
    """The runs as CSV text with a header row (:data:`CSV_COLUMNS`); missing numbers are empty cells.

    Floats are written with ``repr`` so they read back exactly.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        t = r.training
        writer.writerow([
            r.number, PRESETS[r.preset].title if r.preset else "custom", r.layers, r.params, t.optimizer,
            _number(t.learning_rate),
            _number(r.final_learning_rate if r.final_learning_rate is not None else math.nan), t.batch_size,
            t.epochs, r.epochs_done, r.start_epoch, _number(t.validation_split), int(t.augment), t.seed,
            _number(r.final("loss")), _number(r.final("accuracy")), _number(r.final("val_loss")),
            _number(r.final("val_accuracy")), f"{r.wall_time:.3f}", r.end_reason, int(r.has_weights),
        ])
    return out.getvalue()
