"""Draw a digit and see what the network makes of it.

The learner draws with the mouse, a pen or a finger on :class:`DigitCanvas`. The drawing is turned
into the 28×28 MNIST-like image the network was trained on by the engine's
:func:`sandbox.datasets.preprocess.to_mnist` (shown beside the canvas as "What the network sees"),
and :meth:`ui.session.Session.predict` gives the ten probabilities shown by :class:`ProbabilityBars`.
The prediction follows the drawing (at most every ~30 ms) and the weights: while training, the
session refreshes its weights a few times a second and the prediction moves with them.

The learner can also add drawings to the training data; they are kept in the user's data folder by
:class:`ui.user_digits.UserDigits` and handed to the session with ``set_user_digits``.

A network trained only on digits always answers with a digit, even for an X or a dot. When the drawing
looks unlike every digit the network learned from (:class:`sandbox.familiarity.Familiarity`), a one-line
note under the bars says so. The familiarity facts are refitted off the GUI thread (a
:class:`~ui.background.BackgroundLane`; 140 ms for the small CNN) whenever the weights or the training
digits change, but not during a run: the weights change several times a second then, and the old facts
still judge consistently with the network they were taken from.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPointF,
    QRect,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.datasets.preprocess import to_mnist
from sandbox.familiarity import Familiarity, Judgement

from ..background import BackgroundLane, Job
from ..session import Session
from ..user_digits import UserDigits
from ..view_state import ViewField
from .explain import ExplanationBox

__all__ = ["CanvasPanel", "DigitCanvas", "NetworkInputPreview", "ProbabilityBars"]

#: Side of the canvas's internal image in pixels: ten times MNIST's 28.
RESOLUTION = 280
#: Default brush diameter in internal pixels. A digit drawn about two thirds of the canvas tall is
#: shrunk ~9× to fit MNIST's 20×20 box, which turns a 20-pixel stroke into MNIST's 2–3 pixels.
DEFAULT_BRUSH = 20
BRUSH_RANGE = (8, 40)
#: Coalesce prediction requests: at most one prediction every this many milliseconds.
PREDICT_INTERVAL_MS = 30
#: Wait this long after the weights or the training digits changed before refitting the familiarity
#: facts: an undo or a reset often comes with a second change right behind it.
REFIT_DELAY_MS = 150
#: The "not a digit" note appears only when the pen has been up this long and the drawing is still unlike
#: every digit: between the strokes of a 4 or a 7 the half-drawn digit need not be announced as "not a digit".
NOTE_DELAY_MS = 700
#: The note speaks of digits: it is shown only when the classes are the ten digits.
DIGIT_CLASSES = tuple("0123456789")


class DigitCanvas(QWidget):
    """A square drawing area: white ink on black, kept in a fixed 280×280 grey image.

    Strokes are line segments with round caps and joins between successive pointer positions, so a
    fast stroke stays continuous. Input: left mouse button, a tablet pen (its pressure thins the
    stroke) or one finger. Right-click, Delete, Backspace or Esc clear it.
    """

    imageChanged = Signal()
    strokeStarted = Signal()
    strokeEnded = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitCanvas")
        self.setAccessibleName(self.tr("Drawing canvas"))
        self.setAccessibleDescription(self.tr(
            "Draw one digit with the mouse, a pen or a finger. Right-click, Delete or Esc clears it."))
        self.setToolTip(self.tr("Draw one digit here, as large as the square.\n"
                                "Right-click, Delete or Esc clears the drawing."))
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._brush = DEFAULT_BRUSH
        self._empty = True
        # The stroke being drawn: its path, the image before it began, and its firmest pen pressure.
        self._last: QPointF | None = None
        self._path: QPainterPath | None = None
        self._stroke_base: QImage | None = None
        self._pressure = 1.0

    # ---- public API ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(RESOLUTION, RESOLUTION)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Square: extra height in a tall dock goes to the other widgets, not to empty bands around the canvas.
        return width

    def brush_size(self) -> int:
        """Brush diameter in pixels of the 280×280 internal image."""
        return self._brush

    def set_brush_size(self, size: int) -> None:
        """Set the brush diameter for the next strokes (internal pixels)."""
        self._brush = int(size)

    def is_empty(self) -> bool:
        """True when nothing is drawn."""
        return self._empty

    def is_drawing(self) -> bool:
        """True while a stroke is being drawn (the pen, mouse button or finger is down)."""
        return self._path is not None

    def image(self) -> np.ndarray:
        """The drawing: float32 (280, 280) in [0, 1], white ink (1) on black (0)."""
        height, width, stride = self._image.height(), self._image.width(), self._image.bytesPerLine()
        # Rows of a QImage are padded to bytesPerLine, which need not equal the width.
        raw = np.frombuffer(self._image.constBits(), np.uint8, count=self._image.sizeInBytes())
        return raw.reshape(height, stride)[:, :width].astype(np.float32) / np.float32(255)

    def set_image(self, image: np.ndarray) -> None:
        """Show a grey image, float32 (H, W) in [0, 1] (a 28×28 digit), scaled smoothly to fill the canvas.

        A (280, 280) image from :meth:`image` is put back unchanged.
        """
        pixels = np.ascontiguousarray(np.round(np.clip(np.asarray(image, np.float32), 0, 1) * 255), np.uint8)
        if pixels.ndim != 2:
            raise ValueError(f"set_image needs a grey (H, W) image, got shape {pixels.shape}")
        height, width = pixels.shape
        # copy() detaches the QImage from the NumPy buffer, which may be freed afterwards.
        small = QImage(pixels.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()
        self._image.fill(0)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRect(0, 0, RESOLUTION, RESOLUTION), small)
        painter.end()
        self._end_stroke()
        self._empty = not pixels.any()
        self.update()
        self.imageChanged.emit()

    @Slot()
    def clear(self) -> None:
        """Erase the drawing."""
        self._image.fill(0)
        self._end_stroke()
        self._empty = True
        self.update()
        self.cleared.emit()
        self.imageChanged.emit()

    # ---- drawing ---------------------------------------------------------------------------------
    def _square(self) -> QRectF:
        """Where the image is shown: the largest centred square inside a 1-pixel frame."""
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_image(self, pos: QPointF) -> QPointF:
        square = self._square()
        scale = RESOLUTION / square.width()
        return QPointF((pos.x() - square.left()) * scale, (pos.y() - square.top()) * scale)

    def _begin_stroke(self, pos: QPointF, pressure: float = 1.0) -> None:
        self.strokeStarted.emit()
        self._stroke_base = self._image.copy()
        self._path = QPainterPath(self._to_image(pos))
        self._pressure = pressure
        self._last = self._path.currentPosition()
        self._empty = False
        self._render_stroke()

    def _continue_stroke(self, pos: QPointF, pressure: float = 1.0) -> None:
        if self._last is None or self._path is None:
            return
        point = self._to_image(pos)
        if point == self._last:
            return
        self._path.lineTo(point)
        self._pressure = max(self._pressure, pressure)
        self._last = point
        self._render_stroke()

    def _end_stroke(self) -> None:
        drawing = self._path is not None
        self._last = None
        self._path = None
        self._stroke_base = None
        if drawing:
            self.strokeEnded.emit()

    def _render_stroke(self) -> None:
        """Draw the current stroke onto the image as it was before the stroke began.

        The whole stroke is one path of line segments with round caps and joins, stroked once: drawing
        each segment separately would add up the anti-aliased edges where segments overlap and leave
        a beaded outline.
        """
        # A light pen touch still leaves a visible line; the firmest pressure of the stroke sets its width.
        width = self._brush * (0.4 + 0.6 * min(max(self._pressure, 0.0), 1.0))
        self._image = self._stroke_base.copy()
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._path.elementCount() == 1:  # a dot: a path without segments strokes nothing
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255))
            painter.drawEllipse(self._path.currentPosition(), width / 2, width / 2)
        else:
            painter.strokePath(self._path, QPen(QColor(255, 255, 255), width, Qt.PenStyle.SolidLine,
                                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.end()
        self.update()
        self.imageChanged.emit()

    # ---- events ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin_stroke(event.position())
        elif event.button() == Qt.MouseButton.RightButton:
            self.clear()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._continue_stroke(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._continue_stroke(event.position())
            self._end_stroke()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        # Devices without pressure report 0 or 1 constantly; treat "no pressure" as full pressure.
        has_pressure = bool(event.pointingDevice().capabilities() & QPointingDevice.Capability.Pressure)
        pressure = event.pressure() if has_pressure else 1.0
        if kind == QEvent.Type.TabletPress:
            self._begin_stroke(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._continue_stroke(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._continue_stroke(event.position(), pressure)
            self._end_stroke()
        # Accepting stops Qt from also sending the same motion as mouse events.
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            points = event.points()
            if points:
                # One finger draws; further fingers are ignored rather than drawing jumps between them.
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin_stroke(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self._continue_stroke(position)
                else:
                    if kind == QEvent.Type.TouchEnd:
                        self._continue_stroke(position)
                    self._end_stroke()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        square = self._square()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(square, self._image)
        if self._empty:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(square, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Draw a digit here"))
        frame = self.palette().color(QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Mid)
        painter.setPen(QPen(frame, 2 if self.hasFocus() else 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(square.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()


class NetworkInputPreview(QWidget):
    """The 28×28 image the network sees, enlarged with sharp pixels so each input pixel is visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkInputPreview")
        self.setAccessibleName(self.tr("What the network sees"))
        self.setToolTip(self.tr("Your drawing the way the network receives it: 28×28 pixels, the digit\n"
                                "scaled to fit 20×20 and centred by its centre of mass, like MNIST."))
        self.setFixedSize(3 * 28 + 2, 3 * 28 + 2)
        self._array: np.ndarray | None = None
        self._qimage: QImage | None = None

    def image(self) -> np.ndarray | None:
        """The image shown: float32 (28, 28) in [0, 1], or None when the canvas is empty."""
        return self._array

    def set_image(self, image: np.ndarray | None) -> None:
        """Show a float32 (28, 28) image in [0, 1]; None shows an empty (black) field."""
        self._array = None if image is None else np.asarray(image, np.float32)
        if self._array is None:
            self._qimage = None
        else:
            pixels = np.ascontiguousarray(np.round(np.clip(self._array, 0, 1) * 255), np.uint8)
            height, width = pixels.shape
            self._qimage = QImage(pixels.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        inner = QRect(1, 1, self.width() - 2, self.height() - 2)
        painter.fillRect(inner, QColor(0, 0, 0))
        if self._qimage is not None:
            painter.drawImage(inner, self._qimage)  # no smoothing: sharp pixels
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(QRect(0, 0, self.width() - 1, self.height() - 1))
        painter.end()


class ProbabilityBars(QWidget):
    """Ten vertical bars, one per class, with its label below and its percentage above.

    The most likely class is drawn in the highlight colour. The accessible description names the
    top three, so a screen reader can read the result without seeing the bars.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityBars")
        self.setAccessibleName(self.tr("Probabilities of each digit"))
        self.setToolTip(self.tr("How sure the network is about each digit. The bars add up to 100%."))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(90)
        self._probs: np.ndarray | None = None
        self._labels: tuple[str, ...] = tuple("0123456789")
        self._update_description()

    def sizeHint(self) -> QSize:
        return QSize(300, 130)

    def probabilities(self) -> np.ndarray | None:
        """The probabilities shown, float32 (classes,), or None when no bars are shown."""
        return None if self._probs is None else self._probs.copy()

    def set_probabilities(self, probs: np.ndarray | None, labels: tuple[str, ...] | None = None) -> None:
        """Show float32 (classes,) probabilities with one label per class; None shows empty bars."""
        self._probs = None if probs is None else np.asarray(probs, np.float32).copy()
        if labels is not None:
            self._labels = tuple(labels)
        self._update_description()
        self.update()

    def _update_description(self) -> None:
        if self._probs is None:
            self.setAccessibleDescription(self.tr("No prediction yet."))
            return
        top = np.argsort(self._probs)[::-1][:3]
        parts = [self.tr("{label}: {percent}%").format(label=self._labels[i], percent=round(100 * self._probs[i]))
                 for i in top]
        self.setAccessibleDescription(self.tr("Most likely {top}").format(top=", ".join(parts)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        count = len(self._labels) if self._probs is None else len(self._probs)
        labels = self._labels if len(self._labels) == count else tuple(str(i) for i in range(count))
        text_height = metrics.height()
        column = self.width() / max(count, 1)
        bar_top, bar_bottom = text_height + 2, self.height() - text_height - 4
        bar_height = max(bar_bottom - bar_top, 1)
        top_class = int(np.argmax(self._probs)) if self._probs is not None else -1
        track = palette.color(QPalette.ColorRole.AlternateBase)
        normal = palette.color(QPalette.ColorRole.Mid)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for i in range(count):
            left = i * column
            bar = QRectF(left + column * 0.2, bar_top, column * 0.6, bar_height)
            painter.fillRect(bar, track)
            is_top = i == top_class
            if self._probs is not None:
                p = float(self._probs[i])
                filled = QRectF(bar.left(), bar.bottom() - p * bar.height(), bar.width(), p * bar.height())
                painter.fillRect(filled, highlight if is_top else normal)
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                painter.drawText(QRectF(left, 0, column, text_height), Qt.AlignmentFlag.AlignCenter,
                                 self.tr("{percent}%").format(percent=round(100 * p)))
            font = QFont(self.font())
            font.setBold(is_top)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(left, bar_bottom + 2, column, text_height + 2), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(labels[i], Qt.TextElideMode.ElideRight, int(column)))
            painter.setFont(self.font())
        painter.end()


@dataclass
class CanvasView:
    """What the canvas shows beyond the session, kept across rebuilds of the panel (see ui.view_state)."""

    image: np.ndarray | None = None  # the drawing, float32 (280, 280) in [0, 1]; None when the canvas is empty
    brush: int | None = None
    test_label: int | None = None
    label_chosen: bool = False
    familiarity: Familiarity | None = None  # fitted to the current weights (a rebuild need not fit it again)
    familiarity_stale: bool = False


class CanvasPanel(QWidget):
    """The drawing canvas, what the network sees, its prediction, and the learner's own digits.

    Parameters
    ----------
    session : Session
        Read for ``predict``, ``dataset`` and ``weightsChanged``; given the learner's drawings
        through ``set_user_digits`` and ``use_user_digits``.
    parent : QWidget, optional
    user_digits : UserDigits, optional
        Where the learner's drawings are kept; default: ``my_digits.npz`` in the user's data folder.
        It is loaded here; a damaged file is reported and set aside.
    rng : numpy.random.Generator or int, optional
        Picks the test digits shown by "Show a test digit" (a seed makes the sequence repeatable).

    Signals
    -------
    networkInputChanged(object)
        The 28×28 image the network sees changed: float32 (28, 28) in [0, 1], or None when the
        canvas is empty. For views that show what happens inside the network for this input.
    predictionUpdated()
        The prediction (or the hint shown instead of one) was refreshed.
    familiarityFitted()
        New familiarity facts (:meth:`familiarity`) were taken from the current network and training digits.
    """

    networkInputChanged = Signal(object)
    predictionUpdated = Signal()
    familiarityFitted = Signal()

    View = CanvasView
    _test_label = ViewField()  # true label of the test digit on the canvas
    _label_chosen = ViewField()  # the learner picked the label: stop following the prediction
    _familiarity = ViewField()
    _familiarity_stale = ViewField()  # the weights changed during a run: refit when it ends

    def __init__(self, session: Session, parent: QWidget | None = None, *, user_digits: UserDigits | None = None,
                 rng: np.random.Generator | int | None = None, view: CanvasView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvasPanel")
        self._session = session
        fresh = view is None
        self.view = CanvasView() if view is None else view
        self._rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        self._user_digits = user_digits if user_digits is not None else UserDigits()
        self._image28: np.ndarray | None = None  # cache of to_mnist(canvas), None when stale
        self._shown_input: np.ndarray | None = None
        self._build()
        if not fresh:  # a rebuild (a language switch): the drawing and brush of the panel it replaces
            if self.view.brush is not None:
                self.brush_slider.setValue(self.view.brush)
            if self.view.image is not None:
                label = self._test_label
                self.canvas.set_image(self.view.image)
                if label is not None:
                    self._show_test_label(label)
        self.canvas.imageChanged.connect(self._remember_image)
        self.brush_slider.valueChanged.connect(self._remember_brush)
        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.setInterval(PREDICT_INTERVAL_MS)
        self._predict_timer.timeout.connect(self._refresh_prediction)
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self._refit_familiarity)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DELAY_MS)
        self._note_timer.timeout.connect(self._update_note)
        # Fitting runs the network on 2,000 digits (140 ms for the small CNN): off the GUI thread.
        self._familiarity_lane = BackgroundLane("familiarity", self)
        self._familiarity_lane.finished.connect(self._on_familiarity_fitted)
        self._familiarity_lane.failed.connect(self._on_familiarity_failed)
        self.canvas.imageChanged.connect(self._on_image_changed)
        self.canvas.strokeStarted.connect(self._on_stroke_started)
        self.canvas.strokeEnded.connect(self._schedule_prediction)
        self.canvas.cleared.connect(self._on_cleared)
        session.weightsChanged.connect(self._schedule_prediction)
        session.datasetChanged.connect(self._schedule_prediction)
        session.weightsChanged.connect(self._schedule_refit)
        session.datasetChanged.connect(self._schedule_refit)
        session.stateChanged.connect(self._on_state_changed)
        app = QCoreApplication.instance()
        if app is not None:  # no thread of this panel may outlive the application
            app.aboutToQuit.connect(self.shutdown)
        self._load_user_digits()
        self._refresh_prediction()
        if fresh or self._familiarity is None:
            self._schedule_refit()

    @Slot()
    def _remember_image(self) -> None:
        self.view.image = None if self.canvas.is_empty() else self.canvas.image()

    @Slot(int)
    def _remember_brush(self, size: int) -> None:
        self.view.brush = size

    # ---- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        # First, so it is also first when tabbing through the panel, as it is first on screen. Folded at
        # first: the central area is already at its minimum height in a 1400×900 window, and each line
        # added here would come off the loss plot's dock.
        self.explanation = ExplanationBox(
            "canvasExplanation",
            self.tr("Draw a digit: the network turns your drawing into the 28×28 image on the right, and its last "
                    "layer gives a probability for each digit."),
            self.tr("Draw a 7 badly and see how sure it is."), self, expanded=False)
        self.canvas = DigitCanvas(self)

        sees = QLabel(self.tr("What the network sees"), self)
        sees.setWordWrap(True)
        sees.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = NetworkInputPreview(self)

        self.prediction_label = QLabel(self)
        self.prediction_label.setObjectName("predictionLabel")
        self.prediction_label.setAccessibleName(self.tr("Predicted digit"))
        self.prediction_label.setToolTip(self.tr("The digit the network thinks you drew"))
        self.prediction_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 3.5)
        big.setBold(True)
        self.prediction_label.setFont(big)
        # Reserve the height so the layout does not jump when the first prediction appears.
        self.prediction_label.setMinimumHeight(self.prediction_label.fontMetrics().height())

        self.confidence_label = QLabel(self)
        self.confidence_label.setObjectName("confidenceLabel")
        self.confidence_label.setAccessibleName(self.tr("Confidence"))
        self.confidence_label.setToolTip(self.tr("The network's probability for its prediction"))
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("canvasStatusLabel")
        self.status_label.setAccessibleName(self.tr("Canvas status"))
        self.status_label.setToolTip(self.tr("The true label of the test digit on the canvas"))
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.clear_button = QPushButton(self.tr("&Clear"), self)
        self.clear_button.setObjectName("clearCanvasButton")
        self.clear_button.setAccessibleName(self.tr("Clear the drawing"))
        self.clear_button.setToolTip(self.tr("Erase the drawing (also: right-click, Delete or Esc on the canvas)"))
        self.clear_button.clicked.connect(self.canvas.clear)

        self.test_digit_button = QPushButton(self.tr("Show a &test digit"), self)
        self.test_digit_button.setObjectName("showTestDigitButton")
        self.test_digit_button.setAccessibleName(self.tr("Show a test digit"))
        self.test_digit_button.setToolTip(self.tr("Put a random digit from the held-out test images on the canvas"))
        self.test_digit_button.clicked.connect(self.show_test_digit)

        guess = QLabel(self.tr("Prediction"), self)
        guess.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed-width column: text appearing in it never resizes the canvas under the pen.
        column = QWidget(self)
        column.setFixedWidth(self.preview.width() + 40)
        side = QVBoxLayout(column)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(sees)
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addSpacing(6)
        side.addWidget(guess)
        side.addWidget(self.prediction_label)
        side.addWidget(self.confidence_label)
        side.addStretch(1)
        side.addWidget(self.status_label)
        # Room for every label's text, so the column keeps its layout even in a small dock (a layout's
        # minimum height ignores how many lines a word-wrapped label needs).
        sees.setMinimumHeight(sees.heightForWidth(column.width()))
        self.confidence_label.setMinimumHeight(self.confidence_label.fontMetrics().lineSpacing())
        self.status_label.setMinimumHeight(2 * self.status_label.fontMetrics().lineSpacing())
        column.setMinimumHeight(side.sizeHint().height())

        self.brush_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.brush_slider.setObjectName("brushSizeSlider")
        self.brush_slider.setAccessibleName(self.tr("Brush size"))
        self.brush_slider.setToolTip(self.tr("Thickness of your pen. The default gives strokes like MNIST's\n"
                                             "once the drawing is shrunk to 28×28."))
        self.brush_slider.setRange(*BRUSH_RANGE)
        self.brush_slider.setValue(self.canvas.brush_size())
        self.brush_slider.setPageStep(4)
        self.brush_slider.valueChanged.connect(self.canvas.set_brush_size)
        brush_label = QLabel(self.tr("Brush:"), self)
        brush_label.setBuddy(self.brush_slider)
        tools = QHBoxLayout()
        tools.addWidget(brush_label)
        tools.addWidget(self.brush_slider, 1)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.test_digit_button)

        # The note sits above the canvas, beside the taller side column, so folded it costs no height.
        drawing = QVBoxLayout()
        drawing.addWidget(self.explanation)
        drawing.addWidget(self.canvas, 1)
        top = QHBoxLayout()
        top.addLayout(drawing, 1)
        top.addWidget(column)

        self.bars = ProbabilityBars(self)

        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("predictionHint")
        self.hint_label.setAccessibleName(self.tr("Prediction hint"))
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_font = QFont(self.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.2)
        self.hint_label.setFont(hint_font)

        # The hint takes the bars' place: swapping pages never changes the layout's sizes, so the
        # canvas does not move under the pen when the first prediction replaces the hint.
        self.result_stack = QStackedWidget(self)
        self.result_stack.addWidget(self.bars)
        self.result_stack.addWidget(self.hint_label)

        self.not_a_digit_note = QLabel(self.tr(
            "A network trained only on digits always answers with a digit — it cannot say 'none of these'. "
            "This drawing looks unlike every digit it learned from."), self)
        self.not_a_digit_note.setObjectName("notADigitNote")
        self.not_a_digit_note.setAccessibleName(self.tr("Not a digit"))
        self.not_a_digit_note.setWordWrap(True)
        self.not_a_digit_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its room is kept while hidden: the canvas must not move when the note comes and goes.
        policy = self.not_a_digit_note.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.not_a_digit_note.setSizePolicy(policy)
        self.not_a_digit_note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.result_stack, 1)
        layout.addWidget(self.not_a_digit_note)
        layout.addWidget(self._build_my_digits())
        # Draw, adjust the brush, then act on the drawing: the order a learner works in.
        chain = (self.canvas, self.brush_slider, self.clear_button, self.test_digit_button, self.label_spin,
                 self.add_button, self.use_check, self.remove_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_my_digits(self) -> QGroupBox:
        box = QGroupBox(self.tr("My drawings"), self)
        box.setObjectName("myDigitsGroup")
        box.setToolTip(self.tr("Teach the network your handwriting: label your drawings and train again"))

        self.label_spin = QSpinBox(box)
        self.label_spin.setObjectName("myDigitLabelSpin")
        self.label_spin.setAccessibleName(self.tr("Digit label of my drawing"))
        self.label_spin.setToolTip(self.tr("Which digit your drawing is (starts at the network's guess)"))
        self.label_spin.setRange(0, 9)
        self.label_spin.valueChanged.connect(self._on_label_chosen)
        spin_label = QLabel(self.tr("Add m&y drawing to the training data as"), box)
        spin_label.setBuddy(self.label_spin)

        self.add_button = QPushButton(self.tr("&Add"), box)
        self.add_button.setObjectName("addMyDigitButton")
        self.add_button.setAccessibleName(self.tr("Add my drawing to the training data"))
        self.add_button.setToolTip(self.tr("Save this drawing with the chosen digit; it is used the next time "
                                           "you train"))
        self.add_button.setEnabled(False)  # until there is a drawing
        self.add_button.clicked.connect(self.add_my_digit)

        self.remove_button = QPushButton(self.tr("Re&move last"), box)
        self.remove_button.setObjectName("removeLastDigitButton")
        self.remove_button.setAccessibleName(self.tr("Remove my last drawing"))
        self.remove_button.setToolTip(self.tr("Forget the drawing you added last"))
        self.remove_button.clicked.connect(self.remove_last_digit)

        self.use_check = QCheckBox(box)
        self.use_check.setObjectName("useMyDigitsCheck")
        self.use_check.setAccessibleName(self.tr("Use my drawings in training"))
        self.use_check.setToolTip(self.tr("Add your labelled drawings to the training images "
                                          "(from the next training run)"))
        self.use_check.setChecked(self._session.use_user_digits)
        self.use_check.toggled.connect(self._on_use_toggled)

        self.counts_label = QLabel(box)
        self.counts_label.setObjectName("myDigitsCounts")
        self.counts_label.setAccessibleName(self.tr("My drawings"))
        self.counts_label.setToolTip(self.tr("What happened to your drawings, and how many of each digit you added"))
        self.counts_label.setWordWrap(True)
        self.counts_label.setMinimumHeight(2 * self.counts_label.fontMetrics().lineSpacing())

        add_row = QHBoxLayout()
        add_row.addWidget(spin_label)
        add_row.addWidget(self.label_spin)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        use_row = QHBoxLayout()
        use_row.addWidget(self.use_check, 1)
        use_row.addWidget(self.remove_button)
        rows = QVBoxLayout(box)
        rows.addLayout(add_row)
        rows.addLayout(use_row)
        rows.addWidget(self.counts_label)
        return box

    # ---- public API ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel the familiarity refit and wait for it (before the application quits)."""
        self._familiarity_lane.shutdown()

    def familiarity(self) -> Familiarity | None:
        """The facts the "not a digit" note judges with, or None before the first fit (or without a network)."""
        return self._familiarity

    def judgement(self) -> Judgement | None:
        """How familiar the drawing on the canvas is, or None (empty canvas, no facts yet, not digits)."""
        image = self.network_input()
        if image is None or self._familiarity is None or self._session.dataset.class_names != DIGIT_CLASSES:
            return None
        return self._familiarity.judge(image)

    @property
    def user_digits(self) -> UserDigits:
        """The learner's stored drawings."""
        return self._user_digits

    def network_input(self) -> np.ndarray | None:
        """What the network sees: float32 (28, 28) in [0, 1], or None when the canvas is empty."""
        if self.canvas.is_empty():
            return None
        if self._image28 is None:
            self._image28 = to_mnist(self.canvas.image(), invert=False)
        return self._image28

    @Slot()
    def show_test_digit(self) -> int:
        """Put a random held-out test digit on the canvas; returns its true label."""
        data = self._session.dataset
        index = int(self._rng.integers(len(data.y_test)))
        label = int(data.y_test[index])
        self.canvas.set_image(data.x_test[index, :, :, 0])
        self._show_test_label(label)
        return label

    def _show_test_label(self, label: int) -> None:
        self._test_label = label
        self.status_label.setText(self.tr("A test digit: {label}").format(label=self._class_name(label)))

    @Slot()
    def add_my_digit(self) -> None:
        """Store the drawing (its 28×28 form) with the chosen label and hand all drawings to the session."""
        image = self.network_input()
        if image is None:
            return
        label = self.label_spin.value()
        try:
            self._user_digits.add(image, label)
            text = self.tr("Added your drawing as the digit {digit}. Draw another one!").format(digit=label)
        except OSError as exc:
            text = self.tr("Your drawing is used, but it could not be saved ({reason}).").format(
                reason=exc.strerror or str(exc))
        self._session.set_user_digits(*self._user_digits.as_float())
        self._update_my_digits(text)
        self.canvas.clear()

    @Slot()
    def remove_last_digit(self) -> None:
        """Forget the most recently added drawing."""
        try:
            label = self._user_digits.remove_last()
            text = "" if label is None else self.tr("Removed your last drawing (labelled {digit}).").format(
                digit=label)
        except OSError as exc:
            text = self.tr("Your last drawing is removed for now, but the change could not be saved ({reason}).") \
                .format(reason=exc.strerror or str(exc))
        self._session.set_user_digits(*self._user_digits.as_float())
        self._update_my_digits(text)

    # ---- reactions -------------------------------------------------------------------------------
    def _load_user_digits(self) -> None:
        problem = self._user_digits.load()
        if problem is not None:
            self._session.message.emit(problem)
        if len(self._user_digits):
            self._session.set_user_digits(*self._user_digits.as_float())
        self._update_my_digits(problem or "")

    def _update_my_digits(self, message: str = "") -> None:
        """Show the number of drawings, per digit, after an optional message about the last action."""
        count = len(self._user_digits)
        self.use_check.setText(self.tr("Use my drawings in training ({count})").format(count=count))
        self.remove_button.setEnabled(count > 0)
        if count:
            per_digit = ", ".join(self.tr("{digit} ({n})").format(digit=d, n=n)
                                  for d, n in enumerate(self._user_digits.counts()) if n)
            counts = self.tr("By digit: {list}").format(list=per_digit)
        else:
            counts = self.tr("No drawings added yet.")
        self.counts_label.setText("\n".join(part for part in (message, counts) if part))

    @Slot(bool)
    def _on_use_toggled(self, checked: bool) -> None:
        self._session.use_user_digits = checked

    @Slot(int)
    def _on_label_chosen(self, _value: int) -> None:
        self._label_chosen = True

    @Slot()
    def _on_stroke_started(self) -> None:
        if self.canvas.is_empty():
            self._label_chosen = False
        # The drawing is now the learner's own: the test digit's true label no longer applies.
        self._test_label = None
        self.status_label.clear()

    @Slot()
    def _on_cleared(self) -> None:
        self._label_chosen = False
        self._test_label = None
        self.status_label.clear()
        self._hide_note()

    @Slot()
    def _on_image_changed(self) -> None:
        self._image28 = None
        self._schedule_prediction()

    @Slot()
    def _schedule_prediction(self) -> None:
        # Not restarted while pending, so continuous drawing still predicts every interval.
        if not self._predict_timer.isActive():
            self._predict_timer.start()

    def _class_name(self, index: int) -> str:
        names = self._session.dataset.class_names
        return names[index] if 0 <= index < len(names) else str(index)

    @Slot()
    def _refresh_prediction(self) -> None:
        image = self.network_input()
        if image is not self._shown_input:
            self._shown_input = image
            self.preview.set_image(image)
            self.add_button.setEnabled(image is not None)
            self.networkInputChanged.emit(image)
        probs = None if image is None else self._session.predict(image)
        if probs is None:
            self._show_no_prediction(self.tr("Draw a digit in the black square, or show a test digit.")
                                     if image is None else self.tr("Fix the network to see predictions."))
        elif not np.all(np.isfinite(probs)):
            self._show_no_prediction(self.tr("The network's outputs are not numbers: training went wrong. "
                                             "Reset the weights or lower the learning rate."))
        else:
            self._show_prediction(probs)
        if probs is None or not np.all(np.isfinite(probs)):
            self._hide_note()
        elif not self.canvas.is_drawing():
            self._follow_judgement()
        self.predictionUpdated.emit()

    def _show_prediction(self, probs: np.ndarray) -> None:
        names = self._session.dataset.class_names
        labels = names if len(names) == len(probs) else tuple(str(i) for i in range(len(probs)))
        best = int(np.argmax(probs))
        self.bars.set_probabilities(probs, labels)
        self.prediction_label.setText(labels[best])
        self.confidence_label.setText(self.tr("{percent}% sure").format(percent=round(100 * float(probs[best]))))
        self.prediction_label.setAccessibleDescription(self.confidence_label.text())
        self.result_stack.setCurrentWidget(self.bars)
        if not self._label_chosen and best <= self.label_spin.maximum():
            with QSignalBlocker(self.label_spin):
                self.label_spin.setValue(best)

    # ---- "not a digit" -------------------------------------------------------------------------------
    def _follow_judgement(self) -> None:
        """Hide the note at once when the drawing is familiar; show it only after NOTE_DELAY_MS if it is not."""
        judgement = self.judgement()
        if judgement is None or judgement.familiar:
            self._hide_note()
        elif self.not_a_digit_note.isVisibleTo(self):
            self._update_note()  # still unlike every digit, perhaps for another reason now
        elif not self._note_timer.isActive():
            self._note_timer.start()

    @Slot()
    def _update_note(self) -> None:
        """Show or hide the note for the drawing as it is now (the pen is up)."""
        if self.canvas.is_drawing():
            return  # the stroke's end asks again
        judgement = self.judgement()
        if judgement is None or judgement.familiar:
            self._hide_note()
            return
        tips = {
            "too_much_ink": self.tr("Shrunk to 28×28 like the training digits, this drawing has more ink than "
                                    "any of them."),
            "too_little_ink": self.tr("Shrunk to 28×28 like the training digits, this drawing has less ink than "
                                      "any of them."),
        }
        tip = tips.get(judgement.reason, self.tr(
            "Pixel by pixel, or in the network's last hidden layer, this drawing is farther from the training "
            "digits than almost any of them is from the others."))
        self.not_a_digit_note.setToolTip(tip)
        self.not_a_digit_note.setAccessibleDescription(tip)
        self.not_a_digit_note.show()

    def _hide_note(self) -> None:
        self._note_timer.stop()
        self.not_a_digit_note.hide()

    @Slot()
    def _schedule_refit(self) -> None:
        if self._session.is_training():
            self._familiarity_stale = True  # refitted when the run ends or pauses
            return
        self._refit_timer.start()

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        if state != "running" and self._familiarity_stale:
            self._refit_timer.start()

    @Slot()
    def _refit_familiarity(self) -> None:
        if self._session.is_training():  # a run began while the refit waited: it ends with a refit of its own
            self._familiarity_stale = True
            return
        self._familiarity_stale = False
        model = self._session.model
        if model is None:
            self._familiarity_lane.cancel()
            self._familiarity = None
            self._schedule_prediction()
            return
        x, y, _, _ = self._session.training_arrays()
        # The copy is taken here, on the GUI thread: the session's model is overwritten in place while training.
        # The training arrays are never changed in place (new data are new arrays).
        self._familiarity_lane.submit(_fit_familiarity, model.copy(), x, y)

    @Slot(object, object)
    def _on_familiarity_fitted(self, familiarity: Familiarity, _job: Job) -> None:
        self._familiarity = familiarity
        self.familiarityFitted.emit()
        self._schedule_prediction()

    @Slot(object, object)
    def _on_familiarity_failed(self, _error: Exception, _job: Job) -> None:
        # Too few training images, or a network that cannot run them: no note rather than a wrong one.
        self._familiarity = None
        self._schedule_prediction()

    def _show_no_prediction(self, hint: str) -> None:
        self.bars.set_probabilities(None)
        self.prediction_label.clear()
        self.confidence_label.clear()
        self.hint_label.setText(hint)
        self.result_stack.setCurrentWidget(self.hint_label)


def _fit_familiarity(model: sb.Sequential, x: np.ndarray, y: np.ndarray, *, stop: sb.StopToken) -> Familiarity:
    """Run in the familiarity lane's thread on a model copy nobody else touches."""
    return Familiarity.fit(model, x, y, copy=False, stop=stop)
