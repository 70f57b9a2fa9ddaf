"""Kit → branded PDF through ReportLab platypus; no Qt, no I/O beyond reading assets.

``render_pdf(kit)`` returns a :class:`RenderedPdf` (bytes, page count, warnings about unusable
images or fonts); ``strict=True`` turns any warning into a :class:`RenderError`, which is also
raised for every other failure.
"""

from __future__ import annotations

from presskit.render.document import render_pdf
from presskit.render.result import RenderedPdf, RenderError

__all__ = ["RenderError", "RenderedPdf", "render_pdf"]
