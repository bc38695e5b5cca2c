"""Work that may take longer than a frame, run off the GUI thread, one lane per owner.

The GUI thread only paints and reacts. Anything that can take more than about 30 ms (evaluating the test
set, the PCA map, robustness curves, health probes, building large weights, writing an autosave) is handed
to a :class:`BackgroundLane`:

- the function runs in a plain Python thread on data the caller copied for it (never on the session's live
  model, whose weights change in place while training);
- a newer request supersedes an older one: the older one's :class:`~sandbox.StopToken` is set (long engine
  loops check it between batches and raise :class:`~sandbox.Cancelled`), and its result is dropped;
- at most one thread per lane runs at a time; the newest waiting request starts when it ends, so a burst of
  model changes costs one computation, not one each;
- the result comes back as the :attr:`BackgroundLane.finished` signal, on the GUI thread.

A lane is a QObject living in the GUI thread, and the worker thread only emits that object's own signal,
which Qt queues to the GUI thread (a plain function connected to a signal emitted in another thread would
run in that thread).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

import sandbox as sb

__all__ = ["LIVE_LANES", "BackgroundLane", "Job"]

#: Every lane not yet garbage-collected, so tests and the app's shutdown can check none is left running.
LIVE_LANES: weakref.WeakSet = weakref.WeakSet()


@dataclass
class Job:
    """One request: ``fn(*args, stop=token, **kwargs)`` and what the caller wants to know about it."""

    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    generation: int = 0
    token: sb.StopToken = field(default_factory=sb.StopToken)
    seconds: float = 0.0  # wall time of the run, filled when it ends


class BackgroundLane(QObject):
    """Runs one function at a time off the GUI thread; a newer :meth:`submit` supersedes the older one.

    Parameters
    ----------
    name : str
        Names the thread (seen in debuggers and in :attr:`LIVE_LANES` reports).
    parent : QObject, optional
        Qt parent; the lane is stopped with :meth:`shutdown` by its owner.
    """

    #: ``(result, job)`` on the GUI thread, for the newest request only.
    finished = Signal(object, object)
    #: ``(exception, job)`` on the GUI thread when the newest request raised (not for :class:`~sandbox.Cancelled`).
    failed = Signal(object, object)
    #: True while a request runs or waits.
    busyChanged = Signal(bool)
    _delivered = Signal(object, object, object)  # job, result, error: emitted in the worker thread

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._generation = 0
        self._running: Job | None = None
        self._thread: threading.Thread | None = None
        self._waiting: Job | None = None
        self._closed = False
        self._delivered.connect(self._on_delivered)
        LIVE_LANES.add(self)

    # ---- GUI thread ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A request runs or waits."""
        return self._running is not None or self._waiting is not None

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        """Run ``fn(*args, stop=token, **kwargs)`` off the GUI thread; cancels whatever this lane was doing.

        ``fn`` must accept a keyword ``stop`` (a :class:`~sandbox.StopToken`) and should call
        ``stop.raise_if_stopped()`` between chunks of work. Its arguments must not be changed by anyone
        while it runs: pass copies.
        """
        was_busy = self.busy
        self._generation += 1
        job = Job(fn, args, kwargs, self._generation)
        if self._closed:
            job.token.stop()
            return job
        if self._running is not None:
            self._running.token.stop()
            self._waiting = job  # a request waiting already is simply replaced: it never started
        else:
            self._start(job)
        if not was_busy:
            self.busyChanged.emit(True)
        return job

    def cancel(self) -> None:
        """Drop the waiting request and ask the running one to stop; no result will be delivered."""
        self._generation += 1
        self._waiting = None
        if self._running is not None:
            self._running.token.stop()

    def is_running(self) -> bool:
        """A worker thread of this lane is alive."""
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float = 5.0) -> bool:
        """Block until the current thread ends (tests and shutdown only); True if none is left running."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.is_running()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Cancel everything and join the thread: call before the application quits."""
        self._closed = True
        self.cancel()
        self.wait(timeout)

    def _start(self, job: Job) -> None:
        self._running = job
        self._thread = threading.Thread(target=self._run, args=(job,), name=f"lane-{self.name}", daemon=True)
        self._thread.start()

    @Slot(object, object, object)
    def _on_delivered(self, job: Job, result: Any, error: BaseException | None) -> None:
        if job is self._running:
            self._running = None
            self._thread = None
        current = job.generation == self._generation and not job.token.stopped
        if self._waiting is not None and not self._closed:
            waiting, self._waiting = self._waiting, None
            self._start(waiting)
        if current:
            if error is None:
                self.finished.emit(result, job)
            elif not isinstance(error, sb.Cancelled):
                self.failed.emit(error, job)
        if not self.busy:
            self.busyChanged.emit(False)

    # ---- worker thread --------------------------------------------------------------------------------
    def _run(self, job: Job) -> None:
        start = time.perf_counter()
        result: Any = None
        error: BaseException | None = None
        try:
            job.token.raise_if_stopped()
            result = job.fn(*job.args, stop=job.token, **job.kwargs)
        except Exception as exc:  # delivered to the GUI thread, which decides what the learner sees
            error = exc
        job.seconds = time.perf_counter() - start
        try:
            self._delivered.emit(job, result, error)
        except RuntimeError:  # the lane's C++ side is gone (window closed while this ran): nothing to tell
            pass
