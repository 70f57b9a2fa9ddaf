"""Whatever a ``.presskit-brand`` file holds, importing it gives a preset whose files are in its
folder, or a ``BrandPresetError`` naming the file, with nothing written: no other exception,
no hang, no memory blow-up (zip bombs, lying headers, deep or huge YAML)."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

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
from presskit.model import Brand, Fonts
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


@st.composite
def changed_entries(draw: st.DrawFn) -> bytes:
    """A seed's entries with their YAML mutated, an entry renamed, dropped, repeated or
    swollen, zipped again (stored or deflated) so that the change reaches the checks inside."""
    entries = dict(draw(st.sampled_from(SEED_ENTRIES)))
    for _ in range(draw(st.integers(1, 3))):
        if not entries:
            break
        name = draw(st.sampled_from(sorted(entries)))
        match draw(st.integers(0, 4)):
            case 0 if name.endswith(".yaml"):
                text = entries[name].decode("utf-8", "replace")
                entries[name] = draw(mutated([text])).encode("utf-8", "surrogatepass")
            case 1:
                new = draw(st.sampled_from(["../x", "assets/a/b", "/abs", "assets/", "other",
                                            "preset.yaml", "brand.yaml", "assets/logo.png"]))
                entries[new] = entries.pop(name)
            case 2:
                entries.pop(name)
            case 3:  # swollen past the YAML and ratio caps; entries past the 50 MB cap are
                # a unit test's (tests/library/test_preset_bounds.py): at 64 MB, three of
                # them zipped twice ran Hypothesis out of memory under `make fuzz`'s 4 GB.
                most = max(2, 8 * 1024 * 1024 // max(1, len(entries[name])))
                entries[name] = entries[name] * draw(st.integers(2, min(2000, most)))
            case _:
                entries[name] = draw(st.sampled_from(
                    [b"", b"\0" * 3_000_000, b"[" * 5000, b"presskit-brand: 1\nname: " +
                     b"9" * 5001, b"logo: /etc/passwd\n", b"fonts:\n  body: ../../x.ttf\n"]))
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    return zipped(entries, method)


def assert_imports_or_is_refused(data: bytes) -> None:
    source = _WORK / "fuzzed.presskit-brand"
    source.write_bytes(data)
    folder = _WORK / "imported"
    shutil.rmtree(folder, ignore_errors=True)
    with watchdog(data[:300]):
        try:
            imported = import_preset(source, destination=folder)
        except BrandPresetError as exc:
            assert str(exc).startswith(str(source)), str(exc)
            assert not folder.exists(), str(exc)
            return
    inside = folder.resolve()
    for _field, value in brand_files(imported.preset.brand):
        file = Path(font_file(value)[0]).resolve()
        assert file.is_relative_to(inside) and file.is_file(), (value, data[:300])


@FUZZ
@given(mutated_bytes(SEEDS))
def test_mutated_preset_bytes_import_or_are_refused(data: bytes) -> None:
    assert_imports_or_is_refused(data)


@FUZZ
@given(changed_entries())
def test_a_preset_with_changed_entries_imports_or_is_refused(data: bytes) -> None:
    assert_imports_or_is_refused(data)


@FUZZ
@given(st.lists(st.sampled_from([*SNIPPETS, "presskit-brand: 1\n", "name: x\n"]), max_size=40))
def test_any_preset_yaml_imports_or_is_refused(parts: list[str]) -> None:
    meta = "".join(parts).encode("utf-8", "surrogatepass")
    assert_imports_or_is_refused(zipped({**SEED_ENTRIES[1], "preset.yaml": meta},
                                        zipfile.ZIP_DEFLATED))
