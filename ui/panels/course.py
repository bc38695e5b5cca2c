"""The Course dock: the steps of chapter 1 with their states, the chosen step's text, Show me and the feedback.

The panel only shows :class:`ui.course.Course`, which keeps the progress and the selection; it can be rebuilt
or retranslated at any time without losing anything. Show me is a request (:attr:`CoursePanel.showRequested`)
that the main window carries out, since only it knows the modes and docks.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..course import Course

__all__ = ["CoursePanel", "Highlight"]

#: How long Show me's frame stays around the control to use.
HIGHLIGHT_MS = 2500
HIGHLIGHT_COLOR = QColor("#E69F00")  # Okabe–Ito orange: seen on the light panels and the black canvas
DONE_COLOR = "#007A4D"
#: The state marks in the step list (the words go to screen readers and tooltips).
MARKS = {"done": "✓", "started": "…", "new": "○"}
#: Rows of the step list on show at once.
LIST_ROWS = 6


class CoursePanel(QWidget):
    """The course: a list of steps with their states, the chosen step, Show me, the feedback and Reset progress.

    Parameters
    ----------
    course : Course
    parent : QWidget, optional

    Signals
    -------
    showRequested(str)
        Show me was pressed for this step id.
    """

    showRequested = Signal(str)

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coursePanel")
        self.course = course
        self.intro_label = QLabel(self)
        self.intro_label.setObjectName("courseIntroLabel")
        self.intro_label.setWordWrap(True)
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("courseStepList")
        self.step_list.setTabKeyNavigation(False)
        self.step_list.setWordWrap(True)
        self.step_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.step_list.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("courseStepTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("courseStepText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.task_label = QLabel(self)
        self.task_label.setObjectName("courseTaskLabel")
        self.task_label.setWordWrap(True)
        self.task_label.setTextFormat(Qt.TextFormat.RichText)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("courseShowMeButton")
        self.feedback_label = QLabel(self)
        self.feedback_label.setObjectName("courseFeedbackLabel")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("courseProgressLabel")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("courseResetButton")

        row = QHBoxLayout()
        row.addWidget(self.show_button)
        row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_label, 1)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.step_list)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.task_label)
        layout.addLayout(row)
        layout.addWidget(self.feedback_label)
        layout.addStretch(1)
        layout.addLayout(bottom)

        self.step_list.currentRowChanged.connect(self._on_row)
        self.show_button.clicked.connect(self._on_show)
        self.reset_button.clicked.connect(self._on_reset)
        course.stepChanged.connect(self._on_step_changed)
        course.progressReset.connect(self.refresh)
        self.retranslate()

    # ---- public ------------------------------------------------------------------------------------
    @property
    def current_step(self) -> str:
        """The id of the step on show."""
        return self.course.selected

    def select_step(self, step_id: str) -> None:
        """Show ``step_id`` (as clicking it in the list does)."""
        ids = [s.id for s in self.course.steps]
        self.step_list.setCurrentRow(ids.index(step_id))

    def step_state_text(self, step_id: str) -> str:
        """The state of ``step_id`` in words: not started, in progress or done."""
        state = self.course.state(step_id)
        if state == "done":
            return self.tr("done")
        if state == "started":
            return self.tr("in progress")
        return self.tr("not started")

    def retranslate(self) -> None:
        """Every text in the current language (also the course's own words)."""
        language = self.course.language
        self.intro_label.setText(self.course.text.intro[language])
        self.step_list.setAccessibleName(self.tr("Steps of the course"))
        self.step_list.setToolTip(self.tr("Pick a step; they can be taken in any order"))
        self.show_button.setText(self.tr("Show me"))
        self.show_button.setAccessibleName(self.tr("Show me where to do this step"))
        self.show_button.setToolTip(self.tr("Switch to the right mode and panel, and point at the control to use"))
        self.reset_button.setText(self.tr("Reset progress"))
        self.reset_button.setAccessibleName(self.tr("Reset the course's progress"))
        self.reset_button.setToolTip(self.tr("Mark every step as not started again"))
        self.title_label.setAccessibleName(self.tr("Step title"))
        self.text_label.setAccessibleName(self.tr("What this step is about"))
        self.task_label.setAccessibleName(self.tr("Your task"))
        self.feedback_label.setAccessibleName(self.tr("What the app saw you do"))
        self.progress_label.setAccessibleName(self.tr("Course progress"))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Redraw the list, the chosen step and the progress from the course."""
        selected = self.course.selected
        language = self.course.language
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for number, step in enumerate(self.course.steps, 1):
            state = self.course.state(step.id)
            item = QListWidgetItem(self.tr("{mark} {number}. {title}").format(
                mark=MARKS[state], number=number, title=step.text("title", language)))
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            words = self.step_state_text(step.id)
            item.setToolTip(words)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)
            if state == "done":
                item.setForeground(QColor(DONE_COLOR))
            self.step_list.addItem(item)
        self.step_list.setCurrentRow([s.id for s in self.course.steps].index(selected))
        self.step_list.blockSignals(False)
        # At most LIST_ROWS rows (the rest scroll), so on a 768-pixel screen the chosen step's task and Show me
        # stay in view below the list.
        row = max(self.step_list.sizeHintForRow(0), self.fontMetrics().height())
        self.step_list.setMaximumHeight(row * LIST_ROWS + 2 * self.step_list.frameWidth() + 2)
        self._show_step()

    # ---- reactions ---------------------------------------------------------------------------------
    def _show_step(self) -> None:
        step = self.course.text.step(self.course.selected)
        language = self.course.language
        number = [s.id for s in self.course.steps].index(step.id) + 1
        self.title_label.setText(self.tr("{number}. {title}").format(number=number,
                                                                     title=step.text("title", language)))
        self.text_label.setText(step.text("text", language))
        self.task_label.setText("<b>{}</b> {}".format(_escape(self.tr("Your task:")),
                                                      _escape(step.text("task", language))))
        feedback = self.course.feedback(step.id)
        done = self.course.state(step.id) == "done"
        if done:
            feedback = self.tr("Done. {feedback}").format(feedback=feedback)
        self.feedback_label.setText(feedback)
        self.feedback_label.setVisible(bool(feedback))
        self.feedback_label.setStyleSheet(f"color: {DONE_COLOR}; font-weight: bold;" if done else "")
        self.progress_label.setText(self.tr("{done} of {total} steps done").format(
            done=self.course.done_count(), total=len(self.course.steps)))

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.course.steps):
            self.course.selected = self.course.steps[row].id
            self._show_step()

    @Slot(str)
    def _on_step_changed(self, step_id: str) -> None:
        row = [s.id for s in self.course.steps].index(step_id)
        item = self.step_list.item(row)
        state = self.course.state(step_id)
        item.setText(self.tr("{mark} {number}. {title}").format(
            mark=MARKS[state], number=row + 1, title=self.course.steps[row].text("title", self.course.language)))
        words = self.step_state_text(step_id)
        item.setToolTip(words)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)
        if state == "done":
            item.setForeground(QColor(DONE_COLOR))
        self._show_step()

    @Slot()
    def _on_show(self) -> None:
        self.showRequested.emit(self.course.selected)

    @Slot()
    def _on_reset(self) -> None:
        self.course.reset()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Highlight(QWidget):
    """A frame drawn for a moment around a control, above everything else in the window.

    Parameters
    ----------
    window : QWidget
        The top-level window the frame is drawn in (it never takes a click: mouse events pass through).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("courseHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.targets: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HIGHLIGHT_MS)
        self._timer.timeout.connect(self._finish)
        self.hide()

    def point_at(self, targets: list[QWidget]) -> None:
        """Scroll each target into view, frame them all for :data:`HIGHLIGHT_MS` and focus the first."""
        self.targets = [t for t in targets if t.isVisible()]
        if not self.targets:
            self._finish()
            return
        for target in self.targets:
            area = _scroll_area_of(target)
            if area is not None:
                area.ensureWidgetVisible(target, 8, 8)
        first = self.targets[0]
        if first.focusPolicy() != Qt.FocusPolicy.NoFocus and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()
        self._timer.start()

    def is_active(self) -> bool:
        """True while the frame is on show."""
        return self.isVisible()

    def frames(self) -> list[QRect]:
        """The frames drawn now, in the window's coordinates."""
        window = self.parentWidget()
        # a target whose panel was rebuilt meanwhile (a language switch) is gone: never touch it
        return [QRect(t.mapTo(window, t.rect().topLeft()), t.size()).adjusted(-3, -3, 3, 3)
                for t in self.targets if shiboken6.isValid(t) and t.isVisible()]

    def clear(self) -> None:
        """Take the frame away now (the panels it points into are about to be rebuilt)."""
        self._timer.stop()
        self._finish()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(HIGHLIGHT_COLOR, 3))
        for rect in self.frames():
            painter.drawRoundedRect(rect, 4, 4)

    @Slot()
    def _finish(self) -> None:
        self.targets = []
        self.hide()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None
