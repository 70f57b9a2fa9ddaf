"""A kit that names, as its logo, a photo or a font, a file that is none (a stranger's kit
naming ``~/.ssh/id_rsa`` as a photo): the bundle leaves it out and says why, in words that
name what the file should have been."""

from __future__ import annotations

from pathlib import Path

from support.examples import NORTHBRIDGE_KIT, copy_folder

from presskit.formats.bundle import write_bundle


def test_a_logo_photo_or_font_that_is_not_one_is_left_out_saying_what_it_should_be(
    tmp_path: Path,
) -> None:
    folder = copy_folder(NORTHBRIDGE_KIT.parent, tmp_path / "kit")
    kit_path = folder / NORTHBRIDGE_KIT.name
    for name in ("logo.png", "expert-05.jpg"):
        (folder / "assets" / name).write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (folder / "house.ttf").write_bytes(b"<svg>not a font</svg>")
    text = kit_path.read_text(encoding="utf-8")
    kit_path.write_text(text.replace("    body: DejaVu Serif\n",
                                     "    body: DejaVu Serif\n    heading: house.ttf\n"),
                        encoding="utf-8")

    messages = "\n".join(write_bundle(kit_path, tmp_path / "kit.presskitz").messages())

    assert (f"{folder / 'assets' / 'logo.png'} is not in the bundle: it is not a picture "
            "(PNG, JPEG, GIF, WebP, TIFF, BMP or SVG)") in messages, messages
    assert (f"{folder / 'assets' / 'expert-05.jpg'} is not in the bundle: it is not a "
            "picture (PNG, JPEG, GIF, WebP, TIFF, BMP)\n") in messages + "\n", messages
    assert (f"{folder / 'house.ttf'} is not in the bundle: it is not a TrueType or OpenType "
            "font") in messages, messages



def test_the_report_names_the_kit_file_the_bundle_holds(tmp_path: Path) -> None:
    folder = copy_folder(NORTHBRIDGE_KIT.parent, tmp_path / "kit")
    report = write_bundle(folder / NORTHBRIDGE_KIT.name, tmp_path / "kit.presskitz")
    assert report.kit == NORTHBRIDGE_KIT.name  # what `presskit bundle` prints
    assert report.kit in {entry.name for entry in report.entries}


def test_a_pipe_named_as_a_photo_is_left_out_without_waiting_for_a_writer(
    tmp_path: Path,
) -> None:
    import os
    import threading

    folder = copy_folder(NORTHBRIDGE_KIT.parent, tmp_path / "kit")
    photo = folder / "assets" / "expert-05.jpg"
    photo.unlink()
    os.mkfifo(photo)
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.extend(
        write_bundle(folder / NORTHBRIDGE_KIT.name, tmp_path / "kit.presskitz").messages()),
        daemon=True)
    worker.start()
    worker.join(60)  # an open that waits for a writer would wait for ever
    assert not worker.is_alive(), "bundling waited on the pipe"
    assert any(f"{photo} is not in the bundle: it is not a file" in m for m in done), done
