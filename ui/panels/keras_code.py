"""The Keras 3 code of the network being built, to copy into a notebook.

A separate widget (not part of the layer stack panel) so the main window can dock it wherever
there is room for code: it needs width, the layer stack needs height.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

import sandbox as sb
from sandbox.export import keras_code

from ..engine_messages import friendly
from ..session import Session
from .explain import ExplanationBox

__all__ = ["KerasCodeView"]


class KerasCodeView(QWidget):
    """Read-only Keras code of ``session.network`` and ``session.training``, with a copy button.

    The container's objectName is ``kerasCodePanel``; the code itself is the ``QPlainTextEdit``
    ``kerasCodeView`` (attribute :attr:`editor`), the button is ``copyKerasCodeButton``.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kerasCodePanel")
        self._session = session

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("kerasCodeView")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setAccessibleName(self.tr("Keras code"))
        self.editor.setToolTip(self.tr("The same network and training settings, written for Keras 3."))

        caption = QLabel(self.tr("The same network in Keras:"), self)
        caption.setBuddy(self.editor)
        self._copy = QPushButton(self.tr("Copy code"), self)
        self._copy.setObjectName("copyKerasCodeButton")
        self._copy.setAccessibleName(self.tr("Copy Keras code"))
        self._copy.setToolTip(self.tr("Copy the code to the clipboard."))
        self._copy.clicked.connect(self.copy_code)

        self.explanation = ExplanationBox(
            "kerasCodeExplanation",
            self.tr("The same network written in Keras, the library the book uses. Copy it into a notebook and "
                    "it runs."), parent=self)

        top = QHBoxLayout()
        top.addWidget(caption, 1)
        top.addWidget(self._copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

        session.networkChanged.connect(self._refresh)
        session.trainingChanged.connect(self._refresh)
        self._refresh()

    def code(self) -> str:
        """The text shown: Keras code, or a comment saying why there is none yet."""
        error = self._session.network_error()
        reason = friendly(error) if error is not None else None
        if reason is None:
            try:
                return keras_code(self._session.network, self._session.training)
            except sb.SandboxError as exc:  # settings the engine refuses (an unknown optimizer, …)
                reason = friendly(exc)
        return "# " + self.tr("The Keras code can't be generated yet: {reason}").format(reason=reason) + "\n"

    @Slot()
    @Slot(object)
    def _refresh(self, _spec: object = None) -> None:
        text = self.code()
        if text != self.editor.toPlainText():
            self.editor.setPlainText(text)
        self._copy.setEnabled(not text.startswith("#"))

    @Slot()
    def copy_code(self) -> None:
        """Put the code on the clipboard and say so in the status bar."""
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        self._session.message.emit(self.tr("Keras code copied to the clipboard."))
