"""The app edits networks as immutable specs: each edit is a new spec, shapes come without weights,
and what is built can be carried out as Keras code."""

from __future__ import annotations

import json

import numpy as np
import pytest

import sandbox as sb
from sandbox.export import export_keras, keras_code
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec


def test_a_preset_spec_traces_the_shapes_the_learner_sees():
    spec = NetworkSpec.from_preset("small-cnn")
    rows = spec.trace()
    assert [r.output_shape for r in rows] == [(28, 28, 8), (14, 14, 8), (14, 14, 16), (7, 7, 16), (784,), (10,)]
    assert [r.name for r in rows][:2] == ["conv2d", "max_pooling2d"]
    assert spec.count_params() == sb.presets.build("small-cnn").count_params() == 9098


def test_edits_return_new_specs_and_leave_the_old_one_alone():
    spec = NetworkSpec.from_preset("mlp")
    edited = spec.insert(2, LayerSpec.make("Dropout", rate=0.5)).move(0, 1)
    assert len(spec.layers) == 4 and len(edited.layers) == 5
    assert edited.layers[0].class_name == "Dense" and edited.layers[1].class_name == "Flatten"
    assert edited.remove(1).first_error() is not None
    assert edited.move(1, 0).remove(2).layers == spec.layers


def test_removing_flatten_marks_the_dense_layer_with_a_one_click_fix():
    spec = NetworkSpec.from_preset("small-cnn").remove(4)
    error = spec.first_error()
    assert error.layer_index == 4 and error.fix == "insert_flatten"
    assert "add Flatten" in str(error)
    rows = spec.trace()
    assert str(rows[4].error) == str(error) and rows[4].output_shape is None


def test_bad_settings_are_reported_on_their_row():
    spec = NetworkSpec.from_preset("mlp")
    bad = spec.replace_layer(1, spec.layers[1].with_config(units=0))
    assert "units must be an int ≥ 1, got 0" in str(bad.first_error())
    assert bad.first_error().layer_index == 1


def test_specs_round_trip_through_json_exactly():
    spec = NetworkSpec.from_preset("lenet5").insert(5, LayerSpec.make("Dropout", rate=0.25))
    assert NetworkSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    training = TrainingSpec(optimizer="SGD", learning_rate=0.05, clipnorm=1.0).with_options(momentum=0.9)
    assert TrainingSpec.from_dict(json.loads(json.dumps(training.to_dict()))) == training
    model = spec.build_model(seed=1)
    assert NetworkSpec.from_model_config(model.get_config()) == spec


def test_unknown_layer_names_are_refused():
    with pytest.raises(sb.UnknownNameError):
        LayerSpec.make("Lambda", function="os.system")


def test_keras_code_is_the_code_a_learner_would_type():
    spec = NetworkSpec.from_preset("small-cnn")
    code = keras_code(spec, TrainingSpec(epochs=5, batch_size=32))
    assert 'layers.Conv2D(8, (3, 3), activation="relu", padding="same"),' in code
    assert "layers.MaxPooling2D()," in code and 'layers.Dense(10, activation="softmax"),' in code
    assert "keras.optimizers.Adam(learning_rate=0.001)" in code
    assert "model.fit(x_train, y_train, epochs=5, batch_size=32, validation_split=0.1)" in code
    compile(code, "model.py", "exec")


def test_export_writes_runnable_code_and_weights_in_keras_order(tmp_path):
    spec = NetworkSpec.from_preset("mlp")
    model = spec.build_model(seed=0)
    script = export_keras(tmp_path / "out", spec, TrainingSpec(), model.get_weights())
    saved = np.load(tmp_path / "out" / "weights.npz")
    assert [saved[k].shape for k in sorted(saved.files)] == [w.shape for w in model.get_weights()]
    text = script.read_text()
    assert "model.set_weights" in text and "model.fit" not in text
    compile(text, "model.py", "exec")
