"""A network read from a file is measured before it is built: a few bytes asking for 10⁸ units are refused
with the numbers, while everything the app itself can build still saves and opens again."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import sandbox as sb
from sandbox import limits
from sandbox.cli import main
from sandbox.playground import PlaygroundSetup, load_setup, save_setup
from sandbox.spec import MAX_EPOCHS, LayerSpec, NetworkSpec, TrainingSpec


def setup_file(tmp_path: Path, edit) -> Path:
    """A .dlplay file of the default setup, changed by ``edit(data)``."""
    data = PlaygroundSetup().to_dict()
    edit(data)
    path = tmp_path / "shared.dlplay"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def refused_quickly(action) -> str:
    """Run ``action``, which must raise FileFormatError without allocating much (it never reads what the file only
    claims to hold); return the message."""
    tracemalloc.start()
    try:
        with pytest.raises(sb.FileFormatError) as caught:
            action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20
    return str(caught.value)


def dense(units: int, **config) -> dict:
    return {"class_name": "Dense", "config": {"units": units, **config}}


# ---- .dlplay playground setups -------------------------------------------------------------------------------
def test_a_shared_setup_asking_for_a_hundred_million_units_is_refused_before_it_is_built(tmp_path):
    path = setup_file(tmp_path, lambda d: d["network"]["layers"].__setitem__(0, dense(100_000_000, activation="tanh")))

    message = refused_quickly(lambda: load_setup(path))

    assert message == (f"cannot open '{path}': it has a bad setting: Dense: units is 100,000,000, but a layer "
                       "read from a file may have at most 16,384")


@pytest.mark.parametrize(("layers", "reason"), [
    ([dense(16_384), dense(16_384), dense(2)],
     "the network has 268,533,762 weights, but a network read from a file may have at most 67,108,864"),
    ([dense(8)] * 300, "the network has 300 layers, but a network read from a file may have at most 255"),
    ([{"class_name": "Reshape", "config": {"target_shape": [2, 1, 1]}},
      {"class_name": "Conv2D", "config": {"filters": 2048, "kernel_size": 1}}],
     "Conv2D: filters is 2,048, but a layer read from a file may have at most 1,024"),
    ([{"class_name": "Reshape", "config": {"target_shape": [1, 2, 1]}},
      {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": [1, 1000], "padding": "same"}}],
     "Conv2D: kernel_size is (1, 1,000), but a layer read from a file may have at most 32"),
    ([{"class_name": "Reshape", "config": {"target_shape": [1, 2, 1]}},
      {"class_name": "MaxPooling2D", "config": {"pool_size": 10**9, "strides": 1, "padding": "same"}}],
     "MaxPooling2D: pool_size is 1,000,000,000, but a layer read from a file may have at most 32"),
], ids=["weights", "layers", "filters", "kernel", "pool"])
def test_a_setup_too_large_in_any_other_way_is_refused_with_its_numbers(tmp_path, layers, reason):
    path = setup_file(tmp_path, lambda d: d["network"].__setitem__("layers", layers))
    assert refused_quickly(lambda: load_setup(path)).endswith(reason)


def test_the_largest_playground_network_the_app_can_build_saves_and_opens_again(tmp_path):
    # The layer form offers up to 4,096 units per Dense layer.
    wide = LayerSpec.make("Dense", units=4096, activation="tanh")
    network = NetworkSpec((2,), (wide, wide, wide, wide, LayerSpec.make("Dense", units=2, activation="softmax")))
    setup = PlaygroundSetup(network=network.to_dict())
    save_setup(tmp_path / "wide.dlplay", setup)
    assert load_setup(tmp_path / "wide.dlplay") == setup


def test_a_playground_network_too_large_for_a_file_is_not_saved(tmp_path):
    # Five layers of 4,096 can be built one by one in the app, but exceed the weights a file may hold.
    wide = LayerSpec.make("Dense", units=4096, activation="tanh")
    setup = PlaygroundSetup(network=NetworkSpec((2,), (wide,) * 5 + (LayerSpec.make("Dense", units=2),)).to_dict())
    with pytest.raises(sb.LayerArgumentError, match=r"^the network is too large to be saved: the network has "
                                                    r"67,145,730 weights, .* at most 67,108,864$"):
        save_setup(tmp_path / "too-wide.dlplay", setup)
    assert not (tmp_path / "too-wide.dlplay").exists()


# ---- networks in .dlsb files ----------------------------------------------------------------------------------
def test_the_largest_layers_the_app_can_build_open_from_a_project_file():
    # The layer form's maxima: Dense 4,096 units, Conv2D 512 filters with an 11×11 kernel, pools of 8.
    layers = [{"class_name": "Conv2D", "config": {"filters": 512, "kernel_size": 11, "strides": 5,
                                                  "padding": "same"}},
              {"class_name": "MaxPooling2D", "config": {"pool_size": 8, "padding": "same"}},
              {"class_name": "Flatten", "config": {}}, dense(4096), dense(10)]
    network = NetworkSpec.from_dict({"input_shape": [28, 28, 1], "layers": layers})
    assert network.first_error() is None
    assert NetworkSpec.from_dict(network.to_dict()) == network


def test_a_project_whose_settings_ask_for_a_huge_layer_is_refused_by_the_spec():
    # ui.session opens a project's network from its settings.json through NetworkSpec.from_dict.
    settings = {"input_shape": [28, 28, 1], "layers": [{"class_name": "Flatten", "config": {}}, dense(10**8)]}
    with pytest.raises(sb.LayerArgumentError, match="units is 100,000,000"):
        NetworkSpec.from_dict(settings)
    with pytest.raises(sb.LayerArgumentError, match="the input has 1,000,000,000 values per sample"):
        NetworkSpec.from_dict({"input_shape": [10**9], "layers": [dense(10)]})


def write_model_file(tmp_path: Path, input_shape: list[int], layers: list[dict]) -> Path:
    """A .dlsb model file whose model.json describes ``layers``; its weights are those of a tiny saved model."""
    small = sb.Sequential([sb.layers.Input((2,)), sb.layers.Dense(1)])
    path = tmp_path / "small.dlsb"
    sb.save_model(small, path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    config = json.loads(parts["model.json"])
    config["layers"] = [{"class_name": "InputLayer", "config": {"shape": input_shape}}, *layers]
    parts["model.json"] = json.dumps(config).encode()
    hostile = tmp_path / "hostile.dlsb"
    with zipfile.ZipFile(hostile, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return hostile


@pytest.mark.parametrize(("input_shape", "layers", "reason"), [
    ([28, 28, 1], [{"class_name": "Conv2D", "config": {"filters": 1_000_000, "kernel_size": 1}}],
     "Conv2D: filters is 1,000,000, but a layer read from a file may have at most 1,024"),
    ([100, 100, 1], [{"class_name": "Conv2D", "config": {"filters": 1024, "kernel_size": 1, "name": "wide"}}],
     "'wide' outputs 10,240,000 values per sample, but a layer read from a file may output at most 4,194,304"),
    ([4], [dense(20_000)], "Dense: units is 20,000, but a layer read from a file may have at most 16,384"),
], ids=["filters", "activations", "units"])
def test_a_model_file_with_few_weights_but_a_huge_layer_is_refused_before_its_weights_are_read(
        tmp_path, input_shape, layers, reason):
    path = write_model_file(tmp_path, input_shape, layers)
    assert refused_quickly(lambda: sb.load_model(path)).endswith(reason)


def test_the_limits_match_what_a_dlsb_file_can_hold():
    assert limits.MAX_WEIGHTS * 4 == sb.io.MAX_WEIGHT_BYTES
    assert limits.MAX_LAYERS + 1 == sb.io.MAX_LAYERS


# ---- training settings ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("change", "message"), [
    ({"epochs": 10**12}, "epochs must be a whole number from 1 to 10,000, got 1,000,000,000,000"),
    ({"epochs": 0}, "epochs must be a whole number from 1 to 10,000, got 0"),
    ({"epochs": 2.5}, "epochs must be a whole number from 1 to 10,000, got 2.5"),
    ({"batch_size": "64"}, "batch_size must be a whole number from 1 to 65,536, got '64'"),
])
def test_a_training_count_out_of_range_says_which_and_the_range(change, message):
    assert TrainingSpec(**change).check() == message
    with pytest.raises(sb.LayerArgumentError, match=f"^{message}$"):
        TrainingSpec.from_dict({**TrainingSpec().to_dict(), **change})


def test_the_command_line_refuses_a_huge_epoch_count_with_the_maximum(capsys):
    assert main(["train", "--preset", "logistic", "--epochs", str(10**12)]) == 2
    err = capsys.readouterr().err
    assert f"argument --epochs: 1,000,000,000,000 is too large; at most {MAX_EPOCHS:,}" in err
    assert main(["train", "--preset", "logistic", "--batch-size", "9" * 5000]) == 2
    assert "argument --batch-size: a number of 5,000 digits is too large; at most 65,536" in capsys.readouterr().err
