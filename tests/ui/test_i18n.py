"""Stories of the Korean translation: complete, compiled, in step with the code, switched live, and
the engine's English error messages told to a Korean learner in Korean."""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

import sandbox as sb
from sandbox.spec import LayerSpec, NetworkSpec, TrainingSpec
from ui import i18n
from ui.engine_messages import friendly
from ui.session import DataSet

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "dl_sandbox_ko.ts"
QM = TS.with_suffix(".qm")
HANGUL = re.compile("[\uac00-\ud7a3]")
#: The sentence of the brief: what a Korean learner reads when Dense follows a pooling layer.
DENSE_KO = ("Dense 층은 평평한 입력 (batch, 특성)을 받는데 'max_pooling2d_1'에서 (batch, 7, 7, 16) 모양이 왔어요. "
            "Flatten을 추가하세요.")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def placeholders(text: str) -> set[str]:
    """The ``{name:spec}`` fields of a str.format template, written out as in the text."""
    return {"{" + name + (":" + spec if spec else "") + "}"
            for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


@pytest.fixture
def korean(qapp):
    """Korean installed for the test, English again afterwards."""
    translators = i18n.Translators()
    assert translators.install("ko")
    yield translators
    translators.install("en")


@pytest.fixture
def window(window):
    """The shared window fixture, putting English back afterwards for the tests that follow."""
    yield window
    # pytest-qt may have closed the window already: put English back through the translators alone
    window.translators.install("en")
    QSettings().setValue(i18n.SETTINGS_KEY, "en")


def switch(window, qtbot, code: str) -> None:
    """Choose a language as the View → Language menu does; Qt posts the change, so wait for the rebuild."""
    window.language_actions[code].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == ("파일(&F)" if code == "ko" else "&File"))


def without_flatten() -> NetworkSpec:
    small = NetworkSpec.from_preset("small-cnn")
    return NetworkSpec(small.input_shape, tuple(s for s in small.layers if s.class_name != "Flatten"))


# ---- the .ts and .qm files -------------------------------------------------------------------------
def test_every_message_is_translated_with_the_same_placeholders_mnemonic_and_tags():
    found = messages(TS)
    assert len(found) > 400
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"not finished: {where}"
        text = translation.text or ""
        assert text.strip(), f"empty translation: {where}"
        assert placeholders(text) == placeholders(source), f"placeholders differ: {where} → {text!r}"
        # a mnemonic in the source keeps one in Korean, in the 파일(&F) form Alt-keys can use
        assert text.count("&") == source.count("&"), f"mnemonic lost or doubled: {where} → {text!r}"
        if "&" in source and not source.startswith("<"):
            # after Hangul as (&X); a letter or digit of the Korean text itself may carry it, as in English
            key = re.search(r"&(\w)", source).group(1)
            in_place = re.search(f"&{re.escape(key)}", text, re.IGNORECASE)
            as_korean = re.search(r"\(&\w\)", text)
            assert as_korean or source == text or in_place, f"mnemonic not as (&X): {where} → {text!r}"
        assert re.findall(r"</?\w+", text) == re.findall(r"</?\w+", source), f"rich text tags differ: {where}"


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    if fresh.read_bytes() == QM.read_bytes():
        return
    # Not byte for byte: then every message must still translate the same through both files.
    old, new = QTranslator(), QTranslator()
    assert old.load(str(QM)) and new.load(str(fresh))
    stale = [(c, s) for c, s, _ in messages(TS) if old.translate(c, s) != new.translate(c, s)]
    assert not stale, f"dl_sandbox_ko.qm is out of date; run `python -m ui.i18n --update`: {stale[:5]}"


def test_every_string_in_the_code_is_in_the_ts(tmp_path):
    """lupdate over ui/ finds exactly the strings the .ts holds (a forgotten refresh fails here)."""
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    scanned = tmp_path / "scan.ts"
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(scanned)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in messages(scanned)}
    in_ts = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - in_ts == set(), "new strings: run `python -m ui.i18n --update` and translate them"
    assert in_ts - in_code == set(), "strings no longer in the code: run `python -m ui.i18n --update`"


def test_no_string_hides_from_lupdate():
    """lupdate skips f-strings inside tr() and calls through an alias such as ``t = self.tr``."""
    for path in (ROOT / "ui").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"""\btr\(\s*f["']""", code), f"tr(f\"...\") in {path}"
        assert not re.search(r"""translate\([^)]*?,\s*f["']""", code), f"translate(..., f\"...\") in {path}"
        assert not re.search(r"=\s*self\.tr\s*$", code, re.MULTILINE), f"an alias of self.tr in {path}"


# ---- switching live ---------------------------------------------------------------------------------
def test_the_learner_switches_the_whole_window_to_korean_and_back(window, qtbot):
    switch(window, qtbot, "ko")

    titles = [m.title() for m in (window.file_menu, window.edit_menu, window.train_menu, window.view_menu,
                                  window.help_menu)]
    assert titles[0] == "파일(&F)"
    assert all(has_hangul(t) and re.search(r"\(&\w\)$", t) for t in titles), titles
    assert all(has_hangul(d.windowTitle()) for d in window.docks.values()), [d.windowTitle() for d in
                                                                              window.docks.values()]
    train = window.controls_panel.findChild(QPushButton, "trainButton")
    assert train.text() == "훈련"
    assert has_hangul(window.windowTitle())
    assert QSettings().value(i18n.SETTINGS_KEY) == "ko"

    switch(window, qtbot, "en")

    assert window.file_menu.title() == "&File"
    assert window.docks["layersDock"].windowTitle() == "Layers"
    assert window.controls_panel.findChild(QPushButton, "trainButton").text() == "Train"
    assert not has_hangul(window.windowTitle())


def test_switching_language_keeps_the_health_docks_series(window, qtbot):
    window.docks["healthDock"].show()  # a layout saved by an earlier story may have closed it
    window.docks["healthDock"].raise_()
    qtbot.waitUntil(lambda: len(window.health_panel.snapshots) > 0)
    window.health_panel.layer_combo.setCurrentIndex(1)
    before = list(window.health_panel.snapshots)

    switch(window, qtbot, "ko")

    after = window.health_panel.snapshots
    assert after[:len(before)] == before  # the same snapshots, not a fresh series
    assert window.health_panel.layer_combo.currentIndex() == 1
    assert has_hangul(window.health_panel.summary_label.text())


def test_switching_language_keeps_the_switched_off_unit_inside_the_network(window, qtbot):
    window.docks["insideDock"].show()
    window.docks["insideDock"].raise_()
    panel = window.layers_view_panel
    qtbot.waitUntil(lambda: panel.accuracy is not None)
    panel.select_unit(0, 3)
    panel.switch_off()
    edited = panel.shown_output().copy()

    switch(window, qtbot, "ko")

    panel = window.layers_view_panel
    assert panel.edits == {(0, 3): 0.0} and panel.selected_unit == (0, 3)
    np.testing.assert_array_equal(panel.shown_output(), edited)
    qtbot.waitUntil(lambda: "수정 후" in panel.accuracy_label.text())


def test_switching_language_keeps_the_runs_docks_ticks_and_curve(window, qtbot):
    session = window.session
    d = session.dataset
    session.set_dataset(DataSet("small", d.x_train[:200], d.y_train[:200], d.x_test[:50], d.y_test[:50]))
    session.load_preset("logistic")
    session.update_training("epochs", 1)
    for _ in range(2):
        with qtbot.waitSignal(session.trainingEnded, timeout=20000):
            assert session.start_training()
    panel = window.runs_panel
    qtbot.waitUntil(lambda: panel.ticked == {1, 2})
    panel.ticked.discard(1)  # the learner unticked run 1 and chose the accuracy curve
    panel.metric_combo.setCurrentIndex(panel.metric_combo.findData("accuracy"))
    panel.table.selectRow(0)
    selected = panel.selected_run()

    switch(window, qtbot, "ko")

    panel = window.runs_panel
    assert panel.ticked == {2} and panel.metric_combo.currentData() == "accuracy"
    assert panel.selected_run() == selected


def test_run_labels_name_the_preset_in_korean(window, qtbot):
    switch(window, qtbot, "ko")
    assert "작은 CNN" in window.session.run_label()  # the loss plot's and the runs table's name of the network
    assert window.layer_panel.findChild(QComboBox, "presetCombo").findText("작은 CNN") >= 0
    window.session.load_preset("mlp")
    assert "다층 퍼셉트론" in window.session.undo_stack.undoText()  # Edit → Undo names it in Korean too


def test_a_broken_network_is_explained_in_korean_in_every_panel(window, qtbot):
    switch(window, qtbot, "ko")
    window.session.set_network(without_flatten(), "remove Flatten")

    error_label = window.layer_panel.findChild(QLabel, "layerErrorLabel")
    assert error_label.text() == f"층 5(Dense)에 문제가 있어요: {DENSE_KO}"
    status = window.controls_panel.findChild(QLabel, "trainingStatusLabel")
    assert status.text() == f"아직 훈련할 수 없어요: {DENSE_KO}"
    assert DENSE_KO in window.controls_panel.findChild(QPushButton, "trainButton").toolTip()
    dense_row = window.layer_panel.findChild(object, "layerStack").topLevelItem(5)
    assert DENSE_KO in dense_row.toolTip(0)


def test_a_bad_file_and_a_bad_folder_are_explained_in_korean(window, qtbot, tmp_path):
    switch(window, qtbot, "ko")
    bad = tmp_path / "broken.dlsb"
    bad.write_bytes(b"this is not a model")

    assert not window.open_path(str(bad))

    text = window.info_bar.label.text()
    assert text.startswith("broken.dlsb 파일을 열지 못했어요: ")
    assert "Deep Learning Sandbox 파일이 아니거나 손상된 파일이에요." in text

    empty = tmp_path / "my idx"
    empty.mkdir()
    assert not window.data_panel.load_folder(str(empty))
    error = window.data_panel.findChild(QLabel, "dataErrorLabel").text()
    assert error.startswith("“my idx” 폴더를 불러오지 못했어요: ")
    assert "train-images-idx3-ubyte 파일(또는 train-images-idx3-ubyte.gz)이 없어요" in error
    assert error.endswith("바뀐 것은 없어요.")


# ---- friendly(): the engine's English, recognised and translated ----------------------------------------
def engine_messages(tmp_path: Path) -> list[str]:
    """Real messages, raised by the engine itself, of every kind the app shows."""
    made: list[str] = []

    def catch(action) -> None:
        with pytest.raises(sb.SandboxError) as info:
            action()
        made.append(str(info.value))

    made.append(str(without_flatten().first_error()))
    image = (28, 28, 1)
    for layers in (
        (LayerSpec.make("Flatten"), LayerSpec.make("Conv2D", filters=2, kernel_size=3)),
        (LayerSpec.make("Flatten"), LayerSpec.make("MaxPooling2D")),
        (LayerSpec.make("Dense", units=0),),
        (LayerSpec.make("Dense", units=3, activation="relux"),),
        (LayerSpec.make("Flatten"), LayerSpec.make("Dropout", rate=1.5)),
    ):
        made.append(str(NetworkSpec(image, layers).first_error()))
    made.append(str(NetworkSpec((4, 4, 1), (LayerSpec.make("Conv2D", filters=2, kernel_size=5),)).first_error()))
    made.append(str(NetworkSpec((1, 1, 1), (LayerSpec.make("MaxPooling2D"),)).first_error()))
    made.append(str(NetworkSpec(image, ()).first_error()))
    made.append(TrainingSpec(optimizer="Adamx").check())
    made.append(TrainingSpec(learning_rate=0).check())
    made.append(TrainingSpec(batch_size=0).check())
    not_ours = tmp_path / "notes.dlsb"
    not_ours.write_text("hello")
    catch(lambda: sb.io.load_project(not_ours))
    catch(lambda: sb.io.load_project(tmp_path / "missing.dlsb"))
    catch(lambda: sb.io.load_project(tmp_path))
    catch(lambda: sb.datasets.idx.load_data(tmp_path / "nowhere"))
    catch(lambda: sb.datasets.idx.load_data(tmp_path))
    short = tmp_path / "short-idx"
    short.write_bytes(b"\x00\x00")
    catch(lambda: sb.datasets.idx.read_idx(short))
    cut = tmp_path / "cut-idx"
    cut.write_bytes(b"\x00\x00\x08\x03" + (60000).to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + b"\x00" * 99)
    catch(lambda: sb.datasets.idx.read_idx(cut))
    return made


def test_in_english_every_engine_message_is_recognised_and_left_as_the_engine_wrote_it(tmp_path):
    for message in engine_messages(tmp_path):
        assert friendly(message) == message


def test_in_korean_every_engine_message_is_translated_keeping_its_names_and_numbers(korean, tmp_path):
    for message in engine_messages(tmp_path):
        text = friendly(message)
        assert has_hangul(text), f"not recognised: {message!r}"
        # names in quotes, shapes and numbers survive the translation
        for kept in re.findall(r"'[^']*'|\(batch(?:, \d+)+\)|\d+(?:[,.]\d+)*", message):
            assert kept in text, f"{kept!r} lost from {message!r}: {text!r}"


def test_the_dense_after_pooling_message_reads_as_the_korean_sentence(korean):
    error = without_flatten().first_error()
    assert error.fix == "insert_flatten"

    assert friendly(error) == DENSE_KO
    assert friendly(str(error)) == DENSE_KO
    units = friendly("Dense: units must be an int ≥ 1, got 0")
    assert units == "Dense: units 값은 1 이상의 정수여야 해요 (지금 값: 0)."


def test_a_message_no_template_knows_passes_through_unchanged(korean):
    for text in ("the moon is made of cheese", "", "ValueError", "Traceback (most recent call last):"):
        assert friendly(text) == text
    assert friendly(KeyError("x")) == str(KeyError("x"))


# Every code's translation, round trip and values: tests/ui/test_error_messages.py.
