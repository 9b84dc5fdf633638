"""Minimal edits of a curated YAML file: set, add or drop one key of one list entry.

ruamel.yaml's round-trip loader finds the entry and the line and column of each key; only the
lines of the keys that change are rewritten (each rendered by ruamel.yaml), so every comment, the
key order, the quoting and the wrapping of the rest of the file stay byte for byte as they were.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def yaml() -> YAML:
    """The round-trip reader/writer: comments, key order and quotes kept, long lines not wrapped."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 100_000
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.ignore_aliases = lambda *_: True  # the build refuses anchors and aliases
    return y


def load(text: str) -> Any:
    return yaml().load(text)


def render(key: str, value: Any, column: int) -> list[str]:
    """`key: value` as YAML lines indented to `column` (lists in flow style, as the files write)."""
    if isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        value = seq
    out = io.StringIO()
    yaml().dump(CommentedMap([(key, value)]), out)
    return [" " * column + line for line in out.getvalue().splitlines()]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def key_span(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """The lines [start, end) holding the key at (line, column) and its value: the following lines
    indented deeper (or block-sequence items at the key's own column), without trailing blank or
    comment lines."""
    end = line + 1
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        deeper = stripped and _indent(text) > column
        item = _indent(text) == column and stripped.startswith("- ")
        if not (deeper or item or not stripped):
            break
        end += 1
    while end > line + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return line, end


def entry_end(lines: list[str], entry: CommentedMap) -> int:
    """The line after the last key of a mapping entry."""
    last = max(entry, key=lambda k: entry.lc.key(k)[0])
    return key_span(lines, *entry.lc.key(last))[1]


def set_key(lines: list[str], entry: CommentedMap, key: str, value: Any,
            after: Callable[[str], bool] | None = None) -> list[str]:
    """The file's lines with `entry[key]` set to `value` (None drops the key). A new key goes after
    the last present key for which `after(key)` is true (default: at the end of the entry)."""
    column = entry.lc.key(next(iter(entry)))[1]
    if key in entry:
        start, end = key_span(lines, *entry.lc.key(key))
        new = [] if value is None else render(key, value, column)
        return lines[:start] + new + lines[end:]
    if value is None:
        return lines
    before = [k for k in entry if after is None or after(k)] or list(entry)[:1]
    end = key_span(lines, *entry.lc.key(before[-1]))[1]
    return lines[:end] + render(key, value, column) + lines[end:]


def set_keys(text: str, locate: Callable[[Any], CommentedMap], values: dict[str, Any],
             order: tuple[str, ...] = ()) -> str:
    """`text` with several keys of one entry set, one at a time (the file is re-read between
    edits, so each edit sees the lines where they now are). `locate(document)` finds the entry;
    `order` is the usual order of keys, used to place a new one."""
    rank = {k: i for i, k in enumerate(order)}
    for key, value in values.items():
        entry = locate(load(text))

        def earlier(k: str, key: str = key) -> bool:
            return rank.get(k, -1) < rank.get(key, len(order))

        lines = set_key(text.splitlines(), entry, key, value, earlier)
        text = "\n".join(lines) + "\n"
    return text
