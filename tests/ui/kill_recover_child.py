"""A real app process for the kill-and-recover tests: it does a learner's work, then waits to be killed.

``python kill_recover_child.py SCENARIO [IDX_FOLDER]`` with ``HOME`` (and ``XDG_*``) pointing at a
throwaway folder, ``DLSB_TEST_ORG`` / ``DLSB_TEST_APP`` naming the application as the test process names
it, so both find the same data folder (``QStandardPaths`` test mode, as the UI tests use).

Scenarios:

``training``
    300 bundled digits, the MLP preset with one more Dense layer, a long run started. READY once an
    autosave holds at least one epoch and the run's row: the test then kills the process mid-training.
``edited``
    A tiny IDX folder (``IDX_FOLDER``), the logistic preset, a finished 2-epoch run, then one undoable
    edit that keeps the trained weights (learning rate 0.005; a network edit would start from fresh weights).
    READY once an autosave holds the edit: the test kills the idle process.

The child prints ``FOLDER <data folder>`` first, then ``READY <autosave file>``; on a problem it prints
``FAIL <why>`` and exits 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import sandbox as sb  # noqa: E402


def say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str]) -> int:
    scenario = argv[1]
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName(os.environ.get("DLSB_TEST_ORG", "DLSandboxTests"))
    QCoreApplication.setApplicationName(os.environ.get("DLSB_TEST_APP", "dl-sandbox-tests"))
    app = QApplication(argv[:1])

    from ui.main_window import MainWindow
    from ui.session import DataSet

    window = MainWindow()
    window.show()
    session = window.session
    say(f"FOLDER {window._recovery_files.folder}")

    def autosaved() -> dict | None:
        path = window._autosave_path
        if not path.exists():
            return None
        try:
            return sb.io.load_project(path).settings
        except (sb.SandboxError, OSError):
            return None  # being replaced right now: look again at the next tick

    def ready_when(check) -> None:
        def poll() -> None:
            settings = autosaved()
            if settings is not None and check(settings):
                timer.stop()
                say(f"READY {window._autosave_path}")
        timer = QTimer(window)
        timer.timeout.connect(poll)
        timer.start(100)

    if scenario == "training":
        d = session.dataset
        session.set_dataset(DataSet("digits", d.x_train[:300], d.y_train[:300], d.x_test[:50], d.y_test[:50]))
        session.load_preset("mlp")
        session.add_layer("Dense", after=1, units=32)
        session.update_training("batch_size", 32)
        session.update_training("epochs", 10_000)
        if not session.start_training():
            say("FAIL training did not start")
            return 1
        ready_when(lambda s: s.get("epochs_done", 0) >= 1 and s.get("recovery", {}).get("runs"))
    elif scenario == "edited":
        if not window.data_panel.load_folder(argv[2]):
            say("FAIL the IDX folder did not load")
            return 1
        session.load_preset("logistic")
        session.update_training("epochs", 2)
        session.update_training("batch_size", 16)

        def edit_after_run(result: object) -> None:
            if getattr(result, "reason", "") != "finished":
                say(f"FAIL the run ended: {getattr(result, 'reason', '?')}")
                app.exit(1)
                return
            session.update_training("learning_rate", 0.005)
            ready_when(lambda s: s["training"]["learning_rate"] == 0.005)

        session.trainingEnded.connect(edit_after_run)
        session.start_training()
    else:
        say(f"FAIL unknown scenario {scenario}")
        return 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
