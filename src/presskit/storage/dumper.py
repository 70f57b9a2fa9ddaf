"""Plain data → YAML text in the project file's style, fast, and byte for byte what it always was.

The style (see ``writer``) was defined by PyYAML's pure-Python emitter, and files users already
have were written by it, so its output is the reference for every byte. It is also slow: about
0.7 s for a kit of 1,000 experts and quotes. libyaml's C emitter (the one behind
``yaml.CSafeDumper``) is ten times faster and writes the same text, except in a few cases, all
found by reading both emitters side by side and pinned by the property tests:

* characters outside the Basic Multilingual Plane (emoji, rare CJK): libyaml's ``IS_PRINTABLE``
  knows no 4-byte UTF-8, so it double-quotes and escapes such a string, where Python writes it
  as it is (and escapes it only where it double-quotes the string anyway);
* mapping keys that are empty, hold ``\\r`` (a line break to libyaml, not to Python) or are
  long (Python counts ``!!str`` plus characters ``< 128``, libyaml bytes ``<= 128``);
* a ``|+`` block that is not the last value in the document: libyaml still ends the document
  with ``...``, Python only when the ``|+`` block is the very last thing written;
* lone surrogates, which libyaml cannot encode at all.

So the C emitter is fed events built straight from the data (no node tree, no second pass of
resolver calls), with those cases handled on the way: each astral character goes through the
C emitter as a private-use placeholder (a character both emitters treat as the same kind of
printable letter), and the placeholders become the character again, or its ``\\U`` escape
inside a double-quoted string, as Python's own style rules say for that string in its place;
the stray ``...`` is dropped unless Python writes it too. What cannot be handled that way (odd
keys, surrogates, unfamiliar types, an unfamiliar libyaml) is written by the Python emitter
for the whole document, so the output never depends on which emitter ran.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import yaml
from yaml.emitter import Emitter
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from presskit.storage.composer import MAP_TAG, SEQ_TAG, STR_TAG, TIMESTAMP_TAG

try:
    from yaml._yaml import CEmitter, get_version
except ImportError:  # PyYAML built without libyaml: everything goes through Python
    CEmitter = None  # type: ignore[misc, assignment]

#: libyaml releases whose emitter was compared with Python's (the bundled one of PyYAML's
#: wheels, Debian's). Another release may change a detail of the output (0.2.1 indented
#: block sequences differently), so it gets the Python emitter until it has been checked.
_CHECKED_LIBYAML = ((0, 2, 5), (0, 2, 6))

#: Never fold: see ``writer``. libyaml takes a C ``int``.
WIDTH = 2**31 - 1

#: What Python's emitter counts as a line break (not ``\r``: it is only "special" to it).
_PYTHON_BREAKS = ("\n", "\x85", "\u2028", "\u2029")


class LiteralText(str):
    """Text written as a literal block (``|``) when it is not empty."""


class DateTimeText(str):
    """A date-time text written plain, without quotes, even with seconds in it."""


class FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


class FlowMap(dict[Any, Any]):
    """A mapping written on one line: ``{top: 20, right: 20}``."""


def text_style(value: str) -> str | None:
    """The style asked for ``value``: ``"`` for odd line breaks, ``|`` for lines, else plain.

    Only asked: the emitter still double-quotes what a literal block cannot hold exactly
    (trailing spaces, control characters).
    """
    if _has_odd_break(value):
        return '"'
    if "\n" in value:
        return "|"
    return None


def literal_style(value: str) -> str | None:
    """As ``text_style``, but a literal block even for a single line."""
    if not value or _has_odd_break(value):
        return text_style(value)
    return "|"


def _has_odd_break(value: str) -> bool:
    # Spelled out: four substring tests are several times faster than any() over a generator.
    return "\r" in value or "\x85" in value or "\u2028" in value or "\u2029" in value


# --- the Python emitter: the reference for every byte, and the way for what libyaml can't do


class PythonDumper(yaml.SafeDumper):
    """Safe dumper that never writes anchors or tags and styles text for people."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: PythonDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(STR_TAG, str(value), style=text_style(value))


def _represent_literal(dumper: PythonDumper, value: LiteralText) -> yaml.ScalarNode:
    return dumper.represent_scalar(STR_TAG, str(value), style=literal_style(value))


def _represent_date_time(dumper: PythonDumper, value: DateTimeText) -> yaml.ScalarNode:
    return dumper.represent_scalar(_date_time_tag(dumper, value), str(value))


def _date_time_tag(resolver: Any, value: str) -> str:
    # With seconds the text matches YAML's timestamp pattern; tagging it so keeps it plain.
    tag = resolver.resolve(ScalarNode, str(value), (True, False))
    return TIMESTAMP_TAG if tag == TIMESTAMP_TAG else STR_TAG


def _represent_flow_list(dumper: PythonDumper, value: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence(SEQ_TAG, value, flow_style=True)


def _represent_flow_map(dumper: PythonDumper, value: FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping(MAP_TAG, value, flow_style=True)


PythonDumper.add_representer(str, _represent_str)
PythonDumper.add_representer(LiteralText, _represent_literal)
PythonDumper.add_representer(DateTimeText, _represent_date_time)
PythonDumper.add_representer(FlowList, _represent_flow_list)
PythonDumper.add_representer(FlowMap, _represent_flow_map)

#: The options both emitters write with.
_OPTIONS: dict[str, Any] = {"allow_unicode": True, "width": WIDTH, "indent": 2}


def python_dumps(data: dict[str, Any]) -> str:
    """``data`` as YAML written by PyYAML's pure-Python emitter (slow, the reference)."""
    text: str = yaml.dump(
        data, Dumper=PythonDumper, default_flow_style=False, sort_keys=False, **_OPTIONS
    )
    return text


def dumps_data(data: dict[str, Any]) -> str:
    """YAML text in the project file's style for ``data`` (built by ``writer.record_data``)."""
    if c_emitter_checked():
        try:
            return c_dumps(data)
        except NeedsPython:
            pass
    return python_dumps(data)


def c_emitter_checked() -> bool:
    """Whether libyaml is there and is a release whose output was checked against Python's."""
    return CEmitter is not None and tuple(get_version()) in _CHECKED_LIBYAML


# --- the libyaml path ------------------------------------------------------------------------


class NeedsPython(Exception):
    """The document holds something only the Python emitter writes right (rare)."""


#: Characters the C path must look at: surrogates, the private-use area (its placeholders)
#: and everything past U+FFFF. One search per string; almost all text has none.
_UNUSUAL = re.compile("[\ud800-\udfff\ue000-\uf8ff\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: U+10FFFF is left out: Python's emitter finds it unprintable too, and both escape it alike.
_ASTRAL = re.compile("[\U00010000-\U0010fffe]")
_FIRST_PLACEHOLDER, _LAST_PLACEHOLDER = 0xE000, 0xF8FF

#: Python's simple-key limit is ``len("!!str") + characters < 128`` (``!!timestamp`` for a
#: date key), libyaml's ``bytes <= 128``: keys up to this many UTF-8 bytes are simple to both.
_MAX_KEY_BYTES = 100

#: A number, date, ``null`` or boolean with nothing in it that could stop it going plain.
_PLAIN_AS_IS = re.compile(r"(?!---|\.\.\.)[0-9A-Za-z_.+-][0-9A-Za-z_.+-]+\Z|[0-9A-Za-z~]\Z")

#: Scalars other than text, as ``SafeRepresenter`` writes them (ASCII, plain).
_OTHER_SCALARS = (bool, int, float, type(None), dt.date, dt.datetime)


def c_dumps(data: dict[str, Any]) -> str:
    """``data`` as YAML written by libyaml, identical to ``python_dumps``.

    Raises ``NeedsPython`` for a document it cannot write identically.
    """
    return _EventWriter().dumps(data)


class _EventWriter:
    """One document's events, built from the data as PyYAML's representer and serializer
    would build them, and fed to libyaml."""

    def __init__(self) -> None:
        self.stream = io.StringIO()
        self.emitter = CEmitter(self.stream, **_OPTIONS)
        self.emit = self.emitter.emit
        # The Python representer and resolver, for scalars other than text and for the
        # patterns that decide whether text needs quotes: the very same code as the reference.
        self.python = PythonDumper(io.StringIO())  # never written to
        resolvers = self.python.yaml_implicit_resolvers
        # Text starting with any other character can only be text (unless some resolver
        # matches any start, which the safe ones never do).
        self.pattern_starts = frozenset(resolvers) if None not in resolvers else None
        #: Keys repeat (``id``, ``name`` in every item): each one's event, built once.
        self.key_events: dict[tuple[str, bool], ScalarEvent] = {}
        self.placeholders: dict[tuple[str, bool], str] = {}
        self.private_use: set[str] = set()
        #: The last scalar written and its context, if nothing was written after it: a ``|+``
        #: block there makes Python end the document with ``...``.
        self.last: tuple[str, str, tuple[bool, bool], str | None, bool] | None = None

    def dumps(self, data: dict[str, Any]) -> str:
        self.emit(StreamStartEvent())
        self.emit(DocumentStartEvent(explicit=False))
        self.node(data, False)
        self.emit(DocumentEndEvent(explicit=False))
        self.emit(StreamEndEvent())
        text = self.stream.getvalue()
        if self.placeholders:
            text = self.restore_astral(text)
        ends_open = self.last is not None and _python_ends_with_keep_block(*self.last)
        if text.endswith("\n...\n") and not ends_open:
            text = text[:-4]  # libyaml's marker for an earlier |+ block; Python writes none
        elif ends_open and not text.endswith("\n...\n"):
            raise NeedsPython("the document end marker")
        return text

    def node(self, data: Any, flow: bool) -> None:
        kind = type(data)
        if kind is str:
            self.text(data, STR_TAG, text_style(data), flow)
        elif kind is LiteralText:
            self.text(str(data), STR_TAG, literal_style(data), flow)
        elif kind is dict or kind is FlowMap:
            is_flow = kind is FlowMap
            self.last = None
            self.emit(MappingStartEvent(None, MAP_TAG, True, flow_style=is_flow))
            flow = flow or is_flow
            for key, value in data.items():
                self.key(key, flow)
                self.node(value, flow)
            self.emit(MappingEndEvent())
        elif kind is list or kind is FlowList:
            is_flow = kind is FlowList
            self.last = None
            self.emit(SequenceStartEvent(None, SEQ_TAG, True, flow_style=is_flow))
            flow = flow or is_flow
            for item in data:
                self.node(item, flow)
            self.emit(SequenceEndEvent())
        elif kind is DateTimeText:
            self.text(str(data), _date_time_tag(self.python, data), None, flow)
        else:
            self.other(data, flow, key=False)

    def key(self, key: Any, flow: bool) -> None:
        if type(key) is str:
            event = self.key_events.get((key, flow))
            if event is None:
                _check_key(key)
                event = self.text(key, STR_TAG, text_style(key), flow, key=True)
                self.key_events[(key, flow)] = event
            else:
                self.last = (event.value, STR_TAG, event.implicit, event.style, flow)
                self.emit(event)
        else:
            self.other(key, flow, key=True)

    def text(
        self, value: str, tag: str, style: str | None, flow: bool, key: bool = False
    ) -> ScalarEvent:
        # What the serializer computes: may the text go plain, may it go quoted, without a tag.
        starts = self.pattern_starts
        if value and starts is not None and value[0] not in starts:
            plain_tag = STR_TAG  # no implicit pattern starts with this character
        else:
            plain_tag = self.python.resolve(  # type: ignore[no-untyped-call]
                ScalarNode, value, (True, False))
        implicit = (plain_tag == tag, tag == STR_TAG)
        if tag != STR_TAG and not (
            implicit[0]
            and (_PLAIN_AS_IS.match(value) or _python_style(value, tag, implicit, style, flow,
                                                            key) == "")
        ):
            # Quoted, a date or number needs its tag, and libyaml writes ``!`` for it where
            # Python writes ``!!timestamp`` (a date-time in a flow list, say).
            raise NeedsPython("a tagged scalar")
        if _UNUSUAL.search(value):
            value = self.unusual(value, tag, implicit, style, flow, key)
        self.last = (value, tag, implicit, style, flow)
        event = ScalarEvent(None, tag, implicit, value, style=style)
        self.emit(event)
        return event

    def other(self, data: Any, flow: bool, key: bool) -> None:
        if type(data) not in _OTHER_SCALARS:
            raise NeedsPython(f"a {type(data).__name__}")  # Python writes it or says why not
        node = self.python.yaml_representers[type(data)](self.python, data)
        assert isinstance(node, ScalarNode)  # every type in _OTHER_SCALARS is a scalar
        value = node.value
        if key:
            _check_key(value)
        self.text(value, node.tag, node.style, flow, key)

    def unusual(
        self, value: str, tag: str, implicit: tuple[bool, bool], style: str | None,
        flow: bool, key: bool,
    ) -> str:
        """``value`` with each astral character replaced by its placeholder."""
        if _SURROGATE.search(value):
            raise NeedsPython("a lone surrogate")  # libyaml cannot encode it
        self.private_use.update(_PRIVATE_USE.findall(value))
        if not _ASTRAL.search(value):
            return value
        # A key is simple (written ``key: value``) unless it spans lines; ``_check_key`` has
        # already sent the keys on which the emitters disagree to Python.
        simple_key = key and not any(ch in value for ch in _PYTHON_BREAKS)
        escaped = _python_style(value, tag, implicit, style, flow, simple_key) == '"'
        return _ASTRAL.sub(lambda m: self.placeholder(m.group(), escaped), value)

    def placeholder(self, char: str, escaped: bool) -> str:
        found = self.placeholders.get((char, escaped))
        if found is None:
            code = _FIRST_PLACEHOLDER + len(self.placeholders)
            if code > _LAST_PLACEHOLDER:
                raise NeedsPython("too many different astral characters")
            found = self.placeholders[(char, escaped)] = chr(code)
        return found

    def restore_astral(self, text: str) -> str:
        if any(p in self.private_use for p in self.placeholders.values()):
            raise NeedsPython("private-use characters where the placeholders would go")
        table = {
            ord(p): f"\\U{ord(char):08X}" if escaped else char
            for (char, escaped), p in self.placeholders.items()
        }
        return text.translate(table)


def _check_key(text: str) -> None:
    """Send the keys that libyaml and Python write differently to Python."""
    if not text or "\r" in text or len(text) > _MAX_KEY_BYTES or (
        # A lone surrogate counts too (Python takes it later): measuring must not fail on it.
        not text.isascii() and len(text.encode("utf-8", "surrogatepass")) > _MAX_KEY_BYTES
    ):
        raise NeedsPython("an empty, long or carriage-return key")


def _python_style(
    value: str, tag: str, implicit: tuple[bool, bool], style: str | None, flow: bool,
    simple_key: bool,
) -> str:
    """The style Python's emitter gives this scalar in this place, by its own code."""
    probe = Emitter(io.StringIO(), allow_unicode=True)
    probe.event = ScalarEvent(None, tag, implicit, value, style=style)
    probe.flow_level = 1 if flow else 0
    probe.simple_key_context = simple_key
    chosen: str = probe.choose_scalar_style()
    return chosen


def _python_ends_with_keep_block(
    value: str, tag: str, implicit: tuple[bool, bool], style: str | None, flow: bool
) -> bool:
    """Whether Python writes this last value as a ``|+`` block, so ``...`` ends the file."""
    if style != "|" or _python_style(value, tag, implicit, style, flow, False) != "|":
        return False
    hints: str = Emitter(io.StringIO(), allow_unicode=True).determine_block_hints(value)
    return hints.endswith("+")
