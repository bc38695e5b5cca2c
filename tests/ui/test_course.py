"""The course "Chapter 1, hands on": a learner goes through the steps with the app's own widgets, and a step turns
done only when its task is really met (never from a button that marks it)."""

from __future__ import annotations

import importlib.util
import itertools
import re
import string
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from ui.course import CHECKS, Course, CourseText, Event

ROOT = Path(__file__).resolve().parents[2]


def _wording():
    """The Korean wording rules of tests/ui/test_korean_wording.py (one glossary, one set of particle rules)."""
    spec = importlib.util.spec_from_file_location("korean_wording", ROOT / "tests" / "ui" / "test_korean_wording.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("korean_wording", module)  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _pairs(text: CourseText) -> list[tuple[str, str]]:
    """Every (English, Korean) pair of the course file."""
    pairs = [(text.title["en"], text.title["ko"]), (text.intro["en"], text.intro["ko"])]
    for step in text.steps:
        pairs += [(w["en"], w["ko"]) for w in (*step.texts.values(), *step.feedback.values())]
    return pairs


@pytest.fixture
def fresh_course():
    """No course progress before or after the test."""
    for key in ("course/progress", "course/selected", "course/open"):
        QSettings().remove(key)
    yield
    for key in ("course/progress", "course/selected", "course/open"):
        QSettings().remove(key)


@pytest.fixture
def no_drawings():
    """The (test-mode) user data folder without the learner's drawings, before and after the test."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    for file in folder.glob("my_digits*.npz"):
        file.unlink()
    yield
    for file in folder.glob("my_digits*.npz"):
        file.unlink()


# ---- the course file -----------------------------------------------------------------------------------
def test_the_course_has_eleven_steps_complete_in_english_and_korean_with_the_same_placeholders():
    text = CourseText()
    assert [s.id for s in text.steps] == list(CHECKS)
    assert len(text.steps) == 11
    formatter = string.Formatter()
    for en, ko in _pairs(text):
        holes_en = {name for _, name, _, _ in formatter.parse(en) if name}
        holes_ko = {name for _, name, _, _ in formatter.parse(ko) if name}
        assert holes_en == holes_ko, (en, ko)
    for step in text.steps:
        assert step.mode in ("rule", "digits") and step.controls
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", step.text("text", "en"))) <= 5, step.id  # 2–5 sentences


def test_the_korean_course_follows_the_books_glossary_and_particle_rules():
    rules = _wording()
    terms = rules.glossary()
    for en, ko in _pairs(CourseText()):
        english = rules.words(en)
        for term in terms:
            if term.required and term.pattern.search(english):
                assert term.korean in ko, f"{term.english} → {term.korean} missing in: {ko}"
            if term.avoid and term.avoid.search(ko) and not (term.avoid_unless and term.avoid_unless.search(english)):
                raise AssertionError(f"{term.english}: avoid {term.avoid.pattern} in: {ko}")
        assert not rules.PARTICLE_PLACEHOLDERS.search(ko), ko
        assert not rules.PARTICLE_AFTER_HOLE.search(ko), ko
        assert not rules.SUBSCRIPTS.search(ko) and not rules.SUPERSCRIPTS.search(ko), ko


def test_every_outcome_a_check_can_give_has_its_words_and_no_word_is_unused(fresh_course):
    course = Course(lambda: "ko")
    for step in course.steps:
        assert set(course.checks[step.id].keys) == set(step.feedback), step.id


# ---- the checks alone: what does and does not count -----------------------------------------------------
def test_the_checks_count_only_what_meets_the_task(fresh_course):
    course = Course(lambda: "en")
    # 4: a rate far below the divergence is not yet the edge
    race = {"points": ((1.0, 10.0),), "played": True}
    sgd = {"w": 0.0, "b": 0.0, "steps": 50, "rule": ""}
    course.observe(Event("race", {**race, "lr": 0.5, "learners": {"SGD": {**sgd, "state": "diverged"}}}))
    course.observe(Event("race", {**race, "lr": 0.1, "learners": {"SGD": {**sgd, "state": "converged"}}}))
    assert course.state("rate") == "started"
    course.observe(Event("race", {**race, "lr": 0.45, "learners": {"SGD": {**sgd, "state": "converged"}}}))
    assert course.state("rate") == "done"
    assert "0.5" in course.feedback("rate") and "0.45" in course.feedback("rate")
    # 10: a preset, or a network below 95 %, does not count; one's own network at 95 % does
    evaluated = {"count": 1000, "layers": "Dense 64 → Dense 10", "trained_here": True}
    course.observe(Event("evaluated", {**evaluated, "accuracy": 0.98, "preset": "small-cnn"}))
    assert course.state("build") == "started"
    course.observe(Event("evaluated", {**evaluated, "accuracy": 0.93, "preset": None}))
    assert course.state("build") == "started" and "93.0 %" in course.feedback("build")
    course.observe(Event("evaluated", {**evaluated, "accuracy": 0.96, "preset": None, "trained_here": False}))
    assert course.state("build") == "started"
    course.observe(Event("evaluated", {**evaluated, "accuracy": 0.955, "preset": None}))
    assert course.state("build") == "done" and "95.5 %" in course.feedback("build")
    # 8: an SGD and an Adam run of different networks are no comparison
    run = {"epochs": 1, "accuracy": 0.9, "ticked": True}
    course.observe(Event("runs", {"runs_shown": True, "runs": [{**run, "number": 1, "network": "a", "optimizer": "SGD"},
                                                                {**run, "number": 2, "network": "b",
                                                                 "optimizer": "Adam"}]}))
    assert course.state("optimizer") == "new"
    # 11: recognising 7 of 10 drawings is not yet enough
    course.observe(Event("my_digits_recognised", {"count": 10, "right": 7}))
    assert course.state("mydigits") == "started"


# ---- the learner's story -------------------------------------------------------------------------------
def test_the_course_is_open_at_first_launch_and_help_getting_started_brings_it_back(fresh_course, window, qtbot):
    assert window.course_dock.isVisible()
    assert window.course_panel.step_list.count() == 11
    assert window.course_panel.progress_label.text() == "0 of 11 steps done"
    assert window.course_dock.close_button is not None
    qtbot.mouseClick(window.course_dock.close_button, Qt.MouseButton.LeftButton)
    assert not window.course_dock.isVisible() and not window.course.open
    window.set_mode("rule")
    assert not window.course_dock.isVisible()  # closed stays closed in every mode
    window.act_getting_started.trigger()
    assert window.course_dock.isVisible() and window.course.open
    window.set_mode("digits")
    assert window.course_dock.isVisible()


def test_steps_1_to_4_in_the_rule_lesson_turn_done_only_when_their_tasks_are_met(fresh_course, window, qtbot):
    course, panel = window.course, window.course_panel
    # 1. Show me takes the learner to the lesson and frames w and b
    panel.select_step("rule")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.mode == "rule"
    rule = window.mode_widgets["rule"]
    assert window.highlight.is_active() and rule.w_spin in window.highlight.targets
    assert rule.w_spin.hasFocus()
    rule.w_spin.setValue(2.0)
    rule.b_spin.setValue(7.0)
    assert course.state("rule") == "started"
    assert panel.feedback_label.text() == "Your rule y = 2.00x + 7.00 has loss 1 on the three points: not yet."
    rule.b_spin.setValue(8.0)
    assert course.state("rule") == "done"
    assert panel.feedback_label.text() == "Done. Your rule y = 2.00x + 8.00 has loss 0 on all three points."
    assert panel.step_list.item(0).text().startswith("✓")

    # 2. Add point gives 4 → 16; the rule still holds. Then the answer becomes 20.
    panel.select_step("hypothesis")
    qtbot.mouseClick(rule.add_button, Qt.MouseButton.LeftButton)
    assert course.state("hypothesis") == "started"
    assert "With 4 → 16 your rule y = 2.00x + 8.00 has loss 0." in course.feedback("hypothesis")
    rule.points_table.item(3, 1).setData(Qt.ItemDataRole.EditRole, 20.0)
    assert course.state("hypothesis") == "done"
    assert "no straight line fits all four points" in panel.feedback_label.text()

    # 3. Play on 4 → 20 finds another rule, not the chapter's: only back on the chapter's points does it count
    panel.select_step("play")
    qtbot.mouseClick(rule.remove_button, Qt.MouseButton.LeftButton)
    assert len(rule.problem) == 3
    for _ in range(5):
        qtbot.mouseClick(rule.step_button, Qt.MouseButton.LeftButton)
    assert course.state("play") == "new"  # stepping is not Play
    qtbot.mouseClick(rule.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: course.state("play") == "done", timeout=30000)
    assert "SGD found y = 2.00x + 8.00 in" in course.feedback("play")

    # 4. Diverge, then converge far below: not yet; then bracket the edge within 25 %
    panel.select_step("rate")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert rule.lr_slider in window.highlight.targets

    def race(rate: float, state: str) -> None:
        if rule.play_button.isChecked():  # still playing from the step before: pause first
            qtbot.mouseClick(rule.play_button, Qt.MouseButton.LeftButton)
        rule.lr_spin.setValue(rate)
        qtbot.mouseClick(rule.play_button, Qt.MouseButton.LeftButton)
        sgd = rule.learner("SGD")
        qtbot.waitUntil(lambda: sgd.converged() or sgd.diverged(), timeout=30000)
        assert ("converged" if sgd.converged() else "diverged") == state

    race(0.5, "diverged")  # with step 3's convergence at 0.1: the edge is bracketed, but far too loosely
    assert course.state("rate") == "started"
    assert course.feedback("rate") == ("SGD converged at 0.1 and diverged at 0.5: the edge is somewhere between. "
                                       "Narrow it down.")
    race(0.17, "converged")
    race(0.19, "diverged")
    assert course.state("rate") == "done"
    assert panel.feedback_label.text() == ("Done. SGD diverged at learning rate 0.19 and converged at 0.17: the edge "
                                           "lies between them.")
    assert panel.progress_label.text() == "4 of 11 steps done"

    # the progress outlives the window (QSettings) and reads in Korean; Reset progress starts over
    again = Course(lambda: "ko")
    assert [again.state(s) for s in ("rule", "hypothesis", "play", "rate", "layers")] == ["done"] * 4 + ["new"]
    assert again.feedback("rule") == "규칙 y = 2.00x + 8.00의 손실이 세 점 모두에서 0이에요."
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert course.done_count() == 0 and panel.progress_label.text() == "0 of 11 steps done"
    assert not panel.feedback_label.isVisible()


def _draw_seven(canvas) -> None:
    def at(x: float, y: float) -> QPoint:
        return QPoint(round(x * canvas.width()), round(y * canvas.height()))

    points = [(0.3, 0.22), (0.7, 0.22), (0.45, 0.8)]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[0]))
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        for t in np.linspace(0, 1, 10)[1:]:
            QTest.mouseMove(canvas, at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[-1]))


def test_steps_5_6_7_and_9_in_the_digits_panels(fresh_course, window, qtbot):
    course, panel = window.course, window.course_panel
    # 5. Follow a drawing through every layer of Inside the network (with the keyboard: Tab to a picture, →)
    panel.select_step("layers")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.docks["insideDock"].isVisible()
    inside = window.layers_view_panel
    layers = len(window.session.model.layers)
    QTest.keyClick(inside.layer_map(0), Qt.Key.Key_Right)  # a test digit on show: following it does not count
    assert course.state("layers") == "new"
    _draw_seven(window.canvas_panel.canvas)
    qtbot.waitUntil(lambda: inside.shows_drawing)
    qtbot.waitUntil(lambda: len(inside.row_texts()) == layers + 1)
    for index in range(layers - 1):
        QTest.keyClick(inside.layer_map(index), Qt.Key.Key_Right)
    assert course.state("layers") == "started"
    assert course.feedback("layers") == f"Layers followed so far: {layers - 1} of {layers}."
    QTest.keyClick(inside.layer_map(layers - 1), Qt.Key.Key_Right)
    assert course.state("layers") == "done"
    assert f"all {layers} layers; the last one reads it as" in course.feedback("layers")

    # 6. Select output unit 1 (→ then Space on the output picture) and switch it off
    panel.select_step("weights")
    output = inside.layer_map(layers - 1)
    QTest.keyClick(output, Qt.Key.Key_Space)
    assert inside.selected_unit is not None
    qtbot.mouseClick(inside.switch_off_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: course.state("weights") == "done", timeout=30000)
    before, after = inside.accuracy
    assert after < before
    assert f"from {100 * before:.1f} % to {100 * after:.1f} %" in course.feedback("weights")
    qtbot.mouseClick(inside.reset_button, Qt.MouseButton.LeftButton)

    # 7. Walking a batch without Reset weights first does not count; after Reset weights → Step → 4 stages it does
    panel.select_step("loop")
    loop, controls = window.loop_panel, window.controls_panel
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert window.docks["loopDock"].isVisible()
    assert [w.objectName() for w in window.highlight.targets] == ["resetButton", "stepButton", "loopWalkButton"]
    step_button = controls.findChild(type(loop.walk_button), "stepButton")
    qtbot.mouseClick(step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(loop.can_walk, timeout=30000)
    qtbot.mouseClick(loop.walk_button, Qt.MouseButton.LeftButton)
    assert course.state("loop") == "started" and "press Reset weights first" in course.feedback("loop")
    window.act_stop.trigger()
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=30000)
    reset_button = controls.findChild(type(loop.walk_button), "resetButton")
    qtbot.mouseClick(reset_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(loop.can_walk, timeout=30000)
    for stage in range(1, 5):
        qtbot.mouseClick(loop.walk_button, Qt.MouseButton.LeftButton)
        assert loop.current_stage() == stage
        assert (course.state("loop") == "done") == (stage == 4)
    numbers = loop.shown_numbers()
    assert f"One batch of {numbers['batch_size']} images from fresh weights" in course.feedback("loop")
    window.act_stop.trigger()
    qtbot.waitUntil(lambda: window.session.state == "idle", timeout=30000)

    # 9. Verify in the Backward pass
    panel.select_step("backprop")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    backward = window.backward_panel
    assert backward.verify_button in window.highlight.targets
    qtbot.waitUntil(lambda: not backward.busy, timeout=30000)
    qtbot.mouseClick(backward.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: course.state("backprop") == "done", timeout=30000)
    assert "backpropagation and nudging agree" in course.feedback("backprop")
    assert course.done_count() == 4


def test_steps_8_and_11_train_sgd_and_adam_then_with_ten_own_drawings(fresh_course, no_drawings, window, qtbot):
    course, panel, s = window.course, window.course_panel, window.session
    settings = window.settings_panel
    settings.findChild(QSpinBox, "epochsSpin").setValue(1)
    # 11 first: ten drawings (test digits shown on the canvas, labelled with their true digit) …
    canvas = window.canvas_panel
    for _ in range(10):
        qtbot.mouseClick(canvas.test_digit_button, Qt.MouseButton.LeftButton)
        label = int(canvas.status_label.text()[-1])  # "A test digit: 7"
        qtbot.waitUntil(canvas.add_button.isEnabled)  # once the network has seen it
        canvas.label_spin.setValue(label)
        qtbot.mouseClick(canvas.add_button, Qt.MouseButton.LeftButton)
    assert course.state("mydigits") == "started" and course.feedback("mydigits") == (
        "You have 10 drawings: now train again with them.")
    # 8: … then the same network with SGD and with Adam, one epoch each
    panel.select_step("optimizer")
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    combo = settings.optimizer_combo
    assert combo in window.highlight.targets
    for optimizer in ("SGD", "Adam"):
        combo.setCurrentIndex(combo.findData(optimizer))
        combo.activated.emit(combo.currentIndex())
        qtbot.waitUntil(lambda o=optimizer: s.training.optimizer == o)
        window.act_train.trigger()
        qtbot.waitUntil(lambda: s.state == "idle" and not s.is_training(), timeout=120000)
    qtbot.waitUntil(lambda: course.state("mydigits") == "done", timeout=30000)
    assert course.feedback("mydigits").startswith("After training with your 10 drawings, the network recognises")
    assert course.state("optimizer") == "started"  # the runs exist, but Runs was not looked at
    window.raise_dock("runsDock")
    qtbot.waitUntil(lambda: course.state("optimizer") == "done", timeout=10000)
    assert re.match(r"Same network: run \d+ with SGD reached [\d.]+ % accuracy, run \d+ with Adam [\d.]+ %\.",
                    course.feedback("optimizer"))
    for _ in range(10):
        qtbot.mouseClick(canvas.remove_button, Qt.MouseButton.LeftButton)


def test_the_feedback_follows_a_language_switch(fresh_course, window, qtbot):
    window.set_mode("rule")
    rule = window.mode_widgets["rule"]
    rule.w_spin.setValue(2.0)
    rule.b_spin.setValue(8.0)
    window.set_language("ko")
    try:
        # the course panel is rebuilt in the new language, like every panel; the course itself stays
        qtbot.waitUntil(lambda: window.course_panel.title_label.text() == "1. 데이터와 정답에서 규칙으로")
        panel = window.course_panel
        assert panel.show_button.text() == "보여 주기"
        assert "규칙 y = 2.00x + 8.00의 손실이 세 점 모두에서 0이에요." in panel.feedback_label.text()
        rule = window.mode_widgets["rule"]  # the lesson is rebuilt in the new language
        rule.b_spin.setValue(9.0)  # the rebuilt panels and lesson still reach the course
        panel.select_step("hypothesis")
        qtbot.mouseClick(rule.add_button, Qt.MouseButton.LeftButton)
        assert window.course.state("hypothesis") == "started"
        assert "4 → 16일 때" in panel.feedback_label.text()
    finally:
        window.set_language("en")


def test_view_larger_text_scales_every_font_and_is_remembered(window, qtbot):
    from PySide6.QtWidgets import QApplication

    base = QApplication.font().pointSizeF()
    try:
        window.act_larger_text.trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(base * 1.15, abs=0.02)
        label = window.course_panel.text_label
        qtbot.waitUntil(lambda: abs(label.font().pointSizeF() - base * 1.15) < 0.02)
        assert float(QSettings().value("ui/text_scale")) == pytest.approx(1.15)
        window.act_smaller_text.trigger()
        window.act_smaller_text.trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(base * 0.85, abs=0.02)
        assert not window.act_smaller_text.isEnabled()
        assert "Ctrl+=" in [k.toString() for k in window.act_larger_text.shortcuts()]
        assert window.act_normal_text.shortcut().toString() == "Ctrl+0"
    finally:
        window.set_text_scale(1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_show_me_of_every_step_finds_every_control_it_names(fresh_course, window, qtbot, language):
    if language != "en":
        window.set_language(language)
    try:
        for step in window.course.steps:
            window.course_panel.select_step(step.id)
            qtbot.mouseClick(window.course_panel.show_button, Qt.MouseButton.LeftButton)
            assert window.mode == step.mode
            assert [w.objectName() for w in window.highlight.targets] == list(step.controls), step.id
            assert all(not frame.isEmpty() for frame in window.highlight.frames()), step.id
            assert window.course_dock.isVisible()  # the course stays in view while the learner works
    finally:
        window.set_language("en")


def test_step_10_the_courses_own_way_to_95_percent_works(fresh_course, window, qtbot):
    """The task's hint, followed with the widgets: Small CNN, 12 first filters, rate 0.003, Augment on, 10 epochs."""
    course, s = window.course, window.session
    layers = window.layer_panel
    combo = layers.findChild(QComboBox, "presetCombo")
    combo.setCurrentIndex(combo.findData("small-cnn"))
    combo.activated.emit(combo.currentIndex())
    view = layers.findChild(QWidget, "layerStack")
    first_conv = view.topLevelItem(1)  # row 0 is the input
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(first_conv).center())
    filters = layers.findChild(QSpinBox, "filtersSpin")
    filters.setFocus()
    filters.lineEdit().selectAll()
    qtbot.keyClicks(filters.lineEdit(), "12")
    qtbot.keyClick(filters, Qt.Key.Key_Return)
    assert s.network.layers[0].config["filters"] == 12
    settings = window.settings_panel
    settings.findChild(QSpinBox, "epochsSpin").setValue(10)
    settings.findChild(QCheckBox, "augmentCheck").setChecked(True)
    s.update_training("learning_rate", 0.003)
    assert (s.training.epochs, s.training.augment) == (10, True)
    window.act_train.trigger()
    qtbot.waitUntil(lambda: s.state == "idle" and not s.is_training(), timeout=300_000)
    window.raise_dock("evaluationDock")  # Test results scores the whole held-out set once training has ended
    qtbot.waitUntil(lambda: course.state("build") != "new", timeout=120_000)
    assert course.state("build") == "done", course.feedback("build")
    assert re.match(r"Your network \(.*\) reached 9[5-9]\.\d % on 1,000 held-out test digits\.",
                    course.feedback("build"))


def test_switching_language_while_show_me_frames_a_control_is_safe(fresh_course, window, qtbot):
    window.course_panel.select_step("optimizer")
    qtbot.mouseClick(window.course_panel.show_button, Qt.MouseButton.LeftButton)
    assert window.highlight.is_active()
    window.set_language("ko")  # the framed control's panel is rebuilt at once
    try:
        assert not window.highlight.is_active() and window.highlight.frames() == []
        window.highlight.repaint()
        qtbot.mouseClick(window.course_panel.show_button, Qt.MouseButton.LeftButton)  # the new panel's button
        assert window.highlight.is_active() and window.highlight.frames()
    finally:
        window.set_language("en")
