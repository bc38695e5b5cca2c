"""Stories of crash recovery: the app is killed (SIGKILL of a real process), started again, and gives the work back.

Each story gives the app a throwaway HOME, so the killed child and the window started here (in test mode,
like every UI test) find the same data folder and nothing else does.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from test_data_panel import write_idx_folder

import sandbox as sb
from sandbox.runs import LossCurve, RunRecord
from sandbox.spec import NetworkSpec, TrainingSpec
from ui.main_window import MainWindow
from ui.recovery import RecoveryFiles, app_data_folder

CHILD = Path(__file__).with_name("kill_recover_child.py")
READY_TIMEOUT = 60.0


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A throwaway HOME for this process and its children: the data folder lives under it."""
    # QSettings fixes its file's path at first use: make that happen under the suite's own HOME, so the
    # throwaway one (whose settings path a story turns into a folder) never becomes the suite's settings.
    QSettings().sync()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    return home


@pytest.fixture
def start(qtbot, home):
    """``start()`` opens a main window as the app does at start-up; every window is closed after the test."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.shutdown()
        window.close()


def kill_child(home: Path, tmp_path: Path, scenario: str, *args: str) -> tuple[Path, Path]:
    """Run the app in a child process until it says READY, then SIGKILL it; returns (data folder, its autosave)."""
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen",
           "DLSB_TEST_ORG": QCoreApplication.organizationName(), "DLSB_TEST_APP": QCoreApplication.applicationName(),
           "OPENBLAS_NUM_THREADS": "1"}
    log = tmp_path / f"{scenario}.stderr"
    with log.open("w") as err:
        child = subprocess.Popen([sys.executable, str(CHILD), scenario, *args], env=env, stdout=subprocess.PIPE,
                                 stderr=err, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in child.stdout], daemon=True)
    reader.start()
    folder = autosave = None
    deadline = time.monotonic() + READY_TIMEOUT
    try:
        while autosave is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic())).strip()
            except queue.Empty:
                pytest.fail(f"the child never said READY; its stderr:\n{log.read_text()[-3000:]}")
            if line.startswith("FOLDER "):
                folder = Path(line[7:])
            elif line.startswith("READY "):
                autosave = Path(line[6:])
            elif line.startswith("FAIL"):
                pytest.fail(f"the child failed: {line}\n{log.read_text()[-3000:]}")
    finally:
        child.kill()  # SIGKILL on POSIX: no closeEvent, no cleanup, exactly a crash
        child.wait(10)
        child.stdout.close()
    assert child.returncode == -9 or sys.platform == "win32"
    assert folder == app_data_folder(), "the child and this process must share the data folder"
    return folder, autosave


def crash_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("crashed-*.dlsb"))


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def recover(qtbot, window: MainWindow) -> None:
    bar = window.info_bar
    assert bar.isVisible() and bar.action_button.isVisible(), "the recovery bar is not shown"
    assert "closed unexpectedly" in bar.label.text()
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)


# ---- killed for real ---------------------------------------------------------------------------------------
def test_killed_mid_training_the_edited_network_its_trained_weights_history_and_runs_come_back(
        qtbot, home, tmp_path, start):
    # The settings file's path is a folder: QSettings cannot write, and recovery must not depend on it.
    settings_path = home / ".qttest" / "config" / QCoreApplication.organizationName() / \
        f"{QCoreApplication.applicationName()}.conf"
    settings_path.mkdir(parents=True)
    folder, autosave = kill_child(home, tmp_path, "training")
    assert autosave.exists()
    # what a killed atomic write leaves behind, next to files that are not the autosave's to touch
    (folder / f".{autosave.name}.0123456789ab.tmp").write_bytes(b"half a zip")
    (folder / ".my_digits.npz.0123456789ab.tmp").write_bytes(b"a drawing being saved right now")
    (folder / "notes.tmp").write_text("not the atomic writer's")

    window = start()

    copies = crash_copies(folder)
    assert len(copies) == 1 and not autosave.exists(), "the crash copy is set aside under its own name"
    assert temps(folder) == [".my_digits.npz.0123456789ab.tmp", "notes.tmp"]
    saved = sb.io.load_project(copies[0])
    recover(qtbot, window)
    session = window.session
    assert [layer.class_name for layer in session.network.layers] == ["Flatten", "Dense", "Dense", "Dense", "Dense"]
    assert session.network.layers[2].config["units"] == 32  # the edit: a Dense 32 added to the MLP
    weights = session.model.get_flat_weights()
    assert np.array_equal(weights, saved.model.get_flat_weights())
    untrained = session.network.build_model(seed=session.training.seed).get_flat_weights()
    assert not np.allclose(weights, untrained), "the trained weights, not fresh ones"
    image = session.dataset.x_test[0, :, :, 0]
    np.testing.assert_allclose(session.predict(image), saved.model.predict_on_batch(image[None, ..., None])[0],
                               rtol=1e-5, atol=1e-6)
    assert session.epochs_done >= 1
    assert len(session.history["loss"]) == session.epochs_done
    assert len(session.runs) == 1 and session.runs[0].epochs_done >= 1
    assert session.runs[0].end_reason == "stopped" and not session.runs[0].has_weights
    assert session.dataset.name == "digits"
    assert session.training.batch_size == 32
    assert window.isWindowModified() and session.path == ""
    # the crash copy goes once this window's own autosave holds the work
    qtbot.waitUntil(lambda: not crash_copies(folder) and window._autosave_path.exists(), timeout=10_000)
    assert not [n for n in temps(folder) if n.startswith(".autosave") or n.startswith(".crashed")]


def test_killed_after_a_finished_run_and_an_edit_the_trained_weights_the_edit_the_run_and_the_idx_data_come_back(
        qtbot, home, tmp_path, start):
    idx = write_idx_folder(tmp_path / "squares", n_train=60, n_test=15)
    folder, _autosave = kill_child(home, tmp_path, "edited", str(idx))

    window = start()
    saved = sb.io.load_project(crash_copies(folder)[0])
    recover(qtbot, window)

    session = window.session
    assert session.network == NetworkSpec.from_preset("logistic")
    assert session.training.learning_rate == 0.005  # the edit made after the run
    assert np.array_equal(session.model.get_flat_weights(), saved.model.get_flat_weights())
    assert not np.allclose(session.model.get_flat_weights(),
                           session.network.build_model(seed=session.training.seed).get_flat_weights())
    assert session.epochs_done == 2 and len(session.history["loss"]) == 2
    assert [(r.number, r.end_reason, r.epochs_done) for r in session.runs] == [(1, "finished", 2)]
    assert session.runs[0].batch_loss.arrays()[0].size > 0
    assert session.dataset.name == "squares" and len(session.dataset.x_train) == 60
    assert window.data_panel.findChild(object, "idxDataRadio").isChecked()
    assert window.isWindowModified() and session.path == ""
    # the next run is numbered after the recovered one
    assert session.run_count == 1


# ---- the crash copy waits for the learner's choice --------------------------------------------------------------
def fake_crash(folder: Path, dataset_folder: str = "") -> tuple[Path, NetworkSpec]:
    """What a killed window leaves: its autosave, its lock gone with its process."""
    folder.mkdir(parents=True, exist_ok=True)
    network = NetworkSpec.from_preset("logistic")
    model = network.build_model(seed=3)
    settings = {"network": network.to_dict(), "training": TrainingSpec().to_dict(), "epochs_done": 4,
                "dataset": "gone", "original_path": "",
                "recovery": {"runs": [], "dataset_folder": dataset_folder}}
    path = folder / "autosave-0123456789ab.dlsb"
    sb.io.save_project(path, model, settings=settings, history={"epoch": [0], "history": {"loss": [0.5]}})
    return path, network


def test_ignoring_the_bar_and_editing_never_overwrites_the_crash_copy_and_discard_deletes_it(qtbot, home, start):
    _, network = fake_crash(app_data_folder())
    first = start()
    copy = crash_copies(app_data_folder())[0]
    before = copy.read_bytes()
    assert first.info_bar.isVisible()

    first.info_bar.hide()  # the learner ignores the bar and goes on working
    with qtbot.waitSignal(first.autosaver.saved, timeout=10_000):
        first.session.add_layer("Dropout", after=0)
    assert copy.read_bytes() == before and first._autosave_path.exists()
    first.close()
    assert not first._autosave_path.exists(), "a normal exit leaves no autosave"

    again = start()
    assert again.info_bar.isVisible() and crash_copies(app_data_folder()) == [copy], "still offered"
    qtbot.mouseClick(again.info_bar.second_button, Qt.MouseButton.LeftButton)  # Discard
    assert not copy.exists()
    again.close()

    third = start()
    assert not third.info_bar.isVisible()
    assert third.session.network != network


def test_a_missing_data_folder_is_named_and_the_rest_comes_back(qtbot, home, tmp_path, start):
    gone = str(tmp_path / "moved-away")
    _, network = fake_crash(app_data_folder(), dataset_folder=gone)
    window = start()
    recover(qtbot, window)
    assert window.session.network == network and window.session.epochs_done == 4
    assert window.info_bar.isVisible() and gone in window.info_bar.label.text()
    assert window.session.dataset.name == "digits"


def test_a_second_window_leaves_the_first_ones_autosave_alone(qtbot, home, start):
    first = start()
    with qtbot.waitSignal(first.autosaver.saved, timeout=10_000):
        first.session.add_layer("Dropout", after=0)
    second = start()
    assert not second.info_bar.isVisible() and first._autosave_path.exists()
    assert not crash_copies(app_data_folder())


def test_only_the_newest_crash_copies_are_kept(home):
    folder = app_data_folder()
    folder.mkdir(parents=True)
    for day in range(1, 6):
        (folder / f"crashed-2024010{day}-120000.dlsb").write_bytes(b"x")
    files = RecoveryFiles(folder)
    files.start()
    try:
        assert [p.name for p in crash_copies(folder)] == [f"crashed-2024010{d}-120000.dlsb" for d in (3, 4, 5)]
        assert files.pending() == folder / "crashed-20240105-120000.dlsb"
    finally:
        files.stop()


def test_an_unusable_data_folder_says_once_that_crash_recovery_is_off(qtbot, home, tmp_path, monkeypatch, start):
    blocker = tmp_path / "a-file"
    blocker.write_text("the data folder's path is taken by a file")
    monkeypatch.setattr("ui.main_window._data_dir", lambda: blocker)
    window = start()
    assert window.info_bar.isVisible() and window.info_bar.kind == "warning"
    assert "Crash recovery is off" in window.info_bar.label.text() and str(blocker) in window.info_bar.label.text()
    window.info_bar.hide()
    window.session.add_layer("Dropout", after=0)
    window.autosave()
    assert not window.info_bar.isVisible() and not window.autosaver.lane.busy
    assert blocker.read_text().startswith("the data folder")


# ---- runs rows in a crash copy -----------------------------------------------------------------------------------
def test_a_run_record_round_trips_without_its_weights_and_with_a_bounded_curve():
    run = RunRecord.start(3, "Run 3", NetworkSpec.from_preset("mlp"), TrainingSpec(), 2)
    for i in range(5000):
        run.add_batch(2 + i // 100, i % 100 + 1, 100, 1.0 / (i + 1), 0.001)
    run.add_epoch({"loss": 0.5, "accuracy": 0.9, "val_loss": float("nan")})
    run.add_epoch({"loss": 0.4}, stopped=True)
    run.end_reason = "finished"
    back = RunRecord.from_dict(run.to_dict(max_points=100))
    assert (back.number, back.label, back.preset, back.params, back.start_epoch, back.epochs_done) == \
        (3, "Run 3", "mlp", run.params, 2, 1)
    assert back.epoch_logs[0]["loss"] == 0.5 and np.isnan(back.epoch_logs[0]["val_loss"])
    assert back.epoch_stopped == [False, True] and not back.has_weights
    x, _ = back.batch_loss.arrays()
    assert len(x) <= 100 and x[-1] == pytest.approx(run.batch_loss.arrays()[0][-1], abs=1.0)
    with pytest.raises(sb.FileFormatError):
        RunRecord.from_dict({**run.to_dict(), "end_reason": "exploded"})
    with pytest.raises(sb.FileFormatError):
        LossCurve.from_dict({"x": [1.0], "y": [], "stride": 1})


def test_a_paused_run_is_autosaved_with_its_trained_weights(qtbot, home, start):
    window = start()
    session = window.session
    d = session.dataset
    session.set_dataset(type(d)("digits", d.x_train[:200], d.y_train[:200], d.x_test[:20], d.y_test[:20]))
    session.load_preset("logistic")
    untrained = session.model.get_flat_weights()
    paused = lambda _path: session.state == "paused"  # noqa: E731
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000, check_params_cb=paused):
        session.step_epoch()  # an epoch's batches, then paused: the old autosave never wrote while paused
    saved = sb.io.load_project(window._autosave_path)
    assert np.array_equal(saved.model.get_flat_weights(), session.model.get_flat_weights())
    assert not np.allclose(saved.model.get_flat_weights(), untrained)
    assert saved.settings["recovery"]["runs"][0]["end_reason"] == "running"
    session.stop()
    qtbot.waitUntil(lambda: not session.is_training(), timeout=10_000)
