"""Kit → branded PDF through ReportLab platypus; no Qt, no I/O beyond reading assets.

``render_pdf(kit)`` returns a :class:`RenderedPdf` (bytes, page count, warnings about unusable
images or fonts); ``strict=True`` turns any warning into a :class:`RenderError`, which is also
raised for every other failure. A caller that renders the same kit again and again (the
preview) keeps an :class:`ImageCache` and passes it in, so photos are prepared once.
"""

from __future__ import annotations

from presskit.render.document import render_pdf
from presskit.render.images.cache import ImageCache
from presskit.render.result import RenderedPdf, RenderError

__all__ = ["ImageCache", "RenderError", "RenderedPdf", "render_pdf"]
