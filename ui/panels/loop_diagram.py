"""The training loop, drawn live: chapter 1's figure of input, layers, predictions, loss and optimizer.

The diagram follows the book's layout: the input X at the top, the layers (each fed by its weights)
below it, the predictions Y′ beside the true targets Y, the loss function, the loss score, and the
optimizer whose "weight update" arrow goes back up to the weights. It carries the real numbers of
the last batch the session reported (``Session.batchesReceived``): the batch size, a sample of
predictions against true labels, the loss score, the gradient norm and the size of the last update
per layer, and the learning rate.

While training runs, a highlight goes round the loop (forward → loss → backward → update) once per
batch shown; batches that arrive during a round are merged into the next one, so the highlight
never races. Records are only stored when they arrive; a ~30 ms frame timer advances the highlight
and starts each round with the newest record, whose numbers the round carries. The drawing repaints
when the stage moves (a few times a second), never once per batch signal (redrawing per batch doubled the GUI tick).

When the session is paused after a Step, "Next stage ›" walks through the four stages of that batch
one at a time, with a sentence and the real numbers for each.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from sandbox.training import BatchProgress

__all__ = ["LoopDiagramPanel"]

#: The frame timer's delay: records arriving within it become one repaint.
FRAME_MS = 30
#: Frames each stage stays highlighted while training runs: one round of four stages takes ~0.6 s,
#: slow enough to follow, fast enough to look alive.
FRAMES_PER_STAGE = 5
#: Stage numbers, as :meth:`LoopDiagramPanel.current_stage` returns them (0: no stage highlighted).
FORWARD, LOSS, BACKWARD, UPDATE = 1, 2, 3, 4
#: One colour per stage (Okabe–Ito, readable with colour-vision deficiencies). The gradient bars share
#: the backward colour and the update bars the update colour, so the legend and the stages agree.
STAGE_COLORS = {FORWARD: QColor("#0072B2"), LOSS: QColor("#D55E00"), BACKWARD: QColor("#CC79A7"),
                UPDATE: QColor("#009E73")}
RIGHT_COLOR, WRONG_COLOR = QColor("#009E73"), QColor("#D55E00")

#: The drawing is laid out in reference units for this width and scaled to the widget; wider widgets
#: stretch the layout up to REF_WIDTH * MAX_STRETCH before the spare room becomes margin.
REF_WIDTH = 380.0
MAX_STRETCH = 1.5
MIN_SCALE, MAX_SCALE = 0.55, 1.7
#: Layers with weights shown as boxes; deeper networks show the first and last few around "… n more".
MAX_LAYER_ROWS = 6

# Vertical layout, in reference units.
TOP, BOTTOM = 6.0, 6.0
BOX_H = 30.0
DATA_H = 38.0  # Y′ and Y: title plus a line of values
SCORE_H = 34.0
GAP = 12.0
NOTE_GAP = 22.0  # a gap whose arrow passes layers without weights names them
MORE_H = 18.0
LANE_X = 12.0  # the "weight update" arrow's way up the left edge


@dataclass(frozen=True)
class _LayerRow:
    """A layer with weights as the diagram shows it.

    ``passes`` names the layers without weights (pooling, flatten, …) the data goes through just
    before this one; a row with an empty ``name`` stands for ``more`` layers left out.
    """

    name: str
    label: str
    params: int
    passes: tuple[str, ...] = ()
    more: int = 0


def _layer_rows(trace: list[Any]) -> tuple[list[_LayerRow], tuple[str, ...]]:
    """Rows for the layers with weights, and the names of weightless layers after the last one."""
    rows: list[_LayerRow] = []
    passes: list[str] = []
    for row in trace:
        if row.params > 0:
            rows.append(_LayerRow(row.name, row.spec.label(), row.params, tuple(passes)))
            passes = []
        else:
            passes.append(row.name)
    if len(rows) > MAX_LAYER_ROWS:
        head, tail = MAX_LAYER_ROWS // 2, MAX_LAYER_ROWS // 2 - 1
        left_out = len(rows) - head - tail
        rows = [*rows[:head], _LayerRow("", "", 0, (), left_out), *rows[-tail:]]
    return rows, tuple(passes)


def _is_classes(values: tuple[float, ...]) -> bool:
    """Whether a sample holds class numbers (whole, finite) rather than output values."""
    return bool(values) and all(math.isfinite(v) and float(v).is_integer() for v in values)


def _number_text(value: float) -> str:
    """Three significant digits, or a short exponent for tiny and huge values (``8.1e-4``), to fit beside a bar."""
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _finite_max(values: Iterable[float]) -> float:
    """The largest finite value (0.0 if none): a diverged layer must not flatten every other bar."""
    return max((v for v in values if math.isfinite(v)), default=0.0)


def _value_text(value: float, classes: bool) -> str:
    return str(int(value)) if classes else f"{value:.3g}"


class _LoopCanvas(QWidget):
    """Paints the loop. The panel sets the fields and calls ``update()``; painting never reads the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loopDiagramCanvas")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rows: list[_LayerRow] = []
        self.trailing: tuple[str, ...] = ()
        self.record: BatchProgress | None = None
        self.stage = 0
        self.optimizer_name = ""
        self.loss_name = ""
        self.images = True  # the inputs are images (the digits) rather than feature vectors

    def sizeHint(self) -> QSize:
        return QSize(int(REF_WIDTH), int(self.content_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(int(REF_WIDTH * MIN_SCALE), int(self.content_height() * MIN_SCALE))

    # ---- geometry (reference units) ----------------------------------------------------------------
    def content_height(self) -> float:
        """Height of the drawing in reference units; it grows with the number of layer rows."""
        height = TOP + BOX_H
        for row in self.rows or [_LayerRow("", "", 0)]:
            height += (NOTE_GAP if row.passes else GAP) + (MORE_H if row.more else BOX_H)
        height += (NOTE_GAP if self.trailing else GAP) + DATA_H + GAP + BOX_H + GAP + SCORE_H + BOTTOM
        return height

    @staticmethod
    def _columns(width: float) -> dict[str, tuple[float, float]]:
        """Left edge and width of each column: the weights, the layers (the main flow), the bars and Y."""
        weights_x, weights_w = LANE_X + 12.0, 0.19 * width
        layer_x = weights_x + weights_w + 12.0
        right_w = 0.32 * width
        right_x = width - 8.0 - right_w
        return {"weights": (weights_x, weights_w), "layers": (layer_x, right_x - 10.0 - layer_x),
                "right": (right_x, right_w)}

    # ---- painting ----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        content_h = self.content_height()
        scale = min(self.width() / REF_WIDTH, self.height() / content_h, MAX_SCALE)
        scale = max(scale, MIN_SCALE)
        width = min(self.width() / scale, REF_WIDTH * MAX_STRETCH)
        painter.translate((self.width() - width * scale) / 2, max(0.0, (self.height() - content_h * scale) / 2))
        painter.scale(scale, scale)
        self._paint(painter, width)
        painter.end()

    def _fonts(self) -> dict[str, QFont]:
        fonts = {}
        for key, size, weight in (("title", 11, QFont.Weight.DemiBold), ("sub", 10, QFont.Weight.Normal),
                                  ("small", 9, QFont.Weight.Normal), ("big", 15, QFont.Weight.Bold)):
            font = QFont(self.font())
            font.setPixelSize(size)
            font.setWeight(weight)
            fonts[key] = font
        return fonts

    def _paint(self, p: QPainter, width: float) -> None:
        palette = self.palette()
        self._text = palette.color(QPalette.ColorRole.WindowText)
        self._base = palette.color(QPalette.ColorRole.Base)
        self._muted = QColor(self._text)
        self._muted.setAlpha(150)
        self._line = QColor(self._text)
        self._line.setAlpha(120)
        self._f = self._fonts()
        cols = self._columns(width)
        wx, ww = cols["weights"]
        lx, lw = cols["layers"]
        rx, rw = cols["right"]
        record, stage = self.record, self.stage
        details = record.details if record is not None else None
        forward, loss, backward, update = (stage == s for s in (FORWARD, LOSS, BACKWARD, UPDATE))

        # The stage in progress, named in its colour in the empty corner above the weights.
        y = TOP
        if stage:
            names = {FORWARD: self.tr("1 Forward"), LOSS: self.tr("2 Loss"), BACKWARD: self.tr("3 Backward"),
                     UPDATE: self.tr("4 Update")}
            self._pill(p, QRectF(4, y + 6, lx - 12, 18), names[stage], STAGE_COLORS[stage])

        # Input X.
        x_rect = QRectF(lx, y, lw, BOX_H)
        if record is not None:
            sub = (self.tr("{n} images") if self.images else self.tr("{n} examples")).format(n=record.batch_size)
        else:
            sub = self.tr("a batch of images") if self.images else self.tr("a batch of examples")
        self._box(p, x_rect, self.tr("Input X"), sub, None, STAGE_COLORS[FORWARD] if forward else None)

        # Legend of the bars, above the first layer's bars.
        legend = QRectF(rx, y + 4, rw, BOX_H - 4)
        self._legend(p, legend, backward, update)

        # Layers, each fed by its weights.
        y += BOX_H
        prev_bottom = QPointF(x_rect.center().x(), x_rect.bottom())
        grad_max = _finite_max(details.layer_grad_norms.values() if details else ())
        update_max = _finite_max(details.layer_update_norms.values() if details else ())
        weight_points: list[float] = []
        rows = self.rows or [_LayerRow("", self.tr("Layers"), 0)]
        for row in rows:
            gap = NOTE_GAP if row.passes else GAP
            top = y + gap
            self._arrow(p, [prev_bottom, QPointF(prev_bottom.x(), top)], STAGE_COLORS[FORWARD] if forward else None)
            if row.passes:
                self._note(p, QPointF(prev_bottom.x() + 6, y + gap / 2), " · ".join(row.passes), width - 8)
            y = top
            if row.more:
                rect = QRectF(lx, y, lw, MORE_H)
                p.setFont(self._f["sub"])
                p.setPen(self._muted)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("⋮ {n} more layers ⋮").format(n=row.more))
                prev_bottom = QPointF(rect.center().x(), rect.bottom())
                y += MORE_H
                continue
            rect = QRectF(lx, y, lw, BOX_H)
            self._box(p, rect, row.label, row.name, STAGE_COLORS[FORWARD],
                      STAGE_COLORS[FORWARD] if forward else None, dashed=backward)
            if row.params:
                w_rect = QRectF(wx, y, ww, BOX_H)
                self._box(p, w_rect, self.tr("weights"), f"{row.params:,}", STAGE_COLORS[UPDATE],
                          STAGE_COLORS[UPDATE] if update else None)
                self._arrow(p, [QPointF(w_rect.right(), rect.center().y()), QPointF(rect.left(), rect.center().y())],
                            STAGE_COLORS[FORWARD] if forward else None)
                weight_points.append(rect.center().y())
                if details is not None:
                    self._bars(p, QRectF(rx, y, rw, BOX_H), details.layer_grad_norms.get(row.name),
                               details.layer_update_norms.get(row.name), grad_max, update_max, backward, update)
            prev_bottom = QPointF(rect.center().x(), rect.bottom())
            y += BOX_H

        # Predictions Y′ beside the true targets Y.
        gap = NOTE_GAP if self.trailing else GAP
        self._arrow(p, [prev_bottom, QPointF(prev_bottom.x(), y + gap)], STAGE_COLORS[FORWARD] if forward else None)
        if self.trailing:
            self._note(p, QPointF(prev_bottom.x() + 6, y + gap / 2), " · ".join(self.trailing), width - 8)
        y += gap
        pred_rect = QRectF(lx, y, lw, DATA_H)
        true_rect = QRectF(rx, y, rw, DATA_H)
        pred_active = STAGE_COLORS[FORWARD] if forward else STAGE_COLORS[LOSS] if loss else None
        self._box(p, pred_rect, self.tr("Predictions Y′"), "", None, pred_active, top_title=True)
        self._box(p, true_rect, self.tr("True targets Y"), "", None, STAGE_COLORS[LOSS] if loss else None,
                  top_title=True)
        self._samples(p, pred_rect, true_rect, details)

        # Loss function and loss score.
        y += DATA_H + GAP
        loss_rect = QRectF(lx, y, rx + rw - lx, BOX_H)
        loss_color = STAGE_COLORS[LOSS] if loss else None
        for source in (pred_rect, true_rect):
            self._arrow(p, [QPointF(source.center().x(), source.bottom()), QPointF(source.center().x(), y)],
                        loss_color)
        self._box(p, loss_rect, self.tr("Loss function"), self.loss_name.replace("_", " "), STAGE_COLORS[LOSS],
                  loss_color, one_line=True)
        y += BOX_H + GAP
        score_w = min(130.0, loss_rect.width() * 0.5)
        score_rect = QRectF(loss_rect.center().x() - score_w / 2, y, score_w, SCORE_H)
        self._arrow(p, [QPointF(score_rect.center().x(), loss_rect.bottom()), QPointF(score_rect.center().x(), y)],
                    loss_color)
        score_text = "—" if record is None else f"{record.batch_loss:.4g}"
        self._box(p, score_rect, self.tr("Loss score"), score_text, STAGE_COLORS[LOSS],
                  STAGE_COLORS[LOSS] if loss else STAGE_COLORS[BACKWARD] if backward else None, big=True)

        # The optimizer turns the loss score into a weight update that goes back up to the weights.
        opt_rect = QRectF(wx, y, score_rect.left() - 22 - wx, SCORE_H)
        self._arrow(p, [QPointF(score_rect.left(), score_rect.center().y()),
                        QPointF(opt_rect.right(), score_rect.center().y())],
                    STAGE_COLORS[BACKWARD] if backward else STAGE_COLORS[UPDATE] if update else None)
        opt_sub = self.optimizer_name
        if record is not None:
            opt_sub = self.tr("{optimizer} · lr {lr}").format(optimizer=self.optimizer_name,
                                                              lr=f"{record.learning_rate:g}")
        self._box(p, opt_rect, self.tr("Optimizer"), opt_sub, STAGE_COLORS[UPDATE],
                  STAGE_COLORS[UPDATE] if update else None)
        if weight_points:
            self._update_lane(p, LANE_X, wx, opt_rect, weight_points, pred_rect.top(), loss_rect.bottom(), update)

    # ---- drawing helpers ---------------------------------------------------------------------------
    def _pen(self, active: QColor | None, width: float = 1.2, dashed: bool = False) -> QPen:
        pen = QPen(active if active is not None else self._line, 2.2 if active is not None else width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _box(self, p: QPainter, rect: QRectF, title: str, sub: str, tint: QColor | None, active: QColor | None,
             *, dashed: bool = False, top_title: bool = False, one_line: bool = False, big: bool = False) -> None:
        """A rounded box with a title and a line under it; ``active`` draws it highlighted in that colour."""
        fill = QColor(self._base)
        if tint is not None:
            fill = _blend(self._base, tint, 0.10)
        if active is not None:
            fill = _blend(self._base, active, 0.22)
        p.setBrush(fill)
        if dashed:
            p.setPen(self._pen(STAGE_COLORS[BACKWARD], dashed=True))
        else:
            p.setPen(self._pen(active))
        p.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(4, 1, -4, -1)
        if one_line and sub:
            self._text_line(p, inner, title, self._f["title"], self._text, Qt.AlignmentFlag.AlignLeft, sub)
            return
        if top_title:
            self._text_line(p, QRectF(inner.left(), inner.top() + 2, inner.width(), 14), title, self._f["title"],
                            self._text)
            return
        if not sub:
            self._text_line(p, inner, title, self._f["title"], self._text)
            return
        title_h = 13.0
        sub_font = self._f["big"] if big else self._f["sub"]
        sub_h = 17.0 if big else 12.0
        top = inner.center().y() - (title_h + sub_h) / 2
        self._text_line(p, QRectF(inner.left(), top, inner.width(), title_h), title, self._f["title"], self._text)
        self._text_line(p, QRectF(inner.left(), top + title_h, inner.width(), sub_h), sub, sub_font,
                        self._text if big else self._muted)

    def _text_line(self, p: QPainter, rect: QRectF, text: str, font: QFont, color: QColor,
                   align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter, after: str = "") -> None:
        """One elided line centred in ``rect``; ``after`` follows ``text`` in the muted small font."""
        metrics = QFontMetricsF(font)
        if after:
            small = QFontMetricsF(self._f["sub"])
            head = text + "  "
            head_w = metrics.horizontalAdvance(head)
            tail = small.elidedText(after, Qt.TextElideMode.ElideRight, max(0.0, rect.width() - head_w))
            total = head_w + small.horizontalAdvance(tail)
            left = rect.left() + max(0.0, (rect.width() - total) / 2)
            p.setFont(font)
            p.setPen(color)
            p.drawText(QRectF(left, rect.top(), head_w + 1, rect.height()), Qt.AlignmentFlag.AlignVCenter, head)
            p.setFont(self._f["sub"])
            p.setPen(self._muted)
            p.drawText(QRectF(left + head_w, rect.top(), rect.width(), rect.height()),
                       Qt.AlignmentFlag.AlignVCenter, tail)
            return
        p.setFont(font)
        p.setPen(color)
        p.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))

    def _arrow(self, p: QPainter, points: list[QPointF], active: QColor | None) -> None:
        """A polyline with an arrowhead at its last point."""
        if len(points) < 2:
            return
        color = active if active is not None else self._line
        p.setPen(self._pen(active))
        p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        tip, before = points[-1], points[-2]
        dx, dy = tip.x() - before.x(), tip.y() - before.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        size = 6.0 if active is not None else 5.0
        back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
        if length > size:
            p.drawPath(path)
        head = QPainterPath(tip)
        head.lineTo(QPointF(back.x() - uy * size * 0.55, back.y() + ux * size * 0.55))
        head.lineTo(QPointF(back.x() + uy * size * 0.55, back.y() - ux * size * 0.55))
        head.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPath(head)

    def _note(self, p: QPainter, anchor: QPointF, text: str, right: float) -> None:
        """Names of weightless layers beside the arrow that passes through them."""
        font = self._f["small"]
        metrics = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(self._muted)
        rect = QRectF(anchor.x(), anchor.y() - 7, right - anchor.x(), 14)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))

    def _pill(self, p: QPainter, rect: QRectF, text: str, color: QColor) -> None:
        """White text on a rounded patch of ``color``, as wide as the text needs (at most ``rect``)."""
        width = min(rect.width(), QFontMetricsF(self._f["title"]).horizontalAdvance(text) + 16)
        rect = QRectF(rect.right() - width, rect.top(), width, rect.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        self._text_line(p, rect.adjusted(4, 0, -4, 0), text, self._f["title"], QColor("white"))

    def _legend(self, p: QPainter, rect: QRectF, backward: bool, update: bool) -> None:
        """"gradient" and "update" with their colours, heading the bars beside the layers."""
        p.setFont(self._f["small"])
        metrics = QFontMetricsF(self._f["small"])
        y = rect.bottom() - 6
        x = rect.left()
        for text, color, on in ((self.tr("gradient"), STAGE_COLORS[BACKWARD], backward),
                                (self.tr("update"), STAGE_COLORS[UPDATE], update)):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(QRectF(x, y - 4, 8, 8), 2, 2)
            font = QFont(self._f["small"])
            font.setBold(on)
            p.setFont(font)
            p.setPen(color if on else self._muted)
            p.drawText(QPointF(x + 11, y + 3.5), text)
            x += 11 + metrics.horizontalAdvance(text) + 12

    def _bars(self, p: QPainter, rect: QRectF, grad: float | None, step: float | None, grad_max: float,
              step_max: float, backward: bool, update: bool) -> None:
        """Two bars beside a layer: its gradient norm (top) and how far its weights moved (bottom)."""
        number_w = 42.0
        track_w = max(10.0, rect.width() - number_w - 4)
        for i, (value, peak, color, on) in enumerate(((grad, grad_max, STAGE_COLORS[BACKWARD], backward),
                                                      (step, step_max, STAGE_COLORS[UPDATE], update))):
            top = rect.top() + 5 + i * 11
            track = QRectF(rect.left(), top, track_w, 8)
            faint = QColor(self._text)
            faint.setAlpha(28)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(faint)
            p.drawRoundedRect(track, 3, 3)
            if value is None or not math.isfinite(value):
                text = "–"
            else:
                share = value / peak if peak > 0 else 0.0
                fill = QColor(color)
                fill.setAlpha(255 if on else 170)
                p.setBrush(fill)
                p.drawRoundedRect(QRectF(track.left(), top, max(2.0, track_w * share), 8), 3, 3)
                text = _number_text(value)
            font = QFont(self._f["small"])
            font.setBold(on)
            p.setFont(font)
            p.setPen(color if on else self._text)
            p.drawText(QRectF(track.right() + 4, top - 3, number_w, 14),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _samples(self, p: QPainter, pred_rect: QRectF, true_rect: QRectF, details: Any) -> None:
        """The first predictions of the batch on Y′'s second line, their true labels on Y's, pair by pair."""
        font = self._f["sub"]
        metrics = QFontMetricsF(font)
        space = metrics.horizontalAdvance("  ")
        lines = [QRectF(r.left() + 6, r.top() + 19, r.width() - 12, 14) for r in (pred_rect, true_rect)]
        p.setFont(font)
        if details is None or not details.predictions:
            p.setPen(self._muted)
            for line in lines:
                p.drawText(line, Qt.AlignmentFlag.AlignCenter, "…")
            return
        preds, targets = details.predictions, details.targets
        classes = _is_classes(preds) and _is_classes(targets)
        pred_tokens: list[tuple[str, QColor]] = []
        for pred, target in zip(preds, targets, strict=False):
            if classes:
                # The true label stands under Y, so a mark is enough here and more of the sample fits.
                right = pred == target
                pred_tokens.append((f"{int(pred)}{'✓' if right else '✗'}", RIGHT_COLOR if right else WRONG_COLOR))
            else:
                pred_tokens.append((_value_text(pred, False), self._text))
        true_tokens = [(_value_text(t, classes), self._text) for t in targets[:len(pred_tokens)]]
        rows = (pred_tokens, true_tokens)
        # As many pairs as fit on both lines, leaving room for "…" when some are left out.
        shown = len(pred_tokens)
        while shown > 1 and any(self._tokens_width(metrics, row[:shown], shown < len(row)) > line.width()
                                for row, line in zip(rows, lines, strict=True)):
            shown -= 1
        for row, line in zip(rows, lines, strict=True):
            more = shown < len(row)
            x = line.left() + max(0.0, (line.width() - self._tokens_width(metrics, row[:shown], more)) / 2)
            for text, color in row[:shown]:
                p.setPen(color)
                p.drawText(QPointF(x, line.bottom() - 3), text)
                x += metrics.horizontalAdvance(text) + space
            if more:
                p.setPen(self._muted)
                p.drawText(QPointF(x, line.bottom() - 3), "…")

    @staticmethod
    def _tokens_width(metrics: QFontMetricsF, tokens: list[tuple[str, QColor]], more: bool) -> float:
        space = metrics.horizontalAdvance("  ")
        width = sum(metrics.horizontalAdvance(text) for text, _ in tokens) + space * max(0, len(tokens) - 1)
        return width + (space + metrics.horizontalAdvance("…") if more else 0.0)

    def _update_lane(self, p: QPainter, lane_x: float, weights_x: float, opt_rect: QRectF, targets: list[float],
                     label_top: float, label_bottom: float, active: bool) -> None:
        """The optimizer's arrow back up the left edge, branching into every weights box."""
        color = STAGE_COLORS[UPDATE] if active else None
        mid = opt_rect.center().y()
        p.setPen(self._pen(color))
        p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(opt_rect.left(), mid))
        path.lineTo(QPointF(lane_x, mid))
        path.lineTo(QPointF(lane_x, targets[0]))
        p.drawPath(path)
        for target in targets:
            self._arrow(p, [QPointF(lane_x, target), QPointF(weights_x, target)], color)
        # "weight update" reads upwards along the lane, on a patch of background so the line breaks for it.
        font = QFont(self._f["small"])
        font.setBold(active)
        metrics = QFontMetricsF(font)
        text = self.tr("weight update")
        span = min(label_bottom - label_top, metrics.horizontalAdvance(text) + 8)
        centre_y = (label_top + label_bottom) / 2
        p.save()
        p.translate(lane_x, centre_y)
        p.rotate(-90)
        patch = QRectF(-span / 2, -7, span, 14)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().color(QPalette.ColorRole.Window))
        p.drawRect(patch)
        p.setFont(font)
        p.setPen(STAGE_COLORS[UPDATE] if active else self._text)
        p.drawText(patch, Qt.AlignmentFlag.AlignCenter,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, span))
        p.restore()


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0–1) of the way towards ``tint``; works on light and dark palettes."""
    return QColor.fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                           base.greenF() + (tint.greenF() - base.greenF()) * amount,
                           base.blueF() + (tint.blueF() - base.blueF()) * amount)


class LoopDiagramPanel(QWidget):
    """Chapter 1's training-loop figure with the numbers of the last batch and a stage-by-stage walk.

    Parameters
    ----------
    session : ui.session.Session
        Any session with ``network`` (a NetworkSpec), ``training`` (a TrainingSpec), ``state``,
        ``is_training()`` and the ``batchesReceived``, ``stateChanged``, ``networkChanged``,
        ``modelChanged`` and ``trainingChanged`` signals.
    parent : QWidget, optional

    Signals
    -------
    stageWalked(int)
        "Next stage ›" highlighted stage 1–4 of the batch on show (read :meth:`shown_numbers`).
    """

    stageWalked = Signal(int)

    def __init__(self, session: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loopDiagramPanel")
        self.setAccessibleName(self.tr("Training loop diagram"))
        self.session = session
        self._latest: BatchProgress | None = None  # newest record received
        self._shown: BatchProgress | None = None  # the record the drawing carries
        self._unshown = 0  # batches received since the highlight last started a round
        self._frame: int | None = None  # frame of the running highlight round, None between rounds
        self._walk = 0  # stage the learner walked to (0: not walking)

        self.canvas = _LoopCanvas(self)
        self.canvas.setAccessibleName(self.tr("Training loop diagram"))
        self.canvas.setToolTip(self.tr(
            "One batch goes round this loop: forward through the layers to predictions, the loss function scores "
            "them, backpropagation finds the gradients, and the optimizer updates the weights."))

        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("loopStageLabel")
        self.stage_label.setAccessibleName(self.tr("Training loop stage"))
        self.stage_label.setWordWrap(True)
        self.stage_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Three lines whatever the sentence, so the diagram does not jump while walking.
        self.stage_label.setMinimumHeight(self.stage_label.fontMetrics().lineSpacing() * 3 + 4)

        self.walk_button = QPushButton(self.tr("Next stage ›"), self)
        self.walk_button.setObjectName("loopWalkButton")
        self.walk_button.setAccessibleName(self.tr("Walk through the next stage"))
        self._walk_tip = self.tr("Walk through the last batch one stage at a time: forward, loss, backward, update.")
        self._walk_off_tip = self.tr("Press Step to train one batch; then walk through it here, stage by stage.")
        self.walk_button.clicked.connect(self.next_stage)
        self.stage_label.setBuddy(self.walk_button)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.walk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.stage_label)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_frame)

        session.batchesReceived.connect(self._on_batches)
        session.stateChanged.connect(self._on_state_changed)
        session.networkChanged.connect(self._on_network_changed)
        session.modelChanged.connect(self._on_model_changed)
        session.trainingChanged.connect(self._on_training_changed)
        self._on_network_changed()
        self._on_training_changed()
        self._refresh_controls()

    # ---- public ------------------------------------------------------------------------------------
    def shown_numbers(self) -> dict[str, Any]:
        """The numbers the diagram carries, unformatted; empty before the first batch.

        Keys: ``batch_size``, ``loss`` (the batch's loss), ``learning_rate``, ``grad_norm``,
        ``layer_grad_norms`` and ``layer_update_norms`` (dicts by layer name), ``predictions`` and
        ``targets`` (the sample of the batch, tuples of float).
        """
        record = self._shown
        if record is None:
            return {}
        details = record.details
        return {
            "batch_size": record.batch_size, "loss": record.batch_loss, "learning_rate": record.learning_rate,
            "grad_norm": record.grad_norm,
            "layer_grad_norms": dict(details.layer_grad_norms) if details else {},
            "layer_update_norms": dict(details.layer_update_norms) if details else {},
            "predictions": tuple(details.predictions) if details else (),
            "targets": tuple(details.targets) if details else (),
        }

    def shown_record_id(self) -> int:
        """Identifies the batch on show (0 before the first): stages walked on one batch share it."""
        return id(self._shown) if self._shown is not None else 0

    def shown_layers(self) -> list[str]:
        """Names of the layers drawn with their weights (layers without weights label the arrows)."""
        return [row.name for row in self.canvas.rows if row.name]

    def current_stage(self) -> int:
        """The highlighted stage: 1 forward, 2 loss, 3 backward, 4 update, 0 none."""
        return self.canvas.stage

    def can_walk(self) -> bool:
        """Whether "Next stage ›" works now: paused after a batch whose numbers are known."""
        return self.session.state == "paused" and self._latest is not None

    @Slot()
    def next_stage(self) -> None:
        """Highlight the next stage of the last batch and explain it (from stage 4 back to stage 1)."""
        if not self.can_walk():
            return
        self._show_latest()
        self._frame, self._unshown = None, 0
        self._walk = self._walk % UPDATE + 1
        self.canvas.stage = self._walk
        self.canvas.update()
        self._refresh_controls()
        self.stageWalked.emit(self._walk)

    def stage_sentence(self, stage: int) -> str:
        """What happens in ``stage`` (1–4) to the batch on show, with its numbers."""
        record = self._shown
        if record is None or stage not in STAGE_COLORS:
            return ""
        if stage == FORWARD:
            text = (self.tr("1. Forward: the {n} images of this batch go through the layers and become predictions.")
                    if self.canvas.images else
                    self.tr("1. Forward: the {n} examples of this batch go through the layers and become "
                            "predictions."))
            return text.format(n=record.batch_size)
        if stage == LOSS:
            details = record.details
            labels = details is not None and _is_classes(details.predictions) and _is_classes(details.targets)
            text = (self.tr("2. Loss: the loss function compares the predictions with the true labels: {loss}.")
                    if labels or details is None else
                    self.tr("2. Loss: the loss function compares the predictions with the true targets: {loss}."))
            return text.format(loss=f"{record.batch_loss:.4g}")
        if stage == BACKWARD:
            return self.tr("3. Backward: backpropagation finds, for every weight, how the loss changes with it "
                           "(gradient norm per layer shown; {norm} for all weights together).").format(
                               norm=f"{record.grad_norm:.3g}")
        return self.tr("4. Update: the optimizer moves every weight a small step against its gradient "
                       "(learning rate {lr}).").format(lr=f"{record.learning_rate:g}")

    # ---- session → drawing -------------------------------------------------------------------------
    @Slot(object)
    def _on_batches(self, records: list) -> None:
        # Only remember: the frame timer draws, so a burst of signals costs one repaint.
        batches = [r for r in records if isinstance(r, BatchProgress)]
        if not batches:
            return
        self._latest = batches[-1]
        self._unshown += len(batches)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _on_frame(self) -> None:
        changed = False
        if self._walk:
            changed = self._show_latest()
        elif self._frame is None or self._frame + 1 >= UPDATE * FRAMES_PER_STAGE:
            # Between rounds: the next round starts with the newest batch and carries its numbers throughout,
            # so they stay still long enough to read and the drawing repaints only when the stage moves.
            if self._unshown:
                self._frame, self._unshown = 0, 0
                changed = self._show_latest()
            else:
                self._frame = None
        else:
            self._frame += 1
        if not self._walk:
            stage = 0 if self._frame is None else self._frame // FRAMES_PER_STAGE + 1
            if stage != self.canvas.stage:
                self.canvas.stage = stage
                changed = True
        if changed:
            self.canvas.update()
            self._refresh_controls()
        if self._frame is None and not self._unshown:
            self._timer.stop()

    def _show_latest(self) -> bool:
        """Put the newest record into the drawing; True if it was not shown yet."""
        if self._latest is self._shown:
            return False
        self._shown = self.canvas.record = self._latest
        return True

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        if state != "running" and self._show_latest():
            self.canvas.update()  # paused or stopped mid-round: show the batch it stopped after at once
        if state != "paused" and self._walk:
            self._walk = 0
            self.canvas.stage = 0
            self.canvas.update()
        self._refresh_controls()

    @Slot()
    def _on_network_changed(self, *_args: Any) -> None:
        network = self.session.network
        self.canvas.rows, self.canvas.trailing = _layer_rows(network.trace())
        self.canvas.images = len(getattr(network, "input_shape", (28, 28, 1))) > 1
        self.canvas.updateGeometry()
        self._on_model_changed()

    @Slot()
    def _on_model_changed(self) -> None:
        if not self.session.is_training():
            # New weights (another network, a reset, an opened file): the last batch no longer describes them.
            self._latest = self._shown = self.canvas.record = None
            self._unshown, self._walk, self._frame = 0, 0, None
            self.canvas.stage = 0
        self.canvas.update()
        self._refresh_controls()

    @Slot()
    def _on_training_changed(self, *_args: Any) -> None:
        training = self.session.training
        self.canvas.optimizer_name = training.optimizer
        self.canvas.loss_name = training.loss
        self.canvas.update()

    def _refresh_controls(self) -> None:
        """The sentence or hint under the diagram, the walk button and the diagram's description."""
        walkable = self.can_walk()
        self.walk_button.setEnabled(walkable)
        self.walk_button.setToolTip(self._walk_tip if walkable else self._walk_off_tip)
        record, state = self._shown, self.session.state
        if self._walk:
            text = self.stage_sentence(self._walk)
        elif state == "running":
            text = self.tr("Training: the highlight follows the batches round the loop; the numbers are the last "
                           "batch's.")
        elif state == "paused" and record is not None:
            text = self.tr("Paused after a batch. Press Next stage › to walk through what it did, one stage at a "
                           "time.")
        elif record is not None:
            text = self.tr("The numbers are those of the last batch trained. Press Step to train one batch and "
                           "walk through it.")
        else:
            text = self.tr("Press Train to watch batches go round this loop, or Step to train one batch and walk "
                           "through it.")
        if text != self.stage_label.text():
            self.stage_label.setText(text)
        self.canvas.setAccessibleDescription(self._description())

    def _description(self) -> str:
        """The drawing's numbers as a sentence, for screen readers."""
        record = self._shown
        if record is None:
            return self.tr("No batch trained yet.")
        return self.tr("Last batch: {n} inputs, loss score {loss}, gradient norm {norm}, learning rate {lr}.").format(
            n=record.batch_size, loss=f"{record.batch_loss:.4g}", norm=f"{record.grad_norm:.3g}",
            lr=f"{record.learning_rate:g}")
