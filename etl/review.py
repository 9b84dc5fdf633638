"""`python -m etl review`: review suggested corrections into data/raw (issue 13).

  list [--state S]                 suggestions, oldest first
  show REF                         the record, current and proposed values, evidence, note, history
  accept REF [--value TEXT]        apply the change to data/raw, rebuild, mark it merged
  merge REF --record ID            mark merged a suggestion a maintainer applied by hand
  reject REF --reason R            refuse it
  needs-evidence REF --reason R    ask for better evidence
  spam REF                         mark it spam
  forget-contact REF               delete its contact e-mail

The database is the app's (atlas.suggestions.settings.database_url(); `--database URL` overrides).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

from atlas.suggestions import db, settings, store
from etl import review_text
from etl.build import PROCESSED, RAW, STATIC_DATA
from etl.corrections import apply as applying
from etl.corrections.change import Change, Refused

SIMPLE = {"reject": "rejected", "needs-evidence": "needs_evidence", "spam": "spam"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl review", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="SQLAlchemy URL (default: the app's settings)")
    parser.add_argument("--raw", type=Path, default=RAW, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=PROCESSED, help=argparse.SUPPRESS)
    parser.add_argument("--static", type=Path, default=None, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list").add_argument("--state", choices=store.STATES)
    for name in ("show", "accept", "merge", *SIMPLE, "forget-contact"):
        cmd = sub.add_parser(name)
        cmd.add_argument("reference")
        cmd.add_argument("--reviewer", default=getpass.getuser())
        cmd.add_argument("--reason", required=name in ("reject", "needs-evidence"), default="")
    sub.choices["accept"].add_argument("--value", help="the value to write instead of the proposal")
    sub.choices["merge"].add_argument("--record", required=True, help="the id of the record added")
    return parser


def _say(*lines: str) -> None:
    print("\n".join(lines))


def _static(args: argparse.Namespace) -> Path | None:
    if args.static is not None:
        return args.static
    return STATIC_DATA if args.out.resolve() == PROCESSED.resolve() else None


def _value_now(args: argparse.Namespace, row: store.SuggestionRow) -> str:
    if not row.record_id:
        return "(a record to add)"
    try:
        item = applying.locate(applying.curated(args.raw), row.table, row.record_id)
    except (Refused, applying.Failed) as err:
        return f"(not found: {str(err).splitlines()[0]})"
    if row.field == "*":
        return "(the whole record)"
    return str(getattr(item.record, row.field, "(no such field)"))


def _change(row: store.SuggestionRow, args: argparse.Namespace, record_id: str = "") -> Change:
    return Change(table=row.table, record_id=record_id or row.record_id, field=row.field,
                  proposed=args.value if getattr(args, "value", None) is not None
                  else row.proposed_value, evidence_url=row.evidence_url,
                  why=args.reason or row.note, reference=row.reference, today=dt.date.today())


def _to_accepted(engine, row: store.SuggestionRow, args, reason: str) -> None:
    if row.state != "accepted":
        store.transition(engine, row.reference, "accepted", args.reviewer, reason)


def _by_hand(engine, row, args, why: str) -> int:
    _to_accepted(engine, row, args, f"to apply by hand: {why}")
    source_id, today = f"evidence-{row.reference.lower()}", dt.date.today().isoformat()
    steps = (review_text.by_hand(row, source_id, today) if row.record_id and row.field != "*"
             else review_text.skeleton(row, source_id, today))
    _say(f"{row.reference} is accepted, not applied: {review_text.inert(why)}", *steps)
    return 0


def accept(engine, row: store.SuggestionRow, args: argparse.Namespace) -> int:
    """Accepted, applied, rebuilt and merged; or accepted with the reason it was not applied."""
    if row.state not in ("received", "needs_evidence", "accepted"):
        _say(f"{row.reference} is {row.state}: only a received, needs_evidence or accepted "
             "suggestion can be accepted")
        return 1
    try:
        applied = applying.apply(_change(row, args), args.raw, args.out, _static(args))
    except Refused as err:
        return _by_hand(engine, row, args, str(err))
    except applying.Failed as err:
        _to_accepted(engine, row, args, f"not applied, the build refused it: {err}")
        _say(f"{row.reference} stays accepted; the change was not written. The build said:",
             *(review_text.inert(line) for line in str(err).splitlines()))
        return 1
    _to_accepted(engine, row, args, args.reason)
    build = applying.build_id(args.out)
    store.transition(engine, row.reference, "merged", args.reviewer,
                     f"correction {applied.correction_id}", merged_in=build)
    _say(f"{row.reference} merged as {applied.correction_id} into {build}; changed: "
         + ", ".join(str(p) for p in applied.files), "Commit data/raw and data/processed.")
    return 0


def merge(engine, row: store.SuggestionRow, args: argparse.Namespace) -> int:
    """Log a change a maintainer made by hand (the record must exist), then mark it merged."""
    if row.state != "accepted":
        _say(f"{row.reference} is {row.state}: accept it first")
        return 1
    kind, old = ("added", None) if not row.record_id else ("changed", row.current_value)
    try:
        applied = applying.log_by_hand(_change(row, args, args.record), kind, old, args.raw,
                                       args.out, _static(args))
    except (Refused, applying.Failed) as err:
        _say(*(review_text.inert(line) for line in str(err).splitlines()))
        return 1
    build = applying.build_id(args.out)
    store.transition(engine, row.reference, "merged", args.reviewer,
                     f"correction {applied.correction_id}", merged_in=build)
    _say(f"{row.reference} merged as {applied.correction_id} into {build}")
    return 0


def run(engine, args: argparse.Namespace) -> int:
    if args.command == "list":
        _say(*review_text.listing(store.listing(engine, args.state)))
        return 0
    row = store.get(engine, args.reference)
    if row is None:
        _say(f"no suggestion {review_text.inert(args.reference, 40)}")
        return 1
    if args.command == "show":
        _say(*review_text.details(row, _value_now(args, row), store.history(engine, row.reference)))
        return 0
    if args.command == "forget-contact":
        gone = store.forget_contact(engine, row.reference)
        _say(f"{row.reference}: contact {'deleted' if gone else 'was not given'}")
        return 0
    if args.command in SIMPLE:
        moved = store.transition(engine, row.reference, SIMPLE[args.command], args.reviewer,
                                 args.reason)
        _say(f"{row.reference}: {row.state} -> {moved.state}")
        return 0
    return accept(engine, row, args) if args.command == "accept" else merge(engine, row, args)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    engine = db.engine(args.database or settings.database_url())
    try:
        db.migrate(engine)
        return run(engine, args)
    except store.IllegalTransition as err:
        _say(review_text.inert(err))
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
