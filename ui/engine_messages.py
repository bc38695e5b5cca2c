"""The engine's error messages, in the learner's language.

Every error the engine raises carries a stable code and the values that fill its template
(:data:`sandbox.messages.MESSAGES`). :func:`friendly` looks the code's template up in the
translation, fills in the same values and translates the values that are themselves engine words
(``"the input"``, ``"activation"``, …) or nested messages (the reason a file could not be opened), so
a Korean learner reads ``"Dense 층에는 평평한 입력 (batch, 특성)이 필요한데 …"`` for
``ShapeError("layer.needs_flat", layer="Dense", shape="(batch, 7, 7, 16)", source="'max_pooling2d_1'")``.

The templates are listed below literally, each marked with ``QT_TRANSLATE_NOOP`` in the
``EngineMessages`` context, because ``pyside6-lupdate`` (``python -m ui.i18n --update``) only collects
literal strings; a test checks that :data:`TEMPLATES` is exactly the engine's registry. Text that is no
engine error (an older caller's stored message) is still recognised by its template, as a fallback.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sandbox.errors import SandboxError
from sandbox.messages import MESSAGES, Message

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
        QT_TRANSLATE_NOOP("EngineMessages", "metric"),
        QT_TRANSLATE_NOOP("EngineMessages", "preset"),
        QT_TRANSLATE_NOOP("EngineMessages", "feature"),
        QT_TRANSLATE_NOOP("EngineMessages", "toy dataset"),
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
        # the JSON types of io._json_type
        QT_TRANSLATE_NOOP("EngineMessages", "an array"),
        QT_TRANSLATE_NOOP("EngineMessages", "text"),
        QT_TRANSLATE_NOOP("EngineMessages", "true/false"),
        QT_TRANSLATE_NOOP("EngineMessages", "null"),
        QT_TRANSLATE_NOOP("EngineMessages", "a number"),
    ),
    "arrays": (
        QT_TRANSLATE_NOOP("EngineMessages", "weights"),
        QT_TRANSLATE_NOOP("EngineMessages", "optimizer state"),
    ),
    "what": (
        QT_TRANSLATE_NOOP("EngineMessages", "the history"),
        QT_TRANSLATE_NOOP("EngineMessages", "the settings"),
        QT_TRANSLATE_NOOP("EngineMessages", "the manifest"),
        QT_TRANSLATE_NOOP("EngineMessages", "the model's configuration"),
        QT_TRANSLATE_NOOP("EngineMessages", "the compile settings"),
    ),
    "items": (
        QT_TRANSLATE_NOOP("EngineMessages", "images"),
        QT_TRANSLATE_NOOP("EngineMessages", "labels"),
    ),
}

#: Text holes that may hold a whole engine message, when a message is matched as text (the fallback).
_NESTED = frozenset({"reason", "problem", "detail", "contents"})

#: Code → the engine's English template, literally, for ``pyside6-lupdate``; equal to ``sandbox.messages.MESSAGES``.
TEMPLATES: dict[str, str] = {
    "unknown_name": QT_TRANSLATE_NOOP("EngineMessages", "unknown {kind} {name}; known: {known}"),
    "arg.owned": QT_TRANSLATE_NOOP("EngineMessages", "{owner}: {problem}"),
    "arg.int_or_pair": QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be an int or a pair of ints, got {value!r}"),
    "arg.int_at_least": QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be an int ≥ {minimum}, got {value!r}"),
    "arg.finite_number": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{setting} must be a finite number in {range}, got {value!r}"
    ),
    "arg.serialized_needs_class_name": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a serialized {kind} needs 'class_name' and 'config', got keys {keys}"
    ),
    "arg.config_dict": QT_TRANSLATE_NOOP("EngineMessages", "the config of a {kind} must be a dict, got {config!r}"),
    "layer.unexpected_arguments": QT_TRANSLATE_NOOP("EngineMessages", "{owner} got unexpected argument(s): {names}"),
    "layer.bad_name": QT_TRANSLATE_NOOP("EngineMessages", "{owner}: name must be a non-empty string, got {name!r}"),
    "layer.config_not_dict": QT_TRANSLATE_NOOP("EngineMessages", "a {layer} config must be a dict, got {config!r}"),
    "layer.bad_padding": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: padding must be 'valid' or 'same', got {padding!r}"
    ),
    "layer.bad_data_format": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: only data_format='channels_last' is supported, got {data_format!r}"
    ),
    "layer.bad_dilation": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Conv2D: only dilation_rate=1 is supported, got {dilation_rate!r}"
    ),
    "layer.needs_image_reshape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — "
        "image layers go before Flatten and Dense, or add Reshape({reshape}) first"
    ),
    "layer.needs_image_flat": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — "
        "image layers go before Flatten and Dense"
    ),
    "layer.needs_image": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} expects an image input (batch, height, width, channels); got {shape} from {source}"
    ),
    "layer.kernel_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Conv2D kernel {kernel} does not fit its {size} input from {source} with padding='valid' — use "
        "padding='same' or a smaller kernel"
    ),
    "layer.bad_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: shape must be a non-empty tuple of ints, got {shape!r}"
    ),
    "layer.needs_flat": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} expects a flat input (batch, features); got {shape} from {source} — add Flatten"
    ),
    "layer.reshape_not_ints": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Reshape: target_shape must be a tuple of ints, got {target_shape!r}"
    ),
    "layer.reshape_bad_target": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Reshape: target_shape must hold positive ints and at most one -1, got {target_shape!r}"
    ),
    "layer.reshape_size_mismatch": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Reshape cannot turn {shape} ({total} values) from {source} into {target} ({count} values)"
    ),
    "layer.noise_shape": QT_TRANSLATE_NOOP("EngineMessages", "Dropout: noise_shape is not supported; leave it as None"),
    "layer.reshape_indivisible": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Reshape cannot turn {shape} from {source} into {target}: {total} values do not divide by {count}"
    ),
    "layer.window_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} window {window} does not fit its {size} input from {source} — the image is already too "
        "small; remove this layer or use a smaller pool_size"
    ),
    "model.no_such_layer": QT_TRANSLATE_NOOP("EngineMessages", "no layer named {name!r}; layers: {names}"),
    "model.bad_name": QT_TRANSLATE_NOOP("EngineMessages", "name must be a non-empty string, got {name!r}"),
    "model.bad_seed": QT_TRANSLATE_NOOP("EngineMessages", "seed must be a non-negative int, got {seed!r}"),
    "model.bad_dtype": QT_TRANSLATE_NOOP("EngineMessages", "dtype must be 'float32' or 'float64', got {dtype!r}"),
    "model.add_not_layer": QT_TRANSLATE_NOOP("EngineMessages", "Sequential.add expects a layer, got {layer!r}"),
    "model.layer_twice": QT_TRANSLATE_NOOP("EngineMessages", "layer {layer!r} is already in this model"),
    "model.pop_empty": QT_TRANSLATE_NOOP("EngineMessages", "there is no layer to pop"),
    "model.unknown_input_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model does not know its input shape yet: start it with Input(shape), or call fit / predict /"
        " build first"
    ),
    "model.no_layers": QT_TRANSLATE_NOOP("EngineMessages", "the model has no layers yet"),
    "model.weight_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "set_weights expected {expected} arrays for this model, got {count}"
    ),
    "model.flat_weight_count": QT_TRANSLATE_NOOP("EngineMessages", "expected {expected} weights, got {count}"),
    "model.not_built": QT_TRANSLATE_NOOP("EngineMessages", "the model is not built yet, so its size is unknown"),
    "model.compile_arguments": QT_TRANSLATE_NOOP("EngineMessages", "compile got unsupported argument(s): {names}"),
    "model.compile_no_loss": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "compile needs a loss, e.g. loss='sparse_categorical_crossentropy'"
    ),
    "model.not_compiled": QT_TRANSLATE_NOOP("EngineMessages", "call compile(optimizer=..., loss=...) before {what}"),
    "model.no_batch_axis": QT_TRANSLATE_NOOP("EngineMessages", "inputs must have a batch axis, got a single number"),
    "model.count_mismatch": QT_TRANSLATE_NOOP("EngineMessages", "got {count} inputs but {total} targets"),
    "model.bad_config": QT_TRANSLATE_NOOP("EngineMessages", "a Sequential config must be a dict with a 'layers' list"),
    "model.config_keys": QT_TRANSLATE_NOOP("EngineMessages", "unexpected key(s) in Sequential config: {names}"),
    "model.input_not_first": QT_TRANSLATE_NOOP("EngineMessages", "Input must be the first layer of a Sequential model"),
    "model.duplicate_name": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a layer named {layer!r} is already in this model; names must be unique"
    ),
    "model.weight_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "weight {key!r} of layer {layer!r} has shape {expected}, got {shape}"
    ),
    "model.bad_metric": QT_TRANSLATE_NOOP("EngineMessages", "metrics must be names such as 'accuracy', got {name!r}"),
    "model.not_numbers": QT_TRANSLATE_NOOP("EngineMessages", "inputs must be numbers, got an array of {dtype}"),
    "model.built_for_other_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model was built for inputs {want}, not {got}"
    ),
    "model.input_shape": QT_TRANSLATE_NOOP("EngineMessages", "the model expects inputs {want}, got {got}"),
    "model.input_shape_reshape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model expects inputs {want}, got {got} — reshape the data or change the Input shape"
    ),
    "fit.no_data_given": QT_TRANSLATE_NOOP("EngineMessages", "fit needs training data: fit(x, y, ...)"),
    "fit.no_data": QT_TRANSLATE_NOOP("EngineMessages", "there is no training data"),
    "fit.bad_validation_data": QT_TRANSLATE_NOOP("EngineMessages", "validation_data must be a pair (x_val, y_val)"),
    "fit.empty_split": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "validation_split={split} leaves no samples for training or validation"
    ),
    "fit.augment_changed_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "augment changed the batch shape from {before} to {after}"
    ),
    "loss.target_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: targets of shape {shape} do not match predictions of shape {predictions}"
    ),
    "loss.label_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: labels of shape {shape} do not match predictions of shape {predictions}; expected one "
        "class index per sample"
    ),
    "loss.label_out_of_range": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: a label is outside 0…{last} (got {low}…{high}); the last layer has {classes} outputs"
    ),
    "optimizer.unexpected_arguments": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner} got unexpected argument(s): {names}"
    ),
    "optimizer.two_clips": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: give at most one of clipnorm, clipvalue and global_clipnorm"
    ),
    "optimizer.bad_state": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: optimizer state {name!r} is missing or mis-shaped"
    ),
    "initializer.bad_mode": QT_TRANSLATE_NOOP("EngineMessages", "{owner}: mode must be one of {modes}, got {mode!r}"),
    "initializer.bad_distribution": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{owner}: distribution must be one of {distributions}, got {distribution!r}"
    ),
    "callbacks.early_stopping_mode": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "EarlyStopping: mode must be 'auto', 'min' or 'max', got {mode!r}"
    ),
    "callbacks.not_callback": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "callbacks must be Callback instances, got {callback!r}"
    ),
    "spec.bad_layer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a layer must be {{'class_name': ..., 'config': {{...}}}}, got {data!r}"
    ),
    "spec.no_layers": QT_TRANSLATE_NOOP("EngineMessages", "the network has no layers yet — add one from the palette"),
    "spec.bad_network": QT_TRANSLATE_NOOP("EngineMessages", "a network must be a dict with 'input_shape' and 'layers'"),
    "spec.bad_input_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "input_shape must be a list of positive ints, got {shape}"
    ),
    "spec.no_input_layer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model has no Input layer, so its input shape is unknown"
    ),
    "spec.training_not_dict": QT_TRANSLATE_NOOP("EngineMessages", "training settings must be a dict"),
    "spec.unknown_training_settings": QT_TRANSLATE_NOOP("EngineMessages", "unknown training setting(s): {names}"),
    "spec.bad_whole_number": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{setting} must be a whole number from {minimum} to {maximum}, got {value}"
    ),
    "spec.bad_validation_split": QT_TRANSLATE_NOOP("EngineMessages", "validation split must be between 0 and 1"),
    "limit.too_many_layers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the network has {count:,} layers, but a network read from a file may have at most {maximum:,}"
    ),
    "limit.input_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the input has {count:,} values per sample, but a network read from a file may read at most "
        "{maximum:,}"
    ),
    "limit.too_many_weights": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the network has {count:,} weights, but a network read from a file may have at most {maximum:,}"
    ),
    "limit.setting_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{setting} is {value}, but a layer read from a file may have at most {maximum:,}"
    ),
    "limit.output_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{source} outputs {count:,} values per sample, but a layer read from a file may output at most "
        "{maximum:,}"
    ),
    "file.settings_not_dict": QT_TRANSLATE_NOOP("EngineMessages", "settings must be a dict, got {type}"),
    "file.not_sequential": QT_TRANSLATE_NOOP("EngineMessages", "expected a Sequential model, got {type}"),
    "file.extra_not_dict": QT_TRANSLATE_NOOP("EngineMessages", "extra must be a dict, got {type}"),
    "file.save_too_many_layers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a model with more than {maximum} layers cannot be saved"
    ),
    "file.save_name_not_str": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model's name must be a str to be saved, got {name!r}"
    ),
    "file.save_weights_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model's weights take {size}, more than the {maximum} a file may hold"
    ),
    "file.save_weights_not_finite": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model's weights contain NaN or infinite values (training diverged), so it cannot be saved; "
        "reset the weights or lower the learning rate"
    ),
    "file.save_json_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{what} takes {size} as JSON, more than the {maximum} a file may hold"
    ),
    "file.save_too_deep": QT_TRANSLATE_NOOP("EngineMessages", "{what} is nested more than {maximum} levels deep"),
    "file.is_folder": QT_TRANSLATE_NOOP("EngineMessages", "it is a folder, not a Deep Learning Sandbox file"),
    "file.too_many_parts": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it has {count} parts, more than the {maximum} a Deep Learning Sandbox file may have"
    ),
    "file.no_manifest": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is not a Deep Learning Sandbox file (it has no manifest.json)"
    ),
    "file.part_larger": QT_TRANSLATE_NOOP("EngineMessages", "its part {name} is larger than {size}"),
    "file.part_too_deep": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its part {name} is nested more than {maximum} levels deep"
    ),
    "file.part_not_object": QT_TRANSLATE_NOOP("EngineMessages", "its part {name} must hold a JSON object, not {type}"),
    "file.manifest_not_ours": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is not a Deep Learning Sandbox file (its manifest is not ours)"
    ),
    "file.manifest_bad_version": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its manifest has an invalid format_version {version}"
    ),
    "file.newer_format": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it was made by a newer version of Deep Learning Sandbox (format {version}); please update"
    ),
    "file.manifest_unknown_fields": QT_TRANSLATE_NOOP("EngineMessages", "its manifest has unknown field(s) {names}"),
    "file.manifest_unknown_kind": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its manifest names an unknown kind of file {kind}"
    ),
    "file.manifest_bad_app_version": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its manifest has an invalid app_version {app_version}"
    ),
    "file.manifest_bad_created": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its manifest has an invalid creation time {created}"
    ),
    "file.manifest_extra_not_object": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its manifest's extra field must be a JSON object"
    ),
    "file.model_with_settings": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is a model file but has a settings.json, which only project files have"
    ),
    "file.optimizer_without_compile": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it has an optimizer state but no compile settings"
    ),
    "file.too_many_layers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its model has {count} layers, more than the {maximum} allowed"
    ),
    "file.name_not_text": QT_TRANSLATE_NOOP("EngineMessages", "its model's name must be text"),
    "file.too_many_weights": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its model has {count:,} weights, more than the {size} a file may hold"
    ),
    "file.weights_not_finite": QT_TRANSLATE_NOOP("EngineMessages", "the file's weights contain NaN or infinite values"),
    "file.compile_unknown_fields": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its compile settings have unknown field(s) {names}"
    ),
    "file.optimizer_not_finite": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the file's optimizer state contains NaN or infinite values"
    ),
    "file.optimizer_negative_step": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the file's optimizer state has a negative step count"
    ),
    "file.arrays_missing": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its {arrays} lack the array(s) {names}; the model needs {needed}"
    ),
    "file.array_short": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{where} holds {count:,} bytes of data where its header announces {expected:,}"
    ),
    "file.array_objects": QT_TRANSLATE_NOOP("EngineMessages", "{where} holds Python objects, which are never loaded"),
    "file.array_dtype": QT_TRANSLATE_NOOP("EngineMessages", "{where} has the number type {dtype}; expected {expected}"),
    "file.array_fortran": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{where} is stored in column-major (Fortran) order, which is not supported"
    ),
    "file.array_shape": QT_TRANSLATE_NOOP("EngineMessages", "{where} has shape {shape}, but the model needs {needed}"),
    "file.save_bad_history": QT_TRANSLATE_NOOP("EngineMessages", "the history cannot be saved: {problem}"),
    "file.bad_history": QT_TRANSLATE_NOOP("EngineMessages", "its history.json is not a training history: {problem}"),
    "file.save_not_json": QT_TRANSLATE_NOOP("EngineMessages", "{what} cannot be saved as JSON data: {detail}"),
    "file.cannot_open": QT_TRANSLATE_NOOP("EngineMessages", "cannot open '{where}': {reason}"),
    "file.cannot_open_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "cannot open '{where}': it needs more memory than is available"
    ),
    "file.cannot_open_nested": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "cannot open '{where}': its contents are nested too deeply"
    ),
    "file.unexpected_part": QT_TRANSLATE_NOOP("EngineMessages", "it contains an unexpected part {file}"),
    "file.part_twice": QT_TRANSLATE_NOOP("EngineMessages", "it contains the part {name} twice"),
    "file.part_encrypted": QT_TRANSLATE_NOOP("EngineMessages", "its part {name} is encrypted"),
    "file.part_compression": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its part {name} uses an unsupported kind of compression"
    ),
    "file.part_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its part {name} is too large ({size}; at most {maximum})"
    ),
    "file.part_unreadable": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is damaged: its part {file} cannot be read ({detail})"
    ),
    "file.part_not_utf8": QT_TRANSLATE_NOOP("EngineMessages", "its part {name} is not valid UTF-8 text"),
    "file.part_unusable": QT_TRANSLATE_NOOP("EngineMessages", "its part {file} cannot be used: {reason}"),
    "file.part_not_json": QT_TRANSLATE_NOOP("EngineMessages", "its part {name} is not valid JSON ({detail})"),
    "file.format_too_old": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it uses format {version}, which this version of Deep Learning Sandbox can no longer read"
    ),
    "file.incomplete": QT_TRANSLATE_NOOP("EngineMessages", "it is incomplete: it has no {file}"),
    "file.part_damaged": QT_TRANSLATE_NOOP("EngineMessages", "its part {file} is damaged ({detail})"),
    "file.array_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its {arrays} have {count} arrays; the model needs {needed}"
    ),
    "file.array_damaged": QT_TRANSLATE_NOOP("EngineMessages", "{where} is damaged ({detail})"),
    "file.save_optimizer_not_finite": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the optimizer's state contains NaN or infinite values; save with include_optimizer=False or "
        "reset the optimizer"
    ),
    "file.cannot_read": QT_TRANSLATE_NOOP("EngineMessages", "it cannot be read ({reason})"),
    "file.not_ours_or_damaged": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is not a Deep Learning Sandbox file, or it is damaged"
    ),
    "file.upgrade_failed": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it uses the older format {version} and cannot be upgraded ({detail})"
    ),
    "file.unexpected_array": QT_TRANSLATE_NOOP("EngineMessages", "its {arrays} contain an unexpected array {name}"),
    "file.array_twice": QT_TRANSLATE_NOOP("EngineMessages", "its {arrays} contain the array {name} twice"),
    "file.array_compression": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its {arrays} array {name} is encrypted or compressed in an unsupported way"
    ),
    "file.array_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its {arrays} array {name} is larger than the model needs"
    ),
    "file.number_too_long": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a number in the file is too long ({count:,} digits; at most {maximum})"
    ),
    "file.no_folder": QT_TRANSLATE_NOOP("EngineMessages", "the folder {folder} does not exist"),
    "file.no_such_file": QT_TRANSLATE_NOOP("EngineMessages", "there is no such file"),
    "file.array_in": QT_TRANSLATE_NOOP("EngineMessages", "its {arrays} array {name}"),
    "file.unknown_name": QT_TRANSLATE_NOOP("EngineMessages", "the file names an unknown {kind} {name}"),
    "file.missing_field": QT_TRANSLATE_NOOP("EngineMessages", "its {part} lacks the field {field}"),
    "file.invalid_part": QT_TRANSLATE_NOOP("EngineMessages", "its {part} is not valid: {problem}"),
    "history.not_object": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it must be an object with the fields 'epoch' and 'history'"
    ),
    "history.bad_epochs": QT_TRANSLATE_NOOP("EngineMessages", "its 'epoch' field must be a list of epoch numbers"),
    "history.bad_record": QT_TRANSLATE_NOOP("EngineMessages", "its 'history' field must map names to lists of numbers"),
    "history.bad_values": QT_TRANSLATE_NOOP("EngineMessages", "its value {key} must be a list of numbers"),
    "playground.save_not_fitting": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the network does not fit together yet, so the setup cannot be saved: {reason}"
    ),
    "playground.bad_resolution": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "resolution must be a positive int, got {resolution!r}"
    ),
    "playground.bad_dataset": QT_TRANSLATE_NOOP("EngineMessages", "dataset must be one of {names}, got {dataset!r}"),
    "playground.bad_noise": QT_TRANSLATE_NOOP("EngineMessages", "noise must be a number from 0 to 50, got {noise!r}"),
    "playground.bad_n_samples": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "n_samples must be a whole number from {minimum} to {maximum}, got {n_samples!r}"
    ),
    "playground.bad_test_ratio": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "test_ratio must be a number from 0.1 to 0.9, got {test_ratio!r}"
    ),
    "playground.bad_seed": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "seed must be a whole number from 0 to {maximum}, got {seed!r}"
    ),
    "playground.repeated_feature": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "each feature may appear only once, got {features!r}"
    ),
    "playground.feature_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the network reads {inputs} inputs, but the setup chooses {count} features"
    ),
    "playground.not_object": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it does not hold a playground setup (expected a JSON object)"
    ),
    "playground.wrong_format": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is not a playground setup (its 'format' is not '{format}')"
    ),
    "playground.bad_version": QT_TRANSLATE_NOOP("EngineMessages", "its format_version {version!r} is not valid"),
    "playground.newer_version": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it was written by a newer version of the app (format {version}); update the app to open it"
    ),
    "playground.unknown_settings": QT_TRANSLATE_NOOP("EngineMessages", "it has unknown setting(s): {names}"),
    "playground.unbuildable": QT_TRANSLATE_NOOP("EngineMessages", "its network cannot be built: {reason}"),
    "playground.save_too_large": QT_TRANSLATE_NOOP("EngineMessages", "the network is too large to be saved: {problem}"),
    "playground.too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "it is larger than {size} KiB, so it is not a playground setup"
    ),
    "playground.too_deep": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "its contents are nested more than {maximum} levels deep"
    ),
    "playground.unknown_feature": QT_TRANSLATE_NOOP("EngineMessages", "unknown feature {name!r}; known: {names}"),
    "playground.bad_setting": QT_TRANSLATE_NOOP("EngineMessages", "it has a bad setting: {problem}"),
    "playground.not_utf8": QT_TRANSLATE_NOOP("EngineMessages", "it is not text (not valid UTF-8)"),
    "playground.not_json": QT_TRANSLATE_NOOP("EngineMessages", "it is not valid JSON ({detail})"),
    "runs.not_numbers": QT_TRANSLATE_NOOP("EngineMessages", "{what} must be a list of finite numbers"),
    "runs.bad_int": QT_TRANSLATE_NOOP("EngineMessages", "{what} must be an int of at least {low}, got {value!r}"),
    "runs.bad_curve": QT_TRANSLATE_NOOP("EngineMessages", "a loss curve must be a dict with 'x', 'y' and 'stride'"),
    "runs.curve_lengths": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a loss curve needs as many x as y values, at most {max_points}"
    ),
    "runs.bad_stride": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a loss curve's stride must be a positive int, got {stride!r}"
    ),
    "runs.not_dict": QT_TRANSLATE_NOOP("EngineMessages", "a run must be a dict"),
    "runs.bad_logs": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a run needs a label and as many epoch logs as epoch_stopped flags"
    ),
    "runs.bad_end_reason": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a run's end_reason must be one of {names}, got {reason!r}"
    ),
    "runs.bad_spec": QT_TRANSLATE_NOOP("EngineMessages", "a run's network or settings are not valid: {problem}"),
    "runs.bad_log_keys": QT_TRANSLATE_NOOP("EngineMessages", "an epoch's logs may only hold {names}"),
    "idx.bad_magic_dims": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not {noun} (magic number {magic}, expected {expected}); it has {dims} dimensions, but "
        "images need 3 and labels 1"
    ),
    "idx.bad_magic_holds_labels": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not {noun} (magic number {magic}, expected {expected}); it holds labels, so it may "
        "have been swapped with the labels file"
    ),
    "idx.bad_magic_holds_images": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not {noun} (magic number {magic}, expected {expected}); it holds images, so it may "
        "have been swapped with the images file"
    ),
    "idx.bad_magic_gzip_twice": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not {noun} (magic number {magic}, expected {expected}); it looks gzip-compressed "
        "twice, unpack it once more"
    ),
    "idx.bad_magic": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not {noun} (magic number {magic}, expected {expected})"
    ),
    "idx.extra_bytes": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} has extra bytes after its data: its header declares {contents} ({declared:,} bytes of "
        "data) but the file is longer"
    ),
    "idx.max_items": QT_TRANSLATE_NOOP("EngineMessages", "max_items must be a positive int or None, got {max_items!r}"),
    "idx.size_mismatch": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "training images are {size} pixels but test images are {test_size}; both parts must have the same"
        " size"
    ),
    "idx.no_folder": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{folder} does not exist; choose the folder that holds the MNIST-style IDX files"
    ),
    "idx.not_a_folder": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{folder} is not a folder; choose the folder that holds the MNIST-style IDX files"
    ),
    "idx.too_short": QT_TRANSLATE_NOOP("EngineMessages", "{file} is too short to be an IDX file ({count} bytes)"),
    "idx.truncated_header": QT_TRANSLATE_NOOP("EngineMessages", "{file} is truncated: it ends inside its header"),
    "idx.bad_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares {count:,} {items}; between 1 and {maximum:,} are supported"
    ),
    "idx.bad_side": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares images of {size} pixels; each side must be between 1 and {maximum}"
    ),
    "idx.too_many_bytes": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares {declared:,} bytes of data; at most {maximum:,} (1 GiB) is supported"
    ),
    "idx.gzip_bomb": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares {contents} ({declared:,} bytes), far more than a {bytes:,}-byte compressed file "
        "can hold; the file is damaged or malicious"
    ),
    "idx.folder_needs_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the IDX files in {folder} hold {contents}, which need {declared:,} MB of memory (each pixel as a"
        " byte and as the 4-byte float a network trains on); at most {maximum:,} MB are available for a "
        "data set"
    ),
    "idx.file_needs_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares {contents}, which need {declared:,} MB of memory (each pixel as a byte and as "
        "the 4-byte float a network trains on); at most {maximum:,} MB are available for a data set"
    ),
    "idx.unsupported_type": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} stores {type} (type code {code}); only IDX files of unsigned bytes (0x08) are supported"
    ),
    "idx.truncated": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is truncated: its header declares {contents} ({declared:,} bytes of data) but only "
        "{actual:,} bytes follow; download the file again"
    ),
    "idx.count_mismatch": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{images} holds {images_count} images but {labels} holds {labels_count} labels; they must be "
        "equal"
    ),
    "idx.folder_cannot_read": QT_TRANSLATE_NOOP("EngineMessages", "the folder {folder} cannot be read ({reason})"),
    "idx.missing_file": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the folder {folder} has no {file} (nor {file}.gz); an IDX folder needs the four files {files} "
        "(each may end in .gz)"
    ),
    "idx.no_file": QT_TRANSLATE_NOOP("EngineMessages", "{file} does not exist"),
    "idx.cannot_read": QT_TRANSLATE_NOOP("EngineMessages", "{file} cannot be read ({reason})"),
    "idx.out_of_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} declares {contents}, but there is not enough free memory to load them"
    ),
    "idx.bad_gzip": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is a damaged gzip file and cannot be unpacked ({detail})"
    ),
    "idx.images_of": QT_TRANSLATE_NOOP("EngineMessages", "{count:,} images of {size}"),
    "idx.labels_of": QT_TRANSLATE_NOOP("EngineMessages", "{count:,} labels"),
    "digits.bad_counts": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is not a valid digits file: it must hold {count} images of each digit 0–9"
    ),
    "digits.bad_array": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is not a digits file: its {what!r} array is {dtype} {declared_shape}, expected uint8 "
        "{shape}"
    ),
    "digits.wrong_amount": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: its {what!r} array has the wrong amount of data"
    ),
    "digits.missing": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the digits file {file} cannot be found or opened ({reason}); reinstall the app to restore the "
        "bundled digits"
    ),
    "digits.unreadable": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged and cannot be read as a digits file ({detail})"
    ),
    "digits.bad_header": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: its {what!r} array has a bad header ({detail})"
    ),
    "digits.no_array": QT_TRANSLATE_NOOP("EngineMessages", "{name} is not a digits file: it has no {member!r} array"),
    "image.unknown_format": QT_TRANSLATE_NOOP("EngineMessages", "{file} is neither a PNG image nor a NumPy .npy file"),
    "image.other_format": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is a {kind} image; the sandbox reads PNG images and NumPy .npy files — save it as PNG"
    ),
    "image.write_bad_array": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "write_png needs a uint8 array of shape (H, W), got {dtype} {shape}"
    ),
    "image.write_bad_size": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "write_png needs 1 to {maximum} pixels on each side, got {height}×{width}"
    ),
    "image.file_too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is too large to be an image of at most {maximum}×{maximum} pixels"
    ),
    "image.not_png": QT_TRANSLATE_NOOP("EngineMessages", "{name} is not a PNG image"),
    "image.not_png_but": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is not a PNG image (it is a {kind} image; save it as PNG)"
    ),
    "image.no_ihdr": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: a PNG must start with a 13-byte IHDR chunk"
    ),
    "image.bad_colour_type": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: colour type {colour} with {depth}-bit samples does not exist"
    ),
    "image.unknown_method": QT_TRANSLATE_NOOP("EngineMessages", "{name} uses an unknown compression or filter method"),
    "image.interlaced": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is an interlaced PNG, which is not supported; save it without interlacing"
    ),
    "image.empty": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: it declares an empty {width}×{height} image"
    ),
    "image.too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is {width}×{height} pixels; images of at most {maximum}×{maximum} are accepted"
    ),
    "image.bad_filter": QT_TRANSLATE_NOOP("EngineMessages", "{name} is damaged: a row uses an unknown filter type"),
    "image.no_idat": QT_TRANSLATE_NOOP("EngineMessages", "{name} is damaged: it holds no image data (IDAT chunk)"),
    "image.no_palette": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: it is a palette image without a palette (PLTE chunk)"
    ),
    "image.too_little_data": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged or truncated: it holds less image data than its size needs"
    ),
    "image.npy_not_2d": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} holds an array of shape {shape}; an image must be 2-D (height, width)"
    ),
    "image.npy_bad_size": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} holds a {height}×{width} array; images of 1 to {maximum} pixels on each side are accepted"
    ),
    "image.npy_not_numbers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} holds {dtype} values; an image must hold numbers"
    ),
    "image.npy_wrong_amount": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: it holds a different amount of data than its header declares"
    ),
    "image.npy_not_finite": QT_TRANSLATE_NOOP("EngineMessages", "{name} holds NaN or infinite values"),
    "image.npy_bad_range": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} holds values from {low:g} to {high:g}; grey levels must lie in 0–1 or 0–255"
    ),
    "image.cannot_open": QT_TRANSLATE_NOOP("EngineMessages", "{file} cannot be opened ({reason})"),
    "image.no_such_file": QT_TRANSLATE_NOOP("EngineMessages", "{file} cannot be opened (no such file)"),
    "image.no_iend": QT_TRANSLATE_NOOP("EngineMessages", "{name} is truncated: it ends before its last (IEND) chunk"),
    "image.bad_chunk": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: it holds a chunk that is not valid PNG data"
    ),
    "image.chunk_cut_off": QT_TRANSLATE_NOOP("EngineMessages", "{name} is truncated: its {chunk} chunk is cut off"),
    "image.bad_crc": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: the checksum (CRC) of its {chunk} chunk is wrong"
    ),
    "image.bad_zlib": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: its compressed image data cannot be unpacked"
    ),
    "image.bad_palette_index": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: a pixel refers to a colour missing from its palette"
    ),
    "image.bad_npy": QT_TRANSLATE_NOOP("EngineMessages", "{name} is a damaged .npy file ({detail})"),
    "image.npy_bad_integers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} holds integers outside 0–255, so they are not grey levels"
    ),
    "image.split_idat": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: its image data (IDAT chunks) is split up"
    ),
    "image.bad_palette": QT_TRANSLATE_NOOP("EngineMessages", "{name} is damaged: its palette (PLTE chunk) is invalid"),
    "image.two_ihdr": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} is damaged: it has more than one header (IHDR chunk)"
    ),
    "image.unsupported_chunk": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name} uses a PNG feature ({chunk} chunk) that is not supported"
    ),
    "augment.bad_rng": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "rng must be a numpy.random.Generator (np.random.default_rng(seed)), got {type}"
    ),
    "augment.bad_dtype": QT_TRANSLATE_NOOP("EngineMessages", "images must be uint8 or float, got {dtype}"),
    "augment.bad_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "images must have shape (N, H, W) or (N, H, W, 1), got {shape}"
    ),
    "augment.config_not_dict": QT_TRANSLATE_NOOP("EngineMessages", "an augmentation config must be a dict, got {type}"),
    "augment.unknown_settings": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "unknown augmentation setting(s) {names}; known: {known}"
    ),
    "augment.not_number": QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be a number, got {value!r}"),
    "augment.out_of_range": QT_TRANSLATE_NOOP("EngineMessages", "{setting} must be {bound}, got {value!r}"),
    "preprocess.not_grey_image": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "to_mnist needs one grey image of shape (H, W), got shape {shape}"
    ),
    "preprocess.not_numbers": QT_TRANSLATE_NOOP("EngineMessages", "to_mnist needs numbers, got an array of {dtype}"),
    "preprocess.not_finite": QT_TRANSLATE_NOOP("EngineMessages", "to_mnist got NaN or infinite pixel values"),
    "toy.rows_mismatch": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "x and y must have the same number of rows, got shapes {x_shape} and {y_shape}"
    ),
    "toy.bad_test_ratio": QT_TRANSLATE_NOOP("EngineMessages", "test_ratio must be between 0 and 1, got {test_ratio!r}"),
    "toy.empty_part": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "test_ratio={test_ratio} leaves an empty part with {rows} rows; use more rows or another ratio"
    ),
    "toy.bad_points": QT_TRANSLATE_NOOP("EngineMessages", "feature_map needs points of shape (n, 2), got {shape}"),
    "toy.bad_features": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "features must be a non-empty list of names, got {features!r}"
    ),
    "toy.bad_xs": QT_TRANSLATE_NOOP("EngineMessages", "xs must be a non-empty list of numbers, got {xs!r}"),
    "toy.negative_noise": QT_TRANSLATE_NOOP("EngineMessages", "noise must be >= 0, got {noise!r}"),
    "toy.bad_n_samples": QT_TRANSLATE_NOOP("EngineMessages", "n_samples must be a positive int, got {n_samples!r}"),
    "toy.bad_noise": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "noise must be between 0 and {maximum:g} (percent), got {noise!r}"
    ),
    "edit.no_such_unit": QT_TRANSLATE_NOOP("EngineMessages", "layer {layer!r} has units 0…{last}, not {unit}"),
    "edit.not_conv": QT_TRANSLATE_NOOP("EngineMessages", "layer {layer!r} is not a Conv2D layer"),
    "edit.unit_without_weights": QT_TRANSLATE_NOOP("EngineMessages", "layer {layer!r} has no unit {unit} with weights"),
    "edit.no_such_layer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "there is no layer {index}; the model has {count} layers"
    ),
    "edit.no_units": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r} has no units to edit; only Dense units and Conv2D feature maps can be edited"
    ),
    "edit.bad_scale": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a unit's scale must be between 0 and {maximum:g}, got {scale!r}"
    ),
    "edit.cannot_bake": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the edit of layer {layer!r} cannot be saved: its activation {activation!r} does not scale with "
        "its input, and no layer after it can take the edit; reset that edit to save"
    ),
    "edit.bad_key": QT_TRANSLATE_NOOP("EngineMessages", "an edit is keyed by (layer_index, unit), got {key!r}"),
    "trace.no_layer": QT_TRANSLATE_NOOP("EngineMessages", "no layer named {layer!r} in this trace"),
    "trace.labels_mismatch": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "hardest_example needs as many labels as examples (at least one), got {examples} examples and "
        "{labels} labels"
    ),
    "lesson.lengths": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "xs and ys must be non-empty and of equal length, got {x_count} and {y_count}"
    ),
    "lesson.not_finite": QT_TRANSLATE_NOOP("EngineMessages", "xs and ys must be finite numbers, got {xs!r} and {ys!r}"),
    "lesson.bad_n": QT_TRANSLATE_NOOP("EngineMessages", "n must be an int >= 2, got {n!r}"),
    "lesson.bad_optimizer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "optimizer_name must be one of {names}, got {optimizer_name!r}"
    ),
    "lesson.not_lists": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "xs and ys must be lists of numbers, got {xs!r} and {ys!r}"
    ),
    "familiarity.bad_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "familiarity needs training images of shape (N, 28, 28), got {shape}"
    ),
    "familiarity.too_few": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "familiarity needs at least {minimum} training images, got {count}"
    ),
    "export.torch_layer": QT_TRANSLATE_NOOP(
        "EngineMessages", "{name}: the PyTorch export cannot write {layer} layers yet"),
    "export.torch_activation": QT_TRANSLATE_NOOP(
        "EngineMessages", "{name}: the PyTorch export cannot write the activation {activation!r} yet"),
    "export.torch_model": QT_TRANSLATE_NOOP(
        "EngineMessages", "the PyTorch export takes a Sequential network or a functional graph, got {model}"),
    # merge layers and functional graphs
    "layer.merge_needs_list": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} joins several inputs: call it on a list of tensors, e.g. {layer}()([x, y]); it cannot follow "
        "{source} in a Sequential stack"),
    "layer.merge_too_few": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} joins a list of at least 2 inputs, got {count}"),
    "layer.add_shapes_differ": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Add adds inputs of one shape, got {shapes}"),
    "layer.concatenate_axis": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Concatenate: axis must be a non-zero int (the batch axis 0 cannot be joined), got {axis!r}"),
    "layer.concatenate_axis_range": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Concatenate: inputs with {rank} axes (batch included) have no axis {axis}"),
    "layer.concatenate_shapes": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Concatenate joins inputs whose shapes agree on every axis except axis {axis}, got {shapes}"),
    "graph.symbolic_as_data": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{name!r} is a symbolic tensor from keras.Input: it has a shape but no values; build "
        "keras.Model(inputs, outputs) and give the model arrays"),
    "graph.call_input": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "an Input cannot be called on a tensor; call the layers that follow it"),
    "graph.layer_called_twice": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r} was already called in a graph; each layer can be called once (shared layers are not "
        "supported), so create another layer"),
    "graph.one_input": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{layer} takes one input, got a list of {count}; join them first with Add or Concatenate"),
    "graph.needs_inputs_outputs": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "Model needs inputs and outputs: Model(inputs=keras.Input(...), outputs=...)"),
    "graph.not_symbolic": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a Model's inputs and outputs must be tensors from keras.Input(...) and layer calls, got {value}"),
    "graph.input_not_input": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a Model's inputs must be keras.Input(...) tensors; {name!r} is a layer's output"),
    "graph.input_twice": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the same input is given twice in Model(inputs=...)"),
    "graph.output_twice": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the same output is given twice in Model(outputs=...)"),
    "graph.missing_input": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the outputs depend on the input {name!r}, which is not in Model(inputs=...)"),
    "graph.unused_input": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the input {name!r} does not lead to any of the outputs"),
    "graph.no_add": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a functional model's layers come from its graph; add and pop are for Sequential"),
    "graph.input_names": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model's inputs are named {expected}, got arrays for {got}"),
    "graph.target_names": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model's outputs are named {expected}, got targets for {got}"),
    "graph.input_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model has {expected} inputs, got {count} input array(s)"),
    "graph.target_count": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model has {expected} outputs, got {count} target array(s)"),
    "graph.input_sample_counts": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "every input array must hold as many samples, got {counts}"),
    "graph.target_sample_counts": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "every target array must hold as many samples, got {counts}"),
    "graph.nested_model": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a model cannot be called on symbolic tensors (nested models are not supported); call its layers instead"),
    "graph.metrics_per_output": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "with several outputs, metrics are given per output: a list of lists or a dict by output name "
        "({expected}), got {got}"),
    "graph.loss_per_output": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "with several outputs, loss is one loss for all, or one per output in a list or a dict by output name "
        "({expected}), got {got}"),
    "graph.bad_config": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a functional config must be a dict with a 'layers' list, 'input_layers' and 'output_layers'"),
    "graph.config_keys": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "unexpected key(s) in a functional config: {names}"),
    "graph.bad_layer_entry": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "entry {position} of the config's layers needs 'class_name', 'config', its layer's 'name' and 'inbound_nodes'"),
    "graph.bad_node": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the inbound node of layer {layer!r} is not one call on outputs named [name, 0, 0]"),
    "graph.config_order": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r} takes the output of {source!r}, which is not listed before it"),
    "graph.bad_input_layers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the config's input_layers must name its input layers as [name, 0, 0]"),
    "graph.bad_output_layers": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the config's output_layers must name its layers as [name, 0, 0]"),
    "health.no_layer": QT_TRANSLATE_NOOP("EngineMessages", "no layer with weights named {layer!r} in this snapshot"),
    # the book's Keras names (issue 14)
    "engine.no_ops": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the sandbox has no keras.ops: it computes with NumPy and has no automatic differentiation — write "
        "your layer's call() and backward() with NumPy (see help(sandbox.Layer))"
    ),
    "layer.super_init_not_called": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.__init__ must call super().__init__(**kwargs) first"
    ),
    "layer.custom_constraint": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.add_weight: constraints are not supported; leave constraint=None"
    ),
    "layer.custom_no_backward": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r} ({cls}) has no backward(dy), so it cannot be trained: the sandbox has no automatic "
        "differentiation — write backward(dy) that sets each weight's .grad and returns the gradient of the "
        "inputs (predict and evaluate work without it)"
    ),
    "layer.custom_grad_missing": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r} ({cls}): backward did not set the gradient of the weight {weight!r}; set it there "
        "with weight.grad = … (the weight's shape, summed over the batch)"
    ),
    "layer.custom_grad_unbuilt": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the gradient of the weight {weight!r} can only be set in backward, once its layer is built"
    ),
    "layer.custom_grad_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "layer {layer!r}: the gradient set for the weight {weight!r} has shape {shape}, but the weight has "
        "shape {expected}"
    ),
    "layer.custom_call_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.call returned an output of shape {shape}; expected {expected}"
    ),
    "layer.custom_backward_none": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.backward returned nothing; it must return the gradient of the inputs, of shape {expected}"
    ),
    "layer.custom_backward_shape": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.backward returned a gradient of shape {shape}; the gradient of the inputs must have their "
        "shape {expected}"
    ),
    "metric.bad_name": QT_TRANSLATE_NOOP("EngineMessages", "a metric's name must be a non-empty string, got {name!r}"),
    "metric.super_not_called": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{cls}.__init__ must call super().__init__(...) before add_weight"
    ),
    "metric.bad_initializer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "a metric's add_weight takes initializer 'zeros', 'ones' or a number, got {initializer!r}"
    ),
    "callbacks.checkpoint_mode": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "ModelCheckpoint: mode must be 'auto', 'min' or 'max', got {mode!r}"
    ),
    "callbacks.checkpoint_save_freq": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "ModelCheckpoint: save_freq must be 'epoch' or a positive int, got {save_freq!r}"
    ),
    "callbacks.checkpoint_format": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "ModelCheckpoint: the file name {filepath!r} cannot be filled in from the epoch number and the logs "
        "({detail})"
    ),
    "model.summary_positions": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "summary: positions must be three increasing fractions, the last at most 1, got {positions!r}"
    ),
    "model.summary_too_narrow": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "summary: line_length={line_length} is too narrow for the table"
    ),
    "models.bad_ending": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{what}: the file name must end in .dlsb (or .keras / .h5, which are saved as .dlsb), got {path!r}"
    ),
    "models.save_arguments": QT_TRANSLATE_NOOP("EngineMessages", "save got unsupported argument(s): {names}"),
    "models.file_exists": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{path} already exists and overwrite=False, so nothing was saved"
    ),
    "models.custom_layer": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "the model cannot be saved: layer {layer!r} is your own class {cls}, and files never name code; keep "
        "its weights with model.get_weights() and numpy.save"
    ),
    "models.keras_file": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{path} was written by Keras; the sandbox reads only its own .dlsb files — build the model with the "
        "sandbox and save it with model.save"
    ),
    "models.no_file": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{path} does not exist, nor {dlsb}, the file the sandbox writes for it"
    ),
    "utils.labels_not_whole": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "to_categorical needs whole-number class labels, got an array of {dtype}"
    ),
    "utils.label_out_of_range": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "to_categorical: labels run from {low} to {high}, outside 0…{last} for num_classes={classes}"
    ),
    "mnist.no_file": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} does not exist; give an MNIST .npz file in Keras's format or a folder of IDX files"
    ),
    "mnist.no_array": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is not an MNIST file in Keras's format: it has no {member!r} array"
    ),
    "mnist.bad_compression": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file}: its {member!r} array is encrypted or compressed in an unsupported way"
    ),
    "mnist.out_of_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} cannot be loaded: there is not enough free memory"
    ),
    "mnist.unreadable": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is damaged and cannot be read as an MNIST file ({detail})"
    ),
    "mnist.bad_labels": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file}: its {member!r} array holds labels up to {high}; MNIST labels are the digits 0–9"
    ),
    "mnist.bad_header": QT_TRANSLATE_NOOP("EngineMessages", "{file}: its {member!r} array has a bad header ({detail})"),
    "mnist.bad_dtype": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file}: its {member!r} array holds {dtype}; MNIST arrays hold uint8"
    ),
    "mnist.bad_shapes": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file}: {images_member!r} has shape {images} and {labels_member!r} has shape {labels}; expected "
        "images (N, height, width) of the training images' size and N labels"
    ),
    "mnist.too_large": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file}: {member!r} has shape {images}; at most {count:,} images of at most {side}×{side} pixels are "
        "supported"
    ),
    "mnist.needs_memory": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} holds images that need {declared:,} MB of memory; at most {maximum:,} MB are available for a "
        "data set"
    ),
    "mnist.wrong_amount": QT_TRANSLATE_NOOP(
        "EngineMessages",
        "{file} is damaged: its {member!r} array holds a different amount of data than its header declares"
    ),
    # messages the app raises through engine errors
    "app.stop_training_first": QT_TRANSLATE_NOOP("EngineMessages", "stop training before opening a file"),
    "app.nothing_to_save": QT_TRANSLATE_NOOP(
        "EngineMessages", "the network does not fit together yet, so there is nothing to save"),
    "app.images_not_28": QT_TRANSLATE_NOOP(
        "EngineMessages", "the images in {folder} are {size}; the sandbox's networks expect 28×28"),
    "app.unknown_settings": QT_TRANSLATE_NOOP("EngineMessages", "set_data got unknown setting(s): {names}"),
    "app.graph_not_a_stack": QT_TRANSLATE_NOOP(
        "EngineMessages", "it holds a functional model with branches or merges ({layers}); the app builds and "
                          "trains stacks of layers, so open it from Python with sandbox.load_model"),
}

_SHAPE = r"\(batch(?:, \d+)*\)"
_NUMBER = r"-?\d[\d,]*"
_SIZE = r"\d+×\d+"
#: What a hole may hold when a message is matched as text; any other hole takes the shortest text that fits.
_HOLES: dict[str, str] = {
    **{key: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) for key, words in _WORDS.items()},
    "source": r"the input|'[^']*'",
    "shape": _SHAPE, "target": _SHAPE, "want": _SHAPE, "got": _SHAPE,
    "kernel": _SIZE, "window": _SIZE, "size": _SIZE, "test_size": _SIZE,
    "minimum": r"-?\d+", "version": r"-?\d+", "dims": r"\d+", "count": _NUMBER, "total": _NUMBER,
    "declared": _NUMBER, "actual": _NUMBER, "maximum": _NUMBER, "images_count": _NUMBER, "labels_count": _NUMBER,
    "bytes": _NUMBER,
}
_SPEC = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _value(field: str, value: Any) -> Any:
    """One field's value for the translation: a nested message or an engine word translated, else as it is."""
    if isinstance(value, Message | SandboxError):
        return friendly(value)
    if isinstance(value, str) and value in _WORDS.get(field, ()):
        return _translate(value)
    return value


def _render(message: Message) -> str:
    """``message`` in the current language; its English text if the translation cannot be filled in."""
    values = {field: _value(field, value) for field, value in message.fields.items()}
    try:
        return _translate(MESSAGES[message.code]).format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that names a field the code does not have (a test guards against it) or whose
        # format spec does not fit a translated word: the English sentence is better than nothing.
        return str(message)


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
    # Most literal text first: "the folder {folder} does not exist" before "{file} does not exist".
    ranked = sorted(TEMPLATES.values(), key=lambda t: len(_SPEC.sub("", t)), reverse=True)
    return tuple((template, _compile(template)) for template in ranked)


def _from_text(text: str) -> str:
    """The fallback for a message given as text: recognise its template, translate, keep the values."""
    stripped = text.strip()
    for template, pattern in _patterns():
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        values = {}
        for hole, value in match.groupdict().items():
            if hole in _NESTED:
                value = _from_text(value)
            elif value in _WORDS.get(hole, ()):
                value = _translate(value)
            values[hole] = value
        # The values are already written out (numbers with their commas, names quoted), so the
        # translation's conversions and format specs are dropped.
        plain = _SPEC.sub(lambda m: "{" + m.group(1) + "}", _translate(template))
        try:
            return plain.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def friendly(error_or_text: BaseException | Message | str) -> str:
    """The engine's message in the current language, with its names and numbers kept.

    Parameters
    ----------
    error_or_text : BaseException, Message or str
        An error raised by the engine (translated from its code and fields), a :class:`~sandbox.messages.Message`,
        or a message as text from an older caller (recognised by its template).

    Returns
    -------
    str
        The translation, or in English the engine's own message. Any other exception or text that
        matches no template is returned as its text: nothing is ever lost.
    """
    if isinstance(error_or_text, Message):
        return _render(error_or_text)
    if isinstance(error_or_text, SandboxError) and error_or_text.message is not None:
        return _render(error_or_text.message)
    return _from_text(str(error_or_text))
