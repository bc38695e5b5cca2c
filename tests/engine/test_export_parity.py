"""The exports run in the real libraries and give the engine's numbers.

Each export is loaded as a learner would load it — its script run from its own folder, which reads
the weights beside it — in Keras 3 (torch backend) and in PyTorch, and its predictions are compared
with the engine's to 1e-5 (absolute; probabilities and outputs of order 1): on the 1,000 held-out
digits for the four presets (briefly trained, so their outputs are confident), and on random inputs
for every setting the app's layer form offers. Needs ``keras`` and ``torch``; skipped where either is
missing. With ``PARITY_REPORT=file`` the largest difference per case is written as JSON lines.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "torch")

import runpy
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from parity_helpers import LOG, assert_close
from test_export import PRESETS, SETTINGS

import sandbox as sb
from sandbox.export import export_keras, layer_code
from sandbox.export_torch import export_torch
from sandbox.layers import PALETTE
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec

keras = pytest.importorskip("keras")
torch = pytest.importorskip("torch")

pytestmark = [pytest.mark.parity,
              pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")]

TOL = 1e-5


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    LOG.dump()


@pytest.fixture(scope="module")
def digits() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    (x, y), (xt, _) = sb.datasets.digits.load_data()
    return x[:1024, ..., None] / np.float32(255), y[:1024], (xt[..., None] / np.float32(255)).astype(np.float32)


def load(script: Path) -> Any:
    """``model`` from an exported script, run as a module from a folder that is not its own."""
    return runpy.run_path(str(script), run_name="exported_model")["model"]


def keras_predict(folder: Path, spec: NetworkSpec, model: sb.Sequential, x: np.ndarray) -> np.ndarray:
    km = load(export_keras(folder / "keras", spec, TrainingSpec(), model.get_weights()))
    return np.asarray(km.predict(x, verbose=0, batch_size=256))


def torch_predict(folder: Path, model: sb.Sequential, x: np.ndarray) -> np.ndarray:
    net = load(export_torch(model, folder / "torch"))
    assert not net.training  # the script leaves it ready to predict (Dropout off)
    with torch.no_grad():
        return net(torch.from_numpy(np.ascontiguousarray(x, np.float32))).numpy()


@pytest.mark.parametrize("name", PRESETS)
def test_presets_give_the_engines_probabilities_on_the_held_out_digits(tmp_path, monkeypatch, digits, name):
    x, y, x_test = digits
    spec = NetworkSpec.from_preset(name)
    model = spec.build_model(seed=0)
    model.compile(optimizer=sb.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=64, epochs=3, verbose=0)  # confident outputs, not a near-uniform guess
    expected = model.predict(x_test)
    monkeypatch.chdir(tmp_path)  # the scripts find their weights beside themselves, not here
    k = keras_predict(tmp_path, spec, model, x_test)
    t = torch_predict(tmp_path, model, x_test)
    assert_close(f"keras {name}", "held-out probabilities", k, expected, rtol=0.0, atol=TOL)
    assert_close(f"torch {name}", "held-out probabilities", t, expected, rtol=0.0, atol=TOL)
    assert (k.argmax(1) == expected.argmax(1)).mean() > 0.99 and (t.argmax(1) == expected.argmax(1)).mean() > 0.99
    assert expected.max(axis=1).mean() > 0.5


def test_the_pretrained_network_gives_the_engines_probabilities(tmp_path, digits):
    import resources

    model = sb.load_model(resources.path("models", "small-cnn.dlsb"))
    spec = NetworkSpec.from_model_config(model.get_config())
    _, _, x_test = digits
    expected = model.predict(x_test)
    assert_close("keras pretrained", "held-out probabilities", keras_predict(tmp_path, spec, model, x_test),
                 expected, rtol=0.0, atol=TOL)
    assert_close("torch pretrained", "held-out probabilities", torch_predict(tmp_path, model, x_test), expected,
                 rtol=0.0, atol=TOL)


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_every_layer_form_setting_gives_the_engines_outputs(tmp_path, case):
    spec = SETTINGS[case]
    model = spec.build_model(seed=0)
    # weights drawn again with a spread that makes every unit matter (biases too, which start at 0)
    rng = np.random.default_rng(1)
    model.set_weights([rng.normal(0, 0.5, w.shape).astype(np.float32) for w in model.get_weights()])
    x = rng.normal(size=(32, *spec.input_shape)).astype(np.float32)
    expected = model.predict(x)
    assert_close(f"keras {case}", "outputs", keras_predict(tmp_path, spec, model, x), expected, rtol=0.0, atol=TOL)
    assert_close(f"torch {case}", "outputs", torch_predict(tmp_path, model, x), expected, rtol=0.0, atol=TOL)


@pytest.mark.parametrize("case", sorted(SETTINGS))
def test_the_keras_layers_have_the_engines_settings(tmp_path, case):
    """Every setting Keras's layer and the engine's both have is equal: none lost to a wrong default."""
    spec = SETTINGS[case]
    model = spec.build_model(seed=0)
    km = load(export_keras(tmp_path, spec, TrainingSpec(), model.get_weights()))
    assert len(km.layers) == len(model.layers)
    for ours, theirs in zip(model.layers, km.layers, strict=True):
        assert type(theirs).__name__ == type(ours).__name__
        mine, kc = ours.get_config(), theirs.get_config()
        for key in mine.keys() & kc.keys() - {"name", "kernel_initializer", "bias_initializer", "seed"}:
            value = tuple(kc[key]) if isinstance(kc[key], list | tuple) else kc[key]
            expected = tuple(mine[key]) if isinstance(mine[key], list | tuple) else mine[key]
            assert value == expected, f"{case}: {type(ours).__name__}.{key} is {value!r} in Keras, {expected!r} here"


#: The fewest arguments each palette layer needs in the engine.
MINIMAL = {"Dense": {"units": 3}, "Conv2D": {"filters": 2, "kernel_size": 3}, "Dropout": {"rate": 0.5},
           "Activation": {"activation": "relu"}}


@pytest.mark.parametrize("name", PALETTE)
def test_each_palette_layer_left_at_the_engines_defaults_is_the_same_in_keras(name):
    """Where an engine default differs from Keras's (or Keras has none), the code says it."""
    spec = LayerSpec.make(name, **MINIMAL.get(name, {}))
    theirs = eval(layer_code(spec), {"layers": keras.layers})  # our own generated code
    ours = spec.build()
    mine, kc = ours.get_config(), theirs.get_config()
    for key in mine.keys() & kc.keys() - {"name", "kernel_initializer", "bias_initializer", "seed"}:
        value = tuple(kc[key]) if isinstance(kc[key], list | tuple) else kc[key]
        expected = tuple(mine[key]) if isinstance(mine[key], list | tuple) else mine[key]
        assert value == expected, f"{name}.{key} is {value!r} in Keras, {expected!r} here"


def test_the_scripts_run_as_a_learner_runs_them(tmp_path):
    """``python model.py`` / ``python model_torch.py`` from another folder: summary, no download, exit 0."""
    import subprocess
    import sys

    spec = NetworkSpec.from_preset("lenet5")
    model = spec.build_model(seed=0)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    for script in (export_keras(tmp_path / "k", spec, TrainingSpec(), model.get_weights()),
                   export_torch(model, tmp_path / "t")):
        done = subprocess.run([sys.executable, str(script)], cwd=elsewhere, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        assert "average_pooling2d" in done.stdout.lower() or "AvgPool2d" in done.stdout


def _functional_graph() -> Any:
    """A graph with two branches joined by Add and by Concatenate (over channels, then flat), 'same' and
    strided pooling, Rescaling and GlobalAveragePooling2D: ``sb.Model``, or None without the functional API."""
    if not hasattr(sb, "Model"):
        return None
    L = sb.layers
    inputs = sb.Input((28, 28, 1))
    scaled = L.Rescaling(2.0, offset=-1.0)(inputs)
    a = L.Conv2D(4, 3, padding="same", activation="relu")(scaled)
    b = L.Conv2D(4, 1, activation="tanh")(scaled)
    x = L.MaxPooling2D(pool_size=3, strides=2)(L.Add()([a, b]))
    y = L.Concatenate()([x, L.Conv2D(2, 1)(x)])
    flat = L.Flatten()(L.AveragePooling2D()(y))
    pooled = L.GlobalAveragePooling2D()(y)
    outputs = L.Dense(10, activation="softmax")(L.Concatenate()([flat, pooled]))
    return sb.Model(inputs, outputs, seed=0)


def test_a_functional_graph_exported_for_keras_gives_the_engines_outputs(tmp_path):
    model = _functional_graph()
    if model is None:
        pytest.skip("sb.Model (the functional API) does not exist yet")
    x = np.random.default_rng(0).random((64, 28, 28, 1), dtype=np.float32)
    km = load(export_keras(tmp_path, model, None, None))
    assert_close("keras functional", "outputs", km.predict(x, verbose=0), model.predict(x), rtol=0.0, atol=TOL)


def test_a_functional_graph_exported_for_pytorch_gives_the_engines_outputs(tmp_path):
    model = _functional_graph()
    if model is None:
        pytest.skip("sb.Model (the functional API) does not exist yet")
    x = np.random.default_rng(0).random((64, 28, 28, 1), dtype=np.float32)
    net = load(export_torch(model, tmp_path))
    with torch.no_grad():
        got = net(torch.from_numpy(x)).numpy()
    assert_close("torch functional", "outputs", got, model.predict(x), rtol=0.0, atol=TOL)


@pytest.mark.parametrize("activation", ["softmax", "tanh", "gelu"])
def test_a_conv2d_activation_trains_as_in_keras(activation):
    """Found by the export cases: Conv2D's softmax normalised over the width, not the filters. Its
    forward and backward now work on the channels-last view; trained a few steps against Keras."""
    from parity_helpers import build_pair, compile_pair, train_and_compare

    pair = build_pair(keras, (5, 6, 2), lambda L: [L.layers.Conv2D(3, 2, padding="same", activation=activation),
                                                   L.layers.Flatten(), L.layers.Dense(3)])
    compile_pair(pair, lambda L: L.optimizers.SGD(0.05, momentum=0.9),
                 lambda L: L.losses.SparseCategoricalCrossentropy(from_logits=True))
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 5, 6, 2)).astype(np.float32)
    train_and_compare(f"conv2d {activation} training", pair, x, rng.integers(0, 3, 16))
