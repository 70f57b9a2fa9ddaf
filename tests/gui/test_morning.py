"""The press officer's morning, counted: the seed advisory built from File ▸ New with the
office's spreadsheet of experts, the quotes asked for and pasted in as the answers arrive,
approved, and the PDF exported — every click, typed field, key and paste counted as one
action (a menu command two, copying from the mail client one), the way issue 18 measures it:
the five approved quotes and the PDF in under 60. Then the rest of the seed (the cheat-sheet
callout and the "Sharper" section) and a second export. ``PRESSKIT_MORNING_SHOTS=DIR`` saves
a picture of the window after each action, to look at; ``-s`` prints the actions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import support.pdf_reading as pdf_reading
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QTabWidget,
    QWidget,
)
from support.examples import CNAS_KIT, SEED
from support.gui_actions import Dialogs, outline_view
from support.gui_dialogs import click_check, when_dialog
from support.workbooks import xlsx

from presskit.gui.dialogs.preflight import PreflightDialog
from presskit.gui.dialogs.request_quotes import RequestQuotesDialog
from presskit.gui.editors.approvals import ApproverNameDialog
from presskit.gui.roster.csv_import import CsvMappingDialog, ImportSummaryDialog
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.sections.quote_picker import QuotePickerDialog
from presskit.gui.window.main_window import MainWindow
from presskit.library import BrandPreset, Roster, save_roster
from presskit.library.paths import ROSTER_ENV
from presskit.model import ApprovalState, SectionType, Status
from presskit.storage import load_kit

REAL_REVIEW = PreflightDialog.__dict__["review"]


def seed_parts() -> dict[str, Any]:
    """The seed advisory's words, as the press officer has them in e-mails."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    quotes = {}
    for line in lines:
        if line.startswith("- "):
            who, _, said = line[2:].partition(": ")
            name, _, title = who.partition(", ")
            quotes[name] = (title, said.strip().strip('"'))
    cheat_sheet = lines[4].partition("? ")
    return {"series": lines[1].partition(": ")[0], "title": lines[1].partition(": ")[2],
            "lead": "\n\n".join(lines[2:4]), "quotes": quotes,
            "callout": (cheat_sheet[0] + "?", cheat_sheet[2]),
            "report": lines[4].split("“")[1].split(",”")[0],
            "sharper": (lines[10], "\n\n".join(lines[11:13]))}


class Morning:
    """The user's hands: every method is one action (or two, as its docstring says), counted
    with what it was, after it is done."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.done: list[str] = []
        self.shots = os.environ.get("PRESSKIT_MORNING_SHOTS")

    def count(self, what: str) -> None:
        self.done.append(what)
        self.shot()

    def shot(self) -> None:
        if self.shots:
            Path(self.shots).mkdir(parents=True, exist_ok=True)
            QApplication.processEvents()
            self.window.grab().save(f"{self.shots}/{len(self.done):02d}.png")

    def reveal(self, dock: Any, widget: QWidget, what: str) -> None:
        """Bring a tabbed pane to the front when ``widget`` is hidden behind another: one
        click on its tab."""
        # Tabbed docks behind another stay "visible" to Qt: what counts is what shows.
        if widget.visibleRegion().isEmpty():
            dock.raise_()
            self.qtbot.waitUntil(lambda: not widget.visibleRegion().isEmpty())
            self.count(f"click the {what} tab")

    def tab(self, tabs: QTabWidget, page: QWidget, what: str) -> None:
        if tabs.currentWidget() is not page:
            tabs.setCurrentWidget(page)
            self.count(f"click the {what} tab")

    def menu(self, action: QAction, what: str) -> None:
        """Open a menu and choose a command in it: two actions."""
        self.done += [f"open the menu for {what}", what]
        action.trigger()
        self.shot()

    def click(self, widget: QWidget, what: str, pos: QPoint | None = None,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        if QApplication.activeModalWidget() is None and not widget.isActiveWindow():
            # Qt's offscreen platform leaves a closed dialog "active"; a window manager
            # gives the main window back.
            widget.activateWindow()
            self.qtbot.waitUntil(widget.isActiveWindow)
        self.done.append(what)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier, pos or QPoint())
        self.shot()

    def click_row(self, view: QAbstractItemView, row: int, what: str,
                  modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """Click a row (nothing, if it is the only one selected already)."""
        index = view.model().index(row, 0)
        if (modifier == Qt.KeyboardModifier.NoModifier and view.currentIndex().row() == row
                and view.selectionModel().selectedRows() == [index]):
            return
        rect = view.visualRect(index)
        self.click(view.viewport(), what, rect.center(), modifier)

    def type(self, widget: QWidget, text: str, what: str) -> None:
        """Click into a field (unless the cursor is there already) and type."""
        if not widget.hasFocus():
            self.click(widget, f"click into {what}")
        self.qtbot.keyClicks(widget, text)
        self.count(f"type {what}")

    def key(self, widget: QWidget, key: Qt.Key, what: str,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.count(what)

    def log(self) -> str:
        return "\n".join(f"{n:2d}. {what}" for n, what in enumerate(self.done, 1))

    def copy_from_mail(self, text: str, what: str) -> None:
        """Select and copy words in the mail client: one action, outside presskit."""
        QGuiApplication.clipboard().setText(text)
        self.count(f"copy {what} from the e-mail")

    def paste_into(self, widget: QWidget, text: str, what: str) -> None:
        """Copy from the mail client, click into the field (unless the cursor is there), paste."""
        self.copy_from_mail(text, what)
        if not widget.hasFocus():
            self.click(widget, f"click into {what}")
        self.key(widget, Qt.Key.Key_V, f"paste {what}", Qt.KeyboardModifier.ControlModifier)


def test_the_seed_advisory_from_file_new_takes_under_sixty_actions(
    qtbot: Any, make_window: Any, dialogs: Dialogs, tmp_path: Path, monkeypatch: Any,
) -> None:
    seed = seed_parts()
    roster = tmp_path / "team" / "roster.yaml"
    roster.parent.mkdir()
    # The team's roster: no experts yet, the house style saved as a preset.
    save_roster(Roster(brands=[BrandPreset("CNAS", load_kit(CNAS_KIT).kit.brand)]), roster)
    monkeypatch.setenv(ROSTER_ENV, str(roster))
    sheet = xlsx(tmp_path / "Experts for the talks.xlsx", {"Staff": [
        ["Name", "Title", "Email"],
        *[[name, title, name.lower().replace(" ", ".") + "@cnas.example"]
          for name, (title, _said) in seed["quotes"].items()],
    ]})
    drafts = tmp_path / "requests"
    drafts.mkdir()
    monkeypatch.setattr(RequestQuotesDialog, "choose_folder",
                        classmethod(lambda cls, parent, start: drafts))
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, parent, folder: (sheet, True)))
    window = make_window()
    assert window.document.kit.brand.short_name == "CNAS"  # the house style from the start
    hands = Morning(qtbot, window)

    # File ▸ New, the headline.
    toolbar = window.actions_.toolbar
    hands.click(toolbar.widgetForAction(window.actions_.new), "New on the toolbar")
    kit = window.document.kit
    form = window.kit_brand.kit_form
    hands.reveal(window.kit_brand_dock, form, "Kit & Brand")
    hands.type(form.fields["title"], seed["title"], "the headline")
    hands.type(form.fields["series"], seed["series"], "the series")
    assert (kit.title, kit.series) == (seed["title"], seed["series"])  # typed over "Untitled"

    # The lead, pasted from the draft in the e-mail.
    outline = outline_view(window)
    hands.click_row(outline, 0, "pick the Lead section")
    lead_text = window.section_editor.forms[SectionType.LEAD].fields["text"]
    hands.paste_into(lead_text, seed["lead"], "the lead")

    # The office's spreadsheet of experts, into the roster and the kit in one go.
    def mapped(dialog: CsvMappingDialog) -> None:
        when_dialog(ImportSummaryDialog, summary)
        hands.click(dialog.import_button, "Import")

    def summary(dialog: ImportSummaryDialog) -> None:
        if not dialog.add_to_kit.isChecked():
            box = dialog.add_to_kit
            hands.click(box, "tick Also add them to the open kit", QPoint(8, box.height() // 2))
        hands.click(dialog.save_button, "Save to Roster and Kit")

    when_dialog(CsvMappingDialog, mapped)
    hands.menu(window.library.import_csv, "Roster ▸ Import Spreadsheet")
    hands.count("choose the spreadsheet in the file dialog")
    assert [e.name for e in kit.experts] == list(seed["quotes"])

    # Ask the five for quotes: one e-mail draft each, a pending quote each in the kit.
    experts = window.experts
    table = experts.experts.view
    hands.reveal(window.experts_dock, table, "Experts & Quotes")

    def ask(dialog: RequestQuotesDialog) -> None:
        try:
            people = dialog.people
            for row in range(people.count()):
                item = people.item(row)
                if item.checkState() != Qt.CheckState.Checked:
                    click_check(qtbot, people, people.indexFromItem(item))
                    hands.count(f"tick {item.text()}")
            hands.type(dialog.topic, "the renewed U.S.-North Korea talks", "the topic")
            hands.click(dialog.save_button, "Save Drafts to Folder")
            hands.count("choose the folder for the drafts")
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog(RequestQuotesDialog, ask)
    hands.menu(window.requests.action, "Roster ▸ Request Quotes")
    assert len(list(drafts.glob("*.eml"))) == 5
    assert not [what for what in hands.done if what.startswith("tick ") and "—" in what]

    # The answers arrive by e-mail: each copied, and pasted on the expert's row.
    for row, (name, (_title, said)) in enumerate(seed["quotes"].items()):
        hands.copy_from_mail(said, f"{name}'s answer")
        hands.click_row(table, row, f"click {name}")
        hands.key(table, Qt.Key.Key_V, f"paste {name}'s answer",
                  Qt.KeyboardModifier.ControlModifier)
    assert [q.text for q in kit.quotes] == [said for _t, said in seed["quotes"].values()]

    # Into the quotes section, approved.
    hands.click_row(outline, 1, "pick the Expert quotes section")
    quotes_form = window.section_editor.forms[SectionType.QUOTES]
    if quotes_form.model.rowCount() == 0:
        def pick(dialog: Any) -> None:
            dialog.table.setFocus()
            hands.key(dialog.table, Qt.Key.Key_A, "select all quotes",
                      Qt.KeyboardModifier.ControlModifier)
            hands.click(dialog.add_button, "Add")
        when_dialog(QuotePickerDialog, pick)
        hands.click(quotes_form.add_button, "Add quotes…")

    def my_name(dialog: ApproverNameDialog) -> None:  # asked the first time only
        hands.type(dialog.name_edit, "Cole Stevens", "my name, as approver")
        hands.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), "OK")

    when_dialog(ApproverNameDialog, my_name)
    hands.click(quotes_form.approve_all_button, "Approve all")
    assert all(q.approval.state is ApprovalState.APPROVED for q in kit.quotes)

    # The media contact: the press officer, in the kit's contacts.
    kit_brand = window.kit_brand
    hands.reveal(window.kit_brand_dock, kit_brand, "Kit & Brand")
    hands.tab(kit_brand.tabs, kit_brand.contacts, "Contacts")
    contacts = kit_brand.contacts
    hands.click(contacts.add_button, "Add contact")
    hands.type(contacts.fields["name"], "Cole Stevens", "the contact's name")
    hands.type(contacts.fields["email"], "press@example.org", "the contact's e-mail")

    # Export: the pre-flight first, its fixes one click each, then where to save.
    monkeypatch.setattr(PreflightDialog, "review", REAL_REVIEW)
    first = export(hands, dialogs, tmp_path / "CNAS Responds.pdf")
    assert first == [
        "The kit is still marked Draft, so every page says DRAFT",
        "No section tells journalists whom to contact",
    ]
    assert kit.status is Status.FINAL
    pdf_reading.assert_in_order(pdf_reading.text(tmp_path / "CNAS Responds.pdf"), [
        seed["title"], "After months of stalled", *seed["quotes"],
        "To arrange an interview, contact Cole Stevens at press@example.org",
    ])
    core = len(hands.done)
    assert core < 60, hands.log()

    # The cheat sheet: the report, and a callout for it under the lead.
    resources = kit_brand.resources
    hands.tab(kit_brand.tabs, resources, "Resources")
    hands.click(resources.add_button, "Add resource")
    hands.type(resources.fields["title"], seed["report"], "the report's title")
    hands.type(resources.fields["url"], "https://www.cnas.org/publications/reports/roadmap",
               "the report's address")
    hands.click_row(outline, 0, "pick the Lead section")
    hands.menu(window.outline.add_actions[SectionType.CALLOUT], "Add Section ▸ Callout")
    callout = window.section_editor.forms[SectionType.CALLOUT]
    hands.type(callout.fields["heading"], seed["callout"][0], "the callout's heading")
    hands.paste_into(callout.fields["text"], seed["callout"][1], "the callout's sentence")

    # "Sharper": a text section after the quotes.
    hands.click_row(outline, 2, "pick the Expert quotes section")
    hands.menu(window.outline.add_actions[SectionType.TEXT], "Add Section ▸ Text")
    text = window.section_editor.forms[SectionType.TEXT]
    hands.type(text.fields["heading"], seed["sharper"][0], "the heading")
    hands.paste_into(text.fields["text"], seed["sharper"][1], "the two paragraphs")
    assert [s.TYPE for s in kit.sections] == [
        SectionType.LEAD, SectionType.CALLOUT, SectionType.QUOTES, SectionType.TEXT,
        SectionType.CONTACT, SectionType.ABOUT]

    assert window.review_problems() == []  # so no pre-flight dialog comes up
    export(hands, dialogs, tmp_path / "CNAS Responds 2.pdf", checked=False)
    pdf_reading.assert_in_order(pdf_reading.text(tmp_path / "CNAS Responds 2.pdf"), [
        "After months of stalled", "Need a cheat sheet?", "Duyeon Kim", "Sharper:",
        "Washington and Pyongyang", "To arrange an interview",
    ])
    # The whole seed, the cheat sheet and the "Sharper" section included: 51 + 21 actions
    # when this was written (the resource 5, each section 7, the export 2).
    assert len(hands.done) - core <= 21, hands.log()
    print(hands.log())


def export(hands: Morning, dialogs: Dialogs, pdf: Path, *, checked: bool = True) -> list[str]:
    """Export PDF on the toolbar; every fix the pre-flight offers taken; saved as ``pdf``.
    What the pre-flight listed (``checked=False``: a kit without problems, which goes
    straight to the file dialog)."""
    listed: list[str] = []

    def preflight(dialog: PreflightDialog) -> None:
        try:
            listed.extend(dialog.list.item(r).text() for r in range(dialog.list.count()))
            for _ in listed:
                item = dialog.list.item(0)
                if dialog.list.currentItem() is not item:
                    hands.click(dialog.list.viewport(), f"pick “{item.text()}”",
                                dialog.list.visualItemRect(item).center())
                assert dialog.fix_button.isVisible(), item.text()
                hands.click(dialog.fix_button, dialog.fix_button.text().replace("&", ""))
            assert dialog.export_button is not None
            hands.click(dialog.export_button, "Export")
        finally:
            if dialog.isVisible():
                dialog.reject()

    if checked:
        when_dialog(PreflightDialog, preflight)
    dialogs.answer("export_path", pdf)
    window = hands.window
    hands.click(window.actions_.toolbar.widgetForAction(window.actions_.export),
                "Export PDF on the toolbar")
    hands.count("name the PDF in the file dialog and save")
    assert pdf.is_file()
    return listed
