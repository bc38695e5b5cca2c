"""Stories: a learner checks the network's health — histograms, dead units, and a warning after a bad learning rate."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt

import ui.panels.health as health_module
from sandbox.health import pick_probe, probe
from ui.panels.health import DRAWN_SNAPSHOTS, MAX_SNAPSHOTS, MAX_WAITING_PROBES, HealthPanel


def _shown_panel(qtbot, session) -> HealthPanel:
    panel = HealthPanel(session)
    qtbot.addWidget(panel)
    assert panel.snapshots == []  # a hidden panel does not spend time probing
    panel.resize(700, 700)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.snapshots) == 1)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)
    return panel


def _warning_texts(panel: HealthPanel) -> list[str]:
    return [panel.warnings.item(i).text() for i in range(panel.warnings.count())]


def test_the_pretrained_network_shows_each_layers_weights_and_looks_healthy(qtbot, session):
    before = session.model.get_flat_weights()
    panel = _shown_panel(qtbot, session)
    names = [layer.name for layer in session.model.layers if layer.params]
    assert [panel.layer_combo.itemText(i) for i in range(panel.layer_combo.count())] == names
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == names

    panel.layer_combo.setFocus()
    for name in names:  # walk through the layers with the keyboard
        assert panel.layer_combo.currentData() == name
        size = sum(w.size for w in session.model.get_layer(name).params.values())
        _, counts = panel.weight_curves[-1].getData()
        assert counts.sum() == size
        _, grads = panel.grad_curves[-1].getData()
        assert grads.sum() + panel.snapshots[-1].layer(name).grad_zeros == size
        assert panel.weight_caption.text().startswith(f"{size:,} weights of {name}")
        qtbot.keyClick(panel.layer_combo, Qt.Key.Key_Down)

    assert panel.findings == []
    assert _warning_texts(panel) == ["All looks healthy: no warnings."]
    assert panel.table.item(0, 4).text().endswith("of 8 (0%)")  # conv2d: 8 filters, all alive
    np.testing.assert_array_equal(session.model.get_flat_weights(), before)


def test_in_a_wide_short_bottom_dock_the_plots_sit_beside_the_warnings(qtbot, session):
    panel = _shown_panel(qtbot, session)
    assert not panel.is_side_by_side()  # 700×700: plots above, table and warnings below
    assert panel.weight_plot.geometry().bottom() < panel.warnings.geometry().top()
    panel.resize(1300, 280)
    qtbot.waitUntil(panel.is_side_by_side)
    qtbot.waitUntil(lambda: panel.grad_plot.geometry().right() < panel.table.geometry().left())
    assert panel.weight_plot.height() >= 140 and panel.warnings.isVisible()
    panel.resize(700, 700)
    qtbot.waitUntil(lambda: not panel.is_side_by_side())


def test_a_layer_whose_relus_never_fire_is_reported_with_its_share(qtbot, session):
    session.model.get_layer("conv2d").params["bias"][...] = -100.0  # every filter's output is below zero
    panel = _shown_panel(qtbot, session)
    assert panel.table.item(0, 4).text() == "8 of 8 (100%)"
    dead = [f for f in panel.findings if f.code == "dead_units"]
    assert dead[0].layer == "conv2d" and dead[0].numbers["share"] == 1.0
    first = _warning_texts(panel)[0]
    assert first.startswith("8 of 8 units in conv2d (100%) never fire")
    assert "leaky_relu" in first


def test_a_huge_learning_rate_is_flagged_and_resetting_the_weights_clears_it(qtbot, session):
    panel = _shown_panel(qtbot, session)
    session.update_training("learning_rate", 10.0)
    session.update_training("epochs", 1)
    with qtbot.waitSignal(session.trainingEnded, timeout=60000):
        assert session.start_training()
    assert not session.is_training()
    # before, at the epoch end and at the end of training; drawn over each other once the panel redraws
    qtbot.waitUntil(lambda: not panel.busy and len(panel.snapshots) >= 3) and any(s.epoch == 1 for s in panel.snapshots)
    qtbot.waitUntil(lambda: len(panel.weight_curves) == min(len(panel.snapshots), DRAWN_SNAPSHOTS))
    assert any(f.code == "loss_stuck_high" for f in panel.findings)
    text = next(t for t in _warning_texts(panel) if t.startswith("The loss is stuck at about"))
    assert "lower the learning rate" in text

    session.update_training("learning_rate", 1e-3)
    assert session.reset_weights()  # what the warning suggests: the old snapshots describe weights now gone
    qtbot.waitUntil(lambda: len(panel.snapshots) == 1 and panel.snapshots[0].step == 0)
    qtbot.waitUntil(lambda: _warning_texts(panel) == ["All looks healthy: no warnings."])


def test_a_network_the_loss_cannot_score_says_so_instead_of_crashing(qtbot, session):
    panel = _shown_panel(qtbot, session)
    last = len(session.network.layers) - 1
    assert session.edit_layer(last, units=5)  # five outputs, but the digits go up to 9
    qtbot.waitUntil(lambda: panel.summary_label.text().startswith("The network cannot be checked"))
    assert panel.snapshots == [] and panel.table.rowCount() == 0
    assert _warning_texts(panel) == ["Nothing to check yet."]
    session.undo()  # back to ten outputs, with the pretrained weights
    qtbot.waitUntil(lambda: len(panel.snapshots) == 1)
    qtbot.waitUntil(lambda: _warning_texts(panel) == ["All looks healthy: no warnings."])


def test_own_drawings_keep_the_series_but_other_data_starts_it_over(qtbot, session):
    panel = _shown_panel(qtbot, session)
    panel.probe_now()
    qtbot.waitUntil(lambda: len(panel.snapshots) == 2)
    session.set_user_digits(np.zeros((2, 28, 28), np.float32), np.array([1, 2]))
    assert len(panel.snapshots) == 2
    session.load_bundled_digits()  # a new dataset: a new probe batch, so earlier snapshots no longer compare
    qtbot.waitUntil(lambda: len(panel.snapshots) == 1)


def test_probes_run_off_the_gui_thread_on_a_copy_and_give_the_engines_numbers(qtbot, session, monkeypatch):
    threads, models = [], []

    def recording(model, *args, **kwargs):
        threads.append(threading.current_thread())
        models.append(model)
        return probe(model, *args, **kwargs)

    monkeypatch.setattr(health_module, "probe", recording)
    panel = _shown_panel(qtbot, session)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert all(m is not session.model for m in models)  # a copy: the session's weights change in place
    x, y, _, _ = session.training_arrays()
    expected = probe(session.model, *pick_probe(x, y), session.training.build_loss())
    got = panel.snapshots[-1]
    assert got.loss == expected.loss
    for mine, theirs in zip(got.layers, expected.layers, strict=True):
        np.testing.assert_array_equal(mine.weight_counts, theirs.weight_counts)
        assert mine.dead_units == theirs.dead_units


def test_the_series_and_the_waiting_probes_stay_bounded_however_many_probes(qtbot, session):
    panel = _shown_panel(qtbot, session)
    for _ in range(12):  # a burst: one probe runs, a few wait, the oldest waiting ones are dropped
        panel.probe_now()
        assert panel.waiting <= MAX_WAITING_PROBES
    qtbot.waitUntil(lambda: not panel.busy)
    for _ in range(MAX_SNAPSHOTS + 10):  # a long run: more probes than the series keeps
        panel.probe_now()
        qtbot.waitUntil(lambda: not panel.busy)
        assert len(panel.snapshots) <= MAX_SNAPSHOTS
    assert len(panel.snapshots) == MAX_SNAPSHOTS


def test_a_probe_of_weights_that_are_gone_never_joins_the_new_series(qtbot, session):
    panel = _shown_panel(qtbot, session)
    for _ in range(3):
        panel.probe_now()  # still running or waiting when the learner resets the weights
    assert session.reset_weights()
    qtbot.waitUntil(lambda: not panel.busy and len(panel.snapshots) == 1)
    assert panel.snapshots[0].step == 0 and panel.snapshots[0].epoch == 0
