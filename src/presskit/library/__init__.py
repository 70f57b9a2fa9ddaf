"""The per-user library: the expert roster with its quote bank and brand presets, spreadsheet
import and export, and pasted advisories turned into kits. No Qt; stands on ``storage`` and
``model`` like the rest of the engine.

- ``roster`` / ``roster_file`` / ``paths``: the roster as data, its YAML file, where it lives;
- ``csv_import`` (``sniff`` then ``import_rows``) / ``csv_export``: spreadsheets; a
  workbook (.xlsx, .ods) is checked by ``workbook_archive`` and read by ``workbooks``;
- ``advisory`` (``parse_advisory``): plain text → kit;
- ``merge``: roster ⇄ kit without duplicates ("Add to kit", "Update from roster", "Save to
  roster").
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presskit.library.advisory.parse import AdvisoryResult, parse_advisory
    from presskit.library.csv_export import export_csv
    from presskit.library.csv_import import (
        CsvImportError,
        CsvPreview,
        ImportResult,
        import_rows,
        sniff,
        sniff_sheets,
    )
    from presskit.library.merge import (
        FieldChange,
        KitAddition,
        RosterUpdate,
        SaveOutcome,
        add_to_kit,
        save_to_roster,
        updates_from_roster,
    )
    from presskit.library.paths import default_roster_path, roster_path
    from presskit.library.roster import BrandPreset, Roster
    from presskit.library.roster_file import LoadedRoster, RosterFileError, load_roster, save_roster

#: Where each name lives: loaded on first use (PEP 562), so a caller that needs the roster's
#: path does not also compile the advisory parser's patterns and load the spreadsheet readers
#: (about 40 ms before the window shows).
_WHERE = {
    "AdvisoryResult": "presskit.library.advisory.parse",
    "parse_advisory": "presskit.library.advisory.parse",
    "export_csv": "presskit.library.csv_export",
    "CsvImportError": "presskit.library.csv_import",
    "CsvPreview": "presskit.library.csv_import",
    "ImportResult": "presskit.library.csv_import",
    "import_rows": "presskit.library.csv_import",
    "sniff": "presskit.library.csv_import",
    "sniff_sheets": "presskit.library.csv_import",
    "FieldChange": "presskit.library.merge",
    "KitAddition": "presskit.library.merge",
    "RosterUpdate": "presskit.library.merge",
    "SaveOutcome": "presskit.library.merge",
    "add_to_kit": "presskit.library.merge",
    "save_to_roster": "presskit.library.merge",
    "updates_from_roster": "presskit.library.merge",
    "default_roster_path": "presskit.library.paths",
    "roster_path": "presskit.library.paths",
    "BrandPreset": "presskit.library.roster",
    "Roster": "presskit.library.roster",
    "LoadedRoster": "presskit.library.roster_file",
    "RosterFileError": "presskit.library.roster_file",
    "load_roster": "presskit.library.roster_file",
    "save_roster": "presskit.library.roster_file",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AdvisoryResult", "BrandPreset", "CsvImportError", "CsvPreview", "FieldChange",
    "ImportResult", "KitAddition", "LoadedRoster", "Roster", "RosterFileError", "RosterUpdate",
    "SaveOutcome", "add_to_kit", "default_roster_path", "export_csv", "import_rows",
    "load_roster", "parse_advisory", "roster_path", "save_roster", "save_to_roster", "sniff",
    "sniff_sheets",
    "updates_from_roster",
]
