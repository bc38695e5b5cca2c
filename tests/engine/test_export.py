"""The Keras and PyTorch exports write valid code that names every layer, with every setting Keras needs.

These tests need neither Keras nor PyTorch: they read the generated code. ``test_export_parity.py``
loads the same exports in the real libraries and compares predictions. The cases below (every
setting the app's layer form offers, the four presets) are shared with it.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sandbox as sb
from sandbox import safefile
from sandbox.errors import LayerArgumentError
from sandbox.export import export_keras, keras_code, layer_code
from sandbox.export_torch import SCRIPT, WEIGHTS, export_torch, torch_code, torch_weights
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec

LAYER_FORM = Path(__file__).resolve().parents[2] / "ui" / "panels" / "layer_form.py"


def form_fields() -> dict[str, tuple[str, ...]]:
    """``FIELDS`` of the app's layer form, read from its source (the engine's tests run without Qt)."""
    for node in ast.parse(LAYER_FORM.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "FIELDS":
            return ast.literal_eval(node.value)
    raise AssertionError("FIELDS not found in ui/panels/layer_form.py")


#: Values tried for each setting of the form (each spin box's ends and a value between).
VALUES: dict[str, tuple[Any, ...]] = {
    "units": (1, 7),
    "filters": (1, 5),
    "kernel_size": (1, 2, 5),
    "strides": (1, 2, 3),
    "pool_size": (1, 2, 3),
    "padding": ("valid", "same"),
    "activation": sb.activations.names(),
    "rate": (0.0, 0.5),
}

IMAGE = (9, 9, 2)  # odd, so "same" padding with stride 2 pads unevenly
FLAT = (6,)


def network(input_shape: tuple[int, ...], *layers: tuple[str, dict[str, Any]]) -> NetworkSpec:
    """A network of ``layers`` ending in ``Dense(3, softmax)`` (after a Flatten for images)."""
    specs = [LayerSpec.make(name, **config) for name, config in layers]
    specs.append(LayerSpec.make("Flatten"))
    specs.append(LayerSpec.make("Dense", units=3, activation="softmax"))
    return NetworkSpec(input_shape, tuple(specs))


def _around(class_name: str, config: dict[str, Any]) -> NetworkSpec:
    """The tested layer in a small network that fits it."""
    if class_name == "Dense":
        return network(FLAT, ("Dense", {"units": 4, **config}))
    if class_name == "Conv2D":
        return network(IMAGE, ("Conv2D", {"filters": 3, "kernel_size": 3, **config}))
    if class_name in ("MaxPooling2D", "AveragePooling2D"):
        return network(IMAGE, (class_name, config))
    if class_name == "Dropout":
        return network(FLAT, ("Dense", {"units": 5}), ("Dropout", {"rate": 0.25, **config}))
    if class_name == "Activation":
        return network(FLAT, ("Dense", {"units": 5}), ("Activation", {"activation": "relu", **config}))
    raise AssertionError(f"no test network for {class_name}: add one")


def setting_cases() -> dict[str, NetworkSpec]:
    """One network per (layer type, setting, value) the form offers, plus the cases that broke before."""
    cases: dict[str, NetworkSpec] = {}
    for class_name, fields in form_fields().items():
        for field in fields:
            for value in VALUES[field]:
                cases[f"{class_name}-{field}={value}"] = _around(class_name, {field: value})
    cases.update({
        # Keras's AveragePooling2D has no default pool_size (the LeNet-5 export failed)
        "AveragePooling2D-default": _around("AveragePooling2D", {}),
        # strides equal to the engine's default 2×2 pool but not to this pool (were written as a "default")
        "MaxPooling2D-pool=3,strides=2": _around("MaxPooling2D", {"pool_size": 3, "strides": 2}),
        "AveragePooling2D-pool=3,strides=2": _around("AveragePooling2D", {"pool_size": 3, "strides": 2}),
        "MaxPooling2D-pool=3,strides=2,same": _around("MaxPooling2D", {"pool_size": 3, "strides": 2,
                                                                       "padding": "same"}),
        "AveragePooling2D-pool=2,strides=1,same": _around("AveragePooling2D", {"pool_size": 2, "strides": 1,
                                                                               "padding": "same"}),
        "AveragePooling2D-pool=3,strides=2,same": _around("AveragePooling2D", {"pool_size": 3, "strides": 2,
                                                                               "padding": "same"}),
        "Conv2D-kernel=4,strides=2,same": _around("Conv2D", {"kernel_size": 4, "strides": 2, "padding": "same"}),
        "Conv2D-kernel=2,same": _around("Conv2D", {"kernel_size": 2, "padding": "same"}),
        "Conv2D-no-bias": _around("Conv2D", {"use_bias": False}),
        "Dense-no-bias": _around("Dense", {"use_bias": False}),
        # softmax over the channels of an image: PyTorch's channel axis is 1 there, not -1
        "Activation-softmax-on-image": network(IMAGE, ("Conv2D", {"filters": 4, "kernel_size": 1}),
                                               ("Activation", {"activation": "softmax"})),
        # a flat input made an image: the values must land where the engine puts them
        "Reshape-to-image": network((32,), ("Reshape", {"target_shape": (4, 4, 2)}),
                                    ("Conv2D", {"filters": 3, "kernel_size": 2})),
        "Reshape-image-to-image": network(IMAGE, ("Conv2D", {"filters": 2, "kernel_size": 1}),
                                          ("Reshape", {"target_shape": (3, 27, 2)}),
                                          ("MaxPooling2D", {"pool_size": 3, "strides": 1})),
        "Dropout-in-a-convnet": network(IMAGE, ("Conv2D", {"filters": 4, "kernel_size": 3}), ("Dropout", {"rate": 0.5}),
                                        ("MaxPooling2D", {})),
    })
    return cases


SETTINGS = setting_cases()
PRESETS = sb.presets.names()


def test_the_cases_cover_every_setting_of_the_layer_form():
    fields = form_fields()
    assert set(fields) >= {"Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "Dropout", "Activation"}
    for class_name, names in fields.items():
        for field in names:
            assert field in VALUES, f"the layer form offers {class_name}.{field}: give it values to export"
    assert set(PRESETS) == {"logistic", "mlp", "small-cnn", "lenet5"}


# ---- the Keras code ------------------------------------------------------------------------------
def test_keras_writes_the_pool_size_it_requires_and_strides_that_differ_from_the_pool():
    assert layer_code(LayerSpec.make("AveragePooling2D")) == "layers.AveragePooling2D((2, 2))"
    assert layer_code(LayerSpec.make("MaxPooling2D", pool_size=3, strides=2)) == \
        "layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2))"
    # strides equal to the pool size are Keras's default (strides=None): left out
    assert layer_code(LayerSpec.make("MaxPooling2D", pool_size=3)) == "layers.MaxPooling2D(pool_size=(3, 3))"
    assert layer_code(LayerSpec.make("MaxPooling2D")) == "layers.MaxPooling2D()"
    assert layer_code(LayerSpec.make("AveragePooling2D", pool_size=2, strides=1, padding="same")) == \
        'layers.AveragePooling2D((2, 2), strides=(1, 1), padding="same")'


@pytest.mark.parametrize("name", PRESETS)
def test_the_keras_export_is_valid_python_that_loads_its_weights_from_beside_itself(tmp_path, name):
    spec = NetworkSpec.from_preset(name)
    model = spec.build_model(seed=0)
    script = export_keras(tmp_path, spec, TrainingSpec(), model.get_weights())
    text = script.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert "mnist" not in text and "load_data" not in text and "model.fit" not in text  # downloads nothing
    assert 'pathlib.Path(__file__).with_name("weights.npz")' in text
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
    assert imported == {"hashlib", "pathlib", "keras", "numpy"}
    calls = [line.strip() for line in text.splitlines() if line.strip().startswith("layers.")]
    assert [c.split("(")[0] for c in calls] == [f"layers.{s.class_name}" for s in spec.layers]  # every layer, in order
    digest = hashlib.sha256((tmp_path / "weights.npz").read_bytes()).hexdigest()
    assert digest in text


def test_the_keras_training_code_still_trains_on_mnist():
    code = keras_code(NetworkSpec.from_preset("lenet5"), TrainingSpec(epochs=2))
    ast.parse(code)
    assert "keras.datasets.mnist.load_data()" in code and "model.fit(" in code
    assert code.count("layers.AveragePooling2D((2, 2))") == 2


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_every_layer_form_setting_exports_as_valid_code(tmp_path, case):
    spec = SETTINGS[case]
    model = spec.build_model(seed=0)
    ast.parse(export_keras(tmp_path, spec, TrainingSpec(), model.get_weights()).read_text(encoding="utf-8"))
    code = export_torch(model, tmp_path).read_text(encoding="utf-8")
    ast.parse(code)
    for layer in model.layers:
        assert f"# {layer.name} ({type(layer).__name__})" in code


# ---- the PyTorch code ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", PRESETS)
def test_the_torch_export_is_valid_python_importing_only_torch_and_numpy(tmp_path, name):
    model = sb.presets.build(name, seed=0)
    script = export_torch(model, tmp_path)
    assert script == tmp_path / SCRIPT and sorted(p.name for p in tmp_path.iterdir()) == sorted([SCRIPT, WEIGHTS])
    text = script.read_text(encoding="utf-8")
    tree = ast.parse(text)
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
    assert imported == {"hashlib", "pathlib", "numpy", "torch"}
    assert f'pathlib.Path(__file__).with_name("{WEIGHTS}")' in text
    assert hashlib.sha256((tmp_path / WEIGHTS).read_bytes()).hexdigest() in text
    for layer in model.layers:  # every layer is named
        assert f"# {layer.name} ({type(layer).__name__})" in text
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    assert classes == ["".join(p.capitalize() for p in model.name.split("_"))]


def test_torch_weights_are_in_pytorch_layouts():
    model = sb.presets.build("small-cnn", seed=0)
    weights = torch_weights(model)
    conv, dense = model.layers[0], model.layers[-1]
    assert weights["conv2d.weight"].shape == (8, 1, 3, 3)  # (out, in, kh, kw)
    np.testing.assert_array_equal(weights["conv2d.weight"][5, 0, 1, 2], conv.params["kernel"][1, 2, 0, 5])
    assert weights["dense.weight"].shape == (10, 784)  # (out, in)
    np.testing.assert_array_equal(weights["dense.weight"], dense.params["kernel"].T)
    np.testing.assert_array_equal(weights["dense.bias"], dense.params["bias"])
    assert all(w.dtype == np.float32 and w.flags.c_contiguous for w in weights.values())


def test_layer_names_become_identifiers_that_shadow_nothing():
    layers = [sb.layers.Input((4,)), sb.layers.Dense(3, name="forward"), sb.layers.Dense(3, name="my layer"),
              sb.layers.Dense(3, name="class"), sb.layers.Dense(2, name="2nd")]
    model = sb.Sequential(layers, name="my net", seed=0)
    code = torch_code(model)
    ast.parse(code)
    for attr in ("self.forward_layer =", "self.my_layer =", "self.class_layer =", "self.layer_2nd ="):
        assert attr in code
    assert "class MyNet(nn.Module):" in code
    assert set(torch_weights(model)) == {f"{a}.{w}" for a in ("forward_layer", "my_layer", "class_layer", "layer_2nd")
                                         for w in ("weight", "bias")}


def test_the_function_is_not_shadowed_by_its_module():
    module = importlib.import_module("sandbox.export_torch")  # the submodule, imported again
    assert sb.export_torch is export_torch and module.export_torch is export_torch
    assert callable(sb.export_torch)


def test_a_layer_the_export_cannot_write_is_refused_with_a_code_and_nothing_is_written(tmp_path, monkeypatch):
    model = sb.presets.build("mlp", seed=0)
    module = importlib.import_module("sandbox.export_torch")  # `from sandbox import` gives the function
    monkeypatch.delitem(module._ACTIVATIONS, "relu")
    with pytest.raises(LayerArgumentError) as info:
        export_torch(model, tmp_path / "out")
    assert info.value.code == "export.torch_activation" and info.value.fields["activation"] == "relu"
    assert not (tmp_path / "out").exists()


def test_a_model_that_is_not_sequential_is_refused_with_a_code(tmp_path):
    with pytest.raises(LayerArgumentError) as info:
        export_torch(object(), tmp_path)
    assert info.value.code == "export.torch_model"


def test_an_interrupted_torch_export_leaves_a_pair_the_script_refuses(tmp_path, monkeypatch):
    export_torch(sb.presets.build("logistic", seed=0), tmp_path)
    old = (tmp_path / SCRIPT).read_text(encoding="utf-8")
    real_replace = safefile.os.replace
    renames: list[Any] = []

    def crash_after_the_weights(source, target):
        if renames:
            raise KeyboardInterrupt
        renames.append(target)
        real_replace(source, target)

    monkeypatch.setattr(safefile.os, "replace", crash_after_the_weights)
    with pytest.raises(KeyboardInterrupt):
        export_torch(sb.presets.build("logistic", seed=1), tmp_path)
    assert [Path(t).name for t in renames] == [WEIGHTS]  # the weights go first
    assert (tmp_path / SCRIPT).read_text(encoding="utf-8") == old  # so the old script checks the new weights
    digest = hashlib.sha256((tmp_path / WEIGHTS).read_bytes()).hexdigest()
    assert digest not in old


def test_a_functional_graph_exports_as_valid_torch_code_naming_every_layer():
    if not hasattr(sb, "Model"):
        return  # the functional API is not there: nothing to export
    L = sb.layers
    inputs = sb.Input((8, 8, 1))
    a = L.Conv2D(2, 3, padding="same")(inputs)
    b = L.Conv2D(2, 1)(inputs)
    x = L.Concatenate()([L.Add()([a, b]), b])  # channels: PyTorch's dim 1
    outputs = L.Dense(3, activation="softmax")(L.Flatten()(x))
    model = sb.Model(inputs, outputs, seed=0)
    code = torch_code(model)
    ast.parse(code)
    for layer in model.layers[1:]:
        assert f"# {layer.name} ({type(layer).__name__})" in code
    assert "torch.cat([add, conv2d_1], dim=1)" in code and "add = conv2d + conv2d_1" in code
    assert set(torch_weights(model)) == {"conv2d.weight", "conv2d.bias", "conv2d_1.weight", "conv2d_1.bias",
                                         "dense.weight", "dense.bias"}
