"""The fast composer (libyaml's events, composed in one loop) makes exactly the nodes, the
positions and the refusals that PyYAML's own composer makes over the same events, for the
example kits and for thousands of files mutated from them in the ways hand editing and hostile
files go wrong: anchors, aliases, tags, merge and duplicate keys, deep nesting, a second
document, broken syntax."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.examples import CNAS_KIT, NORTHBRIDGE_KIT
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit.storage import ProjectFileError, composer, loads_kit

CParser = importlib.import_module("yaml._yaml").CParser
pytestmark = pytest.mark.skipif(composer._CParser is None, reason="PyYAML without libyaml")


class _PyYAMLComposer(composer._Refusing, CParser, yaml.resolver.Resolver):  # type: ignore[misc]
    """The reference: PyYAML's composer, with presskit's refusals, over libyaml's events."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._start_refusing()


def _tree(node: Node | None) -> Any:
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.line,
             node.end_mark.column)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.value, node.style, where)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, node.flow_style, where, [_tree(n) for n in node.value])
    assert isinstance(node, MappingNode)
    return ("map", node.tag, node.flow_style, where,
            [(_tree(k), _tree(v)) for k, v in node.value])


def _outcome(compose: Any, text: str) -> Any:
    try:
        root, problems = compose(text)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__)
    return (_tree(root), [(p.message, p.line, p.column) for p in problems])


def _reference(text: str) -> tuple[Node | None, list[Any]]:
    loader = _PyYAMLComposer(text)
    return loader.get_single_node(), loader.refusals


def _fast(text: str) -> tuple[Node | None, list[Any]]:
    composed = composer._compose_events(text)
    return composed.root, composed.problems


EXAMPLES = [CNAS_KIT.read_text(encoding="utf-8"), NORTHBRIDGE_KIT.read_text(encoding="utf-8")]
SNIPPETS = [
    "&a ", "*a", "!!python/object:os.system ", "!!str ", "! ", "!custom ", "<<: *a\n",
    "- ", "  ", ": ", "key: value\n", "title: again\n", "[", "]", "{", "}", ", ", "? ",
    "---\n", "...\n", "'", '"', "|\n  x\n", ">-\n", "#", "\n", "[[[[[[[[[[", "{a: {b: {c: ",
    "- - - - - - ", "? [a, b]\n: c\n", "? {a: 1}\n: x\n", "~", "null", "2019-09-20", "0x1F",
    "yes", "1e3", ".inf", "é", "“”", "\\", "%YAML 1.1\n",
]


#: Plain words with a space, starting as a bool, null, number or date may: text, but for a
#: date and time (the one implicit type with a space), whatever the fast path takes for text.
SPACED = ("a: no way\nb: Yes please\nc: 2001-12-14 21:59:43.10 -5\nd: 2001-12-14 x\n"
          "e: null value\nf: ~ x\ng: 1 2\nh: .5 of it\ni: -1 up\nj: on time\nk: <<  x\n"
          "l: 2001-12-14\t21:59:43\nm: True\nn: 0x1F\n")


@pytest.mark.parametrize("text", [*EXAMPLES, "", "# only a comment\n", "plain", "[a, *b]",
                                  SPACED,
                                  "a: &x 1\nb: *x\n", "--- a\n--- b\n", "!!map {a: 1}",
                                  "a: 1\na: 2\n<<: {b: 1}\n[x]: 1\n", "[" * 70 + "]" * 70])
def test_known_files_compose_alike(text: str) -> None:
    assert _outcome(_fast, text) == _outcome(_reference, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(EXAMPLES), data=st.data())
def test_mutated_example_files_compose_alike(base: str, data: st.DataObject) -> None:
    text = base
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:at] + data.draw(st.sampled_from(SNIPPETS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 40)):]
        else:
            lines = text.splitlines(keepends=True)
            n = min(data.draw(st.integers(0, max(len(lines) - 1, 0))), max(len(lines) - 1, 0))
            text = "".join(lines[: n + 1] + lines[n:])
    assert _outcome(_fast, text) == _outcome(_reference, text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!?|>'\" \n#%~")), max_size=60))
def test_arbitrary_yaml_punctuation_composes_alike(text: str) -> None:
    assert _outcome(_fast, text) == _outcome(_reference, text)


PIECES = st.sampled_from(["a", " ", "\n", "\t", "[", "{", "?", "? ", "key: value", "\ufeff",
                          "- [a, ? b]", "]", "}", "#", "\r\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=200).map("".join), st.integers(1, 64))
def test_the_search_for_what_libyaml_reads_differently_is_the_same_done_in_slices(
    text: str, chunk: int
) -> None:
    # The app reads kits in a worker thread; one search of a 6 MB text held the interpreter
    # lock (and froze the window) for 0.1 s, so it searches whole lines a slice at a time.
    saved = composer._SEARCH_CHUNK
    composer._SEARCH_CHUNK = chunk
    try:
        assert composer._libyaml_differs(text) == bool(composer._LIBYAML_DIFFERS.search(text))
    finally:
        composer._SEARCH_CHUNK = saved


def test_a_large_file_broken_at_its_end_is_refused_at_its_place_without_the_slow_reread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 50 MB kit broken on its last line took minutes to refuse: PyYAML's pure-Python
    parser read it all again to word the error. Past a megabyte, libyaml's words serve."""
    from presskit.storage import composer

    def never(*_args: object) -> None:
        raise AssertionError("the slow parser read the file again")

    lines = [f"  line_{n}: some text of the kit" for n in range(60_000)]
    text = "presskit: 1\nkit:\n" + "\n".join(lines) + "\n - : [\n"
    assert len(text) > 1_000_000
    monkeypatch.setattr(composer, "_Loader", never)
    composed = composer.compose(text)
    (problem,) = composed.problems
    assert composed.root is None and problem.line == 60_003  # type: ignore[attr-defined]
    assert problem.message.startswith("invalid YAML: ")


def test_questions_on_lines_around_a_topic_list_are_read_the_fast_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a ``? `` after a bracket of its own line is read differently by libyaml; a kit
    whose title asks a question, with a topic list below it and a heading asking another, is
    read by libyaml: the pure-Python parser takes ten times as long (3 s for 1,000 quotes)."""

    def never(*_args: object) -> None:
        raise AssertionError("the slow parser read the file")

    monkeypatch.setattr(composer, "_Loader", never)
    kit = loads_kit(
        "presskit: 1\nkit:\n  title: Will the talks resume? A briefing\nexperts:\n- id: kim\n"
        "  name: Duyeon Kim\n  topics: [North Korea, diplomacy]\nsections:\n- type: callout\n"
        "  heading: Need a cheat sheet?\n", Path("kit.presskit")).kit
    assert kit.title == "Will the talks resume? A briefing"
    assert kit.experts[0].topics == ["North Korea", "diplomacy"]
    assert kit.sections[0].heading == "Need a cheat sheet?"


def test_a_broken_bracket_names_the_line_the_bracket_was_opened_on() -> None:
    """The error is found where the wrong bracket closes; the message also says where the
    mapping it should close began, a line or more above."""
    with pytest.raises(ProjectFileError) as caught:
        loads_kit("presskit: 1\nkit: {title: Talks,\n  date: 2020-01-01]\nbrand: {}\n",
                  Path("kit.presskit"))
    assert str(caught.value) == (
        "kit.presskit:3:19: error: invalid YAML: expected ',' or '}', but got ']' (while "
        "parsing a flow mapping at line 2)")


@pytest.mark.parametrize("title", ["Talks again", '"Talks\tagain"'])
def test_nesting_too_deep_is_refused_at_the_bracket_past_the_limit_either_way_it_is_read(
    title: str,
) -> None:
    """A title holding a tab is read by the pure-Python parser, any other by libyaml: both
    refuse 65 levels at the same place, however many values came before the deep part."""
    text = (f"presskit: 1\nkit:\n  title: {title}\n  series: a\n  notes: "
            + "[" * 70 + "]" * 70 + "\n")
    assert composer._libyaml_differs(text) == ("\t" in title)
    with pytest.raises(ProjectFileError) as caught:
        loads_kit(text, Path("kit.presskit"))
    assert str(caught.value) == (
        "kit.presskit:5:72: error: invalid YAML: the document is nested more than 64 levels deep")
