"""UI benchmarks: time to a visible window, draw-to-prediction latency, GUI-thread blocking while training.

These are measurements, not tests: nothing here asserts a time. Run from the repository root::

    python bench/bench_ui.py                 # offscreen, and under Xvfb when xvfb-run/Xvfb is installed
    python bench/bench_ui.py --quick         # fewer runs and shorter training, for a quick look
    python bench/bench_ui.py --profile       # also profile the GUI thread while training

It prints a table and writes it to ``bench/results/ui.md``. Every measurement runs in a fresh
subprocess with its own empty settings and data folders (``XDG_CONFIG_HOME``/``XDG_DATA_HOME`` in a
temporary folder), so the learner's real settings are never read or written.

1. **Time to a visible window** (target < 2 s). A ``python -c`` subprocess imports NumPy, PySide6,
   pyqtgraph, the engine and the UI modules one after the other (the same modules ``ui.app.main``
   imports, so the total is the same), then runs the real ``ui.app.main()`` with ``MainWindow``,
   ``Session`` and the panel classes replaced by thin subclasses that only take timestamps. An event
   filter on the application records the first ``Expose`` of the window and its first ``Paint``;
   the end point is a zero-timer posted from that first paint, i.e. after the whole first frame was
   painted and flushed. ``time.perf_counter`` is ``CLOCK_MONOTONIC`` on Linux, shared by parent and
   child, so the clock starts when the parent spawns the interpreter. Median of N runs; the OS file
   cache is warm after the first run (the first run is reported too).
2. **Draw-to-prediction latency.** Strokes shaped like digits are sent to ``digitCanvas`` as mouse
   events every 8 ms (a 125 Hz mouse) from a timer inside the event loop. For each move event the
   latency runs from sending it to the first ``CanvasPanel.predictionUpdated`` emitted after the
   event was handled (one GUI thread: that prediction necessarily includes it), and on to the next
   repaint of the probability bars. The panel coalesces predictions every 30 ms by design, so
   latency ≈ uniform(0, 30 ms) + the prediction's cost; the raw cost of one prediction path
   (``canvas.image()`` → ``to_mnist`` → ``Session.predict``, and the panel's whole refresh) is
   timed separately, as is the cost of one mouse move as a stroke grows.
3. **GUI-thread blocking while training.** The real main window trains the small CNN on the bundled
   digits (``Session.start_training()``) while a 16 ms precise ``QTimer`` in the GUI thread records
   the gaps between its ticks: 2 s idle first (the timer's own jitter), then ~10 s of training with
   digit strokes drawn on the canvas in the middle. Reported: p50/p95/max gap (target p95 < 25 ms)
   and the throughput the worker reports in ``BatchProgress.samples_per_sec``. Run once with the
   worker's BLAS limit as shipped (1 thread, via ``threadpoolctl``) and once with the limit patched
   to 2 threads in the benchmark process only (two BLAS threads fight the GUI thread on two cores),
   interleaved over rounds because the machine may be shared. Training always ends with
   ``Session.shutdown()``. Diagnostic runs (BLAS 1 thread) then change one thing in the benchmark
   process only — the loss dock hidden, the loss plot
   redrawn less often, its grids off, its x range fixed — to show where the GUI thread's time goes.

``--profile`` additionally runs one training child with ``cProfile`` enabled in the GUI thread only
(``sys.setprofile`` is per thread) and an application ``notify`` override that adds up the time spent
handling each kind of event, and appends the top entries to the results.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results" / "ui.md"

#: Targets from the issue.
STARTUP_TARGET_S = 2.0
GAP_P95_TARGET_MS = 25.0
TICK_MS = 16
MOVE_INTERVAL_MS = 8

# Digit-like strokes in canvas coordinates from 0 to 1 (x right, y down); each is a polyline that is
# resampled to one mouse event per ~1.2 % of the canvas side (~5 px on a 400 px canvas).
STROKES: dict[str, list[tuple[float, float]]] = {
    "7": [(0.25, 0.22), (0.75, 0.22), (0.62, 0.45), (0.45, 0.82)],
    "1": [(0.50, 0.15), (0.50, 0.85)],
    "3": [(0.30, 0.22), (0.55, 0.15), (0.70, 0.28), (0.55, 0.47), (0.42, 0.50), (0.60, 0.55), (0.72, 0.70),
          (0.55, 0.85), (0.30, 0.78)],
    "0": [(0.50, 0.15), (0.68, 0.25), (0.72, 0.50), (0.66, 0.75), (0.50, 0.85), (0.34, 0.75), (0.28, 0.50),
          (0.32, 0.25), (0.50, 0.15)],
    "2": [(0.30, 0.30), (0.45, 0.17), (0.65, 0.22), (0.68, 0.40), (0.30, 0.82), (0.72, 0.82)],
}


# ---- small helpers (standard library only: children import this module before timing imports) ----
def _pct(values: list[float], q: float) -> float:
    """Percentile ``q`` (0–100) with linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _resample(points: list[tuple[float, float]], step: float) -> list[tuple[float, float]]:
    """Points along a polyline, about ``step`` apart (same units as the points)."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        n = max(1, round(length / step))
        out += [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(1, n + 1)]
    return out


def _isolated_env(platform_name: str, display: str | None, tmp: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform_name
    env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
    env["XDG_DATA_HOME"] = str(Path(tmp) / "data")
    env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONSTARTUP", None)
    if display is not None:
        env["DISPLAY"] = display
    return env


# ---- child 1: time to a visible window ----------------------------------------------------------
def startup_child(t_interp: float, out_path: str) -> None:
    """Import step by step, then run ``ui.app.main()`` until the first frame; write timestamps as JSON."""
    marks: dict[str, float] = {"interpreter": t_interp}
    import numpy  # noqa: F401

    marks["numpy"] = time.perf_counter()
    from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401

    marks["PySide6 (QtCore/QtGui/QtWidgets)"] = time.perf_counter()
    import pyqtgraph  # noqa: F401

    marks["pyqtgraph"] = time.perf_counter()
    import sandbox

    marks["sandbox (engine)"] = time.perf_counter()
    import ui.app
    import ui.main_window as mw
    import ui.session as us

    marks["ui modules (session, panels, main window)"] = time.perf_counter()

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    spans: dict[str, float] = {}

    def timed(name: str, func):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spans[name] = spans.get(name, 0.0) + time.perf_counter() - t
        return wrapper

    digits = sandbox.datasets.digits
    digits.load_data = timed("session: load bundled digits", digits.load_data)
    us.Session._rebuild_model = timed("session: build model", us.Session._rebuild_model)
    us.Session._load_pretrained = timed("session: load pretrained model", us.Session._load_pretrained)
    panels = [name for name, obj in vars(mw).items() if isinstance(obj, type)
              and obj.__module__.startswith("ui.panels.") and issubclass(obj, QtWidgets.QWidget)]
    for name in panels:
        base = getattr(mw, name)

        def init(self, *args, _base=base, _name=name, **kwargs):
            t = time.perf_counter()
            _base.__init__(self, *args, **kwargs)
            spans[f"window: {_name}"] = spans.get(f"window: {_name}", 0.0) + time.perf_counter() - t

        setattr(mw, name, type(name, (base,), {"__init__": init}))

    class FirstFrame(QObject):
        def __init__(self, window) -> None:
            super().__init__()
            self.window = window

        def eventFilter(self, obj, event) -> bool:
            kind = event.type()
            if kind == QEvent.Type.Expose and "expose" not in marks and obj is self.window.windowHandle():
                marks["expose"] = time.perf_counter()
            elif kind == QEvent.Type.Paint and obj is self.window and "first paint" not in marks:
                marks["first paint"] = time.perf_counter()
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            marks["first frame done"] = time.perf_counter()
            self.window.close()
            QApplication.instance().quit()

    class Session(us.Session):
        def __init__(self, *args, **kwargs) -> None:
            t = time.perf_counter()
            super().__init__(*args, **kwargs)
            spans["session total"] = time.perf_counter() - t

    class MainWindow(mw.MainWindow):
        def __init__(self, *args, **kwargs) -> None:
            marks["QApplication + translators"] = time.perf_counter()
            self._bench_filter = FirstFrame(self)
            QApplication.instance().installEventFilter(self._bench_filter)
            super().__init__(*args, **kwargs)
            marks["window built"] = time.perf_counter()

    mw.Session = Session
    mw.MainWindow = MainWindow
    # Safety net: never hang the benchmark if no paint ever arrives.
    watchdog = {"armed": True}

    def arm_watchdog() -> None:
        QTimer.singleShot(20_000, lambda: watchdog["armed"] and QApplication.instance().quit())

    QTimer.singleShot(0, arm_watchdog)
    code = ui.app.main([])
    marks["exited"] = time.perf_counter()
    Path(out_path).write_text(json.dumps({"marks": marks, "spans": spans, "exit_code": code,
                                          "platform": QApplication.platformName() if QApplication.instance()
                                          else os.environ.get("QT_QPA_PLATFORM", "")}))


# ---- shared: a realistic main window and a stroke driver --------------------------------------------
def _make_window():
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("DLSandboxBench")
    QCoreApplication.setApplicationName("dl-sandbox-bench")
    app = QApplication.instance() or QApplication([])
    from ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 820)
    window.show()
    QTest.qWaitForWindowExposed(window, 10_000)
    QTest.qWait(300)  # let the first layout and paints settle
    return app, window


def _make_driver(window, strokes: list[str], pause_ms: int = 150):
    """A QObject that draws ``strokes`` on the canvas with mouse events from a timer and records timings."""
    from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal, Slot
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    panel = window.canvas_panel
    canvas = window.findChild(QWidget, "digitCanvas")
    bars = window.findChild(QWidget, "probabilityBars")
    label = window.findChild(QLabel, "predictionLabel")

    class Driver(QObject):
        finished = Signal()

        def __init__(self) -> None:
            super().__init__()
            side = min(canvas.width(), canvas.height())
            left, top = (canvas.width() - side) / 2, (canvas.height() - side) / 2
            self.events: list[tuple[str, float, float, int]] = []  # kind, t_send, t_done, points in stroke
            self.script: list[tuple[str, QPointF | None, int]] = []
            for name in strokes:
                pts = _resample(STROKES[name], 0.012)
                for i, (x, y) in enumerate(pts):
                    kind = "press" if i == 0 else ("release" if i == len(pts) - 1 else "move")
                    self.script.append((kind, QPointF(left + x * side, top + y * side), i + 1))
                self.script.append(("pause", None, pause_ms // MOVE_INTERVAL_MS))
                self.script.append(("clear", None, 0))
            self.updates: list[float] = []
            self.bar_paints: list[float] = []
            self.label_texts: list[tuple[float, str]] = []
            self._waits = 0
            self._i = 0
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(MOVE_INTERVAL_MS)
            self.timer.timeout.connect(self.step)
            panel.predictionUpdated.connect(self.on_updated)
            bars.installEventFilter(self)

        def start(self) -> None:
            self.timer.start()

        @Slot()
        def on_updated(self) -> None:
            now = time.perf_counter()
            self.updates.append(now)
            text = label.text()
            if not self.label_texts or self.label_texts[-1][1] != text:
                self.label_texts.append((now, text))

        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.bar_paints.append(time.perf_counter())
            return False

        @Slot()
        def step(self) -> None:
            if self._waits > 0:
                self._waits -= 1
                return
            if self._i >= len(self.script):
                self.timer.stop()
                self.finished.emit()
                return
            kind, pos, n = self.script[self._i]
            self._i += 1
            if kind == "pause":
                self._waits = n
                return
            t = time.perf_counter()
            if kind == "clear":
                canvas.clear()
            else:
                qtype = {"press": QEvent.Type.MouseButtonPress, "move": QEvent.Type.MouseMove,
                         "release": QEvent.Type.MouseButtonRelease}[kind]
                button = Qt.MouseButton.NoButton if kind == "move" else Qt.MouseButton.LeftButton
                buttons = Qt.MouseButton.NoButton if kind == "release" else Qt.MouseButton.LeftButton
                event = QMouseEvent(qtype, pos, canvas.mapToGlobal(pos), button, buttons,
                                    Qt.KeyboardModifier.NoModifier)
                QApplication.sendEvent(canvas, event)
            self.events.append((kind, t, time.perf_counter(), n))

        def latencies(self) -> dict[str, list[float]]:
            """Per move event: ms to the next predictionUpdated, to the next bars repaint, and handling time."""
            import bisect

            to_update, to_pixels, handling = [], [], []
            for kind, t_send, t_done, _n in self.events:
                if kind not in ("move", "press"):
                    continue
                handling.append((t_done - t_send) * 1e3)
                i = bisect.bisect_right(self.updates, t_done)
                if i < len(self.updates):
                    upd = self.updates[i]
                    to_update.append((upd - t_send) * 1e3)
                    j = bisect.bisect_right(self.bar_paints, upd)
                    if j < len(self.bar_paints):
                        to_pixels.append((self.bar_paints[j] - t_send) * 1e3)
            return {"to_update": to_update, "to_pixels": to_pixels, "handling": handling}

    return Driver(), panel, canvas


# ---- child 2: draw-to-prediction latency --------------------------------------------------------------
def latency_child(out_path: str) -> None:
    """Draw strokes, measure latency to the prediction, then the raw cost of each prediction step."""
    from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sandbox.datasets.preprocess import to_mnist

    _app, window = _make_window()
    driver, panel, canvas = _make_driver(window, ["7", "3", "0", "2", "1"] * 2)
    loop = QEventLoop()
    driver.finished.connect(loop.quit)
    driver.start()
    loop.exec()
    lat = driver.latencies()
    result: dict = {"platform": QApplication.platformName(), "canvas_px": [canvas.width(), canvas.height()],
                    "moves": len(lat["handling"]), "predictions": len(driver.updates),
                    "label_changes": [t for _, t in driver.label_texts], **lat}

    # Raw costs, on a drawn "3".
    def send(kind, x, y):
        side = min(canvas.width(), canvas.height())
        pos = QPointF((canvas.width() - side) / 2 + x * side, (canvas.height() - side) / 2 + y * side)
        qtype = {"press": QEvent.Type.MouseButtonPress, "move": QEvent.Type.MouseMove,
                 "release": QEvent.Type.MouseButtonRelease}[kind]
        button = Qt.MouseButton.NoButton if kind == "move" else Qt.MouseButton.LeftButton
        buttons = Qt.MouseButton.NoButton if kind == "release" else Qt.MouseButton.LeftButton
        t = time.perf_counter()
        QApplication.sendEvent(canvas, QMouseEvent(qtype, pos, canvas.mapToGlobal(pos), button, buttons,
                                                   Qt.KeyboardModifier.NoModifier))
        return (time.perf_counter() - t) * 1e3

    canvas.clear()
    pts = _resample(STROKES["3"], 0.012)
    send("press", *pts[0])
    for p in pts[1:-1]:
        send("move", *p)
    send("release", *pts[-1])
    QTest.qWait(100)
    session = window.session
    costs: dict[str, list[float]] = {k: [] for k in ("canvas.image()", "to_mnist", "Session.predict",
                                                      "image+to_mnist+predict", "panel refresh (whole)")}
    for _ in range(200):
        t0 = time.perf_counter()
        big = canvas.image()
        t1 = time.perf_counter()
        small = to_mnist(big, invert=False)
        t2 = time.perf_counter()
        session.predict(small)
        t3 = time.perf_counter()
        costs["canvas.image()"].append((t1 - t0) * 1e3)
        costs["to_mnist"].append((t2 - t1) * 1e3)
        costs["Session.predict"].append((t3 - t2) * 1e3)
        costs["image+to_mnist+predict"].append((t3 - t0) * 1e3)
        canvas.imageChanged.emit()  # invalidates the panel's 28×28 cache (and schedules a refresh)
        t4 = time.perf_counter()
        panel._refresh_prediction()  # private, called only here to time the panel's whole refresh
        costs["panel refresh (whole)"].append((time.perf_counter() - t4) * 1e3)
    QTest.qWait(50)
    result["costs"] = costs

    # Cost of one mouse move as the stroke grows: each move re-strokes the whole path so far.
    canvas.clear()
    growth: dict[int, list[float]] = {}
    n = 0
    send("press", 0.1, 0.1)
    for rep in range(8):
        for k in range(60):
            n += 1
            x = 0.1 + 0.8 * (k / 59 if rep % 2 == 0 else 1 - k / 59)
            y = 0.1 + 0.1 * rep + 0.001 * k
            ms = send("move", x, y)
            growth.setdefault(n // 60 * 60, []).append(ms)
    send("release", 0.5, 0.9)
    result["move_cost_by_points"] = {str(k): statistics.median(v) for k, v in sorted(growth.items())}
    canvas.clear()
    QTest.qWait(50)
    window.close()
    from ui.background import LIVE_LANES

    for lane in list(LIVE_LANES):  # as the training child does: no lane thread left running at exit
        lane.shutdown()
    Path(out_path).write_text(json.dumps(result))


# ---- child 3: GUI ticks while training -------------------------------------------------------------------
def training_child(out_path: str, blas_threads: int, train_seconds: float, idle_seconds: float,
                   profile: bool, variant: str = "") -> None:
    """Train in the real window while a 16 ms timer records its gaps; draw strokes in the middle.

    ``variant`` names diagnostic changes made in this process only, comma-separated: ``hide_loss``
    (the loss-plot dock hidden), ``no_grid`` (the plots' grids off), ``fixed_x`` (the loss plot's x range
    fixed to the planned epochs instead of autoranging every frame), ``frame_ms=N`` (the loss plot's
    redraw timer set to N ms instead of 30), ``switch_1ms`` (``sys.setswitchinterval(0.001)``),
    ``notify`` (time every event delivery in the GUI thread; ``profile`` implies it).
    """
    import threadpoolctl

    variants = set(filter(None, variant.split(",")))
    if profile:
        variants.add("notify")
    if "switch_1ms" in variants:
        sys.setswitchinterval(0.001)

    if blas_threads != 1:
        original = threadpoolctl.threadpool_limits

        def patched(limits=None, user_api=None, **kwargs):
            return original(limits=blas_threads, user_api=user_api, **kwargs)

        threadpoolctl.threadpool_limits = patched  # the worker imports it at run time

    notify_time: dict[str, list[float]] = {}
    paint_passes: list[float] = []
    if "notify" in variants:
        from PySide6.QtWidgets import QApplication

        class TimingApp(QApplication):
            """Adds up the GUI-thread time spent delivering each kind of event to each kind of receiver."""

            def notify(self, receiver, event):
                t = time.perf_counter()
                try:
                    return super().notify(receiver, event)
                finally:
                    spent = time.perf_counter() - t
                    key = f"{event.type().name} → {type(receiver).__name__}"
                    entry = notify_time.setdefault(key, [0.0, 0, 0.0])
                    entry[0] += spent
                    entry[1] += 1
                    entry[2] = max(entry[2], spent)
                    if key == "UpdateRequest → MainWindow" and recording["on"]:
                        paint_passes.append(spent * 1e3)

        TimingApp([])

    from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot
    from PySide6.QtWidgets import QApplication

    from ui.worker import LIVE_THREADS

    recording = {"on": False}
    for item in variants:
        if item.startswith("frame_ms="):
            import ui.panels.loss_plot

            ui.panels.loss_plot.FRAME_MS = int(item.split("=")[1])  # read when the panel is built
    _app, window = _make_window()
    if "hide_loss" in variants:
        window.docks["lossDock"].hide()
    session = window.session
    session.update_training("epochs", 30)  # more than fits in the measuring time; stopped by shutdown()
    if variants & {"no_grid", "fixed_x"}:
        import pyqtgraph as pg

        plots = [window.findChild(pg.PlotWidget, name).getPlotItem() for name in ("lossPlot", "accuracyPlot")]
        if "no_grid" in variants:
            for item in plots:
                item.showGrid(x=False, y=False)
        if "fixed_x" in variants:  # the accuracy plot's x is linked to the loss plot's
            plots[0].enableAutoRange(x=False)
            plots[0].setXRange(0, session.training.epochs, padding=0.02)
    driver, _panel, _canvas = _make_driver(window, ["7", "3", "0", "2", "1", "7", "3"])

    class Recorder(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.ticks: list[tuple[float, str]] = []
            self.phase = "idle"
            self.batches: list[tuple[float, int, int, int, int, float]] = []
            self.blas_seen: list[int] = []
            self.t_train = self.t_stop = self.stop_ms = 0.0
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self.tick)
            session.batchesReceived.connect(self.on_batches)
            self.profiler = None

        @Slot()
        def tick(self) -> None:
            self.ticks.append((time.perf_counter(), self.phase))

        @Slot(object)
        def on_batches(self, records: list) -> None:
            now = time.perf_counter()
            for r in records:
                self.batches.append((now, r.epoch, r.step, r.steps, r.global_step, r.samples_per_sec))

        def start(self) -> None:
            self.timer.start()
            QTimer.singleShot(int(idle_seconds * 1000), self.start_training)

        def start_training(self) -> None:
            self.phase = "training"
            recording["on"] = True
            if profile:
                import cProfile

                self.profiler = cProfile.Profile()
                self.profiler.enable()
            self.t_train = time.perf_counter()
            assert session.start_training()
            QTimer.singleShot(1000, self.check_blas)
            QTimer.singleShot(int(train_seconds * 400), self.start_drawing)
            QTimer.singleShot(int(train_seconds * 1000), self.stop)

        def check_blas(self) -> None:
            self.blas_seen = [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]

        def start_drawing(self) -> None:
            self.phase = "training+drawing"
            driver.finished.connect(self.end_drawing)
            driver.start()

        @Slot()
        def end_drawing(self) -> None:
            if self.phase == "training+drawing":
                self.phase = "training"

        def stop(self) -> None:
            self.phase = "stopping"
            recording["on"] = False
            if self.profiler is not None:
                self.profiler.disable()
            driver.timer.stop()
            t = time.perf_counter()
            session.shutdown()
            self.stop_ms = (time.perf_counter() - t) * 1e3
            self.t_stop = time.perf_counter()
            self.timer.stop()
            QTimer.singleShot(100, loop.quit)

    # A local loop: QApplication.quit() would send the window a close event, which asks to save.
    loop = QEventLoop()
    rec = Recorder()
    QTimer.singleShot(0, rec.start)
    loop.exec()
    # hide(), not close(): after training the session is dirty and closeEvent would ask to save. So the
    # background lanes closeEvent would stop are stopped here: a lane thread (a daemon) still evaluating when
    # the interpreter exits emitted into a half-destroyed QObject and crashed the child (-11) one run in ~4.
    window.hide()
    from ui.background import LIVE_LANES

    for lane in list(LIVE_LANES):
        lane.shutdown()

    def gaps(phases: set[str]) -> list[float]:
        return [(b[0] - a[0]) * 1e3 for a, b in itertools.pairwise(rec.ticks) if b[1] in phases and a[1] in phases]

    epoch_end = [b[5] for b in rec.batches if b[2] == b[3]]
    lat = driver.latencies()
    result = {
        "platform": QApplication.platformName(), "blas_threads": blas_threads, "blas_seen": rec.blas_seen,
        "idle_gaps": gaps({"idle"}), "train_gaps": gaps({"training", "training+drawing"}),
        "draw_gaps": gaps({"training+drawing"}), "train_only_gaps": gaps({"training"}),
        "epoch_samples_per_sec": epoch_end, "all_samples_per_sec": [b[5] for b in rec.batches],
        "steps": (rec.batches[-1][4] - rec.batches[0][4]) if rec.batches else 0,
        "train_seconds": rec.t_stop - rec.t_train, "stop_ms": rec.stop_ms,
        "draw_latency": lat["to_update"], "draw_handling": lat["handling"],
        "batch_signals": len({b[0] for b in rec.batches}),
        "threads_running": any(t.isRunning() for t in LIVE_THREADS),
    }
    result["variant"] = sorted(variants)
    if "notify" in variants:
        result["notify"] = {k: v for k, v in sorted(notify_time.items(), key=lambda kv: -kv[1][0])[:25]}
        result["paint_passes"] = paint_passes
    if profile and rec.profiler is not None:
        import io
        import pstats

        buf = io.StringIO()
        pstats.Stats(rec.profiler, stream=buf).sort_stats("tottime").print_stats(25)
        result["profile_tottime"] = buf.getvalue()
        buf = io.StringIO()
        pstats.Stats(rec.profiler, stream=buf).sort_stats("cumulative").print_stats(30)
        result["profile_cumulative"] = buf.getvalue()
    Path(out_path).write_text(json.dumps(result))


# ---- parent: run children, aggregate, report -----------------------------------------------------------
def _run_child(kind: str, args: list[str], platform_name: str, display: str | None,
               timeout: float = 180) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench_ui_") as tmp:
        out = str(Path(tmp) / "out.json")
        env = _isolated_env(platform_name, display, tmp)
        if kind == "startup":
            code = ("import time; t0 = time.perf_counter(); import sys; "
                    f"sys.path.insert(0, {str(BENCH_DIR)!r}); import bench_ui; "
                    f"bench_ui.startup_child(t0, {out!r})")
        else:
            code = (f"import sys; sys.path.insert(0, {str(BENCH_DIR)!r}); import bench_ui; "
                    f"bench_ui.{kind}_child({out!r}, {', '.join(args)})")
        t_spawn = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=str(ROOT), capture_output=True,
                              text=True, timeout=timeout)
        if proc.returncode != 0 or not Path(out).exists():
            raise RuntimeError(f"{kind} child failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n"
                               f"{proc.stderr[-4000:]}")
        data = json.loads(Path(out).read_text())
        data["t_spawn"] = t_spawn
        data["stderr_tail"] = proc.stderr[-500:]
        return data


class Xvfb:
    """A private Xvfb server for the ``xcb`` runs, stopped by its own pid."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.display: str | None = None

    def start(self) -> str | None:
        exe = shutil.which("Xvfb")
        if exe is None:
            return None
        read, write = os.pipe()
        self.proc = subprocess.Popen([exe, "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten",
                                      "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.stop()
            return None
        self.display = f":{number}"
        return self.display

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        self.proc = None


def _xcb_works(display: str) -> str:
    """'' if a QApplication starts on xcb, else the reason."""
    with tempfile.TemporaryDirectory() as tmp:
        env = _isolated_env("xcb", display, tmp)
        proc = subprocess.run([sys.executable, "-c", "from PySide6.QtWidgets import QApplication; "
                               "a = QApplication([]); print(a.platformName())"],
                              env=env, capture_output=True, text=True, timeout=60)
    return "" if proc.returncode == 0 and "xcb" in proc.stdout else (proc.stderr.strip().splitlines() or ["?"])[-1]


def _machine() -> dict[str, str]:
    import numpy
    import pyqtgraph
    import PySide6
    import threadpoolctl

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    blas = next((f"{i['internal_api']} {i['version']} ({i['num_threads']} threads by default)"
                 for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"), "?")
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.splitlines()
        code = f"commit {head}" + (f" with uncommitted changes in {len(dirty)} files" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        code = "not a git checkout"
    return {"code": code, "nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
            "PySide6": PySide6.__version__, "numpy": numpy.__version__, "pyqtgraph": pyqtgraph.__version__,
            "blas": blas, "os": platform.platform()}


def _fmt(ms: float, unit: str = "ms") -> str:
    return f"{ms:,.1f} {unit}" if ms == ms else "—"


def _startup_rows(runs: list[dict]) -> tuple[dict[str, float], list[tuple[str, float]], dict[str, float]]:
    """Median total, median step durations in order, median spans (all in seconds)."""
    order = ["interpreter", "numpy", "PySide6 (QtCore/QtGui/QtWidgets)", "pyqtgraph", "sandbox (engine)",
             "ui modules (session, panels, main window)", "QApplication + translators", "window built", "expose",
             "first paint", "first frame done"]
    steps: dict[str, list[float]] = {k: [] for k in order}
    totals: dict[str, list[float]] = {"expose": [], "first paint": [], "first frame done": []}
    spans: dict[str, list[float]] = {}
    for r in runs:
        marks = r["marks"]
        prev = r["t_spawn"]
        for k in order:
            if k not in marks:
                continue
            steps[k].append(marks[k] - prev)
            prev = marks[k]
        for k in totals:
            if k in marks:
                totals[k].append(marks[k] - r["t_spawn"])
        for k, v in r["spans"].items():
            spans.setdefault(k, []).append(v)
    med_steps = [(k, statistics.median(v)) for k, v in steps.items() if v]
    return ({k: statistics.median(v) for k, v in totals.items() if v}, med_steps,
            {k: statistics.median(v) for k, v in spans.items()})


#: Training configurations: (label, BLAS threads in the worker, diagnostic variant). The first two are
#: the comparison asked for (two BLAS threads fight the GUI thread on two cores), run in interleaved
#: rounds; the rest are diagnostics that show where the GUI thread's time goes, run once each.
TRAINING_CONFIGS = [
    ("BLAS 1 thread (as shipped)", 1, ""),
    ("BLAS 2 threads", 2, ""),
]
DIAGNOSTIC_CONFIGS = [
    ("diagnostic: loss dock hidden", 1, "hide_loss"),
    ("diagnostic: loss plot redrawn at most every 200 ms", 1, "frame_ms=200"),
    ("diagnostic: plot grids off", 1, "no_grid"),
    ("diagnostic: x range fixed to the planned epochs", 1, "fixed_x"),
    ("diagnostic: plot grids off + fixed x range", 1, "no_grid,fixed_x"),
]


def main(argv: list[str] | None = None) -> int:
    """Run every measurement on every available platform, print the table and write ``bench/results/ui.md``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh subprocess runs for the startup time")
    parser.add_argument("--train-seconds", type=float, default=10.0)
    parser.add_argument("--idle-seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of BLAS 1 vs 2 threads")
    parser.add_argument("--platforms", default="offscreen,xcb")
    parser.add_argument("--no-diagnostics", action="store_true", help="skip the loss-plot diagnostic runs")
    parser.add_argument("--profile", action="store_true", help="profile the GUI thread during one training run")
    parser.add_argument("--quick", action="store_true", help="3 startup runs, 5 s of training, 1 round")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.train_seconds, args.rounds = 3, 5.0, 1

    machine = _machine()
    load_start = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    xvfb = Xvfb()
    platforms: list[tuple[str, str | None]] = []
    notes: list[str] = []
    for name in args.platforms.split(","):
        if name == "offscreen":
            platforms.append(("offscreen", None))
        elif name == "xcb":
            display = os.environ.get("DISPLAY") or xvfb.start()
            if display is None:
                notes.append("xcb skipped: no DISPLAY and no Xvfb (apt-get install xvfb xauth libxcb-…)")
                continue
            problem = _xcb_works(display)
            if problem:
                notes.append(f"xcb skipped: {problem} (run with QT_DEBUG_PLUGINS=1 to find the missing library)")
                continue
            platforms.append(("xcb", display))

    def train(name: str, display: str | None, threads: int, variant: str, profile: bool = False) -> dict:
        child_args = [str(threads), str(args.train_seconds), str(args.idle_seconds), str(profile), repr(variant)]
        return _run_child("training", child_args, name, display, timeout=120 + 3 * args.train_seconds)

    results: dict[str, dict] = {}
    try:
        for name, display in platforms:
            print(f"[{name}] startup × {args.runs}", flush=True)
            startup = [_run_child("startup", [], name, display) for _ in range(args.runs)]
            print(f"[{name}] draw-to-prediction latency", flush=True)
            latency = _run_child("latency", [], name, display)
            training: dict[str, list[dict]] = {label: [] for label, _, _ in TRAINING_CONFIGS + DIAGNOSTIC_CONFIGS}
            for rnd in range(args.rounds):
                for label, threads, variant in TRAINING_CONFIGS:
                    print(f"[{name}] training round {rnd + 1}/{args.rounds}: {label}", flush=True)
                    training[label].append(train(name, display, threads, variant))
            if not args.no_diagnostics:
                for label, threads, variant in DIAGNOSTIC_CONFIGS:
                    print(f"[{name}] training: {label}", flush=True)
                    training[label].append(train(name, display, threads, variant))
            profile = None
            if args.profile:
                print(f"[{name}] profiling the GUI thread while training", flush=True)
                profile = train(name, display, 1, "", profile=True)
            results[name] = {"startup": startup, "latency": latency,
                             "training": {k: v for k, v in training.items() if v}, "profile": profile}
    finally:
        xvfb.stop()
    load_end = os.getloadavg()

    text = _report(results, machine, started, load_start, load_end, notes, args)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(f"written to {args.out}")
    return 0


STEP_LABELS = {
    "interpreter": "interpreter start (`python -c` up to its first line)",
    "numpy": "import numpy",
    "PySide6 (QtCore/QtGui/QtWidgets)": "import PySide6 QtCore/QtGui/QtWidgets",
    "pyqtgraph": "import pyqtgraph",
    "sandbox (engine)": "import sandbox (engine)",
    "ui modules (session, panels, main window)": "import ui (session, panels, main window)",
    "QApplication + translators": "QApplication, settings, translators",
    "window built": "`MainWindow()` incl. `Session` (split below)",
    "expose": "`show()` → window exposed",
    "first paint": "→ first paint event",
    "first frame done": "→ first frame painted",
}


def _report(results: dict, machine: dict, started: str, load_start, load_end, notes: list[str], args) -> str:
    flags = "".join(f" {f}" for f, on in (("--quick", args.quick), ("--profile", args.profile),
                                            ("--no-diagnostics", args.no_diagnostics)) if on)
    lines = ["# UI benchmarks", "",
             f"`python bench/bench_ui.py{flags}` on {started}. Measurements, not tests: nothing asserts a time.", "",
             f"Machine: {machine['nproc']} cores ({machine['cpu']}); {machine['os']}; Python {machine['python']}, "
             f"PySide6 {machine['PySide6']}, NumPy {machine['numpy']}, pyqtgraph {machine['pyqtgraph']}, "
             f"BLAS {machine['blas']}. Code: {machine['code']}.",
             f"Load average at start {load_start[0]:.2f}, at end {load_end[0]:.2f} (a shared machine: other jobs "
             "take CPU, so tick gaps and samples/s move with the load; compare configurations of the same run).", ""]
    lines += [f"Note: {n}" for n in notes]
    if notes:
        lines.append("")
    lines += ["## Summary", "",
              "| platform | measurement | p50 / median | p95 | max | target | met |",
              "|---|---|---:|---:|---:|---:|:---:|"]
    detail: list[str] = []
    for name, res in results.items():
        totals, steps, spans = _startup_rows(res["startup"])
        frame = [r["marks"]["first frame done"] - r["t_spawn"] for r in res["startup"]
                 if "first frame done" in r["marks"]]
        med = totals.get("first frame done", float("nan"))
        lines.append(f"| {name} | time to first painted window ({len(frame)} fresh processes) | {med:.2f} s | — | "
                     f"{max(frame):.2f} s | < {STARTUP_TARGET_S:.0f} s | {'yes' if med < STARTUP_TARGET_S else 'NO'} |")
        lat = res["latency"]
        c = lat["costs"]
        for key, label in (("to_update", f"draw → `predictionUpdated`, idle ({len(lat['to_update'])} mouse events)"),
                           ("to_pixels", "draw → probability bars repainted, idle")):
            v = lat[key]
            lines.append(f"| {name} | {label} | {_fmt(_pct(v, 50))} | {_fmt(_pct(v, 95))} | {_fmt(max(v))} | — | |")
        v = c["image+to_mnist+predict"]
        lines.append(f"| {name} | one prediction path, raw: `canvas.image()` + `to_mnist` + `Session.predict` | "
                     f"{_fmt(_pct(v, 50))} | {_fmt(_pct(v, 95))} | {_fmt(max(v))} | — | |")
        for label, runs in res["training"].items():
            gaps = [g for r in runs for g in r["train_gaps"]]
            sps = [s for r in runs for s in r["epoch_samples_per_sec"]]
            draw = [d for r in runs for d in r["draw_latency"]]
            p95 = _pct(gaps, 95)
            lines.append(f"| {name} | GUI tick gap while training, {label} ({len(runs)} run{'s' * (len(runs) > 1)}) | "
                         f"{_fmt(_pct(gaps, 50))} | {_fmt(p95)} | {_fmt(max(gaps))} | p95 < {GAP_P95_TARGET_MS:.0f} ms"
                         f" | {'yes' if p95 < GAP_P95_TARGET_MS else 'NO'} |")
            values = f"{statistics.median(sps):,.0f} | — | {max(sps):,.0f}" if sps else "— | — | —"
            lines.append(f"| {name} | training samples/s (at epoch ends), {label} | {values} | — | |")
            lines.append(f"| {name} | draw → `predictionUpdated` while training, {label} | {_fmt(_pct(draw, 50))} | "
                         f"{_fmt(_pct(draw, 95))} | {_fmt(max(draw) if draw else float('nan'))} | — | |")
        detail += _startup_detail(name, res["startup"], frame, steps, spans)
        detail += _latency_detail(name, lat)
        detail += _training_detail(name, res, args)
    lines += ["", *detail,
              "## Rerun", "",
              "`python bench/bench_ui.py` from the repository root (about 7 minutes with Xvfb; `--quick` for a short "
              "look, `--profile` to profile the GUI thread while training, `--platforms offscreen` to skip Xvfb, "
              "`--no-diagnostics` to skip the loss-plot diagnostic runs). The Xvfb runs need "
              "`apt-get install -y xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-xinerama0 "
              "libxkbcommon-x11-0 libxcb-render-util0 libxcb-image0 libxcb-shape0`; the script starts its own "
              "Xvfb server when `DISPLAY` is unset.", ""]
    return "\n".join(lines)


def _startup_detail(name: str, runs: list[dict], frame: list[float], steps: list[tuple[str, float]],
                    spans: dict[str, float]) -> list[str]:
    out = [f"## {name}: time to a visible window", "",
           f"Median of {len(runs)} fresh subprocesses; the clock starts when the parent spawns `python -c` "
           f"(warm OS file cache after the first run). All runs: {', '.join(f'{f:.2f}' for f in frame)} s.", "",
           "| step (in order) | median | cumulative |", "|---|---:|---:|"]
    cum = 0.0
    for key, value in steps:
        cum += value
        out.append(f"| {STEP_LABELS.get(key, key)} | {value * 1e3:,.0f} ms | {cum * 1e3:,.0f} ms |")
    out += ["", "Inside `MainWindow()`:", "", "| part | median |", "|---|---:|"]
    session_parts = sorted(k for k in spans if k.startswith("session:"))
    for key in session_parts:
        out.append(f"| {key} | {spans[key] * 1e3:,.1f} ms |")
    if "session total" in spans:
        rest = spans["session total"] - sum(spans[k] for k in session_parts)
        out.append(f"| session: the rest (preset spec, digits to float32, undo stack) | {rest * 1e3:,.1f} ms |")
        out.append(f"| **session total** | **{spans['session total'] * 1e3:,.1f} ms** |")
    window_parts = {k: v for k, v in spans.items() if k.startswith("window:")}
    for key, value in sorted(window_parts.items(), key=lambda kv: -kv[1]):
        out.append(f"| {key} | {value * 1e3:,.1f} ms |")
    build = dict(steps).get("window built", float("nan"))
    rest = build - spans.get("session total", 0.0) - sum(window_parts.values())
    out += [f"| window: docks, actions, menus, toolbar, layout restore | {rest * 1e3:,.1f} ms |", ""]
    return out


def _latency_detail(name: str, lat: dict) -> list[str]:
    out = [f"## {name}: draw-to-prediction (idle)", "",
           f"{lat['moves']} press/move events on a {lat['canvas_px'][0]}×{lat['canvas_px'][1]} px canvas, one every "
           f"{MOVE_INTERVAL_MS} ms; {lat['predictions']} predictions (the panel coalesces them every 30 ms, so about "
           "half of the latency is that wait, by design).", "",
           "| measurement | p50 | p95 | max |", "|---|---:|---:|---:|"]
    for key, label in (("to_update", "mouse event → `predictionUpdated` (label text set)"),
                       ("to_pixels", "mouse event → probability bars repainted"),
                       ("handling", "handling one mouse event (stroke rendered into the image)")):
        v = lat[key]
        out.append(f"| {label} | {_fmt(_pct(v, 50))} | {_fmt(_pct(v, 95))} | {_fmt(max(v))} |")
    for key, v in lat["costs"].items():
        out.append(f"| raw, 200×: {key} | {_fmt(_pct(v, 50), 'ms')} | {_fmt(_pct(v, 95))} | {_fmt(max(v))} |")
    growth = lat["move_cost_by_points"]
    out += ["", "Each mouse move re-strokes the whole stroke so far (`DigitCanvas._render_stroke`), so its cost "
            "grows with the stroke's length; median ms per move by points already in the stroke: "
            + ", ".join(f"{k}: {v:.2f}" for k, v in growth.items()) + " (a drawn digit has 30–120).", ""]
    return out


def _training_detail(name: str, res: dict, args) -> list[str]:
    out = [f"## {name}: GUI thread while training", "",
           f"A {TICK_MS} ms precise timer in the GUI thread; {args.idle_seconds:g} s idle, then "
           f"{args.train_seconds:g} s of training the small CNN (batch 64, Adam, 30 epochs planned, stopped by "
           "`Session.shutdown()`) in the real main window, with digit strokes drawn from 40 % of the time on. "
           "Gaps in ms.", "",
           "| configuration | BLAS threads seen | idle gap p50 / p95 | training gap p50 / p95 / max | "
           "while drawing p95 / max | samples/s (median at epoch ends) | optimizer steps | "
           "draw → prediction p50 / p95 | shutdown |",
           "|---|:---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, runs in res["training"].items():
        for r in runs:
            sps = r["epoch_samples_per_sec"]
            out.append(
                f"| {label} | {'/'.join(map(str, r['blas_seen'])) or '?'} | "
                f"{_pct(r['idle_gaps'], 50):.1f} / {_pct(r['idle_gaps'], 95):.1f} | "
                f"{_pct(r['train_gaps'], 50):.1f} / {_pct(r['train_gaps'], 95):.1f} / {max(r['train_gaps']):.1f} | "
                f"{_pct(r['draw_gaps'], 95):.1f} / {max(r['draw_gaps'] or [float('nan')]):.1f} | "
                f"{statistics.median(sps) if sps else float('nan'):,.0f} | {r['steps']} | "
                f"{_pct(r['draw_latency'], 50):.1f} / {_pct(r['draw_latency'], 95):.1f} | {r['stop_ms']:.0f} ms |")
    out.append("")
    p = res.get("profile")
    if p:
        out += [f"### {name}: GUI-thread profile while training (BLAS 1 thread)", "",
                "Time spent delivering events in the GUI thread (a `QApplication.notify` override; nested deliveries "
                f"count at every level), over {p['train_seconds']:.1f} s of training; per paint pass of the whole "
                f"window: p50 {_pct(p['paint_passes'], 50):.1f} ms, p95 {_pct(p['paint_passes'], 95):.1f} ms, "
                f"max {max(p['paint_passes']):.1f} ms.", "",
                "| event → receiver | total ms | count | max ms |", "|---|---:|---:|---:|"]
        for key, (total, count, most) in p["notify"].items():
            out.append(f"| {key} | {total * 1e3:,.0f} | {count} | {most * 1e3:.1f} |")
        out += ["", "cProfile of the GUI thread only, by own time (cProfile inflates Python-heavy code):", "", "```",
                "\n".join(p["profile_tottime"].strip().splitlines()[:40]), "```", ""]
    return out


if __name__ == "__main__":
    sys.exit(main())
