"""The render process behind the preview and export: a PDF, or the renderer's own error, comes
back from the child; a child that dies or cannot be started does not take rendering with it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.examples import CNAS_KIT

from presskit.gui.preview.render_process import RenderCancelled, RenderProcess, _child_env
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


#: A child whose every render runs forever (a kit ReportLab would take hours over).
FOREVER = (
    "import time\n"
    "import presskit.render as r\n"
    "r.render_pdf = lambda kit, **options: time.sleep(3600)\n"
    "from presskit.gui.preview.render_process import main\n"
    "main()\n"
)


def test_a_render_past_its_time_limit_is_stopped_with_a_message() -> None:
    endless = RenderProcess([sys.executable, "-c", FOREVER])
    with pytest.raises(RenderError, match=r"took more than 0.5 seconds, so it was stopped"):
        endless.render(new_kit(Brand()), time_limit=0.5)
    assert endless.pid is None  # killed, started again for the next render


def test_a_cancelled_render_is_stopped_and_says_so() -> None:
    endless = RenderProcess([sys.executable, "-c", FOREVER])
    asked: list[bool] = []

    def cancelled() -> bool:  # the user presses Cancel once the render is under way
        asked.append(True)
        return len(asked) > 3

    with pytest.raises(RenderCancelled):
        endless.render(new_kit(Brand()), cancelled=cancelled)
    assert endless.pid is None


def test_cancelling_a_render_that_waits_for_another_stops_both() -> None:
    # The preview renders a stranger's kit as soon as it is opened; an export of it waits
    # for that render, and its Cancel must not leave the child rendering on.
    endless = RenderProcess([sys.executable, "-c", FOREVER])
    outcome: list[BaseException] = []

    def preview() -> None:
        try:
            endless.render(new_kit(Brand()))
        except RenderError as exc:
            outcome.append(exc)

    first = threading.Thread(target=preview)
    first.start()
    while endless.pid is None:
        time.sleep(0.05)
    with pytest.raises(RenderCancelled):
        endless.render(new_kit(Brand()), cancelled=lambda: True)
    first.join()
    assert [type(exc) for exc in outcome] == [RenderCancelled]
    assert endless.pid is None


def test_the_render_child_dies_with_its_app_even_mid_render(tmp_path: Path) -> None:
    # The app is killed while its child renders a kit that takes forever: the child used to
    # go on rendering for as long as ReportLab took (over ten minutes), for nobody.
    app = (
        "import os, sys, threading, time\n"
        "from presskit.gui.preview.render_process import RenderProcess\n"
        "from presskit.model import Brand\n"
        "from presskit.model.operations import new_kit\n"
        f"process = RenderProcess([sys.executable, '-c', {FOREVER!r}])\n"
        "threading.Thread(target=process.render, args=(new_kit(Brand()),), daemon=True).start()\n"
        "while process.pid is None:\n"
        "    time.sleep(0.05)\n"
        "time.sleep(1)\n"  # the request is sent and the render under way
        "print(process.pid, flush=True)\n"
        "os._exit(9)\n"  # dies without closing anything, as a killed app does
    )
    done = subprocess.run([sys.executable, "-c", app], capture_output=True, text=True,
                          timeout=120, env=_child_env())
    child = int(done.stdout.split()[0])
    for _ in range(600):  # the child notices at once; this only waits for it to be gone
        if not _alive(child):
            break
        time.sleep(0.1)
    else:
        os.kill(child, 9)
        pytest.fail("the render child outlived its app")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie waiting for init to reap it is gone too.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False
