"""Benchmark the engine against PyTorch CPU on the same work, interleaved in one run.

Measures, at each thread count:

1. MLP 784-128-64-10 (ReLU) training, samples/s over full epochs of the bundled digits;
2. CNN conv(8, 3×3, same)-ReLU-maxpool2-conv(16, 3×3, same)-ReLU-maxpool2-flatten-dense(10) training;
3. single-image prediction latency of both models.

Both sides train with batch 64, Adam (lr 1e-3, epsilon 1e-7) and softmax + sparse categorical
cross-entropy (PyTorch: ``CrossEntropyLoss`` on logits), on x/255 float32, shuffled each epoch. Each
round runs the engine and PyTorch back to back (alternating which goes first) and the reported
figure is the median of the per-round ratios, since this machine is shared and single runs vary ±40%.

Run it in a venv that has torch (see bench/README.md)::

    python bench/bench_vs_torch.py --threads 1 2 --rounds 9
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

_BLAS_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def _reexec_without_blas_overrides(argv: list[str]) -> None:
    """Restart once without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (see the env README): they pin an old
    kernel that slows a current NumPy. Only this benchmark's process is affected, never tests or CI."""
    if "--keep-blas-env" in argv or not any(k in os.environ for k in _BLAS_ENV):
        return
    env = {k: v for k, v in os.environ.items() if k not in _BLAS_ENV}
    env["_BENCH_UNSET_BLAS_ENV"] = ",".join(k for k in _BLAS_ENV if k in os.environ)
    os.execve(sys.executable, [sys.executable, *argv], env)


_reexec_without_blas_overrides(sys.argv)

import numpy as np  # noqa: E402  (after the re-exec above, so OpenBLAS reads the cleaned environment)
import torch  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

import sandbox as sb  # noqa: E402

BATCH = 64
LR = 1e-3
EPS = 1e-7
RESULTS = Path(__file__).resolve().parent / "results"
TARGETS = {"mlp_train": 2.5, "cnn_train": 1.2, "mlp_latency": 1.0, "cnn_latency": 1.0}  # engine / PyTorch


# ---- models --------------------------------------------------------------------------------------
def engine_model(kind: str, seed: int) -> sb.Sequential:
    L = sb.layers
    if kind == "mlp":
        layers = [L.Input((784,)), L.Dense(128, activation="relu"), L.Dense(64, activation="relu"),
                  L.Dense(10, activation="softmax")]
    else:
        layers = [L.Input((28, 28, 1)), L.Conv2D(8, 3, padding="same", activation="relu"), L.MaxPooling2D(),
                  L.Conv2D(16, 3, padding="same", activation="relu"), L.MaxPooling2D(), L.Flatten(),
                  L.Dense(10, activation="softmax")]
    model = sb.Sequential(layers, seed=seed)
    model.compile(optimizer=sb.optimizers.Adam(learning_rate=LR, epsilon=EPS),
                  loss="sparse_categorical_crossentropy")
    model.build()
    return model


def torch_model(kind: str) -> torch.nn.Module:
    nn = torch.nn
    if kind == "mlp":
        return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    return nn.Sequential(nn.Conv2d(1, 8, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(8, 16, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(16 * 7 * 7, 10))


def copy_weights(model: sb.Sequential, net: torch.nn.Module) -> None:
    """Give the PyTorch net the engine's weights (Keras layouts → PyTorch layouts)."""
    weighted = [layer for layer in model.layers if layer.params]
    modules = [m for m in net if isinstance(m, torch.nn.Linear | torch.nn.Conv2d)]
    with torch.no_grad():
        for layer, module in zip(weighted, modules, strict=True):
            kernel = layer.params["kernel"]
            if isinstance(module, torch.nn.Conv2d):
                w = kernel.transpose(3, 2, 0, 1)  # (kh, kw, in, out) → (out, in, kh, kw)
            elif layer is weighted[-1] and isinstance(model.layers[0], sb.layers.Conv2D):
                # Keras flattens (H, W, C), PyTorch (C, H, W): reorder the dense kernel's rows
                w = kernel.reshape(7, 7, 16, -1).transpose(3, 2, 0, 1).reshape(kernel.shape[1], -1)
            else:
                w = kernel.T
            module.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            module.bias.copy_(torch.from_numpy(layer.params["bias"]))


# ---- one round of each measurement ---------------------------------------------------------------
def engine_epochs(model: sb.Sequential, x: np.ndarray, y: np.ndarray, epochs: int) -> float:
    """Samples/s of ``epochs`` full epochs of ``model.fit``."""
    start = time.perf_counter()
    model.fit(x, y, batch_size=BATCH, epochs=epochs, verbose=0, shuffle=True)
    return epochs * len(x) / (time.perf_counter() - start)


class TorchTrainer:
    def __init__(self, net: torch.nn.Module, seed: int) -> None:
        self.net = net
        self.opt = torch.optim.Adam(net.parameters(), lr=LR, eps=EPS)
        self.loss = torch.nn.CrossEntropyLoss()
        self.gen = torch.Generator().manual_seed(seed)

    def epochs(self, x: torch.Tensor, y: torch.Tensor, epochs: int) -> float:
        """Samples/s of ``epochs`` full epochs (shuffled each epoch)."""
        start = time.perf_counter()
        for _ in range(epochs):
            order = torch.randperm(len(x), generator=self.gen)
            total = 0.0
            for i in range(0, len(x), BATCH):
                idx = order[i:i + BATCH]
                self.opt.zero_grad(set_to_none=True)
                loss = self.loss(self.net(x[idx]), y[idx])
                loss.backward()
                self.opt.step()
                total += loss.item()  # the engine also reports every batch's loss
        return epochs * len(x) / (time.perf_counter() - start)


def settle() -> None:
    """Let the other side's idle worker threads stop spinning (OpenBLAS spins ~0.1 s after a call),
    so neither side is timed while the other's threads still hold a core."""
    time.sleep(0.2)


def latency(fn, calls: int) -> float:
    """Median µs of ``calls`` single calls."""
    times = []
    for _ in range(calls):
        start = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - start)
    return statistics.median(times) / 1e3


# ---- the benchmark -------------------------------------------------------------------------------
def load_digits() -> tuple[np.ndarray, np.ndarray]:
    (x, y), _ = sb.datasets.digits.load_data()
    return x.astype(np.float32) / np.float32(255), y.astype(np.int64)


def check_same_work(kind: str, x: np.ndarray, y: np.ndarray, seed: int) -> float:
    """Both sides compute the same loss from the same weights: returns the relative difference."""
    model, net = engine_model(kind, seed), torch_model(kind)
    copy_weights(model, net)
    xe, xt = inputs(kind, x[:BATCH])
    e = model.test_on_batch(xe, y[:BATCH])
    with torch.no_grad():
        t = torch.nn.functional.cross_entropy(net(xt), torch.from_numpy(y[:BATCH])).item()
    return abs(e - t) / abs(t)


def inputs(kind: str, x: np.ndarray) -> tuple[np.ndarray, torch.Tensor]:
    if kind == "mlp":
        flat = np.ascontiguousarray(x.reshape(len(x), 784))
        return flat, torch.from_numpy(flat.copy())
    return np.ascontiguousarray(x[..., None]), torch.from_numpy(np.ascontiguousarray(x[:, None]))


def bench_threads(threads: int, x: np.ndarray, y: np.ndarray, rounds: int, epochs: int, calls: int,
                  seed: int) -> dict:
    out: dict[str, dict] = {}
    with threadpool_limits(limits=threads):
        torch.set_num_threads(threads)
        for kind in ("mlp", "cnn"):
            model, net = engine_model(kind, seed), torch_model(kind)
            copy_weights(model, net)
            trainer = TorchTrainer(net, seed)
            xe, xt = inputs(kind, x)
            yt = torch.from_numpy(y)
            # warm-up: a part of an epoch each, so buffers, caches and thread pools exist
            model.fit(xe[:20 * BATCH], y[:20 * BATCH], batch_size=BATCH, epochs=1, verbose=0)
            trainer.epochs(xt[:20 * BATCH], yt[:20 * BATCH], 1)
            eng, tor = [], []
            sides = [(eng, partial(engine_epochs, model, xe, y, epochs)),
                     (tor, partial(trainer.epochs, xt, yt, epochs))]
            loads = []
            for r in range(rounds):
                for store, run in sides if r % 2 == 0 else sides[::-1]:
                    settle()
                    store.append(run())
                loads.append(round(os.getloadavg()[0], 2))
            out[f"{kind}_train"] = summarize(eng, tor, higher_is_better=True)
            out[f"{kind}_train"]["loadavg_rounds"] = loads

            one_e, one_t = xe[:1].copy(), xt[:1].clone()
            net.eval()

            def torch_predict(net=net, one_t=one_t):
                with torch.inference_mode():
                    return net(one_t)

            def engine_predict(model=model, one_e=one_e):
                return model.predict_on_batch(one_e)

            latency(engine_predict, calls // 4)
            latency(torch_predict, calls // 4)
            eng, tor = [], []
            for r in range(rounds):
                pair = [(eng, engine_predict), (tor, torch_predict)]
                for store, fn in pair if r % 2 == 0 else pair[::-1]:
                    settle()
                    store.append(latency(fn, calls))
            out[f"{kind}_latency"] = summarize(eng, tor, higher_is_better=False)
            net.train()
    return out


def summarize(engine: list[float], torch_: list[float], higher_is_better: bool) -> dict:
    """Medians, and the median of per-round ratios (> 1 means the engine is better)."""
    ratios = [e / t if higher_is_better else t / e for e, t in zip(engine, torch_, strict=True)]
    # each side's least disturbed round: a second view that a burst of load on one side cannot skew
    best_e, best_t = (max(engine), max(torch_)) if higher_is_better else (min(engine), min(torch_))
    return {"engine": statistics.median(engine), "torch": statistics.median(torch_),
            "ratio": statistics.median(ratios), "ratio_min": min(ratios), "ratio_max": max(ratios),
            "ratio_best": best_e / best_t if higher_is_better else best_t / best_e,
            "engine_rounds": engine, "torch_rounds": torch_}


def environment() -> dict:
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(), "numpy": np.__version__, "torch": torch.__version__,
        "cpu": cpu, "cores": os.cpu_count(),
        "blas": [{k: i.get(k) for k in ("internal_api", "version", "architecture", "filepath")} for i in blas],
        "unset_blas_env": os.environ.get("_BENCH_UNSET_BLAS_ENV", ""),
        "loadavg_start": os.getloadavg(),
    }


def table(results: dict) -> list[str]:
    lines = ["| threads | measurement | engine | PyTorch | engine vs PyTorch (median of per-round ratios) | "
             "range over rounds | best round vs best round | target | met |",
             "|---:|---|---:|---:|---:|---:|---:|---:|:---:|"]
    names = {"mlp_train": ("MLP training", "samples/s"), "cnn_train": ("CNN training", "samples/s"),
             "mlp_latency": ("MLP 1-image predict", "µs"), "cnn_latency": ("CNN 1-image predict", "µs")}
    for threads, res in results.items():
        for key, (label, unit) in names.items():
            r = res[key]
            faster = " faster" if unit == "µs" else ""
            fmt = "{:,.0f}" if unit == "samples/s" else "{:,.1f}"
            target = "faster (> 1×)" if unit == "µs" else f"≥ {TARGETS[key]}×"
            met = r["ratio"] > 1.0 if unit == "µs" else r["ratio"] >= TARGETS[key]
            lines.append(
                f"| {threads} | {label} | {fmt.format(r['engine'])} {unit} | {fmt.format(r['torch'])} {unit} | "
                f"**{r['ratio']:.2f}×**{faster} | {r['ratio_min']:.2f}–{r['ratio_max']:.2f} | "
                f"{r['ratio_best']:.2f}× | {target} | "
                f"{'yes' if met else 'NO'} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds per measurement (default 9)")
    parser.add_argument("--epochs", type=int, default=3, help="training epochs per side per round (default 3)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="thread counts (default 1 2)")
    parser.add_argument("--calls", type=int, default=400, help="prediction calls per latency round (default 400)")
    parser.add_argument("--quick", action="store_true", help="3 rounds of 1 epoch, 100 calls: a smoke run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.md", help="markdown report to write")
    parser.add_argument("--keep-blas-env", action="store_true",
                        help="do not unset OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE")
    parser.add_argument("--busy", type=int, default=0, metavar="N",
                        help="run N busy processes (a spinning loop each; N = 2 is one per core here) for the "
                             "whole run: a busy machine (default 0; default --out then latest-busy.md)")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.epochs, args.calls = 3, 1, 100
    if min(args.rounds, args.epochs, args.calls, *args.threads) < 1 or args.busy < 0:
        parser.error("--rounds, --epochs, --calls and --threads must be positive, --busy not negative")
    if args.busy and args.out == RESULTS / "latest.md":
        args.out = RESULTS / "latest-busy.md"

    x, y = load_digits()
    busy = start_busy(args.busy)
    try:
        return run(args, x, y)
    finally:
        for proc in busy:
            proc.kill()
            proc.wait()


def start_busy(n: int) -> list[subprocess.Popen]:
    """``n`` processes that spin until killed, at normal priority: the background load of a busy machine."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    if procs:
        time.sleep(1.0)  # let them reach the scheduler's steady state before anything is timed
    return procs


def run(args: argparse.Namespace, x: np.ndarray, y: np.ndarray) -> int:
    env = environment()
    env["busy_processes"] = args.busy
    checks = {kind: check_same_work(kind, x, y, args.seed) for kind in ("mlp", "cnn")}
    print(f"BLAS: {env['blas']}")
    print("same loss from the same weights (relative difference): "
          + ", ".join(f"{k} {v:.1e}" for k, v in checks.items()))
    results = {}
    for threads in args.threads:
        print(f"threads={threads} …", flush=True)
        results[threads] = bench_threads(threads, x, y, args.rounds, args.epochs, args.calls, args.seed)
    env["loadavg_end"] = os.getloadavg()

    lines = table(results)
    print("\n".join(lines))
    blas = ", ".join(f"{b['internal_api']} {b['version']} ({b['architecture']})" for b in env["blas"])
    report = [
        "# Engine vs PyTorch CPU", "",
        f"`python bench/bench_vs_torch.py --threads {' '.join(map(str, args.threads))} --rounds {args.rounds}"
        f" --epochs {args.epochs} --calls {args.calls}" + (f" --busy {args.busy}" if args.busy else "")
        + f"` on {env['date']}.", "",
        f"CPU: {env['cpu']} ({env['cores']} cores); Python {env['python']}, NumPy {env['numpy']}, "
        f"PyTorch {env['torch']}; BLAS {blas}"
        + (f"; unset for this run: {env['unset_blas_env']}" if env['unset_blas_env'] else "") + ".",
        f"Load average at start {env['loadavg_start'][0]:.2f}, at end {env['loadavg_end'][0]:.2f}"
        " (the machine is shared: compare only the interleaved ratios)"
        + (f"; background load: {args.busy} busy processes (a spinning loop each) for the whole run"
           if args.busy else "") + ".", "",
        f"Training: {args.epochs} full epoch(s) of the 4,000 training digits per side per round, batch 64, "
        "Adam 1e-3, softmax + sparse CE; "
        "prediction: median of single-image calls. Ratio > 1 means the engine is faster. The engine and "
        "PyTorch figures are medians over rounds; 'best round vs best round' compares each side's least "
        "disturbed round.", "",
        *lines, "",
        "Same loss from the same weights before training (relative difference): "
        + ", ".join(f"{k} {v:.1e}" for k, v in checks.items()) + ".", "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(report), encoding="utf-8")
    payload = {"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
               "environment": env, "same_work_check": checks, "results": results}
    args.out.with_suffix(".json").write_text(json.dumps(payload, indent=1), encoding="utf-8")
    print(f"wrote {args.out} and {args.out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
