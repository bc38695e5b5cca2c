"""The room a panel has in its dock, so a panel can lay itself out for a tall side dock or a wide, short one.

The main window puts each panel in a scroll area; the panel itself never gets smaller than its minimum size,
so its own size says little about the dock. The scroll area's viewport does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QScrollArea, QWidget

__all__ = ["WIDE_RATIO", "follow_room", "is_wide", "room"]

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


def follow_room(widget: QWidget, watcher: QObject) -> None:
    """Send the enclosing viewport's resize events to ``watcher.eventFilter`` (call from ``showEvent``)."""
    area = _scroll_area(widget)
    if area is not None:
        area.viewport().removeEventFilter(watcher)  # showEvent comes again after every hide
        area.viewport().installEventFilter(watcher)
