"""Two-way links between form widgets and values at paths in the open kit.

A ``Binder`` belongs to one form. Its ``base`` callable says which item the form currently
shows (e.g. ``("experts", 3)``), and each bound widget adds a relative path (``("title",)``).
A user edit becomes one ``SetValue`` pushed on the document; a change arriving from the
document (undo, redo, another view) is written back into the widget with its signals
blocked, so it never echoes as a new command. Bases are callables rather than fixed paths
because the item a form shows can move in its list while the form is open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QKeyCombination, QObject, QSignalBlocker, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from presskit.gui.document.commands import SetValue
from presskit.gui.widgets.markup_keys import COMMAND_PROPERTY
from presskit.gui.widgets.spelling import install_spelling
from presskit.model.limits import MAX_LINE_FIELD_CHARS
from presskit.model.paths import get_at
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument
    from presskit.model import Kit


class ValueWidget(Protocol):
    """What a custom input (colour button, image picker…) offers to be bound."""

    edited: SignalInstance

    def value(self) -> Any: ...

    def set_value(self, value: Any) -> None: ...


def describe(widget: QWidget, name: str, tooltip: str = "") -> QWidget:
    """Give ``widget`` the accessible name screen readers announce, and a tooltip."""
    widget.setAccessibleName(name)
    if tooltip:
        widget.setToolTip(tooltip)
    return widget


def index_of(items: list[Any], item: Any) -> int | None:
    """Where ``item`` itself (not an equal one) is in ``items``; identity survives moves."""
    return next((i for i, candidate in enumerate(items) if candidate is item), None)


def touches(a: Where, b: Where) -> bool:
    """Whether a change at one path can affect the value at the other (one contains the other)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


_CTRL_Y = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)


class _UndoGoesToDocument(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's Undo/Redo actions from inside a field.

    Text widgets claim those shortcuts for their own private undo, which would bypass the
    document's stack (and the "one step per field" merging). Refusing the shortcut override
    hands the key to the application's actions instead.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination() == _CTRL_Y  # the second redo key (gui.window.menus)
            )
        ):
            event.ignore()
            return True
        return False


class _Field:
    def __init__(
        self,
        widget: QWidget,
        rel: Where,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        to_widget: Callable[[Any], Any],
        to_model: Callable[[Any], Any],
        clear: Callable[[], None],
    ) -> None:
        self.widget = widget
        self.rel = rel
        self.read = read
        self.write = write
        self.to_widget = to_widget
        self.to_model = to_model
        #: Empties the widget while the form shows nothing, so it never shows a stale value.
        self.clear = clear


def _same(value: Any) -> Any:
    return value


class Binder(QObject):
    """Keeps a form's widgets and the document in step; see the module docstring."""

    def __init__(self, parent: QObject, base: Callable[[], Where | None]) -> None:
        super().__init__(parent)
        self._base = base
        self._fields: list[_Field] = []
        self.document: KitDocument | None = None
        self._undo_filter = _UndoGoesToDocument(self)
        #: Other values that change with an edit, in the same undo step (a list editor's
        #: id following the name typed); given the path and the new value.
        self.follow: Callable[[Where, Any], list[tuple[Where, Any]]] | None = None

    # -- wiring ---------------------------------------------------------------------------

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.document = document
        if document is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self.refresh()

    def _connections(self) -> list[tuple[SignalInstance, Callable[..., None]]]:
        assert self.document is not None
        d = self.document
        return [
            (d.value_changed, self._on_value_changed),
            (d.inserted, self._on_structure_changed),
            (d.removed, self._on_structure_changed),
            (d.moved, self._on_structure_changed),
        ]

    def bind(
        self,
        widget: QWidget,
        *rel: str | int,
        to_widget: Callable[[Any], Any] = _same,
        to_model: Callable[[Any], Any] = _same,
        on_finish: bool = False,
    ) -> QWidget:
        """Bind ``widget`` to the value at ``base + rel``; converters map between the two.

        ``on_finish`` commits a line edit only when editing finishes, for values that are
        not text in the model (a list typed as comma-separated words).
        """
        read: Callable[[], Any]
        write: Callable[[Any], None]
        clear: Callable[[], None]
        commit = self._committer(widget, rel, to_model)
        if hasattr(widget, "edited") and hasattr(widget, "set_value"):
            custom: Any = widget  # a ValueWidget (inputs.py), checked before its Qt base class
            read, write = custom.value, custom.set_value
            clear = partial(custom.set_value, None)
            custom.edited.connect(commit)
        elif isinstance(widget, QLineEdit):
            # Qt cuts a line edit's text at 32,767 characters by default, silently: the cut
            # text would be written back at the next edit, or by merely tabbing through. A
            # longer value than the limit is shown cut and read-only (``_write_line_edit``).
            widget.setMaxLength(MAX_LINE_FIELD_CHARS)
            read, write = widget.text, _write_line_edit(widget)
            clear = widget.clear
            line_commit = _uncut(widget, commit)
            if on_finish:
                widget.editingFinished.connect(lambda: line_commit(widget.text()))
            else:
                widget.textEdited.connect(line_commit)
            widget.installEventFilter(self._undo_filter)
        elif isinstance(widget, QPlainTextEdit):
            read, write = widget.toPlainText, _write_plain_text(widget)
            clear = widget.clear
            widget.setUndoRedoEnabled(False)  # the document's stack is the one undo history
            widget.textChanged.connect(lambda: commit(widget.toPlainText()))
            widget.installEventFilter(self._undo_filter)
        elif isinstance(widget, QCheckBox):
            read, write = widget.isChecked, widget.setChecked
            clear = partial(widget.setChecked, False)
            widget.toggled.connect(commit)
        elif isinstance(widget, QComboBox):
            read, write = widget.currentData, _write_combo(widget)
            clear = partial(widget.setCurrentIndex, -1)
            widget.activated.connect(lambda _row: commit(widget.currentData()))
        elif isinstance(widget, QDoubleSpinBox):
            # Without keyboard tracking a typed number is one edit, not one per digit.
            widget.setKeyboardTracking(False)
            read, write = widget.value, widget.setValue
            clear = partial(widget.setValue, widget.minimum())
            widget.valueChanged.connect(commit)
        else:  # pragma: no cover - a programming error, not a user one
            raise TypeError(f"cannot bind {type(widget).__name__}")
        install_spelling(widget, self._kit)  # text fields only; others are left alone
        self._fields.append(_Field(widget, tuple(rel), read, write, to_widget, to_model, clear))
        return widget

    def _kit(self) -> Kit | None:
        return self.document.kit if self.document is not None else None

    def _committer(
        self, widget: QWidget, rel: Where, to_model: Callable[[Any], Any]
    ) -> Callable[[Any], None]:
        def commit(value: Any) -> None:
            # The control's accessible name makes the Edit menu say "Undo Edit headline".
            name = widget.accessibleName() or str(rel[-1]).replace("_", " ")
            if not name[:2].isupper():  # "Headline" → "headline", but "URL" stays
                name = name[:1].lower() + name[1:]
            # A command's edit (Ctrl+B: "Bold") is its own undo step, not merged typing.
            command = widget.property(COMMAND_PROPERTY)
            if command:
                self.set(rel, to_model(value), f"{command} {name}", mergeable=False)
            else:
                self.set(rel, to_model(value), f"Edit {name}")

        return commit

    # -- model access ---------------------------------------------------------------------

    def path(self, *rel: str | int) -> Where | None:
        base = self._base() if self.document is not None else None
        return None if base is None else (*base, *rel)

    def get(self, *rel: str | int) -> Any:
        path = self.path(*rel)
        return None if path is None or self.document is None else get_at(self.document.kit, path)

    def set(self, rel: Where, value: Any, text: str = "", *, mergeable: bool = True) -> None:
        """Push a ``SetValue`` for ``base + rel`` unless the value is already there."""
        path = self.path(*rel)
        if path is None or self.document is None:
            return
        if get_at(self.document.kit, path) == value:
            return
        label = text or f"Edit {str(rel[-1]).replace('_', ' ')}"
        also = self.follow(path, value) if self.follow is not None else []
        self.document.push(SetValue(self.document, path, value, label, mergeable=mergeable,
                                    also=also))

    # -- document → widgets ---------------------------------------------------------------

    def refresh(self) -> None:
        """Write every field from the model (or empty and disable them when nothing is shown)."""
        for field in self._fields:
            self._load(field)

    def _load(self, field: _Field) -> None:
        path = self.path(*field.rel)
        field.widget.setEnabled(path is not None)
        if path is None:
            # Nothing to show (no expert selected, none in the kit): an empty, disabled field
            # rather than the last item's text, which would read as this one's.
            with QSignalBlocker(field.widget):
                field.clear()
            return
        value = get_at(self.document.kit, path) if self.document is not None else None
        with QSignalBlocker(field.widget):
            field.write(field.to_widget(value))

    def _on_value_changed(self, where: Where) -> None:
        base = self.path()
        if base is None or not touches(where, base):
            return
        for field in self._fields:
            full = (*base, *field.rel)
            if touches(where, full):
                self._load(field)

    def _on_structure_changed(self, _where: Where, *_indexes: int) -> None:
        # An insert, removal or move may shift the shown item's index; loading only writes
        # widgets whose text differs, so a full pass is cheap and leaves cursors alone.
        self.refresh()


#: Set on a line edit showing a value cut at its maximum length (then read-only).
_CUT = "presskitCut"


def _uncut(widget: QLineEdit, commit: Callable[[Any], None]) -> Callable[[Any], None]:
    """``commit``, except from a line edit showing a cut value: a value is never written
    back shorter only because the widget could not hold it."""
    def guarded(text: Any) -> None:
        if not widget.property(_CUT):
            commit(text)

    return guarded


def _write_line_edit(widget: QLineEdit) -> Callable[[Any], None]:
    def write(value: Any) -> None:
        text = "" if value is None else str(value)
        cut = len(text) > widget.maxLength()
        if widget.text() != text[:widget.maxLength()]:
            widget.setText(text)  # Qt keeps the first maxLength characters
            widget.setCursorPosition(0 if cut else len(text))
        if cut != bool(widget.property(_CUT)):
            if cut:
                widget.setProperty("presskitTip", widget.toolTip())
                widget.setToolTip(f"This value is {len(text):,} characters long, more than "
                                  f"the {widget.maxLength():,} this field can edit; it is "
                                  "kept as it is")
            else:
                widget.setToolTip(str(widget.property("presskitTip") or ""))
            widget.setReadOnly(cut)
            widget.setProperty(_CUT, cut)

    return write


def _write_plain_text(widget: QPlainTextEdit) -> Callable[[Any], None]:
    def write(value: Any) -> None:
        text = "" if value is None else str(value)
        if widget.toPlainText() != text:
            widget.setPlainText(text)

    return write


def _write_combo(widget: QComboBox) -> Callable[[Any], None]:
    def write(value: Any) -> None:
        row = widget.findData(value)
        if row < 0 and value is not None:
            row = widget.findData(str(value))
        widget.setCurrentIndex(row)

    return write
