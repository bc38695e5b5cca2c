"""The training loop as a generator of progress records.

``iter_fit`` yields one :class:`BatchProgress` after every batch and one :class:`EpochProgress`
after every epoch, runs Keras-style callbacks, and stops after the current batch when its
:class:`~sandbox.callbacks.StopToken` is set or a callback sets ``model.stop_training``. The same
loop serves ``Sequential.fit``, the command line and the app's worker thread; it returns the
:class:`~sandbox.callbacks.History` as the generator's return value.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._native import flushing_denormals
from ._registry import check_float, check_int
from .callbacks import Callback, CallbackList, History, StopToken
from .errors import Cancelled, LayerArgumentError, ShapeError, TrainingError
from .metrics import results

__all__ = ["BatchDetails", "BatchProgress", "EpochProgress", "check_trainable", "iter_fit", "progress_printer",
           "split_validation", "step_details"]


@dataclass(frozen=True)
class BatchProgress:
    """What happened in one training batch.

    Attributes
    ----------
    epoch : int
        Epoch number, from 0.
    epochs : int
        Total epochs asked for.
    step : int
        Batches done in this epoch, from 1.
    steps : int
        Batches per epoch.
    global_step : int
        Optimizer steps taken so far (``optimizer.iterations``).
    batch_loss : float
        Loss of this batch alone (before the update).
    loss : float
        Sample-weighted mean loss of the epoch so far, as Keras's progress bar shows it.
    metrics : dict of str to float
        Epoch-so-far means of each compiled metric.
    grad_norm : float
        L2 norm of all gradients of this batch (before clipping).
    learning_rate : float
        Learning rate used for this step.
    samples_per_sec : float
        Training throughput in this epoch so far.
    elapsed : float
        Seconds since training started.
    eta : float
        Estimated seconds until the last epoch ends.
    finite : bool
        False once the loss is NaN or infinite.
    batch_size : int
        Samples in this batch.
    details : BatchDetails or None
        Per-layer numbers of this step, when ``iter_fit(..., details=True)``.
    """

    epoch: int
    epochs: int
    step: int
    steps: int
    global_step: int
    batch_loss: float
    loss: float
    metrics: dict[str, float]
    grad_norm: float
    learning_rate: float
    samples_per_sec: float
    elapsed: float
    eta: float
    finite: bool
    batch_size: int = 0
    details: BatchDetails | None = None


@dataclass(frozen=True)
class BatchDetails:
    """What one step did inside the network, for the training-loop diagram.

    Attributes
    ----------
    layer_grad_norms : dict of str to float
        L2 norm of each layer's weight gradient (before clipping), by layer name.
    layer_update_norms : dict of str to float
        L2 norm of how much each layer's weights moved in this step.
    predictions : tuple of float
        The first few predictions of the batch: the predicted class for classifiers, else the first output.
    targets : tuple of float
        The matching true labels (or target values).
    """

    layer_grad_norms: dict[str, float]
    layer_update_norms: dict[str, float]
    predictions: tuple[float, ...]
    targets: tuple[float, ...]


def step_details(model: Any, before: np.ndarray, y_pred: np.ndarray, y: np.ndarray,
                 grads: np.ndarray, sample: int = 8) -> BatchDetails:
    """Per-layer gradient and update norms of the step that moved the weights from ``before``.

    Parameters
    ----------
    model : Sequential
        After ``apply_gradients``.
    before : ndarray
        The flat float32 weights before the step, shape (n_weights,).
    y_pred, y : ndarray
        The batch's predictions (batch, …) and targets.
    grads : ndarray
        The flat gradient of the step, before clipping, shape (n_weights,).
    """
    delta = model.get_flat_weights() - before
    grad_norms: dict[str, float] = {}
    update_norms: dict[str, float] = {}
    # A diverging step has huge weights: an infinite norm is the honest answer, not a warning.
    with np.errstate(over="ignore", invalid="ignore"):
        for layer, start, stop in model._layer_segments:
            g, d = grads[start:stop], delta[start:stop]
            grad_norms[layer.name] = grad_norms.get(layer.name, 0.0) + float(np.dot(g, g))
            update_norms[layer.name] = update_norms.get(layer.name, 0.0) + float(np.dot(d, d))
    classifier = y_pred.ndim == 2 and y_pred.shape[1] > 1
    k = min(sample, len(y_pred))
    preds = y_pred[:k].argmax(axis=1) if classifier else y_pred[:k].reshape(k, -1)[:, 0]
    targets = np.asarray(y[:k])
    if classifier and targets.ndim == 2 and targets.shape[1] > 1:
        targets = targets.argmax(axis=1)
    return BatchDetails(
        layer_grad_norms={k_: math.sqrt(v) for k_, v in grad_norms.items()},
        layer_update_norms={k_: math.sqrt(v) for k_, v in update_norms.items()},
        predictions=tuple(float(p) for p in preds),
        targets=tuple(float(t) for t in targets.reshape(k, -1)[:, 0]),
    )


@dataclass(frozen=True)
class EpochProgress:
    """The end of one epoch: its logs (``loss``, metrics, ``val_*``) as Keras's ``on_epoch_end`` gets them."""

    epoch: int
    epochs: int
    logs: dict[str, float] = field(default_factory=dict)
    elapsed: float = 0.0
    stopped: bool = False


def split_validation(x: np.ndarray, y: np.ndarray, validation_split: float):
    """Keras's split: the *last* ``validation_split`` fraction (before any shuffling) is held out."""
    split_at = math.floor(len(x) * (1.0 - validation_split))
    return (x[:split_at], y[:split_at]), (x[split_at:], y[split_at:])


def _validate(model: Any, x: np.ndarray, y: np.ndarray, batch_size: int, stop: StopToken,
              callbacks: CallbackList | None = None) -> dict[str, float] | None:
    """The end-of-epoch validation logs, as ``model._evaluate_prepared`` computes them, or None if stopped.

    The same sums in the same order as ``Sequential.evaluate`` (so the numbers are Keras's and unchanged),
    with ``stop`` checked between batches: a large validation set on a large network takes seconds, and Stop
    must not wait for it. ``callbacks`` get the ``on_test_*`` hooks, as Keras calls them during validation.
    """
    return model._evaluate_prepared(x, y, batch_size, stop, callbacks=callbacks)


def check_trainable(model: Any) -> None:
    """Refuse, before any batch, a model holding a learner's layer that wrote no ``backward``.

    The engine has no automatic differentiation: such a layer can predict but not learn, and saying so at
    the start beats failing in the first batch's backward pass.
    """
    from .layers.base import Layer

    for layer in model.layers:
        if layer._is_learner and type(layer).backward is Layer.backward:
            raise TrainingError("layer.custom_no_backward", layer=layer.name, cls=type(layer).__name__)


def iter_fit(model: Any, x: Any, y: Any, *, batch_size: int | None = None, epochs: int = 1,
             callbacks: Sequence[Callback] | None = None, validation_split: float = 0.0,
             validation_data: Any = None, shuffle: bool = True, initial_epoch: int = 0,
             augment: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None,
             stop: StopToken | None = None,
             details: bool = False) -> Generator[BatchProgress | EpochProgress, None, History]:
    """Train ``model`` and yield progress; see the module docstring.

    Parameters
    ----------
    model : Sequential
        A compiled model.
    x, y : array_like
        Inputs (N, *input_shape) and targets (N, …).
    batch_size : int, optional
        Default 32, as in Keras.
    epochs : int
        Train until this epoch number (``initial_epoch`` counts as done).
    callbacks : list of Callback, optional
        Called with Keras's hooks; a :class:`History` is always added first.
    validation_split : float
        Fraction of the data (taken from the end) held out for ``val_*`` logs.
    validation_data : tuple (x_val, y_val), optional
        Overrides ``validation_split``.
    shuffle : bool
        Shuffle the training samples each epoch (with the model's seed).
    initial_epoch : int
        Epoch to start from (for resuming).
    augment : callable, optional
        ``augment(x_batch, rng) -> x_batch`` for each training batch.
    stop : StopToken, optional
        Set from any thread to stop after the current batch.
    details : bool
        Attach per-layer gradient and update norms and a sample of predictions to each record
        (two extra copies of the weights per step; off for plain ``fit``).
    """
    model._require_compiled("fit")
    if x is None or y is None:
        raise TrainingError("fit.no_data_given")
    batch_size = 32 if batch_size is None else check_int("batch_size", batch_size)
    epochs = check_int("epochs", epochs, minimum=0)
    initial_epoch = check_int("initial_epoch", initial_epoch, minimum=0)
    validation_split = check_float("validation_split", validation_split, low=0.0, high=1.0, high_open=True)
    x, y = model._check_xy(x, y)
    if validation_data is not None:
        if not isinstance(validation_data, tuple | list) or len(validation_data) != 2:
            raise LayerArgumentError("fit.bad_validation_data")
        x_val, y_val = model._check_xy(*validation_data)
    elif validation_split > 0:
        (x, y), (x_val, y_val) = split_validation(x, y, validation_split)
        if len(x_val) == 0 or len(x) == 0:
            raise TrainingError("fit.empty_split", split=validation_split)
    else:
        x_val = y_val = None
    n = len(x)
    if n == 0:
        raise TrainingError("fit.no_data")
    model._ensure_built()
    check_trainable(model)
    steps = math.ceil(n / batch_size)
    history = History()
    # History goes last, as in Keras: it records what the learner's callbacks added to the logs.
    cbs = CallbackList([*(callbacks or []), history])
    cbs.set_model(model)
    cbs.set_params({"epochs": epochs, "steps": steps, "verbose": 0})
    model.stop_training = False
    stop = stop or StopToken()
    start = time.perf_counter()
    total_steps = max(0, epochs - initial_epoch) * steps
    steps_done = 0
    cbs.on_train_begin()
    logs: dict[str, float] = {}
    for epoch in range(initial_epoch, epochs):
        cbs.on_epoch_begin(epoch)
        order = model.train_rng.permutation(n) if shuffle else np.arange(n)
        epoch_start = time.perf_counter()
        loss_sum, seen = 0.0, 0
        metrics = model._resolved_metrics(y)
        for m in metrics:  # Keras resets the compiled metrics at each epoch's start
            m.reset_state()
        for step in range(steps):
            if stop.stopped:
                break
            cbs.on_train_batch_begin(step)
            idx = order[step * batch_size:(step + 1) * batch_size]
            if shuffle:
                xb, yb = x[idx], y[idx]
            else:
                xb, yb = x[idx[0]:idx[-1] + 1], y[idx[0]:idx[-1] + 1]
            if augment is not None:
                xb = np.asarray(augment(xb, model.train_rng), dtype=model.dtype)
                if xb.shape[1:] != x.shape[1:]:
                    raise ShapeError("fit.augment_changed_shape", before=x.shape[1:], after=xb.shape[1:])
            lr = model.optimizer.learning_rate
            model.interrupt = stop
            with flushing_denormals():
                try:
                    batch_loss, y_pred = model.compute_gradients(xb, yb)
                except Cancelled:  # Stop during a long batch: nothing was applied, the batch is not taken
                    break
                finally:
                    model.interrupt = None
                grad_norm = model.gradient_norm()
                if details:
                    before, grads = model.get_flat_weights(), model._flat_grad.copy()
                model.apply_gradients()
            info = step_details(model, before, y_pred, yb, grads) if details else None
            loss_sum += batch_loss * len(xb)
            seen += len(xb)
            for m in metrics:
                m.update_state(yb, y_pred)
            logs = {"loss": loss_sum / seen, **results(metrics)}
            steps_done += 1
            now = time.perf_counter()
            per_step = (now - start) / steps_done
            finite = math.isfinite(batch_loss)
            cbs.on_train_batch_end(step, {**logs, "loss": batch_loss if not finite else logs["loss"]})
            yield BatchProgress(
                epoch=epoch, epochs=epochs, step=step + 1, steps=steps, global_step=model.optimizer.iterations,
                batch_loss=batch_loss, loss=logs["loss"], metrics={k: v for k, v in logs.items() if k != "loss"},
                grad_norm=grad_norm, learning_rate=lr, samples_per_sec=seen / max(now - epoch_start, 1e-9),
                elapsed=now - start, eta=per_step * (total_steps - steps_done), finite=finite,
                batch_size=len(xb), details=info,
            )
            if model.stop_training or stop.stopped:
                break
        interrupted = stop.stopped
        if x_val is not None and not interrupted and seen:
            val = _validate(model, x_val, y_val, batch_size, stop, cbs)
            if val is None:  # stopped during validation: the epoch ends as if stopped in its last batch
                interrupted = True
            else:
                logs.update({f"val_{k}": v for k, v in val.items()})
        if seen:
            cbs.on_epoch_end(epoch, dict(logs))
        yield EpochProgress(epoch=epoch, epochs=epochs, logs=dict(logs), elapsed=time.perf_counter() - start,
                            stopped=interrupted or model.stop_training)
        if model.stop_training or interrupted:
            break
    cbs.on_train_end(dict(logs))
    history.params = {"epochs": epochs, "steps": steps, "verbose": 0}
    history.model = model
    model.history = history
    return history


def progress_printer(verbose: Any, stream: Any = None) -> Callable[[BatchProgress | EpochProgress], None]:
    """Return a consumer of progress records that prints Keras-like progress lines.

    ``verbose``: 0 silent; 1 (or ``"auto"``) a live bar on a terminal and one line per epoch
    otherwise; 2 one line per epoch.
    """
    out = stream or sys.stdout
    level = 1 if verbose == "auto" else int(verbose)
    live = level == 1 and hasattr(out, "isatty") and out.isatty()
    width = 30

    def fmt(logs: dict[str, float]) -> str:
        return " - ".join(f"{k}: {v:.4f}" for k, v in logs.items())

    def consume(record: BatchProgress | EpochProgress) -> None:
        if level == 0:
            return
        if isinstance(record, BatchProgress):
            if record.step == 1 and (live or level >= 1):
                out.write(f"Epoch {record.epoch + 1}/{record.epochs}\n")
            if live:
                done = int(width * record.step / record.steps)
                bar = "━" * done + "─" * (width - done)
                logs = {**record.metrics, "loss": record.loss}
                out.write(f"\r{record.step}/{record.steps} {bar} {record.elapsed:.0f}s - {fmt(logs)}")
                out.flush()
            return
        if live:
            out.write("\n")
        out.write(f"{fmt(record.logs)} - {record.elapsed:.1f}s elapsed\n")
        out.flush()

    return consume
