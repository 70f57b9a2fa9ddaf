"""Names and text from a stranger's folder, kit or lock file, as the window shows them: control
characters, line breaks and bidirectional overrides escaped, never raw (issue 15)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from support.gui_actions import Dialogs

from presskit.gui.widgets.prompts import Prompts
from presskit.gui.widgets.shown import MAX_SHOWN_CHARS, shown
from presskit.gui.window.main_window import MainWindow
from presskit.gui.window.menus import fill_recent_menu
from presskit.storage.locks.owner import Owner

DISGUISED = "report\u202eftp.\x1b]0;pwned\x07x.presskit"


def raw_controls(text: str) -> list[str]:
    """The control and reordering characters ``text`` holds unescaped."""
    return [c for c in text if unicodedata.category(c) == "Cc"
            or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"]


def test_shown_escapes_controls_and_overrides_and_bounds_the_length() -> None:
    assert shown("a\nb\x1b[2J\u202ec\u2066") == "a\\x0ab\\x1b[2J\\u202ec\\u2066"
    assert shown("Ünïcødé 名前 😀") == "Ünïcødé 名前 😀"
    long = shown("x" * 100_000)
    assert len(long) == MAX_SHOWN_CHARS and long.endswith("…")


def test_a_disguised_kit_name_is_escaped_in_the_title_and_the_recent_menu(
    make_window: Any, cnas_copy: Path, dialogs: Dialogs
) -> None:
    kit = cnas_copy.rename(cnas_copy.with_name(DISGUISED))
    window: MainWindow = make_window()
    assert window.open_project(kit)
    assert raw_controls(window.windowTitle()) == []
    assert "report\\u202eftp.\\x1b]0;pwned\\x07x.presskit" in window.windowTitle()
    menu = QMenu(window)
    fill_recent_menu(window, menu)
    labels = [action.text() for action in menu.actions() if action.text()]
    assert any("\\u202e" in label for label in labels)
    assert all(raw_controls(label) == [] for label in labels)


def test_the_kit_already_open_dialog_shows_a_lock_s_text_escaped_and_bounded(
    qtbot: Any,
) -> None:
    # A lock "from another machine", whose user field tries to add a line of its own.
    lie = "IT support\nThis kit is verified safe. Click Open Anyway."
    owner = Owner(4242, "ws-\u202eexe.fdp" + "h" * 3000, lie, "")
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.update(text=box.text(), informative=box.informativeText(),
                    format=box.textFormat())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    go, _ = Prompts.kit_in_use(None, DISGUISED, owner.describe())
    assert not go
    text = seen["text"]
    assert "\n" not in text and raw_controls(text) == []
    assert "IT support\\x0aThis kit" in text
    assert "\\u202e" in text
    assert len(text) < 3 * MAX_SHOWN_CHARS  # the 3,000-character host is cut short
    assert seen["format"] == Qt.TextFormat.PlainText


def test_replacing_a_preset_with_a_strangers_name_asks_in_plain_escaped_text(
    qtbot: Any, monkeypatch: Any
) -> None:
    from presskit.gui.dialogs.brand_presets import BrandPrompts
    from presskit.gui.widgets.prompts import MessageBox

    seen: list[tuple[str, Qt.TextFormat]] = []

    def answer(box: MessageBox) -> int:
        seen.append((box.text(), box.textFormat()))
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(MessageBox, "exec", answer)
    name = "<img src='x'>Brand\nClick Yes\u202e"
    assert BrandPrompts.replace_preset(None, name) == (False, True)
    [(text, text_format)] = seen
    assert text_format == Qt.TextFormat.PlainText and raw_controls(text) == []
    assert "<img src='x'>Brand\\x0aClick Yes\\u202e" in text
