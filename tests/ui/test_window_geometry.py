"""The window fits the learner's screen: 1366×768, 1280×720 (1920×1080 at 150 %) and 1600×1000.

Each screen size runs in its own process, on Qt's offscreen platform given that screen size (its
``configfile`` option), so the test runs everywhere the other UI tests run. The walk is a newcomer's first
minutes: first launch → each mode → back, a language switch, View → Reset layout. At every stop the whole
window lies inside the screen's available area, the commands the learner needs are fully on screen (not
clipped by a scroll area), the loss plot is at least 150 px tall with both panes shown, and switching modes
never changes the window's size. ``tests/ui/test_real_window.py`` walks the same story on a real X server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULT_PREFIX = "GEOMETRY-RESULT "
SCREENS = [(1366, 768), (1280, 720), (1600, 1000)]
#: What must be fully visible in each mode: object names, found under the mode's own widgets.
NEEDED = {
    "digits": ["trainButton", "pauseButton", "stopButton", "stepButton", "resetButton", "learningRateSpin",
               "digitCanvas", "lossPlot", "accuracyPlot"],
    "rule": ["rulePlayButton", "ruleStepButton", "ruleResetButton", "ruleLearningRateSpin"],
    "playground": ["trainButton", "pauseButton", "stopButton", "stepButton", "resetButton"],
}
WALK = ["start", "rule", "digits", "playground", "digits", "rule", "playground", "digits", "language:ko",
        "rule", "digits", "reset_layout", "playground", "reset_layout", "digits", "language:en"]


def shown_part(widget):
    """The part of ``widget`` (global coordinates) not clipped away by its parents (scroll areas, docks)."""
    rect = widget.rect().translated(widget.mapToGlobal(widget.rect().topLeft()))
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.intersected(parent.rect().translated(parent.mapToGlobal(parent.rect().topLeft())))
        parent = parent.parentWidget()
    return rect


def placement_problems(window, screen) -> list[str]:
    """What is wrong with the active mode's needed controls: not shown, off ``screen``, or clipped."""
    from PySide6.QtWidgets import QWidget

    root = window.current_mode_widget() if window.mode != "digits" else window
    problems = []
    for name in NEEDED[window.mode]:
        widgets = [w for w in root.findChildren(QWidget, name) if w.isVisible()]
        if not widgets:
            problems.append(f"{name}: not shown")
            continue
        w = widgets[0]
        rect = w.rect().translated(w.mapToGlobal(w.rect().topLeft()))
        shown = shown_part(w)
        if not screen.contains(rect):
            problems.append(f"{name}: {rect.getRect()} outside the screen {screen.getRect()}")
        elif shown != rect:
            problems.append(f"{name}: only {shown.width()}×{shown.height()} of {w.width()}×{w.height()} shown")
    return problems


def walk(shots: str) -> dict:
    """Run the walk in this process (a fresh app on the configured screen) and return the observations."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("DLSandboxGeometryTests")
    QCoreApplication.setApplicationName("dl-sandbox-geometry")
    app = QApplication.instance() or QApplication([])
    QSettings().clear()
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    QTest.qWait(200)
    screen = window.screen().availableGeometry()
    stops: list[dict] = []
    size = None
    for step in WALK:
        if step.startswith("language:"):
            window.set_language(step.split(":")[1])
        elif step == "reset_layout":
            window.reset_layout()
        elif step != "start":
            window.set_mode(step)
        QTest.qWait(150)
        app.processEvents()
        frame = window.frameGeometry()
        problems = placement_problems(window, screen)
        if window.mode == "digits":
            plot = window.loss_panel.loss_plot
            if plot.height() < 150:
                problems.append(f"loss plot {plot.height()} px tall")
        stops.append({"step": step, "mode": window.mode, "frame": list(frame.getRect()),
                      "inside": screen.contains(frame), "size": [window.width(), window.height()],
                      "problems": problems})
        if size is None:
            size = window.size()
        if shots and step in ("start", "rule", "playground", "language:ko", "reset_layout"):
            Path(shots).mkdir(parents=True, exist_ok=True)
            tag = f"{screen.width()}x{screen.height()}-{len(stops):02d}-{step.replace(':', '-')}"
            window.grab().save(str(Path(shots) / f"{tag}.png"))
    window.session.shutdown()
    window.close()
    return {"screen": list(screen.getRect()), "stops": stops}


def run_walk(width: int, height: int, tmp_path: Path, shots: str = "") -> dict:
    """Run :func:`walk` in a subprocess whose offscreen screen is ``width``×``height``."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "PYTHONFAULTHANDLER": "1"}
    done = subprocess.run([sys.executable, __file__, shots], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    assert lines, f"the walk printed nothing (exit {done.returncode})\n{done.stderr[-3000:]}"
    return json.loads(lines[-1][len(RESULT_PREFIX):])


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_the_window_fits_the_screen_through_modes_languages_and_reset_layout(width, height, tmp_path):
    result = run_walk(width, height, tmp_path, os.environ.get("DL_SANDBOX_GEOMETRY_SHOTS", ""))
    assert result["screen"] == [0, 0, width, height]
    stops = result["stops"]
    assert [s["step"] for s in stops] == WALK
    for stop in stops:
        assert stop["inside"], stop
        assert not stop["problems"], stop
    # switching modes never changes the window's size (language switches and Reset layout neither)
    sizes = {tuple(s["size"]) for s in stops}
    assert len(sizes) == 1, stops


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(RESULT_PREFIX + json.dumps(walk(sys.argv[1] if len(sys.argv) > 1 else ""), ensure_ascii=False),
          flush=True)
