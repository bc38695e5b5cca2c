"""The one object the panels talk to: the network and training specs, the undo stack, the data,
the current weights and the training lifecycle.

Panels read the session's state, call its methods to change it, and redraw from its signals; they
never build models or touch weights themselves. Edits that change the network go through the undo
stack. Training runs in a :class:`~ui.worker.TrainingWorker` on its own copy of the model; the
session keeps a GUI-side copy whose weights are refreshed a few times a second for the canvas.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QUndoStack

import resources
import sandbox as sb
from sandbox import budget
from sandbox.monitor import Alarm
from sandbox.runs import ModelSnapshot, RunRecord, drop_old_weights, preset_id
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec

from .commands import DescribedCommand, ReplaceModelCommand, SetNetworkCommand, SetTrainingCommand, Text
from .presets_text import preset_text
from .worker import LIVE_THREADS, TrainingJob, TrainingResult, TrainingWorker

__all__ = ["DataSet", "Session"]

#: Settings that the worker can change between batches, by optimizer attribute name.
LIVE_SETTINGS = ("learning_rate", "momentum", "rho", "beta_1", "beta_2")
#: Undo steps kept. A network edit keeps the weights of the model it left (0.4 MB for the MLP), so the stack
#: is bounded in steps and in bytes: beyond UNDO_BYTES the oldest steps forget their trained weights (undoing
#: to them brings the network back with fresh weights) but stay on the stack.
UNDO_LIMIT = 100
UNDO_BYTES = 256 * 2**20


@dataclass
class DataSet:
    """Images scaled to [0, 1] as float32 (N, 28, 28, 1) and integer labels (N,)."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...] = tuple("0123456789")

    @classmethod
    def from_uint8(cls, name: str, train: tuple[np.ndarray, np.ndarray], test: tuple[np.ndarray, np.ndarray],
                   class_names: tuple[str, ...] = tuple("0123456789")) -> DataSet:
        """Scale uint8 (N, H, W) images to float32 (N, H, W, 1) in [0, 1]."""
        def prep(x: np.ndarray) -> np.ndarray:
            # Divide in place: one float32 copy beside the uint8 images (5 bytes a pixel, the budget the IDX
            # reader checks), not two.
            scaled = x.astype(np.float32)
            scaled /= np.float32(255.0)
            return scaled[..., None]

        return cls(name, prep(train[0]), train[1].astype(np.int64), prep(test[0]), test[1].astype(np.int64),
                   class_names)


class Session(QObject):
    """State and actions of one sandbox window."""

    networkChanged = Signal(object)  # NetworkSpec
    trainingChanged = Signal(object)  # TrainingSpec
    modelChanged = Signal()  # the weights were replaced (new network, reset, open, restore)
    weightsChanged = Signal()  # any change of weights, including live snapshots while training
    stateChanged = Signal(str)  # "idle", "running", "paused"
    runStarted = Signal(str)  # a label naming the network and optimizer of the new run
    historyLoaded = Signal(str)  # an opened file brought per-epoch logs (self.history); the label names it
    batchesReceived = Signal(object)  # list[sandbox.BatchProgress]
    epochEnded = Signal(object)  # sandbox.EpochProgress
    trainingEnded = Signal(object)  # TrainingResult
    diverged = Signal(object)  # TrainingResult, with last_good_weights
    datasetChanged = Signal()
    dirtyChanged = Signal(bool)
    pathChanged = Signal(str)
    message = Signal(str)  # a short status-bar message (already translated by the sender where needed)
    runsChanged = Signal()  # self.runs changed: a run started, ended, or was cleared (issue 5 §5)
    networkTooBig = Signal(object, str, object)  # NetworkSpec, undo text, sandbox.budget.Verdict (not applied)
    alarmRaised = Signal(object)  # sandbox.monitor.Alarm: the running training went wrong (issue 11 §3)
    alarmsCleared = Signal()  # the alarms of the last run no longer apply (a new run, another network)

    def __init__(self, parent: QObject | None = None, *, load_pretrained: bool = True) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._bound_undo_memory)
        self.network = NetworkSpec.from_preset("small-cnn")
        self.training = TrainingSpec()
        self.dataset = DataSet.from_uint8("digits", *sb.datasets.digits.load_data())
        self.user_digits: tuple[np.ndarray, np.ndarray] = (np.zeros((0, 28, 28, 1), np.float32),
                                                           np.zeros(0, np.int64))
        self.use_user_digits = True
        self.model: sb.Sequential | None = None
        self.epochs_done = 0
        self.history: dict[str, list[float]] = {}
        self.path: str = ""
        self.run_count = 0
        self._optimizer_key: tuple | None = None
        self._optimizer_state: dict[str, np.ndarray] | None = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._verdict_cache: tuple[tuple, budget.Verdict | None] | None = None
        self._check_cache: tuple[tuple, list[sb.Finding]] | None = None
        #: The alarms of the current (or last) run, in the order they were raised; emptied when they no
        #: longer apply (a new run starts, the network changes).
        self.alarms: list[Alarm] = []
        self._run_start_weights: np.ndarray | None = None  # the weights the current or last run started from
        self._last_good_weights: np.ndarray | None = None  # from a run that ended with a non-finite loss
        self._after_run: Any = None  # a rescue asked for while training: applied when the run has ended
        self.history_file = ""  # the name of the file whose saved curves were drawn last
        self._state = "idle"
        self._dirty = False
        self._init_runs()
        self._rebuild_model()
        if load_pretrained:
            self._load_pretrained()

    # ---- state -----------------------------------------------------------------------------------
    def is_training(self) -> bool:
        """True while a training run exists (running or paused)."""
        return self._worker is not None

    @property
    def state(self) -> str:
        """``"idle"``, ``"running"`` or ``"paused"``."""
        return self._state

    @property
    def dirty(self) -> bool:
        """Unsaved changes since the last save or open."""
        return self._dirty

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _mark_dirty(self, dirty: bool = True) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    @Slot(bool)
    def _on_clean_changed(self, clean: bool) -> None:
        self._mark_dirty(not clean)

    # ---- undo --------------------------------------------------------------------------------------
    def can_undo(self) -> bool:
        """Undo is possible: something to undo, and no training run that owns the network."""
        return self.undo_stack.canUndo() and not self.is_training()

    def can_redo(self) -> bool:
        """Redo is possible (see :meth:`can_undo`)."""
        return self.undo_stack.canRedo() and not self.is_training()

    def undo(self) -> None:
        """Undo the last edit, unless training is running (its weights belong to the current network)."""
        if self.can_undo():
            self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit, unless training is running."""
        if self.can_redo():
            self.undo_stack.redo()

    @Slot()
    def _bound_undo_memory(self) -> None:
        """Make the oldest steps forget their weights until the whole stack holds at most :data:`UNDO_BYTES`."""
        commands = [self.undo_stack.command(i) for i in range(self.undo_stack.count())]
        commands = [c for c in commands if hasattr(c, "held_bytes")]
        total = sum(c.held_bytes() for c in commands)
        for command in commands:
            if total <= UNDO_BYTES:
                break
            total -= command.held_bytes()
            command.forget_weights()

    def undo_bytes(self) -> int:
        """Bytes of weights the undo stack holds (bounded by :data:`UNDO_BYTES`)."""
        return sum(c.held_bytes() for c in (self.undo_stack.command(i) for i in range(self.undo_stack.count()))
                   if hasattr(c, "held_bytes"))

    # ---- network edits (undoable) ----------------------------------------------------------------
    def set_network(self, spec: NetworkSpec, text: Text, *, confirmed: bool = False) -> bool:
        """Replace the network through the undo stack; refused (False) while training.

        A network that grows past :func:`sandbox.budget.judge`'s budgets is not built: :attr:`networkTooBig`
        asks the learner (who calls again with ``confirmed=True``) or tells them why it is refused.
        """
        if self.is_training() or spec == self.network:
            return False
        verdict = self.network_verdict(spec)
        if verdict is not None and (verdict.level == "refuse" or (verdict.level == "warn" and not confirmed)):
            old = self.network_verdict(self.network)
            shrinks = old is not None and old.level != "ok" and verdict.level != "refuse" and (
                verdict.cost.weights <= old.cost.weights and verdict.cost.total_bytes <= old.cost.total_bytes)
            if not shrinks:  # making an accepted big network smaller never asks again
                self.networkTooBig.emit(spec, text, verdict)
                return False
        self.undo_stack.push(SetNetworkCommand(self, self.network, spec, text))
        return True

    def network_verdict(self, spec: NetworkSpec | None = None) -> budget.Verdict | None:
        """How :func:`sandbox.budget.judge` sees ``spec`` (default: the current network) at the current batch
        size; None when it does not fit together."""
        key = (spec or self.network, self.training.batch_size)
        if self._verdict_cache is None or self._verdict_cache[0] != key:
            # Every action's enable rule asks (through training_problem) on every state or settings signal:
            # trace the network once per network and batch size, not once per question.
            cost = budget.network_cost(*key)
            self._verdict_cache = (key, None if cost is None else budget.judge(cost))
        return self._verdict_cache[1]

    def add_layer(self, class_name: str, after: int | None = None, **config: Any) -> bool:
        """Add a layer with sensible defaults after index ``after`` (None: at the end)."""
        spec = LayerSpec.make(class_name, **{**default_layer_config(class_name), **config})
        index = len(self.network.layers) if after is None else after + 1
        return self.set_network(self.network.insert(index, spec),
                                lambda: self.tr("Add {layer}").format(layer=spec.label()))

    def remove_layer(self, index: int) -> bool:
        """Remove the layer at ``index``."""
        label = self.network.layers[index].label()
        return self.set_network(self.network.remove(index), lambda: self.tr("Delete {layer}").format(layer=label))

    def move_layer(self, source: int, target: int) -> bool:
        """Move a layer so that it ends up at ``target``."""
        if source == target or not (0 <= target < len(self.network.layers)):
            return False
        label = self.network.layers[source].label()
        return self.set_network(self.network.move(source, target), lambda: self.tr("Move {layer}").format(layer=label))

    def edit_layer(self, index: int, **changes: Any) -> bool:
        """Change some settings of the layer at ``index``."""
        old = self.network.layers[index]
        new = old.with_config(**changes)
        return self.set_network(self.network.replace_layer(index, new),
                                lambda: self.tr("Edit {layer}").format(layer=new.label()))

    def apply_fix(self, index: int, fix: str) -> bool:
        """Apply the engine's one-click fix for the layer at ``index`` (``"insert_flatten"``, …)."""
        if fix == "insert_flatten":
            return self.set_network(self.network.insert(index, LayerSpec.make("Flatten")),
                                    lambda: self.tr("Insert Flatten"))
        if fix == "remove_flatten":
            for i in range(index - 1, -1, -1):
                if self.network.layers[i].class_name == "Flatten":
                    return self.set_network(self.network.remove(i), lambda: self.tr("Remove Flatten"))
            return False
        if fix == "padding_same":
            return self.edit_layer(index, padding="same")
        return False

    def load_preset(self, name: str) -> bool:
        """Replace the network with a preset (undoable)."""
        return self.set_network(NetworkSpec.from_preset(name),
                                lambda: self.tr("Load preset {name}").format(name=preset_text(name)[0]))

    def load_pretrained(self) -> bool:
        """Bring back the shipped, pretrained small CNN (its network and weights) as one undoable step.

        For the learner whose run ruined the model: nothing else restores the 98 % network. The training
        settings stay the learner's; the epoch count and history start afresh, as when the app opens.

        Returns
        -------
        bool
            False while training, when the shipped file cannot be read, or when the model already is it.
        """
        if self.is_training():
            return False
        try:
            model = sb.load_model(resources.path("models", "small-cnn.dlsb"))
        except (sb.FileFormatError, OSError):
            return False
        network = NetworkSpec.from_model_config(model.get_config())
        weights = model.get_flat_weights()
        if (network == self.network and self.model is not None and self.epochs_done == 0
                and np.array_equal(self.model.get_flat_weights(), weights)):
            return False  # already the shipped model: an undo step that changes nothing would only confuse
        snapshot = ModelSnapshot(network, self.training, weights, 0, {})
        self.undo_stack.push(ReplaceModelCommand(self, snapshot, lambda: self.tr("Load the pretrained small CNN")))
        return True

    def _apply_network(self, spec: NetworkSpec, state: ModelSnapshot | None) -> None:
        # Called by SetNetworkCommand only: the network with the model the learner had when they left it
        # (``state``), or with fresh weights the first time.
        self.network = spec
        self._rebuild_model()
        if state is not None and state.network == spec:
            self._restore_model(state)
        self._clear_alarms()
        self.networkChanged.emit(spec)
        self.modelChanged.emit()
        self.weightsChanged.emit()

    def _current_snapshot(self) -> ModelSnapshot:
        """The current network, settings, weights (None without a model), epochs, history and optimizer state."""
        return ModelSnapshot(self.network, self.training,
                             None if self.model is None else self.model.get_flat_weights(), self.epochs_done,
                             {k: list(v) for k, v in self.history.items()}, self._optimizer_state,
                             self._optimizer_key)

    def _restore_model(self, state: ModelSnapshot) -> None:
        if self.model is None or state.flat_weights is None:
            return
        self.model.set_flat_weights(state.flat_weights)
        self.epochs_done = state.epochs_done
        self.history = {k: list(v) for k, v in state.history.items()}
        self._optimizer_state, self._optimizer_key = state.optimizer_state, state.optimizer_key

    def _rebuild_model(self) -> None:
        self.epochs_done = 0
        self._optimizer_state = None
        self.history = {}
        try:
            self.model = self.network.build_model(seed=self.training.seed)
        except sb.SandboxError:
            self.model = None

    def network_error(self) -> sb.ShapeError | None:
        """Why the current network cannot train, or None."""
        return self.network.first_error()

    # ---- training settings (undoable) ------------------------------------------------------------
    def set_training(self, spec: TrainingSpec, field: str, text: Text) -> None:
        """Replace the training settings through the undo stack; live settings reach a running worker."""
        if spec == self.training:
            return
        self.undo_stack.push(SetTrainingCommand(self, self.training, spec, text, field))

    def update_training(self, field: str, value: Any) -> None:
        """Change one training setting (``learning_rate``, ``batch_size``, …, or an optimizer option)."""
        if field in TrainingSpec.__dataclass_fields__:
            spec = replace(self.training, **{field: value})
        else:
            spec = self.training.with_options(**{field: value})
        self.set_training(spec, field, lambda: self.tr("Change {setting}").format(setting=self.setting_name(field)))

    def setting_name(self, field: str) -> str:
        """A training setting's name in the learner's language, as undo steps say it (``Change learning rate``)."""
        names = {
            "optimizer": self.tr("optimizer"), "learning_rate": self.tr("learning rate"), "loss": self.tr("loss"),
            "batch_size": self.tr("batch size"), "epochs": self.tr("epochs"),
            "validation_split": self.tr("validation split"), "seed": self.tr("random seed"),
            "augment": self.tr("augmentation"), "clipnorm": self.tr("gradient clipping"),
            "momentum": self.tr("momentum"), "nesterov": self.tr("Nesterov momentum"), "rho": self.tr("rho"),
            "beta_1": self.tr("beta 1"), "beta_2": self.tr("beta 2"), "weight_decay": self.tr("weight decay"),
            "centered": self.tr("centred RMSprop"), "epsilon": self.tr("epsilon"),
        }
        return names.get(field, field.replace("_", " "))

    def retranslate(self) -> None:
        """Name every undo step again in the language now installed (Edit → Undo shows their names)."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, DescribedCommand):
                command.retranslate()

    def is_live_setting(self, field: str) -> bool:
        """Whether a change of ``field`` reaches a running training at its next batch."""
        return field in LIVE_SETTINGS

    def _apply_training(self, spec: TrainingSpec) -> None:
        old, self.training = self.training, spec
        if (old.learning_rate != spec.learning_rate and not self.is_training() and self.alarms
                and all(a.cause in ("learning_rate", "learning_rate_low") for a in self.alarms)):
            self._clear_alarms()  # the learner changed what the diagnosis blamed: the next run will tell
        if self._worker is not None:
            live = {k: getattr(spec, k) if k in TrainingSpec.__dataclass_fields__ else spec.optimizer_options[k]
                    for k in LIVE_SETTINGS if _setting(old, k) != _setting(spec, k)}
            if live:
                self._worker.set_hyperparameters(live)
        self.trainingChanged.emit(spec)

    # ---- data ------------------------------------------------------------------------------------
    def set_dataset(self, dataset: DataSet) -> bool:
        """Switch the training data (refused while training)."""
        if self.is_training():
            return False
        self.dataset = dataset
        self.datasetChanged.emit()
        return True

    def load_idx(self, folder: str) -> None:
        """Train on the IDX files in ``folder`` (MNIST, Fashion-MNIST, …); raises FileFormatError."""
        train, test = sb.datasets.idx.load_data(folder)
        if train[0].shape[1:] != (28, 28):
            raise sb.FileFormatError("app.images_not_28", folder=str(folder),
                                     size=f"{train[0].shape[1]}×{train[0].shape[2]}")
        self.set_dataset(DataSet.from_uint8(Path(folder).name, train, test))

    def load_bundled_digits(self) -> None:
        """Go back to the bundled 5,000 MNIST digits."""
        self.set_dataset(DataSet.from_uint8("digits", *sb.datasets.digits.load_data()))

    def set_user_digits(self, images: np.ndarray, labels: np.ndarray) -> None:
        """The learner's own labelled drawings, float32 (N, 28, 28) in [0, 1] and int (N,)."""
        self.user_digits = (np.asarray(images, np.float32).reshape(-1, 28, 28, 1), np.asarray(labels, np.int64))
        self.datasetChanged.emit()

    def training_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
        """``(x, y, x_val, y_val)``: the validation split is taken from the end, as Keras does."""
        x, y = self.dataset.x_train, self.dataset.y_train
        (x, y), (xv, yv) = sb.training.split_validation(x, y, self.training.validation_split) \
            if self.training.validation_split > 0 else ((x, y), (None, None))
        if self.use_user_digits and len(self.user_digits[1]):
            x = np.concatenate([x, self.user_digits[0]])
            y = np.concatenate([y, self.user_digits[1]])
        return x, y, xv, yv

    # ---- prediction ------------------------------------------------------------------------------
    def predict(self, image: np.ndarray) -> np.ndarray | None:
        """Class probabilities float32 (classes,) for one MNIST-like float32 (28, 28) image.

        Returns None when the network cannot run. Outputs that are not probabilities (no softmax at
        the end) are passed through a softmax so the bars still read as confidences.
        """
        if self.model is None:
            return None
        try:
            out = self.model.predict_on_batch(np.asarray(image, np.float32).reshape(1, 28, 28, 1))[0]
        except sb.SandboxError:
            return None
        if out.ndim != 1:
            return None
        if not np.all(np.isfinite(out)):
            return np.full(out.shape, np.nan, np.float32)
        if out.min() < 0 or not math.isclose(float(out.sum()), 1.0, rel_tol=1e-3):
            out = sb.activations.get("softmax")(out)
        return out.astype(np.float32)

    def evaluate_test(self) -> dict[str, float] | None:
        """Loss and accuracy on the held-out test images (None if the network cannot run)."""
        if self.model is None:
            return None
        self._compile(self.model)
        return self.model.evaluate(self.dataset.x_test, self.dataset.y_test, return_dict=True, verbose=0)

    # ---- training lifecycle ----------------------------------------------------------------------
    def training_problem(self) -> str | None:
        """Why Train is disabled right now (English engine message), or None."""
        cause = self.training_problem_cause()
        if cause is None:
            return None
        return cause.message if isinstance(cause, sb.Finding) else str(cause)

    def training_problem_cause(self) -> sb.SandboxError | sb.Finding | str | None:
        """Why Train is disabled right now, as the engine said it (an error with its code and fields, or the
        check's finding) so that the app can say it in the learner's language; a budget refusal is already
        translated text. None when Train may run."""
        error = self.network_error()
        if error is not None:
            return error
        verdict = self.network_verdict()
        if verdict is not None and verdict.level == "refuse":
            return budget_problem(verdict)
        error = self.training.check_error()
        if error is not None:
            return error
        return next((f for f in self.check_findings() if f.severity == "error"), None)

    def check_findings(self) -> list[sb.Finding]:
        """What :func:`sandbox.check` finds wrong with the network, its loss and optimizer on the training data.

        Errors first, then warnings; empty when the network cannot be built (:meth:`network_error` says why, and
        the layer stack offers its fix). Cached per network, settings and data: every action's enable rule
        asks on every signal.
        """
        if self.model is None or self.network_error() is not None:
            return []
        y = self.dataset.y_train
        if self.use_user_digits and len(self.user_digits[1]):
            y = np.concatenate([y, self.user_digits[1]])
        key = (self.network, self.training, id(self.dataset.x_train), len(y), self.use_user_digits)
        if self._check_cache is None or self._check_cache[0] != key:
            try:
                # Only the inputs' shape matters to the check: a broadcast view has it without copying the images.
                x = np.broadcast_to(self.dataset.x_train[:1], (len(y), *self.dataset.x_train.shape[1:]))
                findings = [f for f in sb.check(self.model, x, y, loss=self.training.build_loss(),
                                                optimizer=self.training.build_optimizer())
                            if f.code != "layer_does_not_fit"]  # the layer stack shows that one with its fix
            except sb.SandboxError:
                findings = []  # settings the spec itself refuses: training_problem says why
            self._check_cache = (key, findings)
        return self._check_cache[1]

    def apply_check_fix(self, fix: dict[str, Any]) -> bool:
        """Make the one edit a check finding's ``fix`` describes (undoable); False if it no longer applies."""
        kind = fix.get("kind")
        layers = self.network.layers
        if kind == "add_output_layer":
            return self.add_layer(fix["class_name"], units=fix["units"], activation=fix["activation"])
        if kind == "set_last_layer":
            if not layers or layers[-1].class_name != fix["class_name"]:
                return self.add_layer(fix["class_name"], units=fix["units"], activation=fix["activation"])
            return self.edit_layer(len(layers) - 1, units=fix["units"], activation=fix["activation"])
        if kind == "set_activation":
            index = int(fix["layer_index"])
            if not (0 <= index < len(layers)) or "activation" not in layers[index].config:
                return False
            return self.edit_layer(index, activation=fix["activation"])
        if kind == "set_loss":
            self.update_training("loss", fix["loss"])
            return True
        if kind == "set_learning_rate":
            self.update_training("learning_rate", float(fix["learning_rate"]))
            return True
        return False

    # ---- alarms while training (issue 11 §3–4) -------------------------------------------------------
    def rescue(self, alarm: Alarm) -> bool:
        """The one-click rescue that fits ``alarm``'s cause; while training, the run is stopped first.

        - ``output_layer``: the check's fix (e.g. add the output layer Dense(10, softmax));
        - ``learning_rate``: the weights from before the blow-up (the last finite ones, else the run's start)
          with the optimizer's default learning rate when the rate is far above its usual range, else a tenth;
        - ``learning_rate_low``: ten times the learning rate;
        - ``dead_units`` and ``unknown``: fresh weights.

        False when it no longer applies: the alarm is not one of the current alarms (the network changed or a new
        run started since).
        """
        if not any(a is alarm for a in self.alarms):
            return False
        if self.is_training():
            self._after_run = alarm
            self.stop()
            return True
        return self._apply_rescue(alarm)

    def rescue_learning_rate(self, alarm: Alarm) -> float | None:
        """The learning rate :meth:`rescue` will set for ``alarm``, or None when it keeps the rate."""
        lr = self.training.learning_rate
        if alarm.cause == "learning_rate":
            finding = next((f for f in self.check_findings() if f.code == "learning_rate_unusual"
                            and f.fields.get("too_high")), None)
            return float(finding.fields["default"]) if finding is not None else lr / 10
        if alarm.cause == "learning_rate_low":
            return lr * 10
        return None

    def _apply_rescue(self, alarm: Alarm) -> bool:
        lr = self.rescue_learning_rate(alarm)
        if alarm.cause == "output_layer":
            fix = alarm.finding.fix if alarm.finding is not None else None
            return fix is not None and self.apply_check_fix(fix)
        if alarm.cause == "learning_rate":
            good = self._last_good_weights if self._last_good_weights is not None else self._run_start_weights
            if good is None or not self.restore_weights(good, lower_learning_rate=False):
                return False
            self.update_training("learning_rate", lr)
            self._clear_alarms()
            return True
        if alarm.cause == "learning_rate_low":
            self.update_training("learning_rate", lr)
            self._clear_alarms()
            return True
        ok = self.reset_weights()
        if ok:
            self._clear_alarms()
        return ok

    def _clear_alarms(self) -> None:
        self._after_run = None
        if self.alarms:
            self.alarms = []
            self.alarmsCleared.emit()

    @Slot(object)
    def _on_alarm(self, alarm: Alarm) -> None:
        if self.sender() is not self._worker:
            return  # a run already ended by shutdown()
        self.alarms.append(alarm)
        self.alarmRaised.emit(alarm)

    def _compile(self, model: sb.Sequential) -> None:
        model.compile(optimizer=self.training.build_optimizer(), loss=self.training.build_loss(),
                      metrics=list(self.training.metrics))

    def start_training(self, budget: int | None = None) -> bool:
        """Train for ``training.epochs`` more epochs (or ``budget`` batches, then pause)."""
        if self.is_training():
            return False
        if self.training_problem() is not None or self.model is None:
            return False
        x, y, xv, yv = self.training_arrays()
        worker_model = self.model.copy()  # the worker's own model: the GUI keeps editing and redrawing its copy
        self._clear_alarms()
        self._run_start_weights, self._last_good_weights = self.model.get_flat_weights(), None
        self._compile(worker_model)
        key = (self.training.optimizer, self.training.optimizer_options_json, self.training.loss)
        if self._optimizer_state is not None and key == self._optimizer_key:
            worker_model.optimizer.set_state(self._optimizer_state)  # compile has built its slots
        self._optimizer_key = key
        worker_model.train_rng = np.random.default_rng([self.training.seed, 1, self.epochs_done])
        augment = sb.datasets.augment.Augmenter() if self.training.augment else None
        job = TrainingJob(worker_model, x, y, xv, yv, self.training.batch_size,
                          self.epochs_done + self.training.epochs, self.epochs_done, augment, budget,
                          findings=list(self.check_findings()))
        worker = TrainingWorker(job)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # The worker lives in the thread: only the thread's own "finished" can still delete it (a deleteLater
        # posted from here after the thread's loop ended would never run, keeping its model and data alive).
        thread.finished.connect(worker.deleteLater)
        worker.progress.connect(self._on_progress)
        worker.epochEnded.connect(self._on_epoch)
        worker.weightsSnapshot.connect(self._on_weights)
        worker.paused.connect(self._on_paused)
        worker.resumed.connect(self._on_resumed)
        worker.done.connect(self._on_done)
        worker.alarm.connect(self._on_alarm)
        self._worker, self._thread = worker, thread
        self.run_count += 1
        self.runStarted.emit(self.run_label())
        self._set_state("paused" if budget == 0 else "running")
        LIVE_THREADS.add(thread)
        thread.start()
        return True

    def run_label(self) -> str:
        """``Run 2 · Small CNN (9,098) · Adam 0.001`` — names the curves in the loss plot."""
        return self._describe(self.run_count, preset_id(self.network), self.network.count_params(), self.training)

    def describe_run(self, number: int) -> str | None:
        """Run ``number``'s name in the language installed now (as :meth:`run_label` gave it when it started), or
        None when the run is no longer kept. Views call it whenever they draw the name, so it follows a language
        switch."""
        run = self.run_by_number(number)
        return None if run is None else self._describe(run.number, run.preset, run.params, run.training)

    def history_label(self, file: str | None = None) -> str:
        """The name of the curves read from ``file`` (default: the file opened last): ``Saved in model.dlsb``."""
        return self.tr("Saved in {file}").format(file=self.history_file if file is None else file)

    def _describe(self, number: int, preset: str | None, params: int, training: TrainingSpec) -> str:
        net = preset_text(preset)[0] if preset else self.tr("custom network")
        return self.tr("Run {n} · {net} ({params:,}) · {opt} {lr:g}").format(
            n=number, net=net, params=params, opt=training.optimizer, lr=training.learning_rate)

    def pause(self) -> None:
        """Pause after the current batch."""
        if self._worker is not None and self._state == "running":
            self._worker.request_pause()

    def resume(self) -> None:
        """Resume a paused run."""
        if self._worker is not None and self._state == "paused":
            self._worker.request_resume()

    def step_batch(self) -> None:
        """Train one batch, then pause (starts a run if none)."""
        if self._worker is None:
            self.start_training(budget=1)
        elif self._state == "paused":
            self._worker.request_resume(budget=1)

    def step_epoch(self) -> None:
        """Train one epoch's worth of batches, then pause."""
        x, _, _, _ = self.training_arrays()
        steps = max(1, math.ceil(len(x) / self.training.batch_size))
        if self._worker is None:
            self.start_training(budget=steps)
        elif self._state == "paused":
            self._worker.request_resume(budget=steps)

    def stop(self) -> None:
        """Stop after the current batch; the weights trained so far are kept."""
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop and join the worker thread (quit, then wait, never the other way round: waiting for the worker to
        quit its own thread deadlocks)."""
        if self._worker is None or self._thread is None:
            return
        self._worker.request_stop()
        thread = self._thread
        thread.quit()
        if not thread.wait(timeout_ms):  # pragma: no cover - a batch never takes this long
            thread.terminate()
            thread.wait()
        self._finish_thread()

    def reset_weights(self) -> bool:
        """Fresh initial weights from the seed; forgets the optimizer's state and the epoch count."""
        if self.is_training() or self.model is None:
            return False
        self.model.reset_weights(seed=self.training.seed)
        if self.alarms and all(a.cause in ("dead_units", "unknown") for a in self.alarms):
            self._clear_alarms()  # fresh weights are what those diagnoses asked for
        self.epochs_done = 0
        self._optimizer_state = None
        self.history = {}
        self._mark_dirty()
        self.modelChanged.emit()
        self.weightsChanged.emit()
        return True

    def restore_weights(self, flat: np.ndarray, lower_learning_rate: bool = True) -> bool:
        """Put back weights saved before a divergence, optionally dividing the learning rate by 10.

        Refused (False) while training, or when ``flat`` no longer fits the network (it was edited since the
        weights were saved): a rescue offered for an earlier network must not raise.
        """
        if self.model is None or self.is_training() or np.shape(flat) != (self.model.count_params(),):
            return False
        self.model.set_flat_weights(flat)
        self._optimizer_state = None
        if lower_learning_rate:
            self.update_training("learning_rate", self.training.learning_rate / 10)
        self.modelChanged.emit()
        self.weightsChanged.emit()
        return True

    # ---- worker signals (GUI thread) -------------------------------------------------------------
    @Slot(object)
    def _on_progress(self, records: list) -> None:
        self.batchesReceived.emit(records)

    @Slot(object)
    def _on_epoch(self, record: sb.EpochProgress) -> None:
        if not record.stopped:
            self.epochs_done = record.epoch + 1
        for key, value in record.logs.items():
            self.history.setdefault(key, []).append(float(value))
        self.epochEnded.emit(record)

    @Slot(object)
    def _on_weights(self, flat: np.ndarray) -> None:
        if self.model is None:
            return
        try:
            self.model.set_flat_weights(flat)  # checks the size itself, without copying the weights
        except sb.ShapeError:
            return  # a snapshot of a network that is no longer the current one
        self.weightsChanged.emit()

    @Slot()
    def _on_paused(self) -> None:
        self._set_state("paused")

    @Slot()
    def _on_resumed(self) -> None:
        self._set_state("running")

    @Slot(object)
    def _on_done(self, result: TrainingResult) -> None:
        if self.sender() is not self._worker:
            return  # a run already ended by shutdown(): its weights are no longer wanted
        if self.model is not None:
            self.model.set_flat_weights(result.flat_weights)
        self._optimizer_state = result.optimizer_state
        self.epochs_done = max(self.epochs_done, result.epochs_done)
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._finish_thread()
        self._mark_dirty()
        self.weightsChanged.emit()
        if result.reason == "diverged" and result.last_good_weights is not None:
            self._last_good_weights = result.last_good_weights
        self.trainingEnded.emit(result)
        if result.reason == "diverged":
            self.diverged.emit(result)
        pending, self._after_run = self._after_run, None
        if pending is not None:
            self._apply_rescue(pending)

    def _finish_thread(self) -> None:
        worker, thread = self._worker, self._thread
        self._worker = self._thread = None
        if worker is not None:
            worker.release()
        if thread is not None:
            thread.deleteLater()
        self._set_state("idle")

    # ---- files -----------------------------------------------------------------------------------
    def project_settings(self) -> dict[str, Any]:
        """The JSON-safe settings saved in a project file."""
        return {"network": self.network.to_dict(), "training": self.training.to_dict(),
                "epochs_done": self.epochs_done, "dataset": self.dataset.name}

    def history_config(self) -> dict[str, Any]:
        """The per-epoch logs in :meth:`sandbox.History.get_config`'s shape (NaN and inf as None)."""
        epochs = max((len(v) for v in self.history.values()), default=0)
        return {"epoch": list(range(epochs)),
                "history": {k: [v if v is not None and math.isfinite(v) else None for v in values]
                            for k, values in self.history.items()}}

    def save(self, path: str) -> None:
        """Save network, weights, optimizer state, history and settings (atomic; raises OSError)."""
        model = self.model
        if model is None:
            raise sb.FileFormatError("app.nothing_to_save")
        self._compile(model)
        if self._optimizer_state is not None:
            model.optimizer.set_state(self._optimizer_state)  # compile has built its slots
        sb.io.save_project(path, model, settings=self.project_settings(), history=self.history_config())
        self._saved_as(path)

    def _saved_as(self, path: str) -> None:
        """After a successful save: remember the file and mark everything clean."""
        self.path = path
        self.undo_stack.setClean()
        self._mark_dirty(False)
        self.pathChanged.emit(path)

    def open(self, path: str) -> None:
        """Open a project or model file; on any error raises FileFormatError and changes nothing."""
        if self.is_training():
            raise sb.TrainingError("app.stop_training_first")
        project = sb.io.load_project(path)
        settings = project.settings or {}
        model = project.model
        if not isinstance(model, sb.Sequential):
            # A functional graph (keras.Model(inputs, outputs)): the app builds and trains stacks, so a graph
            # that is a plain chain opens as the same stack with the same weights; one with branches is refused.
            chain = sb.functional.stack_config(model)
            if chain is None:
                kinds = sorted({type(layer).__name__ for layer in model.layers if type(layer).__name__ != "InputLayer"})
                raise sb.FileFormatError("app.graph_not_a_stack", layers=", ".join(kinds))
            stack = NetworkSpec.from_model_config(chain).build_model(seed=0)
            stack.set_weights(model.get_weights())
            stack.optimizer = model.optimizer
            model = stack
        network = NetworkSpec.from_dict(settings["network"]) if "network" in settings \
            else NetworkSpec.from_model_config(model.get_config())
        training = TrainingSpec.from_dict(settings["training"]) if "training" in settings else TrainingSpec()
        # everything parsed: now replace the state
        self.undo_stack.clear()
        self.network, self.training = network, training
        self.model = model
        self.epochs_done = int(settings.get("epochs_done", 0))
        logs = (project.history or {}).get("history", {})
        self.history = {k: [math.nan if v is None else float(v) for v in values] for k, values in logs.items()}
        opt = model.optimizer
        self._optimizer_state = opt.get_state() if opt is not None and opt.iterations else None
        self._optimizer_key = (training.optimizer, training.optimizer_options_json, training.loss)
        self.path = path
        self._mark_dirty(False)
        self.networkChanged.emit(network)
        self.trainingChanged.emit(training)
        self.modelChanged.emit()
        self.weightsChanged.emit()
        self.pathChanged.emit(path)
        if self.history:
            self.history_file = Path(path).name
            self.historyLoaded.emit(self.history_label())

    def new(self) -> None:
        """A fresh small CNN with untrained weights and default settings."""
        if self.is_training():
            return
        self.undo_stack.clear()
        self.network, self.training = NetworkSpec.from_preset("small-cnn"), TrainingSpec()
        self._rebuild_model()
        self.path = ""
        self._mark_dirty(False)
        self.networkChanged.emit(self.network)
        self.trainingChanged.emit(self.training)
        self.modelChanged.emit()
        self.weightsChanged.emit()
        self.pathChanged.emit("")

    def _load_pretrained(self) -> None:
        path = resources.path("models", "small-cnn.dlsb")
        try:
            model = sb.load_model(path)
        except (sb.FileFormatError, OSError):
            return  # the untrained network still works; the app says so in its status bar
        if NetworkSpec.from_model_config(model.get_config()) == self.network:
            self.model = model
            self.epochs_done = 0
            self.message.emit(self.tr("A pretrained small CNN is loaded: draw a digit!"))

    # ---- runs (issue 5 §5) ----
    # Each run, from start_training until the thread is gone, becomes a RunRecord filled from the session's own
    # signals (connected first, in __init__, so a record is complete before any panel hears trainingEnded).
    # Paused time is not counted in wall_time. Reopening a run is one undoable step.

    #: Runs whose final weights are kept for "Reopen" (at most this many, and at most RUNS_WEIGHTS_BYTES
    #: of weights: 30 runs of the MLP are 13 MB, of a 20 M-weight network one run is 80 MB); older runs keep
    #: their row only.
    RUNS_WEIGHTS_KEPT = 30
    RUNS_WEIGHTS_BYTES = 256 * 2**20
    #: Rows kept in the runs table: a row with its thinned loss curve is at most about 0.1 MB, so hours of
    #: use stay bounded; the oldest rows go first.
    RUNS_KEPT = 200

    def _init_runs(self) -> None:
        self.runs: list[RunRecord] = []
        self._active_run: RunRecord | None = None
        self._ending_run: RunRecord | None = None  # recorded at "idle", waiting for trainingEnded's reason
        self._run_clock: float | None = None  # time.monotonic() when the run last started or resumed
        self.runStarted.connect(self._runs_on_started)
        self.batchesReceived.connect(self._runs_on_batches)
        self.epochEnded.connect(self._runs_on_epoch)
        self.stateChanged.connect(self._runs_on_state)
        self.trainingEnded.connect(self._runs_on_ended)

    def run_by_number(self, number: int) -> RunRecord | None:
        """The record of run ``number``, or None (cleared, or never made)."""
        return next((r for r in self.runs if r.number == number), None)

    def can_reopen_run(self, number: int) -> bool:
        """Whether :meth:`reopen_run` would do something: idle, and the run's weights are still kept."""
        run = self.run_by_number(number)
        return not self.is_training() and run is not None and run.has_weights

    def reopen_run(self, number: int) -> bool:
        """Make run ``number``'s network, settings and final weights the current model, as one undo step.

        The epoch count and per-epoch history come back as the run left them; the optimizer starts afresh
        (its state is not kept per run). Refused (False) while training or when the weights are no longer kept.
        """
        run = self.run_by_number(number)
        if not self.can_reopen_run(number) or run is None or run.end_state is None:
            return False
        # Also from a network that does not fit together: that is when an old model is most wanted.
        self.undo_stack.push(ReplaceModelCommand(self, run.end_state,
                                                 lambda: self.tr("Reopen run {n}").format(n=number)))
        return True

    def clear_runs(self) -> None:
        """Forget every finished run (a run still training keeps its record)."""
        self.runs = [r for r in self.runs if r is self._active_run]
        self._ending_run = None
        self.runsChanged.emit()

    def _apply_model_snapshot(self, snapshot: ModelSnapshot) -> None:
        # Called by ReplaceModelCommand only. The weights are copied into the model, so the snapshot stays intact.
        self.training = snapshot.training  # first: a rebuilt model takes its seed
        if snapshot.network != self.network or self.model is None:
            self.network = snapshot.network
            self._rebuild_model()
        self._restore_model(snapshot)
        self.networkChanged.emit(self.network)
        self.trainingChanged.emit(self.training)
        self.modelChanged.emit()
        self.weightsChanged.emit()

    @Slot(str)
    def _runs_on_started(self, label: str) -> None:
        self._active_run = RunRecord.start(self.run_count, label, self.network, self.training, self.epochs_done)
        self._ending_run = None
        self._run_clock = None  # the clock starts with the state "running" (a Step may start paused)
        self.runs.append(self._active_run)
        self.runsChanged.emit()

    @Slot(object)
    def _runs_on_batches(self, records: list) -> None:
        run = self._active_run
        if run is None:
            return
        for r in records:
            run.add_batch(r.epoch, r.step, r.steps, r.batch_loss, r.learning_rate)

    @Slot(object)
    def _runs_on_epoch(self, record: sb.EpochProgress) -> None:
        if self._active_run is not None:
            self._active_run.add_epoch(record.logs, record.stopped)
            self.runsChanged.emit()

    @Slot(str)
    def _runs_on_state(self, state: str) -> None:
        run = self._active_run
        if run is None:
            return
        now = time.monotonic()
        if self._run_clock is not None:
            run.wall_time += now - self._run_clock
        self._run_clock = now if state == "running" else None
        if state != "idle":
            return
        # The thread is gone and the model holds the run's final weights (also after shutdown(), which ends a
        # run without trainingEnded): record them now; trainingEnded, if it comes, adds the reason.
        if self.model is not None:
            # the optimizer starts afresh on reopen: its state is not kept per run
            run.end_state = replace(self._current_snapshot(), optimizer_state=None, optimizer_key=None)
        run.end_reason = "stopped"
        self._active_run, self._ending_run = None, run
        drop_old_weights(self.runs, self.RUNS_WEIGHTS_KEPT, self.RUNS_WEIGHTS_BYTES)
        if len(self.runs) > self.RUNS_KEPT:
            del self.runs[:len(self.runs) - self.RUNS_KEPT]
        self.runsChanged.emit()

    @Slot(object)
    def _runs_on_ended(self, result: TrainingResult) -> None:
        run, self._ending_run = self._ending_run, None
        if run is None:
            return
        run.end_reason = result.reason
        if result.reason == "diverged" and result.last_good_weights is not None and run.end_state is not None:
            # Reopening a model full of NaN would help nobody: keep the last weights before the loss blew up.
            run.end_state = replace(run.end_state, flat_weights=np.array(result.last_good_weights, np.float32))
        self.runsChanged.emit()


def budget_problem(verdict: budget.Verdict) -> str:
    """Why a network too large to train here is refused, in the learner's language."""
    from PySide6.QtCore import QCoreApplication

    cost = verdict.cost
    if verdict.reason == "weights":
        return QCoreApplication.translate(
            "Session", "This network has {weights:,} weights; the sandbox trains at most {limit:,}. "
            "Make a layer smaller.").format(weights=cost.weights, limit=verdict.limit)
    return QCoreApplication.translate(
        "Session", "Training this network would need about {need} of memory; at most {limit} can be used here. "
        "Make a layer smaller or lower the batch size.").format(need=human_bytes(cost.total_bytes),
                                                              limit=human_bytes(verdict.limit))


def human_bytes(n: int) -> str:
    """``1,536 MB``-style sizes: MB below 10 GB, else GB (the units a learner's task manager shows)."""
    if n >= 10 * 2**30:
        return f"{n / 2**30:,.1f} GB"
    return f"{max(n / 2**20, 0.1):,.0f} MB" if n >= 2**20 else f"{n / 2**20:.1f} MB"


def _setting(spec: TrainingSpec, key: str) -> Any:
    return getattr(spec, key) if key in TrainingSpec.__dataclass_fields__ else spec.optimizer_options.get(key)


def default_layer_config(class_name: str) -> dict[str, Any]:
    """What a layer added from the palette starts with: the settings a learner would pick first."""
    return {
        "Dense": {"units": 64, "activation": "relu"},
        "Conv2D": {"filters": 16, "kernel_size": 3, "padding": "same", "activation": "relu"},
        "Dropout": {"rate": 0.25},
        "Activation": {"activation": "relu"},
        "Reshape": {"target_shape": [-1]},
    }.get(class_name, {})
