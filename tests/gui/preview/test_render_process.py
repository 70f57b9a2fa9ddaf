"""The render process behind the preview and export: a PDF, or the renderer's own error, comes
back from the child; a child that dies or cannot be started does not take rendering with it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.examples import CNAS_KIT

from presskit.gui.preview.render_process import RenderProcess
from presskit.model import Brand, Kit
from presskit.model.operations import new_kit
from presskit.render import RenderedPdf, RenderError
from presskit.storage import load_kit


@pytest.fixture
def renderer() -> Iterator[RenderProcess]:
    process = RenderProcess()
    yield process
    process.close()


def test_the_child_renders_a_kit_and_stays_for_the_next(renderer: RenderProcess) -> None:
    kit = load_kit(CNAS_KIT).kit
    first = renderer.render(kit)
    assert isinstance(first, RenderedPdf) and first.page_count == 3
    assert first.data.startswith(b"%PDF")
    child = renderer.pid
    assert child is not None and child != os.getpid()
    kit.title = "A second kit"
    assert renderer.render(kit).page_count == 3
    assert renderer.pid == child


def test_the_renderers_error_comes_back_as_itself_and_the_child_survives(
    renderer: RenderProcess,
) -> None:
    broken = new_kit(Brand())
    broken.sections = ["not a section"]
    with pytest.raises(RenderError, match="could not render the PDF for 'Untitled press kit'"):
        renderer.render(broken)
    assert renderer.render(new_kit(Brand())).page_count == 1


def test_a_child_that_dies_mid_render_is_an_error_not_a_hang() -> None:
    exits = "import sys; sys.stdin.buffer.read(8); sys.exit(3)"
    dies = RenderProcess([sys.executable, "-c", exits])
    with pytest.raises(RenderError, match=r"stopped unexpectedly \(exit status 3\)"):
        dies.render(new_kit(Brand()))
    assert dies.pid is None


def test_without_a_python_to_run_the_child_it_renders_here(tmp_path: Path) -> None:
    missing = RenderProcess([str(tmp_path / "no-such-python")])
    assert missing.render(new_kit(Brand())).page_count == 1
    assert missing.pid is None


def test_what_the_renderer_prints_does_not_end_up_in_the_reply() -> None:
    chatty = RenderProcess([sys.executable, "-c", (
        "import presskit.render as r\n"
        "real = r.render_pdf\n"
        "def chatty(kit, **options):\n"
        "    print('some library talking')\n"
        "    return real(kit, **options)\n"
        "r.render_pdf = chatty\n"
        "from presskit.gui.preview.render_process import main\n"
        "main()\n"
    )])
    try:
        kit: Kit = new_kit(Brand())
        assert chatty.render(kit).page_count == 1
        assert chatty.render(kit).page_count == 1
    finally:
        chatty.close()
    assert chatty.pid is None
