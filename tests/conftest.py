"""Shared fixtures. The engine tests need only NumPy; the UI tests live in tests/ui with their own conftest."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A fixed random generator, so every test sees the same numbers on every run."""
    return np.random.default_rng(1234)
