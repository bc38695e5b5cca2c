"""The room a panel has in its dock, so a panel can lay itself out for a tall side dock or a wide, short one.

The main window puts each panel in a scroll area; the panel itself never gets smaller than its minimum size,
so its own size says little about the dock. The scroll area's viewport does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QScrollArea, QWidget

__all__ = ["WIDE_RATIO", "RoomWatcher", "is_wide", "room"]

#: Width ≥ this × height: a bottom dock, where a panel's parts go side by side instead of one above another.
WIDE_RATIO = 2.2


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return area if isinstance(area, QScrollArea) and area.widget() is widget else None


def room(widget: QWidget) -> QSize:
    """The size of the enclosing scroll area's viewport, or the widget's own size outside one."""
    area = _scroll_area(widget)
    return area.viewport().size() if area is not None else widget.size()


def is_wide(widget: QWidget) -> bool:
    """Whether ``widget`` sits in a wide, short place (see :data:`WIDE_RATIO`)."""
    size = room(widget)
    return size.width() >= WIDE_RATIO * size.height()


class RoomWatcher(QObject):
    """Calls ``on_change()`` whenever the room of ``widget`` may have changed.

    That is when the widget is shown or resized, and when the viewport of the scroll area it sits in is
    resized (the main window wraps panels after creating them, so the viewport is found at each show).
    """

    def __init__(self, widget: QWidget, on_change: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._on_change = widget, on_change
        self._viewport: QWidget | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        widget = getattr(self, "_widget", None)
        if widget is None:
            # Called while the watcher is being made or destroyed (a panel rebuilt on a language switch goes
            # with its watcher, whose Python half can be gone before Qt stops filtering): nothing to watch.
            return False
        kind = event.type()
        if watched is widget and kind == QEvent.Type.Show:
            area = _scroll_area(self._widget)
            viewport = area.viewport() if area is not None else None
            if viewport is not self._viewport:
                if viewport is not None:
                    viewport.installEventFilter(self)
                self._viewport = viewport
        if kind in (QEvent.Type.Show, QEvent.Type.Resize):
            self._on_change()
        return False
