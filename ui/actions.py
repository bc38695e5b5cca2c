"""The training commands, declared once: Train, Pause, Stop, Step batch, Step epoch, Reset weights, Undo, Redo.

:class:`TrainingActions` holds one ``QAction`` per command and one enable rule per command, and acts on a
*target*: the active mode's session (through :class:`SessionCommands`) or any object with the same small
interface (the Find-the-rule lesson). Menus, the toolbar and the panels' buttons are all views of these
actions (:func:`bind_button`), so a toolbar button can never stay enabled while the panel's greys out.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

__all__ = ["COMMANDS", "CommandTarget", "SessionCommands", "TrainingActions", "bind_button"]

#: Each command and its action's object name (stable, English; tests and the shortcut table use them).
COMMANDS = {
    "train": "trainAction",
    "pause": "pauseAction",
    "stop": "stopAction",
    "step_batch": "stepAction",
    "step_epoch": "stepEpochAction",
    "reset_weights": "resetWeightsAction",
    "undo": "undoAction",
    "redo": "redoAction",
}


class CommandTarget(Protocol):
    """What the actions need from the thing they act on."""

    commandsChanged: Signal

    def can_command(self, command: str) -> bool:
        """Whether ``command`` (a key of :data:`COMMANDS`) may run now."""

    def run_command(self, command: str) -> None:
        """Run ``command``."""

    def command_paused(self) -> bool:
        """True while a run is paused (Pause then reads Resume)."""


class SessionCommands(QObject):
    """The enable rules and the commands for a :class:`~ui.session.Session` (or a playground session).

    Parameters
    ----------
    session : Session
        Any object with the session's lifecycle methods and signals.
    parent : QObject, optional
    """

    commandsChanged = Signal()

    def __init__(self, session: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        for signal in (session.stateChanged, session.trainingChanged, session.networkChanged, session.modelChanged):
            signal.connect(self._changed)
        stack = session.undo_stack
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._changed)

    @Slot()
    def _changed(self, *_: object) -> None:
        self.commandsChanged.emit()

    def can_command(self, command: str) -> bool:
        """The one enable rule of each command."""
        s = self.session
        training = s.is_training()
        if command in ("pause", "stop"):
            return training
        if command == "reset_weights":
            return not training and s.model is not None
        if command == "undo":
            return s.can_undo()
        if command == "redo":
            return s.can_redo()
        problem = s.training_problem()
        if command == "train":
            return not training and problem is None
        # a step is allowed from idle or from a pause, never while batches are running
        return problem is None and (not training or s.state == "paused")

    def run_command(self, command: str) -> None:
        """Run ``command`` on the session (each session method refuses what does not fit its state)."""
        s = self.session
        if command == "train":
            s.start_training()
        elif command == "pause":  # one button: pause a running run, resume a paused one
            if s.state == "paused":
                s.resume()
            elif s.state == "running":
                s.pause()
        elif command in COMMANDS:  # the others are the session's methods of the same name
            getattr(s, command)()

    def command_paused(self) -> bool:
        return self.session.state == "paused"


class TrainingActions(QObject):
    """One ``QAction`` per training command, enabled by the current target's rule.

    Parameters
    ----------
    parent : QObject, optional
        The actions' owner; a main window also adds them to itself so their shortcuts work.

    Attributes
    ----------
    actions : dict[str, QAction]
        Keyed by command (see :data:`COMMANDS`).
    """

    #: Emitted after every enable-state refresh (Pause/Resume wording, undo texts follow it).
    refreshed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target: CommandTarget | None = None
        self.actions: dict[str, QAction] = {}
        for command, name in COMMANDS.items():
            action = QAction(parent if parent is not None else self)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, c=command: self.run(c))
            self.actions[command] = action
        self.refresh()

    @classmethod
    def for_session(cls, session: QObject, parent: QObject | None = None) -> TrainingActions:
        """Actions of their own acting on ``session`` (a panel used outside the main window)."""
        actions = cls(parent)
        actions.set_target(SessionCommands(session, actions))
        return actions

    def __getitem__(self, command: str) -> QAction:
        return self.actions[command]

    def set_target(self, target: CommandTarget | None) -> None:
        """Act on ``target`` from now on (the active mode's session) and re-apply the enable rules."""
        if self.target is not None:
            try:
                self.target.commandsChanged.disconnect(self.refresh)
            except (RuntimeError, TypeError):  # the old target is already gone
                pass
        self.target = target
        if target is not None:
            target.commandsChanged.connect(self.refresh)
        self.refresh()

    def run(self, command: str) -> None:
        """Run ``command`` on the target if its rule allows it now (a shortcut may fire after a change)."""
        if self.target is not None and self.target.can_command(command):
            self.target.run_command(command)
        self.refresh()

    def is_paused(self) -> bool:
        """True while the target's run is paused."""
        return self.target is not None and self.target.command_paused()

    @Slot()
    def refresh(self) -> None:
        """Apply each command's enable rule to its action."""
        for command, action in self.actions.items():
            try:
                enabled = self.target is not None and self.target.can_command(command)
            except RuntimeError:  # the target's Qt objects are being destroyed (the window is closing)
                enabled = False
            action.setEnabled(enabled)
        self.refreshed.emit()


def bind_button(button: QAbstractButton, action: QAction) -> None:
    """Make ``button`` a view of ``action``: enabled exactly when it is, and a click triggers it.

    The button keeps its own text and tooltip (a panel's words can differ from the menu's, and panel
    buttons carry no ``&`` mnemonics), but never its own enable rule.
    """
    button.setEnabled(action.isEnabled())
    action.enabledChanged.connect(button.setEnabled)
    button.clicked.connect(action.trigger)
