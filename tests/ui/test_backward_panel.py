"""Stories: a learner follows one test digit through the backward pass and checks the gradient."""

from __future__ import annotations

import numpy as np
import pytest
from docking import box, in_dock
from PySide6.QtCore import QPoint, QRect, Qt

import ui.panels.backward as backward_module
from sandbox.inspect_backward import trace_example, verify
from ui.panels.backward import BackwardPanel


def _column(table, col: int) -> np.ndarray:
    return np.array([float(table.item(r, col).text()) for r in range(table.rowCount())])


def _pick_a_digit_it_can_learn_from(qtbot, panel):
    """Pretrained: some digits are so certain that Keras's clipping zeroes the gradient; skip those."""
    for _ in range(50):
        qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)
        trace = panel.trace
        if trace.probabilities[trace.label] < 0.999:
            return trace
    raise AssertionError("no uncertain test digit found")


def test_stepping_through_a_test_digit_shows_the_engines_numbers(qtbot, session):
    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 800)
    panel.show()
    before = session.model.get_flat_weights()
    panel.example_combo.setCurrentIndex(panel.example_combo.findData("test"))
    trace = _pick_a_digit_it_can_learn_from(qtbot, panel)
    last_dense = [layer.name for layer in session.model.layers if layer.params][-1]
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(last_dense))
    assert panel.step == 1 and "forward" in panel.step_label.text()
    assert panel.table.rowCount() == len(session.model.layers)

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 2: loss
    assert "loss" in panel.step_label.text()
    np.testing.assert_allclose(_column(panel.table, 1), trace.probabilities, atol=1e-4)
    assert _column(panel.table, 2).tolist() == trace.one_hot.tolist()

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 3: p − y
    assert "p − y" in panel.step_label.text()
    shown = _column(panel.table, 1)
    np.testing.assert_allclose(shown, trace.d_logits, rtol=1e-5, atol=1e-9)
    np.testing.assert_allclose(shown, trace.probabilities - trace.one_hot, rtol=1e-5, atol=1e-9)

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 4: backward to the chosen layer
    assert panel.table.item(panel.table.rowCount() - 1, 0).text() == last_dense
    assert not panel.image_label.pixmap().isNull()
    np.testing.assert_allclose(_column(panel.detail_table, 1), trace.grad(last_dense).d_weights["bias"],
                               rtol=1e-5, atol=1e-9)

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 5: the optimizer's step
    assert session.training.optimizer in panel.step_label.text()
    assert panel.table.rowCount() == 6  # five kernel entries and the bias

    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)  # runs off the GUI thread
    qtbot.waitUntil(lambda: panel.verify_table.isVisible() and not panel.busy, timeout=30000)
    errors = _column(panel.verify_table, 3)
    assert len(errors) == 10 and errors.max() < 1e-6
    assert "match" in panel.verify_label.text()
    np.testing.assert_array_equal(session.model.get_flat_weights(), before)

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # after the fifth step: back to the first
    assert panel.step == 1


def test_the_drawing_is_traced_with_the_digit_the_learner_meant(qtbot, session):
    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    panel.example_combo.setCurrentIndex(panel.example_combo.findData("drawing"))
    assert panel.trace is None and not panel.next_button.isEnabled()
    image = np.zeros((28, 28), np.float32)
    image[5:23, 13:15] = 1.0
    panel.set_drawing(image)
    panel.label_spin.setValue(1)
    assert panel.trace is not None and panel.trace.label == 1
    np.testing.assert_array_equal(panel.trace.x[..., 0], image)
    # Clearing the canvas sends None: the drawing is gone, so is its trace, and nothing raises.
    panel.set_drawing(None)
    assert panel.trace is None and not panel.next_button.isEnabled()


def test_in_the_wide_short_bottom_dock_the_steps_parts_stand_side_by_side(qtbot, session):
    panel = BackwardPanel(session)
    area = in_dock(qtbot, panel, 1400, 320)
    trace = _pick_a_digit_it_can_learn_from(qtbot, panel)
    last_dense = [layer.name for layer in session.model.layers if layer.params][-1]
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(last_dense))
    for _ in range(3):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # to step 4: backward
    np.testing.assert_allclose(_column(panel.detail_table, 1), trace.grad(last_dense).d_weights["bias"],
                               rtol=1e-5, atol=1e-9)

    # Example and text | the step's table | its pictures | the gradient check, all within the dock.
    qtbot.waitUntil(lambda: panel.height() <= area.viewport().height())  # the panel fits: no scrolling
    assert box(panel.table, panel).left() > box(panel.step_label, panel).right()
    assert box(panel.image_label, panel).left() > box(panel.table, panel).right()
    assert box(panel.verify_button, panel).left() > box(panel.detail_table, panel).right()
    room = QRect(QPoint(0, 0), area.viewport().size())
    for widget in (panel.step_label, panel.next_button, panel.table, panel.image_label, panel.verify_button):
        assert widget.isVisible() and room.contains(box(widget, panel)), widget.objectName()
    assert not area.verticalScrollBar().isVisible()

    # Back in a tall side dock: one column again, the same example at the same step, nothing recomputed.
    area.resize(450, 900)
    qtbot.waitUntil(lambda: box(panel.table, panel).top() > box(panel.step_label, panel).bottom())
    assert box(panel.image_label, panel).top() > box(panel.table, panel).bottom()
    assert panel.step == 4 and panel.trace is trace and panel.image_label.isVisible()


@pytest.mark.parametrize(("width", "height"), [(420, 800), (1400, 320)], ids=["side dock", "bottom dock"])
def test_next_stays_in_one_place_through_all_five_steps(qtbot, session, width, height):
    """Clicking Next five times must not mean chasing it: each step's text and table differ in size."""
    panel = BackwardPanel(session)
    area = in_dock(qtbot, panel, width, height)
    _pick_a_digit_it_can_learn_from(qtbot, panel)
    last_dense = [layer.name for layer in session.model.layers if layer.params][-1]
    panel.layer_combo.setCurrentIndex(panel.layer_combo.findData(last_dense))
    places, texts = [], set()
    for _ in range(6):  # steps 1 to 5, then back to 1
        qtbot.wait(20)  # let the layout settle after the step changed the text, the table and the pictures
        places.append(QRect(panel.next_button.mapTo(area.viewport(), QPoint(0, 0)), panel.next_button.size()))
        texts.add(panel.step_label.text())
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert len(texts) == 5  # five different steps were shown (texts of different lengths)
    assert places == [places[0]] * 6, places
    assert QRect(QPoint(0, 0), area.viewport().size()).contains(places[0])


def test_a_big_network_is_traced_and_verified_off_the_gui_thread_with_the_engines_numbers(qtbot, session,
                                                                                          monkeypatch):
    import threading

    threads = []

    def recording(function):
        def wrapper(*args, **kwargs):
            threads.append(threading.current_thread())
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(backward_module, "SYNC_TRACE_WEIGHTS", 0)  # the small CNN counts as big here
    monkeypatch.setattr(backward_module, "trace_example", recording(trace_example))
    monkeypatch.setattr(backward_module, "verify", recording(verify))
    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.trace is not None and not panel.busy)
    qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)
    assert panel.trace is None  # a new digit: its trace is on its way, the old one is not shown meanwhile
    qtbot.waitUntil(lambda: panel.trace is not None and not panel.busy)
    x, label = session.dataset.x_test[panel._test_index], int(session.dataset.y_test[panel._test_index])
    expected = trace_example(session.model, x, label, session.training.build_loss())
    np.testing.assert_array_equal(panel.trace.probabilities, expected.probabilities)
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.verify_table.isVisible() and not panel.busy, timeout=30000)
    rows = verify(session.model, x, label, panel.layer_combo.currentData(), key="kernel", n=10)
    np.testing.assert_allclose(_column(panel.verify_table, 3), [r[3] for r in rows], rtol=0.06)
    assert len(threads) >= 3 and all(t is not threading.main_thread() for t in threads)


def test_it_opens_on_the_hardest_test_digit_and_says_why(qtbot, session, monkeypatch):
    import threading

    from sandbox.inspect_backward import hardest_example

    threads = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return hardest_example(*args, **kwargs)

    monkeypatch.setattr(backward_module, "hardest_example", recording)
    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.trace is not None and not panel.busy and "hardest" in panel.reason)

    data, pool = session.dataset, backward_module.HARDEST_POOL
    index, loss = hardest_example(session.model, data.x_test[:pool], data.y_test[:pool], session.training.build_loss())
    assert panel.label_spin.value() == int(data.y_test[index])
    assert panel.trace.loss == pytest.approx(loss, rel=1e-4)
    assert panel.step == 1
    assert panel.step_label.text().startswith(f"The test image the network finds hardest (of the first {pool}): "
                                              f"loss {loss:.2g}.")
    assert threads and all(t is not threading.main_thread() for t in threads)

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 2: loss
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 3: p − y
    assert np.abs(_column(panel.table, 1)).max() > 0.1  # a digit with something to learn, not all zeros

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # 4: backward
    softmax_row = 0  # the last layer comes first going backward
    shown = float(panel.table.item(softmax_row, 2).text())
    p_minus_y = panel.trace.probabilities - panel.trace.one_hot
    assert shown == pytest.approx(float(np.linalg.norm(p_minus_y)), rel=1e-3)
    assert "‖p − y‖" in panel.step_label.text()


def test_a_digit_the_learner_picks_stays_when_the_search_finishes_later(qtbot, session):
    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)  # before the search has answered
    picked = panel.label_spin.value(), panel.trace.loss
    qtbot.waitUntil(lambda: not panel.busy)

    assert (panel.label_spin.value(), panel.trace.loss) == picked
    assert panel.step_label.text().startswith("A random test digit: loss")

    session.modelChanged.emit()  # e.g. a new network: still the learner's digit, no new search
    assert not panel.busy
    assert panel.step_label.text().startswith("A random test digit")


def test_a_smaller_data_set_while_searching_opens_on_its_own_hardest_digit(qtbot, session):
    from sandbox.inspect_backward import hardest_example
    from ui.session import DataSet

    panel = BackwardPanel(session)
    qtbot.addWidget(panel)
    d = session.dataset
    session.set_dataset(DataSet("small", d.x_train[:200], d.y_train[:200], d.x_test[:50], d.y_test[:50]))
    qtbot.waitUntil(lambda: not panel.busy and "hardest" in panel.reason)

    index, _loss = hardest_example(session.model, d.x_test[:50], d.y_test[:50], session.training.build_loss())
    assert panel.label_spin.value() == int(d.y_test[index])
    assert "(of the first 50)" in panel.step_label.text()
