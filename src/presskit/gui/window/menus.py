"""The main window's actions, menus and toolbar, with standard shortcuts and themed icons.

Kept apart from ``main_window`` because it is a long, flat list of wiring; it sees the window
as a ``host.MenuHost`` and the File menu's share commands are handed in. Shortcuts are the
platform's standard ``QKeySequence`` bindings, with a fallback where a platform defines none
(Windows has no standard Quit). The section actions belong to the outline pane, which
enables them; the Undo and Redo actions come from the window's ``QUndoGroup``, so they always
act on the open kit's stack and show what they would undo.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton

from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.shown import shown
from presskit.gui.window.edit_actions import EditActions
from presskit.gui.window.host import MenuHost, WindowActions
from presskit.gui.window.share_actions import ShareActions

Key = QKeySequence.StandardKey


def _keys(standard: QKeySequence.StandardKey, fallback: str = "") -> list[QKeySequence]:
    keys = QKeySequence.keyBindings(standard)
    return keys or ([QKeySequence(fallback)] if fallback else [])


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, and Ctrl+Y besides: Word's and Windows' redo, which Qt's X11
    and macOS key schemes leave out (with GNOME's or KDE's scheme Redo is Ctrl+Shift+Z
    only, so Ctrl+Y did nothing on Linux desktops)."""
    keys = _keys(Key.Redo, "Ctrl+Shift+Z")
    ctrl_y = QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y))
    return keys if ctrl_y in keys else [*keys, ctrl_y]


def _action(
    window: MenuHost, text: str, icon: str, tip: str, slot: Callable[[], object],
    keys: list[QKeySequence] | None = None,
) -> QAction:
    action = QAction(themed_icon(icon) if icon else themed_icon(""), text, window)
    if keys:
        action.setShortcuts(keys)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MenuHost, share: ShareActions) -> WindowActions:
    """Create the actions, put them in the menu bar and toolbar, and return them."""
    a = WindowActions(
        new=_action(window, "&New", "document-new", "Start a new press kit",
                    window.new_project, _keys(Key.New, "Ctrl+N")),
        open=_action(window, "&Open…", "document-open", "Open a press kit file",
                     window.open_dialog, _keys(Key.Open, "Ctrl+O")),
        recent_menu=QMenu("Open &Recent", window),
        save=_action(window, "&Save", "document-save", "Save the kit",
                     window.save_project, _keys(Key.Save, "Ctrl+S")),
        save_as=_action(window, "Save &As…", "document-save-as", "Save the kit under a new name",
                        window.save_project_as, _keys(Key.SaveAs, "Ctrl+Shift+S")),
        check=_action(window, "C&heck Kit…", "dialog-warning",
                      "List unapproved quotes, missing photos and other problems",
                      window.check_kit, [QKeySequence("F7")]),
        export=_action(window, "&Export PDF…", "document-export",
                       "Check the kit and export the PDF", window.export_dialog,
                       [QKeySequence(QKeyCombination(Qt.KeyboardModifier.ControlModifier,
                                                     Qt.Key.Key_E))]),
        open_after_export=QAction("Open the PDF When &Done", window),
        close=_action(window, "&Close", "document-close", "Close the kit",
                      window.close_project, _keys(Key.Close, "Ctrl+W")),
        quit=_action(window, "&Quit", "application-exit", "Quit presskit",
                     window.close, _keys(Key.Quit, "Ctrl+Q")),
        undo=window.undo_group.createUndoAction(window, "&Undo"),
        redo=window.undo_group.createRedoAction(window, "&Redo"),
        toolbar=QToolBar("Main toolbar", window),
        edit=EditActions(window),
    )
    a.open_after_export.setCheckable(True)
    a.open_after_export.setChecked(bool(window.settings.get("open_pdf_after_export", False)))
    a.open_after_export.setStatusTip("Open each exported PDF in the default PDF viewer")
    a.open_after_export.toggled.connect(
        lambda on: window.settings.set("open_pdf_after_export", bool(on)))
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    group = window.undo_group
    for action, icon, keys, tip, word, text_changed in (
        (a.undo, "edit-undo", _keys(Key.Undo, "Ctrl+Z"), "Undo the last change", "Undo",
         group.undoTextChanged),
        (a.redo, "edit-redo", redo_keys(), "Redo the change just undone", "Redo",
         group.redoTextChanged),
    ):
        action.setIcon(themed_icon(icon))
        action.setShortcuts(keys)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        # The toolbar button says only "Undo": with the whole "Undo Edit headline" the
        # buttons after it would jump sideways on every edit. The tooltip names the change.
        action.setIconText(word)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text_changed.connect(
            lambda text, action=action, word=word, tip=tip, shortcut=shortcut: action.setToolTip(
                f"{word} {text} ({shortcut})" if text else tip
            )
        )
    a.recent_menu.setIcon(themed_icon("document-open-recent"))
    a.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window, a.recent_menu))
    fill_recent_menu(window, a.recent_menu)

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.setObjectName("fileMenu")  # gui.library_actions adds to it
    file_menu.addActions([a.new, a.open])
    file_menu.addMenu(a.recent_menu)
    file_menu.addAction(share.open_bundle_action)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as, share.save_bundle_action])
    file_menu.addSeparator()
    file_menu.addActions([a.check, a.export, a.open_after_export])
    file_menu.addSeparator()
    file_menu.addActions([share.copy_action, share.draft_action, share.email_page_action])
    file_menu.addSeparator()
    file_menu.addActions([a.close, a.quit])

    edit_menu = bar.addMenu("&Edit")
    edit_menu.setObjectName("editMenu")  # gui.library_actions adds to it
    edit_menu.addActions([a.undo, a.redo])
    a.edit.add_to(edit_menu)

    outline = window.outline
    section_menu = bar.addMenu("&Section")
    section_menu.addMenu(outline.add_menu)
    section_menu.addActions([outline.duplicate_action, outline.delete_action])
    section_menu.addSeparator()
    section_menu.addActions([outline.move_up_action, outline.move_down_action])

    view_menu = bar.addMenu("&View")
    view_menu.setObjectName("viewMenu")  # gui.library_actions adds to it
    for dock in (window.outline_dock, window.preview_dock, window.experts_dock,
                 window.kit_brand_dock):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addAction(a.toolbar.toggleViewAction())
    view_menu.addSeparator()
    preview = window.preview
    for text, keys, slot, tip in (
        ("Zoom &In", _keys(Key.ZoomIn, "Ctrl++"), preview.zoom_in, "Enlarge the preview"),
        ("Zoom &Out", _keys(Key.ZoomOut, "Ctrl+-"), preview.zoom_out, "Shrink the preview"),
        ("&Fit Width", [QKeySequence("Ctrl+0")], preview.fit_width,
         "Fit the preview page to the pane's width"),
    ):
        view_menu.addAction(_action(window, text, "", tip, slot, keys))
    view_menu.addSeparator()
    view_menu.addAction(_action(window, "&Reset Layout", "", "Put every pane back in its place",
                                window.reset_layout))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(_action(window, "&About presskit", "help-about", "About presskit",
                                lambda: show_about(window)))
    help_menu.addAction(_action(window, "About &Qt", "", "About the Qt toolkit",
                                QApplication.aboutQt))

    toolbar = a.toolbar
    toolbar.setObjectName("mainToolBar")  # saveState() finds toolbars by object name
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([a.new, a.open, a.save])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
    toolbar.addSeparator()
    add_button = QToolButton(toolbar)
    add_button.setMenu(outline.add_menu)
    add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    add_button.setIcon(outline.add_menu.icon())
    add_button.setText("Add Section")
    add_button.setToolTip("Add a section of any type after the selected one")
    add_button.setAccessibleName("Add section")
    add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addWidget(add_button)
    toolbar.addActions([outline.move_up_action, outline.move_down_action])
    toolbar.addSeparator()
    toolbar.addActions([a.check, a.export])
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and not button.accessibleName():
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return a


def folder_hint(path: Path, others: list[Path]) -> str:
    """The end of ``path``'s folder that tells it apart from the ``others`` of the same file
    name (``"client-a"``, or ``"2025/drafts"`` when both folders are called ``drafts``), or
    ``""`` when no other has its name."""
    rivals = [o.parent.parts for o in others if o.name == path.name and o != path]
    if not rivals:
        return ""
    parts = path.parent.parts
    for depth in range(1, len(parts) + 1):
        tail = parts[-depth:]
        if all(rival[-depth:] != tail for rival in rivals):
            break
    return "/".join(p for p in parts[-depth:] if p != path.anchor) or str(path.parent)


def fill_recent_menu(window: MenuHost, menu: QMenu) -> None:
    """Rebuild Open Recent from the settings (missing files are dropped there); kits of the
    same name say which folder they are in."""
    menu.clear()
    recent = window.settings.recent_files()
    for number, path in enumerate(recent, start=1):
        # A name from someone else's folder may hold controls or bidi overrides (shown
        # escaped) and "&" (doubled, or it would take the mnemonic).
        hint = folder_hint(path, recent)
        name = shown(f"{path.name} — {hint}" if hint else path.name).replace("&", "&&")
        label = f"&{number} {name}" if number < 10 else f"1&0 {name}"
        action = menu.addAction(label)
        action.setToolTip(shown(path, 1000))
        action.setStatusTip(shown(path, 1000))
        action.triggered.connect(lambda _=False, p=path: window.open_project(p))
    menu.addSeparator()
    clear = menu.addAction("&Clear Menu")
    clear.setEnabled(bool(recent))
    clear.triggered.connect(window.settings.clear_recent_files)
    menu.setToolTipsVisible(True)


def show_about(window: MenuHost) -> None:
    # Imported when asked for: it reads every package's metadata (``importlib.metadata``).
    from presskit.gui.dialogs.about import AboutDialog

    AboutDialog(window).exec()
