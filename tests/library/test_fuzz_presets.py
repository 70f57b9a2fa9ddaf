"""Whatever a ``.presskit-brand`` file holds, importing it gives a preset whose files are in its
folder, or a ``BrandPresetError`` naming the file, with nothing written: no other exception,
no hang, no memory blow-up (zip bombs, lying headers, deep or huge YAML)."""

from __future__ import annotations

import io
import random
import shutil
import tempfile
import time
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from support.font_files import SHIPPED, small_font
from support.fuzz_settings import FUZZ, SNIPPETS, mutated, mutated_bytes, watchdog

from presskit.library.brand_presets import (
    BrandPresetError,
    brand_files,
    import_preset,
    preset_bytes,
)
from presskit.library.roster import BrandPreset
from presskit.model import Brand, Fonts, limits
from presskit.model.kit import font_file

_WORK = Path(tempfile.mkdtemp(prefix="presskit-fuzz-presets-"))


def _seed_files() -> tuple[Path, Path]:
    logo = _WORK / "logo.png"
    Image.new("RGBA", (40, 12), (10, 40, 90, 255)).save(logo)
    font = _WORK / "House.ttf"
    font.write_bytes(small_font(SHIPPED / "DejaVuSerif.ttf", "House 2019"))
    return logo, font


LOGO, FONT = _seed_files()
SEEDS = [
    preset_bytes(BrandPreset("House", Brand(organisation="House", logo=LOGO,
                                            fonts=Fonts(body=FONT, heading_bold=FONT)))),
    preset_bytes(BrandPreset("Κέντρο", Brand(short_name="K", footer="Athens"))),
]
Entries = dict[str, bytes]


def entries_of(archive: bytes) -> Entries:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {info.filename: opened.read(info) for info in opened.infolist()}


SEED_ENTRIES = [entries_of(seed) for seed in SEEDS]


def zipped(entries: Entries, method: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


class Entry(NamedTuple):
    """What a changed archive's entry holds, in a few bytes: ``head``, then ``fill`` repeated,
    cut at ``size`` bytes (``None``: ``head`` alone). A strategy must never draw the entry's
    bytes themselves: Hypothesis 6.170 keeps every ``bytes`` or ``str`` a strategy returns in
    its cache of the last 10,000 inputs, which is how zipping swollen entries took the full
    run past 4 GB. Entries are unfolded into the archive a megabyte at a time, when the test
    runs (``write_archive``)."""

    head: bytes
    fill: bytes = b""
    size: int | None = None

    def length(self) -> int:
        return len(self.head) if self.size is None else self.size

    def pieces(self, size: int) -> Iterator[bytes]:
        """The entry's first ``size`` bytes, a megabyte at most at a time."""
        yield self.head[:size]
        left = size - len(self.head)
        if left <= 0 or not self.fill:
            return
        block = self.fill * max(1, _PIECE // len(self.fill))
        while left > 0:
            yield block[:left]
            left -= len(block)


_PIECE = 1024 * 1024
#: Sizes at the edges of presskit's limits on an entry: its YAML, the packed-size ratio and
#: an unpacked entry; one byte either side.
EDGES = [edge + step for edge in (limits.MAX_PRESET_YAML_BYTES, limits.PRESET_RATIO_FLOOR,
                                  limits.MAX_PRESET_ENTRY_BYTES) for step in (-1, 0, 1)]
#: The largest swollen entry: past the entry cap, so that the cap is what refuses it.
MAX_SWOLLEN = limits.MAX_PRESET_ENTRY_BYTES + _PIECE
#: The most an archive holds in all, unpacked: past the caps on a preset's file and on all
#: its contents, and a bound on the disk space and time one input takes (memory: a piece).
MAX_ARCHIVE = limits.MAX_PRESET_TOTAL_BYTES + 8 * _PIECE
#: More copies of an entry than a preset may have entries.
MAX_COPIES = limits.MAX_PRESET_ENTRIES + 6
#: Bytes that deflate four-fold, not a thousand-fold like a repeated seed, and quickly (40 MB
#: a second; random bytes of a few values took 3): swollen and copied, they pass the ratio
#: check and reach the cap on a preset's contents. Longer than deflate's 32 KB window.
PLAIN_FILL = random.Random(0).randbytes(12 * 1024) + bytes(36 * 1024)
#: What an entry may be replaced with: empty, zeros packing a thousand-fold, deep or long
#: YAML, paths out of the preset, bytes packing four-fold.
REPLACEMENTS = [Entry(b""), Entry(b"", b"\0", 3_000_000), Entry(b"", b"[", 5000),
                Entry(b"", PLAIN_FILL, len(PLAIN_FILL)),
                Entry(b"presskit-brand: 1\nname: ", b"9", 24 + 5001),
                Entry(b"logo: /etc/passwd\n"), Entry(b"fonts:\n  body: ../../x.ttf\n")]
SEED_RECIPES = [[(name, Entry(data)) for name, data in seed.items()] for seed in SEED_ENTRIES]


@dataclass(frozen=True)
class Archive:
    """A preset archive to write: its entries in order (a name may come twice) and how they
    are packed."""

    entries: tuple[tuple[str, Entry], ...]
    method: int

    def __repr__(self) -> str:  # what a failing input prints: sizes, not megabytes of bytes
        shown = ", ".join(f"{name!r}: {entry.head[:60]!r}+{entry.fill[:20]!r}…"
                          f"[{entry.length()} bytes]" for name, entry in self.entries)
        return f"Archive({{{shown}}}, method={self.method})"


@st.composite
def changed_entries(draw: st.DrawFn) -> Archive:
    """A seed's entries with their YAML mutated, an entry renamed, dropped, repeated (under
    its own name or as up to ``MAX_COPIES`` copies in ``assets/``) or swollen (up to 2,000
    times, or to the edges of presskit's limits, up to ``MAX_SWOLLEN``), to be zipped again
    (stored or deflated) so that the change reaches the checks inside."""
    entries = list(draw(st.sampled_from(SEED_RECIPES)))
    for _ in range(draw(st.integers(1, 3))):
        if not entries:
            break
        at = draw(st.integers(0, len(entries) - 1))
        name, entry = entries[at]
        match draw(st.integers(0, 5)):
            case 0 if name.endswith(".yaml"):
                text = entry.head.decode("utf-8", "replace")
                head = draw(mutated([text])).encode("utf-8", "surrogatepass")
                entries[at] = (name, entry._replace(head=head))
            case 1:
                new = draw(st.sampled_from(["../x", "assets/a/b", "/abs", "assets/", "other",
                                            "preset.yaml", "brand.yaml", "assets/logo.png"]))
                entries[at] = (new, entry)
            case 2:
                del entries[at]
            case 3:  # swollen past the YAML, ratio and entry caps
                length = entry.length()
                if length:
                    if draw(st.booleans()):
                        size = length * draw(st.integers(2, 2000))
                    else:
                        size = draw(st.sampled_from(EDGES))
                    fill = entry.fill or entry.head
                    entries[at] = (name, entry._replace(fill=fill, size=min(size, MAX_SWOLLEN)))
            case 4:  # repeated: twice under one name, or past the cap on entries
                if draw(st.booleans()):
                    entries.insert(at, (name, entry))
                else:
                    copies = draw(st.integers(1, MAX_COPIES))
                    entries += [(f"assets/copy-{n}", entry) for n in range(copies)]
            case _:
                entries[at] = (name, draw(st.sampled_from(REPLACEMENTS)))
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    return Archive(tuple(entries), method)


def write_archive(path: Path, archive: Archive) -> None:
    """Zip ``archive`` into ``path`` as ``ZipFile.writestr`` would, a piece at a time: past
    ``MAX_ARCHIVE`` bytes in all, each later entry is cut short."""
    left = MAX_ARCHIVE
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", archive.method) as out:
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": meant
        for name, entry in archive.entries:
            info = zipfile.ZipInfo(name, time.localtime()[:6])
            info.compress_type = archive.method
            info.external_attr = (0o40775 << 16 | 0x10) if name.endswith("/") else 0o600 << 16
            info.file_size = size = min(entry.length(), left)
            left -= size
            with out.open(info, "w") as packed:
                for piece in entry.pieces(size):
                    packed.write(piece)


def assert_imports_or_is_refused(data: bytes | Archive) -> None:
    source = _WORK / "fuzzed.presskit-brand"
    if isinstance(data, Archive):
        write_archive(source, data)
        shown: object = data
    else:
        source.write_bytes(data)
        shown = data[:300]
    folder = _WORK / "imported"
    shutil.rmtree(folder, ignore_errors=True)
    with watchdog(shown):
        try:
            imported = import_preset(source, destination=folder)
        except BrandPresetError as exc:
            assert str(exc).startswith(str(source)), str(exc)
            assert not folder.exists(), str(exc)
            return
    inside = folder.resolve()
    for _field, value in brand_files(imported.preset.brand):
        file = Path(font_file(value)[0]).resolve()
        assert file.is_relative_to(inside) and file.is_file(), (value, shown)


@FUZZ
@given(mutated_bytes(SEEDS))
def test_mutated_preset_bytes_import_or_are_refused(data: bytes) -> None:
    assert_imports_or_is_refused(data)


@FUZZ
@given(changed_entries())
def test_a_preset_with_changed_entries_imports_or_is_refused(archive: Archive) -> None:
    assert_imports_or_is_refused(archive)


@FUZZ
@given(st.lists(st.sampled_from([*SNIPPETS, "presskit-brand: 1\n", "name: x\n"]), max_size=40))
def test_any_preset_yaml_imports_or_is_refused(parts: list[str]) -> None:
    meta = "".join(parts).encode("utf-8", "surrogatepass")
    assert_imports_or_is_refused(zipped({**SEED_ENTRIES[1], "preset.yaml": meta},
                                        zipfile.ZIP_DEFLATED))
