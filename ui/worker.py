"""Runs the engine's training generator in a QThread and reports back through throttled signals.

The worker owns its own copy of the model: the GUI thread never touches weights that are being
trained. It emits progress at most every ~50 ms and a copy of the weights a few times a second
(redrawing on every batch pushed the GUI tick median to 31 ms), honours pause/stop/step requests
between batches, and applies hyperparameter changes (learning rate, momentum, …) before the next batch.
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

import sandbox as sb
from sandbox.monitor import TrainingMonitor
from sandbox.training import BatchProgress, EpochProgress

__all__ = ["LIVE_THREADS", "TrainingJob", "TrainingResult", "TrainingWorker"]

#: Every training thread started and not yet garbage-collected, so tests can check none is left running.
LIVE_THREADS: weakref.WeakSet = weakref.WeakSet()

PROGRESS_INTERVAL = 0.05
WEIGHTS_INTERVAL = 0.25


@dataclass
class TrainingJob:
    """Everything the worker needs, copied so the GUI can keep editing its own objects."""

    model: sb.Sequential
    x: np.ndarray
    y: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    batch_size: int
    epochs: int
    initial_epoch: int
    augment: Any = None
    budget: int | None = None  # pause after this many batches (Step / Step epoch)
    findings: list[sb.Finding] | None = None  # the pre-training check's findings, for the monitor's causes


@dataclass
class TrainingResult:
    """What the worker hands back when it ends."""

    reason: str  # "finished", "stopped", "diverged", "error"
    flat_weights: np.ndarray
    optimizer_state: dict[str, np.ndarray]
    epochs_done: int
    last_good_weights: np.ndarray | None = None
    message: str = ""
    error: Exception | None = None  # the engine's error when reason == "error" (its code and fields translate)


class TrainingWorker(QObject):
    """Lives in a QThread; :meth:`run` is started by the thread's ``started`` signal."""

    progress = Signal(object)  # list[BatchProgress]
    epochEnded = Signal(object)  # EpochProgress
    weightsSnapshot = Signal(object)  # np.ndarray, flat weights
    paused = Signal()
    resumed = Signal()
    done = Signal(object)  # TrainingResult
    alarm = Signal(object)  # sandbox.monitor.Alarm, each kind at most once per run

    def __init__(self, job: TrainingJob) -> None:
        super().__init__()
        self.job = job
        self.stop_token = sb.StopToken()
        self._run_event = threading.Event()
        self._run_event.set()
        self._lock = threading.Lock()
        self._budget = job.budget
        self._pending: dict[str, float] = {}

    # ---- requests from the GUI thread (thread-safe) ----------------------------------------------
    def request_stop(self) -> None:
        """Stop after the current batch (also wakes a paused worker)."""
        self.stop_token.stop()
        self._run_event.set()

    def request_pause(self) -> None:
        """Pause before the next batch."""
        self._run_event.clear()

    def request_resume(self, budget: int | None = None) -> None:
        """Go on; with ``budget``, pause again after that many batches."""
        with self._lock:
            self._budget = budget
        self._run_event.set()

    def set_hyperparameters(self, values: dict[str, float]) -> None:
        """Apply optimizer settings (learning_rate, momentum, …) before the next batch."""
        with self._lock:
            self._pending.update(values)

    def release(self) -> None:
        """Drop the job (its model copy, optimizer state and arrays) once the run is over.

        Called by the session when the thread is gone: the Python wrapper of a worker may outlive its Qt
        object for a while, and it must not keep a whole model and the training data alive with it.
        """
        self.job = None

    # ---- the loop (worker thread) ----------------------------------------------------------------
    @Slot()
    def run(self) -> None:
        job = self.job
        model = job.model
        reason, message, error = "finished", "", None
        history = [model.get_flat_weights(), model.get_flat_weights()]
        epochs_done = job.initial_epoch
        pending: list[BatchProgress] = []
        last_emit = last_weights = time.perf_counter()
        try:
            from threadpoolctl import threadpool_limits

            # One BLAS thread: a second one fights the GUI thread on two cores: 23–94 steps/s with two, 300–550 with
            # one, measured here.
            with threadpool_limits(limits=1, user_api="blas"):
                gen = sb.iter_fit(model, job.x, job.y, batch_size=job.batch_size, epochs=job.epochs,
                                  validation_data=None if job.x_val is None else (job.x_val, job.y_val),
                                  initial_epoch=job.initial_epoch, augment=job.augment, stop=self.stop_token,
                                  details=True)
                monitor = TrainingMonitor(model, job.x, job.y, findings=job.findings)
                for record in gen:
                    for alarm in monitor.observe(record):
                        self.alarm.emit(alarm)
                    if isinstance(record, EpochProgress):
                        if pending:
                            self.progress.emit(pending)
                            pending = []
                        if not record.stopped:
                            epochs_done = record.epoch + 1
                        self.epochEnded.emit(record)
                        continue
                    pending.append(record)
                    if not record.finite:
                        reason = "diverged"
                        self.stop_token.stop()
                        continue
                    history = [history[1], model.get_flat_weights()]
                    now = time.perf_counter()
                    if now - last_emit >= PROGRESS_INTERVAL:
                        self.progress.emit(pending)
                        pending, last_emit = [], now
                    if now - last_weights >= WEIGHTS_INTERVAL:
                        self.weightsSnapshot.emit(model.get_flat_weights())
                        last_weights = now
                    if self._between_batches(model, pending):
                        pending = []
                if pending:
                    self.progress.emit(pending)
        except sb.SandboxError as exc:
            reason, message, error = "error", str(exc), exc
        except (ValueError, FloatingPointError, MemoryError) as exc:  # an unexpected numeric failure
            reason, message, error = "error", f"{type(exc).__name__}: {exc}", exc
        if reason == "finished" and self.stop_token.stopped:
            reason = "stopped"
        self.done.emit(TrainingResult(
            reason=reason, flat_weights=model.get_flat_weights(), optimizer_state=model.optimizer.get_state(),
            epochs_done=epochs_done, last_good_weights=history[0] if reason == "diverged" else None, message=message,
            error=error,
        ))

    def _between_batches(self, model: sb.Sequential, pending: list[BatchProgress]) -> bool:
        """Apply pending settings; pause if asked. Returns True if ``pending`` was sent (before a pause)."""
        with self._lock:
            values, self._pending = self._pending, {}
            if self._budget is not None:
                self._budget -= 1
                if self._budget <= 0:
                    self._budget = None
                    self._run_event.clear()
        for key, value in values.items():
            if hasattr(model.optimizer, key):
                setattr(model.optimizer, key, value)
        if not self._run_event.is_set() and not self.stop_token.stopped:
            # Show what the last batch did before waiting: a Step must not lag one batch behind.
            if pending:
                self.progress.emit(pending)
            self.weightsSnapshot.emit(model.get_flat_weights())
            self.paused.emit()
            self._run_event.wait()
            if not self.stop_token.stopped:
                self.resumed.emit()
            return True
        return False
