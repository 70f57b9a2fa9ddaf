"""A set of files killed half-way through being replaced (SIGKILL, a power cut) does not stay
half and half: the next write of any file of the set finishes it, so it is the new set whole
(killed after its last new file was written) or the old one whole (killed before).

The kills are real: a child process replaces the set and SIGKILLs itself at the chosen step.
A record planted by a stranger (a kit folder travels) can rename nothing but a file's own
temp onto that file, in the record's own folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presskit.storage import StorageError, atomic_write, replace_all

#: Replaces kit.html and kit.txt in the folder given, SIGKILLing itself just before the
#: ``os.<CALL>`` numbered N (1-based) of the replacement.
KILLER = """
import os, signal, sys
from pathlib import Path
from presskit.storage import replace_all
folder, call, number = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
real, seen = getattr(os, call), []
def killed(*args, **kwargs):
    seen.append(args)
    if len(seen) == number:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(os, call, killed)
replace_all({folder / "kit.html": "<p>new</p>", folder / "kit.txt": "new"})
"""


def kill_while_replacing(folder: Path, call: str, number: int) -> None:
    done = subprocess.run([sys.executable, "-c", KILLER, str(folder), call, str(number)],
                          check=False, timeout=60)
    assert done.returncode == -9
    for path in folder.iterdir():  # what it left is from a process that is gone
        os.utime(path, ns=(0, 0), follow_symlinks=False)


def old_pair(folder: Path) -> tuple[Path, Path]:
    html, txt = folder / "kit.html", folder / "kit.txt"
    html.write_text("<p>old</p>")
    txt.write_text("old")
    return html, txt


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_set_killed_between_its_renames_is_made_whole_by_the_next_write_of_either_file(
    tmp_path: Path,
) -> None:
    html, txt = old_pair(tmp_path)
    kill_while_replacing(tmp_path, "replace", 2)  # kit.html is new, kit.txt not yet
    assert html.read_text() == "<p>new</p>" and txt.read_text() == "old"
    atomic_write(html, "<p>newer</p>")
    assert txt.read_text() == "new"  # the killed export's text, beside its HTML's successor
    assert html.read_text() == "<p>newer</p>"
    assert hidden(tmp_path) == []


def test_a_set_killed_after_its_record_but_before_any_rename_goes_forward_whole(
    tmp_path: Path,
) -> None:
    html, txt = old_pair(tmp_path)
    kill_while_replacing(tmp_path, "replace", 1)  # every new file written, none renamed
    assert html.read_text() == "<p>old</p>" and txt.read_text() == "old"
    atomic_write(txt, "newer")
    assert html.read_text() == "<p>new</p>"  # the record was written: the set goes forward
    assert txt.read_text() == "newer"
    assert hidden(tmp_path) == []


def test_a_set_killed_while_its_new_files_are_written_stays_the_old_set(tmp_path: Path) -> None:
    html, txt = old_pair(tmp_path)
    kill_while_replacing(tmp_path, "fsync", 2)  # the text's temp is not complete
    atomic_write(html, "<p>newer</p>")
    assert txt.read_text() == "old"
    replace_all({html: "<p>newest</p>", txt: "newest"})
    assert hidden(tmp_path) == []


def test_a_running_writers_record_is_left_alone(tmp_path: Path) -> None:
    html, txt = old_pair(tmp_path)
    temp = tmp_path / ".kit.txt.0123abcd.tmp"
    temp.write_text("someone else's")
    record = tmp_path / ".presskit-set.0123456789abcdef.json"
    record.write_text(json.dumps({"presskit-set": 1, "files": [["kit.txt", temp.name]]}))
    atomic_write(html, "<p>newer</p>")  # the record is seconds old: its writer is running
    assert txt.read_text() == "old" and record.exists() and temp.exists()


@pytest.mark.parametrize("files", [
    [["../outside.txt", ".outside.txt.0123abcd.tmp"]],
    [["kit.txt", "../.kit.txt.0123abcd.tmp"]],
    [["kit.txt", "planted.txt"]],
    [["kit.txt", ".kit.html.0123abcd.tmp"]],
    [["/etc/passwd", ".passwd.0123abcd.tmp"]],
    "kit.txt",
    [["kit.txt"]],
])
def test_a_planted_record_naming_anything_but_a_files_own_temp_renames_nothing(
    tmp_path: Path, files: object
) -> None:
    folder = tmp_path / "kit"
    folder.mkdir()
    html, txt = old_pair(folder)
    (tmp_path / "outside.txt").write_text("keep me")
    for name in ("planted.txt", ".kit.html.0123abcd.tmp", ".kit.txt.0123abcd.tmp"):
        (folder / name).write_text("planted")
    (tmp_path / ".kit.txt.0123abcd.tmp").write_text("planted")
    record = folder / ".presskit-set.0123456789abcdef.json"
    record.write_text(json.dumps({"presskit-set": 1, "files": files}))
    for path in folder.iterdir():
        os.utime(path, ns=(0, 0))
    atomic_write(html, "<p>newer</p>")
    assert txt.read_text() == "old" and (folder / "planted.txt").read_text() == "planted"
    assert (tmp_path / "outside.txt").read_text() == "keep me"
    assert record.exists()  # not ours: the user's to remove


def test_a_record_never_puts_a_file_over_a_link_or_through_one(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    folder = tmp_path / "kit"
    folder.mkdir()
    html = folder / "kit.html"
    html.write_text("<p>old</p>")
    (folder / "kit.txt").symlink_to(outside)
    (folder / ".kit.txt.0123abcd.tmp").write_text("planted")
    (folder / ".kit.html.0123abcd.tmp").symlink_to(outside)
    record = folder / ".presskit-set.0123456789abcdef.json"
    record.write_text(json.dumps({"presskit-set": 1, "files": [
        ["kit.txt", ".kit.txt.0123abcd.tmp"], ["kit.html", ".kit.html.0123abcd.tmp"]]}))
    for path in folder.iterdir():
        os.utime(path, ns=(0, 0), follow_symlinks=False)
    with pytest.raises(StorageError, match="symbolic link"):
        replace_all({html: "<p>newer</p>", folder / "kit.txt": "newer"})
    assert outside.read_text() == "keep me" and (folder / "kit.txt").is_symlink()
    assert html.read_text() == "<p>old</p>"


def test_an_oversized_or_special_record_is_not_read(tmp_path: Path) -> None:
    html, txt = old_pair(tmp_path)
    (tmp_path / ".kit.txt.0123abcd.tmp").write_text("planted")
    entry = ["kit.txt", ".kit.txt.0123abcd.tmp"]
    big = tmp_path / ".presskit-set.0123456789abcdef.json"
    big.write_text(json.dumps({"presskit-set": 1, "files": [entry] * 5000}))
    os.mkfifo(tmp_path / ".presskit-set.fedcba9876543210.json")
    for path in tmp_path.iterdir():
        os.utime(path, ns=(0, 0))
    atomic_write(html, "<p>newer</p>")  # neither blocks nor renames
    assert txt.read_text() == "old"
