"""The engine and PyTorch training a convnet while the machine is busy with other work.

A learner's laptop is never quiet. This starts one busy process per core (a pure-Python spin loop,
like a browser tab or a compile in the background), then trains the same convnet on the bundled
digits with the engine and with PyTorch under several thread settings, interleaved round by round
(the order rotates each round), and reports samples/s and the median of per-round ratios against
PyTorch's default. The same rounds without the load are measured first, for reference.

Settings measured (each side's threads, set in-process):

* ``engine default`` — NumPy's OpenBLAS with its default thread count (one per core);
* ``engine 1 thread`` — ``threadpoolctl.threadpool_limits(1)`` around ``fit``, as the app's training
  worker does;
* ``torch default`` — ``torch.get_num_threads()`` at start (one per core): what Keras on the torch
  backend uses;
* ``torch 1 thread`` — ``torch.set_num_threads(1)``.

Run it in a venv that has torch (see bench/README.md)::

    python bench/bench_busy.py --rounds 5 --batches 40
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# bench_vs_torch restarts the process without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE on import (see its
# docstring), so both benchmarks time the same OpenBLAS kernel.
import bench_vs_torch as base  # bench/ is sys.path[0] when run as a script
import numpy as np
import torch
from threadpoolctl import threadpool_limits

import sandbox as sb

BATCH = base.BATCH
RESULTS = Path(__file__).resolve().parent / "results"


# ---- the background load -------------------------------------------------------------------------
def _spin(stop: mp.Event) -> None:  # type: ignore[valid-type]
    """Keep one core busy until ``stop`` is set (checked every ~1 M iterations)."""
    while not stop.is_set():
        n = 0
        for _ in range(1_000_000):
            n += 1


class Load:
    """``with Load(n):`` — ``n`` busy processes for the duration of the block."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._stop = mp.Event()
        self._procs: list[mp.Process] = []

    def __enter__(self) -> Load:
        for _ in range(self.processes):
            p = mp.Process(target=_spin, args=(self._stop,), daemon=True)
            p.start()
            self._procs.append(p)
        time.sleep(0.5)  # let them reach the spin loop
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for p in self._procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()


# ---- the models ----------------------------------------------------------------------------------
def engine_convnet(kind: str, seed: int) -> sb.Sequential:
    """``book``: the convnet of the book's chapter (32-64-128 filters, no padding); ``small``: the
    app's small-CNN preset."""
    L = sb.layers
    if kind == "book":
        layers = [L.Input((28, 28, 1)), L.Conv2D(32, 3, activation="relu"), L.MaxPooling2D(),
                  L.Conv2D(64, 3, activation="relu"), L.MaxPooling2D(), L.Conv2D(128, 3, activation="relu"),
                  L.Flatten(), L.Dense(10, activation="softmax")]
        model = sb.Sequential(layers, seed=seed)
    else:
        model = sb.presets.build("small-cnn", seed=seed, compile=False)
    model.compile(optimizer=sb.optimizers.Adam(learning_rate=base.LR, epsilon=base.EPS),
                  loss="sparse_categorical_crossentropy")
    model.build()
    return model


def torch_convnet(kind: str) -> torch.nn.Module:
    nn = torch.nn
    if kind == "book":
        return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                             nn.MaxPool2d(2), nn.Conv2d(64, 128, 3), nn.ReLU(), nn.Flatten(),
                             nn.Linear(128 * 3 * 3, 10))
    return base.torch_model("cnn")


# ---- one timed run -------------------------------------------------------------------------------
def engine_run(model: sb.Sequential, x: np.ndarray, y: np.ndarray, threads: int | None) -> float:
    """Samples/s of one pass over ``x`` with ``model.fit`` (``threads`` BLAS threads; None: default)."""
    start = time.perf_counter()
    if threads is None:
        model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
    else:
        with threadpool_limits(limits=threads, user_api="blas"):
            model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
    return len(x) / (time.perf_counter() - start)


def torch_run(trainer: base.TorchTrainer, x: torch.Tensor, y: torch.Tensor, threads: int) -> float:
    torch.set_num_threads(threads)
    return trainer.epochs(x, y, 1)


def measure(kind: str, x: np.ndarray, y: np.ndarray, rounds: int, seed: int) -> dict[str, list[float]]:
    """Interleaved rounds of every setting; returns samples/s per setting per round."""
    default_threads = torch.get_num_threads()
    model = engine_convnet(kind, seed)
    net = torch_convnet(kind)
    trainer = base.TorchTrainer(net, seed)
    xe = np.ascontiguousarray(x[..., None])
    xt, yt = torch.from_numpy(np.ascontiguousarray(x[:, None])), torch.from_numpy(y)
    settings: dict[str, Callable[[], float]] = {
        "engine default": lambda: engine_run(model, xe, y, None),
        "engine 1 thread": lambda: engine_run(model, xe, y, 1),
        "torch default": lambda: torch_run(trainer, xt, yt, default_threads),
        "torch 1 thread": lambda: torch_run(trainer, xt, yt, 1),
    }
    engine_run(model, xe[:4 * BATCH], y[:4 * BATCH], None)  # warm-up: buffers and thread pools exist
    torch_run(trainer, xt[:4 * BATCH], yt[:4 * BATCH], default_threads)
    out: dict[str, list[float]] = {name: [] for name in settings}
    names = list(settings)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            base.settle()
            out[name].append(settings[name]())
        print(f"  round {r + 1}: " + ", ".join(f"{n} {out[n][-1]:,.0f}" for n in names), flush=True)
    torch.set_num_threads(default_threads)
    return out


def summary(runs: dict[str, list[float]], reference: str = "torch default") -> dict[str, dict[str, float]]:
    """Median samples/s per setting and the median of per-round ratios to ``reference``."""
    ref = runs[reference]
    return {name: {"samples_per_s": statistics.median(v),
                   "ratio": statistics.median(a / b for a, b in zip(v, ref, strict=True)),
                   "ratio_min": min(a / b for a, b in zip(v, ref, strict=True)),
                   "ratio_max": max(a / b for a, b in zip(v, ref, strict=True)),
                   "rounds": v} for name, v in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per condition (default 5)")
    parser.add_argument("--batches", type=int, default=40, help="batches of 64 per timed run (default 40)")
    parser.add_argument("--models", nargs="+", default=["book", "small"], choices=["book", "small"])
    parser.add_argument("--load", type=int, default=os.cpu_count() or 1,
                        help="busy processes in the loaded condition (default: one per core)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULTS / "busy.md")
    parser.add_argument("--keep-blas-env", action="store_true", help="as in bench_vs_torch.py")
    args = parser.parse_args(argv)
    if min(args.rounds, args.batches) < 1 or args.load < 0:
        parser.error("--rounds and --batches must be positive, --load not negative")

    x, y = base.load_digits()
    x, y = x[:args.batches * BATCH], y[:args.batches * BATCH]
    env = base.environment()
    env["torch_default_threads"] = torch.get_num_threads()
    results: dict[str, dict] = {}
    for kind in args.models:
        for condition, processes in (("quiet", 0), ("busy", args.load)):
            print(f"{kind}, {condition} ({processes} busy processes) …", flush=True)
            with Load(processes):
                runs = measure(kind, x, y, args.rounds, args.seed)
                loadavg = os.getloadavg()[0]
            results[f"{kind} {condition}"] = {"load_processes": processes, "loadavg_end": loadavg,
                                              "settings": summary(runs)}

    lines = ["| model | condition | setting | samples/s (median) | vs torch default (median of per-round ratios) "
             "| range over rounds |", "|---|---|---|---:|---:|---:|"]
    for key, res in results.items():
        kind, condition = key.split()
        for name, s in res["settings"].items():
            lines.append(f"| {kind} | {condition} ({res['load_processes']} busy) | {name} | "
                         f"{s['samples_per_s']:,.0f} | **{s['ratio']:.2f}×** | "
                         f"{s['ratio_min']:.2f}–{s['ratio_max']:.2f} |")
    print("\n".join(lines))
    blas = ", ".join(f"{b['internal_api']} {b['version']} ({b['architecture']})" for b in env["blas"])
    report = [
        "# Engine vs PyTorch on a busy machine", "",
        f"`python bench/bench_busy.py --rounds {args.rounds} --batches {args.batches} --models "
        f"{' '.join(args.models)} --load {args.load}` on {env['date']}.", "",
        f"CPU: {env['cpu']} ({env['cores']} cores); Python {env['python']}, NumPy {env['numpy']}, "
        f"PyTorch {env['torch']} ({env['torch_default_threads']} threads by default); BLAS {blas}. "
        f"Load average at start {env['loadavg_start'][0]:.2f}.", "",
        f"Each timed run trains {args.batches} batches of 64 digits (Adam, sparse CE). 'busy' runs beside "
        f"{args.load} spinning Python processes; the settings run interleaved, in an order that rotates "
        "each round. Ratio > 1: faster than PyTorch with its default threads.", "",
        *lines, "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(report), encoding="utf-8")
    payload = {"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
               "environment": env, "results": results}
    args.out.with_suffix(".json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    print(f"wrote {args.out} and {args.out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
