"""Files and safety, as a user meets them: the unsaved-changes question, a bad file, dropping
a kit on the window, Open Recent, Save As, and the pre-flight list before export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import support.pdf_reading as pdf_reading
from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from support.editor_helpers import drop_on
from support.gui_actions import CNAS_ORDER, Dialogs, click_check_box, outline_view, section_ids

from presskit.gui.dialogs.preflight import PreflightDialog
from presskit.gui.document.commands import SetValue
from presskit.gui.settings import MAX_RECENT_FILES, config_dir
from presskit.gui.widgets.prompts import Prompts, UnsavedChoice
from presskit.gui.window.main_window import MainWindow
from presskit.model import ApprovalState, Kit
from presskit.storage import load_kit, save_kit


def hide_first_section(qtbot: Any, window: MainWindow) -> None:
    click_check_box(qtbot, outline_view(window), 0)
    assert window.document.kit.sections[0].hidden and window.isWindowModified()


# The unsaved-changes question.

def test_cancel_keeps_the_window_and_the_changes(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs
) -> None:
    hide_first_section(qtbot, cnas_window)
    dialogs.answer("unsaved_changes", UnsavedChoice.CANCEL)
    assert not cnas_window.close()
    assert cnas_window.isVisible() and cnas_window.document.kit.sections[0].hidden
    assert dialogs.asked["unsaved_changes"] == [("cnas-responds.presskit",)]


def test_discard_closes_and_leaves_the_file_as_it_was(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    before = cnas_copy.read_bytes()
    hide_first_section(qtbot, cnas_window)
    dialogs.answer("unsaved_changes", UnsavedChoice.DISCARD)
    cnas_window.actions_.quit.trigger()
    assert not cnas_window.isVisible()
    assert cnas_copy.read_bytes() == before


def test_save_writes_the_changes_then_closes(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    hide_first_section(qtbot, cnas_window)
    dialogs.answer("unsaved_changes", UnsavedChoice.SAVE)
    assert cnas_window.close()
    assert load_kit(cnas_copy).kit.sections[0].hidden


def test_new_asks_first_and_a_new_kit_saves_through_save_as(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    hide_first_section(qtbot, cnas_window)
    dialogs.answer("unsaved_changes", UnsavedChoice.DISCARD)
    cnas_window.actions_.new.trigger()
    assert cnas_window.document.path is None
    assert cnas_window.windowTitle() == "Untitled[*] — presskit"
    assert not cnas_window.isWindowModified()
    # The new kit has a headline and no errors, so it can be saved and reopened at once.
    dialogs.answer("save_path", tmp_path / "fresh")
    cnas_window.outline.add_actions[next(iter(cnas_window.outline.add_actions))].trigger()
    cnas_window.actions_.save.trigger()
    assert (tmp_path / "fresh.presskit").is_file()
    assert cnas_window.windowTitle() == "fresh.presskit[*] — presskit"
    assert load_kit(tmp_path / "fresh.presskit").kit.title


def test_the_real_question_offers_save_discard_and_cancel(qtbot: Any) -> None:
    """The unpatched dialog, answered by clicking its Discard button."""
    seen: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text().replace("&", "") for b in box.buttons())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    choice, accepted = Prompts.unsaved_changes(parent, "kit.presskit")
    assert (choice, accepted) == (UnsavedChoice.DISCARD, True)
    assert {"Save", "Cancel"} <= set(seen) and any("Discard" in text or "Close" in text
                                                   for text in seen)


# A bad file.

def test_a_bad_file_shows_where_it_is_wrong_and_keeps_the_current_kit(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    hide_first_section(qtbot, cnas_window)
    document, kit = cnas_window.document, cnas_window.document.kit
    bad = tmp_path / "bad.presskit"
    text = cnas_copy.read_text(encoding="utf-8")
    bad.write_text(text.replace("expert: neil-bhatiya", "expert: nobody"), encoding="utf-8")
    line = text[: text.index("expert: neil-bhatiya")].count("\n") + 1

    dialogs.answer("open_path", bad)
    cnas_window.actions_.open.trigger()

    [(message, details)] = dialogs.asked["error"]
    assert "bad.presskit" in message
    assert f"bad.presskit:{line}:" in details and "nobody" in details
    assert cnas_window.document is document and cnas_window.document.kit is kit
    assert kit.sections[0].hidden and cnas_window.isWindowModified()
    assert cnas_window.windowTitle().startswith("cnas-responds.presskit")
    assert "unsaved_changes" not in dialogs.asked  # nothing to ask: nothing was opened


def test_malformed_yaml_reports_its_line_and_column(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.presskit"
    bad.write_text("presskit: 1\nkit:\n  title: [unclosed\n", encoding="utf-8")
    assert not cnas_window.open_project(bad)
    [(_message, details)] = dialogs.asked["error"]
    assert details.startswith(f"{bad}:") and ": error: " in details
    assert section_ids(cnas_window) == CNAS_ORDER


# Dropping a kit on the window.

def drop_files(target: QWidget, paths: list[Path]) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return drop_on(target, data, target.rect().center(), Qt.DropAction.CopyAction)


def test_dropping_a_kit_on_the_window_opens_it(
    qtbot: Any, window: MainWindow, cnas_copy: Path
) -> None:
    assert not drop_files(window, [cnas_copy.with_suffix(".txt")])
    assert drop_files(window, [cnas_copy])
    qtbot.waitUntil(lambda: window.document.path == cnas_copy)
    assert section_ids(window) == CNAS_ORDER


def test_dropping_a_kit_on_the_outline_opens_it_too(
    qtbot: Any, window: MainWindow, cnas_copy: Path
) -> None:
    """The outline takes drops (its own rows); a project file still reaches the window."""
    assert drop_files(outline_view(window).viewport(), [cnas_copy])
    qtbot.waitUntil(lambda: window.document.path == cnas_copy)


# Open Recent.

def test_recent_files_most_recent_first_at_most_ten_missing_ones_dropped(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    # Small kits (a headline each): the menu is what is tested, not opening the example
    # twelve times over.
    copies = []
    for n in range(MAX_RECENT_FILES + 2):
        copy = tmp_path / f"kit-{n}.presskit"
        save_kit(Kit(title=f"Kit {n}"), copy)
        copies.append(copy)
    for copy in copies:
        assert window.open_project(copy)
    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.toolTip().endswith(".presskit")]
    assert [Path(a.toolTip()).name for a in entries] == [
        f"kit-{n}.presskit" for n in range(MAX_RECENT_FILES + 1, 1, -1)]

    # Kept as JSON in the config dir.
    stored = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert stored["recent_files"][0] == str(copies[-1].resolve())

    copies[-2].unlink()
    menu.aboutToShow.emit()
    names = [Path(a.toolTip()).name for a in menu.actions() if a.toolTip().endswith(".presskit")]
    assert "kit-10.presskit" not in names and names[0] == "kit-11.presskit"

    # Choosing an entry opens it, and it moves to the top.
    [entry] = [a for a in menu.actions() if a.toolTip().endswith("kit-5.presskit")]
    entry.trigger()
    assert window.document.path == copies[5]
    menu.aboutToShow.emit()
    assert menu.actions()[0].toolTip().endswith("kit-5.presskit")


# Export: the pre-flight list and its answers.

def make_quote_pending(window: MainWindow) -> None:
    document = window.document
    document.push(SetValue(document, ("quotes", 1, "approval", "state"), ApprovalState.PENDING))


def test_export_with_a_warning_asks_first_then_writes(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    make_quote_pending(cnas_window)
    target = tmp_path / "advisory.pdf"
    dialogs.answer("export_path", target, target)
    dialogs.answer("preflight", False, True)

    cnas_window.actions_.export.trigger()
    assert not target.exists()  # the user said no
    [problem] = dialogs.asked["preflight"][0][0]
    assert "rosenberg-inducements" in problem.message and "pending" in problem.message
    assert problem.where[:2] == ("quotes", 1)

    cnas_window.actions_.export.trigger()
    assert "Elizabeth Rosenberg" in pdf_reading.text(target)


def test_export_with_an_error_is_refused(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("sections", 1, "contact"), "nobody"))
    target = tmp_path / "advisory.pdf"
    dialogs.answer("export_path", target)
    dialogs.answer("preflight", True)  # even a "yes" cannot export with errors
    cnas_window.actions_.export.trigger()
    assert not target.exists()
    problems = dialogs.asked["preflight"][0][0]
    assert any(p.is_error and "nobody" in p.message for p in problems)
    assert not cnas_window.export_pdf(target)


def test_the_preflight_dialog_blocks_errors_and_jumps_to_an_entry(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    document = cnas_window.document
    make_quote_pending(cnas_window)
    document.push(SetValue(document, ("sections", 3, "quotes", 2), "nobody"))
    from presskit.gui.dialogs.preflight import collect_problems

    problems = collect_problems(document.kit)
    chosen: list[tuple[Any, ...]] = []
    dialog = PreflightDialog(document.kit, problems, cnas_window, on_select=chosen.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.export_button.isEnabled()
    assert dialog.list.count() == len(problems) == 2
    first = dialog.list.item(0)
    # A plain sentence, without the ids the command line shows.
    assert first.text() == "The Expert quotes section lists a quote that is not in the kit " \
        "(number 3)"
    assert "nobody" in problems[0].message
    rect = dialog.list.visualItemRect(first)
    # QTest's double-click is recognised after the pointer has moved there and clicked once.
    qtbot.mouseMove(dialog.list.viewport(), rect.center())
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen == [("sections", 3, "quotes", 2)]
    assert not dialog.isVisible()


def test_a_problem_selects_its_item_in_the_right_pane(
    cnas_window: MainWindow, monkeypatch: Any
) -> None:
    asked: list[tuple[str, Any]] = []
    for name in ("experts", "kit_brand", "section_editor"):
        pane = getattr(cnas_window, name)
        monkeypatch.setattr(pane, "select", lambda where, n=name: asked.append((n, where)))
    cnas_window.select_problem(("sections", 4, "heading"))
    assert outline_view(cnas_window).currentIndex().row() == 4
    cnas_window.select_problem(("quotes", 1, "approval"))
    cnas_window.select_problem(("contacts", 0, "email"))
    assert asked == [
        ("section_editor", ("sections", 4, "heading")),
        ("experts", ("quotes", 1, "approval")),
        ("kit_brand", ("contacts", 0, "email")),
    ]


def test_open_the_pdf_when_done_is_remembered_and_opens_it(
    cnas_window: MainWindow, make_window: Any, dialogs: Dialogs, tmp_path: Path,
    monkeypatch: Any,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    cnas_window.actions_.open_after_export.setChecked(True)
    target = tmp_path / "a.pdf"
    dialogs.answer("export_path", target)
    cnas_window.actions_.export.trigger()
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert make_window().actions_.open_after_export.isChecked()


def test_export_remembers_the_folder(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialogs.answer("export_path", folder / "one.pdf", folder / "two.pdf")
    cnas_window.actions_.export.trigger()
    cnas_window.actions_.export.trigger()
    suggested = dialogs.asked["export_path"][1][0]
    assert suggested == folder / "cnas-responds.pdf"


def test_the_window_title_follows_the_clean_state(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    assert cnas_window.windowTitle() == "cnas-responds.presskit[*] — presskit"
    assert not cnas_window.isWindowModified()
    hide_first_section(qtbot, cnas_window)
    cnas_window.actions_.undo.trigger()
    assert not cnas_window.isWindowModified()


def test_same_named_kits_are_told_apart_by_folder_in_open_recent_and_the_title(
    window: MainWindow, cnas_copy: Path, tmp_path: Path
) -> None:
    kits = []
    for folder in ("client-a/drafts", "client-b/drafts", "client-b/final"):
        (tmp_path / folder).mkdir(parents=True)
        kits.append(tmp_path / folder / "mykit.presskit")
        shutil.copy(cnas_copy, kits[-1])
    for kit in kits:
        assert window.open_project(kit)

    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions() if "mykit" in a.text()]
    assert labels == ["&1 mykit.presskit — final", "&2 mykit.presskit — client-b/drafts",
                      "&3 mykit.presskit — client-a/drafts"]
    assert window.windowTitle() == "mykit.presskit[*] — final — presskit"
