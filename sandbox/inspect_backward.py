"""The backward pass on one example, array by array, for showing what back-propagation computes.

:func:`trace_example` runs the engine's own ``layer.forward`` and ``layer.backward`` on a float64 copy
of a model (so the learner's model and its weights are never touched) and keeps every array on the
way: the input, each layer's output, the probabilities and the one-hot truth, the loss, and for each
layer from last to first ``dL/doutput``, ``dL/dW``, ``dL/db`` and ``dL/dinput``. No gradient is
re-derived here: the numbers are the ones training uses.

:func:`optimizer_step` shows what an optimizer would do to one layer's weights with this single
example's gradient, on copies of the optimizer and of the weights. :func:`verify` compares the traced
gradient with central differences (float64), as :mod:`sandbox.gradcheck` does. :func:`hardest_example`
finds the example a model gets most wrong, one worth following backward (a digit the model is sure of
has all-zero gradients under Keras's clipping).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import losses as _losses
from . import optimizers as _optimizers
from .callbacks import StopToken
from .errors import LayerArgumentError
from .gradcheck import _numeric
from .layers import Layer
from .model import Sequential

__all__ = ["BackwardTrace", "LayerGrad", "LayerOutput", "OptimizerStep", "hardest_example", "optimizer_step",
           "trace_example", "verify"]

#: Examples predicted at a time by :func:`hardest_example` (a stop request is honoured between batches).
_HARDEST_BATCH = 100


@dataclass(frozen=True)
class LayerOutput:
    """One layer's forward output for the single example.

    Attributes
    ----------
    name, class_name : str
    shape : tuple of int
        Per-sample output shape.
    array : ndarray
        float64, ``shape`` (no batch axis).
    """

    name: str
    class_name: str
    shape: tuple[int, ...]
    array: np.ndarray


@dataclass(frozen=True)
class LayerGrad:
    """The gradients at one layer, for the single example (float64, no batch axis).

    Attributes
    ----------
    name, class_name : str
    d_output : ndarray
        ``dL/doutput``, the layer's output shape.
    d_input : ndarray
        ``dL/dinput``, the layer's input shape.
    d_weights : dict of str to ndarray
        ``dL/dkernel``, ``dL/dbias`` … in Keras layouts (Dense kernel (in, out), Conv2D (kh, kw, cin, cout)),
        including any weight-penalty gradient; empty for layers without weights.
    """

    name: str
    class_name: str
    d_output: np.ndarray
    d_input: np.ndarray
    d_weights: dict[str, np.ndarray]


@dataclass
class BackwardTrace:
    """Everything one forward and backward pass computed for one example.

    Attributes
    ----------
    x : ndarray
        The prepared input, float64, the model's input shape (e.g. (28, 28, 1)).
    label : int
    outputs : list of LayerOutput
        In forward order.
    probabilities : ndarray
        The last layer's output, float64 (classes,).
    one_hot : ndarray
        float64 (classes,), 1 at ``label``.
    loss : float
        The data loss as the engine computes it (for cross-entropy ``−log p[label]`` with Keras's
        clipping of ``p`` to [1e-7, 1 − 1e-7]).
    regularization : float
        The weight penalties added to the loss (0 without regularizers).
    d_logits : ndarray or None
        ``dL/dlogits`` (classes,) when the last layer is Dense with softmax (it equals ``p − y`` for
        cross-entropy); None otherwise (then ``grads[0].d_output`` is ``dL/doutput``).
    softmax_ending : bool
        Whether the last layer is Dense with a softmax activation.
    grads : list of LayerGrad
        From the last layer to the first.
    flat_grad : ndarray
        Every weight's gradient in the model's flat-buffer layout, float64 (for :func:`optimizer_step`).
    """

    x: np.ndarray
    label: int
    outputs: list[LayerOutput]
    probabilities: np.ndarray
    one_hot: np.ndarray
    loss: float
    regularization: float
    d_logits: np.ndarray | None
    softmax_ending: bool
    grads: list[LayerGrad] = field(default_factory=list)
    flat_grad: np.ndarray | None = None

    def grad(self, layer_name: str) -> LayerGrad:
        """The :class:`LayerGrad` of the layer named ``layer_name``."""
        for g in self.grads:
            if g.name == layer_name:
                return g
        raise LayerArgumentError("trace.no_layer", layer=layer_name)


@dataclass(frozen=True)
class OptimizerStep:
    """What one optimizer step would do to one layer's weights (all arrays in Keras layouts).

    Attributes
    ----------
    optimizer : str
        The optimizer's class name.
    learning_rate : float
    gradient : dict of str to ndarray
        The gradient the optimizer receives (after its clipping), per weight key.
    state_before, state_after : dict of str to dict of str to ndarray
        The optimizer's slots for this layer (``"momentum"``, ``"velocity"`` …) by slot, then weight key.
    update : dict of str to ndarray
        ``new − old`` per weight key.
    old_weights, new_weights : dict of str to ndarray
    """

    optimizer: str
    learning_rate: float
    gradient: dict[str, np.ndarray]
    state_before: dict[str, dict[str, np.ndarray]]
    state_after: dict[str, dict[str, np.ndarray]]
    update: dict[str, np.ndarray]
    old_weights: dict[str, np.ndarray]
    new_weights: dict[str, np.ndarray]


def _float64_copy(model: Sequential) -> Sequential:
    config = dict(model.get_config())
    config["dtype"] = "float64"
    copy = Sequential.from_config(config)
    if model._flat is not None:  # built: skip drawing initial weights that set_weights overwrites at once
        copy._ensure_built(initialize=False)
    copy.set_weights(model.get_weights())
    for mine, theirs in zip(copy.layers, model.layers, strict=True):
        mine.trainable = theirs.trainable
    return copy


def _prepare(model: Sequential, x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, np.float64)
    return model.prepare_inputs(x[None])


def _loss_of(model: Sequential, loss: Any) -> _losses.Loss:
    if loss is not None:
        return _losses.get(loss)
    if model.loss is not None:
        return model.loss
    return _losses.SparseCategoricalCrossentropy()


def trace_example(model: Sequential, x: np.ndarray, label: int, loss: Any = None) -> BackwardTrace:
    """Run one example forward and backward on a float64 copy of ``model`` and keep every array.

    Parameters
    ----------
    model : Sequential
        Built; never modified (its weights are copied).
    x : ndarray
        One image, (28, 28) or (28, 28, 1) (any shape :meth:`Sequential.prepare_inputs` accepts
        without the batch axis), float.
    label : int
        The true class.
    loss : Loss or str, optional
        Default: the model's compiled loss, else sparse categorical cross-entropy.

    Returns
    -------
    BackwardTrace
    """
    loss_fn = _loss_of(model, loss)
    net = _float64_copy(model)
    xb = _prepare(net, x)
    net._ensure_built()
    for layer in net.layers:
        layer.need_input_grad = True  # show dL/dinput at every layer, even before the first weights
    outputs: list[LayerOutput] = []
    inputs: list[np.ndarray] = []
    h = xb
    for layer in net.layers:
        inputs.append(h)
        h = layer.forward(h, False)
        outputs.append(LayerOutput(layer.name, type(layer).__name__, tuple(h.shape[1:]), h[0].copy()))
    y_true = np.array([int(label)])
    data_loss, dy = loss_fn.forward_backward(y_true, h)
    classes = h.shape[-1]
    one_hot = np.zeros(classes)
    if 0 <= int(label) < classes:
        one_hot[int(label)] = 1.0
    last = net.layers[-1]
    softmax_ending = type(last).__name__ == "Dense" and getattr(last, "activation", None) is not None \
        and last.activation.name == "softmax"
    # the engine's own activation backward (the softmax Jacobian), run before layer.backward overwrites nothing
    d_logits = last._activation_grad(dy)[0].copy() if softmax_ending else None
    grads: list[LayerGrad] = []
    d = dy
    for layer in reversed(net.layers):
        d_out = d[0].copy()
        d = layer.backward(d)
        grads.append(LayerGrad(layer.name, type(layer).__name__, d_out, d[0].copy(),
                               {k: np.array(layer.grads[k]) for k in layer.weight_names if k in layer.grads}))
    return BackwardTrace(
        x=xb[0].copy(), label=int(label), outputs=outputs, probabilities=h[0].copy(), one_hot=one_hot,
        loss=float(data_loss), regularization=float(net.regularization_loss()), d_logits=d_logits,
        softmax_ending=bool(softmax_ending), grads=grads, flat_grad=net._flat_grad.copy(),
    )


def hardest_example(model: Sequential, x: np.ndarray, y: np.ndarray, loss: Any = None, *,
                    stop: StopToken | None = None) -> tuple[int, float]:
    """The example of ``x`` with the largest loss: the one the model finds hardest.

    Parameters
    ----------
    model : Sequential
        Built; only its ``forward`` runs (pass a copy when it may train meanwhile).
    x : ndarray
        Examples, (N, *input_shape) (anything :meth:`Sequential.prepare_inputs` accepts), N ≥ 1.
    y : ndarray
        Their true classes, (N,).
    loss : Loss or str, optional
        Default: the model's compiled loss, else sparse categorical cross-entropy.
    stop : StopToken, optional
        Checked between batches of :data:`_HARDEST_BATCH` examples.

    Returns
    -------
    index : int
        Position in ``x`` of the example with the largest data loss (the first one on ties).
    loss : float
        Its loss, as :func:`trace_example` reports it (e.g. ``−log p[label]`` with Keras's clipping).

    Notes
    -----
    The small CNN needs about 30 ms for 500 test images (float32, measured), so the app runs this in a
    background thread on the first few hundred test images.
    """
    loss_fn = _loss_of(model, loss)
    labels = np.asarray(y).astype(np.int64, copy=False)
    if len(labels) == 0 or len(labels) != len(x):
        raise LayerArgumentError("trace.labels_mismatch", examples=len(x), labels=len(labels))
    losses = np.empty(len(labels))
    for start in range(0, len(labels), _HARDEST_BATCH):
        if stop is not None:
            stop.raise_if_stopped()
        p = model.predict_on_batch(x[start:start + _HARDEST_BATCH])
        for i in range(len(p)):
            losses[start + i] = loss_fn(labels[start + i:start + i + 1], p[i:i + 1])
    index = int(np.argmax(losses))
    return index, float(losses[index])


def _layer_slices(model: Sequential, layer_name: str) -> dict[str, tuple[int, int]]:
    """The ``(start, stop)`` of each of ``layer_name``'s weights in the flat buffer."""
    model._ensure_built()
    layer: Layer = model.get_layer(layer_name)
    segments = [(a, b) for owner, a, b in model._layer_segments if owner is layer]
    keys = list(layer.params)
    return dict(zip(keys, segments, strict=True))


def _copy_optimizer(optimizer: _optimizers.Optimizer) -> _optimizers.Optimizer:
    copy = type(optimizer).from_config(optimizer.get_config())
    if getattr(optimizer, "_size", -1) >= 0:
        copy.build(optimizer._size, next(iter(optimizer._slots.values())).dtype if optimizer._slots else np.float32)
        copy.set_state(optimizer.get_state())
    return copy


def optimizer_step(model: Sequential, trace: BackwardTrace, layer_name: str,
                   optimizer: _optimizers.Optimizer) -> OptimizerStep:
    """What ``optimizer`` would do to ``layer_name``'s weights with this one example's gradient.

    A copy of the optimizer (with its state, if it has any) is applied to a copy of the model's flat
    weights and the trace's flat gradient (cast to the model's dtype), so nothing real changes.

    Returns
    -------
    OptimizerStep
        Arrays in the model's dtype and Keras layouts.
    """
    slices = _layer_slices(model, layer_name)
    layer = model.get_layer(layer_name)
    params = model.get_flat_weights()
    grads = np.asarray(trace.flat_grad, params.dtype).copy()
    opt = _copy_optimizer(optimizer)
    if getattr(opt, "_size", -1) != params.size:
        opt.build(params.size, params.dtype)

    def shaped(flat: np.ndarray) -> dict[str, np.ndarray]:
        return {k: flat[a:b].reshape(layer.params[k].shape).copy() for k, (a, b) in slices.items()}

    def state() -> dict[str, dict[str, np.ndarray]]:
        return {name: shaped(a) for name, a in opt.get_state().items() if name != "iterations"}

    before = state()
    old = params.copy()
    lr = opt.learning_rate
    opt.apply(params, grads, model._segments)  # clips `grads` in place: it then holds what the rule used
    return OptimizerStep(optimizer=type(opt).__name__, learning_rate=float(lr), gradient=shaped(grads),
                         state_before=before, state_after=state(), update=shaped(params - old),
                         old_weights=shaped(old), new_weights=shaped(params))


def verify(model: Sequential, x: np.ndarray, label: int, layer_name: str, key: str = "kernel", n: int = 10,
           seed: int = 0, loss: Any = None, eps: float = 1e-6) -> list[tuple[int, float, float, float]]:
    """Compare the back-propagated gradient of ``n`` sampled weights with central differences (float64).

    Returns
    -------
    list of (index, analytic, numeric, relative_error)
        ``index`` is the weight's flat index within ``layer_name``'s ``key`` array; the relative error is
        ``|a − n| / max(|a| + |n|, 1e-2)`` as in :func:`sandbox.gradcheck.relative_error`.
    """
    trace = trace_example(model, x, label, loss)
    analytic = trace.grad(layer_name).d_weights[key].reshape(-1)
    loss_fn = _loss_of(model, loss)
    net = _float64_copy(model)
    xb = _prepare(net, x)
    y_true = np.array([int(label)])

    def total_loss() -> float:
        return loss_fn(y_true, net.forward(xb, False)) + net.regularization_loss()

    w = net.get_layer(layer_name).params[key]
    rng = np.random.default_rng(seed)
    positions = np.arange(w.size) if w.size <= n else np.sort(rng.choice(w.size, n, replace=False))
    numeric = _numeric(total_loss, w, positions, eps)
    rows = []
    for i, num in zip(positions, numeric, strict=True):
        a = float(analytic[i])
        rows.append((int(i), a, float(num), abs(a - num) / max(abs(a) + abs(num), 1e-2)))
    return rows
