"""The Deep Learning Sandbox desktop app (PySide6 + pyqtgraph); imports the engine, never the reverse."""
