"""The new text of a record's file and of the corrections log for one change (pure functions)."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from etl import record_ids
from etl.corrections import yamltext
from etl.corrections.change import TABLES, Change, Refused, as_text, entry_finder, value


def _stable_finder(change: Change, entry: Any):
    """For a membership, a finder that still finds the period once its end_date is set."""
    if change.table != "memberships":
        return entry_finder(change.table, change.record_id)
    key = record_ids.membership_id(change.record_id)
    assert key is not None
    start = entry.get("start_date")
    full = f"{key.rigo_id}/{key.iso3}/{start if start is not None else record_ids.BEFORE_2000}"
    return entry_finder("memberships", full)


def _split_country(text: str, change: Change, find) -> str:
    """A period shared by several countries, with this country moved to its own copy of it (just
    after), so a change for one country leaves the others as they were."""
    lines = text.splitlines()
    entry = find(yamltext.load(text))
    codes = list(entry["iso3"])
    code = record_ids.membership_id(change.record_id).iso3  # type: ignore[union-attr]
    end = yamltext.entry_end(lines, entry)
    lines = lines[:end] + lines[entry.lc.line:end] + lines[end:]
    text = "\n".join(lines) + "\n"
    first = find(yamltext.load(text))
    rest = [c for c in codes if c != code]
    lines = yamltext.set_key(text.splitlines(), first, "iso3", rest if len(rest) > 1 else rest[0])
    text = "\n".join(lines) + "\n"
    return yamltext.set_keys(text, find, {"iso3": code})


def edit_record(text: str, change: Change, source_id: str) -> tuple[str, str | None]:
    """The record file with the change, the evidence cited and `last_verified` set, and the old
    value as text (None when the field was unset)."""
    entry = entry_finder(change.table, change.record_id)(yamltext.load(text))
    current = entry.get(change.field)
    if isinstance(current, dict) or (isinstance(current, list) and any(
            isinstance(item, dict) for item in current)):
        raise Refused(f"'{change.field}' holds nested records: edit it by hand")
    find = _stable_finder(change, entry)
    if change.table == "memberships" and not isinstance(entry["iso3"], str) and len(entry["iso3"]) > 1:
        text = _split_country(text, change, find)
    cited = [str(s) for s in entry.get("source_ids") or []]
    updates = {change.field: value(change.table, change.field, change.proposed, current),
               "source_ids": cited + ([source_id] if source_id not in cited else []),
               "last_verified": change.today}
    return yamltext.set_keys(text, find, updates, TABLES[change.table].columns), as_text(current)


def next_correction_id(document: Any, today) -> str:
    prefix = f"c-{today.isoformat()}-"
    taken = {str(e.get("correction_id")) for e in (document or {}).get("corrections") or []}
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _block(document: CommentedMap, key: str) -> CommentedSeq:
    """The list under `key`, created if absent, written in block style (one entry a line group)."""
    if not isinstance(document.get(key), list):
        document[key] = CommentedSeq()
    seq = document[key]
    if not isinstance(seq, CommentedSeq):
        seq = document[key] = CommentedSeq(seq)
    seq.fa.set_block_style()
    return seq


def append_log(text: str, source: dict | None, entry: dict) -> str:
    """The corrections file with the evidence source (when new) and one more log entry; the id
    `entry['correction_id']` is filled in when empty."""
    document = yamltext.load(text) or CommentedMap()
    if source is not None:
        _block(document, "sources").append(CommentedMap(source))
    log = _block(document, "corrections")
    entry = dict(entry)
    entry["correction_id"] = entry.get("correction_id") or next_correction_id(document, entry["date"])
    for key, items in entry.items():
        if isinstance(items, list):  # source_ids: [a, b], as the other files write them
            entry[key] = CommentedSeq(items)
            entry[key].fa.set_flow_style()
    log.append(CommentedMap(entry))
    out = io.StringIO()
    yamltext.yaml().dump(document, out)
    return out.getvalue()
