"""The background lane: heavy work leaves the GUI thread, a newer request wins, results come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest

import sandbox as sb
from ui.background import BackgroundLane


@pytest.fixture
def lane(qtbot):
    lane = BackgroundLane("test")
    yield lane
    lane.shutdown()
    assert not lane.is_running()


def test_the_work_runs_in_another_thread_and_the_result_arrives_on_the_gui_thread(qtbot, lane):
    seen: dict[str, object] = {}

    def work(a: int, b: int, *, stop: sb.StopToken) -> int:
        seen["work thread"] = threading.current_thread()
        return a + b

    def on_finished(result: object, job: object) -> None:
        seen["result"] = result
        seen["delivered on"] = threading.current_thread()

    lane.finished.connect(on_finished)
    with qtbot.waitSignal(lane.finished, timeout=5000):
        lane.submit(work, 2, 3)
    assert seen["result"] == 5
    assert seen["work thread"] is not threading.main_thread()
    assert seen["delivered on"] is threading.main_thread()
    qtbot.waitUntil(lambda: not lane.busy)


def test_a_newer_request_cancels_the_older_one_and_only_the_newest_result_is_shown(qtbot, lane):
    started = threading.Event()
    results: list[object] = []
    cancelled_seen = threading.Event()

    def slow(*, stop: sb.StopToken) -> str:
        started.set()
        while not stop.stopped:  # a long evaluation checking its token between batches
            stop._event.wait(0.01)
        cancelled_seen.set()
        stop.raise_if_stopped()
        return "old"

    def quick(value: str, *, stop: sb.StopToken) -> str:
        return value

    lane.finished.connect(lambda result, job: results.append(result))
    first = lane.submit(slow)
    assert started.wait(5)
    lane.submit(quick, "superseded before it started")
    with qtbot.waitSignal(lane.finished, timeout=5000):
        lane.submit(quick, "newest")
    assert first.token.stopped and cancelled_seen.is_set()
    assert results == ["newest"]


def test_an_error_is_reported_but_a_cancellation_is_not(qtbot, lane):
    errors: list[BaseException] = []
    lane.failed.connect(lambda error, job: errors.append(error))

    def broken(*, stop: sb.StopToken) -> None:
        raise sb.ShapeError("expected 10 classes, got 64 outputs")

    with qtbot.waitSignal(lane.failed, timeout=5000):
        lane.submit(broken)
    assert isinstance(errors[0], sb.ShapeError)

    def gives_up(*, stop: sb.StopToken) -> None:
        stop.stop()
        stop.raise_if_stopped()

    lane.submit(gives_up)
    qtbot.waitUntil(lambda: not lane.busy, timeout=5000)
    assert len(errors) == 1


def test_busy_is_announced_while_work_runs(qtbot, lane):
    states: list[bool] = []
    lane.busyChanged.connect(states.append)
    release = threading.Event()

    def blocked(*, stop: sb.StopToken) -> int:
        release.wait(5)
        return 1

    lane.submit(blocked)
    assert lane.busy and states == [True]
    release.set()
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)


def test_shutdown_stops_a_long_computation_and_joins_its_thread(qtbot):
    lane = BackgroundLane("shutdown")
    started = threading.Event()

    def forever(*, stop: sb.StopToken) -> None:
        started.set()
        while True:
            stop.raise_if_stopped()
            stop._event.wait(0.01)

    lane.submit(forever)
    assert started.wait(5)
    lane.shutdown(timeout=5)
    assert not lane.is_running()
    late = lane.submit(forever)  # a closed lane starts nothing
    assert late.token.stopped and not lane.is_running()


def test_a_copy_of_the_model_is_independent_and_costs_no_initialisation():
    model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(3)], seed=1)
    model.build()
    model.set_flat_weights(model.get_flat_weights() + 1)
    clone = model.copy()
    assert (clone.get_flat_weights() == model.get_flat_weights()).all()
    model.set_flat_weights(model.get_flat_weights() * 0)
    assert (clone.get_flat_weights() != 0).any()
