"""``keras.models``: ``Sequential``, ``save_model`` and ``load_model``, speaking of ``.keras`` paths.

The sandbox writes its own ``.dlsb`` format (see :mod:`sandbox.io`), never Keras's ``.keras`` or HDF5
files. So that a book cell such as ``model.save("mnist.keras")`` followed by
``keras.models.load_model("mnist.keras")`` runs unchanged, a path ending in ``.keras``, ``.h5`` or
``.weights.h5`` is written as ``.dlsb`` beside it (``mnist.keras`` → ``mnist.dlsb``) with a one-line note,
and loading such a path reads that ``.dlsb`` file. A real Keras file is never opened as if it were ours:
it is refused with a message that says what it is.
"""

from __future__ import annotations

import os
from typing import Any

from .errors import FileFormatError, LayerArgumentError
from .model import Model, Sequential

__all__ = ["Model", "Sequential", "check_savable", "dlsb_path", "load_model", "save_model"]

#: Endings of Keras's own files, longest first (``.weights.h5`` before ``.h5``).
KERAS_ENDINGS = (".weights.h5", ".keras", ".h5", ".hdf5")
_DLSB = ".dlsb"


def dlsb_path(path: str | os.PathLike[str], what: str = "save") -> tuple[str, str | None]:
    """The ``.dlsb`` path the sandbox writes for ``path``, and the note to print when it differs.

    Parameters
    ----------
    path : str or path-like
        What the learner wrote: ``"model.dlsb"``, ``"model.keras"``, ``"ckpt/{epoch:02d}.h5"``, …
    what : str
        Who asks, for the note and the error: ``"save"`` or ``"ModelCheckpoint"``.

    Returns
    -------
    path : str
        ``path`` itself when it ends in ``.dlsb``; else the same name ending in ``.dlsb`` instead of
        Keras's ending.
    note : str or None
        One line telling where the model went, or None when nothing was changed.

    Raises
    ------
    LayerArgumentError
        When ``path`` ends neither in ``.dlsb`` nor in one of Keras's endings.
    """
    text = os.fspath(path)
    lower = text.lower()
    if lower.endswith(_DLSB):
        return text, None
    for ending in KERAS_ENDINGS:
        if lower.endswith(ending):
            new = text[: -len(ending)] + (".weights" if ending == ".weights.h5" else "") + _DLSB
            note = (f"Note: the sandbox writes its own file format, so {os.path.basename(text)!s} is saved as "
                    f"{os.path.basename(new)} (keras.models.load_model reads it under either name).")
            return new, note
    raise LayerArgumentError("models.bad_ending", what=what, path=text)


def check_savable(model: Model) -> None:
    """Refuse a model holding a learner's own layer class: its config names a class no registry knows, so the
    file could not be loaded (files never name code)."""
    for layer in getattr(model, "layers", ()):
        if layer._is_learner:
            raise LayerArgumentError("models.custom_layer", layer=layer.name, cls=type(layer).__name__)


def save_model(model: Sequential, filepath: str | os.PathLike[str], overwrite: bool = True,
               include_optimizer: bool = True, **kwargs: Any) -> str:
    """Save ``model`` as ``.dlsb``, as ``keras.models.save_model`` / ``model.save`` do for ``.keras``.

    Parameters
    ----------
    model : Sequential
    filepath : str or path-like
        Ends in ``.dlsb``; ``.keras`` and ``.h5`` are written as ``.dlsb`` beside it, with a note.
    overwrite : bool
        If false, an existing file is left alone and the save refused.
    include_optimizer : bool
        Also save the optimizer's state, so training resumes where it stopped.
    **kwargs
        Keras's ``zipped`` is accepted and ignored (a ``.dlsb`` file is always a zip archive).

    Returns
    -------
    str
        The path written.
    """
    unknown = set(kwargs) - {"zipped", "save_format"}
    if unknown:
        raise LayerArgumentError("models.save_arguments", names=", ".join(sorted(unknown)))
    check_savable(model)
    path, note = dlsb_path(filepath)
    if not overwrite and os.path.exists(path):
        raise LayerArgumentError("models.file_exists", path=path)
    from .io import save_model as _save

    _save(model, path, include_optimizer=include_optimizer)
    if note is not None:
        print(note)
    return path


def load_model(filepath: str | os.PathLike[str], custom_objects: Any = None, compile: bool = True,
               safe_mode: bool = True) -> Sequential:
    """Load a model saved by :func:`save_model`, as ``keras.models.load_model``.

    Parameters
    ----------
    filepath : str or path-like
        A ``.dlsb`` file, or the ``.keras`` / ``.h5`` name a model was saved under (then the ``.dlsb``
        file beside it is read).
    custom_objects, safe_mode
        Accepted for Keras's sake. Loading is always safe: names resolve only through the engine's
        closed registries, so a file can never name code; a learner's own layer classes cannot be loaded.
    compile : bool
        Compile with the saved settings (and restore the optimizer's state).

    Raises
    ------
    FileFormatError
        If there is no such file, it is a Keras file rather than a sandbox one, or it is damaged.
    """
    from .io import load_model as _load

    text = os.fspath(filepath)
    path = text
    if any(text.lower().endswith(ending) for ending in KERAS_ENDINGS):
        path, _ = dlsb_path(text)
        if os.path.isfile(path):
            print(f"Note: reading {os.path.basename(path)}, the sandbox's file saved for {os.path.basename(text)}.")
        elif os.path.isfile(text):
            raise FileFormatError("models.keras_file", path=text)
        else:
            raise FileFormatError("models.no_file", path=text, dlsb=path)
    return _load(path, compile=compile)

