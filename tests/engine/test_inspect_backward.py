"""The one-example backward trace shows the engine's own numbers and changes nothing real."""

from __future__ import annotations

import numpy as np
import pytest

import sandbox as sb
from sandbox.inspect_backward import hardest_example, optimizer_step, trace_example, verify


@pytest.fixture
def cnn():
    """A small untrained CNN (probabilities far from 0 and 1, so Keras's clipping is not active)."""
    model = sb.Sequential([
        sb.layers.Input((28, 28, 1)),
        sb.layers.Conv2D(4, 3, activation="relu"),
        sb.layers.MaxPooling2D(2),
        sb.layers.Flatten(),
        sb.layers.Dense(12, activation="relu"),
        sb.layers.Dense(10, activation="softmax"),
    ], seed=3)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.build()
    return model


@pytest.fixture
def digit():
    rng = np.random.default_rng(0)
    return rng.random((28, 28)).astype(np.float32), 7


def test_traced_weight_gradients_are_the_engines_own(cnn, digit):
    x, label = digit
    trace = trace_example(cnn, x, label)
    cnn.compute_gradients(cnn.prepare_inputs(x[None]), np.array([label]))
    for layer in cnn.layers:
        for key, grad in layer.grads.items():
            np.testing.assert_allclose(trace.grad(layer.name).d_weights[key], grad, rtol=1e-4, atol=1e-7)


def test_trace_holds_every_step_in_order(cnn, digit):
    x, label = digit
    trace = trace_example(cnn, x[..., None], label)
    assert [o.name for o in trace.outputs] == [layer.name for layer in cnn.layers]
    assert [g.name for g in trace.grads] == [layer.name for layer in reversed(cnn.layers)]
    assert trace.outputs[0].shape == (26, 26, 4) and trace.outputs[-1].array.shape == (10,)
    assert trace.grads[-1].d_input.shape == (28, 28, 1)  # dL/dinput even for the first layer
    assert trace.grads[0].d_weights["kernel"].shape == (12, 10)  # Keras layout (in, out)
    assert trace.one_hot.tolist() == [0.0] * 7 + [1.0, 0.0, 0.0]
    assert trace.loss == pytest.approx(-np.log(trace.probabilities[label]))


def test_softmax_ending_gives_p_minus_y(cnn, digit):
    x, label = digit
    trace = trace_example(cnn, x, label)
    assert trace.softmax_ending
    np.testing.assert_allclose(trace.d_logits, trace.probabilities - trace.one_hot, atol=1e-12)
    np.testing.assert_allclose(trace.grads[0].d_weights["bias"], trace.d_logits, atol=1e-12)


def test_other_endings_give_d_output_only(digit):
    model = sb.Sequential([sb.layers.Input((28, 28)), sb.layers.Flatten(), sb.layers.Dense(10)], seed=1)
    trace = trace_example(model, digit[0], 2, loss="sparse_categorical_crossentropy")
    assert not trace.softmax_ending and trace.d_logits is None
    assert trace.grads[0].d_output.shape == (10,)


def test_clipping_makes_a_certain_answer_learn_nothing(digit):
    model = sb.Sequential([sb.layers.Input((28, 28)), sb.layers.Flatten(),
                           sb.layers.Dense(10, activation="softmax")], seed=1)
    model.build()
    model.layers[-1].params["bias"][...] = [0, 0, 60, 0, 0, 0, 0, 0, 0, 0]
    trace = trace_example(model, digit[0] * 0, 2)
    assert trace.loss == pytest.approx(1e-7, rel=1e-3)  # −log(1 − 1e-7), as Keras computes it
    assert not np.any(trace.d_logits)


def test_verify_matches_central_differences(cnn, digit):
    x, label = digit
    for name, key in (("dense_1", "kernel"), ("dense_1", "bias"), ("conv2d", "kernel")):
        rows = verify(cnn, x, label, name, key=key, n=10)
        assert len(rows) == 10
        assert max(r[3] for r in rows) < 1e-6
        assert any(abs(r[1]) > 1e-6 for r in rows)  # not a trivial all-zero comparison


def test_tracing_leaves_the_learners_model_alone(cnn, digit):
    before = cnn.get_flat_weights()
    state = cnn.optimizer.get_state()
    trace = trace_example(cnn, *digit)
    verify(cnn, *digit, "dense", n=5)
    optimizer_step(cnn, trace, "dense", cnn.optimizer)
    np.testing.assert_array_equal(cnn.get_flat_weights(), before)
    assert cnn.dtype == np.float32
    after = cnn.optimizer.get_state()
    assert after["iterations"] == state["iterations"] == 0
    assert not np.any(after["momentum"]) and not np.any(after["velocity"])


def test_sgd_step_is_minus_learning_rate_times_gradient(cnn, digit):
    trace = trace_example(cnn, *digit)
    step = optimizer_step(cnn, trace, "dense_1", sb.optimizers.SGD(learning_rate=0.1))
    for key in ("kernel", "bias"):
        g = trace.grad("dense_1").d_weights[key]
        np.testing.assert_allclose(step.update[key], -0.1 * g, rtol=1e-4, atol=1e-8)
        np.testing.assert_allclose(step.new_weights[key], cnn.get_layer("dense_1").params[key] - 0.1 * g,
                                   rtol=1e-5, atol=1e-7)
    assert step.state_before == {} and step.state_after == {}


def test_adam_first_step_matches_a_hand_computation(cnn, digit):
    trace = trace_example(cnn, *digit)
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
    step = optimizer_step(cnn, trace, "dense_1", sb.optimizers.Adam(learning_rate=lr))
    g = trace.grad("dense_1").d_weights["kernel"]
    m = (1 - b1) * g
    v = (1 - b2) * g**2
    expected = -lr * np.sqrt(1 - b2) / (1 - b1) * m / (np.sqrt(v) + eps)
    assert not np.any(step.state_before["momentum"]["kernel"])
    np.testing.assert_allclose(step.state_after["momentum"]["kernel"], m, rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(step.state_after["velocity"]["kernel"], v, rtol=1e-4, atol=1e-12)
    np.testing.assert_allclose(step.update["kernel"], expected, rtol=1e-3, atol=1e-6)


def test_sgd_momentum_state_is_the_layers_slice(cnn, digit):
    trace = trace_example(cnn, *digit)
    opt = sb.optimizers.SGD(learning_rate=0.1, momentum=0.9)
    step = optimizer_step(cnn, trace, "dense_1", opt)
    np.testing.assert_allclose(step.state_after["momentum"]["bias"], step.update["bias"], rtol=1e-6)
    assert opt._size < 0  # the optimizer given was copied, not used


def test_the_hardest_example_is_the_one_whose_traced_loss_is_largest(cnn):
    rng = np.random.default_rng(1)
    x = rng.random((250, 28, 28, 1)).astype(np.float32)  # more than one batch of the search
    y = rng.integers(0, 10, 250)
    index, loss = hardest_example(cnn, x, y)
    losses = [trace_example(cnn, x[i], int(y[i])).loss for i in range(len(y))]
    assert index == int(np.argmax(losses))
    assert loss == pytest.approx(max(losses), rel=1e-4)
    trace = trace_example(cnn, x[index], int(y[index]))
    assert np.abs(trace.d_logits).max() > 0.1  # an example with something to learn


def test_the_hardest_example_search_stops_when_asked_and_refuses_mismatched_labels(cnn):
    x = np.zeros((300, 28, 28, 1), np.float32)
    stop = sb.StopToken()
    stop.stop()
    with pytest.raises(sb.Cancelled):
        hardest_example(cnn, x, np.zeros(300, int), stop=stop)
    with pytest.raises(sb.LayerArgumentError, match="300 examples and 2 labels"):
        hardest_example(cnn, x, np.zeros(2, int))
