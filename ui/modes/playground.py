"""The playground mode: TensorFlow Playground in the sandbox — 2-D data, a live decision boundary, a drawn network.

The learner picks a data set (circle, xor, Gaussian, spiral, two regressions), its noise and test
share, and which features of a point the network reads (x1, x2, x1², x2², x1x2, sin x1, sin x2);
builds the network with the reused layer stack and training panels; and watches the network's
answer over the whole plane (the heatmap) and inside every unit (the network diagram) change as it
trains. A setup can be shared as a small ``.dlplay`` file.

The mode owns a :class:`~ui.playground_session.PlaygroundSession` and composes the panels of
``ui.panels`` on it. Heavy redraws (the heatmap, the diagram, the loss numbers) happen on a timer at
most :data:`REFRESH_MS` apart, only after the session said something changed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSignalBlocker, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QIcon,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox import playground as engine
from sandbox.datasets import toy

from ..actions import SessionCommands, TrainingActions, bind_button
from ..engine_messages import friendly
from ..panels.controls import TrainingControls
from ..panels.layer_stack import LayerStackPanel
from ..panels.loop_diagram import LoopDiagramPanel
from ..panels.loss_plot import LossPlotPanel, LossView
from ..panels.settings import TrainingSettingsPanel
from ..playground_session import PlaygroundSession

__all__ = ["FEATURE_OBJECT_NAMES", "GRID_RESOLUTION", "NetworkDiagram", "PlaygroundMode"]

#: Palette layers that need an image input (or, for Flatten, a shape to flatten): not offered here.
IMAGE_LAYERS = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten")
#: Redraw the heatmap and the diagram at most ten times a second.
REFRESH_MS = 100
#: Cells per side of the decision-boundary heatmap.
GRID_RESOLUTION = 100
#: Cells per side of each thumbnail in the network diagram.
THUMB_RESOLUTION = 24

#: The feature toggle buttons' objectNames, by feature name.
FEATURE_OBJECT_NAMES = {"x1": "feature_x1", "x2": "feature_x2", "x1^2": "feature_x1sq", "x2^2": "feature_x2sq",
                        "x1*x2": "feature_x1x2", "sin(x1)": "feature_sinx1", "sin(x2)": "feature_sinx2"}

#: Playground's colours: blue for class 0 (and negative values), orange for class 1 (and positive).
BLUE = (8, 119, 189)
ORANGE = (245, 147, 34)
NEUTRAL = (238, 240, 241)


def diverging_lut(soften: float = 0.0, n: int = 256) -> np.ndarray:
    """Blue → light grey → orange, uint8 (n, 3); ``soften`` in [0, 1) blends every colour towards white."""
    t = np.linspace(-1.0, 1.0, n)[:, None]
    blue, mid, orange = (np.array(c, np.float64) for c in (BLUE, NEUTRAL, ORANGE))
    rgb = np.where(t < 0, mid + (blue - mid) * -t, mid + (orange - mid) * t)
    rgb = rgb + (255.0 - rgb) * soften
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


_STRONG_LUT = diverging_lut()
_SOFT_LUT = diverging_lut(soften=0.3)


def map_image(values: np.ndarray, low: float, high: float, lut: np.ndarray = _STRONG_LUT) -> QImage:
    """A row-major grid float (r, r) (row 0 at the bottom of the plane) as an RGB QImage, top row first."""
    with np.errstate(invalid="ignore"):
        t = np.clip((np.nan_to_num(values, nan=(low + high) / 2) - low) / max(high - low, 1e-12), 0, 1)
    rgb = np.ascontiguousarray(lut[np.rint(t * (len(lut) - 1)).astype(np.intp)][::-1])
    h, w = rgb.shape[:2]
    return QImage(rgb.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _color(rgb: tuple[int, int, int], alpha: int = 255) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


# ---- the network diagram -------------------------------------------------------------------------------
@dataclass
class _Column:
    """One column of the diagram: a title and one node per unit (an image and the words that name it)."""

    title: str
    subtitle: str
    images: list[QImage]
    names: list[str]
    biases: np.ndarray | None = None


class NetworkDiagram(QWidget):
    """The network drawn as Playground draws it: each unit a thumbnail of its output over the plane.

    Lines join every unit to the next layer's units; their colour is the sign of the weight (orange
    positive, blue negative) and their thickness its size relative to the largest weight. Hovering a
    line shows its weight, hovering a unit its bias; the arrow keys walk through the units and the
    caption under the drawing describes the selected one. Networks larger than
    :data:`sandbox.playground.MAX_DRAWN_LAYERS` × :data:`~sandbox.playground.MAX_DRAWN_UNITS` are not
    drawn: a note says so and only the output is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.setAccessibleName(self.tr("Network diagram"))
        self.setToolTip(self.tr("Each square shows what one unit answers over the plane. Hover a line for its "
                                "weight; use the arrow keys to walk through the units."))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._columns: list[_Column] = []
        self._kernels: list[np.ndarray] = []
        self._too_big = False
        self._note = ""
        self._selected: tuple[int, int] | None = None
        self._tooltip_base = self.toolTip()

    # ---- data ----------------------------------------------------------------------------------------
    def show_network(self, columns: list[_Column], kernels: list[np.ndarray]) -> None:
        """Draw ``columns`` (inputs, each Dense layer) joined by ``kernels`` float32 (units before, units after)."""
        self._columns, self._kernels, self._too_big, self._note = columns, kernels, False, ""
        if self._selected is not None:
            col, row = self._selected
            if col >= len(columns) or row >= len(columns[col].images):
                self._selected = None
        self._update_description()
        self.update()

    def show_output_only(self, output: _Column, note: str) -> None:
        """Draw only the output column, with ``note`` saying why."""
        self._columns, self._kernels, self._too_big, self._note = [output], [], True, note
        self._selected = None
        self._update_description()
        self.update()

    def thumbnail_count(self) -> int:
        """How many unit thumbnails are drawn (inputs included)."""
        return sum(len(c.images) for c in self._columns)

    def is_too_big(self) -> bool:
        """Whether the network was too big to draw (only its output is shown)."""
        return self._too_big

    def note_text(self) -> str:
        """The note shown instead of a too big network, else ``""``."""
        return self._note

    def caption_text(self) -> str:
        """The line under the drawing: the selected unit, or how to read the lines."""
        if self._too_big:
            return self._note
        if self._selected is None:
            return self.tr("Orange lines: positive weights, blue: negative; thicker means larger.")
        col, row = self._selected
        return self._node_text(col, row)

    # ---- geometry -------------------------------------------------------------------------------------
    def _node_rects(self) -> list[list[QRectF]]:
        """The rectangle of every node, by column then row, for the widget's current size."""
        if not self._columns:
            return []
        top, bottom, side = 44.0, 34.0, 10.0
        width, height = self.width() - 2 * side, self.height() - top - bottom
        n_cols = len(self._columns)
        col_w = width / n_cols
        rows = max(len(c.images) for c in self._columns)
        slot = height / max(rows, 1)
        size = max(8.0, min(64.0 if self._too_big else 46.0, slot * 0.8, col_w * 0.5))
        if self._too_big:
            size = max(8.0, min(width, height) * 0.6)
        rects = []
        for k, column in enumerate(self._columns):
            x = side + (k + 0.5) * col_w - size / 2
            n = len(column.images)
            y0 = top + (height - n * slot) / 2
            rects.append([QRectF(x, y0 + (i + 0.5) * slot - size / 2, size, size) for i in range(n)])
        return rects

    def _connections(self, rects: list[list[QRectF]]) -> Iterator[tuple[int, int, int, float, QPointF, QPointF]]:
        """(layer, from unit, to unit, weight, start point, end point) of every line."""
        for k, kernel in enumerate(self._kernels):
            if k + 1 >= len(rects):
                break
            for a, source in enumerate(rects[k]):
                for b, target in enumerate(rects[k + 1]):
                    if a < kernel.shape[0] and b < kernel.shape[1]:
                        yield k, a, b, float(kernel[a, b]), QPointF(source.right(), source.center().y()), \
                            QPointF(target.left(), target.center().y())

    def weight_at(self, pos: QPointF) -> tuple[int, int, int, float] | None:
        """The weight drawn nearest to ``pos`` (within 5 px): ``(layer, from unit, to unit, value)``."""
        best, best_distance = None, 5.0
        for k, a, b, w, p, q in self._connections(self._node_rects()):
            distance = _segment_distance(pos, p, q)
            if distance <= best_distance:
                best, best_distance = (k, a, b, w), distance
        return best

    def node_at(self, pos: QPointF) -> tuple[int, int] | None:
        """``(column, row)`` of the node under ``pos``, or None."""
        for col, column in enumerate(self._node_rects()):
            for row, rect in enumerate(column):
                if rect.adjusted(-2, -2, 2, 2).contains(pos):
                    return col, row
        return None

    def tooltip_text_at(self, pos: QPointF) -> str:
        """What hovering ``pos`` shows: a unit, a weight, or ``""``."""
        node = self.node_at(pos)
        if node is not None:
            return self._node_text(*node)
        hit = self.weight_at(pos)
        if hit is None:
            return ""
        k, a, b, w = hit
        return self.tr("Weight from {source} to {target}: {value}").format(
            source=self._columns[k].names[a], target=self._columns[k + 1].names[b], value=f"{w:+.3f}")

    def _node_text(self, col: int, row: int) -> str:
        column = self._columns[col]
        text = column.names[row]
        if column.biases is not None and row < len(column.biases):
            text = self.tr("{unit} — bias {bias}").format(unit=text, bias=f"{float(column.biases[row]):+.3f}")
        return text

    # ---- events ---------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Show the weight or unit under the pointer as a tooltip (the widget's own tooltip elsewhere)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text_at(QPointF(event.pos()))
            QToolTip.showText(event.globalPos(), text or self._tooltip_base, self)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys select a unit: Left/Right change the layer, Up/Down the unit; Escape clears."""
        key = event.key()
        if not self._columns or self._too_big or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
                                                              Qt.Key.Key_Down, Qt.Key.Key_Escape):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape:
            self._selected = None
        elif self._selected is None:
            self._selected = (0, 0)
        else:
            col, row = self._selected
            col += {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key, 0)
            row += {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(key, 0)
            col = max(0, min(len(self._columns) - 1, col))
            row = max(0, min(len(self._columns[col].images) - 1, row))
            self._selected = (col, row)
        self._update_description()
        self.update()
        event.accept()

    def _update_description(self) -> None:
        self.setAccessibleDescription(self.caption_text())

    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlpha(150)
        rects = self._node_rects()

        # lines first, so the thumbnails sit on top of them
        scale = max((float(np.max(np.abs(k))) for k in self._kernels if k.size), default=1.0) or 1.0
        for _k, _a, _b, w, p, q in self._connections(rects):
            strength = min(abs(w) / scale, 1.0)
            color = _color(ORANGE if w > 0 else BLUE, int(50 + 205 * strength))
            pen = QPen(color, 0.5 + 4.0 * strength)
            painter.setPen(pen)
            path = QPainterPath(p)
            dx = (q.x() - p.x()) / 2
            path.cubicTo(QPointF(p.x() + dx, p.y()), QPointF(q.x() - dx, q.y()), q)
            painter.drawPath(path)

        title_font = QFont(self.font())
        title_font.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        centres = [column_rects[0].center().x() for column_rects in rects if column_rects]
        # A caption may be as wide as the gap to its nearest neighbour: wider ones (Korean's "유닛 8개 · tanh" in a
        # narrow diagram) ran into each other. They shrink a little, then are elided (the tooltip has them whole).
        gap = min((b - a for a, b in itertools.pairwise(centres)), default=120.0)
        room = max(30.0, min(120.0, gap - 6))
        for column, column_rects in zip(self._columns, rects, strict=True):
            if not column_rects:
                continue
            centre = column_rects[0].center().x()
            painter.setPen(text_color)
            painter.setFont(title_font)
            painter.drawText(QRectF(centre - room / 2, 4, room, 18), Qt.AlignmentFlag.AlignCenter,
                             QFontMetricsF(title_font).elidedText(column.title, Qt.TextElideMode.ElideRight, room))
            painter.setPen(muted)
            fitted = QFont(small)
            while QFontMetricsF(fitted).horizontalAdvance(column.subtitle) > room and fitted.pointSizeF() > 6.5:
                fitted.setPointSizeF(fitted.pointSizeF() - 0.5)
            painter.setFont(fitted)
            painter.drawText(QRectF(centre - room / 2, 21, room, 16), Qt.AlignmentFlag.AlignCenter,
                             QFontMetricsF(fitted).elidedText(column.subtitle, Qt.TextElideMode.ElideRight, room))
            for image, rect in zip(column.images, column_rects, strict=True):
                painter.drawImage(rect, image)
                painter.setPen(QPen(muted, 1))
                painter.drawRect(rect)
        if self._selected is not None and rects:
            col, row = self._selected
            painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rects[col][row].adjusted(-3, -3, 3, 3))
        painter.setPen(text_color if self._too_big else muted)
        painter.setFont(self.font() if self._too_big else small)
        painter.drawText(QRectF(8, self.height() - 30, self.width() - 16, 28),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.caption_text())
        if self.hasFocus():
            painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    """Distance from ``p`` to the straight segment ``a``–``b`` (the drawn curve stays close to it)."""
    ax, ay, bx, by, px, py = a.x(), a.y(), b.x(), b.y(), p.x(), p.y()
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    # the drawn line is an S-curve between a and b; compare with it, not with the chord
    s = t * t * (3 - 2 * t)
    return math.hypot(px - (ax + t * dx), py - (ay + s * dy))


# ---- the mode ------------------------------------------------------------------------------------------
@dataclass
class PlaygroundView:
    """What the playground shows beyond its session, kept when the mode is rebuilt (see ui.view_state)."""

    loss: LossView = field(default_factory=LossView)


class PlaygroundMode(QWidget):
    """TensorFlow Playground, with any network the layer stack can build.

    Parameters
    ----------
    parent : QWidget, optional
    session : PlaygroundSession, optional
        The session to show; by default the mode makes its own. Either way the mode owns it (it becomes
        the session's parent), so a mode rebuilt for a language change can take over its
        predecessor's session, run and undo history included.

    actions : TrainingActions, optional
        The main window's shared training actions; the mode's Train, Step, Undo… buttons become views of
        them. Alone (in tests) the mode makes its own, acting on its session.

    Attributes
    ----------
    session : PlaygroundSession
    commands : SessionCommands
        The enable rules and commands for this mode's session (the main window points its actions here).
    """

    def __init__(self, parent: QWidget | None = None, session: PlaygroundSession | None = None,
                 actions: TrainingActions | None = None, view: PlaygroundView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playgroundMode")
        # What the mode shows beyond its session (the loss plot's runs): a mode rebuilt in another language gets
        # the view of the one it replaces, as the window's panels do (see ui.view_state).
        self.view = PlaygroundView() if view is None else view
        if session is not None and isinstance(session.parent(), PlaygroundMode):
            session.parent()._release_session()
        self.session = session if session is not None else PlaygroundSession()
        self.session.setParent(self)
        self.commands = SessionCommands(self.session, self)
        if actions is None:
            actions = TrainingActions(self)
            actions.set_target(self.commands)
        self.actions = actions
        self._test_metrics: dict[str, float] | None = None
        self._data_tooltips: dict[QWidget, str] = {}
        self._training_tip = self.tr("Stop training to change the data.")

        self._build_header()
        self._build_data_tab()
        self._build_output()
        self.diagram = NetworkDiagram(self)
        self.loss_panel = LossPlotPanel(self.session, self, view=self.view.loss)

        self.layer_panel = LayerStackPanel(self.session, self)
        self._hide_presets()
        self._hide_image_layers()
        self.settings_panel = TrainingSettingsPanel(self.session, self)
        self._hide_digit_settings()
        self.controls = TrainingControls(self.session, self, actions=self.actions)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("playgroundTabs")
        self.tabs.setAccessibleName(self.tr("Data, network and training"))
        self.tabs.addTab(_scrolled(self.data_tab), self.tr("Data"))
        self.tabs.addTab(_scrolled(self.layer_panel), self.tr("Network"))
        self.tabs.addTab(_scrolled(self.settings_panel), self.tr("Training"))
        self.loop_panel = LoopDiagramPanel(self.session, self)
        self.tabs.addTab(_scrolled(self.loop_panel), self.tr("Training loop"))
        self.tabs.setTabToolTip(0, self.tr("The points, their noise, and the features the network reads"))
        self.tabs.setTabToolTip(1, self.tr("The layers: add, remove and change them"))
        self.tabs.setTabToolTip(2, self.tr("Optimizer, learning rate, batch size, epochs"))
        self.tabs.setTabToolTip(3, self.tr("The loop of chapter 1, with the numbers of the last batch"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addWidget(self.controls)
        # Wide enough for the widest tab (the layer stack's table), so no tab is cut off on the right.
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        left.setMinimumWidth(max(w.minimumSizeHint().width() for w in (
            self.data_tab, self.layer_panel, self.settings_panel, self.controls)) + scrollbar + 12)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("playgroundRightSplitter")
        right.addWidget(self.diagram)
        right.addWidget(self.loss_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([420, 300])

        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.setObjectName("playgroundSplitter")
        body.addWidget(left)
        body.addWidget(self.output_box)
        body.addWidget(right)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 3)
        body.setStretchFactor(2, 2)
        body.setSizes([left.minimumWidth(), 480, 360])
        body.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self._header)
        layout.addWidget(self.message_label)
        layout.addWidget(body, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)

        s = self.session
        self._links = [
            (s.weightsChanged, self._schedule_refresh), (s.modelChanged, self._schedule_refresh),
            (s.networkChanged, self._on_network_changed), (s.datasetChanged, self._on_dataset_changed),
            (s.stateChanged, self._on_state_changed), (s.message, self.show_message),
            (s.undo_stack.canUndoChanged, self._update_undo_buttons),
            (s.undo_stack.canRedoChanged, self._update_undo_buttons),
            (s.undo_stack.indexChanged, self._update_undo_buttons),
        ]
        for signal, slot in self._links:
            signal.connect(slot)
        self._sync_data_controls()
        self._draw_points()
        self._on_state_changed(s.state)
        self._update_undo_buttons()
        self._refresh()

    # ---- construction --------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.explanation = QLabel(self.tr(
            "<b>What am I looking at?</b> Each dot is an example, placed by its two numbers (x1, x2) and "
            "coloured by its class. The background is the network's answer everywhere: orange for class 1, "
            "blue for class 0, pale where unsure. Pick features and layers, press Train, watch the boundary "
            "bend."), self)
        self.explanation.setObjectName("playgroundExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAccessibleName(self.tr("What am I looking at"))

        self.undo_button = self._header_button("playgroundUndoButton", self.tr("Undo"), self.tr("Undo"), None)
        self.redo_button = self._header_button("playgroundRedoButton", self.tr("Redo"), self.tr("Redo"), None)
        bind_button(self.undo_button, self.actions["undo"])
        bind_button(self.redo_button, self.actions["redo"])
        self.save_button = self._header_button("saveSetupButton", self.tr("Save set&up…"), self.tr(
            "Save the data, features, network and training settings as a small .dlplay file to share "
            "(the weights are not saved: whoever opens it presses Train)."), self._on_save_clicked)
        self.open_button = self._header_button("openSetupButton", self.tr("Open setup…"), self.tr(
            "Open a .dlplay setup: its data, features, network and settings, with fresh weights."),
            self._on_open_clicked)
        self._header = QHBoxLayout()
        self._header.addWidget(self.explanation, 1)
        for button in (self.undo_button, self.redo_button, self.save_button, self.open_button):
            self._header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("playgroundMessage")
        self.message_label.setAccessibleName(self.tr("Playground message"))
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)

    def _header_button(self, name: str, text: str, tooltip: str,
                       slot: Callable[[], object] | None) -> QPushButton:
        """A header button; without ``slot`` it is to be bound to an action (:func:`ui.actions.bind_button`)."""
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tooltip)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _dataset_names(self) -> dict[str, str]:
        return {"circle": self.tr("Circle"), "xor": self.tr("Exclusive or"), "gaussian": self.tr("Gaussian"),
                "spiral": self.tr("Spiral"), "reg_plane": self.tr("Plane (regression)"),
                "reg_gauss": self.tr("Multi Gaussian (regression)")}

    def _feature_labels(self) -> dict[str, tuple[str, str]]:
        """Button text and tooltip of each feature."""
        return {
            "x1": ("x1", self.tr("x1: the point's horizontal position")),
            "x2": ("x2", self.tr("x2: the point's vertical position")),
            "x1^2": (self.tr("x1²"), self.tr("x1²: large far left and far right")),
            "x2^2": (self.tr("x2²"), self.tr("x2²: large far up and far down")),
            "x1*x2": ("x1·x2", self.tr("x1·x2: positive in the top-right and bottom-left quarters")),
            "sin(x1)": (self.tr("sin(x1)"), self.tr("sin(x1): waves from left to right")),
            "sin(x2)": (self.tr("sin(x2)"), self.tr("sin(x2): waves from bottom to top")),
        }

    def _build_data_tab(self) -> None:
        self.data_tab = QWidget(self)
        self.data_tab.setObjectName("playgroundDataTab")
        data_group = QGroupBox(self.tr("Data"), self.data_tab)
        form = QFormLayout(data_group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.dataset_combo = QComboBox(data_group)
        self.dataset_combo.setObjectName("playgroundDatasetCombo")
        self.dataset_combo.setAccessibleName(self.tr("Data set"))
        self.dataset_combo.setToolTip(self.tr("Which points to learn: four ways of mixing two classes, and two "
                                              "regressions where each point has a number to predict."))
        self.dataset_combo.setIconSize(QSize(28, 28))
        for key, name in self._dataset_names().items():
            self.dataset_combo.addItem(_dataset_icon(key), name, key)
        self.dataset_combo.activated.connect(self._on_dataset_activated)
        self._add_row(form, self.tr("Data &set:"), self.dataset_combo)

        self.noise_slider = QSlider(Qt.Orientation.Horizontal, data_group)
        self.noise_slider.setObjectName("noiseSlider")
        self.noise_slider.setRange(0, 50)
        self.noise_slider.setSingleStep(5)
        self.noise_slider.setPageStep(10)
        self.noise_slider.setTickInterval(10)
        self.noise_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.noise_slider.setAccessibleName(self.tr("Noise"))
        self.noise_slider.setToolTip(self.tr("How much the points stray from the pattern (0–50%). Noisy data "
                                             "can't be fitted perfectly — and shouldn't be."))
        self.noise_slider.valueChanged.connect(self._on_noise_changed)
        self.noise_value = QLabel(data_group)
        self.noise_value.setMinimumWidth(40)
        noise_row = QHBoxLayout()
        noise_row.addWidget(self.noise_slider, 1)
        noise_row.addWidget(self.noise_value)
        self._add_row(form, self.tr("&Noise:"), noise_row, self.noise_slider)

        self.test_ratio_slider = QSlider(Qt.Orientation.Horizontal, data_group)
        self.test_ratio_slider.setObjectName("testRatioSlider")
        self.test_ratio_slider.setRange(1, 9)
        self.test_ratio_slider.setPageStep(1)
        self.test_ratio_slider.setTickInterval(1)
        self.test_ratio_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.test_ratio_slider.setAccessibleName(self.tr("Share of test data"))
        self.test_ratio_slider.setToolTip(self.tr("The share of points held back to test the network (10–90%). "
                                                  "It never trains on them."))
        self.test_ratio_slider.valueChanged.connect(self._on_test_ratio_changed)
        self.test_ratio_value = QLabel(data_group)
        self.test_ratio_value.setMinimumWidth(40)
        ratio_row = QHBoxLayout()
        ratio_row.addWidget(self.test_ratio_slider, 1)
        ratio_row.addWidget(self.test_ratio_value)
        self._add_row(form, self.tr("&Test data:"), ratio_row, self.test_ratio_slider)

        self.regenerate_button = QPushButton(self.tr("Re&generate"), data_group)
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setAccessibleName(self.tr("Regenerate the points"))
        self.regenerate_button.setToolTip(self.tr("Draw new points from the same pattern (a new seed)."))
        self.regenerate_button.clicked.connect(self._on_regenerate)
        form.addRow(self.regenerate_button)

        feature_group = QGroupBox(self.tr("Features: what the network reads"), self.data_tab)
        feature_group.setObjectName("playgroundFeatures")
        grid = QGridLayout(feature_group)
        grid.setSpacing(4)
        self.feature_buttons: dict[str, QToolButton] = {}
        maps = engine.input_maps(toy.FEATURES, engine.EXTENT, THUMB_RESOLUTION)
        for i, (name, (text, tip)) in enumerate(self._feature_labels().items()):
            button = QToolButton(feature_group)
            button.setObjectName(FEATURE_OBJECT_NAMES[name])
            button.setCheckable(True)
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            values = maps[toy.FEATURES.index(name)]
            limit = float(np.max(np.abs(values))) or 1.0
            button.setIcon(QIcon(QPixmap.fromImage(map_image(values, -limit, limit))))
            button.setIconSize(QSize(34, 34))
            button.setAccessibleName(self.tr("Feature {name}").format(name=text))
            button.setToolTip(self.tr("{what}. Press to feed it to the network, or to take it away.").format(
                what=tip))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.toggled.connect(self._on_feature_toggled)
            grid.addWidget(button, i // 4, i % 4)
            self.feature_buttons[name] = button
        feature_group.setStyleSheet(
            "#playgroundFeatures QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 3px; }"
            "#playgroundFeatures QToolButton:checked { border: 2px solid palette(highlight); font-weight: bold;"
            " background: palette(base); }"
            "#playgroundFeatures QToolButton:focus { border-style: dashed; }")
        self.feature_note = QLabel(self.tr("Each feature you switch on becomes one input of the network: "
                                           "the first layer gets one row of weights per feature."), feature_group)
        self.feature_note.setWordWrap(True)
        self.feature_note.setStyleSheet("color: palette(placeholder-text);")
        grid.addWidget(self.feature_note, 2, 0, 1, 4)

        for widget in (self.dataset_combo, self.noise_slider, self.test_ratio_slider, self.regenerate_button,
                       *self.feature_buttons.values()):
            self._data_tooltips[widget] = widget.toolTip()

        layout = QVBoxLayout(self.data_tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(data_group)
        layout.addWidget(feature_group)
        layout.addStretch(1)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget | QHBoxLayout,
                 buddy: QWidget | None = None) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy or field)
        form.addRow(label, field)

    def _build_output(self) -> None:
        self.output_box = QWidget(self)
        self.output_box.setObjectName("playgroundOutput")
        title = QLabel(self.tr("Output"), self.output_box)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.metrics_label = QLabel(self.output_box)
        self.metrics_label.setObjectName("playgroundMetrics")
        self.metrics_label.setAccessibleName(self.tr("Test and training loss"))
        self.metrics_label.setToolTip(self.tr("Loss on the test points (never trained on) and on the training "
                                              "points. When the test loss stays well above the training loss, "
                                              "the network is memorising."))
        self.metrics_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.heatmap = pg.PlotWidget(self.output_box, background=self.palette().color(self.backgroundRole()))
        self.heatmap.setObjectName("playgroundHeatmap")
        self.heatmap.setAccessibleName(self.tr("Decision boundary"))
        self.heatmap.setAccessibleDescription(self.tr(
            "The network's answer over the plane, with the training points filled and the test points as rings."))
        self.heatmap.setMinimumSize(260, 260)
        # Smooth scaling blends the grid's cells, as Playground's browser canvas does.
        self.heatmap.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.heatmap.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        plot = self.heatmap.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setContentsMargins(0, 8, 8, 0)  # room for the top and right tick labels
        plot.setMouseEnabled(x=False, y=False)
        x0, x1, y0, y1 = engine.EXTENT
        plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        plot.getViewBox().setAspectLocked(True)
        text_color = self.palette().color(self.foregroundRole())
        for name, label in (("bottom", "x1"), ("left", "x2")):
            axis = plot.getAxis(name)
            axis.setPen(text_color)
            axis.setTextPen(text_color)
            axis.enableAutoSIPrefix(False)  # plain units on x1 and x2, never "(x0.001)"
            axis.setLabel(label)
        self.heatmap_item = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.heatmap_item)
        self.train_scatter = pg.ScatterPlotItem(size=7, pxMode=True)
        self.test_scatter = pg.ScatterPlotItem(size=8, pxMode=True)
        plot.addItem(self.train_scatter)
        plot.addItem(self.test_scatter)

        self.show_test_check = QCheckBox(self.tr("Show test &data"), self.output_box)
        self.show_test_check.setObjectName("showTestDataCheck")
        self.show_test_check.setAccessibleName(self.tr("Show test data"))
        self.show_test_check.setToolTip(self.tr("Draw the test points too, as rings: the network never trains "
                                                "on them, so they show how well it generalises."))
        self.show_test_check.toggled.connect(self.test_scatter.setVisible)
        self.test_scatter.setVisible(False)
        self.discretize_check = QCheckBox(self.tr("Show classes onl&y"), self.output_box)
        self.discretize_check.setObjectName("discretizeCheck")
        self.discretize_check.setAccessibleName(self.tr("Show classes only"))
        self.discretize_check.setToolTip(self.tr("Colour each place by the class the network picks, without "
                                                 "the paler shades of doubt."))
        self.discretize_check.toggled.connect(self._schedule_refresh)
        self.legend = QLabel(self.output_box)
        self.legend.setObjectName("playgroundLegend")
        checks = QHBoxLayout()
        checks.addWidget(self.show_test_check)
        checks.addWidget(self.discretize_check)
        checks.addStretch(1)
        checks.addWidget(self.legend)

        layout = QVBoxLayout(self.output_box)
        layout.setContentsMargins(4, 0, 4, 0)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.metrics_label)
        layout.addLayout(head)
        layout.addWidget(_SquareBox(self.heatmap, self.output_box), 1)
        layout.addLayout(checks)

    def _hide_presets(self) -> None:
        # The presets are digit networks; the session refuses them, so the chooser only distracts here.
        combo = self.layer_panel.findChild(QComboBox, "presetCombo")
        if combo is None:
            return
        combo.setVisible(False)
        for label in self.layer_panel.findChildren(QLabel):
            if label.buddy() is combo:
                label.setVisible(False)

    def _hide_image_layers(self) -> None:
        """Take the image layers out of the palette: the input here is a flat vector of a few features.

        Conv2D and the pooling layers need an image and Flatten has nothing to flatten, so the palette
        keeps only Dense, Dropout and Activation, packed into one row without gaps.
        """
        palette = self.layer_panel.findChild(QGroupBox, "layerPalette")
        grid = palette.layout() if palette is not None else None
        if not isinstance(grid, QGridLayout):
            return
        kept: list[QWidget] = []
        for i in reversed(range(grid.count())):
            widget = grid.itemAt(i).widget()
            if widget is None:
                continue
            grid.removeWidget(widget)
            if widget.objectName() in {f"add{name}Button" for name in IMAGE_LAYERS}:
                widget.setVisible(False)
            else:
                kept.insert(0, widget)
        for i, widget in enumerate(kept):
            grid.addWidget(widget, 0, i)

    def _hide_digit_settings(self) -> None:
        # The test points validate every run and the points are not images: these two settings do nothing here.
        form = self.settings_panel.training_group.layout()
        for name in ("validationSplitSpin", "augmentCheck"):
            widget = self.settings_panel.findChild(QWidget, name)
            if widget is not None and isinstance(form, QFormLayout):
                form.setRowVisible(widget, False)

    # ---- public API ----------------------------------------------------------------------------------
    def mode_title(self) -> str:
        """The mode's name for the View → Mode menu."""
        return self.tr("Playground")

    def shutdown(self) -> None:
        """Stop the refresh timer and any training run (the main window calls this on close)."""
        self.session.shutdown()
        self._release_session()

    def _release_session(self) -> None:
        """Stop listening to the session: it is shutting down, or a rebuilt mode takes it over.

        Without this, the undo stack's last signals (sent while it is destroyed) would reach a mode
        whose session is already half gone.
        """
        self._refresh_timer.stop()
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._links = []

    def save_setup(self, path: str) -> bool:
        """Save the current setup to ``path``; a problem is shown in the mode and False returned."""
        try:
            self.session.save(path)
        except (sb.SandboxError, OSError) as exc:
            self.show_message(self.tr("Could not save {file}: {reason}").format(file=Path(path).name,
                                                                                reason=_reason(exc)), error=True)
            return False
        self.show_message(self.tr("Saved the setup as {file}.").format(file=Path(path).name))
        return True

    def open_setup(self, path: str) -> bool:
        """Open the setup at ``path``; a bad file shows a friendly message and changes nothing."""
        try:
            self.session.open(path)
        except (sb.SandboxError, OSError) as exc:
            self.show_message(self.tr("Could not open {file}: {reason}").format(file=Path(path).name,
                                                                                reason=_reason(exc)), error=True)
            return False
        self.show_message(self.tr("Opened {file}: press Train to run it.").format(file=Path(path).name))
        return True

    @Slot(str)
    def show_message(self, text: str, error: bool = False) -> None:
        """Show a one-line message above the playground (``""`` hides it)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        background, border = ("rgba(211, 47, 47, 28)", "rgba(211, 47, 47, 160)") if error else \
            ("rgba(8, 119, 189, 22)", "rgba(8, 119, 189, 120)")
        self.message_label.setStyleSheet(f"#playgroundMessage {{ background: {background}; border: 1px solid "
                                         f"{border}; border-radius: 4px; padding: 4px 8px; }}")

    def heatmap_image(self) -> np.ndarray | None:
        """What the heatmap shows: float32 (GRID_RESOLUTION, GRID_RESOLUTION), row-major, row 0 at x2 = -6."""
        return self.heatmap_item.image

    def test_metrics(self) -> dict[str, float] | None:
        """The test loss (and accuracy) the mode last displayed."""
        return self._test_metrics

    # ---- session → widgets ---------------------------------------------------------------------------
    @Slot()
    def _schedule_refresh(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    @Slot(object)
    def _on_network_changed(self, _spec: object) -> None:
        self._sync_data_controls()
        self._schedule_refresh()

    @Slot()
    def _on_dataset_changed(self) -> None:
        self._sync_data_controls()
        self._draw_points()
        self._schedule_refresh()

    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        training = self.session.is_training()
        for widget, tip in self._data_tooltips.items():
            widget.setEnabled(not training)
            widget.setToolTip(self._training_tip if training else tip)
        self.open_button.setEnabled(not training)
        self._update_undo_buttons()

    @Slot()
    def _update_undo_buttons(self) -> None:
        stack = self.session.undo_stack
        self.undo_button.setToolTip(self.tr("Undo: {action}").format(action=stack.undoText()) if stack.canUndo()
                                    else self.tr("Nothing to undo"))
        self.redo_button.setToolTip(self.tr("Redo: {action}").format(action=stack.redoText()) if stack.canRedo()
                                    else self.tr("Nothing to redo"))

    def _sync_data_controls(self) -> None:
        setup = self.session.setup
        with QSignalBlocker(self.dataset_combo):
            self.dataset_combo.setCurrentIndex(max(0, self.dataset_combo.findData(setup.dataset)))
        with QSignalBlocker(self.noise_slider):
            self.noise_slider.setValue(round(setup.noise))
        self.noise_value.setText(self.tr("{n}%").format(n=round(setup.noise)))
        with QSignalBlocker(self.test_ratio_slider):
            self.test_ratio_slider.setValue(round(setup.test_ratio * 10))
        self.test_ratio_value.setText(self.tr("{n}%").format(n=round(setup.test_ratio * 100)))
        for name, button in self.feature_buttons.items():
            with QSignalBlocker(button):
                button.setChecked(name in setup.features)
        self._update_legend()

    def _update_legend(self) -> None:
        if self.session.is_regression():
            self.legend.setText(self.tr("<span style='color:#0877bd'>■</span> −1 … "
                                        "<span style='color:#f59322'>■</span> +1"))
        else:
            self.legend.setText(self.tr("<span style='color:#0877bd'>●</span> class 0 &nbsp; "
                                        "<span style='color:#f59322'>●</span> class 1"))

    def _draw_points(self) -> None:
        (p_train, y_train), (p_test, y_test) = self.session.points
        regression = self.session.is_regression()
        if regression:
            # Targets near 0 are drawn almost white: a dark edge keeps them visible on a pale background.
            self.train_scatter.setData(pos=p_train, brush=self._point_brushes(y_train, regression),
                                       pen=pg.mkPen(70, 70, 70, 170, width=1))
            self.test_scatter.setData(pos=p_test, brush=self._point_brushes(y_test, regression),
                                      pen=pg.mkPen(30, 30, 30, 230, width=2))
            return
        self.train_scatter.setData(pos=p_train, brush=self._point_brushes(y_train, regression),
                                   pen=pg.mkPen(255, 255, 255, 230, width=1))
        colors = self._point_colors(y_test, regression)
        self.test_scatter.setData(pos=p_test, brush=pg.mkBrush(255, 255, 255, 150),
                                  pen=[pg.mkPen(c, width=2) for c in colors])

    def _point_colors(self, y: np.ndarray, regression: bool) -> list[QColor]:
        if regression:
            t = np.clip((np.asarray(y, np.float64).ravel() + 1) / 2, 0, 1)
            return [QColor(*(int(v) for v in _STRONG_LUT[round(i * 255)])) for i in t]
        orange, blue = _color(ORANGE), _color(BLUE)
        return [orange if label == 1 else blue for label in np.asarray(y).ravel()]

    def _point_brushes(self, y: np.ndarray, regression: bool) -> list:
        if regression:
            return [pg.mkBrush(c) for c in self._point_colors(y, regression)]
        orange, blue = pg.mkBrush(_color(ORANGE)), pg.mkBrush(_color(BLUE))
        return [orange if label == 1 else blue for label in np.asarray(y).ravel()]

    @Slot()
    def _refresh(self) -> None:
        """Recompute and redraw the heatmap, the diagram and the loss numbers from the session's model."""
        regression = self.session.is_regression()
        low, high = (-1.0, 1.0) if regression else (0.0, 1.0)
        grid = self.session.grid_predictions(GRID_RESOLUTION)
        if grid is None:
            grid = np.full((GRID_RESOLUTION, GRID_RESOLUTION), (low + high) / 2, np.float32)
        shown = np.nan_to_num(grid, nan=(low + high) / 2)
        if self.discretize_check.isChecked():
            middle = (low + high) / 2
            shown = np.where(shown > middle, high, low).astype(np.float32)
        self.heatmap_item.setImage(shown, levels=(low, high), lut=_SOFT_LUT, autoLevels=False)
        # setRect scales by the image's size in cells, so it must follow the first image.
        x0, x1, y0, y1 = engine.EXTENT
        self.heatmap_item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._refresh_diagram(regression)
        self._refresh_metrics(regression)

    def _refresh_diagram(self, regression: bool) -> None:
        maps = self.session.neuron_maps(THUMB_RESOLUTION)
        weights = self.session.dense_weights()
        out_low, out_high = (-1.0, 1.0) if regression else (0.0, 1.0)
        if maps is None or weights is None or len(maps) != len(weights):
            output = self.session.grid_predictions(THUMB_RESOLUTION * 2)
            images = [] if output is None else [map_image(output, out_low, out_high)]
            column = _Column(self.tr("Output"), "", images, [self.tr("The network's answer")])
            note = self.tr("This network is too big to draw; showing the output only.") if output is not None \
                else self.tr("The network can't run yet: fix the red layer in the Network tab.")
            self.diagram.show_output_only(column, note)
            return
        features = self.session.features
        labels = self._feature_labels()
        inputs = self.session.input_maps(THUMB_RESOLUTION)
        columns = [_Column(self.tr("Features"), self.tr("{n} inputs").format(n=len(features)),
                           [map_image(m, -(float(np.max(np.abs(m))) or 1.0), float(np.max(np.abs(m))) or 1.0)
                            for m in inputs],
                           [labels[f][0] for f in features])]
        for index, (layer_maps, layer) in enumerate(zip(maps, weights, strict=True)):
            last = index == len(maps) - 1
            if last:
                low, high = out_low, out_high
            elif layer.activation in ("sigmoid", "softmax"):
                low, high = 0.0, 1.0
            elif layer.activation == "tanh":
                low, high = -1.0, 1.0
            else:
                limit = float(np.max(np.abs(layer_maps))) or 1.0
                low, high = -limit, limit
            title = self.tr("Output") if last else self.tr("Layer {n}").format(n=index + 1)
            subtitle = self.tr("{units} · {activation}").format(units=layer_maps.shape[0], activation=layer.activation)
            names = [self.tr("{layer}, unit {n} ({activation})").format(layer=title, n=u + 1,
                                                                       activation=layer.activation)
                     for u in range(layer_maps.shape[0])]
            columns.append(_Column(title, subtitle, [map_image(m, low, high) for m in layer_maps], names,
                                   layer.bias))
        self.diagram.show_network(columns, [w.kernel for w in weights])

    def _refresh_metrics(self, regression: bool) -> None:
        try:
            self._test_metrics = self.session.evaluate_test()
            train = self.session.evaluate_train()
        except sb.SandboxError:
            self._test_metrics = train = None
        if self._test_metrics is None or train is None:
            self.metrics_label.setText(self.tr("Test loss — · Training loss —"))
            return
        text = self.tr("Test loss {test} · Training loss {train}").format(
            test=_format_loss(self._test_metrics["loss"]), train=_format_loss(train["loss"]))
        if not regression and "accuracy" in self._test_metrics:
            text += " · " + self.tr("Test accuracy {value}").format(
                value=f"{100 * self._test_metrics['accuracy']:.1f}%")
        self.metrics_label.setText(text)

    # ---- widgets → session ---------------------------------------------------------------------------
    @Slot(int)
    def _on_dataset_activated(self, index: int) -> None:
        key = self.dataset_combo.itemData(index)
        name = self.dataset_combo.itemText(index)
        self.session.set_data(dataset=key, text=lambda: QCoreApplication.translate(
            "PlaygroundMode", "Use the {name} data").format(name=name))
        self._sync_data_controls()

    @Slot(int)
    def _on_noise_changed(self, value: int) -> None:
        self.noise_value.setText(self.tr("{n}%").format(n=value))
        self.session.set_data(noise=float(value), text=lambda: QCoreApplication.translate(
            "PlaygroundMode", "Change the noise"))

    @Slot(int)
    def _on_test_ratio_changed(self, value: int) -> None:
        self.test_ratio_value.setText(self.tr("{n}%").format(n=value * 10))
        self.session.set_data(test_ratio=value / 10, text=lambda: QCoreApplication.translate(
            "PlaygroundMode", "Change the share of test data"))

    @Slot()
    def _on_regenerate(self) -> None:
        self.session.regenerate()

    @Slot(bool)
    def _on_feature_toggled(self, _checked: bool) -> None:
        chosen = tuple(name for name in toy.FEATURES if self.feature_buttons[name].isChecked())
        if not chosen:
            self.show_message(self.tr("Keep at least one feature: the network needs something to read."))
        elif self.session.set_features(chosen):
            self.show_message("")
        self._sync_data_controls()

    @Slot()
    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save setup"), self.session.path or "",
                                              self._file_filter())
        if path:
            if not path.endswith(engine.SETUP_SUFFIX):
                path += engine.SETUP_SUFFIX
            self.save_setup(path)

    @Slot()
    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open setup"), self.session.path or "",
                                              self._file_filter())
        if path:
            self.open_setup(path)

    def _file_filter(self) -> str:
        return self.tr("Playground setups (*{suffix})").format(suffix=engine.SETUP_SUFFIX)


class _SquareBox(QWidget):
    """Keeps one child the largest centred square that fits, so the plane is drawn without distortion."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._child = child
        child.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(child.minimumSize())

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    def resizeEvent(self, event: object) -> None:
        side = min(self.width(), self.height())
        self._child.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        super().resizeEvent(event)


def _scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so a tall panel fits a short window."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def _dataset_icon(name: str, size: int = 56) -> QIcon:
    """A small picture of data set ``name``: its points on a light square."""
    x, y = toy.make(name, n_samples=160, noise=0, seed=1)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(250, 250, 250))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    x0, x1, y0, y1 = engine.EXTENT
    values = np.asarray(y, np.float64).ravel()
    for (px, py), value in zip(x, values, strict=True):
        if name in toy.REGRESSION:
            t = min(max((value + 1) / 2, 0.0), 1.0)
            painter.setBrush(QColor(*(int(c) for c in _STRONG_LUT[round(t * 255)])))
        else:
            painter.setBrush(_color(ORANGE if value == 1 else BLUE))
        painter.drawEllipse(QPointF((px - x0) / (x1 - x0) * size, (y1 - py) / (y1 - y0) * size), 2.2, 2.2)
    painter.setPen(QColor(180, 180, 180))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def _format_loss(value: float) -> str:
    return f"{value:.3f}" if math.isfinite(value) else "—"


def _reason(exc: BaseException) -> str:
    """Why a file could not be used, in plain words (the file's name is already in the sentence around it)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    # load_setup names the file in front of its reason; the message around it names it already.
    if isinstance(exc, sb.SandboxError) and exc.code == "file.cannot_open":
        return friendly(exc.fields["reason"])
    return friendly(exc)
