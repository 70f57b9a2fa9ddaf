"""Roster ▸ Request Quotes… as a press officer uses it: tick two experts, type the topic, copy
one request for e-mail, save the drafts to a folder; the kit then holds a pending quote per
expert (one undo step), the experts table says who has not answered, and pasting an answer
into the pending quote ends the wait."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from support.format_reading import read_message
from support.gui_dialogs import click_check, when_dialog
from support.roster_data import write_roster

from presskit.gui.dialogs.request_quotes import RequestQuotesDialog
from presskit.gui.window.main_window import MainWindow
from presskit.library.paths import ROSTER_ENV
from presskit.model.requests import unanswered_requests


def row_of(dialog: RequestQuotesDialog, name: str) -> int:
    return next(r for r in range(dialog.people.count())
                if dialog.people.item(r).text().startswith(name))


def test_requesting_quotes_saves_drafts_and_records_pending_quotes_in_one_undo_step(
        qtbot: Any, cnas_window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    window = cnas_window
    kit = window.document.kit
    for expert in kit.experts[:3]:
        expert.email = f"{expert.id}@example.org"
    quotes_before = len(kit.quotes)
    folder = tmp_path / "requests"
    folder.mkdir()
    monkeypatch.setattr(RequestQuotesDialog, "choose_folder",
                        classmethod(lambda cls, parent, start: folder))
    seen: dict[str, str] = {}
    window.experts.experts.select_row(0)
    first = kit.experts[0]
    seen["selected"] = f"{first.name} — {first.title}"

    def act(dialog: RequestQuotesDialog) -> None:
        try:
            steps(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the modal dialog waiting
                dialog.reject()

    def steps(dialog: RequestQuotesDialog) -> None:
        people = dialog.people
        ticked = [people.item(r).text() for r in range(people.count())
                  if people.item(r).checkState() == Qt.CheckState.Checked]
        assert ticked == [seen["selected"]]  # the expert selected in the table, ticked
        for name in ("Duyeon Kim", "Elizabeth Rosenberg"):
            item = people.item(row_of(dialog, name))
            if item.checkState() != Qt.CheckState.Checked:
                click_check(qtbot, people, people.indexFromItem(item))
        for name in ticked:
            if not name.startswith(("Duyeon Kim", "Elizabeth Rosenberg")):
                click_check(qtbot, people, people.indexFromItem(
                    people.item(row_of(dialog, name))))
        assert not dialog.save_button.isEnabled()  # no topic yet
        qtbot.keyClicks(dialog.topic, "the talks in Hanoi")
        assert dialog.expert_choice.count() == 2
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        seen["html"] = QGuiApplication.clipboard().mimeData().html()
        seen["shown next"] = dialog.expert_choice.currentText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(RequestQuotesDialog, act)
    window.requests.action.trigger()

    assert "Dear Duyeon Kim," in seen["html"] and "the talks in Hanoi" in seen["html"]
    assert seen["shown next"] == "Elizabeth Rosenberg"
    assert sorted(p.name for p in folder.iterdir()) == [
        "request-duyeon-kim.eml", "request-elizabeth-rosenberg.eml"]
    message = read_message((folder / "request-duyeon-kim.eml").read_bytes())
    assert message["To"].addresses[0].addr_spec == "duyeon-kim@example.org"
    waiting = unanswered_requests(kit)
    assert [w.expert_id for w in waiting] == ["duyeon-kim", "elizabeth-rosenberg"]
    assert len(kit.quotes) == quotes_before + 2

    # The experts table says who has not answered.
    model = window.experts.experts.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Requests")
    kim_row = next(r for r, e in enumerate(kit.experts) if e.id == "duyeon-kim")
    qtbot.waitUntil(lambda: str(model.index(kim_row, column).data()).startswith(
        "Waiting since"))

    # Edit ▸ Paste on Duyeon Kim's row in the Experts table fills her pending quote.
    window.experts.experts.select_row(kim_row)
    window.activateWindow()  # the closed dialog had it (offscreen, no window manager)
    qtbot.waitUntil(window.isActiveWindow)
    window.experts.experts.view.setFocus()
    qtbot.waitUntil(window.experts.experts.view.hasFocus)
    QGuiApplication.clipboard().setText("Hanoi will test both sides.")
    edit = window.actions_.edit
    edit.update()
    assert edit.paste.isEnabled()
    edit.paste.trigger()
    assert [w.expert_id for w in unanswered_requests(kit)] == ["elizabeth-rosenberg"]
    window.document.undo_stack.undo()
    assert [w.expert_id for w in unanswered_requests(kit)] == [
        "duyeon-kim", "elizabeth-rosenberg"]

    # Pasting the answer into the pending quote fills it in; the request stays recorded.
    quote_index = next(i for i, q in enumerate(kit.quotes) if q.id == waiting[0].quote_id)
    window.experts.select(("quotes", quote_index, "text"))
    rows = window.experts.quotes.view.model()
    assert "(waiting for the answer)" in [rows.index(r, 0).data()
                                          for r in range(rows.rowCount())]
    text = window.experts.quotes.text_edit
    assert "paste the answer here" in text.placeholderText()
    QGuiApplication.clipboard().setText("Hanoi will test both sides.")
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: kit.quotes[quote_index].text == "Hanoi will test both sides.")
    assert kit.quotes[quote_index].request is not None
    assert [w.expert_id for w in unanswered_requests(kit)] == ["elizabeth-rosenberg"]
    qtbot.waitUntil(lambda: not model.index(kim_row, column).data())

    # One undo step takes the answer back, one more the whole request.
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert len(kit.quotes) == quotes_before


def test_cancel_records_nothing(qtbot: Any, cnas_window: MainWindow) -> None:
    kit = cnas_window.document.kit
    before = len(kit.quotes)
    when_dialog(RequestQuotesDialog, lambda dialog: dialog.reject())
    cnas_window.requests.action.trigger()
    assert len(kit.quotes) == before
    assert cnas_window.document.undo_stack.count() == 0


def test_a_roster_expert_ticked_is_added_to_the_kit_with_the_request_in_one_undo_step(
        qtbot: Any, make_window: Any, cnas_copy: Path, tmp_path: Path,
        monkeypatch: Any) -> None:
    roster = tmp_path / "team" / "roster.yaml"
    roster.parent.mkdir()
    write_roster(roster)
    monkeypatch.setenv(ROSTER_ENV, str(roster))
    window = make_window()
    assert window.open_project(cnas_copy)
    kit = window.document.kit
    experts_before, quotes_before = len(kit.experts), len(kit.quotes)

    def act(dialog: RequestQuotesDialog) -> None:
        try:
            item = dialog.people.item(row_of(dialog, "Zoë Müller"))
            assert item.text().endswith("(roster)")
            for row in range(dialog.people.count()):  # only her
                if dialog.people.item(row).checkState() == Qt.CheckState.Checked:
                    click_check(qtbot, dialog.people, dialog.people.indexFromItem(
                        dialog.people.item(row)))
            click_check(qtbot, dialog.people, dialog.people.indexFromItem(item))
            qtbot.keyClicks(dialog.topic, "NATO budgets")
            assert dialog.current_letter() is not None
            assert dialog.current_letter().to.endswith("@example.org")  # type: ignore[union-attr]
            qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog(RequestQuotesDialog, act)
    window.requests.action.trigger()
    assert [e.name for e in kit.experts[experts_before:]] == ["Zoë Müller"]
    [waiting] = unanswered_requests(kit)
    assert waiting.expert_id == kit.experts[-1].id and waiting.request.topic == "NATO budgets"
    window.document.undo_stack.undo()
    assert (len(kit.experts), len(kit.quotes)) == (experts_before, quotes_before)


def test_paste_answer_on_an_expert_who_was_not_asked_changes_nothing(
        qtbot: Any, cnas_window: MainWindow) -> None:
    window = cnas_window
    window.experts.experts.select_row(0)
    QGuiApplication.clipboard().setText("An answer nobody asked for.")
    before = [q.text for q in window.document.kit.quotes]
    table = window.experts.experts.view
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [q.text for q in window.document.kit.quotes] == before
    assert "has no request waiting for an answer" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0
