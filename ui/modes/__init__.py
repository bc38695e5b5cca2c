"""The app's modes besides the digits sandbox: each is one self-contained widget the main window shows
in its central stack (``ModeWidget(parent=None)``, with ``mode_title()``, ``retranslate()`` where it can
switch language in place, and ``shutdown()``)."""
