"""Weight initializers with Keras 3's names, defaults and fan conventions.

An initializer is called as ``init(shape, rng)`` and returns a float32 array of that shape drawn
from ``rng`` (a ``numpy.random.Generator``), so a model's seed fixes every initial weight.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._registry import Registry, check_float, serialize

__all__ = [
    "Constant", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Initializer", "LecunNormal",
    "LecunUniform", "Ones", "RandomNormal", "RandomUniform", "VarianceScaling", "Zeros", "compute_fans",
    "deserialize", "get", "serialize",
]

_REGISTRY = Registry("initializer")
# Keras divides the stddev of a normal truncated at ±2σ by this, so its variance is the one asked for.
_TRUNC_STD_FIX = 0.87962566103423978


def compute_fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """Return ``(fan_in, fan_out)`` as Keras computes them.

    Dense kernels ``(in, out)`` give ``(in, out)``; conv kernels ``(kh, kw, in, out)`` give
    ``(kh·kw·in, kh·kw·out)``.
    """
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = math.prod(shape[:-2])
    return shape[-2] * receptive, shape[-1] * receptive


def _truncated_normal(rng: np.random.Generator, shape: tuple[int, ...], std: float) -> np.ndarray:
    out = rng.standard_normal(shape)
    bad = np.abs(out) > 2
    while bad.any():  # redraw the tails: ~4.6% a round, so this ends in a few rounds
        out[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(out) > 2
    return out * std


class Initializer:
    """Base class: ``init(shape, rng) -> float32 array``."""

    def __call__(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return self.sample(tuple(int(s) for s in shape), rng).astype(np.float32)

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        """Draw the values (any float dtype); :meth:`__call__` casts to float32."""
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        """Return the JSON-safe constructor arguments."""
        return {}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Initializer:
        """Rebuild from :meth:`get_config`'s output."""
        return cls(**config)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.get_config() == other.get_config()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(sorted(self.get_config().items()))))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


@_REGISTRY.register("zeros", "zero")
class Zeros(Initializer):
    """All zeros (Keras's default for biases)."""

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.zeros(shape, np.float32)


@_REGISTRY.register("ones", "one")
class Ones(Initializer):
    """All ones."""

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.ones(shape, np.float32)


@_REGISTRY.register("constant")
class Constant(Initializer):
    """Every value equal to ``value``."""

    def __init__(self, value: float = 0.0) -> None:
        self.value = check_float("value", value, owner="Constant")

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.full(shape, self.value, np.float32)

    def get_config(self) -> dict[str, Any]:
        return {"value": self.value}


@_REGISTRY.register("random_normal")
class RandomNormal(Initializer):
    """Normal with ``mean`` and ``stddev`` (Keras defaults 0.0 and 0.05)."""

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: int | None = None) -> None:
        self.mean = check_float("mean", mean, owner="RandomNormal")
        self.stddev = check_float("stddev", stddev, low=0.0, owner="RandomNormal")
        self.seed = seed

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if self.seed is not None:
            rng = np.random.default_rng(self.seed)
        return rng.normal(self.mean, self.stddev, shape)

    def get_config(self) -> dict[str, Any]:
        return {"mean": self.mean, "stddev": self.stddev, "seed": self.seed}


@_REGISTRY.register("random_uniform")
class RandomUniform(Initializer):
    """Uniform in ``[minval, maxval)`` (Keras defaults −0.05 and 0.05)."""

    def __init__(self, minval: float = -0.05, maxval: float = 0.05, seed: int | None = None) -> None:
        self.minval = check_float("minval", minval, owner="RandomUniform")
        self.maxval = check_float("maxval", maxval, low=self.minval, owner="RandomUniform")
        self.seed = seed

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if self.seed is not None:
            rng = np.random.default_rng(self.seed)
        return rng.uniform(self.minval, self.maxval, shape)

    def get_config(self) -> dict[str, Any]:
        return {"minval": self.minval, "maxval": self.maxval, "seed": self.seed}


@_REGISTRY.register("variance_scaling")
class VarianceScaling(Initializer):
    """Keras's ``VarianceScaling``: variance ``scale / n`` with ``n`` chosen by ``mode``.

    ``distribution="truncated_normal"`` draws from a normal truncated at ±2σ and rescaled;
    ``"uniform"`` from ``U(−√(3·scale/n), √(3·scale/n))``.
    """

    _MODES = ("fan_in", "fan_out", "fan_avg")
    _DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")

    def __init__(
        self, scale: float = 1.0, mode: str = "fan_in", distribution: str = "truncated_normal",
        seed: int | None = None,
    ) -> None:
        from .errors import LayerArgumentError

        self.scale = check_float("scale", scale, low=0.0, low_open=True, owner=type(self).__name__)
        if mode not in self._MODES:
            raise LayerArgumentError("initializer.bad_mode", owner=type(self).__name__, modes=self._MODES, mode=mode)
        if distribution not in self._DISTRIBUTIONS:
            raise LayerArgumentError(
                "initializer.bad_distribution", owner=type(self).__name__, distributions=self._DISTRIBUTIONS,
                    distribution=distribution
            )
        self.mode = mode
        self.distribution = distribution
        self.seed = seed

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        if self.seed is not None:
            rng = np.random.default_rng(self.seed)
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        variance = self.scale / max(1.0, n)
        if self.distribution == "truncated_normal":
            return _truncated_normal(rng, shape, math.sqrt(variance) / _TRUNC_STD_FIX)
        if self.distribution == "untruncated_normal":
            return rng.standard_normal(shape) * math.sqrt(variance)
        limit = math.sqrt(3.0 * variance)
        return rng.uniform(-limit, limit, shape)

    def get_config(self) -> dict[str, Any]:
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution, "seed": self.seed}


def _preset(name: str, alias: str, scale: float, mode: str, distribution: str, doc: str) -> type:
    def __init__(self: VarianceScaling, seed: int | None = None) -> None:
        VarianceScaling.__init__(self, scale, mode, distribution, seed)

    def get_config(self: VarianceScaling) -> dict[str, Any]:
        return {"seed": self.seed}

    cls = type(name, (VarianceScaling,), {"__init__": __init__, "get_config": get_config, "__doc__": doc})
    cls.__module__ = __name__
    return _REGISTRY.register(alias)(cls)


GlorotUniform = _preset("GlorotUniform", "glorot_uniform", 1.0, "fan_avg", "uniform",
                        "Uniform in ±√(6 / (fan_in + fan_out)); Keras's default for kernels.")
GlorotNormal = _preset("GlorotNormal", "glorot_normal", 1.0, "fan_avg", "truncated_normal",
                       "Truncated normal with σ = √(2 / (fan_in + fan_out)).")
HeUniform = _preset("HeUniform", "he_uniform", 2.0, "fan_in", "uniform", "Uniform in ±√(6 / fan_in).")
HeNormal = _preset("HeNormal", "he_normal", 2.0, "fan_in", "truncated_normal",
                   "Truncated normal with σ = √(2 / fan_in); suits ReLU.")
LecunUniform = _preset("LecunUniform", "lecun_uniform", 1.0, "fan_in", "uniform", "Uniform in ±√(3 / fan_in).")
LecunNormal = _preset("LecunNormal", "lecun_normal", 1.0, "fan_in", "truncated_normal",
                      "Truncated normal with σ = √(1 / fan_in).")


def names() -> tuple[str, ...]:
    """Return the canonical class names of all initializers."""
    return _REGISTRY.names()


def get(identifier: Any) -> Initializer:
    """Return an initializer from a name (``"he_normal"``), a serialized dict or an instance."""
    return _REGISTRY.deserialize(identifier)


def deserialize(config: Any) -> Initializer:
    """Inverse of :func:`serialize`."""
    return get(config)


__all__ += ["names"]
_ = serialize  # re-exported: serialize(init) -> {"class_name", "config"}
