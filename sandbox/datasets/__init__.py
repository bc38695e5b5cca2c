"""Data sets for the sandbox: the bundled digits, MNIST-style IDX folders, Playground's toy sets.

Submodules
----------
digits
    ``load_data()``: 5,000 real MNIST digits shipped with the app, split 4,000 / 1,000.
mnist
    ``load_data()``: ``keras.datasets.mnist.load_data()`` without a download — the learner's own copy
    (Keras's cached ``mnist.npz`` or an IDX folder), else the bundled digits with a note.
idx
    ``load_data(folder)``: any MNIST-style set saved as IDX files (MNIST, Fashion-MNIST, …).
toy
    TensorFlow Playground's 2-D sets (circle, xor, gaussian, spiral, two regressions) and the
    chapter-1 "find the rule" numbers.
augment
    Random shifts, rotations, stroke thickness and noise for digit batches.
"""

from __future__ import annotations

from sandbox.datasets import augment, digits, idx, mnist, preprocess, toy

__all__ = ["augment", "digits", "idx", "mnist", "preprocess", "toy"]
