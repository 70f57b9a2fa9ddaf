"""Draw the example kits' logos and headshots, deterministically, with Pillow.

The examples must not carry a real organisation's logo or real people's photos, so both are
drawn here: a monogram logo per example brand and an illustrated headshot (silhouette on a
tinted background) per expert. Run it again only to change the pictures:

    .venv/bin/python scripts/make_example_assets.py
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"


def logo(path: Path, letters: str, primary: str, accent: str) -> None:
    """A monogram in a rounded square with an accent bar, on a transparent background."""
    scale = 4
    size = 160 * scale
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=28 * scale, fill=primary)
    draw.rectangle((22 * scale, 118 * scale, 138 * scale, 128 * scale), fill=accent)
    font = ImageFont.truetype(str(FONT), 64 * scale if len(letters) <= 2 else 44 * scale)
    box = draw.textbbox((0, 0), letters, font=font)
    x = (size - (box[2] - box[0])) / 2 - box[0]
    y = 62 * scale - (box[3] - box[1]) / 2 - box[1]
    draw.text((x, y), letters, font=font, fill="white")
    img.resize((size // 2, size // 2), Image.Resampling.LANCZOS).save(path, optimize=True)


def headshot(path: Path, seed: str) -> None:
    """A head-and-shoulders silhouette on a background tinted by ``seed``."""
    digest = hashlib.sha256(seed.encode()).digest()
    bg = [(196, 214, 229), (222, 214, 190), (205, 226, 210), (232, 205, 200),
          (214, 207, 232), (226, 226, 226)][digest[0] % 6]
    skin = [(241, 194, 167), (224, 172, 135), (198, 134, 96), (141, 85, 54)][digest[1] % 4]
    cloth = [(52, 73, 94), (120, 40, 50), (40, 90, 80), (70, 70, 70)][digest[2] % 4]
    hair = [(40, 30, 25), (90, 60, 30), (150, 150, 150), (200, 160, 90)][digest[3] % 4]
    size = 600
    img = Image.new("RGB", (size, size), bg)
    draw = ImageDraw.Draw(img)
    draw.ellipse((110, 400, 490, 780), fill=cloth)
    draw.rectangle((265, 330, 335, 430), fill=skin)
    draw.ellipse((190, 120, 410, 370), fill=skin)
    draw.chord((182, 100, 418, 330), start=180, end=360, fill=hair)
    img.save(path, quality=85, optimize=True)


def main() -> None:
    cnas = ROOT / "examples" / "cnas-responds" / "assets"
    cnas.mkdir(parents=True, exist_ok=True)
    logo(cnas / "logo.png", "CN", "#1F3A5F", "#C8102E")

    northbridge = ROOT / "examples" / "northbridge-briefing" / "assets"
    northbridge.mkdir(parents=True, exist_ok=True)
    logo(northbridge / "logo.png", "NI", "#0B4F4A", "#E0A100")
    for n in range(1, 13):
        headshot(northbridge / f"expert-{n:02d}.jpg", f"northbridge-{n}")


if __name__ == "__main__":
    main()
