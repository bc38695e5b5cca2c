"""Train / Pause / Stop / Step buttons, a progress bar over the whole run and a one-line status.

The buttons' tooltips say why Train or Step cannot run yet (``Session.training_problem()``),
re-checked whenever the network or the training settings change. Progress records arrive many
times a second; the panel keeps only the last one and redraws the bar and the label from a 50 ms
timer, never once per record. The buttons are views of the shared training actions
(:class:`ui.actions.TrainingActions`): their enabled state is the action's, a click triggers the action, and
keyboard shortcuts belong to those actions; the buttons carry no ``&`` mnemonics of their own, which would
only clash with those shortcuts and the menus.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

import sandbox as sb

from ..actions import TrainingActions, bind_button
from ..diagnosis import finding_text
from ..engine_messages import friendly
from ..session import Session
from ..worker import TrainingResult
from .diagnosis import DiagnosisBox
from .explain import ExplanationBox

__all__ = ["TrainingControls"]

REFRESH_MS = 50


class TrainingControls(QWidget):
    """Buttons that start, pause, step and stop training, with the run's progress."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 actions: TrainingActions | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingControls")
        self.setAccessibleName(self.tr("Training controls"))
        self.session = session
        self._last_batch: sb.BatchProgress | None = None
        self._last_logs: dict[str, float] = {}
        self._initial_epoch = 0
        self._batches_done = 0
        self._dirty = False
        self._idle_text = ""  # what the last run ended with, shown until the network changes

        self.train_button = self._button("trainButton", self.tr("Train"), self.tr("Train"),
                                         self.tr("Train for the number of epochs set in the training settings."))
        self.pause_button = self._button("pauseButton", self.tr("Pause"), self.tr("Pause or resume"),
                                         self.tr("Pause after the current batch; press again to resume."))
        self.stop_button = self._button("stopButton", self.tr("Stop"), self.tr("Stop"),
                                        self.tr("Stop after the current batch; the weights learned so far are kept."))
        self.step_button = self._button("stepButton", self.tr("Step batch"), self.tr("Step one batch"),
                                        self.tr("Train exactly one batch, then pause, to watch a single step."))
        self.step_epoch_button = self._button("stepEpochButton", self.tr("Step epoch"), self.tr("Step one epoch"),
                                              self.tr("Train one pass over all training images, then pause."))
        self.reset_button = self._button("resetButton", self.tr("Reset weights"), self.tr("Reset weights"),
                                         self.tr("Start again from fresh random weights (from the seed)."))
        self._tooltips = {b: b.toolTip() for b in (self.train_button, self.step_button, self.step_epoch_button,
                                                    self.reset_button)}

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setAccessibleName(self.tr("Training progress"))
        self.progress_bar.setToolTip(self.tr("Share of all batches of this run that are done."))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("trainingStatusLabel")
        self.status_label.setAccessibleName(self.tr("Training status"))
        self.status_label.setWordWrap(True)

        self.explanation = ExplanationBox(
            "trainingExplanation",
            self.tr("Training repeats the loop: a batch goes forward, the loss scores it, backpropagation and the "
                    "optimizer update the weights."),
            self.tr("Press Step batch to train one batch and see what changed."), self, expanded=False)

        buttons = QGridLayout()
        buttons.addWidget(self.train_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.stop_button, 0, 2)
        buttons.addWidget(self.step_button, 1, 0)
        buttons.addWidget(self.step_epoch_button, 1, 1)
        buttons.addWidget(self.reset_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        self.diagnosis = DiagnosisBox(session, self)  # what is wrong and the one edit that fixes it
        layout.addWidget(self.diagnosis)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._redraw_progress)

        session.networkChanged.connect(self._on_network_changed)
        session.modelChanged.connect(self._on_network_changed)
        session.trainingChanged.connect(self._update_buttons)
        session.stateChanged.connect(self._update_buttons)
        session.runStarted.connect(self._on_run_started)
        session.batchesReceived.connect(self._on_batches)
        session.epochEnded.connect(self._on_epoch)
        session.trainingEnded.connect(self._on_training_ended)
        if session.is_training():  # rebuilt mid-run (the main window does so on a language change)
            self._timer.start()
        # The buttons are views of the shared actions (the main window's, which also feed its menus and
        # toolbar), or of actions of the panel's own when it is used alone: either way one enable rule each.
        self.actions = actions if actions is not None else TrainingActions.for_session(session, self)
        for command, button in (("train", self.train_button), ("pause", self.pause_button),
                                ("stop", self.stop_button), ("step_batch", self.step_button),
                                ("step_epoch", self.step_epoch_button), ("reset_weights", self.reset_button)):
            bind_button(button, self.actions[command])
        self.actions["reset_weights"].triggered.connect(self._on_reset_triggered)
        self._update_buttons()

    def _button(self, object_name: str, text: str, accessible: str, tooltip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(object_name)
        button.setAccessibleName(accessible)
        button.setToolTip(tooltip)
        return button

    # ---- public slots (also called by the main window's actions) -------------------------------------
    @Slot()
    def train(self) -> None:
        """Start a run of ``training.epochs`` epochs."""
        self.session.start_training()

    @Slot()
    def toggle_pause(self) -> None:
        """Pause a running run, or resume a paused one."""
        if self.session.state == "running":
            self.session.pause()
        elif self.session.state == "paused":
            self.session.resume()

    @Slot()
    def stop(self) -> None:
        """Stop after the current batch."""
        self.session.stop()

    @Slot()
    def step_batch(self) -> None:
        """Train one batch, then pause."""
        self.session.step_batch()

    @Slot()
    def step_epoch(self) -> None:
        """Train one epoch, then pause."""
        self.session.step_epoch()

    @Slot()
    def reset_weights(self) -> None:
        """Fresh random weights (refused while training)."""
        if self.session.reset_weights():
            self._on_reset_triggered()

    @Slot()
    def _on_reset_triggered(self) -> None:
        # runs after the action reset the weights (its own connection comes first)
        if not self.session.is_training():
            self._idle_text = self.tr("Weights reset: the network starts from scratch.")
            self._update_buttons()

    # ---- session → widgets -------------------------------------------------------------------------
    @Slot()
    def _on_network_changed(self) -> None:
        if not self.session.is_training():
            # A new network or fresh weights: the last run's result and progress no longer describe them.
            self._idle_text = ""
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        state = self.session.state
        training = self.session.is_training()
        problem = self.session.training_problem_cause()
        if isinstance(problem, sb.Finding):
            # the check's problem, shown in full with its fix just below: the status only points at it
            status = self.tr("Can't train yet: see the message below.")
            reason = self.tr("Can't train yet: {reason}").format(reason=finding_text(problem))
        else:
            reason = "" if problem is None else self.tr("Can't train yet: {reason}").format(reason=friendly(problem))
            status = reason
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        for button in (self.train_button, self.step_button, self.step_epoch_button):
            button.setToolTip(reason if problem is not None and not training else self._tooltips[button])
        self.reset_button.setToolTip(self._tooltips[self.reset_button] if not training
                                     else self.tr("Stop training before resetting the weights."))
        if not training:
            self.status_label.setText(status or self._idle_text or self.tr("Ready to train."))
        elif self._last_batch is not None:
            self._dirty = True
            self._redraw_progress()
        else:
            self.status_label.setText(self.tr("Paused") if state == "paused" else self.tr("Starting…"))

    @Slot(str)
    def _on_run_started(self, _label: str) -> None:
        self._initial_epoch = self.session.epochs_done
        self._last_batch = None
        self._last_logs = {}
        self._batches_done = 0
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._timer.start()

    @Slot(object)
    def _on_batches(self, records: list) -> None:
        self._last_batch = records[-1]
        self._dirty = True

    @Slot(object)
    def _on_epoch(self, record: sb.EpochProgress) -> None:
        self._last_logs = dict(record.logs)

    @Slot()
    def _redraw_progress(self) -> None:
        record = self._last_batch
        if not self._dirty or record is None:
            return
        self._dirty = False
        run_epochs = max(1, record.epochs - self._initial_epoch)
        total = run_epochs * record.steps
        done = (record.epoch - self._initial_epoch) * record.steps + record.step
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))
        if self.session.state == "paused":  # speed and time left mean nothing while nothing runs
            text = self.tr("Paused · epoch {epoch}/{epochs} · batch {step}/{steps}").format(
                epoch=record.epoch + 1, epochs=record.epochs, step=record.step, steps=record.steps)
        else:
            text = self.tr("Epoch {epoch}/{epochs} · batch {step}/{steps} · {rate:,.0f} samples/s · {eta} left").format(
                epoch=record.epoch + 1, epochs=record.epochs, step=record.step, steps=record.steps,
                rate=record.samples_per_sec, eta=self._format_duration(record.eta))
        self.status_label.setText(text)

    @Slot(object)
    def _on_training_ended(self, result: TrainingResult) -> None:
        self._timer.stop()
        self._redraw_progress()  # records that arrived since the last tick
        epochs = result.epochs_done - self._initial_epoch
        if result.reason == "finished":
            self.progress_bar.setValue(self.progress_bar.maximum())
            self._idle_text = self._done_text(epochs)
        elif result.reason == "stopped":
            self._idle_text = self.tr("Stopped. The weights learned so far are kept.")
        elif result.reason == "diverged":
            # no cause named here: the diagnosis below says which one, from the facts
            self._idle_text = self.tr("Stopped: the loss became infinite or NaN.")
        else:
            self._idle_text = self.tr("Training failed: {message}").format(
                message=friendly(result.error if result.error is not None else result.message))
        self._update_buttons()

    def _format_duration(self, seconds: float) -> str:
        """``12 s``, ``3 min 20 s`` or ``1 h 5 min``."""
        total = max(0, round(seconds))
        if total < 60:
            return self.tr("{s} s").format(s=total)
        minutes, secs = divmod(total, 60)
        if minutes < 60:
            return self.tr("{m} min {s} s").format(m=minutes, s=secs)
        hours, minutes = divmod(minutes, 60)
        return self.tr("{h} h {m} min").format(h=hours, m=minutes)

    def _done_text(self, epochs: int) -> str:
        logs = self._last_logs
        if "val_accuracy" in logs:
            detail = self.tr("validation accuracy {value:.1f}%").format(value=100 * logs["val_accuracy"])
        elif "accuracy" in logs:
            detail = self.tr("training accuracy {value:.1f}%").format(value=100 * logs["accuracy"])
        else:
            detail = self.tr("loss {value:.4g}").format(value=logs.get("loss", float("nan")))
        if epochs == 1:
            return self.tr("Done: 1 epoch, {detail}").format(detail=detail)
        return self.tr("Done: {n} epochs, {detail}").format(n=epochs, detail=detail)

