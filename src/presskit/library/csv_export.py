"""The roster's experts as a CSV spreadsheet that ``csv_import`` reads back to the same experts.

One row per expert, one column per field, headed with the names import recognises. The file
is UTF-8 with a byte-order mark and CRLF line ends, which is what Excel needs to open accented
and non-Latin names correctly with a double click; LibreOffice, Google Sheets and Numbers read
it too. Topics go in one cell separated by ``;``; photos as paths relative to the CSV file.
Cells a spreadsheet would run as formulas get a leading ``'``, which import takes off.

What does not fit in a sheet stays only in the roster: the quote bank and brand presets, and
spaces at the start or end of a cell (spreadsheets trim them).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from presskit.library.csv_columns import FIELD_LABELS, join_topics, protect_cell
from presskit.library.roster import Roster
from presskit.model.kit import Expert
from presskit.storage.atomic import atomic_write
from presskit.storage.bundle.inputs import same_file
from presskit.storage.errors import StorageError
from presskit.storage.writer import relative_path

#: The columns export writes, in order.
EXPORT_FIELDS = (
    "name", "honorific", "pronouns", "title", "program", "email", "phone", "topics", "bio",
    "photo", "id",
)


def dumps_csv(experts: Iterable[Expert], folder: Path) -> str:
    """The CSV text for ``experts``; photo paths are written relative to ``folder``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([FIELD_LABELS[f] for f in EXPORT_FIELDS])
    base = os.path.abspath(folder)
    for expert in experts:
        cells = {
            "topics": join_topics(expert.topics),
            "photo": relative_path(expert.photo, base) if expert.photo is not None else "",
        }
        writer.writerow([
            protect_cell(cells[f] if f in cells else str(getattr(expert, f)))
            for f in EXPORT_FIELDS
        ])
    return buffer.getvalue()


def export_csv(roster: Roster, path: Path, roster_file: Path | None = None) -> None:
    """Write the roster's experts to ``path`` (atomically, UTF-8 with BOM).

    Raises ``StorageError`` when ``path`` is ``roster_file`` itself (by a link or another
    spelling too): the spreadsheet would replace the roster it was made from.
    """
    path = Path(path)
    if roster_file is not None:
        refuse_roster_target(path, roster_file)
    text = dumps_csv(roster.experts, path.parent)
    atomic_write(path, "\ufeff" + text)


def refuse_roster_target(path: Path, roster_file: Path) -> None:
    """Raise ``StorageError`` if a spreadsheet written to ``path`` would replace
    ``roster_file``, the roster it is made from."""
    if same_file(path, roster_file):
        raise StorageError(
            f"{path} is the roster itself ({roster_file}); writing the spreadsheet there "
            "would replace the roster: choose another file name")

