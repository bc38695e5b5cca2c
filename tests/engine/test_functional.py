"""The functional API without Keras: graphs, merge layers, training, summary, config, files and errors."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox import layers
from sandbox.errors import FileFormatError, LayerArgumentError, ShapeError, TrainingError
from sandbox.functional import Functional, KerasTensor
from sandbox.gradcheck import check_layer, relative_error


def ticket_model(seed=0, dtype="float32"):
    title = sb.Input(shape=(6,), name="title")
    body = sb.Input(shape=(5,), name="body")
    a = layers.Dense(4, activation="tanh")(title)
    b = layers.Dense(4, activation="tanh")(body)
    joined = layers.Concatenate()([layers.Add()([a, b]), body])
    priority = layers.Dense(1, activation="sigmoid", name="priority")(joined)
    department = layers.Dense(3, activation="softmax", name="department")(joined)
    return sb.Model(inputs=[title, body], outputs=[priority, department], seed=seed, dtype=dtype)


def ticket_data(n=12, seed=0):
    rng = np.random.default_rng(seed)
    x = [rng.normal(size=(n, 6)), rng.normal(size=(n, 5))]
    y = [rng.random((n, 1)), rng.integers(0, 3, n)]
    return x, y


def convnet():
    inputs = sb.Input(shape=(10, 10, 1))
    x = layers.Conv2D(4, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D(2)(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(3, activation="softmax")(x)
    return sb.Model(inputs=inputs, outputs=outputs, seed=1)


# ---- symbolic tensors and graph building ----------------------------------------------------------------
def test_input_is_a_symbolic_tensor_with_keras_shape():
    inputs = sb.Input(shape=(3,))
    assert isinstance(inputs, KerasTensor)
    assert inputs.shape == (None, 3) and inputs.dtype == "float32"
    features = layers.Dense(64, activation="relu")(inputs)
    assert features.shape == (None, 64)


def test_model_of_a_graph_is_a_model_but_not_a_sequential():
    model = convnet()
    assert isinstance(model, Functional) and isinstance(model, sb.Model)
    assert not isinstance(model, sb.Sequential)
    assert isinstance(sb.Sequential([layers.Input((2,)), layers.Dense(1)]), sb.Model)
    assert model.input_shape == (None, 10, 10, 1) and model.output_shape == (None, 3)


def test_keras_input_and_layers_input_both_start_a_sequential():
    for first in (sb.Input(shape=(3,)), layers.Input((3,))):
        model = sb.Sequential([first, layers.Dense(2)])
        assert model.input_shape == (None, 3)
    stack = sb.Sequential()
    stack.add(sb.Input(shape=(3,)))
    stack.add(layers.Dense(64, activation="relu"))
    assert stack.output_shape == (None, 64)


def test_an_input_layer_object_can_start_a_graph_too():
    inputs = layers.Input((4,))
    outputs = layers.Dense(2)(inputs)
    model = sb.Model(inputs, outputs, seed=0)
    assert model.predict(np.ones((3, 4))).shape == (3, 2)


def test_layers_are_in_keras_order_and_named_per_model():
    model = ticket_model()
    assert [layer.name for layer in model.layers] == [
        "title", "body", "dense", "dense_1", "add", "concatenate", "priority", "department"]
    assert model.input_names == ["title", "body"] and model.output_names == ["priority", "department"]
    assert model.output_shape == [(None, 1), (None, 3)]
    assert model.layers[5].input[1] is model.inputs[1]  # Keras's layer.input / layer.output


def test_shapes_are_checked_when_a_layer_is_called():
    inputs = sb.Input(shape=(8, 8, 1))
    with pytest.raises(ShapeError, match="flat input") as info:
        layers.Dense(3)(inputs)
    assert info.value.code == "layer.needs_flat"
    a = layers.Dense(3)(sb.Input(shape=(4,)))
    b = layers.Dense(2)(sb.Input(shape=(4,)))
    with pytest.raises(ShapeError) as info:
        layers.Add()([a, b])
    assert info.value.code == "layer.add_shapes_differ"


def test_merge_layers_need_a_list_and_refuse_a_sequential():
    with pytest.raises(ShapeError) as info:
        sb.Sequential([layers.Input((4,)), layers.Add()])
    assert info.value.code == "layer.merge_needs_list"
    with pytest.raises(ShapeError) as info:
        layers.Concatenate()([sb.Input(shape=(4,))])
    assert info.value.code == "layer.merge_too_few"
    with pytest.raises(LayerArgumentError) as info:
        layers.Concatenate(axis=0)
    assert info.value.code == "layer.concatenate_axis"
    with pytest.raises(ShapeError) as info:
        layers.Concatenate(axis=1)([sb.Input(shape=(2, 3)), sb.Input(shape=(2, 4))])
    assert info.value.code == "layer.concatenate_shapes"


def test_concatenate_along_an_inner_axis():
    a, b = sb.Input(shape=(2, 3)), sb.Input(shape=(4, 3))
    joined = layers.Concatenate(axis=1)([a, b])
    assert joined.shape == (None, 6, 3)
    model = sb.Model([a, b], joined, seed=0)
    xa, xb = np.ones((2, 2, 3)), np.zeros((2, 4, 3))
    np.testing.assert_array_equal(model.predict([xa, xb]), np.concatenate([xa, xb], axis=1))


@pytest.mark.parametrize("make", [lambda: layers.Add(), lambda: layers.Concatenate()],
                         ids=["Add", "Concatenate"])
def test_merge_layers_pass_a_gradient_check(make):
    layer = make()
    layer.build([(3, 4), (3, 4)])
    rng = np.random.default_rng(0)
    xs = [rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3, 4))]
    y = layer.forward(xs)
    r = rng.normal(size=y.shape)
    grads = layer.backward(r)
    for k, x in enumerate(xs):
        numeric = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            old = x[i]
            x[i] = old + 1e-6
            plus = float((layer.forward(xs) * r).sum())
            x[i] = old - 1e-6
            minus = float((layer.forward(xs) * r).sum())
            x[i] = old
            numeric[i] = (plus - minus) / 2e-6
        assert relative_error(grads[k], numeric) < 1e-7


def test_the_layer_gradient_check_still_works_for_stack_layers():
    assert check_layer(layers.Dense(3), (4,)).max_error < 1e-7


def test_a_whole_graph_passes_a_gradient_check():
    model = ticket_model(dtype="float64")
    model.compile(optimizer="sgd", loss=["mse", "sparse_categorical_crossentropy"])
    x, y = ticket_data(n=5)
    x = model.prepare_inputs(x)
    y = model._check_xy(x, y)[1]
    model.build()
    for layer in model.layers:
        layer.need_input_grad = True  # so the input gradients are computed too
    model.compute_gradients(x, y, training=False)
    analytic = model._flat_grad.copy()
    input_grads = model.backward(model.loss.forward_backward(y, model.forward(x))[1])

    def loss():
        return model.loss(y, model.forward(x)) + model.regularization_loss()

    flat = model._flat
    numeric = np.zeros_like(flat)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + 1e-6
        plus = loss()
        flat[i] = old - 1e-6
        minus = loss()
        flat[i] = old
        numeric[i] = (plus - minus) / 2e-6
    assert relative_error(analytic, numeric) < 1e-6
    for arr, grad in zip(x.arrays, input_grads, strict=True):
        num = np.zeros_like(arr)
        for i in np.ndindex(arr.shape):
            old = arr[i]
            arr[i] = old + 1e-6
            plus = loss()
            arr[i] = old - 1e-6
            minus = loss()
            arr[i] = old
            num[i] = (plus - minus) / 2e-6
        assert relative_error(grad, num) < 1e-6


# ---- training ---------------------------------------------------------------------------------------------
def test_a_functional_convnet_trains_like_its_sequential_twin():
    graph = convnet()
    stack = sb.Sequential([layers.Input((10, 10, 1)), layers.Conv2D(4, 3, activation="relu"), layers.MaxPooling2D(2),
                           layers.Flatten(), layers.Dense(3, activation="softmax")], seed=1)
    stack.set_weights(graph.get_weights())
    rng = np.random.default_rng(0)
    x, y = rng.random((24, 10, 10)), rng.integers(0, 3, 24)
    for model in (graph, stack):
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    h_graph = graph.fit(x, y, epochs=2, batch_size=8, verbose=0, validation_split=0.25)
    h_stack = stack.fit(x, y, epochs=2, batch_size=8, verbose=0, validation_split=0.25)
    assert h_graph.history.keys() == h_stack.history.keys()
    for key in h_graph.history:
        np.testing.assert_allclose(h_graph.history[key], h_stack.history[key], rtol=1e-6)
    np.testing.assert_allclose(graph.predict(x), stack.predict(x), rtol=1e-6, atol=1e-7)


def test_several_inputs_and_outputs_train_with_a_loss_per_output():
    model = ticket_model()
    model.compile(optimizer="rmsprop", loss=["mse", "sparse_categorical_crossentropy"],
                  metrics=[["mae"], ["accuracy"]])
    x, y = ticket_data()
    history = model.fit(x, y, epochs=2, batch_size=4, verbose=0)
    assert list(history.history) == ["loss", "priority_loss", "priority_mae", "department_loss",
                                      "department_accuracy"]
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    assert logs["loss"] == pytest.approx(logs["priority_loss"] + logs["department_loss"])
    priority, department = model.predict(x, batch_size=5)
    assert priority.shape == (12, 1) and department.shape == (12, 3)
    by_name = model.predict({"title": x[0], "body": x[1]})
    np.testing.assert_array_equal(by_name[1], department)


def test_one_loss_serves_every_output():
    model = ticket_model()
    model.compile(optimizer="sgd", loss="mse")
    x, (y1, _) = ticket_data()
    y2 = np.random.default_rng(1).random((12, 3))
    logs = model.train_on_batch(x, [y1, y2], return_dict=True)
    assert set(logs) == {"loss", "priority_loss", "department_loss"}


def test_wrong_data_is_refused_with_a_code():
    model = ticket_model()
    model.compile(optimizer="sgd", loss="mse")
    x, y = ticket_data()
    cases = [
        (lambda: model.predict(x[0]), "graph.input_count"),
        (lambda: model.predict([x[0], x[1], x[1]]), "graph.input_count"),
        (lambda: model.predict({"title": x[0], "tags": x[1]}), "graph.input_names"),
        (lambda: model.predict([x[0], x[1][:5]]), "graph.input_sample_counts"),
        (lambda: model.fit(x, y[0], verbose=0), "graph.target_count"),
        (lambda: model.fit(x, {"priority": y[0]}, verbose=0), "graph.target_names"),
        (lambda: model.predict([x[0], np.ones((12, 4))]), "model.input_shape"),
    ]
    for call, code in cases:
        with pytest.raises(ShapeError) as info:
            call()
        assert info.value.code == code


def test_wrong_compile_settings_are_refused_with_a_code():
    model = ticket_model()
    with pytest.raises(LayerArgumentError) as info:
        model.compile(optimizer="sgd", loss=["mse"])
    assert info.value.code == "graph.loss_per_output"
    with pytest.raises(LayerArgumentError) as info:
        model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
    assert info.value.code == "graph.metrics_per_output"
    with pytest.raises(LayerArgumentError) as info:
        model.compile(optimizer="sgd", loss={"priority": "mse"})
    assert info.value.code == "graph.loss_per_output"


# ---- graph errors -----------------------------------------------------------------------------------------
def test_graph_errors_have_codes():
    a, b = sb.Input(shape=(3,), name="a"), sb.Input(shape=(3,), name="b")
    dense = layers.Dense(2)
    out = dense(a)
    with pytest.raises(LayerArgumentError) as info:
        dense(b)  # shared layers are refused
    assert info.value.code == "graph.layer_called_twice"
    with pytest.raises(LayerArgumentError) as info:
        sb.Model(inputs=b, outputs=out)  # the output needs input a
    assert info.value.code == "graph.missing_input"
    with pytest.raises(LayerArgumentError) as info:
        sb.Model(inputs=[a, b], outputs=out)  # b leads nowhere
    assert info.value.code == "graph.unused_input"
    with pytest.raises(LayerArgumentError) as info:
        sb.Model(inputs=out, outputs=out)
    assert info.value.code == "graph.input_not_input"
    with pytest.raises(LayerArgumentError) as info:
        sb.Model(inputs=a, outputs=[out, out])
    assert info.value.code == "graph.output_twice"
    with pytest.raises(LayerArgumentError) as info:
        sb.Model(inputs=a, outputs=np.ones(3))
    assert info.value.code == "graph.not_symbolic"
    with pytest.raises(LayerArgumentError) as info:
        layers.Dense(2)([a, b])
    assert info.value.code == "graph.one_input"
    model = sb.Model(a, out)
    with pytest.raises(LayerArgumentError) as info:
        model.add(layers.Dense(1))
    assert info.value.code == "graph.no_add"
    with pytest.raises(LayerArgumentError) as info:
        model(b)
    assert info.value.code == "graph.nested_model"
    with pytest.raises(TrainingError) as info:
        model.predict(a)  # a symbolic tensor where data is expected
    assert info.value.code == "graph.symbolic_as_data"


def test_a_cycle_cannot_be_written():
    # A layer's input exists before the layer is called, and a layer is called once: no call can close a loop.
    a = sb.Input(shape=(3,))
    dense = layers.Dense(3)
    x = dense(a)
    with pytest.raises(LayerArgumentError):
        dense(x)


# ---- description, config and files ------------------------------------------------------------------------
def test_summary_shows_what_each_layer_is_connected_to():
    lines = []
    ticket_model().summary(print_fn=lines.append)
    text = "\n".join(lines)
    assert lines[0] == 'Model: "functional"'
    assert "Connected to" in text and "title[0][0]" in text and "add[0][0]" in text
    assert "concatenate (Concatenate)" in text
    assert " Total params: 92 " in text  # (6+1)·4 + (5+1)·4 + (9+1)·1 + (9+1)·3
    model = ticket_model()
    assert model.count_params() == sum(w.size for w in model.get_weights())


def test_config_round_trip_in_keras_format():
    model = ticket_model(seed=3)
    config = model.get_config()
    assert config["input_layers"] == [["title", 0, 0], ["body", 0, 0]]
    assert config["output_layers"] == [["priority", 0, 0], ["department", 0, 0]]
    add = next(entry for entry in config["layers"] if entry["name"] == "add")
    history = [arg["config"]["keras_history"] for arg in add["inbound_nodes"][0]["args"][0]]
    assert history == [["dense", 0, 0], ["dense_1", 0, 0]]
    clone = Functional.from_config(config)
    assert clone.get_config() == config
    single = convnet().get_config()
    assert single["input_layers"] == ["input_layer", 0, 0]
    assert Functional.from_config(single).get_config() == single


def test_config_references_are_checked():
    config = ticket_model().get_config()
    swapped = {**config, "layers": [config["layers"][2], *config["layers"][:2], *config["layers"][3:]]}
    with pytest.raises(LayerArgumentError) as info:
        Functional.from_config(swapped)
    assert info.value.code == "graph.config_order"
    bad_end = {**config, "output_layers": [["nowhere", 0, 0]]}
    with pytest.raises(LayerArgumentError) as info:
        Functional.from_config(bad_end)
    assert info.value.code == "graph.bad_output_layers"
    with pytest.raises(LayerArgumentError) as info:
        Functional.from_config({**config, "extra": 1})
    assert info.value.code == "graph.config_keys"


def test_save_and_load_keep_graph_weights_and_training(tmp_path):
    model = ticket_model()
    model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"], metrics=[["mae"], ["accuracy"]])
    x, y = ticket_data()
    model.fit(x, y, epochs=1, verbose=0)
    path = tmp_path / "ticket.dlsb"
    sb.save_model(model, path)
    loaded = sb.load_model(path)
    assert isinstance(loaded, Functional)
    for a, b in zip(model.predict(x), loaded.predict(x), strict=True):
        np.testing.assert_array_equal(a, b)
    # The optimizer's state came along: one more epoch gives the same numbers in both.
    more = model.fit(x, y, epochs=1, verbose=0, shuffle=False).history
    again = loaded.fit(x, y, epochs=1, verbose=0, shuffle=False).history
    assert more == again


def test_a_hostile_graph_file_is_refused_plainly(tmp_path):
    import json
    import zipfile

    model = convnet()
    path = tmp_path / "g.dlsb"
    sb.save_model(model, path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    config = json.loads(parts["model.json"])
    # A Concatenate that joins a 16,384-unit Dense with itself 300 times: 4.9 M values per sample, in a few kB.
    flat = next(e for e in config["layers"] if e["class_name"] == "Flatten")

    def tensor(name):
        return {"class_name": "__keras_tensor__",
                "config": {"shape": [None, 1], "dtype": "float32", "keras_history": [name, 0, 0]}}

    wide = {"class_name": "Dense", "config": {"name": "wide", "units": 16384}, "name": "wide",
            "inbound_nodes": [{"args": [tensor(flat["name"])], "kwargs": {}}]}
    big = {"class_name": "Concatenate", "config": {"name": "big", "axis": -1}, "name": "big",
           "inbound_nodes": [{"args": [[tensor("wide")] * 300], "kwargs": {}}]}
    config["layers"][-1:-1] = [wide, big]
    config["layers"][-1]["inbound_nodes"][0]["args"][0] = tensor("big")
    parts["model.json"] = json.dumps(config).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(FileFormatError) as info:
        sb.load_model(path)
    assert info.value.fields["reason"].fields["problem"].code == "limit.output_too_large"


def test_copy_keeps_the_graph_and_weights():
    model = ticket_model()
    clone = model.copy()
    assert isinstance(clone, Functional)
    np.testing.assert_array_equal(clone.get_flat_weights(), model.get_flat_weights())


def test_the_keras_code_of_a_graph_names_every_layer_and_connection():
    from sandbox.export_graph import keras_graph_code

    model = ticket_model()
    model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"], metrics=[["mae"], ["accuracy"]])
    code = keras_graph_code(model)
    compile(code, "model.py", "exec")  # valid Python
    assert 'title = keras.Input(shape=(6,), name="title")' in code
    assert 'add = layers.Add(name="add")([dense, dense_1])' in code
    assert "model = keras.Model(inputs=[title, body], outputs=[priority, department]" in code
    assert "metrics=[['mae'], ['accuracy']]" in code


def test_the_command_line_reads_a_functional_model(tmp_path, capsys):
    from sandbox.cli import main
    from sandbox.datasets import digits

    (x, y), (x_test, _) = digits.load_data()
    inputs = sb.Input(shape=(28, 28, 1))
    a = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    b = layers.Conv2D(4, 1, activation="relu")(inputs)
    x_ = layers.Flatten()(layers.MaxPooling2D(4)(layers.Add()([a, b])))
    model = sb.Model(inputs, layers.Dense(10, activation="softmax")(x_), seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x[:200] / 255, y[:200], epochs=1, verbose=0)
    path, npy = tmp_path / "graph.dlsb", tmp_path / "digit.npy"
    sb.save_model(model, path)
    np.save(npy, x_test[0].astype(np.float32) / 255)
    assert main(["summary", str(path)]) == 0
    assert "Connected to" in capsys.readouterr().out
    assert main(["evaluate", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Test loss ")
    assert main(["predict", str(path), str(npy)]) == 0
    assert capsys.readouterr().out.count("%") == 3
    # A model of two inputs cannot take one image: said in one line, without a traceback.
    two = ticket_model()
    sb.save_model(two, tmp_path / "two.dlsb")
    assert main(["predict", str(tmp_path / "two.dlsb"), str(npy)]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "inputs" in err
