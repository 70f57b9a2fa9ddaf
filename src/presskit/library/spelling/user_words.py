"""The user's own dictionary: words added with *Add to Dictionary*, one per line.

It lives in the per-user data folder (``~/.local/share/presskit/dictionary.txt`` on Linux),
a plain UTF-8 word list the user may edit, copy from a colleague or receive from a stranger.
So it is read bounded (only a regular file, never waiting on a pipe; its first
``MAX_BYTES`` bytes and ``MAX_WORDS`` words; a line longer than a word can be, or one that
does not decode, is skipped). A word is added by appending its line, never by rewriting the
file from what was read: a list longer than the bounds, comments and lines presskit skips stay
as the user wrote them; a full list is refused with a message instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from presskit.library.paths import data_dir
from presskit.model import PresskitError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

FILE_NAME = "dictionary.txt"
#: At most this much of the file is read: about 100,000 ordinary words.
MAX_BYTES = 1_000_000
MAX_WORDS = 50_000
#: A line longer than this is not a word.
MAX_WORD_CHARS = 100


class UserDictionaryError(PresskitError):
    """The user's dictionary could not be written; the message says where and why."""


def user_dictionary_path() -> Path:
    return data_dir() / FILE_NAME


def read_user_words(path: Path) -> list[str]:
    """The words in the file at ``path``, in file order, each once; none if it is missing or
    unreadable (a broken word list must never stop the editor)."""
    data = _read_prefix(path)
    if len(data) == MAX_BYTES:  # a cut line at the end is not a word
        data = data[: data.rfind(b"\n") + 1]
    words: dict[str, None] = {}
    for raw in data.splitlines():
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            continue
        if line and not line.startswith("#") and len(line) <= MAX_WORD_CHARS:
            words.setdefault(line)
            if len(words) >= MAX_WORDS:
                break
    return list(words)


def _read_prefix(path: Path) -> bytes:
    """The first ``MAX_BYTES`` of the regular file ``path``; nothing for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        with os.fdopen(fd, "rb", closefd=False) as stream, contextlib.suppress(OSError):
            return stream.read(MAX_BYTES)
        return b""
    finally:
        os.close(fd)


def add_user_word(path: Path, word: str) -> list[str]:
    """Add ``word`` to the file at ``path`` (made with its folder if need be) by appending
    its line; the new list. ``UserDictionaryError`` says why a word cannot be added."""
    word = " ".join(word.split())
    if not word or len(word) > MAX_WORD_CHARS:
        raise UserDictionaryError(f"“{word[:40]}” cannot be added to the dictionary")
    words = read_user_words(path)
    if word in words:
        return words
    data = _read_prefix(path)
    if len(words) >= MAX_WORDS or len(data) >= MAX_BYTES - 4 * MAX_WORD_CHARS:
        raise UserDictionaryError(
            f"Your dictionary {path} is full ({MAX_WORDS:,} words or {MAX_BYTES:,} bytes): "
            f"“{word}” was not added; remove words you no longer need from it")
    line = ("" if not data or data.endswith(b"\n") else "\n") + f"{word}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Appended, never through a link; a crash at worst cuts this one line short.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _NONBLOCK,
                     0o644)
        with os.fdopen(fd, "ab") as stream:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError("it is not a regular file")
            stream.write(line.encode("utf-8"))
    except OSError as exc:
        reason = "it is a link, which presskit does not write through" if getattr(
            exc, "errno", None) == errno.ELOOP else (exc.strerror or str(exc))
        raise UserDictionaryError(
            f"Could not add “{word}” to your dictionary {path}: {reason}") from exc
    return [*words, word]
