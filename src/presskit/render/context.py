"""What one render carries around: the kit, its resolved style, and the warnings found so far.

A ``RenderContext`` is created per call of ``render_pdf`` and thrown away after it, so nothing
outlives a render (no module state). It makes every ``Paragraph`` (``paragraph``), so each one
gets the font fallback for characters its style's font lacks. It also prepares each image once
per render — a headshot used by a quotes section and by the bios is read, checked and shrunk a
single time, and an unusable one is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from presskit.model import Expert, Kit, Problem, Quote, Severity
from presskit.render.flowables import Headshot, LaidOutParagraph, Placeholder
from presskit.render.fonts.fallback import Face, Glyphs
from presskit.render.fonts.registry import BrandFonts
from presskit.render.images.cache import (
    ImageCache,
    ImageProblem,
    PreparedImage,
    largest_prepared,
)
from presskit.render.markup_shapes import MarkupShapes
from presskit.render.page import Geometry
from presskit.render.styles import Palette, Styles, hex_of
from presskit.render.tagging import Node, StructTree
from presskit.render.text import bind_last_words, initials, plain
from presskit.render.urls import UrlParagraph, has_url


@dataclass
class RenderContext:
    kit: Kit
    colors: Palette
    fonts: BrandFonts
    styles: Styles
    geometry: Geometry
    glyphs: Glyphs
    warnings: list[Problem] = field(default_factory=list)
    #: Images prepared by earlier renders of the same caller (the preview), if it keeps any.
    image_cache: ImageCache = field(default_factory=ImageCache)
    _images: dict[tuple[str, Path, float], PreparedImage | None] = field(
        default_factory=dict
    )
    _index: dict[str, dict[Any, Any]] = field(default_factory=dict)
    _shapes: MarkupShapes = field(default_factory=MarkupShapes)
    #: The structure tree the builders fill in reading order (written only in a tagged PDF).
    tree: StructTree = field(default_factory=StructTree)

    # Look-ups by id for this render. ``Kit.quote`` scans the list, which is fine for the
    # editor but makes a 1,000-quote render quadratic; the kit does not change during a
    # render, so the indexes are built once. The first item with an id wins, as in ``Kit``.

    def _by_id(self, key: str, items: list[Any]) -> dict[Any, Any]:
        if key not in self._index:
            index: dict[Any, Any] = {}
            for item in items:
                index.setdefault(item.id, item)
            self._index[key] = index
        return self._index[key]

    def quote(self, quote_id: str) -> Quote | None:
        found: Quote | None = self._by_id("quotes", self.kit.quotes).get(quote_id)
        return found

    def expert(self, expert_id: str) -> Expert | None:
        found: Expert | None = self._by_id("experts", self.kit.experts).get(expert_id)
        return found

    def expert_index(self, expert: Expert) -> int | None:
        """Where ``expert`` (this very object) is in the kit's list of experts."""
        if "positions" not in self._index:
            self._index["positions"] = {id(e): i for i, e in enumerate(self.kit.experts)}
        position: int | None = self._index["positions"].get(id(expert))
        return position

    @property
    def link_color(self) -> str:
        return hex_of(self.colors.link)

    def paragraph(self, markup: str, style: ParagraphStyle, raw: str | None = None,
                  cls: type[Paragraph] = LaidOutParagraph) -> Paragraph:
        """A Paragraph of ``markup`` in ``style``, every run its font lacks in a fallback
        font; should ReportLab still reject the markup, the escaped ``raw`` text instead.
        Running text keeps its last two words together when the last is short."""
        face = self.styles.face(style)
        bind = self.styles.running(style)

        def make(text: str) -> Paragraph:
            marked = self.glyphs.markup(bind_last_words(text) if bind else text, face)
            if cls is LaidOutParagraph and has_url(text):
                return UrlParagraph(marked, style, glyphs=self.glyphs, face=face)
            return cls(marked, style, frags=self._shapes.frags(marked, style))

        try:
            return make(markup)
        except ValueError:
            return make(plain(raw if raw is not None else markup))

    def warn(self, message: str, *where: str | int) -> None:
        problem = Problem(Severity.WARNING, message, tuple(where))
        if problem not in self.warnings:
            self.warnings.append(problem)

    def _prepare(self, kind: str, path: Path, size: float, what: str,
                 where: tuple[str | int, ...], fallback: str) -> PreparedImage | None:
        key = (kind, path, size)
        if key not in self._images:
            try:
                if kind == "logo":
                    width = self.geometry.frame_width * 0.6
                    prepared = self.image_cache.get(
                        path, (kind, width, size),
                        lambda: _images().prepare_logo(path, width, size),
                        largest_prepared(width, size))
                else:
                    prepared = self.image_cache.get(
                        path, (kind, size), lambda: _images().prepare_headshot(path, size),
                        largest_prepared(size, size))
            except ImageProblem as exc:
                self.warn(f"{what} {path} cannot be used: {exc}; {fallback}", *where)
                prepared = None
            self._images[key] = prepared
        return self._images[key]

    def logo(self, height: float) -> PreparedImage | None:
        logo = self.kit.brand.logo
        if logo is None:
            return None
        return self._prepare("logo", logo, height, "logo", ("brand", "logo"),
                             "the masthead is printed without it")

    def headshot(self, expert: Expert, size: float, parent: Node | None = None) -> Flowable:
        """The expert's photo as a ``size``-point square or circle (as the brand says), or a
        placeholder with initials; the photo is a ``Figure`` under ``parent``, described as
        "Photo of <name>", the placeholder decoration."""
        prepared = None
        if expert.photo is not None:
            index = self.expert_index(expert)
            where = ("experts", index, "photo") if index is not None else ("experts",)
            prepared = self._prepare(
                "photo", expert.photo, size, f"photo of {expert.name!r}:", where,
                "a placeholder is shown",
            )
        shape = self.kit.brand.headshots
        if prepared is None:
            return Placeholder(size, initials(expert.name), self.glyphs,
                               Face(self.fonts.body, bold=True), self.colors.rule,
                               self.colors.muted, shape)
        alt = f"Photo of {' '.join(expert.name.split()) or expert.id}"
        return self.tree.mark(Headshot(prepared, size, shape), "Figure", parent, alt)


def _images() -> Any:
    """``render.images``, imported when an image has to be prepared: it brings Pillow, which
    an export whose pictures are all in the cache never needs."""
    from presskit.render.images import prepare as images

    return images
