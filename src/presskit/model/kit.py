"""The press kit as plain data: the kit, its brand, people, quotes, resources and sections.

Everything here is a dataclass with no I/O and no Qt. Asset paths (logo, photos, font files)
are held as absolute ``Path`` objects; ``storage`` writes them relative to the project file.
Text fields hold exactly what the user typed: paragraphs are separated by blank lines and
nothing is escaped or trimmed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from presskit.model.sections import Section


class Status(StrEnum):
    """Whether a kit may go out: a draft is marked DRAFT on every page."""

    DRAFT = "draft"
    FINAL = "final"


class ApprovalState(StrEnum):
    """Where a quote stands with the expert who gave it."""

    DRAFT = "draft"
    PENDING = "pending"
    APPROVED = "approved"


class PageSize(StrEnum):
    LETTER = "letter"
    A4 = "a4"


class HeadshotShape(StrEnum):
    """How headshots are cropped: a square or a circle, around the photo's centre."""

    SQUARE = "square"
    CIRCLE = "circle"


#: Font families shipped in ``resources/fonts``; a brand may also name a TTF file instead.
BUILTIN_FONTS = ("DejaVu Sans", "DejaVu Serif")
#: The faces of a family beyond the regular one, as suffixes of the ``Fonts`` field names.
FONT_FACES = ("bold", "italic", "bold_italic")
_COLLECTION_INDEX = re.compile(r"^(.*\.tt[cf])#(\d{1,3})$", re.IGNORECASE)


def font_file(path: Path) -> tuple[Path, int]:
    """A font file value as ``(file, index)``: ``House.ttc#1`` is the second font of the
    collection ``House.ttc``; any other path is index 0 of itself."""
    match = _COLLECTION_INDEX.match(path.name)
    if match is None:
        return path, 0
    return path.with_name(match.group(1)), int(match.group(2))


@dataclass
class Embargo:
    """Not for publication before ``until`` (wall-clock time) in the IANA time ``zone``."""

    until: dt.datetime
    zone: str = "UTC"


@dataclass
class Colors:
    """Brand colours as ``#rrggbb`` strings."""

    primary: str = "#1F3A5F"
    accent: str = "#C8102E"
    text: str = "#222222"


@dataclass
class Fonts:
    """Body and heading typefaces: a name from ``BUILTIN_FONTS`` or a path to a TTF file.

    A file names the regular face; the bold, italic and bold italic faces of a brand's own
    family are files of their own (``body_bold`` …). A face left out is the regular one (the
    built-in families bring their own four faces). ``House.ttc#1`` picks the second font of
    a TrueType collection (see :func:`font_file`).
    """

    body: str | Path = "DejaVu Sans"
    heading: str | Path = "DejaVu Sans"
    body_bold: Path | None = None
    body_italic: Path | None = None
    body_bold_italic: Path | None = None
    heading_bold: Path | None = None
    heading_italic: Path | None = None
    heading_bold_italic: Path | None = None

    def face(self, role: str, face: str) -> Path | None:
        """The file given for ``face`` (``bold``, ``italic``, ``bold_italic``) of ``role``."""
        value: Path | None = getattr(self, f"{role}_{face}")
        return value


@dataclass
class Typography:
    """Typesetting choices applied when the PDF is made; the saved text is never changed."""

    #: Straight quotes and dashes typed by the user print as typographic ones (“ ” ‘ ’ – —).
    smart_quotes: bool = True


@dataclass
class Margins:
    """Page margins in millimetres."""

    top: float = 20.0
    right: float = 20.0
    bottom: float = 22.0
    left: float = 20.0


@dataclass
class Brand:
    """The house style a kit is printed in."""

    organisation: str = ""
    short_name: str = ""
    logo: Path | None = None
    colors: Colors = field(default_factory=Colors)
    fonts: Fonts = field(default_factory=Fonts)
    page_size: PageSize = PageSize.LETTER
    margins: Margins = field(default_factory=Margins)
    footer: str = ""
    boilerplate: str = ""
    website: str = ""
    typography: Typography = field(default_factory=Typography)
    headshots: HeadshotShape = HeadshotShape.SQUARE
    #: Whether an expert's program is printed after the title (``wording.affiliation``).
    show_program: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Contact:
    """A media contact journalists call or write to book an interview."""

    id: str
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Expert:
    """Someone who can comment; ``id`` is a stable slug that quotes and sections refer to."""

    id: str
    name: str
    honorific: str = ""
    pronouns: str = ""
    title: str = ""
    program: str = ""
    bio: str = ""
    photo: Path | None = None
    email: str = ""
    phone: str = ""
    topics: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Approval:
    """Who approved a quote, and when; ``state`` alone for drafts and pending quotes."""

    state: ApprovalState = ApprovalState.DRAFT
    by: str = ""
    date: dt.date | None = None


@dataclass
class QuoteRequest:
    """The ask that made a quote: sent to the expert on ``asked``, wanted by ``deadline``
    (a day, or a day and a wall-clock time), about ``topic``, in about ``length`` words.

    A quote with a request and no text yet is one the expert has not answered; the request
    stays recorded after the answer is pasted in, until the quote is approved."""

    asked: dt.date
    deadline: dt.date | dt.datetime | None = None
    topic: str = ""
    #: Words wanted; 0 when the ask left the length open.
    length: int = 0


@dataclass
class Quote:
    """What an expert says, attributed by ``expert`` (an expert id)."""

    id: str
    expert: str
    text: str
    topic: str = ""
    date: dt.date | None = None
    source: str = ""
    approval: Approval = field(default_factory=Approval)
    request: QuoteRequest | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def awaits_answer(self) -> bool:
        """Asked for and not answered yet: a request, and no text."""
        return self.request is not None and not self.text.strip()


@dataclass
class Resource:
    """Related reading: a report or article, optionally written by one of the kit's experts."""

    id: str
    title: str
    url: str = ""
    author: str = ""
    expert: str = ""
    blurb: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Kit:
    """One press kit: what it says (sections) and everything the sections refer to."""

    title: str
    series: str = ""
    date: dt.date | None = None
    embargo: Embargo | None = None
    status: Status = Status.FINAL
    #: The language the kit is written in, a BCP 47 tag (``en``, ``de-CH``, ``zh-Hant``):
    #: screen readers choose their voice by it, and the PDF and the e-mail say it.
    language: str = "en"
    brand: Brand = field(default_factory=Brand)
    contacts: list[Contact] = field(default_factory=list)
    experts: list[Expert] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    # Look-ups by id. An institute's kit holds thousands of experts and quotes, and the
    # editor looks items up for every row it paints, so each list has an index of positions
    # by id that checks itself: a hit is used only if that position still holds an item with
    # that id; otherwise (an edit moved, renamed or added items) the index is rebuilt and
    # asked once more. No edit has to keep it in step, and a miss costs one scan, as before.
    def expert(self, expert_id: str) -> Expert | None:
        return _look_up(self, "experts", self.experts, expert_id)

    def quote(self, quote_id: str) -> Quote | None:
        return _look_up(self, "quotes", self.quotes, quote_id)

    def contact(self, contact_id: str) -> Contact | None:
        return _look_up(self, "contacts", self.contacts, contact_id)

    def resource(self, resource_id: str) -> Resource | None:
        return _look_up(self, "resources", self.resources, resource_id)

    def section(self, section_id: str) -> Section | None:
        return _look_up(self, "sections", self.sections, section_id)

    def __getstate__(self) -> dict[str, Any]:
        # Copies and snapshots carry the data only; each builds its own indexes.
        state = dict(self.__dict__)
        state.pop(_INDEXES, None)
        return state

    def visible_sections(self) -> list[Section]:
        return [s for s in self.sections if not s.hidden]

    def quotes_by(self, expert_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.expert == expert_id]


_INDEXES = "_indexes_by_id"
_Item = TypeVar("_Item", Expert, Quote, Contact, Resource, Section)


def _look_up(kit: Kit, name: str, items: list[_Item], item_id: str) -> _Item | None:
    """The item of ``items`` (``kit``'s list ``name``) whose id is ``item_id``.

    With duplicate ids (an error the validator reports) it is the first one as of the last
    rebuild of the index, which a scan would find too unless a duplicate was added in front
    since."""
    indexes: dict[str, tuple[list[Any], dict[str, int]]] = kit.__dict__.setdefault(_INDEXES, {})
    built = indexes.get(name)
    if built is not None and built[0] is items:
        position = built[1].get(item_id)
        if position is not None and position < len(items) and items[position].id == item_id:
            return items[position]
    positions: dict[str, int] = {}
    for position, item in enumerate(items):
        positions.setdefault(item.id, position)
    indexes[name] = (items, positions)
    found = positions.get(item_id)
    return None if found is None else items[found]
