"""The one-click fixes the pre-flight check offers, each an ordinary undoable edit.

``PreflightFixes(window)`` is the ``fixes`` the pre-flight dialog asks about each entry:

- the kit still marked Draft: *Mark as Final*;
- a quote in the kit not approved yet: *Approve* (by the user's name, today, as in the
  quote lists);
- no visible section saying whom to contact: *Add a Media Contact Section* (naming the
  kit's contact when it has just one, placed before the *About us* section), or *Show the
  Section* when a hidden one exists.

A fix looks at the kit as it is when clicked: one that no longer applies does nothing.
"""

from __future__ import annotations

import datetime as dt

from presskit.gui.dialogs.preflight import Fix
from presskit.gui.document.commands import InsertItem, SetValue
from presskit.gui.editors.approvals import approver_name, set_approvals
from presskit.gui.window.host import WindowHost
from presskit.model import (
    AboutSection,
    Approval,
    ApprovalState,
    ContactSection,
    Problem,
    SectionType,
    Status,
)
from presskit.model.operations import new_section


class PreflightFixes:
    """See the module docstring."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window

    def __call__(self, problem: Problem) -> Fix | None:
        where = problem.where
        if where == ("kit", "status"):
            return "Mark as &Final", self.mark_final
        if len(where) >= 3 and where[0] == "quotes" and where[2] == "approval":
            row = where[1]
            if isinstance(row, int):
                return "&Approve", lambda: self.approve(row)
        if where == ("sections",):
            return "&Add a Media Contact Section", self.add_contact_section
        if len(where) == 3 and where[0] == "sections" and where[2] == "hidden":
            index = where[1]
            if isinstance(index, int):
                return "&Show the Section", lambda: self.show_section(index)
        return None

    def mark_final(self) -> bool:
        document = self.window.document
        if document.kit.status is Status.FINAL:
            return False
        document.push(SetValue(document, ("status",), Status.FINAL, "Mark as final"))
        return True

    def approve(self, row: int) -> bool:
        document = self.window.document
        quotes = document.kit.quotes
        if not 0 <= row < len(quotes) or quotes[row].approval.state is ApprovalState.APPROVED:
            return False
        name = approver_name(self.window, self.window.settings)
        if name is None:
            return False
        approval = Approval(ApprovalState.APPROVED, name, dt.date.today())
        return set_approvals(document, [row], approval) > 0

    def add_contact_section(self) -> bool:
        document = self.window.document
        kit = document.kit
        section = new_section(kit, SectionType.CONTACT)
        assert isinstance(section, ContactSection)
        if len(kit.contacts) == 1:
            section.contact = kit.contacts[0].id
        about = next((i for i, s in enumerate(kit.sections) if isinstance(s, AboutSection)),
                     len(kit.sections))
        document.push(InsertItem(document, ("sections",), about, section,
                                 "Add media contact section"))
        return True

    def show_section(self, index: int) -> bool:
        document = self.window.document
        sections = document.kit.sections
        if not 0 <= index < len(sections) or not sections[index].hidden:
            return False
        document.push(SetValue(document, ("sections", index, "hidden"), False, "Show section"))
        return True
