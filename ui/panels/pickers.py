"""Small choosers several panels share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from sandbox import Sequential

__all__ = ["fill_weighted_layers"]


def fill_weighted_layers(combo: QComboBox, model: Sequential | None, *, default_last: bool) -> None:
    """List the model's layers that have weights (name as text and data), keeping the chosen one if it is there.

    Otherwise the first layer is chosen, or the last with ``default_last``. Emits no signals: the caller
    refreshes what depends on the choice.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if model is not None:
        model.build()  # layers know their weights once the model is built
        for layer in model.layers:
            if layer.params:
                combo.addItem(layer.name, layer.name)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else (combo.count() - 1 if default_last else 0))
    combo.blockSignals(False)
