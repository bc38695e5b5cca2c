"""A learner saves a model or a project and opens it again; a damaged or hostile file fails clearly.

Every malformed file must raise :class:`FileFormatError` (and nothing else), quickly, without
allocating what the file claims, and with a message that says what is wrong.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sandbox as sb
import sandbox.io as sio
from sandbox.errors import FileFormatError, LayerArgumentError

GOLDEN = Path(__file__).parent / "golden"


# ---- helpers ---------------------------------------------------------------------------------------
def trained_model(*, optimizer: Any = "adam", seed: int = 0, dtype: str = "float32") -> sb.Sequential:
    """A small CNN trained for 2 epochs of 2 batches, so it has a history and an optimizer state."""
    model = sb.Sequential([sb.layers.Input((6, 6, 1)), sb.layers.Conv2D(2, 3, activation="relu"),
                           sb.layers.MaxPooling2D(), sb.layers.Flatten(),
                           sb.layers.Dense(3, activation="softmax")], seed=seed, dtype=dtype)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x, y = batch()
    model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    return model


def batch() -> tuple[np.ndarray, np.ndarray]:
    x = np.random.default_rng(5).random((8, 6, 6, 1)).astype(np.float32)
    return x, np.arange(8) % 3


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(path: Path | io.BytesIO, parts: dict[str, bytes]) -> Path | io.BytesIO:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def edit_json(parts: dict[str, bytes], name: str, edit: Callable[[Any], object]) -> dict[str, bytes]:
    """Return ``parts`` with the JSON part ``name`` changed in place by ``edit`` (its result is ignored)."""
    value = json.loads(parts[name])
    edit(value)
    return {**parts, name: json.dumps(value).encode()}


def npy(shape: tuple[int, ...], descr: str = "<f4", *, fortran: bool = False, data: bytes = b"") -> bytes:
    """Raw ``.npy`` bytes whose header says whatever we like, followed by ``data``."""
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": descr, "fortran_order": fortran, "shape": shape})
    return buffer.getvalue() + data


def npy_of(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def edit_npz(npz: bytes, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """Rebuild an ``.npz`` with some members (``"w000.npy"``) replaced, added or dropped."""
    with zipfile.ZipFile(io.BytesIO(npz)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members = {k: v for k, v in {**members, **(replace or {})}.items() if k not in drop}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refuses(path: Path, *fragments: str, loader: Callable[[Path], Any] = sb.load_model) -> str:
    """Assert that loading ``path`` raises FileFormatError whose message holds every fragment."""
    with pytest.raises(FileFormatError) as info:
        loader(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def same_weights(a: sb.Sequential, b: sb.Sequential) -> bool:
    wa, wb = a.get_weights(), b.get_weights()
    return len(wa) == len(wb) and all(x.dtype == y.dtype and np.array_equal(x, y)
                                      for x, y in zip(wa, wb, strict=True))


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[sb.Sequential, Path]:
    model = trained_model()
    path = tmp_path_factory.mktemp("saved") / "model.dlsb"
    sb.save_model(model, path)
    return model, path


@pytest.fixture(scope="module")
def parts(saved: tuple[sb.Sequential, Path]) -> dict[str, bytes]:
    return read_parts(saved[1])


# ---- round trips -----------------------------------------------------------------------------------
def test_a_saved_model_comes_back_with_the_same_predictions_weights_settings_and_history(saved):
    model, path = saved
    loaded = sb.load_model(path)
    x, _ = batch()
    assert np.array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert same_weights(loaded, model)
    assert loaded.get_config() == model.get_config()
    assert loaded.get_compile_config() == model.get_compile_config()
    state, expected = loaded.optimizer.get_state(), model.optimizer.get_state()
    assert state.keys() == expected.keys() and all(np.array_equal(state[k], expected[k]) for k in state)
    assert loaded.optimizer.iterations == 4
    assert isinstance(loaded.history, sb.History)
    assert loaded.history.epoch == [0, 1] and loaded.history.history == model.history.history


def test_the_file_is_a_zip_with_the_documented_parts(saved, parts):
    model, _ = saved
    assert list(parts) == ["manifest.json", "model.json", "weights.npz", "compile.json", "optimizer.npz",
                           "history.json"]
    manifest = json.loads(parts["manifest.json"])
    assert manifest["format"] == "dl-sandbox" and manifest["kind"] == "model"
    assert manifest["format_version"] == sio.FORMAT_VERSION == 1 and manifest["app_version"] == sb.__version__
    with np.load(io.BytesIO(parts["weights.npz"]), allow_pickle=False) as weights:
        assert weights.files == ["w000", "w001", "w002", "w003"]
        assert all(weights[f"w{i:03d}"].dtype == np.float32 for i in range(4))
        assert np.array_equal(weights["w002"], model.get_weights()[2])


def test_training_after_loading_continues_exactly_like_the_original(tmp_path):
    # A schedule and Adam's bias correction both depend on the restored step count.
    schedule = sb.optimizers.ExponentialDecay(0.05, decay_steps=3, decay_rate=0.5)
    model = trained_model(optimizer=sb.optimizers.Adam(learning_rate=schedule))
    sb.save_model(model, tmp_path / "m.dlsb")
    loaded = sb.load_model(tmp_path / "m.dlsb")
    x, y = batch()
    for _ in range(2):
        assert loaded.train_on_batch(x, y) == model.train_on_batch(x, y)
    assert same_weights(loaded, model)


def test_a_float64_model_keeps_its_precision(tmp_path):
    model = trained_model(dtype="float64")
    sb.save_model(model, tmp_path / "m.dlsb")
    loaded = sb.load_model(tmp_path / "m.dlsb")
    assert loaded.dtype == np.float64 and same_weights(loaded, model)


def test_without_the_optimizer_state_the_model_is_compiled_with_a_fresh_optimizer(tmp_path):
    model = trained_model()
    sb.save_model(model, tmp_path / "m.dlsb", include_optimizer=False)
    assert "optimizer.npz" not in read_parts(tmp_path / "m.dlsb")
    loaded = sb.load_model(tmp_path / "m.dlsb")
    assert loaded.get_compile_config() == model.get_compile_config() and loaded.optimizer.iterations == 0
    assert same_weights(loaded, model)


def test_compile_false_and_an_uncompiled_model_load_uncompiled(saved, tmp_path):
    assert sb.load_model(saved[1], compile=False).optimizer is None
    model = sb.Sequential([sb.layers.Input((3,)), sb.layers.Dense(2)], seed=1)
    sb.save_model(model, tmp_path / "plain.dlsb")
    assert set(read_parts(tmp_path / "plain.dlsb")) == {"manifest.json", "model.json", "weights.npz"}
    loaded = sb.load_model(tmp_path / "plain.dlsb")
    assert loaded.optimizer is None and loaded.history is None and same_weights(loaded, model)


def test_a_nan_in_the_history_comes_back_as_nan(tmp_path):
    model = trained_model()
    model.history.history["loss"][1] = float("nan")
    sb.save_model(model, tmp_path / "m.dlsb")
    loss = sb.load_model(tmp_path / "m.dlsb").history.history["loss"]
    assert loss[0] == model.history.history["loss"][0] and np.isnan(loss[1])


def test_turning_momentum_off_mid_training_still_saves_a_loadable_file(tmp_path):
    # The app lets a learner change SGD's momentum live; the unused momentum slot stays in the state.
    model = trained_model(optimizer=sb.optimizers.SGD(learning_rate=0.1, momentum=0.9))
    model.optimizer.momentum = 0.0
    sb.save_model(model, tmp_path / "m.dlsb")
    loaded = sb.load_model(tmp_path / "m.dlsb")
    assert loaded.optimizer.momentum == 0.0 and loaded.optimizer.iterations == 4
    x, y = batch()
    loaded.train_on_batch(x, y)
    model.train_on_batch(x, y)
    assert same_weights(loaded, model)


def test_extra_data_is_kept_in_the_manifest(tmp_path):
    sb.save_model(trained_model(), tmp_path / "m.dlsb", extra={"dataset": "digits", "note": "첫 모델"})
    manifest = sio.read_manifest(tmp_path / "m.dlsb")
    assert manifest["extra"] == {"dataset": "digits", "note": "첫 모델"} and manifest["kind"] == "model"


def test_a_project_keeps_the_model_the_settings_and_the_history(tmp_path):
    model = trained_model()
    settings_ = {"dataset": "digits", "language": "ko", "panels": {"loss_plot": [1, 2]}, "note": "[[{"}
    sio.save_project(tmp_path / "p.dlsb", model, settings=settings_)
    assert sio.read_manifest(tmp_path / "p.dlsb")["kind"] == "project"
    project = sio.load_project(tmp_path / "p.dlsb")
    assert project.settings == settings_ and project.app_version == sb.__version__
    assert project.history == model.history.get_config()
    assert same_weights(project.model, model) and project.model.optimizer.iterations == 4
    assert project.model.history.history == model.history.history
    assert same_weights(sb.load_model(tmp_path / "p.dlsb"), model)


def test_a_project_can_carry_its_own_history_and_a_model_file_opens_as_a_project(saved, tmp_path):
    history = {"epoch": [0, 1, 2], "history": {"loss": [1.0, None, 0.5]}}
    sio.save_project(tmp_path / "p.dlsb", saved[0], settings={}, history=history)
    project = sio.load_project(tmp_path / "p.dlsb")
    assert project.history == history and project.model.history.epoch == [0, 1, 2]
    as_project = sio.load_project(saved[1])
    assert as_project.settings == {} and same_weights(as_project.model, saved[0])


@pytest.mark.parametrize("name", ["tiny_dense", "tiny_cnn"])
def test_golden_files_made_by_version_0_1_still_predict_the_same(name):
    model = sb.load_model(GOLDEN / f"{name}.dlsb")
    x = np.load(GOLDEN / f"{name}.inputs.npy", allow_pickle=False)
    expected = np.load(GOLDEN / f"{name}.predictions.npy", allow_pickle=False)
    np.testing.assert_allclose(model.predict(x, verbose=0), expected, rtol=1e-5, atol=1e-6)
    assert model.optimizer.iterations == 4 and model.history.epoch == [0, 1]
    assert sio.read_manifest(GOLDEN / f"{name}.dlsb")["format_version"] == 1


# ---- saving safely ---------------------------------------------------------------------------------
def assert_untouched(folder: Path, target: Path, old: bytes) -> None:
    assert target.read_bytes() == old
    assert sorted(p.name for p in folder.iterdir()) == [target.name], "a temporary file was left behind"


def test_a_save_that_fails_midway_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "m.dlsb"
    sb.save_model(trained_model(seed=1), target)
    old = target.read_bytes()
    real_writestr = zipfile.ZipFile.writestr
    calls = []

    def failing_writestr(self, name, data, *args, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_writestr(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(OSError, match="No space left"):
        sb.save_model(trained_model(seed=2), target)
    assert len(calls) == 3
    assert_untouched(tmp_path, target, old)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failing_flush_or_rename_leaves_the_old_file(tmp_path, monkeypatch, step):
    target = tmp_path / "m.dlsb"
    sb.save_model(trained_model(seed=1), target)
    old = target.read_bytes()

    def fail(*args):
        raise OSError(5, f"{step} failed")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError, match=f"{step} failed"):
        sb.save_model(trained_model(seed=2), target)
    monkeypatch.undo()
    assert_untouched(tmp_path, target, old)


def test_a_model_the_loader_would_refuse_is_not_saved(tmp_path):
    model = trained_model()
    with pytest.raises(LayerArgumentError, match="JSON"):
        sb.save_model(model, tmp_path / "a.dlsb", extra={"bad": float("nan")})
    with pytest.raises(LayerArgumentError, match="history"):
        sio.save_project(tmp_path / "b.dlsb", model, settings={}, history={"epoch": "all"})
    model.layers[-1].params["kernel"][0, 0] = np.inf
    with pytest.raises(LayerArgumentError, match="NaN or infinite"):
        sb.save_model(model, tmp_path / "c.dlsb")
    assert list(tmp_path.iterdir()) == []


def test_the_layer_limit_is_the_same_for_saving_and_loading(tmp_path):
    layers = [sb.layers.Input((2,)), *(sb.layers.Activation("relu") for _ in range(sio.MAX_LAYERS - 1))]
    model = sb.Sequential(layers, seed=0)
    sb.save_model(model, tmp_path / "m.dlsb")
    assert len(sb.load_model(tmp_path / "m.dlsb").layers) == sio.MAX_LAYERS - 1
    model.add(sb.layers.Activation("relu"))
    with pytest.raises(LayerArgumentError, match="more than 256 layers"):
        sb.save_model(model, tmp_path / "n.dlsb")


# ---- files that are not ours or are damaged ------------------------------------------------------
def test_a_missing_file_or_a_folder_is_refused_with_its_path(tmp_path):
    refuses(tmp_path / "nowhere.dlsb", "nowhere.dlsb", "no such file")
    refuses(tmp_path, str(tmp_path), "folder")


def test_a_file_in_a_missing_folder_says_that_the_folder_is_missing(tmp_path):
    # A recent-files entry whose folder was renamed: "no such file" would send the learner looking
    # for the file.
    message = refuses(tmp_path / "old name" / "digits.dlsb")
    assert message.endswith(f": the folder {tmp_path / 'old name'} does not exist")
    assert "no such file" not in message


@pytest.mark.parametrize("content", [b"", b"hello, I am a text file\n", b"PK\x03\x04" + bytes(100)])
def test_a_file_that_is_not_a_zip_is_refused(tmp_path, content):
    (tmp_path / "x.dlsb").write_bytes(content)
    refuses(tmp_path / "x.dlsb", "not a Deep Learning Sandbox file")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_a_truncated_file_is_refused(saved, tmp_path, keep):
    data = saved[1].read_bytes()
    (tmp_path / "t.dlsb").write_bytes(data[:int(len(data) * keep)])
    refuses(tmp_path / "t.dlsb", "not a Deep Learning Sandbox file, or it is damaged")


def test_a_zip_of_something_else_is_refused(tmp_path):
    write_parts(tmp_path / "x.dlsb", {"readme.txt": b"hi"})
    refuses(tmp_path / "x.dlsb", "unexpected part 'readme.txt'")
    write_parts(tmp_path / "y.dlsb", {"model.json": b"{}"})
    refuses(tmp_path / "y.dlsb", "not a Deep Learning Sandbox file (it has no manifest.json)")


@pytest.mark.parametrize("missing", ["model.json", "weights.npz"])
def test_a_file_missing_a_part_is_refused(parts, tmp_path, missing):
    write_parts(tmp_path / "m.dlsb", {k: v for k, v in parts.items() if k != missing})
    refuses(tmp_path / "m.dlsb", f"incomplete: it has no {missing}")


@pytest.mark.parametrize("name", ["evil.py", "../model.json", "weights.npz/"])
def test_a_file_with_an_unknown_part_is_refused(parts, tmp_path, name):
    write_parts(tmp_path / "m.dlsb", {**parts, name: b"import os"})
    refuses(tmp_path / "m.dlsb", "unexpected part")


def test_a_part_given_twice_is_refused(parts, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate name
        with zipfile.ZipFile(tmp_path / "m.dlsb", "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
            archive.writestr("model.json", parts["model.json"])
    refuses(tmp_path / "m.dlsb", "the part model.json twice")


def test_a_file_with_too_many_parts_is_refused(tmp_path):
    write_parts(tmp_path / "m.dlsb", {f"part{i}": b"" for i in range(33)})
    refuses(tmp_path / "m.dlsb", "33 parts", "32")


def test_parts_in_the_wrong_kind_of_file_are_refused(parts, tmp_path):
    write_parts(tmp_path / "a.dlsb", {**parts, "settings.json": b"{}"})
    refuses(tmp_path / "a.dlsb", "only project files have")
    write_parts(tmp_path / "b.dlsb", edit_json(parts, "manifest.json", lambda m: m.update(kind="project")))
    refuses(tmp_path / "b.dlsb", "no settings.json")
    write_parts(tmp_path / "c.dlsb", {k: v for k, v in parts.items() if k != "compile.json"})
    refuses(tmp_path / "c.dlsb", "optimizer state but no compile settings")


# ---- manifest and versions -------------------------------------------------------------------------
def test_a_file_from_a_newer_version_asks_to_update(parts, tmp_path):
    newer = edit_json(parts, "manifest.json", lambda m: m.update(format_version=2, new_field=[1]))
    write_parts(tmp_path / "m.dlsb", newer)
    refuses(tmp_path / "m.dlsb", "made by a newer version of Deep Learning Sandbox (format 2); please update")
    refuses(tmp_path / "m.dlsb", "format 2", loader=sio.read_manifest)


@pytest.mark.parametrize(("edit", "fragment"), [
    ({"format": "keras"}, "not a Deep Learning Sandbox file"),
    ({"format_version": "1"}, "invalid format_version '1'"),
    ({"format_version": True}, "invalid format_version True"),
    ({"kind": "virus"}, "unknown kind of file 'virus'"),
    ({"app_version": 5}, "invalid app_version 5"),
    ({"created": "yesterday"}, "invalid creation time 'yesterday'"),
    ({"extra": [1]}, "extra field must be a JSON object"),
    ({"hello": 1}, "unknown field(s) 'hello'"),
])
def test_a_manifest_with_a_wrong_field_is_refused(parts, tmp_path, edit, fragment):
    write_parts(tmp_path / "m.dlsb", edit_json(parts, "manifest.json", lambda m: m.update(edit)))
    refuses(tmp_path / "m.dlsb", fragment)


def v0_parts(parts: dict[str, bytes]) -> dict[str, bytes]:
    """A made-up pre-release layout: format 0 wrapped the architecture as ``{"sequential": config}``."""
    old = edit_json(parts, "manifest.json", lambda m: m.update(format_version=0))
    return {**old, "model.json": json.dumps({"sequential": json.loads(parts["model.json"])}).encode()}


def test_an_older_format_is_upgraded_by_its_migration(saved, parts, tmp_path, monkeypatch):
    write_parts(tmp_path / "old.dlsb", v0_parts(parts))
    refuses(tmp_path / "old.dlsb", "format 0, which this version of Deep Learning Sandbox can no longer read")

    def upgrade(old: dict[str, Any]) -> dict[str, Any]:
        return {**old, "model.json": old["model.json"]["sequential"]}

    monkeypatch.setitem(sio._MIGRATIONS, 0, upgrade)
    assert sio.read_manifest(tmp_path / "old.dlsb")["format_version"] == 1
    assert same_weights(sb.load_model(tmp_path / "old.dlsb"), saved[0])
    monkeypatch.setitem(sio._MIGRATIONS, 0, lambda old: old["architecture.json"])
    refuses(tmp_path / "old.dlsb", "older format 0 and cannot be upgraded")


# ---- JSON ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fragment"), [
    (b'{"name": NaN}', "NaN is not allowed"),
    (b'{"name": -Infinity}', "-Infinity is not allowed"),
    (b'{"seed": 1e400}', "too large"),
    (b'{"name": "a", "name": "b"}', "a key appears twice"),
    (b'{"seed": ' + b"9" * 5000 + b"}", "a number in the file is too long (5,000 digits; at most 100)"),
    (b"[" * 10_000 + b"]" * 10_000, "nested more than 64 levels"),
    (b'{"a": ' + b'{"a": ' * 100 + b"1" + b"}" * 101, "nested more than 64 levels"),
    (b'{"name": "caf\xe9"}', "not valid UTF-8"),
    (b'{"name": "x"', "not valid JSON"),
    (b"[1, 2]", "must hold a JSON object, not an array"),
], ids=["nan", "infinity", "1e400", "duplicate-key", "5000-digits", "10000-brackets", "100-objects",
        "latin-1", "unterminated", "array"])
def test_malformed_json_is_refused(parts, tmp_path, text, fragment):
    write_parts(tmp_path / "m.dlsb", {**parts, "model.json": text})
    refuses(tmp_path / "m.dlsb", "model.json", fragment)


def test_a_part_saved_by_an_editor_that_adds_a_byte_order_mark_still_loads(saved, parts, tmp_path):
    # Windows Notepad starts UTF-8 files with EF BB BF; it says nothing about the data.
    bom = {name: b"\xef\xbb\xbf" + data if name.endswith(".json") else data for name, data in parts.items()}
    write_parts(tmp_path / "m.dlsb", bom)
    assert same_weights(sb.load_model(tmp_path / "m.dlsb"), saved[0])


def test_brackets_inside_strings_do_not_count_as_nesting(saved, parts, tmp_path):
    name = '[{\\"' * 100
    write_parts(tmp_path / "m.dlsb", edit_json(parts, "model.json", lambda c: c.update(name=name)))
    assert sb.load_model(tmp_path / "m.dlsb").name == name


# ---- the architecture ------------------------------------------------------------------------------
def set_layer(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda config: config["layers"][index].update(changes)


@pytest.mark.parametrize(("edit", "fragment"), [
    (set_layer(1, class_name="Lambda"), "the file names an unknown layer type 'Lambda'"),
    (set_layer(1, class_name="os.system"), "unknown layer type 'os.system'"),
    (set_layer(1, class_name="system", module="os", registered_name="os>system"),
     "unknown layer type 'system'"),
    (set_layer(1, class_name=["Dense"]), "unknown layer type ['Dense']"),
    (lambda c: c["layers"][1]["config"].update(activation="os.system"), "unknown activation 'os.system'"),
    (lambda c: c["layers"][1]["config"].update(filters=-3), "filters must be an int"),
    (lambda c: c["layers"][1]["config"].update(eval="1"), "unexpected argument(s): eval"),
    (lambda c: c["layers"][1].pop("config"), "model description is not valid"),
    (lambda c: c["layers"].insert(4, {"class_name": "Dense", "config": {"units": 10**8, "name": "huge"}}),
     "more than the 256.0 MiB"),
    (lambda c: c["layers"].extend([{"class_name": "Flatten", "config": {}}] * 300), "305 layers"),
    (lambda c: c.update(layers=c["layers"][:1]), "no layers"),
    (lambda c: c.update(layers="Dense"), "model description is not valid"),
    (lambda c: c.update(dtype="float16"), "dtype must be"),
    (lambda c: c.update(name={"a": 1}), "name must be text"),
    (lambda c: c.update(seed=-1), "seed must be"),
    (lambda c: c.update(run="rm -rf /"), "unexpected key(s)"),
])
def test_an_architecture_the_engine_cannot_build_is_refused(parts, tmp_path, edit, fragment):
    write_parts(tmp_path / "m.dlsb", edit_json(parts, "model.json", edit))
    refuses(tmp_path / "m.dlsb", fragment)


@pytest.mark.parametrize(("edit", "fragment"), [
    (lambda c: c["optimizer"].update(class_name="builtins.eval"), "unknown optimizer 'builtins.eval'"),
    (lambda c: c["loss"].update(class_name="Lambda"), "unknown loss 'Lambda'"),
    (lambda c: c["optimizer"]["config"].update(learning_rate="fast"),
     "learning_rate must be a finite number"),
    (lambda c: c.pop("loss"), "lacks the field 'loss'"),
    (lambda c: c.update(callbacks=["os.system"]), "unknown field(s) 'callbacks'"),
])
def test_compile_settings_the_engine_cannot_use_are_refused(parts, tmp_path, edit, fragment):
    write_parts(tmp_path / "m.dlsb", edit_json(parts, "compile.json", edit))
    refuses(tmp_path / "m.dlsb", fragment)
    assert sb.load_model(tmp_path / "m.dlsb", compile=False).optimizer is None


@pytest.mark.parametrize("history", [[1, 2], {"epoch": [0]}, {"epoch": [0], "history": {"loss": ["low"]}},
                                     {"epoch": [-1], "history": {}}, {"epoch": [True], "history": {}}])
def test_a_history_of_the_wrong_shape_is_refused(parts, tmp_path, history):
    write_parts(tmp_path / "m.dlsb", {**parts, "history.json": json.dumps(history).encode()})
    refuses(tmp_path / "m.dlsb", "history.json")


# ---- weights and optimizer state -------------------------------------------------------------------
def with_weight(parts: dict[str, bytes], member: bytes, name: str = "w002.npy") -> dict[str, bytes]:
    return {**parts, "weights.npz": edit_npz(parts["weights.npz"], replace={name: member})}


def test_a_nan_weight_is_refused(parts, tmp_path):
    write_parts(tmp_path / "m.dlsb", with_weight(parts, npy_of(np.full((8, 3), np.nan, np.float32))))
    refuses(tmp_path / "m.dlsb", "the file's weights contain NaN or infinite values")


def test_a_weight_too_large_for_float32_is_refused(parts, tmp_path):
    write_parts(tmp_path / "m.dlsb", with_weight(parts, npy_of(np.full((8, 3), 1e300))))
    refuses(tmp_path / "m.dlsb", "NaN or infinite")


def test_a_weight_stored_as_float64_is_accepted(saved, parts, tmp_path):
    write_parts(tmp_path / "m.dlsb", with_weight(parts, npy_of(saved[0].get_weights()[2].astype(np.float64))))
    assert same_weights(sb.load_model(tmp_path / "m.dlsb"), saved[0])


def test_a_header_claiming_a_huge_array_is_refused_without_allocating_it(parts, tmp_path):
    write_parts(tmp_path / "m.dlsb", with_weight(parts, npy((1_000_000, 1_000_000), data=bytes(96))))
    tracemalloc.start()
    try:
        refuses(tmp_path / "m.dlsb",
                "weights array w002 has shape (1000000, 1000000), but the model needs (8, 3)")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20  # refused from the header: the 8 TB array is never allocated


@pytest.mark.parametrize(("member", "fragment"), [
    (npy((8, 3), "|O", data=b"\x80\x04\x95N."), "holds Python objects, which are never loaded"),
    (npy((8, 3), "<f4", fortran=True, data=bytes(96)), "column-major (Fortran) order"),
    (npy((8, 3), ">f4", data=bytes(96)), "number type '>f4'"),
    (npy((8, 3), "<i8", data=bytes(192)), "number type '<i8'"),
    (npy((8, 3), "<f4", data=bytes(95)), "95 bytes of data where its header announces 96"),
    (npy((8, 3), "<f4", data=bytes(97)), "97 bytes of data"),
    (npy((3, 8), "<f4", data=bytes(96)), "shape (3, 8), but the model needs (8, 3)"),
    (b"\x93NUMPY\x03\x00" + bytes(20), "damaged"),
    (b"PK\x03\x04 not an array", "damaged"),
    (b"\x93NUMPY\x01\x00\xb8\x0b" + b"{" * 3000, "damaged"),
    (b"\x93NUMPY\x01\x00\xb9\x0b" + b"-" * 3000 + b"1", "damaged"),
], ids=["object", "fortran", "big-endian", "int64", "short", "long", "transposed", "npy-v3", "zip", "nested",
        "recursive"])
def test_an_array_with_a_bad_header_is_refused_before_its_data_is_read(parts, tmp_path, member, fragment):
    write_parts(tmp_path / "m.dlsb", with_weight(parts, member))
    refuses(tmp_path / "m.dlsb", "weights array w002", fragment)


def test_missing_or_extra_weight_arrays_are_refused(parts, tmp_path):
    short = edit_npz(parts["weights.npz"], drop=("w003.npy",))
    write_parts(tmp_path / "a.dlsb", {**parts, "weights.npz": short})
    refuses(tmp_path / "a.dlsb", "lack the array(s) w003")
    write_parts(tmp_path / "b.dlsb", with_weight(parts, npy_of(np.zeros(3, np.float32)), "w004.npy"))
    refuses(tmp_path / "b.dlsb", "5 arrays; the model needs 4")
    renamed = edit_npz(parts["weights.npz"], replace={"kernel.npy": npy_of(np.zeros(3, np.float32))},
                       drop=("w003.npy",))
    write_parts(tmp_path / "c.dlsb", {**parts, "weights.npz": renamed})
    refuses(tmp_path / "c.dlsb", "unexpected array 'kernel.npy'")
    write_parts(tmp_path / "d.dlsb", {**parts, "weights.npz": b"not a zip"})
    refuses(tmp_path / "d.dlsb", "weights.npz is damaged")


def with_state(parts: dict[str, bytes], name: str, member: bytes) -> dict[str, bytes]:
    return {**parts, "optimizer.npz": edit_npz(parts["optimizer.npz"], replace={name: member})}


@pytest.mark.parametrize(("name", "member", "fragment"), [
    ("momentum.npy", npy_of(np.zeros(5, np.float32)),
     "array momentum has shape (5,), but the model needs (47,)"),
    ("velocity.npy", npy_of(np.full(47, np.inf, np.float32)),
     "optimizer state contains NaN or infinite values"),
    ("iterations.npy", npy_of(np.array(-3)), "negative step count"),
    ("iterations.npy", npy_of(np.array(3.0)), "number type '<f8'"),
    ("__reduce__.npy", npy_of(np.zeros(47, np.float32)), "unexpected array '__reduce__.npy'"),
    ("extra.npy", npy_of(np.zeros(48, np.float32)), "array extra has shape (48,)"),
], ids=["short-momentum", "inf-velocity", "negative-steps", "float-steps", "dunder-name",
        "unused-slot-shape"])
def test_a_bad_optimizer_state_is_refused(parts, tmp_path, name, member, fragment):
    write_parts(tmp_path / "m.dlsb", with_state(parts, name, member))
    refuses(tmp_path / "m.dlsb", fragment)


# ---- zip bombs -------------------------------------------------------------------------------------
def set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Make the zip's local and central headers declare ``size`` uncompressed bytes for part ``name``."""
    out = bytearray(data)
    encoded = name.encode()
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46:central + 46 + name_len]) == encoded:
            struct.pack_into("<I", out, central + 24, size)
            local = struct.unpack_from("<I", out, central + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
        central = out.find(b"PK\x01\x02", central + 46)
    return bytes(out)


def test_a_part_larger_than_it_declares_is_refused_without_reading_it_all(parts, tmp_path):
    # 64 MiB of JSON whitespace deflates to ~64 KiB; the headers claim 2,000 bytes.
    padded = {**parts, "model.json": parts["model.json"] + b" " * (64 << 20)}
    write_parts(tmp_path / "m.dlsb", padded)
    path = tmp_path / "m.dlsb"
    path.write_bytes(set_declared_size(path.read_bytes(), "model.json", 2000))
    tracemalloc.start()
    try:
        refuses(path, "damaged", "model.json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_highly_compressible_300_mib_part_is_refused_by_its_declared_size(parts, tmp_path):
    path = tmp_path / "bomb.dlsb"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name in ("manifest.json", "model.json"):
            archive.writestr(name, parts[name])
        with archive.open("weights.npz", "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(300):
                f.write(chunk)
    assert path.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        refuses(path, "weights.npz is too large (300.0 MiB; at most 257.0 MiB)")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20  # refused by its declared size, never unpacked


def test_a_json_part_over_one_mib_is_refused(parts, tmp_path):
    write_parts(tmp_path / "m.dlsb", {**parts, "history.json": b" " * (2 << 20)})
    refuses(tmp_path / "m.dlsb", "history.json is too large (2.0 MiB; at most 1.0 MiB)")


def test_weights_larger_than_the_model_needs_are_refused_before_reading(parts, tmp_path):
    padded = edit_npz(parts["weights.npz"], replace={"w000.npy": npy((3, 3, 1, 2), data=bytes(8 << 20))})
    write_parts(tmp_path / "m.dlsb", {**parts, "weights.npz": padded})
    refuses(tmp_path / "m.dlsb", "weights.npz is too large")


# ---- fuzzing ---------------------------------------------------------------------------------------
def load_or_refuse(path: Path, data: bytes) -> None:
    """Any bytes give a model or a FileFormatError, never another exception."""
    path.write_bytes(data)
    try:
        model = sb.load_model(path)
    except FileFormatError as exc:
        assert str(exc).startswith(f"cannot open '{path}': ")
    else:
        assert isinstance(model, sb.Sequential)


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzz.dlsb"


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), st.binary(max_size=3000).map(lambda b: b"PK\x03\x04" + b)))
def test_random_bytes_give_a_model_or_a_file_format_error(fuzz_path, data):
    load_or_refuse(fuzz_path, data)


Mutation = tuple[str, float, bytes]
MUTATIONS = st.lists(st.tuples(st.sampled_from(["flip", "truncate", "insert", "delete"]),
                               st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8)),
                     min_size=1, max_size=4)


def mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in mutations:
        at = int(where * len(out)) if out else 0
        if kind == "flip" and out:
            out[at] ^= payload[0] or 0xFF
        elif kind == "truncate":
            del out[at:]
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "delete":
            del out[at:at + len(payload)]
    return bytes(out)


@FUZZ
@given(mutations=MUTATIONS)
def test_a_damaged_copy_of_a_valid_file_gives_a_model_or_a_file_format_error(saved, fuzz_path, mutations):
    load_or_refuse(fuzz_path, mutate(saved[1].read_bytes(), mutations))


@FUZZ
@given(name=st.sampled_from(["manifest.json", "model.json", "compile.json", "history.json", "weights.npz",
                             "optimizer.npz"]),
       mutations=MUTATIONS)
def test_a_damaged_part_inside_an_intact_zip_gives_a_model_or_a_file_format_error(parts, fuzz_path, name,
                                                                                  mutations):
    # The zip's checksums catch damage to the file as a whole; this reaches the JSON and .npy readers.
    buffer = io.BytesIO()
    write_parts(buffer, {**parts, name: mutate(parts[name], mutations)})
    load_or_refuse(fuzz_path, buffer.getvalue())
