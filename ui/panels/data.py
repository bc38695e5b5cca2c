"""The data panel: which images the network trains on, what they look like and how they are split.

The learner picks the bundled digits or a folder of IDX files (MNIST, Fashion-MNIST, …), sees a grid
of sample images with their labels, how many images each class has, the train / validation / test
sizes and how many of their own drawings are included. A folder that cannot be read shows a
friendly message and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect, QSettings, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import sandbox as sb
from sandbox.spec import TrainingSpec

from ..engine_messages import friendly
from ..session import DataSet, Session
from .explain import ExplanationBox

__all__ = ["ClassCountsChart", "DataPanel", "SampleGrid"]

BUNDLED_NAME = "digits"  # Session.load_bundled_digits names its DataSet so
LAST_FOLDER_KEY = "data/lastIdxFolder"
MIN_THUMB = 20  # pixels: smaller digits become hard to read


def to_uint8_images(images: np.ndarray) -> np.ndarray:
    """uint8 (N, H, W) images from uint8 (N, H, W[, 1]) or float (N, H, W[, 1]) in [0, 1]."""
    images = np.asarray(images)
    if images.ndim == 4:
        images = images[..., 0]
    if images.dtype != np.uint8:
        images = np.clip(np.rint(images * 255.0), 0, 255).astype(np.uint8)
    return images


class SampleGrid(QWidget):
    """A grid of thumbnails with their labels, drawn from one pixmap.

    The images are joined side by side into one grayscale strip and converted to a single
    :class:`QPixmap` per :meth:`set_samples`; painting then copies one cell of the strip per
    thumbnail, scaled without smoothing so the pixels stay crisp.
    """

    def __init__(self, columns: int = 8, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.rows = columns, rows
        self._pixmap = QPixmap()
        self._labels: list[str] = []
        self._cell = QSize(28, 28)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(columns * (MIN_THUMB + 6), rows * (MIN_THUMB + self.fontMetrics().height() + 2))

    @property
    def capacity(self) -> int:
        """How many thumbnails the grid shows."""
        return self.columns * self.rows

    def labels(self) -> list[str]:
        """The labels shown, in reading order."""
        return list(self._labels)

    def set_samples(self, images: np.ndarray, labels: list[str]) -> None:
        """Show ``images`` (uint8 or float in [0, 1], (n, H, W[, 1]), n ≤ capacity) under ``labels``."""
        images = to_uint8_images(images)[: self.capacity]
        self._labels = list(labels[: len(images)])
        if len(images) == 0:
            self._pixmap = QPixmap()
        else:
            n, h, w = images.shape
            strip = np.ascontiguousarray(images.transpose(1, 0, 2).reshape(h, n * w))
            image = QImage(strip.data, n * w, h, n * w, QImage.Format.Format_Grayscale8)
            self._pixmap = QPixmap.fromImage(image.copy())  # copy: the QImage must not outlive ``strip``
            self._cell = QSize(w, h)
        self.setAccessibleDescription(self.tr("Labels of the samples: {labels}").format(labels=", ".join(labels)))
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        thumb, text = self._metrics(width)
        return self.rows * (thumb + text)

    def sizeHint(self) -> QSize:
        return QSize(self.columns * 46, self.heightForWidth(self.columns * 46))

    def _metrics(self, width: int, height: int | None = None) -> tuple[int, int]:
        """Thumbnail side and label height in pixels for a grid of this size (the smaller fit wins)."""
        text = self.fontMetrics().height() + 2
        thumb = max(1, width // self.columns) - 6
        if height is not None:
            thumb = min(thumb, height // self.rows - text)
        return max(MIN_THUMB, thumb), text

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pitch = max(1, self.width() // self.columns)
        thumb, text = self._metrics(self.width(), self.height())
        left = (self.width() - pitch * self.columns) // 2
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        w, h = self._cell.width(), self._cell.height()
        for i, label in enumerate(self._labels):
            row, col = divmod(i, self.columns)
            x = left + col * pitch + (pitch - thumb) // 2
            y = row * (thumb + text)
            painter.drawPixmap(QRect(x, y, thumb, thumb), self._pixmap, QRect(i * w, 0, w, h))
            painter.drawText(QRect(x, y + thumb, thumb, text), Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


class ClassCountsChart(QWidget):
    """A tiny bar chart: one bar per class with its name below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts = np.zeros(0, np.int64)
        self._names: list[str] = []
        self.setMinimumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: np.ndarray, names: list[str]) -> None:
        """``counts`` int (classes,), ``names`` one per class."""
        self._counts, self._names = np.asarray(counts, np.int64), list(names)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 64)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if len(self._counts) == 0:
            return
        painter = QPainter(self)
        text_h = self.fontMetrics().height()
        pitch = self.width() / len(self._counts)
        top, bottom = 2, self.height() - text_h - 2
        peak = max(1, int(self._counts.max()))
        bar_color = self.palette().color(QPalette.ColorRole.Highlight)
        empty_color = QColor(bar_color)
        empty_color.setAlpha(50)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for i, (count, name) in enumerate(zip(self._counts, self._names, strict=True)):
            x = round(i * pitch + pitch * 0.15)
            width = max(2, round(pitch * 0.7))
            height = round((bottom - top) * count / peak)
            painter.fillRect(QRect(x, top, width, bottom - top), empty_color)
            painter.fillRect(QRect(x, bottom - height, width, height), bar_color)
            painter.drawText(QRect(round(i * pitch), bottom + 2, round(pitch), text_h),
                             Qt.AlignmentFlag.AlignCenter, name)
        painter.end()


class DataPanel(QWidget):
    """Choose the training data and see what it holds."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.setAccessibleName(self.tr("Data"))
        self.session = session
        self._rng = np.random.default_rng(0)
        self._idx_folder = ""
        self._idx_dataset: object | None = None
        self._validation_split = -1.0
        self._shown_dataset: DataSet | None = None
        last = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
        if last and session.dataset.name == Path(last).name != BUNDLED_NAME:
            # Rebuilt (after a language change) while training on the folder loaded last.
            self._idx_folder, self._idx_dataset = last, session.dataset

        source = QGroupBox(self.tr("Training data"), self)
        self.bundled_radio = QRadioButton(self.tr("Bundled digits"), self)
        self._setup(self.bundled_radio, "bundledDataRadio", self.tr("Bundled digits"),
                    self.tr("Train on the 5,000 handwritten digits that come with the sandbox."))
        self.attribution_label = QLabel(
            self.tr("Bundled: 5,000 real MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)"), self)
        self.attribution_label.setObjectName("attributionLabel")
        self.attribution_label.setWordWrap(True)
        self.attribution_label.setIndent(22)  # under the radio button's text, not its circle
        self.idx_radio = QRadioButton(self.tr("IDX folder"), self)
        self._setup(self.idx_radio, "idxDataRadio", self.tr("IDX folder"),
                    self.tr("Train on the IDX folder loaded last (MNIST, Fashion-MNIST, …)."))
        self.idx_button = QPushButton(self.tr("Open IDX folder…"), self)
        self._setup(self.idx_button, "idxFolderButton", self.tr("Open IDX folder"),
                    self.tr("Choose a folder with the four MNIST-style files: train-images-idx3-ubyte, "
                            "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte "
                            "(each may be .gz)."))
        self._tooltips = {w: w.toolTip() for w in (self.bundled_radio, self.idx_radio, self.idx_button)}
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.bundled_radio)
        self.source_group.addButton(self.idx_radio)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dataErrorLabel")
        self.error_label.setAccessibleName(self.tr("Data error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(False)
        idx_row = QHBoxLayout()
        idx_row.addWidget(self.idx_radio)
        idx_row.addStretch(1)
        idx_row.addWidget(self.idx_button)
        source_layout = QVBoxLayout(source)
        source_layout.addWidget(self.bundled_radio)
        source_layout.addWidget(self.attribution_label)
        source_layout.addLayout(idx_row)
        source_layout.addWidget(self.error_label)

        samples = QGroupBox(self.tr("Samples"), self)
        self.sample_grid = SampleGrid(parent=self)
        self.sample_grid.setObjectName("sampleGrid")
        self.sample_grid.setAccessibleName(self.tr("Sample images"))
        self.sample_grid.setToolTip(self.tr("Random training images with the label each one is learned as."))
        self.shuffle_button = QPushButton(self.tr("Shuffle samples"), self)
        self._setup(self.shuffle_button, "shuffleSamplesButton", self.tr("Shuffle samples"),
                    self.tr("Show other random training images."))
        shuffle_row = QHBoxLayout()
        shuffle_row.addStretch(1)
        shuffle_row.addWidget(self.shuffle_button)
        samples_layout = QVBoxLayout(samples)
        samples_layout.addWidget(self.sample_grid)
        samples_layout.addLayout(shuffle_row)

        numbers = QGroupBox(self.tr("Numbers"), self)
        self.class_counts_label = QLabel(self)
        self.class_counts_label.setObjectName("classCountsLabel")
        self.class_counts_label.setWordWrap(True)
        self.class_counts_chart = ClassCountsChart(self)
        self.class_counts_chart.setObjectName("classCountsChart")
        self.class_counts_chart.setAccessibleName(self.tr("Images per class"))
        self.split_sizes_label = QLabel(self)
        self.split_sizes_label.setObjectName("splitSizesLabel")
        self.split_sizes_label.setWordWrap(True)
        self.split_sizes_label.setToolTip(self.tr(
            "Train: what the network learns from. Validation: held back from the end of the training file to "
            "check it during training. Test: kept apart for the final check."))
        self.user_digits_label = QLabel(self)
        self.user_digits_label.setObjectName("userDigitsLabel")
        self.user_digits_label.setWordWrap(True)
        numbers_layout = QVBoxLayout(numbers)
        numbers_layout.addWidget(self.class_counts_label)
        numbers_layout.addWidget(self.class_counts_chart)
        numbers_layout.addWidget(self.split_sizes_label)
        numbers_layout.addWidget(self.user_digits_label)

        self.explanation = ExplanationBox(
            "dataExplanation",
            self.tr("Learning needs examples with answers: images with their labels. The network learns from the "
                    "training split and is judged on the test split."), parent=self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(source)
        layout.addWidget(samples)
        layout.addWidget(numbers)
        layout.addStretch(1)

        self.bundled_radio.clicked.connect(self._on_bundled_clicked)
        self.idx_radio.clicked.connect(self._on_idx_radio_clicked)
        self.idx_button.clicked.connect(self.choose_folder)
        self.shuffle_button.clicked.connect(self.shuffle_samples)
        session.datasetChanged.connect(self._on_dataset_changed)
        session.trainingChanged.connect(self._on_training_changed)
        session.stateChanged.connect(self._update_source)
        self._on_dataset_changed()

    def _setup(self, widget: QWidget, object_name: str, accessible: str, tooltip: str) -> None:
        widget.setObjectName(object_name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tooltip)

    # ---- choosing the data ---------------------------------------------------------------------------
    @Slot()
    def choose_folder(self) -> None:
        """Ask for a folder of IDX files and load it."""
        start = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder with IDX files"), start)
        if folder:
            self.load_folder(folder)

    def load_folder(self, path: str) -> bool:
        """Train on the IDX files in ``path``; on failure show why in the panel and change nothing."""
        if self.session.is_training():
            self._show_error(self.tr("Stop training before changing the data."))
            return False
        try:
            self.session.load_idx(path)
        except (sb.FileFormatError, OSError) as exc:
            # The engine's message already names the missing or damaged file in plain words.
            self._show_error(self.tr("Couldn't load “{folder}”: {reason}. Nothing was changed.").format(
                folder=Path(path).name or path, reason=friendly(exc).rstrip(".")))
            self._update_source()
            return False
        self._idx_folder, self._idx_dataset = path, self.session.dataset
        QSettings().setValue(LAST_FOLDER_KEY, path)
        self._show_error("")
        self._update_source()
        return True

    @Slot()
    def _on_bundled_clicked(self) -> None:
        if self.session.dataset.name != BUNDLED_NAME or self.session.dataset is self._idx_dataset:
            self.session.load_bundled_digits()
        self._show_error("")
        self._update_source()

    @Slot()
    def _on_idx_radio_clicked(self) -> None:
        if self.session.dataset is not self._idx_dataset and self._idx_folder:
            self.load_folder(self._idx_folder)
        self._update_source()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    @Slot()
    def _update_source(self) -> None:
        dataset = self.session.dataset
        idx = dataset is self._idx_dataset
        self.source_group.setExclusive(False)  # so that neither is checked for data set elsewhere
        self.bundled_radio.setChecked(not idx and dataset.name == BUNDLED_NAME)
        self.idx_radio.setChecked(idx)
        self.source_group.setExclusive(True)
        if self._idx_folder:
            self.idx_radio.setText(self.tr("IDX folder: {name}").format(name=Path(self._idx_folder).name))
        training = self.session.is_training()
        busy = self.tr("Stop training before changing the data.")
        for widget, tip in self._tooltips.items():
            widget.setToolTip(busy if training else tip)
        self.bundled_radio.setEnabled(not training)
        self.idx_radio.setEnabled(not training and bool(self._idx_folder))
        self.idx_button.setEnabled(not training)

    # ---- what the data holds -------------------------------------------------------------------------
    @Slot()
    def shuffle_samples(self) -> None:
        """Show other random training images."""
        x, y = self.session.dataset.x_train, self.session.dataset.y_train
        count = min(self.sample_grid.capacity, len(x))
        picks = np.sort(self._rng.choice(len(x), size=count, replace=False)) if count else np.zeros(0, np.int64)
        names = self.session.dataset.class_names
        labels = [names[k] if 0 <= k < len(names) else str(k) for k in y[picks].tolist()]
        self.sample_grid.set_samples(x[picks], labels)

    @Slot()
    def _on_dataset_changed(self) -> None:
        dataset = self.session.dataset
        if dataset is not self._shown_dataset:
            self._show_dataset(dataset)
        self._update_sizes()
        self._update_source()

    def _show_dataset(self, dataset: DataSet) -> None:
        # Only for a new data set: adding the learner's drawings must not reshuffle the grid.
        self._shown_dataset = dataset
        self.shuffle_samples()
        y = np.asarray(dataset.y_train, np.int64)
        classes = max(len(dataset.class_names), int(y.max()) + 1 if len(y) else 0)
        counts = np.bincount(y, minlength=classes) if len(y) else np.zeros(classes, np.int64)
        names = [dataset.class_names[k] if k < len(dataset.class_names) else str(k) for k in range(classes)]
        self.class_counts_chart.set_counts(counts, names)
        low, high = (int(counts.min()), int(counts.max())) if classes else (0, 0)
        each = self.tr("{n:,} each").format(n=low) if low == high else \
            self.tr("{low:,}–{high:,} each").format(low=low, high=high)
        self.class_counts_label.setText(self.tr("{images:,} training images in {classes} classes ({each})").format(
            images=len(y), classes=classes, each=each))
        self.class_counts_chart.setToolTip(" · ".join(f"{n}: {c:,}" for n, c in zip(names, counts.tolist(),
                                                                                     strict=True)))

    @Slot(object)
    def _on_training_changed(self, spec: TrainingSpec) -> None:
        # Most setting changes (a learning-rate drag) leave the split alone: skip the array work then.
        if spec.validation_split != self._validation_split:
            self._update_sizes()

    def _update_sizes(self) -> None:
        session = self.session
        self._validation_split = session.training.validation_split
        x, _, x_val, _ = session.training_arrays()
        own = len(session.user_digits[1])
        included = own if session.use_user_digits else 0
        train = self.tr("Train {n:,}").format(n=len(x))
        if included:
            train = self.tr("Train {n:,} (with {own:,} of yours)").format(n=len(x), own=included)
        self.split_sizes_label.setText(self.tr("{train} · validation {val:,} · test {test:,}").format(
            train=train, val=0 if x_val is None else len(x_val), test=len(session.dataset.x_test)))
        if own == 0:
            text = self.tr("Your own drawings: none yet. Label a drawing on the canvas to add it to the training "
                           "data.")
        elif session.use_user_digits:
            text = self.tr("Your own drawings: {n:,} included in training.").format(n=own)
        else:
            text = self.tr("Your own drawings: {n:,}, not included in training.").format(n=own)
        self.user_digits_label.setText(text)
