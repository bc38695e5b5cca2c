"""Evaluation on held-out data: accuracy and loss as model.evaluate, confusion cells, robustness, PCA."""

from __future__ import annotations

import numpy as np
import pytest

import resources
import sandbox as sb
from sandbox.evaluation import ROBUSTNESS_KINDS, evaluate_classifier, layer_map, pca_2d, robustness


@pytest.fixture(scope="module")
def pretrained():
    """The bundled small CNN and the first 300 test digits (float32 (300, 28, 28, 1), int64 (300,))."""
    model = sb.load_model(resources.path("models", "small-cnn.dlsb"))
    _, (x, y) = sb.datasets.digits.load_data()
    return model, (x[:300].astype(np.float32) / 255)[..., None], y[:300].astype(np.int64)


class _Fixed:
    """A made-up 'model' that returns a fixed probability table, so every answer can be checked by hand."""

    def __init__(self, table: np.ndarray) -> None:
        self.table = np.asarray(table, np.float32)

    def predict(self, x, batch_size=None):
        return self.table[np.asarray(x, np.int64)]

    def regularization_loss(self) -> float:
        return 0.0


def test_accuracy_and_loss_match_model_evaluate(pretrained):
    model, x, y = pretrained
    ev = evaluate_classifier(model, x, y, batch_size=64)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    logs = model.evaluate(x, y, return_dict=True, verbose=0)
    assert ev.accuracy == pytest.approx(logs["accuracy"], abs=1e-12)
    assert ev.loss == pytest.approx(logs["loss"], rel=1e-5)
    assert ev.confusion.sum() == len(y)
    assert np.trace(ev.confusion) / len(y) == pytest.approx(ev.accuracy)
    assert ev.probabilities.dtype == np.float32 and ev.probabilities.shape == (300, 10)
    assert ev.predicted.dtype == np.int64 and ev.labels.dtype == np.int64
    assert ev.confusion.dtype == np.int64 and ev.per_class_accuracy.dtype == np.float64
    for k in range(10):
        assert ev.per_class_accuracy[k] == pytest.approx(np.mean(ev.predicted[y == k] == k))


def test_cells_and_confident_mistakes_on_a_tiny_problem():
    # Six "images" (their index is the input), three classes.
    table = [
        [0.9, 0.05, 0.05],  # 0: true 0 → 0
        [0.6, 0.3, 0.1],  # 1: true 0 → 0, less sure
        [0.2, 0.7, 0.1],  # 2: true 0 → 1 (mistake, 0.7)
        [0.1, 0.1, 0.8],  # 3: true 1 → 2 (mistake, 0.8)
        [0.1, 0.5, 0.4],  # 4: true 1 → 1
        [0.05, 0.9, 0.05],  # 5: true 2 → 1 (mistake, 0.9)
    ]
    ev = evaluate_classifier(_Fixed(table), np.arange(6), np.array([0, 0, 0, 1, 1, 2]))
    assert ev.confusion.tolist() == [[2, 1, 0], [0, 1, 1], [0, 1, 0]]
    assert ev.accuracy == pytest.approx(3 / 6)
    np.testing.assert_allclose(ev.per_class_accuracy, [2 / 3, 1 / 2, 0.0])
    assert ev.cell(0, 0).tolist() == [0, 1]  # 0.9 before 0.6
    assert ev.cell(0, 1).tolist() == [2]
    assert ev.cell(2, 2).tolist() == []
    assert ev.confident_mistakes(10).tolist() == [5, 3, 2]
    assert ev.confident_mistakes(2).tolist() == [5, 3]
    expected_loss = -np.mean(np.log([0.9, 0.6, 0.2, 0.1, 0.5, 0.05]))
    assert ev.loss == pytest.approx(expected_loss, rel=1e-5)


def test_robustness_starts_at_plain_accuracy_and_noise_hurts(pretrained):
    model, x, y = pretrained
    plain = evaluate_classifier(model, x, y).accuracy
    curve = robustness(model, x, y, "noise", ROBUSTNESS_KINDS["noise"])
    assert [level for level, _ in curve] == list(ROBUSTNESS_KINDS["noise"])
    assert curve[0][1] == pytest.approx(plain)
    assert curve[-1][1] < plain
    assert robustness(model, x, y, "noise", ROBUSTNESS_KINDS["noise"]) == curve  # same seed, same curve
    for kind in ("rotation", "thickness"):
        assert robustness(model, x[:50], y[:50], kind, [0.0])[0][1] == pytest.approx(
            evaluate_classifier(model, x[:50], y[:50]).accuracy)
    with pytest.raises(ValueError, match="kind"):
        robustness(model, x, y, "blur", [0.0])


def test_pca_of_points_on_a_line_puts_all_variance_on_axis_0():
    t = np.linspace(-3, 5, 40)
    points = np.outer(t, [1.0, -2.0, 0.5]) + np.array([4.0, 1.0, -7.0])
    xy = pca_2d(points)
    assert xy.shape == (40, 2) and xy.dtype == np.float64
    assert np.var(xy[:, 0]) > 1.0
    np.testing.assert_allclose(xy[:, 1], 0.0, atol=1e-9)
    assert xy[np.argmax(np.abs(xy[:, 0])), 0] > 0  # the sign rule
    np.testing.assert_allclose(pca_2d(-points)[:, 0], xy[:, 0], atol=1e-9)  # same picture, whatever the sign


@pytest.mark.parametrize("shape", [(30, 5), (12, 40)])  # more points than features, and fewer
def test_pca_matches_the_svd_of_the_centred_data(shape):
    data = np.random.default_rng(1).normal(size=shape) * np.linspace(3, 1, shape[1])
    centred = data - data.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    expected = u[:, :2] * s[:2]
    expected *= np.sign(expected[np.argmax(np.abs(expected), axis=0), [0, 1]])
    np.testing.assert_allclose(pca_2d(data), expected, atol=1e-9)


class _StopsAfter:
    """Wraps a model and sets ``token`` after ``calls`` predictions: a newer request arriving mid-evaluation."""

    def __init__(self, model, token: sb.StopToken, calls: int) -> None:
        self.model, self.token, self.calls, self.made = model, token, calls, 0

    def predict(self, x, batch_size=None):
        self.made += 1
        if self.made >= self.calls:
            self.token.stop()
        return self.model.predict(x, batch_size=batch_size)

    def regularization_loss(self) -> float:
        return self.model.regularization_loss()


def test_a_stopped_evaluation_gives_up_between_batches(pretrained):
    model, x, y = pretrained
    token = sb.StopToken()
    wrapped = _StopsAfter(model, token, calls=2)
    with pytest.raises(sb.Cancelled):
        evaluate_classifier(wrapped, x, y, batch_size=50, stop=token)  # 6 batches of 50
    assert wrapped.made == 2  # the batch in hand finishes, no further one starts
    with pytest.raises(sb.Cancelled):
        robustness(model, x, y, "noise", ROBUSTNESS_KINDS["noise"], stop=token)


def test_a_token_never_set_changes_no_number(pretrained):
    model, x, y = pretrained
    plain = evaluate_classifier(model, x, y, batch_size=64)
    watched = evaluate_classifier(model, x, y, batch_size=64, stop=sb.StopToken())
    np.testing.assert_array_equal(plain.probabilities, watched.probabilities)
    assert plain.loss == watched.loss and plain.accuracy == watched.accuracy
    levels = ROBUSTNESS_KINDS["rotation"]
    assert robustness(model, x, y, "rotation", levels) == robustness(model, x, y, "rotation", levels,
                                                                      stop=sb.StopToken())


def test_layer_map_is_the_pca_of_that_layers_outputs(pretrained):
    model, x, _ = pretrained
    outputs = model.layer_outputs(x[:120])
    for layer in (0, len(model.layers) - 2):
        np.testing.assert_allclose(layer_map(model, x[:120], layer, batch_size=50),
                                   pca_2d(outputs[layer].reshape(120, -1)), rtol=1e-6, atol=1e-6)
    token = sb.StopToken()
    token.stop()
    with pytest.raises(sb.Cancelled):
        layer_map(model, x, 0, stop=token)
    with pytest.raises(IndexError):
        layer_map(model, x, len(model.layers))
