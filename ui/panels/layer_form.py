"""The settings of the selected layer, as a small form.

Only the fields that apply to the layer's type are shown. A value reaches the network (through
``session.edit_layer``, so it is undoable) when the learner commits it: Enter or leaving a spin
box, or picking an item in a combo box. Values from the network are written into the widgets
inside ``QSignalBlocker`` so that redrawing never echoes back as an edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb

from ..session import Session

__all__ = ["FIELDS", "LayerForm"]

#: The settings the form offers for each layer type, in the order they are shown.
FIELDS: dict[str, tuple[str, ...]] = {
    "Dense": ("units", "activation"),
    "Conv2D": ("filters", "kernel_size", "strides", "padding", "activation"),
    "MaxPooling2D": ("pool_size", "strides", "padding"),
    "AveragePooling2D": ("pool_size", "strides", "padding"),
    "Dropout": ("rate",),
    "Activation": ("activation",),
}

#: Settings that Keras stores as (height, width) pairs; the form edits square windows only.
_PAIRS = ("kernel_size", "strides", "pool_size")


def _first(value: Any) -> Any:
    """The height of a (height, width) pair, or the value itself."""
    return value[0] if isinstance(value, list | tuple) else value


class LayerForm(QWidget):
    """Edits the settings of one layer of ``session.network``.

    Call :meth:`set_layer` with a layer index (``None`` for no layer, ``-1`` for the input row).
    While training runs, the fields are disabled and their tooltips say why: the session refuses
    network edits during training, and a field that silently snapped back would confuse.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerForm")
        self._session = session
        self._index: int | None = None

        self._title = QLabel(self)
        self._title.setObjectName("layerFormTitle")
        self._title.setWordWrap(True)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._note = QLabel(self)
        self._note.setObjectName("layerFormNote")
        self._note.setWordWrap(True)

        self._units = self._spin("unitsSpin", 1, 4096, self.tr("Units"),
                                 self.tr("How many outputs (neurons) this layer has."))
        self._filters = self._spin("filtersSpin", 1, 512, self.tr("Filters"),
                                   self.tr("How many different patterns (feature maps) this layer learns."))
        self._kernel = self._spin("kernelSizeSpin", 1, 11, self.tr("Kernel size"),
                                  self.tr("Side of the square window each filter looks at (3 means 3×3)."))
        self._strides = self._spin("stridesSpin", 1, 5, self.tr("Strides"),
                                   self.tr("How far the window jumps each step; 2 halves the image size."))
        self._pool = self._spin("poolSizeSpin", 1, 8, self.tr("Pool size"),
                                self.tr("Side of the square window that is summarised into one value (2 means 2×2)."))
        self._rate = QDoubleSpinBox(self)
        self._rate.setObjectName("rateSpin")
        self._rate.setRange(0.0, 0.95)
        self._rate.setSingleStep(0.05)
        self._rate.setDecimals(2)
        self._rate.setAccessibleName(self.tr("Dropout rate"))
        self._rate.setToolTip(self.tr("The fraction of inputs switched off at random while training."))
        self._rate.editingFinished.connect(self._commit_rate)

        self._padding = QComboBox(self)
        self._padding.setObjectName("paddingCombo")
        self._padding.setAccessibleName(self.tr("Padding"))
        self._padding.setToolTip(self.tr("'valid' shrinks the image at the borders; 'same' keeps its size."))
        tip = Qt.ItemDataRole.ToolTipRole
        self._padding.addItem("valid", "valid")
        self._padding.setItemData(0, self.tr("No padding: the output is smaller than the input."), tip)
        self._padding.addItem("same", "same")
        self._padding.setItemData(1, self.tr("Pad with zeros so the output keeps the input's size."), tip)
        self._padding.activated.connect(self._commit_padding)

        self._activation = QComboBox(self)
        self._activation.setObjectName("activationCombo")
        self._activation.setAccessibleName(self.tr("Activation"))
        self._activation.setToolTip(self.tr("The function applied to every output of this layer."))
        for i, name in enumerate(sb.activations.names()):
            # Activation names are Keras identifiers, shown as code; the formula explains each one.
            self._activation.addItem(name, name)
            self._activation.setItemData(i, sb.activations.get(name).formula, tip)
        self._activation.activated.connect(self._commit_activation)

        self._widgets: dict[str, QWidget] = {
            "units": self._units, "filters": self._filters, "kernel_size": self._kernel, "strides": self._strides,
            "pool_size": self._pool, "rate": self._rate, "padding": self._padding, "activation": self._activation,
        }
        self._tooltips = {key: w.toolTip() for key, w in self._widgets.items()}
        labels = {
            "units": self.tr("&Units:"), "filters": self.tr("&Filters:"), "kernel_size": self.tr("&Kernel size:"),
            "strides": self.tr("S&trides:"), "pool_size": self.tr("Poo&l size:"), "rate": self.tr("&Rate:"),
            "padding": self.tr("&Padding:"), "activation": self.tr("&Activation:"),
        }
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key in ("units", "filters", "kernel_size", "pool_size", "strides", "padding", "rate", "activation"):
            label = QLabel(labels[key], self)
            label.setObjectName(f"{self._widgets[key].objectName()}Label")
            label.setBuddy(self._widgets[key])
            self._widgets[key].setMinimumWidth(self.fontMetrics().horizontalAdvance("leaky_relu") + 60)
            self._form.addRow(label, self._widgets[key])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._note)
        layout.addLayout(self._form)

        session.networkChanged.connect(self._on_network_changed)
        session.stateChanged.connect(self._on_state_changed)
        self.set_layer(None)
        self._on_state_changed(session.state)

    def _spin(self, name: str, low: int, high: int, accessible: str, tooltip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setAccessibleName(accessible)
        spin.setToolTip(tooltip)
        spin.editingFinished.connect(self._commit_spin)
        return spin

    # ---- showing a layer -------------------------------------------------------------------------
    @property
    def layer_index(self) -> int | None:
        """The layer shown (``-1`` for the input, None for nothing)."""
        return self._index

    def set_layer(self, index: int | None) -> None:
        """Show the settings of layer ``index`` of the session's network (-1: the input; None: nothing)."""
        layers = self._session.network.layers
        if index is not None and index >= len(layers):
            index = None
        self._index = index
        shown: tuple[str, ...] = ()
        if index is None:
            self._title.setText(self.tr("Layer settings"))
            self._note.setText(self.tr("Select a layer in the stack to change its settings."))
        elif index < 0:
            shape = "×".join(str(d) for d in self._session.network.input_shape)
            self._title.setText(self.tr("Input"))
            self._note.setText(self.tr("The input shape comes from the data: {shape}. "
                                       "New layers are added right after it.").format(shape=shape))
        else:
            spec = layers[index]
            name = self._session.network.trace()[index].name
            self._title.setText(self.tr("Layer {n}: {name} ({type})").format(n=index + 1, name=name,
                                                                             type=spec.class_name))
            shown = FIELDS.get(spec.class_name, ())
            self._note.setText(self.tr("No settings") if not shown else "")
            self._write(spec.config)
        self._note.setVisible(bool(self._note.text()))
        for key, widget in self._widgets.items():
            self._form.setRowVisible(widget, key in shown)

    def _write(self, config: dict[str, Any]) -> None:
        """Put a layer's config into the widgets without emitting edits."""
        for key in ("units", "filters", "kernel_size", "strides", "pool_size"):
            if key in config:
                spin = self._widgets[key]
                with QSignalBlocker(spin):
                    spin.setValue(int(_first(config[key])))
        if "rate" in config:
            with QSignalBlocker(self._rate):
                self._rate.setValue(float(config["rate"]))
        for key in ("padding", "activation"):
            combo = self._widgets[key]
            value = config.get(key) or ("linear" if key == "activation" else "valid")
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(value)))

    @Slot(object)
    def _on_network_changed(self, _spec: object) -> None:
        self.set_layer(self._index)

    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        training = self._session.is_training()
        why = self.tr("Stop training to change the network.")
        for key, widget in self._widgets.items():
            widget.setEnabled(not training)
            widget.setToolTip(why if training else self._tooltips[key])

    # ---- committing edits ------------------------------------------------------------------------
    def _commit(self, key: str, value: Any) -> None:
        """Send one changed setting to the session (nothing happens if the value did not change)."""
        index = self._index
        if index is None or index < 0 or index >= len(self._session.network.layers):
            return
        config = self._session.network.layers[index].config
        old = config.get(key)
        if key in _PAIRS:
            if old is not None and list(old) == [value, value]:
                return
            changes = {key: value}
            # Keras's pooling strides default to the pool size; keep them following it.
            if key == "pool_size" and old is not None and config.get("strides") == old:
                changes["strides"] = value
        else:
            if old == value:
                return
            changes = {key: value}
        if not self._session.edit_layer(index, **changes):
            self.set_layer(index)  # refused (e.g. training started meanwhile): show the real value again

    @Slot()
    def _commit_spin(self) -> None:
        spin = self.sender()
        key = next((k for k, w in self._widgets.items() if w is spin), None)
        if key is not None:
            self._commit(key, spin.value())

    @Slot()
    def _commit_rate(self) -> None:
        self._commit("rate", round(self._rate.value(), 2))

    @Slot(int)
    def _commit_padding(self, row: int) -> None:
        self._commit("padding", self._padding.itemData(row))

    @Slot(int)
    def _commit_activation(self, row: int) -> None:
        self._commit("activation", self._activation.itemData(row))

