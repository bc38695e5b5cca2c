"""The engine's English error messages, in the learner's language.

The engine (``sandbox``) raises typed errors whose messages are plain English sentences built from a
few dozen templates (``"Dense expects a flat input (batch, features); got (batch, 7, 7, 16) from
'max_pooling2d_1' — add Flatten"``). :func:`friendly` recognises a message by its template, pulls
out the variable parts (layer names, shapes, numbers, file names) and fills them into the template's
translation, so a Korean learner reads
``"Dense 층에는 평평한 입력 (batch, 특성)이 필요한데 'max_pooling2d_1'에서 (batch, 7, 7, 16) 모양이
들어왔어요. 앞에 Flatten 층을 추가하세요."``

Each template below is the engine's own English text with ``{named}`` holes, so the regular
expression that recognises a message is built from the very text that is translated, and in English
:func:`friendly` gives back the engine's message unchanged (the engine already writes for learners).
A message that matches no template is returned as it is: nothing is ever lost.

The templates are marked with ``QT_TRANSLATE_NOOP`` in the ``EngineMessages`` context so that
``pyside6-lupdate`` (``python -m ui.i18n --update``) collects them into the ``.ts`` files.
"""

from __future__ import annotations

import re
import string
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["CONTEXT", "TEMPLATES", "friendly"]

#: The translation context of every engine message.
CONTEXT = "EngineMessages"

#: Words the engine puts into its sentences, by the hole they fill; each is translated on its own.
_WORDS: dict[str, tuple[str, ...]] = {
    "source": (QT_TRANSLATE_NOOP("EngineMessages", "the input"),),
    "kind": (
        QT_TRANSLATE_NOOP("EngineMessages", "activation"),
        QT_TRANSLATE_NOOP("EngineMessages", "loss"),
        QT_TRANSLATE_NOOP("EngineMessages", "optimizer"),
        QT_TRANSLATE_NOOP("EngineMessages", "layer type"),
        QT_TRANSLATE_NOOP("EngineMessages", "layer"),
        QT_TRANSLATE_NOOP("EngineMessages", "initializer"),
        QT_TRANSLATE_NOOP("EngineMessages", "regularizer"),
        QT_TRANSLATE_NOOP("EngineMessages", "learning-rate schedule"),
    ),
    "part": (
        QT_TRANSLATE_NOOP("EngineMessages", "model description"),
        QT_TRANSLATE_NOOP("EngineMessages", "compile settings"),
        QT_TRANSLATE_NOOP("EngineMessages", "optimizer state"),
    ),
    "noun": (
        QT_TRANSLATE_NOOP("EngineMessages", "an IDX image or label file"),
        QT_TRANSLATE_NOOP("EngineMessages", "an IDX image file"),
        QT_TRANSLATE_NOOP("EngineMessages", "an IDX label file"),
    ),
    "type": (
        QT_TRANSLATE_NOOP("EngineMessages", "signed bytes"),
        QT_TRANSLATE_NOOP("EngineMessages", "16-bit integers"),
        QT_TRANSLATE_NOOP("EngineMessages", "32-bit integers"),
        QT_TRANSLATE_NOOP("EngineMessages", "32-bit floats"),
        QT_TRANSLATE_NOOP("EngineMessages", "64-bit floats"),
    ),
    "items": (
        QT_TRANSLATE_NOOP("EngineMessages", "images"),
        QT_TRANSLATE_NOOP("EngineMessages", "labels"),
    ),
}

#: Holes whose text is itself an engine message (or a piece of one): translated recursively.
_NESTED = frozenset({"reason", "problem", "detail", "contents"})

_SHAPE = r"\(batch(?:, \d+)*\)"
_NUMBER = r"\d[\d,]*"
_SIZE = r"\d+×\d+"
_CLASS = r"[A-Z][A-Za-z0-9]*"
#: What each hole may hold; any other hole takes the shortest text that lets the whole message match.
_HOLES: dict[str, str] = {
    **{key: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) for key, words in _WORDS.items()},
    "source": r"the input|'[^']*'",
    "shape": _SHAPE, "target": _SHAPE, "want": _SHAPE, "got": _SHAPE,
    "kernel": _SIZE, "window": _SIZE, "size": _SIZE, "test_size": _SIZE,
    "layer": _CLASS, "owner": _CLASS, "setting": r"[A-Za-z_]\w*",
    "minimum": r"-?\d+", "version": r"-?\d+", "dims": r"\d+", "count": _NUMBER, "total": _NUMBER,
    "declared": _NUMBER, "actual": _NUMBER, "maximum": _NUMBER, "images_count": _NUMBER, "labels_count": _NUMBER,
    "bytes": _NUMBER,
}

#: The engine's messages, most specific first (the first template that matches the whole text wins).
TEMPLATES: tuple[str, ...] = (
    # ---- a layer that cannot follow the one before (sandbox/layers, sandbox/spec.py) ----
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{layer} expects a flat input (batch, features); got {shape} from {source} — add Flatten"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{layer} expects an image input (batch, height, width, channels); got {shape} from {source}"
                      " — image layers go before Flatten and Dense, or add Reshape({reshape}) first"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{layer} expects an image input (batch, height, width, channels); got {shape} from {source}"
                      " — image layers go before Flatten and Dense"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{layer} expects an image input (batch, height, width, channels); got {shape} from {source}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "Conv2D kernel {kernel} does not fit its {size} input from {source} with padding='valid'"
                      " — use padding='same' or a smaller kernel"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{layer} window {window} does not fit its {size} input from {source}"
                      " — the image is already too small; remove this layer or use a smaller pool_size"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "Reshape cannot turn {shape} from {source} into {target}: {total} values do not divide by "
                      "{count}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "Reshape cannot turn {shape} ({total} values) from {source} into {target} ({count} values)"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network has no layers yet — add one from the palette"),
    # ---- settings that a layer, optimizer or loss cannot use (sandbox/_registry.py) ----
    QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be an int ≥ {minimum}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be a finite number in {range}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be an int or a pair of ints, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "padding must be 'valid' or 'same', got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{owner} got unexpected argument(s): {names}"),
    QT_TRANSLATE_NOOP("EngineMessages", "unknown {kind} {name}; known: {known}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be a whole number from {minimum} to {maximum}, got {value}"),
    QT_TRANSLATE_NOOP("EngineMessages", "validation split must be between 0 and 1"),
    # ---- training (sandbox/model.py, sandbox/training.py, ui/session.py) ----
    QT_TRANSLATE_NOOP("EngineMessages", "the model expects inputs {want}, got {got}"),
    QT_TRANSLATE_NOOP("EngineMessages", "got {count} inputs but {total} targets"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "validation_split={split} leaves no samples for training or validation"),
    QT_TRANSLATE_NOOP("EngineMessages", "there is no training data"),
    QT_TRANSLATE_NOOP("EngineMessages", "the model has no layers yet"),
    QT_TRANSLATE_NOOP("EngineMessages", "stop training before opening a file"),
    # ---- opening and saving .dlsb files (sandbox/io.py, ui/session.py) ----
    QT_TRANSLATE_NOOP("EngineMessages", "cannot open '{where}': {reason}"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is a folder, not a Deep Learning Sandbox file"),
    QT_TRANSLATE_NOOP("EngineMessages", "there is no such file"),
    # before "{file} does not exist", which would take "the folder" for a file name
    QT_TRANSLATE_NOOP("EngineMessages", "the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("EngineMessages", "its part {file} cannot be used: {reason}"),
    QT_TRANSLATE_NOOP("EngineMessages", "a number in the file is too long ({count} digits; at most {maximum})"),
    QT_TRANSLATE_NOOP("EngineMessages", "it cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is not a Deep Learning Sandbox file, or it is damaged"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is not a Deep Learning Sandbox file (it has no manifest.json)"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is not a Deep Learning Sandbox file (its manifest is not ours)"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "it was made by a newer version of Deep Learning Sandbox (format {version}); please update"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "it uses format {version}, which this version of Deep Learning Sandbox can no longer read"),
    QT_TRANSLATE_NOOP("EngineMessages", "it uses the older format {version} and cannot be upgraded ({detail})"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is incomplete: it has no {file}"),
    QT_TRANSLATE_NOOP("EngineMessages", "it contains an unexpected part {file}"),
    QT_TRANSLATE_NOOP("EngineMessages", "it is damaged: its part {file} cannot be read ({detail})"),
    QT_TRANSLATE_NOOP("EngineMessages", "its part {file} is damaged ({detail})"),
    QT_TRANSLATE_NOOP("EngineMessages", "it needs more memory than is available"),
    QT_TRANSLATE_NOOP("EngineMessages", "its contents are nested too deeply"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file names an unknown {kind} {name}"),
    QT_TRANSLATE_NOOP("EngineMessages", "its {part} lacks the field {field}"),
    QT_TRANSLATE_NOOP("EngineMessages", "its {part} is not valid: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the file's weights contain NaN or infinite values"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network does not fit together yet, so there is nothing to save"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the model's weights contain NaN or infinite values (training diverged), so it cannot be "
                      "saved; reset the weights or lower the learning rate"),
    # ---- networks read from files, measured before they are built (sandbox/limits.py, sandbox/playground.py) ----
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{setting} is {value}, but a layer read from a file may have at most {maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the network has {count} layers, but a network read from a file may have at most {maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the network has {count} weights, but a network read from a file may have at most {maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the input has {count} values per sample, but a network read from a file may read at most "
                      "{maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{source} outputs {count} values per sample, but a layer read from a file may output at most "
                      "{maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages", "it has a bad setting: {problem}"),
    QT_TRANSLATE_NOOP("EngineMessages", "the network is too large to be saved: {problem}"),
    # ---- IDX data folders (sandbox/datasets/idx.py, ui/session.py) ----
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} declares {contents}, which need {declared} MB of memory (each pixel as a byte and as "
                      "the 4-byte float a network trains on); at most {maximum} MB are available for a data set"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the IDX files in {folder} hold {contents}, which need {declared} MB of memory (each pixel as "
                      "a byte and as the 4-byte float a network trains on); at most {maximum} MB are available for "
                      "a data set"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} declares {contents}, but there is not enough free memory to load them"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{folder} does not exist; choose the folder that holds the MNIST-style IDX files"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{folder} is not a folder; choose the folder that holds the MNIST-style IDX files"),
    QT_TRANSLATE_NOOP("EngineMessages", "the folder {folder} cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the folder {folder} has no {file} (nor {file}.gz); an IDX folder needs the four files "
                      "{files} (each may end in .gz)"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{images} holds {images_count} images but {labels} holds {labels_count} labels; "
                      "they must be equal"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "training images are {size} pixels but test images are {test_size}; "
                      "both parts must have the same size"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "the images in {folder} are {size}; the sandbox's networks expect 28×28"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} is a damaged gzip file and cannot be unpacked ({detail})"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} is too short to be an IDX file ({count} bytes)"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} is truncated: it ends inside its header"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} is truncated: its header declares {contents} ({declared} bytes of data) but only "
                      "{actual} bytes follow; download the file again"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} has extra bytes after its data: its header declares {contents} ({declared} bytes "
                      "of data) but the file is longer"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} declares {contents} ({declared} bytes), far more than a {bytes}-byte compressed "
                      "file can hold; the file is damaged or malicious"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} is not {noun} (magic number {magic}, expected {expected}); it looks gzip-compressed "
                      "twice, unpack it once more"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} is not {noun} (magic number {magic}, expected {expected}); it holds images, so it "
                      "may have been swapped with the images file"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} is not {noun} (magic number {magic}, expected {expected}); it holds labels, so it "
                      "may have been swapped with the labels file"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} is not {noun} (magic number {magic}, expected {expected}); it has {dims} "
                      "dimensions, but images need 3 and labels 1"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} is not {noun} (magic number {magic}, expected {expected})"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} stores {type} (type code {code}); only IDX files of unsigned bytes (0x08) are "
                      "supported"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} declares {count} {items}; between 1 and {maximum} are supported"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} declares images of {size} pixels; each side must be between 1 and {maximum}"),
    QT_TRANSLATE_NOOP("EngineMessages",
                      "{file} declares {declared} bytes of data; at most {maximum} (1 GiB) is supported"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} does not exist"),
    QT_TRANSLATE_NOOP("EngineMessages", "{file} cannot be read ({reason})"),
    # pieces of the IDX messages above ({contents})
    QT_TRANSLATE_NOOP("EngineMessages", "{count} images of {size}"),
    QT_TRANSLATE_NOOP("EngineMessages", "{count} labels"),
    # a setting's owner in front of any of the above: "Dense: units must be an int ≥ 1, got 0"
    QT_TRANSLATE_NOOP("EngineMessages", "{owner}: {problem}"),
)


def _compile(template: str) -> re.Pattern[str]:
    """A regular expression that matches the messages ``template`` makes; a repeated hole must repeat."""
    pattern, seen = [], set()
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        pattern.append(re.escape(literal))
        if field is None:
            continue
        if field in seen:
            pattern.append(f"(?P={field})")
        else:
            seen.add(field)
            pattern.append(f"(?P<{field}>{_HOLES.get(field, '.+?')})")
    return re.compile("".join(pattern), re.DOTALL)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((template, _compile(template)) for template in TEMPLATES)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(hole: str, value: str) -> str:
    """The text for one hole: a known engine word or a nested message translated, anything else as it is."""
    if hole in _NESTED:
        return friendly(value)
    if value in _WORDS.get(hole, ()):
        return _translate(value)
    return value


def friendly(error_or_text: BaseException | str) -> str:
    """The engine's message in the current language, with its names and numbers kept.

    Parameters
    ----------
    error_or_text : BaseException or str
        An error raised by the engine (its ``str()`` is read) or such a message as text, e.g.
        ``Session.training_problem()``.

    Returns
    -------
    str
        The message's translation when it matches one of :data:`TEMPLATES` (in English: the message
        itself); otherwise the text unchanged.
    """
    text = str(error_or_text)
    stripped = text.strip()
    for template, pattern in _patterns():
        match = pattern.fullmatch(stripped)
        if match is not None:
            values = {hole: _fill(hole, value) for hole, value in match.groupdict().items()}
            return _translate(template).format(**values)
    return text
