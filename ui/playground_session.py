"""The playground's session: the base :class:`~ui.session.Session` with 2-D toy data instead of digits.

Everything that is not about digits is inherited unchanged: the undo stack, layer edits, training
settings, the training lifecycle and its worker thread, the weights cache that makes undo exact.
What differs, each override documented where it is:

- the data are a :class:`~sandbox.playground.PlaygroundSetup`'s points; ``self.dataset`` holds their
  *features* (float32 (n, len(features))), so the base :meth:`evaluate_test` and training work as they are;
- the network's input is the chosen features, so choosing features (and the data set, its noise,
  its test share and its seed) is an undoable edit of the setup (:class:`SetSetupCommand`);
- the test points are the validation data of every run (the loss plot's "validation" curves);
- presets (digit networks) are refused, and a project file is a setup file (``.dlplay``, no weights).

The drawing data (decision boundary, neuron thumbnails, weights) come from :mod:`sandbox.playground`
through :meth:`PlaygroundSession.grid_predictions` and friends, so the mode never touches the model.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

import sandbox as sb
from sandbox import playground as pg_engine
from sandbox.datasets import toy
from sandbox.playground import PlaygroundSetup
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec

from .commands import DescribedCommand, Text
from .session import DataSet, Session

__all__ = ["FEATURE_CACHES", "PlaygroundSession", "SetSetupCommand"]

#: How many earlier feature choices keep their weights caches for undo.
FEATURE_CACHES = 8
#: How many networks per feature choice keep their weights for undoing a change of the setup.
WEIGHTS_CACHE_SIZE = 16


class SetSetupCommand(DescribedCommand):
    """Replace the whole setup: data, features, and with them the network and training if they changed.

    Successive changes of the same ``field`` (a drag of the noise slider) merge into one undo step.
    """

    def __init__(self, session: PlaygroundSession, old: PlaygroundSetup, new: PlaygroundSetup, text: Text,
                 field: str = "") -> None:
        super().__init__(text)
        self._session, self._old, self._new, self._field = session, old, new, field

    def id(self) -> int:
        # Qt merges consecutive commands with equal ids; -1 never merges.
        return 2000 + (hash(self._field) & 0xFFFF) if self._field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSetupCommand) or other._field != self._field:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._session._apply_setup(self._new)

    def undo(self) -> None:
        self._session._apply_setup(self._old)


class PlaygroundSession(Session):
    """State and actions of the playground: a setup's data, its network, and training.

    Parameters
    ----------
    parent : QObject, optional
    setup : PlaygroundSetup, optional
        What to start with; default Playground's circle with two hidden layers of 8 tanh units.

    Attributes
    ----------
    points : tuple
        ``((p_train, y_train), (p_test, y_test))``: points float32 (n, 2); labels int64 (n,) or
        regression targets float32 (n, 1). ``dataset`` holds the same rows as features.
    """

    def __init__(self, parent: QObject | None = None, setup: PlaygroundSetup | None = None) -> None:
        # The base builds the digits' small CNN (no pretrained weights); it is replaced before anyone sees it.
        super().__init__(parent, load_pretrained=False)
        setup = setup or PlaygroundSetup()
        self._data = setup  # the data part; network and training live in self.network / self.training
        # A setup change (data, features) rebuilds the network: weights are remembered per network and
        # per choice of features. (Layer edits carry their own weights in their undo commands.)
        self._weights_cache: dict[NetworkSpec, tuple[np.ndarray, int, dict]] = {}
        self._feature_caches: dict[tuple[str, ...], dict] = {}
        self.use_user_digits = False
        self.network, self.training = setup.network_spec, setup.training_spec
        self._make_dataset()
        self._rebuild_model()

    # ---- the setup -------------------------------------------------------------------------------------
    @property
    def setup(self) -> PlaygroundSetup:
        """The current setup: the data choices with the current network and training settings."""
        return replace(self._data, network=self.network.to_dict(), training=self.training.to_dict())

    @property
    def features(self) -> tuple[str, ...]:
        """The names of the network's inputs, in input order."""
        return self._data.features

    def is_regression(self) -> bool:
        """Whether the data set has real-valued targets instead of two classes."""
        return self._data.regression

    def apply_setup(self, setup: PlaygroundSetup, text: Text, field: str = "") -> bool:
        """Replace the setup through the undo stack; refused (False) while training or when nothing changes.

        Successive calls with the same non-empty ``field`` merge into one undo step.
        """
        if self.is_training() or setup == self.setup:
            return False
        self.undo_stack.push(SetSetupCommand(self, self.setup, setup, text, field))
        return True

    def set_data(self, text: Text = "", **changes: Any) -> bool:
        """Change the data: ``dataset``, ``noise``, ``n_samples``, ``test_ratio`` and/or ``seed`` (undoable).

        ``text`` names the undo step (a default is made up from the change). A change of ``noise`` or
        ``test_ratio`` alone merges with the previous change of the same setting.

        Switching between a classification and a regression data set also switches the output layer
        (``Dense(2, softmax)`` ↔ ``Dense(1)``), the loss and the metrics; the hidden layers stay.

        Raises
        ------
        LayerArgumentError
            For a value the setup refuses (noise above 50, …).
        """
        unknown = set(changes) - {"dataset", "noise", "n_samples", "test_ratio", "seed"}
        if unknown:
            raise sb.LayerArgumentError("app.unknown_settings", names=", ".join(sorted(unknown)))
        current = self.setup
        new = replace(current, **changes)
        if new.regression != current.regression:
            new = replace(new, network=_switch_output(self.network, new.regression).to_dict(),
                          training=_switch_loss(self.training, new.regression).to_dict())
        if not text and "dataset" in changes:
            text = lambda: self.tr("Use the {name} data").format(name=changes["dataset"])  # noqa: E731
        elif not text and "seed" in changes:
            text = lambda: self.tr("Regenerate the data")  # noqa: E731
        elif not text:
            text = lambda: self.tr("Change {setting}").format(  # noqa: E731
                setting=" ".join(sorted(changes)).replace("_", " "))
        field = next(iter(changes)) if len(changes) == 1 and set(changes) <= {"noise", "test_ratio"} else ""
        return self.apply_setup(new, text, field)

    def regenerate(self) -> bool:
        """New points from the next seed (undoable)."""
        return self.set_data(seed=(self._data.seed + 1) % (pg_engine.MAX_SEED + 1))

    def set_features(self, features: tuple[str, ...]) -> bool:
        """Feed the network these features (names of :data:`sandbox.datasets.toy.FEATURES`; undoable).

        The network's input shape becomes ``(len(features),)`` and its first layer is built afresh,
        with one kernel row per feature. Refused (False) while training, for an empty choice, or when
        nothing changes.
        """
        features = tuple(features)
        if not features or features == self.features:
            return False
        network = replace(self.network, input_shape=(len(features),))
        new = replace(self.setup, features=features, network=network.to_dict())
        return self.apply_setup(new, lambda: self.tr("Use the features {names}").format(names=", ".join(features)))

    def _apply_setup(self, setup: PlaygroundSetup) -> None:
        # Called by SetSetupCommand only. Weights belong to a network *and* to the features it reads,
        # so each choice of features keeps its own weights cache (the base keys it by network alone).
        network = setup.network_spec
        new_features = setup.features != self._data.features
        rebuild = new_features or network != self.network
        training_changed = setup.training_spec != self.training
        if rebuild:
            if self.model is not None:
                self._weights_cache[self.network] = (self.model.get_flat_weights(), self.epochs_done, self.history)
                while len(self._weights_cache) > WEIGHTS_CACHE_SIZE:
                    self._weights_cache.pop(next(iter(self._weights_cache)))
            if new_features:
                self._feature_caches[self._data.features] = self._weights_cache
                while len(self._feature_caches) > FEATURE_CACHES:
                    self._feature_caches.pop(next(iter(self._feature_caches)))
                self._weights_cache = self._feature_caches.pop(setup.features, {})
        self._data = setup
        self.training = setup.training_spec
        self._make_dataset()
        if rebuild:
            self.network = network
            self._rebuild_model()
            cached = self._weights_cache.pop(network, None)
            if cached is not None and self.model is not None:
                self.model.set_flat_weights(cached[0])
                self.epochs_done, self.history = cached[1], cached[2]
            self.networkChanged.emit(network)
        if training_changed:
            self.trainingChanged.emit(self.training)
        self.datasetChanged.emit()
        if rebuild:
            self.modelChanged.emit()
        self.weightsChanged.emit()

    def _make_dataset(self) -> None:
        (p_train, y_train), (p_test, y_test) = pg_engine.make_points(self._data)
        self.points = ((p_train, y_train), (p_test, y_test))
        features = self._data.features
        classes = () if self._data.regression else ("0", "1")
        # DataSet's fields are generic arrays: here the features, float32 (n, len(features)).
        self.dataset = DataSet(self._data.dataset, toy.feature_map(p_train, features), y_train,
                               toy.feature_map(p_test, features), y_test, classes)

    # ---- overrides of what assumes digits ----------------------------------------------------------------
    def training_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
        """``(x_train, y_train, x_test, y_test)`` as features: the test points validate every epoch.

        Playground shows a test loss next to the training loss; here it is the runs' validation loss,
        so ``validation_split`` plays no part.
        """
        return self.dataset.x_train, self.dataset.y_train, self.dataset.x_test, self.dataset.y_test

    def predict(self, points: np.ndarray) -> np.ndarray | None:
        """The network's outputs float32 (n, outputs) for 2-D points float32 (n, 2); None if it cannot run."""
        if self.model is None:
            return None
        try:
            with np.errstate(all="ignore"):
                out = self.model.predict_on_batch(toy.feature_map(points, self.features))
        except sb.SandboxError:
            return None
        return np.asarray(out, np.float32)

    def evaluate_train(self) -> dict[str, float] | None:
        """Loss (and accuracy, for classes) on the training points, as :meth:`evaluate_test` on the test points."""
        if self.model is None:
            return None
        self._compile(self.model)
        return self.model.evaluate(self.dataset.x_train, self.dataset.y_train, return_dict=True, verbose=0)

    def load_preset(self, name: str) -> bool:
        """Refused: the presets are networks for 28×28 digit images. Says so through :attr:`message`."""
        self.message.emit(self.tr("The presets are networks for digit images; in the playground, build the "
                                  "network with the Dense button."))
        return False

    def new(self) -> None:
        """Playground's circle with the default network and settings; forgets the undo history."""
        if self.is_training():
            return
        self._replace_all(PlaygroundSetup(), "")

    def save(self, path: str) -> None:
        """Save the setup (no weights) as a ``.dlplay`` file; raises LayerArgumentError or OSError."""
        pg_engine.save_setup(path, self.setup)
        self._saved_as(path)

    def open(self, path: str) -> None:
        """Open a ``.dlplay`` setup with fresh weights; on any error raises FileFormatError and changes nothing."""
        if self.is_training():
            raise sb.TrainingError("app.stop_training_first")
        self._replace_all(pg_engine.load_setup(path), path)

    def _replace_all(self, setup: PlaygroundSetup, path: str) -> None:
        self.undo_stack.clear()
        self._weights_cache.clear()
        self._feature_caches.clear()
        self._data = setup
        self.network, self.training = setup.network_spec, setup.training_spec
        self._make_dataset()
        self._rebuild_model()
        self.path = path
        self._mark_dirty(False)
        self.networkChanged.emit(self.network)
        self.trainingChanged.emit(self.training)
        self.datasetChanged.emit()
        self.modelChanged.emit()
        self.weightsChanged.emit()
        self.pathChanged.emit(path)

    # ---- what the mode draws ---------------------------------------------------------------------------
    def grid_predictions(self, resolution: int = 100) -> np.ndarray | None:
        """The decision boundary: float32 (resolution, resolution) over :data:`sandbox.playground.EXTENT`.

        See :func:`sandbox.playground.grid_predictions`; None when the network cannot run.
        """
        if self.model is None:
            return None
        try:
            return pg_engine.grid_predictions(self.model, self.features, pg_engine.EXTENT, resolution)
        except sb.SandboxError:
            return None

    def neuron_maps(self, resolution: int = 24) -> list[np.ndarray] | None:
        """Each Dense unit's output over the plane (:func:`sandbox.playground.neuron_maps`); None if too big."""
        if self.model is None:
            return None
        try:
            return pg_engine.neuron_maps(self.model, self.features, pg_engine.EXTENT, resolution)
        except sb.SandboxError:
            return None

    def input_maps(self, resolution: int = 24) -> np.ndarray:
        """Each feature over the plane: float32 (len(features), resolution, resolution)."""
        return pg_engine.input_maps(self.features, pg_engine.EXTENT, resolution)

    def dense_weights(self) -> list[pg_engine.DenseWeights] | None:
        """Copies of each Dense layer's kernel and bias (:func:`sandbox.playground.dense_weights`)."""
        if self.model is None:
            return None
        return pg_engine.dense_weights(self.model)


def _switch_output(network: NetworkSpec, regression: bool) -> NetworkSpec:
    """The same network with the output layer a regression (Dense(1)) or two classes (Dense(2, softmax)) needs."""
    out = LayerSpec.make("Dense", units=1) if regression else LayerSpec.make("Dense", units=2, activation="softmax")
    layers = network.layers
    if layers and layers[-1].class_name == "Dense":
        return network.replace_layer(len(layers) - 1, out)
    return network.insert(len(layers), out)


def _switch_loss(training: TrainingSpec, regression: bool) -> TrainingSpec:
    """The same settings with the loss and metrics of a regression or of two classes."""
    default = pg_engine.default_training(regression)
    return replace(training, loss=default.loss, metrics=default.metrics)
