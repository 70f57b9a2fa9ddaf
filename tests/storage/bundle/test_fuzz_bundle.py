"""Whatever a bundle file holds, unpacking it gives a kit file in the folder or a
``BundleError`` naming the bundle and the reason (the entry, where one is to blame), with
nothing written: no other exception, no hang, no memory blow-up."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support.bundle_archives import listing
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from support.fuzz_settings import FUZZ, SNIPPETS, mutated, mutated_bytes, watchdog

from presskit.formats.bundle import write_bundle
from presskit.storage.bundle.format import MANIFEST_NAME, BundleError
from presskit.storage.bundle.reader import read_bundle

_WORK = Path(tempfile.mkdtemp(prefix="presskit-fuzz-bundle-"))


def _seed(kit: Path) -> bytes:
    return write_bundle(kit, _WORK / f"{kit.stem}.presskitz").path.read_bytes()


SEEDS = [_seed(CNAS_KIT), _seed(NORTHBRIDGE_KIT)]
Entries = dict[str, bytes]


def entries_of(bundle: bytes) -> Entries:
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


SEED_ENTRIES = [entries_of(seed) for seed in SEEDS]
#: Entry names to rename a file to (a zip cannot hold a name UTF-8 cannot encode).
HOSTILE_NAMES = [*(s for s in SNIPPETS if "\ud800" not in s),
                 "../evil.txt", "/tmp/evil", "C:\\evil", "a/../../b", "photos/", "CON",
                 "x\x00y", "kit.PRESSKIT", "photos//a.jpg", "assets/logo.png/x", ""]


def zipped(entries: Entries, *, modes: dict[str, int] | None = None,
           with_manifest: bool = True) -> bytes:
    """``entries`` as a bundle whose manifest (unless told otherwise) lists them truly, so
    that a change gets past the manifest check to the checks after it."""
    files = {name: data for name, data in entries.items() if name != MANIFEST_NAME}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if with_manifest:
            original = entries.get(MANIFEST_NAME, b"{}")
            try:
                manifest = json.loads(original)
            except ValueError:  # a spoilt manifest stays as spoilt as it is
                manifest = None
            if isinstance(manifest, dict):
                manifest["files"] = [
                    {"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                    for n, d in files.items()]
                archive.writestr(MANIFEST_NAME, json.dumps(manifest))
            else:
                archive.writestr(MANIFEST_NAME, original)
        for name, data in files.items():
            info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
            info.external_attr = (modes or {}).get(name, stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


@st.composite
def hostile_bundles(draw: st.DrawFn) -> bytes:
    """A seed bundle spoilt at the byte level, or rebuilt with one entry changed."""
    if draw(st.booleans()):
        return draw(mutated_bytes(SEEDS))
    entries = dict(draw(st.sampled_from(SEED_ENTRIES)))
    names = sorted(entries)
    name = draw(st.sampled_from(names))
    kit_name = next(n for n in names if n.endswith(".presskit"))
    modes: dict[str, int] = {}
    match draw(st.integers(0, 5)):
        case 0:  # the kit file rewritten: the reader must open it with the kit's rules
            text = entries[kit_name].decode("utf-8")
            entries[kit_name] = draw(mutated([text])).encode("utf-8", "surrogatepass")
        case 1:
            entries[draw(st.sampled_from(HOSTILE_NAMES))] = entries.pop(name)
        case 2:  # the manifest's JSON spoilt as text
            manifest = entries[MANIFEST_NAME].decode("utf-8")
            spoilt = draw(mutated([manifest])).encode("utf-8", "surrogatepass")
            return _with_manifest(entries, spoilt)
        case 3:
            del entries[name]
            return zipped(entries, with_manifest=draw(st.booleans()))
        case 4:
            modes[name] = draw(st.sampled_from([stat.S_IFLNK | 0o777, stat.S_IFIFO | 0o644,
                                                stat.S_IFDIR | 0o755, 0o644]))
        case _:
            entries[name] = draw(mutated_bytes([entries[name]]))
    return zipped(entries, modes=modes)


def _with_manifest(entries: Entries, manifest: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, manifest)
        for name, data in entries.items():
            if name != MANIFEST_NAME:
                archive.writestr(name, data)
    return buffer.getvalue()


def assert_unpacks_or_is_refused_with_nothing_written(data: bytes) -> None:
    work = Path(tempfile.mkdtemp(dir=_WORK))
    try:
        bundle = work / "in.presskitz"
        bundle.write_bytes(data)
        folder = work / "out"
        with watchdog(data[:200]):
            try:
                kit = read_bundle(bundle, folder)
            except BundleError as exc:
                message = str(exc)
                assert message.startswith(f"{bundle}: not unpacked: "), message
                assert "nothing was written" in message, message
                assert listing(folder) == {}, message
                assert sorted(p.name for p in work.iterdir()) == ["in.presskitz"], message
                return
        assert kit.is_file() and kit.parent == folder
    finally:
        shutil.rmtree(work)


@FUZZ
@given(hostile_bundles())
def test_a_spoilt_bundle_unpacks_or_is_refused_with_nothing_written(data: bytes) -> None:
    assert_unpacks_or_is_refused_with_nothing_written(data)


# -- what the fuzzing found ------------------------------------------------------------------

def test_an_entry_whose_deflate_stream_is_corrupt_is_refused_naming_it() -> None:
    data = bytearray(SEEDS[0])
    with zipfile.ZipFile(io.BytesIO(SEEDS[0])) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith(".pdf"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    # A "stored" block whose length and its complement disagree: zlib.error, not BadZipFile.
    data[start:start + 5] = b"\x00\x01\x00\x01\x00"
    work = Path(tempfile.mkdtemp(dir=_WORK))
    (work / "in.presskitz").write_bytes(bytes(data))
    try:
        read_bundle(work / "in.presskitz", work / "out")
    except BundleError as exc:
        assert f"the entry {info.filename!r} is damaged" in str(exc)
    else:
        raise AssertionError("a bundle with a corrupt entry was unpacked")
    assert_unpacks_or_is_refused_with_nothing_written(bytes(data))
