"""Apply one reviewed change to data/raw, validate it by a full build, and keep it or undo it.

The record's file and data/raw/corrections.yaml are written, then compiled (validated) once;
when the build refuses them, both files get back their exact bytes and `Failed` carries the ETL's
message. Only a change that builds is kept, and that same build is published to data/processed
(and static/data): one build per accept, not a trial build and then another.
"""

from __future__ import annotations

import fcntl
import hashlib
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from etl import record_ids
from etl.build import ROOT, compiled, publish_compiled, read_curated
from etl.catalog import MANIFEST_FILENAME
from etl.corrections.change import Change, Refused, check_editable, is_official, plain
from etl.corrections.edit import append_log, edit_record
from etl.curated import Curated, Located
from etl.problems import BuildError

LOG_FILE = "corrections.yaml"
EMPTY_LOG = "# The corrections log (data/raw/README.md, \"Corrections\").\ncorrections: []\n"


class Failed(Exception):
    """The change did not build; every file is as it was. `str()` is the ETL's message."""


@dataclass(frozen=True)
class Applied:
    correction_id: str
    source_id: str
    old: str | None
    files: tuple[Path, ...]


def _path(shown: str) -> Path:
    path = Path(shown)
    return path if path.is_absolute() else ROOT / path


def curated(raw: Path) -> Curated:
    try:
        return read_curated(raw)[0]
    except BuildError as err:
        raise Failed("data/raw does not build before the change:\n" + str(err)) from None


def locate(data: Curated, table: str, record_id: str) -> Located:
    """The one curated record a change names (Refused when there is none)."""
    if table == "memberships":
        key = record_ids.membership_id(record_id)
        found = [i for i in data.located(table) if key is not None and key.matches(i.record)]
    else:
        field = record_ids.ID_FIELDS.get(table, "")
        found = [i for i in data.located(table) if getattr(i.record, field, None) == record_id]
    if len(found) != 1:
        raise Refused(f"no single {table} record '{record_id}' in data/raw "
                      f"({len(found)} found; memberships are named RIGO/ISO3/START)")
    return found[0]


def full_id(change: Change, item: Located) -> str:
    """The id that still names the record after the change (a membership's open period, named
    RIGO/ISO3, is logged with its start: setting its end_date closes it)."""
    key = record_ids.membership_id(change.record_id) if change.table == "memberships" else None
    if key is None:
        return change.record_id
    start = item.record.start_date
    return f"{key.rigo_id}/{key.iso3}/{start.isoformat() if start else record_ids.BEFORE_2000}"


def evidence(data: Curated, change: Change, item: Located | None) -> tuple[str, dict | None]:
    """The id citing the evidence, and the new source to declare (None when the URL is already a
    source). The id is `evidence-<reference>` (a suffix keeps it unique)."""
    for source in data.records("sources"):
        if source.url == change.evidence_url:
            return source.source_id, None
    taken = {s.source_id for s in data.records("sources")}
    base = f"evidence-{(change.reference or 'c-' + change.today.isoformat()).lower()}"
    source_id, n = base, 1
    while source_id in taken:
        n += 1
        source_id = f"{base}-{n}"
    rigo = getattr(item.record, "rigo_id", None) if item else None
    sites = [getattr(item.record, k, None) for k in ("website", "url")] if item else []
    sites += [r.website for r in data.records("rigos") if r.rigo_id in (rigo, change.record_id)]
    about = f"{change.table} {change.record_id or '(new record)'}, {change.field}"
    title = f"Evidence for {about}" + (f" (suggestion {change.reference})" if change.reference else "")
    return source_id, {"source_id": source_id, "title": title, "url": change.evidence_url,
                       "accessed": change.today,
                       "kind": "official" if is_official(change.evidence_url, sites) else "secondary"}


def log_entry(change: Change, kind: str, old: str | None, source_id: str) -> dict:
    entry: dict = {"correction_id": "", "date": change.today, "table": change.table,
                   "record_id": change.record_id, "field": change.field, "change": kind}
    if old is not None and kind != "added":
        entry["old"] = plain(old)
    if kind != "closed":
        entry["new"] = plain(change.proposed)
    entry["why"] = plain(change.why) or f"Suggested correction {change.reference}".strip()
    if change.reference:
        entry["suggestion"] = change.reference
    return {**entry, "source_ids": [source_id], "last_verified": change.today}


def _kind(change: Change) -> str:
    closing = change.field == "status" and change.proposed.strip() == "ended"
    return "closed" if change.table == "channels" and closing else "changed"


def _correction_id(text: str) -> str:
    from etl.corrections import yamltext

    return str(yamltext.load(text)["corrections"][-1]["correction_id"])


def write_validated(raw: Path, texts: dict[Path, str], out: Path | None,
                    static: Path | None) -> None:
    """Write `texts` and compile raw/ once: restore every byte when the build refuses them, else
    publish that same build to `out` (and `static`)."""
    before = {path: path.read_bytes() if path.exists() else None for path in texts}
    try:
        for path, text in texts.items():
            path.write_text(text, encoding="utf-8")
        result = compiled(raw)
    except BaseException as exc:
        for path, data in before.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        if isinstance(exc, BuildError):
            raise Failed(str(exc)) from None
        raise
    if out is not None:
        publish_compiled(result, out, static)


@contextmanager
def one_at_a_time(raw: Path) -> Iterator[None]:
    """Two reviewers accepting at once on one machine take turns (a lock file outside data/raw)."""
    name = hashlib.sha256(str(raw.resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"engagement-atlas-review-{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def apply(change: Change, raw: Path, out: Path | None = None, static: Path | None = None) -> Applied:
    """Write `change` into `raw` with its evidence and log entry (Refused / Failed otherwise)."""
    with one_at_a_time(raw):
        return _apply(change, raw, out, static)


def _apply(change: Change, raw: Path, out: Path | None, static: Path | None) -> Applied:
    check_editable(change)
    data = curated(raw)
    item = locate(data, change.table, change.record_id)
    change = replace(change, record_id=full_id(change, item))
    source_id, source = evidence(data, change, item)
    record_file = _path(item.path)
    new_record, old = edit_record(record_file.read_text(encoding="utf-8"), change, source_id)
    log_file = raw / LOG_FILE
    log_text = log_file.read_text(encoding="utf-8") if log_file.exists() else EMPTY_LOG
    log = append_log(log_text, source, log_entry(change, _kind(change), old, source_id))
    write_validated(raw, {record_file: new_record, log_file: log}, out, static)
    return Applied(_correction_id(log), source_id, old, (record_file, log_file))


def log_by_hand(change: Change, kind: str, old: str | None, raw: Path, out: Path | None = None,
                static: Path | None = None) -> Applied:
    """Log a change a maintainer made by hand (`added` or `changed`: the record must exist now),
    citing the suggestion's evidence (a source already declared with its URL is reused)."""
    with one_at_a_time(raw):
        return _log_by_hand(change, kind, old, raw, out, static)


def _log_by_hand(change: Change, kind: str, old: str | None, raw: Path, out: Path | None,
                 static: Path | None) -> Applied:
    data = curated(raw)
    if not record_ids.exists(data, change.table, change.record_id):
        raise Refused(f"no {change.table} record '{change.record_id}' in data/raw: "
                      f"{'add' if kind == 'added' else 'check'} it first")
    if kind == "added":
        change = replace(change, field="*")
    source_id, source = evidence(data, change, None)
    log_file = raw / LOG_FILE
    log_text = log_file.read_text(encoding="utf-8") if log_file.exists() else EMPTY_LOG
    log = append_log(log_text, source, log_entry(change, kind, old, source_id))
    write_validated(raw, {log_file: log}, out, static)
    return Applied(_correction_id(log), source_id, None, (log_file,))


def build_id(out: Path) -> str:
    """What a merged suggestion went into: the built manifest's fingerprint, and the commit the
    working tree is on when it is a git checkout (`build-<sha256>[@<commit>]`)."""
    manifest = out / MANIFEST_FILENAME
    fingerprint = hashlib.sha256(manifest.read_bytes()).hexdigest()[:12] if manifest.exists() else "none"
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=out.parent, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()[:12]
    except (OSError, subprocess.SubprocessError):
        head = ""
    return f"build-{fingerprint}" + (f"@{head}" if head else "")
