"""The backward pass, one example at a time: forward, loss, p − y, back through the layers, the optimizer's step.

All numbers come from :mod:`sandbox.inspect_backward` (the engine's own forward and backward on a float64
copy of the session's model); this panel only lays them out, five steps one after another.

A trace of the small CNN takes 3 ms and stays on the GUI thread, so every stroke shows its step at once; a
network of more than :data:`SYNC_TRACE_WEIGHTS` weights is traced in a :class:`~ui.background.BackgroundLane`
(0.14–0.3 s for Dense 4096 → 4096), as Verify always is (ten weights nudged up and down: 0.7 s there). Both work
on a copy of the model taken when asked for, and a newer request supersedes an older one.

The panel opens on the test digit the network finds hardest among the first :data:`HARDEST_POOL` (found by
:func:`~sandbox.inspect_backward.hardest_example` in a third lane, 27 ms for the small CNN): a digit the
network is sure of has all-zero gradients under Keras's clipping and would teach nothing. It looks again
whenever the network changes, until the learner picks a digit of their own.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.inspect_backward import BackwardTrace, hardest_example, optimizer_step, trace_example, verify

from ..background import BackgroundLane, Job
from ..session import Session
from .pickers import fill_weighted_layers
from .room import RoomWatcher, is_wide, room

STEPS = 5
#: Networks up to this many weights are traced on the GUI thread (about 7 ms per million weights, measured);
#: bigger ones in a background lane, so that a stroke on the canvas never waits for them.
SYNC_TRACE_WEIGHTS = 1_000_000
#: The panel opens on the hardest of this many first test digits (searched off the GUI thread).
HARDEST_POOL = 500
_REFRESH_MS = 1500  # weightsChanged fires several times a second while training
_FIRST_ENTRIES = 5  # rows of the optimizer table
_TOLERANCE = 1e-6
_NO_LIMIT = 16777215  # QWIDGETSIZE_MAX
_WIDE_MIN_WIDTH = 1250  # below this, four columns would be too narrow: one column even in a wide, short dock


def _heatmap(a: np.ndarray, scale: int) -> QPixmap:
    """A blue (negative) / white / red (positive) picture of a 2-D float array, symmetric around 0; NaN is grey."""
    a = np.asarray(a, np.float64)
    gaps = np.isnan(a)
    top = float(np.nanmax(np.abs(a), initial=0.0)) or 1.0
    t = np.clip(np.nan_to_num(a) / top, -1.0, 1.0)
    pos, neg = np.clip(t, 0, 1), np.clip(-t, 0, 1)
    rgb = np.empty((*a.shape, 3), np.uint8)
    rgb[..., 0] = (255 * (1 - neg)).astype(np.uint8)
    rgb[..., 1] = (255 * (1 - np.maximum(pos, neg))).astype(np.uint8)
    rgb[..., 2] = (255 * (1 - pos)).astype(np.uint8)
    rgb[gaps] = 160
    h, w = a.shape
    image = QImage(np.ascontiguousarray(rgb).tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image.scaled(w * scale, h * scale, Qt.AspectRatioMode.IgnoreAspectRatio,
                                          Qt.TransformationMode.FastTransformation))


def _tiles(kernels: np.ndarray, gap: int = 1) -> np.ndarray:
    """Lay (n, kh, kw) small arrays side by side in rows of up to 8, separated by NaN (grey) gaps."""
    n, kh, kw = kernels.shape
    cols = min(n, 8)
    rows = -(-n // cols)
    out = np.full((rows * (kh + gap) - gap, cols * (kw + gap) - gap), np.nan)
    for i in range(n):
        r, c = divmod(i, cols)
        out[r * (kh + gap):r * (kh + gap) + kh, c * (kw + gap):c * (kw + gap) + kw] = kernels[i]
    return out


class BackwardPanel(QWidget):
    """Step through one example's forward and backward pass and one optimizer step.

    Reads ``session.model``, ``session.dataset`` (x_test float32 (N, 28, 28, 1), y_test) and
    ``session.training``; never changes the model. The main window should connect the canvas panel's
    ``networkInputChanged(object)`` to :meth:`set_drawing`.
    """

    #: Verify's result: the layer's name, how many weights were nudged, the largest relative error and the
    #: tolerance below which the numbers count as matching.
    verified = Signal(str, int, float, float)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backwardPanel")
        self.session = session
        self._drawing: np.ndarray | None = None
        self._test_index = 0
        # Why this test digit is shown: "hardest" (found by the search), "random" (Another digit) or
        # "first" (test digit 0, while the search runs or when there is nothing to search).
        self._chosen_by = "first"
        self._auto_pick = True  # look for the hardest digit again after a change, until the learner picks one
        self._searched_labels: np.ndarray | None = None  # the test labels the last search looked at
        self._rng = np.random.default_rng()
        self._trace: BackwardTrace | None = None
        self._step = 1
        self._trace_lane = BackgroundLane("backward-trace", self)
        self._trace_lane.finished.connect(self._on_traced)
        self._trace_lane.failed.connect(self._on_failed)
        self._verify_lane = BackgroundLane("backward-verify", self)
        self._verify_lane.finished.connect(self._on_verified)
        self._verify_lane.failed.connect(self._on_failed)
        self._hardest_lane = BackgroundLane("backward-hardest", self)
        self._hardest_lane.finished.connect(self._on_hardest_found)
        self._hardest_lane.failed.connect(self._on_hardest_failed)
        app = QCoreApplication.instance()
        if app is not None:  # no thread of this panel may outlive the application
            app.aboutToQuit.connect(self.shutdown)

        self.example_combo = QComboBox()
        self.example_combo.setObjectName("backwardExampleCombo")
        self.example_combo.addItem(self.tr("The drawing"), "drawing")
        self.example_combo.addItem(self.tr("A test digit"), "test")
        self.example_combo.setCurrentIndex(1)
        self.example_combo.setAccessibleName(self.tr("Example"))
        self.example_combo.setToolTip(self.tr("Which single example to send through the network"))
        self.pick_button = QPushButton(self.tr("Another digit"))
        self.pick_button.setObjectName("backwardPickButton")
        self.pick_button.setAccessibleName(self.tr("Pick another test digit"))
        self.pick_button.setToolTip(self.tr("Pick another random digit from the test set"))
        self.label_spin = QSpinBox()
        self.label_spin.setObjectName("backwardLabelSpin")
        self.label_spin.setRange(0, 9)
        self.label_spin.setAccessibleName(self.tr("True digit of the drawing"))
        self.label_spin.setToolTip(self.tr("The digit you meant to draw: the loss compares the answer with it"))
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("backwardLayerCombo")
        self.layer_combo.setAccessibleName(self.tr("Layer"))
        self.layer_combo.setToolTip(self.tr("The layer whose weight gradients and update are shown"))
        self.unit_spin = QSpinBox()
        self.unit_spin.setObjectName("backwardUnitSpin")
        self.unit_spin.setAccessibleName(self.tr("Unit"))
        self.unit_spin.setToolTip(self.tr("Which output unit (or filter) of the layer to look at"))

        self.input_image = QLabel()
        self.input_image.setObjectName("backwardInputImage")
        self.input_image.setAccessibleName(self.tr("The example"))
        self.input_image.setToolTip(self.tr("The example sent through the network"))
        self.input_image.setFixedSize(56, 56)
        example_row = QHBoxLayout()
        example_row.addWidget(self.example_combo, 1)
        example_row.addWidget(self.pick_button)
        form = QFormLayout()
        example_label = QLabel(self.tr("Example:"))
        example_label.setBuddy(self.example_combo)
        form.addRow(example_label, example_row)
        truth_label = QLabel(self.tr("True digit:"))
        truth_label.setBuddy(self.label_spin)
        form.addRow(truth_label, self.label_spin)
        layer_label = QLabel(self.tr("Layer:"))
        layer_label.setBuddy(self.layer_combo)
        layer_row = QHBoxLayout()
        layer_row.addWidget(self.layer_combo, 1)
        unit_label = QLabel(self.tr("Unit:"))
        unit_label.setBuddy(self.unit_spin)
        layer_row.addWidget(unit_label)
        layer_row.addWidget(self.unit_spin)
        form.addRow(layer_label, layer_row)

        self.step_label = QLabel()
        self.step_label.setObjectName("backwardStepLabel")
        self.step_label.setWordWrap(True)
        self.step_label.setAccessibleName(self.tr("Current step"))
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.setObjectName("backwardNextButton")
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setToolTip(self.tr("Go to the next step of the pass"))
        # Next sits under the example's fixed-size picture, left of the step's text: neither the text's length
        # nor the width a stage's table claims can move it, so the learner clicks through all five stages
        # without chasing the button (at the text's right end it jumped by up to 300 px between stages).
        step_side = QVBoxLayout()
        step_side.addWidget(self.input_image, 0, Qt.AlignmentFlag.AlignLeft)
        step_side.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        step_side.addStretch(1)
        step_row = QHBoxLayout()
        step_row.addLayout(step_side)
        step_row.addWidget(self.step_label, 1, Qt.AlignmentFlag.AlignTop)

        self.table = QTableWidget()
        self.table.setObjectName("backwardTable")
        self.table.setAccessibleName(self.tr("Numbers of this step"))
        self.table.setToolTip(self.tr("The numbers this step computed"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.image_label = QLabel()
        self.image_label.setObjectName("backwardImage")
        self.image_label.setAccessibleName(self.tr("Weight gradient picture"))
        self.image_label.setToolTip(self.tr("dL/dW: red pushes the weight down, blue pushes it up"))
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_table = QTableWidget()
        self.detail_table.setObjectName("backwardDetailTable")
        self.detail_table.setAccessibleName(self.tr("Bias gradient"))
        self.detail_table.setToolTip(self.tr("dL/db, one number per unit"))
        self.detail_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.detail_table.verticalHeader().setVisible(False)

        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setObjectName("backwardVerifyButton")
        self.verify_button.setAccessibleName(self.tr("Verify the gradient"))
        self.verify_button.setToolTip(self.tr("Nudge ten weights up and down and compare the slope with dL/dW"))
        self.verify_label = QLabel()
        self.verify_label.setObjectName("backwardVerifyLabel")
        self.verify_label.setWordWrap(True)
        self.verify_table = QTableWidget()
        self.verify_table.setObjectName("backwardVerifyTable")
        self.verify_table.setAccessibleName(self.tr("Gradient check"))
        self.verify_table.setToolTip(self.tr("Back-propagated slope against the slope measured by nudging"))
        self.verify_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verify_table.verticalHeader().setVisible(False)
        self.verify_table.hide()
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_label, 1)

        self._example_box = QWidget()  # the example and the step's text: one widget, so it can change places
        example_layout = QVBoxLayout(self._example_box)
        example_layout.setContentsMargins(0, 0, 0, 0)
        example_layout.addLayout(form)
        example_layout.addLayout(step_row)
        self._pictures = QWidget()  # one widget, so that hiding it gives its room back to the table
        pictures = QHBoxLayout(self._pictures)
        pictures.setContentsMargins(0, 0, 0, 0)
        pictures.addWidget(self.image_label, 1)
        pictures.addWidget(self.detail_table)
        self.detail_table.setMaximumWidth(220)
        self._verify_bar = QWidget()
        self._verify_bar.setLayout(verify_row)
        verify_row.setContentsMargins(0, 0, 0, 0)

        # One column in a tall dock; in a wide, short one (the bottom dock area) four columns side by side:
        # example and text | the step's table | its pictures | the gradient check. _choose_layout moves the
        # same widgets between the two, so nothing is recomputed and the step and example stay.
        self._parts = ((self._example_box, 0), (self.table, 1), (self._pictures, 3), (self._verify_bar, 0),
                       (self.verify_table, 1))
        self._column = QVBoxLayout()
        for widget, stretch in self._parts:
            self._column.addWidget(widget, stretch)
        self._row = QHBoxLayout()
        self._example_holder = QVBoxLayout()
        self._example_holder.addStretch(1)  # keeps the example and the text at the top of their column
        self._verify_holder = QVBoxLayout()
        self._verify_holder.addStretch(0)  # the same for the Verify button until the table shows
        self._row.addLayout(self._example_holder, 3)
        self._row.addLayout(self._verify_holder, 3)  # the table and the pictures go between these two
        self.wide = False
        for table in (self.table, self.detail_table, self.verify_table):
            # Rows a line high rather than Qt's roomy default: all ten digits fit in a short bottom dock.
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        layout = QVBoxLayout(self)
        layout.addLayout(self._column, 1)
        layout.addLayout(self._row, 0)
        self._room = RoomWatcher(self, self._choose_layout)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)

        self.example_combo.currentIndexChanged.connect(self._on_example_changed)
        self.pick_button.clicked.connect(self.pick_test_digit)
        self.label_spin.valueChanged.connect(self._on_label_changed)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_changed)
        self.unit_spin.valueChanged.connect(self._show_step)
        self.next_button.clicked.connect(self.next_step)
        self.verify_button.clicked.connect(self.run_verify)
        session.modelChanged.connect(self._on_model_changed)
        session.weightsChanged.connect(self._on_weights_changed)
        session.datasetChanged.connect(self._on_dataset_changed)
        self._on_model_changed()

    # ---- the room's shape --------------------------------------------------------------------------
    def _choose_layout(self) -> None:
        wide = is_wide(self) and room(self).width() >= _WIDE_MIN_WIDTH
        if wide == self.wide:
            return
        self.wide = wide
        # Every widget keeps this panel as its parent, so moving it between layouts neither hides it nor takes
        # its focus; inserting a widget takes it out of the layout it was in.
        self.setUpdatesEnabled(False)  # no frame with half the widgets moved
        if wide:
            self._example_holder.insertWidget(0, self._example_box)
            self._row.insertWidget(1, self.table, 4)
            self._row.insertWidget(2, self._pictures, 0)  # as wide as its picture and the dL/db table
            self._verify_holder.insertWidget(0, self._verify_bar)
            self._verify_holder.insertWidget(1, self.verify_table, 1)
        else:
            for i, (widget, stretch) in enumerate(self._parts):
                self._column.insertWidget(i, widget, stretch)
        self.layout().setStretchFactor(self._column, 0 if wide else 1)  # the empty one gets no room
        self.layout().setStretchFactor(self._row, 1 if wide else 0)
        for table in (self.table, self.verify_table):
            self._fit_width(table)
        self.setUpdatesEnabled(True)

    # ---- public ----------------------------------------------------------------------------------
    def set_drawing(self, image28: np.ndarray | None) -> None:
        """Use the canvas's network input (float32 (28, 28), 0…1; None when the canvas is cleared)."""
        self._drawing = None if image28 is None else np.asarray(image28, np.float32).reshape(28, 28).copy()
        if self.example_combo.currentData() == "drawing":
            self._retrace()

    def pick_test_digit(self) -> None:
        """Switch to a random test digit."""
        n = len(self.session.dataset.y_test)
        self._auto_pick = False  # the learner chose: a search finishing later must not take the digit away
        self._hardest_lane.cancel()
        self._chosen_by = "random"
        self._test_index = int(self._rng.integers(n)) if n else 0
        if self.example_combo.currentData() != "test":
            self.example_combo.setCurrentIndex(self.example_combo.findData("test"))  # retraces
        else:
            self._retrace()

    def next_step(self) -> None:
        """Show the next step (after the fifth, start again at the first)."""
        self._step = self._step % STEPS + 1
        self._show_step()

    @property
    def step(self) -> int:
        """The step shown, 1…5."""
        return self._step

    @property
    def trace(self) -> BackwardTrace | None:
        """The engine's trace of the example shown (None without a model or example)."""
        return self._trace

    @property
    def reason(self) -> str:
        """Why this example is shown, with its loss once traced ("" for the drawing); step 1 starts with it."""
        trace = self._trace
        if self.example_combo.currentData() != "test":
            return ""
        if self._chosen_by == "hardest" and trace is not None:
            return self.tr("The test image the network finds hardest (of the first {0}): loss {1:.2g}.").format(
                min(HARDEST_POOL, len(self.session.dataset.y_test)), trace.loss)
        if self._chosen_by == "random" and trace is not None:
            return self.tr("A random test digit: loss {0:.2g}.").format(trace.loss)
        if self._hardest_lane.busy:
            return self.tr("Looking for the test digit the network finds hardest…")
        return ""

    @property
    def busy(self) -> bool:
        """A trace or a gradient check is being computed off the GUI thread."""
        return self._trace_lane.busy or self._verify_lane.busy or self._hardest_lane.busy

    def shutdown(self) -> None:
        """Cancel this panel's background work and wait for it (before the application quits)."""
        self._trace_lane.shutdown()
        self._verify_lane.shutdown()
        self._hardest_lane.shutdown()

    def run_verify(self) -> None:
        """Compare dL/dW of ten weights of the chosen layer with central differences, off the GUI thread."""
        example = self._example()
        layer = self.layer_combo.currentData()
        if example is None or layer is None or self.session.model is None:
            return
        self.verify_table.hide()
        self.verify_label.setText(self.tr("Nudging ten weights…"))
        # A copy: the session's weights change in place while training, and the check runs for a while.
        self._verify_lane.submit(_verify_job, self.session.model.copy(), example[0], example[1], layer)

    def _on_verified(self, rows: list[tuple[int, float, float, float]], _job: Job) -> None:
        self.verify_table.setColumnCount(4)
        self.verify_table.setHorizontalHeaderLabels(
            [self.tr("Weight"), self.tr("Back-propagated"), self.tr("Nudged"), self.tr("Relative error")])
        self.verify_table.setRowCount(len(rows))
        for r, (index, analytic, numeric, error) in enumerate(rows):
            for c, text in enumerate((str(index), f"{analytic:.6g}", f"{numeric:.6g}", f"{error:.1e}")):
                self.verify_table.setItem(r, c, QTableWidgetItem(text))
        self._fit_width(self.verify_table)
        self.verify_table.show()
        worst = max((row[3] for row in rows), default=0.0)
        if worst < _TOLERANCE:
            self.verify_label.setText(self.tr("The numbers match: every relative error is below 1e-6."))
        else:
            self.verify_label.setText(self.tr("Largest relative error {0:.1e}: the numbers do not match.")
                                      .format(worst))
        self.verified.emit(self.layer_combo.currentText(), len(rows), float(worst), _TOLERANCE)

    # ---- reacting to the session -----------------------------------------------------------------
    def _on_model_changed(self) -> None:
        fill_weighted_layers(self.layer_combo, self.session.model, default_last=True)
        self._update_unit_range()
        self._find_hardest()
        self._retrace()

    def _find_hardest(self) -> None:
        """Look for the test digit with the largest loss off the GUI thread (unless the learner picked one)."""
        if not self._auto_pick:
            return
        self._hardest_lane.cancel()
        data, model = self.session.dataset, self.session.model
        if model is None or not len(data.y_test):
            return
        self._searched_labels = data.y_test
        # A copy: the session's weights change in place while training. Slices of the test set are views.
        self._hardest_lane.submit(_hardest_job, model.copy(), data.x_test[:HARDEST_POOL],
                                  data.y_test[:HARDEST_POOL], self.session.training.build_loss())

    def _on_hardest_found(self, result: tuple[int, float], _job: Job) -> None:
        if not self._auto_pick or self._searched_labels is not self.session.dataset.y_test:
            return  # the learner picked a digit, or the search looked at test digits that are gone
        self._test_index, self._chosen_by = result[0], "hardest"
        if self.example_combo.currentData() == "test":
            self._retrace()

    def _on_hardest_failed(self, error: BaseException, job: Job) -> None:
        if not isinstance(error, sb.SandboxError):
            self._on_failed(error, job)
        # else: the network cannot score the test digits (e.g. fewer outputs than classes); stay on digit 0,
        # whose trace meets the same problem where the learner is looking

    def _on_dataset_changed(self) -> None:
        if self._test_index >= len(self.session.dataset.y_test):
            self._test_index, self._chosen_by = 0, "first"
        self._find_hardest()
        self._retrace()

    def _on_weights_changed(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self._retrace(keep_step=True)

    def _on_example_changed(self) -> None:
        self.label_spin.setEnabled(self.example_combo.currentData() == "drawing")
        self._retrace()

    def _on_label_changed(self, _digit: int) -> None:
        self._retrace()

    def _on_layer_changed(self) -> None:
        self._update_unit_range()
        self.verify_table.hide()
        self.verify_label.clear()
        self._show_step()

    def _update_unit_range(self) -> None:
        layer = self._layer()
        units = layer.params["kernel"].shape[-1] if layer is not None else 1
        self.unit_spin.setRange(0, max(units - 1, 0))

    # ---- computing -------------------------------------------------------------------------------
    def _layer(self):
        name = self.layer_combo.currentData()
        if name is None or self.session.model is None:
            return None
        return self.session.model.get_layer(name)

    def _example(self) -> tuple[np.ndarray, int] | None:
        if self.example_combo.currentData() == "drawing":
            if self._drawing is None:
                return None
            return self._drawing, self.label_spin.value()
        data = self.session.dataset
        if not len(data.y_test):
            return None
        return data.x_test[self._test_index], int(data.y_test[self._test_index])

    def _on_traced(self, trace: BackwardTrace, _job: Job) -> None:
        self._trace = trace
        self._show_step()

    def _on_failed(self, error: BaseException, _job: Job) -> None:
        raise error  # the GUI-thread trace would have raised the same: a bug to be seen, not hidden

    def _retrace(self, *, keep_step: bool = False) -> None:
        example = self._example()
        model = self.session.model
        self._trace_lane.cancel()  # whatever it was tracing is no longer shown
        if not keep_step:
            self._verify_lane.cancel()
        if example is None or model is None:
            self._trace = None
        elif model.count_params() <= SYNC_TRACE_WEIGHTS:
            self._trace = trace_example(model, example[0], example[1], self.session.training.build_loss())
        else:
            if not keep_step:  # a new example or network: the old trace would show the wrong numbers meanwhile
                self._trace = None
            # The example's array is never changed in place (a new drawing is a new array): no copy needed.
            self._trace_lane.submit(_trace_job, model.copy(), example[0], example[1],
                                    self.session.training.build_loss())
        if example is not None and self.example_combo.currentData() == "test":
            self.label_spin.blockSignals(True)  # show the test digit's own label; no retrace needed
            self.label_spin.setValue(example[1])
            self.label_spin.blockSignals(False)
        self._show_input(example)
        if not keep_step:
            self._step = 1
            self.verify_table.hide()
            self.verify_label.clear()
        self._show_step()

    # ---- showing ---------------------------------------------------------------------------------
    def _show_input(self, example: tuple[np.ndarray, int] | None) -> None:
        if example is None:
            self.input_image.clear()
            return
        pixels = (np.clip(np.asarray(example[0]).reshape(28, 28), 0, 1) * 255).astype(np.uint8)
        image = QImage(pixels.tobytes(), 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.input_image.setPixmap(QPixmap.fromImage(image.scaled(56, 56)))

    def _fill(self, table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        self._fit_width(table)

    def _fit_width(self, table: QTableWidget) -> None:
        """Size the columns to their contents; side by side, make the table no wider than they are."""
        table.resizeColumnsToContents()
        # A few narrow columns in a wide table leave an empty box; the other columns can use the room.
        table.setMaximumWidth(table.horizontalHeader().length() + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width() if self.wide else _NO_LIMIT)

    def _show_step(self) -> None:
        self.image_label.clear()
        self._pictures.hide()
        self.detail_table.hide()
        self.verify_button.setEnabled(self._trace is not None and self.layer_combo.count() > 0)
        self.next_button.setEnabled(self._trace is not None)
        trace = self._trace
        self.input_image.setToolTip(self.reason or self.tr("The example sent through the network"))
        if trace is None:
            self.step_label.setText(self.tr("Draw a digit or pick a test digit to follow it through the network."))
            self._fill(self.table, [], [])
            return
        [self._show_forward, self._show_loss, self._show_p_minus_y, self._show_backward,
         self._show_optimizer][self._step - 1](trace)

    def _show_forward(self, trace: BackwardTrace) -> None:
        text = self.tr("Step 1 of 5 — forward: the digit goes through every layer; each layer's output has a "
                       "shape and a range of values.")
        self.step_label.setText(f"{self.reason}\n{text}" if self.reason else text)
        rows = [[o.name, o.class_name, "×".join(map(str, o.shape)),
                 f"{float(o.array.min()):.3g} … {float(o.array.max()):.3g}"] for o in trace.outputs]
        self._fill(self.table, [self.tr("Layer"), self.tr("Kind"), self.tr("Output shape"), self.tr("Values")], rows)

    def _show_loss(self, trace: BackwardTrace) -> None:
        text = self.tr("Step 2 of 5 — loss: the ten probabilities p against the truth y (1 at digit {0}); "
                       "loss = −log p[{0}] = {1:.4g}.").format(trace.label, trace.loss)
        if trace.regularization:
            text += " " + self.tr("Weight penalties add {0:.4g}.").format(trace.regularization)
        self.step_label.setText(text)
        rows = [[str(k), f"{p:.4f}", f"{y:.0f}"] for k, (p, y) in enumerate(zip(trace.probabilities,
                                                                                  trace.one_hot, strict=True))]
        self._fill(self.table, [self.tr("Digit"), self.tr("p"), self.tr("y")], rows)

    def _show_p_minus_y(self, trace: BackwardTrace) -> None:
        if trace.d_logits is None:
            self.step_label.setText(self.tr("Step 3 of 5 — the last layer is not Dense with softmax, so here is "
                                            "dL/doutput, where back-propagation starts."))
            values = trace.grads[0].d_output.reshape(-1)
        else:
            values = trace.d_logits
            text = self.tr("Step 3 of 5 — dL/dlogits = p − y: softmax and cross-entropy together give this "
                           "simple difference, where back-propagation starts.")
            if not np.any(values):
                text = self.tr("Step 3 of 5 — dL/dlogits is all zero: p[{0}] is so close to 1 that Keras clips it, "
                               "so this example teaches nothing. Pick another digit.").format(trace.label)
            self.step_label.setText(text)
        rows = [[str(k), f"{v:.6g}"] for k, v in enumerate(values)]
        self._fill(self.table, [self.tr("Output"), self.tr("p − y") if trace.d_logits is not None
                                else self.tr("dL/doutput")], rows)

    def _show_backward(self, trace: BackwardTrace) -> None:
        chosen = self.layer_combo.currentData()
        rows = []
        for g in trace.grads:
            # At a softmax ending, dL/dprobabilities (−1/p at the truth, huge for a wrong answer) never reaches
            # the weights on its own: softmax and cross-entropy are differentiated together into p − y.
            d_out = trace.d_logits if g is trace.grads[0] and trace.d_logits is not None else g.d_output
            rows.append([g.name, g.class_name, f"{float(np.linalg.norm(d_out)):.4g}",
                         f"{float(np.linalg.norm(g.d_input)):.4g}"])
            if g.name == chosen:
                break
        self._fill(self.table, [self.tr("Layer"), self.tr("Kind"), self.tr("‖dL/doutput‖"), self.tr("‖dL/dinput‖")],
                   rows)
        grad = trace.grad(chosen)
        kernel = grad.d_weights["kernel"]
        unit = self.unit_spin.value()
        source = self._flattened_from(trace, chosen)
        if kernel.ndim == 2 and source is not None:
            # the inputs are a flattened (h, w, c) picture: show each channel's weights where they look
            column = np.moveaxis(kernel[:, unit].reshape(source), -1, 0)
            picture = column[0] if len(column) == 1 else _tiles(column)
            scale = max(2, min(12, 420 // picture.shape[1], 280 // picture.shape[0]))
            what = self.tr("dL/dW of unit {0}, laid out like its input ({1})").format(unit, "×".join(map(str, source)))
        elif kernel.ndim == 2:
            picture, scale = kernel, max(1, min(8, 320 // max(kernel.shape)))
            what = self.tr("dL/dW as inputs (rows) × units (columns)")
        else:  # Conv2D (kh, kw, cin, cout): one small picture per filter, input channels summed
            picture, scale = _tiles(np.moveaxis(kernel.sum(axis=2), -1, 0)), 12
            what = self.tr("dL/dW of each filter (input channels added up)")
        self.step_label.setText(self.tr("Step 4 of 5 — backward: from the last layer down to {0}, each layer turns "
                                        "dL/doutput into dL/dinput; at {0}: {1}; red > 0, blue < 0 (a step "
                                        "down the slope lowers red weights and raises blue ones).")
                                .format(chosen, what))
        if trace.d_logits is not None:
            self.step_label.setText(self.step_label.text() + " " + self.tr(
                "For {0} (softmax) the first number is ‖p − y‖ from step 3: softmax and cross-entropy are "
                "differentiated together, so the gradient starts at its inputs to softmax.")
                .format(trace.grads[0].name))
        self.image_label.setPixmap(_heatmap(picture, scale))
        self._pictures.show()
        if "bias" in grad.d_weights:
            bias = grad.d_weights["bias"]
            self._fill(self.detail_table, [self.tr("Unit"), self.tr("dL/db")],
                       [[str(k), f"{v:.6g}"] for k, v in enumerate(bias)])
            self.detail_table.show()

    @staticmethod
    def _flattened_from(trace: BackwardTrace, layer_name: str) -> tuple[int, int, int] | None:
        """The (h, w, c) shape a Flatten right before ``layer_name`` laid out, or None."""
        shapes = [trace.x.shape] + [o.shape for o in trace.outputs]
        names = [o.name for o in trace.outputs]
        i = names.index(layer_name)
        if i == 0 or trace.outputs[i - 1].class_name != "Flatten":
            return None
        shape = shapes[i - 1]
        if len(shape) == 2:
            shape = (*shape, 1)
        return tuple(shape) if len(shape) == 3 else None

    def _show_optimizer(self, trace: BackwardTrace) -> None:
        chosen = self.layer_combo.currentData()
        optimizer = self.session.training.build_optimizer()
        step = optimizer_step(self.session.model, trace, chosen, optimizer)
        unit = self.unit_spin.value()
        columns = [("gradient", step.gradient)]
        columns += [(name, state) for name, state in step.state_after.items()]
        columns += [("update", step.update), ("new weight", step.new_weights)]
        headers = [self.tr("Weight"), self.tr("Old")]
        names = {"gradient": self.tr("Gradient"), "update": self.tr("Update"), "new weight": self.tr("New"),
                 "momentum": self.tr("Momentum m"), "velocity": self.tr("Velocity v")}
        headers += [names.get(name, name) for name, _ in columns]
        old = step.old_weights["kernel"][..., unit].reshape(-1)
        # the weights this example moves most: the first ones are often untouched (blank pixels)
        order = np.argsort(-np.abs(step.gradient["kernel"][..., unit].reshape(-1)), kind="stable")
        rows = []
        for i in order[:_FIRST_ENTRIES]:
            row = [self.tr("kernel[{0}]").format(i), f"{old[i]:.6g}"]
            row += [f"{arrays['kernel'][..., unit].reshape(-1)[i]:.4g}" for _, arrays in columns]
            rows.append(row)
        if "bias" in step.old_weights:
            row = [self.tr("bias"), f"{step.old_weights['bias'][unit]:.6g}"]
            row += [f"{arrays['bias'][unit]:.4g}" for _, arrays in columns]
            rows.append(row)
        self._fill(self.table, headers, rows)
        self.step_label.setText(self.tr("Step 5 of 5 — {0} (learning rate {1:g}) would change {2}'s weights with "
                                        "this one example's gradient: unit {3}'s weights with the largest "
                                        "gradient, and its bias (nothing is changed for real).")
                                .format(step.optimizer, step.learning_rate, chosen, unit))


def _trace_job(model: sb.Sequential, x: np.ndarray, label: int, loss: object, *, stop: sb.StopToken) -> BackwardTrace:
    """:func:`~sandbox.inspect_backward.trace_example` of float32 (28, 28[, 1]) ``x``, in a lane's thread."""
    stop.raise_if_stopped()
    return trace_example(model, x, label, loss)


def _hardest_job(model: sb.Sequential, x: np.ndarray, y: np.ndarray, loss: object, *,
                 stop: sb.StopToken) -> tuple[int, float]:
    """:func:`~sandbox.inspect_backward.hardest_example` of the first test digits, in a lane's thread."""
    return hardest_example(model, x, y, loss, stop=stop)


def _verify_job(model: sb.Sequential, x: np.ndarray, label: int, layer: str, *,
                stop: sb.StopToken) -> list[tuple[int, float, float, float]]:
    """:func:`~sandbox.inspect_backward.verify` of ten kernel weights of ``layer``, in a lane's thread."""
    stop.raise_if_stopped()
    return verify(model, x, label, layer, key="kernel", n=10)
