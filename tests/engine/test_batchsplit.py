"""A training step split over threads computes what the one-thread step computes."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

import sandbox as sb
from sandbox import batchsplit

L = sb.layers


def _cnn(seed: int = 3, **dense: object) -> sb.Sequential:
    model = sb.Sequential([L.Input((12, 12, 2)), L.Conv2D(4, 3, padding="same", activation="relu"), L.MaxPooling2D(),
                           L.Conv2D(6, 3, activation="relu"), L.AveragePooling2D(), L.Flatten(),
                           L.Dense(10, activation="softmax", **dense)], seed=seed)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _mlp(seed: int = 3) -> sb.Sequential:
    model = sb.Sequential([L.Input((20,)), L.Dense(16, activation="relu"), L.Dense(8, activation="tanh"),
                           L.Dense(3, activation="softmax")], seed=seed)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


def _data(shape: tuple[int, ...], n: int = 64, classes: int = 10) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.random((n, *shape), dtype=np.float32), rng.integers(0, classes, n)


@pytest.mark.parametrize("parts", [2, 3])
@pytest.mark.parametrize("make, shape, classes", [(_cnn, (12, 12, 2), 10), (_mlp, (20,), 3)])
def test_split_step_equals_one_thread_step(make, shape, classes, parts):
    x, y = _data(shape, 61, classes)  # parts of unequal size
    one, split = make(), make()
    one.batch_threads, split.batch_threads = 1, parts
    loss1, pred1 = one.compute_gradients(x, y)
    assert split._batch_split(x) is not None
    loss2, pred2 = split.compute_gradients(x, y)
    assert pred2.dtype == np.float32 and split._flat_grad.dtype == np.float32
    assert loss2 == loss1  # the loss is computed once on the whole batch, as in one thread
    np.testing.assert_array_equal(pred2, pred1)  # every row goes through the same arithmetic
    # the gradient is the same sum in another order
    np.testing.assert_allclose(split._flat_grad, one._flat_grad, rtol=1e-5, atol=1e-7)


def test_split_training_follows_one_thread_training():
    x, y = _data((12, 12, 2), 128)
    one, split = _cnn(), _cnn()
    one.batch_threads, split.batch_threads = 1, 2
    h1 = one.fit(x, y, batch_size=64, epochs=3, verbose=0)
    h2 = split.fit(x, y, batch_size=64, epochs=3, verbose=0)
    np.testing.assert_allclose(h2.history["loss"], h1.history["loss"], rtol=1e-5)
    np.testing.assert_allclose(split.get_flat_weights(), one.get_flat_weights(), rtol=1e-4, atol=1e-6)
    # prediction never splits, and the replicas left the model's own layers usable
    np.testing.assert_allclose(split.predict(x[:5], verbose=0), one.predict(x[:5], verbose=0), rtol=1e-4, atol=1e-6)


def test_follows_the_blas_limit_and_keeps_it():
    x, y = _data((12, 12, 2))
    model = _cnn()
    model.build()
    with threadpool_limits(limits=1, user_api="blas"):  # the app's worker: one thread, no split
        assert model._batch_split(x) is None
    with threadpool_limits(limits=2, user_api="blas"):
        before = batchsplit.blas_threads()
        split = model._batch_split(x)
        assert (split is not None) == (before >= 2 and batchsplit.default_parts() >= 2)
        model.compute_gradients(x, y)
        assert batchsplit.blas_threads() == before  # restored after the step


def test_small_batches_and_unsplittable_models_take_one_thread():
    x, _ = _data((12, 12, 2))
    model = _cnn()
    model.batch_threads = 2
    model.build()
    assert model._batch_split(x[:batchsplit.MIN_ROWS * 2 - 1]) is None
    assert _cnn(kernel_regularizer="l2")._batch_split(x) is None  # a penalty would be counted per part
    dropout = sb.Sequential([L.Input((20,)), L.Dense(8), L.Dropout(0.5), L.Dense(3, activation="softmax")])
    dropout.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    dropout.batch_threads = 2
    dropout.build()
    assert dropout._batch_split(x.reshape(64, -1)[:, :20]) is None


def test_replicas_follow_a_rebuilt_model():
    x, y = _data((12, 12, 2))
    model = _cnn()
    model.batch_threads = 2
    model.compute_gradients(x, y)
    first = model._split
    model.set_weights([w * 0.5 for w in model.get_weights()])  # in place: the same split still applies
    assert model._batch_split(x) is first
    model.pop()
    model.add(L.Dense(10, activation="softmax"))
    model.build()
    loss, _ = model.compute_gradients(x, y)
    assert model._split is not first and np.isfinite(loss)


@pytest.mark.parametrize("amsgrad", [False, True])
def test_adam_in_parts_gives_the_same_bits(amsgrad):
    rng = np.random.default_rng(1)
    n = 3 * batchsplit.MIN_UPDATE_PART + 7
    params = rng.standard_normal(n).astype(np.float32)
    serial, parted = params.copy(), params.copy()
    one = sb.optimizers.Adam(amsgrad=amsgrad, weight_decay=0.01)
    many = sb.optimizers.Adam(amsgrad=amsgrad, weight_decay=0.01)

    def run_parts(fn):  # the parts in threads, as a split model runs them
        import concurrent.futures

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            return list(pool.map(fn, range(3)))

    for _ in range(3):
        grads = rng.standard_normal(n).astype(np.float32)
        one.apply(serial, grads.copy())
        many.apply(parted, grads.copy(), run_parts=run_parts, parts=3)
    np.testing.assert_array_equal(parted, serial)
    for name, slot in one._slots.items():
        np.testing.assert_array_equal(many._slots[name], slot)


def test_large_model_splits_its_optimizer_step(monkeypatch):
    monkeypatch.setattr(batchsplit, "MIN_UPDATE_PART", 32_768)  # the real threshold wants a bigger model
    model = sb.Sequential([L.Input((784,)), L.Dense(128, activation="relu"), L.Dense(10, activation="softmax")],
                          seed=1)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    one = model.copy()
    one.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.batch_threads, one.batch_threads = 2, 1
    x, y = _data((784,))
    for m in (model, one):
        m.train_on_batch(x, y)
        m.train_on_batch(x, y)
    assert model._flat.size >= 2 * batchsplit.MIN_UPDATE_PART and model._last_split is not None
    np.testing.assert_allclose(model.get_flat_weights(), one.get_flat_weights(), rtol=1e-5, atol=1e-7)


def test_the_engine_splits_convnets_only_and_holds_blas_for_small_kernels():
    x, y = _data((20,), classes=3)
    mlp = _mlp()
    mlp.build()
    assert batchsplit.plan(mlp.layers, 64, None) == 1  # Dense only: the hand-offs cost more than they give
    assert batchsplit.plan(mlp.layers, 64, 2) == 2  # unless asked
    assert batchsplit.plan(_cnn().layers, 20, 4) == 1  # too few rows per part
    assert batchsplit.small_kernels(mlp.layers)
    with threadpool_limits(limits=2, user_api="blas"):
        before = batchsplit.blas_threads()
        mlp.compute_gradients(x, y)  # the one-thread path, OpenBLAS held at one thread meanwhile
        assert mlp._last_split is None and batchsplit.blas_threads() == before
    big = sb.Sequential([L.Input((1024,)), L.Dense(512), L.Dense(3, activation="softmax")])
    big.build()
    assert not batchsplit.small_kernels(big.layers)
