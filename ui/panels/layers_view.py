"""Layers as transformations: what every layer makes of the digit, and what a unit does when it is switched off.

For the drawing (or a test digit when the canvas is empty) the panel shows every layer's output in
order, Input → … → output: feature maps as small pictures, one per channel; Flatten and wide Dense
layers as a grid of cells; narrow Dense layers as bars; the output as ten labelled probability bars.

Two flows, chosen from the panel's shape on every resize: in a wide, short panel (width ≥ ``ACROSS_RATIO``
× height and ≥ ``ACROSS_MIN_WIDTH``, e.g. the main window's bottom dock) the layers read left to right, one
column per layer with its name, shape and value range on top and "→" between the columns; the maps fill the
column's height, as large as lets every column fit (else the row scrolls sideways), and the selected-unit
box sits on the right with its weights picture left of its controls. Otherwise (a floating or side dock)
the layers go top to bottom, one row each. Resizing never runs the network again: it only places the
widgets anew (and a switch of flow redraws the headings and pictures from the values already computed).

Hovering a value shows how it was computed (``x·w + … + b = z → relu → a``) with the real numbers;
clicking a Dense unit or a feature map selects it: the side box shows its incoming weights and lets the
learner scale it (0–200 %) or switch it off, compares the edited prediction and test accuracy with the
original ones, and saves the edited network as a new model file.

All numbers come from :mod:`sandbox.inspect_forward`; this panel only lays them out. The test accuracies
(original and edited) score the whole test set, 50 ms for the small CNN on 1,000 images but seconds for a big
network on 10,000: they run in a :class:`~ui.background.BackgroundLane` on a copy of the model, a newer request
superseding an older one. One image's forward views stay on the GUI thread: 4 ms for Dense 4096 → 4096 and
23 ms for two Conv2D(256) layers, measured. Edits live in the
panel (never in the session's model) and are cleared when the network's architecture changes; they are
kept while the network trains or when its weights are reset or restored, since the units stay the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.inspect_forward import (
    EditError,
    LayerView,
    UnitComputation,
    bake_edits,
    conv_filters,
    editable_units,
    edited_accuracy,
    explain_unit,
    first_dense_images,
    forward_views,
    incoming_weights,
)

from ..background import BackgroundLane, Job
from ..engine_messages import friendly
from ..session import Session
from ..view_state import ViewField

__all__ = ["LayersViewPanel"]

#: Redraw at most this often while the network trains (weightsChanged fires several times a second).
TRAINING_REFRESH_MS = 1000
#: Recompute the test accuracies at most this often while training (1,000 images, ~0.1 s each time).
TRAINING_ACCURACY_MS = 3000
#: Delay before recomputing the test accuracy after an edit (merges a slider drag into one evaluation).
ACCURACY_DELAY_MS = 250
_TILE = 42  # side of one feature-map picture, px
_INPUT_TILE = 84
_GAP = 4
_CELL = 7  # side of one value in a grid of many values
_BIG_CELL = 12  # … of a few hundred values at most, so that each can be clicked
_BAR_ROWS = 32  # at most this many units are drawn as bars
_BAR_HEIGHT = 54
_SELECT = QColor("#ff8c00")
_OFF = QColor("#d62728")
_TOP_TERMS = 4
_UNIT_BOX_WIDTH = 250
_WIDE = 620  # narrower than this, the unit box goes below the layers
_NARROW_UNIT_BOX_HEIGHT = 280
#: The layers flow left to right (each layer a column) when the panel is at least this many times as wide as it
#: is high: a bottom dock (≈ 1300 × 260) then reads Input → … → answer without scrolling down a thin strip; a
#: floating window or a side dock (taller than wide, or about square) keeps the top-to-bottom rows.
ACROSS_RATIO = 1.6
ACROSS_MIN_WIDTH = 760  # … and at least this wide (narrower, a column per layer leaves no room for the answer)
_MIN_TILE = 26  # left to right, feature maps shrink to this side before another column of them is added
_MAX_TILE = 56  # … and grow to this side when the height allows
_GRID_WIDTH = 130  # … and a long flat output (Flatten, wide Dense) becomes a block about this wide
_BAR_LABEL = 18  # left to right: width of the unit or class label left of a horizontal bar
_BAR_LENGTH = 72  # … longest bar
_BAR_VALUE = 36  # … room for the probability in % right of an output bar
_ACROSS_UNIT_BOX_WIDTH = 400  # left to right the unit box takes 30 % of the width, 250–400 px …
_WEIGHTS_BESIDE = 380  # … and from this width on its weights picture sits left of the controls (saves height)
_ACROSS_WEIGHTS = 118  # width of the incoming-weights picture left of the controls (left-to-right flow)


def _grey(a: np.ndarray, top: float) -> np.ndarray:
    """uint8 (h, w, 3): 0 → black, ``top`` → white (what ReLU outputs and the ink of the digit look like)."""
    v = np.clip(np.nan_to_num(a) / (top or 1.0), 0.0, 1.0)
    g = (255 * v).astype(np.uint8)
    return np.repeat(g[..., None], 3, axis=-1)


def _diverging(a: np.ndarray, top: float) -> np.ndarray:
    """uint8 (h, w, 3): blue (negative) / white / red (positive), symmetric around 0; NaN is grey."""
    t = np.clip(np.nan_to_num(a) / (top or 1.0), -1.0, 1.0)
    pos, neg = np.clip(t, 0, 1), np.clip(-t, 0, 1)
    rgb = np.empty((*a.shape, 3), np.uint8)
    rgb[..., 0] = (255 * (1 - neg)).astype(np.uint8)
    rgb[..., 1] = (255 * (1 - np.maximum(pos, neg))).astype(np.uint8)
    rgb[..., 2] = (255 * (1 - pos)).astype(np.uint8)
    rgb[np.isnan(a)] = 160
    return rgb


def _colours(a: np.ndarray, signed: bool, top: float) -> np.ndarray:
    return _diverging(a, top) if signed else _grey(a, top)


def _qimage(rgb: np.ndarray) -> QImage:
    h, w = rgb.shape[:2]
    return QImage(np.ascontiguousarray(rgb).tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _weights_pixmap(pictures: np.ndarray, width: int) -> QPixmap:
    """(n, h, w) float weights as blue/red pictures (one colour scale for all), at most ``width`` px wide.

    Small pictures (kernels) are laid out in a squarish block, larger ones in rows of up to 8; NaN is grey.
    """
    n, h, w = pictures.shape
    cols = min(n, 8, math.ceil(math.sqrt(n)) if h * w <= 64 else 8)
    rows = -(-n // cols)
    gap = 3
    scale = max(1, min(12, (width - gap * (cols - 1)) // (cols * w)))
    top = float(np.nanmax(np.abs(pictures), initial=0.0))
    pixmap = QPixmap(cols * w * scale + gap * (cols - 1), rows * h * scale + gap * (rows - 1))
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    for i in range(n):
        r, c = divmod(i, cols)
        p.drawImage(QRect(c * (w * scale + gap), r * (h * scale + gap), w * scale, h * scale),
                    _qimage(_diverging(pictures[i], top)))
    p.end()
    return pixmap


def _num(v: float) -> str:
    """A short number for tooltips; negative numbers in brackets so ``x×(−0.3)`` reads as a product."""
    text = f"{v:.3g}".replace("-", "−")
    return f"({text})" if v < 0 else text


class _MapView(QWidget):
    """One layer's output: tiles per channel (images), bars (≤ 32 values) or a grid of cells.

    Top to bottom (the default) the view is as wide as its row and as high as the units need at that width;
    bars stand side by side. Left to right (:meth:`set_across`) it is as high as it is given and as wide as the
    units need at that height: tiles fill columns, bars lie horizontally one under the other.

    Emits ``hovered(unit, row, col, global_pos)`` (row and col are −1 for flat outputs) and
    ``clicked(unit, row, col)``. Keyboard: Left/Right (and Up/Down left to right) move a focus cursor over the
    units; Space or Return selects the unit under it.
    """

    hovered = Signal(int, int, int, QPoint)
    clicked = Signal(int, int, int)

    def __init__(self, layer_index: int, parent: QWidget | None = None, *, weights: bool = False) -> None:
        super().__init__(parent)
        self.layer_index = layer_index
        self.shows_weights = weights  # tiles of weights (always blue/red) rather than a layer's output
        self._values = np.zeros(0, np.float32)
        self._kind = "bars"
        self._labels: list[str] = []
        self._probabilities = False
        self._reference: np.ndarray | None = None
        self._images: list[QImage] = []
        self._scales: dict[int, float] = {}
        self._selected: int | None = None
        self._cursor = 0
        self._tile = _TILE
        self._across = 0  # left to right: the height to fill, px; 0: top to bottom
        self._min_tile = _MIN_TILE  # left to right: the smallest side of a tile
        self._grid = (1, 1, _TILE)  # left to right: (columns, rows, side of a tile or cell)
        self._last_hover: tuple[int, int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ---- data ------------------------------------------------------------------------------------
    def set_data(self, values: np.ndarray, *, labels: list[str] | None = None, probabilities: bool = False,
                 reference: np.ndarray | None = None, scales: dict[int, float] | None = None,
                 selected: int | None = None, tile: int = _TILE) -> None:
        """Show ``values`` (float32, (H, W, C) or (n,)); ``labels`` makes labelled output bars, in % when they are
        ``probabilities`` (a softmax), else with their values; ``reference`` draws the unedited values as ticks,
        ``scales`` marks edited units, ``selected`` outlines one."""
        old_geometry = (self._kind, self._values.shape, self._tile)
        self._values = np.asarray(values, np.float32)
        self._labels = labels or []
        self._probabilities = probabilities
        self._reference = reference
        self._scales = scales or {}
        self._selected = selected
        self._tile = tile
        a = self._values
        signed = self.shows_weights or (bool(a.size) and float(a.min()) < 0)
        top = float(np.abs(a).max()) if a.size else 1.0
        if a.ndim == 3:
            self._kind = "tiles"
            # One colouring of all channels, then a picture each: per channel, numpy's per-call cost made the
            # 4,096 weight pictures of a Dense(4096) take 0.2 s of the GUI thread on every refresh.
            rgb = _colours(a, signed, top)  # uint8 (H, W, C, 3)
            self._images = [_qimage(rgb[:, :, c]) for c in range(a.shape[-1])]
        elif self._labels or a.size <= _BAR_ROWS:
            self._kind = "bars"
            self._images = []
        else:
            self._kind = "grid"
            self._images = [_qimage(_colours(a.reshape(1, -1), signed, top))]
        if (self._kind, self._values.shape, self._tile) != old_geometry:
            self._fit()
        self.update()

    def set_across(self, height: int, min_tile: int = _MIN_TILE) -> None:
        """Lay the units out to fill ``height`` px (left-to-right flow); 0 goes back to the top-to-bottom flow.

        Tiles are at least ``min_tile`` px. Only the geometry changes: the pictures are kept, nothing is recomputed.
        """
        if (height, min_tile) == (self._across, self._min_tile):
            return
        self._across, self._min_tile = height, min_tile
        if height:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
        self._fit()
        self.update()

    @property
    def tile(self) -> int:
        """Side of one tile in px."""
        return self._tile

    @property
    def values(self) -> np.ndarray:
        """The values shown, float32 (H, W, C) or (n,)."""
        return self._values

    def units(self) -> int:
        """Number of channels (images) or values (flat outputs)."""
        return int(self._values.shape[-1]) if self._values.size else 0

    # ---- geometry --------------------------------------------------------------------------------
    def across_size(self, height: int, min_tile: int) -> QSize:
        """The size this view takes left to right in ``height`` px with tiles of at least ``min_tile`` px."""
        return self._across_size(self._across_grid(height, min_tile))

    def _across_size(self, grid: tuple[int, int, int]) -> QSize:
        cols, rows, side = grid
        if self._kind == "tiles":
            return QSize(cols * (side + _GAP) - _GAP, rows * (side + _GAP) - _GAP)
        if self._kind == "grid":
            return QSize(cols * side, rows * side)
        return QSize(self._bar_label_width() + _BAR_LENGTH + (_BAR_VALUE if self._labels else 0), rows * side)

    def _across_grid(self, height: int, min_tile: int) -> tuple[int, int, int]:
        """Left to right: ``(columns, rows, side)`` of the tiles or cells that fill ``height`` px."""
        n = max(1, self.units())
        if self._kind == "tiles":
            # the fewest columns (largest tiles) whose tiles are still at least min_tile px
            largest = max(self._tile, _MAX_TILE) if n == 1 else _MAX_TILE
            for cols in range(1, n + 1):
                rows = -(-n // cols)
                side = min(largest, (height - _GAP * (rows - 1)) // rows)
                if side >= min_tile:
                    return cols, rows, side
            return n, 1, min(min_tile, max(1, height))
        if self._kind == "grid":
            # a compact block about _GRID_WIDTH px wide: smaller cells for longer outputs (Flatten: 784 values)
            size = self._values.size
            cell = max(3, min(self._cell(), math.isqrt(_GRID_WIDTH * height // size)))
            rows = max(1, min(size, height // cell))
            cols = -(-size // rows)
            return cols, -(-size // cols), cell
        side = max(4, min(20, height // n))  # the height of one horizontal bar
        return 1, n, side

    def _bar_label_width(self) -> int:
        return _BAR_LABEL if self._labels or self.units() <= 16 else 0

    def _columns(self, width: int) -> int:
        if self._across and self._kind != "bars":
            return self._grid[0]
        if self._kind == "tiles":
            return max(1, (width + _GAP) // (self._tile + _GAP))
        if self._kind == "grid":
            # a block about twice as wide as high, as wide as the row allows
            return max(1, min(self._values.size, width // self._cell(), math.ceil(math.sqrt(2 * self._values.size))))
        return max(1, self.units())

    def _cell(self) -> int:
        return _BIG_CELL if self._values.size <= 256 else _CELL

    def _bar_width(self, width: int) -> int:
        return max(4, min(34, width // max(1, self.units())))

    def _fit(self) -> None:
        if self._across:
            # left to right: as high as given, as wide as the units need at that height
            self._grid = self._across_grid(self._across, self._min_tile)
            size = self._across_size(self._grid)
            if size != self.size() or self.minimumSize() != size:
                self.setFixedSize(size)
            return
        # top to bottom: the number of tile rows depends on the width the row gives us: a fixed height per width
        height = self.height_for(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._across:
            self._fit()

    def height_for(self, width: int) -> int:
        """The height that shows every unit at ``width`` px."""
        n = self.units()
        if self._kind == "tiles":
            rows = -(-n // self._columns(width))
            return max(1, rows * (self._tile + _GAP) - _GAP)
        if self._kind == "grid":
            rows = -(-self._values.size // self._columns(width))
            return rows * self._cell()
        return _BAR_HEIGHT + (16 if self._labels or n <= 16 else 0)

    def sizeHint(self) -> QSize:
        if self._across:
            return self.minimumSize()
        return QSize(400, self.height_for(400))

    def _unit_rect(self, unit: int) -> QRect:
        width = self.width()
        if self._across:
            cols, rows, side = self._grid
            if self._kind == "tiles":  # column by column, top to bottom
                c, r = divmod(unit, rows)
                return QRect(c * (side + _GAP), r * (side + _GAP), side, side)
            if self._kind == "bars":  # the whole line of a horizontal bar, label included
                return QRect(0, unit * side, self.width(), side)
        if self._kind == "tiles":
            cols = self._columns(width)
            r, c = divmod(unit, cols)
            return QRect(c * (self._tile + _GAP), r * (self._tile + _GAP), self._tile, self._tile)
        if self._kind == "grid":
            cols = self._columns(width)
            r, c = divmod(unit, cols)
            cell = self._grid[2] if self._across else self._cell()
            return QRect(c * cell, r * cell, cell, cell)
        bw = self._bar_width(width)
        return QRect(unit * bw, 0, bw, _BAR_HEIGHT)

    def unit_at(self, pos: QPoint) -> tuple[int, int, int] | None:
        """``(unit, row, col)`` under a point of the widget (row and col −1 for flat outputs), or None."""
        for unit in range(self.units()):
            rect = self._unit_rect(unit)
            if rect.contains(pos):
                if self._kind != "tiles":
                    return unit, -1, -1
                h, w = self._values.shape[:2]
                row = min(h - 1, (pos.y() - rect.y()) * h // rect.height())
                col = min(w - 1, (pos.x() - rect.x()) * w // rect.width())
                return unit, int(row), int(col)
        return None

    def point_of(self, unit: int, row: int = 0, col: int = 0) -> QPoint:
        """The widget point that shows ``unit`` (and the pixel ``row``, ``col`` of a tile)."""
        rect = self._unit_rect(unit)
        if self._kind != "tiles":
            return rect.center()
        h, w = self._values.shape[:2]

        def middle(i: int, size: int, n: int) -> int:
            # the middle of the screen pixels that unit_at maps to value pixel i (tiles are not always n × k px)
            first, last = -(-i * size // n), -(-(i + 1) * size // n) - 1
            return (first + max(first, last)) // 2

        return QPoint(rect.x() + middle(col, rect.width(), w), rect.y() + middle(row, rect.height(), h))

    # ---- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        if self._kind == "tiles":
            for unit, image in enumerate(self._images):
                p.drawImage(self._unit_rect(unit), image)
        elif self._kind == "grid":
            cols = self._columns(self.width())
            image = self._images[0]
            for start in range(0, self._values.size, cols):
                n = min(cols, self._values.size - start)
                cell = self._grid[2] if self._across else self._cell()
                p.drawImage(QRect(0, start // cols * cell, n * cell, cell), image, QRect(start, 0, n, 1))
        elif self._across:
            self._paint_bars_across(p)
        else:
            self._paint_bars(p)
        for unit, scale in self._scales.items():
            self._mark_edit(p, unit, scale)
        if self._selected is not None and self._selected < self.units():
            p.setPen(QPen(_SELECT, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self._unit_rect(self._selected).adjusted(-1, -1, 1, 1))
        if self.hasFocus() and self.units():
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine))
            p.drawRect(self._unit_rect(self._cursor).adjusted(-2, -2, 2, 2))
        p.end()

    def _bar_scale(self) -> tuple[float, bool, QColor, int]:
        """What both bar painters share: the value of a full bar, whether bars go both ways, the colour, the best unit.

        Probabilities fill a bar at 1; other values at their largest magnitude.
        """
        a = self._values
        probabilities = self._probabilities
        top = 1.0 if probabilities else (float(np.abs(a).max()) or 1.0)
        colour = self.palette().highlight().color() if probabilities else QColor("#4c72b0")
        return top, float(a.min()) < 0, colour, int(np.argmax(a))

    def _paint_bars(self, p: QPainter) -> None:
        a = self._values
        n = a.size
        if not n:
            return
        probabilities = self._probabilities
        top, signed, colour, best = self._bar_scale()
        base = _BAR_HEIGHT // 2 if signed else _BAR_HEIGHT
        span = base if signed else _BAR_HEIGHT - 2
        p.setPen(Qt.PenStyle.NoPen)
        for unit in range(n):
            rect = self._unit_rect(unit)
            h = round(span * min(1.0, abs(float(a[unit])) / top))
            y = base - h if a[unit] >= 0 else base
            inner = rect.adjusted(2, 0, -2, 0)
            p.fillRect(QRect(inner.x(), 0, inner.width(), _BAR_HEIGHT), self.palette().alternateBase())
            p.fillRect(QRect(inner.x(), y, inner.width(), max(h, 1)),
                       colour.darker(130) if probabilities and unit == best else colour)
        if self._reference is not None:  # the unedited values, as ticks where they differ
            p.setPen(QPen(_SELECT, 3))
            for unit in range(min(n, self._reference.size)):
                h = round(span * min(1.0, abs(float(self._reference[unit])) / top))
                if h == round(span * min(1.0, abs(float(a[unit])) / top)):
                    continue
                inner = self._unit_rect(unit).adjusted(2, 0, -2, 0)
                y = base - h if self._reference[unit] >= 0 else base + h
                p.drawLine(inner.x(), y, inner.right(), y)
        labels = self._labels or ([str(u) for u in range(n)] if n <= 16 else [])
        if labels:
            p.setPen(self.palette().text().color())
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
            p.setFont(font)
            for unit, text in enumerate(labels):
                rect = self._unit_rect(unit)
                p.drawText(QRect(rect.x(), _BAR_HEIGHT, rect.width(), 16), Qt.AlignmentFlag.AlignCenter, text)

    def _paint_bars_across(self, p: QPainter) -> None:
        """Horizontal bars, one line per unit: label, bar, and for probabilities the value in %."""
        a = self._values
        n = a.size
        if not n:
            return
        probabilities = self._probabilities
        top, signed, colour, best = self._bar_scale()
        left = self._bar_label_width()
        base = left + (_BAR_LENGTH // 2 if signed else 0)
        span = _BAR_LENGTH // 2 if signed else _BAR_LENGTH - 2
        gap = 1 if self._grid[2] >= 8 else 0

        def length(v: float) -> int:
            return round(span * min(1.0, abs(v) / top))

        p.setPen(Qt.PenStyle.NoPen)
        for unit in range(n):
            line = self._unit_rect(unit).adjusted(0, gap, 0, -gap)
            w = length(float(a[unit]))
            x = base if a[unit] >= 0 else base - w
            p.fillRect(QRect(left, line.y(), _BAR_LENGTH, line.height()), self.palette().alternateBase())
            p.fillRect(QRect(x, line.y(), max(w, 1), line.height()),
                       colour.darker(130) if probabilities and unit == best else colour)
        if self._reference is not None:  # the unedited values, as ticks where they differ
            p.setPen(QPen(_SELECT, 3))
            for unit in range(min(n, self._reference.size)):
                ref = float(self._reference[unit])
                if length(ref) == length(float(a[unit])):
                    continue
                line = self._unit_rect(unit)
                x = base + length(ref) if ref >= 0 else base - length(ref)
                p.drawLine(x, line.top(), x, line.bottom())
        labels = self._labels or ([str(u) for u in range(n)] if n <= 16 else [])
        if labels and self._grid[2] >= 8:
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, min(font.pointSizeF() * 0.85, self._grid[2] * 0.6)))
            p.setFont(font)
            for unit, text in enumerate(labels):
                line = self._unit_rect(unit)
                font.setBold(probabilities and unit == best)
                p.setFont(font)
                p.setPen(self.palette().text().color())
                p.drawText(QRect(0, line.y(), left - 3, line.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
                if self._labels:  # an output: its probability in %, or its raw value
                    value = self.tr("{0} %").format(round(100 * float(a[unit]))) if probabilities \
                        else _num(float(a[unit]))
                    p.drawText(QRect(left + _BAR_LENGTH + 3, line.y(), _BAR_VALUE - 3, line.height()),
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)

    def _mark_edit(self, p: QPainter, unit: int, scale: float) -> None:
        if unit >= self.units():
            return
        rect = self._unit_rect(unit)
        if scale == 0:
            p.setPen(QPen(_OFF, 2))
            p.drawLine(rect.topLeft(), rect.bottomRight())
            p.drawLine(rect.topRight(), rect.bottomLeft())
        else:
            p.setPen(QPen(_SELECT, 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(0, 0, -1, -1))

    # ---- input -----------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.unit_at(event.position().toPoint())
        if hit is None:
            self._last_hover = None
            QToolTip.hideText()
        elif hit != self._last_hover:
            self._last_hover = hit
            self.hovered.emit(*hit, event.globalPosition().toPoint())
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._last_hover = None
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.unit_at(event.position().toPoint())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self._cursor = hit[0]
            self.clicked.emit(*hit)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        n = self.units()
        # Up/Down step through the units of a column left to right; top to bottom they scroll the rows
        steps = (Qt.Key.Key_Left, Qt.Key.Key_Right) + ((Qt.Key.Key_Up, Qt.Key.Key_Down) if self._across else ())
        if n and key in steps:
            forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            self._cursor = (self._cursor + (1 if forward else -1)) % n
            self.update()
            row, col = (-1, -1) if self._kind != "tiles" else (0, 0)
            self.hovered.emit(self._cursor, row, col, self.mapToGlobal(self.point_of(self._cursor)))
        elif n and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row, col = (-1, -1) if self._kind != "tiles" else (0, 0)
            self.clicked.emit(self._cursor, row, col)
        else:
            super().keyPressEvent(event)


@dataclass
class LayersViewState:
    """What Inside the network shows beyond the session, kept across rebuilds of the panel (ui.view_state)."""

    drawing: np.ndarray | None = None  # the canvas's network input, float32 (28, 28, 1), or None: a test digit
    edits: dict[tuple[int, int], float] = field(default_factory=dict)  # (layer index, unit) → output scale
    selected: tuple[int, int] | None = None  # (layer index, unit)
    architecture: list | None = None  # the layers the edits and the selection belong to
    test_digit: int = 0


class LayersViewPanel(QWidget):
    """Every layer's output for the drawing or a test digit, with unit explanations and unit edits.

    Reads ``session.model`` and ``session.dataset`` (x_test float32 (N, 28, 28, 1), y_test int (N,));
    never changes the model. The main window should connect the canvas panel's
    ``networkInputChanged(object)`` to :meth:`set_drawing`.

    Signals
    -------
    editsChanged(dict)
        The unit edits ``{(layer_index, unit): scale}`` changed (empty when all were reset).
    layerFollowed(int)
        The learner pointed at (or moved the keyboard cursor over) an output of this layer (−1: the input).
    accuracyUpdated(float, float)
        New test accuracies arrived: without the edits and with them (fractions).
    """

    editsChanged = Signal(object)
    layerFollowed = Signal(int)
    accuracyUpdated = Signal(float, float)

    View = LayersViewState
    _drawing = ViewField()
    _edits = ViewField()
    _selected = ViewField()
    _architecture = ViewField()

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 view: LayersViewState | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layersViewPanel")
        self.session = session
        self.view = LayersViewState() if view is None else view
        self._views: list[LayerView] = []
        self._plain_output: np.ndarray | None = None
        self._maps: list[_MapView] = []
        self._row_labels: list[QLabel] = []
        self._cells: list[QWidget] = []  # one per layer: its heading above its picture
        self._arrows: list[QLabel] = []  # "→" between the columns of the left-to-right flow
        self._across = False  # the left-to-right flow (see ACROSS_RATIO)
        self._box_width = _UNIT_BOX_WIDTH
        self._weights_beside = False  # the incoming-weights picture left of the unit box's controls
        self._weight_views: list[_MapView] = []
        self._accuracy: tuple[float, float] | None = None  # (original, edited)
        self._stale = False
        self.hover_text = ""

        # ---- the example ---------------------------------------------------------------------------
        self.test_digit_spin = QSpinBox()
        self.test_digit_spin.setObjectName("layersViewTestDigit")
        self.test_digit_spin.setAccessibleName(self.tr("Test digit"))
        self.test_digit_spin.setToolTip(self.tr("Which test image to show when the canvas is empty"))
        digit_label = QLabel(self.tr("Test digit:"))
        digit_label.setBuddy(self.test_digit_spin)
        self.source_label = QLabel()
        self.source_label.setObjectName("layersViewSource")
        # never widens the panel (left to right it sits in the tab bar's corner): it gets what is left
        self.source_label.setMinimumWidth(1)
        # above the tabs top to bottom; in the tab bar's corner left to right, where height is scarce
        self._top_bar = QWidget()
        top = QHBoxLayout(self._top_bar)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(digit_label)
        top.addWidget(self.test_digit_spin)
        top.addWidget(self.source_label, 1)

        # ---- tab 1: the layers ---------------------------------------------------------------------
        self.scroll = QScrollArea()
        self.scroll.setObjectName("layersViewScroll")
        self.scroll.setAccessibleName(self.tr("Layer outputs"))
        self.scroll.setToolTip(self.tr("Every layer's output for this digit, from the input down to the answer"))
        self.scroll.setWidgetResizable(True)
        self._column = QWidget()
        self._column_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._column)
        self._column_layout.setSpacing(8)
        self._column_margins = self._column_layout.contentsMargins()
        self.scroll.setWidget(self._column)
        self.scroll.installEventFilter(self)  # its height decides the size of the maps left to right
        self.hint_label = QLabel()
        self.hint_label.setObjectName("layersViewHint")
        self.hint_label.setWordWrap(True)
        layers_tab = QWidget()
        layers_layout = QVBoxLayout(layers_tab)
        layers_layout.setContentsMargins(0, 4, 0, 0)
        layers_layout.addWidget(self.hint_label)
        layers_layout.addWidget(self.scroll, 1)

        # ---- tab 2: first Dense layer's weights, tab 3: conv filters (filled by _show_weight_tabs) -------
        self._dense_widget = QWidget()
        self._dense_layout = QVBoxLayout(self._dense_widget)
        dense_scroll = QScrollArea()
        dense_scroll.setObjectName("layersViewDenseScroll")
        dense_scroll.setAccessibleName(self.tr("What the first Dense units look for"))
        dense_scroll.setWidgetResizable(True)
        dense_scroll.setWidget(self._dense_widget)
        self._filters_widget = QWidget()
        self._filters_layout = QVBoxLayout(self._filters_widget)
        filters_scroll = QScrollArea()
        filters_scroll.setObjectName("layersViewFiltersScroll")
        filters_scroll.setAccessibleName(self.tr("Conv filters"))
        filters_scroll.setWidgetResizable(True)
        filters_scroll.setWidget(self._filters_widget)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("layersViewTabs")
        self.tabs.setAccessibleName(self.tr("Views of the layers"))
        self.tabs.addTab(layers_tab, self.tr("Layer outputs"))
        self.tabs.addTab(dense_scroll, self.tr("First Dense units"))
        self.tabs.addTab(filters_scroll, self.tr("Conv filters"))

        # ---- the selected unit -----------------------------------------------------------------------
        self.unit_box = QGroupBox(self.tr("Selected unit"))
        self.unit_box.setObjectName("layersViewUnitBox")
        self.unit_title = QLabel()
        self.unit_title.setObjectName("unitTitleLabel")
        self.unit_title.setWordWrap(True)
        self.unit_weights = QLabel()
        self.unit_weights.setObjectName("unitWeightsImage")
        self.unit_weights.setAccessibleName(self.tr("Incoming weights"))
        self.unit_weights.setToolTip(self.tr("The weights going into this unit: red > 0, blue < 0"))
        self.unit_weights.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scale_slider = QSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setObjectName("unitScaleSlider")
        self.scale_slider.setRange(0, 200)
        self.scale_slider.setSingleStep(5)
        self.scale_slider.setPageStep(25)
        self.scale_slider.setValue(100)
        self.scale_slider.setAccessibleName(self.tr("Scale of the unit's output"))
        self.scale_slider.setToolTip(self.tr("Multiply the unit's output: 0 % switches it off, 100 % leaves it as is"))
        self.scale_value = QLabel("100 %")
        self.scale_value.setMinimumWidth(44)
        scale_label = QLabel(self.tr("Scale:"))
        scale_label.setBuddy(self.scale_slider)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_slider, 1)
        scale_row.addWidget(self.scale_value)
        form = QFormLayout()
        form.addRow(scale_label, scale_row)
        self.switch_off_button = QPushButton(self.tr("Switch off"))
        self.switch_off_button.setObjectName("unitSwitchOffButton")
        self.switch_off_button.setAccessibleName(self.tr("Switch the unit off"))
        self.switch_off_button.setToolTip(self.tr("Set the selected unit's output to 0 and see what changes"))
        self.reset_button = QPushButton(self.tr("Reset edits"))
        self.reset_button.setObjectName("resetEditsButton")
        self.reset_button.setAccessibleName(self.tr("Reset all edits"))
        self.reset_button.setToolTip(self.tr("Give every unit its original output back"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_off_button)
        buttons.addWidget(self.reset_button)
        self.prediction_label = QLabel()
        self.prediction_label.setObjectName("editedPredictionLabel")
        self.prediction_label.setWordWrap(True)
        self.prediction_label.setAccessibleName(self.tr("Prediction"))
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("editedAccuracyLabel")
        self.accuracy_label.setWordWrap(True)
        self.accuracy_label.setAccessibleName(self.tr("Test accuracy"))
        self.save_button = QPushButton(self.tr("Save edited model…"))
        self.save_button.setObjectName("saveEditedModelButton")
        self.save_button.setAccessibleName(self.tr("Save the edited model"))
        self.save_button.setToolTip(self.tr("Save the network with its edits as a new model file (.dlsb)"))
        self.message_label = QLabel()
        self.message_label.setObjectName("layersViewMessage")
        self.message_label.setWordWrap(True)
        # the weights picture sits under the title top to bottom, left of the controls left to right
        self._unit_layout = QHBoxLayout(self.unit_box)
        box = self._unit_controls = QVBoxLayout()
        self._unit_layout.addLayout(box, 1)
        margins = self._unit_layout.contentsMargins()
        self._unit_margins = (margins.left(), margins.top(), margins.right(), margins.bottom())
        self._unit_spacing = box.spacing()
        box.addWidget(self.unit_title)
        box.addWidget(self.unit_weights)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addSpacing(6)
        box.addWidget(self.prediction_label)
        box.addWidget(self.accuracy_label)
        box.addWidget(self.save_button)
        box.addWidget(self.message_label)
        box.addStretch(1)

        # in a scroll area, so a short dock scrolls the box instead of squeezing the weight picture
        self._unit_scroll = QScrollArea()
        self._unit_scroll.setObjectName("layersViewUnitScroll")
        self._unit_scroll.setWidgetResizable(True)
        self._unit_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._unit_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._unit_scroll.setWidget(self.unit_box)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addWidget(self.tabs, 1)
        self._body.addWidget(self._unit_scroll)
        self._arrange(wide=True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._top_bar)
        self._layout.addLayout(self._body, 1)

        # ---- timers --------------------------------------------------------------------------------
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(TRAINING_REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_if_visible)
        self._accuracy_timer = QTimer(self)
        self._accuracy_timer.setSingleShot(True)
        self._accuracy_timer.setInterval(ACCURACY_DELAY_MS)
        self._accuracy_timer.timeout.connect(self._update_accuracy)
        self._accuracy_clock = QElapsedTimer()
        self._accuracy_lane = BackgroundLane("edited-accuracy", self)
        self._accuracy_lane.finished.connect(self._on_accuracy)
        self._accuracy_lane.failed.connect(self._on_accuracy_failed)
        # The old numbers stay, greyed, until the new ones arrive.
        self._accuracy_lane.busyChanged.connect(self._on_accuracy_busy)
        app = QCoreApplication.instance()
        if app is not None:  # no thread of this panel may outlive the application
            app.aboutToQuit.connect(self.shutdown)

        self.test_digit_spin.valueChanged.connect(self._on_test_digit)
        self.scale_slider.valueChanged.connect(self._on_scale)
        self.switch_off_button.clicked.connect(self.switch_off)
        self.reset_button.clicked.connect(self.reset_edits)
        self.save_button.clicked.connect(self._on_save)
        session.modelChanged.connect(self._on_model_changed)
        session.weightsChanged.connect(self._on_weights_changed)
        session.datasetChanged.connect(self._on_dataset_changed)
        self.test_digit_spin.blockSignals(True)
        self.test_digit_spin.setRange(0, max(len(session.dataset.y_test) - 1, 0))
        self.test_digit_spin.setValue(self.view.test_digit)  # a rebuilt panel shows the same example
        self.test_digit_spin.blockSignals(False)
        self.test_digit_spin.valueChanged.connect(self._remember_test_digit)
        self._on_model_changed()  # the same network as the view's keeps its edits and selected unit

    @Slot(int)
    def _remember_test_digit(self, index: int) -> None:
        self.view.test_digit = index

    # ---- public ----------------------------------------------------------------------------------
    def set_drawing(self, image: np.ndarray | None) -> None:
        """Show the canvas's network input (float32 (28, 28) or (28, 28, 1) in [0, 1]); None shows the test digit."""
        self._drawing = None if image is None else np.asarray(image, np.float32).reshape(28, 28, 1).copy()
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @property
    def edits(self) -> dict[tuple[int, int], float]:
        """A copy of the unit edits ``{(layer_index, unit): scale}``."""
        return dict(self._edits)

    @property
    def shows_drawing(self) -> bool:
        """True when the layers show the learner's drawing (not a test digit)."""
        return self._drawing is not None

    @property
    def selected_unit(self) -> tuple[int, int] | None:
        """``(layer_index, unit)`` of the selected unit, or None."""
        return self._selected

    def example(self) -> np.ndarray | None:
        """The image shown: the drawing, else the chosen test digit; float32 (28, 28, 1), or None."""
        if self._drawing is not None:
            return self._drawing
        data = self.session.dataset
        if not len(data.y_test):
            return None
        return data.x_test[self.test_digit_spin.value()]

    def layer_map(self, layer_index: int) -> _MapView:
        """The picture of layer ``layer_index``'s output (−1: the input row)."""
        return self._maps[layer_index + 1]

    def row_texts(self) -> list[str]:
        """The heading of every row (or column, left to right), Input first."""
        return [label.text() for label in self._row_labels]

    @property
    def left_to_right(self) -> bool:
        """True when the layers flow left to right (a wide, short panel; see ``ACROSS_RATIO``)."""
        return self._across

    def shown_output(self) -> np.ndarray | None:
        """The output layer's values as drawn (with the edits), float32 (classes,)."""
        return self._views[-1].output if self._views else None

    def select_unit(self, layer_index: int, unit: int) -> None:
        """Select a Dense unit or a Conv2D feature map (as a click on it does)."""
        model = self.session.model
        if model is None or not 0 <= layer_index < len(model.layers):
            return
        if not 0 <= unit < editable_units(model, layer_index):
            return
        self._selected = (layer_index, unit)
        self._show_unit()
        self._show_views()

    def set_scale(self, scale: float) -> None:
        """Scale the selected unit's output (0…2; 1 removes its edit)."""
        if self._selected is None:
            return
        scale = float(np.clip(scale, 0.0, 2.0))
        if scale == 1.0:
            self._edits.pop(self._selected, None)
        else:
            self._edits[self._selected] = scale
        self._edits_changed()

    def switch_off(self) -> None:
        """Switch the selected unit off (scale 0)."""
        self.set_scale(0.0)

    def reset_edits(self) -> None:
        """Remove every edit."""
        if self._edits:
            self._edits.clear()
            self._edits_changed()

    def hover(self, layer_index: int, unit: int, row: int = -1, col: int = -1) -> str:
        """The explanation shown when hovering a value of layer ``layer_index`` (−1: an input pixel)."""
        image = self.example()
        model = self.session.model
        if image is None or model is None:
            return ""
        if layer_index < 0:
            return self.tr("Pixel at row {row}, column {col}: {value}").format(
                row=row, col=col, value=_num(float(image[row, col, 0])))
        position = (row, col) if row >= 0 else None
        try:
            c = explain_unit(model, image, layer_index, unit, position, edits=self._edits, top_k=_TOP_TERMS)
        except sb.SandboxError:
            return ""
        return self._explanation(c)

    def refresh(self) -> None:
        """Recompute and redraw everything for the current example and weights."""
        self._stale = False
        model = self.session.model
        image = self.example()
        self._update_source_label()
        if model is None or image is None:
            self._views, self._plain_output = [], None
            self._rebuild_rows()
            self._show_prediction()
            return
        try:
            self._views = forward_views(model, image, self._edits)
            self._plain_output = forward_views(model, image)[-1].output if self._edits else self._views[-1].output
        except sb.SandboxError as exc:
            self._views, self._plain_output = [], None
            self.message_label.setText(friendly(exc))
        if len(self._maps) != len(self._views) + 1:
            self._rebuild_rows()
        self._show_views()
        self._show_prediction()

    # ---- explanations ----------------------------------------------------------------------------
    def _explanation(self, c: UnitComputation) -> str:
        if c.position is not None:
            head = self.tr("{layer}, map {unit}, row {row}, column {col}").format(
                layer=c.layer_name, unit=c.unit, row=c.position[0], col=c.position[1])
        else:
            head = self.tr("{layer}, unit {unit}").format(layer=c.layer_name, unit=c.unit)
        lines = [head]
        if c.kind == "weighted":
            terms = " + ".join(f"{_num(t.x)}×{_num(t.w)}" for t in c.terms)
            others = c.n_terms - len(c.terms)
            if others:
                lines.append(self.tr("z = {terms} + {rest} (the other {n} terms) + {bias} (bias) = {z}").format(
                    terms=terms, rest=_num(c.rest), n=others, bias=_num(c.bias), z=_num(c.z)))
            else:
                lines.append(self.tr("z = {terms} + {bias} (bias) = {z}").format(
                    terms=terms, bias=_num(c.bias), z=_num(c.z)))
            if c.activation == "softmax":  # not one unit's function: it compares the z of every unit
                lines.append(self.tr("a = softmax of the z of all units, at unit {unit} = {a}").format(
                    unit=c.unit, a=_num(c.activated)))
            else:
                lines.append(self.tr("a = {activation}(z) = {a}").format(activation=c.activation,
                                                                         a=_num(c.activated)))
        elif c.kind == "pool":
            values = ", ".join(_num(v) for v in c.inputs.reshape(-1) if not math.isnan(v))
            text = self.tr("max of {values} = {value}") if c.class_name == "MaxPooling2D" \
                else self.tr("mean of {values} = {value}")
            lines.append(text.format(values=values, value=_num(c.value)))
        elif c.kind == "activation":
            lines.append(self.tr("a = {activation}({z}) = {a}").format(activation=c.activation, z=_num(c.z),
                                                                      a=_num(c.value)))
        else:
            lines.append(self.tr("The same value as in the layer before: {value}").format(value=_num(c.value)))
        if c.scale != 1.0:
            lines.append(self.tr("Edited: {scale:.0f} % of it = {value}").format(scale=100 * c.scale,
                                                                                 value=_num(c.value)))
        return "\n".join(lines)

    def _on_hovered(self, unit: int, row: int, col: int, global_pos: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, _MapView):
            return
        if view.shows_weights:
            self.hover_text = self.tr("{layer}, unit {unit}: weight at row {row}, column {col} = {w}").format(
                layer=self.session.model.layers[view.layer_index].name, unit=unit, row=row, col=col,
                w=_num(float(view.values[row, col, unit])))
        else:
            self.hover_text = self.hover(view.layer_index, unit, row, col)
            self.layerFollowed.emit(view.layer_index)
        QToolTip.showText(global_pos, self.hover_text, view)

    def _on_clicked(self, unit: int, _row: int, _col: int) -> None:
        view = self.sender()
        if isinstance(view, _MapView):
            self.select_unit(view.layer_index, unit)

    # ---- rows ------------------------------------------------------------------------------------
    def _rebuild_rows(self) -> None:
        self._clear(self._column_layout)
        self._maps, self._row_labels, self._cells, self._arrows = [], [], [], []
        if not self._views:
            empty = QLabel(self.tr("The network does not fit together yet, so there is nothing to show."))
            empty.setWordWrap(True)
            self._column_layout.addWidget(empty)
            self._column_layout.addStretch(1)
            return
        for index in range(-1, len(self._views)):
            if index >= 0:
                arrow = QLabel("→")
                arrow.setObjectName("layersViewArrow")
                font = arrow.font()
                font.setPointSizeF(font.pointSizeF() * 1.6)
                arrow.setFont(font)
                arrow.setVisible(self._across)
                self._column_layout.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)
                self._arrows.append(arrow)
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            label = QLabel()
            label.setObjectName("layersViewRowLabel")
            label.setFont(self._heading_font())
            view = _MapView(index)
            view.setObjectName("layersViewMap")
            name = self.tr("Input") if index < 0 else self._views[index].name
            view.setAccessibleName(self.tr("Output of {layer}").format(layer=name))
            view.hovered.connect(self._on_hovered)
            view.clicked.connect(self._on_clicked)
            cell_layout.addWidget(label)
            cell_layout.addWidget(view)
            cell_layout.addStretch(1)
            self._column_layout.addWidget(cell)
            self._maps.append(view)
            self._row_labels.append(label)
            self._cells.append(cell)
        self._column_layout.addStretch(1)
        self._place_maps()

    def _show_views(self) -> None:
        if not self._views or not self._maps:
            return
        image = self.example()
        shape, low, high = "×".join(map(str, image.shape)), _num(float(image.min())), _num(float(image.max()))
        self._row_labels[0].setToolTip(self.tr("Input · {shape} · values {low} … {high}").format(
            shape=shape, low=low, high=high))
        if self._across:  # a narrow column: the name on one line, shape and range on the next
            self._row_labels[0].setText(self.tr("Input\n{shape}\n{low} … {high}").format(
                shape=shape, low=low, high=high))
        else:
            self._row_labels[0].setText(self._row_labels[0].toolTip())
        self._maps[0].set_data(image, tile=_INPUT_TILE)
        last = len(self._views) - 1
        for v, label, view in zip(self._views, self._row_labels[1:], self._maps[1:], strict=True):
            shape, low, high = "×".join(map(str, v.shape)), _num(v.minimum), _num(v.maximum)
            label.setToolTip(self.tr("{name} ({kind}) · {shape} · values {low} … {high}").format(
                name=v.name, kind=v.class_name, shape=shape, low=low, high=high))
            if self._across:
                label.setText(self.tr("{name}\n{shape}\n{low} … {high}").format(
                    name=v.name, shape=shape, low=low, high=high))
            else:
                label.setText(label.toolTip())
            scales = {u: s for (i, u), s in self._edits.items() if i == v.index}
            selected = self._selected[1] if self._selected and self._selected[0] == v.index else None
            is_output = v.index == last and v.output.ndim == 1 and v.output.size <= _BAR_ROWS
            labels = list(self.session.dataset.class_names[:v.output.size]) if is_output else None
            if labels is not None and len(labels) < v.output.size:
                labels = [str(u) for u in range(v.output.size)]
            reference = self._plain_output if is_output and self._edits else None
            view.set_data(v.output, labels=labels, probabilities=is_output and v.activation == "softmax",
                          reference=reference, scales=scales, selected=selected)
        if self._across:  # the headings' widths changed with the numbers: fit the columns again
            self._place_maps()

    # ---- prediction and accuracy -------------------------------------------------------------------
    def _prediction_text(self, out: np.ndarray) -> str:
        names = self.session.dataset.class_names
        k = int(np.argmax(out))
        name = names[k] if k < len(names) else str(k)
        if self._views and self._views[-1].activation == "softmax":
            return self.tr("{digit} ({p:.0f} %)").format(digit=name, p=100 * float(out[k]))
        return self.tr("{digit} (output {value})").format(digit=name, value=_num(float(out[k])))

    def _show_prediction(self) -> None:
        if self._edits:
            self.hint_label.setText(self.tr("Orange marks on the output bars: the values without your edits."))
            self.prediction_label.setToolTip(self.hint_label.text())
        else:
            self.hint_label.setText(self.tr("Hover a value to see how it was computed. Click a feature map or a "
                                            "Dense unit to select it."))
            self.prediction_label.setToolTip("")
        if not self._views or self._plain_output is None or self._plain_output.ndim != 1:
            self.prediction_label.setText(self.tr("No prediction: the network cannot run."))
            return
        original = self._prediction_text(self._plain_output)
        if self._edits:
            self.prediction_label.setText(self.tr("Prediction: {original}\nWith the edits: {edited}").format(
                original=original, edited=self._prediction_text(self._views[-1].output)))
        else:
            self.prediction_label.setText(self.tr("Prediction: {original}").format(original=original))

    def _schedule_accuracy(self) -> None:
        if not self._accuracy_timer.isActive():
            self._accuracy_timer.start()

    def _update_accuracy(self) -> None:
        if not self.isVisible():  # scoring the test set costs tens of ms: only for a learner who sees it
            self._stale = True
            return
        model, data = self.session.model, self.session.dataset
        if model is None or not len(data.y_test):
            self._accuracy = None
            self.accuracy_label.setText("")
            return
        if self.session.is_training() and self._accuracy_clock.isValid() \
                and self._accuracy_clock.elapsed() < TRAINING_ACCURACY_MS:
            self._accuracy_timer.start(TRAINING_ACCURACY_MS - int(self._accuracy_clock.elapsed()))
            return
        self._accuracy_clock.start()
        # A copy taken now (the session's model changes in place while training); the test arrays never change.
        self._accuracy_lane.submit(_accuracies_job, model.copy(), data.x_test, data.y_test, dict(self._edits))

    def shutdown(self) -> None:
        """Cancel the accuracy computation and wait for it (before the application quits)."""
        self._accuracy_lane.shutdown()

    def _on_accuracy(self, result: tuple[float, float, dict], _job: Job) -> None:
        original, edited, edits = result
        if edits != self._edits:  # edited again meanwhile: the timer brings the numbers of the new edits
            return
        self._accuracy = (original, edited)
        if self._edits:
            text = self.tr("Test accuracy: {original:.1f} %\nWith the edits: {edited:.1f} %")
            self.accuracy_label.setText(text.format(original=100 * original, edited=100 * edited))
        else:
            self.accuracy_label.setText(self.tr("Test accuracy: {original:.1f} %").format(original=100 * original))
        self.accuracyUpdated.emit(float(original), float(edited))

    def _on_accuracy_busy(self, busy: bool) -> None:
        self.accuracy_label.setEnabled(not busy)

    def _on_accuracy_failed(self, error: BaseException, _job: Job) -> None:
        if not isinstance(error, sb.SandboxError):
            raise error  # a bug, not a network that cannot run: let it be seen
        self.message_label.setText(friendly(error))

    @property
    def accuracy(self) -> tuple[float, float] | None:
        """The last computed ``(original, edited)`` test accuracies (fractions), or None."""
        return self._accuracy

    # ---- the selected unit ---------------------------------------------------------------------------
    def _show_unit(self) -> None:
        model = self.session.model
        has_unit = self._selected is not None and model is not None
        for widget in (self.scale_slider, self.switch_off_button):
            widget.setEnabled(has_unit)
        self.reset_button.setEnabled(bool(self._edits))
        self.save_button.setEnabled(bool(self._edits))
        if not has_unit:
            self.unit_title.setText(self.tr("Click a unit of a Dense layer, or a feature map of a Conv2D layer, "
                                            "to see its weights and switch it off."))
            self.unit_weights.clear()
            self._set_slider(100)
            return
        index, unit = self._selected
        layer = model.layers[index]
        if layer.__class__.__name__ == "Conv2D":
            self.unit_title.setText(self.tr("{layer}, feature map {unit} ({activation}): its filter, one picture "
                                            "per input channel").format(layer=layer.name, unit=unit,
                                                                        activation=layer.activation.name))
        else:
            self.unit_title.setText(self.tr("{layer}, unit {unit} ({activation}): its incoming weights").format(
                layer=layer.name, unit=unit, activation=layer.activation.name))
        weights = incoming_weights(model, index, unit)
        if weights.ndim == 3:
            pictures = weights
        else:  # one weight per input unit, no picture to follow: a square block, row by row
            side = math.ceil(math.sqrt(weights.size))
            pictures = np.full(side * side, np.nan)
            pictures[:weights.size] = weights
            pictures = pictures.reshape(1, side, side)
        self.unit_weights.setPixmap(_weights_pixmap(pictures, _ACROSS_WEIGHTS if self._weights_beside else 220))
        self._set_slider(round(100 * self._edits.get(self._selected, 1.0)))

    def _set_slider(self, value: int) -> None:
        self.scale_slider.blockSignals(True)
        self.scale_slider.setValue(value)
        self.scale_slider.blockSignals(False)
        self.scale_value.setText(self.tr("{0} %").format(value))

    def _on_scale(self, value: int) -> None:
        self.scale_value.setText(self.tr("{0} %").format(value))
        self.set_scale(value / 100)

    def _edits_changed(self) -> None:
        self.message_label.clear()
        self._show_unit()
        self.refresh()
        self._accuracy_timer.start()  # restart: a slider drag ends in one evaluation
        self.editsChanged.emit(dict(self._edits))

    def _on_save(self) -> None:
        model = self.session.model
        if model is None or not self._edits:
            return
        try:
            baked = bake_edits(model, self._edits)
        except EditError as exc:
            if exc.layer_name is None:
                self.message_label.setText(friendly(exc))
            else:
                activation = model.get_layer(exc.layer_name).activation.name
                self.message_label.setText(self.tr(
                    "The edit of {layer} cannot be saved: its activation {activation} does not simply scale, and no "
                    "layer after it can take the edit. Reset that edit to save.").format(
                        layer=exc.layer_name, activation=activation))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save edited model"), "",
                                              self.tr("Deep Learning Sandbox models (*.dlsb)"))
        if not path:
            return
        if not path.endswith(".dlsb"):
            path += ".dlsb"
        try:
            sb.io.save_model(baked, path, include_optimizer=False)
        except (sb.SandboxError, OSError) as exc:
            reason = friendly(exc) if isinstance(exc, sb.SandboxError) else (exc.strerror or str(exc))
            self.message_label.setText(self.tr("Could not save: {reason}").format(reason=reason))
            return
        self.message_label.setText(self.tr("Saved the edited model as {file}.").format(file=path))

    # ---- weights as pictures -------------------------------------------------------------------------
    @staticmethod
    def _clear(layout: QBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # deleteLater waits for the event loop: hide it now
                item.widget().deleteLater()

    def _weights_view(self, layer_index: int, pictures: np.ndarray, tile: int) -> _MapView:
        """Clickable blue/red tiles of (n, h, w) weights; clicking one selects that unit of ``layer_index``."""
        view = _MapView(layer_index, weights=True)
        view.setObjectName("layersViewWeights")
        view.setAccessibleName(self.tr("Weights of {layer}").format(layer=self.session.model.layers[layer_index].name))
        view.setToolTip(self.tr("Red weights > 0, blue < 0. Click a picture to select its unit."))
        view.hovered.connect(self._on_hovered)
        view.clicked.connect(self._on_clicked)
        view.set_data(np.moveaxis(pictures, 0, -1), tile=tile)
        self._weight_views.append(view)
        return view

    def _update_weight_tabs(self) -> None:
        """New weights, same network: redraw the weight pictures in place (keeps the scroll positions)."""
        model = self.session.model
        for view in self._weight_views:
            if view.layer_index < len(model.layers) and model.layers[view.layer_index].__class__.__name__ == "Conv2D":
                pictures = conv_filters(model, view.layer_index)
            else:
                pictures = first_dense_images(model)
            view.set_data(np.moveaxis(pictures, 0, -1), tile=view.tile)

    def _show_weight_tabs(self) -> None:
        model = self.session.model
        self._weight_views = []
        self._clear(self._dense_layout)
        images = first_dense_images(model) if model is not None else None
        if images is None:
            text = self.tr("This network's first Dense layer does not look at the pixels directly (or there is "
                           "none), so its weights are not pictures of the digit. Try the MLP or logistic "
                           "regression preset.")
        else:
            text = self.tr("Each picture is one unit of the first Dense layer: its 784 weights, one per pixel. "
                           "Red pixels of the digit push the unit up, blue ones push it down.")
        caption = QLabel(text)
        caption.setWordWrap(True)
        self._dense_layout.addWidget(caption)
        if images is not None:
            index = next(i for i, layer in enumerate(model.layers) if layer.__class__.__name__ == "Dense")
            view = self._weights_view(index, images, 72)
            view.setAccessibleName(self.tr("What the first Dense units look for"))
            self._dense_layout.addWidget(view)
        self._dense_layout.addStretch(1)

        self._clear(self._filters_layout)
        found = False
        for index, layer in enumerate(model.layers if model is not None else []):
            if layer.__class__.__name__ != "Conv2D":
                continue
            found = True
            channels = layer.params["kernel"].shape[2]
            text = self.tr("{layer}: {n} filters of {h}×{w}").format(
                layer=layer.name, n=layer.filters, h=layer.kernel_size[0], w=layer.kernel_size[1])
            if channels > 1:
                text += " " + self.tr("(mean over its {c} input channels)").format(c=channels)
            view = self._weights_view(index, conv_filters(model, index), 42)
            view.setAccessibleName(self.tr("Filters of {layer}").format(layer=layer.name))
            self._filters_layout.addWidget(QLabel(text))
            self._filters_layout.addWidget(view)
        if not found:
            self._filters_layout.addWidget(QLabel(self.tr("This network has no Conv2D layer.")))
        self._filters_layout.addStretch(1)

    # ---- reacting to the session -----------------------------------------------------------------
    def _on_model_changed(self) -> None:
        model = self.session.model
        architecture = model.get_config()["layers"] if model is not None else None
        if architecture != self._architecture:  # other units: the edits and the selection mean nothing now
            self._architecture = architecture
            self._edits.clear()
            self._selected = None
            self._maps = []  # refresh() builds the rows of the new network
        self._show_unit()
        self._show_weight_tabs()
        self.refresh()
        self._accuracy_lane.cancel()  # the accuracies of weights that are gone
        self._accuracy = None
        self.accuracy_label.setText(self.tr("Test accuracy: computing…"))
        self._schedule_accuracy()

    def _on_weights_changed(self) -> None:
        self._stale = True
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()
            self._show_unit()
            self._update_weight_tabs()
            self._schedule_accuracy()

    def _arrange(self, wide: bool) -> None:
        """The unit box beside the layers in a wide panel, below them in a narrow dock."""
        beside = self._across and self._box_width >= _WEIGHTS_BESIDE
        if beside != self._weights_beside:
            self._weights_beside = beside
            # beside, in a short panel: tighter margins so that the buttons and the numbers need no scrolling
            self._unit_layout.setContentsMargins(*((6, 2, 6, 2) if beside else self._unit_margins))
            self._unit_controls.setSpacing(4 if beside else self._unit_spacing)
            if beside:
                self._unit_controls.removeWidget(self.unit_weights)
                self._unit_layout.insertWidget(0, self.unit_weights, 0, Qt.AlignmentFlag.AlignTop)
            else:
                self._unit_layout.removeWidget(self.unit_weights)
                self._unit_controls.insertWidget(1, self.unit_weights)
            self._show_unit()  # a smaller picture beside the controls
        if wide:
            self._body.setDirection(QBoxLayout.Direction.LeftToRight)
            self._unit_scroll.setFixedWidth(self._box_width)
            self._unit_scroll.setMinimumHeight(0)
            self._unit_scroll.setMaximumHeight(16777215)
        else:
            self._body.setDirection(QBoxLayout.Direction.TopToBottom)
            self._unit_scroll.setMinimumWidth(0)
            self._unit_scroll.setMaximumWidth(16777215)
            self._unit_scroll.setFixedHeight(_NARROW_UNIT_BOX_HEIGHT)

    def _set_across(self, across: bool) -> None:
        """Switch between the left-to-right and the top-to-bottom flow (moves widgets; no forward pass)."""
        self._across = across
        self.setUpdatesEnabled(False)  # one repaint once every widget has moved: no flicker
        if across:
            self._column_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._column_layout.setSpacing(2)
            self._column_layout.setContentsMargins(4, 4, 4, 4)
        else:
            self._column_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._column_layout.setSpacing(8)
            self._column_layout.setContentsMargins(self._column_margins)
        for arrow in self._arrows:
            arrow.setVisible(across)
        # left to right every pixel of height goes to the maps; the unit box's title says what a click does
        self.hint_label.setVisible(not across)
        for label in self._row_labels:
            label.setFont(self._heading_font())
        self._show_views()  # the headings: three short lines above a column, one long line above a row
        self._place_maps()
        self.setUpdatesEnabled(True)

    def _heading_font(self) -> QFont:
        font = QFont(self.font())
        if self._across:  # three short lines above a narrow column
            font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def _place_maps(self) -> None:
        """Give every map its place in the current flow (cheap: geometry only, the pictures are kept).

        Left to right the maps fill the height below the headings, and their tiles are as large as lets every
        column fit in the visible width (never below ``_MIN_TILE`` px: then the row scrolls).
        """
        if not self._across:
            for cell, view in zip(self._cells, self._maps, strict=True):
                cell.layout().setAlignment(view, Qt.AlignmentFlag(0))
                view.set_across(0)
            return
        frame = 2 * self.scroll.frameWidth()
        scrollbar = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = self._column_layout.contentsMargins()
        lines = 3 * QFontMetrics(self._heading_font()).lineSpacing()
        heading = max([lines] + [label.sizeHint().height() for label in self._row_labels]) + 2  # + the spacing
        height = max(_MIN_TILE, self.scroll.height() - frame - scrollbar - margins.top() - margins.bottom() - heading)
        width = self.scroll.width() - frame - margins.left() - margins.right()
        spacing = self._column_layout.spacing()
        fixed = sum(arrow.sizeHint().width() + 2 * spacing for arrow in self._arrows)
        headings = [label.sizeHint().width() for label in self._row_labels]
        min_tile = _MIN_TILE
        for tile in range(_MAX_TILE, _MIN_TILE - 1, -2):  # the largest tiles with which everything fits
            needed = fixed + sum(max(h, view.across_size(height, tile).width())
                                 for h, view in zip(headings, self._maps, strict=True))
            if needed <= width:
                min_tile = tile
                break
        for cell, view in zip(self._cells, self._maps, strict=True):
            cell.layout().setAlignment(view, Qt.AlignmentFlag.AlignLeft)
            view.set_across(height, min_tile)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll and event.type() == QEvent.Type.Resize and self._across:
            self._place_maps()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        across = size.width() >= ACROSS_RATIO * size.height() and size.width() >= ACROSS_MIN_WIDTH
        switched = across != self._across
        if switched:
            self._set_across(across)
        wide = across or size.width() >= _WIDE  # left to right the panel is short: the unit box goes beside
        box = min(_ACROSS_UNIT_BOX_WIDTH, max(_UNIT_BOX_WIDTH, size.width() * 3 // 10)) if across else _UNIT_BOX_WIDTH
        if switched or box != self._box_width or wide != (self._body.direction() == QBoxLayout.Direction.LeftToRight):
            self._box_width = box
            self._arrange(wide)
        # left to right the test-digit line goes into the tab bar's corner if it fits there beside the tabs
        room = size.width() - (self._box_width if wide else 0) - self.tabs.tabBar().sizeHint().width() - 40
        corner = across and room >= self._top_bar.sizeHint().width()
        moved = corner != (self.tabs.cornerWidget(Qt.Corner.TopRightCorner) is self._top_bar)
        if moved:
            self._place_top_bar(corner)
        if switched or moved:  # place the tabs now, so that the maps are fitted once to their final height
            self._layout.activate()

    def _place_top_bar(self, corner: bool) -> None:
        """The test-digit line in the tab bar's corner (saves a line of height) or above the tabs."""
        if corner:
            self._layout.removeWidget(self._top_bar)
            self.tabs.setCornerWidget(self._top_bar, Qt.Corner.TopRightCorner)
        else:
            self.tabs.setCornerWidget(None, Qt.Corner.TopRightCorner)
            self._layout.insertWidget(0, self._top_bar)
        self._top_bar.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_if_visible()

    def _on_dataset_changed(self) -> None:
        n = len(self.session.dataset.y_test)
        self.test_digit_spin.setRange(0, max(n - 1, 0))
        if self._drawing is None:
            self.refresh()

    def _on_test_digit(self, _index: int) -> None:
        self._drawing = None  # choosing a test digit shows it, even after a drawing
        self.refresh()

    def _update_source_label(self) -> None:
        if self._drawing is not None:
            self.source_label.setText(self.tr("Showing your drawing"))
            return
        data = self.session.dataset
        if not len(data.y_test):
            self.source_label.setText(self.tr("No test digits"))
            return
        label = int(data.y_test[self.test_digit_spin.value()])
        name = data.class_names[label] if label < len(data.class_names) else str(label)
        self.source_label.setText(self.tr("Showing test image #{index} (a {digit}); draw to see yours")
                                  .format(index=self.test_digit_spin.value(), digit=name))


def _accuracies_job(model: sb.Sequential, x: np.ndarray, y: np.ndarray, edits: dict[tuple[int, int], float], *,
                    stop: sb.StopToken) -> tuple[float, float, dict[tuple[int, int], float]]:
    """``(original, edited, edits)`` test accuracies of ``model`` on float32 (N, 28, 28, 1) ``x`` and (N,) ``y``.

    Runs in a lane's thread on a model copy nobody else touches; ``edits`` comes back so the GUI thread can tell
    whether the learner changed them meanwhile.
    """
    original = edited_accuracy(model, x, y, stop=stop)
    edited = edited_accuracy(model, x, y, edits, stop=stop) if edits else original
    return original, edited, edits
