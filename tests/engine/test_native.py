"""The optional C kernels give the NumPy code's numbers, and long training never slows on denormal numbers.

These tests need the library that ``pip install`` builds with a C compiler; where it was not built the
engine runs its NumPy code (which every other test exercises) and these tests say so in their skip reason.
CI builds it, and its engine-only step runs the whole engine suite again with ``DL_SANDBOX_PURE_NUMPY=1``.
"""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox import _native

needs_kernels = pytest.mark.skipif(
    _native.KERNELS is None,
    reason="the C kernels are not loaded (not built at install for want of a C compiler, or DL_SANDBOX_PURE_NUMPY set)")
TINY = np.float32(1e-38)  # below it (1.18e-38) float32 numbers are denormal


def _adam_run(kernels: object, amsgrad: bool, monkeypatch: pytest.MonkeyPatch, steps: int = 12):
    """Weights and both moments after ``steps`` Adam steps on gradients spanning 1e-8…1e2, some exactly 0."""
    monkeypatch.setattr(_native, "KERNELS", kernels)
    rng = np.random.default_rng(7)
    n = 10_001  # not a multiple of any vector width: the loops' tails are covered
    w = rng.standard_normal(n).astype(np.float32)
    opt = sb.optimizers.Adam(learning_rate=3e-3, amsgrad=amsgrad)
    for _ in range(steps):
        g = (rng.standard_normal(n) * 10.0 ** rng.uniform(-8, 2, n)).astype(np.float32)
        g[::13] = 0
        opt.apply(w, g)
    return w, opt._slots["momentum"].copy(), opt._slots["velocity"].copy()


@needs_kernels
@pytest.mark.parametrize("amsgrad", [False, True])
def test_the_fused_adam_gives_the_numpy_adam_bit_for_bit(amsgrad, monkeypatch):
    fused = _adam_run(_native.KERNELS, amsgrad, monkeypatch)
    numpy_ = _adam_run(None, amsgrad, monkeypatch)
    for a, b in zip(fused, numpy_, strict=True):
        np.testing.assert_array_equal(a, b)


@needs_kernels
def test_a_model_trained_with_the_kernels_matches_one_trained_without(monkeypatch):
    (x, y), _ = sb.datasets.digits.load_data()
    x = x[:512].reshape(512, 784).astype(np.float32) / 255

    def trained(kernels: object) -> np.ndarray:
        monkeypatch.setattr(_native, "KERNELS", kernels)
        model = sb.Sequential([sb.layers.Input((784,)), sb.layers.Dense(32, activation="relu"),
                               sb.layers.Dense(10, activation="softmax")], seed=1)
        model.batch_threads = 1
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y[:512], batch_size=64, epochs=2, verbose=0)
        return model.get_flat_weights()

    np.testing.assert_array_equal(trained(_native.KERNELS), trained(None))


@needs_kernels
def test_arithmetic_flushes_denormals_only_inside_the_block():
    half = np.float32(0.5)
    assert TINY * half != 0  # a denormal result, as NumPy gives by default
    with _native.flushing_denormals():
        assert TINY * half == 0
    assert TINY * half != 0  # the thread's setting is given back


@needs_kernels
def test_every_training_step_runs_with_denormals_flushed(monkeypatch):
    """fit and train_on_batch both step under the flag: a run of thousands of steps keeps its speed."""
    model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(3, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    seen: list[bool] = []
    real = model.compute_gradients

    def spy(x: np.ndarray, y: np.ndarray, training: bool = True):
        seen.append(bool(TINY * np.float32(0.5) == 0))
        return real(x, y, training)

    monkeypatch.setattr(model, "compute_gradients", spy)
    x, y = np.ones((8, 4), np.float32), np.zeros(8, np.int64)
    model.fit(x, y, batch_size=4, epochs=1, verbose=0)
    model.train_on_batch(x, y)
    assert seen == [True, True, True]
    assert TINY * np.float32(0.5) != 0


def test_without_the_kernels_adam_and_training_run_in_numpy(monkeypatch):
    monkeypatch.setattr(_native, "KERNELS", None)
    w, _, v = _adam_run(None, False, monkeypatch, steps=3)
    assert np.isfinite(w).all() and (v >= 0).all()
    with _native.flushing_denormals():  # nothing to switch: a no-op, not an error
        pass


def test_pure_numpy_setting_and_a_folder_without_the_library_load_nothing(monkeypatch, tmp_path):
    assert _native.load(tmp_path) is None
    monkeypatch.setenv("DL_SANDBOX_PURE_NUMPY", "1")
    assert _native.load() is None
