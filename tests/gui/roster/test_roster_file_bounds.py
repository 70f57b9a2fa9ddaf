"""A shared roster folder is anyone's to write in: a pipe planted at ``roster.yaml`` must not
hang the app at start-up, nor a file far larger than any roster be read whole on the GUI
thread when the folder watcher sees it change. The app shows the refusal ``load_roster``
gives and keeps working; a real roster put back is picked up again."""

from __future__ import annotations

import errno
import os
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

from support.roster_data import write_roster

from presskit.gui.window.main_window import MainWindow
from presskit.model.limits import MAX_YAML_BYTES


class PipeWatch:
    """Whether anyone ever waited to read the pipe ``path``: a writer's non-blocking open
    succeeds only while a reader has it open, and a write a moment later only if that reader
    is still there. It then lets the reader go (the writer closes, the reader sees the end
    of the file), so a test of the old behaviour fails instead of hanging."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.readers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno not in (errno.ENXIO, errno.ENOENT):
                    raise
            else:
                # A reader was there as we opened. One that only looked (opened without
                # waiting, saw a pipe and closed it) is gone a moment later, and a write
                # finds no reader; one that waited on the pipe is still reading it.
                time.sleep(0.3)
                try:
                    os.write(fd, b"\n")
                except BrokenPipeError:
                    pass
                else:
                    self.readers += 1
                os.close(fd)
            time.sleep(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.readers


def test_a_pipe_at_the_shared_roster_is_refused_at_start_up_without_waiting_on_it(
    make_window: Any, roster_file: Path, qtbot: Any
) -> None:
    roster_file.unlink()
    os.mkfifo(roster_file)
    watch = PipeWatch(roster_file)
    window: MainWindow = make_window()
    qtbot.wait(600)  # the folder watcher's reloads, if any, would wait on it too
    assert watch.stop() == 0  # nobody ever sat waiting for a writer
    store = window.library.store
    assert not store.ok
    assert store.error.startswith(f"{roster_file}: error: the file is not a regular file")
    assert store.roster.experts == []

    # The app keeps working: a real roster put in its place is read again.
    roster_file.unlink()
    write_roster(roster_file)
    qtbot.waitUntil(lambda: store.ok, timeout=5000)
    assert store.roster.experts


def test_a_roster_swapped_for_a_huge_file_is_refused_without_reading_it(
    window: MainWindow, roster_file: Path, qtbot: Any
) -> None:
    store = window.library.store
    assert store.ok
    huge = roster_file.with_name("huge.yaml")
    with huge.open("wb") as stream:  # sparse: costs no disk, but read whole it is 50 MB
        stream.truncate(MAX_YAML_BYTES + 1)
    tracemalloc.start()
    try:
        huge.replace(roster_file)  # what the folder watcher sees a colleague (or not) do
        qtbot.waitUntil(lambda: not store.ok, timeout=5000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "is larger than 50 MB" in store.error
    assert peak < 5 * 1024 * 1024  # nothing of the file was read
