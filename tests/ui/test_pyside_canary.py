"""PySide6 6.12.0 on CPython < 3.12 drops a reference to None on every void call and
aborts the interpreter after a few thousand calls. This canary fails loudly if a wheel brings it back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_twenty_thousand_void_calls_do_not_leak_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))
        QCoreApplication.processEvents()
    after = sys.getrefcount(None)
    # On 3.12+ None is immortal (a huge constant); on 3.11 a healthy wheel keeps the count steady.
    assert after >= before - 100, f"refcount of None fell by {before - after}: this PySide6 wheel is broken"
    assert label.text() == "19999"
