"""Stories of the whole window: the first minute, training, files, undo, divergence, closing, languages."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

import sandbox as sb
from ui.main_window import MainWindow
from ui.session import DataSet

REQUIRED_NAMES = [
    "layerStack", "presetCombo", "addDenseButton", "addConv2DButton", "addMaxPooling2DButton",
    "addAveragePooling2DButton", "addFlattenButton", "addDropoutButton", "addActivationButton", "optimizerCombo",
    "learningRateSpin", "batchSizeSpin", "epochsSpin", "trainButton", "pauseButton", "stopButton", "stepButton",
    "resetButton", "progressBar", "lossPlot", "digitCanvas", "clearCanvasButton", "predictionLabel",
    "probabilityBars",
]


def small_digits(n: int = 320) -> DataSet:
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    return DataSet.from_uint8("digits", (x[:n], y[:n]), (xt[:100], yt[:100]))


def test_every_named_control_is_a_real_widget_with_an_accessible_name(window):
    for name in REQUIRED_NAMES:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), f"{name} has no accessible name"
    assert window.session.is_training() is False
    assert window.findChild(QWidget, "predictionLabel").text() == ""
    assert window.windowTitle().endswith("— Deep Learning Sandbox")


def test_the_pretrained_network_reads_test_digits_at_once(window, qtbot):
    session = window.session
    hits = sum(int(np.argmax(session.predict(session.dataset.x_test[i, :, :, 0])) == session.dataset.y_test[i])
               for i in range(50))
    assert hits >= 45


def test_train_one_epoch_then_the_plot_and_the_prediction_follow(window, qtbot):
    session = window.session
    session.set_dataset(small_digits())
    session.update_training("epochs", 1)
    train = window.findChild(QWidget, "trainButton")
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000) as ended:
        qtbot.mouseClick(train, Qt.MouseButton.LeftButton)
    assert ended.args[0].reason == "finished"
    qtbot.waitUntil(lambda: len(window.loss_panel.current_curves()["loss"][0]) == 1)
    assert len(window.loss_panel.current_curves()["batch_loss"][0]) >= 1
    assert window.isWindowModified()


def test_undo_and_redo_from_the_edit_menu(window, qtbot):
    session = window.session
    before = session.network
    qtbot.mouseClick(window.findChild(QWidget, "addDropoutButton"), Qt.MouseButton.LeftButton)
    assert len(session.network.layers) == len(before.layers) + 1
    assert window.act_undo.text().replace("&", "").startswith("Undo Add Dropout")
    window.act_undo.trigger()
    assert session.network == before
    window.act_redo.trigger()
    assert len(session.network.layers) == len(before.layers) + 1


def test_save_close_reopen_gives_the_same_predictions(window, qtbot, tmp_path):
    session = window.session
    session.set_dataset(small_digits())
    session.update_training("epochs", 1)
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000):
        session.start_training()
    path = str(tmp_path / "mine.dlsb")
    assert window.save_to(path)
    assert not window.isWindowModified() and "mine.dlsb" in window.windowTitle()
    digits = session.dataset.x_test[:5, :, :, 0]
    expected = [session.predict(d) for d in digits]
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.open_path(path)
    for d, e in zip(digits, expected, strict=True):
        np.testing.assert_allclose(again.session.predict(d), e, rtol=1e-6, atol=1e-7)
    assert again.session.history["loss"] == session.history["loss"]
    # the saved run is drawn, so the learner sees how it learned
    qtbot.waitUntil(lambda: len(again.loss_panel.current_curves()["loss"][0]) == 1)
    assert again.loss_panel.legend_labels() == ["Saved in mine.dlsb"]
    again.close()


def test_a_bad_file_gives_a_friendly_message_and_changes_nothing(window, tmp_path):
    bad = tmp_path / "broken.dlsb"
    bad.write_bytes(b"this is not a model")
    before = window.session.network
    assert not window.open_path(str(bad))
    assert window.info_bar.isVisible() and window.info_bar.kind == "error"
    assert "broken.dlsb" in window.info_bar.label.text()
    assert "Traceback" not in window.info_bar.label.text()
    assert window.session.network == before


def test_a_huge_learning_rate_stops_training_with_a_message_and_offers_a_rescue(window, qtbot):
    session = window.session
    session.set_dataset(small_digits())
    session.update_training("optimizer", "SGD")
    session.update_training("learning_rate", 1e30)
    session.update_training("epochs", 5)
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000) as ended:
        session.start_training()
    assert ended.args[0].reason == "diverged"
    box = window.findChild(QWidget, "diagnosisBox")
    assert box.kind == "error" and "(NaN)" in box.text() and "learning rate that is too high" in box.text()
    assert window.loss_panel.divergence_markers()
    # 1e30 is far outside SGD's usual range: the rescue goes back to Keras's default rather than to 1e29
    assert box.fix_text() == "Undo the blow-up, learning rate 0.01"
    qtbot.mouseClick(window.findChild(QPushButton, "diagnosisFixButton"), Qt.MouseButton.LeftButton)
    assert session.training.learning_rate == pytest.approx(0.01)
    assert np.all(np.isfinite(session.model.get_flat_weights()))
    assert box.text() == ""
    # the app is still usable: a test digit gets a finite prediction
    assert np.all(np.isfinite(session.predict(session.dataset.x_test[0, :, :, 0])))


def test_closing_while_training_stops_cleanly(window, qtbot):
    session = window.session
    session.set_dataset(small_digits())
    session.update_training("epochs", 500)
    session.start_training()
    qtbot.waitUntil(lambda: session.state == "running", timeout=10_000)
    assert window.close()
    assert not session.is_training()


def test_the_layout_is_remembered(window, qtbot):
    window.docks["dataDock"].close()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["dataDock"].isVisible()
    again.reset_layout()
    assert again.docks["dataDock"].toggleViewAction().isChecked()
    again.close()


def test_export_for_keras_writes_code_and_weights(window, tmp_path):
    assert window.export_to(str(tmp_path / "keras"))
    code = (tmp_path / "keras" / "model.py").read_text()
    assert "keras.Sequential" in code and "set_weights" in code
    assert (tmp_path / "keras" / "weights.npz").exists()


def test_the_about_box_credits_mnist(window):
    text = window.about_text()
    assert "LeCun" in text and "Attribution-Share Alike 3.0" in text


def test_the_modes_take_turns_in_the_window_and_the_docks_come_back(window, qtbot):
    assert window.mode == "digits" and window.docks["layersDock"].isVisible()
    window.mode_actions["rule"].trigger()
    assert window.mode == "rule" and window.current_mode_widget().objectName() == "ruleLessonMode"
    # the docks are the digits mode's; the training actions stay, acting on the lesson now
    assert not window.docks["layersDock"].isVisible() and window.act_train.isVisible()
    window.mode_actions["playground"].trigger()
    assert window.current_mode_widget().objectName() == "playgroundMode"
    window.mode_actions["digits"].trigger()
    assert window.mode == "digits" and window.docks["layersDock"].isVisible() and window.act_train.isVisible()
    assert window.current_mode_widget() is window.canvas_panel


def test_a_shared_playground_setup_opens_in_the_playground(window, tmp_path):
    from sandbox.playground import PlaygroundSetup, save_setup

    path = tmp_path / "spiral.dlplay"
    save_setup(path, PlaygroundSetup.default("spiral", ("x1", "x2", "sin(x1)", "sin(x2)")))
    assert window.open_playground_setup(str(path))
    mode = window.mode_widgets["playground"]
    assert window.mode == "playground" and mode.session.setup.dataset == "spiral"


def test_switching_language_in_the_playground_keeps_its_session(window):
    window.set_mode("playground")
    session = window.mode_widgets["playground"].session
    window.set_language("ko")
    assert window.mode_widgets["playground"].session is session
    assert window.current_mode_widget() is window.mode_widgets["playground"]
    window.set_language("en")


def test_export_for_keras_names_the_files_asks_before_replacing_and_says_where(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    captions, questions = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, caption, _start: captions.append(caption) or str(tmp_path))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.export_dialog()
    assert "model.py" in captions[0] and "weights.npz" in captions[0]
    assert (tmp_path / "model.py").exists() and not questions
    assert window.info_bar.isVisible() and str(tmp_path) in window.info_bar.label.text()
    before = (tmp_path / "weights.npz").stat().st_mtime_ns
    window.export_dialog()  # the files are there now: asked, and Cancel keeps them
    assert questions and "model.py" in questions[0]
    assert (tmp_path / "weights.npz").stat().st_mtime_ns == before
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_the_training_actions_follow_the_active_mode(window, qtbot):
    toolbar_step = window.toolbar.widgetForAction(window.act_step)
    panel_step = window.controls_panel.step_button
    assert toolbar_step.isEnabled() == panel_step.isEnabled() == window.act_step.isEnabled()
    window.set_mode("playground")
    mode = window.mode_widgets["playground"]
    assert window.training_actions.target is mode.commands
    assert mode.findChild(QWidget, "stepButton").isEnabled() == window.act_step.isEnabled()
    window.set_mode("rule")
    lesson = window.mode_widgets["rule"]
    steps = lesson._steps
    window.act_step.trigger()
    assert lesson._steps == steps + 1
    assert not window.act_undo.isEnabled()
    window.act_train.trigger()  # Train plays the race; Pause stops it
    assert lesson.play_button.isChecked() and window.act_pause.isEnabled()
    window.act_pause.trigger()
    assert not lesson.play_button.isChecked()
    window.set_mode("digits")
