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
from collections.abc import Iterator
from types import ModuleType

__all__ = ["KERNELS", "flushing_denormals", "load"]

#: The ``VERSION`` that kernels.c defines: a module built from an older source is not used.
_VERSION = 4


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
