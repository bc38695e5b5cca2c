"""Health over time: each layer's weights and gradients as histograms, ReLU units that never fire, and warnings.

All numbers come from :mod:`sandbox.health`: :func:`~sandbox.health.probe` runs the engine's forward and
backward pass on a copy of the session's model for a fixed batch of training images, and
:func:`~sandbox.health.diagnose` turns the snapshots, the per-epoch history and the recent batches into
findings. This panel only collects them and lays them out.

When snapshots are taken: at every epoch end and when training ends (always, so the series is complete),
at most every :data:`_LIVE_PROBE_S` seconds while training and the panel is visible, and once after the
model changes while idle (deferred until the panel is shown). A probe of the small CNN on 128 images takes
about 30 ms, of a 20 M-weight network several tenths of a second: every probe runs in a
:class:`~ui.background.BackgroundLane` on a copy of the model taken when it was asked for, one after another
(a later probe never replaces an epoch-end one; at most :data:`MAX_WAITING_PROBES` wait, the oldest dropped
first). While training, the session's model holds the worker's latest weight snapshot (a few times a second),
so an epoch-end probe may be a fraction of a second behind the worker. The probe batch is a fixed
random choice of training images (not validation ones), picked once per dataset.

What is kept is bounded: the newest :data:`MAX_SNAPSHOTS` snapshots and :data:`MAX_BATCHES` batches.

What is forgotten: ``modelChanged`` (a new network, reset, open, restore after a divergence, undo of a
network edit) replaces the weights, so the snapshots and the recent batches describe weights that are gone
and are cleared; a new dataset changes the probe batch and clears them too. A new run on the same weights
keeps them, so the histograms show the whole history of these weights.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.health import GRAD_LOG_EDGES, SLOW_WINDOW, Finding, HealthSnapshot, diagnose, pick_probe, probe

from ..background import BackgroundLane, Job
from ..engine_messages import friendly
from ..session import Session
from ..view_state import ViewField
from .pickers import fill_weighted_layers
from .room import RoomWatcher, is_wide

#: Snapshots kept (oldest dropped first): a long run probes every epoch and every 2 s, so the series is bounded.
MAX_SNAPSHOTS = 50
#: Probe requests waiting while one runs, each with its own model copy (80 MB for 20 M weights): the oldest
#: is dropped first, and a newer live probe replaces a waiting live one.
MAX_WAITING_PROBES = 3
#: Snapshots drawn in each histogram: the latest strong, earlier ones fading.
DRAWN_SNAPSHOTS = 8
#: Per-batch losses and gradient norms kept: enough for the slowest rule (slow learning).
MAX_BATCHES = 2 * SLOW_WINDOW
_LIVE_PROBE_S = 2.0  # weightsChanged fires several times a second while training
_REDRAW_MS = 30
_TABLE_ROWS = 6
_MIN_TOP = 10.0  # the count axis reaches at least this high, so an empty plot shows whole numbers, not 0.1 steps
_GRAD_NOTE_X = float(GRAD_LOG_EDGES[0] + GRAD_LOG_EDGES[-1]) / 2  # the middle of the gradient plot's x axis
_WEIGHT_COLOR = QColor(31, 119, 180)
_GRAD_COLOR = QColor(214, 95, 14)


@dataclass
class HealthView:
    """What the Health dock has seen, kept by the window across rebuilds of the panel (see ui.view_state)."""

    snapshots: deque[HealthSnapshot] = field(default_factory=lambda: deque(maxlen=MAX_SNAPSHOTS))
    batch_losses: deque[float] = field(default_factory=lambda: deque(maxlen=MAX_BATCHES))
    grad_norms: deque[float] = field(default_factory=lambda: deque(maxlen=MAX_BATCHES))
    step: int = 0
    probe_x: np.ndarray | None = None
    probe_y: np.ndarray | None = None
    dataset: object = None  # the probe batch is picked once per dataset
    probe_needed: bool = False  # the model changed while the panel was hidden
    last_probe: float = -float("inf")
    layer_index: int = -1  # the layer the histograms show


class HealthPanel(QWidget):
    """Per-layer weight and gradient histograms over time, dead ReLU units, and warnings with what helps.

    Reads ``session.model``, ``session.dataset`` (x_train float32 (N, 28, 28, 1), y_train int64 (N,)),
    ``session.training`` (its loss), ``session.epochs_done`` and ``session.history``; never changes the model.
    Needs no wiring beyond being placed in a dock. Its series live in ``view`` (a :class:`HealthView`): a panel
    built with the view of one it replaces shows the same thing.
    """

    View = HealthView
    _snapshots = ViewField()
    _batch_losses = ViewField()
    _grad_norms = ViewField()
    _step = ViewField()
    _probe_x = ViewField()
    _probe_y = ViewField()
    _dataset = ViewField()
    _probe_needed = ViewField()
    _last_probe = ViewField()

    def __init__(self, session: Session, parent: QWidget | None = None, *, view: HealthView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthPanel")
        self.session = session
        fresh = view is None
        self.view = HealthView(dataset=session.dataset) if view is None else view
        self._findings: list[Finding] = []
        self._problem = ""
        self._snapshots_changed = True  # the table, summary and histograms need redrawing (batches alone do not)
        # Probes asked for while one runs: (model copy, probe x, probe y, loss, epoch, step, live).
        self._waiting: deque[tuple] = deque()
        self._lane = BackgroundLane("health", self)
        self._lane.finished.connect(self._on_probed)
        self._lane.failed.connect(self._on_probe_failed)
        self._lane.busyChanged.connect(self._on_busy)
        self.weight_curves: list[pg.PlotDataItem] = []  # drawn histograms, oldest first (for tests and tools)
        self.grad_curves: list[pg.PlotDataItem] = []

        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("healthLayerCombo")
        self.layer_combo.setAccessibleName(self.tr("Layer"))
        self.layer_combo.setToolTip(self.tr("The layer whose weights and gradients the histograms show"))
        layer_label = QLabel(self.tr("Layer:"))
        layer_label.setBuddy(self.layer_combo)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("healthSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(layer_label)
        top.addWidget(self.layer_combo)
        top.addWidget(self.summary_label, 1)
        self.busy_label = QLabel(self.tr("Checking…"))
        self.busy_label.setObjectName("healthBusyLabel")
        policy = self.busy_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # nothing moves when the note comes and goes
        self.busy_label.setSizePolicy(policy)
        self.busy_label.hide()
        top.addWidget(self.busy_label)

        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        self._foreground = palette.color(QPalette.ColorRole.Text)
        self.weight_plot = self._make_plot("healthWeightPlot", self.tr("Weight histogram"),
                                           self.tr("How many weights have each value; the latest snapshot is "
                                                   "dark, earlier ones fade"), background)
        self.grad_plot = self._make_plot("healthGradPlot", self.tr("Gradient histogram"),
                                         self.tr("How many gradients have each size, on a log scale: far left "
                                                 "means tiny (vanishing), far right huge (exploding)"), background)
        self.weight_plot.getPlotItem().setLabel("bottom", self.tr("weight value"))
        self.grad_plot.getPlotItem().setLabel("bottom", self.tr("log<sub>10</sub> |gradient|"))
        self.grad_plot.getPlotItem().setXRange(float(GRAD_LOG_EDGES[0]), float(GRAD_LOG_EDGES[-1]), padding=0)
        self.weight_caption = QLabel()
        self.weight_caption.setObjectName("healthWeightCaption")
        self.weight_caption.setWordWrap(True)
        self.grad_caption = QLabel()
        self.grad_caption.setObjectName("healthGradCaption")
        self.grad_caption.setWordWrap(True)
        plots = QHBoxLayout()
        for plot, caption in ((self.weight_plot, self.weight_caption), (self.grad_plot, self.grad_caption)):
            column = QVBoxLayout()
            column.addWidget(plot, 1)
            column.addWidget(caption)
            plots.addLayout(column, 1)

        self.table = QTableWidget()
        self.table.setObjectName("healthTable")
        self.table.setAccessibleName(self.tr("Layer health"))
        self.table.setToolTip(self.tr("Per layer: how big the weights and gradients are, and how many ReLU units "
                                      "never fire on the probe images"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Weights"), self.tr("‖W‖"),
                                              self.tr("‖gradient‖"), self.tr("Never fire")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.warnings = QListWidget()
        self.warnings.setObjectName("healthWarnings")
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.warnings.setToolTip(self.tr("What looks wrong, with the change that usually helps"))
        self.warnings.setWordWrap(True)
        self.warnings.setSpacing(3)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        warnings_label = QLabel(self.tr("Warnings:"))
        warnings_label.setBuddy(self.warnings)

        side = QVBoxLayout()
        side.addWidget(self.table)
        side.addWidget(warnings_label)
        side.addWidget(self.warnings, 1)
        self.warnings.setMinimumHeight(90)
        self.warnings.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)  # as the plots
        # Plots above the table and warnings in a tall dock; side by side in a wide, short one (the bottom
        # dock area), where stacking them would leave each too short to read.
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.addLayout(plots, 3)
        self._body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._body, 1)
        self._room = RoomWatcher(self, self._choose_direction)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(_REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self._probe_timer = QTimer(self)  # coalesces several model changes into one probe
        self._probe_timer.setSingleShot(True)
        self._probe_timer.setInterval(0)
        self._probe_timer.timeout.connect(self.probe_now)

        self.layer_combo.currentIndexChanged.connect(self._draw_histograms)
        self.layer_combo.currentIndexChanged.connect(self._remember_layer)
        session.modelChanged.connect(self._on_model_changed)
        session.datasetChanged.connect(self._on_dataset_changed)
        session.weightsChanged.connect(self._on_weights_changed)
        session.batchesReceived.connect(self._on_batches)
        session.epochEnded.connect(self._on_epoch_ended)
        session.trainingEnded.connect(self._on_training_ended)
        session.historyLoaded.connect(self._on_history_loaded)
        app = QCoreApplication.instance()
        if app is not None:  # no probe thread may outlive the application
            app.aboutToQuit.connect(self.shutdown)
        if fresh:
            self._on_model_changed()
        else:  # a rebuild (a language switch): draw what the view holds, in the new language
            layer = self.view.layer_index
            fill_weighted_layers(self.layer_combo, self.session.model, default_last=False)
            if 0 <= layer < self.layer_combo.count():
                self.layer_combo.setCurrentIndex(layer)
            self._snapshots_changed = True
            self._redraw()

    @Slot(int)
    def _remember_layer(self, index: int) -> None:
        self.view.layer_index = index

    def _make_plot(self, name: str, accessible: str, tip: str, background: QColor) -> pg.PlotWidget:
        plot = pg.PlotWidget(background=background)
        plot.setObjectName(name)
        plot.setAccessibleName(accessible)
        plot.setToolTip(tip)
        plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table below carries the same numbers for the keyboard
        plot.setMinimumHeight(140)
        # A plot takes the height it is given: its large size hint would otherwise make the panel taller than
        # a short bottom dock (the scroll area sizes a word-wrapping panel by its preferred height).
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        item = plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setLabel("left", self.tr("count"))
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            axis.enableAutoSIPrefix(False)  # plain units, as in the table: never "weight value (x0.001)"
        item.getAxis("left").setWidth(44)
        return plot

    # ---- public ----------------------------------------------------------------------------------
    @property
    def snapshots(self) -> list[HealthSnapshot]:
        """The snapshots kept, oldest first."""
        return list(self._snapshots)

    @property
    def findings(self) -> list[Finding]:
        """The findings shown in the warnings list."""
        return list(self._findings)

    @property
    def busy(self) -> bool:
        """A probe runs or waits."""
        return self._lane.busy or bool(self._waiting)

    @property
    def waiting(self) -> int:
        """Probe requests waiting for the one that runs (at most :data:`MAX_WAITING_PROBES`)."""
        return len(self._waiting)

    def shutdown(self) -> None:
        """Drop the waiting probes, cancel the running one and wait for it (before the application quits)."""
        self._waiting.clear()
        self._lane.shutdown()

    @Slot()
    def probe_now(self, live: bool = False) -> None:
        """Take a snapshot of the current weights, off the GUI thread (about 30 ms for the small CNN).

        The weights are copied now; the snapshot joins the series when the probe ends. ``live`` marks a
        periodic probe while training, which a newer live probe may replace while both wait.
        """
        self._probe_needed = False
        model = self.session.model
        if model is None:
            self._problem = self.tr("The network does not fit together yet, so there is nothing to check.")
            self._snapshots_changed = True
            self._schedule_redraw()
            return
        if self._probe_x is None:
            x, y, _, _ = self.session.training_arrays()  # without the validation images
            self._probe_x, self._probe_y = pick_probe(x, y)
        try:
            loss = self.session.training.build_loss()
        except sb.SandboxError as exc:
            self._show_problem(exc)
            return
        self._last_probe = time.monotonic()
        request = (model.copy(), self._probe_x, self._probe_y, loss, self.session.epochs_done, self._step, live)
        if not self._lane.busy:
            self._submit(request)
            return
        if live and self._waiting and self._waiting[-1][-1]:
            self._waiting[-1] = request  # the newer weights say more than an older live probe
        else:
            self._waiting.append(request)
        while len(self._waiting) > MAX_WAITING_PROBES:
            self._waiting.popleft()

    def _submit(self, request: tuple) -> None:
        model, x, y, loss, epoch, step, _live = request
        self._lane.submit(probe, model, x, y, loss, epoch=epoch, step=step)

    @Slot(object, object)
    def _on_probed(self, snapshot: HealthSnapshot, _job: Job) -> None:
        self._problem = ""
        self._snapshots.append(snapshot)
        self._snapshots_changed = True
        self._schedule_redraw()

    @Slot(object, object)
    def _on_probe_failed(self, error: BaseException, _job: Job) -> None:
        if not isinstance(error, sb.SandboxError):
            raise error  # a bug, not a network the loss cannot score: let it be seen
        self._show_problem(error)

    def _show_problem(self, error: sb.SandboxError) -> None:
        # e.g. a loss that does not match the network's output
        self._problem = self.tr("The network cannot be checked: {error}").format(error=friendly(error))
        self._snapshots_changed = True
        self._schedule_redraw()

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if not busy and self._waiting:  # one probe at a time, in the order asked for
            self._submit(self._waiting.popleft())
            return
        self.busy_label.setVisible(busy)

    # ---- reacting to the session -----------------------------------------------------------------
    def is_side_by_side(self) -> bool:
        """Whether the plots sit beside the table and warnings (a wide, short panel) rather than above them."""
        return self._body.direction() == QBoxLayout.Direction.LeftToRight

    def _choose_direction(self) -> None:
        wide = is_wide(self)
        self._body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._probe_needed:
            self._probe_timer.start()

    @Slot()
    def _on_model_changed(self) -> None:
        # Probes of weights that are gone must not join the new series.
        self._waiting.clear()
        self._lane.cancel()
        self._snapshots.clear()
        self._batch_losses.clear()
        self._grad_norms.clear()
        self._step = 0
        fill_weighted_layers(self.layer_combo, self.session.model, default_last=False)
        self._probe_needed = True
        if self.isVisible():
            self._probe_timer.start()
        self._snapshots_changed = True
        self._schedule_redraw()

    @Slot()
    def _on_dataset_changed(self) -> None:
        if self.session.dataset is self._dataset:
            return  # only the learner's own drawings changed: keep the probe batch and the series
        self._dataset = self.session.dataset
        self._probe_x = self._probe_y = None
        self._on_model_changed()

    @Slot()
    def _on_weights_changed(self) -> None:
        if self.session.is_training() and self.isVisible() and time.monotonic() - self._last_probe >= _LIVE_PROBE_S:
            self.probe_now(live=True)

    @Slot(object)
    def _on_batches(self, records: list) -> None:
        for record in records:
            self._batch_losses.append(float(record.batch_loss))
            self._grad_norms.append(float(record.grad_norm))
            self._step = int(record.global_step)
        self._schedule_redraw()

    @Slot(object)
    def _on_epoch_ended(self, _record: sb.EpochProgress) -> None:
        self.probe_now()

    @Slot(object)
    def _on_training_ended(self, _result: object) -> None:
        self.probe_now()

    @Slot(str)
    def _on_history_loaded(self, _label: str) -> None:
        self._schedule_redraw()

    def _schedule_redraw(self) -> None:
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    # ---- showing ---------------------------------------------------------------------------------
    @Slot()
    def _redraw(self) -> None:
        self._findings = diagnose(list(self._snapshots), self.session.history, list(self._batch_losses),
                                  list(self._grad_norms))
        self._fill_warnings()
        if not self._snapshots_changed:
            return
        self._snapshots_changed = False
        latest = self._snapshots[-1] if self._snapshots else None
        if self._problem:
            self.summary_label.setText(self._problem)
        elif latest is None:
            self.summary_label.setText(self.tr("No snapshot yet."))
        else:
            self.summary_label.setText(
                self.tr("Snapshots: {count} · latest after epoch {epoch}, batch {step} · loss on {n} training "
                        "images: {loss:.3g}").format(count=len(self._snapshots), epoch=latest.epoch,
                                                    step=latest.step, n=latest.probe_size, loss=latest.loss))
        self._fill_table(latest)
        self._draw_histograms()

    def _fill_table(self, latest: HealthSnapshot | None) -> None:
        layers = latest.layers if latest is not None else ()
        self.table.setRowCount(len(layers))
        for row, item in enumerate(layers):
            if item.relu_units:
                dead = self.tr("{dead} of {units} ({share:.0%})").format(dead=item.dead_units, units=item.relu_units,
                                                                         share=item.dead_share)
            else:
                dead = self.tr("no ReLU")
            cells = (item.name, f"{item.n_weights:,}", f"{item.weight_norm:.3g}", f"{item.grad_norm:.3g}", dead)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        # as tall as its rows (up to _TABLE_ROWS), so the plots and warnings share the rest
        rows = min(max(len(layers), 1), _TABLE_ROWS)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth())

    def _fill_warnings(self) -> None:
        style = self.style()
        if not self._findings:
            text = self.tr("All looks healthy: no warnings.") if self._snapshots else \
                self.tr("Nothing to check yet.")
            icon = QStyle.StandardPixmap.SP_DialogApplyButton if self._snapshots \
                else QStyle.StandardPixmap.SP_MessageBoxInformation
            entries = [(bool(self._snapshots), icon, text)]
        else:
            entries = []
            for finding in self._findings:
                icon = QStyle.StandardPixmap.SP_MessageBoxWarning if finding.severity == "warning" \
                    else QStyle.StandardPixmap.SP_MessageBoxInformation
                what, helps = self._message(finding)
                entries.append(((finding.code, finding.layer), icon,
                                self.tr("{what}\nWhat usually helps: {helps}").format(what=what, helps=helps)))
        keys = [key for key, _, _ in entries]
        if keys == [self.warnings.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.warnings.count())]:
            # the same warnings with new numbers (every few batches): update the texts, keep the scroll position
            for i, (_, _, text) in enumerate(entries):
                if self.warnings.item(i).text() != text:
                    self.warnings.item(i).setText(text)
            return
        self.warnings.clear()
        for key, icon, text in entries:
            item = QListWidgetItem(style.standardIcon(icon), text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.warnings.addItem(item)

    def _message(self, finding: Finding) -> tuple[str, str]:
        """What happened (with the numbers) and what usually helps, as two translated sentences."""
        n = {**finding.numbers, "layer": finding.layer or ""}
        lower_lr = self.tr("lower the learning rate (for example 10 times smaller), reset the weights and train "
                           "again.")
        code = finding.code
        if code == "not_finite" and not finding.numbers["count"]:
            return (self.tr("The weights or the loss are no longer finite numbers (infinite or NaN): the weights are "
                            "ruined."), lower_lr)
        if code == "not_finite":
            return (self.tr("The loss or the gradients became infinite or NaN (not a number) in {count:.0f} of the "
                            "last {batches:.0f} batches: the weights are ruined.").format(**n), lower_lr)
        if code == "loss_stuck_high":
            return (self.tr("The loss is stuck at about {loss:.1f}: the network gives almost every image a "
                            "confident wrong answer (far worse than guessing).").format(**n), lower_lr)
        if code == "exploding_gradients":
            return (self.tr("The gradients grew {growth:.0f} times in the last {batches:.0f} batches (from "
                            "{before:.3g} to {norm:.3g}): training is blowing up.").format(**n), lower_lr)
        if code == "large_gradients":
            return (self.tr("The gradients are very large (size {norm:.3g}): each step throws the weights far "
                            "away.").format(**n), lower_lr)
        if code == "loss_rising":
            return (self.tr("The loss is rising: {loss:.3g} over the last {batches:.0f} batches, up from "
                            "{best:.3g} at its best. The steps overshoot.").format(**n),
                    self.tr("lower the learning rate (for example 10 times smaller)."))
        if code == "vanishing_gradients":
            return (self.tr("The first layer, {layer}, gets gradients {ratio:.0e} times the size of the last "
                            "layer's, so it hardly learns.").format(**n),
                    self.tr("use relu instead of sigmoid or tanh, or use fewer layers."))
        if code == "dead_units":
            return (self.tr("{dead:.0f} of {units:.0f} units in {layer} ({share:.0%}) never fire on {probe:.0f} "
                            "training images: they always output 0 and no longer learn.").format(**n),
                    self.tr("lower the learning rate and reset the weights, or give the layer the leaky_relu "
                            "activation, which never goes fully silent."))
        if code == "overfitting_val_loss":
            return (self.tr("The validation loss rose for {epochs:.0f} epochs in a row (from {before:.3g} to "
                            "{val_loss:.3g}) while the training loss fell: the network is memorising the "
                            "training images.").format(**n),
                    self.tr("stop training earlier (the best epoch was {best_epoch:.0f}), add a Dropout layer, "
                            "or use fewer units.").format(**n))
        if code == "overfitting_gap":
            return (self.tr("Training accuracy {accuracy:.0%} is {gap:.0f} points above validation accuracy "
                            "{val_accuracy:.0%}: the network does better on images it has seen.").format(**n),
                    self.tr("add a Dropout layer, use fewer units, or stop training earlier."))
        return (self.tr("The loss has barely moved in the last {batches:.0f} batches (from {before:.3g} to "
                        "{loss:.3g}).").format(**n),
                self.tr("try a learning rate 10 times larger, or the Adam optimizer; fix any other warning "
                        "first."))

    @Slot()
    def _draw_histograms(self) -> None:
        name = self.layer_combo.currentData()
        shown = [s for s in list(self._snapshots)[-DRAWN_SNAPSHOTS:] if name in {x.name for x in s.layers}]
        weight_item, grad_item = self.weight_plot.getPlotItem(), self.grad_plot.getPlotItem()
        weight_item.clear()
        grad_item.clear()
        self.weight_curves.clear()
        self.grad_curves.clear()
        if not shown:
            self.weight_caption.clear()
            self.grad_caption.clear()
            weight_item.setXRange(-1.0, 1.0, padding=0)
            weight_item.setYRange(0.0, _MIN_TOP, padding=0)
            grad_item.setYRange(0.0, _MIN_TOP, padding=0)
            self._note(weight_item, 0.0, self.tr("No snapshot yet"))
            self._note(grad_item, _GRAD_NOTE_X, self.tr("No snapshot yet"))
            return
        count = len(shown)
        for i, snap in enumerate(shown):  # oldest drawn first, so the latest lies on top
            layer = snap.layer(name)
            latest = i == count - 1
            alpha = 255 if latest else int(40 + 120 * (i + 1) / count)
            width = 2.5 if latest else 1.0
            for item, curves, color, edges, counts in (
                    (weight_item, self.weight_curves, _WEIGHT_COLOR, layer.weight_edges, layer.weight_counts),
                    (grad_item, self.grad_curves, _GRAD_COLOR, GRAD_LOG_EDGES, layer.grad_counts)):
                pen = pg.mkPen(QColor(color.red(), color.green(), color.blue(), alpha), width=width)
                fill = QColor(color.red(), color.green(), color.blue(), 50) if latest else None
                curve = pg.PlotDataItem(edges, counts, stepMode="center", pen=pen,
                                        fillLevel=0 if latest else None, brush=fill)
                item.addItem(curve)
                curves.append(curve)
        # The empty state's fixed ±1 must not outlive it: weights within ±0.1 would fill a tenth of the plot.
        weight_item.enableAutoRange(x=True)
        for item, curves in ((weight_item, self.weight_curves), (grad_item, self.grad_curves)):
            top = max(float(c.getData()[1].max()) for c in curves)
            item.setYRange(0, max(top, _MIN_TOP) * 1.05, padding=0)  # counts start at 0, even when all are 0
        layer = shown[-1].layer(name)
        if not layer.grad_counts.any():
            self._note(grad_item, _GRAD_NOTE_X, self.tr("Every gradient is exactly 0:\nthis layer does not learn")
                       if layer.grad_zeros == layer.n_weights else self.tr("No finite gradient"))
        self.weight_caption.setText(self.tr("{n:,} weights of {layer}, mean {mean:.3g}. The latest snapshot is "
                                            "dark, earlier ones fade.").format(n=layer.n_weights, layer=name,
                                                                               mean=layer.weight_mean))
        self.grad_caption.setText(self.tr("Gradients on {probe} training images; {zeros:,} of {n:,} are exactly 0.")
                                  .format(probe=shown[-1].probe_size, zeros=layer.grad_zeros, n=layer.n_weights))

    def _note(self, item: pg.PlotItem, x: float, text: str) -> None:
        """A centred message inside an empty plot (its y range is 0…_MIN_TOP then)."""
        note = pg.TextItem(text, color=self._foreground, anchor=(0.5, 0.5))
        note.setPos(x, _MIN_TOP / 2)
        item.addItem(note)
