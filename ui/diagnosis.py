"""The engine's diagnoses in the learner's language, made from their codes and fields.

:func:`sandbox.check` (before training) returns findings and :class:`sandbox.monitor.TrainingMonitor`
(while training) raises alarms; both carry a stable ``code`` and plain numbers. Each sentence here is
translated from that code and filled with those numbers: no English text is matched, so a change in the
engine's wording cannot lose a translation. :data:`FINDING_CODES` and :data:`ALARM_CODES` list what is
covered; a test checks they equal the engine's.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication

import sandbox as sb
from sandbox.monitor import Alarm

__all__ = ["ALARM_CODES", "FINDING_CODES", "alarm_marker", "alarm_text", "finding_text", "fix_label",
           "rescue_label"]

# Every sentence is a literal translate("Diagnosis", "…") call: pyside6-lupdate collects those by the name
# ``translate`` (not calls through a helper that takes the text as a variable).
translate = QCoreApplication.translate


def _layer(fields: dict[str, Any]) -> str:
    return translate("Diagnosis", "layer {n} ({name})").format(n=fields["layer_index"] + 1,
                                                              name=fields["layer_name"])


def _shape(shape: Any) -> str:
    return "×".join(str(d) for d in shape) if shape else translate("Diagnosis", "a single number")


def _keras_runs() -> str:
    return " " + translate("Diagnosis",
                           "Keras would run this network without complaint, so Train stays available.")


def _layer_fix(f: dict[str, Any]) -> str:
    return f"{f['fix_class_name']}({f['expected']}, {f['fix_activation']})"


def _finding_no_layers(f: dict[str, Any]) -> str:
    return translate("Diagnosis", "The network has no layers yet: add at least an output layer.")


def _finding_layer_does_not_fit(f: dict[str, Any]) -> str:
    return translate("Diagnosis", "Layer {n} ({name}) does not fit the layer before it.").format(
        n=f["layer_index"] + 1, name=f["layer_name"])


def _finding_input_shape(f: dict[str, Any]) -> str:
    return translate(
        "Diagnosis",
        "The network expects inputs of {expected} per sample, but the data has {got}.",
    ).format(expected=_shape(f["expected"]), got=_shape(f["got"]))


def _finding_sample_count(f: dict[str, Any]) -> str:
    return translate(
        "Diagnosis",
        "There are {inputs} inputs but {targets} labels: give one label per input.",
    ).format(inputs=f"{f['inputs']:,}", targets=f"{f['targets']:,}")


def _finding_units(f: dict[str, Any]) -> str:
    if f.get("add_layer"):
        text = translate(
            "Diagnosis",
            "The last layer, {layer}, gives {got} numbers, but the labels have {expected} classes: the network "
            "has no output layer. Add {fix} after it.")
    else:
        text = translate(
            "Diagnosis",
            "The last layer, {layer}, gives {got} numbers, but the labels need {expected}: make it {fix}.")
    return text.format(layer=_layer(f), got=f["got"], expected=f["expected"], fix=_layer_fix(f))


def _finding_labels(f: dict[str, Any]) -> str:
    text = translate(
        "Diagnosis",
        "{count} labels are outside {low}…{high}, the answers this network can give (the labels go from {min} "
        "to {max}).",
    ).format(count=f"{f['count']:,}", low=f"{f['low']:g}", high=f"{f['high']:g}", min=f"{f['min']:g}",
             max=f"{f['max']:g}")
    return text + (_keras_runs() if f.get("keras_runs") else "")


def _finding_sparse_with_categorical(f: dict[str, Any]) -> str:
    return translate(
        "Diagnosis",
        "The labels are class numbers, but the loss {loss} needs one-hot rows of {outputs} values: use "
        "sparse_categorical_crossentropy.",
    ).format(loss=f["loss"], outputs=f["outputs"])


def _finding_one_hot_with_sparse(f: dict[str, Any]) -> str:
    return translate(
        "Diagnosis",
        "The labels are one-hot rows of {width} values, but the loss {loss} needs one class number per sample: "
        "use categorical_crossentropy.",
    ).format(width=f["width"], loss=f["loss"])


def _finding_relu_output(f: dict[str, Any]) -> str:
    return translate(
        "Diagnosis",
        "The last layer, {layer}, ends in {activation}, which does not give probabilities, but the loss {loss} "
        "expects them: the loss can become NaN or stall. Use {expected}.",
    ).format(layer=_layer(f), activation=f["activation"], loss=f["loss"],
             expected=f["expected_activation"]) + _keras_runs()


def _finding_activation_vs_loss(f: dict[str, Any]) -> str:
    if f.get("from_logits"):
        text = translate(
            "Diagnosis",
            "The last layer, {layer}, ends in {activation}, but the loss {loss} with from_logits=True expects raw "
            "scores, so the activation is applied twice.")
    else:
        text = translate(
            "Diagnosis",
            "The last layer, {layer}, ends in {activation}, but the loss {loss} expects {expected} probabilities: "
            "the network learns slowly or not at all.")
    return text.format(layer=_layer(f), activation=f["activation"], loss=f["loss"],
                       expected=f.get("expected_activation", "")) + _keras_runs()


def _finding_learning_rate(f: dict[str, Any]) -> str:
    if f["too_high"]:
        text = translate(
            "Diagnosis",
            "The learning rate {lr} is far above {optimizer}'s usual range {low}…{high}: the loss will probably "
            "jump up and stick there (the usual default is {default}).")
    else:
        text = translate(
            "Diagnosis",
            "The learning rate {lr} is far below {optimizer}'s usual range {low}…{high}: the loss will hardly "
            "move (the usual default is {default}).")
    return text.format(lr=f"{f['learning_rate']:g}", optimizer=f["optimizer"], low=f"{f['usual_low']:g}",
                       high=f"{f['usual_high']:g}", default=f"{f['default']:g}") + _keras_runs()


_FINDINGS = {
    "no_layers": _finding_no_layers,
    "layer_does_not_fit": _finding_layer_does_not_fit,
    "input_shape_mismatch": _finding_input_shape,
    "sample_count_mismatch": _finding_sample_count,
    "output_units_vs_classes": _finding_units,
    "labels_out_of_range": _finding_labels,
    "sparse_labels_with_categorical_loss": _finding_sparse_with_categorical,
    "one_hot_labels_with_sparse_loss": _finding_one_hot_with_sparse,
    "relu_output_into_probability_loss": _finding_relu_output,
    "activation_vs_loss": _finding_activation_vs_loss,
    "learning_rate_unusual": _finding_learning_rate,
}
#: The check codes translated here (a test checks this equals ``sandbox.check.CODES``).
FINDING_CODES: tuple[str, ...] = tuple(_FINDINGS)


def finding_text(finding: sb.Finding) -> str:
    """One finding of :func:`sandbox.check` as a sentence in the learner's language."""
    make = _FINDINGS.get(finding.code)
    return make(finding.fields) if make is not None else finding.message


def fix_label(fix: dict[str, Any] | None) -> str | None:
    """The button text of a finding's one-edit fix, or None when the app cannot make that edit."""
    kind = (fix or {}).get("kind")
    if kind == "add_output_layer":
        return translate("Diagnosis", "Add the output layer {layer}").format(
            layer=f"Dense({fix['units']}, {fix['activation']})")
    if kind == "set_last_layer":
        return translate("Diagnosis", "Make the last layer {layer}").format(
            layer=f"Dense({fix['units']}, {fix['activation']})")
    if kind == "set_activation":
        return translate("Diagnosis", "Use {activation} in layer {n}").format(activation=fix["activation"],
                                                                             n=fix["layer_index"] + 1)
    if kind == "set_loss" and not fix.get("from_logits"):
        return translate("Diagnosis", "Use the loss {loss}").format(loss=fix["loss"])
    if kind == "set_learning_rate":
        return translate("Diagnosis", "Use learning rate {lr}").format(lr=f"{fix['learning_rate']:g}")
    return None


# ---- alarms while training ------------------------------------------------------------------------
def _alarm_headline(alarm: Alarm) -> str:
    e = alarm.evidence
    code = alarm.code
    if code == "loss_not_finite":
        return translate(
            "Diagnosis", "The loss is no longer a number (NaN) after {batches} batches: the weights blew up.",
        ).format(batches=f"{int(e['batches']):,}")
    if code == "loss_stuck_high":
        return translate(
            "Diagnosis",
            "The loss is stuck at {loss}, far above the {guess} of blind guessing: the network is confidently "
            "wrong on almost every image.",
        ).format(loss=f"{e['loss']:.1f}", guess=f"{e.get('guess_loss', math.log(10)):.2f}")
    if code == "loss_rising":
        return translate("Diagnosis", "The loss rose from {start} to {loss} and stays there.").format(
            start=f"{e['start_loss']:.2f}", loss=f"{e['loss']:.2f}")
    if code == "gradients_exploding":
        return translate(
            "Diagnosis", "The gradients are huge (norm {norm}): every step throws the weights far away.",
        ).format(norm=f"{e['grad_norm']:.3g}")
    if code == "gradients_zero":
        return translate(
            "Diagnosis", "Every gradient is 0 while the loss is still {loss}: nothing can change any more.",
        ).format(loss=f"{e['loss']:.2f}")
    return translate(
        "Diagnosis", "After an epoch the accuracy is {accuracy}%, no better than guessing ({chance}%).",
    ).format(accuracy=f"{100 * e['accuracy']:.1f}", chance=f"{100 * e['chance']:.0f}")


def _alarm_cause(alarm: Alarm, learning_rate: float) -> str:
    e = alarm.evidence
    if alarm.cause == "output_layer" and alarm.finding is not None:
        return translate("Diagnosis", "The learning rate is not to blame: the network's output is wrong."
                         ) + " " + finding_text(alarm.finding)
    dead = e.get("dead_share")
    dead_text = "" if dead is None or dead < 0.05 else " " + translate(
        "Diagnosis", "{share}% of the ReLU units no longer fire on any image.").format(share=f"{100 * dead:.0f}")
    if alarm.cause == "learning_rate":
        return translate(
            "Diagnosis",
            "The likeliest cause is a learning rate that is too high: with {lr} each step jumps far past good "
            "weights.",
        ).format(lr=f"{learning_rate:g}") + dead_text
    if alarm.cause == "learning_rate_low":
        return translate(
            "Diagnosis", "The loss is falling, but very slowly: the learning rate {lr} is probably too small.",
        ).format(lr=f"{learning_rate:g}")
    if alarm.cause == "dead_units":
        return translate(
            "Diagnosis", "Most ReLU units never fire, so their weights get no gradient and cannot learn.",
        ) + dead_text
    return translate("Diagnosis",
                     "The network may be too small for this data: try another network, or fresh weights.")


def alarm_text(alarm: Alarm, learning_rate: float) -> str:
    """What went wrong and why, in two or three sentences (``learning_rate``: the rate the run used)."""
    return _alarm_headline(alarm) + " " + _alarm_cause(alarm, learning_rate)


def rescue_label(alarm: Alarm, new_learning_rate: float | None, *, training: bool) -> str | None:
    """The rescue button's text for ``alarm``, or None when there is no one-click rescue."""
    if alarm.cause == "output_layer":
        label = fix_label(alarm.finding.fix if alarm.finding is not None else None)
    elif alarm.cause == "learning_rate" and new_learning_rate is not None:
        if alarm.code == "loss_not_finite":
            label = translate("Diagnosis", "Undo the blow-up, learning rate {lr}")
        else:
            label = translate("Diagnosis", "Undo this run, learning rate {lr}")
        label = label.format(lr=f"{new_learning_rate:g}")
    elif alarm.cause == "learning_rate_low" and new_learning_rate is not None:
        label = translate("Diagnosis", "Use learning rate {lr}").format(lr=f"{new_learning_rate:g}")
    else:
        label = translate("Diagnosis", "Reset the weights")
    if label is None:
        return None
    return translate("Diagnosis", "Stop: {action}").format(action=label) if training else label


def alarm_marker(code: str) -> str:
    """The few words written on the loss plot at the batch that raised an alarm."""
    return {
        "loss_not_finite": translate("Diagnosis", "diverged"),
        "loss_stuck_high": translate("Diagnosis", "loss stuck"),
        "loss_rising": translate("Diagnosis", "loss rising"),
        "gradients_exploding": translate("Diagnosis", "huge gradients"),
        "gradients_zero": translate("Diagnosis", "gradients 0"),
        "accuracy_at_chance": translate("Diagnosis", "guessing"),
    }.get(code, code)


#: The alarm codes translated here (a test checks this equals ``sandbox.monitor.ALARM_CODES``).
ALARM_CODES: tuple[str, ...] = ("loss_not_finite", "loss_stuck_high", "loss_rising", "gradients_exploding",
                                "gradients_zero", "accuracy_at_chance")
