"""The project-file dumper as it was before libyaml wrote the files: PyYAML's pure-Python
emitter with the original representers, frozen here so that what users' files hold stays the
reference even if ``presskit.storage.dumper`` changes (its Python fallback included)."""

from __future__ import annotations

from typing import Any

import yaml

from presskit.storage.dumper import DateTimeText, FlowList, FlowMap, LiteralText

STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class ReferenceDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: ReferenceDumper, value: str) -> yaml.ScalarNode:
    style = None
    if any(ch in value for ch in _ODD_BREAKS):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar(STR_TAG, value, style=style)


def _represent_literal(dumper: ReferenceDumper, value: LiteralText) -> yaml.ScalarNode:
    if not value or any(ch in value for ch in _ODD_BREAKS):
        return _represent_str(dumper, str(value))
    return dumper.represent_scalar(STR_TAG, str(value), style="|")


def _represent_date_time(dumper: ReferenceDumper, value: DateTimeText) -> yaml.ScalarNode:
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))
    return dumper.represent_scalar(TIMESTAMP_TAG if tag == TIMESTAMP_TAG else STR_TAG, str(value))


def _represent_flow_list(dumper: ReferenceDumper, value: FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_flow_map(dumper: ReferenceDumper, value: FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


ReferenceDumper.add_representer(str, _represent_str)
ReferenceDumper.add_representer(LiteralText, _represent_literal)
ReferenceDumper.add_representer(DateTimeText, _represent_date_time)
ReferenceDumper.add_representer(FlowList, _represent_flow_list)
ReferenceDumper.add_representer(FlowMap, _represent_flow_map)


def reference_dumps(data: dict[str, Any]) -> str:
    """``data`` exactly as presskit wrote it with ``yaml.dump`` and the Python emitter."""
    text: str = yaml.dump(data, Dumper=ReferenceDumper, default_flow_style=False,
                          sort_keys=False, allow_unicode=True, width=2**31 - 1, indent=2)
    return text
