"""The preview pane: the PDF that export would write, shown with QtPdf, kept up to date.

Every change to the document restarts a single-shot timer; when the user has paused for half
as long as a render of the kit takes (``pacing.RenderPacer``: 0.1 s for a small kit, at most a
second), the pane renders a snapshot of the kit in the render process (``rendering.RenderJob``).
Jobs are numbered: only the newest job's result is shown, and while one render runs a newer
request waits for it and then renders the latest state once; the running render is then
superseded, and its PDF dropped unseen. So a burst of typing costs at most two renders, and a
pause shows the kit as it was at its start about two render times later at worst. The last
good PDF stays on screen until its successor is ready; a failed render shows its message in a
banner above it instead of raising, and a PDF made with warnings (a logo or photo it could not
use, a font it replaced) says so in a second banner, so a broken asset is seen while editing
rather than at export. ``shown_revision`` says which state of the document is on screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QPointF,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.preview.pacing import RenderPacer
from presskit.gui.preview.pdf_loading import LONG_PDF_PAGES, PagesReady, ReadPageSizes, load_pdf
from presskit.gui.preview.rendering import RenderJob, RenderRelay, describe_render_error
from presskit.gui.widgets.icons import themed_icon
from presskit.model import Problem
from presskit.model.printable import one_line, tip

if TYPE_CHECKING:
    from presskit.gui.preview.render_process import PdfReply
    from presskit.render import RenderedPdf

#: The wait after a change before rendering: ``None`` adapts it to the kit (``pacing``).
DEFAULT_DELAY_MS: int | None = None
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
#: Warnings listed in the banner; the rest are counted ("and 3 more").
BANNER_WARNINGS = 3


class PreviewPane(QWidget):
    """The exported PDF, with page navigation and zoom; ``objectName`` is ``preview``."""

    #: A new PDF is on screen (its page count).
    rendered = Signal(int)
    #: A render failed (the message shown).
    render_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int | None = DEFAULT_DELAY_MS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``delay_ms``: a fixed wait after a change instead of one measured from the renders;
        ``clock`` (seconds) times the renders."""
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName("PDF preview")
        self._document: KitDocument | None = None
        self._pdf: QPdfDocument | None = None
        self._job_id = 0
        #: The first job of the open kit (jobs before it rendered another kit).
        self._kit_first_job = 1
        #: When the running job started, by ``clock``, and the document revision it renders.
        self._job_started = 0.0
        self._job_revision = -1
        #: The revision of the document the PDF on screen was made from (-1: none, unknown).
        self._shown_revision = -1
        self._clock = clock
        self._pacer = RenderPacer(delay_ms)
        self._running = False
        self._pending = False
        self._stopped = False  # the window is closing: a running render is stopped
        self._last_error = ""
        self._warnings: list[Problem] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_render)
        self._relay = RenderRelay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        #: The PDF being made ready (its page sizes read), with its warnings.
        self._preparing: tuple[QPdfDocument, list[Problem], int] | None = None
        self._pages_ready = PagesReady(self)
        self._pages_ready.ready.connect(self._pages_read)

        self.view = QPdfView(self)
        self.view.setObjectName("previewPdfView")
        self.view.setAccessibleName("PDF pages")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        # Fitting the width with a scroll bar that comes and goes never settles for some
        # pane sizes (the bar shrinks the page until it is not needed, which grows the page
        # until it is): Qt then lays the view out forever and the window freezes.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.pageNavigator().currentPageChanged.connect(self._sync_page_box)

        self._placeholder = QLabel("Rendering the preview…", self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setAccessibleName("Preview status")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self.view)

        self._banner = QFrame(self)
        self._banner.setFrameShape(QFrame.Shape.StyledPanel)
        self._banner.setAutoFillBackground(True)
        self._banner.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self._banner.setAccessibleName("Render error")
        banner_icon = QLabel(self._banner)
        banner_icon.setPixmap(themed_icon("dialog-error").pixmap(20, 20))
        self.error_label = QLabel(self._banner)
        self.error_label.setObjectName("previewError")
        self.error_label.setWordWrap(True)
        self.error_label.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_layout = QHBoxLayout(self._banner)
        banner_layout.addWidget(banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.error_label, 1)
        self._banner.hide()

        self._warning_banner = QFrame(self)
        self._warning_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self._warning_banner.setAccessibleName("Render warnings")
        warning_icon = QLabel(self._warning_banner)
        warning_icon.setPixmap(themed_icon("dialog-warning").pixmap(20, 20))
        self.warning_label = QLabel(self._warning_banner)
        self.warning_label.setObjectName("previewWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warning_layout = QHBoxLayout(self._warning_banner)
        warning_layout.addWidget(warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_layout.addWidget(self.warning_label, 1)
        self._warning_banner.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self._banner)
        layout.addWidget(self._warning_banner)
        layout.addWidget(self._stack, 1)

    def _build_toolbar(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 4, 4, 0)

        def button(text: str, tip: str, slot: object, icon: str = "") -> QToolButton:
            tool = QToolButton(bar)
            tool.setText(text)
            if icon:
                tool.setIcon(themed_icon(icon))
            tool.setToolTip(tip)
            tool.setAccessibleName(tip)
            tool.setAutoRaise(True)
            tool.clicked.connect(slot)
            return tool

        self.previous_button = button(
            "Previous", "Previous page", self.previous_page, "go-previous"
        )
        self.page_box = QSpinBox(bar)
        self.page_box.setObjectName("previewPage")
        self.page_box.setRange(1, 1)
        self.page_box.setToolTip("Page shown in the preview")
        self.page_box.setAccessibleName("Page number")
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_total = QLabel("of 1", bar)
        self.page_total.setAccessibleName("Page count")
        self.next_button = button("Next", "Next page", self.next_page, "go-next")
        self.zoom_out_button = button("−", "Zoom out", self.zoom_out)
        self.zoom_in_button = button("+", "Zoom in", self.zoom_in)
        self.fit_button = button("Fit width", "Fit the page to the pane's width", self.fit_width)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel("", bar)
        self.zoom_label.setAccessibleName("Zoom level")
        self.busy_label = QLabel("", bar)
        self.busy_label.setAccessibleName("Preview activity")
        self.busy_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for widget in (
            self.previous_button, self.page_box, self.page_total, self.next_button,
            self.zoom_out_button, self.zoom_in_button, self.fit_button, self.zoom_label,
            self.busy_label,
        ):
            row.addWidget(widget)
        return bar

    # The document and when to render it.

    def set_document(self, document: KitDocument) -> None:
        """Show ``document``'s kit, rendered at once."""
        if self._document is not None:
            self._document.changed.disconnect(self.schedule)
        self._document = document
        document.changed.connect(self.schedule)
        # A render still running is of another kit: its result must not be shown, nor its
        # time taken for this kit's.
        self._job_id += 1
        self._kit_first_job = self._job_id + 1
        self._pacer.forget()
        # A different kit: rendered at once, not after the typing pause, nor after the
        # window's other panes (the render process works while they are filled).
        self._timer.stop()
        self._start_render()

    def schedule(self) -> None:
        """Render after the user stops changing things for the delay (restarts the timer)."""
        self._timer.setInterval(self.delay_ms())
        self._timer.start()

    def delay_ms(self) -> int:
        """How long the pane waits after a change before it renders (``pacing``)."""
        return self._pacer.delay_ms()

    @property
    def shown_revision(self) -> int:
        """The ``KitDocument.revision`` the PDF on screen shows (-1: none, or not known): the
        preview is up to date when it is the document's."""
        return self._shown_revision

    def refresh(self) -> None:
        """Render the kit now, without waiting for a pause."""
        self._timer.setInterval(0)
        self._timer.start()

    def stop(self) -> None:
        """No more renders; a render still running is stopped (the window is closing, and a
        stranger's kit may take the renderer minutes: quitting must not wait for it)."""
        self._timer.stop()
        self._job_id += 1
        self._pending = False
        self._stopped = True

    def idle(self) -> bool:
        """No render waiting, running or being swapped in: what is shown is the kit as it is
        (``presskit --self-test`` waits for this)."""
        return not (self._running or self._pending or self._timer.isActive()
                    or self._preparing is not None)

    @property
    def job_id(self) -> int:
        """The newest job's id; a result carrying any other id is stale."""
        return self._job_id

    def _start_render(self) -> None:
        if self._document is None:
            return
        if self._running:
            # Let the running job finish, then render the state as it is by then.
            self._pending = True
            return
        self._job_id += 1
        self._running = True
        self._pending = False
        self._job_started = self._clock()
        self._job_revision = self._document.revision
        self.busy_label.setText("Updating…")
        QThreadPool.globalInstance().start(
            RenderJob(self._job_id, self._document.snapshot_data(), self._relay,
                      cancelled=lambda: self._stopped, plain=True)
        )

    def _job_done(self, job_id: int) -> None:
        if job_id >= self._kit_first_job:  # a render of this kit, stale or not: as long
            self._pacer.rendered(self._clock() - self._job_started)
        self._running = False
        self.busy_label.setText("")
        if self._pending:
            self._start_render()

    def _on_finished(self, job_id: int, result: PdfReply | RenderedPdf) -> None:
        revision = self._job_revision
        # A newer render waiting for this one starts now, with a newer id: this one is
        # superseded, and dropped.
        self._job_done(job_id)
        if job_id != self._job_id:
            return
        self.show_pdf(result.data, result.warnings, revision=revision)

    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        self._job_done(job_id)
        if job_id != self._job_id:
            return
        self.show_error(describe_render_error(exc))

    # What is on screen.

    def document(self) -> QPdfDocument | None:
        """The PDF on screen, like ``QPdfView.document()``."""
        return self._pdf

    def page_count(self) -> int:
        return self._pdf.pageCount() if self._pdf is not None else 0

    def error_text(self) -> str:
        return self._last_error

    def render_warnings(self) -> list[Problem]:
        """What the renderer warned about when it made the PDF on screen."""
        return list(self._warnings)

    def show_pdf(self, data: bytes, warnings: list[Problem] | None = None, *,
                 revision: int = -1) -> None:
        """Swap in a new PDF, keeping the reader's place and zoom, and say what it warned of;
        ``revision`` is the document's that it shows.

        A long PDF has its page sizes read in the pool first (``pdf_loading``) and is swapped
        in when that is done, unless a newer PDF has arrived by then.
        """
        pdf = load_pdf(data)
        if pdf.status() != QPdfDocument.Status.Ready:
            pdf.deleteLater()
            self.show_error(f"The rendered PDF could not be displayed ({pdf.error().name}).")
            return
        self._preparing = (pdf, list(warnings or []), revision)
        if pdf.pageCount() > LONG_PDF_PAGES:
            QThreadPool.globalInstance().start(ReadPageSizes(pdf, self._pages_ready))
        else:
            self._pages_read(pdf)

    def _pages_read(self, pdf: QPdfDocument) -> None:
        if self._preparing is None or self._preparing[0] is not pdf:
            pdf.deleteLater()  # a newer PDF came while this one's pages were read
            return
        _pdf, warnings, revision = self._preparing
        self._preparing = None
        self._shown_revision = revision
        pdf.setParent(self)
        scroll_y = self.view.verticalScrollBar().value()
        scroll_x = self.view.horizontalScrollBar().value()
        old, self._pdf = self._pdf, pdf
        self.view.setDocument(pdf)
        self.view.verticalScrollBar().setValue(scroll_y)
        self.view.horizontalScrollBar().setValue(scroll_x)
        if old is not None:
            old.deleteLater()
        self._stack.setCurrentWidget(self.view)
        self._banner.hide()
        self._last_error = ""
        self._show_warnings(warnings)
        count = pdf.pageCount()
        self.page_box.setRange(1, max(count, 1))
        self.page_total.setText(f"of {count}")
        self._sync_page_box(self.view.pageNavigator().currentPage())
        self.rendered.emit(count)

    def _show_warnings(self, warnings: list[Problem]) -> None:
        self._warnings = warnings
        if not warnings:
            self._warning_banner.hide()
            self.warning_label.setText("")
            return
        lines = [f"• {one_line(p.message, 500)}" for p in warnings[:BANNER_WARNINGS]]
        if len(warnings) > BANNER_WARNINGS:
            lines.append(f"… and {len(warnings) - BANNER_WARNINGS} more (File ▸ Check Kit)")
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        self.warning_label.setText(f"The PDF was made with {count}:\n" + "\n".join(lines))
        self._warning_banner.show()

    def show_error(self, message: str) -> None:
        self._last_error = message
        self.error_label.setText(f"The preview could not be updated.\n{tip(message)}")
        self._banner.show()
        if self._pdf is None:
            self._placeholder.setText("No preview yet: fix the problem above.")
        self.render_failed.emit(message)

    # Navigation and zoom.

    def go_to_page(self, page: int) -> None:
        if self._pdf is None or not 0 <= page < self._pdf.pageCount():
            return
        navigator = self.view.pageNavigator()
        if page != navigator.currentPage():
            navigator.jump(page, QPointF(), navigator.currentZoom())

    def previous_page(self) -> None:
        self.go_to_page(self.view.pageNavigator().currentPage() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.view.pageNavigator().currentPage() + 1)

    def _sync_page_box(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < self.page_count())

    def _effective_zoom(self) -> float:
        """The zoom factor on screen, also when Qt computes it to fit the width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self._pdf is None:
            return self.view.zoomFactor()
        page_width = self._pdf.pagePointSize(0).width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return usable / page_width if page_width > 0 else 1.0

    def _set_zoom(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.fit_button.setChecked(False)
        self.zoom_label.setText(f"{round(factor * 100)} %")

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.fit_button.setChecked(True)
        self.zoom_label.setText("")
