"""The preview at the speed of typing (issue 21): it waits after a change about as long as the
open kit takes to render, typing goes on while a render runs, a render overtaken by typing is
never shown, and the blank kit the window starts with is not rendered when a kit is named."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

from PySide6.QtTest import QTest
from reportlab.pdfgen.canvas import Canvas

from presskit.gui.document.kit_document import KitDocument, blank_kit
from presskit.gui.preview.pacing import MAX_DELAY_MS, MIN_DELAY_MS
from presskit.gui.preview.pane import PreviewPane
from presskit.gui.preview.render_process import RenderProcess
from presskit.gui.window.main_window import MainWindow
from presskit.render import RenderedPdf


def _one_page() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "a page")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _all_text(pane: PreviewPane) -> str:
    pdf = pane.document()
    assert pdf is not None
    return " ".join(pdf.getAllText(page).text() for page in range(pdf.pageCount()))


def test_the_wait_after_a_change_follows_how_long_the_open_kit_takes_to_render(
    qtbot: Any, monkeypatch: Any
) -> None:
    """Renders take what the fake clock says: a quick kit is rendered 0.1 s after the last
    change, a slow one later (half a render), never more than a second later; another kit is
    judged by its own renders."""
    now = [0.0]
    takes = [0.06]
    page = _one_page()

    def render(_self: RenderProcess, _kit: Any, **_options: Any) -> RenderedPdf:
        now[0] += takes[0]
        return RenderedPdf(page, 1)

    monkeypatch.setattr(RenderProcess, "render", render)
    pane = PreviewPane(clock=lambda: now[0])
    qtbot.addWidget(pane)

    def rendered_taking(seconds: float, document: KitDocument | None = None) -> None:
        takes[0] = seconds
        with qtbot.waitSignal(pane.rendered, timeout=10_000):
            if document is not None:
                pane.set_document(document)  # a kit is rendered at once when it is opened
            else:
                pane.refresh()

    rendered_taking(0.06, KitDocument(blank_kit()))
    assert pane.delay_ms() == MIN_DELAY_MS  # a quick typist's next key comes later
    rendered_taking(0.06)
    rendered_taking(0.06)
    rendered_taking(1.2)
    assert pane.delay_ms() == MIN_DELAY_MS  # one slow render among quick ones: the median
    rendered_taking(1.2)
    assert pane.delay_ms() == 600
    rendered_taking(30.0)
    rendered_taking(30.0)
    assert pane.delay_ms() == MAX_DELAY_MS
    # Another kit: the old times are forgotten; its first render, which prepared its photos,
    # counts only until a second one is known.
    rendered_taking(1.2, KitDocument(blank_kit()))
    assert pane.delay_ms() == 600
    rendered_taking(0.1)
    assert pane.delay_ms() == MIN_DELAY_MS


def test_typing_goes_on_during_a_render_and_the_render_it_overtook_is_never_shown(
    qtbot: Any, window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    pane = window.preview
    assert window.open_project(cnas_copy)
    qtbot.waitUntil(lambda: pane.idle() and pane.shown_revision == window.document.revision,
                    timeout=10_000)
    held, started = threading.Event(), threading.Event()
    real = RenderProcess.render

    def slow_first(self: RenderProcess, kit: Any, **options: Any) -> RenderedPdf:
        if not started.is_set():
            started.set()
            held.wait(10)  # the first render after the edit takes as long as the test likes
        return real(self, kit, **options)

    monkeypatch.setattr(RenderProcess, "render", slow_first)
    shown: list[int] = []
    pane.rendered.connect(lambda _pages: shown.append(pane.shown_revision))
    window.select_problem(("quotes", 0, "text"))
    field = window.experts.quotes.fields["text"]
    field.setFocus()

    QTest.keyClicks(field, " Overtaken")
    qtbot.waitUntil(started.is_set, timeout=10_000)  # its render is under way, and held
    overtaken = window.document.revision
    QTest.keyClicks(field, " Newest")  # the window takes the keys meanwhile
    assert window.document.revision > overtaken
    assert "Overtaken Newest" in window.document.kit.quotes[0].text
    qtbot.waitUntil(lambda: pane._pending, timeout=10_000)  # the newer render waits its turn
    held.set()
    qtbot.waitUntil(lambda: pane.idle() and pane.shown_revision == window.document.revision,
                    timeout=10_000)
    assert shown == [window.document.revision]  # straight from the old PDF to the newest
    assert "Newest" in _all_text(pane)


def test_the_blank_kit_is_not_rendered_when_a_kit_is_opened_at_start(
    qtbot: Any, make_window: Any, cnas_copy: Path, monkeypatch: Any
) -> None:
    kits: list[str] = []
    real = RenderProcess.render

    def spy(self: RenderProcess, kit: Any, **options: Any) -> RenderedPdf:
        result = real(self, kit, **options)
        kits.append("North Korea" if result.page_count > 1 else "blank")
        return result

    monkeypatch.setattr(RenderProcess, "render", spy)
    window: MainWindow = make_window(preview_delay_ms=50, kit_follows=True)
    qtbot.wait(100)  # the event loop runs, as it does before the kit is opened
    assert window.open_project(cnas_copy)
    qtbot.waitUntil(lambda: window.preview.page_count() == 3, timeout=10_000)
    assert kits == ["North Korea"]
    assert "North Korea" in _all_text(window.preview)
