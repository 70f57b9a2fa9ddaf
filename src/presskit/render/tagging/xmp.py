"""The XMP metadata packet: title, author, language, producer and the PDF/UA-1 claim.

PDF/UA-1 asks for the document's title in ``dc:title`` and for ``pdfuaid:part`` = 1 in the
catalog's XMP metadata stream. ReportLab's ``pdfdoc.XMP`` only carries a packet someone else
writes (it has no writer of its own), so this module writes one, every value escaped. It
holds no dates (the document information dictionary has them), so an invariant render stays
byte for byte repeatable.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import PDFInfo

#: What the document information dictionary says produced the file (ReportLab's own words,
#: as presskit never sets them): a checker compares the two and they must agree.
PRODUCER = PDFInfo.producer


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: list[str]
    creator: str
    language: str


def _x(text: str) -> str:
    return html.escape(text, quote=True)


def _lang_alt(text: str, language: str) -> str:
    return (f'<rdf:Alt><rdf:li xml:lang="x-default">{_x(text)}</rdf:li></rdf:Alt>'
            if language == "x-default" else
            f'<rdf:Alt><rdf:li xml:lang="x-default">{_x(text)}</rdf:li>'
            f'<rdf:li xml:lang="{_x(language)}">{_x(text)}</rdf:li></rdf:Alt>')


def packet(meta: Metadata) -> str:
    """The XMP packet as text (UTF-8 when written)."""
    keywords = "".join(f"<rdf:li>{_x(word)}</rdf:li>" for word in meta.keywords)
    subject = f"<dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>" if keywords else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:format>application/pdf</dc:format>\n'
        f'<dc:title>{_lang_alt(meta.title, meta.language)}</dc:title>\n'
        f'<dc:creator><rdf:Seq><rdf:li>{_x(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n'
        f'<dc:description>{_lang_alt(meta.subject, meta.language)}</dc:description>\n'
        f'{subject}\n'
        f'<dc:language><rdf:Bag><rdf:li>{_x(meta.language)}</rdf:li></rdf:Bag></dc:language>\n'
        f'<pdf:Keywords>{_x(", ".join(meta.keywords))}</pdf:Keywords>\n'
        f'<pdf:Producer>{_x(PRODUCER)}</pdf:Producer>\n'
        f'<xmp:CreatorTool>{_x(meta.creator)}</xmp:CreatorTool>\n'
        '<pdfuaid:part>1</pdfuaid:part>\n'
        '</rdf:Description>\n'
        '</rdf:RDF>\n'
        '</x:xmpmeta>\n'
        '<?xpacket end="w"?>'
    )
