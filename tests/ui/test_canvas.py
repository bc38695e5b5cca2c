"""The drawing canvas: draw a digit, see what the network sees and what it guesses, teach it your own digits."""

from __future__ import annotations

import itertools
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QStandardPaths, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QPointingDeviceUniqueId, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import resources
import sandbox as sb
from ui.panels.canvas import DEFAULT_BRUSH, CanvasPanel
from ui.user_digits import FILE_NAME, UserDigits

PRETRAINED = resources.path("models", "small-cnn.dlsb")


@pytest.fixture(scope="module")
def trained_file(tmp_path_factory) -> str:
    """A small CNN that reads digits: the shipped pretrained model, else one trained briefly on the digits.

    The fallback exists because the pretrained model is produced separately; the tests that need a
    trained network run either way instead of being skipped.
    """
    if PRETRAINED.exists():
        return str(PRETRAINED)
    (x, y), _ = sb.datasets.digits.load_data()
    model = sb.presets.build("small-cnn", seed=0, learning_rate=0.003)
    model.fit((x / np.float32(255)).astype(np.float32)[..., None], y, batch_size=32, epochs=1, verbose=0)
    path = tmp_path_factory.mktemp("model") / "small-cnn.dlsb"
    sb.save_model(model, str(path))
    return str(path)


@pytest.fixture
def trained(session, trained_file):
    """The session with a network that has learnt to read digits."""
    session.open(trained_file)
    return session


@pytest.fixture
def make_panel(qtbot, tmp_path):
    """Build a shown panel at a dock-like size; drawings go to a private folder unless given."""
    def make(session, **kwargs) -> CanvasPanel:
        kwargs.setdefault("user_digits", UserDigits(tmp_path / FILE_NAME))
        panel = CanvasPanel(session, **kwargs)
        qtbot.addWidget(panel)
        panel.resize(420, 600)
        panel.show()
        qtbot.waitExposed(panel)
        return panel
    return make


@pytest.fixture
def data_folder():
    """The (test-mode) user data folder, without drawings files before and after the test."""
    from pathlib import Path

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))

    def clean() -> None:
        for file in folder.glob("my_digits*.npz"):
            file.unlink()

    clean()
    yield folder
    clean()


def draw(canvas, *strokes: list[tuple[float, float]], steps: int = 10) -> None:
    """Draw strokes like a user's mouse: press, many small moves, release. Points are fractions of the canvas."""
    def at(x: float, y: float) -> QPoint:
        return QPoint(round(x * canvas.width()), round(y * canvas.height()))

    for stroke in strokes:
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[0]))
        for (x0, y0), (x1, y1) in itertools.pairwise(stroke):
            for t in np.linspace(0, 1, steps)[1:]:
                QTest.mouseMove(canvas, at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*stroke[-1]))


ONE = [(0.5, 0.2), (0.5, 0.8)]
SEVEN = [(0.3, 0.22), (0.7, 0.22), (0.45, 0.8)]  # a top bar, then the diagonal down, in one stroke
TWO = [(0.35, 0.3), (0.5, 0.2), (0.65, 0.3), (0.6, 0.45), (0.35, 0.8), (0.7, 0.8)]


def wait_for_prediction(qtbot, panel, digit: str | None = None) -> None:
    if digit is None:
        qtbot.waitUntil(lambda: panel.prediction_label.text() != "")
    else:
        qtbot.waitUntil(lambda: panel.prediction_label.text() == digit)


def test_drawing_a_one_shows_what_the_network_sees_and_reads_it(qtbot, trained, make_panel):
    panel = make_panel(trained)
    assert panel.prediction_label.text() == ""
    assert panel.hint_label.isVisible()

    draw(panel.canvas, ONE)

    wait_for_prediction(qtbot, panel, "1")
    seen = panel.preview.image()
    assert seen.shape == (28, 28) and seen.dtype == np.float32
    # a vertical stroke fits MNIST's 20-pixel box: tall and thin, in the middle
    rows, cols = np.nonzero(seen > 0.5)
    assert rows.max() - rows.min() >= 17 and cols.max() - cols.min() <= 6
    probs = panel.bars.probabilities()
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1, abs=1e-3)
    assert np.argmax(probs) == 1
    assert panel.confidence_label.text().endswith("% sure")
    assert panel.bars.isVisible() and not panel.hint_label.isVisible()
    assert "1:" in panel.bars.accessibleDescription()
    assert panel.label_spin.value() == 1  # ready to add the drawing as what it looks like


def test_a_hand_drawn_seven_is_read_as_seven(qtbot, trained, make_panel):
    panel = make_panel(trained)
    draw(panel.canvas, SEVEN)
    wait_for_prediction(qtbot, panel)
    assert panel.prediction_label.text() == "7"
    assert int(np.argmax(panel.bars.probabilities())) == 7


def test_clear_by_button_right_click_and_escape(qtbot, session, make_panel):
    panel = make_panel(session)
    clearers = [
        lambda: qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton),
        lambda: qtbot.mouseClick(panel.canvas, Qt.MouseButton.RightButton),
        lambda: qtbot.keyClick(panel.canvas, Qt.Key.Key_Escape),
        lambda: qtbot.keyClick(panel.canvas, Qt.Key.Key_Delete),
    ]
    for clear in clearers:
        draw(panel.canvas, TWO)
        wait_for_prediction(qtbot, panel)
        assert not panel.canvas.is_empty()
        clear()
        qtbot.waitUntil(lambda: panel.prediction_label.text() == "")
        assert panel.canvas.is_empty()
        assert panel.canvas.image().max() == 0
        assert panel.preview.image() is None and panel.bars.probabilities() is None
        assert panel.hint_label.isVisible()


def test_the_panel_is_usable_from_the_keyboard_and_by_screen_readers(session, make_panel):
    panel = make_panel(session)
    assert panel.objectName() == "canvasPanel"
    assert panel.canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus
    tab_stops, widget = [], panel.canvas
    while len(tab_stops) < 4:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled() and widget.isVisible():
            tab_stops.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert tab_stops == ["digitCanvas", "brushSizeSlider", "clearCanvasButton", "showTestDigitButton"]
    for name in ("digitCanvas", "brushSizeSlider", "clearCanvasButton", "showTestDigitButton", "myDigitLabelSpin",
                 "addMyDigitButton", "useMyDigitsCheck", "probabilityBars", "networkInputPreview"):
        widget = panel.findChild(QWidget, name)
        assert widget.toolTip(), name
        assert widget.accessibleName(), name


def test_test_digits_are_read_correctly_by_a_trained_network(qtbot, trained, make_panel):
    panel = make_panel(trained, rng=np.random.default_rng(7))
    correct = 0
    for _ in range(10):
        with qtbot.waitSignal(panel.predictionUpdated):
            qtbot.mouseClick(panel.test_digit_button, Qt.MouseButton.LeftButton)
        truth = panel.status_label.text().removeprefix("A test digit: ")
        assert truth in "0123456789" and len(truth) == 1
        correct += panel.prediction_label.text() == truth
    assert correct >= 8
    # drawing on top of the test digit makes it the learner's drawing: the true label is gone
    draw(panel.canvas, ONE)
    assert panel.status_label.text() == ""


def test_showing_test_digits_is_repeatable_with_a_seed(session, make_panel):
    first = make_panel(session, rng=3)
    second = make_panel(session, rng=3)
    assert [first.show_test_digit() for _ in range(5)] == [second.show_test_digit() for _ in range(5)]
    assert np.array_equal(first.canvas.image(), second.canvas.image())


def test_prediction_follows_new_weights(qtbot, trained, make_panel):
    panel = make_panel(trained)
    draw(panel.canvas, SEVEN)
    wait_for_prediction(qtbot, panel, "7")
    before = panel.bars.probabilities()

    with qtbot.waitSignal(trained.weightsChanged):
        assert trained.reset_weights()

    qtbot.waitUntil(lambda: not np.allclose(panel.bars.probabilities(), before, atol=1e-3))
    assert panel.bars.probabilities().max() < 0.9  # untrained weights are unsure


def test_prediction_moves_while_the_network_trains(qtbot, trained, make_panel):
    panel = make_panel(trained)
    draw(panel.canvas, TWO)
    wait_for_prediction(qtbot, panel)
    before = panel.bars.probabilities()
    trained.update_training("learning_rate", 0.05)  # big steps, so a few batches visibly change the guess
    trained.update_training("epochs", 100)  # still training when the first weight snapshot arrives
    try:
        assert trained.start_training()
        qtbot.waitUntil(lambda: not np.array_equal(panel.bars.probabilities(), before), timeout=10_000)
        assert trained.is_training()  # updated during the run, from the live weight snapshots
    finally:
        trained.shutdown()


def test_outputs_that_are_not_numbers_show_a_hint(qtbot, session, make_panel, monkeypatch):
    panel = make_panel(session)
    monkeypatch.setattr(session, "predict", lambda image: np.full(10, np.nan, np.float32))
    with qtbot.waitSignal(panel.predictionUpdated):
        draw(panel.canvas, ONE)
    assert panel.hint_label.isVisible()
    assert "not numbers" in panel.hint_label.text()
    assert panel.prediction_label.text() == "" and panel.bars.probabilities() is None


def test_a_network_that_does_not_fit_shows_a_hint(qtbot, session, make_panel):
    panel = make_panel(session)
    draw(panel.canvas, ONE)
    wait_for_prediction(qtbot, panel)
    flatten = next(i for i, layer in enumerate(session.network.layers) if layer.class_name == "Flatten")
    session.remove_layer(flatten)
    qtbot.waitUntil(lambda: panel.prediction_label.text() == "")
    assert panel.hint_label.isVisible()
    assert "Fix the network" in panel.hint_label.text()
    assert panel.preview.image() is not None  # the learner still sees the input
    session.undo_stack.undo()
    wait_for_prediction(qtbot, panel)


def test_adding_my_drawing_saves_it_and_gives_it_to_the_session(qtbot, session, make_panel, data_folder):
    panel = make_panel(session, user_digits=None)  # the real default place, in the test-mode data folder
    assert "(0)" in panel.use_check.text()
    draw(panel.canvas, TWO)
    wait_for_prediction(qtbot, panel)
    panel.label_spin.setValue(2)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    stored = data_folder / FILE_NAME
    assert stored.exists()
    assert "(1)" in panel.use_check.text()
    assert "2 (1)" in panel.counts_label.text()
    images, labels = session.user_digits
    assert images.shape == (1, 28, 28, 1) and labels.tolist() == [2]
    assert images.max() == pytest.approx(1.0, abs=1 / 255)
    assert panel.canvas.is_empty()  # ready for the next one
    x, y, _, _ = session.training_arrays()
    assert y[-1] == 2 and np.array_equal(x[-1], images[0])

    # a new panel (the next start of the app) finds the drawing again
    again = make_panel(session, user_digits=None)
    assert len(again.user_digits) == 1 and "(1)" in again.use_check.text()

    qtbot.mouseClick(again.remove_button, Qt.MouseButton.LeftButton)
    assert len(session.user_digits[1]) == 0 and "(0)" in again.use_check.text()
    reloaded = UserDigits(stored)
    assert reloaded.load() is None and len(reloaded) == 0


def test_unticking_use_my_drawings_leaves_them_out_of_training(qtbot, session, make_panel):
    panel = make_panel(session)
    draw(panel.canvas, ONE)
    wait_for_prediction(qtbot, panel)
    panel.add_my_digit()
    n = len(session.dataset.y_train) - round(len(session.dataset.y_train) * session.training.validation_split)
    assert len(session.training_arrays()[1]) == n + 1
    panel.use_check.click()
    assert session.use_user_digits is False
    assert len(session.training_arrays()[1]) == n


def test_the_label_follows_the_guess_until_the_learner_picks_one(qtbot, trained, make_panel):
    panel = make_panel(trained)
    draw(panel.canvas, ONE)
    wait_for_prediction(qtbot, panel, "1")
    assert panel.label_spin.value() == 1
    panel.label_spin.setValue(4)  # "no, this is my 4"
    with qtbot.waitSignal(panel.predictionUpdated):
        draw(panel.canvas, [(0.3, 0.5), (0.7, 0.5)])
    assert panel.label_spin.value() == 4
    panel.canvas.clear()
    draw(panel.canvas, SEVEN)
    wait_for_prediction(qtbot, panel, "7")
    assert panel.label_spin.value() == 7


def test_a_damaged_drawings_file_starts_empty_with_a_message(qtbot, session, make_panel, data_folder):
    data_folder.mkdir(parents=True, exist_ok=True)
    earlier = set(data_folder.glob("my_digits.damaged-*.npz"))  # other stories may have left some
    (data_folder / FILE_NAME).write_bytes(b"PK\x03\x04 this is not a zip file")

    with qtbot.waitSignal(session.message) as message:
        panel = make_panel(session, user_digits=None)

    assert "damaged" in message.args[0]
    assert "damaged" in panel.counts_label.text()
    assert len(panel.user_digits) == 0 and "(0)" in panel.use_check.text()
    backups = list(set(data_folder.glob("my_digits.damaged-*.npz")) - earlier)
    assert len(backups) == 1 and backups[0].read_bytes().startswith(b"PK\x03\x04 this")
    # and the learner can go on adding drawings
    draw(panel.canvas, ONE)
    wait_for_prediction(qtbot, panel)
    panel.add_my_digit()
    reloaded = UserDigits(data_folder / FILE_NAME)
    assert reloaded.load() is None and len(reloaded) == 1


def test_drawings_files_are_checked_before_they_are_read(tmp_path):
    good = UserDigits(tmp_path / "good.npz")
    good.add(np.eye(28, dtype=np.float32), 3)
    good.add(np.ones((28, 28), np.float32), 8)
    loaded = UserDigits(good.path)
    assert loaded.load() is None
    assert loaded.labels.tolist() == [3, 8] and loaded.images.dtype == np.uint8
    assert np.array_equal(loaded.images[0], np.eye(28, dtype=np.uint8) * 255)
    assert loaded.counts()[[3, 8]].tolist() == [1, 1]

    # a header declaring a gigantic array is refused before anything is allocated (NumPy would allocate the declared
    # shape before reading)
    huge = tmp_path / "huge.npz"
    header = {"descr": "|u1", "fortran_order": False, "shape": (10**9, 28, 28)}
    with zipfile.ZipFile(huge, "w") as archive:
        with archive.open("images.npy", "w") as member:
            np.lib.format.write_array_header_1_0(member, header)
        with archive.open("labels.npy", "w") as member:
            np.lib.format.write_array_header_1_0(member, {**header, "shape": (10**9,)})
    assert "damaged" in UserDigits(huge).load()

    # pickled objects are never loaded
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, images=np.array([object()] * 2, dtype=object), labels=np.zeros(2, np.uint8))
    assert "damaged" in UserDigits(pickled).load()


def test_a_wider_brush_draws_thicker_strokes(session, make_panel):
    panel = make_panel(session)
    assert panel.brush_slider.value() == DEFAULT_BRUSH == panel.canvas.brush_size()
    draw(panel.canvas, ONE)
    thin = panel.canvas.image().sum()
    panel.canvas.clear()
    panel.brush_slider.setValue(panel.brush_slider.maximum())
    draw(panel.canvas, ONE)
    assert panel.canvas.image().sum() > 1.5 * thin


def assert_unbroken_vertical_line(ink: np.ndarray) -> None:
    """A line from 20% to 80% of the height: its rows of ink are contiguous and long, not a few dots."""
    rows = np.flatnonzero(ink.max(axis=1) == 1.0)
    assert rows[-1] - rows[0] > 0.55 * len(ink)
    assert len(rows) == rows[-1] - rows[0] + 1


def test_drawing_with_a_pen_and_a_finger(qtbot, session, make_panel):
    panel = make_panel(session)
    canvas = panel.canvas
    pen = QPointingDevice("test pen", 1001, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 1, "",
                          QPointingDeviceUniqueId())
    for kind, y in ((QEvent.Type.TabletPress, 0.2), (QEvent.Type.TabletMove, 0.5),
                    (QEvent.Type.TabletMove, 0.8), (QEvent.Type.TabletRelease, 0.8)):
        pos = QPointF(0.3 * canvas.width(), y * canvas.height())
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(kind, pen, pos, canvas.mapToGlobal(pos), 0.8, 0, 0, 0, 0, 0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
        QApplication.sendEvent(canvas, event)
    ink = canvas.image()
    assert not canvas.is_empty()
    assert ink[:, :140].sum() > 0 and ink[:, 140:].sum() == 0  # a vertical line on the left
    assert_unbroken_vertical_line(ink)

    canvas.clear()
    finger = QTest.createTouchDevice()
    at = [QPoint(round(0.7 * canvas.width()), round(y * canvas.height())) for y in (0.2, 0.5, 0.8)]
    QTest.touchEvent(canvas, finger).press(0, at[0]).commit()
    QTest.touchEvent(canvas, finger).move(0, at[1]).commit()
    QTest.touchEvent(canvas, finger).release(0, at[2]).commit()
    ink = canvas.image()
    assert ink[:, 140:].sum() > 0 and ink[:, :140].sum() == 0  # now on the right
    assert_unbroken_vertical_line(ink)
    wait_for_prediction(qtbot, panel)


def test_a_digit_put_on_the_canvas_reaches_the_network_unchanged_in_shape(session, make_panel):
    panel = make_panel(session)
    digit = session.dataset.x_test[0, :, :, 0]
    panel.canvas.set_image(digit)
    big = panel.canvas.image()
    assert big.shape == (280, 280) and big.dtype == np.float32 and 0 <= big.min() <= big.max() <= 1
    seen = panel.network_input()
    # MNIST test digits are already size-normalised and centred, so the network sees nearly the same image
    assert np.abs(seen - digit).mean() < 0.08
    panel.canvas.set_image(np.zeros((28, 28), np.float32))
    assert panel.canvas.is_empty() and panel.network_input() is None


def test_other_views_hear_what_the_network_sees(qtbot, session, make_panel):
    panel = make_panel(session)
    with qtbot.waitSignal(panel.networkInputChanged) as changed:
        draw(panel.canvas, ONE)
    assert changed.args[0].shape == (28, 28)
    with qtbot.waitSignal(panel.networkInputChanged) as changed:
        panel.canvas.clear()
    assert changed.args[0] is None
    assert not panel.add_button.isEnabled()  # nothing to add


def test_a_rebuilt_panel_takes_over_the_drawing(qtbot, trained, make_panel):
    """The main window rebuilds panels when the language changes; the drawing must survive."""
    old = make_panel(trained, rng=1)
    old.brush_slider.setValue(30)
    truth = old.show_test_digit()

    new = make_panel(trained, view=old.view)  # what the window does: the new panel gets the old one's view
    qtbot.waitUntil(lambda: new.prediction_label.text() != "")
    assert np.array_equal(new.canvas.image(), old.canvas.image())
    assert new.brush_slider.value() == 30 and new.canvas.brush_size() == 30
    assert new.status_label.text() == f"A test digit: {truth}"
    assert new.prediction_label.text() != ""
