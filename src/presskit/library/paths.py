"""Where the roster file lives: the per-user data folder, unless the user chose another place.

platformdirs picks the folder (``~/.local/share/presskit`` on Linux, ``%LOCALAPPDATA%`` on
Windows, ``~/Library/Application Support`` on macOS). A team that shares one roster points
presskit at a file in a shared folder: the app passes the path from its Preferences, the
command line takes ``--roster`` or the ``PRESSKIT_ROSTER`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "presskit"
ROSTER_FILE_NAME = "roster.yaml"
#: An environment variable naming the roster file, for the command line and scripts.
ROSTER_ENV = "PRESSKIT_ROSTER"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_roster_path() -> Path:
    """The roster in the per-user data folder (it need not exist yet)."""
    return data_dir() / ROSTER_FILE_NAME


def roster_path(override: Path | str | None = None) -> Path:
    """The roster to use: ``override`` (the user's choice), else ``$PRESSKIT_ROSTER``, else
    the default. A folder means the ``roster.yaml`` inside it; ``~`` is expanded."""
    chosen = override if override not in (None, "") else os.environ.get(ROSTER_ENV, "")
    if not chosen:
        return default_roster_path()
    path = Path(chosen).expanduser()
    return path / ROSTER_FILE_NAME if path.is_dir() else path


#: The folder inside the per-user data folder where imported brand presets keep their files.
BRANDS_FOLDER = "brands"


def brands_dir() -> Path:
    """Where imported brand presets unpack their logo and fonts (beside the default roster)."""
    return data_dir() / BRANDS_FOLDER
