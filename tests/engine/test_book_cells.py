"""Cells in the style of *Deep Learning with Python* (chapters 2, 4, 5, 7, 8), written afresh, run on the engine
with ``import sandbox as keras`` / ``from sandbox import layers``, on small data so the run stays fast.

Each test is one notebook's worth of cells, as a learner would type them, with assertions on real results.
"""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as keras
from sandbox import layers
from sandbox.datasets import mnist as sandbox_mnist


@pytest.fixture(autouse=True)
def _no_keras_cache(tmp_path, monkeypatch):
    """No learner's MNIST copy (``mnist.load_data()`` falls back to the bundled digits); repeatable seeds."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    monkeypatch.setattr(sandbox_mnist, "_noted", False)
    monkeypatch.chdir(tmp_path)
    keras.utils.set_random_seed(1337)
    yield
    monkeypatch.setattr(keras.utils, "_seeds", None)


def test_chapter_2_first_look_at_a_neural_network(capsys):
    from sandbox.datasets import mnist

    (train_images, train_labels), (test_images, test_labels) = mnist.load_data()
    assert "bundled digits" in capsys.readouterr().out
    model = keras.Sequential([
        layers.Dense(128, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    train_images = train_images.reshape((len(train_images), 28 * 28)).astype("float32") / 255
    test_images = test_images.reshape((len(test_images), 28 * 28)).astype("float32") / 255
    model.fit(train_images[:2000], train_labels[:2000], epochs=3, batch_size=128, verbose=0)
    test_digits = test_images[0:10]
    predictions = model.predict(test_digits, verbose=0)
    assert predictions.shape == (10, 10) and np.allclose(predictions.sum(axis=1), 1, atol=1e-5)
    assert (predictions.argmax(axis=1) == test_labels[:10]).mean() >= 0.7
    test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=0)
    assert test_acc > 0.8 and test_loss < 0.85 and test_loss < 0.6
    # chapter 2 also looks at the weights
    assert [w.shape for w in model.weights] == [(784, 128), (128,), (128, 10), (10,)]
    assert model.weights[0].numpy().dtype == np.float32


def vectorize_sequences(sequences, dimension=500):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        for j in sequence:
            results[i, j] = 1.0
    return results


def synthetic_reviews(n, seed):
    """Word-index lists whose label depends on a few 'positive' and 'negative' words, as IMDB's does."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n)
    reviews = []
    for label in labels:
        words = list(rng.integers(20, 500, 30))
        words += list(rng.integers(0, 10, 5) if label else rng.integers(10, 20, 5))
        reviews.append(words)
    return reviews, labels


def test_chapter_4_binary_classification_with_regularization_and_dropout():
    train_data, train_labels = synthetic_reviews(600, seed=1)
    test_data, test_labels = synthetic_reviews(200, seed=2)
    x_train = vectorize_sequences(train_data)
    x_test = vectorize_sequences(test_data)
    y_train = np.asarray(train_labels).astype("float32")
    y_test = np.asarray(test_labels).astype("float32")

    model = keras.Sequential([
        layers.Dense(16, kernel_regularizer=keras.regularizers.l2(0.002), activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(16, kernel_regularizer=keras.regularizers.l1_l2(l1=0.0001, l2=0.0001), activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    x_val, partial_x_train = x_train[:200], x_train[200:]
    y_val, partial_y_train = y_train[:200], y_train[200:]
    history = model.fit(partial_x_train, partial_y_train, epochs=8, batch_size=64,
                        validation_data=(x_val, y_val), verbose=0)
    history_dict = history.history
    assert list(history_dict.keys()) == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert len(history_dict["val_loss"]) == 8
    assert history_dict["loss"][-1] < history_dict["loss"][0]
    results = model.evaluate(x_test, y_test, verbose=0)
    assert results[1] > 0.85
    assert model.predict(x_test[:3], verbose=0).shape == (3, 1)


def test_chapter_4_multiclass_with_to_categorical():
    rng = np.random.default_rng(3)
    train_labels = rng.integers(0, 4, 400)
    x_train = rng.normal(size=(400, 20)).astype("float32") + 4 * np.eye(4, 20)[train_labels]
    y_train = keras.utils.to_categorical(train_labels)
    assert y_train.shape == (400, 4) and y_train.dtype == np.float64
    model = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(4, activation="softmax")])
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy",
                  metrics=["accuracy", keras.metrics.TopKCategoricalAccuracy(k=2)])
    history = model.fit(x_train, y_train, epochs=10, batch_size=32, validation_split=0.25, verbose=0)
    assert set(history.history) == {"loss", "accuracy", "top_k_categorical_accuracy", "val_loss", "val_accuracy",
                                    "val_top_k_categorical_accuracy"}
    assert history.history["val_accuracy"][-1] > 0.8
    assert all(top >= acc for top, acc in zip(history.history["top_k_categorical_accuracy"],
                                              history.history["accuracy"], strict=True))


def test_chapter_5_and_7_checkpoint_the_best_model_and_load_it_back(capsys):
    (images, labels), _ = keras.datasets.mnist.load_data()
    images = images.reshape((len(images), 28 * 28)).astype("float32") / 255
    train_images, val_images = images[:1000], images[3000:3500]
    train_labels, val_labels = labels[:1000], labels[3000:3500]
    model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callbacks_list = [
        keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=2),
        keras.callbacks.ModelCheckpoint(filepath="checkpoint_path.keras", monitor="val_loss", save_best_only=True),
    ]
    history = model.fit(train_images, train_labels, epochs=6, callbacks=callbacks_list,
                        validation_data=(val_images, val_labels), verbose=0)
    assert "checkpoint_path.dlsb" in capsys.readouterr().out
    best = min(history.history["val_loss"])
    model = keras.models.load_model("checkpoint_path.keras")
    val_loss, _ = model.evaluate(val_images, val_labels, verbose=0)
    assert val_loss == pytest.approx(best, rel=1e-5)


class LossHistory(keras.callbacks.Callback):
    def on_train_begin(self, logs):
        self.per_batch_losses = []
        self.epoch_means = []

    def on_batch_end(self, batch, logs):
        self.per_batch_losses.append(logs.get("loss"))

    def on_epoch_end(self, epoch, logs):
        self.epoch_means.append(logs["loss"])


def test_chapter_7_custom_callback_records_every_batch():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(100, 8)).astype("float32")
    y = (x[:, 0] + x[:, 1] > 0).astype("int64")
    model = keras.Sequential([keras.Input((8,)), layers.Dense(16, activation="relu"),
                              layers.Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    loss_history = LossHistory()
    model.fit(x, y, epochs=3, batch_size=32, callbacks=[loss_history], validation_split=0.2, verbose=0)
    assert len(loss_history.per_batch_losses) == 3 * 3  # 80 training samples: 3 batches per epoch
    assert all(np.isfinite(loss_history.per_batch_losses))
    # the logs of a batch hold the epoch's running mean, so each epoch's last batch equals its epoch loss
    assert loss_history.per_batch_losses[2::3] == pytest.approx(loss_history.epoch_means)


class RootMeanSquaredError(keras.metrics.Metric):
    def __init__(self, name="rmse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.mse_sum = self.add_weight(name="mse_sum", initializer="zeros")
        self.total_samples = self.add_weight(name="total_samples", initializer="zeros", dtype="int32")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = keras.utils.to_categorical(y_true, num_classes=y_pred.shape[1])
        mse = np.sum(np.square(y_true - y_pred))
        self.mse_sum.assign_add(mse)
        self.total_samples.assign_add(y_pred.shape[0])

    def result(self):
        return np.sqrt(self.mse_sum / self.total_samples.numpy().astype("float32"))

    def reset_state(self):
        self.mse_sum.assign(0.0)
        self.total_samples.assign(0)


def test_chapter_7_metrics_standalone_and_a_custom_metric_in_compile():
    metric = keras.metrics.SparseCategoricalAccuracy()
    targets = [0, 1, 2]
    predictions = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    metric.update_state(targets, predictions)
    assert f"{metric.result():.2f}" == "1.00"
    values = [0, 1, 2, 3, 4]
    mean_tracker = keras.metrics.Mean()
    for value in values:
        mean_tracker.update_state(value)
    assert mean_tracker.result() == 2.0

    (images, labels), _ = keras.datasets.mnist.load_data()
    images = images[:800].reshape((800, 28 * 28)).astype("float32") / 255
    labels = labels[:800]
    model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy", RootMeanSquaredError()])
    history = model.fit(images, labels, epochs=2, batch_size=64, validation_split=0.25, verbose=0)
    assert set(history.history) == {"loss", "accuracy", "rmse", "val_loss", "val_accuracy", "val_rmse"}
    logs = model.evaluate(images, labels, verbose=0, return_dict=True)
    probs = model.predict(images, verbose=0)
    expected = np.sqrt(np.sum(np.square(np.eye(10)[labels] - probs)) / len(labels))
    assert logs["rmse"] == pytest.approx(expected, rel=1e-5)


def test_chapter_8_mnist_convnet_written_sequentially():
    (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
    train_images = train_images[:2000].reshape((2000, 28, 28, 1)).astype("float32") / 255
    train_labels = train_labels[:2000]
    test_images = test_images.reshape((len(test_images), 28, 28, 1)).astype("float32") / 255
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(filters=8, kernel_size=3, activation="relu"),
        layers.MaxPooling2D(pool_size=2),
        layers.Conv2D(filters=16, kernel_size=3, activation="relu"),
        layers.MaxPooling2D(pool_size=2),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(train_images, train_labels, epochs=3, batch_size=64, verbose=0)
    test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=0)
    assert test_acc > 0.8 and test_loss < 0.8


def test_chapter_8_rescaling_and_global_average_pooling_with_a_wide_summary():
    lines = []
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(filters=8, kernel_size=3, activation="relu"),
        layers.MaxPooling2D(pool_size=2),
        layers.Conv2D(filters=16, kernel_size=3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(10, activation="softmax"),
    ])
    model.summary(line_length=90, print_fn=lines.append)
    table = [line for line in lines if line[:1] in "┏┃┡│├└"]
    assert {len(line) for line in table} == {90}
    assert any(line.startswith("│ global_average_pooling2d") and "(None, 16)" in line for line in lines)
    (images, labels), _ = keras.datasets.mnist.load_data()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(images[:512, :, :, None], labels[:512], epochs=2, batch_size=64, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]


class SimpleDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = activation

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        self.inputs = inputs
        self.z = inputs @ self.W + self.b
        return np.maximum(self.z, 0) if self.activation == "relu" else self.z

    def backward(self, dy):
        if self.activation == "relu":
            dy = dy * (self.z > 0)
        self.W.grad = self.inputs.T @ dy
        self.b.grad = dy.sum(axis=0)
        return dy @ self.W.T


def test_chapter_3_a_layer_of_your_own_with_numpy_and_a_backward():
    my_dense = SimpleDense(units=32, activation="relu")
    input_tensor = np.ones((2, 784))
    output_tensor = my_dense(input_tensor)
    assert output_tensor.shape == (2, 32)
    assert keras.gradcheck.check_layer(SimpleDense(4, activation="relu"), (5,)).max_error < 1e-6

    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 6)).astype("float32")
    y = (x[:, 0] - x[:, 2] > 0).astype("int64")
    model = keras.Sequential([keras.Input((6,)), SimpleDense(16, activation="relu"),
                              layers.Dense(2, activation="softmax")], seed=1)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=10, batch_size=32, verbose=0)
    assert history.history["accuracy"][-1] > 0.9
    assert [w.path for w in model.trainable_weights][:2] == ["simple_dense/variable", "simple_dense/variable_1"]
