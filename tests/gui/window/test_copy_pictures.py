"""Copy for E-mail's pictures as a mail client finds them on the clipboard: files on this
computer named by ``file://`` address (what Outlook and Apple Mail take into a message on
paste), or the web address the user hosts them at (Preferences), never ``data:`` URIs; and
Export E-mail Body…, which writes what ``presskit export --format email`` writes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu
from support.examples import NORTHBRIDGE_KIT, copy_folder
from support.format_reading import read_html
from support.gui_actions import Dialogs
from support.gui_dialogs import when_dialog

from presskit.cli.main import main
from presskit.gui.dialogs.draft_options import IMAGE_BASE_SETTING
from presskit.gui.dialogs.preferences import PreferencesDialog
from presskit.gui.document.commands import SetValue
from presskit.gui.window.main_window import MainWindow


@pytest.fixture
def northbridge_window(window: MainWindow, tmp_path: Path, dialogs: Dialogs) -> MainWindow:
    folder = copy_folder(NORTHBRIDGE_KIT.parent, tmp_path / "northbridge")
    assert window.open_project(folder / NORTHBRIDGE_KIT.name)
    # The kit is a draft, so each copy or export starts with the pre-flight check: go on.
    dialogs.answer("preflight", True, True)
    return window


def copied_sources() -> tuple[str, list[str]]:
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    return data.html(), read_html(data.html()).attribute("src")


def test_the_clipboard_names_picture_files_that_stay_where_it_says(
        northbridge_window: MainWindow) -> None:
    QGuiApplication.clipboard().setMimeData(QMimeData())
    assert northbridge_window.share.copy_email()
    html, sources = copied_sources()
    assert "data:" not in html and "cid:" not in html
    files = {Path(QUrl(src).toLocalFile()) for src in sources}
    assert len(sources) == 25 and len(files) == 13
    assert all(QUrl(src).scheme() == "file" for src in sources)
    [folder] = {path.parent for path in files}
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files)
    for path in files:
        Image.open(io.BytesIO(path.read_bytes())).verify()
    assert "logo.png" in {p.name for p in files}

    # A photo taken out of the kit goes from the folder at the next copy; the rest stay.
    document = northbridge_window.document
    document.push(SetValue(document, ("experts", 3, "photo"), None))
    assert northbridge_window.share.copy_email()
    _html, again = copied_sources()
    now = {Path(QUrl(src).toLocalFile()) for src in again}
    assert len(now) == 12 and now < files
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in now)


def test_pictures_hosted_at_the_address_in_preferences_are_referred_to_there(
        qtbot: Any, northbridge_window: MainWindow) -> None:
    def type_address(dialog: PreferencesDialog) -> None:
        qtbot.keyClicks(dialog.image_base_edit, "ftp://example.org")
        assert "not a web address" in dialog.image_base_status.text()
        dialog.image_base_edit.clear()
        qtbot.keyClicks(dialog.image_base_edit, "https://press.example.org/arctic")
        assert dialog.image_base_status.text() == ""
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_dialog(PreferencesDialog, type_address)
    northbridge_window.library.preferences.trigger()
    assert northbridge_window.settings.get(IMAGE_BASE_SETTING) == "https://press.example.org/arctic"
    assert northbridge_window.share.copy_email()
    html, sources = copied_sources()
    assert len(sources) == 25 and "data:" not in html
    assert all(src.startswith("https://press.example.org/arctic/") for src in sources)
    assert "https://press.example.org/arctic/logo.png" in sources


def test_export_email_body_writes_what_the_command_line_writes(
        northbridge_window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialogs.answer("email_page_path", out / "arctic advisory")
    menu = northbridge_window.menuBar().findChild(QMenu, "fileMenu")
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == "Export E-mail Body…"]
    action.trigger()
    html, folder = out / "arctic advisory.html", out / "arctic advisory_files"
    assert sorted(p.name for p in out.iterdir()) == [
        "arctic advisory.html", "arctic advisory.txt", "arctic advisory_files"]
    sources = read_html(html.read_text(encoding="utf-8")).attribute("src")
    assert len(sources) == 25
    assert all(src.startswith("arctic%20advisory_files/") for src in sources)
    assert "Saved the e-mail body" in northbridge_window.statusBar().currentMessage()

    kit = northbridge_window.document.path
    assert kit is not None
    cli = tmp_path / "cli"
    cli.mkdir()
    assert main(["export", str(kit), "-f", "email", "-o", str(cli / "arctic advisory")]) == 0
    for name in ("arctic advisory.html", "arctic advisory.txt"):
        assert (cli / name).read_bytes() == (out / name).read_bytes()
    cli_folder = cli / "arctic advisory_files"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        p.name: p.read_bytes() for p in cli_folder.iterdir()}


def test_export_email_body_over_the_kits_logo_folder_is_refused(
        northbridge_window: MainWindow, dialogs: Dialogs) -> None:
    kit = northbridge_window.document.path
    assert kit is not None
    # "assets.html" would put its pictures in assets_files/, not over assets/logo.png; a
    # link named like the pictures' folder is refused when writing, never written through.
    (kit.parent / "elsewhere").mkdir()
    (kit.parent / "advisory_files").symlink_to(kit.parent / "elsewhere")
    dialogs.answer("email_page_path", kit.parent / "advisory.html")
    assert not northbridge_window.share.export_email_body()
    [(_text, details)] = dialogs.asked["error"]
    assert "is a link" in details
    assert not (kit.parent / "advisory.html").exists()
    assert list((kit.parent / "elsewhere").iterdir()) == []
