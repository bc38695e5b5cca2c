"""Languages: English (the source) and Korean, switched live.

Translations are Qt ``.ts`` files in ``resources/i18n`` compiled to ``.qm`` by ``pyside6-lrelease``
(``python -m ui.i18n --update`` refreshes both). Qt's own ``qtbase_ko.qm`` translates standard
dialog buttons.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

import resources

__all__ = ["LANGUAGES", "Translators", "preferred_language"]

#: Language code → its own name (shown in the View → Language menu, never translated).
LANGUAGES = {"en": "English", "ko": "한국어"}
SETTINGS_KEY = "ui/language"


def preferred_language() -> str:
    """The saved choice, else the system locale if we have it, else English."""
    saved = QSettings().value(SETTINGS_KEY, "", str)
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


class Translators:
    """Holds the installed translators so a switch can remove the old ones first."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch the application to ``language``; returns False if its file is missing."""
        app = QCoreApplication.instance()
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed = []
        self.language = "en"
        if language == "en":
            return True
        ours = QTranslator()
        if not ours.load(str(resources.path("i18n", f"dl_sandbox_{language}.qm"))):
            return False
        qt = QTranslator()
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self._installed.append(qt)
        app.installTranslator(ours)
        self._installed.append(ours)
        self.language = language
        return True


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def update(languages: tuple[str, ...] = ("ko",)) -> None:  # pragma: no cover - a developer tool
    """Re-scan the sources into the ``.ts`` files, then compile them to ``.qm``."""
    root = Path(__file__).resolve().parent
    sources = sorted(str(p) for p in root.rglob("*.py"))
    out = resources.path("i18n")
    os.makedirs(out, exist_ok=True)
    for lang in languages:
        ts = out / f"dl_sandbox_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":  # pragma: no cover
    if "--update" in sys.argv:
        update()
