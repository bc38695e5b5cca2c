"""The course "Chapter 1, hands on": eleven steps through chapter 1, each checked from what the learner does.

Four parts, each of which the tests can drive alone:

- :class:`CourseText` reads the steps' words in English and Korean from ``resources/course/course.json``
  (data, not code: both languages in one file, so a test can check that every step is complete in each);
- the checks (:data:`CHECKS`), one small class per step: a predicate over :class:`Event` records that says
  whether the step's task is met, with the numbers that prove it. They never touch Qt;
- :class:`Course` holds the progress (kept in QSettings under ``course/…``) and the feedback of each step,
  feeds events to the checks and signals what changed; it lives in the main window, not in the panel,
  because panels are rebuilt on a language switch;
- :class:`CourseWatcher` turns the session's, the modes' and the panels' public signals into events. It is
  the only part that knows the widgets, and it re-attaches when panels are rebuilt.

No check has a "mark as done" path: a step turns done only when its check sees the task met.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QSettings, Signal, Slot

import resources
from sandbox.lessons.rule import RuleProblem, format_rule
from sandbox.runs import layer_summary, preset_id

from .background import BackgroundLane, Job

__all__ = ["CHECKS", "LANGUAGES", "MIN_MY_DIGITS", "Course", "CourseText", "CourseWatcher", "Event", "Outcome",
           "Step"]

#: The languages every text of the course file must have.
LANGUAGES = ("en", "ko")
#: The chapter's three examples (step 1 is judged on these, whatever else is in the table).
CHAPTER_POINTS = ((1.0, 10.0), (2.0, 12.0), (3.0, 14.0))
#: The rule lesson's starting guess y = x + 9: seeing it is no sign that the learner tried anything.
STARTING_GUESS = (1.0, 9.0)
#: Step 4: the diverging and the converging rate may differ by at most this factor.
RATE_BRACKET = 1.25
#: Step 10: the held-out accuracy a network of one's own must reach.
BUILD_ACCURACY = 0.95
#: Step 11: drawings to add, and the share of them the network must then recognise.
MIN_MY_DIGITS, MY_DIGITS_RECOGNISED = 10, 0.8
SETTINGS_PROGRESS, SETTINGS_SELECTED, SETTINGS_OPEN = "course/progress", "course/selected", "course/open"


# ---- the course's words --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One step of the course as the file describes it.

    Attributes
    ----------
    id : str
        Stable key (progress and checks use it), e.g. ``"rule"``.
    mode : str
        The mode Show me switches to (``"rule"`` or ``"digits"``).
    dock : str
        Object name of the dock Show me raises (``""``: none).
    controls : tuple of str
        Object names of the controls Show me highlights, the first one gets the focus.
    texts : dict
        ``title``, ``text``, ``task`` → language → text.
    feedback : dict
        Outcome key → language → template with ``{placeholders}``.
    """

    id: str
    mode: str
    dock: str
    controls: tuple[str, ...]
    texts: Mapping[str, Mapping[str, str]]
    feedback: Mapping[str, Mapping[str, str]]

    def text(self, part: str, language: str) -> str:
        """``title``, ``text`` or ``task`` in ``language`` (English if that language lacks it)."""
        words = self.texts[part]
        return words.get(language) or words["en"]


class CourseText:
    """The course file: its title, introduction and steps, in every language of :data:`LANGUAGES`.

    Parameters
    ----------
    path : str, optional
        Defaults to the bundled ``resources/course/course.json``.

    Raises
    ------
    ValueError
        The file is not a course file, or a text is missing in some language.
    """

    def __init__(self, path: str | None = None) -> None:
        source = path or str(resources.path("course", "course.json"))
        with open(source, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))  # strict UTF-8: a damaged file fails here
        if data.get("format") != "dl-sandbox-course":
            raise ValueError(f"{source} is not a course file")
        self.title: dict[str, str] = dict(data["title"])
        self.intro: dict[str, str] = dict(data["intro"])
        self.steps: list[Step] = [Step(s["id"], s["mode"], s["dock"], tuple(s["controls"]),
                                       {part: dict(s[part]) for part in ("title", "text", "task")},
                                       {key: dict(v) for key, v in s["feedback"].items()})
                                  for s in data["steps"]]
        for words in (self.title, self.intro, *(w for s in self.steps for w in (*s.texts.values(),
                                                                                *s.feedback.values()))):
            missing = [lang for lang in LANGUAGES if not words.get(lang)]
            if missing:
                raise ValueError(f"{source}: a text has no {', '.join(missing)} version: {words}")

    def step(self, step_id: str) -> Step:
        """The step ``step_id``."""
        return next(s for s in self.steps if s.id == step_id)


# ---- events and outcomes -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """Something the learner did or saw, as plain data (the watcher makes these from Qt signals).

    Attributes
    ----------
    kind : str
        ``hypothesis``, ``race``, ``play``, ``layer_followed``, ``unit_accuracy``, ``weights_reset``, ``stage``,
        ``runs``, ``verified``, ``evaluated``, ``my_digits``, ``run_started`` or ``my_digits_recognised``.
    facts : dict
        The numbers of the event (see :class:`CourseWatcher` for each kind's keys).
    """

    kind: str
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What a check concluded: ``done`` or not, the feedback template's key and its values (already text)."""

    done: bool
    key: str
    facts: Mapping[str, str] = field(default_factory=dict)


def _num(value: float) -> str:
    """A number for a feedback line: up to 3 significant digits, no exponent for everyday sizes."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "NaN"
    return f"{value:.3g}"


def _percent(fraction: float) -> str:
    return f"{100 * fraction:.1f} %"


def _rate(value: float) -> str:
    return f"{value:.4g}"


# ---- the checks: one per step, each a predicate over events ---------------------------------------------
class Check:
    """Base of the checks: ``kinds`` are the events it reads; :meth:`observe` returns an outcome or None."""

    step_id = ""
    kinds: tuple[str, ...] = ()
    #: The outcome keys it can give: each names a feedback template of its step in the course file.
    keys: tuple[str, ...] = ()

    def observe(self, event: Event) -> Outcome | None:
        """Judge ``event``; None when it says nothing new about this step."""
        raise NotImplementedError


class RuleCheck(Check):
    """1. The learner's own w and b give loss 0 on the chapter's three points."""

    step_id, kinds = "rule", ("hypothesis",)
    keys = ("done", "trying")

    def observe(self, event: Event) -> Outcome | None:
        w, b = event.facts["w"], event.facts["b"]
        loss = float(np.mean([(w * x + b - y) ** 2 for x, y in CHAPTER_POINTS]))
        rule = format_rule(w, b)
        if loss < 1e-9:
            return Outcome(True, "done", {"rule": rule})
        if (w, b) == STARTING_GUESS:
            return None
        return Outcome(False, "trying", {"rule": rule, "loss": _num(loss)})


class HypothesisCheck(Check):
    """2. The table held the chapter's points plus 4 → 16, and later plus 4 → 20 instead."""

    step_id, kinds = "hypothesis", ("hypothesis",)
    keys = ("done", "halfway")

    def __init__(self) -> None:
        self.with_16: dict[str, str] | None = None

    def observe(self, event: Event) -> Outcome | None:
        points = {(float(x), float(y)) for x, y in event.facts["points"]}
        if not set(CHAPTER_POINTS) <= points:
            return None
        fourth = {y for x, y in points if x == 4.0}
        w, b = event.facts["w"], event.facts["b"]
        if fourth == {16.0}:
            problem = RuleProblem(*zip(*sorted(points), strict=True))
            self.with_16 = {"rule": format_rule(w, b), "loss16": _num(problem.loss(w, b))}
            return Outcome(False, "halfway", self.with_16)
        if fourth == {20.0} and self.with_16 is not None:
            problem = RuleProblem(*zip(*sorted(points), strict=True))
            best_w, best_b = problem.best_fit()
            return Outcome(True, "done", {**self.with_16, "best": format_rule(best_w, best_b),
                                          "best_loss": _num(problem.loss(best_w, best_b))})
        return None


class PlayCheck(Check):
    """3. After Play was pressed, SGD converged to y = 2x + 8."""

    step_id, kinds = "play", ("race",)
    keys = ("done",)

    def observe(self, event: Event) -> Outcome | None:
        sgd = event.facts["learners"]["SGD"]
        if not (event.facts["played"] and sgd["state"] == "converged"):
            return None
        if abs(sgd["w"] - 2.0) > 0.05 or abs(sgd["b"] - 8.0) > 0.05:
            return None  # the learner's own data has another rule: the step asks for the chapter's
        return Outcome(True, "done", {"rule": sgd["rule"], "steps": str(sgd["steps"]), "lr": _rate(event.facts["lr"])})


class RateCheck(Check):
    """4. On the same data, SGD diverged at one rate and converged at a rate at most 25 % lower."""

    step_id, kinds = "rate", ("race",)
    keys = ("done", "diverged", "apart")

    def __init__(self) -> None:
        self.seen: dict[tuple, tuple[set[float], set[float]]] = {}  # points → (converged rates, diverged rates)

    def observe(self, event: Event) -> Outcome | None:
        state = event.facts["learners"]["SGD"]["state"]
        if state not in ("converged", "diverged"):
            return None
        converged, diverged = self.seen.setdefault(tuple(event.facts["points"]), (set(), set()))
        (converged if state == "converged" else diverged).add(float(event.facts["lr"]))
        if not diverged:
            return None
        pairs = [(c, d) for c in converged for d in diverged if c < d]
        if not pairs:
            return Outcome(False, "diverged", {"diverged": _rate(min(diverged))})
        c, d = min(pairs, key=lambda pair: pair[1] / pair[0])
        facts = {"converged": _rate(c), "diverged": _rate(d)}
        return Outcome(d <= RATE_BRACKET * c, "done" if d <= RATE_BRACKET * c else "apart", facts)


class LayersCheck(Check):
    """5. With a drawing on show, the learner pointed at an output of every layer of the network."""

    step_id, kinds = "layers", ("layer_followed",)
    keys = ("done", "following")

    def __init__(self) -> None:
        self.seen: dict[str, set[int]] = {}  # network → layers pointed at

    def observe(self, event: Event) -> Outcome | None:
        facts = event.facts
        if not facts["drawing"]:
            return None
        seen = self.seen.setdefault(facts["network"], set())
        seen.add(int(facts["layer"]))
        layers = int(facts["layers"])
        if len(seen & set(range(layers))) == layers:
            return Outcome(True, "done", {"layers": str(layers), "digit": str(facts["digit"])})
        return Outcome(False, "following", {"seen": str(len(seen)), "layers": str(layers)})


class WeightsCheck(Check):
    """6. A unit was switched off and the test accuracy computed with it off differs from the original."""

    step_id, kinds = "weights", ("unit_accuracy",)
    keys = ("done", "same")

    def observe(self, event: Event) -> Outcome | None:
        units = event.facts["off"]
        if not units:
            return None
        before, after = event.facts["before"], event.facts["after"]
        facts = {"unit": ", ".join(units), "before": _percent(before), "after": _percent(after)}
        return Outcome(before != after, "done" if before != after else "same", facts)


class LoopCheck(Check):
    """7. After Reset weights, the four stages of one stepped batch were walked."""

    step_id, kinds = "loop", ("weights_reset", "stage")
    keys = ("done", "walking", "no_reset")

    def __init__(self) -> None:
        self.reset = False
        self.stages: dict[int, set[int]] = {}  # batch record → stages walked

    def observe(self, event: Event) -> Outcome | None:
        if event.kind == "weights_reset":
            self.reset, self.stages = True, {}
            return None
        if not self.reset:
            return Outcome(False, "no_reset")
        stages = self.stages.setdefault(event.facts["record"], set())
        stages.add(int(event.facts["stage"]))
        if stages >= {1, 2, 3, 4}:
            n = event.facts["numbers"]
            return Outcome(True, "done", {"batch": str(n["batch_size"]), "loss": _num(n["loss"]),
                                          "norm": _num(n["grad_norm"]), "lr": _rate(n["learning_rate"])})
        return Outcome(False, "walking", {"seen": str(len(stages))})


class OptimizerCheck(Check):
    """8. The same network has a run of an epoch or more with SGD and one with Adam, both shown in Runs."""

    step_id, kinds = "optimizer", ("runs",)
    keys = ("done", "open_runs")

    def observe(self, event: Event) -> Outcome | None:
        runs = [r for r in event.facts["runs"] if r["epochs"] >= 1]
        for sgd in (r for r in runs if r["optimizer"] == "SGD"):
            adam = [r for r in runs if r["optimizer"] == "Adam" and r["network"] == sgd["network"]]
            if not adam:
                continue
            facts = {"sgd_run": str(sgd["number"]), "sgd_acc": _percent(sgd["accuracy"]),
                     "adam_run": str(adam[-1]["number"]), "adam_acc": _percent(adam[-1]["accuracy"])}
            compared = event.facts["runs_shown"] and sgd["ticked"] and adam[-1]["ticked"]
            return Outcome(bool(compared), "done" if compared else "open_runs", facts)
        return None


class BackpropCheck(Check):
    """9. Verify compared back-propagated gradients with finite differences, and they agreed."""

    step_id, kinds = "backprop", ("verified",)
    keys = ("done", "mismatch")

    def observe(self, event: Event) -> Outcome | None:
        f = event.facts
        agree = f["worst"] < f["tolerance"]
        return Outcome(agree, "done" if agree else "mismatch",
                       {"n": str(f["n"]), "layer": f["layer"], "error": f"{f['worst']:.1e}"})


class BuildCheck(Check):
    """10. A full test-set evaluation of a network that is no preset, trained here, reached 95 %."""

    step_id, kinds = "build", ("evaluated",)
    keys = ("done", "low", "preset")

    def observe(self, event: Event) -> Outcome | None:
        f = event.facts
        if not f["trained_here"]:
            return None  # the pretrained network, or a network not trained yet: the learner has not tried
        facts = {"layers": f["layers"], "accuracy": _percent(f["accuracy"]), "count": f"{f['count']:,}"}
        if f["preset"]:
            return Outcome(False, "preset", facts)
        reached = f["accuracy"] >= BUILD_ACCURACY
        return Outcome(reached, "done" if reached else "low", facts)


class MyDigitsCheck(Check):
    """11. Ten or more own drawings, a run that trained on them, then most of them recognised."""

    step_id, kinds = "mydigits", ("my_digits", "run_started", "my_digits_recognised")
    keys = ("done", "few", "train", "low")

    def observe(self, event: Event) -> Outcome | None:
        f = event.facts
        count = int(f["count"])
        if event.kind == "my_digits":
            return Outcome(False, "few" if count < MIN_MY_DIGITS else "train", {"count": str(count)})
        if event.kind == "run_started":
            return None if count >= MIN_MY_DIGITS else Outcome(False, "few", {"count": str(count)})
        if count < MIN_MY_DIGITS:
            return None
        right = int(f["right"])
        met = right >= MY_DIGITS_RECOGNISED * count
        return Outcome(met, "done" if met else "low", {"count": str(count), "right": str(right)})


#: Every step's check, by step id; :meth:`Course.reset` makes fresh ones.
CHECKS: dict[str, type[Check]] = {c.step_id: c for c in (
    RuleCheck, HypothesisCheck, PlayCheck, RateCheck, LayersCheck, WeightsCheck, LoopCheck, OptimizerCheck,
    BackpropCheck, BuildCheck, MyDigitsCheck)}


# ---- progress ------------------------------------------------------------------------------------------
class Course(QObject):
    """The course's progress: which steps are done, and the last feedback of each.

    Parameters
    ----------
    language : callable
        Returns the interface's language code now (``"en"``, ``"ko"``); feedback is written in it.
    text : CourseText, optional
        Defaults to the bundled course.
    parent : QObject, optional

    Notes
    -----
    Progress is kept in QSettings (``course/progress``: JSON of step id → ``{"done", "key", "facts"}``), so the
    feedback of a step done in English reads in Korean after a switch or the next launch. Once done, a step
    stays done until :meth:`reset`.
    """

    #: A step's state or feedback changed (its id).
    stepChanged = Signal(str)
    #: :meth:`reset` cleared every step.
    progressReset = Signal()

    def __init__(self, language: Callable[[], str], text: CourseText | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = text or CourseText()
        self._language = language
        self.checks: dict[str, Check] = {step.id: CHECKS[step.id]() for step in self.text.steps}
        self._progress: dict[str, Outcome] = self._load()

    @property
    def language(self) -> str:
        """The language the course speaks now."""
        language = self._language()
        return language if language in LANGUAGES else "en"

    @property
    def steps(self) -> list[Step]:
        """The steps, in the course's order."""
        return self.text.steps

    def state(self, step_id: str) -> str:
        """``"done"``, ``"started"`` (some feedback, task not met yet) or ``"new"``."""
        outcome = self._progress.get(step_id)
        return "new" if outcome is None else "done" if outcome.done else "started"

    def done_count(self) -> int:
        """How many steps are done."""
        return sum(o.done for o in self._progress.values())

    def feedback(self, step_id: str) -> str:
        """The last feedback line of ``step_id`` in the current language ("" before any)."""
        outcome = self._progress.get(step_id)
        if outcome is None:
            return ""
        template = self.text.step(step_id).feedback.get(outcome.key, {})
        words = template.get(self.language) or template.get("en", "")
        try:
            return words.format(**outcome.facts)
        except (KeyError, IndexError, ValueError):  # progress saved by another version of the course
            return ""

    def observe(self, event: Event) -> None:
        """Show ``event`` to every check that reads its kind; record and announce what changed."""
        for step_id, check in self.checks.items():
            if event.kind not in check.kinds:
                continue
            outcome = check.observe(event)
            if outcome is not None and outcome.key not in check.keys:
                raise ValueError(f"{type(check).__name__} gave the undeclared outcome {outcome.key!r}")
            old = self._progress.get(step_id)
            if outcome is None or (old is not None and old.done) or outcome == old:
                continue  # a done step keeps the numbers that made it done
            self._progress[step_id] = outcome
            self._save()
            self.stepChanged.emit(step_id)

    def reset(self) -> None:
        """Forget all progress and start every check afresh."""
        self._progress.clear()
        self.checks = {step.id: CHECKS[step.id]() for step in self.text.steps}
        self._save()
        self.progressReset.emit()

    @property
    def selected(self) -> str:
        """The step the course panel shows (kept across launches and panel rebuilds)."""
        value = QSettings().value(SETTINGS_SELECTED, "", str)
        return value if any(s.id == value for s in self.steps) else self.steps[0].id

    @selected.setter
    def selected(self, step_id: str) -> None:
        QSettings().setValue(SETTINGS_SELECTED, step_id)

    @property
    def open(self) -> bool:
        """Whether the learner keeps the course on show (True at first launch)."""
        return QSettings().value(SETTINGS_OPEN, True, bool)

    @open.setter
    def open(self, value: bool) -> None:
        QSettings().setValue(SETTINGS_OPEN, bool(value))

    def _load(self) -> dict[str, Outcome]:
        raw = QSettings().value(SETTINGS_PROGRESS, "", str)
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        progress = {}
        if isinstance(data, dict):
            for step_id, entry in data.items():
                if step_id in self.checks and isinstance(entry, dict):
                    facts = entry.get("facts", {})
                    progress[step_id] = Outcome(bool(entry.get("done")), str(entry.get("key", "")),
                                                {str(k): str(v) for k, v in facts.items()}
                                                if isinstance(facts, dict) else {})
        return progress

    def _save(self) -> None:
        data = {k: {"done": o.done, "key": o.key, "facts": dict(o.facts)} for k, o in self._progress.items()}
        QSettings().setValue(SETTINGS_PROGRESS, json.dumps(data, ensure_ascii=False))


# ---- from the window's signals to events ---------------------------------------------------------------
def _recognised_job(model: Any, images: np.ndarray, labels: np.ndarray, *, stop: Any) -> tuple[int, int]:
    """How many of the learner's drawings ``model`` classifies right: ``(right, count)``."""
    stop.raise_if_stopped()
    predicted = np.argmax(model.predict(images, batch_size=256), axis=-1)
    return int(np.sum(predicted == labels)), len(labels)


class CourseWatcher(QObject):
    """Listens to the main window's session, modes and panels, and hands :class:`Event` records to a course.

    Parameters
    ----------
    window : ui.main_window.MainWindow
        Read through its public attributes only (``session``, ``mode_widgets``, the panels, ``docks``,
        ``training_actions``).
    course : Course

    Notes
    -----
    Call :meth:`attach` again whenever panels or mode widgets are made (a language switch rebuilds the
    panels); it connects each object once (marked by a dynamic property).
    """

    def __init__(self, window: Any, course: Course) -> None:
        super().__init__(window)
        self.window = window
        self.course = course
        self._played = None  # the SGD learner that was running when Play was last pressed
        self._run_digits = 0  # own drawings in the training data of the run in progress
        self._lane = BackgroundLane("course-my-digits", self)
        self._lane.finished.connect(self._on_recognised)
        s = window.session
        s.runsChanged.connect(self._on_runs)
        s.runStarted.connect(self._on_run_started)
        s.trainingEnded.connect(self._on_training_ended)
        s.datasetChanged.connect(self._on_my_digits)
        window.training_actions["reset_weights"].triggered.connect(self._on_reset_weights)
        window.docks["runsDock"].visibilityChanged.connect(self._on_runs)
        self.attach()

    def shutdown(self) -> None:
        """Stop the background count of recognised drawings (before the window closes)."""
        self._lane.shutdown()

    def attach(self) -> None:
        """Connect to the panels and mode widgets that are not connected yet."""
        w = self.window
        rule = w.mode_widgets.get("rule")
        if self._first_time(rule):
            rule.hypothesisChanged.connect(self._on_hypothesis)
            rule.raceChanged.connect(self._on_race)
            rule.playToggled.connect(self._on_play)
        if self._first_time(w.layers_view_panel):
            w.layers_view_panel.layerFollowed.connect(self._on_layer_followed)
            w.layers_view_panel.accuracyUpdated.connect(self._on_unit_accuracy)
        if self._first_time(w.loop_panel):
            w.loop_panel.stageWalked.connect(self._on_stage)
        if self._first_time(w.backward_panel):
            w.backward_panel.verified.connect(self._on_verified)
        if self._first_time(w.evaluation_panel):
            w.evaluation_panel.evaluated.connect(self._on_evaluated)
        if self._first_time(w.runs_panel):
            w.runs_panel.table.itemChanged.connect(self._on_runs)  # ticking a run's curve on or off

    @staticmethod
    def _first_time(obj: QObject | None) -> bool:
        if obj is None or obj.property("courseWatched"):
            return False
        obj.setProperty("courseWatched", True)
        return True

    # ---- the rule lesson ------------------------------------------------------------------------------
    @Slot()
    def _on_hypothesis(self) -> None:
        rule = self.window.mode_widgets["rule"]
        w, b = rule.hypothesis()
        points = list(zip(rule.problem.xs.tolist(), rule.problem.ys.tolist(), strict=True))
        self.course.observe(Event("hypothesis", {"w": w, "b": b, "points": points}))

    @Slot(bool)
    def _on_play(self, playing: bool) -> None:
        if playing:
            self._played = self.window.mode_widgets["rule"].learner("SGD")

    @Slot()
    def _on_race(self) -> None:
        rule = self.window.mode_widgets["rule"]
        learners = {}
        for name in ("SGD",):
            learner = rule.learner(name)
            state = ("converged" if learner.converged() else "diverged" if learner.diverged() else "learning")
            learners[name] = {"state": state, "steps": learner.steps, "w": learner.w, "b": learner.b,
                              "rule": learner.rule_text()}
        points = tuple(zip(rule.problem.xs.tolist(), rule.problem.ys.tolist(), strict=True))
        self.course.observe(Event("race", {"learners": learners, "lr": rule.learning_rate(), "points": points,
                                           "played": rule.learner("SGD") is self._played}))

    # ---- the digits panels -----------------------------------------------------------------------------
    @Slot(int)
    def _on_layer_followed(self, layer: int) -> None:
        panel, model = self.window.layers_view_panel, self.window.session.model
        if model is None or layer < 0:
            return
        output = panel.shown_output()
        digit = str(int(np.argmax(output))) if output is not None else "?"
        self.course.observe(Event("layer_followed", {
            "layer": layer, "layers": len(model.layers), "drawing": panel.shows_drawing,
            "network": repr(self.window.session.network), "digit": digit}))

    @Slot(float, float)
    def _on_unit_accuracy(self, before: float, after: float) -> None:
        panel, model = self.window.layers_view_panel, self.window.session.model
        if model is None:
            return
        off = [f"{model.layers[i].name} #{unit}" for (i, unit), scale in sorted(panel.edits.items()) if scale == 0.0]
        self.course.observe(Event("unit_accuracy", {"off": off, "before": before, "after": after}))

    @Slot()
    def _on_reset_weights(self) -> None:
        if self.window.mode == "digits":
            self.course.observe(Event("weights_reset"))

    @Slot(int)
    def _on_stage(self, stage: int) -> None:
        numbers = self.window.loop_panel.shown_numbers()
        if numbers:
            self.course.observe(Event("stage", {"stage": stage, "numbers": numbers,
                                                "record": self.window.loop_panel.shown_record_id()}))

    @Slot(str, int, float, float)
    def _on_verified(self, layer: str, n: int, worst: float, tolerance: float) -> None:
        self.course.observe(Event("verified", {"layer": layer, "n": n, "worst": worst, "tolerance": tolerance}))

    @Slot(object)
    def _on_evaluated(self, evaluation: Any) -> None:
        if self.window.evaluation_panel.sampled:
            return  # a sample scored while training is no verdict on the held-out digits
        s = self.window.session
        self.course.observe(Event("evaluated", {
            "accuracy": float(evaluation.accuracy), "count": len(evaluation.labels),
            "preset": preset_id(s.network), "layers": layer_summary(s.network),
            "trained_here": any(r.network == s.network for r in s.runs)}))

    @Slot()
    def _on_runs(self, *_args: object) -> None:
        s, panel = self.window.session, self.window.runs_panel
        runs = []
        for r in s.runs:
            logs = r.epoch_logs[-1] if r.epoch_logs else {}
            runs.append({"number": r.number, "network": r.network, "optimizer": r.training.optimizer,
                         "epochs": sum(not stopped for stopped in r.epoch_stopped),
                         "accuracy": float(logs.get("val_accuracy", logs.get("accuracy", 0.0))),
                         "ticked": r.number in panel.ticked})
        shown = self.window.docks["runsDock"].isVisible() and not panel.visibleRegion().isEmpty()
        self.course.observe(Event("runs", {"runs": runs, "runs_shown": shown}))

    @Slot()
    def _on_my_digits(self) -> None:
        count = self._my_digit_count()
        if count:
            self.course.observe(Event("my_digits", {"count": count}))

    def _my_digit_count(self) -> int:
        s = self.window.session
        return len(s.user_digits[1]) if s.use_user_digits else 0

    @Slot(str)
    def _on_run_started(self, _label: str) -> None:
        self._run_digits = self._my_digit_count()
        if self._run_digits:
            self.course.observe(Event("run_started", {"count": self._run_digits}))

    @Slot(object)
    def _on_training_ended(self, _result: object) -> None:
        s = self.window.session
        if self._run_digits >= MIN_MY_DIGITS and s.model is not None:
            images, labels = s.user_digits
            # off the GUI thread: a large network on many drawings could take longer than a frame
            self._lane.submit(_recognised_job, s.model.copy(), images, labels)
        self._run_digits = 0

    @Slot(object, object)
    def _on_recognised(self, result: tuple[int, int], _job: Job) -> None:
        right, count = result
        self.course.observe(Event("my_digits_recognised", {"count": count, "right": right}))
