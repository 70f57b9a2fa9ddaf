"""Build the presskit artefacts for the machine this runs on (``make dist``).

    python packaging/build.py [--skip-freeze]

Run with the Python of the dist tooling's virtual environment (``build/dist-venv``, made by
``make dist`` from ``packaging/requirements.txt``: PyInstaller and hatchling, nothing of it
reaches the app). Every artefact is named with the version from ``pyproject.toml``:

1. ``dist/presskit-VERSION-py3-none-any.whl``, the wheel (what ``pipx install`` installs);
2. the wheel installed into this environment, and frozen by PyInstaller
   (``packaging/presskit.spec``) into ``build/freeze/presskit/``: the app with its own
   Python, Qt and resources;
3. on Linux: ``dist/presskit_VERSION_amd64.deb`` (the folder in ``/opt/presskit``, the
   ``presskit`` command in ``/usr/bin``, the desktop entry, icons and the
   ``application/x-presskit`` MIME type for ``.presskit`` and ``.presskitz``) and
   ``dist/presskit-VERSION-linux-x86_64.tar.gz`` (the same folder, to unpack anywhere);
   on Windows: ``dist/presskit-VERSION-windows-x64-setup.exe`` (Inno Setup,
   ``packaging/windows/presskit.iss``); on macOS: ``dist/presskit-VERSION-macos.dmg``.

Paths are relative to the checkout; it prints the artefacts and their sizes.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
FROZEN = BUILD / "freeze" / "presskit"
ICONS = ROOT / "resources" / "icons"

#: What the frozen app needs from a Debian or Ubuntu system (everything else is inside):
#: the C library, OpenGL/EGL (never bundled: they belong to the graphics driver), and the
#: X11 and Wayland client libraries. Found with ldd on every bundled library.
DEB_DEPENDS = ("libc6 (>= 2.36), libgl1, libegl1, libxcb1, libwayland-client0, "
               "libwayland-cursor0, libwayland-egl1")


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def run(*command: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[call-overload]


def build_wheel(release: str) -> Path:
    for old in DIST.glob("presskit-*.whl"):
        old.unlink()
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "-w", DIST, ROOT)
    wheel = DIST / f"presskit-{release}-py3-none-any.whl"
    if not wheel.is_file():
        sys.exit(f"build.py: the wheel {wheel} was not made")
    return wheel


def freeze(wheel: Path) -> Path:
    # The wheel, not the checkout: what is frozen is exactly what the wheel ships.
    run(sys.executable, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps",
        wheel)
    run(sys.executable, "-m", "pip", "install", "--quiet", wheel)  # its dependencies
    shutil.rmtree(FROZEN.parent, ignore_errors=True)
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", FROZEN.parent, "--workpath", BUILD / "pyinstaller",
        PACKAGING / "presskit.spec")
    return FROZEN


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def linux_tarball(release: str, folder: Path) -> Path:
    target = DIST / f"presskit-{release}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(folder, arcname=f"presskit-{release}", filter=_normalised)
    return target


def linux_deb(release: str, folder: Path) -> Path:
    root = BUILD / "deb" / f"presskit_{release}_amd64"
    shutil.rmtree(root.parent, ignore_errors=True)
    shutil.copytree(folder, root / "opt" / "presskit", symlinks=True)
    files = {
        root / "usr" / "share" / "applications" / "presskit.desktop":
            ICONS / "presskit.desktop",
        root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "presskit.png":
            ICONS / "presskit.png",
        root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "presskit.svg":
            ICONS / "presskit.svg",
        root / "usr" / "share" / "mime" / "packages" / "presskit.xml":
            PACKAGING / "linux" / "presskit-mime.xml",
        root / "usr" / "share" / "doc" / "presskit" / "copyright":
            PACKAGING / "linux" / "copyright",
    }
    for target, source in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    command = root / "usr" / "bin" / "presskit"
    command.parent.mkdir(parents=True)
    command.symlink_to("/opt/presskit/presskit")
    size_kb = sum(f.stat().st_size for f in root.rglob("*") if f.is_file() and not f.is_symlink())
    control = (PACKAGING / "linux" / "control").read_text(encoding="utf-8").format(
        version=release, installed_size=size_kb // 1024, depends=DEB_DEPENDS)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for path in root.rglob("*"):  # dpkg-deb wants 0755 folders, whatever the umask was
        if path.is_dir():
            path.chmod(0o755)
    target = DIST / f"presskit_{release}_amd64.deb"
    # No maintainer scripts: the MIME database, desktop database and icon cache are brought
    # up to date by the triggers shared-mime-info, desktop-file-utils and the icon theme set
    # on these folders, at install and at removal alike.
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, target)
    return target


def windows_installer(release: str, folder: Path) -> Path:
    from PIL import Image  # a dependency of presskit, so in this environment

    icon = BUILD / "presskit.ico"
    Image.open(ICONS / "presskit.png").save(icon, sizes=[(16, 16), (32, 32), (48, 48),
                                                        (256, 256)])
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    run(iscc, f"/DVersion={release}", f"/DSource={folder}", f"/DOutput={DIST}",
        f"/DIcon={icon}", f"/DLicense={ROOT / 'LICENSE'}", PACKAGING / "windows" / "presskit.iss")
    return DIST / f"presskit-{release}-windows-x64-setup.exe"


def macos_dmg(release: str) -> Path:
    app = FROZEN.parent / "presskit.app"
    target = DIST / f"presskit-{release}-macos-{platform.machine()}.dmg"
    target.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", f"presskit {release}", "-srcfolder", app,
        "-ov", "-format", "UDZO", target)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-freeze", action="store_true",
                        help="package the app frozen last time (build/freeze/presskit)")
    args = parser.parse_args(argv)
    release = version()
    DIST.mkdir(exist_ok=True)
    wheel = build_wheel(release)
    folder = FROZEN if args.skip_freeze else freeze(wheel)
    artefacts = [wheel]
    if sys.platform.startswith("linux"):
        artefacts += [linux_deb(release, folder), linux_tarball(release, folder)]
    elif sys.platform == "win32":
        artefacts.append(windows_installer(release, folder))
    elif sys.platform == "darwin":
        artefacts.append(macos_dmg(release))
    installed = sum(f.stat().st_size for f in folder.rglob("*")
                    if f.is_file() and not f.is_symlink())
    print(f"\nthe app folder ({folder.relative_to(ROOT)}): {installed / 1e6:.0f} MB")
    for artefact in artefacts:
        print(f"{artefact.relative_to(ROOT)}: {artefact.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
