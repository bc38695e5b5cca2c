"""Carry a network out of the sandbox: the equivalent Keras 3 code, and its trained weights.

``keras_code`` writes the ``Sequential`` / ``compile`` / ``fit`` code a learner would type for the
same network and settings; ``export_keras`` saves that script beside a ``weights.npz`` the script
loads with ``model.set_weights`` — weight layouts are Keras's own, so no conversion is needed.

The two files belong together: the script checks that the weights beside it are the ones exported
with it (their SHA-256 is written into the script), so a script can never silently run with the
weights of another export.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from . import layers as _layers
from .safefile import atomic_write_many
from .spec import LayerSpec, NetworkSpec, TrainingSpec

__all__ = ["export_keras", "keras_code", "layer_code"]

_OPTIMIZER_DEFAULT_SKIP = {"name", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue"}


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(value, dict) and set(value) == {"class_name", "config"}:
        args = ", ".join(f"{k}={_fmt(v)}" for k, v in value["config"].items() if v is not None and k != "seed")
        module = "initializers" if "initial" not in value["class_name"] else "optimizers.schedules"
        if value["class_name"] in ("L1", "L2", "L1L2"):
            module = "regularizers"
        return f"keras.{module}.{value['class_name']}({args})"
    if isinstance(value, float):
        return repr(float(f"{value:.6g}"))
    return repr(value)


def _required(cls: type) -> list[str]:
    params = inspect.signature(cls.__init__).parameters.values()
    return [p.name for p in params if p.name != "self" and p.default is p.empty
            and p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY)]


#: Arguments Keras requires although the engine has a default for them: always written.
_KERAS_REQUIRED: dict[str, tuple[str, ...]] = {"AveragePooling2D": ("pool_size",)}


def _keras_default(key: str, config: dict[str, Any], engine_default: dict[str, Any]) -> Any:
    """The value Keras uses for ``key`` when the code leaves it out.

    It is the engine's default except where the two differ: a pooling layer's ``strides`` default to
    its ``pool_size`` in Keras (``strides=None``), whatever the pool size, whereas the engine's
    default-built layer has the strides of its own default 2×2 pool.
    """
    if key == "strides" and "pool_size" in config:
        return config["pool_size"]
    return engine_default.get(key)


def layer_code(spec: LayerSpec) -> str:
    """``layers.Dense(128, activation="relu")`` for one layer.

    Every argument Keras requires is written positionally; any other is written when its value
    differs from what Keras would use without it (which is not always the engine's default: see
    :func:`_keras_default`), so the Keras layer is the same as the engine's.
    """
    cls = _layers.REGISTRY.lookup(spec.class_name)
    layer = spec.build()
    config = layer.get_config()
    engine_required = _required(cls)
    required = [*engine_required,
                *(k for k in _KERAS_REQUIRED.get(spec.class_name, ()) if k not in engine_required and k in config)]
    default = cls(**{k: config[k] for k in engine_required}).get_config()
    args = [_fmt(tuple(config[k]) if isinstance(config[k], list) else config[k]) for k in required]
    for key, value in config.items():
        if key in required or (key == "trainable" and value is True):
            continue
        if key == "name" and "name" not in spec.config:
            continue
        if value != _keras_default(key, config, default):
            args.append(f"{key}={_fmt(value)}")
    return f"layers.{spec.class_name}({', '.join(args)})"


def _optimizer_code(training: TrainingSpec) -> str:
    opt = training.build_optimizer()
    default = type(opt)().get_config()
    args = []
    for key, value in opt.get_config().items():
        if key == "learning_rate" or (value != default.get(key) and key != "name"):
            args.append(f"{key}={_fmt(value)}")
    return f"keras.optimizers.{type(opt).__name__}({', '.join(args)})"


def _model_lines(network: NetworkSpec, training: TrainingSpec) -> list[str]:
    """The ``keras.Sequential([...])`` and ``model.compile(...)`` lines."""
    lines = ["model = keras.Sequential([", f"    keras.Input(shape={tuple(network.input_shape)!r}),"]
    lines += [f"    {layer_code(spec)}," for spec in network.layers]
    lines += ["])"]
    lines += [
        f"model.compile(optimizer={_optimizer_code(training)},",
        f"              loss={_fmt(training.loss)},",
        f"              metrics={json.dumps(list(training.metrics))})",
    ]
    return lines


def _example_shape(network: NetworkSpec) -> str:
    return repr((3, *network.input_shape))


def keras_code(network: NetworkSpec, training: TrainingSpec, *, weights_file: str | None = None,
               weights_sha256: str | None = None) -> str:
    """Keras 3 code for this network and these settings.

    Without ``weights_file``: the code a learner would type to train the same network on MNIST
    (``keras.datasets.mnist``) with the same settings. With it: a script that rebuilds the network
    and loads its trained weights, downloading nothing; importing it gives ``model``.

    Parameters
    ----------
    network, training
        What the learner built.
    weights_file : str, optional
        If given, the code loads these trained weights (``.npz`` from :func:`export_keras`), from
        the script's own folder whatever the current folder, instead of training from scratch.
    weights_sha256 : str, optional
        With ``weights_file``: the SHA-256 (hex) of that file; the code refuses to run with any other
        weights, saying so.
    """
    if not isinstance(network, NetworkSpec):  # a functional graph (sandbox.functional.Functional)
        from .export_graph import keras_graph_code

        return keras_graph_code(network, weights_file=weights_file, weights_sha256=weights_sha256)
    if weights_file:
        return _export_script(network, training, weights_file, weights_sha256)
    lines = [
        "import keras",
        "from keras import layers",
        "",
        "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()",
        'x_train = x_train.astype("float32") / 255',
        'x_test = x_test.astype("float32") / 255',
    ]
    if tuple(network.input_shape) == (28, 28, 1):
        lines += ["x_train = x_train[..., None]  # add the channel axis: (N, 28, 28, 1)",
                  "x_test = x_test[..., None]"]
    lines += ["", *_model_lines(network, training), "model.summary()"]
    fit = f"model.fit(x_train, y_train, epochs={training.epochs}, batch_size={training.batch_size}"
    if training.validation_split:
        fit += f", validation_split={training.validation_split:g}"
    lines += ["", fit + ")", "model.evaluate(x_test, y_test)", ""]
    return "\n".join(lines)


def _export_script(network: NetworkSpec, training: TrainingSpec, weights_file: str,
                   weights_sha256: str | None) -> str:
    """The ``model.py`` of :func:`export_keras`: the network, its weights from beside it, no download."""
    shape = tuple(network.input_shape)
    lines = [
        '"""A network exported from the Deep Learning Sandbox, for Keras 3, with its trained weights.',
        "",
        f"``model`` takes a batch of inputs shaped (N, {', '.join(map(str, shape))}), float32 — digits as the",
        "sandbox gives them, pixel values divided by 255 — and returns its outputs (for a softmax",
        f"output, each class's probability). The weights are read from {weights_file} beside this",
        "file, whatever the current folder. Run it to see a summary; import it",
        "(``from model import model``) to use the network.",
        '"""',
        "",
        "import hashlib",
        "import pathlib",
        "",
        "import keras",
        "import numpy as np",
        "from keras import layers",
        "",
        *_model_lines(network, training),
        "",
        "# Beside this script, not in whatever folder it is run from.",
        f'weights_path = pathlib.Path(__file__).with_name("{weights_file}")',
    ]
    if weights_sha256:
        lines += [f'if hashlib.sha256(weights_path.read_bytes()).hexdigest() != "{weights_sha256}":',
                  '    raise SystemExit(f"{weights_path} was not exported together with this script; "',
                  '                     "export the model again")']
    lines += [
        "saved = np.load(weights_path)",
        "model.set_weights([saved[k] for k in sorted(saved.files)])",
        "",
        'if __name__ == "__main__":',
        "    model.summary()",
        "    # To predict, give it inputs shaped like these random ones (float32, values 0 to 1):",
        f"    # model.predict(np.random.default_rng(0).random({_example_shape(network)}, dtype=np.float32))",
        "",
    ]
    return "\n".join(lines)


def export_keras(folder: str | os.PathLike[str], network: NetworkSpec, training: TrainingSpec,
                 weights: list[np.ndarray]) -> Path:
    """Write ``model.py`` (Keras code) and ``weights.npz`` (trained weights, Keras order) into ``folder``.

    Both files are written completely to temporary files in ``folder`` and flushed to disk before
    either replaces an older export; then ``weights.npz`` is renamed into place first and ``model.py``
    last. ``model.py`` holds the SHA-256 of its ``weights.npz`` and stops with a clear message when
    the file beside it differs, so that an export interrupted between the two renames (a new
    ``weights.npz`` beside the old ``model.py``) or a ``weights.npz`` copied from elsewhere is
    reported instead of silently pairing one network's script with other weights. An error before
    the renames (a full disk) leaves the older export as it was.

    Returns
    -------
    pathlib.Path
        The path of ``model.py``.

    Raises
    ------
    OSError
        If the folder cannot be created or written.
    """
    if not isinstance(network, NetworkSpec):  # a functional graph: its weights and compile settings are its own
        from .export_graph import export_keras_graph

        return export_keras_graph(folder, network)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {f"w{i:03d}": np.asarray(w, np.float32) for i, w in enumerate(weights)}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    data = buffer.getvalue()
    script = keras_code(network, training, weights_file="weights.npz",
                        weights_sha256=hashlib.sha256(data).hexdigest()).encode("utf-8")
    atomic_write_many([(folder / "weights.npz", lambda f: f.write(data)),
                       (folder / "model.py", lambda f: f.write(script))])
    return folder / "model.py"
