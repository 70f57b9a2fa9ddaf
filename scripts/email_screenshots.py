"""Render both examples' e-mail HTML as a phone and a desktop mail client would lay it out.

Exports each example with ``presskit export --format email`` (the files a user gets), then
has Debian's headless ``chromium`` draw the HTML at 640 and 375 px wide, full height, into
``OUT/<example>-<width>.png`` (and ``OUT/<example>-375-dark.png`` darkened by Chromium's
forced dark mode, an algorithm like the ones mail apps apply), and prints what it measured
at each width: the page's height, the width of the quotes' text, the lines each phone
number takes and anything wider than the screen.

Headless Chromium will not make a window narrower than 500 px, so each width is an
``<iframe>`` of exactly that width in a wrapper page: the e-mail's own media queries see
the iframe's width, as they would a phone's. The wrapper's script measures the e-mail
(``--dump-dom`` prints the page after it ran); the screenshot is then cropped to the iframe.

    .venv/bin/python scripts/email_screenshots.py OUT [--crop-height PX]

``--crop-height`` also writes ``OUT/<example>-375-top.png``, the first PX pixels at 375 px
in 48 colours: ``--crop-height 1828`` gives docs/images/email-cnas-375.png (the CNAS
example down to the end of its first quote).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "examples" / "cnas-responds" / "cnas-responds.presskit",
            ROOT / "examples" / "northbridge-briefing" / "northbridge-briefing.presskit"]
WIDTHS = (640, 375)
TIMEOUT = 60  # seconds per chromium run

#: Runs in the wrapper page once every e-mail in it has loaded: for each, its height, the
#: width of every quote's text (the paragraphs in the cell ruled on its left), the number of
#: lines each phone number (a nowrap span) takes and every element (or the page's scrolling
#: width) wider than the screen, as
#: JSON into <pre id="out">.
_MEASURE = """
<script>
window.onload = function () {
  var results = [];
  document.querySelectorAll('iframe').forEach(function (frame) {
    var doc = frame.contentDocument, screen = frame.contentWindow.innerWidth;
    var quotes = [], phones = [], wide = [];
    doc.querySelectorAll('td').forEach(function (td) {
      var text = td.querySelector('p');
      if (td.style.borderLeftWidth === '3px' && text) {
        quotes.push(text.getBoundingClientRect().width);
      }
    });
    doc.querySelectorAll('span').forEach(function (span) {
      if (span.style.whiteSpace === 'nowrap') phones.push(span.getClientRects().length);
    });
    doc.querySelectorAll('body *').forEach(function (el) {
      var box = el.getBoundingClientRect();
      if (box.right > screen + 0.5 && box.width > 0) wide.push(el.tagName + ' ' + box.right);
    });
    var page = doc.documentElement.scrollWidth;
    if (page > screen) wide.push('page ' + page);
    results.push({screen: screen, height: doc.documentElement.scrollHeight, quotes: quotes,
                  phones: phones, wide: wide});
  });
  document.getElementById('out').textContent = JSON.stringify(results);
};
</script>
"""


def chromium() -> str | None:
    """The headless browser: Debian's ``chromium`` (or ``chromium-browser``), if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(browser: str, *args: str) -> str:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--allow-file-access-from-files", "--default-background-color=ffffffff", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr[-500:]}")
    return done.stdout


def _wrapper(pages: list[tuple[Path, int]], height: int, folder: Path) -> Path:
    """A page showing each ``(html, width)`` in an iframe that wide, one under another."""
    frames = "".join(f'<iframe src="{html.as_uri()}" style="display:block;border:0;'
                     f'width:{width}px;height:{height}px"></iframe>' for html, width in pages)
    page = folder / f"wrapper-{len(list(folder.glob('wrapper-*')))}.html"
    page.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frames}'
                    f'<pre id="out"></pre>{_MEASURE}</body></html>', encoding="utf-8")
    return page


def measure(browser: str, pages: list[tuple[Path, int]], folder: Path) -> list[dict[str, Any]]:
    """What each e-mail ``(html, width)`` measures that wide (see :data:`_MEASURE`), from
    one run of the browser."""
    dom = _run(browser, "--window-size=800,800", "--dump-dom",
               _wrapper(pages, 800, folder).as_uri())
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    if found is None or not found.group(1):
        raise RuntimeError(f"chromium did not measure {[str(html) for html, _ in pages]}")
    results: list[dict[str, Any]] = json.loads(found.group(1))
    return results


def screenshot(browser: str, html: Path, width: int, height: int, png: Path,
               folder: Path, *, dark: bool = False) -> None:
    """``html`` drawn ``width`` px wide and ``height`` px tall into ``png``; ``dark`` with
    Chromium's own dark mode, which recolours the page as Gmail's and Outlook's apps do."""
    window = max(width, 800)
    options = ["--blink-settings=forceDarkModeEnabled=true"] if dark else []
    _run(browser, *options, f"--window-size={window},{height}", f"--screenshot={png}",
         _wrapper([(html, width)], height, folder).as_uri())
    with Image.open(png) as image:
        image.crop((0, 0, width, height)).save(png, optimize=True)


def export(kit: Path, folder: Path) -> Path:
    """``kit`` exported as an e-mail body into ``folder``; the HTML file's path."""
    out = folder / kit.stem
    subprocess.run([sys.executable, "-m", "presskit", "export", str(kit), "--format", "email",
                    "-o", str(out)], check=True, timeout=TIMEOUT, capture_output=True)
    return out.with_suffix(".html")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs")
    parser.add_argument("--crop-height", type=int, default=0, metavar="PX")
    args = parser.parse_args(argv)
    browser = chromium()
    if browser is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="presskit-mail-") as temp:
        folder = Path(temp)
        for kit in EXAMPLES:
            html = export(kit, folder)
            print(f"{kit.stem}: {html.stat().st_size:,} bytes of HTML")
            measured = measure(browser, [(html, width) for width in WIDTHS], folder)
            for width, found in zip(WIDTHS, measured, strict=True):
                quotes = [round(q) for q in found["quotes"]]
                png = args.out / f"{kit.stem}-{width}.png"
                screenshot(browser, html, width, int(found["height"]), png, folder)
                print(f"  {width} px: {found['height']} px tall, quote text "
                      f"{min(quotes) if quotes else '-'}..{max(quotes) if quotes else '-'} px "
                      f"wide, phone numbers on {found['phones']} lines, wider than the "
                      f"screen: {found['wide'] or 'nothing'} -> {png}")
                if width == 375:
                    dark = args.out / f"{kit.stem}-375-dark.png"
                    screenshot(browser, html, width, int(found["height"]), dark, folder,
                               dark=True)
                    print(f"  375 px in a client's dark mode -> {dark}")
                if width == 375 and args.crop_height:
                    with Image.open(png) as image:
                        top = image.crop((0, 0, width, min(args.crop_height, image.height)))
                        # 48 colours: text and flat fills, a small file for the docs.
                        top = top.convert("RGB").quantize(colors=48,
                                                          method=Image.Quantize.MEDIANCUT)
                        top.save(args.out / f"{kit.stem}-375-top.png", optimize=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
