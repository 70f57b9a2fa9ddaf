"""The app writes only what the user named, and never destroys an input: a kit opened
through a symbolic link, or an export whose chosen name is a link, is refused with a dialog
saying why (the file the link points to untouched, an unsaved kit still unsaved: Save As
still works), and so is an export or draft chosen over the kit or a picture it uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.gui_actions import Dialogs

from presskit.gui.document.commands import SetValue
from presskit.storage import load_kit


def test_a_kit_opened_through_a_link_is_not_saved_through_it_and_stays_modified(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut.presskit"
    link.symlink_to(cnas_copy)
    before = cnas_copy.read_bytes()
    window = make_window()
    assert window.open_project(link)
    window.document.push(SetValue(window.document, ("title",), "Edited"))
    window.actions_.save.trigger()
    [(text, details)] = dialogs.asked["error"]
    assert text == "“shortcut.presskit” could not be saved."
    assert details.startswith(f"cannot write {link}: it is a symbolic link;")
    assert cnas_copy.read_bytes() == before and link.is_symlink()
    assert window.document.is_modified and window.isWindowModified()

    saved_as = tmp_path / "edited.presskit"
    dialogs.answer("save_path", saved_as)
    window.actions_.save_as.trigger()
    assert load_kit(saved_as).kit.title == "Edited"
    assert not window.document.is_modified


def test_an_export_to_a_name_that_is_a_link_is_refused_and_its_target_untouched(
    cnas_window: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    outside = tmp_path / "profile"
    outside.write_bytes(b"keep me\n")
    link = tmp_path / "kit.pdf"
    link.symlink_to(outside)
    dialogs.answer("export_path", link)
    cnas_window.actions_.export.trigger()
    [(text, details)] = dialogs.asked["error"]
    assert text == "“kit.pdf” could not be written."
    assert "it is a symbolic link" in details
    assert outside.read_bytes() == b"keep me\n" and link.is_symlink()


def test_exporting_the_pdf_over_the_kits_own_logo_is_refused_before_anything_is_written(
    cnas_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    logo = cnas_copy.parent / "assets" / "logo.png"
    original = logo.read_bytes()
    dialogs.answer("export_path", logo)
    cnas_window.actions_.export.trigger()
    [(text, details)] = dialogs.asked["error"]
    assert text == "“logo.png” could not be written."
    assert details == f"{logo} is the kit's logo; choose another name for the export"
    assert logo.read_bytes() == original


def test_an_email_draft_saved_over_the_kit_itself_is_refused_and_the_kit_kept(
    cnas_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    original = cnas_copy.read_bytes()
    dialogs.answer("draft_options", False)  # no PDF attached
    dialogs.answer("draft_path", cnas_copy)
    assert not cnas_window.share.save_email_draft()
    [(text, details)] = dialogs.asked["error"]
    assert details == f"{cnas_copy} is the kit itself; choose another name for the draft"
    assert cnas_copy.read_bytes() == original
