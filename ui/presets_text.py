"""The presets' titles and descriptions in the learner's language (the engine's are English).

Shared by the layer stack's preset chooser, the run labels of the loss plot and the runs table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

import sandbox as sb

__all__ = ["preset_text"]


def preset_text(preset_id: str) -> tuple[str, str]:
    """Translated ``(title, description)`` of a preset; the engine's English ones for an id not listed here."""
    texts = {
        "logistic": (QCoreApplication.translate("Presets", "Logistic regression"),
                     QCoreApplication.translate(
                         "Presets",
                         "One Dense layer: each digit is a weighted sum of pixels (about 92% on the digits).")),
        "mlp": (QCoreApplication.translate("Presets", "Multilayer perceptron"),
                QCoreApplication.translate("Presets", "Two hidden Dense layers of 128 and 64 ReLU units.")),
        "small-cnn": (QCoreApplication.translate("Presets", "Small CNN"),
                      QCoreApplication.translate(
                          "Presets", "Two convolution + pooling blocks (8 and 16 filters) and a Dense classifier.")),
        "lenet5": (QCoreApplication.translate("Presets", "LeNet-5"),
                   QCoreApplication.translate(
                       "Presets",
                       "LeCun's 1998 network with ReLU: conv 6@5×5, pool, conv 16@5×5, pool, Dense 120, 84, 10.")),
    }
    preset = sb.presets.PRESETS[preset_id]
    return texts.get(preset_id, (preset.title, preset.description))
