"""Autosave and crash recovery: a crash loses at most a few seconds of work.

Everything lives in the app's data folder (``QStandardPaths.AppDataLocation``), never in QSettings, so a
broken settings file cannot turn recovery off:

``autosave-<id>.dlsb``
    This window's crash copy: the network, settings, weights, epochs, history, the runs table's rows and
    the data set choice. Written off the GUI thread (:class:`~ui.background.BackgroundLane`) through the
    atomic writer, deleted when the window closes normally.
``autosave-<id>.lock``
    A :class:`QLockFile` held while the window lives. A lock whose process is gone marks the autosave beside
    it as left by a crash; a lock held by a live process (a second window of the app) is left alone.
``crashed-<YYYYmmdd-HHMMSS>.dlsb``
    A crash copy set aside at start, before this window autosaves anything, and kept until the learner
    chooses Recover or Discard. The newest is offered; at most :data:`KEEP_CRASHED` are kept.
``.<target>.<12 hex digits>.tmp``
    The atomic writer's temporary file (:func:`sandbox.safefile.atomic_write`); only a killed write
    leaves one behind. Removed at start when its writer is gone.

When it autosaves (only while there is unsaved work or a run): :data:`EDIT_DELAY_MS` after the last edit
(network, settings, data), at once when a run ends, after the first epoch of a run and then at most every
:data:`TRAINING_INTERVAL_MS` (epoch ends and a timer, as one epoch can be long), and every
:data:`IDLE_INTERVAL_MS` as a safety net. The session's model holds near-current weights while training,
so its copy is what is saved; the copy and all settings are taken on the GUI thread, serialised and
written in the lane.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal, Slot

import sandbox as sb
from sandbox import io as sbio
from sandbox.runs import RunRecord

from .background import BackgroundLane

__all__ = ["AUTOSAVE_PREFIX", "CRASHED_PREFIX", "Autosaver", "RecoveryFiles", "app_data_folder",
           "recovery_settings", "restore_runs"]

AUTOSAVE_PREFIX = "autosave-"
CRASHED_PREFIX = "crashed-"
#: Crash copies kept at most (the oldest go first).
KEEP_CRASHED = 3
#: Quiet time after the last edit before the autosave.
EDIT_DELAY_MS = 2_000
#: Autosave at least this often while a run trains or is paused (stretched for networks slow to save).
TRAINING_INTERVAL_MS = 10_000
#: The safety-net timer: saves only if something changed since the last autosave.
IDLE_INTERVAL_MS = 60_000
#: Runs kept in a crash copy (the newest), and per-batch loss points per run.
MAX_RUNS_SAVED = 30
RUN_CURVE_POINTS = 400
#: A temporary file of the atomic writer other than an autosave's is stale after this long.
STALE_TEMP_SECONDS = 3600
#: What :func:`sandbox.safefile.atomic_write` names its temporary file: ``.<name[:64]>.<12 hex>.tmp``.
_TEMP = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{12}\.tmp$")
#: The settings key holding what only a crash copy needs (runs rows, the data folder).
RECOVERY_KEY = "recovery"


def app_data_folder() -> Path:
    """The app's writable data folder (a test area when ``QStandardPaths`` test mode is on); not created."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class RecoveryFiles:
    """The recovery files of one window in ``folder``: its lock and autosave, and the crash copies.

    Parameters
    ----------
    folder : Path
        The data folder; created if missing. When it cannot be used, :attr:`problem` holds the error
        and every other method does nothing.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        #: Why crash copies cannot be kept (the folder is a file, or cannot be written), or None.
        self.problem: OSError | None = None
        self.id = secrets.token_hex(6)
        self.autosave_path = folder / f"{AUTOSAVE_PREFIX}{self.id}.dlsb"
        self._lock: QLockFile | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        except OSError as exc:
            self.problem = exc

    # ---- start and stop ----------------------------------------------------------------------------
    def start(self) -> None:
        """Set aside the crash copies of windows that died, tidy up, then take this window's lock.

        The order matters: a copy is renamed before this window can write any autosave, and this
        window's own lock is taken last so it is never mistaken for a dead one.
        """
        if self.problem is not None:
            return
        for step in (self._claim_crashed, self._remove_stale_temps, self._prune):
            with contextlib.suppress(OSError):  # a file that vanished meanwhile must not stop the rest
                step()
        lock = QLockFile(str(self.folder / f"{AUTOSAVE_PREFIX}{self.id}.lock"))
        lock.setStaleLockTime(0)  # a live window's lock never goes stale by age, however long it runs
        if lock.tryLock(0):
            self._lock = lock
        else:  # the folder exists but cannot be written
            self.problem = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self.folder))

    def stop(self) -> None:
        """A normal exit: delete this window's autosave and release its lock."""
        with contextlib.suppress(OSError):
            self.autosave_path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # ---- crash copies --------------------------------------------------------------------------------
    def pending(self) -> Path | None:
        """The newest crash copy waiting for Recover or Discard, or None."""
        copies = self._crashed()
        return copies[-1] if copies else None

    def discard(self, path: Path) -> None:
        """Delete a crash copy (the learner chose Discard, or its work is safe in a newer autosave)."""
        if path.parent == self.folder and path.name.startswith(CRASHED_PREFIX):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _crashed(self) -> list[Path]:
        """Crash copies, oldest first (their names sort by time)."""
        return sorted(p for p in self.folder.glob(f"{CRASHED_PREFIX}*.dlsb") if p.is_file())

    def _owner_gone(self, name: str) -> bool:
        """Whether the window that wrote ``autosave-<id>.dlsb`` (or its temporary file) is gone."""
        stem = name.removesuffix(".dlsb")
        lock_path = self.folder / f"{stem}.lock"
        if not lock_path.exists():
            return True  # never locked: a file of an older version of the app, or its lock is lost
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):  # QLockFile removes a lock whose process is dead, and takes it
            lock.unlock()
            return True
        return False

    def _claim_crashed(self) -> None:
        for path in sorted(self.folder.glob(f"{AUTOSAVE_PREFIX[:-1]}*.dlsb")):
            if path == self.autosave_path or not path.is_file() or not self._owner_gone(path.name):
                continue
            stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
            target = self.folder / f"{CRASHED_PREFIX}{stamp}.dlsb"
            n = 1
            while target.exists():
                n += 1
                target = self.folder / f"{CRASHED_PREFIX}{stamp}-{n}.dlsb"
            # A rename keeps the time the work was saved. A window starting at the same moment may have
            # taken this copy already: then it offers it, and this one goes on with the others.
            with contextlib.suppress(OSError):
                os.replace(path, target)
        for lock_path in self.folder.glob(f"{AUTOSAVE_PREFIX}*.lock"):
            # a dead window's lock without an autosave (it had nothing unsaved): just tidy it away
            if not lock_path.with_suffix(".dlsb").exists():
                self._owner_gone(lock_path.with_suffix(".dlsb").name)

    def _remove_stale_temps(self) -> None:
        now = time.time()
        for path in self.folder.iterdir():
            match = _TEMP.match(path.name)
            if match is None or not path.is_file():
                continue
            target = match["target"]
            if target.startswith(AUTOSAVE_PREFIX[:-1]) and target.endswith(".dlsb"):
                stale = self._owner_gone(target)
            else:  # another file of the app's (drawings): no live write takes an hour
                stale = now - path.stat().st_mtime > STALE_TEMP_SECONDS
            if stale:
                with contextlib.suppress(OSError):
                    path.unlink()

    def _prune(self) -> None:
        for path in self._crashed()[:-KEEP_CRASHED]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


# ---- what a crash copy holds ------------------------------------------------------------------------------
def recovery_settings(session: Any, dataset_folder: str = "") -> dict[str, Any]:
    """The project settings of ``session`` plus what only a crash copy keeps (GUI thread; cheap).

    ``recovery`` holds the runs table's rows (the newest :data:`MAX_RUNS_SAVED`, without their weights,
    curves thinned to :data:`RUN_CURVE_POINTS` points) and the IDX folder the data came from ("" for the
    bundled digits).
    """
    runs = [r.to_dict(RUN_CURVE_POINTS) for r in session.runs[-MAX_RUNS_SAVED:]]
    return {**session.project_settings(), "original_path": session.path,
            RECOVERY_KEY: {"runs": runs, "dataset_folder": dataset_folder}}


def write_autosave(path: Path, model: sb.Sequential, settings: dict[str, Any], history: dict[str, Any], *,
                   stop: sb.StopToken) -> Path | None:
    """Serialise and write a crash copy (lane thread): ``model`` and ``settings`` are the caller's copies.

    Runs rows are dropped, oldest first, until the settings fit the file format's JSON limit. Weights that
    are NaN or infinite (a diverged run) are not written: the last good crash copy is worth more. Returns
    the path written, or None.
    """
    if not np.isfinite(model.get_flat_weights()).all():
        return None
    runs = settings[RECOVERY_KEY]["runs"]
    while runs and len(json.dumps(settings, ensure_ascii=False, indent=1).encode()) > sbio.MAX_JSON_BYTES * 0.9:
        del runs[:max(1, len(runs) // 4)]
    stop.raise_if_stopped()
    sbio.save_project(path, model, settings=settings, history=history)
    return path


def restore_runs(session: Any, settings: dict[str, Any]) -> int:
    """Put the runs rows of a crash copy's ``settings`` into ``session``; returns how many.

    The rows replace the session's (a recovery replaces the whole work); their weights are not kept, so
    they cannot be reopened. A run that was training when the app died is marked stopped. A damaged
    entry is skipped rather than spoiling the recovery.
    """
    extra = settings.get(RECOVERY_KEY)
    entries = extra.get("runs") if isinstance(extra, dict) else None
    if not isinstance(entries, list) or session.is_training():
        return 0
    runs: list[RunRecord] = []
    for entry in entries[-MAX_RUNS_SAVED:]:
        try:
            run = RunRecord.from_dict(entry)
        except (sb.SandboxError, ValueError, TypeError):
            continue
        if run.end_reason == "running":
            run.end_reason = "stopped"
        if all(r.number != run.number for r in runs):
            runs.append(run)
    session.runs = runs
    session.run_count = max([session.run_count, *(r.number for r in runs)])
    session.runsChanged.emit()
    return len(runs)


def recovered_dataset_folder(settings: dict[str, Any]) -> str:
    """The IDX folder a crash copy's data came from, or "" (the bundled digits, or not recorded)."""
    extra = settings.get(RECOVERY_KEY)
    folder = extra.get("dataset_folder") if isinstance(extra, dict) else None
    return folder if isinstance(folder, str) else ""


class Autosaver(QObject):
    """Decides when to autosave a session and writes it off the GUI thread.

    Parameters
    ----------
    session : Session
        Read through its public signals and attributes only.
    files : RecoveryFiles
        Where to write.
    dataset_folder : callable
        Returns the IDX folder the current data came from, "" for the bundled digits.
    parent : QObject, optional
    """

    #: The first failed autosave of this window: the exception (OSError, or the engine's SandboxError).
    failed = Signal(object)
    #: An autosave landed: its path.
    saved = Signal(object)

    def __init__(self, session: Any, files: RecoveryFiles, dataset_folder: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.files = files
        self._dataset_folder = dataset_folder
        self._changed = False
        self._closed = False
        self._told_failure = False
        self._last_submit = -math.inf
        self._save_seconds = 0.0
        self._retire: Path | None = None
        self._first_epoch_of_run = False
        self._save_on_next_weights = False
        self.lane = BackgroundLane("autosave", self)
        self.lane.finished.connect(self._on_saved)
        self.lane.failed.connect(self._on_failed)
        self.lane.busyChanged.connect(self._on_busy)
        self.edit_timer = self._timer(EDIT_DELAY_MS, single=True)
        self.training_timer = self._timer(TRAINING_INTERVAL_MS)
        self.idle_timer = self._timer(IDLE_INTERVAL_MS)
        self.idle_timer.start()
        s = session
        for signal in (s.undo_stack.indexChanged, s.networkChanged, s.trainingChanged, s.datasetChanged,
                       s.modelChanged):
            signal.connect(self._on_edit)
        s.weightsChanged.connect(self._on_weights)
        s.epochEnded.connect(self._on_epoch)
        s.trainingEnded.connect(self._on_run_ended)
        s.stateChanged.connect(self._on_state)
        s.dirtyChanged.connect(self._on_dirty)

    def _timer(self, ms: int, single: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.timeout.connect(self.save_now)
        return timer

    @property
    def enabled(self) -> bool:
        """Crash copies can be written (the data folder works)."""
        return self.files.problem is None and not self._closed

    def wanted(self) -> bool:
        """There is work a crash would lose: unsaved changes, or a run (its weights change)."""
        return self.session.model is not None and (self.session.dirty or self.session.is_training())

    # ---- triggers -------------------------------------------------------------------------------------
    def _on_edit(self, *_: object) -> None:
        self._changed = True
        if not self.session.is_training():
            self.edit_timer.start()  # restarted by every edit: one save once the learner pauses

    @Slot()
    def _on_weights(self) -> None:
        self._changed = True
        if self._save_on_next_weights and self.session.is_training():
            self._save_on_next_weights = False
            self.save_now()

    @Slot(object)
    def _on_epoch(self, record: object) -> None:
        self._changed = True
        # The first epoch of a run (a crash soon after it keeps it), then no more often than the timer. The
        # session's weights come from the worker's periodic snapshots, which may predate the epoch's end:
        # the save waits for the next snapshot, so the weights are at least as trained as the epoch count says.
        gap = max(TRAINING_INTERVAL_MS / 1000, 5 * self._save_seconds)
        if getattr(record, "stopped", False) is False and (
                self._first_epoch_of_run or time.monotonic() - self._last_submit >= gap):
            self._first_epoch_of_run = False
            self._save_on_next_weights = True

    @Slot(object)
    def _on_run_ended(self, _result: object) -> None:
        self._changed = True
        self.save_now()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state == "idle":
            self.training_timer.stop()
            self._changed = True
            self.save_now()  # also a run ended by shutdown() or an error, which trainingEnded may not follow
        elif state == "paused":
            self.save_now()  # the learner may walk away from a paused run: keep what it has learned
        if state != "idle" and not self.training_timer.isActive():
            self._first_epoch_of_run = True
            self.edit_timer.stop()
            # a slow network to save stretches the interval, so autosaving never takes most of a core
            self.training_timer.setInterval(int(max(TRAINING_INTERVAL_MS, 5000 * self._save_seconds)))
            self.training_timer.start()

    @Slot(bool)
    def _on_dirty(self, dirty: bool) -> None:
        if not dirty and not self.session.is_training():
            # saved by the learner (or a fresh network): nothing is left for a crash to lose
            self.edit_timer.stop()
            self.lane.cancel()
            if not self.lane.busy:
                self._remove_own()

    # ---- writing --------------------------------------------------------------------------------------
    @Slot()
    def save_now(self) -> None:
        """Autosave now if there is work to lose and something changed since the last autosave.

        The model is copied and the settings gathered here, on the GUI thread (the live model's weights
        are overwritten in place while training); serialising and writing happen in the lane.
        """
        if self.sender() in (self.idle_timer, self.training_timer) and not self._changed:
            return  # a paused run or an idle window: the last crash copy is still current
        if not self.enabled or not self.wanted():
            return
        self.edit_timer.stop()
        self._changed = False
        self._last_submit = time.monotonic()
        s = self.session
        try:
            model = s.model.copy()
            settings = recovery_settings(s, self._dataset_folder())
            history = s.history_config()
        except (sb.SandboxError, ValueError):
            return
        self.lane.submit(write_autosave, self.files.autosave_path, model, settings, history)

    def retire_after_next_save(self, path: Path) -> None:
        """Delete the crash copy ``path`` once its work (just recovered) is safe in this window's autosave."""
        self._retire = path
        self._changed = True
        self.save_now()

    def shutdown(self) -> None:
        """Stop every timer and wait for a write in progress (the window is closing)."""
        self._closed = True
        for timer in (self.edit_timer, self.training_timer, self.idle_timer):
            timer.stop()
        self.lane.shutdown(timeout=30)

    @Slot(object, object)
    def _on_saved(self, path: object, job: object) -> None:
        self._save_seconds = getattr(job, "seconds", 0.0)
        if path is None:
            return
        if self._retire is not None:
            self.files.discard(self._retire)
            self._retire = None
        self.saved.emit(path)

    @Slot(object, object)
    def _on_failed(self, error: object, _job: object) -> None:
        if not self._told_failure:  # once: the learner needs to know, not to be nagged every few seconds
            self._told_failure = True
            self.failed.emit(error)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if not busy and not self.wanted() and not self._closed:
            self._remove_own()  # a write that was already under way when the work became saved

    def _remove_own(self) -> None:
        with contextlib.suppress(OSError):
            self.files.autosave_path.unlink(missing_ok=True)
