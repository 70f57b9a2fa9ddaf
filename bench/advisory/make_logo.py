#!/usr/bin/env python3
# ruff: noqa  (copied unchanged from ../shared/bench-reference, apart from this line)
"""Make the 600x200 PNG logo used by every renderer:  python make_logo.py OUT.png"""
import sys

from PIL import Image, ImageDraw, ImageFont

NAVY = (27, 54, 93)
ACCENT = (200, 16, 46)
FONT_DIR = "/usr/share/fonts/truetype/liberation2/"


def main(out):
    img = Image.new("RGB", (600, 200), NAVY)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 180, 600, 200], fill=ACCENT)
    d.rectangle([30, 30, 42, 150], fill=ACCENT)
    big = ImageFont.truetype(FONT_DIR + "LiberationSans-Bold.ttf", 96)
    small = ImageFont.truetype(FONT_DIR + "LiberationSans-Regular.ttf", 24)
    d.text((62, 22), "CNAS", font=big, fill="white")
    d.text((64, 128), "Center for a New American Security", font=small, fill=(220, 226, 236))
    img.save(out, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "logo.png")
