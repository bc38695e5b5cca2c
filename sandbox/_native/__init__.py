"""The engine's optional C kernels, loaded with ctypes; ``KERNELS`` is None where they are not built.

``pip install`` compiles ``kernels.c`` when a C compiler is present (see ``setup.py``); without one the
engine runs its NumPy code, which gives the same numbers (the kernels do the same float32 operations in
the same order). ``DL_SANDBOX_PURE_NUMPY=1`` in the environment ignores the built library, so both paths
can be tested and timed on one machine.

Why a compiled kernel at all: Adam's update is about a third of the benchmark MLP's training step, and
in NumPy it is twelve passes over the weights (one per ufunc call), each from the cache levels beyond L2
for 109k weights; the fused loop makes one pass.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.machinery
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["KERNELS", "Kernels", "flushing_denormals", "load"]

#: The version kernels.c reports: a library built from an older source is not used.
_VERSION = 1

_f32p = ctypes.POINTER(ctypes.c_float)


class Kernels:
    """The loaded library's functions, with NumPy-array wrappers.

    Parameters
    ----------
    lib : ctypes.CDLL
        The loaded ``_kernels`` library.
    """

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.path = lib._name
        self._adam = lib.dlsb_adam
        self._adam.restype = None
        self._adam.argtypes = [ctypes.c_void_p] * 5 + [ctypes.c_ssize_t] + [ctypes.c_float] * 4
        self._flush = lib.dlsb_flush_denormals
        self._flush.restype = ctypes.c_int
        self._flush.argtypes = []
        self._restore = lib.dlsb_restore_fp
        self._restore.restype = None
        self._restore.argtypes = [ctypes.c_int]

    @staticmethod
    def fits(*arrays: np.ndarray) -> bool:
        """Whether every array is float32, C-contiguous, aligned and of one size (what the kernels take)."""
        size = arrays[0].size
        return all(a.dtype == np.float32 and a.flags.c_contiguous and a.flags.aligned and a.size == size
                   for a in arrays)

    def adam(self, w: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, vhat: np.ndarray | None,
             one_minus_b1: float, one_minus_b2: float, epsilon: float, alpha: float) -> None:
        """Adam's update of ``w`` in place, with ``m``, ``v`` (and ``vhat`` for AMSGrad) updated too.

        Parameters
        ----------
        w, g, m, v : ndarray
            float32, C-contiguous, shape (n,): weights, gradients, first and second moments.
        vhat : ndarray or None
            float32 (n,): AMSGrad's running maximum of ``v``, or None.
        one_minus_b1, one_minus_b2, epsilon, alpha : float
            The step's float32 constants, as ``Adam._update`` computes them.
        """
        self._adam(w.ctypes.data, g.ctypes.data, m.ctypes.data, v.ctypes.data,
                   None if vhat is None else vhat.ctypes.data, w.size,
                   one_minus_b1, one_minus_b2, epsilon, alpha)

    def flush_denormals(self) -> int:
        """Turn on flush-to-zero for this thread; returns what :meth:`restore_fp` needs (−1: no such control)."""
        return self._flush()

    def restore_fp(self, previous: int) -> None:
        """Give this thread back the floating-point control that :meth:`flush_denormals` replaced."""
        self._restore(previous)


def load(directory: Path | None = None) -> Kernels | None:
    """The built library in ``directory`` (this package's by default), or None if absent, stale or unloadable."""
    if os.environ.get("DL_SANDBOX_PURE_NUMPY", "") not in ("", "0"):
        return None
    directory = directory or Path(__file__).parent
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = directory / f"_kernels{suffix}"
        if not path.is_file():
            continue
        try:
            lib = ctypes.CDLL(str(path))
            if lib.dlsb_version() != _VERSION:
                continue
            return Kernels(lib)
        except (OSError, AttributeError):  # built for another machine, or from an older source
            continue
    return None


KERNELS: Any = load()


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
