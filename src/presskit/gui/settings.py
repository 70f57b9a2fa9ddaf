"""The user's preferences and recent files, kept as one small JSON file in the config dir.

platformdirs says where the folder is (``~/.config/presskit`` on Linux), so tests that point
``XDG_CONFIG_HOME`` at a temp dir never touch a real profile. The file is read once and written
through ``storage.atomic_write`` whenever a value actually changes (as Mu does), so a crash
half-way through never leaves it truncated. A settings file that cannot be read or written is
not worth an error dialog: the app carries on with defaults and says so in the log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import platformdirs

from presskit.model import PresskitError
from presskit.storage import atomic_write

APP_NAME = "presskit"
MAX_RECENT_FILES = 10

_log = logging.getLogger(__name__)


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class Settings:
    """Named JSON values (strings, numbers, lists); ``set`` writes only when a value changes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / "settings.json"
        self._values = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            values = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            _log.warning("ignoring unreadable settings file %s: %s", self.path, exc)
            return {}
        return values if isinstance(values, dict) else {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self._values.get(key) == value and key in self._values:
            return
        self._values[key] = value
        self._write()

    def _write(self) -> None:
        text = json.dumps(self._values, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, text)
        except (OSError, PresskitError) as exc:
            _log.warning("could not save settings to %s: %s", self.path, exc)

    # Folders the file dialogs start in.

    def folder(self, key: str, fallback: Path | None = None) -> Path:
        value = self.get(key)
        if isinstance(value, str) and Path(value).is_dir():
            return Path(value)
        return fallback if fallback is not None else Path.home()

    def remember_folder(self, key: str, folder: Path) -> None:
        self.set(key, str(folder))

    # Recent files, most recent first.

    def recent_files(self) -> list[Path]:
        """The recent files that still exist; vanished ones are dropped from the list for good."""
        stored = [Path(p) for p in self.get("recent_files", []) if isinstance(p, str)]
        present = [p for p in stored if p.is_file()]
        if present != stored:
            self._set_recent(present)
        return present

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        self._set_recent([path, *(p for p in self.recent_files() if p != path)])

    def clear_recent_files(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: Iterable[Path]) -> None:
        self.set("recent_files", [str(p) for p in list(paths)[:MAX_RECENT_FILES]])
