"""What a panel shows that is not in the session, kept outside the panel so that any panel can be rebuilt.

A language switch rebuilds every panel (each one is made again in the new language, which is simpler and
more complete than retranslating hundreds of texts in place). Whatever a panel shows that the session does
not hold (the Health dock's series, the Runs table's ticks, the drawing on the canvas, the unit selected in
Inside the network, the loss plot's curves) lives in a small *view state* object that the window owns and
hands to the panel it builds; the rebuilt panel reads it and draws it again. The panel keeps no copy: its
attributes named with :class:`ViewField` read and write the view state directly.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ViewField", "Views"]


class ViewField:
    """A panel attribute stored in the panel's ``view`` object under the same name without leading underscores.

    >>> class Panel:
    ...     _ticked = ViewField()
    ...     def __init__(self, view): self.view = view
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name.lstrip("_")

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return getattr(obj.view, self.key)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj.view, self.key, value)


class Views:
    """The window's view states, one per panel: a panel built for the first time makes its own, and the
    window keeps it for the panels that will replace that one."""

    def __init__(self) -> None:
        self._states: dict[str, Any] = {}

    def get(self, key: str) -> Any | None:
        """The view state kept under ``key``, or None the first time."""
        return self._states.get(key)

    def keep(self, key: str, state: Any) -> None:
        """Keep ``state`` (a panel's ``view``) for the next panel built under ``key``."""
        self._states[key] = state

    def forget(self, key: str) -> None:
        """Drop a view state: the next panel built for ``key`` starts afresh."""
        self._states.pop(key, None)
