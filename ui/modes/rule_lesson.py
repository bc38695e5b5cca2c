"""The "Find the rule" mode: chapter 1's contrast of programming and learning, with one neuron.

Classical programming turns rules and data into answers; machine learning turns data and answers into
rules. The learner sees the chapter's pairs 1 → 10, 2 → 12, 3 → 14, tries a rule of their own
(``y = x + 9`` to begin with, which 2 → 12 proves wrong) and watches the one-neuron model
``y = w·x + b`` find ``y = 2x + 8`` by gradient descent, every number of every step written out.

Four optimizers (SGD, Momentum, RMSprop, Adam) race on the same loss map at the same learning rate,
so their paths through the long, narrow valley can be compared: SGD zig-zags, momentum overshoots,
RMSprop and Adam walk about one learning rate per step. The math lives in
:mod:`sandbox.lessons.rule` and uses the engine's real optimizers; this widget only drives it and
draws. Nothing here runs in a thread: a step of four 2-parameter models takes microseconds, so Play is
a 20 frames/s timer that takes a few steps per frame, more as the run gets long, so the first steps
can be watched one by one and the slow end of the valley does not take minutes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRectF, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox.lessons.rule import (
    DEFAULT_LEARNING_RATES,
    MOMENTUM,
    OPTIMIZERS,
    STALL_WINDOW,
    RuleLearner,
    RuleProblem,
    StepRecord,
    format_rule,
)

from ..actions import TrainingActions, bind_button
from ..view_state import ViewField

__all__ = ["RuleLessonMode", "format_number", "format_rule_number", "lr_from_position", "position_from_lr",
           "steps_per_frame"]

#: Play's frame interval: 20 frames per second.
FRAME_MS = 50
#: Play takes one step per frame for the first SLOW_STEPS steps, then about 5 % more per frame, up to
#: MAX_STEPS_PER_FRAME: the first steps can be followed one by one, and the long crawl along the valley
#: still ends within a few seconds.
SLOW_STEPS, MAX_STEPS_PER_FRAME = 40, 50
#: Play pauses by itself after this many steps when some optimizer has neither converged nor diverged.
MAX_PLAY_STEPS = 3000
#: The learning-rate slider covers 10^LR_LOG_MIN … 10^LR_LOG_MAX in LR_TICKS_PER_DECADE positions per decade.
LR_LOG_MIN, LR_LOG_MAX, LR_TICKS_PER_DECADE = -4.0, math.log10(2.0), 100
#: Data values the table accepts. Large x make the loss valley steep: SGD then needs a rate below the
#: slider's range and diverges visibly, which is a lesson in itself (why inputs get scaled).
POINT_LIMIT = 1000.0
#: One colour per optimizer (Okabe–Ito, readable with colour-vision deficiencies).
COLORS = {"SGD": "#0072B2", "Momentum": "#D55E00", "RMSprop": "#009E73", "Adam": "#CC79A7"}
GUESS_COLOR, ERROR_COLOR, DIVERGED_COLOR = "#7A5C00", "#C0392B", "#D00000"
#: The loss map's colours, from the lowest loss to the highest: light greys that the paths stand out on.
MAP_COLORS = ("#FFFFFF", "#E3E6EA", "#9BA3AD")
#: Losses below this are drawn as this (the log scale would otherwise reach −∞ at the minimum).
LOSS_FLOOR = 1e-2
#: Cells per side of the loss map (which spans twice the view: about 120 cells across the view).
MAP_CELLS = 240
#: Number of contour lines over the map's range of log-loss.
CONTOUR_LINES = 10


def format_number(value: float, decimals: int = 3) -> str:
    """A number as the step panel prints it: fixed decimals, a real minus sign, exponents when huge.

    Parameters
    ----------
    value : float
    decimals : int

    Returns
    -------
    str
        ``"−26.667"``, ``"1.234e+07"``, ``"∞"`` or ``"NaN"``.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    text = f"{value:.{decimals}e}" if abs(value) >= 1e5 else f"{value:.{decimals}f}"
    if float(text) == 0.0:
        text = text.lstrip("-")  # no "−0.000"
    return text.replace("-", "−")


def steps_per_frame(steps_done: int) -> int:
    """How many steps Play takes in its next frame, after ``steps_done`` steps since the start."""
    return max(1, min(MAX_STEPS_PER_FRAME, steps_done // (SLOW_STEPS // 2)))


def lr_from_position(position: int) -> float:
    """The learning rate at a slider position, rounded to 2 significant digits."""
    return float(f"{10.0 ** (position / LR_TICKS_PER_DECADE):.2g}")


def position_from_lr(learning_rate: float) -> int:
    """The slider position nearest to ``learning_rate``."""
    return round(math.log10(learning_rate) * LR_TICKS_PER_DECADE)


def _paren(value: float) -> str:
    """A number to be multiplied or added: negative ones in parentheses, as written by hand."""
    text = format_number(value)
    return f"({text})" if text.startswith("−") else text


def _clip(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Clip float64 values to 10 spans beyond ``[low, high]``, so a diverging path leaves the view
    without handing Qt coordinates of 1e300; NaN stays NaN (a gap in the curve)."""
    span = high - low
    return np.clip(values, low - 10 * span, high + 10 * span)


@dataclass(eq=False)
class _Lane:
    """One optimizer of the race: its learner, its path on the loss map and the dot at the path's end."""

    name: str
    color: QColor
    learner: RuleLearner
    path_item: pg.PlotDataItem
    head_item: pg.ScatterPlotItem
    drawn: tuple = ()  # (learner, steps, chosen) when the path was last drawn: unchanged lanes are skipped
    _state: tuple = ()  # (learner, steps, state): the checks look at hundreds of losses, once per step is enough

    def state(self) -> str:
        """``"converged"``, ``"diverged"``, ``"stuck"`` or ``"learning"``."""
        key = (self.learner, self.learner.steps)
        if self._state[:2] != key:
            learner = self.learner
            state = ("converged" if learner.converged() else "diverged" if learner.diverged()
                     else "stuck" if learner.stalled() else "learning")
            self._state = (*key, state)
        return self._state[2]

    def done(self) -> bool:
        """True when the learner has converged, diverged or got stuck: it takes no more steps."""
        return self.state() != "learning"


class _NumberDelegate(QStyledItemDelegate):
    """Edits a data cell with a spin box, so only numbers within ±POINT_LIMIT can be typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QDoubleSpinBox(parent)
        editor.setRange(-POINT_LIMIT, POINT_LIMIT)
        editor.setDecimals(2)
        editor.setFrame(False)
        return editor


class _RateSpinBox(QDoubleSpinBox):
    """A learning-rate spin box that writes 0.1 rather than 0.1000."""

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(value, "g", 3)


def _optimizer_title(name: str) -> str:
    """An optimizer's name as the lesson shows it (only Momentum's is a word to translate)."""
    return QCoreApplication.translate("RuleLessonMode", "Momentum") if name == "Momentum" else name


@dataclass
class RuleLessonView:
    """The lesson as the learner left it, kept when the mode is rebuilt in another language (ui.view_state).

    The four learners are the race itself (their paths and steps); ``status`` says the last event worth a
    sentence in the language installed when it is shown.
    """

    problem: RuleProblem = field(default_factory=RuleProblem.chapter_one)
    learners: dict[str, RuleLearner] = field(default_factory=dict)
    steps: int = 0  # steps since the last restart
    play_steps: int = 0  # steps since Play was last pressed
    status: Callable[[], str] = field(default=lambda: "")
    guess: tuple[float, float] = (1.0, 9.0)  # the learner's w and b
    learning_rate: float = DEFAULT_LEARNING_RATES["SGD"]
    optimizer: int = 0  # the optimizer explained
    playing: bool = False


class RuleLessonMode(QWidget):
    """Find the rule ``y = 2x + 8`` from 1 → 10, 2 → 12, 3 → 14: your guess, one neuron, four optimizers.

    Parameters
    ----------
    parent : QWidget, optional
    actions : TrainingActions, optional
        The shared training actions; the Step and Reset buttons become views of them.

    Notes
    -----
    The mode is self-contained: it needs no session and emits no signals. The main window calls
    :meth:`mode_title`, :meth:`retranslate` after a language switch and :meth:`shutdown` on close.
    """

    #: The training commands' enable state may have changed (see :mod:`ui.actions`).
    commandsChanged = Signal()
    #: The learner's guess or the data changed (read :meth:`hypothesis` and ``problem``); the course listens.
    hypothesisChanged = Signal()
    #: The race was redrawn after a step, a frame of Play or a restart (read :meth:`learner`).
    raceChanged = Signal()
    #: Play was pressed (True) or the race paused (False).
    playToggled = Signal(bool)

    View = RuleLessonView
    problem = ViewField()
    _steps = ViewField()
    _play_steps = ViewField()

    def __init__(self, parent: QWidget | None = None, actions: TrainingActions | None = None,
                 view: RuleLessonView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleLessonMode")
        fresh = view is None or not view.learners
        self.view = RuleLessonView() if view is None else view
        # The main window's training actions act on this lesson while it is on show: Train plays, Pause and
        # Stop pause, Step batch steps, Reset weights starts over. Alone (in tests) it makes its own.
        self.commands = self
        own_actions = actions is None
        self.actions = actions if actions is not None else TrainingActions(self)
        self._lanes: dict[str, _Lane] = {}
        self._ranges = self.problem.default_ranges()
        self._view = ((0.0, 1.0), (0.0, 1.0))  # the data plot's x and y ranges

        palette = self.palette()
        self._background = palette.color(QPalette.ColorRole.Base)
        self._foreground = palette.color(QPalette.ColorRole.Text)
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()

        self._build_left()
        self._build_plots()
        self._build_right()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._left, 0)
        centre = QVBoxLayout()
        centre.setSpacing(2)
        centre.addWidget(self.rule_legend_label)
        centre.addWidget(self.rule_plot, 4)
        centre.addSpacing(6)
        centre.addWidget(self.map_legend_label)
        centre.addWidget(self.contour_plot, 5)
        layout.addLayout(centre, 1)
        layout.addWidget(self._right, 0)

        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_frame)

        self.retranslate()
        self._fill_table()
        with QSignalBlocker(self.w_spin), QSignalBlocker(self.b_spin), QSignalBlocker(self.lr_spin), \
                QSignalBlocker(self.lr_slider), QSignalBlocker(self.optimizer_combo):
            self.w_spin.setValue(self.view.guess[0])
            self.b_spin.setValue(self.view.guess[1])
            self.lr_spin.setValue(self.view.learning_rate)
            self.lr_slider.setValue(position_from_lr(self.view.learning_rate))
            self.optimizer_combo.setCurrentIndex(self.view.optimizer)
        if fresh:
            self._on_problem_changed(restart_message=False)
        else:  # a rebuild: the same race, drawn again where the learner left it
            for name, lane in self._lanes.items():
                lane.learner = self.view.learners[name]
            self._show_problem()
            self._refresh_all()
        for spin in (self.w_spin, self.b_spin):
            spin.valueChanged.connect(self._remember_guess)
        self.lr_spin.valueChanged.connect(self._remember_learning_rate)
        self.optimizer_combo.currentIndexChanged.connect(self._remember_optimizer)
        if self.view.playing:
            self.play_button.setChecked(True)  # Play goes on in the rebuilt mode
        self.playToggled.connect(self._remember_playing)
        if own_actions:
            self.actions.set_target(self)

    # ---- construction ----------------------------------------------------------------------------
    def _build_left(self) -> None:
        self._left = QWidget(self)
        self._left.setFixedWidth(300)
        self.intro_label = QLabel(self._left)
        self.intro_label.setObjectName("ruleIntroLabel")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextFormat(Qt.TextFormat.RichText)

        self.points_group = QGroupBox(self._left)
        self.points_table = QTableWidget(0, 2, self.points_group)
        self.points_table.setObjectName("rulePointsTable")
        self.points_table.setItemDelegate(_NumberDelegate(self.points_table))
        self.points_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.points_table.verticalHeader().setVisible(False)
        self.points_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.points_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.points_table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(self.points_group)
        self.add_button.setObjectName("addPointButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.points_group)
        self.remove_button.setObjectName("removePointButton")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.points_hint = QLabel(self.points_group)
        self.points_hint.setObjectName("rulePointsHint")
        self.points_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        points = QVBoxLayout(self.points_group)
        points.addWidget(self.points_table, 1)
        points.addLayout(buttons)
        points.addWidget(self.points_hint)

        self.guess_group = QGroupBox(self._left)
        self.w_spin = self._spin("hypothesisWSpin", 1.0, 50.0)
        self.b_spin = self._spin("hypothesisBSpin", 9.0, POINT_LIMIT)
        self.w_label = QLabel(self.guess_group)
        self.w_label.setBuddy(self.w_spin)
        self.b_label = QLabel(self.guess_group)
        self.b_label.setBuddy(self.b_spin)
        self.guess_rule_label = QLabel(self.guess_group)
        self.guess_rule_label.setObjectName("hypothesisRuleLabel")
        self.hypothesis_loss_label = QLabel(self.guess_group)
        self.hypothesis_loss_label.setObjectName("hypothesisLossLabel")
        self.hypothesis_check_label = QLabel(self.guess_group)
        self.hypothesis_check_label.setObjectName("hypothesisCheckLabel")
        self.hypothesis_check_label.setWordWrap(True)
        guess = QFormLayout(self.guess_group)
        guess.addRow(self.guess_rule_label)
        guess.addRow(self.w_label, self.w_spin)
        guess.addRow(self.b_label, self.b_spin)
        guess.addRow(self.hypothesis_loss_label)
        guess.addRow(self.hypothesis_check_label)
        for spin in (self.w_spin, self.b_spin):
            spin.valueChanged.connect(self._on_guess_changed)

        self.try_group = QGroupBox(self._left)
        self.try_label = QLabel(self.try_group)
        self.try_label.setObjectName("ruleTryLabel")
        self.try_label.setTextFormat(Qt.TextFormat.RichText)
        self.try_label.setWordWrap(True)
        self.try_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        QVBoxLayout(self.try_group).addWidget(self.try_label)

        column = QVBoxLayout(self._left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro_label)
        column.addWidget(self.points_group, 2)
        column.addWidget(self.guess_group)
        column.addWidget(self.try_group, 1)

    def _spin(self, name: str, value: float, limit: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(-limit, limit)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setValue(value)
        return spin

    def _build_plots(self) -> None:
        fg = self._foreground
        self.rule_plot = pg.PlotWidget(background=self._background)
        self.rule_plot.setObjectName("rulePlot")
        self.rule_plot.setMinimumSize(300, 220)
        item = self.rule_plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        self._style_axes(item)
        self._errors_item = pg.PlotDataItem(pen=pg.mkPen(ERROR_COLOR, width=2), connect="pairs")
        self._guess_item = pg.PlotDataItem(pen=pg.mkPen(GUESS_COLOR, width=2, style=Qt.PenStyle.DashLine))
        self._model_item = pg.PlotDataItem(pen=pg.mkPen(COLORS["SGD"], width=2.5))
        self._points_item = pg.ScatterPlotItem(size=11, pen=pg.mkPen(fg, width=1.5), brush=pg.mkBrush(fg))
        for curve in (self._errors_item, self._guess_item, self._model_item, self._points_item):
            item.addItem(curve)
        item.disableAutoRange()  # a diverging model line must not zoom the points away
        self.rule_plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

        self.contour_plot = pg.PlotWidget(background=self._background)
        self.contour_plot.setObjectName("ruleContourPlot")
        self.contour_plot.setMinimumSize(300, 260)
        contour = self.contour_plot.getPlotItem()
        contour.setMenuEnabled(False)
        contour.setAspectLocked(True)  # equal scales, so the valley's true shape shows
        self._style_axes(contour)
        self._image = pg.ImageItem(axisOrder="col-major")
        self._map_colors = pg.ColorMap(np.linspace(0.0, 1.0, len(MAP_COLORS)), [QColor(c) for c in MAP_COLORS])
        self._image.setColorMap(self._map_colors)
        contour.addItem(self._image)
        self._isocurves = []
        for _ in range(CONTOUR_LINES):
            iso = pg.IsocurveItem(pen=pg.mkPen(_alpha(QColor("#5B6470"), 110), width=1))
            iso.setParentItem(self._image)
            iso.setPos(0.5, 0.5)  # sample i is the centre of image pixel i, not its corner
            self._isocurves.append(iso)
        self._color_bar = pg.ColorBarItem(colorMap=self._map_colors, interactive=False, width=14,
                                          colorMapMenu=False)
        self._color_bar.setImageItem(self._image, insert_in=contour)
        self._start_item = pg.ScatterPlotItem(size=10, symbol="o", pen=pg.mkPen(fg, width=1.5), brush=None)
        self._best_item = pg.ScatterPlotItem(size=16, symbol="star", pen=pg.mkPen(fg, width=1),
                                             brush=pg.mkBrush("#F0E442"))
        self._guess_marker = pg.ScatterPlotItem(size=13, symbol="x", pen=None, brush=pg.mkBrush(GUESS_COLOR))
        for marker in (self._start_item, self._best_item, self._guess_marker):
            marker.setZValue(20)  # above every path: the star must stay findable under a busy path
            contour.addItem(marker)
        for name in OPTIMIZERS:
            color = QColor(COLORS[name])
            path = pg.PlotDataItem(pen=pg.mkPen(color, width=2), connect="finite")
            head = pg.ScatterPlotItem(size=9, pen=pg.mkPen(self._background, width=1), brush=pg.mkBrush(color))
            contour.addItem(path)
            contour.addItem(head)
            placeholder = RuleLearner(self.problem, name, DEFAULT_LEARNING_RATES[name])  # replaced by _restart
            self._lanes[name] = _Lane(name, color, placeholder, path, head)
        contour.disableAutoRange()  # a diverging path flies off the map; the map stays

        # The keys sit above the plots, not in them: a legend inside covered the data point at 1 → 10.
        self.rule_legend_label = QLabel(self)
        self.rule_legend_label.setObjectName("rulePlotLegend")
        self.rule_legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.rule_legend_label.setWordWrap(True)
        self.map_legend_label = QLabel(self)
        self.map_legend_label.setObjectName("ruleMapLegend")
        self.map_legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.map_legend_label.setWordWrap(True)

    def _style_axes(self, item: pg.PlotItem) -> None:
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            axis.enableAutoSIPrefix(False)  # plain units: never "(x0.001)" beside the numbers the learner types

    def _build_right(self) -> None:
        self._right = QWidget(self)
        self._right.setFixedWidth(390)
        self.controls_group = QGroupBox(self._right)
        self.optimizer_combo = QComboBox(self.controls_group)
        self.optimizer_combo.setObjectName("ruleOptimizerCombo")
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem(name, name)
        self.optimizer_combo.currentIndexChanged.connect(self._on_optimizer_chosen)
        self.optimizer_label = QLabel(self.controls_group)
        self.optimizer_label.setBuddy(self.optimizer_combo)

        self.lr_spin = _RateSpinBox(self.controls_group)
        self.lr_spin.setObjectName("ruleLearningRateSpin")
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(10.0 ** LR_LOG_MIN, 10.0 ** LR_LOG_MAX)
        self.lr_spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setValue(DEFAULT_LEARNING_RATES["SGD"])
        self.lr_spin.valueChanged.connect(self._on_lr_spin)
        self.lr_slider = QSlider(Qt.Orientation.Horizontal, self.controls_group)
        self.lr_slider.setObjectName("ruleLearningRateSlider")
        self.lr_slider.setRange(round(LR_LOG_MIN * LR_TICKS_PER_DECADE), round(LR_LOG_MAX * LR_TICKS_PER_DECADE))
        self.lr_slider.setPageStep(LR_TICKS_PER_DECADE // 4)
        self.lr_slider.setValue(position_from_lr(self.lr_spin.value()))
        self.lr_slider.valueChanged.connect(self._on_lr_slider)
        self.lr_label = QLabel(self.controls_group)
        self.lr_label.setBuddy(self.lr_spin)
        self.suggest_button = QPushButton(self.controls_group)
        self.suggest_button.setObjectName("ruleSuggestedRateButton")
        self.suggest_button.clicked.connect(self.use_suggested_rate)

        self.step_button = QPushButton(self.controls_group)
        self.step_button.setObjectName("ruleStepButton")
        bind_button(self.step_button, self.actions["step_batch"])
        self.play_button = QPushButton(self.controls_group)
        self.play_button.setObjectName("rulePlayButton")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.reset_button = QPushButton(self.controls_group)
        self.reset_button.setObjectName("ruleResetButton")
        bind_button(self.reset_button, self.actions["reset_weights"])

        rate_row = QHBoxLayout()
        rate_row.addWidget(self.lr_spin)
        rate_row.addWidget(self.lr_slider, 1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.step_button)
        run_row.addWidget(self.play_button)
        run_row.addWidget(self.reset_button)
        form = QFormLayout(self.controls_group)
        form.addRow(self.optimizer_label, self.optimizer_combo)
        form.addRow(self.lr_label, rate_row)
        form.addRow(self.suggest_button)
        form.addRow(run_row)

        self.result_label = QLabel(self._right)
        self.result_label.setObjectName("ruleResultLabel")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(44)
        self._result_font = QFont(self.font())
        self._result_font.setPointSizeF(self.font().pointSizeF() * 2.0)
        self._result_font.setBold(True)
        self.race_label = QLabel(self._right)
        self.race_label.setObjectName("ruleRaceLabel")
        self.race_label.setTextFormat(Qt.TextFormat.RichText)
        self.race_label.setWordWrap(True)

        self.step_label = QLabel()
        self.step_label.setObjectName("ruleStepLabel")
        self.step_label.setTextFormat(Qt.TextFormat.RichText)
        self.step_label.setWordWrap(True)
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.step_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.step_scroll = QScrollArea(self._right)
        self.step_scroll.setObjectName("ruleStepScroll")
        self.step_scroll.setWidgetResizable(True)
        self.step_scroll.setWidget(self.step_label)

        column = QVBoxLayout(self._right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.controls_group)
        column.addWidget(self.result_label)
        column.addWidget(self.race_label)
        column.addWidget(self.step_scroll, 1)

    # ---- the main window's interface -------------------------------------------------------------
    def mode_title(self) -> str:
        """The mode's name for menus and the window title."""
        return self.tr("Find the rule")

    def shutdown(self) -> None:
        """Stop Play's timer (there are no threads)."""
        self._timer.stop()

    def retranslate(self) -> None:
        """Set every text in the current language, keeping the lesson where it is."""
        self.setAccessibleName(self.tr("Find the rule"))
        self.intro_label.setText(
            "<p style='margin:0'>{}<br><b>{}</b></p><p style='margin-top:6px'>{}</p>".format(
                escape(self.tr("Classical programming: rules + data → answers.")),
                escape(self.tr("Machine learning: data + answers → rules.")),
                escape(self.tr("Here are data and answers. Can you find the rule? Then watch one neuron, "
                          "y = w·x + b, learn it."))))
        self.intro_label.setAccessibleName(self.tr("What this lesson is about"))

        self.points_group.setTitle(self.tr("Data and answers"))
        self.points_table.setHorizontalHeaderLabels([self.tr("x (data)"), self.tr("y (answer)")])
        self.points_table.setAccessibleName(self.tr("Data points"))
        self.points_table.setToolTip(self.tr("Each row is one example: the input x and the answer y. "
                                        "Double-click or press F2 to change a number."))
        self._set_texts(self.add_button, self.tr("Add point"), self.tr("Add a data point"),
                        self.tr("Add a row for a new example (you can also click on the plot)."))
        self._set_texts(self.remove_button, self.tr("Remove point"), self.tr("Remove the selected data point"),
                        self.tr("Remove the selected row (or the last one)."))
        self._points_hint_text()
        self.try_group.setTitle(self.tr("Things to try"))
        self.try_label.setText("<ol style='margin-left:-20px'>{}</ol>".format("".join(
            f"<li>{escape(text)}</li>" for text in (
                self.tr("Change w and b until the loss of your rule is 0."),
                self.tr("Press Step a few times and follow the numbers on the right."),
                self.tr("Raise the learning rate until SGD diverges."),
                self.tr("Add the point 4 → 16. Does the rule change? Then try 4 → 20."),
            ))))
        self.try_label.setAccessibleName(self.tr("Things to try"))

        self.guess_group.setTitle(self.tr("Your guess (hypothesis)"))
        self.w_label.setText(self.tr("&w (slope):"))
        self.b_label.setText(self.tr("&b (offset):"))
        self.w_spin.setAccessibleName(self.tr("Your guess: w"))
        self.w_spin.setToolTip(self.tr("How much y grows when x grows by 1, in your rule y = w·x + b."))
        self.b_spin.setAccessibleName(self.tr("Your guess: b"))
        self.b_spin.setToolTip(self.tr("The value of y when x is 0, in your rule y = w·x + b."))
        self.hypothesis_loss_label.setAccessibleName(self.tr("Loss of your guess"))
        self.hypothesis_loss_label.setToolTip(self.tr("Mean squared error: the average of (prediction − answer)² "
                                                 "over the points. 0 means your rule fits every point."))
        self.hypothesis_check_label.setAccessibleName(self.tr("How your guess does on the data"))
        self.guess_rule_label.setAccessibleName(self.tr("Your rule"))

        self.controls_group.setTitle(self.tr("Learning"))
        self.optimizer_label.setText(self.tr("E&xplain:"))
        self.optimizer_combo.setAccessibleName(self.tr("Optimizer to explain"))
        self.optimizer_combo.setToolTip(self.tr("All four optimizers learn at once; this one's numbers are explained "
                                           "below and its line is drawn over the data."))
        self.optimizer_combo.setItemText(OPTIMIZERS.index("Momentum"), self.tr("Momentum"))
        self.lr_label.setText(self.tr("&Learning rate:"))
        self.lr_spin.setAccessibleName(self.tr("Learning rate"))
        self.lr_spin.setToolTip(self.tr("The step size of all four optimizers. Changing it starts them again "
                                   "from w = 0, b = 0."))
        self.lr_slider.setAccessibleName(self.tr("Learning rate (logarithmic slider)"))
        self.lr_slider.setToolTip(self.tr("Drag for a learning rate from 0.0001 to 2; each quarter of the slider "
                                     "is ten times larger."))
        self._set_texts(self.step_button, self.tr("Step"), self.tr("Take one step"),
                        self.tr("Take one gradient step with each of the four optimizers."))
        self._set_texts(self.reset_button, self.tr("Reset"), self.tr("Reset the model"),
                        self.tr("Start all four optimizers again from w = 0, b = 0."))
        self.result_label.setAccessibleName(self.tr("The learned rule"))
        self.result_label.setToolTip(self.tr("The rule the chosen optimizer found, once it has converged."))
        self.race_label.setAccessibleName(self.tr("Where each optimizer is"))
        self.step_label.setAccessibleName(self.tr("The last step, explained with its numbers"))
        self.step_scroll.setAccessibleName(self.tr("Step explanation"))

        self.rule_plot.setAccessibleName(self.tr("Data and rules plot"))
        self.rule_plot.setToolTip(self.tr("The data points, your guess (dashed), the model's rule (solid) and each "
                                     "point's error (red). Click to add a point."))
        rule_item = self.rule_plot.getPlotItem()
        rule_item.setLabel("bottom", self.tr("x (data)"))
        rule_item.setLabel("left", self.tr("y (answer)"))
        self.contour_plot.setAccessibleName(self.tr("Loss map"))
        self.contour_plot.setToolTip(self.tr("The loss for every w and b: lighter is lower, and the star is the best "
                                        "rule. Each coloured path is one optimizer's steps from w = 0, b = 0."))
        contour = self.contour_plot.getPlotItem()
        contour.setLabel("bottom", self.tr("w (slope)"))
        contour.setLabel("left", self.tr("b (offset)"))
        self._color_bar.getAxis("left").setLabel(self.tr("loss"))
        self.rule_legend_label.setAccessibleName(self.tr("Key of the data plot"))
        self.map_legend_label.setAccessibleName(self.tr("Key of the loss map"))
        self.map_legend_label.setText(self._map_legend_html())
        self._refresh_all()

    def _points_hint_text(self) -> None:
        if self.problem.unique:
            self.points_hint.setText(self.tr("Tip: click on the plot to add a point there."))
        else:
            self.points_hint.setText(self.tr("With only one x, many rules fit these points equally well: "
                                             "add a point with another x to pin the rule down."))

    def _set_texts(self, button: QPushButton, text: str, accessible: str, tooltip: str) -> None:
        button.setText(text)
        button.setAccessibleName(accessible)
        button.setToolTip(tooltip)

    def _map_legend_html(self) -> str:
        keys = [_key(lane.color.name(), "━━", self._optimizer_title(name)) for name, lane in self._lanes.items()]
        keys += [_key("#B8A200", "★", self.tr("best rule")), _key(GUESS_COLOR, "✕", self.tr("your guess")),
                 _key(self._foreground.name(), "○", self.tr("start"))]
        return "<b>{}</b><br>{}".format(escape(self.tr("Loss of every rule y = w·x + b (lighter is lower), "
                                                     "and each optimizer's path:")), " &nbsp; ".join(keys))

    def _optimizer_title(self, name: str) -> str:
        return _optimizer_title(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            palette = self.palette()
            self._background = palette.color(QPalette.ColorRole.Base)
            self._foreground = palette.color(QPalette.ColorRole.Text)
            for plot in (self.rule_plot, self.contour_plot):
                plot.setBackground(self._background)
                self._style_axes(plot.getPlotItem())
            self.map_legend_label.setText(self._map_legend_html())
            self._refresh_all()
        super().changeEvent(event)

    # ---- public actions --------------------------------------------------------------------------
    def chosen_optimizer(self) -> str:
        """The optimizer whose numbers the step panel shows: one of :data:`OPTIMIZERS`."""
        return self.optimizer_combo.currentData()

    def learner(self, name: str) -> RuleLearner:
        """The learner of optimizer ``name`` (read it, do not step it: the mode keeps the race in step)."""
        return self._lanes[name].learner

    def learning_rate(self) -> float:
        """The learning rate all four optimizers use."""
        return self.lr_spin.value()

    def hypothesis(self) -> tuple[float, float]:
        """The learner's own rule ``(w, b)``, as set in the guess's spin boxes."""
        return self.w_spin.value(), self.b_spin.value()

    def is_finished(self) -> bool:
        """True when every optimizer has converged or diverged."""
        return all(lane.done() for lane in self._lanes.values())

    @Slot()
    def step(self) -> None:
        """One step of each optimizer that has not converged, diverged or got stuck, then redraw."""
        self._advance()
        self._refresh_progress()

    @Slot()
    def reset(self) -> None:
        """Start all four optimizers again from ``w = b = 0`` (the data and your guess stay)."""
        self._restart(lambda: QCoreApplication.translate("RuleLessonMode", "Back to the start: w = 0, b = 0."))

    @Slot()
    def use_suggested_rate(self) -> None:
        """Set the learning rate at which the chosen optimizer finds the rule in a few hundred steps."""
        self.lr_spin.setValue(DEFAULT_LEARNING_RATES[self.chosen_optimizer()])

    def add_point(self, x: float, y: float) -> None:
        """Add the example ``x → y`` (clamped to ±POINT_LIMIT); the optimizers start again."""
        row = self.points_table.rowCount()
        with QSignalBlocker(self.points_table):
            self.points_table.insertRow(row)
            for column, value in enumerate((x, y)):
                self.points_table.setItem(row, column, _number_item(value))
        self.points_table.setCurrentCell(row, 0)
        self._on_problem_changed()

    # ---- data ------------------------------------------------------------------------------------
    def _fill_table(self) -> None:
        with QSignalBlocker(self.points_table):
            self.points_table.setRowCount(len(self.problem))
            for row, (x, y) in enumerate(zip(self.problem.xs, self.problem.ys, strict=True)):
                self.points_table.setItem(row, 0, _number_item(x))
                self.points_table.setItem(row, 1, _number_item(y))

    def _table_points(self) -> tuple[list[float], list[float]]:
        xs, ys = [], []
        for row in range(self.points_table.rowCount()):
            values = [self.points_table.item(row, column) for column in (0, 1)]
            if all(item is not None for item in values):
                xs.append(float(values[0].data(Qt.ItemDataRole.EditRole)))
                ys.append(float(values[1].data(Qt.ItemDataRole.EditRole)))
        return xs, ys

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._on_problem_changed()

    @Slot()
    def _on_add_clicked(self) -> None:
        # The next x, and the answer the best rule so far gives for it: the learner edits it if it should differ.
        x = float(np.max(self.problem.xs)) + 1.0
        w_best, b_best = self.problem.best_fit()
        self.add_point(x, round(w_best * x + b_best, 2))
        self.points_table.setFocus()

    @Slot()
    def _on_remove_clicked(self) -> None:
        rows = self.points_table.rowCount()
        if rows <= 1:
            return
        row = self.points_table.currentRow()
        self.points_table.removeRow(row if 0 <= row < rows else rows - 1)
        self._on_problem_changed()

    def _on_plot_clicked(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        view = self.rule_plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        self.add_point(round(point.x(), 1), round(point.y(), 1))
        event.accept()

    # ---- the view state (what a rebuilt mode shows again) ---------------------------------------------
    @property
    def _status(self) -> str:
        """The last event worth a sentence (restart, pause, …), in the language installed now."""
        return self.view.status()

    @_status.setter
    def _status(self, say: Callable[[], str] | str) -> None:
        self.view.status = say if callable(say) else (lambda: say)

    @Slot()
    def _remember_guess(self) -> None:
        self.view.guess = (self.w_spin.value(), self.b_spin.value())

    @Slot(float)
    def _remember_learning_rate(self, value: float) -> None:
        self.view.learning_rate = value

    @Slot(int)
    def _remember_optimizer(self, index: int) -> None:
        self.view.optimizer = index

    @Slot(bool)
    def _remember_playing(self, playing: bool) -> None:
        self.view.playing = playing

    def _on_problem_changed(self, restart_message: bool = True) -> None:
        xs, ys = self._table_points()
        self.problem = RuleProblem(xs, ys)
        self._show_problem()
        if restart_message:
            self._restart(lambda: QCoreApplication.translate(
                "RuleLessonMode", "The data changed: all four start again from w = 0, b = 0."))
        else:
            self._restart("")

    def _show_problem(self) -> None:
        """Draw the data, its loss map and its ranges (the race itself is drawn by _refresh_all)."""
        self.remove_button.setEnabled(len(self.problem) > 1)
        self._points_hint_text()
        self._ranges = self.problem.default_ranges()
        self._draw_map()
        self._set_data_view()
        self._points_item.setData(self.problem.xs, self.problem.ys)

    def _set_data_view(self) -> None:
        xs, ys = self.problem.xs, self.problem.ys
        x_lo, x_hi = min(0.0, float(xs.min())), max(0.0, float(xs.max()))
        x_pad = 0.1 * (x_hi - x_lo) + 0.5
        x_lo, x_hi = x_lo - x_pad, x_hi + x_pad
        y_lo, y_hi = min(0.0, float(ys.min())), max(0.0, float(ys.max()))
        pad = 0.15 * (y_hi - y_lo) + 1.0
        self._view = ((x_lo, x_hi), (y_lo - pad, y_hi + pad))
        self.rule_plot.getPlotItem().setRange(xRange=self._view[0], yRange=self._view[1], padding=0)

    def _draw_map(self) -> None:
        (w_lo, w_hi), (b_lo, b_hi) = self._ranges
        # The image reaches half a view beyond each side: the locked aspect ratio widens the view in one
        # direction to fill the plot, and the map must still fill it there.
        w_pad, b_pad = (w_hi - w_lo) / 2, (b_hi - b_lo) / 2
        map_w, map_b = (w_lo - w_pad, w_hi + w_pad), (b_lo - b_pad, b_hi + b_pad)
        grid = np.log10(np.maximum(self.problem.loss_surface(map_w, map_b, n=MAP_CELLS), LOSS_FLOOR))
        low, high = float(grid.min()), float(grid.max())
        high = max(high, low + 1e-9)  # a flat map still gets a valid colour range
        self._image.setImage(grid, levels=(low, high))
        self._image.setRect(QRectF(map_w[0], map_b[0], map_w[1] - map_w[0], map_b[1] - map_b[0]))
        for iso, level in zip(self._isocurves, np.linspace(low, high, CONTOUR_LINES + 2)[1:-1], strict=True):
            iso.setData(grid, level)
        self._color_bar.setLevels((low, high))
        ticks = [(float(k), format_rule_number(10.0 ** k)) for k in range(math.ceil(low), math.floor(high) + 1)]
        self._color_bar.axis.setTicks([ticks, []])
        self._best_item.setData([self.problem.best_fit()[0]], [self.problem.best_fit()[1]])
        self._start_item.setData([0.0], [0.0])
        self.contour_plot.getPlotItem().setRange(xRange=(w_lo, w_hi), yRange=(b_lo, b_hi), padding=0)

    # ---- the race --------------------------------------------------------------------------------
    def _restart(self, message: Callable[[], str] | str) -> None:
        lr = self.learning_rate()
        for name, lane in self._lanes.items():
            lane.learner = RuleLearner(self.problem, name, lr)
        self.view.learners = {name: lane.learner for name, lane in self._lanes.items()}
        self._steps = 0
        self._play_steps = 0
        self._status = message
        self._refresh_all()

    def _advance(self) -> None:
        """One step of every optimizer still on its way; the mode's step counter counts it once."""
        moved = False
        for lane in self._lanes.values():
            if not lane.done():
                lane.learner.step()
                moved = True
        if moved:
            self._steps += 1
            self._play_steps += 1
            self._status = ""  # the note of a restart or pause is old news after a step
            if self.is_finished():
                self._status = lambda: QCoreApplication.translate(
                    "RuleLessonMode", "Every optimizer has converged, diverged or got stuck. Press Reset, or "
                    "change the learning rate, to race again.")

    @Slot(bool)
    def _on_play_toggled(self, playing: bool) -> None:
        if playing:
            self._play_steps = 0
            self._status = ""
            self._timer.start()
        else:
            self._timer.stop()
        self._update_buttons()
        self.playToggled.emit(playing)

    @Slot()
    def _on_frame(self) -> None:
        for _ in range(steps_per_frame(self._steps)):
            self._advance()
            if self.is_finished():
                break
        if self.is_finished():
            self.play_button.setChecked(False)
        elif self._play_steps >= MAX_PLAY_STEPS:
            waiting = [n for n, lane in self._lanes.items() if not lane.done()]
            self._status = lambda: QCoreApplication.translate(
                "RuleLessonMode", "Paused after {steps} steps: {names} not there yet. A different learning rate "
                "may help (try the suggested one).").format(
                steps=MAX_PLAY_STEPS, names=", ".join(_optimizer_title(n) for n in waiting))
            self.play_button.setChecked(False)
        self._refresh_progress()

    @Slot(int)
    def _on_optimizer_chosen(self, _index: int) -> None:
        self._refresh_progress()

    @Slot(float)
    def _on_lr_spin(self, value: float) -> None:
        with QSignalBlocker(self.lr_slider):
            self.lr_slider.setValue(position_from_lr(value))
        shown = self.lr_spin.textFromValue(value)
        self._restart(lambda: QCoreApplication.translate(
            "RuleLessonMode", "Learning rate {lr}: all four start again from w = 0, b = 0.").format(lr=shown))

    @Slot(int)
    def _on_lr_slider(self, position: int) -> None:
        self.lr_spin.setValue(lr_from_position(position))  # the spin box restarts the race

    # ---- drawing ---------------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self._refresh_guess()
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        """Redraw what a step changes (the guess stays as it is)."""
        self._refresh_model()
        self._refresh_paths()
        self._refresh_texts()
        self._update_buttons()
        self.raceChanged.emit()

    @Slot()
    def _on_guess_changed(self) -> None:
        self._refresh_guess()
        self._refresh_model()  # the plot's key names the guess's rule

    def _refresh_guess(self) -> None:
        w, b = self.w_spin.value(), self.b_spin.value()
        self.guess_rule_label.setText(self.tr("Your rule: {rule}").format(rule=format_rule(w, b)))
        self.hypothesis_loss_label.setText(self.tr("Loss of your rule: {loss}").format(
            loss=format_number(self.problem.loss(w, b))))
        wrong = [row for row in self.problem.hypothesis_table(w, b) if abs(row.error) >= 0.005]
        if wrong:
            row = wrong[0]
            self.hypothesis_check_label.setText(self.tr(
                "Your rule says {x} → {prediction}, but the answer is {y}. Try other w and b!").format(
                x=format_rule_number(row.x), prediction=format_rule_number(row.prediction),
                y=format_rule_number(row.y)))
        else:
            self.hypothesis_check_label.setText(self.tr("Your rule fits every point: you found it!"))
        (x_lo, x_hi), (y_lo, y_hi) = self._view
        xs = np.array([x_lo - (x_hi - x_lo), x_hi + (x_hi - x_lo)])
        self._guess_item.setData(xs, _clip(w * xs + b, y_lo, y_hi))
        self._guess_marker.setData([w], [b])
        self.hypothesisChanged.emit()

    def _refresh_model(self) -> None:
        lane = self._lanes[self.chosen_optimizer()]
        learner = lane.learner
        self._model_item.setPen(pg.mkPen(lane.color, width=2.5))
        (x_lo, x_hi), (y_lo, y_hi) = self._view
        xs = np.array([x_lo - (x_hi - x_lo), x_hi + (x_hi - x_lo)])
        with np.errstate(over="ignore", invalid="ignore"):
            model_ys = _clip(learner.w * xs + learner.b, y_lo, y_hi)
            predictions = _clip(self.problem.predictions(learner.w, learner.b), y_lo, y_hi)
        self._model_item.setData(xs, model_ys)
        pairs_x = np.repeat(self.problem.xs, 2)
        pairs_y = np.column_stack([self.problem.ys, predictions]).reshape(-1)
        self._errors_item.setData(pairs_x, pairs_y)
        w, b = self.w_spin.value(), self.b_spin.value()
        self.rule_legend_label.setText(" &nbsp; ".join([
            _key(self._foreground.name(), "●", self.tr("data and answers")),
            _key(GUESS_COLOR, "╌╌", self.tr("your guess: {rule}").format(rule=format_rule(w, b))),
            _key(lane.color.name(), "━━", self.tr("model ({optimizer}): {rule}").format(
                optimizer=self._optimizer_title(lane.name), rule=learner.rule_text())),
            _key(ERROR_COLOR, "┃", self.tr("model's error"))]))

    def _refresh_paths(self) -> None:
        (w_lo, w_hi), (b_lo, b_hi) = self._ranges
        chosen = self.chosen_optimizer()
        for name, lane in self._lanes.items():
            drawn = (lane.learner, lane.learner.steps, name == chosen, self._ranges)
            if lane.drawn == drawn:
                continue
            lane.drawn = drawn
            path = lane.learner.path()
            ws, bs = _clip(path[:, 0], w_lo, w_hi), _clip(path[:, 1], b_lo, b_hi)
            lane.path_item.setData(ws, bs)
            # A diverged path crosses the whole map: faded, it does not hide the paths still worth reading
            color = _alpha(lane.color, 90) if lane.state() == "diverged" else lane.color
            lane.path_item.setPen(pg.mkPen(color, width=3.5 if name == chosen else 1.8))
            lane.path_item.setZValue(10 if name == chosen else 5)
            lane.head_item.setData(ws[-1:], bs[-1:])
            lane.head_item.setZValue(11 if name == chosen else 6)

    def _refresh_texts(self) -> None:
        lane = self._lanes[self.chosen_optimizer()]
        if lane.learner.converged():
            self.result_label.setFont(self._result_font)
            self.result_label.setText(lane.learner.rule_text())
        else:
            self.result_label.setFont(self.font())
            if lane.state() == "diverged":
                self.result_label.setText(self.tr("{optimizer} diverged: no rule.").format(
                    optimizer=self._optimizer_title(lane.name)))
            elif lane.state() == "stuck":
                self.result_label.setText(self.tr("{optimizer} got stuck near the rule.").format(
                    optimizer=self._optimizer_title(lane.name)))
            else:
                self.result_label.setText(self.tr("The learned rule will appear here."))
        self.race_label.setText(self._race_html())
        self.step_label.setText(self._step_html(lane))
        self.suggest_button.setText(self.tr("Use a good rate for {optimizer}: {lr}").format(
            optimizer=self._optimizer_title(lane.name), lr=DEFAULT_LEARNING_RATES[lane.name]))
        self.suggest_button.setAccessibleName(self.suggest_button.text())
        self.suggest_button.setToolTip(self.tr(
            "Each optimizer has learning rates that suit it: at this one {optimizer} finds the rule in a few "
            "hundred steps. The other three use it too.").format(optimizer=self._optimizer_title(lane.name)))

    def _update_buttons(self) -> None:
        finished = self.is_finished()
        self.play_button.setEnabled(not finished or self.play_button.isChecked())
        playing = self.play_button.isChecked()
        self._set_texts(self.play_button, self.tr("Pause") if playing else self.tr("Play"),
                        self.tr("Play or pause"),
                        self.tr("Pause the optimizers.") if playing else
                        self.tr("Let the four optimizers step by themselves until each converges, diverges or "
                                "gets stuck."))
        self.commandsChanged.emit()

    # ---- the training commands (ui.actions.CommandTarget) ------------------------------------------
    def can_command(self, command: str) -> bool:
        """Which training commands the lesson offers now (one neuron has no undo, no epochs)."""
        playing = self.play_button.isChecked()
        if command == "train":
            return not playing and not self.is_finished()
        if command in ("pause", "stop"):
            return playing
        if command == "step_batch":
            return not self.is_finished()
        return command == "reset_weights"

    def run_command(self, command: str) -> None:
        """Train plays the race, Pause and Stop pause it, Step batch steps, Reset weights starts over."""
        if command == "train":
            self.play_button.setChecked(True)
        elif command in ("pause", "stop"):
            self.play_button.setChecked(False)
        elif command == "step_batch":
            self.step()
        elif command == "reset_weights":
            self.reset()

    def command_paused(self) -> bool:
        return False

    def _race_html(self) -> str:
        lines = []
        for name, lane in self._lanes.items():
            learner = lane.learner
            title = escape(self._optimizer_title(name))
            if lane.state() == "diverged":
                state = "<span style='color:{}'>{}</span>".format(DIVERGED_COLOR, escape(self.tr(
                    "diverged at step {step}").format(step=learner.steps)))
            elif lane.state() == "stuck":
                state = escape(self.tr("stuck bouncing around {rule}").format(rule=learner.rule_text()))
            elif lane.state() == "converged":
                state = escape(self.tr("found {rule} in {steps} steps").format(rule=learner.rule_text(),
                                                                             steps=learner.steps))
            else:
                state = escape(self.tr("{rule}, loss {loss}").format(rule=learner.rule_text(),
                                                                     loss=format_number(learner.loss())))
            lines.append(f"<span style='color:{lane.color.name()}'>&#9632;</span> <b>{title}</b>: {state}")
        head = escape(self.tr("Step {step}").format(step=self._steps))
        if self._timer.isActive() and steps_per_frame(self._steps) > 1:
            head += " " + escape(self.tr("(fast forward: {n} steps per frame)").format(
                n=steps_per_frame(self._steps)))
        status = f"<br><i>{escape(self._status)}</i>" if self._status else ""
        return "<b>{}</b><br>{}{}".format(head, "<br>".join(lines), status)

    def _step_html(self, lane: _Lane) -> str:
        learner = lane.learner
        record = learner.last_record
        if record is None:
            return "<p>{}</p><p>{}</p>".format(
                escape(self.tr("Press Step to watch one step of {optimizer}: the model predicts, measures its errors, "
                          "and moves w and b a little downhill on the loss map.").format(
                    optimizer=self._optimizer_title(lane.name))),
                escape(self.tr("It starts from w = 0, b = 0: the rule y = 0, wrong for every point.")))
        mono = f"font-family:'{self._mono}'; white-space:pre"
        parts = ["<p><b>{}</b></p>".format(escape(self.tr("{optimizer}, step {step} (learning rate {lr})").format(
            optimizer=self._optimizer_title(lane.name), step=record.step, lr=format_number(record.learning_rate))))]
        if lane.state() == "diverged":
            parts.append("<p style='color:{}'><b>{}</b></p>".format(DIVERGED_COLOR, escape(self.tr(
                "{optimizer} diverged: its loss grew without bound. The learning rate is too big for it; "
                "make it smaller.").format(optimizer=self._optimizer_title(lane.name)))))
        elif lane.state() == "stuck":
            parts.append("<p><b>{}</b></p>".format(escape(self.tr(
                "{optimizer} is stuck: for {steps} steps its loss has not gone down. Its steps stay about one "
                "learning rate long, so it keeps jumping over the best rule. Make the learning rate smaller.").format(
                optimizer=self._optimizer_title(lane.name), steps=STALL_WINDOW))))
        elif lane.state() == "converged":
            parts.append("<p><b>{}</b></p>".format(escape(self.tr(
                "{optimizer} converged: {rule} is the best rule for these points.").format(
                optimizer=self._optimizer_title(lane.name), rule=learner.rule_text()))))
        parts.append("<p>{}</p>".format(escape(self.tr("1. Predict with y = w·x + b, where w = {w} and b = {b}; "
                                                  "error = prediction − answer:").format(
            w=format_number(record.w), b=format_number(record.b)))))
        # An HTML table, not padded text: Hangul headers are drawn double-width and would slide off their columns.
        cell = f"style=\"font-family:'{self._mono}'; padding:0 6px\" align=\"right\""
        headers = (self.tr("x"), self.tr("answer"), self.tr("prediction"), self.tr("error"))
        rows = ["<tr>" + "".join(f"<th {cell}>{escape(h)}</th>" for h in headers) + "</tr>"] + [
            "<tr>" + "".join(f"<td {cell}>{escape(v)}</td>" for v in (
                format_rule_number(x), format_rule_number(y), format_number(p), format_number(e))) + "</tr>"
            for x, y, p, e in zip(self.problem.xs, self.problem.ys, record.predictions, record.errors, strict=True)]
        parts.append("<table cellspacing=\"0\">{}</table>".format("".join(rows)))
        parts.append("<p>{}</p>".format(escape(self.tr("2. Loss = mean of error² = {loss}").format(
            loss=format_number(record.loss)))))
        parts.append("<p>{}</p>".format(escape(self.tr("3. Which way is downhill? The slopes of the loss:"))))
        error = self.tr("error")  # the formula reads in the learner's language too (오차, not "error")
        parts.append("<div style=\"{}\">{}<br>{}</div>".format(
            mono, escape(f"∂L/∂w = 2/n·Σ {error}·x = {format_number(record.grad_w)}"),
            escape(f"∂L/∂b = 2/n·Σ {error}   = {format_number(record.grad_b)}")))
        parts.append("<p>{}</p>".format(escape(self.tr("4. Step against the slopes:"))))
        parts.append("<div style=\"{}\">{}</div>".format(mono, "<br>".join(
            escape(line) for line in _update_lines(record))))
        note = {
            "Momentum": self.tr("Momentum keeps {m} of its previous step, so it gathers speed along the valley and "
                           "overshoots.").format(m=MOMENTUM),
            "RMSprop": self.tr("RMSprop divides the step by a running average of the gradient's size, so each "
                          "parameter moves about one learning rate per step."),
            "Adam": self.tr("Adam scales the step by its running averages of the gradient and of its square, so each "
                       "parameter moves about one learning rate per step."),
        }.get(lane.name)
        if note:
            sgd_w, sgd_b = record.sgd_update
            parts.append(f"<p>{escape(note)}</p>")
            parts.append("<p>{}</p>".format(escape(self.tr(
                "Plain SGD would have moved w by {dw} and b by {db}.").format(
                dw=format_number(sgd_w), db=format_number(sgd_b)))))
        parts.append("<p>{}</p>".format(escape(self.tr("New rule: {rule}, loss {loss}").format(
            rule=format_rule(record.new_w, record.new_b), loss=format_number(learner.loss())))))
        return "".join(parts)


def _update_lines(record: StepRecord) -> list[str]:
    """The update of ``w`` and ``b`` written with the step's own numbers, as the optimizer applied it."""
    lines = []
    lr = format_number(record.learning_rate)
    for p, old, grad, update, previous, new in (
            ("w", record.w, record.grad_w, record.update_w, record.previous_update_w, record.new_w),
            ("b", record.b, record.grad_b, record.update_b, record.previous_update_b, record.new_b)):
        if record.optimizer == "SGD":
            lines.append(f"{p} ← {p} − lr·∂L/∂{p}")
            lines.append(f"  = {format_number(old)} − {lr} × {_paren(grad)} = {format_number(new)}")
        elif record.optimizer == "Momentum":
            lines.append(f"Δ{p} ← {MOMENTUM}·Δ{p} − lr·∂L/∂{p}")
            lines.append(f"   = {MOMENTUM} × {_paren(previous)} − {lr} × {_paren(grad)}")
            lines.append(f"   = {format_number(update)}")
            lines.append(f"{p} ← {format_number(old)} + {_paren(update)} = {format_number(new)}")
        else:
            lines.append(f"{p} ← {p} + Δ{p}")
            lines.append(f"  = {format_number(old)} + {_paren(update)} = {format_number(new)}")
    return lines


def format_rule_number(value: float) -> str:
    """A data value as people write it: ``2``, ``2.5``, ``−0.25`` (up to 2 decimals, no trailing zeros)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _number_item(value: float) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.EditRole, float(np.clip(value, -POINT_LIMIT, POINT_LIMIT)))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _key(color: str, symbol: str, text: str) -> str:
    """One entry of a plot's key: a coloured symbol and its (already translated) meaning, as HTML."""
    return (f"<span style='white-space:nowrap'><span style='color:{color}'><b>{symbol}</b></span>&nbsp;"
            f"{escape(text)}</span>")


def _alpha(color: QColor, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result

