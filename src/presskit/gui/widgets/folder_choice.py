"""Where to unpack a bundle: a new folder named after it, proposed, or any folder chosen.

A folder chooser can only pick folders that exist, so unpacking into a new one meant making it
in the chooser first (where the platform's chooser offers that at all). This dialog proposes
the natural place, a new folder beside the bundle with the bundle's name, says whether the
folder will be made or already holds files, and keeps *Choose…* for anywhere else. The folder
is made by the unpacking itself (``storage.bundle.read_bundle``), only once it is accepted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.widgets.shown import shown


def free_folder(parent: Path, stem: str) -> Path:
    """``parent/stem``, or ``parent/stem 2``, ``stem 3``… the first that does not exist."""
    candidate, number = parent / stem, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = parent / f"{stem} {number}"
    return candidate


def describe_folder(folder: Path) -> str:
    """What will happen to ``folder`` when the bundle is unpacked there, in a sentence."""
    if not folder.is_absolute():
        return "Type the whole path of the folder, or choose one."
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return f"“{shown(folder.name)}” is not a folder: choose another name."
    if not folder.exists():
        if not folder.parent.is_dir():
            return f"There is no folder “{shown(folder.parent, 200)}” to make it in."
        return "A new folder will be made for the kit and its files."
    try:
        count = sum(1 for _ in folder.iterdir())
    except OSError:
        return "This folder cannot be read."
    if count == 0:
        return "The kit and its files go into this empty folder."
    return (f"This folder already holds {count} item{'s' if count != 1 else ''}; "
            "nothing in it is overwritten.")


class FolderChoice(QDialog):
    """The unpack-into dialog; see the module docstring."""

    def __init__(self, parent: QWidget | None, bundle: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Bundle")
        self._bundle = bundle
        question = QLabel(f"Unpack “{shown(bundle.name)}” into:")
        self.path = QLineEdit(str(free_folder(bundle.parent, bundle.stem or "bundle")))
        self.path.setAccessibleName("Folder to unpack into")
        question.setBuddy(self.path)
        choose = QPushButton("&Choose…")
        choose.setToolTip("Pick another folder")
        choose.clicked.connect(self._choose)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("folderNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unpack = self.buttons.addButton("&Unpack and Open",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.unpack.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self._update()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _update(self) -> None:
        folder = self.folder()
        note = describe_folder(folder) if self.path.text().strip() else "Name a folder."
        self.note.setText(note)
        usable = (folder.is_absolute() and not folder.is_symlink()
                  and (folder.is_dir() or (not folder.exists() and folder.parent.is_dir())))
        self.unpack.setEnabled(usable and bool(self.path.text().strip()))

    def _choose(self) -> None:
        start = self.folder() if self.folder().is_dir() else self._bundle.parent
        name = QFileDialog.getExistingDirectory(self, "Unpack into Folder", str(start))
        if name:
            self.path.setText(name)
