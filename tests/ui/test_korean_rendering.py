"""What a Korean learner sees with a Hangul font: the playground's inputs drawn so x1 and x2 differ.

NanumGothic has glyphs for the Unicode subscripts ₀–₉ (and ²) but draws them as dots: at 13 px "X₁" and
"X₂" differed by one pixel, "x1" and "x1²" too, and the Health dock's axis read "log.₀". The labels are now
plain "x1", "x2" (about 25 pixels apart) and "x1 제곱", and the axis uses rich-text <sub>.
"""

from __future__ import annotations

import itertools
import os
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter, QTextDocument

from ui import i18n
from ui.modes.playground import FEATURE_OBJECT_NAMES, PlaygroundMode
from ui.panels.health import HealthPanel

HANGUL_FONT = "NanumGothic"


@pytest.fixture
def hangul_font(qapp) -> QFont:
    if HANGUL_FONT not in QFontDatabase.families():
        missing = f"{HANGUL_FONT} is not installed: apt-get install fonts-nanum (listed in .ci/xvfb-deps)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(missing)  # CI installs .ci/xvfb-deps, so there a missing font is a broken setup
        pytest.skip(missing)
    font = QFont(HANGUL_FONT)
    font.setPixelSize(13)
    return font


@pytest.fixture
def korean(qapp):
    translators = i18n.Translators()
    assert translators.install("ko")
    yield translators
    translators.install("en")


def ink(text: str, font: QFont) -> np.ndarray:
    """Where ``text`` drawn in ``font`` leaves ink: a boolean image."""
    metrics = QFontMetrics(font)
    width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 8
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(4, 4 + metrics.ascent(), text)
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())[:, :width]
    return pixels < 128


def differing_pixels(a: str, b: str, font: QFont) -> int:
    first, second = ink(a, font), ink(b, font)
    width = max(first.shape[1], second.shape[1])
    first, second = (np.pad(x, ((0, 0), (0, width - x.shape[1]))) for x in (first, second))
    return int(np.count_nonzero(first != second))


def test_in_korean_the_playgrounds_feature_labels_all_look_different(qtbot, korean, hangul_font):
    mode = PlaygroundMode()
    qtbot.addWidget(mode)
    try:
        labels = {name: mode.findChild(object, FEATURE_OBJECT_NAMES[name]).text() for name in FEATURE_OBJECT_NAMES}
    finally:
        mode.shutdown()
    assert differing_pixels(labels["x1"], labels["x2"], hangul_font) >= 10, (labels["x1"], labels["x2"])
    assert differing_pixels(labels["sin(x1)"], labels["sin(x2)"], hangul_font) >= 10
    for a, b in itertools.combinations(labels.values(), 2):
        assert differing_pixels(a, b, hangul_font) >= 10, (a, b)


def test_in_korean_the_gradient_axis_is_rich_text_with_a_real_subscript(qtbot, session, korean, hangul_font):
    panel = HealthPanel(session)
    qtbot.addWidget(panel)
    label = panel.grad_plot.getPlotItem().getAxis("bottom").label
    assert label.toPlainText().startswith("log10 |그레이디언트|"), label.toPlainText()
    assert re.search(r'vertical-align:sub;">10</span>', label.toHtml()), label.toHtml()
    # the subscript is drawn as digits, not dots: "10" and "11" look different
    pictures = []
    for digits in ("10", "11"):
        document = QTextDocument()
        document.setDefaultFont(hangul_font)
        document.setHtml(f"log<sub>{digits}</sub>")
        image = QImage(60, 30, QImage.Format.Format_Grayscale8)
        image.fill(255)
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()
        pictures.append(np.frombuffer(image.constBits(), np.uint8).reshape(30, image.bytesPerLine())[:, :60] < 128)
    assert np.count_nonzero(pictures[0] != pictures[1]) >= 5
