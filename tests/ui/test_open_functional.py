"""A model written with the book's functional API opens in the app: a chain shows its layers and trains; a graph with
branches is refused in plain words, and nothing is lost."""

from __future__ import annotations

import numpy as np

import sandbox as sb
from ui.session import DataSet


def small_digits(n: int = 320) -> DataSet:
    (x, y), (xt, yt) = sb.datasets.digits.load_data()
    return DataSet.from_uint8("digits", (x[:n], y[:n]), (xt[:100], yt[:100]))


def book_convnet() -> sb.Model:
    """Chapter 8's MNIST convnet in the book's style (smaller), as a learner types it."""
    inputs = sb.Input(shape=(28, 28, 1))
    x = sb.layers.Conv2D(filters=8, kernel_size=3, activation="relu")(inputs)
    x = sb.layers.MaxPooling2D(pool_size=2)(x)
    x = sb.layers.Flatten()(x)
    outputs = sb.layers.Dense(10, activation="softmax")(x)
    model = sb.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def test_the_books_functional_convnet_opens_as_its_stack_and_trains(qtbot, window, tmp_path):
    model = book_convnet()
    path = tmp_path / "convnet.dlsb"
    sb.save_model(model, path)
    assert window.open_path(str(path))
    session = window.session
    assert [layer.class_name for layer in session.network.layers] == ["Conv2D", "MaxPooling2D", "Flatten", "Dense"]
    for mine, theirs in zip(session.model.get_weights(), model.get_weights(), strict=True):
        assert np.array_equal(mine, theirs)  # the same weights, in the same order
    image = session.dataset.x_test[0, :, :, 0]
    assert np.allclose(session.predict(image), model.predict(image[None, :, :, None], verbose=0)[0], atol=1e-6)
    session.set_dataset(small_digits())
    session.update_training("epochs", 1)
    with qtbot.waitSignal(session.trainingEnded, timeout=60_000) as ended:
        session.start_training()
    assert ended.args[0].reason == "finished" and session.epochs_done == 1


def test_a_graph_with_branches_is_refused_in_plain_words(qtbot, window, tmp_path):
    inputs = sb.Input(shape=(28, 28, 1))
    flat = sb.layers.Flatten()(inputs)
    merged = sb.layers.Concatenate()([sb.layers.Dense(16, activation="relu")(flat),
                                      sb.layers.Dense(16, activation="tanh")(flat)])
    graph = sb.Model(inputs=inputs, outputs=sb.layers.Dense(10, activation="softmax")(merged))
    path = tmp_path / "branches.dlsb"
    sb.save_model(graph, path)
    before = window.session.network
    assert not window.open_path(str(path))
    text = window.info_bar.label.text()
    assert "branches.dlsb" in text and "Concatenate" in text and "sandbox.load_model" in text
    assert "Traceback" not in text and window.session.network == before
