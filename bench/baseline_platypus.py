"""The plain ReportLab platypus script the export is compared with: one embedded TTF, a
heading with an outline entry per expert, their title and quotes; no validation, no images.

Run as a script (``python bench/baseline_platypus.py CONTENT.json OUT.pdf``) so that it
imports nothing but ReportLab.
"""

import json
import sys
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


class Heading(Paragraph):
    def __init__(self, text, style, key):
        super().__init__(text, style)
        self.key = key

    def draw(self):
        super().draw()
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.getPlainText(), self.key, 0)


def main(source, target):
    with open(source, encoding="utf-8") as file:
        content = json.load(file)
    pdfmetrics.registerFont(TTFont("Body", content["font"]))
    body = ParagraphStyle("body", fontName="Body", fontSize=10, leading=14, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=24, spaceAfter=12)
    heading = ParagraphStyle("heading", parent=body, fontSize=13, leading=16, spaceBefore=8)
    story = [Paragraph(escape(content["title"]), title)]
    story += [Paragraph(escape(text), body) for text in content["texts"]]
    for index, expert in enumerate(content["experts"]):
        story.append(Heading(escape(expert["name"]), heading, f"e{index}"))
        story.append(Paragraph(escape(expert["title"]), body))
        story += [Paragraph(escape(quote), body) for quote in expert["quotes"]]
        story.append(Spacer(1, 6))
    SimpleDocTemplate(target, pagesize=letter, title=content["title"]).build(story)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
