"""Tagged PDF (PDF/UA-1) written by presskit itself, through ReportLab's public drawing API.

The layer follows the shape of prawn-accessibility: the section builders give each flowable
a structure element (``tree``); while the page is drawn each flowable's drawing is wrapped in
marked content and the page furniture in artifacts (``marks``, ``flowable``); when the canvas
is saved the tree, the parent tree, ``/MarkInfo`` and the XMP metadata are written into the
document (``writer``, ``xmp``). A render without a :class:`Tagger` on its canvas writes none of
it and is byte for byte the untagged PDF.
"""

from __future__ import annotations

from presskit.render.tagging.flowable import Decoration, Tagged, table_artifacts
from presskit.render.tagging.inline import LANG_CALLBACK, InlineText, lang_marker, on_lang
from presskit.render.tagging.marks import LAYOUT, PAGINATION, Tagger, artifact, tagged
from presskit.render.tagging.tree import Node, StructTree
from presskit.render.tagging.writer import mark_page, write
from presskit.render.tagging.xmp import Metadata

__all__ = [
    "LANG_CALLBACK", "LAYOUT", "PAGINATION", "Decoration", "InlineText", "Metadata", "Node",
    "StructTree", "Tagged", "Tagger", "artifact", "lang_marker", "mark_page", "on_lang",
    "table_artifacts", "tagged", "write",
]
