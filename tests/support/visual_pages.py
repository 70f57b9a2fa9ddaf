"""The example kits' pages as small grey images, and how alike two such images are.

Used by ``tests/render/test_visual.py`` (compare with the references in ``tests/visual/``) and by
``scripts/update_visual_references.py`` (write new references on purpose). Pages are rendered
deterministically (``invariant=True``) and rasterised by poppler's ``pdftoppm`` at a low
resolution in grey, which keeps each reference well under 100 KB and makes the comparison
about layout (where blocks of text, boxes and pictures are) rather than about glyph edges.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

from presskit.render import render_pdf
from presskit.storage import load_kit

ROOT = Path(__file__).resolve().parents[2]
REFERENCES = ROOT / "tests" / "visual"
EXAMPLES = {
    "cnas-responds": ROOT / "examples" / "cnas-responds" / "cnas-responds.presskit",
    "northbridge-briefing":
        ROOT / "examples" / "northbridge-briefing" / "northbridge-briefing.presskit",
}
DPI = 40
#: A pixel "differs" when, after a slight blur, its grey level is this far from the reference.
PIXEL_TOLERANCE = 40
#: A page matches when at most this share of its pixels differ …
MAX_DIFFERING = 0.004
#: … and the mean absolute difference of grey levels (0–255) stays below this.
MAX_MEAN_DIFFERENCE = 1.5


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def rasterise(pdf: bytes) -> list[Image.Image]:
    """Every page of ``pdf`` as a greyscale image at :data:`DPI`."""
    program = pdftoppm()
    if program is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed to render pages")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "kit.pdf"
        source.write_bytes(pdf)
        subprocess.run([program, "-r", str(DPI), "-gray", "-png", str(source),
                        str(Path(folder) / "page")], check=True, capture_output=True)
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        images = []
        for page in pages:
            with Image.open(page) as image:
                images.append(image.convert("L"))
        return images


def example_pages(name: str) -> list[Image.Image]:
    kit = load_kit(EXAMPLES[name]).kit
    return rasterise(render_pdf(kit, invariant=True).data)


def reference_path(name: str, page: int) -> Path:
    return REFERENCES / f"{name}-{page}.png"


def references(name: str) -> list[Path]:
    return sorted(REFERENCES.glob(f"{name}-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def save_reference(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)


@dataclass(frozen=True)
class Difference:
    """How far a page is from its reference."""

    differing: float  # share of pixels that differ
    mean: float  # mean absolute difference of grey levels
    image: Image.Image  # the differences, bright where they are

    @property
    def matches(self) -> bool:
        return self.differing <= MAX_DIFFERING and self.mean <= MAX_MEAN_DIFFERENCE

    def __str__(self) -> str:
        return (f"{self.differing:.2%} of pixels differ (at most {MAX_DIFFERING:.2%}), mean "
                f"difference {self.mean:.2f} (at most {MAX_MEAN_DIFFERENCE})")


def compare(actual: Image.Image, reference: Image.Image) -> Difference:
    """Compare two page images after a slight blur (anti-aliasing noise is not layout)."""
    if actual.size != reference.size:
        blank = Image.new("L", reference.size, 255)
        return Difference(1.0, 255.0, blank)
    blur = ImageFilter.GaussianBlur(1)
    delta = ImageChops.difference(actual.filter(blur), reference.filter(blur))
    histogram = delta.histogram()
    total = actual.width * actual.height
    differing = sum(histogram[PIXEL_TOLERANCE:]) / total
    mean = sum(level * count for level, count in enumerate(histogram)) / total
    return Difference(differing, mean, delta.point(lambda v: min(255, v * 4)))
