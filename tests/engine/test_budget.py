"""A learner types 4096 three times: the engine says what that network costs before anything is built."""

from __future__ import annotations

import math

import pytest

from sandbox import budget
from sandbox.spec import LayerSpec, NetworkSpec


def _dense_stack(*units: int) -> NetworkSpec:
    layers = [LayerSpec.make("Flatten")]
    layers += [LayerSpec.make("Dense", units=u, activation="relu") for u in units]
    layers.append(LayerSpec.make("Dense", units=10, activation="softmax"))
    return NetworkSpec((28, 28, 1), tuple(layers))


def test_the_cost_counts_the_weights_and_the_memory_of_a_training_step():
    net = NetworkSpec.from_preset("mlp")
    cost = budget.network_cost(net, batch_size=64)
    assert cost.weights == net.count_params() == 109_386
    assert cost.weight_bytes == 16 * 109_386  # weights, gradients and Adam's two slots, float32
    outputs = 784 + 128 + 128 + 64 + 64 + 10  # what each layer outputs per sample (activations fused or not)
    assert cost.values_per_sample >= 784 + 128 + 64 + 10
    assert cost.activation_bytes == 2 * 4 * cost.values_per_sample * 64
    assert cost.values_per_sample <= outputs
    assert budget.judge(cost).level == "ok"


def test_the_app_presets_are_all_fine():
    for name in ("logistic", "mlp", "small-cnn", "lenet5"):
        cost = budget.network_cost(NetworkSpec.from_preset(name), batch_size=64)
        assert budget.judge(cost).level == "ok", name


def test_twenty_million_weights_ask_first_and_eighty_million_are_refused():
    big = budget.network_cost(_dense_stack(4096, 4096), batch_size=64)
    assert big.weights == 784 * 4096 + 4096 + 4096 * 4096 + 4096 + 4096 * 10 + 10
    verdict = budget.judge(big)
    assert (verdict.level, verdict.reason, verdict.limit) == ("warn", "weights", budget.WARN_WEIGHTS)

    huge = budget.network_cost(_dense_stack(4096, 4096, 4096, 4096, 4096), batch_size=64)
    verdict = budget.judge(huge)
    assert huge.weights > budget.MAX_TRAIN_WEIGHTS
    assert (verdict.level, verdict.reason) == ("refuse", "weights")


def test_a_huge_batch_of_wide_convolutions_is_refused_for_its_memory_not_its_weights():
    conv = NetworkSpec((28, 28, 1), (
        LayerSpec.make("Conv2D", filters=512, kernel_size=3, padding="same", activation="relu"),
        LayerSpec.make("Conv2D", filters=512, kernel_size=3, padding="same", activation="relu"),
        LayerSpec.make("Flatten"), LayerSpec.make("Dense", units=10, activation="softmax")))
    small_batch = budget.judge(budget.network_cost(conv, batch_size=8))
    big_batch = budget.judge(budget.network_cost(conv, batch_size=4096))
    assert small_batch.cost.weights == big_batch.cost.weights < budget.MAX_TRAIN_WEIGHTS
    assert big_batch.level == "refuse" and big_batch.reason == "memory"
    assert big_batch.cost.total_bytes > budget.memory_limit()
    assert small_batch.level in ("ok", "warn")


def test_a_network_that_does_not_fit_together_costs_nothing_yet():
    broken = NetworkSpec((28, 28, 1), (LayerSpec.make("Dense", units=10), LayerSpec.make("Conv2D", filters=4,
                                                                                            kernel_size=3)))
    assert budget.network_cost(broken, 64) is None


def test_the_time_estimate_grows_with_the_work():
    flops = 1e10  # a fixed rate, so the test does not depend on this computer
    small = budget.network_cost(NetworkSpec.from_preset("mlp"), 64)
    big = budget.network_cost(_dense_stack(4096, 4096), 64)
    assert 0 < small.seconds_per_epoch(4000, flops) < big.seconds_per_epoch(4000, flops)
    assert big.seconds_per_epoch(60_000, flops) == pytest.approx(15 * big.seconds_per_epoch(4000, flops))
    assert math.isfinite(budget.machine_flops()) and budget.machine_flops() > 0
