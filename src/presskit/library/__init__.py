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

__all__ = [
    "AdvisoryResult", "BrandPreset", "CsvImportError", "CsvPreview", "FieldChange",
    "ImportResult", "KitAddition", "LoadedRoster", "Roster", "RosterFileError", "RosterUpdate",
    "SaveOutcome", "add_to_kit", "default_roster_path", "export_csv", "import_rows",
    "load_roster", "parse_advisory", "roster_path", "save_roster", "save_to_roster", "sniff",
    "sniff_sheets",
    "updates_from_roster",
]
