"""A learner writes the book's Keras code against the engine and it behaves as Keras does."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest

import sandbox as sb

L = sb.layers


def small_cnn(seed: int = 0) -> sb.Sequential:
    return sb.Sequential([
        L.Input((28, 28, 1)),
        L.Conv2D(8, 3, padding="same", activation="relu"),
        L.MaxPooling2D(2),
        L.Flatten(),
        L.Dense(10, activation="softmax"),
    ], seed=seed)


@pytest.fixture(scope="module")
def digits():
    (x_train, y_train), (x_test, y_test) = sb.datasets.digits.load_data()
    return (x_train[:512] / 255.0, y_train[:512]), (x_test[:200] / 255.0, y_test[:200])


def test_the_chollet_example_trains_evaluates_and_predicts(digits, capsys):
    (x, y), (x_test, y_test) = digits
    model = small_cnn()
    model.compile(optimizer=sb.optimizers.Adam(learning_rate=1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=3, batch_size=64, validation_split=0.1, verbose=0)
    assert history.epoch == [0, 1, 2]
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert history.history["loss"][-1] < history.history["loss"][0]
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    assert 0.0 < loss < 2.3 and accuracy > 0.5
    probs = model.predict(x_test[:3])
    assert probs.shape == (3, 10) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    model.summary()
    table = capsys.readouterr().out
    assert "conv2d (Conv2D)" in table and "(None, 14, 14, 8)" in table and "Total params: 15,770" in table


def test_evaluate_returns_a_dict_when_asked(digits):
    (x, y), _ = digits
    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    logs = model.evaluate(x[:64], y[:64], return_dict=True, verbose=0)
    assert set(logs) == {"loss", "accuracy"}
    assert logs["loss"] == pytest.approx(model.evaluate(x[:64], y[:64], verbose=0)[0])


def test_same_seed_gives_the_same_weights_shuffles_and_numbers(digits):
    (x, y), _ = digits
    runs = []
    for _ in range(2):
        model = small_cnn(seed=7)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        history = model.fit(x[:256], y[:256], epochs=2, batch_size=32, verbose=0)
        runs.append((model.get_weights(), history.history))
    for a, b in zip(runs[0][0], runs[1][0], strict=True):
        np.testing.assert_array_equal(a, b)
    assert runs[0][1] == runs[1][1]
    other = small_cnn(seed=8)
    assert not np.array_equal(other.get_weights()[0], small_cnn(seed=7).get_weights()[0])


def test_weights_come_in_keras_order_and_layouts():
    model = small_cnn()
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(3, 3, 1, 8), (8,), (14 * 14 * 8, 10), (10,)]
    assert model.count_params() == sum(int(np.prod(s)) for s in shapes)
    assert model.layers[0].output_shape == (None, 28, 28, 8)
    assert model.output_shape == (None, 10)


def test_flatten_lays_out_height_width_channels_like_keras(rng):
    x = rng.standard_normal((2, 3, 4, 5)).astype(np.float32)
    model = sb.Sequential([L.Input((3, 4, 5)), L.Flatten()])
    np.testing.assert_array_equal(model.predict(x), x.reshape(2, -1))


def test_set_weights_with_a_wrong_shape_changes_nothing():
    model = small_cnn()
    before = model.get_weights()
    bad = [w.copy() for w in before]
    bad[0] = np.ones((3, 3, 1, 9), np.float32)
    bad[1] = np.ones_like(bad[1])
    with pytest.raises(sb.ShapeError, match="conv2d"):
        model.set_weights(bad)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_config_round_trips_exactly_through_json():
    model = sb.Sequential([
        L.Input((12, 12, 1)),
        L.Conv2D(4, (3, 2), strides=2, padding="same", activation="elu", kernel_initializer="he_normal",
                 kernel_regularizer=sb.regularizers.L1L2(0.001, 0.002)),
        L.AveragePooling2D(),
        L.Reshape((-1,)),
        L.Dropout(0.25),
        L.Dense(3, activation="leaky_relu", use_bias=False, name="head"),
        L.Activation("softmax"),
    ], name="mine", seed=42)
    config = json.loads(json.dumps(model.get_config(), allow_nan=False))
    again = sb.Sequential.from_config(config)
    assert again.get_config() == model.get_config()
    np.testing.assert_array_equal(again.get_weights()[0], model.get_weights()[0])
    model.compile(optimizer=sb.optimizers.SGD(0.1, momentum=0.9, nesterov=True, clipnorm=1.0),
                  loss=sb.losses.CategoricalCrossentropy(from_logits=True), metrics=["accuracy", "mae"])
    compile_config = json.loads(json.dumps(model.get_compile_config(), allow_nan=False))
    again.compile_from_config(compile_config)
    assert again.get_compile_config() == model.get_compile_config()


def test_layers_are_named_as_keras_names_them():
    model = sb.Sequential([L.Input((4,)), L.Dense(3), L.Dense(3), L.Dropout(0.1), L.Dense(2, name="out")])
    assert [layer.name for layer in model.layers] == ["dense", "dense_1", "dropout", "out"]
    with pytest.raises(sb.LayerArgumentError, match="out"):
        model.add(L.Dense(1, name="out"))


def test_a_layer_that_does_not_fit_says_which_and_why():
    with pytest.raises(sb.ShapeError) as info:
        sb.Sequential([L.Input((28, 28, 1)), L.Conv2D(8, 3, padding="same"), L.MaxPooling2D(), L.Dense(10)])
    message = str(info.value)
    assert message == ("Dense expects a flat input (batch, features); got (batch, 14, 14, 8) from "
                       "'max_pooling2d' — add Flatten")
    assert info.value.fix == "insert_flatten" and info.value.layer_index == 2


@pytest.mark.parametrize(("layers", "fragment"), [
    ([L.Flatten(), L.Conv2D(4, 3)], "Conv2D expects an image input"),
    ([L.Conv2D(4, 7) for _ in range(5)], "does not fit its 4×4 input"),
    ([L.MaxPooling2D(), L.MaxPooling2D(), L.MaxPooling2D(), L.MaxPooling2D(), L.MaxPooling2D()], "too small"),
    ([L.Reshape((5, 5))], "Reshape cannot turn"),
])
def test_shape_mistakes_are_explained(layers, fragment):
    with pytest.raises(sb.ShapeError, match=fragment):
        sb.Sequential([L.Input((28, 28, 1)), *layers])


@pytest.mark.parametrize(("input_shape", "layers", "fix", "advice"), [
    ((28, 28, 1), [L.Flatten(), L.Dropout(0.1), L.Conv2D(4, 3)], "remove_flatten", "add Reshape((28, 28, 1)) first"),
    ((28, 28, 1), [L.Flatten(), L.Dense(64), L.MaxPooling2D()], None, "add Reshape((8, 8, 1)) first"),
    ((28, 28, 1), [L.Flatten(), L.Dense(10), L.Conv2D(4, 3)], None, "image layers go before Flatten and Dense"),
    ((2,), [L.Conv2D(4, 3)], None, "image layers go before Flatten and Dense"),
    ((2,), [L.Dense(8), L.AveragePooling2D()], None, "image layers go before Flatten and Dense"),
])
def test_an_image_layer_on_flat_numbers_offers_remove_flatten_only_where_it_helps(input_shape, layers, fix, advice):
    row = sb.trace_shapes(input_shape, layers)[-1]
    assert row.error.fix == fix
    assert str(row.error).endswith(advice)
    assert "28, 28" not in str(row.error) or (input_shape == (28, 28, 1) and fix is not None)
    with pytest.raises(sb.ShapeError) as info:  # the same verdict when the model is built
        sb.Sequential([L.Input(input_shape), *layers])
    assert info.value.fix == fix


def test_trace_shapes_marks_the_bad_layer_without_raising():
    layers = [L.Conv2D(8, 3, padding="same"), L.MaxPooling2D(), L.Dense(10), L.Dense(5)]
    rows = sb.trace_shapes((28, 28, 1), layers)
    assert [r.output_shape for r in rows] == [(28, 28, 8), (14, 14, 8), None, None]
    assert rows[0].params == 80 and rows[2].error is not None and rows[3].error is None


@pytest.mark.parametrize(("make", "message"), [
    (lambda: L.Dense(0), "units must be an int ≥ 1, got 0"),
    (lambda: L.Dense(10, activation="relux"), "unknown activation 'relux'"),
    (lambda: L.Conv2D(8, 3, padding="full"), "padding must be 'valid' or 'same', got 'full'"),
    (lambda: L.Dropout(1.5), "rate must be a finite number in \\[0.0, 1.0\\), got 1.5"),
    (lambda: L.Dense(4, kernel_initializer="glorot_gaussian"), "unknown initializer"),
    (lambda: L.Dense(4, unit=3), "unexpected argument"),
    (lambda: sb.optimizers.get("adamm"), "unknown optimizer 'adamm'"),
    (lambda: sb.losses.get("hinge"), "unknown loss 'hinge'"),
    (lambda: sb.optimizers.Adam(learning_rate=-1), "learning_rate must be a finite number"),
])
def test_bad_arguments_raise_typed_errors_that_quote_the_value(make, message):
    with pytest.raises(sb.SandboxError, match=message):
        make()


def test_names_and_objects_are_interchangeable_as_in_keras():
    layer = L.Dense(4, activation="relu", kernel_initializer="he_uniform", kernel_regularizer="l2")
    assert isinstance(layer.kernel_initializer, sb.initializers.HeUniform)
    assert layer.kernel_regularizer == sb.regularizers.L2(0.01)
    assert sb.regularizers.get("l1_l2") == sb.regularizers.L1L2(0.01, 0.01)
    model = sb.Sequential([L.Input((3,)), layer])
    model.compile(optimizer="adam", loss=sb.losses.MeanSquaredError())
    assert isinstance(model.optimizer, sb.optimizers.Adam) and model.optimizer.learning_rate == 0.001


@pytest.mark.parametrize(("loss", "y", "units", "expected"), [
    ("sparse_categorical_crossentropy", np.array([0, 1, 2, 1]), 3, 0.75),
    ("categorical_crossentropy", np.eye(3)[[0, 1, 2, 1]], 3, 0.75),
    ("binary_crossentropy", np.array([[1.0], [0.0], [1.0], [1.0]]), 1, 0.75),
])
def test_accuracy_is_picked_as_keras_picks_it(loss, y, units, expected):
    model = sb.Sequential([L.Input((2,)), L.Dense(units, activation="softmax" if units > 1 else "sigmoid")])
    model.compile(optimizer="sgd", loss=loss, metrics=["accuracy"])
    kernel = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], np.float32)[:, :units]
    bias = np.array([0.0, 0.0, 0.5], np.float32)[:units] if units > 1 else np.zeros(1, np.float32)
    model.set_weights([kernel, bias])
    x = np.array([[5, 0], [0, 5], [0, 0], [0, 0]], np.float32) if units > 1 else \
        np.array([[5, 0], [-5, 0], [5, 0], [-5, 0]], np.float32)
    assert model.evaluate(x, y, return_dict=True, verbose=0)["accuracy"] == pytest.approx(expected)


def test_everything_stays_float32(digits):
    (x, y), _ = digits
    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.train_on_batch(x[:16], y[:16])
    assert model.predict(x[:2]).dtype == np.float32
    for layer in model.layers:
        for key in layer.params:
            assert layer.params[key].dtype == np.float32 and layer.grads[key].dtype == np.float32
        for attr in ("_z", "_y", "_cols"):
            if getattr(layer, attr, None) is not None:
                assert getattr(layer, attr).dtype == np.float32, (layer.name, attr)
    assert all(a.dtype == np.float32 for k, a in model.optimizer.get_state().items() if k != "iterations")


def test_raw_uint8_digits_get_a_channel_axis(digits):
    (x_train, _), _ = sb.datasets.digits.load_data()
    model = small_cnn()
    assert model.predict(x_train[:2]).shape == (2, 10)
    with pytest.raises(sb.ShapeError, match="expects inputs"):
        model.predict(np.zeros((2, 27, 28)))


def test_train_on_batch_reports_the_loss_before_its_update(digits):
    (x, y), _ = digits
    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    before = model.test_on_batch(x[:32], y[:32])
    reported = model.train_on_batch(x[:32], y[:32])
    after = model.test_on_batch(x[:32], y[:32])
    assert reported[0] == pytest.approx(before[0], rel=1e-6)
    assert after[0] < before[0]
    assert model.train_on_batch(x[:32], y[:32], return_dict=True).keys() == {"loss", "accuracy"}


def test_iter_fit_yields_one_record_per_batch_and_one_per_epoch(digits):
    (x, y), _ = digits
    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    records = list(sb.iter_fit(model, x[:100], y[:100], batch_size=32, epochs=2, validation_split=0.2))
    batches = [r for r in records if isinstance(r, sb.BatchProgress)]
    epochs = [r for r in records if isinstance(r, sb.EpochProgress)]
    assert [(b.epoch, b.step) for b in batches] == [(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3)]
    assert len(epochs) == 2 and "val_loss" in epochs[0].logs
    first = batches[0]
    assert first.steps == 3 and first.global_step == 1 and first.grad_norm > 0 and first.samples_per_sec > 0
    assert set(first.metrics) == {"accuracy"} and first.finite and first.learning_rate == pytest.approx(1e-3)
    assert batches[-1].eta == 0.0 and batches[0].eta > 0


def test_a_stop_token_set_from_another_thread_stops_after_the_current_batch(digits):
    (x, y), _ = digits
    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    token = sb.StopToken()
    seen = []
    for record in sb.iter_fit(model, x, y, batch_size=16, epochs=50, stop=token):
        if isinstance(record, sb.BatchProgress):
            seen.append(record.global_step)
            if len(seen) == 3:
                threading.Thread(target=token.stop).start()
                threading.Event().wait(0.05)
    assert 3 <= len(seen) <= 4
    assert model.optimizer.iterations == len(seen)


def test_callbacks_get_keras_hooks_in_order(digits):
    (x, y), _ = digits
    calls = []

    class Recorder(sb.callbacks.Callback):
        def on_train_begin(self, logs=None):
            calls.append("train_begin")

        def on_epoch_begin(self, epoch, logs=None):
            calls.append(f"epoch_begin {epoch}")

        def on_train_batch_end(self, batch, logs=None):
            calls.append(f"batch_end {batch}")

        def on_epoch_end(self, epoch, logs=None):
            calls.append(f"epoch_end {epoch} {sorted(logs)}")

        def on_train_end(self, logs=None):
            calls.append("train_end")

    model = small_cnn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x[:40], y[:40], batch_size=20, epochs=2, validation_data=(x[40:60], y[40:60]),
              callbacks=[Recorder()], verbose=0)
    keys = "['accuracy', 'loss', 'val_accuracy', 'val_loss']"
    assert calls == ["train_begin", "epoch_begin 0", "batch_end 0", "batch_end 1", f"epoch_end 0 {keys}",
                     "epoch_begin 1", "batch_end 0", "batch_end 1", f"epoch_end 1 {keys}", "train_end"]


def test_early_stopping_restores_the_best_weights(digits):
    (x, y), _ = digits
    model = small_cnn()
    # A huge learning rate makes validation loss jump around, so patience runs out quickly.
    model.compile(optimizer=sb.optimizers.SGD(0.5), loss="sparse_categorical_crossentropy")
    snapshots = {}

    class Snap(sb.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            snapshots[epoch] = (logs["val_loss"], self.model.get_weights())

    stopper = sb.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True)
    history = model.fit(x[:256], y[:256], batch_size=32, epochs=30, validation_split=0.25,
                        callbacks=[Snap(), stopper], verbose=0)
    assert len(history.epoch) < 30
    best_epoch = min(snapshots, key=lambda e: snapshots[e][0])
    assert stopper.best_epoch == best_epoch
    for a, b in zip(model.get_weights(), snapshots[best_epoch][1], strict=True):
        np.testing.assert_array_equal(a, b)


def test_terminate_on_nan_stops_a_diverging_run(digits, capsys):
    (x, y), _ = digits
    model = sb.Sequential([L.Input((28, 28, 1)), L.Flatten(), L.Dense(10)], seed=0)
    model.compile(optimizer=sb.optimizers.SGD(1e6), loss="mse")
    targets = np.eye(10, dtype=np.float32)[y] * 1e3
    history = model.fit(x, targets, batch_size=8, epochs=5, callbacks=[sb.TerminateOnNaN()], verbose=0)
    assert len(history.epoch) == 1
    assert "invalid loss" in capsys.readouterr().out
    assert model.optimizer.iterations < len(x) // 8


def test_regularization_penalty_is_part_of_the_reported_loss(rng):
    x = rng.standard_normal((8, 3)).astype(np.float32)
    y = rng.standard_normal((8, 2)).astype(np.float32)
    plain = sb.Sequential([L.Input((3,)), L.Dense(2)], seed=1)
    penalised = sb.Sequential([L.Input((3,)), L.Dense(2, kernel_regularizer=sb.regularizers.L2(0.5))], seed=1)
    for m in (plain, penalised):
        m.compile(optimizer="sgd", loss="mse")
    kernel = penalised.get_weights()[0]
    expected = plain.evaluate(x, y, verbose=0) + 0.5 * float((kernel.astype(np.float64) ** 2).sum())
    assert penalised.evaluate(x, y, verbose=0) == pytest.approx(expected, rel=1e-6)


def test_dropout_only_acts_while_training(rng):
    model = sb.Sequential([L.Input((1000,)), L.Dropout(0.5)], seed=0)
    x = np.ones((2, 1000), np.float32)
    np.testing.assert_array_equal(model.predict(x), x)
    out = model.forward(x, training=True)
    assert set(np.unique(out)) == {0.0, 2.0}
    assert 0.4 < (out == 0).mean() < 0.6


def test_reset_weights_draws_fresh_weights_and_forgets_the_optimizer(digits):
    (x, y), _ = digits
    model = small_cnn(seed=3)
    initial = model.get_weights()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x[:64], y[:64], epochs=1, verbose=0)
    model.reset_weights()
    for a, b in zip(initial, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert model.optimizer.iterations == 0


def test_step_details_report_the_engines_own_per_layer_numbers(digits):
    (x, y), _ = digits
    model = small_cnn(seed=4)
    model.compile(optimizer=sb.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy")
    twin = sb.Sequential.from_config(model.get_config())
    twin.set_weights(model.get_weights())
    twin.compile(optimizer=sb.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy")
    record = next(sb.iter_fit(model, x[:16], y[:16], batch_size=16, shuffle=False, details=True))
    twin.compute_gradients(twin.prepare_inputs(x[:16]), y[:16])
    before = twin.get_weights()
    for layer in twin.layers:
        if layer.params:
            expected = np.sqrt(sum(float((g.astype(np.float64) ** 2).sum()) for g in layer.grads.values()))
            assert record.details.layer_grad_norms[layer.name] == pytest.approx(expected, rel=1e-5)
    twin.apply_gradients()
    moved = [a - b for a, b in zip(twin.get_weights(), before, strict=True)]
    assert record.details.layer_update_norms["dense"] == pytest.approx(
        np.sqrt(float((moved[2].astype(np.float64) ** 2).sum() + (moved[3].astype(np.float64) ** 2).sum())), rel=1e-5)
    assert record.batch_size == 16 and len(record.details.predictions) == 8
    assert record.details.targets == tuple(float(v) for v in y[:8])
