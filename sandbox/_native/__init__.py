"""The engine's optional C kernels: ``KERNELS`` is the module ``_kernels``, or None where it is not built.

``pip install`` compiles ``kernels.c`` when a C compiler and Python's headers are present (see ``setup.py``);
without them the engine runs its NumPy code, which gives the same numbers (the kernels do the same float32
operations in the same order). ``DL_SANDBOX_PURE_NUMPY=1`` in the environment ignores the built module, so
both paths can be tested and timed on one machine.

Why compiled kernels at all: Adam's update was about a third of the benchmark MLP's training step, and in
NumPy it is twelve passes over the weights (one per ufunc call); the fused loop makes one (56 against
170 µs for 109k weights). Each kernel returns False (or None) and changes nothing when its arrays are not
float32 and C-contiguous, and the caller then runs its NumPy code.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
from collections.abc import Iterator
from types import ModuleType

__all__ = ["KERNELS", "PAIR_MIN_PRODUCT", "PAIR_MIN_WEIGHTS", "flushing_denormals", "load", "pair_block",
           "pairing", "pairing_now"]

#: The ``VERSION`` that kernels.c defines: a module built from an older source is not used.
_VERSION = 10


def load() -> ModuleType | None:
    """The built ``_kernels`` module, or None if absent, stale, or ``DL_SANDBOX_PURE_NUMPY`` is set."""
    if os.environ.get("DL_SANDBOX_PURE_NUMPY", "") not in ("", "0"):
        return None
    try:
        module = importlib.import_module(f"{__name__}._kernels")
    except ImportError:  # not built (no compiler at install), or built for another Python
        return None
    return module if getattr(module, "VERSION", None) == _VERSION else None


KERNELS: ModuleType | None = load()


@contextlib.contextmanager
def flushing_denormals() -> Iterator[None]:
    """Within the block, this thread's float arithmetic flushes numbers below 1.2e-38 to zero.

    A long Adam run otherwise slows down by half: weights that rarely get a gradient see their momentum
    decay by 0.9 a step into such "denormal" numbers, each costing about a hundred cycles to compute with
    (the benchmark MLP: 600 µs a step for the first ten epochs, 900–1,050 µs after fifteen, with ~4,000 of
    them). TensorFlow, under Keras, trains with the same flag set. Without the built kernels nothing changes.
    """
    kernels = KERNELS
    if kernels is None:
        yield
        return
    previous = kernels.flush_denormals()
    try:
        yield
    finally:
        kernels.restore_fp(previous)


#: Smallest m·n·k of a matrix product worth halving with the helper thread: the benchmark MLP's first layer
#: (64·784·128 = 6.4M, 96 µs) gains; its second (64·128·64 = 0.5M, ~5 µs) would not pay for the hand-off.
PAIR_MIN_PRODUCT = 1_000_000
#: Fewest weights for Adam's pass to be halved with the helper thread (the MLP's 109k: 50 µs of memory traffic).
PAIR_MIN_WEIGHTS = 65_536

_local = threading.local()
_sgemm_ready: bool | None = None


def _find_sgemm() -> bool:
    """Give the kernels OpenBLAS's cblas_sgemm, the one NumPy loaded (found once), and check it multiplies."""
    global _sgemm_ready
    if _sgemm_ready is None:
        _sgemm_ready = False
        kernels = KERNELS
        try:
            import ctypes

            import numpy as np
            from threadpoolctl import ThreadpoolController

            for lib in ThreadpoolController().select(internal_api="openblas").lib_controllers:
                prefix, suffix = getattr(lib, "_symbol_prefix", ""), getattr(lib, "_symbol_suffix", "")
                sgemm = getattr(lib.dynlib, f"{prefix}cblas_sgemm{suffix}", None)
                sdot = getattr(lib.dynlib, f"{prefix}cblas_sdot{suffix}", None)
                if sgemm is None or sdot is None or kernels is None:
                    continue
                address = ctypes.cast(sgemm, ctypes.c_void_p).value, ctypes.cast(sdot, ctypes.c_void_p).value
                kernels.set_blas(*address, suffix.startswith("64"))
                a = np.arange(12, dtype=np.float32).reshape(3, 4)
                b = np.arange(8, dtype=np.float32).reshape(4, 2)
                out = np.zeros((3, 2), np.float32)
                done = kernels.matmul_pair(a, b, out, -1, None)
                squares = kernels.sumsq_pair(a.ravel(), 0, 0, 0)
                if done and np.array_equal(out, a @ b) and squares == float(np.dot(a.ravel(), a.ravel())):
                    _sgemm_ready = True
                    break
                kernels.set_blas(0, 0, True)
        except Exception:  # threadpoolctl missing, another BLAS, a symbol not found: products stay NumPy's
            _sgemm_ready = False
    return _sgemm_ready


def pairing_now() -> bool:
    """Whether this thread's current training step may hand half of its large products and of Adam to the
    helper thread (see :func:`pairing`)."""
    return _local.__dict__.get("pair", False)


def pair_block() -> tuple[int, int, int]:
    """The ``(start, rows, columns)`` block of the weight buffer whose rows the step splits (see
    :func:`pairing`), or ``(0, 0, 0)``: Adam then halves the buffer."""
    return _local.__dict__.get("block", (0, 0, 0))


class pairing:  # lower case: used as a context manager, like contextlib's
    """Within the block, this thread's large matrix products and Adam's pass run in two halves, here and on
    the kernels' helper thread; ``with pairing() as available`` says whether that is available (the kernels
    built, OpenBLAS found).

    For a one-thread training step (a small dense network) when the BLAS may use two threads: OpenBLAS's own
    threads lost on these sizes (118k against 128k samples/s for the benchmark MLP), and a Python thread
    costs ~20 µs a hand-off, as much as it saves. A class rather than a generator: it is entered twice in
    every training step, and contextlib's machinery cost ~5 µs of a ~400 µs step.

    Parameters
    ----------
    block : (int, int, int), optional
        ``(start, rows, cols)``: the largest layer's kernel in the flat weight buffer. Its forward product
        splits the kernel's rows (the inner dimension), its weight gradient the same rows, and Adam and the
        gradient norm split the buffer after the same row, so each core reads, differentiates and updates the
        same half of the kernel in every step. Halves that crossed made every step move ~200 KB between the
        cores' caches (a step of 389 against 340 µs; with only the products or only Adam halved, slower than
        no helper at all: 131–135k against 140k samples/s).
    """

    __slots__ = ("_before", "_block", "_on")

    def __init__(self, block: tuple[int, int, int] | None = None) -> None:
        self._block = block or (0, 0, 0)
        self._on = False
        self._before = (False, (0, 0, 0))

    def __enter__(self) -> bool:
        self._on = KERNELS is not None and (_sgemm_ready if _sgemm_ready is not None else _find_sgemm())
        if self._on:
            state = _local.__dict__
            self._before = state.get("pair", False), state.get("block", (0, 0, 0))
            _local.pair, _local.block = True, self._block
        return self._on

    def __exit__(self, *exc: object) -> None:
        if self._on:
            _local.pair, _local.block = self._before
