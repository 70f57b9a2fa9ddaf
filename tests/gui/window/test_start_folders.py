"""Every file dialog opens where the user would look: the last folder chosen for that kind of
file, else the kit's own folder (never the home folder while a kit is open), and Open Bundle
proposes a new folder named after the bundle instead of asking for an existing one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from support.gui_actions import Dialogs

from presskit.formats.bundle import write_bundle
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.widgets.folder_choice import FolderChoice, free_folder
from presskit.gui.window.main_window import MainWindow


def test_export_of_an_untitled_kit_opens_in_the_last_kits_folder_not_home(
    window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    dialogs.answer("open_path", cnas_copy)
    window.open_dialog()
    assert window.new_project()
    dialogs.answer("preflight", True)  # a new kit is an empty draft: the check comes first
    dialogs.answer("export_path", None)

    window.export_dialog()

    [(suggested,)] = dialogs.asked["export_path"]
    assert suggested.parent == cnas_copy.parent


def test_each_kind_of_file_remembers_its_own_folder(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[Path] = []

    def spreadsheet(_parent: Any, folder: Path) -> tuple[None, bool]:
        asked.append(folder)
        return None, False

    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, *a: spreadsheet(*a)))
    cnas_window.library.import_spreadsheet()
    assert asked == [cnas_copy.parent]  # the kit's folder, where its files are

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    dialogs.answer("draft_options", False)
    dialogs.answer("draft_path", drafts / "advisory.eml")
    assert cnas_window.share.save_email_draft()
    dialogs.answer("draft_options", False)
    dialogs.answer("draft_path", None)
    cnas_window.share.save_email_draft()
    assert [p.parent for (p,) in dialogs.asked["draft_path"]] == [cnas_copy.parent, drafts]
    cnas_window.library.import_spreadsheet()
    assert asked[-1] == cnas_copy.parent  # spreadsheets have their own memory


def test_open_bundle_proposes_a_new_folder_named_after_it_and_makes_it(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, tmp_path: Path,
    dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = tmp_path / "mail" / "cnas.presskitz"
    bundle.parent.mkdir()
    write_bundle(cnas_copy, bundle)
    (bundle.parent / "cnas").mkdir()  # taken: the next free name is proposed
    monkeypatch.undo()  # the real Prompts.unpack_folder, with its dialog
    shown: list[FolderChoice] = []

    def accept(dialog: FolderChoice) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert "will be made" in dialog.note.text()
        dialog.unpack.click()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(FolderChoice, "exec", accept)
    assert cnas_window.share.open_bundle(bundle)

    [dialog] = shown
    assert dialog.folder() == bundle.parent / "cnas 2"
    assert cnas_window.document.path == bundle.parent / "cnas 2" / "cnas-responds.presskit"


def test_the_unpack_folder_dialog_says_what_will_happen_and_refuses_a_file(
    qtbot: Any, tmp_path: Path
) -> None:
    bundle = tmp_path / "kit.presskitz"
    bundle.write_bytes(b"")
    dialog = FolderChoice(None, bundle)
    qtbot.addWidget(dialog)
    assert dialog.folder() == tmp_path / "kit" == free_folder(tmp_path, "kit")
    assert dialog.unpack.isEnabled()

    dialog.path.setText(str(bundle))
    assert "not a folder" in dialog.note.text() and not dialog.unpack.isEnabled()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("x")
    dialog.path.setText(str(tmp_path / "full"))
    assert "already holds 1 item" in dialog.note.text() and dialog.unpack.isEnabled()
    dialog.path.setText(str(tmp_path / "no" / "such" / "place"))
    assert "no folder" in dialog.note.text() and not dialog.unpack.isEnabled()
    dialog.path.setText("relative/name")
    assert not dialog.unpack.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel) is not None
