"""The ``dl-sandbox`` command: train, evaluate, try and inspect models from a terminal.

``dl-sandbox`` alone starts the desktop app. The subcommands work without it::

    dl-sandbox train --preset small-cnn --epochs 20 --learning-rate 0.008 --lr-schedule cosine \\
        --augment --out digits.dlsb
    dl-sandbox evaluate digits.dlsb
    dl-sandbox predict digits.dlsb my-seven.png
    dl-sandbox summary digits.dlsb

Every expected problem (a damaged file, a model that does not fit the data, a bad argument) ends
the command with a one-line message on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import math
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TextIO

import numpy as np

import sandbox as sb
from sandbox.errors import SandboxError
from sandbox.spec import MAX_BATCH_SIZE, MAX_EPOCHS

__all__ = ["AUGMENTATION", "main"]

PROG = "dl-sandbox"
AUGMENTATION: dict[str, float] = {"shift": 2.5, "rotation": 15.0, "thickness": 0.5}
"""The settings of :class:`~sandbox.datasets.augment.Augmenter` that ``train --augment`` uses.

Chosen on the bundled digits (resources/models/README.md): milder settings let the small CNN
overfit, stronger ones (±3 px, ±20°) distort the digits more than real handwriting varies.
"""

_EXIT_ERROR = 2
_EXIT_INTERRUPTED = 130
# Redrawing the progress bar after every batch of a fast model would cost more than the batch.
_REDRAW_SECONDS = 0.1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dl-sandbox`` command.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the program name; default ``sys.argv[1:]``.

    Returns
    -------
    int
        Exit status: 0 on success (also for ``--help`` and for no arguments when the desktop app
        is not part of this build), 2 for any error, 130 when interrupted by a second Ctrl-C.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not args_list or (len(args_list) == 1 and args_list[0].endswith((".dlsb", ".dlplay"))):
        # `dl-sandbox` starts the app; `dl-sandbox project.dlsb` (or a playground setup) opens that file
        return _start_app(parser, args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        # argparse has printed the help or a usage error; report its status instead of exiting.
        return exc.code if isinstance(exc.code, int) else _EXIT_ERROR
    try:
        return args.run(args)
    except (SandboxError, OSError) as exc:
        print(f"{PROG}: error: {_describe(exc)}", file=sys.stderr)
        return _EXIT_ERROR
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return _EXIT_INTERRUPTED


def _start_app(parser: argparse.ArgumentParser, files: list[str]) -> int:
    """Start the desktop app (opening ``files``), or explain the commands when this build cannot run it."""
    try:
        from ui.app import main as app_main

        # ui.app imports Qt only when started, so a missing PySide6 shows up here, not above.
        return app_main(files)
    except ImportError as exc:
        parser.print_help()
        print(f"\nThe desktop app is not available in this build (missing: {exc.name}); "
              "the commands above still work.")
        return 0


def _describe(exc: BaseException) -> str:
    """A one-line message for an expected error."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


# ---- arguments ---------------------------------------------------------------------------------------------


def _int_between(minimum: int, maximum: int | None = None):
    """An argparse type: a whole number from ``minimum`` to ``maximum`` (no upper limit if None)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            digits = text.strip().lstrip("+-")
            if digits.isdigit():  # only more digits than Python converts (4,300) fail here
                raise argparse.ArgumentTypeError(_too_large(f"a number of {len(digits):,} digits", maximum)) from None
            raise argparse.ArgumentTypeError(f"expected a whole number, got {_clip(text)}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected {minimum} or more, got {_clip(value)}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(_too_large(_clip(value), maximum))
        return value

    return parse


def _too_large(shown: str, maximum: int | None) -> str:
    return f"{shown} is too large; at most {maximum:,}" if maximum is not None else f"{shown} is too large"


def _clip(value: object, limit: int = 30) -> str:
    """A number or text from the command line, with thousands separators, shortened if it is huge."""
    text = f"{value:,}" if isinstance(value, int) else repr(value)
    if len(text) <= limit:
        return text
    return f"a number of {len(str(abs(value))):,} digits" if isinstance(value, int) else text[:limit - 1] + "…'"


_positive_int = _int_between(1)
_seed = _int_between(0)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text}")
    return value


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"expected a fraction from 0 up to (not including) 1, got {text}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Deep Learning Sandbox: train and try neural networks on handwritten digits. "
                    "Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {sb.__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    train = commands.add_parser(
        "train", help="train a ready-made network on the digits",
        description="Train a ready-made network (Adam, sparse categorical cross-entropy) on the 4,000 "
                    "bundled training digits or an IDX folder, report its accuracy on the held-out "
                    "test digits and save it. Ctrl-C stops after the current batch and still saves.",
    )
    train.add_argument("--preset", required=True, choices=sb.presets.names(), help="the network to train")
    train.add_argument("--epochs", type=_int_between(1, MAX_EPOCHS), default=10,
                       help=f"passes over the data (default 10, at most {MAX_EPOCHS:,})")
    train.add_argument("--batch-size", type=_int_between(1, MAX_BATCH_SIZE), default=32,
                       help=f"samples per step (default 32, at most {MAX_BATCH_SIZE:,})")
    train.add_argument("--learning-rate", type=_positive_float, default=1e-3,
                       help="Adam's learning rate (default 0.001)")
    train.add_argument("--lr-schedule", choices=("constant", "cosine"), default="constant",
                       help="keep the learning rate constant (default), or let it fall to 0 along a cosine "
                            "curve by the last step, which settles the weights for a steadier final accuracy")
    train.add_argument("--seed", type=_seed, default=0, help="seed of weights, shuffling and augmentation "
                                                             "(default 0)")
    train.add_argument("--augment", action="store_true",
                       help=f"randomly shift (±{AUGMENTATION['shift']:g} px), rotate "
                            f"(±{AUGMENTATION['rotation']:g}°) and thicken or thin the strokes of every "
                            "training batch")
    train.add_argument("--validation-split", type=_fraction, default=0.0, metavar="F",
                       help="hold out this last fraction of the training data to report val_loss and "
                            "val_accuracy after each epoch (default 0)")
    train.add_argument("--idx", type=Path, metavar="FOLDER",
                       help="train and test on the four MNIST-style IDX files in FOLDER instead")
    train.add_argument("--out", type=Path, metavar="MODEL.dlsb", help="save the trained model here")
    # For quick checks and tests: train on the first N samples only.
    train.add_argument("--limit", type=_positive_int, metavar="N", help=argparse.SUPPRESS)
    train.set_defaults(run=_train)

    evaluate = commands.add_parser(
        "evaluate", help="loss and accuracy of a saved model on the test digits",
        description="Report a saved model's loss and accuracy on the 1,000 held-out bundled digits, "
                    "or on the test part of an IDX folder.",
    )
    evaluate.add_argument("model", type=Path, metavar="MODEL.dlsb")
    evaluate.add_argument("--idx", type=Path, metavar="FOLDER", help="use the IDX test files in FOLDER")
    evaluate.set_defaults(run=_evaluate)

    predict = commands.add_parser(
        "predict", help="which digit a saved model sees in images",
        description="Read each image (PNG or .npy), make it MNIST-like (light on dark, fitted to 20×20, "
                    "centred in 28×28) and print the model's digit and its three likeliest answers.",
    )
    predict.add_argument("model", type=Path, metavar="MODEL.dlsb")
    predict.add_argument("images", type=Path, nargs="+", metavar="IMAGE")
    predict.set_defaults(run=_predict)

    summary = commands.add_parser("summary", help="the layers of a saved model",
                                  description="Print a saved model's layers, output shapes and weights.")
    summary.add_argument("model", type=Path, metavar="MODEL.dlsb")
    summary.set_defaults(run=_summary)
    return parser


# ---- data --------------------------------------------------------------------------------------------------


_Part = tuple[np.ndarray, np.ndarray]


def _load_data(folder: Path | None) -> tuple[_Part, _Part, str]:
    """Training and test data scaled to float32 0–1, and how to name the test part.

    Returns
    -------
    (x_train, y_train), (x_test, y_test) : tuple of numpy.ndarray
        ``x`` float32 (N, H, W) in [0, 1], ``y`` uint8 (N,).
    test_name : str
        E.g. ``"the 1,000 held-out digits"``.
    """
    from sandbox.datasets import digits, idx

    if folder is None:
        (x, y), (x_test, y_test) = digits.load_data()
        name = f"the {len(x_test):,} held-out digits"
    else:
        (x, y), (x_test, y_test) = idx.load_data(folder)
        name = f"the {len(x_test):,} test images of {folder}"
    return (x.astype(np.float32) / 255, y), (x_test.astype(np.float32) / 255, y_test), name


# ---- train -------------------------------------------------------------------------------------------------


def _train(args: argparse.Namespace) -> int:
    from sandbox.datasets.augment import Augmenter
    from sandbox.optimizers import CosineDecay

    if args.out is not None and not args.out.parent.is_dir():
        # Better to say so now than after a long training run.
        raise FileNotFoundError(errno.ENOENT, "no such folder to save the model in", str(args.out.parent))
    (x, y), (x_test, y_test), test_name = _load_data(args.idx)
    if args.limit is not None:
        x, y = x[:args.limit], y[:args.limit]
    # The same split as iter_fit's: the last fraction of the samples is held out.
    train_count = math.floor(len(x) * (1.0 - args.validation_split))
    steps = math.ceil(train_count / args.batch_size) * args.epochs
    cosine = args.lr_schedule == "cosine"
    # At least one step, so that an empty training set is reported by iter_fit in plain words.
    rate = CosineDecay(args.learning_rate, max(steps, 1)) if cosine else args.learning_rate
    model = sb.presets.build(args.preset, seed=args.seed, learning_rate=rate)
    augment = Augmenter(**AUGMENTATION) if args.augment else None
    if not _check_before_training(model, x, y):
        return _EXIT_ERROR
    stop = sb.StopToken()
    print(f"Training {args.preset} on {train_count:,} samples for {args.epochs} epoch(s)"
          + (" with augmentation" if augment else "") + ".")
    progress = _Progress(sys.stdout)
    records = sb.iter_fit(model, x, y, batch_size=args.batch_size, epochs=args.epochs,
                          validation_split=args.validation_split, augment=augment, stop=stop)
    with _ctrl_c_stops(stop, args.out):
        for record in records:
            progress(record)
    if stop.stopped:
        done = progress.last_batch
        where = (f" in epoch {done.epoch + 1}, batch {done.step}/{done.steps}" if done
                 else " before the first batch")
        print(f"Training stopped by Ctrl-C{where}.")
    _report(model, x_test, y_test, test_name)
    if args.out is not None:
        # A decayed schedule's step count sits at its end, where the rate is 0: saving it would leave a
        # model that cannot learn any more when trained again. Without it, training restarts the curve.
        sb.save_model(model, args.out, include_optimizer=not cosine)
        print(f"Saved the model to {args.out}.")
    else:
        print("The model was not saved (give --out MODEL.dlsb to keep it).")
    return 0


def _check_before_training(model: sb.Sequential, x: np.ndarray, y: np.ndarray) -> bool:
    """Print what :func:`sandbox.check` finds (on standard error); False if an error forbids training.

    Warnings are printed and training goes on: Keras would run such a network too.
    """
    findings = sb.check(model, x, y)
    for finding in findings:
        if finding.severity == "warning":
            print(f"{PROG}: warning: {finding.message}", file=sys.stderr)
    errors = [f for f in findings if f.severity == "error"]
    for finding in errors:
        print(f"{PROG}: error: cannot train: {finding.message}", file=sys.stderr)
    return not errors


@contextlib.contextmanager
def _ctrl_c_stops(stop: sb.StopToken, out: Path | None) -> Iterator[None]:
    """While active, Ctrl-C asks ``stop`` to end training after the current batch; a second one aborts."""

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.stopped:
            raise KeyboardInterrupt
        stop.stop()
        then = f"; the model will still be saved to {out}" if out else ""
        print(f"\nStopping after the current batch{then}. Press Ctrl-C again to quit at once.",
              file=sys.stderr, flush=True)

    # Python runs signal handlers in the main thread only; elsewhere Ctrl-C keeps its default.
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Progress:
    """Show training progress: a live bar on a terminal, one line per epoch otherwise."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()
        self.last_batch: sb.BatchProgress | None = None
        self._drawn = 0.0

    def __call__(self, record: sb.BatchProgress | sb.EpochProgress) -> None:
        if isinstance(record, sb.BatchProgress):
            self.last_batch = record
            now = time.monotonic()
            if self.live and (now - self._drawn >= _REDRAW_SECONDS or record.step == record.steps):
                self._drawn = now
                self.out.write("\r" + _bar_line(record) + "\x1b[K")
                self.out.flush()
            return
        line = _epoch_line(record, self.last_batch)
        self.out.write(("\r" + line + "\x1b[K\n") if self.live else line + "\n")
        self.out.flush()


def _bar_line(record: sb.BatchProgress, width: int = 24) -> str:
    """One redraw of the bar.

    ``Epoch 2/10 ━━━━━━━━━━────── 63/125 - loss 0.2101 - accuracy 0.9375 - 2,900 samples/s - ETA 14.0s``
    """
    done = width * record.step // record.steps
    parts = [f"Epoch {record.epoch + 1}/{record.epochs} {'━' * done}{'─' * (width - done)} "
             f"{record.step}/{record.steps}", f"loss {record.loss:.4f}"]
    parts += [f"{name} {value:.4f}" for name, value in record.metrics.items()]
    parts += [f"{record.samples_per_sec:,.0f} samples/s", f"ETA {_clock(record.eta)}"]
    return " - ".join(parts)


def _epoch_line(record: sb.EpochProgress, batch: sb.BatchProgress | None) -> str:
    """``Epoch 2/10 - loss: 0.2101 - accuracy: 0.9375 - val_loss: … - 2,900 samples/s - 3.1s elapsed``."""
    parts = [f"Epoch {record.epoch + 1}/{record.epochs}"]
    parts += [f"{name}: {value:.4f}" for name, value in record.logs.items()]
    if batch is not None:
        parts.append(f"{batch.samples_per_sec:,.0f} samples/s")
    parts.append(f"{_clock(record.elapsed)} elapsed" + (" (stopped)" if record.stopped else ""))
    return " - ".join(parts)


def _clock(seconds: float) -> str:
    """``4.2s`` under a minute, else ``12:34`` or ``1:02:03``."""
    if seconds < 59.95:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _report(model: sb.Sequential, x: np.ndarray, y: np.ndarray, name: str) -> None:
    """Print the model's loss and accuracy (share of samples whose likeliest class is the label)."""
    probabilities = model.predict(x, batch_size=256)
    accuracy = float(np.mean(probabilities.argmax(axis=-1) == y))
    if model.loss is None:
        print(f"Test accuracy {accuracy:.2%} on {name} (the model is not compiled, so it has no loss).")
        return
    # One pass serves both numbers; this is what model.evaluate reports as the loss.
    loss = model.loss(y, probabilities) + model.regularization_loss()
    print(f"Test loss {loss:.4f}, accuracy {accuracy:.2%} on {name}.")


# ---- evaluate, predict, summary ----------------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> int:
    model = sb.load_model(args.model)
    _, (x_test, y_test), test_name = _load_data(args.idx)
    _report(model, x_test, y_test, test_name)
    return 0


def _predict(args: argparse.Namespace) -> int:
    from sandbox.datasets.preprocess import to_mnist
    from sandbox.imageio import read_image

    model = sb.load_model(args.model)
    batch = np.stack([to_mnist(read_image(path)) for path in args.images])
    probabilities = model.predict(batch).reshape(len(batch), -1)
    for path, p in zip(args.images, probabilities, strict=True):
        top = np.argsort(p)[::-1][:3]
        ranked = ", ".join(f"{k} {p[k]:.1%}" for k in top)
        print(f"{path}: {top[0]}  ({ranked})")
    return 0


def _summary(args: argparse.Namespace) -> int:
    sb.load_model(args.model).summary()
    return 0

