"""Carry a functional graph out of the sandbox: the Keras 3 code that builds it, and its trained weights.

:func:`keras_graph_code` writes the functional code a learner would type for the same graph
(``inputs = keras.Input(...)``, ``x = layers.Dense(...)(inputs)``, …, ``keras.Model(inputs, outputs)``)
and its ``compile`` call; :func:`export_keras_graph` saves that script beside a ``weights.npz`` the
script loads with ``model.set_weights``, checked by its SHA-256 as :func:`sandbox.export.export_keras`
does for a ``Sequential``. Every layer is written with its name, so the Keras model has the same layer
names (which name the outputs' logs and a dict of data), and its layers come in the same order, so the
weights load in ``get_weights`` order unchanged.
"""

from __future__ import annotations

import hashlib
import io
import keyword
import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from .export import _fmt, layer_code
from .functional import Functional
from .layers import InputLayer
from .safefile import atomic_write_many
from .spec import LayerSpec

__all__ = ["export_keras_graph", "keras_graph_code"]


def _variables(model: Functional) -> dict[int, str]:
    """A Python name for each layer's output: the layer's name made an identifier, unique."""
    names: dict[int, str] = {}
    taken = {"keras", "layers", "model", "np", "hashlib", "pathlib", "saved", "weights_path"}
    for layer in model.layers:
        base = re.sub(r"\W", "_", layer.name) or "x"
        if base[0].isdigit() or keyword.iskeyword(base):
            base = f"x_{base}"
        name, i = base, 1
        while name in taken:
            name, i = f"{base}_{i}", i + 1
        taken.add(name)
        names[id(layer)] = name
    return names


def _object_code(module: str, config: dict[str, Any], skip: set[str]) -> str:
    """``keras.<module>.<Class>(arg=value, …)`` from a serialized ``{"class_name", "config"}``."""
    args = ", ".join(f"{k}={_fmt(v)}" for k, v in config["config"].items() if k not in skip and v is not None)
    return f"keras.{module}.{config['class_name']}({args})"


def _compile_code(model: Functional) -> list[str]:
    config = model.get_compile_config()
    if config is None:
        return []
    optimizer = _object_code("optimizers", config["optimizer"], {"name"})
    losses = config["loss"]
    loss = ("[" + ", ".join(_object_code("losses", one, {"name", "reduction"}) for one in losses) + "]"
            if isinstance(losses, list) else _object_code("losses", losses, {"name", "reduction"}))
    return [f"model.compile(optimizer={optimizer},", f"              loss={loss},",
            f"              metrics={config['metrics']!r})"]


def keras_graph_code(model: Functional, *, weights_file: str | None = None,
                     weights_sha256: str | None = None) -> str:
    """Keras 3 functional code for ``model`` (and its compile settings, when it is compiled).

    Parameters
    ----------
    model : Functional
        The graph.
    weights_file : str, optional
        If given, the code loads these weights (an ``.npz`` of ``w000``, ``w001``, … in ``get_weights``
        order) from the script's own folder.
    weights_sha256 : str, optional
        With ``weights_file``: its SHA-256 (hex); the code refuses any other weights, saying so.

    Returns
    -------
    str
        A script; importing or running it leaves the Keras model in ``model``.
    """
    names = _variables(model)
    lines = ['"""A functional network exported from the Deep Learning Sandbox, for Keras 3."""', ""]
    if weights_file:
        lines += ["import hashlib", "import pathlib", "", "import keras", "import numpy as np"]
    else:
        lines += ["import keras"]
    lines += ["from keras import layers", ""]
    for layer in model.layers:
        var = names[id(layer)]
        if isinstance(layer, InputLayer):
            lines.append(f"{var} = keras.Input(shape={tuple(layer.shape)!r}, name={_fmt(layer.name)})")
            continue
        spec = LayerSpec.make(type(layer).__name__, **layer.get_config())
        sources = [names[id(t._keras_history[0])] for t in layer._graph_inputs]
        arg = "[" + ", ".join(sources) + "]" if getattr(layer, "multi_input", False) else sources[0]
        lines.append(f"{var} = {layer_code(spec)}({arg})")

    def ends(tensors: list[Any], single: bool) -> str:
        shown = [names[id(t._keras_history[0])] for t in tensors]
        return shown[0] if single else "[" + ", ".join(shown) + "]"

    lines.append(f"model = keras.Model(inputs={ends(model.inputs, model._single_input)}, "
                 f"outputs={ends(model.outputs, model._single_output)}, name={_fmt(model.name)})")
    lines += _compile_code(model)
    if weights_file:
        lines += ["", f'weights_path = pathlib.Path(__file__).with_name("{weights_file}")']
        if weights_sha256:
            lines += [f'if hashlib.sha256(weights_path.read_bytes()).hexdigest() != "{weights_sha256}":',
                      '    raise SystemExit(f"{weights_path} was not exported together with this script; "',
                      '                     "export the model again")']
        lines += ["saved = np.load(weights_path)",
                  "model.set_weights([saved[k] for k in sorted(saved.files)])"]
    lines += ["model.summary()", ""]
    return "\n".join(lines)


def export_keras_graph(folder: str | os.PathLike[str], model: Functional) -> Path:
    """Write ``model.py`` (functional Keras code) and ``weights.npz`` (its weights, Keras order) into ``folder``.

    As :func:`sandbox.export.export_keras`: both files are written to temporary files first, the weights
    are renamed into place before the script, and the script checks the weights' SHA-256.

    Returns
    -------
    pathlib.Path
        The path of ``model.py``.

    Raises
    ------
    OSError
        If the folder cannot be created or written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {f"w{i:03d}": np.asarray(w, np.float32) for i, w in enumerate(model.get_weights())}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    data = buffer.getvalue()
    script = keras_graph_code(model, weights_file="weights.npz",
                              weights_sha256=hashlib.sha256(data).hexdigest()).encode("utf-8")
    atomic_write_many([(folder / "weights.npz", lambda f: f.write(data)),
                       (folder / "model.py", lambda f: f.write(script))])
    return folder / "model.py"
