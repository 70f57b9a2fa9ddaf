#!/usr/bin/env bash
# The smoke test of an installed presskit, the same on every platform (make dist-check on
# Linux, the release workflow on Windows and macOS):
#
#   bash packaging/smoke.sh PRESSKIT_COMMAND WORK_FOLDER
#
# --version names the version of pyproject.toml; the example kit exports to PDF; a kit with
# an SVG logo exports to PDF and e-mail with no warning (--strict); the kit validates; an
# .xlsx roster imports (the spreadsheet reader runs in a child process); --self-test opens
# the window on the example offscreen and renders its preview. Prints one line per check,
# writes the first export's seconds to WORK_FOLDER/first-export, and exits 1 if any failed.
# Everything it writes is under WORK_FOLDER (point HOME there too for a fresh profile).
set -uo pipefail

presskit=$1
work=$2
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/pyproject.toml")
failures=0
mkdir -p "$work"

ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*"; failures=$((failures + 1)); }
now() { date +%s.%N 2>/dev/null || date +%s; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

shown=$("$presskit" --version | tr -d '\r')
if [ "$shown" = "presskit $version" ]; then
    ok "presskit --version says '$shown'"
else
    fail "presskit --version said '$shown', not 'presskit $version'"
fi

cp -r "$root/examples/cnas-responds" "$work/"
rm -f "$work"/cnas-responds/*.pdf "$work"/cnas-responds/.*.lock
kit="$work/cnas-responds/cnas-responds.presskit"
started=$(now)
if "$presskit" export "$kit" -o "$work/cnas.pdf" >/dev/null && [ -s "$work/cnas.pdf" ]; then
    ended=$(now)
    elapsed "$started" "$ended" > "$work/first-export"
    pages=$(pdfinfo "$work/cnas.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    ok "exported the example to PDF (${pages:-?} pages): first export $(cat "$work/first-export") s"
else
    fail "presskit export of the example"
fi

# An SVG logo: svglib draws it in the PDF, resvg as a PNG for e-mail; with --strict any
# warning (such as "the logo cannot be used") is an error.
cp "$root/resources/icons/presskit.svg" "$work/cnas-responds/assets/logo.svg"
sed 's#assets/logo.png#assets/logo.svg#' "$kit" > "$work/cnas-responds/svg.presskit"
if "$presskit" export "$work/cnas-responds/svg.presskit" -o "$work/svg.pdf" --strict >/dev/null \
    && "$presskit" export "$work/cnas-responds/svg.presskit" --format email -o "$work/svg" \
        --strict >/dev/null \
    && [ -s "$work/svg_files/logo.png" ]; then
    ok "a kit with an SVG logo exports to PDF and e-mail with no warning"
else
    fail "the kit with an SVG logo"
fi

if "$presskit" validate "$kit"; then ok "presskit validate"; else fail "presskit validate"; fi

# The id of a name in Hangul comes from anyascii's tables, data files the app must carry.
if "$presskit" roster import "$root/packaging/fixtures/experts.xlsx" \
    && "$presskit" roster list > "$work/roster.txt" \
    && grep -q "Jonas Berg (jonas-berg)" "$work/roster.txt" \
    && grep -q "(gimminjun)" "$work/roster.txt"; then
    ok "an .xlsx roster imported (the spreadsheet reader's child process; 김민준 is gimminjun)"
else
    fail "presskit roster import experts.xlsx"
fi

if report=$(QT_QPA_PLATFORM=offscreen "$presskit" --self-test 2>"$work/self-test.err"); then
    ok "--self-test: $(printf '%s' "$report" | tr -d '\r')"
else
    fail "--self-test: $(cat "$work/self-test.err")"
fi

if [ "$failures" -gt 0 ]; then
    printf 'smoke test: %d FAILED\n' "$failures"
    exit 1
fi
echo "smoke test: all passed"
