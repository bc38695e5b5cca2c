"""Save and load models and projects as ``.dlsb`` files, treating every file opened as hostile.

A ``.dlsb`` file is a ZIP archive (deflated) with these parts:

``manifest.json``
    ``{"format": "dl-sandbox", "kind": "model" | "project", "format_version": 1,
    "app_version": "0.1.0", "created": "2025-01-31T12:00:00+00:00"}``, plus ``"extra"`` (a JSON
    object given to :func:`save_model`) when there is one.
``model.json``
    :meth:`Sequential.get_config`.
``compile.json`` (optional)
    :meth:`Sequential.get_compile_config`.
``weights.npz``
    The weights in :meth:`Sequential.get_weights` order, named ``w000``, ``w001``, …, as ``.npy``
    arrays of the model's dtype (float32, or float64 for a float64 model).
``optimizer.npz`` (optional)
    :meth:`Optimizer.get_state`: the optimizer's slots (each of shape ``(n_weights,)``) and its
    step count ``iterations`` (int64, shape ``()``).
``history.json`` (optional)
    :meth:`History.get_config`: ``{"epoch": [0, 1, …], "history": {"loss": [0.9, 0.5, …], …}}``,
    where ``null`` stands for a value that was NaN or infinite.
``settings.json`` (projects only)
    The desktop app's settings, any JSON object.

Loading checks, in this order and before anything big is allocated (a header may declare any shape, and NumPy
allocates it before reading): the file is a ZIP archive; it has at most :data:`MAX_MEMBERS` parts, each with a known
name, a supported compression and a declared size within its limit; every part is read with a bounded read, so a
part whose real size differs from the declared one cannot flood memory; JSON is strict UTF-8 without NaN, infinities
or duplicate keys, nested at most :data:`MAX_JSON_DEPTH` levels (checked on the raw text, before the recursive
parser runs); type names resolve through the engine's closed registries only; each array's ``.npy`` header (shape,
dtype, memory order) is compared with what the model needs before its data is read, and the data must be finite.
Nothing is ever unpickled, evaluated or imported by name. Whatever is wrong, the caller gets a
:class:`~sandbox.errors.FileFormatError` whose message says what in plain words.

Files of an older format are upgraded in memory by :data:`_MIGRATIONS`; files of a newer format are
refused with a request to update. Writes are atomic: a temporary file in the target's folder is
written, flushed to disk and renamed over the target, so a failed save leaves the old file as it
was.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import struct
import tokenize
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

import numpy as np

from . import __version__, limits
from .callbacks import History
from .errors import FileFormatError, LayerArgumentError, SandboxError, UnknownNameError
from .messages import Message
from .model import Model, Sequential, trace_shapes
from .safefile import atomic_write, loads_strict, missing_reason, nesting_depth

__all__ = [
    "EXTENSION", "FORMAT_VERSION", "MAX_JSON_BYTES", "MAX_JSON_DEPTH", "MAX_LAYERS", "MAX_MEMBERS",
    "MAX_WEIGHT_BYTES", "Project", "load_model", "load_project", "read_manifest", "save_model",
    "save_project",
]

EXTENSION = ".dlsb"
"""File name extension of models and projects."""
FORMAT_VERSION = 1
"""The format version this code writes; it reads this one and, through :data:`_MIGRATIONS`, older ones."""
MAX_MEMBERS = 32
"""Largest number of parts accepted in one file."""
MAX_JSON_BYTES = 1 << 20
"""Largest accepted size of each JSON part (1 MiB)."""
MAX_JSON_DEPTH = 64
"""Deepest accepted nesting of JSON arrays and objects (our own files nest fewer than 10 levels)."""
MAX_WEIGHT_BYTES = 256 << 20
"""Largest accepted size of the weights (256 MiB: 64 million float32 weights)."""
MAX_LAYERS = 256
"""Largest accepted number of layers, the Input included; building costs time quadratic in this number."""

_FORMAT_NAME = "dl-sandbox"
_KINDS = ("model", "project")
_JSON_PARTS = ("manifest.json", "model.json", "compile.json", "history.json", "settings.json")
# Up to 3 slots (Adam with amsgrad) plus slots an optimizer no longer uses after a live change of its
# momentum; the step count is tiny.
_MAX_OPTIMIZER_ARRAYS = 6
_PART_LIMITS: dict[str, int] = {
    **dict.fromkeys(_JSON_PARTS, MAX_JSON_BYTES),
    "weights.npz": MAX_WEIGHT_BYTES + (1 << 20),  # the .npy headers and the zip directory take the rest
    "optimizer.npz": _MAX_OPTIMIZER_ARRAYS * MAX_WEIGHT_BYTES,
}
_MANIFEST_FIELDS = {"format", "kind", "format_version", "app_version", "created", "extra"}
_COMPILE_FIELDS = {"optimizer", "loss", "metrics"}
_MAX_NPY_HEADER = 4096  # numpy writes ~128 bytes; its own reader stops at 10,000
# Zip entry overhead of one array inside an .npz (local header, zip64 extra, descriptor, directory entry).
_ZIP_ENTRY_OVERHEAD = 512
_ZIP_END_OVERHEAD = 1024
_FLOAT_DTYPES = ("<f4", "<f8")
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ARRAY_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
_JSON_TOKEN = re.compile(r'[\[\]{}"\\]')
# Everything the engine raises for a config it cannot use: its own errors, and the plain Python
# errors a wrongly typed value provokes before the engine's checks see it.
_ENGINE_ERRORS = (SandboxError, LookupError, TypeError, ValueError, AttributeError, ArithmeticError)
# Everything zipfile, zlib and numpy's header reader (ast.literal_eval, then tokenize for Python 2
# headers) raise for a damaged archive or array; RuntimeError covers RecursionError.
_DAMAGE_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error, zlib.error, SyntaxError,
                  tokenize.TokenError, TypeError, NotImplementedError, RuntimeError, LookupError,
                  OverflowError)

_Migration = Callable[[dict[str, Any]], dict[str, Any]]
#: Upgrades of older files: ``_MIGRATIONS[v]`` turns the decoded JSON parts of a format-``v`` file
#: (a dict from part name, ``"manifest.json"`` included, to its parsed value) into those of format
#: ``v + 1``; the loader then sets ``format_version`` to ``v + 1`` and goes on until it reaches
#: :data:`FORMAT_VERSION`. Format 1 is the first released format, so the table is empty; the arrays
#: in the ``.npz`` parts have kept their layout since. A future format 2 adds ``_MIGRATIONS[1]``.
_MIGRATIONS: dict[int, _Migration] = {}


@dataclass
class Project:
    """What a project file holds: a model with the app's settings and training history.

    Attributes
    ----------
    model : Sequential
        Built, with its weights; compiled and with its optimizer state restored when the file has them.
    settings : dict
        The app's settings, JSON data exactly as saved (empty for a model file).
    history : dict
        The training record as :meth:`History.get_config` gives it (empty when the file has none);
        ``model.history`` holds the same record as a :class:`~sandbox.callbacks.History`.
    app_version : str
        The version of Deep Learning Sandbox that wrote the file.
    """

    model: Sequential
    settings: dict[str, Any]
    history: dict[str, Any]
    app_version: str


_Infos = dict[str, zipfile.ZipInfo]


@dataclass(frozen=True)
class _ArraySpec:
    shape: tuple[int, ...]
    dtypes: tuple[str, ...]


# ---- saving ----------------------------------------------------------------------------------------
def save_model(model: Sequential, path: str | os.PathLike[str], *, include_optimizer: bool = True,
               extra: dict[str, Any] | None = None) -> None:
    """Save a model's architecture, weights, compile settings, optimizer state and history.

    Parameters
    ----------
    model : Sequential
        The model; it is built first if it has not been (so its input shape must be known).
    path : str or path-like
        The file to write (by convention ending in ``.dlsb``); an existing file is replaced atomically.
    include_optimizer : bool
        Also save the optimizer's state (momentum, step count, …) so training resumes exactly where it
        stopped. The compile settings are saved either way, so the loaded model can train.
    extra : dict, optional
        Any JSON object, stored in the manifest as ``"extra"`` (see :func:`read_manifest`).

    Raises
    ------
    LayerArgumentError
        If the model cannot be saved in a form :func:`load_model` accepts (too large, weights that are
        NaN or infinite after a diverged training, ``extra`` that is not JSON data).
    TrainingError
        If the model cannot be built because its input shape is not known yet.
    OSError
        If the file cannot be written; an existing file at ``path`` is then left untouched.
    """
    parts = _model_parts(model, kind="model", include_optimizer=include_optimizer, extra=extra)
    if isinstance(model.history, History):
        parts["history.json"] = _dump_json(_checked_history(model.history.get_config()), "the history")
    _write_atomic(path, parts)


def save_project(path: str | os.PathLike[str], model: Sequential, *, settings: dict[str, Any],
                 history: dict[str, Any] | None = None) -> None:
    """Save a desktop-app project: the model with its optimizer state, the app's settings and a history.

    Parameters
    ----------
    path : str or path-like
        The file to write (by convention ending in ``.dlsb``); an existing file is replaced atomically.
    model : Sequential
        The model, saved as by :func:`save_model`.
    settings : dict
        The app's settings, any JSON object.
    history : dict, optional
        A training record shaped as :meth:`History.get_config` gives it; by default ``model.history``'s.

    Raises
    ------
    LayerArgumentError
        As :func:`save_model`, or if ``settings`` or ``history`` is not JSON data of the right shape.
    OSError
        If the file cannot be written; an existing file at ``path`` is then left untouched.
    """
    if not isinstance(settings, dict):
        raise LayerArgumentError("file.settings_not_dict", type=type(settings).__name__)
    parts = _model_parts(model, kind="project", include_optimizer=True, extra=None)
    if history is None and isinstance(model.history, History):
        history = model.history.get_config()
    if history is not None:
        parts["history.json"] = _dump_json(_checked_history(history), "the history")
    parts["settings.json"] = _dump_json(settings, "the settings")
    _write_atomic(path, parts)


def _model_parts(model: Sequential, *, kind: str, include_optimizer: bool,
                 extra: dict[str, Any] | None) -> dict[str, bytes]:
    """Encode everything but the history and settings; refuse what the loader would refuse."""
    if not isinstance(model, Model):  # a Sequential stack or a functional graph
        raise LayerArgumentError("file.not_sequential", type=type(model).__name__)
    if extra is not None and not isinstance(extra, dict):
        raise LayerArgumentError("file.extra_not_dict", type=type(extra).__name__)
    config = model.get_config()
    if len(config["layers"]) > MAX_LAYERS:
        raise LayerArgumentError("file.save_too_many_layers", maximum=MAX_LAYERS)
    if not isinstance(model.name, str):
        raise LayerArgumentError("file.save_name_not_str", name=model.name)
    weights = model.get_weights()
    size = sum(w.nbytes for w in weights)
    if size > MAX_WEIGHT_BYTES:
        raise LayerArgumentError("file.save_weights_too_large", size=_mib(size), maximum=_mib(MAX_WEIGHT_BYTES))
    if not all(np.isfinite(w).all() for w in weights):
        raise LayerArgumentError("file.save_weights_not_finite")
    manifest = {"format": _FORMAT_NAME, "kind": kind, "format_version": FORMAT_VERSION,
                "app_version": __version__, "created": datetime.now(UTC).isoformat(timespec="seconds")}
    if extra is not None:
        manifest["extra"] = extra
    parts = {"manifest.json": _dump_json(manifest, "the manifest"),
             "model.json": _dump_json(config, "the model's configuration"),
             "weights.npz": _npz_bytes({f"w{i:03d}": w for i, w in enumerate(weights)})}
    compile_config = model.get_compile_config()
    if compile_config is not None:
        parts["compile.json"] = _dump_json(compile_config, "the compile settings")
        if include_optimizer:
            state = model.optimizer.get_state()
            if not all(np.isfinite(a).all() for a in state.values()):
                raise LayerArgumentError("file.save_optimizer_not_finite")
            parts["optimizer.npz"] = _npz_bytes(state)
    return parts


def _dump_json(value: Any, what: str) -> bytes:
    """Encode ``value`` as UTF-8 JSON, refusing anything :func:`_parse_json` would refuse on loading."""
    try:
        data = json.dumps(value, allow_nan=False, ensure_ascii=False, indent=1).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as exc:
        raise LayerArgumentError("file.save_not_json", what=what, detail=_clip(exc)) from exc
    if len(data) > MAX_JSON_BYTES:
        raise LayerArgumentError("file.save_json_too_large", what=what, size=_mib(len(data)),
                                 maximum=_mib(MAX_JSON_BYTES))
    if nesting_depth(data.decode("utf-8")) > MAX_JSON_DEPTH:
        raise LayerArgumentError("file.save_too_deep", what=what, maximum=MAX_JSON_DEPTH)
    return data


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """Encode arrays as an uncompressed ``.npz`` (the outer archive deflates it), never pickling."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as npz:
        for name, array in arrays.items():
            with npz.open(f"{name}.npy", "w") as f:
                np.lib.format.write_array(f, np.asarray(array, order="C"), allow_pickle=False)
    return buffer.getvalue()


def _write_atomic(path: str | os.PathLike[str], parts: dict[str, bytes]) -> None:
    """Write ``parts`` as a deflated zip, atomically (see :func:`sandbox.safefile.atomic_write`)."""

    def write(f) -> None:
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)

    atomic_write(path, write)


# ---- loading ---------------------------------------------------------------------------------------
def load_model(path: str | os.PathLike[str], *, compile: bool = True) -> Sequential:
    """Load a model saved by :func:`save_model` (or the model of a project file).

    Parameters
    ----------
    path : str or path-like
        The ``.dlsb`` file.
    compile : bool
        Compile the model with the saved settings and restore the optimizer's state, so training goes
        on where it stopped. If false (or the file has no compile settings) the model is not compiled.

    Returns
    -------
    Sequential
        Built, with the saved weights; ``model.history`` holds the saved history, if any.

    Raises
    ------
    FileFormatError
        If the file is missing, is not a Deep Learning Sandbox file, is damaged, was made by a newer
        version, or describes something this version cannot build. Nothing else escapes.
    """
    return _load(path, compile=compile).model


def load_project(path: str | os.PathLike[str]) -> Project:
    """Load a project saved by :func:`save_project` (a model file loads too, with empty settings).

    Raises
    ------
    FileFormatError
        As :func:`load_model`.
    """
    return _load(path, compile=True)


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Return a file's manifest without building its model, e.g. to tell models from projects.

    The file's JSON parts are all checked, and an older format is upgraded first, so the fields are
    those of :data:`FORMAT_VERSION`: ``format``, ``kind``, ``format_version``, ``app_version``,
    ``created`` and, when saved, ``extra``.

    Raises
    ------
    FileFormatError
        As :func:`load_model`.
    """
    with _reading(path), _open_archive(path) as (archive, infos):
        return _read_json_parts(archive, infos)["manifest.json"]


@contextlib.contextmanager
def _reading(path: str | os.PathLike[str]) -> Iterator[None]:
    """Name the file in every error, and turn what a hostile file can provoke into FileFormatError."""
    where = os.fspath(path)
    try:
        yield
    except FileFormatError as exc:
        raise FileFormatError("file.cannot_open", where=where, reason=exc) from exc.__cause__
    except MemoryError:
        raise FileFormatError("file.cannot_open_memory", where=where) from None
    except RecursionError:
        raise FileFormatError("file.cannot_open_nested", where=where) from None


def _load(path: str | os.PathLike[str], *, compile: bool) -> Project:
    with _reading(path), _open_archive(path) as (archive, infos):
        parts = _read_json_parts(archive, infos)
        model = _build_model(parts["model.json"])
        _restore_weights(model, archive, infos["weights.npz"])
        if compile and "compile.json" in parts:
            _restore_training(model, parts["compile.json"], archive, infos.get("optimizer.npz"))
        history = parts.get("history.json")
        if history is not None:
            model.history = _history_object(_checked_loaded_history(history), model)
        return Project(model=model, settings=parts.get("settings.json", {}), history=history or {},
                       app_version=parts["manifest.json"]["app_version"])


@contextlib.contextmanager
def _open_archive(path: str | os.PathLike[str]) -> Iterator[tuple[zipfile.ZipFile, _Infos]]:
    """Open the file as a zip and check its parts' count, names, compression and declared sizes."""
    if os.path.isdir(path):
        raise FileFormatError("file.is_folder")
    with contextlib.ExitStack() as stack:
        try:
            f = stack.enter_context(open(path, "rb"))
        except FileNotFoundError:
            reason = missing_reason(path)
            raise FileFormatError(reason.code, **reason.fields) from None
        except OSError as exc:
            raise FileFormatError("file.cannot_read", reason=exc.strerror or str(exc)) from None
        try:
            archive = stack.enter_context(zipfile.ZipFile(f))
        except _DAMAGE_ERRORS as exc:
            raise FileFormatError("file.not_ours_or_damaged") from exc
        yield archive, _check_members(archive.infolist())


def _check_members(infos: list[zipfile.ZipInfo]) -> _Infos:
    if len(infos) > MAX_MEMBERS:
        raise FileFormatError("file.too_many_parts", count=len(infos), maximum=MAX_MEMBERS)
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        limit = _PART_LIMITS.get(name)
        if limit is None:
            raise FileFormatError("file.unexpected_part", file=_quote(name))
        if name in found:
            raise FileFormatError("file.part_twice", name=name)
        if info.flag_bits & 0x1:
            raise FileFormatError("file.part_encrypted", name=name)
        if info.compress_type not in _COMPRESSIONS:
            raise FileFormatError("file.part_compression", name=name)
        if info.file_size > limit:
            raise FileFormatError("file.part_too_large", name=name, size=_mib(info.file_size), maximum=_mib(limit))
        found[name] = info
    if "manifest.json" not in found:
        raise FileFormatError("file.no_manifest")
    return found


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read one part, at most ``limit`` bytes whatever its header declares (zip bombs)."""
    if info.file_size > limit:
        raise FileFormatError("file.part_too_large", name=info.filename, size=_mib(info.file_size), maximum=_mib(limit))
    try:
        with archive.open(info) as f:
            data = f.read(limit + 1)
    except _DAMAGE_ERRORS as exc:
        raise FileFormatError("file.part_unreadable", file=info.filename, detail=_clip(exc)) from exc
    if len(data) > limit:
        raise FileFormatError("file.part_larger", name=info.filename, size=_mib(limit))
    return data


def _read_json_parts(archive: zipfile.ZipFile, infos: _Infos) -> dict[str, Any]:
    """Read, check and upgrade the manifest and the other JSON parts (the version is checked first)."""
    manifest = _parse_json(_read_part(archive, infos["manifest.json"], MAX_JSON_BYTES), "manifest.json")
    _check_format(manifest)
    parts: dict[str, Any] = {"manifest.json": manifest}
    for name in _JSON_PARTS[1:]:
        if name in infos:
            parts[name] = _parse_json(_read_part(archive, infos[name], MAX_JSON_BYTES), name)
    parts = _migrate(parts)
    _check_manifest(parts["manifest.json"])
    _check_part_set(parts["manifest.json"]["kind"], set(parts) | {n for n in infos if n.endswith(".npz")})
    return parts


def _parse_json(data: bytes, name: str) -> dict[str, Any]:
    """Parse strict UTF-8 JSON holding an object: no NaN or infinities, no duplicate keys, shallow nesting."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError("file.part_not_utf8", name=name) from None
    if nesting_depth(text) > MAX_JSON_DEPTH:
        raise FileFormatError("file.part_too_deep", name=name, maximum=MAX_JSON_DEPTH)
    try:
        value = loads_strict(text)
    except FileFormatError as exc:
        raise FileFormatError("file.part_unusable", file=name, reason=exc) from None
    except (ValueError, RecursionError) as exc:
        raise FileFormatError("file.part_not_json", name=name, detail=_clip(exc)) from None
    if not isinstance(value, dict):
        raise FileFormatError("file.part_not_object", name=name, type=_json_type(value))
    return value


def _check_format(manifest: dict[str, Any]) -> None:
    """Check that the file is ours and not newer than this code (other fields wait for the upgrade)."""
    if manifest.get("format") != _FORMAT_NAME:
        raise FileFormatError("file.manifest_not_ours")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise FileFormatError("file.manifest_bad_version", version=_quote(version))
    if version > FORMAT_VERSION:
        raise FileFormatError("file.newer_format", version=version)


def _migrate(parts: dict[str, Any]) -> dict[str, Any]:
    """Upgrade the JSON parts of an older file, one format version at a time."""
    version = parts["manifest.json"]["format_version"]
    while version < FORMAT_VERSION:
        step = _MIGRATIONS.get(version)
        if step is None:
            raise FileFormatError("file.format_too_old", version=version)
        try:
            parts = step(dict(parts))
            manifest = {**parts["manifest.json"], "format_version": version + 1}
        except _ENGINE_ERRORS as exc:  # an old file is as untrusted as a new one
            raise FileFormatError("file.upgrade_failed", version=version, detail=_clip(exc)) from exc
        parts["manifest.json"] = manifest
        version += 1
    return parts


def _check_manifest(manifest: dict[str, Any]) -> None:
    unknown = set(manifest) - _MANIFEST_FIELDS
    if unknown:
        raise FileFormatError("file.manifest_unknown_fields", names=_quote_all(unknown))
    kind = manifest.get("kind")
    if kind not in _KINDS:
        raise FileFormatError("file.manifest_unknown_kind", kind=_quote(kind))
    app_version = manifest.get("app_version")
    if not isinstance(app_version, str) or not 0 < len(app_version) <= 64:
        raise FileFormatError("file.manifest_bad_app_version", app_version=_quote(app_version))
    created = manifest.get("created")
    if not isinstance(created, str) or len(created) > 64:
        raise FileFormatError("file.manifest_bad_created", created=_quote(created))
    try:
        datetime.fromisoformat(created)
    except ValueError:
        raise FileFormatError("file.manifest_bad_created", created=_quote(created)) from None
    if not isinstance(manifest.get("extra", {}), dict):
        raise FileFormatError("file.manifest_extra_not_object")


def _check_part_set(kind: str, names: set[str]) -> None:
    required = ["model.json", "weights.npz"] + (["settings.json"] if kind == "project" else [])
    for name in required:
        if name not in names:
            raise FileFormatError("file.incomplete", file=name)
    if kind == "model" and "settings.json" in names:
        raise FileFormatError("file.model_with_settings")
    if "optimizer.npz" in names and "compile.json" not in names:
        raise FileFormatError("file.optimizer_without_compile")


def _build_model(config: dict[str, Any]) -> Sequential:
    """Build the model from ``model.json`` through the closed layer registry, checking its size first."""
    layers = config.get("layers")
    if isinstance(layers, list) and len(layers) > MAX_LAYERS:
        raise FileFormatError("file.too_many_layers", count=len(layers), maximum=MAX_LAYERS)
    if not isinstance(config.get("name", ""), str):
        raise FileFormatError("file.name_not_text")
    try:
        # A functional graph's config names its input and output layers (Keras's format); a stack's does not.
        if "input_layers" in config:
            from .functional import Functional

            model = Functional.from_config(config)
        else:
            model = Sequential.from_config(config)
        count = model.count_params()
    except _ENGINE_ERRORS as exc:
        raise _explain(exc, "model description") from exc
    if count * model.dtype.itemsize > MAX_WEIGHT_BYTES:
        raise FileFormatError("file.too_many_weights", count=count, size=_mib(MAX_WEIGHT_BYTES))
    try:
        # Few weights can still mean huge activations (a Conv2D of 10⁶ filters of 1×1): every layer's
        # size is checked before the weights are allocated and long before a batch runs.
        for layer in model.layers:
            limits.check_layer_settings(type(layer).__name__, layer.get_config())
        if isinstance(model, Sequential):
            limits.check_network(model.input_layer.shape, [(row.layer.name, row.output_shape, row.params) for row
                                                           in trace_shapes(model.input_layer.shape, model.layers)])
        else:
            _check_graph_size(model)
        model.build()
    except _ENGINE_ERRORS as exc:
        raise _explain(exc, "model description") from exc
    return model


def _check_graph_size(model: Model) -> None:
    """:func:`limits.check_network` for a functional graph: every input, every layer's output and all weights."""
    from .layers import InputLayer

    inputs = [layer for layer in model.layers if isinstance(layer, InputLayer)]
    rows = [(layer.name, layer._graph_output._sample_shape, model._layer_params(layer))
            for layer in model.layers if not isinstance(layer, InputLayer)]
    limits.check_network(inputs[0].shape, rows)
    for layer in inputs[1:]:
        limits.check_network(layer.shape, [])


def _restore_weights(model: Sequential, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    specs = {f"w{i:03d}": _ArraySpec(w.shape, _FLOAT_DTYPES) for i, w in enumerate(model.get_weights())}
    arrays = _read_npz(archive, info, specs, "weights")
    with np.errstate(over="ignore"):  # a float64 too large for float32 becomes inf, refused just below
        weights = [arrays[name].astype(model.dtype) for name in specs]
    if not all(np.isfinite(w).all() for w in weights):
        raise FileFormatError("file.weights_not_finite")
    model.set_weights(weights)


def _restore_training(model: Sequential, config: dict[str, Any], archive: zipfile.ZipFile,
                      info: zipfile.ZipInfo | None) -> None:
    """Compile from ``compile.json`` and restore the optimizer's state from ``optimizer.npz``, if any."""
    unknown = set(config) - _COMPILE_FIELDS
    if unknown:
        raise FileFormatError("file.compile_unknown_fields", names=_quote_all(unknown))
    try:
        model.compile_from_config(config)
    except _ENGINE_ERRORS as exc:
        raise _explain(exc, "compile settings") from exc
    if info is None:
        return
    state = model.optimizer.get_state()
    size = model.count_params()
    specs = {name: _ArraySpec(a.shape, _FLOAT_DTYPES if a.dtype.kind == "f" else ("<i8",))
             for name, a in state.items()}
    # Slots the optimizer no longer uses (momentum switched off mid-training) are checked, then dropped.
    arrays = _read_npz(archive, info, specs, "optimizer state", unused=_ArraySpec((size,), _FLOAT_DTYPES))
    restored = {name: a.astype(state[name].dtype) for name, a in arrays.items()}
    if not all(np.isfinite(a).all() for a in restored.values()):
        raise FileFormatError("file.optimizer_not_finite")
    if int(restored["iterations"]) < 0:
        raise FileFormatError("file.optimizer_negative_step")
    try:
        model.optimizer.set_state(restored)
    except _ENGINE_ERRORS as exc:
        raise _explain(exc, "optimizer state") from exc


def _read_npz(archive: zipfile.ZipFile, info: zipfile.ZipInfo, specs: dict[str, _ArraySpec], what: str, *,
              unused: _ArraySpec | None = None) -> dict[str, np.ndarray]:
    """Read the arrays named in ``specs`` from an ``.npz`` part, checking each header before its data.

    Parameters
    ----------
    specs : dict of str to _ArraySpec
        The arrays the model needs (name without ``.npy``), with their shapes and accepted dtypes.
    what : str
        What the arrays are, for messages (``"weights"``).
    unused : _ArraySpec, optional
        If given, other arrays with a plain lowercase name are allowed when their header fits it; their
        data is skipped. Otherwise any other array is refused.

    Returns
    -------
    dict of str to ndarray
        Read-only arrays, one per name of ``specs``, with the dtype stored in the file.
    """
    max_arrays = _MAX_OPTIMIZER_ARRAYS if unused is not None else len(specs)
    bound = _ZIP_END_OVERHEAD + sum(_npy_bound(s) for s in specs.values())
    if unused is not None:
        bound += (max_arrays - len(specs)) * _npy_bound(unused)
    data = _read_part(archive, info, min(bound, _PART_LIMITS[info.filename]))
    try:
        npz = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGE_ERRORS as exc:
        raise FileFormatError("file.part_damaged", file=info.filename, detail=_clip(exc)) from exc
    with npz:
        members = npz.infolist()
        if len(members) > max_arrays:
            raise FileFormatError("file.array_count", arrays=what, count=len(members), needed=len(specs))
        arrays: dict[str, np.ndarray] = {}
        seen: set[str] = set()
        for member in members:
            name, is_npy = member.filename.removesuffix(".npy"), member.filename.endswith(".npy")
            spec = specs.get(name) if is_npy else None
            if spec is None and unused is not None and is_npy and _ARRAY_NAME.fullmatch(name):
                spec = unused
            if spec is None:
                raise FileFormatError("file.unexpected_array", arrays=what, name=_quote(member.filename))
            if name in seen:
                raise FileFormatError("file.array_twice", arrays=what, name=name)
            seen.add(name)
            if member.flag_bits & 0x1 or member.compress_type not in _COMPRESSIONS:
                raise FileFormatError("file.array_compression", arrays=what, name=name)
            if member.file_size > _npy_bound(spec):
                raise FileFormatError("file.array_too_large", arrays=what, name=name)
            where = Message("file.array_in", arrays=what, name=name)
            array = _read_npy(npz, member, spec, where, read_data=name in specs)
            if array is not None:
                arrays[name] = array
    missing = [name for name in specs if name not in arrays]
    if missing:
        raise FileFormatError("file.arrays_missing", arrays=what, names=', '.join(missing[:5]), needed=len(specs))
    return arrays


def _read_npy(npz: zipfile.ZipFile, member: zipfile.ZipInfo, spec: _ArraySpec, where: Message, *,
              read_data: bool) -> np.ndarray | None:
    """Check one ``.npy`` member's header against ``spec``; then, if ``read_data``, read exactly its data."""
    try:
        with npz.open(member) as f:
            shape, fortran_order, dtype = _npy_header(f)
            _check_array_header(shape, fortran_order, dtype, spec, where)
            if not read_data:
                return None
            count = math.prod(shape)
            expected = count * dtype.itemsize
            data = f.read(expected + 1)  # one byte more tells trailing garbage from an exact fit
    except FileFormatError:
        raise
    except _DAMAGE_ERRORS as exc:
        raise FileFormatError("file.array_damaged", where=where, detail=_clip(exc)) from exc
    if len(data) != expected:
        raise FileFormatError("file.array_short", where=where, count=len(data), expected=expected)
    return np.frombuffer(data, dtype=dtype, count=count).reshape(shape)


def _npy_header(f: BinaryIO) -> tuple[tuple[int, ...], bool, np.dtype]:
    version = np.lib.format.read_magic(f)
    if version == (1, 0):
        return np.lib.format.read_array_header_1_0(f, max_header_size=_MAX_NPY_HEADER)
    if version == (2, 0):
        return np.lib.format.read_array_header_2_0(f, max_header_size=_MAX_NPY_HEADER)
    raise ValueError(f"unsupported .npy format version {version}")


def _check_array_header(shape: tuple[int, ...], fortran_order: bool, dtype: np.dtype, spec: _ArraySpec,
                        where: str) -> None:
    if dtype.hasobject:
        raise FileFormatError("file.array_objects", where=where)
    if dtype.str not in spec.dtypes:
        raise FileFormatError("file.array_dtype", where=where, dtype=_quote(dtype.str),
                              expected=' or '.join(spec.dtypes))
    if fortran_order:
        raise FileFormatError("file.array_fortran", where=where)
    if tuple(shape) != tuple(spec.shape):
        raise FileFormatError("file.array_shape", where=where, shape=_clip(tuple(shape)), needed=tuple(spec.shape))


def _npy_bound(spec: _ArraySpec) -> int:
    """Most bytes one array of ``spec`` may take in an ``.npz`` (data at 8 bytes a number, plus headers)."""
    return math.prod(spec.shape) * 8 + _MAX_NPY_HEADER + _ZIP_ENTRY_OVERHEAD


# ---- history ---------------------------------------------------------------------------------------
def _history_problem(value: Any) -> Message | None:
    """Why ``value`` is not shaped as :meth:`History.get_config` gives it, or None if it is."""
    if not isinstance(value, dict) or set(value) != {"epoch", "history"}:
        return Message("history.not_object")
    epochs, record = value["epoch"], value["history"]
    if not isinstance(epochs, list) or not all(_is_int(e) and e >= 0 for e in epochs):
        return Message("history.bad_epochs")
    if not isinstance(record, dict):
        return Message("history.bad_record")
    for key, values in record.items():
        if len(key) > 200 or not isinstance(values, list) \
                or not all(v is None or (_is_number(v) and math.isfinite(v)) for v in values):
            return Message("history.bad_values", key=_quote(key))
    return None


def _checked_history(value: Any) -> Any:
    problem = _history_problem(value)
    if problem is not None:
        raise LayerArgumentError("file.save_bad_history", problem=problem)
    return value


def _checked_loaded_history(value: Any) -> dict[str, Any]:
    problem = _history_problem(value)
    if problem is not None:
        raise FileFormatError("file.bad_history", problem=problem)
    return value


def _history_object(config: dict[str, Any], model: Sequential) -> History:
    """Turn a checked history record into a History, with NaN where the record has null."""
    history = History()
    history.set_model(model)
    history.epoch = list(config["epoch"])
    history.history = {key: [math.nan if v is None else float(v) for v in values]
                       for key, values in config["history"].items()}
    return history


# ---- small helpers ---------------------------------------------------------------------------------
def _explain(exc: BaseException, what: str) -> FileFormatError:
    """The error that says in plain words why the engine refused part ``what`` of a file."""
    if isinstance(exc, UnknownNameError):
        kind = "layer type" if exc.kind == "layer" else exc.kind
        return FileFormatError("file.unknown_name", kind=kind, name=_quote(exc.name))
    if isinstance(exc, KeyError):
        return FileFormatError("file.missing_field", part=what, field=_quote(exc.args[0] if exc.args else "?"))
    # An engine error keeps its code, so the app translates it; anything else is shown as it is.
    problem = exc if isinstance(exc, SandboxError) else _clip(exc)
    return FileFormatError("file.invalid_part", part=what, problem=problem)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _quote(value: Any, limit: int = 60) -> str:
    """``repr`` of a value from a file, shortened so a huge value cannot flood a message."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _quote_all(values: set[str]) -> str:
    return ", ".join(_quote(v) for v in sorted(values))


def _clip(value: Any, limit: int = 200) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.1f} MiB"
