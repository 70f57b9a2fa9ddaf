"""What makes a flowable tagged: its drawing is its element's marked content.

:class:`Tagged` is mixed into presskit's flowables (and its subclasses of ReportLab's). A
flowable's ``tag`` is the :class:`~presskit.render.tagging.tree.Node` it draws (set by the
section builders through ``StructTree.mark``); ``drawOn`` wraps the drawing in that node's
marked content, and ``split`` hands the node on to the parts, so a paragraph that ReportLab
splits across pages stays one element with content on both. :class:`Decoration` marks a
flowable's whole drawing as a layout artifact (a rule, a placeholder picture).
"""

from __future__ import annotations

from typing import Any

from presskit.render.tagging.inline import has_inline_elements
from presskit.render.tagging.line_ends import space_line_ends
from presskit.render.tagging.marks import LAYOUT, artifact
from presskit.render.tagging.tree import Node


class Tagged:
    """Mixin for a Flowable: what it draws belongs to ``self.tag``."""

    tag: Node | None = None

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        tagger = getattr(canvas, "tagger", None)
        node = self.tag
        if node is None or tagger is None:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
            return
        space_line_ends(self)
        if has_inline_elements(self) and tagger.begin_inline(self, node):
            try:  # the marked content goes inside the text object (``inline``)
                super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
            finally:
                tagger.end_inline()
            return
        # What ``marks.tagged`` does, without a generator per paragraph.
        opened = tagger.begin(canvas, node)
        try:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
        finally:
            if opened:
                tagger.end(canvas)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts: list[Any] = super().split(availWidth, availHeight)  # type: ignore[misc]
        for part in parts:
            if part is not self and isinstance(part, Tagged):
                part.tag = self.tag
        return parts


class Decoration:
    """Mixin for a Flowable that only decorates: what it draws is a layout artifact."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        with artifact(canvas, LAYOUT):
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]


def table_artifacts(table: Any, event: str, *args: Any) -> None:
    """A ``Table``'s ``renderCB``: its background and its lines are layout artifacts."""
    tagger = getattr(table.canv, "tagger", None)
    if tagger is None:
        return
    if event in ("startBG", "startLines"):
        table.__dict__["_artifact_open"] = tagger.begin_artifact(table.canv, LAYOUT)
    elif event in ("endBG", "endLines") and table.__dict__.pop("_artifact_open", False):
        tagger.end(table.canv)
