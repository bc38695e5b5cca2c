"""What is wrong with the network or the run, said where the learner looks: beside Train.

Before training it shows the first problem :func:`sandbox.check` finds (an error blocks Train; a
warning says Keras would run it); while and after training it shows the most serious alarm of the run
(:mod:`sandbox.monitor`) with its likeliest cause. Either way one button makes the one edit that fits
the cause. The message goes as soon as its cause is gone: the session empties its alarms when a new run
starts or the network changes, and the check is asked again on every change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from sandbox.monitor import ALARM_CODES, Alarm

from ..diagnosis import alarm_text, finding_text, fix_label, rescue_label
from ..session import Session

__all__ = ["DiagnosisBox"]

_COLOURS = {"error": ("rgba(211, 47, 47, 28)", "rgba(211, 47, 47, 160)"),
            "warning": ("rgba(245, 166, 35, 40)", "rgba(200, 130, 0, 170)")}


class DiagnosisBox(QFrame):
    """A message and one fix button, kept true to the session's current network and run."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("diagnosisBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self)
        self.label.setObjectName("diagnosisText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("diagnosisFixButton")
        self.fix_button.clicked.connect(self._on_fix)
        # The button never widens the panel past its dock (its tooltip holds the whole text if it is clipped).
        self.fix_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.label)
        layout.addWidget(self.fix_button)
        self._alarm: Alarm | None = None
        self._fix: dict | None = None
        self.kind = ""
        for signal in (session.networkChanged, session.trainingChanged, session.datasetChanged,
                       session.stateChanged, session.alarmRaised, session.alarmsCleared):
            signal.connect(self.refresh)
        self.retranslate()

    # ---- what tests and the window read ------------------------------------------------------------
    def text(self) -> str:
        """The message shown, or ``""`` when hidden."""
        return self.label.text() if not self.isHidden() else ""

    def fix_text(self) -> str:
        """The fix button's text, or ``""`` when there is no button."""
        return self.fix_button.text() if not self.isHidden() and not self.fix_button.isHidden() else ""

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Diagnosis"))
        # named by its action once a message shows; until then, by what it is for
        self.fix_button.setAccessibleName(self.tr("Fix what the message says"))
        self.fix_button.setToolTip(self.tr("Make the one change the message above suggests"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        # Its sentences are made from the session's findings and alarms, so a new language needs no rebuild.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- keeping it true ----------------------------------------------------------------------------
    @Slot()
    def refresh(self, *_args: object) -> None:
        """Show the run's most serious alarm, else the check's first finding, else nothing."""
        s = self.session
        alarms = sorted(s.alarms, key=lambda a: ALARM_CODES.index(a.code))
        self._alarm, self._fix = None, None
        if alarms:
            alarm = self._alarm = alarms[0]
            lr = alarm.evidence.get("learning_rate", s.training.learning_rate)
            label = rescue_label(alarm, s.rescue_learning_rate(alarm), training=s.is_training())
            self._show(alarm_text(alarm, lr), "error", label)
            return
        findings = [] if s.is_training() else s.check_findings()
        if findings:
            finding = findings[0]
            label = fix_label(finding.fix)
            self._fix = finding.fix if label is not None else None
            self._show(finding_text(finding), finding.severity, label)
            return
        self.kind = ""
        self.hide()

    def _show(self, text: str, kind: str, button: str | None) -> None:
        background, border = _COLOURS[kind]
        self.kind = kind
        self.setStyleSheet(f"#diagnosisBox {{ background: {background}; border: 1px solid {border}; "
                           "border-radius: 4px; }")
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.fix_button.setVisible(button is not None)
        if button is not None:
            self.fix_button.setText(button)
            self.fix_button.setAccessibleName(button)
            self.fix_button.setToolTip(button)
        self.show()

    @Slot()
    def _on_fix(self) -> None:
        if self._alarm is not None:
            self.session.rescue(self._alarm)
        elif self._fix is not None:
            self.session.apply_check_fix(self._fix)
        self.refresh()
