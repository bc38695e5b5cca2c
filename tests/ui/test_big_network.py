"""A learner asks for a huge network: the app says what it costs, in numbers, and lets them choose."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sandbox.spec import LayerSpec, NetworkSpec


def _dense_stack(*units: int) -> NetworkSpec:
    layers = [LayerSpec.make("Flatten")]
    layers += [LayerSpec.make("Dense", units=u, activation="relu") for u in units]
    layers.append(LayerSpec.make("Dense", units=10, activation="softmax"))
    return NetworkSpec((28, 28, 1), tuple(layers))


def test_twenty_million_weights_are_built_only_after_the_learner_agrees(qtbot, window, monkeypatch):
    session = window.session
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(parent, title, text, *args, **kwargs):
        if "large" not in title:  # closing the window at the end: discard, as every story does
            return QMessageBox.StandardButton.Discard
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    before = session.network
    big = _dense_stack(4096, 4096)
    assert not session.set_network(big, "Load a big network")
    assert session.network == before  # nothing built while the learner decides
    assert "20,037,642 weights" in asked[0]
    assert "MB of memory" in asked[0] and "one epoch over" in asked[0]

    answer[0] = QMessageBox.StandardButton.Yes
    assert not session.set_network(big, "Load a big network")  # asks again, and this time builds it
    assert len(asked) == 2
    assert session.network == big
    assert session.model is not None and session.model.count_params() == 20_037_642

    # Making the accepted network smaller (still large) does not ask again.
    smaller = _dense_stack(4096, 2048)
    assert session.set_network(smaller, "Smaller")
    assert len(asked) == 2 and session.network == smaller


def test_eighty_million_weights_are_refused_with_the_reason(qtbot, window, monkeypatch):
    session = window.session
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: told.append(text))
    before = session.network
    assert not session.set_network(_dense_stack(4096, 4096, 4096, 4096, 4096), "Too big")
    assert session.network == before
    assert "the sandbox trains at most 67,108,864" in told[0]


def test_a_batch_too_large_for_the_memory_keeps_train_disabled_and_says_why(qtbot, window, monkeypatch):
    session = window.session
    wide = NetworkSpec((28, 28, 1), (
        LayerSpec.make("Conv2D", filters=512, kernel_size=3, padding="same", activation="relu"),
        LayerSpec.make("MaxPooling2D", pool_size=8), LayerSpec.make("Flatten"),
        LayerSpec.make("Dense", units=10, activation="softmax")))
    session.update_training("batch_size", 8)
    session.set_network(wide, "Wide convolutions", confirmed=True)
    assert session.network == wide
    session.update_training("batch_size", 4096)
    problem = session.training_problem()
    assert problem is not None and "lower the batch size" in problem
    window.session.trainingChanged.emit(session.training)
    assert not window.act_train.isEnabled()
    assert not session.start_training()
