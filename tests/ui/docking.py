"""Put a panel where the main window puts it, in a scroll area the size of a dock, and measure its parts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget


def in_dock(qtbot, panel: QWidget, width: int, height: int) -> QScrollArea:
    """Show ``panel`` in a resizable scroll area of ``width`` × ``height``, as the main window wraps panels."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(panel)
    qtbot.addWidget(area)
    area.resize(width, height)
    area.show()
    return area


def box(widget: QWidget, panel: QWidget) -> QRect:
    """``widget``'s rectangle in ``panel``'s coordinates."""
    return QRect(widget.mapTo(panel, QPoint(0, 0)), widget.size())
