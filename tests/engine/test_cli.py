"""The dl-sandbox command, run in-process: train, evaluate, predict, summary, errors and no arguments."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

import resources
import sandbox as sb
from sandbox.cli import main
from sandbox.datasets import digits
from sandbox.imageio import write_png

REPO = Path(__file__).resolve().parents[2]
PRETRAINED = resources.path("models", "small-cnn.dlsb")


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    """A logistic-regression model trained for one epoch on 300 digits."""
    path = tmp_path_factory.mktemp("cli") / "tiny.dlsb"
    assert main(["train", "--preset", "logistic", "--epochs", "1", "--limit", "300", "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def test_digits():
    return digits.load_data()[1]


def error_line(capsys) -> str:
    """The one line a failed command printed on stderr (and check that nothing else was)."""
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("dl-sandbox: error: ")
    return lines[0]


def write_idx(folder: Path, images: np.ndarray, labels: np.ndarray, prefix: str) -> None:
    count, rows, cols = images.shape
    (folder / f"{prefix}-images-idx3-ubyte").write_bytes(struct.pack(">IIII", 0x803, count, rows, cols)
                                                         + images.tobytes())
    (folder / f"{prefix}-labels-idx1-ubyte").write_bytes(struct.pack(">II", 0x801, count) + labels.tobytes())


# ---- train -------------------------------------------------------------------------------------------------


def test_train_prints_one_line_per_epoch_tests_and_saves(tmp_path, capsys):
    out = tmp_path / "model.dlsb"
    code = main(["train", "--preset", "mlp", "--epochs", "2", "--batch-size", "50", "--limit", "200",
                 "--validation-split", "0.25", "--learning-rate", "0.002", "--seed", "3", "--out", str(out)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Training mlp on 150 samples for 2 epoch(s)." in text
    for epoch in ("Epoch 1/2 - loss: ", "Epoch 2/2 - loss: "):
        assert epoch in text
    assert "val_accuracy: " in text and "samples/s" in text
    assert "Test loss " in text and "on the 1,000 held-out digits." in text
    assert f"Saved the model to {out}." in text
    assert "\r" not in text  # not a terminal: no progress bar
    model = sb.load_model(out)
    assert model.name == "mlp" and model.seed == 3


def test_train_shows_a_live_progress_bar_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["train", "--preset", "logistic", "--epochs", "1", "--limit", "64", "--augment"]) == 0
    text = capsys.readouterr().out
    assert "\rEpoch 1/1 " in text and "ETA " in text and " samples/s" in text and "2/2" in text
    assert "with augmentation" in text
    assert "The model was not saved (give --out MODEL.dlsb to keep it)." in text


def test_train_and_evaluate_on_an_idx_folder(tmp_path, capsys, test_digits):
    x_test, y_test = test_digits
    write_idx(tmp_path, x_test[:120], y_test[:120], "train")
    write_idx(tmp_path, x_test[120:170], y_test[120:170], "t10k")
    out = tmp_path / "idx.dlsb"
    assert main(["train", "--preset", "logistic", "--idx", str(tmp_path), "--epochs", "1",
                 "--out", str(out)]) == 0
    assert f"on the 50 test images of {tmp_path}." in capsys.readouterr().out
    assert main(["evaluate", str(out), "--idx", str(tmp_path)]) == 0
    assert f"on the 50 test images of {tmp_path}." in capsys.readouterr().out


def test_ctrl_c_stops_after_the_current_batch_and_still_saves(tmp_path):
    out = tmp_path / "stopped.dlsb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "sandbox", "train", "--preset", "logistic", "--epochs", "10000",
               "--limit", "64", "--out", str(out)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with subprocess.Popen(command, text=True, env=env, **pipes) as process:
        try:
            first = process.stdout.readline()
            while not first.startswith("Epoch 1/"):
                assert first, process.stderr.read()
                first = process.stdout.readline()
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 0, stderr
    assert f"the model will still be saved to {out}" in stderr
    assert "Training stopped by Ctrl-C in epoch" in stdout
    assert f"Saved the model to {out}." in stdout
    assert sb.load_model(out).name == "logistic"


# ---- evaluate, summary, predict ----------------------------------------------------------------------------


def test_evaluate_reports_what_model_evaluate_does(trained, capsys, test_digits):
    assert main(["evaluate", str(trained)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Test loss ") and "on the 1,000 held-out digits." in text
    x_test, y_test = test_digits
    model = sb.load_model(trained)
    logs = model.evaluate(x_test.astype(np.float32) / 255, y_test, verbose=0, return_dict=True)
    assert text == (f"Test loss {logs['loss']:.4f}, accuracy {logs['accuracy']:.2%} "
                    "on the 1,000 held-out digits.\n")


def test_evaluate_an_uncompiled_model(tmp_path, capsys):
    path = tmp_path / "plain.dlsb"
    sb.save_model(sb.presets.build("logistic", compile=False), path)
    assert main(["evaluate", str(path)]) == 0
    assert "(the model is not compiled, so it has no loss)" in capsys.readouterr().out


def test_summary(trained, capsys):
    assert main(["summary", str(trained)]) == 0
    text = capsys.readouterr().out
    assert 'Model: "logistic"' in text and "dense (Dense)" in text and "Total params: 7,850" in text


def test_predict_prints_the_digit_and_the_three_likeliest(trained, tmp_path, capsys, test_digits):
    x_test, _ = test_digits
    png, npy = tmp_path / "a.png", tmp_path / "b.npy"
    write_png(png, x_test[0])
    np.save(npy, x_test[1].astype(np.float32) / 255)
    assert main(["predict", str(trained), str(png), str(npy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(png), str(npy)]
    for line in lines:
        assert line.count("%") == 3


def test_the_pretrained_model_reads_digits_from_png_files(tmp_path, capsys, test_digits):
    x_test, y_test = test_digits
    paths, labels = [], []
    for digit in range(10):
        index = int(np.flatnonzero(y_test == digit)[0])
        # As a user would draw it: black ink on white, larger than 28×28.
        paths.append(tmp_path / f"digit-{digit}.png")
        write_png(paths[-1], 255 - np.kron(x_test[index], np.ones((4, 4), np.uint8)))
        labels.append(digit)
    assert main(["predict", str(PRETRAINED), *map(str, paths)]) == 0
    lines = capsys.readouterr().out.splitlines()
    predicted = [int(line.split(": ")[1].split()[0]) for line in lines]
    assert sum(p == y for p, y in zip(predicted, labels, strict=True)) >= 9


# ---- errors ------------------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_model(tmp_path, capsys):
    bad = tmp_path / "notes.dlsb"
    bad.write_text("not a model")
    for command in ("evaluate", "summary"):
        assert main([command, str(bad)]) == 2
        assert "notes.dlsb" in error_line(capsys)


def test_a_missing_model(tmp_path, capsys):
    assert main(["predict", str(tmp_path / "missing.dlsb"), "x.png"]) == 2
    assert "no such file" in error_line(capsys)


def test_an_image_that_is_not_an_image(trained, tmp_path, capsys):
    bad = tmp_path / "digit.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nthe rest is missing")
    assert main(["predict", str(trained), str(bad)]) == 2
    assert "digit.png is truncated" in error_line(capsys)


def test_a_missing_idx_folder(tmp_path, capsys):
    assert main(["train", "--preset", "logistic", "--idx", str(tmp_path / "nowhere")]) == 2
    error_line(capsys)


def test_a_missing_output_folder_is_reported_before_training(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "model.dlsb"
    assert main(["train", "--preset", "small-cnn", "--epochs", "50", "--out", str(out)]) == 2
    assert str(out.parent) in error_line(capsys)
    assert capsys.readouterr().out == ""


def test_a_model_that_does_not_fit_the_images(tmp_path, capsys, test_digits):
    x_test, y_test = test_digits
    wide = np.concatenate([x_test[:60], x_test[:60]], axis=2)  # 28×56 images
    write_idx(tmp_path, wide, y_test[:60], "train")
    write_idx(tmp_path, wide, y_test[:60], "t10k")
    assert main(["train", "--preset", "mlp", "--idx", str(tmp_path)]) == 2
    assert "expects inputs" in error_line(capsys)


def test_train_prints_check_warnings_and_trains_on(capsys):
    assert main(["train", "--preset", "logistic", "--epochs", "1", "--limit", "64", "--learning-rate", "5"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dl-sandbox: warning: The learning rate 5 is far above")
    assert "Keras would run" in lines[0]
    assert "Training logistic on 64 samples" in captured.out and "Test loss " in captured.out


def test_train_stops_before_training_when_the_check_finds_an_error(tmp_path, capsys, test_digits):
    x_test, y_test = test_digits
    write_idx(tmp_path, x_test[:60], (y_test[:60] + 2).astype(np.uint8), "train")  # labels 2…11
    write_idx(tmp_path, x_test[60:80], y_test[60:80], "t10k")
    out = tmp_path / "never.dlsb"
    assert main(["train", "--preset", "logistic", "--idx", str(tmp_path), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err and not out.exists()
    lines = captured.err.strip().splitlines()
    assert all(line.startswith("dl-sandbox: error: cannot train: ") for line in lines)
    assert any("has 10 outputs but the labels need 12" in line and "Dense(12, softmax)" in line for line in lines)
    assert any("outside 0…9" in line for line in lines)


@pytest.mark.parametrize("args", [["train", "--preset", "resnet"],
                                  ["train", "--preset", "mlp", "--epochs", "0"],
                                  ["train", "--preset", "mlp", "--validation-split", "1"],
                                  ["train", "--preset", "mlp", "--learning-rate", "nan"],
                                  ["frobnicate"], ["predict", "model.dlsb"]])
def test_bad_arguments_print_usage_and_exit_2(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: dl-sandbox") and "Traceback" not in err


# ---- no arguments, help, version, python -m ----------------------------------------------------------------


def test_no_arguments_without_the_desktop_app_prints_help(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ui.app", None)  # makes `from ui.app import main` fail
    assert main([]) == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: dl-sandbox") and "train" in text and "predict" in text
    assert text.rstrip().endswith(
        "The desktop app is not available in this build (missing: ui.app); the commands above still work.")


def test_no_arguments_starts_the_desktop_app_and_returns_its_status(monkeypatch):
    app = types.ModuleType("ui.app")
    app.main = lambda argv: 7 if argv == [] else 0
    monkeypatch.setitem(sys.modules, "ui.app", app)
    assert main([]) == 7


def test_a_project_file_alone_opens_it_in_the_desktop_app(monkeypatch):
    opened = []
    app = types.ModuleType("ui.app")
    app.main = lambda argv: opened.append(list(argv)) or 0
    monkeypatch.setitem(sys.modules, "ui.app", app)
    assert main(["mine.dlsb"]) == 0
    assert opened == [["mine.dlsb"]]


def test_no_arguments_without_qt_prints_help(capsys, monkeypatch):
    def app_main(argv):
        raise ModuleNotFoundError("No module named 'PySide6'", name="PySide6")

    app = types.ModuleType("ui.app")
    app.main = app_main
    monkeypatch.setitem(sys.modules, "ui.app", app)
    assert main([]) == 0
    assert "(missing: PySide6)" in capsys.readouterr().out


def test_help_and_version(capsys):
    assert main(["--help"]) == 0
    assert "summary" in capsys.readouterr().out
    assert main(["train", "--help"]) == 0
    text = capsys.readouterr().out
    assert "--validation-split" in text and "--limit" not in text
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"dl-sandbox {sb.__version__}"


def test_python_dash_m_sandbox():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "sandbox", "summary", str(REPO / "missing.dlsb")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("dl-sandbox: error: ")
