"""Edit ▸ Cut, Copy, Paste, Select All, Bold and Italic, acting on the field with the focus.

Cut, Copy, Paste and Select All are there for the mouse and for finding the keys: the menu
shows the platform's keys beside them (after a tab in the text, which Qt draws as the
shortcut) but does not bind them, so the keys stay with the field, list or table that has
the focus and does what it always did (a table copies its cell, a line edit its selection).
A table that binds the Paste key to an action of its own (the Experts table's Paste Answer)
gets that action from Edit ▸ Paste too.
Each command is enabled only where it would do something, checked when the menu opens.

Bold and Italic (Ctrl+B, Ctrl+I) are real shortcuts: they wrap the selection of a text box in
the kit's markup (``widgets.markup_keys``), which the text boxes would otherwise ignore. While
a text box that takes markup has the focus, the status bar says which markup there is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from presskit.gui.widgets import markup_keys
from presskit.gui.widgets.icons import themed_icon

Key = QKeySequence.StandardKey
#: Set to ``True`` on a ``QPlainTextEdit`` whose text is not kit text (no markup there).
PLAIN_PROPERTY = "presskitPlainText"


def _key_text(standard: QKeySequence.StandardKey, fallback: str) -> str:
    keys = QKeySequence.keyBindings(standard) or [QKeySequence(fallback)]
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText)


def takes_markup(widget: QWidget | None) -> bool:
    """Whether ``widget`` is an editable text box of the kit, where ``**``/``*`` mark words."""
    return (isinstance(widget, QPlainTextEdit) and not widget.isReadOnly()
            and not widget.property(PLAIN_PROPERTY))


def _line_edit(widget: QWidget | None) -> QLineEdit | None:
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def _paste_action(widget: QWidget | None) -> QAction | None:
    """The action a list or table binds to the Paste key itself, if it has one (the Experts
    table pastes an expert's answer): Edit ▸ Paste does the same there."""
    if not isinstance(widget, QAbstractItemView):
        return None
    paste_keys = set(QKeySequence.keyBindings(Key.Paste)) or {QKeySequence("Ctrl+V")}
    return next((a for a in widget.actions()
                 if a.isEnabled() and paste_keys & set(a.shortcuts())), None)


class EditActions(QObject):
    """The Edit menu's clipboard and markup commands; see the module docstring."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

        def action(text: str, icon: str, tip: str, keys: str = "") -> QAction:
            made = QAction(themed_icon(icon), f"{text}\t{keys}" if keys else text, window)
            made.setStatusTip(tip)
            return made

        self.cut = action("Cu&t", "edit-cut", "Move the selected text to the clipboard",
                          _key_text(Key.Cut, "Ctrl+X"))
        self.copy = action("&Copy", "edit-copy", "Copy the selected text to the clipboard",
                           _key_text(Key.Copy, "Ctrl+C"))
        self.paste = action("&Paste", "edit-paste", "Insert the text on the clipboard",
                            _key_text(Key.Paste, "Ctrl+V"))
        self.select_all = action("Select &All", "edit-select-all",
                                 "Select everything in the field or list",
                                 _key_text(Key.SelectAll, "Ctrl+A"))
        self.bold = action("&Bold", "format-text-bold",
                           "Mark the selected words **bold** (again to unmark)")
        self.bold.setShortcut(QKeySequence("Ctrl+B"))
        self.italic = action("&Italic", "format-text-italic",
                             "Mark the selected words *italic* (again to unmark)")
        self.italic.setShortcut(QKeySequence("Ctrl+I"))
        self.cut.triggered.connect(lambda: self._on_focus("cut"))
        self.copy.triggered.connect(lambda: self._on_focus("copy"))
        self.paste.triggered.connect(lambda: self._on_focus("paste"))
        self.select_all.triggered.connect(lambda: self._on_focus("selectAll"))
        self.bold.triggered.connect(lambda: self._mark(markup_keys.BOLD))
        self.italic.triggered.connect(lambda: self._mark(markup_keys.ITALIC))
        for shortcut_action in (self.bold, self.italic):
            window.addAction(shortcut_action)  # the keys work with the menu bar hidden too

        self.hint = QLabel(markup_keys.HINT)
        self.hint.setObjectName("markupHint")
        self.hint.setAccessibleName("Markup")
        self.hint.hide()
        window.statusBar().addWidget(self.hint)
        # A message ("Saved …") has the bar to itself; the hint comes back after it.
        window.statusBar().messageChanged.connect(lambda _text: self._show_hint())
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        self.update()

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions([self.cut, self.copy, self.paste, self.select_all])
        menu.addSeparator()
        menu.addActions([self.bold, self.italic])
        menu.aboutToShow.connect(self.update)

    def _focused(self) -> QWidget | None:
        widget = QApplication.focusWidget()
        # Only the window's own fields: a dialog's field is not this menu's business.
        return widget if widget is not None and widget.window() is self.window else None

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.update()

    def update(self) -> None:
        """Enable each command where the focused widget can do it."""
        widget = self._focused()
        line, can = _line_edit(widget), {"cut": False, "copy": False, "paste": False,
                                         "selectAll": False}
        pasteable = bool(QGuiApplication.clipboard().text())
        if line is not None:
            selected = line.hasSelectedText() and line.echoMode() == QLineEdit.EchoMode.Normal
            can = {"cut": selected and not line.isReadOnly(), "copy": selected,
                   "paste": pasteable and not line.isReadOnly(), "selectAll": bool(line.text())}
        elif isinstance(widget, QPlainTextEdit):
            selected = widget.textCursor().hasSelection()
            can = {"cut": selected and not widget.isReadOnly(), "copy": selected,
                   "paste": widget.canPaste(), "selectAll": not widget.document().isEmpty()}
        elif isinstance(widget, QAbstractItemView):
            can["selectAll"] = (widget.selectionMode() in (
                QAbstractItemView.SelectionMode.ExtendedSelection,
                QAbstractItemView.SelectionMode.MultiSelection))
            can["paste"] = pasteable and _paste_action(widget) is not None
        for name, action in (("cut", self.cut), ("copy", self.copy), ("paste", self.paste),
                             ("selectAll", self.select_all)):
            action.setEnabled(can[name])
        markup = takes_markup(widget)
        self.bold.setEnabled(markup)
        self.italic.setEnabled(markup)
        self._show_hint()

    def _show_hint(self) -> None:
        self.hint.setVisible(self.bold.isEnabled()
                             and not self.window.statusBar().currentMessage())

    def _on_focus(self, method: str) -> None:
        widget = self._focused()
        own = _paste_action(widget) if method == "paste" else None
        if own is not None:  # a list's own Paste (the Experts table's Paste Answer)
            own.trigger()
            self.update()
            return
        target: QWidget | None = _line_edit(widget) or widget
        if target is not None and hasattr(target, method):
            getattr(target, method)()
        self.update()

    def _mark(self, marker: str) -> None:
        widget = self._focused()
        if not takes_markup(widget):
            return
        assert isinstance(widget, QPlainTextEdit)
        if not markup_keys.apply(widget, marker):
            self.window.statusBar().showMessage(
                "Not marked: words can be bold or italic, not both (take the other off first)",
                6000)
