"""Undoable edits. Each command swaps one immutable spec for another, so undo is exact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from sandbox.runs import ModelSnapshot
from sandbox.spec import NetworkSpec, TrainingSpec

if TYPE_CHECKING:  # pragma: no cover
    from .session import Session

__all__ = ["ReplaceModelCommand", "SetNetworkCommand", "SetTrainingCommand"]


class SetNetworkCommand(QUndoCommand):
    """Replace the network spec (add, remove, move, edit a layer; load a preset)."""

    def __init__(self, session: Session, old: NetworkSpec, new: NetworkSpec, text: str) -> None:
        super().__init__(text)
        self._session, self._old, self._new = session, old, new

    def redo(self) -> None:
        self._session._apply_network(self._new)

    def undo(self) -> None:
        self._session._apply_network(self._old)


class SetTrainingCommand(QUndoCommand):
    """Replace the training settings; successive edits of the same setting merge into one undo step."""

    def __init__(self, session: Session, old: TrainingSpec, new: TrainingSpec, text: str, field: str) -> None:
        super().__init__(text)
        self._session, self._old, self._new, self._field = session, old, new, field

    def id(self) -> int:
        # Qt merges consecutive commands with equal ids: a slider drag becomes one undo step.
        return 1000 + (hash(self._field) & 0xFFFF)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTrainingCommand) or other._field != self._field:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._session._apply_training(self._new)

    def undo(self) -> None:
        self._session._apply_training(self._old)


class ReplaceModelCommand(QUndoCommand):
    """Swap the whole current model (network, settings, weights, epochs, history) for another (reopen a run)."""

    def __init__(self, session: Session, old: ModelSnapshot, new: ModelSnapshot, text: str) -> None:
        super().__init__(text)
        self._session, self._old, self._new = session, old, new

    def redo(self) -> None:
        self._session._apply_model_snapshot(self._new)

    def undo(self) -> None:
        self._session._apply_model_snapshot(self._old)
