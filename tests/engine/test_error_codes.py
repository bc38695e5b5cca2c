"""Every engine error carries a registered code and exactly the fields its template needs.

The scan reads the engine's source, so a raise site that goes back to a free English sentence, or a
code whose template names a field no raise site supplies, fails here and not in a learner's window.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import sandbox as sb
from sandbox.errors import ShapeError, UnknownNameError
from sandbox.messages import MESSAGES, Message, fields_of

ENGINE = Path(sb.__file__).parent
#: The classes whose first argument is a message code.
ERRORS = {"SandboxError", "LayerArgumentError", "ShapeError", "TrainingError", "FileFormatError", "EditError"}
#: Helpers that take a code and its fields and build one of those errors.
HELPERS = {"_shape_error": 0, "argument_error": 1, "Message": 0}
#: Keywords of an error that are its attributes, not its template's fields.
ATTRIBUTES = {"layer_index", "layer_name", "fix"}
#: Files not scanned (none: every engine file raises by code).
PENDING: set[str] = set()
#: Codes for messages the app raises through engine errors (ui/session.py, ui/playground_session.py): they are
#: used outside the engine, so the scan of the engine does not see them.
APP_CODES = {"app.stop_training_first", "app.nothing_to_save", "app.images_not_28", "app.unknown_settings",
             "app.graph_not_a_stack"}


def _calls() -> list[tuple[str, ast.Call, int]]:
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        if path.name in PENDING and path.parent == ENGINE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in ERRORS:
                found.append((f"{path.relative_to(ENGINE)}:{node.lineno}", node, 0))
            elif name in HELPERS:
                found.append((f"{path.relative_to(ENGINE)}:{node.lineno}", node, HELPERS[name]))
    return found


CALLS = _calls()


def _literal_code(call: ast.Call, position: int) -> str | None:
    if len(call.args) <= position:
        return None
    arg = call.args[position]
    return arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None


def test_the_scan_finds_the_raise_sites():
    assert len(CALLS) > 250


def test_every_error_is_built_from_a_registered_code_and_its_fields():
    problems = []
    for where, call, position in CALLS:
        code = _literal_code(call, position)
        if code is None:
            # A computed code is fine only when its fields come along as **fields (e.g. a chosen variant).
            if not any(k.arg is None for k in call.keywords):
                problems.append(f"{where}: the message is not a code literal")
            continue
        if code not in MESSAGES:
            problems.append(f"{where}: {code!r} is not registered")
            continue
        if any(k.arg is None for k in call.keywords):
            continue  # **fields: checked by the tests that raise it
        given = {k.arg for k in call.keywords} - ATTRIBUTES
        if given != fields_of(MESSAGES[code]):
            problems.append(f"{where}: {code} takes {sorted(fields_of(MESSAGES[code]))}, got {sorted(given)}")
    assert not problems, "\n".join(problems)


def test_every_registered_code_is_used():
    used = {_literal_code(call, position) for _, call, position in CALLS}
    # Codes named outside the calls scanned above (chosen by a variable, or by UnknownNameError itself).
    text = "\n".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py") if p.name != "messages.py")
    unused = [code for code in MESSAGES if code not in used and f'"{code}"' not in text and code not in APP_CODES]
    assert not unused


def test_templates_are_valid_format_strings():
    for code, template in MESSAGES.items():
        values = dict.fromkeys(fields_of(template), 1)
        assert template.format(**values), code


def test_the_english_message_is_the_template_filled_in():
    with pytest.raises(ShapeError) as info:
        sb.Sequential([sb.layers.Input((28, 28, 1)), sb.layers.Conv2D(4, 3), sb.layers.Dense(3)])
    error = info.value
    assert error.code == "layer.needs_flat"
    assert error.fields == {"layer": "Dense", "shape": "(batch, 26, 26, 4)", "source": "'conv2d'"}
    assert str(error) == ("Dense expects a flat input (batch, features); got (batch, 26, 26, 4) from 'conv2d'"
                          " — add Flatten")
    assert error.fix == "insert_flatten"


def test_a_nested_reason_keeps_its_own_code():
    with pytest.raises(sb.LayerArgumentError) as info:
        sb.layers.Dense(0)
    error = info.value
    assert error.code == "arg.owned"
    assert error.fields["problem"] == Message("arg.int_at_least", setting="units", minimum=1, value=0)
    assert str(error) == "Dense: units must be an int ≥ 1, got 0"


def test_unknown_name_keeps_its_attributes():
    with pytest.raises(UnknownNameError) as info:
        sb.layers.Dense(3, activation="relux")
    error = info.value
    assert (error.code, error.kind, error.name) == ("unknown_name", "activation", "relux")
    assert isinstance(error, ValueError)


def test_errors_survive_pickling_with_their_code_fields_and_attributes():
    error = ShapeError("layer.needs_flat", layer="Dense", shape="(batch, 3, 3)", source="the input",
                       layer_index=2, layer_name="dense", fix="insert_flatten")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.fields, str(copy)) == (error.code, error.fields, str(error))
    assert (copy.layer_index, copy.layer_name, copy.fix) == (2, "dense", "insert_flatten")
    unknown = pickle.loads(pickle.dumps(UnknownNameError("loss", "msee", ("mse",))))
    assert (unknown.code, unknown.name, unknown.known) == ("unknown_name", "msee", ("mse",))


def test_free_text_is_kept_for_callers_outside_the_engine():
    error = sb.TrainingError("something went wrong")
    assert (error.code, error.fields, str(error)) == (None, {}, "something went wrong")


def test_an_unregistered_code_with_fields_is_a_programming_error():
    with pytest.raises(KeyError):
        sb.TrainingError("no.such.code", count=3)
    with pytest.raises(KeyError):
        Message("no.such.code")
