"""Every message the engine's errors carry, by a stable code.

An error is raised with a code and the values that fill its template::

    raise ShapeError("dense_needs_flat", layer="Dense", shape="(batch, 7, 7, 16)", source="'conv2d'")

Its ``str()`` is the English template filled from those values, so the engine still speaks plain
English, and the app translates from the code (the template is its translation key) and fills the
same values into the translation: a reworded English sentence can never silently lose its
translation, because the code, not the text, is what the app looks up.

Templates use :meth:`str.format` fields; a field may carry a conversion or a format spec
(``{value!r}``, ``{count:,}``) so that the values themselves stay plain data (numbers, names,
shapes already written as text) that a translation formats the same way. A value may also be a
:class:`Message` or an engine error: a piece of a sentence, or the reason a file could not be read,
which the app translates on its own.
"""

from __future__ import annotations

import string
from typing import Any

__all__ = ["MESSAGES", "Message", "fields_of"]


class Message:
    """A code and the values that fill its template; ``str()`` is the English sentence.

    Parameters
    ----------
    code : str
        A key of :data:`MESSAGES`.
    **fields
        The template's fields, by name.

    Raises
    ------
    KeyError
        If ``code`` is not registered: a typo must fail where it is written, not where it is shown.
    """

    __slots__ = ("code", "fields")

    def __init__(self, code: str, /, **fields: Any) -> None:
        if code not in MESSAGES:
            raise KeyError(f"unregistered message code {code!r}")
        self.code = code
        self.fields = fields

    def __str__(self) -> str:
        return MESSAGES[self.code].format(**self.fields)

    def __repr__(self) -> str:
        return f"Message({self.code!r}, **{self.fields!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.code, self.fields) == (other.code, other.fields)

    def __hash__(self) -> int:
        return hash(self.code)


def fields_of(template: str) -> frozenset[str]:
    """The names of the fields a template uses, without their conversions and format specs."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(template) if field)


#: Code → English template. Codes are stable: the app and the translations key on them.
MESSAGES: dict[str, str] = {
    # ---- errors that any part of the engine raises ----
    "unknown_name": "unknown {kind} {name}; known: {known}",
    # ---- settings of a layer, optimizer, loss … (sandbox/_registry.py) ----
    "arg.owned": "{owner}: {problem}",
    "arg.int_or_pair": "{setting} must be an int or a pair of ints, got {value!r}",
    "arg.int_at_least": "{setting} must be an int ≥ {minimum}, got {value!r}",
    "arg.finite_number": "{setting} must be a finite number in {range}, got {value!r}",
    "arg.serialized_needs_class_name": "a serialized {kind} needs 'class_name' and 'config', got keys {keys}",
    "arg.config_dict": "the config of a {kind} must be a dict, got {config!r}",
    # ---- layers and the shapes they accept (sandbox/layers) ----
    "layer.unexpected_arguments": "{owner} got unexpected argument(s): {names}",
    "layer.bad_name": "{owner}: name must be a non-empty string, got {name!r}",
    "layer.config_not_dict": "a {layer} config must be a dict, got {config!r}",
    "layer.bad_padding": "{owner}: padding must be 'valid' or 'same', got {padding!r}",
    "layer.bad_data_format": "{owner}: only data_format='channels_last' is supported, got {data_format!r}",
    "layer.bad_dilation": "Conv2D: only dilation_rate=1 is supported, got {dilation_rate!r}",
    "layer.needs_image_reshape": (
        "{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — image "
        "layers go before Flatten and Dense, or add Reshape({reshape}) first"
    ),
    "layer.needs_image_flat": (
        "{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — image "
        "layers go before Flatten and Dense"
    ),
    "layer.needs_image": "{layer} expects an image input (batch, height, width, channels); got {shape} from {source}",
    "layer.kernel_too_large": (
        "Conv2D kernel {kernel} does not fit its {size} input from {source} with padding='valid' — use "
        "padding='same' or a smaller kernel"
    ),
    "layer.bad_shape": "{owner}: shape must be a non-empty tuple of ints, got {shape!r}",
    "layer.needs_flat": "{layer} expects a flat input (batch, features); got {shape} from {source} — add Flatten",
    "layer.reshape_not_ints": "Reshape: target_shape must be a tuple of ints, got {target_shape!r}",
    "layer.reshape_bad_target": (
        "Reshape: target_shape must hold positive ints and at most one -1, got {target_shape!r}"
    ),
    "layer.reshape_size_mismatch": (
        "Reshape cannot turn {shape} ({total} values) from {source} into {target} ({count} values)"
    ),
    "layer.noise_shape": "Dropout: noise_shape is not supported; leave it as None",
    "layer.reshape_indivisible": (
        "Reshape cannot turn {shape} from {source} into {target}: {total} values do not divide by {count}"
    ),
    "layer.window_too_large": (
        "{layer} window {window} does not fit its {size} input from {source} — the image is already too "
        "small; remove this layer or use a smaller pool_size"
    ),
    # ---- the model (sandbox/model.py) ----
    "model.no_such_layer": "no layer named {name!r}; layers: {names}",
    "model.bad_name": "name must be a non-empty string, got {name!r}",
    "model.bad_seed": "seed must be a non-negative int, got {seed!r}",
    "model.bad_dtype": "dtype must be 'float32' or 'float64', got {dtype!r}",
    "model.add_not_layer": "Sequential.add expects a layer, got {layer!r}",
    "model.layer_twice": "layer {layer!r} is already in this model",
    "model.pop_empty": "there is no layer to pop",
    "model.unknown_input_shape": (
        "the model does not know its input shape yet: start it with Input(shape), or call fit / predict / "
        "build first"
    ),
    "model.no_layers": "the model has no layers yet",
    "model.weight_count": "set_weights expected {expected} arrays for this model, got {count}",
    "model.flat_weight_count": "expected {expected} weights, got {count}",
    "model.not_built": "the model is not built yet, so its size is unknown",
    "model.compile_arguments": "compile got unsupported argument(s): {names}",
    "model.compile_no_loss": "compile needs a loss, e.g. loss='sparse_categorical_crossentropy'",
    "model.not_compiled": "call compile(optimizer=..., loss=...) before {what}",
    "model.no_batch_axis": "inputs must have a batch axis, got a single number",
    "model.count_mismatch": "got {count} inputs but {total} targets",
    "model.bad_config": "a Sequential config must be a dict with a 'layers' list",
    "model.config_keys": "unexpected key(s) in Sequential config: {names}",
    "model.input_not_first": "Input must be the first layer of a Sequential model",
    "model.duplicate_name": "a layer named {layer!r} is already in this model; names must be unique",
    "model.weight_shape": "weight {key!r} of layer {layer!r} has shape {expected}, got {shape}",
    "model.bad_metric": "metrics must be names such as 'accuracy', got {name!r}",
    "model.not_numbers": "inputs must be numbers, got an array of {dtype}",
    "model.built_for_other_shape": "the model was built for inputs {want}, not {got}",
    "model.input_shape": "the model expects inputs {want}, got {got}",
    "model.input_shape_reshape": (
        "the model expects inputs {want}, got {got} — reshape the data or change the Input shape"
    ),
    # ---- training (sandbox/training.py) ----
    "fit.no_data_given": "fit needs training data: fit(x, y, ...)",
    "fit.no_data": "there is no training data",
    "fit.bad_validation_data": "validation_data must be a pair (x_val, y_val)",
    "fit.empty_split": "validation_split={split} leaves no samples for training or validation",
    "fit.augment_changed_shape": "augment changed the batch shape from {before} to {after}",
    # ---- losses ----
    "loss.target_shape": "{owner}: targets of shape {shape} do not match predictions of shape {predictions}",
    "loss.label_shape": (
        "{owner}: labels of shape {shape} do not match predictions of shape {predictions}; expected one class"
        " index per sample"
    ),
    "loss.label_out_of_range": (
        "{owner}: a label is outside 0…{last} (got {low}…{high}); the last layer has {classes} outputs"
    ),
    # ---- optimizers ----
    "optimizer.unexpected_arguments": "{owner} got unexpected argument(s): {names}",
    "optimizer.two_clips": "{owner}: give at most one of clipnorm, clipvalue and global_clipnorm",
    "optimizer.bad_state": "{owner}: optimizer state {name!r} is missing or mis-shaped",
    # ---- initializers ----
    "initializer.bad_mode": "{owner}: mode must be one of {modes}, got {mode!r}",
    "initializer.bad_distribution": "{owner}: distribution must be one of {distributions}, got {distribution!r}",
    # ---- callbacks ----
    "callbacks.early_stopping_mode": "EarlyStopping: mode must be 'auto', 'min' or 'max', got {mode!r}",
    "callbacks.not_callback": "callbacks must be Callback instances, got {callback!r}",
    # ---- network and training descriptions (sandbox/spec.py) ----
    "spec.bad_layer": "a layer must be {{'class_name': ..., 'config': {{...}}}}, got {data!r}",
    "spec.no_layers": "the network has no layers yet — add one from the palette",
    "spec.bad_network": "a network must be a dict with 'input_shape' and 'layers'",
    "spec.bad_input_shape": "input_shape must be a list of positive ints, got {shape}",
    "spec.no_input_layer": "the model has no Input layer, so its input shape is unknown",
    "spec.training_not_dict": "training settings must be a dict",
    "spec.unknown_training_settings": "unknown training setting(s): {names}",
    "spec.bad_whole_number": "{setting} must be a whole number from {minimum} to {maximum}, got {value}",
    "spec.bad_validation_split": "validation split must be between 0 and 1",
    # ---- networks read from files, measured before they are built (sandbox/limits.py) ----
    "limit.too_many_layers": (
        "the network has {count:,} layers, but a network read from a file may have at most {maximum:,}"
    ),
    "limit.input_too_large": (
        "the input has {count:,} values per sample, but a network read from a file may read at most "
        "{maximum:,}"
    ),
    "limit.too_many_weights": (
        "the network has {count:,} weights, but a network read from a file may have at most {maximum:,}"
    ),
    "limit.setting_too_large": "{setting} is {value}, but a layer read from a file may have at most {maximum:,}",
    "limit.output_too_large": (
        "{source} outputs {count:,} values per sample, but a layer read from a file may output at most "
        "{maximum:,}"
    ),
    # ---- opening and saving .dlsb files (sandbox/io.py, sandbox/safefile.py) ----
    "file.settings_not_dict": "settings must be a dict, got {type}",
    "file.not_sequential": "expected a Sequential model, got {type}",
    "file.extra_not_dict": "extra must be a dict, got {type}",
    "file.save_too_many_layers": "a model with more than {maximum} layers cannot be saved",
    "file.save_name_not_str": "the model's name must be a str to be saved, got {name!r}",
    "file.save_weights_too_large": "the model's weights take {size}, more than the {maximum} a file may hold",
    "file.save_weights_not_finite": (
        "the model's weights contain NaN or infinite values (training diverged), so it cannot be saved; reset"
        " the weights or lower the learning rate"
    ),
    "file.save_json_too_large": "{what} takes {size} as JSON, more than the {maximum} a file may hold",
    "file.save_too_deep": "{what} is nested more than {maximum} levels deep",
    "file.is_folder": "it is a folder, not a Deep Learning Sandbox file",
    "file.too_many_parts": "it has {count} parts, more than the {maximum} a Deep Learning Sandbox file may have",
    "file.no_manifest": "it is not a Deep Learning Sandbox file (it has no manifest.json)",
    "file.part_larger": "its part {name} is larger than {size}",
    "file.part_too_deep": "its part {name} is nested more than {maximum} levels deep",
    "file.part_not_object": "its part {name} must hold a JSON object, not {type}",
    "file.manifest_not_ours": "it is not a Deep Learning Sandbox file (its manifest is not ours)",
    "file.manifest_bad_version": "its manifest has an invalid format_version {version}",
    "file.newer_format": "it was made by a newer version of Deep Learning Sandbox (format {version}); please update",
    "file.manifest_unknown_fields": "its manifest has unknown field(s) {names}",
    "file.manifest_unknown_kind": "its manifest names an unknown kind of file {kind}",
    "file.manifest_bad_app_version": "its manifest has an invalid app_version {app_version}",
    "file.manifest_bad_created": "its manifest has an invalid creation time {created}",
    "file.manifest_extra_not_object": "its manifest's extra field must be a JSON object",
    "file.model_with_settings": "it is a model file but has a settings.json, which only project files have",
    "file.optimizer_without_compile": "it has an optimizer state but no compile settings",
    "file.too_many_layers": "its model has {count} layers, more than the {maximum} allowed",
    "file.name_not_text": "its model's name must be text",
    "file.too_many_weights": "its model has {count:,} weights, more than the {size} a file may hold",
    "file.weights_not_finite": "the file's weights contain NaN or infinite values",
    "file.compile_unknown_fields": "its compile settings have unknown field(s) {names}",
    "file.optimizer_not_finite": "the file's optimizer state contains NaN or infinite values",
    "file.optimizer_negative_step": "the file's optimizer state has a negative step count",
    "file.arrays_missing": "its {arrays} lack the array(s) {names}; the model needs {needed}",
    "file.array_short": "{where} holds {count:,} bytes of data where its header announces {expected:,}",
    "file.array_objects": "{where} holds Python objects, which are never loaded",
    "file.array_dtype": "{where} has the number type {dtype}; expected {expected}",
    "file.array_fortran": "{where} is stored in column-major (Fortran) order, which is not supported",
    "file.array_shape": "{where} has shape {shape}, but the model needs {needed}",
    "file.save_bad_history": "the history cannot be saved: {problem}",
    "file.bad_history": "its history.json is not a training history: {problem}",
    "file.save_not_json": "{what} cannot be saved as JSON data: {detail}",
    "file.cannot_open": "cannot open '{where}': {reason}",
    "file.cannot_open_memory": "cannot open '{where}': it needs more memory than is available",
    "file.cannot_open_nested": "cannot open '{where}': its contents are nested too deeply",
    "file.unexpected_part": "it contains an unexpected part {file}",
    "file.part_twice": "it contains the part {name} twice",
    "file.part_encrypted": "its part {name} is encrypted",
    "file.part_compression": "its part {name} uses an unsupported kind of compression",
    "file.part_too_large": "its part {name} is too large ({size}; at most {maximum})",
    "file.part_unreadable": "it is damaged: its part {file} cannot be read ({detail})",
    "file.part_not_utf8": "its part {name} is not valid UTF-8 text",
    "file.part_unusable": "its part {file} cannot be used: {reason}",
    "file.part_not_json": "its part {name} is not valid JSON ({detail})",
    "file.format_too_old": "it uses format {version}, which this version of Deep Learning Sandbox can no longer read",
    "file.incomplete": "it is incomplete: it has no {file}",
    "file.part_damaged": "its part {file} is damaged ({detail})",
    "file.array_count": "its {arrays} have {count} arrays; the model needs {needed}",
    "file.array_damaged": "{where} is damaged ({detail})",
    "file.save_optimizer_not_finite": (
        "the optimizer's state contains NaN or infinite values; save with include_optimizer=False or reset "
        "the optimizer"
    ),
    "file.cannot_read": "it cannot be read ({reason})",
    "file.not_ours_or_damaged": "it is not a Deep Learning Sandbox file, or it is damaged",
    "file.upgrade_failed": "it uses the older format {version} and cannot be upgraded ({detail})",
    "file.unexpected_array": "its {arrays} contain an unexpected array {name}",
    "file.array_twice": "its {arrays} contain the array {name} twice",
    "file.array_compression": "its {arrays} array {name} is encrypted or compressed in an unsupported way",
    "file.array_too_large": "its {arrays} array {name} is larger than the model needs",
    "file.number_too_long": "a number in the file is too long ({count:,} digits; at most {maximum})",
    "file.no_folder": "the folder {folder} does not exist",
    "file.no_such_file": "there is no such file",
    "file.array_in": "its {arrays} array {name}",
    "file.unknown_name": "the file names an unknown {kind} {name}",
    "file.missing_field": "its {part} lacks the field {field}",
    "file.invalid_part": "its {part} is not valid: {problem}",
    # ---- a saved training history ----
    "history.not_object": "it must be an object with the fields 'epoch' and 'history'",
    "history.bad_epochs": "its 'epoch' field must be a list of epoch numbers",
    "history.bad_record": "its 'history' field must map names to lists of numbers",
    "history.bad_values": "its value {key} must be a list of numbers",
    # ---- playground setups (sandbox/playground.py) ----
    "playground.save_not_fitting": "the network does not fit together yet, so the setup cannot be saved: {reason}",
    "playground.bad_resolution": "resolution must be a positive int, got {resolution!r}",
    "playground.bad_dataset": "dataset must be one of {names}, got {dataset!r}",
    "playground.bad_noise": "noise must be a number from 0 to 50, got {noise!r}",
    "playground.bad_n_samples": "n_samples must be a whole number from {minimum} to {maximum}, got {n_samples!r}",
    "playground.bad_test_ratio": "test_ratio must be a number from 0.1 to 0.9, got {test_ratio!r}",
    "playground.bad_seed": "seed must be a whole number from 0 to {maximum}, got {seed!r}",
    "playground.repeated_feature": "each feature may appear only once, got {features!r}",
    "playground.feature_count": "the network reads {inputs} inputs, but the setup chooses {count} features",
    "playground.not_object": "it does not hold a playground setup (expected a JSON object)",
    "playground.wrong_format": "it is not a playground setup (its 'format' is not '{format}')",
    "playground.bad_version": "its format_version {version!r} is not valid",
    "playground.newer_version": (
        "it was written by a newer version of the app (format {version}); update the app to open it"
    ),
    "playground.unknown_settings": "it has unknown setting(s): {names}",
    "playground.unbuildable": "its network cannot be built: {reason}",
    "playground.save_too_large": "the network is too large to be saved: {problem}",
    "playground.too_large": "it is larger than {size} KiB, so it is not a playground setup",
    "playground.too_deep": "its contents are nested more than {maximum} levels deep",
    "playground.unknown_feature": "unknown feature {name!r}; known: {names}",
    "playground.bad_setting": "it has a bad setting: {problem}",
    "playground.not_utf8": "it is not text (not valid UTF-8)",
    "playground.not_json": "it is not valid JSON ({detail})",
    # ---- saved runs (sandbox/runs.py) ----
    "runs.not_numbers": "{what} must be a list of finite numbers",
    "runs.bad_int": "{what} must be an int of at least {low}, got {value!r}",
    "runs.bad_curve": "a loss curve must be a dict with 'x', 'y' and 'stride'",
    "runs.curve_lengths": "a loss curve needs as many x as y values, at most {max_points}",
    "runs.bad_stride": "a loss curve's stride must be a positive int, got {stride!r}",
    "runs.not_dict": "a run must be a dict",
    "runs.bad_logs": "a run needs a label and as many epoch logs as epoch_stopped flags",
    "runs.bad_end_reason": "a run's end_reason must be one of {names}, got {reason!r}",
    "runs.bad_spec": "a run's network or settings are not valid: {problem}",
    "runs.bad_log_keys": "an epoch's logs may only hold {names}",
    # ---- IDX data folders (sandbox/datasets/idx.py) ----
    "idx.bad_magic_dims": (
        "{file} is not {noun} (magic number {magic}, expected {expected}); it has {dims} dimensions, but "
        "images need 3 and labels 1"
    ),
    "idx.bad_magic_holds_labels": (
        "{file} is not {noun} (magic number {magic}, expected {expected}); it holds labels, so it may have "
        "been swapped with the labels file"
    ),
    "idx.bad_magic_holds_images": (
        "{file} is not {noun} (magic number {magic}, expected {expected}); it holds images, so it may have "
        "been swapped with the images file"
    ),
    "idx.bad_magic_gzip_twice": (
        "{file} is not {noun} (magic number {magic}, expected {expected}); it looks gzip-compressed twice, "
        "unpack it once more"
    ),
    "idx.bad_magic": "{file} is not {noun} (magic number {magic}, expected {expected})",
    "idx.extra_bytes": (
        "{file} has extra bytes after its data: its header declares {contents} ({declared:,} bytes of data) "
        "but the file is longer"
    ),
    "idx.max_items": "max_items must be a positive int or None, got {max_items!r}",
    "idx.size_mismatch": (
        "training images are {size} pixels but test images are {test_size}; both parts must have the same "
        "size"
    ),
    "idx.no_folder": "{folder} does not exist; choose the folder that holds the MNIST-style IDX files",
    "idx.not_a_folder": "{folder} is not a folder; choose the folder that holds the MNIST-style IDX files",
    "idx.too_short": "{file} is too short to be an IDX file ({count} bytes)",
    "idx.truncated_header": "{file} is truncated: it ends inside its header",
    "idx.bad_count": "{file} declares {count:,} {items}; between 1 and {maximum:,} are supported",
    "idx.bad_side": "{file} declares images of {size} pixels; each side must be between 1 and {maximum}",
    "idx.too_many_bytes": "{file} declares {declared:,} bytes of data; at most {maximum:,} (1 GiB) is supported",
    "idx.gzip_bomb": (
        "{file} declares {contents} ({declared:,} bytes), far more than a {bytes:,}-byte compressed file can "
        "hold; the file is damaged or malicious"
    ),
    "idx.folder_needs_memory": (
        "the IDX files in {folder} hold {contents}, which need {declared:,} MB of memory (each pixel as a "
        "byte and as the 4-byte float a network trains on); at most {maximum:,} MB are available for a data "
        "set"
    ),
    "idx.file_needs_memory": (
        "{file} declares {contents}, which need {declared:,} MB of memory (each pixel as a byte and as the "
        "4-byte float a network trains on); at most {maximum:,} MB are available for a data set"
    ),
    "idx.unsupported_type": (
        "{file} stores {type} (type code {code}); only IDX files of unsigned bytes (0x08) are supported"
    ),
    "idx.truncated": (
        "{file} is truncated: its header declares {contents} ({declared:,} bytes of data) but only {actual:,}"
        " bytes follow; download the file again"
    ),
    "idx.count_mismatch": (
        "{images} holds {images_count} images but {labels} holds {labels_count} labels; they must be equal"
    ),
    "idx.folder_cannot_read": "the folder {folder} cannot be read ({reason})",
    "idx.missing_file": (
        "the folder {folder} has no {file} (nor {file}.gz); an IDX folder needs the four files {files} (each "
        "may end in .gz)"
    ),
    "idx.no_file": "{file} does not exist",
    "idx.cannot_read": "{file} cannot be read ({reason})",
    "idx.out_of_memory": "{file} declares {contents}, but there is not enough free memory to load them",
    "idx.bad_gzip": "{file} is a damaged gzip file and cannot be unpacked ({detail})",
    "idx.images_of": "{count:,} images of {size}",
    "idx.labels_of": "{count:,} labels",
    # ---- the bundled digits (sandbox/datasets/digits.py) ----
    "digits.bad_counts": "{name} is not a valid digits file: it must hold {count} images of each digit 0–9",
    "digits.bad_array": (
        "{name} is not a digits file: its {what!r} array is {dtype} {declared_shape}, expected uint8 {shape}"
    ),
    "digits.wrong_amount": "{name} is damaged: its {what!r} array has the wrong amount of data",
    "digits.missing": (
        "the digits file {file} cannot be found or opened ({reason}); reinstall the app to restore the "
        "bundled digits"
    ),
    "digits.unreadable": "{name} is damaged and cannot be read as a digits file ({detail})",
    "digits.bad_header": "{name} is damaged: its {what!r} array has a bad header ({detail})",
    "digits.no_array": "{name} is not a digits file: it has no {member!r} array",
    # ---- PNG and .npy images (sandbox/imageio.py) ----
    "image.unknown_format": "{file} is neither a PNG image nor a NumPy .npy file",
    "image.other_format": (
        "{file} is a {kind} image; the sandbox reads PNG images and NumPy .npy files — save it as PNG"
    ),
    "image.write_bad_array": "write_png needs a uint8 array of shape (H, W), got {dtype} {shape}",
    "image.write_bad_size": "write_png needs 1 to {maximum} pixels on each side, got {height}×{width}",
    "image.file_too_large": "{file} is too large to be an image of at most {maximum}×{maximum} pixels",
    "image.not_png": "{name} is not a PNG image",
    "image.not_png_but": "{name} is not a PNG image (it is a {kind} image; save it as PNG)",
    "image.no_ihdr": "{name} is damaged: a PNG must start with a 13-byte IHDR chunk",
    "image.bad_colour_type": "{name} is damaged: colour type {colour} with {depth}-bit samples does not exist",
    "image.unknown_method": "{name} uses an unknown compression or filter method",
    "image.interlaced": "{name} is an interlaced PNG, which is not supported; save it without interlacing",
    "image.empty": "{name} is damaged: it declares an empty {width}×{height} image",
    "image.too_large": "{name} is {width}×{height} pixels; images of at most {maximum}×{maximum} are accepted",
    "image.bad_filter": "{name} is damaged: a row uses an unknown filter type",
    "image.no_idat": "{name} is damaged: it holds no image data (IDAT chunk)",
    "image.no_palette": "{name} is damaged: it is a palette image without a palette (PLTE chunk)",
    "image.too_little_data": "{name} is damaged or truncated: it holds less image data than its size needs",
    "image.npy_not_2d": "{name} holds an array of shape {shape}; an image must be 2-D (height, width)",
    "image.npy_bad_size": (
        "{name} holds a {height}×{width} array; images of 1 to {maximum} pixels on each side are accepted"
    ),
    "image.npy_not_numbers": "{name} holds {dtype} values; an image must hold numbers",
    "image.npy_wrong_amount": "{name} is damaged: it holds a different amount of data than its header declares",
    "image.npy_not_finite": "{name} holds NaN or infinite values",
    "image.npy_bad_range": "{name} holds values from {low:g} to {high:g}; grey levels must lie in 0–1 or 0–255",
    "image.cannot_open": "{file} cannot be opened ({reason})",
    "image.no_such_file": "{file} cannot be opened (no such file)",
    "image.no_iend": "{name} is truncated: it ends before its last (IEND) chunk",
    "image.bad_chunk": "{name} is damaged: it holds a chunk that is not valid PNG data",
    "image.chunk_cut_off": "{name} is truncated: its {chunk} chunk is cut off",
    "image.bad_crc": "{name} is damaged: the checksum (CRC) of its {chunk} chunk is wrong",
    "image.bad_zlib": "{name} is damaged: its compressed image data cannot be unpacked",
    "image.bad_palette_index": "{name} is damaged: a pixel refers to a colour missing from its palette",
    "image.bad_npy": "{name} is a damaged .npy file ({detail})",
    "image.npy_bad_integers": "{name} holds integers outside 0–255, so they are not grey levels",
    "image.split_idat": "{name} is damaged: its image data (IDAT chunks) is split up",
    "image.bad_palette": "{name} is damaged: its palette (PLTE chunk) is invalid",
    "image.two_ihdr": "{name} is damaged: it has more than one header (IHDR chunk)",
    "image.unsupported_chunk": "{name} uses a PNG feature ({chunk} chunk) that is not supported",
    # ---- data augmentation ----
    "augment.bad_rng": "rng must be a numpy.random.Generator (np.random.default_rng(seed)), got {type}",
    "augment.bad_dtype": "images must be uint8 or float, got {dtype}",
    "augment.bad_shape": "images must have shape (N, H, W) or (N, H, W, 1), got {shape}",
    "augment.config_not_dict": "an augmentation config must be a dict, got {type}",
    "augment.unknown_settings": "unknown augmentation setting(s) {names}; known: {known}",
    "augment.not_number": "{setting} must be a number, got {value!r}",
    "augment.out_of_range": "{setting} must be {bound}, got {value!r}",
    # ---- preprocessing ----
    "preprocess.not_grey_image": "to_mnist needs one grey image of shape (H, W), got shape {shape}",
    "preprocess.not_numbers": "to_mnist needs numbers, got an array of {dtype}",
    "preprocess.not_finite": "to_mnist got NaN or infinite pixel values",
    # ---- toy data sets ----
    "toy.rows_mismatch": "x and y must have the same number of rows, got shapes {x_shape} and {y_shape}",
    "toy.bad_test_ratio": "test_ratio must be between 0 and 1, got {test_ratio!r}",
    "toy.empty_part": "test_ratio={test_ratio} leaves an empty part with {rows} rows; use more rows or another ratio",
    "toy.bad_points": "feature_map needs points of shape (n, 2), got {shape}",
    "toy.bad_features": "features must be a non-empty list of names, got {features!r}",
    "toy.bad_xs": "xs must be a non-empty list of numbers, got {xs!r}",
    "toy.negative_noise": "noise must be >= 0, got {noise!r}",
    "toy.bad_n_samples": "n_samples must be a positive int, got {n_samples!r}",
    "toy.bad_noise": "noise must be between 0 and {maximum:g} (percent), got {noise!r}",
    # ---- unit edits (sandbox/inspect_forward.py) ----
    "edit.no_such_unit": "layer {layer!r} has units 0…{last}, not {unit}",
    "edit.not_conv": "layer {layer!r} is not a Conv2D layer",
    "edit.unit_without_weights": "layer {layer!r} has no unit {unit} with weights",
    "edit.no_such_layer": "there is no layer {index}; the model has {count} layers",
    "edit.no_units": "layer {layer!r} has no units to edit; only Dense units and Conv2D feature maps can be edited",
    "edit.bad_scale": "a unit's scale must be between 0 and {maximum:g}, got {scale!r}",
    "edit.cannot_bake": (
        "the edit of layer {layer!r} cannot be saved: its activation {activation!r} does not scale with its "
        "input, and no layer after it can take the edit; reset that edit to save"
    ),
    "edit.bad_key": "an edit is keyed by (layer_index, unit), got {key!r}",
    # ---- backward traces ----
    "trace.no_layer": "no layer named {layer!r} in this trace",
    "trace.labels_mismatch": (
        "hardest_example needs as many labels as examples (at least one), got {examples} examples and "
        "{labels} labels"
    ),
    # ---- lessons ----
    "lesson.lengths": "xs and ys must be non-empty and of equal length, got {x_count} and {y_count}",
    "lesson.not_finite": "xs and ys must be finite numbers, got {xs!r} and {ys!r}",
    "lesson.bad_n": "n must be an int >= 2, got {n!r}",
    "lesson.bad_optimizer": "optimizer_name must be one of {names}, got {optimizer_name!r}",
    "lesson.not_lists": "xs and ys must be lists of numbers, got {xs!r} and {ys!r}",
    # ---- familiarity of drawings ----
    "familiarity.bad_shape": "familiarity needs training images of shape (N, 28, 28), got {shape}",
    "familiarity.too_few": "familiarity needs at least {minimum} training images, got {count}",
    # ---- carrying a network out (sandbox/export_torch.py) ----
    "export.torch_layer": "{name}: the PyTorch export cannot write {layer} layers yet",
    "export.torch_activation": "{name}: the PyTorch export cannot write the activation {activation!r} yet",
    "export.torch_model": "the PyTorch export takes a Sequential network or a functional graph, got {model}",
    # ---- sandbox/health.py (its raise site still passes the English text; this is the code it should pass) ----
    "health.no_layer": "no layer with weights named {layer!r} in this snapshot",
    # ---- merge layers and functional graphs (sandbox/layers/merge.py, sandbox/functional.py) ----
    "layer.merge_needs_list": (
        "{layer} joins several inputs: call it on a list of tensors, e.g. {layer}()([x, y]); it cannot follow "
        "{source} in a Sequential stack"
    ),
    "layer.merge_too_few": "{layer} joins a list of at least 2 inputs, got {count}",
    "layer.add_shapes_differ": "Add adds inputs of one shape, got {shapes}",
    "layer.concatenate_axis": (
        "Concatenate: axis must be a non-zero int (the batch axis 0 cannot be joined), got {axis!r}"
    ),
    "layer.concatenate_axis_range": "Concatenate: inputs with {rank} axes (batch included) have no axis {axis}",
    "layer.concatenate_shapes": (
        "Concatenate joins inputs whose shapes agree on every axis except axis {axis}, got {shapes}"
    ),
    "graph.symbolic_as_data": (
        "{name!r} is a symbolic tensor from keras.Input: it has a shape but no values; build "
        "keras.Model(inputs, outputs) and give the model arrays"
    ),
    "graph.call_input": "an Input cannot be called on a tensor; call the layers that follow it",
    "graph.layer_called_twice": (
        "layer {layer!r} was already called in a graph; each layer can be called once (shared layers are not "
        "supported), so create another layer"
    ),
    "graph.one_input": "{layer} takes one input, got a list of {count}; join them first with Add or Concatenate",
    "graph.needs_inputs_outputs": "Model needs inputs and outputs: Model(inputs=keras.Input(...), outputs=...)",
    "graph.not_symbolic": (
        "a Model's inputs and outputs must be tensors from keras.Input(...) and layer calls, got {value}"
    ),
    "graph.input_not_input": "a Model's inputs must be keras.Input(...) tensors; {name!r} is a layer's output",
    "graph.input_twice": "the same input is given twice in Model(inputs=...)",
    "graph.output_twice": "the same output is given twice in Model(outputs=...)",
    "graph.missing_input": "the outputs depend on the input {name!r}, which is not in Model(inputs=...)",
    "graph.unused_input": "the input {name!r} does not lead to any of the outputs",
    "graph.no_add": "a functional model's layers come from its graph; add and pop are for Sequential",
    "graph.input_names": "the model's inputs are named {expected}, got arrays for {got}",
    "graph.target_names": "the model's outputs are named {expected}, got targets for {got}",
    "graph.input_count": "the model has {expected} inputs, got {count} input array(s)",
    "graph.target_count": "the model has {expected} outputs, got {count} target array(s)",
    "graph.input_sample_counts": "every input array must hold as many samples, got {counts}",
    "graph.target_sample_counts": "every target array must hold as many samples, got {counts}",
    "graph.nested_model": (
        "a model cannot be called on symbolic tensors (nested models are not supported); call its layers instead"
    ),
    "graph.metrics_per_output": (
        "with several outputs, metrics are given per output: a list of lists or a dict by output name "
        "({expected}), got {got}"
    ),
    "graph.loss_per_output": (
        "with several outputs, loss is one loss for all, or one per output in a list or a dict by output name "
        "({expected}), got {got}"
    ),
    "graph.bad_config": "a functional config must be a dict with a 'layers' list, 'input_layers' and 'output_layers'",
    "graph.config_keys": "unexpected key(s) in a functional config: {names}",
    "graph.bad_layer_entry": (
        "entry {position} of the config's layers needs 'class_name', 'config', its layer's 'name' and "
        "'inbound_nodes'"
    ),
    "graph.bad_node": "the inbound node of layer {layer!r} is not one call on outputs named [name, 0, 0]",
    "graph.config_order": "layer {layer!r} takes the output of {source!r}, which is not listed before it",
    "graph.bad_input_layers": "the config's input_layers must name its input layers as [name, 0, 0]",
    "graph.bad_output_layers": "the config's output_layers must name its layers as [name, 0, 0]",
    # ---- the book's Keras names (issue 14): keras.ops, learner layers, metrics, checkpoints, .keras paths ----
    "engine.no_ops": (
        "the sandbox has no keras.ops: it computes with NumPy and has no automatic differentiation — write "
        "your layer's call() and backward() with NumPy (see help(sandbox.Layer))"
    ),
    "layer.super_init_not_called": "{cls}.__init__ must call super().__init__(**kwargs) first",
    "layer.custom_constraint": "{cls}.add_weight: constraints are not supported; leave constraint=None",
    "layer.custom_no_backward": (
        "layer {layer!r} ({cls}) has no backward(dy), so it cannot be trained: the sandbox has no automatic "
        "differentiation — write backward(dy) that sets each weight's .grad and returns the gradient of the "
        "inputs (predict and evaluate work without it)"
    ),
    "layer.custom_grad_missing": (
        "layer {layer!r} ({cls}): backward did not set the gradient of the weight {weight!r}; set it there "
        "with weight.grad = … (the weight's shape, summed over the batch)"
    ),
    "layer.custom_grad_unbuilt": (
        "the gradient of the weight {weight!r} can only be set in "
        "backward, once its layer is built"
    ),
    "layer.custom_grad_shape": (
        "layer {layer!r}: the gradient set for the weight {weight!r} has shape {shape}, but the weight has "
        "shape {expected}"
    ),
    "layer.custom_call_shape": "{cls}.call returned an output of shape {shape}; expected {expected}",
    "layer.custom_backward_none": (
        "{cls}.backward returned nothing; it must return the gradient of "
        "the inputs, of shape {expected}"
    ),
    "layer.custom_backward_shape": (
        "{cls}.backward returned a gradient of shape {shape}; the gradient of the inputs must have their shape "
        "{expected}"
    ),
    "metric.bad_name": "a metric's name must be a non-empty string, got {name!r}",
    "metric.super_not_called": "{cls}.__init__ must call super().__init__(...) before add_weight",
    "metric.bad_initializer": (
        "a metric's add_weight takes initializer 'zeros', 'ones' or a "
        "number, got {initializer!r}"
    ),
    "callbacks.checkpoint_mode": "ModelCheckpoint: mode must be 'auto', 'min' or 'max', got {mode!r}",
    "callbacks.checkpoint_save_freq": "ModelCheckpoint: save_freq must be 'epoch' or a positive int, got {save_freq!r}",
    "callbacks.checkpoint_format": (
        "ModelCheckpoint: the file name {filepath!r} cannot be filled in from the epoch number and the logs "
        "({detail})"
    ),
    "model.summary_positions": (
        "summary: positions must be three increasing fractions, the last at most 1, got {positions!r}"
    ),
    "model.summary_too_narrow": "summary: line_length={line_length} is too narrow for the table",
    "models.bad_ending": (
        "{what}: the file name must end in .dlsb (or .keras / .h5, which are saved as .dlsb), got {path!r}"
    ),
    "models.save_arguments": "save got unsupported argument(s): {names}",
    "models.file_exists": "{path} already exists and overwrite=False, so nothing was saved",
    "models.custom_layer": (
        "the model cannot be saved: layer {layer!r} is your own class {cls}, and files never name code; keep "
        "its weights with model.get_weights() and numpy.save"
    ),
    "models.keras_file": (
        "{path} was written by Keras; the sandbox reads only its own .dlsb files — build the model with the "
        "sandbox and save it with model.save"
    ),
    "models.no_file": "{path} does not exist, nor {dlsb}, the file the sandbox writes for it",
    "utils.labels_not_whole": "to_categorical needs whole-number class labels, got an array of {dtype}",
    "utils.label_out_of_range": (
        "to_categorical: labels run from {low} to {high}, outside "
        "0…{last} for num_classes={classes}"
    ),
    # ---- keras.datasets.mnist without a download (sandbox/datasets/mnist.py) ----
    "mnist.no_file": "{file} does not exist; give an MNIST .npz file in Keras's format or a folder of IDX files",
    "mnist.no_array": "{file} is not an MNIST file in Keras's format: it has no {member!r} array",
    "mnist.bad_compression": "{file}: its {member!r} array is encrypted or compressed in an unsupported way",
    "mnist.out_of_memory": "{file} cannot be loaded: there is not enough free memory",
    "mnist.unreadable": "{file} is damaged and cannot be read as an MNIST file ({detail})",
    "mnist.bad_labels": "{file}: its {member!r} array holds labels up to {high}; MNIST labels are the digits 0–9",
    "mnist.bad_header": "{file}: its {member!r} array has a bad header ({detail})",
    "mnist.bad_dtype": "{file}: its {member!r} array holds {dtype}; MNIST arrays hold uint8",
    "mnist.bad_shapes": (
        "{file}: {images_member!r} has shape {images} and {labels_member!r} has shape {labels}; expected "
        "images (N, height, width) of the training images' size and N labels"
    ),
    "mnist.too_large": (
        "{file}: {member!r} has shape {images}; at most {count:,} images of at most {side}×{side} pixels are "
        "supported"
    ),
    "mnist.needs_memory": (
        "{file} holds images that need {declared:,} MB of memory; at most {maximum:,} MB are available for a "
        "data set"
    ),
    "mnist.wrong_amount": (
        "{file} is damaged: its {member!r} array holds a different amount of "
        "data than its header declares"
    ),
    # ---- messages the app raises through engine errors (ui/session.py, ui/playground_session.py) ----
    "app.stop_training_first": "stop training before opening a file",
    "app.nothing_to_save": "the network does not fit together yet, so there is nothing to save",
    "app.images_not_28": "the images in {folder} are {size}; the sandbox's networks expect 28×28",
    "app.unknown_settings": "set_data got unknown setting(s): {names}",
    "app.graph_not_a_stack": ("it holds a functional model with branches or merges ({layers}); the app builds and "
                              "trains stacks of layers, so open it from Python with sandbox.load_model"),
}
