#!/usr/bin/env python3
# ruff: noqa  (copied unchanged from ../shared/bench-reference, apart from this line)
"""ReportLab platypus renderer (BaseDocTemplate + styles + onPage header/footer
+ one outline bookmark per expert).

    python render_reportlab.py CONTENT.json OUT.pdf [--font ttf|base14]
                               [--tuned] [--repeat K] [--timing-log FILE]

--font ttf     (default) Liberation Sans TTF, subset-embedded — same face the
               WeasyPrint / LibreOffice / pandoc outputs embed.
--font base14  the PDF standard Helvetica family (not embedded): ReportLab's
               cheapest text path.
--tuned        rl_config.useA85 = 0 (page/font/image streams Flate-only instead of
               Flate+ASCII85); run it with a venv that also has the optional
               rl-accel C extension (bench.py uses $PEERS_TMP/venv-accel).
Timing: "render" = perf_counter from the loaded content dict to the PDF being
written (story construction incl. paragraph parsing + doc.build).
"""
import time

T0 = time.perf_counter()
import json  # noqa: E402
import sys  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

from reportlab.lib.colors import HexColor  # noqa: E402
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Frame, Image, PageTemplate,  # noqa: E402
                                Paragraph, Spacer, Table, TableStyle)

T_IMPORT = time.perf_counter() - T0

NAVY = HexColor("#1B365D")
ACCENT = HexColor("#C8102E")
GREY = HexColor("#666666")
TEXT = HexColor("#222222")
TINT = HexColor("#EEF2F7")
PAGE_W, PAGE_H = letter
MARGINS = dict(leftMargin=54, rightMargin=54, topMargin=72, bottomMargin=60)
FONT_DIR = "/usr/share/fonts/truetype/liberation2/"

_FONTS = {}


def fonts(kind):
    """Register (once per process) and return (regular, bold, italic, bolditalic)."""
    if kind == "base14":
        return ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
    if "ttf" not in _FONTS:
        names = ("LibSans", "LibSans-Bold", "LibSans-Italic", "LibSans-BoldItalic")
        files = ("Regular", "Bold", "Italic", "BoldItalic")
        for n, f in zip(names, files):
            pdfmetrics.registerFont(TTFont(n, f"{FONT_DIR}LiberationSans-{f}.ttf"))
        pdfmetrics.registerFontFamily("LibSans", normal=names[0], bold=names[1],
                                      italic=names[2], boldItalic=names[3])
        _FONTS["ttf"] = names
    return _FONTS["ttf"]


def styles(f):
    reg, bold, ital, _ = f
    base = ParagraphStyle("body", fontName=reg, fontSize=10, leading=14, textColor=TEXT,
                          spaceAfter=6)
    return {
        "dateline": ParagraphStyle("dateline", base, fontSize=9, textColor=GREY, spaceAfter=4),
        "h1": ParagraphStyle("h1", base, fontName=bold, fontSize=20, leading=24,
                             textColor=NAVY, spaceAfter=10),
        "lead": ParagraphStyle("lead", base, fontSize=11, leading=15, spaceAfter=8),
        "contact": ParagraphStyle("contact", base, fontSize=9.5, leading=13, spaceAfter=12),
        "callout_title": ParagraphStyle("callout_title", base, fontName=bold, fontSize=11,
                                        textColor=NAVY, spaceAfter=3),
        "callout": ParagraphStyle("callout", base, spaceAfter=0),
        "name": ParagraphStyle("name", base, fontName=bold, fontSize=11, textColor=NAVY,
                               spaceBefore=10, spaceAfter=0, keepWithNext=1),
        "title": ParagraphStyle("title", base, fontName=ital, fontSize=9.5, leading=13,
                                textColor=HexColor("#555555"), spaceAfter=3, keepWithNext=1),
        "quote": base,
        "h2": ParagraphStyle("h2", base, fontName=bold, fontSize=14, leading=18,
                             textColor=NAVY, spaceBefore=14, spaceAfter=6, keepWithNext=1),
        "closing": ParagraphStyle("closing", base, fontName=ital, alignment=TA_CENTER,
                                  spaceBefore=14),
    }


class AdvisoryDoc(BaseDocTemplate):
    def __init__(self, filename, content, font_names, **kw):
        super().__init__(filename, pagesize=letter, title=content["headline"],
                         author=content["org"], **MARGINS, **kw)
        self.content = content
        self.font_names = font_names
        self._bm = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self.decorate)])

    def decorate(self, canv, doc):
        canv.saveState()
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(3)
        y = PAGE_H - 50
        canv.line(self.leftMargin, y, PAGE_W - self.rightMargin, y)
        canv.setFont(self.font_names[0], 8)
        canv.setFillColor(GREY)
        canv.drawString(self.leftMargin, 30,
                        f"{self.content['org']} \u00b7 {self.content['site']}")
        canv.drawRightString(PAGE_W - self.rightMargin, 30, f"Page {doc.page}")
        canv.restoreState()

    def afterFlowable(self, flowable):
        label = getattr(flowable, "_bookmark", None)
        if label:
            self._bm += 1
            key = f"expert{self._bm}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(label, key, level=0, closed=None)


def build_story(c, st):
    story = [Image(c["logo"], width=162, height=54, hAlign="LEFT"), Spacer(1, 10),
             Paragraph(escape(c["dateline"]), st["dateline"]),
             Paragraph(escape(c["headline"]), st["h1"]),
             Paragraph(escape(c["lead"]), st["lead"])]
    ct = c["contact"]
    story.append(Paragraph(
        f'{escape(ct["before"])}<a href="mailto:{ct["email"]}" color="#C8102E"><u>'
        f'{escape(ct["email"])}</u></a>{escape(ct["after"])}', st["contact"]))
    co = c["callout"]
    box = Table([[[Paragraph(escape(co["title"]), st["callout_title"]),
                   Paragraph(f'{escape(co["before"])}<i>{escape(co["report"])}</i>'
                             f'{escape(co["after"])}', st["callout"])]]],
                colWidths=["100%"])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    story += [box, Spacer(1, 4)]  # + 10pt spaceBefore of the first name = CSS 14pt
    for e in c["experts"]:
        name = Paragraph(escape(e["name"]), st["name"])
        name._bookmark = e["name"]
        story += [name, Paragraph(escape(e["title"]), st["title"]),
                  Paragraph(escape(e["quote"]), st["quote"])]
    bg = c["backgrounder"]
    story.append(Paragraph(escape(bg["title"]), st["h2"]))
    story += [Paragraph(escape(p), st["quote"]) for p in bg["paragraphs"]]
    story.append(Paragraph(escape(c["closing"]), st["closing"]))
    return story


def render(content, out, font="ttf"):
    f = fonts(font)
    doc = AdvisoryDoc(out, content, f)
    doc.build(build_story(content, styles(f)))


def main(argv):
    args = [a for a in argv[1:]]
    tuned = "--tuned" in args
    if tuned:  # skip ASCII85 on streams (Flate only); rl_accel is picked up if installed
        args.remove("--tuned")
        from reportlab import rl_config
        rl_config.useA85 = 0
    from reportlab.lib import rl_accel
    accel = type(rl_accel.instanceStringWidthTTF).__name__ == "builtin_function_or_method"
    opt = {}
    for k in ("--font", "--repeat", "--timing-log"):
        if k in args:
            i = args.index(k)
            opt[k] = args[i + 1]
            del args[i:i + 2]
    src, out = args
    with open(src, encoding="utf-8") as fh:
        content = json.load(fh)
    font = opt.get("--font", "ttf")
    for i in range(int(opt.get("--repeat", 1))):
        t = time.perf_counter()
        render(content, out, font)
        dt = time.perf_counter() - t
        if "--timing-log" in opt:
            with open(opt["--timing-log"], "a") as fh:
                fh.write(json.dumps({"iter": i, "render_s": dt, "import_s": T_IMPORT,
                                     "rl_accel_c": accel, "useA85": not tuned}) + "\n")


if __name__ == "__main__":
    main(sys.argv)
