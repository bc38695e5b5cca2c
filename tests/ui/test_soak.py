"""Hours of use in a minute: many training runs, edits and undos, and the memory the app holds stays bounded.

A learner who trains, stops, edits and undoes for an afternoon must not watch the app grow until the
machine swaps. These stories check each store that grows with use against its stated bound, and one soak
measures the whole process.
"""

from __future__ import annotations

import gc
import os

import numpy as np
import pytest

from sandbox.runs import ModelSnapshot, RunRecord, drop_old_weights
from sandbox.spec import NetworkSpec, TrainingSpec
from ui import session as session_module
from ui.panels.loss_plot import MAX_POINTS, MAX_RUNS_SHOWN, LossPlotPanel
from ui.session import DataSet
from ui.worker import TrainingWorker


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; elsewhere the soak is not measured)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _quick_mlp(session, n: int = 200) -> None:
    d = session.dataset
    session.set_dataset(DataSet("small", d.x_train[:n], d.y_train[:n], d.x_test[:100], d.y_test[:100]))
    session.load_preset("mlp")
    session.update_training("epochs", 1)
    session.update_training("batch_size", 50)


def _train_once(qtbot, session) -> None:
    with qtbot.waitSignal(session.trainingEnded, timeout=30000):
        assert session.start_training()
    qtbot.waitUntil(lambda: session.state == "idle", timeout=10000)


def _settle(qtbot) -> float:
    qtbot.wait(50)  # deferred deletions and queued signals of the last run
    gc.collect()
    return _rss_mb()


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="measures memory through Linux's /proc")
def test_after_the_first_runs_forty_more_runs_with_edits_and_undos_add_almost_no_memory(qtbot, window):
    session = window.session
    _quick_mlp(session)

    def use(runs: int) -> None:
        for i in range(runs):
            _train_once(qtbot, session)
            if i % 3 == 0:
                session.update_training("learning_rate", 0.001 * (1 + i % 5))
            if i % 4 == 0:
                session.reset_weights()
            if i % 5 == 0:
                session.add_layer("Dropout", after=0)
                session.undo()

    use(35)  # past the 30 runs whose weights are kept for Reopen: every store is at its steady size
    before = _settle(qtbot)
    use(40)
    after = _settle(qtbot)
    # Before the fix each finished run kept its worker, its model copy and optimizer slots: 2.5 MB a run.
    assert after - before < 20, f"memory grew from {before:.0f} MB to {after:.0f} MB over 40 runs"
    alive = sum(isinstance(o, TrainingWorker) and o.job is not None for o in gc.get_objects())
    assert alive == 0, f"{alive} finished training workers still hold their job"
    assert window.findChild(LossPlotPanel).run_count() <= MAX_RUNS_SHOWN


def test_a_finished_run_lets_go_of_its_model_copy_and_data(qtbot, session):
    _quick_mlp(session)
    _train_once(qtbot, session)
    qtbot.wait(20)
    gc.collect()
    workers = [o for o in gc.get_objects() if isinstance(o, TrainingWorker)]
    assert all(w.job is None for w in workers)


def test_the_loss_plot_shows_the_newest_runs_and_thins_a_long_run(qtbot, session):
    panel = LossPlotPanel(session)
    qtbot.addWidget(panel)
    for n in range(MAX_RUNS_SHOWN + 5):
        session.runStarted.emit(f"run {n}")
    assert panel.run_count() == MAX_RUNS_SHOWN
    assert panel.legend_labels()[-1] == f"run {MAX_RUNS_SHOWN + 4}"

    run = panel._current_run()
    series = run.series["batch_loss"]
    x = np.arange(3 * MAX_POINTS, dtype=np.float64)
    for start in range(0, len(x), 1000):  # an hours-long run arrives a thousand batches at a time
        series.extend(x[start:start + 1000], np.ones(1000))
    xs, ys = series.arrays()
    assert len(xs) <= MAX_POINTS
    assert xs[-1] > 2.9 * MAX_POINTS and (ys == 1).all()  # the newest batches are there, the values intact
    assert np.all(np.diff(xs) > 0)


def test_runs_keep_weights_within_their_count_and_byte_bounds():
    net = NetworkSpec.from_preset("mlp")
    records = [RunRecord.start(i, f"run {i}", net, TrainingSpec(), 0) for i in range(10)]
    for r in records:
        r.end_state = ModelSnapshot(net, TrainingSpec(), np.zeros(1_000_000, np.float32), 1, {})  # 4 MB each
    dropped = drop_old_weights(records, keep=8, max_bytes=10 * 2**20)
    assert dropped == 8
    assert [r.end_state is not None for r in records] == [False] * 8 + [True, True]
    huge = records[-1]
    huge.end_state = ModelSnapshot(net, TrainingSpec(), np.zeros(5_000_000, np.float32), 1, {})  # 20 MB
    drop_old_weights(records, keep=8, max_bytes=10 * 2**20)
    assert records[-1].end_state is not None  # the newest run can always be reopened


def test_the_runs_table_and_undo_stack_are_bounded(qtbot, session, monkeypatch):
    _quick_mlp(session, n=100)
    monkeypatch.setattr(type(session), "RUNS_KEPT", 3)
    for _ in range(5):
        _train_once(qtbot, session)
    assert [r.number for r in session.runs] == [3, 4, 5]

    # Each network edit keeps the trained model it left; past the byte budget the oldest steps forget weights.
    monkeypatch.setattr(session_module, "UNDO_BYTES", 2 * 2**20)  # ~2 MLP models with Adam's slots
    for units in (32, 48, 64, 80, 96):
        _train_once(qtbot, session)
        assert session.edit_layer(1, units=units)
    assert session.undo_bytes() <= 2 * 2**20
    assert session.undo_stack.count() >= 5  # the steps themselves stay: undo still walks every edit
    for _ in range(5):
        session.undo()
    assert session.network == NetworkSpec.from_preset("mlp")
    assert session.model is not None and session.model.count_params() == session.network.count_params()
