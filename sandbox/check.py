"""A network check before training: ``sb.check(model, x, y)`` lists what will go wrong, and why.

Each :class:`Finding` has a stable ``code``, its facts in ``fields`` (plain values), an English
``message`` made only from those fields, and, where one edit repairs it, a machine-readable ``fix``.
An ``"error"`` means training cannot work (the engine would raise, or the network cannot learn the
labels); a ``"warning"`` means Keras would run the same network without complaint, and the message
says so.

>>> import sandbox as sb
>>> model = sb.presets.build("mlp")
>>> _ = model.pop()  # the learner deletes the output layer
>>> [f.code for f in sb.check(model, np.zeros((3, 28, 28)), np.array([0, 9, 4]))]
['output_units_vs_classes']

An uncompiled model is checked too: give ``loss=`` and ``optimizer=`` to check them; without them
the checks that need them (activation against loss, labels, learning rate) are skipped.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from . import layers as L
from . import losses as _losses
from . import optimizers as _optimizers
from .model import Sequential, trace_shapes

__all__ = ["CODES", "USUAL_LEARNING_RATES", "Finding", "check"]

Severity = Literal["error", "warning"]

#: Learning rates (inclusive) inside which each optimizer usually trains; outside is a warning.
#: Wide on purpose: only a rate one or more orders of magnitude from the usual values is flagged.
USUAL_LEARNING_RATES: dict[str, tuple[float, float]] = {
    "SGD": (1e-4, 1.0),
    "Adam": (1e-5, 1e-1),
    "AdamW": (1e-5, 1e-1),
    "RMSprop": (1e-5, 1e-1),
    "Adagrad": (1e-4, 1.0),
}

# Output activations that are not probabilities and may be 0 or negative: a probability loss
# renormalises them by their sum, which can be 0 (NaN) or change sign.
_RELU_LIKE = frozenset({"linear", "relu", "leaky_relu", "elu", "gelu", "silu", "softplus"})
# Layers that pass values through unchanged (or only re-arranged), so the activation before them is the output's.
_PASS_THROUGH = (L.Dropout, L.Flatten, L.Reshape)
_SPARSE = "sparse_categorical_crossentropy"
_CATEGORICAL = "categorical_crossentropy"
_BINARY = "binary_crossentropy"


def _shape(shape: Any) -> str:
    return "×".join(str(d) for d in shape) if shape else "a single number"


def _layer(f: dict[str, Any]) -> str:
    return f"layer {f['layer_index'] + 1} ({f['layer_name']})"


_KERAS_RUNS = " Keras would run this network without complaint, so training is not blocked."

# One message per code, made from the fields alone, so a translation can do the same from the code.
_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "no_layers": lambda f: "The network has no layers yet: add at least an output layer.",
    "layer_does_not_fit": lambda f: f"{_layer(f)} does not fit the layer before it: {f['reason']}",
    "input_shape_mismatch": lambda f: (
        f"The model expects inputs {_shape(f['expected'])} per sample, got {_shape(f['got'])}: "
        + (f"set the input shape to {_shape(f['got'])} (the Flatten after it makes it flat)."
           if f["first_is_flatten"] else
           "reshape the data or change the Input shape.")),
    "sample_count_mismatch": lambda f: (
        f"There are {f['inputs']:,} inputs but {f['targets']:,} labels: give one label per input."),
    "output_units_vs_classes": lambda f: (
        f"The last layer, {_layer(f)}, has {f['got']} output{'s' if f['got'] != 1 else ''} but the labels "
        f"need {f['expected']} ({f['labels']}) for {f['loss']}: "
        + ("add an output layer after it, " if f["add_layer"] else "make it ")
        + f"{f['fix_class_name']}({f['expected']}, {f['fix_activation']})."),
    "labels_out_of_range": lambda f: (
        f"{f['count']:,} label{'s are' if f['count'] != 1 else ' is'} outside {f['low']:g}…{f['high']:g}, "
        f"the range {f['loss']} accepts here (labels go from {f['min']:g} to {f['max']:g})."
        + (_KERAS_RUNS if f["keras_runs"] else "")),
    "sparse_labels_with_categorical_loss": lambda f: (
        f"The labels are class numbers (one per sample) but {f['loss']} needs one-hot rows of "
        f"{f['outputs']} values: use sparse_categorical_crossentropy."),
    "one_hot_labels_with_sparse_loss": lambda f: (
        f"The labels are rows of {f['width']} values (one-hot) but {f['loss']} needs one class number "
        "per sample: use categorical_crossentropy."),
    "relu_output_into_probability_loss": lambda f: (
        f"The last layer, {_layer(f)}, ends in {f['activation']}, which does not give probabilities, "
        f"but {f['loss']} expects them: its outputs can be 0 (or negative), so the loss can become NaN "
        f"or stop falling. Use {f['expected_activation']}"
        + (" (or from_logits=True for a linear output)." if f["activation"] == "linear" else ".")
        + _KERAS_RUNS),
    "activation_vs_loss": lambda f: (
        f"The last layer, {_layer(f)}, ends in {f['activation']}, but {f['loss']}"
        + (" with from_logits=True expects raw scores (a linear output), so the activation is applied twice"
           if f["from_logits"] else f" expects {f['expected_activation']} probabilities")
        + ": the network learns slowly or not at all." + _KERAS_RUNS),
    "learning_rate_unusual": lambda f: (
        f"The learning rate {f['learning_rate']:g} is far {'above' if f['too_high'] else 'below'} "
        f"{f['optimizer']}'s usual range {f['usual_low']:g}…{f['usual_high']:g}: the loss will probably "
        + ("jump around or stick" if f["too_high"] else "hardly move")
        + f" (Keras's default is {f['default']:g})." + _KERAS_RUNS),
}

#: Every code :func:`check` can report.
CODES: tuple[str, ...] = tuple(_MESSAGES)


@dataclass(frozen=True)
class Finding:
    """One problem found by :func:`check`.

    Attributes
    ----------
    code : str
        Stable identifier, one of :data:`CODES`.
    severity : {"error", "warning"}
        ``"error"`` blocks training; ``"warning"`` does not (Keras would run the network).
    fields : dict
        The facts, as plain values (ints, floats, strings, tuples, bools).
    message : str
        English, made from ``code`` and ``fields``.
    fix : dict or None
        One edit that repairs it, e.g. ``{"kind": "set_last_layer", "class_name": "Dense", "units": 10,
        "activation": "softmax"}``; None when there is no single edit.
    """

    code: str
    severity: Severity
    fields: dict[str, Any] = field(hash=False)
    message: str
    fix: dict[str, Any] | None = field(default=None, hash=False)


def _finding(code: str, severity: Severity, fix: dict[str, Any] | None = None, **fields: Any) -> Finding:
    return Finding(code, severity, fields, _MESSAGES[code](fields), fix)


def check(model: Sequential, x: Any = None, y: Any = None, *, loss: Any = None,
          optimizer: Any = None) -> list[Finding]:
    """Check a network, its loss, optimizer and data before training.

    Parameters
    ----------
    model : Sequential
        Compiled or not.
    x, y : array_like, optional
        Training inputs (N, …) and labels; the data checks need them.
    loss, optimizer : optional
        Used instead of the model's compiled ones (names, dicts or instances). When the model is not
        compiled and these are not given, the checks that need them are skipped.

    Returns
    -------
    list of Finding
        Errors first, then warnings; empty when nothing is wrong.
    """
    loss_obj = _losses.get(loss) if loss is not None else model.loss
    opt = _optimizers.get(optimizer) if optimizer is not None else model.optimizer
    x_arr = None if x is None else np.asarray(x)
    y_arr = None if y is None else np.asarray(y)
    findings: list[Finding] = []
    if x_arr is not None and y_arr is not None and x_arr.ndim and y_arr.ndim and len(x_arr) != len(y_arr):
        findings.append(_finding("sample_count_mismatch", "error", inputs=len(x_arr), targets=len(y_arr)))
    if not model.layers:
        findings.append(_finding("no_layers", "error"))
    else:
        out_shape = _output_shape(model, x_arr, findings)
        if out_shape is not None and loss_obj is not None:
            findings += _check_output(model, out_shape, loss_obj, y_arr)
    if opt is not None:
        findings += _check_learning_rate(opt)
    return sorted(findings, key=lambda f: f.severity != "error")  # stable: errors first


def _output_shape(model: Sequential, x: np.ndarray | None, findings: list[Finding]) -> tuple[int, ...] | None:
    """The per-sample output shape, after checking the data's shape; None when it cannot be known."""
    want = model.input_layer.shape if model.input_layer is not None else None
    if x is not None and x.ndim >= 1:
        got = tuple(int(d) for d in x.shape[1:])
        # prepare_inputs gives (H, W) images their channel axis when the model expects (H, W, 1)
        if want is not None and got != want and not (want[-1] == 1 and got == want[:-1]):
            findings.append(_finding(
                "input_shape_mismatch", "error",
                {"kind": "set_input_shape", "shape": list(got)} if isinstance(model.layers[0], L.Flatten) else None,
                expected=tuple(want), got=got, first_is_flatten=isinstance(model.layers[0], L.Flatten)))
            return None
        want = want if want is not None else got  # an Input-less model takes the data's shape
    if want is None:
        return None
    rows = trace_shapes(want, model.layers)
    for index, row in enumerate(rows):
        if row.error is not None:
            findings.append(_finding("layer_does_not_fit", "error", {"kind": row.error.fix} if row.error.fix else None,
                                     layer_index=index, layer_name=row.layer.name,
                                     reason=" ".join(str(row.error).split())))
            return None
    return tuple(rows[-1].output_shape)


def _last_activation(model: Sequential) -> tuple[int, str] | None:
    """Index and name of the activation that makes the output, or None if no layer sets one."""
    for index in range(len(model.layers) - 1, -1, -1):
        layer = model.layers[index]
        if hasattr(layer, "activation"):
            return index, layer.activation.name
        if not isinstance(layer, _PASS_THROUGH):
            return None
    return None


def _check_output(model: Sequential, out: tuple[int, ...], loss: _losses.Loss, y: np.ndarray | None) -> list[Finding]:
    name = loss.keras_name
    if name not in (_SPARSE, _CATEGORICAL, _BINARY) or len(out) != 1:
        return []  # regression losses take any output; image-shaped outputs are beyond this check
    units = out[0]
    last = len(model.layers) - 1
    where = {"layer_index": last, "layer_name": model.layers[last].name}
    findings: list[Finding] = []
    probability = "sigmoid" if name == _BINARY else "softmax"

    act = _last_activation(model)
    # A last layer with a hidden layer's activation (relu, tanh…) is a hidden layer whose output layer is
    # missing (the learner deleted it): the fix adds one instead of turning the hidden layer into it.
    add_layer = act is not None and act[1] not in ("softmax", "sigmoid", "linear")

    def units_finding(expected: int, labels: str) -> Finding:
        # Keras fails on too few outputs; too many it would run, but the network then spreads probability
        # over classes that never occur (the "forgot the output layer" case), so this blocks training too.
        return _finding("output_units_vs_classes", "error",
                        {"kind": "add_output_layer" if add_layer else "set_last_layer", "class_name": "Dense",
                         "units": expected, "activation": probability},
                        **where, expected=expected, got=units, labels=labels, loss=name,
                        fix_class_name="Dense", fix_activation=probability, add_layer=add_layer)

    if y is not None and y.ndim >= 1 and y.size:
        if name == _SPARSE:
            labels = y[..., 0] if y.ndim == 2 and y.shape[1] == 1 else y
            if labels.ndim > 1:
                findings.append(_finding("one_hot_labels_with_sparse_loss", "error",
                                         {"kind": "set_loss", "loss": _CATEGORICAL}, width=int(y.shape[-1]),
                                         loss=name))
            else:
                low, high = float(labels.min()), float(labels.max())
                classes = int(high) + 1
                # With negative labels the class count is unknowable (shifted labels?): only the range is reported.
                # Too few outputs cannot work (Keras fails too). Too many only when the last layer is a hidden
                # layer (the forgot-the-output-layer case): a softmax over 10 digits trained on 0–2 is fine.
                if low >= 0 and (classes > units or (classes < units and add_layer)):
                    shown = f"{len(np.unique(labels))} distinct, from {low:g} to {high:g}"
                    findings.append(units_finding(classes, shown))
                bad = int(np.count_nonzero((labels < 0) | (labels >= units)))
                if bad:
                    findings.append(_finding("labels_out_of_range", "error", None, count=bad, low=0, high=units - 1,
                                             min=low, max=high, loss=name, keras_runs=False))
        elif name == _CATEGORICAL:
            if y.ndim == 1:
                findings.append(_finding("sparse_labels_with_categorical_loss", "error",
                                         {"kind": "set_loss", "loss": _SPARSE}, outputs=units, loss=name))
            elif y.shape[-1] != units:
                findings.append(units_finding(int(y.shape[-1]), f"one-hot rows of {y.shape[-1]}"))
        else:  # binary: one 0/1 target per output
            width = 1 if y.ndim == 1 else int(math.prod(y.shape[1:]))
            if width != units:
                findings.append(units_finding(width, f"{width} target{'s' if width != 1 else ''} per sample"))
            bad = int(np.count_nonzero((y < 0) | (y > 1)))
            if bad:
                # the engine and Keras both compute a (meaningless) loss for such targets
                findings.append(_finding("labels_out_of_range", "warning", None, count=bad, low=0, high=1,
                                         min=float(y.min()), max=float(y.max()), loss=name, keras_runs=True))

    if any(f.fix is not None and f.fix["kind"] == "add_output_layer" for f in findings):
        return findings  # the new output layer brings the right activation: one cause, one message
    if act is not None:
        index, activation = act
        at = {"layer_index": index, "layer_name": model.layers[index].name, "activation": activation, "loss": name}
        logits = bool(getattr(loss, "from_logits", False))
        if logits:
            if activation in ("softmax", "sigmoid"):
                findings.append(_finding("activation_vs_loss", "warning",
                                         {"kind": "set_loss", "loss": name, "from_logits": False},
                                         **at, from_logits=True, expected_activation="linear"))
        elif activation in _RELU_LIKE:
            findings.append(_finding("relu_output_into_probability_loss", "warning",
                                     {"kind": "set_activation", "layer_index": index, "activation": probability},
                                     **at, expected_activation=probability))
        elif activation != probability:
            findings.append(_finding("activation_vs_loss", "warning",
                                     {"kind": "set_activation", "layer_index": index, "activation": probability},
                                     **at, from_logits=False, expected_activation=probability))
    return findings


def _check_learning_rate(opt: _optimizers.Optimizer) -> list[Finding]:
    cls = type(opt).__name__
    usual = USUAL_LEARNING_RATES.get(cls)
    if usual is None:
        return []
    schedule = opt.schedule
    # A schedule is judged by where it starts (its warm-up target if it has one): it only falls from there.
    if schedule is None:
        lr = float(opt.learning_rate)
    else:
        lr = float(getattr(schedule, "warmup_target", None) or schedule(0))
    low, high = usual
    if low <= lr <= high:
        return []
    default = float(inspect.signature(type(opt).__init__).parameters["learning_rate"].default)
    return [_finding("learning_rate_unusual", "warning", {"kind": "set_learning_rate", "learning_rate": default},
                     optimizer=cls, learning_rate=lr, usual_low=low, usual_high=high, too_high=lr > high,
                     default=default)]
