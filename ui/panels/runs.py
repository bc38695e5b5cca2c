"""Compare training runs: a table of every run in the session, their curves overlaid, and "reopen this model".

The rows come from ``session.runs`` (:class:`sandbox.runs.RunRecord`, filled by the session from its own
training signals); the panel only displays them. Ticked rows draw their curves in one plot, in the run's
own colour, with the metric chosen above the plot. A new run is ticked by itself, and only the five
latest ticks are kept then, so the plot shows the recent runs without any clicking.

The table and the plot are rebuilt from a short single-shot timer, so a burst of session signals costs one
redraw; the running run's batch-loss curve refreshes at most every :data:`LIVE_REFRESH_MS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox.runs import RunRecord, best_run, runs_csv
from sandbox.safefile import atomic_write

from ..presets_text import preset_text
from ..view_state import ViewField
from .room import RoomWatcher, is_wide, room

__all__ = ["RunsPanel"]

#: Delay that merges a burst of session signals into one redraw.
FRAME_MS = 30
#: How often the running run's batch-loss curve is redrawn while the panel is visible.
LIVE_REFRESH_MS = 500
#: New runs are ticked by themselves; beyond this many ticks the oldest one is unticked.
AUTO_TICK_MAX = 5
#: One hue per run number (Okabe–Ito, readable with colour-vision deficiencies; the loss plot's order),
#: with the hard-to-see yellow left out.
RUN_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255")
BEST_COLOR = QColor("#009E73")

#: Columns, in order.
COL_SHOW, COL_RUN, COL_NETWORK, COL_PARAMS, COL_OPTIMIZER, COL_LR, COL_BATCH, COL_EPOCHS, COL_TRAIN_LOSS, \
    COL_TRAIN_ACC, COL_VAL_LOSS, COL_VAL_ACC, COL_TIME, COL_RESULT = range(14)
#: Runs up to this many epochs long get a tick per epoch.
_WHOLE_EPOCH_TICKS = 12
#: Metric choices of the overlay: (key, per epoch?); "batch_loss" is the downsampled per-batch curve.
METRICS = (("loss", True), ("val_loss", True), ("accuracy", True), ("val_accuracy", True), ("batch_loss", False))


def run_color(number: int) -> QColor:
    """The colour of run ``number`` in the table and the plot."""
    return QColor(RUN_COLORS[(number - 1) % len(RUN_COLORS)])


class _Item(QTableWidgetItem):
    """A cell that sorts by a number (Qt.UserRole) instead of its text; NaN sorts last."""

    def __init__(self, text: str, key: float | str) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, key)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        a, b = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(a, float) and isinstance(b, float):
            # NaN (no value yet) goes to the end in ascending order
            return (math.isnan(a), a if not math.isnan(a) else 0.0) < (math.isnan(b), b if not math.isnan(b) else 0.0)
        if isinstance(a, int | float) and isinstance(b, int | float):
            return a < b
        return str(a) < str(b)


@dataclass
class RunsView:
    """What the Runs dock shows beyond the session's runs, kept across rebuilds of the panel (ui.view_state)."""

    ticked: set[int] = field(default_factory=set)
    seen: set[int] = field(default_factory=set)
    metric_index: int = 0
    selected: int | None = None


class RunsPanel(QWidget):
    """The session's training runs side by side.

    Parameters
    ----------
    session : ui.session.Session
        Provides ``runs``, ``runsChanged``, ``reopen_run``, ``can_reopen_run`` and ``clear_runs``.
    """

    View = RunsView
    ticked = ViewField()  # run numbers whose curves are drawn
    _seen = ViewField()  # run numbers already shown once (only new ones get ticked by themselves)

    def __init__(self, session, parent: QWidget | None = None, *, view: RunsView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.session = session
        fresh = view is None
        self.view = RunsView() if view is None else view
        self._updating = False  # the table is being rebuilt: its itemChanged signals are not the user's

        palette = self.palette()
        self._foreground = palette.color(QPalette.ColorRole.Text)
        background = palette.color(QPalette.ColorRole.Base)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("runsEmptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.table = QTableWidget(0, 14)
        self.table.setObjectName("runsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_RUN, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        # Columns are sized by _fit_columns: Qt's ResizeToContents reserves room for the sort arrow in every
        # header, which pushed the fourteen columns past a 900-pixel-wide window.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NETWORK, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.sortIndicatorChanged.connect(self._fit_columns)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.metric_label = QLabel()
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("runsMetricCombo")
        self.metric_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, _per_epoch in METRICS:
            self.metric_combo.addItem("", key)
        self.metric_label.setBuddy(self.metric_combo)
        self.metric_combo.currentIndexChanged.connect(self._on_metric_changed)

        self.plot = pg.PlotWidget(background=background)
        self.plot.setObjectName("runsOverlayPlot")
        self._plot_item = self.plot.getPlotItem()
        self._plot_item.showGrid(x=True, y=True, alpha=0.15)
        self._plot_item.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = self._plot_item.getAxis(name)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            axis.enableAutoSIPrefix(False)  # plain units, as in the table: never "accuracy (x0.001)"
        self._plot_item.getAxis("left").setWidth(48)
        legend_bg = QColor(background)
        legend_bg.setAlpha(210)
        edge = QColor(self._foreground)
        edge.setAlpha(60)
        self._legend = self._plot_item.addLegend(offset=(-8, 8), labelTextSize="8pt", labelTextColor=self._foreground,
                                                 brush=pg.mkBrush(legend_bg), pen=pg.mkPen(edge))
        self.plot.setMinimumHeight(120)
        #: run number → curve currently drawn (tests read this; the panel rebuilds it on every redraw)
        self.curves: dict[int, pg.PlotDataItem] = {}

        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenRunButton")
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportRunsButton")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearRunsButton")
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("runsStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty_label, 1)
        top_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.status_label, 1)
        top_layout.addLayout(buttons)

        self._plot_box = bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(self.metric_label)
        chooser.addWidget(self.metric_combo)
        chooser.addStretch(1)
        bottom_layout.addLayout(chooser)
        bottom_layout.addWidget(self.plot, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        # The table always shows its two-line header and three runs; the splitter shares the rest with the plot.
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(3 * row + 3 * self.fontMetrics().height())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._room = RoomWatcher(self, self._choose_orientation)
        self.setTabOrder(self.table, self.reopen_button)
        self.setTabOrder(self.reopen_button, self.export_button)
        self.setTabOrder(self.export_button, self.clear_button)
        self.setTabOrder(self.clear_button, self.metric_combo)

        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self.refresh)
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_REFRESH_MS)
        self._live.timeout.connect(self._redraw_plot)

        session.runsChanged.connect(self._schedule)
        session.stateChanged.connect(self._on_state_changed)
        session.batchesReceived.connect(self._on_batches)
        self.retranslate()
        if not fresh:  # a rebuild (a language switch): the curve and the selected run of the panel it replaces
            self.metric_combo.setCurrentIndex(self.view.metric_index)
        self.refresh()
        if not fresh and self.view.selected is not None:
            rows = [r for r in range(self.table.rowCount())
                    if self.table.item(r, COL_RUN).data(Qt.ItemDataRole.UserRole) == self.view.selected]
            if rows:
                self.table.selectRow(rows[0])
        self.metric_combo.currentIndexChanged.connect(self._remember_metric)
        self.table.itemSelectionChanged.connect(self._remember_selection)

    @Slot(int)
    def _remember_metric(self, index: int) -> None:
        self.view.metric_index = index

    @Slot()
    def _remember_selection(self) -> None:
        if not self._updating:
            self.view.selected = self.selected_run()

    # ---- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every fixed text in the current language (the main window calls this)."""
        # Two-line headers keep the fourteen columns within a 900-pixel-wide window.
        headers = (self.tr("Plot"), self.tr("#"), self.tr("Network"), self.tr("Weights"), self.tr("Optimizer"),
                   self.tr("Learning\nrate"), self.tr("Batch"), self.tr("Epochs"), self.tr("Train\nloss"),
                   self.tr("Train\nacc."), self.tr("Val.\nloss"), self.tr("Val.\nacc."), self.tr("Time"),
                   self.tr("Result"))
        tips = (self.tr("Tick a run to draw its curve in the plot below"), self.tr("Run number"),
                self.tr("The network the run trained"), self.tr("Number of weights (parameters)"),
                self.tr("Optimizer"), self.tr("Learning rate at the start (→ at the end, if you changed it)"),
                self.tr("Batch size"), self.tr("Epochs done in this run / epochs asked for"),
                self.tr("Training loss after the run's last epoch"),
                self.tr("Training accuracy after the run's last epoch"),
                self.tr("Validation loss after the run's last epoch (images held out from training)"),
                self.tr("Validation accuracy after the run's last epoch; the best one is highlighted"),
                self.tr("Time spent training (pauses not counted)"),
                self.tr("How the run ended"))
        for column, (text, tip) in enumerate(zip(headers, tips, strict=True)):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.empty_label.setText(self.tr(
            "No training runs yet. Press Train (or Step) to make one: every run appears here with its settings "
            "and final scores, so you can compare runs and reopen the best model."))
        self.table.setAccessibleName(self.tr("Training runs"))
        self.table.setToolTip(self.tr("Every training run of this session. Click a header to sort; tick runs to "
                                      "compare their curves; select a run to reopen its model."))
        self.metric_label.setText(self.tr("&Curve:"))
        names = {"loss": self.tr("Loss (per epoch)"), "val_loss": self.tr("Validation loss (per epoch)"),
                 "accuracy": self.tr("Accuracy (per epoch)"),
                 "val_accuracy": self.tr("Validation accuracy (per epoch)"),
                 "batch_loss": self.tr("Loss (every batch, averaged)")}
        for index in range(self.metric_combo.count()):
            self.metric_combo.setItemText(index, names[self.metric_combo.itemData(index)])
        self.metric_combo.setAccessibleName(self.tr("Curve to compare"))
        self.metric_combo.setToolTip(self.tr("Which curve of the ticked runs the plot shows"))
        self.plot.setAccessibleName(self.tr("Curves of the ticked runs"))
        self.plot.setToolTip(self.tr("The chosen curve of every ticked run, one colour per run; x counts the "
                                     "epochs since that run started"))
        self._plot_item.setLabel("bottom", self.tr("epochs since the run started"))
        self.reopen_button.setText(self.tr("Reopen model"))
        self.reopen_button.setAccessibleName(self.tr("Reopen the selected run's model"))
        self.reopen_button.setToolTip(self.tr("Make the selected run's network, settings and final weights the "
                                              "current model (Undo brings the current one back)"))
        self.export_button.setText(self.tr("E&xport CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the runs table as CSV"))
        self.export_button.setToolTip(self.tr("Save the table as a CSV file for a spreadsheet"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear the runs table"))
        self.clear_button.setToolTip(self.tr("Forget all finished runs and their kept weights"))
        self.status_label.setAccessibleName(self.tr("Runs message"))
        self._schedule()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._foreground = self.palette().color(QPalette.ColorRole.Text)
        super().changeEvent(event)

    # ---- reading the session ---------------------------------------------------------------------
    @Slot()
    def _schedule(self) -> None:
        if not self._frame.isActive():
            self._frame.start()

    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        self._update_buttons()
        self._schedule()

    @Slot(object)
    def _on_batches(self, _records: list) -> None:
        # Only the batch-loss curve moves between epochs; redraw it now and then, and only if someone sees it.
        if self.metric_combo.currentData() == "batch_loss" and self.isVisible() and not self._live.isActive():
            self._live.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def _choose_orientation(self) -> None:
        # Table above the plot in a tall dock; side by side in a wide, short one (the bottom dock area).
        wide = is_wide(self)
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            # the table's fourteen columns get the larger share of a wide dock; the plot the larger of a tall one
            table, plot = (3, 2) if wide else (2, 3)
            self.splitter.setStretchFactor(0, table)
            self.splitter.setStretchFactor(1, plot)
            total = room(self).width() if wide else room(self).height()
            self.splitter.setSizes([total * table // 5, total * plot // 5])

    def selected_run(self) -> int | None:
        """The number of the selected row's run, or None."""
        rows = self.table.selectionModel().selectedRows(COL_RUN)
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), COL_RUN).data(Qt.ItemDataRole.UserRole))

    @Slot()
    def refresh(self) -> None:
        """Rebuild the table and the plot from ``session.runs``."""
        runs: list[RunRecord] = list(self.session.runs)
        numbers = {r.number for r in runs}
        for run in runs:
            if run.number not in self._seen:
                self._seen.add(run.number)
                self.ticked.add(run.number)
                while len(self.ticked) > AUTO_TICK_MAX:
                    self.ticked.discard(min(self.ticked))
        self.ticked &= numbers
        self._seen &= numbers
        self.empty_label.setVisible(not runs)
        self.table.setVisible(bool(runs))
        self._plot_box.setVisible(bool(runs))  # an empty plot under the message would only puzzle
        self._fill_table(runs)
        self._redraw_plot()
        self._update_buttons()

    def _fill_table(self, runs: list[RunRecord]) -> None:
        selected = self.selected_run()
        best = best_run([r for r in runs if r.end_reason != "running"])
        self._updating = True
        self.table.setSortingEnabled(False)  # rows would move while being filled
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            for column, item in enumerate(self._row_items(run, best is run)):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self._updating = False
        self._fit_columns()
        if selected is not None:
            for row in range(self.table.rowCount()):
                if self.table.item(row, COL_RUN).data(Qt.ItemDataRole.UserRole) == selected:
                    self.table.selectRow(row)

    @Slot()
    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        arrow = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize) + 6
        for column in range(self.table.columnCount()):
            if column == COL_NETWORK:
                continue
            title = self.table.horizontalHeaderItem(column).text()
            width = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 14
            if column == header.sortIndicatorSection():
                width += arrow
            header.resizeSection(column, max(width, self.table.sizeHintForColumn(column)))

    def _row_items(self, run: RunRecord, best: bool) -> list[QTableWidgetItem]:
        t = run.training
        show = _Item("", 1 if run.number in self.ticked else 0)
        show.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        show.setCheckState(Qt.CheckState.Checked if run.number in self.ticked else Qt.CheckState.Unchecked)
        show.setToolTip(self.tr("Draw run {n}'s curve").format(n=run.number))
        number = _Item(str(run.number), run.number)
        swatch = QPixmap(10, 10)
        swatch.fill(run_color(run.number))
        number.setIcon(QIcon(swatch))
        network_text = preset_text(run.preset)[0] if run.preset else self.tr("custom: {layers}").format(
            layers=run.layers)
        network = _Item(network_text, network_text)
        describe = getattr(self.session, "describe_run", None)
        label = (describe(run.number) if describe is not None else None) or run.label  # in today's language
        network.setToolTip(self.tr("{label}\nLayers: {layers}").format(label=label, layers=run.layers))
        lr_text = f"{t.learning_rate:g}"
        if run.learning_rate_changed:
            lr_text = self.tr("{start} → {end}").format(start=lr_text, end=f"{run.final_learning_rate:g}")
        epochs = _Item(self.tr("{done} / {asked}").format(done=run.epochs_done, asked=t.epochs), run.epochs_done)
        if run.start_epoch:
            # A run that went on training weights trained before is not a fair comparison: say so in the cell.
            epochs.setText(self.tr("{done} / {asked} (after {start})").format(
                done=run.epochs_done, asked=t.epochs, start=run.start_epoch))
            epochs.setToolTip(self.tr("This run went on training weights that had already had {n} epochs").format(
                n=run.start_epoch))
        items = [show, number, network, _Item(f"{run.params:,}", run.params), _Item(t.optimizer, t.optimizer),
                 _Item(lr_text, t.learning_rate), _Item(str(t.batch_size), t.batch_size), epochs,
                 self._metric_item(run.final("loss"), False), self._metric_item(run.final("accuracy"), True),
                 self._metric_item(run.final("val_loss"), False), self._metric_item(run.final("val_accuracy"), True),
                 _Item(self._duration(run.wall_time), float(run.wall_time)), self._result_item(run)]
        if best:
            cell = items[COL_VAL_ACC]
            font = QFont(cell.font())
            font.setBold(True)
            cell.setFont(font)
            tint = QColor(BEST_COLOR)
            tint.setAlpha(70)
            cell.setBackground(QBrush(tint))
            cell.setToolTip(self.tr("Best validation accuracy of all runs"))
        for item in (*items[COL_PARAMS:COL_OPTIMIZER], *items[COL_LR:COL_RESULT]):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return items

    def _metric_item(self, value: float, percent: bool) -> _Item:
        if not math.isfinite(value):
            return _Item("–", math.nan)
        return _Item(f"{value:.1%}" if percent else f"{value:.3f}", float(value))

    def _duration(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("{s:.1f} s").format(s=seconds)
        return self.tr("{m}:{s:02d} min").format(m=int(seconds // 60), s=int(seconds % 60))

    def _result_item(self, run: RunRecord) -> _Item:
        names = {"running": self.tr("training…"), "finished": self.tr("finished"), "stopped": self.tr("stopped"),
                 "diverged": self.tr("diverged"), "error": self.tr("error")}
        text = names.get(run.end_reason, run.end_reason)
        item = _Item(text, text)
        if run.end_reason != "running" and not run.has_weights:
            item.setText(self.tr("{result} (weights no longer kept)").format(result=text))
            item.setToolTip(self.tr("Only the latest runs keep their weights, so this model cannot be reopened"))
        elif run.end_reason == "diverged":
            item.setToolTip(self.tr("The loss blew up; Reopen gives the last weights before it did"))
        return item

    # ---- the plot --------------------------------------------------------------------------------
    @Slot()
    def _redraw_plot(self) -> None:
        key = self.metric_combo.currentData()
        self._plot_item.clear()
        self._legend.clear()
        self.curves = {}
        self._plot_item.setLabel("left", self.metric_combo.currentText().split(" (")[0])
        longest = 0
        for run in self.session.runs:
            if run.number not in self.ticked:
                continue
            x, y = run.batch_loss.arrays() if key == "batch_loss" else run.series(key)
            finite = np.isfinite(y)  # a diverged epoch's NaN would break pyqtgraph's autorange
            x, y = x[finite], y[finite]
            longest = max(longest, len(x))
            per_epoch = key != "batch_loss"
            pen = pg.mkPen(run_color(run.number), width=2)
            curve = self._plot_item.plot(
                x, y, pen=pen, name=self.tr("Run {n}").format(n=run.number),
                symbol="o" if per_epoch else None, symbolSize=6, symbolBrush=run_color(run.number), symbolPen=None)
            self.curves[run.number] = curve
        self._legend.setVisible(bool(self.curves))
        # Epochs are whole numbers: a few of them get one tick each rather than pyqtgraph's 1.5, 2.5…
        whole = key != "batch_loss" and longest <= _WHOLE_EPOCH_TICKS
        self._plot_item.getAxis("bottom").setTickSpacing(*((1, 1) if whole else ()))

    # ---- the user's actions ----------------------------------------------------------------------
    @Slot(int)
    def _on_metric_changed(self, _index: int) -> None:
        self._redraw_plot()

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != COL_SHOW:
            return
        number = int(self.table.item(item.row(), COL_RUN).data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.ticked.add(number)
        else:
            self.ticked.discard(number)
        self._updating = True
        item.setData(Qt.ItemDataRole.UserRole, 1 if number in self.ticked else 0)  # sort ticked runs together
        self._updating = False
        self._redraw_plot()

    def set_ticked(self, number: int, ticked: bool) -> None:
        """Tick or untick run ``number`` (as clicking its check box does)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_RUN).data(Qt.ItemDataRole.UserRole) == number:
                self.table.item(row, COL_SHOW).setCheckState(Qt.CheckState.Checked if ticked
                                                             else Qt.CheckState.Unchecked)

    @Slot()
    def _update_buttons(self) -> None:
        number = self.selected_run()
        can = number is not None and self.session.can_reopen_run(number)
        self.reopen_button.setEnabled(can)
        self.clear_button.setEnabled(bool(self.session.runs))
        self.export_button.setEnabled(bool(self.session.runs))

    @Slot()
    def reopen_selected(self) -> bool:
        """Reopen the selected run's model (one undoable step); False if that is not possible now."""
        number = self.selected_run()
        if number is None:
            return False
        if not self.session.reopen_run(number):
            self.status_label.setText(self.tr("Run {n}'s model cannot be reopened now.").format(n=number))
            return False
        self.status_label.setText(self.tr("Run {n}'s model is the current model again. Undo brings back the one "
                                          "you had.").format(n=number))
        return True

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export runs"), "runs.csv",
                                                    self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> bool:
        """Write the table to ``path`` as CSV (atomically); on failure say why in the panel and return False."""
        data = runs_csv(list(self.session.runs)).encode("utf-8")
        try:
            atomic_write(path, lambda f: f.write(data))
        except OSError as exc:
            self.status_label.setText(self.tr("Could not save {file}: {reason}").format(
                file=path, reason=exc.strerror or str(exc)))
            return False
        self.status_label.setText(self.tr("Saved {n} runs to {file}.").format(n=len(self.session.runs), file=path))
        return True

    @Slot()
    def _on_clear_clicked(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Clear runs"),
            self.tr("Forget all finished runs? Their kept weights go too, so they cannot be reopened."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.session.clear_runs()
            self.status_label.clear()
