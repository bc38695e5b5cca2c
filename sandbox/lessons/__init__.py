"""Small, self-contained lessons that show one idea of the book with a handful of numbers.

Each lesson is plain NumPy math the app can drive step by step and explain with real numbers;
the optimizers are the same engine code that trains the app's real networks.
"""

from .rule import (
    DEFAULT_LEARNING_RATES,
    DEFAULT_TOLERANCE,
    DIVERGENCE_FACTOR,
    MOMENTUM,
    OPTIMIZERS,
    STALL_WINDOW,
    HypothesisRow,
    RuleLearner,
    RuleProblem,
    StepRecord,
    format_rule,
)

__all__ = [
    "DEFAULT_LEARNING_RATES",
    "DEFAULT_TOLERANCE",
    "DIVERGENCE_FACTOR",
    "MOMENTUM",
    "OPTIMIZERS",
    "STALL_WINDOW",
    "HypothesisRow",
    "RuleLearner",
    "RuleProblem",
    "StepRecord",
    "format_rule",
]
