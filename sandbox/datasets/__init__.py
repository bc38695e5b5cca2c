"""Data sets for the sandbox: the bundled digits, MNIST-style IDX folders, Playground's toy sets.

Submodules
----------
digits
    ``load_data()``: 5,000 real MNIST digits shipped with the app, split 4,000 / 1,000.
idx
    ``load_data(folder)``: any MNIST-style set saved as IDX files (MNIST, Fashion-MNIST, …).
toy
    TensorFlow Playground's 2-D sets (circle, xor, gaussian, spiral, two regressions) and the
    chapter-1 "find the rule" numbers.
augment
    Random shifts, rotations, stroke thickness and noise for digit batches.
"""

from __future__ import annotations

from sandbox.datasets import augment, digits, idx, preprocess, toy

__all__ = ["augment", "digits", "idx", "preprocess", "toy"]
