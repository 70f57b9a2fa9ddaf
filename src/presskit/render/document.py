"""The document template and ``render_pdf``: kit in, PDF bytes and warnings out.

``render_pdf`` typesets the kit (smart quotes, on a copy: the caller's kit keeps the text as
typed), resolves the brand (fonts and their fallbacks, colours, page size), builds the story,
and lets a ``BaseDocTemplate`` lay it out into an in-memory buffer. The template turns each
:class:`OutlineMark` of the story into a bookmark in ``afterFlowable`` and carries the
metadata (title = headline, author = organisation, subject = series, keywords = topics,
creator). The PDF is tagged (PDF/UA-1, ``render.tagging``): the canvas carries a
:class:`Tagger` that marks what each flowable draws and writes the structure tree on save;
``tagged=False`` (for measuring what tagging costs) gives the PDF without it, byte for byte as
before tagging existed. Rendering is a pure function of the kit: no module state, no ReportLab
global settings touched. Anything unexpected is wrapped in a :class:`RenderError` that says
what failed.
"""

from __future__ import annotations

import io
import re
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable

import presskit
from presskit.model import Kit, PageSize, PresskitError, Quote, QuotesSection, Status, markings
from presskit.render import styles as house_style
from presskit.render.context import RenderContext
from presskit.render.flowables import KeepWithNextGroup, OutlineMark
from presskit.render.fonts import registry as font_registry
from presskit.render.fonts.coverage import missing_glyphs
from presskit.render.fonts.fallback import Glyphs
from presskit.render.images.cache import ImageCache
from presskit.render.page import MIN_MARGIN, FolioCanvas, Geometry, PageDecor, page_templates
from presskit.render.result import RenderedPdf, RenderError
from presskit.render.sections import story
from presskit.render.tagging import Metadata, Tagger
from presskit.render.text import clean, embargo_line, long_date, one_line
from presskit.render.typography import typeset


class KitDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type stubs
    """Lays out a kit's story; bookmarks every :class:`OutlineMark` where it lands."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        if isinstance(flowable, OutlineMark):
            top = self.frame._y + 14  # a little above the marked content
            self.canv.bookmarkPage(flowable.key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(clean(flowable.title), flowable.key,
                                      level=flowable.level, closed=False)


def geometry(kit: Kit) -> Geometry:
    width, height = A4 if kit.brand.page_size == PageSize.A4 else LETTER
    margins = kit.brand.margins

    def side(value: float, minimum: float = 0.0) -> float:
        points: float = float(value) * mm if value == value else 0.0  # NaN counts as 0
        return float(min(max(points, minimum), 80 * mm))

    return Geometry(
        width=width, height=height,
        top=side(margins.top, MIN_MARGIN), right=side(margins.right),
        bottom=side(margins.bottom, MIN_MARGIN), left=side(margins.left),
    )


def keywords(kit: Kit) -> list[str]:
    """Topics of the quoted experts and of the quotes used, each once (case-insensitive)."""
    found: dict[str, str] = {}

    def add(topic: str) -> None:
        topic = one_line(topic)
        if topic and topic.casefold() not in found:
            found[topic.casefold()] = topic

    quotes: dict[str, Quote] = {}
    for item in kit.quotes:
        quotes.setdefault(item.id, item)  # the first with an id, as Kit.quote finds
    used = [
        quote
        for section in kit.visible_sections() if isinstance(section, QuotesSection)
        for quote_id in section.quotes
        if (quote := quotes.get(quote_id)) is not None
    ]
    experts = {quote.expert for quote in used}
    for expert in kit.experts:
        if expert.id in experts:
            for topic in expert.topics:
                add(topic)
    for quote in used:
        add(quote.topic)
    return list(found.values())


def full_title(kit: Kit) -> str:
    """``Series: Headline``, as the running header gives it."""
    title, series = one_line(kit.title), one_line(kit.series)
    return f"{series}: {title}" if series else title


def _metadata(kit: Kit) -> dict[str, Any]:
    return {
        "title": one_line(kit.title),  # the headline; the series is the subject
        "author": one_line(kit.brand.organisation),
        "subject": one_line(kit.series) or "Press kit",
        "keywords": keywords(kit),
        "creator": f"presskit {presskit.__version__}",
    }


def language(kit: Kit) -> str:
    """The kit's language (BCP 47) for ``/Lang`` and the XMP metadata; English if blank."""
    return one_line(kit.language) or "en"


def running_head(kit: Kit) -> str:
    """``Organisation · Series: Headline``, the organisation (its short name if it has one)
    left out where the title already names it ("CNAS Responds: …" needs no "CNAS ·")."""
    title = full_title(kit)
    names = [one_line(kit.brand.short_name), one_line(kit.brand.organisation)]
    who = next((name for name in names if name), "")

    def words(text: str) -> str:
        return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "

    if any(words(name).strip() and words(name) in words(title) for name in names):
        return title
    return " · ".join(part for part in (who, title) if part)


def _decor(kit: Kit, ctx: RenderContext) -> PageDecor:
    brand = kit.brand
    return PageDecor(
        geometry=ctx.geometry,
        colors=ctx.colors,
        glyphs=ctx.glyphs,
        running_head=running_head(kit),
        dateline=long_date(kit.date, kit.language) if kit.date else "",
        footer=one_line(brand.footer),
        draft=kit.status == Status.DRAFT,
        embargo=(embargo_line(kit.embargo.until, kit.embargo.zone, language(kit))
                 if kit.embargo else ""),
        words=markings.phrases(language(kit)),
    )


def _render(kit: Kit, invariant: bool, image_cache: ImageCache | None,
            tagged: bool = True) -> RenderedPdf:
    kit = typeset(kit)
    brand_fonts, font_problems = font_registry.resolve(kit.brand.fonts)
    colors, color_problems = house_style.palette(kit.brand.colors)
    glyphs = Glyphs(brand_fonts)
    page = geometry(kit)
    ctx = RenderContext(
        kit=kit, colors=colors, fonts=brand_fonts,
        styles=house_style.build(colors, brand_fonts, page.frame_width), geometry=page,
        glyphs=glyphs,
        warnings=[*font_problems, *color_problems, *missing_glyphs(kit, glyphs)],
        image_cache=image_cache if image_cache is not None else ImageCache(),
    )
    flowables = list(story(ctx))
    decor = _decor(kit, ctx)
    metadata = _metadata(kit)
    buffer = io.BytesIO()
    g = ctx.geometry
    doc = KitDocTemplate(
        buffer,
        pagesize=(g.width, g.height),
        leftMargin=g.left, rightMargin=g.right, topMargin=g.top, bottomMargin=g.bottom,
        pageTemplates=page_templates(decor),
        invariant=1 if invariant else 0,
        initialFontName=brand_fonts.body.regular,  # never let ReportLab pull in Helvetica
        lang=language(kit),
        keepTogetherClass=KeepWithNextGroup,
        displayDocTitle=1,
        **metadata,
    )
    canvases: list[FolioCanvas] = []
    tagging: dict[str, Any] = {}
    if tagged:
        tagging = {"tagger": Tagger(ctx.tree), "metadata": Metadata(
            title=metadata["title"], author=metadata["author"], subject=metadata["subject"],
            keywords=metadata["keywords"], creator=metadata["creator"],
            language=language(kit))}

    def make_canvas(*args: Any, **kwargs: Any) -> FolioCanvas:
        canvas = FolioCanvas(*args, decor=decor, **tagging, **kwargs)
        canvas.showOutline()
        canvases.append(canvas)
        return canvas

    doc.build(flowables, canvasmaker=make_canvas)
    return RenderedPdf(buffer.getvalue(), canvases[-1].pages_done, ctx.warnings)


def render_pdf(kit: Kit, *, strict: bool = False, invariant: bool = False,
               image_cache: ImageCache | None = None, tagged: bool = True) -> RenderedPdf:
    """The kit as a PDF; unusable images and fonts become warnings (errors when ``strict``).

    ``invariant`` makes the output byte-for-byte repeatable (no dates or random ids), for
    tests. A caller that renders again and again (the preview) passes the same
    ``image_cache`` each time, so unchanged photos are not decoded again; the PDF is the same
    with or without it. ``tagged=False`` leaves out the structure tree (the benchmark
    compares the two). Raises :class:`RenderError` on any failure, and with ``strict`` if
    there is any warning.
    """
    try:
        result = _render(kit, invariant, image_cache, tagged)
    except PresskitError:
        raise
    except Exception as exc:
        raise RenderError(
            f"could not render the PDF for {kit.title!r}: {type(exc).__name__}: {exc}"
        ) from exc
    if strict and result.warnings:
        raise RenderError.from_warnings(result.warnings)
    return result
