"""File ▸ New Kit from Text… stays responsive whatever is pasted: the text is read in the
thread pool, never on the GUI thread; a paste over ``MAX_PASTE_CHARS`` is not read at all and
the dialog says so; and only the first ``MAX_NOTES_SHOWN`` notes are listed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from presskit.gui.dialogs import paste_advisory
from presskit.gui.dialogs.paste_advisory import MAX_NOTES_SHOWN, PARSE_DELAY_MS, PasteDialog
from presskit.gui.document.kit_document import default_brand
from presskit.library import AdvisoryResult, Roster
from presskit.model.limits import MAX_PASTE_CHARS

ADVISORY = ('March 3, 2024\nExperts React: A Headline\n\nSomething happened.\n\n'
            '- Ana Li, Fellow: "It matters."\n')


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Every reading of the text: its length and whether it ran on the GUI thread."""
    seen: list[tuple[int, bool]] = []
    real = paste_advisory.parse_advisory

    def record(text: str, **options: Any) -> AdvisoryResult:
        seen.append((len(text), threading.current_thread() is threading.main_thread()))
        return real(text, **options)

    monkeypatch.setattr(paste_advisory, "parse_advisory", record)
    return seen


def dialog_with(qtbot: Any, text: str) -> PasteDialog:
    dialog = PasteDialog(Roster(), [("presskit's default", default_brand())], text)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_text_is_read_off_the_gui_thread(
    qtbot: Any, readings: list[tuple[int, bool]]
) -> None:
    dialog = dialog_with(qtbot, ADVISORY)
    qtbot.waitUntil(lambda: dialog.found.text().startswith("Found"), timeout=5000)
    assert dialog.found.text().startswith("Found Experts React: “A Headline”, 1 expert")
    assert readings == [(len(ADVISORY), False)]
    assert dialog.create_button.isEnabled()


def test_a_paste_over_the_cap_is_not_read_and_the_dialog_says_so(
    qtbot: Any, readings: list[tuple[int, bool]]
) -> None:
    huge = (ADVISORY * (MAX_PASTE_CHARS // len(ADVISORY) + 1))[:MAX_PASTE_CHARS + 1]
    dialog = dialog_with(qtbot, huge)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_X)  # typing on: still not read
    assert not dialog.create_button.isEnabled()
    qtbot.wait(PARSE_DELAY_MS + 300)
    assert readings == []
    assert dialog.found.text() == (
        f"The text is {MAX_PASTE_CHARS + 2:,} characters long, more than the "
        f"{MAX_PASTE_CHARS:,} presskit reads from a paste (an advisory is a few thousand): "
        "paste only the advisory.")
    assert not dialog.create_button.isEnabled()
    dialog.accept()  # Enter does nothing either
    assert dialog.isVisible() and dialog.advisory is None

    dialog.text.setPlainText(ADVISORY)  # cut down to the advisory: read again
    qtbot.waitUntil(lambda: dialog.found.text().startswith("Found"), timeout=5000)
    assert dialog.create_button.isEnabled()
    assert readings == [(len(ADVISORY), False)]


def test_only_the_first_notes_are_listed(qtbot: Any) -> None:
    text = ADVISORY + "".join(
        f'- Person {i}, Fellow {i}: "Quote {i}."\n' if i % 2 else f"??? {i} ~~~ <b>{i}</b>\n"
        for i in range(2 * MAX_NOTES_SHOWN + 100))
    dialog = dialog_with(qtbot, text)
    qtbot.waitUntil(lambda: dialog.found.text().startswith("Found"), timeout=10000)
    assert dialog.problems.count() == MAX_NOTES_SHOWN
    assert dialog.found.text().endswith(f"The first {MAX_NOTES_SHOWN} are listed.")


def test_create_right_after_a_paste_opens_the_text_as_it_is_on_screen(
    qtbot: Any, readings: list[tuple[int, bool]]
) -> None:
    dialog = dialog_with(qtbot, "")
    dialog.text.setPlainText(ADVISORY)  # the pause after it is not over
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == PasteDialog.DialogCode.Accepted
    assert dialog.advisory is not None and dialog.advisory.kit.title == "A Headline"
    assert readings == [(len(ADVISORY), False)]
