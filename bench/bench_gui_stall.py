"""GUI-thread stalls and Stop latency while training on Fashion-MNIST-sized data with the Test results dock open.

A measurement, not a test: nothing here asserts a time. Run from the repository root::

    python bench/bench_gui_stall.py                  # writes bench/results/gui-stall.md
    python bench/bench_gui_stall.py --tree DIR       # the same measurement of another checkout (e.g. an older
                                                     # commit unpacked with ``git archive``), for before/after

Each scenario runs in a fresh offscreen subprocess (``QT_QPA_PLATFORM=offscreen``, settings and data in a
temporary folder) with a ``Session`` and a shown ``EvaluationPanel`` (the Test results dock), on a dataset of
60,000 training and 10,000 test 28×28 images: the bundled digits tiled, each copy shifted by up to two
pixels, so it is as big as Fashion-MNIST and still learnable. A 16 ms ``QTimer`` in the GUI thread records
the gaps between its ticks:

- **small CNN**: 2 s idle, then training (the real worker thread, ``Session.start_training``) for
  ``--seconds``; then ``Session.stop()`` and the time until the session's state is ``"idle"``; then 4 s more
  of ticks while the panel scores the whole test set after training.
- **Dense 4096 → 4096 → 10** (20 M weights): the same with a shorter run.
- **validation stop** (engine only, no Qt): ``iter_fit`` on the Dense 4096 network with 6,000 validation
  images, Stop requested as the validation pass starts; the time until the epoch's record arrives.

Reported: p50 / p95 / max tick gap per phase (targets: p95 < 25 ms, max < 100 ms while training), the Stop
latency (target < 500 ms), and how many evaluations the panel finished.
"""

from __future__ import annotations

import argparse
import datetime
import inspect
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "gui-stall.md"
TICK_MS = 16


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _fashion_sized():
    """A ``ui.session.DataSet`` of 60,000 train / 10,000 test float32 (N, 28, 28, 1) images, int64 labels."""
    import numpy as np

    import sandbox as sb
    from ui.session import DataSet

    (x_train, y_train), (x_test, y_test) = sb.datasets.digits.load_data()
    rng = np.random.default_rng(0)

    def tile(x, y, n):
        reps = -(-n // len(x))
        xs = [np.roll(x, (int(rng.integers(-2, 3)), int(rng.integers(-2, 3))), axis=(1, 2)) for _ in range(reps)]
        return np.concatenate(xs)[:n], np.concatenate([y] * reps)[:n]

    return DataSet.from_uint8("fashion-sized", tile(x_train, y_train, 60_000), tile(x_test, y_test, 10_000))


def gui_child(network: str, train_seconds: float, out: str) -> None:
    """One scenario in this process: train, record ticks, stop, write JSON to ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Slot
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    app = QApplication([])
    from sandbox.spec import LayerSpec, NetworkSpec
    from ui.panels.evaluation import EvaluationPanel
    from ui.session import Session

    session = Session()
    session.set_dataset(_fashion_sized())
    if network == "dense4096":
        spec = NetworkSpec((28, 28, 1), (LayerSpec.make("Flatten"),
                                         LayerSpec.make("Dense", units=4096, activation="relu"),
                                         LayerSpec.make("Dense", units=4096, activation="relu"),
                                         LayerSpec.make("Dense", units=10, activation="softmax")))
        # confirmed: the learner has agreed to the "very large network" question (20 M weights)
        accepted = session.set_network(spec, "Dense 4096 → 4096 → 10", **({"confirmed": True} if "confirmed" in
                                       inspect.signature(session.set_network).parameters else {}))
        assert accepted and session.network == spec, "the big network was not built"
    session.update_training("epochs", 50)
    panel = EvaluationPanel(session)
    panel.resize(900, 800)
    panel.show()
    evaluations = []
    original_set = panel.summary.setText

    class Recorder(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.ticks: list[tuple[float, str]] = []
            self.phase = "idle"
            self.stop_latency = float("nan")
            self.stop_asked = 0.0
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self.tick)
            session.stateChanged.connect(self.on_state)

        @Slot()
        def tick(self) -> None:
            self.ticks.append((time.perf_counter(), self.phase))

        @Slot()
        def start(self) -> None:
            self.timer.start()
            QTimer.singleShot(2000, self.train)

        @Slot()
        def train(self) -> None:
            self.phase = "training"
            session.start_training()
            QTimer.singleShot(int(train_seconds * 1000), self.stop)

        @Slot()
        def stop(self) -> None:
            self.phase = "stopping"
            self.stop_asked = time.perf_counter()
            session.stop()

        @Slot(str)
        def on_state(self, state: str) -> None:
            if state == "idle" and self.phase == "stopping":
                self.stop_latency = time.perf_counter() - self.stop_asked
                self.phase = "after"
                QTimer.singleShot(4000, app.quit)

    def counting(text: str) -> None:
        evaluations.append(text)
        original_set(text)

    panel.summary.setText = counting  # counts what the learner sees; the panel calls it once per result
    rec = Recorder()
    QTimer.singleShot(0, rec.start)
    QTimer.singleShot(int((train_seconds + 60) * 1000), app.quit)  # a watchdog
    app.exec()
    session.shutdown()
    if hasattr(panel, "shutdown"):
        panel.shutdown()

    def gaps(phase: str) -> list[float]:
        return [(b[0] - a[0]) * 1e3 for a, b in zip(rec.ticks, rec.ticks[1:], strict=False)
                if a[1] == phase and b[1] == phase]

    result = {"network": network, "stop_latency_s": rec.stop_latency, "evaluations": len(evaluations),
              "last_summary": evaluations[-1] if evaluations else ""}
    for phase in ("idle", "training", "after"):
        g = gaps(phase)
        result[phase] = {"n": len(g), "p50": _pct(g, 50), "p95": _pct(g, 95), "max": max(g, default=float("nan"))}
    Path(out).write_text(json.dumps(result))


def validation_child(out: str) -> None:
    """Engine only: Stop requested as the end-of-epoch validation starts on the Dense 4096 network."""
    import numpy as np

    import sandbox as sb

    model = sb.Sequential([sb.layers.Input((28, 28, 1)), sb.layers.Flatten(),
                           sb.layers.Dense(4096, activation="relu"), sb.layers.Dense(4096, activation="relu"),
                           sb.layers.Dense(10, activation="softmax")], seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    rng = np.random.default_rng(0)
    x = rng.random((64, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, 64)
    x_val = rng.random((6000, 28, 28, 1), dtype=np.float32)
    y_val = rng.integers(0, 10, 6000)
    token = sb.StopToken()
    asked = []
    forward = model.forward

    def watching(xb, training=False):
        if not training and not asked:  # the first validation batch: the learner presses Stop now
            asked.append(time.perf_counter())
            token.stop()
        return forward(xb, training)

    model.forward = watching
    ended = float("nan")
    for record in sb.iter_fit(model, x, y, batch_size=64, epochs=1, validation_data=(x_val, y_val), stop=token):
        if isinstance(record, sb.EpochProgress):
            ended = time.perf_counter()
    Path(out).write_text(json.dumps({"validation_stop_s": ended - asked[0] if asked else float("nan")}))


def _child(args: list[str], tree: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"), PYTHONPATH=str(tree))
        # The script comes from this checkout, the code it measures from ``tree``.
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args, out], cwd=tree, env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return json.loads(Path(out).read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="checkout whose code is measured")
    parser.add_argument("--seconds", type=float, default=25.0, help="training time of the small CNN")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "gui":
            gui_child(rest[0], float(rest[1]), rest[2])
        else:
            validation_child(rest[0])
        return
    load = os.getloadavg()
    rows = []
    for network, seconds in (("small-cnn", args.seconds), ("dense4096", max(args.seconds * 0.6, 10.0))):
        result = _child(["gui", network, str(seconds)], args.tree)
        rows.append(result)
        print(json.dumps(result))
    validation = _child(["validation"], args.tree)
    print(json.dumps(validation))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.tree, capture_output=True,
                            text=True).stdout.strip() or "(not a git checkout)"
    lines = [
        f"## {datetime.datetime.now().isoformat(timespec='minutes')} · code of {args.tree} ({commit})",
        "",
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average before the run {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; offscreen; "
        "60,000 train / 10,000 test images; Test results dock shown (900×800).",
        "",
        "| network | phase | ticks | p50 ms | p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        for phase in ("idle", "training", "after"):
            s = r[phase]
            lines.append(f"| {r['network']} | {phase} | {s['n']} | {s['p50']:.1f} | {s['p95']:.1f} | {s['max']:.1f} |")
    lines += ["", "| network | Stop → idle | evaluations shown | last summary |", "|---|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r['network']} | {r['stop_latency_s'] * 1e3:.0f} ms | {r['evaluations']} | "
                     f"{r['last_summary']} |")
    lines += ["", f"Engine, Dense 4096 → 4096 → 10, Stop as the 6,000-image validation pass starts: epoch record "
              f"after {validation['validation_stop_s'] * 1e3:.0f} ms.", ""]
    text = "\n".join(lines)
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    previous = args.output.read_text() if args.output.exists() else "# GUI-thread stalls and Stop latency\n\n"
    args.output.write_text(previous.rstrip("\n") + "\n\n" + text)


if __name__ == "__main__":
    main()
