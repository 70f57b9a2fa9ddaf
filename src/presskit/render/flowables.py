"""The few custom flowables a kit needs beyond ReportLab's own.

``OutlineMark`` is an invisible marker the document template turns into a bookmark
(``KeepTogetherPastMarks`` keeps it from upsetting ReportLab's fit test, and
``KeepWithNextGroup`` keeps a heading with the start, not the whole, of what follows);
``KeepHeadTogether`` keeps a name with its quote (and lets a quote longer than a page start in
place as long as the name and its first lines fit); ``BalancedParagraph`` sets a headline in
lines of similar length; ``Headshot`` draws a photo square or clipped to a circle, and
``Placeholder`` stands in for a missing one; ``Masthead`` is the first page's logo and series
band. Text drawn straight on the canvas goes through ``render.fonts.fallback.Glyphs``, so a series
label or initials in any script print as real glyphs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.flowables import HRFlowable

from presskit.model import HeadshotShape
from presskit.render.fonts.fallback import Face, Glyphs
from presskit.render.images.cache import PreparedImage
from presskit.render.styles import STEP, Palette
from presskit.render.tagging import LAYOUT, Decoration, Node, Tagged, artifact, table_artifacts
from presskit.render.tagging import tagged as tagged_content


def fit_string(text: str, measure: Callable[[str], float], width: float) -> str:
    """``text`` on one line, cut with an ellipsis if ``measure`` finds it wider than ``width``."""
    text = " ".join(text.split())
    if measure(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if measure(text[:mid].rstrip() + "…") <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


class LaidOutParagraph(Tagged, Paragraph):  # type: ignore[misc]  # ReportLab has no type stubs
    """A Paragraph that breaks its lines once for each width it is given.

    Containers ask their content for its size more than once at the same width: a
    ``KeepTogether`` to test the fit and then the frame to place it, a ``Table`` to size its
    row and again to draw the cell. Breaking lines is most of a render's time, and the result
    depends only on the width and the text (style and fragments never change once made), so
    a second ask at the same width returns the first answer. New fragments (``UrlParagraph``
    re-parses its text for a new width) are laid out again, and so is a paragraph whose
    ``split`` found no room and dropped its lines.
    """

    _laid_out: tuple[float, object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        done = self._laid_out
        # ``split`` drops the lines when nothing fits (``blPara``): then lay out again.
        if (done is not None and done[0] == availWidth and done[1] is self.frags
                and "blPara" in self.__dict__):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, self.frags)
        return size


class BalancedParagraph(Tagged, Paragraph):  # type: ignore[misc]  # ReportLab has no type stubs
    """A paragraph whose lines are as even as they can be (a headline).

    ReportLab fills each line greedily, which can leave a long headline with one word on its
    second line. This lays the text out in the narrowest width that still needs the same
    number of lines, so the break falls where both lines are about equally long; it still
    occupies (and aligns within) the full width it was given.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        lines = len(getattr(self.blPara, "lines", ()))
        if lines < 2:
            return width, height
        low, high = availWidth * (lines - 1) / lines, availWidth
        while high - low > 0.5:
            middle = (low + high) / 2
            super().wrap(middle, availHeight)
            if len(self.blPara.lines) == lines:
                high = middle
            else:
                low = middle
        _width, height = super().wrap(high, availHeight)
        return availWidth, height


class OutlineMark(Flowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """Zero-size marker: the document bookmarks the spot where it lands.

    It keeps with the next flowable, so a heading pushed to the next page takes its bookmark
    along, and it is transparent to the space between its neighbours.
    """

    _ZEROSIZE = True
    _SPACETRANSFER = True

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.keepWithNext = True
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def fill(content: list[Flowable], width: float, height: float, canv: Any = None, *,
         stacked: bool = False) -> tuple[list[Flowable], list[Flowable]]:
    """As much of ``content`` as fits in ``height``, and the rest.

    Whole flowables first, then the first part of the one that does not fit, if it splits
    there: a paragraph keeps two lines on each side (its style allows neither widows nor
    orphans), a box its heading and first lines. Space between two flowables is what a frame
    leaves (the larger of the one's space after and the next one's space before), or, with
    ``stacked``, what a table cell or :class:`Beside` leaves (both added); the first
    flowable's space before is the caller's to leave.
    """
    first: list[Flowable] = []
    rest = list(content)
    used, after = 0.0, None
    while rest:
        flowable = rest[0]
        marker = getattr(flowable, "_ZEROSIZE", False)
        if after is None or marker:
            space = 0.0
        elif stacked:
            space = after + flowable.getSpaceBefore()
        else:
            space = max(flowable.getSpaceBefore(), after)
        room = height - used - space
        if room < 0 and not marker:
            break
        size = flowable.wrapOn(canv, width, max(room, 0.0))[1]
        if size <= room + 1e-6:
            first.append(rest.pop(0))
            used += space + size
            if not marker:
                after = flowable.getSpaceAfter()
            continue
        parts = flowable.splitOn(canv, width, room) if room > 0 else []
        if len(parts) > 1:
            first.append(parts[0])
            rest[0:1] = parts[1:]
        break
    return first, rest


def visible_count(flowables: list[Flowable]) -> int:
    """How many of ``flowables`` print something (bookmarks do not)."""
    return sum(1 for f in flowables if not isinstance(f, OutlineMark))


class KeepTogetherPastMarks(KeepTogether):  # type: ignore[misc]  # ReportLab has no type stubs
    """KeepTogether whose space above is that of its first visible flowable, and which starts
    in place, split, when the whole does not fit but its head and the first lines of what
    follows do.

    ReportLab takes a container's space-before from its first member; when that is a
    zero-size :class:`OutlineMark` the heading's real space-before would be left out of the
    fit test and a heading could be stranded at a page foot.
    """

    def getSpaceBefore(self, content: list[Flowable] | None = None) -> float:  # noqa: N802
        members = self._content if content is None else content
        visible = [f for f in members if not isinstance(f, OutlineMark)]
        return float(super().getSpaceBefore(visible))

    def _start_here(self, aW: float, aH: float, head: int) -> list[Flowable] | None:
        """The content laid out from here: the part that fits (more than its first ``head``
        flowables: a heading or a name never ends a page) and the rest; None if no more than
        the head fits."""
        first, rest = fill(self._content, aW, aH, getattr(self, "canv", None))
        if visible_count(first) <= visible_count(self._content[:head]):
            return None
        # Starting here on purpose: stop the document from regrouping the head with the next
        # flowable (which would push it all to the next page again).
        for flowable in first:
            flowable.__dict__["keepWithNext"] = 0
        return [*first, *rest]


class KeepWithNextGroup(KeepTogetherPastMarks):
    """The document's keep-with-next group (bookmark, heading, first flowable after them).

    "Keep with next" means with the *start* of the next flowable: when the group does not fit,
    it starts here if the heading and the first lines of what follows do (a paragraph, box or
    entry split there), rather than leaving a half-empty page behind. A group of bookmarks and
    one paragraph (a lead with no heading) is just that paragraph, which splits like any.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        last = self._content[-1]
        # A group that is all heading (the kit ends on a heading) has nothing to split, and
        # "starting" it would hand the frame a heading that does not fit (LayoutError).
        if (aH < self._H and isinstance(last, Paragraph | Table | Beside)
                and not getattr(last, "keepWithNext", 0)):
            started = self._start_here(aW, aH, len(self._content) - 1)
            if started is not None:
                return started
        return list(super().split(aW, aH))


class KeepHeadTogether(KeepTogetherPastMarks):
    """KeepTogether for one entry (name + quote, name + bio) that splits rather than leave a
    hole.

    An entry that fits here stays whole. One that does not starts here, split, if its first
    ``head`` flowables (bookmark, section heading, name, title) and the first lines of its
    text fit: the text splits as a paragraph does (two lines at least on each side), so the
    name always comes with the first lines. Otherwise (a short quote of three lines or fewer,
    a photo that does not fit) it moves whole to the next page.
    """

    def __init__(self, flowables: list[Flowable], *, head: int) -> None:
        super().__init__(flowables)
        self._head = head

    def prepend(self, flowables: list[Flowable]) -> None:
        """Put ``flowables`` (a section heading, a bookmark) in front, as part of the head."""
        self._content[0:0] = flowables
        self._head += len(flowables)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH < self._H and getattr(self, "_frame", None) is not None:
            started = self._start_here(aW, aH, self._head)
            if started is not None:
                return started
        return list(super().split(aW, aH))


class Beside(Flowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """Flowables in a column beside a slot of fixed width (a headshot at the top left).

    What a one-row, two-column ``Table`` with ``splitInRow`` does for an entry, spaced the
    way a table cell spaces its flowables, without the table's per-cell styles and second
    measuring when drawn: a thousand quotes beside a thousand headshots took a fifth of the
    export as tables. The slot is drawn ``slot_x`` points from the left (in the page's rail,
    where the text itself is indented past it). A part that splits across pages keeps
    the slot in its first part, and more than the first ``head`` flowables (the name); the
    rest continues in the same column.
    """

    def __init__(self, slot: Flowable | None, content: list[Flowable], slot_width: float,
                 *, space_before: float = 0.0, space_after: float = 0.0, head: int = 0,
                 slot_x: float = 0.0) -> None:
        super().__init__()
        self.slot = slot
        self.content = content
        self.slot_width = slot_width
        self.slot_x = slot_x
        self.head = head
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        #: Each content flowable and the depth of its bottom below the top, once wrapped.
        self._placed: list[tuple[Flowable, float]] = []
        self._slot_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        canv = getattr(self, "canv", None)
        depth, self._placed = 0.0, []
        for index, flowable in enumerate(self.content):
            height = flowable.wrapOn(canv, availWidth - self.slot_width, availHeight)[1]
            depth += (flowable.getSpaceBefore() if index else 0.0) + height
            self._placed.append((flowable, depth))
            depth += flowable.getSpaceAfter()
        if self.content:
            depth -= self.content[-1].getSpaceAfter()  # a cell ends at its last flowable
        self._slot_height = (0.0 if self.slot is None
                             else self.slot.wrapOn(canv, self.slot_width, availHeight)[1])
        self.width, self.height = availWidth, max(depth, self._slot_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.slot is not None and self.slot.wrap(self.slot_width, availHeight)[1] > availHeight:
            return []
        first, rest = fill(self.content, availWidth - self.slot_width, availHeight,
                           getattr(self, "canv", None), stacked=True)
        if not rest:
            return [self]
        if len(first) <= self.head:
            return []
        return [Beside(self.slot, first, self.slot_width, space_before=self.spaceBefore,
                       head=0, slot_x=self.slot_x),
                Beside(None, rest, self.slot_width, space_after=self.spaceAfter)]

    def draw(self) -> None:
        canv, top = self.canv, self.height
        if self.slot is not None:
            self.slot.drawOn(canv, self.slot_x, top - self._slot_height)
        for flowable, depth in self._placed:
            flowable.drawOn(canv, self.slot_width, top - depth)


class Box(Table):  # type: ignore[misc]  # ReportLab has no type stubs
    """A one-cell table (a contact or callout box) that may split across pages, but only
    where its top — the heading and a few lines — fits on this page: a box heading is never
    left alone at the foot of a page."""

    def __init__(self, *args: object, min_start: float = 0.0, **kwargs: object) -> None:
        kwargs.setdefault("renderCB", table_artifacts)  # its tint and bar are decoration
        super().__init__(*args, **kwargs)
        self.min_start = min_start

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if availHeight < self.min_start:
            return []
        return list(super().split(availWidth, availHeight))


class Headshot(Tagged, Flowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """A prepared (square, centre-cropped) photo drawn as a square or clipped to a circle.

    The circle is a clipping path, not pixels: the JPEG stays as small as the square one and
    the edge is sharp at any zoom.
    """

    def __init__(self, image: PreparedImage, size: float, shape: HeadshotShape) -> None:
        super().__init__()
        self.image = image
        self.size = size
        self.shape = shape

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        canv, size = self.canv, self.size
        canv.saveState()
        if self.shape == HeadshotShape.CIRCLE:
            path = canv.beginPath()
            path.circle(size / 2, size / 2, size / 2)
            canv.clipPath(path, stroke=0, fill=0)
        canv.drawImage(self.image.reader(), 0, 0, size, size)
        canv.restoreState()


class Placeholder(Decoration, Flowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """A neutral grey square or circle with initials, where a headshot is missing or unusable."""

    def __init__(self, size: float, initials: str, glyphs: Glyphs, face: Face, fill: Color,
                 ink: Color, shape: HeadshotShape = HeadshotShape.SQUARE) -> None:
        super().__init__()
        self.size = size
        self.initials = initials
        self.glyphs = glyphs
        self.face = face
        self.fill = fill
        self.ink = ink
        self.shape = shape

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    # ImageAndFlowables asks its image to fit the space; a placeholder has a fixed size.
    def _restrictSize(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N802
        return self.size, self.size

    def _unRestrictSize(self) -> None:  # noqa: N802
        pass

    def draw(self) -> None:
        canv, size = self.canv, self.size
        canv.saveState()
        canv.setFillColor(self.fill)
        if self.shape == HeadshotShape.CIRCLE:
            canv.circle(size / 2, size / 2, size / 2, stroke=0, fill=1)
        else:
            canv.roundRect(0, 0, size, size, size * 0.08, stroke=0, fill=1)
        font_size = size * 0.34
        canv.setFillColor(self.ink)
        self.glyphs.draw(canv, size / 2, size / 2 - font_size * 0.36, self.initials, self.face,
                         font_size, align="centre")
        canv.restoreState()


class Rule(Decoration, HRFlowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """A horizontal rule that is decoration (the accent tab over a heading), ``indent``
    points in from the left (over the text column)."""

    indent = 0.0

    def draw(self) -> None:
        self.canv.translate(self.indent, 0)
        super().draw()


class Masthead(Flowable):  # type: ignore[misc]  # ReportLab has no type stubs
    """The first page's top: the logo (if any) above a band in the brand's primary colour
    carrying the series label and the organisation.

    Tagged, the logo is a ``Figure`` (``logo_tag``) and each of the band's two texts a
    paragraph (``text_tags``: the series label, the organisation); the band is decoration.
    """

    LOGO_HEIGHT = 40.0
    BAND_HEIGHT = 30.0
    logo_tag: Node | None = None
    text_tags: tuple[Node | None, Node | None] = (None, None)

    def __init__(self, *, logo: PreparedImage | None, series: str, organisation: str,
                 colors: Palette, glyphs: Glyphs, series_face: Face, face: Face) -> None:
        super().__init__()
        self.logo = logo
        self.series = series
        self.organisation = organisation
        self.colors = colors
        self.glyphs = glyphs
        self.series_face = series_face
        self.face = face
        self.spaceAfter = 4 * STEP

    def _logo_size(self, width: float) -> tuple[float, float]:
        if self.logo is None:
            return 0.0, 0.0
        height = self.LOGO_HEIGHT
        logo_width = height / self.logo.aspect
        if logo_width > width * 0.6:
            logo_width = width * 0.6
            height = logo_width * self.logo.aspect
        return logo_width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        logo_height = self._logo_size(availWidth)[1]
        self.height = self.BAND_HEIGHT + (logo_height + 12 if self.logo else 0)
        return self.width, self.height

    def draw(self) -> None:
        canv, width, colors, glyphs = self.canv, self.width, self.colors, self.glyphs
        canv.saveState()
        if self.logo is not None:
            logo_width, logo_height = self._logo_size(width)
            draw_vector = getattr(self.logo, "draw_on", None)  # an SVG logo (render.images.svg)
            with tagged_content(canv, self.logo_tag):
                if draw_vector is not None:
                    draw_vector(canv, 0, self.BAND_HEIGHT + 12, logo_width, logo_height)
                else:
                    canv.drawImage(
                        self.logo.reader(), 0, self.BAND_HEIGHT + 12, logo_width, logo_height,
                        mask="auto",
                    )
        with artifact(canv, LAYOUT):
            canv.setFillColor(colors.primary)
            canv.rect(0, 0, width, self.BAND_HEIGHT, stroke=0, fill=1)
            canv.setFillColor(colors.accent)
            canv.rect(0, 0, 5, self.BAND_HEIGHT, stroke=0, fill=1)
        pad = 14.0
        baseline = self.BAND_HEIGHT / 2 - 4.5
        left = self.series or self.organisation
        right = self.organisation if self.series else ""
        canv.setFillColor(colors.on_primary)
        used = 0.0
        if left:
            measure = glyphs.measure(self.series_face, 14)
            text = fit_string(left, measure, width * (0.55 if right else 0.9))
            with tagged_content(canv, self.text_tags[0]):
                glyphs.draw(canv, pad, baseline, text, self.series_face, 14)
            used = measure(text)
        if right:
            room = width - 2 * pad - used - 24
            text = fit_string(right, glyphs.measure(self.face, 9.5), room)
            with tagged_content(canv, self.text_tags[1]):
                glyphs.draw(canv, width - pad, baseline + 1.5, text, self.face, 9.5,
                            align="right")
        canv.restoreState()
