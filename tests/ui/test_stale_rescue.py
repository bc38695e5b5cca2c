"""A message about a run goes when its cause may be gone; a message about something else stays."""

from __future__ import annotations

import numpy as np

from ui.worker import TrainingResult


def _failed_run(window) -> None:
    """The session reports a run that stopped on an engine error."""
    flat = window.session.model.get_flat_weights()
    window.session.trainingEnded.emit(TrainingResult(reason="error", flat_weights=flat, optimizer_state={},
                                                     epochs_done=0, message="the run failed"))


def test_a_new_run_clears_the_old_runs_message_but_not_a_recovery_offer(qtbot, window, excepthook_fails):
    _failed_run(window)
    assert window.info_bar.isVisible() and "the run failed" in window.info_bar.label.text()
    window.session.runStarted.emit("Run 9")
    assert not window.info_bar.isVisible()
    window.info_bar.show_message("The sandbox closed unexpectedly last time.", "warning")
    window.session.runStarted.emit("Run 10")
    assert window.info_bar.isVisible()


def test_a_changed_network_clears_the_old_runs_message(qtbot, window, excepthook_fails):
    _failed_run(window)
    window.session.add_layer("Dense", after=len(window.session.network.layers) - 2, units=32)
    assert not window.info_bar.isVisible()


def test_restoring_weights_of_another_network_is_refused_quietly(qtbot, window, excepthook_fails):
    session = window.session
    other = np.zeros(session.model.count_params() + 7, np.float32)  # the weights of an earlier network
    lr = session.training.learning_rate
    assert not session.restore_weights(other)
    assert session.training.learning_rate == lr
