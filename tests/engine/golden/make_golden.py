"""Make the golden ``.dlsb`` files that tests/engine/test_io.py loads.

Run from the repository root, only when the file format changes on purpose::

    PYTHONPATH=. python3 tests/engine/golden/make_golden.py

Each model is built with a fixed seed and trained for 2 epochs of 2 batches on fixed data, so the
files hold a non-trivial optimizer state (4 steps) and a 2-epoch history. Next to each
``<name>.dlsb`` go ``<name>.inputs.npy`` (a small batch) and ``<name>.predictions.npy`` (the model's
predictions for it, float32), which the test compares with what the loaded file predicts. Old golden
files must keep loading after a format change: add new ones rather than overwrite these.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sandbox as sb

HERE = Path(__file__).parent


def tiny_dense() -> tuple[sb.Sequential, np.ndarray, np.ndarray]:
    """4 inputs → Dense(5, relu) → Dense(3, softmax), Adam; data (8, 4) float32 and labels (8,)."""
    model = sb.Sequential([sb.layers.Input((4,)), sb.layers.Dense(5, activation="relu"),
                           sb.layers.Dense(3, activation="softmax")], seed=7)
    model.compile(optimizer=sb.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    x = np.linspace(-1.0, 1.0, 32, dtype=np.float32).reshape(8, 4)
    return model, x, np.arange(8) % 3


def tiny_cnn() -> tuple[sb.Sequential, np.ndarray, np.ndarray]:
    """6×6×1 images → Conv2D(2, 3, relu) → MaxPooling2D → Flatten → Dense(3, softmax); SGD, momentum."""
    model = sb.Sequential([sb.layers.Input((6, 6, 1)), sb.layers.Conv2D(2, 3, activation="relu"),
                           sb.layers.MaxPooling2D(), sb.layers.Flatten(),
                           sb.layers.Dense(3, activation="softmax")], seed=11)
    model.compile(optimizer=sb.optimizers.SGD(learning_rate=0.1, momentum=0.9),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = (np.arange(8 * 36, dtype=np.float32).reshape(8, 6, 6, 1) % 7) / 7
    return model, x, np.arange(8) % 3


def main() -> None:
    for name, make in (("tiny_dense", tiny_dense), ("tiny_cnn", tiny_cnn)):
        model, x, y = make()
        model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
        sb.save_model(model, HERE / f"{name}.dlsb")
        np.save(HERE / f"{name}.inputs.npy", x[:3])
        np.save(HERE / f"{name}.predictions.npy", model.predict(x[:3], verbose=0))
        print(f"wrote {name}.dlsb")


if __name__ == "__main__":
    main()
