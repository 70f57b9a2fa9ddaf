"""What a render gives back: the PDF with its page count and warnings, or a ``RenderError``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from presskit.model import PresskitError, Problem


@dataclass
class RenderedPdf:
    """The PDF bytes, how many pages they hold, and what the user should look at."""

    data: bytes
    page_count: int
    warnings: list[Problem] = field(default_factory=list)


def _place(problem: Problem) -> str:
    return ".".join(str(part) for part in problem.where)


class RenderError(PresskitError):
    """The PDF could not be made (or, in strict mode, was made with warnings)."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)

    @classmethod
    def from_warnings(cls, warnings: Sequence[Problem]) -> RenderError:
        lines = [f"{_place(p)}: {p.message}" if p.where else p.message for p in warnings]
        count = f"{len(warnings)} problem{'s' if len(warnings) != 1 else ''}"
        return cls(f"strict export refused, {count} found:\n" + "\n".join(lines), warnings)
