"""The Korean translation reads as the Korean edition of the book does: its glossary, particles that fit the
word before them, and no characters the Hangul fonts draw as dots."""

from __future__ import annotations

import csv
import re
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "dl_sandbox_ko.ts"
GLOSSARY = ROOT / "resources" / "i18n" / "glossary_ko.tsv"
GLOSSARY_DOC = ROOT / "docs" / "glossary_ko.md"
#: 학습 for learning, never for training; 학습률 (learning rate) is a word of its own.
HAKSEUP = re.compile("학습(?!률)")
#: Particles written for both kinds of word ending, which a learner should never read.
PARTICLE_PLACEHOLDERS = re.compile(r"이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)"
                                   r"|\(으\)로|\(이\)")
#: A particle whose form depends on the last sound of the word before it (받침), right after a {placeholder}.
#: 에, 의, 도, 만, 에서, 보다 and 까지 fit every word; 이에요/예요 and the rest do not.
PARTICLE_AFTER_HOLE = re.compile(r"\}(이에요|예요|이야|이랑|랑|으로|로|이|가|을|를|은|는|와|과|아|야)(?![가-힣])")
#: Holes whose value is always a Korean word (translated before it is inserted).
KOREAN_HOLES = {"noun", "items", "kind", "part"}
SUBSCRIPTS = re.compile("[\u2080-\u2089]")
#: NanumGothic draws superscript digits as dots too; English fonts draw them, so only translations avoid them.
SUPERSCRIPTS = re.compile("[\u00b2\u00b3\u00b9\u2070-\u2079]")


@dataclass(frozen=True)
class Term:
    english: str
    korean: str
    pattern: re.Pattern[str]
    required: bool
    avoid: re.Pattern[str] | None
    avoid_unless: re.Pattern[str] | None


def glossary() -> list[Term]:
    lines = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    terms = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        terms.append(Term(row["english"], row["korean"], re.compile(row["english_pattern"], re.IGNORECASE),
                          row["required"] == "yes", re.compile(row["avoid"]) if row["avoid"] else None,
                          re.compile(row["avoid_unless"], re.IGNORECASE) if row["avoid_unless"] else None))
    return terms


def messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every finished message of the Korean .ts (test_i18n.py finds the
    unfinished ones)."""
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.findtext("translation") or "")
            for ctx in root.iter("context") for m in ctx.iter("message")
            if m.find("translation").get("type") != "unfinished"]


def words(source: str) -> str:
    """The English without its ``{placeholders}`` (a ``{layer}`` is a name, not the word layer)."""
    return re.sub(r"\{[^{}]*\}", " ", source)


# ---- the glossary ------------------------------------------------------------------------------------
def test_the_glossary_table_is_readable_and_documented():
    terms = glossary()
    assert {t.english for t in terms} >= {
        "training", "training loop", "training data", "learning rate", "loss function", "loss score", "optimizer",
        "backpropagation", "layer", "weight", "gradient", "epoch", "batch", "hypothesis", "stop"}
    doc = GLOSSARY_DOC.read_text(encoding="utf-8")
    for term in terms:
        assert f"| {term.english} | {term.korean} |" in doc, f"{term.english} is missing from {GLOSSARY_DOC.name}"


@pytest.mark.parametrize("term", glossary(), ids=lambda t: t.english)
def test_every_translation_uses_the_glossary_term(term: Term):
    wrong = []
    for context, source, text in messages():
        english = words(source)
        if not term.pattern.search(english):
            continue
        if term.required and term.korean not in text:
            wrong.append(f"{context}: {source!r} → {text!r} lacks {term.korean}")
        if term.avoid and term.avoid.search(text) and not (term.avoid_unless and term.avoid_unless.search(english)):
            wrong.append(f"{context}: {source!r} → {text!r} says {term.avoid.search(text).group()}")
    assert not wrong, "\n".join(wrong)


def test_hakseup_is_only_for_learning():
    """학습 where the English says learn (or learning rate, 학습률); training is 훈련."""
    learning = next(t for t in glossary() if t.english == "learning")
    wrong = [f"{c}: {s!r} → {t!r}" for c, s, t in messages()
             if HAKSEUP.search(t) and not learning.pattern.search(words(s))]
    assert not wrong, "\n".join(wrong)


def test_no_message_about_training_says_hakseup():
    training = next(t for t in glossary() if t.english == "training")
    learning = next(t for t in glossary() if t.english == "learning")
    about_training = [(c, s, t) for c, s, t in messages() if training.pattern.search(words(s))]
    assert len(about_training) > 100
    wrong = [f"{c}: {s!r} → {t!r}" for c, s, t in about_training
             if HAKSEUP.search(t) and not learning.pattern.search(words(s))]
    assert not wrong, "\n".join(wrong)
    assert all("훈련" in t for _, _, t in about_training)


# ---- particles ---------------------------------------------------------------------------------------
def test_no_translation_leaves_a_particle_for_the_learner_to_choose():
    wrong = [f"{c}: {t!r}" for c, _, t in messages() if PARTICLE_PLACEHOLDERS.search(t)]
    assert not wrong, "\n".join(wrong)


def test_no_particle_that_depends_on_the_word_follows_a_placeholder():
    """``{file}을`` is right for some file names and wrong for others: the sentences are built around the hole
    (``{file} 파일을``, ``폴더({folder})를``), unless the hole always holds a Korean word or a percentage."""
    wrong = []
    for context, _, text in messages():
        for found in PARTICLE_AFTER_HOLE.finditer(text):
            hole = text[text.rindex("{", 0, found.start()) + 1:found.start()]
            name, _, spec = hole.partition(":")
            if name in KOREAN_HOLES or spec.endswith("%"):
                continue
            wrong.append(f"{context}: {text!r} ({found.group()})")
    assert not wrong, "\n".join(wrong)


# ---- subscripts --------------------------------------------------------------------------------------
def test_no_source_string_or_translation_has_unicode_subscripts():
    """NanumGothic draws ₀–₉ as dots: X₁ and X₂ looked the same. Plain digits or rich-text <sub> instead."""
    wrong = [f"{c}: {s!r} → {t!r}" for c, s, t in messages() if SUBSCRIPTS.search(s) or SUBSCRIPTS.search(t)]
    assert not wrong, "\n".join(wrong)
    for path in (ROOT / "ui").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            assert not SUBSCRIPTS.search(code), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"


def test_no_translation_has_superscript_digits():
    """x1² read as "x1." in NanumGothic: Korean writes x1 제곱, 오차 제곱."""
    wrong = [f"{c}: {t!r}" for c, _, t in messages() if SUPERSCRIPTS.search(t)]
    assert not wrong, "\n".join(wrong)


def test_placeholders_are_whole_names():
    """The checks above read holes by name: every hole of the .ts is a plain ``{name[:spec]}``."""
    for _, source, _ in messages():
        for _, name, _, _ in string.Formatter().parse(source):
            assert name is None or re.fullmatch(r"\w*", name), source
