"""The sheets of an .xlsx or .ods workbook as rows of text, for ``csv_import``.

The reader is python-calamine (Rust's calamine): one library for both formats, it reads the
value each formula cell was saved with and never evaluates a formula, and it is fast and
lean enough for a roster of 100,000 experts. It only ever sees a workbook that
``workbook_archive.check_workbook`` passed and repacked.

Cells become the text a person sees: a phone number stored as a number stays
``4722000000`` (not ``4722000000.0``), a date is ISO (``2024-03-01``), a date with a time
``2024-03-01 10:30``, a duration ``26:30:00``, TRUE and FALSE as a spreadsheet shows them.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import multiprocessing
import multiprocessing.connection
from dataclasses import dataclass
from typing import Any

import python_calamine

from presskit.library.workbook_archive import WorkbookError, check_workbook
from presskit.model.limits import MAX_WORKBOOK_READ_SECONDS, MAX_WORKBOOK_READER_BYTES

#: Numbers up to this are whole numbers as text; beyond, a float has lost digits anyway.
_EXACT = 10**15


@dataclass(frozen=True)
class SheetRows:
    """One sheet's cells as text; ``rows[0]`` is sheet row ``first_row`` (1-based) and
    each row's first cell is in column ``first_column`` (1-based)."""

    name: str
    first_row: int
    first_column: int
    rows: list[list[str]]


def read_sheets(data: bytes, name: str) -> list[SheetRows]:
    """Every worksheet of the workbook ``data`` (chart sheets left out), in order.
    Raises ``WorkbookError`` naming ``name``.

    The reader runs in a process of its own, stopped after ``MAX_WORKBOOK_READ_SECONDS``
    and held to ``MAX_WORKBOOK_READER_BYTES``: a damaged sheet once kept calamine's Rust
    code busy with no end, which neither a thread nor a signal can interrupt."""
    checked = check_workbook(data, name)
    outcome = _in_child(checked.data, name, checked.kind)
    if isinstance(outcome, str):
        raise WorkbookError(outcome)
    return outcome


def _context() -> Any:  # a ForkServerContext or SpawnContext (typeshed has no common type)
    """A fork server where there is one (fast, and forked from a process with no threads,
    unlike the app), else a fresh interpreter per read (Windows)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _in_child(data: bytes, name: str, kind: str) -> list[SheetRows] | str:
    """``_read`` in a child process: its sheets, or what went wrong in a sentence."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, data, name, kind), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(MAX_WORKBOOK_READ_SECONDS):
            return (f"{name} could not be read within {MAX_WORKBOOK_READ_SECONDS} s; it may "
                    "be damaged: open it in a spreadsheet program and save it again")
        outcome: list[SheetRows] | str = receive.recv()
        return outcome
    except (EOFError, OSError):
        return (f"{name} stopped the {kind} reader (it needed more than "
                f"{MAX_WORKBOOK_READER_BYTES >> 30} GB of memory, or is damaged)")
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join()


def _child(send: multiprocessing.connection.Connection, data: bytes, name: str,
           kind: str) -> None:  # pragma: no cover - runs in the child process
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # not on Windows

        resource.setrlimit(resource.RLIMIT_AS,
                           (MAX_WORKBOOK_READER_BYTES, MAX_WORKBOOK_READER_BYTES))
    try:
        outcome: list[SheetRows] | str = _read(data, name, kind)
    except WorkbookError as exc:
        outcome = str(exc)
    with contextlib.suppress(OSError):
        send.send(outcome)
        send.close()


def _read(data: bytes, name: str, kind: str) -> list[SheetRows]:
    """What ``read_sheets`` returns, read in this process."""
    try:
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            sheets = []
            for meta in book.sheets_metadata:
                if meta.typ not in (python_calamine.SheetTypeEnum.WorkSheet,):
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                # The whole grid from A1, so row and column numbers are the sheet's own
                # (``iter_rows`` starts at row 1 but at the first filled column).
                rows = [[cell_text(v) for v in row]
                        for row in sheet.to_python(skip_empty_area=False)]
                left = min((next(i for i, c in enumerate(row) if c) for row in rows
                            if any(row)), default=0)
                sheets.append(SheetRows(meta.name, 1, left + 1, [r[left:] for r in rows]))
    except python_calamine.PasswordError:
        raise WorkbookError(f"{name} is password-protected: remove the password and save "
                            "it again") from None
    except WorkbookError:
        raise
    except BaseException as exc:  # pyo3 turns a panic in the reader into a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise WorkbookError(f"{name} cannot be read as a {kind} workbook "
                            f"({detail})") from None
    return sheets


def cell_text(value: object) -> str:
    """A cell's value as the text a person sees in the sheet."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, datetime.timedelta):
        # As a sheet shows a duration ([h]:mm:ss): 26:30:00, not Python's "1 day, 2:30:00".
        seconds = round(value.total_seconds())
        hours, rest = divmod(abs(seconds), 3600)
        return f"{'-' if seconds < 0 else ''}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return "" if value is None else str(value)
