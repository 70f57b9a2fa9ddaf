"""The errors storage raises and the one way a problem is printed: ``file:line:col: error: …``.

A model ``Problem`` knows *where* in the document it is (a path of keys and indexes); storage
knows where that path is in the file. Problems found while reading the YAML itself (syntax,
duplicate keys, refused tags) already have an exact position, so they travel as a
``LocatedProblem`` that carries line and column along with the path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from presskit.model.problems import KitProblems, PresskitError, Problem, Where


class SourceMap(Protocol):
    """Where a path of keys and indexes is in its file (``source_map.SourceMap`` is one);
    named here as a protocol so that this module, which the YAML reading imports, does not
    import the reading back."""

    def locate(self, where: Where) -> tuple[int, int] | None: ...


class StorageError(PresskitError):
    """A file could not be written or read; the message names the file and the reason."""


def describe_os_error(exc: OSError) -> str:
    """``PermissionError`` → ``permission denied``: the reason, as the end of a sentence."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason[:1].lower() + reason[1:]


@dataclass(frozen=True)
class LocatedProblem(Problem):
    """A problem with a known 1-based position, used when the path alone would point elsewhere
    (a duplicate key, a refused tag, a syntax error)."""

    line: int = 0
    column: int = 0


def position_of(problem: Problem, source_map: SourceMap | None) -> tuple[int, int] | None:
    """The 1-based ``(line, column)`` of ``problem`` in its file, if known."""
    if isinstance(problem, LocatedProblem) and problem.line > 0:
        return problem.line, problem.column
    if source_map is None:
        return None
    return source_map.locate(problem.where)


def format_problem(problem: Problem, path: Path | str, source_map: SourceMap | None) -> str:
    """``path:line:col: error: message``, or ``path: warning: message`` without a position."""
    where = position_of(problem, source_map)
    severity = problem.severity.value
    message = " ".join(problem.message.split())  # one line each, whatever a library said
    if where is None:
        return f"{path}: {severity}: {message}"
    line, column = where
    return f"{path}:{line}:{column}: {severity}: {message}"


class ProjectFileError(KitProblems):
    """A project file that cannot be opened, with every problem found in it.

    ``problems`` holds errors (in file order) followed by any warnings; ``str()`` is the
    errors, one formatted line each, ready for a terminal or a dialog.
    """

    def __init__(
        self, problems: Iterable[Problem], path: Path | str, source_map: SourceMap | None
    ) -> None:
        super().__init__(problems, source=str(path))
        self.path = Path(path)
        self.source_map = source_map

    def __str__(self) -> str:
        return "\n".join(
            format_problem(p, self.path, self.source_map) for p in self.problems if p.is_error
        )
