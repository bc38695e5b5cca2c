"""Find the rule: the one-neuron model ``y = w·x + b`` learns a rule from data and answers.

Chollet's first chapter contrasts classical programming (rules + data → answers) with machine
learning (data + answers → rules). With the pairs 1 → 10, 2 → 12, 3 → 14 a person may guess
``y = x + 9``, and the pair 2 → 12 proves the guess wrong (it predicts 11). A single neuron with a
weight ``w`` and a bias ``b`` finds ``y = 2x + 8`` by gradient descent on the mean squared error

    L(w, b) = 1/n · Σ (w·xᵢ + b − yᵢ)²,   ∂L/∂w = 2/n · Σ eᵢ·xᵢ,   ∂L/∂b = 2/n · Σ eᵢ,

where ``eᵢ = w·xᵢ + b − yᵢ`` is the error of point ``i``. Everything is float64, so the numbers
the app prints are the numbers the optimizer used.

The loss surface over ``(w, b)`` is a long, narrow valley: for x in 1..3 its curvature differs
about 46-fold between the valley's floor and its walls, because raising ``w`` and lowering ``b``
almost cancel. Plain SGD zig-zags across such a valley, momentum overshoots along it, RMSprop and
Adam take steps of about the learning rate in each direction, which is what makes their paths
worth comparing on one map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .. import optimizers
from ..errors import LayerArgumentError

__all__ = [
    "DEFAULT_LEARNING_RATES",
    "DEFAULT_TOLERANCE",
    "DIVERGENCE_FACTOR",
    "MOMENTUM",
    "OPTIMIZERS",
    "STALL_WINDOW",
    "HypothesisRow",
    "RuleLearner",
    "RuleProblem",
    "StepRecord",
    "format_rule",
]

#: The lesson's optimizers, in the order the app lists them.
OPTIMIZERS: tuple[str, ...] = ("SGD", "Momentum", "RMSprop", "Adam")

#: The momentum of the "Momentum" optimizer (Keras SGD with ``momentum=0.9``).
MOMENTUM = 0.9

_ENGINE_CONFIGS: dict[str, tuple[str, dict[str, float]]] = {
    "SGD": ("SGD", {}),
    "Momentum": ("SGD", {"momentum": MOMENTUM}),
    "RMSprop": ("RMSprop", {}),
    "Adam": ("Adam", {}),
}

#: A learning rate at which each optimizer finds ``y = 2x + 8`` from the chapter's three points
#: (from w = b = 0, to within :data:`DEFAULT_TOLERANCE`) in a few hundred steps. They differ because
#: SGD's step is lr × gradient (it diverges above lr ≈ 0.18 here), while RMSprop and Adam move each
#: parameter by about lr per step: RMSprop keeps bouncing about lr/2 around the minimum, so it needs
#: a small rate, and Adam needs a large one to cross the valley in reasonable time.
DEFAULT_LEARNING_RATES: dict[str, float] = {"SGD": 0.1, "Momentum": 0.02, "RMSprop": 0.01, "Adam": 0.5}

#: How close (in w and b) a learner must come to the best rule to count as converged: half the last
#: printed digit, so the rule printed with two decimals is the best rule's.
DEFAULT_TOLERANCE = 0.005

#: A learner has diverged when its loss exceeds this many times its starting loss (or is not finite).
DIVERGENCE_FACTOR = 1e6

#: A learner is stuck when its best loss of this many latest steps is no better (by 0.1 %) than its best
#: loss before them. Only RMSprop at a rate above ≈ 0.01 gets there on the chapter's data: it bounces
#: around the minimum for ever. Even SGD at lr 0.0001 still improves its loss by 1 % per 200 steps.
STALL_WINDOW = 200
_STALL_GAIN = 1e-3


def format_rule(w: float, b: float, decimals: int = 2) -> str:
    """Write the rule as ``"y = 2.00x + 8.00"`` (with a real minus sign for negative numbers).

    Parameters
    ----------
    w, b : float
        Slope and offset.
    decimals : int
        Digits after the decimal point.
    """
    if not (math.isfinite(w) and math.isfinite(b)):
        return "y = ?"
    w = round(w, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0, so no "−0.00" appears
    b = round(b, decimals) + 0.0
    slope = f"{w:.{decimals}f}".replace("-", "−")
    sign = "−" if b < 0 else "+"
    return f"y = {slope}x {sign} {abs(b):.{decimals}f}"


class HypothesisRow(NamedTuple):
    """One data point checked against a rule: the answer ``y``, the rule's ``prediction`` and
    ``error = prediction − y``."""

    x: float
    y: float
    prediction: float
    error: float


class RuleProblem:
    """Data and answers: pairs ``x → y`` for which the model looks for ``y = w·x + b``.

    Parameters
    ----------
    xs, ys : sequence of float
        Inputs and answers, the same number of finite values (at least one).

    Raises
    ------
    LayerArgumentError
        If the lists are empty, differ in length or hold a value that is not a finite number.
    """

    def __init__(self, xs: Sequence[float] | np.ndarray, ys: Sequence[float] | np.ndarray) -> None:
        try:
            x = np.array(xs, dtype=np.float64).reshape(-1)
            y = np.array(ys, dtype=np.float64).reshape(-1)
        except (TypeError, ValueError) as exc:
            raise LayerArgumentError("lesson.not_lists", xs=xs, ys=ys) from exc
        if len(x) == 0 or len(x) != len(y):
            raise LayerArgumentError("lesson.lengths", x_count=len(x), y_count=len(y))
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise LayerArgumentError("lesson.not_finite", xs=xs, ys=ys)
        x.flags.writeable = False
        y.flags.writeable = False
        self._xs, self._ys = x, y
        design = np.column_stack([x, np.ones_like(x)])
        # lstsq gives the minimum-norm solution when all x are equal and many lines fit equally well
        solution = np.linalg.lstsq(design, y, rcond=None)[0]
        self._best = (float(solution[0]), float(solution[1]))

    @classmethod
    def chapter_one(cls) -> RuleProblem:
        """The chapter's pairs 1 → 10, 2 → 12, 3 → 14 (the rule is ``y = 2x + 8``)."""
        return cls([1.0, 2.0, 3.0], [10.0, 12.0, 14.0])

    @property
    def xs(self) -> np.ndarray:
        """The inputs, float64 (n,), read-only."""
        return self._xs

    @property
    def ys(self) -> np.ndarray:
        """The answers, float64 (n,), read-only."""
        return self._ys

    def __len__(self) -> int:
        return len(self._xs)

    @property
    def unique(self) -> bool:
        """True when exactly one line fits best (the inputs are not all the same number)."""
        return bool(np.ptp(self._xs) > 0)

    def best_fit(self) -> tuple[float, float]:
        """The ``(w, b)`` with the lowest loss, solved directly (least squares), to judge convergence.

        When all inputs are equal every line through their mean answer fits equally well; this is
        then the one with the smallest ``w² + b²``.
        """
        return self._best

    def predictions(self, w: float, b: float) -> np.ndarray:
        """``w·x + b`` for every input, float64 (n,)."""
        return w * self._xs + b

    def errors(self, w: float, b: float) -> np.ndarray:
        """``prediction − y`` for every point, float64 (n,)."""
        return self.predictions(w, b) - self._ys

    def hypothesis_table(self, w: float, b: float) -> list[HypothesisRow]:
        """Check the rule ``y = w·x + b`` point by point: x, y, prediction and error for each."""
        predictions = self.predictions(w, b)
        return [HypothesisRow(float(x), float(y), float(p), float(p - y))
                for x, y, p in zip(self._xs, self._ys, predictions, strict=True)]

    def loss(self, w: float, b: float) -> float:
        """Mean squared error ``1/n · Σ (w·xᵢ + b − yᵢ)²`` of the rule ``y = w·x + b``."""
        e = self.errors(w, b)
        return float(np.mean(e * e))

    def gradients(self, w: float, b: float) -> tuple[float, float]:
        """``(∂L/∂w, ∂L/∂b) = (2/n · Σ eᵢ·xᵢ, 2/n · Σ eᵢ)`` at ``(w, b)``."""
        e = self.errors(w, b)
        return float(2.0 * np.mean(e * self._xs)), float(2.0 * np.mean(e))

    def default_ranges(self, start: tuple[float, float] = (0.0, 0.0)) -> tuple[tuple[float, float],
                                                                               tuple[float, float]]:
        """A square window over ``(w, b)`` showing ``start`` and the best fit with room around them.

        The window is centred between the two points and reaches 0.9 × their larger distance plus 1
        beyond the centre on every side, so the first overshooting steps of SGD and momentum stay in
        view while a diverging path visibly leaves it. Square, so the valley's true shape shows.

        Returns
        -------
        tuple
            ``((w_low, w_high), (b_low, b_high))``.
        """
        w_best, b_best = self._best
        cw, cb = (start[0] + w_best) / 2, (start[1] + b_best) / 2
        half = 0.9 * max(abs(w_best - start[0]), abs(b_best - start[1])) + 1.0
        return (cw - half, cw + half), (cb - half, cb + half)

    def loss_surface(self, w_range: tuple[float, float] | None = None, b_range: tuple[float, float] | None = None,
                     n: int = 160) -> np.ndarray:
        """The loss on an ``n × n`` grid of cell centres over ``w_range × b_range``, for a contour map.

        Parameters
        ----------
        w_range, b_range : (float, float), optional
            Low and high ends; :meth:`default_ranges` when omitted.
        n : int
            Cells per side.

        Returns
        -------
        numpy.ndarray
            float64 (n, n); ``grid[i, j]`` is the loss at ``w = w_low + (i + 0.5)·Δw`` and
            ``b = b_low + (j + 0.5)·Δb`` with ``Δ = (high − low) / n``. The first axis is ``w``, as
            pyqtgraph's column-major images expect (x first), so the image spans exactly the ranges.
        """
        if not isinstance(n, int) or n < 2:
            raise LayerArgumentError("lesson.bad_n", n=n)
        default_w, default_b = self.default_ranges()
        w_lo, w_hi = w_range or default_w
        b_lo, b_hi = b_range or default_b
        w = w_lo + (np.arange(n) + 0.5) * ((w_hi - w_lo) / n)
        b = b_lo + (np.arange(n) + 0.5) * ((b_hi - b_lo) / n)
        grid = np.zeros((n, n), np.float64)
        # One pass per point keeps memory at one grid even when a learner adds many points
        for x, y in zip(self._xs, self._ys, strict=True):
            e = w[:, None] * x + b[None, :] - y
            grid += e * e
        grid /= len(self._xs)
        return grid


@dataclass(frozen=True)
class StepRecord:
    """Everything one optimizer step computed, for the app to explain with real numbers.

    Attributes
    ----------
    step : int
        1 for the first step.
    optimizer : str
        One of :data:`OPTIMIZERS`.
    w, b : float
        Parameters before the step.
    predictions, errors : numpy.ndarray
        float64 (n,): ``w·x + b`` and ``prediction − y`` per point, before the step.
    loss : float
        Mean squared error before the step.
    grad_w, grad_b : float
        ``∂L/∂w`` and ``∂L/∂b`` before the step.
    learning_rate : float
        The rate the optimizer used.
    new_w, new_b : float
        Parameters after the step (``w + update_w``, ``b + update_b``).
    update_w, update_b : float
        What the optimizer added to ``w`` and ``b``; ``−lr·∂L/∂w`` for plain SGD.
    previous_update_w, previous_update_b : float
        The previous step's update (0 at the first), which momentum carries over.
    """

    step: int
    optimizer: str
    w: float
    b: float
    predictions: np.ndarray
    errors: np.ndarray
    loss: float
    grad_w: float
    grad_b: float
    learning_rate: float
    new_w: float
    new_b: float
    update_w: float
    update_b: float
    previous_update_w: float
    previous_update_b: float

    @property
    def sgd_update(self) -> tuple[float, float]:
        """What plain SGD would have added, ``(−lr·∂L/∂w, −lr·∂L/∂b)``, to compare with the real update."""
        return -self.learning_rate * self.grad_w, -self.learning_rate * self.grad_b


class RuleLearner:
    """A one-neuron model ``y = w·x + b`` trained on a :class:`RuleProblem` by one of the engine's optimizers.

    Parameters
    ----------
    problem : RuleProblem
    optimizer_name : str
        One of :data:`OPTIMIZERS`: ``"SGD"``, ``"Momentum"`` (SGD with momentum 0.9), ``"RMSprop"``
        or ``"Adam"``, each with Keras's other defaults.
    learning_rate : float
        Positive step size.
    w0, b0 : float
        Where the model starts.
    """

    def __init__(self, problem: RuleProblem, optimizer_name: str, learning_rate: float,
                 w0: float = 0.0, b0: float = 0.0) -> None:
        if optimizer_name not in _ENGINE_CONFIGS:
            raise LayerArgumentError("lesson.bad_optimizer", names=', '.join(OPTIMIZERS), optimizer_name=optimizer_name)
        class_name, extra = _ENGINE_CONFIGS[optimizer_name]
        self.problem = problem
        self.optimizer_name = optimizer_name
        self._optimizer = optimizers.get({"class_name": class_name,
                                          "config": {"learning_rate": learning_rate, **extra}})
        self._params = np.array([w0, b0], np.float64)
        self._path = [(float(w0), float(b0))]
        self._initial_loss = problem.loss(w0, b0)
        self._loss = self._initial_loss
        self._best_so_far: list[float] = []  # [i]: the lowest loss after steps 1 … i + 1, for stalled()
        self._losses: list[float] = []  # the loss after each step
        self._last: StepRecord | None = None

    @property
    def learning_rate(self) -> float:
        """The optimizer's learning rate."""
        return self._optimizer.learning_rate

    @property
    def w(self) -> float:
        """The current weight."""
        return float(self._params[0])

    @property
    def b(self) -> float:
        """The current bias."""
        return float(self._params[1])

    @property
    def steps(self) -> int:
        """Steps taken so far."""
        return len(self._path) - 1

    @property
    def last_record(self) -> StepRecord | None:
        """The record of the latest step, or None before the first."""
        return self._last

    def loss(self) -> float:
        """The loss at the current ``(w, b)``."""
        return self._loss

    def path(self) -> np.ndarray:
        """Every ``(w, b)`` visited, from the start: float64 (steps + 1, 2)."""
        return np.array(self._path, np.float64)

    def step(self) -> StepRecord:
        """Take one full-batch gradient step with the optimizer and return what it computed."""
        w, b = self.w, self.b
        with np.errstate(over="ignore", invalid="ignore"):
            predictions = self.problem.predictions(w, b)
            errors = predictions - self.problem.ys
            loss = float(np.mean(errors * errors))
            grads = np.array([2.0 * np.mean(errors * self.problem.xs), 2.0 * np.mean(errors)], np.float64)
            grad_w, grad_b = float(grads[0]), float(grads[1])
            lr = self._optimizer.learning_rate
            # Every rule here adds to the parameters an amount that does not depend on them (there is
            # no weight decay), so running the optimizer on a zero buffer yields exactly the increment
            # it adds; adding that increment gives the same new values as applying it to [w, b].
            update = np.zeros(2, np.float64)
            self._optimizer.apply(update, grads)
            self._params += update
            self._loss = self.problem.loss(self.w, self.b)
        previous = self._last
        self._last = StepRecord(
            step=self.steps + 1, optimizer=self.optimizer_name, w=w, b=b,
            predictions=predictions, errors=errors, loss=loss, grad_w=grad_w, grad_b=grad_b,
            learning_rate=lr, new_w=self.w, new_b=self.b,
            update_w=float(update[0]), update_b=float(update[1]),
            previous_update_w=previous.update_w if previous else 0.0,
            previous_update_b=previous.update_b if previous else 0.0,
        )
        self._path.append((self.w, self.b))
        self._losses.append(self._loss)
        best = min(self._best_so_far[-1], self._loss) if self._best_so_far else self._loss
        self._best_so_far.append(best)
        return self._last

    def diverged(self) -> bool:
        """True when ``w``, ``b`` or the loss is not finite, or the loss grew past
        :data:`DIVERGENCE_FACTOR` × its starting value."""
        if not (np.all(np.isfinite(self._params)) and math.isfinite(self._loss)):
            return True
        return self._loss > DIVERGENCE_FACTOR * max(self._initial_loss, 1e-12)

    def stalled(self, window: int = STALL_WINDOW) -> bool:
        """True when the learner keeps moving but no longer gets closer: over its last ``window`` steps
        its loss never went 0.1 % below its best loss before them (and it has neither converged nor
        diverged). RMSprop does this when its rate is too big to settle at the minimum."""
        if len(self._losses) < 2 * window or self.converged() or self.diverged():
            return False
        before = self._best_so_far[-window - 1]
        return min(self._losses[-window:]) >= before * (1.0 - _STALL_GAIN)

    def converged(self, tol: float = DEFAULT_TOLERANCE) -> bool:
        """True when the model is within ``tol`` of the best rule in both ``w`` and ``b``.

        When many rules fit equally well (all inputs equal), it is enough that every prediction is
        within ``tol`` of the best one.
        """
        if self.diverged():
            return False
        w_best, b_best = self.problem.best_fit()
        if self.problem.unique:
            return abs(self.w - w_best) < tol and abs(self.b - b_best) < tol
        gap = self.problem.predictions(self.w, self.b) - self.problem.predictions(w_best, b_best)
        return bool(np.max(np.abs(gap)) < tol)

    def rule_text(self, decimals: int = 2) -> str:
        """The current rule, ``"y = 2.00x + 8.00"``."""
        return format_rule(self.w, self.b, decimals)
