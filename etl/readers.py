"""Read curated YAML safely (size cap, strict UTF-8, no anchors or aliases) into schema models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from etl.problems import Problem
from etl.schema import KIND_KEYS, RawFile

MAX_FILE_BYTES = 2_000_000


class DuplicateKeyError(yaml.constructor.ConstructorError):
    def __init__(self, key: str, mark) -> None:
        super().__init__(None, None, f"duplicate key '{key}' (YAML would keep only the last)", mark)
        self.key = key


# libyaml's parser (C) reads the events; our composer and constructor (Python) check them. The
# pure-Python scanner took 10 of the build's 12 seconds once the translations arrived.
if yaml.__with_libyaml__:
    _Parser = yaml.cyaml.CParser  # type: ignore[attr-defined]
else:  # the same events from the pure-Python reader, scanner and parser
    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _NoAliasLoader(yaml.composer.Composer, _Parser, yaml.constructor.SafeConstructor,  # type: ignore[misc,valid-type]
                     yaml.resolver.Resolver):
    """A safe loader that refuses anchors and aliases, so a 'billion laughs' file cannot expand,
    and explicit tags. The Python composer comes first, so its checks run whichever parser reads.

    Dates stay text here: pydantic parses them, so a bad date is reported with its record and field.
    """

    def __init__(self, stream) -> None:
        _Parser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        seen = sorted({k for k in keys if keys.count(k) > 1 and isinstance(k, str)})
        if seen:
            raise DuplicateKeyError(seen[0], node.start_mark)
        return super().construct_mapping(node, deep=deep)

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases are not allowed", event.start_mark
            )
        if getattr(event, "tag", None) not in (None, "!"):
            # !!set, !!python/…, !!binary, !custom: only plain scalars, lists and maps are data
            # (a set's order even changes between runs, which would make `etl check` flaky).
            raise yaml.composer.ComposerError(
                None, None, f"explicit tags such as '{event.tag}' are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


# YAML 1.1 without its surprises: `yes`/`no`/`on`/`off` stay text (only true/false are booleans),
# `1:17` stays text (not the base-60 number 77), and dates stay text for pydantic.
_CORE = {
    "tag:yaml.org,2002:bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "tag:yaml.org,2002:int": re.compile(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    "tag:yaml.org,2002:float": re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
}
_NoAliasLoader.yaml_implicit_resolvers = {
    first: [(tag, _CORE.get(tag, regexp)) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "yYnNoO":  # YAML 1.1 booleans start with these letters; 1.2 keeps them as text
    _NoAliasLoader.yaml_implicit_resolvers[_first] = [
        (tag, regexp) for tag, regexp in _NoAliasLoader.yaml_implicit_resolvers.get(_first, [])
        if tag != "tag:yaml.org,2002:bool"]


def load_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Parse one file, or return the problems that stop it from being read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(shown, "-", "-", f"cannot read the file: {exc.strerror}")]
    if size > MAX_FILE_BYTES:
        return None, [Problem(shown, "-", "-", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "-", "-", f"not valid UTF-8 at byte {exc.start}")]
    try:
        return yaml.load(text, Loader=_NoAliasLoader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "-"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        field = exc.key if isinstance(exc, DuplicateKeyError) else "-"
        return None, [Problem(shown, where, field, f"invalid YAML: {reason}")]


def _record_id(data: Any, kind: str, index: int) -> str:
    """What names the record in a message: its id, and for a membership row also its country
    (or its position), so a bad value in the third row of an organisation names that row."""
    if isinstance(data, dict):
        items = data.get(kind)
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            value = items[index].get(KIND_KEYS[kind])
            if isinstance(value, str) and value:
                if kind == "memberships":
                    iso3 = items[index].get("iso3")
                    return f"{value[:80]}/{iso3}" if isinstance(iso3, str) else f"{value[:80]}[{index}]"
                return value[:80]
    return f"{kind}[{index}]"


def _problem_from_error(shown: str, data: Any, err: Any) -> Problem:
    loc = [str(part) for part in err["loc"]]
    message = err["msg"].removeprefix("Value error, ")
    if not loc:
        return Problem(shown, "-", "-", message)
    kind = loc[0]
    if kind not in KIND_KEYS:
        return Problem(shown, "-", kind, message)
    if len(loc) < 2 or not loc[1].isdigit():
        return Problem(shown, "-", kind, message)
    record = _record_id(data, kind, int(loc[1]))
    field = ".".join(part for part in loc[2:] if not part.isdigit()) or "-"
    return Problem(shown, record, field, message)


def parse_file(path: Path, shown: str) -> tuple[RawFile | None, list[Problem]]:
    """Load and validate one curated file against the schema."""
    data, problems = load_yaml(path, shown)
    if problems:
        return None, problems
    if data is None:
        return RawFile(), []
    if not isinstance(data, dict):
        return None, [Problem(shown, "-", "-", "the file must be a mapping of lists")]
    try:
        return RawFile.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem_from_error(shown, data, e) for e in exc.errors()]
