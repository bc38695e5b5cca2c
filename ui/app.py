"""``main()``: start the desktop app (``dl-sandbox`` with no arguments)."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Create the QApplication, install the translation, show the main window and run the event loop."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    import sandbox

    from . import i18n
    from .main_window import MainWindow

    QCoreApplication.setOrganizationName("DLSandbox")
    QCoreApplication.setApplicationName("dl-sandbox")
    QCoreApplication.setApplicationVersion(sandbox.__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv or []))
    app.setApplicationDisplayName("Deep Learning Sandbox")
    translators = i18n.Translators()
    translators.install(i18n.preferred_language())
    window = MainWindow(translators=translators)
    window.show()
    args = list(argv or [])
    setups = [a for a in args if a.endswith(".dlplay")]
    files = [a for a in args if a.endswith(".dlsb")]
    if setups:
        window.open_playground_setup(setups[0])
    elif files:
        window.open_path(files[0])
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
