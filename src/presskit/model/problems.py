"""Problems found in a kit, and the typed error that carries them across layers.

A problem says what is wrong and *where*, as a path into the kit's document structure
(``("quotes", 2, "expert")``): storage turns that into ``file:line:column`` and the GUI into a
selection, so the model never needs to know about either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

#: A path into the project document: mapping keys and list indexes, outermost first.
Where = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """``message`` is for the command line and the log, and may name ids (``quote
    'kim-2'``); ``plain``, when given, says the same to a press officer in a sentence
    without ids ("Duyeon Kim's quote “My concern is…” is pending approval")."""

    severity: Severity
    message: str
    where: Where = ()
    plain: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(message: str, *where: str | int, plain: str = "") -> Problem:
    return Problem(Severity.ERROR, message, tuple(where), plain)


def warning(message: str, *where: str | int, plain: str = "") -> Problem:
    return Problem(Severity.WARNING, message, tuple(where), plain)


def in_words(problem: Problem) -> str:
    """The sentence a window shows for ``problem``: its plain wording, else its message
    with a capital letter."""
    text = problem.plain or problem.message
    return text[:1].upper() + text[1:]


class PresskitError(Exception):
    """Base of every error presskit raises on purpose; its text is meant for the user."""


class KitProblems(PresskitError):
    """A kit (or a file) that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        first = next((p for p in self.problems if p.is_error), None)
        super().__init__(first.message if first else "invalid kit")
