"""The "Find the rule" mode, as a learner uses it: guess the rule, step, play, break it, add a point."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from sandbox.lessons import DEFAULT_LEARNING_RATES, OPTIMIZERS, RuleLearner, RuleProblem
from ui.modes.rule_lesson import RuleLessonMode, format_number, lr_from_position

RULE = "y = 2.00x + 8.00"


@pytest.fixture
def mode(qtbot):
    widget = RuleLessonMode()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def find(mode: RuleLessonMode, name: str) -> QWidget:
    widget = mode.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def plain(label) -> str:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def click(qtbot, mode: RuleLessonMode, name: str) -> None:
    button = find(mode, name)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, spin: QAbstractSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def choose(mode: RuleLessonMode, name: str) -> None:
    combo = find(mode, "ruleOptimizerCombo")
    combo.setCurrentIndex(combo.findData(name))


def step_until(mode: RuleLessonMode, done, max_steps: int = 2000) -> None:
    for _ in range(max_steps):
        if done():
            return
        mode.step()
    assert done()


def table_points(mode: RuleLessonMode) -> list[tuple[float, float]]:
    table = find(mode, "rulePointsTable")
    return [(table.item(r, 0).data(Qt.ItemDataRole.EditRole), table.item(r, 1).data(Qt.ItemDataRole.EditRole))
            for r in range(table.rowCount())]


def test_the_lesson_opens_with_the_chapters_pairs_and_the_guess_x_plus_9_is_wrong(mode):
    assert mode.objectName() == "ruleLessonMode" and mode.mode_title() == "Find the rule"
    assert table_points(mode) == [(1, 10), (2, 12), (3, 14)]
    assert (find(mode, "hypothesisWSpin").value(), find(mode, "hypothesisBSpin").value()) == (1.0, 9.0)
    loss_text = find(mode, "hypothesisLossLabel").text()
    assert "1.667" in loss_text  # (0² + 1² + 2²) / 3
    assert "2 → 11" in find(mode, "hypothesisCheckLabel").text()  # 2 → 12 proves the guess wrong
    assert "rules + data → answers" in plain(find(mode, "ruleIntroLabel"))
    assert "data + answers → rules" in plain(find(mode, "ruleIntroLabel"))
    assert all((mode.learner(n).w, mode.learner(n).b) == (0.0, 0.0) for n in OPTIMIZERS)


def test_typing_the_rule_2x_plus_8_as_the_guess_brings_its_loss_to_zero(qtbot, mode):
    type_into(qtbot, find(mode, "hypothesisWSpin"), "2")
    type_into(qtbot, find(mode, "hypothesisBSpin"), "8")
    assert find(mode, "hypothesisLossLabel").text().endswith(" 0.000")
    assert "fits every point" in find(mode, "hypothesisCheckLabel").text()
    assert RULE in plain(find(mode, "rulePlotLegend"))


def test_step_shows_the_numbers_of_the_engines_own_step(qtbot, mode):
    click(qtbot, mode, "ruleStepButton")
    expected = RuleLearner(RuleProblem.chapter_one(), "SGD", DEFAULT_LEARNING_RATES["SGD"]).step()
    text = plain(find(mode, "ruleStepLabel"))
    assert "SGD, step 1" in text
    for value in (*expected.predictions, *expected.errors, expected.loss, expected.grad_w, expected.grad_b):
        assert format_number(value) in text
    # "w ← w − lr·∂L/∂w" with the real numbers: 0 − 0.1 × (−50.667) = 5.067
    assert "= 0.000 − 0.100 × (−50.667) = 5.067" in text
    assert f"= 0.000 − 0.100 × ({format_number(expected.grad_b)}) = {format_number(expected.new_b)}" in text
    assert (mode.learner("SGD").w, mode.learner("SGD").b) == (expected.new_w, expected.new_b)

    click(qtbot, mode, "ruleStepButton")
    choose(mode, "Momentum")  # the same two steps, explained for momentum
    momentum = RuleLearner(RuleProblem.chapter_one(), "Momentum", DEFAULT_LEARNING_RATES["SGD"])
    momentum.step()
    second = momentum.step()
    text = plain(find(mode, "ruleStepLabel"))
    assert "Momentum, step 2" in text
    # Δw ← 0.9·Δw − lr·∂L/∂w, with the first step's Δw = 5.067 carried over
    assert second.previous_update_w > 0 and second.grad_w > 0
    assert (f"= 0.9 × {format_number(second.previous_update_w)} − 0.100 × {format_number(second.grad_w)}"
            f"\n   = {format_number(second.update_w)}") in text
    assert f"w ← 5.067 + {format_number(second.update_w)} = {format_number(second.new_w)}" in text

    choose(mode, "Adam")
    text = plain(find(mode, "ruleStepLabel"))
    assert "Adam scales the step by its running averages" in text
    assert "Plain SGD would have moved w by" in text


def test_each_optimizer_finds_y_2x_plus_8_at_its_suggested_rate(qtbot, mode):
    for name in OPTIMIZERS:
        choose(mode, name)
        click(qtbot, mode, "ruleSuggestedRateButton")
        assert mode.learning_rate() == DEFAULT_LEARNING_RATES[name]
        assert mode.learner(name).steps == 0  # a new rate starts the race again
        step_until(mode, lambda n=name: mode.learner(n).converged())
        assert find(mode, "ruleResultLabel").text() == RULE
        assert "converged" in plain(find(mode, "ruleStepLabel"))


def test_play_finds_the_rule_by_itself_and_pauses_when_every_optimizer_is_done(qtbot, mode):
    choose(mode, "Adam")
    click(qtbot, mode, "ruleSuggestedRateButton")  # 0.5: Adam converges, SGD and Momentum diverge, RMSprop bounces
    play = find(mode, "rulePlayButton")
    click(qtbot, mode, "rulePlayButton")
    assert play.isChecked() and play.text() == "Pause"
    qtbot.waitUntil(lambda: not play.isChecked(), timeout=20000)
    assert find(mode, "ruleResultLabel").text() == RULE
    assert mode.is_finished() and not find(mode, "ruleStepButton").isEnabled()
    race = plain(find(mode, "ruleRaceLabel"))
    assert "converged, diverged or got stuck" in race
    assert "SGD: diverged at step" in race and "RMSprop: stuck bouncing around" in race
    choose(mode, "RMSprop")
    assert "RMSprop is stuck" in plain(find(mode, "ruleStepLabel"))


def test_a_too_large_learning_rate_diverges_and_its_path_flies_off_the_map(qtbot, mode):
    type_into(qtbot, find(mode, "ruleLearningRateSpin"), "0.5")
    assert mode.learning_rate() == 0.5
    assert find(mode, "ruleLearningRateSlider").value() == round(100 * -0.30103)  # log10(0.5) × 100
    for _ in range(20):
        mode.step()
    assert mode.learner("SGD").diverged()
    assert "diverged" in plain(find(mode, "ruleStepLabel"))
    assert "diverged" in find(mode, "ruleResultLabel").text()
    assert "SGD: diverged at step" in plain(find(mode, "ruleRaceLabel"))
    (w_lo, w_hi), (b_lo, b_hi) = mode.contour_plot.getPlotItem().viewRange()
    path = next(item for item in mode.contour_plot.getPlotItem().listDataItems()
                if item.opts["pen"].color().name().lower() == "#0072b2")
    ws, bs = path.getData()
    assert ws.max() > w_hi or ws.min() < w_lo or bs.max() > b_hi or bs.min() < b_lo


def test_adding_4_to_16_keeps_the_rule_and_4_to_20_changes_it(qtbot, mode):
    click(qtbot, mode, "addPointButton")
    assert table_points(mode)[-1] == (4, 16)  # the next x, answered by the best rule so far
    step_until(mode, lambda: mode.learner("SGD").converged())
    assert find(mode, "ruleResultLabel").text() == RULE

    table = find(mode, "rulePointsTable")
    table.item(3, 1).setData(Qt.ItemDataRole.EditRole, 20.0)  # as the cell editor does
    assert mode.learner("SGD").steps == 0
    assert "2 → 11" in find(mode, "hypothesisCheckLabel").text()
    choose(mode, "Momentum")
    click(qtbot, mode, "ruleSuggestedRateButton")
    step_until(mode, lambda: mode.learner("Momentum").converged())
    assert find(mode, "ruleResultLabel").text() == "y = 3.20x + 6.00"  # least squares through 10, 12, 14, 20


def test_clicking_on_the_plot_adds_a_point_there(qtbot, mode):
    plot = find(mode, "rulePlot")
    view = plot.getPlotItem().getViewBox()
    scene_point = view.mapViewToScene(QPointF(2.5, 13.0))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_point))
    qtbot.waitUntil(lambda: len(table_points(mode)) == 4)
    x, y = table_points(mode)[-1]
    assert x == pytest.approx(2.5, abs=0.11) and y == pytest.approx(13.0, abs=0.11)


def test_remove_point_removes_the_selected_row_but_never_the_last_one(qtbot, mode):
    table = find(mode, "rulePointsTable")
    table.setCurrentCell(1, 0)
    click(qtbot, mode, "removePointButton")
    assert table_points(mode) == [(1, 10), (3, 14)]
    click(qtbot, mode, "removePointButton")
    assert len(table_points(mode)) == 1
    assert not find(mode, "removePointButton").isEnabled()
    assert "many rules fit" in find(mode, "rulePointsHint").text()  # one point cannot pin a line down


def test_reset_goes_back_to_w_0_b_0(qtbot, mode):
    for _ in range(5):
        click(qtbot, mode, "ruleStepButton")
    assert mode.learner("Adam").w != 0.0
    click(qtbot, mode, "ruleResetButton")
    for name in OPTIMIZERS:
        learner = mode.learner(name)
        assert (learner.w, learner.b, learner.steps) == (0.0, 0.0, 0)
    assert "Press Step" in plain(find(mode, "ruleStepLabel"))
    assert "Step 0" in plain(find(mode, "ruleRaceLabel"))


def test_the_slider_sets_the_rate_on_a_log_scale_and_restarts_the_race(qtbot, mode):
    mode.step()
    slider = find(mode, "ruleLearningRateSlider")
    slider.setFocus()
    slider.setValue(-200)
    assert mode.learning_rate() == lr_from_position(-200) == 0.01
    assert all(mode.learner(n).steps == 0 and mode.learner(n).learning_rate == 0.01 for n in OPTIMIZERS)
    assert "start again" in plain(find(mode, "ruleRaceLabel"))


def test_every_control_has_a_name_a_tooltip_and_no_timer_outlives_shutdown(qtbot, mode):
    names = ["rulePointsTable", "addPointButton", "removePointButton", "hypothesisWSpin", "hypothesisBSpin",
             "rulePlot", "ruleContourPlot", "ruleOptimizerCombo", "ruleLearningRateSpin", "ruleLearningRateSlider",
             "ruleSuggestedRateButton", "ruleStepButton", "rulePlayButton", "ruleResetButton"]
    for name in names:
        widget = find(mode, name)
        assert widget.accessibleName() and widget.toolTip(), name
    for name in ("hypothesisLossLabel", "ruleStepLabel", "ruleResultLabel"):
        assert find(mode, name).accessibleName()
    click(qtbot, mode, "rulePlayButton")
    mode.shutdown()
    assert not mode._timer.isActive()


def test_format_number_writes_real_minus_signs_and_exponents_for_huge_values():
    assert format_number(-26.6666) == "−26.667"
    assert format_number(-0.0001) == "0.000"
    assert format_number(123456.0) == "1.235e+05"
    assert format_number(float("inf")) == "∞" and format_number(float("nan")) == "NaN"


def test_a_rebuilt_mode_keeps_the_lesson_where_it_is(qtbot, mode):
    mode.add_point(4.0, 20.0)
    find(mode, "hypothesisWSpin").setValue(2.0)
    for _ in range(3):
        mode.step()
    # what the main window does after a language switch: a new mode on the old one's view state
    again = RuleLessonMode(view=mode.view)
    qtbot.addWidget(again)
    assert again.learner("SGD") is mode.learner("SGD") and again.learner("SGD").steps == 3
    assert "SGD, step 3" in plain(find(again, "ruleStepLabel"))
    assert again.hypothesis() == (2.0, 9.0) and len(again.problem) == 4
    assert find(again, "rulePointsTable").rowCount() == 4
    assert find(again, "rulePlayButton").text() == "Play"
    mode.shutdown()
    again.shutdown()
