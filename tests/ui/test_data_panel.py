"""The data panel, as a learner uses it: look at the bundled digits, load an IDX folder, recover from a bad one."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from ui.panels.data import DataPanel

IMAGES_MAGIC, LABELS_MAGIC = 0x803, 0x801


def write_idx(path: Path, array: np.ndarray, magic: int) -> None:
    """An IDX file: big-endian magic, one big-endian uint32 per dimension, then the uint8 data."""
    header = struct.pack(">I", magic) + struct.pack(f">{array.ndim}I", *array.shape)
    data = header + np.ascontiguousarray(array, np.uint8).tobytes()
    if path.suffix == ".gz":
        data = gzip.compress(data)
    path.write_bytes(data)


def write_idx_folder(folder: Path, n_train: int, n_test: int, side: int = 28, gz: bool = False) -> Path:
    """A small MNIST-style folder: digit ``k`` is a bright square at a place that depends on ``k``."""
    folder.mkdir()
    rng = np.random.default_rng(1)
    end = ".gz" if gz else ""
    for prefix, n in (("train", n_train), ("t10k", n_test)):
        labels = (np.arange(n) % 3).astype(np.uint8)  # only the classes 0, 1, 2
        images = rng.integers(0, 40, (n, side, side), dtype=np.uint8)
        for i, k in enumerate(labels):
            images[i, 4 + 6 * k:10 + 6 * k, 8:20] = 255
        write_idx(folder / f"{prefix}-images-idx3-ubyte{end}", images, IMAGES_MAGIC)
        write_idx(folder / f"{prefix}-labels-idx1-ubyte{end}", labels, LABELS_MAGIC)
    return folder


@pytest.fixture
def panel(qtbot, session):
    widget = DataPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_radio(qtbot, radio) -> None:
    """Click the radio button's circle (a click right of its text would miss it)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def text(panel, name: str) -> str:
    return panel.findChild(object, name).text()


def test_bundled_digits_show_their_numbers_and_samples(panel, session):
    assert panel.findChild(object, "bundledDataRadio").isChecked()
    assert "4,000 training images in 10 classes (400 each)" in text(panel, "classCountsLabel")
    assert text(panel, "splitSizesLabel") == "Train 3,600 · validation 400 · test 1,000"
    assert "5,000 real MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)" in text(panel, "attributionLabel")
    grid = panel.findChild(object, "sampleGrid")
    assert len(grid.labels()) == 32
    assert set(grid.labels()) <= set("0123456789")
    assert "none yet" in text(panel, "userDigitsLabel")


def test_shuffle_shows_other_samples(qtbot, panel):
    grid = panel.findChild(object, "sampleGrid")
    before = grid.labels()
    qtbot.mouseClick(panel.findChild(object, "shuffleSamplesButton"), Qt.MouseButton.LeftButton)
    assert grid.labels() != before
    assert len(grid.labels()) == 32


def test_the_split_follows_the_validation_setting_and_the_learners_drawings(panel, session):
    session.update_training("validation_split", 0.25)
    assert text(panel, "splitSizesLabel") == "Train 3,000 · validation 1,000 · test 1,000"

    session.set_user_digits(np.zeros((3, 28, 28), np.float32), np.array([1, 2, 3]))
    assert text(panel, "splitSizesLabel") == "Train 3,003 (with 3 of yours) · validation 1,000 · test 1,000"
    assert "3 included" in text(panel, "userDigitsLabel")


def test_loading_an_idx_folder_switches_the_data_and_the_numbers(qtbot, panel, session, tmp_path):
    folder = write_idx_folder(tmp_path / "squares", n_train=60, n_test=15, gz=True)

    with qtbot.waitSignal(session.datasetChanged):
        assert panel.load_folder(str(folder))

    assert session.dataset.name == "squares"
    assert len(session.dataset.x_train) == 60
    assert "60 training images in 10 classes (0–20 each)" in text(panel, "classCountsLabel")
    assert text(panel, "splitSizesLabel") == "Train 54 · validation 6 · test 15"
    assert set(panel.findChild(object, "sampleGrid").labels()) == {"0", "1", "2"}
    idx_radio = panel.findChild(object, "idxDataRadio")
    assert idx_radio.isChecked() and "squares" in idx_radio.text()
    assert not panel.findChild(object, "dataErrorLabel").isVisible()

    click_radio(qtbot, panel.findChild(object, "bundledDataRadio"))
    assert session.dataset.name == "digits"
    assert "4,000 training images" in text(panel, "classCountsLabel")

    click_radio(qtbot, idx_radio)  # back to the folder loaded last
    assert session.dataset.name == "squares"


def test_a_rebuilt_panel_still_knows_the_folder(qtbot, panel, session, tmp_path):
    assert panel.load_folder(str(write_idx_folder(tmp_path / "squares", n_train=60, n_test=15)))

    rebuilt = DataPanel(session)  # as the main window does after a change of language
    qtbot.addWidget(rebuilt)

    radio = rebuilt.findChild(object, "idxDataRadio")
    assert radio.isChecked() and radio.isEnabled() and "squares" in radio.text()


@pytest.mark.parametrize("problem", ["empty folder", "not IDX", "wrong size"])
def test_a_bad_folder_shows_a_friendly_message_and_keeps_the_data(panel, session, tmp_path, problem):
    if problem == "empty folder":
        folder = tmp_path / "empty"
        folder.mkdir()
    elif problem == "not IDX":
        folder = write_idx_folder(tmp_path / "broken", n_train=10, n_test=5)
        (folder / "train-images-idx3-ubyte").write_bytes(b"PK\x03\x04 this is a zip file, not IDX")
    else:
        folder = write_idx_folder(tmp_path / "small", n_train=10, n_test=5, side=20)
    before = session.dataset
    counts_before = text(panel, "classCountsLabel")

    assert not panel.load_folder(str(folder))

    error = panel.findChild(object, "dataErrorLabel")
    assert error.isVisible()
    assert folder.name in error.text() and "Nothing was changed" in error.text()
    assert session.dataset is before
    assert text(panel, "classCountsLabel") == counts_before
    assert panel.findChild(object, "bundledDataRadio").isChecked()


def test_the_data_cannot_change_while_training(qtbot, panel, session, tmp_path):
    folder = write_idx_folder(tmp_path / "squares", n_train=60, n_test=15)
    session.update_training("epochs", 200)  # the test stops the run itself
    try:
        assert session.start_training()
        assert not panel.findChild(object, "idxFolderButton").isEnabled()
        assert not panel.findChild(object, "bundledDataRadio").isEnabled()
        assert not panel.load_folder(str(folder))
        assert "Stop training" in text(panel, "dataErrorLabel")
    finally:
        with qtbot.waitSignal(session.trainingEnded, timeout=10000):
            session.stop()
    assert panel.findChild(object, "idxFolderButton").isEnabled()
    assert panel.load_folder(str(folder))
