"""The brand as a palette and a set of ParagraphStyles: the house style in one place.

Colours come from the brand (``#rrggbb``; an unreadable value falls back to the default with a
warning) and a few derived tints and greys; type sizes, leading and spacing are fixed here so
every kit has the same clear hierarchy: a large headline, a slightly larger lead, 10.5 pt body
text, headings in the brand's primary colour. Running text keeps a reader's measure (``MEASURE``
characters a line, whatever the font and page) in a column beside a rail (docs/layout.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from presskit.model import Colors, Problem, Severity
from presskit.model.validation import COLOR_PATTERN
from presskit.render.fonts.fallback import Face
from presskit.render.fonts.registry import BrandFonts

WHITE = Color(1, 1, 1)
BLACK = Color(0, 0, 0)
#: The least contrast any text gets on its background (WCAG 2 AA for body text).
READABLE = 4.5


def mix(color: Color, other: Color, amount: float) -> Color:
    """``color`` moved ``amount`` (0–1) of the way towards ``other``."""
    return Color(
        color.red + (other.red - color.red) * amount,
        color.green + (other.green - color.green) * amount,
        color.blue + (other.blue - color.blue) * amount,
    )


def luminance(color: Color) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red) + 0.7152 * channel(color.green)
        + 0.0722 * channel(color.blue)
    )


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(background: Color, dark: Color) -> Color:
    """White or ``dark``, whichever reads better on ``background``; black where neither
    reaches 4.5:1 and black does (a mid-grey or mid-blue band)."""
    ink = WHITE if contrast(WHITE, background) >= contrast(dark, background) else dark
    if contrast(ink, background) < READABLE and contrast(BLACK, background) > contrast(
        ink, background
    ):
        return BLACK
    return ink


def readable(color: Color, *backgrounds: Color) -> Color:
    """``color``, darkened towards black just enough to reach 4.5:1 on every background:
    a brand's pale grey or light blue stays its hue and becomes legible."""
    for step in range(41):
        candidate = mix(color, BLACK, step / 40)
        if all(contrast(candidate, background) >= READABLE for background in backgrounds):
            return candidate
    return BLACK


def hex_of(color: Color) -> str:
    """``#rrggbb`` for paragraph markup (``<a color="…">``)."""
    return "#" + "".join(f"{round(c * 255):02x}" for c in (color.red, color.green, color.blue))


@dataclass(frozen=True)
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color  # secondary text: titles, dateline, footer
    heading_ink: Color  # headline, headings, names: the primary colour, darkened if pale
    rule: Color  # hairlines
    primary_tint: Color  # box backgrounds
    accent_tint: Color
    on_primary: Color  # text drawn on a primary-coloured band
    on_accent: Color  # text drawn on an accent-coloured band
    accent_ink: Color  # small bold accent text (dateline, DRAFT): the accent if readable
    link: Color


def palette(colors: Colors) -> tuple[Palette, list[Problem]]:
    """The brand colours plus derived tints; bad values fall back to the defaults."""
    problems: list[Problem] = []
    defaults = Colors()
    parsed: dict[str, Color] = {}
    for name in ("primary", "accent", "text"):
        value = getattr(colors, name)
        if not isinstance(value, str) or not COLOR_PATTERN.match(value):
            problems.append(Problem(
                Severity.WARNING,
                f"colour {value!r} is not a #rrggbb colour; the default "
                f"{getattr(defaults, name)} is used",
                ("brand", "colors", name),
            ))
            value = getattr(defaults, name)
        parsed[name] = HexColor(value)
    primary, accent, text = parsed["primary"], parsed["accent"], parsed["text"]
    # Every text colour reads at 4.5:1 at least on every background text is set on: the
    # page and the two box tints (WCAG 2 AA), whatever the brand's colours.
    primary_tint, accent_tint = mix(primary, WHITE, 0.92), mix(accent, WHITE, 0.93)
    grounds = (WHITE, primary_tint, accent_tint)
    text = readable(text, *grounds)
    heading_ink = readable(primary, *grounds)
    # Accent-coloured text (and links) where the accent is dark enough to carry it, darkened
    # to 4.5:1 if need be; a pale accent (amber, yellow) hands over to the headings' colour.
    accent_ink = readable(accent, *grounds) if contrast(accent, WHITE) >= 3 else heading_ink
    return Palette(
        primary=primary,
        accent=accent,
        text=text,
        muted=readable(mix(text, WHITE, 0.38), *grounds),
        heading_ink=heading_ink,
        rule=mix(text, WHITE, 0.82),
        primary_tint=primary_tint,
        accent_tint=accent_tint,
        on_primary=ink_on(primary, text),
        on_accent=ink_on(accent, text),
        accent_ink=accent_ink,
        link=accent_ink,
    ), problems


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a kit uses, and the face each is set in."""

    dateline: ParagraphStyle
    headline: ParagraphStyle
    lead: ParagraphStyle
    body: ParagraphStyle
    heading: ParagraphStyle
    box_heading: ParagraphStyle
    box_body: ParagraphStyle
    name: ParagraphStyle
    person_title: ParagraphStyle
    quote: ParagraphStyle
    quote_first: ParagraphStyle  # opening mark hangs into the indent
    bio: ParagraphStyle
    faces: dict[str, Face] = field(default_factory=dict)
    #: Points between the text block's left edge and the text column (``rail``): room for
    #: headshots and boxes' bars; the masthead and headline span it.
    rail: float = 0.0

    def running(self, style: ParagraphStyle) -> bool:
        """Whether ``style`` sets running text (paragraphs, not headings, names or titles)."""
        return style.name in RUNNING_TEXT

    def face(self, style: ParagraphStyle) -> Face:
        """The face ``style`` is set in (the family, and whether it is bold or italic)."""
        return self.faces[style.name]


#: The styles of running text, whose paragraphs never end on a lone short word.
RUNNING_TEXT = frozenset({"pk-body", "pk-lead", "pk-quote", "pk-quote-first", "pk-bio",
                          "pk-box-body"})
BODY_SIZE = 10.5
BODY_LEADING = 15.0
#: The unit of vertical space: a quarter of the body leading. Every space above and below a
#: paragraph, box or rule is a whole number of these, so the page keeps one rhythm.
STEP = BODY_LEADING / 4
#: Characters in a line of body text: a comfortable measure (60–75 is what the eye reads
#: best). The text column is as wide as this many characters of the body font.
MEASURE = 72
#: Running English prose, for the average width of a character in a font.
_SAMPLE = (
    "After months of stalled negotiations, North Korea has announced that it is willing to "
    "resume diplomatic talks with the United States by the end of September. Shipping "
    "companies have already filed routes for more than forty voyages, and the Council "
    "ministers meet in Tromso on Thursday to discuss what it means for security."
)


def column_width(face: Face, size: float = BODY_SIZE, characters: int = MEASURE) -> float:
    """How wide ``characters`` of running text in ``face`` at ``size`` are, in points."""
    return float(stringWidth(_SAMPLE, face.name, size)) / len(_SAMPLE) * characters


def rail_width(face: Face, frame_width: float) -> float:
    """The rail left of the text column: whatever the text block has beyond the measure."""
    return max(frame_width - column_width(face), 0.0)


def build(colors: Palette, fonts: BrandFonts, frame_width: float | None = None) -> Styles:
    """ParagraphStyles for ``colors`` and ``fonts``; nothing here reads global stylesheets.

    Running text and headings are set in a column ``MEASURE`` characters wide at the right of
    a text block ``frame_width`` wide; the rest of the block is a rail at the left, which the
    masthead and headline span, boxes' bars and padding hang into, and headshots sit in.
    """
    body_face = Face(fonts.body)
    rail = rail_width(body_face, frame_width) if frame_width is not None else 0.0
    bold_face, italic_face = Face(fonts.body, bold=True), Face(fonts.body, italic=True)
    heading_face = Face(fonts.heading, bold=True)
    body = ParagraphStyle(
        "pk-body",
        fontName=body_face.name,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=colors.text,
        alignment=TA_LEFT,
        leftIndent=rail,
        spaceAfter=2 * STEP,
        splitLongWords=1,
        # No hyphenation anywhere (and none of ReportLab's RL_* environment settings): a
        # name or a quote broken by a wrong hyphen is worse than a ragged line. Long web
        # addresses are broken at their own boundaries by render.urls instead.
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0,
        # Never a single line of a paragraph alone at the foot or head of a page.
        allowOrphans=0,
        allowWidows=0,
    )
    quote = ParagraphStyle("pk-quote", parent=body, leftIndent=rail + 12, spaceAfter=STEP)
    name = ParagraphStyle(
        "pk-name", parent=body, fontSize=11, leading=15, textColor=colors.heading_ink,
        spaceBefore=3 * STEP, spaceAfter=STEP, keepWithNext=1,
    )
    styles = {
        "dateline": (ParagraphStyle(
            "pk-dateline", parent=body, fontName=bold_face.name, fontSize=9, leading=12,
            textColor=colors.accent_ink, spaceBefore=0, spaceAfter=STEP, leftIndent=0,
        ), bold_face),
        "headline": (ParagraphStyle(
            "pk-headline", parent=body, fontName=heading_face.name, fontSize=23, leading=28,
            textColor=colors.heading_ink, spaceAfter=3 * STEP, leftIndent=0,
        ), heading_face),
        "lead": (ParagraphStyle(
            "pk-lead", parent=body, fontSize=11, leading=17, spaceAfter=2 * STEP,
        ), body_face),
        "body": (body, body_face),
        "heading": (ParagraphStyle(
            "pk-heading", parent=body, fontName=heading_face.name, fontSize=13, leading=17,
            textColor=colors.heading_ink, spaceBefore=0, spaceAfter=2 * STEP, keepWithNext=1,
        ), heading_face),
        "box_heading": (ParagraphStyle(
            "pk-box-heading", parent=body, fontName=heading_face.name, fontSize=11,
            leading=15, textColor=colors.heading_ink, spaceAfter=STEP, keepWithNext=1,
            leftIndent=0,
        ), heading_face),
        "box_body": (ParagraphStyle("pk-box-body", parent=body, spaceAfter=STEP, leftIndent=0),
                     body_face),
        "name": (name, body_face),
        "person_title": (ParagraphStyle(
            "pk-person-title", parent=body, fontName=italic_face.name, fontSize=9.5,
            leading=13, textColor=colors.muted, spaceAfter=STEP, keepWithNext=1,
        ), italic_face),
        "quote": (quote, body_face),
        "quote_first": (ParagraphStyle(
            "pk-quote-first", parent=quote,
            firstLineIndent=-stringWidth("“", body_face.name, quote.fontSize),
        ), body_face),
        "bio": (ParagraphStyle("pk-bio", parent=body, fontSize=9.5, leading=13.5,
                               spaceAfter=STEP), body_face),
    }
    return Styles(
        **{key: style for key, (style, _face) in styles.items()},
        faces={style.name: face for style, face in styles.values()},
        rail=rail,
    )
