"""One training step over several threads: the batch is cut in parts, one per core.

NumPy releases the GIL inside ufuncs and BLAS calls, so two Python threads each running one half
of the batch through every layer (im2col, pooling, activations, the GEMMs) use two cores for all of
the step's work, where OpenBLAS's own threads only share the large GEMMs. The loss and its gradient
are computed once, on the whole batch's predictions, so the loss is exactly the one-thread loss and
each weight gradient is the one-thread gradient summed in a different order (float32 rounding,
~1e-7 relative). During the step OpenBLAS is held at one thread, so no BLAS worker spins waiting
for a core that the other half (or another process) holds.

Each extra part runs on a *replica* of the layers: a shallow copy that shares the weights (views
into the model's flat buffer) but has its own gradient buffer and its own per-call state (cached
inputs, im2col workspaces, pooling masks). Only the engine's own layers whose batch rows are
independent are split (no BatchNormalization, no Dropout, no weight penalties, no learner layers).
"""

from __future__ import annotations

import concurrent.futures
import copy
import itertools
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ._native import flushing_denormals
from .layers.base import Layer
from .layers.conv import Conv2D
from .layers.core import Activation, Dense, Flatten, Input, InputLayer, Rescaling, Reshape
from .layers.pooling import AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D

__all__ = ["MIN_ROWS", "MIN_UPDATE_PART", "SMALL_KERNEL", "BatchSplit", "OneBlasThread", "backward_through",
           "blas_threads", "plan", "small_kernels", "splittable"]

#: Fewest batch rows per part: below this, the two thread hand-offs per step cost more than they save.
MIN_ROWS = 16
#: Fewest weights per part for the optimizer's update to be split as well: the MLP's 109k in two parts
#: did not pay for the extra hand-off (65.6k against 62.2k samples/s without and with, beside a busy
#: process), so only models where Adam's passes take milliseconds.
MIN_UPDATE_PART = 262_144
#: Largest kernel (weights) of a model whose one-thread step holds OpenBLAS at one thread: for the MLP
#: (100k), two BLAS threads gained nothing on a quiet machine (101k against 98k samples/s) and collapsed
#: beside one busy process (1.6k against 93k samples/s: a thread spins waiting for its descheduled partner).
SMALL_KERNEL = 262_144

# Exact types (a learner's subclass may keep state across rows): each maps rows to rows independently.
_SPLITTABLE: frozenset[type] = frozenset({
    InputLayer, Input, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Flatten, Reshape,
    Dense, Activation, Rescaling,
})

_lock = threading.Lock()
_pool: concurrent.futures.ThreadPoolExecutor | None = None
_pool_size = 0
_blas: list[Any] | None = None


def _blas_controllers() -> list[Any]:
    """threadpoolctl's controllers of the loaded BLAS libraries (found once: scanning takes milliseconds)."""
    global _blas
    if _blas is None:
        try:
            from threadpoolctl import ThreadpoolController

            _blas = list(ThreadpoolController().select(user_api="blas").lib_controllers)
        except Exception:  # threadpoolctl missing or unable to inspect this BLAS: never split
            _blas = []
    return _blas


def blas_threads() -> int:
    """The BLAS thread limit in force now (1 under ``threadpool_limits(1)``, as in the app's worker).

    Returns 1 when it cannot be read, so that an unknown BLAS never gets a split step.
    """
    controllers = _blas_controllers()
    if not controllers:
        return 1
    return max(1, min(int(c.get_num_threads() or 1) for c in controllers))


def splittable(layers: Sequence[Layer]) -> bool:
    """Whether every layer is one of the engine's row-independent layers, without weight penalties."""
    for layer in layers:
        if type(layer) not in _SPLITTABLE:
            return False
        if (getattr(layer, "kernel_regularizer", None) is not None
                or getattr(layer, "bias_regularizer", None) is not None):
            return False
    return True


def _executor(workers: int) -> concurrent.futures.ThreadPoolExecutor:
    """The shared pool of worker threads, created once (starting threads per step would cost more)."""
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size < workers:
            if _pool is not None:
                _pool.shutdown(wait=False)
            _pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sandbox-batch")
            _pool_size = workers
        return _pool


def _replica(layer: Layer, flat_grad: np.ndarray, grad: np.ndarray) -> Layer:
    """A shallow copy of ``layer`` that shares its weights, writes gradients into ``grad`` (laid out as
    ``flat_grad``) and keeps its own per-call state."""
    r = copy.copy(layer)
    r.grads = {}
    for key, g in layer.grads.items():
        start = (g.ctypes.data - flat_grad.ctypes.data) // g.itemsize
        r.grads[key] = grad[start:start + g.size].reshape(g.shape)
    # caches that hold buffers written during a call: each replica needs its own
    for attr, fresh in (("_spaces", dict), ("_quarter_bufs", dict), ("_join_cache", None), ("_ones", None)):
        if attr in r.__dict__:
            setattr(r, attr, fresh() if fresh is not None else None)
    return r


class BatchSplit:
    """Runs a model's training step in ``parts`` threads over replicas of its layers.

    Parameters
    ----------
    model : Sequential
        A built model whose layers are :func:`splittable`.
    parts : int
        Number of parts (threads, the calling thread included), ≥ 2.
    """

    def __init__(self, model: Any, parts: int) -> None:
        self.parts = parts
        self.key = self.key_for(model, parts)
        flat_grad = model._flat_grad
        self.grads = [np.zeros_like(flat_grad) for _ in range(parts - 1)]
        self.stacks: list[list[Layer]] = [list(model.layers)]
        for grad in self.grads:
            self.stacks.append([_replica(layer, flat_grad, grad) for layer in model.layers])

    @staticmethod
    def key_for(model: Any, parts: int) -> tuple:
        """What a cached split depends on: the buffers, the layers, the number of parts."""
        return (id(model._flat), id(model._flat_grad), tuple(id(layer) for layer in model.layers), parts)

    def run(self, fn: Callable[[int], Any]) -> list[Any]:
        """``[fn(0), fn(1), …]``, each part taken by whichever thread is free first, OpenBLAS at one thread.

        The calling thread takes parts too, and takes every part no worker has started by the time it
        is free. On a busy machine a worker may wait a scheduler time slice to run (another process holds
        its core): waiting for it made the MLP's step 2.5× slower than one thread (34k against 85k
        samples/s beside one busy process); instead the step then simply runs in one thread. Which
        thread runs a part changes nothing in the numbers: part i always runs on layer stack i.
        """
        parts = self.parts
        results: list[Any] = [None] * parts
        errors: list[BaseException | None] = [None] * parts
        done = [threading.Event() for _ in range(parts)]
        claims = itertools.count()  # next() is atomic under the GIL: each part is claimed once

        def work() -> None:
            with flushing_denormals():  # per thread: each worker's arithmetic as the calling thread's
                while (i := next(claims)) < parts:
                    try:
                        results[i] = fn(i)
                    except BaseException as exc:  # re-raised in the calling thread
                        errors[i] = exc
                    finally:
                        done[i].set()

        controllers = _blas_controllers()
        saved = [c.get_num_threads() for c in controllers]
        for c in controllers:
            c.set_num_threads(1)
        try:
            pool = _executor(parts - 1)
            for _ in range(parts - 1):
                pool.submit(work)
            work()
            for event in done:  # parts a worker took: never leave one running on shared layers
                event.wait()
        finally:
            for c, n in zip(controllers, saved, strict=True):
                c.set_num_threads(n)
        for exc in errors:
            if exc is not None:
                raise exc
        return results

    def compute_gradients(self, model: Any, x: np.ndarray, y: Any) -> tuple[float, np.ndarray]:
        """Forward, loss and backward of the batch ``x`` (N, …) in parts; returns ``(loss, predictions)``.

        The model's flat gradient buffer ends with the whole batch's gradient, as after a one-thread step.
        """
        n = len(x)
        bounds = [n * i // self.parts for i in range(self.parts + 1)]
        stacks = self.stacks

        def forward(i: int) -> np.ndarray:
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # per thread in NumPy
                h = x[bounds[i]:bounds[i + 1]]
                for layer in stacks[i]:
                    model._check_interrupt()
                    h = layer.forward(h, True)
                return h

        outs = self.run(forward)
        y_pred = np.concatenate(outs)
        loss, dy, fused = model.loss_and_gradient(y, y_pred)

        def backward(i: int) -> None:
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                backward_through(stacks[i], dy[bounds[i]:bounds[i + 1]], fused, model._check_interrupt)

        self.run(backward)
        for grad in self.grads:
            model._flat_grad += grad
        return loss, y_pred


def backward_through(layers: Sequence[Layer], dy: np.ndarray, preactivation: bool,
                     check: Callable[[], None]) -> None:
    """Back-propagate ``dy`` through ``layers`` from the last, filling their ``grads``.

    With ``preactivation`` ``dy`` is the gradient before the last layer's activation, given to its
    ``backward_preactivation`` (see ``Model.loss_and_gradient``). ``check`` runs before each layer (Stop).
    """
    if preactivation:
        check()
        dy = layers[-1].backward_preactivation(dy)
        layers = layers[:-1]
    for layer in reversed(layers):
        if dy is None:  # a layer that needs no input gradient (the first weighted one) ends the pass
            break
        check()
        dy = layer.backward(dy)


def plan(layers: Sequence[Layer], rows: int, wanted: int | None) -> int:
    """How many parts a training step of ``rows`` rows runs in (1: the one-thread path).

    ``wanted`` None lets the engine choose: the BLAS thread limit, for models with a Conv2D only. A
    Dense-only model is left whole: its step is short (~0.7 ms for the MLP) and the hand-offs cost more
    than the second core gives (62k against 93k samples/s for the MLP beside one busy process).
    """
    if wanted == 1:
        return 1
    if wanted is None:
        if not any(type(layer) is Conv2D for layer in layers):
            return 1
        wanted = default_parts()
    return max(1, min(wanted, rows // MIN_ROWS))


def small_kernels(layers: Sequence[Layer]) -> bool:
    """Whether every layer's kernel has at most :data:`SMALL_KERNEL` weights."""
    return all(getattr(layer, "params", {}).get("kernel", np.empty(0)).size <= SMALL_KERNEL for layer in layers)


class OneBlasThread:
    """``with OneBlasThread():`` holds OpenBLAS at one thread (threadpoolctl's ``threadpool_limits`` costs
    ~170 µs a step, this ~3 µs)."""

    def __enter__(self) -> None:
        self._controllers = _blas_controllers()
        self._saved = [c.get_num_threads() for c in self._controllers]
        for c in self._controllers:
            c.set_num_threads(1)

    def __exit__(self, *exc: object) -> None:
        for c, n in zip(self._controllers, self._saved, strict=True):
            c.set_num_threads(n)


def default_parts() -> int:
    """Parts for a step when the model leaves it to the engine: the BLAS thread limit, at most the cores."""
    return max(1, min(blas_threads(), os.cpu_count() or 1))
