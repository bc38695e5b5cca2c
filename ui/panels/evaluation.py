"""How well the network does on the test images it never trained on.

The panel shows the test accuracy and loss, one bar per class, a clickable confusion matrix whose
cells open a strip of the images behind them, the most confident mistakes, how accuracy falls as
the images get noisier, more rotated or thicker, and a 2-D map (PCA) of any layer's outputs.

All numbers come from :mod:`sandbox.evaluation`; the panel only displays them. It re-evaluates when
the model changed and the panel is visible, at most every :data:`TRAINING_REFRESH_MS` while training.

Nothing is computed on the GUI thread: the evaluation (with the points map of the chosen layer), a map of
another layer and the robustness curves each run in a :class:`~ui.background.BackgroundLane` on a copy of
the model taken when they were asked for (the session's model changes in place while training). A newer
request supersedes an older one, so a result for weights that are gone is never shown; meanwhile a busy note
shows and the old numbers stay, greyed. Scoring 10,000 Fashion-MNIST images with the small CNN takes seconds,
so while training the automatic evaluations score only the first :data:`TRAINING_SAMPLE` test images (and
say so); when training ends, the whole test set is scored again.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.evaluation import ROBUSTNESS_KINDS, Evaluation, evaluate_classifier, layer_map, robustness

from ..background import BackgroundLane, Job
from .explain import ExplanationBox
from .room import RoomWatcher, is_wide, room

__all__ = ["EvaluationPanel"]

#: Delay of a refresh while training runs: weights arrive a few times a second, evaluation is not free.
TRAINING_REFRESH_MS = 2000
#: Delay of a refresh otherwise: long enough to merge a burst of signals (modelChanged + weightsChanged).
IDLE_REFRESH_MS = 50
#: Test images scored by the automatic evaluations while training (the first ones: the same set every time). The
#: whole test set runs when training ends or on a click of Evaluate; on 10,000 images it took seconds per run.
TRAINING_SAMPLE = 1000
#: Errors of a network that cannot score the test images (wrong output size, a layer that does not fit).
_CANNOT_RUN = (sb.SandboxError, ValueError, IndexError)
#: Images shown in the gallery at most.
GALLERY_MAX = 24
#: Test images used for the robustness curves and the points map (the first ones: same set every time).
ROBUSTNESS_SUBSET = 300
PCA_SUBSET = 500
#: Side by side in a wide, short dock (see :func:`.room.is_wide`) only when the five columns get this much width
#: between them; they share it in these proportions (summary, matrix, gallery, robustness, map).
WIDE_MIN_WIDTH = 1150
WIDE_STRETCH = (3, 4, 3, 4, 4)
WIDE_PLOT_HEIGHT = 120  # a plot's minimum height there: the column's spare height makes it taller
#: One colour per class (Okabe–Ito and friends, distinguishable with colour-vision deficiencies).
CLASS_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                "#56B4E9", "#000000", "#F0E442", "#999999", "#882255")
KIND_COLORS = {"noise": "#0072B2", "rotation": "#D55E00", "thickness": "#009E73"}
GOOD_COLOR, BAD_COLOR = QColor("#0072B2"), QColor("#D55E00")


def _mix(background: QColor, color: QColor, weight: float) -> QColor:
    """``background`` blended towards ``color`` by ``weight`` in [0, 1]."""
    w = min(max(weight, 0.0), 1.0)
    return QColor.fromRgbF(background.redF() + (color.redF() - background.redF()) * w,
                           background.greenF() + (color.greenF() - background.greenF()) * w,
                           background.blueF() + (color.blueF() - background.blueF()) * w)


def _text_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    return QColor("black") if color.lightnessF() > 0.55 else QColor("white")


class PerClassBars(QWidget):
    """Ten small bars: the accuracy among the test images of each digit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = np.zeros(0, np.float64)  # float64 (K,), NaN for a class without test images
        self.names: tuple[str, ...] = ()
        self.setMinimumHeight(74)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: np.ndarray, names: tuple[str, ...]) -> None:
        """Show float64 (K,) accuracies in [0, 1] under the class ``names``."""
        self.values = np.asarray(values, np.float64)
        self.names = names
        parts = [self.tr("{name}: {percent}").format(name=n, percent="–" if np.isnan(v) else f"{v:.0%}")
                 for n, v in zip(names, self.values, strict=False)]
        self.setToolTip(self.tr("Accuracy per digit: {list}").format(list=", ".join(parts)))
        self.setAccessibleDescription(self.toolTip())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        line = painter.fontMetrics().height()
        k = len(self.values)
        if k == 0:
            return
        slot = self.width() / k
        top, bottom = line + 2, self.height() - line - 2
        for i, value in enumerate(self.values):
            x = int(i * slot + slot * 0.2)
            w = max(int(slot * 0.6), 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(palette.color(QPalette.ColorRole.Base), text, 0.12))
            painter.drawRect(x, top, w, bottom - top)
            if not np.isnan(value):
                # The bar's colour turns from blue to orange as the class gets worse than 90 %.
                painter.setBrush(GOOD_COLOR if value >= 0.9 else BAD_COLOR)
                h = int((bottom - top) * value)
                painter.drawRect(x, bottom - h, w, h)
            painter.setPen(text)
            label = "–" if np.isnan(value) else f"{value * 100:.0f}"
            painter.drawText(QRect(int(i * slot), 0, int(slot), line), Qt.AlignmentFlag.AlignCenter, label)
            painter.drawText(QRect(int(i * slot), bottom + 2, int(slot), line), Qt.AlignmentFlag.AlignCenter,
                             self.names[i] if i < len(self.names) else str(i))


class ConfusionMatrix(QWidget):
    """A K×K grid of counts: rows are true classes, columns predicted ones; click a cell to see its images.

    Arrow keys move the current cell, Enter or Space opens it.
    """

    cellActivated = Signal(int, int)  # true class, predicted class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = np.zeros((0, 0), np.int64)  # int64 (K, K)
        self.names: tuple[str, ...] = ()
        self.current = (0, 0)
        self.square = True  # ask for a height equal to the width (False: take the height the layout gives)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def hasHeightForWidth(self) -> bool:
        return self.square

    def heightForWidth(self, width: int) -> int:
        return min(width, 400)

    def set_counts(self, counts: np.ndarray, names: tuple[str, ...]) -> None:
        """Show the int64 (K, K) confusion counts with class ``names``."""
        self.counts = np.asarray(counts, np.int64)
        self.names = names
        self.update()

    def hover_text(self, true: int, predicted: int) -> str:
        """The tooltip of a cell, e.g. "true 4, predicted 9: 3 images"."""
        n = int(self.counts[true, predicted])
        text = self.tr("true {true}, predicted {predicted}: {count} images") if n != 1 else \
            self.tr("true {true}, predicted {predicted}: 1 image")
        return text.format(true=self.names[true], predicted=self.names[predicted], count=n)

    def cell_rect(self, true: int, predicted: int) -> QRect:
        """Where the cell is drawn, in widget coordinates."""
        left, top, size = self._geometry()
        return QRect(int(left + predicted * size), int(top + true * size), int(size), int(size))

    def _geometry(self) -> tuple[float, float, float]:
        k = max(len(self.counts), 1)
        margin = self.fontMetrics().height() * 2 + 4  # axis title and class names
        size = max(min(self.width() - margin - 2, self.height() - margin - 2) / k, 1.0)
        return float(margin), float(margin), size

    def _cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        left, top, size = self._geometry()
        k = len(self.counts)
        col, row = int((pos.x() - left) // size), int((pos.y() - top) // size)
        if pos.x() < left or pos.y() < top or not (0 <= row < k and 0 <= col < k):
            return None
        return row, col

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        k = len(self.counts)
        if k == 0:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Press Evaluate"))
            return
        left, top, size = self._geometry()
        line = self.fontMetrics().height()
        painter.setPen(text)
        painter.drawText(QRectF(left, 0, size * k, line), Qt.AlignmentFlag.AlignCenter, self.tr("predicted →"))
        painter.save()
        painter.translate(0, top + size * k / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-size * k / 2, 0, size * k, line), Qt.AlignmentFlag.AlignCenter, self.tr("← true"))
        painter.restore()
        for i in range(k):
            name = self.names[i] if i < len(self.names) else str(i)
            painter.drawText(QRectF(left + i * size, line + 2, size, line), Qt.AlignmentFlag.AlignCenter, name)
            painter.drawText(QRectF(line + 2, top + i * size, line, size), Qt.AlignmentFlag.AlignCenter, name)
        diagonal = np.diag(self.counts)
        off = self.counts - np.diag(diagonal)
        max_diag, max_off = max(int(diagonal.max()), 1), max(int(off.max()), 1)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, min(small.pointSizeF(), size * 0.32)))
        painter.setFont(small)
        for i in range(k):
            for j in range(k):
                n = int(self.counts[i, j])
                rect = self.cell_rect(i, j)
                # Diagonal (right) and off-diagonal (wrong) counts live on different scales: a few
                # mistakes would be invisible on the scale of a hundred right answers.
                if i == j:
                    fill = _mix(base, GOOD_COLOR, 0.25 + 0.75 * n / max_diag)
                elif n:
                    fill = _mix(base, BAD_COLOR, 0.2 + 0.8 * n / max_off)
                else:
                    fill = base
                painter.fillRect(rect, fill)
                painter.setPen(QPen(_mix(base, text, 0.2), 1))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
                if n:
                    painter.setPen(_text_on(fill) if (i == j or n) else text)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.current).adjusted(1, 1, -2, -2))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().toPoint())
        if cell is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(*cell), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().toPoint())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = cell
            self.update()
            self.cellActivated.emit(*cell)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        k = len(self.counts)
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if k and event.key() in moves:
            dr, dc = moves[event.key()]
            self.current = (min(max(self.current[0] + dr, 0), k - 1), min(max(self.current[1] + dc, 0), k - 1))
            self.setToolTip(self.hover_text(*self.current))
            self.update()
        elif k and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.cellActivated.emit(*self.current)
        else:
            super().keyPressEvent(event)


class ImageGallery(QLabel):
    """A strip of up to :data:`GALLERY_MAX` test images drawn into one pixmap, a caption under each.

    ``indices`` holds the test indices shown, in order.
    """

    TILE, IMAGE = 64, 56

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indices = np.zeros(0, np.int64)
        self._images = np.zeros((0, 28, 28), np.uint8)
        self._captions: list[str] = []
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.TILE + 24)

    def show_images(self, indices: np.ndarray, images: np.ndarray, captions: list[str]) -> None:
        """Show float32 (n, 28, 28, 1) ``images`` in [0, 1] (test ``indices`` int64 (n,)) with ``captions``."""
        self.indices = np.asarray(indices, np.int64)
        self._images = np.ascontiguousarray(np.clip(np.rint(images.reshape(-1, 28, 28) * 255), 0, 255), np.uint8)
        self._captions = list(captions)
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        n = len(self._images)
        columns = max(self.width() // self.TILE, 1)
        rows = max((n + columns - 1) // columns, 1)
        line = self.fontMetrics().height()
        tile_h = self.IMAGE + line + 6
        height = rows * tile_h if n else self.TILE
        self.setFixedHeight(height + 4)
        if not n:
            self.setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(columns * self.TILE * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        for k in range(n):
            x, y = (k % columns) * self.TILE, (k // columns) * tile_h
            image = QImage(self._images[k].data, 28, 28, 28, QImage.Format.Format_Grayscale8)
            painter.drawImage(QRect(x + 4, y + 2, self.IMAGE, self.IMAGE), image)
            painter.drawText(QRect(x, y + self.IMAGE + 3, self.TILE, line), Qt.AlignmentFlag.AlignCenter,
                             self._captions[k])
        painter.end()
        self.setPixmap(pixmap)


class EvaluationPanel(QWidget):
    """Test accuracy, per-class accuracy, confusion matrix with its images, robustness and a PCA map."""

    #: A new evaluation is on show (the :class:`Evaluation`; ``sampled`` tells a sample while training).
    evaluated = Signal(object)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPanel")
        self.session = session
        self.evaluation: Evaluation | None = None
        self.robustness_curves: dict[str, list[tuple[float, float]]] = {}
        self.pca_points = np.zeros((0, 2), np.float64)
        self.sampled = False  # the evaluation shown scored only the first TRAINING_SAMPLE test images
        self._stale = True
        self._mistakes_wanted = False  # "Most confident mistakes" was clicked before any evaluation arrived
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._evaluate_automatically)
        # One lane each: a new map or robustness request must not cancel the evaluation, and vice versa.
        self._evaluation_lane = BackgroundLane("evaluation", self)
        self._pca_lane = BackgroundLane("pca", self)
        self._robustness_lane = BackgroundLane("robustness", self)
        self._build()
        self._evaluation_lane.finished.connect(self._on_evaluated)
        self._evaluation_lane.failed.connect(self._on_evaluation_failed)
        self._evaluation_lane.busyChanged.connect(self._on_evaluation_busy)
        self._pca_lane.finished.connect(self._on_pca_mapped)
        self._pca_lane.failed.connect(self._on_side_job_failed)
        self._pca_lane.busyChanged.connect(self.pca_busy_label.setVisible)
        self._robustness_lane.finished.connect(self._on_robustness_measured)
        self._robustness_lane.failed.connect(self._on_side_job_failed)
        self._robustness_lane.busyChanged.connect(self.robustness_busy_label.setVisible)
        session.modelChanged.connect(self._on_weights_replaced)
        session.weightsChanged.connect(self._on_model_changed)
        session.networkChanged.connect(self._on_network_changed)
        session.datasetChanged.connect(self._on_weights_replaced)
        session.stateChanged.connect(self._on_state_changed)
        self._fill_layer_combo()
        app = QCoreApplication.instance()
        if app is not None:  # no thread of this panel may outlive the application
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self) -> None:
        """Cancel this panel's background work and wait for it (before the application quits)."""
        for lane in (self._evaluation_lane, self._pca_lane, self._robustness_lane):
            lane.shutdown()

    @property
    def busy(self) -> bool:
        """An evaluation, a map or robustness curves are being computed."""
        return any(lane.busy for lane in (self._evaluation_lane, self._pca_lane, self._robustness_lane))

    # ---- building ----------------------------------------------------------------------------------
    def _button(self, name: str, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _busy_label(self, name: str, text: str) -> QLabel:
        """A note shown while a lane works; it keeps its room when hidden, so nothing jumps when it comes and goes."""
        label = QLabel(text, self)
        label.setObjectName(name)
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        label.setSizePolicy(policy)
        label.hide()
        return label

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _build(self) -> None:
        self.explanation = ExplanationBox(
            "evaluationExplanation",
            self.tr("How well does the network do on images it never trained on?"),
            self.tr("Click a square of the matrix to see which digits it mixes up."), self)

        self.evaluate_button = self._button(
            "evaluateButton", self.tr("Evaluate"),
            self.tr("Run the network on all test images and count what it gets right"), self.evaluate)
        self.summary = QLabel(self.tr("Not evaluated yet."), self)
        self.summary.setObjectName("evaluationSummaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = self._busy_label("evaluationBusyLabel", self.tr("Evaluating…"))
        top = QHBoxLayout()
        top.addWidget(self.evaluate_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.busy_label)

        self.per_class = PerClassBars(self)
        self.per_class.setObjectName("perClassBars")
        self.per_class.setAccessibleName(self.tr("Accuracy per digit"))
        per_class_label = self._heading(self.tr("Accuracy per digit (%)"))

        self.matrix = ConfusionMatrix(self)
        self.matrix.setObjectName("confusionMatrix")
        self.matrix.setAccessibleName(self.tr("Confusion matrix"))
        self.matrix.setToolTip(self.tr("Rows: the true digit. Columns: what the network said. "
                                       "Click a square (or press Enter) to see its images."))
        self.matrix.cellActivated.connect(self.show_cell)
        matrix_label = self._heading(self.tr("Confusion matrix"))
        matrix_label.setBuddy(self.matrix)

        self.mistakes_button = self._button(
            "confidentMistakesButton", self.tr("Most confident mistakes"),
            self.tr("Show the wrong answers the network was surest about"), self.show_confident_mistakes)
        self.gallery_caption = QLabel(self.tr("Click a square of the matrix to see its images."), self)
        self.gallery_caption.setObjectName("evaluationGalleryCaption")
        self.gallery_caption.setWordWrap(True)
        self.gallery = ImageGallery(self)
        self.gallery.setObjectName("evaluationGallery")
        self.gallery.setAccessibleName(self.tr("Images of the chosen square"))
        self.gallery.setToolTip(self.tr("Under each image: true digit → the network's answer, and its confidence"))

        robustness_label = self._heading(self.tr("Robustness"))
        self.robustness_button = self._button(
            "robustnessButton", self.tr("Test robustness"),
            self.tr("Add noise, rotation or thicker strokes to test images and measure the accuracy "
                    "(takes a second or two)"), self.run_robustness)
        self.robustness_note = QLabel(
            self.tr("Accuracy on the first {n} test images as each change gets stronger.").format(
                n=ROBUSTNESS_SUBSET), self)
        self.robustness_note.setWordWrap(True)
        self.robustness_busy_label = self._busy_label("robustnessBusyLabel", self.tr("Measuring…"))
        background = self.palette().color(QPalette.ColorRole.Base)
        self._foreground = self.palette().color(QPalette.ColorRole.Text)
        self.robustness_plot = pg.PlotWidget(background=background)
        self.robustness_plot.setObjectName("robustnessPlot")
        self.robustness_plot.setAccessibleName(self.tr("Robustness plot"))
        self.robustness_plot.setToolTip(self.tr("Accuracy against the strength of each change"))
        self.robustness_plot.setMinimumHeight(180)
        item = self.robustness_plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        for axis in ("left", "bottom"):  # plain units, as in the tables; before any range (pyqtgraph keeps its scale)
            item.getAxis(axis).enableAutoSIPrefix(False)
        item.setYRange(0.0, 1.0, padding=0.05)
        item.setXRange(0.0, 1.0, padding=0.03)
        item.setMouseEnabled(x=False, y=False)
        item.setLabel("bottom", self.tr("strength (0 = unchanged, 1 = strongest)"), color=self._foreground.name())
        item.setLabel("left", self.tr("accuracy"), color=self._foreground.name())
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen(self._foreground)
            item.getAxis(axis).setTextPen(self._foreground)
        item.addLegend(offset=(8, -8), labelTextColor=self._foreground, labelTextSize="8pt",
                       brush=pg.mkBrush(background))
        names = {"noise": self.tr("noise (up to σ 0.5)"), "rotation": self.tr("rotation (up to 45°)"),
                 "thickness": self.tr("thicker/thinner (up to 1 px)")}
        self.robustness_items = {
            kind: item.plot([], [], pen=pg.mkPen(KIND_COLORS[kind], width=2), symbol="o", symbolSize=5,
                            symbolBrush=KIND_COLORS[kind], symbolPen=None, name=names[kind])
            for kind in ROBUSTNESS_KINDS
        }

        pca_label = self._heading(self.tr("Map of a layer's outputs (PCA)"))
        self.layer_combo = QComboBox(self)
        self.layer_combo.setObjectName("pcaLayerCombo")
        self.layer_combo.setAccessibleName(self.tr("Layer to map"))
        self.layer_combo.setToolTip(self.tr("Whose outputs to map: images close together here look alike to "
                                            "that layer"))
        self.layer_combo.currentIndexChanged.connect(self._update_pca)
        layer_label = QLabel(self.tr("Layer:"), self)
        layer_label.setBuddy(self.layer_combo)
        self.pca_note = QLabel(self.tr("The first {n} test images, coloured by their true digit; each layer's "
                                       "outputs squeezed to the two directions where they differ most.")
                               .format(n=PCA_SUBSET), self)
        self.pca_note.setWordWrap(True)
        self.pca_plot = pg.PlotWidget(background=background)
        self.pca_plot.setObjectName("pcaPlot")
        self.pca_plot.setAccessibleName(self.tr("Points map"))
        self.pca_plot.setToolTip(self.tr("Each dot is a test image; point at one to see which"))
        self.pca_plot.setMinimumHeight(240)
        pca_item = self.pca_plot.getPlotItem()
        pca_item.hideAxis("left")
        pca_item.hideAxis("bottom")
        pca_item.addLegend(offset=(-4, 4), labelTextColor=self._foreground, labelTextSize="8pt",
                           brush=pg.mkBrush(background), colCount=5)
        self.pca_scatter = pg.ScatterPlotItem(size=6, pen=None, hoverable=True, hoverSize=10, tip=self._pca_tip)
        pca_item.addItem(self.pca_scatter)
        for k, color in enumerate(CLASS_COLORS):  # legend entries only: the points are one scatter item
            pca_item.addItem(pg.ScatterPlotItem([], [], brush=color, pen=None, size=8, name=str(k)))
        layer_row = QHBoxLayout()
        layer_row.addWidget(layer_label)
        layer_row.addWidget(self.layer_combo, 1)
        self.pca_busy_label = self._busy_label("pcaBusyLabel", self.tr("Mapping…"))
        layer_row.addWidget(self.pca_busy_label)

        # Five sections: one column in a tall dock, five columns side by side in a wide, short one (the bottom
        # dock area), where one column would show the learner its first 300 pixels only. _choose_layout moves
        # the same widgets between the two places, so nothing is recomputed and nothing is lost.
        summary = self._section(self.explanation, top, per_class_label, self.per_class)
        matrix = self._section(matrix_label, self.matrix)
        row = QHBoxLayout()
        row.addWidget(self.mistakes_button)
        row.addStretch(1)
        gallery = self._section(row, self.gallery_caption, self.gallery, stretch=True)
        button_row = QHBoxLayout()
        button_row.addWidget(self.robustness_button)
        button_row.addWidget(self.robustness_busy_label)
        button_row.addStretch(1)
        robustness_section = self._section(robustness_label, self.robustness_note, button_row, self.robustness_plot)
        pca = self._section(pca_label, layer_row, self.pca_note, self.pca_plot)
        self._sections = (summary, matrix, gallery, robustness_section, pca)
        for section, plot in ((robustness_section, self.robustness_plot), (pca, self.pca_plot)):
            section.layout().setStretchFactor(plot, 1)  # the plot, not the labels, takes a column's spare height

        content = QWidget(self)
        self._column = QVBoxLayout(content)
        for section in self._sections:
            self._column.addWidget(section)
        self._tall = QScrollArea(self)
        self._tall.setObjectName("evaluationScroll")
        self._tall.setWidgetResizable(True)
        self._tall.setFrameShape(QScrollArea.Shape.NoFrame)
        self._tall.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._tall.setWidget(content)

        # Wide: each section in a scroll area of its own that scrolls only if the section is taller than the dock.
        self._wide = QWidget(self)
        self._wide.setObjectName("evaluationColumns")
        columns = QHBoxLayout(self._wide)
        columns.setContentsMargins(4, 0, 4, 0)
        self._columns: list[QScrollArea] = []
        for stretch in WIDE_STRETCH:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(4, 4, 4, 4)
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QScrollArea.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(holder)
            columns.addWidget(area, stretch)
            self._columns.append(area)
        self._wide.hide()
        self.wide = False
        self._plot_heights = {plot: plot.minimumHeight() for plot in (self.robustness_plot, self.pca_plot)}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._tall)
        outer.addWidget(self._wide)
        self._room = RoomWatcher(self, self._choose_layout)

    def _section(self, *parts: QWidget | QHBoxLayout, stretch: bool = False) -> QWidget:
        """A widget holding ``parts`` one above another (a trailing stretch keeps short ones at the top)."""
        section = QWidget(self)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        if stretch:
            layout.addStretch(1)
        return section

    # ---- the room's shape --------------------------------------------------------------------------
    def _choose_layout(self) -> None:
        wide = is_wide(self) and room(self).width() >= WIDE_MIN_WIDTH
        if wide == self.wide:
            return
        self.wide = wide
        focus = QApplication.focusWidget()
        focus = focus if focus is not None and self.isAncestorOf(focus) else None
        self.setUpdatesEnabled(False)  # no frame with half the sections moved
        try:
            for i, section in enumerate(self._sections):
                # Inserting a widget takes it out of its old layout; show() at once, not on Qt's queued show.
                if wide:
                    self._columns[i].widget().layout().insertWidget(0, section, 1)
                else:
                    self._column.insertWidget(i, section)
                section.show()
            # Wide: the bars grow into the column's spare height, tall: they keep their small height.
            self.per_class.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Expanding if wide else QSizePolicy.Policy.Fixed)
            self.matrix.square = not wide  # wide: as big a square as the column's height allows
            self.matrix.updateGeometry()
            for plot, height in self._plot_heights.items():
                # A PlotWidget asks for 640×480: fine in a scrolling column, far too tall for a short column.
                vertical = QSizePolicy.Policy.Ignored if wide else QSizePolicy.Policy.Preferred
                plot.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
                plot.setMinimumHeight(WIDE_PLOT_HEIGHT if wide else height)
            for area in self._columns:
                # Never narrower than its section, which would be cut off: the columns scroll up and down only.
                area.setMinimumWidth(area.widget().minimumSizeHint().width()
                                     + area.verticalScrollBar().sizeHint().width() if wide else 0)
            self._tall.setVisible(not wide)
            self._wide.setVisible(wide)
        finally:
            self.setUpdatesEnabled(True)
        if focus is not None:
            focus.setFocus()

    # ---- refresh -----------------------------------------------------------------------------------
    @Slot()
    def _on_model_changed(self) -> None:
        self._stale = True
        self._schedule()

    @Slot()
    def _on_weights_replaced(self) -> None:
        # New weights or data, not a live snapshot: work for the old ones is wasted, and its result must not
        # show even briefly. (Live snapshots only mark the panel stale: cancelling on each of them, a few times
        # a second, would never let an evaluation finish while training.)
        self._evaluation_lane.cancel()
        self._pca_lane.cancel()
        self._robustness_lane.cancel()
        self._on_model_changed()

    @Slot(object)
    def _on_network_changed(self, _spec: object) -> None:
        self._fill_layer_combo()
        self._on_weights_replaced()

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        if state == "idle" and (self.sampled or self._stale):
            # Training ended: score the whole test set now rather than when the 2-second timer comes round.
            self._stale = True
            self._refresh_timer.stop()
            self._schedule()

    def _schedule(self) -> None:
        # Hidden panels wait for showEvent; a running timer is not restarted, so while training the
        # panel refreshes at most every TRAINING_REFRESH_MS however often the weights arrive.
        if self._stale and self.isVisible() and not self._refresh_timer.isActive():
            self._refresh_timer.start(TRAINING_REFRESH_MS if self.session.is_training() else IDLE_REFRESH_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def _fill_layer_combo(self) -> None:
        model = self.session.model
        names = [layer.name for layer in model.layers] if model is not None else []
        previous = self.layer_combo.currentText()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItems(names)
        if previous in names:
            self.layer_combo.setCurrentIndex(names.index(previous))
        elif names:
            # The layer before the output: the last layer's probabilities only crowd into the corners.
            self.layer_combo.setCurrentIndex(max(len(names) - 2, 0))
        self.layer_combo.blockSignals(False)

    # ---- actions -----------------------------------------------------------------------------------
    @Slot()
    def evaluate(self) -> None:
        """Evaluate the current network on every test image, off the GUI thread; the result redraws the panel."""
        self._submit_evaluation(sample=False)

    @Slot()
    def _evaluate_automatically(self) -> None:
        # While training, the weights change again before a whole-test-set evaluation could end: a sample.
        self._submit_evaluation(sample=self.session.is_training())

    def _submit_evaluation(self, sample: bool) -> None:
        self._refresh_timer.stop()
        self._stale = False
        model, data = self.session.model, self.session.dataset
        if model is None:
            self._evaluation_lane.cancel()
            self._cannot_classify()
            return
        x, y = data.x_test, data.y_test
        if sample and len(y) > TRAINING_SAMPLE:
            x, y = x[:TRAINING_SAMPLE], y[:TRAINING_SAMPLE]
        else:
            sample = False
        # A copy taken now: the session's model is overwritten in place while training. The dataset's arrays
        # are never changed (a new dataset is a new object), so references are enough.
        self._evaluation_lane.submit(_evaluate_job, model.copy(), x, y, data.x_test[:PCA_SUBSET],
                                     self.layer_combo.currentIndex(), data, sample)

    @Slot(object, object)
    def _on_evaluated(self, result: tuple, _job: Job) -> None:
        ev, points, layer, data, sample = result
        if data is not self.session.dataset:  # belt and braces: a new dataset cancels the lane already
            return
        if ev.probabilities.shape[1] != len(data.class_names):
            self._cannot_classify()
            return
        self.evaluation, self.sampled = ev, sample
        if sample:
            text = self.tr("Test accuracy {accuracy} · loss {loss} · on {count} of {total} test images "
                           "(while training)")
        else:
            text = self.tr("Test accuracy {accuracy} · loss {loss} · {count} images")
        self.summary.setText(text.format(accuracy=f"{ev.accuracy:.1%}", loss=f"{ev.loss:.3f}",
                                         count=f"{len(ev.labels):,}", total=f"{len(data.y_test):,}"))
        self.per_class.set_values(ev.per_class_accuracy, data.class_names)
        self.matrix.set_counts(ev.confusion, data.class_names)
        if self.layer_combo.count() != len(self.session.model.layers if self.session.model else ()):
            self._fill_layer_combo()
        if points is not None and layer == self.layer_combo.currentIndex():
            self._show_pca(points, data)
        else:  # the learner chose another layer meanwhile
            self._update_pca()
        if self._mistakes_wanted:
            self._mistakes_wanted = False
            self.show_confident_mistakes()
        self.evaluated.emit(ev)

    @Slot(object, object)
    def _on_evaluation_failed(self, error: BaseException, _job: Job) -> None:
        if not isinstance(error, _CANNOT_RUN):
            raise error  # a bug, not a network that does not fit: let it be seen
        self._cannot_classify()

    @Slot(object, object)
    def _on_side_job_failed(self, error: BaseException, _job: Job) -> None:
        if not isinstance(error, _CANNOT_RUN):
            raise error
        # The evaluation, which runs the same network, already tells the learner what is wrong.

    def _cannot_classify(self) -> None:
        self.evaluation, self.sampled = None, False
        self._mistakes_wanted = False
        self.summary.setText(self.tr("The network cannot classify the test images yet: fix its layers first."))

    @Slot(bool)
    def _on_evaluation_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.summary.setEnabled(not busy)  # the old numbers stay readable, greyed, until the new ones arrive

    @Slot(int, int)
    def show_cell(self, true: int, predicted: int) -> None:
        """Show the images of true class ``true`` predicted as ``predicted``, the most confident first."""
        if self.evaluation is None:
            return
        indices = self.evaluation.cell(true, predicted)
        names = self.session.dataset.class_names
        self.gallery_caption.setText(self.tr("True {true}, predicted {predicted}: {count} images{shown}").format(
            true=names[true], predicted=names[predicted], count=len(indices),
            shown=self.tr(" (showing the {n} most confident)").format(n=GALLERY_MAX)
            if len(indices) > GALLERY_MAX else ""))
        self._show(indices[:GALLERY_MAX])

    @Slot()
    def show_confident_mistakes(self) -> None:
        """Show the wrong answers the network gave with the highest confidence."""
        if self.evaluation is None:  # shown when the evaluation arrives
            self._mistakes_wanted = True
            if not self._evaluation_lane.busy:
                self.evaluate()
            return
        indices = self.evaluation.confident_mistakes(GALLERY_MAX)
        self.gallery_caption.setText(self.tr("The {count} most confident mistakes").format(count=len(indices))
                                     if len(indices) else self.tr("No mistakes on the test images."))
        self._show(indices)

    def _show(self, indices: np.ndarray) -> None:
        ev, names = self.evaluation, self.session.dataset.class_names
        confidence = ev.confidence(indices)
        captions = [self.tr("{true}→{predicted} {percent}").format(
            true=names[ev.labels[i]], predicted=names[ev.predicted[i]], percent=f"{c:.0%}")
            for i, c in zip(indices, confidence, strict=True)]
        self.gallery.show_images(indices, self.session.dataset.x_test[indices], captions)

    @Slot()
    def run_robustness(self) -> None:
        """Measure accuracy under noise, rotation and stroke thickness on the test subset, off the GUI thread."""
        model, data = self.session.model, self.session.dataset
        if model is None:
            return
        x, y = data.x_test[:ROBUSTNESS_SUBSET], data.y_test[:ROBUSTNESS_SUBSET]
        self._robustness_lane.submit(_robustness_job, model.copy(), x, y)

    @Slot(object, object)
    def _on_robustness_measured(self, curves: dict[str, list[tuple[float, float]]], _job: Job) -> None:
        self.robustness_curves = curves
        for kind, curve in self.robustness_items.items():
            points = np.asarray(self.robustness_curves.get(kind, []), np.float64).reshape(-1, 2)
            top = max(ROBUSTNESS_KINDS[kind])
            curve.setData(points[:, 0] / top, points[:, 1])

    @Slot()
    def _update_pca(self) -> None:
        model, data = self.session.model, self.session.dataset
        layer = self.layer_combo.currentIndex()
        if model is None or layer < 0 or self.evaluation is None:  # nothing evaluated: the network may not run
            return
        self._pca_lane.submit(_pca_job, model.copy(), data.x_test[:PCA_SUBSET], layer, data)

    @Slot(object, object)
    def _on_pca_mapped(self, result: tuple, _job: Job) -> None:
        points, layer, data = result
        if data is self.session.dataset and layer == self.layer_combo.currentIndex():
            self._show_pca(points, data)

    def _show_pca(self, points: np.ndarray, data) -> None:
        """Draw float64 (N, 2) map ``points`` of the first N test images of ``data``, coloured by their label."""
        self.pca_points = points
        y = data.y_test[:len(points)]
        brushes = [pg.mkBrush(CLASS_COLORS[int(label) % len(CLASS_COLORS)]) for label in y]
        self.pca_scatter.setData(pos=self.pca_points, brush=brushes, data=np.arange(len(points)))
        self.pca_plot.getPlotItem().autoRange()

    def _pca_tip(self, x: float, y: float, data: object) -> str:
        index = int(data)
        label = self.session.dataset.class_names[int(self.session.dataset.y_test[index])]
        return self.tr("digit {label} · test image {index}").format(label=label, index=index)


# ---- background jobs: run in a lane's thread on a model copy nobody else touches ----------------------------
def _evaluate_job(model: sb.Sequential, x: np.ndarray, y: np.ndarray, pca_x: np.ndarray, layer: int, data: object,
                  sample: bool, *, stop: sb.StopToken) -> tuple:
    """Score ``x`` (float32 (N, 28, 28, 1)) against ``y`` (int64 (N,)) and map layer ``layer`` of ``pca_x``.

    Returns ``(evaluation, points, layer, data, sample)``: ``points`` is float64 (len(pca_x), 2), or None when
    ``layer`` is not a layer of ``model``; ``data`` and ``sample`` come back unchanged for the GUI thread.
    """
    evaluation = evaluate_classifier(model, x, y, stop=stop)
    points = layer_map(model, pca_x, layer, stop=stop) if 0 <= layer < len(model.layers) else None
    return evaluation, points, layer, data, sample


def _pca_job(model: sb.Sequential, x: np.ndarray, layer: int, data: object, *, stop: sb.StopToken) -> tuple:
    """``(points, layer, data)``: the float64 (N, 2) map of layer ``layer``'s outputs for ``x``."""
    return layer_map(model, x, layer, stop=stop), layer, data


def _robustness_job(model: sb.Sequential, x: np.ndarray, y: np.ndarray, *,
                    stop: sb.StopToken) -> dict[str, list[tuple[float, float]]]:
    """Accuracy curves ``{kind: [(level, accuracy), …]}`` for every kind of :data:`ROBUSTNESS_KINDS`."""
    return {kind: robustness(model, x, y, kind, levels, stop=stop) for kind, levels in ROBUSTNESS_KINDS.items()}
