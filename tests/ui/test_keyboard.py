"""Keyboard only: Tab never traps and never stops on a hidden widget; every dock can be raised by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

TAB_PRESSES = 250


def _press_tab(widget: QWidget, backwards: bool = False) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)


def _walk(window, backwards: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from the canvas; return the widgets that held the focus, in order."""
    window.canvas_panel.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
    stops = []
    for _ in range(TAB_PRESSES):
        _press_tab(QApplication.focusWidget() or window, backwards)
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_from_the_canvas_cycles_through_visible_controls_and_never_traps(window, qtbot):
    window.activateWindow()
    qtbot.waitExposed(window)
    for backwards in (False, True):
        stops = _walk(window, backwards)
        assert all(w is not None for w in stops)
        hidden = [w.objectName() or type(w).__name__ for w in stops if not w.isVisible()]
        assert not hidden, f"Tab stopped on hidden widgets: {hidden}"
        # a trap: the last 60 presses stay among a handful of widgets inside one table or list
        tail = stops[-60:]
        assert len(set(map(id, tail))) > 5, [w.objectName() for w in tail[-10:]]
        # and the walk comes back round to the canvas (a cycle, not a dead end)
        assert window.canvas_panel.canvas in stops


def test_the_view_menu_raises_and_focuses_a_tabbed_dock(window, qtbot):
    dock = window.docks["evaluationDock"]
    assert window.docks["lossDock"].isVisible()
    window.raise_actions["evaluationDock"].trigger()
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()
    focus = QApplication.focusWidget()
    assert focus is not None and dock.isAncestorOf(focus)
    window.raise_actions["evaluationDock"].trigger()  # a second Enter does not hide it
    assert dock.isVisible()


def test_the_mnemonics_of_the_menu_bar_are_unique(window):
    import re

    letters = [re.search(r"&(\w)", a.text()).group(1).lower() for a in window.menuBar().actions()
               if re.search(r"&(\w)", a.text())]
    assert len(letters) == len(set(letters)), letters
