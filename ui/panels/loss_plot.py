"""Live loss and accuracy curves of the current training run, with earlier runs faded for comparison.

The panel listens to the session's ``runStarted``, ``batchesReceived``, ``epochEnded`` and
``diverged`` signals. Records are appended to growing NumPy buffers as they arrive; a ~30 ms
single-shot frame timer pushes the buffers into curves that were created once per run, so a burst
of batch signals costs one redraw (create each curve once, grow buffers, setData from a frame timer).

Accuracy gets its own short plot under the loss plot, sharing the epoch axis, rather than a second
y axis: loss and accuracy live on unrelated scales, a learner cannot tell which axis a curve belongs
to when both overlap, and the log-scale toggle must bend only the loss axis.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sandbox.monitor import ALARM_CODES, Alarm
from sandbox.training import BatchProgress, EpochProgress

from ..diagnosis import alarm_marker
from ..view_state import ViewField
from .explain import ExplanationBox

__all__ = ["LossPlotPanel"]

#: The frame timer's delay: bursts of progress signals within it become one redraw.
FRAME_MS = 30

#: Curve keys of one run: the loss plot's three, then the accuracy plot's two.
LOSS_KEYS = ("batch_loss", "loss", "val_loss")
ACCURACY_KEYS = ("accuracy", "val_accuracy")

#: One hue per run (Okabe–Ito, readable with colour-vision deficiencies), cycling after eight runs.
RUN_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")

#: Opacity (0–255) of the current run's curves and of earlier, faded runs.
BOLD_ALPHA, FADED_ALPHA = 255, 80
BATCH_ALPHA, FADED_BATCH_ALPHA = 70, 25
DIVERGED_COLOR = QColor("#D00000")
#: Runs drawn at most: the current one and the newest earlier ones (older curves leave the plot, so hours of
#: use keep a bounded number of plot items; the Runs dock keeps every run's numbers).
MAX_RUNS_SHOWN = 8
#: Points kept per curve and run (float64 x and y: 320 KB); beyond it neighbouring points are averaged in pairs.
MAX_POINTS = 10_000
#: Text lines the legend above the plot shows before it scrolls: it never takes more of the loss plot's height.
LEGEND_LINES = 3


class _Series:
    """A pair of float64 buffers (x, y) that grow by doubling, up to :data:`MAX_POINTS` points.

    Only finite points are kept: a NaN or infinite loss must not reach pyqtgraph's autorange. When the
    buffers are full, neighbouring points are averaged in pairs, so an hours-long run keeps a bounded,
    evenly thinned curve (each kept point the mean of the same number of batches, the newest excepted).
    """

    def __init__(self, capacity: int = 64) -> None:
        self._x = np.empty(capacity, np.float64)
        self._y = np.empty(capacity, np.float64)
        self._n = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> bool:
        """Append the finite points of float64 arrays ``x`` and ``y`` (same shape (k,)); True if any."""
        keep = np.isfinite(x) & np.isfinite(y)
        x, y = x[keep], y[keep]
        k = len(x)
        if k == 0:
            return False
        if self._n + k > MAX_POINTS:
            self._thin()
            if k > MAX_POINTS // 2:  # a single huge batch of records: keep its newest half-buffer
                x, y, k = x[-(MAX_POINTS // 2):], y[-(MAX_POINTS // 2):], MAX_POINTS // 2
        if self._n + k > len(self._x):
            capacity = min(max(2 * len(self._x), self._n + k), MAX_POINTS)
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self._n:self._n + k] = x
        self._y[self._n:self._n + k] = y
        self._n += k
        return True

    def _thin(self) -> None:
        even = self._n - self._n % 2
        half = even // 2
        for buf in (self._x, self._y):
            buf[:half] = 0.5 * (buf[0:even:2] + buf[1:even:2])
            if self._n % 2:
                buf[half] = buf[self._n - 1]
        self._n = half + self._n % 2

    def __len__(self) -> int:
        return self._n

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Views (x, y) of the filled part, float64 (n,)."""
        return self._x[:self._n], self._y[:self._n]


@dataclass(eq=False)
class _Run:
    """One training run: its buffers, the curves that show them and its alarm marker.

    The data (everything but ``curves`` and ``marker``) is the panel's view state; a panel rebuilt with the same
    :class:`LossView` makes new curves and a new marker from it.
    """

    describe: Callable[[], str]  # the run's name in the language installed now (the legend asks on each redraw)
    color: QColor
    number: int  # this panel's running count: the legend's link names the run by it
    curves: dict[str, pg.PlotDataItem] = field(default_factory=dict)
    shown: bool = True  # the learner can hide a run from the legend
    faded: bool = False
    series: dict[str, _Series] = field(default_factory=lambda: {k: _Series() for k in LOSS_KEYS + ACCURACY_KEYS})
    dirty: set[str] = field(default_factory=set)
    marker: pg.InfiniteLine | None = None
    marker_x: float | None = None  # where the marker stands (fractional epoch), None without one
    marker_code: str = "loss_not_finite"  # the most serious alarm of the run: the marker's words name it
    last_x: float = math.nan  # fractional epoch of the latest batch
    last_epoch: int = -1  # epoch of the latest batch


@dataclass
class LossView:
    """The loss plot's runs, kept across rebuilds of the panel (see ui.view_state)."""

    runs: list[_Run] = field(default_factory=list)
    runs_started: int = 0
    log_scale: bool = False


class LossPlotPanel(QWidget):
    """Per-batch and per-epoch loss, per-epoch accuracy, divergence markers and earlier runs.

    Parameters
    ----------
    session : ui.session.Session
        Source of the progress signals; the panel only listens.
    parent : QWidget, optional
    """

    View = LossView
    _runs = ViewField()
    _runs_started = ViewField()
    _log_scale = ViewField()

    def __init__(self, session: QObject, parent: QWidget | None = None, *, view: LossView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlotPanel")
        self.session = session
        self.view = LossView() if view is None else view
        self._key_index = -1  # the current run's batch point the arrow keys last showed

        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        self._foreground = foreground

        self.loss_plot = pg.PlotWidget(background=background)
        self.loss_plot.setObjectName("lossPlot")
        self.accuracy_plot = pg.PlotWidget(background=background)
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the loss plot's arrow keys cover both
        self._loss_item = self.loss_plot.getPlotItem()
        self._accuracy_item = self.accuracy_plot.getPlotItem()
        for item in (self._loss_item, self._accuracy_item):
            # Set before any curve is added: PlotItem.addItem passes these on to each curve.
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
            item.showGrid(x=True, y=True, alpha=0.15)
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(foreground)
                axis.setTextPen(foreground)
                # Plain units, as the tables and the status line give them: pyqtgraph would otherwise rescale
                # an axis whose values stay below 1 ("loss (x0.001)", ticks 100–800 for losses of 0.1–0.8).
                # Set while the axis still has its default range: pyqtgraph 0.14 keeps the scale it had then.
                axis.enableAutoSIPrefix(False)
            # The same width keeps both plots' epoch axes aligned.
            item.getAxis("left").setWidth(52)
        self._accuracy_item.setXLink(self._loss_item)
        # Padding leaves room for the "1" label: with a grid, pyqtgraph hides labels that cross the plot's edge.
        self._accuracy_item.setYRange(0.0, 1.0, padding=0.1)
        self._accuracy_item.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")], [(0.25, ""), (0.75, "")]])
        self._accuracy_item.setMouseEnabled(x=True, y=False)
        self._accuracy_item.enableAutoRange(y=False)
        # The accuracy plot's axis numbers and names the shared x; the loss plot keeps only its grid.
        self._loss_item.getAxis("bottom").setStyle(showValues=False)
        self.accuracy_plot.setMinimumHeight(90)

        self._legend_brush = pg.mkBrush(_with_alpha(background, 210))  # behind the "diverged" labels
        # The legend lives above the plot, not on it: inside the plot it covered the newest curves, at the
        # top right where a falling loss ends. Each run is a link that hides or shows its curves; the newest
        # run comes first, and beyond LEGEND_LINES lines the legend scrolls rather than taking the plot's room.
        self.legend = QLabel()
        self.legend.setObjectName("lossLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.legend.linkActivated.connect(self._on_legend_link)
        self._legend_area = QScrollArea()
        self._legend_area.setObjectName("lossLegendArea")
        self._legend_area.setWidget(self.legend)
        self._legend_area.setWidgetResizable(True)
        self._legend_area.setFrameShape(QFrame.Shape.NoFrame)
        self._legend_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._legend_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the label's links take the focus, not the area
        self._legend_area.setVisible(False)

        self._hint = pg.TextItem(color=_with_alpha(foreground, 170), anchor=(0.5, 0.5))
        font = self._hint.textItem.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self._hint.setFont(font)
        self._hint.setParentItem(self._loss_item.getViewBox())  # view pixels, not data: stays centred, no autorange
        self._loss_item.getViewBox().sigResized.connect(self._place_hint)

        self._crosshairs: list[pg.InfiniteLine] = []
        for item in (self._loss_item, self._accuracy_item):
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(foreground.red(), foreground.green(),
                                                                         foreground.blue(), 90, width=1))
            line.setVisible(False)
            item.addItem(line, ignoreBounds=True)
            self._crosshairs.append(line)
        self._hover_dots: dict[pg.PlotItem, pg.ScatterPlotItem] = {}
        for item in (self._loss_item, self._accuracy_item):
            dot = pg.ScatterPlotItem(size=10, pen=pg.mkPen(foreground, width=1.5), brush=None)
            dot.setVisible(False)
            item.addItem(dot, ignoreBounds=True)
            self._hover_dots[item] = dot

        self.hover_label = QLabel()
        self.hover_label.setObjectName("hoverLabel")
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.log_check = QCheckBox()
        self.log_check.setObjectName("logScaleCheck")
        self.log_check.toggled.connect(self.set_log_scale)

        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearRunsButton")
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear_earlier_runs)

        # Between the controls under the plots: folded, it takes no height from the plots, which already
        # have the least room they need in a 1400×900 window. Its texts are set in retranslate().
        self.explanation = ExplanationBox("lossExplanation", "", "", self, expanded=False)

        controls = QHBoxLayout()
        controls.addWidget(self.log_check, 0, Qt.AlignmentFlag.AlignTop)
        controls.addWidget(self.explanation, 1)
        controls.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.hover_label)
        layout.addWidget(self._legend_area)
        layout.addWidget(self.loss_plot, 3)
        layout.addWidget(self.accuracy_plot, 1)
        layout.addLayout(controls)

        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._flush)

        # rateLimit caps hover work at 30 updates/s however fast the mouse moves.
        self._hover_proxies = [
            pg.SignalProxy(self._loss_item.scene().sigMouseMoved, rateLimit=30, slot=self._on_loss_mouse_moved),
            pg.SignalProxy(self._accuracy_item.scene().sigMouseMoved, rateLimit=30,
                           slot=self._on_accuracy_mouse_moved),
        ]
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.viewport().installEventFilter(self)
        self.loss_plot.installEventFilter(self)

        self.retranslate()
        session.runStarted.connect(self._on_run_started)
        session.batchesReceived.connect(self._on_batches)
        session.epochEnded.connect(self._on_epoch)
        session.diverged.connect(self._on_diverged)
        if hasattr(session, "alarmRaised"):
            session.alarmRaised.connect(self._on_alarm)
        session.historyLoaded.connect(self._on_history_loaded)
        session.stateChanged.connect(self._on_state_changed)
        self._session = session
        if self._runs:  # a rebuild (a language switch): draw the runs of the panel this one replaces
            for run in self._runs:
                self._attach(run)
            self.set_log_scale(self._log_scale)
            self.clear_button.setEnabled(len(self._runs) > 1)
            self._hint.setVisible(False)
            self._update_legend()

    def retranslate(self) -> None:
        """Set every fixed text in the current language; the plotted runs stay (the main window calls this)."""
        self.explanation.set_texts(
            self.tr("The loss function scores how far the predictions are from the true answers. It should fall as "
                    "the network learns; validation shows how it does on images it never trains on."),
            self.tr("If validation loss rises while training loss falls, the network is memorising (overfitting)."))
        self.loss_plot.setAccessibleName(self.tr("Loss plot"))
        # The plots' tooltips show over the axes and margins only (see eventFilter): over the data they
        # would cover the very points the pointer is reading.
        self.loss_plot.setToolTip(self.tr("Loss after every batch (faint line) and after every epoch (dots: training, "
                                          "squares: validation). Lower is better. Drag to pan, scroll to zoom."))
        self.accuracy_plot.setToolTip(self.tr("Share of images classified correctly after every epoch (dots: "
                                              "training, squares: validation). Higher is better."))
        self.loss_plot.setAccessibleDescription(self.tr(
            "Loss after every batch (faint) and after every epoch (dots: training, squares: validation). "
            "Drag to pan, scroll to zoom, Left and Right arrows step through the points."))
        self.accuracy_plot.setAccessibleName(self.tr("Accuracy plot"))
        self.accuracy_plot.setAccessibleDescription(self.tr("Share of images classified correctly after every epoch"))
        self._loss_item.setLabel("left", self.tr("loss"))
        self._accuracy_item.setLabel("left", self.tr("accuracy"))
        self._accuracy_item.setLabel("bottom", self.tr("epoch"))
        self._hint.setText(self.tr("Press Train to watch the loss fall"))
        self.hover_label.setAccessibleName(self.tr("Value under the pointer"))
        self.hover_label.setToolTip(self.tr("The epoch and value of the point nearest to the mouse pointer"))
        self.log_check.setText(self.tr("&Log scale"))
        self.log_check.setAccessibleName(self.tr("Logarithmic loss axis"))
        self.log_check.setToolTip(self.tr("Show the loss on a logarithmic axis, so small late improvements stay "
                                          "visible"))
        self.clear_button.setText(self.tr("Clear earlier runs"))
        self.clear_button.setAccessibleName(self.tr("Clear earlier runs"))
        self.clear_button.setToolTip(self.tr("Remove the faded curves of earlier runs; the current run stays"))
        self.legend.setAccessibleName(self.tr("Runs on the plot"))
        self.legend.setToolTip(self.tr("Click a run to hide or show its curves"))
        self._update_legend()
        for run in self._runs:
            if run.marker is not None:
                run.marker.label.setFormat(alarm_marker(run.marker_code))
        self._reset_hover_label()

    def _style_key_texts(self) -> tuple[str, str]:
        return self.tr("training"), self.tr("validation")

    # ---- public API ------------------------------------------------------------------------------
    def run_count(self) -> int:
        """Runs on the plot: the current one and the faded earlier ones."""
        return len(self._runs)

    def current_curves(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What the current run's curves show: ``{key: (x, y)}``, float64 (n,) each, x in fractional epochs.

        Keys are ``batch_loss``, ``loss``, ``val_loss``, ``accuracy`` and ``val_accuracy``. Points reach
        the curves at the next frame, not at once.
        """
        empty = (np.zeros(0), np.zeros(0))
        if not self._runs:
            return {key: empty for key in LOSS_KEYS + ACCURACY_KEYS}
        result = {}
        for key, curve in self._runs[-1].curves.items():
            x, y = curve.getOriginalDataset()
            result[key] = empty if x is None else (np.asarray(x, np.float64), np.asarray(y, np.float64))
        return result

    def divergence_markers(self) -> list[float]:
        """Fractional epochs of the alarm markers (divergence and the others) on the plot, earlier runs first."""
        return [float(run.marker.value()) for run in self._runs if run.marker is not None]

    def alarm_markers(self) -> list[tuple[float, str]]:
        """``(fractional epoch, words on the line)`` of each run's alarm marker, earlier runs first."""
        return [(float(run.marker.value()), run.marker.label.format) for run in self._runs if run.marker is not None]

    def legend_labels(self) -> list[str]:
        """The run labels in the legend, oldest first (the line-style key is left out)."""
        return [run.describe() for run in self._runs]

    def is_log_scale(self) -> bool:
        """Whether the loss axis is logarithmic."""
        return self._log_scale

    def hint_text(self) -> str:
        """The empty-plot hint while it is shown (until the first point arrives), else ``""``."""
        return self._hint.textItem.toPlainText() if self._hint.isVisible() else ""

    @Slot(bool)
    def set_log_scale(self, on: bool) -> None:
        """Show the loss on a logarithmic (True) or linear axis; accuracy stays linear."""
        self._log_scale = on
        self._loss_item.setLogMode(x=False, y=on)
        if self.log_check.isChecked() != on:
            self.log_check.setChecked(on)
        self._reset_hover_label()

    @Slot()
    def clear_earlier_runs(self) -> None:
        """Remove every run's curves except the current run's."""
        for run in self._runs[:-1]:
            self._remove_run(run)
        self.clear_button.setEnabled(False)

    def _remove_run(self, run: _Run) -> None:
        for key, curve in run.curves.items():
            self._plot_for(key).removeItem(curve)
        if run.marker is not None:
            self._loss_item.removeItem(run.marker)
        self._runs.remove(run)
        self._update_legend()

    # ---- session signals -------------------------------------------------------------------------
    @Slot(str)
    def _on_run_started(self, label: str) -> None:
        number = getattr(self._session, "run_count", None)
        describe_run = getattr(self._session, "describe_run", None)
        if describe_run is not None and label == self._session.run_label():
            # the session's own run: named from its record each time, so the name follows a language switch
            self._start_run(lambda: describe_run(number) or label)
        else:
            self._start_run(lambda: label)

    def _start_run(self, describe: Callable[[], str]) -> None:
        if self._runs:
            self._style(self._runs[-1], faded=True)
        self._new_run(describe)
        self.clear_button.setEnabled(len(self._runs) > 1)

    @Slot(object)
    def _on_batches(self, records: Sequence[BatchProgress]) -> None:
        if not records:
            return
        run = self._current_run()
        x = np.fromiter((r.epoch + r.step / r.steps for r in records), np.float64, len(records))
        y = np.fromiter((r.batch_loss for r in records), np.float64, len(records))
        self._extend(run, "batch_loss", x, y)
        run.last_x, run.last_epoch = float(x[-1]), records[-1].epoch
        bad = next((i for i, r in enumerate(records) if not r.finite), None)
        if bad is not None:
            self._mark_divergence(run, float(x[bad]))

    @Slot(object)
    def _on_epoch(self, record: EpochProgress) -> None:
        run = self._current_run()
        if not record.stopped:
            x = record.epoch + 1.0
        elif run.last_epoch == record.epoch:
            x = run.last_x  # a partial epoch: its means belong where its last batch was
        else:
            return  # stopped before any batch of this epoch: the logs are the previous epoch's
        for key in ("loss", "val_loss", *ACCURACY_KEYS):
            if key in record.logs:
                self._extend(run, key, np.array([x]), np.array([record.logs[key]], np.float64))

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        """While training, hold the epoch axis still and hide the grid.

        Both made pyqtgraph re-lay out and repaint every axis on each frame: the GUI thread's 16 ms tick
        had a p95 of 50 ms while training with them, 18–22 ms without (bench/results/ui.md).
        """
        training = state != "idle"
        for item in (self._loss_item, self._accuracy_item):
            item.showGrid(x=not training, y=not training, alpha=0.15)
        if training and self._runs:
            start = float(getattr(self._session, "epochs_done", 0))
            epochs = float(getattr(getattr(self._session, "training", None), "epochs", 1))
            self._loss_item.enableAutoRange(x=False)
            self._loss_item.setXRange(start, start + epochs, padding=0.02)
        elif not training:
            self._loss_item.enableAutoRange(x=True)

    @Slot(str)
    def _on_history_loaded(self, label: str) -> None:
        """Draw the per-epoch logs of an opened file as a run of their own, so training can go on beside them."""
        history = getattr(self._session, "history", {}) or {}
        if not any(history.values()):
            return
        history_label = getattr(self._session, "history_label", None)
        if history_label is not None:
            file = self._session.history_file
            self._start_run(lambda: history_label(file))
        else:
            self._start_run(lambda: label)
        run = self._current_run()
        for key in ("loss", "val_loss", *ACCURACY_KEYS):
            values = np.asarray(history.get(key, []), np.float64)
            if len(values):
                self._extend(run, key, np.arange(1, len(values) + 1, dtype=np.float64), values)
        run.last_x, run.last_epoch = float(len(next(iter(history.values())))), -1

    @Slot(object)
    def _on_diverged(self, _result: object) -> None:
        if self._runs and self._runs[-1].marker is None and math.isfinite(self._runs[-1].last_x):
            self._mark_divergence(self._runs[-1], self._runs[-1].last_x)

    @Slot(str)
    def _on_legend_link(self, link: str) -> None:
        """A run's name in the legend was clicked (or Enter pressed on it): hide or show the whole run."""
        number = int(link.removeprefix("run:"))
        for run in self._runs:
            if run.number == number:
                run.shown = not run.shown
                for curve in run.curves.values():
                    curve.setVisible(run.shown)
                if run.marker is not None:
                    run.marker.setVisible(run.shown)
        self._update_legend()

    def _update_legend(self) -> None:
        """Write the legend: the line-style key, then each run in its colour, the newest first."""
        self._legend_area.setVisible(bool(self._runs))
        if not self._runs:
            self.legend.clear()
            return
        muted = _with_alpha(self._foreground, 160)
        base = self.palette().color(QPalette.ColorRole.Base)
        training, validation = (html.escape(t) for t in self._style_key_texts())
        # Line samples drawn with characters: solid with a dot for training, dashed with a square for validation.
        parts = [f'<span style="color:{_blend(muted, base).name()}">━●━&nbsp;{training} '
                 f'&nbsp;╍□╍&nbsp;{validation}</span>']
        for run in reversed(self._runs):
            color = _blend(_with_alpha(run.color, FADED_ALPHA if run.faded else BOLD_ALPHA), base)
            name = html.escape(run.describe()).replace(" ", "&nbsp;")  # a run's name never breaks across lines
            text = f"━●━&nbsp;{name}" if run.shown else f"<s>━●━&nbsp;{name}</s>"
            parts.append(f'<a href="run:{run.number}" style="color:{color.name()}; text-decoration:none">{text}</a>')
        self.legend.setText(" &nbsp; ".join(parts))
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As tall as the legend's lines, at most :data:`LEGEND_LINES` of them (then it scrolls)."""
        width = max(1, self._legend_area.viewport().width())
        # One line's height as the rich text lays it out (its line glyphs come from a taller fallback font).
        most = LEGEND_LINES * self.legend.heightForWidth(1 << 20)
        self._legend_area.setFixedHeight(min(self.legend.heightForWidth(width), most))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the legend: a narrower panel wraps it onto more lines."""
        super().resizeEvent(event)
        if self._runs:
            self._fit_legend()

    # ---- runs and curves -------------------------------------------------------------------------
    def _current_run(self) -> _Run:
        # Data without a runStarted (a panel created mid-run) still gets a run to live in.
        if not self._runs:
            self._new_run(self.tr("Current run"))
        return self._runs[-1]

    def _plot_for(self, key: str) -> pg.PlotItem:
        return self._loss_item if key in LOSS_KEYS else self._accuracy_item

    def _new_run(self, describe: Callable[[], str]) -> None:
        # A running counter, not the number of runs shown: after a clear, a new run still gets a new hue.
        color = QColor(RUN_COLORS[self._runs_started % len(RUN_COLORS)])
        self._runs_started += 1
        run = _Run(describe=describe, color=color, number=self._runs_started)
        self._attach(run)
        self._style(run, faded=False)
        self._runs.append(run)
        while len(self._runs) > MAX_RUNS_SHOWN:
            self._remove_run(self._runs[0])
        self._update_legend()
        self._key_index = -1

    def _attach(self, run: _Run) -> None:
        """Make the run's curves (and marker) in this panel's plots, from its data."""
        run.curves = {key: pg.PlotDataItem() for key in LOSS_KEYS + ACCURACY_KEYS}
        for key, curve in run.curves.items():
            self._plot_for(key).addItem(curve)
            curve.setZValue(-1 if key == "batch_loss" else 1)
            curve.setData(*run.series[key].arrays())
            curve.setVisible(run.shown)
        run.dirty.clear()
        run.marker = None
        if run.marker_x is not None:
            self._draw_marker(run)
            run.marker.setVisible(run.shown)
        self._style(run, faded=run.faded)

    def _style(self, run: _Run, *, faded: bool) -> None:
        run.faded = faded
        alpha = FADED_ALPHA if faded else BOLD_ALPHA
        width = 1.5 if faded else 2.5
        size = 4 if faded else 7
        for key, curve in run.curves.items():
            if key == "batch_loss":
                curve.setPen(_pen(_with_alpha(run.color, FADED_BATCH_ALPHA if faded else BATCH_ALPHA), 1))
                continue
            validation = key.startswith("val_")
            color = _with_alpha(run.color, alpha)
            curve.setPen(_pen(color, width, validation))
            curve.setSymbol("s" if validation else "o")
            curve.setSymbolSize(size)
            curve.setSymbolPen(pg.mkPen(color, width=1.5))
            # Validation symbols are hollow so they stay apart from training symbols where curves touch.
            curve.setSymbolBrush(pg.mkBrush(self.palette().color(QPalette.ColorRole.Base)) if validation
                                 else pg.mkBrush(color))
        if run.marker is not None:
            run.marker.setPen(_pen(_with_alpha(DIVERGED_COLOR, alpha), 2, True))
            run.marker.label.setColor(_with_alpha(DIVERGED_COLOR, alpha))
        self._update_legend()

    def _extend(self, run: _Run, key: str, x: np.ndarray, y: np.ndarray) -> None:
        if run.series[key].extend(x, y):
            run.dirty.add(key)
            self._hint.setVisible(False)
            if not self._frame.isActive():
                self._frame.start()

    @Slot(object)
    def _on_alarm(self, alarm: Alarm) -> None:
        """Mark the batch of a run's first alarm; its words name the most serious alarm so far."""
        if not self._runs:
            return
        run = self._runs[-1]
        if run.marker is None:
            self._mark_divergence(run, alarm.x, alarm.code)
        elif ALARM_CODES.index(alarm.code) < ALARM_CODES.index(run.marker_code):
            run.marker_code = alarm.code
            run.marker.label.setFormat(alarm_marker(alarm.code))

    def _mark_divergence(self, run: _Run, x: float, code: str = "loss_not_finite") -> None:
        if run.marker is not None:
            return
        run.marker_code, run.marker_x = code, x
        self._draw_marker(run)

    def _draw_marker(self, run: _Run) -> None:
        run.marker = pg.InfiniteLine(pos=run.marker_x, angle=90, movable=False, pen=_pen(DIVERGED_COLOR, 2, True),
                                     label=alarm_marker(run.marker_code),
                                     # Written along the line, so it never runs off the plot's left or right edge.
                                     labelOpts={"position": 0.5, "color": DIVERGED_COLOR, "fill": self._legend_brush,
                                                "rotateAxis": (1, 0), "anchors": [(0.5, 1), (0.5, 1)]})
        self._loss_item.addItem(run.marker)
        self._hint.setVisible(False)

    @Slot()
    def _flush(self) -> None:
        for run in self._runs:
            for key in run.dirty:
                run.curves[key].setData(*run.series[key].arrays())
            run.dirty.clear()

    # ---- hint and hover --------------------------------------------------------------------------
    @Slot()
    def _place_hint(self) -> None:
        self._hint.setPos(self._loss_item.getViewBox().boundingRect().center())

    def _reset_hover_label(self) -> None:
        self.hover_label.setText(self.tr("Point at a curve to read its epoch and value"))
        for line in self._crosshairs:
            line.setVisible(False)
        for dot in self._hover_dots.values():
            dot.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hide the crosshair when the pointer leaves a plot; step through points with the arrow keys.

        Also keeps the plots' tooltips off their data areas, where the pointer reads points.
        """
        if event.type() == QEvent.Type.Leave:
            self._reset_hover_label()
        elif event.type() == QEvent.Type.ToolTip and self._over_data(watched, event.pos()):
            QToolTip.hideText()
            return True
        elif watched is self.loss_plot and event.type() == QEvent.Type.KeyPress:
            return self._step_with_key(event.key())
        return super().eventFilter(watched, event)

    def _over_data(self, viewport: QObject, pos: QPoint) -> bool:
        """Whether ``pos`` on a plot's viewport lies inside its data area (not over an axis or margin)."""
        for plot in (self.loss_plot, self.accuracy_plot):
            if viewport is plot.viewport():
                return plot.getPlotItem().getViewBox().sceneBoundingRect().contains(plot.mapToScene(pos))
        return False

    def _step_with_key(self, key: int) -> bool:
        """Read the current run's batch losses without a mouse: Left/Right step, Home/End jump."""
        if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End) or not self._runs:
            return False
        x, y = self._runs[-1].series["batch_loss"].arrays()
        if len(x) == 0:
            return True
        if key == Qt.Key.Key_Home:
            i = 0
        elif key == Qt.Key.Key_End or self._key_index < 0:
            i = len(x) - 1  # the first press starts at the newest point
        else:
            i = min(max(self._key_index + (1 if key == Qt.Key.Key_Right else -1), 0), len(x) - 1)
        self._key_index = i
        self._show_point(self._loss_item, "batch_loss", float(x[i]), float(y[i]))
        return True

    def _on_loss_mouse_moved(self, args: tuple) -> None:
        self._hover(self._loss_item, LOSS_KEYS, args[0])

    def _on_accuracy_mouse_moved(self, args: tuple) -> None:
        self._hover(self._accuracy_item, ACCURACY_KEYS, args[0])

    def _hover(self, item: pg.PlotItem, keys: tuple[str, ...], scene_pos: QPointF) -> None:
        """Snap to the current run's point nearest to the pointer (in pixels) and show its epoch and value."""
        view = item.getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):  # over an axis, not the data
            self._reset_hover_label()
            return
        if not self._runs:
            return
        pointer = view.mapSceneToView(scene_pos)
        pixel_w, pixel_h = view.viewPixelSize()
        log = item is self._loss_item and self._log_scale
        best: tuple[float, str, float, float] | None = None
        for key in keys:
            x, y = self._runs[-1].series[key].arrays()
            if log:  # the view holds log10(loss); compare distances where the points are drawn
                x, y = x[y > 0], y[y > 0]
                shown = np.log10(y)
            else:
                shown = y
            if len(x) == 0:
                continue
            distance = ((x - pointer.x()) / pixel_w) ** 2 + ((shown - pointer.y()) / pixel_h) ** 2
            i = int(np.argmin(distance))
            if best is None or distance[i] < best[0]:
                best = (float(distance[i]), key, float(x[i]), float(y[i]))
        if best is not None:
            self._show_point(item, *best[1:])

    def _show_point(self, item: pg.PlotItem, key: str, x: float, y: float) -> None:
        """Put the crosshair on (x, y) of curve ``key`` in ``item`` and read it out in the hover label."""
        log = item is self._loss_item and self._log_scale
        self.hover_label.setText(self.tr("epoch {epoch} · {name} {value}").format(
            epoch=f"{x:.2f}", name=self._series_name(key), value=_format_value(y)))
        for line in self._crosshairs:
            line.setPos(x)
            line.setVisible(True)
        for owner, dot in self._hover_dots.items():
            # A loss of exactly 0 has no place on a log axis: the label still reads it out.
            dot.setVisible(owner is item and not (log and y <= 0))
        if self._hover_dots[item].isVisible():
            self._hover_dots[item].setData([x], [math.log10(y) if log else y])

    def _series_name(self, key: str) -> str:
        return {
            "batch_loss": self.tr("batch loss"),
            "loss": self.tr("loss"),
            "val_loss": self.tr("validation loss"),
            "accuracy": self.tr("accuracy"),
            "val_accuracy": self.tr("validation accuracy"),
        }[key]


def _with_alpha(color: QColor, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def _blend(color: QColor, background: QColor) -> QColor:
    """``color`` drawn with its alpha over ``background``, as an opaque colour (rich text ignores alpha)."""
    a = color.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(color.getRgbF()[:3], background.getRgbF()[:3],
                                                                   strict=True)))


def _pen(color: QColor, width: float, dashed: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(color, width=width)
    if dashed:
        # Short dashes (in pen widths): the legend's 20-px sample must show a gap on each side of its symbol.
        pen.setDashPattern([2.0, 2.0])
    return pen


def _format_value(value: float) -> str:
    # Three decimals read well for losses near 0–3 and accuracies; huge losses before a divergence need exponents.
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"
