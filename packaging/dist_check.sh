#!/usr/bin/env bash
# make dist-check: use the built artefacts as a person would, on this machine.
#
#   bash packaging/dist_check.sh dist/presskit_VERSION_amd64.deb dist/presskit-VERSION-py3-none-any.whl
#
# 1. The .deb (as root): install it with dpkg; check the command, the desktop entry, the icon
#    and the MIME type for .presskit and .presskitz; then, with no Python and no project
#    venv on PATH (env -i, PATH holding the presskit command only) and a fresh home:
#    --version, export the example to PDF (and with an SVG logo to PDF and e-mail, --strict),
#    validate it, import an .xlsx roster (the spreadsheet reader's child process), and
#    --self-test offscreen (the window with the example, its preview rendered). It times the
#    first export against the source install's. Then dpkg --purge, and the lists of files
#    under /opt, /usr, /etc and /var/lib must be what they were before.
# 2. The wheel: pip install it into a new, empty virtual environment and do the same.
set -euo pipefail

deb=$(realpath "$1")
wheel=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/presskit-dist-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*"; failures=$((failures + 1)); }

if [ "$(id -u)" != 0 ]; then
    echo "dist-check installs a .deb: run it as root" >&2
    exit 2
fi
if dpkg -s presskit >/dev/null 2>&1; then
    echo "presskit is installed already (dpkg -s presskit): remove it first" >&2
    exit 2
fi

snapshot() {
    find /opt /usr /etc /var/lib -xdev \( -path /var/lib/apt/lists -o -path /var/lib/dpkg/updates \) -prune -o -print 2>/dev/null | sort
}

# packaging/smoke.sh with the presskit command $1, in an empty environment (env -i) and a
# fresh home, whose PATH is one folder holding that command and the few tools the script
# uses, and no Python; $2 names the run.
smoke() {
    local command=$1 name=$2
    local home="$work/home-$name" bin="$work/bin-$name"
    mkdir -p "$home" "$bin"
    ln -sf "$command" "$bin/presskit"
    local tool
    for tool in bash sh env cp rm mkdir sed grep tr cat date awk pdfinfo dirname; do
        ln -sf "$(command -v "$tool")" "$bin/$tool"
    done
    if env -i PATH="$bin" sh -c 'command -v python3 || command -v python' >/dev/null 2>&1; then
        fail "$name: a Python is on PATH"
    fi
    if env -i HOME="$home" PATH="$bin" LANG=C.UTF-8 bash "$root/packaging/smoke.sh" \
        presskit "$work/smoke-$name"; then
        ok "$name: the smoke test passed"
    else
        fail "$name: the smoke test"
    fi
}

step "the .deb: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
before="$work/files-before"
snapshot > "$before"
dpkg -i "$deb" >/dev/null
ok "dpkg -i installed $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KB' presskit)"
for file in /usr/bin/presskit /opt/presskit/presskit /usr/share/applications/presskit.desktop \
    /usr/share/icons/hicolor/256x256/apps/presskit.png /usr/share/mime/packages/presskit.xml; do
    if [ -e "$file" ]; then ok "installed $file"; else fail "missing $file"; fi
done
if grep -q 'application/x-presskit:\*\.presskit$' /usr/share/mime/globs2 \
    && grep -q 'application/x-presskit:\*\.presskitz$' /usr/share/mime/globs2; then
    ok "the MIME database maps *.presskit and *.presskitz to application/x-presskit"
else
    fail "the MIME database does not know *.presskit and *.presskitz (is shared-mime-info installed?)"
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/presskit.desktop && ok "desktop-file-validate"
fi
printf 'installed size: %s\n' "$(du -sh /opt/presskit | cut -f1)"
smoke /usr/bin/presskit deb

dpkg --purge presskit >/dev/null
after="$work/files-after"
snapshot > "$after"
if diff "$before" "$after" > "$work/files-diff"; then
    ok "dpkg --purge left nothing: the file lists before and after are the same"
else
    fail "files differ after dpkg --purge:"; head -20 "$work/files-diff"
fi

step "the wheel: $(basename "$wheel") in a new virtual environment"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel" 2>&1 | grep -v '^WARNING: Location' || true
smoke "$work/venv/bin/presskit" wheel

step "first export of the example: packaged app against the source install"
if [ -x "$root/.venv/bin/presskit" ]; then
    mkdir -p "$work/home-source"
    cp -r "$root/examples/cnas-responds" "$work/source-kit"
    started=$(date +%s.%N)
    env -i HOME="$work/home-source" PATH=/usr/bin:/bin LANG=C.UTF-8 "$root/.venv/bin/presskit" \
        export "$work/source-kit/cnas-responds.presskit" -o "$work/source.pdf" >/dev/null
    ended=$(date +%s.%N)
    echo "source install (.venv): $(elapsed "$started" "$ended") s; packaged: $(cat "$work/smoke-deb/first-export" 2>/dev/null) s; wheel: $(cat "$work/smoke-wheel/first-export" 2>/dev/null) s"
else
    echo "no .venv here: make run creates it, for the comparison with the source install"
fi

if [ "$failures" -gt 0 ]; then
    printf '\ndist-check: %d FAILED\n' "$failures"
    exit 1
fi
printf '\ndist-check: all passed\n'
