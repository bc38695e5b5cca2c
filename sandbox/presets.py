"""Ready-made networks for the bundled digits: ``sb.presets.build("small-cnn")``.

Each preset is data (a list of layer configs), so the app can show it in its layer stack and the
same network can be rebuilt anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import layers as L
from .errors import UnknownNameError
from .model import Sequential

__all__ = ["PRESETS", "Preset", "build", "names"]

DIGIT_SHAPE = (28, 28, 1)


@dataclass(frozen=True)
class Preset:
    """A named network: its id, a one-line description and its layers (as ``{"class_name", "config"}``)."""

    id: str
    title: str
    description: str
    layers: tuple[dict[str, Any], ...]

    def make_layers(self) -> list[L.Layer]:
        """Fresh layer objects for this preset."""
        return [L.deserialize(c) for c in self.layers]


def _c(class_name: str, **config: Any) -> dict[str, Any]:
    return {"class_name": class_name, "config": config}


PRESETS: dict[str, Preset] = {p.id: p for p in (
    Preset("logistic", "Logistic regression",
           "One Dense layer: each digit is a weighted sum of pixels (about 92% on the digits).",
           (_c("Flatten"), _c("Dense", units=10, activation="softmax"))),
    Preset("mlp", "Multilayer perceptron",
           "Two hidden Dense layers of 128 and 64 ReLU units.",
           (_c("Flatten"), _c("Dense", units=128, activation="relu"), _c("Dense", units=64, activation="relu"),
            _c("Dense", units=10, activation="softmax"))),
    Preset("small-cnn", "Small CNN",
           "Two convolution + pooling blocks (8 and 16 filters) and a Dense classifier.",
           (_c("Conv2D", filters=8, kernel_size=3, padding="same", activation="relu"), _c("MaxPooling2D"),
            _c("Conv2D", filters=16, kernel_size=3, padding="same", activation="relu"), _c("MaxPooling2D"),
            _c("Flatten"), _c("Dense", units=10, activation="softmax"))),
    Preset("lenet5", "LeNet-5",
           "LeCun's 1998 network with ReLU: conv 6@5×5, pool, conv 16@5×5, pool, Dense 120, 84, 10.",
           (_c("Conv2D", filters=6, kernel_size=5, padding="same", activation="relu"), _c("AveragePooling2D"),
            _c("Conv2D", filters=16, kernel_size=5, activation="relu"), _c("AveragePooling2D"), _c("Flatten"),
            _c("Dense", units=120, activation="relu"), _c("Dense", units=84, activation="relu"),
            _c("Dense", units=10, activation="softmax"))),
)}


def names() -> tuple[str, ...]:
    """Preset ids, simplest first."""
    return tuple(PRESETS)


def build(name: str, *, seed: int | None = 0, compile: bool = True, learning_rate: float = 1e-3) -> Sequential:
    """Build a preset for 28×28×1 digits, compiled with Adam and sparse categorical cross-entropy.

    Parameters
    ----------
    name : str
        One of :func:`names`.
    seed : int, optional
        Seed of the initial weights and shuffles.
    compile : bool
        Compile with ``Adam(learning_rate)``, ``"sparse_categorical_crossentropy"`` and accuracy.
    learning_rate : float
        Adam's learning rate when compiling.
    """
    if name not in PRESETS:
        raise UnknownNameError("preset", name, names())
    from .optimizers import Adam

    model = Sequential([L.Input(DIGIT_SHAPE), *PRESETS[name].make_layers()], name=name.replace("-", "_"),
                       seed=seed)
    if compile:
        model.compile(optimizer=Adam(learning_rate), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
