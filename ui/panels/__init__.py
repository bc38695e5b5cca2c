"""Dock panels. Each panel takes the :class:`ui.session.Session`, reads its state, calls its methods
and redraws from its signals; panels never reach into each other."""
