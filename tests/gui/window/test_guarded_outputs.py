"""No command of the app replaces what the open kit reads (its file, logo, fonts, photos) or
the roster: Save As…, Save as Bundle…, Save as E-mail Draft…, Export PDF… and Brand ▸ Export
Preset… aimed at one of them show presskit's message in a dialog and write nothing; the kit
stays as it was, modified or not. Export Preset… packs only pictures and fonts, read like any
input, and suggests a file of the chosen folder whatever the preset's name."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.gui_actions import Dialogs
from support.roster_data import write_roster

from presskit.gui.dialogs.brand_presets import BrandPrompts
from presskit.gui.document.commands import SetValue
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.window.main_window import MainWindow
from presskit.library.paths import ROSTER_ENV


@pytest.fixture(autouse=True)
def roster_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "team" / "roster.yaml"
    path.parent.mkdir()
    write_roster(path)
    monkeypatch.setenv(ROSTER_ENV, str(path))
    return path


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> None:
    monkeypatch.setattr(BrandPrompts, name, classmethod(lambda cls, *_a, **_k: (value, True)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def logo_of(kit: Path) -> Path:
    return kit.parent / "assets" / "logo.png"


def test_save_as_over_the_kits_own_logo_is_refused_and_the_kit_stays_modified(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    logo = logo_of(cnas_copy)
    before = digest(logo), digest(cnas_copy)
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Edited"))
    dialogs.answer("save_path", logo)
    cnas_window.actions_.save_as.trigger()
    [(text, details)] = dialogs.asked["error"]
    assert text == "“logo.png” could not be saved."
    assert details == f"{logo} is the kit's logo; choose another name for the kit"
    assert (digest(logo), digest(cnas_copy)) == before
    assert document.is_modified and document.path == cnas_copy
    assert cnas_window.isWindowModified()


def test_save_as_onto_the_kits_own_file_is_still_a_save(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Edited"))
    dialogs.answer("save_path", cnas_copy)
    cnas_window.actions_.save_as.trigger()
    assert "error" not in dialogs.asked
    assert not document.is_modified and b"title: Edited" in cnas_copy.read_bytes()


def _save_as(window: MainWindow, dialogs: Dialogs, target: Path) -> None:
    dialogs.answer("save_path", target)
    window.actions_.save_as.trigger()


def _bundle(window: MainWindow, dialogs: Dialogs, target: Path) -> None:
    dialogs.answer("bundle_save_path", target)
    window.share.save_bundle_action.trigger()


def _draft(window: MainWindow, dialogs: Dialogs, target: Path) -> None:
    dialogs.answer("draft_options", False)  # asked first where drafts may carry the PDF
    dialogs.answer("draft_path", target)
    window.share.draft_action.trigger()


def _pdf(window: MainWindow, dialogs: Dialogs, target: Path) -> None:
    dialogs.answer("export_path", target)
    window.actions_.export.trigger()


@pytest.mark.parametrize(("command", "title", "what"), [
    (_save_as, "could not be saved.", "kit"),
    (_bundle, "could not be made.", "bundle"),
    (_draft, "could not be written.", "draft"),
    (_pdf, "could not be written.", "export"),
])
def test_no_command_writes_over_the_roster(
    cnas_window: MainWindow, cnas_copy: Path, roster_file: Path, dialogs: Dialogs,
    command: Callable[[MainWindow, Dialogs, Path], None], title: str, what: str,
) -> None:
    before = digest(roster_file), digest(cnas_copy)
    link = cnas_copy.parent / "team-roster.yaml"  # another spelling of it: the same file
    link.symlink_to(roster_file)
    command(cnas_window, dialogs, link)
    [(text, details)] = dialogs.asked["error"]
    assert text == f"“team-roster.yaml” {title}"
    assert details == f"{link} is the roster; choose another name for the {what}"
    assert (digest(roster_file), digest(cnas_copy)) == before
    assert cnas_window.document.path == cnas_copy and not cnas_window.document.is_modified
    assert cnas_window.library.store.ok


# Brand ▸ Export Preset…

def _keep_brand_as_preset(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, "preset_name", "Theirs")
    assert window.library.brands.save_as_preset()


def test_export_preset_over_the_open_kit_is_refused(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _keep_brand_as_preset(cnas_window, monkeypatch)
    before = digest(cnas_copy)
    answer(monkeypatch, "file_to_export", cnas_copy)
    assert not cnas_window.library.brands.export_preset("Theirs")
    [(text, details)] = dialogs.asked["error"]
    assert text == "The brand preset “Theirs” could not be exported."
    assert details == f"{cnas_copy} is the kit itself; choose another name for the preset"
    assert digest(cnas_copy) == before


def test_export_preset_of_a_logo_linked_to_a_private_key_is_refused_and_nothing_written(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "home" / ".ssh" / "id_rsa"
    secret.parent.mkdir(parents=True)
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nSECRET\n")
    logo = logo_of(cnas_copy)
    logo.unlink()
    logo.symlink_to(secret)  # a stranger's kit
    window = make_window()
    assert window.open_project(cnas_copy)
    _keep_brand_as_preset(window, monkeypatch)
    target = tmp_path / "theirs.presskit-brand"
    answer(monkeypatch, "file_to_export", target)
    assert not window.library.brands.export_preset("Theirs")
    [(text, details)] = dialogs.asked["error"]
    assert text == "The brand preset “Theirs” could not be exported."
    assert details.endswith(f"its logo {logo} cannot be packed: it is not a picture (PNG, "
                            "JPEG, GIF, WebP, TIFF, BMP or SVG); choose another file for it in "
                            "Brand ▸ Edit Presets…")
    assert not target.exists()


def test_export_preset_suggests_a_file_of_the_folder_whatever_the_name(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, "preset_name", "../../../.config/autostart/evil\u202eknird\x1b[2J")
    assert window.library.brands.save_as_preset()
    assert "\u202e" not in window.statusBar().currentMessage()
    preset = window.library.store.roster.brands[-1]
    assert preset.name == "../../../.config/autostart/evilknird[2J"
    folder = tmp_path / "Documents"
    folder.mkdir()
    window.settings.remember_folder("last_brand_folder", folder)
    suggested: list[Path] = []
    monkeypatch.setattr(BrandPrompts, "file_to_export", classmethod(
        lambda cls, _parent, path: (suggested.append(path), (None, False))[1]))
    assert not window.library.brands.export_preset(preset.name)
    assert suggested == [folder / "config-autostart-evilknird[2J.presskit-brand"]


def test_export_to_spreadsheet_over_the_open_kit_or_its_logo_is_refused(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("title",), "Edited"))
    for target, what in ((cnas_copy, "the kit itself"), (logo_of(cnas_copy), "the kit's logo")):
        before = digest(target)
        monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_export",
                            classmethod(lambda cls, _parent, _suggested, t=target: (t, True)))
        assert not cnas_window.library.export_spreadsheet()
        assert dialogs.asked["error"][-1] == (
            f"“{target.name}” could not be written.",
            f"{target} is {what}; choose another name for the spreadsheet")
        assert digest(target) == before
    assert document.is_modified and document.path == cnas_copy
