"""UI test setup: offscreen Qt, isolated settings and data folders, and no thread left behind."""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QStandardPaths


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    """Never touch the real user's settings or data (QSettings and AppDataLocation go to a test area)."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("DLSandboxTests")
    QCoreApplication.setApplicationName("dl-sandbox-tests")
    home = tmp_path_factory.mktemp("home")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    yield


@pytest.fixture(autouse=True)
def _no_thread_left_running(qapp):
    """Fail any test that leaves a training thread running (leaving the app with one aborts Python)."""
    yield
    from ui.worker import LIVE_THREADS

    running = [t for t in list(LIVE_THREADS) if t.isRunning()]
    for thread in running:  # stop them anyway, so one failure does not abort the whole run
        thread.quit()
        thread.wait(5000)
    assert not running, f"training threads still running after the test: {running}"
    from ui.background import LIVE_LANES

    # Background lanes belong to panels that die with the test: stop their work before the next test starts.
    stuck = []
    for lane in list(LIVE_LANES):
        lane.shutdown(timeout=10)
        if lane.is_running():
            stuck.append(lane.name)
    assert not stuck, f"background work could not be stopped after the test: {stuck}"
    # Collect this test's garbage now, while its Qt objects and the session they talk to still make sense
    # together: left for one big collection at the end, cycles of panels, plots and sessions from many tests
    # were torn down in an arbitrary order and crashed the interpreter after the last test (exit 139).
    gc.collect()


@pytest.fixture
def window(qtbot, monkeypatch):
    """A shown main window; closing with unsaved changes answers "discard", as these stories always do."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    QSettings().setValue("session/running", False)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.session.shutdown()
    w.close()


@pytest.fixture
def session(qtbot):
    """A session with the pretrained small CNN, shut down cleanly after the test."""
    from ui.session import Session

    s = Session()
    yield s
    s.shutdown()


@pytest.fixture(scope="session", autouse=True)
def _tear_down_widgets_while_qt_is_alive(qapp):
    """Delete every window and collect Python's garbage while the QApplication still exists.

    Without this, pytest's final garbage collection (after the session) met wrappers of Qt objects whose
    C++ side had already gone with the application, and the interpreter crashed on exit (exit 139) even
    though every test had passed.
    """
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.closeAllWindows()
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def excepthook_fails(monkeypatch):
    """Any exception that reaches Qt's event loop (a slot that raised) fails the test."""
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(value))
    yield seen
    assert not seen, f"uncaught in a slot: {seen!r}"
