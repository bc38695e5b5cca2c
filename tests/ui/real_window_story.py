"""One learner's story in the real app, on a real X display: the script ``test_real_window.py`` runs.

Usage::

    QT_QPA_PLATFORM=xcb DISPLAY=:N python tests/ui/real_window_story.py STORY SHOT_DIR

``STORY`` is one of :data:`STORIES`. The app starts through its own entry point (``ui.app.main``) and
the story runs inside the app's event loop as soon as the window is shown, with real input events
(``QTest``) sent to the real native window. The script prints one JSON line of observations on stdout,
prefixed with ``STORY-RESULT ``, saves screenshots of the X screen into ``SHOT_DIR`` and exits with the
app's exit code, or 1 if the story itself broke (the traceback is on stderr and in the JSON).

The script only observes and drives; the test decides what must hold.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a file, the checkout may not be installed
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, QStandardPaths, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabBar,
    QWidget,
)

RESULT_PREFIX = "STORY-RESULT "
#: How long any one step may take before the story gives up (the test's own timeout is longer).
STEP_TIMEOUT_S = 30.0
#: A 7 in the canvas square's own coordinates (0..1): the top bar, then the long diagonal stroke.
SEVEN = ((0.22, 0.20), (0.78, 0.20), (0.42, 0.85))


class StoryError(Exception):
    """A step of the story did not happen (the message says which)."""


def has_hangul(text: str) -> bool:
    """True if ``text`` holds a Hangul syllable (U+AC00–U+D7A3)."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def without_mnemonic(text: str) -> str:
    """The text Qt draws for a label or button text with ``&`` mnemonics."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def wait_until(predicate: Callable[[], object], what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Let the event loop run until ``predicate()`` is true; raise StoryError naming ``what`` otherwise."""
    deadline = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            raise StoryError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QTest.qWait(20)


def image_stats(image: QImage) -> dict[str, float]:
    """Pixel statistics of a screenshot, enough to tell a drawn window from a blank screen."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    height, width = rgb.height(), rgb.width()
    raw = np.frombuffer(rgb.constBits(), np.uint8, count=rgb.sizeInBytes()).reshape(height, rgb.bytesPerLine())
    pixels = raw[:, : width * 4].reshape(height, width, 4)[:, :, :3]
    grey = pixels.astype(np.float32).mean(axis=2)
    # 5 bits per channel: anti-aliasing noise does not count as "many colours".
    quantised = (pixels[::2, ::2] >> 3).astype(np.uint32)
    colours = np.unique((quantised[..., 0] << 10) | (quantised[..., 1] << 5) | quantised[..., 2]).size
    return {"width": width, "height": height, "mean": round(float(grey.mean()), 2),
            "std": round(float(grey.std()), 2), "colours": int(colours),
            "non_black_fraction": round(float((grey > 16).mean()), 4)}


class Story:
    """Drives one story in the running app and collects observations."""

    def __init__(self, name: str, shot_dir: Path) -> None:
        self.name = name
        self.shot_dir = shot_dir
        self.obs: dict[str, object] = {"story": name, "ok": False}
        self.window = None
        self.failed = False
        self._dialogs: list[str] = []

    # ---- helpers -----------------------------------------------------------------------------------
    def screenshot(self, name: str) -> QImage:
        """Grab the whole X screen (what a person would see) and the window's part of it, as PNGs."""
        screen = QGuiApplication.primaryScreen()
        QTest.qWait(150)  # let the last paint reach the X server
        whole = screen.grabWindow(0).toImage()
        whole.save(str(self.shot_dir / f"{name}-screen.png"))
        frame = self.window.frameGeometry()
        part = whole.copy(frame.intersected(screen.geometry()))
        part.save(str(self.shot_dir / f"{name}-window.png"))
        self.obs[f"shot_{name}"] = {"screen": image_stats(whole), "window": image_stats(part)}
        return whole

    def find(self, cls: type, name: str) -> QWidget:
        widget = self.window.findChild(cls, name)
        if widget is None:
            raise StoryError(f"no {cls.__name__} named {name!r} in the window")
        return widget

    def scroll_to(self, widget: QWidget) -> None:
        """Scroll the panel holding ``widget`` until it shows, as a person scrolls a short dock."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 10, 10)
            QTest.qWait(100)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        """A real left click, after checking a person could click there at all."""
        point = pos if pos is not None else widget.rect().center()
        if not widget.isVisible() or not widget.isEnabled():
            raise StoryError(f"{widget.objectName()} is not visible and enabled")
        if not widget.visibleRegion().contains(point):
            raise StoryError(f"{widget.objectName()} is covered or scrolled away at {point.toTuple()}")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def draw_seven(self) -> str:
        """Draw a 7 on the canvas with the mouse and return the predicted digit once it shows."""
        canvas = self.find(QWidget, "digitCanvas")
        label = self.find(QLabel, "predictionLabel")
        side = min(canvas.width(), canvas.height()) - 2
        left, top = (canvas.width() - side) / 2, (canvas.height() - side) / 2

        def at(u: float, v: float) -> QPoint:
            return QPointF(left + u * side, top + v * side).toPoint()

        path: list[QPoint] = []
        for (u0, v0), (u1, v1) in itertools.pairwise(SEVEN):
            for t in np.linspace(0.0, 1.0, 16)[1:]:
                path.append(at(u0 + (u1 - u0) * t, v0 + (v1 - v0) * t))
        if not canvas.visibleRegion().contains(at(*SEVEN[0])):
            raise StoryError("the canvas is covered where the 7 starts")
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*SEVEN[0]))
        for point in path:
            QTest.mouseMove(canvas, point)
            QTest.qWait(5)  # a hand moves over time: let the 30 ms prediction timer fire mid-stroke
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, path[-1])
        wait_until(lambda: label.text() != "", "a prediction after drawing")
        QTest.qWait(100)  # the last coalesced prediction, for the whole stroke
        ink = canvas.image()
        self.obs["ink_fraction"] = round(float((ink > 0.5).mean()), 4)
        return label.text()

    def canvas_ink_on_screen(self, screen: QImage) -> float:
        """Share of bright pixels inside the canvas square as the X server shows it."""
        canvas = self.find(QWidget, "digitCanvas")
        square = canvas._square().toRect()  # the black drawing square, centred in the canvas widget
        top_left = canvas.mapToGlobal(square.topLeft()) - self.window.screen().geometry().topLeft()
        part = screen.copy(top_left.x() + 2, top_left.y() + 2, square.width() - 4, square.height() - 4)
        raw = part.convertToFormat(QImage.Format.Format_Grayscale8)
        grey = np.frombuffer(raw.constBits(), np.uint8, count=raw.sizeInBytes()).reshape(
            raw.height(), raw.bytesPerLine())[:, : raw.width()]
        return round(float((grey > 200).mean()), 4)

    def clipped_texts(self) -> list[str]:
        """Visible one-line labels, buttons and check boxes whose text is wider than the room they have."""
        found = []
        for widget in self.window.findChildren(QWidget):
            if not widget.isVisible() or widget.visibleRegion().isEmpty():
                continue
            if isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != Qt.TextFormat.RichText:
                text = without_mnemonic(widget.text()) if widget.buddy() is not None else widget.text()
                room = widget.contentsRect().width() - 2 * widget.margin() - max(0, widget.indent())
            elif isinstance(widget, QAbstractButton):
                # The style's padding around a push button's text, or a check box's indicator and spacing.
                text = without_mnemonic(widget.text())
                room = widget.width() - (22 if isinstance(widget, QCheckBox) else 12)
            else:
                continue
            if not text or "\n" in text:
                continue
            need = widget.fontMetrics().horizontalAdvance(text)
            if need > room:
                found.append(f"{widget.objectName() or type(widget).__name__}: {text!r} needs {need}px, has {room}px")
        return found

    def _dismiss_unsaved_dialog(self) -> None:
        # Closing with unsaved changes asks first; in these stories the learner always says "Discard".
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox) and dialog.button(QMessageBox.StandardButton.Discard) is not None:
            self._dialogs.append(dialog.text())
            QTest.mouseClick(dialog.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)

    def close_window(self) -> bool:
        """Close the window as a person would, answering "Discard" if asked about unsaved changes."""
        watcher = QTimer()
        watcher.setInterval(50)
        watcher.timeout.connect(self._dismiss_unsaved_dialog)
        watcher.start()
        try:
            closed = self.window.close()
        finally:
            watcher.stop()
        self.obs["unsaved_dialogs"] = list(self._dialogs)
        return bool(closed)

    # ---- the stories -------------------------------------------------------------------------------
    def first_minute(self) -> None:
        session = self.window.session
        self.obs["pretrained_file_exists"] = (ROOT / "resources" / "models" / "small-cnn.dlsb").is_file()
        self.obs["status_message"] = self.window.statusBar().currentMessage()
        self.obs["window_title"] = self.window.windowTitle()
        self.obs["epochs_done"] = session.epochs_done
        start = self.screenshot("start")
        self.obs["canvas_bright_before"] = self.canvas_ink_on_screen(start)
        self.obs["prediction"] = self.draw_seven()
        self.obs["confidence"] = self.find(QLabel, "confidenceLabel").text()
        after = self.screenshot("first-minute")
        self.obs["canvas_bright_after"] = self.canvas_ink_on_screen(after)
        self.obs["clipped_texts"] = self.clipped_texts()
        self.obs["closed"] = self.close_window()

    def geometry_walk(self) -> None:
        """First launch, then each mode by a click on the mode bar, then back to digits: where things are."""
        # The offscreen geometry test's list of what each mode must show whole, so both walks check the same.
        from test_window_geometry import placement_problems

        window = self.window
        screen = window.screen().availableGeometry()
        self.obs["available"] = list(screen.getRect())
        stops = []
        for step in ("start", "rule", "digits", "playground", "digits"):
            if step != "start":
                self.click(window.mode_bar.widgetForAction(window.mode_actions[step]))
                wait_until(lambda step=step: window.mode == step, f"the {step} mode after a click on the mode bar")
            QTest.qWait(200)  # the X server's configure events and the layout after the switch
            frame = window.frameGeometry()
            problems = placement_problems(window, screen)
            stops.append({"step": step, "mode": window.mode, "frame": list(frame.getRect()),
                          "inside": screen.contains(frame), "size": [window.width(), window.height()],
                          "problems": problems})
        self.obs["stops"] = stops
        self.screenshot("geometry-walk")
        self.obs["closed"] = self.close_window()

    def build_and_train(self) -> None:
        import sandbox as sb
        from sandbox.spec import NetworkSpec
        from ui.session import DataSet

        session = self.window.session
        (x, y), (xt, yt) = sb.datasets.digits.load_data()
        session.set_dataset(DataSet.from_uint8("digits", (x[:400], y[:400]), (xt[:100], yt[:100])))

        # Epochs by keyboard: scroll the settings to the box (a short dock scrolls), click into it, select all,
        # type 1, Enter.
        epochs = self.find(QWidget, "epochsSpin")
        self.scroll_to(epochs)
        self.click(epochs)
        QTest.keyClick(epochs, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(epochs, "1")
        QTest.keyClick(epochs, Qt.Key.Key_Return)
        self.obs["epochs"] = session.training.epochs

        # The logistic preset from the combo's real popup list.
        combo = self.find(QWidget, "presetCombo")
        self.click(combo)
        view = combo.view()
        wait_until(lambda: view.isVisible(), "the preset list to open")
        QTest.qWaitForWindowExposed(view.window(), 5000)
        # The list ignores a release within a double-click interval of opening (press-drag-release on
        # the combo): a person's second click comes later than that.
        QTest.qWait(QApplication.doubleClickInterval() + 100)
        row = combo.findData("logistic")
        item_rect = view.visualRect(view.model().index(row, 0))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         item_rect.center())
        wait_until(lambda: not view.isVisible(), "the preset list to close")
        self.obs["after_preset"] = [layer.class_name for layer in session.network.layers]
        self.obs["preset_is_logistic"] = session.network == NetworkSpec.from_preset("logistic")

        # Select the input row, then add Conv2D and MaxPooling2D in front of Flatten from the palette.
        tree = self.find(QWidget, "layerStack")
        input_rect = tree.visualItemRect(tree.topLevelItem(0))
        self.click(tree.viewport(), input_rect.center())
        self.click(self.find(QWidget, "addConv2DButton"))
        self.click(self.find(QWidget, "addMaxPooling2DButton"))
        self.obs["built"] = [layer.class_name for layer in session.network.layers]
        self.obs["stack_rows_built"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        self.obs["network_error"] = None if session.network_error() is None else str(session.network_error())

        # Train one epoch with the Train button and wait for the run to end.
        ended: list[str] = []
        session.trainingEnded.connect(lambda result: ended.append(result.reason))
        train_started = time.perf_counter()
        self.click(self.find(QWidget, "trainButton"))
        self.obs["training_started"] = session.is_training() or bool(ended)
        wait_until(lambda: ended, "the end of training")
        self.obs["training_seconds"] = round(time.perf_counter() - train_started, 2)
        self.obs["training_reason"] = ended[0]
        self.obs["epochs_done"] = session.epochs_done
        loss_panel = self.window.loss_panel
        # The plot takes points at its next frame, not at once.
        wait_until(lambda: all(len(loss_panel.current_curves()[key][0]) > 0 for key in ("batch_loss", "loss")),
                   "the batch and epoch losses on the plot")
        curves = loss_panel.current_curves()
        self.obs["loss_points"] = {key: len(xy[0]) for key, xy in curves.items()}
        self.obs["last_batch_loss"] = float(curves["batch_loss"][1][-1])

        self.obs["prediction"] = self.draw_seven()
        self.screenshot("trained")

        # Ctrl+Z on the window takes the last edit (Add MaxPooling2D) back.
        self.click(tree.viewport(), input_rect.center())  # focus on the stack, not a text field
        if not self.window.isActiveWindow():
            self.window.activateWindow()
            QTest.qWaitForWindowActive(self.window, 5000)
        self.obs["window_active"] = self.window.isActiveWindow()
        QTest.keyClick(self.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        wait_until(lambda: len(session.network.layers) != len(self.obs["built"]), "Ctrl+Z to undo", 5.0)
        QTest.qWait(50)
        self.obs["after_undo"] = [layer.class_name for layer in session.network.layers]
        self.obs["stack_rows_after_undo"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        self.obs["closed"] = self.close_window()

    def close_while_training(self) -> None:
        session = self.window.session
        session.update_training("epochs", 200)  # far longer than the story lasts
        batches: list[int] = []
        session.batchesReceived.connect(lambda records: batches.append(len(records)))
        self.click(self.find(QWidget, "trainButton"))
        wait_until(lambda: sum(batches) >= 3, "the first training batches")
        self.obs["batches_before_close"] = sum(batches)
        self.obs["training_at_close"] = session.is_training()
        self.obs["closed"] = self.close_window()
        self.obs["training_after_close"] = session.is_training()
        self.obs["window_visible_after_close"] = self.window.isVisible()

    def korean(self) -> None:
        import resources

        qm = Path(resources.path("i18n", "dl_sandbox_ko.qm"))
        self.obs["qm_path"] = str(qm)
        self.obs["qm_exists"] = qm.is_file()
        self.obs["prediction_en"] = self.draw_seven()
        self.window.set_language("ko")
        self.obs["language"] = self.window.translators.language
        QTest.qWait(300)  # the panels are rebuilt in Korean; let them lay out and paint
        menus = [self.window.file_menu, self.window.edit_menu, self.window.train_menu, self.window.view_menu,
                 self.window.help_menu]
        self.obs["window_title"] = self.window.windowTitle()
        self.obs["menu_titles"] = [menu.title() for menu in menus]
        self.obs["title_has_hangul"] = has_hangul(self.window.windowTitle())
        self.obs["menus_with_hangul"] = sum(has_hangul(menu.title()) for menu in menus)
        info = self.window.info_bar
        self.obs["info_bar"] = info.label.text() if info.isVisible() else ""
        # the rebuilt canvas predicts from a timer once the Korean panels are laid out: wait for it
        wait_until(lambda: self.find(QLabel, "predictionLabel").text() != "", "the prediction after the switch")
        self.obs["prediction_after_switch"] = self.find(QLabel, "predictionLabel").text()
        self.screenshot("korean")
        self.obs["clipped_texts"] = self.clipped_texts()
        # every mode in Korean, as a Korean learner meets it (the README shows these)
        for mode in ("rule", "playground"):
            self.window.set_mode(mode)
            QTest.qWait(400)
            page = self.window.mode_widgets[mode]
            self.obs[f"{mode}_hangul_labels"] = sum(has_hangul(label.text()) for label in page.findChildren(QLabel))
            self.screenshot(f"korean-{mode}")
        self.window.set_mode("digits")
        self.obs["closed"] = self.close_window()

    def show_dock(self, title: str) -> None:
        """Click the tab of a tabified dock, as a person brings it to the front."""
        for bar in self.window.findChildren(QTabBar):
            for i in range(bar.count()):
                if bar.isVisible() and without_mnemonic(bar.tabText(i)) == title:
                    self.click(bar, bar.tabRect(i).center())
                    QTest.qWait(100)
                    return
        raise StoryError(f"no dock tab titled {title!r}")

    def train_by_clicking(self) -> str:
        """Press Train and wait for the run to end; returns its end reason."""
        ended: list[str] = []
        session = self.window.session
        session.trainingEnded.connect(lambda result: ended.append(result.reason))
        self.click(self.find(QWidget, "trainButton"))
        wait_until(lambda: ended, "the end of training")
        return ended[0]

    def inside_the_network(self) -> None:
        import sandbox as sb
        from ui.session import DataSet

        session = self.window.session
        self.obs["prediction"] = self.draw_seven()
        self.inside_layers()

        # Two short runs of the MLP preset, with two learning rates, then compare them.
        (x, y), (xt, yt) = sb.datasets.digits.load_data()
        session.set_dataset(DataSet.from_uint8("digits", (x[:1500], y[:1500]), (xt[:300], yt[:300])))
        session.load_preset("mlp")
        session.update_training("epochs", 3)
        rates = (0.001, 0.05)
        self.obs["run_reasons"] = []
        for rate in rates:
            session.update_training("learning_rate", rate)
            session.reset_weights()
            self.obs["run_reasons"].append(self.train_by_clicking())
        self.show_dock("Runs")
        table = self.find(QWidget, "runsTable")
        wait_until(lambda: table.rowCount() == len(rates), "a row per run")
        cells = [[table.item(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]
        self.obs["run_rows"] = [[item.text() if item else "" for item in row] for row in cells]
        self.obs["runs_val_accuracy"] = [run.final("val_accuracy") for run in session.runs]
        self.obs["history_val_accuracy"] = session.history.get("val_accuracy", [None])[-1]
        self.screenshot("runs")

        # Health after the runs: histograms of the last model and the warnings list.
        self.show_dock("Health")
        health = self.window.health_panel
        wait_until(lambda: health.snapshots, "a health snapshot")
        # The probe of the final weights comes after those taken while training, later on a loaded machine: the
        # warning about the units the run at 0.05 killed appears once that probe is in.
        warnings = health.warnings
        wait_until(lambda: any("never fire" in warnings.item(i).text() for i in range(warnings.count())),
                   "the Health dock's warning about units that never fire")
        QTest.qWait(200)
        self.obs["health_side_by_side"] = health.is_side_by_side()
        self.obs["health_warnings"] = [health.warnings.item(i).text() for i in range(health.warnings.count())]
        self.screenshot("health")
        self.obs["closed"] = self.close_window()

    def inside_layers(self) -> None:
        """The drawn 7 in the Inside-the-network dock: click the strongest map of the last conv layer, switch it off."""
        from sandbox.inspect_forward import edited_accuracy, predict_edited

        session = self.window.session
        self.show_dock("Inside the network")
        panel = self.window.layers_view_panel
        wait_until(lambda: panel.accuracy is not None, "the test accuracy in the layers view")
        self.obs["layers_left_to_right"] = panel.left_to_right
        last_conv = max(i for i, layer in enumerate(session.model.layers) if type(layer).__name__ == "Conv2D")
        conv = panel.layer_map(last_conv)
        strongest = int(np.argmax(conv.values.reshape(-1, conv.values.shape[-1]).sum(axis=0)))
        self.click(conv, conv.point_of(strongest, 3, 3))
        self.obs["selected_unit"] = list(panel.selected_unit or ())
        self.click(self.find(QWidget, "unitSwitchOffButton"))
        edits = {(last_conv, strongest): 0.0}
        self.obs["edits_match"] = panel.edits == edits
        image = self.window.canvas_panel.network_input()
        expected = predict_edited(session.model, image.reshape(1, 28, 28, 1), edits)[0]
        self.obs["shown_matches_engine"] = bool(np.allclose(panel.shown_output(), expected, atol=1e-6))
        label = self.find(QLabel, "editedAccuracyLabel")
        wait_until(lambda: "With the edits" in label.text(), "the edited test accuracy")
        self.obs["accuracy"] = list(panel.accuracy)
        data = session.dataset
        self.obs["engine_accuracy"] = [edited_accuracy(session.model, data.x_test, data.y_test, e) for e in ({}, edits)]
        self.obs["prediction_text"] = self.find(QLabel, "editedPredictionLabel").text()
        self.screenshot("inside")

    # ---- running -----------------------------------------------------------------------------------
    def run(self) -> None:
        """Wait for the real window, run the story, and never leave the app running after a failure."""
        try:
            self.window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
            self.obs["platform"] = QGuiApplication.platformName()
            exposed = QTest.qWaitForWindowExposed(self.window, 20000)
            self.obs["exposed"] = exposed
            self.obs["exposed_after_s"] = round(time.perf_counter() - STARTED, 2)
            if not exposed:
                raise StoryError("the window was not exposed within 20 s")
            self.window.activateWindow()
            self.obs["active"] = QTest.qWaitForWindowActive(self.window, 5000)
            self.obs["window_geometry"] = list(self.window.frameGeometry().getRect())
            self.obs["screen_size"] = list(self.window.screen().size().toTuple())
            getattr(self, self.name)()
            self.obs["ok"] = True
        except Exception as exc:  # report every failure as data; the test shows it
            self.failed = True
            self.obs["error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
            if self.window is not None:
                try:
                    self.screenshot("failure")
                except Exception:  # a broken screen must not hide the first error
                    traceback.print_exc()
        finally:
            if self.window is not None and self.window.isVisible():
                self.window.session.shutdown()
                self.close_window()
            QApplication.quit()


STORIES = ("first_minute", "build_and_train", "close_while_training", "korean", "inside_the_network",
           "geometry_walk")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in STORIES:
        print(f"usage: {argv[0]} {{{','.join(STORIES)}}} SHOT_DIR", file=sys.stderr)
        return 2
    shot_dir = Path(argv[2])
    shot_dir.mkdir(parents=True, exist_ok=True)
    # The user's real settings, autosave and drawings are never touched (the test also isolates HOME).
    QStandardPaths.setTestModeEnabled(True)

    from ui import app
    from ui.main_window import MainWindow

    story = Story(argv[1], shot_dir)
    show = MainWindow.show

    def show_and_start(window: MainWindow) -> None:
        # The story starts from the app's own event loop, right after the app shows its window.
        show(window)
        QTimer.singleShot(0, story.run)

    MainWindow.show = show_and_start
    exit_code = app.main([])
    story.obs["exit_code"] = exit_code
    story.obs["seconds"] = round(time.perf_counter() - STARTED, 2)
    print(RESULT_PREFIX + json.dumps(story.obs), flush=True)
    return 1 if story.failed else exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
