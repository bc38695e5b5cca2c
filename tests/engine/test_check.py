"""sb.check: the mistakes a learner makes, found before training, each with its code, facts and fix."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox.check import _MESSAGES, CODES, USUAL_LEARNING_RATES, Finding
from sandbox.datasets import digits
from sandbox.spec import TrainingSpec


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    """The first 500 training digits, scaled as the app and the CLI scale them."""
    (x, y), _ = digits.load_data()
    return x[:500].astype(np.float32) / 255, y[:500]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> Finding:
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, codes(findings)
    return found[0]


def dense_model(units: int, activation: str, loss: str = "sparse_categorical_crossentropy",
                optimizer: object = "adam", shape: tuple[int, ...] = (28, 28, 1)) -> sb.Sequential:
    model = sb.Sequential([sb.layers.Input(shape), sb.layers.Flatten(), sb.layers.Dense(units, activation=activation)],
                          seed=0)
    model.compile(optimizer=optimizer, loss=loss)
    return model


@pytest.mark.parametrize("preset", sb.presets.names())
def test_the_healthy_presets_with_the_default_training_spec_are_clean(preset, data):
    spec = TrainingSpec()
    model = sb.presets.build(preset, compile=False)
    model.compile(optimizer=spec.build_optimizer(), loss=spec.build_loss(), metrics=list(spec.metrics))
    assert sb.check(model, *data) == []


def test_forgot_the_output_layer(data):
    model = sb.presets.build("mlp")
    model.pop()  # now it ends in Dense(64, relu): a hidden layer with no output layer after it
    findings = sb.check(model, *data)
    # One cause, one message: the relu output is the missing output layer's doing, not a second problem.
    assert codes(findings) == ["output_units_vs_classes"]
    units = findings[0]
    assert units.severity == "error"
    assert units.fields["expected"] == 10 and units.fields["got"] == 64 and units.fields["add_layer"] is True
    assert units.fields["layer_index"] == 2 and units.fields["layer_name"] == model.layers[-1].name
    assert units.fields["loss"] == "sparse_categorical_crossentropy"
    assert units.fix == {"kind": "add_output_layer", "class_name": "Dense", "units": 10, "activation": "softmax"}
    assert "64 outputs" in units.message and "add an output layer after it, Dense(10, softmax)" in units.message


def test_a_relu_output_with_the_right_units_is_a_warning(data):
    relu = only(sb.check(dense_model(10, "relu"), *data), "relu_output_into_probability_loss")
    assert relu.severity == "warning" and relu.fields["activation"] == "relu"
    assert "Keras would run" in relu.message
    assert relu.fix == {"kind": "set_activation", "layer_index": 1, "activation": "softmax"}


def test_a_softmax_with_more_outputs_than_the_labels_use_is_fine(data):
    x, y = data
    assert sb.check(dense_model(10, "softmax"), x, y % 3) == []  # ten digits' outputs, trained on 0, 1 and 2


def test_an_output_layer_with_the_wrong_units_is_changed_not_added(data):
    units = only(sb.check(dense_model(5, "softmax"), *data), "output_units_vs_classes")
    assert units.fix["kind"] == "set_last_layer" and "make it Dense(10, softmax)" in units.message


def test_sigmoid_output_with_sparse_categorical_crossentropy(data):
    findings = sb.check(dense_model(10, "sigmoid"), *data)
    finding = only(findings, "activation_vs_loss")
    assert codes(findings) == ["activation_vs_loss"]
    assert finding.severity == "warning" and "Keras would run" in finding.message
    assert finding.fields["activation"] == "sigmoid" and finding.fields["expected_activation"] == "softmax"
    assert finding.fix == {"kind": "set_activation", "layer_index": 1, "activation": "softmax"}


def test_linear_output_is_fine_with_from_logits_and_softmax_is_not(data):
    logits = sb.losses.SparseCategoricalCrossentropy(from_logits=True)
    assert sb.check(dense_model(10, "linear", loss=logits), *data) == []
    finding = only(sb.check(dense_model(10, "softmax", loss=logits), *data), "activation_vs_loss")
    assert finding.fields["from_logits"] is True and "applied twice" in finding.message
    assert finding.fix == {"kind": "set_loss", "loss": "sparse_categorical_crossentropy", "from_logits": False}
    only(sb.check(dense_model(10, "linear"), *data), "relu_output_into_probability_loss")


def test_labels_0_to_9_but_5_outputs(data):
    findings = sb.check(dense_model(5, "softmax"), *data)
    assert all(f.severity == "error" for f in findings)
    units = only(findings, "output_units_vs_classes")
    assert (units.fields["expected"], units.fields["got"]) == (10, 5)
    assert units.fix["units"] == 10
    labels = only(findings, "labels_out_of_range")
    y = data[1]
    assert labels.fields["count"] == int(np.count_nonzero(y >= 5))
    assert (labels.fields["low"], labels.fields["high"], labels.fields["max"]) == (0, 4, 9)


def test_negative_labels_are_out_of_range(data):
    x, y = data
    findings = sb.check(dense_model(10, "softmax"), x, y.astype(int) - 1)
    assert codes(findings) == ["labels_out_of_range"]
    assert findings[0].fields["min"] == -1 and findings[0].severity == "error"


def test_images_28_by_28_into_a_model_built_for_784_inputs(data):
    model = sb.Sequential([sb.layers.Input((784,)), sb.layers.Dense(10, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    finding = only(sb.check(model, *data), "input_shape_mismatch")
    assert finding.severity == "error"
    assert finding.fields["expected"] == (784,) and finding.fields["got"] == (28, 28)
    assert "expects inputs 784 per sample, got 28×28" in finding.message
    assert finding.fix is None  # two edits (Input shape and a Flatten): no one-click fix
    # With a Flatten first, changing the Input shape is the one edit.
    flat_first = dense_model(10, "softmax", shape=(784,))
    assert only(sb.check(flat_first, *data), "input_shape_mismatch").fix == {"kind": "set_input_shape",
                                                                                "shape": [28, 28]}


def test_learning_rate_5_with_adam_is_a_warning(data):
    finding = only(sb.check(dense_model(10, "softmax", optimizer=sb.optimizers.Adam(5.0)), *data),
                   "learning_rate_unusual")
    assert finding.severity == "warning" and "Keras would run" in finding.message
    assert finding.fields["learning_rate"] == 5.0 and finding.fields["too_high"] is True
    assert (finding.fields["usual_low"], finding.fields["usual_high"]) == USUAL_LEARNING_RATES["Adam"]
    assert finding.fix == {"kind": "set_learning_rate", "learning_rate": 0.001}


def test_learning_rate_far_below_sgds_range_and_a_schedule_judged_by_its_start():
    slow = dense_model(10, "softmax", optimizer=sb.optimizers.SGD(1e-6))
    finding = only(sb.check(slow), "learning_rate_unusual")
    assert finding.fields["too_high"] is False and finding.fix["learning_rate"] == 0.01
    cosine = sb.optimizers.CosineDecay(0.01, 100)
    assert sb.check(dense_model(10, "softmax", optimizer=sb.optimizers.Adam(cosine))) == []


def test_an_uncompiled_model_skips_loss_checks_unless_given_a_loss(data):
    model = sb.presets.build("mlp", compile=False)
    model.pop()
    assert sb.check(model, *data) == []
    found = sb.check(model, *data, loss="sparse_categorical_crossentropy", optimizer=sb.optimizers.Adam(5.0))
    assert codes(found) == ["output_units_vs_classes", "learning_rate_unusual"]


def test_one_hot_and_sparse_labels_with_the_wrong_loss(data):
    x, y = data
    found = sb.check(dense_model(10, "softmax", loss="categorical_crossentropy"), x, y)
    assert only(found, "sparse_labels_with_categorical_loss").fix == {"kind": "set_loss",
                                                                      "loss": "sparse_categorical_crossentropy"}
    one_hot = np.eye(10)[y]
    assert sb.check(dense_model(10, "softmax", loss="categorical_crossentropy"), x, one_hot) == []
    found = sb.check(dense_model(10, "softmax"), x, one_hot)
    assert only(found, "one_hot_labels_with_sparse_loss").fix == {"kind": "set_loss",
                                                                  "loss": "categorical_crossentropy"}
    assert only(sb.check(dense_model(12, "softmax", loss="categorical_crossentropy"), x, one_hot),
                "output_units_vs_classes").fields["expected"] == 10


def test_binary_crossentropy_wants_one_sigmoid_output():
    x, y = np.zeros((4, 2)), np.array([0, 1, 1, 0])
    assert sb.check(dense_model(1, "sigmoid", loss="binary_crossentropy", shape=(2,)), x, y) == []
    found = sb.check(dense_model(2, "softmax", loss="binary_crossentropy", shape=(2,)), x, y)
    assert codes(found) == ["output_units_vs_classes", "activation_vs_loss"]
    assert found[0].fix == {"kind": "set_last_layer", "class_name": "Dense", "units": 1, "activation": "sigmoid"}
    assert only(sb.check(dense_model(1, "sigmoid", loss="binary_crossentropy", shape=(2,)), x, y * 3),
                "labels_out_of_range").severity == "warning"


def test_no_layers_a_layer_that_does_not_fit_and_a_sample_count_mismatch():
    empty = sb.Sequential([sb.layers.Input((4,))])
    empty.compile(optimizer="adam", loss="mse")
    assert codes(sb.check(empty)) == ["no_layers"]
    found = sb.check(dense_model(10, "softmax", shape=(4,)), np.zeros((3, 4)), np.array([0, 9, 1, 2, 3]))
    assert codes(found) == ["sample_count_mismatch"]
    # Without an Input the model takes the data's shape, and a convolution cannot take flat rows.
    conv = sb.Sequential([sb.layers.Conv2D(4, 3), sb.layers.Flatten(), sb.layers.Dense(10, activation="softmax")])
    conv.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    finding = only(sb.check(conv, np.zeros((3, 4)), np.array([0, 9, 1])), "layer_does_not_fit")
    assert finding.severity == "error" and finding.fields["layer_index"] == 0


def test_findings_are_plain_data_with_known_codes_and_messages_from_their_fields(data):
    model = sb.presets.build("mlp", learning_rate=5.0)
    model.pop()
    for finding in sb.check(model, *data):
        assert finding.code in CODES and finding.severity in ("error", "warning")
        assert all(isinstance(v, int | float | str | bool | tuple) for v in finding.fields.values())
        assert finding.message == _MESSAGES[finding.code](finding.fields)  # made from the fields alone
        with pytest.raises(AttributeError):
            finding.code = "other"  # type: ignore[misc]

