"""Carry a network out of the sandbox into PyTorch: an ``nn.Module`` script and its trained weights.

``export_torch(model, folder)`` writes ``model_torch.py`` — a module that imports only ``torch`` and
``numpy`` — beside ``weights_torch.npz``, the weights converted to PyTorch's layouts:

* Dense: Keras's kernel (in, out) becomes ``nn.Linear.weight`` (out, in), its transpose;
* Conv2D: Keras's kernel (kh, kw, in, out) becomes ``nn.Conv2d.weight`` (out, in, kh, kw).

A ``Sequential`` becomes a chain over ``x``; a functional graph (``sb.Model``) one variable per layer,
joined by ``+`` (Add) and ``torch.cat`` (Concatenate, its axis mapped to PyTorch's layout).

Images stay as the sandbox gives them: ``model(x)`` takes (N, H, W, C) float32 and returns what the
engine returns (a softmax output's probabilities). The module moves the channels first once at its
input, because PyTorch's convolutions and pools want (N, C, H, W), and puts them last again where
the order of the values matters: before ``Flatten`` (the engine flattens (H, W, C)), before a
``Reshape``, and at the output. "same" padding is written out as the engine computes it (the odd
pixel after, as Keras does), which PyTorch's own ``padding="same"`` does not do for every stride.

The pair is written as :func:`sandbox.export.export_keras` writes its own: both files complete on disk
before either replaces an older export, weights first, and the script holds the SHA-256 of its
weights so a mismatched pair is reported instead of run.
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

from .errors import LayerArgumentError
from .layers.conv import same_padding
from .safefile import atomic_write_many

__all__ = ["SCRIPT", "WEIGHTS", "export_torch", "torch_code", "torch_weights"]

#: The names of the two files :func:`export_torch` writes (unlike the Keras export's ``model.py`` and
#: ``weights.npz``, so both exports can share a folder).
SCRIPT = "model_torch.py"
WEIGHTS = "weights_torch.npz"

#: Each activation as PyTorch code applied to ``x``; ``{dim}`` is the channel axis for softmax.
_ACTIVATIONS: dict[str, str] = {
    "linear": "",
    "relu": "torch.relu({x})",
    "leaky_relu": "F.leaky_relu({x}, 0.2)",  # Keras's default slope, which the engine uses
    "elu": "F.elu({x}, alpha=1.0)",
    "gelu": "F.gelu({x})",  # the exact (erf) form, as the engine and Keras
    "sigmoid": "torch.sigmoid({x})",
    "tanh": "torch.tanh({x})",
    "softmax": "torch.softmax({x}, dim={dim})",
    "softplus": "F.softplus({x})",
    "silu": "F.silu({x})",
    "swish": "F.silu({x})",
}

#: Attributes of ``nn.Module`` that a layer's name must not shadow.
_MODULE_NAMES = frozenset({
    "add_module", "apply", "buffers", "children", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr",
    "float", "forward", "get_buffer", "get_parameter", "get_submodule", "half", "load_state_dict", "modules",
    "named_buffers", "named_children", "named_modules", "named_parameters", "parameters", "register_buffer",
    "register_module", "register_parameter", "requires_grad_", "state_dict", "to", "train", "training", "type",
    "zero_grad", "compile", "share_memory", "bfloat16", "ipu", "xpu", "mtia", "to_empty", "set_extra_state",
    "get_extra_state", "call_super_init",
    # and the names the generated code uses itself
    "torch", "nn", "F", "np", "x", "self", "hashlib", "pathlib", "model", "saved", "weights_path",
})


def _attribute(name: str, taken: set[str]) -> str:
    """A Python identifier for a layer's name, unique in ``taken`` and shadowing nothing of nn.Module."""
    ident = re.sub(r"\W", "_", name, flags=re.ASCII).strip("_") or "layer"
    if ident[0].isdigit():
        ident = f"layer_{ident}"
    if keyword.iskeyword(ident) or ident in _MODULE_NAMES or ident.startswith("_"):
        ident = f"{ident}_layer"
    base, i = ident, 1
    while ident in taken:
        ident, i = f"{base}_{i}", i + 1
    taken.add(ident)
    return ident


def _class_name(model_name: str) -> str:
    parts = re.findall(r"[A-Za-z0-9]+", model_name, flags=re.ASCII)
    name = "".join(p[:1].upper() + p[1:] for p in parts) or "Net"
    return f"Net{name}" if name[0].isdigit() else name


def _activation(layer: Any, activation_name: str, channels_first: bool) -> list[tuple[str, str]]:
    """The op applying the activation (none for linear)."""
    code = _ACTIVATIONS.get(activation_name)
    if code is None:
        raise LayerArgumentError("export.torch_activation", name=layer.name, activation=activation_name)
    return [(code.replace("{dim}", "1" if channels_first else "-1"), "")] if code else []


def _pads(layer: Any, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """(left, right, top, bottom) zero padding of a "same" window layer, as ``F.pad`` takes it."""
    if layer.padding != "same":
        return (0, 0, 0, 0)
    k = getattr(layer, "kernel_size", None) or layer.pool_size
    top, bottom = same_padding(size[0], k[0], layer.strides[0])
    left, right = same_padding(size[1], k[1], layer.strides[1])
    return (left, right, top, bottom)


def _layers_of(model: Any) -> list[Any]:
    """The model's layers in order (a graph's in Keras's order, its inputs included)."""
    from .model import Sequential

    graph = None
    try:
        from .functional import Functional as graph
    except ImportError:  # an engine without the functional API
        pass
    if not isinstance(model, Sequential) and (graph is None or not isinstance(model, graph)):
        raise LayerArgumentError("export.torch_model", model=type(model).__name__)
    model._ensure_built()
    return list(model.layers)


def _channels_dim(axis: int, rank: int, channels_first: bool) -> int:
    """PyTorch's dim for the engine's ``axis`` (counted with the batch axis) of a tensor of per-sample ``rank``."""
    sample = axis - 1 if axis > 0 else rank + axis  # 0 = the first axis after the batch
    if channels_first and rank == 3:
        return (2, 3, 1)[sample]  # (H, W, C) → dims 2, 3, 1 of (N, C, H, W)
    return sample + 1


def _ops(layer: Any, attr: str, in_shapes: list[tuple[int, ...]], cf: bool,
         init: list[str]) -> tuple[list[tuple[str, str]], bool]:
    """The PyTorch ops of one layer over ``{x}`` (its input), and whether its output is channels-first.

    ``cf`` says the input is channels-first (an image moved to PyTorch's layout); modules go to ``init``.
    """
    kind = type(layer).__name__
    in_shape, out_shape = in_shapes[0], tuple(layer.output_shape_)
    ops: list[tuple[str, str]] = []
    if kind == "Dense":
        init.append(f"self.{attr} = nn.Linear({in_shape[0]}, {layer.units}, bias={layer.use_bias})")
        return [(f"self.{attr}({{x}})", ""), *_activation(layer, layer.activation.name, False)], False
    if kind == "Conv2D":
        left, right, top, bottom = _pads(layer, in_shape[:2])
        padding = f"({top}, {left})"
        if (left, top) != (right, bottom):  # uneven: PyTorch's Conv2d pads both sides alike, so pad first
            padding = "0"
            ops.append((f"F.pad({{x}}, ({left}, {right}, {top}, {bottom}))", "'same': the odd pixel after"))
        init.append(f"self.{attr} = nn.Conv2d({in_shape[2]}, {layer.filters}, "
                    f"kernel_size={tuple(layer.kernel_size)}, stride={tuple(layer.strides)}, "
                    f"padding={padding}, bias={layer.use_bias})")
        return [*ops, (f"self.{attr}({{x}})", ""), *_activation(layer, layer.activation.name, True)], True
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        pads = _pads(layer, in_shape[:2])
        window = f"{tuple(layer.pool_size)}, stride={tuple(layer.strides)}"
        if kind == "MaxPooling2D":
            init.append(f"self.{attr} = nn.MaxPool2d({window})")
            if any(pads):  # padding never wins a maximum
                ops.append((f'F.pad({{x}}, {pads}, value=float("-inf"))', "'same'"))
            return [*ops, (f"self.{attr}({{x}})", "")], True
        if not any(pads):
            init.append(f"self.{attr} = nn.AvgPool2d({window})")
            return [(f"self.{attr}({{x}})", "")], True
        # 'same': padding is not counted, so divide each window's sum by its real pixels
        init.append(f"self.{attr} = nn.AvgPool2d({window}, divisor_override=1)  # window sums")
        init.append(f'self.register_buffer("{attr}_count", self.{attr}(F.pad(torch.ones(1, 1, '
                    f'{in_shape[0]}, {in_shape[1]}), {pads})), persistent=False)')
        return [(f"self.{attr}(F.pad({{x}}, {pads})) / self.{attr}_count", "'same'")], True
    if kind == "GlobalAveragePooling2D":
        keep = bool(getattr(layer, "keepdims", False))
        return [(f"{{x}}.mean(dim=(2, 3){', keepdim=True' if keep else ''})", "")], keep
    if kind == "Flatten":
        if cf:
            return [("{x}.permute(0, 2, 3, 1).flatten(1)", "in (H, W, C) order, as the sandbox")], False
        return [("{x}.flatten(1)", "")], False
    if kind == "Reshape":
        if cf:
            ops.append(("{x}.permute(0, 2, 3, 1)", "reshape the sandbox's (H, W, C) order"))
        ops.append((f"{{x}}.reshape(-1, {', '.join(map(str, out_shape))})", ""))
        if len(out_shape) == 3:
            ops.append(("{x}.permute(0, 3, 1, 2)", ""))
        return ops, len(out_shape) == 3
    if kind == "Dropout":
        init.append(f"self.{attr} = nn.Dropout({layer.rate!r})")
        return [(f"self.{attr}({{x}})", "")], cf
    if kind == "Activation":
        return _activation(layer, layer.activation.name, cf), cf
    if kind == "Rescaling":
        offset = f" + {layer.offset!r}" if layer.offset else ""
        return [(f"{{x}} * {layer.scale!r}{offset}", "")], cf
    raise LayerArgumentError("export.torch_layer", name=layer.name, layer=kind)


def _merge(layer: Any, sources: list[str], cf: bool) -> str:
    """The expression of a merge layer (Add, Concatenate) over its input variables."""
    kind = type(layer).__name__
    if kind == "Add":
        return " + ".join(sources)
    if kind == "Concatenate":
        rank = len(layer.output_shape_)
        return f"torch.cat([{', '.join(sources)}], dim={_channels_dim(layer.axis, rank, cf)})"
    raise LayerArgumentError("export.torch_layer", name=layer.name, layer=kind)


def torch_code(model: Any, *, weights_file: str = WEIGHTS, weights_sha256: str | None = None) -> str:
    """PyTorch code that rebuilds ``model`` as an ``nn.Module`` and loads ``weights_file`` beside it.

    Parameters
    ----------
    model : Sequential or functional Model
        A built engine model. A graph's ``forward`` takes its inputs in order, keeps one variable per
        layer output, and returns its output (a tuple for several).
    weights_file : str
        The ``.npz`` of :func:`torch_weights` the script loads, from its own folder.
    weights_sha256 : str, optional
        That file's SHA-256 (hex): the script refuses other weights, saying so.

    Raises
    ------
    LayerArgumentError
        ``export.torch_layer`` / ``export.torch_activation`` for a layer or an activation the export
        cannot write, ``export.torch_model`` for a model that is neither a ``Sequential`` nor a graph.
    """
    layers = _layers_of(model)
    cls = _class_name(model.name)
    init: list[str] = []
    forward: list[str] = []
    taken: set[str] = set()
    graph_inputs = [layer for layer in layers if type(layer).__name__ in ("InputLayer", "Input")]
    if graph_inputs:  # a functional graph: one variable per layer output
        arguments = [_attribute(layer.name, taken) for layer in graph_inputs]
    else:  # a chain: x all along
        arguments = ["x"]
    shapes = [tuple(layer.shape) for layer in graph_inputs] or [tuple(model.input_layer.shape)]
    var: dict[int, str] = {}
    cf: dict[str, bool] = {}
    for arg, shape in zip(arguments, shapes, strict=True):
        cf[arg] = len(shape) == 3
        if cf[arg]:
            forward.append(f"{arg} = {arg}.permute(0, 3, 1, 2)  # the sandbox's (N, H, W, C) images → "
                           "PyTorch's (N, C, H, W)")
    for layer, arg in zip(graph_inputs, arguments, strict=False):  # a chain has no input layer among its layers
        var[id(layer)] = arg
    previous = "x"
    for layer in layers:
        if id(layer) in var:
            continue
        kind = type(layer).__name__
        attr = _attribute(layer.name, taken)
        if graph_inputs:
            sources = [var[id(t._keras_history[0])] for t in layer._graph_inputs]
            out = var[id(layer)] = attr
        else:
            sources, out = [previous], "x"
        forward.append(f"# {layer.name} ({kind})")
        if getattr(layer, "multi_input", False) or kind in ("Add", "Concatenate"):
            if len({cf[v] for v in sources}) > 1:  # mixed layouts: bring the channels-first ones back first
                sources = [f"{v}.permute(0, 2, 3, 1)" if cf[v] else v for v in sources]
                layout = False
            else:
                layout = cf[sources[0]]
            forward.append(f"{out} = {_merge(layer, sources, layout)}")
            cf[out] = layout
            continue
        in_shapes = [tuple(layer.input_shape_)]
        ops, cf_out = _ops(layer, attr, in_shapes, cf[sources[0]], init)
        current = sources[0]
        if not ops:
            ops = [("{x}", "")]
        for expr, note in ops:
            line = f"{out} = {expr.format(x=current)}"
            forward.append(f"{line}  # {note}" if note else line)
            current = out
        cf[out] = cf_out
        previous = out
    if graph_inputs:
        outputs = [var[id(t._keras_history[0])] for t in model.outputs]
    else:
        outputs = ["x"]
    for name in outputs:
        if cf[name]:
            forward.append(f"{name} = {name}.permute(0, 2, 3, 1)  # back to the sandbox's (N, H, W, C)")
    forward.append(f"return {outputs[0]}" if len(outputs) == 1 else f"return ({', '.join(outputs)})")
    shape = shapes[0]
    signature = ", ".join(f"{a}: torch.Tensor" for a in arguments)
    ret = "torch.Tensor" if len(outputs) == 1 else "tuple[torch.Tensor, ...]"

    dims = ", ".join(map(str, shape))
    lines = [
        '"""A network exported from the Deep Learning Sandbox, for PyTorch, with its trained weights.',
        "",
        f"``model`` takes a float32 tensor shaped (N, {dims}) — digits as the sandbox gives them, pixel",
        "values divided by 255, channels last — and returns what the sandbox's network returns (for a",
        "softmax output, each class's probability: to train on in PyTorch, use ``nn.NLLLoss`` on",
        "``torch.log(model(x))``). The weights are read from " + weights_file + " beside this file, whatever",
        "the current folder. Run it to see the network; import it (``from model_torch import model``) to use it.",
        '"""',
        "",
        "import hashlib",
        "import pathlib",
        "",
        "import numpy as np",
        "import torch",
        "from torch import nn",
        "from torch.nn import functional as F",
        "",
        "",
        f"class {cls}(nn.Module):",
        f'    """{model.name}, as in the sandbox."""',
        "",
        "    def __init__(self) -> None:",
        "        super().__init__()",
        *(f"        {line}" for line in init),
        "",
        f"    def forward(self, {signature}) -> {ret}:",
        *(f"        {line}" for line in forward),
        "",
        "",
        f"model = {cls}()",
        "# Beside this script, not in whatever folder it is run from.",
        f'weights_path = pathlib.Path(__file__).with_name("{weights_file}")',
    ]
    if weights_sha256:
        lines += [f'if hashlib.sha256(weights_path.read_bytes()).hexdigest() != "{weights_sha256}":',
                  '    raise SystemExit(f"{weights_path} was not exported together with this script; "',
                  '                     "export the model again")']
    lines += [
        "with np.load(weights_path) as saved:",
        "    model.load_state_dict({k: torch.from_numpy(saved[k]) for k in saved.files})",
        "model.eval()  # prediction mode (Dropout off); call model.train() to train further",
        "",
        'if __name__ == "__main__":',
        "    print(model)",
        "    # Random numbers shaped like the inputs; give it your own (float32, values 0 to 1) instead.",
        "    generator = torch.Generator().manual_seed(0)",
        "    with torch.no_grad():",
        "        outputs = model(" + ", ".join(f"torch.rand(3, {', '.join(map(str, sh))}, generator=generator)"
                                       for sh in shapes) + ")",
        '    print("outputs for 3 random inputs:", outputs.shape if torch.is_tensor(outputs) else len(outputs))',
        "",
    ]
    return "\n".join(lines)


def torch_weights(model: Any) -> dict[str, np.ndarray]:
    """The model's weights under their PyTorch ``state_dict`` names, in PyTorch's layouts (float32)."""
    out: dict[str, np.ndarray] = {}
    taken: set[str] = set()
    layers = _layers_of(model)
    if any(type(layer).__name__ in ("InputLayer", "Input") for layer in layers):
        # as torch_code names them: the graph's inputs take their names first
        for layer in layers:
            if type(layer).__name__ in ("InputLayer", "Input"):
                _attribute(layer.name, taken)
    for layer in layers:
        kind = type(layer).__name__
        if kind in ("InputLayer", "Input"):
            continue
        attr = _attribute(layer.name, taken)
        if kind == "Dense":
            out[f"{attr}.weight"] = layer.params["kernel"].T  # (in, out) → (out, in)
        elif kind == "Conv2D":
            # (kh, kw, in, out) → (out, in, kh, kw)
            out[f"{attr}.weight"] = layer.params["kernel"].transpose(3, 2, 0, 1)
        else:
            continue
        if layer.use_bias:
            out[f"{attr}.bias"] = layer.params["bias"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in out.items()}


def export_torch(model: Any, folder: str | os.PathLike[str]) -> Path:
    """Write ``model_torch.py`` (an ``nn.Module``) and ``weights_torch.npz`` (PyTorch layouts) into ``folder``.

    Both files are written completely to temporary files in ``folder`` and flushed before either
    replaces an older export; ``weights_torch.npz`` is renamed into place first, the script last.
    The script holds the SHA-256 of its weights and stops with a clear message beside any others.

    Parameters
    ----------
    model : Sequential or functional Model
        A built engine model; its current weights are exported.
    folder : path
        Created if missing.

    Returns
    -------
    pathlib.Path
        The path of ``model_torch.py``.

    Raises
    ------
    LayerArgumentError
        For a layer, an activation or a kind of model the export cannot write (nothing is written).
    OSError
        If the folder cannot be created or written.
    """
    arrays = torch_weights(model)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    data = buffer.getvalue()
    script = torch_code(model, weights_file=WEIGHTS, weights_sha256=hashlib.sha256(data).hexdigest()).encode("utf-8")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_many([(folder / WEIGHTS, lambda f: f.write(data)), (folder / SCRIPT, lambda f: f.write(script))])
    return folder / SCRIPT
