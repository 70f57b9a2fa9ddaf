"""Saving survives being killed, a full disk and a read-only folder: the file on disk is
always a complete version, old or new, and a failed save says which file and why.

The kill tests start real processes (``tests/support/fault_driver.py``) that save in a loop
and SIGKILL them at random moments, so a kill lands before, during and after the write, fsync and
rename. ``make test`` uses a kit of 60 experts to stay fast; set
``PRESSKIT_FAULT_EXPERTS=1000`` for the full-size run (docs/reliability.md gives both figures).
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from support.examples import CNAS_KIT, SUPPORT

from presskit.library import load_roster, save_roster
from presskit.model.problems import Severity
from presskit.render import render_pdf
from presskit.storage import StorageError, atomic_write, load_kit, loads_kit, save_kit
from presskit.storage.atomic import remove_stale_temps

DRIVER = SUPPORT / "fault_driver.py"
EXPERTS = int(os.environ.get("PRESSKIT_FAULT_EXPERTS", "60"))
#: Kills of the kit test: 12 in ``make test``; ``PRESSKIT_FAULT_KILLS=20`` as before.
KILLS = int(os.environ.get("PRESSKIT_FAULT_KILLS", "12"))
SEED = int(os.environ.get("PRESSKIT_FAULT_SEED", "8"))


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@dataclass
class KillRun:
    kills: int = 0
    saves: int = 0
    #: Kills that caught a write in progress (its temp file was left behind).
    mid_write: int = 0


def kill_repeatedly(
    mode: str, target: Path, version_of: Callable[[Path], int], *, kills: int, saves: int,
    save_seconds: float, modulo: int = 0,
) -> KillRun:
    """Start drivers and SIGKILL them at random moments until ``kills`` kills and ``saves``
    completed saves; after every kill the file must hold, whole, a version the killed process
    could have written (``modulo``: versions are only told apart modulo that)."""
    rng = random.Random(SEED)
    run = KillRun()
    on_disk: int | None = None
    first = 0

    def same(a: int, b: int) -> bool:
        return a % modulo == b % modulo if modulo else a == b

    while run.kills < kills or run.saves < saves:
        process = subprocess.Popen(
            [sys.executable, str(DRIVER), mode, str(target), str(first), str(EXPERTS)],
            stdout=subprocess.PIPE, text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        # After 0 to 19 saves (ten on average), at a random moment within the next one or
        # two: before, in the middle of or just after a write.
        done = [int(process.stdout.readline().split()[1]) for _ in range(rng.randrange(20))]
        time.sleep(rng.uniform(0, 1.5 * save_seconds))
        process.send_signal(signal.SIGKILL)
        process.wait()
        done += [int(word) for word in process.stdout.read().split() if word.isdigit()]
        process.stdout.close()
        run.kills += 1
        run.saves += len(done)
        left = temps(target.parent)
        # Stale temps of earlier kills were cleaned by this process's first save.
        assert len(left) <= 1, left
        run.mid_write += len(left)
        if not target.exists():
            assert on_disk is None and not done  # killed during the very first save
            continue
        version = version_of(target)
        if done:
            allowed = [done[-1], done[-1] + 1]
        else:
            allowed = [first] + ([on_disk] if on_disk is not None else [])
        assert any(same(version, a) for a in allowed), (version, allowed)
        on_disk = version
        first = (done[-1] if done else first) + 2
    # The next save (by a process that started after the kills) leaves no temp behind.
    subprocess.run([sys.executable, str(DRIVER), mode, str(target), str(first), str(EXPERTS),
                    "1"], check=True, capture_output=True)
    assert temps(target.parent) == []
    assert same(version_of(target), first)
    print(mode, run)
    return run


def seconds_per_save(save: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(3):
        save()
    return (time.perf_counter() - start) / 3


def test_a_kit_killed_while_saving_is_always_the_old_or_the_new_version(tmp_path: Path) -> None:
    sys.path.insert(0, str(DRIVER.parent.parent))
    from bench.kits import generated_kit

    target = tmp_path / "big.presskit"
    kit = generated_kit(EXPERTS, tmp_path, photos=[])
    save_seconds = seconds_per_save(lambda: save_kit(kit, tmp_path / "timing.presskit"))
    (tmp_path / "timing.presskit").unlink()

    def version(path: Path) -> int:
        loaded = load_kit(path)
        assert not [p for p in loaded.problems if p.severity is Severity.ERROR]
        assert len(loaded.kit.experts) == EXPERTS
        return int(loaded.kit.title.removeprefix("version "))

    run = kill_repeatedly("kit", target, version, kills=KILLS, saves=10 * KILLS,
                          save_seconds=save_seconds)
    assert run.kills >= KILLS and run.saves >= 10 * KILLS


def test_the_roster_killed_while_saving_is_always_the_old_or_the_new_version(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(DRIVER.parent.parent))
    from bench.kits import generated_kit

    kit = generated_kit(EXPERTS, tmp_path, photos=[])
    from presskit.library import Roster

    save_seconds = seconds_per_save(
        lambda: save_roster(Roster(experts=kit.experts), tmp_path / "timing.yaml"))
    (tmp_path / "timing.yaml").unlink()

    def version(path: Path) -> int:
        loaded = load_roster(path)
        assert len(loaded.roster.experts) == EXPERTS
        return int(loaded.roster.experts[0].name.removeprefix("version "))

    run = kill_repeatedly("roster", tmp_path / "roster.yaml", version, kills=5, saves=50,
                          save_seconds=save_seconds)
    assert run.kills >= 5


def test_an_exported_pdf_killed_while_written_always_parses(tmp_path: Path) -> None:

    kit = load_kit(CNAS_KIT).kit
    variants = []
    for version in range(3):
        kit.title = f"Version {version} of the kit"
        data = render_pdf(kit, invariant=True).data
        (tmp_path / f"variant-{version}.pdf.bytes").write_bytes(data)
        variants.append(data)
    save_seconds = seconds_per_save(lambda: atomic_write(tmp_path / "timing.pdf", variants[0]))

    def version(path: Path) -> int:
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        [found] = [n for n in range(3) if f"Version {n} of the kit" in text]
        return found

    # Versions are only known modulo 3 from the PDF: compare them that way.
    run = kill_repeatedly("pdf", tmp_path / "advisory.pdf", version, kills=5,
                          saves=50, save_seconds=max(save_seconds, 0.002), modulo=3)
    assert run.kills >= 5


def can_be_denied(folder: Path) -> bool:
    """Whether a 0o555 folder refuses writes here (not for root, nor on some mounts)."""
    probe = folder / "probe"
    folder.chmod(0o555)
    try:
        probe.write_text("x")
    except PermissionError:
        return True
    finally:
        folder.chmod(0o755)
    probe.unlink()
    return False


def kit_on_disk(folder: Path) -> tuple[Path, bytes, Any]:
    """The CNAS kit saved in ``folder``: its path, its bytes, and the kit read from them."""

    target = folder / "kit.presskit"
    previous = CNAS_KIT.read_bytes()
    target.write_bytes(previous)
    return target, previous, loads_kit(previous.decode(), target).kit


def refused_save(kit: Any, target: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Save ``kit`` over ``target`` with the failure ``monkeypatch`` set up; the message."""
    with pytest.raises(StorageError) as caught:
        save_kit(kit, target)
    monkeypatch.undo()
    return str(caught.value)


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_names_the_file_and_keeps_the_previous_kit_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target, previous, kit = kit_on_disk(tmp_path)
    kit.title = "A new title that never reaches the disk"

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(os, "fsync", disk_full)
    else:
        # The temp file is written through a buffered stream, not os.write: fill that up.
        real_fdopen = os.fdopen

        def full_stream(fd: int, *args: Any, **kwargs: Any) -> Any:
            stream = real_fdopen(fd, *args, **kwargs)
            stream.write = disk_full
            return stream

        monkeypatch.setattr(os, "fdopen", full_stream)
    assert refused_save(kit, target, monkeypatch) == (
        f"cannot write {target}: no space left on device")
    assert target.read_bytes() == previous
    assert temps(tmp_path) == []


def test_a_read_only_folder_names_the_file_and_keeps_the_previous_kit(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    if not can_be_denied(folder):
        pytest.skip("this user can write to a read-only folder (root)")
    target, previous, kit = kit_on_disk(folder)
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageError) as caught:
            save_kit(kit, target)
    finally:
        folder.chmod(0o755)
    assert str(caught.value) == f"cannot write {target}: permission denied"
    assert target.read_bytes() == previous


@pytest.mark.parametrize(("code", "reason"), [(errno.EACCES, "permission denied"),
                                            (errno.EROFS, "read-only file system")])
def test_a_read_only_target_simulated_names_the_file_and_keeps_the_previous_kit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    # What the file system says for a folder one may not write to, or a read-only mount
    # (a USB stick, a share): creating the temp file beside the kit is refused. Simulated,
    # so it runs for root too (chmod does not stop root: the test above skips then).
    target, previous, kit = kit_on_disk(tmp_path)
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == tmp_path:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    assert refused_save(kit, target, monkeypatch) == f"cannot write {target}: {reason}"
    assert target.read_bytes() == previous
    assert temps(tmp_path) == []


def test_only_temp_files_older_than_this_process_are_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "kit.presskit"
    stale, fresh = tmp_path / ".kit.presskit.0123abcd.tmp", tmp_path / ".kit.presskit.4567ef01.tmp"
    other = tmp_path / ".other.presskit.89abcdef.tmp"
    for path in (stale, fresh, other):
        path.write_text("half a kit")
    long_ago = time.time() - 3600
    for path in (stale, other):
        os.utime(path, (long_ago, long_ago))
    assert remove_stale_temps(target) == [stale]
    # A temp written since this process started may be another live writer's: kept.
    assert temps(tmp_path) == [fresh.name, other.name]
