"""Network health: the probe reports the engine's own gradients without changing anything, and each warning
fires in the situation it describes and stays quiet for a healthy, trained network."""

from __future__ import annotations

import math

import numpy as np
import pytest

import resources
import sandbox as sb
from sandbox import health
from sandbox.health import GRAD_LOG_EDGES, diagnose, pick_probe, probe

L = sb.layers


@pytest.fixture(scope="module")
def digits():
    (x, y), _ = sb.datasets.digits.load_data()
    return (x.astype(np.float32) / 255)[..., None], y.astype(np.int64)


@pytest.fixture(scope="module")
def probe_batch(digits):
    return pick_probe(*digits)


@pytest.fixture
def pretrained():
    return sb.load_model(resources.path("models", "small-cnn.dlsb"))


def _small_cnn(seed: int = 0) -> sb.Sequential:
    model = sb.presets.build("small-cnn")
    model.seed = seed
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.build()
    return model


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


# ---- the probe ---------------------------------------------------------------------------------------
def test_the_probe_batch_is_fixed_and_small(digits):
    x, y = digits
    a, b = pick_probe(x, y), pick_probe(x, y)
    assert len(a[0]) == health.PROBE_SIZE
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert len(pick_probe(x[:10], y[:10])[0]) == 10


def test_probe_reports_the_engines_gradients_and_changes_nothing(pretrained, probe_batch):
    x, y = probe_batch
    before = pretrained.get_flat_weights()
    state = {k: v.copy() for k, v in pretrained.optimizer.get_state().items()}
    snap = probe(pretrained, x, y, epoch=3, step=210)
    np.testing.assert_array_equal(pretrained.get_flat_weights(), before)
    for key, value in pretrained.optimizer.get_state().items():
        np.testing.assert_array_equal(value, state[key])
    assert (snap.epoch, snap.step, snap.probe_size) == (3, 210, len(x))

    reference = sb.Sequential.from_config(pretrained.get_config())
    reference.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    reference.set_flat_weights(before)
    loss, _ = reference.compute_gradients(reference.prepare_inputs(x), y, training=False)
    assert snap.loss == pytest.approx(loss, rel=1e-6)
    assert snap.grad_norm == pytest.approx(reference.gradient_norm(), rel=1e-6)
    assert [item.name for item in snap.layers] == [layer.name for layer in reference.layers if layer.params]
    for item in snap.layers:
        layer = reference.get_layer(item.name)
        g = np.concatenate([layer.grads[k].ravel() for k in layer.params]).astype(np.float64)
        w = np.concatenate([layer.params[k].ravel() for k in layer.params]).astype(np.float64)
        assert item.grad_norm == pytest.approx(np.linalg.norm(g), rel=1e-9)
        assert item.weight_norm == pytest.approx(np.linalg.norm(w), rel=1e-9)
        assert item.weight_mean == pytest.approx(w.mean(), rel=1e-9, abs=1e-12)
        # every weight and every gradient is counted once
        assert item.n_weights == w.size
        assert item.weight_counts.sum() + item.weight_nonfinite == w.size
        assert item.grad_counts.sum() + item.grad_zeros + item.grad_nonfinite == g.size
        assert item.grad_zeros == np.count_nonzero(g == 0)
        expected, _ = np.histogram(np.clip(np.log10(np.abs(g[g != 0])), GRAD_LOG_EDGES[0], GRAD_LOG_EDGES[-1]),
                                   bins=GRAD_LOG_EDGES)
        np.testing.assert_array_equal(item.grad_counts, expected)
        assert -item.weight_edges[0] == item.weight_edges[-1] == pytest.approx(np.abs(w).max())


def test_the_pretrained_small_cnn_looks_healthy(pretrained, probe_batch):
    snap = probe(pretrained, *probe_batch)
    assert snap.finite and snap.loss < 0.5
    conv = snap.layer("conv2d")
    assert conv.relu_units == 8 and conv.dead_share < health.DEAD_SHARE
    assert snap.layer("dense").dead_share is None  # softmax, not relu
    assert diagnose([snap], {"loss": [0.4, 0.2, 0.1], "val_loss": [0.35, 0.2, 0.12],
                             "accuracy": [0.88, 0.94, 0.97], "val_accuracy": [0.9, 0.94, 0.96]}) == []


# ---- warnings that must fire ----------------------------------------------------------------------------
def test_a_relu_layer_with_a_bias_of_minus_100_is_reported_dead(probe_batch):
    model = _small_cnn()
    model.get_layer("conv2d").params["bias"][...] = -100.0
    snap = probe(model, *probe_batch)
    assert snap.layer("conv2d").dead_units == 8 and snap.layer("conv2d").dead_share == 1.0
    findings = diagnose([snap])
    dead = [f for f in findings if f.code == "dead_units"]
    assert dead[0].layer == "conv2d"  # (conv2d_1, fed only zeros, may be dead too)
    assert dead[0].numbers["share"] == 1.0 and dead[0].numbers["units"] == 8
    # the first layer gets no gradient, but the dead units explain it: no second warning about vanishing
    assert "vanishing_gradients" not in _codes(findings)


def test_dead_units_after_an_activation_layer_are_counted_on_the_layer_before(probe_batch):
    model = sb.Sequential([L.Input((28, 28, 1)), L.Flatten(), L.Dense(20), L.Activation("relu"),
                           L.Dense(10, activation="softmax")], seed=0)
    model.build()
    model.get_layer("dense").params["bias"][:15] = -100.0
    snap = probe(model, *probe_batch)
    assert snap.layer("dense").relu_units == 20 and snap.layer("dense").dead_units == 15
    assert [f.numbers["share"] for f in diagnose([snap]) if f.code == "dead_units"] == [0.75]


def _train(optimizer, x, y) -> tuple[sb.Sequential, list[float], list[float]]:
    model = sb.presets.build("small-cnn")
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    losses, norms = [], []
    for record in sb.iter_fit(model, x[:1280], y[:1280], batch_size=64, epochs=2):
        if isinstance(record, sb.BatchProgress):
            losses.append(record.batch_loss)
            norms.append(record.grad_norm)
    return model, losses, norms


def test_a_huge_learning_rate_leaves_the_loss_stuck_high(digits, probe_batch):
    """Adam at 10: every answer becomes confidently wrong; Keras's clipping holds the loss near 14–16."""
    model, losses, norms = _train(sb.optimizers.Adam(learning_rate=10.0), *digits)
    findings = diagnose([], {}, losses, norms)
    assert _codes(findings) == ["loss_stuck_high"]
    assert findings[0].numbers["loss"] > health.STUCK_HIGH_LOSS
    # after training, a probe of the ruined model alone says the same
    assert "loss_stuck_high" in _codes(diagnose([probe(model, *probe_batch)]))


def test_a_huge_sgd_step_kills_the_relu_units(digits, probe_batch):
    """SGD at 10: the first steps push every filter's output below zero, and the loss sits at guessing."""
    model, losses, norms = _train(sb.optimizers.SGD(learning_rate=10.0), *digits)
    findings = diagnose([probe(model, *probe_batch)], {}, losses, norms)
    assert (findings[0].code, findings[0].layer) == ("dead_units", "conv2d")
    assert findings[0].numbers["share"] == 1.0


def test_a_loss_that_climbs_back_up_is_reported_rising():
    rng = np.random.default_rng(0)
    losses = np.concatenate([np.linspace(2.3, 0.3, 60), np.linspace(0.3, 1.2, 30)]) + rng.normal(0, 0.05, 90)
    findings = diagnose([], {}, losses, np.ones(90))
    assert _codes(findings) == ["loss_rising"]
    assert findings[0].numbers["best"] < 0.5 < 0.9 < findings[0].numbers["loss"]


def test_growing_large_and_non_finite_gradients():
    growing = diagnose([], {}, [], [1.0] * 10 + [40.0] * 10)
    assert _codes(growing) == ["exploding_gradients"] and growing[0].numbers["growth"] == pytest.approx(40.0)
    assert _codes(diagnose([], {}, [], [500.0] * 20)) == ["large_gradients"]
    broken = diagnose([], {}, [2.0, math.inf, math.nan], [1.0, math.inf, math.nan])
    assert _codes(broken) == ["not_finite"] and broken[0].numbers["count"] == 2


def test_a_deep_sigmoid_network_has_vanishing_gradients(probe_batch):
    model = sb.Sequential([L.Input((28, 28, 1)), L.Flatten()] + [L.Dense(32, activation="sigmoid") for _ in range(8)]
                          + [L.Dense(10, activation="softmax")], seed=0)
    snap = probe(model, *probe_batch)
    findings = diagnose([snap, snap, snap])
    assert _codes(findings) == ["vanishing_gradients"]
    assert findings[0].layer == "dense" and findings[0].numbers["ratio"] < health.VANISH_RATIO


def test_overfitting_from_the_history():
    rising = diagnose([], {"loss": [0.5, 0.3, 0.2, 0.1], "val_loss": [0.4, 0.3, 0.35, 0.42]})
    assert _codes(rising) == ["overfitting_val_loss"]
    assert rising[0].numbers["best_epoch"] == 2 and rising[0].numbers["val_loss"] == 0.42
    gap = diagnose([], {"loss": [0.1], "val_loss": [0.3], "accuracy": [0.99], "val_accuracy": [0.85]})
    assert _codes(gap) == ["overfitting_gap"] and gap[0].numbers["gap"] == pytest.approx(14.0)
    # the validation loss rising while the training loss rises too is not overfitting
    assert diagnose([], {"loss": [0.1, 0.2, 0.3], "val_loss": [0.1, 0.2, 0.3]}) == []


def test_a_flat_loss_far_from_zero_is_slow_learning_but_a_flat_low_loss_is_not():
    rng = np.random.default_rng(1)
    slow = diagnose([], {}, 2.3 + rng.normal(0, 0.02, 250), np.full(250, 0.01))
    assert _codes(slow) == ["slow_learning"] and slow[0].severity == "info"
    assert diagnose([], {}, 0.05 + rng.normal(0, 0.005, 250), np.full(250, 0.1)) == []


def test_healthy_training_batches_raise_no_warning(digits):
    x, y = digits
    model = sb.presets.build("small-cnn")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    losses, norms = [], []
    for record in sb.iter_fit(model, x[:1280], y[:1280], batch_size=32, epochs=2):
        if isinstance(record, sb.BatchProgress):
            losses.append(record.batch_loss)
            norms.append(record.grad_norm)
    assert diagnose([probe(model, *pick_probe(x, y))], {}, losses, norms) == []


def test_ruined_weights_are_reported_without_raising(probe_batch):
    model = _small_cnn()
    flat = model.get_flat_weights()
    flat[:50], flat[60] = np.nan, np.inf
    model.set_flat_weights(flat)
    with np.errstate(all="raise"):  # nothing may leak a floating-point warning to the app
        snap = probe(model, *probe_batch)
    first = snap.layer("conv2d")
    assert not snap.finite and first.weight_nonfinite == 51
    assert first.weight_counts.sum() + first.weight_nonfinite == first.n_weights
    assert _codes(diagnose([snap])) == ["not_finite"]


def test_a_probe_no_longer_wanted_stops_and_a_watched_one_gives_the_same_numbers(pretrained, probe_batch):
    token = sb.StopToken()
    token.stop()
    with pytest.raises(sb.Cancelled):
        probe(pretrained, *probe_batch, stop=token)
    plain, watched = probe(pretrained, *probe_batch), probe(pretrained, *probe_batch, stop=sb.StopToken())
    assert plain.loss == watched.loss
    for a, b in zip(plain.layers, watched.layers, strict=True):
        np.testing.assert_array_equal(a.grad_counts, b.grad_counts)
