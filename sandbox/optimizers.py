"""Optimizers with Keras 3's names, defaults and update rules, on one flat float32 buffer.

The model keeps every trainable weight as a view into one flat array, and the gradients in a
second flat array of the same layout. An optimizer updates that array in place with a few
in-place ufunc passes (1.8× faster than per-weight expressions at the MLP's shapes). ``segments``
(the ``(start, stop)`` of each weight in the buffer) are needed only for per-weight ``clipnorm``.

Each ``apply`` follows ``keras.optimizers.Optimizer``: clip gradients, apply decoupled weight decay
``w ← w − w·wd·lr``, run the update rule with the learning rate of the current step, then count the
step in ``iterations``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from . import _native
from ._registry import Registry, check_float, serialize
from .errors import LayerArgumentError

__all__ = [
    "SGD", "Adagrad", "Adam", "AdamW", "CosineDecay", "ExponentialDecay", "LearningRateSchedule", "Optimizer",
    "RMSprop", "deserialize", "get", "names", "serialize",
]

_REGISTRY = Registry("optimizer")
_SCHEDULES = Registry("learning-rate schedule")


class LearningRateSchedule:
    """A learning rate that depends on the step number (``iterations``, from 0)."""

    def __call__(self, step: int) -> float:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> LearningRateSchedule:
        """Rebuild from :meth:`get_config`'s output."""
        return cls(**config)


@_SCHEDULES.register()
class ExponentialDecay(LearningRateSchedule):
    """``initial_learning_rate · decay_rate ** (step / decay_steps)`` (floored if ``staircase``)."""

    def __init__(self, initial_learning_rate: float, decay_steps: int, decay_rate: float,
                 staircase: bool = False, name: str = "ExponentialDecay") -> None:
        self.initial_learning_rate = check_float("initial_learning_rate", initial_learning_rate, low=0.0)
        self.decay_steps = int(check_float("decay_steps", decay_steps, low=0.0, low_open=True))
        self.decay_rate = check_float("decay_rate", decay_rate, low=0.0)
        self.staircase = bool(staircase)
        self.name = name

    def __call__(self, step: int) -> float:
        p = step / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        try:
            return self.initial_learning_rate * self.decay_rate ** p
        except OverflowError:  # a growth rate > 1 over many steps: the run will diverge, visibly
            return math.inf

    def get_config(self) -> dict[str, Any]:
        return {"initial_learning_rate": self.initial_learning_rate, "decay_steps": self.decay_steps,
                "decay_rate": self.decay_rate, "staircase": self.staircase, "name": self.name}


@_SCHEDULES.register()
class CosineDecay(LearningRateSchedule):
    """Cosine decay from ``initial_learning_rate`` to ``alpha·initial`` over ``decay_steps``, with optional warm-up.

    With ``warmup_target`` set, the rate first rises linearly from ``initial_learning_rate`` to
    ``warmup_target`` over ``warmup_steps`` and then decays from ``warmup_target``, as in Keras 3.
    """

    def __init__(self, initial_learning_rate: float, decay_steps: int, alpha: float = 0.0,
                 name: str = "CosineDecay", warmup_target: float | None = None, warmup_steps: int = 0) -> None:
        self.initial_learning_rate = check_float("initial_learning_rate", initial_learning_rate, low=0.0)
        self.decay_steps = int(check_float("decay_steps", decay_steps, low=0.0, low_open=True))
        self.alpha = check_float("alpha", alpha, low=0.0, high=1.0)
        self.name = name
        self.warmup_target = None if warmup_target is None else check_float("warmup_target", warmup_target, low=0)
        self.warmup_steps = int(check_float("warmup_steps", warmup_steps, low=0.0))

    def _decay(self, step: float, start: float) -> float:
        cosine = 0.5 * (1.0 + math.cos(math.pi * step / self.decay_steps))
        return start * ((1 - self.alpha) * cosine + self.alpha)

    def __call__(self, step: int) -> float:
        if self.warmup_target is None:
            return self._decay(min(step, self.decay_steps), self.initial_learning_rate)
        step = min(step, self.decay_steps + self.warmup_steps)
        if step < self.warmup_steps:
            frac = step / self.warmup_steps
            return (self.warmup_target - self.initial_learning_rate) * frac + self.initial_learning_rate
        return self._decay(step - self.warmup_steps, self.warmup_target)

    def get_config(self) -> dict[str, Any]:
        return {"initial_learning_rate": self.initial_learning_rate, "decay_steps": self.decay_steps,
                "alpha": self.alpha, "name": self.name, "warmup_target": self.warmup_target,
                "warmup_steps": self.warmup_steps}


class Optimizer:
    """Base class.

    Parameters
    ----------
    learning_rate : float or LearningRateSchedule
        Step size; may be changed between steps (``opt.learning_rate = 0.01``).
    weight_decay : float, optional
        Decoupled weight decay, applied before the update as ``w ← w − w·wd·lr``.
    clipnorm : float, optional
        Rescale each weight's gradient so its L2 norm is at most this.
    clipvalue : float, optional
        Clip each gradient value to ±this.
    global_clipnorm : float, optional
        Rescale all gradients together so their joint L2 norm is at most this.
    """

    #: Names of this optimizer's own hyperparameters that can change between steps.
    tunable: tuple[str, ...] = ("learning_rate",)

    def __init__(self, learning_rate: Any = 0.001, weight_decay: float | None = None,
                 clipnorm: float | None = None, clipvalue: float | None = None,
                 global_clipnorm: float | None = None, name: str | None = None, **kwargs: Any) -> None:
        owner = type(self).__name__
        if kwargs:
            raise LayerArgumentError("optimizer.unexpected_arguments", owner=owner, names=', '.join(sorted(kwargs)))
        if sum(v is not None for v in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise LayerArgumentError("optimizer.two_clips", owner=owner)
        self.learning_rate = learning_rate
        self.weight_decay = None if weight_decay is None else check_float(
            "weight_decay", weight_decay, low=0.0, owner=owner)
        self.clipnorm = None if clipnorm is None else check_float("clipnorm", clipnorm, low=0, low_open=True,
                                                                  owner=owner)
        self.clipvalue = None if clipvalue is None else check_float("clipvalue", clipvalue, low=0, low_open=True,
                                                                    owner=owner)
        self.global_clipnorm = None if global_clipnorm is None else check_float(
            "global_clipnorm", global_clipnorm, low=0, low_open=True, owner=owner)
        self.name = name or owner.lower()
        self.iterations = 0
        self._slots: dict[str, np.ndarray] = {}
        self._size = -1

    # ---- learning rate ---------------------------------------------------------------------------
    @property
    def learning_rate(self) -> float:
        """The learning rate of the next step (a schedule is evaluated at ``iterations``)."""
        lr = self._learning_rate
        return float(lr(self.iterations)) if isinstance(lr, LearningRateSchedule) else lr

    @learning_rate.setter
    def learning_rate(self, value: Any) -> None:
        if isinstance(value, dict):
            value = _SCHEDULES.deserialize(value)
        if isinstance(value, LearningRateSchedule):
            self._learning_rate: float | LearningRateSchedule = value
        else:
            self._learning_rate = check_float("learning_rate", value, low=0.0, low_open=True,
                                              owner=type(self).__name__)

    @property
    def schedule(self) -> LearningRateSchedule | None:
        """The learning-rate schedule, or None for a constant rate."""
        lr = self._learning_rate
        return lr if isinstance(lr, LearningRateSchedule) else None

    # ---- state -----------------------------------------------------------------------------------
    def build(self, size: int, dtype: Any = np.float32) -> None:
        """Allocate the per-weight slots (momentum, velocity, …) for a flat buffer of ``size`` values."""
        self._size = size
        self._slots = {name: np.full(size, fill, dtype) for name, fill in self._slot_fills()}

    def _slot_fills(self) -> list[tuple[str, float]]:
        return []

    def _scratch(self, like: np.ndarray) -> np.ndarray:
        """A reused scratch array shaped like ``like`` (not state: never saved)."""
        tmp = getattr(self, "_tmp", None)
        if tmp is None or tmp.shape != like.shape or tmp.dtype != like.dtype:
            tmp = self._tmp = np.empty_like(like)
        return tmp

    def get_state(self) -> dict[str, np.ndarray]:
        """Return copies of the state (slots and step count), for saving."""
        state = {name: a.copy() for name, a in self._slots.items()}
        state["iterations"] = np.array(self.iterations, np.int64)
        return state

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """Restore :meth:`get_state`'s output (shapes must match the built optimizer)."""
        for name, a in self._slots.items():
            if name not in state or np.shape(state[name]) != a.shape:
                raise LayerArgumentError("optimizer.bad_state", owner=type(self).__name__, name=name)
        for name, a in self._slots.items():
            a[...] = state[name]
        self.iterations = int(state.get("iterations", 0))

    def reset(self) -> None:
        """Forget all state (the next step is step 0 again)."""
        self.iterations = 0
        if self._size >= 0:
            dtype = next(iter(self._slots.values())).dtype if self._slots else np.float32
            self.build(self._size, dtype)

    # ---- the step --------------------------------------------------------------------------------
    #: Whether :meth:`_update` may run on disjoint ranges of the buffer at once (``part=``), in threads.
    splits = False

    def apply(self, params: np.ndarray, grads: np.ndarray,
              segments: Sequence[tuple[int, int]] | None = None,
              run_parts: Callable[[Callable[[int], None]], Any] | None = None, parts: int = 1) -> None:
        """Update ``params`` in place from ``grads`` (both flat, same shape and dtype).

        ``grads`` may be modified (clipping happens in place). With ``run_parts`` (which calls its
        argument with 0 … ``parts`` − 1, each in its own thread) an optimizer that :attr:`splits` updates
        ``parts`` ranges of the buffer at once: the same elementwise arithmetic, so the same bits.
        """
        if self._size != params.size:
            self.build(params.size, params.dtype)
        self._clip(grads, segments)
        lr = self.learning_rate
        if self.weight_decay:
            params -= params * params.dtype.type(self.weight_decay * lr)
        if run_parts is not None and parts > 1 and self.splits:
            n = params.size
            bounds = [n * i // parts for i in range(parts + 1)]

            def update(i: int) -> None:
                part = slice(bounds[i], bounds[i + 1])
                with np.errstate(over="ignore", invalid="ignore"):  # per thread in NumPy
                    self._update(params[part], grads[part], lr, part)

            run_parts(update)
        else:
            self._update(params, grads, lr)
        self.iterations += 1

    def _clip(self, grads: np.ndarray, segments: Sequence[tuple[int, int]] | None) -> None:
        if self.clipnorm is not None:
            for start, stop in segments or [(0, grads.size)]:
                g = grads[start:stop]
                norm = math.sqrt(float(np.dot(g, g)))
                if norm > self.clipnorm:
                    g *= g.dtype.type(self.clipnorm / norm)
        elif self.global_clipnorm is not None:
            norm = math.sqrt(float(np.dot(grads, grads)))
            if not math.isfinite(norm):
                grads[...] = np.nan  # Keras's scale becomes NaN when the norm is not finite
            elif norm > self.global_clipnorm:
                grads *= grads.dtype.type(self.global_clipnorm / norm)
        elif self.clipvalue is not None:
            np.clip(grads, -self.clipvalue, self.clipvalue, out=grads)

    def _update(self, params: np.ndarray, grads: np.ndarray, lr: float, part: slice | None = None) -> None:
        """The update rule on ``params``/``grads``: the whole buffer, or the range ``part`` of it."""
        raise NotImplementedError

    # ---- configuration ---------------------------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """Return the JSON-safe constructor arguments (a schedule is nested as a dict)."""
        lr = self._learning_rate
        return {
            "name": self.name,
            "learning_rate": serialize(lr) if isinstance(lr, LearningRateSchedule) else lr,
            "weight_decay": self.weight_decay,
            "clipnorm": self.clipnorm,
            "global_clipnorm": self.global_clipnorm,
            "clipvalue": self.clipvalue,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Optimizer:
        """Rebuild from :meth:`get_config`'s output."""
        return cls(**config)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(learning_rate={self._learning_rate!r})"


@_REGISTRY.register("sgd")
class SGD(Optimizer):
    """Stochastic gradient descent, with optional (Nesterov) momentum.

    Without momentum ``w ← w − lr·g``; with it ``m ← μ·m − lr·g`` and ``w ← w + m``
    (Nesterov: ``w ← w + μ·m − lr·g``). Keras default ``learning_rate=0.01``.
    """

    tunable = ("learning_rate", "momentum")

    def __init__(self, learning_rate: Any = 0.01, momentum: float = 0.0, nesterov: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.momentum = check_float("momentum", momentum, low=0.0, high=1.0, owner="SGD")
        self.nesterov = bool(nesterov)

    def _slot_fills(self):
        return [("momentum", 0.0)] if self.momentum else []

    def _update(self, params, grads, lr, part=None):
        t = params.dtype.type
        if not self.momentum:
            params -= grads * t(lr)
            return
        m = self._slots.get("momentum")
        if m is None:  # momentum switched on mid-training
            m = self._slots["momentum"] = np.zeros_like(params)
        m *= t(self.momentum)
        m -= grads * t(lr)
        if self.nesterov:
            params += m * t(self.momentum) - grads * t(lr)
        else:
            params += m

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


@_REGISTRY.register("rmsprop")
class RMSprop(Optimizer):
    """RMSprop: ``v ← ρ·v + (1 − ρ)·g²``, ``w ← w − lr·g / √(v + ε)`` (ε inside the root, as in Keras).

    Keras defaults: ``learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False``.
    """

    tunable = ("learning_rate", "rho", "momentum")

    def __init__(self, learning_rate: Any = 0.001, rho: float = 0.9, momentum: float = 0.0,
                 epsilon: float = 1e-7, centered: bool = False, **kwargs: Any) -> None:
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.rho = check_float("rho", rho, low=0.0, high=1.0, owner="RMSprop")
        self.momentum = check_float("momentum", momentum, low=0.0, high=1.0, owner="RMSprop")
        self.epsilon = check_float("epsilon", epsilon, low=0.0, owner="RMSprop")
        self.centered = bool(centered)

    def _slot_fills(self):
        fills = [("velocity", 0.0)]
        if self.momentum:
            fills.append(("momentum", 0.0))
        if self.centered:
            fills.append(("average_gradient", 0.0))
        return fills

    def _update(self, params, grads, lr, part=None):
        t = params.dtype.type
        v = self._slots["velocity"]
        v *= t(self.rho)
        v += np.square(grads) * t(1 - self.rho)
        if self.centered:
            a = self._slots["average_gradient"]
            a *= t(self.rho)
            a += grads * t(1 - self.rho)
            denom = v - np.square(a) + t(self.epsilon)
        else:
            denom = v + t(self.epsilon)
        np.sqrt(denom, out=denom)
        increment = grads * t(lr)
        increment /= denom
        if self.momentum:
            m = self._slots.setdefault("momentum", np.zeros_like(params))
            m *= t(self.momentum)
            m += increment
            params -= m
        else:
            params -= increment

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}


@_REGISTRY.register("adam")
class Adam(Optimizer):
    """Adam with Keras's bias correction folded into the step size.

    ``m ← m + (g − m)(1 − β₁)``, ``v ← v + (g² − v)(1 − β₂)``,
    ``α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)``, ``w ← w − α·m / (√v + ε)`` (ε outside the root, not bias-corrected).
    Keras defaults: ``learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7``.
    """

    tunable = ("learning_rate", "beta_1", "beta_2")

    def __init__(self, learning_rate: Any = 0.001, beta_1: float = 0.9, beta_2: float = 0.999,
                 epsilon: float = 1e-7, amsgrad: bool = False, **kwargs: Any) -> None:
        super().__init__(learning_rate=learning_rate, **kwargs)
        owner = type(self).__name__
        self.beta_1 = check_float("beta_1", beta_1, low=0.0, high=1.0, high_open=True, owner=owner)
        self.beta_2 = check_float("beta_2", beta_2, low=0.0, high=1.0, high_open=True, owner=owner)
        self.epsilon = check_float("epsilon", epsilon, low=0.0, owner=owner)
        self.amsgrad = bool(amsgrad)

    def _slot_fills(self):
        fills = [("momentum", 0.0), ("velocity", 0.0)]
        if self.amsgrad:
            fills.append(("velocity_hat", 0.0))
        return fills

    # elementwise: threads may update disjoint ranges (for the benchmark MLP, Adam was ~30% of a step)
    splits = True

    def _update(self, params, grads, lr, part=None):
        t = params.dtype.type
        # As Keras: bias correction in the weights' dtype (float32 rounds 1 − β₂ᵗ by ~6e-6 at t = 1)
        step = t(self.iterations + 1)
        alpha = t(lr) * np.sqrt(t(1) - t(self.beta_2) ** step) / (t(1) - t(self.beta_1) ** step)
        part = slice(None) if part is None else part
        m, v = self._slots["momentum"][part], self._slots["velocity"][part]
        vh = self._slots["velocity_hat"][part] if self.amsgrad else None
        kernels = _native.KERNELS
        # the same float32 operations in the same order as below, in one pass instead of twelve (in two
        # halves, here and on the kernels' helper thread, where the training step allows it)
        if kernels is not None:
            constants = (t(1 - self.beta_1), t(1 - self.beta_2), t(self.epsilon), alpha)
            if (params.size >= _native.PAIR_MIN_WEIGHTS and part == slice(None) and _native.pairing_now()
                    and kernels.adam_pair(params, grads, m, v, vh, *constants, *_native.pair_block())):
                return
            if kernels.adam(params, grads, m, v, vh, *constants):
                return
        # reused: no 436 KB temporary per step for the benchmark MLP (whole-buffer sized, so parts share it)
        tmp = self._scratch(self._slots["momentum"])[part]
        np.subtract(grads, m, out=tmp)
        tmp *= t(1 - self.beta_1)
        m += tmp
        np.square(grads, out=tmp)
        tmp -= v
        tmp *= t(1 - self.beta_2)
        v += tmp
        if vh is not None:
            np.maximum(vh, v, out=vh)
            v = vh
        np.sqrt(v, out=tmp)
        tmp += t(self.epsilon)
        np.divide(m, tmp, out=tmp)
        tmp *= t(alpha)
        params -= tmp

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}


@_REGISTRY.register("adamw")
class AdamW(Adam):
    """Adam with decoupled weight decay (Keras default ``weight_decay=0.004``)."""

    def __init__(self, learning_rate: Any = 0.001, weight_decay: float = 0.004, **kwargs: Any) -> None:
        super().__init__(learning_rate=learning_rate, weight_decay=weight_decay, **kwargs)


@_REGISTRY.register("adagrad")
class Adagrad(Optimizer):
    """Adagrad: ``a ← a + g²``, ``w ← w − lr·g / √(a + ε)``.

    Keras defaults: ``learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7``.
    """

    def __init__(self, learning_rate: Any = 0.001, initial_accumulator_value: float = 0.1,
                 epsilon: float = 1e-7, **kwargs: Any) -> None:
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.initial_accumulator_value = check_float("initial_accumulator_value", initial_accumulator_value,
                                                     low=0.0, owner="Adagrad")
        self.epsilon = check_float("epsilon", epsilon, low=0.0, owner="Adagrad")

    def _slot_fills(self):
        return [("accumulator", self.initial_accumulator_value)]

    def _update(self, params, grads, lr, part=None):
        t = params.dtype.type
        acc = self._slots["accumulator"]
        acc += np.square(grads)
        denom = acc + t(self.epsilon)
        np.sqrt(denom, out=denom)
        step = grads * t(lr)
        step /= denom
        params -= step

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


def names() -> tuple[str, ...]:
    """Class names of all optimizers, in the order the app lists them."""
    return _REGISTRY.names()


def get(identifier: Any) -> Optimizer:
    """Return an optimizer from a name (``"adam"``), a serialized dict or an instance."""
    return _REGISTRY.deserialize(identifier)


def deserialize(config: Any) -> Optimizer:
    """Inverse of :func:`serialize`."""
    return get(config)


def get_schedule(identifier: Any) -> LearningRateSchedule:
    """Return a learning-rate schedule from a serialized dict or an instance."""
    return _SCHEDULES.deserialize(identifier)


__all__ += ["get_schedule"]
