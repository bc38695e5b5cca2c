"""Unit tests of the Keras names added for the book's cells (issue 14): each name, its edge cases and errors."""

from __future__ import annotations

import struct
import zipfile

import numpy as np
import pytest

import sandbox as sb
from sandbox import layers
from sandbox.datasets import mnist


def small_model(seed=0, metrics=("accuracy",)):
    model = sb.Sequential([sb.Input((4,)), layers.Dense(5, activation="relu"), layers.Dense(3, activation="softmax")],
                          seed=seed)
    model.compile("adam", "sparse_categorical_crossentropy", metrics=list(metrics))
    return model


def data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4)).astype("float32")
    return x, (x[:, 0] > 0).astype("int64") + (x[:, 1] > 1)


# ---- metrics -----------------------------------------------------------------------------------------------
def test_stateful_metrics_accumulate_reset_and_call():
    m = sb.metrics.BinaryAccuracy()
    m.update_state([[1], [0]], [[0.7], [0.8]])
    m.update_state([[1], [1]], [[0.9], [0.6]])
    assert m.result() == 0.75
    m.reset_state()
    assert m.result() == 0.0
    assert sb.metrics.BinaryAccuracy(threshold=0.9)([[1]], [[0.8]]) == 0.0
    top = sb.metrics.TopKCategoricalAccuracy(k=2)
    assert top(np.eye(3)[[0, 1]], np.array([[0.2, 0.5, 0.3], [0.1, 0.2, 0.7]])) == 0.5
    mean = sb.metrics.Mean()
    mean.update_state([1.0, 3.0], sample_weight=[1.0, 3.0])
    assert mean.result() == 2.5
    assert [v.name for v in mean.variables] == ["total", "count"]


def test_metric_objects_in_compile_report_under_their_name_and_are_saved_by_name(tmp_path):
    model = small_model(metrics=[sb.metrics.SparseCategoricalAccuracy(), "accuracy"])
    x, y = data()
    history = model.fit(x, y, epochs=1, verbose=0)
    assert set(history.history) == {"loss", "sparse_categorical_accuracy", "accuracy"}
    assert model.metrics_names == ["loss", "sparse_categorical_accuracy", "accuracy"]
    assert history.history["sparse_categorical_accuracy"] == history.history["accuracy"]
    model.save(tmp_path / "m.dlsb")
    assert sb.load_model(tmp_path / "m.dlsb").metrics_names == model.metrics_names


def test_a_metric_subclass_that_forgot_super_init_is_told_so():
    class Broken(sb.metrics.Metric):
        def __init__(self):
            self.total = self.add_weight("total")

    with pytest.raises(sb.LayerArgumentError) as info:
        Broken()
    assert info.value.code == "metric.super_not_called"


# ---- callbacks ---------------------------------------------------------------------------------------------
class Recorder(sb.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.calls = []

    def __getattribute__(self, name):
        attr = object.__getattribute__(self, name)
        if name.startswith("on_") and callable(attr):
            def record(*args, **kwargs):
                self.calls.append((name, args[-1] if args and isinstance(args[-1], dict) else kwargs.get("logs")))
                return attr(*args, **kwargs)
            return record
        return attr


def test_hooks_in_keras_order_with_logs_dicts_and_on_batch_end_forwarded():
    model = small_model()
    x, y = data()
    rec = Recorder()
    model.fit(x, y, epochs=1, batch_size=20, validation_data=(x[:10], y[:10]), callbacks=[rec], verbose=0)
    names = [n for n, _ in rec.calls]
    assert names == ["on_train_begin", "on_epoch_begin",
                     "on_train_batch_begin", "on_batch_begin", "on_train_batch_end", "on_batch_end",
                     "on_train_batch_begin", "on_batch_begin", "on_train_batch_end", "on_batch_end",
                     "on_test_begin", "on_test_batch_begin", "on_test_batch_end", "on_test_end",
                     "on_epoch_end", "on_train_end"]
    assert all(isinstance(logs, dict) for _, logs in rec.calls)
    assert dict(rec.calls)["on_train_begin"] == {} and dict(rec.calls)["on_epoch_begin"] == {}
    assert set(dict(rec.calls)["on_test_end"]) == {"loss", "accuracy"}
    rec.calls.clear()
    model.evaluate(x, y, batch_size=32, callbacks=[rec], verbose=0)
    assert [n for n, _ in rec.calls] == ["on_test_begin", "on_test_batch_begin", "on_test_batch_end",
                                          "on_test_batch_begin", "on_test_batch_end", "on_test_end"]
    rec.calls.clear()
    out = model.predict(x, batch_size=32, callbacks=[rec], verbose=0)
    assert [n for n, _ in rec.calls][::2] == ["on_predict_begin", "on_predict_batch_end", "on_predict_batch_end"]
    assert np.array_equal(out, model.predict(x, verbose=0))
    assert rec.calls[2][1]["outputs"].shape == (32, 3)


def test_model_checkpoint_writes_dlsb_for_keras_paths_and_keeps_the_best(tmp_path, capsys):
    model = small_model()
    x, y = data()
    path = tmp_path / "ckpt" / "best_{epoch:02d}.keras"
    cb = sb.callbacks.ModelCheckpoint(path, monitor="val_loss", save_best_only=True)
    history = model.fit(x, y, epochs=3, validation_split=0.25, callbacks=[cb], verbose=0)
    assert capsys.readouterr().out.count("saved as") == 1
    saved = sorted(p.name for p in (tmp_path / "ckpt").iterdir())
    losses = history.history["val_loss"]
    assert saved == [f"best_{e + 1:02d}.dlsb" for e in range(3) if losses[e] == min(losses[:e + 1])]
    for bad in ({"mode": "up"}, {"save_freq": 0}):
        with pytest.raises(sb.LayerArgumentError):
            sb.callbacks.ModelCheckpoint(tmp_path / "m.dlsb", **bad)
    with pytest.raises(sb.LayerArgumentError) as info:
        sb.callbacks.ModelCheckpoint(tmp_path / "m.txt")
    assert info.value.code == "models.bad_ending"


# ---- saving and loading ------------------------------------------------------------------------------------
def test_save_and_load_with_keras_paths(tmp_path, capsys):
    model = small_model()
    model.save(tmp_path / "net.keras")
    assert (tmp_path / "net.dlsb").is_file() and not (tmp_path / "net.keras").exists()
    assert "net.dlsb" in capsys.readouterr().out
    loaded = sb.models.load_model(tmp_path / "net.keras")
    assert all(np.array_equal(a, b) for a, b in zip(loaded.get_weights(), model.get_weights(), strict=True))
    with pytest.raises(sb.FileFormatError) as info:
        sb.models.load_model(tmp_path / "missing.keras")
    assert info.value.code == "models.no_file"
    with zipfile.ZipFile(tmp_path / "real.keras", "w") as z:
        z.writestr("config.json", "{}")
    with pytest.raises(sb.FileFormatError) as info:
        sb.models.load_model(tmp_path / "real.keras")
    assert info.value.code == "models.keras_file"
    with pytest.raises(sb.LayerArgumentError) as info:
        model.save(tmp_path / "net.keras", overwrite=False)
    assert info.value.code == "models.file_exists"


def test_weights_as_variables():
    model = small_model()
    assert [w.shape for w in model.weights] == [(4, 5), (5,), (5, 3), (3,)]
    assert [w.path for w in model.weights][:2] == ["dense/kernel", "dense/bias"]
    model.layers[0].trainable = False
    assert len(model.trainable_weights) == 2 and len(model.non_trainable_weights) == 2
    w = model.layers[1].weights[0]
    w.assign(np.ones((5, 3)))
    assert np.array_equal(model.get_weights()[2], np.ones((5, 3)))
    assert sb.Sequential().weights == []


# ---- a learner's own layer ---------------------------------------------------------------------------------
class Scale(sb.Layer):
    """y = x * w, one weight per feature."""

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="w")

    def call(self, inputs):
        self.x = inputs
        return inputs * self.w

    def backward(self, dy):
        self.w.grad = (dy * self.x).sum(axis=0)
        return dy * self.w


def test_a_learner_layer_passes_gradcheck_and_trains():
    assert sb.gradcheck.check_layer(Scale(), (3,)).max_error < 1e-7
    model = sb.Sequential([sb.Input((4,)), Scale(), layers.Dense(3, activation="softmax")], seed=0)
    model.compile("adam", "sparse_categorical_crossentropy")
    x, y = data()
    before = model.get_weights()[0].copy()
    model.fit(x, y, epochs=2, verbose=0)
    assert not np.array_equal(before, model.get_weights()[0])


def test_a_learner_layer_without_backward_predicts_but_fit_says_there_is_no_autodiff():
    class NoBackward(sb.Layer):
        def call(self, inputs):
            return inputs * 2

    model = sb.Sequential([sb.Input((4,)), NoBackward(), layers.Dense(3, activation="softmax")], seed=0)
    model.compile("adam", "sparse_categorical_crossentropy")
    x, y = data()
    assert model.predict(x, verbose=0).shape == (40, 3)
    with pytest.raises(sb.TrainingError) as info:
        model.fit(x, y, verbose=0)
    assert info.value.code == "layer.custom_no_backward" and "automatic differentiation" in str(info.value)
    with pytest.raises(sb.LayerArgumentError) as info:
        sb.ops  # noqa: B018 - the attribute access is the test
    assert info.value.code == "engine.no_ops"


def test_a_learner_layer_that_forgets_a_gradient_or_returns_a_wrong_shape_is_told_so():
    class Forgets(Scale):
        def backward(self, dy):
            return dy * self.w

    class WrongShape(Scale):
        def backward(self, dy):
            self.w.grad = (dy * self.x).sum(axis=0)
            return dy[:, :1]

    x, _ = data()
    for cls, code in ((Forgets, "layer.custom_grad_missing"), (WrongShape, "layer.custom_backward_shape")):
        model = sb.Sequential([sb.Input((4,)), layers.Dense(4), cls(), layers.Dense(3)], seed=0)
        model.compile("sgd", "mse")
        with pytest.raises(sb.SandboxError) as info:
            model.fit(x, np.zeros((40, 3)), verbose=0)
        assert info.value.code == code
    model = sb.Sequential([sb.Input((4,)), Scale()], seed=0)
    with pytest.raises(sb.LayerArgumentError) as info:
        sb.models.save_model(model, "never.dlsb")
    assert info.value.code == "models.custom_layer"


# ---- layers, summary, utils, regularizers ----------------------------------------------------------------
def test_global_average_pooling_and_rescaling():
    x = np.arange(2 * 3 * 4 * 2, dtype="float32").reshape(2, 3, 4, 2)
    assert np.allclose(layers.GlobalAveragePooling2D()(x), x.mean(axis=(1, 2)))
    assert layers.GlobalAveragePooling2D(keepdims=True).output_shape_for((3, 4, 2)) == (1, 1, 2)
    with pytest.raises(sb.ShapeError):
        layers.GlobalAveragePooling2D().output_shape_for((12,))
    assert np.allclose(layers.Rescaling(1 / 127.5, offset=-1)(np.array([[0.0, 255.0]], "float32")), [[-1, 1]])
    assert layers.Rescaling(0.5).get_config()["scale"] == 0.5
    restored = sb.layers.deserialize(sb.layers.serialize(layers.Rescaling(2.0, offset=1.0, name="scale")))
    assert (restored.scale, restored.offset) == (2.0, 1.0)


def test_summary_line_length_and_errors():
    lines = []
    small_model().summary(line_length=60, print_fn=lines.append)
    assert {len(line) for line in lines if line[:1] in "┏┃┡│├└"} == {60}
    with pytest.raises(sb.LayerArgumentError):
        small_model().summary(line_length=60, positions=[0.9, 0.5, 1.0])


def test_to_categorical_regularizer_aliases_and_seeds():
    assert np.array_equal(sb.utils.to_categorical([[1], [0]], 3), [[0, 1, 0], [1, 0, 0]])
    assert sb.utils.to_categorical(np.array([[0, 1], [1, 0]])).shape == (2, 2, 2)
    with pytest.raises(sb.LayerArgumentError):
        sb.utils.to_categorical([0, 3], 3)
    with pytest.raises(sb.LayerArgumentError):
        sb.utils.to_categorical([0.5])
    assert sb.regularizers.l2 is sb.regularizers.L2 and sb.regularizers.l1_l2(l2=0.1) == sb.regularizers.L1L2(0, 0.1)
    try:
        sb.utils.set_random_seed(5)
        first = sb.Sequential([sb.Input((3,)), layers.Dense(2)]).get_weights()
        sb.utils.set_random_seed(5)
        assert np.array_equal(first[0], sb.Sequential([sb.Input((3,)), layers.Dense(2)]).get_weights()[0])
    finally:
        sb.utils._seeds = None


# ---- datasets.mnist ----------------------------------------------------------------------------------------
def write_mnist(path, n=(6, 3), dtype="uint8", labels_high=9, drop=None):
    arrays = {"x_train": np.zeros((n[0], 28, 28), dtype), "y_train": np.full(n[0], labels_high, "uint8"),
              "x_test": np.ones((n[1], 28, 28), dtype), "y_test": np.arange(n[1], dtype="uint8")}
    arrays.pop(drop, None)
    np.savez(path, **arrays)


def test_mnist_reads_keras_cache_a_given_file_or_an_idx_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "kh"))
    monkeypatch.setattr(mnist, "_noted", False)
    (x, y), (xt, yt) = mnist.load_data()
    assert x.shape == (4000, 28, 28) and xt.shape == (1000, 28, 28)
    mnist.load_data()
    assert capsys.readouterr().out.count("bundled digits") == 1
    (tmp_path / "kh" / "datasets").mkdir(parents=True)
    write_mnist(tmp_path / "kh" / "datasets" / "mnist.npz")
    (x, _), (xt, yt) = mnist.load_data()
    assert x.shape == (6, 28, 28) and x.dtype == np.uint8 and yt.tolist() == [0, 1, 2] and xt.flags.writeable
    assert mnist.load_data("mnist.npz")[1][0].shape == (3, 28, 28)  # Keras's default name finds the cache
    folder = tmp_path / "idx"
    folder.mkdir()
    for name, n in (("train", 5), ("t10k", 2)):
        (folder / f"{name}-images-idx3-ubyte").write_bytes(
            struct.pack(">IIII", 0x803, n, 28, 28) + bytes(n * 28 * 28))
        (folder / f"{name}-labels-idx1-ubyte").write_bytes(struct.pack(">II", 0x801, n) + bytes(range(n)))
    (x, y), _ = mnist.load_data(folder)
    assert x.shape == (5, 28, 28) and y.tolist() == [0, 1, 2, 3, 4]
    with pytest.raises(sb.FileFormatError) as info:
        mnist.load_data(folder / "nope.npz")
    assert info.value.code == "mnist.no_file"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"dtype": "float32"}, "mnist.bad_dtype"),
    ({"labels_high": 12}, "mnist.bad_labels"),
    ({"drop": "y_test"}, "mnist.no_array"),
])
def test_a_bad_mnist_file_is_refused_naming_it(tmp_path, kwargs, code):
    path = tmp_path / "mine.npz"
    write_mnist(path, **kwargs)
    with pytest.raises(sb.FileFormatError) as info:
        mnist.load_data(path)
    assert info.value.code == code and str(path) in str(info.value)
    path.write_bytes(b"not a zip")
    with pytest.raises(sb.FileFormatError) as info:
        mnist.load_data(path)
    assert info.value.code == "mnist.unreadable"
