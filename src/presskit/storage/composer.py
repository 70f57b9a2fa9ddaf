"""YAML text → a tree of position-carrying nodes, with every YAML feature presskit refuses found.

PyYAML's safe composer is used as is (nothing is ever constructed from a tag, so no YAML text
can run code), wrapped so that anchors, aliases, explicit tags, merge keys, duplicate keys,
non-scalar keys and absurd nesting are reported as problems at their exact position instead
of being silently accepted. An alias is replaced by an empty placeholder node rather than
shared, so a "billion laughs" file composes to a small tree. Syntax errors stop at once: what
follows a syntax error cannot be trusted, so it is not interpreted.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit.model import limits
from presskit.model.problems import Problem, Severity
from presskit.storage.errors import LocatedProblem

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
MERGE_TAG = "tag:yaml.org,2002:merge"

#: Given to nodes already reported as refused, so later passes skip them without a second
#: message. Not a URI YAML could produce from a file: explicit tags are refused first.
REFUSED_TAG = "presskit:refused"

#: Deeper than any presskit document needs (it uses five levels), shallow enough that no
#: recursive pass over the tree can exhaust Python's stack.
MAX_DEPTH = limits.MAX_YAML_DEPTH
#: Longer numbers are refused where they are written: Python will not convert an integer of
#: over 4,300 digits (``ValueError`` deep inside a reader), and no value presskit reads
#: needs a hundred.
MAX_NUMBER_LENGTH = limits.MAX_NUMBER_DIGITS
_NUMBER_TAGS = frozenset({INT_TAG, FLOAT_TAG})

_NO_ANCHORS = "YAML anchors/aliases are not supported"


class _Refusing(yaml.composer.Composer):
    """The safe loader's composer, reporting what presskit refuses as it composes."""

    def _start_refusing(self) -> None:
        self.refusals: list[Problem] = []
        self.depth = 0

    # ``Any``: the stubs type marks as a union of the pure-Python and libyaml classes.
    def _refuse(self, mark: Any, message: str) -> None:
        self.refusals.append(
            LocatedProblem(Severity.ERROR, message, line=mark.line + 1, column=mark.column + 1)
        )

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            self.get_event()  # type: ignore[attr-defined]
            self._refuse(event.start_mark, f"{_NO_ANCHORS} (*{event.anchor})")
            return ScalarNode(REFUSED_TAG, "", event.start_mark, event.end_mark)  # type: ignore[arg-type]
        if event.anchor is not None:
            self._refuse(event.start_mark, f"{_NO_ANCHORS} (&{event.anchor})")
        explicit_tag = getattr(event, "tag", None)
        if explicit_tag is not None:
            self._refuse(
                event.start_mark, f"YAML tags such as {_short_tag(explicit_tag)} are not allowed"
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"the document is nested more than {MAX_DEPTH} levels deep",
                event.start_mark,
            )
        # Anchors are reported above; composing without one keeps the alias table empty.
        event.anchor = None
        node = super().compose_node(parent, index)
        self.depth -= 1
        if node is not None and explicit_tag is not None:
            node.tag = REFUSED_TAG
        if isinstance(node, ScalarNode) and _too_long_number(node):
            self._refuse(node.start_mark, _TOO_LONG)
            node.tag = REFUSED_TAG
        if isinstance(node, MappingNode):
            _check_keys(node, self._refuse)
        return node


_TOO_LONG = (f"a number longer than {MAX_NUMBER_LENGTH} digits is not allowed (no value in a "
             "presskit file needs one); put it in quotes if it is text")


def _too_long_number(node: ScalarNode) -> bool:
    return node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_LENGTH


def _check_keys(node: MappingNode, refuse: Callable[[Any, str], None]) -> None:
    """Refuse merge keys, list or mapping keys, and a key given twice."""
    first_at: dict[str, Node] = {}
    for key, _value in node.value:
        if key.tag == REFUSED_TAG:
            continue
        if key.tag == MERGE_TAG:
            refuse(key.start_mark, "YAML merge keys ('<<') are not supported")
            key.tag = REFUSED_TAG
        elif not isinstance(key, ScalarNode):
            refuse(key.start_mark, "a key must be a plain word, not a list or mapping")
            key.tag = REFUSED_TAG
        elif key.value in first_at:
            first = first_at[key.value].start_mark
            refuse(
                key.start_mark,
                f"duplicate key {key.value!r} (first at line {first.line + 1}); "
                "this one is ignored",
            )
            key.tag = REFUSED_TAG
        else:
            first_at[key.value] = key



class _Loader(_Refusing, yaml.SafeLoader):
    """Pure-Python reading: slow, but its messages are the ones presskit words its own on."""

    def __init__(self, text: str) -> None:
        yaml.SafeLoader.__init__(self, text)
        self._start_refusing()


# libyaml (in PyYAML's wheels) scans and parses ten times as fast as the pure-Python code
# (0.3 s against 3 s for a 1,000-quote kit). Its events are composed here in one loop that
# makes the very nodes, positions and refusals the pure-Python composer makes: PyYAML's own
# composer on top of it spent four times as long as libyaml itself in method calls per node
# (tests/storage/test_composer.py compares the two on thousands of mutated files). Its error
# messages are worded differently, so a file it rejects is read again the slow way for the
# message.
#: What libyaml reads differently from PyYAML: it lets through tabs and a ``? `` inside a
#: flow list that PyYAML refuses (and presskit explains), and counts a byte-order mark in
#: the text as a column. A file with any of them, which presskit never writes outside
#: quotes, takes the slow way (found by comparing both on 8,000 mutated example files).
#: A lone surrogate (text that never came from a UTF-8 file) makes libyaml's encoder raise
#: ``UnicodeEncodeError``; PyYAML's reader refuses it with its position (found by fuzzing).
#: The bracket pattern is anchored at the line's first bracket: unanchored, it scanned to the
#: end of the line from every bracket, and a line of 100,000 ``[`` took minutes.
_LIBYAML_DIFFERS = re.compile(
    r"[\t\ufeff\ud800-\udfff]|^[^\n\[{]*[\[{][^\n]*\?(?:\s|$)", re.MULTILINE)

#: Characters searched at a time by ``_libyaml_differs`` (about 1 ms of searching).
_SEARCH_CHUNK = 1 << 16
#: The two halves of ``_LIBYAML_DIFFERS``, each searched the fast way: a pattern that starts
#: with a character set or a literal is looked for by ``re`` with a tight scan, while the
#: whole pattern (an alternative anchored at line starts) was tried at every character: 60 ms
#: of a 1,000-quote kit's 0.3 s read, against 3 ms now.
_ODD_CHARACTER = re.compile(r"[\t\ufeff\ud800-\udfff]")
_QUESTION = re.compile(r"\?(?:\s|$)", re.MULTILINE)


def _libyaml_differs(text: str) -> bool:
    """Whether ``_LIBYAML_DIFFERS`` occurs in ``text``, searched some lines at a time: one
    search of an institute's 6 MB kit held the interpreter lock for 0.1 s, and the app reads
    kits in a worker thread while the window paints. The pattern never crosses a line end,
    so whole lines at a time find what one search would."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + _SEARCH_CHUNK)
        end = len(text) if end < 0 else end + 1
        if _ODD_CHARACTER.search(text, start, end) or _question_after_bracket(text, start, end):
            return True
        start = end
    return False


def _question_after_bracket(text: str, start: int, end: int) -> bool:
    """Whether a ``?`` followed by a space or a line end comes after a ``[`` or ``{`` of its
    line, in the whole lines ``text[start:end]`` (the second half of ``_LIBYAML_DIFFERS``).
    Each line is searched for its first bracket once, however many question marks it has."""
    line_end, bracket = -1, -1
    for match in _QUESTION.finditer(text, start, end):
        at = match.start()
        if at >= line_end:  # the first question mark of a line: find the line's first bracket
            newline = text.rfind("\n", start, at)
            line_start = start if newline < 0 else newline + 1
            line_end = text.find("\n", at, end)
            line_end = end if line_end < 0 else line_end
            brackets = [i for i in (text.find("[", line_start, line_end),
                                    text.find("{", line_start, line_end)) if i >= 0]
            bracket = min(brackets, default=-1)
        if 0 <= bracket < at:
            return True
    return False


_CParser: Any
try:
    _CParser = importlib.import_module("yaml._yaml").CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None
#: Implicit tags (int, bool, timestamp, …) of plain scalars, as the safe loader resolves them.
_resolve: Callable[[type[Node], str | None, Any], str] = yaml.resolver.Resolver().resolve
_NON_SPECIFIC = (None, "!")
_DIGITS = frozenset("0123456789")
#: The first characters the implicit types' patterns start with (the safe resolver has no
#: pattern for any start, ``None``; were one added, every plain scalar would be resolved).
_PATTERN_STARTS: frozenset[str] | None = (
    None if None in yaml.resolver.Resolver.yaml_implicit_resolvers
    else frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers))


def _compose_events(text: str) -> Composed:
    """``text`` composed from libyaml's events; raises ``yaml.YAMLError`` where PyYAML would
    (a syntax error, a second document, nesting deeper than :data:`MAX_DEPTH`)."""
    refusals: list[Problem] = []

    def refuse(mark: Any, message: str) -> None:
        refusals.append(
            LocatedProblem(Severity.ERROR, message, line=mark.line + 1, column=mark.column + 1)
        )

    get = _CParser(text).get_event
    get()  # the stream's start
    event = get()
    if isinstance(event, StreamEndEvent):
        return Composed(None, refusals)  # nothing but comments and blank lines
    # Open collections, innermost last: (node, had an explicit tag, key waiting for a value).
    open_: list[tuple[Node, bool, list[Node | None]]] = []
    root: Node | None = None
    while root is None:
        event = get()
        kind = type(event)
        done: Node | None = None
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            node, explicit, _key = open_.pop()
            node.end_mark = event.end_mark
            if explicit:
                node.tag = REFUSED_TAG
            if isinstance(node, MappingNode):
                _check_keys(node, refuse)
            done = node
        elif kind is AliasEvent:
            refuse(event.start_mark, f"{_NO_ANCHORS} (*{event.anchor})")
            done = ScalarNode(REFUSED_TAG, "", event.start_mark, event.end_mark)
        else:
            if event.anchor is not None:
                refuse(event.start_mark, f"{_NO_ANCHORS} (&{event.anchor})")
            tag = event.tag
            if tag is not None:
                refuse(event.start_mark, f"YAML tags such as {_short_tag(tag)} are not allowed")
            if len(open_) >= MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"the document is nested more than {MAX_DEPTH} levels deep",
                    event.start_mark,
                )
            if kind is ScalarEvent:
                value = event.value
                if tag not in _NON_SPECIFIC:
                    resolved = tag
                elif not event.implicit[0] or (value and _PATTERN_STARTS is not None and (
                        value[0] not in _PATTERN_STARTS
                        or (" " in value and value[0] not in _DIGITS))):
                    # Quoted, a block, starting with a character no implicit type (number,
                    # date, null, bool) starts with, or words with a space between them, which
                    # only a date and time starting with a digit may have: text, as the
                    # resolver would find. Most of a kit's scalars go this way, without a
                    # call ("North Korea talks", "Tamara Kim" start as a bool or null may).
                    resolved = STR_TAG
                else:
                    resolved = _resolve(ScalarNode, value, event.implicit)
                done = ScalarNode(resolved, value, event.start_mark, event.end_mark,
                                  style=event.style)
                if tag is not None:
                    done.tag = REFUSED_TAG
                elif resolved in _NUMBER_TAGS and len(value) > MAX_NUMBER_LENGTH:
                    refuse(event.start_mark, _TOO_LONG)
                    done.tag = REFUSED_TAG
            else:
                collection: Node
                if kind is MappingStartEvent:
                    collection = MappingNode(tag if tag not in _NON_SPECIFIC else _resolve(
                        MappingNode, None, event.implicit), [], event.start_mark, None,
                        flow_style=event.flow_style)
                else:
                    collection = SequenceNode(tag if tag not in _NON_SPECIFIC else _resolve(
                        SequenceNode, None, event.implicit), [], event.start_mark, None,
                        flow_style=event.flow_style)
                open_.append((collection, tag is not None, [None]))
                continue
        if not open_:
            root = done
            continue
        parent, _explicit, waiting = open_[-1]
        if isinstance(parent, SequenceNode):
            parent.value.append(done)
        elif waiting[0] is None:
            waiting[0] = done
        else:
            parent.value.append((waiting[0], done))
            waiting[0] = None
    get()  # the document's end
    following = get()
    if not isinstance(following, StreamEndEvent):
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", root.start_mark,
            "but found another document", following.start_mark,
        )
    return Composed(root, refusals)


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` → ``!!python/object``, the way it is typed."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


@dataclass
class Composed:
    """The document's root node (``None`` for an empty file) and what was refused in it."""

    root: Node | None
    problems: list[Problem] = field(default_factory=list)


#: Characters of a broken file read again by the pure-Python parser for its wording of the
#: error: it reads about a third of a megabyte a second, so a 50 MB kit broken on its last
#: line took minutes to refuse. A larger file is refused with libyaml's own words and place.
_REREAD_MAX_CHARS = 1_000_000


def compose(text: str) -> Composed:
    """Compose ``text`` into nodes; a syntax error gives no root and exactly one problem."""
    if _CParser is not None and not _libyaml_differs(text):
        try:
            return _compose_events(text)
        except yaml.MarkedYAMLError as exc:
            if len(text) > _REREAD_MAX_CHARS:
                return Composed(None, [_syntax_problem(exc, text)])
        except yaml.YAMLError:
            pass
        # Read it again below, for presskit's wording and position of the error.
    try:
        loader = _Loader(text)  # the reader checks every character up front
    except yaml.reader.ReaderError as exc:
        return Composed(None, [_reader_problem(exc, text)])
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return Composed(None, [_syntax_problem(exc, text)])
    finally:
        loader.dispose()
    return Composed(root, loader.refusals)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "cannot be read"
    message = f"invalid YAML: {what}"
    plain = _plain_syntax_problem(exc)
    if plain is not None:
        message, mark = f"invalid YAML: {plain[0]}", plain[1] or mark
    elif exc.context and exc.problem and exc.context_mark is not None:
        if mark is not None and mark.index >= len(text.rstrip()):
            # Found at the end of the file: the useful place is the bracket or quote that
            # was opened and never closed, not the last line.
            opened = exc.context.removeprefix("while parsing ").removeprefix("while scanning ")
            opened = opened.replace("scalar", "string")
            message = f"invalid YAML: {opened} starting here is never closed ({what})"
            mark = exc.context_mark
        else:
            message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    if mark is None:
        return Problem(Severity.ERROR, message)
    return LocatedProblem(Severity.ERROR, message, line=mark.line + 1, column=mark.column + 1)


def _plain_syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[str, Any] | None:
    """The commonest slips of hand editing, said in words a press officer uses, and where."""
    problem = exc.problem or ""
    if problem == "mapping values are not allowed here":
        return ("a ': ' is not allowed here: put text that contains ': ' in quotes, or indent "
                "this line like the lines it belongs to"), None
    if problem.startswith("expected <block end>"):
        return "this line is indented differently from the lines above it", None
    if problem == "could not find expected ':'" and exc.context_mark is not None:
        return ("this line is neither 'key: value' nor part of the text above it: add the "
                "':' or indent it like the lines it belongs to"), exc.context_mark
    if "'\\t'" in problem and "cannot start any token" in problem:
        return "a tab cannot indent a line; use spaces", None
    return None


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> Problem:
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = (
        f"invalid YAML: the character U+{code:04X} may not appear in a YAML file "
        "(write it inside double quotes as an escape, e.g. \"\\x01\")"
    )
    return LocatedProblem(Severity.ERROR, message, line=line, column=column)


def is_refused(node: Node) -> bool:
    return node.tag == REFUSED_TAG

