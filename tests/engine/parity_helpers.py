"""Helpers for the Keras-parity tests: build one architecture in both libraries and compare them step by step.

A case is written once as functions of a library namespace ``L`` (``keras`` or ``sandbox``): both expose
``L.layers``, ``L.optimizers``, ``L.losses`` and ``L.regularizers`` with the same class names, so
``lambda L: [L.layers.Dense(3)]`` builds the same layer in each. Only learning-rate schedules live in
different places (``keras.optimizers.schedules`` vs ``sandbox.optimizers``): use :func:`schedules`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

import sandbox as sb

# Float32 in both libraries; the engine sums losses in float64 and Keras in float32, so values agree to a
# few float32 ulps. 1e-5 relative leaves an order of magnitude of headroom after several steps.
RTOL = 1e-5
# Values that end up near 0 (biases after a few steps, gradients of saturated units) are compared with
# this absolute floor instead: 1e-6 is ~10 ulps of the O(0.1–1) weights around them.
ATOL = 1e-6

Factory = Callable[[Any], Any]


def schedules(lib: Any) -> Any:
    """The namespace holding ``ExponentialDecay`` and ``CosineDecay`` in ``lib``."""
    return lib.optimizers if lib is sb else lib.optimizers.schedules


@dataclass
class ErrorLog:
    """Worst errors seen per test area, written as JSON lines to ``$PARITY_REPORT`` when set."""

    worst: dict[str, dict[str, float]] = field(default_factory=dict)

    def record(self, area: str, actual: Any, desired: Any, rtol: float = RTOL, atol: float = ATOL) -> None:
        """Keep, per area: the largest relative error where ``rtol`` governs (``|desired| ≥ atol/rtol``),
        the largest absolute error, and the largest share of the allowed error used (≤ 1 passes)."""
        a = np.asarray(actual, np.float64)
        d = np.asarray(desired, np.float64)
        if not a.size or a.shape != d.shape or not (np.isfinite(a).all() and np.isfinite(d).all()):
            return
        diff = np.abs(a - d)
        big = (np.abs(d) >= atol / rtol) & (d != 0) if rtol else np.zeros(d.shape, bool)
        rel = float((diff[big] / np.abs(d[big])).max()) if big.any() else 0.0
        allowed = atol + rtol * np.abs(d)
        used = float(np.max(np.where(diff == 0, 0.0, diff / np.where(allowed > 0, allowed, np.inf))))
        entry = self.worst.setdefault(area, {"max_rel": 0.0, "max_abs": 0.0, "tol_used": 0.0, "checks": 0})
        entry["max_rel"] = max(entry["max_rel"], rel)
        entry["max_abs"] = max(entry["max_abs"], float(diff.max()))
        entry["tol_used"] = max(entry["tol_used"], used)
        entry["checks"] += 1

    def dump(self) -> None:
        path = os.environ.get("PARITY_REPORT")
        if not path or not self.worst:
            return
        with open(path, "a", encoding="utf-8") as fh:
            for area, entry in sorted(self.worst.items()):
                fh.write(json.dumps({"area": area, **entry}) + "\n")


LOG = ErrorLog()


def assert_close(area: str, what: str, actual: Any, desired: Any, rtol: float = RTOL, atol: float = ATOL) -> None:
    """``assert_allclose`` that also records the error under ``area``."""
    LOG.record(area, actual, desired, rtol, atol)
    np.testing.assert_allclose(np.asarray(actual, np.float64), np.asarray(desired, np.float64),
                               rtol=rtol, atol=atol, err_msg=f"{area}: {what}")


@dataclass
class Pair:
    """The same model in Keras (``k``) and in the sandbox (``s``), with equal weights."""

    k: Any
    s: Any
    keras: Any


def build_pair(keras: Any, input_shape: Sequence[int], layers: Factory, *, weight_scale: float = 1.0,
               weights: Callable[[list[np.ndarray]], list[np.ndarray]] | None = None) -> Pair:
    """Build ``layers(L)`` after ``Input(input_shape)`` in both libraries and copy Keras's weights over.

    ``weight_scale`` multiplies every initial weight (to push units into saturation); ``weights`` may
    rewrite the list before it is loaded into both.
    """
    keras.utils.set_random_seed(0)
    km = keras.Sequential([keras.Input(tuple(input_shape)), *layers(keras)])
    sm = sb.Sequential([sb.layers.Input(tuple(input_shape)), *layers(sb)], seed=0)
    w = [np.asarray(a, np.float32) * np.float32(weight_scale) for a in km.get_weights()]
    if weights is not None:
        w = [np.asarray(a, np.float32) for a in weights(w)]
    km.set_weights(w)
    sm.set_weights(w)
    return Pair(km, sm, keras)


def compile_pair(pair: Pair, optimizer: Factory, loss: Factory | str, metrics: Sequence[str] = ()) -> None:
    """Compile both models with ``optimizer(L)``, ``loss`` (a name or ``loss(L)``) and ``metrics``."""
    for lib, model in ((pair.keras, pair.k), (sb, pair.s)):
        model.compile(optimizer=optimizer(lib), loss=loss if isinstance(loss, str) else loss(lib),
                      metrics=list(metrics))


def compare_weights(area: str, pair: Pair, rtol: float = RTOL, atol: float = ATOL) -> None:
    kw, sw = pair.k.get_weights(), pair.s.get_weights()
    assert len(kw) == len(sw), f"{area}: {len(kw)} Keras weights vs {len(sw)} sandbox weights"
    for i, (a, b) in enumerate(zip(sw, kw, strict=True)):
        assert a.shape == b.shape, f"{area}: weight {i} shape {a.shape} vs Keras {b.shape}"
        assert_close(area, f"weight {i} {a.shape}", a, b, rtol, atol)


def compare_logs(area: str, step: str, s_logs: Any, k_logs: Any,
                 rtol: float = RTOL, atol: float = ATOL) -> None:
    if isinstance(k_logs, list | float):  # return_dict=False: [loss, *metrics] in compile order, or a float
        assert_close(area, f"{step} (list form)", s_logs, k_logs, rtol, atol)
        return
    assert sorted(s_logs) == sorted(k_logs), f"{area}: log names {list(s_logs)} vs Keras {list(k_logs)}"
    for name in k_logs:
        assert_close(area, f"{step} {name}", s_logs[name], k_logs[name], rtol, atol)


def train_and_compare(area: str, pair: Pair, x: np.ndarray, y: np.ndarray, steps: int = 5,
                      rtol: float = RTOL, atol: float = ATOL, check_lr: bool = False) -> None:
    """``train_on_batch`` ``steps`` times on both; compare logs each step, then weights and ``predict``."""
    for step in range(steps):
        if check_lr:
            assert_close(area, f"learning rate before step {step}", pair.s.optimizer.learning_rate,
                         float(pair.k.optimizer.learning_rate), rtol, 0.0)
        as_dict = step < steps - 1  # the last step checks the list form
        k_logs = pair.k.train_on_batch(x, y, return_dict=as_dict)
        s_logs = pair.s.train_on_batch(x, y, return_dict=as_dict)
        compare_logs(area, f"train_on_batch step {step}", s_logs, k_logs, rtol, atol)
    assert pair.s.optimizer.iterations == int(pair.k.optimizer.iterations)
    compare_weights(area, pair, rtol, atol)
    assert_close(area, "predict", pair.s.predict(x), pair.k.predict(x, verbose=0), rtol, atol)
