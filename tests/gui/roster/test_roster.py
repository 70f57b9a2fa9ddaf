"""The roster dock as a press officer uses it: find experts by typing, bring two of them and
some of their banked quotes into the kit, put a kit's expert in the roster, take the roster's
newer details into the kit, and point Preferences at a shared roster. Every test works on its
own roster file in a temp dir (``$PRESSKIT_ROSTER``, or the Preferences setting)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QWidget,
)
from support.gui_actions import Dialogs
from support.gui_dialogs import click_check, when_dialog

from presskit.gui.dialogs.preferences import PreferencesDialog
from presskit.gui.roster.models import NAME
from presskit.gui.roster.panel import RosterPanel
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.roster.store import ROSTER_SETTING
from presskit.gui.roster.updates import UpdateFromRosterDialog
from presskit.gui.window.main_window import MainWindow
from presskit.library import load_roster, roster_path
from presskit.model import QuotesSection


def panel_of(window: MainWindow) -> RosterPanel:
    return window.library.panel


def shown_names(panel: RosterPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, NAME).data() for row in range(proxy.rowCount())]


def click_expert(qtbot: Any, panel: RosterPanel, name: str, add: bool = False) -> None:
    row = shown_names(panel).index(name)
    rect = panel.table.visualRect(panel.proxy.index(row, NAME))
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def tick_quote(qtbot: Any, panel: RosterPanel, quote_id: str) -> None:
    row = next(i for i, q in enumerate(panel.bank.quotes) if q.id == quote_id)
    click_check(qtbot, panel.bank_table, panel.bank.index(row, 0))


# Finding experts.

def test_typing_filters_by_topic_and_finds_an_accented_name_typed_without_accents(
    qtbot: Any, window: MainWindow
) -> None:
    panel = panel_of(window)
    assert len(shown_names(panel)) == 12 and panel.count_label.text() == "12 experts"
    qtbot.keyClicks(panel.search, "sanctions")
    assert shown_names(panel) == ["José Sánchez-Ortega", "Мария Иванова"]
    assert panel.count_label.text() == "2 of 12 experts"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "SANCHEZ")
    assert shown_names(panel) == ["José Sánchez-Ortega"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "zoe muller")
    assert shown_names(panel) == ["Zoë Müller"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "indo-pacific nuclear")  # program and topic, both needed
    assert shown_names(panel) == ["Duyeon Kim", "Dr. Priya Raman"]
    panel.search.clear()
    assert len(shown_names(panel)) == 12


def test_selecting_experts_lists_their_banked_quotes_with_approval_topic_and_date(
    qtbot: Any, window: MainWindow
) -> None:
    panel = panel_of(window)
    click_expert(qtbot, panel, "Duyeon Kim")
    click_expert(qtbot, panel, "Zoë Müller", add=True)
    assert panel.selected_ids() == ["duyeon-kim", "zoe-muller"]
    rows = [[panel.bank.index(r, c).data() for c in range(5)] for r in range(panel.bank.rowCount())]
    assert [r[4] for r in rows] == ["Duyeon Kim"] * 3 + ["Zoë Müller"]
    assert rows[0][1:4] == ["Approved by Press office", "North Korea talks", "2019-09-10"]
    assert rows[1][1] == "Pending" and rows[2][1] == "Draft"


# Add to kit.

def test_two_experts_and_their_ticked_quotes_go_into_the_kit_as_one_undo_step(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    window = cnas_window
    kit = window.document.kit
    before = ([e.id for e in kit.experts], [q.id for q in kit.quotes],
              list(kit.sections[3].quotes))
    panel = panel_of(window)
    window.library.dock.raise_()
    qtbot.keyClicks(panel.search, "fellow")
    click_expert(qtbot, panel, "José Sánchez-Ortega")
    click_expert(qtbot, panel, "Zoë Müller", add=True)
    tick_quote(qtbot, panel, "sanchez-venezuela")
    tick_quote(qtbot, panel, "muller-gas")
    assert panel.choice_label.text() == "2 experts selected, 2 quotes ticked"
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    added = [e for e in kit.experts if e.id not in before[0]]
    assert [(e.name, e.title) for e in added] == [
        ("José Sánchez-Ortega", "Senior Fellow, Latin America"),
        ("Zoë Müller", "Fellow, Energy & Climate")]
    new_quotes = [q for q in kit.quotes if q.id not in before[1]]
    assert [(q.expert, q.text[:20]) for q in new_quotes] == [
        ("jose-sanchez", "Sanctions without a "), ("zoe-muller", "Europe's gas storage")]
    section = kit.sections[3]
    assert isinstance(section, QuotesSection)
    assert section.quotes == before[2] + [q.id for q in new_quotes]
    assert "Added 2 experts and 2 quotes" in window.statusBar().currentMessage()
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: len(panel.model.in_kit) == 3)  # ticked once the kit settles
    assert sorted(panel.model.in_kit) == ["duyeon-kim", "jose-sanchez", "zoe-muller"]

    window.actions_.undo.trigger()
    assert ([e.id for e in kit.experts], [q.id for q in kit.quotes],
            list(kit.sections[3].quotes)) == before
    assert not window.isWindowModified()


def test_an_expert_already_in_the_kit_is_linked_not_copied_again(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    kit = cnas_window.document.kit
    panel = panel_of(cnas_window)
    assert panel.model.in_kit == {"duyeon-kim"}  # the kit's Duyeon Kim is the roster's
    click_expert(qtbot, panel, "Duyeon Kim")
    click_expert(qtbot, panel, "Chen Wei", add=True)
    tick_quote(qtbot, panel, "kim-working-level")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in kit.experts].count("Duyeon Kim") == 1
    assert kit.experts[-1].name == "Chen Wei"
    assert kit.quotes[-1].expert == "duyeon-kim"  # the banked quote joins the kit's Kim
    assert "(1 expert already in the kit)" in cnas_window.statusBar().currentMessage()


# Save to roster.

def test_a_search_stays_right_when_the_roster_changes_under_it(
    qtbot: Any, cnas_window: MainWindow, roster_file: Path
) -> None:
    """Saving an expert to the roster while a search is typed shows them if they match, and
    the rows that matched before still match (not the rows at their old positions)."""
    panel = panel_of(cnas_window)
    qtbot.keyClicks(panel.search, "asia")
    before = shown_names(panel)
    assert "Kristine Lee" not in before
    cnas_window.experts.experts.select_row(2)  # Kristine Lee, Asia-Pacific Security
    cnas_window.library.save_to_roster.trigger()
    assert sorted(shown_names(panel)) == sorted([*before, "Kristine Lee"])
    panel.search.clear()
    qtbot.keyClicks(panel.search, "kristine")
    assert shown_names(panel) == ["Kristine Lee"]


def test_save_to_roster_banks_a_kit_expert_and_their_quote(
    qtbot: Any, cnas_window: MainWindow, roster_file: Path
) -> None:
    window = cnas_window
    window.experts.experts.select_row(2)  # Kristine Lee, not in the roster yet
    action = window.library.save_to_roster
    assert action.isEnabled() and action.text() == "&Save “Kristine Lee” to Roster"
    assert action in window.experts.experts.view.actions()  # on the table's context menu
    action.trigger()

    saved = load_roster(roster_file).roster
    lee = saved.find(name="Kristine Lee")
    assert lee is not None and lee.title == "Associate Fellow for Asia-Pacific Security"
    assert [q.text[:30] for q in saved.quotes_by(lee.id)] == ["Washington has long seen Pyong"]
    assert len(saved.experts) == 13
    assert "Kristine Lee added to the roster, 1 quote banked" in window.statusBar().currentMessage()
    assert panel_of(window).selected_ids() == [lee.id]


def test_saving_over_a_roster_entry_asks_first_and_keeps_a_colleagues_edit(
    qtbot: Any, cnas_window: MainWindow, roster_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, list[str]]] = []
    answers = [False, True]

    def confirm(_parent: Any, name: str, changes: Any) -> tuple[bool, bool]:
        asked.append((name, [c.field for c in changes]))
        go = answers.pop(0)
        return go, go

    monkeypatch.setattr(LibraryPrompts, "confirm_roster_changes", classmethod(
        lambda cls, *a: confirm(*a)))
    window = cnas_window
    window.experts.experts.select_row(0)  # Duyeon Kim: the roster has other details
    window.library.save_to_roster.trigger()
    assert asked == [("Duyeon Kim", ["title", "program", "topics"])]
    assert load_roster(roster_file).roster.expert("duyeon-kim").title.startswith("Senior")

    # Meanwhile a colleague adds someone to the shared file; saving must not lose them.
    text = roster_file.read_text(encoding="utf-8").replace(
        "experts:\n", "experts:\n- id: new-colleague\n  name: New Colleague\n", 1)
    roster_file.write_text(text, encoding="utf-8")
    window.library.save_to_roster.trigger()
    saved = load_roster(roster_file).roster
    assert saved.expert("duyeon-kim").title == "Adjunct Senior Fellow for Asia-Pacific Security"
    assert saved.expert("new-colleague") is not None


# Update from roster.

def test_update_from_roster_shows_old_and_new_and_applies_the_ticked_fields_in_one_step(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    window = cnas_window
    kit = window.document.kit
    old_title = kit.experts[0].title
    seen: dict[str, Any] = {}

    def answer(dialog: UpdateFromRosterDialog) -> None:
        top = dialog.tree.topLevelItem(0)
        rows = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
        seen["expert"] = top.text(0)
        seen["title"] = (rows["Title"].text(1), rows["Title"].text(2))
        seen["fields"] = list(rows)
        click_check(qtbot, dialog.tree, dialog.tree.indexFromItem(rows["E-mail"], 0))
        seen["button"] = dialog.apply_button.text()
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    when_dialog(UpdateFromRosterDialog, answer)
    qtbot.mouseClick(panel_of(window).update_button, Qt.MouseButton.LeftButton)

    assert seen["expert"] == "Duyeon Kim"
    assert seen["title"] == (old_title, "Senior Fellow for Indo-Pacific Security")
    assert seen["fields"] == ["Title", "Program", "E-mail", "Topics"]
    assert seen["button"] == "&Update 3 Fields"
    duyeon = kit.experts[0]
    assert duyeon.title == "Senior Fellow for Indo-Pacific Security"
    assert duyeon.program == "Indo-Pacific Security" and duyeon.email == ""
    assert "South Korea" in duyeon.topics
    window.actions_.undo.trigger()
    assert duyeon.title == old_title and duyeon.program == "Asia-Pacific Security"


# Where the roster lives.

def test_the_roster_comes_from_presskit_roster_unless_preferences_say_otherwise(
    make_window: Any, roster_file: Path, tmp_path: Path
) -> None:
    window = make_window()
    assert window.library.store.path == roster_file
    other = tmp_path / "elsewhere"
    other.mkdir()
    window.settings.set(ROSTER_SETTING, str(other))  # a folder: its roster.yaml
    second = make_window()
    assert second.library.store.path == other / "roster.yaml" == roster_path(other)
    assert panel_of(second).model.rowCount() == 0 and panel_of(second).notice.isVisible()


def test_preferences_point_the_roster_elsewhere_and_the_panel_follows(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared" / "team-roster.yaml"
    shared.parent.mkdir()
    monkeypatch.setattr(LibraryPrompts, "roster_file",
                        classmethod(lambda cls, parent, current: (shared, True)))
    seen: dict[str, str] = {}

    def answer(dialog: PreferencesDialog) -> None:
        assert "12 experts, 9 banked quotes, 1 brand preset" in dialog.status.text()
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
        dialog._update_status()
        seen["status"] = dialog.status.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    assert not window.library.preferences.shortcut().isEmpty()
    when_dialog(PreferencesDialog, answer)
    window.library.preferences.trigger()
    assert "does not exist yet" in seen["status"]
    assert window.settings.get(ROSTER_SETTING) == str(shared)
    assert window.library.store.path == shared
    assert panel_of(window).model.rowCount() == 0 and not shared.exists()

    # Saving a kit's expert creates the new roster there.
    window.experts.experts.add_item()
    window.library.save_to_roster.trigger()
    assert [e.name for e in load_roster(shared).roster.experts] == ["New expert"]


def test_a_roster_with_errors_is_shown_with_its_position_and_never_written(
    qtbot: Any, make_window: Any, roster_file: Path, dialogs: Dialogs
) -> None:
    roster_file.write_text("presskit-roster: 1\nexperts:\n- id: x\n  name: [\n", encoding="utf-8")
    before = roster_file.read_bytes()
    window = make_window()
    panel = panel_of(window)
    assert panel.notice.isVisible()
    assert f"{roster_file}:5:1: error:" in panel.notice.text()
    assert not window.library.import_csv.isEnabled()
    window.experts.experts.add_item()
    assert not window.library.save_to_roster.isEnabled()
    panel.save_to_roster(window.document.kit.experts[-1].id)
    assert dialogs.asked["error"][0][1].startswith(f"{roster_file}:5:1: error:")
    assert roster_file.read_bytes() == before


def test_the_roster_dock_and_its_controls_are_named_for_screen_readers(
    window: MainWindow
) -> None:
    dock = window.findChild(QDockWidget, "rosterDock")
    assert dock is window.library.dock and dock in window.tabifiedDockWidgets(window.experts_dock)
    dock.raise_()
    assert panel_of(window).table.isVisibleTo(window)
    controls = (QAbstractButton, QAbstractItemView, QLineEdit)
    unnamed = [f"{type(w).__name__} {w.objectName()!r}"
               for w in panel_of(window).findChildren(QWidget)
               if isinstance(w, controls) and not isinstance(w, QHeaderView)
               and w.isVisibleTo(window) and not w.accessibleName()]
    assert unnamed == []
    menus = [a.menu().title() for a in window.menuBar().actions() if a.menu()]
    assert "&Roster" in menus and menus.index("&Roster") < menus.index("&View")
