"""The engine stands alone: it never imports Qt or pyqtgraph, so it works in a notebook or on a server."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import sandbox

ENGINE = pathlib.Path(sandbox.__file__).parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6", "ui")


def test_no_engine_module_imports_qt_or_the_app():
    offenders = []
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            # The CLI may hand over to the app (lazily, when run without arguments); nothing else may.
            allowed = ("ui",) if path.name == "cli.py" else ()
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in FORBIDDEN and n.split(".")[0] not in allowed]
    assert offenders == []


def test_importing_the_whole_engine_loads_no_qt():
    code = (
        "import sys, importlib, pkgutil, sandbox\n"
        "for m in pkgutil.walk_packages(sandbox.__path__, 'sandbox.'):\n"
        "    if m.name != 'sandbox.__main__':\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
