"""Training health as it happens: alarms from the numbers the training loop already has.

A :class:`TrainingMonitor` is fed every :class:`~sandbox.training.BatchProgress` and
:class:`~sandbox.training.EpochProgress` of a run (``iter_fit`` yields them) and returns an
:class:`Alarm` the first time something goes wrong:

- ``loss_not_finite``: the loss became NaN or infinite;
- ``loss_stuck_high``: the loss sits far above guessing (Keras clips probabilities to 1e-7, so a network
  that is confidently wrong everywhere stays near −ln 1e-7 ≈ 16.1 instead of becoming infinite);
- ``loss_rising``: the loss stays well above where this run started;
- ``gradients_exploding``: the gradient norm stays huge;
- ``gradients_zero``: every gradient is 0 while the loss is still high, so nothing can change any more
  (ReLU units that never fire, or softmax outputs saturated at 0 and 1);
- ``accuracy_at_chance``: after an epoch the network does no better than guessing.

Each alarm carries its evidence (the numbers) and the likeliest **cause** given the other facts: a
network the pre-training check (:func:`sandbox.check`) finds wrong at its output is blamed before the
learning rate, because a wrong output layer makes the loss blow up at any learning rate.
Causes: ``"output_layer"`` (with the check's finding and its one-edit fix), ``"learning_rate"`` (too
high), ``"learning_rate_low"``, ``"dead_units"`` or ``"unknown"``.

The monitor never touches the model's weights; :meth:`TrainingMonitor.observe` costs a few microseconds
per batch, except once per run when an alarm asks a probe for dead ReLU units (one forward and backward
pass over at most :data:`~sandbox.health.PROBE_SIZE` images, on a copy).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import health as _health
from .check import Finding, check
from .training import BatchProgress, EpochProgress

__all__ = ["ALARM_CODES", "CAUSES", "Alarm", "TrainingMonitor"]

#: Every alarm code, most serious first (the order a display ranks them in).
ALARM_CODES: tuple[str, ...] = ("loss_not_finite", "loss_stuck_high", "loss_rising", "gradients_exploding",
                                "gradients_zero", "accuracy_at_chance")
#: Every cause an alarm can name.
CAUSES: tuple[str, ...] = ("output_layer", "learning_rate", "learning_rate_low", "dead_units", "unknown")

#: Batches in the moving mean the alarms judge (one batch's loss is noisy; twenty are steady) …
WINDOW = 20
#: … and the fewest before judging at all (a short run on few images has only a dozen batches).
MIN_BATCHES = 10
#: "Stuck high": a mean cross-entropy above this is far worse than guessing (ln 10 ≈ 2.3 for ten classes).
STUCK_HIGH_LOSS = 10.0
#: "Rising": the moving mean is this many times the starting loss …
RISE_FACTOR = 1.5
#: … and this much above it in absolute terms (near zero, small wiggles are large ratios) …
RISE_MIN = 0.5
#: … for this many batches in a row (a few bad batches early in training are normal).
RISE_BATCHES = 10
#: "Exploding": a gradient norm above this for :data:`EXPLODE_BATCHES` batches in a row; a healthy classifier
#: of 0…1 images shows 0.01–10 (the mean over a batch of softmax cross-entropy gradients is small).
EXPLODE_NORM = 100.0
EXPLODE_BATCHES = 5
#: "Zero gradients": a gradient norm below this for :data:`ZERO_BATCHES` batches in a row …
ZERO_NORM = 1e-10
ZERO_BATCHES = 10
#: … while the moving mean loss is above this (a network that has learnt everything has tiny gradients too).
ZERO_MIN_LOSS = 0.1
#: "At chance": after a whole epoch of this run and at least this many batches …
CHANCE_MIN_BATCHES = 50
#: … the epoch's accuracy is at most chance (1 / classes) plus this.
CHANCE_MARGIN = 0.05
#: A loss that jumped this many times its starting value within the first :data:`EARLY_BATCHES` batches points
#: at a step far too large: a healthy run's loss only falls from where it starts.
EARLY_JUMP = 2.0
EARLY_BATCHES = 50
#: A loss that fell by at least this fraction of where it started is learning, however slowly.
SLOW_MIN_DROP = 0.02
#: "Dead units": at least this share of all ReLU units never fire on the probe batch.
DEAD_SHARE = 0.5

#: The check's findings that mean the output layer (or the loss that reads it) is wrong.
_OUTPUT_CODES = frozenset({"output_units_vs_classes", "relu_output_into_probability_loss", "activation_vs_loss",
                           "labels_out_of_range", "sparse_labels_with_categorical_loss",
                           "one_hot_labels_with_sparse_loss"})


@dataclass(frozen=True)
class Alarm:
    """Something went wrong while training, with its evidence and its likeliest cause.

    Attributes
    ----------
    code : str
        One of :data:`ALARM_CODES`.
    cause : str
        One of :data:`CAUSES`.
    epoch : int
        Epoch (from 0) of the batch that raised it.
    step, steps : int
        That batch's number in its epoch (from 1) and the batches per epoch, so ``epoch + step / steps``
        places it on a loss plot whose x axis counts epochs.
    global_step : int
        Optimizer steps taken so far.
    evidence : dict of str to float
        The measured numbers: ``loss`` (moving mean), ``start_loss``, ``grad_norm``, ``accuracy``,
        ``chance``, ``guess_loss`` (ln of the classes), ``batches``, ``dead_share``, ``learning_rate``… (only
        those that apply).
    finding : Finding or None
        With cause ``"output_layer"``: the pre-training check's finding that explains it (its ``fix`` is the
        one edit that repairs the network).
    """

    code: str
    cause: str
    epoch: int
    step: int
    steps: int
    global_step: int
    evidence: dict[str, float] = field(hash=False)
    finding: Finding | None = field(default=None, hash=False)

    @property
    def x(self) -> float:
        """Where the batch sits on an epoch axis: ``epoch + step / steps``."""
        return self.epoch + self.step / max(1, self.steps)


class TrainingMonitor:
    """Watches one run's batches and epochs and raises each kind of :class:`Alarm` at most once.

    Parameters
    ----------
    model : Sequential
        The model being trained (read only: its output units and, once, a probe for dead units).
    x, y : ndarray, optional
        The training inputs (N, …) and labels; ``x`` only for its shape and the dead-unit probe, ``y``
        for the number of classes and the pre-training check.
    findings : list of Finding, optional
        The pre-training check's findings; by default ``sandbox.check(model, x, y)`` is run here.
    """

    def __init__(self, model: Any, x: np.ndarray | None = None, y: np.ndarray | None = None, *,
                 findings: list[Finding] | None = None) -> None:
        self.model = model
        self.findings = list(check(model, x, y) if findings is None else findings)
        self.output_finding = next((f for f in self.findings if f.code in _OUTPUT_CODES), None)
        self.lr_finding = next((f for f in self.findings if f.code == "learning_rate_unusual"
                                and f.fields.get("too_high")), None)
        self.classes = _classes(model, y)
        self._probe = None if x is None or y is None else _health.pick_probe(np.asarray(x), np.asarray(y))
        self.alarms: list[Alarm] = []
        self._raised: set[str] = set()
        self._losses: deque[float] = deque(maxlen=WINDOW)
        self._start: float | None = None
        self._batches = 0
        self._rising = self._exploding = self._zero = 0
        self._early_peak = 0.0
        self._dead_share: float | None = None

    # ---- feeding ---------------------------------------------------------------------------------
    def observe(self, record: BatchProgress | EpochProgress) -> list[Alarm]:
        """Take one record of ``iter_fit``; return the alarms it raised (usually none)."""
        if isinstance(record, EpochProgress):
            return self._observe_epoch(record)
        return self._observe_batch(record)

    def _observe_batch(self, r: BatchProgress) -> list[Alarm]:
        self._batches += 1
        where = (r.epoch, r.step, r.steps, r.global_step)
        if not r.finite or not math.isfinite(r.batch_loss):
            return self._raise("loss_not_finite", where, {"batches": self._batches, "learning_rate": r.learning_rate})
        loss = float(r.batch_loss)
        self._losses.append(loss)
        if self._start is None:
            # The first batch's loss is measured before any update: where this run really started from.
            self._start = loss
        start = self._start
        if self._batches <= EARLY_BATCHES:
            self._early_peak = max(self._early_peak, loss)
        grad = float(r.grad_norm)
        self._exploding = self._exploding + 1 if grad > EXPLODE_NORM else 0
        self._zero = self._zero + 1 if grad < ZERO_NORM else 0
        mean = float(np.mean(self._losses))
        judged = len(self._losses) >= MIN_BATCHES
        rising = judged and mean > start * RISE_FACTOR and mean > start + RISE_MIN
        self._rising = self._rising + 1 if rising else 0
        evidence = {"loss": mean, "start_loss": start, "grad_norm": grad, "batches": self._batches,
                    "learning_rate": r.learning_rate}
        out: list[Alarm] = []
        if judged and mean >= STUCK_HIGH_LOSS:
            out += self._raise("loss_stuck_high", where, evidence)
        elif self._rising >= RISE_BATCHES:
            out += self._raise("loss_rising", where, evidence)
        if self._exploding >= EXPLODE_BATCHES:
            out += self._raise("gradients_exploding", where, evidence)
        if self._zero >= ZERO_BATCHES and mean > ZERO_MIN_LOSS:
            out += self._raise("gradients_zero", where, evidence)
        return out

    def _observe_epoch(self, r: EpochProgress) -> list[Alarm]:
        if r.stopped or self.classes < 2 or self._batches < CHANCE_MIN_BATCHES:
            return []
        accuracy = r.logs.get("accuracy", r.logs.get("val_accuracy"))
        chance = 1.0 / self.classes
        if accuracy is None or accuracy > chance + CHANCE_MARGIN:
            return []
        evidence = {"accuracy": float(accuracy), "chance": chance, "batches": self._batches,
                    "loss": float(np.mean(self._losses)) if self._losses else float("nan")}
        return self._raise("accuracy_at_chance", (r.epoch, 1, 1, 0), evidence)

    # ---- judging ---------------------------------------------------------------------------------
    def _raise(self, code: str, where: tuple[int, int, int, int], evidence: dict[str, float]) -> list[Alarm]:
        if code in self._raised:
            return []
        self._raised.add(code)
        evidence = dict(evidence)
        if self.classes >= 2:
            evidence["guess_loss"] = math.log(self.classes)  # the loss of a network that only guesses
        cause = self._cause(code, evidence)
        alarm = Alarm(code, cause, *where, evidence=evidence,
                      finding=self.output_finding if cause == "output_layer" else None)
        self.alarms.append(alarm)
        return [alarm]

    def _cause(self, code: str, evidence: dict[str, float]) -> str:
        """The likeliest cause of ``code``, from every fact the monitor has."""
        if self.output_finding is not None:
            return "output_layer"  # wrong at any learning rate: blame it first
        start = self._start if self._start is not None else float("nan")
        jumped = self._early_peak > EARLY_JUMP * start if math.isfinite(start) else False
        if jumped:
            evidence["early_peak"] = self._early_peak
        if code in ("gradients_zero", "accuracy_at_chance"):
            dead = self._dead()
            if dead is not None:
                evidence["dead_share"] = dead
            if dead is not None and dead >= DEAD_SHARE and not jumped and self.lr_finding is None:
                return "dead_units"
            mean = float(np.mean(self._losses)) if self._losses else float("nan")
            if (code == "accuracy_at_chance" and not jumped and self._zero == 0 and self.lr_finding is None
                    and mean < start - SLOW_MIN_DROP * start):
                return "learning_rate_low"  # falling, but far too slowly to leave guessing in an epoch
        if self.lr_finding is not None or jumped or code in ("loss_not_finite", "loss_stuck_high", "loss_rising",
                                                             "gradients_exploding"):
            return "learning_rate"
        return "unknown"

    def _dead(self) -> float | None:
        """Share of all ReLU units that never fire on the probe batch (probed once), or None without ReLUs."""
        if self._dead_share is None and self._probe is not None:
            try:
                snap = _health.probe(self.model, *self._probe)
            except (ValueError, FloatingPointError, MemoryError):  # a probe must never end a run
                return None
            units = sum(layer.relu_units for layer in snap.layers)
            self._dead_share = sum(layer.dead_units for layer in snap.layers) / units if units else -1.0
        return None if self._dead_share is None or self._dead_share < 0 else self._dead_share


def _classes(model: Any, y: np.ndarray | None) -> int:
    """Classes the network chooses between: its output units for a probability loss (2 for one sigmoid), else 0."""
    name = getattr(getattr(model, "loss", None), "keras_name", "")
    if name not in ("sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy"):
        return 0
    try:
        units = int(model.output_shape[-1])
    except (AttributeError, TypeError, IndexError, ValueError):
        units = 0
    if name == "binary_crossentropy":
        return 2 if units == 1 else 0
    if y is not None and name == "sparse_categorical_crossentropy" and np.size(y):
        units = max(units, int(np.max(y)) + 1) if units else int(np.max(y)) + 1
    return units
