"""Keyboard only: Tab never traps and never stops on a hidden widget; every dock can be raised by keyboard."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

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
    letters = [re.search(r"&(\w)", a.text()).group(1).lower() for a in window.menuBar().actions()
               if re.search(r"&(\w)", a.text())]
    assert len(letters) == len(set(letters)), letters


#: "&X" in a text, but not "&&" (a literal ampersand); Korean texts carry it as a "(&X)" suffix.
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _mnemonics(window) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic Alt+letter can reach in the window right now.

    Reachable means shown (isVisible), enabled or not: Qt fires a mnemonic on a control in a dock that is
    tabbed behind another one too (Alt+W went to the Health panel's warnings under the Loss tab), so those
    count, while docks that are closed and other modes' pages do not.
    """
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        match = _MNEMONIC.search(text)
        if match:
            found.append((match.group(1).lower(), text))

    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.text())
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:  # a label without a buddy has no shortcut
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title())
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                if bar.isTabVisible(i):
                    add(bar.tabText(i))
    for action in window.menuBar().actions():
        if action.isVisible():
            add(action.text())
    return found


@pytest.mark.parametrize("language", ["en", "ko"])
def test_no_mnemonic_letter_is_used_twice_in_any_mode(window, qtbot, language):
    window.set_language(language)
    try:
        for mode in ("digits", "rule", "playground", "digits"):
            window.mode_actions[mode].trigger()  # as the mode bar does
            QApplication.processEvents()
            assert window.mode == mode
            found = _mnemonics(window)
            assert len(found) > 4, found  # the menu bar at least: the walk really saw the window
            letters = [letter for letter, _ in found]
            twice = sorted((letter, text) for letter, text in found if letters.count(letter) > 1)
            assert not twice, f"{language}, {mode}: mnemonic letters used twice: {twice}"
    finally:
        # the choice is remembered in the settings: later tests expect a window that starts in English
        window.set_language("en")
