"""The floor: a bare ReportLab canvas that only draws the lines of text (wrapped by width),
in one embedded TTF. ``python bench/baseline_canvas.py CONTENT.json OUT.pdf``."""

import json
import sys

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MARGIN, SIZE, LEADING = 72, 10, 14


def main(source, target):
    with open(source, encoding="utf-8") as file:
        content = json.load(file)
    pdfmetrics.registerFont(TTFont("Body", content["font"]))
    width, height = letter
    canvas = Canvas(target, pagesize=letter)
    canvas.setFont("Body", SIZE)
    y = height - MARGIN
    paragraphs = [content["title"], *content["texts"]]
    for expert in content["experts"]:
        paragraphs += [expert["name"], expert["title"], *expert["quotes"]]
    for paragraph in paragraphs:
        for line in simpleSplit(paragraph, "Body", SIZE, width - 2 * MARGIN):
            if y < MARGIN:
                canvas.showPage()
                canvas.setFont("Body", SIZE)
                y = height - MARGIN
            canvas.drawString(MARGIN, y, line)
            y -= LEADING
        y -= LEADING / 2
    canvas.save()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
