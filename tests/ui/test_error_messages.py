"""The app translates engine errors from their code and fields, never from their English wording."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sandbox as sb
from sandbox.messages import MESSAGES, Message, fields_of
from sandbox.spec import LayerSpec, NetworkSpec
from ui import i18n
from ui.engine_messages import _WORDS, TEMPLATES, friendly

TS = Path(i18n.__file__).resolve().parent.parent / "resources" / "i18n" / "dl_sandbox_ko.ts"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: A field right before a Korean particle: a name or number of any length would need 이/가, 을/를 chosen by it.
#: Fields that only ever hold an engine word (translated, so its particle is known) may take one.
PARTICLE = re.compile(r"\{(\w+)[^{}]*\}(?:이|가|을|를|은|는|으로|로|와|과)(?![\uac00-\ud7a3])")


@pytest.fixture
def korean(qapp):
    translators = i18n.Translators()
    assert translators.install("ko")
    yield translators
    translators.install("en")


def _korean() -> dict[str, tuple[str | None, str | None]]:
    """English source → (translation, its type) in the EngineMessages context of the Korean .ts."""
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "EngineMessages":
            return {m.findtext("source"): (m.findtext("translation"), m.find("translation").get("type"))
                    for m in context.iter("message")}
    return {}


def _sample(template: str) -> dict[str, object]:
    """A value for every field of ``template``: a number where its format spec needs one, else a marked text."""
    values: dict[str, object] = {}
    for _, field, spec, _ in string.Formatter().parse(template):
        if field:
            values[field] = 123456 if spec else f"<{field}>"
    return values


def test_the_app_lists_exactly_the_engines_templates():
    # pyside6-lupdate only collects literal strings, so the app repeats the registry; the two must agree.
    assert TEMPLATES == MESSAGES


def test_every_code_has_a_finished_korean_translation_with_the_same_fields():
    korean = _korean()
    problems = []
    for code, template in MESSAGES.items():
        translation, kind = korean.get(template, (None, None))
        if not translation or kind is not None:
            problems.append(f"{code}: no finished translation")
        elif fields_of(translation) != fields_of(template):
            problems.append(f"{code}: fields {sorted(fields_of(translation))} ≠ {sorted(fields_of(template))}")
        elif any(m.group(1) not in _WORDS for m in PARTICLE.finditer(translation)):
            problems.append(f"{code}: a particle follows a placeholder: {translation}")
    assert not problems, "\n".join(problems)


def test_every_engine_word_has_a_korean_translation():
    korean = _korean()
    missing = [w for words in _WORDS.values() for w in words if not korean.get(w, (None,))[0]]
    assert not missing


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_code_reads_as_the_engine_wrote_it_in_english_and_keeps_its_values_in_korean(code, qapp):
    message = Message(code, **_sample(MESSAGES[code]))
    assert friendly(message) == str(message)
    translators = i18n.Translators()
    assert translators.install("ko")
    try:
        text = friendly(message)
    finally:
        translators.install("en")
    if re.search(r"[a-z]", re.sub(r"\{[^{}]*\}", "", MESSAGES[code])):  # not only fields ("{owner}: {problem}")
        assert HANGUL.search(text), text
    for field, value in message.fields.items():
        shown = f"{value:,}" if isinstance(value, int) else str(value)
        assert shown in text or f"{value!r}" in text or str(value) in text, f"{field} lost: {text!r}"


def test_a_dense_after_conv2d_without_flatten_reads_in_korean_with_its_shape(korean):
    error = NetworkSpec((28, 28, 1), (LayerSpec.make("Conv2D", filters=4, kernel_size=3),
                                      LayerSpec.make("Dense", units=3))).first_error()
    assert error.code == "layer.needs_flat" and error.layer_index == 1
    text = friendly(error)
    assert HANGUL.search(text) and "(batch, 26, 26, 4)" in text and "'conv2d'" in text and "Dense" in text


def test_a_bad_file_reads_in_korean_with_its_name(korean, tmp_path):
    bad = tmp_path / "notes.dlsb"
    bad.write_text("hello")
    with pytest.raises(sb.FileFormatError) as info:
        sb.io.load_project(bad)
    error = info.value
    assert error.code == "file.cannot_open" and isinstance(error.fields["reason"], sb.FileFormatError)
    text = friendly(error)
    assert str(bad) in text and "Deep Learning Sandbox" in text and HANGUL.search(text)
    assert "it is not" not in text  # the nested reason is translated too


def test_an_unknown_activation_reads_in_korean_with_the_names(korean):
    with pytest.raises(sb.UnknownNameError) as info:
        sb.layers.Dense(3, activation="relux")
    text = friendly(info.value)
    assert HANGUL.search(text) and "'relux'" in text and "relu" in text
    assert "activation" not in text  # the kind is an engine word, translated


def test_a_truncated_idx_file_reads_in_korean_with_its_numbers(korean, tmp_path):
    cut = tmp_path / "cut-idx"
    cut.write_bytes(b"\x00\x00\x08\x03" + (60000).to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + b"\x00" * 99)
    with pytest.raises(sb.FileFormatError) as info:
        sb.datasets.idx.read_idx(cut)
    text = friendly(info.value)
    assert HANGUL.search(text) and "47,040,000" in text and "60,000" in text and "28×28" in text
    assert "images of" not in text  # the nested piece is translated too


def test_a_nested_setting_error_is_translated_at_both_levels(korean):
    with pytest.raises(sb.LayerArgumentError) as info:
        sb.layers.Dense(0)
    assert friendly(info.value) == "Dense: units 값은 1 이상의 정수여야 해요 (지금 값: 0)."


def test_text_from_an_older_caller_is_still_recognised(korean):
    units = friendly("Dense: units must be an int ≥ 1, got 0")
    assert units == "Dense: units 값은 1 이상의 정수여야 해요 (지금 값: 0)."
    assert friendly("stop training before opening a file") == "파일을 열기 전에 훈련을 중지하세요."
    for text in ("the moon is made of cheese", "", "Traceback (most recent call last):"):
        assert friendly(text) == text
