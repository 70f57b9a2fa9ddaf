"""What a new user meets: the per-user folders, and a welcome kit to open the first time.

presskit never writes inside its installation (``/opt/presskit``, ``Program Files``, the
``.app``), which the user may not be allowed to change and an update replaces. What is theirs
lives in the per-user folders platformdirs names, created at start-up, and the first start
copies the CNAS example, with its pictures, into the documents folder
(``~/Documents/presskit/cnas-responds`` on Linux) and opens it there, where it can be edited,
saved and exported like any kit. The copy is made once: the settings remember it, and a
welcome kit already in that folder is never overwritten.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from presskit import example_kit_path
from presskit.gui.document.autosave import autosave_dir
from presskit.gui.settings import APP_NAME, Settings, config_dir
from presskit.library.paths import data_dir

_log = logging.getLogger(__name__)

#: The settings key that records that the welcome kit was offered.
WELCOMED = "welcome_kit_copied"


@dataclass(frozen=True)
class UserFolders:
    """Where the user's files live, as the About box lists them."""

    kits: Path
    settings: Path
    data: Path
    autosave: Path

    @property
    def cache(self) -> Path:
        """The per-user cache (made by the cache itself: never created here). Imported
        when asked for: ``presskit.render`` imports ReportLab, which the app's start can do
        without."""
        from presskit.render.cache_entries import cache_folder

        return cache_folder("fonts").parent

    def listed(self) -> list[tuple[str, Path]]:
        return [
            ("Your kits (the welcome kit is here)", self.kits),
            ("Settings", self.settings),
            ("Roster, brand presets, your dictionary", self.data),
            ("Work saved after a crash", self.autosave),
            ("Caches (safe to delete)", self.cache),
        ]


def user_folders() -> UserFolders:
    return UserFolders(
        kits=Path(platformdirs.user_documents_dir()) / APP_NAME,
        settings=config_dir(),
        data=data_dir(),
        autosave=autosave_dir(),
    )


def create_user_folders(folders: UserFolders | None = None) -> UserFolders:
    """Create every per-user folder that does not exist yet but the cache (made by the cache
    itself, private and checked); one that cannot be created is logged, not fatal (the app
    works without them, and says so when it needs one)."""
    folders = folders or user_folders()
    for folder in (folders.kits, folders.settings, folders.data, folders.autosave):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _log.warning("could not create %s: %s", folder, exc)
    return folders


def copy_welcome_kit(kits: Path, example: Path | None = None) -> Path:
    """The welcome kit in ``kits``: the shipped example's folder (kit and pictures) copied
    there, unless a kit of that name is there already, which is left as it is."""
    example = example or example_kit_path()
    target = kits / example.parent.name
    kit = target / example.name
    if kit.is_file():
        return kit
    target.mkdir(parents=True, exist_ok=True)
    for item in example.parent.iterdir():
        if item.is_file() and item.suffix.lower() != ".pdf" and not item.name.startswith("."):
            shutil.copy2(item, target / item.name)
        elif item.is_dir() and item.name == "assets":
            shutil.copytree(item, target / item.name, dirs_exist_ok=True)
    return kit


def welcome_kit(settings: Settings, folders: UserFolders | None = None) -> Path | None:
    """On the first start only: the welcome kit to open (copied for the user), else ``None``.
    A copy that fails is logged and the app starts on an empty kit, as on later starts."""
    if settings.get(WELCOMED):
        return None
    folders = folders or user_folders()
    try:
        kit = copy_welcome_kit(folders.kits)
    except (OSError, RuntimeError) as exc:
        _log.warning("could not copy the welcome kit to %s: %s", folders.kits, exc)
        return None
    settings.set(WELCOMED, True)
    return kit
