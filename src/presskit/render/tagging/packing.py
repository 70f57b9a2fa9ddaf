"""The structure tree packed into one compressed object stream (a hybrid-reference file).

Every structure element must be an indirect object (its kids' ``/P`` and the parent tree point
at it), and ReportLab writes each indirect object on its own, uncompressed, with a 20-byte
cross-reference entry: a kit of 1,000 quotes has 3,400 elements, a sixth of its PDF. PDF 1.5
object streams hold such objects compressed. ReportLab writes none, so when a tagged document
is saved :func:`pack` has it written the way ISO 32000-1 (7.5.8.4, and its example of exactly
this: a structure tree in an object stream) describes a *hybrid-reference file*: every other
object as ReportLab writes it, with the classic cross-reference table and trailer; the
structure tree root, its elements and the parent tree in one ``/ObjStm`` (Flate), marked free
in the classic table and found through a cross-reference stream that the trailer's
``/XRefStm`` points at. The header says ``%PDF-1.7`` (PDF/UA-1 is built on PDF 1.7).

What is written is ReportLab's own ``PDFDocument.format`` with that one change; an untagged
render never comes here and stays byte for byte what it was.
"""

from __future__ import annotations

import types
import zlib
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFFile, PDFIndirectObject, PDFTrailer
from reportlab.pdfbase.pdfdoc import format as pdf_format

#: The PDF version a hybrid-reference file needs at least (object streams: 1.5).
VERSION = (1, 7)


def pack(doc: Any, names: set[str]) -> None:
    """Have ``doc`` (a ReportLab ``PDFDocument``) written with the objects registered under
    ``names`` (their internal names, ``PDFObjectReference.name``) in an object stream."""
    if names:
        doc.format = types.MethodType(lambda self: _format(self, names), doc)


def _width(value: int) -> int:
    return max(1, (value.bit_length() + 7) // 8)


def _format(doc: Any, names: set[str]) -> bytes:
    if doc.encrypt.info():  # never the case in presskit; an encrypted file is left as it was
        return bytes(type(doc).format(doc))
    doc.encrypt.prepare(doc)
    catalog_ref = doc.Reference(doc.Catalog)
    info_ref = doc.Reference(doc.info)
    number_to_id = doc.numberToId
    doc.__accum__ = out = PDFFile(VERSION)
    packed: list[tuple[int, bytes]] = []
    counter = 0
    while True:  # objects may be registered while others are formatted: count, don't list
        counter += 1
        if counter not in number_to_id:
            break
        oid = number_to_id[counter]
        obj = doc.idToObject[oid]
        if oid in names:
            packed.append((counter, pdf_format(obj, doc, toplevel=1)))
            continue
        text = PDFIndirectObject(oid, obj).format(doc)
        if not rl_config.invariant and rl_config.pdfComments:
            out.add(f"% {oid!a}: class {obj.__class__.__name__[:50]} \n")
        doc.idToOffset[oid] = out.add(text)
    del doc.__accum__
    count = len(number_to_id)
    if counter - 1 != count:
        raise ValueError(f"counter {counter} doesn't match number to id dictionary {count}")

    # The object stream: "number offset" pairs, then the objects.
    stream_number, xref_number = count + 1, count + 2
    offsets, position, bodies = [], 0, []
    for number, body in packed:
        offsets.append(f"{number} {position}")
        bodies.append(body)
        position += len(body) + 1
    head = (" ".join(offsets) + "\n").encode("ascii")
    data = zlib.compress(head + b"\n".join(bodies) + b"\n")
    stream_offset = out.add(
        f"{stream_number} 0 obj\n<</Type/ObjStm/N {len(packed)}/First {len(head)}"
        f"/Filter/FlateDecode/Length {len(data)}>>\nstream\n".encode("ascii")
        + data + b"\nendstream\nendobj\n")

    # The cross-reference stream: where each packed object is (type 2), and the stream (1).
    numbers = [number for number, _body in packed] + [stream_number]
    w2, w3 = _width(max(stream_offset, stream_number)), _width(len(packed))
    rows = [b"\x02" + stream_number.to_bytes(w2, "big") + index.to_bytes(w3, "big")
            for index in range(len(packed))]
    rows.append(b"\x01" + stream_offset.to_bytes(w2, "big") + bytes(w3))
    index: list[int] = []
    for number in numbers:
        if index and index[-2] + index[-1] == number:
            index[-1] += 1
        else:
            index += [number, 1]
    xref_data = zlib.compress(b"".join(rows))
    xref_offset = out.add(
        f"{xref_number} 0 obj\n<</Type/XRef/Size {xref_number + 1}/W [1 {w2} {w3}]"
        f"/Index [{' '.join(map(str, index))}]/Filter/FlateDecode/Length {len(xref_data)}>>"
        "\nstream\n".encode("ascii") + xref_data + b"\nendstream\nendobj\n")

    # The classic table: the packed objects free (a reader of PDF 1.4 does without them).
    classic = _table(doc, count, {stream_number: stream_offset, xref_number: xref_offset}, names)
    table_offset = out.add(classic)
    trailer = PDFTrailer(startxref=table_offset, Size=xref_number + 1, Root=catalog_ref,
                         Info=info_ref, ID=doc.ID())
    trailer.dict["XRefStm"] = xref_offset
    out.add(trailer.format(doc))
    result: bytes = out.format(doc)
    return result


def _table(doc: Any, count: int, extra: dict[int, int], names: set[str]) -> bytes:
    """``xref`` with a subsection for each run of objects not packed: a packed object is in
    no subsection, so a reader looks for it in the ``/XRefStm`` stream (marked free instead,
    poppler would take it for free and not look)."""
    rows: list[tuple[int, str]] = [(0, "0000000000 65535 f ")]
    for number in range(1, count + 1):
        oid = doc.numberToId[number]
        if oid not in names:
            rows.append((number, f"{doc.idToOffset[oid]:010d} 00000 n "))
    rows += [(number, f"{extra[number]:010d} 00000 n ") for number in sorted(extra)]
    lines = ["xref"]
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end][0] == rows[end - 1][0] + 1:
            end += 1
        lines.append(f"{rows[start][0]} {end - start}")
        lines += [entry for _number, entry in rows[start:end]]
        start = end
    return ("\n".join(lines) + "\n").encode("ascii")
