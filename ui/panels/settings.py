"""The training settings panel: optimizer and its options, loss, learning rate and the loop settings.

Every edit goes through :meth:`ui.session.Session.update_training` (or ``set_training`` for a
change of optimizer), so it lands on the undo stack; successive edits of one setting, such as a
drag of the learning-rate slider, merge into one undo step. The widgets are redrawn from
``Session.trainingChanged`` inside :class:`QSignalBlocker`, so undo moves them back without echo.

While training, the settings the worker can change between batches (``Session.is_live_setting``)
take effect at the next batch; the others stay editable and apply at the next Train. They are not
disabled: the learner may prepare the next run while watching this one, a disabled control cannot
take keyboard focus (so its tooltip would be out of reach without a mouse), and the two notes that
appear while training say plainly which kind each setting is.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.spec import TrainingSpec

from ..session import Session
from .explain import ExplanationBox

__all__ = ["TrainingSettingsPanel", "lr_from_position", "position_from_lr"]

#: The slider spans 10^LR_LOG_MIN … 10^LR_LOG_MAX with LR_TICKS_PER_DECADE positions per decade.
LR_LOG_MIN, LR_LOG_MAX, LR_TICKS_PER_DECADE = -5, 0, 100

#: The optimizer options the panel shows, and which optimizers take each one.
OPTION_OWNERS: dict[str, tuple[str, ...]] = {
    "momentum": ("SGD", "RMSprop"),
    "nesterov": ("SGD",),
    "rho": ("RMSprop",),
    "centered": ("RMSprop",),
    "beta_1": ("Adam", "AdamW"),
    "beta_2": ("Adam", "AdamW"),
    "weight_decay": ("AdamW",),
}


def lr_from_position(position: int) -> float:
    """The learning rate at a slider position: 3 significant digits, and no finer than the spin box's 6 decimals."""
    value = 10.0 ** (LR_LOG_MIN + position / LR_TICKS_PER_DECADE)
    return round(float(f"{value:.3g}"), 6)


def position_from_lr(learning_rate: float) -> int:
    """The slider position nearest to ``learning_rate`` (clamped to the slider's range)."""
    if not learning_rate > 0 or not math.isfinite(learning_rate):
        return 0
    position = round((math.log10(learning_rate) - LR_LOG_MIN) * LR_TICKS_PER_DECADE)
    return max(0, min((LR_LOG_MAX - LR_LOG_MIN) * LR_TICKS_PER_DECADE, position))


def _option_values(spec: TrainingSpec) -> dict[str, Any]:
    """The optimizer's effective options: the engine's defaults, overridden by the spec's own."""
    defaults = getattr(sb.optimizers, spec.optimizer)()
    values = {name: getattr(defaults, name) for name in OPTION_OWNERS if hasattr(defaults, name)}
    values.update(spec.optimizer_options)
    return values


class TrainingSettingsPanel(QWidget):
    """Optimizer, loss, learning rate and loop settings of the session's :class:`TrainingSpec`."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSettingsPanel")
        self.setAccessibleName(self.tr("Training settings"))
        self.session = session
        self._base_tooltips: dict[QWidget, str] = {}
        self._field_widgets: dict[str, tuple[QWidget, ...]] = {}

        self._build_optimizer_group()
        self._build_training_group()
        self.explanation = ExplanationBox(
            "optimizerExplanation",
            self.tr("The optimizer uses backpropagation's gradients to nudge every weight so the loss goes down; "
                    "the learning rate sets the step size."),
            self.tr("Set the learning rate to 1 and train: the loss explodes."), self, expanded=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.optimizer_group)
        layout.addWidget(self.training_group)
        layout.addStretch(1)

        session.trainingChanged.connect(self._on_training_changed)
        session.stateChanged.connect(self._on_state_changed)
        self._on_training_changed(session.training)
        self._on_state_changed(session.state)

    # ---- construction ----------------------------------------------------------------------------
    def _build_optimizer_group(self) -> None:
        self.optimizer_group = QGroupBox(self.tr("Optimizer"), self)
        form = QFormLayout(self.optimizer_group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._optimizer_form = form

        self.optimizer_combo = QComboBox(self)
        descriptions = self._optimizer_descriptions()
        for name in sb.optimizers.names():
            self.optimizer_combo.addItem(name, name)
            self.optimizer_combo.setItemData(self.optimizer_combo.count() - 1, descriptions.get(name, ""),
                                             Qt.ItemDataRole.ToolTipRole)
        self._setup(self.optimizer_combo, "optimizerCombo", self.tr("Optimizer"),
                    self.tr("How the weights are moved along the gradient at each step."), "optimizer")
        self.optimizer_combo.activated.connect(self._on_optimizer_activated)
        self._add_row(form, self.tr("Optimi&zer:"), self.optimizer_combo)

        self.learning_rate_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.learning_rate_slider.setRange(0, (LR_LOG_MAX - LR_LOG_MIN) * LR_TICKS_PER_DECADE)
        self.learning_rate_slider.setSingleStep(LR_TICKS_PER_DECADE // 10)
        self.learning_rate_slider.setPageStep(LR_TICKS_PER_DECADE)  # Page Up/Down: ×10 / ÷10
        self.learning_rate_slider.setTickInterval(LR_TICKS_PER_DECADE)
        self.learning_rate_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        lr_tip = self.tr("Size of each step. Too small: slow learning; too large: the loss jumps or explodes. "
                         "The slider is logarithmic: each tick mark is ten times the one before "
                         "(0.00001 … 1).")
        self._setup(self.learning_rate_slider, "learningRateSlider", self.tr("Learning rate slider"), lr_tip,
                    "learning_rate")
        self.learning_rate_slider.valueChanged.connect(self._on_lr_slider)

        self.learning_rate_spin = _LearningRateSpin(self)
        self.learning_rate_spin.setDecimals(6)
        self.learning_rate_spin.setRange(1e-6, 10.0)
        self.learning_rate_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self._setup(self.learning_rate_spin, "learningRateSpin", self.tr("Learning rate"), lr_tip, "learning_rate")
        self.learning_rate_spin.valueChanged.connect(self._on_lr_spin)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.learning_rate_slider, 1)
        lr_row.addWidget(self.learning_rate_spin)
        self._add_row(form, self.tr("Learn&ing rate:"), lr_row, buddy=self.learning_rate_spin)

        self.momentum_spin = self._fraction_spin(
            "momentumSpin", self.tr("Momentum"), "momentum", 3, 0.05, 1.0,
            self.tr("Keeps a share of the previous step, so the weights roll through small bumps (0 = off, "
                    "0.9 is common)."))
        self.momentum_label = self._add_row(form, self.tr("&Momentum:"), self.momentum_spin)
        self.nesterov_check = self._check(
            "nesterovCheck", self.tr("Nesterov momentum"), self.tr("Look ahead along the momentum before taking "
                                                                   "the gradient; often a little faster."),
            "nesterov")
        self.nesterov_label = self._add_row(form, "", self.nesterov_check)
        self.rho_spin = self._fraction_spin(
            "rhoSpin", self.tr("Rho"), "rho", 3, 0.01, 0.999,
            self.tr("How long RMSprop remembers past gradient sizes (0.9 ≈ the last ten steps)."))
        self.rho_label = self._add_row(form, self.tr("ρ (rho):"), self.rho_spin)
        self.centered_check = self._check(
            "centeredCheck", self.tr("Centered"), self.tr("Divide by the gradients' variance instead of their "
                                                          "mean square; steadier, a little slower."),
            "centered")
        self.centered_label = self._add_row(form, "", self.centered_check)
        self.beta1_spin = self._fraction_spin(
            "beta1Spin", self.tr("Beta 1"), "beta_1", 3, 0.01, 0.999,
            self.tr("How long Adam remembers the direction of past gradients (its momentum)."))
        self.beta1_label = self._add_row(form, self.tr("β1 (beta &1):"), self.beta1_spin)
        self.beta2_spin = self._fraction_spin(
            "beta2Spin", self.tr("Beta 2"), "beta_2", 4, 0.001, 0.9999,
            self.tr("How long Adam remembers the size of past gradients."))
        self.beta2_label = self._add_row(form, self.tr("β2 (beta &2):"), self.beta2_spin)
        self.weight_decay_spin = self._fraction_spin(
            "weightDecaySpin", self.tr("Weight decay"), "weight_decay", 4, 0.001, 1.0,
            self.tr("Shrinks every weight a little at each step, which keeps the network from memorising."))
        self.weight_decay_label = self._add_row(form, self.tr("Weight &decay:"), self.weight_decay_spin)
        self._option_widgets: dict[str, QWidget] = {
            "momentum": self.momentum_spin, "nesterov": self.nesterov_check, "rho": self.rho_spin,
            "centered": self.centered_check, "beta_1": self.beta1_spin, "beta_2": self.beta2_spin,
            "weight_decay": self.weight_decay_spin,
        }

        # The two notes sit together, so that while training they read as one answer to
        # "when does my change count?".
        self.live_note = self._note("liveNoteLabel")
        form.addRow(self.live_note)
        self.next_train_note = self._note("nextTrainNoteLabel")
        self.next_train_note.setText(self.tr("Everything else applies at the next Train."))
        form.addRow(self.next_train_note)

    def _build_training_group(self) -> None:
        self.training_group = QGroupBox(self.tr("Training"), self)
        form = QFormLayout(self.training_group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.loss_combo = QComboBox(self)
        loss_names = self._loss_names()
        for name in sb.losses.names():
            self.loss_combo.addItem(loss_names.get(name, name.replace("_", " ")), name)
        self._setup(self.loss_combo, "lossCombo", self.tr("Loss"),
                    self.tr("What the network is scored on. For digit labels 0–9 with a softmax output, "
                            "use sparse categorical cross-entropy."), "loss")
        self.loss_combo.activated.connect(self._on_loss_activated)
        self._add_row(form, self.tr("L&oss:"), self.loss_combo)

        self.batch_size_spin = self._int_spin(
            "batchSizeSpin", self.tr("Batch size"), "batch_size", 1, 4096,
            self.tr("Images per step. Small batches: noisy but frequent steps; large: smooth but few."))
        self._add_row(form, self.tr("&Batch size:"), self.batch_size_spin)
        self.epochs_spin = self._int_spin(
            "epochsSpin", self.tr("Epochs"), "epochs", 1, 1000,
            self.tr("How many times Train goes through all training images."))
        self._add_row(form, self.tr("E&pochs:"), self.epochs_spin)
        self.validation_split_spin = self._fraction_spin(
            "validationSplitSpin", self.tr("Validation split"), "validation_split", 2, 0.05, 0.5,
            self.tr("Share of the training images held back (from the end, as Keras does) to check the "
                    "network on images it never trains on."))
        self._add_row(form, self.tr("Validatio&n split:"), self.validation_split_spin)
        self.seed_spin = self._int_spin(
            "seedSpin", self.tr("Seed"), "seed", 0, 2**31 - 1,
            self.tr("Fixes the random starting weights and the shuffling, so a run can be repeated exactly."))
        self._add_row(form, self.tr("Random seed:"), self.seed_spin)
        self.augment_check = self._check(
            "augmentCheck", self.tr("Augmentation"), self.tr("Shift and rotate the digits a little in every batch, "
                                                             "so the network learns shapes rather than pixels."),
            "augment")
        self.augment_check.setText(self.tr("Au&gment (shift and rotate digits)"))
        self._add_row(form, "", self.augment_check)
        self.clipnorm_spin = QDoubleSpinBox(self)
        self.clipnorm_spin.setRange(0.0, 100.0)
        self.clipnorm_spin.setDecimals(2)
        self.clipnorm_spin.setSingleStep(0.5)
        self.clipnorm_spin.setSpecialValueText(self.tr("Off"))
        self.clipnorm_spin.setKeyboardTracking(False)
        self._setup(self.clipnorm_spin, "clipnormSpin", self.tr("Gradient clipping"),
                    self.tr("Shorten each weight's gradient to at most this length (0 = off). It hides a too "
                            "large learning rate rather than fixing it."), "clipnorm")
        self.clipnorm_spin.valueChanged.connect(self._on_clipnorm)
        self._add_row(form, self.tr("Gradient clipping:"), self.clipnorm_spin)

    def _setup(self, widget: QWidget, object_name: str, accessible: str, tooltip: str, field: str) -> None:
        widget.setObjectName(object_name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tooltip)
        self._base_tooltips[widget] = tooltip
        self._field_widgets[field] = (*self._field_widgets.get(field, ()), widget)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget | QHBoxLayout,
                 buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy or field)
        form.addRow(label, field)
        return label

    def _fraction_spin(self, object_name: str, accessible: str, field: str, decimals: int, step: float,
                       maximum: float, tooltip: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(0.0, maximum)
        spin.setDecimals(decimals)
        spin.setSingleStep(step)
        spin.setKeyboardTracking(False)  # commit on Enter or focus-out, not at every keystroke
        self._setup(spin, object_name, accessible, tooltip, field)
        spin.valueChanged.connect(self._on_value_edited)
        return spin

    def _int_spin(self, object_name: str, accessible: str, field: str, minimum: int, maximum: int,
                  tooltip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(minimum, maximum)
        spin.setKeyboardTracking(False)
        spin.setGroupSeparatorShown(False)
        self._setup(spin, object_name, accessible, tooltip, field)
        spin.valueChanged.connect(self._on_value_edited)
        return spin

    def _check(self, object_name: str, text: str, tooltip: str, field: str) -> QCheckBox:
        check = QCheckBox(text, self)
        self._setup(check, object_name, text, tooltip, field)
        check.toggled.connect(self._on_value_edited)
        return check

    def _note(self, object_name: str) -> QLabel:
        note = QLabel(self)
        note.setObjectName(object_name)
        note.setWordWrap(True)
        note.setStyleSheet("font-style: italic;")
        note.setVisible(False)
        return note

    def _optimizer_descriptions(self) -> dict[str, str]:
        return {
            "SGD": self.tr("Plain gradient descent: a step straight down the slope, optionally with momentum."),
            "RMSprop": self.tr("Divides each step by the recent size of that weight's gradients."),
            "Adam": self.tr("Momentum plus a step size per weight; a good default."),
            "AdamW": self.tr("Adam with weight decay that keeps the weights small."),
            "Adagrad": self.tr("Steps shrink for weights that have already moved a lot."),
        }

    def _loss_names(self) -> dict[str, str]:
        return {
            "sparse_categorical_crossentropy": self.tr("Sparse categorical cross-entropy"),
            "categorical_crossentropy": self.tr("Categorical cross-entropy"),
            "binary_crossentropy": self.tr("Binary cross-entropy"),
            "mean_squared_error": self.tr("Mean squared error"),
            "mean_absolute_error": self.tr("Mean absolute error"),
        }

    def _setting_names(self) -> dict[str, str]:
        return {"learning_rate": self.tr("learning rate"), "momentum": self.tr("momentum"), "rho": self.tr("ρ"),
                "beta_1": self.tr("β1"), "beta_2": self.tr("β2")}

    # ---- user edits → session --------------------------------------------------------------------
    @Slot(int)
    def _on_optimizer_activated(self, index: int) -> None:
        name = self.optimizer_combo.itemData(index)
        spec = self.session.training
        if name == spec.optimizer:
            return
        # Keep the options the new optimizer also takes (momentum, the betas); an option it does not
        # know would make the engine refuse to build it.
        kept = {k: v for k, v in spec.optimizer_options.items() if name in OPTION_OWNERS.get(k, ())}
        new = replace(spec, optimizer=name, optimizer_options_json="{}").with_options(**kept)
        self.session.set_training(new, "optimizer", lambda: QCoreApplication.translate(
            "TrainingSettingsPanel", "Change optimizer to {name}").format(name=name))

    @Slot(int)
    def _on_loss_activated(self, index: int) -> None:
        self.session.update_training("loss", self.loss_combo.itemData(index))

    @Slot(int)
    def _on_lr_slider(self, position: int) -> None:
        self.session.update_training("learning_rate", lr_from_position(position))

    @Slot(float)
    def _on_lr_spin(self, value: float) -> None:
        self.session.update_training("learning_rate", value)

    @Slot(float)
    def _on_clipnorm(self, value: float) -> None:
        self.session.update_training("clipnorm", value if value > 0 else None)

    @Slot()
    def _on_value_edited(self) -> None:
        widget = self.sender()
        field = next(f for f, ws in self._field_widgets.items() if widget in ws)
        if isinstance(widget, QCheckBox):
            value: Any = widget.isChecked()
        elif isinstance(widget, QSpinBox):
            value = widget.value()
        else:
            value = round(widget.value(), widget.decimals())
        self.session.update_training(field, value)

    # ---- session → widgets -----------------------------------------------------------------------
    @Slot(object)
    def _on_training_changed(self, spec: TrainingSpec) -> None:
        blockers = [QSignalBlocker(w) for ws in self._field_widgets.values() for w in ws]
        try:
            self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(spec.optimizer))
            self.loss_combo.setCurrentIndex(self.loss_combo.findData(spec.loss))
            # Only move a widget that disagrees with the spec: the slider's rounded value would
            # otherwise snap it a tick under the mouse, and a spin box would lose its cursor.
            if lr_from_position(self.learning_rate_slider.value()) != spec.learning_rate:
                self.learning_rate_slider.setValue(position_from_lr(spec.learning_rate))
            _set_number(self.learning_rate_spin, spec.learning_rate)
            _set_number(self.batch_size_spin, spec.batch_size)
            _set_number(self.epochs_spin, spec.epochs)
            _set_number(self.validation_split_spin, spec.validation_split)
            _set_number(self.seed_spin, spec.seed)
            _set_number(self.clipnorm_spin, spec.clipnorm or 0.0)
            self.augment_check.setChecked(spec.augment)
            values = _option_values(spec)
            for name, widget in self._option_widgets.items():
                shown = spec.optimizer in OPTION_OWNERS[name]
                self._optimizer_form.setRowVisible(widget, shown)
                if not shown:
                    continue
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(values.get(name, False)))
                else:
                    _set_number(widget, float(values.get(name, 0.0)))
        finally:
            for blocker in blockers:
                blocker.unblock()
        self._update_notes()

    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        self._update_notes()

    def _update_notes(self) -> None:
        training = self.session.is_training()
        spec = self.session.training
        names = self._setting_names()
        live = [names[f] for f in names if self.session.is_live_setting(f)
                and (f == "learning_rate" or spec.optimizer in OPTION_OWNERS.get(f, ()))]
        self.live_note.setText(self.tr("Takes effect at the next batch: {settings}.").format(
            settings=", ".join(live)))
        self.live_note.setVisible(training)
        self.next_train_note.setVisible(training)
        live_tip, later_tip = self.tr("Takes effect at the next batch."), self.tr("Applies at the next Train.")
        for field, widgets in self._field_widgets.items():
            suffix = "" if not training else live_tip if self.session.is_live_setting(field) else later_tip
            for widget in widgets:
                base = self._base_tooltips[widget]
                widget.setToolTip(f"{base}\n\n{suffix}" if suffix else base)


class _LearningRateSpin(QDoubleSpinBox):
    """Shows ``0.001`` rather than ``0.001000``: six decimals are needed for small rates, not their zeros."""

    def textFromValue(self, value: float) -> str:
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


def _set_number(spin: QSpinBox | QDoubleSpinBox, value: float) -> None:
    """Set ``value`` unless the spin box already shows it (setting it again would move the text cursor)."""
    shown = spin.value()
    if isinstance(spin, QDoubleSpinBox):
        value = round(float(value), spin.decimals())
        if math.isclose(shown, value, rel_tol=0.0, abs_tol=0.5 * 10.0 ** -spin.decimals()):
            return
    elif shown == value:
        return
    spin.setValue(value)
