"""Regenerate the reference renderings in tests/visual/ after an intended change of layout.

Renders every page of both example kits (deterministically) with poppler's pdftoppm at 40 dpi
in grey, writes them as tests/visual/<example>-<page>.png and removes references of pages that
no longer exist. Look at the new images (and at `git diff --stat tests/visual`) before
committing them: tests/render/test_visual.py compares every export against them.

    .venv/bin/python scripts/update_visual_references.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support import visual_pages  # noqa: E402  (in tests/support/, shared with the test)


def main() -> int:
    if visual_pages.pdftoppm() is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    for name in visual_pages.EXAMPLES:
        pages = visual_pages.example_pages(name)
        for stale in visual_pages.references(name)[len(pages):]:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
        for number, image in enumerate(pages, start=1):
            path = visual_pages.reference_path(name, number)
            visual_pages.save_reference(image, path)
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
