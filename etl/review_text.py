"""What `python -m etl review` prints: every stored text made inert for a terminal.

Suggestions are written by anyone. A control character, an ANSI escape (`\\x1b[2J`), a
carriage return or a bidirectional override could repaint the maintainer's terminal or forge a
line; here each is written as its Python escape (`\\x1b`, `\\n`, `\\u202e`), so what is printed
is exactly what was stored, and nothing acts. The contact e-mail is never printed.
"""

from __future__ import annotations

import typing

from etl import schema

LIMIT = 2000  # characters shown of one stored text (`show` says how many more there are)


def inert(text: object, limit: int = LIMIT) -> str:
    """One printable line: anything not printable (controls, line breaks, format characters) escaped."""
    value = str(text)
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in value[:limit])
    return shown + (f" [... {len(value) - limit} more characters]" if len(value) > limit else "")


def listing(rows) -> list[str]:
    """One line per suggestion: reference, state, date, record and field."""
    lines = [f"{'reference':<12} {'state':<15} {'received':<16} record"]
    for row in rows:
        record = f"{row.table}/{row.record_id or '(missing record)'}:{row.field}"
        lines.append(f"{inert(row.reference, 20):<12} {row.state:<15} "
                     f"{row.created_at:%Y-%m-%d %H:%M} {inert(record, 120)}")
    return lines


def details(row, now_in_data: str, events) -> list[str]:
    """`show`: the record, the values, the evidence, the note and the history."""
    lines = [
        f"reference:      {inert(row.reference)}",
        f"state:          {row.state}",
        f"received:       {row.created_at:%Y-%m-%d %H:%M} UTC (page language {inert(row.lang, 10)})",
        f"record:         {inert(row.table)} / {inert(row.record_id) or '(missing record)'}",
        f"field:          {inert(row.field)}",
        f"value in data:  {inert(now_in_data)}",
        f"current (seen): {inert(row.current_value)}",
        f"proposed:       {inert(row.proposed_value)}",
        f"evidence:       {inert(row.evidence_url)}",
        f"note:           {inert(row.note)}",
        f"page:           {inert(row.page_url)}",
        f"contact:        {'given (never shown)' if row.has_contact else 'none'}",
    ]
    if row.spam_reason:
        lines.append(f"spam reason:    {inert(row.spam_reason)}")
    if row.merged_in:
        lines.append(f"merged in:      {inert(row.merged_in)}")
    lines.append("history:")
    lines += [f"  {e.at:%Y-%m-%d %H:%M} {inert(e.from_state or '-')} -> {inert(e.to_state)} "
              f"by {inert(e.reviewer, 100)}" + (f": {inert(e.reason)}" if e.reason else "")
              for e in events]
    return lines


def _model(table: str):
    annotation = schema.RawFile.model_fields[table].annotation
    return typing.get_args(annotation)[0]


def skeleton(row, source_id: str, today: str) -> list[str]:
    """What a maintainer adds by hand for a missing (or whole) record: the required fields of the
    table, the proposal and the evidence as comments, the evidence as a source."""
    model = _model(row.table) if row.table in schema.RawFile.model_fields else None
    required = [name for name, f in (model.model_fields.items() if model else ())
                if f.is_required() and name not in ("source_ids", "last_verified")]
    proposal = [f"    #   {inert(part)}" for part in str(row.proposed_value).splitlines() or [""]]
    lines = [f"# Add by hand under `{row.table}:` in the right data/raw file, fill in every field, "
             "then run:",
             f"#   python -m etl review merge {row.reference} --record <the new record's id>",
             f"{row.table}:",
             f"  - {required[0] if required else 'id'}: <fill in>",
             *[f"    {name}: <fill in>" for name in required[1:]],
             f"    # proposed in {row.reference} (field {inert(row.field)}):", *proposal,
             f"    # note: {inert(row.note)}"]
    if "source_ids" in (model.model_fields if model else {}):
        lines.append(f"    source_ids: [{source_id}]")
    if "last_verified" in (model.model_fields if model else {}):
        lines.append(f"    last_verified: {today}")
    return lines + _source(row, source_id, today)


def by_hand(row, source_id: str, today: str) -> list[str]:
    """What to change by hand in an existing record, and how to log it once done."""
    return [f"# Edit by hand: {inert(row.table)} / {inert(row.record_id)}, field {inert(row.field)}",
            f"#   proposed: {inert(row.proposed_value)}",
            f"#   evidence: {inert(row.evidence_url)}",
            f"# cite the evidence ({source_id}), set last_verified: {today}, then run:",
            f"#   python -m etl review merge {row.reference} --record {inert(row.record_id)}",
            *_source(row, source_id, today)]


def _source(row, source_id: str, today: str) -> list[str]:
    return ["sources:", f"  - source_id: {source_id}",
            f"    title: <what the page is> (suggestion {row.reference})",
            f"    url: {inert(row.evidence_url)}", f"    accessed: {today}",
            "    kind: secondary   # official if it is the organisation's own site"]
