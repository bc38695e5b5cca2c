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


def test_pure_numpy_setting_or_a_stale_build_loads_nothing(monkeypatch):
    monkeypatch.setenv("DL_SANDBOX_PURE_NUMPY", "1")
    assert _native.load() is None
    monkeypatch.delenv("DL_SANDBOX_PURE_NUMPY")
    if _native.KERNELS is not None:
        monkeypatch.setattr(_native.KERNELS, "VERSION", -1)  # as if built from an older kernels.c
        assert _native.load() is None


@needs_kernels
def test_dense_relu_layers_give_the_numpy_numbers_forward_and_backward(monkeypatch):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((33, 17)).astype(np.float32)
    x[0, :] = np.nan  # NaN stays NaN through max(z, 0), as in NumPy
    dy = rng.standard_normal((33, 9)).astype(np.float32)
    outputs = []
    for kernels in (_native.KERNELS, None):
        monkeypatch.setattr(_native, "KERNELS", kernels)
        layer = sb.layers.Dense(9, activation="relu")
        model = sb.Sequential([sb.layers.Input((17,)), layer], seed=4)
        model.build()
        y = layer.forward(x, True)
        dx = layer.backward(dy)
        outputs.append((y, layer._z, dx, layer.grads["kernel"].copy(), layer.grads["bias"].copy()))
    for a, b in zip(*outputs, strict=True):
        np.testing.assert_array_equal(a, b)


@needs_kernels
def test_the_fused_loss_gives_the_numpy_shortcut_s_numbers(monkeypatch):
    rng = np.random.default_rng(5)
    z = rng.standard_normal((50, 7)).astype(np.float32)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    labels = rng.integers(0, 7, 50)
    loss = sb.losses.get("sparse_categorical_crossentropy")
    z[:3] = [[40, 0, 0, 0, 0, 0, 0]] * 3  # sure of class 0: clipped high for the first, low for two
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    labels[:3] = [0, 1, 2]
    got = loss.softmax_forward_backward(labels, p)
    monkeypatch.setattr(_native, "KERNELS", None)
    want = loss.softmax_forward_backward(labels, p)
    assert got[0] == pytest.approx(want[0], rel=1e-6)  # logf and NumPy's log may differ in the last bit
    np.testing.assert_array_equal(got[1], want[1])


@needs_kernels
def test_arrays_the_kernels_do_not_take_are_left_to_numpy():
    kernels = _native.KERNELS
    z64 = np.ones((4, 3))
    assert kernels.relu_backward(z64, z64, np.empty_like(z64)) is False  # float64
    strided = np.ones((4, 6), np.float32)[:, ::2]
    assert kernels.bias_relu(strided, np.ones(3, np.float32), np.empty((4, 3), np.float32)) is False
    p = np.full((2, 3), 1 / 3, np.float32)
    assert kernels.softmax_sparse_ce(p, np.array([0, 5]), 0.5, 1e-7, 1 - 1e-7, np.empty_like(p)) is None  # range
    # and a model in float64 trains through the NumPy code
    model = sb.Sequential([sb.layers.Input((3,)), sb.layers.Dense(4, activation="relu"),
                           sb.layers.Dense(2, activation="softmax")], seed=0, dtype="float64")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    history = model.fit(np.ones((8, 3)), np.zeros(8, np.int64), epochs=2, verbose=0)
    assert np.isfinite(history.history["loss"]).all()


@needs_kernels
@pytest.mark.parametrize("size", [28, 14, 7, 3])
def test_max_pooling_after_a_convolution_gives_the_numpy_numbers(size, monkeypatch):
    """Conv2D hands pooling its output on a padded grid; winners and ties follow the NumPy code's rules."""
    rng = np.random.default_rng(size)
    x = rng.standard_normal((5, size, size, 2)).astype(np.float32)
    x[0, 0, 0, 0] = np.nan
    x[1, :2, :2, 1] = 0.5  # a tie: the first of the window takes the gradient
    dy = None
    outputs = []
    for kernels in (_native.KERNELS, None):
        monkeypatch.setattr(_native, "KERNELS", kernels)
        conv = sb.layers.Conv2D(3, 3, padding="same", activation="relu")
        pool = sb.layers.MaxPooling2D()
        model = sb.Sequential([sb.layers.Input((size, size, 2)), conv, pool], seed=1)
        model.build()
        conv.params["kernel"][...] = 0
        conv.params["kernel"][1, 1, 0, :] = 1  # the conv copies channel 0 (ties and NaN survive it)
        h = conv.forward(x, True)
        y = pool.forward(h, True)
        dy = rng.standard_normal(y.shape).astype(np.float32) if dy is None else dy
        outputs.append((y, pool.backward(dy), pool.forward(h, False)))
    for a, b in zip(*outputs, strict=True):
        np.testing.assert_array_equal(a, b)


def _pairing_or_skip() -> None:
    with _native.pairing() as available:
        if not available:
            pytest.skip("no helper thread here (the kernels or NumPy's OpenBLAS not found, or not Linux)")


@needs_kernels
@pytest.mark.parametrize("a_shape, b_shape, transpose_a", [((64, 784), (784, 128), False),   # a forward product
                                                           ((64, 784), (64, 128), True),     # a weight gradient
                                                           ((5, 3), (3, 9), False)])
def test_a_product_halved_with_the_helper_thread_is_numpy_s_product(a_shape, b_shape, transpose_a):
    _pairing_or_skip()
    rng = np.random.default_rng(0)
    a = rng.standard_normal(a_shape).astype(np.float32)
    a = a.T if transpose_a else a
    b = rng.standard_normal(b_shape).astype(np.float32)
    out = np.full((a.shape[0], b.shape[1]), np.nan, np.float32)
    with _native.pairing():
        assert _native.KERNELS.matmul_pair(a, b, out, -1, None)
    np.testing.assert_array_equal(out, a @ b)


@needs_kernels
def test_a_product_split_along_its_inner_dimension_rounds_once_more():
    _pairing_or_skip()
    rng = np.random.default_rng(3)
    a = rng.standard_normal((64, 784)).astype(np.float32)
    b = rng.standard_normal((784, 128)).astype(np.float32)
    out = np.empty((64, 128), np.float32)
    with _native.pairing():
        assert _native.KERNELS.matmul_pair(a, b, out, 2, np.empty_like(out))
        assert not _native.KERNELS.matmul_pair(a, b, out, 2, None)  # no scratch: not done
    np.testing.assert_allclose(out, a.astype(np.float64) @ b.astype(np.float64), rtol=1e-5, atol=1e-4)


@needs_kernels
@pytest.mark.parametrize("block", [None, (100, 30, 51)])  # two halves; after row 15 of a (30, 51) block
def test_adam_halved_with_the_helper_thread_gives_the_same_bits(block, monkeypatch):
    _pairing_or_skip()
    whole = _adam_run(_native.KERNELS, False, monkeypatch)
    monkeypatch.setattr(_native, "PAIR_MIN_WEIGHTS", 1000)
    with _native.pairing(block):
        halves = _adam_run(_native.KERNELS, False, monkeypatch)
    for a, b in zip(whole, halves, strict=True):
        np.testing.assert_array_equal(a, b)


@needs_kernels
def test_an_mlp_trained_at_two_threads_with_the_helper_matches_one_thread():
    """The library at two BLAS threads halves the MLP's large products and Adam with the helper thread."""
    _pairing_or_skip()
    from threadpoolctl import threadpool_limits

    (x, y), _ = sb.datasets.digits.load_data()
    x = x[:640].reshape(640, 784).astype(np.float32) / 255

    def trained(threads: int) -> tuple[np.ndarray, bool]:
        model = sb.Sequential([sb.layers.Input((784,)), sb.layers.Dense(128, activation="relu"),
                               sb.layers.Dense(10, activation="softmax")], seed=2)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        with threadpool_limits(threads):
            model.fit(x, y[:640], batch_size=64, epochs=2, verbose=0)
        return model.get_flat_weights(), model._paired

    one, paired_one = trained(1)
    two, paired_two = trained(2)
    assert (paired_one, paired_two) == (False, True)
    # the forward product's two halves of the inner dimension are added once more: float32 rounding only
    np.testing.assert_allclose(two, one, rtol=0, atol=1e-6)


@needs_kernels
def test_a_second_thread_asking_while_the_helper_is_busy_gets_numpy():
    """One caller at a time: while one thread holds the pair, another's call returns False at once."""
    _pairing_or_skip()
    import threading

    rng = np.random.default_rng(1)
    a = rng.standard_normal((256, 2048)).astype(np.float32)
    b = rng.standard_normal((2048, 512)).astype(np.float32)
    results: list[bool] = []
    go = threading.Barrier(3)

    def multiply() -> None:
        out = np.empty((256, 512), np.float32)
        with _native.pairing():
            go.wait()
            for _ in range(20):
                if _native.KERNELS.matmul_pair(a, b, out, -1, None):
                    np.testing.assert_allclose(out, a @ b, rtol=1e-4, atol=1e-3)
                    results.append(True)
                else:
                    results.append(False)

    threads = [threading.Thread(target=multiply) for _ in range(2)]
    for t in threads:
        t.start()
    go.wait()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 40 and any(results)


@needs_kernels
def test_a_forked_child_multiplies_without_the_parent_s_helper_thread():
    """After fork the child has no helper thread: its first halved product starts one (or runs alone)."""
    _pairing_or_skip()
    import multiprocessing

    rng = np.random.default_rng(2)
    a = rng.standard_normal((64, 784)).astype(np.float32)
    b = rng.standard_normal((784, 128)).astype(np.float32)
    out = np.empty((64, 128), np.float32)
    with _native.pairing():
        _native.KERNELS.matmul_pair(a, b, out, -1, None)  # the parent's helper exists now
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_product, args=(a, b, queue))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == 0
    np.testing.assert_array_equal(queue.get(timeout=5), a @ b)


def _child_product(a: np.ndarray, b: np.ndarray, queue: object) -> None:
    out = np.empty((a.shape[0], b.shape[1]), np.float32)
    with _native.pairing():
        assert _native.KERNELS.matmul_pair(a, b, out, -1, None)
    queue.put(out)


@needs_kernels
def test_the_gradient_norm_summed_on_both_cores_is_numpy_s(monkeypatch):
    _pairing_or_skip()
    rng = np.random.default_rng(6)
    g = (rng.standard_normal(100_003) * 10.0 ** rng.uniform(-6, 2, 100_003)).astype(np.float32)
    with _native.pairing((17, 300, 333)):
        squares = _native.KERNELS.sumsq_pair(g, *_native.pair_block())
    assert squares == pytest.approx(float(np.dot(g.astype(np.float64), g.astype(np.float64))), rel=1e-5)
    g[5] = np.nan
    with _native.pairing():
        assert np.isnan(_native.KERNELS.sumsq_pair(g, 0, 0, 0))
