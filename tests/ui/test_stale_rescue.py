"""A rescue offered for one network never acts on another: the banner goes when its cause may be gone."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from ui.worker import TrainingResult


@pytest.fixture
def excepthook_fails(monkeypatch):
    """Any exception that reaches Qt's event loop (a slot that raised) fails the test."""
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: seen.append(value))
    yield seen
    assert not seen, f"uncaught in a slot: {seen!r}"


def _diverge(window) -> np.ndarray:
    """The session reports a run that blew up, with the weights from before it did."""
    good = window.session.model.get_flat_weights()
    result = TrainingResult(reason="diverged", flat_weights=good * np.nan, optimizer_state={}, epochs_done=1,
                            last_good_weights=good)
    window.session.diverged.emit(result)
    return good


def test_after_the_network_changes_the_old_rescue_is_gone_and_cannot_raise(qtbot, window, excepthook_fails):
    session = window.session
    _diverge(window)
    bar = window.info_bar
    assert bar.isVisible() and bar.action_button.isVisible()
    rescue = bar._callbacks[0]

    session.add_layer("Dense", after=len(session.network.layers) - 2, units=32)  # the learner fixes the network
    assert not bar.isVisible()
    lr = session.training.learning_rate
    rescue()  # a stale button press (e.g. a click queued before the edit) does nothing, and raises nothing
    assert session.training.learning_rate == lr


def test_the_rescue_restores_the_last_good_weights_and_lowers_the_learning_rate(qtbot, window, excepthook_fails):
    session = window.session
    good = _diverge(window)
    session.model.set_flat_weights(good * 0)  # what the blown-up run left
    lr = session.training.learning_rate
    window.info_bar.action_button.click()
    assert np.array_equal(session.model.get_flat_weights(), good)
    assert session.training.learning_rate == pytest.approx(lr / 10)
    assert not window.info_bar.isVisible()


def test_a_new_run_clears_the_old_runs_message_but_not_a_recovery_offer(qtbot, window):
    _diverge(window)
    window.session.runStarted.emit("Run 9")
    assert not window.info_bar.isVisible()
    window.info_bar.show_message("The sandbox closed unexpectedly last time.", "warning")
    window.session.runStarted.emit("Run 10")
    assert window.info_bar.isVisible()
