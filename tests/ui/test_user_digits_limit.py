"""A learner who keeps drawing past the limit keeps their drawings: the oldest make room, nothing is set aside."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from ui import user_digits
from ui.user_digits import FILE_NAME, MAX_DIGITS, UserDigits


def drawing(value: float) -> np.ndarray:
    return np.full((28, 28), value, np.float32)


def stored_file(path, count: int) -> None:
    """Write a drawings file of ``count`` drawings whose pixel value and label count up (the oldest first)."""
    images = (np.arange(count) % 256).astype(np.uint8)[:, None, None].repeat(28, 1).repeat(28, 2)
    np.savez(path, images=images, labels=(np.arange(count) % 10).astype(np.uint8))


def backups(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "damaged" in p.name)


def test_the_drawing_after_the_limit_replaces_the_oldest_and_the_file_still_opens(tmp_path):
    path = tmp_path / FILE_NAME
    stored_file(path, MAX_DIGITS)
    store = UserDigits(path)
    assert store.load() is None and len(store) == MAX_DIGITS

    assert store.add(drawing(1.0), 7) == 1

    assert len(store) == MAX_DIGITS
    assert store.labels[0] == 1 and store.labels[-1] == 7  # drawing 0 (label 0) made room
    again = UserDigits(path)
    assert again.load() is None  # the next start reads it: no "damaged" message
    assert len(again) == MAX_DIGITS and again.labels[-1] == 7 and again.images[-1].min() == 255
    assert backups(tmp_path) == []


def test_many_drawings_past_a_small_limit_keep_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(user_digits, "MAX_DIGITS", 5)
    store = UserDigits(tmp_path / FILE_NAME)
    dropped = [store.add(drawing(i / 10), i) for i in range(8)]

    assert dropped == [0, 0, 0, 0, 0, 1, 1, 1]
    again = UserDigits(store.path)
    assert again.load() is None
    assert again.labels.tolist() == [3, 4, 5, 6, 7]


def test_a_file_that_an_older_version_let_grow_past_the_limit_loads_its_newest_drawings(tmp_path):
    path = tmp_path / FILE_NAME
    stored_file(path, MAX_DIGITS + 3)
    store = UserDigits(path)

    message = store.load()

    assert message == f"You have {MAX_DIGITS + 3:,} saved drawings; the newest {MAX_DIGITS:,} are used."
    assert len(store) == MAX_DIGITS
    assert store.labels[0] == 3 % 10 and store.images[0, 0, 0] == 3  # drawings 0–2 were read past
    assert store.labels[-1] == (MAX_DIGITS + 2) % 10
    assert path.exists() and backups(tmp_path) == []


@pytest.mark.parametrize("count", [user_digits.MAX_READABLE + 1, 2**40])
def test_a_header_claiming_far_more_drawings_is_still_damage(tmp_path, count):
    path = tmp_path / FILE_NAME
    # Three drawings' worth of data under headers that claim `count`.
    with zipfile.ZipFile(path, "w") as archive:
        for name, shape, data in (("images.npy", (count, 28, 28), bytes(3 * 784)), ("labels.npy", (count,), bytes(3))):
            header = io.BytesIO()
            np.lib.format.write_array_header_1_0(header, {"descr": "|u1", "fortran_order": False, "shape": shape})
            archive.writestr(name, header.getvalue() + data)
    store = UserDigits(path)

    message = store.load()

    assert message is not None and "damaged" in message
    assert len(store) == 0 and len(backups(tmp_path)) == 1
