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

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from presskit.model import Expert, Kit, Problem, Severity
from presskit.render import images
from presskit.render.fallback import Face, Glyphs
from presskit.render.flowables import Headshot, Placeholder
from presskit.render.fonts import BrandFonts
from presskit.render.page import Geometry
from presskit.render.styles import Palette, Styles, hex_of
from presskit.render.text import initials, plain
from presskit.render.urls import URL, UrlParagraph


@dataclass
class RenderContext:
    kit: Kit
    colors: Palette
    fonts: BrandFonts
    styles: Styles
    geometry: Geometry
    glyphs: Glyphs
    warnings: list[Problem] = field(default_factory=list)
    _images: dict[tuple[str, Path, float], images.PreparedImage | None] = field(
        default_factory=dict
    )

    @property
    def link_color(self) -> str:
        return hex_of(self.colors.link)

    def paragraph(self, markup: str, style: ParagraphStyle, raw: str | None = None,
                  cls: type[Paragraph] = Paragraph) -> Paragraph:
        """A Paragraph of ``markup`` in ``style``, every run its font lacks in a fallback
        font; should ReportLab still reject the markup, the escaped ``raw`` text instead."""
        face = self.styles.face(style)

        def make(text: str) -> Paragraph:
            marked = self.glyphs.markup(text, face)
            if cls is Paragraph and URL.search(text):
                return UrlParagraph(marked, style, glyphs=self.glyphs, face=face)
            return cls(marked, style)

        try:
            return make(markup)
        except ValueError:
            return make(plain(raw if raw is not None else markup))

    def warn(self, message: str, *where: str | int) -> None:
        problem = Problem(Severity.WARNING, message, tuple(where))
        if problem not in self.warnings:
            self.warnings.append(problem)

    def _prepare(self, kind: str, path: Path, size: float, what: str,
                 where: tuple[str | int, ...], fallback: str) -> images.PreparedImage | None:
        key = (kind, path, size)
        if key not in self._images:
            try:
                if kind == "logo":
                    prepared = images.prepare_logo(path, self.geometry.frame_width * 0.6, size)
                else:
                    prepared = images.prepare_headshot(path, size)
            except images.ImageProblem as exc:
                self.warn(f"{what} {path} cannot be used: {exc}; {fallback}", *where)
                prepared = None
            self._images[key] = prepared
        return self._images[key]

    def logo(self, height: float) -> images.PreparedImage | None:
        logo = self.kit.brand.logo
        if logo is None:
            return None
        return self._prepare("logo", logo, height, "logo", ("brand", "logo"),
                             "the masthead is printed without it")

    def headshot(self, expert: Expert, size: float) -> Flowable:
        """The expert's photo as a ``size``-point square or circle (as the brand says), or a
        placeholder with initials."""
        prepared = None
        if expert.photo is not None:
            index = next((i for i, e in enumerate(self.kit.experts) if e is expert), None)
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
        return Headshot(prepared, size, shape)
