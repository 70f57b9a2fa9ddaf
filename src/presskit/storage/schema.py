"""The project file's mappings, as data: which keys each holds, in which order, of which kind.

Reader and writer both walk these tables, so the order a file is written in, the keys a file
may hold and what each key's value must be are stated once (and match the field reference in
docs/file-format.md). Every key is named like the model attribute it fills.

Unknown keys are kept: in the ``extra`` dict of the model object the mapping belongs to. A
nested mapping whose class has no ``extra`` (``kit``, ``kit.embargo``, ``brand.colors``,
``brand.fonts``, ``brand.typography``, ``brand.margins``, ``quotes[].approval``,
``quotes[].request``) keeps its
unknown keys in the owner's ``extra`` under its own key, e.g.
``brand.extra["colors"] == {"highlight": "#FF0"}``; the top-level mapping's owner is the
``Kit``, so ``kit:``'s unknown keys live in ``kit.extra["kit"]``. A known key can never be an
unknown one, so this cannot clash.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from yaml.nodes import MappingNode

from presskit.model.kit import (
    FONT_FACES,
    Approval,
    ApprovalState,
    Brand,
    Colors,
    Contact,
    Embargo,
    Expert,
    Fonts,
    HeadshotShape,
    Kit,
    Margins,
    PageSize,
    Quote,
    QuoteRequest,
    Resource,
    Status,
    Typography,
)
from presskit.model.sections import SECTION_CLASSES, SectionType


class Kind(StrEnum):
    """What a value is, which decides how it is read and how it is written."""

    TEXT = "text"  # plain text; literal block only when it has line breaks
    LONG_TEXT = "long text"  # bio, text, boilerplate: always a literal block
    TEXT_LIST = "list of text"  # a flow list: [a, b]
    PATH = "path"  # a file, written relative to the project file
    FONT = "font"  # a built-in family name or a font file
    BOOL = "boolean"
    NUMBER = "number"
    DATE = "date"
    DATE_TIME = "date-time"
    DAY_OR_TIME = "date, or date-time"  # a deadline: a day, or a day and an hour
    COUNT = "whole number"
    CHOICE = "choice"  # one value of ``Field.choices``
    RECORD = "record"  # a nested mapping described by ``Field.record``


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    required: bool = False
    #: Written even when it holds its default (``hidden`` on sections).
    always: bool = False
    record: Record | None = None
    choices: type[StrEnum] | None = None


@dataclass(frozen=True)
class Record:
    """A mapping that fills one model class; ``flow`` writes it on one line."""

    cls: type
    fields: tuple[Field, ...]
    flow: bool = False

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:
        # Cached (a record never changes): the reader asks once per item, 3,000 times for a
        # 1,000-quote kit.
        return tuple(f.key for f in self.fields)

    @property
    def has_extra(self) -> bool:
        return "extra" in {f.name for f in dataclasses.fields(self.cls)}

    def default(self, key: str) -> Any:
        """The model's default for ``key``, or ``dataclasses.MISSING`` if it has none."""
        for model_field in dataclasses.fields(self.cls):
            if model_field.name == key:
                if model_field.default_factory is not dataclasses.MISSING:
                    return model_field.default_factory()
                return model_field.default
        raise KeyError(key)

    @functools.cached_property
    def defaults(self) -> dict[str, Any]:
        """``default`` of every key, made once: the writer compares each value of each item
        with it, and looking it up anew each time was a sixth of saving a big kit. Shared, so
        only to compare with, never to change."""
        return {key: self.default(key) for key in self.keys}


def _texts(*keys: str) -> tuple[Field, ...]:
    return tuple(Field(key, Kind.TEXT) for key in keys)


EMBARGO = Record(
    Embargo,
    # The zone is always written: an embargo time without its zone invites a wrong guess.
    (Field("until", Kind.DATE_TIME, required=True), Field("zone", Kind.TEXT, always=True)),
)

KIT = Record(
    Kit,
    (
        Field("title", Kind.TEXT, required=True),
        Field("series", Kind.TEXT),
        Field("date", Kind.DATE),
        Field("embargo", Kind.RECORD, record=EMBARGO),
        Field("status", Kind.CHOICE, choices=Status),
        Field("language", Kind.TEXT),
    ),
)

COLORS = Record(Colors, _texts("primary", "accent", "text"))
FONTS = Record(
    Fonts,
    (
        Field("body", Kind.FONT),
        *(Field(f"body_{face}", Kind.PATH) for face in FONT_FACES),
        Field("heading", Kind.FONT),
        *(Field(f"heading_{face}", Kind.PATH) for face in FONT_FACES),
    ),
)
TYPOGRAPHY = Record(Typography, (Field("smart_quotes", Kind.BOOL),))
MARGINS = Record(
    Margins, tuple(Field(k, Kind.NUMBER) for k in ("top", "right", "bottom", "left")), flow=True
)

BRAND = Record(
    Brand,
    (
        *_texts("organisation", "short_name"),
        Field("logo", Kind.PATH),
        Field("colors", Kind.RECORD, record=COLORS),
        Field("fonts", Kind.RECORD, record=FONTS),
        Field("typography", Kind.RECORD, record=TYPOGRAPHY),
        Field("headshots", Kind.CHOICE, choices=HeadshotShape),
        Field("show_program", Kind.BOOL),
        Field("page_size", Kind.CHOICE, choices=PageSize),
        Field("margins", Kind.RECORD, record=MARGINS),
        Field("footer", Kind.TEXT),
        Field("boilerplate", Kind.LONG_TEXT),
        Field("website", Kind.TEXT),
    ),
)

CONTACT = Record(
    Contact,
    (Field("id", Kind.TEXT, required=True), Field("name", Kind.TEXT, required=True),
     *_texts("role", "email", "phone")),
)

EXPERT = Record(
    Expert,
    (
        Field("id", Kind.TEXT, required=True),
        Field("name", Kind.TEXT, required=True),
        *_texts("honorific", "pronouns", "title", "program"),
        Field("bio", Kind.LONG_TEXT),
        Field("photo", Kind.PATH),
        *_texts("email", "phone"),
        Field("topics", Kind.TEXT_LIST),
    ),
)

APPROVAL = Record(
    Approval,
    (Field("state", Kind.CHOICE, choices=ApprovalState), Field("by", Kind.TEXT),
     Field("date", Kind.DATE)),
)

REQUEST = Record(
    QuoteRequest,
    (
        Field("asked", Kind.DATE, required=True),
        Field("deadline", Kind.DAY_OR_TIME),
        Field("topic", Kind.TEXT),
        Field("length", Kind.COUNT),
    ),
)

QUOTE = Record(
    Quote,
    (
        Field("id", Kind.TEXT, required=True),
        Field("expert", Kind.TEXT, required=True),
        Field("text", Kind.LONG_TEXT, required=True),
        Field("topic", Kind.TEXT),
        Field("date", Kind.DATE),
        Field("source", Kind.TEXT),
        Field("approval", Kind.RECORD, record=APPROVAL),
        Field("request", Kind.RECORD, record=REQUEST),
    ),
)

RESOURCE = Record(
    Resource,
    (Field("id", Kind.TEXT, required=True), Field("title", Kind.TEXT, required=True),
     *_texts("url", "author", "expert", "blurb")),
)

#: Every section starts with ``type`` (read and written apart), ``id`` and ``hidden``.
_SECTION_COMMON = (Field("id", Kind.TEXT), Field("hidden", Kind.BOOL, always=True))
_SECTION_FIELDS: dict[SectionType, tuple[Field, ...]] = {
    SectionType.LEAD: (Field("text", Kind.LONG_TEXT),),
    SectionType.CONTACT: (Field("contact", Kind.TEXT), Field("text", Kind.LONG_TEXT)),
    SectionType.CALLOUT: (
        Field("heading", Kind.TEXT), Field("resource", Kind.TEXT), Field("text", Kind.LONG_TEXT),
    ),
    # As in the annotated example: the short flag before the (possibly long) list of ids.
    SectionType.QUOTES: (
        Field("heading", Kind.TEXT), Field("photos", Kind.BOOL), Field("quotes", Kind.TEXT_LIST),
    ),
    SectionType.TEXT: (Field("heading", Kind.TEXT), Field("text", Kind.LONG_TEXT)),
    SectionType.BIOS: (Field("heading", Kind.TEXT), Field("experts", Kind.TEXT_LIST)),
    SectionType.ABOUT: (Field("heading", Kind.TEXT), Field("text", Kind.LONG_TEXT)),
}
SECTIONS: dict[SectionType, Record] = {
    kind: Record(SECTION_CLASSES[kind], (*_SECTION_COMMON, *fields))
    for kind, fields in _SECTION_FIELDS.items()
}

#: The top-level keys, in the order they are written.
TOP_KEYS = ("presskit", "kit", "brand", "contacts", "experts", "quotes", "resources", "sections")

#: The lists of items under the top level, with the record each item fills.
ITEM_LISTS: dict[str, Record] = {
    "contacts": CONTACT, "experts": EXPERT, "quotes": QUOTE, "resources": RESOURCE,
}


# -- format versions: bringing a file written by an older presskit up to date ---------------
#
# Format versions (the top-level ``presskit:`` key):
#
# ====  ========  ==================================================================
#   1    0.1      first version (docs/file-format.md)
# ====  ========  ==================================================================
#
# How to add version N+1: bump ``FORMAT_VERSION``, describe the change above and in
# docs/file-format.md, add ``MIGRATIONS[N] = _from_N``, a function that rewrites the composed
# node tree of a version-N document *in place* into version N+1 (rename keys, move values,
# fill in new required fields), and keep a ``tests/fixtures/formats/vN.presskit`` written by the
# old version. Migrations work on YAML nodes rather than on loaded objects so that every value
# keeps its line and column: a problem in a migrated file is still reported where the user
# wrote it. Files are migrated only in memory; saving writes the current version.

#: The version this presskit writes, and the newest it can read.
FORMAT_VERSION = 1

#: The oldest version that ever existed; anything below it is not a presskit file.
FIRST_VERSION = 1

#: ``MIGRATIONS[n]`` turns the root mapping of a version-``n`` document into version ``n + 1``.
#: Empty while there is only one version.
MIGRATIONS: dict[int, Callable[[MappingNode], None]] = {}


def migrate(root: MappingNode, version: int) -> None:
    """Upgrade ``root`` (a version-``version`` document) to ``FORMAT_VERSION``, in place."""
    if not FIRST_VERSION <= version <= FORMAT_VERSION:
        raise ValueError(f"no migration path from format version {version}")
    for step in range(version, FORMAT_VERSION):
        MIGRATIONS[step](root)
