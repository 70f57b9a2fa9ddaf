"""Project files: YAML text ⇄ ``Kit``, with ``file:line:col`` messages, and safe writing.

``load_kit``/``loads_kit`` open a ``.presskit`` (or ``.yaml``/``.yml``) file and refuse it with
a ``ProjectFileError`` listing every error found; ``save_kit``/``dumps_kit`` write it back in
a stable, hand-editable form; ``load_brand`` reads a brand kept in a file of its own (the
default brand a new kit starts from); ``atomic_write`` is the one way any file is written
(``replace_all`` for a set of files, ``create_new`` for one that must be new).
No Qt, no ReportLab: the GUI and the command line both stand on this.
"""

from typing import TYPE_CHECKING, Any

from presskit.storage.atomic import atomic_write, create_new, replace_all, replace_with_folder
from presskit.storage.brand_file import load_brand
from presskit.storage.errors import (
    LocatedProblem,
    ProjectFileError,
    StorageError,
    format_problem,
)
from presskit.storage.reader import PROJECT_SUFFIXES, LoadedKit, load_kit, loads_kit
from presskit.storage.schema import FORMAT_VERSION
from presskit.storage.source_map import SourceMap

if TYPE_CHECKING:
    from presskit.storage.writer import dumps_kit, save_kit


def __getattr__(name: str) -> Any:
    """``dumps_kit`` and ``save_kit``, imported on first use: an export never saves, and the
    writer (its patterns compiled at import) would cost every export a few milliseconds."""
    if name in ("dumps_kit", "save_kit"):
        from presskit.storage import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "FORMAT_VERSION",
    "PROJECT_SUFFIXES",
    "LoadedKit",
    "LocatedProblem",
    "ProjectFileError",
    "SourceMap",
    "StorageError",
    "atomic_write",
    "create_new",
    "dumps_kit",
    "format_problem",
    "load_brand",
    "load_kit",
    "loads_kit",
    "replace_all",
    "replace_with_folder",
    "save_kit",
]
