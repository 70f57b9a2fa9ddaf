"""A rendered PDF made ready for the preview without freezing the window.

QPdfView lays out every page the moment it is given a document, asking PDFium for each page's
size; PDFium reads a page's dictionary the first time it is asked, which for a kit of 880
pages blocked the GUI thread for 0.1–0.15 s. So the page sizes of a long PDF are asked for
once in a pool thread before the document reaches the view: PDFium keeps what it read, Qt's
own lock around PDFium makes the calls safe from any thread, and the view then lays the pages
out in a few milliseconds. A short PDF is shown at once, as asking would cost more than it
saves.
"""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, Signal
from PySide6.QtPdf import QPdfDocument

#: Above this many pages the page sizes are read in the pool first (about 0.1 ms a page).
LONG_PDF_PAGES = 150
#: Pages read between two hand-overs of the interpreter lock (about 2 ms of PDFium's work).
YIELD_EVERY = 16


def load_pdf(data: bytes) -> QPdfDocument:
    """``data`` as a document of no parent (a pool thread may still be reading it when its
    pane closes); check its ``status()`` (``Ready``, or why not)."""
    pdf = QPdfDocument()
    # QPdfDocument reads the buffer lazily, so the buffer lives exactly as long as the
    # document: it is the document's child.
    buffer = QBuffer(pdf)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf.load(buffer)
    return pdf


class PagesReady(QObject):
    """Carries a document whose page sizes have been read back to the thread it lives in."""

    ready = Signal(object)


class ReadPageSizes(QRunnable):
    """Ask a document for every page's size (PDFium reads and keeps them), then say so."""

    def __init__(self, pdf: QPdfDocument, relay: PagesReady) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._pdf = pdf
        self._relay = relay

    def run(self) -> None:
        pdf = self._pdf
        for page in range(pdf.pageCount()):
            pdf.pagePointSize(page)
            if page % YIELD_EVERY == 0:
                # PySide keeps the interpreter lock through these calls, and the GUI thread
                # did not get it back until the loop ended (0.15 s for 1,250 pages); a
                # sleep hands it over, so the window keeps painting while this runs.
                time.sleep(0)
        # The pane that asked may have closed meanwhile: then nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self._relay.ready.emit(pdf)
