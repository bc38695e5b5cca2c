"""Saving never breaks what the learner has: links stay links, a missing folder is named, and an export's
two files never pair a new script with old weights."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sandbox import safefile
from sandbox.export import export_keras
from sandbox.safefile import atomic_write, atomic_write_many
from sandbox.spec import NetworkSpec, TrainingSpec

needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")


def write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda f: f.write(text.encode()))


# ---- atomic_write -----------------------------------------------------------------------------------------
@needs_symlinks
def test_saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path):
    # The learner keeps projects in a synced folder and links one into the working folder.
    (tmp_path / "synced").mkdir()
    real = tmp_path / "synced" / "project.dlsb"
    real.write_text("old")
    link = tmp_path / "project.dlsb"
    link.symlink_to(real)

    write_text(link, "new")

    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text() == "new"
    assert sorted(p.name for p in (tmp_path / "synced").iterdir()) == ["project.dlsb"]  # no temporary file left


@needs_symlinks
def test_a_chain_of_links_and_a_dangling_link_are_written_through(tmp_path):
    real = tmp_path / "real.txt"
    (tmp_path / "first").symlink_to(tmp_path / "second")
    (tmp_path / "second").symlink_to(real)  # dangling until the first save

    write_text(tmp_path / "first", "made")

    assert real.read_text() == "made"
    assert (tmp_path / "first").is_symlink() and (tmp_path / "second").is_symlink()


def test_saving_into_a_missing_folder_names_the_folder_not_a_temporary_file(tmp_path):
    target = tmp_path / "gone" / "model.dlsb"
    with pytest.raises(FileNotFoundError) as caught:
        write_text(target, "x")
    assert caught.value.strerror == f"the folder {target.parent} does not exist"
    assert caught.value.filename == str(target)
    assert ".tmp" not in str(caught.value)


def test_missing_reason_tells_a_missing_folder_from_a_missing_file(tmp_path):
    assert str(safefile.missing_reason(tmp_path / "nothing.dlsb")) == "there is no such file"
    gone = safefile.missing_reason(tmp_path / "gone" / "x.dlsb")
    assert str(gone) == f"the folder {tmp_path / 'gone'} does not exist"


def test_an_error_while_writing_any_file_changes_none_of_them(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("old a")
    second.write_text("old b")

    def fail(f):
        f.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        atomic_write_many([(first, lambda f: f.write(b"new a")), (second, fail)])

    assert first.read_text() == "old a" and second.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


# ---- Export for Keras ---------------------------------------------------------------------------------------
# Just enough of Keras for model.py to run without it: every call returns an object that accepts any
# call, and set_weights prints what it got, so the test sees which weights were loaded.
FAKE_KERAS = '''
import sys, types


class _Any:
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return _Any()

    def __getattr__(self, name):
        return _Any()

    def set_weights(self, weights):
        print("loaded", [w.shape for w in weights], f"{float(sum(w.sum() for w in weights)):.6g}")


class _Module(types.ModuleType):
    def __getattr__(self, name):
        return _Any()


keras = _Module("keras")
keras.datasets = _Module("keras.datasets")
keras.datasets.mnist = _Module("keras.datasets.mnist")


def _load_data():
    import numpy as np
    x, y = np.zeros((2, 28, 28), np.uint8), np.zeros(2, np.uint8)
    return (x, y), (x, y)


keras.datasets.mnist.load_data = _load_data
keras.layers = _Module("keras.layers")
sys.modules["keras"] = keras
sys.modules["keras.layers"] = keras.layers
'''


@pytest.fixture
def fake_keras(tmp_path) -> dict[str, str]:
    """An environment in which ``import keras`` finds the stand-in above."""
    folder = tmp_path / "fake"
    folder.mkdir()
    (folder / "keras.py").write_text(FAKE_KERAS)
    return {**os.environ, "PYTHONPATH": str(folder)}


def run_script(script: Path, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(script)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def exported(folder: Path, seed: int) -> tuple[Path, list[np.ndarray]]:
    spec = NetworkSpec.from_preset("logistic")
    weights = spec.build_model(seed=seed).get_weights()
    return export_keras(folder, spec, TrainingSpec(), weights), weights


def test_the_exported_script_loads_the_weights_beside_it_from_any_folder(tmp_path, fake_keras):
    script, weights = exported(tmp_path / "export", seed=0)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    done = run_script(script, fake_keras, cwd=elsewhere)

    assert done.returncode == 0, done.stderr
    total = float(sum(w.astype(np.float32).sum() for w in weights))
    assert done.stdout.strip() == f"loaded [(784, 10), (10,)] {total:.6g}"


def test_an_export_interrupted_between_its_two_files_is_reported_by_the_script(tmp_path, fake_keras, monkeypatch):
    folder = tmp_path / "export"
    script, _ = exported(folder, seed=0)
    old_script = script.read_text()
    renames = []
    real_replace = os.replace

    def crash_after_the_weights(source, target):
        if renames:  # the second rename, model.py's: the computer goes off here
            raise KeyboardInterrupt
        renames.append(target)
        real_replace(source, target)

    monkeypatch.setattr(safefile.os, "replace", crash_after_the_weights)
    with pytest.raises(KeyboardInterrupt):
        exported(folder, seed=1)
    monkeypatch.undo()

    assert script.read_text() == old_script  # the old script beside the new weights
    assert sorted(p.name for p in folder.iterdir()) == ["model.py", "weights.npz"]
    done = run_script(script, fake_keras, cwd=folder)
    assert done.returncode == 1
    assert "weights.npz was not exported together with this script; export the model again" in done.stderr
    assert "loaded" not in done.stdout


def test_a_second_export_replaces_both_files_and_they_match(tmp_path, fake_keras):
    folder = tmp_path / "export"
    exported(folder, seed=0)
    script, weights = exported(folder, seed=1)
    done = run_script(script, fake_keras, cwd=folder)
    assert done.returncode == 0, done.stderr
    saved = np.load(folder / "weights.npz")
    for name, w in zip(sorted(saved.files), weights, strict=True):
        np.testing.assert_array_equal(saved[name], w)
