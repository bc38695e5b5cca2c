"""TensorFlow Playground in the engine: a shareable setup, its data, and what the app draws of a 2-D network.

A :class:`PlaygroundSetup` is the whole recipe of one playground experiment — which toy data set
(with its noise, size, test share and seed), which input features, which network and which training
settings — as immutable data that round-trips through a small JSON file (``.dlplay``). It holds no
weights: opening a setup and pressing Train repeats the experiment.

The drawing helpers evaluate a model on a regular grid over the 2-D plane: :func:`grid_predictions`
for the decision boundary (the big heatmap), :func:`neuron_maps` for what every Dense unit computes
(the thumbnails of the network diagram), :func:`input_maps` for the input features and
:func:`dense_weights` for the connections. Grids are row-major: ``grid[i, j]`` is the value at
``x2 = y_i`` (row ``i``, from the bottom of the extent) and ``x1 = x_j`` (column ``j``, from the left),
sampled at cell centres.

>>> setup = PlaygroundSetup.default("spiral", features=("x1", "x2", "sin(x1)", "sin(x2)"))
>>> (x_train, y_train), (x_test, y_test), names = make_data(setup)
>>> x_train.shape, names
((250, 4), ('x1', 'x2', 'sin(x1)', 'sin(x2)'))
"""

from __future__ import annotations

import errno
import json
import math
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .datasets import toy
from .errors import FileFormatError, LayerArgumentError, SandboxError, reason_of
from .model import Sequential
from .safefile import atomic_write, loads_strict, missing_reason, nesting_depth
from .spec import LayerSpec, NetworkSpec, TrainingSpec

__all__ = [
    "EXTENT",
    "MAX_DRAWN_LAYERS",
    "MAX_DRAWN_UNITS",
    "SETUP_FORMAT",
    "SETUP_SUFFIX",
    "DenseWeights",
    "PlaygroundSetup",
    "default_network",
    "default_training",
    "dense_weights",
    "grid_points",
    "grid_predictions",
    "input_maps",
    "is_regression",
    "load_setup",
    "make_data",
    "make_points",
    "neuron_maps",
    "save_setup",
]

#: The ``format`` field of every setup file, and the version this code writes.
SETUP_FORMAT = "dl-sandbox-playground"
SETUP_VERSION = 1
#: The file extension of a setup.
SETUP_SUFFIX = ".dlplay"
#: A setup is a few kilobytes; anything much larger is not one.
MAX_SETUP_BYTES = 256 * 1024
#: Nesting deeper than this is refused before parsing (a layer config is about 4 levels deep).
MAX_SETUP_DEPTH = 32

#: The plane the app draws: ``(x1_min, x1_max, x2_min, x2_max)``, Playground's [-6, 6]².
EXTENT: tuple[float, float, float, float] = (-6.0, 6.0, -6.0, 6.0)
#: :func:`neuron_maps` draws networks of at most this many Dense layers of at most this many units.
MAX_DRAWN_LAYERS = 8
MAX_DRAWN_UNITS = 8

NOISE_RANGE = (0.0, 50.0)
N_SAMPLES_RANGE = (10, 5000)
TEST_RATIO_RANGE = (0.1, 0.9)
MAX_SEED = 2**31 - 1

_FIELDS = ("dataset", "noise", "n_samples", "test_ratio", "seed", "features", "network", "training")


def is_regression(dataset: str) -> bool:
    """Whether the toy data set ``dataset`` has real-valued targets (``reg_plane``, ``reg_gauss``)."""
    return dataset in toy.REGRESSION


def default_network(n_features: int, regression: bool = False) -> NetworkSpec:
    """The network a new playground starts with.

    ``Input(n_features) → Dense(8, tanh) → Dense(8, tanh) → Dense(2, softmax)`` for classification;
    the last layer is ``Dense(1)`` (no activation) for regression.
    """
    out = LayerSpec.make("Dense", units=1) if regression else LayerSpec.make("Dense", units=2, activation="softmax")
    hidden = LayerSpec.make("Dense", units=8, activation="tanh")
    return NetworkSpec((int(n_features),), (hidden, hidden, out))


def default_training(regression: bool = False) -> TrainingSpec:
    """Adam at 0.03 with batches of 10, as Playground; sparse cross-entropy, or mean squared error for regression.

    The test part of the data serves as validation data, so ``validation_split`` is 0, and regression
    reports no accuracy (it has no classes).
    """
    if regression:
        return TrainingSpec(learning_rate=0.03, loss="mean_squared_error", batch_size=10, epochs=100,
                            validation_split=0.0, metrics=())
    return TrainingSpec(learning_rate=0.03, batch_size=10, epochs=100, validation_split=0.0)


def _is_real(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class PlaygroundSetup:
    """Everything that defines one playground experiment, except the weights.

    Attributes
    ----------
    dataset : str
        A name of :data:`sandbox.datasets.toy.DATASETS`: ``circle``, ``xor``, ``gaussian``, ``spiral``,
        ``reg_plane`` or ``reg_gauss``.
    noise : float
        0–50, Playground's noise slider (percent).
    n_samples : int
        Points in all, 10–5000 (Playground: 500).
    test_ratio : float
        Share of the points held out for testing, 0.1–0.9 (Playground: 0.5).
    seed : int
        Seed of the points and of the train/test split; *Regenerate* changes it.
    features : tuple of str
        The network's inputs, names from :data:`sandbox.datasets.toy.FEATURES`, each at most once.
    network : dict
        A :meth:`sandbox.spec.NetworkSpec.to_dict`; its input shape is ``[len(features)]``.
    training : dict
        A :meth:`sandbox.spec.TrainingSpec.to_dict`.

    Raises
    ------
    LayerArgumentError
        For a value out of range, an unknown data set or feature, or a network whose input does not
        match the features. A network whose layers do not fit together is allowed here (the app shows
        it in red), but not in a file (:meth:`from_dict`, :func:`save_setup`).

    Notes
    -----
    The two dict fields make a setup unhashable; compare setups with ``==``.
    """

    dataset: str = "circle"
    noise: float = 0.0
    n_samples: int = 500
    test_ratio: float = 0.5
    seed: int = 0
    features: tuple[str, ...] = ("x1", "x2")
    network: dict[str, Any] = field(default_factory=lambda: default_network(2).to_dict())
    training: dict[str, Any] = field(default_factory=lambda: default_training().to_dict())

    def __post_init__(self) -> None:
        if not isinstance(self.dataset, str) or self.dataset not in toy.DATASETS:
            raise LayerArgumentError("playground.bad_dataset", names=', '.join(toy.DATASETS), dataset=self.dataset)
        if not _is_real(self.noise) or not NOISE_RANGE[0] <= self.noise <= NOISE_RANGE[1]:
            raise LayerArgumentError("playground.bad_noise", noise=self.noise)
        if not _is_int(self.n_samples) or not N_SAMPLES_RANGE[0] <= self.n_samples <= N_SAMPLES_RANGE[1]:
            raise LayerArgumentError("playground.bad_n_samples", minimum=N_SAMPLES_RANGE[0],
                                     maximum=N_SAMPLES_RANGE[1], n_samples=self.n_samples)
        if not _is_real(self.test_ratio) or not TEST_RATIO_RANGE[0] <= self.test_ratio <= TEST_RATIO_RANGE[1]:
            raise LayerArgumentError("playground.bad_test_ratio", test_ratio=self.test_ratio)
        if not _is_int(self.seed) or not 0 <= self.seed <= MAX_SEED:
            raise LayerArgumentError("playground.bad_seed", maximum=MAX_SEED, seed=self.seed)
        features = self.features
        if isinstance(features, str) or not isinstance(features, list | tuple) or not features:
            raise LayerArgumentError("toy.bad_features", features=features)
        for name in features:
            if name not in toy.FEATURES:
                raise LayerArgumentError("playground.unknown_feature", name=name, names=', '.join(toy.FEATURES))
        if len(set(features)) != len(features):
            raise LayerArgumentError("playground.repeated_feature", features=list(features))
        # Trusted: a setup made in the program may hold any network the app can build; a setup read
        # from a file is held to the size limits by from_dict below.
        network = NetworkSpec.from_dict(self.network, trusted=True)
        if tuple(network.input_shape) != (len(features),):
            raise LayerArgumentError("playground.feature_count", inputs=list(network.input_shape), count=len(features))
        training = TrainingSpec.from_dict(self.training)
        # Normalised copies: a setup owns its dicts, and equal settings compare equal however written.
        object.__setattr__(self, "noise", float(self.noise))
        object.__setattr__(self, "test_ratio", float(self.test_ratio))
        object.__setattr__(self, "features", tuple(features))
        object.__setattr__(self, "network", network.to_dict())
        object.__setattr__(self, "training", training.to_dict())

    @classmethod
    def default(cls, dataset: str = "circle", features: tuple[str, ...] = ("x1", "x2"), **data: Any) -> PlaygroundSetup:
        """A setup with the default network and training for ``dataset`` (classification or regression)."""
        regression = is_regression(dataset)
        return cls(dataset=dataset, features=tuple(features), network=default_network(len(features), regression)
                   .to_dict(), training=default_training(regression).to_dict(), **data)

    @property
    def network_spec(self) -> NetworkSpec:
        """The network as a :class:`~sandbox.spec.NetworkSpec`."""
        return NetworkSpec.from_dict(self.network, trusted=True)

    @property
    def training_spec(self) -> TrainingSpec:
        """The training settings as a :class:`~sandbox.spec.TrainingSpec`."""
        return TrainingSpec.from_dict(self.training)

    @property
    def regression(self) -> bool:
        """Whether the data set has real-valued targets."""
        return is_regression(self.dataset)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-safe form written to a ``.dlplay`` file, with its format name and version."""
        return {"format": SETUP_FORMAT, "format_version": SETUP_VERSION, "dataset": self.dataset,
                "noise": self.noise, "n_samples": self.n_samples, "test_ratio": self.test_ratio, "seed": self.seed,
                "features": list(self.features), "network": self.network, "training": self.training}

    @classmethod
    def from_dict(cls, data: Any) -> PlaygroundSetup:
        """Inverse of :meth:`to_dict`; missing fields take their defaults.

        Raises
        ------
        FileFormatError
            For anything that is not a valid setup: another format or a newer version, unknown keys,
            bad values, layers with bad settings, a network whose layers do not fit together, or one
            larger than :mod:`sandbox.limits` allows (e.g. a Dense layer of more than
            :data:`~sandbox.limits.MAX_UNITS` units).
        """
        if not isinstance(data, dict):
            raise FileFormatError("playground.not_object")
        if data.get("format") != SETUP_FORMAT:
            raise FileFormatError("playground.wrong_format", format=SETUP_FORMAT)
        version = data.get("format_version", SETUP_VERSION)
        if not _is_int(version) or version < 1:
            raise FileFormatError("playground.bad_version", version=version)
        if version > SETUP_VERSION:
            raise FileFormatError("playground.newer_version", version=version)
        unknown = sorted(set(data) - {"format", "format_version", *_FIELDS})
        if unknown:
            raise FileFormatError("playground.unknown_settings", names=', '.join(unknown))
        values = {k: data[k] for k in _FIELDS if k in data}
        try:
            if "network" in values:
                # Sizes first, from the description alone: a layer of 10⁸ units is refused, not built.
                NetworkSpec.from_dict(values["network"])
            setup = cls(**values)
            error = setup.network_spec.first_error()
        except (SandboxError, TypeError, ValueError, KeyError, AttributeError) as exc:
            raise FileFormatError("playground.bad_setting", problem=reason_of(exc)) from None
        if error is not None:
            raise FileFormatError("playground.unbuildable", reason=error)
        return setup


def save_setup(path: str | os.PathLike[str], setup: PlaygroundSetup) -> None:
    """Write ``setup`` as a small JSON file, atomically (a crash never leaves half a file).

    Raises
    ------
    LayerArgumentError
        If the network does not fit together yet, or is larger than :mod:`sandbox.limits` allows
        (such a file could not be opened again).
    OSError
        If the file cannot be written.
    """
    error = setup.network_spec.first_error()
    if error is not None:
        raise LayerArgumentError("playground.save_not_fitting", reason=error)
    try:
        # A file that load_setup would refuse is not written in the first place.
        NetworkSpec.from_dict(setup.network)
    except LayerArgumentError as exc:
        raise LayerArgumentError("playground.save_too_large", problem=exc) from None
    data = json.dumps(setup.to_dict(), indent=2, ensure_ascii=False, allow_nan=False).encode("utf-8") + b"\n"
    atomic_write(path, lambda f: f.write(data))


def load_setup(path: str | os.PathLike[str]) -> PlaygroundSetup:
    """Read a setup written by :func:`save_setup`.

    The file is read defensively: at most 256 KiB, strict UTF-8 (a leading byte order mark is
    skipped), JSON without ``NaN``/``Infinity``, overlong numbers or duplicate keys, nesting at most 32
    levels deep, and every value checked as in :meth:`PlaygroundSetup.from_dict`, layer sizes included.

    Raises
    ------
    FileFormatError
        Naming the file and saying what is wrong with it, in plain words.
    OSError
        If the file cannot be read at all (missing, no permission); when it is the folder that is
        missing, the error's ``strerror`` says so.
    """
    where = os.fspath(path)
    try:
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_SETUP_BYTES + 1)
        except FileNotFoundError as exc:
            if os.path.isdir(os.path.dirname(os.path.abspath(where))):
                raise
            # "No such file or directory" would not say that it is the folder that is missing.
            raise FileNotFoundError(errno.ENOENT, str(missing_reason(where)), where) from exc
        if len(raw) > MAX_SETUP_BYTES:
            raise FileFormatError("playground.too_large", size=MAX_SETUP_BYTES // 1024)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise FileFormatError("playground.not_utf8") from None
        if nesting_depth(text) > MAX_SETUP_DEPTH:
            raise FileFormatError("playground.too_deep", maximum=MAX_SETUP_DEPTH)
        try:
            data = loads_strict(text)
        except FileFormatError:
            raise  # already in plain words (a number too long)
        except (ValueError, RecursionError) as exc:
            raise FileFormatError("playground.not_json", detail=str(exc)[:120]) from None
        return PlaygroundSetup.from_dict(data)
    except FileFormatError as exc:
        raise FileFormatError("file.cannot_open", where=where, reason=exc) from None


# ---- data ------------------------------------------------------------------------------------------
def make_points(setup: PlaygroundSetup) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The setup's 2-D points, cut into a training and a test part.

    Returns
    -------
    (p_train, y_train), (p_test, y_test) : numpy.ndarray
        Points float32 (n, 2); labels int64 (n,) 0/1 for classification, targets float32 (n, 1) for
        regression. The test part has ``round(n_samples * test_ratio)`` points.
    """
    x, y = toy.make(setup.dataset, n_samples=setup.n_samples, noise=setup.noise, seed=setup.seed)
    return toy.train_test_split(x, y, setup.test_ratio, seed=setup.seed)


def make_data(setup: PlaygroundSetup) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray],
                                                  tuple[str, ...]]:
    """The network's training and test data for ``setup``.

    Returns
    -------
    (x_train, y_train), (x_test, y_test) : numpy.ndarray
        Inputs float32 (n, len(features)), the features of :func:`make_points`' points in the setup's
        order; targets as in :func:`make_points`.
    feature_names : tuple of str
        The name of each input column.
    """
    (p_train, y_train), (p_test, y_test) = make_points(setup)
    return ((toy.feature_map(p_train, setup.features), y_train), (toy.feature_map(p_test, setup.features), y_test),
            setup.features)


# ---- what the app draws ------------------------------------------------------------------------------
def grid_points(extent: tuple[float, float, float, float] = EXTENT, resolution: int = 100) -> np.ndarray:
    """The centres of a ``resolution`` × ``resolution`` grid over ``extent`` (x1_min, x1_max, x2_min, x2_max).

    Returns
    -------
    numpy.ndarray
        float32 (resolution², 2), row-major: point ``i * resolution + j`` is ``(x_j, y_i)``.
    """
    if not _is_int(resolution) or resolution < 1:
        raise LayerArgumentError("playground.bad_resolution", resolution=resolution)
    x0, x1, y0, y1 = (float(v) for v in extent)
    xs = x0 + (np.arange(resolution) + 0.5) * (x1 - x0) / resolution
    ys = y0 + (np.arange(resolution) + 0.5) * (y1 - y0) / resolution
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)


def input_maps(features: tuple[str, ...], extent: tuple[float, float, float, float] = EXTENT,
               resolution: int = 24) -> np.ndarray:
    """Each input feature over the grid (the first column of the network diagram).

    Returns
    -------
    numpy.ndarray
        float32 (len(features), resolution, resolution).
    """
    values = toy.feature_map(grid_points(extent, resolution), features)
    return np.ascontiguousarray(values.T.reshape(len(features), resolution, resolution))


def grid_predictions(model: Sequential, features: tuple[str, ...], extent: tuple[float, float, float, float] = EXTENT,
                     resolution: int = 100) -> np.ndarray:
    """The model's answer at every point of a grid over the plane: the decision boundary.

    Parameters
    ----------
    model : Sequential
        A built model reading ``len(features)`` inputs.
    features : tuple of str
        The features the model reads, in its input order.
    extent : tuple of float
        ``(x1_min, x1_max, x2_min, x2_max)``.
    resolution : int
        Cells per side.

    Returns
    -------
    numpy.ndarray
        float32 (resolution, resolution), row-major as :func:`grid_points`. For two or more outputs,
        the probability of class 1 (outputs that are not probabilities go through a softmax first);
        for a single output its value (a sigmoid's class-1 probability, or a regression's prediction).
        Non-finite outputs (a diverged network) are NaN.
    """
    out = _predict(model, toy.feature_map(grid_points(extent, resolution), features))
    return _class1(out).reshape(resolution, resolution)


def _predict(model: Sequential, x: np.ndarray) -> np.ndarray:
    # A diverged network overflows; the caller sees NaN, not warnings.
    with np.errstate(all="ignore"):
        return np.asarray(model.predict_on_batch(x), np.float32)


def _class1(out: np.ndarray) -> np.ndarray:
    """Reduce (n, k) outputs to (n,) float32: column 0 for k = 1, else the class-1 probability."""
    out = out.reshape(len(out), -1)
    if out.shape[1] == 1:
        values = out[:, 0]
    else:
        with np.errstate(all="ignore"):
            probabilities = out.min() >= 0 and np.allclose(out.sum(axis=1), 1.0, atol=1e-3)
            if not probabilities:
                shifted = np.exp(out - out.max(axis=1, keepdims=True))
                out = shifted / shifted.sum(axis=1, keepdims=True)
        values = out[:, 1]
    return np.where(np.isfinite(values), values, np.nan).astype(np.float32)


def _dense_indices(model: Sequential) -> list[int]:
    return [i for i, layer in enumerate(model.layers) if type(layer).__name__ == "Dense"]


def neuron_maps(model: Sequential, features: tuple[str, ...], extent: tuple[float, float, float, float] = EXTENT,
                resolution: int = 24) -> list[np.ndarray] | None:
    """What every unit of every Dense layer outputs over the plane (the network diagram's thumbnails).

    Parameters
    ----------
    model, features, extent, resolution
        As :func:`grid_predictions`.

    Returns
    -------
    list of numpy.ndarray or None
        One float32 (units, resolution, resolution) array per Dense layer, in order: the layer's
        output after its activation. None when the network is too big to draw (more than
        :data:`MAX_DRAWN_LAYERS` Dense layers, or one with more than :data:`MAX_DRAWN_UNITS` units).
    """
    indices = _dense_indices(model)
    if not indices or len(indices) > MAX_DRAWN_LAYERS or any(
            model.layers[i].units > MAX_DRAWN_UNITS for i in indices):
        return None
    with np.errstate(all="ignore"):
        outputs = model.layer_outputs(toy.feature_map(grid_points(extent, resolution), features))
    maps = []
    for i in indices:
        out = np.asarray(outputs[i], np.float32)
        maps.append(np.ascontiguousarray(out.T.reshape(out.shape[1], resolution, resolution)))
    return maps


@dataclass(frozen=True)
class DenseWeights:
    """One Dense layer's weights, for drawing its connections.

    Attributes
    ----------
    name : str
        The layer's name in the model (``"dense_1"``).
    activation : str
        Its activation's name (``"tanh"``, ``"linear"``, …).
    kernel : numpy.ndarray
        float32 (inputs, units): ``kernel[a, b]`` weighs input ``a`` into unit ``b``.
    bias : numpy.ndarray or None
        float32 (units,), None without a bias.
    """

    name: str
    activation: str
    kernel: np.ndarray
    bias: np.ndarray | None


def dense_weights(model: Sequential) -> list[DenseWeights]:
    """Copies of each Dense layer's kernel and bias, in order (other layers are left out)."""
    model.build()
    result = []
    for i in _dense_indices(model):
        layer = model.layers[i]
        config = layer.get_config()
        activation = config.get("activation") or "linear"
        bias = layer.params.get("bias")
        result.append(DenseWeights(layer.name, str(activation), np.array(layer.params["kernel"], np.float32),
                                   None if bias is None else np.array(bias, np.float32)))
    return result
