"""Spell-checking as you type in the kit's text fields: a red wavy underline under words the
kit's language does not know, and a context menu with suggestions, *Add to Dictionary* and
*Ignore*.

``install_spelling(widget, kit)`` is the one hook: the binding layer calls it for every text
field it binds, with a callable giving the open kit (its language picks the dictionary, its
names count as known words). A ``QPlainTextEdit`` gets a ``QSyntaxHighlighter``; a
``QLineEdit``, which has none, gets its underline as input-method text formats (the way an
input method marks its pre-edit text), re-sent whenever its text changes.

``Speller`` is the window's: whether checking is on (Preferences), the user's dictionary, the
words ignored this session, and the loading of a language's word list. Loading English takes
a third of a second, so it happens in the thread pool the first time a field needs it; the
fields are underlined when it is there. A field finds its window's ``Speller`` when it first
checks, so forms need not be handed one.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QRunnable,
    QSignalBlocker,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget

from presskit.gui.widgets.markup_keys import COMMAND_PROPERTY
from presskit.library.spelling import (
    Checker,
    UserDictionaryError,
    Word,
    accepted_keys,
    add_user_word,
    dictionary_language,
    kit_names,
    load_dictionary,
    loaded_dictionary,
    name_words,
    primary_language,
    read_user_words,
    user_dictionary_path,
)
from presskit.model import Kit

_log = logging.getLogger(__name__)

#: The Preferences setting: check spelling as you type (on unless turned off).
SPELLING_SETTING = "check_spelling"
#: Suggestions offered in the context menu.
MAX_SUGGESTIONS = 5
#: Paragraphs of one field checked at most: a stranger's 100,000-paragraph bio must not
#: make every change of the dictionary re-check it all.
MAX_CHECKED_BLOCKS = 2_000

KitSource = Callable[[], Kit | None]


def misspelled_format() -> QTextCharFormat:
    """The platform's spell-check underline (a red wave on Linux and Windows)."""
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    text_format.setUnderlineColor(QColor("red"))
    return text_format


def language_name(tag: str) -> str:
    """"Japanese (ja)": the English name of a language tag's language, and the tag."""
    name = QLocale.languageToString(QLocale(primary_language(tag)).language())
    return f"{name} ({tag})" if name and name != "C" else tag


class _Relay(QObject):
    """Lives on the GUI thread, so a finished load reaches the speller as a queued call."""

    loaded = Signal(str)


class _Load(QRunnable):
    def __init__(self, code: str, relay: _Relay) -> None:
        super().__init__()
        self._code = code
        self._relay = relay

    def run(self) -> None:
        try:
            load_dictionary(self._code)
        except Exception:  # noqa: BLE001 - a broken install: no spelling, not a crash
            _log.exception("could not load the %s spelling dictionary", self._code)
            return
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._relay.loaded.emit(self._code)


class Speller(QObject):
    """The window's spell-checking state; see the module docstring."""

    #: Anything that changes what is underlined: a list loaded, a word added, on/off.
    changed = Signal()
    #: A message for the status bar (a word that could not be saved).
    message = Signal(str)

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speller")
        self._enabled = enabled
        self.user_path = user_dictionary_path()
        self.user_words = read_user_words(self.user_path)
        self.ignored: set[str] = set()
        self._loading: set[str] = set()
        #: Lists asked for while loading is held (``hold_loading``).
        self._held: list[str] | None = None
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._on_loaded)
        self._generation = 0
        self._key: tuple[Any, ...] | None = None
        self._checker: Checker | None = None
        self._user_key: frozenset[str] | None = None

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self._touch()

    def checker_for(self, kit: Kit | None) -> Checker | None:
        """The checker for ``kit``'s text, or ``None`` while there is none to use: checking
        is off, the language has no list, or its list is still loading (it is then asked
        for, and ``changed`` tells when it is there)."""
        if not self._enabled or kit is None:
            return None
        code = dictionary_language(kit.language)
        if code is None:
            return None
        dictionary = loaded_dictionary(code)
        if dictionary is None:
            self.load(code)
            return None
        names = kit_names(kit)
        key = (code, kit.language, names, self._generation)
        if key != self._key or self._checker is None:
            if self._user_key is None:  # made again only when a word is added or ignored
                self._user_key = accepted_keys([*self.user_words, *self.ignored])
            self._checker = Checker(dictionary, kit.language,
                                    keyed=(name_words(names), self._user_key))
            self._key = key
        return self._checker

    def load(self, code: str) -> None:
        """Start loading the list for ``code`` in the thread pool, once."""
        if code in self._loading or loaded_dictionary(code) is not None:
            return
        self._loading.add(code)
        if self._held is not None:
            self._held.append(code)
            return
        # Started once the event loop runs, not while the window is still being built: the
        # load shares the interpreter with the window's thread and would slow its opening.
        QTimer.singleShot(0, self, lambda: QThreadPool.globalInstance().start(
            _Load(code, self._relay)))

    def hold_loading(self) -> None:
        """Load no list until ``release_loading()``: the app's start holds them until its
        first preview is on screen (parsing the English list takes 0.45 s of the interpreter,
        which the window's thread shares)."""
        if self._held is None:
            self._held = []

    def release_loading(self) -> None:
        held, self._held = self._held, None
        for code in held or []:
            self._loading.discard(code)
            self.load(code)

    def _on_loaded(self, code: str) -> None:
        self._loading.discard(code)
        self._touch()

    def status(self, language: str) -> str:
        """One sentence on spell-checking for a kit in ``language``, for the kit form."""
        if not self._enabled:
            return "Spelling is not checked (turned off in Edit ▸ Preferences)."
        code = dictionary_language(language)
        if code is None:
            return (f"Spelling is off for {language_name(language)}: presskit has no "
                    "dictionary for it.")
        return f"Spelling is checked in {language_name(code).split(' (')[0]}."

    def add_word(self, word: str) -> bool:
        """Add ``word`` to the user's dictionary file; ``False`` (and a message) if it could
        not be saved."""
        try:
            self.user_words = add_user_word(self.user_path, word)
        except UserDictionaryError as exc:
            self.message.emit(str(exc))
            return False
        self._touch()
        return True

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the window closes, without saving it."""
        self.ignored.add(word)
        self._touch()

    def _touch(self) -> None:
        self._user_key = None
        self._generation += 1
        self.changed.emit()


def find_speller(widget: QWidget) -> Speller | None:
    """The speller of ``widget``'s main window, if it has one (a floating dock is a window
    of its own, so the search starts from the top of the widget's parents)."""
    top, parent = widget, widget.parentWidget()
    while parent is not None:
        top, parent = parent, parent.parentWidget()
    found = top.findChild(Speller, "speller")
    return found if isinstance(found, Speller) else None


class _Highlighter(QSyntaxHighlighter):
    """Underlines the misspelled words of each paragraph of a ``QPlainTextEdit``."""

    def __init__(self, document: QTextDocument, field: _FieldSpelling) -> None:
        super().__init__(document)
        self._field = field
        self._format = misspelled_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        checker = self._field.checker()
        if checker is None or self.currentBlock().blockNumber() >= MAX_CHECKED_BLOCKS:
            return
        for word in checker.misspelled(text):
            self.setFormat(word.start, word.end - word.start, self._format)


class _FieldSpelling(QObject):
    """One text field's spell-checking: its underline, its context menu, staying current."""

    def __init__(self, widget: QLineEdit | QPlainTextEdit, kit: KitSource) -> None:
        super().__init__(widget)
        self.widget = widget
        self._kit = kit
        self._speller: Speller | None = None
        #: The checker the underline was last drawn with: another one means redraw.
        self._drawn_with: Checker | None = None
        self._highlighter: _Highlighter | None = None
        if isinstance(widget, QPlainTextEdit):
            self._highlighter = _Highlighter(widget.document(), self)
        else:
            # Formats sent while the line edit is still handling the keystroke are dropped
            # when it finishes: they are sent once it has.
            self._later = QTimer(self)
            self._later.setSingleShot(True)
            self._later.setInterval(0)
            self._later.timeout.connect(self.redraw)
            widget.textChanged.connect(self._later.start)
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(self.show_menu)
        widget.installEventFilter(self)

    # -- which checker ----------------------------------------------------------------------

    def speller(self) -> Speller | None:
        if self._speller is None:
            self._speller = find_speller(self.widget)
            if self._speller is not None:
                self._speller.changed.connect(self.redraw)
        return self._speller

    def checker(self) -> Checker | None:
        speller = self.speller()
        self._drawn_with = None if speller is None else speller.checker_for(self._kit())
        return self._drawn_with

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The kit's language or names may have changed in another pane since the underline
        # was drawn (the checker is then another one): redraw when the field comes back.
        if event.type() in (QEvent.Type.Show, QEvent.Type.FocusIn):
            speller = self.speller()
            current = None if speller is None else speller.checker_for(self._kit())
            if current is not self._drawn_with:
                self.redraw()
        return False

    # -- the underline ----------------------------------------------------------------------

    def redraw(self) -> None:
        if self._highlighter is not None:
            # A new underline is a change of format, which the box reports as changed text:
            # not an edit, and the box may still hold another section's words (shown again
            # before it is filled), which its binding would write into the kit.
            with QSignalBlocker(self.widget):
                self._highlighter.rehighlight()
            return
        edit = self.widget
        assert isinstance(edit, QLineEdit)
        checker = self.checker()
        words = checker.misspelled(edit.text()) if checker is not None else []
        text_format = misspelled_format()
        cursor = edit.cursorPosition()  # input-method formats are placed from the cursor
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, w.start - cursor, w.end - w.start,
                text_format)
            for w in words
        ]
        QApplication.sendEvent(edit, QInputMethodEvent("", attributes))

    def misspelled(self) -> list[tuple[int, Word]]:
        """The misspelled words of the field, with the offset of their paragraph."""
        checker = self.checker()
        if checker is None:
            return []
        if isinstance(self.widget, QLineEdit):
            return [(0, w) for w in checker.misspelled(self.widget.text())]
        found: list[tuple[int, Word]] = []
        block = self.widget.document().firstBlock()
        while block.isValid() and block.blockNumber() < MAX_CHECKED_BLOCKS:
            found.extend((block.position(), w) for w in checker.misspelled(block.text()))
            block = block.next()
        return found

    def word_at(self, pos: QPoint) -> tuple[int, Word] | None:
        """The misspelled word under ``pos`` (viewport coordinates for a text box)."""
        checker = self.checker()
        if checker is None:
            return None
        if isinstance(self.widget, QLineEdit):
            offset, text, at = 0, self.widget.text(), self.widget.cursorPositionAt(pos)
        else:
            cursor = self.widget.cursorForPosition(pos)
            block = cursor.block()
            offset, text, at = block.position(), block.text(), cursor.positionInBlock()
        return next(((offset, w) for w in checker.misspelled(text) if w.start <= at <= w.end),
                    None)

    # -- the context menu -------------------------------------------------------------------

    def menu(self, pos: QPoint) -> QMenu:
        """The field's standard menu, with the spelling entries for the word at ``pos``."""
        widget = self.widget
        menu = (widget.createStandardContextMenu() if isinstance(widget, QLineEdit)
                else widget.createStandardContextMenu(pos))
        menu.setObjectName("spellingMenu")
        first = menu.actions()[0] if menu.actions() else None
        found = self.word_at(pos)
        speller = self.speller()
        if found is not None and speller is not None:
            offset, word = found
            checker = self.checker()
            suggestions = checker.suggestions(word.text, MAX_SUGGESTIONS) if checker else []
            entries: list[QAction] = []
            for suggestion in suggestions:
                action = QAction(suggestion, menu)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(partial(self.replace, offset, word, suggestion))
                entries.append(action)
            if not suggestions:
                none = QAction("(no suggestions)", menu)
                none.setEnabled(False)
                entries.append(none)
            add = QAction("Add to Dictionary", menu)
            add.setToolTip(f"Never underline “{word.text}” again (saved in {speller.user_path})")
            add.triggered.connect(partial(speller.add_word, word.text))
            ignore = QAction("Ignore", menu)
            ignore.setToolTip(f"Do not underline “{word.text}” until presskit is closed")
            ignore.triggered.connect(partial(speller.ignore, word.text))
            entries += [add, ignore]
            menu.insertActions(first, entries)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        elif speller is not None and self.checker() is None:
            kit = self._kit()
            if kit is not None:
                menu.addSeparator()
                note = menu.addAction(speller.status(kit.language))
                note.setEnabled(False)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        origin = (self.widget.viewport() if isinstance(self.widget, QPlainTextEdit)
                  else self.widget)
        menu.popup(origin.mapToGlobal(pos))

    def replace(self, offset: int, word: Word, replacement: str) -> None:
        """Put ``replacement`` where ``word`` is, as one undo step of its own."""
        # Recorded as a command ("Undo Correct text"), not merged into the typing before it.
        self.widget.setProperty(COMMAND_PROPERTY, "Correct")
        try:
            if isinstance(self.widget, QLineEdit):
                self.widget.setSelection(word.start, word.end - word.start)
                self.widget.insert(replacement)
            else:
                cursor = QTextCursor(self.widget.document())
                cursor.setPosition(offset + word.start)
                cursor.setPosition(offset + word.end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(replacement)
        finally:
            self.widget.setProperty(COMMAND_PROPERTY, None)


def install_spelling(widget: QWidget, kit: KitSource) -> None:
    """Check the spelling of ``widget`` (a line edit or a text box) as the user types, in the
    language of the kit ``kit()`` returns; any other widget is left as it is."""
    if isinstance(widget, QLineEdit | QPlainTextEdit) and not widget.findChild(_FieldSpelling):
        _FieldSpelling(widget, kit)


def field_spelling(widget: QWidget) -> _FieldSpelling | None:
    """The spell-checking of ``widget``, if it has one (for tests and screenshots)."""
    found = widget.findChild(_FieldSpelling)
    return found if isinstance(found, _FieldSpelling) else None
