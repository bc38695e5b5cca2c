"""Run-time data shipped inside the wheel: the bundled digits, translations, icons, presets, models."""

from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

__all__ = ["path"]


def path(*parts: str) -> Path:
    """Return the installed location of a bundled resource.

    Parameters
    ----------
    *parts : str
        Path components below ``resources/``, e.g. ``("data", "mnist_5k.npz")``.

    Returns
    -------
    pathlib.Path
        A real filesystem path (the wheel is installed unzipped).
    """
    return Path(str(_resources.files(__name__).joinpath(*parts)))
