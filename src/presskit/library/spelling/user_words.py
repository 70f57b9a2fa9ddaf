"""The user's own dictionary: words added with *Add to Dictionary*, one per line.

It lives in the per-user data folder (``~/.local/share/presskit/dictionary.txt`` on Linux),
a plain UTF-8 word list the user may edit, copy from a colleague or receive from a stranger.
So it is read bounded (its first ``MAX_BYTES`` bytes and ``MAX_WORDS`` words; a line longer
than a word can be, or one that does not decode, is skipped) and written whole through
``atomic_write``, so a crash never leaves half a list.
"""

from __future__ import annotations

from pathlib import Path

from presskit.library.paths import data_dir
from presskit.model import PresskitError
from presskit.storage import atomic_write

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
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES)
    except OSError:
        return []
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


def add_user_word(path: Path, word: str) -> list[str]:
    """Add ``word`` to the file at ``path`` (made with its folder if need be); the new list."""
    word = " ".join(word.split())
    if not word or len(word) > MAX_WORD_CHARS:
        raise UserDictionaryError(f"“{word[:40]}” cannot be added to the dictionary")
    words = read_user_words(path)
    if word in words:
        return words
    words = [*words, word][-MAX_WORDS:]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, "".join(f"{w}\n" for w in words))
    except (OSError, PresskitError) as exc:
        raise UserDictionaryError(
            f"Could not add “{word}” to your dictionary {path}: {exc}") from exc
    return words
