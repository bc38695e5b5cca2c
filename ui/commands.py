"""Undoable edits. Each command swaps one immutable spec (or a whole model) for another, so undo is exact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from sandbox.runs import ModelSnapshot
from sandbox.spec import NetworkSpec, TrainingSpec

if TYPE_CHECKING:  # pragma: no cover
    from .session import Session

__all__ = ["DescribedCommand", "ReplaceModelCommand", "SetNetworkCommand", "SetTrainingCommand", "Text"]

#: An undo step's name: a callable that says it in the current language (kept, so that a language switch can
#: rename every step on the stack), or fixed text.
Text = str | Callable[[], str]


class DescribedCommand(QUndoCommand):
    """An undo step that can say its name again in the current language (Edit → Undo *name*)."""

    def __init__(self, text: Text) -> None:
        self.describe: Callable[[], str] = text if callable(text) else (lambda: text)
        super().__init__(self.describe())

    def retranslate(self) -> None:
        """Name the step again, in the language now installed."""
        self.setText(self.describe())


class SetNetworkCommand(DescribedCommand):
    """Replace the network spec (add, remove, move, edit a layer; load a preset).

    The command keeps the model the learner leaves (its weights, epochs, history and optimizer state) and
    gives it back when they return, so undoing an edit brings back the trained weights, including training
    done after a reopen or another undo.
    """

    def __init__(self, session: Session, old: NetworkSpec, new: NetworkSpec, text: Text) -> None:
        super().__init__(text)
        self._session, self._old, self._new = session, old, new
        self._left: ModelSnapshot | None = None  # the model on the side the stack is not on

    def held_bytes(self) -> int:
        """Bytes of weights and optimizer state this step keeps for its way back."""
        return 0 if self._left is None else self._left.nbytes

    def forget_weights(self) -> None:
        """Keep only the network: going back to it then starts from fresh weights (memory bound)."""
        self._left = None

    def redo(self) -> None:
        left, self._left = self._left, self._session._current_snapshot()
        self._session._apply_network(self._new, left)

    def undo(self) -> None:
        left, self._left = self._left, self._session._current_snapshot()
        self._session._apply_network(self._old, left)


class SetTrainingCommand(DescribedCommand):
    """Replace the training settings; successive edits of the same setting merge into one undo step."""

    def __init__(self, session: Session, old: TrainingSpec, new: TrainingSpec, text: Text, field: str) -> None:
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


class ReplaceModelCommand(DescribedCommand):
    """Swap the whole current model (network, settings, weights, epochs, history) for another (reopen a run).

    Like :class:`SetNetworkCommand` it keeps the model it leaves at each undo and redo, so training done
    on either side is never lost.
    """

    def __init__(self, session: Session, new: ModelSnapshot, text: Text) -> None:
        super().__init__(text)
        self._session, self._other = session, new

    def held_bytes(self) -> int:
        """Bytes of weights and optimizer state this step keeps for its way back."""
        return self._other.nbytes

    def forget_weights(self) -> None:
        """Keep the network, settings and history, not the weights (memory bound)."""
        self._other = replace(self._other, flat_weights=None, optimizer_state=None, optimizer_key=None)

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        target, self._other = self._other, self._session._current_snapshot()
        self._session._apply_model_snapshot(target)
