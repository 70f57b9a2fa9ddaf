"""Every bound presskit puts on what it reads, in one place, each with the reason for its size.

Kits, rosters, spreadsheets, fonts, pictures, SVG logos and brand presets may all come from a
stranger. Each is held to the limits below *before* a library (PyYAML, ReportLab, Pillow,
svglib, zipfile) is given the data, so a hostile file costs at most these bounds and gets
presskit's own message. The readers import their limits from here; ``docs/security.md`` lists
what each refusal looks like. Plain numbers only: no I/O, nothing imported.
"""

from __future__ import annotations

_MB = 1024 * 1024

# -- files of text ------------------------------------------------------------------------------

#: A kit or roster (YAML): 1,000 experts are about 1 MB; reading more holds a node per value.
MAX_YAML_BYTES = 50 * _MB
#: A spreadsheet or a saved e-mail: a roster of 100,000 experts as CSV is about 20 MB.
MAX_TEXT_BYTES = 50 * _MB
#: Columns of a spreadsheet imported as experts: a roster has about 15 fields, a staff export
#: with every HR column perhaps 100; the mapping step makes a control per column (8,000
#: columns froze the window for a minute).
MAX_CSV_COLUMNS = 200
#: Cells of a workbook's sheets (.xlsx, .ods), counted as its reader lays them out: rows ×
#: columns from the first to the last filled cell, over all sheets. A roster of 100,000
#: experts with 15 columns is 1.5 million; the reader holds each as about 32 bytes, and a
#: single value at XFD1048576 asked it for 512 GB and aborted the process.
MAX_SHEET_CELLS = 5_000_000
#: Parts (zip entries) of a workbook: sheets, styles, shared strings, a few pictures.
MAX_WORKBOOK_ENTRIES = 1_000
#: A workbook's part up to this size may be packed any amount; a bigger one that unpacks to
#: more than ``MAX_COMPRESSION_RATIO`` times its packed size is a zip bomb, not a sheet
#: (sheet XML packs 5 to 30 times; 15 million empty cells packed 525 times took 2 GB).
MAX_WORKBOOK_RATIO_FREE_BYTES = 10 * _MB
#: Seconds the spreadsheet reader may take on a checked workbook before it is stopped: it
#: runs in a process of its own, since a loop in its Rust code cannot be interrupted.
MAX_WORKBOOK_READ_SECONDS = 60
#: The address space that process may use, so a blow-up is a clear error.
MAX_WORKBOOK_READER_BYTES = 3 * 1024 * _MB
#: All parts of a workbook unpacked: the sheet XML of 100,000 experts is about 100 MB.
MAX_WORKBOOK_UNPACKED_BYTES = 200 * _MB
#: Levels of nesting in any YAML presskit reads: a kit uses five; deeper would let a
#: recursive pass over the tree exhaust Python's stack (RecursionError).
MAX_YAML_DEPTH = 64
#: Digits in a number written in a kit, roster or preset: no date, margin or version needs
#: more, and Python refuses to convert integers of over 4,300 digits (ValueError).
MAX_NUMBER_DIGITS = 100

#: Characters of a text pasted into New Kit from Text: an advisory is a few thousand, a long
#: e-mail thread a hundred thousand; reading takes about 2 s a million, so a larger paste
#: is not read at all (a 2.6 MB one kept the window busy for 21 s after every keystroke).
MAX_PASTE_CHARS = 500_000

#: Characters a one-line field of the app's editors holds and edits. Qt's line edit holds
#: 32,767 by default and cut the rest silently (a 3,000-topic Topics field was saved as 2,731
#: topics after the user merely tabbed through it). Laying out a line costs Qt about 2 s a
#: million characters, so a longer value is shown cut, read-only, and never written back.
MAX_LINE_FIELD_CHARS = 100_000

# -- rendering ----------------------------------------------------------------------------------

#: Seconds the app's render process may take over one PDF before it is stopped: an
#: institute's 100-quote kit takes a few seconds; ReportLab's cost grows faster than the text
#: in some places (a name of one 256,000-letter word took two minutes, of a million hours).
MAX_RENDER_SECONDS = 120.0
#: Characters of a short text (a name, a title, a heading) the PDF prints; longer ones are
#: cut with an ellipsis. No name is that long, and ReportLab took 8 s over a 64,000-letter
#: name and two minutes over a 256,000-letter one.
MAX_SHORT_TEXT_CHARS = 10_000

# -- fonts --------------------------------------------------------------------------------------

#: A font file: the shipped CJK font is 4.5 MB; large pan-Unicode fonts stay below 40 MB.
MAX_FONT_BYTES = 64 * _MB
#: Tables a TrueType file may list: real fonts have about 20; each is checked against the file.
MAX_FONT_TABLES = 256
#: Code points a font's character map may cover: every Unicode code point there is.
#: ReportLab builds a dict entry for each, so a crafted range of 2**28 took 8 GB.
MAX_FONT_CODE_POINTS = 0x110000
#: Groups in a format 12/13 character map: one per run of consecutive characters.
MAX_FONT_CMAP_GROUPS = 0x110000

# -- pictures -----------------------------------------------------------------------------------

#: A photo or logo file: a 50-megapixel camera's JPEG is about 25 MB, an uncompressed
#: 30-megapixel TIFF 90 MB; it is read whole, so what is decoded is what was checked.
MAX_IMAGE_BYTES = 100 * _MB
#: Pixels of a decoded picture (width × height): a 50-megapixel photo is 200 MB decoded,
#: far more than a page needs; anything larger is a decompression bomb until proven otherwise.
MAX_IMAGE_PIXELS = 50_000_000
#: An SVG logo: a logo is a few kilobytes, a detailed one a few hundred.
MAX_SVG_BYTES = 10 * _MB
#: Elements in an SVG logo: each becomes a ReportLab shape drawn on every page's masthead.
MAX_SVG_ELEMENTS = 100_000
#: Nesting of SVG elements: svglib walks the tree recursively.
MAX_SVG_DEPTH = 64
#: Pixels of each picture an SVG logo embeds (``<image href="data:…">``): svglib decodes
#: them whole, so the same cap as a photo, and as many of them in total.
MAX_SVG_IMAGE_PIXELS = MAX_IMAGE_PIXELS
#: The largest width or height, in points, a logo may claim (about 35 metres): beyond it,
#: scaling it into the masthead loses all precision.
MAX_SVG_SIDE_PT = 100_000.0

# -- archives -----------------------------------------------------------------------------------

#: Entries in a brand preset: a logo and a dozen fonts are far below it.
MAX_PRESET_ENTRIES = 64
#: One entry of a preset, as unpacked: a large font is 40 MB.
MAX_PRESET_ENTRY_BYTES = 50 * _MB
#: A preset file, and all its entries unpacked together.
MAX_PRESET_TOTAL_BYTES = 200 * _MB
#: How much smaller than its content an entry may be packed: fonts and YAML deflate about
#: 2–5×, a zip bomb thousands of times.
MAX_COMPRESSION_RATIO = 100
#: Preset entries below this size are exempt from the ratio: a few hundred bytes of YAML may
#: pack well, and cannot cost anything.
PRESET_RATIO_FLOOR = 1 * _MB
#: Characters of a brand preset's name, as kept and shown: a name is a few words; longer
#: ones (from a stranger's preset or roster) would only fill menus and file names.
MAX_PRESET_NAME_CHARS = 100
#: The YAML files of a preset (``preset.yaml``, ``brand.yaml``) are a few hundred bytes.
#: Broken at its end, YAML is read twice, the second time by PyYAML's pure-Python parser to
#: word the error, about 16 s a megabyte on a busy machine: 1 MB of each, from a preset of a
#: few kilobytes, took over 30 s to refuse; 64 KB takes about a second.
MAX_PRESET_YAML_BYTES = 64 * 1024

# -- bundles ------------------------------------------------------------------------------------

#: Entries in a bundle: a kit with thousands of experts, each with a photo, stays below it.
MAX_BUNDLE_ENTRIES = 10_000
#: The largest single file of a bundle: a big CJK font collection is 20–30 MB, a camera
#: JPEG 10–20 MB.
MAX_BUNDLE_ENTRY_BYTES = 256 * _MB
#: All files of a bundle together, unpacked.
MAX_BUNDLE_TOTAL_BYTES = 1024 * _MB
#: How much smaller than its content a bundle entry may be packed: pictures, fonts and PDFs
#: compress 1–3 : 1 and a kit file perhaps 10 : 1; deflate reaches about 1000 : 1 only on
#: the filler a zip bomb holds.
MAX_BUNDLE_RATIO = 100
#: Entries below this size are exempt from the ratio: a small file cannot blow anything up.
BUNDLE_RATIO_FLOOR = 1 * _MB
#: A bundle's ``manifest.json``: a line per file.
MAX_MANIFEST_BYTES = 8 * _MB
#: The zip's table of contents: 400 bytes an entry for the most entries a bundle may hold.
#: zipfile makes an object of every record before anyone can count them.
MAX_BUNDLE_TABLE_BYTES = MAX_BUNDLE_ENTRIES * 400
#: Characters in an entry's name, and folders it may be nested in.
MAX_BUNDLE_NAME_CHARS = 400
MAX_BUNDLE_DEPTH = 8

# -- the per-user cache -------------------------------------------------------------------------

#: The largest cache entry read back (a prepared image, a parsed font): a prepared image is
#: a few hundred kilobytes, a parsed CJK font a few megabytes.
MAX_CACHE_ENTRY_BYTES = 64 * _MB

# -- locks and notes ----------------------------------------------------------------------------

#: The most of a lock file (kit or roster) ever read: a real one is about 200 bytes.
MAX_LOCK_BYTES = 4096
#: The most of an autosave note ever read: a real one is a few hundred bytes.
MAX_AUTOSAVE_NOTE_BYTES = 64 * 1024
#: The most of an output set's record (the files a killed export was replacing) ever read:
#: a real one names two or three files in a few hundred bytes.
MAX_SET_RECORD_BYTES = 64 * 1024
