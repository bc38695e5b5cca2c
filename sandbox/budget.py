"""What a network will cost before it is built: weights, memory and an estimated time per epoch.

A learner can type 4096 into a Dense layer three times and ask for 50 M weights. Building such a network
takes seconds and gigabytes, and an epoch may take an hour; they should know that before, in numbers, and
choose. :func:`network_cost` measures a network from its description alone (shapes and weight counts, no
allocation); :func:`judge` compares the cost with two budgets:

- above :data:`WARN_WEIGHTS` weights or :data:`WARN_BYTES` of training memory the app asks first;
- above :data:`MAX_TRAIN_WEIGHTS` weights or :data:`MAX_TRAIN_BYTES` of memory (or half the computer's RAM,
  whichever is smaller) it refuses, with the reason.

Training memory counts what one training step holds: the weights with their gradients and up to two
optimizer slots (Adam's), 4 float32 arrays of P values, plus every layer's output and its gradient for
one batch (what forward caches for backward). The time per epoch comes from the network's multiply-adds
and a one-off timing of a matrix product on this computer (:func:`machine_flops`); it is an estimate,
within a factor of about two for networks dominated by matrix products.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .limits import MAX_WEIGHTS, capped_by_ram

if TYPE_CHECKING:  # pragma: no cover
    from .spec import NetworkSpec

__all__ = ["INFERENCE_BYTES", "MAX_TRAIN_BYTES", "MAX_TRAIN_WEIGHTS", "WARN_BYTES", "WARN_WEIGHTS", "NetworkCost",
           "Verdict", "inference_batch_size", "judge", "machine_flops", "network_cost", "per_sample_bytes"]

WARN_WEIGHTS = 5_000_000
"""Above this many weights the app asks before building (the small CNN has 9,098; the MLP 109,386)."""
WARN_BYTES = 1 << 30
"""Above this much training memory (1 GiB) the app asks before building."""
MAX_TRAIN_WEIGHTS = MAX_WEIGHTS
"""The most weights the app builds: the most a network read from a file may have (67,108,864: 256 MiB of
float32, the most a project file holds), so whatever the app builds it can save and open again."""
MAX_TRAIN_BYTES = 8 << 30
"""The most training memory the app lets a network take (8 GiB, or half the RAM if that is less)."""

#: Memory one forward pass of a batch may take when the app evaluates or probes a network (256 MiB).
INFERENCE_BYTES = 256 << 20
#: Seconds of elementwise work per output value and sample, forward and backward: measured on the small CNN
#: here (70 µs a sample at one thread, of which matrix products are about a third, for 29,000 values).
SECONDS_PER_VALUE = 1.6e-9
#: Bytes per weight while training: the weights, their gradients and two optimizer slots, float32 each.
_BYTES_PER_WEIGHT = 16
_FLOPS: float | None = None


@dataclass(frozen=True)
class NetworkCost:
    """What training a network takes.

    Attributes
    ----------
    weights : int
        Number of weights.
    weight_bytes : int
        Weights, gradients and optimizer slots (float32), in bytes.
    activation_bytes : int
        Every layer's output and its gradient for one batch, float32, in bytes.
    flops_per_sample : float
        Floating-point operations of one sample's forward and backward pass (about 3× the forward).
    values_per_sample : int
        Values all layers output for one sample (their memory traffic dominates small convolutions).
    """

    weights: int
    weight_bytes: int
    activation_bytes: int
    flops_per_sample: float
    values_per_sample: int = 0

    @property
    def total_bytes(self) -> int:
        """Memory of one training step, in bytes."""
        return self.weight_bytes + self.activation_bytes

    def seconds_per_epoch(self, samples: int, flops: float | None = None) -> float:
        """Estimated wall time of one epoch over ``samples`` samples at ``flops`` operations a second.

        Matrix products at the timed rate, plus :data:`SECONDS_PER_VALUE` for every value a layer outputs
        (forward, backward and the copies around them).
        """
        per_sample = self.flops_per_sample / (flops or machine_flops()) + SECONDS_PER_VALUE * self.values_per_sample
        return samples * per_sample


@dataclass(frozen=True)
class Verdict:
    """:func:`judge`'s answer: ``level`` is ``"ok"``, ``"warn"`` (ask first) or ``"refuse"``; ``reason`` says why.

    ``reason`` is one of ``"weights"`` or ``"memory"`` (empty when ``level`` is ``"ok"``); ``limit`` is the
    budget that was passed, in weights or bytes.
    """

    level: str
    cost: NetworkCost
    reason: str = ""
    limit: int = 0


def _layer_flops(class_name: str, in_shape: tuple[int, ...], out_shape: tuple[int, ...], params: int) -> float:
    """Forward floating-point operations of one layer for one sample."""
    out = math.prod(out_shape)
    if class_name == "Dense":
        return 2.0 * params  # one multiply-add per weight (bias included: close enough)
    if class_name == "Conv2D":
        # every weight is used once per output position: params / filters weights per output value
        positions = math.prod(out_shape[:-1]) if len(out_shape) >= 2 else 1
        return 2.0 * params * positions
    return float(max(out, math.prod(in_shape)))  # elementwise work: activations, pooling, reshapes


def _work_values(layer: object, in_shape: tuple[int, ...], out_shape: tuple[int, ...]) -> int:
    """Values a layer holds per sample while it runs: its output, plus a convolution's unfolded input."""
    out = math.prod(out_shape)
    kernel = getattr(layer, "kernel_size", None)
    if type(layer).__name__ == "Conv2D" and kernel is not None and len(in_shape) == 3:
        # im2col: every output position holds a copy of its kh × kw × C_in input patch
        return out + math.prod(out_shape[:-1]) * math.prod(kernel) * in_shape[-1]
    return out


def per_sample_bytes(model: Any) -> int:
    """Bytes one sample needs in a forward pass of a built ``model`` (float32 outputs and unfolded inputs)."""
    shape = tuple(model.input_shape[1:]) if model.input_shape and model.input_shape[0] is None \
        else tuple(model.input_shape)
    total = 4 * math.prod(shape)
    for layer in model.layers:
        out = tuple(layer.output_shape_)
        total += 4 * _work_values(layer, shape, out)
        shape = out
    return total


def inference_batch_size(model: Any, largest: int = 256, max_bytes: int = INFERENCE_BYTES) -> int:
    """The batch size (1 to ``largest``) that keeps one forward pass of ``model`` within ``max_bytes``.

    Evaluating 1,000 test images 256 at a time is fastest for the app's networks, but a stack of
    512-filter convolutions unfolds 14 MB per image: there the batch shrinks instead of asking for gigabytes.
    """
    try:
        need = per_sample_bytes(model)
    except (AttributeError, TypeError, ValueError):  # not built yet: the caller's forward pass will say why
        return largest
    return max(1, min(largest, max_bytes // max(need, 1)))


def network_cost(network: NetworkSpec, batch_size: int) -> NetworkCost | None:
    """Weights, memory and operations of training ``network`` with batches of ``batch_size``.

    Computed from the description (no weight is allocated). Returns None when the network does not fit
    together (it cannot be built, so it costs nothing yet).
    """
    rows = network.trace()
    if any(r.error is not None or r.output_shape is None for r in rows):
        return None
    weights = sum(r.params for r in rows)
    values = 0  # per sample: every layer's output, and what convolutions unfold
    flops = 0.0
    shape = tuple(network.input_shape)
    for row in rows:
        flops += _layer_flops(row.spec.class_name, shape, row.output_shape, row.params)
        values += _work_values(row.spec.build(), shape, row.output_shape)
        shape = row.output_shape
    return NetworkCost(weights=weights, weight_bytes=_BYTES_PER_WEIGHT * weights,
                       activation_bytes=2 * 4 * values * max(int(batch_size), 1),
                       flops_per_sample=3.0 * flops, values_per_sample=values)


def memory_limit() -> int:
    """The largest training memory allowed here: :data:`MAX_TRAIN_BYTES`, or half the RAM if less."""
    return capped_by_ram(MAX_TRAIN_BYTES)


def judge(cost: NetworkCost) -> Verdict:
    """Whether a network of this ``cost`` is built at once (``ok``), after asking (``warn``), or not at all."""
    if cost.weights > MAX_TRAIN_WEIGHTS:
        return Verdict("refuse", cost, "weights", MAX_TRAIN_WEIGHTS)
    limit = memory_limit()
    if cost.total_bytes > limit:
        return Verdict("refuse", cost, "memory", limit)
    if cost.weights > WARN_WEIGHTS:
        return Verdict("warn", cost, "weights", WARN_WEIGHTS)
    if cost.total_bytes > WARN_BYTES:
        return Verdict("warn", cost, "memory", WARN_BYTES)
    return Verdict("ok", cost)


def machine_flops() -> float:
    """Floating-point operations a second of a float32 matrix product on this computer (timed once, ~10 ms).

    The product has the shape of a dense layer's training step (batch 64, 784 → 1024), so the estimate
    includes what NumPy and the BLAS library really deliver here, not the processor's peak.
    """
    global _FLOPS
    if _FLOPS is None:
        rng = np.random.default_rng(0)
        a = rng.standard_normal((64, 784), dtype=np.float32)
        b = rng.standard_normal((784, 1024), dtype=np.float32)
        a @ b  # warm up the BLAS library
        best = math.inf
        for _ in range(5):
            start = time.perf_counter()
            a @ b
            best = min(best, time.perf_counter() - start)
        # Training is not all matrix products: count the measured rate at half, which matched the small
        # CNN's and the MLP's real epochs here within a factor of two.
        _FLOPS = 0.5 * 2.0 * a.shape[0] * a.shape[1] * b.shape[1] / max(best, 1e-6)
    return _FLOPS
