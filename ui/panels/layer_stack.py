"""The layer stack: build a network by clicking.

A palette adds layers after the selected one, a preset chooser loads a ready-made network, and
the stack shows each layer with its settings, output shape and parameter count, the input on top
and the total below, so ``28×28×1 → 28×28×8 → 14×14×8 → …`` reads at a glance. A layer that
cannot follow the one before is marked in red with the engine's reason and a one-click fix.
Every change goes through the session (and so onto its undo stack); the view is rebuilt from
``session.networkChanged``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.spec import LayerSpec, NetworkSpec, SpecRow

from ..engine_messages import friendly
from ..presets_text import preset_text
from ..session import Session
from .explain import ExplanationBox
from .layer_form import LayerForm

__all__ = ["PALETTE", "LayerStackPanel", "LayerStackView", "format_shape"]

#: The layer types the palette offers, in the order a learner meets them.
PALETTE = ("Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten", "Dropout", "Activation")

#: Red that stays readable on light and dark backgrounds.
_ERROR_COLOR = QColor(211, 47, 47)
#: The mime type of a drag that started inside an item view (an internal move).
_ITEM_MIME = "application/x-qabstractitemmodeldatalist"
#: "Start from" entries that are not engine presets: the input alone, and the shipped trained model.
EMPTY_ENTRY, PRETRAINED_ENTRY = "::empty", "::pretrained"


def format_shape(shape: tuple[int, ...] | None) -> str:
    """``(28, 28, 8)`` → ``"28×28×8"``; None (unknown) → ``"?"``."""
    return "?" if shape is None else "×".join(str(d) for d in shape)


class _RoomyRowDelegate(QStyledItemDelegate):
    """Adds a little air between rows: the stack is read row by row, like a table of shapes."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 6, size.height() + 8)


class LayerStackView(QTreeWidget):
    """The stack as a table: the input row, then one row per layer.

    The view never moves or deletes its own rows: drops and keys become requests that the panel
    sends to the session, and the panel rebuilds the rows from the new network.
    """

    deleteRequested = Signal()
    moveRequested = Signal(int)  # -1: up, +1: down
    dropRequested = Signal(int, int)  # tree row dragged, tree row it is dropped before

    COLUMNS = 4  # layer, settings, output shape, parameters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(self.COLUMNS)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setItemDelegate(_RoomyRowDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete/Backspace delete the selected layer; Ctrl+Up/Down move it."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and mods == Qt.KeyboardModifier.NoModifier:
            self.deleteRequested.emit()
            event.accept()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.ControlModifier:
            self.moveRequested.emit(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
        else:
            super().keyPressEvent(event)

    def drop_row(self, pos: QPoint) -> int:
        """The tree row a drop at viewport position ``pos`` lands before (never above the input row)."""
        item = self.itemAt(pos)
        if item is None:
            return self.topLevelItemCount()
        row = self.indexOfTopLevelItem(item)
        if pos.y() >= self.visualItemRect(item).center().y():
            row += 1
        return max(row, 1)

    def dropEvent(self, event: QDropEvent) -> None:
        """Turn an internal drop into a move request instead of letting Qt move the row itself."""
        current = self.currentItem()
        if not event.mimeData().hasFormat(_ITEM_MIME) or current is None:
            event.ignore()
            return
        source = self.indexOfTopLevelItem(current)
        target = self.drop_row(event.position().toPoint())
        # IgnoreAction: the drag must not delete the source row afterwards; the rebuild does it all.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if source >= 1:
            self.dropRequested.emit(source, target)


class LayerStackPanel(QWidget):
    """Palette, preset chooser, layer stack, shape-error box and the selected layer's settings.

    While training runs the network cannot change: the editing controls are disabled (their
    tooltips say why) and a banner with a *Stop training* button explains it.

    Attributes
    ----------
    form : LayerForm
        The settings of the selected layer, shown under the stack.
    explanation : ExplanationBox
        What a stack of layers is, at the top (``layersExplanation``).
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerStackPanel")
        self._session = session
        self._preset_specs = {name: NetworkSpec.from_preset(name) for name in sb.presets.names()}
        self._select_row: int | None = None  # tree row to select after the next rebuild
        self._training_tip = self.tr("Stop training to change the network.")

        # preset chooser
        self._preset = QComboBox(self)
        self._preset.setObjectName("presetCombo")
        self._preset.setAccessibleName(self.tr("Preset network"))
        self._preset.setToolTip(self.tr("Replace the network with a ready-made one (you can undo this)."))
        self._preset.addItem(self.tr("Choose a preset…"), None)
        self._preset.addItem(self.tr("Empty network"), EMPTY_ENTRY)
        self._preset.setItemData(1, self.tr("Just the input: build your own network from the palette."),
                                 Qt.ItemDataRole.ToolTipRole)
        for name in sb.presets.names():
            title, description = preset_text(name)
            self._preset.addItem(title, name)
            self._preset.setItemData(self._preset.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        self._preset.insertSeparator(self._preset.count())
        # Presets start from fresh random weights; this one brings back the trained model the app opened with.
        self._preset.addItem(self.tr("Pretrained small CNN (98 %)"), PRETRAINED_ENTRY)
        self._preset.setItemData(self._preset.count() - 1,
                                 self.tr("The small CNN with the trained weights the app ships with, for when a run "
                                         "has spoiled the model. Your training settings stay."),
                                 Qt.ItemDataRole.ToolTipRole)
        self._preset.activated.connect(self._on_preset_activated)
        preset_label = QLabel(self.tr("&Start from:"), self)
        preset_label.setBuddy(self._preset)
        preset_row = QHBoxLayout()
        preset_row.addWidget(preset_label)
        preset_row.addWidget(self._preset, 1)

        # palette
        palette = QGroupBox(self.tr("Add a layer after the selected one"), self)
        palette.setObjectName("layerPalette")
        grid = QGridLayout(palette)
        grid.setSpacing(4)
        self._palette_buttons: dict[str, QPushButton] = {}
        descriptions = self._layer_descriptions()
        for i, class_name in enumerate(PALETTE):
            button = QPushButton(class_name, palette)
            button.setObjectName(f"add{class_name}Button")
            button.setAccessibleName(self.tr("Add {layer}").format(layer=class_name))
            button.setToolTip(descriptions[class_name])
            button.clicked.connect(self._on_palette_clicked)
            grid.addWidget(button, i // 4, i % 4)
            self._palette_buttons[class_name] = button
        self._tooltips: dict[QWidget, str] = {b: b.toolTip() for b in self._palette_buttons.values()}

        # the stack
        self._view = LayerStackView(self)
        self._view.setObjectName("layerStack")
        self._view.setAccessibleName(self.tr("Layer stack"))
        self._view.setToolTip(self.tr("Your network, from the input at the top to the output at the bottom. Select "
                                      "a layer to change it; drag it, or press Ctrl+Up or Ctrl+Down, to move it."))
        self._view.setAccessibleDescription(self.tr(
            "The input, then each layer with its settings, output shape and parameter count. "
            "Delete removes the selected layer; Ctrl+Up and Ctrl+Down move it."))
        self._view.setHeaderLabels([self.tr("Layer"), self.tr("Settings"), self.tr("Output"), self.tr("Params")])
        self._view.headerItem().setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Selection lags the current item during a click, so follow the selection itself.
        self._view.itemSelectionChanged.connect(self._update_selection_controls)
        self._view.deleteRequested.connect(self._delete_selected)
        self._view.moveRequested.connect(self._move_selected)
        self._view.dropRequested.connect(self._on_drop, Qt.ConnectionType.QueuedConnection)

        self._up = self._button("moveUpButton", self.tr("Move &up"), self.tr("Move layer up"),
                                self.tr("Move the selected layer up (Ctrl+Up)"), QStyle.StandardPixmap.SP_ArrowUp)
        self._down = self._button("moveDownButton", self.tr("Move do&wn"), self.tr("Move layer down"),
                                  self.tr("Move the selected layer down (Ctrl+Down)"),
                                  QStyle.StandardPixmap.SP_ArrowDown)
        self._delete = self._button("deleteLayerButton", self.tr("&Delete"), self.tr("Delete layer"),
                                    self.tr("Delete the selected layer (Delete)"),
                                    QStyle.StandardPixmap.SP_TrashIcon)
        self._up.clicked.connect(self._on_move_up)
        self._down.clicked.connect(self._on_move_down)
        self._delete.clicked.connect(self._delete_selected)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self._up)
        edit_row.addWidget(self._down)
        edit_row.addStretch(1)
        edit_row.addWidget(self._delete)

        # the error box under the stack
        self._error_box = QFrame(self)
        self._error_box.setObjectName("layerErrorBox")
        self._error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self._error_box.setStyleSheet(
            "#layerErrorBox { background: rgba(211, 47, 47, 28); border: 1px solid rgba(211, 47, 47, 160);"
            " border-radius: 4px; }")
        self._error_label = QLabel(self._error_box)
        self._error_label.setObjectName("layerErrorLabel")
        self._error_label.setWordWrap(True)
        self._error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error_label.setAccessibleName(self.tr("Network problem"))
        self._fix = QPushButton(self._error_box)
        self._fix.setObjectName("fixLayerButton")
        self._fix.setAccessibleName(self.tr("Fix the network"))
        self._fix.setToolTip(self.tr("Apply the suggested fix (you can undo it)."))
        self._fix.clicked.connect(self._on_fix)
        self._fix_target: tuple[int, str] | None = None
        error_layout = QHBoxLayout(self._error_box)
        error_layout.setContentsMargins(8, 6, 8, 6)
        error_layout.addWidget(self._error_label, 1)
        error_layout.addWidget(self._fix, 0, Qt.AlignmentFlag.AlignVCenter)
        self._tooltips[self._fix] = self._fix.toolTip()

        # totals
        self._total = QLabel(self)
        self._total.setObjectName("totalParamsLabel")
        bold = QFont(self._total.font())
        bold.setBold(True)
        self._total.setFont(bold)
        self._flow = QLabel(self)
        self._flow.setObjectName("shapeFlowLabel")
        self._flow.setWordWrap(True)
        self._flow.setToolTip(self.tr("How the shape of one example changes from the input to the output."))

        # training lock banner
        self._lock_box = QFrame(self)
        self._lock_box.setObjectName("trainingLockBox")
        self._lock_box.setFrameShape(QFrame.Shape.StyledPanel)
        self._lock_box.setStyleSheet(
            "#trainingLockBox { background: rgba(255, 179, 0, 40); border: 1px solid rgba(255, 160, 0, 170);"
            " border-radius: 4px; }")
        # Its text follows the state (_on_state_changed): a paused run still locks the network, but must not
        # be called running.
        self._lock_label = QLabel(self._lock_box)
        self._lock_label.setObjectName("trainingLockLabel")
        self._lock_label.setWordWrap(True)
        lock_label = self._lock_label
        stop = QPushButton(self.tr("S&top training"), self._lock_box)
        stop.setObjectName("stopTrainingButton")
        stop.setAccessibleName(self.tr("Stop training"))
        stop.setToolTip(self.tr("Stop after the current batch; the weights learned so far are kept."))
        stop.clicked.connect(self._session.stop)
        lock_layout = QHBoxLayout(self._lock_box)
        lock_layout.setContentsMargins(8, 4, 8, 4)
        lock_layout.addWidget(lock_label, 1)
        lock_layout.addWidget(stop)

        # the selected layer's settings
        form_box = QGroupBox(self.tr("Settings of the selected layer"), self)
        form_box.setObjectName("layerFormBox")
        self.form = LayerForm(session, form_box)
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.form)

        self.explanation = ExplanationBox(
            "layersExplanation",
            self.tr("A network is a stack of layers. Each layer transforms its input with its weights; "
                    "the shapes show how a 28×28 image becomes 10 numbers."),
            self.tr("Add a Dense layer and watch the parameter count grow."), self, expanded=False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self._lock_box)
        layout.addLayout(preset_row)
        layout.addWidget(palette)
        layout.addWidget(self._view, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self._error_box)
        layout.addWidget(self._total)
        layout.addWidget(self._flow)
        layout.addWidget(form_box)

        self._tooltips[self._preset] = self._preset.toolTip()
        for button in (self._up, self._down, self._delete):
            self._tooltips[button] = button.toolTip()

        session.networkChanged.connect(self._on_network_changed)
        session.stateChanged.connect(self._on_state_changed)
        self._rebuild()
        self._on_state_changed(session.state)

    def _button(self, name: str, text: str, accessible: str, tooltip: str, icon: QStyle.StandardPixmap) -> QPushButton:
        button = QPushButton(self.style().standardIcon(icon), text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tooltip)
        return button

    # ---- translated texts ------------------------------------------------------------------------
    def _layer_descriptions(self) -> dict[str, str]:
        return {
            "Dense": self.tr("Fully connected: every output is a weighted sum of all the inputs."),
            "Conv2D": self.tr("Slides small learned filters over the image to find local patterns such as edges."),
            "MaxPooling2D": self.tr("Keeps the largest value of each 2×2 window: halves the image's width and height."),
            "AveragePooling2D": self.tr("Averages each 2×2 window: halves the image's width and height."),
            "Flatten": self.tr("Unrolls an image into one long list of numbers, so Dense layers can read it."),
            "Dropout": self.tr("Switches off random inputs while training, so the network can't rely on a few."),
            "Activation": self.tr("Applies a function such as ReLU to every value."),
        }

    def _settings_text(self, spec: LayerSpec) -> str:
        """Key settings of a layer: ``"128, relu"``, ``"8, 3×3, same, relu"``, ``"2×2"``."""
        c = spec.config

        def square(value: object) -> str:
            return "×".join(str(v) for v in value) if isinstance(value, list | tuple) else f"{value}×{value}"

        parts: list[str] = []
        if spec.class_name == "Dense":
            parts = [str(c.get("units", "?")), str(c.get("activation") or "linear")]
        elif spec.class_name == "Conv2D":
            parts = [str(c.get("filters", "?")), square(c.get("kernel_size", "?"))]
            if c.get("strides", [1, 1]) not in ([1, 1], 1):
                parts.append(self.tr("stride {n}").format(n=square(c["strides"])))
            parts += [str(c.get("padding", "valid")), str(c.get("activation") or "linear")]
        elif spec.class_name in ("MaxPooling2D", "AveragePooling2D"):
            parts = [square(c.get("pool_size", [2, 2]))]
            if c.get("strides") != c.get("pool_size"):
                parts.append(self.tr("stride {n}").format(n=square(c["strides"])))
            if c.get("padding") == "same":
                parts.append("same")
        elif spec.class_name == "Dropout":
            parts = [self.tr("rate {rate:g}").format(rate=c.get("rate", 0))]
        elif spec.class_name == "Activation":
            parts = [str(c.get("activation"))]
        elif spec.class_name == "Reshape":
            parts = [format_shape(tuple(c.get("target_shape", ())))]
        return ", ".join(parts)

    # ---- selection -------------------------------------------------------------------------------
    def selected_layer(self) -> int | None:
        """Index of the selected layer (``-1`` when the input row is selected, None when nothing is)."""
        item = self._view.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._view.indexOfTopLevelItem(item) - 1

    def select_layer(self, index: int | None) -> None:
        """Select layer ``index`` (``-1``: the input row; None: nothing)."""
        if index is None:
            self._view.setCurrentItem(None)
            self._view.clearSelection()
        else:
            item = self._view.topLevelItem(index + 1)
            if item is not None:
                self._view.setCurrentItem(item)
        self._update_selection_controls()

    @Slot()
    def _update_selection_controls(self) -> None:
        index = self.selected_layer()
        count = len(self._session.network.layers)
        editable = not self._session.is_training()
        self._up.setEnabled(editable and index is not None and index > 0)
        self._down.setEnabled(editable and index is not None and 0 <= index < count - 1)
        self._delete.setEnabled(editable and index is not None and index >= 0)
        if self.form.layer_index != index:
            self.form.set_layer(index)

    # ---- rebuilding from the network ------------------------------------------------------------
    @Slot(object)
    def _on_network_changed(self, _spec: object) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """Redraw every row from ``session.network``, then select a sensible row by index."""
        network = self._session.network
        rows = network.trace()
        if self._select_row is not None:
            keep = self._select_row
        else:
            current = self._view.currentItem()
            keep = self._view.indexOfTopLevelItem(current) if current is not None and current.isSelected() else None
        self._select_row = None
        with QSignalBlocker(self._view):
            self._view.clear()
            self._view.addTopLevelItem(self._input_item(network))
            for index, row in enumerate(rows):
                self._view.addTopLevelItem(self._layer_item(index, row))
        if keep is not None:
            self._view.setCurrentItem(self._view.topLevelItem(min(keep, self._view.topLevelItemCount() - 1)))
        else:
            self._view.setCurrentItem(None)
        self._update_totals(network, rows)
        self._update_error(network, rows)
        self._sync_preset_combo()
        self._update_selection_controls()
        self.form.set_layer(self.selected_layer())

    def _input_item(self, network: NetworkSpec) -> QTreeWidgetItem:
        shape = format_shape(tuple(network.input_shape))
        item = QTreeWidgetItem([self.tr("Input"), self.tr("the data"), shape, ""])
        # Selectable (so new layers can go first) but neither draggable nor a drop target.
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        font = QFont(item.font(0))
        font.setItalic(True)
        for column in range(LayerStackView.COLUMNS):
            item.setFont(column, font)
        item.setToolTip(0, self.tr("Each example enters the network as a {shape} image.").format(shape=shape))
        return item

    def _layer_item(self, index: int, row: SpecRow) -> QTreeWidgetItem:
        spec = row.spec
        params = f"{row.params:,}" if row.output_shape is not None else ""
        item = QTreeWidgetItem([spec.class_name, self._settings_text(spec), format_shape(row.output_shape), params])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if row.error is not None:
            tip = self.tr("This layer doesn't fit: {reason}").format(reason=friendly(row.error))
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            for column in range(LayerStackView.COLUMNS):
                item.setForeground(column, QBrush(_ERROR_COLOR))
            item.setText(2, "✗")
        elif row.output_shape is None:
            tip = self.tr("Unknown until the red layer above is fixed.")
            for column in range(LayerStackView.COLUMNS):
                item.setForeground(column, QBrush(self.palette().color(self.palette().ColorRole.PlaceholderText)))
        else:
            tip = self.tr("{name}: output {shape}, {params} parameters").format(
                name=row.name, shape=format_shape(row.output_shape), params=f"{row.params:,}")
        for column in range(LayerStackView.COLUMNS):
            item.setToolTip(column, tip)
        return item

    def _update_totals(self, network: NetworkSpec, rows: list[SpecRow]) -> None:
        ok = all(r.error is None for r in rows)
        if ok:
            self._total.setText(self.tr("Total: {n} parameters").format(n=f"{sum(r.params for r in rows):,}"))
        else:
            self._total.setText(self.tr("Total: unknown until the red layer is fixed"))
        shapes = [format_shape(tuple(network.input_shape))]
        for r in rows:
            if r.output_shape is None:
                shapes.append("✗")
                break
            shapes.append(format_shape(r.output_shape))
        self._flow.setText(" → ".join(shapes))

    def _update_error(self, network: NetworkSpec, rows: list[SpecRow]) -> None:
        bad = next(((i, r) for i, r in enumerate(rows) if r.error is not None), None)
        self._fix_target = None
        if not network.layers:
            text = self.tr("The network has no layers yet: add one from the palette above.")
        elif bad is not None:
            index, row = bad
            text = self.tr("Layer {n} ({type}) doesn't fit: {reason}").format(
                n=index + 1, type=row.spec.class_name, reason=friendly(row.error))
            fix_text = self._fix_text(row.error.fix)
            if fix_text:
                self._fix_target = (index, row.error.fix)
                self._fix.setText(fix_text)
        else:
            text = ""
        self._error_label.setText(text)
        self._error_label.setVisible(bool(text))
        self._error_box.setVisible(bool(text))
        self._fix.setVisible(self._fix_target is not None)

    def _fix_text(self, fix: str | None) -> str:
        return {
            "insert_flatten": self.tr("Insert Flatten"),
            "remove_flatten": self.tr("Remove Flatten"),
            "padding_same": self.tr("Use padding='same'"),
        }.get(fix or "", "")

    def _sync_preset_combo(self) -> None:
        """Show the preset the network equals, or the placeholder."""
        name = next((n for n, spec in self._preset_specs.items() if spec == self._session.network), None)
        if name is None and not self._session.network.layers:
            name = EMPTY_ENTRY
        with QSignalBlocker(self._preset):
            self._preset.setCurrentIndex(max(0, self._preset.findData(name)) if name else 0)

    # ---- edits -----------------------------------------------------------------------------------
    @Slot()
    def _on_palette_clicked(self) -> None:
        class_name = next((n for n, b in self._palette_buttons.items() if b is self.sender()), None)
        if class_name is not None:
            self.add_layer(class_name)

    def add_layer(self, class_name: str) -> bool:
        """Add a ``class_name`` layer after the selected one (at the end if none is) and select it."""
        after = self.selected_layer()
        new_index = len(self._session.network.layers) if after is None else after + 1
        self._select_row = new_index + 1
        return self._push(self._session.add_layer(class_name, after=after))

    @Slot()
    def _delete_selected(self) -> None:
        index = self.selected_layer()
        if index is None or index < 0 or self._session.is_training():
            return
        self._select_row = index + 1  # the next layer moves up into this row
        self._push(self._session.remove_layer(index))

    @Slot()
    def _on_move_up(self) -> None:
        self._move_selected(-1)

    @Slot()
    def _on_move_down(self) -> None:
        self._move_selected(1)

    @Slot(int)
    def _move_selected(self, delta: int) -> None:
        index = self.selected_layer()
        if index is None or index < 0 or self._session.is_training():
            return
        self._move(index, index + delta)

    def _move(self, source: int, target: int) -> None:
        if not 0 <= target < len(self._session.network.layers):
            return
        self._select_row = target + 1
        self._push(self._session.move_layer(source, target))

    @Slot(int, int)
    def _on_drop(self, source_row: int, before_row: int) -> None:
        if self._session.is_training():
            return
        source, before = source_row - 1, before_row - 1
        # move() pops the layer first, so every position after it shifts up by one
        self._move(source, before - 1 if before > source else before)

    @Slot()
    def _on_fix(self) -> None:
        if self._fix_target is not None:
            index, fix = self._fix_target
            if fix == "insert_flatten":
                self._select_row = index + 1  # the new Flatten, just above the layer that needed it
            self._push(self._session.apply_fix(index, fix))

    def _push(self, accepted: bool) -> bool:
        """Forget a pending selection if the session refused the edit (no rebuild will consume it)."""
        if not accepted:
            self._select_row = None
        return accepted

    @Slot(int)
    def _on_preset_activated(self, row: int) -> None:
        name = self._preset.itemData(row)
        if name == EMPTY_ENTRY:
            accepted = self._session.set_network(replace(self._session.network, layers=()),
                                                 lambda: QCoreApplication.translate("LayerStackPanel",
                                                                                    "Start from an empty network"))
        elif name == PRETRAINED_ENTRY:
            accepted = self._session.load_pretrained()
        else:
            accepted = name is not None and self._session.load_preset(name)
        if not self._push(accepted):
            self._sync_preset_combo()

    # ---- training lock ---------------------------------------------------------------------------
    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        training = self._session.is_training()
        self._lock_box.setVisible(training)
        if self._session.state == "paused":
            self._lock_label.setText(self.tr("Training is paused: the network can't change until you stop it."))
        else:
            self._lock_label.setText(self.tr("Training is running: the network can't change while it learns."))
        for widget, tip in self._tooltips.items():
            widget.setEnabled(not training)
            widget.setToolTip(self._training_tip if training else tip)
        self._view.setDragEnabled(not training)
        self._update_selection_controls()
