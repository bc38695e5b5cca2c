"""Keras-style callbacks: History, EarlyStopping, TerminateOnNaN, ModelCheckpoint, and a thread-safe StopToken.

Hooks and their arguments follow ``keras.callbacks.Callback``, called in Keras 3's order:
``on_train_begin(logs)``, then per epoch ``on_epoch_begin(epoch, logs)``, per batch
``on_train_batch_begin(batch, logs)`` / ``on_train_batch_end(batch, logs)`` (which call
``on_batch_begin`` / ``on_batch_end`` unless overridden), then the validation pass as
``on_test_begin`` / ``on_test_batch_begin`` / ``on_test_batch_end`` / ``on_test_end``, then
``on_epoch_end(epoch, logs)``, and ``on_train_end(logs)``. ``evaluate(callbacks=…)`` calls the
``on_test_*`` hooks and ``predict(callbacks=…)`` the ``on_predict_*`` hooks. Epochs and batches count
from 0; ``logs`` is ``{}`` in the ``*_begin`` hooks, never None.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import Cancelled, LayerArgumentError

if TYPE_CHECKING:  # pragma: no cover
    from .model import Sequential

__all__ = ["Callback", "CallbackList", "EarlyStopping", "History", "ModelCheckpoint", "StopToken", "TerminateOnNaN"]


class StopToken:
    """Ask a running ``fit`` / ``iter_fit`` to stop after the current batch, from any thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def stop(self) -> None:
        """Request the stop (idempotent, thread-safe)."""
        self._event.set()

    def clear(self) -> None:
        """Withdraw the request, so the token can be reused."""
        self._event.clear()

    @property
    def stopped(self) -> bool:
        """Whether a stop was requested."""
        return self._event.is_set()

    def raise_if_stopped(self) -> None:
        """Raise :class:`~sandbox.errors.Cancelled` if a stop was requested (for long loops outside ``fit``)."""
        if self._event.is_set():
            raise Cancelled("stopped on request")


class Callback:
    """Base class: override the hooks you need. ``self.model`` and ``self.params`` are set by ``fit``.

    As in Keras 3, ``on_train_batch_begin`` / ``on_train_batch_end`` call ``on_batch_begin`` /
    ``on_batch_end`` unless overridden, so a callback written for either spelling is called. Every hook
    gets a dict as ``logs`` (``{}`` in the ``*_begin`` hooks), never None, when the engine calls it.
    """

    def __init__(self) -> None:
        self.model: Sequential | None = None
        self.params: dict[str, Any] = {}

    def set_model(self, model: Sequential) -> None:
        self.model = model

    def set_params(self, params: dict[str, Any]) -> None:
        self.params = params

    def on_train_begin(self, logs: dict[str, float] | None = None) -> None: ...
    def on_train_end(self, logs: dict[str, float] | None = None) -> None: ...
    def on_epoch_begin(self, epoch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_batch_begin(self, batch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None: ...

    def on_train_batch_begin(self, batch: int, logs: dict[str, float] | None = None) -> None:
        # Keras 3 forwards to the older spelling: a callback overriding on_batch_begin is still called.
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None:
        self.on_batch_end(batch, logs=logs)

    def on_test_begin(self, logs: dict[str, float] | None = None) -> None: ...
    def on_test_end(self, logs: dict[str, float] | None = None) -> None: ...
    def on_test_batch_begin(self, batch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_test_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None: ...
    def on_predict_begin(self, logs: dict[str, Any] | None = None) -> None: ...
    def on_predict_end(self, logs: dict[str, Any] | None = None) -> None: ...
    def on_predict_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None: ...
    def on_predict_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None: ...


#: Every hook :class:`CallbackList` fans out, with whether it takes a batch or epoch number first.
_HOOKS: dict[str, bool] = {
    "on_train_begin": False, "on_train_end": False, "on_epoch_begin": True, "on_epoch_end": True,
    "on_batch_begin": True, "on_batch_end": True, "on_train_batch_begin": True, "on_train_batch_end": True,
    "on_test_begin": False, "on_test_end": False, "on_test_batch_begin": True, "on_test_batch_end": True,
    "on_predict_begin": False, "on_predict_end": False, "on_predict_batch_begin": True,
    "on_predict_batch_end": True,
}


class CallbackList(Callback):
    """Fan every hook out to a list of callbacks, in order.

    As Keras's ``CallbackList``, each hook passes one dict to every callback (``{}`` when the caller gives
    None): a callback that adds an entry, as a learning-rate logger does, is seen by the ones after it.
    """

    def __init__(self, callbacks: Iterable[Callback] = ()) -> None:
        super().__init__()
        self.callbacks = list(callbacks)
        for cb in self.callbacks:
            if not isinstance(cb, Callback):
                raise LayerArgumentError("callbacks.not_callback", callback=cb)

    def set_model(self, model):
        for cb in self.callbacks:
            cb.set_model(model)

    def set_params(self, params):
        self.params = params
        for cb in self.callbacks:
            cb.set_params(params)


def _fan_out(name: str, numbered: bool) -> Any:
    """The :class:`CallbackList` method ``name``: call ``name`` on every callback with one logs dict."""
    if numbered:
        def hook(self: CallbackList, number: int, logs: dict[str, Any] | None = None) -> None:
            logs = {} if logs is None else logs
            for cb in self.callbacks:
                getattr(cb, name)(number, logs)
    else:
        def hook(self: CallbackList, logs: dict[str, Any] | None = None) -> None:  # type: ignore[misc]
            logs = {} if logs is None else logs
            for cb in self.callbacks:
                getattr(cb, name)(logs)
    hook.__name__ = hook.__qualname__ = name
    return hook


for _name, _numbered in _HOOKS.items():
    setattr(CallbackList, _name, _fan_out(_name, _numbered))


class History(Callback):
    """Records each epoch's logs: ``history.history["loss"]`` is the list of epoch losses."""

    def __init__(self) -> None:
        super().__init__()
        self.epoch: list[int] = []
        self.history: dict[str, list[float]] = {}

    def on_train_begin(self, logs=None):
        self.epoch = []
        self.history = {}

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(value))
        if self.model is not None:
            self.model.history = self

    def get_config(self) -> dict[str, Any]:
        """The recorded values, JSON-safe (NaN and inf become None)."""
        return {
            "epoch": list(self.epoch),
            "history": {k: [v if math.isfinite(v) else None for v in vs] for k, vs in self.history.items()},
        }


class TerminateOnNaN(Callback):
    """Stop training as soon as a batch loss is NaN or infinite."""

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(loss) and self.model is not None:
            print(f"Batch {batch}: invalid loss, terminating training")
            self.model.stop_training = True


class EarlyStopping(Callback):
    """Stop when ``monitor`` has stopped improving for ``patience`` epochs (Keras 3 semantics).

    Parameters
    ----------
    monitor : str
        A key of the epoch logs, default ``"val_loss"``.
    min_delta : float
        Smallest change that counts as an improvement.
    patience : int
        Epochs without improvement before stopping.
    mode : {"auto", "min", "max"}
        ``"auto"`` maximises names containing ``acc``, minimises the rest.
    baseline : float, optional
        Stop unless the model beats this value.
    restore_best_weights : bool
        On stopping, put back the weights of the best epoch.
    start_from_epoch : int
        Epochs to wait before watching for improvement.
    """

    def __init__(self, monitor: str = "val_loss", min_delta: float = 0.0, patience: int = 0, verbose: int = 0,
                 mode: str = "auto", baseline: float | None = None, restore_best_weights: bool = False,
                 start_from_epoch: int = 0) -> None:
        super().__init__()
        if mode not in ("auto", "min", "max"):
            raise LayerArgumentError("callbacks.early_stopping_mode", mode=mode)
        self.monitor = monitor
        self.min_delta = abs(float(min_delta))
        self.patience = int(patience)
        self.verbose = verbose
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = int(start_from_epoch)
        maximise = mode == "max" or (mode == "auto" and ("acc" in monitor or monitor.endswith("auc")))
        self._sign = 1.0 if maximise else -1.0
        self.stopped_epoch = 0
        self.best_epoch = 0

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best: float | None = None
        self.best_weights: list[np.ndarray] | None = None
        self.best_epoch = 0

    def _is_improvement(self, value: float, reference: float | None) -> bool:
        if reference is None:
            return True
        return self._sign * (value - reference) > self.min_delta

    def on_epoch_end(self, epoch, logs=None):
        value = (logs or {}).get(self.monitor)
        if value is None or epoch < self.start_from_epoch or self.model is None:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
        self.wait += 1
        if self._is_improvement(value, self.best):
            self.best = value
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            # Only restart the wait when both the baseline and the previous best are beaten.
            if self.baseline is None or self._is_improvement(value, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None and self.model is not None:
            if self.verbose:
                print(f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)


def _maximises(monitor: str, mode: str) -> bool:
    """Whether a bigger ``monitor`` is better: ``mode="auto"`` maximises accuracies and AUC, as Keras does."""
    return mode == "max" or (mode == "auto" and ("acc" in monitor or monitor.endswith("auc")))


class ModelCheckpoint(Callback):
    """Save the model after each epoch, or only when ``monitor`` improved (Keras 3 semantics).

    Parameters
    ----------
    filepath : str or path-like
        Where to save; may hold ``{epoch}`` (from 1) and log names, e.g. ``"model_{epoch:02d}.dlsb"``. The
        sandbox writes its own ``.dlsb`` format: a path ending in ``.keras``, ``.h5`` or ``.weights.h5`` is
        written as ``.dlsb`` beside it (``best.keras`` → ``best.dlsb``), with a one-line note the first
        time; ``keras.models.load_model("best.keras")`` then reads ``best.dlsb``. Any other ending is
        refused.
    monitor : str
        A key of the epoch logs, default ``"val_loss"``.
    verbose : int
        1 prints a line for each save or non-improvement, as Keras does.
    save_best_only : bool
        Save only when ``monitor`` beats the best value so far (a missing ``monitor`` saves every epoch,
        as in Keras, with a printed warning).
    save_weights_only : bool
        Accepted for Keras's sake; the file is a complete model either way (without the optimizer's state
        when true), which ``load_model`` reads.
    mode : {"auto", "min", "max"}
        ``"auto"`` maximises names containing ``acc``, minimises the rest.
    save_freq : "epoch" or int
        Save at the end of each epoch, or every ``save_freq`` batches.
    initial_value_threshold : float, optional
        With ``save_best_only``, the value to beat at first.

    Notes
    -----
    Each save is atomic: the file at ``filepath`` is always either the previous checkpoint or the new one.
    """

    def __init__(self, filepath: Any, monitor: str = "val_loss", verbose: int = 0, save_best_only: bool = False,
                 save_weights_only: bool = False, mode: str = "auto", save_freq: Any = "epoch",
                 initial_value_threshold: float | None = None) -> None:
        super().__init__()
        from .models import dlsb_path

        if mode not in ("auto", "min", "max"):
            raise LayerArgumentError("callbacks.checkpoint_mode", mode=mode)
        if save_freq != "epoch" and (isinstance(save_freq, bool) or not isinstance(save_freq, int)
                                     or save_freq < 1):
            raise LayerArgumentError("callbacks.checkpoint_save_freq", save_freq=save_freq)
        self.filepath, self._note = dlsb_path(os.fspath(filepath), what="ModelCheckpoint")
        self.given_filepath = os.fspath(filepath)
        self.monitor = monitor
        self.verbose = int(verbose)
        self.save_best_only = bool(save_best_only)
        self.save_weights_only = bool(save_weights_only)
        self.mode = mode
        self.save_freq = save_freq
        self._sign = 1.0 if _maximises(monitor, mode) else -1.0
        self.best: float | None = None if initial_value_threshold is None else float(initial_value_threshold)
        self._current_epoch = 0
        self._batches_since_save = 0

    def on_train_begin(self, logs=None):
        from .models import check_savable

        if self.model is not None:  # refuse now rather than after the first epoch's work
            check_savable(self.model)

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._batches_since_save += 1
        if self._batches_since_save >= self.save_freq:
            self._batches_since_save = 0
            self._save(self._current_epoch, batch, logs or {})

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, None, logs or {})

    def _path_for(self, epoch: int, batch: int | None, logs: dict[str, Any]) -> str:
        fields = {**logs, "epoch": epoch + 1}
        if batch is not None:
            fields.setdefault("batch", batch + 1)
        try:
            return self.filepath.format(**fields)
        except (KeyError, IndexError, ValueError) as exc:
            raise LayerArgumentError("callbacks.checkpoint_format", filepath=self.filepath,
                                     detail=str(exc)) from None

    def _save(self, epoch: int, batch: int | None, logs: dict[str, Any]) -> None:
        if self.model is None:
            return
        path = self._path_for(epoch, batch, logs)
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                print(f"Can save best model only with {self.monitor} available, saving every epoch.")
            elif self.best is not None and not self._sign * (float(current) - self.best) > 0:
                if self.verbose > 0:
                    print(f"Epoch {epoch + 1}: {self.monitor} did not improve from {self.best:.5f}")
                return
            else:
                if self.verbose > 0:
                    best = "None" if self.best is None else f"{self.best:.5f}"
                    print(f"Epoch {epoch + 1}: {self.monitor} improved from {best} to {float(current):.5f}, "
                          f"saving model to {path}")
                self.best = float(current)
        elif self.verbose > 0:
            print(f"Epoch {epoch + 1}: saving model to {path}")
        if self._note is not None:
            print(self._note)
            self._note = None
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        from .models import save_model

        save_model(self.model, path, include_optimizer=not self.save_weights_only)
