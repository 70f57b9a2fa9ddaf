"""The main window: composes the panes around one open kit and owns its files.

Outline (left), section editor (centre) and preview (right) are docks the user can move and
resize; "Experts & quotes" and "Kit & brand" are tabified docks beside the outline. The window
keeps exactly one ``KitDocument`` and hands it to every pane; it opens, saves, exports and
closes kits, always through the engine (``storage``, ``render``) and the questions in
``Prompts``, and it remembers its layout and recent files in ``Settings``. The menus and the
toolbar are built by ``menus.py``; copying for e-mail and bundles are in ``share_actions.py``,
the roster and brand features in ``library_actions.py`` and ``brand_actions.py``. Those see
the window through ``host.py`` and never import this module.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QProgressDialog,
    QToolButton,
    QWidget,
)

from presskit import long_lived
from presskit.gui.dialogs.preflight import PreflightDialog, collect_problems, pane_for, summary
from presskit.gui.document.autosave import DEFAULT_INTERVAL_MS, Autosaver, find_autosaves
from presskit.gui.document.kit_document import KitDocument, blank_kit
from presskit.gui.document.lock_keeper import LockKeeper
from presskit.gui.editors.experts import ExpertsPanel
from presskit.gui.editors.kit_brand import KitBrandPanel
from presskit.gui.preview import render_process
from presskit.gui.preview.pane import DEFAULT_DELAY_MS, PreviewPane
from presskit.gui.preview.rendering import describe_render_error, render_in_background
from presskit.gui.sections.outline import OutlinePanel
from presskit.gui.sections.section_editor import SectionEditor
from presskit.gui.settings import Settings
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.prompts import ChangedOnDiskChoice, Prompts, UnsavedChoice
from presskit.gui.widgets.shown import shown
from presskit.gui.widgets.spelling import SPELLING_SETTING, Speller
from presskit.gui.window.background import run_in_background
from presskit.gui.window.host import MenuHost
from presskit.gui.window.library_actions import LibraryActions
from presskit.gui.window.menus import build_menus, fill_recent_menu, folder_hint
from presskit.gui.window.preflight_fixes import PreflightFixes
from presskit.gui.window.request_actions import RequestActions
from presskit.gui.window.share_actions import ShareActions
from presskit.model import Kit, PresskitError, Problem, Where
from presskit.model.ids import slugify
from presskit.model.printable import one_line
from presskit.model.validation import export_notes
from presskit.storage import (
    PROJECT_SUFFIXES,
    LoadedKit,
    atomic_write,
    load_kit,
    save_kit,
)
from presskit.storage.bundle.format import BUNDLE_SUFFIX
from presskit.storage.bundle.inputs import input_clash
from presskit.storage.disk_stamp import changed_on_disk
from presskit.storage.locks.kit import LockOwner

STATUS_TIMEOUT_MS = 6000
#: While the panes are filled with a kit, the window paints once they have taken this long.
FILL_PAINT_S = 0.03
#: At the app's start the roster is read after the first preview, or this long after the
#: window is made if no preview has come by then.
ROSTER_AT_THE_LATEST_MS = 3000
#: An export shows its progress window (with Cancel) once it has taken this long.
EXPORT_PROGRESS_DELAY_MS = 700
_log = logging.getLogger(__name__)


def keep_painting() -> None:
    """Let the window paint and its timers run between two parts of a long piece of GUI
    work; the user's clicks and keys wait until it is done."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _dock(window: QMainWindow, title: str, name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState() finds docks by object name
    dock.setWidget(widget)
    dock.setAccessibleName(title.replace("&", ""))
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


class MainWindow(MenuHost):
    """One kit, its panes, and the file operations; see the module docstring."""

    #: The dialogs; tests replace single methods (``monkeypatch.setattr(Prompts, ...)``).
    prompts: type[Prompts] = Prompts
    preflight_dialog: type[PreflightDialog] = PreflightDialog

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        autosave_interval_ms: int = DEFAULT_INTERVAL_MS,
        preview_delay_ms: int | None = DEFAULT_DELAY_MS,
        kit_follows: bool = False,
    ) -> None:
        """``kit_follows``: a kit is opened right after (the app's start, with a kit named):
        the panes are not filled with the blank kit the window starts with, nor is it
        rendered, so the window is on screen sooner (``fill_panes()`` does it after all, if
        no kit came)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(QApplication.windowIcon())
        self.settings = settings if settings is not None else Settings()
        self.undo_group = QUndoGroup(self)
        self.document = KitDocument(blank_kit(), None, self)
        self._busy = False
        #: While Export PDF renders: set to stop the render (Cancel, or closing the window).
        self._export_stop: threading.Event | None = None
        #: The export's progress window, with its Cancel button, while it renders.
        self.export_progress: QProgressDialog | None = None
        #: The window was closed during an export: close it once the export has stopped.
        self._close_after_export = False
        #: The lock beside the open kit's file, telling other presskits it is open here.
        self.lock_keeper = LockKeeper(self)
        self.lock_keeper.lost.connect(self.show_status)
        #: Spell-checking of every text field; made before the panes, whose fields find it.
        self.speller = Speller(bool(self.settings.get(SPELLING_SETTING, True)), self)
        self.speller.message.connect(self.show_status)
        if kit_follows:  # the app's start: the spelling list loads after the first preview
            self.speller.hold_loading()

        # Made in the order Tab visits them: outline, section editor, experts, kit and brand,
        # preview (the focus chain follows the order widgets are created in).
        self.outline = OutlinePanel(self)
        self.section_editor = SectionEditor(self)
        self.section_editor.setAccessibleName("Section editor")
        self.experts = ExpertsPanel(self)
        for approvals in (self.section_editor.quotes_form.approvals, self.experts.quotes.approvals):
            approvals.settings = self.settings  # the user's name for "approved by"
        self.preflight_fixes = PreflightFixes(self)
        self.kit_brand = KitBrandPanel(self)
        self.preview = PreviewPane(self, delay_ms=preview_delay_ms)
        if kit_follows:
            self.preview.rendered.connect(lambda _pages: self.speller.release_loading())
            self.preview.render_failed.connect(lambda _why: self.speller.release_loading())
        self.setCentralWidget(self.section_editor)
        self.outline_dock = _dock(self, "&Outline", "outlineDock", self.outline)
        self.preview_dock = _dock(self, "&Preview", "previewDock", self.preview)
        self.experts_dock = _dock(self, "&Experts && Quotes", "expertsDock", self.experts)
        self.kit_brand_dock = _dock(self, "&Kit && Brand", "kitBrandDock", self.kit_brand)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.resize(1400, 900)
        # The outline and the preview run the full height; experts and brand share the
        # bottom of the centre column, under the section editor, where the tables get width.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.experts_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.kit_brand_dock)
        self.tabifyDockWidget(self.experts_dock, self.kit_brand_dock)
        self.experts_dock.raise_()
        self.resizeDocks([self.outline_dock, self.preview_dock], [300, 500],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.experts_dock], [440], Qt.Orientation.Vertical)
        self.outline.section_selected.connect(self.section_editor.show_section)
        self.outline.section_added.connect(self.section_editor.start_typing)

        self.autosaver = Autosaver(self, interval_ms=autosave_interval_ms)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)
        self._check_timer.timeout.connect(self._update_problem_count)
        # A new PDF may bring the renderer's own warnings (an image it could not use).
        self.preview.rendered.connect(lambda _pages: self._update_problem_count())
        # Copy for E-mail, the e-mail draft and bundles; the File menu places its actions.
        self.share = ShareActions(self)
        self.actions_ = build_menus(self, self.share)
        # The roster dock and menu, spreadsheet import, New Kit from Text, Preferences.
        self.library = LibraryActions(self, hold_roster=kit_follows)
        self.requests = RequestActions(self, self.library.store)  # Roster ▸ Request Quotes…
        self._build_status_bar()
        self.setAcceptDrops(True)
        self._catch_project_drops()
        # The kit the window opens with is File ▸ New's: in the house brand, from the
        # roster's presets. At the app's start the roster is read once the window is up
        # (after the first preview), so the brand is taken then, if no kit came.
        if kit_follows:
            for done in (self.preview.rendered, self.preview.render_failed):
                done.connect(lambda _arg: self.library.store.start_loading())
            # …and in any case soon after the window is up, should no preview come.
            QTimer.singleShot(ROSTER_AT_THE_LATEST_MS, self, self.library.store.start_loading)
        else:
            self.document.kit = blank_kit(self.library.house_brand())
        self._panes_filled = False
        self._set_document(self.document, fill_panes=not kit_follows)
        self._default_state = self.saveState()
        self._restore_layout()

    # Status bar.

    def _build_status_bar(self) -> None:
        self.problems_button = QToolButton(self)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_button.setToolTip("List the problems presskit found in this kit")
        self.problems_button.setAccessibleName("Problems in this kit")
        self.problems_button.clicked.connect(self.check_kit)
        self.statusBar().addPermanentWidget(self.problems_button)

    def show_status(self, message: str) -> None:
        # One bounded line: a message may name a stranger's 10 MB expert or heading.
        self.statusBar().showMessage(one_line(message, 500), STATUS_TIMEOUT_MS)

    @property
    def is_busy(self) -> bool:
        """An export or a share command is waiting for its background work."""
        return self._busy

    @contextlib.contextmanager
    def working(self, *actions: QAction) -> Iterator[None]:
        """While a command waits for work in the background (its local event loop keeps the
        window live): ``actions`` are disabled, the cursor waits, and closing is refused."""
        self._busy = True
        for action in actions:
            action.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            for action in actions:
                action.setEnabled(True)
            self._busy = False

    def file_actions(self) -> list[QAction]:
        """What must wait while a file is read or written in the background."""
        a = self.actions_
        return [a.new, a.open, a.recent_menu.menuAction(), a.save, a.save_as, a.export,
                a.close, self.library.new_from_text, *self.share.actions]

    def current_problems(self) -> list[Problem]:
        """The kit's problems and the warnings of the PDF in the preview (a logo it could
        not use), which only rendering finds."""
        return collect_problems(self.document.kit, self.preview.render_warnings())

    def _update_problem_count(self) -> None:
        problems = self.current_problems()
        errors = any(p.is_error for p in problems)
        icon = "dialog-error" if errors else "dialog-warning" if problems else "dialog-information"
        self.problems_button.setIcon(themed_icon(icon))
        self.problems_button.setText(summary(problems).capitalize())

    # The document.

    def _set_document(self, document: KitDocument, *, fill_panes: bool = True) -> None:
        old = self.document
        if old is not document:
            old.undo_stack.cleanChanged.disconnect(self._clean_changed)
            old.changed.disconnect(self._check_timer.start)
            self.undo_group.removeStack(old.undo_stack)
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.changed.connect(self._check_timer.start)
        if fill_panes:
            self._fill_panes(document)
        self.autosaver.set_document(document)
        self._update_title()
        self._update_problem_count()
        if old is not document:
            old.deleteLater()

    def _fill_panes(self, document: KitDocument) -> None:
        # The preview goes first: its render starts at once, in the render process, while
        # the other panes are filled. The outline goes last: it selects its first row, and
        # the editor that row is announced to must already hold the new document. Between
        # panes the window may paint and run its timers (not take input): each pane takes
        # tens of milliseconds with an institute's kit, and all of them at once froze it for
        # a sixth of a second. It does once the panes so far have taken FILL_PAINT_S: a
        # small kit's panes are filled in a few milliseconds each, and a paint of the whole
        # window after each of them made opening the example (and the app's start) three
        # times slower.
        painted = time.monotonic()
        for pane in (self.preview, self.section_editor, self.experts, self.kit_brand,
                     self.library.panel, self.outline):
            pane.set_document(document)
            if time.monotonic() - painted >= FILL_PAINT_S:
                keep_painting()
                painted = time.monotonic()
        self._panes_filled = True

    def fill_panes(self) -> None:
        """Show the open kit in the panes, if the window was made with ``kit_follows`` and
        no kit came (it could not be opened)."""
        if not self._panes_filled:
            if self.document.path is None and not self.document.is_modified:
                self.document.kit = blank_kit(self.library.house_brand())
            self._fill_panes(self.document)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_title(self) -> None:
        # The name may come from someone else's folder: escaped, so a bidi override or a
        # control character in it cannot disguise it (a "[*]" in it is doubled, or Qt would
        # take it for the modified mark).
        path = self.document.path
        name = shown(path.name).replace("[*]", "[*][*]") if path else "Untitled"
        # Another recent kit of the same name: the folder tells them apart.
        hint = folder_hint(path, self.settings.recent_files()) if path else ""
        where = f" — {shown(hint).replace('[*]', '[*][*]')}" if hint else ""
        self.setWindowTitle(f"{name}[*]{where} — presskit")
        self.setWindowFilePath(str(self.document.path or ""))
        self.setWindowModified(self.document.is_modified)

    def confirm_discard(self) -> bool:
        """Ask about unsaved changes; ``True`` if the kit may now be closed."""
        if not self.document.is_modified:
            return True
        name = self.document.path.name if self.document.path else "Untitled"
        choice, _ = self.prompts.unsaved_changes(self, name)
        if choice is UnsavedChoice.SAVE:
            if not self.save_project():
                return False
            if self.document.is_modified:
                # Typed while the file was being written: that edit is not in the file.
                self.show_status(f"{name} was changed while it was saved: save it again")
                return False
            return True
        return choice is UnsavedChoice.DISCARD

    # File operations.

    def new_project(self, kit: Kit | None = None) -> bool:
        """File ▸ New; with ``kit`` (New Kit from Text…) that kit, unsaved and modified."""
        if self._busy or not self.confirm_discard():
            return False
        made = kit is not None
        if kit is None:  # the house brand, as New Kit from Text proposes it
            kit = blank_kit(self.library.house_brand())
        document = KitDocument(kit, None, self)
        if made:
            document.undo_stack.resetClean()  # made, not opened: closing asks to save it
        self._claim(None)
        self._set_document(document)
        self.show_status("New kit")
        if not made:  # the first thing to write is the headline: the cursor waits there
            self.select_problem(("title",))
            self.kit_brand.kit_form.select_placeholder_title()
        return True

    def close_project(self) -> bool:
        """Close the kit (asking about unsaved changes) and start a blank one."""
        name = self.document.path.name if self.document.path else "Untitled"
        if not self.new_project():
            return False
        self.show_status(f"Closed {name}")
        return True

    def open_dialog(self) -> bool:
        folder = self.start_folder("kit")
        path, accepted = self.prompts.open_path(self, folder)
        return self.open_project(path) if accepted and path is not None else False

    def open_project(self, path: Path | str, *, ask: bool = True) -> bool:
        """Open ``path``; on a bad file show the engine's message and keep the current kit.

        ``ask=False`` when the caller has already asked about unsaved changes (Open Bundle…
        asks before it unpacks)."""
        path = Path(path).absolute()
        if self._busy:
            self.show_status("Not opened: another file is still being read or written")
            return False
        try:
            # Reading an institute's kit of thousands of experts takes a second; the window
            # keeps painting meanwhile (nothing is replaced until the file has been read).
            def read() -> LoadedKit:
                long_lived.thaw()  # the kit being replaced goes to the collector again
                return load_kit(path)  # with the collector paused

            with self.working(*self.file_actions()):
                loaded = run_in_background(read)
        except PresskitError as exc:
            long_lived.freeze()  # the kit that stays open is long-lived again
            self.prompts.error(self, f"“{path.name}” could not be opened.", str(exc))
            self.show_status(f"Could not open {path.name}")
            return False
        try:
            if ask and not self.confirm_discard():
                return False
            owner = self._claim(path)
            if owner is not None:
                go, _ = self.prompts.kit_in_use(self, path.name, owner.describe())
                if not go:
                    self._claim(self.document.path)
                    return False
            self._set_document(KitDocument(loaded.kit, path, self))
        finally:
            long_lived.freeze()  # whichever kit is open now (the new one, or the old one)
        self._remember_recent(path)
        self.remember_folder("kit", path.parent)
        note = f" ({summary(loaded.problems)})" if loaded.problems else ""
        self.show_status(f"Opened {path.name}{note}")
        return True

    def save_project(self, path: Path | str | None = None) -> bool:
        """Save to ``path`` (Save As) or to the kit's own file; ask for one if it has none."""
        target = Path(path).absolute() if path is not None else self.document.path
        if target is None:
            return self.save_project_as()
        clash = self.output_clash(target, kit_itself=False) if path is not None else None
        if clash is not None:  # Save As over the kit's logo or the roster would destroy it
            self.prompts.error(self, f"“{target.name}” could not be saved.",
                               f"{clash}; choose another name for the kit")
            return False
        if target == self.document.path and changed_on_disk(target, self.document.disk_stamp):
            # Another presskit (or person) saved this file since we read it: never overwrite
            # their work without asking.
            choice, _ = self.prompts.changed_on_disk(self, target.name)
            if choice is ChangedOnDiskChoice.SAVE_AS:
                return self.save_project_as()
            if choice is not ChangedOnDiskChoice.OVERWRITE:
                self.show_status(f"Not saved: {target.name} was changed on disk")
                return False
        if self._busy:
            self.show_status("Not saved: another file is still being read or written")
            return False
        # What is saved is the kit as it is now: a snapshot written off the GUI thread, so a
        # large kit's save does not freeze the window, and an edit made meanwhile stays
        # unsaved (the kit is only marked saved if nothing changed since the snapshot).
        document = self.document
        snapshot, revision = document.snapshot_data(), document.revision
        keep_painting()  # the snapshot of a large kit takes 50 ms; so will reading it back
        try:
            with self.working(*self.file_actions()):
                run_in_background(lambda: save_kit(pickle.loads(snapshot), target))
        except PresskitError as exc:
            self.prompts.error(self, f"“{target.name}” could not be saved.", str(exc))
            return False
        if self.document is not document:  # cannot happen while busy; never mark another
            return False
        if target != document.path:
            self._claim(target)
        document.mark_saved(target, revision)
        self._update_title()
        self._remember_recent(target)
        errors = [p for p in collect_problems(self.document.kit) if p.is_error]
        if errors:
            # Opening refuses a file with errors; say so now, not next week.
            self.show_status(
                f"Saved {target.name}, but it has {summary(errors)}: fix them, or presskit "
                "will refuse to reopen it"
            )
        else:
            self.show_status(f"Saved {target.name}")
        return True

    def save_project_as(self) -> bool:
        kit = self.document.kit
        folder = self.start_folder("kit")
        name = self.document.path.name if self.document.path else (
            f"{slugify(kit.title, 'press-kit')}.presskit"
        )
        path, accepted = self.prompts.save_path(self, folder / name)
        if not accepted or path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".presskit")
        self.remember_folder("kit", path.parent)
        return self.save_project(path)

    def output_clash(self, path: Path, *, kit_itself: bool = True) -> str | None:
        """See ``WindowHost.output_clash``: the open kit's file, logo, fonts and photos, and
        the roster, by any spelling, link or hard link (``storage.bundle.inputs``)."""
        return input_clash([path], self.document.path if kit_itself else None,
                           self.document.kit, [(self.library.store.path, "the roster")])

    def _claim(self, path: Path | None) -> LockOwner | None:
        """Release the lock on the current kit's file and lock ``path`` instead; returns the
        other running presskit that has ``path`` open, if any (then no lock is taken)."""
        return self.lock_keeper.claim(path)

    def _remember_recent(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        fill_recent_menu(self, self.actions_.recent_menu)
        self._update_title()

    @staticmethod
    def _folder_key(kind: str) -> str:
        return "last_folder" if kind == "kit" else f"last_{kind}_folder"

    def start_folder(self, kind: str) -> Path:
        if self.document.path is not None:
            fallback = self.document.path.parent
        else:
            documents = Path(platformdirs.user_documents_dir())
            fallback = self.settings.folder(
                "last_folder", documents if documents.is_dir() else Path.home())
        return self.settings.folder(self._folder_key(kind), fallback)

    def remember_folder(self, kind: str, folder: Path) -> None:
        self.settings.remember_folder(self._folder_key(kind), folder)

    def review_problems(self) -> list[Problem]:
        """What the pre-flight check lists: errors, then that the kit is still a draft,
        then the warnings."""
        problems = [*export_notes(self.document.kit), *self.current_problems()]
        return sorted(problems, key=lambda p: not p.is_error)

    def review_before(self, action: str, refused: str) -> list[Problem] | None:
        """The pre-flight check every export starts with, before any file dialog: the kit's
        problems, the preview's warnings and that the kit is still a draft, with their
        fixes. ``None`` (and ``refused`` in the status bar) unless the user goes on; else
        what they were shown. Nothing to say: no dialog."""
        kit = self.document.kit
        problems = self.review_problems()
        if not problems:
            return []
        go, _ = self.preflight_dialog.review(self, kit, problems, self.select_problem,
                                             fixes=self.preflight_fixes, action=action)
        errors = [p for p in collect_problems(kit) if p.is_error]  # as the fixes left it
        if errors or not go:
            self.show_status(f"{refused}: {summary(errors)}; fix the errors first" if errors
                             else refused)
            return None
        return problems

    def export_dialog(self) -> bool:
        """File ▸ Export PDF…: check the kit, choose where, write the PDF."""
        reviewed = self.review_before("Export", "Not exported")
        if reviewed is None:
            return False
        stem = self.document.path.stem if self.document.path else slugify(
            self.document.kit.title, "press-kit")
        folder = self.start_folder("export")
        path, accepted = self.prompts.export_path(self, folder / f"{stem}.pdf")
        if not accepted or path is None:
            return False
        self.remember_folder("export", path.parent)
        return self.export_pdf(path, review=True, reviewed=reviewed)

    def export_pdf(self, path: Path | str, *, review: bool = False,
                   reviewed: Sequence[Problem] = ()) -> bool:
        """Write the kit's PDF to ``path``; never with errors in the kit.

        With ``review`` (the menu command) the pre-flight list is shown again if rendering
        found something the user was not shown before (``reviewed``) and the export waits
        for the user's go-ahead; without it (scripts, tests) warnings only reach the status
        bar.
        """
        path = Path(path)
        if self._busy:
            return False
        kit = self.document.kit  # checked here, on the GUI thread: nothing edits it meanwhile
        problems = collect_problems(kit)
        if any(p.is_error for p in problems):
            if review:
                self.preflight_dialog.review(self, kit, problems, self.select_problem)
            self.show_status(f"Not exported: {summary(problems)}; fix the errors first")
            return False
        clash = self.output_clash(path)
        if clash is not None:  # a PDF written over the kit, its logo or the roster
            self.prompts.error(self, f"“{path.name}” could not be written.",
                               f"{clash}; choose another name for the export")
            return False
        keep_painting()  # the check and the snapshot each take tens of ms on a large kit
        snapshot = self.document.snapshot_data()  # what is exported, whatever is typed next
        keep_painting()

        def checked(warnings: list[Problem]) -> tuple[Kit, list[Problem]]:
            exported: Kit = pickle.loads(snapshot)
            return exported, collect_problems(exported, warnings)

        stop = threading.Event()
        try:
            with self.working(*self.file_actions()), self._export_running(stop):
                rendered = render_in_background(snapshot, stop.is_set)
                kit, problems = run_in_background(lambda: checked(rendered.warnings))
        except Exception as exc:  # noqa: BLE001 - any render failure becomes a message
            # Cancelled: said below (the class is made with the renderer, imported by now).
            failure = None if isinstance(exc, render_process.RenderCancelled) else exc
        else:
            failure = None
        if stop.is_set():
            self.show_status("Export cancelled; no PDF was written")
            if self._close_after_export:
                self._close_after_export = False
                QTimer.singleShot(0, self.close)
            return False
        if failure is not None:
            self.prompts.error(self, "The PDF could not be made.", describe_render_error(failure))
            return False
        seen = set(reviewed)
        if review and any(p not in seen for p in problems):
            go, _ = self.preflight_dialog.review(self, kit, problems, self.select_problem,
                                                 fixes=self.preflight_fixes)
            if not go:
                self.show_status("Export cancelled")
                return False
        try:
            with self.working(*self.file_actions()):
                run_in_background(lambda: atomic_write(path, rendered.data))
        except PresskitError as exc:
            self.prompts.error(self, f"“{path.name}” could not be written.", str(exc))
            return False
        pages = f"{rendered.page_count} page{'s' if rendered.page_count != 1 else ''}"
        note = f", {summary(problems)}" if problems else ""
        self.show_status(f"Exported {path.name} ({pages}{note})")
        opening = review and self.actions_.open_after_export.isChecked()
        if opening and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_status(f"Exported {path.name}, but no PDF viewer could be started to open it")
        return True

    @contextlib.contextmanager
    def _export_running(self, stop: threading.Event) -> Iterator[None]:
        """While the PDF renders: a progress window whose Cancel sets ``stop`` (the render
        process is then stopped), shown if the render takes more than a moment."""
        progress = QProgressDialog("Making the PDF…", "Cancel", 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Export PDF")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # the window may be closed
        progress.setMinimumDuration(EXPORT_PROGRESS_DELAY_MS)
        progress.setAutoReset(False)
        progress.canceled.connect(stop.set)
        self.export_progress, self._export_stop = progress, stop
        try:
            yield
        finally:
            self.export_progress = self._export_stop = None
            progress.canceled.disconnect(stop.set)
            progress.close()
            progress.deleteLater()

    def check_kit(self) -> None:
        """List the kit's problems without exporting; an entry selects its item."""
        kit = self.document.kit
        self.preflight_dialog.review(
            self, kit, self.current_problems(), self.select_problem, exporting=False,
            fixes=self.preflight_fixes,
        )

    def select_problem(self, where: Where) -> None:
        """Show the item a problem is about in the pane that edits it."""
        self.activateWindow()  # the pre-flight dialog that asked may have had it
        pane = pane_for(where)
        if pane == "outline":
            self.outline_dock.show()
            self.outline_dock.raise_()
            self.outline.select(where)
            self.section_editor.select(where)
        elif pane == "experts":
            self.experts_dock.show()
            self.experts_dock.raise_()
            self.experts.select(where)
        else:
            self.kit_brand_dock.show()
            self.kit_brand_dock.raise_()
            self.kit_brand.select(where)

    # Crash recovery.

    def offer_recovery(self) -> bool:
        """Offer the copies a crashed session left behind; ``True`` if one was recovered."""
        for autosave in find_autosaves(self.autosaver.directory, exclude=self.autosaver.session):
            recover, _ = self.prompts.recover_autosave(self, autosave.original, autosave.saved_at)
            if not recover:
                autosave.delete()
                continue
            try:
                loaded = load_kit(autosave.kit_path)
            except PresskitError as exc:
                self.prompts.error(
                    self, "The autosaved copy could not be read; it is kept at "
                    f"{autosave.kit_path}.", str(exc),
                )
                continue
            if not self.confirm_discard():
                return False
            document = KitDocument(loaded.kit, autosave.original, self)
            self._claim(autosave.original)
            # Recovered work is unsaved work: the title shows it and closing asks about it.
            document.undo_stack.resetClean()
            self._set_document(document)
            self.autosaver.save_now()
            autosave.delete()
            name = autosave.original.name if autosave.original else "an untitled kit"
            self.show_status(f"Recovered unsaved changes to {name}")
            return True
        return False

    # Layout.

    def _restore_layout(self) -> None:
        geometry = self.settings.get("window_geometry")
        state = self.settings.get("window_state")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if isinstance(state, str):
            self.restoreState(QByteArray.fromBase64(state.encode()))
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Keep the window within its screen's free area: the default size on a small laptop,
        or a size remembered from a bigger screen or a smaller scale, would otherwise put the
        status bar and the right-hand pane out of reach."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        width, height = min(self.width(), free.width()), min(self.height(), free.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if not free.contains(self.geometry()):
            x = min(max(self.x(), free.left()), max(free.right() - self.width(), free.left()))
            y = min(max(self.y(), free.top()), max(free.bottom() - self.height(), free.top()))
            self.move(x, y)

    def save_layout(self) -> None:
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode())
        self.settings.set("window_state", bytes(self.saveState().toBase64().data()).decode())

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in (self.outline_dock, self.preview_dock, self.experts_dock,
                     self.kit_brand_dock, self.library.dock):
            dock.show()

    # Dropping a project file on the window opens it; dropping a bundle opens that.

    @staticmethod
    def _dropped_project(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> Path | None:
        for url in event.mimeData().urls():
            suffix = Path(url.toLocalFile()).suffix.lower()
            if url.isLocalFile() and (suffix in PROJECT_SUFFIXES or suffix == BUNDLE_SUFFIX):
                return Path(url.toLocalFile())
        return None

    def _catch_project_drops(self) -> None:
        """A project file dropped on a list or text field that takes drops of its own would
        stop there (Qt does not pass a refused drop up to the window); watch those widgets."""
        for widget in self.findChildren(QWidget):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if self._dropped_project(event) is not None:
                if event.type() == QEvent.Type.Drop:
                    self.dropEvent(event)
                else:
                    event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_project(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_project(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = self._dropped_project(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop returns, so the drag source is not left waiting on a dialog.
        if path.suffix.lower() == BUNDLE_SUFFIX:
            QTimer.singleShot(0, lambda: self.share.open_bundle(path))
        else:
            QTimer.singleShot(0, lambda: self.open_project(path))

    # Closing.

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._export_stop is not None:
            # Closing during an export stops it (the render may take minutes, or forever),
            # and the window closes once it has stopped, asking about unsaved changes then.
            self._export_stop.set()
            self._close_after_export = True
            self.show_status("Stopping the export…")
            event.ignore()
            return
        if self._busy:
            # An export or a bundle is waiting for its work; closing under it would lose it.
            self.show_status("Still working… close again in a moment")
            event.ignore()
            return
        if not self.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        self.preview.stop()
        self._check_timer.stop()
        self.autosaver.stop()
        self.autosaver.discard()
        self._claim(None)
        event.accept()
