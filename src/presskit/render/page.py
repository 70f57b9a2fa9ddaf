"""Page templates and everything drawn around the text: running header, footer, markings.

The first page has no running header (the masthead is in the story); later pages carry the
organisation and headline. Every page gets the footer with "Page X of Y" (in the kit's
language), and the EMBARGOED banner and DRAFT watermark when the kit says so. "Y" is unknown
until the last page is done, so each page draws a named form XObject for its folio and
:class:`FolioCanvas` fills the forms in when the document is saved: one pass, and bookmarks
and links keep their real pages (a canvas that defers ``showPage`` would bind every bookmark
to the first page).

In a tagged render everything drawn here is a pagination artifact, and :class:`FolioCanvas`
carries the render's :class:`~presskit.render.tagging.Tagger`: it gives each page its
parent-tree key, names each link annotation's destination, and writes the structure tree when
the document is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate

from presskit.model.markings import ENGLISH, Phrases
from presskit.render.flowables import fit_string
from presskit.render.fonts.fallback import Face, Glyphs
from presskit.render.fonts.synthetic import StyledText
from presskit.render.styles import BLACK, WHITE, Palette, ink_on, mix
from presskit.render.tagging import (
    LANG_CALLBACK,
    PAGINATION,
    InlineText,
    Metadata,
    Tagger,
    artifact,
    mark_page,
    on_lang,
    write,
)

#: Header and footer live in the margins; margins smaller than this are widened to make room.
MIN_MARGIN = 14 * mm
FOOTER_SIZE = 7.5
HEADER_SIZE = 7.5
#: Toner coverage of the DRAFT watermark's tint, 0–1. Office laser printers drop tints under
#: about 5–8 % and a photocopier's background suppression more; 15 % prints on both, and
#: keeps body text over it above 7:1 (see docs/accessibility.md, "Markings on paper").
WATERMARK_COVERAGE = 0.15
#: The least coverage of the EMBARGOED band's fill, so a pale accent still prints a band.
BAND_COVERAGE = 0.30


def coverage(color: Any) -> float:
    """Toner a greyscale printer lays down for ``color``, 0 (paper) to 1 (solid black): one
    minus its Rec. 601 luma, the weighting printers and copiers use to turn RGB into grey."""
    luma = 0.299 * color.red + 0.587 * color.green + 0.114 * color.blue
    return float(1 - luma)


def with_coverage(color: Any, amount: float) -> Any:
    """``color``'s hue at ``amount`` coverage: mixed with white (or, for a colour paler than
    that, with black). Luma is linear in the channels, so the mix is exact."""
    own = coverage(color)
    if own >= amount:
        return mix(color, WHITE, 1 - amount / own) if own else color
    return mix(color, BLACK, (amount - own) / (1 - own))


def watermark_tint(colors: Palette) -> Any:
    """The DRAFT watermark's colour: the accent's hue, half greyed so a bright accent does not
    shout, at :data:`WATERMARK_COVERAGE` (a grey and a tint of one luma mix to that luma)."""
    grey = with_coverage(WHITE, WATERMARK_COVERAGE)
    return mix(with_coverage(colors.accent, WATERMARK_COVERAGE), grey, 0.5)


def band_fill(colors: Palette) -> Any:
    """The EMBARGOED band's colour: the accent, darkened if it is too pale to print."""
    if coverage(colors.accent) >= BAND_COVERAGE:
        return colors.accent
    return with_coverage(colors.accent, BAND_COVERAGE)


@dataclass(frozen=True)
class Geometry:
    """Page size and the text block, in points."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class PageDecor:
    """What to draw on every page; the onPage callbacks of the page templates."""

    geometry: Geometry
    colors: Palette
    glyphs: Glyphs
    running_head: str  # "CNAS · CNAS Responds: …"
    dateline: str
    footer: str
    draft: bool
    embargo: str  # "EMBARGOED until …" (in the kit's language) or ""
    #: The draft marking's words, in the kit's language (``model.markings``).
    words: Phrases = ENGLISH

    @property
    def regular(self) -> Face:
        return Face(self.glyphs.fonts.body)

    @property
    def bold(self) -> Face:
        return Face(self.glyphs.fonts.body, bold=True)

    # -- callbacks ---------------------------------------------------------------------------

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._decorate(canv, doc, running_head=False)

    def later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._decorate(canv, doc, running_head=True)

    def finish(self, canv: Canvas, pages: int) -> None:
        """Define each page's folio form, now that the page count is known."""
        for number in range(1, pages + 1):
            canv.beginForm(_folio_form(number), -400, -10, 10, 30)
            canv.setFillColor(self.colors.muted)
            self.glyphs.draw(canv, 0, 0, self.words.page.format(number=number, pages=pages),
                             self.regular, FOOTER_SIZE, align="right")
            canv.endForm()

    # -- drawing -----------------------------------------------------------------------------

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate, *, running_head: bool) -> None:
        with artifact(canv, PAGINATION):
            self._decorations(canv, doc, running_head=running_head)

    def _decorations(self, canv: Canvas, doc: BaseDocTemplate, *, running_head: bool) -> None:
        if self.draft:  # first, so it lies under the text: opaque, and the text keeps its ink
            self._once(canv, "pkWatermark", self._watermark)
        if self.embargo:
            self._once(canv, "pkEmbargo", self._embargo_banner)
        if running_head:
            self._once(canv, "pkHeader", self._header)
        elif self.draft:
            self._once(canv, "pkDraftLabel", self._draft_label)
        self._once(canv, "pkFooter", self._footer)
        canv.saveState()
        canv.translate(self.geometry.width - self.geometry.right, self._footer_text_y)
        canv.doForm(_folio_form(doc.page))
        canv.restoreState()

    @staticmethod
    def _once(canv: Canvas, name: str, draw: Callable[[Canvas], None]) -> None:
        """Place the form ``name``, drawn by ``draw`` the first time it is needed.

        Header, footer and markings are the same on every page they appear on, so the PDF
        holds each once and every page refers to it, rather than fitting, measuring and
        writing the same lines again on each of a long kit's pages.
        """
        if not canv.hasForm(name):
            canv.beginForm(name)
            canv.saveState()
            draw(canv)
            canv.restoreState()
            canv.endForm()
        canv.doForm(name)

    @property
    def _footer_text_y(self) -> float:
        return self.geometry.bottom - 10 - 11

    def _header(self, canv: Canvas) -> None:
        g, colors, glyphs = self.geometry, self.colors, self.glyphs
        rule_y = g.height - g.top + 8
        canv.setStrokeColor(colors.rule)
        canv.setLineWidth(0.6)
        canv.line(g.left, rule_y, g.width - g.right, rule_y)
        right = self.words.draft if self.draft else self.dateline
        right_width = glyphs.width(right, self.bold, HEADER_SIZE) if right else 0
        if right:
            canv.setFillColor(colors.accent_ink if self.draft else colors.muted)
            glyphs.draw(canv, g.width - g.right, rule_y + 5, right, self.bold, HEADER_SIZE,
                        align="right")
        canv.setFillColor(colors.muted)
        room = g.frame_width - right_width - 18
        head = fit_string(self.running_head, glyphs.measure(self.regular, HEADER_SIZE), room)
        glyphs.draw(canv, g.left, rule_y + 5, head, self.regular, HEADER_SIZE)

    def _draft_label(self, canv: Canvas) -> None:
        g = self.geometry
        canv.setFillColor(self.colors.accent_ink)
        self.glyphs.draw(canv, g.width - g.right, g.height - g.top + 13,
                         self.words.draft_banner, self.bold, HEADER_SIZE, align="right")

    def _footer(self, canv: Canvas) -> None:
        """The rules and the brand's footer line; the folio goes beside it (its own form)."""
        g, colors, glyphs = self.geometry, self.colors, self.glyphs
        rule_y = g.bottom - 10
        canv.setStrokeColor(colors.accent)
        canv.setLineWidth(1.2)
        canv.line(g.left, rule_y, g.left + 28, rule_y)
        canv.setStrokeColor(colors.rule)
        canv.setLineWidth(0.6)
        canv.line(g.left + 28, rule_y, g.width - g.right, rule_y)
        text_y = self._footer_text_y
        folio_room = glyphs.width(self.words.page.format(number=9999, pages=9999),
                                  self.regular, FOOTER_SIZE) + 18
        if self.footer:
            canv.setFillColor(colors.muted)
            measure = glyphs.measure(self.regular, FOOTER_SIZE)
            glyphs.draw(canv, g.left, text_y,
                        fit_string(self.footer, measure, g.frame_width - folio_room),
                        self.regular, FOOTER_SIZE)

    def _embargo_banner(self, canv: Canvas) -> None:
        g, colors = self.geometry, self.colors
        height = 17.0
        fill = band_fill(colors)
        canv.setFillColor(fill)
        canv.rect(0, g.height - height, g.width, height, stroke=0, fill=1)
        canv.setFillColor(colors.on_accent if fill is colors.accent else ink_on(fill, colors.text))
        text = fit_string(self.embargo, self.glyphs.measure(self.bold, 8.5),
                          g.width - 2 * g.left)
        self.glyphs.draw(canv, g.width / 2, g.height - height + 5.5, text, self.bold, 8.5,
                         align="centre")

    def _watermark(self, canv: Canvas) -> None:
        g = self.geometry
        canv.saveState()
        # An opaque tint under the text rather than a transparent one over it: the text
        # keeps its own ink, and there is no transparency for a printer driver to flatten.
        canv.setFillColor(watermark_tint(self.colors))
        canv.translate(g.width / 2, g.height / 2)
        canv.rotate(52)
        word, font = self.words.draft, self.glyphs.fonts.heading.bold
        # 150 pt, or smaller for a longer word than "DRAFT" (ENTWURF, BROUILLON): at most 60 %
        # of the page's diagonal, so it never runs off the corners.
        face = Face(self.glyphs.fonts.heading, bold=True)
        room = 0.6 * (g.width ** 2 + g.height ** 2) ** 0.5
        size = min(150.0, 150 * room / max(self.glyphs.width(word, face, 150), 1.0))
        if self.glyphs.covers(font, word):
            canv.setFont(font, size)
            canv.drawCentredString(0, -size / 3, word)
        else:  # a language whose word for it the heading font cannot draw
            self.glyphs.draw(canv, 0, -size / 3, word, face, size, align="centre")
        canv.restoreState()


def _folio_form(page: int) -> str:
    return f"pkFolio{page}"


class _StyledInlineText(InlineText, StyledText):
    """A tagged paragraph's text object that also draws synthetic bold and oblique (the
    tagging layer's own text object knows nothing of fonts)."""


class FolioCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type stubs
    """A canvas that lets the page decor fill in the folio forms once the page count is known."""

    def __init__(self, *args: Any, decor: PageDecor, tagger: Tagger | None = None,
                 metadata: Metadata | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self.pages_done = 0
        #: The marked-content bookkeeping of a tagged render (None: an untagged PDF).
        self.tagger = tagger
        self._metadata = metadata
        self.setNamedCB(LANG_CALLBACK, on_lang)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:  # noqa: N802
        inline = self.tagger.inline if self.tagger is not None else None
        if inline is None:  # the text object that draws synthetic bold and oblique
            return StyledText(self, x, y, direction)
        return _StyledInlineText(self, x, y, direction, *inline)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self.pages_done += 1
        if self.tagger is None:
            super().showPage()
            return
        key, has_links = self.tagger.page_ending(self)
        super().showPage()
        mark_page(self._doc.Pages.pages[-1], key, has_links)

    def linkURL(self, url: str, rect: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        if self.tagger is None:
            super().linkURL(url, rect, *args, **kwargs)
            return
        entries, link = self.tagger.link_entries(url)
        super().linkURL(url, rect, *args, **{**kwargs, **entries})
        self.tagger.link_made(self, link, self._annotationrefs[-1])

    def save(self) -> None:
        if self._code:  # a page still open: ReportLab is about to show it
            self.showPage()
        self._decor.finish(self, self.pages_done)
        if self.tagger is not None and self._metadata is not None:
            write(self, self.tagger, self._metadata)
        super().save()


class _Frame(Frame):  # type: ignore[misc]  # ReportLab has no type stubs
    """A frame that is cheap to copy.

    ReportLab deep-copies the current frame every time a ``KeepTogether`` measures its
    content (once per quote); a frame holds only numbers and a list or two, which a shallow
    copy with fresh lists copies just as well as ``deepcopy``'s general machinery, at a
    fraction of the cost.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        # What ``copy.copy`` makes (a new instance with the same attributes), made directly:
        # ``copy.copy`` goes through ``__reduce_ex__`` and ``copyreg`` for every quote.
        clone = object.__new__(type(self))
        state = clone.__dict__
        state.update(self.__dict__)
        for key, value in state.items():
            if isinstance(value, list | dict):
                empty = not value and type(value) in (list, dict)  # a frame's usual lists
                state[key] = type(value)() if empty else copy.deepcopy(value, memo)
        return clone


def page_templates(decor: PageDecor) -> list[PageTemplate]:
    """The first-page and later-page templates; both use the full text block."""
    g = decor.geometry

    def frame(frame_id: str) -> Frame:
        return _Frame(g.left, g.bottom, g.frame_width, g.frame_height, id=frame_id,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    return [
        PageTemplate(id="first", frames=[frame("first")], onPage=decor.first_page,
                     autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[frame("later")], onPage=decor.later_page),
    ]
