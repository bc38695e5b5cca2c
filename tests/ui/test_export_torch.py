"""File → Export for PyTorch: the pretrained network's module and weights, written off the GUI thread.

The files are checked as files (the script parses and names every layer; the weights are the session's,
in PyTorch's layouts) without importing torch: ``tests/engine/test_export_parity.py`` runs them in PyTorch.
"""

from __future__ import annotations

import ast

import numpy as np

from sandbox.export_torch import SCRIPT, WEIGHTS


def _wait_for_export(qtbot, window) -> None:
    lane = window._torch_export_lane
    assert lane is not None
    qtbot.waitUntil(lambda: not lane.busy, timeout=30_000)


def test_the_action_is_in_the_file_menu_beside_the_keras_export(window, qtbot):
    act = window.act_export_torch
    assert act.objectName() == "exportTorchAction"
    assert act.text().replace("&", "") == "Export for PyTorch…"
    assert "PyTorch" in act.toolTip()
    actions = window.file_menu.actions()
    assert actions.index(act) == actions.index(window.act_export) + 1
    window.set_language("ko")
    try:  # the language change reaches the window as a posted event
        qtbot.waitUntil(lambda: act.text() == "PyTorch용으로 내보내기(&P)…")
    finally:
        window.set_language("en")


def test_exporting_the_pretrained_network_writes_its_module_and_weights_in_pytorch_layouts(window, qtbot, tmp_path):
    model = window.session.model
    assert window.export_torch_to(str(tmp_path / "out"))
    _wait_for_export(qtbot, window)

    folder = tmp_path / "out"
    assert sorted(p.name for p in folder.iterdir()) == sorted([SCRIPT, WEIGHTS])
    code = (folder / SCRIPT).read_text(encoding="utf-8")
    tree = ast.parse(code)
    assert any(isinstance(n, ast.ClassDef) for n in tree.body) and "import torch" in code
    for layer in model.layers:
        assert f"# {layer.name} ({type(layer).__name__})" in code
    with np.load(folder / WEIGHTS) as saved:
        weights = {k: saved[k] for k in saved.files}
    conv = next(layer for layer in model.layers if type(layer).__name__ == "Conv2D")
    dense = model.layers[-1]
    np.testing.assert_array_equal(weights[f"{conv.name}.weight"], conv.params["kernel"].transpose(3, 2, 0, 1))
    np.testing.assert_array_equal(weights[f"{dense.name}.weight"], dense.params["kernel"].T)
    np.testing.assert_array_equal(weights[f"{dense.name}.bias"], dense.params["bias"])
    assert window.info_bar.isVisible()
    text = window.info_bar.label.text()
    assert SCRIPT in text and WEIGHTS in text and str(folder) in text


def test_the_dialog_names_the_files_and_asks_before_replacing_them(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    captions, questions = [], []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, caption, _start: captions.append(caption) or str(tmp_path))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.export_torch_dialog()
    _wait_for_export(qtbot, window)
    assert SCRIPT in captions[0] and WEIGHTS in captions[0]
    assert (tmp_path / SCRIPT).exists() and not questions
    before = (tmp_path / WEIGHTS).stat().st_mtime_ns
    window.export_torch_dialog()  # the files are there now: asked, and Cancel keeps them
    assert questions and SCRIPT in questions[0]
    assert not window._torch_export_lane.busy
    assert (tmp_path / WEIGHTS).stat().st_mtime_ns == before
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_a_folder_that_cannot_be_written_is_reported_kindly(window, qtbot, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert window.export_torch_to(str(blocker / "out"))  # started; fails in the lane
    _wait_for_export(qtbot, window)
    qtbot.waitUntil(lambda: "Could not export" in window.info_bar.label.text(), timeout=5_000)
    assert "Traceback" not in window.info_bar.label.text()
    assert not (blocker / "out").exists()
