"""Layer-by-layer views of one digit, unit explanations that add up, and edited networks that can be saved."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox.inspect_forward import (
    EditError,
    bake_edits,
    conv_filters,
    edited_accuracy,
    explain_unit,
    first_dense_images,
    forward_views,
    incoming_weights,
    predict_edited,
)

L = sb.layers


def _trained_like(model: sb.Sequential, seed: int = 0) -> sb.Sequential:
    """Biases away from zero, so that switching a unit off really changes something."""
    rng = np.random.default_rng(seed)
    model.build()
    for layer in model.layers:
        if "bias" in layer.params:
            layer.params["bias"][...] = rng.normal(0, 0.1, layer.params["bias"].shape)
    return model


@pytest.fixture
def cnn():
    """Conv (same) → max pool → conv (valid) → average pool (same) → Flatten → Dropout → Dense relu → softmax."""
    model = sb.Sequential([
        L.Input((28, 28, 1)),
        L.Conv2D(4, 3, padding="same", activation="relu"),
        L.MaxPooling2D(2),
        L.Conv2D(6, 3, activation="relu"),
        L.AveragePooling2D(3, strides=2, padding="same"),
        L.Flatten(),
        L.Dropout(0.2),
        L.Dense(12, activation="relu"),
        L.Dense(10, activation="softmax"),
    ], seed=3)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return _trained_like(model)


@pytest.fixture
def mlp():
    model = sb.Sequential([L.Input((28, 28, 1)), L.Flatten(), L.Dense(16, activation="tanh"),
                           L.Dense(8, activation="relu"), L.Dense(10, activation="softmax")], seed=5)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return _trained_like(model, 1)


@pytest.fixture(scope="module")
def digits():
    (_, _), (x, y) = sb.datasets.digits.load_data()
    return (x[:300].astype(np.float32) / 255)[..., None], y[:300].astype(np.int64)


def test_views_are_the_models_own_outputs_in_order(cnn, digits):
    image = digits[0][0]
    views = forward_views(cnn, image)
    expected = cnn.layer_outputs(image[None])
    assert [v.name for v in views] == [layer.name for layer in cnn.layers]
    assert [v.shape for v in views] == [tuple(layer.output_shape_) for layer in cnn.layers]
    for view, out in zip(views, expected, strict=True):
        np.testing.assert_array_equal(view.output, out[0])
        assert view.minimum == pytest.approx(float(out.min())) and view.maximum == pytest.approx(float(out.max()))
    assert views[0].activation == "relu" and views[1].activation is None
    # the views are private copies: another forward pass (pooling reuses its buffers) does not change them
    kept = views[1].output.copy()
    cnn.predict(digits[0][5:6])
    np.testing.assert_array_equal(views[1].output, kept)


@pytest.mark.parametrize("layer_index", [0, 2, 6, 7])
def test_explained_value_is_the_forward_value(cnn, digits, layer_index):
    image = digits[0][1]
    views = forward_views(cnn, image)
    out = views[layer_index].output
    for unit in range(0, out.shape[-1], 3):
        positions = [(0, 0), (out.shape[0] - 1, out.shape[1] - 1), None] if out.ndim == 3 else [None]
        for position in positions:
            c = explain_unit(cnn, image, layer_index, unit, position)
            expected = out[(*c.position, unit)] if out.ndim == 3 else out[unit]
            assert c.kind == "weighted" and c.value == pytest.approx(float(expected), abs=1e-5)
            # the sum really is Σ x·w + b, and the listed terms are the largest ones
            assert c.z == pytest.approx(float((c.inputs * c.weights).sum() + c.bias), abs=1e-9)
            assert sum(t.product for t in c.terms) + c.rest + c.bias == pytest.approx(c.z, abs=1e-9)
            sizes = [abs(t.product) for t in c.terms]
            assert sizes == sorted(sizes, reverse=True)
            assert sizes[0] == pytest.approx(float(np.abs(c.inputs * c.weights).max()))
            assert all(t.product == pytest.approx(t.x * t.w) for t in c.terms)


def test_conv_patch_includes_the_zero_padding_and_default_position_is_the_maximum(cnn, digits):
    image = digits[0][2]
    c = explain_unit(cnn, image, 0, 1, (0, 0))
    assert c.inputs.shape == (3, 3, 1) and c.weights.shape == (3, 3, 1)
    assert np.all(c.inputs[0] == 0) and np.all(c.inputs[:, 0] == 0)  # padded row and column
    out = forward_views(cnn, image)[0].output[..., 1]
    best = explain_unit(cnn, image, 0, 1)
    assert out[best.position] == out.max()
    assert c.activation == "relu" and c.activated == pytest.approx(max(c.z, 0.0))


def test_pooling_and_copy_layers_are_explained(cnn, digits):
    image = digits[0][3]
    views = forward_views(cnn, image)
    m = explain_unit(cnn, image, 1, 2, (5, 7))
    assert m.kind == "pool" and m.inputs.shape == (2, 2)
    np.testing.assert_allclose(m.inputs, views[0].output[10:12, 14:16, 2])
    assert m.value == pytest.approx(float(views[1].output[5, 7, 2]))
    # average pooling with "same" padding: the window's padded cells (NaN) do not count
    out = views[3].output
    last = (out.shape[0] - 1, out.shape[1] - 1)
    a = explain_unit(cnn, image, 3, 4, last)
    assert np.isnan(a.inputs).any()
    assert a.value == pytest.approx(float(out[(*last, 4)]), abs=1e-6)
    f = explain_unit(cnn, image, 4, 17)
    assert f.kind == "copy" and f.value == pytest.approx(float(views[4].output[17]))


def test_switching_a_dense_unit_off_is_a_zero_in_the_next_sum(cnn, digits):
    image = digits[0][4]
    views = forward_views(cnn, image)
    last = cnn.layers[7]
    a = views[6].output.astype(np.float64)
    unit = int(np.argmax(a))
    assert a[unit] > 0, "the test needs an active unit"
    a_off = a.copy()
    a_off[unit] = 0.0
    z = a_off @ last.params["kernel"] + last.params["bias"]
    manual = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    edited = predict_edited(cnn, image[None], {(6, unit): 0.0})[0]
    np.testing.assert_allclose(edited, manual, atol=1e-6)
    assert not np.allclose(edited, views[-1].output)
    # the edited views agree, and the edited unit shows 0
    edited_views = forward_views(cnn, image, {(6, unit): 0.0})
    assert edited_views[6].output[unit] == 0 and np.allclose(edited_views[-1].output, edited)


def test_switching_a_feature_map_off_zeros_the_whole_channel(cnn, digits):
    image = digits[0][5]
    edits = {(0, 2): 0.0, (0, 1): 0.5}
    edited = forward_views(cnn, image, edits)
    plain = forward_views(cnn, image)
    assert not edited[0].output[..., 2].any()
    np.testing.assert_allclose(edited[0].output[..., 1], 0.5 * plain[0].output[..., 1], rtol=1e-6)
    np.testing.assert_array_equal(edited[0].output[..., 0], plain[0].output[..., 0])
    # the next conv layer sees the zeroed channel: its explanation uses the edited inputs
    c = explain_unit(cnn, image, 2, 0, (3, 3), edits=edits)
    assert not c.inputs[..., 2].any()
    assert c.value == pytest.approx(float(edited[2].output[3, 3, 0]), abs=1e-5)


def test_scale_one_changes_nothing(cnn, digits):
    x = digits[0][:20]
    np.testing.assert_array_equal(predict_edited(cnn, x, {(6, 3): 1.0, (0, 0): 1.0}), cnn.predict(x))


def test_accuracy_without_edits_is_evaluates_accuracy(cnn, mlp, digits):
    x, y = digits
    for model in (cnn, mlp):
        logs = model.evaluate(x, y, return_dict=True, verbose=0)
        assert edited_accuracy(model, x, y, batch_size=64) == pytest.approx(logs["accuracy"])
        assert edited_accuracy(model, x, y, {}) == pytest.approx(logs["accuracy"])


def test_edited_accuracy_counts_edited_predictions(cnn, digits):
    x, y = digits
    edits = {(6, 0): 0.0, (6, 1): 0.0, (2, 3): 2.0}
    pred = predict_edited(cnn, x, edits)
    assert edited_accuracy(cnn, x, y, edits) == pytest.approx(float(np.mean(pred.argmax(1) == y)))


@pytest.mark.parametrize("edits", [
    {(0, 1): 0.0, (0, 3): 1.7},  # conv → max pool → conv: into the next kernel's input channels
    {(2, 5): 0.0, (2, 0): 0.3},  # conv → average pool (same) → Flatten → Dropout → Dense
    {(6, 3): 0.0, (6, 11): 2.0},  # Dense → Dense
    {(0, 0): 0.5, (2, 2): 0.0, (6, 4): 1.5},  # several layers at once
])
def test_baked_model_predicts_the_edited_outputs(cnn, digits, edits):
    x = digits[0][:50]
    before = cnn.get_flat_weights()
    baked = bake_edits(cnn, edits)
    np.testing.assert_allclose(baked.predict(x), predict_edited(cnn, x, edits), atol=1e-5)
    np.testing.assert_array_equal(cnn.get_flat_weights(), before)  # the learner's model is untouched
    assert baked is not cnn and baked.get_config() == cnn.get_config()
    assert baked.get_compile_config() == cnn.get_compile_config()


def test_edits_of_a_relu_output_layer_go_into_its_own_weights():
    model = _trained_like(sb.Sequential([L.Input((6,)), L.Dense(5, activation="tanh"), L.Dense(3, activation="relu")],
                                        seed=2))
    x = np.random.default_rng(0).normal(size=(20, 6)).astype(np.float32)
    edits = {(1, 0): 0.0, (1, 2): 1.5, (0, 1): 0.0}
    np.testing.assert_allclose(bake_edits(model, edits).predict(x), predict_edited(model, x, edits), atol=1e-6)


def test_softmax_output_units_cannot_be_saved_but_hidden_tanh_units_can(mlp, digits):
    with pytest.raises(EditError, match="softmax"):
        bake_edits(mlp, {(3, 2): 0.0})
    x = digits[0][:30]
    np.testing.assert_allclose(bake_edits(mlp, {(1, 4): 0.0}).predict(x), predict_edited(mlp, x, {(1, 4): 0.0}),
                               atol=1e-6)


def test_baked_model_survives_a_save_and_load(cnn, digits, tmp_path):
    x = digits[0][:10]
    edits = {(6, 3): 0.0}
    path = tmp_path / "edited.dlsb"
    sb.io.save_model(bake_edits(cnn, edits), path)
    np.testing.assert_allclose(sb.io.load_model(path).predict(x), predict_edited(cnn, x, edits), atol=1e-6)


@pytest.mark.parametrize("edits, message", [
    ({(1, 0): 0.0}, "no units"),  # pooling
    ({(0, 4): 0.0}, "units 0…3"),
    ({(99, 0): 0.0}, "no layer 99"),
    ({(0, 0): -1.0}, "between 0 and 2"),
    ({(0, 0): float("nan")}, "between 0 and 2"),
])
def test_bad_edits_are_refused_plainly(cnn, digits, edits, message):
    with pytest.raises(EditError, match=message):
        predict_edited(cnn, digits[0][:1], edits)
    assert isinstance(EditError("x"), sb.SandboxError)


def test_first_dense_weights_as_images(mlp, cnn):
    images = first_dense_images(mlp)
    assert images.shape == (16, 28, 28)
    np.testing.assert_array_equal(images[4].reshape(-1), mlp.layers[1].params["kernel"][:, 4])
    assert first_dense_images(cnn) is None  # its first Dense looks at feature maps, not pixels
    np.testing.assert_array_equal(incoming_weights(mlp, 1, 4), images[4][None])
    assert incoming_weights(mlp, 2, 0).shape == (16,)


def test_conv_filters_and_incoming_weights_as_pictures(cnn):
    filters = conv_filters(cnn, 0)
    assert filters.shape == (4, 3, 3)
    np.testing.assert_array_equal(filters[2], cnn.layers[0].params["kernel"][:, :, 0, 2])
    second = conv_filters(cnn, 2)
    np.testing.assert_allclose(second[1], cnn.layers[2].params["kernel"][..., 1].mean(axis=2), rtol=1e-6)
    np.testing.assert_array_equal(conv_filters(cnn, 2, channel=3)[1], cnn.layers[2].params["kernel"][:, :, 3, 1])
    assert incoming_weights(cnn, 2, 5).shape == (4, 3, 3)
    # a Dense after Flatten of feature maps: one picture per channel, where each weight looks
    dense_after_pool = sb.Sequential([L.Input((28, 28, 1)), L.Conv2D(2, 3), L.MaxPooling2D(2), L.Flatten(),
                                      L.Dense(3)], seed=0)
    w = incoming_weights(dense_after_pool, 3, 1)
    assert w.shape == (2, 13, 13)
    assert w[1, 2, 5] == dense_after_pool.layers[3].params["kernel"][(2 * 13 + 5) * 2 + 1, 1]
    with pytest.raises(EditError):
        conv_filters(cnn, 1)


def test_an_edit_that_cannot_be_saved_names_its_layer(mlp):
    with pytest.raises(EditError) as caught:
        bake_edits(mlp, {(3, 0): 0.5})
    assert caught.value.layer_name == mlp.layers[3].name
