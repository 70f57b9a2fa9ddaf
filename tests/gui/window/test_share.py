"""Sharing a kit from the app, as a user does it: File ▸ Copy for E-mail and a paste, an e-mail
draft saved to disk, a bundle saved and opened again in another folder, a hostile bundle
refused, and the questions asked first."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu
from support.bundle_archives import listing, member, write_archive
from support.editor_helpers import drop_on
from support.examples import NORTHBRIDGE_KIT, copy_folder
from support.format_reading import read_html, read_message
from support.gui_actions import Dialogs, click_check_box, outline_view
from support.pdf_reading import assert_in_order

from presskit.formats.bundle import write_bundle
from presskit.gui.document.commands import SetValue
from presskit.gui.widgets.prompts import UnsavedChoice
from presskit.gui.window.main_window import MainWindow
from presskit.model.wording import display_name
from presskit.storage import load_kit


def file_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().findChild(QMenu, "fileMenu")
    assert isinstance(menu, QMenu)
    return menu


def choose(window: MainWindow, label: str) -> None:
    """Choose ``label`` (as shown, without its mnemonic) in the File menu."""
    menu = file_menu(window)
    menu.aboutToShow.emit()
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == label]
    assert action.isEnabled(), f"{label} is disabled"
    action.trigger()


def clear_clipboard() -> None:
    QGuiApplication.clipboard().setMimeData(QMimeData())


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


# Copy for E-mail.

def test_copy_for_email_puts_the_formatted_kit_and_its_text_on_the_clipboard(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    clear_clipboard()
    cnas_window.activateWindow()
    qtbot.keyClick(cnas_window.outline, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    data = QGuiApplication.clipboard().mimeData()
    assert {"text/html", "text/plain"} <= set(data.formats())
    kit = cnas_window.document.kit
    names = [display_name(e) for e in kit.experts]
    page = read_html(data.html())
    assert_in_order(page.text, [kit.title, *names])
    assert "<script" not in data.html().lower()
    # Pictures are files the HTML names by file:// address (Outlook and Apple Mail take them
    # into the message): a pasted cid: reference would point nowhere, and Outlook for
    # Windows and Gmail show no data: URIs.
    sources = page.attribute("src")
    assert sources and all(QUrl(src).isLocalFile() and Path(QUrl(src).toLocalFile()).is_file()
                           for src in sources)
    assert "data:" not in data.html()

    lines = data.text().splitlines()
    signed = [line for line in lines if line.startswith("— ")]
    assert [line.split(",")[0] for line in signed] == [f"— {name}" for name in names]
    assert "— Duyeon Kim, Adjunct Senior Fellow for Asia-Pacific Security" in lines
    assert "Copied" in status(cnas_window) and kit.title in status(cnas_window)


def test_copying_a_kit_with_a_missing_photo_copies_and_says_what_is_missing(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """The Northbridge kit shows headshots (the CNAS one does not)."""
    copy_folder(NORTHBRIDGE_KIT.parent, tmp_path / "northbridge")
    assert window.open_project(tmp_path / "northbridge" / NORTHBRIDGE_KIT.name)
    clear_clipboard()
    document = window.document
    name = document.kit.experts[0].name
    document.push(SetValue(document, ("experts", 0, "photo"), tmp_path / "gone.jpg"))
    dialogs.answer("preflight", True)
    choose(window, "Copy for E-mail")
    # The pre-flight check said so before anything was made, and so does the copy.
    [(problems, _select)] = dialogs.asked["preflight"]
    assert any("gone.jpg" in p.message for p in problems)
    assert name in QGuiApplication.clipboard().mimeData().html()
    [(text, lines)] = dialogs.asked["warnings"]
    assert text.startswith("Copied") and "1 warning" in text
    [line] = lines
    assert "gone.jpg" in line and name in line
    assert "1 warning" in status(window)


def test_a_kit_with_errors_is_not_copied(cnas_window: MainWindow, dialogs: Dialogs) -> None:
    clear_clipboard()
    document = cnas_window.document
    document.push(SetValue(document, ("sections", 1, "contact"), "nobody"))
    dialogs.answer("preflight", False)
    choose(cnas_window, "Copy for E-mail")
    [(problems, _select)] = dialogs.asked["preflight"]
    assert any(p.is_error and "nobody" in p.message for p in problems)
    assert not QGuiApplication.clipboard().mimeData().hasHtml()
    assert status(cnas_window).startswith("Not copied")


# Save as E-mail Draft.

def test_the_draft_is_written_where_chosen_with_both_alternatives(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    target = tmp_path / "mail" / "advisory.eml"
    target.parent.mkdir()
    dialogs.answer("draft_options", False)  # no PDF attached
    dialogs.answer("draft_path", target)
    choose(cnas_window, "Save as E-mail Draft…")

    assert dialogs.asked["draft_path"] == [(cnas_copy.with_suffix(".eml"),)]  # beside the kit
    message = read_message(target.read_bytes())
    kit = cnas_window.document.kit
    assert kit.title in message["Subject"]
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    assert "— Duyeon Kim, Adjunct Senior Fellow" in plain.get_content()
    assert_in_order(read_html(html.get_content()).text,
                    [kit.title, *(display_name(e) for e in kit.experts)])
    assert status(cnas_window) == "Saved the e-mail draft advisory.eml"


def test_a_draft_that_cannot_be_written_says_so_and_leaves_nothing(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "advisory.eml"
    dialogs.answer("draft_options", False)  # no PDF attached
    dialogs.answer("draft_path", target)
    choose(cnas_window, "Save as E-mail Draft…")
    [(text, details)] = dialogs.asked["error"]
    assert "advisory.eml" in text and "could not be written" in text
    assert "no-such-folder" in details
    assert not target.parent.exists()


# Bundles.

def test_a_bundle_opened_in_another_folder_is_the_same_kit(
    cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    kit = cnas_window.document.kit
    bundle = tmp_path / "shared" / "cnas.presskitz"
    bundle.parent.mkdir()
    dialogs.answer("bundle_save_path", bundle)
    choose(cnas_window, "Save as Bundle…")
    assert dialogs.asked["bundle_save_path"] == [(cnas_copy.with_suffix(".presskitz"),)]
    assert bundle.is_file() and status(cnas_window).startswith("Saved the bundle cnas.presskitz")
    assert "save_before_bundling" not in dialogs.asked  # it was saved already
    assert "warnings" not in dialogs.asked

    elsewhere = tmp_path / "colleague"
    dialogs.answer("bundle_open_path", bundle)
    dialogs.answer("unpack_folder", elsewhere)
    choose(cnas_window, "Open Bundle…")

    assert dialogs.asked["unpack_folder"] == [(bundle, bundle.parent)]
    opened = elsewhere / "cnas-responds.presskit"
    assert cnas_window.document.path == opened
    assert cnas_window.document.kit.title == kit.title
    assert ([(e.name, e.title) for e in cnas_window.document.kit.experts]
            == [(e.name, e.title) for e in kit.experts])
    assert cnas_window.windowFilePath() == str(opened)
    # Two recent kits of this name now: the folder tells them apart.
    assert cnas_window.windowTitle() == "cnas-responds.presskit[*] — colleague — presskit"
    # The logo came along: the unpacked kit points inside its own folder.
    logo = cnas_window.document.kit.brand.logo
    assert logo is not None and logo.is_relative_to(elsewhere) and logo.is_file()
    assert str(elsewhere) in status(cnas_window)


@pytest.mark.parametrize("hostile", [
    member("../evil.txt", b"owned"),
    member("photos/link.jpg", b"/etc/passwd", mode=stat.S_IFLNK | 0o777),
], ids=["outside the folder", "a link"])
def test_a_hostile_bundle_is_refused_writes_nothing_and_keeps_the_open_kit(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path,
    hostile: Any,
) -> None:
    click_check_box(qtbot, outline_view(cnas_window), 0)  # an unsaved change to keep
    document = cnas_window.document
    bundle = write_archive(tmp_path / "hostile.presskitz", [hostile])
    folder = tmp_path / "inbox" / "unpacked"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    before = listing(tmp_path / "inbox")

    dialogs.answer("bundle_open_path", bundle)
    dialogs.answer("unpack_folder", folder)
    dialogs.answer("unsaved_changes", UnsavedChoice.DISCARD)
    choose(cnas_window, "Open Bundle…")

    [(text, details)] = dialogs.asked["error"]
    assert "hostile.presskitz" in text
    assert hostile[0].filename in details and "nothing was written" in details
    assert listing(tmp_path / "inbox") == before
    assert not (tmp_path / "inbox" / "evil.txt").exists()
    assert cnas_window.document is document and document.path == cnas_copy
    assert document.kit.sections[0].hidden and cnas_window.isWindowModified()


def test_an_unsaved_kit_is_saved_before_it_is_bundled(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    click_check_box(qtbot, outline_view(cnas_window), 0)
    bundle = tmp_path / "kit.presskitz"

    dialogs.answer("save_before_bundling", False)
    choose(cnas_window, "Save as Bundle…")
    assert dialogs.asked["save_before_bundling"] == [("cnas-responds.presskit",)]
    assert not bundle.exists() and "bundle_save_path" not in dialogs.asked
    assert cnas_window.isWindowModified() and not load_kit(cnas_copy).kit.sections[0].hidden

    dialogs.answer("save_before_bundling", True)
    dialogs.answer("bundle_save_path", bundle)
    choose(cnas_window, "Save as Bundle…")
    assert not cnas_window.isWindowModified() and load_kit(cnas_copy).kit.sections[0].hidden
    dialogs.answer("bundle_open_path", bundle)
    dialogs.answer("unpack_folder", tmp_path / "out")
    choose(cnas_window, "Open Bundle…")
    assert cnas_window.document.path == tmp_path / "out" / "cnas-responds.presskit"
    assert cnas_window.document.kit.sections[0].hidden  # the bundle has the change


def test_a_new_kit_is_saved_through_save_as_before_it_is_bundled(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.answer("preflight", True)  # an empty kit has plenty to say
    dialogs.answer("save_before_bundling", True)
    dialogs.answer("save_path", tmp_path / "fresh.presskit")
    dialogs.answer("bundle_save_path", tmp_path / "fresh.presskitz")
    choose(window, "Save as Bundle…")
    assert dialogs.asked["save_before_bundling"] == [("Untitled",)]
    assert dialogs.asked["bundle_save_path"] == [(tmp_path / "fresh.presskitz",)]
    assert (tmp_path / "fresh.presskit").is_file() and (tmp_path / "fresh.presskitz").is_file()


def test_cancelling_the_unsaved_changes_question_unpacks_nothing(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    bundle = write_bundle(cnas_copy, tmp_path / "kit.presskitz").path
    click_check_box(qtbot, outline_view(cnas_window), 0)
    dialogs.answer("bundle_open_path", bundle)
    dialogs.answer("unpack_folder", tmp_path / "out")
    dialogs.answer("unsaved_changes", UnsavedChoice.CANCEL)
    choose(cnas_window, "Open Bundle…")
    assert not (tmp_path / "out").exists()
    assert cnas_window.document.path == cnas_copy and cnas_window.isWindowModified()


def test_dropping_a_bundle_on_the_window_unpacks_and_opens_it(
    qtbot: Any, window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    bundle = write_bundle(cnas_copy, tmp_path / "dropped.presskitz").path
    dialogs.answer("unpack_folder", tmp_path / "out")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(bundle))])
    assert drop_on(window, data, window.rect().center(), Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: window.document.path == tmp_path / "out" / "cnas-responds.presskit")
    assert dialogs.asked["unpack_folder"] == [(bundle, bundle.parent)]


# The menu.

def test_the_file_menu_offers_sharing_with_distinct_mnemonics(window: MainWindow) -> None:
    menu = file_menu(window)
    entries = [a for a in menu.actions() if not a.isSeparator()]
    texts = [a.text() for a in entries]
    for text in ("Copy for E-&mail", "Save as E-mail Dra&ft…", "Save as B&undle…",
                 "Open &Bundle…"):
        assert text in texts
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(texts) and len(set(keys)) == len(keys), texts
    [copy] = [a for a in entries if a.text() == "Copy for E-&mail"]
    assert isinstance(copy, QAction) and copy.shortcut().toString() == "Ctrl+Shift+C"
